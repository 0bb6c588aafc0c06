//! `study.xlsx`: the study as a workbook for planners who work in a spreadsheet. Every
//! figure is a number (never text), exactly the value `summary.json` holds, shown in the
//! metric's unit by the cell's number format (a share as `90.6%`, money with thousands
//! separators); the unit is in every header. Sheets: `summary` (a row per scenario, and
//! per contact type of a centre), `differences` (each compared scenario against the
//! baseline), `intervals` (a row per scenario × interval, and per type of a centre) and,
//! when the study has a centre, `groups` (a row per agent group × interval). Header rows
//! and the name columns are frozen, columns are as wide as their contents.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::compare::Comparison;
use crate::error::{Error, Result};
use crate::metrics::{Kind, Metric};
use crate::report::{Metrics, Report};
use crate::stats::Estimate;

/// The file's name in a study folder.
pub const STUDY_XLSX: &str = "study.xlsx";

/// The bytes of `study.xlsx` for this report and its comparisons.
pub fn workbook(report: &Report, comparisons: &[Comparison]) -> Result<Vec<u8>> {
    build(report, comparisons).map_err(|e| Error::Other(format!("cannot write {STUDY_XLSX}: {e}")))
}

fn build(report: &Report, comparisons: &[Comparison]) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed date, so that the same study gives the same bytes.
    let date = ExcelDateTime::from_ymd(2001, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    let sheet = Sheet::new(report);
    summary(book.add_worksheet(), &sheet, report)?;
    differences(book.add_worksheet(), &sheet, comparisons)?;
    intervals(book.add_worksheet(), &sheet, report)?;
    if report.scenarios.iter().any(|s| s.groups.is_some()) {
        groups(book.add_worksheet(), report)?;
    }
    book.save_to_buffer()
}

/// What every sheet shares: the metrics worth a column, the currency, the formats.
struct Sheet {
    metrics: Vec<Metric>,
    currency: String,
    typed: bool,
    bold: Format,
}

impl Sheet {
    fn new(report: &Report) -> Self {
        // Metrics some scenario has a defined, non-zero value for: a mechanism no
        // scenario has would be a column of zeros.
        let metrics = Metric::ALL
            .iter()
            .copied()
            .filter(|&m| {
                report.scenarios.iter().any(|s| {
                    let x = s.metrics.get(m).mean;
                    x.is_finite() && x != 0.0
                })
            })
            .collect();
        Sheet {
            metrics,
            currency: report
                .scenarios
                .first()
                .map_or(String::new(), |s| s.currency.clone()),
            typed: report.scenarios.iter().any(|s| s.types.is_some()),
            bold: Format::new().set_bold(),
        }
    }

    /// The unit of a metric's header: `%`, `EUR/day`, `s`, `h/day`, `per day`.
    fn unit(&self, m: Metric) -> String {
        let d = m.def();
        let per_day = d.kind == Kind::Count;
        match d.unit {
            "%" | "pct" => "%".into(),
            "money" if per_day => format!("{}/day", self.currency),
            "money" => self.currency.clone(),
            "h" if per_day => "h/day".into(),
            "" if per_day => "per day".into(),
            u => u.to_string(),
        }
    }

    /// The header of a metric's column, prefixed (`Δ `) for a difference.
    fn header(&self, m: Metric, prefix: &str) -> String {
        let unit = self.unit(m);
        if unit.is_empty() {
            format!("{prefix}{}", m.def().label)
        } else {
            format!("{prefix}{} ({unit})", m.def().label)
        }
    }

    /// How a metric's cells read: shares as percentages, money with separators.
    fn format(m: Metric) -> Format {
        let d = m.def();
        let pattern = match d.unit {
            "%" => "0.0%",
            "pct" | "s" => "0.0",
            "money" => "#,##0.00",
            "h" => "#,##0.0",
            "" if d.kind == Kind::Count => "#,##0.0",
            _ => "0.000",
        };
        Format::new().set_num_format(pattern)
    }

    /// Writes the headers `lead` then each metric's mean and half-width headers.
    fn headers(&self, w: &mut Worksheet, lead: &[&str], prefix: &str) -> XResult<()> {
        for (c, h) in lead.iter().enumerate() {
            w.write_string_with_format(0, col(c), *h, &self.bold)?;
        }
        for (k, &m) in self.metrics.iter().enumerate() {
            let c = lead.len() + 2 * k;
            w.write_string_with_format(0, col(c), self.header(m, prefix), &self.bold)?;
            let unit = self.unit(m);
            let hw = if unit.is_empty() {
                "± 95 %".to_string()
            } else {
                format!("± 95 % ({unit})")
            };
            w.write_string_with_format(0, col(c + 1), hw, &self.bold)?;
        }
        w.set_freeze_panes(1, col(lead.len()))?;
        Ok(())
    }

    /// Writes each metric's mean and half-width from column `first` of `row`.
    fn estimates(
        &self,
        w: &mut Worksheet,
        row: u32,
        first: usize,
        get: impl Fn(Metric) -> Estimate,
    ) -> XResult<()> {
        for (k, &m) in self.metrics.iter().enumerate() {
            let e = get(m);
            let f = Sheet::format(m);
            number(w, row, col(first + 2 * k), e.mean, &f)?;
            number(w, row, col(first + 2 * k + 1), e.half_width, &f)?;
        }
        Ok(())
    }
}

type XResult<T> = std::result::Result<T, XlsxError>;

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// A figure as a number; an undefined one (no denominator) as an empty cell, and
/// `-0.0` as `0`.
fn number(w: &mut Worksheet, row: u32, c: u16, x: f64, f: &Format) -> XResult<()> {
    if x.is_finite() {
        w.write_number_with_format(row, c, x + 0.0, f)?;
    }
    Ok(())
}

fn metrics_of(metrics: &Metrics) -> impl Fn(Metric) -> Estimate + '_ {
    move |m| metrics.get(m)
}

fn summary(w: &mut Worksheet, sheet: &Sheet, report: &Report) -> XResult<()> {
    w.set_name("summary")?;
    let mut lead = vec!["Scenario"];
    if sheet.typed {
        lead.push("Type");
    }
    lead.extend(["Replications", "Days"]);
    sheet.headers(w, &lead, "")?;
    let mut row = 1;
    for s in &report.scenarios {
        let mut parts = vec![(crate::scenario::WHOLE_CENTRE, &s.metrics)];
        parts.extend(
            s.types
                .iter()
                .flatten()
                .map(|t| (t.name.as_str(), &t.metrics)),
        );
        for (name, metrics) in parts {
            w.write_string(row, 0, &s.name)?;
            let mut c = 1;
            if sheet.typed {
                w.write_string(row, 1, name)?;
                c = 2;
            }
            w.write_number(row, col(c), f64::from(s.replications))?;
            w.write_number(row, col(c + 1), f64::from(s.days))?;
            sheet.estimates(w, row, lead.len(), metrics_of(metrics))?;
            row += 1;
        }
    }
    w.autofit();
    Ok(())
}

fn differences(w: &mut Worksheet, sheet: &Sheet, comparisons: &[Comparison]) -> XResult<()> {
    w.set_name("differences")?;
    sheet.headers(w, &["Scenario", "Baseline", "Paired"], "Δ ")?;
    for (k, c) in comparisons.iter().enumerate() {
        let row = u32::try_from(k + 1).unwrap_or(u32::MAX);
        w.write_string(row, 0, &c.scenario)?;
        w.write_string(row, 1, &c.baseline)?;
        w.write_boolean(row, 2, c.paired)?;
        sheet.estimates(w, row, 3, |m| {
            let d = c.metrics.get(m);
            Estimate {
                mean: d.mean,
                half_width: d.half_width,
            }
        })?;
    }
    w.autofit();
    Ok(())
}

fn intervals(w: &mut Worksheet, sheet: &Sheet, report: &Report) -> XResult<()> {
    w.set_name("intervals")?;
    let mut lead = vec!["Scenario"];
    if sheet.typed {
        lead.push("Type");
    }
    lead.extend([
        "Interval",
        "Start",
        "Volume (contacts)",
        "Paid agents",
        "Productive agents",
    ]);
    sheet.headers(w, &lead, "")?;
    let first = lead.len();
    let t = usize::from(sheet.typed);
    let mut row = 1;
    for s in &report.scenarios {
        for (i, iv) in s.intervals.iter().enumerate() {
            w.write_string(row, 0, &s.name)?;
            if sheet.typed {
                w.write_string(row, 1, crate::scenario::WHOLE_CENTRE)?;
            }
            w.write_number(row, col(1 + t), i as f64)?;
            w.write_string(row, col(2 + t), &iv.start)?;
            w.write_number(row, col(3 + t), iv.volume)?;
            w.write_number(row, col(4 + t), f64::from(iv.paid_agents))?;
            w.write_number(row, col(5 + t), f64::from(iv.productive_agents))?;
            sheet.estimates(w, row, first, metrics_of(&iv.metrics))?;
            row += 1;
        }
        for ty in s.types.iter().flatten() {
            for (i, iv) in ty.intervals.iter().enumerate() {
                w.write_string(row, 0, &s.name)?;
                w.write_string(row, 1, &ty.name)?;
                w.write_number(row, 2, i as f64)?;
                w.write_string(row, 3, &iv.start)?;
                w.write_number(row, 4, iv.volume)?;
                sheet.estimates(w, row, first, metrics_of(&iv.metrics))?;
                row += 1;
            }
        }
    }
    w.autofit();
    Ok(())
}

fn groups(w: &mut Worksheet, report: &Report) -> XResult<()> {
    w.set_name("groups")?;
    let bold = Format::new().set_bold();
    let share = Format::new().set_num_format("0.0%");
    let lead = [
        "Scenario",
        "Group",
        "Interval",
        "Start",
        "Paid agents",
        "Productive agents",
        "Occupancy (%)",
        "± 95 % (%)",
    ];
    for (c, h) in lead.iter().enumerate() {
        w.write_string_with_format(0, col(c), *h, &bold)?;
    }
    w.set_freeze_panes(1, 2)?;
    let mut row = 1;
    for s in &report.scenarios {
        for g in s.groups.iter().flatten() {
            for (i, iv) in g.intervals.iter().enumerate() {
                w.write_string(row, 0, &s.name)?;
                w.write_string(row, 1, &g.name)?;
                w.write_number(row, 2, i as f64)?;
                w.write_string(row, 3, &iv.start)?;
                w.write_number(row, 4, f64::from(iv.paid_agents))?;
                w.write_number(row, 5, f64::from(iv.productive_agents))?;
                number(w, row, 6, iv.occupancy.mean, &share)?;
                number(w, row, 7, iv.occupancy.half_width, &share)?;
                row += 1;
            }
        }
    }
    w.autofit();
    Ok(())
}

//! "Return on each change": change cost, operating cost saved, net benefit and ROI per
//! day of every compared scenario, then on rows of their own the value model's lost value
//! avoided and the ROI with it; a subsection of the differences.

use std::fmt::Write;

use super::currency;
use super::format::{half, signed};
use crate::escape::markdown_table_cell;
use crate::export::format_signed_whole;
use crate::roi::Roi;
use crate::stats::Estimate;
use crate::study::Study;

/// How one row of the table writes an ROI's figure.
type Cell = Box<dyn Fn(&Roi) -> String>;

/// The subsection, starting with a blank line, or nothing when no comparison has an ROI.
pub(super) fn section(study: &Study) -> String {
    let with_roi: Vec<_> = study
        .comparisons
        .iter()
        .filter_map(|c| c.roi.as_ref().map(|r| (c, r)))
        .collect();
    let stress: Vec<String> = study
        .comparisons
        .iter()
        .filter(|c| {
            study
                .report
                .scenarios
                .iter()
                .any(|s| s.name == c.scenario && s.is_stress())
        })
        .map(|c| markdown_table_cell(&c.scenario))
        .collect();
    // Said only when there is one, so a study without stress tests reads as it always did.
    let stress_note = if stress.is_empty() {
        String::new()
    } else {
        format!(
            "\nNo ROI for {}: a stress test adds no spend; it is read as a risk in the ranking.\n",
            stress.join(", ")
        )
    };
    if with_roi.is_empty() {
        return stress_note;
    }
    let currency = currency(study.report);
    let mut o = String::new();
    let _ = writeln!(o, "\n### Return on each change\n");
    let _ = writeln!(
        o,
        "Per simulated day, paired over replications. Change cost = the extra spend on what the \
         scenario adds (bot sessions, callback attempts, scheduled agent hours); operating cost \
         saved is before the change cost; net operating benefit = saved − change cost; ROI = mean \
         net operating benefit ÷ mean change cost × 100. A change that adds no spend has no ROI: \
         read its net benefit. Rows marked *value model* add the lost customer value avoided, an \
         estimate from the scenarios' own `[value]` tables (churn × customer lifetime value), not \
         money spent.\n"
    );
    let cols: Vec<String> = with_roi
        .iter()
        .map(|(c, _)| markdown_table_cell(&c.scenario))
        .collect();
    let _ = writeln!(o, "| per day | {} |", cols.join(" | "));
    let _ = writeln!(o, "| --- |{}", " ---: |".repeat(cols.len()));
    let any_value = with_roi.iter().any(|(_, r)| r.includes_lost_value);
    let rows: Vec<(String, Cell)> = vec![
        (
            format!("change cost ({currency})"),
            Box::new(|r: &Roi| money(&r.change_cost)),
        ),
        (
            format!("operating cost saved ({currency})"),
            Box::new(|r: &Roi| money(&r.benefit)),
        ),
        (
            format!("net operating benefit ({currency})"),
            Box::new(|r: &Roi| money(&r.net_benefit)),
        ),
        (
            "ROI on operating cost".into(),
            Box::new(|r: &Roi| roi(r.roi_percent)),
        ),
        (
            format!("lost value avoided, *value model* ({currency})"),
            Box::new(|r: &Roi| {
                r.lost_value_avoided
                    .as_ref()
                    .map_or("no `[value]`".into(), money)
            }),
        ),
        (
            format!("net benefit with lost value, *value model* ({currency})"),
            Box::new(|r: &Roi| {
                r.net_benefit_with_lost_value
                    .as_ref()
                    .map_or("no `[value]`".into(), money)
            }),
        ),
        (
            "ROI with lost value, *value model*".into(),
            Box::new(|r: &Roi| {
                if r.includes_lost_value {
                    roi(r.roi_with_lost_value_percent)
                } else {
                    "no `[value]`".into()
                }
            }),
        ),
    ];
    for (k, (name, cell)) in rows.iter().enumerate() {
        if k >= 4 && !any_value {
            break;
        }
        let _ = write!(o, "| {name} |");
        for (_, r) in &with_roi {
            let _ = write!(o, " {} |", cell(r));
        }
        o.push('\n');
    }
    if with_roi.iter().any(|(_, r)| !r.includes_lost_value) && any_value {
        let _ = writeln!(
            o,
            "\nThe value-model rows are empty where a scenario or the baseline has no `[value]` table."
        );
    }
    o.push_str(&stress_note);
    o
}

/// A signed amount of money with its half-width.
fn money(e: &Estimate) -> String {
    format!(
        "{} {}",
        signed("money", e.mean),
        half("money", e.half_width)
    )
}

/// The ROI in percent with thousands separators, or why there is none.
fn roi(e: Option<Estimate>) -> String {
    match e {
        Some(e) if e.mean.is_finite() => {
            let (mean, half_width) = format_signed_whole(&e);
            format!("{} % {half_width}", mean.replace('-', "−"))
        }
        _ => "no added spend".into(),
    }
}

//! CSV for spreadsheets: one row per scenario with `COLUMN` and `COLUMN_half_width` per
//! metric, the columns taken from the one metric list in `metrics.rs` with the unit in
//! the header (`service_level_pct`, `cost_per_contact_eur`), shares in percent and every
//! figure rounded (`columns.rs`; the JSON keeps them exact); the paired differences and
//! the ROI of a study have their own file (`differences.rs`). Names and file paths are
//! written as they are: the `csv` writer quotes any field holding a comma, a quote or a
//! line break, so every reader gets the exact text back (`tests/it/escaping.rs`).
//!
//! When some scenario of the report is a centre of several contact types, a `type`
//! column follows `scenario` (docs/scenario-file.md): each scenario's whole centre is the
//! row of
//! type `*`, then each of its types has a row. A report with no centre keeps the
//! columns it always had, so existing readers of one-type studies keep working.

mod columns;
mod differences;

pub use columns::{currency_slug, header as column_header};
pub use differences::differences;

use crate::error::{Error, Result};
use crate::metrics::{MetricDef, GROUP_METRICS, METRICS, RULE_METRICS};
use crate::report::{Metrics, Report};
use crate::stats::Estimate;

const LEADING: [&str; 5] = ["scenario", "file", "replications", "seed", "days"];

pub use crate::scenario::WHOLE_CENTRE;

/// A count or amount outside the metric list (volume, agent hour), two decimals.
fn number(x: f64) -> String {
    columns::rounded(x, 2)
}

/// The study's currency (the first scenario's), for the money headers.
fn currency(report: &Report) -> &str {
    report.scenarios.first().map_or("", |s| s.currency.as_str())
}

/// Whether the report needs the `type` column: some scenario is a centre.
fn typed(report: &Report) -> bool {
    report.scenarios.iter().any(|s| s.types.is_some())
}

/// The metric columns: `COLUMN`, `COLUMN_half_width`, in the order of `defs`.
fn metric_header(header: &mut Vec<String>, defs: &[MetricDef], currency: &str) {
    for m in defs {
        let name = columns::header(m, currency);
        header.push(format!("{name}_half_width"));
        header.insert(header.len() - 1, name);
    }
}

/// Whether some scenario uses a rule with metrics of its own: the rule metrics' columns
/// then follow the others (empty for a scenario without the rule).
fn ruled(report: &Report) -> bool {
    report.scenarios.iter().any(|s| !s.metrics.1.is_empty())
}

/// The metric columns of the report: every metric, then the rule metrics when `ruled`.
fn metric_headers(header: &mut Vec<String>, ruled: bool, currency: &str) {
    metric_header(header, METRICS, currency);
    if ruled {
        metric_header(header, RULE_METRICS, currency);
    }
}

fn push_estimates(row: &mut Vec<String>, metrics: &Metrics, ruled: bool) {
    for (def, e) in METRICS.iter().zip(&metrics.0) {
        push_estimate(row, def, e);
    }
    if ruled {
        for (k, def) in RULE_METRICS.iter().enumerate() {
            match metrics.1.get(k) {
                Some(e) => push_estimate(row, def, e),
                None => row.extend([String::new(), String::new()]),
            }
        }
    }
}

fn push_estimate(row: &mut Vec<String>, def: &MetricDef, e: &Estimate) {
    row.push(columns::cell(def, e.mean));
    row.push(columns::cell(def, e.half_width));
}

/// The summary CSV: one row per scenario (and per type of a centre, see the module).
pub fn summary(report: &Report) -> Result<Vec<u8>> {
    let typed = typed(report);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = LEADING.iter().map(|s| s.to_string()).collect();
    if typed {
        header.insert(1, "type".into());
    }
    let ruled = ruled(report);
    metric_headers(&mut header, ruled, currency(report));
    w.write_record(&header).map_err(csv_error)?;
    for s in &report.scenarios {
        // The whole scenario (type `*`), then each type of a centre.
        let mut parts = vec![(WHOLE_CENTRE, &s.metrics)];
        if typed {
            parts.extend(
                s.types
                    .iter()
                    .flatten()
                    .map(|t| (t.name.as_str(), &t.metrics)),
            );
        }
        for (name, metrics) in parts {
            let mut row = vec![s.name.clone()];
            if typed {
                row.push(name.to_string());
            }
            row.extend([
                s.file.clone(),
                s.replications.to_string(),
                s.seed.to_string(),
                s.days.to_string(),
            ]);
            push_estimates(&mut row, metrics, ruled);
            w.write_record(&row).map_err(csv_error)?;
        }
    }
    finish(w)
}

/// The per-interval CSV: one row per scenario × interval (and per type of a centre,
/// whose agent columns are empty: agents belong to groups, see [`groups`]).
pub fn intervals(report: &Report) -> Result<Vec<u8>> {
    let typed = typed(report);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "scenario",
        "interval",
        "start",
        "volume",
        "paid_agents",
        "productive_agents",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if typed {
        header.insert(1, "type".into());
    }
    let ruled = ruled(report);
    metric_headers(&mut header, ruled, currency(report));
    w.write_record(&header).map_err(csv_error)?;
    for s in &report.scenarios {
        let mut rows: Vec<Vec<String>> = Vec::new();
        for (i, iv) in s.intervals.iter().enumerate() {
            let mut row = vec![s.name.clone()];
            if typed {
                row.push(WHOLE_CENTRE.into());
            }
            row.extend([
                i.to_string(),
                iv.start.clone(),
                number(iv.volume),
                iv.paid_agents.to_string(),
                iv.productive_agents.to_string(),
            ]);
            push_estimates(&mut row, &iv.metrics, ruled);
            rows.push(row);
        }
        for t in s.types.iter().flatten().filter(|_| typed) {
            for (i, iv) in t.intervals.iter().enumerate() {
                let mut row = vec![
                    s.name.clone(),
                    t.name.clone(),
                    i.to_string(),
                    iv.start.clone(),
                    number(iv.volume),
                    String::new(),
                    String::new(),
                ];
                push_estimates(&mut row, &iv.metrics, ruled);
                rows.push(row);
            }
        }
        for row in rows {
            w.write_record(&row).map_err(csv_error)?;
        }
    }
    finish(w)
}

/// The agent-group CSV: one row per scenario × group of a centre (a report without
/// centres gives the header alone). `serves` lists the types highest priority first,
/// joined by `; `; `busy_share_pct` is the mean share of the group's busy time on each
/// type it serves, in percent, as `sales=61.00; support=39.00`.
pub fn groups(report: &Report) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let currency = currency(report);
    let mut header: Vec<String> = ["scenario", "group", "serves", "pick"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.push(columns::named("agent_hour", "money", currency));
    metric_header(&mut header, GROUP_METRICS, currency);
    header.push("busy_share_pct".into());
    w.write_record(&header).map_err(csv_error)?;
    for s in &report.scenarios {
        for g in s.groups.iter().flatten() {
            let mut row = vec![
                s.name.clone(),
                g.name.clone(),
                g.serves.join("; "),
                g.pick.to_string(),
                number(g.agent_hour),
            ];
            for (def, e) in GROUP_METRICS.iter().zip(&g.metrics.0) {
                push_estimate(&mut row, def, e);
            }
            let shares: Vec<String> = g
                .busy_share
                .0
                .iter()
                .map(|(t, e)| format!("{t}={}", columns::rounded(100.0 * e.mean, 2)))
                .collect();
            row.push(shares.join("; "));
            w.write_record(&row).map_err(csv_error)?;
        }
    }
    finish(w)
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>> {
    w.into_inner()
        .map_err(|e| Error::Other(format!("cannot write CSV: {e}")))
}

fn csv_error(e: csv::Error) -> Error {
    Error::Other(format!("cannot write CSV: {e}"))
}

//! Plain-text tables for the terminal: scenarios side by side, and per-interval detail;
//! for a centre of several contact types, each type side by side and each agent group
//! (`centre.rs`). Names and other scenario text are put on one line without control
//! characters ([`one_line`]), and columns are measured in terminal columns, so a name
//! with a line break, an escape sequence or wide characters cannot shift a column.

mod centre;
mod comparisons;
mod intervals;

use std::borrow::Cow;
use std::fmt::Write;

use super::escape::{display_width, one_line};
use super::{format_half_width, format_value};
use crate::metrics::{Metric, METRICS};
use crate::report::{Metrics, Report, TargetsReport};
use crate::stats::Estimate;

pub use comparisons::comparisons;
pub use intervals::intervals;

/// Left-aligns the first column and right-aligns the others; every cell is made
/// [`one_line`] and measured in terminal columns.
pub fn render(rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<Cow<str>>> = rows
        .iter()
        .map(|r| r.iter().map(|c| one_line(c)).collect())
        .collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; cols];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(display_width(c));
        }
    }
    let mut out = String::new();
    for (ri, r) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            let pad = widths[i] - display_width(c);
            if i == 0 {
                line.push_str(c);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(c);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if ri == 0 {
            let total: usize = widths.iter().sum::<usize>() + 2 * (cols.saturating_sub(1));
            out.push_str(&"-".repeat(total));
            out.push('\n');
        }
    }
    out
}

/// The day-level comparison table: one row per metric, one column per scenario; then,
/// for each centre of several contact types, its types side by side and its groups.
pub fn summary(report: &Report) -> String {
    let currency = currency(report);
    let mut rows = vec![{
        let mut h = vec!["metric (per day; mean ±95% CI)".to_string()];
        h.extend(report.scenarios.iter().map(|s| s.name.clone()));
        h.push("target".into());
        h
    }];
    let columns: Vec<_> = report
        .scenarios
        .iter()
        .map(|s| (&s.metrics, &s.targets))
        .collect();
    for (metric, mut row) in metric_rows(&columns, currency) {
        // The target column shows the first scenario's target that there is.
        row.push(
            report
                .scenarios
                .iter()
                .map(|s| target_text(&s.targets, metric))
                .find(|t| !t.is_empty())
                .unwrap_or_default(),
        );
        rows.push(row);
    }
    let mut out = render(&rows);
    out.push_str(
        "Counts are per simulated day; ratios are the mean of each replication's own ratio.\n\
Cost per contact = total cost ÷ offered; per handled ÷ (answered + callbacks completed);\n\
per resolved ÷ (resolved at contact + deflected). Economic cost = cost + lost value.\n\
CSAT, NPS and lost value come from the scenario's satisfaction model, not from measurement.\n",
    );
    for s in &report.scenarios {
        let _ = writeln!(
            out,
            "{}: {} replications × {} day(s), seed {}, {}, file {}",
            one_line(&s.name),
            s.replications,
            s.days,
            s.seed,
            threshold(&s.targets),
            one_line(&s.file)
        );
        let _ = writeln!(out, "  {}", s.satisfaction_model.describe());
        let shares: Vec<String> = s
            .score_distribution
            .iter()
            .enumerate()
            .map(|(k, e)| format!("{k}: {}", format_value("%", e.mean)))
            .collect();
        let _ = writeln!(out, "  journeys by score: {}", shares.join(", "));
        for w in &s.warnings {
            let _ = writeln!(out, "  warning: {}", one_line(w));
        }
    }
    for s in &report.scenarios {
        if let Some(types) = &s.types {
            out.push('\n');
            out.push_str(&centre::types(s, types));
        }
        if let Some(groups) = &s.groups {
            out.push('\n');
            out.push_str(&centre::groups(s, groups));
        }
    }
    out
}

/// One labelled row per metric worth showing, one cell per column of (metrics, targets):
/// mean ±half-width, marked ok or MISS where the column has a target on that metric.
/// A mechanism no column has (all zeros) gets no row.
fn metric_rows(
    columns: &[(&Metrics, &TargetsReport)],
    currency: &str,
) -> Vec<(Metric, Vec<String>)> {
    let mut rows = Vec::new();
    for (i, def) in METRICS.iter().enumerate() {
        let metric = Metric::ALL[i];
        if is_mechanism(metric) && columns.iter().all(|(m, _)| m.0[i].mean == 0.0) {
            continue;
        }
        let mut row = vec![label(def.label, def.unit, currency)];
        row.extend(columns.iter().map(|(m, t)| cell(metric, m.0[i], t)));
        rows.push((metric, row));
    }
    rows
}

/// `mean ±half-width`, then ` ok` or ` MISS` when `targets` has a target on `m`.
fn cell(m: Metric, e: Estimate, targets: &TargetsReport) -> String {
    let unit = m.def().unit;
    let mut cell = format!(
        "{} {}",
        format_value(unit, e.mean),
        format_half_width(unit, e.half_width)
    );
    if let Some(met) = targets.met(m, &e) {
        cell.push_str(if met { " ok" } else { " MISS" });
    }
    cell.trim_end().to_string()
}

/// `SL threshold 20 s`, or `SL threshold per type` for a centre whose types differ.
fn threshold(t: &TargetsReport) -> String {
    if t.service_level_within_s.is_finite() {
        format!("SL threshold {} s", t.service_level_within_s)
    } else {
        "SL threshold per type".to_string()
    }
}

/// The currency of the study (the first scenario's).
fn currency(report: &Report) -> &str {
    report
        .scenarios
        .first()
        .map(|s| s.currency.as_str())
        .unwrap_or("")
}

/// A metric's row label with its unit.
fn label(label: &str, unit: &str, currency: &str) -> String {
    match unit {
        "money" => format!("{label} ({currency})"),
        "s" => format!("{label} (s)"),
        _ => label.to_string(),
    }
}

/// The target on `metric` as text (`>= 80.0%`), or empty when there is none.
fn target_text(t: &TargetsReport, metric: Metric) -> String {
    t.checks()
        .into_iter()
        .find(|(m, _, _)| *m == metric)
        .map(|(m, limit, higher)| {
            format!(
                "{} {}",
                if higher { ">=" } else { "<=" },
                format_value(m.def().unit, limit)
            )
        })
        .unwrap_or_default()
}

/// Metrics that count what an optional mechanism does (zero when it is absent).
fn is_mechanism(m: Metric) -> bool {
    use Metric as M;
    matches!(
        m,
        M::Deflected
            | M::Blocked
            | M::BlockingRate
            | M::Redials
            | M::RedialsAfterBlocked
            | M::Repeats
            | M::CallbacksOffered
            | M::CallbacksAccepted
            | M::CallbacksCompleted
            | M::CallbacksFailed
            | M::CallbacksWithinPromise
            | M::CallbacksPending
            | M::CarriedOver
            | M::SelfServiceSessions
            | M::CallbackAttempts
            | M::OvertimeAgentHours
    )
}

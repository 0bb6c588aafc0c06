//! Plain-text tables for the terminal: scenarios side by side, and per-interval detail;
//! for a centre of several contact types, each type side by side and each agent group
//! (`centre.rs`). Names and other scenario text are put on one line without control
//! characters ([`one_line`]), and columns are measured in terminal columns, so a name
//! with a line break, an escape sequence or wide characters cannot shift a column.

mod centre;
mod comparisons;
mod days;
mod intervals;
mod layout;

use super::escape::one_line;
use super::{format_estimate, format_value, HalfWidth};
use crate::metrics::{Metric, METRICS};
use crate::report::{Metrics, Report, TargetsReport};
use crate::stats::Estimate;

pub use comparisons::comparisons;
pub use days::days;
pub use intervals::intervals;
pub use layout::{render, render_fitted, terminal_width, wrap};

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
            metric
                .and_then(|metric| {
                    report
                        .scenarios
                        .iter()
                        .map(|s| target_text(&s.targets, metric))
                        .find(|t| !t.is_empty())
                })
                .unwrap_or_default(),
        );
        rows.push(row);
    }
    let width = terminal_width();
    let mut out = render_fitted(&rows, width);
    out.push_str(&wrap(
        "Counts are per simulated day; ratios are the mean of each replication's own ratio. \
Cost per contact = operating cost ÷ offered; per handled ÷ (answered + callbacks completed); \
per resolved ÷ (resolved at contact + deflected). CSAT and NPS come from the scenario's \
satisfaction model, not from measurement; the value model's lost value is in the JSON and CSV, \
and against a baseline as a difference.",
        width,
    ));
    for s in &report.scenarios {
        out.push_str(&wrap(
            &format!(
                "{}: {} replications × {}, seed {}, {}, file {}",
                one_line(&s.name),
                s.replications,
                crate::words::count(s.days.into(), "day"),
                s.seed,
                threshold(&s.targets),
                one_line(&s.file)
            ),
            width,
        ));
        if let Some(note) = crate::export::email_apart(s, &|n| one_line(n).into_owned()) {
            out.push_str(&wrap(&format!("  headline: {note}"), width));
        }
        out.push_str(&wrap(
            &format!("  {}", s.satisfaction_model.describe()),
            width,
        ));
        let shares: Vec<String> = s
            .score_distribution
            .iter()
            .enumerate()
            .map(|(k, e)| format!("{k}: {}", format_value("%", e.mean)))
            .collect();
        out.push_str(&wrap(
            &format!("  journeys by score: {}", shares.join(", ")),
            width,
        ));
        for w in &s.warnings {
            out.push_str(&wrap(&format!("  warning: {}", one_line(w)), width));
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

/// The ranking as a few wrapped lines under a heading, or nothing for a single scenario.
pub fn ranking(report: &Report, ranking: Option<&crate::ranking::Ranking>) -> String {
    let Some(r) = ranking else {
        return String::new();
    };
    let width = terminal_width();
    let mut out = String::from("Ranking: ");
    out.push_str(&r.criterion);
    out.push('\n');
    let mut text = wrap(&out, width);
    for line in r.sentences(currency(report), &|n| one_line(n).into_owned()) {
        text.push_str(&wrap(&format!("  {line}"), width));
    }
    text
}

/// One labelled row per metric worth showing, one cell per column of (metrics, targets):
/// mean ±half-width, marked ok or MISS where the column has a target on that metric.
/// A mechanism no column has (all zeros) gets no row. When any cell has a mark, the
/// others get blanks of the same width, so the figures of a column stay aligned. When a
/// column is dated, its closed arrivals follow the offered row (no metric: `None`).
fn metric_rows(
    columns: &[(&Metrics, &TargetsReport)],
    currency: &str,
) -> Vec<(Option<Metric>, Vec<String>)> {
    let mut rows = Vec::new();
    for (i, def) in METRICS.iter().enumerate() {
        let metric = Metric::ALL[i];
        if is_mechanism(metric) && columns.iter().all(|(m, _)| m.0[i].mean == 0.0) {
            continue;
        }
        if super::is_value_model_level(metric) {
            continue;
        }
        let cells: Vec<(String, Option<bool>)> = columns
            .iter()
            .map(|(m, t)| (estimate(metric.def().unit, m.0[i]), t.met(metric, &m.0[i])))
            .collect();
        rows.push((Some(metric), label(def.label, def.unit, currency), cells));
        if metric == Metric::Offered && columns.iter().any(|(m, _)| m.2.is_some()) {
            let closed = columns
                .iter()
                .map(|(m, _)| (m.2.map_or_else(|| "-".into(), |e| estimate("", e)), None))
                .collect();
            rows.push((None, "Closed arrivals".into(), closed));
        }
    }
    let marked = rows
        .iter()
        .any(|(_, _, cells)| cells.iter().any(|(_, met)| met.is_some()));
    rows.into_iter()
        .map(|(metric, label, cells)| {
            let mut row = vec![label];
            row.extend(
                cells
                    .into_iter()
                    .map(|(text, met)| if marked { flagged(text, met) } else { text }),
            );
            (metric, row)
        })
        .collect()
}

/// `mean ±half-width` in the unit.
fn estimate(unit: &str, e: Estimate) -> String {
    format_estimate(unit, &e, HalfWidth::Beside)
}

/// A cell followed by a target mark of fixed width: ` ok  `, ` MISS`, or five blanks, so a
/// right-aligned column keeps its figures aligned whether or not a row has a mark.
fn flagged(text: String, met: Option<bool>) -> String {
    let mark = match met {
        Some(true) => "ok",
        Some(false) => "MISS",
        None => "",
    };
    format!("{text} {mark:<4}")
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

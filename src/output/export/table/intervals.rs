//! The per-interval tables of one scenario: the whole centre, then for a centre of
//! several contact types each type (by arrival interval, judged against its own
//! targets) and its agent groups (agents and occupancy by clock time).

use super::{render_fitted, terminal_width};
use crate::escape::one_line;
use crate::export::{format_estimate, format_value, HalfWidth};
use crate::metrics::Metric;
use crate::report::{GroupReport, Metrics, ScenarioReport, TargetsReport, TypeReport};

/// The per-interval tables of one scenario (for a centre, its types and groups too).
pub fn intervals(s: &ScenarioReport) -> String {
    let mut out = whole(s);
    for t in s.types.iter().flatten() {
        out.push('\n');
        out.push_str(&of_type(s, t));
    }
    if let Some(groups) = &s.groups {
        out.push('\n');
        out.push_str(&of_groups(s, groups));
    }
    out
}

/// The metric columns of an interval table: headers, and cells of one interval.
fn metric_header(cols: &[Metric]) -> Vec<String> {
    cols.iter()
        .map(|m| {
            let d = m.def();
            if d.unit == "s" {
                format!("{} (s)", d.label)
            } else {
                d.label.to_string()
            }
        })
        .collect()
}

/// The cells of one row: service level with its half-width, every figure that has a
/// target marked ok or MISS against it (marks of fixed width, blanks where there is
/// none, so the columns stay aligned).
fn metric_cells(
    cols: &[Metric],
    metrics: &Metrics,
    targets: &TargetsReport,
    interval: bool,
) -> Vec<String> {
    // Targets judged on the day leave the interval rows unmarked, in their columns' width.
    let marked = !interval || targets.marks_intervals();
    cols.iter()
        .map(|&m| {
            let e = metrics.get(m);
            let mut cell = if m == Metric::ServiceLevel {
                format_estimate("%", &e, HalfWidth::Beside)
            } else {
                format_value(m.def().unit, e.mean)
            };
            if targets.checks().iter().any(|(t, _, _)| *t == m) {
                let mark = match targets.met(m, &e).filter(|_| marked) {
                    Some(true) => "ok",
                    Some(false) => "MISS",
                    None => "",
                };
                cell = format!("{cell} {mark:<4}");
            }
            cell
        })
        .collect()
}

/// The sum of the intervals' forecast volumes, for the day-total row.
fn day_volume<'a>(volumes: impl Iterator<Item = &'a f64>) -> String {
    format!("{:.0}", volumes.sum::<f64>())
}

/// The per-interval table of the whole scenario.
fn whole(s: &ScenarioReport) -> String {
    let cols = [
        Metric::Offered,
        Metric::Answered,
        Metric::AbandonmentRate,
        Metric::ServiceLevel,
        Metric::AsaS,
        Metric::Occupancy,
        Metric::CostPerContact,
    ];
    let mut header = vec![
        "start".to_string(),
        "volume".into(),
        "paid".into(),
        "productive".into(),
    ];
    header.extend(metric_header(&cols));
    let mut rows = vec![header];
    for iv in &s.intervals {
        let mut row = vec![
            iv.start.clone(),
            format!("{:.0}", iv.volume),
            iv.paid_agents.to_string(),
            iv.productive_agents.to_string(),
        ];
        row.extend(metric_cells(&cols, &iv.metrics, &s.targets, true));
        rows.push(row);
    }
    let mut day = vec![
        "day".to_string(),
        day_volume(s.intervals.iter().map(|iv| &iv.volume)),
        String::new(),
        String::new(),
    ];
    day.extend(metric_cells(&cols, &s.metrics, &s.targets, false));
    rows.push(day);
    format!(
        "{} — per interval (by arrival interval), then the day; ok/MISS against [targets]\n{}",
        one_line(&s.name),
        render_fitted(&rows, terminal_width())
    )
}

/// One contact type per interval. Agents belong to groups, so no agent columns, and
/// no occupancy: a type's agent time is a share of its groups' (see the groups table).
fn of_type(s: &ScenarioReport, t: &TypeReport) -> String {
    let cols = [
        Metric::Offered,
        Metric::Answered,
        Metric::AbandonmentRate,
        Metric::ServiceLevel,
        Metric::AsaS,
        Metric::CostPerContact,
    ];
    let mut header = vec!["start".to_string(), "volume".into()];
    header.extend(metric_header(&cols));
    let mut rows = vec![header];
    for iv in &t.intervals {
        let mut row = vec![iv.start.clone(), format!("{:.0}", iv.volume)];
        row.extend(metric_cells(&cols, &iv.metrics, &t.targets, true));
        rows.push(row);
    }
    let mut day = vec![
        "day".to_string(),
        day_volume(t.intervals.iter().map(|iv| &iv.volume)),
    ];
    day.extend(metric_cells(&cols, &t.metrics, &t.targets, false));
    rows.push(day);
    format!(
        "{} — type {} per interval (by arrival interval)\n{}",
        one_line(&s.name),
        one_line(&t.name),
        render_fitted(&rows, terminal_width())
    )
}

/// Every agent group per interval: one column per group, `paid/productive occupancy`.
fn of_groups(s: &ScenarioReport, groups: &[GroupReport]) -> String {
    let mut header = vec!["start".to_string()];
    header.extend(groups.iter().map(|g| g.name.clone()));
    let mut rows = vec![header];
    let n = groups.first().map_or(0, |g| g.intervals.len());
    for i in 0..n {
        let mut row = vec![groups[0].intervals[i].start.clone()];
        row.extend(groups.iter().map(|g| {
            let iv = &g.intervals[i];
            format!(
                "{}/{} {}",
                iv.paid_agents,
                iv.productive_agents,
                format_value("%", iv.occupancy.mean)
            )
        }));
        rows.push(row);
    }
    format!(
        "{} — agent groups per interval (paid/productive agents, occupancy)\n{}",
        one_line(&s.name),
        render_fitted(&rows, terminal_width())
    )
}

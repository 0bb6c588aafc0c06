//! A dated run in the terminal: one row per date, so a short Saturday, a closed Sunday or
//! a holiday reads as the day it is without opening the report.

use super::{estimate, render_fitted, terminal_width};
use crate::escape::one_line;
use crate::metrics::Metric;
use crate::report::{DayReport, ScenarioReport};

/// The figures after offered and closed arrivals: what a planner checks on each day.
const COLUMNS: [(Metric, &str); 3] = [
    (Metric::ServiceLevel, "service level"),
    (Metric::AbandonmentRate, "abandonment"),
    (Metric::PaidAgentHours, "paid hours"),
];

/// The day-by-day table of a dated scenario (of the whole centre), or nothing when the
/// scenario is not dated.
pub fn days(s: &ScenarioReport) -> String {
    let Some(days) = &s.dated_days else {
        return String::new();
    };
    let mut header: Vec<String> = ["date", "day", "offered", "closed arrivals"]
        .map(String::from)
        .to_vec();
    header.extend(COLUMNS.iter().map(|(_, h)| h.to_string()));
    let mut rows = vec![header];
    rows.extend(days.iter().map(row));
    let mut out = format!("{} — day by day (mean ±95% CI)\n", one_line(&s.name));
    out.push_str(&render_fitted(&rows, terminal_width()));
    out
}

fn row(d: &DayReport) -> Vec<String> {
    let cell = |m: Metric| estimate(m.def().unit, d.metrics.get(m));
    let mut r = vec![
        d.date.clone(),
        d.weekday.to_string(),
        cell(Metric::Offered),
        d.metrics.2.map_or_else(|| "-".into(), |e| estimate("", e)),
    ];
    r.extend(COLUMNS.iter().map(|&(m, _)| cell(m)));
    r
}

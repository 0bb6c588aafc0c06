//! A dated run in the report: closed arrivals beside the other metrics, and the figures
//! of each day with its date and weekday.

use serde::Serialize;

use super::{Metrics, ScenarioReport};
use crate::runner::DatedRun;
use crate::scenario::calendar::{format_date, weekday_key};
use crate::scenario::Scenario;
use crate::stats::Running;

/// The key closed arrivals take in a dated run's metrics, after every other metric.
pub const CLOSED_ARRIVALS: &str = "closed_arrivals";

/// One day of a dated run.
#[derive(Debug, Clone, Serialize)]
pub struct DayReport {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `mon` … `sun`.
    pub weekday: &'static str,
    /// The day's estimates, closed arrivals last.
    pub metrics: Metrics,
}

/// The days of part `part` (0 = the whole centre, 1 + k = type k).
fn days(scenario: &Scenario, run: &DatedRun, part: usize) -> Vec<DayReport> {
    run.days
        .iter()
        .enumerate()
        .filter_map(|(d, day)| {
            let date = scenario.date_of(d as u32)?;
            Some(DayReport {
                date: format_date(date),
                weekday: weekday_key(date),
                metrics: with_closed(
                    Metrics::from_running(&day.metrics[part], super::short_abandons_used(scenario)),
                    &day.closed[part],
                ),
            })
        })
        .collect()
}

fn with_closed(mut m: Metrics, closed: &Running) -> Metrics {
    m.2 = Some(closed.estimate());
    m
}

/// Adds closed arrivals and the per-day figures of a dated run to `report`.
pub fn add(report: &mut ScenarioReport, scenario: &Scenario, run: &DatedRun) {
    if run.closed[0].count() == 0 {
        // No replication measured the days: nothing to say rather than empty estimates.
        return;
    }
    report.metrics = with_closed(std::mem::take(&mut report.metrics), &run.closed[0]);
    report.dated_days = Some(days(scenario, run, 0));
    for (k, t) in report.types.iter_mut().flatten().enumerate() {
        t.metrics = with_closed(std::mem::take(&mut t.metrics), &run.closed[1 + k]);
        t.days = Some(days(scenario, run, 1 + k));
    }
}

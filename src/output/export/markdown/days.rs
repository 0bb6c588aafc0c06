//! "Day by day": a dated run's figures for each date of its horizon, so a short Saturday,
//! a closed Sunday or a holiday shows as the day it is.

use std::fmt::Write;

use super::names;
use crate::export::{format_estimate, HalfWidth};
use crate::metrics::Metric;
use crate::report::{DayReport, Report};

/// The columns of the table: what a planner checks first on each day.
const COLUMNS: [Metric; 6] = [
    Metric::Offered,
    Metric::Answered,
    Metric::Abandoned,
    Metric::ServiceLevel,
    Metric::PaidAgentHours,
    Metric::CostTotal,
];

/// The section: one table per dated scenario, one row per day; empty when no scenario
/// is dated.
pub(super) fn section(r: &Report) -> String {
    let mut o = String::new();
    for (s, name) in r.scenarios.iter().zip(names(r)) {
        let Some(days) = &s.dated_days else {
            continue;
        };
        if o.is_empty() {
            let _ = writeln!(
                o,
                "## Day by day\n\nEach date of a dated horizon, mean ± half-width of the 95 % \
                 confidence interval over replications. Closed arrivals are voice and chat \
                 contacts that came while the calendar had the centre closed (never offered).\n"
            );
        }
        let _ = writeln!(o, "### {name}\n");
        let _ = writeln!(
            o,
            "| date | day | offered | closed arrivals | answered | abandoned | service level | paid agent hours | cost ({}) |",
            super::currency(r)
        );
        let _ = writeln!(o, "| --- | --- |{}", " ---: |".repeat(COLUMNS.len() + 1));
        for d in days {
            let _ = writeln!(o, "{}", row(d));
        }
        o.push('\n');
    }
    o.trim_end().to_string() + if o.is_empty() { "" } else { "\n" }
}

fn row(d: &DayReport) -> String {
    let cell = |m: Metric| format_estimate(m.def().unit, &d.metrics.get(m), HalfWidth::Beside);
    let closed = d
        .metrics
        .2
        .map(|e| format_estimate("", &e, HalfWidth::Beside))
        .unwrap_or_default();
    let mut cells = vec![
        d.date.clone(),
        d.weekday.to_string(),
        cell(COLUMNS[0]),
        closed,
    ];
    cells.extend(COLUMNS[1..].iter().map(|&m| cell(m)));
    format!("| {} |", cells.join(" | "))
}

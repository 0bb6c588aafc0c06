//! A multi-day run's figures kept day by day: every metric of each day, overall and per
//! interval, for the whole centre and each type, so a week simulated as one run (queues,
//! callbacks and emails carried from one day to the next) can be judged day by day. Each
//! replication's days are folded in replication order, chunk by chunk, as in
//! [`crate::runner`]: the figures are the same whatever the number of threads, and memory
//! holds a day's counters, never a contact.
//!
//! A day's figures count what was recorded that day: a contact still waiting at midnight
//! of a 24-hour day is counted under its arrival interval on the day it is answered.

use rayon::prelude::*;

use crate::metrics::{MetricValues, Pricing, METRIC_COUNT};
use crate::model::Centre;
use crate::runner::{self, push_all};
use crate::scenario::Scenario;
use crate::stats::Running;

/// Replications simulated in parallel before their values are folded in order: fewer
/// than a plain run's, as each one's values hold every interval of every day.
const CHUNK: u32 = 16;

/// One day's figures of one part (the whole centre, or one type of a centre).
#[derive(Debug, Clone)]
pub struct DayPart {
    /// Every metric over the day.
    pub day: Vec<Running>,
    /// Every metric per interval of the day.
    pub intervals: Vec<Vec<Running>>,
}

/// Each day's figures: `days[d][0]` the whole centre's, `days[d][1 + t]` type `t`'s (a
/// one-type file has the whole centre only).
#[derive(Debug, Clone)]
pub struct DaysRun {
    /// Per day, per part.
    pub days: Vec<Vec<DayPart>>,
}

impl DaysRun {
    /// Type `t`'s figures on day `d` (a one-type file's are the whole centre's).
    pub fn of_type(&self, d: usize, t: usize) -> &DayPart {
        let parts = &self.days[d];
        parts.get(1 + t).unwrap_or(&parts[0])
    }
}

/// One replication's values of one part of one day: day-level, then per interval.
type PartValues = (MetricValues, Vec<MetricValues>);

/// Simulates every replication of `scenario` (all its days, as one run) and keeps each
/// day's figures apart.
pub fn run_by_day(scenario: &Scenario) -> DaysRun {
    let n = scenario.intervals();
    let pricing = Pricing::of(scenario);
    let parts = 1 + scenario.listed().0.len();
    let part = || DayPart {
        day: vec![Running::default(); METRIC_COUNT],
        intervals: vec![vec![Running::default(); METRIC_COUNT]; n],
    };
    let mut run = DaysRun {
        days: (0..scenario.simulation.days)
            .map(|_| (0..parts).map(|_| part()).collect())
            .collect(),
    };
    let reps: Vec<u32> = (0..scenario.simulation.replications).collect();
    let chunk_len = (CHUNK as usize).min(crate::memory::in_flight(scenario, false));
    for chunk in reps.chunks(chunk_len) {
        let values: Vec<Vec<Vec<PartValues>>> = chunk
            .par_iter()
            .map_init(
                || {
                    let mut centre = Centre::new(scenario);
                    centre.keep_days();
                    centre
                },
                |centre, &r| day_values(&pricing, centre, r),
            )
            .collect();
        for v in values {
            for (acc_day, day) in run.days.iter_mut().zip(v) {
                for (acc, (d, intervals)) in acc_day.iter_mut().zip(day) {
                    push_all(&mut acc.day, &d);
                    for (a, x) in acc.intervals.iter_mut().zip(&intervals) {
                        push_all(a, x);
                    }
                }
            }
        }
    }
    run
}

/// Replication `replication`'s values, per day and part.
fn day_values(
    pricing: &Pricing,
    centre: &mut Centre<'_>,
    replication: u32,
) -> Vec<Vec<PartValues>> {
    centre.run(replication);
    let days = centre.day_counters().expect("the days are kept");
    days.iter()
        .map(|d| {
            let v = runner::day_values(pricing, d);
            let mut parts = vec![(v.day, v.intervals)];
            parts.extend(v.types.into_iter().map(|t| (t.day, t.intervals)));
            parts
        })
        .collect()
}

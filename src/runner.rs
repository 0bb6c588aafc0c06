//! Replications on rayon. Each replication derives its own random streams from
//! (seed, replication), and results are folded in replication order, chunk by chunk,
//! so the numbers are bit-identical whatever the number of threads, and memory holds
//! one chunk of per-replication values at a time.

use rayon::prelude::*;

use crate::metrics::{
    replication_values, MetricValues, Pricing, ReplicationValues, METRIC_COUNT, SCORES,
};
use crate::model::Centre;
use crate::scenario::Scenario;
use crate::stats::Running;

/// Replications simulated in parallel before their values are folded in order.
const CHUNK: u32 = 64;

/// What the replications of one scenario measured.
#[derive(Debug, Clone)]
pub struct ScenarioRun {
    /// Running estimate of each day-level metric over replications.
    pub day: Vec<Running>,
    /// Running estimate of each metric per interval of the day.
    pub intervals: Vec<Vec<Running>>,
    /// Each replication's day-level values, in replication order (for paired
    /// comparisons and distributions across days; small: one row per replication).
    pub day_samples: Vec<MetricValues>,
    /// Running estimate of the share of each day's journeys at each score 0..=10.
    pub score_shares: Vec<Running>,
}

/// Simulates every replication of `scenario`; `progress` is told of each finished chunk.
pub fn run_scenario(scenario: &Scenario, progress: &(dyn Fn(u64) + Sync)) -> ScenarioRun {
    let n = scenario.intervals();
    let replications = scenario.simulation.replications;
    let mut run = ScenarioRun {
        day: vec![Running::default(); METRIC_COUNT],
        intervals: vec![vec![Running::default(); METRIC_COUNT]; n],
        day_samples: Vec::with_capacity(replications as usize),
        score_shares: vec![Running::default(); SCORES],
    };
    let pricing = Pricing::of(scenario);
    let mut start = 0;
    while start < replications {
        let end = (start + CHUNK).min(replications);
        let chunk: Vec<ReplicationValues> = (start..end)
            .into_par_iter()
            .map_init(
                || Centre::new(scenario),
                |centre, r| replication_values(centre.run(r), &pricing),
            )
            .collect();
        for ReplicationValues {
            day,
            intervals,
            score_shares,
        } in chunk
        {
            for (acc, x) in run.score_shares.iter_mut().zip(score_shares) {
                acc.push(x);
            }
            for (acc, x) in run.day.iter_mut().zip(day) {
                acc.push(x);
            }
            for (accs, values) in run.intervals.iter_mut().zip(&intervals) {
                for (acc, x) in accs.iter_mut().zip(values) {
                    acc.push(*x);
                }
            }
            run.day_samples.push(day);
        }
        progress(u64::from(end - start));
        start = end;
    }
    run
}

/// Runs `f` on a rayon pool of `threads` workers (all cores when `None`).
pub fn with_threads<T: Send>(threads: Option<usize>, f: impl FnOnce() -> T + Send) -> T {
    match threads {
        None => f(),
        Some(t) => rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .expect("a thread pool can be built")
            .install(f),
    }
}

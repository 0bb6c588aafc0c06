//! A plan simulated in stages, to spend little on one that is clearly worse: most
//! removals the search tries are refused, and most refusals are plain long before the
//! last replication.

use super::evaluate::{evaluate_seeded, judge_run, plan_scenario, Evaluation};
use super::Criterion;
use crate::runner::{extend_run, ScenarioRun};
use crate::scenario::Scenario;

/// [`evaluate_seeded`] in two stages: the first `first` replications are simulated and
/// judged, and when `reject` says so of that partial evaluation it is returned as `Err`;
/// otherwise the remaining replications are added in order (the very ones a single run
/// would draw), so the `Ok` evaluation is exactly [`evaluate_seeded`]'s.
pub fn evaluate_staged(
    s: &Scenario,
    paid: &[u32],
    (replications, first): (u32, u32),
    seed: u64,
    criterion: Criterion,
    reject: &dyn Fn(&Evaluation) -> bool,
) -> Result<Evaluation, Evaluation> {
    evaluate_stages(s, paid, &[first, replications], seed, criterion, reject)
}

/// [`evaluate_staged`] with any number of stages: `stages` are the replications simulated
/// so far after each stage (increasing; the last is the whole evaluation's). After every
/// stage but the last the partial evaluation is judged by `reject`, and returned as `Err`
/// when it says so; the `Ok` evaluation is exactly [`evaluate_seeded`]'s with the last.
pub fn evaluate_stages(
    s: &Scenario,
    paid: &[u32],
    stages: &[u32],
    seed: u64,
    criterion: Criterion,
    reject: &dyn Fn(&Evaluation) -> bool,
) -> Result<Evaluation, Evaluation> {
    let replications = stages.last().copied().unwrap_or(0);
    let stages: Vec<u32> = stages
        .iter()
        .copied()
        .filter(|&k| k > 0 && k < replications)
        .collect();
    if stages.is_empty() {
        return Ok(evaluate_seeded(s, paid, replications, seed, criterion));
    }
    let sc = plan_scenario(s, paid, replications, seed);
    let mut run = ScenarioRun::empty(&sc);
    let mut done = 0;
    for k in stages {
        if k <= done {
            continue;
        }
        extend_run(&mut run, &sc, done, k, &|_| {});
        done = k;
        let partial = judge_run(s, &sc, paid, criterion, &run, k);
        if reject(&partial) {
            return Err(partial);
        }
    }
    extend_run(&mut run, &sc, done, replications, &|_| {});
    Ok(judge_run(s, &sc, paid, criterion, &run, replications))
}

/// Fewest replications a removal is first judged on before the rest are simulated.
pub(super) const EARLY_REPLICATIONS: u32 = 10;

/// The replications after which a removal of `replications` is judged: a quarter (at
/// least [`EARLY_REPLICATIONS`]), doubled until the whole. A refusal that is not plain on
/// a quarter often is on half, and costs half the simulating there.
pub(super) fn removal_stages(replications: u32) -> Vec<u32> {
    let mut stages = Vec::new();
    let mut k = (replications / 4).max(EARLY_REPLICATIONS);
    while k < replications {
        stages.push(k);
        k = k.saturating_mul(2);
    }
    stages.push(replications);
    stages
}

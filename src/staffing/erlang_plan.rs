//! The search's starting point: each interval staffed by the closed forms as if it were
//! in steady state (SIPP), grossed up for shrinkage, then brought within the bounds.

use super::bounds::Bounds;
use super::{gross_up, Options};
use crate::erlang::{self, Interval};
use crate::scenario::Scenario;

/// The Erlang (SIPP) starting plan.
#[derive(Debug, Clone)]
pub struct ErlangPlan {
    /// "Erlang A" or "Erlang C".
    pub model: &'static str,
    /// Productive agents per interval from the closed forms.
    pub productive: Vec<u32>,
    /// Paid agents grossed up for shrinkage, before the bounds.
    pub paid_unbounded: Vec<u32>,
    /// Paid agents after `max_step` and `[min_agents, max_agents]`.
    pub paid: Vec<u32>,
    /// Intervals where the closed forms cannot meet the targets at all.
    pub unreachable: Vec<usize>,
}

/// The closed-form targets of the scenario, or `None` when it has none.
pub(super) fn erlang_targets(s: &Scenario) -> Option<erlang::Targets> {
    let t = &s.targets;
    let targets = erlang::Targets {
        service_level: t.sl_at_least.map(|p| (t.sl_within_s, p)),
        abandonment_at_most: t.abandonment_at_most,
        asa_at_most_s: t.asa_at_most_s,
        occupancy_at_most: t.occupancy_at_most,
    };
    (targets != erlang::Targets::default()).then_some(targets)
}

/// The Erlang (SIPP) plan of a scenario within the bounds.
pub fn erlang_plan(s: &Scenario, opts: &Options) -> ErlangPlan {
    let targets = erlang_targets(s).unwrap_or_default();
    let interval_s = s.simulation.interval_s();
    let patience = s.patience.as_ref().map(|p| p.mean());
    let mut productive = Vec::with_capacity(s.intervals());
    let mut unreachable = Vec::new();
    for (i, &volume) in s.arrivals.volumes.iter().enumerate() {
        let base = Interval {
            arrivals_per_s: volume / interval_s,
            mean_handle_s: s.handling.mean_s(),
            agents: 0,
            mean_patience_s: patience,
            sl_threshold_s: s.targets.sl_within_s,
        };
        let c = erlang::agents_needed(&base, &targets);
        if !erlang::meets_targets(&base, c, &targets) {
            unreachable.push(i);
        }
        productive.push(c);
    }
    let paid_unbounded: Vec<u32> = productive
        .iter()
        .map(|&c| gross_up(c, s.staffing.shrinkage))
        .collect();
    let paid = Bounds::of(opts, s.staffing.shrinkage).apply(&paid_unbounded);
    ErlangPlan {
        model: if patience.is_some() {
            "Erlang A"
        } else {
            "Erlang C"
        },
        productive,
        paid_unbounded,
        paid,
        unreachable,
    }
}

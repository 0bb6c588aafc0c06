//! The search's starting point: each interval staffed by the closed forms as if it were
//! in steady state (SIPP), grossed up for shrinkage, then brought within the bounds. Each
//! type is staffed so on its own load and its agents given to the first
//! group of its routing (a chat type's servers divided by what a full chat agent is worth); a
//! group that is no type's first starts empty (then `min_agents`).

use super::bounds::Bounds;
use super::{gross_up, Options};
use crate::erlang::{self, Interval};
use crate::scenario::{Channel, ContactType, Scenario, Simulation};

/// The Erlang (SIPP) starting plan. The per-interval lists are laid out
/// as in [`super::Evaluation`]: `productive`, `paid_unbounded` and `paid` group after
/// group, `unreachable` as positions type × intervals + interval.
#[derive(Debug, Clone)]
pub struct ErlangPlan {
    /// "Erlang A" or "Erlang C" ("Erlang A and C" for a centre using both).
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

/// The closed-form targets of a contact type, or `None` when it has none.
pub(super) fn erlang_targets(s: &ContactType) -> Option<erlang::Targets> {
    let t = &s.targets;
    let targets = erlang::Targets {
        service_level: t.sl_at_least.map(|p| (t.sl_within_s, p)),
        abandonment_at_most: t.abandonment_at_most,
        asa_at_most_s: t.asa_at_most_s,
        occupancy_at_most: t.occupancy_at_most,
    };
    (targets != erlang::Targets::default()).then_some(targets)
}

/// The Erlang (SIPP) plan of a scenario within the bounds: each type's SIPP productive
/// agents summed into the first group of its routing (its dedicated group; pooling
/// economies are left to the search's removals), grossed up with that group's shrinkage,
/// each group within the bounds. A one-type file: its one group staffed for its one type.
pub fn erlang_plan(c: &Scenario, opts: &Options) -> ErlangPlan {
    let n = c.intervals();
    let mut productive = vec![0u32; c.groups.len() * n];
    let mut unreachable = Vec::new();
    for (t, ty) in c.types.iter().enumerate() {
        let (agents, missed) = sipp(ty, &c.simulation);
        let g = ty.routing[0].group;
        let per_agent = |a: u32| match ty.channel {
            Channel::Chat => chat_agents(
                a,
                c.groups[g].chat_slots.max(1),
                ty.handling.concurrency_slowdown,
            ),
            _ => a,
        };
        for (i, a) in agents.into_iter().enumerate() {
            productive[g * n + i] = productive[g * n + i].saturating_add(per_agent(a));
        }
        unreachable.extend(missed.into_iter().map(|i| t * n + i));
    }
    let mut paid_unbounded = Vec::with_capacity(productive.len());
    let mut paid = Vec::with_capacity(productive.len());
    for (g, group) in c.groups.iter().enumerate() {
        let shrinkage = group.staffing.shrinkage;
        let part: Vec<u32> = productive[g * n..(g + 1) * n]
            .iter()
            .map(|&a| gross_up(a, shrinkage))
            .collect();
        paid.extend(Bounds::of(opts, shrinkage).apply(&part));
        paid_unbounded.extend(part);
    }
    let models: Vec<&str> = c.types.iter().map(model).collect();
    ErlangPlan {
        model: if models.iter().all(|&m| m == models[0]) {
            models[0]
        } else {
            "Erlang A and C"
        },
        productive,
        paid_unbounded,
        paid,
        unreachable,
    }
}

/// Chat agents of `slots` slots doing the work of `servers` one-chat servers. Held
/// chats slow each other: k chats at once each take 1 + `slowdown` × (k − 1) handle
/// times, so a full agent is worth k ÷ (1 + `slowdown` × (k − 1)) servers, not k;
/// counting k would start a chat group far below what it needs (a third short with
/// 3 slots and a quarter slower per extra chat) and leave the search to add it back
/// one agent at a time. Without slowdown that is exactly `servers` ÷ `slots`, rounded up.
fn chat_agents(servers: u32, slots: u32, slowdown: f64) -> u32 {
    if slowdown <= 0.0 {
        return servers.div_ceil(slots);
    }
    let k = f64::from(slots);
    let worth = k / (1.0 + slowdown * (k - 1.0));
    // Worth at least one server: a slower agent with more chats never does less than one.
    let worth = worth.max(1.0);
    (f64::from(servers) / worth - 1e-9).ceil().max(0.0) as u32
}

/// "Erlang A" with patience, "Erlang C" without.
fn model(t: &ContactType) -> &'static str {
    if t.patience.is_some() {
        "Erlang A"
    } else {
        "Erlang C"
    }
}

/// SIPP for one type: productive agents per interval meeting its targets, and the
/// intervals where the closed forms cannot meet them at all.
fn sipp(s: &ContactType, simulation: &Simulation) -> (Vec<u32>, Vec<usize>) {
    let targets = erlang_targets(s).unwrap_or_default();
    let interval_s = simulation.interval_s();
    let patience = s.patience.as_ref().map(|p| p.mean());
    let mut productive = Vec::with_capacity(s.intervals());
    let mut unreachable = Vec::new();
    for (i, &volume) in s.arrivals.volumes.iter().enumerate() {
        let base = Interval {
            arrivals_per_s: volume / interval_s,
            // Each interval's own AHT and patience (their interval factors applied).
            mean_handle_s: s.handling.mean_s_in(i),
            agents: 0,
            mean_patience_s: patience.map(|p| p * s.patience_factor(i)),
            sl_threshold_s: s.targets.sl_within_s,
        };
        let c = erlang::agents_needed(&base, &targets);
        if !erlang::meets_targets(&base, c, &targets) {
            unreachable.push(i);
        }
        productive.push(c);
    }
    (productive, unreachable)
}

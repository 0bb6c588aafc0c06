//! The cheapest staffing plan that meets the scenario's `[targets]`, found by simulation.
//!
//! Pure: takes a [`Scenario`] and [`Options`], returns an [`Outcome`] (the plan, the
//! evaluations behind it and, when it misses, which targets and why); progress is
//! reported through a callback, nothing is printed. One job per file: the SIPP start
//! (`erlang_plan`), simulating and ranking a plan (`evaluate`), the bounds and the
//! moves they allow (`bounds`), the groups a plan staffs and the types they serve
//! (`shape`), adding and removing agents (`moves`), the search from start to confirmed
//! plan (`search`), plans and misses in words (`describe`).
//!
//! # The search
//!
//! 1. **Erlang start (SIPP).** Each interval on its own, as if in steady state:
//!    λ = volume ÷ interval seconds, AHT = the mean of talk + wrap-up, Erlang A with the
//!    mean patience when `[patience]` exists (Erlang A assumes it exponential: only its
//!    mean is used otherwise), Erlang C without it. [`crate::erlang::agents_needed`] gives the
//!    productive agents meeting every target, grossed up for shrinkage to the smallest
//!    paid number whose round(paid × (1 − shrinkage)) is enough. SIPP ignores the day
//!    factor, self-service, callbacks, redials, repeat contacts and, above all, queues
//!    carried over from one interval to the next. The start is then capped at
//!    `max_agents`, lifted to respect `max_step` and raised to `min_agents`.
//! 2. **Judging a plan.** The plan is simulated with the scenario's seed (common random
//!    numbers: every candidate meets the same callers). Every interval with traffic to
//!    agents must meet every target *on the mean over replications* (as the run
//!    report's met / MISS marks do); whether the 95 % bound also meets it is reported
//!    beside. A target's normalised shortfall is how far the mean is beyond its limit,
//!    as a share of the limit (negative: slack). Plans are ranked by fewer intervals
//!    missing, then a smaller total shortfall, then a lower paid cost, then fewer paid
//!    agents ([`Evaluation::rank`]; with one group, cost and agents go together).
//! 3. **Moves.** A move changes one interval by one productive agent (the fewest paid
//!    agents that give it: with shrinkage, one paid agent may make no difference) and
//!    every other interval only as far as `max_step` then requires: an addition raises
//!    the neighbours that would fall more than `max_step` below, a removal lowers those
//!    that would stand more than `max_step` above. Under a tight step a move is thus a
//!    whole run of intervals; under `--max-step 0` it is the whole plan up or down by
//!    one. A move never leaves `[min_agents, max_agents]`.
//! 4. **Out of reach.** When a plan misses, the plan with the most agents the bounds
//!    allow (`max_agents`, or [`crate::limits::MAX_AGENTS`], in every interval) is simulated
//!    once. An interval that misses even there cannot be mended within the bounds
//!    (more agents never make an interval worse): the search does not spend its budget
//!    on it, and the outcome says so with that plan's figure.
//! 5. **Adding.** While some interval within reach misses, take the worst miss (largest
//!    normalised shortfall) and try an addition there and, separately, in the interval
//!    just before it (a queue built there spills into it). Keep the candidate that
//!    mends the missing interval, else the one with fewer intervals missing, else the
//!    smaller total shortfall over the day (ties go to the missing interval itself); it
//!    must mend its interval or improve on the plan (fewer misses, or a smaller total).
//!    Mending is enough: the calls an extra agent answers may still be in progress when
//!    the next interval starts, which then misses and is mended next. When neither
//!    candidate helps, or the bounds allow neither, the next worst miss is tried; when
//!    no miss can be helped, the replications are doubled (up to the file's: one
//!    agent's effect may be lost in the noise of a few) and adding goes on; at the
//!    file's replications, adding stops, and each miss left is put down to a bound
//!    (every addition refused) or to the search giving up.
//! 6. **Removing.** Then, from the interval with the most slack down, try a removal;
//!    keep it only if every interval still meets every target, and start again. An
//!    interval whose removal failed is not tried again (fewer agents elsewhere only
//!    make it harder). Stops when no removal keeps the targets. (When the plan misses
//!    somewhere, a removal is kept if every interval that meets still meets and no
//!    miss gets deeper.) A removal is first simulated on a quarter of its replications
//!    (at least 10), then on twice as many while short of all, and refused at any stage
//!    when a target the plan meets is already missed beyond the noise; otherwise the rest are added, so a
//!    removal kept is judged on the very replications a single run would draw.
//! 7. **Confirming.** Steps 5–6 use fewer replications (`search_replications`, default
//!    a quarter of the file's within 40 to 60, at most the file's: common random
//!    numbers make one agent's effect plain on few, and steps 7 and 9 catch what they
//!    hide). The plan is then simulated with the file's replications; if an
//!    interval misses there, steps 4–6 run again with the file's replications, so the
//!    plan returned is always judged on the file's replications.
//! 8. **Never worse than the start.** The SIPP start is simulated with the file's
//!    replications too; if it ranks better than the plan found, it is returned instead.
//! 9. **Confirming on fresh days.** A plan kept because its figures look good on the
//!    replications it was tuned on is likely to look worse on others. A plan that meets
//!    is simulated on a fresh seed stream ([`fresh_seed`]) with the file's replications,
//!    and at least four times the search's and four times min(file's, 60)
//!    ([`fresh_replications`]); while a target is
//!    shown to miss there (its 95 % interval beyond the limit), agents are added where
//!    that stream misses (then on the file's days, where those additions leave calls in
//!    progress into the next interval), never removed, and the repaired plan is
//!    confirmed on the next stream, at most [`MAX_REPAIRS`] times. A plan still shown to
//!    miss on the last stream is reported as missing there.
//!
//! The search stops after `max_simulations` simulations (default 400; the final
//! full-replication runs of the plan, the start and, when the plan misses, the plan
//! with the most agents, excepted) and says so in [`Outcome::limit_hit`]. When the plan
//! returned misses a target, [`Outcome::misses`] gives each interval and target with the
//! reason: out of reach within the bounds, the budget spent, or no plan tried met it.
//!
//! # A centre of several groups
//!
//! The same search, with a plan that is every group's paid agents per interval (group
//! after group, see [`Evaluation`]) judged by every type's own `[types.targets]` in
//! every interval; a one-type file is the case of one group serving one type, and
//! takes exactly the steps above. What changes with several groups:
//!
//! - **Start.** SIPP per type, on that type's own load, productive agents given to the
//!   first group of its routing (its dedicated group; types sharing a first group add
//!   up there), grossed up with that group's shrinkage; a group that is no type's first
//!   (overflow, shared) starts empty, i.e. at `min_agents`. A chat type's servers are
//!   divided by what one agent is worth with its slots full: k chats at once, each
//!   slowed by the type's `concurrency_slowdown`, do the work of
//!   k ÷ (1 + slowdown × (k − 1)) servers, not k. The start ignores pooling:
//!   what a shared group saves is left to the moves. The file's own plan (within the
//!   bounds) is simulated too, and the search starts from whichever ranks better; the
//!   plan returned is never worse than either (step 8).
//! - **Ranking** is by paid cost (each group's paid hours at its own `agent_hour`), not
//!   head count, after misses and shortfall; misses count (type, interval) pairs.
//! - **Adding.** For the worst (type, interval) miss, each group that may answer that
//!   type (its routing, delayed groups included) gets the step-5 pair of candidates
//!   (the interval, the one before), the better of the two by total shortfall; across
//!   groups the candidate lowering the total shortfall most per unit of cost is kept
//!   (a move's cost: the paid agents it adds at the group's rate; head count when no
//!   group has a rate). Ties keep the earlier group in the routing.
//! - **Removing** goes by (group, interval): a group's slack in an interval is that of
//!   the tightest type it serves there; most slack first, the dearer group first on
//!   ties. A removal is kept only if every type still meets in every interval.
//! - **Bounds** (`--min-agents`, `--max-agents`, `--max-step`) apply to every group
//!   alike, each with its own shrinkage; a move changes one group only. Out of reach
//!   means missed even with `max_agents` in every group and interval.
//! - **Confirming.** When the plan misses with the file's replications, a centre goes on
//!   from that plan, not from the start: agents are added with the file's replications
//!   until every type meets, then removals are tried again only where those additions
//!   went (everywhere else a removal already failed with the search's replications).
//!   Sweeping all groups × intervals again with the file's replications would take
//!   minutes on a 3-group, 24-interval day; this keeps `ccsim staff` on
//!   `scenarios/multi-skill/bilingual.toml` around 10 s of CPU.

mod bounds;
mod describe;
mod erlang_plan;
mod evaluate;
mod moves;
pub mod roster;
mod search;
mod shape;
mod staged;

pub use describe::{check_labels, confirmation, describe_miss, describe_target, figure, labels};
pub use erlang_plan::{erlang_plan, ErlangPlan};
pub use evaluate::{
    evaluate, evaluate_on, evaluate_seeded, judged, judged_on, paid_cost, Evaluation,
    IntervalResult, TargetCheck,
};
pub use search::{fresh_replications, search};
pub use staged::{evaluate_staged, evaluate_stages};

use crate::scenario::Scenario;
use crate::stats::Estimate;

/// Fewest replications per candidate during the search when not given (fewer only when
/// the file has fewer). Measured on the omnichannel, bilingual and 5-type ring centres,
/// searching on 40 to 50 found plans as cheap as 60 did (or cheaper) for about two
/// thirds of the simulating, the plan being judged on the file's replications and
/// confirmed on fresh ones all the same.
pub const DEFAULT_SEARCH_REPLICATIONS: u32 = 40;
/// Most replications per candidate during the search when not given: the search's
/// default before it took a quarter of the file's.
pub const MOST_SEARCH_REPLICATIONS: u32 = 60;
/// Simulations the search may run when not given.
pub const DEFAULT_MAX_SIMULATIONS: usize = 400;

/// Bounds and effort of the search.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Fewest paid agents in any interval.
    pub min_agents: Option<u32>,
    /// Most paid agents in any interval (default and at most [`crate::limits::MAX_AGENTS`]).
    pub max_agents: Option<u32>,
    /// Largest change of paid agents between consecutive intervals.
    pub max_step: Option<u32>,
    /// Replications per candidate during the search (default a quarter of the file's
    /// within 40 to 60, at most the file's).
    pub search_replications: Option<u32>,
    /// Most simulations the search may run (default 400).
    pub max_simulations: Option<usize>,
    /// What "meets a target" means for the search and the plan.
    pub criterion: Criterion,
}

/// What meeting a target means in an interval.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Criterion {
    /// The mean over replications meets the limit (half the days may miss it).
    #[default]
    Mean,
    /// The unfavourable end of the 95 % interval meets it (`staff --confidence`).
    Bound,
}

impl Criterion {
    /// The criterion in words, for reports and the written plan.
    pub fn describe(self) -> &'static str {
        match self {
            Criterion::Mean => "the mean over replications",
            Criterion::Bound => "the 95 % confidence bound (--confidence)",
        }
    }
}

/// One of the `[targets]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Service level at least.
    ServiceLevel,
    /// Abandonment rate at most.
    Abandonment,
    /// ASA at most.
    Asa,
    /// Occupancy at most.
    Occupancy,
}

impl Target {
    /// Short label for messages.
    pub fn label(self) -> &'static str {
        match self {
            Target::ServiceLevel => "SL",
            Target::Abandonment => "abandonment",
            Target::Asa => "ASA",
            Target::Occupancy => "occupancy",
        }
    }
}

/// What a search step is doing, for a progress display.
#[derive(Debug, Clone)]
pub struct Progress {
    /// Simulations run so far.
    pub simulations: usize,
    /// The simulation budget.
    pub max_simulations: usize,
    /// "adding", "removing", "confirming", ...
    pub phase: &'static str,
    /// Paid agents summed over the intervals of the current plan.
    pub paid_total: u64,
    /// Intervals of the current plan that miss a target.
    pub missed: usize,
}

/// Why the plan returned misses a target in an interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Why {
    /// Out of reach within the bounds: even `agents` paid agents in every interval (the
    /// most allowed) miss it, with this estimate.
    OutOfReach {
        /// The most paid agents the bounds allow.
        agents: u32,
        /// The target's estimate in this interval with them.
        estimate: Estimate,
    },
    /// The search spent its budget of simulations first.
    Budget {
        /// The budget (`--max-simulations`).
        simulations: usize,
    },
    /// A bound (`--max-agents`, `--max-step`) refused every addition the search needed
    /// here, though the most agents allowed everywhere would meet it.
    Bound,
    /// The search gave up: no agent added here (or in the interval before) lowered the
    /// misses, even on this many replications per plan.
    GaveUp {
        /// Replications per plan of the last try.
        replications: u32,
    },
    /// Met on the file's replications, but shown to miss on fresh ones (its 95 %
    /// interval beyond the target) after every repair allowed.
    NotConfirmed {
        /// Fresh replications simulated.
        replications: u32,
        /// The fresh stream's seed.
        seed: u64,
        /// Repairs made before.
        repairs: usize,
    },
}

/// One target missed in one interval by the plan returned.
#[derive(Debug, Clone, Copy)]
pub struct Miss {
    /// The contact type (index in the centre's types; 0 for a one-type file).
    pub contact_type: usize,
    /// The interval.
    pub interval: usize,
    /// The target as judged in the plan returned.
    pub check: TargetCheck,
    /// Why it is missed.
    pub why: Why,
}

/// The result of [`search`].
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The Erlang (SIPP) plan the search started from.
    pub erlang: ErlangPlan,
    /// The Erlang plan simulated with the file's replications.
    pub erlang_eval: Evaluation,
    /// For a centre: the file's own plan (within the bounds) simulated with the file's
    /// replications; the search starts from it when it ranks better than the Erlang plan.
    pub file_eval: Option<Evaluation>,
    /// The search started from the file's own plan rather than the Erlang plan.
    pub started_from_file: bool,
    /// The plan found, simulated with the file's replications.
    pub plan: Evaluation,
    /// Simulations run (the final full-replication runs included).
    pub simulations: usize,
    /// Replications per candidate during the search.
    pub search_replications: u32,
    /// The search stopped because it ran out of simulations.
    pub limit_hit: bool,
    /// The search continued with the file's replications after the confirmation missed.
    pub confirmation_missed: bool,
    /// The search found nothing better than its start: the plan is the SIPP start (for a
    /// centre, the better of it and the file's own plan).
    pub kept_start: bool,
    /// Every target the plan misses, interval by interval, with the reason (empty when it meets).
    pub misses: Vec<Miss>,
    /// Things the planner should know about the plan.
    pub notes: Vec<String>,
    /// What meeting a target meant for the search and the plan.
    pub criterion: Criterion,
    /// The plan simulated on fresh replications (a seed stream derived from the file's,
    /// see [`fresh_seed`]), when it met on the file's: whether it holds on days it was
    /// not tuned on.
    pub confirmation: Option<Evaluation>,
    /// Times the plan was repaired (agents added) because it missed on fresh days.
    pub repairs: usize,
}

/// Most times the plan is repaired after missing on fresh days, each repair confirmed
/// on a new stream.
pub const MAX_REPAIRS: usize = 3;

/// The seed of fresh stream `round` (1, 2, ...) of a file with `seed`: another stream,
/// so a plan is confirmed on days it was not tuned on, yet the same file and seed give
/// the same plan. Kept below 2⁵³, so it can be given back as `simulation.seed`.
pub fn fresh_seed(seed: u64, round: u64) -> u64 {
    // splitmix64's finaliser: nearby seeds give unrelated streams.
    let mut z = seed ^ 0x6a09_e667_f3bc_c909;
    z = z.wrapping_add(round.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) & ((1 << 53) - 1)
}

/// Productive agents of `paid` paid agents: round(paid × (1 − shrinkage)), as ccsim counts.
pub fn productive(paid: u32, shrinkage: f64) -> u32 {
    (f64::from(paid) * (1.0 - shrinkage)).round() as u32
}

/// Fewest paid agents whose productive agents are at least `needed`.
pub fn gross_up(needed: u32, shrinkage: f64) -> u32 {
    let mut paid = (f64::from(needed) / (1.0 - shrinkage)).ceil() as u32;
    while productive(paid, shrinkage) < needed {
        paid += 1; // rounding of the division, never by more than one
    }
    // ccsim rounds productive agents, so fewer than ceil(needed / (1 − s)) may do.
    while paid > 0 && productive(paid - 1, shrinkage) >= needed {
        paid -= 1;
    }
    paid
}

/// Why `s`, read from `file`, cannot be staffed: it has no targets at all.
pub fn nothing_to_staff(s: &Scenario, file: &std::path::Path) -> Option<String> {
    if has_targets(s) {
        return None;
    }
    let table = if s.is_centre() {
        "no type has [types.targets]"
    } else {
        "the scenario has no [targets]"
    };
    Some(format!(
        "{}: {table}: there is nothing to staff for",
        file.display()
    ))
}

/// Whether the scenario has any `[targets]` to staff for (any type's).
pub fn has_targets(s: &Scenario) -> bool {
    s.types
        .iter()
        .any(|t| erlang_plan::erlang_targets(t).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gross_up_is_the_smallest_paid_with_enough_productive() {
        for s in [0.0, 0.1, 0.3, 0.35, 0.5, 0.9] {
            for c in 0..200 {
                let p = gross_up(c, s);
                assert!(productive(p, s) >= c, "s={s} c={c} p={p}");
                assert!(p == 0 || productive(p - 1, s) < c, "s={s} c={c} p={p}");
            }
        }
        assert_eq!(gross_up(7, 0.3), 10); // 7 / 0.7 = 10.000000000000002 in floating point
        assert_eq!(gross_up(8, 0.3), 11); // round(11 × 0.7) = round(7.7) = 8 < ceil(8 / 0.7) = 12
    }

    #[test]
    fn a_miss_is_never_printed_as_its_limit() {
        let check = |target, limit: f64| TargetCheck {
            target,
            limit,
            estimate: Estimate {
                mean: 0.0,
                half_width: 0.0,
            },
            met: false,
            met_with_confidence: false,
            shortfall: 1.0,
        };
        assert_eq!(
            figure(&check(Target::ServiceLevel, 1.0), 0.99998),
            "99.998%"
        );
        assert_eq!(figure(&check(Target::ServiceLevel, 0.8), 0.797), "79.7%");
        assert_eq!(figure(&check(Target::Asa, 30.0), 30.04), "30.04 s");
        assert_eq!(
            figure(&check(Target::Asa, 30.0), f64::NAN),
            "undefined (nobody answered)"
        );
    }
}

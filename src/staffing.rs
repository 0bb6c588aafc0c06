//! The cheapest staffing plan that meets the scenario's `[targets]`, found by simulation.
//!
//! Pure: takes a [`Scenario`] and [`Options`], returns an [`Outcome`] (the plan and the
//! evaluations behind it); progress is reported through a callback, nothing is printed.
//!
//! # The search
//!
//! 1. **Erlang start (SIPP).** Each interval on its own, as if in steady state:
//!    λ = volume ÷ interval seconds, AHT = the mean of talk + wrap-up, Erlang A with the
//!    mean patience when `[patience]` exists (Erlang A assumes it exponential: only its
//!    mean is used otherwise), Erlang C without it. [`erlang::agents_needed`] gives the
//!    productive agents meeting every target, grossed up for shrinkage to the smallest
//!    paid number whose round(paid × (1 − shrinkage)) is enough. SIPP ignores the day
//!    factor, self-service, callbacks, redials, repeat contacts and, above all, queues
//!    carried over from one interval to the next. The start is then lifted to respect
//!    `max_step` and clamped to `[min_agents, max_agents]`.
//! 2. **Judging a plan.** The plan is simulated with the scenario's seed (common random
//!    numbers: every candidate meets the same callers). Every interval with traffic to
//!    agents must meet every target *on the mean over replications* (as the run
//!    report's met / MISS marks do); whether the 95 % bound also meets it is reported
//!    beside. A target's normalised shortfall is how far the mean is beyond its limit,
//!    as a share of the limit (negative: slack).
//! 3. **Adding.** While some interval misses, take the worst miss (largest normalised
//!    shortfall) and try one productive agent more there (the fewest paid agents that
//!    give it: with shrinkage, one more paid agent may add no productive one) and,
//!    separately, in the interval just before it (a queue built there spills into it).
//!    Keep the candidate with the smaller total shortfall over the day (ties go to the
//!    missing interval itself); it must lower that total. When neither candidate does,
//!    or the bounds allow neither, the next worst miss is tried; when no miss can be
//!    helped, the targets are out of reach within the bounds.
//! 4. **Removing.** Then, from the interval with the most slack down, try one
//!    productive agent less (and any paid agent that only rounding kept); keep it only
//!    if every interval still meets every target, and start again. An interval whose
//!    removal failed is not tried again (fewer agents elsewhere only make it harder).
//!    Stops when no single removal keeps the targets. (When the bounds make the
//!    targets impossible, a removal is kept if every interval that meets still meets
//!    and no miss gets deeper.)
//! 5. **Confirming.** Steps 3–4 use fewer replications (`search_replications`, default
//!    min(file's, 60)). The plan is then simulated with the file's replications; if an
//!    interval misses there, steps 3 and 4 run again with the file's replications, so
//!    the plan returned is always judged on the file's replications.
//!
//! The search stops after `max_simulations` simulations (default 400; the final
//! full-replication runs of both plans excepted) and says so in [`Outcome::limit_hit`].
//! `max_step` bounds the change of paid agents between consecutive intervals: an
//! addition raises neighbours as needed, a removal that would break it is not tried.

use std::collections::{HashMap, HashSet};

use crate::erlang::{self, Interval};
use crate::metrics::Metric;
use crate::runner::run_scenario;
use crate::scenario::Scenario;
use crate::stats::Estimate;

/// Replications per candidate during the search when not given: min(file's, this).
pub const DEFAULT_SEARCH_REPLICATIONS: u32 = 60;
/// Simulations the search may run when not given.
pub const DEFAULT_MAX_SIMULATIONS: usize = 400;

/// Bounds and effort of the search.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Fewest paid agents in any interval.
    pub min_agents: Option<u32>,
    /// Most paid agents in any interval.
    pub max_agents: Option<u32>,
    /// Largest change of paid agents between consecutive intervals.
    pub max_step: Option<u32>,
    /// Replications per candidate during the search (default min(file's, 60)).
    pub search_replications: Option<u32>,
    /// Most simulations the search may run (default 400).
    pub max_simulations: Option<usize>,
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

/// One target judged on one interval.
#[derive(Debug, Clone, Copy)]
pub struct TargetCheck {
    /// Which target.
    pub target: Target,
    /// Its limit (a floor for SL, a ceiling for the others).
    pub limit: f64,
    /// The simulated estimate.
    pub estimate: Estimate,
    /// Met on the mean.
    pub met: bool,
    /// Met by the unfavourable end of the 95 % interval too.
    pub met_with_confidence: bool,
    /// How far the mean is beyond the limit, as a share of it (≤ 0 when met).
    pub shortfall: f64,
}

/// A plan's simulated figures in one interval.
#[derive(Debug, Clone)]
pub struct IntervalResult {
    /// Whether any contact reached the agent queue (intervals without traffic are not judged).
    pub traffic: bool,
    /// Service level.
    pub service_level: Estimate,
    /// Abandonment rate.
    pub abandonment: Estimate,
    /// ASA in seconds.
    pub asa_s: Estimate,
    /// Occupancy.
    pub occupancy: Estimate,
    /// Each given target, judged (empty without traffic).
    pub checks: Vec<TargetCheck>,
}

impl IntervalResult {
    /// Every target met on the mean.
    pub fn met(&self) -> bool {
        self.checks.iter().all(|c| c.met)
    }

    /// Every target met by the 95 % bound.
    pub fn met_with_confidence(&self) -> bool {
        self.checks.iter().all(|c| c.met_with_confidence)
    }

    /// The worst normalised shortfall (positive: a miss; −∞ when nothing is judged).
    pub fn shortfall(&self) -> f64 {
        self.checks
            .iter()
            .map(|c| c.shortfall)
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// The targets missed, for messages.
    pub fn missed(&self) -> Vec<Target> {
        self.checks
            .iter()
            .filter(|c| !c.met)
            .map(|c| c.target)
            .collect()
    }
}

/// One plan, simulated.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Paid agents per interval.
    pub paid: Vec<u32>,
    /// Replications simulated.
    pub replications: u32,
    /// Per-interval results.
    pub intervals: Vec<IntervalResult>,
    /// Simulated total cost per day (agents incl. overtime, telephony, fixed).
    pub cost_total: Estimate,
    /// Simulated overtime agent hours per day (the drain after closing).
    pub overtime_agent_hours: Estimate,
}

impl Evaluation {
    /// Every interval meets every target on the mean.
    pub fn met(&self) -> bool {
        self.intervals.iter().all(IntervalResult::met)
    }

    /// Intervals that miss some target.
    pub fn missed(&self) -> Vec<usize> {
        (0..self.intervals.len())
            .filter(|&i| !self.intervals[i].met())
            .collect()
    }

    /// Sum of the positive shortfalls over the day: how badly the plan misses.
    fn total_shortfall(&self) -> f64 {
        self.intervals.iter().map(|r| r.shortfall().max(0.0)).sum()
    }
}

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

/// The result of [`search`].
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The Erlang (SIPP) plan the search started from.
    pub erlang: ErlangPlan,
    /// The Erlang plan simulated with the file's replications.
    pub erlang_eval: Evaluation,
    /// The plan found, simulated with the file's replications.
    pub plan: Evaluation,
    /// Simulations run (the two final full-replication runs included).
    pub simulations: usize,
    /// Replications per candidate during the search.
    pub search_replications: u32,
    /// The search stopped because it ran out of simulations.
    pub limit_hit: bool,
    /// The search continued with the file's replications after the confirmation missed.
    pub confirmation_missed: bool,
    /// Things the planner should know about the plan.
    pub notes: Vec<String>,
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

/// Whether the scenario has any `[targets]` to staff for.
pub fn has_targets(s: &Scenario) -> bool {
    erlang_targets(s).is_some()
}

/// The closed-form targets of the scenario, or `None` when it has none.
fn erlang_targets(s: &Scenario) -> Option<erlang::Targets> {
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

/// The per-interval bounds on paid agents.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    min: u32,
    max: u32,
    step: Option<u32>,
    shrinkage: f64,
}

impl Bounds {
    fn of(opts: &Options, shrinkage: f64) -> Bounds {
        Bounds {
            min: opts.min_agents.unwrap_or(0),
            max: opts.max_agents.unwrap_or(u32::MAX),
            step: opts.max_step,
            shrinkage,
        }
    }

    /// `plan` capped at `max`, raised until its steps are within `step` (which never
    /// goes above the cap), then raised to `min` (which keeps the steps within `step`).
    fn apply(&self, plan: &[u32]) -> Vec<u32> {
        let mut p: Vec<u32> = plan.iter().map(|&x| x.min(self.max)).collect();
        self.lift(&mut p);
        for x in &mut p {
            *x = (*x).max(self.min);
        }
        p
    }

    /// Raises intervals until no step exceeds `step` (forward and backward passes).
    fn lift(&self, p: &mut [u32]) {
        if let Some(step) = self.step {
            for i in 1..p.len() {
                p[i] = p[i].max(p[i - 1].saturating_sub(step));
            }
            for i in (0..p.len().saturating_sub(1)).rev() {
                p[i] = p[i].max(p[i + 1].saturating_sub(step));
            }
        }
    }

    /// `plan` with one productive agent more in `i` (the fewest paid agents that give
    /// it; with shrinkage one more paid agent may add no productive one), and
    /// neighbours raised for `step`, if allowed.
    fn add(&self, plan: &[u32], i: usize) -> Option<Vec<u32>> {
        let mut p = plan.to_vec();
        let more = productive(p[i], self.shrinkage).checked_add(1)?;
        p[i] = gross_up(more, self.shrinkage).max(p[i] + 1);
        self.lift(&mut p);
        p.iter().all(|&x| x <= self.max).then_some(p)
    }

    /// `plan` with one productive agent less in `i` (and every paid agent that only
    /// rounding kept), if allowed.
    fn remove(&self, plan: &[u32], i: usize) -> Option<Vec<u32>> {
        let now = productive(plan[i], self.shrinkage);
        let fewer = if now == 0 {
            0
        } else {
            gross_up(now - 1, self.shrinkage)
        }
        .max(self.min);
        if fewer >= plan[i] {
            return None;
        }
        let mut p = plan.to_vec();
        p[i] = fewer;
        if let Some(step) = self.step {
            let ok = |j: usize| p[j].abs_diff(p[i]) <= step;
            if (i > 0 && !ok(i - 1)) || (i + 1 < p.len() && !ok(i + 1)) {
                return None;
            }
        }
        Some(p)
    }
}

/// Simulates `paid` on a copy of the scenario with `replications` replications.
pub fn evaluate(s: &Scenario, paid: &[u32], replications: u32) -> Evaluation {
    let mut sc = s.clone();
    sc.staffing.paid = paid.to_vec();
    sc.simulation.replications = replications;
    let run = run_scenario(&sc, &|_| {});
    let t = &s.targets;
    let intervals = run
        .intervals
        .iter()
        .map(|r| {
            let est = |m: Metric| r[m as usize].estimate();
            let to_agents = est(Metric::OfferedToAgents).mean;
            let traffic = to_agents > 0.0;
            let mut res = IntervalResult {
                traffic,
                service_level: est(Metric::ServiceLevel),
                abandonment: est(Metric::AbandonmentRate),
                asa_s: est(Metric::AsaS),
                occupancy: est(Metric::Occupancy),
                checks: Vec::new(),
            };
            if traffic {
                let mut check = |target, limit: f64, e: Estimate, floor: f64| {
                    res.checks.push(judge(target, limit, e, floor));
                };
                if let Some(x) = t.sl_at_least {
                    check(Target::ServiceLevel, x, res.service_level, 1e-9);
                }
                if let Some(x) = t.abandonment_at_most {
                    check(Target::Abandonment, x, res.abandonment, 0.01);
                }
                if let Some(x) = t.asa_at_most_s {
                    check(Target::Asa, x, res.asa_s, 1.0);
                }
                if let Some(x) = t.occupancy_at_most {
                    check(Target::Occupancy, x, res.occupancy, 0.01);
                }
            }
            res
        })
        .collect();
    Evaluation {
        paid: paid.to_vec(),
        replications,
        intervals,
        cost_total: run.day[Metric::CostTotal as usize].estimate(),
        overtime_agent_hours: run.day[Metric::OvertimeAgentHours as usize].estimate(),
    }
}

/// Judges one target; `floor` keeps the normalisation finite for limits near 0.
/// An undefined mean in an interval with traffic (nobody answered: no ASA, no agents:
/// no occupancy) is a miss.
fn judge(target: Target, limit: f64, e: Estimate, floor: f64) -> TargetCheck {
    let higher_is_better = target == Target::ServiceLevel;
    let scale = limit.abs().max(floor);
    let (shortfall, bound) = if e.mean.is_nan() {
        (1.0, f64::NAN)
    } else if higher_is_better {
        ((limit - e.mean) / scale, e.mean - e.half_width)
    } else {
        ((e.mean - limit) / scale, e.mean + e.half_width)
    };
    let met = !e.mean.is_nan()
        && if higher_is_better {
            e.mean >= limit
        } else {
            e.mean <= limit
        };
    let met_with_confidence = !bound.is_nan()
        && if higher_is_better {
            bound >= limit
        } else {
            bound <= limit
        };
    TargetCheck {
        target,
        limit,
        estimate: e,
        met,
        met_with_confidence,
        shortfall: if met {
            shortfall.min(0.0)
        } else {
            shortfall.max(f64::MIN_POSITIVE)
        },
    }
}

/// The search state: a budget of simulations and a cache of evaluated plans.
struct Searcher<'a> {
    scenario: &'a Scenario,
    bounds: Bounds,
    replications: u32,
    simulations: usize,
    budget: usize,
    limit_hit: bool,
    cache: HashMap<(Vec<u32>, u32), Evaluation>,
    progress: &'a dyn Fn(&Progress),
}

impl Searcher<'_> {
    /// The evaluation of `paid` at the current replications; `None` once out of budget.
    fn eval(&mut self, paid: &[u32], phase: &'static str) -> Option<Evaluation> {
        let key = (paid.to_vec(), self.replications);
        if let Some(e) = self.cache.get(&key) {
            return Some(e.clone());
        }
        if self.simulations >= self.budget {
            self.limit_hit = true;
            return None;
        }
        let e = evaluate(self.scenario, paid, self.replications);
        self.simulations += 1;
        (self.progress)(&Progress {
            simulations: self.simulations,
            max_simulations: self.budget,
            phase,
            paid_total: paid.iter().map(|&x| u64::from(x)).sum(),
            missed: e.missed().len(),
        });
        self.cache.insert(key, e.clone());
        Some(e)
    }

    /// Step 3: adds agents until every interval meets; returns the last plan evaluated.
    fn add_until_met(&mut self, mut current: Evaluation) -> Evaluation {
        while !current.met() {
            let mut missing = current.missed();
            missing.sort_by(|&a, &b| {
                let (sa, sb) = (
                    current.intervals[a].shortfall(),
                    current.intervals[b].shortfall(),
                );
                sb.total_cmp(&sa).then(a.cmp(&b))
            });
            let mut best: Option<Evaluation> = None;
            for &i in &missing {
                let mut candidates = vec![self.bounds.add(&current.paid, i)];
                if i > 0 {
                    candidates.push(self.bounds.add(&current.paid, i - 1));
                }
                for plan in candidates.into_iter().flatten() {
                    let Some(e) = self.eval(&plan, "adding") else {
                        return current;
                    };
                    // Strictly better than the plan and than the other candidate: ties
                    // keep the missing interval's own candidate.
                    let bar = best.as_ref().unwrap_or(&current).total_shortfall();
                    if e.total_shortfall() < bar {
                        best = Some(e);
                    }
                }
                if best.is_some() {
                    break;
                }
            }
            match best {
                Some(e) => current = e,
                None => return current, // no miss can be helped within the bounds
            }
        }
        current
    }

    /// Step 4: removes agents while no interval gets worse than it was: one that met
    /// still meets, one that missed (only when the bounds make the targets impossible)
    /// misses by no more.
    fn remove_while_met(&mut self, mut current: Evaluation) -> Evaluation {
        let mut failed: HashSet<usize> = HashSet::new();
        loop {
            let mut order: Vec<usize> = (0..current.paid.len())
                .filter(|i| !failed.contains(i))
                .collect();
            order.sort_by(|&a, &b| {
                let (sa, sb) = (
                    current.intervals[a].shortfall(),
                    current.intervals[b].shortfall(),
                );
                sa.total_cmp(&sb).then(a.cmp(&b)) // most slack (lowest shortfall) first
            });
            let mut accepted = None;
            for i in order {
                let Some(plan) = self.bounds.remove(&current.paid, i) else {
                    failed.insert(i);
                    continue;
                };
                let Some(e) = self.eval(&plan, "removing") else {
                    return current;
                };
                if no_worse(&e, &current) {
                    accepted = Some(e);
                    break;
                }
                failed.insert(i);
            }
            match accepted {
                Some(e) => current = e,
                None => return current,
            }
        }
    }
}

/// Whether `new` is no worse than `old` in any interval: met stays met, a miss does
/// not deepen. When `old` meets everywhere, that is "`new` meets everywhere".
fn no_worse(new: &Evaluation, old: &Evaluation) -> bool {
    new.intervals.iter().zip(&old.intervals).all(|(n, o)| {
        if o.met() {
            n.met()
        } else {
            n.shortfall() <= o.shortfall()
        }
    })
}

/// Finds the cheapest plan meeting the targets (see the module documentation).
///
/// Errors when the scenario has no targets or the options contradict each other.
pub fn search(
    s: &Scenario,
    opts: &Options,
    progress: &dyn Fn(&Progress),
) -> Result<Outcome, String> {
    if erlang_targets(s).is_none() {
        return Err(format!(
            "{}: the scenario has no [targets]: there is nothing to staff for",
            s.file.display()
        ));
    }
    if let (Some(lo), Some(hi)) = (opts.min_agents, opts.max_agents) {
        if lo > hi {
            return Err(format!("--min-agents {lo} is above --max-agents {hi}"));
        }
    }
    let full = s.simulation.replications;
    let search_replications = opts
        .search_replications
        .unwrap_or(full.min(DEFAULT_SEARCH_REPLICATIONS))
        .max(2);
    let erlang = erlang_plan(s, opts);
    let mut notes = Vec::new();
    if let Some(p) = &s.patience {
        if !p.is_exponential() {
            notes.push(format!(
                "patience is not exponential: Erlang A uses its mean ({:.0} s)",
                p.mean()
            ));
        }
    }
    if !s.handling.time.is_exponential() || s.handling.wrap_up.is_some() {
        notes.push(format!(
            "handle time is not exponential: Erlang uses its mean ({:.0} s, wrap-up included)",
            s.handling.mean_s()
        ));
    }
    if !erlang.unreachable.is_empty() {
        notes.push(format!(
            "the closed forms cannot meet the targets in interval(s) {}",
            labels(s, &erlang.unreachable)
        ));
    }
    if erlang.paid != erlang.paid_unbounded {
        notes.push(
            "the Erlang plan was changed to respect --min-agents / --max-agents / --max-step"
                .into(),
        );
    }

    let mut searcher = Searcher {
        scenario: s,
        bounds: Bounds::of(opts, s.staffing.shrinkage),
        replications: search_replications,
        simulations: 0,
        budget: opts.max_simulations.unwrap_or(DEFAULT_MAX_SIMULATIONS),
        limit_hit: false,
        cache: HashMap::new(),
        progress,
    };
    let mut current = match searcher.eval(&erlang.paid, "Erlang plan") {
        Some(e) => e,
        None => evaluate(s, &erlang.paid, search_replications), // a budget of 0
    };
    current = searcher.add_until_met(current);
    current = searcher.remove_while_met(current);
    // Step 5: confirm with the file's replications, adding if anything misses.
    let mut confirmation_missed = false;
    searcher.replications = full;
    let mut plan = match searcher.eval(&current.paid, "confirming") {
        Some(e) => e,
        None => {
            searcher.simulations += 1;
            evaluate(s, &current.paid, full)
        }
    };
    if !plan.met() && current.met() {
        confirmation_missed = true;
        notes.push(format!(
            "the plan found with {search_replications} replications missed with {full}: the search went on with {full}"
        ));
    }
    if !plan.met() {
        plan = searcher.add_until_met(plan);
        plan = searcher.remove_while_met(plan);
    }
    let erlang_eval = match searcher.cache.get(&(erlang.paid.clone(), full)) {
        Some(e) => e.clone(),
        None => {
            searcher.simulations += 1;
            evaluate(s, &erlang.paid, full)
        }
    };
    if searcher.limit_hit {
        notes.push(format!(
            "the search stopped after {} simulations (--max-simulations): the plan may not be the cheapest{}",
            searcher.budget,
            if plan.met() { "" } else { " and misses targets" }
        ));
    }
    if !plan.met() && !searcher.limit_hit {
        notes.push(format!(
            "the targets cannot be met within the bounds: interval(s) {} miss",
            labels(s, &plan.missed())
        ));
    }
    Ok(Outcome {
        erlang,
        erlang_eval,
        plan,
        simulations: searcher.simulations,
        search_replications,
        limit_hit: searcher.limit_hit,
        confirmation_missed,
        notes,
    })
}

/// Clock labels of intervals, comma-separated.
pub fn labels(s: &Scenario, intervals: &[usize]) -> String {
    intervals
        .iter()
        .map(|&i| s.simulation.interval_label(i))
        .collect::<Vec<_>>()
        .join(", ")
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
    fn bounds_lift_and_clamp() {
        let b = Bounds {
            min: 2,
            max: 10,
            step: Some(2),
            shrinkage: 0.0,
        };
        assert_eq!(b.apply(&[0, 0, 9, 0, 0]), vec![5, 7, 9, 7, 5]);
        assert_eq!(b.apply(&[0, 20, 0]), vec![8, 10, 8]);
        assert_eq!(b.add(&[5, 7, 9, 7, 5], 2), Some(vec![6, 8, 10, 8, 6]));
        assert_eq!(b.add(&[5, 7, 10, 7, 5], 2), None);
        assert_eq!(b.remove(&[5, 7, 9, 7, 5], 2), Some(vec![5, 7, 8, 7, 5]));
        assert_eq!(b.remove(&[5, 7, 9, 7, 5], 1), None); // 6 to 9 is a step of 3
        assert_eq!(b.remove(&[2, 2], 0), None);
        // With 30 % shrinkage, 11 and 12 paid both give 8 productive agents (7.7, 8.4).
        let s = Bounds {
            min: 0,
            max: 100,
            step: None,
            shrinkage: 0.3,
        };
        assert_eq!(s.add(&[10], 0), Some(vec![11])); // 7 -> 8 productive
        assert_eq!(s.add(&[11], 0), Some(vec![13])); // 8 -> 9 (12 gives 8 too)
        assert_eq!(s.remove(&[12], 0), Some(vec![10])); // 8 -> 7 productive
        assert_eq!(s.remove(&[1], 0), Some(vec![0])); // round(0.7) = 1 -> 0
    }
}

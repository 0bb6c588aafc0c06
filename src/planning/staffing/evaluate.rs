//! A plan simulated and judged against the `[targets]`, interval by interval (for a
//! centre, each type against its own `[types.targets]`), and the one order in which the
//! search prefers plans (fewer intervals missing, then a smaller total shortfall, then a
//! lower paid cost, then fewer paid agents).

use std::cmp::Ordering;

use super::{Criterion, Target};
use crate::metrics::Metric;
use crate::runner::{run_scenario, ScenarioRun};
use crate::scenario::{Channel, ContactType, Judged, Scenario};
use crate::stats::{Estimate, Running};

/// One target judged on one interval.
#[derive(Debug, Clone, Copy)]
pub struct TargetCheck {
    /// Which target.
    pub target: Target,
    /// Its limit (a floor for SL, a ceiling for the others).
    pub limit: f64,
    /// The simulated estimate.
    pub estimate: Estimate,
    /// Met by the search's criterion: on the mean, or by the 95 % bound with `--confidence`.
    pub met: bool,
    /// Met by the unfavourable end of the 95 % interval too.
    pub met_with_confidence: bool,
    /// How far the judged figure (mean or bound) is beyond the limit, as a share of it
    /// (≤ 0 when met).
    pub shortfall: f64,
}

impl TargetCheck {
    /// Not shown to miss: the favourable end of the 95 % interval meets the limit (the
    /// mean, when the interval is undefined).
    pub fn within_noise(&self) -> bool {
        let e = self.estimate;
        let hw = if e.half_width.is_nan() {
            0.0
        } else {
            e.half_width
        };
        if e.mean.is_nan() {
            false
        } else if self.target == Target::ServiceLevel {
            e.mean + hw >= self.limit
        } else {
            e.mean - hw <= self.limit
        }
    }
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

    /// The check of one target, if it is judged here.
    pub fn check(&self, target: Target) -> Option<&TargetCheck> {
        self.checks.iter().find(|c| c.target == target)
    }
}

/// One plan, simulated.
///
/// A one-type file has one group and one type, so `paid` and `intervals` are plain
/// per-interval lists. A centre's are its groups' (resp. types') lists one after the
/// other: group `g`'s interval `i` is `paid[g × day_intervals + i]`, type `t`'s is
/// `intervals[t × day_intervals + i]` ([`Evaluation::group`], [`Evaluation::of_type`]).
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Paid agents per interval (of each group in turn, for a centre).
    pub paid: Vec<u32>,
    /// Replications simulated.
    pub replications: u32,
    /// The seed they were drawn from (the file's, or a fresh stream's).
    pub seed: u64,
    /// Per-interval results (of each contact type in turn, for a centre).
    pub intervals: Vec<IntervalResult>,
    /// Intervals in a day: the length of one group's or one type's list.
    pub day_intervals: usize,
    /// Paid agent cost per day: each group's paid hours at its own rate.
    pub paid_cost: f64,
    /// Simulated total cost per day (agents incl. overtime, telephony, fixed).
    pub cost_total: Estimate,
    /// Simulated overtime agent hours per day (the drain after closing).
    pub overtime_agent_hours: Estimate,
}

impl Evaluation {
    /// Paid agents per interval of group `g` (the only group of a one-type file: 0).
    pub fn group(&self, g: usize) -> &[u32] {
        &self.paid[g * self.day_intervals..(g + 1) * self.day_intervals]
    }

    /// Per-interval results of contact type `t` (the only type of a one-type file: 0).
    pub fn of_type(&self, t: usize) -> &[IntervalResult] {
        &self.intervals[t * self.day_intervals..(t + 1) * self.day_intervals]
    }

    /// Every interval meets every target on the mean.
    pub fn met(&self) -> bool {
        self.intervals.iter().all(IntervalResult::met)
    }

    /// Intervals that miss some target (for a centre, positions in `intervals`:
    /// type × day intervals + interval).
    pub fn missed(&self) -> Vec<usize> {
        (0..self.intervals.len())
            .filter(|&i| !self.intervals[i].met())
            .collect()
    }

    /// No target is shown to miss in any interval (see [`TargetCheck::within_noise`]).
    pub fn within_noise(&self) -> bool {
        self.intervals
            .iter()
            .all(|r| r.checks.iter().all(TargetCheck::within_noise))
    }

    /// Sum of the positive shortfalls over the day: how badly the plan misses.
    pub fn total_shortfall(&self) -> f64 {
        self.intervals.iter().map(|r| r.shortfall().max(0.0)).sum()
    }

    /// Paid agents summed over the intervals: what the search minimises.
    pub fn paid_total(&self) -> u64 {
        self.paid.iter().map(|&x| u64::from(x)).sum()
    }

    /// How the search ranks plans: fewer intervals missing first, then a smaller total
    /// shortfall, then a lower paid cost, then fewer paid agents (`Less`: `self` is the
    /// better plan). With one group the cost follows the paid agents, so this is "fewer
    /// paid agents"; with several groups at different rates, the cost decides.
    pub fn rank(&self, other: &Evaluation) -> Ordering {
        self.missed()
            .len()
            .cmp(&other.missed().len())
            .then(self.total_shortfall().total_cmp(&other.total_shortfall()))
            .then(self.paid_cost.total_cmp(&other.paid_cost))
            .then(self.paid_total().cmp(&other.paid_total()))
    }
}

/// Paid agent cost per day of `paid` (laid out as in [`Evaluation`]): each group's paid
/// hours at its own rate.
pub fn paid_cost(s: &Scenario, paid: &[u32]) -> f64 {
    let n = s.intervals();
    let hours = f64::from(s.simulation.interval_minutes) / 60.0;
    s.groups
        .iter()
        .map(|g| g.agent_hour)
        .zip(paid.chunks(n.max(1)))
        .map(|(rate, p)| rate * (p.iter().map(|&x| f64::from(x)).sum::<f64>() * hours))
        .sum()
}

/// Simulates `paid` (laid out as in [`Evaluation`]) on a copy of the scenario with
/// `replications` replications, judged on the mean.
pub fn evaluate(s: &Scenario, paid: &[u32], replications: u32) -> Evaluation {
    evaluate_on(s, paid, replications, Criterion::Mean)
}

/// [`evaluate`], judged by `criterion`.
pub fn evaluate_on(
    s: &Scenario,
    paid: &[u32],
    replications: u32,
    criterion: Criterion,
) -> Evaluation {
    evaluate_seeded(s, paid, replications, s.simulation.seed, criterion)
}

/// [`evaluate_on`] with the replications drawn from `seed` instead of the file's: a plan
/// confirmed on days it was not tuned on.
pub fn evaluate_seeded(
    s: &Scenario,
    paid: &[u32],
    replications: u32,
    seed: u64,
    criterion: Criterion,
) -> Evaluation {
    let sc = plan_scenario(s, paid, replications, seed);
    judged_on(s, &sc, paid, criterion)
}

/// A copy of `s` staffed by `paid` (laid out as in [`Evaluation`]), simulated with
/// `replications` replications drawn from `seed`.
pub(super) fn plan_scenario(s: &Scenario, paid: &[u32], replications: u32, seed: u64) -> Scenario {
    let n = s.intervals();
    let mut sc = s.clone();
    sc.simulation.replications = replications;
    sc.simulation.seed = seed;
    // A plan per interval replaces any shifts the file had.
    for (g, group) in sc.groups.iter_mut().enumerate() {
        group.staffing.paid = paid[g * n..(g + 1) * n].to_vec();
        group.staffing.roster = None;
    }
    sc
}

/// Simulates `sc` as it is (its replications, its staffing, shifts included) and judges
/// it against `s`'s targets on the mean; `paid` is what the evaluation records as the plan.
pub fn judged(s: &Scenario, sc: &Scenario, paid: &[u32]) -> Evaluation {
    judged_on(s, sc, paid, Criterion::Mean)
}

/// [`judged`], by `criterion`.
pub fn judged_on(s: &Scenario, sc: &Scenario, paid: &[u32], criterion: Criterion) -> Evaluation {
    let run = run_scenario(sc, &|_| {});
    judge_run(s, sc, paid, criterion, &run, sc.simulation.replications)
}

/// `run`, `replications` replications of `sc`, judged against `s`'s targets.
pub(super) fn judge_run(
    s: &Scenario,
    sc: &Scenario,
    paid: &[u32],
    criterion: Criterion,
    run: &ScenarioRun,
    replications: u32,
) -> Evaluation {
    let n = s.intervals();
    let intervals = s
        .types
        .iter()
        .enumerate()
        .flat_map(|(k, t)| {
            // A one-type file's run has no part per type: its one type is the whole run.
            let (day, intervals) = match run.types.get(k) {
                Some(r) => (&r.day[..], &r.intervals),
                None => (&run.day[..], &run.intervals),
            };
            judge_type(t, day, intervals, criterion)
        })
        .collect();
    Evaluation {
        paid: paid.to_vec(),
        replications,
        seed: sc.simulation.seed,
        intervals,
        day_intervals: n,
        paid_cost: paid_cost(s, paid),
        cost_total: run.day[Metric::CostTotal as usize].estimate(),
        overtime_agent_hours: run.day[Metric::OvertimeAgentHours as usize].estimate(),
    }
}

/// Type `t`'s figures (`day`: over the day, `intervals`: per interval) judged against
/// its targets by `criterion`, interval by interval.
pub(crate) fn judge_type(
    t: &ContactType,
    day: &[Running],
    intervals: &[Vec<Running>],
    criterion: Criterion,
) -> Vec<IntervalResult> {
    // An email's deadline spans intervals: its service level is the horizon's.
    let horizon = (t.channel == Channel::Email).then_some(day);
    let horizon = whole_day(t, day).or(horizon);
    judge_day(t, intervals, horizon, criterion)
}

/// The day-level figures `day` when `s`'s targets are judged on the day.
fn whole_day<'a>(s: &ContactType, day: &'a [Running]) -> Option<&'a [Running]> {
    (s.targets.judged == Judged::Day).then_some(day)
}

/// One type's simulated intervals judged against its targets (`s`: the type's scenario)
/// by `criterion`; with `horizon` (the day-level figures), the service level judged is
/// the horizon's, and with `judged = "day"` every figure is: each interval with traffic
/// then carries the day's verdict, so the search keeps the day's targets and lets peaks dip.
fn judge_day(
    s: &ContactType,
    day: &[Vec<Running>],
    horizon: Option<&[Running]>,
    criterion: Criterion,
) -> Vec<IntervalResult> {
    let t = &s.targets;
    let by_day = t.judged == Judged::Day;
    day.iter()
        .map(|r| {
            let est = |m: Metric| match horizon.filter(|_| by_day) {
                Some(d) => d[m as usize].estimate(),
                None => r[m as usize].estimate(),
            };
            let to_agents = r[Metric::OfferedToAgents as usize].estimate().mean;
            let traffic = to_agents > 0.0;
            let mut res = IntervalResult {
                traffic,
                service_level: horizon.map_or_else(
                    || est(Metric::ServiceLevel),
                    |d| d[Metric::ServiceLevel as usize].estimate(),
                ),
                abandonment: est(Metric::AbandonmentRate),
                asa_s: est(Metric::AsaS),
                occupancy: est(Metric::Occupancy),
                checks: Vec::new(),
            };
            if traffic {
                let mut check = |target, limit: f64, e: Estimate, floor: f64| {
                    res.checks.push(judge(target, limit, e, floor, criterion));
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
        .collect()
}

/// Judges one target by `criterion` (the mean, or the unfavourable end of its 95 %
/// interval); `floor` keeps the normalisation finite for limits near 0. An undefined
/// mean in an interval with traffic (nobody answered: no ASA, no agents: no occupancy)
/// is a miss.
fn judge(target: Target, limit: f64, e: Estimate, floor: f64, criterion: Criterion) -> TargetCheck {
    let higher_is_better = target == Target::ServiceLevel;
    let scale = limit.abs().max(floor);
    let bound = if higher_is_better {
        e.mean - e.half_width
    } else {
        e.mean + e.half_width
    };
    let meets = |x: f64| {
        !x.is_nan()
            && if higher_is_better {
                x >= limit
            } else {
                x <= limit
            }
    };
    // An undefined half-width (one replication) leaves the bound undefined: a miss.
    let judged = match criterion {
        Criterion::Mean => e.mean,
        Criterion::Bound => bound,
    };
    let shortfall = if judged.is_nan() {
        1.0
    } else if higher_is_better {
        (limit - judged) / scale
    } else {
        (judged - limit) / scale
    };
    let met = meets(judged);
    let met_with_confidence = meets(bound);
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

//! The integer program of one day: how many agents on each allowed shift pattern, so
//! that every interval has at least its required agents on the floor, at the fewest
//! paid hours. Solved by good_lp with the pure-Rust `microlp` backend, or HiGHS with the
//! `highs` feature. Its LP relaxation is solved first: its optimum, rounded up to the
//! granularity of the patterns' paid hours, bounds every roster from below, so the gap
//! reported is the gap to that bound whichever backend ran (good_lp calls HiGHS's proven
//! optimum `GapLimit`: judge by the gap). The LP optimum rounded up is also a feasible
//! roster, given to the solver as its first incumbent.

use std::time::Instant;

use good_lp::{variable, Expression, ProblemVariables, SolverModel, Variable};
#[cfg(feature = "highs")]
use good_lp::{Solution, WithInitialSolution, WithMipGap, WithTimeLimit};

use crate::scenario::{Rostering, Shift};

/// Branch-and-bound nodes of a day's integer program unless told otherwise.
pub const DEFAULT_NODES: u64 = 20_000;

/// How hard the solver may work.
#[derive(Debug, Clone, Copy)]
pub struct MipOptions {
    /// Stop once the incumbent is within this relative gap of the solver's bound.
    pub gap: f64,
    /// Stop after this many branch-and-bound nodes with the best roster found
    /// (microlp: a budget that does not depend on the machine's speed).
    pub nodes: u64,
    /// Stop after this many seconds with the best roster found (a safety net).
    pub seconds: f64,
}

/// Why the solver stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// It proved the roster optimal (or reached the gap asked for).
    Solved,
    /// It stopped on its node or time limit: the roster is the best found, not proven.
    Limit,
}

/// The integer program's answer for one day.
#[derive(Debug, Clone)]
pub struct DayRoster {
    /// Agents on each pattern.
    pub counts: Vec<u32>,
    /// Paid hours of the roster.
    pub paid_hours: f64,
    /// The LP bound, rounded up to the patterns' paid-hour granularity.
    pub bound: f64,
    /// Why the solver stopped.
    pub stop: Stop,
    /// Wall-clock seconds spent in the solver (LP and MIP).
    pub seconds: f64,
}

/// The backend's name, for reports.
pub fn solver_name() -> &'static str {
    if cfg!(feature = "highs") {
        "HiGHS"
    } else {
        "microlp"
    }
}

/// Minutes per agent on the floor of pattern `p` in each interval, as (interval, agents).
fn coverage(p: &Shift, interval_minutes: u32) -> Vec<(usize, f64)> {
    p.floor_by_interval(interval_minutes)
        .into_iter()
        .map(|(i, m)| (i, f64::from(m) / f64::from(interval_minutes)))
        .collect()
}

/// The cheapest roster of `patterns` covering `required` agents on the floor per interval.
pub fn solve_day(
    patterns: &[Shift],
    required: &[f64],
    interval_minutes: u32,
    rostering: &Rostering,
    opts: MipOptions,
) -> Result<DayRoster, String> {
    let started = Instant::now();
    if required.iter().all(|&r| r <= 0.0) {
        return Ok(DayRoster {
            counts: vec![0; patterns.len()],
            paid_hours: 0.0,
            bound: 0.0,
            stop: Stop::Solved,
            seconds: 0.0,
        });
    }
    let cover: Vec<Vec<(usize, f64)>> = patterns
        .iter()
        .map(|p| coverage(p, interval_minutes))
        .collect();
    let hours: Vec<f64> = patterns
        .iter()
        .map(|p| f64::from(p.paid_minutes()) / 60.0)
        .collect();
    let mut lp = build(&cover, &hours, required, rostering, false, None)
        .0
        .solve_relaxed()?;
    lp.truncate(patterns.len()); // the pattern counts, not the "pattern used" switches
    let lp_value: f64 = lp.iter().zip(&hours).map(|(x, h)| x * h).sum();
    let bound = round_up_to_grain(lp_value, patterns);
    // The LP optimum rounded up covers every interval: a first incumbent.
    let mut start: Vec<f64> = lp.iter().map(|x| (x - 1e-9).ceil().max(0.0)).collect();
    let min = f64::from(rostering.min_agents_per_shift);
    for x in &mut start {
        if *x > 0.0 && *x < min {
            *x = min;
        }
    }
    trim(
        &mut start,
        &cover,
        &hours,
        required,
        rostering.min_agents_per_shift,
    );
    let fits = rostering
        .max_agents_per_shift
        .is_none_or(|m| start.iter().all(|&x| x <= f64::from(m)));
    let (problem, vars) = build(
        &cover,
        &hours,
        required,
        rostering,
        true,
        fits.then_some(&start),
    );
    let cost = |counts: &[u32]| -> f64 {
        counts
            .iter()
            .zip(&hours)
            .map(|(&c, h)| f64::from(c) * h)
            .sum()
    };
    let rounded: Vec<u32> = start.iter().map(|&x| x as u32).collect();
    // The solver's roster, or the LP's rounded up when the solver stopped on a limit
    // with nothing better (or nothing at all).
    let (counts, stop) = match problem.solve_integer(opts)? {
        Some((values, stop)) => {
            let counts = vars_counts(&values, vars);
            if stop == Stop::Limit && fits && cost(&rounded) < cost(&counts) {
                (rounded, stop)
            } else {
                (counts, stop)
            }
        }
        None if fits => (rounded, Stop::Limit),
        None => return Err("the integer program found no roster within its limits: raise --mip-nodes or --mip-seconds".into()),
    };
    let paid_hours = cost(&counts);
    Ok(DayRoster {
        counts,
        paid_hours,
        bound,
        stop,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Removes agents from a covering roster while it still covers, dearest patterns first
/// (a pattern keeps 0 or at least `min` agents): rounding the LP up over-covers, and a
/// tighter first incumbent lets the solver prune more.
fn trim(x: &mut [f64], cover: &[Vec<(usize, f64)>], hours: &[f64], required: &[f64], min: u32) {
    let mut have = vec![0.0; required.len()];
    for (p, c) in cover.iter().enumerate() {
        for &(i, a) in c {
            have[i] += a * x[p];
        }
    }
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| hours[b].total_cmp(&hours[a]).then(a.cmp(&b)));
    let min = f64::from(min.max(1));
    for p in order {
        while x[p] > 0.0 {
            let less = if x[p] - 1.0 < min { x[p] } else { 1.0 };
            let ok = cover[p]
                .iter()
                .all(|&(i, a)| required[i] <= 0.0 || have[i] - a * less >= required[i] - 1e-9);
            if !ok {
                break;
            }
            x[p] -= less;
            for &(i, a) in &cover[p] {
                have[i] -= a * less;
            }
        }
    }
}

fn vars_counts(values: &[f64], n: usize) -> Vec<u32> {
    values[..n]
        .iter()
        .map(|x| x.round().max(0.0) as u32)
        .collect()
}

/// `value` rounded up to the largest paid-hour step every pattern's hours are a multiple
/// of (whole minutes): no roster can cost a value in between.
fn round_up_to_grain(value: f64, patterns: &[Shift]) -> f64 {
    let grain = patterns
        .iter()
        .map(|p| u64::from(p.paid_minutes()))
        .fold(0, gcd)
        .max(1) as f64;
    ((value * 60.0 - 1e-6) / grain).ceil() * grain / 60.0
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A built model, ready for either backend.
pub(super) struct Model {
    pub(super) vars: ProblemVariables,
    pub(super) objective: Expression,
    pub(super) constraints: Vec<good_lp::Constraint>,
    pub(super) all: Vec<Variable>,
    pub(super) start: Option<Vec<(Variable, f64)>>,
}

/// The covering model; `integer` = the MIP, else its LP relaxation. Returns the model
/// and how many leading variables are the pattern counts.
fn build(
    cover: &[Vec<(usize, f64)>],
    hours: &[f64],
    required: &[f64],
    rostering: &Rostering,
    integer: bool,
    start: Option<&Vec<f64>>,
) -> (Model, usize) {
    let mut vars = ProblemVariables::new();
    let most = rostering.max_agents_per_shift.map_or(1e7, f64::from);
    let x: Vec<Variable> = cover
        .iter()
        .map(|_| {
            let v = variable().min(0).max(most);
            vars.add(if integer { v.integer() } else { v })
        })
        .collect();
    let mut constraints = Vec::new();
    let mut all = x.clone();
    let min = rostering.min_agents_per_shift;
    if min > 1 {
        // A pattern is used (y = 1) with at least `min` agents, or not at all.
        for &xp in &x {
            let y = vars.add(if integer {
                variable().binary()
            } else {
                variable().min(0).max(1)
            });
            constraints.push((Expression::from(xp) - f64::from(min) * y).geq(0.0));
            constraints.push((Expression::from(xp) - most * y).leq(0.0));
            all.push(y);
        }
    }
    let mut rows: Vec<Expression> = vec![Expression::from(0.0); required.len()];
    for (p, c) in cover.iter().enumerate() {
        for &(i, a) in c {
            rows[i].add_mul(a, x[p]);
        }
    }
    for (row, &r) in rows.into_iter().zip(required) {
        if r > 0.0 {
            constraints.push(row.geq(r));
        }
    }
    let mut objective = Expression::from(0.0);
    for (p, &h) in hours.iter().enumerate() {
        objective.add_mul(h, x[p]);
    }
    let start = start.map(|s| {
        let mut v: Vec<(Variable, f64)> = x.iter().copied().zip(s.iter().copied()).collect();
        if min > 1 {
            v.extend(
                all[x.len()..]
                    .iter()
                    .zip(s)
                    .map(|(&y, &xp)| (y, if xp > 0.0 { 1.0 } else { 0.0 })),
            );
        }
        v
    });
    let n = x.len();
    (
        Model {
            vars,
            objective,
            constraints,
            all,
            start,
        },
        n,
    )
}

impl Model {
    /// The LP relaxation's optimal pattern counts.
    pub(super) fn solve_relaxed(self) -> Result<Vec<f64>, String> {
        let (values, _) = self
            .solve(None)?
            .ok_or("the LP relaxation stopped without an answer")?;
        Ok(values)
    }

    /// The MIP's pattern counts (then the other variables) and why it stopped; `None`
    /// when a limit came before any roster.
    pub(super) fn solve_integer(
        self,
        opts: MipOptions,
    ) -> Result<Option<(Vec<f64>, Stop)>, String> {
        self.solve(Some(opts))
    }

    fn solve(self, opts: Option<MipOptions>) -> Result<Option<(Vec<f64>, Stop)>, String> {
        let Model {
            vars,
            objective,
            constraints,
            all,
            start,
        } = self;
        let unsolved = vars.minimise(objective);
        #[cfg(feature = "highs")]
        {
            let mut model = {
                let mut m = unsolved.using(good_lp::solvers::highs::highs);
                m.set_verbose(false);
                // One thread: the same roster on every machine and thread count.
                m.set_option("threads", 1)
            };
            for c in constraints {
                model.add_constraint(c);
            }
            if let Some(o) = opts {
                model = model
                    .with_mip_gap(o.gap as f32)
                    .map_err(|e| format!("the integer program's gap: {e}"))?
                    .with_time_limit(o.seconds);
                if let Some(s) = start {
                    model = model.with_initial_solution(s);
                }
            }
            let solution = model
                .solve()
                .map_err(|e| format!("the integer program could not be solved: {e}"))?;
            let stop = match solution.status() {
                good_lp::SolutionStatus::TimeLimit => Stop::Limit,
                _ => Stop::Solved,
            };
            Ok(Some((
                all.iter().map(|&v| solution.value(v)).collect(),
                stop,
            )))
        }
        #[cfg(not(feature = "highs"))]
        {
            // microlp directly, for its node limit: a deterministic budget, so the roster
            // found does not depend on the machine's speed (the time limit is a safety net).
            let _ = &all;
            let mut model = unsolved.using(good_lp::solvers::microlp::microlp);
            for c in constraints {
                model.add_constraint(c);
            }
            let mut o = microlp::SolveOptions::default();
            if let Some(opts) = opts {
                o.mip_gap = opts.gap;
                o.node_limit = Some(opts.nodes);
                o.time_limit = Some(std::time::Duration::from_secs_f64(opts.seconds));
                if let Some(s) = &start {
                    // microlp's variables are their creation indices, which good_lp
                    // keeps: handles made in the same order name the same variables.
                    let mut names = microlp::Problem::new(microlp::OptimizationDirection::Minimize);
                    o.warm_start = Some(
                        s.iter()
                            .map(|&(_, v)| (names.add_var(0.0, (0.0, 0.0)), v))
                            .collect(),
                    );
                }
            }
            let outcome = model
                .as_inner()
                .solve_with(o)
                .map_err(|e| format!("the integer program could not be solved: {e}"))?;
            let Ok(solution) = outcome.into_solution() else {
                return Ok(None); // a limit before any incumbent
            };
            let stop = match solution.termination_reason() {
                microlp::TerminationReason::ProvenOptimal | microlp::TerminationReason::MipGap => {
                    Stop::Solved
                }
                _ => Stop::Limit,
            };
            Ok(Some((solution.iter().map(|(_, v)| v).collect(), stop)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_rounds_up_to_the_paid_hour_grain() {
        let p = |m: u32| Shift {
            start: 0,
            minutes: m,
            agents: 1,
            breaks: Vec::new(),
            day: None,
        };
        // Patterns of 4 h and 6 h: every roster costs a multiple of 2 h.
        assert_eq!(round_up_to_grain(9.2, &[p(240), p(360)]), 10.0);
        assert_eq!(round_up_to_grain(10.0, &[p(240), p(360)]), 10.0);
    }
}

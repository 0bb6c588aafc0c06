//! Agents' weeks on contracts: the tour integer program ([`model`], over the columns of
//! [`columns`]) and its answer as people ([`people`]), each with a week that keeps
//! every rule of its contract. [`week`] plans a one-group file's week with it.

pub mod columns;
mod dive;
mod eject;
mod extra;
mod improve;
mod lns;
pub mod model;
pub mod people;
pub mod week;
mod week_run;

use std::ops::Range;
use std::time::Instant;

use super::mip::{MipOptions, Stop};
use crate::scenario::{Rostering, Shift};

/// A week to roster: agents on the floor required per (day, interval).
#[derive(Debug, Clone)]
pub struct TourProblem {
    /// Shift rules (start grid, breaks) and the contracts.
    pub rostering: Rostering,
    /// Minutes per interval.
    pub interval_minutes: u32,
    /// Intervals in a day, from the opening.
    pub intervals: usize,
    /// Agents on the floor required, per day (7) and interval.
    pub required: Vec<Vec<f64>>,
    /// Per day, the intervals a shift may lie in (empty: closed).
    pub windows: Vec<Range<usize>>,
}

/// One agent's week.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentWeek {
    /// The contract's position in `[[rostering.contracts]]`.
    pub contract: usize,
    /// One shift of one agent per working day, with its `day` (0-based), by day.
    pub shifts: Vec<Shift>,
}

impl AgentWeek {
    /// Paid minutes in the week.
    pub fn paid_minutes(&self) -> u32 {
        self.shifts.iter().map(Shift::paid_minutes).sum()
    }
}

/// The tour program's answer.
#[derive(Debug, Clone)]
pub struct TourRoster {
    /// Every agent, in a fixed order.
    pub agents: Vec<AgentWeek>,
    /// Paid hours of the roster.
    pub paid_hours: f64,
    /// The LP relaxation's optimum (paid hours).
    pub lp_hours: f64,
    /// The LP bound rounded up to the tours' paid-hour grain.
    pub bound: f64,
    /// Why the solver stopped.
    pub stop: Stop,
    /// Wall-clock seconds in the solver (LP and MIP).
    pub seconds: f64,
    /// Tour and shift columns of the program.
    pub columns: usize,
}

impl TourRoster {
    /// The roster's gap to the LP bound, as a share of its paid hours.
    pub fn gap(&self) -> f64 {
        if self.paid_hours > 0.0 {
            (self.paid_hours - self.bound) / self.paid_hours
        } else {
            0.0
        }
    }
}

/// The cheapest week of tours covering `p` (within `opts`' limits).
pub fn solve_tours(p: &TourProblem, opts: MipOptions) -> Result<TourRoster, String> {
    let started = Instant::now();
    let cols = columns::columns(p);
    let ix = model::Index::of(&cols);
    let hours = model::tour_hours(&cols, &ix);
    let nx = ix.x.len();
    let cost = |v: &[f64]| -> f64 { v[..nx].iter().zip(&hours).map(|(a, h)| a * h).sum() };
    let needed = p.required.iter().flatten().any(|&r| r > 0.0);
    if !needed {
        return Ok(TourRoster {
            agents: Vec::new(),
            paid_hours: 0.0,
            lp_hours: 0.0,
            bound: 0.0,
            stop: Stop::Solved,
            seconds: 0.0,
            columns: nx + ix.y.len(),
        });
    }
    if cols.families.is_empty() {
        return Err("no contract allows a week of shifts inside the opening hours".into());
    }
    let zero = vec![(0.0, f64::INFINITY); nx + ix.y.len()];
    let lp = model::build(p, &cols, &ix, false, &zero, None).solve_relaxed()?;
    let lp_hours = cost(&lp);
    let grain = cols
        .families
        .iter()
        .map(|f| u64::from(f.paid))
        .fold(0, gcd)
        .max(1) as f64;
    let bound = ((lp_hours * 60.0 - 1e-6) / grain).ceil() * grain / 60.0;
    let dived = dive::dive(p, &cols, &ix, &lp, DIVE_ROUNDS)?;
    // The dive's roster made cheaper, one tour at a time and then a few agents at a
    // time, is the search's first incumbent; whatever the search returns is made
    // cheaper in turn.
    let rounded = dived
        .or_else(|| model::round_up(p, &cols, &ix, &lp))
        .map(|r| improve::improve(p, &cols, &ix, &hours, r))
        .map(|r| lns::lns(p, &cols, &ix, &hours, r));
    let mip = model::build(p, &cols, &ix, true, &zero, rounded.as_deref());
    let (values, stop) = match (mip.solve_integer(opts)?, rounded) {
        (Some((v, stop)), Some(r)) if stop == Stop::Limit && cost(&r) < cost(&v) => (r, stop),
        (Some((v, stop)), _) => (v.iter().map(|x| x.round().max(0.0)).collect(), stop),
        (None, Some(r)) => (r, Stop::Limit),
        (None, None) => {
            return Err("the tour program found no roster within its limits: raise --mip-nodes or --mip-seconds".into())
        }
    };
    let values = improve::improve(p, &cols, &ix, &hours, values);
    let agents = people::expand(p, &cols, &ix, &values);
    let paid_hours = cost(&values);
    Ok(TourRoster {
        agents,
        paid_hours,
        lp_hours,
        bound,
        stop,
        seconds: started.elapsed().as_secs_f64(),
        columns: nx + ix.y.len(),
    })
}

/// Branch-and-bound nodes of the tour program unless told otherwise: past the dive's
/// incumbent the search rarely improves a week, and each node re-solves a large LP.
pub const DEFAULT_NODES: u64 = 2_000;

/// Most LP re-solves of the dive for a first incumbent.
const DIVE_ROUNDS: usize = 2000;

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

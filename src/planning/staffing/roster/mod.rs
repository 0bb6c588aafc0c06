//! Rosters: the cheapest shifts meeting the `[targets]` in every interval when
//! simulated, the work of `ccsim schedule`. Pure: takes a scenario and options, returns
//! a [`Schedule`]; progress goes through a callback.
//!
//! 1. **Requirements.** Each planning day's cheapest agents per interval, found by the
//!    `staff` search ([`crate::staffing::search`]) on that day alone: agents on the floor
//!    needed = the fewest whose round(× (1 − shrinkage)) gives the plan's productive
//!    agents, ÷ (1 − absenteeism) for the expected absence.
//! 2. **Integer program** ([`mip`]): the cheapest agents per `[rostering]` pattern
//!    covering those agents on the floor in every interval; the gap to the LP bound is
//!    reported.
//! 3. **Repair** ([`repair`]): the roster is simulated (same seed: common random numbers),
//!    and while an interval misses a target, one agent is added on the cheapest pattern
//!    covering the worst miss, and the day simulated again.
//!
//! Planning days: one day, whose shifts are worked every day, unless the file has
//! `day_factors` and several days; then each day of the horizon gets its own shifts
//! (`day = d`), days of equal factor sharing one plan. A day is planned and judged on
//! its own (the file's day with its factor, simulated for one day): what carries over
//! from one day to the next (redials, callbacks, repeats) is left to `ccsim run`.
//! With a `[calendar]` every day of the horizon is its own planning day, days sharing a
//! plan only when both their factor and their opening window agree: a day closed all
//! day gets no shift, and a shorter day only shifts that lie wholly inside its window.
//!
//! With `[[rostering.contracts]]` the week is rostered as people instead ([`tours`]):
//! every day of the 7 its own planning day, one integer program per group over the
//! week's tours, and the week simulated and repaired as one 7-day run, so what one day
//! leaves (a queue at midnight, callbacks, emails) meets the next; a centre of several
//! groups is rostered this way only.

pub mod coverage;
pub mod mip;
pub mod overhead;
mod repair;
pub mod tours;

use std::ops::Range;

use crate::scenario::{Roster, Scenario, Shift};
use crate::staffing::{self, Evaluation, Options};

pub use mip::{MipOptions, Stop};

/// How `ccsim schedule` works.
#[derive(Debug, Clone)]
pub struct ScheduleOptions {
    /// The requirement search's options (`ccsim staff`'s).
    pub staff: Options,
    /// The integer program's limits.
    pub mip: MipOptions,
    /// Most repair simulations per planning day.
    pub max_repairs: usize,
}

/// One planning day's result.
#[derive(Debug, Clone)]
pub struct PlanDay {
    /// The days of the horizon it stands for (0-based).
    pub days: Vec<u32>,
    /// Its volume factor.
    pub factor: f64,
    /// The per-interval plan of the requirement search (paid agents).
    pub plan_paid: Vec<u32>,
    /// Whether that plan met every target.
    pub plan_met: bool,
    /// Agents on the floor required per interval (before absence: productive needs).
    pub required_productive: Vec<u32>,
    /// Agents on the floor the integer program had to cover (absence included).
    pub required_floor: Vec<f64>,
    /// The integer program's roster (one day, every shift's agents).
    pub mip: mip::DayRoster,
    /// The roster after repair: shifts of this day (without `day`).
    pub shifts: Vec<Shift>,
    /// Shifts added by the repair, as (pattern, interval it was added for).
    pub repairs: Vec<(Shift, usize)>,
    /// The repaired roster simulated and judged.
    pub eval: Evaluation,
    /// Simulations run for this day (search, repair).
    pub simulations: usize,
    /// The repair stopped on its budget with misses left.
    pub budget_hit: bool,
}

/// The outcome of [`schedule`].
#[derive(Debug, Clone)]
pub struct Schedule {
    /// Every planning day.
    pub days: Vec<PlanDay>,
    /// The roster as the scenario writes it (shifts with `day` when days differ).
    pub roster: Roster,
    /// The backend that solved the integer programs.
    pub solver: &'static str,
    /// Paid hours of the per-interval plans over the horizon.
    pub plan_paid_hours: f64,
    /// Paid hours of the integer programs' rosters over the horizon.
    pub mip_paid_hours: f64,
    /// The LP bound over the horizon.
    pub mip_bound_hours: f64,
    /// Paid hours of the repaired roster over the horizon.
    pub paid_hours: f64,
    /// With contracts: each group's agents and their weeks, in group order.
    pub weeks: Vec<tours::week::Week>,
    /// With contracts: each group's requirement per day of the week, in group order
    /// (the days' own figures add the groups together).
    pub group_needs: Vec<Vec<overhead::GroupNeed>>,
}

impl Schedule {
    /// Every interval of every planning day meets every target.
    pub fn met(&self) -> bool {
        self.days.iter().all(|d| d.eval.met())
    }

    /// Whether every integer program stopped with a proven answer (within its gap).
    pub fn proven(&self) -> bool {
        self.days.iter().all(|d| d.mip.stop == Stop::Solved)
    }

    /// The integer programs' gap to the LP bound, as a share of their paid hours.
    pub fn gap(&self) -> f64 {
        if self.mip_paid_hours > 0.0 {
            (self.mip_paid_hours - self.mip_bound_hours) / self.mip_paid_hours
        } else {
            0.0
        }
    }
}

/// Finds the roster (see the module documentation). Errors name what is missing.
pub fn schedule(
    s: &Scenario,
    opts: &ScheduleOptions,
    progress: &dyn Fn(&str),
) -> Result<Schedule, String> {
    let rostering = s.rostering.as_ref().ok_or_else(|| {
        format!(
            "{}: no [rostering] table: say which shifts may be rostered (shift_hours, start_step_minutes, breaks)",
            s.file.display()
        )
    })?;
    if !staffing::has_targets(s) {
        return Err(format!(
            "{}: the scenario has no [targets]: there is nothing to roster for",
            s.file.display()
        ));
    }
    // The planning days scale every type by the first type's day factors.
    if let Some(t) = s
        .types
        .iter()
        .find(|t| t.arrivals.day_factors != s.types[0].arrivals.day_factors)
    {
        return Err(format!(
            "{}: type \"{}\" has other day_factors than type \"{}\": a centre is rostered only when its types share their day factors",
            s.file.display(),
            t.name,
            s.types[0].name
        ));
    }
    if !rostering.contracts.is_empty() {
        return tours::week::schedule_week(s, rostering, opts, progress);
    }
    if s.is_centre() {
        return Err(format!(
            "{}: a centre of several groups is rostered as agents' weeks: add [[rostering.contracts]]",
            s.file.display()
        ));
    }
    let day_minutes = s.intervals() as u32 * s.simulation.interval_minutes;
    let patterns = rostering.patterns(day_minutes);
    let mut days: Vec<PlanDay> = Vec::new();
    let planning = planning_days(s);
    let per_day = planning.len() > 1;
    let mut windows: Vec<Range<usize>> = Vec::new();
    for (d, factor, window) in planning {
        if let Some(k) = days
            .iter()
            .zip(&windows)
            .position(|(p, w)| p.factor.to_bits() == factor.to_bits() && *w == window)
        {
            let same = &mut days[k];
            same.days.push(d);
            continue;
        }
        let label = if per_day {
            format!("day {} (× {factor}): ", d + 1)
        } else {
            String::new()
        };
        let day = repair::plan_day(
            s,
            (d, factor, &window),
            &patterns,
            rostering,
            opts,
            &|p: &str| progress(&format!("{label}{p}")),
        )?;
        windows.push(window);
        days.push(PlanDay {
            days: vec![d],
            ..day
        });
    }
    let mut shifts = Vec::new();
    for p in &days {
        for &d in &p.days {
            for sh in &p.shifts {
                shifts.push(Shift {
                    day: per_day.then_some(d),
                    ..sh.clone()
                });
            }
        }
    }
    shifts.sort_by_key(|x| (x.day, x.start, x.minutes));
    let roster = group_roster(s, 0, shifts, s.simulation.days);
    let repeat = |p: &PlanDay| {
        if per_day {
            p.days.len() as f64
        } else {
            f64::from(s.simulation.days)
        }
    };
    let hours = f64::from(s.simulation.interval_minutes) / 60.0;
    let plan_paid_hours = days
        .iter()
        .map(|p| repeat(p) * p.plan_paid.iter().map(|&x| f64::from(x)).sum::<f64>() * hours)
        .sum();
    Ok(Schedule {
        mip_paid_hours: days.iter().map(|p| repeat(p) * p.mip.paid_hours).sum(),
        mip_bound_hours: days.iter().map(|p| repeat(p) * p.mip.bound).sum(),
        paid_hours: roster.paid_hours(),
        plan_paid_hours,
        roster,
        days,
        solver: mip::solver_name(),
        weeks: Vec::new(),
        group_needs: Vec::new(),
    })
}

/// Each day of the horizon with its volume factor and open intervals; one day when every
/// day is the same. Without a calendar every day is open on the whole grid.
pub(super) fn planning_days(s: &Scenario) -> Vec<(u32, f64, Range<usize>)> {
    let f = &s.types[0].arrivals.day_factors;
    let factor = |d: u32| {
        if f.is_empty() {
            1.0
        } else {
            f[d as usize % f.len()]
        }
    };
    let Some(cal) = s.calendar.as_ref() else {
        let whole = 0..s.intervals();
        if f.is_empty() || s.simulation.days == 1 {
            return vec![(0, f.first().copied().unwrap_or(1.0), whole)];
        }
        return (0..s.simulation.days)
            .map(|d| (d, factor(d), whole.clone()))
            .collect();
    };
    (0..s.simulation.days)
        .map(|d| {
            let window = match s.date_of(d) {
                Some(date) if !cal.closed.contains(&date) => cal.window(date.weekday()).clone(),
                _ => 0..0,
            };
            (d, factor(d), window)
        })
        .collect()
}

/// `shifts` as a roster of group `group` of `s` over `days` days: the group's expected
/// absence, on `s`'s interval grid.
pub(crate) fn group_roster(s: &Scenario, group: usize, shifts: Vec<Shift>, days: u32) -> Roster {
    Roster {
        shifts,
        absenteeism: s.groups[group]
            .staffing
            .roster
            .as_ref()
            .map_or(0.0, |r| r.absenteeism),
        interval_minutes: s.simulation.interval_minutes,
        intervals: s.intervals(),
        days,
    }
}

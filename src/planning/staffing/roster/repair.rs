//! One planning day, from requirements to a repaired roster: the `staff` search on the
//! day alone, the integer program over the allowed patterns, then simulation and repair
//! (one agent on the cheapest pattern covering the worst missed interval, until every
//! interval meets its targets or the budget is spent). Every simulation uses the file's
//! seed and replications, so the rosters compared meet the same callers and the same
//! absences (common random numbers).

use std::ops::Range;

use super::mip::{self, DayRoster};
use super::{PlanDay, ScheduleOptions};
use crate::scenario::{Rostering, Scenario, Shift};
use crate::staffing::{self, gross_up, judged, productive, Evaluation};

/// The file's day with its volumes × `factor`, simulated for one day: with a calendar,
/// day `day`'s date, so the simulation opens only in that day's window.
pub(super) fn day_scenario(s: &Scenario, day: u32, factor: f64) -> Scenario {
    let mut d = s.clone();
    d.simulation.days = 1;
    if s.calendar.is_some() {
        d.simulation.start_date = s.date_of(day);
    }
    for t in &mut d.types {
        if factor != 1.0 {
            for v in &mut t.arrivals.volumes {
                *v *= factor;
            }
        }
        t.arrivals.day_factors.clear();
    }
    d
}

/// `day` staffed by each group's `shifts` (worked that day), in group order.
fn with_shifts(day: &Scenario, shifts: &[Vec<Shift>]) -> Scenario {
    let mut d = day.clone();
    for (g, sh) in shifts.iter().enumerate() {
        let roster = super::group_roster(day, g, sh.clone(), 1);
        d.groups[g].staffing.paid = roster
            .mean_paid_agents()
            .iter()
            .map(|a| a.round() as u32)
            .collect();
        d.groups[g].staffing.roster = Some(roster);
    }
    d
}

/// Simulates `shifts` on `day` (a one-group file) and judges it.
pub(super) fn simulate(day: &Scenario, shifts: &[Shift]) -> Evaluation {
    simulate_groups(day, &[shifts.to_vec()])
}

/// Simulates each group's `shifts` on `day` together and judges it.
pub(super) fn simulate_groups(day: &Scenario, shifts: &[Vec<Shift>]) -> Evaluation {
    let sc = with_shifts(day, shifts);
    let paid: Vec<u32> = sc
        .groups
        .iter()
        .flat_map(|g| g.staffing.paid.iter().copied())
        .collect();
    judged(day, &sc, &paid)
}

/// The shifts of a roster: each used pattern with its agents.
fn shifts_of(patterns: &[Shift], counts: &[u32]) -> Vec<Shift> {
    patterns
        .iter()
        .zip(counts)
        .filter(|(_, &c)| c > 0)
        .map(|(p, &c)| Shift {
            agents: c,
            ..p.clone()
        })
        .collect()
}

/// Plans day `d` of volume factor `factor`, open in the intervals `window` (see the
/// module documentation).
pub(super) fn plan_day(
    s: &Scenario,
    (d, factor, window): (u32, f64, &Range<usize>),
    all_patterns: &[Shift],
    rostering: &Rostering,
    opts: &ScheduleOptions,
    progress: &dyn Fn(&str),
) -> Result<PlanDay, String> {
    let day = day_scenario(s, d, factor);
    let im = s.simulation.interval_minutes;
    if window.is_empty() {
        return Ok(closed_day(&day, factor));
    }
    // A shift crossing a closed interval would pay someone while nobody can call.
    let (from, to) = (window.start as u32 * im, window.end as u32 * im);
    let patterns: Vec<Shift> = all_patterns
        .iter()
        .filter(|p| p.start >= from && p.end() <= to)
        .cloned()
        .collect();
    if patterns.is_empty() {
        let open = s.simulation.open_minute;
        return Err(format!(
            "{}: day {} is open only {}–{}, shorter than every [rostering] shift_hours: allow a shift that fits",
            s.file.display(),
            d + 1,
            crate::scenario::clock(open + from),
            crate::scenario::clock(open + to)
        ));
    }
    let patterns = &patterns[..];
    let Need {
        plan_paid,
        plan_met,
        required_productive,
        required_floor,
        simulations: searched,
    } = requirements(s, &day, window, opts, progress)?.remove(0);
    progress(&format!(
        "integer program over {} shift patterns ({})",
        patterns.len(),
        mip::solver_name()
    ));
    let solved: DayRoster = mip::solve_day(patterns, &required_floor, im, rostering, opts.mip)?;
    let mut counts = solved.counts.clone();
    let mut simulations = searched;
    let mut repairs = Vec::new();
    let mut eval = simulate(&day, &shifts_of(patterns, &counts));
    simulations += 1;
    let mut budget_hit = false;
    let mut tried = 0;
    while !eval.met() {
        if tried >= opts.max_repairs {
            budget_hit = true;
            break;
        }
        let Some((worst, p)) = worst_miss(&eval)
            .and_then(|i| cheapest_covering(patterns, &counts, rostering, i, im).map(|p| (i, p)))
        else {
            break;
        };
        counts[p] += 1;
        tried += 1;
        progress(&format!(
            "repair {tried}: +1 agent on {} for the miss at {}",
            describe(&patterns[p], s),
            s.simulation.interval_label(worst)
        ));
        repairs.push((patterns[p].clone(), worst));
        eval = simulate(&day, &shifts_of(patterns, &counts));
        simulations += 1;
    }
    Ok(PlanDay {
        days: Vec::new(),
        factor,
        plan_met,
        plan_paid,
        required_productive,
        required_floor,
        mip: solved,
        shifts: shifts_of(patterns, &counts),
        repairs,
        eval,
        simulations,
        budget_hit,
    })
}

/// One day's requirement: the `staff` search's plan (paid agents, zero outside the
/// window), its productive agents, and the agents on the floor to roster for them.
pub(super) struct Need {
    pub plan_paid: Vec<u32>,
    pub plan_met: bool,
    pub required_productive: Vec<u32>,
    pub required_floor: Vec<f64>,
    pub simulations: usize,
}

/// Each group's requirement of `day` (a [`day_scenario`]) open in `window`, from one
/// search of the whole day (a centre's groups staffed together).
pub(super) fn requirements(
    s: &Scenario,
    day: &Scenario,
    window: &Range<usize>,
    opts: &ScheduleOptions,
    progress: &dyn Fn(&str),
) -> Result<Vec<Need>, String> {
    let found = staffing::search(day, &opts.staff, &|p| {
        progress(&format!(
            "requirements: {}, simulation {}/{}",
            p.phase, p.simulations, p.max_simulations
        ))
    })?;
    let needs = s
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let shrinkage = group.staffing.shrinkage;
            let absenteeism = group
                .staffing
                .roster
                .as_ref()
                .map_or(0.0, |r| r.absenteeism);
            let mut plan_paid = found.plan.group(g).to_vec();
            for (i, p) in plan_paid.iter_mut().enumerate() {
                if !window.contains(&i) {
                    *p = 0;
                }
            }
            let required_productive: Vec<u32> = plan_paid
                .iter()
                .map(|&p| productive(p, shrinkage))
                .collect();
            let required_floor: Vec<f64> = required_productive
                .iter()
                .map(|&p| f64::from(gross_up(p, shrinkage)) / (1.0 - absenteeism))
                .collect();
            Need {
                plan_met: found.plan.met(),
                plan_paid,
                required_productive,
                required_floor,
                simulations: found.simulations,
            }
        })
        .collect();
    Ok(needs)
}

/// A day closed all day: nobody planned, and its (empty) day simulated for the report.
pub(super) fn closed_day(day: &Scenario, factor: f64) -> PlanDay {
    let n = day.intervals();
    PlanDay {
        days: Vec::new(),
        factor,
        plan_paid: vec![0; n],
        plan_met: true,
        required_productive: vec![0; n],
        required_floor: vec![0.0; n],
        mip: DayRoster {
            counts: Vec::new(),
            paid_hours: 0.0,
            bound: 0.0,
            stop: mip::Stop::Solved,
            seconds: 0.0,
        },
        shifts: Vec::new(),
        repairs: Vec::new(),
        eval: simulate(day, &[]),
        simulations: 1,
        budget_hit: false,
    }
}

/// The interval with the largest normalised shortfall among those missing a target.
pub(super) fn worst_miss(eval: &Evaluation) -> Option<usize> {
    eval.missed().into_iter().max_by(|&a, &b| {
        eval.intervals[a]
            .shortfall()
            .total_cmp(&eval.intervals[b].shortfall())
            .then(b.cmp(&a)) // ties: the earlier interval
    })
}

/// The pattern to add an agent to for a miss in interval `i`: the fewest paid minutes
/// among those on the floor in `i`, then the most minutes on the floor in `i`, then the
/// earliest start (a queue built before `i` spills into it). Patterns at
/// `max_agents_per_shift` are skipped.
fn cheapest_covering(
    patterns: &[Shift],
    counts: &[u32],
    rostering: &Rostering,
    i: usize,
    interval_minutes: u32,
) -> Option<usize> {
    let a = i as u32 * interval_minutes;
    (0..patterns.len())
        .filter(|&p| rostering.max_agents_per_shift.is_none_or(|m| counts[p] < m))
        .map(|p| (p, patterns[p].minutes_within(a, a + interval_minutes).0))
        .filter(|&(_, floor)| floor > 0)
        .min_by_key(|&(p, floor)| {
            (
                patterns[p].paid_minutes(),
                std::cmp::Reverse(floor),
                patterns[p].start,
            )
        })
        .map(|(p, _)| p)
}

/// "08:00–16:00 (break 12:00 30 min)" for messages.
pub(crate) fn describe(p: &Shift, s: &Scenario) -> String {
    let open = s.simulation.open_minute;
    let mut t = format!(
        "{}–{}",
        crate::scenario::clock(open + p.start),
        crate::scenario::clock(open + p.end())
    );
    for b in &p.breaks {
        t.push_str(&format!(
            " (break {} {} min{})",
            crate::scenario::clock(open + p.start + b.after),
            b.minutes,
            if b.paid { ", paid" } else { "" }
        ));
    }
    t
}

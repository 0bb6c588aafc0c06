//! A one-group file's week on contracts: each day's requirement from the `staff`
//! search (days of equal factor and opening hours searched once), the tour program
//! over the week, its agents, then simulation and repair: while a day misses a target,
//! one more agent on the cheapest tour through that day with a shift on the floor in
//! its worst interval (contract shares kept), and the days that agent works simulated
//! again. Days are simulated one at a time with the file's seed (common random
//! numbers), as the shift-count roster does.

use std::ops::Range;

use super::columns::{self, Columns};
use super::{people, solve_tours, AgentWeek, TourProblem, TourRoster};
use crate::scenario::{Roster, Rostering, Scenario, Shift};
use crate::staffing::roster::mip::{self, DayRoster};
use crate::staffing::roster::repair::{self, Need};
use crate::staffing::roster::{planning_days, PlanDay, Schedule, ScheduleOptions};
use crate::staffing::Evaluation;

/// The agents' side of a week's schedule.
#[derive(Debug, Clone)]
pub struct Week {
    /// The group's name (agents' ids are `name-001`, ...).
    pub group: String,
    /// The contracts' names, by position.
    pub contracts: Vec<String>,
    /// The tour program's answer, before repair.
    pub tours: TourRoster,
    /// Every agent after repair (the program's first, then those the repair added).
    pub agents: Vec<AgentWeek>,
}

impl Week {
    /// The stable id of agent `k` (0-based): the group's name (lower case, a dash for
    /// anything but letters and digits) and a 3-digit number.
    pub fn id(&self, k: usize) -> String {
        let mut slug = String::new();
        for c in self.group.trim().chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                slug.push(c);
            } else if !slug.ends_with('-') {
                slug.push('-');
            }
        }
        format!("{}-{:03}", slug.trim_matches('-'), k + 1)
    }
}

/// Rosters the week of `s` (7 days) on `rostering`'s contracts.
pub(in crate::planning::staffing::roster) fn schedule_week(
    s: &Scenario,
    rostering: &Rostering,
    opts: &ScheduleOptions,
    progress: &dyn Fn(&str),
) -> Result<Schedule, String> {
    let mut planning = planning_days(s);
    if planning.len() == 1 {
        let (_, f, w) = planning[0].clone();
        planning = (0..7).map(|d| (d, f, w.clone())).collect();
    }
    let mut needs: Vec<(f64, Range<usize>, Need)> = Vec::new();
    let mut day_need: Vec<usize> = Vec::new();
    for (d, factor, window) in &planning {
        if let Some(k) = needs
            .iter()
            .position(|(f, w, _)| f.to_bits() == factor.to_bits() && w == window)
        {
            day_need.push(k);
            continue;
        }
        let day = repair::day_scenario(s, *d, *factor);
        let n = s.intervals();
        let need = if window.is_empty() {
            Need {
                plan_paid: vec![0; n],
                plan_met: true,
                required_productive: vec![0; n],
                required_floor: vec![0.0; n],
                simulations: 0,
            }
        } else {
            let label = format!("day {} (× {factor}): ", d + 1);
            repair::requirement(s, &day, window, opts, &|p: &str| {
                progress(&format!("{label}{p}"))
            })?
        };
        day_need.push(needs.len());
        needs.push((*factor, window.clone(), need));
    }
    let problem = TourProblem {
        rostering: rostering.clone(),
        interval_minutes: s.simulation.interval_minutes,
        intervals: s.intervals(),
        required: day_need
            .iter()
            .map(|&k| needs[k].2.required_floor.clone())
            .collect(),
        windows: planning.iter().map(|p| p.2.clone()).collect(),
    };
    progress(&format!(
        "tour program over the week ({})",
        mip::solver_name()
    ));
    let tours =
        solve_tours(&problem, opts.mip).map_err(|e| format!("{}: {e}", s.file.display()))?;
    let cols = columns::columns(&problem);
    let mut agents = tours.agents.clone();
    let days: Vec<Scenario> = planning
        .iter()
        .map(|(d, f, _)| repair::day_scenario(s, *d, *f))
        .collect();
    let evaluate = |d: usize, agents: &[AgentWeek]| -> Evaluation {
        repair::simulate(&days[d], &day_shifts(agents, d))
    };
    let mut evals: Vec<Evaluation> = (0..7).map(|d| evaluate(d, &agents)).collect();
    let mut simulations = [1usize; 7];
    let mut repairs: Vec<Vec<(Shift, usize)>> = vec![Vec::new(); 7];
    let mut tried = 0;
    let mut budget_hit = false;
    while let Some(d) = (0..7).find(|&d| !evals[d].met()) {
        if tried >= opts.max_repairs {
            budget_hit = true;
            break;
        }
        let Some(i) = repair::worst_miss(&evals[d]) else {
            break;
        };
        let Some(agent) = extra_agent(&problem, &cols, &agents, d, i) else {
            break;
        };
        tried += 1;
        progress(&format!(
            "repair {tried}: +1 agent ({}) for the miss on day {} at {}",
            rostering.contracts[agent.contract].name,
            d + 1,
            s.simulation.interval_label(i)
        ));
        if let Some(sh) = agent.shifts.iter().find(|x| x.day == Some(d as u32)) {
            repairs[d].push((
                Shift {
                    day: None,
                    ..sh.clone()
                },
                i,
            ));
        }
        let worked: Vec<usize> = agent
            .shifts
            .iter()
            .filter_map(|x| x.day)
            .map(|x| x as usize)
            .collect();
        agents.push(agent);
        for e in worked {
            evals[e] = evaluate(e, &agents);
            simulations[e] += 1;
        }
    }
    let hours = f64::from(s.simulation.interval_minutes) / 60.0;
    let mut plan_days = Vec::with_capacity(7);
    for (d, (ev, reps)) in evals.into_iter().zip(repairs).enumerate() {
        let need = &needs[day_need[d]].2;
        let first = day_need.iter().position(|&k| k == day_need[d]) == Some(d);
        let mip_day: f64 = day_shifts(&tours.agents, d)
            .iter()
            .map(|x| f64::from(x.paid_minutes() * x.agents) / 60.0)
            .sum();
        plan_days.push(PlanDay {
            days: vec![d as u32],
            factor: planning[d].1,
            plan_paid: need.plan_paid.clone(),
            plan_met: need.plan_met,
            required_productive: need.required_productive.clone(),
            required_floor: need.required_floor.clone(),
            mip: DayRoster {
                counts: Vec::new(),
                paid_hours: mip_day,
                bound: 0.0,
                stop: tours.stop,
                seconds: if d == 0 { tours.seconds } else { 0.0 },
            },
            shifts: day_shifts(&agents, d),
            repairs: reps,
            eval: ev,
            simulations: simulations[d] + if first { need.simulations } else { 0 },
            budget_hit: budget_hit && d == 0,
        });
    }
    let roster = Roster {
        shifts: people::roster_shifts(&agents),
        absenteeism: s.groups[0]
            .staffing
            .roster
            .as_ref()
            .map_or(0.0, |r| r.absenteeism),
        interval_minutes: s.simulation.interval_minutes,
        intervals: s.intervals(),
        days: s.simulation.days,
    };
    let plan_paid_hours = plan_days
        .iter()
        .map(|p| p.plan_paid.iter().map(|&x| f64::from(x)).sum::<f64>() * hours)
        .sum();
    Ok(Schedule {
        mip_paid_hours: tours.paid_hours,
        mip_bound_hours: tours.bound,
        paid_hours: roster.paid_hours(),
        plan_paid_hours,
        roster,
        days: plan_days,
        solver: mip::solver_name(),
        week: Some(Week {
            group: s.groups[0].name.clone(),
            contracts: rostering.contracts.iter().map(|c| c.name.clone()).collect(),
            tours,
            agents,
        }),
    })
}

/// Day `d`'s shifts of `agents`, merged, without their `day`.
fn day_shifts(agents: &[AgentWeek], d: usize) -> Vec<Shift> {
    people::roster_shifts(agents)
        .into_iter()
        .filter(|x| x.day == Some(d as u32))
        .map(|x| Shift { day: None, ..x })
        .collect()
}

/// One more agent for a miss on day `d` in interval `i`: the tour of fewest paid hours
/// (then fewest days) through `d` whose family has a start on the floor in `i`, among
/// those keeping every contract's share; its shift on `d` is the start with the most
/// floor time in `i` (then the earliest), and on its other days the band's start
/// nearest to it.
fn extra_agent(
    p: &TourProblem,
    cols: &Columns,
    agents: &[AgentWeek],
    d: usize,
    i: usize,
) -> Option<AgentWeek> {
    let im = p.interval_minutes;
    let total = agents.len() as f64 + 1.0;
    let count = |c: usize| agents.iter().filter(|a| a.contract == c).count() as f64;
    let keeps = |c: usize| {
        p.rostering.contracts.iter().enumerate().all(|(k, ct)| {
            let n = count(k) + if k == c { 1.0 } else { 0.0 };
            n >= ct.share.0 * total - 1e-9 && n <= ct.share.1 * total + 1e-9
        })
    };
    let floor_in = |len: u32, s: u32| -> (u32, &Shift) {
        cols.shapes[&(len, s)]
            .iter()
            .map(|sh| (sh.minutes_within(i as u32 * im, (i as u32 + 1) * im).0, sh))
            .max_by_key(|(m, sh)| (*m, std::cmp::Reverse(sh.breaks.first().map(|b| b.after))))
            .expect("every start has a shape")
    };
    let mut best: Option<(u32, u32, AgentWeek)> = None;
    for fam in &cols.families {
        if !keeps(fam.contract) {
            continue;
        }
        let Some((s, _)) = fam.day_starts[d]
            .iter()
            .map(|&s| (s, floor_in(fam.len, s).0))
            .filter(|&(_, m)| m > 0)
            .max_by_key(|&(s, m)| (m, std::cmp::Reverse(s)))
        else {
            continue;
        };
        for &m in fam.masks.iter().filter(|&&m| m >> d & 1 == 1) {
            let cost = (m.count_ones() * fam.paid, m.count_ones());
            if best.as_ref().is_some_and(|b| (b.0, b.1) <= cost) {
                continue;
            }
            let shifts = (0..7u32)
                .filter(|&e| m >> e & 1 == 1)
                .map(|e| {
                    let start = if e as usize == d {
                        s
                    } else {
                        *fam.day_starts[e as usize]
                            .iter()
                            .min_by_key(|&&x| x.abs_diff(s))?
                    };
                    let shape = if e as usize == d {
                        floor_in(fam.len, start).1
                    } else {
                        &cols.shapes[&(fam.len, start)][0]
                    };
                    Some(Shift {
                        day: Some(e),
                        ..shape.clone()
                    })
                })
                .collect::<Option<Vec<Shift>>>()?;
            best = Some((
                cost.0,
                cost.1,
                AgentWeek {
                    contract: fam.contract,
                    shifts,
                },
            ));
        }
    }
    best.map(|b| b.2)
}

//! A week on contracts, for a one-group file or every group of a centre: each day's
//! requirement per group from the `staff` search (the centre's groups staffed together;
//! days of equal factor and opening hours searched once), a tour program per group over
//! the week on the group's contracts, their agents, then simulation and repair: the
//! whole week simulated as one 7-day run (every group together, queues, callbacks and
//! emails carried from one day to the next; [`week_run`]) and judged per (day, type,
//! interval); while some cell misses a target, one more agent on the cheapest tour
//! through the worst cell's day with a shift on the floor in its interval (contract
//! shares kept), in the group serving that type whose tour is cheapest, and the week run
//! again with the file's seed and replications (common random numbers).

use std::ops::Range;

use super::columns;
use super::{extra, people, solve_tours, week_run, AgentWeek, TourProblem, TourRoster};
use crate::scenario::{Rostering, Scenario, Shift};
use crate::staffing::roster::mip::{self, DayRoster, Stop};
use crate::staffing::roster::overhead::GroupNeed;
use crate::staffing::roster::repair::{self, Need};
use crate::staffing::roster::{group_roster, planning_days, PlanDay, Schedule, ScheduleOptions};

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

/// Rosters the week of `s` (7 days) on `rostering`'s contracts, each group on its own.
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
    let n = s.intervals();
    let groups = s.groups.len();
    let mut needs: Vec<(f64, Range<usize>, Vec<Need>)> = Vec::new();
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
        let need = if window.is_empty() {
            (0..groups)
                .map(|_| Need {
                    plan_paid: vec![0; n],
                    plan_met: true,
                    required_productive: vec![0; n],
                    required_floor: vec![0.0; n],
                    simulations: 0,
                })
                .collect()
        } else {
            let label = format!("day {} (× {factor}): ", d + 1);
            repair::requirements(s, &day, window, opts, &|p: &str| {
                progress(&format!("{label}{p}"))
            })?
        };
        day_need.push(needs.len());
        needs.push((*factor, window.clone(), need));
    }
    let mut problems = Vec::with_capacity(groups);
    let mut tours = Vec::with_capacity(groups);
    let mut cols = Vec::with_capacity(groups);
    for (g, group) in s.groups.iter().enumerate() {
        let problem = TourProblem {
            rostering: Rostering {
                contracts: group
                    .contracts
                    .iter()
                    .map(|&k| rostering.contracts[k].clone())
                    .collect(),
                ..rostering.clone()
            },
            interval_minutes: s.simulation.interval_minutes,
            intervals: n,
            required: day_need
                .iter()
                .map(|&k| needs[k].2[g].required_floor.clone())
                .collect(),
            windows: planning.iter().map(|p| p.2.clone()).collect(),
        };
        let who = if groups > 1 {
            format!("group {}: ", group.name)
        } else {
            String::new()
        };
        progress(&format!(
            "{who}tour program over the week ({})",
            mip::solver_name()
        ));
        let solved = solve_tours(&problem, opts.mip)
            .map_err(|e| format!("{}: {who}{e}", s.file.display()))?;
        cols.push(columns::columns(&problem));
        tours.push(solved);
        problems.push(problem);
    }
    let mut agents: Vec<Vec<AgentWeek>> = tours.iter().map(|t| t.agents.clone()).collect();
    progress("the week simulated as one run");
    let mut evals = week_run::judge_week(s, &agents);
    let mut week_runs = 1;
    let mut repairs: Vec<Vec<(Shift, usize)>> = vec![Vec::new(); 7];
    let mut tried = 0;
    let mut budget_hit = false;
    while let Some((d, k)) = week_run::worst_miss(&evals) {
        if tried >= opts.max_repairs {
            budget_hit = true;
            break;
        }
        // A centre's results run type after type; a one-type file's are its one type's.
        let (t, i) = (k / n, k % n);
        let Some((g, agent)) = s
            .groups
            .iter()
            .enumerate()
            .filter(|(_, group)| group.serves.contains(&t))
            .filter_map(|(g, _)| {
                extra::extra_agent(&problems[g], &cols[g], &agents[g], d, i).map(|a| (g, a))
            })
            .min_by_key(|(g, a)| (a.paid_minutes(), a.shifts.len(), *g))
        else {
            break;
        };
        tried += 1;
        let whose = if groups > 1 {
            format!("group {}, ", s.groups[g].name)
        } else {
            String::new()
        };
        progress(&format!(
            "repair {tried}: +1 agent ({whose}{}) for the miss on day {} at {}",
            problems[g].rostering.contracts[agent.contract].name,
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
        agents[g].push(agent);
        evals = week_run::judge_week(s, &agents);
        week_runs += 1;
    }
    let hours = f64::from(s.simulation.interval_minutes) / 60.0;
    let sum_u = |f: &dyn Fn(&Need) -> &Vec<u32>, k: usize| -> Vec<u32> {
        (0..n)
            .map(|i| needs[k].2.iter().map(|x| f(x)[i]).sum())
            .collect()
    };
    let stop = if tours.iter().any(|t| t.stop == Stop::Limit) {
        Stop::Limit
    } else {
        Stop::Solved
    };
    let mut plan_days = Vec::with_capacity(7);
    for (d, (ev, reps)) in evals.into_iter().zip(repairs).enumerate() {
        let k = day_need[d];
        let first = day_need.iter().position(|&x| x == k) == Some(d);
        let mip_day: f64 = tours
            .iter()
            .flat_map(|t| day_shifts(&t.agents, d))
            .map(|x| f64::from(x.paid_minutes() * x.agents) / 60.0)
            .sum();
        plan_days.push(PlanDay {
            days: vec![d as u32],
            factor: planning[d].1,
            plan_paid: sum_u(&|x| &x.plan_paid, k),
            plan_met: needs[k].2.iter().all(|x| x.plan_met),
            required_productive: sum_u(&|x| &x.required_productive, k),
            required_floor: (0..n)
                .map(|i| needs[k].2.iter().map(|x| x.required_floor[i]).sum())
                .collect(),
            mip: DayRoster {
                counts: Vec::new(),
                paid_hours: mip_day,
                bound: 0.0,
                stop,
                seconds: if d == 0 {
                    tours.iter().map(|t| t.seconds).sum()
                } else {
                    0.0
                },
            },
            shifts: agents.iter().flat_map(|a| day_shifts(a, d)).collect(),
            repairs: reps,
            eval: ev,
            // The week's runs are the first day's: each is one run of all 7.
            simulations: if d == 0 { week_runs } else { 0 }
                + if first {
                    needs[k].2.first().map_or(0, |x| x.simulations)
                } else {
                    0
                },
            budget_hit: budget_hit && d == 0,
        });
    }
    let roster = group_roster(
        s,
        0,
        people::roster_shifts(&agents.concat()),
        s.simulation.days,
    );
    let plan_paid_hours = plan_days
        .iter()
        .map(|p| p.plan_paid.iter().map(|&x| f64::from(x)).sum::<f64>() * hours)
        .sum();
    let weeks = s
        .groups
        .iter()
        .zip(problems)
        .zip(tours.iter().cloned().zip(agents))
        .map(|((group, p), (tours, agents))| Week {
            group: group.name.clone(),
            contracts: p
                .rostering
                .contracts
                .iter()
                .map(|c| c.name.clone())
                .collect(),
            tours,
            agents,
        })
        .collect();
    let group_needs = (0..groups)
        .map(|g| {
            day_need
                .iter()
                .map(|&k| GroupNeed {
                    required_productive: needs[k].2[g].required_productive.clone(),
                    required_floor: needs[k].2[g].required_floor.clone(),
                })
                .collect()
        })
        .collect();
    Ok(Schedule {
        mip_paid_hours: tours.iter().map(|t| t.paid_hours).sum(),
        mip_bound_hours: tours.iter().map(|t| t.bound).sum(),
        paid_hours: roster.paid_hours(),
        plan_paid_hours,
        roster,
        days: plan_days,
        solver: mip::solver_name(),
        weeks,
        group_needs,
    })
}

/// Day `d`'s shifts of `agents`, merged, without their `day`.
pub(crate) fn day_shifts(agents: &[AgentWeek], d: usize) -> Vec<Shift> {
    people::roster_shifts(agents)
        .into_iter()
        .filter(|x| x.day == Some(d as u32))
        .map(|x| Shift { day: None, ..x })
        .collect()
}

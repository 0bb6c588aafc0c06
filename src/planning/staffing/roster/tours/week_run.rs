//! The week judged as one run: every group's agents' weeks (breaks and absence as
//! PLAN.toml rosters them) simulated over the 7 days at once with the file's seed and
//! replications, so a queue, callback or email left at the end of one day meets the
//! next; then each day judged interval by interval against every type's targets by the
//! same rules as a day planned alone.

use super::{people, AgentWeek};
use crate::by_day::run_by_day;
use crate::metrics::Metric;
use crate::scenario::{Scenario, Shift};
use crate::staffing::evaluate::judge_type;
use crate::staffing::roster::{group_roster, repair};
use crate::staffing::{paid_cost, Criterion, Evaluation};

/// Each day of `s`'s week staffed by each group's `agents`, simulated as one run, judged
/// day by day (one [`Evaluation`] per day; a day's paid agents are that day's shifts').
pub(super) fn judge_week(s: &Scenario, agents: &[Vec<AgentWeek>]) -> Vec<Evaluation> {
    let days = s.simulation.days;
    let mut week = s.clone();
    for (g, a) in agents.iter().enumerate() {
        let roster = group_roster(s, g, people::roster_shifts(a), days);
        week.groups[g].staffing.paid = rounded(&roster.mean_paid_agents());
        week.groups[g].staffing.roster = Some(roster);
    }
    let run = run_by_day(&week);
    (0..days)
        .map(|d| {
            // A day's paid agents as a day planned alone records them.
            let paid: Vec<u32> = agents
                .iter()
                .enumerate()
                .flat_map(|(g, a)| {
                    let shifts: Vec<Shift> = people::roster_shifts(a)
                        .into_iter()
                        .filter(|x| x.day == Some(d))
                        .map(|x| Shift { day: None, ..x })
                        .collect();
                    rounded(&group_roster(s, g, shifts, 1).mean_paid_agents())
                })
                .collect();
            let d = d as usize;
            let intervals = s
                .types
                .iter()
                .enumerate()
                .flat_map(|(t, ty)| {
                    let part = run.of_type(d, t);
                    judge_type(ty, &part.day, &part.intervals, Criterion::Mean)
                })
                .collect();
            let whole = &run.days[d][0].day;
            Evaluation {
                paid_cost: paid_cost(s, &paid),
                paid,
                replications: week.simulation.replications,
                seed: week.simulation.seed,
                intervals,
                day_intervals: s.intervals(),
                cost_total: whole[Metric::CostTotal as usize].estimate(),
                overtime_agent_hours: whole[Metric::OvertimeAgentHours as usize].estimate(),
            }
        })
        .collect()
}

fn rounded(xs: &[f64]) -> Vec<u32> {
    xs.iter().map(|x| x.round() as u32).collect()
}

/// The worst miss of the week: (day, position in that day's `intervals`) of the largest
/// normalised shortfall, ties to the earlier day (a queue left there may cause the later
/// one).
pub(super) fn worst_miss(days: &[Evaluation]) -> Option<(usize, usize)> {
    days.iter()
        .enumerate()
        .filter_map(|(d, e)| repair::worst_miss(e).map(|k| (d, k, e.intervals[k].shortfall())))
        .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
        .map(|(d, k, _)| (d, k))
}

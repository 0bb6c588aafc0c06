//! Over- and under-coverage per interval: for each group, day and interval, the
//! productive agents the plan requires beside those the roster gives (agents on the
//! floor, breaks out, × (1 − absenteeism) × (1 − shrinkage) with the group's own
//! figures), and the totals a planner checks.

use super::overhead::{group_days, GroupDay};
use super::{group_roster, Schedule};
use crate::scenario::Scenario;

/// One group's coverage on one planning day.
#[derive(Debug, Clone)]
pub struct DayCoverage {
    /// The days of the horizon it stands for (0-based).
    pub days: Vec<u32>,
    /// Productive agents required per interval.
    pub required: Vec<f64>,
    /// Productive agents rostered per interval (expected).
    pub rostered: Vec<f64>,
}

/// Over- and under-coverage totals over the horizon.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CoverageSummary {
    /// Productive agent hours rostered beyond the requirement.
    pub over_hours: f64,
    /// Productive agent hours required but not rostered.
    pub under_hours: f64,
    /// Intervals (of days with a requirement) whose rostered productive agents, rounded
    /// as the simulation rounds them, fall below the requirement.
    pub intervals_under: usize,
    /// Intervals with a requirement.
    pub intervals_required: usize,
}

/// Group `g`'s coverage on each of its planning days, or `None` without per-group
/// figures.
pub fn group_coverage(s: &Scenario, sc: &Schedule, g: usize) -> Option<Vec<DayCoverage>> {
    let days = group_days(s, sc, g)?;
    let shrinkage = s.groups[g].staffing.shrinkage;
    Some(
        days.iter()
            .map(|d| day_coverage(s, g, d, shrinkage))
            .collect(),
    )
}

fn day_coverage(s: &Scenario, g: usize, d: &GroupDay, shrinkage: f64) -> DayCoverage {
    let r = group_roster(s, g, d.shifts.clone(), 1);
    let absenteeism = r.absenteeism;
    let cover = r.day_cover(0);
    let im = f64::from(s.simulation.interval_minutes);
    DayCoverage {
        days: d.days.clone(),
        required: d
            .required_productive
            .iter()
            .map(|&x| f64::from(x))
            .collect(),
        rostered: cover
            .floor
            .iter()
            .map(|&m| m as f64 / im * (1.0 - absenteeism) * (1.0 - shrinkage))
            .collect(),
    }
}

/// The totals of `days`, each counted as often as it stands for, at `hours` per interval.
pub fn summary(days: &[DayCoverage], hours: f64) -> CoverageSummary {
    let mut out = CoverageSummary::default();
    for d in days {
        let times = d.days.len();
        let repeat = times as f64;
        for (&req, &got) in d.required.iter().zip(&d.rostered) {
            let diff = got - req;
            if diff > 0.0 {
                out.over_hours += diff * hours * repeat;
            } else {
                out.under_hours += -diff * hours * repeat;
            }
            if req > 0.0 {
                out.intervals_required += times;
                // The simulation rounds productive agents: x.5 and up counts as x + 1.
                if got.round() < req {
                    out.intervals_under += times;
                }
            }
        }
    }
    out
}

/// Totals of several summaries (a centre's groups).
pub fn total(all: &[CoverageSummary]) -> CoverageSummary {
    all.iter()
        .fold(CoverageSummary::default(), |a, x| CoverageSummary {
            over_hours: a.over_hours + x.over_hours,
            under_hours: a.under_hours + x.under_hours,
            intervals_under: a.intervals_under + x.intervals_under,
            intervals_required: a.intervals_required + x.intervals_required,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_and_under_hours_count_each_side_and_rounding_decides_an_interval_under() {
        let d = DayCoverage {
            days: vec![0, 1],
            required: vec![4.0, 5.0, 0.0, 6.0],
            rostered: vec![4.5, 4.4, 1.0, 5.6],
        };
        let t = summary(&[d], 0.5);
        // Over: 0.5 + 1.0 per day; under: 0.6 + 0.4 per day; two days of half an hour.
        assert!((t.over_hours - 1.5).abs() < 1e-9, "{t:?}");
        assert!((t.under_hours - 1.0).abs() < 1e-9, "{t:?}");
        // 4.4 rounds to 4 < 5: under; 5.6 rounds to 6: enough; no requirement at 1.0.
        assert_eq!(t.intervals_under, 2);
        assert_eq!(t.intervals_required, 6);
        assert_eq!(total(&[t, t]).intervals_under, 4);
    }
}

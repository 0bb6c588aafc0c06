//! A group staffed by shifts whose agents on the floor change from day to day: shifts
//! worked on some days only, and absence. Each rostered agent is absent on a day with
//! the roster's absenteeism, decided by a draw of its own: a hash of (replication's
//! absence key, group, the agent's shift class and place in it, day), not a shared
//! stream. So absences never shift other draws, two rosters differing by one shift see
//! the same absences for every agent they share (common random numbers), and the order
//! in which agents are looked at changes nothing.

use crate::model::streams::mix;
use crate::scenario::{Roster, Shift};

/// One shift's agents as the day's draws need them.
struct ShiftAgents {
    /// The day it is worked on, `None` = every day.
    day: Option<u32>,
    /// The agent-independent part of its agents' identity (group, start, length, day).
    class: u64,
    /// Place of its first agent among the shifts of the same class (file order).
    first: u32,
    agents: u32,
    /// One agent's minutes on the floor per interval it touches.
    floor: Vec<(usize, u32)>,
}

/// A group's staffing by day (see the module documentation).
pub(in crate::simulation::model) struct RosterDays {
    /// Agent-minutes on the floor per interval, everyone present: one day, or one per
    /// day of the horizon when some shift is worked on some days only.
    floor: Vec<Vec<u64>>,
    /// Paid agent-seconds per interval, laid out as `floor`.
    paid_s: Vec<Vec<f64>>,
    shifts: Vec<ShiftAgents>,
    roster: Roster,
    shrinkage: f64,
    group: u64,
}

impl RosterDays {
    /// The staffing by day of group `group`'s roster.
    pub fn new(roster: &Roster, shrinkage: f64, group: usize) -> Self {
        let days = if roster.varies_by_day() {
            roster.days
        } else {
            1
        };
        let covers: Vec<_> = (0..days).map(|d| roster.day_cover(d)).collect();
        let mut shifts: Vec<ShiftAgents> = Vec::with_capacity(roster.shifts.len());
        for s in &roster.shifts {
            let class = class_of(group as u64, s);
            let first = shifts
                .iter()
                .filter(|x| x.class == class)
                .map(|x| x.agents)
                .sum();
            shifts.push(ShiftAgents {
                day: s.day,
                class,
                first,
                agents: s.agents,
                floor: s.floor_by_interval(roster.interval_minutes),
            });
        }
        RosterDays {
            floor: covers.iter().map(|c| c.floor.clone()).collect(),
            paid_s: covers
                .iter()
                .map(|c| c.paid.iter().map(|&m| m as f64 * 60.0).collect())
                .collect(),
            shifts,
            roster: roster.clone(),
            shrinkage,
            group: group as u64,
        }
    }

    fn profile(&self, day: u32) -> usize {
        if self.floor.len() == 1 {
            0
        } else {
            day as usize
        }
    }

    /// Paid agent-seconds in interval `i` of day `day` (absent agents are paid).
    #[inline]
    pub fn paid_s(&self, day: u32, i: usize) -> f64 {
        self.paid_s[self.profile(day)][i]
    }

    /// Productive agents per interval of day `day` in the replication whose absence key
    /// is `key`, into `out` (`scratch` holds agent-minutes).
    pub fn fill_day(&self, day: u32, key: u64, scratch: &mut Vec<u64>, out: &mut Vec<u32>) {
        scratch.clear();
        scratch.extend_from_slice(&self.floor[self.profile(day)]);
        let a = self.roster.absenteeism;
        if a > 0.0 {
            let today = mix(mix(key ^ self.group) ^ u64::from(day));
            for s in self
                .shifts
                .iter()
                .filter(|s| s.day.is_none_or(|d| d == day))
            {
                for k in 0..s.agents {
                    if unit(mix(today ^ mix(s.class ^ u64::from(s.first + k)))) < a {
                        for &(i, m) in &s.floor {
                            scratch[i] -= u64::from(m);
                        }
                    }
                }
            }
        }
        out.clear();
        out.extend(
            scratch
                .iter()
                .map(|&m| self.roster.productive(m, self.shrinkage)),
        );
    }
}

/// The part of an agent's identity its shift gives: group, start, length and day.
fn class_of(group: u64, s: &Shift) -> u64 {
    let day = s.day.map_or(0, |d| u64::from(d) + 1);
    mix(mix(mix(group) ^ u64::from(s.start)) ^ (u64::from(s.minutes) << 32) ^ (day << 12))
}

/// A uniform number in [0, 1) from 53 bits of `x`.
fn unit(x: u64) -> f64 {
    (x >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

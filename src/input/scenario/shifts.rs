//! Staffing by shifts (docs/centres.md): who is rostered, when,
//! with which breaks, and how often they are absent; and `[rostering]`, the shifts
//! `ccsim schedule` may roster. Here the checked values and their geometry in minutes
//! (what a shift puts on the floor and pays in each interval); the rules that check a
//! file are in `validate_shifts.rs`.
//!
//! Times are whole minutes from the opening (the first interval's start). A shift or a
//! break need not start on an interval boundary: an interval counts the agent-minutes
//! on the floor, and the model rounds them to whole agents per interval (see
//! [`Roster::productive`]); paid time is counted to the minute.

/// One shift of a roster: `agents` agents working the same hours with the same breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Shift {
    /// Start, in minutes from the opening.
    pub start: u32,
    /// Length in minutes, breaks included.
    pub minutes: u32,
    /// Agents rostered on it.
    pub agents: u32,
    /// Breaks, in order, not overlapping, within the shift.
    pub breaks: Vec<Break>,
    /// The day of the horizon it is worked on (0-based); `None` = every day.
    pub day: Option<u32>,
}

/// A break within a shift: the agent is off the floor.
#[derive(Debug, Clone, PartialEq)]
pub struct Break {
    /// Minutes from the shift's start to the break's.
    pub after: u32,
    /// Length in minutes.
    pub minutes: u32,
    /// Whether the break is paid (unpaid breaks are not paid hours).
    pub paid: bool,
}

/// The `shifts` and `absenteeism` of a `[staffing]` or `[[groups]]` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    /// The shifts, in file order.
    pub shifts: Vec<Shift>,
    /// Probability that a rostered agent is absent on a given day.
    pub absenteeism: f64,
    /// Minutes per planning interval.
    pub interval_minutes: u32,
    /// Intervals in a day.
    pub intervals: usize,
    /// Days in the horizon.
    pub days: u32,
}

/// Minutes of `[a, b)` within `[c, d)`.
fn overlap(a: u32, b: u32, c: u32, d: u32) -> u32 {
    b.min(d).saturating_sub(a.max(c))
}

impl Shift {
    /// End, in minutes from the opening.
    pub fn end(&self) -> u32 {
        self.start + self.minutes
    }

    /// Paid minutes of one agent: the shift less its unpaid breaks.
    pub fn paid_minutes(&self) -> u32 {
        self.minutes
            - self
                .breaks
                .iter()
                .filter(|b| !b.paid)
                .map(|b| b.minutes)
                .sum::<u32>()
    }

    /// Whether it is worked on day `day` (0-based) of the horizon.
    pub fn works_on(&self, day: u32) -> bool {
        self.day.is_none_or(|d| d == day)
    }

    /// Minutes one agent spends in `[a, b)`: (on the floor, paid).
    pub fn minutes_within(&self, a: u32, b: u32) -> (u32, u32) {
        let present = overlap(self.start, self.end(), a, b);
        let (mut floor, mut paid) = (present, present);
        for br in &self.breaks {
            let s = self.start + br.after;
            let off = overlap(s, s + br.minutes, a, b);
            floor -= off;
            if !br.paid {
                paid -= off;
            }
        }
        (floor, paid)
    }

    /// One agent's (interval, minutes on the floor) for the intervals it touches.
    pub fn floor_by_interval(&self, interval_minutes: u32) -> Vec<(usize, u32)> {
        let first = self.start / interval_minutes;
        let last = self.end().div_ceil(interval_minutes);
        (first..last)
            .map(|i| {
                let a = i * interval_minutes;
                (i as usize, self.minutes_within(a, a + interval_minutes).0)
            })
            .filter(|&(_, m)| m > 0)
            .collect()
    }
}

/// A roster's agent-minutes per interval on one day, everyone present.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DayCover {
    /// Agent-minutes on the floor (not on a break) per interval.
    pub floor: Vec<u64>,
    /// Paid agent-minutes per interval (unpaid breaks excluded).
    pub paid: Vec<u64>,
}

impl Roster {
    /// Agent-minutes on the floor and paid in each interval of day `day`, everyone present.
    pub fn day_cover(&self, day: u32) -> DayCover {
        let n = self.intervals;
        let im = self.interval_minutes;
        let mut cover = DayCover {
            floor: vec![0; n],
            paid: vec![0; n],
        };
        for s in self.shifts.iter().filter(|s| s.works_on(day)) {
            let first = (s.start / im) as usize;
            let last = (s.end().div_ceil(im) as usize).min(n);
            for i in first..last {
                let a = i as u32 * im;
                let (floor, paid) = s.minutes_within(a, a + im);
                cover.floor[i] += u64::from(floor) * u64::from(s.agents);
                cover.paid[i] += u64::from(paid) * u64::from(s.agents);
            }
        }
        cover
    }

    /// One line for `ccsim check`: shifts, agents, paid hours, absenteeism.
    pub fn summary(&self) -> String {
        let agents: u64 = self.shifts.iter().map(|s| u64::from(s.agents)).sum();
        format!(
            "by shifts: {}, {}, {} paid hours over {}, absenteeism {}",
            crate::words::count(self.shifts.len() as u64, "shift"),
            crate::words::count(agents, "agent shift"),
            crate::words::rounded(self.paid_hours()),
            crate::words::count(self.days.into(), "day"),
            crate::limits::shown(self.absenteeism)
        )
    }

    /// Whether some shift is worked on some days only (the cover changes by day).
    pub fn varies_by_day(&self) -> bool {
        self.shifts.iter().any(|s| s.day.is_some())
    }

    /// Productive agents of `floor_minutes` agent-minutes on the floor in one interval:
    /// round(agents on the floor × (1 − shrinkage)), the agents on the floor being the
    /// agent-minutes ÷ the interval's minutes (a whole number when every shift and break
    /// starts and ends on interval boundaries, so that a roster equal to a per-interval
    /// plan gives exactly its productive agents).
    pub fn productive(&self, floor_minutes: u64, shrinkage: f64) -> u32 {
        let agents = floor_minutes as f64 / f64::from(self.interval_minutes);
        (agents * (1.0 - shrinkage)).round() as u32
    }

    /// Paid hours over the whole horizon: every shift's paid minutes on every day it is
    /// worked (absent agents are paid: the roster is what is paid).
    pub fn paid_hours(&self) -> f64 {
        let minutes: u64 = self
            .shifts
            .iter()
            .map(|s| {
                let days = if s.day.is_some() { 1 } else { self.days };
                u64::from(s.paid_minutes()) * u64::from(s.agents) * u64::from(days)
            })
            .sum();
        minutes as f64 / 60.0
    }

    /// Mean over the horizon's days of the agents on the floor per interval, with the
    /// expected absence: what reports show as the plan's agents.
    pub fn mean_floor_agents(&self) -> Vec<f64> {
        self.mean_over_days(|c| &c.floor)
            .into_iter()
            .map(|a| a * (1.0 - self.absenteeism))
            .collect()
    }

    /// Mean over the horizon's days of the paid agents per interval.
    pub fn mean_paid_agents(&self) -> Vec<f64> {
        self.mean_over_days(|c| &c.paid)
    }

    fn mean_over_days(&self, pick: impl Fn(&DayCover) -> &Vec<u64>) -> Vec<f64> {
        let mut sum = vec![0.0; self.intervals];
        let days: Vec<u32> = if self.varies_by_day() {
            (0..self.days).collect()
        } else {
            vec![0]
        };
        for &d in &days {
            let c = self.day_cover(d);
            for (s, m) in sum.iter_mut().zip(pick(&c)) {
                *s += *m as f64;
            }
        }
        let per = days.len() as f64 * f64::from(self.interval_minutes);
        sum.into_iter().map(|s| s / per).collect()
    }
}

/// A break rule of `[rostering]`: shifts of at least `min_shift_minutes` take a break
/// of `minutes`, starting `after_min..=after_max` minutes into the shift.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakRule {
    /// Shortest shift (minutes) the rule applies to.
    pub min_shift_minutes: u32,
    /// Earliest start of the break, minutes into the shift.
    pub after_min: u32,
    /// Latest start of the break, minutes into the shift.
    pub after_max: u32,
    /// Length in minutes.
    pub minutes: u32,
    /// Whether the break is paid.
    pub paid: bool,
}

/// `[rostering]`: the shifts `ccsim schedule` may roster.
#[derive(Debug, Clone, PartialEq)]
pub struct Rostering {
    /// Allowed shift lengths in minutes.
    pub shift_minutes: Vec<u32>,
    /// Starts lie on this grid from the opening, in minutes.
    pub start_step_minutes: u32,
    /// Break rules; a shift takes every rule it is long enough for.
    pub breaks: Vec<BreakRule>,
    /// Fewest agents on a shift that is rostered at all.
    pub min_agents_per_shift: u32,
    /// Most agents on one shift, when bounded.
    pub max_agents_per_shift: Option<u32>,
    /// `[[rostering.contracts]]`: the kinds of agents' weeks; empty: shift counts only.
    pub contracts: Vec<Contract>,
}

/// One `[[rostering.contracts]]`: the rules every agent's week on it keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Contract {
    /// Its name, unique among the contracts.
    pub name: String,
    /// Paid minutes in the week: at least, at most.
    pub weekly_minutes: (u32, u32),
    /// Working days in the week: at least, at most.
    pub days: (u32, u32),
    /// Allowed shift lengths in minutes.
    pub shift_minutes: Vec<u32>,
    /// The days off include at least this many in a row (the week wraps round).
    pub days_off_together: u32,
    /// Every start of the week lies within this many minutes, when bounded.
    pub start_within_minutes: Option<u32>,
    /// Share of the group's agents on this contract: at least, at most.
    pub share: (f64, f64),
}

impl Rostering {
    /// Every shift pattern allowed on a day of `day_minutes` (one agent, every day), in
    /// a fixed order: by length, then start, then break positions.
    pub fn patterns(&self, day_minutes: u32) -> Vec<Shift> {
        let mut out = Vec::new();
        for &len in &self.shift_minutes {
            let rules: Vec<&BreakRule> = self
                .breaks
                .iter()
                .filter(|r| len >= r.min_shift_minutes)
                .collect();
            let mut start = 0;
            while start + len <= day_minutes {
                for breaks in self.break_choices(&rules, len) {
                    out.push(Shift {
                        start,
                        minutes: len,
                        agents: 1,
                        breaks,
                        day: None,
                    });
                }
                start += self.start_step_minutes;
            }
        }
        out
    }

    /// Paid minutes of a shift of `len` minutes: its unpaid breaks excluded.
    pub fn paid_minutes_of(&self, len: u32) -> u32 {
        let unpaid: u32 = self
            .breaks
            .iter()
            .filter(|r| len >= r.min_shift_minutes && !r.paid)
            .map(|r| r.minutes)
            .sum();
        len.saturating_sub(unpaid)
    }

    /// Every way to place one break of each rule in a shift of `len` minutes: positions
    /// on the start grid within the rule's window, no two overlapping, each way's breaks
    /// in the order they are taken. The rules are placed in a fixed order of their own
    /// (earliest window first) and a break may go before one already placed, so the
    /// order they are listed in `[rostering] breaks` changes nothing.
    fn break_choices(&self, rules: &[&BreakRule], len: u32) -> Vec<Vec<Break>> {
        let mut rules = rules.to_vec();
        rules.sort_by_key(|r| (r.after_min, r.after_max, r.minutes, r.paid));
        let mut choices: Vec<Vec<Break>> = vec![Vec::new()];
        for r in rules {
            let mut next = Vec::new();
            for c in &choices {
                let mut at = r.after_min;
                while at <= r.after_max && at + r.minutes <= len {
                    let clear = c
                        .iter()
                        .all(|b| at + r.minutes <= b.after || b.after + b.minutes <= at);
                    if clear {
                        let mut with = c.clone();
                        with.push(Break {
                            after: at,
                            minutes: r.minutes,
                            paid: r.paid,
                        });
                        with.sort_by_key(|b| b.after);
                        if !next.contains(&with) {
                            next.push(with);
                        }
                    }
                    at += self.start_step_minutes;
                }
            }
            choices = next;
        }
        choices
    }
}

impl Contract {
    /// Each shift length of the contract with the working-day counts whose weeks are
    /// paid within its weekly hours, as (length, paid minutes of one shift, days).
    pub fn lengths(&self, rostering: &Rostering) -> Vec<(u32, u32, Vec<u32>)> {
        self.shift_minutes
            .iter()
            .map(|&len| {
                let paid = rostering.paid_minutes_of(len);
                let days = (self.days.0.max(1)..=self.days.1)
                    .filter(|&d| {
                        (self.weekly_minutes.0..=self.weekly_minutes.1).contains(&(d * paid))
                    })
                    .collect();
                (len, paid, days)
            })
            .filter(|(_, _, d): &(u32, u32, Vec<u32>)| !d.is_empty())
            .collect()
    }
}

/// `HH:MM` of a minute of the day.
pub fn clock(minute: u32) -> String {
    let m = minute % (24 * 60);
    format!("{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
#[path = "shifts_tests.rs"]
mod tests;

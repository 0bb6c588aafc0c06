//! From the requirement to what a roster pays, per group and for the centre: the agent
//! hours the plan needs on the phones, then what each step to a published roster adds
//! (paid breaks, shrinkage and absence, the contracts' rules, the integer roster's
//! distance from the LP bound, the agents the repair added). The parts add up to the
//! paid hours by construction, so a planner can say where every paid hour goes.

use super::tours::week::day_shifts;
use super::Schedule;
use crate::scenario::{Scenario, Shift};

/// One group's requirement on one day of the week, as the tour program received it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupNeed {
    /// Productive agents required per interval.
    pub required_productive: Vec<u32>,
    /// Agents on the floor required per interval (shrinkage and absence included).
    pub required_floor: Vec<f64>,
}

/// One group's planning day: what it must cover and the shifts it got.
#[derive(Debug, Clone)]
pub struct GroupDay {
    /// The days of the horizon it stands for (0-based).
    pub days: Vec<u32>,
    /// Productive agents required per interval.
    pub required_productive: Vec<u32>,
    /// Agents on the floor required per interval.
    pub required_floor: Vec<f64>,
    /// The group's shifts that day after repair (without `day`).
    pub shifts: Vec<Shift>,
}

impl GroupDay {
    /// How many days of the horizon it stands for.
    pub fn repeat(&self) -> f64 {
        self.days.len() as f64
    }
}

/// Group `g`'s planning days, or `None` when the schedule does not keep that group's
/// own requirement (a centre scheduled without its per-group figures).
pub fn group_days(s: &Scenario, sc: &Schedule, g: usize) -> Option<Vec<GroupDay>> {
    if !sc.weeks.is_empty() && sc.group_needs.len() == sc.weeks.len() {
        let needs = &sc.group_needs[g];
        return Some(
            sc.days
                .iter()
                .zip(needs)
                .map(|(p, need)| {
                    let d = p.days[0];
                    GroupDay {
                        days: p.days.clone(),
                        required_productive: need.required_productive.clone(),
                        required_floor: need.required_floor.clone(),
                        shifts: day_shifts(&sc.weeks[g].agents, d as usize),
                    }
                })
                .collect(),
        );
    }
    if s.groups.len() > 1 {
        return None;
    }
    // One planning day stands for every day of the horizon; several stand for theirs.
    let listed: usize = sc.days.iter().map(|p| p.days.len()).sum();
    Some(
        sc.days
            .iter()
            .map(|p| GroupDay {
                days: if listed == 1 {
                    (0..s.simulation.days).collect()
                } else {
                    p.days.clone()
                },
                required_productive: p.required_productive.clone(),
                required_floor: p.required_floor.clone(),
                shifts: p.shifts.clone(),
            })
            .collect(),
    )
}

/// Paid agent hours from the requirement to the roster, in the order they arise.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overhead {
    /// Productive agent hours the per-interval plan needs on the phones.
    pub productive: f64,
    /// The paid breaks that come with the floor time required.
    pub breaks: f64,
    /// Shrinkage and expected absence: floor hours required beyond the productive ones.
    pub absence: f64,
    /// What the contracts' shift lengths, days and shares force even at the LP optimum.
    pub contracts: f64,
    /// The integer roster over the LP bound.
    pub inefficiency: f64,
    /// Agents the repair added after simulation.
    pub repairs: f64,
}

impl Overhead {
    /// The parts, each with its name, in order.
    pub fn parts(&self) -> [(&'static str, f64); 6] {
        [
            ("productive requirement", self.productive),
            ("+ paid breaks", self.breaks),
            ("+ shrinkage and absence", self.absence),
            ("+ contract rules", self.contracts),
            ("+ scheduling inefficiency", self.inefficiency),
            ("+ repairs", self.repairs),
        ]
    }

    /// Paid hours: the sum of the parts.
    pub fn paid(&self) -> f64 {
        self.parts().iter().map(|p| p.1).sum()
    }

    /// Scheduling efficiency: the paid time the requirement itself needs (productive
    /// hours with their breaks, shrinkage and absence) ÷ the paid hours.
    pub fn efficiency(&self) -> f64 {
        let paid = self.paid();
        if paid > 0.0 {
            (self.productive + self.breaks + self.absence) / paid
        } else {
            1.0
        }
    }

    /// The parts of several groups added together.
    pub fn sum(all: &[Overhead]) -> Overhead {
        all.iter().fold(Overhead::default(), |a, o| Overhead {
            productive: a.productive + o.productive,
            breaks: a.breaks + o.breaks,
            absence: a.absence + o.absence,
            contracts: a.contracts + o.contracts,
            inefficiency: a.inefficiency + o.inefficiency,
            repairs: a.repairs + o.repairs,
        })
    }

    /// Splits `paid` hours: the requirement's hours (`productive`, `floor`: agent hours
    /// on the floor required), paid break minutes per minute on the floor of the
    /// roster's shifts, and the LP bound and the integer roster's paid hours. What the
    /// contracts force is what the bound holds beyond the requirement with its breaks
    /// and absence; the next parts are differences of paid hours, so the parts add up.
    pub fn split(
        productive: f64,
        floor: f64,
        break_ratio: f64,
        (bound, mip, paid): (f64, f64, f64),
    ) -> Overhead {
        let breaks = floor * break_ratio;
        let absence = floor - productive;
        Overhead {
            productive,
            breaks,
            absence,
            contracts: bound - productive - breaks - absence,
            inefficiency: mip - bound,
            repairs: paid - mip,
        }
    }
}

/// Paid break minutes per minute on the floor of `shifts` (0 without shifts).
pub fn break_ratio<'a>(shifts: impl IntoIterator<Item = (&'a Shift, f64)>) -> f64 {
    let (mut paid_breaks, mut floor) = (0.0, 0.0);
    for (sh, times) in shifts {
        let all: u32 = sh.breaks.iter().map(|b| b.minutes).sum();
        let paid: u32 = sh.breaks.iter().filter(|b| b.paid).map(|b| b.minutes).sum();
        let n = f64::from(sh.agents) * times;
        paid_breaks += f64::from(paid) * n;
        floor += f64::from(sh.minutes - all) * n;
    }
    if floor > 0.0 {
        paid_breaks / floor
    } else {
        0.0
    }
}

/// Each group's overhead over the horizon, in group order; `None` when the schedule
/// keeps no per-group requirement.
pub fn overhead(s: &Scenario, sc: &Schedule) -> Option<Vec<Overhead>> {
    let h = f64::from(s.simulation.interval_minutes) / 60.0;
    let mut out = Vec::with_capacity(s.groups.len());
    for g in 0..s.groups.len() {
        let days = group_days(s, sc, g)?;
        let productive: f64 = days
            .iter()
            .map(|d| {
                d.repeat()
                    * d.required_productive
                        .iter()
                        .map(|&x| f64::from(x))
                        .sum::<f64>()
            })
            .sum::<f64>()
            * h;
        let floor: f64 = days
            .iter()
            .map(|d| d.repeat() * d.required_floor.iter().sum::<f64>())
            .sum::<f64>()
            * h;
        let ratio = break_ratio(
            days.iter()
                .flat_map(|d| d.shifts.iter().map(move |x| (x, d.repeat()))),
        );
        let hours = match sc.weeks.get(g) {
            Some(w) if !sc.weeks.is_empty() => (
                w.tours.bound,
                w.tours.paid_hours,
                w.agents
                    .iter()
                    .map(|a| f64::from(a.paid_minutes()))
                    .sum::<f64>()
                    / 60.0,
            ),
            _ => (sc.mip_bound_hours, sc.mip_paid_hours, sc.paid_hours),
        };
        out.push(Overhead::split(productive, floor, ratio, hours));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Break;

    fn shift(minutes: u32, breaks: Vec<Break>) -> Shift {
        Shift {
            start: 0,
            minutes,
            agents: 2,
            breaks,
            day: None,
        }
    }

    #[test]
    fn the_parts_add_up_to_the_paid_hours_and_each_is_its_own_step() {
        let o = Overhead::split(100.0, 125.0, 0.05, (150.0, 160.0, 168.0));
        assert!((o.paid() - 168.0).abs() < 1e-9, "{o:?}");
        assert_eq!(o.productive, 100.0);
        assert!((o.absence - 25.0).abs() < 1e-12);
        assert!((o.breaks - 6.25).abs() < 1e-12);
        assert!((o.contracts - 18.75).abs() < 1e-12);
        assert!((o.inefficiency - 10.0).abs() < 1e-12);
        assert!((o.repairs - 8.0).abs() < 1e-12);
        // The requirement with its breaks and absence over the paid hours.
        assert!((o.efficiency() - 131.25 / 168.0).abs() < 1e-12);
        let both = Overhead::sum(&[o.clone(), o.clone()]);
        assert!((both.paid() - 336.0).abs() < 1e-9);
        assert!((both.efficiency() - o.efficiency()).abs() < 1e-12);
    }

    #[test]
    fn only_paid_breaks_count_per_minute_on_the_floor() {
        let b = |minutes, paid| Break {
            after: 120,
            minutes,
            paid,
        };
        // 480 minutes with a paid 15 and an unpaid 30: 435 on the floor, 15 paid off it.
        let sh = shift(480, vec![b(15, true), b(30, false)]);
        assert!((break_ratio([(&sh, 1.0)]) - 15.0 / 435.0).abs() < 1e-12);
        let plain = shift(240, Vec::new());
        let mixed = break_ratio([(&sh, 1.0), (&plain, 3.0)]);
        assert!((mixed - 30.0 / (870.0 + 1440.0)).abs() < 1e-12, "{mixed}");
        assert_eq!(break_ratio([(&plain, 1.0)]), 0.0);
    }
}

//! A dated horizon in the model: which intervals of which days are open (decided once,
//! from `[calendar]`), and each day's counters kept apart for the per-day figures. A
//! scenario without a start date or calendar pays for none of this: both are `None`.

use super::{Centre, DAY_S};
use crate::metrics::{GroupCounters, ReplicationCounters};
use crate::scenario::Scenario;

/// Whether each interval of each day is open (`day × intervals + interval`).
pub(super) struct OpenDays {
    open: Vec<bool>,
    intervals: usize,
}

impl OpenDays {
    /// The open grid of `sc`, when it has a calendar.
    pub fn of(sc: &Scenario) -> Option<Self> {
        sc.open_grid().map(|open| OpenDays {
            open,
            intervals: sc.intervals(),
        })
    }

    /// Whether interval `interval` of day `day` is open.
    #[inline]
    pub fn is_open(&self, day: usize, interval: usize) -> bool {
        self.open
            .get(day * self.intervals + interval)
            .copied()
            .unwrap_or(false)
    }

    /// Whether the interval containing `now` (in interval `interval` of its day) is open.
    #[inline]
    pub fn is_open_at(&self, now: f64, interval: u32) -> bool {
        self.is_open((now / DAY_S) as usize, interval as usize)
    }

    /// The first open (day, interval) at or after the given one.
    fn next_open(&self, day: usize, interval: usize) -> Option<(usize, usize)> {
        let from = day * self.intervals + interval;
        let k = from + self.open.get(from..)?.iter().position(|&o| o)?;
        Some((k / self.intervals, k % self.intervals))
    }
}

/// Each finished day's counters of a dated run, per type and per group.
#[derive(Default)]
pub(super) struct DayStore {
    types: Vec<Vec<ReplicationCounters>>,
    groups: Vec<Vec<GroupCounters>>,
}

/// One day's counters: the whole centre's, each type's (agent time allocated) and each
/// group's.
pub struct DayCounters {
    /// The whole centre (the one type's counters for a one-type file).
    pub total: ReplicationCounters,
    /// Each type's.
    pub types: Vec<ReplicationCounters>,
    /// Each group's.
    pub groups: Vec<GroupCounters>,
}

impl Centre<'_> {
    /// `t`, or the start of the next open interval of the calendar (`None` past the
    /// horizon); `t` itself without a calendar.
    pub(super) fn calendar_open(&self, t: f64) -> Option<f64> {
        let Some(open) = &self.open_days else {
            return Some(t);
        };
        let day = (t / DAY_S) as usize;
        let interval = self.interval_of(t) as usize;
        if open.is_open(day, interval) {
            return Some(t);
        }
        let (d, i) = open.next_open(day, interval)?;
        Some(d as f64 * DAY_S + i as f64 * self.interval_s)
    }

    /// Whether interval `interval` of day `day` is open (always, without a calendar).
    pub(super) fn open_interval(&self, day: u32, interval: usize) -> bool {
        self.open_days
            .as_ref()
            .is_none_or(|o| o.is_open(day as usize, interval))
    }

    /// A dated run: sets the day just ended apart and starts the next from zero.
    pub(super) fn end_of_day(&mut self) {
        let Some(store) = &mut self.day_store else {
            return;
        };
        store
            .types
            .push(self.types.iter().map(|t| t.counters.clone()).collect());
        store
            .groups
            .push(self.groups.iter().map(|g| g.counters.clone()).collect());
        for t in &mut self.types {
            t.counters.reset();
        }
        for g in &mut self.groups {
            g.counters.reset();
        }
    }

    /// A dated run at its end: the last day set apart, the replication's counters the sum
    /// of its days again.
    pub(super) fn sum_days(&mut self) {
        self.end_of_day();
        let Some(store) = &self.day_store else {
            return;
        };
        for (k, t) in self.types.iter_mut().enumerate() {
            for day in &store.types {
                t.counters.merge(&day[k]);
            }
        }
        for (k, g) in self.groups.iter_mut().enumerate() {
            for day in &store.groups {
                g.counters.merge(&day[k]);
            }
        }
    }

    /// Forgets the days of the last replication.
    pub(super) fn clear_days(&mut self) {
        if let Some(store) = &mut self.day_store {
            store.types.clear();
            store.groups.clear();
        }
    }

    /// Each day's counters of the last replication of a dated run (`None` when undated),
    /// agent time allocated to types as for the whole run.
    pub fn day_counters(&self) -> Option<Vec<DayCounters>> {
        let store = self.day_store.as_ref()?;
        let days = store
            .types
            .iter()
            .zip(&store.groups)
            .map(|(types, groups)| {
                let mut types = types.clone();
                for t in &mut types {
                    t.days = 1;
                }
                for (g, gs) in groups.iter().zip(&self.groups) {
                    for (k, &t) in gs.spec.serves.iter().enumerate() {
                        super::allocate(g, k, &mut types[t]);
                    }
                }
                let mut total = types[0].clone();
                for t in &types[1..] {
                    total.merge(t);
                }
                total.days = 1;
                DayCounters {
                    total,
                    types,
                    groups: groups.clone(),
                }
            });
        Some(days.collect())
    }
}

impl Centre<'_> {
    /// Keeps each day's counters apart in an undated run too, so a multi-day run can be
    /// judged day by day ([`Centre::day_counters`]); the whole run's figures are then
    /// summed back from the days.
    pub fn keep_days(&mut self) {
        if self.day_store.is_none() {
            self.day_store = Some(DayStore::default());
        }
    }
}

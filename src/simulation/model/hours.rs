//! The clock of a replication: opening hours (when the centre closes, when a contact due
//! later can come), agent time added up between events, and the replication's totals.

use super::{Centre, DAY_S};
use crate::metrics::{GroupCounters, ReplicationCounters};

impl Centre<'_> {
    /// Allocates each group's agent time to the types it serves and totals the centre.
    pub(super) fn finish(&mut self) -> &ReplicationCounters {
        let days = self.sc.simulation.days;
        for t in &mut self.types {
            t.counters.days = days;
        }
        for g in &self.groups {
            for (k, &t) in g.spec.serves.iter().enumerate() {
                allocate(&g.counters, k, &mut self.types[t].counters);
            }
        }
        if self.types.len() > 1 {
            self.total.reset();
            for t in &self.types {
                self.total.merge(&t.counters);
            }
            self.total.days = days;
        }
        self.counters()
    }

    /// The interval of the day that contains time `t` (clamped to the day's intervals).
    pub(super) fn interval_of(&self, t: f64) -> u32 {
        let in_day = t - (t / DAY_S).floor() * DAY_S;
        ((in_day / self.interval_s) as usize).min(self.intervals - 1) as u32
    }

    /// When the centre next closes at or after `t`: the end of the day's opening hours,
    /// or for 24-hour days only the end of the horizon.
    pub(super) fn next_close(&self, t: f64) -> f64 {
        if self.contiguous_days {
            f64::from(self.sc.simulation.days) * DAY_S
        } else {
            (t / DAY_S).floor() * DAY_S + self.open_s
        }
    }

    /// When a contact due at `t` can come: `t` while open, else the next opening (of the
    /// calendar too, when there is one), or `None` after the horizon.
    pub(super) fn next_open(&self, t: f64) -> Option<f64> {
        self.next_grid_open(t).and_then(|t| self.calendar_open(t))
    }

    /// [`Centre::next_open`] on the day's interval grid alone.
    fn next_grid_open(&self, t: f64) -> Option<f64> {
        let days = self.sc.simulation.days;
        if self.contiguous_days {
            return (t < f64::from(days) * DAY_S).then_some(t);
        }
        let day = (t / DAY_S).floor();
        if day >= f64::from(days) {
            None
        } else if t - day * DAY_S < self.open_s {
            Some(t)
        } else if day + 1.0 < f64::from(days) {
            Some((day + 1.0) * DAY_S)
        } else {
            None
        }
    }

    /// Accumulates agent time up to `now`; call before any `busy` or `on_duty` changes.
    #[inline(always)]
    pub(super) fn integrate(&mut self, now: f64) {
        let dt = now - self.last_change_s;
        if dt > 0.0 {
            let (i, closing) = (self.clock_interval, self.closing);
            if let [g] = &mut self.groups[..] {
                g.accumulate(dt, i, closing);
            } else {
                self.flat_time.accumulate(dt);
                for &g in &self.chat_groups {
                    self.groups[g].accumulate(dt, i, closing);
                }
            }
            self.last_change_s = now;
        }
    }

    /// Accumulates agent time up to `now`, then an agent of group `g` starts work on
    /// the `k`-th type it serves (`starts`) or finishes it. One test serves both steps
    /// of the one-group centre, the hottest path.
    #[inline(always)]
    pub(super) fn agent_moves(&mut self, now: f64, g: usize, k: usize, starts: bool) {
        if let [one] = &mut self.groups[..] {
            let dt = now - self.last_change_s;
            if dt > 0.0 {
                one.accumulate(dt, self.clock_interval, self.closing);
                self.last_change_s = now;
            }
            if starts {
                one.start(k);
            } else {
                one.finish(k);
            }
            return;
        }
        self.integrate(now);
        if starts {
            self.groups[g].start(k);
        } else {
            self.groups[g].finish(k);
        }
        self.agents_changed(g);
    }

    /// Group `g`'s agents changed (busy or on duty): the flat agent time follows.
    #[inline(always)]
    pub(super) fn agents_changed(&mut self, g: usize) {
        if self.flat_time.counts(g) {
            self.flat_time.update(g, &self.groups[g]);
        }
    }

    /// Writes the running agent time back to the groups' counters (before the interval
    /// or the drain changes, or before anyone reads them).
    pub(super) fn flush_agent_time(&mut self) {
        if let [one] = &mut self.groups[..] {
            one.flush();
        }
        self.flat_time.flush(&mut self.groups);
    }

    /// Starts the running agent time of the current interval (or drain).
    pub(super) fn attach_agent_time(&mut self) {
        let (i, closing) = (self.clock_interval, self.closing);
        if let [one] = &mut self.groups[..] {
            // A lone group counts its own running time (there is no flat one).
            one.attach(i, closing);
        }
        self.flat_time.attach(&mut self.groups, i, closing);
    }
}

/// Gives the `k`-th type a group serves its share of the group's agent time.
pub(super) fn allocate(gc: &GroupCounters, k: usize, tc: &mut ReplicationCounters) {
    for (i, c) in tc.intervals.iter_mut().enumerate() {
        let share = gc.share(k, i);
        c.busy_agent_s += gc.busy(k, i);
        c.productive_agent_s += gc.productive_s[i] * share;
        c.paid_agent_s += gc.paid_s[i] * share;
    }
    tc.overtime_agent_s += gc.overtime_s[k];
}

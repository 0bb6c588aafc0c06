//! Agent time of a centre of several groups, added up on every event in flat arrays.
//!
//! Every event that changes who is busy first adds the time since the last one to each
//! group's counters. Walking every group's counters for that costs a centre of 50 groups
//! far more than its routing; here the running sums of the current interval (or of the
//! drain) sit side by side in two arrays, one entry per (group, type served) and one per
//! group, next to the agent counts that multiply the elapsed time. An event's update is
//! then two straight loops the compiler vectorises. The sums are loaded from the
//! counters when an interval (or the drain) starts and written back when it ends, so
//! every counter receives exactly the same additions in the same order as before:
//! figures do not move by a bit. Groups serving chat keep their own way of counting.

use super::agents::GroupState;
use crate::metrics::GroupCounters;

/// The running agent time of the groups that count the plain way (no chat).
#[derive(Default)]
pub(super) struct FlatTime {
    /// Groups counted here, in centre order, with the index of their first pair.
    groups: Vec<(usize, usize)>,
    /// Position of each centre group in `groups` (`usize::MAX`: a chat group).
    slot: Vec<usize>,
    /// Busy agents of each (group, type served) pair, as the factor of elapsed time.
    busy: Vec<f64>,
    /// The running busy time of each pair in the attached interval (or drain).
    busy_sum: Vec<f64>,
    /// Agents counted productive in each group: max(on duty, busy).
    staffed: Vec<f64>,
    /// The running productive time of each group in the attached interval.
    staffed_sum: Vec<f64>,
    /// Where the running sums belong: `Some((interval, closing))` once loaded.
    attached: Option<(usize, bool)>,
}

impl FlatTime {
    /// The plain groups among `groups` (none when there is only one group: its own
    /// counters are quicker to update directly).
    pub fn new(groups: &[GroupState]) -> Self {
        let mut f = FlatTime {
            slot: vec![usize::MAX; groups.len()],
            ..FlatTime::default()
        };
        if groups.len() < 2 {
            return f;
        }
        for (g, gs) in groups.iter().enumerate() {
            if gs.chat.is_none() {
                f.slot[g] = f.groups.len();
                f.groups.push((g, f.busy.len()));
                f.busy
                    .extend(std::iter::repeat_n(0.0, gs.spec.serves.len()));
            }
        }
        f.busy_sum = vec![0.0; f.busy.len()];
        f.staffed = vec![0.0; f.groups.len()];
        f.staffed_sum = vec![0.0; f.groups.len()];
        f
    }

    /// True when group `g` is counted here.
    #[inline]
    pub fn counts(&self, g: usize) -> bool {
        // One group (the one-queue centre) answers on its first test.
        !self.groups.is_empty() && self.slot[g] != usize::MAX
    }

    /// A new replication: nobody busy or on duty, nothing attached.
    pub fn reset(&mut self) {
        self.busy.fill(0.0);
        self.staffed.fill(0.0);
        self.attached = None;
    }

    /// Group `g` (counted here) changed its agents: copies its counts.
    #[inline]
    pub fn update(&mut self, g: usize, gs: &GroupState) {
        let s = self.slot[g];
        let first = self.groups[s].1;
        if let [_, _, ..] = gs.busy_by_type[..] {
            for (b, &n) in self.busy[first..].iter_mut().zip(&gs.busy_by_type) {
                *b = f64::from(n);
            }
        } else {
            // A group of one skill counts its busy agents in `busy` alone.
            self.busy[first] = f64::from(gs.busy);
        }
        self.staffed[s] = f64::from(gs.on_duty.max(gs.busy));
    }

    /// Adds `dt` seconds of the current counts to the running sums.
    #[inline]
    pub fn accumulate(&mut self, dt: f64) {
        let Some((_, closing)) = self.attached else {
            debug_assert!(self.groups.is_empty(), "time passes only once attached");
            return;
        };
        for (sum, &b) in self.busy_sum.iter_mut().zip(&self.busy) {
            *sum += b * dt;
        }
        if !closing {
            for (sum, &s) in self.staffed_sum.iter_mut().zip(&self.staffed) {
                *sum += s * dt;
            }
        }
    }

    /// Writes the running sums back to the groups' counters and detaches.
    pub fn flush(&mut self, groups: &mut [GroupState]) {
        let Some((i, closing)) = self.attached.take() else {
            return;
        };
        for (s, &(g, first)) in self.groups.iter().enumerate() {
            let c = &mut groups[g].counters;
            for (k, &sum) in self.busy_sum[first..first + c.overtime_s.len()]
                .iter()
                .enumerate()
            {
                *target(c, k, i, closing) = sum;
            }
            if !closing {
                c.productive_s[i] = self.staffed_sum[s];
            }
        }
    }

    /// Loads the running sums of interval `i` (or of the drain when `closing`).
    pub fn attach(&mut self, groups: &mut [GroupState], i: usize, closing: bool) {
        if self.groups.is_empty() {
            return;
        }
        debug_assert!(self.attached.is_none(), "flushed before attaching again");
        for (s, &(g, first)) in self.groups.iter().enumerate() {
            let c = &mut groups[g].counters;
            for k in 0..c.overtime_s.len() {
                self.busy_sum[first + k] = *target(c, k, i, closing);
            }
            self.staffed_sum[s] = c.productive_s[i];
        }
        self.attached = Some((i, closing));
    }
}

/// The counter the `k`-th type's busy time goes to in interval `i` (the drain's when
/// `closing`).
#[inline]
fn target(c: &mut GroupCounters, k: usize, i: usize, closing: bool) -> &mut f64 {
    if closing {
        &mut c.overtime_s[k]
    } else {
        let n = c.intervals;
        &mut c.busy_s[k * n + i]
    }
}

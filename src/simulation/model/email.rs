//! Email: no abandonment, a backlog worked against a deadline. Emails wait in their
//! type's queue through the interval ends, closing hours and nights (nobody takes one
//! while the centre is closed, not even the drain's agents); the backlog is counted at
//! each interval's end, and what is still open at the end of the horizon (the last
//! closing) is reported as open, with its age, not as abandoned. An email still open
//! past its deadline counts against the service level.

use super::journey::Outcome;
use super::{Centre, DAY_S};
use crate::scenario::Channel;

impl Centre<'_> {
    /// Adds the emails waiting now to the backlog of interval `i` (its end is now).
    pub(super) fn record_backlog(&mut self, i: usize) {
        for t in &mut self.types {
            if t.spec.channel == Channel::Email {
                t.counters.intervals[i].backlog_end += u64::from(t.queue.waiting);
            }
        }
    }

    /// The emails still waiting at the end of the horizon: counted open by arrival
    /// interval, against the deadline, with the oldest's age; their journeys end open.
    pub(super) fn backlog_at_horizon(&mut self) {
        let last_day = f64::from(self.sc.simulation.days - 1) * DAY_S;
        let horizon = self.next_close(last_day);
        for t in &mut self.types {
            if t.spec.channel != Channel::Email {
                continue;
            }
            let deadline = t.spec.sl_threshold_s;
            while let Some(w) = t.queue.pop_any() {
                let age = horizon - w.contact.arrival_s;
                let c = &mut t.counters.intervals[w.contact.interval as usize];
                c.open_at_end += 1;
                c.open_past_deadline += u64::from(age > deadline);
                t.counters.oldest_open_s = t.counters.oldest_open_s.max(age);
                let mut journey = w.journey;
                journey.wait_s += age;
                t.end_journey(&journey, Outcome::StillOpen);
            }
        }
    }
}

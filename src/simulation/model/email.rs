//! Email: no abandonment, a backlog worked against a deadline. Emails wait in their
//! type's queue through the interval ends, closing hours and nights (nobody takes one
//! while the centre is closed, not even the drain's agents); the backlog is counted at
//! each interval's end, and what is still open at the end of the horizon (the last
//! closing) is reported as open, with its age, not as abandoned. An email still open
//! past its deadline counts against the service level; so does every email still open
//! when the deadline is longer than the whole horizon (from the first opening to the
//! last closing), since no email's deadline then falls inside it: the queue's starving
//! backlog would otherwise be left out and a plan that never answers it look perfect.

use super::journey::Outcome;
use super::{Centre, DAY_S};
use crate::scenario::{Channel, Scenario};

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
            // A deadline longer than the whole horizon falls after its end for every email:
            // the run can never show one answered in time, so one still open is late.
            let unjudgeable = deadline > horizon;
            while let Some(w) = t.queue.pop_any() {
                let age = horizon - w.contact.arrival_s;
                let c = &mut t.counters.intervals[w.contact.interval as usize];
                c.open_at_end += 1;
                c.open_past_deadline += u64::from(age > deadline);
                c.open_counted_late += u64::from(age > deadline || unjudgeable);
                t.counters.oldest_open_s = t.counters.oldest_open_s.max(age);
                let mut journey = w.journey;
                journey.wait_s += age;
                t.end_journey(&journey, Outcome::StillOpen);
            }
        }
    }
}

/// Seconds from the first opening to the last closing of `sc`'s horizon (as the model
/// closes it).
fn horizon_s(sc: &Scenario) -> f64 {
    let open_s = sc.intervals() as f64 * f64::from(sc.simulation.interval_minutes) * 60.0;
    f64::from(sc.simulation.days.max(1) - 1) * DAY_S + open_s.min(DAY_S)
}

/// A warning for each email type whose deadline is longer than the whole horizon: none
/// of its emails can be seen answered in time or not, so every one still open at the end
/// counts as late and the service level is a floor, not the deadline's figure.
pub fn deadline_warnings(sc: &Scenario) -> Vec<String> {
    let horizon = horizon_s(sc);
    sc.types
        .iter()
        .filter(|t| t.channel == Channel::Email && t.targets.sl_within_s > horizon)
        .map(|t| {
            format!(
                "email type \"{}\": its deadline ({} h) is longer than the horizon ({} h from \
                 the first opening to the last closing): every email still open at the end \
                 counts as late; simulate more days to judge the deadline itself",
                t.name,
                crate::limits::shown(t.targets.sl_within_s / 3600.0),
                crate::limits::shown(horizon / 3600.0)
            )
        })
        .collect()
}

//! Callbacks (virtual hold). An arriving caller who would wait is offered a callback when
//! the predicted wait exceeds the threshold. The predictor is the plain one a switch can
//! compute at once: (callers ahead + 1) × mean handle time ÷ agents on duty, i.e. the
//! queue ahead divided by the service rate of the agents on duty. It ignores abandonment
//! ahead (so it errs long, as real announcements do) and needs no history.
//!
//! Callbacks are served when no live caller waits, but ahead of live callers once less
//! than one mean handle time remains before the promised deadline. Only the live queue is
//! drained after closing; callbacks still owed wait for the next day's agents, and those
//! owed at the horizon are counted as pending.

use rand::Rng;

use super::{Centre, Contact, Event, Kind, Outcome, Parked, NO_SLOT};
use crate::model::Journey;

impl Centre<'_> {
    /// Offers a callback to a caller about to queue; true when it was accepted.
    pub(super) fn offer_callback(
        &mut self,
        now: f64,
        contact: &Contact,
        journey: &Journey,
    ) -> bool {
        let Some(cb) = &self.sc.callback else {
            return false;
        };
        let predicted_wait_s = if self.on_duty == 0 {
            f64::INFINITY
        } else {
            f64::from(self.waiting + 1) * self.sc.handling.mean_s() / f64::from(self.on_duty)
        };
        if predicted_wait_s <= cb.offer_when_wait_exceeds_s {
            return false;
        }
        let c = &mut self.counters.intervals[contact.interval as usize];
        c.callbacks_offered += 1;
        let accepts: f64 = self.streams.callback.random();
        if accepts >= cb.acceptance {
            return false;
        }
        c.callbacks_accepted += 1;
        if self.has_lines {
            self.lines_in_use -= 1;
        }
        let deadline_s = now + cb.promise_s;
        let slot = self.parked.park(Parked {
            contact: *contact,
            journey: *journey,
            kind: Kind::Fresh,
            attempts: 0,
            deadline_s,
        });
        self.insert_callback(deadline_s, slot);
        true
    }

    fn insert_callback(&mut self, deadline_s: f64, slot: u32) {
        let at = self.callbacks.partition_point(|(d, _)| *d <= deadline_s);
        self.callbacks.insert(at, (deadline_s, slot));
    }

    /// True when the earliest callback's promise is about to be broken.
    pub(super) fn callback_is_urgent(&self, now: f64) -> bool {
        !self.closing
            && self
                .callbacks
                .front()
                .is_some_and(|(d, _)| now >= d - self.sc.handling.mean_s())
    }

    /// An agent calls the earliest callback back.
    pub(super) fn call_back(&mut self, now: f64) {
        let cb = self
            .sc
            .callback
            .as_ref()
            .expect("callbacks only with [callback]");
        let (deadline_s, slot) = self.callbacks.pop_front().expect("a callback is owed");
        let p = self.parked.get_mut(slot);
        p.attempts += 1;
        let (attempts, interval) = (p.attempts, p.contact.interval as usize);
        let reached = self.streams.callback.random::<f64>() < cb.reach;
        self.integrate(now);
        self.busy += 1;
        let c = &mut self.counters.intervals[interval];
        c.callback_attempts += 1;
        if reached {
            c.callbacks_completed += 1;
            c.callbacks_within_promise += u64::from(now <= deadline_s);
            let p = self.parked.take(slot);
            let handle = p.contact.talk_s + p.contact.wrap_s;
            c.handle_s += handle;
            let mut journey = p.journey;
            journey.contacts += 1;
            let slot = self.after_handling(p.contact, journey);
            let end = Event::ServiceEnd {
                slot,
                holds_line: false,
            };
            self.events.schedule(now + handle, end);
            return;
        }
        let end = Event::ServiceEnd {
            slot: NO_SLOT,
            holds_line: false,
        };
        self.events.schedule(now + cb.unreached_attempt_s, end);
        if attempts >= cb.max_attempts {
            c.callbacks_failed += 1;
            let p = self.parked.take(slot);
            self.end_journey(&p.journey, Outcome::CallbackFailed);
            return;
        }
        let due = now + cb.retry_delay.sample(&mut self.streams.callback);
        match self.next_open(due) {
            Some(t) => self.events.schedule(t, Event::CallbackRetry { slot }),
            None => {
                self.counters.intervals[interval].callbacks_pending += 1;
                let p = self.parked.take(slot);
                self.counters.intervals[p.journey.fresh_interval as usize].carried_over += 1;
                self.end_journey(&p.journey, Outcome::StillOpen);
            }
        }
    }

    /// A callback retry is due: it rejoins the callback queue by its deadline.
    pub(super) fn callback_due(&mut self, now: f64, slot: u32) {
        let deadline_s = self.parked.get_mut(slot).deadline_s;
        self.insert_callback(deadline_s, slot);
        self.serve_queue(now);
    }

    /// Callbacks still owed when the horizon ends: pending, their journeys still open.
    pub(super) fn callbacks_pending_at_horizon(&mut self) {
        while let Some((_, slot)) = self.callbacks.pop_front() {
            let p = self.parked.take(slot);
            self.counters.intervals[p.contact.interval as usize].callbacks_pending += 1;
            self.end_journey(&p.journey, Outcome::StillOpen);
        }
    }
}

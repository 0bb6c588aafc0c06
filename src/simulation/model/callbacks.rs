//! Callbacks (virtual hold). An arriving caller who would wait is offered a callback when
//! the predicted wait exceeds the threshold. The predictor is the plain one a switch can
//! compute at once: (callers of the type ahead + 1) × the type's mean handle time ÷ the
//! agents on duty in the groups routed to it, i.e. the queue ahead divided by the service
//! rate of those agents. It ignores abandonment ahead (so it errs long, as real
//! announcements do) and needs no history.
//!
//! Callbacks are made by any group that serves the type, when no live caller it may
//! answer waits, but ahead of live callers once less than one mean handle time remains
//! before the promised deadline. Only the live queues are drained after closing;
//! callbacks still owed wait for the next day's agents, and those owed at the horizon
//! are counted as pending.

use rand::Rng;

use super::flow;
use super::{Centre, Contact, Event, Kind, Outcome, Parked, NO_SLOT};
use crate::model::Journey;

impl Centre<'_> {
    /// Offers a callback to a caller of type `t` about to queue; true when it was accepted.
    pub(super) fn offer_callback(
        &mut self,
        now: f64,
        t: usize,
        contact: &Contact,
        journey: &Journey,
    ) -> bool {
        let Some(cb) = self.types[t].spec.callback else {
            return false;
        };
        if cb.last_offer_before_close_s > 0.0
            && now + cb.last_offer_before_close_s > self.next_close(now)
        {
            return false;
        }
        let on_duty: u32 = self.types[t]
            .spec
            .routes
            .iter()
            .map(|r| self.groups[r.group].on_duty)
            .sum();
        let predicted_wait_s = if on_duty == 0 {
            f64::INFINITY
        } else {
            f64::from(self.types[t].queue.waiting + 1) * self.types[t].spec.handling.mean_s()
                / f64::from(on_duty)
        };
        if predicted_wait_s <= cb.offer_when_wait_exceeds_s {
            return false;
        }
        let ts = &mut self.types[t];
        let c = &mut ts.counters.intervals[contact.interval as usize];
        c.callbacks_offered += 1;
        let accepts: f64 = ts.streams.callback.random();
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
            ty: t as u16,
            attempts: 0,
            deadline_s,
        });
        self.insert_callback(t, deadline_s, slot);
        true
    }

    fn insert_callback(&mut self, t: usize, deadline_s: f64, slot: u32) {
        let callbacks = &mut self.types[t].callbacks;
        let at = callbacks.partition_point(|(d, _)| *d <= deadline_s);
        callbacks.insert(at, (deadline_s, slot));
        self.callbacks_owed += 1;
    }

    /// True when type `t`'s callbacks may be made now (while open, or in the drain when
    /// the drain's agents make them).
    #[inline]
    fn callbacks_made_now(&self, t: usize) -> bool {
        !self.closing
            || self.types[t]
                .spec
                .callback
                .is_some_and(|cb| cb.make_during_drain)
    }

    /// The type served by group `g` whose earliest callback promise is about to be broken.
    #[inline]
    pub(super) fn urgent_callback(&self, now: f64, g: usize) -> Option<usize> {
        if self.callbacks_owed == 0 {
            return None;
        }
        self.groups[g]
            .spec
            .serves
            .iter()
            .filter(|&&t| self.callbacks_made_now(t))
            .filter_map(|&t| {
                let (d, _) = *self.types[t].callbacks.front()?;
                (now >= d - self.types[t].spec.handling.mean_s()).then_some((t, d))
            })
            .fold(None, |best: Option<(usize, f64)>, (t, d)| match best {
                Some((_, b)) if b <= d => best,
                _ => Some((t, d)),
            })
            .map(|(t, _)| t)
    }

    /// The type served by group `g` with the earliest callback deadline, if any is owed.
    pub(super) fn earliest_callback(&self, g: usize) -> Option<usize> {
        if self.callbacks_owed == 0 {
            return None;
        }
        self.groups[g]
            .spec
            .serves
            .iter()
            .filter(|&&t| self.callbacks_made_now(t))
            .filter_map(|&t| self.types[t].callbacks.front().map(|&(d, _)| (t, d)))
            .fold(None, |best: Option<(usize, f64)>, (t, d)| match best {
                Some((_, b)) if b <= d => best,
                _ => Some((t, d)),
            })
            .map(|(t, _)| t)
    }

    /// An agent of group `g` calls back the earliest callback of type `t`.
    pub(super) fn call_back(&mut self, now: f64, g: usize, t: usize) {
        let cb = self.types[t]
            .spec
            .callback
            .expect("callbacks only with [callback]");
        let (deadline_s, slot) = self.types[t]
            .callbacks
            .pop_front()
            .expect("a callback is owed");
        self.callbacks_owed -= 1;
        let p = self.parked.get_mut(slot);
        p.attempts += 1;
        let (attempts, interval) = (p.attempts, p.contact.interval as usize);
        let reached = self.types[t].streams.callback.random::<f64>() < cb.reach;
        self.integrate(now);
        let k = self.groups[g].spec.local(t);
        self.groups[g].start(k);
        self.agents_changed(g);
        let c = &mut self.types[t].counters.intervals[interval];
        c.callback_attempts += 1;
        if reached {
            c.callbacks_completed += 1;
            c.callbacks_within_promise += u64::from(now <= deadline_s);
            let p = self.parked.take(slot);
            let handle = p.contact.talk_s + p.contact.wrap_s;
            c.handle_s += handle;
            let mut journey = p.journey;
            journey.contacts += 1;
            let slot =
                flow::after_handling(&mut self.types[t], &mut self.parked, t, p.contact, journey);
            let end = Event::ServiceEnd {
                slot,
                group: g as u16,
                served: k as u16,
                holds_line: false,
            };
            self.events.schedule(now + handle, end);
            return;
        }
        let end = Event::ServiceEnd {
            slot: NO_SLOT,
            group: g as u16,
            served: k as u16,
            holds_line: false,
        };
        self.events.schedule(now + cb.unreached_attempt_s, end);
        if attempts >= cb.max_attempts {
            c.callbacks_failed += 1;
            let p = self.parked.take(slot);
            self.types[t].end_journey(&p.journey, Outcome::CallbackFailed);
            return;
        }
        let due = now + cb.retry_delay.sample(&mut self.types[t].streams.callback);
        // The drain's agents make retries whenever they fall due; otherwise a retry due
        // while closed waits for the next opening.
        let when = if cb.make_during_drain {
            Some(due)
        } else {
            self.next_open(due)
        };
        match when {
            Some(time) => self.events.schedule(time, Event::CallbackRetry { slot }),
            None => {
                self.types[t].counters.intervals[interval].callbacks_pending += 1;
                let p = self.parked.take(slot);
                self.types[t].counters.intervals[p.journey.fresh_interval as usize].carried_over +=
                    1;
                self.types[t].end_journey(&p.journey, Outcome::StillOpen);
            }
        }
    }

    /// A callback retry is due: it rejoins its type's callback queue by its deadline.
    pub(super) fn callback_due(&mut self, now: f64, slot: u32) {
        let p = self.parked.get_mut(slot);
        let (t, deadline_s) = (usize::from(p.ty), p.deadline_s);
        self.insert_callback(t, deadline_s, slot);
        self.serve_all(now);
    }

    /// Callbacks still owed when the horizon ends: pending, their journeys still open.
    pub(super) fn callbacks_pending_at_horizon(&mut self) {
        for t in 0..self.types.len() {
            while let Some((_, slot)) = self.types[t].callbacks.pop_front() {
                self.callbacks_owed -= 1;
                let p = self.parked.take(slot);
                self.types[t].counters.intervals[p.contact.interval as usize].callbacks_pending +=
                    1;
                self.types[t].end_journey(&p.journey, Outcome::StillOpen);
            }
        }
    }
}

//! The start of a replication: every type's streams, queue and arrival clock, every
//! group's agents, back to an empty centre, and the first arrival of each type drawn.

use super::{Centre, Event, Streams};

impl Centre<'_> {
    /// Back to an empty centre, ready for replication `replication`.
    pub(super) fn reset(&mut self, replication: u32) {
        let seed = self.sc.simulation.seed;
        self.events.clear();
        self.parked.clear();
        if let Some(log) = &mut self.log {
            log.clear();
        }
        self.clear_days();
        let shared = self.shared_days.draw(seed, replication);
        for (k, t) in self.types.iter_mut().enumerate() {
            t.streams = Streams::for_type(seed, replication, k);
            t.queue.clear();
            t.callbacks.clear();
            t.counters.reset();
            t.arrivals.reset(&mut t.streams.arrivals, shared);
        }
        for g in &mut self.groups {
            g.reset();
        }
        self.flat_time.reset();
        self.lines_in_use = 0;
        self.callbacks_owed = 0;
        self.closing = false;
        self.clock_interval = 0;
        self.last_change_s = 0.0;
        self.events.schedule(
            0.0,
            Event::IntervalStart {
                day: 0,
                interval: 0,
            },
        );
        for t in 0..self.types.len() {
            self.schedule_next_arrival(t);
        }
    }

    /// Draws type `t`'s next fresh arrival and finds the earliest of all types.
    #[inline(always)]
    pub(super) fn schedule_next_arrival(&mut self, t: usize) {
        if let [one] = &mut self.types[..] {
            // One type: its next arrival is the centre's (the one-queue hot path, drawn
            // in place rather than through a call).
            let next = match one.arrivals.next(&mut one.streams.arrivals) {
                Some((time, interval, _day)) => (time, interval as u32, 0),
                None => (f64::INFINITY, 0, 0),
            };
            self.next_arrival = next;
            return;
        }
        self.schedule_next_arrival_of_many(t);
    }

    /// [`Centre::schedule_next_arrival`] with several types.
    #[inline(never)]
    fn schedule_next_arrival_of_many(&mut self, t: usize) {
        let ts = &mut self.types[t];
        let next = match ts.arrivals.next(&mut ts.streams.arrivals) {
            Some((time, interval, _day)) => (time, interval as u32),
            None => (f64::INFINITY, 0),
        };
        self.types[t].next_arrival = next;
        let k = self.earliest.update(t, next.0);
        let (time, interval) = self.types[k].next_arrival;
        self.next_arrival = (time, interval, k as u16);
    }
}

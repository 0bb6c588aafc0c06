//! The planned day: staffing changes at each interval boundary, opening hours end, and
//! the drain after the last interval, when callers nobody is left to answer are cut off.

use super::{Centre, Event, DAY_S};

impl Centre<'_> {
    pub(super) fn start_interval(&mut self, now: f64, day: u32, interval: u32) {
        if day > 0 || interval > 0 {
            // The one before it is done; the last one is counted when the run ends.
            self.interval_done();
        }
        self.integrate(now);
        self.flush_agent_time();
        if self.has_email {
            // This start is the previous interval's end (a 24-hour day's first one too).
            if interval > 0 {
                self.record_backlog(interval as usize - 1);
            } else if day > 0 && self.contiguous_days {
                self.record_backlog(self.intervals - 1);
            }
        }
        if interval == 0 && day > 0 {
            self.end_of_day();
        }
        self.closing = false;
        let i = interval as usize;
        self.clock_interval = i;
        let absence_key = self.types[0].streams.absence_key;
        // Closed by the calendar: nobody on duty, nobody paid.
        let open = self.open_interval(day, i);
        for g in &mut self.groups {
            match &g.spec.by_day {
                None if !open => g.on_duty = 0,
                None => {
                    g.on_duty = g.spec.productive[i];
                    g.counters.paid_s[i] += g.spec.paid_s[i];
                }
                Some(r) => {
                    if i == 0 {
                        r.fill_day(day, absence_key, &mut g.scratch, &mut g.today);
                    }
                    g.on_duty = if open { g.today[i] } else { 0 };
                    if open {
                        g.counters.paid_s[i] += r.paid_s(day, i);
                    }
                }
            }
        }
        for g in 0..self.groups.len() {
            self.agents_changed(g);
        }
        self.attach_agent_time();
        if !open {
            // The centre has closed: callers still waiting hear the closed message.
            for t in 0..self.types.len() {
                self.cut_off_queue(now, t);
            }
        }
        let n = self.intervals as u32;
        let boundary = f64::from(day) * DAY_S + f64::from(interval + 1) * self.interval_s;
        let more_days = day + 1 < self.sc.simulation.days;
        if interval + 1 < n {
            let next = Event::IntervalStart {
                day,
                interval: interval + 1,
            };
            self.events.schedule(boundary, next);
        } else if self.contiguous_days && more_days {
            // A 24-hour day flows straight into the next one: no closing, no drain.
            let next = Event::IntervalStart {
                day: day + 1,
                interval: 0,
            };
            self.events.schedule(boundary, next);
        } else {
            self.events.schedule(boundary, Event::Close);
            if more_days {
                let next = Event::IntervalStart {
                    day: day + 1,
                    interval: 0,
                };
                self.events.schedule(f64::from(day + 1) * DAY_S, next);
            }
        }
        self.serve_all(now);
    }

    pub(super) fn close(&mut self, now: f64) {
        self.integrate(now);
        self.flush_agent_time();
        self.closing = true;
        self.attach_agent_time();
        if self.has_email {
            self.record_backlog(self.intervals - 1);
        }
        for t in 0..self.types.len() {
            let staffed = self.types[t]
                .spec
                .routes
                .iter()
                .any(|r| self.groups[r.group].on_duty > 0);
            if !staffed {
                self.cut_off_queue(now, t);
            }
        }
        if self.drain_makes_callbacks {
            // Idle agents of the drain start on the callbacks still owed.
            self.serve_all(now);
        }
    }

    /// Nobody is left to answer type `t`: its callers still waiting are cut off (counted
    /// as abandoned). Emails stay in their backlog (`email.rs`).
    pub(super) fn cut_off_queue(&mut self, now: f64, t: usize) {
        if self.types[t].spec.channel == crate::scenario::Channel::Email {
            return;
        }
        while let Some(w) = self.types[t].queue.pop_any() {
            if w.live {
                if let Some(timer) = w.timer {
                    self.events.cancel(timer);
                }
                let mut journey = w.journey;
                self.record_abandon(now, t, &w.contact, &mut journey);
                self.lost(now, t, journey, false);
            }
        }
    }
}

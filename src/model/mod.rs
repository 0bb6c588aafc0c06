//! The contact centre: one FIFO queue of calls through the planned day, and the customer
//! journeys around it.
//!
//! ```text
//!  fresh ──► self-service ──contained──► deflected
//!    │            │ failed (after its time, longer handling, shorter patience)
//!    ▼            ▼
//!  queue arrival ──lines full──► blocked ──► redial later? / gave up
//!    ├─ agent free ──► handling ──► resolved? ──no──► repeat later? / unresolved
//!    ├─ long predicted wait ──► callback accepted ──► callback queue ──► agent calls back
//!    └─ FIFO queue ──patience ran out──► abandoned ──► redial later? / gave up
//! ```
//!
//! Productive agents change at interval boundaries; an agent leaving finishes the
//! contact in hand (agents are counted, not named). After the last interval no contact
//! arrives and the last interval's agents drain the live queue, paid as overtime.
//! Future contacts due while the centre is closed come at the next opening; those due
//! after the horizon are counted as carried over. The model reads only a validated
//! [`Scenario`] and writes only [`ReplicationCounters`].

mod arrivals;
mod callbacks;
mod journey;
mod streams;

use std::collections::VecDeque;

use rand::Rng;

use crate::engine::{EventQueue, Timer};
use crate::metrics::ReplicationCounters;
use crate::scenario::Scenario;
pub use journey::{score, Journey, Outcome};
pub use streams::{stream, Purpose, Stream, Streams};

use arrivals::ArrivalClock;
use journey::Slab;

const DAY_S: f64 = 86_400.0;
/// Marks an event that concerns no parked journey.
const NO_SLOT: u32 = u32::MAX;

/// The closed set of things that happen in the centre.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Event {
    /// A contact parked in `slot` reaches the queue after failing self-service.
    ReachQueue { slot: u32 },
    /// A redial or repeat contact parked in `slot` arrives.
    Inbound { slot: u32 },
    /// An agent finishes a contact; `slot` holds its journey when resolution is modelled.
    ServiceEnd { slot: u32, holds_line: bool },
    /// A caller hangs up the trunk line at the end of talk, before wrap-up.
    LineRelease,
    /// The caller at this queue position runs out of patience.
    Abandon { position: u64 },
    /// A callback parked in `slot` is due for another attempt.
    CallbackRetry { slot: u32 },
    /// Interval `interval` of day `day` starts: staffing changes.
    IntervalStart { day: u32, interval: u32 },
    /// Opening hours end: no more fresh arrivals, the drain begins.
    Close,
}

/// Whether an offered contact is fresh, a redial or a repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Fresh,
    Redial,
    Repeat,
}

/// One contact's own draws and where its statistics go.
#[derive(Debug, Clone, Copy)]
struct Contact {
    /// When it reached the queue (waits are measured from here).
    arrival_s: f64,
    talk_s: f64,
    wrap_s: f64,
    /// Infinite when nobody abandons.
    patience_s: f64,
    /// Interval of the day it was offered in.
    interval: u32,
}

/// A caller in the live queue.
#[derive(Debug, Clone, Copy)]
struct Waiting {
    contact: Contact,
    journey: Journey,
    timer: Option<Timer>,
    live: bool,
}

/// A journey waiting for a future event, with its current contact.
#[derive(Debug, Clone, Copy)]
struct Parked {
    contact: Contact,
    journey: Journey,
    kind: Kind,
    /// Callbacks: attempts made and the promised deadline.
    attempts: u32,
    deadline_s: f64,
}

/// A reusable simulator of one scenario: create once per worker, run many replications.
pub struct Centre<'a> {
    sc: &'a Scenario,
    productive: Vec<u32>,
    paid_s: Vec<f64>,
    interval_s: f64,
    open_s: f64,
    sl_threshold_s: f64,
    contiguous_days: bool,
    has_lines: bool,
    events: EventQueue<Event>,
    queue: VecDeque<Waiting>,
    /// Queue position of `queue[0]`: positions never repeat within a replication.
    head_position: u64,
    waiting: u32,
    busy: u32,
    on_duty: u32,
    lines_in_use: u32,
    closing: bool,
    clock_interval: usize,
    last_change_s: f64,
    arrivals: ArrivalClock,
    /// The next fresh arrival (time, interval), kept outside the event heap.
    next_arrival: (f64, u32),
    parked: Slab<Parked>,
    /// Callbacks owed, as (deadline, slot), sorted by deadline.
    callbacks: VecDeque<(f64, u32)>,
    streams: Streams,
    counters: ReplicationCounters,
}

impl<'a> Centre<'a> {
    /// A centre ready to simulate `scenario`.
    pub fn new(scenario: &'a Scenario) -> Self {
        let n = scenario.intervals();
        let interval_s = scenario.simulation.interval_s();
        let open_s = n as f64 * interval_s;
        Centre {
            sc: scenario,
            productive: (0..n).map(|i| scenario.staffing.productive(i)).collect(),
            paid_s: scenario
                .staffing
                .paid
                .iter()
                .map(|p| f64::from(*p) * interval_s)
                .collect(),
            interval_s,
            open_s,
            sl_threshold_s: scenario.targets.sl_within_s,
            contiguous_days: open_s >= DAY_S,
            has_lines: scenario.staffing.lines.is_some(),
            events: EventQueue::new(),
            queue: VecDeque::with_capacity(256),
            head_position: 0,
            waiting: 0,
            busy: 0,
            on_duty: 0,
            lines_in_use: 0,
            closing: false,
            clock_interval: 0,
            last_change_s: 0.0,
            arrivals: ArrivalClock::new(
                &scenario.arrivals.volumes,
                interval_s,
                DAY_S,
                scenario.simulation.days,
                scenario.arrivals.day_cv,
            ),
            next_arrival: (f64::INFINITY, 0),
            parked: Slab::default(),
            callbacks: VecDeque::new(),
            streams: Streams::new(scenario.simulation.seed, 0),
            counters: ReplicationCounters::new(n),
        }
    }

    /// Simulates replication `replication` (all its days) and returns what it counted.
    pub fn run(&mut self, replication: u32) -> &ReplicationCounters {
        self.reset(replication);
        loop {
            // Fresh arrivals come from their own clock, merged with the heap in time order:
            // one push and pop per call saved, on the hottest path.
            let Some((now, event)) = self.events.pop_until(self.next_arrival.0) else {
                let (now, interval) = self.next_arrival;
                if now.is_infinite() {
                    break;
                }
                self.events.advance_to(now);
                self.fresh_arrival(now, interval);
                self.schedule_next_arrival();
                continue;
            };
            match event {
                Event::ReachQueue { slot } => {
                    let p = self.parked.take(slot);
                    self.reach_queue(now, p.contact, p.journey);
                }
                Event::Inbound { slot } => self.inbound(now, slot),
                Event::ServiceEnd { slot, holds_line } => self.service_end(now, slot, holds_line),
                Event::LineRelease => self.lines_in_use -= 1,
                Event::Abandon { position } => self.abandon(now, position),
                Event::CallbackRetry { slot } => self.callback_due(now, slot),
                Event::IntervalStart { day, interval } => self.start_interval(now, day, interval),
                Event::Close => self.close(now),
            }
        }
        let end = self.events.now();
        self.cut_off_queue(end);
        self.callbacks_pending_at_horizon();
        debug_assert!(self.parked.is_empty(), "every parked journey ended");
        self.counters.days = self.sc.simulation.days;
        &self.counters
    }

    fn reset(&mut self, replication: u32) {
        self.streams = Streams::new(self.sc.simulation.seed, replication);
        self.events.clear();
        self.queue.clear();
        self.parked.clear();
        self.callbacks.clear();
        self.head_position = 0;
        self.waiting = 0;
        self.busy = 0;
        self.on_duty = 0;
        self.lines_in_use = 0;
        self.closing = false;
        self.clock_interval = 0;
        self.last_change_s = 0.0;
        self.counters.reset();
        self.arrivals.reset(&mut self.streams.arrivals);
        self.events.schedule(
            0.0,
            Event::IntervalStart {
                day: 0,
                interval: 0,
            },
        );
        self.schedule_next_arrival();
    }

    fn schedule_next_arrival(&mut self) {
        self.next_arrival = match self.arrivals.next(&mut self.streams.arrivals) {
            Some((t, interval, _day)) => (t, interval as u32),
            None => (f64::INFINITY, 0),
        };
    }

    /// The interval of the day that contains time `t` (clamped to the day's intervals).
    fn interval_of(&self, t: f64) -> u32 {
        let in_day = t - (t / DAY_S).floor() * DAY_S;
        ((in_day / self.interval_s) as usize).min(self.productive.len() - 1) as u32
    }

    /// When a contact due at `t` can come: `t` while open, else the next opening, or
    /// `None` after the horizon.
    fn next_open(&self, t: f64) -> Option<f64> {
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

    /// Accumulates agent time up to `now`; call before `busy` or `on_duty` changes.
    #[inline]
    fn integrate(&mut self, now: f64) {
        let dt = now - self.last_change_s;
        if dt > 0.0 {
            let busy = f64::from(self.busy);
            if self.closing {
                self.counters.overtime_agent_s += busy * dt;
            } else {
                let c = &mut self.counters.intervals[self.clock_interval];
                c.busy_agent_s += busy * dt;
                c.productive_agent_s += f64::from(self.on_duty.max(self.busy)) * dt;
            }
            self.last_change_s = now;
        }
    }

    /// Draws a new contact's handle time and patience from their own streams.
    #[inline]
    fn draw_contact(&mut self, now: f64, interval: u32) -> Contact {
        let h = &self.sc.handling;
        let talk_s = h.time.sample(&mut self.streams.handling);
        let wrap_s = h
            .wrap_up
            .as_ref()
            .map_or(0.0, |w| w.sample(&mut self.streams.handling));
        let patience_s = self
            .sc
            .patience
            .as_ref()
            .map_or(f64::INFINITY, |p| p.sample(&mut self.streams.patience));
        Contact {
            arrival_s: now,
            talk_s,
            wrap_s,
            patience_s,
            interval,
        }
    }

    fn fresh_arrival(&mut self, now: f64, interval: u32) {
        // Every fresh contact draws its handle time and patience here, whatever happens
        // to it, so that the same seed gives every scenario the same callers.
        let mut contact = self.draw_contact(now, interval);
        let noise_z = journey::draw_noise(
            self.sc.satisfaction.noise_sd,
            &mut self.streams.satisfaction,
        );
        let mut journey = Journey::new(interval, noise_z);
        let c = &mut self.counters.intervals[interval as usize];
        c.offered += 1;
        if let Some(ss) = &self.sc.self_service {
            let tries: f64 = self.streams.self_service.random();
            let contained: f64 = self.streams.self_service.random();
            let time_s = ss.time.sample(&mut self.streams.self_service);
            if tries < ss.offered_share {
                c.self_service_sessions += 1;
                if contained < ss.containment {
                    c.deflected += 1;
                    self.end_journey(&journey, Outcome::Deflected);
                    return;
                }
                journey.self_service_failed = true;
                contact.talk_s *= ss.failed_handle_factor;
                contact.wrap_s *= ss.failed_handle_factor;
                contact.patience_s *= ss.failed_patience_factor;
                let slot = self.parked.park(Parked {
                    contact,
                    journey,
                    kind: Kind::Fresh,
                    attempts: 0,
                    deadline_s: 0.0,
                });
                self.events
                    .schedule(now + time_s, Event::ReachQueue { slot });
                return;
            }
        }
        self.reach_queue(now, contact, journey);
    }

    /// A redial or repeat contact arrives: a new offered contact of the same journey.
    fn inbound(&mut self, now: f64, slot: u32) {
        let p = self.parked.take(slot);
        let interval = self.interval_of(now);
        let contact = self.draw_contact(now, interval);
        let mut journey = p.journey;
        journey.contacts += 1;
        let c = &mut self.counters.intervals[interval as usize];
        c.offered += 1;
        match p.kind {
            Kind::Redial => {
                c.redials += 1;
                journey.attempts += 1;
            }
            Kind::Repeat => {
                c.repeats += 1;
                journey.attempts = 1;
            }
            Kind::Fresh => unreachable!("fresh contacts arrive through the arrival clock"),
        }
        self.reach_queue(now, contact, journey);
    }

    fn reach_queue(&mut self, now: f64, mut contact: Contact, journey: Journey) {
        contact.arrival_s = now;
        let c = &mut self.counters.intervals[contact.interval as usize];
        if let Some(lines) = self.sc.staffing.lines {
            if self.lines_in_use >= lines {
                c.blocked += 1;
                self.lost(now, journey);
                return;
            }
            self.lines_in_use += 1;
        }
        if self.busy < self.on_duty {
            self.begin_service(now, contact, journey);
            return;
        }
        c.delayed += 1;
        if self.offer_callback(now, &contact, &journey) {
            return;
        }
        let position = self.head_position + self.queue.len() as u64;
        let timer = contact.patience_s.is_finite().then(|| {
            self.events
                .schedule_cancellable(now + contact.patience_s, Event::Abandon { position })
        });
        self.queue.push_back(Waiting {
            contact,
            journey,
            timer,
            live: true,
        });
        self.waiting += 1;
    }

    fn begin_service(&mut self, now: f64, contact: Contact, mut journey: Journey) {
        let wait = now - contact.arrival_s;
        let handle = contact.talk_s + contact.wrap_s;
        let c = &mut self.counters.intervals[contact.interval as usize];
        c.answered += 1;
        c.answered_within += u64::from(wait <= self.sl_threshold_s);
        c.wait_answered_s += wait;
        c.handle_s += handle;
        journey.wait_s += wait;
        self.integrate(now);
        self.busy += 1;
        let slot = self.after_handling(contact, journey);
        let with_wrap = self.has_lines && self.sc.handling.wrap_up.is_some();
        self.events.schedule(
            now + handle,
            Event::ServiceEnd {
                slot,
                holds_line: self.has_lines && !with_wrap,
            },
        );
        if with_wrap {
            self.events
                .schedule(now + contact.talk_s, Event::LineRelease);
        }
    }

    /// Without `[resolution]` a handled contact is resolved and its journey ends now;
    /// with it, the journey waits in a slot for the end of handling.
    fn after_handling(&mut self, contact: Contact, journey: Journey) -> u32 {
        if self.sc.resolution.is_none() {
            self.counters.intervals[contact.interval as usize].resolved_at_contact += 1;
            self.end_journey(&journey, Outcome::Resolved);
            NO_SLOT
        } else {
            self.parked.park(Parked {
                contact,
                journey,
                kind: Kind::Repeat,
                attempts: 0,
                deadline_s: 0.0,
            })
        }
    }

    fn service_end(&mut self, now: f64, slot: u32, holds_line: bool) {
        self.integrate(now);
        self.busy -= 1;
        if holds_line {
            self.lines_in_use -= 1;
        }
        if slot != NO_SLOT {
            self.resolve(now, slot);
        }
        self.serve_queue(now);
    }

    /// First-contact resolution: resolved, back later as a repeat, or left unresolved.
    fn resolve(&mut self, now: f64, slot: u32) {
        let r = self
            .sc
            .resolution
            .as_ref()
            .expect("slots only with [resolution]");
        let resolved: f64 = self.streams.resolution.random();
        let repeats: f64 = self.streams.resolution.random();
        let p = self.parked.take(slot);
        if resolved < r.fcr {
            self.counters.intervals[p.contact.interval as usize].resolved_at_contact += 1;
            self.end_journey(&p.journey, Outcome::Resolved);
        } else if repeats < r.repeat_probability {
            let delay = r.repeat_delay.sample(&mut self.streams.resolution);
            self.come_back(now + delay, Kind::Repeat, p.journey);
        } else {
            self.end_journey(&p.journey, Outcome::Unresolved);
        }
    }

    /// Free agents take urgent callbacks, then live callers, then other callbacks.
    fn serve_queue(&mut self, now: f64) {
        while self.busy < self.on_duty {
            if self.callback_is_urgent(now) {
                self.call_back(now);
            } else if self.waiting > 0 {
                let w = self
                    .queue
                    .pop_front()
                    .expect("waiting > 0 means a live caller is queued");
                self.head_position += 1;
                if !w.live {
                    continue;
                }
                if let Some(t) = w.timer {
                    self.events.cancel(t);
                }
                self.waiting -= 1;
                self.begin_service(now, w.contact, w.journey);
            } else if !self.closing && !self.callbacks.is_empty() {
                self.call_back(now);
            } else {
                break;
            }
        }
    }

    fn abandon(&mut self, now: f64, position: u64) {
        let idx = (position - self.head_position) as usize;
        let w = &mut self.queue[idx];
        debug_assert!(w.live, "a cancelled patience timer fired");
        w.live = false;
        let (contact, mut journey) = (w.contact, w.journey);
        self.record_abandon(now, &contact, &mut journey);
        while self.queue.front().is_some_and(|w| !w.live) {
            self.queue.pop_front();
            self.head_position += 1;
        }
        self.lost(now, journey);
    }

    fn record_abandon(&mut self, now: f64, contact: &Contact, journey: &mut Journey) {
        let wait = now - contact.arrival_s;
        let c = &mut self.counters.intervals[contact.interval as usize];
        c.abandoned += 1;
        c.wait_abandoned_s += wait;
        journey.wait_s += wait;
        journey.abandonments += 1;
        self.waiting -= 1;
        if self.has_lines {
            self.lines_in_use -= 1;
        }
    }

    /// After an abandonment or a busy signal: a redial later, or the customer gives up.
    fn lost(&mut self, now: f64, journey: Journey) {
        if let Some(r) = &self.sc.redial {
            let again: f64 = self.streams.redial.random();
            let delay = r.delay.sample(&mut self.streams.redial);
            if again < r.probability && u32::from(journey.attempts) < r.max_attempts {
                self.come_back(now + delay, Kind::Redial, journey);
                return;
            }
        }
        self.end_journey(&journey, Outcome::GaveUp);
    }

    /// Schedules a redial or repeat for `due` (or the next opening), or counts it as
    /// carried over past the horizon.
    fn come_back(&mut self, due: f64, kind: Kind, journey: Journey) {
        match self.next_open(due) {
            Some(t) => {
                let contact = Contact {
                    arrival_s: t,
                    talk_s: 0.0,
                    wrap_s: 0.0,
                    patience_s: 0.0,
                    interval: 0,
                };
                let slot = self.parked.park(Parked {
                    contact,
                    journey,
                    kind,
                    attempts: 0,
                    deadline_s: 0.0,
                });
                self.events.schedule(t, Event::Inbound { slot });
            }
            None => {
                self.counters.intervals[journey.fresh_interval as usize].carried_over += 1;
                self.end_journey(&journey, Outcome::StillOpen);
            }
        }
    }

    /// Scores a finished journey and records it by its fresh interval.
    fn end_journey(&mut self, journey: &Journey, outcome: Outcome) {
        let s = &self.sc.satisfaction;
        let raw = journey.raw_score(outcome, s);
        let score = score(raw, s.noise_sd, journey.noise_z);
        let c = &mut self.counters.intervals[journey.fresh_interval as usize].journeys;
        journey::record(c, journey, outcome, score);
    }

    fn start_interval(&mut self, now: f64, day: u32, interval: u32) {
        self.integrate(now);
        self.closing = false;
        let i = interval as usize;
        self.clock_interval = i;
        self.on_duty = self.productive[i];
        self.counters.intervals[i].paid_agent_s += self.paid_s[i];
        let n = self.productive.len() as u32;
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
        self.serve_queue(now);
    }

    fn close(&mut self, now: f64) {
        self.integrate(now);
        self.closing = true;
        if self.on_duty == 0 {
            self.cut_off_queue(now);
        }
    }

    /// Nobody is left to answer: callers still waiting are cut off (counted as abandoned).
    fn cut_off_queue(&mut self, now: f64) {
        while let Some(w) = self.queue.pop_front() {
            self.head_position += 1;
            if w.live {
                if let Some(t) = w.timer {
                    self.events.cancel(t);
                }
                let mut journey = w.journey;
                self.record_abandon(now, &w.contact, &mut journey);
                self.lost(now, journey);
            }
        }
    }
}

/// Simulates one replication of `scenario` from scratch (convenience for tests).
pub fn simulate_replication(scenario: &Scenario, replication: u32) -> ReplicationCounters {
    Centre::new(scenario).run(replication).clone()
}

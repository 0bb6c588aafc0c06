//! The contact centre: one FIFO queue of calls through the planned day.
//!
//! ```text
//!  arrival ──lines full──► blocked
//!     │
//!     ├─ agent free ──► handling (talk + wrap-up) ──► done
//!     └─ queue (FIFO, carried across intervals) ──patience ran out──► abandoned
//!                 └────────── agent frees up ─────────► handling
//! ```
//!
//! Productive agents change at interval boundaries; an agent leaving finishes the
//! contact in hand (agents are counted, not named: one leaves whenever a contact ends
//! while more are busy than are on duty). After the last interval no contact arrives and
//! the last interval's agents drain the queue, paid as overtime. The model reads only a
//! validated [`Scenario`] and writes only [`ReplicationCounters`].

mod arrivals;
mod streams;

use std::collections::VecDeque;

use crate::dist::Duration;
use crate::engine::{EventQueue, Timer};
use crate::metrics::ReplicationCounters;
use crate::scenario::Scenario;
pub use streams::{stream, Purpose, Stream, Streams};

use arrivals::ArrivalClock;

const DAY_S: f64 = 86_400.0;

/// The closed set of things that happen in the centre.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Event {
    /// The next fresh contact arrives, in this interval of the day.
    Arrival { interval: u32 },
    /// An agent finishes a contact (talk and wrap-up).
    ServiceEnd,
    /// A caller hangs up the trunk line at the end of talk, before wrap-up.
    LineRelease,
    /// The caller at this queue position runs out of patience.
    Abandon { position: u64 },
    /// Interval `interval` of day `day` starts: staffing changes.
    IntervalStart { day: u32, interval: u32 },
    /// Opening hours end: no more arrivals, the drain begins.
    Close,
}

/// A caller in the queue.
#[derive(Debug, Clone, Copy)]
struct Waiting {
    arrival_s: f64,
    talk_s: f64,
    wrap_s: f64,
    interval: u32,
    timer: Option<Timer>,
    live: bool,
}

/// A reusable simulator of one scenario: create once per worker, run many replications.
pub struct Centre<'a> {
    scenario: &'a Scenario,
    productive: Vec<u32>,
    paid_s: Vec<f64>,
    interval_s: f64,
    sl_threshold_s: f64,
    contiguous_days: bool,
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
    counters: ReplicationCounters,
}

impl<'a> Centre<'a> {
    /// A centre ready to simulate `scenario`.
    pub fn new(scenario: &'a Scenario) -> Self {
        let n = scenario.intervals();
        let interval_s = scenario.simulation.interval_s();
        let open_s = n as f64 * interval_s;
        Centre {
            scenario,
            productive: (0..n).map(|i| scenario.staffing.productive(i)).collect(),
            paid_s: scenario
                .staffing
                .paid
                .iter()
                .map(|p| f64::from(*p) * interval_s)
                .collect(),
            interval_s,
            sl_threshold_s: scenario.targets.sl_within_s,
            contiguous_days: open_s >= DAY_S,
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
            counters: ReplicationCounters::new(n),
        }
    }

    /// Simulates replication `replication` (all its days) and returns what it counted.
    pub fn run(&mut self, replication: u32) -> &ReplicationCounters {
        let mut streams = Streams::new(self.scenario.simulation.seed, replication);
        self.reset(&mut streams);
        while let Some((now, event)) = self.events.pop() {
            match event {
                Event::Arrival { interval } => {
                    self.arrive(now, interval, &mut streams);
                    self.schedule_next_arrival(&mut streams);
                }
                Event::ServiceEnd => {
                    self.integrate(now);
                    self.busy -= 1;
                    if self.scenario.staffing.lines.is_some()
                        && self.scenario.handling.wrap_up.is_none()
                    {
                        self.lines_in_use -= 1;
                    }
                    self.serve_queue(now);
                }
                Event::LineRelease => self.lines_in_use -= 1,
                Event::Abandon { position } => self.abandon(now, position),
                Event::IntervalStart { day, interval } => self.start_interval(now, day, interval),
                Event::Close => self.close(now),
            }
        }
        self.counters.days = self.scenario.simulation.days;
        &self.counters
    }

    fn reset(&mut self, streams: &mut Streams) {
        self.events.clear();
        self.queue.clear();
        self.head_position = 0;
        self.waiting = 0;
        self.busy = 0;
        self.on_duty = 0;
        self.lines_in_use = 0;
        self.closing = false;
        self.clock_interval = 0;
        self.last_change_s = 0.0;
        self.counters.reset();
        self.arrivals.reset(&mut streams.arrivals);
        self.events.schedule(
            0.0,
            Event::IntervalStart {
                day: 0,
                interval: 0,
            },
        );
        self.schedule_next_arrival(streams);
    }

    fn schedule_next_arrival(&mut self, streams: &mut Streams) {
        if let Some((t, interval, _day)) = self.arrivals.next(&mut streams.arrivals) {
            self.events.schedule(
                t,
                Event::Arrival {
                    interval: interval as u32,
                },
            );
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

    fn arrive(&mut self, now: f64, interval: u32, streams: &mut Streams) {
        // Every arrival draws its handle time and patience, served or not, so that the
        // same seed gives every scenario the same callers (common random numbers).
        let handling = &self.scenario.handling;
        let talk_s = handling.time.sample(&mut streams.handling);
        let wrap_s = handling
            .wrap_up
            .as_ref()
            .map_or(0.0, |w: &Duration| w.sample(&mut streams.handling));
        let patience_s = self
            .scenario
            .patience
            .as_ref()
            .map(|p| p.sample(&mut streams.patience));
        let c = &mut self.counters.intervals[interval as usize];
        c.offered += 1;
        if let Some(lines) = self.scenario.staffing.lines {
            if self.lines_in_use >= lines {
                c.blocked += 1;
                return;
            }
            self.lines_in_use += 1;
        }
        if self.busy < self.on_duty {
            self.begin_service(now, now, talk_s, wrap_s, interval);
            return;
        }
        c.delayed += 1;
        let position = self.head_position + self.queue.len() as u64;
        let timer = patience_s.map(|p| {
            self.events
                .schedule_cancellable(now + p, Event::Abandon { position })
        });
        self.queue.push_back(Waiting {
            arrival_s: now,
            talk_s,
            wrap_s,
            interval,
            timer,
            live: true,
        });
        self.waiting += 1;
    }

    fn begin_service(&mut self, now: f64, arrival_s: f64, talk_s: f64, wrap_s: f64, interval: u32) {
        let wait = now - arrival_s;
        let handle = talk_s + wrap_s;
        let c = &mut self.counters.intervals[interval as usize];
        c.answered += 1;
        c.answered_within += u64::from(wait <= self.sl_threshold_s);
        c.wait_answered_s += wait;
        c.handle_s += handle;
        self.integrate(now);
        self.busy += 1;
        self.events.schedule(now + handle, Event::ServiceEnd);
        if self.scenario.staffing.lines.is_some() && self.scenario.handling.wrap_up.is_some() {
            self.events.schedule(now + talk_s, Event::LineRelease);
        }
    }

    /// Free agents take callers from the head of the queue.
    fn serve_queue(&mut self, now: f64) {
        while self.busy < self.on_duty && self.waiting > 0 {
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
            self.begin_service(now, w.arrival_s, w.talk_s, w.wrap_s, w.interval);
        }
    }

    fn abandon(&mut self, now: f64, position: u64) {
        let idx = (position - self.head_position) as usize;
        let w = &mut self.queue[idx];
        debug_assert!(w.live, "a cancelled patience timer fired");
        w.live = false;
        let c = &mut self.counters.intervals[w.interval as usize];
        c.abandoned += 1;
        c.wait_abandoned_s += now - w.arrival_s;
        self.waiting -= 1;
        if self.scenario.staffing.lines.is_some() {
            self.lines_in_use -= 1;
        }
        while self.queue.front().is_some_and(|w| !w.live) {
            self.queue.pop_front();
            self.head_position += 1;
        }
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
        let more_days = day + 1 < self.scenario.simulation.days;
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
            // Nobody is left to answer: the callers still waiting are cut off at closing.
            while let Some(w) = self.queue.pop_front() {
                self.head_position += 1;
                if w.live {
                    if let Some(t) = w.timer {
                        self.events.cancel(t);
                    }
                    let c = &mut self.counters.intervals[w.interval as usize];
                    c.abandoned += 1;
                    c.wait_abandoned_s += now - w.arrival_s;
                    if self.scenario.staffing.lines.is_some() {
                        self.lines_in_use -= 1;
                    }
                }
            }
            self.waiting = 0;
        }
    }
}

/// Simulates one replication of `scenario` from scratch (convenience for tests).
pub fn simulate_replication(scenario: &Scenario, replication: u32) -> ReplicationCounters {
    Centre::new(scenario).run(replication).clone()
}

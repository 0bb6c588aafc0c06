//! The contact centre: contact types, each with its own queue and customer journeys,
//! served by agent groups under skills-based routing.
//!
//! ```text
//!  fresh ──► self-service ──contained──► deflected
//!    │            │ failed (after its time, longer handling, shorter patience)
//!    ▼            ▼
//!  queue arrival ──lines full──► blocked ──► redial later? / gave up
//!    ├─ free agent of an eligible group ──► handling ──► resolved? ──no──► repeat later?
//!    ├─ long predicted wait ──► callback accepted ──► callback queue ──► agent calls back
//!    └─ the type's FIFO queue ──patience ran out──► abandoned ──► redial later? / gave up
//! ```
//!
//! Who gets which contact is decided in one place, `routing.rs`. Each type has its own
//! queue (`queue.rs`), journeys (`flow.rs`, `journey.rs`, `callbacks.rs`) and random
//! streams; each group counts its agents (`agents.rs`). Productive agents change at
//! interval boundaries (`day.rs`); an agent leaving finishes the contact in hand. After
//! the last interval no contact arrives and the last interval's agents drain the live
//! queues, paid as overtime. Future contacts due while the centre is closed come at the
//! next opening; those due after the horizon are counted as carried over. The model reads
//! only a validated [`Scenario`] and writes only counters of [`crate::metrics`].

mod agent_time;
mod agents;
mod arrivals;
mod blending;
mod calendar;
mod callbacks;
mod chat;
mod day;
mod email;
mod flow;
mod hours;
mod journey;
mod log;
mod next_arrival;
mod packed;
mod queue;
mod routing;
mod setup;
mod start;
mod streams;

use std::collections::VecDeque;

use crate::engine::{EventQueue, Timer};
use crate::metrics::{GroupCounters, ReplicationCounters};
use crate::scenario::Scenario;
pub use crate::scenario::{Pick, Route};
pub use calendar::DayCounters;
pub use email::deadline_warnings;
pub use journey::{score, Journey, Outcome};
pub use log::{ContactRecord, LoggedOutcome};
pub use streams::{stream, Purpose, Stream, Streams};

use agents::GroupState;
use arrivals::{ArrivalClock, SharedDays};
use hours::allocate;
use journey::Slab;
use queue::LiveQueue;
use setup::TypeSpec;

const DAY_S: f64 = 86_400.0;
/// Marks an event that concerns no parked journey.
const NO_SLOT: u32 = u32::MAX;

// An event waits in the engine's slab until it fires: kept at 12 bytes so a slot stays small.
const _: () = assert!(std::mem::size_of::<Event>() <= 12);

/// The closed set of things that happen in the centre (12 bytes).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Event {
    /// A contact parked in `slot` reaches the queue after failing self-service.
    ReachQueue { slot: u32 },
    /// A redial or repeat contact parked in `slot` arrives.
    Inbound { slot: u32 },
    /// An agent of `group` finishes work on the `served`-th type it serves; `slot` holds
    /// the journey when resolution is modelled.
    ServiceEnd {
        slot: u32,
        group: u16,
        served: u16,
        holds_line: bool,
    },
    /// Chat `chat` of the `served`-th type `group` serves ends (see `chat.rs`).
    ChatEnd { chat: u32, group: u16, served: u16 },
    /// A caller hangs up the trunk line at the end of talk, before wrap-up.
    LineRelease,
    /// The caller of type `ty` at this queue position runs out of patience.
    Abandon { ty: u16, position: u32 },
    /// A waiting contact of type `ty` has waited long enough for `group` to answer it.
    Eligible { ty: u16, group: u16 },
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
    /// After an abandonment.
    Redial,
    /// After a busy signal.
    RedialAfterBlocked,
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

/// A caller in a live queue.
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
    /// The contact type.
    ty: u16,
    /// Callbacks: attempts made and the promised deadline.
    attempts: u32,
    deadline_s: f64,
}

/// One contact type: what the scenario says of it and its state during a replication
/// (kept together so the hot paths index one vector, not two).
struct TypeState<'a> {
    spec: TypeSpec<'a>,
    queue: LiveQueue,
    /// Callbacks owed, as (deadline, slot), sorted by deadline.
    callbacks: VecDeque<(f64, u32)>,
    arrivals: ArrivalClock,
    /// The type's next fresh arrival (time, interval).
    next_arrival: (f64, u32),
    streams: Streams,
    counters: ReplicationCounters,
}

/// A reusable simulator of one scenario: create once per worker, run many replications.
pub struct Centre<'a> {
    sc: &'a Scenario,
    interval_s: f64,
    intervals: usize,
    open_s: f64,
    contiguous_days: bool,
    has_lines: bool,
    events: EventQueue<Event>,
    types: Vec<TypeState<'a>>,
    groups: Vec<GroupState>,
    lines_in_use: u32,
    closing: bool,
    clock_interval: usize,
    last_change_s: f64,
    /// The next fresh arrival of any type (time, interval, type), kept outside the heap.
    next_arrival: (f64, u32, u16),
    parked: Slab<Parked>,
    /// Callbacks owed across every type (a quick "none" for the routing on every pick).
    callbacks_owed: u32,
    /// Some type's callbacks are made during the drain after closing.
    drain_makes_callbacks: bool,
    /// The whole centre's counters when there are several types.
    total: ReplicationCounters,
    /// The per-contact log of the replication, when asked for (`log.rs`).
    log: Option<Vec<ContactRecord>>,
    /// Told of each simulated interval, so a long horizon's progress shows within a
    /// replication (called at interval boundaries, never per contact).
    progress: Option<&'a (dyn Fn(u64) + Sync)>,
    /// Some type is email: its backlog is counted at interval ends (`email.rs`).
    has_email: bool,
    /// The centre-wide day factors every type's arrivals share.
    shared_days: SharedDays,
    /// Open and closed intervals of each day, with a `[calendar]` (`calendar.rs`).
    open_days: Option<calendar::OpenDays>,
    /// Each day's counters, for a dated run's per-day figures.
    day_store: Option<calendar::DayStore>,
    /// The running agent time of the groups without chat, with several groups.
    flat_time: agent_time::FlatTime,
    /// Groups that add up their own agent time (chat), with several groups.
    chat_groups: Vec<usize>,
    /// Which type's fresh arrival comes next, with several types.
    earliest: next_arrival::Earliest,
}

impl<'a> Centre<'a> {
    /// A centre ready to simulate `scenario`.
    pub fn new(scenario: &'a Scenario) -> Self {
        let n = scenario.intervals();
        let interval_s = scenario.simulation.interval_s();
        let open_s = n as f64 * interval_s;
        let (specs, group_specs) = setup::specs(scenario);
        let types: Vec<TypeState> = specs
            .into_iter()
            .map(|t| TypeState {
                queue: LiveQueue::new(),
                callbacks: VecDeque::new(),
                arrivals: ArrivalClock::new(
                    t.volumes,
                    interval_s,
                    DAY_S,
                    scenario.simulation.days,
                    t.day_cv,
                ),
                next_arrival: (f64::INFINITY, 0),
                streams: Streams::new(scenario.simulation.seed, 0),
                counters: ReplicationCounters::new(n),
                spec: t,
            })
            .collect();
        let drain_makes_callbacks = types
            .iter()
            .any(|t: &TypeState| t.spec.callback.is_some_and(|cb| cb.make_during_drain));
        let groups: Vec<GroupState> = group_specs
            .into_iter()
            .map(|g| GroupState::new(g, n))
            .collect();
        let flat_time = agent_time::FlatTime::new(&groups);
        let chat_groups = (0..groups.len())
            .filter(|&g| groups.len() > 1 && !flat_time.counts(g))
            .collect();
        let earliest = next_arrival::Earliest::new(types.len());
        let has_email = types
            .iter()
            .any(|t: &TypeState| t.spec.channel == crate::scenario::Channel::Email);
        Centre {
            flat_time,
            chat_groups,
            earliest,
            has_email,
            shared_days: SharedDays::new(
                scenario.simulation.shared_day_cv,
                scenario.simulation.days,
            ),
            sc: scenario,
            interval_s,
            intervals: n,
            open_s,
            contiguous_days: open_s >= DAY_S,
            has_lines: scenario.lines.is_some(),
            events: EventQueue::new(),
            types,
            groups,
            lines_in_use: 0,
            closing: false,
            clock_interval: 0,
            last_change_s: 0.0,
            next_arrival: (f64::INFINITY, 0, 0),
            parked: Slab::default(),
            callbacks_owed: 0,
            drain_makes_callbacks,
            total: ReplicationCounters::new(n),
            log: None,
            progress: None,
            open_days: calendar::OpenDays::of(scenario),
            day_store: scenario
                .simulation
                .start_date
                .map(|_| calendar::DayStore::default()),
        }
    }

    /// Tells `progress` of each interval simulated from now on (one call per interval).
    pub fn report_progress(&mut self, progress: &'a (dyn Fn(u64) + Sync)) {
        self.progress = Some(progress);
    }

    /// One more interval simulated.
    fn interval_done(&self) {
        if let Some(p) = self.progress {
            p(1);
        }
    }

    /// Simulates replication `replication` (all its days) and returns what the whole
    /// centre counted; [`Centre::type_counters`] and [`Centre::group_counters`] give the parts.
    pub fn run(&mut self, replication: u32) -> &ReplicationCounters {
        self.reset(replication);
        loop {
            // Fresh arrivals come from their own clocks, merged with the heap in time
            // order: one push and pop per call saved, on the hottest path.
            let Some((now, event)) = self.events.pop_until(self.next_arrival.0) else {
                let (now, interval, ty) = self.next_arrival;
                if now.is_infinite() {
                    break;
                }
                self.events.advance_to(now);
                self.fresh_arrival(now, interval, usize::from(ty));
                self.schedule_next_arrival(usize::from(ty));
                continue;
            };
            match event {
                Event::ReachQueue { slot } => {
                    let p = self.parked.take(slot);
                    self.reach_queue(now, usize::from(p.ty), p.contact, p.journey);
                }
                Event::Inbound { slot } => self.inbound(now, slot),
                Event::ServiceEnd {
                    slot,
                    group,
                    served,
                    holds_line,
                } => self.service_end(now, slot, group.into(), served.into(), holds_line),
                Event::ChatEnd {
                    chat,
                    group,
                    served,
                } => self.chat_end(now, chat, group.into(), served.into()),
                Event::LineRelease => self.lines_in_use -= 1,
                Event::Abandon { ty, position } => self.abandon(now, ty.into(), position),
                Event::Eligible { group, .. } => self.serve(now, group.into()),
                Event::CallbackRetry { slot } => self.callback_due(now, slot),
                Event::IntervalStart { day, interval } => self.start_interval(now, day, interval),
                Event::Close => self.close(now),
            }
        }
        self.flush_agent_time();
        let end = self.events.now();
        for t in 0..self.types.len() {
            self.cut_off_queue(end, t);
        }
        if self.has_email {
            self.backlog_at_horizon();
        }
        self.callbacks_pending_at_horizon();
        self.sum_days();
        debug_assert!(self.parked.is_empty(), "every parked journey ended");
        self.interval_done();
        self.finish()
    }

    /// The whole centre's counters of the last replication (what [`Centre::run`] returned).
    pub fn counters(&self) -> &ReplicationCounters {
        match &self.types[..] {
            [one] => &one.counters,
            _ => &self.total,
        }
    }

    /// Each type's counters of the last replication, agent time allocated to it.
    pub fn type_counters(&self) -> impl Iterator<Item = &ReplicationCounters> {
        self.types.iter().map(|t| &t.counters)
    }

    /// Each group's agent time in the last replication.
    pub fn group_counters(&self) -> impl Iterator<Item = &GroupCounters> {
        self.groups.iter().map(|g| &g.counters)
    }
}

/// Simulates one replication of `scenario` from scratch (convenience for tests).
pub fn simulate_replication(scenario: &Scenario, replication: u32) -> ReplicationCounters {
    Centre::new(scenario).run(replication).clone()
}

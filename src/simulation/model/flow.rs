//! A contact's way through the centre: arrival (fresh, after self-service, redial or
//! repeat), queueing or service, abandonment, resolution, coming back, and the end of its
//! journey. Which agent answers is asked of `routing.rs`; everything else is here.

use rand::Rng;

use super::journey::{self, score, Journey, Outcome, Slab};
use super::log::record;
use super::{Centre, Contact, Event, Kind, LoggedOutcome, Parked, TypeState, NO_SLOT};
use crate::scenario::Channel;

impl TypeState<'_> {
    /// Draws a new contact's handle time and patience from the type's own streams.
    #[inline(always)]
    fn draw_contact(&mut self, now: f64, interval: u32) -> Contact {
        let spec = &self.spec;
        let streams = &mut self.streams;
        let h = spec.handling;
        let mut talk_s = h.time.sample(&mut streams.handling);
        // Plain matches rather than `map_or`, which the compiler would not inline here.
        let mut wrap_s = match &h.wrap_up {
            Some(w) => w.sample(&mut streams.handling),
            None => 0.0,
        };
        let mut patience_s = match spec.patience {
            Some(p) => p.sample(&mut streams.patience),
            None => f64::INFINITY,
        };
        // Factors scale the draws, so the time of day moves the mean and keeps the CV.
        if let Some(f) = &h.interval_factors {
            talk_s *= f[interval as usize];
            wrap_s *= f[interval as usize];
        }
        if let Some(f) = spec.patience_factors {
            patience_s *= f[interval as usize];
        }
        Contact {
            arrival_s: now,
            talk_s,
            wrap_s,
            patience_s,
            interval,
        }
    }

    /// Scores a finished journey and records it by its fresh interval.
    #[inline]
    pub(super) fn end_journey(&mut self, journey: &Journey, outcome: Outcome) {
        let s = self.spec.satisfaction;
        let raw = journey.raw_score(outcome, s);
        let score = score(raw, s.noise_sd, journey.noise_z);
        let c = &mut self.counters.intervals[journey.fresh_interval as usize].journeys;
        journey::record(c, journey, outcome, score);
    }
}

impl Centre<'_> {
    pub(super) fn fresh_arrival(&mut self, now: f64, interval: u32, t: usize) {
        // Every fresh contact draws its handle time and patience here, whatever happens
        // to it, so that the same seed gives every scenario the same callers.
        let ts = &mut self.types[t];
        let mut contact = ts.draw_contact(now, interval);
        let spec = &ts.spec;
        let noise_z = journey::draw_noise(spec.satisfaction.noise_sd, &mut ts.streams.satisfaction);
        if let Some(open) = &self.open_days {
            // Closed: the ACD plays its message to voice and chat; emails wait for the
            // opening in their backlog.
            if spec.channel != Channel::Email && !open.is_open_at(now, interval) {
                ts.counters.intervals[interval as usize].closed_arrivals += 1;
                return;
            }
        }
        let mut journey = Journey::new(interval, noise_z);
        let c = &mut ts.counters.intervals[interval as usize];
        c.offered += 1;
        if let Some(ss) = spec.self_service {
            let tries: f64 = ts.streams.self_service.random();
            let contained: f64 = ts.streams.self_service.random();
            let time_s = ss.time.sample(&mut ts.streams.self_service);
            if tries < ss.offered_share {
                c.self_service_sessions += 1;
                if contained < ss.containment {
                    c.deflected += 1;
                    ts.end_journey(&journey, Outcome::Deflected);
                    self.log_contact(|| record(now, t, LoggedOutcome::Deflected, 0.0, 0.0, 0.0));
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
                    ty: t as u16,
                    attempts: 0,
                    deadline_s: 0.0,
                });
                self.events
                    .schedule(now + time_s, Event::ReachQueue { slot });
                return;
            }
        }
        self.reach_queue(now, t, contact, journey);
    }

    /// A redial or repeat contact arrives: a new offered contact of the same journey.
    pub(super) fn inbound(&mut self, now: f64, slot: u32) {
        let p = self.parked.take(slot);
        let t = usize::from(p.ty);
        let interval = self.interval_of(now);
        let ts = &mut self.types[t];
        let contact = ts.draw_contact(now, interval);
        let mut journey = p.journey;
        journey.contacts += 1;
        let c = &mut ts.counters.intervals[interval as usize];
        c.offered += 1;
        match p.kind {
            Kind::Redial => {
                c.redials += 1;
                journey.attempts += 1;
            }
            Kind::RedialAfterBlocked => {
                c.redials += 1;
                c.redials_after_blocked += 1;
                journey.attempts += 1;
            }
            Kind::Repeat => {
                c.repeats += 1;
                journey.attempts = 1;
            }
            Kind::Fresh => unreachable!("fresh contacts arrive through the arrival clock"),
        }
        self.reach_queue(now, t, contact, journey);
    }

    #[inline(always)]
    pub(super) fn reach_queue(
        &mut self,
        now: f64,
        t: usize,
        mut contact: Contact,
        journey: Journey,
    ) {
        contact.arrival_s = now;
        if let Some(lines) = self.sc.lines {
            if self.lines_in_use >= lines {
                self.types[t].counters.intervals[contact.interval as usize].blocked += 1;
                self.log_contact(|| record(now, t, LoggedOutcome::Blocked, 0.0, 0.0, 0.0));
                self.lost(now, t, journey, true);
                return;
            }
            self.lines_in_use += 1;
        }
        let channel = self.types[t].spec.channel;
        if channel == Channel::Chat {
            if let Some((g, k)) = self.chat_group_for(t) {
                self.begin_chat(now, (g, k, t), contact, journey);
                return;
            }
        } else if channel == Channel::Email {
            // An email reaching the queue after closing (from self-service) waits for
            // the next opening: the drain's agents answer no email.
            if let Some((g, k)) = self.email_group_for(t).filter(|_| !self.closing) {
                self.begin_service(now, g, k, t, contact, journey);
                return;
            }
        } else if let Some((g, k)) = self.free_group_for(t) {
            self.begin_service(now, g, k, t, contact, journey);
            return;
        }
        self.types[t].counters.intervals[contact.interval as usize].delayed += 1;
        if self.offer_callback(now, t, &contact, &journey) {
            return;
        }
        let position = self.types[t].queue.next_position();
        let timer = contact.patience_s.is_finite().then(|| {
            self.events.schedule_cancellable(
                now + contact.patience_s,
                Event::Abandon {
                    ty: t as u16,
                    position,
                },
            )
        });
        self.types[t].queue.push(contact, journey, timer);
        if self.types[t].spec.delayed_routes {
            self.schedule_eligibility(now, t);
        }
    }

    /// An agent of group `g` answers `contact` of type `t`, the `k`-th type it serves.
    #[inline(always)]
    pub(super) fn begin_service(
        &mut self,
        now: f64,
        g: usize,
        k: usize,
        t: usize,
        contact: Contact,
        mut journey: Journey,
    ) {
        let wait = now - contact.arrival_s;
        let handle = contact.talk_s + contact.wrap_s;
        self.agent_moves(now, g, k, true);
        let ts = &mut self.types[t];
        let has_wrap = ts.spec.handling.wrap_up.is_some();
        let c = &mut ts.counters.intervals[contact.interval as usize];
        c.answered += 1;
        c.answered_within += u64::from(wait <= ts.spec.sl_threshold_s);
        c.wait_answered_s += wait;
        c.handle_s += handle;
        journey.wait_s += wait;
        let slot = after_handling(ts, &mut self.parked, t, contact, journey);
        self.log_contact(|| {
            let (talk, wrap) = (contact.talk_s, contact.wrap_s);
            record(
                contact.arrival_s,
                t,
                LoggedOutcome::Answered,
                wait,
                talk,
                wrap,
            )
        });
        let with_wrap = self.has_lines && has_wrap;
        self.events.schedule(
            now + handle,
            Event::ServiceEnd {
                slot,
                group: g as u16,
                served: k as u16,
                holds_line: self.has_lines && !with_wrap,
            },
        );
        if with_wrap {
            self.events
                .schedule(now + contact.talk_s, Event::LineRelease);
        }
    }

    pub(super) fn service_end(
        &mut self,
        now: f64,
        slot: u32,
        g: usize,
        k: usize,
        holds_line: bool,
    ) {
        self.agent_moves(now, g, k, false);
        if holds_line {
            self.lines_in_use -= 1;
        }
        if slot != NO_SLOT {
            self.resolve(now, slot);
        }
        self.serve(now, g);
    }

    /// First-contact resolution: resolved, back later as a repeat, or left unresolved.
    pub(super) fn resolve(&mut self, now: f64, slot: u32) {
        let p = self.parked.take(slot);
        let t = usize::from(p.ty);
        let r = self.types[t]
            .spec
            .resolution
            .expect("slots only with [resolution]");
        let streams = &mut self.types[t].streams;
        let resolved: f64 = streams.resolution.random();
        let repeats: f64 = streams.resolution.random();
        if resolved < r.fcr {
            self.types[t].counters.intervals[p.contact.interval as usize].resolved_at_contact += 1;
            self.types[t].end_journey(&p.journey, Outcome::Resolved);
        } else if repeats < r.repeat_probability {
            let delay = r.repeat_delay.sample(&mut streams.resolution);
            self.come_back(now + delay, t, Kind::Repeat, p.journey);
        } else {
            self.types[t].end_journey(&p.journey, Outcome::Unresolved);
        }
    }

    pub(super) fn abandon(&mut self, now: f64, t: usize, position: u32) {
        let (contact, mut journey) = self.types[t].queue.abandon(position);
        self.record_abandon(now, t, &contact, &mut journey);
        self.lost(now, t, journey, false);
    }

    pub(super) fn record_abandon(
        &mut self,
        now: f64,
        t: usize,
        contact: &Contact,
        journey: &mut Journey,
    ) {
        let wait = now - contact.arrival_s;
        let short = wait < self.types[t].spec.short_abandon_s;
        let c = &mut self.types[t].counters.intervals[contact.interval as usize];
        c.abandoned += 1;
        c.short_abandoned += u64::from(short);
        c.wait_abandoned_s += wait;
        journey.wait_s += wait;
        journey.abandonments += 1;
        self.log_contact(|| {
            record(
                contact.arrival_s,
                t,
                LoggedOutcome::Abandoned,
                wait,
                0.0,
                0.0,
            )
        });
        if self.has_lines {
            self.lines_in_use -= 1;
        }
    }

    /// After an abandonment or a busy signal (`blocked`): a redial later, or the
    /// customer gives up.
    pub(super) fn lost(&mut self, now: f64, t: usize, journey: Journey, blocked: bool) {
        if let Some(r) = self.types[t].spec.redial {
            let (probability, delay, kind) = if blocked {
                let d = &r.after_blocked_delay;
                (r.after_blocked_probability, d, Kind::RedialAfterBlocked)
            } else {
                (r.probability, &r.delay, Kind::Redial)
            };
            // The same two draws either way, so a busy signal's own settings move no
            // other caller's luck.
            let streams = &mut self.types[t].streams;
            let again: f64 = streams.redial.random();
            let delay = delay.sample(&mut streams.redial);
            if again < probability && u32::from(journey.attempts) < r.max_attempts {
                self.come_back(now + delay, t, kind, journey);
                return;
            }
        }
        self.types[t].end_journey(&journey, Outcome::GaveUp);
    }

    /// Schedules a redial or repeat for `due` (or the next opening), or counts it as
    /// carried over past the horizon.
    fn come_back(&mut self, due: f64, t: usize, kind: Kind, journey: Journey) {
        match self.next_open(due) {
            Some(time) => {
                let contact = Contact {
                    arrival_s: time,
                    talk_s: 0.0,
                    wrap_s: 0.0,
                    patience_s: 0.0,
                    interval: 0,
                };
                let slot = self.parked.park(Parked {
                    contact,
                    journey,
                    kind,
                    ty: t as u16,
                    attempts: 0,
                    deadline_s: 0.0,
                });
                self.events.schedule(time, Event::Inbound { slot });
            }
            None => {
                self.types[t].counters.intervals[journey.fresh_interval as usize].carried_over += 1;
                self.types[t].end_journey(&journey, Outcome::StillOpen);
            }
        }
    }
}

/// Without `[resolution]` a handled contact is resolved and its journey ends now; with
/// it, the journey waits in a slot for the end of handling (the slot is returned).
#[inline(always)]
pub(super) fn after_handling(
    ts: &mut TypeState,
    parked: &mut Slab<Parked>,
    t: usize,
    contact: Contact,
    journey: Journey,
) -> u32 {
    if ts.spec.resolution.is_none() {
        ts.counters.intervals[contact.interval as usize].resolved_at_contact += 1;
        ts.end_journey(&journey, Outcome::Resolved);
        NO_SLOT
    } else {
        parked.park(Parked {
            contact,
            journey,
            kind: Kind::Repeat,
            ty: t as u16,
            attempts: 0,
            deadline_s: 0.0,
        })
    }
}

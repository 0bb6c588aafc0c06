//! Chat concurrency: an agent of a group with `chat_slots = k` holds up to k chats, and
//! an agent holding a chat takes no call (nor a call-holding agent a chat). A new chat
//! goes to an idle agent when one is free, else to the agent holding fewest chats (the
//! first such, so runs repeat exactly). Agents holding chats are named by an id for as
//! long as they hold one; each chat in progress has an id that its end event carries.
//! While more agents are engaged than are on duty (someone is leaving at an interval
//! boundary) no engaged agent takes another chat.
//!
//! Agent time: an engaged agent is busy (occupancy counts time with at least one chat);
//! its busy time is shared among the chat types by the chats held of each, and the
//! chat-seconds (chats held × time) give slot utilisation.

use super::flow::after_handling;
use super::log::record;
use super::{Centre, Contact, Event, Journey, LoggedOutcome};
use crate::metrics::GroupCounters;

/// The chats a group's agents hold.
pub(super) struct ChatAgents {
    /// Most chats one agent holds.
    slots: u32,
    /// Chats held by each agent id (0: the id is free for the next agent engaged).
    held: Vec<u32>,
    /// Ids of agents holding no chat, to reuse.
    idle_ids: Vec<u32>,
    /// Agents holding at least one chat.
    engaged: u32,
    /// Engaged agents holding fewer than `slots` chats.
    with_room: u32,
    /// Chats held in all.
    chats: u32,
    /// Chats held per type served (zero for the types that are not chat).
    by_type: Vec<u32>,
    /// Whether each type served is chat.
    is_chat: Vec<bool>,
    /// Chats in progress: (agent id, journey slot), by chat id; `free` lists ids to reuse.
    in_progress: Vec<(u32, u32)>,
    free: Vec<u32>,
}

impl ChatAgents {
    /// No chat held, by a group holding up to `slots` each; `is_chat` by type served.
    pub fn new(slots: u32, is_chat: &[bool]) -> Self {
        ChatAgents {
            slots,
            held: Vec::new(),
            idle_ids: Vec::new(),
            engaged: 0,
            with_room: 0,
            chats: 0,
            by_type: vec![0; is_chat.len()],
            is_chat: is_chat.to_vec(),
            in_progress: Vec::new(),
            free: Vec::new(),
        }
    }

    /// Back to no chat held, for a new replication.
    pub fn reset(&mut self) {
        self.held.clear();
        self.idle_ids.clear();
        self.engaged = 0;
        self.with_room = 0;
        self.chats = 0;
        self.by_type.fill(0);
        self.in_progress.clear();
        self.free.clear();
    }

    /// Adds `dt` seconds of the current state: engaged agents' time shared among the
    /// types by chats held, other types by their busy agents; chat-seconds while open.
    pub fn accumulate(
        &self,
        c: &mut GroupCounters,
        busy_by_type: &[u32],
        dt: f64,
        i: usize,
        closing: bool,
    ) {
        let n = c.intervals;
        let per_chat = if self.chats > 0 {
            f64::from(self.engaged) / f64::from(self.chats)
        } else {
            0.0
        };
        for k in 0..self.is_chat.len() {
            let b = if self.is_chat[k] {
                f64::from(self.by_type[k]) * per_chat
            } else if busy_by_type.len() == 1 {
                0.0
            } else {
                f64::from(busy_by_type[k])
            };
            if closing {
                c.overtime_s[k] += b * dt;
            } else {
                c.busy_s[k * n + i] += b * dt;
            }
        }
        if !closing {
            c.chat_s[i] += f64::from(self.chats) * dt;
        }
    }
}

impl ChatAgents {
    /// True when an engaged agent has a free slot and nobody is leaving (`busy` engaged
    /// or calling agents of the group, `on_duty` scheduled).
    #[inline]
    pub fn has_room(&self, busy: u32, on_duty: u32) -> bool {
        self.with_room > 0 && busy <= on_duty
    }

    /// An agent takes a chat of the `k`-th type served (room was checked): an idle one
    /// when `idle` (the group counts it busy), else the engaged agent holding fewest.
    /// Returns the chat's id and the chats the agent now holds.
    pub fn take(&mut self, k: usize, journey_slot: u32, idle: bool) -> (u32, u32) {
        let c = self;
        let agent = if idle {
            c.engaged += 1;
            c.idle_ids.pop().unwrap_or_else(|| {
                c.held.push(0);
                c.held.len() as u32 - 1
            })
        } else {
            // The engaged agent holding fewest chats (the first of them).
            let mut best: Option<(u32, u32)> = None;
            for (a, &h) in c.held.iter().enumerate() {
                if h > 0 && h < c.slots && best.is_none_or(|(_, b)| h < b) {
                    best = Some((a as u32, h));
                    if h == 1 {
                        break;
                    }
                }
            }
            best.expect("an engaged agent has room").0
        };
        let held = &mut c.held[agent as usize];
        *held += 1;
        let now_held = *held;
        // `with_room` counts engaged agents below `slots`.
        if now_held == 1 && c.slots > 1 {
            c.with_room += 1;
        } else if now_held == c.slots && now_held > 1 {
            c.with_room -= 1;
        }
        c.chats += 1;
        c.by_type[k] += 1;
        let id = match c.free.pop() {
            Some(id) => {
                c.in_progress[id as usize] = (agent, journey_slot);
                id
            }
            None => {
                c.in_progress.push((agent, journey_slot));
                c.in_progress.len() as u32 - 1
            }
        };
        (id, now_held)
    }

    /// Chat `id` of the `k`-th type served ends; returns its journey slot and whether
    /// its agent now holds none (the group then counts one agent less busy).
    pub fn end(&mut self, k: usize, id: u32) -> (u32, bool) {
        let c = self;
        let (agent, slot) = c.in_progress[id as usize];
        c.free.push(id);
        let held = &mut c.held[agent as usize];
        let before = *held;
        *held -= 1;
        if before == c.slots && c.slots > 1 {
            c.with_room += 1;
        }
        if before == 1 {
            if c.slots > 1 {
                c.with_room -= 1;
            }
            c.engaged -= 1;
            c.idle_ids.push(agent);
        }
        c.chats -= 1;
        c.by_type[k] -= 1;
        (slot, before == 1)
    }
}

impl Centre<'_> {
    /// The first group in chat type `t`'s routing order that may take it at once.
    pub(super) fn chat_group_for(&self, t: usize) -> Option<(usize, usize)> {
        self.types[t]
            .spec
            .routes
            .iter()
            .find(|r| r.after_s <= 0.0 && self.groups[r.group].has_chat_room())
            .map(|r| (r.group, r.served))
    }

    /// An agent of group `g` takes `contact`, a chat of type `t` (the `k`-th type it
    /// serves); its handle time grows with the chats the agent now holds.
    pub(super) fn begin_chat(
        &mut self,
        now: f64,
        (g, k, t): (usize, usize, usize),
        contact: Contact,
        mut journey: Journey,
    ) {
        let wait = now - contact.arrival_s;
        self.integrate(now);
        let ts = &mut self.types[t];
        let c = &mut ts.counters.intervals[contact.interval as usize];
        c.answered += 1;
        c.answered_within += u64::from(wait <= ts.spec.sl_threshold_s);
        c.wait_answered_s += wait;
        journey.wait_s += wait;
        let slowdown = ts.spec.handling.concurrency_slowdown;
        let journey_slot = after_handling(ts, &mut self.parked, t, contact, journey);
        let (id, held) = self.groups[g].start_chat(k, journey_slot);
        let factor = 1.0 + slowdown * f64::from(held - 1);
        let (talk, wrap) = (contact.talk_s * factor, contact.wrap_s * factor);
        self.types[t].counters.intervals[contact.interval as usize].handle_s += talk + wrap;
        self.log_contact(|| {
            record(
                contact.arrival_s,
                t,
                LoggedOutcome::Answered,
                wait,
                talk,
                wrap,
            )
        });
        let end = Event::ChatEnd {
            chat: id,
            group: g as u16,
            served: k as u16,
        };
        self.events.schedule(now + talk + wrap, end);
    }

    /// Chat `id` of the `k`-th type group `g` serves ends: its slot frees, and the
    /// group takes more work.
    pub(super) fn chat_end(&mut self, now: f64, id: u32, g: usize, k: usize) {
        self.integrate(now);
        let slot = self.groups[g].finish_chat(k, id);
        if slot != super::NO_SLOT {
            self.resolve(now, slot);
        }
        self.serve(now, g);
    }
}

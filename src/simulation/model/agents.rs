//! The agents of one group: how many are on duty and busy, on which type, and the agent
//! time this adds up to. Agents are counted, not named: an agent leaving at an interval
//! boundary finishes the contact in hand because `busy` may exceed `on_duty` for a while.
//! Agents of a group that serves chat are named while they hold chats (`chat.rs`), since
//! a new chat goes to the agent holding fewest; other groups pay nothing for it.

use super::chat::ChatAgents;
use super::setup::GroupSpec;
use crate::metrics::GroupCounters;

/// One group: what the scenario says of it and its agents during a replication.
pub(super) struct GroupState {
    pub spec: GroupSpec,
    /// Productive agents scheduled now.
    pub on_duty: u32,
    /// Agents handling a contact (or making a callback attempt).
    pub busy: u32,
    /// Busy agents per type served (in the group's `serves` order); kept only for a
    /// group of several skills: a one-skill group's count is `busy`.
    pub busy_by_type: Vec<u32>,
    /// Agent time so far (a simple group's running interval is added at its `flush`).
    pub counters: GroupCounters,
    /// Today's productive agents per interval, for a group whose staffing changes by
    /// day (shifts with absence); `scratch` is its agent-minutes, kept to reuse.
    pub today: Vec<u32>,
    pub scratch: Vec<u64>,
    /// True for a group of one skill and no chat: its time adds up without loops.
    simple: bool,
    /// A simple group's running busy and productive time of the attached interval (or
    /// drain), and where they belong: fields, not counters found by index on every event.
    busy_run: f64,
    productive_run: f64,
    attached: Option<(usize, bool)>,
    /// The chats held, for a group that serves chat.
    pub chat: Option<ChatAgents>,
}

impl GroupState {
    /// Idle agents of the group `spec`, over `intervals` intervals.
    pub fn new(spec: GroupSpec, intervals: usize) -> Self {
        let types = spec.serves.len();
        let chat = spec
            .chat_slots
            .map(|slots| ChatAgents::new(slots, &spec.chat));
        let mut counters = GroupCounters::new(types, intervals);
        if chat.is_some() {
            counters.chat_s = vec![0.0; intervals];
        }
        GroupState {
            simple: types == 1 && chat.is_none(),
            busy_run: 0.0,
            productive_run: 0.0,
            attached: None,
            spec,
            on_duty: 0,
            busy: 0,
            busy_by_type: vec![0; types],
            counters,
            today: Vec::new(),
            scratch: Vec::new(),
            chat,
        }
    }

    /// Back to an empty centre for a new replication.
    pub fn reset(&mut self) {
        self.on_duty = 0;
        self.busy = 0;
        self.busy_by_type.fill(0);
        self.counters.reset();
        self.attached = None;
        if let Some(c) = &mut self.chat {
            c.reset();
        }
    }

    /// True when an agent is free to take work.
    #[inline]
    pub fn has_free_agent(&self) -> bool {
        self.busy < self.on_duty
    }

    /// An agent starts work on the `k`-th type served.
    #[inline]
    pub fn start(&mut self, k: usize) {
        self.busy += 1;
        // A group of one skill counts its busy agents in `busy` alone (see `accumulate`).
        if let [_, _, ..] = self.busy_by_type[..] {
            self.busy_by_type[k] += 1;
        }
    }

    /// An agent finishes work on the `k`-th type served.
    #[inline]
    pub fn finish(&mut self, k: usize) {
        self.busy -= 1;
        if let [_, _, ..] = self.busy_by_type[..] {
            self.busy_by_type[k] -= 1;
        }
    }

    /// Adds `dt` seconds of the current state to interval `i` (or to overtime after closing).
    #[inline(always)]
    pub fn accumulate(&mut self, dt: f64, i: usize, closing: bool) {
        if self.simple {
            // One type served: the common case, kept free of loops (`busy` is its count).
            debug_assert_eq!(
                self.attached,
                Some((i, closing)),
                "time passes once attached"
            );
            self.busy_run += f64::from(self.busy) * dt;
            if !closing {
                self.productive_run += f64::from(self.on_duty.max(self.busy)) * dt;
            }
            return;
        }
        let c = &mut self.counters;
        if let Some(chat) = &self.chat {
            chat.accumulate(c, &self.busy_by_type, dt, i, closing);
            if !closing {
                c.productive_s[i] += f64::from(self.on_duty.max(self.busy)) * dt;
            }
            return;
        }
        if closing {
            for (o, &b) in c.overtime_s.iter_mut().zip(&self.busy_by_type) {
                *o += f64::from(b) * dt;
            }
        } else {
            let n = c.intervals;
            for (k, &b) in self.busy_by_type.iter().enumerate() {
                c.busy_s[k * n + i] += f64::from(b) * dt;
            }
            c.productive_s[i] += f64::from(self.on_duty.max(self.busy)) * dt;
        }
    }

    /// A simple group loads the running time of interval `i` (or of the drain when
    /// `closing`) from its counters; they get it back, the same additions made in the
    /// same order, at [`GroupState::flush`].
    pub fn attach(&mut self, i: usize, closing: bool) {
        if !self.simple {
            return;
        }
        debug_assert!(self.attached.is_none(), "flushed before attaching again");
        let c = &self.counters;
        self.busy_run = if closing {
            c.overtime_s[0]
        } else {
            c.busy_s[i]
        };
        self.productive_run = c.productive_s[i];
        self.attached = Some((i, closing));
    }

    /// Writes a simple group's running time back to its counters and detaches.
    pub fn flush(&mut self) {
        let Some((i, closing)) = self.attached.take() else {
            return;
        };
        let c = &mut self.counters;
        if closing {
            c.overtime_s[0] = self.busy_run;
        } else {
            c.busy_s[i] = self.busy_run;
            c.productive_s[i] = self.productive_run;
        }
    }

    /// True when the group may take a new chat: an idle agent, or an engaged agent with
    /// a free slot while nobody is leaving.
    #[inline]
    pub fn has_chat_room(&self) -> bool {
        self.has_free_agent()
            || self
                .chat
                .as_ref()
                .is_some_and(|c| c.has_room(self.busy, self.on_duty))
    }

    /// An agent takes a chat of the `k`-th type served (room was checked); returns the
    /// chat's id and the chats the agent now holds.
    pub fn start_chat(&mut self, k: usize, journey_slot: u32) -> (u32, u32) {
        let idle = self.has_free_agent();
        if idle {
            self.busy += 1;
        }
        let c = self.chat.as_mut().expect("a chat group");
        c.take(k, journey_slot, idle)
    }

    /// Chat `id` of the `k`-th type served ends; returns its journey slot.
    pub fn finish_chat(&mut self, k: usize, id: u32) -> u32 {
        let c = self.chat.as_mut().expect("a chat group");
        let (slot, freed) = c.end(k, id);
        if freed {
            self.busy -= 1;
        }
        slot
    }
}

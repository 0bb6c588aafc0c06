//! The live queue of one contact type: first come, first served, with positions that
//! never repeat within a replication so a patience timer can find its caller without a
//! search. Abandoned callers are marked dead and dropped when they reach the front, so
//! the front is always a live caller whenever anyone waits.

use std::collections::VecDeque;

use super::{Contact, Waiting};
use crate::engine::Timer;
use crate::model::Journey;

/// Callers of one type waiting for an agent.
#[derive(Default)]
pub(super) struct LiveQueue {
    entries: VecDeque<Waiting>,
    /// Queue position of `entries[0]`.
    head_position: u32,
    /// Live callers (entries not yet abandoned).
    pub waiting: u32,
}

impl LiveQueue {
    /// An empty queue with room for a typical peak.
    pub fn new() -> Self {
        LiveQueue {
            entries: VecDeque::with_capacity(256),
            head_position: 0,
            waiting: 0,
        }
    }

    /// Empties the queue for a new replication.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.head_position = 0;
        self.waiting = 0;
    }

    /// The position the next caller will take.
    #[inline]
    pub fn next_position(&self) -> u32 {
        // Positions count modulo 2^32 (they travel in 12-byte events): only differences
        // within the queue matter, and a queue never holds 2^32 callers.
        self.head_position.wrapping_add(self.entries.len() as u32)
    }

    /// Adds a caller at the back.
    #[inline]
    pub fn push(&mut self, contact: Contact, journey: Journey, timer: Option<Timer>) {
        self.entries.push_back(Waiting {
            contact,
            journey,
            timer,
            live: true,
        });
        self.waiting += 1;
    }

    /// When the caller at the front arrived, if anyone waits.
    #[inline]
    pub fn front_arrival_s(&self) -> Option<f64> {
        (self.waiting > 0).then(|| self.entries[0].contact.arrival_s)
    }

    /// Takes the caller at the front (who is live).
    #[inline]
    pub fn pop(&mut self) -> Waiting {
        let w = self
            .entries
            .pop_front()
            .expect("pop is called only when someone waits");
        debug_assert!(w.live, "the front of the queue is live");
        self.head_position = self.head_position.wrapping_add(1);
        self.waiting -= 1;
        self.drop_dead_front();
        w
    }

    /// Marks the caller at `position` as gone and returns them.
    pub fn abandon(&mut self, position: u32) -> (Contact, Journey) {
        let idx = position.wrapping_sub(self.head_position) as usize;
        let w = &mut self.entries[idx];
        debug_assert!(w.live, "a cancelled patience timer fired");
        w.live = false;
        let taken = (w.contact, w.journey);
        self.waiting -= 1;
        self.drop_dead_front();
        taken
    }

    fn drop_dead_front(&mut self) {
        while self.entries.front().is_some_and(|w| !w.live) {
            self.entries.pop_front();
            self.head_position = self.head_position.wrapping_add(1);
        }
    }

    /// Takes the front entry, live or not (for cutting the queue off).
    pub fn pop_any(&mut self) -> Option<Waiting> {
        let w = self.entries.pop_front()?;
        self.head_position = self.head_position.wrapping_add(1);
        if w.live {
            self.waiting -= 1;
        }
        Some(w)
    }
}

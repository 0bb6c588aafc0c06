//! Who gets which contact: the one place that decides.
//!
//! - An arriving contact goes to a free agent of the first group in its type's routing
//!   order that may answer it at once (a group listed with `after_s` > 0 may answer only
//!   once the contact has waited that long: it is told so by an `Eligible` event then).
//! - A freed agent (or an idle one when a contact becomes eligible, or when staffing
//!   changes) takes, in order: the callback whose promise is closest to being broken,
//!   among the types it serves; else a live caller: for `pick = "priority"` the
//!   longest-waiting eligible caller of the first type in `serves` that has one, for
//!   `pick = "longest_wait"` the longest-waiting eligible caller of any type it serves;
//!   else (while open) the callback owed longest.
//!
//! - A group serving chat or email (`serve_channels`): an engaged chat agent with a
//!   free slot takes only chats; email is taken only while open, and with
//!   `pick = "longest_wait"` only when no live contact of the group's types waits
//!   (an email's wait of hours would otherwise always win); with `email_when_idle`,
//!   only while that many of its agents stay idle after the pick (`blending.rs`).
//!
//! Each type's queue is first come, first served, so its longest-waiting caller is its
//! front, and a caller is eligible for a group once it has waited the group's delay:
//! if the front is not eligible, nobody behind it is.

use super::{Centre, Event};
use crate::scenario::Pick;

impl Centre<'_> {
    /// The first group in `t`'s routing order with a free agent that may answer at once,
    /// with `t`'s position in that group's `serves`.
    #[inline]
    pub(super) fn free_group_for(&self, t: usize) -> Option<(usize, usize)> {
        self.types[t]
            .spec
            .routes
            .iter()
            .find(|r| r.after_s <= 0.0 && self.groups[r.group].has_free_agent())
            .map(|r| (r.group, r.served))
    }

    /// Tells each delayed group when a caller of type `t` queued now becomes eligible.
    pub(super) fn schedule_eligibility(&mut self, now: f64, t: usize) {
        for r in &self.types[t].spec.routes {
            if r.after_s > 0.0 {
                let event = Event::Eligible {
                    ty: t as u16,
                    group: r.group as u16,
                };
                self.events.schedule(now + r.after_s, event);
            }
        }
    }

    /// Free agents of group `g` take work until none is free or nothing is left.
    #[inline(always)]
    pub(super) fn serve(&mut self, now: f64, g: usize) {
        // The one-queue centre's case in place (it follows every end of service); the
        // rest through a call, which starts with this same case and so ends at once
        // when it has already been served here.
        let spec = &self.groups[g].spec;
        if let (false, [t], [after_s]) = (spec.channels, &spec.serves[..], &spec.after_s[..]) {
            let (t, after_s) = (*t, *after_s);
            while self.callbacks_owed == 0 && self.groups[g].has_free_agent() {
                match self.types[t].queue.front_arrival_s() {
                    Some(arrived) if now >= arrived + after_s => self.answer_front(now, g, 0, t),
                    _ => return,
                }
            }
            if self.callbacks_owed == 0 {
                // No agent free and no callback owed: nothing more to do.
                return;
            }
        }
        self.serve_general(now, g);
    }

    /// [`Centre::serve`] in full: callbacks, several types, chat and email.
    #[inline(never)]
    fn serve_general(&mut self, now: f64, g: usize) {
        if self.groups[g].spec.channels {
            self.serve_channels(now, g);
            return;
        }
        if let ([t], [after_s]) = (
            &self.groups[g].spec.serves[..],
            &self.groups[g].spec.after_s[..],
        ) {
            // A group of one skill with no callback owed (the one-queue centre): its free
            // agents take the front callers, nothing to choose. Serving never creates a
            // callback, so the general loop below is needed only once one is owed.
            let (t, after_s) = (*t, *after_s);
            while self.callbacks_owed == 0 && self.groups[g].has_free_agent() {
                match self.types[t].queue.front_arrival_s() {
                    Some(arrived) if now >= arrived + after_s => self.answer_front(now, g, 0, t),
                    _ => return,
                }
            }
        }
        while self.groups[g].has_free_agent() {
            if let Some(t) = self.urgent_callback(now, g) {
                self.call_back(now, g, t);
            } else if let Some(t) = self.pick_waiting(now, g) {
                let k = self.groups[g].spec.local(t);
                self.answer_front(now, g, k, t);
            } else if let Some(t) = self.earliest_callback(g) {
                self.call_back(now, g, t);
            } else {
                break;
            }
        }
    }

    /// An agent of group `g` answers the caller at the front of type `t`, the `k`-th
    /// type it serves.
    #[inline]
    fn answer_front(&mut self, now: f64, g: usize, k: usize, t: usize) {
        let w = self.types[t].queue.pop();
        if let Some(timer) = w.timer {
            self.events.cancel(timer);
        }
        self.begin_service(now, g, k, t, w.contact, w.journey);
    }

    /// Free agents and free chat slots of group `g` take work until none is left.
    fn serve_channels(&mut self, now: f64, g: usize) {
        loop {
            let free = self.groups[g].has_free_agent();
            if !free && !self.groups[g].has_chat_room() {
                return;
            }
            if free {
                if let Some(t) = self.urgent_callback(now, g) {
                    self.call_back(now, g, t);
                    continue;
                }
            }
            if let Some(k) = self.pick_channel(now, g, free) {
                let t = self.groups[g].spec.serves[k];
                let w = self.types[t].queue.pop();
                if let Some(timer) = w.timer {
                    self.events.cancel(timer);
                }
                if self.groups[g].spec.chat[k] {
                    self.begin_chat(now, (g, k, t), w.contact, w.journey);
                } else {
                    self.begin_service(now, g, k, t, w.contact, w.journey);
                }
                continue;
            }
            match self.earliest_callback(g).filter(|_| free) {
                Some(t) => self.call_back(now, g, t),
                None => return,
            }
        }
    }

    /// The position in group `g`'s `serves` of the type whose front contact it should
    /// take now; only chat when no agent is `free` (a free chat slot).
    fn pick_channel(&self, now: f64, g: usize, free: bool) -> Option<usize> {
        let spec = &self.groups[g].spec;
        let eligible = |k: usize| {
            if (!free && !spec.chat[k])
                || (spec.email[k] && (self.closing || !self.groups[g].can_take_email()))
            {
                return None;
            }
            self.types[spec.serves[k]]
                .queue
                .front_arrival_s()
                .filter(|&arrived| now >= arrived + spec.after_s[k])
        };
        let ks = 0..spec.serves.len();
        match spec.pick {
            Pick::Priority => ks.clone().find(|&k| eligible(k).is_some()),
            Pick::LongestWait => ks
                .clone()
                .filter(|&k| !spec.email[k])
                .filter_map(|k| eligible(k).map(|a| (k, a)))
                .fold(None, |best: Option<(usize, f64)>, (k, a)| match best {
                    Some((_, b)) if b <= a => best,
                    _ => Some((k, a)),
                })
                .map(|(k, _)| k)
                .or_else(|| ks.clone().find(|&k| spec.email[k] && eligible(k).is_some())),
        }
    }

    /// Free agents of every group take work (after staffing changed).
    pub(super) fn serve_all(&mut self, now: f64) {
        for g in 0..self.groups.len() {
            self.serve(now, g);
        }
    }

    /// The type whose front caller group `g` should answer now, if any is eligible.
    #[inline]
    fn pick_waiting(&self, now: f64, g: usize) -> Option<usize> {
        let spec = &self.groups[g].spec;
        let eligible = |k: usize| {
            let t = spec.serves[k];
            self.types[t]
                .queue
                .front_arrival_s()
                .filter(|&arrived| now >= arrived + spec.after_s[k])
                .map(|arrived| (t, arrived))
        };
        match spec.pick {
            Pick::Priority => (0..spec.serves.len()).find_map(eligible).map(|(t, _)| t),
            Pick::LongestWait => (0..spec.serves.len())
                .filter_map(eligible)
                .fold(
                    None,
                    |best: Option<(usize, f64)>, (t, arrived)| match best {
                        Some((_, b)) if b <= arrived => best,
                        _ => Some((t, arrived)),
                    },
                )
                .map(|(t, _)| t),
        }
    }
}

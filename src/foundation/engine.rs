//! The discrete-event kernel: a future-event list ordered by (time, sequence), so events
//! at equal times pop first-in first-out and every run is deterministic. It knows nothing
//! of what the events mean.
//!
//! Cancellation is lazy: a cancelled event stays in the heap and is skipped when it
//! surfaces. Cancellable events hold a slot in a generation table; cancelling bumps the
//! slot's generation, so the check on pop is one array read and nothing is hashed.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A handle to a scheduled event that may be cancelled before it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    slot: u32,
    generation: u32,
}

const NOT_CANCELLABLE: u32 = u32::MAX;

struct Entry<E> {
    /// Time as ordered bits: for finite non-negative f64 the bit pattern orders like the value.
    time_bits: u64,
    /// Order of scheduling, to pop equal times first-in first-out. 32 bits keep an entry
    /// (with a 12-byte event) at 32 bytes; it wraps only after 4 billion events in one
    /// run, far beyond the size caps, and then only ties at equal times would reorder.
    seq: u32,
    slot: u32,
    generation: u32,
    event: E,
}

impl<E> PartialEq for Entry<E> {
    fn eq(&self, other: &Self) -> bool {
        self.time_bits == other.time_bits && self.seq == other.seq
    }
}
impl<E> Eq for Entry<E> {}
impl<E> PartialOrd for Entry<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Entry<E> {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap and we want the earliest event first.
        (other.time_bits, other.seq).cmp(&(self.time_bits, self.seq))
    }
}

/// The future-event list.
pub struct EventQueue<E> {
    heap: BinaryHeap<Entry<E>>,
    seq: u32,
    now: f64,
    generations: Vec<u32>,
    free_slots: Vec<u32>,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> EventQueue<E> {
    /// An empty queue at time 0.
    pub fn new() -> Self {
        EventQueue {
            heap: BinaryHeap::with_capacity(1024),
            seq: 0,
            now: 0.0,
            generations: Vec::new(),
            free_slots: Vec::new(),
        }
    }

    /// Empties the queue and resets the clock to 0, keeping allocated capacity.
    pub fn clear(&mut self) {
        self.heap.clear();
        self.seq = 0;
        self.now = 0.0;
        self.free_slots.clear();
        // Bump every generation so no handle from before the reset can cancel anything.
        for (slot, g) in self.generations.iter_mut().enumerate() {
            *g = g.wrapping_add(1);
            self.free_slots.push(slot as u32);
        }
    }

    /// The time of the event popped last.
    #[inline]
    pub fn now(&self) -> f64 {
        self.now
    }

    /// Events waiting, including cancelled ones not yet skipped.
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// True when nothing is scheduled.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }

    #[inline]
    fn time_bits(&self, time: f64) -> u64 {
        debug_assert!(
            time >= self.now && time.is_finite(),
            "event scheduled in the past or at a non-finite time: {time} < {}",
            self.now
        );
        // Clamp guards release builds against a -0.0 or a tiny rounding below `now`.
        time.max(self.now).to_bits()
    }

    /// Schedules `event` at absolute `time` (>= now).
    #[inline]
    pub fn schedule(&mut self, time: f64, event: E) {
        let time_bits = self.time_bits(time);
        self.seq = self.seq.wrapping_add(1);
        self.heap.push(Entry {
            time_bits,
            seq: self.seq,
            slot: NOT_CANCELLABLE,
            generation: 0,
            event,
        });
    }

    /// Schedules `event` at `time` and returns a handle that can cancel it.
    #[inline]
    pub fn schedule_cancellable(&mut self, time: f64, event: E) -> Timer {
        let time_bits = self.time_bits(time);
        let slot = match self.free_slots.pop() {
            Some(s) => s,
            None => {
                self.generations.push(0);
                (self.generations.len() - 1) as u32
            }
        };
        let generation = self.generations[slot as usize];
        self.seq = self.seq.wrapping_add(1);
        self.heap.push(Entry {
            time_bits,
            seq: self.seq,
            slot,
            generation,
            event,
        });
        Timer { slot, generation }
    }

    /// Cancels a pending event; cancelling one that already fired or was cancelled does nothing.
    #[inline]
    pub fn cancel(&mut self, timer: Timer) {
        let g = &mut self.generations[timer.slot as usize];
        if *g == timer.generation {
            *g = g.wrapping_add(1);
            self.free_slots.push(timer.slot);
        }
    }

    /// Removes and returns the earliest live event, advancing the clock to its time.
    #[inline]
    pub fn pop(&mut self) -> Option<(f64, E)> {
        while let Some(entry) = self.heap.pop() {
            if let Some(due) = self.settle(entry) {
                return Some(due);
            }
        }
        None
    }

    /// Removes and returns the earliest live event if it is due no later than `limit`;
    /// otherwise leaves it and returns `None`. This lets a caller keep one stream of
    /// events (say, the next external arrival) outside the heap and merge it in order.
    #[inline]
    pub fn pop_until(&mut self, limit: f64) -> Option<(f64, E)> {
        let limit_bits = limit.max(0.0).to_bits();
        loop {
            let top = self.heap.peek()?;
            if top.time_bits > limit_bits {
                return None;
            }
            let entry = self.heap.pop().expect("peeked");
            if let Some(due) = self.settle(entry) {
                return Some(due);
            }
        }
    }

    /// A popped entry: `None` if it was cancelled; otherwise frees its slot (a later
    /// cancel of its stale handle must not hit a reused slot) and moves the clock to it.
    #[inline(always)]
    fn settle(&mut self, entry: Entry<E>) -> Option<(f64, E)> {
        if entry.slot != NOT_CANCELLABLE {
            let g = &mut self.generations[entry.slot as usize];
            if *g != entry.generation {
                return None;
            }
            *g = g.wrapping_add(1);
            self.free_slots.push(entry.slot);
        }
        self.now = f64::from_bits(entry.time_bits);
        Some((self.now, entry.event))
    }

    /// Moves the clock to `time` (>= now) for an event the caller handles outside the heap.
    #[inline]
    pub fn advance_to(&mut self, time: f64) {
        debug_assert!(time >= self.now, "the clock never goes back");
        self.now = time.max(self.now);
    }

    /// The time of the earliest event in the heap (possibly a cancelled one).
    #[inline]
    pub fn peek_time(&self) -> Option<f64> {
        self.heap.peek().map(|e| f64::from_bits(e.time_bits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_in_time_order_and_fifo_at_equal_times() {
        let mut q = EventQueue::new();
        q.schedule(5.0, "c");
        q.schedule(1.0, "a");
        q.schedule(5.0, "d");
        q.schedule(2.0, "b");
        let order: Vec<_> = std::iter::from_fn(|| q.pop().map(|(_, e)| e)).collect();
        assert_eq!(order, ["a", "b", "c", "d"]);
        assert_eq!(q.now(), 5.0);
    }

    #[test]
    fn cancelled_events_are_skipped_and_slots_reused_safely() {
        let mut q = EventQueue::new();
        let t1 = q.schedule_cancellable(1.0, 1);
        let t2 = q.schedule_cancellable(2.0, 2);
        q.cancel(t1);
        // The freed slot is reused; the old handle must not cancel the new event.
        let t3 = q.schedule_cancellable(3.0, 3);
        q.cancel(t1);
        assert_eq!(q.pop(), Some((2.0, 2)));
        // Cancelling an event that already fired is harmless.
        q.cancel(t2);
        assert_eq!(q.pop(), Some((3.0, 3)));
        q.cancel(t3);
        assert_eq!(q.pop(), None);
    }

    #[test]
    fn pop_until_leaves_later_events_and_skips_cancelled_ones() {
        let mut q = EventQueue::new();
        let t = q.schedule_cancellable(1.0, 1);
        q.schedule(2.0, 2);
        q.schedule(3.0, 3);
        q.cancel(t);
        assert_eq!(q.pop_until(1.5), None);
        assert_eq!(q.pop_until(2.0), Some((2.0, 2)));
        q.advance_to(2.5);
        assert_eq!(q.now(), 2.5);
        assert_eq!(q.pop_until(f64::INFINITY), Some((3.0, 3)));
        assert_eq!(q.pop_until(f64::INFINITY), None);
    }

    #[test]
    fn clear_invalidates_old_handles() {
        let mut q = EventQueue::new();
        let t = q.schedule_cancellable(1.0, 1);
        q.clear();
        let _ = q.schedule_cancellable(1.0, 2);
        q.cancel(t);
        assert_eq!(q.pop(), Some((1.0, 2)));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever is scheduled and cancelled, the live events come out sorted by
        /// (time, insertion order) and no cancelled event ever comes out.
        #[test]
        fn pops_exactly_the_live_events_in_order(
            ops in proptest::collection::vec((0u32..50, any::<bool>()), 1..200)
        ) {
            let mut q = EventQueue::new();
            let mut live = Vec::new();
            for (i, (t, cancel)) in ops.iter().enumerate() {
                let timer = q.schedule_cancellable(f64::from(*t), i);
                if *cancel { q.cancel(timer); } else { live.push((*t, i)); }
            }
            live.sort();
            let popped: Vec<_> = std::iter::from_fn(|| q.pop()).map(|(t, i)| (t as u32, i)).collect();
            prop_assert_eq!(popped, live);
        }
    }
}

//! The discrete-event kernel: a future-event list ordered by (time, sequence), so events
//! at equal times pop first-in first-out and every run is deterministic. It knows nothing
//! of what the events mean.
//!
//! The heap holds only 16-byte keys, (time, sequence, slot) packed in one `u128` that
//! orders like (time, sequence): a pop moves half the bytes of a heap of whole events and
//! compares with one integer comparison per child, which is most of the cost of an event.
//! The events themselves wait in a slab of slots, named by the key's low 32 bits, unless
//! they fit in 31 of those bits (see [`Packed`]).
//!
//! Cancellable events (deadlines that are usually called off, such as a waiting
//! caller's patience) keep their keys in a second, small heap, merged with the first
//! by key on every pop, so the order is the one a single heap would give. Cancellation
//! is lazy: a cancelled key stays until it surfaces and is skipped, and sifts only the
//! small heap; once no cancellable event is live, the small heap is emptied at once.
//! A slot's generation changes each time it is freed, so a handle to an event that
//! already fired (or to a slot reused since) cancels nothing.

/// An event that can travel inside its heap key: its 31-bit code, or `None` for one
/// that waits in a slot. The events scheduled most often should have a code: they then
/// cost neither a slot nor its bookkeeping.
pub trait Packed: Sized {
    /// The event's code, below 2^31, if it has one.
    fn pack(&self) -> Option<u32>;
    /// The event of a code `pack` gave.
    fn unpack(code: u32) -> Self;
}

/// Marks a key whose low 31 bits are an event's code rather than a slot.
const PACKED: u32 = 1 << 31;

/// A handle to a scheduled event that may be cancelled before it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    slot: u32,
    generation: u32,
}

/// Where a scheduled event waits until its key reaches the top of the heap.
struct Slot<E> {
    event: Option<E>,
    generation: u32,
    /// False once cancelled.
    live: bool,
}

/// The key of an event: time as ordered bits (for finite non-negative f64 the bit
/// pattern orders like the value), then the order of scheduling, then the slot. Only
/// the first two decide the order: no two pending events share a sequence number (it
/// wraps only after 4 billion events in one run, far beyond the size caps, and then
/// only ties at equal times would reorder).
#[inline(always)]
fn key(time_bits: u64, seq: u32, slot: u32) -> u128 {
    (u128::from(time_bits) << 64) | (u128::from(seq) << 32) | u128::from(slot)
}

/// Stands for an empty heap's top: above every key, since a key's time is never negative.
const NONE: u128 = u128::MAX;

/// The future-event list.
pub struct EventQueue<E> {
    /// A binary min-heap of keys.
    heap: Vec<u128>,
    /// A binary min-heap of the keys of cancellable events.
    timers: Vec<u128>,
    /// The top of `timers`, or `NONE`: read on every pop without touching the vector.
    first_timer: u128,
    /// Cancellable events neither fired nor cancelled.
    live_timers: u32,
    slots: Vec<Slot<E>>,
    free_slots: Vec<u32>,
    seq: u32,
    now: f64,
}

impl<E: Packed> Default for EventQueue<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: Packed> EventQueue<E> {
    /// An empty queue at time 0.
    pub fn new() -> Self {
        EventQueue {
            heap: Vec::with_capacity(1024),
            timers: Vec::with_capacity(256),
            first_timer: NONE,
            live_timers: 0,
            slots: Vec::with_capacity(1024),
            free_slots: Vec::with_capacity(1024),
            seq: 0,
            now: 0.0,
        }
    }

    /// Empties the queue and resets the clock to 0, keeping allocated capacity.
    pub fn clear(&mut self) {
        self.heap.clear();
        self.timers.clear();
        self.first_timer = NONE;
        self.live_timers = 0;
        self.seq = 0;
        self.now = 0.0;
        self.free_slots.clear();
        // Bump every generation so no handle from before the reset can cancel anything.
        for (slot, s) in self.slots.iter_mut().enumerate() {
            s.event = None;
            s.generation = s.generation.wrapping_add(1);
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
        self.heap.len() + self.timers.len()
    }

    /// True when nothing is scheduled.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty() && self.timers.is_empty()
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

    /// Stores `event` in a free slot and returns its key.
    #[inline(always)]
    fn insert(&mut self, time: f64, event: E) -> u128 {
        let time_bits = self.time_bits(time);
        let slot = match self.free_slots.pop() {
            Some(s) => {
                let entry = &mut self.slots[s as usize];
                entry.event = Some(event);
                entry.live = true;
                s
            }
            None => {
                self.slots.push(Slot {
                    event: Some(event),
                    generation: 0,
                    live: true,
                });
                (self.slots.len() - 1) as u32
            }
        };
        self.seq = self.seq.wrapping_add(1);
        key(time_bits, self.seq, slot)
    }

    /// Schedules `event` at absolute `time` (>= now).
    #[inline]
    pub fn schedule(&mut self, time: f64, event: E) {
        if let Some(code) = event.pack() {
            debug_assert!(code < PACKED, "codes fit in 31 bits");
            let time_bits = self.time_bits(time);
            self.seq = self.seq.wrapping_add(1);
            push_key(&mut self.heap, key(time_bits, self.seq, PACKED | code));
            return;
        }
        let k = self.insert(time, event);
        push_key(&mut self.heap, k);
    }

    /// Schedules `event` at `time` and returns a handle that can cancel it.
    #[inline]
    pub fn schedule_cancellable(&mut self, time: f64, event: E) -> Timer {
        let k = self.insert(time, event);
        push_key(&mut self.timers, k);
        self.first_timer = self.timers[0];
        self.live_timers += 1;
        let slot = k as u32;
        Timer {
            slot,
            generation: self.slots[slot as usize].generation,
        }
    }

    /// Cancels a pending event; cancelling one that already fired or was cancelled does nothing.
    #[inline]
    pub fn cancel(&mut self, timer: Timer) {
        let s = &mut self.slots[timer.slot as usize];
        if s.generation == timer.generation && s.live {
            s.live = false;
            self.live_timers -= 1;
            if self.live_timers == 0 {
                self.drop_timers();
            }
        }
    }

    /// Frees the slots of the timers left, all cancelled, and empties their heap.
    fn drop_timers(&mut self) {
        for &k in &self.timers {
            let slot = k as u32;
            let s = &mut self.slots[slot as usize];
            s.event = None;
            s.generation = s.generation.wrapping_add(1);
            self.free_slots.push(slot);
        }
        self.timers.clear();
        self.first_timer = NONE;
    }

    /// Removes and returns the earliest live event, advancing the clock to its time.
    #[inline]
    pub fn pop(&mut self) -> Option<(f64, E)> {
        self.pop_until(f64::INFINITY)
    }

    /// Removes and returns the earliest live event if it is due no later than `limit`;
    /// otherwise leaves it and returns `None`. This lets a caller keep one stream of
    /// events (say, the next external arrival) outside the heap and merge it in order.
    #[inline]
    pub fn pop_until(&mut self, limit: f64) -> Option<(f64, E)> {
        let limit_bits = limit.max(0.0).to_bits();
        loop {
            let top = self.heap.first().copied().unwrap_or(NONE);
            let from_timers = self.first_timer < top;
            let top = if from_timers { self.first_timer } else { top };
            // Both heaps empty: `NONE`'s time bits are above any limit's, so this returns.
            let time_bits = (top >> 64) as u64;
            if time_bits > limit_bits {
                return None;
            }
            let low = top as u32;
            if from_timers {
                pop_key(&mut self.timers);
                self.first_timer = self.timers.first().copied().unwrap_or(NONE);
            } else {
                pop_key(&mut self.heap);
                if low & PACKED != 0 {
                    self.now = f64::from_bits(time_bits);
                    return Some((self.now, E::unpack(low & !PACKED)));
                }
            }
            // The slot is freed whether the event fires or was cancelled; its new
            // generation keeps a stale handle from cancelling the slot's next event.
            let slot = low;
            let s = &mut self.slots[slot as usize];
            let event = s.event.take();
            s.generation = s.generation.wrapping_add(1);
            let live = s.live;
            self.free_slots.push(slot);
            if live {
                if from_timers {
                    self.live_timers -= 1;
                }
                self.now = f64::from_bits(time_bits);
                return Some((self.now, event.expect("a scheduled slot holds its event")));
            }
        }
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
        let top = self
            .heap
            .first()
            .copied()
            .unwrap_or(NONE)
            .min(self.first_timer);
        (top != NONE).then(|| f64::from_bits((top >> 64) as u64))
    }
}

/// Adds `k` to `heap`: up from the bottom while its parent is later.
#[inline(always)]
fn push_key(heap: &mut Vec<u128>, k: u128) {
    let mut pos = heap.len();
    heap.push(k);
    let heap = &mut heap[..];
    while pos > 0 {
        let parent = (pos - 1) / 2;
        let p = at(heap, parent);
        if p <= k {
            break;
        }
        set(heap, pos, p);
        pos = parent;
    }
    set(heap, pos, k);
}

/// Removes the top key of `heap` (not empty). The last key fills the hole: first down
/// to the bottom along the earlier children, then up to its place, which saves a
/// comparison per level since the last key nearly always belongs near the bottom.
#[inline(always)]
fn pop_key(heap: &mut Vec<u128>) {
    let Some(last) = heap.pop() else {
        return;
    };
    let heap = &mut heap[..];
    let end = heap.len();
    if end == 0 {
        return;
    }
    let mut pos = 0;
    let mut child = 1;
    while child + 1 < end {
        let (l, r) = (at(heap, child), at(heap, child + 1));
        let (c, v) = if r < l { (child + 1, r) } else { (child, l) };
        set(heap, pos, v);
        pos = c;
        child = 2 * c + 1;
    }
    if child + 1 == end {
        set(heap, pos, at(heap, child));
        pos = child;
    }
    while pos > 0 {
        let parent = (pos - 1) / 2;
        let p = at(heap, parent);
        if p <= last {
            break;
        }
        set(heap, pos, p);
        pos = parent;
    }
    set(heap, pos, last);
}

// The sift loops above run on every event and their indices stay below the heap's
// length by construction (a child is read only when `child + 1 < end`, a parent is
// below its child, and a written position was read before); the bounds checks they
// would otherwise pay are a fifth of an event's cost. Debug builds still check.

/// `heap[i]` for an `i` below `heap.len()`.
#[inline(always)]
fn at(heap: &[u128], i: usize) -> u128 {
    debug_assert!(i < heap.len());
    // SAFETY: every caller passes an index below the heap's length (see above).
    unsafe { *heap.get_unchecked(i) }
}

/// `heap[i] = k` for an `i` below `heap.len()`.
#[inline(always)]
fn set(heap: &mut [u128], i: usize, k: u128) {
    debug_assert!(i < heap.len());
    // SAFETY: every caller passes an index below the heap's length (see above).
    unsafe { *heap.get_unchecked_mut(i) = k }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

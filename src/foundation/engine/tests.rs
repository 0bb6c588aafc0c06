//! The event list's order, cancellation and reuse of slots, by hand.

use super::*;

/// Test events: even numbers travel in their keys, odd ones wait in slots.
impl Packed for usize {
    fn pack(&self) -> Option<u32> {
        (*self % 2 == 0).then_some(*self as u32)
    }
    fn unpack(code: u32) -> Self {
        code as usize
    }
}

impl Packed for i32 {
    fn pack(&self) -> Option<u32> {
        (*self % 2 == 0).then_some(*self as u32)
    }
    fn unpack(code: u32) -> Self {
        code as i32
    }
}

impl Packed for &str {
    fn pack(&self) -> Option<u32> {
        None
    }
    fn unpack(_: u32) -> Self {
        unreachable!("never packed")
    }
}

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
fn a_fired_events_handle_does_not_cancel_its_slots_next_event() {
    let mut q = EventQueue::new();
    let t1 = q.schedule_cancellable(1.0, 1);
    assert_eq!(q.pop(), Some((1.0, 1)));
    // The slot of the fired event is reused by the next one.
    let _ = q.schedule_cancellable(2.0, 2);
    q.cancel(t1);
    assert_eq!(q.pop(), Some((2.0, 2)));
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

#[test]
fn timers_and_plain_events_interleave_by_time_then_scheduling_order() {
    let mut q = EventQueue::new();
    let t = q.schedule_cancellable(2.0, 1);
    q.schedule(2.0, 3);
    let _ = q.schedule_cancellable(1.0, 5);
    q.schedule(2.0, 4);
    let _ = q.schedule_cancellable(2.0, 7);
    assert_eq!(q.peek_time(), Some(1.0));
    let order: Vec<_> = std::iter::from_fn(|| q.pop().map(|(_, e)| e)).collect();
    assert_eq!(order, [5, 1, 3, 4, 7]);
    q.cancel(t);
    assert!(q.is_empty());
}

#[test]
fn cancelling_the_last_live_timer_drops_every_cancelled_key_at_once() {
    let mut q = EventQueue::new();
    let timers: Vec<_> = (1..=5)
        .map(|i| q.schedule_cancellable(f64::from(i), i))
        .collect();
    q.schedule(9.0, 2);
    for &t in &timers[..4] {
        q.cancel(t);
    }
    // One timer still live: the cancelled keys wait to be skipped.
    assert_eq!(q.len(), 6);
    q.cancel(timers[4]);
    assert_eq!(q.len(), 1);
    assert_eq!(q.peek_time(), Some(9.0));
    // Their slots are free again and their handles stale.
    let t = q.schedule_cancellable(3.0, 11);
    q.cancel(timers[0]);
    assert_eq!(q.pop(), Some((3.0, 11)));
    q.cancel(t);
    assert_eq!(q.pop(), Some((9.0, 2)));
    assert_eq!(q.pop(), None);
}

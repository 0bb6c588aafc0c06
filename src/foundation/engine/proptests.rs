//! The event list's order under any mix of scheduling and cancelling.

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
            // Every third live event is scheduled without a handle: the even ones
            // travel in their keys, so both kinds of event mix in the heap.
            if !*cancel && i % 3 == 0 {
                q.schedule(f64::from(*t), i);
                live.push((*t, i));
                continue;
            }
            let timer = q.schedule_cancellable(f64::from(*t), i);
            if *cancel { q.cancel(timer); } else { live.push((*t, i)); }
        }
        live.sort();
        let popped: Vec<_> = std::iter::from_fn(|| q.pop()).map(|(t, i)| (t as u32, i)).collect();
        prop_assert_eq!(popped, live);
    }
}

//! The event heap's key carries the commonest event itself, so it needs no slot.

use super::{Event, NO_SLOT};
use crate::engine::Packed;

/// The end of a service that holds no journey, as most ends are, travels in the event
/// heap's key (bits 0–14 the type served, 15–29 the group, 30 the line held); every
/// other event waits in a slot of the heap.
impl Packed for Event {
    #[inline(always)]
    fn pack(&self) -> Option<u32> {
        match *self {
            Event::ServiceEnd {
                slot: NO_SLOT,
                group,
                served,
                holds_line,
            } if group < 1 << 15 && served < 1 << 15 => {
                Some(u32::from(holds_line) << 30 | u32::from(group) << 15 | u32::from(served))
            }
            _ => None,
        }
    }

    #[inline(always)]
    fn unpack(code: u32) -> Self {
        Event::ServiceEnd {
            slot: NO_SLOT,
            group: (code >> 15 & 0x7fff) as u16,
            served: (code & 0x7fff) as u16,
            holds_line: code >> 30 & 1 == 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_end_of_service_without_a_journey_travels_in_its_code_and_comes_back_whole() {
        for (group, served, holds_line) in [(0, 0, false), (7, 3, true), (32_767, 32_767, true)] {
            let e = Event::ServiceEnd {
                slot: NO_SLOT,
                group,
                served,
                holds_line,
            };
            let code = e.pack().expect("packed");
            assert!(code < 1 << 31);
            assert_eq!(Event::unpack(code), e);
        }
        // A journey's slot, a group past 15 bits, or any other event waits in a slot.
        let with_slot = Event::ServiceEnd {
            slot: 4,
            group: 0,
            served: 0,
            holds_line: false,
        };
        let wide = Event::ServiceEnd {
            slot: NO_SLOT,
            group: 1 << 15,
            served: 0,
            holds_line: false,
        };
        for e in [with_slot, wide, Event::LineRelease, Event::Close] {
            assert_eq!(e.pack(), None, "{e:?}");
        }
    }
}

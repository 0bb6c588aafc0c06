//! The customer journey: a fresh contact and everything that follows from it (self-service,
//! waits, abandonments, redials, callbacks, repeats) until it ends. A journey travels with
//! its current contact; while it waits for a future event it is parked in a slab whose
//! slot is freed when it moves on, so memory follows the customers in the system, never
//! the horizon. At its end the journey is scored (docs/model.md).

use rand::Rng;
use rand_distr::{Distribution, StandardNormal};

use crate::metrics::JourneyCounters;
use crate::scenario::Satisfaction;

/// How a journey ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Resolved by an agent.
    Resolved,
    /// Resolved in self-service.
    Deflected,
    /// Abandoned or blocked, and did not try again.
    GaveUp,
    /// Every callback attempt failed.
    CallbackFailed,
    /// Handled but not resolved, and did not come back.
    Unresolved,
    /// Still under way at the end of the horizon (scored as it stands).
    StillOpen,
}

impl Outcome {
    /// True for endings that carry the "unresolved" penalty.
    pub fn is_unresolved(self) -> bool {
        matches!(
            self,
            Outcome::GaveUp | Outcome::CallbackFailed | Outcome::Unresolved
        )
    }
}

/// What a journey has been through so far.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Journey {
    /// Interval of the day of the fresh contact (journey statistics are kept by it).
    pub fresh_interval: u32,
    /// Contacts so far: fresh, redials, repeats and completed callbacks.
    pub contacts: u16,
    /// Inbound attempts since the last handled contact, the first included (redial limit).
    pub attempts: u16,
    /// Abandonments so far.
    pub abandonments: u16,
    /// Whether self-service was tried and failed.
    pub self_service_failed: bool,
    /// Seconds waited in queue, summed over the journey.
    pub wait_s: f64,
    /// This customer's standard normal satisfaction noise, drawn when the journey starts
    /// so that scores do not depend on the order in which journeys end (and the same
    /// customer has the same temperament in every scenario with the same seed).
    pub noise_z: f64,
}

impl Journey {
    /// A journey starting with a fresh contact in `interval`, with noise `noise_z`.
    #[inline]
    pub fn new(interval: u32, noise_z: f64) -> Self {
        Journey {
            fresh_interval: interval,
            contacts: 1,
            attempts: 1,
            abandonments: 0,
            self_service_failed: false,
            wait_s: 0.0,
            noise_z,
        }
    }

    /// The score before noise and rounding: base plus the penalties this journey earned.
    pub fn raw_score(&self, outcome: Outcome, s: &Satisfaction) -> f64 {
        let mut x = s.base_score
            + s.per_minute_waited * self.wait_s / 60.0
            + s.abandoned * f64::from(self.abandonments)
            + s.per_extra_contact * f64::from(self.contacts.saturating_sub(1));
        if outcome.is_unresolved() {
            x += s.unresolved;
        }
        if self.self_service_failed {
            x += s.self_service_failed;
        }
        x
    }
}

/// A standard normal draw for a new journey's noise (0 when the model has no noise).
#[inline]
pub fn draw_noise<R: Rng>(noise_sd: f64, rng: &mut R) -> f64 {
    if noise_sd > 0.0 {
        StandardNormal.sample(rng)
    } else {
        0.0
    }
}

/// The 0–10 score: raw score plus `noise_sd` × the journey's noise, rounded (half away
/// from zero) and clamped.
#[inline]
pub fn score(raw: f64, noise_sd: f64, noise_z: f64) -> u8 {
    // floor(x + 0.5) by truncation, which equals rounding half away from zero for x >= 0;
    // below 0 the clamp gives 0 either way. Avoids a libm call on the per-journey path.
    let y = raw + noise_sd * noise_z + 0.5;
    if y <= 0.0 || y.is_nan() {
        0
    } else if y >= 10.0 {
        10
    } else {
        y as u8
    }
}

/// Records a finished journey in its fresh interval's counters.
#[inline]
pub fn record(c: &mut JourneyCounters, j: &Journey, outcome: Outcome, score: u8) {
    c.journeys += 1;
    match outcome {
        Outcome::Resolved => c.resolved += 1,
        Outcome::Deflected => c.deflected += 1,
        Outcome::GaveUp => c.gave_up += 1,
        Outcome::CallbackFailed => c.callback_failed += 1,
        Outcome::Unresolved => c.unresolved += 1,
        Outcome::StillOpen => c.still_open += 1,
    }
    c.contacts += u64::from(j.contacts);
    c.abandonments += u64::from(j.abandonments);
    c.wait_s += j.wait_s;
    c.scores[score as usize] += 1;
}

/// A slab of parked records with a free list: O(1) park and take, no per-contact allocation
/// once warm.
pub struct Slab<T> {
    items: Vec<Option<T>>,
    free: Vec<u32>,
}

impl<T> Default for Slab<T> {
    fn default() -> Self {
        Slab {
            items: Vec::new(),
            free: Vec::new(),
        }
    }
}

impl<T> Slab<T> {
    /// Stores `item` and returns its slot.
    #[inline]
    pub fn park(&mut self, item: T) -> u32 {
        match self.free.pop() {
            Some(slot) => {
                self.items[slot as usize] = Some(item);
                slot
            }
            None => {
                self.items.push(Some(item));
                (self.items.len() - 1) as u32
            }
        }
    }

    /// Removes and returns the item in `slot`.
    #[inline]
    pub fn take(&mut self, slot: u32) -> T {
        let item = self.items[slot as usize]
            .take()
            .expect("a parked slot is taken once");
        self.free.push(slot);
        item
    }

    /// The item in `slot`.
    #[inline]
    pub fn get_mut(&mut self, slot: u32) -> &mut T {
        self.items[slot as usize]
            .as_mut()
            .expect("a parked slot is in use")
    }

    /// Removes every item, keeping the allocation.
    pub fn clear(&mut self) {
        self.items.clear();
        self.free.clear();
    }

    /// Items still parked.
    pub fn len(&self) -> usize {
        self.items.len() - self.free.len()
    }

    /// True when nothing is parked.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn scores_follow_the_formula_by_hand() {
        let s = Satisfaction::default();
        // Served at once, resolved: 8.5 rounds to 9.
        let j = Journey::new(0, 0.0);
        assert_eq!(score(j.raw_score(Outcome::Resolved, &s), 0.0, 0.0), 9);
        // Waited 3 minutes, abandoned once, redialled, then resolved:
        // 8.5 − 0.4·3 − 2.5 − 1.0 = 3.8 → 4.
        let j = Journey {
            contacts: 2,
            abandonments: 1,
            wait_s: 180.0,
            ..Journey::new(0, 0.0)
        };
        assert!((j.raw_score(Outcome::Resolved, &s) - 3.8).abs() < 1e-12);
        assert_eq!(score(j.raw_score(Outcome::Resolved, &s), 0.0, 0.0), 4);
        // Gave up after failed self-service and 10 minutes: 8.5 − 4 − 2.5 − 3 − 0.5 < 0 → 0.
        let j = Journey {
            abandonments: 1,
            wait_s: 600.0,
            self_service_failed: true,
            ..Journey::new(0, 0.0)
        };
        assert_eq!(score(j.raw_score(Outcome::GaveUp, &s), 0.0, 0.0), 0);
        // Noise adds sd × z before rounding: 8.5 + 1.5 × 1.2 = 10.3 → 10 (clamped).
        let j = Journey::new(0, 1.2);
        assert_eq!(
            score(j.raw_score(Outcome::Resolved, &s), 1.5, j.noise_z),
            10
        );
        assert_eq!(score(8.5, 1.5, -1.0), 7);
    }

    #[test]
    fn slab_reuses_slots() {
        let mut s = Slab::default();
        let a = s.park(1);
        let b = s.park(2);
        assert_eq!(s.take(a), 1);
        let c = s.park(3);
        assert_eq!(c, a);
        assert_eq!(*s.get_mut(b), 2);
        assert_eq!(s.len(), 2);
    }
}

//! Random streams. Every replication owns independent generators derived from
//! (master seed, replication, purpose), so results do not depend on which thread runs
//! which replication, and two scenarios with the same seed see the same arrivals,
//! handle times and patience draws (common random numbers).

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// The generator every stream uses: a named, portable algorithm (not `StdRng`).
pub type Stream = Xoshiro256PlusPlus;

/// What a stream is used for; the discriminant is part of its seed.
#[derive(Debug, Clone, Copy)]
#[repr(u64)]
pub enum Purpose {
    /// Day factors and inter-arrival times.
    Arrivals = 1,
    /// Talk and wrap-up times.
    Handling = 2,
    /// Patience of each caller.
    Patience = 3,
    /// Whether a fresh contact tries self-service, is contained, and for how long.
    SelfService = 4,
    /// Callback acceptance, reach and retry delays.
    Callback = 5,
    /// Whether and when an abandoned caller redials.
    Redial = 6,
    /// Resolution at contact and repeat delays.
    Resolution = 7,
    /// Individual noise of satisfaction scores.
    Satisfaction = 8,
    /// Which rostered agents are absent on which day (a key, hashed per agent and day).
    Absence = 9,
    /// The centre-wide day factor every type shares.
    SharedDay = 10,
}

/// SplitMix64's finaliser: a bijective mix so nearby inputs give unrelated seeds.
pub(in crate::simulation::model) fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The stream for one (seed, replication, purpose).
pub fn stream(seed: u64, replication: u32, purpose: Purpose) -> Stream {
    let key = mix(mix(mix(seed) ^ u64::from(replication)) ^ purpose as u64);
    Stream::seed_from_u64(key)
}

/// The stream for one (seed, replication, purpose) of contact type `ty`: type 0's are
/// exactly [`stream`]'s, so a one-type centre draws what it always drew, and every other
/// type has streams of its own (common random numbers per type across scenarios).
pub fn type_stream(seed: u64, replication: u32, purpose: Purpose, ty: usize) -> Stream {
    if ty == 0 {
        return stream(seed, replication, purpose);
    }
    let key = mix(mix(mix(seed) ^ u64::from(replication)) ^ purpose as u64);
    Stream::seed_from_u64(mix(key ^ mix(0x7970_6500 + ty as u64)))
}

/// The streams of one replication.
pub struct Streams {
    /// Day factors and inter-arrival times.
    pub arrivals: Stream,
    /// Talk and wrap-up times.
    pub handling: Stream,
    /// Patience.
    pub patience: Stream,
    /// Self-service.
    pub self_service: Stream,
    /// Callbacks.
    pub callback: Stream,
    /// Redials.
    pub redial: Stream,
    /// Resolution and repeats.
    pub resolution: Stream,
    /// Satisfaction noise.
    pub satisfaction: Stream,
    /// The key of this replication's absences: each agent's draw is a hash of it
    /// (`absence.rs`), not a place in a shared stream.
    pub absence_key: u64,
}

impl Streams {
    /// All streams of replication `replication` under master seed `seed`.
    pub fn new(seed: u64, replication: u32) -> Self {
        Self::for_type(seed, replication, 0)
    }

    /// All streams of contact type `ty` in replication `replication`.
    pub fn for_type(seed: u64, replication: u32, ty: usize) -> Self {
        let s = |p| type_stream(seed, replication, p, ty);
        Streams {
            arrivals: s(Purpose::Arrivals),
            handling: s(Purpose::Handling),
            patience: s(Purpose::Patience),
            self_service: s(Purpose::SelfService),
            callback: s(Purpose::Callback),
            redial: s(Purpose::Redial),
            resolution: s(Purpose::Resolution),
            satisfaction: s(Purpose::Satisfaction),
            absence_key: mix(mix(mix(seed) ^ u64::from(replication)) ^ Purpose::Absence as u64),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn streams_differ_by_replication_and_purpose_and_repeat_by_seed() {
        let first = |s: u64, r: u32, p: Purpose| stream(s, r, p).random::<u64>();
        assert_eq!(
            first(7, 3, Purpose::Handling),
            first(7, 3, Purpose::Handling)
        );
        assert_ne!(
            first(7, 3, Purpose::Handling),
            first(7, 4, Purpose::Handling)
        );
        assert_ne!(
            first(7, 3, Purpose::Handling),
            first(7, 3, Purpose::Patience)
        );
        assert_ne!(
            first(7, 3, Purpose::Handling),
            first(8, 3, Purpose::Handling)
        );
    }
}

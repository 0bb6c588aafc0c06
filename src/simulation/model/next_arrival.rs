//! Which contact type's fresh arrival comes next, in O(log types) per arrival: a
//! tournament tree over the types' next arrival times. Ties go to the lower type, as a
//! scan in type order would give them, so a centre's draws and choices do not depend on
//! how the earliest is found.

/// A tournament over the next arrival time of each type.
#[derive(Default)]
pub(super) struct Earliest {
    /// Leaves: each type's next arrival time (padding: never).
    times: Vec<f64>,
    /// Winner (type index) of each internal node; node 1 is the root.
    winners: Vec<u32>,
    /// Number of leaves, a power of two.
    width: usize,
}

impl Earliest {
    /// A tournament of `types` types, none due yet.
    pub fn new(types: usize) -> Self {
        let width = types.next_power_of_two().max(1);
        let mut e = Earliest {
            times: vec![f64::INFINITY; width],
            winners: vec![0; width],
            width,
        };
        for node in (1..width).rev() {
            e.winners[node] = e.play(e.child(2 * node), e.child(2 * node + 1));
        }
        e
    }

    /// The winner below `node` (a leaf when `node >= width`).
    #[inline]
    fn child(&self, node: usize) -> u32 {
        if node >= self.width {
            (node - self.width) as u32
        } else {
            self.winners[node]
        }
    }

    /// The earlier of types `a` < `b` (the lower on a tie).
    #[inline]
    fn play(&self, a: u32, b: u32) -> u32 {
        if self.times[b as usize] < self.times[a as usize] {
            b
        } else {
            a
        }
    }

    /// Type `t`'s next arrival is now at `time`; returns the type due first.
    #[inline]
    pub fn update(&mut self, t: usize, time: f64) -> usize {
        self.times[t] = time;
        let mut node = (self.width + t) / 2;
        while node >= 1 {
            self.winners[node] = self.play(self.child(2 * node), self.child(2 * node + 1));
            node /= 2;
        }
        self.first()
    }

    /// The type due first.
    #[inline]
    pub fn first(&self) -> usize {
        if self.width == 1 {
            0
        } else {
            self.winners[1] as usize
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first type holding the smallest time, as a scan in type order finds it.
    fn scan(times: &[f64]) -> usize {
        let mut best = (f64::INFINITY, 0);
        for (k, &t) in times.iter().enumerate() {
            if t < best.0 {
                best = (t, k);
            }
        }
        best.1
    }

    #[test]
    fn finds_the_earliest_type_and_breaks_ties_to_the_lower_one() {
        for types in [1, 2, 3, 5, 8, 50] {
            let mut e = Earliest::new(types);
            let mut times = vec![f64::INFINITY; types];
            // A fixed walk of updates with many equal times.
            for step in 0..500usize {
                let t = (step * 7 + step / 3) % types;
                let time = ((step * 37) % 11) as f64;
                times[t] = time;
                let first = e.update(t, time);
                assert_eq!(first, scan(&times), "{types} types, step {step}");
            }
        }
    }
}

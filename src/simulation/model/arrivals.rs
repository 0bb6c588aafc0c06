//! Fresh arrivals: a non-homogeneous Poisson process, piecewise constant per interval,
//! with each day's rates multiplied by a gamma day factor (mean 1, CV `day_cv`): the
//! doubly stochastic model of docs/model.md. With `day_factors`, each day's rates are also
//! multiplied by that day's factor (the week's shape). With `shared_day_cv`, one more
//! gamma factor per day, common to every type, multiplies all of them: busy days hit
//! every queue together.

use rand::Rng;
use rand_distr::{Distribution, Exp1, Gamma};

/// How the days of a replication differ: the gamma day factor's CV and the factor of
/// each day of the week (repeating; empty = 1 every day).
#[derive(Debug, Clone, Copy)]
pub struct DayVariation<'a> {
    /// CV of the gamma day factor (0 = none).
    pub cv: f64,
    /// Each day's volume factor, repeating.
    pub factors: &'a [f64],
    /// Each day's own volumes per interval (a forecast), in place of the one day's.
    pub by_day: Option<&'a [Vec<f64>]>,
}

/// Generates fresh arrival times one at a time, in order, over the days of a replication.
pub struct ArrivalClock {
    /// Rate per second of each interval of the day, before the day factor.
    base_rates: Vec<f64>,
    interval_s: f64,
    day_span_s: f64,
    days: u32,
    day_factor: Option<Gamma<f64>>,
    week: Vec<f64>,
    /// The centre-wide factor of each day (empty = none).
    shared: Vec<f64>,
    /// Each day's rates per second, from a forecast (empty = `base_rates` every day).
    rates_by_day: Vec<Vec<f64>>,
    day: u32,
    interval: usize,
    rate: f64,
    time: f64,
    /// The current interval's end and arrival rate per second (day factor applied),
    /// worked out once per interval rather than once per arrival.
    end: f64,
    lambda: f64,
}

impl ArrivalClock {
    /// A clock over `days` days whose interval `i` expects `volumes[i]` arrivals.
    pub fn new(
        volumes: &[f64],
        interval_s: f64,
        day_span_s: f64,
        days: u32,
        variation: DayVariation<'_>,
    ) -> Self {
        let day_cv = variation.cv;
        let day_factor = (day_cv > 0.0).then(|| {
            let shape = 1.0 / (day_cv * day_cv);
            Gamma::new(shape, 1.0 / shape).expect("validated day_cv > 0")
        });
        ArrivalClock {
            base_rates: volumes.iter().map(|v| v / interval_s).collect(),
            interval_s,
            day_span_s,
            days,
            day_factor,
            week: variation.factors.to_vec(),
            shared: Vec::new(),
            rates_by_day: variation
                .by_day
                .unwrap_or_default()
                .iter()
                .map(|day| day.iter().map(|v| v / interval_s).collect())
                .collect(),
            day: 0,
            interval: 0,
            rate: 0.0,
            time: 0.0,
            end: 0.0,
            lambda: 0.0,
        }
    }

    /// The factor applied to the current day's rates.
    fn start_day<R: Rng>(&mut self, rng: &mut R) {
        if let Some(rates) = self.rates_by_day.get(self.day as usize) {
            self.base_rates.copy_from_slice(rates);
        }
        self.rate = self.day_factor.map_or(1.0, |g| g.sample(rng));
        // Multiplied only when given, so that a file without day factors draws and
        // computes exactly what it always did.
        if !self.week.is_empty() {
            self.rate *= self.week[self.day as usize % self.week.len()];
        }
        if !self.shared.is_empty() {
            self.rate *= self.shared[self.day as usize];
        }
        self.interval = 0;
        self.time = f64::from(self.day) * self.day_span_s;
        self.enter_interval();
    }

    /// The end and rate of the current interval of the current day.
    fn enter_interval(&mut self) {
        let day_start = f64::from(self.day) * self.day_span_s;
        self.end = day_start + (self.interval + 1) as f64 * self.interval_s;
        self.lambda = self
            .base_rates
            .get(self.interval)
            .map_or(0.0, |r| r * self.rate);
    }

    /// Starts the clock for a new replication whose days have the centre-wide factors
    /// `shared` (one per day, or empty for none).
    pub fn reset<R: Rng>(&mut self, rng: &mut R, shared: &[f64]) {
        self.shared.clear();
        self.shared.extend_from_slice(shared);
        self.day = 0;
        self.start_day(rng);
    }

    /// The next arrival as (time, interval of the day, day), or `None` after the last day.
    /// Crossing an interval boundary draws afresh from the boundary, which is exact for a
    /// Poisson process because it is memoryless.
    #[inline(always)]
    pub fn next<R: Rng>(&mut self, rng: &mut R) -> Option<(f64, usize, u32)> {
        loop {
            if self.day >= self.days {
                return None;
            }
            if self.lambda > 0.0 {
                let e: f64 = Exp1.sample(rng);
                let t = self.time + e / self.lambda;
                if t < self.end {
                    self.time = t;
                    return Some((t, self.interval, self.day));
                }
            }
            self.time = self.end;
            self.interval += 1;
            if self.interval == self.base_rates.len() {
                self.day += 1;
                if self.day < self.days {
                    self.start_day(rng);
                }
            } else {
                self.enter_interval();
            }
        }
    }
}

/// The centre-wide day factors of a replication: gamma, mean 1, CV `shared_day_cv`,
/// drawn from a stream of their own so that without them every other draw is unchanged.
pub struct SharedDays {
    gamma: Option<Gamma<f64>>,
    days: u32,
    factors: Vec<f64>,
}

impl SharedDays {
    /// Factors with CV `cv` (0 = none) over `days` days.
    pub fn new(cv: f64, days: u32) -> Self {
        let gamma = (cv > 0.0).then(|| {
            let shape = 1.0 / (cv * cv);
            Gamma::new(shape, 1.0 / shape).expect("validated shared_day_cv > 0")
        });
        SharedDays {
            gamma,
            days,
            factors: Vec::new(),
        }
    }

    /// Draws replication `replication`'s factors; empty when there are none.
    pub fn draw(&mut self, seed: u64, replication: u32) -> &[f64] {
        self.factors.clear();
        if let Some(g) = self.gamma {
            let mut rng =
                super::streams::stream(seed, replication, super::streams::Purpose::SharedDay);
            self.factors
                .extend((0..self.days).map(|_| g.sample(&mut rng)));
        }
        &self.factors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_xoshiro::Xoshiro256PlusPlus;

    #[test]
    fn counts_per_interval_match_volumes() {
        let volumes = [50.0, 0.0, 200.0];
        let none = DayVariation {
            cv: 0.0,
            factors: &[],
            by_day: None,
        };
        let mut clock = ArrivalClock::new(&volumes, 1800.0, 86_400.0, 400, none);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        clock.reset(&mut rng, &[]);
        let mut counts = [0u32; 3];
        let mut last = 0.0;
        while let Some((t, i, d)) = clock.next(&mut rng) {
            assert!(t >= last, "arrivals come in order");
            let in_day = t - f64::from(d) * 86_400.0;
            assert!(in_day >= i as f64 * 1800.0 && in_day < (i + 1) as f64 * 1800.0);
            last = t;
            counts[i] += 1;
        }
        // Poisson counts over 400 days: mean 400·v, sd √(400·v); 5 sd is a safe band.
        for (c, v) in counts.iter().zip(volumes) {
            let m = 400.0 * v;
            assert!(
                (f64::from(*c) - m).abs() <= 5.0 * m.sqrt().max(1.0),
                "{c} vs {m}"
            );
        }
    }
}

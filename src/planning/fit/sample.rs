//! A bounded summary of millions of durations: running moments (exact, Pébay's one-pass
//! update) and a fine histogram on a logarithmic grid that keeps, per bin, the count and
//! the sum of its values. Memory is the same for a hundred rows or a billion (about
//! 1,800 bins × 16 bytes per duration kept), and the likelihood of any family can be
//! evaluated bin by bin at each bin's own mean: with bins 1.2 % wide the error this
//! grouping brings to a fitted mean or CV is far below its sampling error.

/// Lower edge of the first regular bin, in seconds; shorter durations (and 0) share one bin.
pub const LOWEST_S: f64 = 0.01;
/// Bins per factor of ten.
pub const BINS_PER_DECADE: f64 = 200.0;
/// Decades covered above [`LOWEST_S`]: up to 1e7 s, ccsim's longest duration.
const DECADES: f64 = 9.0;
/// Bins in a histogram: one for the shortest durations, then the regular grid.
pub const BINS: usize = 1 + (BINS_PER_DECADE * DECADES) as usize;

/// Counts and value sums on the logarithmic grid.
#[derive(Debug, Clone)]
pub struct Histogram {
    counts: Vec<u64>,
    sums: Vec<f64>,
}

impl Default for Histogram {
    fn default() -> Self {
        Histogram {
            counts: vec![0; BINS],
            sums: vec![0.0; BINS],
        }
    }
}

/// The bin of a duration: 0 below [`LOWEST_S`], the last one for anything past the grid.
pub fn bin_of(x: f64) -> usize {
    if x < LOWEST_S {
        return 0;
    }
    let k = ((x / LOWEST_S).log10() * BINS_PER_DECADE) as usize;
    (1 + k).min(BINS - 1)
}

/// One occupied bin: how many values and where they sit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bin {
    /// Mean of the values in the bin (at least `LOWEST_S / 2`, so that logarithms exist).
    pub at: f64,
    /// How many values.
    pub count: u64,
}

impl Histogram {
    /// Adds one value.
    pub fn add(&mut self, x: f64) {
        let b = bin_of(x);
        self.counts[b] += 1;
        self.sums[b] += x;
    }

    /// Removes every value in the bins above bin `b`; returns how many there were.
    pub fn remove_above(&mut self, b: usize) -> u64 {
        let mut removed = 0;
        for k in b + 1..BINS {
            removed += self.counts[k];
            self.counts[k] = 0;
            self.sums[k] = 0.0;
        }
        removed
    }

    /// How many values each bin holds, shortest first.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// How many values were added.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The occupied bins, shortest first.
    pub fn bins(&self) -> impl Iterator<Item = Bin> + '_ {
        self.counts
            .iter()
            .zip(&self.sums)
            .filter(|(c, _)| **c > 0)
            .map(|(&count, &sum)| Bin {
                at: (sum / count as f64).max(LOWEST_S / 2.0),
                count,
            })
    }

    /// The occupied bins of this histogram and `other` merged on one time axis, as
    /// (time, count here, count in other), shortest first: what Kaplan–Meier and a
    /// censored likelihood read.
    pub fn zip<'a>(&'a self, other: &'a Histogram) -> impl Iterator<Item = (f64, u64, u64)> + 'a {
        (0..BINS)
            .filter(|&b| self.counts[b] + other.counts[b] > 0)
            .map(|b| {
                let n = self.counts[b] + other.counts[b];
                let at = ((self.sums[b] + other.sums[b]) / n as f64).max(LOWEST_S / 2.0);
                (at, self.counts[b], other.counts[b])
            })
    }
}

/// Exact running moments of a stream of values.
#[derive(Debug, Clone, Copy, Default)]
pub struct Moments {
    /// How many values.
    pub n: u64,
    /// Their mean.
    pub mean: f64,
    m2: f64,
    m3: f64,
    m4: f64,
    /// Smallest value (infinite when empty).
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// Sum of the values.
    pub sum: f64,
}

impl Moments {
    /// Adds one value (Pébay 2008, the one-pass update of the central moments).
    pub fn add(&mut self, x: f64) {
        if self.n == 0 {
            self.min = x;
            self.max = x;
        }
        self.min = self.min.min(x);
        self.max = self.max.max(x);
        self.sum += x;
        let n1 = self.n as f64;
        self.n += 1;
        let n = self.n as f64;
        let delta = x - self.mean;
        let dn = delta / n;
        let dn2 = dn * dn;
        let term1 = delta * dn * n1;
        self.mean += dn;
        self.m4 += term1 * dn2 * (n * n - 3.0 * n + 3.0) + 6.0 * dn2 * self.m2 - 4.0 * dn * self.m3;
        self.m3 += term1 * dn * (n - 2.0) - 3.0 * dn * self.m2;
        self.m2 += term1;
    }

    /// Adds `k` values all equal to `x` at once (Pébay's update for merging two sets, the
    /// second with no spread).
    pub fn add_repeated(&mut self, x: f64, k: u64) {
        if k == 0 {
            return;
        }
        if self.n == 0 {
            self.min = x;
            self.max = x;
        }
        self.min = self.min.min(x);
        self.max = self.max.max(x);
        self.sum += x * k as f64;
        let (na, nb) = (self.n as f64, k as f64);
        let n = na + nb;
        let d = x - self.mean;
        let (m2, m3) = (self.m2, self.m3);
        self.mean += d * nb / n;
        self.m4 += d.powi(4) * na * nb * (na * na - na * nb + nb * nb) / n.powi(3)
            + 6.0 * d * d * nb * nb * m2 / (n * n)
            - 4.0 * d * nb * m3 / n;
        self.m3 += d.powi(3) * na * nb * (na - nb) / (n * n) - 3.0 * d * nb * m2 / n;
        self.m2 += d * d * na * nb / n;
        self.n += k;
    }

    /// The moments of the values in `h`, each taken at its bin's mean: what is left
    /// once outliers are removed from the histogram.
    pub fn of(h: &Histogram) -> Moments {
        let mut m = Moments::default();
        for (&count, &sum) in h.counts.iter().zip(&h.sums) {
            if count > 0 {
                m.add_repeated(sum / count as f64, count);
            }
        }
        m
    }

    /// Sample variance (n − 1).
    pub fn variance(&self) -> f64 {
        if self.n < 2 {
            return f64::NAN;
        }
        self.m2 / (self.n as f64 - 1.0)
    }

    /// Sample coefficient of variation.
    pub fn cv(&self) -> f64 {
        self.variance().sqrt() / self.mean
    }

    /// Standard error of the sample CV (delta method on the mean and the variance,
    /// which needs the third and fourth central moments).
    pub fn cv_standard_error(&self) -> f64 {
        let n = self.n as f64;
        if self.n < 4 {
            return f64::NAN;
        }
        let (m2, m3, m4) = (self.m2 / n, self.m3 / n, self.m4 / n);
        let (mu, cv) = (self.mean, self.cv());
        let var_mean = m2 / n;
        let var_var = (m4 - m2 * m2) / n;
        let cov = m3 / n;
        let d_mean = -cv / mu;
        let d_var = 1.0 / (2.0 * m2.sqrt() * mu);
        (d_mean * d_mean * var_mean + d_var * d_var * var_var + 2.0 * d_mean * d_var * cov)
            .max(0.0)
            .sqrt()
    }
}

/// A stream of durations: exact moments and the histogram.
#[derive(Debug, Clone, Default)]
pub struct Sample {
    /// Running moments.
    pub moments: Moments,
    /// The values on the grid.
    pub histogram: Histogram,
}

impl Sample {
    /// Adds one duration.
    pub fn add(&mut self, x: f64) {
        self.moments.add(x);
        self.histogram.add(x);
    }

    /// Leaves out the values in bins above `b` (moments then from the bins); returns
    /// how many.
    pub fn remove_above(&mut self, b: usize) -> u64 {
        let removed = self.histogram.remove_above(b);
        if removed > 0 {
            self.moments = Moments::of(&self.histogram);
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_match_the_two_pass_formulas() {
        let xs: Vec<f64> = (1..=1000)
            .map(|i| f64::from(i).powf(1.3) % 97.0 + 1.0)
            .collect();
        let mut m = Moments::default();
        xs.iter().for_each(|&x| m.add(x));
        let n = xs.len() as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
        assert!((m.mean - mean).abs() < 1e-9);
        assert!((m.variance() - var).abs() < 1e-7 * var);
        let m4 = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>();
        assert!((m.m4 - m4).abs() < 1e-7 * m4);
    }

    #[test]
    fn repeated_values_update_moments_as_one_by_one() {
        let (mut a, mut b) = (Moments::default(), Moments::default());
        for (x, k) in [(3.0, 4), (10.0, 1), (0.5, 7), (200.0, 2)] {
            a.add_repeated(x, k);
            (0..k).for_each(|_| b.add(x));
        }
        assert_eq!(a.n, b.n);
        for (x, y) in [(a.mean, b.mean), (a.m2, b.m2), (a.m3, b.m3), (a.m4, b.m4)] {
            assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0), "{x} {y}");
        }
        assert_eq!((a.min, a.max), (0.5, 200.0));
    }

    #[test]
    fn histogram_keeps_counts_and_bin_means() {
        let mut h = Histogram::default();
        for x in [0.0, 0.001, 5.0, 5.001, 300.0, 1e9] {
            h.add(x);
        }
        let bins: Vec<Bin> = h.bins().collect();
        assert_eq!(h.total(), 6);
        assert_eq!(bins.len(), 4);
        assert_eq!(bins[0].count, 2);
        assert!((bins[1].at - 5.0005).abs() < 1e-9);
        assert_eq!(bins[3].at, 1e9);
    }
}

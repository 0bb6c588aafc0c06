//! Durations far beyond the rest of their kind (a 9,999,999 s sentinel, a call left open
//! over a weekend) are reported and left out of the fits, not averaged in: one such row
//! among thousands would otherwise set the mean handle time. The rule is robust, read
//! off the histogram: on the logarithmic scale (durations are skewed, their logarithms
//! far less), a value more than [`FENCE_IQRS`] interquartile ranges above the upper
//! quartile of the positive values is an outlier. For a lognormal that is 7.4 standard
//! deviations of its logarithm (about one value in 10¹³: a genuine long call is never
//! left out, where 3 ranges, 4.7 deviations, caught one of 36,000 lognormal talk times);
//! for an exponential, about 3,600 times its mean.

use super::sample::{bin_of, Histogram, BINS, BINS_PER_DECADE, LOWEST_S};
use crate::limits::shown;

/// How many interquartile ranges above the upper quartile (log scale) the fence is.
pub const FENCE_IQRS: f64 = 5.0;
/// Smallest log-scale interquartile range used: a factor of 2, so that durations
/// almost all equal (a fixed wrap-up) do not make every slightly longer one an outlier.
const MIN_LOG_IQR: f64 = std::f64::consts::LN_2;
/// Fewest positive values for their quartiles to say where the bulk lies.
const MIN_VALUES: u64 = 20;
/// How many of the largest values are kept, with their lines, as examples.
const EXAMPLES: usize = 3;

/// The largest values seen, with the line of each, largest first.
#[derive(Debug, Clone, Default)]
pub struct Largest(Vec<(f64, u64)>);

impl Largest {
    /// Notes value `x` read on line `line`.
    pub fn add(&mut self, x: f64, line: u64) {
        if self.0.len() == EXAMPLES && self.0.last().is_some_and(|l| x <= l.0) {
            return;
        }
        let at = self.0.partition_point(|v| v.0 >= x);
        self.0.insert(at, (x, line));
        self.0.truncate(EXAMPLES);
    }
}

/// Durations of one kind left out as outliers.
#[derive(Debug, Clone, PartialEq)]
pub struct Outliers {
    /// What they are (`talk_s`, `wrap_s`, `wait_s`).
    pub column: &'static str,
    /// How many were left out.
    pub count: u64,
    /// Values above this (the upper edge of the fence's bin) were left out, seconds.
    pub fence: f64,
    /// The largest of them, with their lines.
    pub examples: Vec<(f64, u64)>,
}

impl Outliers {
    /// One line for the terminal and the scenario's comments.
    pub fn describe(&self) -> String {
        let examples: Vec<String> = self
            .examples
            .iter()
            .map(|(x, line)| format!("{x} s on line {line}"))
            .collect();
        format!(
            "{} outlying {} value{} left out of the fit (above {} s, more than {FENCE_IQRS} interquartile ranges above the upper quartile on a log scale), e.g. {}",
            self.count,
            self.column,
            if self.count == 1 { "" } else { "s" },
            shown(self.fence.round()),
            examples.join(", ")
        )
    }
}

/// The logarithm of the middle of bin `b` (`b` ≥ 1).
fn log_mid(b: usize) -> f64 {
    LOWEST_S.ln() + (b as f64 - 0.5) / BINS_PER_DECADE * std::f64::consts::LN_10
}

/// The last bin inside the fence of the positive values of `hs` together; `None` when
/// they are too few to say.
pub fn fence_bin(hs: &[&Histogram]) -> Option<usize> {
    let count = |b: usize| hs.iter().map(|h| h.counts()[b]).sum::<u64>();
    let total: u64 = (1..BINS).map(count).sum();
    if total < MIN_VALUES {
        return None;
    }
    let quantile = |p: f64| {
        let rank = (p * total as f64).ceil().max(1.0) as u64;
        let mut seen = 0;
        (1..BINS)
            .find(|&b| {
                seen += count(b);
                seen >= rank
            })
            .unwrap_or(BINS - 1)
    };
    let (q1, q3) = (log_mid(quantile(0.25)), log_mid(quantile(0.75)));
    let fence = q3 + FENCE_IQRS * (q3 - q1).max(MIN_LOG_IQR);
    Some(bin_of(fence.exp()))
}

/// Upper edge of bin `b`, in seconds.
fn upper_edge(b: usize) -> f64 {
    LOWEST_S * 10f64.powf(b as f64 / BINS_PER_DECADE)
}

/// The report of `count` values of `column` left out above bin `fence`, with the
/// examples among `largest` that lie above it.
pub fn report(column: &'static str, count: u64, fence: usize, largest: &Largest) -> Outliers {
    Outliers {
        column,
        count,
        fence: upper_edge(fence),
        examples: largest
            .0
            .iter()
            .copied()
            .filter(|&(x, _)| bin_of(x) > fence)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fence_leaves_a_skewed_bulk_alone_and_catches_a_sentinel() {
        let mut h = Histogram::default();
        // 1,000 values spread over 60–1,200 s (a factor of 20), and one sentinel.
        for i in 0..1000 {
            h.add(60.0 * 20f64.powf(f64::from(i) / 999.0));
        }
        let b = fence_bin(&[&h]).unwrap();
        assert!(upper_edge(b) > 1200.0 * 10.0, "{}", upper_edge(b));
        h.add(9_999_999.0);
        assert_eq!(h.remove_above(fence_bin(&[&h]).unwrap()), 1);
    }

    #[test]
    fn keeps_the_largest_values_with_their_lines() {
        let mut l = Largest::default();
        for (k, x) in [5.0, 1.0, 9.0, 7.0, 3.0].into_iter().enumerate() {
            l.add(x, k as u64 + 2);
        }
        assert_eq!(l.0, vec![(9.0, 4), (7.0, 5), (5.0, 2)]);
    }
}

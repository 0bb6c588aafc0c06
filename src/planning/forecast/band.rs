//! The 80 % prediction interval of an interval's volume. A forecast day's total varies
//! around the forecast by a day factor (its relative variance `c²` measured by the
//! backtest), the contacts within it arrive at random (Poisson), and the intraday share
//! itself was estimated from `k` days (adding about μ ÷ k): the count then has mean μ and
//! variance μ (1 + 1/k) + c²μ², which a gamma distribution with those two moments
//! carries; its 10th and 90th percentiles are the band.

use statrs::distribution::{ContinuousCDF, Gamma};

/// Nominal coverage of the band.
pub const COVERAGE: f64 = 0.80;

/// The band `(low, high)` around `mu` for a day relative variance `c2`, the share of
/// the day learnt from `k` days (0: the share is known, as for a day's total).
pub fn band(mu: f64, c2: f64, k: usize) -> (f64, f64) {
    if mu <= 0.0 || !mu.is_finite() {
        return (0.0, 0.0);
    }
    let shape = if k == 0 { 0.0 } else { 1.0 / k as f64 };
    let var = mu * (1.0 + shape) + c2.max(0.0) * mu * mu;
    let Ok(g) = Gamma::new(mu * mu / var, mu / var) else {
        return (mu, mu);
    };
    let tail = (1.0 - COVERAGE) / 2.0;
    // Far below one contact the lower tail sits at 0, where the inversion can fail.
    let finite = |x: f64, or: f64| if x.is_finite() { x } else { or };
    let high = finite(g.inverse_cdf(1.0 - tail), mu + 1.2816 * var.sqrt());
    (
        finite(g.inverse_cdf(tail), 0.0).clamp(0.0, mu),
        high.max(mu),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_poisson_band_is_about_its_nominal_width() {
        // Poisson(100): sd 10, so the 80 % band is about 100 ± 1.28 × 10.
        let (lo, hi) = band(100.0, 0.0, 0);
        assert!(
            (lo - 87.3).abs() < 1.0 && (hi - 113.0).abs() < 1.0,
            "{lo} {hi}"
        );
        // A day factor widens it; nothing expected gives nothing.
        let (lo2, hi2) = band(100.0, 0.01, 0);
        assert!(lo2 < lo && hi2 > hi);
        assert_eq!(band(0.0, 0.1, 8), (0.0, 0.0));
        // A fraction of a contact: a finite band from 0 around it.
        let (lo, hi) = band(0.05, 0.01, 8);
        assert!(lo == 0.0 && hi.is_finite() && hi >= 0.05, "{lo} {hi}");
    }
}

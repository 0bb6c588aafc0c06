//! Estimates over replications: running mean and variance (Welford) that merge, and the
//! 95 % Student-t half-width. Undefined values (a ratio with no denominator in some
//! replication) are left out of that metric's sample rather than counted as zero.

use serde::Serialize;

/// A running sample: count, mean and sum of squared deviations.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Running {
    n: u64,
    mean: f64,
    m2: f64,
}

impl Running {
    /// Adds one observation; NaN (undefined) is skipped.
    #[inline]
    pub fn push(&mut self, x: f64) {
        if x.is_nan() {
            return;
        }
        self.n += 1;
        let d = x - self.mean;
        self.mean += d / self.n as f64;
        self.m2 += d * (x - self.mean);
    }

    /// Observations so far.
    pub fn count(&self) -> u64 {
        self.n
    }

    /// The sample mean (NaN when empty).
    pub fn mean(&self) -> f64 {
        if self.n == 0 {
            f64::NAN
        } else {
            self.mean
        }
    }

    /// The sample standard deviation (NaN with fewer than 2 observations).
    pub fn sd(&self) -> f64 {
        if self.n < 2 {
            f64::NAN
        } else {
            (self.m2 / (self.n - 1) as f64).sqrt()
        }
    }

    /// Mean and 95 % half-width.
    pub fn estimate(&self) -> Estimate {
        let half_width = if self.n < 2 {
            f64::NAN
        } else {
            t_quantile_975(self.n - 1) * self.sd() / (self.n as f64).sqrt()
        };
        Estimate {
            mean: self.mean(),
            half_width,
        }
    }
}

/// A Monte Carlo estimate: the mean over replications and its 95 % half-width.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    /// Mean over replications (JSON null when undefined).
    #[serde(serialize_with = "finite_or_null")]
    pub mean: f64,
    /// Half-width of the 95 % Student-t confidence interval.
    #[serde(serialize_with = "finite_or_null")]
    pub half_width: f64,
}

impl Estimate {
    /// True when `x` lies inside the confidence interval.
    pub fn contains(&self, x: f64) -> bool {
        (self.mean - x).abs() <= self.half_width
    }

    /// A known value with no uncertainty.
    pub fn exact(x: f64) -> Self {
        Estimate {
            mean: x,
            half_width: 0.0,
        }
    }
}

fn finite_or_null<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.is_finite() {
        s.serialize_f64(*x)
    } else {
        s.serialize_none()
    }
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom.
pub fn t_quantile_975(df: u64) -> f64 {
    const TABLE: [f64; 30] = [
        12.706_204_736,
        4.302_652_730,
        3.182_446_305,
        2.776_445_105,
        2.570_581_836,
        2.446_911_851,
        2.364_624_252,
        2.306_004_135,
        2.262_157_163,
        2.228_138_852,
        2.200_985_160,
        2.178_812_830,
        2.160_368_656,
        2.144_786_688,
        2.131_449_546,
        2.119_905_299,
        2.109_815_578,
        2.100_922_040,
        2.093_024_054,
        2.085_963_447,
        2.079_613_845,
        2.073_873_068,
        2.068_657_610,
        2.063_898_562,
        2.059_538_553,
        2.055_529_439,
        2.051_830_516,
        2.048_407_142,
        2.045_229_642,
        2.042_272_456,
    ];
    match df {
        0 => f64::NAN,
        1..=30 => TABLE[df as usize - 1],
        _ => {
            // Cornish–Fisher expansion around the normal quantile; error < 1e-6 for df > 30.
            let z = 1.959_963_984_540_054_f64;
            let n = df as f64;
            let z3 = z.powi(3);
            let z5 = z.powi(5);
            let z7 = z.powi(7);
            z + (z3 + z) / (4.0 * n)
                + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * n * n)
                + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * n * n * n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_quantiles_match_tables() {
        assert!((t_quantile_975(10) - 2.228_138_852).abs() < 1e-9);
        assert!((t_quantile_975(40) - 2.021_075_39).abs() < 1e-6);
        assert!((t_quantile_975(100) - 1.983_971_52).abs() < 1e-6);
        assert!((t_quantile_975(1_000_000) - 1.959_966).abs() < 1e-5);
    }

    #[test]
    fn running_matches_two_pass_and_skips_nan() {
        let xs = [3.0, 5.0, f64::NAN, 9.0, 4.0];
        let mut r = Running::default();
        xs.iter().for_each(|x| r.push(*x));
        assert_eq!(r.count(), 4);
        assert!((r.mean() - 5.25).abs() < 1e-12);
        let var: f64 = [3.0, 5.0, 9.0, 4.0f64]
            .iter()
            .map(|x| (x - 5.25f64).powi(2))
            .sum::<f64>()
            / 3.0;
        assert!((r.sd() - var.sqrt()).abs() < 1e-12);
        let e = r.estimate();
        assert!((e.half_width - 3.182_446_305 * var.sqrt() / 2.0).abs() < 1e-9);
    }
}

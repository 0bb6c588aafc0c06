//! Checked duration distributions: built once from the scenario's parameters (a lognormal
//! from mean and CV), then sampled in the hot loop without any further checks.

use std::fmt;

use rand::Rng;
use rand_distr::{Distribution, Exp1, Gamma, StandardNormal};

/// A distribution of durations in seconds, already validated and ready to sample.
#[derive(Debug, Clone, PartialEq)]
pub enum Duration {
    /// Exponential with the given mean.
    Exponential { mean_s: f64 },
    /// Lognormal with the given mean and coefficient of variation.
    LogNormal {
        mean_s: f64,
        cv: f64,
        mu: f64,
        sigma: f64,
    },
    /// Gamma with the given mean and coefficient of variation.
    Gamma {
        mean_s: f64,
        cv: f64,
        gamma: Gamma<f64>,
    },
    /// Weibull with the given mean and coefficient of variation.
    Weibull {
        mean_s: f64,
        cv: f64,
        scale: f64,
        inv_shape: f64,
    },
    /// Uniform between two bounds.
    Uniform { min_s: f64, max_s: f64 },
    /// Always the same value.
    Fixed { value_s: f64 },
    /// Resampled with equal weights from observed values.
    Empirical { values_s: Vec<f64> },
}

/// Why a distribution's parameters were refused.
#[derive(Debug, Clone, PartialEq)]
pub struct DistError {
    /// The parameter at fault, as it is named in the scenario file.
    pub field: &'static str,
    /// What was expected.
    pub expected: String,
}

fn check_positive(field: &'static str, v: f64) -> Result<f64, DistError> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(DistError {
            field,
            expected: format!("a finite number > 0, found {v}"),
        })
    }
}

fn check_non_negative(field: &'static str, v: f64) -> Result<f64, DistError> {
    if v.is_finite() && v >= 0.0 {
        Ok(v)
    } else {
        Err(DistError {
            field,
            expected: format!("a finite number >= 0, found {v}"),
        })
    }
}

impl Duration {
    /// An exponential distribution with mean `mean_s` (> 0).
    pub fn exponential(mean_s: f64) -> Result<Self, DistError> {
        Ok(Duration::Exponential {
            mean_s: check_positive("mean_s", mean_s)?,
        })
    }

    /// A lognormal distribution from its mean and CV (both > 0).
    pub fn lognormal(mean_s: f64, cv: f64) -> Result<Self, DistError> {
        let mean_s = check_positive("mean_s", mean_s)?;
        let cv = check_positive("cv", cv)?;
        let sigma2 = (1.0 + cv * cv).ln();
        Ok(Duration::LogNormal {
            mean_s,
            cv,
            mu: mean_s.ln() - sigma2 / 2.0,
            sigma: sigma2.sqrt(),
        })
    }

    /// A gamma distribution from its mean and CV (both > 0).
    pub fn gamma(mean_s: f64, cv: f64) -> Result<Self, DistError> {
        let mean_s = check_positive("mean_s", mean_s)?;
        let cv = check_positive("cv", cv)?;
        let shape = 1.0 / (cv * cv);
        let gamma = Gamma::new(shape, mean_s / shape).map_err(|e| DistError {
            field: "cv",
            expected: format!("parameters giving a valid gamma distribution ({e})"),
        })?;
        Ok(Duration::Gamma { mean_s, cv, gamma })
    }

    /// A Weibull distribution from its mean and CV (both > 0); the shape is solved numerically.
    pub fn weibull(mean_s: f64, cv: f64) -> Result<Self, DistError> {
        let mean_s = check_positive("mean_s", mean_s)?;
        let cv = check_positive("cv", cv)?;
        if !(0.02..=20.0).contains(&cv) {
            return Err(DistError {
                field: "cv",
                expected: format!("a Weibull CV between 0.02 and 20, found {cv}"),
            });
        }
        let shape = weibull_shape_for_cv(cv);
        let scale = mean_s / gamma_fn(1.0 + 1.0 / shape);
        Ok(Duration::Weibull {
            mean_s,
            cv,
            scale,
            inv_shape: 1.0 / shape,
        })
    }

    /// A uniform distribution on [min_s, max_s], 0 <= min_s <= max_s.
    pub fn uniform(min_s: f64, max_s: f64) -> Result<Self, DistError> {
        let min_s = check_non_negative("min_s", min_s)?;
        let max_s = check_non_negative("max_s", max_s)?;
        if max_s < min_s {
            return Err(DistError {
                field: "max_s",
                expected: format!("a value >= min_s ({min_s}), found {max_s}"),
            });
        }
        Ok(Duration::Uniform { min_s, max_s })
    }

    /// A constant duration (>= 0).
    pub fn fixed(value_s: f64) -> Result<Self, DistError> {
        Ok(Duration::Fixed {
            value_s: check_non_negative("value_s", value_s)?,
        })
    }

    /// An empirical distribution: a non-empty list of durations (each >= 0).
    pub fn empirical(values_s: Vec<f64>) -> Result<Self, DistError> {
        if values_s.is_empty() {
            return Err(DistError {
                field: "values_s",
                expected: "a non-empty list of durations".into(),
            });
        }
        for v in &values_s {
            check_non_negative("values_s", *v)?;
        }
        if values_s.iter().all(|v| *v == 0.0) {
            return Err(DistError {
                field: "values_s",
                expected: "at least one value > 0".into(),
            });
        }
        Ok(Duration::Empirical { values_s })
    }

    /// The distribution's mean in seconds.
    pub fn mean(&self) -> f64 {
        match self {
            Duration::Exponential { mean_s }
            | Duration::LogNormal { mean_s, .. }
            | Duration::Gamma { mean_s, .. }
            | Duration::Weibull { mean_s, .. } => *mean_s,
            Duration::Uniform { min_s, max_s } => (min_s + max_s) / 2.0,
            Duration::Fixed { value_s } => *value_s,
            Duration::Empirical { values_s } => {
                values_s.iter().sum::<f64>() / values_s.len() as f64
            }
        }
    }

    /// True when this is the exponential distribution (the Erlang models' assumption).
    pub fn is_exponential(&self) -> bool {
        matches!(self, Duration::Exponential { .. })
    }

    /// Draws one duration in seconds.
    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match self {
            Duration::Exponential { mean_s } => {
                let e: f64 = Exp1.sample(rng);
                e * mean_s
            }
            Duration::LogNormal { mu, sigma, .. } => {
                let z: f64 = StandardNormal.sample(rng);
                (mu + sigma * z).exp()
            }
            Duration::Gamma { gamma, .. } => gamma.sample(rng),
            Duration::Weibull {
                scale, inv_shape, ..
            } => {
                let e: f64 = Exp1.sample(rng);
                scale * e.powf(*inv_shape)
            }
            Duration::Uniform { min_s, max_s } => {
                let u: f64 = rng.random();
                min_s + (max_s - min_s) * u
            }
            Duration::Fixed { value_s } => *value_s,
            Duration::Empirical { values_s } => values_s[rng.random_range(0..values_s.len())],
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Duration::Exponential { mean_s } => write!(f, "Exponential(mean={mean_s} s)"),
            Duration::LogNormal { mean_s, cv, .. } => {
                write!(f, "LogNormal(mean={mean_s} s, cv={cv})")
            }
            Duration::Gamma { mean_s, cv, .. } => write!(f, "Gamma(mean={mean_s} s, cv={cv})"),
            Duration::Weibull { mean_s, cv, .. } => {
                write!(f, "Weibull(mean={mean_s} s, cv={cv})")
            }
            Duration::Uniform { min_s, max_s } => write!(f, "Uniform({min_s} s to {max_s} s)"),
            Duration::Fixed { value_s } => write!(f, "Fixed({value_s} s)"),
            Duration::Empirical { values_s } => write!(
                f,
                "Empirical({} values, mean={:.1} s)",
                values_s.len(),
                self.mean()
            ),
        }
    }
}

/// The Weibull shape k whose CV is `cv`: CV² = Γ(1+2/k)/Γ(1+1/k)² − 1 decreases in k,
/// so bisection on log k converges without any starting guess.
fn weibull_shape_for_cv(cv: f64) -> f64 {
    let cv_of = |k: f64| {
        let g1 = gamma_fn(1.0 + 1.0 / k);
        (gamma_fn(1.0 + 2.0 / k) / (g1 * g1) - 1.0).sqrt()
    };
    let (mut lo, mut hi) = (0.05f64.ln(), 100.0f64.ln());
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if cv_of(mid.exp()) > cv {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (0.5 * (lo + hi)).exp()
}

/// The gamma function Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9).
pub fn gamma_fn(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma_fn(1.0 - x))
    } else {
        let x = x - 1.0;
        let mut a = C[0];
        let t = x + G + 0.5;
        for (i, c) in C.iter().enumerate().skip(1) {
            a += c / (x + i as f64);
        }
        (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_xoshiro::Xoshiro256PlusPlus;

    fn moments(d: &Duration, n: usize) -> (f64, f64) {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
        let xs: Vec<f64> = (0..n).map(|_| d.sample(&mut rng)).collect();
        let m = xs.iter().sum::<f64>() / n as f64;
        let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1) as f64;
        (m, v.sqrt() / m)
    }

    #[test]
    fn sampled_mean_and_cv_match_parameters() {
        let n = 400_000;
        for d in [
            Duration::exponential(180.0).unwrap(),
            Duration::lognormal(270.0, 0.8).unwrap(),
            Duration::gamma(200.0, 0.5).unwrap(),
            Duration::weibull(150.0, 1.3).unwrap(),
        ] {
            let (m, cv) = moments(&d, n);
            let want_cv = match &d {
                Duration::Exponential { .. } => 1.0,
                Duration::LogNormal { cv, .. }
                | Duration::Gamma { cv, .. }
                | Duration::Weibull { cv, .. } => *cv,
                _ => unreachable!(),
            };
            // Standard error of the mean is cv·mean/√n: 5 standard errors is a safe band.
            let tol = 5.0 * want_cv * d.mean() / (n as f64).sqrt();
            assert!((m - d.mean()).abs() < tol, "{d}: mean {m}");
            assert!(
                (cv - want_cv).abs() < 0.03 * want_cv.max(1.0),
                "{d}: cv {cv}"
            );
        }
    }

    #[test]
    fn gamma_function_matches_factorials() {
        assert!((gamma_fn(5.0) - 24.0).abs() < 1e-9);
        assert!((gamma_fn(0.5) - std::f64::consts::PI.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn refuses_non_positive_means_and_bad_bounds() {
        assert_eq!(Duration::exponential(0.0).unwrap_err().field, "mean_s");
        assert_eq!(Duration::lognormal(10.0, -1.0).unwrap_err().field, "cv");
        assert_eq!(Duration::uniform(5.0, 1.0).unwrap_err().field, "max_s");
        assert!(Duration::fixed(f64::NAN).is_err());
        assert!(Duration::empirical(vec![]).is_err());
        assert!(Duration::fixed(0.0).is_ok());
    }

    #[test]
    fn display_names_the_parameters() {
        let d = Duration::lognormal(270.0, 0.8).unwrap();
        assert_eq!(d.to_string(), "LogNormal(mean=270 s, cv=0.8)");
    }
}

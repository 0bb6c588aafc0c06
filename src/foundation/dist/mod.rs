//! Checked duration distributions: built once from the scenario's parameters (a lognormal
//! from mean and CV), then sampled in the hot loop without any further checks.

use std::fmt;

use rand::Rng;
use rand_distr::{Distribution, Exp1, Gamma, StandardNormal};

use crate::limits;

mod shape;
#[cfg(test)]
mod tests;

pub use shape::gamma_fn;
use shape::weibull_shape_for_cv;

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
    /// The parameter at fault, as it is named in the scenario file (`values_s[3]` for
    /// one value of a list).
    pub field: String,
    /// What was expected.
    pub expected: String,
}

/// A mean or bound in seconds: finite, above 0 (or at least 0 when `zero_ok`), and at
/// most [`limits::MAX_DURATION_S`].
fn check_seconds(field: &str, v: f64, zero_ok: bool) -> Result<f64, DistError> {
    let above_floor = if zero_ok { v >= 0.0 } else { v > 0.0 };
    if v.is_finite() && above_floor && v <= limits::MAX_DURATION_S {
        Ok(v)
    } else {
        let from = if zero_ok { "from 0" } else { "above 0" };
        Err(DistError {
            field: field.to_string(),
            expected: format!(
                "seconds {from} to {} (about 115 days), found {}",
                limits::shown(limits::MAX_DURATION_S),
                limits::shown(v)
            ),
        })
    }
}

/// A coefficient of variation: finite, above 0, at most `max` (the family's cap).
fn check_cv(family: &str, cv: f64, min: f64, max: f64) -> Result<f64, DistError> {
    if cv.is_finite() && cv > 0.0 && cv >= min && cv <= max {
        Ok(cv)
    } else {
        let from = if min > 0.0 {
            format!("from {min}")
        } else {
            "above 0".to_string()
        };
        Err(DistError {
            field: "cv".into(),
            expected: format!(
                "a {family} CV {from} to {max} (beyond it sampled means drift from the configured mean), found {}",
                limits::shown(cv)
            ),
        })
    }
}

impl Duration {
    /// An exponential distribution with mean `mean_s` (> 0).
    pub fn exponential(mean_s: f64) -> Result<Self, DistError> {
        Ok(Duration::Exponential {
            mean_s: check_seconds("mean_s", mean_s, false)?,
        })
    }

    /// A lognormal distribution from its mean (seconds, above 0, at most
    /// [`limits::MAX_DURATION_S`]) and CV (above 0, at most [`limits::MAX_CV`]).
    pub fn lognormal(mean_s: f64, cv: f64) -> Result<Self, DistError> {
        let mean_s = check_seconds("mean_s", mean_s, false)?;
        let cv = check_cv("lognormal", cv, 0.0, limits::MAX_CV)?;
        let sigma2 = (1.0 + cv * cv).ln();
        Ok(Duration::LogNormal {
            mean_s,
            cv,
            mu: mean_s.ln() - sigma2 / 2.0,
            sigma: sigma2.sqrt(),
        })
    }

    /// A gamma distribution from its mean and CV (ranges as for [`Duration::lognormal`]).
    pub fn gamma(mean_s: f64, cv: f64) -> Result<Self, DistError> {
        let mean_s = check_seconds("mean_s", mean_s, false)?;
        let cv = check_cv("gamma", cv, 0.0, limits::MAX_CV)?;
        let shape = 1.0 / (cv * cv);
        let gamma = Gamma::new(shape, mean_s / shape).map_err(|e| DistError {
            field: "cv".into(),
            expected: format!("parameters giving a valid gamma distribution ({e})"),
        })?;
        Ok(Duration::Gamma { mean_s, cv, gamma })
    }

    /// A Weibull distribution from its mean and CV (0.02 to [`limits::MAX_CV`]); the shape
    /// is solved numerically.
    pub fn weibull(mean_s: f64, cv: f64) -> Result<Self, DistError> {
        let mean_s = check_seconds("mean_s", mean_s, false)?;
        // Below 0.02 the shape leaves the range the solver searches.
        let cv = check_cv("Weibull", cv, 0.02, limits::MAX_CV)?;
        let shape = weibull_shape_for_cv(cv);
        let scale = mean_s / gamma_fn(1.0 + 1.0 / shape);
        Ok(Duration::Weibull {
            mean_s,
            cv,
            scale,
            inv_shape: 1.0 / shape,
        })
    }

    /// A uniform distribution on [min_s, max_s], 0 <= min_s <= max_s <= [`limits::MAX_DURATION_S`].
    pub fn uniform(min_s: f64, max_s: f64) -> Result<Self, DistError> {
        let min_s = check_seconds("min_s", min_s, true)?;
        let max_s = check_seconds("max_s", max_s, true)?;
        if max_s < min_s {
            return Err(DistError {
                field: "max_s".into(),
                expected: format!(
                    "a value >= min_s ({}), found {}",
                    limits::shown(min_s),
                    limits::shown(max_s)
                ),
            });
        }
        Ok(Duration::Uniform { min_s, max_s })
    }

    /// A constant duration (0 to [`limits::MAX_DURATION_S`]).
    pub fn fixed(value_s: f64) -> Result<Self, DistError> {
        Ok(Duration::Fixed {
            value_s: check_seconds("value_s", value_s, true)?,
        })
    }

    /// An empirical distribution: a non-empty list of at most
    /// [`limits::MAX_EMPIRICAL_VALUES`] durations, each from 0 to [`limits::MAX_DURATION_S`].
    pub fn empirical(values_s: Vec<f64>) -> Result<Self, DistError> {
        if values_s.is_empty() {
            return Err(DistError {
                field: "values_s".into(),
                expected: "a non-empty list of durations".into(),
            });
        }
        if values_s.len() > limits::MAX_EMPIRICAL_VALUES {
            return Err(DistError {
                field: "values_s".into(),
                expected: format!(
                    "at most {} values, found {}",
                    limits::MAX_EMPIRICAL_VALUES,
                    values_s.len()
                ),
            });
        }
        for (i, v) in values_s.iter().enumerate() {
            check_seconds(&format!("values_s[{i}]"), *v, true)?;
        }
        if values_s.iter().all(|v| *v == 0.0) {
            return Err(DistError {
                field: "values_s".into(),
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
    #[inline(always)]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        // The exponential, drawn for most contacts of most centres, is drawn in place;
        // the other shapes go through a call.
        if let Duration::Exponential { mean_s } = self {
            let e: f64 = Exp1.sample(rng);
            return e * mean_s;
        }
        self.sample_other(rng)
    }

    /// [`Duration::sample`] of a shape other than the exponential.
    #[inline(never)]
    fn sample_other<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
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
        // Tiny positive values (1e-300 s) would otherwise print as 300 digits.
        let n = limits::shown;
        match self {
            Duration::Exponential { mean_s } => write!(f, "Exponential(mean={} s)", n(*mean_s)),
            Duration::LogNormal { mean_s, cv, .. } => {
                write!(f, "LogNormal(mean={} s, cv={})", n(*mean_s), n(*cv))
            }
            Duration::Gamma { mean_s, cv, .. } => {
                write!(f, "Gamma(mean={} s, cv={})", n(*mean_s), n(*cv))
            }
            Duration::Weibull { mean_s, cv, .. } => {
                write!(f, "Weibull(mean={} s, cv={})", n(*mean_s), n(*cv))
            }
            Duration::Uniform { min_s, max_s } => {
                write!(f, "Uniform({} s to {} s)", n(*min_s), n(*max_s))
            }
            Duration::Fixed { value_s } => write!(f, "Fixed({} s)", n(*value_s)),
            Duration::Empirical { values_s } => write!(
                f,
                "Empirical({} values, mean={:.1} s)",
                values_s.len(),
                self.mean()
            ),
        }
    }
}

//! The scenario's duration families (docs/scenario-file.md) as statrs
//! distributions built from a mean and a CV, the way a scenario file gives them, so that
//! a fit speaks the file's language: the density and survival of each family at one
//! point, and how to write the result as an inline table.

use statrs::distribution::{Continuous, ContinuousCDF, Exp, Gamma, LogNormal, Weibull};
use statrs::function::gamma::ln_gamma;

/// A family `fit` may choose for a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// One parameter: the mean (CV 1).
    Exponential,
    /// Mean and CV.
    Lognormal,
    /// Mean and CV.
    Gamma,
    /// Mean and CV.
    Weibull,
}

impl Family {
    /// Every family, in the order reports list them.
    pub const ALL: [Family; 4] = [
        Family::Exponential,
        Family::Lognormal,
        Family::Gamma,
        Family::Weibull,
    ];

    /// The name a scenario file gives it (`dist = "..."`).
    pub fn key(self) -> &'static str {
        match self {
            Family::Exponential => "exponential",
            Family::Lognormal => "lognormal",
            Family::Gamma => "gamma",
            Family::Weibull => "weibull",
        }
    }

    /// Free parameters (for AIC).
    pub fn parameters(self) -> usize {
        match self {
            Family::Exponential => 1,
            _ => 2,
        }
    }

    /// The distribution with this mean and CV (CV ignored for the exponential), or
    /// `None` where statrs refuses the parameters.
    pub fn build(self, mean: f64, cv: f64) -> Option<Dist> {
        if !(mean.is_finite() && mean > 0.0 && cv.is_finite() && cv > 0.0) {
            return None;
        }
        Some(match self {
            Family::Exponential => Dist::Exp(Exp::new(1.0 / mean).ok()?),
            Family::Lognormal => {
                let s2 = (1.0 + cv * cv).ln();
                Dist::LogNormal(LogNormal::new(mean.ln() - s2 / 2.0, s2.sqrt()).ok()?)
            }
            Family::Gamma => {
                let shape = 1.0 / (cv * cv);
                Dist::Gamma(Gamma::new(shape, shape / mean).ok()?)
            }
            Family::Weibull => {
                let k = weibull_shape(cv)?;
                let scale = mean / ln_gamma(1.0 + 1.0 / k).exp();
                Dist::Weibull(Weibull::new(k, scale).ok()?)
            }
        })
    }
}

/// The Weibull shape whose CV is `cv`, by bisection on ln k (the CV falls as k grows:
/// CV² = Γ(1 + 2/k) / Γ(1 + 1/k)² − 1).
pub fn weibull_shape(cv: f64) -> Option<f64> {
    let cv_of =
        |k: f64| ((ln_gamma(1.0 + 2.0 / k) - 2.0 * ln_gamma(1.0 + 1.0 / k)).exp() - 1.0).sqrt();
    let (mut lo, mut hi) = (0.05f64.ln(), 200f64.ln());
    if cv > cv_of(lo.exp()) || cv < cv_of(hi.exp()) {
        return None;
    }
    for _ in 0..80 {
        let mid = 0.5 * (lo + hi);
        if cv_of(mid.exp()) > cv {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some((0.5 * (lo + hi)).exp())
}

/// A built distribution of one family.
#[derive(Debug, Clone, Copy)]
pub enum Dist {
    /// Exponential.
    Exp(Exp),
    /// Lognormal.
    LogNormal(LogNormal),
    /// Gamma.
    Gamma(Gamma),
    /// Weibull.
    Weibull(Weibull),
}

impl Dist {
    /// Log density at `x`.
    pub fn ln_pdf(&self, x: f64) -> f64 {
        match self {
            Dist::Exp(d) => d.ln_pdf(x),
            Dist::LogNormal(d) => d.ln_pdf(x),
            Dist::Gamma(d) => d.ln_pdf(x),
            Dist::Weibull(d) => d.ln_pdf(x),
        }
    }

    /// Density at `x`.
    pub fn pdf(&self, x: f64) -> f64 {
        self.ln_pdf(x).exp()
    }

    /// Probability of lasting beyond `x`.
    pub fn sf(&self, x: f64) -> f64 {
        match self {
            Dist::Exp(d) => d.sf(x),
            Dist::LogNormal(d) => d.sf(x),
            Dist::Gamma(d) => d.sf(x),
            Dist::Weibull(d) => d.sf(x),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use statrs::statistics::Distribution;

    #[test]
    fn every_family_has_the_mean_and_cv_it_was_built_with() {
        for f in Family::ALL {
            let cv = if f == Family::Exponential { 1.0 } else { 0.6 };
            let (mean, sd) = match f.build(270.0, cv).unwrap() {
                Dist::Exp(d) => (d.mean().unwrap(), d.std_dev().unwrap()),
                Dist::LogNormal(d) => (d.mean().unwrap(), d.std_dev().unwrap()),
                Dist::Gamma(d) => (d.mean().unwrap(), d.std_dev().unwrap()),
                Dist::Weibull(d) => (d.mean().unwrap(), d.std_dev().unwrap()),
            };
            assert!((mean - 270.0).abs() < 1e-6, "{f:?} {mean}");
            assert!((sd / mean - cv).abs() < 1e-6, "{f:?} {sd}");
        }
    }
}

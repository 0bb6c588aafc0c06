//! Maximum likelihood for one duration family on grouped data, with censoring: each
//! point is a time with the values that ended there (events: a handle time, an
//! abandonment) and those only known to last longer (censored: the wait of a caller who
//! was answered). The likelihood is Σ events·ln f(t) + Σ censored·ln S(t). It is
//! maximised over (ln mean, ln CV) by Nelder–Mead, and the 95 % intervals of the mean
//! and the CV come from the observed information (a numerical Hessian), on the log
//! scale so they stay positive. The exponential has its closed form: total time ÷ events.

use super::family::Family;

/// Fewest events for a two-parameter family: below it only the exponential is fitted.
pub const MIN_EVENTS_TWO_PARAMETERS: u64 = 10;
/// CVs a fit may reach: what every family accepts in a scenario file (a Weibull CV below
/// 0.02 is refused there; a duration that regular is as good as fixed).
pub const CV_RANGE: (f64, f64) = (0.02, crate::limits::MAX_CV);

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// One family fitted: its parameters with their 95 % intervals and its likelihood.
#[derive(Debug, Clone, Copy)]
pub struct Fitted {
    /// The family.
    pub family: Family,
    /// Mean (s).
    pub mean: f64,
    /// 95 % interval of the mean.
    pub mean_ci: (f64, f64),
    /// CV (1 for the exponential).
    pub cv: f64,
    /// 95 % interval of the CV (`None` for the exponential, whose CV is fixed).
    pub cv_ci: Option<(f64, f64)>,
    /// Maximised log-likelihood.
    pub log_likelihood: f64,
}

impl Fitted {
    /// Akaike's information criterion: lower is better.
    pub fn aic(&self) -> f64 {
        2.0 * self.family.parameters() as f64 - 2.0 * self.log_likelihood
    }
}

/// Log-likelihood of `family` with this mean and CV on grouped `(time, events,
/// censored)` points; −∞ where the parameters are impossible.
pub fn log_likelihood(family: Family, mean: f64, cv: f64, data: &[(f64, u64, u64)]) -> f64 {
    let Some(d) = family.build(mean, cv) else {
        return f64::NEG_INFINITY;
    };
    let mut ll = 0.0;
    for &(t, events, censored) in data {
        if events > 0 {
            ll += events as f64 * d.ln_pdf(t).max(-1e4);
        }
        if censored > 0 {
            ll += censored as f64 * d.sf(t).max(1e-300).ln();
        }
    }
    if ll.is_finite() {
        ll
    } else {
        f64::NEG_INFINITY
    }
}

/// Minimises `f` over two parameters from `start` (Nelder–Mead, standard coefficients).
fn nelder_mead(f: impl Fn([f64; 2]) -> f64, start: [f64; 2], step: f64) -> [f64; 2] {
    let mut simplex = [
        start,
        [start[0] + step, start[1]],
        [start[0], start[1] + step],
    ];
    let mut values = simplex.map(&f);
    for _ in 0..1000 {
        let mut order = [0usize, 1, 2];
        order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
        let [best, mid, worst] = order;
        if (values[worst] - values[best]).abs() <= 1e-10 * (1.0 + values[best].abs())
            && (0..2).all(|k| (simplex[worst][k] - simplex[best][k]).abs() < 1e-9)
        {
            break;
        }
        let centre = [
            (simplex[best][0] + simplex[mid][0]) / 2.0,
            (simplex[best][1] + simplex[mid][1]) / 2.0,
        ];
        let towards = |t: f64| {
            [
                centre[0] + t * (simplex[worst][0] - centre[0]),
                centre[1] + t * (simplex[worst][1] - centre[1]),
            ]
        };
        let reflected = towards(-1.0);
        let fr = f(reflected);
        if fr < values[best] {
            let expanded = towards(-2.0);
            let fe = f(expanded);
            (simplex[worst], values[worst]) = if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            };
        } else if fr < values[mid] {
            (simplex[worst], values[worst]) = (reflected, fr);
        } else {
            let contracted = if fr < values[worst] {
                towards(-0.5)
            } else {
                towards(0.5)
            };
            let fc = f(contracted);
            if fc < values[worst].min(fr) {
                (simplex[worst], values[worst]) = (contracted, fc);
            } else {
                for k in [mid, worst] {
                    simplex[k] = [
                        (simplex[k][0] + simplex[best][0]) / 2.0,
                        (simplex[k][1] + simplex[best][1]) / 2.0,
                    ];
                    values[k] = f(simplex[k]);
                }
            }
        }
    }
    let best = (0..3)
        .min_by(|&a, &b| values[a].total_cmp(&values[b]))
        .unwrap_or(0);
    simplex[best]
}

/// Fits `family` to `data`, starting from a mean and CV (the moments); `None` when the
/// data hold no event or the fit fails.
pub fn fit(
    family: Family,
    data: &[(f64, u64, u64)],
    start_mean: f64,
    start_cv: f64,
) -> Option<Fitted> {
    let events: u64 = data.iter().map(|p| p.1).sum();
    if events == 0 {
        return None;
    }
    if family == Family::Exponential {
        let total: f64 = data.iter().map(|&(t, e, c)| t * (e + c) as f64).sum();
        let mean = total / events as f64;
        let half = Z95 / (events as f64).sqrt();
        return Some(Fitted {
            family,
            mean,
            mean_ci: (mean * (-half).exp(), mean * half.exp()),
            cv: 1.0,
            cv_ci: None,
            log_likelihood: log_likelihood(family, mean, 1.0, data),
        });
    }
    if events < MIN_EVENTS_TWO_PARAMETERS {
        return None;
    }
    let nll = |p: [f64; 2]| {
        let cv = p[1].exp();
        if !(CV_RANGE.0..=CV_RANGE.1).contains(&cv) {
            return f64::INFINITY;
        }
        -log_likelihood(family, p[0].exp(), cv, data)
    };
    let start = [start_mean.max(1e-3).ln(), start_cv.clamp(0.05, 3.9).ln()];
    // Two passes: the second restarts around the first's optimum, the usual guard
    // against Nelder–Mead stalling on a ridge.
    let first = nelder_mead(nll, start, 0.2);
    let p = nelder_mead(nll, first, 0.02);
    let ll = -nll(p);
    if !ll.is_finite() {
        return None;
    }
    let cov = inverse_hessian(&nll, p)?;
    let se = [cov[0][0].sqrt(), cov[1][1].sqrt()];
    let (mean, cv) = (p[0].exp(), p[1].exp());
    Some(Fitted {
        family,
        mean,
        mean_ci: ((p[0] - Z95 * se[0]).exp(), (p[0] + Z95 * se[0]).exp()),
        cv,
        cv_ci: Some(((p[1] - Z95 * se[1]).exp(), (p[1] + Z95 * se[1]).exp())),
        log_likelihood: ll,
    })
}

/// The inverse of the Hessian of `f` at `p` (central differences): the covariance of
/// the estimates when `f` is a negative log-likelihood; `None` unless positive definite.
fn inverse_hessian(f: &impl Fn([f64; 2]) -> f64, p: [f64; 2]) -> Option<[[f64; 2]; 2]> {
    let h = 1e-3;
    let at = |a: f64, b: f64| f([p[0] + a, p[1] + b]);
    let f0 = at(0.0, 0.0);
    let h00 = (at(h, 0.0) - 2.0 * f0 + at(-h, 0.0)) / (h * h);
    let h11 = (at(0.0, h) - 2.0 * f0 + at(0.0, -h)) / (h * h);
    let h01 = (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4.0 * h * h);
    let det = h00 * h11 - h01 * h01;
    if !(det > 0.0 && h00 > 0.0) {
        return None;
    }
    Some([[h11 / det, -h01 / det], [-h01 / det, h00 / det]])
}

/// Every family fitted to `data`, best (lowest AIC) first.
pub fn fit_all(data: &[(f64, u64, u64)], start_mean: f64, start_cv: f64) -> Vec<Fitted> {
    let mut all: Vec<Fitted> = Family::ALL
        .iter()
        .filter_map(|&f| fit(f, data, start_mean, start_cv))
        .collect();
    all.sort_by(|a, b| a.aic().total_cmp(&b.aic()));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::sample::Histogram;

    /// Lognormal quantiles on a regular probability grid: a sample with no noise.
    fn lognormal_points(mean: f64, cv: f64, n: usize) -> Histogram {
        use statrs::distribution::{ContinuousCDF, LogNormal};
        let s2 = (1.0 + cv * cv).ln();
        let d = LogNormal::new(mean.ln() - s2 / 2.0, s2.sqrt()).unwrap();
        let mut h = Histogram::default();
        for i in 0..n {
            h.add(d.inverse_cdf((i as f64 + 0.5) / n as f64));
        }
        h
    }

    #[test]
    fn recovers_a_lognormal_and_prefers_it() {
        let h = lognormal_points(270.0, 0.8, 20_000);
        let data: Vec<_> = h.zip(&Histogram::default()).collect();
        let all = fit_all(&data, 250.0, 1.0);
        let best = all[0];
        assert_eq!(best.family, Family::Lognormal);
        assert!((best.mean / 270.0 - 1.0).abs() < 0.01, "{best:?}");
        assert!((best.cv / 0.8 - 1.0).abs() < 0.02, "{best:?}");
        assert!(best.mean_ci.0 < best.mean && best.mean < best.mean_ci.1);
    }

    #[test]
    fn censored_exponential_is_total_time_over_events() {
        // Two events at 10 s and 30 s, two censored at 20 s: (10 + 30 + 40) / 2 = 40.
        let data = [(10.0, 1, 0), (20.0, 0, 2), (30.0, 1, 0)];
        let f = fit(Family::Exponential, &data, 1.0, 1.0).unwrap();
        assert!((f.mean - 40.0).abs() < 1e-12);
    }
}

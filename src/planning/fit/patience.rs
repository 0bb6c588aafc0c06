//! Patience from waits censored by answering (docs/model.md): an
//! abandoned caller's wait is their patience, an answered caller's wait only a lower
//! bound on it. Kaplan–Meier gives the survival curve without assuming a family;
//! maximum likelihood with censoring fits each family, and the lowest AIC is written.
//! The naive estimate (mean wait of the abandoned) is kept to show how far off it is.

use super::calls::TypeData;
use super::mle::{fit_all, Fitted, Z95};
use super::volumes::Estimate;

/// Patience as fitted.
#[derive(Debug, Clone)]
pub struct PatienceFit {
    /// Best family, then all, best first; empty with no abandonment.
    pub families: Vec<Fitted>,
    /// Kaplan–Meier survival: (time, share still waiting after it), one step per bin.
    pub km: Vec<(f64, f64)>,
    /// Median patience from Kaplan–Meier, when the curve falls to one half.
    pub km_median: Option<f64>,
    /// Mean wait of abandoned callers (biased low), with its t interval.
    pub naive: Option<Estimate>,
    /// Abandonments (observed patiences).
    pub abandoned: u64,
    /// Answered callers (censored patiences).
    pub answered: u64,
}

/// Kaplan–Meier over grouped (time, events, censored): within a bin, events come first.
fn kaplan_meier(points: &[(f64, u64, u64)]) -> Vec<(f64, f64)> {
    let mut at_risk: u64 = points.iter().map(|p| p.1 + p.2).sum();
    let mut s = 1.0;
    let mut curve = Vec::with_capacity(points.len());
    for &(t, d, c) in points {
        if at_risk > 0 && d > 0 {
            s *= 1.0 - d as f64 / at_risk as f64;
        }
        curve.push((t, s));
        at_risk -= d + c;
    }
    curve
}

/// Fits the patience of type `d`.
pub fn fit(d: &TypeData) -> PatienceFit {
    let points: Vec<(f64, u64, u64)> = d.abandon_waits.zip(&d.answered_waits).collect();
    let km = kaplan_meier(&points);
    let km_median = km.iter().find(|p| p.1 <= 0.5).map(|p| p.0);
    let m = &d.abandon_moments;
    let naive = (m.n > 0).then(|| {
        let h = if m.n > 1 {
            Z95 * (m.variance() / m.n as f64).sqrt()
        } else {
            f64::NAN
        };
        Estimate {
            value: m.mean,
            low: m.mean - h,
            high: m.mean + h,
        }
    });
    // The histograms' totals, not the rows: outlying waits have been left out of them.
    let (abandoned, answered) = (d.abandon_waits.total(), d.answered_waits.total());
    let families = if abandoned > 0 {
        let total = m.sum + d.answered_moments.sum;
        fit_all(&points, total / abandoned as f64, 1.0)
    } else {
        Vec::new()
    };
    PatienceFit {
        families,
        km,
        km_median,
        naive,
        abandoned,
        answered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kaplan_meier_steps_at_events_only() {
        // 4 at risk; an event at 1 (S = 3/4), one censored at 2, an event at 3 (S = 3/4 × 1/2).
        let km = kaplan_meier(&[(1.0, 1, 0), (2.0, 0, 1), (3.0, 1, 0), (4.0, 0, 1)]);
        let s: Vec<f64> = km.iter().map(|p| p.1).collect();
        assert_eq!(s, [0.75, 0.75, 0.375, 0.375]);
    }
}

//! Handle and wrap-up times: the family of highest likelihood (lowest AIC) among the
//! scenario's, fitted by maximum likelihood on the binned sample; `fixed` when every
//! value is the same, nothing when every value is 0 (no wrap-up).

use super::mle::{fit_all, Fitted};
use super::sample::Sample;

/// How a duration is written.
#[derive(Debug, Clone)]
pub enum DurationFit {
    /// No data, or all 0: the table is left out.
    None,
    /// Every value the same.
    Fixed(f64),
    /// The best family, then every family fitted, best first.
    Family(Fitted, Vec<Fitted>),
}

/// Fits the durations in `sample`.
pub fn fit(sample: &Sample) -> DurationFit {
    let m = &sample.moments;
    if m.n == 0 || m.max <= 0.0 {
        return DurationFit::None;
    }
    if m.min == m.max {
        return DurationFit::Fixed(m.mean);
    }
    let data: Vec<(f64, u64, u64)> = sample
        .histogram
        .bins()
        .map(|b| (b.at, b.count, 0))
        .collect();
    let cv = m.cv();
    let all = fit_all(&data, m.mean, if cv.is_finite() { cv } else { 1.0 });
    match all.first() {
        Some(&best) => DurationFit::Family(best, all),
        None => DurationFit::Fixed(m.mean),
    }
}

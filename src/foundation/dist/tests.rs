//! Each family's sampled mean and CV against its parameters, the largest CV at which the
//! mean still holds, and the ranges refused.

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

/// The sampled mean of `d` over 2,000,000 draws (fixed seed) lies within 5 standard
/// errors, cv·mean/√n, of the configured mean.
fn assert_mean_holds(d: &Duration, cv: f64) {
    let n = 2_000_000;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(2027);
    let m = (0..n).map(|_| d.sample(&mut rng)).sum::<f64>() / n as f64;
    let tol = 5.0 * cv * d.mean() / (n as f64).sqrt();
    assert!(
        (m - d.mean()).abs() < tol,
        "{d}: sampled mean {m}, configured {}, tolerance {tol}",
        d.mean()
    );
}

#[test]
fn lognormal_mean_holds_at_the_largest_cv() {
    let cv = limits::MAX_CV;
    assert_mean_holds(&Duration::lognormal(180.0, cv).unwrap(), cv);
    assert_eq!(
        Duration::lognormal(180.0, cv * 1.01).unwrap_err().field,
        "cv"
    );
}

#[test]
fn gamma_mean_holds_at_the_largest_cv() {
    let cv = limits::MAX_CV;
    assert_mean_holds(&Duration::gamma(180.0, cv).unwrap(), cv);
    assert_eq!(Duration::gamma(180.0, cv * 1.01).unwrap_err().field, "cv");
}

#[test]
fn weibull_mean_holds_at_the_largest_cv() {
    let cv = limits::MAX_CV;
    assert_mean_holds(&Duration::weibull(180.0, cv).unwrap(), cv);
    assert_eq!(Duration::weibull(180.0, cv * 1.01).unwrap_err().field, "cv");
}

#[test]
fn refuses_durations_beyond_the_longest() {
    let max = limits::MAX_DURATION_S;
    assert!(Duration::exponential(max).is_ok());
    assert_eq!(Duration::exponential(1e300).unwrap_err().field, "mean_s");
    assert_eq!(Duration::fixed(max * 2.0).unwrap_err().field, "value_s");
    assert_eq!(
        Duration::uniform(0.0, f64::INFINITY).unwrap_err().field,
        "max_s"
    );
    let e = Duration::empirical(vec![1.0, 2e7]).unwrap_err();
    assert_eq!(e.field, "values_s[1]");
    assert!(e.expected.contains("found 2e7"), "{}", e.expected);
    let e = Duration::lognormal(1e300, 1.0).unwrap_err();
    assert!(e.expected.contains("found 1e300"), "{}", e.expected);
}

#[test]
fn tiny_durations_display_briefly() {
    let d = Duration::fixed(1e-300).unwrap();
    assert_eq!(d.to_string(), "Fixed(1e-300 s)");
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

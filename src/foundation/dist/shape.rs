//! The special functions the distributions are built with: the gamma function, and the
//! Weibull shape that gives a CV.

/// The Weibull shape k whose CV is `cv`: CV² = Γ(1+2/k)/Γ(1+1/k)² − 1 decreases in k,
/// so bisection on log k converges without any starting guess.
pub(super) fn weibull_shape_for_cv(cv: f64) -> f64 {
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

    #[test]
    fn gamma_function_matches_factorials() {
        assert!((gamma_fn(5.0) - 24.0).abs() < 1e-9);
        assert!((gamma_fn(0.5) - std::f64::consts::PI.sqrt()).abs() < 1e-12);
    }
}

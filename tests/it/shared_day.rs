//! The centre-wide day factor: two types' daily offered volumes correlate as a shared
//! gamma factor implies, and not at all without it. One day per replication, so each
//! replication gives one pair of daily totals.
//!
//! With N_i | G_i, S ~ Poisson(λ_i G_i S), G_i and S independent gammas of mean 1 and CVs
//! c and s: Cov(N_1, N_2) = λ_1 λ_2 s² and Var(N_i) = λ_i + λ_i² ((1 + c²)(1 + s²) − 1).
//! The tolerance is three standard errors of Fisher's z = atanh(r), 1 ÷ √(n − 3).

use crate::common::{ccsim, scenario};

use ccsim::model::Centre;
use ccsim::scenario::Scenario;

const DAYS: u32 = 2000;
const TYPE_CV: f64 = 0.1;

/// Two types (`per_interval` contacts in each of two intervals), staffed generously.
fn toml(shared_cv: Option<f64>, per_interval: [f64; 2]) -> String {
    let mut t = String::from("[simulation]\nreplications = 20\nseed = 77\ninterval_minutes = 30\n");
    if let Some(s) = shared_cv {
        t.push_str(&format!("shared_day_cv = {s}\n"));
    }
    for (name, v) in ["first", "second"].iter().zip(per_interval) {
        t.push_str(&format!(
            "[[types]]\nname = \"{name}\"\n[types.arrivals]\nvolumes = [{v}, {v}]\nday_cv = {TYPE_CV}\n\
             [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 30 }}\n"
        ));
    }
    t.push_str("[[groups]]\nname = \"all\"\nagents = [40, 40]\nserves = [\"first\", \"second\"]\n");
    t
}

/// Each day's offered contacts of the two types.
fn daily_offered(s: &Scenario) -> Vec<(f64, f64)> {
    let mut centre = Centre::new(s);
    (0..DAYS)
        .map(|r| {
            centre.run(r);
            let offered: Vec<f64> = centre
                .type_counters()
                .map(|c| c.intervals.iter().map(|i| i.offered as f64).sum())
                .collect();
            (offered[0], offered[1])
        })
        .collect()
}

fn correlation(xy: &[(f64, f64)]) -> f64 {
    let n = xy.len() as f64;
    let (mx, my) = (
        xy.iter().map(|p| p.0).sum::<f64>() / n,
        xy.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xy {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    sxy / (sxx * syy).sqrt()
}

/// The correlation of the two types' daily totals under the model above.
fn theory(shared_cv: f64, daily: [f64; 2]) -> f64 {
    let g = (1.0 + TYPE_CV * TYPE_CV) * (1.0 + shared_cv * shared_cv) - 1.0;
    let var = |l: f64| l + l * l * g;
    daily[0] * daily[1] * shared_cv * shared_cv / (var(daily[0]) * var(daily[1])).sqrt()
}

fn assert_close(simulated: f64, expected: f64) {
    let tolerance = 3.0 / (f64::from(DAYS) - 3.0).sqrt();
    eprintln!("correlation: simulated {simulated:.4}, theory {expected:.4}");
    assert!(
        (simulated.atanh() - expected.atanh()).abs() <= tolerance,
        "correlation {simulated} is more than three standard errors from {expected}"
    );
}

#[test]
fn a_shared_day_factor_correlates_the_types_daily_volumes_as_theory_says() {
    let s = scenario(&toml(Some(0.15), [200.0, 100.0]));
    let expected = theory(0.15, [400.0, 200.0]);
    assert!(expected > 0.5, "the case must be one a test can see");
    assert_close(correlation(&daily_offered(&s)), expected);
}

#[test]
fn without_a_shared_factor_the_types_daily_volumes_are_uncorrelated() {
    let s = scenario(&toml(None, [200.0, 100.0]));
    assert_close(correlation(&daily_offered(&s)), 0.0);
    // Zero is no factor at all: the very same draws as a file without the field.
    let zero = scenario(&toml(Some(0.0), [200.0, 100.0]));
    let (mut a, mut b) = (Centre::new(&s), Centre::new(&zero));
    for r in 0..20 {
        assert_eq!(a.run(r), b.run(r), "replication {r}");
    }
}

#[test]
fn check_shows_the_shared_factor_and_refuses_one_out_of_range() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("centre.toml");
    std::fs::write(&file, toml(Some(0.15), [200.0, 100.0])).unwrap();
    let out = ccsim([std::ffi::OsStr::new("check"), file.as_os_str()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("shared day factor: CV 0.15"), "{text}");

    std::fs::write(&file, toml(Some(1.5), [200.0, 100.0])).unwrap();
    let out = ccsim([std::ffi::OsStr::new("check"), file.as_os_str()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("centre.toml") && err.contains("simulation.shared_day_cv"),
        "{err}"
    );
    assert!(err.contains("from 0 to 1"), "{err}");
}

//! The simulator against queueing theory: Erlang C, Erlang A and Erlang B, each value
//! inside the simulation's own 95 % confidence interval. A long stationary horizon:
//! 48 half-hours at a constant rate (one 24-hour day per replication); the empty start
//! is a few minutes out of 24 hours, far below the intervals' width.

use crate::common;

use ccsim::metrics::Metric;
use common::{assert_inside, day, report, scenario};

fn stationary(agents: u32, handling: &str, patience: Option<f64>, extra: &str) -> String {
    let patience = patience
        .map(|p| format!("[patience]\ntime = {{ dist = \"exponential\", mean_s = {p} }}\n"))
        .unwrap_or_default();
    format!(
        r#"
[simulation]
replications = 60
seed = 2024
interval_minutes = 30
[arrivals]
volumes = [{vols}]
[handling]
time = {handling}
{patience}
[staffing]
agents = {agents}
{extra}
"#,
        vols = vec!["100"; 48].join(", ")
    )
}

const EXP_180: &str = r#"{ dist = "exponential", mean_s = 180 }"#;

#[test]
fn erlang_c_matches_with_fourteen_agents() {
    let r = report(&scenario(&stationary(14, EXP_180, None, "")));
    // Erlang C, 100 calls / 30 min, AHT 180 s, 14 agents: 10 Erlang.
    assert_inside("P(wait)", day(&r, Metric::DelayedShare), 0.17413);
    assert_inside("SL(20 s)", day(&r, Metric::ServiceLevel), 0.88835);
    assert_inside("ASA", day(&r, Metric::AsaS), 7.836);
    assert_inside("occupancy", day(&r, Metric::Occupancy), 10.0 / 14.0);
    assert_eq!(
        day(&r, Metric::Abandoned).mean,
        0.0,
        "nobody abandons without patience"
    );
}

#[test]
fn erlang_a_matches_with_ten_agents() {
    let r = report(&scenario(&stationary(10, EXP_180, Some(120.0), "")));
    assert_inside("P(wait)", day(&r, Metric::DelayedShare), 0.4969);
    assert_inside("P(abandon)", day(&r, Metric::AbandonmentRate), 0.1375);
}

#[test]
fn erlang_a_matches_with_nine_agents() {
    let r = report(&scenario(&stationary(9, EXP_180, Some(120.0), "")));
    assert_inside("P(wait)", day(&r, Metric::DelayedShare), 0.6133);
    assert_inside("P(abandon)", day(&r, Metric::AbandonmentRate), 0.1922);
}

#[test]
fn erlang_b_blocking_is_insensitive_to_the_handle_time_distribution() {
    for handling in [EXP_180, r#"{ dist = "lognormal", mean_s = 180, cv = 1.5 }"#] {
        let r = report(&scenario(&stationary(14, handling, None, "lines = 14")));
        assert_inside(
            &format!("blocking with {handling}"),
            day(&r, Metric::BlockingRate),
            0.05682,
        );
        // With as many lines as agents nobody ever waits.
        assert_eq!(day(&r, Metric::DelayedShare).mean, 0.0);
    }
}

#[test]
fn agree_with_the_closed_form_module_as_well() {
    use ccsim::erlang::{figures, Interval};
    let theory = figures(&Interval {
        arrivals_per_s: 100.0 / 1800.0,
        mean_handle_s: 180.0,
        agents: 10,
        mean_patience_s: Some(120.0),
        sl_threshold_s: 20.0,
    });
    let r = report(&scenario(&stationary(10, EXP_180, Some(120.0), "")));
    assert_inside("P(wait)", day(&r, Metric::DelayedShare), theory.p_wait);
    assert_inside(
        "P(abandon)",
        day(&r, Metric::AbandonmentRate),
        theory.p_abandon,
    );
    assert_inside(
        "SL(20 s)",
        day(&r, Metric::ServiceLevel),
        theory.service_level,
    );
    assert_inside("ASA", day(&r, Metric::AsaS), theory.asa_s);
    assert_inside("occupancy", day(&r, Metric::Occupancy), theory.occupancy);
}

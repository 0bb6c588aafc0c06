//! Redials after an abandonment, at a probability other than one half (where p and 1 − p
//! would look alike), against theory computed from the scenario's inputs alone: never
//! from the abandonment the simulation itself measured.

use crate::common;
use crate::journey_fidelity::retrial_queue;

use ccsim::metrics::Metric;
use ccsim::stats::Running;
use common::{assert_inside, day, report, scenario};

const P: f64 = 0.3;

/// A 24-hour day with nobody to answer: every attempt abandons after a 10 s wait, so a
/// journey is a run of attempts that stops at the first "no redial" or at the cap.
fn unanswered(max_attempts: u32) -> String {
    format!(
        r#"
[simulation]
replications = 20
seed = 19
[arrivals]
volumes = [{vols}]
[handling]
time = {{ dist = "exponential", mean_s = 180 }}
[patience]
time = {{ dist = "fixed", value_s = 10 }}
[staffing]
agents = 0
[redial]
probability = {P}
delay = {{ dist = "fixed", value_s = 30 }}
max_attempts = {max_attempts}
"#,
        vols = vec!["100"; 48].join(", ")
    )
}

/// Redials per fresh customer, one value per replication.
fn redials_per_fresh(r: &ccsim::report::ScenarioReport) -> Running {
    let mut x = Running::default();
    for v in &r.day_samples {
        x.push(v[Metric::Redials as usize] / v[Metric::Journeys as usize]);
    }
    x
}

#[test]
fn with_nobody_answering_attempts_per_customer_follow_the_geometric_rule() {
    // Attempts are capped at 3 (the first included): 1 + p + p².
    let r = report(&scenario(&unanswered(3)));
    assert_eq!(day(&r, Metric::AbandonmentRate).mean, 1.0);
    assert_inside(
        "contacts per journey, cap 3",
        day(&r, Metric::ContactsPerJourney),
        1.0 + P + P * P,
    );
    // Uncapped in practice (p^99): redials per customer p ÷ (1 − p).
    let r = report(&scenario(&unanswered(100)));
    assert_inside(
        "redials per fresh customer, no cap",
        redials_per_fresh(&r).estimate(),
        P / (1.0 - P),
    );
}

#[test]
fn abandonment_redials_match_the_exact_retrial_queue_at_p_0_3() {
    // 3 agents, no patience at all (fixed 0 s): a caller who finds every agent busy
    // abandons at once and redials with probability 0.3 after an exponential 60 s. That
    // is the M/M/c/c retrial queue, solved exactly from the inputs: 2.4 Erlangs offered
    // fresh, handle 180 s. The attempt cap of 100 is reached with probability 0.3^99.
    let (c, lambda, mu, theta) = (3, 2.4 / 180.0, 1.0 / 180.0, 1.0 / 60.0);
    let s = scenario(&format!(
        r#"
[simulation]
replications = 40
seed = 29
interval_minutes = 60
[arrivals]
volumes = [{vols}]
[handling]
time = {{ dist = "exponential", mean_s = 180 }}
[patience]
time = {{ dist = "fixed", value_s = 0 }}
[staffing]
agents = {c}
[redial]
probability = {P}
delay = {{ dist = "exponential", mean_s = 60 }}
max_attempts = 100
"#,
        vols = vec![format!("{}", lambda * 3600.0); 24].join(", ")
    ));
    let (lost_share, redials_per_customer) = retrial_queue(c, lambda, mu, theta, P);
    let r = report(&s);
    assert_inside(
        "abandonment rate",
        day(&r, Metric::AbandonmentRate),
        lost_share,
    );
    assert_inside(
        "redials per fresh customer",
        redials_per_fresh(&r).estimate(),
        redials_per_customer,
    );
    assert_eq!(day(&r, Metric::RedialsAfterBlocked).mean, 0.0);
    // With persistence 1 − p the orbit would be more than twice as busy: the two are
    // told apart by far more than the interval.
    let (_, other) = retrial_queue(c, lambda, mu, theta, 1.0 - P);
    assert!(other > 2.0 * redials_per_customer);
}

//! The customer journey: redials against the Erlang-X fixed point, deflection, flow
//! conservation of contacts, callbacks and journeys, the effect of a callback offer under
//! common random numbers, and that the journey layer changes nothing when it is off.

use crate::common;

use ccsim::metrics::{Metric, MetricValues};
use ccsim::model::simulate_replication;
use ccsim::stats::Running;
use common::{assert_inside, day, report, scenario};

fn stationary(extra: &str) -> String {
    format!(
        r#"
[simulation]
replications = 40
seed = 11
[arrivals]
volumes = [{vols}]
[handling]
time = {{ dist = "exponential", mean_s = 180 }}
[patience]
time = {{ dist = "exponential", mean_s = 120 }}
[staffing]
agents = 10
{extra}
"#,
        vols = vec!["100"; 48].join(", ")
    )
}

/// An estimate over replications of a function of each replication's day values.
fn per_replication(samples: &[MetricValues], f: impl Fn(&MetricValues) -> f64) -> Running {
    let mut r = Running::default();
    samples.iter().for_each(|v| r.push(f(v)));
    r
}

#[test]
fn redials_per_customer_match_the_erlang_x_fixed_point() {
    // Not 0.5, where a rule using 1 − p would pass unseen.
    let r_prob = 0.3;
    let s = scenario(&stationary(&format!(
        "[redial]\nprobability = {r_prob}\ndelay = {{ dist = \"exponential\", mean_s = 300 }}\nmax_attempts = 100"
    )));
    let r = report(&s);
    let p_ab = day(&r, Metric::AbandonmentRate).mean;
    assert!(p_ab > 0.1, "congested enough for redials to matter: {p_ab}");
    assert!(day(&r, Metric::Redials).mean > 0.0);
    assert_inside(
        "attempts per fresh customer vs 1/(1 - r·P(ab))",
        day(&r, Metric::ContactsPerJourney),
        1.0 / (1.0 - r_prob * p_ab),
    );
    // Contact level counts every attempt; customer level only those who finally gave up.
    assert!(day(&r, Metric::CustomerAbandonmentRate).mean < p_ab);
}

const SELF_SERVICE: &str = r#"
[self_service]
offered_share = 0.6
containment = 0.35
time = { dist = "lognormal", mean_s = 90, cv = 0.5 }
failed_handle_factor = 1.15
failed_patience_factor = 0.8
cost_per_session = 0.40
"#;

#[test]
fn deflected_share_of_fresh_contacts_is_offered_share_times_containment() {
    let r = report(&scenario(&stationary(SELF_SERVICE)));
    let deflected_share = per_replication(&r.day_samples, |v| {
        v[Metric::Deflected as usize] / v[Metric::Journeys as usize]
    });
    assert_inside("deflected ÷ fresh", deflected_share.estimate(), 0.6 * 0.35);
    assert!(day(&r, Metric::SelfServiceSessions).mean > day(&r, Metric::Deflected).mean);
}

#[test]
fn full_containment_means_nobody_reaches_an_agent() {
    let s = scenario(&stationary(
        "[self_service]\noffered_share = 1.0\ncontainment = 1.0\ntime = { dist = \"fixed\", value_s = 60 }",
    ));
    for rep in 0..5 {
        let t = simulate_replication(&s, rep).day_total();
        assert!(t.offered > 4000);
        assert_eq!(t.deflected, t.offered);
        assert_eq!(t.answered + t.abandoned + t.delayed, 0);
        assert_eq!(t.busy_agent_s, 0.0);
    }
}

const EVERYTHING: &str = r#"
[simulation]
replications = 12
seed = 5
interval_minutes = 30
open = "08:00"
days = 3
[arrivals]
volumes = [80, 160, 200, 200, 160, 120, 80, 40]
day_cv = 0.1
[handling]
time = { dist = "lognormal", mean_s = 300, cv = 0.8 }
wrap_up = { dist = "fixed", value_s = 20 }
[patience]
time = { dist = "exponential", mean_s = 150 }
[staffing]
agents = [16, 30, 34, 34, 30, 24, 16, 4]
lines = 45
[self_service]
offered_share = 0.5
containment = 0.3
time = { dist = "lognormal", mean_s = 90, cv = 0.5 }
[callback]
offer_when_wait_exceeds_s = 60
acceptance = 0.6
promise_s = 1800
reach = 0.7
max_attempts = 2
retry_delay = { dist = "fixed", value_s = 600 }
[redial]
probability = 0.5
delay = { dist = "exponential", mean_s = 600 }
max_attempts = 3
[resolution]
fcr = 0.7
repeat_probability = 0.8
repeat_delay = { dist = "lognormal", mean_s = 20000, cv = 1.0 }
"#;

#[test]
fn contacts_callbacks_and_journeys_are_conserved() {
    let s = scenario(EVERYTHING);
    let mut exercised = [0u64; 6];
    for rep in 0..12 {
        let t = simulate_replication(&s, rep).day_total();
        assert_eq!(
            t.offered,
            t.deflected + t.blocked + t.answered + t.abandoned + t.callbacks_accepted,
            "every offered contact ends one way: replication {rep}"
        );
        assert_eq!(
            t.callbacks_accepted,
            t.callbacks_completed + t.callbacks_failed + t.callbacks_pending,
            "callbacks: replication {rep}"
        );
        let j = &t.journeys;
        assert_eq!(
            j.journeys,
            t.offered - t.redials - t.repeats,
            "one journey per fresh contact"
        );
        assert_eq!(
            j.journeys,
            j.resolved + j.deflected + j.gave_up + j.callback_failed + j.unresolved + j.still_open,
            "journeys: replication {rep}"
        );
        assert_eq!(
            j.scores.iter().sum::<u64>(),
            j.journeys,
            "every journey is scored"
        );
        assert_eq!(j.deflected, t.deflected);
        for (k, x) in [
            t.blocked,
            t.redials,
            t.repeats,
            t.callbacks_failed,
            t.carried_over,
            j.unresolved,
        ]
        .into_iter()
        .enumerate()
        {
            exercised[k] += x;
        }
    }
    assert!(
        exercised.iter().all(|x| *x > 0),
        "every path is exercised: {exercised:?}"
    );
}

fn congested(callback: &str) -> String {
    format!(
        r#"
[simulation]
replications = 60
seed = 3
interval_minutes = 30
[arrivals]
volumes = [100, 160, 200, 200, 160, 100]
[handling]
time = {{ dist = "lognormal", mean_s = 240, cv = 1.0 }}
[patience]
time = {{ dist = "exponential", mean_s = 120 }}
[staffing]
agents = [16, 20, 22, 22, 20, 16]
{callback}
"#
    )
}

#[test]
fn a_callback_offer_lowers_live_abandonment_and_asa_under_common_random_numbers() {
    let without = report(&scenario(&congested("")));
    let with = report(&scenario(&congested(
        "[callback]\noffer_when_wait_exceeds_s = 60\nacceptance = 0.7\npromise_s = 3600\nreach = 0.9",
    )));
    assert!(day(&with, Metric::CallbacksAccepted).mean > 50.0);
    for m in [Metric::AbandonmentRate, Metric::AsaS] {
        let mut paired = Running::default();
        for (a, b) in with.day_samples.iter().zip(&without.day_samples) {
            paired.push(a[m as usize] - b[m as usize]);
        }
        let e = paired.estimate();
        eprintln!(
            "{m:?}: paired difference {:.5} ± {:.5}",
            e.mean, e.half_width
        );
        assert!(
            e.mean + e.half_width < 0.0,
            "{m:?} falls, interval excludes 0"
        );
        assert_eq!(paired.count(), 60, "every replication paired");
    }
}

#[test]
fn the_journey_layer_changes_nothing_when_it_is_off() {
    let base = congested("");
    let off = congested(
        "[resolution]\nfcr = 1.0\n[redial]\nprobability = 0.0\ndelay = { dist = \"fixed\", value_s = 60 }",
    );
    let a = report(&scenario(&base));
    let b = report(&scenario(&off));
    assert_eq!(a.day_samples.len(), b.day_samples.len());
    for (x, y) in a.day_samples.iter().zip(&b.day_samples) {
        for (k, (u, v)) in x.iter().zip(y).enumerate() {
            assert!(
                u.to_bits() == v.to_bits(),
                "{}: {u} vs {v}",
                Metric::ALL[k].def().key
            );
        }
    }
}

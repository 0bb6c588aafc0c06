//! The callback rules as documented: the wait predictor that decides an offer ((callers
//! ahead + 1) × mean handle time ÷ agents on duty, against the threshold), and callbacks
//! made only when no live caller waits, except that they jump the live queue once less
//! than one mean handle time remains before their promise.

use crate::common;

use ccsim::model::{simulate_replication, Centre, LoggedOutcome};
use ccsim::scenario::Scenario;
use common::scenario;

/// 20 paid agents at 50 % shrinkage (10 on duty), handle time 240 s talk + 60 s wrap-up
/// (mean 300 s): the predicted wait of a caller with `w` live callers ahead is
/// (w + 1) × 30 s. Every offer is accepted, so only callers not offered one wait live.
fn predicted(threshold_s: f64) -> Scenario {
    scenario(&format!(
        r#"
[simulation]
replications = 10
seed = 41
interval_minutes = 30
[arrivals]
volumes = [54, 54, 54, 54, 54, 54, 54, 54]
[handling]
time = {{ dist = "exponential", mean_s = 240 }}
wrap_up = {{ dist = "fixed", value_s = 60 }}
[staffing]
agents = 20
shrinkage = 0.5
[callback]
offer_when_wait_exceeds_s = {threshold_s}
acceptance = 1.0
promise_s = 3600
"#
    ))
}

#[test]
fn every_delayed_caller_is_offered_once_the_first_prediction_passes_the_threshold() {
    // With nobody ahead the prediction is 1 × 300 ÷ 10 = 30 s > 29 s.
    let s = predicted(29.0);
    for rep in 0..10 {
        let r = simulate_replication(&s, rep);
        for (i, c) in r.intervals.iter().enumerate() {
            assert_eq!(
                c.callbacks_offered, c.delayed,
                "replication {rep}, interval {i}: every delayed caller is offered"
            );
        }
        let t = r.day_total();
        assert!(t.delayed > 20, "the centre is busy enough: {}", t.delayed);
        assert_eq!(t.callbacks_accepted, t.callbacks_offered);
    }
}

#[test]
fn a_caller_with_nobody_ahead_is_not_offered_below_the_threshold_and_the_next_is() {
    // 30 s ≤ 31 s: a caller who finds the live queue empty waits live; one who finds a
    // caller ahead is predicted 60 s > 31 s and offered a callback, which is accepted.
    // So at most one caller ever waits live: no two live waits overlap.
    let s = predicted(31.0);
    let mut centre = Centre::new(&s);
    centre.set_contact_log(true);
    let (mut offered, mut delayed, mut waited) = (0, 0, 0);
    for rep in 0..10 {
        let t = centre.run(rep).day_total();
        offered += t.callbacks_offered;
        delayed += t.delayed;
        let mut waits: Vec<(f64, f64)> = centre
            .contact_log()
            .iter()
            .filter(|c| c.outcome == LoggedOutcome::Answered && c.wait_s > 0.0)
            .map(|c| (c.arrival_s, c.arrival_s + c.wait_s))
            .collect();
        waited += waits.len();
        waits.sort_by(|a, b| a.0.total_cmp(&b.0));
        for w in waits.windows(2) {
            assert!(
                w[1].0 >= w[0].1,
                "replication {rep}: a caller queued live at {} while another waited until {}",
                w[1].0,
                w[0].1
            );
        }
    }
    assert!(waited > 50, "callers with nobody ahead wait live: {waited}");
    assert!(
        offered > 50,
        "callers with one ahead are offered: {offered}"
    );
    assert_eq!(offered as usize + waited, delayed as usize);
}

/// An overloaded 2-hour day that never empties its live queue (no patience): 14 Erlangs
/// on 10 agents, 30 % of delayed callers taking a 30-minute callback (4.2 Erlangs of
/// callbacks, well within the agents). A callback can only be made by jumping the queue.
fn overloaded() -> Scenario {
    scenario(
        r#"
[simulation]
replications = 20
seed = 43
interval_minutes = 30
[arrivals]
volumes = [84, 84, 84, 84]
[handling]
time = { dist = "exponential", mean_s = 300 }
[staffing]
agents = 10
[callback]
offer_when_wait_exceeds_s = 1
acceptance = 0.3
promise_s = 1800
"#,
    )
}

#[test]
fn callbacks_jump_the_live_queue_in_time_to_keep_their_promise() {
    let s = overloaded();
    let (mut accepted, mut completed, mut within) = (0, 0, 0);
    let (mut last_accepted, mut last_pending) = (0, 0);
    for rep in 0..20 {
        let r = simulate_replication(&s, rep);
        // Accepted in the first three intervals: due at least 300 s before closing, so
        // each became urgent while open and was made.
        for c in &r.intervals[..3] {
            accepted += c.callbacks_accepted;
            completed += c.callbacks_completed;
            within += c.callbacks_within_promise;
        }
        let last = &r.intervals[3];
        last_accepted += last.callbacks_accepted;
        last_pending += last.callbacks_pending;
    }
    eprintln!(
        "first intervals: {accepted} accepted, {completed} made, {within} within promise; \
         last interval: {last_accepted} accepted, {last_pending} pending"
    );
    assert!(accepted > 500, "{accepted}");
    // An urgent callback waits only for the next agent to come free (30 s on average)
    // and for the urgent ones ahead of it: few miss.
    assert!(
        completed as f64 >= 0.99 * accepted as f64,
        "callbacks are made despite the live queue: {completed} of {accepted}"
    );
    assert!(
        within as f64 >= 0.97 * completed as f64,
        "and made within their promise: {within} of {completed}"
    );
    // They jump only near their promise, not at once: those accepted in the last 1500 s
    // of the day (5/6 of the last interval) were never urgent before closing, and the
    // live queue never emptied, so they are still owed at the horizon: 5/6 of them,
    // less two binomial standard deviations (0.8 with ~500 accepted).
    assert!(
        last_pending as f64 >= 0.8 * last_accepted as f64,
        "callbacks wait while live callers do: {last_pending} of {last_accepted} pending"
    );
    assert!(last_pending < last_accepted);
}

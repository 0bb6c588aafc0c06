//! Journey fidelity: callbacks around closing (no late offers, callbacks made in the drain,
//! carried over between days), handle time and patience by time of day, and redials after
//! a busy signal against the exact retrial queue.

use crate::common;

use ccsim::erlang::erlang_c;
use ccsim::metrics::{IntervalCounters, Metric};
use ccsim::model::simulate_replication;
use ccsim::scenario::Scenario;
use ccsim::stats::Running;
use common::{assert_inside, day, report, scenario};

/// An overloaded 4-hour day with a callback offer: many callbacks are still owed at closing.
fn closing(callback_extra: &str, days: u32) -> Scenario {
    scenario(&format!(
        r#"
[simulation]
replications = 20
seed = 3
open = "08:00"
days = {days}
[arrivals]
volumes = [150, 150, 150, 150, 150, 150, 150, 150]
[handling]
time = {{ dist = "exponential", mean_s = 300 }}
[patience]
time = {{ dist = "exponential", mean_s = 200 }}
[staffing]
agents = 22
[callback]
offer_when_wait_exceeds_s = 60
acceptance = 0.6
promise_s = 1800
reach = 0.8
max_attempts = 3
retry_delay = {{ dist = "exponential", mean_s = 600 }}
{callback_extra}
"#
    ))
}

fn day_totals(s: &Scenario) -> Vec<IntervalCounters> {
    (0..s.simulation.replications)
        .map(|r| simulate_replication(s, r).day_total())
        .collect()
}

#[test]
fn callbacks_made_in_the_drain_leave_nothing_pending() {
    let kept = day_totals(&closing("make_during_drain = true", 1));
    let left = day_totals(&closing("make_during_drain = false", 1));
    for t in &kept {
        assert!(t.callbacks_accepted > 50, "overloaded enough: {t:?}");
        assert_eq!(t.callbacks_pending, 0);
        assert_eq!(
            t.callbacks_accepted,
            t.callbacks_completed + t.callbacks_failed
        );
    }
    // Without the drain's callbacks the same day ends with callbacks pending, and the
    // drain's agents cost overtime.
    let pending: u64 = left.iter().map(|t| t.callbacks_pending).sum();
    assert!(pending > 0);
    for (k, l) in kept.iter().zip(&left) {
        assert_eq!(
            k.callbacks_accepted, l.callbacks_accepted,
            "same day until closing"
        );
        assert_eq!(
            l.callbacks_accepted,
            l.callbacks_completed + l.callbacks_failed + l.callbacks_pending
        );
    }
    let overtime = |s: &Scenario| -> f64 {
        (0..s.simulation.replications)
            .map(|r| simulate_replication(s, r).overtime_agent_s)
            .sum()
    };
    assert!(
        overtime(&closing("make_during_drain = true", 1))
            > overtime(&closing("make_during_drain = false", 1))
    );
}

#[test]
fn no_callback_is_offered_that_cannot_be_made_before_closing() {
    // With the window equal to the promise (one interval), a callback accepted at `now`
    // is due by closing exactly when it was accepted before the last interval began.
    let guarded = closing("last_offer_before_close_s = 1800", 1);
    let open = closing("", 1);
    let last = guarded.intervals() - 1;
    let (mut guarded_last, mut open_last, mut guarded_before) = (0, 0, 0);
    for r in 0..guarded.simulation.replications {
        let g = simulate_replication(&guarded, r);
        guarded_last += g.intervals[last].callbacks_accepted;
        guarded_before += g.intervals[last - 1].callbacks_accepted;
        open_last += simulate_replication(&open, r).intervals[last].callbacks_accepted;
    }
    assert_eq!(guarded_last, 0);
    assert!(guarded_before > 0, "offers continue until the window");
    assert!(
        open_last > 0,
        "without the window the last interval offers callbacks"
    );
}

#[test]
fn callbacks_owed_at_closing_carry_over_to_the_next_day_and_break_their_promise() {
    let s = closing("", 2);
    for t in day_totals(&s) {
        assert_eq!(
            t.callbacks_accepted,
            t.callbacks_completed + t.callbacks_failed + t.callbacks_pending
        );
        // Those owed overnight are made the next morning, long after their promise.
        assert!(t.callbacks_within_promise < t.callbacks_completed);
    }
    // Only the last day's leftovers are pending: fewer than two days' worth.
    let one_day: u64 = day_totals(&closing("", 1))
        .iter()
        .map(|t| t.callbacks_pending)
        .sum();
    let two_days: u64 = day_totals(&s).iter().map(|t| t.callbacks_pending).sum();
    assert!(two_days < 2 * one_day, "{two_days} vs {one_day}");
}

/// A stationary 24-hour centre in twelve 2-hour intervals (0.04 calls/s, exponential AHT
/// 180 s, 10 agents), with optional lines under `[handling]` and `[patience]`.
fn two_hourly(extra_handling: &str, extra_patience: &str, patience: bool) -> Scenario {
    let patience_table = if patience {
        format!("[patience]\ntime = {{ dist = \"exponential\", mean_s = 300 }}\n{extra_patience}")
    } else {
        String::new()
    };
    scenario(&format!(
        r#"
[simulation]
replications = 30
seed = 17
interval_minutes = 120
open = "00:00"
[arrivals]
volumes = [{vols}]
[handling]
time = {{ dist = "exponential", mean_s = 180 }}
{extra_handling}
{patience_table}
[staffing]
agents = 10
"#,
        vols = ["288"; 12].join(", ")
    ))
}

/// Twelve factors: `x` from interval `from` on, 1 before.
fn factors(from: usize, x: f64) -> String {
    let f: Vec<String> = (0..12)
        .map(|i| {
            if i >= from {
                x.to_string()
            } else {
                "1.0".into()
            }
        })
        .collect();
    format!("interval_factors = [{}]", f.join(", "))
}

#[test]
fn interval_factors_of_one_change_nothing() {
    let plain = two_hourly("", "", true);
    let ones = two_hourly(&factors(0, 1.0), &factors(0, 1.0), true);
    for r in 0..5 {
        assert_eq!(
            simulate_replication(&plain, r),
            simulate_replication(&ones, r)
        );
    }
}

#[test]
fn a_handle_time_factor_raises_that_intervals_aht_by_its_factor() {
    let only_third = "interval_factors = [1, 1, 1, 1.2, 1, 1, 1, 1, 1, 1, 1, 1]";
    let (s, base) = (two_hourly(only_third, "", false), two_hourly("", "", false));
    let r = report(&s);
    assert_inside(
        "AHT, interval 3",
        r.intervals[3].metrics.get(Metric::AhtS),
        216.0,
    );
    // Under common random numbers the same callers arrive with the same draws, scaled.
    for rep in 0..5 {
        let (f, b) = (
            simulate_replication(&s, rep),
            simulate_replication(&base, rep),
        );
        let aht = |c: &IntervalCounters| c.handle_s / c.answered as f64;
        let ratio = aht(&f.intervals[3]) / aht(&b.intervals[3]);
        assert!((ratio - 1.2).abs() < 1e-9, "ratio {ratio}");
        assert_eq!(
            f.intervals[1], b.intervals[1],
            "earlier intervals untouched"
        );
    }
}

#[test]
fn with_a_handle_time_factor_the_interval_matches_erlang_c_at_its_own_aht() {
    // From 12:00 the AHT is 216 s: 8.64 Erlangs on 10 agents, nobody abandons. Interval 9
    // (18:00) is hours past the change: stationary at its own AHT.
    let r = report(&two_hourly(&factors(6, 1.2), "", false));
    let late = &r.intervals[9].metrics;
    assert_inside("AHT at 18:00", late.get(Metric::AhtS), 216.0);
    assert_inside(
        "delayed share at 18:00 vs Erlang C(10, 8.64)",
        late.get(Metric::DelayedShare),
        erlang_c(10, 0.04 * 216.0),
    );
    assert_inside(
        "delayed share at 03:00 vs Erlang C(10, 7.2)",
        r.intervals[1].metrics.get(Metric::DelayedShare),
        erlang_c(10, 0.04 * 180.0),
    );
}

#[test]
fn a_patience_factor_scales_that_intervals_patience() {
    // Halving patience from 12:00 raises abandonment there; the morning is untouched.
    let halved = report(&two_hourly("", &factors(6, 0.5), true));
    let base = report(&two_hourly("", "", true));
    let ab = |r: &ccsim::report::ScenarioReport, i: usize| {
        r.intervals[i].metrics.get(Metric::AbandonmentRate).mean
    };
    assert!(
        ab(&halved, 9) > 1.3 * ab(&base, 9),
        "{} vs {}",
        ab(&halved, 9),
        ab(&base, 9)
    );
    assert_eq!(ab(&halved, 3), ab(&base, 3));
}

/// The stationary M/M/c/c retrial queue with persistence `p` after each busy signal,
/// solved exactly on a truncated orbit: returns (share of attempts blocked, retrials per
/// fresh call).
pub(crate) fn retrial_queue(c: usize, lambda: f64, mu: f64, theta: f64, p: f64) -> (f64, f64) {
    let orbit = 80; // P(orbit > 80) is far below 1e-12 at these rates
    let states = (c + 1) * (orbit + 1);
    let idx = |n: usize, j: usize| j * (c + 1) + n;
    // Generator Q (row = from), then solve πQ = 0, Σπ = 1 by Gaussian elimination on Qᵀ.
    let mut q = vec![vec![0.0f64; states]; states];
    for j in 0..=orbit {
        for n in 0..=c {
            let s = idx(n, j);
            let mut add = |to: usize, rate: f64| {
                q[s][to] += rate;
                q[s][s] -= rate;
            };
            if n < c {
                add(idx(n + 1, j), lambda);
                if j > 0 {
                    add(idx(n + 1, j - 1), j as f64 * theta);
                }
            } else {
                if j < orbit {
                    add(idx(c, j + 1), lambda * p);
                }
                if j > 0 {
                    add(idx(c, j - 1), j as f64 * theta * (1.0 - p));
                }
            }
            if n > 0 {
                add(idx(n - 1, j), n as f64 * mu);
            }
        }
    }
    let mut a: Vec<Vec<f64>> = (0..states)
        .map(|r| (0..states).map(|col| q[col][r]).collect())
        .collect();
    let mut b = vec![0.0; states];
    a[states - 1] = vec![1.0; states];
    b[states - 1] = 1.0;
    for col in 0..states {
        let pivot = (col..states)
            .max_by(|&x, &y| a[x][col].abs().total_cmp(&a[y][col].abs()))
            .expect("rows");
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in 0..states {
            if row != col && a[row][col] != 0.0 {
                let f = a[row][col] / a[col][col];
                let pivot_row = a[col].clone();
                for (x, p) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                    *x -= f * p;
                }
                b[row] -= f * b[col];
            }
        }
    }
    let pi: Vec<f64> = (0..states).map(|s| b[s] / a[s][s]).collect();
    let (mut retrial_rate, mut blocked_rate) = (0.0, 0.0);
    for j in 0..=orbit {
        for n in 0..=c {
            let x = pi[idx(n, j)];
            retrial_rate += x * j as f64 * theta;
            if n == c {
                blocked_rate += x * (lambda + j as f64 * theta);
            }
        }
    }
    (
        blocked_rate / (lambda + retrial_rate),
        retrial_rate / lambda,
    )
}

#[test]
fn redials_after_busy_signals_match_the_exact_retrial_queue() {
    // 3 agents and 3 lines (no queue), 2.4 Erlangs, busy-signal redials with persistence
    // 0.6 after an exponential 60 s; abandonment redials (none happen) set differently
    // to show that blocked callers use their own settings. The attempt cap of 100 is
    // reached with probability below 0.6^99: the untruncated model applies.
    let (c, lambda, mu, theta, p) = (3, 2.4 / 180.0, 1.0 / 180.0, 1.0 / 60.0, 0.6);
    let s = scenario(&format!(
        r#"
[simulation]
replications = 40
seed = 23
interval_minutes = 60
open = "00:00"
[arrivals]
volumes = [{vols}]
[handling]
time = {{ dist = "exponential", mean_s = 180 }}
[staffing]
agents = {c}
lines = {c}
[redial]
probability = 0.1
delay = {{ dist = "fixed", value_s = 5 }}
max_attempts = 100
after_blocked = {{ probability = {p}, delay = {{ dist = "exponential", mean_s = 60 }} }}
"#,
        vols = vec![format!("{}", lambda * 3600.0); 24].join(", ")
    ));
    let (blocking, retrials_per_fresh) = retrial_queue(c, lambda, mu, theta, p);
    let r = report(&s);
    assert_inside("blocking rate", day(&r, Metric::BlockingRate), blocking);
    let mut per_fresh = Running::default();
    for v in &r.day_samples {
        per_fresh.push(v[Metric::RedialsAfterBlocked as usize] / v[Metric::Journeys as usize]);
    }
    assert_inside(
        "redials after a busy signal per fresh call",
        per_fresh.estimate(),
        retrials_per_fresh,
    );
    // Every redial here followed a busy signal.
    assert_eq!(
        day(&r, Metric::Redials).mean,
        day(&r, Metric::RedialsAfterBlocked).mean
    );
    // The plain Erlang B blocking (no retrials) is clearly lower: retrials add load.
    assert!(blocking > ccsim::erlang::erlang_b(c as u32, 2.4) + 0.02);
}

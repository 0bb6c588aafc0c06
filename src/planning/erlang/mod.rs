//! Closed-form queueing figures for one stationary interval: Erlang B, C and A.
//!
//! Planners staff by these formulas, and the simulator must agree with them when it
//! runs the same model (Poisson arrivals, exponential handling and patience, steady
//! state): they are both the `ccsim erlang` command and the yardstick the simulation
//! is tested against. Everything is computed by recursions or in log space so that
//! thousands of agents and loads of thousands of Erlang neither overflow nor lose
//! precision.

use serde::Serialize;

mod b_and_c;
mod erlang_a;
mod search;

pub use b_and_c::{erlang_b, erlang_c};
pub use search::{agents_needed, agents_search_cap, erlang_b_lines_needed, meets_targets};

/// One planning interval treated as if it were in steady state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Poisson arrival rate λ, calls per second (≥ 0).
    pub arrivals_per_s: f64,
    /// Mean handle time 1/μ in seconds (> 0), exponential in the model.
    pub mean_handle_s: f64,
    /// Productive agents c.
    pub agents: u32,
    /// Mean of the exponential patience (> 0); `None` or infinite = nobody abandons (Erlang C).
    pub mean_patience_s: Option<f64>,
    /// The T of SL(T), in seconds (≥ 0).
    pub sl_threshold_s: f64,
}

/// Steady-state figures of one interval, defined as in docs/model.md.
///
/// Non-finite values mean "unbounded" (an unstable Erlang C queue) or "undefined"
/// (ASA when nobody is ever answered, i.e. no agents); JSON shows both as `null`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figures {
    /// Offered load a = λ / μ.
    pub load_erlang: f64,
    /// Share of arrivals that find every agent busy.
    pub p_wait: f64,
    /// Answered within T ÷ (answered + abandoned).
    pub service_level: f64,
    /// Mean wait of the answered calls, seconds.
    pub asa_s: f64,
    /// Mean time in queue over answered and abandoned calls, seconds.
    pub mean_wait_s: f64,
    /// Share of arrivals that abandon: θ·E[queue] / λ.
    pub p_abandon: f64,
    /// Busy agent time ÷ staffed agent time: λ(1 − P(ab)) / (cμ).
    pub occupancy: f64,
    /// Mean number of callers waiting.
    pub mean_queue: f64,
}

/// Service targets a staffing level must meet; `None` = no such target.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Targets {
    /// `(within_s, at_least)`: SL(within_s) ≥ at_least, e.g. `(20.0, 0.8)` for 80/20.
    pub service_level: Option<(f64, f64)>,
    /// Largest acceptable share of abandoned calls.
    pub abandonment_at_most: Option<f64>,
    /// Largest acceptable ASA, seconds.
    pub asa_at_most_s: Option<f64>,
    /// Largest acceptable occupancy (agents need slack to stay effective).
    pub occupancy_at_most: Option<f64>,
}

/// Steady-state figures of an interval: Erlang C without patience, Erlang A with it.
pub fn figures(i: &Interval) -> Figures {
    debug_assert!(i.arrivals_per_s >= 0.0, "arrival rate must be >= 0");
    debug_assert!(i.mean_handle_s > 0.0, "mean handle time must be > 0");
    let lambda = i.arrivals_per_s;
    let t = i.sl_threshold_s.max(0.0);
    if lambda.is_nan() || lambda <= 0.0 {
        // An interval without calls: nobody waits, and SL is read as "nothing missed".
        return Figures {
            load_erlang: 0.0,
            p_wait: 0.0,
            service_level: 1.0,
            asa_s: 0.0,
            mean_wait_s: 0.0,
            p_abandon: 0.0,
            occupancy: 0.0,
            mean_queue: 0.0,
        };
    }
    match i.mean_patience_s.filter(|p| p.is_finite()) {
        None => b_and_c::erlang_c_figures(lambda, i.mean_handle_s, i.agents, t),
        Some(p) => erlang_a::erlang_a(lambda, i.mean_handle_s, i.agents, 1.0 / p, t).figures,
    }
}

/// What the tests of every formula family share: the textbook interval and tolerances.
#[cfg(test)]
mod testing {
    use super::Interval;

    /// The textbook interval: 100 calls in 30 minutes, AHT 180 s, so 10 Erlang.
    pub fn textbook(agents: u32, patience: Option<f64>) -> Interval {
        Interval {
            arrivals_per_s: 100.0 / 1800.0,
            mean_handle_s: 180.0,
            agents,
            mean_patience_s: patience,
            sl_threshold_s: 20.0,
        }
    }

    pub fn close(actual: f64, expected: f64, tol: f64) {
        assert!(
            (actual - expected).abs() <= tol,
            "expected {expected}, got {actual} (tolerance {tol})"
        );
    }

    pub fn close_rel(actual: f64, expected: f64, rel: f64) {
        assert!(
            (actual - expected).abs() <= rel * expected.abs(),
            "expected {expected}, got {actual} (relative tolerance {rel})"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{close, textbook};
    use super::*;

    #[test]
    fn more_agents_never_hurt() {
        for patience in [None, Some(120.0), Some(30.0)] {
            let start = if patience.is_some() { 1 } else { 11 };
            let mut prev = figures(&textbook(start, patience));
            for agents in start + 1..=25 {
                let f = figures(&textbook(agents, patience));
                assert!(f.service_level > prev.service_level, "SL at {agents}");
                assert!(f.p_abandon <= prev.p_abandon, "P(ab) at {agents}");
                assert!(f.asa_s < prev.asa_s, "ASA at {agents}");
                assert!(f.occupancy < prev.occupancy, "occupancy at {agents}");
                if patience.is_some() {
                    assert!(f.p_abandon < prev.p_abandon, "P(ab) at {agents}");
                }
                prev = f;
            }
        }
    }

    #[test]
    fn large_centre_is_finite_and_sane() {
        let i = Interval {
            arrivals_per_s: 1.0,
            mean_handle_s: 180.0,
            agents: 190,
            mean_patience_s: Some(120.0),
            sl_threshold_s: 20.0,
        };
        let f = figures(&i);
        for v in [
            f.p_wait,
            f.service_level,
            f.asa_s,
            f.mean_wait_s,
            f.p_abandon,
            f.occupancy,
            f.mean_queue,
        ] {
            assert!(v.is_finite() && v >= 0.0, "{f:?}");
        }
        assert!(f.p_wait < 1.0 && f.service_level > 0.0 && f.service_level < 1.0);
        assert!(f.occupancy < 1.0);
        // Load 2000 Erlang with an overload, and a stable Erlang C of the same size.
        let big = Interval {
            arrivals_per_s: 2000.0 / 180.0,
            agents: 1900,
            ..i
        };
        let f = figures(&big);
        assert!(
            f.p_abandon > 0.0 && f.p_abandon < 0.1 && f.asa_s.is_finite(),
            "{f:?}"
        );
        let f = figures(&Interval {
            agents: 2100,
            mean_patience_s: None,
            ..big
        });
        assert!(
            f.p_wait > 0.0 && f.p_wait < 1.0 && f.asa_s.is_finite(),
            "{f:?}"
        );
        close(erlang_b(5000, 2000.0), 0.0, 1e-12);
    }

    #[test]
    fn no_calls_means_nothing_to_do() {
        let f = figures(&Interval {
            arrivals_per_s: 0.0,
            ..textbook(3, Some(60.0))
        });
        assert_eq!((f.p_wait, f.service_level, f.occupancy), (0.0, 1.0, 0.0));
    }
}

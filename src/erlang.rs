//! Closed-form queueing figures for one stationary interval: Erlang B, C and A.
//!
//! Planners staff by these formulas, and the simulator must agree with them when it
//! runs the same model (Poisson arrivals, exponential handling and patience, steady
//! state): they are both the `ccsim erlang` command and the yardstick the simulation
//! is tested against. Everything is computed by recursions or in log space so that
//! thousands of agents and loads of thousands of Erlang neither overflow nor lose
//! precision.

use serde::Serialize;

/// Queue states whose stationary weight, tail included, is below this share of the
/// total are dropped: far below anything a report prints.
const TAIL_TOLERANCE: f64 = 1e-15;

/// Most queue states summed for Erlang A. Only absurd inputs (patience of days with
/// a heavy overload) get near it; beyond it the queue is so long that the fluid limit
/// (or Erlang C, when the agents keep up) is exact to many digits.
const MAX_QUEUE_STATES: usize = 10_000_000;

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

/// Steady-state figures of one interval, defined as in DOMAIN.md.
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

/// Erlang B blocking probability of an M/M/c/c system (blocked calls are lost).
pub fn erlang_b(agents: u32, load_erlang: f64) -> f64 {
    if load_erlang.is_nan() || load_erlang <= 0.0 {
        return if agents == 0 { 1.0 } else { 0.0 };
    }
    // The recursion B(k) = a·B(k−1) / (k + a·B(k−1)) keeps every step in [0, 1],
    // where the textbook a^c / c! ratio overflows long before c = 200.
    let mut b = 1.0;
    for k in 1..=agents {
        let ab = load_erlang * b;
        b = ab / (f64::from(k) + ab);
    }
    b
}

/// Erlang C: probability that an arrival waits in an M/M/c queue (1.0 when load ≥ agents).
pub fn erlang_c(agents: u32, load_erlang: f64) -> f64 {
    let c = f64::from(agents);
    if load_erlang >= c {
        return 1.0;
    }
    if load_erlang.is_nan() || load_erlang <= 0.0 {
        return 0.0;
    }
    let b = erlang_b(agents, load_erlang);
    c * b / (c - load_erlang * (1.0 - b))
}

/// Fewest trunk lines whose Erlang B blocking is at most `max_blocking`.
///
/// Returns [`agents_search_cap`] for the load when no line count up to it is enough
/// (e.g. `max_blocking` ≤ 0).
pub fn erlang_b_lines_needed(load_erlang: f64, max_blocking: f64) -> u32 {
    if max_blocking >= 1.0 {
        return 0; // zero lines block everything, and that is within budget
    }
    if load_erlang.is_nan() || load_erlang <= 0.0 {
        return 1; // no traffic is never blocked once there is a line
    }
    let cap = agents_search_cap(load_erlang);
    let mut b = 1.0;
    for k in 1..=cap {
        let ab = load_erlang * b;
        b = ab / (f64::from(k) + ab);
        if b <= max_blocking {
            return k;
        }
    }
    cap
}

/// Most agents [`agents_needed`] and [`erlang_b_lines_needed`] will consider for a load.
///
/// Square-root staffing puts every realistic target within a + β√a with β < 8, so
/// a + 20√a + 100 is far above any reachable answer yet keeps an impossible target
/// (SL of 100 %, ASA of 0 s) from searching forever.
pub fn agents_search_cap(load_erlang: f64) -> u32 {
    let a = if load_erlang.is_finite() {
        load_erlang.max(0.0)
    } else {
        0.0
    };
    let cap = (a + 20.0 * a.sqrt() + 100.0).ceil();
    if cap >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        cap as u32
    }
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
        None => erlang_c_figures(lambda, i.mean_handle_s, i.agents, t),
        Some(p) => erlang_a(lambda, i.mean_handle_s, i.agents, 1.0 / p, t).figures,
    }
}

/// Whether `agents` agents meet every given target for this interval.
pub fn meets_targets(base: &Interval, agents: u32, targets: &Targets) -> bool {
    let i = Interval { agents, ..*base };
    let f = figures(&i);
    // A NaN figure (ASA when nobody is answered) must fail its target, never pass it.
    if let Some((within_s, at_least)) = targets.service_level {
        let sl = if within_s == i.sl_threshold_s {
            f.service_level
        } else {
            figures(&Interval {
                sl_threshold_s: within_s,
                ..i
            })
            .service_level
        };
        if sl.is_nan() || sl < at_least {
            return false;
        }
    }
    let at_most = |value: f64, limit: Option<f64>| limit.map_or(true, |l| value <= l);
    at_most(f.p_abandon, targets.abandonment_at_most)
        && at_most(f.asa_s, targets.asa_at_most_s)
        && at_most(f.occupancy, targets.occupancy_at_most)
}

/// Fewest agents whose figures meet every given target (`base.agents` is ignored).
///
/// Erlang C starts above the load (below it the queue never empties); Erlang A starts
/// at one agent, since abandonment can make fewer agents than Erlang enough. Every
/// figure improves with more agents, so the search gallops upward and then bisects.
/// It stops at [`agents_search_cap`]: when the cap is returned, check the targets
/// with [`meets_targets`], as they may be out of reach.
pub fn agents_needed(base: &Interval, targets: &Targets) -> u32 {
    let load = base.arrivals_per_s * base.mean_handle_s;
    let erlang_c_model = base.mean_patience_s.filter(|p| p.is_finite()).is_none();
    let lo = if load.is_nan() || load <= 0.0 {
        0
    } else if erlang_c_model {
        let floor = load.floor();
        if floor >= f64::from(u32::MAX) {
            u32::MAX
        } else {
            floor as u32 + 1
        }
    } else {
        1
    };
    let cap = agents_search_cap(load).max(lo);
    let meets = |c: u32| meets_targets(base, c, targets);
    if meets(lo) {
        return lo;
    }
    let mut bad = lo;
    let mut step = 1u32;
    let mut good = loop {
        let next = bad.saturating_add(step).min(cap);
        if meets(next) {
            break next;
        }
        if next >= cap {
            return cap;
        }
        bad = next;
        step = step.saturating_mul(2);
    };
    while good - bad > 1 {
        let mid = bad + (good - bad) / 2;
        if meets(mid) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    good
}

/// Erlang C figures from the classical closed forms.
fn erlang_c_figures(lambda: f64, handle_s: f64, agents: u32, t: f64) -> Figures {
    let mu = 1.0 / handle_s;
    let load = lambda * handle_s;
    let c = f64::from(agents);
    // The relative margin keeps the rounding of λ·AHT (100/1800 · 180 = 9.999…98) from
    // turning a critically loaded queue into a merely enormous one.
    if load >= c * (1.0 - 1e-12) {
        // The queue grows without bound: say so rather than print a misleading number.
        return Figures {
            load_erlang: load,
            p_wait: 1.0,
            service_level: 0.0,
            asa_s: f64::INFINITY,
            mean_wait_s: f64::INFINITY,
            p_abandon: 0.0,
            occupancy: if agents == 0 { 0.0 } else { 1.0 },
            mean_queue: f64::INFINITY,
        };
    }
    let p_wait = erlang_c(agents, load);
    let drain = c * mu - lambda;
    let asa = p_wait / drain;
    Figures {
        load_erlang: load,
        p_wait,
        service_level: 1.0 - p_wait * (-drain * t).exp(),
        asa_s: asa,
        mean_wait_s: asa,
        p_abandon: 0.0,
        occupancy: load / c,
        mean_queue: lambda * asa,
    }
}

/// Erlang A figures with the by-products the tests check them against.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(test), allow(dead_code))] // the by-products exist for the tests
struct ErlangA {
    figures: Figures,
    /// Share of arrivals answered, from the per-state answer probabilities.
    p_answered: f64,
    /// Mean busy agents, from the stationary distribution.
    mean_busy: f64,
}

/// Erlang A (M/M/c+M) from its stationary birth–death distribution.
///
/// A caller who finds k others waiting is answered after stages of rates cμ + jθ
/// (j = k..0, the callers ahead abandon too) unless its own Exp(θ) patience runs out
/// first. That sum S has density θ·e^{−cμt}(1 − e^{−θt})^k / B(cμ/θ, k + 1), which
/// gives, with u = cμ/θ and z = e^{−θT}:
/// - P(answered) = E[e^{−θS}] = cμ / (cμ + (k+1)θ),
/// - P(answered within T) = P(answered) · P(NegBin(u + 1, z) > k),
/// - E[S·e^{−θS}] = P(answered) · Σ_{j=0..k} 1 / (cμ + (j+1)θ),
///
/// all sums of positive terms, so SL and ASA are exact and free of cancellation.
fn erlang_a(lambda: f64, handle_s: f64, agents: u32, theta: f64, t: f64) -> ErlangA {
    let mu = 1.0 / handle_s;
    let c = agents as usize;
    let alpha = f64::from(agents) * mu;
    let death = |n: usize| {
        if n <= c {
            n as f64 * mu
        } else {
            alpha + (n - c) as f64 * theta
        }
    };
    let ln_ratio = |n: usize| (lambda / death(n)).ln();

    // Pass 1: find the largest weight (to scale by) and where the tail becomes negligible.
    let mut lw = 0.0f64;
    let mut lmax = 0.0f64;
    let mut scaled_sum = 1.0;
    let mut last = 0usize;
    loop {
        if last >= c {
            // Past c the ratios λ / death(n) only fall, so the tail is bounded by a
            // geometric series once they drop below one.
            let r = lambda / death(last + 1);
            if r < 1.0 && (lw - lmax).exp() * r / (1.0 - r) <= TAIL_TOLERANCE * scaled_sum {
                break;
            }
        }
        if last >= c + MAX_QUEUE_STATES {
            return erlang_a_beyond_cap(lambda, handle_s, agents, theta, t);
        }
        last += 1;
        lw += ln_ratio(last);
        if lw > lmax {
            scaled_sum = scaled_sum * (lmax - lw).exp() + 1.0;
            lmax = lw;
        } else {
            scaled_sum += (lw - lmax).exp();
        }
    }

    // Pass 2: the same weights again, now with a fixed scale, into every sum at once.
    let u = alpha / theta;
    let nb_r = u + 1.0;
    let ln_one_minus_z = (-(-theta * t).exp_m1()).ln();
    let mut ln_pmf = -(alpha + theta) * t; // ln z^(u+1)
    let mut cdf = ln_pmf.exp();
    let mut harmonic = 0.0;
    let (mut total, mut immediate, mut busy, mut queue) = (0.0, 0.0, 0.0, 0.0);
    let (mut answered_late, mut within_t_late, mut answered_wait) = (0.0, 0.0, 0.0);
    let mut lw = 0.0;
    for n in 0..=last {
        if n > 0 {
            lw += ln_ratio(n);
        }
        let w = (lw - lmax).exp();
        total += w;
        if n < c {
            immediate += w;
            busy += n as f64 * w;
            continue;
        }
        let k = (n - c) as f64;
        busy += c as f64 * w;
        queue += k * w;
        let next_rate = alpha + (k + 1.0) * theta;
        let p_answered = alpha / next_rate;
        harmonic += 1.0 / next_rate;
        answered_late += w * p_answered;
        within_t_late += w * p_answered * (1.0 - cdf).max(0.0);
        answered_wait += w * p_answered * harmonic;
        if cdf < 1.0 {
            ln_pmf += ln_one_minus_z + ((nb_r + k) / (k + 1.0)).ln();
            cdf += ln_pmf.exp();
        }
    }

    let mean_queue = queue / total;
    let p_abandon = theta * mean_queue / lambda;
    let answered = (immediate + answered_late) / total;
    let figures = Figures {
        load_erlang: lambda * handle_s,
        p_wait: 1.0 - immediate / total,
        service_level: (immediate + within_t_late) / total,
        // No agents: nobody is answered and ASA is undefined (NaN).
        asa_s: (answered_wait / total) / answered,
        mean_wait_s: mean_queue / lambda,
        p_abandon: p_abandon.min(1.0),
        occupancy: if agents == 0 {
            0.0
        } else {
            lambda * (1.0 - p_abandon) / alpha
        },
        mean_queue,
    };
    ErlangA {
        figures,
        p_answered: answered,
        mean_busy: busy / total,
    }
}

/// Erlang A when the queue is too long to sum state by state (see [`MAX_QUEUE_STATES`]).
fn erlang_a_beyond_cap(lambda: f64, handle_s: f64, agents: u32, theta: f64, t: f64) -> ErlangA {
    let alpha = f64::from(agents) / handle_s;
    let figures = if lambda < alpha {
        // Patience so long against a stable queue that nobody's runs out: Erlang C.
        erlang_c_figures(lambda, handle_s, agents, t)
    } else {
        // Overload with very long patience: the queue sits at its fluid level
        // (λ − cμ)/θ, where arrivals and departures balance.
        let mean_queue = (lambda - alpha) / theta;
        let p_abandon = 1.0 - alpha / lambda;
        Figures {
            load_erlang: lambda * handle_s,
            p_wait: 1.0,
            service_level: 0.0,
            asa_s: (lambda / alpha).ln() / theta,
            mean_wait_s: mean_queue / lambda,
            p_abandon,
            occupancy: if agents == 0 { 0.0 } else { 1.0 },
            mean_queue,
        }
    };
    ErlangA {
        figures,
        p_answered: 1.0 - figures.p_abandon,
        mean_busy: lambda * (1.0 - figures.p_abandon) * handle_s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook interval: 100 calls in 30 minutes, AHT 180 s, so 10 Erlang.
    fn textbook(agents: u32, patience: Option<f64>) -> Interval {
        Interval {
            arrivals_per_s: 100.0 / 1800.0,
            mean_handle_s: 180.0,
            agents,
            mean_patience_s: patience,
            sl_threshold_s: 20.0,
        }
    }

    fn close(actual: f64, expected: f64, tol: f64) {
        assert!(
            (actual - expected).abs() <= tol,
            "expected {expected}, got {actual} (tolerance {tol})"
        );
    }

    fn close_rel(actual: f64, expected: f64, rel: f64) {
        assert!(
            (actual - expected).abs() <= rel * expected.abs(),
            "expected {expected}, got {actual} (relative tolerance {rel})"
        );
    }

    #[test]
    fn erlang_b_textbook_value() {
        close(erlang_b(14, 10.0), 0.05682, 1e-4);
        assert_eq!(erlang_b(0, 10.0), 1.0);
        assert_eq!(erlang_b(5, 0.0), 0.0);
    }

    #[test]
    fn erlang_b_lines_needed_is_the_first_count_under_budget() {
        let lines = erlang_b_lines_needed(10.0, 0.01);
        assert!(erlang_b(lines, 10.0) <= 0.01);
        assert!(erlang_b(lines - 1, 10.0) > 0.01);
        assert_eq!(erlang_b_lines_needed(10.0, 1.0), 0);
        assert_eq!(erlang_b_lines_needed(10.0, 0.0), agents_search_cap(10.0));
    }

    #[test]
    fn erlang_c_textbook_values() {
        let f = figures(&textbook(14, None));
        close(f.load_erlang, 10.0, 1e-12);
        close_rel(f.p_wait, 0.17413, 5e-4);
        close_rel(f.service_level, 0.88835, 5e-4);
        close_rel(f.asa_s, 7.836, 5e-4);
        close_rel(f.occupancy, 0.7143, 5e-4);
        assert_eq!(f.p_abandon, 0.0);
        close(f.mean_wait_s, f.asa_s, 1e-12);
        close(f.mean_queue, 100.0 / 1800.0 * f.asa_s, 1e-12);
    }

    #[test]
    fn erlang_c_unstable_queue_is_reported_not_panicked_on() {
        for agents in [0, 5, 10] {
            let f = figures(&textbook(agents, None));
            assert_eq!(f.p_wait, 1.0);
            assert_eq!(f.service_level, 0.0);
            assert!(f.asa_s.is_infinite() && f.mean_queue.is_infinite());
        }
        assert_eq!(erlang_c(10, 10.0), 1.0);
    }

    #[test]
    fn erlang_a_textbook_values() {
        let ten = figures(&textbook(10, Some(120.0)));
        close(ten.p_wait, 0.4969, 1e-4);
        close(ten.p_abandon, 0.1375, 1e-4);
        let nine = figures(&textbook(9, Some(120.0)));
        close(nine.p_wait, 0.6133, 1e-4);
        close(nine.p_abandon, 0.1922, 1e-4);
    }

    #[test]
    fn erlang_a_identities_hold() {
        for agents in [1, 9, 10, 14] {
            let lambda = 100.0 / 1800.0;
            let a = erlang_a(lambda, 180.0, agents, 1.0 / 120.0, 20.0);
            let f = a.figures;
            // θ·E[Q]/λ and the per-state answer probabilities describe the same callers.
            close(a.p_answered, 1.0 - f.p_abandon, 1e-12);
            // Busy agents: λ(1 − P(ab))·AHT.
            close(a.mean_busy / f64::from(agents), f.occupancy, 1e-12);
            assert!(f.service_level <= a.p_answered);
            // Answered callers' waits are part of everyone's: E[W·1{answered}] ≤ E[W].
            assert!(f.asa_s > 0.0 && f.asa_s * a.p_answered <= f.mean_wait_s);
        }
    }

    /// SL and ASA straight from the stage chain by numerical integration (RK4), to check
    /// the closed forms. Waiting arrivals start in stage k with probability π(c + k); the
    /// answered mass A(t) and ∫ t dA are integrated alongside the stages.
    fn erlang_a_by_integration(lambda: f64, mu: f64, c: usize, theta: f64, t: f64) -> (f64, f64) {
        let stages = 60;
        let mut w = vec![1.0f64];
        for n in 1..c + stages {
            let d = if n <= c {
                n as f64 * mu
            } else {
                c as f64 * mu + (n - c) as f64 * theta
            };
            w.push(w[n - 1] * lambda / d);
        }
        let total: f64 = w.iter().sum();
        let immediate = w[..c].iter().sum::<f64>() / total;
        let alpha = c as f64 * mu;
        // y = [stage 0 .. stage K−1, answered, ∫ t dA]
        let mut y: Vec<f64> = w[c..].iter().map(|v| v / total).collect();
        y.extend([0.0, 0.0]);
        let deriv = |y: &[f64], time: f64| {
            let mut dy = vec![0.0; y.len()];
            for j in 0..stages {
                let rate = alpha + j as f64 * theta;
                dy[j] -= (rate + theta) * y[j];
                if j > 0 {
                    dy[j - 1] += rate * y[j];
                } else {
                    dy[stages] += rate * y[0];
                    dy[stages + 1] += time * rate * y[0];
                }
            }
            dy
        };
        let step = |y: &[f64], d: &[f64], h: f64| -> Vec<f64> {
            y.iter().zip(d).map(|(a, b)| a + h * b).collect()
        };
        let dt = 0.025;
        let mut answered_by_t = None;
        for s in 0..(1500.0 / dt) as usize {
            let time = s as f64 * dt;
            if answered_by_t.is_none() && time >= t - 1e-9 {
                answered_by_t = Some(y[stages]);
            }
            let k1 = deriv(&y, time);
            let k2 = deriv(&step(&y, &k1, dt / 2.0), time + dt / 2.0);
            let k3 = deriv(&step(&y, &k2, dt / 2.0), time + dt / 2.0);
            let k4 = deriv(&step(&y, &k3, dt), time + dt);
            for i in 0..y.len() {
                y[i] += dt / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
            }
        }
        let sl = immediate + answered_by_t.unwrap();
        (sl, y[stages + 1] / (immediate + y[stages]))
    }

    #[test]
    fn erlang_a_sl_and_asa_match_direct_integration() {
        let (lambda, mu, c, theta, t) = (0.05, 1.0 / 60.0, 3usize, 1.0 / 45.0, 20.0);
        let f = erlang_a(lambda, 1.0 / mu, c as u32, theta, t).figures;
        let (sl, asa) = erlang_a_by_integration(lambda, mu, c, theta, t);
        close(f.service_level, sl, 1e-6);
        close_rel(f.asa_s, asa, 1e-6);
    }

    #[test]
    fn erlang_a_with_endless_patience_is_erlang_c() {
        for agents in [11, 14, 20] {
            let a = figures(&textbook(agents, Some(1e9)));
            let c = figures(&textbook(agents, None));
            close_rel(a.p_wait, c.p_wait, 1e-5);
            close_rel(a.service_level, c.service_level, 1e-5);
            close_rel(a.asa_s, c.asa_s, 1e-5);
            close_rel(a.mean_queue, c.mean_queue, 1e-5);
            close_rel(a.occupancy, c.occupancy, 1e-5);
            assert!(a.p_abandon < 1e-6);
        }
    }

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
    fn agents_needed_for_80_20_at_10_erlang_is_14() {
        let targets = Targets {
            service_level: Some((20.0, 0.8)),
            ..Targets::default()
        };
        let base = textbook(1, None);
        // From the closed form: 13 agents give 1 − C(13, 10)·e^{−(3/180)·20} < 0.8.
        let thirteen = figures(&textbook(13, None));
        assert!(thirteen.service_level < 0.8, "{thirteen:?}");
        close(thirteen.service_level, 0.79559, 1e-4);
        assert_eq!(agents_needed(&base, &targets), 14);
    }

    #[test]
    fn agents_needed_meets_every_target_with_the_fewest_agents() {
        let targets = Targets {
            service_level: Some((30.0, 0.85)),
            abandonment_at_most: Some(0.03),
            asa_at_most_s: Some(15.0),
            occupancy_at_most: Some(0.9),
        };
        for patience in [None, Some(120.0)] {
            let base = textbook(0, patience);
            let c = agents_needed(&base, &targets);
            assert!(meets_targets(&base, c, &targets));
            assert!(!meets_targets(&base, c - 1, &targets));
        }
    }

    #[test]
    fn agents_needed_stops_at_the_cap_for_impossible_targets() {
        let targets = Targets {
            asa_at_most_s: Some(0.0),
            ..Targets::default()
        };
        for patience in [None, Some(120.0)] {
            let base = textbook(0, patience);
            assert_eq!(agents_needed(&base, &targets), agents_search_cap(10.0));
        }
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

//! Erlang A (M/M/c+M): callers who wait abandon after an exponential patience. Summed
//! state by state from the stationary birth–death distribution, in log space.

use super::b_and_c::erlang_c_figures;
use super::Figures;

/// Queue states whose stationary weight, tail included, is below this share of the
/// total are dropped: far below anything a report prints.
const TAIL_TOLERANCE: f64 = 1e-15;

/// Most queue states summed for Erlang A. Only absurd inputs (patience of days with
/// a heavy overload) get near it; beyond it the queue is so long that the fluid limit
/// (or Erlang C, when the agents keep up) is exact to many digits.
const MAX_QUEUE_STATES: usize = 10_000_000;

/// Erlang A figures with the by-products the tests check them against.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(test), allow(dead_code))] // the by-products exist for the tests
pub(super) struct ErlangA {
    pub figures: Figures,
    /// Share of arrivals answered, from the per-state answer probabilities.
    pub p_answered: f64,
    /// Mean busy agents, from the stationary distribution.
    pub mean_busy: f64,
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
pub(super) fn erlang_a(lambda: f64, handle_s: f64, agents: u32, theta: f64, t: f64) -> ErlangA {
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
    use super::super::figures;
    use super::super::testing::{close, close_rel, textbook};
    use super::*;

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
}

//! Erlang B (blocked calls are lost) and Erlang C (every caller waits as long as it
//! takes): the classical closed forms, computed by recursion so that thousands of agents
//! never overflow.

use super::Figures;

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

/// Erlang C figures from the classical closed forms.
pub(super) fn erlang_c_figures(lambda: f64, handle_s: f64, agents: u32, t: f64) -> Figures {
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

#[cfg(test)]
mod tests {
    use super::super::figures;
    use super::super::testing::{close, close_rel, textbook};
    use super::*;

    #[test]
    fn erlang_b_textbook_value() {
        close(erlang_b(14, 10.0), 0.05682, 1e-4);
        assert_eq!(erlang_b(0, 10.0), 1.0);
        assert_eq!(erlang_b(5, 0.0), 0.0);
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
}

//! Searches over the formulas: the fewest agents that meet service targets, the fewest
//! trunk lines under a blocking budget. Every search is bounded (by
//! [`crate::limits::MAX_AGENTS`] among others) and says when its answer is out of reach.

use super::{figures, Interval, Targets};
use crate::limits;

/// Fewest trunk lines whose Erlang B blocking is at most `max_blocking`.
///
/// Returns [`lines_search_cap`] for the load when no line count up to it is enough
/// (e.g. `max_blocking` ≤ 0): check the blocking of the answer when that may happen.
pub fn erlang_b_lines_needed(load_erlang: f64, max_blocking: f64) -> u32 {
    if max_blocking >= 1.0 {
        return 0; // zero lines block everything, and that is within budget
    }
    if load_erlang.is_nan() || load_erlang <= 0.0 {
        return 1; // no traffic is never blocked once there is a line
    }
    let cap = lines_search_cap(load_erlang);
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

/// Most agents [`agents_needed`] will consider for a load: a + 20√a + 100 (see
/// [`square_root_bound`]), and never more than [`limits::MAX_AGENTS`].
pub fn agents_search_cap(load_erlang: f64) -> u32 {
    square_root_bound(load_erlang).min(f64::from(limits::MAX_AGENTS)) as u32
}

/// Most lines [`erlang_b_lines_needed`] will consider for a load: as for agents, and never
/// more than [`limits::MAX_LINES`].
pub fn lines_search_cap(load_erlang: f64) -> u32 {
    square_root_bound(load_erlang).min(f64::from(limits::MAX_LINES)) as u32
}

/// Square-root staffing puts every realistic target within a + β√a with β < 8, so
/// a + 20√a + 100 is far above any reachable answer yet keeps an impossible target
/// (SL of 100 %, ASA of 0 s) from searching forever.
fn square_root_bound(load_erlang: f64) -> f64 {
    let a = if load_erlang.is_finite() {
        load_erlang.max(0.0)
    } else {
        0.0
    };
    (a + 20.0 * a.sqrt() + 100.0).ceil()
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
    let at_most = |value: f64, limit: Option<f64>| limit.is_none_or(|l| value <= l);
    at_most(f.p_abandon, targets.abandonment_at_most)
        && at_most(f.asa_s, targets.asa_at_most_s)
        && at_most(f.occupancy, targets.occupancy_at_most)
}

/// Fewest agents whose figures meet every given target (`base.agents` is ignored).
///
/// Erlang C starts above the load (below it the queue never empties); Erlang A starts
/// at one agent, since abandonment can make fewer agents than Erlang enough. Every
/// figure improves with more agents, so the search gallops upward and then bisects; and
/// when the most agents it may consider, [`agents_search_cap`] (at most
/// [`limits::MAX_AGENTS`]), miss a target, so do all fewer, and it stops at once. When
/// the cap is returned, check the targets with [`meets_targets`]: they may be out of reach.
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
    let cap = agents_search_cap(load);
    let lo = lo.min(cap);
    let meets = |c: u32| meets_targets(base, c, targets);
    if meets(lo) {
        return lo;
    }
    if !meets(cap) {
        return cap; // out of reach: no need to walk up to it
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

#[cfg(test)]
mod tests {
    use super::super::testing::{close, textbook};
    use super::super::{erlang_b, figures};
    use super::*;

    #[test]
    fn erlang_b_lines_needed_is_the_first_count_under_budget() {
        let lines = erlang_b_lines_needed(10.0, 0.01);
        assert!(erlang_b(lines, 10.0) <= 0.01);
        assert!(erlang_b(lines - 1, 10.0) > 0.01);
        assert_eq!(erlang_b_lines_needed(10.0, 1.0), 0);
        assert_eq!(erlang_b_lines_needed(10.0, 0.0), agents_search_cap(10.0));
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
    fn searches_stop_at_the_largest_centre() {
        // 10^9 calls in 30 minutes at 180 s: 10^8 Erlang, beyond any centre ccsim plans.
        let huge = Interval {
            arrivals_per_s: 1e9 / 1800.0,
            ..textbook(0, Some(120.0))
        };
        assert_eq!(agents_search_cap(1e8), limits::MAX_AGENTS);
        assert_eq!(lines_search_cap(1e8), limits::MAX_LINES);
        let none = Targets {
            abandonment_at_most: Some(0.0),
            ..Targets::default()
        };
        let started = std::time::Instant::now();
        let n = agents_needed(&huge, &none);
        assert_eq!(n, limits::MAX_AGENTS);
        assert!(!meets_targets(&huge, n, &none));
        let erlang_c = Interval {
            mean_patience_s: None,
            ..huge
        };
        assert_eq!(agents_needed(&erlang_c, &none), limits::MAX_AGENTS);
        assert!(
            started.elapsed().as_secs_f64() < 10.0,
            "took {:?}",
            started.elapsed()
        );
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
}

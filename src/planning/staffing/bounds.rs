//! The bounds a plan must keep (`--min-agents`, `--max-agents`, `--max-step`) and the
//! search's moves within them. A move changes one interval by one productive agent and
//! every other interval only as far as `max_step` then requires, so under a tight step
//! a single-interval change becomes a change of a whole run of intervals (under
//! `--max-step 0`, of the whole plan) instead of being refused.

use super::{gross_up, productive, Options};
use crate::limits;

/// The per-interval bounds on paid agents.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bounds {
    /// Fewest paid agents in any interval.
    pub min: u32,
    /// Most paid agents in any interval (never above [`limits::MAX_AGENTS`]).
    pub max: u32,
    /// Largest change between consecutive intervals.
    pub step: Option<u32>,
    /// The scenario's shrinkage, to move by productive agents.
    pub shrinkage: f64,
}

impl Bounds {
    /// The bounds of the options, for a scenario with this shrinkage.
    pub fn of(opts: &Options, shrinkage: f64) -> Bounds {
        Bounds {
            min: opts.min_agents.unwrap_or(0),
            max: opts
                .max_agents
                .unwrap_or(limits::MAX_AGENTS)
                .min(limits::MAX_AGENTS),
            step: opts.max_step,
            shrinkage,
        }
    }

    /// The plan with the most agents the bounds allow: `max` in every interval.
    pub fn ceiling(&self, intervals: usize) -> Vec<u32> {
        vec![self.max; intervals]
    }

    /// `plan` capped at `max`, raised until its steps are within `step` (which never
    /// goes above the cap), then raised to `min` (which keeps the steps within `step`).
    pub fn apply(&self, plan: &[u32]) -> Vec<u32> {
        let mut p: Vec<u32> = plan.iter().map(|&x| x.min(self.max)).collect();
        self.lift(&mut p);
        for x in &mut p {
            *x = (*x).max(self.min);
        }
        p
    }

    /// Raises intervals until no step exceeds `step` (forward and backward passes):
    /// the least plan above `p` that keeps the step.
    fn lift(&self, p: &mut [u32]) {
        if let Some(step) = self.step {
            for i in 1..p.len() {
                p[i] = p[i].max(p[i - 1].saturating_sub(step));
            }
            for i in (0..p.len().saturating_sub(1)).rev() {
                p[i] = p[i].max(p[i + 1].saturating_sub(step));
            }
        }
    }

    /// Lowers intervals until no step exceeds `step`: the greatest plan below `p`
    /// that keeps the step (never below the lowest interval, so never below `min`).
    fn cap(&self, p: &mut [u32]) {
        if let Some(step) = self.step {
            for i in 1..p.len() {
                p[i] = p[i].min(p[i - 1].saturating_add(step));
            }
            for i in (0..p.len().saturating_sub(1)).rev() {
                p[i] = p[i].min(p[i + 1].saturating_add(step));
            }
        }
    }

    /// `plan` with one productive agent more in `i` (the fewest paid agents that give
    /// it; with shrinkage one more paid agent may add no productive one), and
    /// neighbours raised as far as `step` requires, if that stays within `max`.
    pub fn add(&self, plan: &[u32], i: usize) -> Option<Vec<u32>> {
        let mut p = plan.to_vec();
        let more = productive(p[i], self.shrinkage).checked_add(1)?;
        p[i] = gross_up(more, self.shrinkage).max(p[i] + 1);
        self.lift(&mut p);
        p.iter().all(|&x| x <= self.max).then_some(p)
    }

    /// `plan` with one productive agent less in `i` (and every paid agent that only
    /// rounding kept), neighbours lowered as far as `step` requires; `None` when `i`
    /// is already at `min`.
    pub fn remove(&self, plan: &[u32], i: usize) -> Option<Vec<u32>> {
        let now = productive(plan[i], self.shrinkage);
        let fewer = if now == 0 {
            0
        } else {
            gross_up(now - 1, self.shrinkage)
        }
        .max(self.min);
        if fewer >= plan[i] {
            return None;
        }
        let mut p = plan.to_vec();
        p[i] = fewer;
        self.cap(&mut p);
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(min: u32, max: u32, step: Option<u32>, shrinkage: f64) -> Bounds {
        Bounds {
            min,
            max,
            step,
            shrinkage,
        }
    }

    #[test]
    fn apply_lifts_to_the_step_and_clamps_to_the_range() {
        let b = bounds(2, 10, Some(2), 0.0);
        assert_eq!(b.apply(&[0, 0, 9, 0, 0]), vec![5, 7, 9, 7, 5]);
        assert_eq!(b.apply(&[0, 20, 0]), vec![8, 10, 8]);
        assert_eq!(
            bounds(0, 60, Some(0), 0.0).apply(&[19, 52, 19]),
            vec![52; 3]
        );
    }

    #[test]
    fn an_addition_raises_neighbours_only_as_far_as_the_step_requires() {
        let b = bounds(2, 10, Some(2), 0.0);
        assert_eq!(b.add(&[5, 7, 9, 7, 5], 2), Some(vec![6, 8, 10, 8, 6]));
        assert_eq!(b.add(&[5, 7, 10, 7, 5], 2), None);
        assert_eq!(b.add(&[5, 7, 9, 7, 5], 0), Some(vec![6, 7, 9, 7, 5]));
    }

    #[test]
    fn a_removal_lowers_neighbours_only_as_far_as_the_step_requires() {
        let b = bounds(2, 10, Some(2), 0.0);
        assert_eq!(b.remove(&[5, 7, 9, 7, 5], 2), Some(vec![5, 7, 8, 7, 5]));
        // 6 beside 9 breaks a step of 2: the peak comes down to 8 with it.
        assert_eq!(b.remove(&[5, 7, 9, 7, 5], 1), Some(vec![5, 6, 8, 7, 5]));
        assert_eq!(b.remove(&[2, 2], 0), None);
        // A step of 0 moves the whole plan.
        let flat = bounds(0, 100, Some(0), 0.0);
        assert_eq!(flat.remove(&[52; 4], 2), Some(vec![51; 4]));
        assert_eq!(flat.add(&[40; 4], 0), Some(vec![41; 4]));
        // A step of 1 moves the run of intervals that must follow.
        let one = bounds(0, 100, Some(1), 0.0);
        assert_eq!(one.remove(&[5, 6, 7, 6, 5], 0), Some(vec![4, 5, 6, 6, 5]));
        assert_eq!(one.remove(&[4, 4, 4, 3], 0), Some(vec![3, 4, 4, 3]));
    }

    #[test]
    fn moves_go_by_productive_agents_under_shrinkage() {
        // With 30 % shrinkage, 11 and 12 paid both give 8 productive agents (7.7, 8.4).
        let s = bounds(0, 100, None, 0.3);
        assert_eq!(s.add(&[10], 0), Some(vec![11])); // 7 -> 8 productive
        assert_eq!(s.add(&[11], 0), Some(vec![13])); // 8 -> 9 (12 gives 8 too)
        assert_eq!(s.remove(&[12], 0), Some(vec![10])); // 8 -> 7 productive
        assert_eq!(s.remove(&[1], 0), Some(vec![0])); // round(0.7) = 1 -> 0
    }

    #[test]
    fn the_ceiling_is_the_upper_bound_everywhere() {
        let opts = Options {
            max_agents: Some(24),
            ..Default::default()
        };
        assert_eq!(Bounds::of(&opts, 0.0).ceiling(3), vec![24; 3]);
        assert_eq!(
            Bounds::of(&Options::default(), 0.0).ceiling(1),
            vec![limits::MAX_AGENTS]
        );
    }
}

//! What a plan staffs: one group of agents serving one type (a one-type file), or a
//! centre's groups serving its types. A plan is every group's paid agents per interval,
//! one group after the other (the layout of [`super::Evaluation`]); each group keeps the
//! bounds of the options with its own shrinkage, and a move changes one group only.

use super::bounds::Bounds;
use super::Options;
use crate::scenario::Scenario;

/// The groups, the types they serve, and their bounds.
#[derive(Debug, Clone)]
pub(super) struct Shape {
    /// Intervals in a day.
    pub intervals: usize,
    /// Each group's bounds (the options' values, the group's shrinkage).
    pub bounds: Vec<Bounds>,
    /// Per type: the groups that may answer it, in its routing order.
    pub serving: Vec<Vec<usize>>,
    /// Per group: the types it serves.
    pub served: Vec<Vec<usize>>,
    /// Per group: what one paid agent in one interval costs, to compare additions in
    /// different groups (its hourly rate; 1 for every group when no group has a rate,
    /// so that head count decides then).
    pub weight: Vec<f64>,
}

impl Shape {
    /// The shape of a scenario under the options' bounds.
    pub fn of(s: &Scenario, opts: &Options) -> Shape {
        let intervals = s.intervals();
        // A one-type file's plans are compared by head count, as they always were.
        let priced = s.is_centre() && s.groups.iter().any(|g| g.agent_hour > 0.0);
        Shape {
            intervals,
            bounds: s
                .groups
                .iter()
                .map(|g| Bounds::of(opts, g.staffing.shrinkage))
                .collect(),
            serving: s
                .types
                .iter()
                .map(|t| t.routing.iter().map(|r| r.group).collect())
                .collect(),
            served: s.groups.iter().map(|g| g.serves.clone()).collect(),
            weight: s
                .groups
                .iter()
                .map(|g| if priced { g.agent_hour } else { 1.0 })
                .collect(),
        }
    }

    /// Number of groups.
    pub fn groups(&self) -> usize {
        self.bounds.len()
    }

    /// Group `g`'s part of a plan.
    fn part(&self, g: usize) -> std::ops::Range<usize> {
        g * self.intervals..(g + 1) * self.intervals
    }

    /// `plan` with group `g`'s part replaced by what `f` makes of it, if anything.
    fn with_part(
        &self,
        plan: &[u32],
        g: usize,
        f: impl FnOnce(&Bounds, &[u32]) -> Option<Vec<u32>>,
    ) -> Option<Vec<u32>> {
        let part = f(&self.bounds[g], &plan[self.part(g)])?;
        let mut p = plan.to_vec();
        p[self.part(g)].copy_from_slice(&part);
        Some(p)
    }

    /// One productive agent more in group `g`, interval `i` (see [`Bounds::add`]).
    pub fn add(&self, plan: &[u32], g: usize, i: usize) -> Option<Vec<u32>> {
        self.with_part(plan, g, |b, p| b.add(p, i))
    }

    /// One productive agent less in group `g`, interval `i` (see [`Bounds::remove`]).
    pub fn remove(&self, plan: &[u32], g: usize, i: usize) -> Option<Vec<u32>> {
        self.with_part(plan, g, |b, p| b.remove(p, i))
    }

    /// Every group's part brought within its bounds (see [`Bounds::apply`]).
    pub fn apply(&self, plan: &[u32]) -> Vec<u32> {
        (0..self.groups())
            .flat_map(|g| self.bounds[g].apply(&plan[self.part(g)]))
            .collect()
    }

    /// The plan with the most agents the bounds allow: every group at its most.
    pub fn ceiling(&self) -> Vec<u32> {
        (0..self.groups())
            .flat_map(|g| self.bounds[g].ceiling(self.intervals))
            .collect()
    }

    /// The weighted paid agents of a plan, to price a move (see `weight`).
    pub fn price(&self, plan: &[u32]) -> f64 {
        (0..self.groups())
            .map(|g| {
                self.weight[g]
                    * plan[self.part(g)]
                        .iter()
                        .map(|&x| f64::from(x))
                        .sum::<f64>()
            })
            .sum()
    }

    /// The slack of group `g` in interval `i`: the largest normalised shortfall among
    /// the types it serves there (its tightest type: −∞ when none is judged).
    pub fn slack_key(&self, shortfall: impl Fn(usize) -> f64, g: usize, i: usize) -> f64 {
        self.served[g]
            .iter()
            .map(|&t| shortfall(t * self.intervals + i))
            .fold(f64::NEG_INFINITY, f64::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_groups() -> Shape {
        let opts = Options {
            max_step: Some(1),
            max_agents: Some(9),
            ..Default::default()
        };
        Shape {
            intervals: 3,
            bounds: vec![Bounds::of(&opts, 0.0), Bounds::of(&opts, 0.3)],
            serving: vec![vec![0, 1], vec![1]],
            served: vec![vec![0], vec![1, 0]],
            weight: vec![24.0, 27.0],
        }
    }

    #[test]
    fn a_move_changes_one_group_only() {
        let s = two_groups();
        let plan = [5, 6, 5, 1, 1, 1];
        assert_eq!(s.add(&plan, 0, 1), Some(vec![6, 7, 6, 1, 1, 1]));
        // 30 % shrinkage: 1 paid is 1 productive (0.7 rounds up), 2 more are needed for 2.
        assert_eq!(s.add(&plan, 1, 0), Some(vec![5, 6, 5, 3, 2, 1]));
        assert_eq!(s.remove(&plan, 1, 2), Some(vec![5, 6, 5, 1, 1, 0]));
        assert_eq!(s.add(&[9, 9, 9, 0, 0, 0], 0, 1), None, "above --max-agents");
        assert_eq!(s.ceiling(), vec![9; 6]);
        assert_eq!(s.apply(&[0, 9, 0, 0, 0, 0]), vec![8, 9, 8, 0, 0, 0]);
        assert_eq!(s.price(&plan), 24.0 * 16.0 + 27.0 * 3.0);
    }

    #[test]
    fn a_group_is_as_slack_as_its_tightest_type() {
        let s = two_groups();
        // Type 0's shortfalls in intervals 0..3, then type 1's.
        let f = [-0.5, 0.1, f64::NEG_INFINITY, -0.2, -0.9, -0.3];
        let key = |k: usize| f[k];
        assert_eq!(s.slack_key(key, 0, 0), -0.5);
        assert_eq!(s.slack_key(key, 1, 0), -0.2);
        assert_eq!(s.slack_key(key, 1, 1), 0.1);
        assert_eq!(s.slack_key(key, 1, 2), -0.3);
    }
}

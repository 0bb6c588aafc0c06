//! The search's moves (steps 4–6 of the module documentation): a budget of
//! simulations, a cache of evaluated plans, adding agents where a type misses and
//! removing them where every type keeps its targets, group by group.

use std::collections::{HashMap, HashSet};

use super::evaluate::{evaluate_on, Evaluation};
use super::shape::Shape;
use super::{Criterion, Options, Progress, DEFAULT_MAX_SIMULATIONS};
use crate::scenario::Scenario;

/// The search state: a budget of simulations and a cache of evaluated plans.
pub(super) struct Searcher<'a> {
    scenario: &'a Scenario,
    /// The groups, the types they serve and their bounds.
    pub shape: Shape,
    /// Replications per simulation now (the search's, then the file's).
    pub replications: u32,
    /// Simulations run so far.
    pub simulations: usize,
    /// Most simulations the moves may run.
    pub budget: usize,
    /// The moves stopped because the budget was spent.
    pub limit_hit: bool,
    cache: HashMap<(Vec<u32>, u32), Evaluation>,
    progress: &'a dyn Fn(&Progress),
    /// What meeting a target means.
    criterion: Criterion,
}

impl<'a> Searcher<'a> {
    /// A search of `s` within `shape`, at `replications` per simulation to begin with.
    pub fn new(
        s: &'a Scenario,
        shape: Shape,
        replications: u32,
        opts: &Options,
        progress: &'a dyn Fn(&Progress),
    ) -> Self {
        Searcher {
            scenario: s,
            shape,
            replications,
            simulations: 0,
            budget: opts.max_simulations.unwrap_or(DEFAULT_MAX_SIMULATIONS),
            limit_hit: false,
            cache: HashMap::new(),
            progress,
            criterion: opts.criterion,
        }
    }

    /// The evaluation of `paid` at the current replications; `None` once out of budget.
    fn eval(&mut self, paid: &[u32], phase: &'static str) -> Option<Evaluation> {
        if self.simulations >= self.budget && !self.cached(paid) {
            self.limit_hit = true;
            return None;
        }
        Some(self.eval_always(paid, phase))
    }

    fn cached(&self, paid: &[u32]) -> bool {
        self.cache.contains_key(&(paid.to_vec(), self.replications))
    }

    /// The evaluation of `paid` at the current replications, past the budget if need
    /// be (the final runs); every simulation is counted.
    pub fn eval_always(&mut self, paid: &[u32], phase: &'static str) -> Evaluation {
        let key = (paid.to_vec(), self.replications);
        if let Some(e) = self.cache.get(&key) {
            return e.clone();
        }
        let e = evaluate_on(self.scenario, paid, self.replications, self.criterion);
        self.simulations += 1;
        (self.progress)(&Progress {
            simulations: self.simulations,
            max_simulations: self.budget,
            phase,
            paid_total: e.paid_total(),
            missed: e.missed().len(),
        });
        self.cache.insert(key, e.clone());
        e
    }

    /// Intervals that miss even with the most agents the bounds allow, at the current
    /// replications (none known when the budget is spent).
    fn out_of_reach(&mut self) -> HashSet<usize> {
        let ceiling = self.shape.ceiling();
        self.eval(&ceiling, "most agents")
            .map(|e| e.missed().into_iter().collect())
            .unwrap_or_default()
    }

    /// Step 5: adds agents until every interval within reach meets; returns the last
    /// plan kept.
    pub fn add_until_met(&mut self, mut current: Evaluation) -> Evaluation {
        if current.met() {
            return current;
        }
        let hopeless = self.out_of_reach();
        let n = self.shape.intervals;
        loop {
            let mut missing: Vec<usize> = current
                .missed()
                .into_iter()
                .filter(|k| !hopeless.contains(k))
                .collect();
            if missing.is_empty() {
                return current;
            }
            missing.sort_by(|&a, &b| {
                let (sa, sb) = (
                    current.intervals[a].shortfall(),
                    current.intervals[b].shortfall(),
                );
                sb.total_cmp(&sa).then(a.cmp(&b))
            });
            let mut best: Option<Evaluation> = None;
            for &k in &missing {
                let (t, i) = (k / n, k % n);
                for g in self.shape.serving[t].clone() {
                    let Some(found) = self.add_in_group(&current, g, i) else {
                        return current;
                    };
                    if let Some(e) = found {
                        if best
                            .as_ref()
                            .is_none_or(|b| self.better_addition(&e, b, &current))
                        {
                            best = Some(e);
                        }
                    }
                }
                if best.is_some() {
                    break;
                }
            }
            match best {
                Some(e) => current = e,
                None => return current, // no miss can be helped within the bounds
            }
        }
    }

    /// The better of one productive agent more in group `g` at interval `i` and at the
    /// interval before it, by the day's total shortfall (ties keep `i`), if it lowers
    /// that total; `None` once out of budget.
    fn add_in_group(
        &mut self,
        current: &Evaluation,
        g: usize,
        i: usize,
    ) -> Option<Option<Evaluation>> {
        let mut candidates = vec![self.shape.add(&current.paid, g, i)];
        if i > 0 {
            candidates.push(self.shape.add(&current.paid, g, i - 1));
        }
        let mut best: Option<Evaluation> = None;
        for plan in candidates.into_iter().flatten() {
            let e = self.eval(&plan, "adding")?;
            // Strictly better than the plan and than the other candidate: ties keep
            // the missing interval's own candidate.
            let bar = best.as_ref().unwrap_or(current).total_shortfall();
            if e.total_shortfall() < bar {
                best = Some(e);
            }
        }
        Some(best)
    }

    /// Whether addition `a` lowers the total shortfall by more per unit of cost than
    /// addition `b`, both from `current` (strictly: ties keep `b`, the earlier group in
    /// the type's routing).
    fn better_addition(&self, a: &Evaluation, b: &Evaluation, current: &Evaluation) -> bool {
        let gain = |e: &Evaluation| current.total_shortfall() - e.total_shortfall();
        let cost = |e: &Evaluation| self.shape.price(&e.paid) - self.shape.price(&current.paid);
        let (left, right) = (gain(a) * cost(b), gain(b) * cost(a));
        left > right || (left == right && gain(a) > gain(b))
    }

    /// Step 6: removes agents while no interval gets worse than it was: one that met
    /// still meets, one that missed misses by no more.
    pub fn remove_while_met(&mut self, current: Evaluation) -> Evaluation {
        self.remove_among(current, None)
    }

    /// Step 6 tried only in `units` (group g's interval i is unit g × intervals + i, as
    /// in the plan), every unit when `None`.
    pub fn remove_among(&mut self, mut current: Evaluation, units: Option<&[usize]>) -> Evaluation {
        let n = self.shape.intervals;
        // A unit not to be tried counts as one whose removal failed.
        let mut failed: HashSet<usize> = match units {
            None => HashSet::new(),
            Some(u) => (0..current.paid.len()).filter(|x| !u.contains(x)).collect(),
        };
        loop {
            let slack: Vec<f64> = (0..current.paid.len())
                .map(|u| {
                    self.shape
                        .slack_key(|k| current.intervals[k].shortfall(), u / n, u % n)
                })
                .collect();
            let mut order: Vec<usize> = (0..current.paid.len())
                .filter(|u| !failed.contains(u))
                .collect();
            order.sort_by(|&a, &b| {
                // Most slack (lowest shortfall) first; then the dearer group.
                slack[a]
                    .total_cmp(&slack[b])
                    .then(self.shape.weight[b / n].total_cmp(&self.shape.weight[a / n]))
                    .then((a % n).cmp(&(b % n)))
                    .then(a.cmp(&b))
            });
            let mut accepted = None;
            for u in order {
                let Some(plan) = self.shape.remove(&current.paid, u / n, u % n) else {
                    failed.insert(u);
                    continue;
                };
                let Some(e) = self.eval(&plan, "removing") else {
                    return current;
                };
                if no_worse(&e, &current) {
                    accepted = Some(e);
                    break;
                }
                failed.insert(u);
            }
            match accepted {
                Some(e) => current = e,
                None => return current,
            }
        }
    }
}

/// Whether `new` is no worse than `old` in any interval: met stays met, a miss does
/// not deepen. When `old` meets everywhere, that is "`new` meets everywhere".
fn no_worse(new: &Evaluation, old: &Evaluation) -> bool {
    new.intervals.iter().zip(&old.intervals).all(|(n, o)| {
        if o.met() {
            n.met()
        } else {
            n.shortfall() <= o.shortfall()
        }
    })
}

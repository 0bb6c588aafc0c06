//! The search's moves (steps 4–6 of the module documentation): a budget of
//! simulations, a cache of evaluated plans, adding agents where a type misses and
//! removing them where every type keeps its targets, group by group.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use super::evaluate::{evaluate_seeded, Evaluation};
use super::shape::Shape;
use super::staged::{evaluate_stages, removal_stages, EARLY_REPLICATIONS};
use super::{Criterion, Options, Progress, DEFAULT_MAX_SIMULATIONS};
use crate::scenario::Scenario;

/// The search state: a budget of simulations and a cache of evaluated plans.
pub(super) struct Searcher<'a> {
    scenario: &'a Scenario,
    /// The groups, the types they serve and their bounds.
    pub shape: Shape,
    /// Replications per simulation now (the search's, then the file's).
    pub replications: u32,
    /// Replications per candidate the search started with.
    pub search_replications: u32,
    /// Most replications the search may raise `replications` to when it is stuck.
    pub max_replications: u32,
    /// The seed the replications are drawn from (the file's, or a fresh stream's).
    pub seed: u64,
    /// Misses (type × intervals + interval) for which the bounds refused every addition.
    pub blocked: HashSet<usize>,
    /// Misses no addition helped, with the replications the search last tried them on.
    pub gave_up: HashMap<usize, u32>,
    /// The search raised its replications because one agent's effect was lost in noise.
    pub raised: bool,
    /// Simulations run so far.
    pub simulations: usize,
    /// Most simulations the moves may run.
    pub budget: usize,
    /// The moves stopped because the budget was spent.
    pub limit_hit: bool,
    cache: HashMap<(Vec<u32>, u32, u64), Evaluation>,
    /// Removals stopped early as clearly worse than the plan they came from.
    rejected: HashSet<(Vec<u32>, u32, u64)>,
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
            search_replications: replications,
            max_replications: s.simulation.replications.max(replications),
            seed: s.simulation.seed,
            blocked: HashSet::new(),
            gave_up: HashMap::new(),
            raised: false,
            simulations: 0,
            budget: opts.max_simulations.unwrap_or(DEFAULT_MAX_SIMULATIONS),
            limit_hit: false,
            cache: HashMap::new(),
            rejected: HashSet::new(),
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
        self.cache
            .contains_key(&(paid.to_vec(), self.replications, self.seed))
    }

    /// The evaluation of `paid` at the current replications, past the budget if need
    /// be (the final runs); every simulation is counted.
    pub fn eval_always(&mut self, paid: &[u32], phase: &'static str) -> Evaluation {
        let key = (paid.to_vec(), self.replications, self.seed);
        if let Some(e) = self.cache.get(&key) {
            return e.clone();
        }
        let e = evaluate_seeded(
            self.scenario,
            paid,
            self.replications,
            self.seed,
            self.criterion,
        );
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

    /// A removal from `current`: its evaluation, `Some(None)` when its first quarter of
    /// replications (or its first half, see [`removal_stages`]) already shows it clearly worse (a target `current` meets is missed
    /// beyond the noise: the 95 % interval lies wholly on the wrong side of the limit),
    /// `None` once out of budget. Most removals tried are refused, and most refusals are
    /// plain after a quarter of the replications, so this spares most of the search's
    /// simulating; a plan kept has been judged on all of them, the same ones as before.
    fn eval_removal(&mut self, paid: &[u32], current: &Evaluation) -> Option<Option<Evaluation>> {
        let key = (paid.to_vec(), self.replications, self.seed);
        if self.rejected.contains(&key) {
            return Some(None);
        }
        if self.cached(paid) || self.replications < 2 * EARLY_REPLICATIONS {
            return self.eval(paid, "removing").map(Some);
        }
        if self.simulations >= self.budget {
            self.limit_hit = true;
            return None;
        }
        let reject = |partial: &Evaluation| {
            partial
                .intervals
                .iter()
                .zip(&current.intervals)
                .any(|(p, c)| c.met() && p.checks.iter().any(|x| !x.within_noise()))
        };
        let stages = removal_stages(self.replications);
        let staged = evaluate_stages(
            self.scenario,
            paid,
            &stages,
            self.seed,
            self.criterion,
            &reject,
        );

        self.simulations += 1;
        let (e, kept) = match staged {
            Ok(e) => (e, true),
            Err(partial) => (partial, false),
        };
        (self.progress)(&Progress {
            simulations: self.simulations,
            max_simulations: self.budget,
            phase: "removing",
            paid_total: e.paid_total(),
            missed: e.missed().len(),
        });
        if kept {
            self.cache.insert(key, e.clone());
            Some(Some(e))
        } else {
            self.rejected.insert(key);
            Some(None)
        }
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
    /// plan kept. When no addition helps, the figures may be too noisy to show what one
    /// agent does: the replications are doubled (up to `max_replications`) and the
    /// additions tried again; a miss still not helped is recorded in `gave_up`, or in
    /// `blocked` when the bounds refused every addition it needed.
    pub fn add_until_met(&mut self, mut current: Evaluation) -> Evaluation {
        if current.met() {
            return current;
        }
        let mut hopeless = self.out_of_reach();
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
            let mut blocked = Vec::new();
            for &k in &missing {
                let (t, i) = (k / n, k % n);
                let mut allowed = false;
                for g in self.shape.serving[t].clone() {
                    let Some((found, any)) = self.add_in_group(&current, k, g, i) else {
                        return current;
                    };
                    allowed |= any;
                    if let Some(e) = found {
                        if best
                            .as_ref()
                            .is_none_or(|b| self.better_addition(&e, b, &current, k))
                        {
                            best = Some(e);
                        }
                    }
                }
                if !allowed {
                    blocked.push(k);
                }
                if best.is_some() {
                    break;
                }
            }
            if let Some(e) = best {
                current = e;
                continue;
            }
            if self.replications < self.max_replications {
                self.replications = self
                    .replications
                    .saturating_mul(2)
                    .min(self.max_replications);
                self.raised = true;
                let Some(e) = self.eval(&current.paid, "more replications") else {
                    return current;
                };
                current = e;
                hopeless = self.out_of_reach();
                continue;
            }
            for k in missing {
                if blocked.contains(&k) {
                    self.blocked.insert(k);
                } else {
                    self.gave_up.insert(k, self.replications);
                }
            }
            return current;
        }
    }

    /// The better of one productive agent more in group `g` at interval `i` and at the
    /// interval before it, for the miss `k` (type × intervals + `i`), if it mends `k` or
    /// improves on `current` (fewer misses, or as many and a smaller total shortfall;
    /// ties keep `i`), and whether the bounds allowed either; `None` once out of budget.
    fn add_in_group(
        &mut self,
        current: &Evaluation,
        k: usize,
        g: usize,
        i: usize,
    ) -> Option<(Option<Evaluation>, bool)> {
        let mut candidates = vec![self.shape.add(&current.paid, g, i)];
        if i > 0 {
            candidates.push(self.shape.add(&current.paid, g, i - 1));
        }
        let allowed = candidates.iter().any(Option::is_some);
        let mut best: Option<Evaluation> = None;
        for plan in candidates.into_iter().flatten() {
            let e = self.eval(&plan, "adding")?;
            // An addition that mends its interval is kept even when the day's total
            // shortfall does not fall: the agents it answers with may still be busy
            // when the next interval starts (a miss there is mended next), or noise
            // elsewhere may outweigh a small miss. Ties keep the missing interval's own
            // candidate.
            let kept = match &best {
                None => e.intervals[k].met() || improves(&e, current),
                Some(b) => preferred(&e, b, k) == Ordering::Less,
            };
            if kept {
                best = Some(e);
            }
        }
        Some((best, allowed))
    }

    /// Whether addition `a` is better than addition `b` for the miss `k`, both from
    /// `current`: one that mends `k` first, then fewer intervals missing, then a larger
    /// fall of the total shortfall per unit of cost (strictly: ties keep `b`, the
    /// earlier group in the type's routing).
    fn better_addition(
        &self,
        a: &Evaluation,
        b: &Evaluation,
        current: &Evaluation,
        k: usize,
    ) -> bool {
        let mends = |e: &Evaluation| e.intervals[k].met();
        let by_misses = mends(b)
            .cmp(&mends(a))
            .then(a.missed().len().cmp(&b.missed().len()));
        if by_misses != Ordering::Equal {
            return by_misses == Ordering::Less;
        }
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
                let Some(e) = self.eval_removal(&plan, &current) else {
                    return current;
                };
                if let Some(e) = e.filter(|e| no_worse(e, &current)) {
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

/// Whether `new` improves on `old`: fewer intervals missing, or as many and a smaller
/// total shortfall.
fn improves(new: &Evaluation, old: &Evaluation) -> bool {
    new.missed()
        .len()
        .cmp(&old.missed().len())
        .then(new.total_shortfall().total_cmp(&old.total_shortfall()))
        == Ordering::Less
}

/// The order of two additions for the miss `k`: one that mends `k` first, then fewer
/// intervals missing, then a smaller total shortfall (`Less`: `a` is preferred).
fn preferred(a: &Evaluation, b: &Evaluation, k: usize) -> Ordering {
    b.intervals[k]
        .met()
        .cmp(&a.intervals[k].met())
        .then(a.missed().len().cmp(&b.missed().len()))
        .then(a.total_shortfall().total_cmp(&b.total_shortfall()))
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

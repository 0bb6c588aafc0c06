//! The search itself (steps 4–8 of the module documentation): a budget of simulations,
//! a cache of evaluated plans, adding and removing agents within the bounds, and the
//! reasons behind every target the plan returned still misses.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use super::bounds::Bounds;
use super::erlang_plan::{erlang_plan, erlang_targets};
use super::evaluate::{evaluate, Evaluation};
use super::{
    labels, Miss, Options, Outcome, Progress, Why, DEFAULT_MAX_SIMULATIONS,
    DEFAULT_SEARCH_REPLICATIONS,
};
use crate::limits;
use crate::scenario::Scenario;

/// The search state: a budget of simulations and a cache of evaluated plans.
struct Searcher<'a> {
    scenario: &'a Scenario,
    bounds: Bounds,
    replications: u32,
    simulations: usize,
    budget: usize,
    limit_hit: bool,
    cache: HashMap<(Vec<u32>, u32), Evaluation>,
    progress: &'a dyn Fn(&Progress),
}

impl Searcher<'_> {
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
    fn eval_always(&mut self, paid: &[u32], phase: &'static str) -> Evaluation {
        let key = (paid.to_vec(), self.replications);
        if let Some(e) = self.cache.get(&key) {
            return e.clone();
        }
        let e = evaluate(self.scenario, paid, self.replications);
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
        let ceiling = self.bounds.ceiling(self.scenario.intervals());
        self.eval(&ceiling, "most agents")
            .map(|e| e.missed().into_iter().collect())
            .unwrap_or_default()
    }

    /// Step 5: adds agents until every interval within reach meets; returns the last
    /// plan kept.
    fn add_until_met(&mut self, mut current: Evaluation) -> Evaluation {
        if current.met() {
            return current;
        }
        let hopeless = self.out_of_reach();
        loop {
            let mut missing: Vec<usize> = current
                .missed()
                .into_iter()
                .filter(|i| !hopeless.contains(i))
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
            for &i in &missing {
                let mut candidates = vec![self.bounds.add(&current.paid, i)];
                if i > 0 {
                    candidates.push(self.bounds.add(&current.paid, i - 1));
                }
                for plan in candidates.into_iter().flatten() {
                    let Some(e) = self.eval(&plan, "adding") else {
                        return current;
                    };
                    // Strictly better than the plan and than the other candidate: ties
                    // keep the missing interval's own candidate.
                    let bar = best.as_ref().unwrap_or(&current).total_shortfall();
                    if e.total_shortfall() < bar {
                        best = Some(e);
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

    /// Step 6: removes agents while no interval gets worse than it was: one that met
    /// still meets, one that missed misses by no more.
    fn remove_while_met(&mut self, mut current: Evaluation) -> Evaluation {
        let mut failed: HashSet<usize> = HashSet::new();
        loop {
            let mut order: Vec<usize> = (0..current.paid.len())
                .filter(|i| !failed.contains(i))
                .collect();
            order.sort_by(|&a, &b| {
                let (sa, sb) = (
                    current.intervals[a].shortfall(),
                    current.intervals[b].shortfall(),
                );
                sa.total_cmp(&sb).then(a.cmp(&b)) // most slack (lowest shortfall) first
            });
            let mut accepted = None;
            for i in order {
                let Some(plan) = self.bounds.remove(&current.paid, i) else {
                    failed.insert(i);
                    continue;
                };
                let Some(e) = self.eval(&plan, "removing") else {
                    return current;
                };
                if no_worse(&e, &current) {
                    accepted = Some(e);
                    break;
                }
                failed.insert(i);
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

/// Finds the cheapest plan meeting the targets (see the module documentation).
///
/// Errors when the scenario has no targets or the options contradict each other.
pub fn search(
    s: &Scenario,
    opts: &Options,
    progress: &dyn Fn(&Progress),
) -> Result<Outcome, String> {
    if erlang_targets(s).is_none() {
        return Err(format!(
            "{}: the scenario has no [targets]: there is nothing to staff for",
            s.file.display()
        ));
    }
    for (option, value) in [
        ("--min-agents", opts.min_agents),
        ("--max-agents", opts.max_agents),
    ] {
        if let Some(n) = value.filter(|&n| n > limits::MAX_AGENTS) {
            return Err(format!(
                "{option} {n} is above the most agents ccsim takes ({})",
                limits::MAX_AGENTS
            ));
        }
    }
    if let (Some(lo), Some(hi)) = (opts.min_agents, opts.max_agents) {
        if lo > hi {
            return Err(format!("--min-agents {lo} is above --max-agents {hi}"));
        }
    }
    let full = s.simulation.replications;
    let search_replications = opts
        .search_replications
        .unwrap_or(full.min(DEFAULT_SEARCH_REPLICATIONS))
        .max(2);
    let erlang = erlang_plan(s, opts);
    let mut notes = model_notes(s);
    if !erlang.unreachable.is_empty() {
        notes.push(format!(
            "the closed forms cannot meet the targets in interval(s) {}",
            labels(s, &erlang.unreachable)
        ));
    }
    if erlang.paid != erlang.paid_unbounded {
        notes.push(
            "the Erlang plan was changed to respect --min-agents / --max-agents / --max-step"
                .into(),
        );
    }

    let bounds = Bounds::of(opts, s.staffing.shrinkage);
    let mut searcher = Searcher {
        scenario: s,
        bounds,
        replications: search_replications,
        simulations: 0,
        budget: opts.max_simulations.unwrap_or(DEFAULT_MAX_SIMULATIONS),
        limit_hit: false,
        cache: HashMap::new(),
        progress,
    };
    let start = searcher.eval_always(&erlang.paid, "Erlang plan");
    let mut current = searcher.add_until_met(start);
    current = searcher.remove_while_met(current);
    // Step 7: confirm with the file's replications, adding if anything misses.
    searcher.replications = full;
    let mut plan = searcher.eval_always(&current.paid, "confirming");
    let confirmation_missed = !plan.met() && current.met();
    if confirmation_missed {
        notes.push(format!(
            "the plan found with {search_replications} replications missed with {full}: the search went on with {full}"
        ));
    }
    let erlang_eval = searcher.eval_always(&erlang.paid, "Erlang plan");
    if !plan.met() {
        // Go on from the better of the plan and the start, both now judged alike.
        if plan.rank(&erlang_eval) == Ordering::Greater {
            plan = erlang_eval.clone();
        }
        plan = searcher.add_until_met(plan);
        plan = searcher.remove_while_met(plan);
    }
    // Step 8: never worse than the start.
    let kept_start = plan.rank(&erlang_eval) == Ordering::Greater;
    if kept_start {
        plan = erlang_eval.clone();
        notes.push(
            "the search found no plan better than its start: the plan is the Erlang (SIPP) plan"
                .into(),
        );
    }
    let misses = if plan.met() {
        Vec::new()
    } else {
        let ceiling = searcher.eval_always(&bounds.ceiling(s.intervals()), "most agents");
        explain(&plan, &ceiling, searcher.limit_hit, searcher.budget)
    };
    if searcher.limit_hit && plan.met() {
        notes.push(format!(
            "the search stopped after {} simulations (--max-simulations): the plan may not be the cheapest",
            searcher.budget
        ));
    }
    Ok(Outcome {
        erlang,
        erlang_eval,
        plan,
        simulations: searcher.simulations,
        search_replications,
        limit_hit: searcher.limit_hit,
        confirmation_missed,
        kept_start,
        misses,
        notes,
    })
}

/// What the planner should know about the model behind the Erlang start.
fn model_notes(s: &Scenario) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(p) = &s.patience {
        if !p.is_exponential() {
            notes.push(format!(
                "patience is not exponential: Erlang A uses its mean ({:.0} s)",
                p.mean()
            ));
        }
    }
    if !s.handling.time.is_exponential() || s.handling.wrap_up.is_some() {
        notes.push(format!(
            "handle time is not exponential: Erlang uses its mean ({:.0} s, wrap-up included)",
            s.handling.mean_s()
        ));
    }
    notes
}

/// Every target `plan` misses, with why: missed even by `ceiling` (the most agents
/// the bounds allow, same replications), else the budget, else not found.
fn explain(plan: &Evaluation, ceiling: &Evaluation, limit_hit: bool, budget: usize) -> Vec<Miss> {
    let agents = ceiling.paid.first().copied().unwrap_or(0);
    let mut misses = Vec::new();
    for i in plan.missed() {
        for check in plan.intervals[i].checks.iter().filter(|c| !c.met) {
            let at_ceiling = ceiling.intervals[i].check(check.target).filter(|c| !c.met);
            let why = match at_ceiling {
                Some(c) => Why::OutOfReach {
                    agents,
                    estimate: c.estimate,
                },
                None if limit_hit => Why::Budget {
                    simulations: budget,
                },
                None => Why::NotFound,
            };
            misses.push(Miss {
                interval: i,
                check: *check,
                why,
            });
        }
    }
    misses
}

//! The search itself (steps 4–8 of the module documentation): the start, the
//! confirmation with the file's replications, never worse than the start, and the
//! reasons behind every target the plan returned still misses. The moves are in `moves`.

use std::cmp::Ordering;

use super::erlang_plan::erlang_plan;
use super::evaluate::Evaluation;
use super::moves::Searcher;
use super::shape::Shape;
use super::{
    check_labels, fresh_seed, nothing_to_staff, Miss, Options, Outcome, Progress, Why,
    DEFAULT_SEARCH_REPLICATIONS, MAX_REPAIRS, MOST_SEARCH_REPLICATIONS,
};
use crate::limits;
use crate::scenario::{ContactType, Scenario};

/// Finds the cheapest plan meeting the targets (see the module documentation).
///
/// Errors when the scenario has no targets or the options contradict each other.
pub fn search(
    s: &Scenario,
    opts: &Options,
    progress: &dyn Fn(&Progress),
) -> Result<Outcome, String> {
    if let Some(why) = nothing_to_staff(s, &s.file) {
        return Err(why);
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
        .unwrap_or_else(|| default_search_replications(full))
        .max(2);
    let erlang = erlang_plan(s, opts);
    let mut notes = model_notes(s);
    if !erlang.unreachable.is_empty() {
        notes.push(format!(
            "the closed forms cannot meet the targets in interval(s) {}",
            check_labels(s, &erlang.unreachable)
        ));
    }
    if erlang.paid != erlang.paid_unbounded {
        notes.push(
            "the Erlang plan was changed to respect --min-agents / --max-agents / --max-step"
                .into(),
        );
    }

    let shape = Shape::of(s, opts);
    // A centre may also start from its own plan (within the bounds), if that ranks better.
    let file_plan = s.is_centre().then(|| {
        let paid: Vec<u32> = s
            .groups
            .iter()
            .flat_map(|g| g.staffing.paid.iter().copied())
            .collect();
        shape.apply(&paid)
    });
    let mut searcher = Searcher::new(s, shape, search_replications, opts, progress);
    let mut start = searcher.eval_always(&erlang.paid, "Erlang plan");
    let mut started_from_file = false;
    if let Some(paid) = &file_plan {
        let own = searcher.eval_always(paid, "the file's plan");
        if own.rank(&start) == Ordering::Less {
            start = own;
            started_from_file = true;
        }
    }
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
    let file_eval = file_plan.map(|p| searcher.eval_always(&p, "the file's plan"));
    // The better start, judged with the file's replications.
    let (best_start, start_name) = match &file_eval {
        Some(f) if f.rank(&erlang_eval) == Ordering::Less => (f, "the file's own plan"),
        _ => (&erlang_eval, "the Erlang (SIPP) plan"),
    };
    if !plan.met() && s.is_centre() {
        // A centre goes on from the plan found: add until it meets with the file's
        // replications, then try removals only where those additions went (everywhere
        // else one already failed with the search's replications). Sweeping every group
        // and interval again with the file's replications would cost minutes.
        let before = plan.paid.clone();
        plan = searcher.add_until_met(plan);
        let raised: Vec<usize> = (0..before.len())
            .filter(|&u| plan.paid[u] > before[u])
            .collect();
        plan = searcher.remove_among(plan, Some(&raised));
    } else if !plan.met() {
        // Go on from the better of the plan and the start, both now judged alike.
        if plan.rank(best_start) == Ordering::Greater {
            plan = best_start.clone();
        }
        plan = searcher.add_until_met(plan);
        plan = searcher.remove_while_met(plan);
    }
    // Step 8: never worse than the start.
    let kept_start = plan.rank(best_start) == Ordering::Greater;
    if kept_start {
        plan = best_start.clone();
        notes.push(format!(
            "the search found no plan better than its start: the plan is {start_name}"
        ));
    }
    // Step 9: the plan was tuned on the file's replications, and a plan chosen because
    // its figures look good there is likely to look worse on other days: confirm it on
    // fresh ones, repairing it until it holds there.
    let (confirmation, repairs) = if plan.met() {
        let (fresh, repairs, again) = confirm(&mut searcher, plan.clone());
        plan = again;
        (Some(fresh), repairs)
    } else {
        (None, 0)
    };
    if searcher.raised {
        notes.push(
            "the search raised its replications where one agent's effect was lost in the noise"
                .into(),
        );
    }
    let misses = match &confirmation {
        Some(fresh) if !fresh.within_noise() => {
            let ceiling = searcher.shape.ceiling();
            searcher.seed = fresh.seed;
            let ceiling = searcher.eval_always(&ceiling, "most agents");
            searcher.seed = s.simulation.seed;
            explain(fresh, &ceiling, &searcher)
                .into_iter()
                .filter(|m| !m.check.within_noise())
                .map(|mut m| {
                    if matches!(m.why, Why::GaveUp { .. } | Why::Bound) {
                        m.why = Why::NotConfirmed {
                            replications: fresh.replications,
                            seed: fresh.seed,
                            repairs,
                        };
                    }
                    m
                })
                .collect()
        }
        _ if plan.met() => Vec::new(),
        _ => {
            let ceiling = searcher.shape.ceiling();
            let ceiling = searcher.eval_always(&ceiling, "most agents");
            explain(&plan, &ceiling, &searcher)
        }
    };
    Ok(Outcome {
        erlang,
        erlang_eval,
        file_eval,
        started_from_file,
        plan,
        simulations: searcher.simulations,
        search_replications,
        limit_hit: searcher.limit_hit,
        confirmation_missed,
        kept_start,
        misses,
        notes,
        criterion: opts.criterion,
        confirmation,
        repairs,
    })
}

/// The plan (met on the file's replications) simulated on a fresh stream of
/// [`fresh_replications`]; while some target is shown to miss there (its 95 % interval
/// beyond the limit), agents are added where that stream misses (never removed: that
/// would tune the plan to those days in turn), then on the file's days where those
/// additions leave calls in progress into the next interval, and the repaired plan is
/// confirmed on the next stream, at most [`MAX_REPAIRS`] times. Returns the last
/// confirmation, the repairs made and the plan judged on the file's replications.
fn confirm(searcher: &mut Searcher<'_>, mut plan: Evaluation) -> (Evaluation, usize, Evaluation) {
    let (file_seed, full) = (searcher.seed, searcher.replications);
    let fresh_reps = fresh_replications(full, searcher.search_replications);
    let mut repairs = 0;
    loop {
        searcher.seed = fresh_seed(file_seed, repairs as u64 + 1);
        searcher.replications = fresh_reps;
        let fresh = searcher.eval_always(&plan.paid, "confirming on fresh days");
        if fresh.within_noise() || repairs == MAX_REPAIRS {
            (searcher.seed, searcher.replications) = (file_seed, full);
            return (fresh, repairs, plan);
        }
        let repaired = searcher.add_until_met(fresh.clone());
        (searcher.seed, searcher.replications) = (file_seed, full);
        if repaired.paid == plan.paid {
            return (fresh, repairs, plan);
        }
        repairs += 1;
        plan = searcher.eval_always(&repaired.paid, "confirming");
        plan = searcher.add_until_met(plan);
    }
}

/// Replications per candidate when not given: a quarter of the file's, within
/// [`DEFAULT_SEARCH_REPLICATIONS`] and [`MOST_SEARCH_REPLICATIONS`], never more than the
/// file's. A file asking for many replications asks for finer decisions: on 40 of a
/// file's 200, one agent fewer in a flat plan that meets on all 200 looked like a miss.
fn default_search_replications(file: u32) -> u32 {
    (file / 4)
        .clamp(DEFAULT_SEARCH_REPLICATIONS, MOST_SEARCH_REPLICATIONS)
        .min(file)
}

/// Fresh replications a plan is confirmed on: the file's, and at least four times the
/// search's, so that a miss the search's few replications hid shows beyond the noise.
/// Never fewer than four times min(file's, 60) either, what confirmed a plan when the
/// search used 60 by default: a cheaper search must not make a weaker confirmation.
pub fn fresh_replications(file: u32, search: u32) -> u32 {
    file.max(search.saturating_mul(4))
        .max(file.min(CONFIRMING_SEARCH).saturating_mul(4))
        .min(crate::limits::MAX_REPLICATIONS)
}

/// Search replications whose four-fold a plan is confirmed on at least (see
/// [`fresh_replications`]).
const CONFIRMING_SEARCH: u32 = 60;

/// What the planner should know about the model behind the Erlang start (for a centre,
/// about each type's, named).
fn model_notes(s: &Scenario) -> Vec<String> {
    s.types
        .iter()
        .flat_map(|t| {
            type_notes(t)
                .into_iter()
                .map(move |n| format!("{}{n}", s.type_prefix(&t.name, ": ")))
        })
        .collect()
}

fn type_notes(s: &ContactType) -> Vec<String> {
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
/// the bounds allow, same replications), else a bound that refused the additions, else
/// the budget, else the search gave up.
fn explain(plan: &Evaluation, ceiling: &Evaluation, searcher: &Searcher<'_>) -> Vec<Miss> {
    let agents = ceiling.paid.first().copied().unwrap_or(0);
    let n = plan.day_intervals;
    let mut misses = Vec::new();
    for k in plan.missed() {
        for check in plan.intervals[k].checks.iter().filter(|c| !c.met) {
            let at_ceiling = ceiling.intervals[k].check(check.target).filter(|c| !c.met);
            let why = match at_ceiling {
                Some(c) => Why::OutOfReach {
                    agents,
                    estimate: c.estimate,
                },
                None if searcher.blocked.contains(&k) => Why::Bound,
                None if searcher.limit_hit => Why::Budget {
                    simulations: searcher.budget,
                },
                None => Why::GaveUp {
                    replications: searcher
                        .gave_up
                        .get(&k)
                        .copied()
                        .unwrap_or(searcher.replications),
                },
            };
            misses.push(Miss {
                contact_type: k / n,
                interval: k % n,
                check: *check,
                why,
            });
        }
    }
    misses
}

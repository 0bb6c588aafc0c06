//! A candidate plan judged in two stages (a quarter of the replications first, the rest
//! only when that quarter does not already show it clearly worse) ends with exactly the
//! evaluation a single run of all the replications gives: the search's early stop
//! spares simulating, it never changes a plan it keeps.

use crate::common;

use ccsim::staffing::{evaluate_seeded, evaluate_staged, Criterion, Evaluation};

fn centre() -> ccsim::scenario::Scenario {
    common::scenario(&std::fs::read_to_string("scenarios/multi-skill/bilingual.toml").unwrap())
}

/// Every interval's estimates, bit for bit.
fn figures(e: &Evaluation) -> Vec<(u64, u64, u64)> {
    e.intervals
        .iter()
        .map(|r| {
            let (sl, ab) = (r.service_level, r.abandonment);
            (
                sl.mean.to_bits(),
                sl.half_width.to_bits(),
                ab.mean.to_bits(),
            )
        })
        .collect()
}

#[test]
fn a_plan_kept_after_the_first_stage_is_judged_exactly_as_in_one_run() {
    let s = centre();
    let paid: Vec<u32> = s
        .groups
        .iter()
        .flat_map(|g| g.staffing.paid.iter().copied())
        .collect();
    let whole = evaluate_seeded(&s, &paid, 24, 5, Criterion::Mean);
    let staged = evaluate_staged(&s, &paid, (24, 6), 5, Criterion::Mean, &|_| false)
        .expect("never rejected");
    assert_eq!(staged.replications, 24);
    assert_eq!(figures(&staged), figures(&whole));
    assert_eq!(
        staged.cost_total.mean.to_bits(),
        whole.cost_total.mean.to_bits()
    );
}

#[test]
fn a_plan_rejected_after_the_first_stage_comes_back_with_that_stage_alone() {
    let s = centre();
    let paid = vec![1; s.groups.len() * s.intervals()];
    let first = evaluate_seeded(&s, &paid, 6, 5, Criterion::Mean);
    let staged = evaluate_staged(&s, &paid, (24, 6), 5, Criterion::Mean, &|e| !e.met())
        .expect_err("one agent per group misses");
    assert_eq!(staged.replications, 6);
    assert_eq!(figures(&staged), figures(&first));
}

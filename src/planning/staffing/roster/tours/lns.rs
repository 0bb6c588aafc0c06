//! A large-neighbourhood search on a whole roster of the tour program: two or three
//! agents are taken out of the week, every other agent's tour is held, and the small
//! integer program left (re-cover what they covered, with any tours, shifts re-timed
//! freely) is solved by branch and bound from the roster under a small node budget; a
//! cheaper answer becomes the roster. The local search moves one tour at a time; here
//! several agents change together (two part-timers traded for one on other days, say),
//! which single moves cannot reach. The neighbourhoods come in a fixed order and the
//! work is counted in nodes and columns, never seconds, so the same week gives the same
//! roster on every machine.

use super::columns::Columns;
use super::improve;
use super::model::{build, Index};
use super::TourProblem;
use crate::staffing::roster::mip::MipOptions;

/// Branch-and-bound nodes of one neighbourhood's program.
const NODES: u64 = 150;

/// The search's work, in columns of the program summed over the neighbourhoods solved:
/// a week of a few hundred columns gets some sixty neighbourhoods, a larger week fewer,
/// so the search stays a few seconds.
const WORK: usize = 24_000;

/// The roster `v` (tour counts, then shift counts) made cheaper by re-solving, in turn,
/// the program of each neighbourhood with every other agent's tour held.
pub(super) fn lns(
    p: &TourProblem,
    cols: &Columns,
    ix: &Index,
    hours: &[f64],
    mut v: Vec<f64>,
) -> Vec<f64> {
    let nx = ix.x.len();
    let cost = |v: &[f64]| -> f64 { v[..nx].iter().zip(hours).map(|(a, h)| a * h).sum() };
    let mut budget = WORK;
    let charge = v.len().max(1);
    loop {
        let mut better = false;
        for out in neighbourhoods(ix, &v) {
            if budget < charge {
                return v;
            }
            budget -= charge;
            // Every tour kept but those taken out; any tour may be added.
            let mut bounds: Vec<(f64, f64)> = (0..v.len())
                .map(|k| (if k < nx { v[k] } else { 0.0 }, f64::INFINITY))
                .collect();
            for &k in &out {
                bounds[k].0 -= 1.0;
            }
            let opts = MipOptions {
                gap: 1e-6,
                nodes: NODES,
                seconds: 60.0,
            };
            let Ok(Some((next, _))) =
                build(p, cols, ix, true, &bounds, Some(&v)).solve_integer(opts)
            else {
                continue;
            };
            let next: Vec<f64> = next.iter().map(|x| x.round().max(0.0)).collect();
            if cost(&next) < cost(&v) - 1e-6 {
                v = improve::improve(p, cols, ix, hours, next);
                better = true;
            }
        }
        if !better {
            return v;
        }
    }
}

/// The agents (as their tour columns) each neighbourhood takes out of the roster, in
/// order: every pair of agents, then every three.
fn neighbourhoods(ix: &Index, v: &[f64]) -> Vec<Vec<usize>> {
    let agents: Vec<usize> = (0..ix.x.len())
        .flat_map(|k| std::iter::repeat_n(k, v[k].round().max(0.0) as usize))
        .collect();
    let n = agents.len();
    let mut out: Vec<Vec<usize>> = Vec::new();
    // Agents on the same tour column make the same neighbourhood: it is solved once.
    let mut seen = std::collections::BTreeSet::new();
    for size in (2..=3).filter(|&size| size <= n) {
        let mut pick: Vec<usize> = (0..size).collect();
        loop {
            let set: Vec<usize> = pick.iter().map(|&i| agents[i]).collect();
            if seen.insert(set.clone()) {
                out.push(set);
            }
            // The next set of `size` agents in lexicographic order.
            let Some(i) = (0..size).rev().find(|&i| pick[i] < n - size + i) else {
                break;
            };
            pick[i] += 1;
            for j in i + 1..size {
                pick[j] = pick[j - 1] + 1;
            }
        }
    }
    out
}

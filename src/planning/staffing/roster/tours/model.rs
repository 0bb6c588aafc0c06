//! The tour integer program: how many agents on each (family, days-on pattern) and how
//! many shifts on each (family, day, start), so that every family's shifts on a day
//! equal its agents working that day, every (day, interval) has its required agents on
//! the floor, every contract keeps its share of the heads, at the fewest paid hours.
//! As for one day's program, the LP relaxation gives the bound, and its rounding, made
//! whole, the first incumbent.

use good_lp::{variable, Expression, ProblemVariables, Variable};

use super::columns::Columns;
use super::TourProblem;
use crate::staffing::roster::mip::Model;

/// The variables' meaning: x = (family, mask), then y = (family, day, start).
#[derive(Debug, Clone)]
pub struct Index {
    /// The tour counts' columns.
    pub x: Vec<(usize, u8)>,
    /// The shift counts' columns.
    pub y: Vec<(usize, usize, u32)>,
}

impl Index {
    /// Every column of the problem.
    pub fn of(cols: &Columns) -> Index {
        let mut x = Vec::new();
        let mut y = Vec::new();
        for (f, fam) in cols.families.iter().enumerate() {
            for &m in &fam.masks {
                x.push((f, m));
            }
            for d in 0..7 {
                if fam.masks.iter().any(|m| m >> d & 1 == 1) {
                    for &s in &fam.day_starts[d] {
                        y.push((f, d, s));
                    }
                }
            }
        }
        Index { x, y }
    }
}

/// Paid hours of each tour column.
pub fn tour_hours(cols: &Columns, ix: &Index) -> Vec<f64> {
    ix.x.iter()
        .map(|&(f, m)| f64::from(m.count_ones() * cols.families[f].paid) / 60.0)
        .collect()
}

/// The model; `integer` = the MIP, else its LP relaxation; `bounds` = each column's
/// least and most value (x then y), `start` = values of every column.
pub(in crate::planning::staffing::roster) fn build(
    p: &TourProblem,
    cols: &Columns,
    ix: &Index,
    integer: bool,
    bounds: &[(f64, f64)],
    start: Option<&[f64]>,
) -> Model {
    let mut vars = ProblemVariables::new();
    let add = |vars: &mut ProblemVariables, k: usize| {
        let (lo, hi) = bounds[k];
        let v = variable().min(lo);
        let v = if hi.is_finite() { v.max(hi) } else { v };
        vars.add(if integer { v.integer() } else { v })
    };
    let nx = ix.x.len();
    let x: Vec<Variable> = (0..nx).map(|k| add(&mut vars, k)).collect();
    let y: Vec<Variable> = (0..ix.y.len()).map(|k| add(&mut vars, nx + k)).collect();
    let mut constraints = Vec::new();
    // Each family's shifts on a day = its agents working that day.
    let nf = cols.families.len();
    let mut link: Vec<Vec<Expression>> = vec![vec![Expression::from(0.0); 7]; nf];
    for (k, &(f, m)) in ix.x.iter().enumerate() {
        for (d, e) in link[f].iter_mut().enumerate() {
            if m >> d & 1 == 1 {
                e.add_mul(-1.0, x[k]);
            }
        }
    }
    let mut used = vec![[false; 7]; nf];
    for (k, &(f, d, _)) in ix.y.iter().enumerate() {
        link[f][d].add_mul(1.0, y[k]);
        used[f][d] = true;
    }
    for (f, days) in link.into_iter().enumerate() {
        for (d, e) in days.into_iter().enumerate() {
            if used[f][d] {
                constraints.push(good_lp::constraint::eq(e, 0.0));
            }
        }
    }
    let im = p.interval_minutes;
    let mut rows: Vec<Vec<Expression>> = vec![vec![Expression::from(0.0); p.intervals]; 7];
    for (k, &(f, d, s)) in ix.y.iter().enumerate() {
        for (i, a) in cols.cover(cols.families[f].len, s, im) {
            rows[d][i].add_mul(a, y[k]);
        }
    }
    for (d, day) in rows.into_iter().enumerate() {
        for (i, row) in day.into_iter().enumerate() {
            if p.required[d][i] > 0.0 {
                constraints.push(row.geq(p.required[d][i]));
            }
        }
    }
    for (c, contract) in p.rostering.contracts.iter().enumerate() {
        let (lo, hi) = contract.share;
        let mut low = Expression::from(0.0);
        let mut high = Expression::from(0.0);
        for (k, &(f, _)) in ix.x.iter().enumerate() {
            let mine = if cols.families[f].contract == c {
                1.0
            } else {
                0.0
            };
            low.add_mul(mine - lo, x[k]);
            high.add_mul(mine - hi, x[k]);
        }
        if lo > 0.0 {
            constraints.push(low.geq(0.0));
        }
        if hi < 1.0 {
            constraints.push(high.leq(0.0));
        }
    }
    let mut objective = Expression::from(0.0);
    for (k, h) in tour_hours(cols, ix).into_iter().enumerate() {
        objective.add_mul(h, x[k]);
    }
    let mut all = x;
    all.extend(y);
    let start = start.map(|s| all.iter().copied().zip(s.iter().copied()).collect());
    Model {
        vars,
        objective,
        constraints,
        all,
        start,
    }
}

/// Whole counts from the LP's, made feasible: everything rounded up (covering at least as
/// much), then tours added where a family's shifts outnumber its agents on a day, then
/// spare agents given a shift at the band's first start. `None` when the shares break.
pub fn round_up(p: &TourProblem, cols: &Columns, ix: &Index, lp: &[f64]) -> Option<Vec<f64>> {
    let mut v: Vec<f64> = lp.iter().map(|x| (x - 1e-7).ceil().max(0.0)).collect();
    let nx = ix.x.len();
    let nf = cols.families.len();
    loop {
        let (agents, shifts) = per_day(cols, ix, &v);
        let short: Vec<(usize, usize)> = (0..nf)
            .flat_map(|f| (0..7).map(move |d| (f, d)))
            .filter(|&(f, d)| shifts[f][d] > agents[f][d] + 0.5)
            .collect();
        let Some(&(f, d)) = short.first() else { break };
        // The pattern of f through d covering the most short days, then the fewest days.
        let k = (0..nx)
            .filter(|&k| ix.x[k].0 == f && ix.x[k].1 >> d & 1 == 1)
            .max_by_key(|&k| {
                let m = ix.x[k].1;
                let hits = short
                    .iter()
                    .filter(|&&(g, e)| g == f && m >> e & 1 == 1)
                    .count();
                (
                    hits,
                    std::cmp::Reverse(m.count_ones()),
                    std::cmp::Reverse(k),
                )
            })?;
        v[k] += 1.0;
    }
    let (agents, shifts) = per_day(cols, ix, &v);
    for f in 0..nf {
        for d in 0..7 {
            let spare = agents[f][d] - shifts[f][d];
            if spare > 0.5 {
                let k = (0..ix.y.len()).find(|&k| ix.y[k].0 == f && ix.y[k].1 == d)?;
                v[nx + k] += spare.round();
            }
        }
    }
    let total: f64 = v[..nx].iter().sum();
    for (c, contract) in p.rostering.contracts.iter().enumerate() {
        let mine: f64 = (0..nx)
            .filter(|&k| cols.families[ix.x[k].0].contract == c)
            .map(|k| v[k])
            .sum();
        if mine < contract.share.0 * total - 1e-9 || mine > contract.share.1 * total + 1e-9 {
            return None;
        }
    }
    Some(v)
}

/// Agents and shifts of each family on each day.
fn per_day(cols: &Columns, ix: &Index, v: &[f64]) -> (Vec<[f64; 7]>, Vec<[f64; 7]>) {
    let nf = cols.families.len();
    let mut agents = vec![[0.0; 7]; nf];
    let mut shifts = vec![[0.0; 7]; nf];
    for (k, &(f, m)) in ix.x.iter().enumerate() {
        for (d, a) in agents[f].iter_mut().enumerate() {
            if m >> d & 1 == 1 {
                *a += v[k];
            }
        }
    }
    for (k, &(f, d, _)) in ix.y.iter().enumerate() {
        shifts[f][d] += v[ix.x.len() + k];
    }
    (agents, shifts)
}

//! A diving heuristic for the tour program's first incumbent: rounding every fractional
//! column of the LP up over-staffs badly (hundreds of tours a little used), so instead
//! the LP is solved again and again, each time with every tour column held at least at
//! its current whole part and the most nearly whole fractional one raised to the next
//! whole number, until the tours are whole; then, tours fixed, the same on the shift
//! columns. Raising a shift column first would force more tours, and those more
//! shifts: the dive would not settle.

use super::columns::Columns;
use super::model::{build, Index};
use super::TourProblem;

/// The whole-number answer the dive reaches from the LP answer `lp`, or `None` when it
/// does not within `rounds` steps (the caller then rounds up instead).
pub fn dive(
    p: &TourProblem,
    cols: &Columns,
    ix: &Index,
    lp: &[f64],
    rounds: usize,
) -> Result<Option<Vec<f64>>, String> {
    let nx = ix.x.len();
    let mut v = lp.to_vec();
    let mut bounds = vec![(0.0, f64::INFINITY); v.len()];
    let frac = |x: f64| x - x.floor();
    let fractional = |x: f64| frac(x) > 1e-6 && frac(x) < 1.0 - 1e-6;
    let mut tours_whole = false;
    for _ in 0..rounds {
        let range = if tours_whole { nx..v.len() } else { 0..nx };
        let pick = range
            .filter(|&k| fractional(v[k]))
            .max_by(|&a, &b| frac(v[a]).total_cmp(&frac(v[b])).then(b.cmp(&a)));
        let Some(k) = pick else {
            if tours_whole || !(nx..v.len()).any(|k| fractional(v[k])) {
                return Ok(Some(v.iter().map(|x| x.round()).collect()));
            }
            tours_whole = true;
            for (b, x) in bounds.iter_mut().zip(&v).take(nx) {
                *b = (x.round(), x.round());
            }
            continue;
        };
        for (b, x) in bounds.iter_mut().zip(&v) {
            b.0 = (x + 1e-6).floor().max(b.0);
        }
        bounds[k].0 = v[k].ceil();
        match build(p, cols, ix, false, &bounds, None).solve_relaxed() {
            Ok(next) => v = next,
            Err(e) if !tours_whole => return Err(e),
            Err(_) => {
                // The shifts cannot all go up: this one goes down instead.
                bounds[k] = (bounds[k].0 - 1.0, v[k].floor());
                if let Ok(next) = build(p, cols, ix, false, &bounds, None).solve_relaxed() {
                    v = next;
                    continue;
                }
                // Neither way: this shift goes up and the tours may grow to take it.
                bounds[k] = (v[k].ceil(), f64::INFINITY);
                for b in bounds.iter_mut().take(nx) {
                    b.1 = f64::INFINITY;
                }
                tours_whole = false;
                v = build(p, cols, ix, false, &bounds, None).solve_relaxed()?;
            }
        }
    }
    Ok(None)
}

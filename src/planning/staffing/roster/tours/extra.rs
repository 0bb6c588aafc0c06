//! The repair's one more agent: the cheapest tour that puts someone on the floor in a
//! missed interval, keeping every contract's share of the group.

use super::columns::Columns;
use super::{AgentWeek, TourProblem};
use crate::scenario::Shift;

/// One more agent for a miss on day `d` in interval `i`: the tour of fewest paid hours
/// (then fewest days) through `d` whose family has a start on the floor in `i`, among
/// those keeping every contract's share; its shift on `d` is the start with the most
/// floor time in `i` (then the earliest), and on its other days the band's start
/// nearest to it.
pub(super) fn extra_agent(
    p: &TourProblem,
    cols: &Columns,
    agents: &[AgentWeek],
    d: usize,
    i: usize,
) -> Option<AgentWeek> {
    let im = p.interval_minutes;
    let total = agents.len() as f64 + 1.0;
    let count = |c: usize| agents.iter().filter(|a| a.contract == c).count() as f64;
    let keeps = |c: usize| {
        p.rostering.contracts.iter().enumerate().all(|(k, ct)| {
            let n = count(k) + if k == c { 1.0 } else { 0.0 };
            n >= ct.share.0 * total - 1e-9 && n <= ct.share.1 * total + 1e-9
        })
    };
    let floor_in = |len: u32, s: u32| -> (u32, &Shift) {
        cols.shapes[&(len, s)]
            .iter()
            .map(|sh| (sh.minutes_within(i as u32 * im, (i as u32 + 1) * im).0, sh))
            .max_by_key(|(m, sh)| (*m, std::cmp::Reverse(sh.breaks.first().map(|b| b.after))))
            .expect("every start has a shape")
    };
    let mut best: Option<(u32, u32, AgentWeek)> = None;
    for fam in &cols.families {
        if !keeps(fam.contract) {
            continue;
        }
        let Some((s, _)) = fam.day_starts[d]
            .iter()
            .map(|&s| (s, floor_in(fam.len, s).0))
            .filter(|&(_, m)| m > 0)
            .max_by_key(|&(s, m)| (m, std::cmp::Reverse(s)))
        else {
            continue;
        };
        for &m in fam.masks.iter().filter(|&&m| m >> d & 1 == 1) {
            let cost = (m.count_ones() * fam.paid, m.count_ones());
            if best.as_ref().is_some_and(|b| (b.0, b.1) <= cost) {
                continue;
            }
            let shifts = (0..7u32)
                .filter(|&e| m >> e & 1 == 1)
                .map(|e| {
                    let start = if e as usize == d {
                        s
                    } else {
                        *fam.day_starts[e as usize]
                            .iter()
                            .min_by_key(|&&x| x.abs_diff(s))?
                    };
                    let shape = if e as usize == d {
                        floor_in(fam.len, start).1
                    } else {
                        &cols.shapes[&(fam.len, start)][0]
                    };
                    Some(Shift {
                        day: Some(e),
                        ..shape.clone()
                    })
                })
                .collect::<Option<Vec<Shift>>>()?;
            best = Some((
                cost.0,
                cost.1,
                AgentWeek {
                    contract: fam.contract,
                    shifts,
                },
            ));
        }
    }
    best.map(|b| b.2)
}

//! From tour and shift counts to people: each tour column's agents in turn, each day's
//! shifts of a family handed out earliest start first in that order (so an agent keeps
//! a similar start through the week, always within the family's band), and the agents
//! sharing a (day, length, start) taking the allowed break placements in turn, as the
//! program's coverage assumed.

use std::collections::BTreeMap;

use super::columns::Columns;
use super::model::Index;
use super::{AgentWeek, TourProblem};
use crate::scenario::Shift;

/// The agents of the whole-number solution `v` (x then y, as in [`Index`]).
pub fn expand(_p: &TourProblem, cols: &Columns, ix: &Index, v: &[f64]) -> Vec<AgentWeek> {
    let nx = ix.x.len();
    let count = |k: usize| v[k].round().max(0.0) as usize;
    let mut out: Vec<AgentWeek> = Vec::new();
    let mut turn: BTreeMap<(usize, u32, u32), usize> = BTreeMap::new();
    for (f, fam) in cols.families.iter().enumerate() {
        let mut masks: Vec<u8> = Vec::new();
        for (k, &(g, m)) in ix.x.iter().enumerate() {
            if g == f {
                masks.extend(std::iter::repeat_n(m, count(k)));
            }
        }
        let mut weeks: Vec<AgentWeek> = masks
            .iter()
            .map(|_| AgentWeek {
                contract: fam.contract,
                shifts: Vec::new(),
            })
            .collect();
        for d in 0..7 {
            let mut starts: Vec<u32> = Vec::new();
            for (k, &(g, e, s)) in ix.y.iter().enumerate() {
                if g == f && e == d {
                    starts.extend(std::iter::repeat_n(s, count(nx + k)));
                }
            }
            starts.sort_unstable();
            let working = (0..masks.len()).filter(|&a| masks[a] >> d & 1 == 1);
            for (n, a) in working.enumerate() {
                // The counts agree when the program's equalities hold; a start of the
                // band stands in otherwise, so nobody works a day without a shift.
                let s = starts.get(n).copied().unwrap_or(fam.day_starts[d][0]);
                let choices = &cols.shapes[&(fam.len, s)];
                let t = turn.entry((d, fam.len, s)).or_default();
                let shape = &choices[*t % choices.len()];
                *t += 1;
                weeks[a].shifts.push(Shift {
                    day: Some(d as u32),
                    ..shape.clone()
                });
            }
        }
        out.extend(weeks);
    }
    out
}

/// The shifts of `agents` as a roster's entries: equal shifts on a day merged with their
/// agents counted, by day, start and length.
pub fn roster_shifts(agents: &[AgentWeek]) -> Vec<Shift> {
    let mut merged: Vec<Shift> = Vec::new();
    for sh in agents.iter().flat_map(|a| &a.shifts) {
        match merged.iter_mut().find(|m| {
            m.day == sh.day
                && m.start == sh.start
                && m.minutes == sh.minutes
                && m.breaks == sh.breaks
        }) {
            Some(m) => m.agents += 1,
            None => merged.push(sh.clone()),
        }
    }
    merged.sort_by(|a, b| {
        (a.day, a.start, a.minutes)
            .cmp(&(b.day, b.start, b.minutes))
            .then_with(|| key(&a.breaks).cmp(&key(&b.breaks)))
    });
    merged
}

fn key(breaks: &[crate::scenario::Break]) -> Vec<(u32, u32, bool)> {
    breaks
        .iter()
        .map(|b| (b.after, b.minutes, b.paid))
        .collect()
}

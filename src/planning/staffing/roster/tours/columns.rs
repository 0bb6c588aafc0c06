//! The tours a contract allows, generated compactly: a *family* is one contract's shift
//! length with one band of starts no wider than its start spread; a tour of the family
//! is a days-on pattern, and each working day takes one shift starting in the band. So
//! any two starts of an agent's week lie within the spread, and the integer program
//! needs one variable per (family, pattern) and one per (family, day, start), not one
//! per combination of a week's starts.

use std::collections::BTreeMap;

use super::TourProblem;
use crate::scenario::{Contract, Rostering, Shift};

/// One contract's shift length with one band of starts.
#[derive(Debug, Clone)]
pub struct Family {
    /// The contract's position in `[[rostering.contracts]]`.
    pub contract: usize,
    /// Shift length in minutes.
    pub len: u32,
    /// Paid minutes of one shift.
    pub paid: u32,
    /// Days-on patterns (bit d: day d is worked) this family may take.
    pub masks: Vec<u8>,
    /// Per day, the band's starts whose shift lies inside that day's opening hours.
    pub day_starts: Vec<Vec<u32>>,
}

/// Every family, with each (length, start)'s break placements.
#[derive(Debug, Clone)]
pub struct Columns {
    /// The families, in a fixed order: contract, length, band.
    pub families: Vec<Family>,
    /// The break placements allowed for each (length, start), as shifts of one agent.
    pub shapes: BTreeMap<(u32, u32), Vec<Shift>>,
}

impl Columns {
    /// Agents on the floor per interval, from one agent on (length, start): the mean over
    /// its break placements, which the roster then takes in turn.
    pub fn cover(&self, len: u32, start: u32, im: u32) -> Vec<(usize, f64)> {
        let choices = &self.shapes[&(len, start)];
        let mut acc: BTreeMap<usize, f64> = BTreeMap::new();
        for c in choices {
            for (i, m) in c.floor_by_interval(im) {
                *acc.entry(i).or_default() += f64::from(m);
            }
        }
        let n = choices.len() as f64 * f64::from(im);
        acc.into_iter().map(|(i, m)| (i, m / n)).collect()
    }
}

/// The longest run of days off in the week `mask`, the week wrapping round.
pub fn days_off_in_a_row(mask: u8) -> u32 {
    let mut best = 0;
    let mut run = 0;
    for k in 0..14 {
        if mask >> (k % 7) & 1 == 0 {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best.min(7)
}

/// The days-on patterns of `c` with a working-day count in `days`.
fn masks(c: &Contract, days: &[u32]) -> Vec<u8> {
    (1u8..128)
        .filter(|m| days.contains(&m.count_ones()))
        .filter(|&m| days_off_in_a_row(m) >= c.days_off_together)
        .collect()
}

/// Bands of `starts` (ascending) no wider than `within` minutes: one per start, dropping
/// those the previous band already holds.
fn bands(starts: &[u32], within: Option<u32>) -> Vec<Vec<u32>> {
    let (Some(&first), Some(&last)) = (starts.first(), starts.last()) else {
        return Vec::new();
    };
    let Some(w) = within.filter(|&w| last - first > w) else {
        return vec![starts.to_vec()];
    };
    let mut out: Vec<Vec<u32>> = Vec::new();
    for &s0 in starts {
        let band: Vec<u32> = starts
            .iter()
            .copied()
            .filter(|&s| s >= s0 && s <= s0 + w)
            .collect();
        if out.last().is_none_or(|b| b.last() != band.last()) {
            out.push(band);
        }
    }
    out
}

/// Every family of the problem.
pub fn columns(p: &TourProblem) -> Columns {
    let im = p.interval_minutes;
    let dm = p.intervals as u32 * im;
    let mut shapes: BTreeMap<(u32, u32), Vec<Shift>> = BTreeMap::new();
    let mut families = Vec::new();
    for (ci, c) in p.rostering.contracts.iter().enumerate() {
        for (len, paid, days) in c.lengths(&p.rostering) {
            let one = Rostering {
                shift_minutes: vec![len],
                contracts: Vec::new(),
                ..p.rostering.clone()
            };
            let mut starts: Vec<u32> = Vec::new();
            for sh in one.patterns(dm) {
                if starts.last() != Some(&sh.start) {
                    starts.push(sh.start);
                }
                let e = shapes.entry((len, sh.start)).or_default();
                if !e.contains(&sh) {
                    e.push(sh);
                }
            }
            let week = masks(c, &days);
            for band in bands(&starts, c.start_within_minutes) {
                let day_starts: Vec<Vec<u32>> = p
                    .windows
                    .iter()
                    .map(|w| {
                        let (from, to) = (w.start as u32 * im, w.end as u32 * im);
                        band.iter()
                            .copied()
                            .filter(|&s| s >= from && s + len <= to)
                            .collect()
                    })
                    .collect();
                let masks: Vec<u8> = week
                    .iter()
                    .copied()
                    .filter(|&m| (0..7).all(|d| m >> d & 1 == 0 || !day_starts[d].is_empty()))
                    .collect();
                if !masks.is_empty() {
                    families.push(Family {
                        contract: ci,
                        len,
                        paid,
                        masks,
                        day_starts,
                    });
                }
            }
        }
    }
    Columns { families, shapes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_off_wrap_round_the_week() {
        // Works Tuesday to Saturday: Sunday and Monday off, in a row across the wrap.
        assert_eq!(days_off_in_a_row(0b0011111 << 1), 2);
        assert_eq!(days_off_in_a_row(0b1010101), 1);
        assert_eq!(days_off_in_a_row(0b0000001), 6);
    }

    #[test]
    fn bands_never_span_more_than_the_spread() {
        let b = bands(&[0, 30, 60, 90, 120, 150], Some(60));
        assert_eq!(
            b,
            vec![
                vec![0, 30, 60],
                vec![30, 60, 90],
                vec![60, 90, 120],
                vec![90, 120, 150]
            ]
        );
        assert_eq!(bands(&[0, 30], None), vec![vec![0, 30]]);
    }
}

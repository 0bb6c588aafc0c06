//! Local search on a whole roster of the tour program. The dive only ever raises its
//! columns, so its roster keeps tours the finished week no longer needs; branch and
//! bound under a node budget rarely removes them. Here, one tour at a time, the most
//! paid first: drop it, or swap it for a cheaper tour (fewer days, shorter shifts,
//! another contract), when the shifts of the days it touches can be re-timed within
//! their bands so that every (day, interval) keeps its required agents and every
//! contract keeps its share of the heads. Every accepted move pays less, so the search
//! ends; it runs in a fixed order, so the same week gives the same roster.

use super::columns::Columns;
use super::model::Index;
use super::TourProblem;

/// Slack allowed on a requirement, as the LP's own tolerance.
pub(super) const EPS: f64 = 1e-9;

/// Most tours ejected (each one a cheaper roster): a bound on the search's time.
const EJECTIONS: usize = 200;

/// A change of one shift column's count.
pub(super) type Change = (usize, i64);

/// The roster as counts, with its coverage kept up to date.
pub(super) struct Search<'a> {
    pub(super) p: &'a TourProblem,
    pub(super) ix: &'a Index,
    /// Agents on the floor per interval from one shift of each shift column.
    pub(super) cover: Vec<Vec<(usize, f64)>>,
    /// The same per interval of the day, zero where the shift is off the floor.
    pub(super) dense: Vec<Vec<f64>>,
    /// The shift columns of each (family, day).
    pub(super) of: Vec<[Vec<usize>; 7]>,
    /// The shift columns of each day.
    pub(super) day: [Vec<usize>; 7],
    /// The contract of each tour column.
    pub(super) contract: Vec<usize>,
    pub(super) x: Vec<i64>,
    pub(super) y: Vec<i64>,
    /// Agents on the floor per (day, interval).
    pub(super) have: Vec<Vec<f64>>,
}

/// `v` (tour then shift counts, whole) made cheaper where a move keeps it feasible.
pub fn improve(
    p: &TourProblem,
    cols: &Columns,
    ix: &Index,
    hours: &[f64],
    v: Vec<f64>,
) -> Vec<f64> {
    let nx = ix.x.len();
    let whole = |x: &f64| x.round().max(0.0) as i64;
    let mut s = Search {
        p,
        ix,
        cover: ix
            .y
            .iter()
            .map(|&(f, _, st)| cols.cover(cols.families[f].len, st, p.interval_minutes))
            .collect(),
        dense: Vec::new(),
        of: vec![Default::default(); cols.families.len()],
        day: Default::default(),
        contract: ix
            .x
            .iter()
            .map(|&(f, _)| cols.families[f].contract)
            .collect(),
        x: v[..nx].iter().map(whole).collect(),
        y: v[nx..].iter().map(whole).collect(),
        have: vec![vec![0.0; p.intervals]; 7],
    };
    for c in &s.cover {
        let mut row = vec![0.0; p.intervals];
        for &(i, a) in c {
            row[i] = a;
        }
        s.dense.push(row);
    }
    for (k, &(f, d, _)) in ix.y.iter().enumerate() {
        s.of[f][d].push(k);
        s.day[d].push(k);
        for &(i, a) in &s.cover[k] {
            s.have[d][i] += a * s.y[k] as f64;
        }
    }
    // Targets of a swap: every tour column, cheapest first.
    let mut cheap: Vec<usize> = (0..nx).collect();
    cheap.sort_by(|&a, &b| hours[a].total_cmp(&hours[b]).then(a.cmp(&b)));
    // Tours one may grow into in a repair: same contract, the same days and more.
    let ups: Vec<Vec<usize>> = (0..nx)
        .map(|j| {
            let (_, m) = ix.x[j];
            (0..nx)
                .filter(|&t| s.contract[t] == s.contract[j] && ix.x[t].1 & m == m)
                .filter(|&t| hours[t] > hours[j] + EPS)
                .collect()
        })
        .collect();
    for _ in 0..EJECTIONS {
        s.descend(hours, &cheap);
        let mut active: Vec<usize> = (0..nx).filter(|&k| s.x[k] > 0).collect();
        active.sort_by(|&a, &b| hours[b].total_cmp(&hours[a]).then(a.cmp(&b)));
        if !active.into_iter().any(|k| s.eject(k, hours, &ups)) {
            break;
        }
    }
    s.x.iter().chain(&s.y).map(|&c| c as f64).collect()
}

impl Search<'_> {
    /// Drops and cheaper swaps, most paid tour first, until none applies.
    fn descend(&mut self, hours: &[f64], cheap: &[usize]) {
        loop {
            let mut active: Vec<usize> = (0..self.x.len()).filter(|&k| self.x[k] > 0).collect();
            active.sort_by(|&a, &b| hours[b].total_cmp(&hours[a]).then(a.cmp(&b)));
            let mut moved = false;
            for k in active {
                while self.x[k] > 0 {
                    let targets = std::iter::once(None).chain(
                        cheap
                            .iter()
                            .take_while(|&&t| hours[t] < hours[k] - EPS)
                            .map(|&t| Some(t)),
                    );
                    let mut done = false;
                    for t in targets {
                        if self.shares_hold(k, t) && self.try_move(k, t) {
                            done = true;
                            break;
                        }
                    }
                    if !done {
                        break;
                    }
                    moved = true;
                }
            }
            if !moved {
                return;
            }
        }
    }

    /// Whether each contract keeps its share of the heads with one agent off tour
    /// column `k` and, if `t`, one more on `t`.
    pub(super) fn shares_hold(&self, k: usize, t: Option<usize>) -> bool {
        self.shares_after(Some(k), t)
    }

    /// Whether each contract keeps its share of the heads with one agent off tour
    /// column `off` and one more on `on` (each when given).
    pub(super) fn shares_after(&self, off: Option<usize>, on: Option<usize>) -> bool {
        let contracts = &self.p.rostering.contracts;
        let mut heads = vec![0i64; contracts.len()];
        for (c, &x) in self.contract.iter().zip(&self.x) {
            heads[*c] += x;
        }
        if let Some(k) = off {
            heads[self.contract[k]] -= 1;
        }
        if let Some(t) = on {
            heads[self.contract[t]] += 1;
        }
        let total = heads.iter().sum::<i64>() as f64;
        contracts.iter().zip(&heads).all(|(c, &h)| {
            let h = h as f64;
            h >= c.share.0 * total - 1e-9 && h <= c.share.1 * total + 1e-9
        })
    }

    /// One agent off tour column `k` and onto `t` (if any), the days' shifts re-timed
    /// to keep the cover; `false`, and nothing changed, when some day cannot be.
    fn try_move(&mut self, k: usize, t: Option<usize>) -> bool {
        let (f, m) = self.ix.x[k];
        let (g, n) = t.map_or((usize::MAX, 0), |t| self.ix.x[t]);
        let mut log: Vec<(usize, Vec<Change>)> = Vec::new();
        for d in 0..7 {
            let off = m >> d & 1 == 1;
            let on = n >> d & 1 == 1;
            let changes = match (off, on) {
                (true, true) if f == g => continue,
                (true, true) => self.swap(d, f, g),
                (true, false) => self.take(d, f, t.is_none()),
                (false, true) => Some(self.put(d, g)),
                (false, false) => continue,
            };
            let Some(changes) = changes else {
                for (d, ch) in log.into_iter().rev() {
                    self.apply(d, &ch, -1);
                }
                return false;
            };
            self.apply(d, &changes, 1);
            log.push((d, changes));
        }
        self.x[k] -= 1;
        if let Some(t) = t {
            self.x[t] += 1;
        }
        true
    }

    pub(super) fn apply(&mut self, d: usize, changes: &[Change], sign: i64) {
        for &(k, dl) in changes {
            self.y[k] += sign * dl;
            for &(i, a) in &self.cover[k] {
                self.have[d][i] += (sign * dl) as f64 * a;
            }
        }
    }

    /// Agents on the floor of column `k` in interval `i`.
    pub(super) fn at(&self, k: usize, i: usize) -> f64 {
        self.dense[k][i]
    }

    /// The least slack over the intervals `changes` touch on day `d` after them, or
    /// `None` when a column would go negative or an interval fall short (one already
    /// short may not fall further).
    fn slack(&self, d: usize, changes: &[Change]) -> Option<f64> {
        for &(k, _) in changes {
            let net: i64 = changes.iter().filter(|c| c.0 == k).map(|c| c.1).sum();
            if self.y[k] + net < 0 {
                return None;
            }
        }
        let mut least = f64::INFINITY;
        for &(k, _) in changes {
            for &(i, _) in &self.cover[k] {
                let r = self.p.required[d][i];
                if r <= 0.0 {
                    continue;
                }
                let delta: f64 = changes
                    .iter()
                    .map(|&(c, dl)| dl as f64 * self.at(c, i))
                    .sum();
                let now = self.have[d][i];
                let after = now + delta;
                if after < r - EPS && delta < -EPS {
                    return None;
                }
                least = least.min(after - r);
            }
        }
        Some(least)
    }

    /// The change set of `options` keeping the most slack (the first on a tie).
    fn best(&self, d: usize, options: impl Iterator<Item = Vec<Change>>) -> Option<Vec<Change>> {
        let mut best: Option<(f64, Vec<Change>)> = None;
        for ch in options {
            if let Some(sl) = self.slack(d, &ch) {
                if best.as_ref().is_none_or(|b| sl > b.0 + EPS) {
                    best = Some((sl, ch));
                }
            }
        }
        best.map(|b| b.1)
    }

    /// One shift of family `f` off day `d`; if `deep`, another shift of the day may move
    /// to another start of its band to make room.
    fn take(&self, d: usize, f: usize, deep: bool) -> Option<Vec<Change>> {
        let mine: Vec<usize> = self.of[f][d]
            .iter()
            .copied()
            .filter(|&j| self.y[j] > 0)
            .collect();
        if let Some(ch) = self.best(d, mine.iter().map(|&j| vec![(j, -1)])) {
            return Some(ch);
        }
        if !deep {
            return None;
        }
        // The shift off leaves some intervals short: another shift moves (within its
        // family's band) to a start that covers all of them.
        let mut moves: Vec<Vec<Change>> = Vec::new();
        for &j in &mine {
            let short: Vec<(usize, f64)> = self.cover[j]
                .iter()
                .map(|&(i, a)| (i, self.p.required[d][i] - (self.have[d][i] - a)))
                .filter(|&(i, gap)| self.p.required[d][i] > 0.0 && gap > EPS)
                .collect();
            for &b in &self.day[d] {
                if short.iter().any(|&(i, gap)| self.at(b, i) < gap - EPS) {
                    continue;
                }
                let (h, _, _) = self.ix.y[b];
                for &a in &self.of[h][d] {
                    if a != b && self.y[a] > 0 {
                        moves.push(vec![(j, -1), (a, -1), (b, 1)]);
                    }
                }
            }
        }
        self.best(d, moves.into_iter())
    }

    /// One shift of family `g` onto day `d`, where the day is tightest.
    fn put(&self, d: usize, g: usize) -> Vec<Change> {
        let worth = |b: usize| -> f64 {
            self.cover[b]
                .iter()
                .filter(|&&(i, _)| self.p.required[d][i] > 0.0)
                .map(|&(i, a)| a / (0.25 + (self.have[d][i] - self.p.required[d][i]).max(0.0)))
                .sum()
        };
        let mut pick = self.of[g][d][0];
        for &b in &self.of[g][d] {
            if worth(b) > worth(pick) + EPS {
                pick = b;
            }
        }
        vec![(pick, 1)]
    }

    /// One shift of family `f` on day `d` traded for one of family `g`.
    fn swap(&self, d: usize, f: usize, g: usize) -> Option<Vec<Change>> {
        let pairs = self.of[f][d]
            .iter()
            .filter(|&&j| self.y[j] > 0)
            .flat_map(|&j| self.of[g][d].iter().map(move |&b| vec![(j, -1), (b, 1)]));
        self.best(d, pairs)
    }
}

//! Ejection chains for the tour roster's local search: a tour no single move can drop
//! (every interval it covers is needed) may still go if other agents' weeks grow to
//! take its place, as four full-timers and three short part-timers may become three
//! full-timers and three longer part-timers. One tour goes; then, while some interval
//! is short, the agent's tour grown or the new agent that fills most of the shortfall
//! per paid hour comes in, as long as the whole still pays less than before. The chain
//! is undone when it cannot close the shortfall within that budget or breaks a share.

use super::improve::{Change, Search, EPS};

/// One day's changes of shift counts.
type DayChanges = (usize, Vec<Change>);

/// A repair of the chain: shortfall filled per paid hour, the tour column grown (none:
/// a new agent), the column it grows into, its days' changes and its paid hours.
type Repair = (f64, Option<usize>, usize, Vec<DayChanges>, f64);

impl Search<'_> {
    /// The shortfall on day `d` after `changes`, less the shortfall now.
    fn short_delta(&self, d: usize, changes: &[Change]) -> f64 {
        let mut total = 0.0;
        for (n, &(k, _)) in changes.iter().enumerate() {
            for &(i, _) in &self.cover[k] {
                // An interval two changes share is counted once, at its first.
                if changes[..n].iter().any(|&(c, _)| self.at(c, i) > 0.0) {
                    continue;
                }
                let r = self.p.required[d][i];
                if r <= 0.0 {
                    continue;
                }
                let now = self.have[d][i];
                let after = now
                    + changes
                        .iter()
                        .map(|&(c, dl)| dl as f64 * self.at(c, i))
                        .sum::<f64>();
                total += (r - after).max(0.0) - (r - now).max(0.0);
            }
        }
        total
    }

    /// Day `d` with one shift of family `f` off and one of `g` on (either may be
    /// absent): the starts leaving the least shortfall, and its change.
    fn trade(&self, d: usize, f: Option<usize>, g: Option<usize>) -> Option<(f64, Vec<Change>)> {
        let offs: Vec<Option<usize>> = match f {
            Some(f) => self.of[f][d]
                .iter()
                .filter(|&&j| self.y[j] > 0)
                .map(|&j| Some(j))
                .collect(),
            None => vec![None],
        };
        let ons: Vec<Option<usize>> = match g {
            Some(g) => self.of[g][d].iter().map(|&b| Some(b)).collect(),
            None => vec![None],
        };
        let mut best: Option<(f64, Vec<Change>)> = None;
        for off in &offs {
            for on in &ons {
                let ch: Vec<Change> = off
                    .map(|j| (j, -1))
                    .into_iter()
                    .chain(on.map(|b| (b, 1)))
                    .collect();
                let delta = self.short_delta(d, &ch);
                if best.as_ref().is_none_or(|b| delta < b.0 - EPS) {
                    best = Some((delta, ch));
                }
            }
        }
        best
    }

    /// One agent of tour column `k` (none: a new agent) moved onto `t` (none: gone):
    /// each day's changes and the change of the shortfall, not yet applied.
    fn plan(&self, k: Option<usize>, t: Option<usize>) -> Option<(f64, Vec<DayChanges>)> {
        let (f, m) = k.map_or((usize::MAX, 0), |k| self.ix.x[k]);
        let (g, n) = t.map_or((usize::MAX, 0), |t| self.ix.x[t]);
        let mut total = 0.0;
        let mut out = Vec::new();
        for d in 0..7 {
            let (off, on) = (m >> d & 1 == 1, n >> d & 1 == 1);
            if (off && on && f == g) || (!off && !on) {
                continue;
            }
            let (delta, ch) = self.trade(d, off.then_some(f), on.then_some(g))?;
            total += delta;
            out.push((d, ch));
        }
        Some((total, out))
    }

    fn commit(&mut self, k: Option<usize>, t: Option<usize>, days: &[DayChanges]) {
        for (d, ch) in days {
            self.apply(*d, ch, 1);
        }
        if let Some(k) = k {
            self.x[k] -= 1;
        }
        if let Some(t) = t {
            self.x[t] += 1;
        }
    }

    /// Whether some interval lacks agents.
    fn short(&self) -> bool {
        self.have
            .iter()
            .zip(&self.p.required)
            .any(|(h, r)| h.iter().zip(r).any(|(&h, &r)| r > 0.0 && h < r - EPS))
    }

    /// Whether every contract holds its share of the heads.
    fn shares_now(&self) -> bool {
        self.shares_after(None, None)
    }

    /// Whether every contract would hold its share with one more agent on tour `t`.
    fn shares_with(&self, t: usize) -> bool {
        self.shares_after(None, Some(t))
    }

    /// The move of one shift to another start of its band, on a day of `days`, that
    /// lowers the shortfall most (free: it pays the same).
    fn best_retime(&self, days: u8) -> Option<(usize, Vec<Change>)> {
        let mut best: Option<(f64, usize, Vec<Change>)> = None;
        for d in (0..7).filter(|&d| days >> d & 1 == 1) {
            for &a in self.day[d].iter().filter(|&&a| self.y[a] > 0) {
                let (h, _, _) = self.ix.y[a];
                for &b in self.of[h][d].iter().filter(|&&b| b != a) {
                    let ch = vec![(a, -1), (b, 1)];
                    let delta = self.short_delta(d, &ch);
                    if delta < -EPS && best.as_ref().is_none_or(|x| delta < x.0 - EPS) {
                        best = Some((delta, d, ch));
                    }
                }
            }
        }
        best.map(|b| (b.1, b.2))
    }

    /// One agent off tour column `k`, the shortfall filled by growing tours (`ups`) or
    /// new agents for fewer paid hours than it had; `false`, nothing changed, otherwise.
    pub(super) fn eject(&mut self, k: usize, hours: &[f64], ups: &[Vec<usize>]) -> bool {
        let saved = (self.x.clone(), self.y.clone(), self.have.clone());
        let Some((_, days)) = self.plan(Some(k), None) else {
            return false;
        };
        self.commit(Some(k), None, &days);
        let mut spent = 0.0;
        let room = |spent: f64, cost: f64| spent + cost < hours[k] - 1e-6;
        while self.short() {
            // Days with an interval short: a tour not working one of them cannot help.
            let short_days = (0..7)
                .filter(|&d| {
                    self.have[d]
                        .iter()
                        .zip(&self.p.required[d])
                        .any(|(&h, &r)| r > 0.0 && h < r - EPS)
                })
                .fold(0u8, |m, d| m | 1 << d);
            if let Some((d, ch)) = self.best_retime(short_days) {
                self.apply(d, &ch, 1);
                continue;
            }
            let mut best: Option<Repair> = None;
            let grown = (0..self.x.len()).filter(|&j| self.x[j] > 0).flat_map(|j| {
                ups[j]
                    .iter()
                    .map(move |&t| (Some(j), t, hours[t] - hours[j]))
            });
            let added = (0..self.x.len())
                .filter(|&t| self.shares_with(t))
                .map(|t| (None, t, hours[t]));
            for (j, t, cost) in grown.chain(added) {
                if !room(spent, cost) || self.ix.x[t].1 & short_days == 0 {
                    continue;
                }
                let Some((delta, days)) = self.plan(j, Some(t)) else {
                    continue;
                };
                let per_hour = -delta / cost;
                if delta < -EPS && best.as_ref().is_none_or(|b| per_hour > b.0 + EPS) {
                    best = Some((per_hour, j, t, days, cost));
                }
            }
            let Some((_, j, t, days, cost)) = best else {
                (self.x, self.y, self.have) = saved;
                return false;
            };
            self.commit(j, Some(t), &days);
            spent += cost;
        }
        if !self.shares_now() {
            (self.x, self.y, self.have) = saved;
            return false;
        }
        true
    }
}

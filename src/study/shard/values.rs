//! A replication's values in a part: every f64 as its 16 hex digits, in one fixed order
//! that the scenario alone shapes, so they read back bit for bit.

use std::fmt::Write as _;

use crate::metrics::{
    DatedValues, DayValues, GroupValues, ReplicationValues, TypeValues, CHAT_FIGURES,
    EMAIL_FIGURES, GROUP_METRIC_COUNT, METRIC_COUNT, SCORES,
};
use crate::scenario::{Channel, Scenario};

/// Every value of a replication, in a fixed order.
fn flatten(v: &ReplicationValues) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    out.extend(v.day);
    v.intervals.iter().for_each(|i| out.extend(i));
    out.extend(v.score_shares);
    for t in &v.types {
        out.extend(t.day);
        t.intervals.iter().for_each(|i| out.extend(i));
        out.extend(t.score_shares);
        out.extend(&t.channel);
    }
    for g in &v.groups {
        out.extend(g.day);
        out.extend(&g.busy_share);
        out.extend(&g.occupancy);
        out.extend(&g.chat);
    }
    if let Some(d) = &v.dated {
        out.extend(&d.closed);
        for day in &d.days {
            day.metrics.iter().for_each(|m| out.extend(m));
            out.extend(&day.closed);
        }
    }
    out
}

pub(super) fn encode(v: &ReplicationValues) -> String {
    let mut s = String::new();
    for x in flatten(v) {
        let _ = write!(s, "{:016x}", x.to_bits());
    }
    s
}

/// Reads values back in the order [`flatten`] wrote them, shaped by the scenario.
struct Reader<'a> {
    hex: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<f64> {
        let h = self.hex.get(self.at..self.at + 16)?;
        self.at += 16;
        u64::from_str_radix(h, 16).ok().map(f64::from_bits)
    }

    fn array<const K: usize>(&mut self) -> Option<[f64; K]> {
        let mut a = [0.0; K];
        for x in &mut a {
            *x = self.next()?;
        }
        Some(a)
    }

    fn vec(&mut self, k: usize) -> Option<Vec<f64>> {
        (0..k).map(|_| self.next()).collect()
    }
}

pub(super) fn decode(hex: &str, s: &Scenario) -> Option<ReplicationValues> {
    let n = s.intervals();
    let mut r = Reader { hex, at: 0 };
    let day = r.array::<METRIC_COUNT>()?;
    let intervals = (0..n)
        .map(|_| r.array::<METRIC_COUNT>())
        .collect::<Option<_>>()?;
    let score_shares = r.array::<SCORES>()?;
    let mut types = Vec::new();
    let mut groups = Vec::new();
    let (listed_types, listed_groups) = s.listed();
    for t in listed_types {
        let email = t.channel == Channel::Email;
        types.push(TypeValues {
            day: r.array::<METRIC_COUNT>()?,
            intervals: (0..n)
                .map(|_| r.array::<METRIC_COUNT>())
                .collect::<Option<_>>()?,
            score_shares: r.array::<SCORES>()?,
            channel: r.vec(if email { EMAIL_FIGURES.len() + n } else { 0 })?,
        });
    }
    for g in listed_groups {
        let chat = g
            .serves
            .iter()
            .any(|&t| s.types[t].channel == Channel::Chat);
        groups.push(GroupValues {
            day: r.array::<GROUP_METRIC_COUNT>()?,
            busy_share: r.vec(g.serves.len())?,
            occupancy: r.vec(n)?,
            chat: r.vec(if chat { CHAT_FIGURES.len() } else { 0 })?,
        });
    }
    let dated = match s.simulation.start_date {
        Some(_) => Some(Box::new(dated(&mut r, s.simulation.days as usize)?)),
        None => None,
    };
    (r.at == hex.len()).then_some(ReplicationValues {
        day,
        intervals,
        score_shares,
        types,
        groups,
        dated,
    })
}

/// A dated run's values, last in the replication: closed arrivals, then each day's
/// metrics and closed arrivals, for the whole centre and then each type it was measured
/// for. How many that is follows from what is left, so the reader needs no other shape.
fn dated(r: &mut Reader<'_>, days: usize) -> Option<DatedValues> {
    let left = r.hex.len().checked_sub(r.at)? / 16;
    let per_part = 1 + days * (METRIC_COUNT + 1);
    if left == 0 || left % per_part != 0 {
        return None;
    }
    let parts = left / per_part;
    let closed = r.vec(parts)?;
    let days = (0..days)
        .map(|_| {
            Some(DayValues {
                metrics: (0..parts)
                    .map(|_| r.array::<METRIC_COUNT>())
                    .collect::<Option<_>>()?,
                closed: r.vec(parts)?,
            })
        })
        .collect::<Option<_>>()?;
    Some(DatedValues { closed, days })
}

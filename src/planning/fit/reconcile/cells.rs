//! The export set against the interval report interval by interval, on the dates both
//! cover: equal daily totals can hide an hour the export filed under the wrong interval
//! (a clock or time-zone shift) or a queue the report counted at another time. Both are
//! summed on the finest grid they share; a type is compared on its own when both files
//! name it, otherwise every type is compared together.

use std::collections::{BTreeMap, BTreeSet};

use super::super::calls::Calls;
use super::super::clock::civil_from_days;
use super::super::intervals::Intervals;

/// Intervals named at most in one note.
const SHOWN: usize = 5;
/// Two counts of one interval differ when they are more than this many contacts apart…
pub const ABSOLUTE: u64 = 2;
/// …and more than this share of the larger: a contact on either side of a boundary is
/// not a discrepancy, and a few contacts in a quiet interval are not worth a note.
pub const RELATIVE: f64 = 0.05;

/// One interval of one date (and type, when compared per type): date, start in minutes
/// from midnight, index into the compared type names.
type Cell = (i64, u32, usize);

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The finest grid both files can be summed on, in minutes (a divisor of a day).
fn grid(slot_minutes: u32, report: &Intervals) -> u32 {
    let g = report
        .cells
        .values()
        .flat_map(|c| c.keys())
        .fold(24 * 60, |g, &(_, m)| gcd(g, m));
    let slot = slot_minutes.max(1);
    slot / gcd(slot, g) * g
}

fn label(&(day, minute, k): &Cell, names: &[&str]) -> String {
    let mut s = format!(
        "{} {:02}:{:02}",
        civil_from_days(day),
        minute / 60,
        minute % 60
    );
    if !names[k].is_empty() {
        s.push(' ');
        s.push_str(names[k]);
    }
    s
}

fn listed(cells: &[(Cell, String)]) -> String {
    let mut s: Vec<String> = cells.iter().take(SHOWN).map(|(_, t)| t.clone()).collect();
    if cells.len() > SHOWN {
        s.push(format!("and {} more", cells.len() - SHOWN));
    }
    s.join("; ")
}

/// Notes on the intervals where `calls` and the report disagree, on dates both have
/// contacts on: intervals only one of them has contacts in, and intervals whose counts
/// differ by more than [`ABSOLUTE`] contacts and [`RELATIVE`] of the larger.
pub fn intervals(calls: &Calls, report: &Intervals) -> Vec<String> {
    let both: Vec<&str> = calls
        .types
        .keys()
        .filter(|k| !k.is_empty() && report.cells.contains_key(*k))
        .map(String::as_str)
        .collect();
    let names: Vec<&str> = if both.is_empty() { vec![""] } else { both };
    let index = |name: &str| -> Option<usize> {
        if names == [""] {
            Some(0)
        } else {
            names.iter().position(|n| *n == name)
        }
    };
    let export_dates: BTreeSet<i64> = calls
        .types
        .values()
        .flat_map(|t| t.days.iter())
        .filter(|(_, v)| v.iter().any(|&c| c > 0))
        .map(|(&d, _)| d)
        .collect();
    let dates: BTreeSet<i64> = report
        .dates
        .iter()
        .filter(|(d, &n)| n > 0 && export_dates.contains(d))
        .map(|(&d, _)| d)
        .collect();
    let g = grid(calls.slot_minutes, report);
    let mut counts: BTreeMap<Cell, (u64, u64)> = BTreeMap::new();
    for (name, t) in &calls.types {
        let Some(k) = index(name) else { continue };
        for (&day, v) in t.days.iter().filter(|(d, _)| dates.contains(d)) {
            for (s, &c) in v.iter().enumerate().filter(|x| *x.1 > 0) {
                let m = s as u32 * calls.slot_minutes / g * g;
                counts.entry((day, m, k)).or_default().0 += u64::from(c);
            }
        }
    }
    for (name, cells) in &report.cells {
        let Some(k) = index(name) else { continue };
        for (&(day, minute), &n) in cells.iter().filter(|((d, _), _)| dates.contains(d)) {
            counts.entry((day, minute / g * g, k)).or_default().1 += n;
        }
    }
    let (mut export_only, mut report_only, mut differ) = (Vec::new(), Vec::new(), Vec::new());
    for (cell, &(e, r)) in &counts {
        let gap = e.abs_diff(r);
        if gap <= ABSOLUTE || gap as f64 <= RELATIVE * e.max(r) as f64 {
            continue;
        }
        let at = label(cell, &names);
        match (e, r) {
            (_, 0) => export_only.push((*cell, format!("{at}: {e}"))),
            (0, _) => report_only.push((*cell, format!("{at}: {r}"))),
            _ => differ.push((*cell, format!("{at}: {e} vs {r}"))),
        }
    }
    let mut notes = Vec::new();
    if !report_only.is_empty() {
        notes.push(format!(
            "the interval report has contacts in {} interval(s) of {g} min the export has none on those dates: {}",
            report_only.len(),
            listed(&report_only)
        ));
    }
    if !export_only.is_empty() {
        notes.push(format!(
            "the export has contacts in {} interval(s) of {g} min the interval report lacks on those dates: {}",
            export_only.len(),
            listed(&export_only)
        ));
    }
    if !differ.is_empty() {
        notes.push(format!(
            "the export and the interval report differ by more than {} % and {ABSOLUTE} contacts in {} interval(s) of {g} min (export vs report): {}",
            RELATIVE * 100.0,
            differ.len(),
            listed(&differ)
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::calls::TypeData;

    fn export(types: &[(&str, i64, Vec<u32>)]) -> Calls {
        let mut calls = Calls {
            slot_minutes: 30,
            ..Calls::default()
        };
        for (name, day, v) in types {
            let t: &mut TypeData = calls.types.entry(name.to_string()).or_default();
            t.days.insert(*day, v.clone());
        }
        calls
    }

    fn report(rows: &[(&str, i64, u32, u64)]) -> Intervals {
        let mut r = Intervals::default();
        for &(name, day, minute, n) in rows {
            *r.dates.entry(day).or_default() += n;
            *r.cells
                .entry(name.to_string())
                .or_default()
                .entry((day, minute))
                .or_default() += n;
        }
        r
    }

    #[test]
    fn an_interval_moved_within_a_day_is_named_though_the_day_agrees() {
        let mut v = vec![0u32; 48];
        v[20] = 40;
        v[21] = 40;
        let calls = export(&[("", 1, v)]);
        // Same daily total; the report files the 10:00 contacts under 10:30.
        let r = report(&[("", 1, 600, 0), ("", 1, 630, 80)]);
        let notes = intervals(&calls, &r);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("10:00: 40") && notes[0].contains("export has contacts"));
        assert!(notes[1].contains("10:30: 40 vs 80"), "{notes:?}");
    }

    #[test]
    fn small_gaps_and_coarser_reports_are_quiet() {
        let mut v = vec![0u32; 48];
        v[20] = 30;
        v[21] = 31;
        v[22] = 2;
        // An hourly report: 10:00 holds both half hours, one contact apart; 11:00 lacks
        // the export's 2 contacts.
        let calls = export(&[("", 1, v)]);
        let r = report(&[("", 1, 600, 62), ("", 1, 660, 0)]);
        assert!(intervals(&calls, &r).is_empty());
    }

    #[test]
    fn types_both_name_are_compared_apart() {
        let mut a = vec![0u32; 48];
        a[20] = 50;
        let mut b = vec![0u32; 48];
        b[20] = 50;
        let calls = export(&[("sales", 1, a), ("support", 1, b)]);
        let r = report(&[("sales", 1, 600, 100), ("support", 1, 600, 0)]);
        let notes = intervals(&calls, &r);
        assert!(
            notes.iter().any(|n| n.contains("10:00 sales: 50 vs 100")),
            "{notes:?}"
        );
        assert!(
            notes.iter().any(|n| n.contains("10:00 support: 50")),
            "{notes:?}"
        );
    }
}

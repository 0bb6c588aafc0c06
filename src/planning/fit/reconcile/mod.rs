//! The export set against the interval report date by date: a date one of them lacks, or
//! whose totals differ by more than a few contacts, is named, so a planner sees which day
//! an export lost or a report double-counted before trusting either; [`cells`] then
//! compares the dates both have interval by interval.

use std::collections::BTreeMap;

use super::calls::Calls;
use super::clock::civil_from_days;

pub mod cells;

/// Dates named at most in one note.
const SHOWN: usize = 8;
/// A date's totals differ when they are further apart than this share (and 2 contacts).
const TOLERANCE: f64 = 0.02;

fn dates_text(days: &[i64]) -> String {
    let mut s: Vec<String> = days
        .iter()
        .take(SHOWN)
        .map(|&d| civil_from_days(d))
        .collect();
    if days.len() > SHOWN {
        s.push(format!("and {} more", days.len() - SHOWN));
    }
    s.join(", ")
}

/// Notes on the dates where `calls` and the report's offered contacts per date disagree.
pub fn dates(calls: &Calls, report: &BTreeMap<i64, u64>) -> Vec<String> {
    let mut export: BTreeMap<i64, u64> = BTreeMap::new();
    for t in calls.types.values() {
        for (&d, v) in &t.days {
            *export.entry(d).or_default() += v.iter().map(|&c| u64::from(c)).sum::<u64>();
        }
    }
    let only = |a: &BTreeMap<i64, u64>, b: &BTreeMap<i64, u64>| -> Vec<i64> {
        a.iter()
            .filter(|(d, &n)| n > 0 && !b.contains_key(d))
            .map(|(&d, _)| d)
            .collect()
    };
    let mut notes = Vec::new();
    let missing_export = only(report, &export);
    if !missing_export.is_empty() {
        notes.push(format!(
            "the interval report has contacts on {} date(s) the export has none: {}",
            missing_export.len(),
            dates_text(&missing_export)
        ));
    }
    let missing_report = only(&export, report);
    if !missing_report.is_empty() {
        notes.push(format!(
            "the export has contacts on {} date(s) the interval report lacks: {}",
            missing_report.len(),
            dates_text(&missing_report)
        ));
    }
    let differ: Vec<i64> = export
        .iter()
        .filter_map(|(d, &e)| {
            let r = *report.get(d)?;
            let gap = e.abs_diff(r) as f64;
            (gap > 2.0 && gap > TOLERANCE * e.max(r) as f64).then_some(*d)
        })
        .collect();
    if !differ.is_empty() {
        notes.push(format!(
            "the export and the interval report differ by more than {} % on {} date(s): {}",
            TOLERANCE * 100.0,
            differ.len(),
            dates_text(&differ)
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::calls::TypeData;

    #[test]
    fn dates_missing_from_either_side_or_far_apart_are_named() {
        let mut calls = Calls::default();
        let mut t = TypeData::default();
        for (d, n) in [(1, 100), (2, 100), (3, 100)] {
            t.days.insert(d, vec![n]);
        }
        calls.types.insert(String::new(), t);
        let report: BTreeMap<i64, u64> = [(2, 101), (3, 150), (4, 80)].into();
        let notes = dates(&calls, &report);
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[0].contains(&civil_from_days(4)));
        assert!(notes[1].contains(&civil_from_days(1)));
        assert!(notes[2].contains(&civil_from_days(3)) && !notes[2].contains(&civil_from_days(2)));
    }
}

//! From calendar days to the centre's operating days. A centre open across midnight
//! (20:00–04:00) is one opening, not two halves of two dates: when contacts arrive on both
//! sides of midnight and the clock shows a long quiet gap elsewhere (at least
//! [`MIN_GAP_MINUTES`]), each operating day starts at the end of that gap, and contacts
//! before it belong to the day before. Then a first or last day that stops where the
//! others go on (an export cut at 13:00 on its last date) is found by the contacts the
//! other days bring after that time, and left out of the volumes: counted as a whole day
//! it would make the volumes low and the days look more variable than they are.

use std::collections::BTreeMap;

use super::calls::TypeData;
use super::clock::{civil_from_days, weekday};

/// Shortest quiet gap in the clock that marks where a centre open across midnight opens.
pub const MIN_GAP_MINUTES: u32 = 120;
/// Contacts the other days bring after a day stops (or before it starts), at that day's
/// level, beyond which the day is taken as cut off: seeing none by chance has a
/// probability of e⁻¹⁰ ≈ 0.005 %.
pub const CUT_OFF_EXPECTED: f64 = 10.0;

/// The operating day: where it opens and which days the volumes use.
#[derive(Debug, Clone)]
pub struct DayPlan {
    /// Slot of the clock (from midnight) at which each operating day's counts start.
    pub shift: usize,
    /// Every operating day with a contact, in order.
    pub days: Vec<i64>,
    /// Days whose counts give the volumes.
    pub volume_days: Vec<i64>,
    /// What was found, in words.
    pub notes: Vec<String>,
}

fn clock(slot: usize, minutes: u32) -> String {
    let m = slot * minutes as usize % (24 * 60);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The slot at which an opening across midnight starts, if the clock shows one.
fn overnight_opening(profile: &[u64], minutes: u32) -> Option<usize> {
    let n = profile.len();
    if profile[0] == 0 || profile[n - 1] == 0 {
        return None;
    }
    let (mut best, mut run, mut end) = (0, 0, 0);
    for (s, &c) in profile.iter().enumerate() {
        run = if c == 0 { run + 1 } else { 0 };
        if run > best {
            (best, end) = (run, s);
        }
    }
    (best as u32 * minutes >= MIN_GAP_MINUTES).then_some(end + 1)
}

/// Moves each type's counts onto operating days opening at slot `shift`.
fn shift_days(types: &mut BTreeMap<String, TypeData>, shift: usize) {
    for d in types.values_mut() {
        let mut days: BTreeMap<i64, Vec<u32>> = BTreeMap::new();
        for (&day, counts) in &d.days {
            let n = counts.len();
            for (s, &c) in counts.iter().enumerate().filter(|x| *x.1 > 0) {
                let (op, k) = if s >= shift {
                    (day, s - shift)
                } else {
                    (day - 1, s + n - shift)
                };
                days.entry(op).or_insert_with(|| vec![0; n])[k] += c;
            }
        }
        d.days = days;
    }
}

/// Totals of every type per day and (shifted) slot.
fn totals(types: &BTreeMap<String, TypeData>, slots: usize) -> BTreeMap<i64, Vec<u64>> {
    let mut t: BTreeMap<i64, Vec<u64>> = BTreeMap::new();
    for d in types.values() {
        for (&day, counts) in &d.days {
            let row = t.entry(day).or_insert_with(|| vec![0; slots]);
            row.iter_mut()
                .zip(counts)
                .for_each(|(a, &c)| *a += u64::from(c));
        }
    }
    t
}

/// Contacts `day` would have had outside `keep` (slots), at its own level, from the
/// days like it (the same weekday when there are some, else every other day).
fn missing(t: &BTreeMap<i64, Vec<u64>>, day: i64, keep: impl Fn(usize) -> bool) -> f64 {
    let same: Vec<&i64> = t
        .keys()
        .filter(|&&d| d != day && weekday(d) == weekday(day))
        .collect();
    let others: Vec<&Vec<u64>> = t
        .iter()
        .filter(|(&d, _)| d != day && (same.is_empty() || weekday(d) == weekday(day)))
        .map(|x| x.1)
        .collect();
    let (mut inside, mut outside) = (0u64, 0u64);
    for row in others {
        for (s, &c) in row.iter().enumerate() {
            if keep(s) {
                inside += c;
            } else {
                outside += c;
            }
        }
    }
    let own: u64 = t[&day].iter().sum();
    if inside == 0 {
        // The other days had nothing when this one had contacts: nothing to compare.
        return 0.0;
    }
    own as f64 * outside as f64 / inside as f64
}

/// Operating days of `types` (counts in slots of `minutes` from midnight), moved onto
/// the opening when the centre runs past midnight, and the days the volumes can use.
pub fn plan(types: &mut BTreeMap<String, TypeData>, minutes: u32) -> DayPlan {
    let slots = (24 * 60 / minutes) as usize;
    let mut notes = Vec::new();
    let mut profile = vec![0u64; slots];
    for row in totals(types, slots).values() {
        profile.iter_mut().zip(row).for_each(|(a, c)| *a += c);
    }
    let shift = overnight_opening(&profile, minutes).unwrap_or(0);
    if shift > 0 {
        let gap_start = (0..shift)
            .rev()
            .find(|&s| profile[s] > 0)
            .map_or(0, |s| s + 1);
        notes.push(format!(
            "contacts arrive on both sides of midnight and none from {} to {}: the centre is taken to open at {} and run past midnight, each operating day counted from its opening (a contact before {} belongs to the day before)",
            clock(gap_start, minutes),
            clock(shift, minutes),
            clock(shift, minutes),
            clock(gap_start, minutes),
        ));
        shift_days(types, shift);
    }
    let t = totals(types, slots);
    let days: Vec<i64> = t.keys().copied().collect();
    let mut volume_days = days.clone();
    if volume_days.len() >= 3 {
        let (first, last) = (volume_days[0], volume_days[volume_days.len() - 1]);
        let active = |day: i64| {
            let row = &t[&day];
            let first = row.iter().position(|&c| c > 0).unwrap_or(0);
            let last = row.iter().rposition(|&c| c > 0).unwrap_or(0);
            (first, last)
        };
        // Across midnight a day is an opening, named by the date it opens on.
        let named = |day: i64| {
            let date = civil_from_days(day);
            if shift > 0 {
                format!("the opening of {date} at {}", clock(shift, minutes))
            } else {
                date
            }
        };
        let (_, end) = active(last);
        let expected = missing(&t, last, |s| s <= end);
        if expected >= CUT_OFF_EXPECTED {
            notes.push(format!(
                "the last day, {}, has no contact after {} where the days like it bring about {:.0} more: the export looks cut off, so that day is left out of the volumes and day_cv (its contacts still count for handle time and patience)",
                named(last),
                clock(shift + end + 1, minutes),
                expected.min(1e9)
            ));
            volume_days.pop();
        }
        let (start, _) = active(first);
        let expected = missing(&t, first, |s| s >= start);
        if expected >= CUT_OFF_EXPECTED {
            notes.push(format!(
                "the first day, {}, has no contact before {} where the days like it bring about {:.0}: the export looks to start late, so that day is left out of the volumes and day_cv (its contacts still count for handle time and patience)",
                named(first),
                clock(shift + start, minutes),
                expected.min(1e9)
            ));
            volume_days.remove(0);
        }
    }
    DayPlan {
        shift,
        days,
        volume_days,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_across_midnight_starts_after_the_longest_quiet_gap() {
        // Half-hours: open 20:00–04:00.
        let night: Vec<u64> = (0..48).map(|s| u64::from(!(8..40).contains(&s))).collect();
        assert_eq!(overnight_opening(&night, 30), Some(40));
        // A day centre, a round-the-clock one, and one whose only gap is short.
        let day: Vec<u64> = (0..48).map(|s| u64::from((16..40).contains(&s))).collect();
        assert_eq!(overnight_opening(&day, 30), None);
        assert_eq!(overnight_opening(&[1; 48], 30), None);
        let short: Vec<u64> = (0..48).map(|s| u64::from(!(6..9).contains(&s))).collect();
        assert_eq!(overnight_opening(&short, 30), None);
    }
}

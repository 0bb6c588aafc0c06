//! Emails that arrive while the centre is closed (at night, on a closed Sunday) wait for
//! it to open: counted where they arrived they would make the fitted day open around the
//! clock, so they are counted at the next opening instead, when an agent can first take
//! them.

use std::collections::BTreeMap;

/// Moves the counts of `days` outside slots `open..=close` of an open day, or on a day
/// not in `open_days` (sorted), to the next opening; returns how many moved. Contacts
/// after the last opening of the data are left where they are (nothing says when they
/// were answered).
pub fn to_next_opening(
    days: &mut BTreeMap<i64, Vec<u32>>,
    open_days: &[i64],
    open: usize,
    close: usize,
) -> u64 {
    let mut moved = 0u64;
    let mut into: BTreeMap<i64, u32> = BTreeMap::new();
    for (&day, counts) in days.iter_mut() {
        let is_open = open_days.binary_search(&day).is_ok();
        for (s, c) in counts.iter_mut().enumerate() {
            if *c == 0 || (is_open && (open..=close).contains(&s)) {
                continue;
            }
            // Before the opening of an open day: that opening; else the next open day's.
            let target = if is_open && s < open {
                Some(day)
            } else {
                open_days.iter().copied().find(|&d| d > day)
            };
            if let Some(t) = target {
                *into.entry(t).or_default() += *c;
                moved += u64::from(*c);
                *c = 0;
            }
        }
    }
    for (day, n) in into {
        if let Some(v) = days.get_mut(&day) {
            v[open] += n;
        } else if let Some(len) = days.values().next().map(Vec::len) {
            let mut v = vec![0; len];
            v[open] = n;
            days.insert(day, v);
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn night_and_closed_day_emails_wait_for_the_next_opening() {
        // Four slots a day, open slots 1..=2; day 2 closed.
        let mut days: BTreeMap<i64, Vec<u32>> = [
            (1, vec![1, 2, 3, 4]),
            (2, vec![5, 0, 0, 6]),
            (3, vec![0, 1, 1, 0]),
        ]
        .into();
        let moved = to_next_opening(&mut days, &[1, 3], 1, 2);
        assert_eq!(moved, 1 + 4 + 5 + 6);
        assert_eq!(days[&1], vec![0, 3, 3, 0]);
        assert_eq!(days[&2], vec![0, 0, 0, 0]);
        assert_eq!(days[&3], vec![0, 1 + 4 + 5 + 6, 1, 0]);
    }
}

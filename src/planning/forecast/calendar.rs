//! Which days a type is open, from the history itself: a weekday with no contact on most
//! of its dates is closed (a centre shut on Sundays), a date with no contact on a weekday
//! otherwise open is a holiday, and dates the planner names (`--closed`) are closed
//! whatever the history says. Closed days and holidays are left out of what the methods
//! learn, so a bank holiday does not pull its weekday's level down, and the forecast
//! gives them no contacts.

use std::collections::BTreeSet;

use super::history::{History, TypeHistory};
use crate::fit::clock::weekday;

/// The open days of one type.
#[derive(Debug, Clone)]
pub struct OpenDays {
    /// Whether each weekday (Monday first) is open.
    pub weekdays: [bool; 7],
    /// Whether each day of the history is used to learn from (open and not a holiday).
    pub used: Vec<bool>,
    /// Days of the history taken as holidays (no contact on an open weekday).
    pub holidays: Vec<i64>,
}

impl OpenDays {
    /// Whether day number `day` of the forecast is open.
    pub fn open(&self, day: i64, closed: &BTreeSet<i64>) -> bool {
        self.weekdays[weekday(day)] && !closed.contains(&day)
    }
}

/// The open days of `t` in `h`, with `closed` named by the planner.
pub fn open_days(h: &History, t: &TypeHistory, closed: &BTreeSet<i64>) -> OpenDays {
    let mut seen = [0usize; 7];
    let mut empty = [0usize; 7];
    for d in 0..h.len {
        let day = h.first + d as i64;
        if closed.contains(&day) {
            continue;
        }
        seen[weekday(day)] += 1;
        if t.total(d) <= 0.0 {
            empty[weekday(day)] += 1;
        }
    }
    let weekdays: [bool; 7] = std::array::from_fn(|w| seen[w] > 0 && 2 * empty[w] < seen[w]);
    let mut holidays = Vec::new();
    let used = (0..h.len)
        .map(|d| {
            let day = h.first + d as i64;
            let open = weekdays[weekday(day)] && !closed.contains(&day);
            if open && t.total(d) <= 0.0 {
                holidays.push(day);
                return false;
            }
            open
        })
        .collect();
    OpenDays {
        weekdays,
        used,
        holidays,
    }
}

/// Opening hours per weekday (Monday first) as intervals `first..=last` of the day with a
/// contact of `types`, `None` for a weekday closed to all of them.
pub fn hours(h: &History, types: &[&TypeHistory]) -> [Option<(usize, usize)>; 7] {
    let mut any = vec![[false; 7]; h.slots()];
    for t in types {
        for d in 0..h.len {
            let w = weekday(h.first + d as i64);
            for (s, &c) in t.days[d].iter().enumerate() {
                if c > 0.0 {
                    any[s][w] = true;
                }
            }
        }
    }
    std::array::from_fn(|w| {
        let first = any.iter().position(|a| a[w])?;
        let last = any.iter().rposition(|a| a[w])?;
        Some((first, last))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::clock::parse_date;
    use crate::fit::read::BadRows;

    #[test]
    fn closed_weekdays_and_holidays_are_told_apart() {
        let first = parse_date("2026-01-05").unwrap(); // a Monday
        let days: Vec<Vec<f64>> = (0..28)
            .map(|d| {
                if d % 7 == 6 || d == 9 {
                    vec![0.0]
                } else {
                    vec![5.0]
                }
            })
            .collect();
        let t = TypeHistory {
            name: String::new(),
            days,
            aht_s: None,
        };
        let h = History {
            interval_minutes: 1440,
            first,
            len: 28,
            types: vec![t.clone()],
            fit: None,
            rows: 0,
            bad: BadRows::default(),
        };
        let closed: BTreeSet<i64> = [first + 2].into();
        let o = open_days(&h, &t, &closed);
        assert_eq!(o.weekdays, [true, true, true, true, true, true, false]);
        assert_eq!(o.holidays, vec![first + 9]);
        assert!(!o.used[2] && !o.used[6] && !o.used[9] && o.used[1]);
        assert!(!o.open(first + 28 + 6, &closed) && o.open(first + 28, &closed));
    }
}

//! The rules of `[simulation] start_date` and `[calendar]`: real dates, opening windows
//! `HH:MM-HH:MM` (or `closed`) inside the day's interval grid and on its boundaries, and
//! a calendar only on a dated horizon.

use time::Date;

use super::Check;
use crate::scenario::calendar::{parse_date, Calendar, WEEKDAYS};
use crate::scenario::file::ScenarioFile;
use crate::scenario::{FieldError, Simulation};

/// `[simulation] start_date`, when given.
pub fn start_date(raw: Option<&str>) -> Check<Option<Date>> {
    raw.map(|s| {
        parse_date(s).ok_or_else(|| {
            FieldError::new(
                "simulation.start_date",
                format!("expected a calendar date \"YYYY-MM-DD\" that exists, found \"{s}\""),
            )
        })
    })
    .transpose()
}

/// `[calendar]` against a grid of `n` intervals starting at `sim.open_minute`.
pub fn calendar(raw: &ScenarioFile, sim: &Simulation, n: usize) -> Check<Option<Calendar>> {
    let Some(c) = raw.calendar.as_ref() else {
        return Ok(None);
    };
    if sim.start_date.is_none() {
        return Err(FieldError::new(
            "calendar",
            "[calendar] needs a dated horizon: add start_date = \"YYYY-MM-DD\" (the date of day 1) to [simulation]",
        ));
    }
    let mut hours: [std::ops::Range<usize>; 7] = std::array::from_fn(|_| 0..n);
    for (key, value) in c.hours.iter().flatten() {
        let field = format!("calendar.hours.{key}");
        let Some(day) = WEEKDAYS.iter().position(|w| w == key) else {
            return Err(FieldError::new(
                field,
                format!(
                    "expected a weekday key ({}), found \"{key}\"",
                    WEEKDAYS.join(", ")
                ),
            ));
        };
        hours[day] = window(&field, value, sim, n)?;
    }
    let mut closed = Vec::new();
    for (i, d) in c.closed.iter().flatten().enumerate() {
        closed.push(parse_date(d).ok_or_else(|| {
            FieldError::new(
                format!("calendar.closed[{i}]"),
                format!("expected a calendar date \"YYYY-MM-DD\" that exists, found \"{d}\""),
            )
        })?);
    }
    Ok(Some(Calendar { hours, closed }))
}

/// One weekday's opening window as the grid intervals it covers.
fn window(field: &str, value: &str, sim: &Simulation, n: usize) -> Check<std::ops::Range<usize>> {
    if value == "closed" {
        return Ok(0..0);
    }
    let step = sim.interval_minutes;
    let grid_end = sim.open_minute + n as u32 * step;
    let grid = format!("{}-{}", clock(sim.open_minute), clock(grid_end % (24 * 60)));
    let bad = || {
        FieldError::new(
            field,
            format!("expected opening hours \"HH:MM-HH:MM\" (e.g. \"09:00-14:00\") or \"closed\", found \"{value}\""),
        )
    };
    let (from, to) = value.split_once('-').ok_or_else(bad)?;
    let minute = |s: &str| {
        if s.trim() == "24:00" {
            Some(24 * 60)
        } else {
            super::parse_clock(s.trim())
        }
    };
    let (from, to) = (minute(from).ok_or_else(bad)?, minute(to).ok_or_else(bad)?);
    // Minutes from the grid's start; a grid may run past midnight.
    let rel = |m: u32| (m + 24 * 60 - sim.open_minute) % (24 * 60);
    let (a, mut b) = (rel(from), rel(to));
    if b == 0 {
        b = 24 * 60;
    }
    if from == to || a >= b || b > n as u32 * step {
        return Err(FieldError::new(
            field,
            format!(
                "the window \"{value}\" is not inside the day's interval grid {grid} ([simulation] open and the intervals of the volumes): open and close within it, opening before closing"
            ),
        ));
    }
    if a % step != 0 || b % step != 0 {
        return Err(FieldError::new(
            field,
            format!(
                "the window \"{value}\" does not start and end on the {step}-minute intervals of the grid {grid}"
            ),
        ));
    }
    Ok((a / step) as usize..(b / step) as usize)
}

fn clock(m: u32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

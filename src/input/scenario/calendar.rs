//! Dated horizons: the date of each simulated day, the opening window of each weekday on
//! the interval grid, and the dates closed all day. Everything here is decided once from
//! the validated scenario; the model asks only "is interval `i` of day `d` open?".

use time::{Date, Weekday};

use super::Scenario;

/// The weekday keys of `[calendar] hours`, Monday first.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// `[calendar]`, checked against the interval grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    /// Open intervals of the grid per weekday (Monday first) as `first..end`; an empty
    /// range is a weekday closed all day. A weekday the file leaves out is the whole grid.
    pub hours: [std::ops::Range<usize>; 7],
    /// Dates closed all day (they may lie outside the horizon: a year's holidays can be
    /// listed once).
    pub closed: Vec<Date>,
}

/// The key of a weekday (`mon` … `sun`).
pub fn weekday_key(d: Date) -> &'static str {
    WEEKDAYS[usize::from(d.weekday().number_days_from_monday())]
}

/// Day `day` (0-based) of a horizon starting on `start`, when the calendar holds it.
pub fn nth_date(start: Date, day: u32) -> Option<Date> {
    start.checked_add(time::Duration::days(i64::from(day)))
}

/// A `YYYY-MM-DD` date, when it is one that exists.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y) && digits(m) && digits(d)) {
        return None;
    }
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// `YYYY-MM-DD`, as the file and reports write dates.
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

impl Calendar {
    /// Whether the whole of `date` is closed, or its weekday has no window.
    pub fn closed_all_day(&self, date: Date) -> bool {
        self.closed.contains(&date) || self.window(date.weekday()).is_empty()
    }

    /// The open intervals of `weekday`.
    pub fn window(&self, weekday: Weekday) -> &std::ops::Range<usize> {
        &self.hours[usize::from(weekday.number_days_from_monday())]
    }
}

impl Scenario {
    /// The date of day `day` (0-based) of a dated run.
    pub fn date_of(&self, day: u32) -> Option<Date> {
        self.simulation.start_date.and_then(|s| nth_date(s, day))
    }

    /// For a scenario with a `[calendar]`: whether each interval of each day of the
    /// horizon is open, day-major (`day × intervals + interval`); `None` without one.
    pub fn open_grid(&self) -> Option<Vec<bool>> {
        let cal = self.calendar.as_ref()?;
        let n = self.intervals();
        let mut grid = Vec::with_capacity(self.simulation.days as usize * n);
        for day in 0..self.simulation.days {
            let date = self.date_of(day)?;
            let window = if cal.closed.contains(&date) {
                0..0
            } else {
                cal.window(date.weekday()).clone()
            };
            grid.extend((0..n).map(|i| window.contains(&i)));
        }
        Some(grid)
    }

    /// Intervals of the day closed on every day of the horizon (no agent is planned
    /// there); `None` without a calendar.
    pub fn closed_every_day(&self) -> Option<Vec<bool>> {
        let grid = self.open_grid()?;
        let n = self.intervals();
        Some((0..n).map(|i| grid.chunks(n).all(|day| !day[i])).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_only_when_they_exist() {
        assert_eq!(
            parse_date("2028-02-29").map(format_date).as_deref(),
            Some("2028-02-29")
        );
        for bad in [
            "2027-02-29",
            "2027-13-01",
            "2027-3-01",
            "27-03-01",
            "2027-03-01x",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn weekdays_and_later_days_follow_the_calendar() {
        let start = parse_date("2027-03-01").unwrap();
        assert_eq!(weekday_key(start), "mon");
        let sunday = nth_date(start, 6).unwrap();
        assert_eq!(
            (format_date(sunday).as_str(), weekday_key(sunday)),
            ("2027-03-07", "sun")
        );
    }
}

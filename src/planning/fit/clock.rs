//! Arrival times as an ACD writes them (ISO 8601: `2026-03-02T08:15:30`, a space for the
//! `T`, optional fractions of a second and an optional zone suffix), turned into a day
//! number and seconds since midnight. The clock time is taken as written: a centre plans
//! in its own local time, so a zone suffix is accepted and ignored. Hand-parsed (a few
//! lines) rather than through a date crate: only this one form is needed.

/// One arrival: the calendar day (days since 1970-01-01) and seconds after its midnight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arrival {
    /// Days since 1970-01-01 (negative before).
    pub day: i64,
    /// Seconds after midnight, in [0, 86400).
    pub second: f64,
}

impl Arrival {
    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> usize {
        weekday(self.day)
    }
}

/// Day of the week of day number `day`, 0 = Monday (1970-01-01 was a Thursday).
pub fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

/// The weekday's short English name, for comments and charts.
pub fn weekday_name(w: usize) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][w % 7]
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `YYYY-MM-DD` of day number `day`.
pub fn civil_from_days(day: i64) -> String {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn number(s: &str, what: &str) -> Result<u32, String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("expected {what} as digits, found \"{s}\""));
    }
    s.parse()
        .map_err(|_| format!("{what} \"{s}\" is too large"))
}

/// Parses a date `YYYY-MM-DD` into its day number.
pub fn parse_date(s: &str) -> Result<i64, String> {
    let expected = || format!("expected a date YYYY-MM-DD, found \"{s}\"");
    let mut parts = s.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(expected());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(expected());
    }
    let (y, m, d) = (
        number(y, "a year")?,
        number(m, "a month")?,
        number(d, "a day")?,
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d == 0 || d > month_days[(m - 1) as usize] {
        return Err(format!("\"{s}\" is not a calendar date"));
    }
    Ok(days_from_civil(i64::from(y), m, d))
}

/// Parses a clock time `HH:MM[:SS[.fff]]` into seconds after midnight.
pub fn parse_clock(s: &str) -> Result<f64, String> {
    let expected = || format!("expected a clock time HH:MM[:SS], found \"{s}\"");
    let mut parts = s.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return Err(expected());
    };
    let sec = parts.next();
    if parts.next().is_some() || h.len() != 2 || m.len() != 2 {
        return Err(expected());
    }
    let (h, m) = (number(h, "an hour")?, number(m, "minutes")?);
    let s_val = match sec {
        None => 0.0,
        Some(x) => {
            let (whole, frac) = x.split_once(['.', ',']).unwrap_or((x, ""));
            if whole.len() != 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
                return Err(expected());
            }
            let whole = number(whole, "seconds")?;
            let frac: f64 = if frac.is_empty() {
                0.0
            } else {
                format!("0.{frac}").parse().map_err(|_| expected())?
            };
            f64::from(whole) + frac
        }
    };
    if h > 23 || m > 59 || s_val >= 61.0 {
        return Err(format!("\"{s}\" is not a time of day"));
    }
    Ok((f64::from(h * 3600 + m * 60) + s_val).min(86_399.999))
}

/// Parses an ISO 8601 date-time (`T` or a space between date and time; a trailing `Z`
/// or `±HH:MM` is ignored: the clock time as written is the centre's).
pub fn parse_arrival(s: &str) -> Result<Arrival, String> {
    let s = s.trim();
    let split = s
        .char_indices()
        .nth(10)
        .filter(|&(_, c)| matches!(c, 'T' | 't' | ' '));
    let Some((date, time)) = split.map(|(i, _)| (&s[..i], &s[i + 1..])) else {
        return Err(format!(
            "expected a date and time like 2026-03-02T08:15:30, found \"{s}\""
        ));
    };
    let time = time.trim_end_matches(['Z', 'z']);
    let time = match time.rfind(['+', '-']) {
        Some(i) if i >= 5 => &time[..i],
        _ => time,
    };
    Ok(Arrival {
        day: parse_date(date)?,
        second: parse_clock(time)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_know_their_weekday() {
        for day in [-1, 0, 1, 19_000, 20_515, 2_000_000] {
            assert_eq!(parse_date(&civil_from_days(day)).unwrap(), day);
        }
        // 2026-03-02 is a Monday.
        let a = parse_arrival("2026-03-02T08:15:30.5").unwrap();
        assert_eq!(a.weekday(), 0);
        assert_eq!(a.second, 8.0 * 3600.0 + 15.0 * 60.0 + 30.5);
        assert_eq!(
            parse_arrival("2026-03-08 23:59:59+01:00")
                .unwrap()
                .weekday(),
            6
        );
    }

    #[test]
    fn refuses_what_is_not_a_date_time() {
        for bad in [
            "2026-02-30T08:00",
            "2026-03-02",
            "08:00",
            "2026-3-2T08:00",
            "2026-03-02T25:00",
            "x",
        ] {
            assert!(parse_arrival(bad).is_err(), "{bad}");
        }
    }
}

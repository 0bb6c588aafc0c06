//! `ccsim forecast`: from a centre's history to expected contacts per date, interval and
//! contact type for the weeks ahead (docs/planning.md). The data flow one way:
//!
//! ```text
//! HISTORY.csv ──history::read──► counts per type × day × interval (+ fit, for a contact export)
//!              calendar        ──► open weekdays, holidays (zero days, --closed), hours
//!              backtest        ──► every candidate method scored on the last weeks
//!              methods         ──► the best one refitted on everything, run ahead
//!              band            ──► 80 % prediction interval per interval
//!                                   └──► write (forecast.csv, backtest.csv, scenario.toml)
//! ```

pub mod backtest;
pub mod band;
pub mod calendar;
pub mod history;
pub mod methods;
pub mod write;

use std::collections::BTreeSet;

use crate::error::{Error, Result};
use calendar::OpenDays;
use history::History;
use methods::Method;

/// Longest horizon, days (a forecast carried further is a guess, not a forecast).
pub const MAX_DAYS: usize = 366;

/// What to forecast.
#[derive(Debug, Clone)]
pub struct Options {
    /// Day number of the first forecast day.
    pub start: i64,
    /// Days to forecast.
    pub days: usize,
    /// Dates closed all day (holidays ahead, or days in the history to leave out).
    pub closed: BTreeSet<i64>,
}

/// One forecast day of one type.
#[derive(Debug, Clone)]
pub struct Day {
    /// Its day number.
    pub day: i64,
    /// Whether the type is open (a closed day forecasts no contact).
    pub open: bool,
    /// Expected contacts per interval of the day, from midnight.
    pub volume: Vec<f64>,
    /// Lower end of the 80 % interval, per interval.
    pub low: Vec<f64>,
    /// Upper end.
    pub high: Vec<f64>,
}

/// The forecast of one contact type.
#[derive(Debug, Clone)]
pub struct TypeForecast {
    /// Its name ("" in a one-type history without types).
    pub name: String,
    /// The method the backtest chose.
    pub method: Method,
    /// Every candidate's backtest score.
    pub scores: Vec<Score>,
    /// The days' relative variance beyond Poisson behind the band.
    pub day_cv2: f64,
    /// Open weekdays, holidays and the days learnt from.
    pub open: OpenDays,
    /// The forecast days.
    pub days: Vec<Day>,
}

pub use backtest::Score;

/// The forecast of every type.
#[derive(Debug, Clone)]
pub struct Forecast {
    /// Per type, in the history's order.
    pub types: Vec<TypeForecast>,
    /// The intervals of the day (from midnight) that any type ever had a contact in:
    /// the day's grid, `first..=last`.
    pub grid: (usize, usize),
    /// Opening hours per weekday (intervals `first..=last`) of the live types (all types
    /// when every one is email), `None` when closed.
    pub hours: [Option<(usize, usize)>; 7],
    /// Dates closed all day, named by the planner.
    pub closed: BTreeSet<i64>,
    /// What the planner should know, in words.
    pub notes: Vec<String>,
}

/// Whether a type's name says it is email (its contacts arrive around the clock and do not
/// set the opening hours).
pub fn is_email(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("mail")
}

/// Forecasts every type of `h`.
pub fn forecast(h: &History, o: &Options) -> Result<Forecast> {
    if o.days == 0 || o.days > MAX_DAYS {
        return Err(Error::Usage(format!(
            "--days {}: expected 1 to {MAX_DAYS} days",
            o.days
        )));
    }
    if backtest::plan(h.len).is_none() {
        return Err(Error::Other(format!(
            "the history covers {} days: a forecast needs at least {} (four weeks to learn from and one to check the methods on)",
            h.len,
            backtest::MIN_TRAIN_DAYS + 7
        )));
    }
    let mut notes = Vec::new();
    let slots = h.slots();
    let types = h
        .types
        .iter()
        .map(|t| {
            let open = calendar::open_days(h, t, &o.closed);
            let scores = backtest::scores(t, &open, h.first, h.len);
            let chosen = backtest::best(&scores).cloned();
            let (method, day_cv2) = chosen.map_or((Method::SeasonalNaive, 0.0), |s| (s.method, s.day_cv2));
            // The whole history, and the days from its end to the start (zero when the
            // forecast starts the day after), forecast together.
            let gap = (o.start - h.last() - 1).max(0) as usize;
            let ahead = gap + o.days;
            let run = |m: Method| m.forecast(t, &open.used, h.len, h.first, ahead);
            let (method, f) = match run(method) {
                Some(f) => (method, f),
                None => (
                    Method::SeasonalNaive,
                    run(Method::SeasonalNaive).unwrap_or_else(|| vec![vec![0.0; slots]; ahead]),
                ),
            };
            if !open.holidays.is_empty() {
                let dates: Vec<String> = open
                    .holidays
                    .iter()
                    .map(|&d| crate::fit::clock::civil_from_days(d))
                    .collect();
                notes.push(format!(
                    "{}no contact on {} (a weekday otherwise open): taken as holidays and left out of what the methods learn",
                    label(&t.name),
                    dates.join(", ")
                ));
            }
            // Seasonal naive copies one day; the others average each weekday's shape.
            let shape_days = if method == Method::SeasonalNaive { 1 } else { methods::SHAPE_WEEKS };
            let days = f
                .into_iter()
                .enumerate()
                .skip(gap)
                .map(|(k, volume)| {
                    let day = h.last() + 1 + k as i64;
                    let is_open = open.open(day, &o.closed);
                    let volume: Vec<f64> = if is_open { volume } else { vec![0.0; slots] };
                    let (low, high) = volume.iter().map(|&v| band::band(v, day_cv2, shape_days)).unzip();
                    Day {
                        day,
                        open: is_open,
                        volume,
                        low,
                        high,
                    }
                })
                .collect();
            TypeForecast {
                name: t.name.clone(),
                method,
                scores,
                day_cv2,
                open,
                days,
            }
        })
        .collect();
    let any = |s: usize| h.types.iter().any(|t| t.days.iter().any(|d| d[s] > 0.0));
    let first = (0..slots).find(|&s| any(s)).unwrap_or(0);
    let last = (0..slots).rev().find(|&s| any(s)).unwrap_or(first);
    let live: Vec<&history::TypeHistory> = h.types.iter().filter(|t| !is_email(&t.name)).collect();
    let all: Vec<&history::TypeHistory> = h.types.iter().collect();
    let hours = calendar::hours(h, if live.is_empty() { &all } else { &live });
    Ok(Forecast {
        types,
        grid: (first, last),
        hours,
        closed: o.closed.clone(),
        notes,
    })
}

/// `type NAME: ` for a named type, nothing for the one type of a file without types.
pub fn label(name: &str) -> String {
    if name.is_empty() {
        String::new()
    } else {
        format!("type {}: ", crate::escape::one_line(name))
    }
}

//! The history a forecast learns from, whichever file it came in: counts per contact
//! type, calendar day and planning interval (from midnight). A contact export (a row per
//! contact) is read by `fit`'s own reader, so its handle times and patience can be fitted
//! as `fit` fits them; an interval report (a row per date, interval and type) is read
//! here. The two are told apart by the header.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use indicatif::ProgressBar;

use crate::error::{Error, Result};
use crate::fit::clock::{parse_clock, parse_date};
use crate::fit::read::{BadRows, CellError, Table};
use crate::fit::{calls, Fit};

/// Most days of history read (about 10 years): a forecast needs weeks, not decades.
pub const MAX_DAYS: i64 = 3700;

/// One contact type's counts.
#[derive(Debug, Clone)]
pub struct TypeHistory {
    /// Its name ("" when the file has no types).
    pub name: String,
    /// Per day from [`History::first`], counts per interval from midnight.
    pub days: Vec<Vec<f64>>,
    /// Mean handle time from the interval report (answered-weighted), when it gave one.
    pub aht_s: Option<f64>,
}

impl TypeHistory {
    /// The day's total.
    pub fn total(&self, d: usize) -> f64 {
        self.days[d].iter().sum()
    }
}

/// The history, every type on the same run of days.
#[derive(Debug, Clone)]
pub struct History {
    /// Planning interval, minutes.
    pub interval_minutes: u32,
    /// Day number of the first day.
    pub first: i64,
    /// Days covered, from the first to the last date with data.
    pub len: usize,
    /// Per type, in name order.
    pub types: Vec<TypeHistory>,
    /// What `fit` made of the contact export (handle time, patience), when it was one.
    pub fit: Option<Fit>,
    /// Rows used.
    pub rows: u64,
    /// Rows skipped.
    pub bad: BadRows,
}

impl History {
    /// Intervals in a day.
    pub fn slots(&self) -> usize {
        (24 * 60 / self.interval_minutes) as usize
    }

    /// Day number of the last day.
    pub fn last(&self) -> i64 {
        self.first + self.len as i64 - 1
    }

    /// Builds a history from counts per type and day number.
    fn from_days(
        path: &Path,
        minutes: u32,
        per_type: BTreeMap<String, BTreeMap<i64, Vec<f64>>>,
        aht: BTreeMap<String, f64>,
    ) -> Result<History> {
        let first = per_type.values().filter_map(|d| d.keys().next()).min();
        let last = per_type.values().filter_map(|d| d.keys().last()).max();
        let (Some(&first), Some(&last)) = (first, last) else {
            return Err(Error::Other(format!(
                "{}: no usable rows: nothing to forecast from",
                path.display()
            )));
        };
        if last - first >= MAX_DAYS {
            return Err(Error::Other(format!(
                "{}: the history spans {} days, more than the {MAX_DAYS} a forecast reads; keep its last years",
                path.display(),
                last - first + 1
            )));
        }
        let len = (last - first + 1) as usize;
        let slots = (24 * 60 / minutes) as usize;
        let types = per_type
            .into_iter()
            .map(|(name, days)| {
                let mut v = vec![vec![0.0; slots]; len];
                for (d, counts) in days {
                    v[(d - first) as usize] = counts;
                }
                TypeHistory {
                    aht_s: aht.get(&name).copied(),
                    name,
                    days: v,
                }
            })
            .collect();
        Ok(History {
            interval_minutes: minutes,
            first,
            len,
            types,
            fit: None,
            rows: 0,
            bad: BadRows::default(),
        })
    }
}

/// Which kind of file `path` is, from its header: a contact export has an `arrival`
/// column; an interval report has `date` and `volume` (or `offered`).
fn is_contact_export(path: &Path, delimiter: u8) -> Result<bool> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut header = String::new();
    BufReader::new(file)
        .read_line(&mut header)
        .map_err(|e| Error::io(path, e))?;
    let names: Vec<String> = header
        .trim_start_matches('\u{feff}')
        .split(char::from(delimiter))
        .map(|h| h.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |n: &str| names.iter().any(|h| h == n);
    if has("arrival") {
        return Ok(true);
    }
    if has("date") && (has("volume") || has("offered")) {
        return Ok(false);
    }
    Err(Error::Other(format!(
        "{}, line 1: the header is neither a contact export (arrival, outcome, wait_s, talk_s, wrap_s[, type]) nor an interval report (date, interval or start, volume or offered[, type]); found {}",
        path.display(),
        if header.trim().is_empty() { "nothing".into() } else { names.join(", ") }
    )))
}

/// Reads HISTORY.csv at `path` in intervals of `minutes`.
pub fn read(path: &Path, minutes: u32, strict: bool, delimiter: u8) -> Result<History> {
    if is_contact_export(path, delimiter)? {
        let c = calls::read_delimited(path, minutes, strict, delimiter, &ProgressBar::hidden())?;
        let per_type = c
            .types
            .iter()
            .map(|(name, t)| {
                let days = t
                    .days
                    .iter()
                    .map(|(&d, v)| (d, v.iter().map(|&x| f64::from(x)).collect()))
                    .collect();
                (name.clone(), days)
            })
            .collect();
        let mut h = History::from_days(path, minutes, per_type, BTreeMap::new())?;
        h.rows = c.rows;
        h.bad = c.bad.clone();
        h.fit = Some(crate::fit::fit(c, None));
        Ok(h)
    } else {
        read_intervals(path, minutes, strict, delimiter)
    }
}

/// One interval row, checked.
struct Row<'a> {
    day: i64,
    slot: usize,
    kind: &'a str,
    volume: f64,
    aht: Option<(f64, f64)>,
}

const DATE: usize = 0;
const START: usize = 1;
const INTERVAL: usize = 2;
const VOLUME: usize = 3;
const OFFERED: usize = 4;
const TYPE: usize = 5;
const AHT: usize = 6;
const ANSWERED: usize = 7;

fn row(t: &Table, minutes: u32) -> std::result::Result<Row<'_>, CellError> {
    let day = parse_date(t.text(DATE)?).map_err(|message| CellError {
        column: "date",
        message,
    })?;
    let (k, column) = if t.has(START) {
        (START, "start")
    } else {
        (INTERVAL, "interval")
    };
    let text = t.text(k)?;
    let clock = text.split(['-', '–']).next().unwrap_or(text).trim();
    let second = parse_clock(clock).map_err(|message| CellError { column, message })?;
    let m = f64::from(minutes) * 60.0;
    if second % m != 0.0 {
        return Err(CellError {
            column,
            message: format!(
                "{text} does not start an interval of {minutes} minutes (give --interval-minutes the report's own)"
            ),
        });
    }
    let k = if t.has(VOLUME) { VOLUME } else { OFFERED };
    let volume = t.seconds(k).map_err(|e| CellError {
        column: e.column,
        message: e
            .message
            .replace("seconds", "contacts")
            .replace("a duration", "a volume"),
    })?;
    let Some(volume) = volume else {
        return Err(CellError {
            column: t.name(k),
            message: "is empty: expected a number of contacts ≥ 0".into(),
        });
    };
    let kind = t.cell(TYPE).unwrap_or("");
    let aht = match (t.seconds(AHT)?, t.has(ANSWERED)) {
        (Some(a), true) => Some((a, t.count(ANSWERED)? as f64)),
        (Some(a), false) => Some((a, volume)),
        (None, _) => None,
    };
    Ok(Row {
        day,
        slot: (second / m) as usize,
        kind,
        volume,
        aht,
    })
}

/// Reads an interval report: `date`, `start` (or `interval`, `08:00` or `08:00-08:30`),
/// `volume` (or `offered`), optional `type`, `aht_s` and `answered`.
fn read_intervals(path: &Path, minutes: u32, strict: bool, delimiter: u8) -> Result<History> {
    let mut t = Table::open(
        path,
        &["date"],
        &[
            "start", "interval", "volume", "offered", "type", "aht_s", "answered",
        ],
        delimiter,
    )?;
    if !t.has(START) && !t.has(INTERVAL) {
        return Err(Error::Other(format!(
            "{}, line 1: no column `start` or `interval` in the header (expected date, start, type, volume)",
            path.display()
        )));
    }
    let slots = (24 * 60 / minutes) as usize;
    let mut per_type: BTreeMap<String, BTreeMap<i64, Vec<f64>>> = BTreeMap::new();
    let mut aht: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let (mut rows, mut bad) = (0u64, BadRows::default());
    while t.next_row()? {
        let r = match row(&t, minutes) {
            Ok(r) => r,
            Err(e) => {
                bad.skip(&t, t.line(), e.column, &e.message, strict)?;
                continue;
            }
        };
        if !per_type.contains_key(r.kind) && per_type.len() >= calls::MAX_TYPES {
            return Err(Error::Other(format!(
                "{}, line {}: more than {} contact types in column `type`",
                path.display(),
                t.line(),
                calls::MAX_TYPES
            )));
        }
        let days = per_type.entry(r.kind.to_string()).or_default();
        days.entry(r.day).or_insert_with(|| vec![0.0; slots])[r.slot.min(slots - 1)] += r.volume;
        if let Some((a, n)) = r.aht {
            let e = aht.entry(r.kind.to_string()).or_default();
            e.0 += a * n;
            e.1 += n;
        }
        rows += 1;
    }
    bad.check(path, rows + bad.count)?;
    let aht = aht
        .into_iter()
        .filter(|(_, (_, n))| *n > 0.0)
        .map(|(k, (s, n))| (k, s / n))
        .collect();
    let mut h = History::from_days(path, minutes, per_type, aht)?;
    h.rows = rows;
    h.bad = bad;
    Ok(h)
}

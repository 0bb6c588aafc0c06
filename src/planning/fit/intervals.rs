//! INTERVALS.csv (the ACD's interval report), streamed: totals per contact type that the
//! written scenario's comments set beside what CALLS.csv gave, so that a planner sees at
//! once whether the contact export is complete (an export that lost a day, or a filter
//! that dropped a queue, shows as a gap between the two).

use std::collections::BTreeMap;
use std::path::Path;

use super::clock::{parse_clock, parse_date};
use super::read::{BadRows, CellError, Table};
use crate::error::{Error, Result};

const DATE: usize = 0;
const START: usize = 1;
const OFFERED: usize = 2;
const ANSWERED: usize = 3;
const ABANDONED: usize = 4;
const AHT: usize = 5;
const TYPE: usize = 6;

/// Totals of one contact type in the interval report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IntervalTotals {
    /// Days in the report.
    pub days: u64,
    /// Contacts offered.
    pub offered: u64,
    /// Contacts answered.
    pub answered: u64,
    /// Contacts abandoned.
    pub abandoned: u64,
    /// Σ AHT × answered, for the answered-weighted AHT.
    pub handle_seconds: f64,
    last_day: Option<i64>,
}

impl IntervalTotals {
    /// AHT over the report, weighted by answered contacts.
    pub fn aht_s(&self) -> f64 {
        self.handle_seconds / self.answered as f64
    }
}

/// The report summarised: per type, with its rows and skipped rows.
#[derive(Debug, Clone, Default)]
pub struct Intervals {
    /// Per type ("" without a `type` column).
    pub types: BTreeMap<String, IntervalTotals>,
    /// Rows used.
    pub rows: u64,
    /// Rows skipped.
    pub bad: BadRows,
    /// Contacts offered per date, every type together.
    pub dates: BTreeMap<i64, u64>,
    /// Contacts offered per type, date and interval start (minutes from midnight): what
    /// the export is checked against interval by interval.
    pub cells: BTreeMap<String, BTreeMap<(i64, u32), u64>>,
}

struct Row<'a> {
    day: i64,
    minute: u32,
    kind: &'a str,
    offered: u64,
    answered: u64,
    abandoned: u64,
    aht: f64,
}

fn row<'a>(t: &'a Table, latest: Option<i64>) -> std::result::Result<Row<'a>, CellError> {
    let day = parse_date(t.text(DATE)?).map_err(|message| CellError {
        column: "date",
        message,
    })?;
    if let Some(l) = latest.filter(|&l| day < l) {
        return Err(CellError {
            column: "date",
            message: format!(
                "out of date order: {} comes after {}",
                super::clock::civil_from_days(day),
                super::clock::civil_from_days(l)
            ),
        });
    }
    let start = parse_clock(t.text(START)?).map_err(|message| CellError {
        column: "start",
        message,
    })?;
    let kind = if t.has(TYPE) { t.text(TYPE)? } else { "" };
    let (offered, answered, abandoned) =
        (t.count(OFFERED)?, t.count(ANSWERED)?, t.count(ABANDONED)?);
    let aht = t.seconds(AHT)?.unwrap_or(0.0);
    if answered + abandoned > offered {
        return Err(CellError {
            column: "offered",
            message: format!(
                "{offered} offered, fewer than {answered} answered + {abandoned} abandoned"
            ),
        });
    }
    Ok(Row {
        day,
        minute: (start / 60.0) as u32,
        kind,
        offered,
        answered,
        abandoned,
        aht,
    })
}

/// Reads INTERVALS.csv at `path`, its fields separated by `delimiter`.
pub fn read(path: &Path, strict: bool, delimiter: u8) -> Result<Intervals> {
    let mut t = Table::open(
        path,
        &["date", "start", "offered", "answered", "abandoned", "aht_s"],
        &["type"],
        delimiter,
    )?;
    let mut out = Intervals::default();
    let mut latest = None;
    while t.next_row()? {
        let r = match row(&t, latest) {
            Ok(r) => r,
            Err(e) => {
                out.bad.skip(&t, t.line(), e.column, &e.message, strict)?;
                continue;
            }
        };
        latest = Some(r.day);
        if !out.types.contains_key(r.kind) && out.types.len() >= super::calls::MAX_TYPES {
            return Err(Error::Other(format!(
                "{}: too many contact types",
                path.display()
            )));
        }
        let e = out.types.entry(r.kind.to_string()).or_default();
        if e.last_day != Some(r.day) {
            e.days += 1;
            e.last_day = Some(r.day);
        }
        *out.dates.entry(r.day).or_default() += r.offered;
        *out.cells
            .entry(r.kind.to_string())
            .or_default()
            .entry((r.day, r.minute))
            .or_default() += r.offered;
        e.offered += r.offered;
        e.answered += r.answered;
        e.abandoned += r.abandoned;
        e.handle_seconds += r.aht * r.answered as f64;
        out.rows += 1;
    }
    out.bad.check(path, out.rows + out.bad.count)?;
    Ok(out)
}

//! `[arrivals] forecast = "forecast.csv"`: expected fresh contacts per date, interval and
//! type, read once. Columns `date,start,type,volume` (`type` may be absent in a one-type
//! file; `low` and `high` may follow and are not used by the simulation). Every date of
//! the horizon must be there for the type; an interval without a row expects nothing.

use std::path::Path;

use super::Check;
use crate::limits;
use crate::scenario::calendar::{format_date, nth_date, parse_date};
use crate::scenario::{FieldError, Simulation};

/// A type's forecast over the horizon.
pub struct Forecast {
    /// Expected fresh contacts per interval of each day of the horizon.
    pub by_day: Vec<Vec<f64>>,
    /// Their mean day (what planners and Erlang figures see as the type's volumes).
    pub mean: Vec<f64>,
}

const FIELD: &str = "arrivals.forecast";

/// Reads the forecast at `path` (relative to the scenario `file`) for type `ty` (`None`
/// in a one-type file).
pub fn read(path: &str, file: &Path, sim: &Simulation, ty: Option<&str>) -> Check<Forecast> {
    let err = |m: String| FieldError::new(FIELD, m);
    let Some(start) = sim.start_date else {
        return Err(err(
            "a forecast gives volumes per date: add start_date = \"YYYY-MM-DD\" (the date of day 1) to [simulation]".into(),
        ));
    };
    let full = file.parent().unwrap_or(Path::new("")).join(path);
    let shown = full.display();
    let text = std::fs::read_to_string(&full)
        .map_err(|e| err(format!("cannot read the forecast file {shown}: {e}")))?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| err(format!("{shown}: cannot read the header: {e}")))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(date_col), Some(start_col), Some(volume_col)) =
        (column("date"), column("start"), column("volume"))
    else {
        return Err(err(format!(
            "{shown}: expected the columns date,start,type,volume (type may be left out in a one-type file), found {}",
            headers.iter().collect::<Vec<_>>().join(",")
        )));
    };
    let type_col = column("type");
    let days = sim.days as usize;
    let step = sim.interval_minutes;
    let per_day = (24 * 60 / step) as usize;
    let mut grid = vec![vec![None::<f64>; per_day]; days];
    let mut seen = vec![false; days];
    let mut intervals = 0;
    for (k, row) in reader.records().enumerate() {
        let line = k + 2;
        let row = row.map_err(|e| err(format!("{shown} line {line}: {e}")))?;
        let cell = |c: usize| row.get(c).unwrap_or("");
        let at = |what: String| err(format!("{shown} line {line}: {what}"));
        let date = parse_date(cell(date_col)).ok_or_else(|| {
            at(format!(
                "expected a date YYYY-MM-DD that exists, found \"{}\"",
                cell(date_col)
            ))
        })?;
        let row_type = type_col.map_or("", |c| cell(c));
        let Ok(day) = usize::try_from((date - start).whole_days()) else {
            continue;
        };
        if day >= days {
            continue;
        }
        let start_text = cell(start_col);
        let minute = super::parse_clock(start_text).ok_or_else(|| {
            at(format!(
                "expected a start time HH:MM, found \"{start_text}\""
            ))
        })?;
        let rel = (minute + 24 * 60 - sim.open_minute) % (24 * 60);
        if rel % step != 0 {
            return Err(at(format!(
                "the start {start_text} is not on the {step}-minute intervals that start at [simulation] open"
            )));
        }
        let i = (rel / step) as usize;
        let volume_text = cell(volume_col);
        let volume: f64 = volume_text
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && (0.0..=limits::MAX_VOLUME_PER_INTERVAL).contains(v))
            .ok_or_else(|| {
                at(format!(
                    "expected a volume from 0 to {} contacts, found \"{volume_text}\"",
                    limits::shown(limits::MAX_VOLUME_PER_INTERVAL)
                ))
            })?;
        // The grid covers every row of every type, so all types share one day.
        intervals = intervals.max(i + 1);
        let mine = match ty {
            Some(name) => row_type == name,
            None if row_type.is_empty() => true,
            None => {
                return Err(at(format!(
                    "type \"{row_type}\" in a one-type file: leave the type column empty, or describe the types with [[types]]"
                )))
            }
        };
        if !mine {
            continue;
        }
        if grid[day][i].replace(volume).is_some() {
            return Err(at(format!(
                "{} {start_text} appears twice{}",
                format_date(date),
                ty.map(|t| format!(" for type \"{t}\"")).unwrap_or_default()
            )));
        }
        seen[day] = true;
    }
    if let Some(day) = seen.iter().position(|s| !s) {
        let date = nth_date(start, day as u32).map_or_else(String::new, format_date);
        return Err(err(format!(
            "{shown} has no row for {date}{}: every date of the horizon needs its rows (a missing interval expects 0)",
            ty.map(|t| format!(" of type \"{t}\"")).unwrap_or_default()
        )));
    }
    let by_day: Vec<Vec<f64>> = grid
        .into_iter()
        .map(|d| d[..intervals].iter().map(|v| v.unwrap_or(0.0)).collect())
        .collect();
    let mean = (0..intervals)
        .map(|i| by_day.iter().map(|d| d[i]).sum::<f64>() / days as f64)
        .collect();
    Ok(Forecast { by_day, mean })
}

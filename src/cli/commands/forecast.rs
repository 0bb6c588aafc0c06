//! `ccsim forecast HISTORY.csv --days N [--start DATE] [--closed DATE,...] [--out DIR]`:
//! expected contacts per date, interval and type for the days ahead (see
//! [`crate::forecast`]). Everything is computed before anything is written, and each file
//! is written atomically (a temporary name, then a rename), so a failure never leaves a
//! partial forecast.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::PathBuf;

use crate::chart::forecast::ForecastChart;
use crate::chart::slugs;
use crate::error::{Error, Result};
use crate::escape::one_line;
use crate::export::{check_outputs, Output, Target};
use crate::fit::clock::{civil_from_days, parse_date, weekday_name};
use crate::forecast::{self, history, write, Forecast, Options};

/// Options of `ccsim forecast`.
#[derive(Debug, clap::Args)]
pub struct ForecastArgs {
    /// The history: a contact export (arrival, outcome, wait_s, talk_s, wrap_s[, type], as
    /// `ccsim fit` reads) or an interval report (date, start or interval, volume or
    /// offered[, type, aht_s, answered]); told apart by the header.
    pub history: PathBuf,
    /// Days to forecast.
    #[arg(long, value_name = "N")]
    pub days: usize,
    /// First forecast date (YYYY-MM-DD); default the day after the history's last date.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Dates closed all day (holidays), comma-separated: no contact is forecast on them
    /// and the history's are left out of what the methods learn.
    #[arg(long, value_name = "DATE,...", value_delimiter = ',')]
    pub closed: Vec<String>,
    /// Folder for forecast.csv, backtest.csv, the charts and scenario.toml (created if
    /// missing).
    #[arg(long, value_name = "DIR", default_value = "forecast")]
    pub out: PathBuf,
    /// Planning interval in minutes (5 to 120, dividing 24 hours).
    #[arg(long, value_name = "MINUTES", default_value_t = 30)]
    pub interval_minutes: u32,
    /// Make every bad row an error instead of skipping a few with a count.
    #[arg(long)]
    pub strict: bool,
    /// Do not draw the charts.
    #[arg(long)]
    pub no_chart: bool,
    /// The character between fields: `;` for many European exports, `tab` for tabs.
    #[arg(long, value_name = "CHAR", default_value = ",", value_parser = super::fit::parse_delimiter)]
    pub delimiter: u8,
}

fn date(option: &str, s: &str) -> Result<i64> {
    parse_date(s.trim()).map_err(|e| Error::Usage(format!("{option} {s}: {e}")))
}

/// The files of a forecast, by name in the folder.
fn files(
    h: &history::History,
    f: &Forecast,
    args: &ForecastArgs,
) -> Result<Vec<(String, Vec<u8>)>> {
    let m = h.interval_minutes;
    let source = args.history.file_name().map_or_else(
        || args.history.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let scenario = write::scenario(h, f, &source);
    let mut out = vec![
        (
            write::FORECAST_CSV.to_string(),
            write::forecast_csv(f, m).into_bytes(),
        ),
        (
            "backtest.csv".to_string(),
            write::backtest_csv(f).into_bytes(),
        ),
        ("scenario.toml".to_string(), scenario.into_bytes()),
    ];
    if !args.no_chart {
        let names: Vec<&str> = f.types.iter().map(|t| t.name.as_str()).collect();
        let stems: Vec<String> = if names.len() <= 1 {
            vec!["forecast-chart".into()]
        } else {
            slugs(&names)
                .into_iter()
                .map(|s| format!("forecast-{s}"))
                .collect()
        };
        for ((t, th), stem) in f.types.iter().zip(&h.types).zip(stems) {
            let r = ForecastChart::new(th, h.first, t).render(&stem)?;
            out.push((format!("{stem}.png"), r.png));
            out.push((format!("{stem}.svg"), r.svg));
        }
    }
    Ok(out)
}

/// Runs the command.
pub fn run(args: &ForecastArgs) -> Result<()> {
    let m = args.interval_minutes;
    if !(5..=120).contains(&m) || 1440 % m != 0 {
        return Err(Error::Usage(format!(
            "--interval-minutes {m}: expected 5 to 120 minutes, dividing 24 hours"
        )));
    }
    if args.days == 0 || args.days > forecast::MAX_DAYS {
        return Err(Error::Usage(format!(
            "--days {}: expected 1 to {} days",
            args.days,
            forecast::MAX_DAYS
        )));
    }
    let closed: BTreeSet<i64> = args
        .closed
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| date("--closed", s))
        .collect::<Result<_>>()?;
    let start = args
        .start
        .as_deref()
        .map(|s| date("--start", s))
        .transpose()?;
    if args.out.exists() && !args.out.is_dir() {
        return Err(Error::Usage(format!(
            "--out {}: is a file; give a folder",
            args.out.display()
        )));
    }
    let h = history::read(&args.history, m, args.strict, args.delimiter)?;
    let start = start.unwrap_or(h.last() + 1);
    if start <= h.last() {
        return Err(Error::Usage(format!(
            "--start {}: the history runs to {}; a forecast starts after it",
            civil_from_days(start),
            civil_from_days(h.last())
        )));
    }
    let f = forecast::forecast(
        &h,
        &Options {
            start,
            days: args.days,
            closed,
        },
    )?;
    let files = files(&h, &f, args)?;
    let outputs: Vec<Output> = files
        .iter()
        .map(|(name, _)| Output::new(format!("--out ({name})"), Target::File(args.out.join(name))))
        .collect();
    check_outputs(std::slice::from_ref(&args.history), &outputs)?;
    std::fs::create_dir_all(&args.out).map_err(|e| Error::io(&args.out, e))?;
    for o in &outputs {
        o.target.check_writable()?;
    }
    for (o, (_, bytes)) in outputs.iter().zip(&files) {
        o.target.write(bytes)?;
    }
    crate::terminal::print(&summary(&h, &f, &outputs))
}

/// What the terminal shows: the history, per type the method and its scores, the files.
fn summary(h: &history::History, f: &Forecast, outputs: &[Output]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} rows over {} days ({} to {}), {} contact type{}",
        h.rows,
        h.len,
        civil_from_days(h.first),
        civil_from_days(h.last()),
        h.types.len(),
        if h.types.len() == 1 { "" } else { "s" }
    );
    super::fit::write_bad_rows(&mut o, &h.bad);
    for n in &f.notes {
        let _ = writeln!(o, "note: {}", one_line(n));
    }
    for t in &f.types {
        let closed: Vec<&str> = (0..7)
            .filter(|&w| !t.open.weekdays[w])
            .map(weekday_name)
            .collect();
        let _ = writeln!(
            o,
            "{}method {}{}",
            forecast::label(&t.name),
            t.method.key(),
            if closed.is_empty() {
                String::new()
            } else {
                format!(", closed on {}", closed.join(", "))
            }
        );
        for s in &t.scores {
            let _ = writeln!(
                o,
                "  {:<15} WAPE {:>5.1} % per day, {:>5.1} % per interval ({} days ahead)",
                s.method.key(),
                s.wape_day * 100.0,
                s.wape_interval * 100.0,
                s.days_ahead
            );
        }
    }
    let written: Vec<String> = outputs.iter().map(|o| o.target.describe()).collect();
    let _ = writeln!(o, "wrote {}", written.join(", "));
    o
}

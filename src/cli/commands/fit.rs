//! `ccsim fit CALLS.csv [--intervals INTERVALS.csv] --out SCENARIO.toml`: a scenario
//! fitted from a centre's own contact export (see [`crate::fit`]). Outputs are checked
//! before the file is read, everything is computed before anything is written, and each
//! file is written atomically, so a failure never leaves a partial scenario or chart.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use indicatif::ProgressBar;

use crate::chart::fit::FitChart;
use crate::chart::slugs;
use crate::error::{Error, Result};
use crate::escape::one_line;
use crate::export::{check_outputs, Output, Target};
use crate::fit::{self, calls, durations::DurationFit, intervals, write};

/// Options of `ccsim fit`.
#[derive(Debug, clap::Args)]
pub struct FitArgs {
    /// The contact export: columns arrival, outcome, wait_s, talk_s, wrap_s and,
    /// optionally, type (one [[types]] entry per type); other columns are ignored.
    pub calls: PathBuf,
    /// The ACD's interval report (date, start, offered, answered, abandoned, aht_s and
    /// optionally type), set beside the export's totals in the comments.
    #[arg(long, value_name = "INTERVALS.csv")]
    pub intervals: Option<PathBuf>,
    /// Where to write the fitted scenario; the chart goes beside it (STEM-fit.png/.svg).
    #[arg(long, value_name = "SCENARIO.toml")]
    pub out: PathBuf,
    /// Planning interval in minutes (5 to 120, dividing 24 hours).
    #[arg(long, value_name = "MINUTES", default_value_t = 30)]
    pub interval_minutes: u32,
    /// Make every bad row an error instead of skipping a few with a count.
    #[arg(long)]
    pub strict: bool,
    /// Do not draw the chart.
    #[arg(long)]
    pub no_chart: bool,
    /// The character between fields in CALLS.csv and INTERVALS.csv: `;` for many
    /// European exports (which may then write seconds with a decimal comma), `tab` for tabs.
    #[arg(long, value_name = "CHAR", default_value = ",", value_parser = parse_delimiter)]
    pub delimiter: u8,
    /// What the export's `channel` column calls each channel, e.g. `chat=web_chat,email=mail`
    /// (voice, chat or email = a value of the column); unlisted values are read by name
    /// (containing "chat": chat, "mail": email, else voice).
    #[arg(long, value_name = "CHANNEL=VALUE,...", value_delimiter = ',', value_parser = parse_channel)]
    pub channel: Vec<(String, &'static str)>,
}

/// `CHANNEL=VALUE`: a value of the `channel` column and the channel it stands for.
fn parse_channel(s: &str) -> std::result::Result<(String, &'static str), String> {
    let (c, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected CHANNEL=VALUE (such as chat=web_chat), found \"{s}\""))?;
    let c = match c.trim() {
        "voice" => "voice",
        "chat" => "chat",
        "email" => "email",
        other => {
            return Err(format!(
                "expected voice, chat or email before =, found \"{other}\""
            ))
        }
    };
    let v = v.trim();
    if v.is_empty() {
        return Err(format!("{c}=: expected the column's value after ="));
    }
    Ok((v.to_string(), c))
}

/// A field delimiter: one ASCII character other than a quote or a line break (`tab` or
/// `\t` for a tab).
pub(crate) fn parse_delimiter(s: &str) -> std::result::Result<u8, String> {
    let c = match s {
        "tab" | "\\t" => '\t',
        _ => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(format!(
                        "expected one character (such as ; or tab), found \"{s}\""
                    ))
                }
            }
        }
    };
    if !c.is_ascii() || matches!(c, '"' | '\n' | '\r') {
        return Err(format!(
            "expected an ASCII character other than a quote or a line break, found {c:?}"
        ));
    }
    Ok(c as u8)
}

/// An error when a type has no answered contact with a talk time: nothing to give its
/// handle time (a scenario needs one).
fn check_handle(f: &fit::Fit, calls: &Path) -> Result<()> {
    for t in &f.types {
        if !matches!(t.handle, DurationFit::None) {
            continue;
        }
        let which = if t.name.is_empty() {
            String::new()
        } else {
            format!("contact type {}: ", one_line(&t.name))
        };
        let d = &t.data;
        let why = if d.answered == 0 {
            format!(
                "no answered contact among its {} ({} abandoned, {} blocked, {} deflected)",
                d.contacts(),
                d.abandoned,
                d.blocked,
                d.deflected
            )
        } else {
            format!("all {} answered contacts have talk_s 0", d.answered)
        };
        return Err(Error::Other(format!(
            "{}: {which}{why}, so there is no handle time to fit and no scenario can be written; fit needs an export with answered contacts and their talk times",
            calls.display()
        )));
    }
    Ok(())
}

/// A byte-count progress bar on stderr, hidden unless stderr is a terminal.
fn bytes_bar(what: &str) -> ProgressBar {
    let bar = crate::progress::bar(
        0,
        "{msg} [{bar:40}] {bytes}/{total_bytes}, about {eta} left",
    );
    bar.set_message(what.to_string());
    bar
}

/// The chart files of each type: `STEM-fit` (one type) or `STEM-fit-SLUG` (several).
fn chart_stems(out: &Path, names: &[&str]) -> Vec<PathBuf> {
    let stem = out
        .file_stem()
        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned());
    let dir = out.parent().unwrap_or(Path::new(""));
    if names.len() <= 1 {
        return vec![dir.join(format!("{stem}-fit"))];
    }
    slugs(names)
        .into_iter()
        .map(|s| dir.join(format!("{stem}-fit-{s}")))
        .collect()
}

fn with_ext(stem: &Path, ext: &str) -> PathBuf {
    let mut s = stem.as_os_str().to_owned();
    s.push(ext);
    PathBuf::from(s)
}

/// Runs the command.
pub fn run(args: &FitArgs) -> Result<()> {
    let m = args.interval_minutes;
    if !(5..=120).contains(&m) || 1440 % m != 0 {
        return Err(Error::Usage(format!(
            "--interval-minutes {m}: expected 5 to 120 minutes, dividing 24 hours"
        )));
    }
    let mut inputs = vec![args.calls.clone()];
    inputs.extend(args.intervals.clone());
    let out = Target::File(args.out.clone());
    check_outputs(&inputs, &[Output::new("--out", out.clone())])?;
    out.check_writable()?;

    let bar = bytes_bar(&format!("reading {}", args.calls.display()));
    let calls = calls::read_export(
        &args.calls,
        m,
        args.strict,
        args.delimiter,
        &args.channel,
        &bar,
    );
    bar.finish_and_clear();
    let calls = calls?;
    let report = args
        .intervals
        .as_ref()
        .map(|p| intervals::read(p, args.strict, args.delimiter))
        .transpose()?;
    let fitted = fit::fit(calls, report);
    check_handle(&fitted, &args.calls)?;
    let text = write::validated(&fitted, &args.calls, &args.out)?;

    let mut files: Vec<(Output, Vec<u8>)> = vec![(Output::new("--out", out), text.into_bytes())];
    if !args.no_chart {
        let names: Vec<&str> = fitted.types.iter().map(|t| t.name.as_str()).collect();
        for (t, stem) in fitted.types.iter().zip(chart_stems(&args.out, &names)) {
            let name = stem
                .file_name()
                .map_or(String::new(), |s| s.to_string_lossy().into_owned());
            let r = FitChart::new(&fitted, t).render(&name)?;
            files.push((
                Output::new("--out (chart)", Target::File(with_ext(&stem, ".png"))),
                r.png,
            ));
            files.push((
                Output::new("--out (chart)", Target::File(with_ext(&stem, ".svg"))),
                r.svg,
            ));
        }
    }
    let outputs: Vec<Output> = files.iter().map(|f| f.0.clone()).collect();
    check_outputs(&inputs, &outputs)?;
    for (o, _) in &files[1..] {
        o.target.check_writable()?;
    }
    for (o, bytes) in &files {
        o.target.write(bytes)?;
    }
    let written: Vec<String> = outputs.iter().map(|o| o.target.describe()).collect();
    crate::terminal::print(&summary(&fitted, &written))
}

/// ` (95 %: low–high)` with one decimal, or that there is none (never `NaN–NaN`).
fn ci(low: f64, high: f64) -> String {
    if low.is_finite() && high.is_finite() {
        format!(" (95 %: {low:.1}–{high:.1})")
    } else {
        " (no interval: too few values)".into()
    }
}

/// What the terminal shows: per type the main estimates, the warnings, and the files.
fn summary(f: &fit::Fit, written: &[String]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} contacts over {} days, {} intervals of {} min from {}",
        f.rows,
        f.days.len(),
        f.intervals(),
        f.interval_minutes,
        f.start_of(0)
    );
    for n in &f.notes {
        let _ = writeln!(o, "note: {}", one_line(n));
    }
    write_bad_rows(&mut o, &f.bad);
    for t in &f.types {
        if !t.name.is_empty() {
            let _ = writeln!(o, "type {}:", one_line(&t.name));
        }
        let v = &t.volumes;
        let _ = writeln!(
            o,
            "  per day {:.1}{}, day_cv {:.3}",
            v.per_day.value,
            ci(v.per_day.low, v.per_day.high),
            v.day_cv.value
        );
        if let DurationFit::Family(h, _) = &t.handle {
            let _ = writeln!(
                o,
                "  handle time {}: mean {:.1} s{}, CV {:.3}",
                h.family.key(),
                h.mean,
                ci(h.mean_ci.0, h.mean_ci.1),
                h.cv
            );
        }
        if let Some(p) = t.patience.families.first() {
            let _ = writeln!(
                o,
                "  patience {}: mean {:.1} s{} from {} abandoned and {} answered waits",
                p.family.key(),
                p.mean,
                ci(p.mean_ci.0, p.mean_ci.1),
                t.patience.abandoned,
                t.patience.answered
            );
        }
        if let Some(n) = t.patience.naive {
            let _ = writeln!(
                o,
                "  (naive mean wait of abandoned callers: {:.1} s, biased low)",
                n.value
            );
        }
        for w in &t.warnings {
            let _ = writeln!(o, "  warning: {}", one_line(w));
        }
    }
    let _ = writeln!(o, "wrote {}", written.join(", "));
    o
}

/// The rows an export reader skipped, with a few examples (fit and forecast say it alike).
pub(super) fn write_bad_rows(o: &mut String, bad: &fit::read::BadRows) {
    if bad.count > 0 {
        let _ = writeln!(
            o,
            "{} bad rows skipped (--strict makes them errors), e.g.:",
            bad.count
        );
        for m in &bad.messages {
            let _ = writeln!(o, "  {}", one_line(m));
        }
    }
}

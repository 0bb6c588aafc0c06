//! `ccsim run FILE --calls-log CALLS.csv`: one row per contact of every replication, in
//! the columns `ccsim fit` reads (plus `replication` and `day`), so that a run's own log
//! can be fitted back and single journeys analysed. The log is a second pass over the
//! same replications with the model's contact log on: the same seed gives the same
//! contacts, so the run's figures are untouched by construction. Replications are
//! simulated in parallel a few at a time and written in replication order, each sorted
//! by arrival, so the file is the same whatever the thread count and memory holds only
//! the replications in flight. Replication r (from 1), day d (from 1) is dated
//! 2001-01-01 (a Monday) + (r − 1) × days + (d − 1) days, at the scenario's clock times.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::fit::clock::{civil_from_days, days_from_civil};
use crate::model::{Centre, ContactRecord, LoggedOutcome};
use crate::scenario::Scenario;

const DAY_S: f64 = 86_400.0;

/// The type names of a scenario, one per type; `None` for a one-type file, whose log
/// has no type column.
fn type_names(s: &Scenario) -> Option<Vec<String>> {
    let (types, _) = s.listed();
    (!types.is_empty()).then(|| types.iter().map(|t| t.name.clone()).collect())
}

/// A CSV field: quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Appends the row of `c` (replication `r` from 0) to `out`.
fn row(out: &mut String, s: &Scenario, names: Option<&[String]>, r: u32, c: &ContactRecord) {
    let days = s.simulation.days;
    let day = (c.arrival_s / DAY_S).floor();
    let first = days_from_civil(2001, 1, 1) + i64::from(r) * i64::from(days);
    // The clock: opening time plus the time into the simulated day (past midnight, the
    // next date).
    let clock = f64::from(s.simulation.open_minute) * 60.0 + (c.arrival_s - day * DAY_S);
    let date = first + day as i64 + (clock / DAY_S).floor() as i64;
    let second = clock.rem_euclid(DAY_S);
    let (h, m, sec) = (
        (second / 3600.0) as u32,
        (second % 3600.0 / 60.0) as u32,
        second % 60.0,
    );
    let _ = write!(
        out,
        "{},{},{}T{h:02}:{m:02}:{sec:06.3},",
        r + 1,
        day as i64 + 1,
        civil_from_days(date)
    );
    if let Some(names) = names {
        out.push_str(&field(&names[usize::from(c.ty)]));
        out.push(',');
    }
    let _ = match c.outcome {
        LoggedOutcome::Answered => writeln!(
            out,
            "answered,{:.3},{:.3},{:.3}",
            c.wait_s, c.talk_s, c.wrap_s
        ),
        LoggedOutcome::Abandoned => writeln!(out, "abandoned,{:.3},,", c.wait_s),
        LoggedOutcome::Blocked => writeln!(out, "blocked,,,"),
        LoggedOutcome::Deflected => writeln!(out, "deflected,,,"),
    };
}

/// The log's rows of replication `r`, sorted by arrival.
fn replication_rows(centre: &mut Centre, s: &Scenario, names: Option<&[String]>, r: u32) -> String {
    centre.run(r);
    let mut log: Vec<ContactRecord> = centre.contact_log().to_vec();
    log.sort_by(|a, b| a.arrival_s.total_cmp(&b.arrival_s));
    let mut out = String::with_capacity(log.len() * 64);
    for c in &log {
        row(&mut out, s, names, r, c);
    }
    out
}

/// Simulates every replication of `s` again with the contact log on and streams it into
/// `w` (errors name `path`, where it goes); returns the rows written.
pub fn fill(s: &Scenario, path: &Path, threads: Option<usize>, w: &mut dyn Write) -> Result<u64> {
    let names = type_names(s);
    let header = if names.is_some() {
        "replication,day,arrival,type,outcome,wait_s,talk_s,wrap_s\n"
    } else {
        "replication,day,arrival,outcome,wait_s,talk_s,wrap_s\n"
    };
    let mut rows = 0u64;
    {
        let io = |e| Error::io(path, e);
        w.write_all(header.as_bytes()).map_err(io)?;
        let pool = threads.map(|t| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(t)
                .build()
                .expect("a thread pool can be built")
        });
        let simulate = |start: u32, end: u32| -> Vec<String> {
            (start..end)
                .into_par_iter()
                .map_init(
                    || {
                        let mut c = Centre::new(s);
                        c.set_contact_log(true);
                        c
                    },
                    |centre, r| replication_rows(centre, s, names.as_deref(), r),
                )
                .collect()
        };
        let workers = pool
            .as_ref()
            .map_or_else(rayon::current_num_threads, |p| p.current_num_threads());
        // Each replication's rows are held until written: fewer at once when large.
        let step = 2 * workers.min(crate::memory::in_flight(s, true)) as u32;
        let mut start = 0;
        while start < s.simulation.replications {
            let end = (start + step).min(s.simulation.replications);
            let chunk = match &pool {
                Some(p) => p.install(|| simulate(start, end)),
                None => simulate(start, end),
            };
            for text in chunk {
                rows += text.bytes().filter(|&b| b == b'\n').count() as u64;
                w.write_all(text.as_bytes()).map_err(io)?;
            }
            start = end;
        }
    }
    Ok(rows)
}

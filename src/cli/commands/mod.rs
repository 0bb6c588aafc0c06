//! One module per subcommand, each with a `run` function: parse → validate → simulate →
//! report, every step returning `Result`.

pub mod batch;
pub mod check;
pub mod erlang;
pub mod fit;
pub mod fit_log;
pub mod forecast;
pub mod merge;
pub mod run;
pub mod schedule;
pub mod serve;
pub mod staff;
pub mod sweep;

/// The terminal lines of every scenario of a report run with `--precision` (empty without).
pub fn describe_report(report: &crate::report::Report) -> String {
    report
        .scenarios
        .iter()
        .filter_map(|s| {
            s.precision
                .as_ref()
                .map(|o| crate::precision::describe(&s.name, s.replications, o))
        })
        .collect()
}

/// Sets the run's memory budget and shows on standard error each scenario of which fewer
/// replications than threads will be in flight (see [`crate::memory::configure`]).
pub(crate) fn configure_memory<'a>(
    max_memory: Option<u64>,
    threads: Option<u16>,
    scenarios: impl IntoIterator<Item = &'a crate::scenario::Scenario>,
    logging: bool,
) -> crate::error::Result<()> {
    for note in crate::memory::configure(max_memory, threads, scenarios, logging)? {
        crate::terminal::warn(&note);
    }
    Ok(())
}

/// A study's short title: `--title`, else the name of the study's own `folder` (`batch`),
/// else none (the report lists the scenarios instead). Never the output folder's name: a
/// merged study must read exactly as the unsharded run wrote it.
pub fn study_title(title: Option<&str>, folder: Option<&std::path::Path>) -> Option<String> {
    if let Some(t) = title {
        return Some(t.to_string());
    }
    let folder = folder?;
    let named = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| {
            folder
                .canonicalize()
                .ok()?
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        });
    named.filter(|n| !n.is_empty())
}

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

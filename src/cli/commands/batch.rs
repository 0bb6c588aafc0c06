//! `ccsim batch DIR`: a study of every `*.toml` in a folder. All files are validated
//! before anything runs, all scenarios share one seed (common random numbers, so their
//! differences are measured precisely), and the whole set of reports and charts goes into
//! one output folder, checked before the simulation starts and written before anything
//! is printed.

use std::path::{Path, PathBuf};

use crate::cli::BatchArgs;
use crate::error::{Error, Result};
use crate::export::bundle;
use crate::export::{table, Contents, Outputs};
use crate::plan;
use crate::study::Study;
use crate::terminal;

/// Every `*.toml` directly in `dir`, sorted by file name.
pub fn toml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_file() && path.extension().is_some_and(|x| x == "toml") {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    if files.is_empty() {
        return Err(Error::Other(format!(
            "{}: no *.toml scenario files in this folder",
            dir.display()
        )));
    }
    Ok(files)
}

/// Runs the `batch` command.
pub fn run(args: &BatchArgs) -> Result<()> {
    let files = toml_files(&args.dir)?;
    let plan = plan::study_with(
        &files,
        args.baseline.as_deref(),
        args.simulation.replications,
        args.simulation.seed,
        &args.simulation.set,
    )?;
    let sim = &args.simulation;
    crate::commands::configure_memory(sim.max_memory, sim.threads, &plan.scenarios, false)?;
    let names = bundle::file_names(&plan.outlines());
    let written = names.len();
    let mut outputs = Outputs::new(&plan.inputs);
    outputs.folder(Some(&args.out), names);
    outputs.check()?;
    let precision = args.simulation.precision();
    plan::check_precision(&plan.scenarios, precision.as_ref())?;
    let report = plan::simulate_with(
        &plan.scenarios,
        args.simulation.threads.map(usize::from),
        precision.as_ref(),
    );
    let study = Study::new(&report, plan.baseline, plan.seed_source.clone())
        .titled(super::study_title(args.title.as_deref(), Some(&args.dir)));
    let mut contents = Contents::default();
    contents.folder(bundle::files(&study)?);
    outputs.write(contents)?;
    // The page a director reads first, as report.md opens: the summary and the ranking,
    // then every metric and difference for whoever checks them.
    let mut text = executive(&report);
    let ranking = table::ranking(&report, study.ranking.as_ref());
    if !ranking.is_empty() {
        text.push('\n');
        text.push_str(&ranking);
    }
    text.push('\n');
    text.push_str(&table::summary(&report));
    text.push_str(&super::describe_report(&report));
    if !study.comparisons.is_empty() {
        text.push('\n');
        text.push_str(&table::comparisons(&report, &study.comparisons));
    }
    text.push('\n');
    text.push_str(&table::wrap(
        &format!(
            "Wrote {} files into {}; start with {} in a browser (or {})",
            written,
            args.out.display(),
            args.out.join("report.html").display(),
            args.out.join("report.md").display()
        ),
        table::terminal_width(),
    ));
    terminal::print(&text)
}

/// The executive summary for the terminal under a line saying what it counts: its
/// figures in blocks that fit the width,
/// then each scenario's verdict on its targets as a folded line (a verdict can be longer
/// than a terminal is wide).
pub(crate) fn executive(report: &crate::report::Report) -> String {
    let mut rows =
        crate::export::executive::rows(report, &|n| crate::escape::one_line(n).into_owned());
    let verdicts: Vec<(String, String)> = rows
        .iter_mut()
        .skip(1)
        .filter_map(|r| r.pop().map(|v| (r[0].clone(), v)))
        .collect();
    if let Some(header) = rows.first_mut() {
        header.pop();
    }
    let width = table::terminal_width();
    let mut text = table::wrap(
        "Executive summary: means per simulated day; operating cost only (paid agent time), \
         converted to a month and a year with [costs]; service level and abandonment of the \
         live channels.",
        width,
    );
    text.push_str(&table::render_fitted(&rows, width));
    for (name, verdict) in verdicts {
        text.push_str(&table::wrap(&format!("{name}: {verdict}"), width));
    }
    text
}

//! `ccsim run`: simulate one or more scenarios and print them side by side; optionally
//! write the JSON report and the summary CSV, or the whole set of reports and charts
//! into a folder (`--out`, compared with `--baseline`). Every output is checked before
//! the simulation starts (a bad path, an output onto an input, two outputs to one place
//! fail at once); files are written before anything is printed.

use crate::cli::RunArgs;
use crate::error::Result;
use crate::export::{self, bundle, Contents, Outputs};
use crate::plan;
use crate::terminal;

/// Runs the `run` command.
pub fn run(args: &RunArgs) -> Result<()> {
    if let Some(shard) = args.shard {
        return crate::commands::merge::run_shard(args, shard);
    }
    let sim = &args.simulation;
    // With a baseline, the scenarios become a study: baseline first, one shared seed.
    let plan = match &args.baseline {
        Some(b) => plan::study_with(&args.files, Some(b), sim.replications, sim.seed, &sim.set)?,
        None => plan::separate(&args.files, sim.replications, sim.seed, &sim.set)?,
    };
    // With --calls-log, each replication also holds its rows until they are written.
    let logging = args.calls_log.is_some();
    crate::commands::configure_memory(sim.max_memory, sim.threads, &plan.scenarios, logging)?;
    if args.calls_log.is_some() && plan.scenarios.len() != 1 {
        return Err(crate::error::Error::Usage(
            "--calls-log logs one scenario: give one FILE and no --baseline".into(),
        ));
    }
    let mut outputs = Outputs::new(&plan.inputs);
    outputs.file("--json", args.output.json.as_deref());
    outputs.file("--csv", args.output.csv.as_deref());
    outputs.path("--calls-log", args.calls_log.as_deref());
    outputs.folder(
        args.output.out.as_deref(),
        bundle::file_names(&plan.outlines()),
    );
    outputs.check()?;

    let precision = sim.precision();
    plan::check_precision(&plan.scenarios, precision.as_ref())?;
    let report = plan::simulate_with(
        &plan.scenarios,
        sim.threads.map(usize::from),
        precision.as_ref(),
    );
    let study = crate::study::Study::new(&report, plan.baseline, plan.seed_source.clone())
        .titled(super::study_title(args.output.title.as_deref(), None));
    let mut contents = Contents::default();
    if outputs.wants("--json") {
        contents.add("--json", export::json::to_json(&report)?);
    }
    if outputs.wants("--csv") {
        contents.add("--csv", export::csv::summary(&report)?);
    }
    if outputs.folder_dir().is_some() {
        contents.folder(bundle::files(&study)?);
    }
    if let Some(path) = &args.calls_log {
        let threads = sim.threads.map(usize::from);
        let scenario = &plan.scenarios[0];
        contents.stream(
            "--calls-log",
            Box::new(move |w| super::fit_log::fill(scenario, path, threads, w).map(|_| ())),
        );
    }
    outputs.write(contents)?;
    if outputs.to_stdout() {
        return Ok(());
    }
    // A study (with a baseline) opens with its executive summary and ranking, as its
    // report does; a single scenario's run keeps the metrics table first.
    let mut text = String::new();
    let ranking = export::table::ranking(&report, study.ranking.as_ref());
    if plan.baseline.is_some() {
        text.push_str(&super::batch::executive(&report));
        if !ranking.is_empty() {
            text.push('\n');
            text.push_str(&ranking);
        }
        text.push('\n');
    }
    text.push_str(&export::table::summary(&report));
    text.push_str(&super::describe_report(&report));
    for s in &report.scenarios {
        let days = export::table::days(s);
        if !days.is_empty() {
            text.push('\n');
            text.push_str(&days);
        }
    }
    if args.intervals {
        for s in &report.scenarios {
            text.push('\n');
            text.push_str(&export::table::intervals(s));
        }
    }
    if !study.comparisons.is_empty() {
        text.push('\n');
        text.push_str(&export::table::comparisons(&report, &study.comparisons));
    }
    if plan.baseline.is_none() && !ranking.is_empty() {
        text.push('\n');
        text.push_str(&ranking);
    }
    terminal::print(&text)
}

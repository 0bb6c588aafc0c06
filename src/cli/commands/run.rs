//! `ccsim run`: simulate one or more scenarios and print them side by side; optionally
//! write the JSON report and the summary CSV, or the whole set of reports and charts
//! into a folder (`--out`, compared with `--baseline`). Every output is checked before
//! the simulation starts (a bad path, an output onto an input, two outputs to one place
//! fail at once); files are written before anything is printed.

use crate::cli::RunArgs;
use crate::error::Result;
use crate::export::{self, bundle, check_outputs, Output, Target};
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
    let json = args.json.as_deref().map(Target::parse);
    let csv = args.csv.as_deref().map(Target::parse);
    let mut outputs: Vec<Output> = Vec::new();
    outputs.extend(json.iter().map(|t| Output::new("--json", t.clone())));
    outputs.extend(csv.iter().map(|t| Output::new("--csv", t.clone())));
    if let Some(dir) = &args.out {
        outputs.extend(bundle::outputs(dir, &plan.outlines()));
    }
    let calls_log = args.calls_log.as_ref().map(|p| Target::File(p.clone()));
    if let Some(log) = &calls_log {
        if plan.scenarios.len() != 1 {
            return Err(crate::error::Error::Usage(
                "--calls-log logs one scenario: give one FILE and no --baseline".into(),
            ));
        }
        outputs.push(Output::new("--calls-log", log.clone()));
        log.check_writable()?;
    }
    check_outputs(&plan.inputs, &outputs)?;
    for t in json.iter().chain(csv.iter()) {
        t.check_writable()?;
    }
    if let Some(dir) = &args.out {
        bundle::prepare_dir(dir, &plan.outlines())?;
    }

    let precision = sim.precision();
    plan::check_precision(&plan.scenarios, precision.as_ref())?;
    let report = plan::simulate_with(
        &plan.scenarios,
        sim.threads.map(usize::from),
        precision.as_ref(),
    );
    let study = crate::study::Study::new(&report, plan.baseline, plan.seed_source.clone());
    let json_bytes = json
        .as_ref()
        .map(|_| export::json::to_json(&report))
        .transpose()?;
    let csv_bytes = csv
        .as_ref()
        .map(|_| export::csv::summary(&report))
        .transpose()?;
    // Files first, so a reader closing standard output early loses nothing on disk.
    let to_files = |t: &&Target| matches!(t, Target::File(_));
    for (t, bytes) in [(&json, &json_bytes), (&csv, &csv_bytes)] {
        if let (Some(t), Some(bytes)) = (t.as_ref().filter(to_files), bytes) {
            t.write(bytes)?;
        }
    }
    if let Some(dir) = &args.out {
        bundle::write(dir, &study)?;
    }
    if let Some(path) = &args.calls_log {
        super::fit_log::write(&plan.scenarios[0], path, sim.threads.map(usize::from))?;
    }
    for (t, bytes) in [(&json, &json_bytes), (&csv, &csv_bytes)] {
        if let (Some(Target::Stdout), Some(bytes)) = (t, bytes) {
            return terminal::write_stdout(bytes);
        }
    }
    let mut text = export::table::summary(&report);
    text.push_str(&super::describe_report(&report));
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
    let ranking = export::table::ranking(&report, study.ranking.as_ref());
    if !ranking.is_empty() {
        text.push('\n');
        text.push_str(&ranking);
    }
    terminal::print(&text)
}

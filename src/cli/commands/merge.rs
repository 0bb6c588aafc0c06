//! `ccsim run FILE --shard I/N --json PART.json` (one part of a run, see
//! [`crate::shard`]) and `ccsim merge PART...`: the parts, in any order, merged into the
//! report the unsharded run writes, byte for byte.

use std::path::PathBuf;

use crate::chart::Outline;
use crate::cli::{OutputArgs, RunArgs};
use crate::error::{Error, Result};
use crate::export::{self, bundle, Contents, Outputs};
use crate::plan;
use crate::progress;
use crate::runner::with_threads;
use crate::shard::{self, Shard};
use crate::terminal;

/// Options of `ccsim merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Every part file written by `ccsim run ... --shard I/N --json PART.json`, in any order.
    #[arg(required = true)]
    pub parts: Vec<PathBuf>,
    /// Where the reports go, as for `run`.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `run --shard I/N`: simulates this part and writes it with `--json`.
pub fn run_shard(args: &RunArgs, shard: Shard) -> Result<()> {
    let sim = &args.simulation;
    let refuse = |option: &str| {
        Err(Error::Usage(format!(
            "--shard writes one part for `ccsim merge`; {option} belongs on the merge (or the unsharded run)"
        )))
    };
    if args.output.csv.is_some() {
        return refuse("--csv");
    }
    if args.output.out.is_some() {
        return refuse("--out");
    }
    if args.intervals {
        return refuse("--intervals");
    }
    if args.calls_log.is_some() {
        return Err(Error::Usage(
            "--shard does not take --calls-log: a part holds raw values for `ccsim merge`, not \
             contacts; log the contacts with the unsharded `ccsim run FILE --calls-log CALLS.csv`"
                .into(),
        ));
    }
    if args.baseline.is_some() {
        return Err(Error::Usage(
            "--shard does not take --baseline: shard and merge each scenario's run, then compare with `ccsim run` or `batch`".into(),
        ));
    }
    if !sim.precision.is_empty() {
        return Err(Error::Usage(
            "--shard does not take --precision: where a run stops depends on every replication, which no one part has".into(),
        ));
    }
    if args.output.json.is_none() {
        return Err(Error::Usage(
            "--shard needs --json PART.json: where to write the part".into(),
        ));
    }
    let scenarios = plan::load_sources(&args.files, sim.replications, sim.seed, &sim.set)?;
    crate::commands::configure_memory(
        sim.max_memory,
        sim.threads,
        scenarios.iter().map(|(s, _)| s),
        false,
    )?;
    let mut outputs = Outputs::new(&args.files);
    outputs.file("--json", args.output.json.as_deref());
    outputs.check()?;
    let bar = progress::simulation_bar(
        scenarios.iter().map(|(s, _)| {
            let mine = shard.replications(s.simulation.replications).len();
            (s, mine as u32)
        }),
        &format!("shard {}/{}", shard.index, shard.count),
    );
    let seed_source = sim.seed.map(|_| "--seed".to_string());
    let bytes = with_threads(sim.threads.map(usize::from), || {
        shard::simulate_part(&scenarios, shard, seed_source, &|n| bar.inc(n))
    })?;
    bar.finish_and_clear();
    let mut contents = Contents::default();
    contents.add("--json", bytes);
    outputs.write(contents)
}

/// Runs the `merge` command.
pub fn run(args: &MergeArgs) -> Result<()> {
    let merged = shard::merge(&args.parts)?;
    let report = &merged.report;
    let outlines: Vec<Outline> = report.scenarios.iter().map(Outline::of).collect();
    let mut outputs = Outputs::new(&args.parts);
    outputs.file("--json", args.output.json.as_deref());
    outputs.file("--csv", args.output.csv.as_deref());
    outputs.folder(args.output.out.as_deref(), bundle::file_names(&outlines));
    outputs.check()?;
    let study = crate::study::Study::new(report, None, merged.seed_source.clone())
        .titled(super::study_title(args.output.title.as_deref(), None));
    let mut contents = Contents::default();
    if outputs.wants("--json") {
        contents.add("--json", export::json::to_json(report)?);
    }
    if outputs.wants("--csv") {
        contents.add("--csv", export::csv::summary(report)?);
    }
    if outputs.folder_dir().is_some() {
        contents.folder(bundle::files(&study)?);
    }
    outputs.write(contents)?;
    if outputs.to_stdout() {
        return Ok(());
    }
    terminal::print(&export::table::summary(report))
}

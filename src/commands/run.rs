//! `ccsim run`: simulate one or more scenarios and print them side by side; optionally
//! write the JSON report and the summary CSV, or the whole set of reports and charts
//! into a folder (`--out`, compared with `--baseline`). Output targets are checked before the
//! simulation starts, so a bad path fails at once.

use std::path::Path;

use crate::cli::RunArgs;
use crate::error::Result;
use crate::export::{self, Target};
use crate::progress;
use crate::report::{Report, ScenarioReport};
use crate::runner::{run_scenario, with_threads};
use crate::scenario::Scenario;

/// Loads the scenarios named on the command line (the embedded default when none),
/// with the command line's overrides applied.
pub fn load_scenarios(
    files: &[impl AsRef<Path>],
    replications: Option<u32>,
    seed: Option<u64>,
) -> Result<Vec<Scenario>> {
    let mut scenarios = if files.is_empty() {
        vec![Scenario::default_weekday()]
    } else {
        files
            .iter()
            .map(|f| Scenario::load(f.as_ref()))
            .collect::<std::result::Result<Vec<_>, _>>()?
    };
    for s in &mut scenarios {
        if let Some(r) = replications {
            s.simulation.replications = r;
        }
        if let Some(seed) = seed {
            s.simulation.seed = seed;
        }
    }
    Ok(scenarios)
}

/// Simulates every scenario (one progress bar for all) and builds the report.
pub fn simulate(scenarios: &[Scenario], threads: Option<usize>) -> Report {
    let total: u64 = scenarios
        .iter()
        .map(|s| u64::from(s.simulation.replications))
        .sum();
    let bar = progress::bar(total, "simulating");
    let reports = with_threads(threads, || {
        scenarios
            .iter()
            .map(|s| {
                bar.set_message(s.name.clone());
                let run = run_scenario(s, &|n| bar.inc(n));
                ScenarioReport::new(s, &run)
            })
            .collect()
    });
    bar.finish_and_clear();
    Report::new(reports)
}

/// Runs the `run` command.
pub fn run(args: &RunArgs) -> Result<()> {
    // With a baseline, the scenarios become a study: baseline first, one shared seed.
    let (scenarios, baseline, seed_source) = match &args.baseline {
        Some(b) => {
            let p = super::batch::plan(
                &args.files,
                Some(b),
                args.simulation.replications,
                args.simulation.seed,
            )?;
            (p.scenarios, p.baseline, p.seed_source)
        }
        None => (
            load_scenarios(
                &args.files,
                args.simulation.replications,
                args.simulation.seed,
            )?,
            None,
            args.simulation.seed.map(|_| "--seed".to_string()),
        ),
    };
    let json = args.json.as_deref().map(Target::parse);
    let csv = args.csv.as_deref().map(Target::parse);
    for t in json.iter().chain(csv.iter()) {
        t.check_writable()?;
    }
    if let Some(dir) = &args.out {
        export::bundle::prepare_dir(dir)?;
    }
    let report = simulate(&scenarios, args.simulation.threads.map(usize::from));
    let stdout_taken =
        json.as_ref() == Some(&Target::Stdout) || csv.as_ref() == Some(&Target::Stdout);
    if !stdout_taken {
        print!("{}", export::table::summary(&report));
        if args.intervals {
            for s in &report.scenarios {
                println!();
                print!("{}", export::table::intervals(s));
            }
        }
    }
    if let Some(t) = &json {
        t.write(&export::json::to_json(&report)?)?;
    }
    if let Some(t) = &csv {
        t.write(&export::csv::summary(&report)?)?;
    }
    let study = export::bundle::Study::new(&report, baseline, seed_source);
    if !stdout_taken && !study.comparisons.is_empty() {
        println!();
        print!(
            "{}",
            export::table::comparisons(&report, &study.comparisons)
        );
    }
    if let Some(dir) = &args.out {
        export::bundle::write(dir, &study)?;
    }
    Ok(())
}

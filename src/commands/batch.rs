//! `ccsim batch DIR`: a study of every `*.toml` in a folder. All files are validated
//! before anything runs, all scenarios share one seed (common random numbers, so their
//! differences are measured precisely), and the whole set of reports and charts goes into
//! one output folder, checked before the simulation starts.

use std::path::{Path, PathBuf};

use crate::cli::BatchArgs;
use crate::error::{Error, Result};
use crate::export::bundle::{self, Study};
use crate::export::table;
use crate::scenario::Scenario;

use super::run::simulate;

/// Scenarios ready to simulate as one study.
#[derive(Debug)]
pub struct Plan {
    /// The scenarios, the baseline first when there is one.
    pub scenarios: Vec<Scenario>,
    /// Index of the baseline (0 when given).
    pub baseline: Option<usize>,
    /// Where the shared seed came from, for the report.
    pub seed_source: Option<String>,
}

/// Loads and validates every file (stopping at the first bad one), puts the baseline
/// first (loading it when it is not among `files`), and gives every scenario the same
/// seed: `seed` when given, else the first scenario's. `replications` overrides every file's.
pub fn plan(
    files: &[PathBuf],
    baseline: Option<&Path>,
    replications: Option<u32>,
    seed: Option<u64>,
) -> Result<Plan> {
    let mut scenarios = super::run::load_scenarios(files, replications, None)?;
    let mut paths: Vec<PathBuf> = files.to_vec();
    let baseline = match baseline {
        None => None,
        Some(b) => {
            let same = |p: &Path| match (p.canonicalize(), b.canonicalize()) {
                (Ok(x), Ok(y)) => x == y,
                _ => p == b,
            };
            let i = match paths.iter().position(|p| same(p)) {
                Some(i) => i,
                None => {
                    let mut s = super::run::load_scenarios(&[b], replications, None)?;
                    scenarios.push(s.remove(0));
                    paths.push(b.to_path_buf());
                    scenarios.len() - 1
                }
            };
            let s = scenarios.remove(i);
            scenarios.insert(0, s);
            let p = paths.remove(i);
            paths.insert(0, p);
            Some(0)
        }
    };
    let (common, source) = match (seed, scenarios.first()) {
        (Some(s), _) => (s, "--seed".to_string()),
        (None, Some(first)) => (
            first.simulation.seed,
            format!(
                "the seed of {}",
                paths
                    .first()
                    .and_then(|p| p.file_name())
                    .map_or_else(|| first.name.clone(), |n| n.to_string_lossy().into_owned())
            ),
        ),
        (None, None) => return Err(Error::Other("no scenario to simulate".into())),
    };
    for s in &mut scenarios {
        s.simulation.seed = common;
    }
    Ok(Plan {
        scenarios,
        baseline,
        seed_source: Some(source),
    })
}

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
    let plan = plan(
        &files,
        args.baseline.as_deref(),
        args.simulation.replications,
        args.simulation.seed,
    )?;
    bundle::prepare_dir(&args.out)?;
    let report = simulate(&plan.scenarios, args.simulation.threads.map(usize::from));
    print!("{}", table::summary(&report));
    let study = Study::new(&report, plan.baseline, plan.seed_source);
    if !study.comparisons.is_empty() {
        println!();
        print!("{}", table::comparisons(&report, &study.comparisons));
    }
    let written = bundle::write(&args.out, &study)?;
    println!(
        "\nWrote {} files into {}; start with {}",
        written.len(),
        args.out.display(),
        args.out.join("report.md").display()
    );
    Ok(())
}

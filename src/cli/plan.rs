//! Scenarios made ready to simulate, shared by `run` and `batch`: the files loaded with
//! the command line's overrides, a study's order and common seed, and one call that
//! simulates them all under one progress bar and returns the report.

use std::path::{Path, PathBuf};

use crate::chart::Outline;
use crate::error::{Error, Result};
use crate::overrides::{self, Set};
use crate::precision::Precision;
use crate::progress;
use crate::report::{Report, ScenarioReport};
use crate::runner::{run_scenario, with_threads};
use crate::scenario::Scenario;

/// Scenarios ready to simulate, and how they relate.
#[derive(Debug)]
pub struct Plan {
    /// The scenarios, the baseline first when there is one.
    pub scenarios: Vec<Scenario>,
    /// Index of the baseline (0 when given).
    pub baseline: Option<usize>,
    /// Where the seed shared by every scenario came from, for the report.
    pub seed_source: Option<String>,
    /// Every file read, so that no output overwrites one of them.
    pub inputs: Vec<PathBuf>,
}

impl Plan {
    /// The scenario names, in order (what output file names are derived from).
    pub fn names(&self) -> Vec<&str> {
        self.scenarios.iter().map(|s| s.name.as_str()).collect()
    }

    /// What each scenario's charts depend on, in order (what output file names are
    /// derived from): its name, and a centre's type names and groups.
    pub fn outlines(&self) -> Vec<Outline> {
        self.scenarios.iter().map(outline).collect()
    }
}

/// The chart outline of a validated scenario: the same as the one its report gives
/// ([`Outline::of`]), so the files checked before simulating are the files written.
pub fn outline(s: &Scenario) -> Outline {
    let (listed, _) = s.listed();
    Outline {
        name: s.name.clone(),
        types: listed.iter().map(|t| t.name.clone()).collect(),
        groups: !listed.is_empty(),
        email: listed
            .iter()
            .any(|t| t.channel == crate::scenario::Channel::Email),
        dated: s.simulation.start_date.is_some(),
    }
}

/// Loads the scenarios named on the command line (the embedded default when none),
/// with the command line's overrides applied and checked against the size caps.
pub fn load_scenarios(
    files: &[impl AsRef<Path>],
    replications: Option<u32>,
    seed: Option<u64>,
) -> Result<Vec<Scenario>> {
    load_with(files, replications, seed, &[])
}

/// [`load_scenarios`] with `--set` overrides applied to every file before validation.
pub fn load_with(
    files: &[impl AsRef<Path>],
    replications: Option<u32>,
    seed: Option<u64>,
    sets: &[Set],
) -> Result<Vec<Scenario>> {
    Ok(load_sources(files, replications, seed, sets)?
        .into_iter()
        .map(|(s, _)| s)
        .collect())
}

/// [`load_with`], keeping each scenario's text as simulated (after `--set`).
pub fn load_sources(
    files: &[impl AsRef<Path>],
    replications: Option<u32>,
    seed: Option<u64>,
    sets: &[Set],
) -> Result<Vec<(Scenario, String)>> {
    let mut scenarios = if files.is_empty() {
        vec![overrides::load(None, sets)?]
    } else {
        files
            .iter()
            .map(|f| overrides::load(Some(f.as_ref()), sets))
            .collect::<Result<Vec<_>>>()?
    };
    for (s, _) in &mut scenarios {
        if let Some(r) = replications {
            s.simulation.replications = r;
            s.check_run_size()
                .map_err(|e| Error::Usage(format!("-n {r}: {e}")))?;
        }
        if let Some(seed) = seed {
            s.simulation.seed = seed;
        }
    }
    Ok(scenarios)
}

/// Each scenario on its own seed: what `run` without `--baseline` simulates.
pub fn separate(
    files: &[PathBuf],
    replications: Option<u32>,
    seed: Option<u64>,
    sets: &[Set],
) -> Result<Plan> {
    Ok(Plan {
        scenarios: load_with(files, replications, seed, sets)?,
        baseline: None,
        seed_source: seed.map(|_| "--seed".to_string()),
        inputs: files.to_vec(),
    })
}

/// A study: loads and validates every file (stopping at the first bad one), puts the
/// baseline first (loading it when it is not among `files`), and gives every scenario the
/// same seed: `seed` when given, else the first scenario's. `replications` overrides every file's.
pub fn study(
    files: &[PathBuf],
    baseline: Option<&Path>,
    replications: Option<u32>,
    seed: Option<u64>,
) -> Result<Plan> {
    study_with(files, baseline, replications, seed, &[])
}

/// [`study`] with `--set` overrides applied to every file (the baseline too).
pub fn study_with(
    files: &[PathBuf],
    baseline: Option<&Path>,
    replications: Option<u32>,
    seed: Option<u64>,
    sets: &[Set],
) -> Result<Plan> {
    let mut scenarios = load_with(files, replications, None, sets)?;
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
                    let mut s = load_with(&[b], replications, None, sets)?;
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
        inputs: paths,
    })
}

/// Simulates every scenario (one progress bar for all) and builds the report.
pub fn simulate(scenarios: &[Scenario], threads: Option<usize>) -> Report {
    simulate_with(scenarios, threads, None)
}

/// Checks `--precision` against every scenario before anything is simulated.
pub fn check_precision(scenarios: &[Scenario], precision: Option<&Precision>) -> Result<()> {
    if let Some(p) = precision {
        for s in scenarios {
            p.check(s).map_err(Error::Usage)?;
        }
    }
    Ok(())
}

/// One scenario's report, simulated to the precision asked for when there is one.
pub fn simulate_one(
    s: &Scenario,
    precision: Option<&Precision>,
    progress: &(dyn Fn(u64) + Sync),
) -> ScenarioReport {
    match precision {
        None => ScenarioReport::new(s, &run_scenario(s, progress)),
        Some(p) => {
            let (run, outcome) = p.run(s, progress);
            let mut taken = s.clone();
            taken.simulation.replications = run.replications();
            let mut r = ScenarioReport::new(&taken, &run);
            if !outcome.met {
                r.warnings.push(format!(
                    "--precision not met: stopped at --max-replications {}",
                    outcome.max_replications
                ));
            }
            r.precision = Some(outcome);
            r
        }
    }
}

/// [`simulate`] with `--precision`: each scenario in blocks until its targets are met.
pub fn simulate_with(
    scenarios: &[Scenario],
    threads: Option<usize>,
    precision: Option<&Precision>,
) -> Report {
    let bar = progress::simulation_bar(
        scenarios.iter().map(|s| (s, s.simulation.replications)),
        "simulating",
    );
    let reports = with_threads(threads, || {
        scenarios
            .iter()
            .map(|s| {
                bar.set_message(crate::escape::one_line(&s.name).into_owned());
                simulate_one(s, precision, &|n| bar.inc(n))
            })
            .collect()
    });
    bar.finish_and_clear();
    Report::new(reports)
}

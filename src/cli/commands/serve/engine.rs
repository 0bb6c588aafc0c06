//! What the API computes, free of HTTP: a scenario's text and the request's options in,
//! the JSON `ccsim run --json` writes (or a paired comparison) out. The simulation runs
//! in blocks of replications with a cancel flag checked between blocks, so a request the
//! page has replaced stops within one block; replications are folded in order, so the
//! figures are the same bit for bit as one uninterrupted run.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::compare::{compare, Comparison};
use crate::overrides::{self, Set};
use crate::report::{Report, ScenarioReport};
use crate::runner::{extend_run, ScenarioRun};
use crate::scenario::Scenario;

/// Replications simulated between two looks at the cancel flag.
const BLOCK: u32 = 32;

/// Why a request got no result.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The scenario or an option is wrong: the message says which and why.
    Bad(String),
    /// A newer request from the same page replaced this one.
    Cancelled,
    /// The result could not be serialised.
    Internal(String),
}

/// The options of one request, checked.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Overrides every replication count (as `-n`).
    pub replications: Option<u32>,
    /// Overrides the master seed (as `--seed`).
    pub seed: Option<u64>,
    /// Field overrides (as `--set`), in order.
    pub sets: Vec<Set>,
    /// The file name the scenario is known by (errors, the report's `file`); never opened.
    pub file: String,
    /// The most replications one request may simulate.
    pub max_replications: u32,
    /// Answer the summary CSV (`ccsim run --csv`) instead of the JSON report.
    pub csv: bool,
}

/// Validates the text with the options applied, exactly as `ccsim run FILE -n N --seed S
/// --set …` would load it.
pub fn load(text: &str, opts: &Options) -> Result<Scenario, Failure> {
    let (mut s, _) = overrides::load_source(text, Path::new(&opts.file), &opts.sets)
        .map_err(|e| Failure::Bad(e.to_string()))?;
    if let Some(r) = opts.replications {
        s.simulation.replications = r;
        s.check_run_size()
            .map_err(|e| Failure::Bad(format!("replications={r}: {e}")))?;
    }
    if let Some(seed) = opts.seed {
        s.simulation.seed = seed;
    }
    if s.simulation.replications > opts.max_replications {
        return Err(Failure::Bad(format!(
            "{} replications asked for; this server simulates at most {} per request (serve --max-replications)",
            s.simulation.replications, opts.max_replications
        )));
    }
    Ok(s)
}

/// The scenario's text with the overrides applied (layout and comments kept), once it
/// validates: what the page saves as the changed scenario.
pub fn edited(text: &str, opts: &Options) -> Result<String, Failure> {
    load(text, opts)?;
    overrides::load_source(text, Path::new(&opts.file), &opts.sets)
        .map(|(_, t)| t)
        .map_err(|e| Failure::Bad(e.to_string()))
}

/// Simulates every replication of `s`, giving up between blocks once `cancel` is set.
pub fn simulate(s: &Scenario, cancel: &AtomicBool) -> Result<ScenarioReport, Failure> {
    let mut run = ScenarioRun::empty(s);
    let n = s.simulation.replications;
    let mut from = 0;
    while from < n {
        if cancel.load(Ordering::Relaxed) {
            return Err(Failure::Cancelled);
        }
        let to = from.saturating_add(BLOCK).min(n);
        extend_run(&mut run, s, from, to, &|_| {});
        from = to;
    }
    Ok(ScenarioReport::new(s, &run))
}

/// The JSON report of one scenario, as `ccsim run --json` writes it.
pub fn report_json(r: ScenarioReport) -> Result<Vec<u8>, Failure> {
    crate::export::json::to_json(&Report::new(vec![r]))
        .map_err(|e| Failure::Internal(e.to_string()))
}

/// `POST /api/run`: the scenario simulated, as `ccsim run --json` (or `--csv`) writes it.
pub fn run(text: &str, opts: &Options, cancel: &AtomicBool) -> Result<Vec<u8>, Failure> {
    let s = load(text, opts)?;
    let r = simulate(&s, cancel)?;
    if opts.csv {
        return crate::export::csv::summary(&Report::new(vec![r]))
            .map_err(|e| Failure::Internal(e.to_string()));
    }
    report_json(r)
}

/// Reports of scenarios as loaded (no override), kept for the next comparison: a page
/// moving levers compares every change with the same unchanged scenario.
#[derive(Debug, Default)]
pub struct Baselines {
    kept: Mutex<Vec<(String, ScenarioReport)>>,
}

/// How many unchanged scenarios are kept.
const KEPT: usize = 8;

impl Baselines {
    fn get_or_simulate(
        &self,
        text: &str,
        opts: &Options,
        cancel: &AtomicBool,
    ) -> Result<ScenarioReport, Failure> {
        let key = format!(
            "{}\n{:?}\n{:?}\n{}\n{}",
            opts.file, opts.replications, opts.seed, opts.max_replications, text
        );
        if let Some((_, r)) = self.lock().iter().find(|(k, _)| *k == key) {
            return Ok(r.clone());
        }
        let plain = Options {
            sets: Vec::new(),
            ..opts.clone()
        };
        let r = simulate(&load(text, &plain)?, cancel)?;
        let mut kept = self.lock();
        if kept.len() >= KEPT {
            kept.remove(0);
        }
        kept.push((key, r.clone()));
        Ok(r)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(String, ScenarioReport)>> {
        // A panic elsewhere leaves a list of complete reports: still usable.
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `POST /api/compare`: the changed scenario's report and its paired difference from the
/// scenario as loaded (same seed, so common random numbers), as
/// `{"report": …, "comparison": …}`.
pub fn compare_json(
    text: &str,
    opts: &Options,
    baselines: &Baselines,
    cancel: &AtomicBool,
) -> Result<Vec<u8>, Failure> {
    let mut changed = load(text, opts)?;
    let base = baselines.get_or_simulate(text, opts, cancel)?;
    // An override of the seed would unpair them: the difference is of the levers alone.
    changed.simulation.seed = base.seed;
    let r = simulate(&changed, cancel)?;
    let comparison: Comparison = compare(&r, &base);
    let report =
        serde_json::to_value(Report::new(vec![r])).map_err(|e| Failure::Internal(e.to_string()))?;
    let body = serde_json::json!({ "report": report, "comparison": comparison });
    serde_json::to_vec(&body).map_err(|e| Failure::Internal(e.to_string()))
}

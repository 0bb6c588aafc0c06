//! `ccsim staff`: the cheapest paid agents per interval that meet the scenario's
//! `[targets]` (for a centre: per group and interval, meeting every type's
//! `[types.targets]`), found by simulation from the Erlang (SIPP) plan (see
//! [`crate::staffing`] for the search). Prints both plans side by side and can write
//! the new plan as a scenario file that `ccsim run` accepts as it is. A plan that
//! misses a target is an error (exit status 1) naming each interval, target and why;
//! it is written only with `--allow-misses`, under a header that lists the misses.
//! The output is checked before the search (never onto the input scenario) and
//! written before the report is printed.

mod layout;
mod money;
mod render;
mod toml;

use std::path::{Path, PathBuf};

pub use render::render_outcome;
pub use toml::{plan_toml, PlanSource};

use crate::error::{Error, Result};
use crate::export::{check_outputs, Output, Target};
use crate::limits;
use crate::runner::with_threads;
use crate::scenario::Scenario;
use crate::staffing::{self, Options, Progress};
use crate::terminal;

/// Options of `ccsim staff`.
#[derive(Debug, clap::Args)]
pub struct StaffArgs {
    /// The scenario file whose `[staffing]` agents (or each `[[groups]]` agents) are to
    /// be planned (needs `[targets]`, or `[types.targets]`); none = the embedded default
    /// scenario.
    pub file: Option<PathBuf>,
    /// Write the scenario with the new plan as its `[staffing]` (or `[[groups]]`) agents
    /// to this file (only when the plan meets every target, unless --allow-misses).
    #[arg(long, value_name = "PLAN.toml")]
    pub out: Option<PathBuf>,
    /// Plan on the 95 % confidence bound of each target (the unfavourable end of its
    /// interval) instead of the mean, so most intervals meet it on most days.
    #[arg(long)]
    pub confidence: bool,
    /// Write the plan with --out even when it misses targets (its header lists the
    /// misses); the exit status is 1 all the same.
    #[arg(long, requires = "out")]
    pub allow_misses: bool,
    /// Fewest paid agents in any interval (of any group).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(..=i64::from(limits::MAX_AGENTS)))]
    pub min_agents: Option<u32>,
    /// Most paid agents in any interval (of any group).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(..=i64::from(limits::MAX_AGENTS)))]
    pub max_agents: Option<u32>,
    /// Largest change of paid agents between consecutive intervals (of any group).
    #[arg(long, value_name = "N")]
    pub max_step: Option<u32>,
    /// Replications per candidate plan during the search (default: a quarter of the
    /// file's within 40 to 60, at most the file's); the final plan is judged with the
    /// file's replications, then confirmed on fresh ones.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(2..=i64::from(limits::MAX_REPLICATIONS)))]
    pub search_replications: Option<u32>,
    /// Most simulations the search may run.
    #[arg(long, value_name = "N", default_value_t = staffing::DEFAULT_MAX_SIMULATIONS)]
    pub max_simulations: usize,
    /// Worker threads (default: all cores); never changes results.
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Memory the replications in flight may take (see `run --max-memory`).
    #[arg(long, value_name = "SIZE", value_parser = crate::memory::parse_bytes)]
    pub max_memory: Option<u64>,
    /// Override a scenario field before planning (see `run --set`); the plan written
    /// with --out keeps the override.
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = crate::overrides::parse_set)]
    pub set: Vec<crate::overrides::Set>,
}

/// Runs the command: a plan that misses a target is an error (exit status 1), written
/// only with --allow-misses, after the report is printed.
pub fn run(args: &StaffArgs) -> Result<()> {
    let (source, file, inputs) = match &args.file {
        Some(file) => {
            let source = std::fs::read_to_string(file).map_err(|e| {
                Error::Scenario(crate::scenario::ScenarioError {
                    file: file.clone(),
                    field: String::new(),
                    line: None,
                    message: format!("cannot read the scenario file: {e}"),
                })
            })?;
            (source, file.clone(), vec![file.clone()])
        }
        None => (
            crate::scenario::DEFAULT_SCENARIO.to_string(),
            PathBuf::from(crate::scenario::DEFAULT_SCENARIO_PATH),
            Vec::new(),
        ),
    };
    let (scenario, source) = crate::overrides::load_source(&source, &file, &args.set)?;
    if let Some(why) = staffing::nothing_to_staff(&scenario, &file) {
        return Err(Error::Other(why));
    }
    if let (Some(lo), Some(hi)) = (args.min_agents, args.max_agents) {
        if lo > hi {
            return Err(Error::Usage(format!(
                "--min-agents {lo} is above --max-agents {hi}"
            )));
        }
    }
    let out = args.out.as_ref().map(|p| Target::File(p.clone()));
    if let Some(out) = &out {
        check_outputs(&inputs, &[Output::new("--out", out.clone())])?;
        out.check_writable()?;
        // Fail before the search if the file cannot be rewritten.
        written(
            &source,
            &file,
            &scenario,
            &current_plan(&scenario),
            None,
            "",
            None,
        )?;
    }
    let opts = Options {
        min_agents: args.min_agents,
        max_agents: args.max_agents,
        max_step: args.max_step,
        search_replications: args.search_replications,
        max_simulations: Some(args.max_simulations),
        criterion: if args.confidence {
            staffing::Criterion::Bound
        } else {
            staffing::Criterion::Mean
        },
    };
    crate::commands::configure_memory(args.max_memory, args.threads, [&scenario], false)?;
    let bar = crate::progress::spinner();
    let report = |p: &Progress| {
        bar.set_message(format!(
            "{}: {}, simulation {}/{}, {} interval(s) missing",
            crate::escape::one_line(&scenario.name),
            p.phase,
            p.simulations,
            p.max_simulations,
            p.missed
        ));
    };
    let outcome = with_threads(args.threads.map(usize::from), || {
        staffing::search(&scenario, &opts, &report)
    });
    bar.finish_and_clear();
    let outcome = outcome.map_err(Error::Usage)?;
    let misses: Vec<String> = outcome
        .misses
        .iter()
        .map(|m| staffing::describe_miss(&scenario, m))
        .collect();
    let mut text = render_outcome(&scenario, &outcome);
    // Files first, so a reader closing standard output early loses nothing on disk.
    if let Some(out) = &out {
        if misses.is_empty() || args.allow_misses {
            let missed = (!misses.is_empty()).then_some(misses.as_slice());
            let toml = written(
                &source,
                &file,
                &scenario,
                &outcome.plan.paid,
                missed,
                outcome.criterion.describe(),
                staffing::confirmation(&scenario, &outcome).as_deref(),
            )?;
            out.write(toml.as_bytes())?;
            text.push_str(&format!("plan written to {}\n", out.describe()));
        } else {
            text.push_str(&format!(
                "no plan written to {}: it misses targets (--allow-misses writes it anyway)\n",
                out.describe()
            ));
        }
    }
    terminal::print(&text)?;
    if misses.is_empty() {
        return Ok(());
    }
    Err(Error::Other(format!(
        "{}: the plan misses {} target(s) in {} interval(s){}:\n  {}",
        file.display(),
        misses.len(),
        places(&outcome.misses),
        layout::Layout::of(&scenario).scope,
        misses.join("\n  ")
    )))
}

/// The (type, interval) places the misses are in.
fn places(misses: &[staffing::Miss]) -> usize {
    let mut at: Vec<(usize, usize)> = misses
        .iter()
        .map(|m| (m.contact_type, m.interval))
        .collect();
    at.sort_unstable();
    at.dedup();
    at.len()
}

/// The file's own plan, laid out as the search's (group after group for a centre).
fn current_plan(s: &Scenario) -> Vec<u32> {
    s.groups
        .iter()
        .flat_map(|g| g.staffing.paid.iter().copied())
        .collect()
}

/// The scenario text with `paid` as its agents (see [`plan_toml`]).
fn written(
    source: &str,
    from: &Path,
    s: &Scenario,
    paid: &[u32],
    misses: Option<&[String]>,
    criterion: &str,
    confirmed: Option<&str>,
) -> Result<String> {
    let plan = PlanSource {
        source,
        from,
        paid,
        intervals: s.intervals(),
        groups: s.is_centre(),
    };
    plan_toml(&plan, misses, criterion, confirmed)
}

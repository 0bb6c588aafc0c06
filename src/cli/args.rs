//! The command line, as clap derive types only: raw values, checked later by each command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands::erlang::ErlangArgs;
use crate::commands::fit::FitArgs;
use crate::commands::forecast::ForecastArgs;
use crate::commands::merge::MergeArgs;
use crate::commands::schedule::ScheduleArgs;
use crate::commands::serve::ServeArgs;
use crate::commands::staff::StaffArgs;
use crate::commands::sweep::SweepArgs;
use crate::limits;

/// ccsim: contact-centre staffing and cost simulator (discrete-event Monte Carlo).
#[derive(Debug, Parser)]
#[command(name = "ccsim", version, about, long_about = None)]
pub struct Cli {
    /// What to do; without a command, `run` on the embedded default scenario.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Simulate scenarios (no FILE = the embedded default scenario).
    Run(RunArgs),
    /// Validate scenario files and print them resolved.
    Check(CheckArgs),
    /// Closed-form Erlang B / C / A figures for one interval.
    Erlang(ErlangArgs),
    /// A study of every *.toml in a folder: tables, CSV, JSON, Markdown and charts.
    Batch(BatchArgs),
    /// The cheapest paid agents per interval that meet [targets], found by simulation.
    Staff(StaffArgs),
    /// One run per point of a grid of one or two levers, same seed for every point.
    Sweep(SweepArgs),
    /// Merge the parts of `run --shard I/N` into the report of the whole run.
    Merge(MergeArgs),
    /// A scenario fitted from the centre's contact export (volumes, day_cv, handle time, patience).
    Fit(FitArgs),
    /// Contacts per date, interval and type for the days ahead, from history, with a scenario to run.
    Forecast(ForecastArgs),
    /// The cheapest roster of shifts meeting [targets]: an integer program, then simulation and repair.
    Schedule(ScheduleArgs),
    /// A local web page to move a scenario's levers and see the simulated results live.
    Serve(ServeArgs),
}

/// Options of `ccsim run`.
#[derive(Debug, Args, Default)]
pub struct RunArgs {
    /// Scenario files (TOML); none = the embedded default scenario.
    pub files: Vec<PathBuf>,
    /// Replications, seed and threads.
    #[command(flatten)]
    pub simulation: SimulationArgs,
    /// Also print the per-interval table.
    #[arg(long)]
    pub intervals: bool,
    /// Where the reports go: --json, --csv, --out, --title.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Compare every scenario with this one (paired, same seed, with ROI); added when not among FILE.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Simulate only replications I, I+N, I+2N, ... (counted from 1) and write their raw
    /// values with --json PART.json, for `ccsim merge`.
    #[arg(long, value_name = "I/N", value_parser = crate::shard::parse_shard)]
    pub shard: Option<crate::shard::Shard>,
    /// Write one row per contact (answered, abandoned, blocked, deflected) of one scenario
    /// to this CSV, in the columns `ccsim fit` reads plus replication and day.
    #[arg(long, value_name = "CALLS.csv")]
    pub calls_log: Option<PathBuf>,
}

/// Where a study's reports go: shared by `run` and `merge`, whose reports are the same.
/// (`batch` always writes a folder, `ccsim-out` by default, and `sweep` writes a sweep's
/// own files without a title: theirs are declared with them.)
#[derive(Debug, Args, Default)]
pub struct OutputArgs {
    /// Write the JSON report to PATH ("-" = stdout).
    #[arg(long, value_name = "PATH|-")]
    pub json: Option<String>,
    /// Write the summary CSV to PATH ("-" = stdout).
    #[arg(long, value_name = "PATH|-")]
    pub csv: Option<String>,
    /// Write every report and chart into DIR (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The study's short name in its report's title (default: the scenarios' names).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

/// Options of `ccsim batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Folder of scenario files: every *.toml in it, in file-name order.
    pub dir: PathBuf,
    /// Folder for the reports and charts (created if missing).
    #[arg(long, value_name = "DIR", default_value = "ccsim-out")]
    pub out: PathBuf,
    /// The scenario the others are compared against, put first; added when not in DIR.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// The study's short name in its report's title (default: the folder's name).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Replications, seed and threads.
    #[command(flatten)]
    pub simulation: SimulationArgs,
}

/// How much to simulate and on how many threads: shared by `run` and `batch`.
#[derive(Debug, Args, Default)]
pub struct SimulationArgs {
    /// Override every file's number of replications (2 to 1000000; the run's contacts
    /// stay capped too).
    #[arg(short = 'n', long, value_parser = clap::value_parser!(u32).range(2..=i64::from(limits::MAX_REPLICATIONS)))]
    pub replications: Option<u32>,
    /// Override the master seed (with --baseline or in a batch, of every scenario: by
    /// default the baseline's, else the first scenario's); 0 to 2^63 − 1, as in a file.
    #[arg(long, value_parser = clap::value_parser!(u64).range(..=i64::MAX as u64))]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores); never changes results.
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Memory the replications in flight may take (e.g. 2G, 512M; default: half of the
    /// machine's memory): fewer in flight when they are large; never changes results.
    #[arg(long, value_name = "SIZE", value_parser = crate::memory::parse_bytes)]
    pub max_memory: Option<u64>,
    /// Override a scenario field (of every file): dotted KEY, TOML VALUE, e.g.
    /// staffing.shrinkage=0.25 or 'staffing.agents=[5,9,12]'; repeatable. A signed
    /// agents value (+2, -3) is added to every interval.
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = crate::overrides::parse_set)]
    pub set: Vec<crate::overrides::Set>,
    /// Simulate in blocks until this metric's 95 % half-width is at most HALF_WIDTH (in
    /// the metric's unit; shares as fractions: service_level=0.01); repeatable.
    #[arg(long, value_name = "KEY=HALF_WIDTH", value_parser = crate::precision::parse_target)]
    pub precision: Vec<crate::precision::Target>,
    /// With --precision: the most replications per scenario (default 10000).
    #[arg(long, value_name = "N", requires = "precision", value_parser = clap::value_parser!(u32).range(2..=i64::from(limits::MAX_REPLICATIONS)))]
    pub max_replications: Option<u32>,
}

impl SimulationArgs {
    /// The precision asked for, if any.
    pub fn precision(&self) -> Option<crate::precision::Precision> {
        crate::precision::from_args(&self.precision, self.max_replications)
    }
}

/// Options of `ccsim check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Scenario files to validate.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Override a scenario field before checking it (see `run --set`); repeatable.
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = crate::overrides::parse_set)]
    pub set: Vec<crate::overrides::Set>,
}

//! The command line, as clap derive types only: raw values, checked later by each command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands::erlang::ErlangArgs;

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
}

/// Options of `ccsim run`.
#[derive(Debug, Args, Default)]
pub struct RunArgs {
    /// Scenario files (TOML); none = the embedded default scenario.
    pub files: Vec<PathBuf>,
    /// Override the file's number of replications.
    #[arg(short = 'n', long, value_parser = clap::value_parser!(u32).range(2..))]
    pub replications: Option<u32>,
    /// Override the file's master seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores); never changes results.
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Also print the per-interval table.
    #[arg(long)]
    pub intervals: bool,
    /// Write the JSON report to PATH ("-" = stdout).
    #[arg(long, value_name = "PATH|-")]
    pub json: Option<String>,
    /// Write the summary CSV to PATH ("-" = stdout).
    #[arg(long, value_name = "PATH|-")]
    pub csv: Option<String>,
}

/// Options of `ccsim check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Scenario files to validate.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

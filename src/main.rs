//! The `ccsim` binary: parse the command line, dispatch, print the error and set the
//! exit status (0 success or a reader that closed the pipe, 1 bad scenario or I/O, 2 usage).

use clap::Parser;

use ccsim::cli::{Cli, Command, RunArgs};
use ccsim::commands;

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        None => commands::run::run(&RunArgs::default()),
        Some(Command::Run(args)) => commands::run::run(args),
        Some(Command::Check(args)) => commands::check::run(args),
        Some(Command::Erlang(args)) => commands::erlang::run(args),
        Some(Command::Batch(args)) => commands::batch::run(args),
        Some(Command::Staff(args)) => commands::staff::run(args),
        Some(Command::Sweep(args)) => commands::sweep::run(args),
        Some(Command::Merge(args)) => commands::merge::run(args),
        Some(Command::Fit(args)) => commands::fit::run(args),
        Some(Command::Forecast(args)) => commands::forecast::run(args),
        Some(Command::Schedule(args)) => commands::schedule::run(args),
        Some(Command::Serve(args)) => commands::serve::run(args),
    };
    match result {
        Ok(()) | Err(ccsim::error::Error::ClosedPipe) => {}
        Err(e) => {
            ccsim::terminal::warn(&format!("error: {e}"));
            std::process::exit(e.exit_code());
        }
    }
}

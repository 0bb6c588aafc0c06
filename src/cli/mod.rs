//! The command line: its arguments, one module per subcommand, the terminal and the
//! progress bar. The only layer that reads options or prints.

mod args;
pub mod commands;
pub mod plan;
pub mod progress;

pub use args::*;

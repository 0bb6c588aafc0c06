//! One module per subcommand, each with a `run` function: parse → validate → simulate →
//! report, every step returning `Result`.

pub mod batch;
pub mod check;
pub mod erlang;
pub mod fit;
pub mod fit_log;
pub mod merge;
pub mod run;
pub mod schedule;
pub mod staff;
pub mod sweep;

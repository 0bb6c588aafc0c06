//! One module per subcommand, each with a `run` function: parse → validate → simulate →
//! report, every step returning `Result`.

pub mod batch;
pub mod check;
pub mod erlang;
pub mod run;
pub mod schedule;
pub mod staff;

//! Input: a scenario file read, overridden (`--set`) and validated into the one
//! `Scenario` every later layer reads. Knows nothing of simulation or output.

pub mod overrides;
pub mod scenario;

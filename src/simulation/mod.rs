//! Simulation: the contact-centre model on the event queue, its streamed counters and
//! the replication runner. Reads a validated scenario; knows nothing of files or reports.

pub mod by_day;
pub mod memory;
pub mod metrics;
pub mod model;
pub mod runner;

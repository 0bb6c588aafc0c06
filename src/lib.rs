//! ccsim: a contact-centre staffing and cost simulator.
//!
//! ```text
//! scenario file ──► scenario::Scenario ──► model::Centre (on engine::EventQueue)
//!   (TOML)          (validated)              one replication → metrics::ReplicationCounters
//!                                                   │
//!          runner (rayon, in replication order) ◄───┘
//!                   │ stats::Running per metric
//!                   ▼
//!          report::Report ──► export (table, JSON, CSV)
//! ```
//! Data flows one way. The engine knows nothing of contact centres, the model nothing
//! of files or the command line, and exporters read only the report.

// The layers, lowest first: each imports only from the layers listed before it
// (tests/it/architecture.rs checks it from the `use crate::` lines).
pub mod cli;
pub mod foundation;
pub mod input;
pub mod output;
pub mod planning;
pub mod simulation;
pub mod study;

// Every module keeps its short path (`crate::scenario`, `ccsim::model`, ...).
pub use cli::{commands, plan, progress};
pub use foundation::{dist, engine, error, escape, limits, number, stats, words};
pub use input::{overrides, scenario};
pub use output::{chart, export, terminal};
pub use planning::{erlang, fit, forecast, staffing};
pub use simulation::{by_day, memory, metrics, model, runner};
pub use study::{compare, precision, ranking, report, roi, shard, sweep};

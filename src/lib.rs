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

pub mod chart;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod dist;
pub mod engine;
pub mod erlang;
pub mod error;
pub mod export;
pub mod fit;
pub mod limits;
pub mod metrics;
pub mod model;
pub mod overrides;
pub mod plan;
pub mod precision;
pub mod progress;
pub mod ranking;
pub mod report;
pub mod roi;
pub mod runner;
pub mod scenario;
pub mod shard;
pub mod staffing;
pub mod stats;
pub mod sweep;
pub mod terminal;
pub mod words;

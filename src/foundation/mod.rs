//! The foundation: an event queue that knows no contact centre, checked distributions,
//! streamed statistics, the documented limits and the error type. Imports nothing above it.

pub mod dist;
pub mod engine;
pub mod error;
pub mod escape;
pub mod limits;
pub mod number;
pub mod scenario_error;
pub mod stats;
pub mod words;

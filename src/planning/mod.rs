//! Planning: staffing by simulation, rosters, closed-form Erlang figures and scenarios
//! fitted from a centre's data. Built on the simulation and the study, never on output.

pub mod erlang;
pub mod fit;
pub mod forecast;
pub mod staffing;

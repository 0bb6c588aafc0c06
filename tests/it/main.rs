//! The integration tests as one binary: one link instead of one per file, and one
//! `common` module of helpers (the binary, temporary folders, scenario builders).

mod bad_input;
mod batch;
mod centre;
mod centre_charts;
mod centre_outputs;
mod channels;
mod channels_staff;
mod cli;
mod common;
mod day_properties;
mod escaping;
mod figures;
mod fit;
mod fit_roundtrip;
mod html;
mod journey;
mod journey_fidelity;
mod limits;
mod messages;
mod outputs;
mod overrides;
mod precision;
mod progress;
mod satisfaction;
mod schedule;
mod shards;
mod shifts;
mod staff;
mod staff_centre;
mod staff_limits;
mod sweep;
mod tables;
mod validation;

//! The speed floor's model as a ccsim scenario, shared by `benches/simulate.rs` and
//! `examples/erlang_a_speed.rs` so the two always measure the same thing.

use std::path::Path;

use ccsim::scenario::Scenario;

/// The floor's Erlang-A model as a scenario: 48 half-hours of 1,800 calls (1 call/s over
/// 24 h), exponential handle time (mean 180 s) and patience (mean 120 s), 190 agents all
/// day, no shrinkage, no day-to-day variability; `journey` adds TOML tables after it.
pub fn erlang_a_scenario(replications: u32, journey: &str) -> Scenario {
    let volumes = vec!["1800"; 48].join(", ");
    let toml = format!(
        r#"
name = "Erlang A speed floor"

[simulation]
replications = {replications}
seed = 7
interval_minutes = 30
open = "00:00"
days = 1

[arrivals]
volumes = [{volumes}]
day_cv = 0.0

[handling]
time = {{ dist = "exponential", mean_s = 180 }}

[patience]
time = {{ dist = "exponential", mean_s = 120 }}

[staffing]
agents = 190
shrinkage = 0.0
{journey}
"#
    );
    Scenario::from_toml(&toml, Path::new("<speed floor model: erlang_a>"))
        .expect("the bench scenario is valid")
}

/// Every journey mechanism on the Erlang A model: a bot, callbacks, redials, repeat
/// contacts and lost value (satisfaction scoring is always on).
// The example includes this file too and needs only the core model.
#[allow(dead_code)]
pub const ALL_JOURNEY_TABLES: &str = r#"
[self_service]
offered_share = 0.3
containment = 0.3
time = { dist = "exponential", mean_s = 60 }
cost_per_session = 0.4

[callback]
offer_when_wait_exceeds_s = 60
acceptance = 0.5
promise_s = 3600
reach = 0.85

[redial]
probability = 0.5
delay = { dist = "exponential", mean_s = 600 }

[resolution]
fcr = 0.8
repeat_probability = 0.5
repeat_delay = { dist = "exponential", mean_s = 3600 }

[value]
customer_lifetime_value = 900
"#;

//! The speed floor's model as a ccsim scenario, shared by `benches/simulate.rs` and
//! `examples/erlang_a_speed.rs` so the two always measure the same thing.

use std::path::Path;

use ccsim::scenario::Scenario;

/// The floor's Erlang-A model as a scenario: 48 half-hours of 1,800 calls (1 call/s over
/// 24 h), exponential handle time (mean 180 s) and patience (mean 120 s), 190 agents all
/// day, no shrinkage, no day-to-day variability; `journey` adds TOML tables after it.
// The centre and staff benches use only the ring.
#[allow(dead_code)]
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

/// A centre of `types` contact types and as many groups of `agents` agents, in a ring:
/// type k goes to group k first and overflows to group k + 1 at once; group k serves
/// its own type and the one before it, longest wait first. Each type brings 170 calls a
/// half-hour (exponential handle 180 s and patience 120 s) over `intervals` half-hours
/// from midnight, so with 20 agents each group carries the load of the 20-agent
/// one-queue centre beside it (`mesh_scenario(1, ..)` is that one queue, a file without
/// `[[types]]`); with `targets`, each type must answer 80 % within 20 s.
#[allow(dead_code)]
pub fn mesh_scenario(
    types: usize,
    agents: u32,
    replications: u32,
    intervals: usize,
    targets: bool,
) -> Scenario {
    let volumes = vec!["170"; intervals].join(", ");
    let target = if targets {
        "[types.targets]\nservice_level = { within_s = 20, at_least = 0.80 }\n"
    } else {
        ""
    };
    let head = format!(
        "name = \"ring of {types}\"\n[simulation]\nreplications = {replications}\nseed = 1\nopen = \"00:00\"\n"
    );
    let dists = "time = { dist = \"exponential\", mean_s = 180 }";
    let patience = "time = { dist = \"exponential\", mean_s = 120 }";
    let toml = if types == 1 {
        format!(
            "{head}[arrivals]\nvolumes = [{volumes}]\n[handling]\n{dists}\n[patience]\n{patience}\n[staffing]\nagents = {agents}\n"
        )
    } else {
        let mut t = head;
        for k in 0..types {
            t += &format!(
                "[[types]]\nname = \"t{k}\"\n[types.arrivals]\nvolumes = [{volumes}]\n[types.handling]\n{dists}\n[types.patience]\n{patience}\n{target}"
            );
        }
        for k in 0..types {
            let before = (k + types - 1) % types;
            t += &format!(
                "[[groups]]\nname = \"g{k}\"\nagents = {agents}\nserves = [\"t{k}\", \"t{before}\"]\npick = \"longest_wait\"\n"
            );
        }
        t += "[routing]\n";
        for k in 0..types {
            let next = (k + 1) % types;
            t += &format!("t{k} = [ {{ group = \"g{k}\" }}, {{ group = \"g{next}\" }} ]\n");
        }
        t
    };
    Scenario::from_toml(&toml, Path::new("<ring centre>")).expect("the ring centre is valid")
}

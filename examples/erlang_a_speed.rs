//! ccsim on the speed floor's model (/work/shared/floor): M/M/c+M, 1 call/s, exponential
//! handle time (mean 180 s) and patience (mean 120 s), 190 agents, FIFO, expressed as a
//! scenario of one 24 h day (48 half-hours of 1,800 calls, about 86,400 calls per
//! replication). Simulates replications single-threaded on one reused `Centre` until at
//! least CALLS calls (default 10,000,000) were offered, then prints one JSON line shaped
//! like the floor's, so the two can be compared side by side:
//!
//!     cargo run --release --example erlang_a_speed -- [CALLS]
//!
//! Only the simulation loop is timed (not parsing the scenario). The day starts empty and
//! ends with a drain, so P(abandon) differs from the stationary figure by a negligible
//! edge effect; no theory is computed here. `sl20` is answered within 20 s over all
//! offered calls and `occupancy` is busy agent time (drain included) over agent time on
//! duty, as in the floor.

use std::time::Instant;

#[path = "../benches/common/mod.rs"]
mod common;

use ccsim::model::Centre;

fn main() {
    let target: u64 = match std::env::args().nth(1) {
        Some(s) => s.parse().unwrap_or_else(|_| {
            eprintln!("usage: erlang_a_speed [CALLS]   (CALLS: a whole number, default 10000000)");
            std::process::exit(2)
        }),
        None => 10_000_000,
    };
    let scenario = common::erlang_a_scenario(2, ""); // replications: the loop below picks them
    let mut centre = Centre::new(&scenario);

    let (mut offered, mut within, mut abandoned) = (0u64, 0u64, 0u64);
    let (mut wait_sum, mut busy_s, mut open_agent_s) = (0.0f64, 0.0f64, 0.0f64);
    let mut replications = 0u32;
    let start = Instant::now();
    while offered < target {
        let counters = centre.run(replications);
        let day = counters.day_total();
        offered += day.offered;
        within += day.answered_within;
        abandoned += day.abandoned;
        wait_sum += day.wait_answered_s + day.wait_abandoned_s;
        busy_s += day.busy_agent_s + counters.overtime_agent_s;
        open_agent_s += day.productive_agent_s;
        replications += 1;
    }
    let wall_s = start.elapsed().as_secs_f64();

    let n = offered as f64;
    println!(
        "{{\"calls\":{},\"replications\":{},\"p_abandon\":{:.5},\"sl20\":{:.5},\"mean_wait_all\":{:.3},\"occupancy\":{:.4},\"wall_s\":{:.3},\"calls_per_s\":{:.0}}}",
        offered,
        replications,
        abandoned as f64 / n,
        within as f64 / n,
        wait_sum / n,
        busy_s / open_agent_s,
        wall_s,
        n / wall_s
    );
}

//! Simulation speed.
//!
//! * `erlang_a_single_thread`: one replication of the speed floor's model
//!   (/work/shared/floor: M/M/c+M, 1 call/s, handle 180 s, patience 120 s, 190 agents)
//!   as a ccsim scenario — one 24 h day, about 86,400 calls — on a reused `Centre`;
//!   `one_replication_journey_all_on` adds a bot, callbacks, redials, repeats and lost
//!   value to it (throughput counts its offered contacts, redials and repeats included).
//! * `erlang_a_runner_threads/{1,2}`: `run_scenario` on the same scenario, 16
//!   replications, on a rayon pool of 1 or 2 threads.
//! * `default_weekday`: `run_scenario` on the embedded default scenario as written
//!   (200 replications), all cores.
//!
//! Throughput is in calls (offered contacts), so criterion prints calls/s. Sample sizes
//! are small so the whole suite stays well under three minutes.
//!
//! Run with `cargo bench --bench simulate`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use ccsim::model::Centre;
use ccsim::runner::{run_scenario, with_threads};
use ccsim::scenario::Scenario;

/// Replications per `run_scenario` call in the runner benches.
const RUNNER_REPLICATIONS: u32 = 16;

/// The floor's Erlang-A model as a scenario: 48 half-hours of 1,800 calls (1 call/s over
/// 24 h), exponential handle time (mean 180 s) and patience (mean 120 s), 190 agents all
/// day, no shrinkage, no day-to-day variability; `journey` adds TOML tables after it.
fn erlang_a_scenario(replications: u32, journey: &str) -> Scenario {
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
    Scenario::from_toml(&toml, Path::new("<bench: erlang_a>")).expect("the bench scenario is valid")
}

/// Every journey mechanism on the Erlang A model: a bot, callbacks, redials, repeat
/// contacts and lost value (satisfaction scoring is always on).
const ALL_JOURNEY_TABLES: &str = r#"
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

/// Calls offered over replications `0..replications` of `scenario`.
fn offered_calls(scenario: &Scenario, replications: u32) -> u64 {
    let mut centre = Centre::new(scenario);
    (0..replications)
        .map(|r| centre.run(r).day_total().offered)
        .sum()
}

fn erlang_a_single_thread(c: &mut Criterion) {
    let mut group = c.benchmark_group("erlang_a_single_thread");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    for (name, journey) in [
        ("one_replication", ""),
        ("one_replication_journey_all_on", ALL_JOURNEY_TABLES),
    ] {
        let scenario = erlang_a_scenario(RUNNER_REPLICATIONS, journey);
        group.throughput(Throughput::Elements(offered_calls(&scenario, 1)));
        let mut centre = Centre::new(&scenario);
        // The same replication every iteration: identical work, allocations already warm.
        group.bench_function(name, |b| {
            b.iter(|| black_box(centre.run(black_box(0)).intervals.len()))
        });
    }
    group.finish();
}

fn erlang_a_runner_threads(c: &mut Criterion) {
    let scenario = erlang_a_scenario(RUNNER_REPLICATIONS, "");
    let calls = offered_calls(&scenario, RUNNER_REPLICATIONS);
    let mut group = c.benchmark_group("erlang_a_runner_threads");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(15))
        .throughput(Throughput::Elements(calls));
    for threads in [1usize, 2] {
        group.bench_with_input(BenchmarkId::from_parameter(threads), &threads, |b, &t| {
            b.iter(|| {
                with_threads(Some(t), || {
                    black_box(
                        run_scenario(black_box(&scenario), &|_| {})
                            .day_samples
                            .len(),
                    )
                })
            })
        });
    }
    group.finish();
}

fn default_weekday(c: &mut Criterion) {
    let scenario = Scenario::default_weekday();
    let calls = offered_calls(&scenario, scenario.simulation.replications);
    let mut group = c.benchmark_group("default_weekday");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Elements(calls));
    group.bench_function("run_scenario_200_replications", |b| {
        b.iter(|| {
            black_box(
                run_scenario(black_box(&scenario), &|_| {})
                    .day_samples
                    .len(),
            )
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    erlang_a_single_thread,
    erlang_a_runner_threads,
    default_weekday
);
criterion_main!(benches);

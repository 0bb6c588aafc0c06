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
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

mod common;

use ccsim::model::Centre;
use ccsim::runner::{run_scenario, with_threads};
use ccsim::scenario::Scenario;
use common::{erlang_a_scenario, ALL_JOURNEY_TABLES};

/// Replications per `run_scenario` call in the runner benches.
const RUNNER_REPLICATIONS: u32 = 16;

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

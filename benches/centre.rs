//! Routing that scales: one replication (24 hours) of a ring of 50 contact types and 50
//! groups of 20 agents (about 408,000 calls) beside the one-queue centre of the same
//! load per group (one type, 20 agents, about 8,200 calls), each on a reused `Centre`,
//! one thread. Throughput is in calls, so criterion prints calls/s for both: the ring's
//! per-call cost should stay within a small factor of the one queue's, whatever the
//! number of types and groups.
//!
//! Run with `cargo bench --bench centre`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod common;

use ccsim::model::Centre;
use common::mesh_scenario;

fn ring_against_one_queue(c: &mut Criterion) {
    let mut group = c.benchmark_group("centre_single_thread");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    for (name, types) in [("one_queue_20_agents", 1), ("ring_50_types_50_groups", 50)] {
        let scenario = mesh_scenario(types, 20, 2, 48, false);
        let mut centre = Centre::new(&scenario);
        let calls = centre.run(0).day_total().offered;
        group.throughput(Throughput::Elements(calls));
        group.bench_function(name, |b| {
            b.iter(|| black_box(centre.run(black_box(0)).intervals.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, ring_against_one_queue);
criterion_main!(benches);

//! Sweep speed: `ccsim sweep` of the embedded default scenario over
//! `staffing.agents=-3..+3` (7 points) with 50 replications per point, all cores: the
//! points loaded (the file edited and validated once per point) and simulated, as the
//! command does, without charts or output files.
//!
//! Run with `cargo bench --bench sweep`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use ccsim::cli::SimulationArgs;
use ccsim::commands::sweep::{point_scenarios, simulate};
use ccsim::overrides::read_source;
use ccsim::sweep::{parse_vary, points};

fn sweep_agents(c: &mut Criterion) {
    let levers = [parse_vary("staffing.agents=-3..+3").expect("a valid lever")];
    let grid = points(&levers);
    let sim = SimulationArgs {
        replications: Some(50),
        ..SimulationArgs::default()
    };
    let (source, path) = read_source(None).expect("the embedded default");
    let mut group = c.benchmark_group("sweep");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(grid.len() as u64 * 50));
    group.bench_function("default_agents_-3..+3_50_replications", |b| {
        b.iter(|| {
            let scenarios = point_scenarios(&source, &path, &sim, &grid).expect("valid points");
            black_box(simulate(&scenarios, &grid, None, None).scenarios.len())
        })
    });
    group.finish();
}

criterion_group!(benches, sweep_agents);
criterion_main!(benches);

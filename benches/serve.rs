//! `ccsim serve`'s latency: one lever change on the weekday example (agents +10 %) at
//! its 200 replications, through the same functions the API calls: `run_request` is
//! `POST /api/run`, `compare_lever` is `POST /api/compare` with the scenario as loaded
//! already kept (what every change after the first costs). All cores.
//!
//! Run with `cargo bench --bench serve`.

use std::hint::black_box;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use ccsim::commands::serve::{compare_json, run_request, Baselines, Options};
use ccsim::overrides::parse_set;

fn lever_change(c: &mut Criterion) {
    let text = ccsim::scenario::DEFAULT_SCENARIO;
    let opts = Options {
        sets: vec![parse_set("staffing.agents=*1.10").expect("a valid override")],
        file: "weekday.toml".into(),
        max_replications: 10_000,
        ..Options::default()
    };
    let never = AtomicBool::new(false);
    let baselines = Baselines::default();
    let mut g = c.benchmark_group("serve");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("run_request", |b| {
        b.iter(|| black_box(run_request(text, &opts, &never).expect("answers")))
    });
    g.bench_function("compare_lever", |b| {
        b.iter(|| black_box(compare_json(text, &opts, &baselines, &never).expect("answers")))
    });
    g.finish();
}

criterion_group!(benches, lever_change);
criterion_main!(benches);

//! `ccsim staff`, the whole search (start, moves, confirmation with the file's
//! replications and on fresh ones), all cores, on the omnichannel and bilingual examples
//! and on a ring of 5 contact types and 5 groups (four hours). Each iteration takes seconds, so the
//! sample is criterion's smallest (10); each plan's paid cost, simulations and whether
//! it meets every target are printed once, so a faster search can be checked to find
//! plans no worse.
//!
//! Run with `cargo bench --bench staff`.

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

mod common;

use ccsim::scenario::Scenario;
use ccsim::staffing::{search, Options};

fn staff(c: &mut Criterion) {
    let load = |p: &str| Scenario::load(Path::new(p)).expect("the example is valid");
    // Five types and groups over four hours, each type judged on 80 % within 20 s.
    let ring = common::mesh_scenario(5, 20, 60, 8, true);
    let centres = [
        ("omnichannel", load("scenarios/channels/omnichannel.toml")),
        ("bilingual", load("scenarios/multi-skill/bilingual.toml")),
        ("ring_5_types", ring),
    ];
    let mut group = c.benchmark_group("staff");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    for (name, s) in &centres {
        let once = search(s, &Options::default(), &|_| {}).expect("a plan");
        eprintln!(
            "{name}: paid cost {:.2} per day, {} paid agent-intervals, {} simulations, every target met: {}",
            once.plan.paid_cost,
            once.plan.paid_total(),
            once.simulations,
            once.plan.met()
        );
        group.bench_function(*name, |b| {
            b.iter(|| search(s, &Options::default(), &|_| {}).expect("a plan"))
        });
    }
    group.finish();
}

criterion_group!(benches, staff);
criterion_main!(benches);

//! `ccsim schedule` on the weekday example (`scenarios/shifts/weekday.toml`) and on
//! weeks of agents on contracts (`scenarios/shifts/contracts.toml`, and the two-group
//! centre `tests/fixtures/staff/centre_contracts.toml`): the whole
//! work (requirement search, integer program, simulation and repair), all cores. Each
//! iteration takes seconds, so the sample is criterion's smallest (10) and the result is
//! printed once: the roster's paid hours beside the per-interval plan's and the bound.
//!
//! Run with `cargo bench --bench schedule`.

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use ccsim::scenario::Scenario;
use ccsim::staffing::roster::{schedule, MipOptions, ScheduleOptions};
use ccsim::staffing::Options;

/// `ccsim schedule`'s defaults, with `nodes` branch-and-bound nodes.
fn options(nodes: u64) -> ScheduleOptions {
    ScheduleOptions {
        staff: Options::default(),
        mip: MipOptions {
            gap: 0.0,
            nodes,
            seconds: 60.0,
        },
        max_repairs: 100,
    }
}

fn weekday(c: &mut Criterion) {
    let s = Scenario::load(Path::new("scenarios/shifts/weekday.toml"))
        .expect("the weekday example is valid");
    let once = schedule(
        &s,
        &options(ccsim::staffing::roster::mip::DEFAULT_NODES),
        &|_| {},
    )
    .expect("a roster");
    eprintln!(
        "weekday: per-interval plan {:.1} h, LP bound {:.1} h, integer program {:.1} h, roster {:.1} h ({:+.1} % over the plan), targets met: {}",
        once.plan_paid_hours,
        once.mip_bound_hours,
        once.mip_paid_hours,
        once.paid_hours,
        (once.paid_hours / once.plan_paid_hours - 1.0) * 100.0,
        once.met()
    );
    let mut group = c.benchmark_group("schedule");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(1));
    group.bench_function("weekday", |b| {
        b.iter(|| {
            schedule(
                &s,
                &options(ccsim::staffing::roster::mip::DEFAULT_NODES),
                &|_| {},
            )
            .expect("a roster")
        })
    });
    group.finish();
}

/// Weeks of agents on contracts: the one-group example and the two-group centre of the
/// tests (full-time and part-time contracts, 7 days).
fn contracts(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedule");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(1));
    for (name, path) in [
        ("contracts week", "scenarios/shifts/contracts.toml"),
        (
            "two-group centre week",
            "tests/fixtures/staff/centre_contracts.toml",
        ),
    ] {
        let s = Scenario::load(Path::new(path)).expect("a valid week");
        let opts = options(ccsim::staffing::roster::tours::DEFAULT_NODES);
        let once = schedule(&s, &opts, &|_| {}).expect("a roster");
        let agents: usize = once.weeks.iter().map(|w| w.agents.len()).sum();
        eprintln!(
            "{name}: LP bound {:.1} h, tour program {:.1} h, roster {:.1} h, {agents} agents, targets met: {}",
            once.mip_bound_hours,
            once.mip_paid_hours,
            once.paid_hours,
            once.met()
        );
        group.bench_function(name, |b| {
            b.iter(|| schedule(&s, &opts, &|_| {}).expect("a roster"))
        });
    }
    group.finish();
}

criterion_group!(benches, weekday, contracts);
criterion_main!(benches);

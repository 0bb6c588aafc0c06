//! Forecasting speed: `ccsim forecast`'s work (read an interval report, find each type's
//! open days, backtest every candidate method, refit the best and run it ahead with its
//! band) on a year of half-hour history for 5 contact types made here: weekday levels,
//! a short Saturday, closed Sundays, slow growth, Poisson counts.
//!
//! Run with `cargo bench --bench forecast`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use ccsim::fit::clock::{civil_from_days, parse_date, weekday};
use ccsim::forecast::{self, history, Options};
use criterion::{criterion_group, criterion_main, Criterion};
use rand::SeedableRng;
use rand_distr::{Distribution, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;

const DAYS: i64 = 364;
const TYPES: [&str; 5] = ["sales", "support", "billing", "chat", "email"];

/// Writes the report to `path`.
fn report(path: &Path) {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    let start = parse_date("2026-01-05").unwrap();
    let mut o = String::from("date,start,type,volume\n");
    for d in 0..DAYS {
        let day = start + d;
        let w = weekday(day);
        let (open, close) = match w {
            6 => continue,
            5 => (18, 28),
            _ => (16, 40),
        };
        let growth = 1.0 + 0.002 * d as f64;
        for (k, t) in TYPES.iter().enumerate() {
            for s in open..close {
                let mean = (20.0 + 10.0 * k as f64)
                    * growth
                    * (1.0 - 0.1 * w as f64)
                    * (1.0 + 0.5 * ((s - open) as f64 / 6.0).sin().abs());
                let n = Poisson::new(mean).unwrap().sample(&mut rng);
                let _ = writeln!(
                    o,
                    "{},{:02}:{:02},{t},{n}",
                    civil_from_days(day),
                    s / 2,
                    s % 2 * 30
                );
            }
        }
    }
    std::fs::write(path, o).unwrap();
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intervals.csv");
    report(&path);
    let mut g = c.benchmark_group("forecast");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("year_5_types", |b| {
        b.iter(|| {
            let h = history::read(&path, 30, false, b',').unwrap();
            let o = Options {
                start: h.last() + 1,
                days: 28,
                closed: BTreeSet::new(),
            };
            black_box(forecast::forecast(&h, &o).unwrap())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

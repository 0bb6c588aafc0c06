//! Fitting speed: `ccsim fit`'s work (read CALLS.csv row by row, then fit volumes,
//! day_cv, handle time and censored patience) on an export of about a million rows made
//! here: 200 days of 5,000 calls in 48 half-hours, lognormal handle times, exponential
//! patience censored by answering. Throughput is in rows, so criterion prints rows/s.
//! Set `CCSIM_FIT_BENCH_CSV=PATH` to keep the generated file (for measuring the
//! binary's peak memory with `/usr/bin/time -v ccsim fit PATH --out …`).
//!
//! Run with `cargo bench --bench fit`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write as _;
use std::path::Path;
use std::time::Duration;

use ccsim::fit::{self, calls};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use indicatif::ProgressBar;
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Exp, LogNormal};
use rand_xoshiro::Xoshiro256PlusPlus;

const DAYS: i64 = 200;
const CALLS_PER_DAY: usize = 5_000;

/// Writes the export to `path` and returns its rows.
fn export(path: &Path) -> u64 {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    let s2 = (1.0f64 + 0.8 * 0.8).ln();
    let handle = LogNormal::new(270f64.ln() - s2 / 2.0, s2.sqrt()).unwrap();
    let (patience, wait) = (
        Exp::new(1.0 / 150.0).unwrap(),
        Exp::new(1.0 / 40.0).unwrap(),
    );
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "arrival,outcome,wait_s,talk_s,wrap_s").unwrap();
    let start = fit::clock::parse_date("2026-01-05").unwrap();
    let mut line = String::new();
    for d in 0..DAYS {
        let date = fit::clock::civil_from_days(start + d);
        let mut times: Vec<f64> = (0..CALLS_PER_DAY)
            .map(|_| 8.0 * 3600.0 + rng.random::<f64>() * 12.0 * 3600.0)
            .collect();
        times.sort_by(f64::total_cmp);
        for s in times {
            line.clear();
            let clock = format!(
                "{:02}:{:02}:{:06.3}",
                (s / 3600.0) as u32,
                (s % 3600.0 / 60.0) as u32,
                s % 60.0
            );
            let (w, p) = (wait.sample(&mut rng), patience.sample(&mut rng));
            if p < w {
                let _ = writeln!(line, "{date}T{clock},abandoned,{p:.1},,");
            } else {
                let _ = writeln!(
                    line,
                    "{date}T{clock},answered,{w:.1},{:.1},30",
                    handle.sample(&mut rng)
                );
            }
            f.write_all(line.as_bytes()).unwrap();
        }
    }
    f.flush().unwrap();
    DAYS as u64 * CALLS_PER_DAY as u64
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = std::env::var_os("CCSIM_FIT_BENCH_CSV")
        .map_or_else(|| dir.path().join("calls.csv"), Into::into);
    let rows = export(&path);
    let mut g = c.benchmark_group("fit");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Elements(rows));
    g.bench_function("million_rows", |b| {
        b.iter(|| {
            let calls = calls::read(&path, 30, false, &ProgressBar::hidden()).unwrap();
            black_box(fit::fit(calls, None))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The progress a run reports: every simulated interval once, within each replication,
//! without changing a figure.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use ccsim::model::simulate_replication;
use ccsim::runner::{progress_units, simulate_replications};
use ccsim::scenario::Scenario;

fn week() -> Scenario {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/shifts/week.toml"
    ));
    Scenario::load(path).expect("the week example is valid")
}

#[test]
fn a_week_reports_each_interval_of_each_day_and_moves_within_a_replication() {
    let s = week();
    assert_eq!(s.simulation.days, 7);
    let units = progress_units(&s);
    assert_eq!(units, 7 * s.intervals() as u64);

    let told = AtomicU64::new(0);
    simulate_replications(
        &s,
        &[0, 1],
        &|n| {
            told.fetch_add(n, Ordering::SeqCst);
        },
        |_| {},
    );
    assert_eq!(told.load(Ordering::SeqCst), 2 * units);

    let calls = AtomicU64::new(0);
    simulate_replications(
        &s,
        &[3],
        &|n| {
            assert_eq!(n, 1, "one interval at a time");
            calls.fetch_add(1, Ordering::SeqCst);
        },
        |_| {},
    );
    assert_eq!(calls.load(Ordering::SeqCst), units);
}

#[test]
fn reporting_progress_changes_no_figure() {
    let s = week();
    let plain = simulate_replication(&s, 4);
    let mut with_progress = ccsim::model::Centre::new(&s);
    let tick = |_: u64| {};
    with_progress.report_progress(&tick);
    assert_eq!(with_progress.run(4), &plain);
}

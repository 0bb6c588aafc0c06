//! `ccsim run --calls-log` and `ccsim fit` together: a known scenario is simulated with
//! its contact log, the log is fitted back, and the scenario's own values must lie in
//! the intervals the fit states; the log must not change the run's figures, and must be
//! the same whatever the thread count.

use crate::common::{self, ccsim};

use std::path::{Path, PathBuf};

use ccsim::fit::{self, calls, durations::DurationFit, family::Family};
use indicatif::ProgressBar;

const SCENARIO: &str = r#"# A one-queue day for the round trip: known volumes, day CV, handle time and patience.
[simulation]
replications = 60
seed = 5
interval_minutes = 30
open = "08:00"

[arrivals]
volumes = [40, 80, 120, 100, 60, 30]
day_cv = 0.15

[handling]
time = { dist = "lognormal", mean_s = 270, cv = 0.8 }
wrap_up = { dist = "fixed", value_s = 30 }

[patience]
time = { dist = "exponential", mean_s = 150 }

[staffing]
agents = [7, 14, 20, 17, 10, 6]
"#;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs the scenario with `--calls-log` in `dir`; returns the log's path.
fn simulate(dir: &Path, extra: &[&str]) -> PathBuf {
    let file = dir.join("day.toml");
    std::fs::write(&file, SCENARIO).unwrap();
    let log = dir.join("calls.csv");
    let mut args = vec!["run", s(&file), "--calls-log", s(&log)];
    args.extend(extra);
    common::assert_success(&ccsim(&args));
    log
}

fn within(what: &str, (lo, hi): (f64, f64), truth: f64) {
    eprintln!("{what}: true {truth}, stated {lo:.4}–{hi:.4}");
    assert!(
        lo <= truth && truth <= hi,
        "{what}: {truth} outside {lo}–{hi}"
    );
}

#[test]
fn a_simulated_log_fitted_back_recovers_the_scenario_within_the_stated_intervals() {
    let dir = tempfile::tempdir().unwrap();
    let log = simulate(dir.path(), &[]);
    let c = calls::read(&log, 30, true, &ProgressBar::hidden()).expect("the log is a valid export");
    assert_eq!(c.days.len(), 60, "one day per replication");
    let f = fit::fit(c, None);
    let t = &f.types[0];
    assert_eq!(f.start_of(0), "08:00");
    for (i, (e, v)) in t
        .volumes
        .per_interval
        .iter()
        .zip([40.0, 80.0, 120.0, 100.0, 60.0, 30.0])
        .enumerate()
    {
        within(&format!("volume {i}"), (e.low, e.high), v);
    }
    within(
        "day_cv",
        (t.volumes.day_cv.low, t.volumes.day_cv.high),
        0.15,
    );
    let DurationFit::Family(h, _) = &t.handle else {
        panic!("{:?}", t.handle)
    };
    assert_eq!(h.family, Family::Lognormal);
    within("handle mean", h.mean_ci, 270.0);
    within("handle CV", h.cv_ci.unwrap(), 0.8);
    assert!(matches!(t.wrap, DurationFit::Fixed(v) if v == 30.0));
    let p = t.patience.families.first().unwrap();
    within("patience mean", p.mean_ci, 150.0);
    // The naive estimate on the same data misses by far.
    let naive = t.patience.naive.unwrap();
    eprintln!("naive {naive:?}");
    assert!(
        naive.high < 75.0,
        "naive patience {naive:?} should be far below 150 s"
    );

    // The fitted file is a scenario ccsim runs.
    let out = dir.path().join("fitted.toml");
    common::assert_success(&ccsim([
        "fit",
        s(&log),
        "--out",
        s(&out),
        "--strict",
        "--no-chart",
    ]));
    common::assert_success(&ccsim(["run", s(&out), "-n", "5"]));
}

#[test]
fn the_log_leaves_the_figures_unchanged_and_does_not_depend_on_threads() {
    let dir = tempfile::tempdir().unwrap();
    let with = dir.path().join("with.json");
    let log = simulate(dir.path(), &["--json", s(&with), "-j", "2"]);
    let file = dir.path().join("day.toml");
    let without = dir.path().join("without.json");
    common::assert_success(&ccsim(["run", s(&file), "--json", s(&without), "-j", "1"]));
    assert_eq!(
        std::fs::read(&with).unwrap(),
        std::fs::read(&without).unwrap()
    );
    let one = dir.path().join("one.csv");
    common::assert_success(&ccsim(["run", s(&file), "--calls-log", s(&one), "-j", "1"]));
    assert_eq!(std::fs::read(&log).unwrap(), std::fs::read(&one).unwrap());
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text
        .starts_with("replication,day,arrival,outcome,wait_s,talk_s,wrap_s\n1,1,2001-01-01T08:"));
    // Rows are in date order: replication 60 is 2001-03-01.
    assert!(text.lines().last().unwrap().starts_with("60,1,2001-03-01T"));
}

#[test]
fn a_centre_logs_its_types_and_fits_back_into_types() {
    let dir = tempfile::tempdir().unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/multi-skill/bilingual.toml");
    let log = dir.path().join("bilingual.csv");
    common::assert_success(&ccsim(["run", s(&file), "-n", "4", "--calls-log", s(&log)]));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("replication,day,arrival,type,outcome,"));
    assert!(text.contains(",english,answered,") && text.contains(",spanish,"));
    let out = dir.path().join("fitted.toml");
    common::assert_success(&ccsim(["fit", s(&log), "--out", s(&out), "--no-chart"]));
    let fitted = std::fs::read_to_string(&out).unwrap();
    assert_eq!(fitted.matches("[[types]]").count(), 2);
    common::assert_success(&ccsim(["check", s(&out)]));
}

#[test]
fn calls_log_takes_one_scenario_and_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("day.toml");
    std::fs::write(&file, SCENARIO).unwrap();
    let log = dir.path().join("calls.csv");
    let o = ccsim(["run", s(&file), s(&file), "--calls-log", s(&log)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!log.exists());
    let o = ccsim(["run", s(&file), "--calls-log", s(&file)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), SCENARIO);
}

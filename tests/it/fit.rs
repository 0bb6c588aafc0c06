//! `ccsim fit` on exports made here by a small deterministic generator with known
//! volumes, day-to-day spread, lognormal handle times and exponential patience censored
//! by answering: the known values must lie in the intervals the fit states, the naive
//! patience estimate must miss, and each kind of bad file must get its error.

use crate::common::{self, ccsim};

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ccsim::fit::{self, calls, durations::DurationFit, family::Family, volumes::Estimate};
use indicatif::ProgressBar;
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Exp, Gamma, LogNormal, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;

/// What the generator is told.
struct Truth {
    volumes: Vec<f64>,
    day_cv: f64,
    days: usize,
    handle_mean: f64,
    handle_cv: f64,
    patience_mean: f64,
    /// Mean of the exponential wait a caller would face (before patience ends it).
    offered_wait_mean: f64,
    seed: u64,
}

fn truth() -> Truth {
    Truth {
        volumes: vec![40.0, 80.0, 120.0, 100.0, 60.0, 30.0],
        day_cv: 0.15,
        days: 120,
        handle_mean: 270.0,
        handle_cv: 0.8,
        patience_mean: 150.0,
        offered_wait_mean: 60.0,
        seed: 17,
    }
}

/// A CALLS.csv export of `t`: days from Monday 2026-03-02, intervals of 30 minutes from
/// 08:00, a gamma day factor, Poisson counts, and for each caller a wait W and a
/// patience P: abandoned after P when P < W, else answered after W.
fn export(t: &Truth) -> String {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(t.seed);
    let shape = 1.0 / (t.day_cv * t.day_cv);
    let factor = Gamma::new(shape, 1.0 / shape).unwrap();
    let s2 = (1.0 + t.handle_cv * t.handle_cv).ln();
    let handle = LogNormal::new(t.handle_mean.ln() - s2 / 2.0, s2.sqrt()).unwrap();
    let patience = Exp::new(1.0 / t.patience_mean).unwrap();
    let wait = Exp::new(1.0 / t.offered_wait_mean).unwrap();
    let mut out = String::from("arrival,outcome,wait_s,talk_s,wrap_s,queue\n");
    for d in 0..t.days {
        let f = factor.sample(&mut rng);
        let date = ccsim::fit::clock::civil_from_days(
            ccsim::fit::clock::parse_date("2026-03-02").unwrap() + d as i64,
        );
        for (i, v) in t.volumes.iter().enumerate() {
            let n = Poisson::new(v * f).unwrap().sample(&mut rng) as usize;
            let mut times: Vec<f64> = (0..n).map(|_| rng.random::<f64>() * 1800.0).collect();
            times.sort_by(f64::total_cmp);
            for a in times {
                let s = 8.0 * 3600.0 + i as f64 * 1800.0 + a;
                let clock = format!(
                    "{:02}:{:02}:{:06.3}",
                    (s / 3600.0) as u32,
                    (s % 3600.0 / 60.0) as u32,
                    s % 60.0
                );
                let (w, p) = (wait.sample(&mut rng), patience.sample(&mut rng));
                if p < w {
                    let _ = writeln!(out, "{date}T{clock},abandoned,{p:.3},,,main");
                } else {
                    let h = handle.sample(&mut rng);
                    let _ = writeln!(out, "{date}T{clock},answered,{w:.3},{h:.3},30,main");
                }
            }
        }
    }
    out
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn fitted(path: &Path) -> fit::Fit {
    let c = calls::read(path, 30, false, &ProgressBar::hidden()).expect("the export reads");
    fit::fit(c, None)
}

fn assert_within(what: &str, e: (f64, f64), truth: f64) {
    eprintln!(
        "{what}: true {truth}, stated interval {:.4}–{:.4}",
        e.0, e.1
    );
    assert!(
        e.0 <= truth && truth <= e.1,
        "{what}: {truth} is outside {e:?}"
    );
}

fn interval(e: &Estimate) -> (f64, f64) {
    (e.low, e.high)
}

#[test]
fn recovers_volumes_day_cv_handle_time_and_patience_within_their_intervals() {
    let t = truth();
    let dir = temp();
    let path = write(dir.path(), "calls.csv", &export(&t));
    let f = fitted(&path);
    assert_eq!(f.types.len(), 1);
    assert_eq!(f.start_of(0), "08:00");
    let ty = &f.types[0];
    assert_eq!(ty.volumes.days, t.days);
    assert_eq!(ty.volumes.per_interval.len(), t.volumes.len());
    // Each interval's mean count has mean volume × E[factor] = volume.
    for (i, (e, v)) in ty.volumes.per_interval.iter().zip(&t.volumes).enumerate() {
        assert_within(&format!("volume of interval {i}"), interval(e), *v);
    }
    assert_within("day_cv", interval(&ty.volumes.day_cv), t.day_cv);
    let DurationFit::Family(h, _) = &ty.handle else {
        panic!("handle time fitted as {:?}", ty.handle)
    };
    assert_eq!(
        h.family,
        Family::Lognormal,
        "the generator's family has the best likelihood"
    );
    assert_within("handle mean", h.mean_ci, t.handle_mean);
    assert_within("handle CV", h.cv_ci.unwrap(), t.handle_cv);
    assert!(matches!(ty.wrap, DurationFit::Fixed(v) if v == 30.0));
    let p = ty.patience.families.first().expect("patience fitted");
    assert_within("patience mean", p.mean_ci, t.patience_mean);
}

#[test]
fn naive_patience_is_biased_low_and_the_censored_estimate_is_not() {
    let t = truth();
    let dir = temp();
    let path = write(dir.path(), "calls.csv", &export(&t));
    let f = fitted(&path);
    let p = &f.types[0].patience;
    let naive = p.naive.expect("some callers abandoned");
    // With waits W ~ Exp(60 s) and patience P ~ Exp(150 s), an abandoned caller's wait is
    // min(P, W) given P < W: exponential with mean 1 / (1/150 + 1/60) ≈ 42.9 s.
    let expected_naive = 1.0 / (1.0 / t.patience_mean + 1.0 / t.offered_wait_mean);
    assert_within(
        "naive estimate, against its own expectation",
        (naive.low, naive.high),
        expected_naive,
    );
    assert!(
        naive.high < t.patience_mean / 2.0,
        "the naive estimate {naive:?} is far below the true patience"
    );
    // Every family fitted with censoring finds the true mean (the exponential is the truth).
    let exp = p
        .families
        .iter()
        .find(|x| x.family == Family::Exponential)
        .unwrap();
    assert_within(
        "censored exponential patience",
        exp.mean_ci,
        t.patience_mean,
    );
    // And Kaplan–Meier's median agrees with the exponential's, ln 2 × mean ≈ 104 s.
    let median = p.km_median.expect("the curve falls below one half");
    assert!(
        (median / (t.patience_mean * 2f64.ln()) - 1.0).abs() < 0.1,
        "median {median}"
    );
}

#[test]
fn writes_a_scenario_that_check_accepts_with_intervals_in_its_comments_and_a_chart() {
    let mut t = truth();
    t.days = 15;
    let dir = temp();
    let calls = write(dir.path(), "calls.csv", &export(&t));
    let out = dir.path().join("fitted.toml");
    let o = ccsim([
        "fit",
        calls.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    common::assert_success(&o);
    let text = std::fs::read_to_string(&out).unwrap();
    for needle in [
        "volumes = [",
        "day_cv = ",
        "over 15 days",
        "dist = \"lognormal\"",
        "95 %:",
        "censored",
        "naive estimate",
        "wrap_up = { dist = \"fixed\", value_s = 30 }",
    ] {
        assert!(text.contains(needle), "no {needle:?} in\n{text}");
    }
    common::assert_success(&ccsim(["check", out.to_str().unwrap()]));
    for ext in ["png", "svg"] {
        let chart = dir.path().join(format!("fitted-fit.{ext}"));
        assert!(
            std::fs::metadata(&chart).unwrap().len() > 1000,
            "{ext} chart"
        );
    }
    let svg = std::fs::read_to_string(dir.path().join("fitted-fit.svg")).unwrap();
    assert!(
        svg.contains("Kaplan") && svg.contains("Handle time"),
        "the chart's panels"
    );
}

#[test]
fn a_type_column_gives_one_types_entry_per_type_and_a_pooled_group() {
    let text = "arrival,type,outcome,wait_s,talk_s,wrap_s\n\
        2026-03-02T08:01:00,sales,answered,5,200,10\n\
        2026-03-02T08:02:00,\"support, tier 1\",answered,12,300,0\n\
        2026-03-02T08:40:00,sales,abandoned,40,,\n\
        2026-03-03T08:05:00,support,answered,3,250,20\n\
        2026-03-03T08:50:00,sales,answered,0,180,15\n";
    let dir = temp();
    let calls = write(dir.path(), "calls.csv", text);
    let out = dir.path().join("centre.toml");
    let o = ccsim([
        "fit",
        calls.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    common::assert_success(&o);
    let s = std::fs::read_to_string(&out).unwrap();
    assert_eq!(s.matches("[[types]]").count(), 3, "{s}");
    assert!(
        s.contains("serves = [\"sales\", \"support\", \"support, tier 1\"]"),
        "{s}"
    );
    assert!(
        s.contains("WARNING: only 2 days"),
        "thin data are flagged: {s}"
    );
    common::assert_success(&ccsim(["check", out.to_str().unwrap()]));
    assert!(dir.path().join("centre-fit-sales.png").exists());
}

#[test]
fn the_interval_report_is_set_beside_the_export() {
    let dir = temp();
    let calls = write(
        dir.path(),
        "calls.csv",
        "arrival,outcome,wait_s,talk_s,wrap_s\n2026-03-02T08:01:00,answered,5,200,10\n2026-03-02T08:31:00,abandoned,50,,\n",
    );
    let report = write(
        dir.path(),
        "intervals.csv",
        "date,start,offered,answered,abandoned,aht_s\n2026-03-02,08:00,1,1,0,210\n2026-03-02,08:30,2,1,1,190\n",
    );
    let out = dir.path().join("s.toml");
    let o = ccsim([
        "fit",
        calls.to_str().unwrap(),
        "--intervals",
        report.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--no-chart",
    ]);
    common::assert_success(&o);
    let s = std::fs::read_to_string(&out).unwrap();
    assert!(
        s.contains("Interval report: 3 offered, 2 answered, 1 abandoned over 1 days, AHT 200 s"),
        "{s}"
    );
    assert!(
        !dir.path().join("s-fit.png").exists(),
        "--no-chart draws nothing"
    );
}

/// Runs `ccsim fit CALLS --out OUT EXTRA…`, asserts it fails with exit code 1 and writes
/// nothing, and returns its stderr.
fn fit_fails(calls: &Path, out: &Path, extra: &[&str]) -> String {
    let mut args = vec![
        "fit",
        calls.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = ccsim(&args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
    assert!(!out.exists(), "nothing is written on an error");
    err
}

/// A good export of 200 rows with one bad row put in at line 100.
fn with_bad_row(bad: &str) -> String {
    let mut s = String::from("arrival,outcome,wait_s,talk_s,wrap_s\n");
    for k in 0..200 {
        if k == 98 {
            s.push_str(bad);
            s.push('\n');
            continue;
        }
        let day = 2 + k / 100;
        let _ = writeln!(
            s,
            "2026-03-{day:02}T09:{:02}:00,{},{},{},5",
            k % 60,
            if k % 5 == 0 { "abandoned" } else { "answered" },
            10 + k % 7,
            100 + k
        );
    }
    s
}

/// Each kind of bad row, with the column its error must name.
const BAD_ROWS: [(&str, &str, &str); 6] = [
    ("2026-03-02T9:61,answered,1,2,3", "arrival", "clock time"),
    ("yesterday,answered,1,2,3", "arrival", "date and time"),
    (
        "2026-03-02T09:00:00,answered,1,two,3",
        "talk_s",
        "expected a number of seconds",
    ),
    ("2026-03-02T09:00:00,abandoned,-4,,", "wait_s", "negative"),
    (
        "2026-03-01T09:00:00,answered,1,2,3",
        "arrival",
        "out of date order",
    ),
    (
        "2026-03-02T09:00:00,hung up,1,2,3",
        "outcome",
        "expected answered, abandoned",
    ),
];

#[test]
fn a_bad_row_of_each_kind_is_an_error_with_strict_naming_line_and_column() {
    let dir = temp();
    for (k, (row, column, what)) in BAD_ROWS.iter().enumerate() {
        let calls = write(dir.path(), &format!("bad{k}.csv"), &with_bad_row(row));
        let out = dir.path().join(format!("bad{k}.toml"));
        let err = fit_fails(&calls, &out, &["--strict"]);
        assert!(
            err.contains("line 100")
                && err.contains(&format!("column `{column}`"))
                && err.contains(what),
            "{row}: {err}"
        );
    }
}

#[test]
fn a_few_bad_rows_are_skipped_and_counted_without_strict() {
    let dir = temp();
    for (k, (row, column, _)) in BAD_ROWS.iter().enumerate() {
        let calls = write(dir.path(), &format!("few{k}.csv"), &with_bad_row(row));
        let out = dir.path().join(format!("few{k}.toml"));
        let o = ccsim([
            "fit",
            calls.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--no-chart",
        ]);
        common::assert_success(&o);
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(stdout.contains("1 bad rows skipped"), "{stdout}");
        let s = std::fs::read_to_string(&out).unwrap();
        assert!(
            s.contains("# 1 rows could not be used")
                && s.contains(&format!("line 100, column `{column}`")),
            "{s}"
        );
        assert!(s.contains("199 contacts"), "{s}");
    }
}

#[test]
fn many_bad_rows_are_an_error() {
    let mut s = with_bad_row("2026-03-02T09:00:00,answered,-1,2,3");
    for _ in 0..20 {
        s.push_str("2026-03-03T10:00:00,answered,x,2,3\n");
    }
    let dir = temp();
    let calls = write(dir.path(), "many.csv", &s);
    let out = dir.path().join("many.toml");
    let err = fit_fails(&calls, &out, &[]);
    assert!(err.contains("21 of 220 rows cannot be used"), "{err}");
}

#[test]
fn a_missing_column_is_an_error_naming_it() {
    let dir = temp();
    let calls = write(
        dir.path(),
        "nowait.csv",
        "arrival,outcome,talk_s,wrap_s\n2026-03-02T08:00:00,answered,100,5\n",
    );
    let out = dir.path().join("x.toml");
    let err = fit_fails(&calls, &out, &[]);
    assert!(err.contains("line 1: no column `wait_s`"), "{err}");
}

#[test]
fn an_empty_export_and_a_bad_interval_report_are_errors() {
    let dir = temp();
    let empty = write(
        dir.path(),
        "empty.csv",
        "arrival,outcome,wait_s,talk_s,wrap_s\n",
    );
    let out = dir.path().join("x.toml");
    let err = fit_fails(&empty, &out, &[]);
    assert!(err.contains("no usable contact rows"), "{err}");
    let calls = write(
        dir.path(),
        "c.csv",
        "arrival,outcome,wait_s,talk_s,wrap_s\n2026-03-02T08:00:00,answered,1,100,5\n",
    );
    let report = write(
        dir.path(),
        "i.csv",
        "date,start,offered,answered,abandoned,aht_s\n2026-03-02,08:00,1,3,0,210\n",
    );
    let err = fit_fails(
        &calls,
        &out,
        &["--intervals", report.to_str().unwrap(), "--strict"],
    );
    assert!(err.contains("line 2, column `offered`"), "{err}");
}

#[test]
fn refuses_to_write_over_its_input() {
    let dir = temp();
    let calls = write(
        dir.path(),
        "c.csv",
        "arrival,outcome,wait_s,talk_s,wrap_s\n2026-03-02T08:00:00,answered,1,100,5\n",
    );
    let o = ccsim([
        "fit",
        calls.to_str().unwrap(),
        "--out",
        calls.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(std::fs::read_to_string(&calls)
        .unwrap()
        .starts_with("arrival"));
}

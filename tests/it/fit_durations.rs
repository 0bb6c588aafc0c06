//! `ccsim fit` on exports that hold absurd or outlying durations, no answered contact, a
//! semicolon between fields, or too little data for an interval: each gets a plain answer
//! and nothing absurd is averaged into the scenario.

use crate::common::ccsim;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ccsim::fit::{self, calls, durations::DurationFit};
use indicatif::ProgressBar;
use rand::SeedableRng;
use rand_distr::{Distribution, Exp, LogNormal};
use rand_xoshiro::Xoshiro256PlusPlus;

const HEADER: &str = "arrival,outcome,wait_s,talk_s,wrap_s\n";

/// 3,000 contacts over 10 days (15 per half-hour from 08:00 to 18:00): lognormal talk
/// times around 300 s, exponential waits, one in five abandoned. Row k is on line k + 2.
fn rows() -> Vec<String> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(23);
    let talk = LogNormal::new(300f64.ln() - 0.2, 0.6).unwrap();
    let wait = Exp::new(1.0 / 40.0).unwrap();
    let mut out = Vec::new();
    for day in 0..10 {
        for k in 0..300 {
            let s = 8 * 3600 + k * 120;
            let (h, m) = (s / 3600, s % 3600 / 60);
            let at = format!("2026-03-{:02}T{h:02}:{m:02}:00", 2 + day);
            let w = wait.sample(&mut rng);
            out.push(if k % 5 == 0 {
                format!("{at},abandoned,{w:.3},,")
            } else {
                format!("{at},answered,{w:.3},{:.3},20", talk.sample(&mut rng))
            });
        }
    }
    out
}

fn csv(rows: &[String]) -> String {
    let mut s = String::from(HEADER);
    for r in rows {
        let _ = writeln!(s, "{r}");
    }
    s
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// `ccsim fit CALLS --out OUT --no-chart EXTRA…`: (exit code, stdout + stderr, scenario).
fn fit_cli(calls: &Path, extra: &[&str]) -> (Option<i32>, String, Option<String>) {
    let out = calls.with_extension("toml");
    let mut args = vec![
        "fit",
        calls.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--no-chart",
    ];
    args.extend_from_slice(extra);
    let o = ccsim(&args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code(), text, std::fs::read_to_string(&out).ok())
}

fn fitted(path: &Path) -> fit::Fit {
    let c = calls::read(path, 30, false, &ProgressBar::hidden()).expect("the export reads");
    fit::fit(c, None)
}

fn handle_mean(f: &fit::Fit) -> f64 {
    match &f.types[0].handle {
        DurationFit::Family(h, _) => h.mean,
        other => panic!("handle time fitted as {other:?}"),
    }
}

fn patience_mean(f: &fit::Fit) -> f64 {
    f.types[0].patience.families[0].mean
}

#[test]
fn a_duration_beyond_the_cap_is_a_bad_row_named_by_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fitted(&write(dir.path(), "clean.csv", &csv(&rows())));
    for (k, bad) in [(1001, "1e300"), (2001, "999999999")] {
        let mut r = rows();
        r[k] = format!("2026-03-{:02}T10:00:00,answered,12,{bad},20", 2 + k / 300);
        let path = write(dir.path(), &format!("cap{k}.csv"), &csv(&r));
        let (code, text, scenario) = fit_cli(&path, &[]);
        assert_eq!(code, Some(0), "{text}");
        let line = format!("line {}, column `talk_s`", k + 2);
        assert!(
            text.contains("1 bad rows skipped")
                && text.contains(&line)
                && text.contains("beyond the longest duration ccsim accepts (1e7 s"),
            "{text}"
        );
        assert!(scenario.unwrap().contains(&line));
        let f = fitted(&path);
        assert_eq!(f.bad.count, 1);
        let (m, c) = (handle_mean(&f), handle_mean(&clean));
        assert!(
            (m / c - 1.0).abs() < 0.01,
            "handle mean {m} s against {c} s"
        );
    }
}

#[test]
fn outlying_durations_within_the_cap_are_reported_and_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fitted(&write(dir.path(), "clean.csv", &csv(&rows())));
    let mut r = rows();
    // A sentinel talk time just under the cap, and a wait left open for days.
    r[1201] = "2026-03-06T10:00:00,answered,12,9999999,20".into();
    r[1500] = "2026-03-07T08:00:00,abandoned,400000,,".into();
    let path = write(dir.path(), "outliers.csv", &csv(&r));
    let f = fitted(&path);
    assert_eq!(f.bad.count, 0, "within the cap: not a bad row");
    // The outliers leave the fits exactly as without them (a removed row's bin is empty).
    let (m, c) = (handle_mean(&f), handle_mean(&clean));
    assert!(
        (m / c - 1.0).abs() < 0.01,
        "handle mean {m} s against {c} s"
    );
    let (p, q) = (patience_mean(&f), patience_mean(&clean));
    assert!(
        (p / q - 1.0).abs() < 0.05,
        "patience mean {p} s against {q} s"
    );
    let (code, text, scenario) = fit_cli(&path, &[]);
    assert_eq!(code, Some(0), "{text}");
    let scenario = scenario.unwrap();
    for needle in [
        "1 outlying talk_s value left out",
        "9999999 s on line 1203",
        "1 outlying wait_s value left out",
        "400000 s on line 1502",
    ] {
        assert!(text.contains(needle), "no {needle:?} in\n{text}");
        assert!(scenario.contains(needle), "no {needle:?} in\n{scenario}");
    }
    // The clean export has none to report.
    let (_, text, _) = fit_cli(&write(dir.path(), "clean.csv", &csv(&rows())), &[]);
    assert!(!text.contains("outlying"), "{text}");
}

#[test]
fn an_export_with_no_answered_contact_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let r: Vec<String> = rows()
        .into_iter()
        .filter(|r| r.contains("abandoned"))
        .collect();
    let (code, text, scenario) = fit_cli(&write(dir.path(), "noans.csv", &csv(&r)), &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("no answered contact among its 600 (600 abandoned")
            && !text.contains("please report"),
        "{text}"
    );
    assert!(scenario.is_none());
}

#[test]
fn a_semicolon_export_gets_a_hint_and_reads_with_delimiter() {
    let dir = tempfile::tempdir().unwrap();
    let comma = csv(&rows());
    // Semicolons between fields and decimal commas in the seconds, as many exports write.
    let semi: String = comma.replace(',', ";").replace('.', ",");
    let path = write(dir.path(), "semi.csv", &semi);
    let (code, text, _) = fit_cli(&path, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("the header looks separated by ';': try --delimiter ';'"),
        "{text}"
    );
    let (code, text, semi_scenario) = fit_cli(&path, &["--delimiter", ";"]);
    assert_eq!(code, Some(0), "{text}");
    let (_, _, comma_scenario) = fit_cli(&write(dir.path(), "comma.csv", &comma), &[]);
    let body = |s: Option<String>| -> Vec<String> {
        s.unwrap()
            .lines()
            .filter(|l| !l.contains(".csv"))
            .map(String::from)
            .collect()
    };
    assert_eq!(body(semi_scenario), body(comma_scenario));
    let (code, text, _) = fit_cli(&path, &["--delimiter", ";;"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("expected one character"), "{text}");
}

#[test]
fn too_little_data_for_an_interval_never_prints_nan() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{HEADER}2026-03-02T08:00:00,answered,10,100,5\n2026-03-02T08:10:00,answered,20,200,3\n2026-03-02T08:20:00,abandoned,30,,\n"
    );
    let (code, out, scenario) = fit_cli(&write(dir.path(), "tiny.csv", &text), &[]);
    assert_eq!(code, Some(0), "{out}");
    let scenario = scenario.unwrap();
    assert!(
        !out.contains("NaN") && !scenario.contains("NaN"),
        "{out}\n{scenario}"
    );
    assert!(
        out.contains("per day 3.0 (no interval: too few values)"),
        "{out}"
    );
}

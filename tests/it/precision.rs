//! `--precision KEY=HALF_WIDTH`: blocks of replications until the half-width is met;
//! the stopping point and every figure are the same on 1 and 2 threads, and equal to a
//! plain run of as many replications.

use crate::common;

use std::process::Command;

use common::bin;
use serde_json::Value;

fn ccsim(args: &[&str], threads_env: Option<&str>) -> std::process::Output {
    let mut c = Command::new(bin());
    c.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    if let Some(t) = threads_env {
        c.env("RAYON_NUM_THREADS", t);
    }
    c.output().expect("the binary runs")
}

fn ok(out: std::process::Output) -> Vec<u8> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

const RUN: [&str; 8] = [
    "run",
    "scenarios/weekday.toml",
    "-n",
    "20",
    "--precision",
    "service_level=0.008",
    "--json",
    "-",
];

#[test]
fn the_same_stopping_point_and_figures_on_one_and_two_threads() {
    let one = ok(ccsim(&[&RUN[..], &["-j", "1"]].concat(), None));
    let two = ok(ccsim(&[&RUN[..], &["-j", "2"]].concat(), None));
    let env_one = ok(ccsim(&RUN, Some("1")));
    let env_two = ok(ccsim(&RUN, Some("2")));
    assert_eq!(one, two);
    assert_eq!(one, env_one);
    assert_eq!(one, env_two);

    let r: Value = serde_json::from_slice(&one).unwrap();
    let s = &r["scenarios"][0];
    let taken = s["replications"].as_u64().unwrap();
    let p = &s["precision"];
    assert_eq!(p["met"], true);
    let hw = s["metrics"]["service_level"]["half_width"]
        .as_f64()
        .unwrap();
    assert!(hw <= 0.008, "half-width {hw} meets the target");
    assert_eq!(
        p["targets"]["service_level"]["half_width"].as_f64(),
        Some(hw)
    );
    assert!(taken > 20, "the first block of 20 is not enough: {taken}");
    assert_eq!((taken - 20) % 50, 0, "whole blocks of 50 after the first");

    // The block before the last did not meet it: the run stopped at the first block that did.
    let before = ok(ccsim(
        &[
            "run",
            "scenarios/weekday.toml",
            "-n",
            &(taken - 50).to_string(),
            "--json",
            "-",
        ],
        None,
    ));
    let b: Value = serde_json::from_slice(&before).unwrap();
    assert!(
        b["scenarios"][0]["metrics"]["service_level"]["half_width"]
            .as_f64()
            .unwrap()
            > 0.008
    );

    // And it is a plain run of that many replications, figure for figure.
    let plain = ok(ccsim(
        &[
            "run",
            "scenarios/weekday.toml",
            "-n",
            &taken.to_string(),
            "--json",
            "-",
        ],
        None,
    ));
    let p: Value = serde_json::from_slice(&plain).unwrap();
    assert_eq!(s["metrics"], p["scenarios"][0]["metrics"]);
    assert_eq!(s["intervals"], p["scenarios"][0]["intervals"]);
}

#[test]
fn the_maximum_stops_a_target_out_of_reach_and_says_so() {
    let out = ok(ccsim(
        &[
            "run",
            "scenarios/weekday.toml",
            "-n",
            "10",
            "--precision",
            "cost_per_contact=0.0001",
            "--max-replications",
            "70",
            "--json",
            "-",
        ],
        None,
    ));
    let r: Value = serde_json::from_slice(&out).unwrap();
    let s = &r["scenarios"][0];
    assert_eq!(s["replications"], 70);
    assert_eq!(s["precision"]["met"], false);
    assert!(s["warnings"].to_string().contains("--precision not met"));
    let text = ok(ccsim(
        &[
            "run",
            "scenarios/weekday.toml",
            "-n",
            "10",
            "--precision",
            "cost_per_contact=0.0001",
            "--max-replications",
            "20",
        ],
        None,
    ));
    let text = String::from_utf8_lossy(&text);
    assert!(text.contains("precision NOT met"), "{text}");
    assert!(text.contains("after 20 replications"), "{text}");
}

#[test]
fn sweep_points_each_run_to_the_precision() {
    let out = ok(ccsim(
        &[
            "sweep",
            "--vary",
            "staffing.agents=-3,+3",
            "-n",
            "10",
            "--precision",
            "service_level=0.02",
            "--json",
            "-",
        ],
        None,
    ));
    let r: Value = serde_json::from_slice(&out).unwrap();
    for s in r["scenarios"].as_array().unwrap() {
        assert_eq!(s["precision"]["met"], true);
        assert!(
            s["metrics"]["service_level"]["half_width"]
                .as_f64()
                .unwrap()
                <= 0.02
        );
    }
}

#[test]
fn bad_precision_options_are_usage_errors() {
    for args in [
        vec!["run", "--precision", "no_such_metric=0.1"],
        vec!["run", "--precision", "service_level=0"],
        vec!["run", "--precision", "service_level"],
        vec!["run", "--max-replications", "100"],
        vec![
            "run",
            "-n",
            "50",
            "--precision",
            "service_level=0.1",
            "--max-replications",
            "40",
        ],
    ] {
        let out = ccsim(&args, None);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

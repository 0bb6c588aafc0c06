//! The caps and ranges of `ccsim::limits`, end to end. The command line refuses sizes
//! beyond them before simulating (`-n`, `--seed`, `erlang --agents`), an unreachable
//! `erlang` search says so at once, and a property test: every generated scenario beyond
//! a documented limit is refused with an error (never a panic), every other one is
//! accepted, runs without panicking and ends every offered contact one way.

use crate::common::{self, ccsim};
mod generated;

use std::cell::Cell;
use std::path::Path;
use std::process::Output;
use std::time::Instant;

use ccsim::limits;
use ccsim::model::simulate_replication;
use ccsim::scenario::Scenario;
use generated::case;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts a clean refusal: the exit status, no panic, nothing on stdout, and every
/// phrase on stderr.
fn assert_refused(out: &Output, status: i32, phrases: &[&str]) {
    let err = stderr_of(out);
    assert_eq!(out.status.code(), Some(status), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty(), "printed before refusing: {err}");
    for p in phrases {
        assert!(err.contains(p), "expected {p:?} in stderr:\n{err}");
    }
}

fn assert_empty(dir: &Path) {
    let left: Vec<_> = std::fs::read_dir(dir).unwrap().collect();
    assert!(left.is_empty(), "output written: {left:?}");
}

#[test]
fn replications_beyond_the_cap_on_the_command_line_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("report.json");
    let csv = dir.path().join("summary.csv");
    let out = ccsim([
        "run",
        "scenarios/weekday.toml",
        "-n",
        "4294967295",
        "--json",
        json.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_refused(&out, 2, &["4294967295", "2..=1000000"]);
    let study = dir.path().join("study");
    let out = ccsim([
        "batch",
        "scenarios/study",
        "--replications",
        "1000001",
        "--out",
        study.to_str().unwrap(),
    ]);
    assert_refused(&out, 2, &["1000001", "2..=1000000"]);
    assert_empty(dir.path());
}

#[test]
fn replications_that_make_the_run_too_large_are_refused_before_simulating() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.toml");
    // 100,000 contacts per replication: 2 replications are fine, 200,000 are 2e10.
    std::fs::write(
        &file,
        "name = \"Big\"\n[simulation]\nreplications = 2\n[arrivals]\nvolumes = [50000, 50000]\n\
         [handling]\ntime = { dist = \"exponential\", mean_s = 180 }\n[staffing]\nagents = 5000\n",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let json = out_dir.join("report.json");
    let out = ccsim([
        "run",
        file.to_str().unwrap(),
        "-n",
        "200000",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_refused(
        &out,
        2,
        &[
            "-n 200000",
            "big.toml",
            "at most 1e10 contacts per run",
            "2e10",
            "at most 100000 replications",
        ],
    );
    assert_empty(&out_dir);

    // The library check the command line uses, at the cap and just past it.
    let mut s = Scenario::load(&file).unwrap();
    assert_eq!(s.expected_contacts_per_replication(), 100_000.0);
    s.simulation.replications = 100_000;
    assert!(s.check_run_size().is_ok());
    s.simulation.replications = 100_001;
    let e = s.check_run_size().unwrap_err();
    assert_eq!(e.field, "simulation.replications");
}

#[test]
fn a_seed_a_scenario_file_could_not_hold_is_a_usage_error() {
    let out = ccsim(["run", "--seed", "9223372036854775808"]);
    assert_refused(&out, 2, &["--seed", "9223372036854775808"]);
}

#[test]
fn erlang_refuses_sizes_beyond_the_caps_at_once() {
    let started = Instant::now();
    let base = ["erlang", "--calls", "100", "--aht", "180"];
    let with = |extra: &[&str]| ccsim([&base[..], extra].concat());
    assert_refused(
        &with(&["--agents", "4000000000"]),
        2,
        &["--agents", "4000000000", "1..=1000000"],
    );
    assert_refused(
        &with(&["--agents", "10", "--lines", "20000000"]),
        2,
        &["--lines", "1..=10000000"],
    );
    // 10^9 calls in half an hour is no contact centre: refused, not searched.
    let out = ccsim([
        "erlang",
        "--calls",
        "1e9",
        "--aht",
        "180",
        "--agents",
        "10",
        "--patience",
        "120",
        "--target-abandon",
        "0",
    ]);
    assert_refused(&out, 2, &["--calls", "to 1e6", "got 1e9"]);
    assert_refused(
        &with(&["--agents", "10", "--patience", "1e300"]),
        2,
        &["--patience", "to 1e7", "got 1e300"],
    );
    assert!(started.elapsed().as_secs_f64() < 10.0);
}

#[test]
fn an_unreachable_erlang_search_says_out_of_reach_and_stops() {
    // 5.6e9 Erlang of work: no abandonment at all is out of reach of the largest centre.
    let args = [
        "erlang",
        "--calls",
        "1000000",
        "--aht",
        "10000000",
        "--agents",
        "1000000",
        "--patience",
        "10000000",
        "--target-abandon",
        "0",
    ];
    let started = Instant::now();
    let out = ccsim(args);
    common::assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("out of reach"), "{text}");
    assert!(text.contains("1000000 agents"), "{text}");
    let out = ccsim([&args[..], &["--json"]].concat());
    common::assert_success(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["targets_reachable"], false);
    assert!(v["agents_needed"].is_null());
    // Erlang C, where the search starts above the load: out of reach as well.
    let out = ccsim([
        "erlang",
        "--calls",
        "1000000",
        "--aht",
        "180",
        "--agents",
        "10",
        "--target-asa",
        "0",
    ]);
    common::assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("out of reach"));
    let took = started.elapsed().as_secs_f64();
    assert!(took < 20.0, "three searches took {took:.1} s");
}

/// The property test: scenarios from [`generated::case`], judged by the documented limits.
#[test]
fn whatever_validation_accepts_runs_and_conserves_every_contact() {
    let config = Config {
        cases: 96,
        rng_seed: RngSeed::Fixed(20_261_125),
        failure_persistence: None,
        ..Config::default()
    };
    let (accepted, refused) = (Cell::new(0u32), Cell::new(0u32));
    let mut runner = TestRunner::new(config);
    let result = runner.run(&case(), |case| {
        let toml = case.toml();
        let loaded = Scenario::from_toml(&toml, Path::new("generated.toml"));
        let s = match (case.refusal(), loaded) {
            (Some(why), Ok(_)) => {
                return Err(TestCaseError::fail(format!(
                    "accepted although it breaks a documented limit ({why}):\n{toml}"
                )))
            }
            (Some(_), Err(_)) => {
                refused.set(refused.get() + 1);
                return Ok(());
            }
            (None, Err(e)) => {
                return Err(TestCaseError::fail(format!(
                    "refused within every documented limit: {e}\n{toml}"
                )))
            }
            (None, Ok(s)) => s,
        };
        accepted.set(accepted.get() + 1);
        prop_assert!(s.expected_contacts_per_replication() <= limits::MAX_CONTACTS_PER_REPLICATION);
        for r in 0..s.simulation.replications {
            let t = simulate_replication(&s, r).day_total();
            prop_assert_eq!(
                t.offered,
                t.deflected + t.blocked + t.answered + t.abandoned + t.callbacks_accepted,
                "every offered contact ends one way (replication {}):\n{}",
                r,
                toml
            );
            prop_assert_eq!(
                t.journeys.journeys,
                t.offered - t.redials - t.repeats,
                "one journey per fresh contact:\n{}",
                toml
            );
        }
        // The whole pipeline down to the report, as `run -n 2` would build it.
        let report = common::report(&s);
        prop_assert_eq!(report.replications, 2);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let (accepted, refused) = (accepted.get(), refused.get());
    eprintln!("{accepted} generated scenarios accepted and run, {refused} refused");
    // Both sides of the property must be exercised, or it proves little.
    assert!(accepted >= 24, "only {accepted} of 96 accepted");
    assert!(refused >= 24, "only {refused} of 96 refused");
}

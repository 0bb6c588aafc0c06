//! A run's memory is bounded: replications in flight are cut to what `--max-memory` (by
//! default half of what the process may use) holds, with the figures of `-j 1`; a
//! replication that cannot fit alone is refused with an error, never an abort.

use crate::common::{self, ccsim};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A starved centre: `per_hour` contacts in each of 5 hours, one agent, customers who
/// never give up, so every contact of the day is in the centre at once by its end.
fn starved(dir: &Path, per_hour: u32) -> PathBuf {
    let path = dir.join("starved.toml");
    let v = per_hour.to_string();
    let toml = format!(
        "name = \"Starved\"\n\
         [simulation]\nreplications = 2\nseed = 3\ninterval_minutes = 60\nopen = \"00:00\"\ndays = 1\n\
         [arrivals]\nvolumes = [{v}, {v}, {v}, {v}, {v}]\nday_cv = 0\n\
         [handling]\ntime = {{ dist = \"exponential\", mean_s = 300 }}\n\
         [patience]\ntime = {{ dist = \"fixed\", value_s = 9000000 }}\n\
         [staffing]\nagents = [1, 1, 1, 1, 1]\n\
         [costs]\nagent_hour = 20\n"
    );
    std::fs::write(&path, toml).unwrap();
    path
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_small_max_memory_runs_fewer_in_flight_with_the_figures_of_one_thread() {
    let tmp = tempfile::tempdir().unwrap();
    // 100,000 contacts: budgeted at about 20 MB a replication, so 45 MB holds two.
    let file = starved(tmp.path(), 20_000);
    let f = file.to_str().unwrap();
    let one = ccsim(["run", f, "-n", "4", "-j", "1", "--json", "-"]);
    common::assert_success(&one);
    let four = ccsim([
        "run",
        f,
        "-n",
        "4",
        "-j",
        "4",
        "--max-memory",
        "45M",
        "--json",
        "-",
    ]);
    common::assert_success(&four);
    assert!(
        stderr(&four).contains("at most 2 replication(s) in flight instead of 4"),
        "{}",
        stderr(&four)
    );
    assert_eq!(
        String::from_utf8(four.stdout).unwrap(),
        String::from_utf8(one.stdout).unwrap()
    );
}

#[test]
fn a_replication_too_large_for_max_memory_is_refused_before_any_work() {
    let tmp = tempfile::tempdir().unwrap();
    let file = starved(tmp.path(), 20_000);
    let json = tmp.path().join("report.json");
    let out = ccsim([
        "run",
        file.to_str().unwrap(),
        "--max-memory",
        "10M",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("starved.toml") && err.contains("--max-memory") && err.contains("10 MB"),
        "{err}"
    );
    assert!(!err.contains("panicked") && !json.exists());
}

#[test]
fn a_run_under_an_address_space_limit_runs_fewer_in_flight_instead_of_aborting() {
    let tmp = tempfile::tempdir().unwrap();
    // 1,000,000 contacts: about 130 MB a replication in flight; four of them do not fit
    // in 600 MB of address space (ccsim aborted there), one does.
    let file = starved(tmp.path(), 200_000);
    let f = file.to_str().unwrap();
    let limited = Command::new("prlimit")
        .args([
            "--as=600000000",
            common::bin(),
            "run",
            f,
            "-j",
            "4",
            "--json",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(limited.status.code(), Some(0), "{}", stderr(&limited));
    assert!(
        stderr(&limited).contains("at most 1 replication(s) in flight instead of 4"),
        "{}",
        stderr(&limited)
    );
    let one = ccsim(["run", f, "-j", "1", "--json", "-"]);
    common::assert_success(&one);
    assert_eq!(limited.stdout, one.stdout);
}

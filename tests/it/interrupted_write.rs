//! A write that fails half-way never costs the user the file they had: the binary runs
//! with a file-size limit (`prlimit --fsize`) smaller than the output it writes, with the
//! limit's signal ignored so that the write fails with "file too large" instead of the
//! process being killed. The old file must be left whole, nothing partial may appear
//! under the final name, no temporary file may be left behind, and ccsim must exit 1
//! naming the file.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::bin;

/// The file-size limit in bytes: far below every output written here.
const LIMIT: u64 = 1024;

const SCENARIO: &str = common::SMALL_QUEUE;

/// What was there before: a complete file the user cares about.
const OLD: &[u8] = common::OLD_REPORT;

/// Runs `ccsim args…` in `dir` with the file-size limit.
fn limited(dir: &Path, args: &[&str]) -> Output {
    common::ccsim_size_limited(dir, LIMIT, args)
}

/// Checks the failed run and what the folder holds after it: `kept` files (name,
/// content) exactly, and nothing else.
fn assert_failed_cleanly(out: &Output, dir: &Path, name: &str, kept: &[(&str, &[u8])]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("stderr: {stderr}");
    assert_eq!(out.status.code(), Some(1), "exit status 1: {stderr}");
    assert!(
        stderr.contains(name),
        "the message names the file {name}: {stderr}"
    );
    assert!(
        stderr.to_lowercase().contains("too large"),
        "the message says why: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = kept.iter().map(|(n, _)| n.to_string()).collect();
    expected.sort();
    assert_eq!(names, expected, "no partial or temporary file is left");
    for (n, bytes) in kept {
        assert_eq!(
            fs::read(dir.join(n)).unwrap(),
            *bytes,
            "{n} is left whole, byte for byte"
        );
    }
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.toml"), SCENARIO).unwrap();
    dir
}

#[test]
fn the_limit_really_stops_a_write_of_the_report() {
    // Without the limit the same run writes a report larger than the limit: the
    // failures below come from the limit, not from a small output.
    let dir = folder();
    let out = Command::new(bin())
        .args(["run", "s.toml", "--json", "r.json", "--csv", "r.csv"])
        .args(["--calls-log", "calls.csv"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    common::assert_success(&out);
    for name in ["r.json", "r.csv", "calls.csv"] {
        let len = fs::metadata(dir.path().join(name)).unwrap().len();
        assert!(len > 2 * LIMIT, "{name} is {len} bytes");
    }
}

#[test]
fn a_json_report_that_cannot_be_written_leaves_the_old_file_whole() {
    let dir = folder();
    fs::write(dir.path().join("r.json"), OLD).unwrap();
    let out = limited(dir.path(), &["run", "s.toml", "--json", "r.json"]);
    let scenario = SCENARIO.as_bytes();
    assert_failed_cleanly(
        &out,
        dir.path(),
        "r.json",
        &[("s.toml", scenario), ("r.json", OLD)],
    );
}

#[test]
fn a_csv_report_that_cannot_be_written_leaves_the_old_file_whole() {
    let dir = folder();
    fs::write(dir.path().join("r.csv"), OLD).unwrap();
    let out = limited(dir.path(), &["run", "s.toml", "--csv", "r.csv"]);
    let scenario = SCENARIO.as_bytes();
    assert_failed_cleanly(
        &out,
        dir.path(),
        "r.csv",
        &[("s.toml", scenario), ("r.csv", OLD)],
    );
}

#[test]
fn a_report_that_cannot_be_written_leaves_no_file_under_its_name() {
    let dir = folder();
    let out = limited(dir.path(), &["run", "s.toml", "--json", "new.json"]);
    assert_failed_cleanly(
        &out,
        dir.path(),
        "new.json",
        &[("s.toml", SCENARIO.as_bytes())],
    );
}

#[test]
fn a_streamed_calls_log_that_cannot_be_written_leaves_the_old_file_whole() {
    let dir = folder();
    fs::write(dir.path().join("calls.csv"), OLD).unwrap();
    let out = limited(dir.path(), &["run", "s.toml", "--calls-log", "calls.csv"]);
    let scenario = SCENARIO.as_bytes();
    assert_failed_cleanly(
        &out,
        dir.path(),
        "calls.csv",
        &[("s.toml", scenario), ("calls.csv", OLD)],
    );
}

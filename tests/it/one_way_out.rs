//! run, merge and sweep write their outputs one way: every output is checked before the
//! simulation, and all of them are written together, whole or not at all. A command
//! whose study folder cannot be written must not leave its `--json` or `--csv` behind
//! (the user would take them for the outputs of a run that failed), and a sweep's folder
//! is checked as thoroughly as a study's.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::{assert_success, bin};

/// A file-size limit above every `--json` and `--csv` written here and below every chart
/// a study folder holds: the folder is what fails.
const LIMIT: u64 = 40_000;

const SCENARIO: &str = common::SMALL_QUEUE;

/// What was there before: a complete file the user cares about.
const OLD: &[u8] = common::OLD_REPORT;

/// Runs `ccsim args…` in `dir` with the file-size limit (its signal ignored, so a write
/// past it fails with "file too large" instead of killing the process).
fn limited(dir: &Path, args: &[&str]) -> Output {
    common::ccsim_size_limited(dir, LIMIT, args)
}

fn in_dir(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.toml"), SCENARIO).unwrap();
    dir
}

/// The names in `dir`, sorted (hidden ones too), or none when it does not exist.
fn names(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn assert_failed_for_size(out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exit status 1: {stderr}");
    assert!(stderr.to_lowercase().contains("too large"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn without_the_limit_the_same_outputs_are_written() {
    // The failures below come from the folder's large files, not from a small output.
    let dir = folder();
    let out = in_dir(
        dir.path(),
        &["run", "s.toml", "--json", "r.json", "--csv", "r.csv"],
    );
    assert_success(&out);
    for name in ["r.json", "r.csv"] {
        let len = fs::metadata(dir.path().join(name)).unwrap().len();
        assert!(len < LIMIT, "{name} is {len} bytes");
    }
}

#[test]
fn a_run_whose_study_cannot_be_written_leaves_its_json_and_csv_as_they_were() {
    let dir = folder();
    fs::write(dir.path().join("r.json"), OLD).unwrap();
    let out = limited(
        dir.path(),
        &[
            "run", "s.toml", "--json", "r.json", "--csv", "new.csv", "--out", "study",
        ],
    );
    assert_failed_for_size(&out);
    assert_eq!(fs::read(dir.path().join("r.json")).unwrap(), OLD);
    assert_eq!(names(dir.path()), ["r.json", "s.toml", "study"]);
    assert!(names(&dir.path().join("study")).is_empty());
}

#[test]
fn a_merge_whose_study_cannot_be_written_leaves_no_csv_behind() {
    let dir = folder();
    for part in ["1/2", "2/2"] {
        let name = format!("p{}.json", &part[..1]);
        let out = in_dir(
            dir.path(),
            &["run", "s.toml", "--shard", part, "--json", &name],
        );
        assert_success(&out);
    }
    let out = limited(
        dir.path(),
        &[
            "merge", "p1.json", "p2.json", "--csv", "new.csv", "--out", "study",
        ],
    );
    assert_failed_for_size(&out);
    assert!(!dir.path().join("new.csv").exists());
    assert!(names(&dir.path().join("study")).is_empty());
}

#[test]
fn a_sweep_whose_folder_cannot_be_written_leaves_no_csv_behind() {
    let dir = folder();
    let out = limited(
        dir.path(),
        &[
            "sweep",
            "s.toml",
            "--vary",
            "staffing.agents=50,60",
            "--csv",
            "new.csv",
            "--out",
            "sweep",
        ],
    );
    assert_failed_for_size(&out);
    assert_eq!(names(dir.path()), ["s.toml", "sweep"]);
    assert!(names(&dir.path().join("sweep")).is_empty());
}

#[test]
fn a_sweep_folder_too_deep_for_its_files_is_refused_before_simulating() {
    // The folder itself can be made, but its files' staged paths pass the system's
    // path limit (4096 bytes): the folder is probed before simulating, and the folder
    // made for it removed again.
    let dir = folder();
    let mut deep = String::new();
    while deep.len() < 4064 - 201 {
        deep.push_str(&"d".repeat(200));
        deep.push('/');
    }
    deep.push_str(&"e".repeat(4064 - deep.len()));
    assert_eq!(deep.len(), 4064);
    let out = in_dir(
        dir.path(),
        &[
            "sweep",
            "s.toml",
            "--vary",
            "staffing.agents=50,60",
            "--out",
            &deep,
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot take a file named"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing simulated, nothing shown");
    assert_eq!(names(dir.path()), ["s.toml"], "no folder is left behind");
}

#[test]
fn a_sweep_lists_its_files_in_the_folders_manifest() {
    let dir = folder();
    let out = in_dir(
        dir.path(),
        &[
            "sweep",
            "s.toml",
            "--vary",
            "staffing.agents=50,60",
            "--out",
            "sweep",
        ],
    );
    assert_success(&out);
    let manifest = fs::read_to_string(dir.path().join("sweep/.ccsim-files")).unwrap();
    let listed: Vec<&str> = manifest.lines().filter(|l| !l.starts_with('#')).collect();
    let mut written: Vec<String> = names(&dir.path().join("sweep"))
        .into_iter()
        .filter(|n| n != ".ccsim-files")
        .collect();
    let mut listed_sorted: Vec<String> = listed.iter().map(|s| s.to_string()).collect();
    listed_sorted.sort();
    written.sort();
    assert_eq!(listed_sorted, written);
    assert_eq!(listed.last(), Some(&"report.md"), "report.md last");
}

//! Every scenario file in scenarios/ keeps giving exactly the same figures: its summary
//! CSV (every day-level metric with its half-width, full precision) at a fixed number of
//! replications is compared byte for byte with the one recorded in tests/snapshots/figures/.
//! A model change that moves any figure of any existing file fails here. To record a
//! deliberate change, run the tests with CCSIM_UPDATE_SNAPSHOTS=1 and review the diff.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const REPLICATIONS: &str = "12";

fn scenario_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("scenarios/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            scenario_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "toml") {
            out.push(path);
        }
    }
}

/// `scenarios/study/baseline.toml` → `study--baseline.csv`.
fn snapshot_name(file: &Path) -> String {
    let rel = file.strip_prefix("scenarios").expect("under scenarios/");
    let stem = rel.with_extension("");
    let parts: Vec<String> = stem
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    format!("{}.csv", parts.join("--"))
}

#[test]
fn every_scenario_file_gives_exactly_the_recorded_figures() {
    let mut files = Vec::new();
    scenario_files(Path::new("scenarios"), &mut files);
    files.sort();
    assert!(files.len() >= 10, "the scenario files were found");
    let snapshots = Path::new("tests/snapshots/figures");
    let update = std::env::var_os("CCSIM_UPDATE_SNAPSHOTS").is_some();
    let mut changed = Vec::new();
    let mut expected_names = Vec::new();
    for file in &files {
        let out = Command::new(common::bin())
            .arg("run")
            .arg(file)
            .args(["-n", REPLICATIONS, "-j", "1", "--csv", "-"])
            .output()
            .expect("ccsim runs");
        common::assert_success(&out);
        let name = snapshot_name(file);
        let path = snapshots.join(&name);
        expected_names.push(name);
        if update {
            std::fs::write(&path, &out.stdout).expect("snapshot written");
            continue;
        }
        let recorded = std::fs::read(&path).unwrap_or_default();
        if recorded != out.stdout {
            changed.push(file.display().to_string());
        }
    }
    assert!(
        changed.is_empty(),
        "figures changed (or no snapshot recorded) for: {}",
        changed.join(", ")
    );
    // A snapshot without its scenario file would silently stop guarding anything.
    for entry in std::fs::read_dir(snapshots).expect("snapshots folder") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            expected_names.contains(&name),
            "snapshot {name} has no scenario file"
        );
    }
}

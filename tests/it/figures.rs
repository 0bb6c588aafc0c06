//! Every scenario file in scenarios/ keeps giving exactly the same figures: every
//! day-level metric with its half-width at full precision (as `{x}` writes an f64, the
//! shortest text that reads back to the same number), at a fixed number of replications
//! on one thread, is compared byte for byte with the table recorded in
//! tests/snapshots/figures/. The table is built here from the simulated report (the CSV a
//! spreadsheet gets is rounded, and JSON text need not parse back bit for bit), in the
//! columns the summary CSV had before it was rounded, so the recorded files still hold.
//! A model change that moves any figure of any existing file fails here. To record a
//! deliberate change, run the tests with CCSIM_UPDATE_SNAPSHOTS=1 and review the diff.

use std::path::{Path, PathBuf};

use ccsim::metrics::METRICS;
use ccsim::report::{Metrics, Report};

const REPLICATIONS: u32 = 12;

/// Full precision, empty when undefined.
fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

/// The exact figures of a report: one row per scenario (and per type of a centre, the
/// whole centre as type `*`), `KEY` and `KEY_half_width` per metric.
fn exact_table(report: &Report) -> Vec<u8> {
    let typed = report.scenarios.iter().any(|s| s.types.is_some());
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["scenario", "file", "replications", "seed", "days"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if typed {
        header.insert(1, "type".into());
    }
    for m in METRICS {
        header.push(m.key.to_string());
        header.push(format!("{}_half_width", m.key));
    }
    w.write_record(&header).unwrap();
    for s in &report.scenarios {
        let mut parts: Vec<(&str, &Metrics)> = vec![("*", &s.metrics)];
        if typed {
            parts.extend(
                s.types
                    .iter()
                    .flatten()
                    .map(|t| (t.name.as_str(), &t.metrics)),
            );
        }
        for (name, metrics) in parts {
            let mut row = vec![s.name.clone()];
            if typed {
                row.push(name.to_string());
            }
            row.extend([
                s.file.clone(),
                s.replications.to_string(),
                s.seed.to_string(),
                s.days.to_string(),
            ]);
            // A dated run's closed arrivals come after the recorded columns.
            for e in metrics.0.iter().take(METRICS.len()) {
                row.push(number(e.mean));
                row.push(number(e.half_width));
            }
            w.write_record(&row).unwrap();
        }
    }
    w.into_inner().unwrap()
}

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
        let scenarios = ccsim::plan::load_scenarios(&[file], Some(REPLICATIONS), None)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let table = exact_table(&ccsim::plan::simulate(&scenarios, Some(1)));
        let name = snapshot_name(file);
        let path = snapshots.join(&name);
        expected_names.push(name);
        if update {
            std::fs::write(&path, &table).expect("snapshot written");
            continue;
        }
        let recorded = std::fs::read(&path).unwrap_or_default();
        if recorded != table {
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

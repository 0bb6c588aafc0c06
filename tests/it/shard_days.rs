//! A dated run split with `--shard` and merged: the per-day figures (`days`, closed
//! arrivals, the "Day by day" table) come out as the unsharded run's, bit for bit, for a
//! one-type file and for each type of a centre.

use std::path::Path;

use crate::common::ccsim_stdout;

const FILES: [&str; 2] = [
    "scenarios/dated-week.toml",
    "scenarios/multi-skill/bilingual.toml",
];
/// Both files dated (the centre gets the week's dates), few replications.
const OPTIONS: [&str; 6] = [
    "-n",
    "7",
    "--set",
    "simulation.start_date=\"2027-03-01\"",
    "--set",
    "simulation.days=3",
];

fn run(extra: &[&str]) -> Vec<u8> {
    ccsim_stdout(&[&["run"], &FILES[..], &OPTIONS[..], extra].concat())
}

fn merged(dir: &Path, extra: &[&str]) -> Vec<u8> {
    let parts: Vec<String> = (1..=3)
        .map(|i| {
            let path = dir.join(format!("part-{i}.json"));
            let shard = format!("{i}/3");
            run(&["--shard", &shard, "--json", path.to_str().unwrap()]);
            path.to_str().unwrap().to_string()
        })
        .rev()
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    ccsim_stdout(&[&["merge"], &parts[..], extra].concat())
}

#[test]
fn merged_parts_give_the_unsharded_days_bit_for_bit() {
    let dir = tempfile::tempdir().unwrap();
    let whole = String::from_utf8(run(&["--json", "-"])).unwrap();
    let merged = String::from_utf8(merged(dir.path(), &["--json", "-"])).unwrap();
    let json: serde_json::Value = serde_json::from_str(&whole).unwrap();
    let scenarios = json["scenarios"].as_array().unwrap();
    assert_eq!(scenarios[0]["days"].as_array().unwrap().len(), 3, "{whole}");
    assert!(
        scenarios[0]["metrics"]["closed_arrivals"].is_object(),
        "{whole}"
    );
    let types = scenarios[1]["types"].as_array().unwrap();
    assert!(types
        .iter()
        .all(|t| t["days"].as_array().unwrap().len() == 3));
    assert_eq!(merged, whole);
}

#[test]
fn merged_parts_write_the_day_by_day_table_of_the_unsharded_run() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("run"), dir.path().join("merge"));
    run(&["--out", a.to_str().unwrap()]);
    merged(dir.path(), &["--out", b.to_str().unwrap()]);
    let read = |d: &Path| std::fs::read_to_string(d.join("report.md")).unwrap();
    let (whole, merged) = (read(&a), read(&b));
    assert!(whole.contains("Day by day"), "{whole}");
    assert_eq!(merged, whole);
}

//! A dated run in the terminal and in report.md: closed arrivals beside offered, and one
//! row per date whose figures are the JSON's `days`, so a closed holiday shows the
//! contacts it turned away rather than a blank day.

use std::process::Command;

use crate::common::{assert_success, bin, ccsim};

const FILE: &str = "scenarios/dated-week.toml";

/// `ccsim run FILE -n 20 extra…` on a wide terminal: its standard output.
fn run(file: &str, extra: &[&str]) -> String {
    let o = Command::new(bin())
        .args([&["run", file, "-n", "20"], extra].concat())
        .env("COLUMNS", "200")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_success(&o);
    String::from_utf8(o.stdout).unwrap()
}

/// The JSON's days of the first scenario: (date, weekday, offered, closed arrivals).
fn json_days() -> Vec<(String, String, f64, f64)> {
    let json: serde_json::Value = serde_json::from_str(&run(FILE, &["--json", "-"])).unwrap();
    json["scenarios"][0]["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let m = |k: &str| d["metrics"][k]["mean"].as_f64().unwrap();
            (
                d["date"].as_str().unwrap().to_string(),
                d["weekday"].as_str().unwrap().to_string(),
                m("offered"),
                m("closed_arrivals"),
            )
        })
        .collect()
}

/// The number before ` ±` in a cell.
fn mean(cell: &str) -> f64 {
    cell.split(" ±").next().unwrap().trim().parse().unwrap()
}

#[test]
fn a_dated_run_prints_closed_arrivals_and_a_row_per_day_as_the_json_has_them() {
    let text = run(FILE, &[]);
    let lines: Vec<&str> = text.lines().collect();
    let offered = lines
        .iter()
        .position(|l| l.starts_with("Offered "))
        .unwrap();
    assert!(
        lines[offered + 1].starts_with("Closed arrivals"),
        "closed arrivals follow offered: {text}"
    );
    let header = lines
        .iter()
        .position(|l| l.starts_with("date ") && l.contains("closed arrivals"))
        .unwrap_or_else(|| panic!("no day-by-day table: {text}"));
    assert!(lines[header - 1].contains("day by day"), "{text}");
    for h in ["offered", "service level", "abandonment", "paid hours"] {
        assert!(lines[header].contains(h), "{}", lines[header]);
    }
    let days = json_days();
    assert_eq!(days.len(), 7);
    for (k, (date, weekday, offered, closed)) in days.iter().enumerate() {
        let line = lines[header + 2 + k];
        let cells: Vec<&str> = line.split("  ").filter(|c| !c.trim().is_empty()).collect();
        assert_eq!(
            (cells[0].trim(), cells[1].trim()),
            (date.as_str(), weekday.as_str())
        );
        assert!((mean(cells[2]) - offered).abs() <= 0.05, "{line}");
        assert!((mean(cells[3]) - closed).abs() <= 0.05, "{line}");
    }
    // Friday 5 March is a holiday: nothing offered, its contacts closed arrivals, no SL.
    let friday = lines[header + 2 + 4];
    assert!(days[4].2 == 0.0 && days[4].3 > 1000.0, "{days:?}");
    assert!(
        friday.contains(" - "),
        "no service level on a closed day: {friday}"
    );
}

#[test]
fn an_undated_run_prints_neither() {
    let text = run("scenarios/weekday.toml", &[]);
    assert!(
        !text.contains("Closed arrivals") && !text.contains("day by day"),
        "{text}"
    );
}

#[test]
fn the_report_day_table_shows_the_closed_arrivals_of_each_day() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("study");
    assert_success(&ccsim([
        "run",
        FILE,
        "-n",
        "20",
        "--out",
        out.to_str().unwrap(),
    ]));
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let days = json_days();
    for (date, _, _, closed) in &days {
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {date} |")))
            .unwrap_or_else(|| panic!("{md}"));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert!((mean(cells[4]) - closed).abs() <= 0.05, "{row}");
    }
}

//! What a planner reads and sends: terminal tables that fit the terminal, the ranking of
//! a study (the cheapest scenario that meets every target, or none), the per-interval
//! table's marks and day row, and CSV files with units in their headers, all checked on
//! the built binary.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A small scenario: three one-hour intervals, `agents` in each, targets that a few
/// agents more or less meet or miss; every scenario of a study gets the same seed.
fn scenario(name: &str, agents: u32, at_least: f64) -> String {
    format!(
        "name = \"{name}\"\n\
         [simulation]\nreplications = 30\nseed = 5\ninterval_minutes = 60\nopen = \"09:00\"\n\
         [arrivals]\nvolumes = [40, 60, 30]\n\
         [handling]\ntime = {{ dist = \"exponential\", mean_s = 240 }}\n\
         [patience]\ntime = {{ dist = \"exponential\", mean_s = 120 }}\n\
         [staffing]\nagents = [{agents}, {agents}, {agents}]\n\
         [costs]\ncurrency = \"EUR\"\nagent_hour = 1000.0\nfixed_per_day = 50.0\n\
         [value]\ncustomer_lifetime_value = 45.0\n\
         [targets]\nservice_level = {{ within_s = 20, at_least = {at_least} }}\n\
         abandonment_at_most = 0.05\nasa_at_most_s = 30\n"
    )
}

fn ccsim(args: &[&dyn AsRef<std::ffi::OsStr>], columns: Option<&str>) -> Output {
    let mut c = Command::new(common::bin());
    c.args(args);
    match columns {
        Some(w) => c.env("COLUMNS", w),
        None => c.env_remove("COLUMNS"),
    };
    c.output().expect("ccsim runs")
}

/// A folder of scenarios: (file, name, agents) with the SL target `at_least`.
fn study(list: &[(&str, &str, u32)], at_least: f64) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("study");
    std::fs::create_dir(&dir).unwrap();
    for (file, name, agents) in list {
        std::fs::write(dir.join(file), scenario(name, *agents, at_least)).unwrap();
    }
    (tmp, dir)
}

/// Runs the study as a batch (baseline `base`, if given) and returns the terminal text
/// and the summary JSON.
fn batch(dir: &Path, out: &Path, base: Option<&str>, columns: Option<&str>) -> (String, Value) {
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"batch", &dir, &"--out", &out];
    let base_path = base.map(|b| dir.join(b));
    if let Some(b) = &base_path {
        args.push(&"--baseline");
        args.push(b);
    }
    let o = ccsim(&args, columns);
    common::assert_success(&o);
    let json: Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    (String::from_utf8(o.stdout).unwrap(), json)
}

const SIX: [(&str, &str, u32); 6] = [
    ("a.toml", "Baseline with a long name", 6),
    ("b.toml", "Team b, one agent fewer", 5),
    ("c.toml", "Team c, one agent more", 7),
    ("d.toml", "Team d, two agents more", 8),
    ("e.toml", "Team e, far too few agents", 3),
    ("f.toml", "Team f, three agents more", 9),
];

/// Whether `text` holds an amount with a thousands separator, like `18,050.00`.
fn has_thousands(text: &str) -> bool {
    text.split([' ', '±', '+', '-']).any(|w| {
        let b = w.as_bytes();
        b.len() >= 9
            && b[b.len() - 3] == b'.'
            && b[b.len() - 7] == b','
            && w.chars().filter(|c| c.is_ascii_digit()).count() == b.len() - 2
    })
}

#[test]
fn terminal_tables_fit_the_width_and_keep_every_scenario() {
    let (tmp, dir) = study(&SIX, 0.8);
    for (columns, width) in [(None, 100), (Some("80"), 80)] {
        let (text, _) = batch(&dir, &tmp.path().join("out"), Some("a.toml"), columns);
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            widest <= width,
            "a line of {widest} columns for {width}:\n{text}"
        );
        for (_, name, _) in SIX {
            assert!(text.contains(name), "{name} missing:\n{text}");
        }
    }
    // A wide terminal gets the whole table in one block: one header line per table.
    let (wide, _) = batch(&dir, &tmp.path().join("out"), Some("a.toml"), Some("400"));
    let narrow_blocks = batch(&dir, &tmp.path().join("out"), Some("a.toml"), None)
        .0
        .matches("metric (per day; mean ±95% CI)")
        .count();
    assert_eq!(wide.matches("metric (per day; mean ±95% CI)").count(), 1);
    assert!(narrow_blocks > 1, "the 100-column table was not split");
}

#[test]
fn marks_do_not_shift_the_figures_of_a_column() {
    let (tmp, dir) = study(&SIX[..2], 0.8);
    let (text, _) = batch(&dir, &tmp.path().join("out"), None, Some("200"));
    // Rows with and without an ok/MISS mark end their figures at the same column: the
    // last "±" of the first scenario column is at the same place on every metric row.
    // The metrics table follows the executive summary: its header, a rule, then rows.
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("metric (per day"))
        .skip(2)
        .take_while(|l| !l.is_empty() && !l.starts_with("Counts"))
        .collect();
    assert!(rows.len() > 5, "{text}");
    let places: Vec<usize> = rows
        .iter()
        .map(|l| {
            let first = l.find('±').unwrap();
            let end = l[first..].find(' ').map_or(l.len(), |k| first + k);
            l[..end].chars().count()
        })
        .collect();
    assert!(places.iter().all(|&p| p == places[0]), "{places:?}\n{text}");
    assert!(rows
        .iter()
        .any(|r| r.contains(" ok") || r.contains(" MISS")));
}

#[test]
fn shares_differ_in_percentage_points_and_never_print_minus_zero() {
    let (tmp, dir) = study(&SIX[..3], 0.8);
    let (text, _) = batch(&dir, &tmp.path().join("out"), Some("a.toml"), Some("200"));
    let sl = text
        .lines()
        .find(|l| l.starts_with("Service level") && l.contains("pp"))
        .unwrap_or_else(|| panic!("no service level difference in pp:\n{text}"));
    assert!(!sl.contains('%'), "{sl}");
    assert!(
        !text.contains("-0.0 ") && !text.contains("-0.00 "),
        "{text}"
    );
    assert!(
        !text.contains("+0.00 ±0.00 *") && !text.contains("+0.0 ±0.0 *"),
        "{text}"
    );
    // Money has thousands separators: 6 agents × 3 h × 1000 EUR a day and more.
    assert!(has_thousands(&text), "{text}");
    assert!(text
        .lines()
        .any(|l| l.starts_with("CSAT") && l.contains('%')));
}

#[test]
fn the_ranking_names_the_cheapest_scenario_that_meets_every_target() {
    let (tmp, dir) = study(&SIX, 0.8);
    let (text, json) = batch(&dir, &tmp.path().join("out"), Some("a.toml"), None);
    let r = &json["ranking"];
    let scenarios = json["scenarios"].as_array().unwrap();
    // Recompute from the report: the cheapest operating cost among the scenarios whose
    // mean meets every target (SL ≥ 80 %, abandonment ≤ 5 %, ASA ≤ 30 s).
    let meets = |s: &Value| {
        let m = &s["metrics"];
        m["service_level"]["mean"].as_f64().unwrap() >= 0.8
            && m["abandonment_rate"]["mean"].as_f64().unwrap() <= 0.05
            && m["asa_s"]["mean"].as_f64().unwrap() <= 30.0
    };
    let cost = |s: &Value| s["metrics"]["cost_total"]["mean"].as_f64().unwrap();
    let mut meeting: Vec<&Value> = scenarios.iter().filter(|s| meets(s)).collect();
    meeting.sort_by(|a, b| cost(a).total_cmp(&cost(b)));
    assert!(
        meeting.len() >= 2 && meeting.len() < scenarios.len(),
        "a useful study"
    );
    let cheapest = meeting[0]["name"].as_str().unwrap();
    assert_eq!(r["cheapest"], cheapest);
    let names: Vec<&str> = meeting
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(r["meeting_targets"], serde_json::json!(names));
    // Against the runner-up: the paired difference of operating cost, a saving.
    let runner = &r["against"][0];
    assert_eq!(runner["other"], names[1]);
    let d = runner["cost_total"]["mean"].as_f64().unwrap();
    assert!((d - (cost(meeting[0]) - cost(meeting[1]))).abs() < 1e-6);
    assert!(d < 0.0 && runner["paired"] == true);
    assert!(text.contains(&format!("Cheapest that meets every target: {cheapest}")));
    let md = std::fs::read_to_string(tmp.path().join("out/report.md")).unwrap();
    assert!(md.contains(&format!("Cheapest that meets every target: {cheapest}")));
}

#[test]
fn the_ranking_says_when_no_scenario_meets_every_target() {
    // An SL target of 99.9 % within 20 s is out of reach for these teams.
    let (tmp, dir) = study(&SIX[..3], 0.999);
    let (text, json) = batch(&dir, &tmp.path().join("out"), None, None);
    assert!(json["ranking"]["cheapest"].is_null());
    assert_eq!(
        json["ranking"]["missing_targets"].as_array().unwrap().len(),
        3
    );
    assert!(text.contains("No scenario meets every target"), "{text}");
}

#[test]
fn csv_headers_carry_units_and_shares_are_in_percent() {
    let (tmp, dir) = study(&SIX[..2], 0.8);
    let out = tmp.path().join("out");
    let (_, json) = batch(&dir, &out, Some("a.toml"), None);
    let mut r = csv::Reader::from_path(out.join("summary.csv")).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    for col in [
        "service_level_pct",
        "service_level_pct_half_width",
        "abandonment_rate_pct",
        "csat_pct",
        "cost_per_contact_eur",
        "cost_total_eur",
        "lost_value_eur",
        "asa_s",
    ] {
        assert!(header.iter().any(|h| h == col), "no {col} in {header:?}");
    }
    assert!(!header.iter().any(|h| h == "service_level"), "{header:?}");
    let row = r.records().next().unwrap().unwrap();
    let at = |k: &str| row[header.iter().position(|h| h == k).unwrap()].to_string();
    let exact = json["scenarios"][0]["metrics"]["service_level"]["mean"]
        .as_f64()
        .unwrap();
    let sl: f64 = at("service_level_pct").parse().unwrap();
    assert!(
        (sl - 100.0 * exact).abs() <= 0.005 + 1e-9,
        "{sl} against {exact}"
    );
    // Rounded: at most two decimals.
    assert!(at("cost_total_eur")
        .split('.')
        .nth(1)
        .is_some_and(|d| d.len() == 2));
    // The paired differences and ROI have their own file.
    let mut d = csv::Reader::from_path(out.join("differences.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = d.records().map(Result::unwrap).collect();
    let sl_row = rows.iter().find(|r| &r[4] == "service_level").unwrap();
    assert_eq!(&sl_row[5], "pp");
    let exact = json["comparisons"][0]["metrics"]["service_level"]["mean"]
        .as_f64()
        .unwrap();
    let pp: f64 = sl_row[6].parse().unwrap();
    assert!((pp - 100.0 * exact).abs() <= 0.0005 + 1e-9);
    assert!(rows
        .iter()
        .any(|r| &r[4] == "roi_net_operating_benefit" && &r[5] == "EUR"));
}

#[test]
fn the_interval_table_marks_every_target_and_ends_with_the_day() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("s.toml");
    std::fs::write(&file, scenario("Five", 5, 0.8)).unwrap();
    let o = ccsim(&[&"run", &file, &"--intervals"], Some("300"));
    common::assert_success(&o);
    let text = String::from_utf8(o.stdout).unwrap();
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("per interval"))
        .skip(3)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(table.len(), 4, "three intervals and the day:\n{text}");
    let day = table[3];
    assert!(day.starts_with("day"), "{day}");
    // Volume 40 + 60 + 30; SL, abandonment and ASA each marked on every row.
    assert!(day.contains(" 130 "), "{day}");
    for row in &table {
        let marks = row.matches(" ok").count() + row.matches(" MISS").count();
        assert_eq!(marks, 3, "SL, abandonment and ASA marked: {row}");
    }
}

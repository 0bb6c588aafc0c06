//! The executive summary that opens report.md and a study's terminal output: each row's
//! figures recomputed from summary.json with the `[costs]` conversions, and its verdict
//! on the targets agreeing with the ranking.

use crate::common::{assert_success, ccsim};

use serde_json::Value;

const STUDY: &str = "scenarios/multi-skill/study";

/// A centre study with a baseline, its `--set`s applied; returns the folder, the JSON,
/// report.md and what the terminal showed.
fn study(sets: &[&str]) -> (tempfile::TempDir, Value, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let baseline = format!("{STUDY}/separate.toml");
    let mut args: Vec<String> = ["batch", STUDY, "-n", "3", "--baseline", &baseline]
        .map(String::from)
        .to_vec();
    for s in sets {
        args.extend(["--set".to_string(), s.to_string()]);
    }
    args.extend(["--out".to_string(), out.to_str().unwrap().to_string()]);
    let o = ccsim(&args);
    assert_success(&o);
    let json: Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    (
        dir,
        json,
        md,
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

/// The executive summary's rows (header left out), each a list of cells.
fn rows(md: &str) -> Vec<Vec<String>> {
    let section = md
        .split("## Executive summary")
        .nth(1)
        .expect("report.md has an executive summary")
        .split("\n## ")
        .next()
        .unwrap();
    section
        .lines()
        .filter(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

fn number(cell: &str) -> f64 {
    cell.trim_end_matches('%')
        .replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {cell}"))
}

fn mean(s: &Value, key: &str) -> f64 {
    s["metrics"][key]["mean"].as_f64().unwrap()
}

/// Each figure of each row against summary.json, converted with `hours` a day per FTE
/// and `days` open a year, to the rounding the table shows.
fn assert_rows_match(json: &Value, md: &str, hours: f64, days: f64) {
    let rows = rows(md);
    let scenarios = json["scenarios"].as_array().unwrap();
    assert_eq!(rows.len(), scenarios.len(), "a row per scenario");
    for (row, s) in rows.iter().zip(scenarios) {
        assert_eq!(row[0], s["name"].as_str().unwrap());
        let close = |cell: &str, x: f64, step: f64, what: &str| {
            let shown = number(cell);
            assert!(
                (shown - x).abs() <= step / 2.0 + 1e-9,
                "{}: {what} shows {shown}, summary.json gives {x}",
                row[0]
            );
        };
        let day = mean(s, "cost_total");
        close(
            &row[1],
            mean(s, "paid_agent_hours") / hours,
            0.1,
            "paid FTE",
        );
        close(&row[2], day, 0.01, "cost per day");
        close(&row[3], day * days / 12.0, 1.0, "cost per month");
        close(&row[4], day * days, 1.0, "cost per year");
        close(
            &row[5],
            100.0 * mean(s, "service_level"),
            0.1,
            "service level",
        );
        close(
            &row[6],
            100.0 * mean(s, "abandonment_rate"),
            0.1,
            "abandonment",
        );
        close(&row[7], mean(s, "csat"), 0.1, "CSAT");
    }
}

#[test]
fn each_row_is_summary_json_converted_with_the_default_day_and_year() {
    let (_dir, json, md, terminal) = study(&[]);
    assert_rows_match(&json, &md, 8.0, 250.0);
    assert!(
        terminal.contains("paid FTE") && terminal.contains("meets targets"),
        "the terminal shows the summary: {terminal}"
    );
    // A director reads the summary and the ranking first; every metric follows.
    let at = |what: &str| {
        terminal
            .find(what)
            .unwrap_or_else(|| panic!("{what} in {terminal}"))
    };
    assert!(terminal.starts_with("Executive summary"), "{terminal}");
    assert!(at("paid FTE") < at("Ranking: "), "{terminal}");
    assert!(at("Ranking: ") < at("metric (per day"), "{terminal}");
    let md_first_section = md.split("\n## ").nth(1).unwrap();
    assert!(md_first_section.starts_with("Executive summary"), "{md}");
}

#[test]
fn fte_hours_and_open_days_convert_as_given() {
    let (_dir, json, md, _) = study(&[
        "costs.fte_hours_per_day=7.5",
        "costs.open_days_per_year=300",
    ]);
    assert_rows_match(&json, &md, 7.5, 300.0);
    assert!(
        md.contains("paid 7.5 h a day and a year has 300 open days"),
        "{md}"
    );
}

#[test]
fn a_missed_target_is_named_with_its_type_figure_and_limit_as_the_ranking_judges() {
    let (_dir, json, md, _) = study(&["types.billing.targets.abandonment_at_most=0.01"]);
    let missing: Vec<&str> = json["ranking"]["missing_targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(!missing.is_empty(), "the tightened target is missed");
    for (row, s) in rows(&md).iter().zip(json["scenarios"].as_array().unwrap()) {
        let verdict = row.last().unwrap();
        let billing = &s["types"][0];
        assert_eq!(billing["name"], "billing");
        if missing.contains(&row[0].as_str()) {
            let shown = format!(
                "billing abandonment rate {:.1}% vs 1.0%",
                100.0 * mean(billing, "abandonment_rate")
            );
            assert!(verdict.starts_with("misses "), "{verdict}");
            assert!(verdict.contains(&shown), "{verdict} names {shown}");
        } else {
            assert_eq!(verdict, "meets targets");
        }
    }
}

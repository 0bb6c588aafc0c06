//! The value model's lost customer value is an assumption (churn × lifetime value): the
//! charts and the report show what it puts at stake against the baseline, as a paired
//! difference with its interval, and never its level beside or on top of operating cost.
//! Levels stay in summary.json and the CSV files.

use crate::common::{assert_success, ccsim};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The worked study (its scenarios have a value model) with its baseline, 4 replications:
/// the folder and what the terminal showed.
fn study() -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = ccsim([
        "batch".as_ref(),
        "scenarios/study".as_ref(),
        "--baseline".as_ref(),
        "scenarios/study/baseline.toml".as_ref(),
        "-n".as_ref(),
        "4".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_success(&run);
    (tmp, out, String::from_utf8_lossy(&run.stdout).into_owned())
}

fn summary(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

/// `x` as the report writes money: two decimals, thousands separators, a typographic
/// minus, a sign when `signed`.
fn money(x: f64, decimals: usize, signed: bool) -> String {
    let text = format!("{:.*}", decimals, x.abs());
    let (whole, frac) = text.split_once('.').map_or((text.as_str(), ""), |p| p);
    let mut grouped = String::new();
    for (k, c) in whole.chars().enumerate() {
        if k > 0 && (whole.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if !frac.is_empty() {
        grouped = format!("{grouped}.{frac}");
    }
    let sign = match (signed, x < 0.0) {
        (_, true) => "−",
        (true, false) => "+",
        (false, false) => "",
    };
    format!("{sign}{grouped}")
}

#[test]
fn the_cost_chart_draws_operating_cost_alone() {
    let (_tmp, out, _) = study();
    let (json, svg) = (
        summary(&out),
        std::fs::read_to_string(out.join("cost-per-day.svg")).unwrap(),
    );
    assert!(
        !svg.to_lowercase().contains("lost"),
        "the cost chart has no lost-value series or legend"
    );
    // Each bar is labelled with its operating cost, not operating cost + lost value.
    for s in json["scenarios"].as_array().unwrap() {
        assert!(s["satisfaction_model"].is_object());
        let operating = s["metrics"]["cost_total"]["mean"].as_f64().unwrap();
        let label = format!("{} EUR", money(operating, 0, false).replace('−', ""));
        assert!(svg.contains(&label), "{label} labels its bar");
        let economic = s["metrics"]["economic_cost"]["mean"].as_f64().unwrap();
        assert!(
            economic > operating * 1.1,
            "the study's value model loses value"
        );
        let total = format!("{} EUR", money(economic, 0, false));
        assert!(!svg.contains(&total), "no bar reaches {total}");
    }
}

#[test]
fn the_report_gives_lost_value_only_as_value_at_stake_against_the_baseline() {
    let (_tmp, out, terminal) = study();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let json = summary(&out);
    let section = |from: &str| {
        let start = md
            .find(from)
            .unwrap_or_else(|| panic!("{from} in report.md"));
        let rest = &md[start + from.len()..];
        rest[..rest.find("\n## ").unwrap_or(rest.len())].to_string()
    };
    // No level of the model's money in the tables people read...
    let results = section("## Results");
    let levels = terminal
        .split("Against the baseline")
        .next()
        .unwrap_or_default();
    for row in ["Lost value (", "Economic cost"] {
        assert!(!results.contains(row), "no {row} level in Results");
        assert!(!levels.contains(row), "no {row} level in the terminal");
    }
    // ...but its paired difference against the baseline, with its interval.
    assert!(section("## Differences against the baseline").contains("| Lost value (EUR) |"));
    let glance = section("## At a glance");
    let baseline = glance
        .lines()
        .find(|l| l.contains("(baseline):"))
        .expect("the baseline's bullet");
    assert!(!baseline.contains("lost customer value"), "{baseline}");
    for c in json["comparisons"].as_array().unwrap() {
        let name = c["scenario"].as_str().unwrap();
        let d = &c["metrics"]["lost_value"];
        let (mean, hw) = (
            d["mean"].as_f64().unwrap(),
            d["half_width"].as_f64().unwrap(),
        );
        let text = format!(
            "value at stake against the baseline (value model): lost customer value {} EUR/day (±{})",
            money(mean, 2, true),
            money(hw, 2, false)
        );
        let bullet = glance
            .lines()
            .find(|l| l.starts_with(&format!("- **{name}**")))
            .unwrap_or_else(|| panic!("{name}'s bullet"));
        assert!(bullet.contains(&text), "{text} in {bullet}");
    }
    // The levels themselves stay in the data files.
    let csv = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(csv.contains("lost_value"));
}

//! The commands as a planner types them: `run` on the default scenario, its CSV and
//! JSON outputs, `erlang`, and what `check` prints.

use crate::common::ccsim;

use ccsim::metrics::METRICS;

#[test]
fn run_without_a_file_simulates_the_embedded_weekday() {
    let out = ccsim(["run", "-n", "10"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Weekday baseline"));
    assert!(text.contains("Service level"));
    assert!(text.contains("satisfaction model (defaults)"));
}

#[test]
fn csv_has_two_columns_per_metric_in_the_documented_order() {
    let out = ccsim(["run", "scenarios/weekday.toml", "-n", "5", "--csv", "-"]);
    assert!(out.status.success());
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let metric_columns: Vec<&str> = header[5..].iter().map(String::as_str).collect();
    let expected: Vec<String> = METRICS
        .iter()
        .map(|m| ccsim::export::csv::column_header(m, "EUR"))
        .flat_map(|c| [c.clone(), format!("{c}_half_width")])
        .collect();
    assert_eq!(metric_columns, expected);
    let rows: Vec<_> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "Weekday baseline");
}

#[test]
fn json_report_holds_day_and_interval_estimates() {
    let out = ccsim(["run", "scenarios/callback.toml", "-n", "5", "--json", "-"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = &v["scenarios"][0];
    assert_eq!(s["name"], "Callback offer");
    assert_eq!(s["replications"], 5);
    let sl = &s["metrics"]["service_level"];
    assert!(sl["mean"].as_f64().unwrap() > 0.5);
    assert!(sl["half_width"].as_f64().unwrap() > 0.0);
    assert_eq!(s["intervals"].as_array().unwrap().len(), 24);
    assert_eq!(s["intervals"][0]["start"], "08:00");
    assert!(
        s["intervals"][3]["metrics"]["offered"]["mean"]
            .as_f64()
            .unwrap()
            > 100.0
    );
    for m in METRICS {
        assert!(s["metrics"].get(m.key).is_some(), "{} missing", m.key);
    }
}

#[test]
fn erlang_prints_the_textbook_erlang_c_figures() {
    let out = ccsim([
        "erlang", "--calls", "100", "--aht", "180", "--agents", "14", "--json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["figures"];
    assert!((f["p_wait"].as_f64().unwrap() - 0.17413).abs() < 1e-5);
    assert!((f["service_level"].as_f64().unwrap() - 0.88835).abs() < 1e-5);
    assert!((v["erlang_b"]["blocking"].as_f64().unwrap() - 0.05682).abs() < 1e-5);
    let table = ccsim([
        "erlang",
        "--calls",
        "100",
        "--aht",
        "180",
        "--agents",
        "10",
        "--patience",
        "120",
        "--target-sl",
        "0.8",
    ]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("Erlang A") && text.contains("P(abandon)            13.7 %"),
        "{text}"
    );
    assert!(text.contains("agents needed"), "{text}");
}

#[test]
fn erlang_refuses_nonsense_as_a_usage_error() {
    let out = ccsim(["erlang", "--calls", "0", "--aht", "180", "--agents", "14"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn check_shows_extreme_but_allowed_numbers_briefly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("tiny.toml");
    let weekday = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/weekday.toml"
    ))
    .expect("weekday scenario");
    let toml = weekday
        .replace("per_queued_minute = 0.01", "per_queued_minute = 1e-300")
        .replace("fixed_per_day = 800.0", "fixed_per_day = 1e9");
    assert_ne!(
        toml, weekday,
        "the weekday file still has the fields replaced"
    );
    std::fs::write(&file, toml).expect("written");
    let out = ccsim(["check", file.to_str().expect("utf-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("per queued minute 1e-300"), "{text}");
    assert!(text.contains("fixed per day 1e9"), "{text}");
    assert!(
        text.lines().all(|l| l.len() < 200),
        "no line runs to hundreds of digits:\n{text}"
    );
}

#[test]
fn check_reports_every_bad_file_and_still_shows_the_good_ones() {
    let bad = "tests/fixtures/bad/patience_factor_zero.toml";
    let bad2 = "tests/fixtures/bad/redial_zero_attempts.toml";
    let out = ccsim(["check", bad, "scenarios/full-journey.toml", bad2]);
    assert_eq!(out.status.code(), Some(1));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    // Both bad files named with their fields; the good one shown whole, journey included.
    assert!(stderr.contains("patience.interval_factors[2]"), "{stderr}");
    assert!(stderr.contains("redial.max_attempts"), "{stderr}");
    assert!(stderr.contains("2 of 3 scenario files invalid"), "{stderr}");
    for table in [
        "scenarios/full-journey.toml: ok",
        "self-service: offered to 0.6",
        "callback: offered when the predicted wait exceeds 120 s",
        "redial: after abandoning 0.5",
        "resolution: FCR 0.8",
        "satisfaction (from the file)",
        "value: customer lifetime value 45",
    ] {
        assert!(stdout.contains(table), "missing {table:?} in\n{stdout}");
    }
}

#[test]
fn erlang_with_shrinkage_counts_paid_agents_and_prints_percentages() {
    let json = |args: &[&str]| -> serde_json::Value {
        let out = ccsim(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let base = [
        "erlang",
        "--calls",
        "300",
        "--aht",
        "240",
        "--target-sl",
        "0.8",
    ];
    let paid = json(
        &[
            &base[..],
            &["--agents", "60", "--shrinkage", "0.3", "--json"],
        ]
        .concat(),
    );
    let productive = json(&[&base[..], &["--agents", "42", "--json"]].concat());
    // 60 paid at 30 % shrinkage are 42 productive: the same queue.
    assert_eq!(paid["productive_agents"], 42);
    assert_eq!(paid["figures"], productive["figures"]);
    // Needed agents are paid agents: the smallest paid count whose productive share is
    // the productive agents needed.
    let needed = productive["agents_needed"].as_u64().expect("reachable") as f64;
    let needed_paid = paid["agents_needed"].as_u64().expect("reachable") as f64;
    assert!(((needed_paid * 0.7).round() - needed).abs() < 0.5);
    assert!(((needed_paid - 1.0) * 0.7).round() < needed);
    let out = ccsim([&base[..], &["--agents", "42"]].concat());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("SL(20 s)              "), "{table}");
    assert!(table.contains(" %"), "shares as percentages: {table}");
    assert!(
        !table.contains("Erlang B"),
        "no blocking line without --lines: {table}"
    );
}

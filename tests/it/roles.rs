//! Scenario roles: a stress test (`role = "stress"`, a shock applied to the current plan)
//! sits in a study beside the options but is never ranked, gets no ROI, stays off the
//! efficient frontier, and is read as a risk against the baseline.

use crate::common::{assert_success, ccsim};

use serde_json::Value;

/// A small one-type scenario; `targets` adds a service-level and abandonment target.
fn scenario(name: &str, role: &str, agents: u32, volumes: &str, targets: bool) -> String {
    let mut s = format!(
        "name = \"{name}\"\nrole = \"{role}\"\n\
         [simulation]\nreplications = 8\nseed = 7\ninterval_minutes = 60\nopen = \"09:00\"\n\
         [arrivals]\nvolumes = {volumes}\n\
         [handling]\ntime = {{ dist = \"exponential\", mean_s = 240 }}\n\
         [patience]\ntime = {{ dist = \"exponential\", mean_s = 120 }}\n\
         [staffing]\nagents = [{agents}, {agents}, {agents}]\n\
         [costs]\ncurrency = \"EUR\"\nagent_hour = 20.0\n"
    );
    if targets {
        s.push_str(
            "[targets]\nservice_level = { within_s = 20, at_least = 0.8 }\nabandonment_at_most = 0.05\n",
        );
    }
    s
}

/// A batch of baseline + option + stress; the stress test is the cheapest and, having no
/// targets, meets them all, so only its role keeps it out of the ranking. Returns the
/// folder, summary.json, report.md and the terminal output.
fn study() -> (tempfile::TempDir, Value, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let study = dir.path().join("study");
    std::fs::create_dir(&study).unwrap();
    let files = [
        (
            "baseline",
            scenario("baseline", "option", 5, "[30, 40, 20]", true),
        ),
        (
            "option",
            scenario("option", "option", 6, "[30, 40, 20]", true),
        ),
        (
            "monday",
            scenario("busy monday", "stress", 3, "[45, 60, 30]", false),
        ),
    ];
    for (file, text) in &files {
        std::fs::write(study.join(format!("{file}.toml")), text).unwrap();
    }
    let out = dir.path().join("out");
    let o = ccsim([
        "batch",
        study.to_str().unwrap(),
        "--baseline",
        study.join("baseline.toml").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_success(&o);
    let json: Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let svg = std::fs::read_to_string(out.join("tradeoff.svg")).unwrap();
    assert!(
        !svg.contains("busy monday"),
        "the stress test stays off the frontier chart"
    );
    assert!(svg.contains("baseline") && svg.contains("option"));
    (
        dir,
        json,
        md,
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

fn names(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect()
}

#[test]
fn a_stress_test_is_not_ranked_has_no_roi_and_reads_as_a_risk() {
    let (_dir, json, md, stdout) = study();

    let roles: Vec<(&str, &str)> = json["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["role"].as_str().unwrap()))
        .collect();
    assert!(roles.contains(&("busy monday", "stress")), "{roles:?}");
    assert!(roles.contains(&("option", "option")), "{roles:?}");

    let ranking = &json["ranking"];
    let ranked: Vec<&str> = names(&ranking["meeting_targets"])
        .into_iter()
        .chain(names(&ranking["missing_targets"]))
        .collect();
    assert!(!ranked.contains(&"busy monday"), "ranked: {ranked:?}");
    assert_eq!(ranked.len(), 2);
    assert_ne!(ranking["cheapest"], "busy monday");

    let stress = json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["scenario"] == "busy monday")
        .expect("the stress test is compared with the baseline");
    assert!(stress["roi"].is_null(), "no ROI for a stress test");
    let option = json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["scenario"] == "option")
        .unwrap();
    assert!(!option["roi"].is_null(), "an option keeps its ROI");

    // The risk: the service level difference against the baseline, as the JSON has it.
    let risk = &ranking["stress_tests"][0];
    assert_eq!(risk["scenario"], "busy monday");
    let sl = risk["service_level"]["mean"].as_f64().unwrap();
    let expected_sl = stress["metrics"]["service_level"]["mean"].as_f64().unwrap();
    assert!((sl - expected_sl).abs() < 1e-12);
    assert!(
        sl < 0.0,
        "more contacts on fewer agents: service level falls"
    );
    let sentence = format!(
        "Risk: busy monday (a stress test: adds no spend, not ranked): service level falls {:.1} pp",
        -sl * 100.0
    );
    for (what, text) in [("report.md", &md), ("terminal", &stdout)] {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&sentence),
            "{what} lacks {sentence:?}:\n{text}"
        );
    }

    // The ROI table has a column for the option only, and says why the stress test has none.
    let roi = md
        .split("### Return on each change")
        .nth(1)
        .expect("an ROI section")
        .split("\n## ")
        .next()
        .unwrap();
    let header = roi.lines().find(|l| l.starts_with("| per day")).unwrap();
    assert!(!header.contains("busy monday"), "{header}");
    assert!(roi.contains("No ROI for busy monday: a stress test adds no spend"));
    assert!(!md.contains("Cheapest that meets every target: busy monday"));
}

#[test]
fn an_unknown_role_names_the_field_line_and_accepted_values() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("monday.toml");
    std::fs::write(
        &file,
        scenario("busy monday", "shock", 3, "[45, 60, 30]", false),
    )
    .unwrap();
    let o = ccsim(["check", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("{}:2: `role`", file.display())),
        "{err}"
    );
    assert!(
        err.contains("expected one of \"option\", \"stress\", found \"shock\""),
        "{err}"
    );
}

#[test]
fn check_shows_a_stress_test_and_leaves_an_option_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("monday.toml");
    std::fs::write(&file, scenario("m", "stress", 3, "[45, 60, 30]", false)).unwrap();
    let o = ccsim(["check", file.to_str().unwrap()]);
    assert_success(&o);
    assert!(String::from_utf8_lossy(&o.stdout).contains("  role: stress"));
    std::fs::write(&file, scenario("m", "option", 3, "[45, 60, 30]", false)).unwrap();
    let o = ccsim(["check", file.to_str().unwrap()]);
    assert_success(&o);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("role:"));
}

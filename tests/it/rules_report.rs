//! The contract rules in the reports: `ccsim check` names each rule a file uses; the JSON
//! report lists them under the scenario's `rules` (and the targets' own fields), with the
//! `short_abandoned` metric per day, per interval and per type, and a CSV column for it;
//! the Markdown and HTML reports say which rules apply. A file with none of the rules
//! reports exactly what it always did: no `rules`, no `short_abandoned`.

use crate::common::{assert_success, ccsim};

/// A centre using all five rules.
const RULED: &str = r#"
name = "Every rule"
[simulation]
replications = 4
seed = 3
interval_minutes = 30
shared_day_cv = 0.08

[[types]]
name = "support"
[types.arrivals]
volumes = [40, 60]
[types.handling]
time = { dist = "exponential", mean_s = 180 }
[types.patience]
time = { dist = "exponential", mean_s = 107 }
[types.targets]
service_level = { within_s = 20, at_least = 0.8 }
short_abandon_s = 5
judged = "day"

[[types]]
name = "support_chat"
channel = "chat"
moved_from = { type = "support", share = 0.2 }
[types.handling]
time = { dist = "exponential", mean_s = 300 }
[types.patience]
time = { dist = "exponential", mean_s = 240 }

[[types]]
name = "mail"
channel = "email"
[types.arrivals]
volumes = [20, 5]
[types.handling]
time = { dist = "exponential", mean_s = 300 }

[[groups]]
name = "blended"
agents = [8, 10]
serves = ["support", "mail"]
email_when_idle = 2

[[groups]]
name = "chat"
agents = [2, 3]
chat_slots = 3
serves = ["support_chat"]
"#;

/// The files `ccsim run FILE --out DIR` wrote: summary.json, summary.csv, report.md, report.html.
fn outputs(toml: &str) -> (String, serde_json::Value, String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("centre.toml");
    std::fs::write(&path, toml).unwrap();
    let check = ccsim(["check".as_ref(), path.as_os_str()]);
    assert_success(&check);
    let out = dir.path().join("out");
    assert_success(&ccsim([
        "run".as_ref(),
        path.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]));
    let read = |f: &str| std::fs::read_to_string(out.join(f)).unwrap();
    (
        String::from_utf8_lossy(&check.stdout).into_owned(),
        serde_json::from_str(&read("summary.json")).unwrap(),
        read("summary.csv"),
        read("report.md"),
        read("report.html"),
    )
}

#[test]
fn check_json_csv_and_reports_name_every_rule_in_use() {
    let (check, json, csv, md, html) = outputs(RULED);
    for rule in [
        "shared_day_cv = 0.08",
        "moved_from: type \"support_chat\" takes share 0.2 of \"support\"",
        "short_abandon_s = 5 (type \"support\")",
        "judged = \"day\" (type \"support\")",
        "email_when_idle = 2 (group \"blended\")",
    ] {
        assert!(check.contains(rule), "check lacks {rule:?}:\n{check}");
        // Markdown escapes the underscores and quotes of names: read it as text.
        let text = md.replace('\\', "");
        assert!(text.contains(rule), "report.md lacks {rule:?}");
        let escaped = rule.replace('"', "&quot;");
        assert!(
            html.contains(rule) || html.contains(&escaped),
            "report.html lacks {rule:?}"
        );
    }
    let s = &json["scenarios"][0];
    let rules = &s["rules"];
    assert_eq!(rules["shared_day_cv"], 0.08);
    assert_eq!(rules["moved_from"]["support_chat"]["type"], "support");
    assert_eq!(rules["moved_from"]["support_chat"]["share"], 0.2);
    assert_eq!(rules["short_abandon_s"]["support"], 5.0);
    assert_eq!(rules["judged"]["support"], "day");
    assert_eq!(rules["email_when_idle"]["blended"], 2);
    let support = &s["types"][0];
    assert_eq!(support["targets"]["short_abandon_s"], 5.0);
    assert_eq!(support["targets"]["judged"], "day");
    for metrics in [
        &s["metrics"],
        &s["intervals"][0]["metrics"],
        &support["metrics"],
        &support["intervals"][1]["metrics"],
    ] {
        assert!(
            metrics["short_abandoned"]["mean"].is_number(),
            "short_abandoned in {metrics}"
        );
    }
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with("short_abandoned,short_abandoned_half_width"),
        "{header}"
    );
}

#[test]
fn a_file_without_the_rules_reports_none_of_them() {
    let plain = RULED
        .replace("shared_day_cv = 0.08\n", "")
        .replace("short_abandon_s = 5\n", "")
        .replace("judged = \"day\"\n", "")
        .replace("email_when_idle = 2\n", "")
        .replace(
            "moved_from = { type = \"support\", share = 0.2 }\n",
            "[types.arrivals]\nvolumes = [8, 12]\n",
        );
    let (check, json, csv, md, _) = outputs(&plain);
    assert!(!check.contains("contract rules"), "{check}");
    assert!(!md.contains(": rule "));
    let s = &json["scenarios"][0];
    assert!(s.get("rules").is_none());
    assert!(s["metrics"].get("short_abandoned").is_none());
    assert!(s["types"][0]["targets"].get("judged").is_none());
    assert!(!csv.contains("short_abandoned"));
}

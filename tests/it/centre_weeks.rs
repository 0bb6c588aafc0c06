//! Agents' weeks for a centre of several groups: each group rostered on its contracts,
//! every group's shifts written to PLAN.toml and every agent to AGENTS.csv.

use crate::agent_weeks::checked_weeks;
use crate::bad_input::{assert_fails, Expect};
use crate::common::{assert_success, ccsim};

fn centre_file() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/staff/centre_contracts.toml")
}

#[test]
fn a_two_group_centre_gets_weeks_that_keep_their_contracts_and_a_plan_meeting_its_targets() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    let agents = dir.path().join("agents.csv");
    let out = ccsim([
        "schedule",
        centre_file().to_str().unwrap(),
        "--out",
        plan.to_str().unwrap(),
        "--agents",
        agents.to_str().unwrap(),
        "--max-repairs",
        "40",
    ]);
    assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    for g in ["sales", "service"] {
        assert!(
            text.contains(&format!("group {g}: agents' weeks (")),
            "a week table per group:\n{text}"
        );
    }
    let weeks = checked_weeks(&std::fs::read_to_string(&agents).unwrap());
    for g in ["sales", "service"] {
        let mine: Vec<_> = weeks.iter().filter(|(_, w)| w.0 == g).collect();
        assert!(!mine.is_empty(), "no agent in group {g}");
        assert!(
            mine.iter().all(|(id, _)| id.starts_with(&format!("{g}-"))),
            "ids carry the group's name"
        );
        let full = mine.iter().filter(|(_, w)| w.1 == "full-time").count();
        assert!(
            2 * full >= mine.len(),
            "{g}: {full} of {} full-time",
            mine.len()
        );
    }
    // Each group's own shifts in its [[groups]] entry.
    let written: toml::Value = toml::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let groups = written["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    for g in groups {
        assert!(g.get("agents").is_none(), "{g:?}");
        let shifts = g["shifts"].as_array().unwrap();
        let heads: i64 = shifts
            .iter()
            .map(|s| s["agents"].as_integer().unwrap())
            .sum();
        let name = g["name"].as_str().unwrap();
        let days = weeks
            .values()
            .filter(|w| w.0 == name)
            .map(|w| w.2.len())
            .sum::<usize>();
        assert_eq!(
            heads as usize, days,
            "{name}: one shift per agent and working day"
        );
    }
    // The plan run whole on a fresh seed: the service level in ≥ 95 % of open cells,
    // a cell counting as met when the target lies within its confidence interval.
    let json = dir.path().join("r.json");
    let run = ccsim([
        "run",
        plan.to_str().unwrap(),
        "--set",
        "simulation.seed=4242",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_success(&run);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let (mut cells, mut met) = (0, 0);
    for t in v["scenarios"][0]["types"].as_array().unwrap() {
        for i in t["intervals"].as_array().unwrap() {
            if i["volume"].as_f64().unwrap() <= 0.0 {
                continue;
            }
            let sl = &i["metrics"]["service_level"];
            cells += 1;
            if sl["mean"].as_f64().unwrap() + sl["half_width"].as_f64().unwrap() >= 0.80 {
                met += 1;
            }
        }
    }
    assert_eq!(cells, 20, "two types of ten open intervals");
    assert!(
        met as f64 >= 0.95 * cells as f64,
        "{met} of {cells} cells meet the service level"
    );
}

#[test]
fn a_group_naming_a_contract_the_file_lacks_is_refused() {
    assert_fails(Expect {
        file: "group_names_unknown_contract.toml",
        field: Some("groups[0].contracts[1]"),
        line: Some((18, "contracts = [\"full-time\", \"nights\"]")),
        phrases: &[
            "\"nights\" is not a contract",
            "expected one of \"full-time\"",
        ],
    });
}

#[test]
fn a_centre_whose_types_have_different_day_factors_is_not_rostered() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("centre.toml");
    let text = std::fs::read_to_string(centre_file()).unwrap();
    let flat = "day_factors = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]";
    let at = text.rfind("day_factors = [").unwrap();
    let end = at + text[at..].find('\n').unwrap();
    std::fs::write(&file, format!("{}{flat}{}", &text[..at], &text[end..])).unwrap();
    let out = ccsim(["schedule", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("type \"service\" has other day_factors than type \"sales\""),
        "{err}"
    );
}

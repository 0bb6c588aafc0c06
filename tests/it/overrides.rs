//! `--set KEY=VALUE`: an override is editing the file (byte-identical reports), an
//! item of `[[types]]`/`[[groups]]` is found by index or by name, an agents offset adds
//! to every interval, and a bad override is an error naming it.

use crate::common::{ccsim, ccsim_stdout};

use std::path::Path;

fn weekday() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/weekday.toml"))
        .unwrap()
}

#[test]
fn set_gives_the_same_report_as_the_edited_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.toml");
    let f = file.to_str().unwrap();
    std::fs::write(&file, weekday()).unwrap();
    let with_set = ccsim_stdout(&[
        "run",
        f,
        "-n",
        "12",
        "--set",
        "staffing.shrinkage=0.25",
        "--set",
        "staffing.agents=+2",
        "--set",
        "patience.time={ dist = \"exponential\", mean_s = 120 }",
        "--json",
        "-",
    ]);
    let plain = ccsim_stdout(&["run", f, "-n", "12", "--json", "-"]);
    assert_ne!(with_set, plain, "the overrides change the figures");

    // The same changes made by hand.
    let agents_before = "agents = [23, 31, 42, 52, 55, 56, 55, 51, 45, 42, 43, 48,\n          52, 52, 51, 48, 43, 39, 34, 30, 26, 21, 17, 14]";
    let agents_after = "agents = [25, 33, 44, 54, 57, 58, 57, 53, 47, 44, 45, 50,\n          54, 54, 53, 50, 45, 41, 36, 32, 28, 23, 19, 16]";
    let edited = weekday()
        .replace("shrinkage = 0.30", "shrinkage = 0.25")
        .replace(agents_before, agents_after)
        .replace(
            "time = { dist = \"exponential\", mean_s = 180 }",
            "time = { dist = \"exponential\", mean_s = 120 }",
        );
    assert_ne!(edited, weekday(), "the hand edit applies");
    std::fs::write(&file, edited).unwrap();
    let by_hand = ccsim_stdout(&["run", f, "-n", "12", "--json", "-"]);
    assert_eq!(
        String::from_utf8(with_set).unwrap(),
        String::from_utf8(by_hand).unwrap()
    );
}

#[test]
fn set_applies_to_the_embedded_default_and_to_check() {
    let a = ccsim_stdout(&[
        "run",
        "-n",
        "6",
        "--set",
        "simulation.seed=99",
        "--json",
        "-",
    ]);
    let b = ccsim_stdout(&["run", "-n", "6", "--seed", "99", "--json", "-"]);
    assert_eq!(a, b);
    let out = ccsim(["check", "scenarios/weekday.toml", "--set", "name=Monday"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"Monday\""));
}

#[test]
fn types_and_groups_are_found_by_index_or_by_name() {
    let f = "scenarios/multi-skill/bilingual.toml";
    let by_name = ccsim_stdout(&[
        "run",
        f,
        "-n",
        "4",
        "--set",
        "types.spanish.patience.time.mean_s=90",
        "--set",
        "groups.bilingual.agents=-1",
        "--json",
        "-",
    ]);
    let by_index = ccsim_stdout(&[
        "run",
        f,
        "-n",
        "4",
        "--set",
        "types[1].patience.time.mean_s=90",
        "--set",
        "groups.2.agents=-1",
        "--json",
        "-",
    ]);
    let plain = ccsim_stdout(&["run", f, "-n", "4", "--json", "-"]);
    assert_eq!(by_name, by_index);
    assert_ne!(by_name, plain);
}

fn error_of(args: &[&str]) -> (i32, String) {
    let out = ccsim(args);
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bad_override_is_an_error_naming_it() {
    let f = "scenarios/weekday.toml";
    for (cmd, set, says) in [
        ("run", "staffing.shrinkage=1.5", "expected a share"),
        ("check", "staffing.shrinkag=0.2", "unknown field `shrinkag`"),
        ("batch", "handling.time.mean_s=-5", "above 0"),
        ("staff", "staffing.shrinkage=2", "expected a share"),
        ("run", "arrivals.volumes.24=1", "index 24 is out of range"),
        ("check", "types.sales.name=\"x\"", "no [[types]] list"),
    ] {
        let target = if cmd == "batch" { "scenarios" } else { f };
        let (code, err) = error_of(&[cmd, target, "--set", set]);
        assert_eq!(code, 1, "{cmd} --set {set}: {err}");
        assert!(
            err.contains(&format!("--set {set}")),
            "{cmd} --set {set}: {err}"
        );
        assert!(err.contains(says), "{cmd} --set {set}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let (code, err) = error_of(&["run", f, "--set", "no-equals-sign"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("KEY=VALUE"), "{err}");
    let (code, err) = error_of(&["run", f, "--set", "staffing.agents=-x"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("offset"), "{err}");
}

#[test]
fn an_error_elsewhere_keeps_its_line_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.toml");
    // agents spans two lines; setting it to one line must not move the later error.
    let text = weekday().replace("fixed_per_day = 800.0", "fixed_per_day = -1.0");
    let line = text
        .lines()
        .position(|l| l.starts_with("fixed_per_day"))
        .unwrap()
        + 1;
    std::fs::write(&file, &text).unwrap();
    let (code, err) = error_of(&[
        "check",
        file.to_str().unwrap(),
        "--set",
        "staffing.agents=20",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("bad.toml:{line}:")), "{err}");
    assert!(!err.contains("--set"), "{err}");
}

#[test]
fn agents_offsets_never_go_below_zero_and_keep_the_layout() {
    let src = "[staffing]\nagents = [1, 5] # plan\nshrinkage = 0.1\n";
    let sets = [ccsim::overrides::parse_set("staffing.agents=-2").unwrap()];
    let (edited, paths) = ccsim::overrides::apply(src, &sets).unwrap();
    assert_eq!(
        edited,
        "[staffing]\nagents = [0, 3] # plan\nshrinkage = 0.1\n"
    );
    assert_eq!(
        paths,
        vec![vec!["staffing".to_string(), "agents".to_string()]]
    );
    let sets = [ccsim::overrides::parse_set("staffing.agents=+2").unwrap()];
    let (edited, _) = ccsim::overrides::apply("[staffing]\nagents = 4\n", &sets).unwrap();
    assert_eq!(edited, "[staffing]\nagents = 6\n");
}

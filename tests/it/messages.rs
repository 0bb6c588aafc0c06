//! What a planner reads when something is off: an error names the option actually used
//! (`--set` or `--vary`), the key and what is expected in the file's own words (never a
//! type name of ours); figures in messages are rounded, with units and counts that agree
//! with their nouns; ranges shown are the ranges accepted.

use crate::common::ccsim;

/// The stderr of a run that must fail with exit code `code`.
fn error_of(args: &[&str], code: i32) -> String {
    let out = ccsim(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    stderr
}

/// Our own serde mirror's names must never reach a planner.
fn assert_plain(msg: &str) {
    for leak in ["struct", "File", "invalid type", "map,", "enum"] {
        assert!(!msg.contains(leak), "`{leak}` leaks into: {msg}");
    }
}

#[test]
fn a_table_given_one_value_names_its_fields() {
    let e = error_of(
        &["check", "--set", "staffing=5", "scenarios/weekday.toml"],
        1,
    );
    assert_plain(&e);
    assert!(e.contains("--set staffing=5"), "{e}");
    assert!(e.contains("`staffing` is a table"), "{e}");
    assert!(e.contains("staffing.agents="), "{e}");
    // A table the file does not have yet: the reader says what was expected.
    let e = error_of(
        &["check", "--set", "satisfaction=5", "scenarios/weekday.toml"],
        1,
    );
    assert_plain(&e);
    assert!(
        e.contains("`satisfaction`: expected a table of settings"),
        "{e}"
    );
    assert!(
        e.ends_with("found 5\nerror: 1 of 1 scenario file invalid\n"),
        "{e}"
    );
}

#[test]
fn a_types_key_on_a_file_of_one_type_says_where_its_fields_are() {
    let e = error_of(
        &[
            "check",
            "--set",
            "types.x.patience.time.mean_s=90",
            "scenarios/weekday.toml",
        ],
        1,
    );
    assert_plain(&e);
    assert!(e.contains("--set types.x.patience.time.mean_s=90"), "{e}");
    assert!(e.contains("no [[types]]"), "{e}");
    assert!(e.contains("set `patience.time.mean_s` instead"), "{e}");
    let e = error_of(
        &[
            "check",
            "--set",
            "groups.0.agents=5",
            "scenarios/weekday.toml",
        ],
        1,
    );
    assert!(e.contains("set `staffing.agents` instead"), "{e}");
}

#[test]
fn a_bad_type_in_a_file_says_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.toml");
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/weekday.toml"),
    )
    .unwrap()
    .replacen("[simulation]", "types = { a = 1 }\n[simulation]", 1);
    std::fs::write(&file, text).unwrap();
    let e = error_of(&["check", file.to_str().unwrap()], 1);
    assert_plain(&e);
    assert!(
        e.contains("`types`: expected a list [...], found a table"),
        "{e}"
    );
}

#[test]
fn vary_errors_name_vary_not_set() {
    let e = error_of(
        &["sweep", "--vary", "staffing.shrinkage=0.1,1", "-n", "2"],
        1,
    );
    assert!(e.contains("--vary staffing.shrinkage=1:"), "{e}");
    assert!(!e.contains("--set"), "{e}");
    // A --set beside the lever is still named as --set.
    let e = error_of(
        &[
            "sweep",
            "--vary",
            "staffing.agents=4,5",
            "--set",
            "staffing.shrinkage=2",
            "-n",
            "2",
        ],
        1,
    );
    assert!(e.contains("--set staffing.shrinkage=2:"), "{e}");
    assert!(!e.contains("--vary"), "{e}");
    // A bad key quotes the argument as given, not a `--set` made up from it.
    let e = error_of(&["sweep", "--vary", "staffing..x=1,2"], 2);
    assert!(e.contains("`staffing..x=1,2`: the key"), "{e}");
    assert!(!e.contains("=0`"), "{e}");
}

#[test]
fn erlang_with_fewer_lines_than_agents_says_no_call_waits() {
    let args = [
        "erlang", "--calls", "100", "--aht", "180", "--agents", "12", "--lines", "5",
    ];
    let out = ccsim(args);
    crate::common::assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("with 5 lines and 12 productive agents"),
        "{text}"
    );
    assert!(text.contains("no call waits"), "{text}");
    assert!(text.contains("at least 7 agents are always idle"), "{text}");
    let json = ccsim([&args[..], &["--json"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["lines_note"].as_str().unwrap().contains("no call waits"));
    // More lines than agents: the waits are those of unlimited lines, and it says so.
    let out = ccsim([
        "erlang", "--calls", "100", "--aht", "180", "--agents", "12", "--lines", "20",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("assume unlimited lines"), "{text}");
    assert!(text.contains("at most 8 calls wait at once"), "{text}");
    // Without --lines, no note.
    let out = ccsim(["erlang", "--calls", "100", "--aht", "180", "--agents", "12"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("note:"));
}

#[test]
fn counts_agree_with_their_nouns_and_hours_are_not_raw_fractions() {
    let out = ccsim([
        "erlang", "--calls", "1", "--aht", "180", "--agents", "1", "--lines", "1",
    ]);
    crate::common::assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Erlang C: 1 call in 30 min, AHT 180 s, 1 agent\n"),
        "{text}"
    );
    assert!(text.contains("(Erlang B, 1 line,"), "{text}");
    let out = ccsim(["check", "scenarios/shifts/weekday.toml"]);
    crate::common::assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("replications × 1 day,"), "{text}");
    assert!(!text.contains("(s)"), "{text}");
    // A shift too short: its bounds in hours and minutes, not 0.016666666666666666 hours.
    let e = error_of(
        &[
            "check",
            "--set",
            "staffing.shifts.0.hours=0.001",
            "scenarios/shifts/weekday.toml",
        ],
        1,
    );
    assert!(e.contains("from 1 minute to 24 hours"), "{e}");
    assert!(!e.contains("0.0166"), "{e}");
    assert!(e.ends_with("1 of 1 scenario file invalid\n"), "{e}");
}

#[test]
fn absenteeism_shows_the_range_it_accepts() {
    for v in ["1.5", "1"] {
        let key = format!("staffing.absenteeism={v}");
        let e = error_of(
            &["check", "--set", &key, "scenarios/shifts/weekday.toml"],
            1,
        );
        assert!(
            e.contains("expected a share in [0, 1) (1 would leave nobody at work), found"),
            "{e}"
        );
        assert!(!e.contains("[0, 1]"), "{e}");
    }
}

/// A centre of `types` one-interval types, all served by `groups` groups.
fn centre(types: usize, groups: usize) -> String {
    let mut t = String::from("name = \"big\"\n[simulation]\nreplications = 2\n");
    for k in 0..types {
        t.push_str(&format!(
            "[[types]]\nname = \"t{k}\"\n[types.arrivals]\nvolumes = [1]\n[types.handling]\n\
             time = {{ dist = \"fixed\", value_s = 60 }}\n[types.patience]\n\
             time = {{ dist = \"exponential\", mean_s = 60 }}\n"
        ));
    }
    let names: Vec<String> = (0..types).map(|k| format!("\"t{k}\"")).collect();
    for j in 0..groups {
        t.push_str(&format!(
            "[[groups]]\nname = \"g{j}\"\nagents = 1\nserves = [{}]\n",
            names.join(", ")
        ));
    }
    t
}

#[test]
fn the_number_of_types_and_groups_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.toml");
    let f = file.to_str().unwrap();
    std::fs::write(&file, centre(ccsim::limits::MAX_TYPES, 1)).unwrap();
    crate::common::assert_success(&ccsim(["check", f]));
    std::fs::write(&file, centre(ccsim::limits::MAX_TYPES + 1, 1)).unwrap();
    let e = error_of(&["check", f], 1);
    assert!(e.contains(&format!("{f}:")), "{e}");
    assert!(
        e.contains("`types`: expected at most 200 [[types]] entries in one centre, found 201"),
        "{e}"
    );
    std::fs::write(&file, centre(2, ccsim::limits::MAX_GROUPS + 1)).unwrap();
    let e = error_of(&["check", f], 1);
    assert!(
        e.contains("`groups`: expected at most 200 [[groups]] entries in one centre, found 201"),
        "{e}"
    );
}

#[test]
fn the_limits_table_lists_every_cap_as_validation_applies_it() {
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scenario-file.md"),
    )
    .unwrap();
    let table: Vec<&str> = readme
        .split("## Limits")
        .nth(1)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with('|'))
        .collect();
    let row = |key: &str| {
        *table
            .iter()
            .find(|l| l.contains(key))
            .unwrap_or_else(|| panic!("no row for {key} in the Limits table"))
    };
    assert!(row("`chat_slots`").contains(&format!("1 to {}", ccsim::limits::MAX_CHAT_SLOTS)));
    assert!(row("`day_factors`").contains(&format!("{} factors", "3,660")));
    assert!(row("`[[types]]`").contains(&format!("1 to {} each", ccsim::limits::MAX_TYPES)));
    assert_eq!(ccsim::limits::MAX_TYPES, ccsim::limits::MAX_GROUPS);
    assert!(
        row("`absenteeism`").contains("`absenteeism`") && row("`absenteeism`").contains("below 1")
    );
}

#[test]
fn computed_figures_in_messages_are_rounded() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.toml");
    std::fs::write(
        &file,
        "name = \"big\"\n[simulation]\ndays = 10\n[arrivals]\nvolumes = [1000000]\n\
         [handling]\ntime = { dist = \"fixed\", value_s = 60 }\n[staffing]\nagents = 1\n\
         [resolution]\nfcr = 0.8\nrepeat_probability = 0.5\n\
         repeat_delay = { dist = \"exponential\", mean_s = 3600 }\n",
    )
    .unwrap();
    let e = error_of(&["check", file.to_str().unwrap()], 1);
    // 1 / (1 − 0.2 × 0.5) = 1.1111111111111112 repeats per fresh contact.
    assert!(e.contains("(× 1.11 for repeat contacts)"), "{e}");
    assert!(!e.contains("1.1111"), "{e}");
}

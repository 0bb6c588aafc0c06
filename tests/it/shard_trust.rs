//! Parts a merge can trust: a damaged part (one changed hex digit, no checksum) is
//! refused naming its file; a part of another format or of other `--set` values says
//! what differs; `--calls-log` on a shard is refused rather than silently dropped.

use crate::common::{self, ccsim};

use std::path::{Path, PathBuf};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Part `i` of 2 of the weekday scenario, with `extra` options, in `dir`.
fn part(dir: &Path, name: &str, i: u32, extra: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let shard = format!("{i}/2");
    let mut args = vec![
        "run",
        "scenarios/weekday.toml",
        "-n",
        "4",
        "--shard",
        &shard,
    ];
    args.extend(extra);
    args.extend(["--json", path.to_str().unwrap()]);
    common::assert_success(&ccsim(&args));
    path
}

fn merge(parts: &[&Path]) -> std::process::Output {
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(|p| p.to_str().unwrap()));
    args.extend(["--json", "-"]);
    ccsim(&args)
}

#[test]
fn a_part_with_one_changed_hex_digit_or_no_checksum_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let one = part(dir.path(), "one.json", 1, &[]);
    let two = part(dir.path(), "two.json", 2, &[]);
    common::assert_success(&merge(&[&one, &two]));

    // One hex digit of a stored value, changed to another hex digit: still a value that
    // decodes, so only a checksum can tell.
    let text = std::fs::read_to_string(&two).unwrap();
    let at = text.find("\"values\":[\"").unwrap() + 11 + 5;
    let digit = &text[at..at + 1];
    let other = if digit == "7" { "8" } else { "7" };
    let changed = dir.path().join("changed.json");
    std::fs::write(
        &changed,
        format!("{}{other}{}", &text[..at], &text[at + 1..]),
    )
    .unwrap();
    let out = merge(&[&one, &changed]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("changed.json") && err.contains("checksum"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value.as_object_mut().unwrap().remove("checksum");
    let bare = dir.path().join("bare.json");
    std::fs::write(&bare, serde_json::to_vec(&value).unwrap()).unwrap();
    let out = merge(&[&one, &bare]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("bare.json") && err.contains("no checksum"),
        "{err}"
    );
}

#[test]
fn a_part_of_another_format_names_the_format_not_the_same_version_twice() {
    let dir = tempfile::tempdir().unwrap();
    let one = part(dir.path(), "one.json", 1, &[]);
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&one).unwrap()).unwrap();
    value["ccsim_shard"] = serde_json::json!(99);
    let old = dir.path().join("old.json");
    std::fs::write(&old, serde_json::to_vec(&value).unwrap()).unwrap();
    let out = merge(&[&old]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("old.json") && err.contains("shard format 99"),
        "{err}"
    );
    assert!(err.contains("reads shard format"), "{err}");
    assert!(!err.contains("this is ccsim"), "{err}");
}

#[test]
fn parts_of_different_set_values_name_the_field_and_the_values() {
    let dir = tempfile::tempdir().unwrap();
    let one = part(
        dir.path(),
        "one.json",
        1,
        &["--set", "staffing.shrinkage=0.25"],
    );
    let two = part(
        dir.path(),
        "two.json",
        2,
        &["--set", "staffing.shrinkage=0.3"],
    );
    let out = merge(&[&one, &two]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("staffing.shrinkage is 0.25 in one and 0.3 in the other"),
        "{err}"
    );
}

#[test]
fn calls_log_on_a_shard_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("calls.csv");
    let part = dir.path().join("part.json");
    let out = ccsim([
        "run",
        "scenarios/weekday.toml",
        "-n",
        "4",
        "--shard",
        "1/2",
        "--json",
        part.to_str().unwrap(),
        "--calls-log",
        log.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--calls-log"), "{}", stderr(&out));
    assert!(!log.exists() && !part.exists());
}

//! Where ccsim's outputs go, and that writing them never loses data: devices, named
//! pipes and links are written into, not replaced; an output onto an input, or two
//! outputs to one place, is refused before simulating; standard output that is full or
//! closed early ends in an error or quietly, never a panic, and never before the files
//! are written; a study is written whole (file names from long scenario names are
//! shortened, a path too long is refused up front) and a second study into the same
//! folder removes what the first wrote there, and nothing else.
//!
//! Every case works for any user: `/dev/full` and `/dev/fd/1` are writable by all.
//! Standard output is named `/dev/fd/1` rather than `/dev/stdout`: a regression that
//! renamed over it would fail in `/proc` instead of replacing a link in `/dev` (as root).

use crate::common;

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::{assert_success, bin};

/// A tiny scenario: three one-hour intervals, a few replications.
fn scenario(name: &str, agents: u32) -> String {
    format!(
        "name = \"{name}\"\n\
         [simulation]\nreplications = 4\nseed = 7\ninterval_minutes = 60\nopen = \"09:00\"\n\
         [arrivals]\nvolumes = [30, 40, 20]\n\
         [handling]\ntime = {{ dist = \"exponential\", mean_s = 240 }}\n\
         [patience]\ntime = {{ dist = \"exponential\", mean_s = 120 }}\n\
         [staffing]\nagents = [{agents}, {agents}, {agents}]\n\
         [targets]\nservice_level = {{ within_s = 20, at_least = 0.8 }}\n"
    )
}

/// A temp folder with `in.toml` in it.
fn one_input() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("in.toml"), scenario("Input", 4)).unwrap();
    tmp
}

/// `TMP/study/` holding one scenario file per name (agents 3, 4, 5…).
fn study(tmp: &Path, names: &[&str]) -> PathBuf {
    let dir = tmp.join("study");
    fs::create_dir_all(&dir).unwrap();
    for (i, name) in names.iter().enumerate() {
        let agents = 3 + u32::try_from(i).unwrap();
        fs::write(dir.join(format!("s{i}.toml")), scenario(name, agents)).unwrap();
    }
    dir
}

/// A command for the binary, run in `dir`.
fn command(dir: &Path, args: &[&dyn AsRef<OsStr>]) -> Command {
    let mut c = Command::new(bin());
    c.args(args.iter().map(|a| a.as_ref())).current_dir(dir);
    c
}

/// Runs the binary in `dir` and collects what it printed.
fn ccsim(dir: &Path, args: &[&dyn AsRef<OsStr>]) -> Output {
    command(dir, args).output().expect("the binary runs")
}

/// Runs the binary in `dir` with standard output on `/dev/full`.
fn ccsim_into_full_stdout(dir: &Path, args: &[&dyn AsRef<OsStr>]) -> Output {
    let full = File::options().write(true).open("/dev/full").unwrap();
    command(dir, args)
        .stdout(full)
        .output()
        .expect("the binary runs")
}

/// Asserts that a run was refused with `code` before it simulated anything, with a
/// message that mentions `needle`.
fn assert_refused(out: &Output, code: i32, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains(needle), "expected {needle:?} in: {err}");
    assert!(out.stdout.is_empty(), "it simulated before refusing");
}

/// Asserts that a run failed with an error message and status 1, not a panic.
fn assert_error_not_panic(out: &Output, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains(needle), "expected {needle:?} in: {err}");
}

/// The file names listed in a study folder's `.ccsim-files`.
fn manifest(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join(".ccsim-files"))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Every file name in `dir` but the manifest, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".ccsim-files")
        .collect();
    v.sort();
    v
}

/// Asserts that every file the manifest lists is there, complete, and nothing else is.
fn assert_whole_study(out_dir: &Path) {
    let mut listed = manifest(out_dir);
    listed.sort();
    assert_eq!(files_in(out_dir), listed);
    let report = fs::read_to_string(out_dir.join("report.md")).unwrap();
    assert!(report.contains("intervals-"), "report.md is incomplete");
}

fn json_scenarios(bytes: &[u8]) -> usize {
    let v: serde_json::Value = serde_json::from_slice(bytes).expect("a whole JSON report");
    v["scenarios"].as_array().expect("scenarios").len()
}

// 1. Outputs: what is at the path is written into or replaced atomically, never lost.

#[test]
fn json_onto_dev_full_is_an_error_and_leaves_the_device_in_place() {
    let tmp = one_input();
    for option in ["--json", "--csv"] {
        let out = ccsim(tmp.path(), &[&"run", &"in.toml", &option, &"/dev/full"]);
        let m = fs::symlink_metadata("/dev/full").unwrap();
        if !m.file_type().is_char_device() {
            // Only root can have replaced it, and only root can put it back.
            let _ = fs::remove_file("/dev/full");
            let _ = Command::new("mknod")
                .args(["-m", "666", "/dev/full", "c", "1", "7"])
                .status();
            panic!("{option} /dev/full replaced the device with a file");
        }
        assert_error_not_panic(&out, "/dev/full");
    }
}

#[test]
fn json_into_a_named_pipe_reaches_its_reader_and_the_pipe_stays() {
    let tmp = one_input();
    let fifo = tmp.path().join("report.fifo");
    assert_success(&Command::new("mkfifo").arg(&fifo).output().unwrap());
    let (tx, rx) = mpsc::channel();
    let reading = fifo.clone();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        File::open(&reading)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .unwrap();
        let _ = tx.send(bytes);
    });
    let out = ccsim(tmp.path(), &[&"run", &"in.toml", &"--json", &fifo]);
    assert_success(&out);
    let bytes = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the reader got the end of the JSON");
    assert_eq!(json_scenarios(&bytes), 1);
    let m = fs::symlink_metadata(&fifo).unwrap();
    assert!(m.file_type().is_fifo(), "the named pipe was replaced");
}

#[test]
fn json_through_a_link_replaces_its_target_and_keeps_the_link() {
    let tmp = one_input();
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::write(elsewhere.join("real.json"), "old").unwrap();
    std::os::unix::fs::symlink("elsewhere/real.json", tmp.path().join("link.json")).unwrap();
    assert_success(&ccsim(
        tmp.path(),
        &[&"run", &"in.toml", &"--json", &"link.json"],
    ));
    let link = fs::symlink_metadata(tmp.path().join("link.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert_eq!(
        fs::read_link(tmp.path().join("link.json")).unwrap(),
        Path::new("elsewhere/real.json")
    );
    let bytes = fs::read(elsewhere.join("real.json")).unwrap();
    assert_eq!(json_scenarios(&bytes), 1);
}

#[test]
fn a_link_to_nothing_is_refused_before_simulating_and_kept() {
    let tmp = one_input();
    let link = tmp.path().join("dangling.json");
    std::os::unix::fs::symlink("missing/real.json", &link).unwrap();
    let out = ccsim(tmp.path(), &[&"run", &"in.toml", &"--json", &link]);
    assert_refused(&out, 1, "link to a file that does not exist");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_replaced_file_keeps_its_permissions_and_a_read_only_one_is_refused() {
    let tmp = one_input();
    let private = tmp.path().join("private.json");
    fs::write(&private, "old").unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
    assert_success(&ccsim(
        tmp.path(),
        &[&"run", &"in.toml", &"--json", &private],
    ));
    let mode = fs::metadata(&private).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a private report became readable by others");
    assert_eq!(json_scenarios(&fs::read(&private).unwrap()), 1);

    let kept = tmp.path().join("kept.csv");
    fs::write(&kept, "keep me").unwrap();
    fs::set_permissions(&kept, fs::Permissions::from_mode(0o444)).unwrap();
    let out = ccsim(tmp.path(), &[&"run", &"in.toml", &"--csv", &kept]);
    assert_refused(&out, 1, "read-only");
    assert_eq!(fs::read_to_string(&kept).unwrap(), "keep me");
}

#[test]
fn an_output_onto_the_runs_own_input_is_refused_before_simulating() {
    let tmp = one_input();
    let original = fs::read(tmp.path().join("in.toml")).unwrap();
    fs::create_dir(tmp.path().join("sub")).unwrap();
    fs::hard_link(tmp.path().join("in.toml"), tmp.path().join("hard.toml")).unwrap();
    std::os::unix::fs::symlink("in.toml", tmp.path().join("soft.toml")).unwrap();
    for (option, path) in [
        ("--json", "in.toml"),
        ("--csv", "in.toml"),
        ("--json", "./in.toml"),
        ("--json", "sub/../in.toml"),
        ("--json", "hard.toml"),
        ("--csv", "soft.toml"),
    ] {
        let out = ccsim(tmp.path(), &[&"run", &"in.toml", &option, &path]);
        assert_refused(&out, 2, "would overwrite the input");
        assert_eq!(fs::read(tmp.path().join("in.toml")).unwrap(), original);
    }
    // The input named through a link, the output by its own name.
    let out = ccsim(tmp.path(), &[&"run", &"soft.toml", &"--json", &"in.toml"]);
    assert_refused(&out, 2, "would overwrite the input");
    // A baseline is an input too.
    fs::write(tmp.path().join("base.toml"), scenario("Base", 5)).unwrap();
    let out = ccsim(
        tmp.path(),
        &[
            &"run",
            &"in.toml",
            &"--baseline",
            &"base.toml",
            &"--csv",
            &"base.toml",
        ],
    );
    assert_refused(&out, 2, "would overwrite the input");
    assert!(fs::read_to_string(tmp.path().join("base.toml"))
        .unwrap()
        .contains("Base"));
    assert!(fs::symlink_metadata(tmp.path().join("soft.toml"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_study_folder_holding_a_link_to_an_input_is_refused_before_simulating() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = study(tmp.path(), &["Lean", "Rich"]);
    let original = fs::read(dir.join("s0.toml")).unwrap();
    let out_dir = tmp.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    std::os::unix::fs::symlink(dir.join("s0.toml"), out_dir.join("summary.json")).unwrap();
    let out = ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]);
    assert_refused(&out, 2, "would overwrite the input");
    assert_eq!(fs::read(dir.join("s0.toml")).unwrap(), original);
    assert_eq!(files_in(&out_dir), ["summary.json"]);
}

#[test]
fn two_outputs_to_one_file_are_refused_before_simulating() {
    let tmp = one_input();
    fs::create_dir(tmp.path().join("there")).unwrap();
    for (json, csv) in [
        ("r.x", "r.x"),
        ("r.x", "./r.x"),
        ("there/r.x", "there/../there/r.x"),
    ] {
        let out = ccsim(
            tmp.path(),
            &[&"run", &"in.toml", &"--json", &json, &"--csv", &csv],
        );
        assert_refused(&out, 2, "both write to");
        assert!(!tmp.path().join(json).exists(), "{json} was written");
    }
    // An existing file is one place whatever it is called.
    fs::write(tmp.path().join("old.x"), "old").unwrap();
    fs::hard_link(tmp.path().join("old.x"), tmp.path().join("also.x")).unwrap();
    let out = ccsim(
        tmp.path(),
        &[&"run", &"in.toml", &"--json", &"old.x", &"--csv", &"also.x"],
    );
    assert_refused(&out, 2, "both write to");
    assert_eq!(fs::read_to_string(tmp.path().join("old.x")).unwrap(), "old");
}

#[test]
fn an_output_inside_the_out_folder_is_refused_before_simulating() {
    let tmp = one_input();
    // The folder does not exist yet, and then it does: the same place either way.
    for exists in [false, true] {
        if exists {
            fs::create_dir(tmp.path().join("study")).unwrap();
        }
        for json in [
            "study/summary.json",
            "./study/summary.json",
            "study/./report.md",
        ] {
            let out = ccsim(
                tmp.path(),
                &[&"run", &"in.toml", &"--out", &"study", &"--json", &json],
            );
            assert_refused(&out, 2, "both write to");
            assert_eq!(tmp.path().join("study").exists(), exists);
        }
    }
}

#[test]
fn two_outputs_to_standard_output_are_refused() {
    let tmp = one_input();
    for (json, csv) in [("-", "-"), ("-", "/dev/fd/1"), ("/dev/fd/1", "-")] {
        let out = ccsim(
            tmp.path(),
            &[&"run", &"in.toml", &"--json", &json, &"--csv", &csv],
        );
        assert_refused(&out, 2, "both write to standard output");
    }
}

#[test]
fn json_to_a_path_of_standard_output_is_standard_output_and_not_mixed_with_the_table() {
    let tmp = one_input();
    let out = ccsim(tmp.path(), &[&"run", &"in.toml", &"--json", &"/dev/fd/1"]);
    assert_success(&out);
    assert_eq!(json_scenarios(&out.stdout), 1);
}

// 2. Standard output: full is an error, closed early is a quiet end, files come first.

#[test]
fn a_full_standard_output_is_an_error_not_a_panic() {
    let tmp = one_input();
    let dir = study(tmp.path(), &["Lean", "Rich"]);
    let out_dir = tmp.path().join("out");
    let runs: [&[&dyn AsRef<OsStr>]; 7] = [
        &[&"run", &"in.toml"],
        &[&"run", &"in.toml", &"--json", &"-"],
        &[&"run", &"in.toml", &"--csv", &"-"],
        &[&"batch", &dir, &"--out", &out_dir],
        &[&"check", &"in.toml"],
        &[
            &"erlang",
            &"--calls",
            &"100",
            &"--aht",
            &"180",
            &"--agents",
            &"14",
        ],
        &[
            &"erlang",
            &"--calls",
            &"100",
            &"--aht",
            &"180",
            &"--agents",
            &"14",
            &"--json",
        ],
    ];
    for args in runs {
        let out = ccsim_into_full_stdout(tmp.path(), args);
        assert_error_not_panic(&out, "standard output");
    }
    // The batch wrote its files before it tried to print its summary.
    assert_whole_study(&out_dir);
}

#[test]
fn batch_into_a_pipe_closed_at_once_writes_every_file_and_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = study(tmp.path(), &["Lean", "Base", "Rich"]);
    let out_dir = tmp.path().join("out");
    let mut child = command(tmp.path(), &[&"batch", &dir, &"--out", &out_dir])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {err}");
    assert!(
        err.is_empty(),
        "a closed pipe is not worth a message: {err}"
    );
    assert_whole_study(&out_dir);
    // summary, JSON, intervals, differences and the workbook; four study charts and
    // three interval charts, each twice; report.html and report.md.
    assert_eq!(manifest(&out_dir).len(), 5 + 2 * (4 + 3) + 2);
}

#[test]
fn run_into_a_pipe_its_reader_closes_early_ends_quietly() {
    let tmp = one_input();
    fs::write(tmp.path().join("two.toml"), scenario("Second", 5)).unwrap();
    let cases: [&[&dyn AsRef<OsStr>]; 3] = [
        &[&"run", &"in.toml", &"two.toml", &"--intervals"],
        &[&"run", &"in.toml", &"--json", &"-", &"--csv", &"r.csv"],
        &[
            &"erlang",
            &"--calls",
            &"100",
            &"--aht",
            &"180",
            &"--agents",
            &"14",
        ],
    ];
    for (k, args) in cases.into_iter().enumerate() {
        let mut child = command(tmp.path(), args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        if k == 0 {
            // Like `| head -c 16`: read a little, then go away.
            let mut first = [0u8; 16];
            stdout.read_exact(&mut first).unwrap();
        }
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "case {k}, stderr: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // The file output was written before standard output was tried.
    let csv = fs::read_to_string(tmp.path().join("r.csv")).unwrap();
    assert_eq!(csv.lines().count(), 2, "{csv}");
}

// 3. A study is written whole, and a second study cleans up after the first.

/// A scenario name of `len` characters: words, so its slug has dashes too.
fn long_name(len: usize, tail: &str) -> String {
    let mut name: String = "Very long scenario name "
        .chars()
        .cycle()
        .take(len - tail.len())
        .collect();
    name.push_str(tail);
    name
}

#[test]
fn the_longest_scenario_names_give_a_whole_study_with_short_names() {
    // Names are at most MAX_NAME_CHARS characters (a 5,000-character one is refused by
    // validation); 200 two-byte characters are still 400 bytes, beyond a file name's 255.
    let tmp = tempfile::tempdir().unwrap();
    let longest = ccsim::limits::MAX_NAME_CHARS;
    let a = long_name(longest, "A");
    let b = long_name(longest, "B");
    let dir = study(tmp.path(), &[&a, &b, &"é".repeat(longest)]);
    let out_dir = tmp.path().join("out");
    let out = ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]);
    assert_success(&out);
    assert_whole_study(&out_dir);
    let listed = manifest(&out_dir);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("Wrote {} files", listed.len())),
        "{text}"
    );
    let charts: Vec<&String> = listed
        .iter()
        .filter(|n| n.starts_with("intervals-") && n.ends_with(".png"))
        .collect();
    assert_eq!(charts.len(), 3, "one chart per scenario: {listed:?}");
    for name in &listed {
        assert!(name.len() <= 80, "{name} is {} bytes long", name.len());
    }
    let v: serde_json::Value =
        serde_json::from_slice(&fs::read(out_dir.join("summary.json")).unwrap()).unwrap();
    assert_eq!(v["scenarios"][0]["name"].as_str(), Some(a.as_str()));
}

#[cfg(target_os = "linux")]
#[test]
fn a_path_too_long_for_a_chart_is_refused_before_simulating_with_nothing_written() {
    // Linux takes paths of at most 4095 bytes: the folder and `summary.csv` fit in that,
    // a chart named after a long scenario does not.
    const PATH_MAX: usize = 4096;
    let tmp = tempfile::tempdir().unwrap();
    let dir = study(
        tmp.path(),
        &[&long_name(ccsim::limits::MAX_NAME_CHARS, "A")],
    );
    let chart = "intervals-".len() + 60 + ".png".len();
    let target = PATH_MAX - 1 - chart + 5;
    let mut parent = fs::canonicalize(tmp.path()).unwrap();
    while parent.as_os_str().len() + 1 + 200 + 2 < target - "/out".len() {
        parent.push("d".repeat(200));
    }
    let short = target - "/out".len() - parent.as_os_str().len() - 1;
    parent.push("e".repeat(short));
    fs::create_dir_all(&parent).unwrap();
    let out_dir = parent.join("out");
    assert_eq!(out_dir.as_os_str().len(), target);
    assert!(out_dir.join("summary.csv").as_os_str().len() < PATH_MAX);
    let out = ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]);
    assert_refused(&out, 1, "too long");
    assert!(!out_dir.exists(), "the out folder was left behind");
}

#[test]
fn a_second_study_removes_what_the_first_wrote_and_only_that() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = study(tmp.path(), &["Lean", "Base", "Rich"]);
    let out_dir = tmp.path().join("out");
    assert_success(&ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]));
    assert!(out_dir.join("intervals-rich.png").exists());
    fs::write(out_dir.join("notes.txt"), "mine").unwrap();
    fs::write(out_dir.join("intervals-mine.png"), "mine too").unwrap();

    fs::remove_file(dir.join("s2.toml")).unwrap();
    assert_success(&ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]));
    for stale in ["intervals-rich.png", "intervals-rich.svg"] {
        assert!(!out_dir.join(stale).exists(), "{stale} outlived its study");
    }
    assert_eq!(
        fs::read_to_string(out_dir.join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(out_dir.join("intervals-mine.png").exists());
    let mut listed = manifest(&out_dir);
    listed.extend(["notes.txt".into(), "intervals-mine.png".into()]);
    listed.sort();
    assert_eq!(files_in(&out_dir), listed);
    let report = fs::read_to_string(out_dir.join("report.md")).unwrap();
    assert!(
        !report.contains("Rich"),
        "report.md still shows the old study"
    );
}

#[test]
fn a_study_failing_half_way_leaves_the_old_one_whole_and_the_next_cleans_up() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = study(tmp.path(), &["Lean", "Base", "Rich"]);
    let out_dir = tmp.path().join("out");
    assert_success(&ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]));
    let old_svg = fs::read(out_dir.join("intervals-rich.svg")).unwrap();
    // report.md, a link to a full device: written through before anything is moved in.
    fs::remove_file(out_dir.join("report.md")).unwrap();
    std::os::unix::fs::symlink("/dev/full", out_dir.join("report.md")).unwrap();
    fs::remove_file(dir.join("s2.toml")).unwrap();
    let out = ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]);
    assert_error_not_panic(&out, "report.md");
    assert_eq!(
        fs::read(out_dir.join("intervals-rich.svg")).unwrap(),
        old_svg
    );
    assert!(!files_in(&out_dir)
        .iter()
        .any(|n| n.starts_with(".ccsim-staging")));
    fs::remove_file(out_dir.join("report.md")).unwrap();

    assert_success(&ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]));
    assert_whole_study(&out_dir);
    assert!(!out_dir.join("intervals-rich.svg").exists());
}

#[test]
fn a_tampered_manifest_removes_nothing_outside_its_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = study(tmp.path(), &["Lean", "Rich"]);
    let out_dir = tmp.path().join("out");
    assert_success(&ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]));
    let outside = tmp.path().join("outside.txt");
    let victim = tmp.path().join("victim.txt");
    let linked = tmp.path().join("linked.txt");
    for f in [&outside, &victim, &linked] {
        fs::write(f, "keep").unwrap();
    }
    fs::create_dir(out_dir.join("sub")).unwrap();
    fs::write(out_dir.join("sub/inner.txt"), "keep").unwrap();
    fs::write(out_dir.join("notes.txt"), "keep").unwrap();
    fs::write(out_dir.join("scenario.toml"), "keep").unwrap();
    std::os::unix::fs::symlink(&linked, out_dir.join("link.txt")).unwrap();
    let mut text = fs::read_to_string(out_dir.join(".ccsim-files")).unwrap();
    for line in [
        "../outside.txt".to_string(),
        victim.display().to_string(),
        "sub/inner.txt".into(),
        "sub".into(),
        "./notes.txt".into(),
        "notes.txt".into(),
        "scenario.toml".into(),
        "link.txt".into(),
        ".".into(),
        "..".into(),
    ] {
        text.push_str(&line);
        text.push('\n');
    }
    fs::write(out_dir.join(".ccsim-files"), text).unwrap();

    assert_success(&ccsim(tmp.path(), &[&"batch", &dir, &"--out", &out_dir]));
    for f in [
        outside,
        victim,
        linked,
        out_dir.join("sub/inner.txt"),
        out_dir.join("notes.txt"),
        out_dir.join("scenario.toml"),
    ] {
        assert_eq!(fs::read_to_string(&f).unwrap(), "keep", "{}", f.display());
    }
    assert!(fs::symlink_metadata(out_dir.join("link.txt"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(!manifest(&out_dir).iter().any(|n| n.contains("txt")));
}

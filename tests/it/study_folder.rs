//! A study folder (`--out DIR`) never replaces a file ccsim did not write there, and a
//! write that fails half-way (a file-size limit standing in for a full disk) leaves the
//! old study whole.

use crate::common::{self, ccsim};

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const FILES: [&str; 2] = ["scenarios/weekday.toml", "scenarios/full-journey.toml"];

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every entry of `dir` (hidden ones too) with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

#[test]
fn a_users_own_report_is_refused_by_name_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("mine");
    fs::create_dir(&out_dir).unwrap();
    fs::write(out_dir.join("report.md"), "my own notes").unwrap();
    let dir = out_dir.to_str().unwrap();
    for args in [
        vec!["run", FILES[0], "-n", "2", "--out", dir],
        vec![
            "sweep",
            FILES[0],
            "-n",
            "2",
            "--vary",
            "staffing.agents=-1..+1",
            "--out",
            dir,
        ],
    ] {
        let out = ccsim(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("report.md") && err.contains("no ccsim study wrote it"),
            "{err}"
        );
        assert_eq!(
            contents(&out_dir).into_keys().collect::<Vec<_>>(),
            ["report.md"],
            "{args:?} wrote into the folder"
        );
        assert_eq!(
            fs::read_to_string(out_dir.join("report.md")).unwrap(),
            "my own notes"
        );
    }
}

#[test]
fn a_study_rewritten_by_a_second_one_is_still_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("out");
    let d = dir.to_str().unwrap();
    let sweep = [
        "sweep",
        FILES[0],
        "-n",
        "2",
        "--vary",
        "staffing.agents=-1..+1",
    ];
    common::assert_success(&ccsim([&sweep[..], &["--out", d]].concat()));
    common::assert_success(&ccsim([&sweep[..], &["--seed", "3", "--out", d]].concat()));
    assert!(fs::read_to_string(dir.join(".ccsim-files"))
        .unwrap()
        .contains("sweep.json"));
    common::assert_success(&ccsim(["run", FILES[0], "-n", "2", "--out", d]));
    // The run's study replaced the sweep's and removed the sweep's own files.
    assert!(!dir.join("sweep.json").exists());
    assert!(dir.join("summary.json").exists());
}

#[test]
fn a_study_cut_short_by_a_file_size_limit_leaves_the_old_study_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let dir = out_dir.to_str().unwrap();
    common::assert_success(&ccsim(["run", FILES[0], FILES[1], "-n", "4", "--out", dir]));
    let before = contents(&out_dir);
    // summary.csv (written first) fits under the limit, summary.json does not: a
    // study written file by file would be half new, half old.
    let limit = 8192;
    assert!(before["summary.csv"].len() < limit && before["summary.json"].len() > limit);

    // Other replications and seed: every file would change.
    // The shell ignores the signal a file-size limit sends, so the write fails with an
    // error (as on a full disk) instead of killing the process; the setting is inherited.
    let script = format!(
        "trap '' XFSZ; exec prlimit --fsize={limit} {} run {} {} -n 5 --seed 8 --out {dir}",
        common::bin(),
        FILES[0],
        FILES[1]
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error:") && !err.contains("panicked"), "{err}");
    assert_eq!(
        contents(&out_dir),
        before,
        "the old study changed or something was left: {err}"
    );
}

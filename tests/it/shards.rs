//! `run --shard I/N` and `merge`: the parts merged in any order give the unsharded
//! run's reports byte for byte; a missing, duplicated or foreign part is a clear error.

use crate::common::{ccsim, ccsim_stdout};

use std::path::{Path, PathBuf};

fn fail(args: &[&str]) -> (i32, String) {
    let out = ccsim(args);
    assert!(!out.status.success(), "{args:?} should fail");
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const FILES: [&str; 2] = [
    "scenarios/full-journey.toml",
    "scenarios/multi-skill/bilingual.toml",
];

/// Writes part `i` of `n` of the study (with `extra` options) into `dir`.
fn part(dir: &Path, i: u32, n: u32, extra: &[&str]) -> PathBuf {
    let path = dir.join(format!("part-{i}-of-{n}.json"));
    let shard = format!("{i}/{n}");
    let mut args = vec!["run"];
    args.extend(FILES);
    args.extend(["-n", "11", "--set", "simulation.seed=5", "--shard", &shard]);
    args.extend(extra);
    args.extend(["--json", path.to_str().unwrap()]);
    ccsim_stdout(&args);
    path
}

/// Writes `name.json` into `dir`: one part `shard` of a run of `files` with `n`
/// replications and seed `seed`, the odd one out of a merge.
fn other_part(
    dir: &Path,
    name: &str,
    files: [&str; 2],
    n: &str,
    seed: &str,
    shard: &str,
) -> PathBuf {
    let path = dir.join(format!("{name}.json"));
    let seed = format!("simulation.seed={seed}");
    let mut args = vec!["run"];
    args.extend(files);
    args.extend(["-n", n, "--set", &seed, "--shard", shard]);
    args.extend(["--json", path.to_str().unwrap()]);
    ccsim_stdout(&args);
    path
}

#[test]
fn parts_merged_in_reverse_order_are_the_unsharded_run() {
    let dir = tempfile::tempdir().unwrap();
    let parts: Vec<PathBuf> = (1..=3).map(|i| part(dir.path(), i, 3, &[])).collect();
    let mut run = vec!["run"];
    run.extend(FILES);
    run.extend(["-n", "11", "--set", "simulation.seed=5"]);
    let whole_json = ccsim_stdout(&[&run[..], &["--json", "-"]].concat());
    let whole_csv = ccsim_stdout(&[&run[..], &["--csv", "-"]].concat());

    let reversed: Vec<&str> = parts.iter().rev().map(|p| p.to_str().unwrap()).collect();
    let merged_json = ccsim_stdout(&[&["merge"], &reversed[..], &["--json", "-"]].concat());
    let merged_csv = ccsim_stdout(&[&["merge"], &reversed[..], &["--csv", "-"]].concat());
    assert_eq!(
        String::from_utf8(merged_json).unwrap(),
        String::from_utf8(whole_json).unwrap()
    );
    assert_eq!(merged_csv, whole_csv);
}

#[test]
fn merge_writes_the_same_study_folder_as_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let parts: Vec<PathBuf> = (1..=2)
        .map(|i| part(dir.path(), i, 2, &["--seed", "9"]))
        .collect();
    let (a, b) = (dir.path().join("run-out"), dir.path().join("merge-out"));
    let mut run = vec!["run"];
    run.extend(FILES);
    run.extend(["-n", "11", "--set", "simulation.seed=5", "--seed", "9"]);
    ccsim_stdout(&[&run[..], &["--out", a.to_str().unwrap()]].concat());
    ccsim_stdout(&[
        "merge",
        parts[1].to_str().unwrap(),
        parts[0].to_str().unwrap(),
        "--out",
        b.to_str().unwrap(),
    ]);
    let mut names: Vec<_> = std::fs::read_dir(&a)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(names.len() > 5);
    for n in names {
        assert_eq!(
            std::fs::read(a.join(&n)).unwrap(),
            std::fs::read(b.join(&n)).unwrap(),
            "{n:?}"
        );
    }
}

#[test]
fn missing_duplicated_and_foreign_parts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p: Vec<PathBuf> = (1..=3).map(|i| part(d, i, 3, &[])).collect();
    let s = |p: &PathBuf| p.to_str().unwrap().to_string();

    let (code, err) = fail(&["merge", &s(&p[0]), &s(&p[2]), "--json", "-"]);
    assert_eq!(code, 1);
    assert!(err.contains("missing part(s) 2/3"), "{err}");

    let (_, err) = fail(&["merge", &s(&p[0]), &s(&p[1]), &s(&p[1]), &s(&p[2])]);
    assert!(err.contains("part 2/3 is given twice"), "{err}");

    let other_seed = other_part(d, "seed", [FILES[0], FILES[1]], "11", "6", "2/3");
    let (_, err) = fail(&["merge", &s(&p[0]), &s(&other_seed), &s(&p[2])]);
    assert!(err.contains("different runs"), "{err}");

    let other_n = other_part(d, "n", [FILES[0], FILES[1]], "12", "5", "2/3");
    let (_, err) = fail(&["merge", &s(&p[0]), &s(&other_n), &s(&p[2])]);
    assert!(err.contains("replication counts (11 and 12)"), "{err}");

    let other_file = other_part(
        d,
        "file",
        [FILES[0], "scenarios/weekday.toml"],
        "11",
        "5",
        "2/3",
    );
    let (_, err) = fail(&["merge", &s(&p[0]), &s(&other_file), &s(&p[2])]);
    assert!(
        err.contains("different runs") && err.contains("scenarios"),
        "{err}"
    );

    let other_count = other_part(d, "count", [FILES[0], FILES[1]], "11", "5", "2/4");
    let (_, err) = fail(&["merge", &s(&p[0]), &s(&other_count), &s(&p[2])]);
    assert!(err.contains("numbers of parts (3 and 4)"), "{err}");

    let report = d.join("report.json");
    ccsim_stdout(&[
        "run",
        FILES[0],
        "-n",
        "3",
        "--json",
        report.to_str().unwrap(),
    ]);
    let (_, err) = fail(&["merge", &s(&report)]);
    assert!(err.contains("not a shard file"), "{err}");

    // A cut part: its values no longer fit the scenario.
    let text = std::fs::read_to_string(&p[1]).unwrap();
    let cut = d.join("cut.json");
    let i = text.find("\"values\":[\"").unwrap() + 11;
    std::fs::write(&cut, format!("{}{}", &text[..i], &text[i + 16..])).unwrap();
    let (_, err) = fail(&["merge", &s(&p[0]), &s(&cut), &s(&p[2])]);
    assert!(err.contains("damaged"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn shard_options_that_make_no_sense_are_usage_errors() {
    for args in [
        vec!["run", "--shard", "0/3", "--json", "/dev/null"],
        vec!["run", "--shard", "4/3", "--json", "/dev/null"],
        vec!["run", "--shard", "1/3"],
        vec!["run", "--shard", "1/3", "--json", "/dev/null", "--csv", "-"],
        vec![
            "run",
            "--shard",
            "1/3",
            "--json",
            "/dev/null",
            "--precision",
            "service_level=0.1",
        ],
    ] {
        let (code, err) = fail(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
}

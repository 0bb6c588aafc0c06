//! `ccsim batch` and `ccsim run --out` as a planner uses them: a folder of scenarios in,
//! a folder of reports and charts out, every file complete, parseable and consistent
//! with the JSON report; a bad input stops everything before any output.
//!
//! `report.md` of a small study is pinned in `tests/snapshots/batch-report.md`; after an
//! intended change, rewrite it with `UPDATE_SNAPSHOTS=1 cargo test --test batch`.

use crate::common;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// A tiny scenario: three one-hour intervals, a few replications.
fn scenario(name: &str, agents: u32, seed: u64) -> String {
    format!(
        "# A test scenario.\n\
         name = \"{name}\"\n\
         description = \"{agents} agents all day\"\n\
         [simulation]\nreplications = 8\nseed = {seed}\ninterval_minutes = 60\nopen = \"09:00\"\n\
         [arrivals]\nvolumes = [30, 40, 20]\n\
         [handling]\ntime = {{ dist = \"exponential\", mean_s = 240 }}\n\
         [patience]\ntime = {{ dist = \"exponential\", mean_s = 120 }}\n\
         [staffing]\nagents = [{agents}, {agents}, {agents}]\n\
         [costs]\ncurrency = \"EUR\"\nagent_hour = 20.0\nfixed_per_day = 50.0\n\
         [targets]\nservice_level = {{ within_s = 20, at_least = 0.8 }}\nabandonment_at_most = 0.05\n"
    )
}

/// A temp folder holding `study/` with three scenarios (seeds differ on purpose).
fn study() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("study");
    std::fs::create_dir(&dir).unwrap();
    for (file, name, agents, seed) in [
        ("a-lean.toml", "Lean team", 3, 11),
        ("b-base.toml", "Base team", 4, 12),
        ("c-rich.toml", "Rich team", 5, 13),
    ] {
        std::fs::write(dir.join(file), scenario(name, agents, seed)).unwrap();
    }
    (tmp, dir)
}

/// The small study run as a batch against `b-base.toml` into `TMP/out`.
fn study_with_baseline() -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = study();
    let out_dir = tmp.path().join("out");
    common::assert_success(&ccsim(&[
        &"batch",
        &dir,
        &"--out",
        &out_dir,
        &"--baseline",
        &dir.join("b-base.toml"),
    ]));
    (tmp, out_dir)
}

fn json(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("summary.json")).unwrap()).unwrap()
}

/// Equal up to the last bit or so: both files print the same f64 exactly, but
/// serde_json's default float parser may round the last digit differently from std's.
fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-12 * a.abs().max(1.0),
        "{what}: {a} vs {b}"
    );
}

/// `a` is `b` rounded to two decimals (the CSV's rounding).
fn rounded(a: f64, b: f64, what: &str) {
    assert!((a - b).abs() <= 0.005 + 1e-9, "{what}: {a} vs {b}");
}

const NAMES: [&str; 3] = ["Lean team", "Base team", "Rich team"];
const CHARTS: [&str; 7] = [
    "comparison",
    "tradeoff",
    "cost-per-day",
    "daily-sl",
    "intervals-lean-team",
    "intervals-base-team",
    "intervals-rich-team",
];

/// Width and height from a PNG's IHDR chunk, after checking the signature.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

/// Every text node of an SVG, which must parse as XML.
fn svg_text(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("{} is not XML: {e}", path.display()));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Arguments of mixed kinds (text and paths) for the shared runner.
fn ccsim(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    common::ccsim(args)
}

#[test]
fn batch_writes_every_file_and_they_agree_with_the_json_report() {
    // The out folder does not exist yet: batch creates it.
    let (_tmp, out_dir) = study_with_baseline();

    // The JSON report: baseline first, then the others by file name, one seed for all.
    let j = json(&out_dir);
    let scenarios = j["scenarios"].as_array().unwrap();
    let names: Vec<&str> = scenarios
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Base team", "Lean team", "Rich team"]);
    assert!(scenarios.iter().all(|s| s["seed"] == 12));
    assert_eq!(j["baseline"], "Base team");
    // Each scenario's distribution of satisfaction scores: 11 shares adding up to 1.
    for s in scenarios {
        let d = s["score_distribution"].as_array().unwrap();
        assert_eq!(d.len(), 11);
        let total: f64 = d.iter().map(|e| e["mean"].as_f64().unwrap()).sum();
        close(total, 1.0, "score shares");
    }

    // summary.csv holds the JSON's numbers, rounded to 2 decimals, shares in percent.
    let mut csv = csv::Reader::from_path(out_dir.join("summary.csv")).unwrap();
    let header = csv.headers().unwrap().clone();
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    for (row, s) in rows.iter().zip(scenarios) {
        assert_eq!(&row[col("scenario")], s["name"].as_str().unwrap());
        for (key, column, scale) in [
            ("service_level", "service_level_pct", 100.0),
            ("cost_per_contact", "cost_per_contact_eur", 1.0),
            ("abandonment_rate", "abandonment_rate_pct", 100.0),
        ] {
            let in_csv: f64 = row[col(column)].parse().unwrap();
            rounded(
                in_csv,
                scale * s["metrics"][key]["mean"].as_f64().unwrap(),
                key,
            );
        }
    }

    // intervals.csv: one row per scenario and interval, agreeing with the JSON too.
    let mut csv = csv::Reader::from_path(out_dir.join("intervals.csv")).unwrap();
    let header = csv.headers().unwrap().clone();
    let sl = header
        .iter()
        .position(|h| h == "service_level_pct")
        .unwrap();
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9);
    let first: f64 = rows[0][sl].parse().unwrap();
    let in_json = &scenarios[0]["intervals"][0]["metrics"]["service_level"]["mean"];
    rounded(
        first,
        100.0 * in_json.as_f64().unwrap(),
        "interval service_level",
    );

    // Every chart in both formats; PNGs large enough to read, SVGs valid XML.
    for stem in CHARTS {
        let png = std::fs::read(out_dir.join(format!("{stem}.png"))).unwrap();
        let (w, h) = png_size(&png);
        assert!(w >= 1200 && h >= 800, "{stem}.png is {w}×{h}");
        svg_text(&out_dir.join(format!("{stem}.svg")));
    }
    for stem in ["comparison", "tradeoff", "cost-per-day", "daily-sl"] {
        let text = svg_text(&out_dir.join(format!("{stem}.svg")));
        for name in NAMES {
            assert!(text.contains(name), "{stem}.svg lacks {name}");
        }
    }
    assert!(svg_text(&out_dir.join("intervals-rich-team.svg")).contains("Rich team"));

    // report.md names every scenario and links every chart.
    let md = std::fs::read_to_string(out_dir.join("report.md")).unwrap();
    for name in NAMES {
        assert!(md.contains(name));
    }
    for stem in CHARTS {
        assert!(
            md.contains(&format!("]({stem}.png)")),
            "report.md lacks {stem}.png"
        );
    }
    assert!(md.contains("seed 12 for every scenario (the seed of b-base.toml)"));

    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn comparisons_are_paired_differences_narrower_than_unpaired_ones() {
    let (_tmp, out_dir) = study_with_baseline();
    let j = json(&out_dir);
    let base = &j["scenarios"][0]["metrics"];
    let comparisons = j["comparisons"].as_array().unwrap();
    assert_eq!(comparisons.len(), 2);
    for (c, s) in comparisons
        .iter()
        .zip(&j["scenarios"].as_array().unwrap()[1..])
    {
        assert_eq!(c["scenario"], s["name"]);
        assert_eq!(c["baseline"], "Base team");
        assert_eq!(c["paired"], true);
        assert_eq!(c["pairs"], 8);
        for key in ["service_level", "cost_per_contact", "paid_agent_hours"] {
            let d = &c["metrics"][key];
            let expected =
                s["metrics"][key]["mean"].as_f64().unwrap() - base[key]["mean"].as_f64().unwrap();
            assert!(
                (d["mean"].as_f64().unwrap() - expected).abs() < 1e-9,
                "{key}"
            );
            assert!(
                d["half_width"].as_f64().unwrap() <= d["unpaired_half_width"].as_f64().unwrap()
            );
        }
    }
}

#[test]
fn batch_without_baseline_shares_the_first_files_seed_and_has_no_comparisons() {
    let (tmp, dir) = study();
    let out_dir = tmp.path().join("out");
    common::assert_success(&ccsim(&[&"batch", &dir, &"--out", &out_dir, &"-n", &"4"]));
    let j = json(&out_dir);
    let names: Vec<&str> = j["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, NAMES);
    assert!(j["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["seed"] == 11 && s["replications"] == 4));
    assert!(j.get("comparisons").is_none());
    let md = std::fs::read_to_string(out_dir.join("report.md")).unwrap();
    assert!(md.contains("seed 11 for every scenario (the seed of a-lean.toml)"));
    assert!(!md.contains("Differences against the baseline"));
}

#[test]
fn seed_option_overrides_every_files_seed() {
    let (tmp, dir) = study();
    let out_dir = tmp.path().join("out");
    common::assert_success(&ccsim(&[
        &"batch", &dir, &"--out", &out_dir, &"--seed", &"99", &"-n", &"3",
    ]));
    let j = json(&out_dir);
    assert!(j["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["seed"] == 99));
    let md = std::fs::read_to_string(out_dir.join("report.md")).unwrap();
    assert!(md.contains("seed 99 for every scenario (--seed)"));
}

#[test]
fn a_baseline_outside_the_folder_is_added_first() {
    let (tmp, dir) = study();
    let outside = tmp.path().join("current.toml");
    std::fs::write(&outside, scenario("Current plan", 4, 5)).unwrap();
    let out_dir = tmp.path().join("out");
    common::assert_success(&ccsim(&[
        &"batch",
        &dir,
        &"--out",
        &out_dir,
        &"--baseline",
        &outside,
        &"-n",
        &"3",
    ]));
    let j = json(&out_dir);
    assert_eq!(j["scenarios"].as_array().unwrap().len(), 4);
    assert_eq!(j["scenarios"][0]["name"], "Current plan");
    assert_eq!(j["comparisons"].as_array().unwrap().len(), 3);
    assert!(j["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["seed"] == 5));
}

#[test]
fn a_bad_file_in_the_folder_stops_the_batch_with_no_output() {
    let (tmp, dir) = study();
    std::fs::write(
        dir.join("d-typo.toml"),
        scenario("Typo", 4, 1).replace("[staffing]\n", "[staffing]\nshrinkgae = 0.3\n"),
    )
    .unwrap();
    let out_dir = tmp.path().join("out");
    let out = ccsim(&[&"batch", &dir, &"--out", &out_dir]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("d-typo.toml") && err.contains("shrinkgae"),
        "{err}"
    );
    assert!(!out_dir.exists(), "the output folder was created");
}

#[test]
fn an_out_path_that_is_a_file_fails_before_simulating() {
    let (tmp, dir) = study();
    let file = tmp.path().join("taken");
    std::fs::write(&file, "keep me").unwrap();
    let out = ccsim(&[&"batch", &dir, &"--out", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a folder"));
    assert!(out.stdout.is_empty(), "it simulated first");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn a_folder_without_scenarios_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = ccsim(&[&"batch", &tmp.path(), &"--out", &tmp.path().join("out")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no *.toml"));
}

#[test]
fn run_with_out_writes_the_same_set_for_its_files() {
    let (tmp, dir) = study();
    let out_dir = tmp.path().join("run-out");
    common::assert_success(&ccsim(&[
        &"run",
        &dir.join("a-lean.toml"),
        &dir.join("c-rich.toml"),
        &"--out",
        &out_dir,
        &"--baseline",
        &dir.join("c-rich.toml"),
        &"-n",
        &"4",
    ]));
    let j = json(&out_dir);
    assert_eq!(j["scenarios"][0]["name"], "Rich team");
    assert_eq!(j["comparisons"][0]["scenario"], "Lean team");
    for f in [
        "summary.csv",
        "intervals.csv",
        "report.md",
        "comparison.png",
        "daily-sl.svg",
    ] {
        assert!(out_dir.join(f).is_file(), "{f}");
    }
    for stem in ["intervals-lean-team", "intervals-rich-team"] {
        assert!(out_dir.join(format!("{stem}.png")).is_file());
        assert!(out_dir.join(format!("{stem}.svg")).is_file());
    }
}

#[test]
fn outputs_do_not_depend_on_the_number_of_threads() {
    let (tmp, dir) = study();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    common::assert_success(&ccsim(&[
        &"batch", &dir, &"--out", &one, &"-j", &"1", &"-n", &"4",
    ]));
    common::assert_success(&ccsim(&[
        &"batch", &dir, &"--out", &two, &"-j", &"2", &"-n", &"4",
    ]));
    for f in ["summary.json", "report.md", "tradeoff.svg", "daily-sl.png"] {
        assert_eq!(
            std::fs::read(one.join(f)).unwrap(),
            std::fs::read(two.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn report_md_matches_its_snapshot() {
    let (_tmp, out_dir) = study_with_baseline();
    let md = std::fs::read_to_string(out_dir.join("report.md")).unwrap();
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/batch-report.md");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(snapshot.parent().unwrap()).unwrap();
        std::fs::write(&snapshot, &md).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
    assert!(
        md == expected,
        "report.md differs from {}; if the change is intended, run \
         `UPDATE_SNAPSHOTS=1 cargo test --test batch` and review the diff.\n--- got ---\n{md}",
        snapshot.display()
    );
}

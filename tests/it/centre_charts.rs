//! The charts of centres of several contact types and agent groups, as a planner gets
//! them from `ccsim batch`: one interval chart per type, one of the agent groups per
//! centre, the trade-off per type; every SVG valid XML showing the names as written;
//! and the files checked before simulating exactly the files written after.

use crate::common;

use std::path::{Path, PathBuf};

use ccsim::chart::{self, Outline};
use ccsim::export::bundle;
use ccsim::export::escape::{markdown_text, one_line};
use ccsim::plan;

/// A type name that XML and Markdown must both escape.
const AWKWARD: &str = "R&D <tier 2>";

/// A small centre: three one-hour intervals, `groups` a TOML fragment. The two types
/// answer within different thresholds, so the whole centre has no single one.
fn centre(name: &str, groups: &str) -> String {
    format!(
        "name = \"{name}\"\n\
         [simulation]\nreplications = 4\nseed = 3\ninterval_minutes = 60\nopen = \"09:00\"\n\
         [costs]\ncurrency = \"EUR\"\nagent_hour = 20.0\n\
         [[types]]\nname = \"billing\"\n\
         [types.arrivals]\nvolumes = [30, 40, 20]\n\
         [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 240 }}\n\
         [types.patience]\ntime = {{ dist = \"exponential\", mean_s = 120 }}\n\
         [types.targets]\nservice_level = {{ within_s = 20, at_least = 0.8 }}\n\
         [[types]]\nname = \"{AWKWARD}\"\n\
         [types.arrivals]\nvolumes = [10, 20, 10]\n\
         [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 400 }}\n\
         [types.patience]\ntime = {{ dist = \"exponential\", mean_s = 200 }}\n\
         [types.targets]\nservice_level = {{ within_s = 60, at_least = 0.8 }}\n\
         {groups}"
    )
}

/// A folder `study/` with a centre of two dedicated groups and the same agents pooled.
fn study() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("study");
    std::fs::create_dir(&dir).unwrap();
    let split = format!(
        "[[groups]]\nname = \"billing desk\"\nagents = [3, 4, 2]\nserves = [\"billing\"]\n\
         [[groups]]\nname = \"lab\"\nagents = [2, 3, 2]\nserves = [\"{AWKWARD}\"]\n"
    );
    let pooled = format!(
        "[[groups]]\nname = \"everyone\"\nagents = [5, 7, 4]\n\
         serves = [\"billing\", \"{AWKWARD}\"]\npick = \"longest_wait\"\n"
    );
    std::fs::write(dir.join("a-split.toml"), centre("Split centre", &split)).unwrap();
    std::fs::write(dir.join("b-pooled.toml"), centre("Pooled centre", &pooled)).unwrap();
    (tmp, dir)
}

/// Every text node of an SVG (trimmed), which must parse as XML.
fn svg_text(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("{} is not XML: {e}", path.display()));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter_map(|n| n.text())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The file names listed in an output folder's manifest, in order.
fn manifest(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join(bundle::MANIFEST))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Every `*.toml` of `dir`, as `ccsim batch` finds them.
fn files(dir: &Path) -> Vec<PathBuf> {
    ccsim::commands::batch::toml_files(dir).unwrap()
}

/// Arguments of mixed kinds (text and paths) for the shared runner.
fn ccsim(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    common::ccsim(args)
}

#[test]
fn a_centre_study_draws_each_type_each_centres_groups_and_the_type_trade_off() {
    let (tmp, dir) = study();
    let out = tmp.path().join("out");
    common::assert_success(&ccsim(&[
        &"batch",
        &dir,
        &"--out",
        &out,
        &"--baseline",
        &dir.join("a-split.toml"),
    ]));
    let shown = one_line(AWKWARD).into_owned();
    for slug in ["split-centre", "pooled-centre"] {
        for stem in [
            format!("intervals-{slug}"),
            format!("intervals-{slug}-billing"),
            format!("intervals-{slug}-r-d-tier-2"),
            format!("groups-{slug}"),
        ] {
            assert!(out.join(format!("{stem}.png")).is_file(), "{stem}.png");
            svg_text(&out.join(format!("{stem}.svg")));
        }
        // The type's own chart is titled with its name, drawn as written.
        let text = svg_text(&out.join(format!("intervals-{slug}-r-d-tier-2.svg")));
        assert!(
            text.iter().any(|t| t.contains(&shown)),
            "intervals-{slug}-r-d-tier-2.svg lacks {shown}: {text:?}"
        );
        // In the file itself the name is escaped, never raw markup.
        let raw =
            std::fs::read_to_string(out.join(format!("intervals-{slug}-r-d-tier-2.svg"))).unwrap();
        assert!(raw.contains("R&amp;D &lt;tier 2&gt;") && !raw.contains(AWKWARD));
        // The whole centre has no single threshold: the caption says so, not "NaN s".
        let whole = svg_text(&out.join(format!("intervals-{slug}.svg"))).join("\n");
        assert!(
            whole.contains("each type within its own threshold"),
            "{whole}"
        );
        assert!(!whole.contains("NaN"));
    }
    let groups = svg_text(&out.join("groups-split-centre.svg")).join("\n");
    for name in ["billing desk", "lab"] {
        assert!(groups.contains(name), "groups chart lacks {name}");
    }
    assert!(groups.contains(&format!("lab (serves {shown})")));
    assert!(svg_text(&out.join("groups-pooled-centre.svg"))
        .join("\n")
        .contains(&format!("everyone (serves billing, {shown})")));

    // One labelled point per scenario and type, and a key of the shapes.
    let tradeoff = svg_text(&out.join("tradeoff-types.svg"));
    for scenario in ["Split centre", "Pooled centre"] {
        for ty in ["billing", shown.as_str()] {
            let label = format!("{scenario} · {ty}");
            assert!(
                tradeoff.contains(&label),
                "tradeoff-types.svg lacks {label}"
            );
        }
    }
    assert!(tradeoff.iter().any(|t| t == &shown));
    // The whole-centre trade-off is unchanged: one point per scenario.
    let whole = svg_text(&out.join("tradeoff.svg"));
    assert!(whole.contains(&"Split centre".to_string()));
    assert!(!whole.iter().any(|t| t.contains(" · ")));

    // report.md embeds every chart under its escaped title, with how to read it.
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let title = markdown_text(&format!("Split centre · {AWKWARD} by interval"));
    assert_ne!(title, format!("Split centre · {AWKWARD} by interval"));
    assert!(
        md.contains(&format!(
            "### {title}\n\n![{title}](intervals-split-centre-r-d-tier-2.png)"
        )),
        "report.md lacks the type chart under {title}"
    );
    assert!(!md.contains(AWKWARD), "a raw type name in report.md");
    for stem in [
        "tradeoff-types",
        "groups-split-centre",
        "groups-pooled-centre",
    ] {
        assert!(
            md.contains(&format!("]({stem}.png)")),
            "report.md lacks {stem}"
        );
    }
    assert!(md.contains("Agents belong to groups, not types"));
}

#[test]
fn the_files_checked_before_simulating_are_the_files_written() {
    let (tmp, dir) = study();
    // A one-type file in the same study: its charts stay as they were.
    std::fs::write(
        dir.join("c-single.toml"),
        "name = \"Single queue\"\n[simulation]\nreplications = 4\ninterval_minutes = 60\n\
         [arrivals]\nvolumes = [40, 60, 30]\n\
         [handling]\ntime = { dist = \"exponential\", mean_s = 240 }\n\
         [staffing]\nagents = [6, 8, 5]\n",
    )
    .unwrap();
    let baseline = dir.join("b-pooled.toml");
    let before = plan::study(&files(&dir), Some(&baseline), None, None).unwrap();
    let expected = bundle::file_names(&before.outlines());
    assert!(expected.contains(&"intervals-single-queue.png".to_string()));
    assert!(expected.contains(&"groups-pooled-centre.svg".to_string()));
    assert!(!expected.contains(&"groups-single-queue.svg".to_string()));

    let out = tmp.path().join("out");
    common::assert_success(&ccsim(&[
        &"batch",
        &dir,
        &"--out",
        &out,
        &"--baseline",
        &baseline,
    ]));
    assert_eq!(manifest(&out), expected);
    let mut on_disk: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != bundle::MANIFEST)
        .collect();
    on_disk.sort();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(on_disk, sorted);

    // What the report gives is what the validated scenarios gave.
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let names: Vec<&str> = json["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    let outlines = before.outlines();
    let planned: Vec<&str> = outlines.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, planned);
}

#[test]
fn the_example_multi_skill_study_writes_what_it_planned() {
    let dir = Path::new("scenarios/multi-skill/study");
    let baseline = dir.join("separate.toml");
    let before = plan::study(&files(dir), Some(&baseline), Some(3), None).unwrap();
    let expected = bundle::file_names(&before.outlines());
    for stem in [
        "tradeoff-types",
        "groups-pooled-agents",
        "intervals-overflow-after-30-s-technical",
        "intervals-separate-queues-billing",
    ] {
        assert!(expected.contains(&format!("{stem}.svg")), "{stem}");
    }
    assert!(expected.contains(&"groups.csv".to_string()));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    common::assert_success(&ccsim(&[
        &"batch",
        &dir,
        &"--out",
        &out,
        &"--baseline",
        &baseline,
        &"-n",
        &"3",
    ]));
    assert_eq!(manifest(&out), expected);
    // groups.csv: one row per scenario and group (separate 2, overflow 2, pooled 1).
    let groups = std::fs::read_to_string(out.join("groups.csv")).unwrap();
    assert!(groups.starts_with("scenario,group,"), "{groups}");
    assert_eq!(groups.lines().count(), 1 + 5, "{groups}");
}

#[test]
fn a_study_of_one_type_files_keeps_its_file_list() {
    let dir = Path::new("scenarios/study");
    let p = plan::study(&files(dir), None, None, None).unwrap();
    let names = p.names();
    let files = bundle::file_names(&p.outlines());
    let named: Vec<Outline> = names.iter().map(|n| Outline::named(n)).collect();
    assert_eq!(files, bundle::file_names(&named));
    let mut expected: Vec<String> = [
        "summary.csv",
        "summary.json",
        "intervals.csv",
        "differences.csv",
        "study.xlsx",
    ]
    .map(String::from)
    .to_vec();
    let stems = ["comparison", "tradeoff", "cost-per-day", "daily-sl"]
        .map(String::from)
        .into_iter()
        .chain(
            chart::slugs(&names)
                .into_iter()
                .map(|s| format!("intervals-{s}")),
        );
    for stem in stems {
        expected.push(format!("{stem}.png"));
        expected.push(format!("{stem}.svg"));
    }
    expected.push("report.html".into());
    expected.push("report.md".into());
    assert_eq!(files, expected);
}

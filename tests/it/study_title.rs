//! A study's report is titled with a short name (`--title`, else its folder's), not every
//! scenario's name run together, and a plan made by `ccsim staff` is not shown with the
//! suffix its name got.

use crate::common::{assert_success, ccsim};

fn scenario(name: &str, agents: u32) -> String {
    format!(
        "name = \"{name}\"\n[simulation]\nreplications = 3\nseed = 5\n[arrivals]\nvolumes = [60, 60]\n\
         [handling]\ntime = {{ dist = \"exponential\", mean_s = 180 }}\n[staffing]\nagents = {agents}\n"
    )
}

fn report_md(args: &[&str], out: &std::path::Path) -> String {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--out", out.to_str().unwrap()]);
    let o = ccsim(&all);
    assert_success(&o);
    std::fs::read_to_string(out.join("report.md")).unwrap()
}

#[test]
fn a_batch_is_titled_with_its_folder_and_a_run_with_title() {
    let dir = tempfile::tempdir().unwrap();
    let md = report_md(
        &["batch", "scenarios/study", "-n", "2"],
        &dir.path().join("one"),
    );
    assert_eq!(md.lines().next(), Some("# Staffing study: study"));
    let md = report_md(
        &[
            "run",
            "scenarios/study/baseline.toml",
            "scenarios/study/callback.toml",
            "-n",
            "2",
            "--title",
            "Q3 plan",
        ],
        &dir.path().join("two"),
    );
    assert_eq!(md.lines().next(), Some("# Staffing study: Q3 plan"));
}

#[test]
fn a_staffed_plan_is_named_without_its_suffix() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(&a, scenario("Today", 3)).unwrap();
    std::fs::write(&b, scenario("Today plus one (staffed by ccsim staff)", 4)).unwrap();
    let md = report_md(
        &["run", a.to_str().unwrap(), b.to_str().unwrap()],
        &dir.path().join("out"),
    );
    let results = md.split("## Results").nth(1).unwrap();
    let header = results.lines().find(|l| l.starts_with('|')).unwrap();
    assert!(header.contains("| Today plus one |"), "{header}");
    assert!(!header.contains("(staffed by ccsim staff)"), "{header}");
}

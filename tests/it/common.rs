//! Helpers shared by the integration tests: scenarios from TOML text, and runs.
#![allow(dead_code)]

use std::path::Path;

use ccsim::metrics::Metric;
use ccsim::report::ScenarioReport;
use ccsim::runner::run_scenario;
use ccsim::scenario::Scenario;
use ccsim::stats::Estimate;

/// A validated scenario from TOML text (panics with the error: test input is ours).
pub fn scenario(toml: &str) -> Scenario {
    Scenario::from_toml(toml, Path::new("test.toml")).unwrap_or_else(|e| panic!("{e}"))
}

/// Runs every replication and returns the report.
pub fn report(s: &Scenario) -> ScenarioReport {
    let run = run_scenario(s, &|_| {});
    ScenarioReport::new(s, &run)
}

/// `s` with each group's agents taken from `paid` (group after group).
pub fn with_plan(s: &Scenario, paid: &[u32]) -> Scenario {
    let mut s = s.clone();
    let n = s.intervals();
    for (g, group) in s.groups.iter_mut().enumerate() {
        group.staffing.paid = paid[g * n..(g + 1) * n].to_vec();
    }
    s
}

/// Asserts that the theoretical value lies inside the simulation's 95 % interval.
pub fn assert_inside(what: &str, e: Estimate, theory: f64) {
    eprintln!(
        "{what}: simulated {:.5} ± {:.5}, theory {theory}",
        e.mean, e.half_width
    );
    assert!(
        e.contains(theory),
        "{what}: theory {theory} is outside the simulated {} ± {}",
        e.mean,
        e.half_width
    );
}

/// The day-level estimate of a metric.
pub fn day(r: &ScenarioReport, m: Metric) -> Estimate {
    r.metrics.get(m)
}

/// The path of the built binary.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_ccsim")
}

/// Runs the binary with `args` from the repository root (so `scenarios/…` paths work) and
/// returns what it did; the one way tests run ccsim unless they need another folder or
/// environment (then [`bin`] with a `Command` of their own).
pub fn ccsim<I, S>(args: I) -> std::process::Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    std::process::Command::new(bin())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the ccsim binary runs")
}

/// Asserts that a run of the binary succeeded, showing its stderr when it did not.
pub fn assert_success(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "ccsim failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs the binary as [`ccsim`] does and returns its standard output, failing the test
/// (with the arguments and stderr) unless it succeeded.
pub fn ccsim_stdout(args: &[&str]) -> Vec<u8> {
    let out = ccsim(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A scenario file written from `toml` into a fresh temporary folder, rostered there by
/// `ccsim schedule FILE --out plan.toml --mip-nodes 500`: the folder (kept alive by the
/// caller), the plan's path and the command's output, success asserted.
pub fn scheduled(toml: &str) -> (tempfile::TempDir, std::path::PathBuf, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("scenario.toml");
    std::fs::write(&input, toml).unwrap();
    let plan = dir.path().join("plan.toml");
    let out = std::process::Command::new(bin())
        .args(["schedule", input.to_str().unwrap(), "--out"])
        .arg(&plan)
        .args(["--mip-nodes", "500"])
        .output()
        .expect("the ccsim binary runs");
    assert_success(&out);
    (dir, plan, out)
}

/// A small one-type queue the write-failure tests run: two intervals, two replications.
pub const SMALL_QUEUE: &str = r#"
[simulation]
replications = 2
seed = 3
[arrivals]
volumes = [300, 300]
[handling]
time = { dist = "exponential", mean_s = 180 }
[patience]
time = { dist = "exponential", mean_s = 120 }
[staffing]
agents = 60
"#;

/// What a write-failure test puts where an output goes: a complete file the user cares about.
pub const OLD_REPORT: &[u8] = b"the previous report, complete\n";

/// Runs `ccsim args…` in `dir` under a file-size limit of `bytes` (its signal ignored, so a
/// write past it fails with "file too large" instead of killing the process).
pub fn ccsim_size_limited(dir: &Path, bytes: u64, args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"trap "" XFSZ; exec prlimit --fsize="$0" -- "$@""#)
        .arg(bytes.to_string())
        .arg(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("sh and prlimit run")
}

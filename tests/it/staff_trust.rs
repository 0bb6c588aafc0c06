//! `ccsim staff` plans that hold: a miss one more agent mends is mended, the plan is
//! confirmed on days it was not tuned on, the same file and seed give the same plan
//! whatever the threads, and a file staffed by shifts is refused clearly by --out.

use std::path::Path;
use std::process::Command;

use crate::common;
use ccsim::staffing::{self, Options};

/// A small day (quarter-hours, abandonment at most 5 %) with few replications, where
/// plans sit close to the target.
fn small_day(seed: u64) -> String {
    format!(
        r#"
name = "Small day"
[simulation]
replications = 20
seed = {seed}
interval_minutes = 15
open = "09:00"

[arrivals]
volumes = [30, 34, 38, 42, 46, 50, 46, 42, 38, 34, 30, 26]

[handling]
time = {{ dist = "exponential", mean_s = 240 }}

[patience]
time = {{ dist = "exponential", mean_s = 120 }}

[staffing]
agents = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]

[targets]
abandonment_at_most = 0.05
"#
    )
}

/// With seed 2, one more agent at 11:00 mends its 5.2 % abandonment but leaves more
/// calls in progress as 11:15 starts, so the day's total shortfall does not fall: the
/// search must keep it (and mend 11:15 next) rather than stop there.
#[test]
fn a_miss_one_more_agent_mends_is_not_given_up() {
    let s = common::scenario(&small_day(2));
    let o = staffing::search(&s, &Options::default(), &|_| {}).expect("the search runs");
    let misses: Vec<String> = o
        .misses
        .iter()
        .map(|m| staffing::describe_miss(&s, m))
        .collect();
    assert!(misses.is_empty(), "{misses:#?}");
    assert!(o.plan.met());
}

/// The fresh days a plan is checked on here: not the file's seed, nor a stream staff
/// confirms on.
const CHECK_SEED: u64 = 424_242;

/// A plan tuned on 20 replications looks better there than it is: re-run on 2,000 fresh
/// days, some interval of a plan that is only judged on those 20 is shown to miss (its
/// 95 % interval above 5 %: 6.3 % and 7.6 %). The plan confirmed and repaired on fresh
/// replications (four times the search's: 80) holds.
#[test]
fn a_written_plan_holds_on_fresh_days() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("day.toml");
    std::fs::write(&input, small_day(4)).unwrap();
    let plan = dir.path().join("plan.toml");
    let out = Command::new(common::bin())
        .args(["staff", "-j", "1"])
        .arg(&input)
        .arg("--out")
        .arg(&plan)
        .output()
        .unwrap();
    common::assert_success(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let fresh = staffing::fresh_seed(4, 1);
    assert!(
        stdout.contains("confirmed on 80 fresh replications (seed "),
        "{stdout}"
    );
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(
        text.contains("# The plan was confirmed on 80 fresh replications (seed "),
        "{text}"
    );
    assert_ne!(fresh, CHECK_SEED);

    let run = Command::new(common::bin())
        .args(["run", "--json", "-", "-j", "1"])
        .arg(&plan)
        .args(["--set", &format!("simulation.seed={CHECK_SEED}")])
        .args(["--set", "simulation.replications=2000"])
        .output()
        .unwrap();
    common::assert_success(&run);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let intervals = json["scenarios"][0]["intervals"].as_array().unwrap();
    assert_eq!(intervals.len(), 12);
    for iv in intervals {
        let a = &iv["metrics"]["abandonment_rate"];
        let (mean, hw) = (
            a["mean"].as_f64().unwrap(),
            a["half_width"].as_f64().unwrap(),
        );
        assert!(
            mean - hw <= 0.05,
            "{}: abandonment {:.2} % ± {:.2} on 2000 fresh days: shown to miss 5 %",
            iv["start"],
            mean * 100.0,
            hw * 100.0
        );
    }
}

/// The same file and seed give the same written plan with one thread or two.
#[test]
fn the_plan_does_not_depend_on_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("day.toml");
    std::fs::write(&input, small_day(3)).unwrap();
    let written = |threads: &str| {
        let plan = dir.path().join(format!("plan-{threads}.toml"));
        let out = Command::new(common::bin())
            .args(["staff", "-j", threads])
            .arg(&input)
            .arg("--out")
            .arg(&plan)
            .output()
            .unwrap();
        common::assert_success(&out);
        std::fs::read_to_string(&plan).unwrap()
    };
    assert_eq!(written("1"), written("2"));
}

/// Runs `staff FILE --out PLAN` and returns its stderr, asserting it failed and wrote
/// nothing.
fn refused(input: &Path, plan: &Path) -> String {
    let out = Command::new(common::bin())
        .arg("staff")
        .arg(input)
        .arg("--out")
        .arg(plan)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!plan.exists(), "nothing written");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A plan of agents per interval cannot replace shifts: --out refuses before the search,
/// naming the file and the field (a one-type file's and a centre group's).
#[test]
fn staff_out_refuses_a_file_staffed_by_shifts() {
    let dir = tempfile::tempdir().unwrap();
    let weekday = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/shifts/weekday.toml");
    let err = refused(&weekday, &dir.path().join("plan.toml"));
    assert!(err.contains("weekday.toml: `staffing.shifts`"), "{err}");
    assert!(err.contains("ccsim schedule"), "{err}");

    let centre = dir.path().join("centre.toml");
    std::fs::write(&centre, CENTRE_ON_SHIFTS).unwrap();
    let err = refused(&centre, &dir.path().join("plan2.toml"));
    assert!(err.contains("centre.toml: `groups[1].shifts`"), "{err}");
}

const CENTRE_ON_SHIFTS: &str = r#"
name = "Two groups, one on shifts"
[simulation]
replications = 4
seed = 1
interval_minutes = 60
open = "08:00"

[[types]]
name = "sales"
arrivals = { volumes = [20, 20, 20, 20] }
handling = { time = { dist = "exponential", mean_s = 300 } }
targets = { abandonment_at_most = 0.1 }

[[types]]
name = "support"
arrivals = { volumes = [20, 20, 20, 20] }
handling = { time = { dist = "exponential", mean_s = 300 } }
targets = { abandonment_at_most = 0.1 }

[[groups]]
name = "sales"
serves = ["sales"]
agents = [3, 3, 3, 3]

[[groups]]
name = "support"
serves = ["support"]
shifts = [ { start = "08:00", hours = 4, agents = 3 } ]
"#;

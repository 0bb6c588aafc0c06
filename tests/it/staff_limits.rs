//! `ccsim staff` at its limits: targets out of reach, tight bounds, a small budget, and
//! outputs it must refuse or survive (its own input, a full disk, a closed pipe).

use crate::common;

use std::cmp::Ordering;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use ccsim::scenario::Scenario;
use ccsim::staffing::{self, Options, Outcome, Why};

fn peak_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/peak-staffing.toml")
}

/// The peak scenario with a service level of 100 % within 1 s.
fn strict_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/staff/sl-100-within-1s.toml")
}

fn search(s: &Scenario, opts: &Options) -> Outcome {
    staffing::search(s, opts, &|_| {}).expect("the search runs")
}

fn staff(args: &[&str]) -> Output {
    Command::new(common::bin())
        .arg("staff")
        .args(args)
        .output()
        .expect("ccsim runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Whatever the search meets on the way (replications that disagree, a small budget,
/// bounds), the plan ranks no worse than its start judged the same way.
#[test]
fn staff_never_returns_a_plan_worse_than_its_start() {
    let strict = Scenario::load(&strict_file()).unwrap();
    let peak = Scenario::load(&peak_file()).unwrap();
    let budget = |n| Options {
        max_simulations: Some(n),
        ..Default::default()
    };
    for (s, opts) in [
        (&strict, Options::default()),
        (&strict, budget(5)),
        (&peak, budget(3)),
        (
            &peak,
            Options {
                max_agents: Some(24),
                ..Default::default()
            },
        ),
    ] {
        let o = search(s, &opts);
        assert_eq!(o.plan.replications, o.erlang_eval.replications);
        assert_ne!(
            o.plan.rank(&o.erlang_eval),
            Ordering::Greater,
            "{}, {opts:?}: plan {:?} misses {:?}, start {:?} misses {:?}",
            s.name,
            o.plan.paid,
            o.plan.missed(),
            o.erlang_eval.paid,
            o.erlang_eval.missed()
        );
    }
}

/// SL 100 % within 1 s is reachable: the SIPP start meets it. A cheaper plan that meets
/// it with the search's replications misses with the file's; the search must not return
/// that one.
#[test]
fn staff_meets_sl_100_percent_within_1_s_when_its_start_does() {
    let s = Scenario::load(&strict_file()).unwrap();
    let o = search(&s, &Options::default());
    assert!(o.erlang_eval.met(), "the start meets SL 100/1");
    assert!(o.plan.met(), "misses {:?}", o.plan.missed());
    assert!(o.misses.is_empty());
    assert!(o.plan.paid_total() <= o.erlang_eval.paid_total());
}

/// Targets out of reach within the bounds: an error naming the intervals and why, and
/// no file, unless --allow-misses, whose file says it misses.
#[test]
fn staff_refuses_to_write_a_plan_that_misses_targets() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    let strict = strict_file();
    let args = [strict.to_str().unwrap(), "--max-agents", "40", "--out"];
    let out = staff(&[&args[..], &[plan.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("10:00 SL 100% within 1 s: ") && err.contains("out of reach"),
        "{err}"
    );
    assert!(err.contains("40 paid agents in every interval"), "{err}");
    assert!(!plan.exists(), "no plan is written without --allow-misses");
    let stdout = text(&out.stdout);
    assert!(stdout.contains("no plan written"), "{stdout}");
    assert!(stdout.contains("not a saving"), "{stdout}");

    let out = staff(&[&args[..], &[plan.to_str().unwrap(), "--allow-misses"]].concat());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&plan).expect("--allow-misses writes the plan");
    let header: String = written
        .lines()
        .take_while(|l| l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(header.contains("MISSES"), "{header}");
    assert!(header.contains("#   10:00 SL 100% within 1 s"), "{header}");
    assert!(!header.contains("to meet its [targets]"), "{header}");
    let agents = Scenario::load(&plan).expect("a valid scenario").groups[0]
        .staffing
        .paid
        .clone();
    assert!(agents.iter().all(|&a| a <= 40), "{agents:?}");
}

/// The peak quarter's 60 calls of 12 minutes need more than 24 agents: out of reach,
/// reported as such, and the cost is not called a saving.
#[test]
fn staff_reports_a_max_agents_bound_too_low_for_the_volume() {
    let s = Scenario::load(&peak_file()).unwrap();
    let o = search(
        &s,
        &Options {
            max_agents: Some(24),
            ..Default::default()
        },
    );
    assert!(!o.plan.met());
    let peak: Vec<_> = o.misses.iter().filter(|m| m.interval == 4).collect();
    assert!(!peak.is_empty(), "{:?}", o.misses);
    for m in peak {
        let Why::OutOfReach { agents, estimate } = m.why else {
            panic!("{:?}", m.why)
        };
        assert_eq!(agents, 24);
        assert!(!m.check.met && estimate.mean.is_finite());
    }
    let report = ccsim::commands::staff::render_outcome(&s, &o);
    assert!(report.contains("MISSES"), "{report}");
    for line in report.lines().filter(|l| l.contains("difference")) {
        assert!(line.contains("not a saving"), "{line}");
    }
}

/// A budget too small to mend the SIPP start's misses says so, with exit status 1.
#[test]
fn staff_says_when_the_budget_ran_out_before_the_targets_were_met() {
    let out = staff(&[peak_file().to_str().unwrap(), "--max-simulations", "2"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("10:15 SL 80% within 20 s"), "{err}");
    assert!(
        err.contains("search budget of 2 simulations was spent"),
        "{err}"
    );
}

/// Under --max-step 0 every move is the whole plan up or down by one: the result is
/// the cheapest flat plan that meets every target (one agent fewer misses).
#[test]
fn staff_with_max_step_0_finds_the_cheapest_flat_plan() {
    let s = Scenario::load(&peak_file()).unwrap();
    let o = search(
        &s,
        &Options {
            max_step: Some(0),
            ..Default::default()
        },
    );
    let k = o.plan.paid[0];
    assert!(o.plan.paid.iter().all(|&p| p == k), "{:?}", o.plan.paid);
    assert!(o.plan.met(), "misses {:?}", o.plan.missed());
    assert!(k < 52, "the flat SIPP start (52) is not the cheapest");
    eprintln!(
        "cheapest flat plan: {k} agents, {} simulations",
        o.simulations
    );

    let below = search(
        &s,
        &Options {
            min_agents: Some(k - 1),
            max_agents: Some(k - 1),
            ..Default::default()
        },
    );
    assert_eq!(below.plan.paid, vec![k - 1; s.intervals()]);
    assert!(!below.plan.met(), "{} flat agents meet too", k - 1);
}

/// --max-step 1 keeps every step within one agent and still meets every target, no
/// dearer than its start.
#[test]
fn staff_with_max_step_1_moves_runs_of_intervals() {
    let s = Scenario::load(&peak_file()).unwrap();
    let o = search(
        &s,
        &Options {
            max_step: Some(1),
            ..Default::default()
        },
    );
    assert!(o.plan.paid.windows(2).all(|w| w[0].abs_diff(w[1]) <= 1));
    assert!(o.plan.met(), "misses {:?}", o.plan.missed());
    assert!(
        o.plan.paid_total() < o.erlang_eval.paid_total(),
        "{:?}",
        o.plan.paid
    );
}

#[test]
fn staff_refuses_agent_bounds_above_the_limit() {
    let too_many = (ccsim::limits::MAX_AGENTS + 1).to_string();
    for option in ["--min-agents", "--max-agents"] {
        let out = staff(&[peak_file().to_str().unwrap(), option, &too_many]);
        assert_eq!(out.status.code(), Some(2), "{option}");
        assert!(text(&out.stderr).contains(option));
    }
}

#[test]
fn staff_refuses_to_write_its_plan_onto_its_input_before_searching() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("peak.toml");
    std::fs::copy(peak_file(), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let started = std::time::Instant::now();
    let out = staff(&[
        input.to_str().unwrap(),
        "--out",
        dir.path().join(".").join("peak.toml").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("would overwrite the input"));
    assert!(out.stdout.is_empty(), "nothing searched, nothing printed");
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert!(started.elapsed().as_secs_f64() < 5.0);
}

#[cfg(target_os = "linux")]
#[test]
fn staff_onto_a_full_disk_fails_without_panicking() {
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = Command::new(common::bin())
        .args(["staff", peak_file().to_str().unwrap(), "--max-step", "0"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("standard output") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn staff_ends_quietly_when_its_reader_closes_the_pipe() {
    let mut child = Command::new(common::bin())
        .args(["staff", peak_file().to_str().unwrap(), "--max-step", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before anything is printed
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

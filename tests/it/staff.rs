//! `ccsim staff`: the simulated staffing plan against Erlang, after a peak, and the
//! written plan reproduced by `ccsim run`.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use ccsim::erlang::{self, Interval};
use ccsim::scenario::Scenario;
use ccsim::staffing::{self, Options, Outcome, Target};

fn peak_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/peak-staffing.toml")
}

fn search(s: &Scenario, opts: &Options) -> Outcome {
    staffing::search(s, opts, &|_| {}).expect("the search runs")
}

/// Constant traffic, exponential handling, no abandonment, no shrinkage: each interval is
/// the M/M/c queue of Erlang C, so the simulated plan must agree with the closed form
/// (and with square-root staffing) within one agent. The first interval is left out of
/// the comparison: the day starts with an empty queue, and with a 3-minute AHT the
/// first minutes of the day are better served than in steady state, so it may need
/// fewer agents than Erlang. (Erlang C gives 79.6 % within 20 s with 13 agents, so 13
/// and 14 are both within the simulation's noise of the boundary.)
#[test]
fn stationary_day_matches_erlang_c_within_one_agent() {
    let s = common::scenario(
        r#"
        [simulation]
        replications = 100
        seed = 3
        interval_minutes = 30
        [arrivals]
        volumes = [100, 100, 100, 100, 100, 100, 100, 100]
        [handling]
        time = { dist = "exponential", mean_s = 180 }
        [staffing]
        agents = 10
        [targets]
        service_level = { within_s = 20, at_least = 0.80 }
        "#,
    );
    let o = search(&s, &Options::default());
    // Erlang C for a = 100 / 1800 s × 180 s = 10 Erlang, 80/20.
    let base = Interval {
        arrivals_per_s: 100.0 / 1800.0,
        mean_handle_s: 180.0,
        agents: 0,
        mean_patience_s: None,
        sl_threshold_s: 20.0,
    };
    let targets = erlang::Targets {
        service_level: Some((20.0, 0.8)),
        ..Default::default()
    };
    let c = erlang::agents_needed(&base, &targets);
    let a: f64 = 10.0;
    let beta = (f64::from(c) - a) / a.sqrt();
    eprintln!(
        "Erlang C: {c} agents (square-root staffing beta = {beta:.2}); simulated plan {:?}; {} simulations",
        o.plan.paid, o.simulations
    );
    assert!(
        (0.5..1.5).contains(&beta),
        "square-root staffing: beta {beta}"
    );
    assert_eq!(o.erlang.paid, vec![c; 8]);
    assert!(o.plan.met(), "the plan meets 80/20 in every interval");
    for (i, &p) in o.plan.paid.iter().enumerate().skip(1) {
        assert!(
            p.abs_diff(c) <= 1,
            "interval {i}: simulated {p} agents, Erlang C {c}"
        );
    }
    assert!(o.plan.paid[0] <= c + 1);
}

/// A 3× peak with 12-minute calls in quarter-hours: SIPP staffs the quarter after the
/// peak as an ordinary quarter, but the peak's queue and long calls spill over, so it
/// misses there; the simulated plan meets every quarter.
#[test]
fn sipp_misses_after_a_sharp_peak_and_the_simulated_plan_does_not() {
    let s = Scenario::load(&peak_file()).expect("the example scenario is valid");
    let peak = s.types[0]
        .arrivals
        .volumes
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(i, _)| i)
        .unwrap();
    let o = search(&s, &Options::default());
    let sl_missed: Vec<usize> = (0..s.intervals())
        .filter(|&i| {
            o.erlang_eval.intervals[i]
                .checks
                .iter()
                .any(|c| c.target == Target::ServiceLevel && !c.met)
        })
        .collect();
    let hours = |p: &[u32]| p.iter().sum::<u32>() as f64 * 0.25;
    let (h_sipp, h_plan) = (hours(&o.erlang.paid), hours(&o.plan.paid));
    eprintln!(
        "SIPP plan {:?} misses SL in {}; simulated plan {:?}; paid hours {h_sipp} vs {h_plan}: {:+.2} {} per day",
        o.erlang.paid,
        staffing::labels(&s, &sl_missed),
        o.plan.paid,
        (h_plan - h_sipp) * s.costs.agent_hour,
        s.costs.currency
    );
    // The two quarters right after the peak miss under SIPP...
    assert!(sl_missed.contains(&(peak + 1)) && sl_missed.contains(&(peak + 2)));
    assert!(
        o.erlang_eval.intervals[peak + 1].service_level.mean < 0.5,
        "the quarter after the peak is far below 80/20 under SIPP"
    );
    // ... and nothing before the peak does: away from peaks, SIPP is right.
    assert!(sl_missed.iter().all(|&i| i > peak), "{sl_missed:?}");
    // The simulated plan meets every quarter, with more agents after the peak.
    assert!(o.plan.met(), "missed: {:?}", o.plan.missed());
    assert!(!o.limit_hit);
    assert!(o.plan.paid[peak + 1] > o.erlang.paid[peak + 1]);
}

/// Bounds are respected, and impossible bounds say which intervals miss.
#[test]
fn bounds_are_respected_and_impossible_bounds_are_reported() {
    let s = Scenario::load(&peak_file()).expect("the example scenario is valid");
    let step = search(
        &s,
        &Options {
            max_step: Some(6),
            min_agents: Some(12),
            ..Default::default()
        },
    );
    assert!(step.plan.met());
    assert!(step.plan.paid.windows(2).all(|w| w[0].abs_diff(w[1]) <= 6));
    assert!(step
        .erlang
        .paid
        .windows(2)
        .all(|w| w[0].abs_diff(w[1]) <= 6));
    assert!(step.plan.paid.iter().all(|&p| p >= 12));

    let capped = search(
        &s,
        &Options {
            max_agents: Some(24),
            ..Default::default()
        },
    );
    assert!(capped.plan.paid.iter().all(|&p| p <= 24));
    assert!(!capped.plan.met());
    assert!(capped.plan.missed().contains(&4), "the peak quarter misses");
    let peak_miss = capped
        .misses
        .iter()
        .find(|m| m.interval == 4)
        .expect("the peak quarter's miss is explained");
    assert!(
        matches!(peak_miss.why, staffing::Why::OutOfReach { agents: 24, .. }),
        "{:?}",
        peak_miss.why
    );
    assert!(staffing::describe_miss(&s, peak_miss).starts_with("10:00 "));
}

/// `ccsim staff --out` writes a scenario that `ccsim run` accepts, and running it with
/// the same seed and replications reproduces the reported per-interval service level
/// exactly (common random numbers: bit-identical results).
#[test]
fn written_plan_reproduces_the_reported_figures_in_ccsim_run() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.toml");
    let out = Command::new(common::bin())
        .args(["staff", peak_file().to_str().unwrap(), "--out"])
        .arg(&plan_path)
        .output()
        .unwrap();
    common::assert_success(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("SIPP paid") && stdout.contains("MISS"),
        "{stdout}"
    );

    let text = std::fs::read_to_string(&plan_path).unwrap();
    assert!(text.starts_with("# Written by `ccsim staff` from "));
    assert!(text.contains("peak-staffing.toml"));
    assert!(
        text.contains("# A sharp peak with long handle times"),
        "comments kept"
    );

    // The same search in the library (deterministic) gives the plan in the file.
    let s = Scenario::load(&peak_file()).unwrap();
    let o = search(&s, &Options::default());
    let written = Scenario::load(&plan_path).expect("the plan is a valid scenario");
    assert_eq!(written.groups[0].staffing.paid, o.plan.paid);
    assert_eq!(o.plan.replications, s.simulation.replications);

    let run = Command::new(common::bin())
        .args(["run", "--json", "-"])
        .arg(&plan_path)
        .output()
        .unwrap();
    assert!(run.status.success());
    let json = String::from_utf8(run.stdout).unwrap();
    let sls = service_level_means(&json);
    assert_eq!(sls.len(), 1 + s.intervals(), "day + one per interval");
    for (i, (text, r)) in sls[1..].iter().zip(&o.plan.intervals).enumerate() {
        // Parsed with Rust's exact parser from the JSON text (ryu writes the shortest
        // text that round-trips), so equality means bit-identical.
        let x: f64 = text.parse().unwrap();
        assert_eq!(
            x.to_bits(),
            r.service_level.mean.to_bits(),
            "interval {i}: run says {x}, staff said {}",
            r.service_level.mean
        );
    }
}

/// The text of every `"service_level": { "mean": X` in the JSON report, in order (the
/// day-level one first, then one per interval).
fn service_level_means(json: &str) -> Vec<String> {
    let key = "\"service_level\":";
    json.match_indices(key)
        .map(|(at, _)| {
            let rest = &json[at + key.len()..];
            let m = rest.find("\"mean\":").unwrap() + "\"mean\":".len();
            let rest = rest[m..].trim_start();
            let end = rest.find([',', '}', '\n']).unwrap();
            rest[..end].trim().to_string()
        })
        .collect()
}

/// A folder that does not exist fails at once, before the search, with exit status 1.
#[test]
fn missing_output_folder_fails_before_the_search() {
    let out = Command::new(common::bin())
        .args(["staff", peak_file().to_str().unwrap(), "--out"])
        .arg("/nonexistent-ccsim-folder/plan.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

/// `--confidence` plans on the 95 % bound: every interval of its plan meets every target
/// at the unfavourable end of its interval, which the plan on the mean does not, and it
/// pays for that with at least as many agents. Terminal and file say which criterion.
#[test]
fn confidence_plans_on_the_bound_and_says_so() {
    let s = Scenario::load(&peak_file()).unwrap();
    let on_mean = search(&s, &Options::default());
    let on_bound = search(
        &s,
        &Options {
            criterion: staffing::Criterion::Bound,
            ..Default::default()
        },
    );
    assert!(on_bound.plan.met(), "{:?}", on_bound.misses);
    assert!(on_bound
        .plan
        .intervals
        .iter()
        .all(|r| !r.traffic || r.met_with_confidence()));
    assert!(
        on_mean
            .plan
            .intervals
            .iter()
            .any(|r| !r.met_with_confidence()),
        "the plan on the mean leaves some interval short at the 95 % bound"
    );
    assert!(on_bound.plan.paid_total() > on_mean.plan.paid_total());

    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.toml");
    let out = Command::new(common::bin())
        .args([
            "staff",
            peak_file().to_str().unwrap(),
            "--confidence",
            "--out",
        ])
        .arg(&plan_path)
        .output()
        .unwrap();
    common::assert_success(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("judged per interval on the 95 % confidence bound"),
        "{stdout}"
    );
    let text = std::fs::read_to_string(&plan_path).unwrap();
    assert!(text.contains("the 95 % confidence bound"), "{text}");
    // The file's comment on its agents described the SIPP list it replaced: gone, and
    // the name says the file is a plan.
    assert!(!text.contains("the Erlang A (SIPP) plan"), "{text}");
    assert!(text.contains("# Paid agents per interval: the plan `ccsim staff` found"));
    let written = Scenario::load(&plan_path).expect("the plan is a valid scenario");
    assert_eq!(written.name, format!("{} (staffed by ccsim staff)", s.name));
    assert_eq!(written.groups[0].staffing.paid, on_bound.plan.paid);
}

//! `ccsim schedule`: the integer program's roster is optimal on a case small enough to
//! enumerate, the roster found for the weekday example meets every interval's targets
//! when simulated at paid hours close to the per-interval plan's, and the plan written
//! runs as it is.

use crate::common;

use std::path::Path;
use std::process::Command;

use ccsim::scenario::{BreakRule, Rostering, Scenario, Shift};
use ccsim::staffing::roster::mip::{solve_day, MipOptions, Stop};
use ccsim::staffing::roster::{schedule, ScheduleOptions};
use ccsim::staffing::Options;
use common::{assert_success, bin, scenario, scheduled};

/// 6 one-hour intervals; 2-hour shifts, and 3-hour shifts with a 30-minute unpaid break
/// one hour in (so half an interval off the floor: fractional coverage).
fn small_rostering(min_agents_per_shift: u32) -> Rostering {
    Rostering {
        shift_minutes: vec![120, 180],
        start_step_minutes: 60,
        breaks: vec![BreakRule {
            min_shift_minutes: 180,
            after_min: 60,
            after_max: 60,
            minutes: 30,
            paid: false,
        }],
        min_agents_per_shift,
        max_agents_per_shift: None,
        contracts: Vec::new(),
    }
}

/// The cheapest counts by enumeration: every pattern from 0 to `most` agents.
fn brute_force(patterns: &[Shift], required: &[f64], most: u32, min: u32) -> f64 {
    let cover: Vec<Vec<f64>> = patterns
        .iter()
        .map(|p| {
            let mut c = vec![0.0; required.len()];
            for (i, m) in p.floor_by_interval(60) {
                c[i] = f64::from(m) / 60.0;
            }
            c
        })
        .collect();
    let hours: Vec<f64> = patterns
        .iter()
        .map(|p| f64::from(p.paid_minutes()) / 60.0)
        .collect();
    let mut counts = vec![0u32; patterns.len()];
    let mut best = f64::INFINITY;
    loop {
        let ok = counts.iter().all(|&c| c == 0 || c >= min)
            && (0..required.len()).all(|i| {
                let have: f64 = counts
                    .iter()
                    .zip(&cover)
                    .map(|(&c, cv)| f64::from(c) * cv[i])
                    .sum();
                have >= required[i] - 1e-9
            });
        if ok {
            let cost: f64 = counts
                .iter()
                .zip(&hours)
                .map(|(&c, h)| f64::from(c) * h)
                .sum();
            best = best.min(cost);
        }
        // Next combination (odometer).
        let mut k = 0;
        loop {
            if k == counts.len() {
                return best;
            }
            if counts[k] < most {
                counts[k] += 1;
                break;
            }
            counts[k] = 0;
            k += 1;
        }
    }
}

#[test]
fn the_integer_programs_roster_is_optimal_on_a_case_small_enough_to_enumerate() {
    let opts = MipOptions {
        gap: 0.0,
        nodes: 1_000_000,
        seconds: 60.0,
    };
    for (min, required) in [
        (0, vec![2.0, 3.0, 4.5, 4.0, 2.5, 1.0]),
        (0, vec![1.0, 0.0, 3.0, 3.0, 0.0, 2.0]),
        (2, vec![1.0, 2.0, 3.0, 3.0, 2.0, 1.0]),
    ] {
        let r = small_rostering(min);
        let patterns = r.patterns(360);
        assert_eq!(patterns.len(), 5 + 4);
        let best = brute_force(&patterns, &required, 5, min);
        let found = solve_day(&patterns, &required, 60, &r, opts).expect("solved");
        eprintln!(
            "required {required:?}, min {min}: brute force {best} h, integer program {} h (bound {}, {:?})",
            found.paid_hours, found.bound, found.stop
        );
        assert_eq!(found.stop, Stop::Solved);
        assert!(
            (found.paid_hours - best).abs() < 1e-9,
            "{} vs {best}",
            found.paid_hours
        );
        assert!(
            found.bound <= best + 1e-9,
            "the bound {} is a lower bound",
            found.bound
        );
        // The roster found covers every interval.
        for (i, &need) in required.iter().enumerate() {
            let have: f64 = patterns
                .iter()
                .zip(&found.counts)
                .map(|(p, &c)| {
                    let a = i as u32 * 60;
                    f64::from(c) * f64::from(p.minutes_within(a, a + 60).0) / 60.0
                })
                .sum();
            assert!(have >= need - 1e-9, "interval {i}: {have} < {need}");
        }
    }
}

fn weekday() -> Scenario {
    Scenario::load(Path::new("scenarios/shifts/weekday.toml")).expect("the example is valid")
}

fn quick() -> ScheduleOptions {
    ScheduleOptions {
        staff: Options::default(),
        mip: MipOptions {
            gap: 0.0,
            nodes: 20_000,
            seconds: 60.0,
        },
        max_repairs: 100,
    }
}

#[test]
fn the_weekday_roster_meets_every_target_near_the_per_interval_plans_hours() {
    let s = weekday();
    let found = schedule(&s, &quick(), &|_| {}).expect("a roster");
    eprintln!(
        "weekday: plan {} h, LP bound {} h, integer program {} h, roster {} h",
        found.plan_paid_hours, found.mip_bound_hours, found.mip_paid_hours, found.paid_hours
    );
    assert!(found.met(), "every interval meets every target");
    assert!(found.mip_bound_hours <= found.mip_paid_hours + 1e-9);
    assert!(found.mip_paid_hours <= found.paid_hours + 1e-9);
    let ratio = found.paid_hours / found.plan_paid_hours;
    assert!(
        (1.0..=1.2).contains(&ratio),
        "roster {} h vs plan {} h",
        found.paid_hours,
        found.plan_paid_hours
    );
    assert_eq!(found.paid_hours, found.roster.paid_hours());
}

/// A short day that rosters in a few seconds.
const SMALL: &str = r#"# A small day to roster.
name = "Small"
[simulation]
replications = 40
seed = 3
interval_minutes = 60
open = "09:00"
[arrivals]
volumes = [40, 80, 90, 60, 50, 70]
[handling]
time = { dist = "exponential", mean_s = 240 }
[patience]
time = { dist = "exponential", mean_s = 150 }
[staffing]
agents = 8   # replaced by the roster
[rostering]
shift_hours = [3, 4]
start_step_minutes = 60
[costs]
agent_hour = 20.0
[targets]
service_level = { within_s = 30, at_least = 0.75 }
"#;

#[test]
fn the_plan_written_runs_as_it_is_with_the_rosters_paid_hours() {
    let (dir, plan, out) = scheduled(SMALL);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("integer program's roster"), "{stdout}");
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.starts_with("# Written by `ccsim schedule`"), "{text}");
    assert!(text.contains("# A small day to roster."), "comments kept");
    let roster = Scenario::from_toml(&text, &plan).expect("the plan is a valid scenario");
    let r = roster.groups[0]
        .staffing
        .roster
        .as_ref()
        .expect("staffed by shifts");
    // The report's roster line shows the same paid hours.
    let line = stdout
        .lines()
        .find(|l| l.contains("roster after simulation"))
        .unwrap();
    assert!(line.contains(&format!("{:.1}", r.paid_hours())), "{line}");
    // `ccsim run` takes it as it is.
    let run = Command::new(bin()).arg("run").arg(&plan).output().unwrap();
    assert_success(&run);
    // The coverage chart is written beside the plan, as PNG and SVG.
    let png = std::fs::read(dir.path().join("plan-coverage.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = std::fs::read_to_string(dir.path().join("plan-coverage.svg")).unwrap();
    roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert!(svg.contains("required"), "legend");
}

#[test]
fn schedule_refuses_a_file_without_rostering_rules() {
    let s = scenario(&SMALL.replace(
        "[rostering]\nshift_hours = [3, 4]\nstart_step_minutes = 60\n",
        "",
    ));
    let e = schedule(&s, &quick(), &|_| {}).unwrap_err();
    assert!(e.contains("no [rostering] table"), "{e}");
}

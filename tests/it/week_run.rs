//! The week on contracts judged as one 7-day run: a queue left at midnight meets the
//! next day's night agents, and a type's miss is repaired by a group that serves it.

use ccsim::by_day::run_by_day;
use ccsim::metrics::Metric;
use ccsim::runner::run_scenario;
use ccsim::scenario::{Roster, Shift};
use ccsim::staffing::roster::tours::{people, DEFAULT_NODES};
use ccsim::staffing::roster::{schedule, MipOptions, ScheduleOptions};
use ccsim::staffing::{judged, Options, DEFAULT_MAX_SIMULATIONS};

use crate::common::{assert_success, ccsim, scenario};

/// A 24-hour line: 300 calls in the last hour, one an hour otherwise. The evening's
/// agents leave a queue at midnight that the night's one agent takes the first hour to
/// clear.
const MIDNIGHT: &str = r#"# A 24-hour line whose evening peak leaves a queue at midnight for the few night agents.
name = "Midnight carry"

[simulation]
replications = 20
seed = 3
interval_minutes = 60
open = "00:00"
days = 7

[arrivals]
volumes = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 300]

[handling]
time = { dist = "lognormal", mean_s = 600, cv = 0.5 }

[staffing]
agents = 1

[targets]
service_level = { within_s = 20, at_least = 0.5 }

[rostering]
shift_hours = [4]
start_step_minutes = 60

[[rostering.contracts]]
name = "flex"
weekly_hours = [8, 40]
days = [2, 5]
share = [1.0, 1.0]
"#;

/// Two groups on that line: "general" takes a flat type on cheap short weeks; only
/// "late" (five 8-hour days) takes the type whose evening leaves a queue at midnight.
const CENTRE: &str = r#"# Two groups on a 24-hour line: "general" takes the flat daytime type on short
# part-time weeks; only "late" takes the type whose evening peak leaves a queue at midnight.
name = "Two groups, one carried queue"

[simulation]
replications = 20
seed = 3
interval_minutes = 60
open = "00:00"
days = 7

[[types]]
name = "general"
[types.arrivals]
volumes = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
[types.handling]
time = { dist = "lognormal", mean_s = 600, cv = 0.5 }
[types.targets]
service_level = { within_s = 20, at_least = 0.5 }

[[types]]
name = "late"
[types.arrivals]
volumes = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 300]
[types.handling]
time = { dist = "lognormal", mean_s = 600, cv = 0.5 }
[types.targets]
service_level = { within_s = 20, at_least = 0.5 }

[[groups]]
name = "general"
agents = 1
serves = ["general"]
contracts = ["short"]

[[groups]]
name = "late"
agents = 1
serves = ["late"]
contracts = ["long"]

[rostering]
shift_hours = [4, 8]
start_step_minutes = 60

[[rostering.contracts]]
name = "short"
weekly_hours = [8, 40]
days = [2, 5]
shift_hours = [4]
share = [0.0, 1.0]

[[rostering.contracts]]
name = "long"
weekly_hours = [40, 40]
days = [5, 5]
shift_hours = [8]
share = [0.0, 1.0]
"#;

fn options() -> ScheduleOptions {
    ScheduleOptions {
        staff: Options {
            max_simulations: Some(DEFAULT_MAX_SIMULATIONS),
            ..Options::default()
        },
        mip: MipOptions {
            gap: 0.0,
            nodes: DEFAULT_NODES,
            seconds: 60.0,
        },
        max_repairs: 100,
    }
}

#[test]
fn a_queue_left_at_midnight_gets_night_agents_that_days_judged_alone_never_add() {
    let s = scenario(MIDNIGHT);
    let plan = schedule(&s, &options(), &|_| {}).unwrap();
    let program = &plan.weeks[0].tours.agents;
    // Each day judged alone (an empty queue at midnight), the program's night agents
    // meet 00:00: a per-day judgement has nothing to repair there.
    for d in 0..7u32 {
        let shifts: Vec<Shift> = people::roster_shifts(program)
            .into_iter()
            .filter(|x| x.day == Some(d))
            .map(|x| Shift { day: None, ..x })
            .collect();
        assert!(
            shifts.iter().any(|x| x.start == 0),
            "day {d}: someone at 00:00"
        );
        let mut day = s.clone();
        day.simulation.days = 1;
        let roster = Roster {
            shifts,
            absenteeism: 0.0,
            interval_minutes: 60,
            intervals: 24,
            days: 1,
        };
        let paid: Vec<u32> = roster
            .mean_paid_agents()
            .iter()
            .map(|x| x.round() as u32)
            .collect();
        day.groups[0].staffing.paid = paid.clone();
        day.groups[0].staffing.roster = Some(roster);
        let alone = judged(&day, &day, &paid);
        assert!(
            alone.intervals[0].met(),
            "day {} alone misses 00:00: {:?}",
            d + 1,
            alone.intervals[0].service_level
        );
    }
    // The week run carries the evening's queue into the night: 00:00 of a later day
    // misses until the repair adds agents there.
    let at_midnight: usize = plan.days[1..]
        .iter()
        .map(|p| p.repairs.iter().filter(|(_, i)| *i == 0).count())
        .sum();
    assert!(at_midnight > 0, "no repair at 00:00 of days 2–7");
    assert!(
        plan.met(),
        "every (day, interval) meets its target on the week run"
    );
    for p in &plan.days[1..] {
        let night = |shifts: &[Shift]| -> u32 {
            shifts
                .iter()
                .filter(|x| x.start == 0)
                .map(|x| x.agents)
                .sum()
        };
        let d = p.days[0];
        let before: Vec<Shift> = people::roster_shifts(program)
            .into_iter()
            .filter(|x| x.day == Some(d))
            .collect();
        assert!(
            night(&p.shifts) >= night(&before),
            "day {}: the repair only adds agents",
            d + 1
        );
        let sl = p.eval.intervals[0].service_level.mean;
        assert!(sl >= 0.5, "day {} 00:00 on the week run: {sl}", d + 1);
    }
}

#[test]
fn a_type_served_by_the_second_group_only_is_repaired_in_that_group() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("centre.toml");
    std::fs::write(&file, CENTRE).unwrap();
    let plan = dir.path().join("plan.toml");
    let agents = dir.path().join("agents.csv");
    let out = ccsim([
        "schedule",
        file.to_str().unwrap(),
        "--out",
        plan.to_str().unwrap(),
        "--agents",
        agents.to_str().unwrap(),
    ]);
    // Success: every type meets its targets in every open interval of the week run.
    assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    // The tour program's paid hours per group, from each group's week table.
    let program = |g: &str| -> f64 {
        let head = format!("group {g}: agents' weeks (");
        let line = text
            .lines()
            .find(|l| l.starts_with(&head))
            .unwrap_or_else(|| panic!("no week table for {g}:\n{text}"));
        let roster = line.split(", roster ").nth(1).unwrap();
        roster.split(" h").next().unwrap().parse().unwrap()
    };
    let csv = std::fs::read_to_string(&agents).unwrap();
    let paid = |g: &str| -> f64 {
        csv.lines()
            .skip(1)
            .map(|l| l.split(',').collect::<Vec<_>>())
            .filter(|r| r[0] == g)
            .map(|r| r[7].parse::<f64>().unwrap())
            .sum()
    };
    // The cheaper short weeks of "general" cannot take "late" calls: every agent the
    // repair added is in "late".
    assert_eq!(paid("general"), program("general"), "{csv}");
    assert!(
        paid("late") > program("late"),
        "late: {} h rostered, {} h by the program",
        paid("late"),
        program("late")
    );
    assert!(!text.contains("MISS"), "{text}");
}

#[test]
fn a_runs_days_kept_apart_add_up_to_the_whole_run() {
    // Each type of a centre, over a 24-hour week: the days' offered calls per interval
    // average to the whole run's (the same replications, the same callers).
    let mut s = scenario(CENTRE);
    s.simulation.replications = 5;
    let days = run_by_day(&s);
    let whole = run_scenario(&s, &|_| {});
    assert_eq!(days.days.len(), 7);
    for (t, ty) in whole.types.iter().enumerate() {
        for (i, r) in ty.intervals.iter().enumerate() {
            let mean: f64 = (0..7)
                .map(|d| days.of_type(d, t).intervals[i][Metric::Offered as usize].mean())
                .sum::<f64>()
                / 7.0;
            let want = r[Metric::Offered as usize].mean();
            assert!(
                (mean - want).abs() <= 1e-9 * want.max(1.0),
                "type {t}, interval {i}: {mean} by day, {want} whole"
            );
        }
    }
}

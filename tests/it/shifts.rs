//! Staffing by shifts: a roster equal to a per-interval plan gives its figures exactly,
//! breaks take agents off the floor (unpaid ones out of paid hours too), absence lowers
//! the agents on the floor by the right share under common random numbers, and day
//! factors scale each day's volumes.

use crate::common;

use ccsim::metrics::Metric;
use ccsim::model::simulate_replication;
use ccsim::scenario::Scenario;
use common::{report, scenario};

/// A 24-hour day of half-hours with `staffing` as its `[staffing]` body.
fn day24(volume: f64, staffing: &str, replications: u32) -> Scenario {
    scenario(&format!(
        r#"
[simulation]
replications = {replications}
seed = 11
[arrivals]
volumes = [{}]
[handling]
time = {{ dist = "exponential", mean_s = 240 }}
[patience]
time = {{ dist = "exponential", mean_s = 120 }}
[costs]
agent_hour = 20.0
[staffing]
shrinkage = 0.2
{staffing}
"#,
        vec![volume.to_string(); 48].join(", ")
    ))
}

/// Productive agents in each interval of one replication of a scenario without traffic
/// (no agent is ever busy, so productive agent time is exactly the agents on the floor).
fn floor_agents(s: &Scenario, replication: u32) -> Vec<f64> {
    let c = simulate_replication(s, replication);
    let interval_s = s.simulation.interval_s();
    c.intervals
        .iter()
        .map(|i| i.productive_agent_s / interval_s)
        .collect()
}

#[test]
fn three_eight_hour_shifts_of_ten_give_the_figures_of_ten_agents_all_day() {
    let per_interval = report(&day24(18.0, "agents = 10", 40));
    let shifts = day24(
        18.0,
        r#"shifts = [
  { start = "00:00", hours = 8, agents = 10 },
  { start = "08:00", hours = 8, agents = 10 },
  { start = "16:00", hours = 8, agents = 10 },
]"#,
        40,
    );
    let by_shifts = report(&shifts);
    for (m, (a, b)) in per_interval
        .metrics
        .0
        .iter()
        .zip(&by_shifts.metrics.0)
        .enumerate()
    {
        assert_eq!(
            (a.mean.to_bits(), a.half_width.to_bits()),
            (b.mean.to_bits(), b.half_width.to_bits()),
            "metric {m}: {a:?} vs {b:?}"
        );
    }
    let paid = by_shifts.metrics.get(Metric::PaidAgentHours).mean
        - by_shifts.metrics.get(Metric::OvertimeAgentHours).mean;
    let roster = shifts.groups[0]
        .staffing
        .roster
        .as_ref()
        .expect("by shifts");
    assert_eq!(roster.paid_hours(), 240.0);
    assert!((paid - 240.0).abs() < 1e-9, "paid hours {paid}");
}

#[test]
fn breaks_take_agents_off_the_floor_and_unpaid_ones_out_of_paid_hours() {
    // 10 agents 08:00–16:00 with 30 unpaid minutes at 12:00 (a whole interval) and 10
    // agents 09:00–17:00 with 15 paid minutes at 13:00 (half of an interval).
    let zeros = vec!["0"; 48].join(", ");
    let s = scenario(&format!(
        r#"
[simulation]
replications = 2
[arrivals]
volumes = [{zeros}]
[handling]
time = {{ dist = "fixed", value_s = 60 }}
[staffing]
shifts = [
  {{ start = "08:00", hours = 8, agents = 10, breaks = [ {{ after_h = 4, minutes = 30 }} ] }},
  {{ start = "09:00", hours = 8, agents = 10, breaks = [ {{ after_h = 4, minutes = 15, paid = true }} ] }},
]
"#
    ));
    let floor = floor_agents(&s, 0);
    let at = |h: usize, m: usize| floor[h * 2 + m / 30];
    assert_eq!(at(7, 30), 0.0);
    assert_eq!(at(8, 0), 10.0);
    assert_eq!(at(9, 0), 20.0);
    assert_eq!(at(12, 0), 10.0, "the first shift is on its break");
    assert_eq!(
        at(13, 0),
        15.0,
        "half the second shift's interval is its break"
    );
    assert_eq!(at(16, 0), 10.0);
    assert_eq!(at(17, 0), 0.0);
    // Paid: 10 × 7.5 h (unpaid break) + 10 × 8 h (paid break).
    let roster = s.groups[0].staffing.roster.as_ref().unwrap();
    assert_eq!(roster.paid_hours(), 155.0);
    let r = report(&s);
    assert!((r.metrics.get(Metric::PaidAgentHours).mean - 155.0).abs() < 1e-9);
}

/// A day of 40 agents on one 8-hour shift, nobody calling, with `absenteeism`.
fn absent(absenteeism: f64, extra_shift: &str) -> Scenario {
    scenario(&format!(
        r#"
[simulation]
replications = 2
seed = 5
interval_minutes = 60
open = "08:00"
[arrivals]
volumes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
[handling]
time = {{ dist = "fixed", value_s = 60 }}
[staffing]
absenteeism = {absenteeism}
shifts = [ {{ start = "08:00", hours = 8, agents = 40 }}, {extra_shift} ]
"#
    ))
}

#[test]
fn absenteeism_leaves_rostered_times_presence_on_the_floor_on_average() {
    let s = absent(0.1, "");
    let n = 300;
    let present: Vec<f64> = (0..n).map(|r| floor_agents(&s, r)[0]).collect();
    let mean = present.iter().sum::<f64>() / f64::from(n);
    let var = present.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / f64::from(n - 1);
    let half_width = 1.968 * (var / f64::from(n)).sqrt(); // t(0.975, 299)
    let expected = 40.0 * (1.0 - 0.1);
    eprintln!("present {mean:.3} ± {half_width:.3}, expected {expected}");
    assert!(
        (mean - expected).abs() <= half_width,
        "mean present {mean} ± {half_width}, expected {expected}"
    );
    // Binomial(40, 0.9): sd 1.9; the draws vary, and every interval of a day agrees.
    assert!(var > 1.0 && var < 8.0, "variance {var}");
    let day = floor_agents(&s, 7);
    assert!(day[..8].iter().all(|&a| a == day[0]), "{day:?}");
    // Absent agents are still paid: the roster is what is paid.
    let r = report(&s);
    assert!((r.metrics.get(Metric::PaidAgentHours).mean - 320.0).abs() < 1e-9);
}

#[test]
fn adding_a_shift_changes_nobody_elses_absence() {
    let one = absent(0.3, "");
    let two = absent(0.3, r#"{ start = "12:00", hours = 6, agents = 7 }"#);
    let mut differ = 0;
    for r in 0..50 {
        let (a, b) = (floor_agents(&one, r), floor_agents(&two, r));
        // Before 12:00 only the first shift works: the same agents are absent.
        assert_eq!(a[..4], b[..4], "replication {r}");
        differ += usize::from(a[0] != floor_agents(&one, r + 1)[0]);
    }
    assert!(
        differ > 20,
        "absences vary from one replication to the next"
    );
}

#[test]
fn a_shift_worked_on_one_day_is_paid_on_that_day_only() {
    let s = scenario(
        r#"
[simulation]
replications = 2
days = 2
interval_minutes = 60
open = "08:00"
[arrivals]
volumes = [0, 0, 0, 0]
[handling]
time = { dist = "fixed", value_s = 60 }
[staffing]
shifts = [ { start = "08:00", hours = 4, agents = 3 }, { start = "09:00", hours = 2, agents = 5, day = 2 } ]
"#,
    );
    let c = simulate_replication(&s, 0);
    // Counters add both days: 3 agents on both, 5 on the second day only.
    let floor: Vec<f64> = c
        .intervals
        .iter()
        .map(|i| i.productive_agent_s / 3600.0)
        .collect();
    assert_eq!(floor, vec![6.0, 11.0, 11.0, 6.0]);
    let r = report(&s);
    // Per day: (3 × 4 × 2 + 5 × 2) / 2 = 17 hours.
    assert!((r.metrics.get(Metric::PaidAgentHours).mean - 17.0).abs() < 1e-9);
}

#[test]
fn day_factors_scale_each_days_volumes() {
    let body = |factors: &str| {
        scenario(&format!(
            r#"
[simulation]
replications = 60
days = 2
interval_minutes = 60
[arrivals]
volumes = [50, 80, 60]
{factors}
[handling]
time = {{ dist = "fixed", value_s = 60 }}
[staffing]
agents = 5
"#
        ))
    };
    // A factor of 1 is the file without factors, to the bit.
    let plain = report(&body(""));
    let ones = report(&body("day_factors = [1.0]"));
    let offered = |r: &ccsim::report::ScenarioReport| r.metrics.get(Metric::Offered);
    assert_eq!(
        offered(&plain).mean.to_bits(),
        offered(&ones).mean.to_bits()
    );
    // Days of factors 1.5 and 0.5 average 1; factors 2 and 1 average 1.5.
    let even = offered(&report(&body("day_factors = [1.5, 0.5]")));
    let more = offered(&report(&body("day_factors = [2.0, 1.0]")));
    assert!(even.contains(190.0), "{even:?}");
    assert!(more.contains(285.0), "{more:?}");
}

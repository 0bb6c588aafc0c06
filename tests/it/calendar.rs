//! Dated horizons: a week with a short Saturday, a closed Sunday and a holiday gives each
//! day the volumes and paid hours its opening hours imply; voice arriving while closed
//! is counted apart, not abandoned; email waits for the opening; `staff` plans nobody
//! where the centre is always closed.

use crate::common::{assert_success, ccsim, report, scenario};
use ccsim::metrics::Metric;
use ccsim::scenario::Scenario;
use serde_json::Value;

fn mean(m: &Value, key: &str) -> (f64, f64) {
    let e = &m[key];
    (
        e["mean"].as_f64().unwrap_or(f64::NAN),
        e["half_width"].as_f64().unwrap_or(f64::NAN),
    )
}

/// Within the run's own 95 % interval, widened to 4 half-widths so a fixed seed is no
/// coin toss, plus rounding.
fn assert_near(what: &str, (m, hw): (f64, f64), expected: f64) {
    assert!(
        (m - expected).abs() <= 4.0 * hw + 1e-6,
        "{what}: simulated {m} ± {hw}, expected {expected}"
    );
}

#[test]
fn a_dated_week_gives_each_day_the_volumes_and_paid_hours_of_its_opening_hours() {
    let file = "scenarios/dated-week.toml";
    let s = Scenario::load(std::path::Path::new(file)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    assert_success(&ccsim(["run", file, "--json", json.to_str().unwrap()]));
    let j: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let days = j["scenarios"][0]["days"].as_array().expect("days");
    assert_eq!(days.len(), 7);
    // The file: 08:00-20:00 in hours; Saturday 09:00-14:00 (hours 1..6), Sunday closed,
    // Friday 5 March a holiday; every other day the whole grid.
    let volumes = &s.types[0].arrivals.volumes;
    let paid = &s.groups[0].staffing.paid;
    let expected = [
        ("2027-03-01", "mon", 0..12),
        ("2027-03-02", "tue", 0..12),
        ("2027-03-03", "wed", 0..12),
        ("2027-03-04", "thu", 0..12),
        ("2027-03-05", "fri", 0..0),
        ("2027-03-06", "sat", 1..6),
        ("2027-03-07", "sun", 0..0),
    ];
    for (day, (date, weekday, open)) in days.iter().zip(expected) {
        assert_eq!(day["date"], date);
        assert_eq!(day["weekday"], weekday);
        let m = &day["metrics"];
        let open_volume: f64 = volumes[open.clone()].iter().sum();
        let all: f64 = volumes.iter().sum();
        assert_near(&format!("{date} offered"), mean(m, "offered"), open_volume);
        assert_near(
            &format!("{date} closed arrivals"),
            mean(m, "closed_arrivals"),
            all - open_volume,
        );
        let hours: u32 = paid[open.clone()].iter().sum();
        let paid_h = mean(m, "paid_agent_hours").0 - mean(m, "overtime_agent_hours").0;
        assert!(
            (paid_h - f64::from(hours)).abs() < 1e-6,
            "{date}: {paid_h} paid hours, the plan gives {hours}"
        );
        if open.is_empty() {
            assert_eq!(
                mean(m, "abandoned").0,
                0.0,
                "{date}: closed, nobody abandons"
            );
            assert_eq!(
                mean(m, "cost_total").0,
                0.0,
                "{date}: closed, nobody is paid"
            );
        }
    }
}

const CLOSED_SUNDAY: &str = r#"
[simulation]
replications = 40
seed = 3
interval_minutes = 60
open = "08:00"
days = 2
start_date = "2027-03-07"
[calendar]
hours = { sun = "closed" }
[arrivals]
volumes = [50, 50, 50, 50]
[handling]
time = { dist = "exponential", mean_s = 240 }
[patience]
time = { dist = "exponential", mean_s = 60 }
[staffing]
agents = 2
"#;

#[test]
fn voice_arriving_while_closed_is_a_closed_arrival_not_an_abandonment() {
    let s = scenario(CLOSED_SUNDAY);
    let r = report(&s);
    let days = r.dated_days.as_ref().expect("a dated run has days");
    let sunday = &days[0].metrics;
    assert_eq!(days[0].weekday, "sun");
    assert_eq!(sunday.get(Metric::Offered).mean, 0.0);
    assert_eq!(sunday.get(Metric::Abandoned).mean, 0.0);
    let closed = sunday.2.as_ref().expect("closed arrivals");
    assert!(
        (closed.mean - 200.0).abs() <= 4.0 * closed.half_width,
        "{closed:?}"
    );
    // Monday is understaffed: its callers do abandon, so the count above is no accident.
    assert!(days[1].metrics.get(Metric::Abandoned).mean > 10.0);
    assert_eq!(days[1].metrics.2.as_ref().unwrap().mean, 0.0);
}

#[test]
fn email_arriving_while_closed_is_answered_after_the_opening() {
    let s = scenario(
        r#"
[simulation]
replications = 30
seed = 5
interval_minutes = 60
open = "08:00"
days = 2
start_date = "2027-03-07"
[calendar]
hours = { sun = "closed" }
[[types]]
name = "phone"
channel = "voice"
[types.arrivals]
volumes = [10, 10, 10, 10]
[types.handling]
time = { dist = "exponential", mean_s = 120 }
[[types]]
name = "mail"
channel = "email"
[types.arrivals]
volumes = [20, 20, 20, 20]
[types.handling]
time = { dist = "exponential", mean_s = 120 }
[[groups]]
name = "all"
agents = 8
serves = ["phone", "mail"]
"#,
    );
    let r = report(&s);
    let mail = &r.types.as_ref().unwrap()[1];
    let days = mail.days.as_ref().expect("each type has its days");
    let (sunday, monday) = (&days[0].metrics, &days[1].metrics);
    // Emails are offered on Sunday and wait: none is answered until Monday opens, when
    // both days' emails are.
    assert!(sunday.get(Metric::Offered).mean > 60.0);
    assert_eq!(sunday.get(Metric::Answered).mean, 0.0);
    assert_eq!(
        sunday.2.as_ref().unwrap().mean,
        0.0,
        "no email is turned away"
    );
    let both = sunday.get(Metric::Offered).mean + monday.get(Metric::Offered).mean;
    let answered = monday.get(Metric::Answered);
    assert!(
        (answered.mean - both).abs() < 1e-9,
        "{answered:?} vs {both}"
    );
    // The phone type's Sunday callers were turned away instead.
    let phone = &r.types.as_ref().unwrap()[0].days.as_ref().unwrap()[0].metrics;
    assert!(phone.2.as_ref().unwrap().mean > 20.0);
}

#[test]
fn staff_plans_no_agents_where_the_calendar_is_always_closed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("week.toml");
    std::fs::write(
        &file,
        r#"
[simulation]
replications = 20
seed = 9
interval_minutes = 60
open = "08:00"
days = 3
start_date = "2027-03-01"
[calendar]
hours = { mon = "08:00-10:00", tue = "08:00-10:00", wed = "09:00-10:00" }
[arrivals]
volumes = [30, 40, 30, 30]
[handling]
time = { dist = "exponential", mean_s = 240 }
[staffing]
agents = 1
[targets]
service_level = { within_s = 20, at_least = 0.8 }
"#,
    )
    .unwrap();
    let plan = dir.path().join("plan.toml");
    let out = ccsim([
        "staff",
        file.to_str().unwrap(),
        "--out",
        plan.to_str().unwrap(),
    ]);
    assert_success(&out);
    let planned = Scenario::load(&plan).unwrap();
    let paid = &planned.groups[0].staffing.paid;
    assert!(paid[0] > 0 && paid[1] > 0, "{paid:?}");
    assert_eq!(&paid[2..], &[0, 0], "10:00-12:00 is closed every day");
}

#[test]
fn a_dated_run_has_a_table_and_a_chart_of_its_days_and_an_undated_one_has_neither() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dated");
    let args = ["run", "scenarios/dated-week.toml", "-n", "4", "--out"];
    assert_success(&ccsim(args.iter().copied().chain([out.to_str().unwrap()])));
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("## Day by day"), "{md}");
    assert!(md.contains("| 2027-03-06 | sat |"), "{md}");
    assert!(md.contains("days-dated-week.svg"), "the chart is linked");
    assert!(out.join("days-dated-week.svg").is_file());
    assert!(out.join("days-dated-week.png").is_file());

    let undated = dir.path().join("undated");
    let args = ["run", "scenarios/weekday.toml", "-n", "4", "--out"];
    assert_success(&ccsim(
        args.iter().copied().chain([undated.to_str().unwrap()]),
    ));
    let md = std::fs::read_to_string(undated.join("report.md")).unwrap();
    assert!(!md.contains("Day by day"));
    let json = std::fs::read_to_string(undated.join("summary.json")).unwrap();
    assert!(!json.contains("closed_arrivals") && !json.contains("\"days\": ["));
}

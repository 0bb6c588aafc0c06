//! `ccsim schedule` on a dated week rosters nobody while the calendar has the centre
//! closed: no shift on a closed Sunday or a holiday, none outside a short Saturday's
//! window, and the open weekdays still meet their targets when the plan is run.

use crate::common::{assert_success, bin, scheduled};
use ccsim::scenario::Scenario;
use serde_json::Value;
use std::process::Command;

/// Monday 1 March 2027 to Sunday 7 March, 08:00-14:00 on the grid; Saturday 09:00-13:00,
/// Sunday closed, Wednesday 3 March a holiday.
const WEEK: &str = r#"
name = "Dated roster"
[simulation]
replications = 30
seed = 11
interval_minutes = 60
open = "08:00"
days = 7
start_date = "2027-03-01"
[calendar]
hours = { sat = "09:00-13:00", sun = "closed" }
closed = ["2027-03-03"]
[arrivals]
volumes = [40, 70, 80, 60, 50, 60]
[handling]
time = { dist = "exponential", mean_s = 240 }
[patience]
time = { dist = "exponential", mean_s = 150 }
[staffing]
agents = 8
[rostering]
shift_hours = [3, 4]
start_step_minutes = 60
[costs]
agent_hour = 20.0
[targets]
service_level = { within_s = 30, at_least = 0.75 }
"#;

const WEDNESDAY: u32 = 2;
const SATURDAY: u32 = 5;
const SUNDAY: u32 = 6;

#[test]
fn schedule_rosters_nobody_while_the_calendar_has_the_centre_closed() {
    let (dir, plan, _) = scheduled(WEEK);
    let text = std::fs::read_to_string(&plan).unwrap();
    let s = Scenario::from_toml(&text, &plan).expect("the plan is a valid scenario");
    let roster = s.groups[0].staffing.roster.as_ref().expect("shifts");
    // A shift without a day is worked every day, the closed ones included.
    let worked_on = |d: u32| {
        roster
            .shifts
            .iter()
            .filter(move |sh| sh.day.is_none_or(|x| x == d))
    };
    for closed in [WEDNESDAY, SUNDAY] {
        let on: Vec<_> = worked_on(closed).collect();
        assert!(on.is_empty(), "day {}: {on:?}", closed + 1);
    }
    // Saturday's window is 09:00-13:00: minutes 60..300 after the 08:00 opening.
    let saturday: Vec<_> = worked_on(SATURDAY).collect();
    assert!(!saturday.is_empty(), "Saturday is open and rostered");
    for sh in &saturday {
        assert!(
            sh.start >= 60 && sh.end() <= 300,
            "outside the window: {sh:?}"
        );
    }
    // The open weekdays still meet the target when the plan is run as it is.
    let json = dir.path().join("r.json");
    assert_success(
        &Command::new(bin())
            .arg("run")
            .arg(&plan)
            .args(["--json", json.to_str().unwrap()])
            .output()
            .unwrap(),
    );
    let j: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let days = j["scenarios"][0]["days"].as_array().expect("days");
    for d in [0, 1, 3, 4] {
        assert!(worked_on(d).next().is_some(), "day {} is rostered", d + 1);
        let sl = &days[d as usize]["metrics"]["service_level"];
        let (m, hw) = (
            sl["mean"].as_f64().unwrap(),
            sl["half_width"].as_f64().unwrap(),
        );
        assert!(m + hw >= 0.75, "day {}: service level {m} ± {hw}", d + 1);
        let paid = days[d as usize]["metrics"]["paid_agent_hours"]["mean"].as_f64();
        assert!(paid.unwrap() > 0.0);
    }
    for closed in [WEDNESDAY, SUNDAY] {
        let paid = &days[closed as usize]["metrics"]["paid_agent_hours"]["mean"];
        assert_eq!(paid.as_f64(), Some(0.0), "day {}: nobody paid", closed + 1);
    }
}

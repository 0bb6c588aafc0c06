//! An email deadline longer than the horizon: no email's deadline falls inside a one-day
//! run of a 24-hour target, so an email still open at the end counts as late. A starving
//! email queue is then neither certified by `run`'s marks nor planned by `staff`, while a
//! healthy queue over several days keeps its figures.

use std::process::Command;

use ccsim::metrics::{GroupMetric, Metric};
use ccsim::ranking::meets_targets;

use crate::common::{bin, report, scenario};

/// Calls on their own group; 120 emails of 10 minutes in a 3-hour day (20 hours of work)
/// on a group of `writers` agents, against the default 24-hour deadline, over `days`.
fn centre(writers: u32, days: u32) -> String {
    format!(
        r#"
name = "Email over {days} day(s)"
[simulation]
replications = 30
seed = 4
days = {days}
[costs]
agent_hour = 20.0
[[types]]
name = "calls"
[types.arrivals]
volumes = [30, 30, 30, 30, 30, 30]
[types.handling]
time = {{ dist = "exponential", mean_s = 240 }}
[types.patience]
time = {{ dist = "exponential", mean_s = 120 }}
[types.targets]
service_level = {{ within_s = 20, at_least = 0.80 }}
[[types]]
name = "mail"
channel = "email"
[types.arrivals]
volumes = [20, 20, 20, 20, 20, 20]
[types.handling]
time = {{ dist = "exponential", mean_s = 600 }}
[types.targets]
service_level = {{ within_s = 86400, at_least = 0.90 }}
[[groups]]
name = "phones"
agents = 8
serves = ["calls"]
[[groups]]
name = "writers"
agents = {writers}
serves = ["mail"]
"#
    )
}

#[test]
fn a_starving_email_queue_over_one_day_is_not_certified() {
    // 4 writers give 12 hours for 20 hours of email: some 40 % are never answered.
    let r = report(&scenario(&centre(4, 1)));
    let mail = &r.types.as_ref().unwrap()[1];
    let sl = mail.metrics.get(Metric::ServiceLevel);
    let open = mail.email.as_ref().unwrap().open_at_horizon.mean;
    let offered = mail.metrics.get(Metric::Offered).mean;
    assert!(open > 0.3 * offered, "{open} of {offered} still open");
    assert!(
        sl.mean < 0.7,
        "email service level {sl:?} with {open} never answered"
    );
    assert_eq!(mail.targets.met(Metric::ServiceLevel, &sl), Some(false));
    assert!(!meets_targets(&r), "a starving email queue is certified");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("longer than the horizon")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn check_warns_when_a_deadline_outlasts_the_horizon() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("email.toml");
    std::fs::write(&file, centre(4, 1)).unwrap();
    let out = Command::new(bin())
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace('\n', " ");
    assert!(
        text.contains("email type \"mail\": its deadline (24 h) is longer than the horizon (3 h"),
        "{text}"
    );
}

#[test]
fn staff_does_not_cut_a_one_day_email_group_to_a_starving_plan() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("email.toml");
    let plan = dir.path().join("plan.toml");
    std::fs::write(&file, centre(4, 1)).unwrap();
    let out = Command::new(bin())
        .arg("staff")
        .arg(&file)
        .args(["--allow-misses", "-j", "2", "--out"])
        .arg(&plan)
        .output()
        .unwrap();
    let plan = std::fs::read_to_string(&plan)
        .unwrap_or_else(|_| panic!("no plan written: {}", String::from_utf8_lossy(&out.stderr)));
    let planned = report(&scenario(&plan));
    let writers = &planned.groups.as_ref().unwrap()[1];
    let hours = writers.metrics.0[GroupMetric::PaidAgentHours as usize].mean;
    // Answering 90 % of 20 hours of email takes at least 18 writer hours.
    assert!(
        hours >= 18.0,
        "staff planned {hours} writer hours for 20 hours of email"
    );
}

#[test]
fn a_healthy_email_queue_over_several_days_keeps_its_figures() {
    // 8 writers over five days: the horizon is far longer than the deadline, so only
    // emails open past it count; the few still open at the last closing are not late.
    let r = report(&scenario(&centre(8, 5)));
    let mail = &r.types.as_ref().unwrap()[1];
    let email = mail.email.as_ref().unwrap();
    assert!(
        email.open_at_horizon.mean > 0.0,
        "some emails are open at the end"
    );
    assert_eq!(mail.metrics.get(Metric::ServiceLevel).mean, 1.0);
    assert!(r.warnings.iter().all(|w| !w.contains("horizon")));
    let sl = mail.metrics.get(Metric::ServiceLevel);
    assert_eq!(mail.targets.met(Metric::ServiceLevel, &sl), Some(true));
}

//! A centre's headline service level and abandonment rate are its live channels' (voice,
//! chat): an email answered within a day would otherwise lift a figure measured in
//! seconds. Email is reported on its own wherever the headline is shown.

use std::process::Command;

use ccsim::metrics::Metric;

use crate::common::{assert_success, bin, report, scenario};

/// Calls and emails, each on its own group; the calls wait, the emails are all answered.
const CALLS_AND_EMAIL: &str = r#"
name = "Calls and email"
[simulation]
replications = 20
seed = 9
days = 2
[costs]
agent_hour = 20.0
[[types]]
name = "calls"
[types.arrivals]
volumes = [60, 70, 70, 60]
[types.handling]
time = { dist = "exponential", mean_s = 240 }
[types.patience]
time = { dist = "exponential", mean_s = 90 }
[types.targets]
service_level = { within_s = 20, at_least = 0.80 }
[[types]]
name = "mail"
channel = "email"
[types.arrivals]
volumes = [30, 30, 30, 30]
[types.handling]
time = { dist = "exponential", mean_s = 300 }
[[groups]]
name = "phones"
agents = 9
serves = ["calls"]
[[groups]]
name = "writers"
agents = 6
serves = ["mail"]
"#;

#[test]
fn the_headline_of_a_centre_with_email_is_its_live_channels() {
    let r = report(&scenario(CALLS_AND_EMAIL));
    let types = r.types.as_ref().unwrap();
    let (calls, mail) = (&types[0], &types[1]);
    assert!(mail.metrics.get(Metric::ServiceLevel).mean > 0.99);
    assert!(calls.metrics.get(Metric::ServiceLevel).mean < 0.9);
    // The only live type: the headline is its figures exactly, day by day.
    for m in [Metric::ServiceLevel, Metric::AbandonmentRate] {
        assert_eq!(
            r.metrics.get(m),
            calls.metrics.get(m),
            "{}: the centre's headline is not the live channels'",
            m.def().key
        );
    }
    // Everything else is still the whole centre's.
    let offered = |x: &ccsim::report::Metrics| x.get(Metric::Offered).mean;
    assert!(offered(&r.metrics) > offered(&calls.metrics));
}

#[test]
fn terminal_and_report_show_email_on_its_own_beside_the_headline() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("centre.toml");
    std::fs::write(&file, CALLS_AND_EMAIL).unwrap();
    let out_dir = dir.path().join("study");
    let out = Command::new(bin())
        .arg("run")
        .arg(&file)
        .args(["-n", "6", "--out"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_success(&out);
    let terminal = String::from_utf8_lossy(&out.stdout).replace('\n', " ");
    let terminal = terminal.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        terminal.contains("live channels (calls); email on its own: mail answered within 24 h"),
        "{terminal}"
    );
    let md = std::fs::read_to_string(out_dir.join("report.md")).unwrap();
    let glance = md
        .lines()
        .find(|l| l.starts_with("- **Calls and email**"))
        .unwrap();
    assert!(
        glance.contains("email on its own: mail answered within 24 h 100.0%"),
        "{glance}"
    );
    let html = std::fs::read_to_string(out_dir.join("report.html")).unwrap();
    assert!(html.contains("email on its own: mail answered within 24 h"));
}

//! Money moves the way a planner expects, under common random numbers: on an
//! over-staffed range each added agent raises the cost per contact (the same contacts,
//! more paid hours), and a change that makes customers abandon more raises the lost
//! customer value (more unhappy journeys, more churn).

use crate::common;

use ccsim::metrics::Metric;
use ccsim::report::ScenarioReport;
use ccsim::stats::{Estimate, Running};
use common::{day, report, scenario};

fn centre(agents: u32, patience_s: u32) -> String {
    format!(
        r#"
[simulation]
replications = 40
seed = 47
interval_minutes = 30
[arrivals]
volumes = [40, 64, 80, 80, 64, 40]
[handling]
time = {{ dist = "lognormal", mean_s = 240, cv = 1.0 }}
[patience]
time = {{ dist = "exponential", mean_s = {patience_s} }}
[staffing]
agents = {agents}
[costs]
agent_hour = 24.0
per_handled_minute = 0.02
per_queued_minute = 0.01
fixed_per_day = 100.0
[value]
customer_lifetime_value = 900
"#
    )
}

/// The paired difference `a − b` of metric `m`, replication by replication.
fn paired(a: &ScenarioReport, b: &ScenarioReport, m: Metric) -> Estimate {
    let mut r = Running::default();
    for (x, y) in a.day_samples.iter().zip(&b.day_samples) {
        r.push(x[m as usize] - y[m as usize]);
    }
    r.estimate()
}

#[test]
fn cost_per_contact_rises_with_each_agent_on_an_over_staffed_range() {
    // At most 10.7 Erlangs at the peak: from 16 agents on, hardly anyone waits.
    let reports: Vec<ScenarioReport> = (16..=19)
        .map(|n| report(&scenario(&centre(n, 150))))
        .collect();
    for (k, w) in reports.windows(2).enumerate() {
        let (fewer, more) = (&w[0], &w[1]);
        assert!(day(fewer, Metric::AbandonmentRate).mean < 0.01);
        let d = paired(more, fewer, Metric::CostPerContact);
        eprintln!(
            "{} → {} agents: cost per contact {:+.4} ± {:.4}",
            16 + k,
            17 + k,
            d.mean,
            d.half_width
        );
        assert!(
            d.mean - d.half_width > 0.0,
            "one more agent raises the cost per contact: {d:?}"
        );
        // By about one agent's day (3 h × 24) over the same contacts.
        let offered = day(more, Metric::Offered).mean;
        let one_agent = 3.0 * 24.0 / offered;
        assert!(
            (d.mean - one_agent).abs() < 0.1 * one_agent,
            "{d:?} vs {one_agent}"
        );
    }
}

#[test]
fn lost_value_moves_with_a_change_that_worsens_abandonment() {
    // Shorter patience on a tight plan: more abandonments, more unhappy customers.
    let patient = report(&scenario(&centre(11, 200)));
    let hasty = report(&scenario(&centre(11, 60)));
    let ab = paired(&hasty, &patient, Metric::AbandonmentRate);
    assert!(ab.mean - ab.half_width > 0.0, "abandonment rises: {ab:?}");
    let lost = paired(&hasty, &patient, Metric::LostValue);
    eprintln!("lost value {:+.1} ± {:.1}", lost.mean, lost.half_width);
    assert!(
        lost.mean - lost.half_width > 0.0,
        "lost value rises with abandonment: {lost:?}"
    );
    // And falls when agents are added to the hasty centre.
    let staffed = report(&scenario(&centre(14, 60)));
    let lost = paired(&staffed, &hasty, Metric::LostValue);
    assert!(
        lost.mean + lost.half_width < 0.0,
        "lost value falls with more agents: {lost:?}"
    );
}

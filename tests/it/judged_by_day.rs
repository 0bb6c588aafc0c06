//! Targets judged on the day (`[targets] judged = "day"`): on a peaked day, `staff`
//! plans fewer agent-intervals than when every interval must meet the targets (the peak
//! may dip below 80/20 when the quiet hours more than make up for it), and the day's
//! targets still hold on fresh replications the search never saw.

use crate::common::{self, day};

use ccsim::metrics::Metric;
use ccsim::staffing::{self, Options};

/// A short day with a sharp peak, 80 % within 20 s.
fn file(judged: Option<&str>) -> String {
    let judged = judged.map_or(String::new(), |j| format!("judged = \"{j}\"\n"));
    format!(
        r#"
[simulation]
replications = 100
seed = 5
interval_minutes = 30
[arrivals]
volumes = [40, 60, 120, 220, 120, 60, 40, 40]
[handling]
time = {{ dist = "exponential", mean_s = 240 }}
[patience]
time = {{ dist = "exponential", mean_s = 180 }}
[staffing]
agents = 10
[targets]
service_level = {{ within_s = 20, at_least = 0.80 }}
{judged}"#
    )
}

#[test]
fn staff_judged_on_the_day_plans_fewer_agents_and_the_day_meets_on_fresh_days() {
    let plan = |judged: Option<&str>| {
        let s = common::scenario(&file(judged));
        let o = staffing::search(&s, &Options::default(), &|_| {}).expect("the search runs");
        assert!(o.plan.met(), "{judged:?}: misses {:?}", o.misses);
        o.plan.paid
    };
    let (every, daily) = (plan(None), plan(Some("day")));
    let total = |p: &[u32]| p.iter().sum::<u32>();
    eprintln!(
        "every interval: {every:?} ({} agent-intervals); the day: {daily:?} ({})",
        total(&every),
        total(&daily)
    );
    assert!(total(&daily) < total(&every));

    // The day plan on 400 fresh days (another seed): the day's service level holds.
    let mut s = common::scenario(&file(Some("day")));
    s.groups[0].staffing.paid = daily.clone();
    s.simulation.seed = 9_001;
    s.simulation.replications = 400;
    let r = common::report(&s);
    let sl = day(&r, Metric::ServiceLevel);
    let peak = r.intervals[3].metrics.get(Metric::ServiceLevel);
    eprintln!(
        "fresh days: the day's SL {:.3} ± {:.3}, the peak's {:.3}",
        sl.mean, sl.half_width, peak.mean
    );
    assert!(
        sl.mean + sl.half_width >= 0.80,
        "the day's SL {} ± {} misses 80 %",
        sl.mean,
        sl.half_width
    );
}

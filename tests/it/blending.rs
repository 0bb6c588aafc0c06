//! Blending control (`[[groups]] email_when_idle`): a blended group that finds an email
//! backlog at opening. Without the rule its idle agents take the backlog's emails of
//! seven minutes and the first calls queue behind them; keeping agents idle for calls
//! shortens the calls' waits, the email is still answered within its deadline where
//! there is capacity, and `staff` no longer needs a crowd at opening.

use crate::common;

use ccsim::metrics::Metric;
use ccsim::report::ScenarioReport;
use ccsim::staffing::{self, Options};

/// Voice and email on one blended group of 18 agents, open 08:00–10:00 over three days;
/// most email comes in the first half-hour (the night's inbox): a backlog at opening.
fn centre(email_when_idle: Option<u32>) -> String {
    let rule = email_when_idle.map_or(String::new(), |n| format!("email_when_idle = {n}\n"));
    format!(
        r#"
[simulation]
replications = 100
seed = 41
interval_minutes = 30
open = "08:00"
days = 3

[[types]]
name = "phone"
[types.arrivals]
volumes = [40, 80, 80, 60]
[types.handling]
time = {{ dist = "exponential", mean_s = 300 }}
[types.patience]
time = {{ dist = "exponential", mean_s = 180 }}
[types.targets]
service_level = {{ within_s = 20, at_least = 0.80 }}

[[types]]
name = "email"
channel = "email"
[types.arrivals]
volumes = [80, 2, 2, 2]
[types.handling]
time = {{ dist = "exponential", mean_s = 420 }}
[types.targets]
service_level = {{ within_s = 86400, at_least = 0.90 }}

[[groups]]
name = "blended"
agents = 18
serves = ["phone", "email"]
{rule}"#
    )
}

fn run(email_when_idle: Option<u32>) -> ScenarioReport {
    common::report(&common::scenario(&centre(email_when_idle)))
}

#[test]
fn keeping_agents_idle_for_calls_shortens_their_waits_and_email_keeps_its_deadline() {
    let (free, ruled) = (run(None), run(Some(4)));
    let figure = |r: &ScenarioReport, t: usize, m: Metric| {
        r.types.as_ref().expect("a centre")[t].metrics.get(m)
    };
    let opening = |r: &ScenarioReport| {
        r.types.as_ref().expect("a centre")[0].intervals[0]
            .metrics
            .get(Metric::AsaS)
    };
    let (a, b) = (
        figure(&free, 0, Metric::AsaS),
        figure(&ruled, 0, Metric::AsaS),
    );
    eprintln!(
        "phone ASA: {:.1} ± {:.1} s without the rule, {:.1} ± {:.1} s keeping 4 idle; at opening {:.1} s and {:.1} s",
        a.mean,
        a.half_width,
        b.mean,
        b.half_width,
        opening(&free).mean,
        opening(&ruled).mean
    );
    assert!(
        b.mean + b.half_width < a.mean - a.half_width,
        "the calls wait less with agents kept for them"
    );
    let (ea, eb) = (
        figure(&free, 1, Metric::ServiceLevel),
        figure(&ruled, 1, Metric::ServiceLevel),
    );
    eprintln!(
        "email within 24 h: {:.3} without the rule, {:.3} with it",
        ea.mean, eb.mean
    );
    assert!(
        eb.mean >= 0.90,
        "email still answered within its deadline: {}",
        eb.mean
    );
}

/// `staff` against 80/20 for calls in every interval and 90 % of email within 24 h:
/// without the rule the opening interval needs a crowd, since the agents there take the
/// night's backlog and the calls wait behind it; keeping agents idle for calls lets the
/// backlog wait for quieter minutes and the opening needs no more than the calls do.
#[test]
fn staff_no_longer_spikes_at_opening() {
    let plan = |rule: Option<u32>| {
        let s = common::scenario(&centre(rule));
        let o = staffing::search(&s, &Options::default(), &|_| {}).expect("the search runs");
        assert!(o.plan.met(), "{rule:?}: misses {:?}", o.misses);
        o.plan.paid
    };
    let (free, ruled) = (plan(None), plan(Some(4)));
    eprintln!("staff plan without the rule {free:?}, keeping 4 idle {ruled:?}");
    assert!(
        ruled[0] < free[0],
        "fewer agents at opening: {ruled:?} against {free:?}"
    );
    assert!(
        ruled[0] <= ruled[1],
        "no spike at opening (40 calls then 80): {ruled:?}"
    );
}

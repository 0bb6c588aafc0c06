//! `ccsim staff` on a centre with chat and email: the plan meets the chat type's targets
//! interval by interval and the email deadline over the horizon when simulated again,
//! and a chat agent's slots are counted (fewer chat agents than the chats' Erlangs).

use crate::common;

use ccsim::metrics::Metric;
use ccsim::staffing::{self, Options};

/// Voice and email on a blended group, chat on a 3-slot group; both groups short-staffed.
const CENTRE: &str = r#"
name = "Chat and email to staff"
[simulation]
replications = 100
seed = 23
interval_minutes = 30
open = "09:00"
[costs]
currency = "EUR"
agent_hour = 20.0

[[types]]
name = "phone"
[types.arrivals]
volumes = [30, 50, 70, 70, 50, 30]
[types.handling]
time = { dist = "exponential", mean_s = 240 }
[types.patience]
time = { dist = "exponential", mean_s = 180 }
[types.targets]
service_level = { within_s = 20, at_least = 0.80 }

[[types]]
name = "chat"
channel = "chat"
[types.arrivals]
volumes = [20, 40, 60, 60, 40, 20]
[types.handling]
time = { dist = "exponential", mean_s = 300 }
[types.patience]
time = { dist = "exponential", mean_s = 240 }
[types.targets]
service_level = { within_s = 60, at_least = 0.80 }

[[types]]
name = "email"
channel = "email"
[types.arrivals]
volumes = [40, 20, 20, 20, 20, 10]
[types.handling]
time = { dist = "exponential", mean_s = 360 }
[types.targets]
service_level = { within_s = 7200, at_least = 0.90 }

[[groups]]
name = "blended"
agents = 4
shrinkage = 0.2
serves = ["phone", "email"]

[[groups]]
name = "chat"
agents = 2
shrinkage = 0.2
chat_slots = 3
serves = ["chat"]
"#;

#[test]
fn the_plan_meets_chat_per_interval_and_email_over_the_horizon_counting_slots() {
    let s = common::scenario(CENTRE);
    let o = staffing::search(&s, &Options::default(), &|_| {}).expect("the search runs");
    eprintln!("plan {:?}, misses {:?}", o.plan.paid, o.misses);
    assert!(o.plan.met(), "misses {:?}", o.misses);

    let report = common::report(&common::with_plan(&s, &o.plan.paid));
    let types = report.types.as_ref().expect("a centre reports its types");
    for t in [0, 1] {
        for r in &types[t].intervals {
            let sl = r.metrics.get(Metric::ServiceLevel).mean;
            let at_least = 0.80;
            assert!(
                sl >= at_least,
                "{} {}: SL {sl} below {at_least}",
                types[t].name,
                r.start
            );
        }
    }
    let email = types[2].metrics.get(Metric::ServiceLevel).mean;
    assert!(email >= 0.90, "email answered within 2 h: {email}");

    // The chat peak is 60 chats of 300 s in 30 minutes: 10 Erlangs. As voice it would
    // take at least 10 productive agents; 3 slots each need far fewer.
    let chat = o.plan.group(1);
    let peak = *chat.iter().max().unwrap();
    assert!(
        f64::from(peak) * 0.8 < 10.0,
        "chat group's peak {peak} paid agents: the slots are not counted"
    );
}

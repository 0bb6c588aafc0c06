//! A centre's JSON gives each type its own unit prices, and keeps the top-level
//! `pricing` (the first type's) for readers of the one-type shape.

use crate::common::{report, scenario};

/// Calls without extras, then chats with a chatbot at its own price per session.
const CENTRE: &str = r#"
[simulation]
replications = 4
seed = 9
[costs]
agent_hour = 20.0
[[types]]
name = "calls"
[types.arrivals]
volumes = [20, 20]
[types.handling]
time = { dist = "exponential", mean_s = 240 }
[[types]]
name = "chat"
channel = "chat"
[types.arrivals]
volumes = [20, 20]
[types.handling]
time = { dist = "exponential", mean_s = 300 }
[types.patience]
time = { dist = "exponential", mean_s = 200 }
[types.self_service]
offered_share = 0.5
containment = 0.4
time = { dist = "exponential", mean_s = 60 }
cost_per_session = 0.35
[[groups]]
name = "phones"
agents = 4
serves = ["calls"]
[[groups]]
name = "chatters"
agents = 4
serves = ["chat"]
"#;

#[test]
fn each_centre_type_carries_its_own_pricing_beside_the_first_types_top_level_keys() {
    let json = serde_json::to_value(report(&scenario(CENTRE))).unwrap();
    let price = |at: &serde_json::Value| at["pricing"]["cost_per_session"].as_f64();
    assert_eq!(price(&json["types"][0]), Some(0.0), "{json:#}");
    assert_eq!(price(&json["types"][1]), Some(0.35), "{json:#}");
    assert_eq!(json["types"][1]["pricing"]["cost_per_attempt"], 0.0);
    // The top-level keys stay, and stay the first type's.
    assert_eq!(price(&json), Some(0.0));
    assert_eq!(json["pricing"]["agent_hour"], 20.0);
    assert!(json["satisfaction_model"].is_object());
}

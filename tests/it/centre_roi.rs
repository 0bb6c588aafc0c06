//! The return on a change to a centre prices what the change adds where it happens: a
//! chatbot on one type at that type's price per session, extra agents at their group's
//! own rate, never the first type's prices or `[costs].agent_hour`.

use ccsim::compare::compare;
use ccsim::metrics::{GroupMetric, Metric};

use crate::common::{report, scenario};

/// A centre of calls (first) and chats; `bot` puts a chatbot on the chats, `chat_agents`
/// staffs the chat group, paid 31 an hour against the file's 20.
fn centre(bot: bool, chat_agents: u32) -> String {
    let bot = if bot {
        "[types.self_service]\noffered_share = 0.5\ncontainment = 0.4\n\
         time = { dist = \"exponential\", mean_s = 60 }\ncost_per_session = 0.35\n"
    } else {
        ""
    };
    format!(
        r#"
[simulation]
replications = 24
seed = 5
[costs]
agent_hour = 20.0
per_handled_minute = 0.02
fixed_per_day = 100.0
[[types]]
name = "calls"
[types.arrivals]
volumes = [40, 50, 50, 40]
[types.handling]
time = {{ dist = "exponential", mean_s = 240 }}
[types.patience]
time = {{ dist = "exponential", mean_s = 120 }}
[[types]]
name = "chat"
channel = "chat"
[types.arrivals]
volumes = [30, 40, 40, 30]
[types.handling]
time = {{ dist = "exponential", mean_s = 300 }}
[types.patience]
time = {{ dist = "exponential", mean_s = 200 }}
{bot}
[[groups]]
name = "phones"
agents = 7
serves = ["calls"]
[[groups]]
name = "chatters"
agents = {chat_agents}
agent_hour = 31.0
serves = ["chat"]
"#
    )
}

#[test]
fn a_chatbot_on_the_second_type_costs_its_sessions_at_that_types_price() {
    let base = report(&scenario(&centre(false, 6)));
    let bot = report(&scenario(&centre(true, 6)));
    let roi = compare(&bot, &base).roi.expect("same seed: paired");
    let chat = &bot.types.as_ref().unwrap()[1];
    let sessions = chat.metrics.get(Metric::SelfServiceSessions).mean;
    assert!(sessions > 50.0, "the bot took {sessions} sessions a day");
    let expected = sessions * 0.35;
    assert!(
        (roi.change_cost.mean - expected).abs() < 1e-9 * expected,
        "change cost {} against {sessions} sessions × 0.35 = {expected}",
        roi.change_cost.mean
    );
    assert!(
        roi.roi_percent.is_some(),
        "the change adds spend: {}",
        roi.note
    );
}

#[test]
fn extra_agents_cost_their_groups_rate_not_the_files() {
    let base = report(&scenario(&centre(false, 6)));
    let more = report(&scenario(&centre(false, 8)));
    let roi = compare(&more, &base).roi.expect("same seed: paired");
    let scheduled = |r: &ccsim::report::ScenarioReport| {
        let g = &r.groups.as_ref().unwrap()[1].metrics.0;
        g[GroupMetric::PaidAgentHours as usize].mean
            - g[GroupMetric::OvertimeAgentHours as usize].mean
    };
    // Two more agents over four half-hours: 4 scheduled hours a day, at 31.
    let hours = scheduled(&more) - scheduled(&base);
    assert!((hours - 4.0).abs() < 1e-9, "{hours} extra hours");
    assert!(
        (roi.change_cost.mean - 31.0 * 4.0).abs() < 1e-6,
        "change cost {} against 4 h × 31 = 124",
        roi.change_cost.mean
    );
}

//! The report of chat and email beside the common metrics: an email type's deadline,
//! what is still open at the end of the horizon and the backlog at each interval's
//! end; a chat group's slots and how full they were. Voice reports have none of it.

use serde::Serialize;

use crate::runner::{GroupRun, TypeRun};
use crate::scenario::{AgentGroup, Channel, ContactType, Scenario};
use crate::stats::Estimate;

/// An email type's backlog and deadline.
#[derive(Debug, Clone, Serialize)]
pub struct EmailReport {
    /// The deadline: an email answered within this many seconds meets the target.
    pub deadline_s: f64,
    /// Emails still open at the end of the horizon (per replication of all its days).
    pub open_at_horizon: Estimate,
    /// Of those, emails already open longer than the deadline (service-level misses).
    pub open_past_deadline: Estimate,
    /// Age of the oldest email open at the end of the horizon, seconds (0 when none).
    pub oldest_open_s: Estimate,
    /// Emails waiting at each interval's end, mean over the days.
    pub backlog: Vec<BacklogReport>,
}

/// The email backlog at one interval's end.
#[derive(Debug, Clone, Serialize)]
pub struct BacklogReport {
    /// Clock time of the interval's end, `HH:MM`.
    pub end: String,
    /// Emails waiting.
    pub backlog: Estimate,
}

/// A chat group's slots and how full they were.
#[derive(Debug, Clone, Serialize)]
pub struct ChatReport {
    /// Most chats one agent holds at once.
    pub chat_slots: u32,
    /// Chat-seconds ÷ (slots × productive agent-seconds), while open.
    pub slot_utilisation: Estimate,
    /// Chats held on average by an agent holding at least one.
    pub chats_per_agent: Estimate,
}

/// The email part of type `t`'s report, when it is email.
pub(super) fn email(scenario: &Scenario, t: &ContactType, run: &TypeRun) -> Option<EmailReport> {
    if t.channel != Channel::Email {
        return None;
    }
    let e: Vec<Estimate> = run.channel.iter().map(|r| r.estimate()).collect();
    let sim = &scenario.simulation;
    Some(EmailReport {
        deadline_s: t.targets.sl_within_s,
        open_at_horizon: e[0],
        open_past_deadline: e[1],
        oldest_open_s: e[2],
        backlog: e[3..]
            .iter()
            .enumerate()
            .map(|(i, b)| BacklogReport {
                end: sim.interval_label(i + 1),
                backlog: *b,
            })
            .collect(),
    })
}

/// The chat part of group `g`'s report, when it serves chat.
pub(super) fn chat(g: &AgentGroup, run: &GroupRun) -> Option<ChatReport> {
    let [utilisation, per_agent] = &run.chat[..] else {
        return None;
    };
    Some(ChatReport {
        chat_slots: g.chat_slots,
        slot_utilisation: utilisation.estimate(),
        chats_per_agent: per_agent.estimate(),
    })
}

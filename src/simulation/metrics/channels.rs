//! The figures of chat and email beside the common metrics (SCENARIO.md, "Channels"):
//! an email type's backlog (at each interval's end and at the end of the horizon) and
//! its oldest open email; a chat group's slot utilisation and chats per agent. They are
//! kept out of the common metric list so that voice reports keep their exact columns.

use super::counters::{GroupCounters, ReplicationCounters};
use super::values::ratio;

/// An email type's figures, in this order, then the mean backlog at each interval's end.
pub const EMAIL_FIGURES: [&str; 3] = ["open_at_horizon", "open_past_deadline", "oldest_open_s"];

/// A chat group's figures, in this order.
pub const CHAT_FIGURES: [&str; 2] = ["slot_utilisation", "chats_per_agent"];

/// An email type's values in one replication: emails open at the end of the horizon,
/// those of them past the deadline, the oldest one's age, then the backlog at each
/// interval's end (mean over the days).
pub fn email_values(r: &ReplicationCounters) -> Vec<f64> {
    let open: u64 = r.intervals.iter().map(|c| c.open_at_end).sum();
    let late: u64 = r.intervals.iter().map(|c| c.open_past_deadline).sum();
    let per_day = 1.0 / f64::from(r.days.max(1));
    let mut v = vec![open as f64, late as f64, r.oldest_open_s];
    v.extend(r.intervals.iter().map(|c| c.backlog_end as f64 * per_day));
    v
}

/// A chat group's values in one replication (`chat[k]`: whether its `k`-th type served
/// is chat): chat-seconds over `slots` × productive seconds, and chats held on average
/// while an agent holds at least one (chat-seconds over the chat types' busy time).
pub fn chat_values(g: &GroupCounters, slots: u32, chat: &[bool]) -> Vec<f64> {
    let chat_s: f64 = g.chat_s.iter().sum();
    let productive: f64 = g.productive_s.iter().sum();
    let engaged: f64 = (0..chat.len())
        .filter(|&k| chat[k])
        .map(|k| (0..g.intervals).map(|i| g.busy(k, i)).sum::<f64>())
        .sum();
    vec![
        ratio(chat_s, f64::from(slots) * productive),
        ratio(chat_s, engaged),
    ]
}

//! The figures of chat and email beside the common metrics (docs/centres.md):
//! an email type's backlog (at each interval's end and at the end of the horizon) and
//! its oldest open email; a chat group's slot utilisation and chats per agent. They are
//! kept out of the common metric list so that voice reports keep their exact columns.
//! A centre that has email beside live channels takes its headline service level and
//! abandonment from the live ones.

use super::counters::{GroupCounters, IntervalCounters, ReplicationCounters};
use super::values::{ratio, values, Priced};
use super::{Metric, MetricValues};
use crate::scenario::Channel;

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

/// The live types' (voice and chat) counters merged, when the centre also has email: a
/// centre's headline service level and abandonment are its live channels', since an
/// email's deadline of hours would swamp the seconds a caller waits. `None` when every
/// type is live (the figures are the whole centre's already) or none is.
pub(super) fn live_counters(
    types: &[&ReplicationCounters],
    channels: &[Channel],
) -> Option<ReplicationCounters> {
    let live: Vec<&ReplicationCounters> = types
        .iter()
        .zip(channels)
        .filter(|(_, c)| **c != Channel::Email)
        .map(|(t, _)| *t)
        .collect();
    if live.is_empty() || live.len() == types.len() {
        return None;
    }
    let mut merged = live[0].clone();
    for t in &live[1..] {
        merged.merge(t);
    }
    Some(merged)
}

/// Replaces the service level and abandonment rate of `v` by those of the live counters.
pub(super) fn live_headline(v: &mut MetricValues, live: &IntervalCounters, days: u32) {
    let own = values(live, 0.0, &Priced::default(), days);
    for m in [Metric::ServiceLevel, Metric::AbandonmentRate] {
        v[m as usize] = own[m as usize];
    }
}

//! The rules of channels (docs/centres.md): what a chat or an email type may
//! and may not have, and which groups may hold several chats. Kept apart from the
//! centre's naming and routing rules so each file says one thing.

use super::Check;
use crate::limits::{MAX_AGENTS, MAX_CHAT_SLOTS, MAX_SLOWDOWN};
use crate::scenario::file::{GroupFile, TypeFile};
use crate::scenario::FieldError;
use crate::scenario::{Channel, ContactType};

/// The deadline an email type is judged against when the file gives none: a day.
pub const EMAIL_DEADLINE_S: f64 = 86_400.0;
/// From this many seconds a service-level threshold is a deadline, not a wait.
const DEADLINE_FROM_S: f64 = 3_600.0;

/// Reads `types[k].channel` and checks the type's tables against it, before the
/// one-type rules; returns the channel and the chat slowdown taken out of the tables.
pub fn channel(k: usize, t: &mut TypeFile) -> Check<(Channel, f64)> {
    let at = |f: &str| format!("types[{k}].{f}");
    let channel = match t.channel.as_deref().unwrap_or("voice") {
        "voice" => Channel::Voice,
        "chat" => Channel::Chat,
        "email" => Channel::Email,
        c => {
            return Err(FieldError::new(
                at("channel"),
                format!("expected \"voice\", \"chat\" or \"email\", found \"{c}\""),
            ))
        }
    };
    if channel != Channel::Voice && t.callback.is_some() {
        return Err(FieldError::new(
            at("callback"),
            format!(
                "a callback is a phone call: a {} type has none, remove [types.callback]",
                channel.key()
            ),
        ));
    }
    if channel == Channel::Email {
        let no = |table: &str, why: &str| {
            Err(FieldError::new(
                at(table),
                format!("an email does not {why}: remove [types.{table}]"),
            ))
        };
        if t.patience.is_some() {
            return no(
                "patience",
                "abandon, it waits in the backlog until answered",
            );
        }
        if t.redial.is_some() {
            return no("redial", "abandon, so it is never redialled");
        }
        if t.targets
            .as_ref()
            .is_some_and(|x| x.abandonment_at_most.is_some())
        {
            return Err(FieldError::new(
                at("targets.abandonment_at_most"),
                "an email does not abandon: judge it by service_level = { within_s = deadline, at_least = share }",
            ));
        }
    } else if let Some(within_s) = t
        .targets
        .as_ref()
        .and_then(|x| x.service_level.as_ref())
        .map(|sl| sl.within_s)
        .filter(|&w| w >= DEADLINE_FROM_S)
    {
        return Err(FieldError::new(
            at("targets.service_level.within_s"),
            format!(
                "{within_s} s is a deadline, an email target: a {} customer waits on the line, expected under {DEADLINE_FROM_S} s (or channel = \"email\")",
                channel.key()
            ),
        ));
    }
    let slowdown = match t.handling.as_mut().and_then(|h| h.concurrency_slowdown.take()) {
        None => 0.0,
        Some(_) if channel != Channel::Chat => {
            return Err(FieldError::new(
                at("handling.concurrency_slowdown"),
                format!("concurrency_slowdown applies to chat only, this type's channel is \"{}\"", channel.key()),
            ))
        }
        Some(s) if s.is_finite() && (0.0..=MAX_SLOWDOWN).contains(&s) => s,
        Some(s) => {
            return Err(FieldError::new(
                at("handling.concurrency_slowdown"),
                format!("expected a share of handle time added per extra chat, from 0 to {MAX_SLOWDOWN}, found {s}"),
            ))
        }
    };
    Ok((channel, slowdown))
}

/// Sets what the one-type rules cannot know of a checked type of this channel.
pub fn finish_type(t: &TypeFile, channel: Channel, slowdown: f64, checked: &mut ContactType) {
    checked.handling.concurrency_slowdown = slowdown;
    let sl_given = t
        .targets
        .as_ref()
        .is_some_and(|x| x.service_level.is_some());
    if channel == Channel::Email && !sl_given {
        checked.targets.sl_within_s = EMAIL_DEADLINE_S;
    }
}

/// `groups[j].email_when_idle`: 0 when not given; only for a group that serves email
/// beside a live type (the agents it keeps idle are kept for those).
pub fn email_when_idle(
    j: usize,
    g: &GroupFile,
    serves: &[usize],
    types: &[ContactType],
) -> Check<u32> {
    let Some(n) = g.email_when_idle else {
        return Ok(0);
    };
    let field = format!("groups[{j}].email_when_idle");
    let email = serves.iter().any(|&t| types[t].channel == Channel::Email);
    let live = serves.iter().any(|&t| types[t].channel != Channel::Email);
    if !(email && live) {
        return Err(FieldError::new(
            field,
            "this group does not serve both email and a live type: email_when_idle applies to a group whose serves include a type with channel = \"email\" and a voice or chat type",
        ));
    }
    if !(0..=i64::from(MAX_AGENTS)).contains(&n) {
        return Err(FieldError::new(
            field,
            format!("expected the agents kept idle for live contacts, a whole number from 0 to {MAX_AGENTS}, found {n}"),
        ));
    }
    Ok(n as u32)
}

/// `groups[j].chat_slots`: 1 when not given; only for a group that serves chat.
pub fn chat_slots(j: usize, g: &GroupFile, serves: &[usize], types: &[ContactType]) -> Check<u32> {
    let Some(k) = g.chat_slots else {
        return Ok(1);
    };
    let field = format!("groups[{j}].chat_slots");
    if !serves.iter().any(|&t| types[t].channel == Channel::Chat) {
        return Err(FieldError::new(
            field,
            "this group serves no chat type: chat_slots applies to a group whose serves include a type with channel = \"chat\"",
        ));
    }
    if !(1..=MAX_CHAT_SLOTS).contains(&k) {
        return Err(FieldError::new(
            field,
            format!("expected the most chats one agent holds at once, from 1 to {MAX_CHAT_SLOTS}, found {k}"),
        ));
    }
    Ok(k as u32)
}

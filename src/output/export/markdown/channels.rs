//! "Channels": for each centre with chat or email, how full the chat groups' slots were
//! and where each email type's backlog stood (docs/centres.md). Absent when no
//! scenario has chat or email, so voice reports are unchanged.

use std::fmt::Write;

use crate::escape::markdown_table_cell;
use crate::export::{format_estimate, format_value, HalfWidth};
use crate::report::{Report, ScenarioReport};
use crate::stats::Estimate;

/// `82.1% (±0.4)` in the unit given.
fn est(unit: &str, e: &Estimate) -> String {
    format_estimate(unit, e, HalfWidth::InBrackets)
}

fn has_channels(s: &ScenarioReport) -> bool {
    s.groups.iter().flatten().any(|g| g.chat.is_some())
        || s.types.iter().flatten().any(|t| t.email.is_some())
}

/// The section, or nothing when no scenario has chat or email.
pub(super) fn section(r: &Report) -> String {
    if !r.scenarios.iter().any(has_channels) {
        return String::new();
    }
    let mut o = String::new();
    let _ = writeln!(o, "## Channels\n");
    let _ = writeln!(
        o,
        "Mean ± 95 % half-width. A chat agent holding at least one chat is busy (occupancy); \
         slot utilisation = chat-seconds ÷ (slots × productive agent-seconds); chats per agent \
         = chats held on average by an agent holding one. Emails wait through closing hours; \
         the service level of an email type counts those still open past the deadline at the \
         end of the horizon as misses.\n"
    );
    for s in r.scenarios.iter().filter(|s| has_channels(s)) {
        let _ = writeln!(o, "### {}\n", markdown_table_cell(&s.name));
        let chat: Vec<_> = s
            .groups
            .iter()
            .flatten()
            .filter(|g| g.chat.is_some())
            .collect();
        if !chat.is_empty() {
            let _ = writeln!(
                o,
                "| chat group | slots | occupancy | slot utilisation | chats per agent |"
            );
            let _ = writeln!(o, "| --- | ---: | ---: | ---: | ---: |");
            for g in chat {
                let c = g.chat.as_ref().expect("filtered");
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {} | {} |",
                    markdown_table_cell(&g.name),
                    c.chat_slots,
                    est(
                        "%",
                        &g.metrics.0[crate::metrics::GroupMetric::Occupancy as usize]
                    ),
                    est("%", &c.slot_utilisation),
                    est("", &c.chats_per_agent),
                );
            }
            o.push('\n');
        }
        let email: Vec<_> = s
            .types
            .iter()
            .flatten()
            .filter(|t| t.email.is_some())
            .collect();
        if !email.is_empty() {
            let _ = writeln!(
                o,
                "| email type | deadline (h) | open at the horizon | of which past the deadline | oldest open (h) | largest backlog at an interval's end |"
            );
            let _ = writeln!(o, "| --- | ---: | ---: | ---: | ---: | ---: |");
            for t in email {
                let e = t.email.as_ref().expect("filtered");
                let hours = |x: &Estimate| Estimate {
                    mean: x.mean / 3600.0,
                    half_width: x.half_width / 3600.0,
                };
                let peak = e
                    .backlog
                    .iter()
                    .max_by(|a, b| a.backlog.mean.total_cmp(&b.backlog.mean))
                    .map_or_else(
                        || "-".into(),
                        |b| format!("{} ({})", est("", &b.backlog), b.end),
                    );
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {} | {} | {} |",
                    markdown_table_cell(&t.name),
                    format_value("", e.deadline_s / 3600.0),
                    est("", &e.open_at_horizon),
                    est("", &e.open_past_deadline),
                    est("", &hours(&e.oldest_open_s)),
                    peak,
                );
            }
            o.push('\n');
        }
    }
    o.pop();
    o
}

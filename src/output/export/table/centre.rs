//! A centre of several contact types on the terminal: its types side by side, each cell
//! judged against that type's own targets, and its agent groups side by side.

use std::fmt::Write;

use super::{label, metric_rows, target_text};
use crate::escape::one_line;
use crate::export::{format_estimate, format_value, HalfWidth};
use crate::metrics::{GroupMetric, GROUP_METRICS};
use crate::report::{ChatReport, GroupReport, ScenarioReport, TypeReport};
use crate::stats::Estimate;

/// The types of a centre side by side: one row per metric, one column per type.
pub(super) fn types(s: &ScenarioReport, types: &[TypeReport]) -> String {
    let mut rows = vec![{
        let mut h = vec!["metric (per day; mean ±95% CI)".to_string()];
        h.extend(types.iter().map(|t| t.name.clone()));
        h
    }];
    let columns: Vec<_> = types.iter().map(|t| (&t.metrics, &t.targets)).collect();
    rows.extend(
        metric_rows(&columns, &s.currency)
            .into_iter()
            .map(|(_, r)| r),
    );
    let mut out = format!("{} — by contact type\n", one_line(&s.name));
    out.push_str(&super::render_fitted(&rows, super::terminal_width()));
    out.push_str(
        "Each type's agent cost is its share of every group's paid time, by the busy time it used there;\n\
the fixed cost goes by offered share. ok/MISS: against the type's own targets.\n",
    );
    for t in types {
        let targets: Vec<String> = t
            .targets
            .checks()
            .into_iter()
            .map(|(m, _, _)| format!("{} {}", m.def().label_in_text(), target_text(&t.targets, m)))
            .collect();
        let _ = writeln!(
            out,
            "{} ({}): SL threshold {} s; targets: {}",
            one_line(&t.name),
            t.channel,
            t.targets.service_level_within_s,
            if targets.is_empty() {
                "none".to_string()
            } else {
                targets.join(", ")
            }
        );
        if let Some(e) = &t.email {
            let peak = e
                .backlog
                .iter()
                .max_by(|a, b| a.backlog.mean.total_cmp(&b.backlog.mean));
            let _ = writeln!(
                out,
                "  email backlog: {:.1} open at the horizon ({:.1} past the deadline), oldest {:.1} h; largest at an interval's end {}",
                e.open_at_horizon.mean,
                e.open_past_deadline.mean,
                e.oldest_open_s.mean / 3600.0,
                peak.map_or_else(|| "-".into(), |b| format!("{:.1} ({})", b.backlog.mean, b.end)),
            );
        }
    }
    out
}

/// The agent groups of a centre side by side: what each serves, its agents, its day
/// figures, and the share of its busy time each type took.
pub(super) fn groups(s: &ScenarioReport, groups: &[GroupReport]) -> String {
    let mut rows = vec![{
        let mut h = vec!["group (per day; mean ±95% CI)".to_string()];
        h.extend(groups.iter().map(|g| g.name.clone()));
        h
    }];
    let row = |name: &str, cell: &dyn Fn(&GroupReport) -> String| {
        let mut r = vec![name.to_string()];
        r.extend(groups.iter().map(cell));
        r
    };
    rows.push(row("Paid agents (min–max)", &|g| {
        range(g.intervals.iter().map(|i| i.paid_agents))
    }));
    rows.push(row("Productive agents (min–max)", &|g| {
        range(g.intervals.iter().map(|i| i.productive_agents))
    }));
    for (k, def) in GROUP_METRICS.iter().enumerate() {
        if k == GroupMetric::OvertimeAgentHours as usize
            && groups.iter().all(|g| g.metrics.0[k].mean == 0.0)
        {
            continue;
        }
        rows.push(row(&label(def.label, def.unit, &s.currency), &|g| {
            format_estimate(def.unit, &g.metrics.0[k], HalfWidth::Beside)
        }));
    }
    rows.push(row(&label("Agent hour", "money", &s.currency), &|g| {
        format_value("money", g.agent_hour)
    }));
    if groups.iter().any(|g| g.chat.is_some()) {
        let chat = |unit: &'static str, pick: fn(&ChatReport) -> Estimate| {
            move |g: &GroupReport| {
                g.chat.as_ref().map_or_else(String::new, |c| {
                    format_estimate(unit, &pick(c), HalfWidth::Beside)
                })
            }
        };
        rows.push(row("Chat slots", &|g| {
            g.chat
                .as_ref()
                .map_or_else(String::new, |c| c.chat_slots.to_string())
        }));
        rows.push(row("Slot utilisation", &chat("%", |c| c.slot_utilisation)));
        rows.push(row("Chats per agent", &chat("", |c| c.chats_per_agent)));
    }
    for name in type_names(s, groups) {
        rows.push(row(&format!("Busy share {name}"), &|g| {
            g.busy_share
                .0
                .iter()
                .find(|(t, _)| *t == name)
                .map(|(_, e)| format_estimate("%", e, HalfWidth::Beside))
                .unwrap_or_default()
        }));
    }
    let mut out = format!("{} — agent groups\n", one_line(&s.name));
    out.push_str(&super::render_fitted(&rows, super::terminal_width()));
    out.push_str(
        "Occupancy = busy ÷ productive time while open; cost = paid hours × the group's agent hour;\n\
busy share = share of the group's busy time spent on each type.\n",
    );
    if groups.iter().any(|g| g.chat.is_some()) {
        out.push_str(
            "A chat agent is busy while holding at least one chat; slot utilisation = chat-seconds ÷\n\
(slots × productive time); chats per agent = chats held by an agent holding one.\n",
        );
    }
    // What each group serves goes below the table: a long list would widen a column.
    for g in groups {
        let pick = match (g.serves.len(), g.pick) {
            (1, _) => "",
            (_, "longest_wait") => ", longest wait first",
            _ => ", first listed first",
        };
        let _ = writeln!(
            out,
            "{} serves {}{pick}",
            one_line(&g.name),
            one_line(&g.serves.join(", "))
        );
    }
    out
}

/// The centre's type names in report order (those the groups serve, without a type list).
fn type_names(s: &ScenarioReport, groups: &[GroupReport]) -> Vec<String> {
    match &s.types {
        Some(types) => types.iter().map(|t| t.name.clone()).collect(),
        None => {
            let mut names: Vec<String> = Vec::new();
            for n in groups.iter().flat_map(|g| &g.serves) {
                if !names.contains(n) {
                    names.push(n.clone());
                }
            }
            names
        }
    }
}

/// `8–38`, the smallest and largest of some counts, or one number when they agree.
fn range(xs: impl Iterator<Item = u32>) -> String {
    let (lo, hi) = xs.fold((u32::MAX, 0), |(lo, hi), x| (lo.min(x), hi.max(x)));
    match (lo, hi) {
        (u32::MAX, _) => "-".into(),
        (lo, hi) if lo == hi => lo.to_string(),
        (lo, hi) => format!("{lo}–{hi}"),
    }
}

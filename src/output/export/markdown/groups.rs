//! "Agent groups": for each centre of several contact types, what each group serves and
//! how, its agents, paid hours, occupancy and cost, and how its busy time was shared.

use std::fmt::Write;

use super::currency;
use crate::escape::markdown_table_cell;
use crate::export::{format_estimate, format_value, HalfWidth};
use crate::metrics::GROUP_METRICS;
use crate::report::{GroupReport, Report};

/// The section, or nothing when no scenario has agent groups.
pub(super) fn section(r: &Report) -> String {
    if r.scenarios.iter().all(|s| s.groups.is_none()) {
        return String::new();
    }
    let currency = currency(r);
    let mut o = String::new();
    let _ = writeln!(o, "## Agent groups\n");
    let _ = writeln!(
        o,
        "Per simulated day, mean ± 95 % half-width. A group serves its types highest priority \
         first; with pick \"longest wait\" a freed agent takes the longest-waiting contact of \
         any of them. Occupancy = busy ÷ productive time while open; cost = paid hours × the \
         group's agent hour; busy share = the share of the group's busy time each type took.\n"
    );
    let headers: Vec<String> = GROUP_METRICS
        .iter()
        .map(|d| match d.unit {
            "money" => format!("{} ({currency})", d.label),
            "h" => format!("{} (h)", d.label),
            _ => d.label.to_string(),
        })
        .collect();
    for s in &r.scenarios {
        let Some(groups) = &s.groups else { continue };
        let _ = writeln!(o, "### {}\n", markdown_table_cell(&s.name));
        let _ = writeln!(
            o,
            "| group | serves | pick | paid agents (min–max) | {} | agent hour ({currency}) | busy share |",
            headers.join(" | ")
        );
        let _ = writeln!(
            o,
            "| --- | --- | --- | ---: |{} ---: | --- |",
            " ---: |".repeat(headers.len())
        );
        for g in groups {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} |",
                markdown_table_cell(&g.name),
                g.serves
                    .iter()
                    .map(|t| markdown_table_cell(t))
                    .collect::<Vec<_>>()
                    .join(", "),
                g.pick.replace('_', " "),
                agents(g),
                figures(g).join(" | "),
                format_value("money", g.agent_hour),
                busy_share(g)
            );
        }
        o.push('\n');
    }
    o.pop();
    o
}

/// Paid agents per interval, smallest to largest (`8–38`).
fn agents(g: &GroupReport) -> String {
    let paid = g.intervals.iter().map(|i| i.paid_agents);
    match (paid.clone().min(), paid.max()) {
        (Some(lo), Some(hi)) if lo == hi => lo.to_string(),
        (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
        _ => "-".into(),
    }
}

/// The group's day figures, mean ± half-width each.
fn figures(g: &GroupReport) -> Vec<String> {
    GROUP_METRICS
        .iter()
        .zip(&g.metrics.0)
        .map(|(d, e)| format_estimate(d.unit, e, HalfWidth::Beside))
        .collect()
}

/// `english 55.6% (±4.4), spanish 44.4% (±4.4)`, type names escaped.
fn busy_share(g: &GroupReport) -> String {
    g.busy_share
        .0
        .iter()
        .map(|(t, e)| {
            format!(
                "{} {}",
                markdown_table_cell(t),
                format_estimate("%", e, HalfWidth::InBrackets)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

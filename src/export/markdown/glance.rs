//! "At a glance": one bullet per scenario with its headline figures, or with its
//! differences from the baseline, and the targets it misses.

use std::fmt::Write;

use super::format::{half, signed, value};
use super::{currency, names};
use crate::chart;
use crate::export::bundle::Study;
use crate::export::escape::markdown_table_cell;
use crate::metrics::Metric;
use crate::report::{ScenarioReport, TypeReport};

/// The section, heading to last bullet.
pub(super) fn section(study: &Study) -> String {
    let r = study.report;
    let currency = currency(r);
    let mut o = String::new();
    let _ = writeln!(o, "## At a glance\n");
    let _ = writeln!(
        o,
        "{}\n",
        if study.comparisons.is_empty() {
            "Mean over simulated days (± 95 % half-width)."
        } else {
            "Mean over simulated days (± 95 % half-width); against the baseline, the paired \
             difference (scenario − baseline)."
        }
    );
    for ((i, s), name) in r.scenarios.iter().enumerate().zip(names(r)) {
        let c = study
            .comparisons
            .iter()
            .find(|c| c.scenario == s.name && Some(i) != study.baseline);
        let parts: Vec<String> = headline()
            .into_iter()
            .map(|m| {
                let unit = m.def().unit;
                let label = m.def().label_in_text();
                match c {
                    Some(c) => {
                        let d = c.metrics.get(m);
                        let money = if unit == "money" {
                            format!(" {currency}")
                        } else {
                            String::new()
                        };
                        format!(
                            "{label} {}{money} ({})",
                            signed(unit, d.mean),
                            half(unit, d.half_width)
                        )
                    }
                    None => {
                        let e = s.metrics.get(m);
                        format!(
                            "{label} {} ({})",
                            value(m, e.mean, &currency),
                            half(unit, e.half_width)
                        )
                    }
                }
            })
            .collect();
        let role = match (c, Some(i) == study.baseline) {
            (Some(_), _) => " against the baseline:",
            (None, true) => " (baseline):",
            _ => ":",
        };
        let days = match chart::share_of_days_below_target(s) {
            Some(p) => format!("; service level below target on {:.1} % of days", p * 100.0),
            None => String::new(),
        };
        let _ = writeln!(
            o,
            "- **{name}**{role} {}; {}{days}.",
            parts.join(", "),
            missed(s)
        );
    }
    o
}

/// The headline metrics: service level, abandonment, cost per contact, and CSAT once the
/// metric list has it.
fn headline() -> Vec<Metric> {
    let mut v = vec![
        Metric::ServiceLevel,
        Metric::AbandonmentRate,
        Metric::CostPerContact,
    ];
    v.extend(chart::metric_by_key("csat"));
    v
}

/// The targets `s` misses, as text ("none" when it meets them all); for a centre, those
/// its types miss.
fn missed(s: &ScenarioReport) -> String {
    if let Some(types) = &s.types {
        return missed_by_type(types);
    }
    let v: Vec<String> = s
        .targets
        .checks()
        .into_iter()
        .filter(|(m, _, _)| s.targets.met(*m, &s.metrics.get(*m)) == Some(false))
        .map(|(m, _, _)| m.def().label_in_text())
        .collect();
    if s.targets.checks().is_empty() {
        "no targets set".into()
    } else if v.is_empty() {
        "meets every target".into()
    } else {
        format!("**misses** {}", v.join(", "))
    }
}

/// The targets a centre's types miss (`**misses** spanish service level`), type names
/// escaped.
fn missed_by_type(types: &[TypeReport]) -> String {
    let v: Vec<String> = types
        .iter()
        .flat_map(|t| {
            t.targets
                .checks()
                .into_iter()
                .filter(|(m, _, _)| t.targets.met(*m, &t.metrics.get(*m)) == Some(false))
                .map(|(m, _, _)| {
                    format!(
                        "{} {}",
                        markdown_table_cell(&t.name),
                        m.def().label_in_text()
                    )
                })
        })
        .collect();
    if types.iter().all(|t| t.targets.checks().is_empty()) {
        "no targets set".into()
    } else if v.is_empty() {
        "every type meets its targets".into()
    } else {
        format!("**misses** {}", v.join(", "))
    }
}

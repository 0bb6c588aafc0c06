//! "Contact types": for each centre of several contact types, the whole centre and each
//! type side by side (volume, service, cost per contact), each type judged against its
//! own targets.

use std::fmt::Write;

use super::currency;
use super::format::{label, target_text, value};
use crate::escape::markdown_table_cell;
use crate::export::{format_estimate, HalfWidth};
use crate::metrics::Metric;
use crate::report::{Metrics, Report, TargetsReport};

/// The columns of each type's row.
const COLUMNS: [Metric; 8] = [
    Metric::Offered,
    Metric::Answered,
    Metric::AbandonmentRate,
    Metric::ServiceLevel,
    Metric::AsaS,
    Metric::CostTotal,
    Metric::CostPerContact,
    Metric::Csat,
];

/// The section, or nothing when no scenario is a centre of several types.
pub(super) fn section(r: &Report) -> String {
    if r.scenarios.iter().all(|s| s.types.is_none()) {
        return String::new();
    }
    let currency = currency(r);
    let mut o = String::new();
    let _ = writeln!(o, "## Contact types\n");
    let _ = writeln!(
        o,
        "Each contact type of a centre, mean ± 95 % half-width over simulated days; the first \
         row is the whole centre. A type's cost holds its share of every agent group's paid \
         time, by the busy time it used there, and of the fixed cost, by offered share. Each \
         type is judged against its own targets, on the mean.\n"
    );
    for s in &r.scenarios {
        let Some(types) = &s.types else { continue };
        let _ = writeln!(o, "### {}\n", markdown_table_cell(&s.name));
        let headers: Vec<String> = COLUMNS.iter().map(|&m| label(m, &currency)).collect();
        let _ = writeln!(o, "| type | channel | {} | targets |", headers.join(" | "));
        let _ = writeln!(o, "| --- | --- |{} --- |", " ---: |".repeat(COLUMNS.len()));
        let _ = writeln!(
            o,
            "| *whole centre* | | {} | each type's own |",
            cells(&s.metrics).join(" | ")
        );
        for t in types {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                markdown_table_cell(&t.name),
                t.channel,
                cells(&t.metrics).join(" | "),
                targets(&t.targets, &t.metrics, &currency)
            );
        }
        o.push('\n');
    }
    o.pop();
    o
}

/// One cell per column: mean ± half-width.
fn cells(metrics: &Metrics) -> Vec<String> {
    COLUMNS
        .iter()
        .map(|&m| format_estimate(m.def().unit, &metrics.get(m), HalfWidth::Beside))
        .collect()
}

/// Each target met or missed (`service level within 20 s met: 87.6% (≥ 80.0%)`).
fn targets(t: &TargetsReport, metrics: &Metrics, currency: &str) -> String {
    let parts: Vec<String> = t
        .checks()
        .into_iter()
        .filter_map(|(m, _, _)| {
            let e = metrics.get(m);
            let limit = target_text(t, m)?;
            let verdict = if t.met(m, &e)? { "met" } else { "**missed**" };
            let within = if m == Metric::ServiceLevel {
                format!(" within {} s", t.service_level_within_s)
            } else {
                String::new()
            };
            Some(format!(
                "{}{within} {verdict}: {} ({limit})",
                m.def().label_in_text(),
                value(m, e.mean, currency)
            ))
        })
        .collect();
    if parts.is_empty() {
        "no targets".into()
    } else {
        parts.join("; ")
    }
}

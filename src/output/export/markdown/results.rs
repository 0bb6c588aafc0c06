//! "Results": every metric worth a row, each scenario's mean ± 95 % half-width.

use std::fmt::Write;

use super::format::{label, rows};
use super::{currency, names};
use crate::export::escape::markdown_table_cell;
use crate::export::{format_estimate, is_value_model_level, HalfWidth};
use crate::report::Report;

/// The section: one row per metric, one column per scenario.
pub(super) fn section(r: &Report) -> String {
    let currency = currency(r);
    let names = names(r);
    let mut o = String::new();
    let _ = writeln!(o, "## Results\n");
    let _ = writeln!(
        o,
        "Mean ± half-width of the 95 % confidence interval over simulated days. Counts are per \
         day; ratios are the mean of each day's own ratio. Cost per contact = total cost ÷ \
         offered contacts. Metrics that are zero in every scenario are left out.\n"
    );
    let _ = writeln!(o, "| metric | {} |", names.join(" | "));
    let _ = writeln!(o, "| --- |{}", " ---: |".repeat(names.len()));
    // The value model's levels are left to JSON and CSV; the differences section gives
    // what it puts at stake against the baseline.
    for m in rows(r).into_iter().filter(|&m| !is_value_model_level(m)) {
        let unit = m.def().unit;
        let _ = write!(o, "| {} |", label(m, &currency));
        for s in &r.scenarios {
            let e = s.metrics.get(m);
            let _ = write!(o, " {} |", format_estimate(unit, &e, HalfWidth::Beside));
        }
        o.push('\n');
    }
    let notes: Vec<String> = r
        .scenarios
        .iter()
        .zip(&names)
        .filter_map(|(s, name)| {
            crate::export::email_apart(s, &|n| markdown_table_cell(n))
                .map(|n| format!("- {name}: {n}."))
        })
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(
            o,
            "\nA centre's service level and abandonment rate cover its live channels; its email \
             is reported on its own:\n\n{}",
            notes.join("\n")
        );
    }
    o
}

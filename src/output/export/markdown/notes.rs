//! "Notes": where CSAT and lost value come from, each scenario's satisfaction model and
//! warnings, and where the full figures are.

use std::fmt::Write;

use super::names;
use crate::escape::markdown_text;
use crate::metrics::METRICS;
use crate::report::Report;

/// The section, the last of the report.
pub(super) fn section(r: &Report) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "## Notes\n");
    let _ = writeln!(
        o,
        "- CSAT, NPS and lost value come from each scenario's satisfaction model, not from measurement."
    );
    // The model's description is ccsim's own wording around numbers: written as it is.
    let models: Vec<String> = r
        .scenarios
        .iter()
        .map(|s| s.satisfaction_model.describe())
        .collect();
    let names = names(r);
    if models.windows(2).all(|w| w[0] == w[1]) {
        if let Some(m) = models.first() {
            let _ = writeln!(o, "- Every scenario: {m}.");
        }
    } else {
        for (name, m) in names.iter().zip(&models) {
            let _ = writeln!(o, "- {name}: {m}.");
        }
    }
    for (s, name) in r.scenarios.iter().zip(&names) {
        // The rules are ccsim's own wording around names kept on one line.
        for rule in s.rules.describe() {
            let _ = writeln!(o, "- {name}: rule {}.", markdown_text(&rule));
        }
    }
    for (s, name) in r.scenarios.iter().zip(&names) {
        for w in &s.warnings {
            let _ = writeln!(o, "- {name}: warning: {}.", markdown_text(w));
        }
    }
    let _ = writeln!(
        o,
        "- Every metric is defined in the README; the full figures are in `summary.csv`, \
         `summary.json` and `intervals.csv` ({} metrics).",
        METRICS.len()
    );
    if r.scenarios.iter().any(|s| s.types.is_some()) {
        let _ = writeln!(
            o,
            "- In `summary.csv` and `intervals.csv` a centre has a row per contact type \
             (column `type`), its whole centre as type `*`."
        );
    }
    o
}

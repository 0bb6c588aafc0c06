//! "Differences against the baseline": the paired differences of every other scenario,
//! which ran unpaired, then the return on each change.

use std::fmt::Write;

use super::currency;
use super::format::{difference, label, rows};
use crate::escape::markdown_table_cell;
use crate::study::Study;

/// The section, or nothing without a baseline to compare with.
pub(super) fn section(study: &Study) -> String {
    let (Some(base), false) = (study.baseline_name(), study.comparisons.is_empty()) else {
        return String::new();
    };
    let currency = currency(study.report);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "## Differences against the baseline ({})\n",
        markdown_table_cell(base)
    );
    let _ = writeln!(
        o,
        "Scenario − baseline, mean ± 95 % half-width from the paired day-by-day differences \
         (common random numbers); in brackets the half-width had they been simulated \
         independently. **Bold**: the interval excludes zero. Shares in percentage points (pp).\n"
    );
    let cols: Vec<String> = study
        .comparisons
        .iter()
        .map(|c| markdown_table_cell(&c.scenario))
        .collect();
    let _ = writeln!(o, "| metric | {} |", cols.join(" | "));
    let _ = writeln!(o, "| --- |{}", " ---: |".repeat(cols.len()));
    for m in rows(study.report) {
        let _ = write!(o, "| {} |", label(m, &currency));
        for c in &study.comparisons {
            let _ = write!(o, " {} |", difference(m.def().unit, &c.metrics.get(m)));
        }
        o.push('\n');
    }
    for c in study.comparisons.iter().filter(|c| !c.paired) {
        let _ = writeln!(
            o,
            "\n{} ran with another seed than the baseline: its differences are unpaired.",
            markdown_table_cell(&c.scenario)
        );
    }
    o.push_str(&super::roi::section(study));
    o
}

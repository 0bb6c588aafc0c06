//! "Satisfaction scores": the distribution of journey scores, one row per scenario.

use std::fmt::Write;

use super::names;
use crate::export::format_value;
use crate::report::Report;

/// The section: one column per score 0–10.
pub(super) fn section(r: &Report) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "## Satisfaction scores\n");
    let _ = writeln!(
        o,
        "Share of customer journeys (%) ending at each score of the scenario's satisfaction model, \
         mean over simulated days; 0–6 are detractors, 9–10 promoters.\n"
    );
    let scores: Vec<String> = (0..r
        .scenarios
        .first()
        .map_or(0, |s| s.score_distribution.len()))
        .map(|k| k.to_string())
        .collect();
    let _ = writeln!(o, "| scenario | {} |", scores.join(" | "));
    let _ = writeln!(o, "| --- |{}", " ---: |".repeat(scores.len()));
    for (s, name) in r.scenarios.iter().zip(names(r)) {
        let cells: Vec<String> = s
            .score_distribution
            .iter()
            .map(|e| format_value("%", e.mean))
            .collect();
        let _ = writeln!(o, "| {name} | {} |", cells.join(" | "));
    }
    o
}

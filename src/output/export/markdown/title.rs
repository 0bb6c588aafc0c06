//! The title of `report.md` and the line saying how the study was simulated.

use super::names;
use crate::escape::{markdown_table_cell, markdown_text};
use crate::study::Study;

/// `# Staffing study: …` and how it was simulated.
pub(super) fn section(study: &Study) -> String {
    let title = match &study.title {
        Some(t) => markdown_text(&crate::escape::one_line(t)),
        None => names(study.report).join(", "),
    };
    format!("# Staffing study: {title}\n\n{}\n", how_simulated(study))
}

/// The line saying how the study was simulated: seed, replications, version.
fn how_simulated(study: &Study) -> String {
    let r = study.report;
    let mut seeds: Vec<u64> = r.scenarios.iter().map(|s| s.seed).collect();
    seeds.dedup();
    let mut reps: Vec<u32> = r.scenarios.iter().map(|s| s.replications).collect();
    reps.dedup();
    let seed = match (seeds.as_slice(), &study.seed_source) {
        ([s], Some(src)) => format!(
            "seed {s} for every scenario ({}), so they share common random numbers",
            // It names a file: "the seed of b-base.toml".
            markdown_text(src)
        ),
        ([s], None) => format!("seed {s} for every scenario (common random numbers)"),
        _ => "each scenario's own seed (no common random numbers)".to_string(),
    };
    let reps = match reps.as_slice() {
        [n] => format!("{n} replications per scenario"),
        _ => r
            .scenarios
            .iter()
            .map(|s| {
                format!(
                    "{}: {} replications",
                    markdown_table_cell(&s.name),
                    s.replications
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    };
    let days = match r.scenarios.first().map(|s| s.days) {
        Some(d) if d > 1 => format!(", each {d} consecutive days (counts are per day)"),
        _ => ", each one simulated day".to_string(),
    };
    format!(
        "Simulated by ccsim {} with {seed}, and {reps}{days}.",
        r.ccsim_version
    )
}

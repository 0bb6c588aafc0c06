//! "Targets": each target met or missed by each scenario, judged on the mean.

use std::fmt::Write;

use super::format::{target_text, value};
use super::{currency, names};
use crate::metrics::Metric;
use crate::report::Report;

/// The section, or nothing when no scenario has a target.
pub(super) fn section(r: &Report) -> String {
    let checks: Vec<Metric> = Metric::ALL
        .iter()
        .copied()
        .filter(|&m| {
            r.scenarios
                .iter()
                .any(|s| target_text(&s.targets, m).is_some())
        })
        .collect();
    if checks.is_empty() {
        return String::new();
    }
    let currency = currency(r);
    let names = names(r);
    let mut o = String::new();
    let _ = writeln!(o, "## Targets\n");
    let _ = writeln!(o, "Judged on the mean over simulated days.\n");
    let _ = writeln!(o, "| target | {} |", names.join(" | "));
    let _ = writeln!(o, "| --- |{}", " --- |".repeat(names.len()));
    for m in checks {
        let mut row = format!("| {}", m.def().label);
        if m == Metric::ServiceLevel {
            if let Some(s) = r.scenarios.first() {
                let _ = write!(row, " within {} s", s.targets.service_level_within_s);
            }
        }
        row.push_str(" |");
        for s in &r.scenarios {
            let e = s.metrics.get(m);
            let text = match (target_text(&s.targets, m), s.targets.met(m, &e)) {
                (Some(t), Some(true)) => format!("met: {} ({t})", value(m, e.mean, &currency)),
                (Some(t), Some(false)) => {
                    format!("**missed**: {} ({t})", value(m, e.mean, &currency))
                }
                // A centre has no targets of its own: each of its types has.
                _ if s.types.is_some() => "per type: see Contact types".into(),
                _ => "no target".into(),
            };
            let _ = write!(row, " {text} |");
        }
        let _ = writeln!(o, "{row}");
    }
    o
}

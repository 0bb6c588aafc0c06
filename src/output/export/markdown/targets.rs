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
        // The threshold of the scenarios judged on it here (a centre's types have their
        // own), in the label when they share it, else in each cell.
        let within = |s: &crate::report::ScenarioReport| {
            Some(s.targets.service_level_within_s).filter(|_| target_text(&s.targets, m).is_some())
        };
        let judged: Vec<f64> = r.scenarios.iter().filter_map(within).collect();
        let shared = judged
            .first()
            .copied()
            .filter(|&t| judged.iter().all(|&x| x == t));
        if m == Metric::ServiceLevel {
            if let Some(t) = shared {
                let _ = write!(row, " within {t} s");
            }
        }
        row.push_str(" |");
        for s in &r.scenarios {
            let e = s.metrics.get(m);
            let text = match (target_text(&s.targets, m), s.targets.met(m, &e)) {
                (Some(t), Some(met)) => {
                    let t = match within(s) {
                        Some(w) if m == Metric::ServiceLevel && shared.is_none() => {
                            format!("{t} within {w} s")
                        }
                        _ => t,
                    };
                    let figure = value(m, e.mean, &currency);
                    if met {
                        format!("met: {figure} ({t})")
                    } else {
                        format!("**missed**: {figure} ({t})")
                    }
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

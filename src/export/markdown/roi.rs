//! "Return on each change": change cost, benefit, net benefit and ROI per day of every
//! compared scenario, a subsection of the differences.

use std::fmt::Write;

use super::currency;
use super::format::{half, signed};
use crate::export::bundle::Study;
use crate::export::escape::markdown_table_cell;
use crate::roi::Roi;
use crate::stats::Estimate;

/// The subsection, starting with a blank line, or nothing when no comparison has an ROI.
pub(super) fn section(study: &Study) -> String {
    let with_roi: Vec<_> = study
        .comparisons
        .iter()
        .filter_map(|c| c.roi.as_ref().map(|r| (c, r)))
        .collect();
    if with_roi.is_empty() {
        return String::new();
    }
    let currency = currency(study.report);
    let mut o = String::new();
    let _ = writeln!(o, "\n### Return on each change\n");
    let _ = writeln!(
        o,
        "Per simulated day, paired over replications. Change cost = the extra spend on what the \
         scenario adds (bot sessions, callback attempts, scheduled agent hours); benefit = operating \
         cost saved + lost value avoided, before the change cost; net benefit = benefit − change \
         cost; ROI = mean net benefit ÷ mean change cost × 100. A change that adds no spend has no \
         ROI: read its net benefit.\n"
    );
    let cols: Vec<String> = with_roi
        .iter()
        .map(|(c, _)| markdown_table_cell(&c.scenario))
        .collect();
    let _ = writeln!(o, "| per day | {} |", cols.join(" | "));
    let _ = writeln!(o, "| --- |{}", " ---: |".repeat(cols.len()));
    let cells: Vec<[String; 4]> = with_roi
        .iter()
        .map(|(_, r)| {
            [
                money(&r.change_cost),
                money(&r.benefit),
                money(&r.net_benefit),
                roi(r),
            ]
        })
        .collect();
    let names = [
        format!("change cost ({currency})"),
        format!("benefit ({currency})"),
        format!("net benefit ({currency})"),
        "ROI".to_string(),
    ];
    for (k, name) in names.iter().enumerate() {
        let _ = write!(o, "| {name} |");
        for c in &cells {
            let _ = write!(o, " {} |", c[k]);
        }
        o.push('\n');
    }
    if with_roi.iter().any(|(_, r)| !r.includes_lost_value) {
        let _ = writeln!(
            o,
            "\nLost value is left out of the benefit where a scenario or the baseline has no `[value]` table."
        );
    }
    o
}

/// A signed amount of money with its half-width.
fn money(e: &Estimate) -> String {
    format!(
        "{} {}",
        signed("money", e.mean),
        half("money", e.half_width)
    )
}

/// The ROI in percent, or why there is none.
fn roi(r: &Roi) -> String {
    match r.roi_percent {
        Some(e) if e.mean.is_finite() => format!(
            "{} % ±{:.0}",
            format!("{:+.0}", e.mean).replace('-', "−"),
            e.half_width
        ),
        _ => "no added spend".into(),
    }
}

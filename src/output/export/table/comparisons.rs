//! The paired comparison table: every scenario against the baseline, then the return
//! on each change, on operating cost first and with the value model's lost value on
//! lines of their own.

use super::{currency, is_mechanism, label, render_fitted, terminal_width, wrap};
use crate::compare::Comparison;
use crate::escape::one_line;
use crate::export::{format_difference, format_signed_whole};
use crate::metrics::{Metric, METRICS};
use crate::report::Report;
use crate::roi::Roi;
use crate::stats::Estimate;

/// Picks one estimate out of an ROI, if it is defined.
type RoiPart = fn(&Roi) -> Option<Estimate>;

/// The ROI rows: label (money rows get the currency), whether it is a percentage, and
/// the figure. The last three come from the value model.
const ROI_ROWS: [(&str, bool, RoiPart); 7] = [
    ("Change cost", false, |r| Some(r.change_cost)),
    ("Operating cost saved", false, |r| Some(r.benefit)),
    ("Net operating benefit", false, |r| Some(r.net_benefit)),
    ("ROI on operating cost (%)", true, |r| r.roi_percent),
    ("Lost value avoided [value model]", false, |r| {
        r.lost_value_avoided
    }),
    ("Net with lost value [value model]", false, |r| {
        r.net_benefit_with_lost_value
    }),
    ("ROI with lost value [value model] (%)", true, |r| {
        r.roi_with_lost_value_percent
    }),
];

/// Paired differences against the baseline, one column per compared scenario, then ROI.
pub fn comparisons(report: &Report, comparisons: &[Comparison]) -> String {
    let Some(first) = comparisons.first() else {
        return String::new();
    };
    let currency = currency(report);
    // The baseline is named above the table, not in its first column, which would be
    // as wide as the name in every block.
    let mut rows = vec![{
        let mut h = vec!["scenario − baseline (paired ±95%)".to_string()];
        h.extend(comparisons.iter().map(|c| c.scenario.clone()));
        h
    }];
    for (i, def) in METRICS.iter().enumerate() {
        let m = Metric::ALL[i];
        let all_zero = comparisons.iter().all(|c| c.metrics.0[i].mean == 0.0)
            && report.scenarios.iter().all(|s| s.metrics.0[i].mean == 0.0);
        if is_mechanism(m) && all_zero {
            continue;
        }
        let mut row = vec![label(def.label, def.unit, currency)];
        for c in comparisons {
            let d = c.metrics.0[i];
            row.push(format_difference(
                def.unit,
                d.mean,
                d.half_width,
                d.significant(),
            ));
        }
        rows.push(row);
    }
    let any_value = comparisons
        .iter()
        .any(|c| c.roi.as_ref().is_some_and(|r| r.includes_lost_value));
    for (k, (name, percent, get)) in ROI_ROWS.into_iter().enumerate() {
        if k >= 4 && !any_value {
            break;
        }
        let mut row = vec![if percent {
            name.to_string()
        } else {
            format!("{name} ({currency})")
        }];
        for c in comparisons {
            row.push(match c.roi.as_ref().map(|r| (r, get(r))) {
                Some((_, Some(e))) if percent => roi_percent(e),
                Some((_, Some(e))) => format_difference("money", e.mean, e.half_width, false),
                Some((r, None)) if k >= 4 && !r.includes_lost_value => "no [value]".into(),
                _ => "undefined".into(),
            });
        }
        rows.push(row);
    }
    let width = terminal_width();
    let mut out = wrap(
        &format!(
            "Against the baseline, {}: per day, paired over replications",
            one_line(&first.baseline)
        ),
        width,
    );
    out.push_str(&render_fitted(&rows, width));
    out.push_str(&wrap(
        "* the paired 95 % interval excludes zero (judged on the exact figures; a difference \
that small gets more decimals). Differences use common random numbers: replication r of \
every scenario saw the same callers. Shares differ in percentage points (pp).",
        width,
    ));
    out.push_str(&wrap(
        "Change cost, operating cost saved, net benefits: per day. ROI on operating cost = \
(operating cost saved − change cost) ÷ change cost × 100, where the change cost is the extra spend on bot sessions, callback attempts and paid agent \
hours. Lines marked [value model] add the lost customer value avoided, an estimate from the \
scenarios' own [value] tables (churn × customer lifetime value), not money spent.",
        width,
    ));
    for c in comparisons {
        if let Some(r) = &c.roi {
            if r.roi_percent.is_none() {
                out.push_str(&wrap(
                    &format!("{}: {}", one_line(&c.scenario), one_line(&r.note)),
                    width,
                ));
            }
        }
        if !c.paired {
            out.push_str(&wrap(
                &format!(
                    "{}: another seed than the baseline, so unpaired.",
                    one_line(&c.scenario)
                ),
                width,
            ));
        }
    }
    out
}

/// An ROI in percent, signed, with thousands separators (`+12,713 ±1,929`).
fn roi_percent(e: Estimate) -> String {
    let (mean, half_width) = format_signed_whole(&e);
    format!("{mean} {half_width}")
}

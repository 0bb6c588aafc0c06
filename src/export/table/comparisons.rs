//! The paired comparison table: every scenario against the baseline, then the return
//! on each change.

use std::fmt::Write;

use super::{currency, is_mechanism, label, render};
use crate::compare::Comparison;
use crate::export::escape::one_line;
use crate::export::{format_half_width, format_value};
use crate::metrics::{Metric, METRICS};
use crate::report::Report;

/// Paired differences against the baseline, one column per compared scenario, then ROI.
pub fn comparisons(report: &Report, comparisons: &[Comparison]) -> String {
    let Some(first) = comparisons.first() else {
        return String::new();
    };
    let currency = currency(report);
    let mut rows = vec![{
        let mut h = vec![format!("scenario − {} (paired ±95%)", first.baseline)];
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
            let mut cell = format!(
                "{} {}",
                signed(def.unit, d.mean),
                format_half_width(def.unit, d.half_width)
            );
            if d.significant() {
                cell.push_str(" *");
            }
            row.push(cell.trim_end().to_string());
        }
        rows.push(row);
    }
    let money = |x: f64| signed("money", x);
    let roi_rows: [(&str, RoiPart); 4] = [
        ("Change cost per day", |r| Some(r.change_cost)),
        ("Benefit per day (before change cost)", |r| Some(r.benefit)),
        ("Net benefit per day", |r| Some(r.net_benefit)),
        ("ROI (%)", |r| r.roi_percent),
    ];
    for (name, get) in roi_rows {
        let mut row = vec![if name.starts_with("ROI") {
            name.to_string()
        } else {
            format!("{name} ({currency})")
        }];
        for c in comparisons {
            row.push(match c.roi.as_ref().and_then(get) {
                Some(e) if name.starts_with("ROI") => {
                    format!("{:+.0} ±{:.0}", e.mean, e.half_width)
                }
                Some(e) => format!(
                    "{} {}",
                    money(e.mean),
                    format_half_width("money", e.half_width)
                ),
                None => "undefined".into(),
            });
        }
        rows.push(row);
    }
    let mut out = render(&rows);
    out.push_str(
        "* the paired 95 % interval excludes zero. Differences use common random numbers: \
replication r of every scenario saw the same callers.\n\
ROI = (benefit − change cost) ÷ change cost × 100, where the change cost is the extra spend on \
bot sessions, callback attempts and paid agent hours;\nnet benefit = baseline economic cost − \
scenario economic cost (operating cost + lost value).\n",
    );
    for c in comparisons {
        if let Some(r) = &c.roi {
            if r.roi_percent.is_none() {
                let _ = writeln!(out, "{}: {}", one_line(&c.scenario), one_line(&r.note));
            }
        }
        if !c.paired {
            let _ = writeln!(
                out,
                "{}: another seed than the baseline, so unpaired.",
                one_line(&c.scenario)
            );
        }
    }
    out
}

/// Picks one estimate out of an ROI, if it is defined.
type RoiPart = fn(&crate::roi::Roi) -> Option<crate::stats::Estimate>;

/// A signed value in a metric's unit.
fn signed(unit: &str, x: f64) -> String {
    let v = format_value(unit, x);
    if x.is_finite() && x >= 0.0 {
        format!("+{v}")
    } else {
        v
    }
}

//! `differences.csv`: the paired differences of every compared scenario against the
//! baseline and the return on each change, in long form, one row per scenario and
//! measure, so a spreadsheet filters and pivots it as it likes:
//!
//! `scenario, baseline, paired, pairs, measure, unit, difference, half_width,
//! unpaired_half_width, significant`
//!
//! `measure` is a metric key (`service_level`, `cost_per_contact`) or an ROI figure
//! (`roi_change_cost`, `roi_operating_cost_saved`, `roi_net_operating_benefit`,
//! `roi_percent`, then from the value model `roi_lost_value_avoided`,
//! `roi_net_benefit_with_lost_value`, `roi_with_lost_value_percent`). `unit` is `pp` for
//! shares and percentages (a difference of percentages is in percentage points), `pct`
//! for an ROI, the currency for money, `s`, `h`, or empty for counts. A study without a
//! baseline gives the header alone.

use super::columns::rounded;
use super::{csv_error, currency, finish};
use crate::compare::Comparison;
use crate::error::Result;
use crate::metrics::{Kind, METRICS};
use crate::report::Report;
use crate::roi::Roi;
use crate::stats::Estimate;

const HEADER: [&str; 10] = [
    "scenario",
    "baseline",
    "paired",
    "pairs",
    "measure",
    "unit",
    "difference",
    "half_width",
    "unpaired_half_width",
    "significant",
];

/// An ROI figure: its measure name, whether it is a percentage, and how to pick it.
type RoiPart = (&'static str, bool, fn(&Roi) -> Option<Estimate>);

const ROI: [RoiPart; 7] = [
    ("roi_change_cost", false, |r| Some(r.change_cost)),
    ("roi_operating_cost_saved", false, |r| Some(r.benefit)),
    ("roi_net_operating_benefit", false, |r| Some(r.net_benefit)),
    ("roi_percent", true, |r| r.roi_percent),
    ("roi_lost_value_avoided", false, |r| r.lost_value_avoided),
    ("roi_net_benefit_with_lost_value", false, |r| {
        r.net_benefit_with_lost_value
    }),
    ("roi_with_lost_value_percent", true, |r| {
        r.roi_with_lost_value_percent
    }),
];

/// The bytes of `differences.csv` for these comparisons.
pub fn differences(report: &Report, comparisons: &[Comparison]) -> Result<Vec<u8>> {
    let currency = currency(report);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).map_err(csv_error)?;
    for c in comparisons {
        let lead = [
            c.scenario.clone(),
            c.baseline.clone(),
            c.paired.to_string(),
            c.pairs.to_string(),
        ];
        for (def, d) in METRICS.iter().zip(&c.metrics.0) {
            let (unit, scale, decimals) = match def.unit {
                "%" => ("pp", 100.0, 3),
                "pct" => ("pp", 1.0, 3),
                "money" => (currency, 1.0, 4),
                u => (
                    u,
                    1.0,
                    if def.kind == Kind::Ratio && u.is_empty() {
                        4
                    } else {
                        3
                    },
                ),
            };
            let mut row = lead.to_vec();
            row.extend([
                def.key.to_string(),
                unit.to_string(),
                rounded(scale * d.mean, decimals),
                rounded(scale * d.half_width, decimals),
                rounded(scale * d.unpaired_half_width, decimals),
                d.significant().to_string(),
            ]);
            w.write_record(&row).map_err(csv_error)?;
        }
        let Some(roi) = &c.roi else { continue };
        for (name, percent, get) in ROI {
            let Some(e) = get(roi) else { continue };
            let (unit, decimals) = if percent { ("pct", 1) } else { (currency, 2) };
            let significant = e.mean.abs() > e.half_width;
            let mut row = lead.to_vec();
            row.extend([
                name.to_string(),
                unit.to_string(),
                rounded(e.mean, decimals),
                rounded(e.half_width, decimals),
                String::new(),
                significant.to_string(),
            ]);
            w.write_record(&row).map_err(csv_error)?;
        }
    }
    finish(w)
}

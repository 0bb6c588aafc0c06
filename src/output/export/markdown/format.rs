//! How `report.md` writes a number: values with units, signed differences, half-widths,
//! row labels and target limits. Shared by the sections; no scenario text passes here
//! except the currency, which the caller has already escaped.

use crate::compare::Difference;
use crate::export::{format_difference, format_half_width, format_signed, format_value};
use crate::metrics::Metric;
use crate::report::{Report, TargetsReport};

/// Metrics worth a row: those some scenario has a non-zero, defined value for (a
/// mechanism no scenario has would be a row of zeros).
pub(super) fn rows(r: &Report) -> Vec<Metric> {
    Metric::ALL
        .iter()
        .copied()
        .filter(|&m| {
            r.scenarios.iter().any(|s| {
                let x = s.metrics.get(m).mean;
                x.is_finite() && x != 0.0
            })
        })
        .collect()
}

/// A metric's row label with its unit (`Cost total (EUR)`, `ASA (s)`).
pub(super) fn label(m: Metric, currency: &str) -> String {
    let d = m.def();
    match d.unit {
        "money" => format!("{} ({currency})", d.label),
        "s" => format!("{} (s)", d.label),
        "h" => format!("{} (h)", d.label),
        _ => d.label.to_string(),
    }
}

/// A difference in the metric's unit, signed: shares in percentage points, money with
/// thousands separators, a typographic minus, never "−0.0".
pub(super) fn signed(unit: &str, x: f64) -> String {
    format_signed(unit, x).replace('-', "−")
}

/// A value with its unit for running text (`90.6%`, `4.24 EUR`, `3.7 s`).
pub(super) fn value(m: Metric, x: f64, currency: &str) -> String {
    let unit = m.def().unit;
    let v = format_value(unit, x);
    match unit {
        "money" if x.is_finite() => format!("{v} {currency}"),
        "s" if x.is_finite() => format!("{v} s"),
        _ => v,
    }
}

/// A 95 % half-width in the metric's unit (`±3.3`, `±1,202.04`), or `-` when undefined.
pub(super) fn half(unit: &str, x: f64) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    format_half_width(unit, x)
}

/// A paired difference, bold when its interval excludes zero (with the decimals it takes
/// not to read as zero), with the unpaired half-width in brackets.
pub(super) fn difference(unit: &str, d: &Difference) -> String {
    let main = format_difference(unit, d.mean, d.half_width, d.significant())
        .trim_end_matches(" *")
        .replace('-', "−");
    let main = if d.significant() {
        format!("**{main}**")
    } else {
        main
    };
    format!("{main} ({})", half(unit, d.unpaired_half_width))
}

/// The target on `m` as text (`≥ 80.0%`), if there is one.
pub(super) fn target_text(t: &TargetsReport, m: Metric) -> Option<String> {
    t.checks()
        .into_iter()
        .find(|(k, _, _)| *k == m)
        .map(|(_, limit, higher)| {
            let unit = if m.def().unit == "s" { " s" } else { "" };
            format!(
                "{} {}{unit}",
                if higher { "≥" } else { "≤" },
                format_value(m.def().unit, limit)
            )
        })
}

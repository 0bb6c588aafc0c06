//! How `report.md` writes a number: values with units, signed differences, half-widths,
//! row labels and target limits. Shared by the sections; no scenario text passes here
//! except the currency, which the caller has already escaped.

use crate::compare::Difference;
use crate::export::format_value;
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

/// A difference in the metric's unit, signed: shares in percentage points.
pub(super) fn signed(unit: &str, x: f64) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    let s = match unit {
        "%" => format!("{:+.1} pp", x * 100.0),
        "pct" => format!("{x:+.1} pp"),
        "money" => format!("{x:+.2}"),
        _ => format!("{x:+.1}"),
    };
    // "-0.0" says nothing a reader can use: a difference that rounds to zero is "+0.0".
    let s = if s.starts_with('-') && !s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        s.replacen('-', "+", 1)
    } else {
        s
    };
    s.replace('-', "−")
}

/// A value with its unit for running text (`90.6 %`, `4.24 EUR`, `3.7 s`).
pub(super) fn value(m: Metric, x: f64, currency: &str) -> String {
    let unit = m.def().unit;
    let v = format_value(unit, x);
    match unit {
        "money" if x.is_finite() => format!("{v} {currency}"),
        "s" if x.is_finite() => format!("{v} s"),
        "pct" if x.is_finite() => format!("{v}%"),
        _ => v,
    }
}

/// A 95 % half-width in the metric's unit (`±3.3`), or `-` when undefined.
pub(super) fn half(unit: &str, x: f64) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    match unit {
        "%" => format!("±{:.1}", x * 100.0),
        "money" => format!("±{x:.2}"),
        _ => format!("±{x:.1}"),
    }
}

/// A paired difference, bold when its interval excludes zero, with the unpaired
/// half-width in brackets.
pub(super) fn difference(unit: &str, d: &Difference) -> String {
    let main = format!("{} {}", signed(unit, d.mean), half(unit, d.half_width));
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

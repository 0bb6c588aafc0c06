//! Numbers and lists as the fitted scenario writes them: few decimals, no trailing
//! zeros, and a 95 % interval beside each estimate (or why there is none).

use crate::fit::volumes::Estimate;

/// A number with `d` decimals, without trailing zeros (`40.25`, `3`).
pub(super) fn num(x: f64, d: usize) -> String {
    let s = format!("{x:.d$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `v (low–high)`, or `v (no interval: …)` when the data cannot give one.
pub(super) fn with_interval(e: &Estimate, d: usize, unit: &str) -> String {
    if e.low.is_finite() && e.high.is_finite() {
        format!(
            "{}{unit} (95 %: {}–{}{unit})",
            num(e.value, d),
            num(e.low, d),
            num(e.high, d)
        )
    } else {
        format!("{}{unit} (no interval: too few days)", num(e.value, d))
    }
}

/// `95 %: low–high` with the unit, or why there is no interval (never `NaN–NaN`).
pub(super) fn range(low: f64, high: f64, d: usize, unit: &str) -> String {
    if low.is_finite() && high.is_finite() {
        format!("95 %: {}–{}{unit}", num(low, d), num(high, d))
    } else {
        "no interval: too few values".into()
    }
}

/// A TOML string literal.
pub(super) fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML array, twelve items a line.
pub(super) fn list<T: ToString>(xs: impl Iterator<Item = T>) -> String {
    let items: Vec<String> = xs.map(|x| x.to_string()).collect();
    let mut out = String::from("[");
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(if k % 12 == 0 { ",\n  " } else { ", " });
        }
        out.push_str(item);
    }
    out.push(']');
    out
}

//! How a figure becomes a CSV column for a spreadsheet: the unit in the header (`_pct`
//! for shares and percentages, `_eur` or the study's currency for money; seconds and
//! hours are already in the keys, `asa_s`, `paid_agent_hours`; counts are per day or per
//! interval), shares in percent rather than fractions, and rounded to a fixed number of
//! decimals per unit. README documents the result; the JSON keeps every figure exact.

use crate::metrics::{Kind, MetricDef};

/// The header of a metric's column: its key with the unit (`service_level_pct`,
/// `cost_per_contact_eur`).
pub fn header(def: &MetricDef, currency: &str) -> String {
    named(def.key, def.unit, currency)
}

/// `key` with the suffix of `unit`.
pub fn named(key: &str, unit: &str, currency: &str) -> String {
    match unit {
        "%" | "pct" => format!("{key}_pct"),
        "money" => format!("{key}_{}", currency_slug(currency)),
        _ => key.to_string(),
    }
}

/// The currency as a header suffix: lower-case letters and digits only (`EUR` → `eur`);
/// `money` when nothing is left.
pub fn currency_slug(currency: &str) -> String {
    let slug: String = currency
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if slug.is_empty() {
        "money".into()
    } else {
        slug
    }
}

/// Decimals of a metric's column: 4 for a plain ratio (contacts per journey), else 2
/// (percent, money, seconds, hours, counts).
pub fn decimals(def: &MetricDef) -> usize {
    if def.unit.is_empty() && def.kind == Kind::Ratio {
        4
    } else {
        2
    }
}

/// `x` of a metric in its column's scale and rounding; empty when undefined.
pub fn cell(def: &MetricDef, x: f64) -> String {
    rounded(scale(def.unit, x), decimals(def))
}

/// Shares are stored as fractions and written in percent.
pub fn scale(unit: &str, x: f64) -> f64 {
    if unit == "%" {
        x * 100.0
    } else {
        x
    }
}

/// `x` with `d` decimals, `-0.00` written `0.00`; empty when undefined.
pub fn rounded(x: f64, d: usize) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = format!("{x:.d$}");
    if s.starts_with('-') && !s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        s[1..].to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::Metric;

    #[test]
    fn headers_carry_the_unit() {
        assert_eq!(
            header(Metric::ServiceLevel.def(), "EUR"),
            "service_level_pct"
        );
        assert_eq!(
            header(Metric::CostPerContact.def(), "EUR"),
            "cost_per_contact_eur"
        );
        assert_eq!(header(Metric::Csat.def(), "EUR"), "csat_pct");
        assert_eq!(header(Metric::AsaS.def(), "EUR"), "asa_s");
        assert_eq!(header(Metric::CostTotal.def(), "US$"), "cost_total_us");
        assert_eq!(header(Metric::CostTotal.def(), ""), "cost_total_money");
    }

    #[test]
    fn shares_are_written_in_percent_and_rounded() {
        assert_eq!(cell(Metric::ServiceLevel.def(), 0.906_123_456), "90.61");
        assert_eq!(cell(Metric::CostTotal.def(), 12_775.723_9), "12775.72");
        assert_eq!(cell(Metric::ContactsPerJourney.def(), 1.118_53), "1.1185");
        assert_eq!(cell(Metric::AsaS.def(), -0.001), "0.00");
        assert_eq!(cell(Metric::AsaS.def(), f64::NAN), "");
    }
}

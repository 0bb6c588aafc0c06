//! How a figure is written for a reader (terminal tables, report.md, staff and sweep
//! output): a metric's value in its unit, its half-width, and a signed difference. Money
//! has thousands separators; shares are in percent and their differences in percentage
//! points; nothing prints as "-0.0"; and a difference whose interval excludes zero gets as
//! many decimals as it takes to show that it is not zero. The CSV and JSON files have
//! their own, exact or documented, number formats.

use super::stats::Estimate;

/// Decimals a unit is written with by default.
fn decimals(unit: &str) -> usize {
    match unit {
        "money" => 2,
        _ => 1,
    }
}

/// The number in the unit's scale: shares (`%`) are stored as fractions.
fn scaled(unit: &str, x: f64) -> f64 {
    if unit == "%" {
        x * 100.0
    } else {
        x
    }
}

/// `x` with `d` decimals, money with thousands separators, and never "-0.0": a value
/// that rounds to zero loses its sign.
fn fixed(unit: &str, x: f64, d: usize) -> String {
    let s = format!("{x:.d$}");
    let s = if s.starts_with('-') && !s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        s[1..].to_string()
    } else {
        s
    };
    if unit == "money" {
        thousands(&s)
    } else {
        s
    }
}

/// A plain number with thousands separators: `12775.72` → `12,775.72`, `-1234` → `-1,234`.
pub fn thousands(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix(['-', '+']) {
        Some(r) => (&s[..1], r),
        None => ("", s),
    };
    let (int, frac) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
    if int.len() <= 3 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

/// The unit sign that follows a value: `%` for shares and percentages.
fn suffix(unit: &str) -> &'static str {
    match unit {
        "%" | "pct" => "%",
        _ => "",
    }
}

/// A metric value in its unit (`90.6%`, `12,775.72`, `3.7`); `-` when undefined.
pub fn format_value(unit: &str, x: f64) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    format!(
        "{}{}",
        fixed(unit, scaled(unit, x), decimals(unit)),
        suffix(unit)
    )
}

/// A metric's 95 % half-width in the same scale as [`format_value`] (`±0.7`), or empty
/// when undefined.
pub fn format_half_width(unit: &str, x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    format!("±{}", fixed(unit, scaled(unit, x), decimals(unit)))
}

/// Where an estimate's half-width sits beside its mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HalfWidth {
    /// `90.6% ±0.4` (tables, plain text); the half-width is left out when undefined.
    Beside,
    /// `90.6% (±0.4)` (running text in report.md); `(-)` when undefined, so a sentence
    /// still says that the interval is unknown.
    InBrackets,
}

/// An estimate as its mean in the unit followed by its 95 % half-width, laid out as
/// `layout` says. Every table, report and command writes estimates through here, so they
/// read the same wherever they appear.
pub fn format_estimate(unit: &str, e: &Estimate, layout: HalfWidth) -> String {
    with_half_width(format_value(unit, e.mean), unit, e.half_width, layout)
}

/// `mean`, already written (with its unit, signed, in running text), followed by the 95 %
/// half-width `half_width` in `unit`, laid out as `layout` says: the one place a figure
/// and its half-width are joined.
pub fn with_half_width(mean: String, unit: &str, half_width: f64, layout: HalfWidth) -> String {
    match layout {
        HalfWidth::Beside if half_width.is_finite() => {
            format!("{mean} {}", format_half_width(unit, half_width))
        }
        HalfWidth::Beside => mean,
        HalfWidth::InBrackets if half_width.is_finite() => {
            format!("{mean} ({})", format_half_width(unit, half_width))
        }
        HalfWidth::InBrackets => format!("{mean} (-)"),
    }
}

/// An estimate that is already a large number, such as an ROI in percent, in whole units:
/// its signed mean and its half-width, each with thousands separators (`+12,713`,
/// `±1,929`), for the caller to place its unit between them.
pub fn format_signed_whole(e: &Estimate) -> (String, String) {
    let mean = format!("{:.0}", e.mean);
    let mean = if mean == "-0" { "0".to_string() } else { mean };
    let sign = if mean.starts_with('-') { "" } else { "+" };
    (
        format!("{sign}{}", thousands(&mean)),
        format!("±{}", thousands(&format!("{:.0}", e.half_width))),
    )
}

/// A signed difference in the unit's scale: shares in percentage points (`+0.5 pp`),
/// money with separators (`−2,168.39` is written `-2,168.39`); a difference that rounds to
/// zero is `+0.0`.
pub fn format_signed(unit: &str, x: f64) -> String {
    signed_with(unit, x, decimals(unit))
}

fn signed_with(unit: &str, x: f64, d: usize) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    let v = fixed(unit, scaled(unit, x), d);
    let v = if v.starts_with('-') {
        v
    } else {
        format!("+{v}")
    };
    match unit {
        "%" | "pct" => format!("{v} pp"),
        _ => v,
    }
}

/// A paired difference `mean ±half-width`, followed by ` *` when `significant`. When the
/// interval excludes zero, the figures get the decimals it takes for the mean and the
/// half-width not to round to zero (at most four more than usual), so a significant
/// difference never reads `+0.00 ±0.00 *`.
pub fn format_difference(unit: &str, mean: f64, half_width: f64, significant: bool) -> String {
    let base = decimals(unit);
    let mut d = base;
    if significant && mean.is_finite() && half_width.is_finite() {
        let (m, h) = (scaled(unit, mean).abs(), scaled(unit, half_width));
        let shows = |x: f64, d: usize| x == 0.0 || (x * 10f64.powi(d as i32)).round() >= 1.0;
        while d < base + 4 && !(shows(m, d) && shows(h, d)) {
            d += 1;
        }
    }
    let hw = if half_width.is_finite() {
        format!(" ±{}", fixed(unit, scaled(unit, half_width), d))
    } else {
        String::new()
    };
    let star = if significant { " *" } else { "" };
    format!("{}{hw}{star}", signed_with(unit, mean, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_has_thousands_separators() {
        assert_eq!(format_value("money", 106964.3612), "106,964.36");
        assert_eq!(format_value("money", -1234.5), "-1,234.50");
        assert_eq!(format_value("money", 999.994), "999.99");
        assert_eq!(format_half_width("money", 1202.04), "±1,202.04");
        assert_eq!(format_signed("money", 11033.01), "+11,033.01");
    }

    #[test]
    fn nothing_prints_as_minus_zero() {
        assert_eq!(format_value("", -0.04), "0.0");
        assert_eq!(format_signed("s", -0.04), "+0.0");
        assert_eq!(format_signed("money", -0.001), "+0.00");
        assert_eq!(format_signed("%", -0.0004), "+0.0 pp");
    }

    #[test]
    fn shares_are_percent_and_their_differences_percentage_points() {
        assert_eq!(format_value("%", 0.906), "90.6%");
        assert_eq!(format_value("pct", 72.7), "72.7%");
        assert_eq!(format_signed("%", -0.042), "-4.2 pp");
        assert_eq!(format_signed("pct", 0.1), "+0.1 pp");
    }

    #[test]
    fn an_estimate_is_its_mean_and_half_width() {
        let e = Estimate {
            mean: 12775.724,
            half_width: 2.538,
        };
        assert_eq!(
            format_estimate("money", &e, HalfWidth::Beside),
            "12,775.72 ±2.54"
        );
        assert_eq!(
            format_estimate("money", &e, HalfWidth::InBrackets),
            "12,775.72 (±2.54)"
        );
        let share = Estimate {
            mean: 0.821,
            half_width: 0.004,
        };
        assert_eq!(
            format_estimate("%", &share, HalfWidth::Beside),
            "82.1% ±0.4"
        );
        assert_eq!(
            format_estimate("%", &share, HalfWidth::InBrackets),
            "82.1% (±0.4)"
        );
    }

    #[test]
    fn an_undefined_half_width_is_left_out_beside_and_a_dash_in_brackets() {
        let e = Estimate {
            mean: 3.7,
            half_width: f64::NAN,
        };
        assert_eq!(format_estimate("s", &e, HalfWidth::Beside), "3.7");
        assert_eq!(format_estimate("s", &e, HalfWidth::InBrackets), "3.7 (-)");
        let undefined = Estimate {
            mean: f64::NAN,
            half_width: f64::NAN,
        };
        assert_eq!(format_estimate("%", &undefined, HalfWidth::Beside), "-");
    }

    #[test]
    fn a_whole_estimate_is_signed_with_separators_and_never_minus_zero() {
        let e = |mean, half_width| Estimate { mean, half_width };
        assert_eq!(
            format_signed_whole(&e(12713.4, 1929.2)),
            ("+12,713".to_string(), "±1,929".to_string())
        );
        assert_eq!(
            format_signed_whole(&e(-1234.6, 80.0)),
            ("-1,235".to_string(), "±80".to_string())
        );
        assert_eq!(format_signed_whole(&e(-0.3, 0.2)).0, "+0");
    }

    #[test]
    fn a_significant_difference_never_rounds_to_zero() {
        // Cost per contact +0.0009 ± 0.0002: significant, shown with enough decimals.
        let s = format_difference("money", 0.0009, 0.0002, true);
        assert_eq!(s, "+0.0009 ±0.0002 *");
        assert!(!s.contains("+0.00 ±0.00"));
        // The same figures, not significant, keep the usual decimals.
        assert_eq!(
            format_difference("money", 0.0009, 0.002, false),
            "+0.00 ±0.00"
        );
        assert_eq!(
            format_difference("%", 0.0021, 0.0004, true),
            "+0.21 pp ±0.04 *"
        );
        assert_eq!(format_difference("", 12.7, 1.3, true), "+12.7 ±1.3 *");
    }
}

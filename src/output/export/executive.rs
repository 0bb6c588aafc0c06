//! The executive summary: one row per scenario with what a director signs, paid FTE and
//! operating cost per day, month and year, beside the live channels' service level and
//! abandonment, CSAT, and the targets it meets or misses with the figure against the
//! target ("misses support_es abandonment rate 5.3% vs 5.0%"). Paid FTE is paid agent
//! hours a day ÷ the hours of one full-time agent a day; a month is a twelfth of the
//! open days of a year. Whether a scenario meets its targets is judged exactly as the
//! ranking judges it, so the two never disagree.

use super::{format_value, thousands};
use crate::metrics::Metric;
use crate::ranking::meets_targets;
use crate::report::{Report, ScenarioReport, TargetsReport};

/// The table's rows, header first; `name` writes a scenario or type name for the output
/// at hand (escaped for Markdown, or as it is for the terminal).
pub fn rows(report: &Report, name: &dyn Fn(&str) -> String) -> Vec<Vec<String>> {
    let currency = report
        .scenarios
        .first()
        .map_or(String::new(), |s| name(&s.currency));
    let mut rows = vec![vec![
        "scenario".to_string(),
        "paid FTE".into(),
        format!("operating cost per day ({currency})"),
        format!("per month ({currency})"),
        format!("per year ({currency})"),
        "service level".into(),
        "abandonment".into(),
        "CSAT".into(),
        "targets".into(),
    ]];
    for s in &report.scenarios {
        let m = |k: Metric| s.metrics.get(k).mean;
        let p = &s.pricing;
        let day = m(Metric::CostTotal);
        rows.push(vec![
            name(&s.name),
            whole_or_tenth(m(Metric::PaidAgentHours) / p.fte_hours_per_day),
            format_value("money", day),
            money_whole(day * p.open_days_per_year / 12.0),
            money_whole(day * p.open_days_per_year),
            format_value("%", m(Metric::ServiceLevel)),
            format_value("%", m(Metric::AbandonmentRate)),
            format_value("pct", m(Metric::Csat)),
            if s.is_stress() {
                format!("stress test, not ranked: {}", verdict(s, name))
            } else {
                verdict(s, name)
            },
        ]);
    }
    rows
}

/// Paid FTE to a tenth.
fn whole_or_tenth(x: f64) -> String {
    if x.is_finite() {
        format!("{:.1}", x + 0.0)
    } else {
        "-".into()
    }
}

/// A large amount of money in whole units with thousands separators.
fn money_whole(x: f64) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    let s = format!("{:.0}", x);
    // `-0` after rounding a tiny negative amount reads as a loss: write 0.
    if s == "-0" {
        "0".into()
    } else {
        thousands(&s)
    }
}

/// "meets targets", "no targets set", or "misses" with each missed target and figure.
fn verdict(s: &ScenarioReport, name: &dyn Fn(&str) -> String) -> String {
    let missed: Vec<String> = match &s.types {
        Some(types) => types
            .iter()
            .flat_map(|t| misses(&t.targets, &t.metrics, Some(name(&t.name))))
            .collect(),
        None => misses(&s.targets, &s.metrics, None),
    };
    let none_set = match &s.types {
        Some(types) => types.iter().all(|t| t.targets.checks().is_empty()),
        None => s.targets.checks().is_empty(),
    };
    if meets_targets(s) {
        if none_set {
            "no targets set".into()
        } else {
            "meets targets".into()
        }
    } else {
        format!("misses {}", missed.join(", "))
    }
}

/// Each target missed on these metrics: `[type] metric figure vs target`.
fn misses(
    targets: &TargetsReport,
    metrics: &crate::report::Metrics,
    type_name: Option<String>,
) -> Vec<String> {
    targets
        .checks()
        .into_iter()
        .filter(|(m, _, _)| targets.met(*m, &metrics.get(*m)) == Some(false))
        .map(|(m, limit, _)| {
            let unit = m.def().unit;
            let label = m.def().label_in_text();
            let what = match &type_name {
                Some(t) => format!("{t} {label}"),
                None => label,
            };
            let seconds = if unit == "s" { " s" } else { "" };
            format!(
                "{what} {}{seconds} vs {}{seconds}",
                format_value(unit, metrics.get(m).mean),
                format_value(unit, limit)
            )
        })
        .collect()
}

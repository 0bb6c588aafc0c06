//! "At a glance": the cheapest scenario that meets every target and by how much, then one
//! bullet per scenario with its headline figures (operating cost), or with its
//! differences from the baseline (operating cost, and the value model's lost value at
//! stake), and the targets it misses.

use std::fmt::Write;

use super::format::{half, signed, value};
use super::{currency, names};
use crate::chart;
use crate::escape::markdown_table_cell;
use crate::export::{format_value, with_half_width, HalfWidth};
use crate::metrics::Metric;
use crate::report::{ScenarioReport, TypeReport};
use crate::study::Study;

/// The section, heading to last bullet.
pub(super) fn section(study: &Study) -> String {
    let r = study.report;
    let currency = currency(r);
    let mut o = String::new();
    let _ = writeln!(o, "## At a glance\n");
    let _ = writeln!(
        o,
        "{}\n",
        if study.comparisons.is_empty() {
            "Mean over simulated days (± 95 % half-width)."
        } else {
            "Mean over simulated days (± 95 % half-width); against the baseline, the paired \
             difference (scenario − baseline)."
        }
    );
    if let Some(ranking) = &study.ranking {
        let lines = ranking.sentences(&currency, &|n| markdown_table_cell(n));
        let _ = writeln!(o, "**Ranking**, by {}:\n", ranking.criterion);
        for line in lines {
            let _ = writeln!(o, "- {}", minus_signs(&line));
        }
        // A paragraph between the two lists, so they stay two lists once rendered.
        let _ = writeln!(o, "\n**Each scenario**:\n");
    }
    for ((i, s), name) in r.scenarios.iter().enumerate().zip(names(r)) {
        let c = study
            .comparisons
            .iter()
            .find(|c| c.scenario == s.name && Some(i) != study.baseline);
        let parts: Vec<String> = headline()
            .into_iter()
            .map(|m| {
                let unit = m.def().unit;
                let label = m.def().label_in_text();
                match c {
                    Some(c) => {
                        let d = c.metrics.get(m);
                        let money = if unit == "money" {
                            format!(" {currency}")
                        } else {
                            String::new()
                        };
                        let (mean, hw) = difference_parts(unit, &d);
                        format!("{label} {mean}{money} ({hw})")
                    }
                    None => {
                        let e = s.metrics.get(m);
                        let mean = format!("{label} {}", value(m, e.mean, &currency));
                        with_half_width(mean, unit, e.half_width, HalfWidth::InBrackets)
                    }
                }
            })
            .collect();
        let role = match (c, Some(i) == study.baseline) {
            (Some(_), _) => " against the baseline:",
            (None, true) => " (baseline):",
            _ => ":",
        };
        let days = match chart::share_of_days_below_target(s) {
            Some(p) => format!("; service level below target on {:.1} % of days", p * 100.0),
            None => String::new(),
        };
        let email = crate::export::email_apart(s, &|n| markdown_table_cell(n))
            .map(|note| format!("; {note}"))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "- **{name}**{role} {}{email}; {}; {}{days}.",
            parts.join(", "),
            money_per_day(s, c, &currency),
            missed(s)
        );
    }
    o
}

/// A paired difference and its half-width as the differences table writes them (as
/// many decimals as a significant one needs), for running text: (`+0.5 pp`, `±0.1`).
fn difference_parts(unit: &str, d: &crate::compare::Difference) -> (String, String) {
    let text = crate::export::format_difference(unit, d.mean, d.half_width, d.significant());
    let text = text.trim_end_matches(" *").replace('-', "−");
    match text.split_once(" ±") {
        Some((mean, hw)) => (mean.to_string(), format!("±{hw}")),
        None => (signed(unit, d.mean), half(unit, d.half_width)),
    }
}

/// `line` with the minus sign of every negative figure (a `-` after a space, before a
/// digit) written `−`, as the rest of the report writes it.
fn minus_signs(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut prev = ' ';
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let digit_next = chars.peek().is_some_and(char::is_ascii_digit);
        out.push(if c == '-' && prev == ' ' && digit_next {
            '−'
        } else {
            c
        });
        prev = c;
    }
    out
}

/// Operating cost per day (or its paired difference), then what the value model puts
/// at stake against the baseline: the change in lost customer value with its interval.
/// The model's level of lost value is an assumption (churn × lifetime value) a finance
/// reader cannot check, so the text never states it; JSON and CSV keep it.
fn money_per_day(
    s: &ScenarioReport,
    c: Option<&crate::compare::Comparison>,
    currency: &str,
) -> String {
    let operating = match c {
        Some(c) => {
            let d = c.metrics.get(Metric::CostTotal);
            let mean = format!("{} {currency}/day", signed("money", d.mean));
            with_half_width(mean, "money", d.half_width, HalfWidth::InBrackets)
        }
        None => {
            let e = s.metrics.get(Metric::CostTotal);
            let mean = format!("{} {currency}/day", format_value("money", e.mean));
            with_half_width(mean, "money", e.half_width, HalfWidth::InBrackets)
        }
    };
    let stake = match (c, s.satisfaction_model.customer_lifetime_value.is_some()) {
        (_, false) => ", no value model, so no lost value".to_string(),
        (Some(c), true) => {
            let d = c.metrics.get(Metric::LostValue);
            let mean = format!("{} {currency}/day", signed("money", d.mean));
            format!(
                ", value at stake against the baseline (value model): lost customer value {}",
                with_half_width(mean, "money", d.half_width, HalfWidth::InBrackets)
            )
        }
        (None, true) => String::new(),
    };
    format!("operating cost {operating}{stake}")
}

/// The headline metrics: service level, abandonment, cost per contact, and CSAT once the
/// metric list has it.
fn headline() -> Vec<Metric> {
    let mut v = vec![
        Metric::ServiceLevel,
        Metric::AbandonmentRate,
        Metric::CostPerContact,
    ];
    v.extend(crate::metrics::metric_by_key("csat"));
    v
}

/// The targets `s` misses, as text ("none" when it meets them all); for a centre, those
/// its types miss.
fn missed(s: &ScenarioReport) -> String {
    if let Some(types) = &s.types {
        return missed_by_type(types);
    }
    let v: Vec<String> = s
        .targets
        .checks()
        .into_iter()
        .filter(|(m, _, _)| s.targets.met(*m, &s.metrics.get(*m)) == Some(false))
        .map(|(m, _, _)| m.def().label_in_text())
        .collect();
    if s.targets.checks().is_empty() {
        "no targets set".into()
    } else if v.is_empty() {
        "meets every target".into()
    } else {
        format!("**misses** {}", v.join(", "))
    }
}

/// The targets a centre's types miss (`**misses** spanish service level`), type names
/// escaped.
fn missed_by_type(types: &[TypeReport]) -> String {
    let v: Vec<String> = types
        .iter()
        .flat_map(|t| {
            t.targets
                .checks()
                .into_iter()
                .filter(|(m, _, _)| t.targets.met(*m, &t.metrics.get(*m)) == Some(false))
                .map(|(m, _, _)| {
                    format!(
                        "{} {}",
                        markdown_table_cell(&t.name),
                        m.def().label_in_text()
                    )
                })
        })
        .collect();
    if types.iter().all(|t| t.targets.checks().is_empty()) {
        "no targets set".into()
    } else if v.is_empty() {
        "every type meets its targets".into()
    } else {
        format!("**misses** {}", v.join(", "))
    }
}

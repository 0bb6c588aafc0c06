//! `report.md`: a study a planner can put in front of a director. Scenarios side by
//! side with their 95 % intervals, targets met or missed, paired differences against
//! the baseline, the charts, and how it was simulated. Only formats the report: every
//! number comes from it or from the comparisons computed from it.

use std::fmt::Write;
use std::path::Path;

use super::bundle::Study;
use super::{format_half_width, format_value};
use crate::chart;
use crate::compare::Difference;
use crate::metrics::{Metric, METRICS};
use crate::report::{Report, ScenarioReport};

/// Text safe inside a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn file_name(s: &ScenarioReport) -> String {
    Path::new(&s.file)
        .file_name()
        .map_or_else(|| s.file.clone(), |n| n.to_string_lossy().into_owned())
}

/// Metrics worth a row: those some scenario has a non-zero, defined value for (a
/// mechanism no scenario has would be a row of zeros).
fn rows(r: &Report) -> Vec<Metric> {
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

fn label(m: Metric, currency: &str) -> String {
    let d = m.def();
    match d.unit {
        "money" => format!("{} ({currency})", d.label),
        "s" => format!("{} (s)", d.label),
        "h" => format!("{} (h)", d.label),
        _ => d.label.to_string(),
    }
}

/// A difference in the metric's unit, signed: shares in percentage points.
fn signed(unit: &str, x: f64) -> String {
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
fn value(m: Metric, x: f64, currency: &str) -> String {
    let unit = m.def().unit;
    let v = format_value(unit, x);
    match unit {
        "money" if x.is_finite() => format!("{v} {currency}"),
        "s" if x.is_finite() => format!("{v} s"),
        "pct" if x.is_finite() => format!("{v}%"),
        _ => v,
    }
}

/// The headline metrics: service level, abandonment, cost per contact, and CSAT once the
/// metric list has it.
fn headline() -> Vec<Metric> {
    let mut v = vec![
        Metric::ServiceLevel,
        Metric::AbandonmentRate,
        Metric::CostPerContact,
    ];
    v.extend(chart::metric_by_key("csat"));
    v
}

/// The targets `s` misses, as text ("none" when it meets them all).
fn missed(s: &ScenarioReport) -> String {
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

/// One bullet per scenario: its headline figures, or its differences from the baseline.
fn at_a_glance(study: &Study, currency: &str) -> String {
    let r = study.report;
    let mut o = String::new();
    for (i, s) in r.scenarios.iter().enumerate() {
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
                        format!(
                            "{label} {}{money} ({})",
                            signed(unit, d.mean),
                            half(unit, d.half_width)
                        )
                    }
                    None => {
                        let e = s.metrics.get(m);
                        format!(
                            "{label} {} ({})",
                            value(m, e.mean, currency),
                            half(unit, e.half_width)
                        )
                    }
                }
            })
            .collect();
        let role = match (c, Some(i) == study.baseline) {
            (Some(_), _) => " against the baseline:".to_string(),
            (None, true) => " (baseline):".to_string(),
            _ => ":".to_string(),
        };
        let days = match chart::share_of_days_below_target(s) {
            Some(p) => format!("; service level below target on {:.1} % of days", p * 100.0),
            None => String::new(),
        };
        let _ = writeln!(
            o,
            "- **{}**{role} {}; {}{days}.",
            cell(&s.name),
            parts.join(", "),
            missed(s)
        );
    }
    o
}

fn half(unit: &str, x: f64) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    match unit {
        "%" => format!("±{:.1}", x * 100.0),
        "money" => format!("±{x:.2}"),
        _ => format!("±{x:.1}"),
    }
}

fn difference(unit: &str, d: &Difference) -> String {
    let main = format!("{} {}", signed(unit, d.mean), half(unit, d.half_width));
    let main = if d.significant() {
        format!("**{main}**")
    } else {
        main
    };
    format!("{main} ({})", half(unit, d.unpaired_half_width))
}

/// The distribution of journey satisfaction scores, one row per scenario.
fn score_distribution(r: &Report) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "## Satisfaction scores\n");
    let _ = writeln!(
        o,
        "Share of customer journeys (%) ending at each score of the scenario's satisfaction model, \
         mean over simulated days; 0–6 are detractors, 9–10 promoters.\n"
    );
    let scores: Vec<String> = (0..r
        .scenarios
        .first()
        .map_or(0, |s| s.score_distribution.len()))
        .map(|k| k.to_string())
        .collect();
    let _ = writeln!(o, "| scenario | {} |", scores.join(" | "));
    let _ = writeln!(o, "| --- |{}", " ---: |".repeat(scores.len()));
    for s in &r.scenarios {
        let cells: Vec<String> = s
            .score_distribution
            .iter()
            .map(|e| format_value("%", e.mean))
            .collect();
        let _ = writeln!(o, "| {} | {} |", cell(&s.name), cells.join(" | "));
    }
    o.push('\n');
    o
}

/// The ROI table of the comparisons, one column per compared scenario.
fn return_on_change(study: &Study, currency: &str) -> String {
    let with_roi: Vec<_> = study
        .comparisons
        .iter()
        .filter_map(|c| c.roi.as_ref().map(|r| (c, r)))
        .collect();
    if with_roi.is_empty() {
        return String::new();
    }
    let mut o = String::new();
    let _ = writeln!(o, "\n### Return on each change\n");
    let _ = writeln!(
        o,
        "Per simulated day, paired over replications. Change cost = the extra spend on what the \
         scenario adds (bot sessions, callback attempts, scheduled agent hours); benefit = operating \
         cost saved + lost value avoided, before the change cost; net benefit = benefit − change \
         cost; ROI = mean net benefit ÷ mean change cost × 100. A change that adds no spend has no \
         ROI: read its net benefit.\n"
    );
    let cols: Vec<String> = with_roi.iter().map(|(c, _)| cell(&c.scenario)).collect();
    let _ = writeln!(o, "| per day | {} |", cols.join(" | "));
    let _ = writeln!(o, "| --- |{}", " ---: |".repeat(cols.len()));
    let money = |e: &crate::stats::Estimate| {
        format!(
            "{} {}",
            signed("money", e.mean),
            half("money", e.half_width)
        )
    };
    let roi = |r: &crate::roi::Roi| match r.roi_percent {
        Some(e) if e.mean.is_finite() => format!(
            "{} % ±{:.0}",
            format!("{:+.0}", e.mean).replace('-', "−"),
            e.half_width
        ),
        _ => "no added spend".into(),
    };
    let cells: Vec<[String; 4]> = with_roi
        .iter()
        .map(|(_, r)| {
            [
                money(&r.change_cost),
                money(&r.benefit),
                money(&r.net_benefit),
                roi(r),
            ]
        })
        .collect();
    let names = [
        format!("change cost ({currency})"),
        format!("benefit ({currency})"),
        format!("net benefit ({currency})"),
        "ROI".to_string(),
    ];
    for (k, name) in names.iter().enumerate() {
        let _ = write!(o, "| {name} |");
        for c in &cells {
            let _ = write!(o, " {} |", c[k]);
        }
        o.push('\n');
    }
    if with_roi.iter().any(|(_, r)| !r.includes_lost_value) {
        let _ = writeln!(
            o,
            "\nLost value is left out of the benefit where a scenario or the baseline has no `[value]` table."
        );
    }
    o
}

fn target_text(s: &ScenarioReport, m: Metric) -> Option<String> {
    s.targets
        .checks()
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

/// The Markdown report of a study.
pub fn report(study: &Study) -> String {
    let r = study.report;
    let currency = r.scenarios.first().map_or("", |s| s.currency.as_str());
    let mut o = String::new();
    let names: Vec<String> = r.scenarios.iter().map(|s| cell(&s.name)).collect();
    let _ = writeln!(o, "# Staffing study: {}\n", names.join(", "));
    let _ = writeln!(o, "{}\n", how_simulated(study));
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
    o.push_str(&at_a_glance(study, currency));
    o.push('\n');

    // Scenarios.
    let _ = writeln!(o, "## Scenarios\n");
    let _ = writeln!(o, "| scenario | role | file | description |");
    let _ = writeln!(o, "| --- | --- | --- | --- |");
    for (i, s) in r.scenarios.iter().enumerate() {
        let role = match study.baseline {
            Some(b) if b == i => "baseline",
            Some(_) => "compared with the baseline",
            None => "",
        };
        let _ = writeln!(
            o,
            "| {} | {role} | `{}` | {} |",
            cell(&s.name),
            cell(&file_name(s)),
            cell(s.description.as_deref().unwrap_or(""))
        );
    }

    // Targets.
    let checks: Vec<Metric> = Metric::ALL
        .iter()
        .copied()
        .filter(|&m| r.scenarios.iter().any(|s| target_text(s, m).is_some()))
        .collect();
    if !checks.is_empty() {
        let _ = writeln!(o, "\n## Targets\n");
        let _ = writeln!(o, "Judged on the mean over simulated days.\n");
        let _ = writeln!(o, "| target | {} |", names.join(" | "));
        let _ = writeln!(o, "| --- |{}", " --- |".repeat(names.len()));
        for m in checks {
            let mut row = format!("| {}", m.def().label);
            if m == Metric::ServiceLevel {
                if let Some(s) = r.scenarios.first() {
                    let _ = write!(row, " within {} s", s.targets.service_level_within_s);
                }
            }
            row.push_str(" |");
            for s in &r.scenarios {
                let e = s.metrics.get(m);
                let text = match (target_text(s, m), s.targets.met(m, &e)) {
                    (Some(t), Some(true)) => format!("met: {} ({t})", value(m, e.mean, currency)),
                    (Some(t), Some(false)) => {
                        format!("**missed**: {} ({t})", value(m, e.mean, currency))
                    }
                    _ => "no target".into(),
                };
                let _ = write!(row, " {text} |");
            }
            let _ = writeln!(o, "{row}");
        }
    }

    // Results side by side.
    let metrics = rows(r);
    let _ = writeln!(o, "\n## Results\n");
    let _ = writeln!(
        o,
        "Mean ± half-width of the 95 % confidence interval over simulated days. Counts are per \
         day; ratios are the mean of each day's own ratio. Cost per contact = total cost ÷ \
         offered contacts. Metrics that are zero in every scenario are left out.\n"
    );
    let _ = writeln!(o, "| metric | {} |", names.join(" | "));
    let _ = writeln!(o, "| --- |{}", " ---: |".repeat(names.len()));
    for &m in &metrics {
        let unit = m.def().unit;
        let _ = write!(o, "| {} |", label(m, currency));
        for s in &r.scenarios {
            let e = s.metrics.get(m);
            let _ = write!(
                o,
                " {} |",
                format!(
                    "{} {}",
                    format_value(unit, e.mean),
                    format_half_width(unit, e.half_width)
                )
                .trim_end()
            );
        }
        o.push('\n');
    }

    // Differences against the baseline.
    if let (Some(base), false) = (study.baseline_name(), study.comparisons.is_empty()) {
        let _ = writeln!(
            o,
            "\n## Differences against the baseline ({})\n",
            cell(base)
        );
        let _ = writeln!(
            o,
            "Scenario − baseline, mean ± 95 % half-width from the paired day-by-day differences \
             (common random numbers); in brackets the half-width had they been simulated \
             independently. **Bold**: the interval excludes zero. Shares in percentage points (pp).\n"
        );
        let cols: Vec<String> = study
            .comparisons
            .iter()
            .map(|c| cell(&c.scenario))
            .collect();
        let _ = writeln!(o, "| metric | {} |", cols.join(" | "));
        let _ = writeln!(o, "| --- |{}", " ---: |".repeat(cols.len()));
        for &m in &metrics {
            let _ = write!(o, "| {} |", label(m, currency));
            for c in &study.comparisons {
                let _ = write!(o, " {} |", difference(m.def().unit, &c.metrics.get(m)));
            }
            o.push('\n');
        }
        for c in study.comparisons.iter().filter(|c| !c.paired) {
            let _ = writeln!(
                o,
                "\n{} ran with another seed than the baseline: its differences are unpaired.",
                cell(&c.scenario)
            );
        }
        o.push_str(&return_on_change(study, currency));
    }

    // Charts.
    let _ = writeln!(o, "\n## Charts\n");
    for c in chart::charts(r) {
        let _ = writeln!(
            o,
            "### {}\n\n![{}]({}.png)\n\n[SVG]({}.svg)\n",
            c.title, c.title, c.stem, c.stem
        );
    }

    o.push_str(&score_distribution(r));

    // Notes.
    let _ = writeln!(o, "## Notes\n");
    let _ = writeln!(
        o,
        "- CSAT, NPS and lost value come from each scenario's satisfaction model, not from measurement."
    );
    let models: Vec<String> = r
        .scenarios
        .iter()
        .map(|s| s.satisfaction_model.describe())
        .collect();
    if models.windows(2).all(|w| w[0] == w[1]) {
        if let Some(m) = models.first() {
            let _ = writeln!(o, "- Every scenario: {m}.");
        }
    } else {
        for (s, m) in r.scenarios.iter().zip(&models) {
            let _ = writeln!(o, "- {}: {m}.", cell(&s.name));
        }
    }
    for s in &r.scenarios {
        for w in &s.warnings {
            let _ = writeln!(o, "- {}: warning: {w}.", cell(&s.name));
        }
    }
    let _ = writeln!(
        o,
        "- Every metric is defined in the README; the full figures are in `summary.csv`, \
         `summary.json` and `intervals.csv` ({} metrics).",
        METRICS.len()
    );
    o
}

/// The line saying how the study was simulated: seed, replications, version.
fn how_simulated(study: &Study) -> String {
    let r = study.report;
    let mut seeds: Vec<u64> = r.scenarios.iter().map(|s| s.seed).collect();
    seeds.dedup();
    let mut reps: Vec<u32> = r.scenarios.iter().map(|s| s.replications).collect();
    reps.dedup();
    let seed = match (seeds.as_slice(), &study.seed_source) {
        ([s], Some(src)) => {
            format!("seed {s} for every scenario ({src}), so they share common random numbers")
        }
        ([s], None) => format!("seed {s} for every scenario (common random numbers)"),
        _ => "each scenario's own seed (no common random numbers)".to_string(),
    };
    let reps = match reps.as_slice() {
        [n] => format!("{n} replications per scenario"),
        _ => r
            .scenarios
            .iter()
            .map(|s| format!("{}: {} replications", s.name, s.replications))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let days = match r.scenarios.first().map(|s| s.days) {
        Some(d) if d > 1 => format!(", each {d} consecutive days (counts are per day)"),
        _ => ", each one simulated day".to_string(),
    };
    format!(
        "Simulated by ccsim {} with {seed}, and {reps}{days}.",
        r.ccsim_version
    )
}

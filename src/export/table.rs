//! Plain-text tables for the terminal: scenarios side by side, and per-interval detail.
//! Names and other scenario text are put on one line without control characters
//! ([`one_line`]), and columns are measured in terminal columns, so a name with a line
//! break, an escape sequence or wide characters cannot shift a column.

use std::borrow::Cow;
use std::fmt::Write;

use super::escape::{display_width, one_line};
use super::{format_half_width, format_value};
use crate::compare::Comparison;
use crate::metrics::{Metric, METRICS};
use crate::report::{Report, ScenarioReport};

/// Left-aligns the first column and right-aligns the others; every cell is made
/// [`one_line`] and measured in terminal columns.
pub fn render(rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<Cow<str>>> = rows
        .iter()
        .map(|r| r.iter().map(|c| one_line(c)).collect())
        .collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; cols];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(display_width(c));
        }
    }
    let mut out = String::new();
    for (ri, r) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            let pad = widths[i] - display_width(c);
            if i == 0 {
                line.push_str(c);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(c);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if ri == 0 {
            let total: usize = widths.iter().sum::<usize>() + 2 * (cols.saturating_sub(1));
            out.push_str(&"-".repeat(total));
            out.push('\n');
        }
    }
    out
}

/// The day-level comparison table: one row per metric, one column per scenario.
pub fn summary(report: &Report) -> String {
    let mut rows = vec![{
        let mut h = vec!["metric (per day; mean ±95% CI)".to_string()];
        h.extend(report.scenarios.iter().map(|s| s.name.clone()));
        h.push("target".into());
        h
    }];
    for (i, def) in METRICS.iter().enumerate() {
        let metric = Metric::ALL[i];
        if is_mechanism(metric) && report.scenarios.iter().all(|s| s.metrics.0[i].mean == 0.0) {
            // A mechanism none of these scenarios has: its rows would be all zeros.
            continue;
        }
        let mut row = vec![label(def.label, def.unit, report)];
        let mut target = String::new();
        for s in &report.scenarios {
            let e = s.metrics.0[i];
            let mut cell = format!(
                "{} {}",
                format_value(def.unit, e.mean),
                format_half_width(def.unit, e.half_width)
            );
            if let Some(met) = s.targets.met(metric, &e) {
                cell.push_str(if met { " ok" } else { " MISS" });
            }
            row.push(cell.trim_end().to_string());
            if target.is_empty() {
                target = target_text(s, metric);
            }
        }
        row.push(target);
        rows.push(row);
    }
    let mut out = render(&rows);
    out.push_str(
        "Counts are per simulated day; ratios are the mean of each replication's own ratio.\n\
Cost per contact = total cost ÷ offered; per handled ÷ (answered + callbacks completed);\n\
per resolved ÷ (resolved at contact + deflected). Economic cost = cost + lost value.\n\
CSAT, NPS and lost value come from the scenario's satisfaction model, not from measurement.\n",
    );
    for s in &report.scenarios {
        let _ = writeln!(
            out,
            "{}: {} replications × {} day(s), seed {}, SL threshold {} s, file {}",
            one_line(&s.name),
            s.replications,
            s.days,
            s.seed,
            s.targets.service_level_within_s,
            one_line(&s.file)
        );
        let _ = writeln!(out, "  {}", s.satisfaction_model.describe());
        let shares: Vec<String> = s
            .score_distribution
            .iter()
            .enumerate()
            .map(|(k, e)| format!("{k}: {}", format_value("%", e.mean)))
            .collect();
        let _ = writeln!(out, "  journeys by score: {}", shares.join(", "));
        for w in &s.warnings {
            let _ = writeln!(out, "  warning: {}", one_line(w));
        }
    }
    out
}

/// Paired differences against the baseline, one column per compared scenario, then ROI.
pub fn comparisons(report: &Report, comparisons: &[Comparison]) -> String {
    let Some(first) = comparisons.first() else {
        return String::new();
    };
    let currency = report
        .scenarios
        .first()
        .map(|s| s.currency.as_str())
        .unwrap_or("");
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
        let mut row = vec![label(def.label, def.unit, report)];
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

/// Metrics that count what an optional mechanism does (zero when it is absent).
fn is_mechanism(m: Metric) -> bool {
    use Metric as M;
    matches!(
        m,
        M::Deflected
            | M::Blocked
            | M::BlockingRate
            | M::Redials
            | M::Repeats
            | M::CallbacksOffered
            | M::CallbacksAccepted
            | M::CallbacksCompleted
            | M::CallbacksFailed
            | M::CallbacksWithinPromise
            | M::CallbacksPending
            | M::CarriedOver
            | M::SelfServiceSessions
            | M::CallbackAttempts
            | M::OvertimeAgentHours
    )
}

fn label(label: &str, unit: &str, report: &Report) -> String {
    match unit {
        "money" => format!(
            "{label} ({})",
            report
                .scenarios
                .first()
                .map(|s| s.currency.as_str())
                .unwrap_or("")
        ),
        "s" => format!("{label} (s)"),
        _ => label.to_string(),
    }
}

fn target_text(s: &ScenarioReport, metric: Metric) -> String {
    s.targets
        .checks()
        .into_iter()
        .find(|(m, _, _)| *m == metric)
        .map(|(m, limit, higher)| {
            format!(
                "{} {}",
                if higher { ">=" } else { "<=" },
                format_value(m.def().unit, limit)
            )
        })
        .unwrap_or_default()
}

/// The per-interval table of one scenario.
pub fn intervals(s: &ScenarioReport) -> String {
    let cols = [
        Metric::Offered,
        Metric::Answered,
        Metric::AbandonmentRate,
        Metric::ServiceLevel,
        Metric::AsaS,
        Metric::Occupancy,
        Metric::CostPerContact,
    ];
    let mut header = vec![
        "start".to_string(),
        "volume".into(),
        "paid".into(),
        "productive".into(),
    ];
    header.extend(cols.iter().map(|m| {
        let d = m.def();
        if d.unit == "s" {
            format!("{} (s)", d.label)
        } else {
            d.label.to_string()
        }
    }));
    let mut rows = vec![header];
    for iv in &s.intervals {
        let mut row = vec![
            iv.start.clone(),
            format!("{:.0}", iv.volume),
            iv.paid_agents.to_string(),
            iv.productive_agents.to_string(),
        ];
        for m in cols {
            let e = iv.metrics.get(m);
            let mut cell = format_value(m.def().unit, e.mean);
            if m == Metric::ServiceLevel {
                cell = format!("{cell} {}", format_half_width("%", e.half_width));
                if let Some(met) = s.targets.met(m, &e) {
                    cell.push_str(if met { " ok" } else { " MISS" });
                }
            }
            row.push(cell.trim_end().to_string());
        }
        rows.push(row);
    }
    format!(
        "{} — per interval (by arrival interval)\n{}",
        one_line(&s.name),
        render(&rows)
    )
}

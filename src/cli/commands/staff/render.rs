//! The report of a one-type plan: per-interval table, totals and notes.

use crate::export::table::render;
use crate::export::{format_estimate, format_value, HalfWidth};
use crate::scenario::{Scenario, Targets};
use crate::staffing::{self, Evaluation, Outcome};

/// The text report: per-interval table, totals and notes.
pub fn render_outcome(s: &Scenario, o: &Outcome) -> String {
    let plan = &o.plan;
    let sipp = &o.erlang_eval;
    // A one-type plan: the file's one type served by its one group.
    let (ty, group) = (&s.types[0], &s.groups[0]);
    let t = &ty.targets;
    let mut out = String::new();
    out.push_str(&format!(
        "{} — staffing plan by simulation\n",
        crate::escape::one_line(&s.name)
    ));
    out.push_str(&format!(
        "targets: {}; judged per interval on {} (\"95%\": met by the 95 % bound too)\n",
        targets_summary(t),
        o.criterion.describe()
    ));
    let patience = ty.patience.as_ref().map_or(String::new(), |p| {
        format!(", mean patience {:.0} s", p.mean())
    });
    out.push_str(&format!(
        "Erlang (SIPP): {} per interval on volume / interval length, AHT {:.0} s{}, shrinkage {:.0}%; \
         it ignores the day factor, self-service, callbacks, redials, repeats and queues carried over\n",
        o.erlang.model,
        ty.handling.mean_s(),
        patience,
        group.staffing.shrinkage * 100.0
    ));
    out.push_str(&format!(
        "search: {} simulations ({} replications per candidate, final plans with {}), seed {}\n",
        o.simulations, o.search_replications, plan.replications, s.simulation.seed
    ));
    if let Some(line) = staffing::confirmation(s, o) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');

    let mut rows = vec![vec![
        "start".to_string(),
        "volume".into(),
        "SIPP paid".into(),
        "plan paid".into(),
        "SL".into(),
        "abandon".into(),
        "ASA (s)".into(),
        "occupancy".into(),
        "plan".into(),
        "95%".into(),
        "SIPP SL".into(),
        "SIPP".into(),
    ]];
    for i in 0..s.intervals() {
        let r = &plan.intervals[i];
        let e = &sipp.intervals[i];
        let judged = |x: &staffing::IntervalResult, ok: bool, word: &str| -> String {
            if !x.traffic {
                "-".into()
            } else if ok {
                word.into()
            } else {
                "MISS".into()
            }
        };
        rows.push(vec![
            s.simulation.interval_label(i),
            format!("{:.0}", ty.arrivals.volumes[i]),
            o.erlang.paid[i].to_string(),
            plan.paid[i].to_string(),
            with_hw(r.service_level),
            with_hw(r.abandonment),
            format_value("s", r.asa_s.mean),
            format_value("%", r.occupancy.mean),
            judged(r, r.met(), "met"),
            judged(r, r.met_with_confidence(), "yes").replace("MISS", "no"),
            with_hw(e.service_level),
            judged(e, e.met(), "met"),
        ]);
    }
    out.push_str(&render(&rows));

    let hours = |e: &Evaluation| {
        e.paid.iter().map(|&p| f64::from(p)).sum::<f64>() * f64::from(s.simulation.interval_minutes)
            / 60.0
    };
    let (h_sipp, h_plan) = (hours(sipp), hours(plan));
    let rate = group.agent_hour;
    let cur = &s.costs.currency;
    // A plan that misses targets buys less service: its lower cost is no saving.
    let caveat = if plan.met() {
        ""
    } else {
        " (the simulated plan misses targets: not a saving)"
    };
    out.push('\n');
    out.push_str(&format!(
        "paid agent hours per day:  SIPP {h_sipp:.1}, simulated plan {h_plan:.1}, difference {:+.1}{caveat}\n",
        h_plan - h_sipp + 0.0
    ));
    out.push_str(&format!(
        "paid cost per day ({rate:.2} {cur} per agent hour):  SIPP {:.2}, simulated plan {:.2}, difference {:+.2}{caveat}\n",
        rate * h_sipp,
        rate * h_plan,
        rate * (h_plan - h_sipp) + 0.0 // no "-0.00"
    ));
    out.push_str(&format!(
        "simulated total cost per day (overtime, handling, queue and fixed costs included):  SIPP {}, simulated plan {}\n",
        format_estimate("money", &sipp.cost_total, HalfWidth::Beside),
        format_estimate("money", &plan.cost_total, HalfWidth::Beside),
    ));
    let sipp_misses = match sipp.missed() {
        m if m.is_empty() => "every interval meets the targets".to_string(),
        m => format!("misses in {}", describe_misses(s, sipp, &m)),
    };
    out.push_str(&format!("SIPP plan: {sipp_misses}\n"));
    out.push_str(&misses_and_notes(
        s,
        o,
        "every interval meets the targets",
        "",
    ));
    out
}

/// The last lines of a staffing report: the plan's misses, each named (or `met` when it
/// has none; `scope` follows "in N interval(s)"), then the notes.
pub(super) fn misses_and_notes(s: &Scenario, o: &Outcome, met: &str, scope: &str) -> String {
    let mut out = String::new();
    if o.misses.is_empty() {
        out.push_str(&format!("simulated plan: {met}\n"));
    } else {
        out.push_str(&format!(
            "simulated plan: MISSES {} target(s) in {} interval(s){scope}:\n",
            o.misses.len(),
            o.plan.missed().len()
        ));
        for m in &o.misses {
            out.push_str(&format!("  {}\n", staffing::describe_miss(s, m)));
        }
    }
    if !s.costs.given {
        out.push_str("note: no [costs] table: every cost is 0; add [costs] to price the plans\n");
    }
    for n in &o.notes {
        out.push_str(&format!("note: {n}\n"));
    }
    out
}

/// "SL 80/20, abandonment <= 5.0%".
pub(super) fn targets_summary(t: &Targets) -> String {
    let mut targets = Vec::new();
    if let Some(x) = t.sl_at_least {
        targets.push(format!("SL {:.0}/{:.0}", x * 100.0, t.sl_within_s));
    }
    if let Some(x) = t.abandonment_at_most {
        targets.push(format!("abandonment <= {:.1}%", x * 100.0));
    }
    if let Some(x) = t.asa_at_most_s {
        targets.push(format!("ASA <= {x:.0} s"));
    }
    if let Some(x) = t.occupancy_at_most {
        targets.push(format!("occupancy <= {:.0}%", x * 100.0));
    }
    targets.join(", ")
}

/// "10:30 (SL, ASA), 11:00 (SL)".
fn describe_misses(s: &Scenario, e: &Evaluation, missed: &[usize]) -> String {
    missed
        .iter()
        .map(|&i| {
            let what: Vec<&str> = e.intervals[i].missed().iter().map(|t| t.label()).collect();
            format!("{} ({})", s.simulation.interval_label(i), what.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn with_hw(e: crate::stats::Estimate) -> String {
    format_estimate("%", &e, HalfWidth::Beside)
}

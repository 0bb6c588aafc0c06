//! Paid hours and cost of the plans in a staffing report: per group at its own rate
//! when the groups have tables of their own, else in a line per measure.

use super::layout::Layout;
use crate::escape::one_line;
use crate::export::table::render;
use crate::export::{format_estimate, HalfWidth};
use crate::scenario::Scenario;
use crate::staffing::{Evaluation, Outcome};

/// Paid hours and cost of the Erlang start, the file's plan (when it was tried) and
/// the plan found, then the simulated total cost of each.
pub(super) fn money(s: &Scenario, l: &Layout, o: &Outcome) -> String {
    let plans: Vec<(&str, &Evaluation)> = [
        Some((l.erlang, &o.erlang_eval)),
        o.file_eval.as_ref().map(|f| ("file's plan", f)),
        Some(("simulated plan", &o.plan)),
    ]
    .into_iter()
    .flatten()
    .collect();
    // A plan that misses targets buys less service: its lower cost is no saving.
    let caveat = if o.plan.met() {
        ""
    } else {
        " (the simulated plan misses targets: not a saving)"
    };
    let mut out = if l.groups.is_empty() {
        paid_lines(s, &plans, caveat)
    } else {
        paid_table(s, l, o, &plans, caveat)
    };
    let totals: Vec<String> = plans
        .iter()
        .map(|(name, e)| {
            format!(
                "{name} {}",
                format_estimate("money", &e.cost_total, HalfWidth::Beside)
            )
        })
        .collect();
    out.push_str(&format!(
        "simulated total cost per day (overtime, handling, queue and fixed costs included):  {}\n",
        totals.join(", ")
    ));
    out
}

/// Group `g`'s paid agent hours per day under `e`.
fn hours(s: &Scenario, e: &Evaluation, g: usize) -> f64 {
    e.group(g).iter().map(|&p| f64::from(p)).sum::<f64>() * f64::from(s.simulation.interval_minutes)
        / 60.0
}

/// One group at one rate: hours and cost of each plan on a line, with the difference
/// the plan found makes against the first.
fn paid_lines(s: &Scenario, plans: &[(&str, &Evaluation)], caveat: &str) -> String {
    let cur = &s.costs.currency;
    let rate = s.groups[0].agent_hour;
    let h: Vec<f64> = plans.iter().map(|(_, e)| hours(s, e, 0)).collect();
    let (h0, h1) = (h[0], h[h.len() - 1]);
    let each = |f: &dyn Fn(f64) -> String| -> String {
        plans
            .iter()
            .zip(&h)
            .map(|((name, _), &h)| format!("{name} {}", f(h)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "paid agent hours per day:  {}, difference {:+.1}{caveat}\n\
         paid cost per day ({rate:.2} {cur} per agent hour):  {}, difference {:+.2}{caveat}\n",
        each(&|h| format!("{h:.1}")),
        h1 - h0 + 0.0,
        each(&|h| format!("{:.2}", rate * h)),
        rate * (h1 - h0) + 0.0 // no "-0.00"
    )
}

/// Groups at their own rates: a table of hours and cost per group and plan, and the
/// plan found against each other plan.
fn paid_table(
    s: &Scenario,
    l: &Layout,
    o: &Outcome,
    plans: &[(&str, &Evaluation)],
    caveat: &str,
) -> String {
    let cur = &s.costs.currency;
    let mut rows = vec![std::iter::once("group".to_string())
        .chain(std::iter::once(format!("{cur} per hour")))
        .chain(
            plans
                .iter()
                .flat_map(|(name, _)| [format!("{name} h"), format!("{name} {cur}")]),
        )
        .collect::<Vec<_>>()];
    for (g, group) in l.groups.iter().enumerate() {
        let mut row = vec![
            one_line(&group.name).into_owned(),
            format!("{:.2}", group.agent_hour),
        ];
        for (_, e) in plans {
            let h = hours(s, e, g);
            row.push(format!("{h:.1}"));
            row.push(format!("{:.2}", h * group.agent_hour));
        }
        rows.push(row);
    }
    let mut total = vec!["all groups".to_string(), String::new()];
    for (_, e) in plans {
        let h: f64 = (0..l.groups.len()).map(|g| hours(s, e, g)).sum();
        total.push(format!("{h:.1}"));
        total.push(format!("{:.2}", e.paid_cost));
    }
    rows.push(total);
    let mut out =
        String::from("paid agent hours and paid cost per day, each group at its own rate:\n");
    out.push_str(&render(&rows));
    for (name, e) in &plans[..plans.len() - 1] {
        out.push_str(&format!(
            "simulated plan against the {name}: {:+.2} {cur} paid cost per day{caveat}\n",
            o.plan.paid_cost - e.paid_cost + 0.0 // no "-0.00"
        ));
    }
    out
}

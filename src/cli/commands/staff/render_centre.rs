//! The report of a centre's plan: paid agents per group and interval (start and plan),
//! each type's simulated figures per interval against its own targets, paid hours and
//! cost per group at its own rate, and every miss.

use super::render::{misses_and_notes, targets_summary, with_hw};
use crate::escape::one_line;
use crate::export::table::render;
use crate::export::{format_estimate, format_value, HalfWidth};
use crate::scenario::{Channel, ContactType, Scenario};
use crate::staffing::{self, Evaluation, IntervalResult, Outcome};

/// The text report of a centre's plan.
pub fn render_centre(s: &Scenario, o: &Outcome) -> String {
    let plan = &o.plan;
    let start = match (&o.file_eval, o.started_from_file) {
        (Some(f), true) => f,
        _ => &o.erlang_eval,
    };
    let mut out = String::new();
    out.push_str(&format!(
        "{} — staffing plan by simulation: {} agent groups, {} contact types\n",
        one_line(&s.name),
        s.groups.len(),
        s.types.len()
    ));
    let targets: Vec<String> = s
        .types
        .iter()
        .map(|t| match targets_summary(&t.targets) {
            x if x.is_empty() => format!("{} none", one_line(&t.name)),
            x => format!("{} {x}", one_line(&t.name)),
        })
        .collect();
    // An email's deadline is judged on the whole horizon (its backlog spans intervals).
    let email = if s.types.iter().any(|t| t.channel == Channel::Email) {
        " (an email type's service level over the whole horizon, in each of its intervals)"
    } else {
        ""
    };
    out.push_str(&format!(
        "targets: {}; each type judged per interval{email} on {} (\"95%\": met by the 95 % bound too)\n",
        targets.join("; "),
        o.criterion.describe()
    ));
    out.push_str(&start_line(s, o));
    out.push_str(&format!(
        "search: {} simulations ({} replications per candidate, final plans with {}), seed {}; started from {}\n",
        o.simulations,
        o.search_replications,
        plan.replications,
        s.simulation.seed,
        if o.started_from_file {
            "the file's own plan (it ranked better than the Erlang plan)"
        } else {
            "the Erlang plan"
        }
    ));
    if let Some(line) = staffing::confirmation(s, o) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');

    out.push_str("paid agents per group and interval (start: the plan the search started from)\n");
    let mut rows = vec![std::iter::once("start".to_string())
        .chain(s.groups.iter().flat_map(|g| {
            let name = one_line(&g.name);
            [format!("{name} start"), format!("{name} plan")]
        }))
        .collect::<Vec<_>>()];
    for i in 0..s.intervals() {
        let mut row = vec![s.simulation.interval_label(i)];
        for g in 0..s.groups.len() {
            row.push(start.group(g)[i].to_string());
            row.push(plan.group(g)[i].to_string());
        }
        rows.push(row);
    }
    out.push_str(&render(&rows));
    for (t, ty) in s.types.iter().enumerate() {
        out.push_str(&format!(
            "\n{}: {}\n",
            one_line(&ty.name),
            match targets_summary(&ty.targets) {
                x if x.is_empty() => "no targets".to_string(),
                x => x,
            }
        ));
        out.push_str(&type_table(s, ty, plan.of_type(t), start.of_type(t)));
    }
    out.push('\n');
    out.push_str(&money(s, o));
    for (name, e) in [
        ("Erlang start", Some(&o.erlang_eval)),
        ("file's plan", o.file_eval.as_ref()),
    ] {
        if let Some(e) = e {
            let what = match e.missed() {
                m if m.is_empty() => "every type meets its targets in every interval".to_string(),
                m => format!("misses in {}", describe_misses(s, e, &m)),
            };
            out.push_str(&format!("{name}: {what}\n"));
        }
    }
    out.push_str(&misses_and_notes(
        s,
        o,
        "every type meets its targets in every interval",
        " of its contact types",
    ));
    out
}

/// How the Erlang start was made: which group each type's agents went to.
fn start_line(s: &Scenario, o: &Outcome) -> String {
    let firsts: Vec<String> = s
        .types
        .iter()
        .map(|t| {
            format!(
                "{} -> {}",
                one_line(&t.name),
                one_line(&s.groups[t.routing[0].group].name)
            )
        })
        .collect();
    let overflow: Vec<String> = s
        .groups
        .iter()
        .enumerate()
        .filter(|(g, _)| !s.types.iter().any(|t| t.routing[0].group == *g))
        .map(|(_, g)| one_line(&g.name).into_owned())
        .collect();
    let rest = if overflow.is_empty() {
        String::new()
    } else {
        format!(
            "; no type's first group ({}) starts at the fewest agents allowed",
            overflow.join(", ")
        )
    };
    format!(
        "Erlang (SIPP) start: {} per interval on each type's own load, its agents given to the first group of its routing ({}), grossed up for that group's shrinkage{rest}; it ignores pooling, the day factor, self-service, callbacks, redials, repeats and queues carried over\n",
        o.erlang.model,
        firsts.join(", ")
    )
}

/// One type's figures per interval under the plan, and whether the start met.
fn type_table(
    s: &Scenario,
    ty: &ContactType,
    plan: &[IntervalResult],
    start: &[IntervalResult],
) -> String {
    let mut rows = vec![vec![
        "start".to_string(),
        "volume".into(),
        "SL".into(),
        "abandon".into(),
        "ASA (s)".into(),
        "occupancy".into(),
        "plan".into(),
        "95%".into(),
        "start SL".into(),
        "start".into(),
    ]];
    let judged = |x: &IntervalResult, ok: bool, word: &str| -> String {
        if !x.traffic {
            "-".into()
        } else if ok {
            word.into()
        } else {
            "MISS".into()
        }
    };
    for (i, (r, e)) in plan.iter().zip(start).enumerate() {
        rows.push(vec![
            s.simulation.interval_label(i),
            format!("{:.0}", ty.arrivals.volumes[i]),
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
    render(&rows)
}

/// Paid hours and cost per group at its own rate for the Erlang start, the file's
/// plan and the plan found, then the simulated total cost.
fn money(s: &Scenario, o: &Outcome) -> String {
    let cur = &s.costs.currency;
    let hours = |e: &Evaluation, g: usize| {
        e.group(g).iter().map(|&p| f64::from(p)).sum::<f64>()
            * f64::from(s.simulation.interval_minutes)
            / 60.0
    };
    let plans: Vec<(&str, &Evaluation)> = [
        Some(("Erlang start", &o.erlang_eval)),
        o.file_eval.as_ref().map(|f| ("file's plan", f)),
        Some(("simulated plan", &o.plan)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut rows = vec![std::iter::once("group".to_string())
        .chain(std::iter::once(format!("{cur} per hour")))
        .chain(
            plans
                .iter()
                .flat_map(|(name, _)| [format!("{name} h"), format!("{name} {cur}")]),
        )
        .collect::<Vec<_>>()];
    for (g, group) in s.groups.iter().enumerate() {
        let mut row = vec![
            one_line(&group.name).into_owned(),
            format!("{:.2}", group.agent_hour),
        ];
        for (_, e) in &plans {
            let h = hours(e, g);
            row.push(format!("{h:.1}"));
            row.push(format!("{:.2}", h * group.agent_hour));
        }
        rows.push(row);
    }
    let mut total = vec!["all groups".to_string(), String::new()];
    for (_, e) in &plans {
        let h: f64 = (0..s.groups.len()).map(|g| hours(e, g)).sum();
        total.push(format!("{h:.1}"));
        total.push(format!("{:.2}", e.paid_cost));
    }
    rows.push(total);
    let mut out =
        String::from("paid agent hours and paid cost per day, each group at its own rate:\n");
    out.push_str(&render(&rows));
    // A plan that misses targets buys less service: its lower cost is no saving.
    let caveat = if o.plan.met() {
        ""
    } else {
        " (the simulated plan misses targets: not a saving)"
    };
    for (name, e) in &plans[..plans.len() - 1] {
        out.push_str(&format!(
            "simulated plan against the {name}: {:+.2} {cur} paid cost per day{caveat}\n",
            o.plan.paid_cost - e.paid_cost + 0.0 // no "-0.00"
        ));
    }
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

/// "english 10:30 (SL), 11:00 (SL); spanish 09:00 (abandonment)".
fn describe_misses(s: &Scenario, e: &Evaluation, missed: &[usize]) -> String {
    let n = s.intervals();
    s.types
        .iter()
        .enumerate()
        .filter_map(|(t, ty)| {
            let here: Vec<String> = missed
                .iter()
                .filter(|&&k| k / n == t)
                .map(|&k| {
                    let what: Vec<&str> =
                        e.intervals[k].missed().iter().map(|x| x.label()).collect();
                    format!(
                        "{} ({})",
                        s.simulation.interval_label(k % n),
                        what.join(", ")
                    )
                })
                .collect();
            (!here.is_empty()).then(|| format!("{} {}", one_line(&ty.name), here.join(", ")))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

//! The report of a plan, one layout for every scenario: how the search ran, paid agents
//! per interval, each type's simulated figures against its own targets, paid hours and
//! cost, and every miss. What differs between a centre's report and a one-type file's
//! is data (`Layout`): whether types and groups are named, and whether the groups get
//! tables of their own or their agents stand beside the one type's figures.

use super::layout::Layout;
use super::money::money;
use crate::escape::one_line;
use crate::export::table::render;
use crate::export::{format_estimate, format_value, HalfWidth};
use crate::scenario::{Channel, Scenario, Targets};
use crate::staffing::{self, Evaluation, IntervalResult, Outcome};

/// The text report of a plan, for either shape of scenario.
pub fn render_outcome(s: &Scenario, o: &Outcome) -> String {
    let l = Layout::of(s);
    let plan = &o.plan;
    let start = match (&o.file_eval, o.started_from_file) {
        (Some(f), true) => f,
        _ => &o.erlang_eval,
    };
    let mut out = format!(
        "{} — staffing plan by simulation{}\n",
        one_line(&s.name),
        if l.groups.is_empty() {
            String::new()
        } else {
            format!(
                ": {} agent groups, {} contact types",
                s.groups.len(),
                s.types.len()
            )
        }
    );
    let targets: Vec<String> = s
        .types
        .iter()
        .map(|t| match targets_summary(&t.targets) {
            x if x.is_empty() => format!("{}none", s.type_prefix(&t.name, " ")),
            x => format!("{}{x}", s.type_prefix(&t.name, " ")),
        })
        .collect();
    // An email's deadline is judged on the whole horizon (its backlog spans intervals).
    let email = if s.types.iter().any(|t| t.channel == Channel::Email) {
        " (an email type's service level over the whole horizon, in each of its intervals)"
    } else {
        ""
    };
    out.push_str(&format!(
        "targets: {}; {}judged per interval{email} on {} (\"95%\": met by the 95 % bound too)\n",
        targets.join("; "),
        if l.named { "each type " } else { "" },
        o.criterion.describe()
    ));
    out.push_str(&start_line(s, &l, o));
    let from = match (&o.file_eval, o.started_from_file) {
        (None, _) => "",
        (Some(_), true) => {
            "; started from the file's own plan (it ranked better than the Erlang plan)"
        }
        (Some(_), false) => "; started from the Erlang plan",
    };
    out.push_str(&format!(
        "search: {} simulations ({} replications per candidate, final plans with {}), seed {}{from}\n",
        o.simulations, o.search_replications, plan.replications, s.simulation.seed
    ));
    if let Some(line) = staffing::confirmation(s, o) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&agents_table(s, &l, start, plan));
    for (t, ty) in s.types.iter().enumerate() {
        if l.named {
            out.push_str(&format!(
                "\n{}: {}\n",
                one_line(&ty.name),
                match targets_summary(&ty.targets) {
                    x if x.is_empty() => "no targets".to_string(),
                    x => x,
                }
            ));
        }
        out.push_str(&type_table(s, &l, t, start, plan));
    }
    out.push('\n');
    out.push_str(&money(s, &l, o));
    for (name, e) in [
        (l.erlang_plan, Some(&o.erlang_eval)),
        ("file's plan", o.file_eval.as_ref()),
    ] {
        if let Some(e) = e {
            let what = match e.missed() {
                m if m.is_empty() => l.met.to_string(),
                m => format!("misses in {}", describe_misses(s, e, &m)),
            };
            out.push_str(&format!("{name}: {what}\n"));
        }
    }
    out.push_str(&misses_and_notes(s, o, &l));
    out
}

/// How the Erlang start was made: for named types, which group each type's agents went
/// to; for a one-type file, the handling and shrinkage it assumed.
fn start_line(s: &Scenario, l: &Layout, o: &Outcome) -> String {
    if !l.named {
        let (ty, group) = (&s.types[0], &s.groups[0]);
        let patience = ty.patience.as_ref().map_or(String::new(), |p| {
            format!(", mean patience {:.0} s", p.mean())
        });
        return format!(
            "Erlang (SIPP): {} per interval on volume / interval length, AHT {:.0} s{}, shrinkage {:.0}%; \
             it ignores the day factor, self-service, callbacks, redials, repeats and queues carried over\n",
            o.erlang.model,
            ty.handling.mean_s(),
            patience,
            group.staffing.shrinkage * 100.0
        );
    }
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

/// Paid agents per interval of each group with a table of its own, start and plan
/// (nothing when every group stands beside its type).
fn agents_table(s: &Scenario, l: &Layout, start: &Evaluation, plan: &Evaluation) -> String {
    if l.groups.is_empty() {
        return String::new();
    }
    let mut rows = vec![std::iter::once("start".to_string())
        .chain(l.groups.iter().flat_map(|g| {
            let name = one_line(&g.name);
            [format!("{name} start"), format!("{name} plan")]
        }))
        .collect::<Vec<_>>()];
    for i in 0..s.intervals() {
        let mut row = vec![s.simulation.interval_label(i)];
        for g in 0..l.groups.len() {
            row.push(start.group(g)[i].to_string());
            row.push(plan.group(g)[i].to_string());
        }
        rows.push(row);
    }
    format!(
        "paid agents per group and interval (start: the plan the search started from)\n{}",
        render(&rows)
    )
}

/// Type `t`'s figures per interval under the plan, and whether the start met; the
/// agents of the groups standing beside it come after its volume.
fn type_table(s: &Scenario, l: &Layout, t: usize, start: &Evaluation, plan: &Evaluation) -> String {
    let ty = &s.types[t];
    let paid = l
        .beside
        .iter()
        .flat_map(|_| [format!("{} paid", l.start), "plan paid".to_string()]);
    let mut rows = vec![["start", "volume"]
        .into_iter()
        .map(String::from)
        .chain(paid)
        .chain(
            ["SL", "abandon", "ASA (s)", "occupancy", "plan", "95%"]
                .into_iter()
                .map(String::from),
        )
        .chain([format!("{} SL", l.start), l.start.to_string()])
        .collect::<Vec<_>>()];
    let judged = |x: &IntervalResult, ok: bool, word: &str| -> String {
        if !x.traffic {
            "-".into()
        } else if ok {
            word.into()
        } else {
            "MISS".into()
        }
    };
    let (results, starts) = (plan.of_type(t), start.of_type(t));
    for (i, (r, e)) in results.iter().zip(starts).enumerate() {
        let mut row = vec![
            s.simulation.interval_label(i),
            format!("{:.0}", ty.arrivals.volumes[i]),
        ];
        for g in 0..l.beside.len() {
            row.push(start.group(g)[i].to_string());
            row.push(plan.group(g)[i].to_string());
        }
        row.extend([
            with_hw(r.service_level),
            with_hw(r.abandonment),
            format_value("s", r.asa_s.mean),
            format_value("%", r.occupancy.mean),
            judged(r, r.met(), "met"),
            judged(r, r.met_with_confidence(), "yes").replace("MISS", "no"),
            with_hw(e.service_level),
            judged(e, e.met(), "met"),
        ]);
        rows.push(row);
    }
    render(&rows)
}

/// The last lines of a staffing report: the plan's misses, each named, then the notes.
fn misses_and_notes(s: &Scenario, o: &Outcome, l: &Layout) -> String {
    let mut out = String::new();
    if o.misses.is_empty() {
        out.push_str(&format!("simulated plan: {}\n", l.met));
    } else {
        out.push_str(&format!(
            "simulated plan: MISSES {} target(s) in {} interval(s){}:\n",
            o.misses.len(),
            o.plan.missed().len(),
            l.scope
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
fn targets_summary(t: &Targets) -> String {
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

/// "english 10:30 (SL), 11:00 (SL); spanish 09:00 (abandonment)" (a one-type file's
/// intervals unnamed: "10:30 (SL), 11:00 (SL)").
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
            (!here.is_empty())
                .then(|| format!("{}{}", s.type_prefix(&ty.name, " "), here.join(", ")))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn with_hw(e: crate::stats::Estimate) -> String {
    format_estimate("%", &e, HalfWidth::Beside)
}

//! `ccsim check`: validate scenario files and print each one resolved, with every default
//! filled in, so a planner sees exactly what would be simulated.

mod journey;

use std::fmt::Write;

use crate::cli::CheckArgs;
use crate::error::{Error, Result};
use crate::escape::one_line;
use crate::limits::shown;
use crate::scenario::Scenario;

/// Validates every file, prints the good ones resolved and every bad one's error, and
/// fails when any file is bad (a planner fixes a folder in one pass, not file by file).
pub fn run(args: &CheckArgs) -> Result<()> {
    let mut bad = 0;
    for file in &args.files {
        match crate::overrides::load(Some(file), &args.set) {
            Ok((s, _)) => crate::terminal::print(&describe(&s))?,
            Err(e) => {
                bad += 1;
                eprintln!("error: {e}");
            }
        }
    }
    match bad {
        0 => Ok(()),
        _ => Err(Error::Other(format!(
            "{bad} of {} invalid",
            crate::words::count(args.files.len() as u64, "scenario file")
        ))),
    }
}

/// A human-readable account of a validated scenario (a centre of several types: each
/// type, then its groups and the routing as tables).
pub fn describe(s: &Scenario) -> String {
    let mut o = describe_shape(s);
    let rules = crate::report::RulesReport::of(s).describe();
    if !rules.is_empty() {
        let _ = writeln!(o, "\n  contract rules in use:");
        for r in rules {
            let _ = writeln!(o, "    {r}");
        }
    }
    o
}

/// The scenario as written: a one-type file's tables, or a centre's types and groups.
fn describe_shape(s: &Scenario) -> String {
    let mut o = header(s);
    // A one-type file is shown as written: its one type's tables with its staffing.
    if !s.is_centre() {
        o.push_str(&describe_type(s, 0, true));
        return o;
    }
    let _ = writeln!(
        o,
        "  centre: {} contact type(s) served by {} agent group(s)",
        s.types.len(),
        s.groups.len()
    );
    for (k, t) in s.types.iter().enumerate() {
        let _ = writeln!(o, "\n  type \"{}\":", t.name);
        if let Some((from, share)) = &t.moved_from {
            let _ = writeln!(
                o,
                "    moved volume: share {} of \"{}\"'s volumes (which keeps the rest), shown below",
                shown(*share),
                one_line(from)
            );
        }
        // The type's own tables, as a one-type file would show them (without staffing).
        for line in describe_type(s, k, false).lines() {
            let _ = writeln!(o, "  {line}");
        }
    }
    let mut groups = vec![vec![
        "group".to_string(),
        "paid agents".into(),
        "shrinkage".into(),
        "agent hour".into(),
        "serves (priority order)".into(),
        "pick".into(),
    ]];
    for g in &s.groups {
        let serves: Vec<&str> = g.serves.iter().map(|&t| s.types[t].name.as_str()).collect();
        groups.push(vec![
            g.name.clone(),
            format!("{:?}", g.staffing.paid),
            g.staffing.shrinkage.to_string(),
            shown(g.agent_hour),
            serves.join(", "),
            g.pick.key().into(),
        ]);
    }
    let _ = writeln!(o, "\n  agent groups:");
    for line in crate::export::table::render(&groups).lines() {
        let _ = writeln!(o, "    {line}");
    }
    let steps = s.types.iter().map(|t| t.routing.len()).max().unwrap_or(0);
    let mut routing = vec![std::iter::once("type".to_string())
        .chain((1..=steps).map(|k| format!("step {k}")))
        .collect::<Vec<_>>()];
    for t in &s.types {
        let mut row = vec![t.name.clone()];
        for r in &t.routing {
            let name = &s.groups[r.group].name;
            row.push(if r.after_s > 0.0 {
                format!("{name} after {} s", shown(r.after_s))
            } else {
                name.clone()
            });
        }
        row.resize(steps + 1, String::new());
        routing.push(row);
    }
    let _ = writeln!(
        o,
        "\n  routing (an arriving contact takes the first free agent, in this order):"
    );
    for line in crate::export::table::render(&routing).lines() {
        let _ = writeln!(o, "    {line}");
    }
    for w in crate::model::deadline_warnings(s) {
        let _ = writeln!(o, "\n  warning: {}", one_line(&w));
    }
    o
}

/// The first lines of every account: file, name, description and the simulation settings.
fn header(s: &Scenario) -> String {
    let mut o = String::new();
    let sim = &s.simulation;
    let _ = writeln!(
        o,
        "{}: ok — \"{}\"",
        s.file.display(),
        crate::escape::one_line(&s.name)
    );
    if let Some(d) = &s.description {
        let _ = writeln!(o, "  description: {}", crate::escape::one_line(d));
    }
    // Shown only for a stress test, so the account of an option reads as it always did.
    if s.role == crate::scenario::Role::Stress {
        let _ = writeln!(
            o,
            "  role: stress (a shock to the current plan: never ranked, no ROI, read as a risk)"
        );
    }
    let _ = writeln!(
        o,
        "  simulation: {} replications × {}, seed {}, {} intervals of {} min from {}",
        sim.replications,
        crate::words::count(sim.days.into(), "day"),
        sim.seed,
        s.intervals(),
        sim.interval_minutes,
        sim.interval_label(0)
    );
    // Shown only when set, so the account of a file without it reads as it always did.
    if sim.shared_day_cv > 0.0 {
        let _ = writeln!(
            o,
            "  shared day factor: CV {}, one draw per day multiplying every type's rates",
            shown(sim.shared_day_cv)
        );
    }
    o.push_str(&calendar_lines(s));
    o
}

/// A dated horizon's dates and opening hours (nothing for an undated file).
fn calendar_lines(s: &Scenario) -> String {
    use crate::scenario::calendar::{format_date, weekday_key, WEEKDAYS};
    let (Some(first), Some(last)) = (s.date_of(0), s.date_of(s.simulation.days - 1)) else {
        return String::new();
    };
    let mut o = format!(
        "  dates: {} ({}) to {} ({})\n",
        format_date(first),
        weekday_key(first),
        format_date(last),
        weekday_key(last)
    );
    if let Some(c) = &s.calendar {
        let hours: Vec<String> = WEEKDAYS
            .iter()
            .zip(&c.hours)
            .map(|(day, w)| match w.is_empty() {
                true => format!("{day} closed"),
                false => format!(
                    "{day} {}-{}",
                    s.simulation.interval_label(w.start),
                    s.simulation.interval_label(w.end).replace("00:00", "24:00")
                ),
            })
            .collect();
        let closed: Vec<String> = c.closed.iter().map(|d| format_date(*d)).collect();
        o.push_str(&format!("  opening hours: {}\n", hours.join(", ")));
        if !closed.is_empty() {
            o.push_str(&format!("  closed dates: {}\n", closed.join(", ")));
        }
    }
    o
}

/// Type `k`'s tables; with `staffing` (a one-type file), its one group's staffing, the
/// trunk lines and the costs among them, where a one-type file has them.
fn describe_type(sc: &Scenario, k: usize, staffing: bool) -> String {
    let s = &sc.types[k];
    let mut o = String::new();
    let total: f64 = s.arrivals.volumes.iter().sum();
    let _ = writeln!(
        o,
        "  arrivals: {total:.0} expected fresh contacts per day, day factor CV {}",
        shown(s.arrivals.day_cv)
    );
    let _ = writeln!(
        o,
        "  handling: talk {}, wrap-up {} (AHT {:.1} s)",
        s.handling.time,
        s.handling
            .wrap_up
            .as_ref()
            .map_or("none".to_string(), |w| w.to_string()),
        s.handling.mean_s()
    );
    let _ = writeln!(
        o,
        "  patience: {}",
        s.patience
            .as_ref()
            .map_or("none (nobody abandons)".to_string(), |p| p.to_string())
    );
    for (what, factors) in [
        ("handle time", s.handling.interval_factors.as_deref()),
        ("patience", s.patience_factors.as_deref()),
    ] {
        if let Some(f) = factors {
            let shown_factors: Vec<String> = f.iter().map(|&x| shown(x)).collect();
            let _ = writeln!(
                o,
                "    {what} factors by interval: [{}]",
                shown_factors.join(", ")
            );
        }
    }
    if staffing {
        staffing_lines(&mut o, sc);
    }
    if !s.arrivals.day_factors.is_empty() {
        let _ = writeln!(o, "  day factors: {:?}", s.arrivals.day_factors);
    }
    if staffing {
        costs_line(&mut o, &sc.costs);
    }
    let t = &s.targets;
    let opt = |x: Option<f64>| x.map_or("-".to_string(), shown);
    let _ = writeln!(
        o,
        "  targets: SL {} within {} s, abandonment <= {}, ASA <= {} s, occupancy <= {}",
        opt(t.sl_at_least),
        shown(t.sl_within_s),
        opt(t.abandonment_at_most),
        opt(t.asa_at_most_s),
        opt(t.occupancy_at_most)
    );
    o.push_str(&journey::describe(s));
    o
}

/// The one group's staffing and the trunk lines, as a one-type file's `[staffing]`.
fn staffing_lines(o: &mut String, sc: &Scenario) {
    let g = &sc.groups[0].staffing;
    let productive: Vec<u32> = (0..sc.intervals()).map(|i| g.productive(i)).collect();
    let _ = writeln!(
        o,
        "  staffing: shrinkage {}, lines {}\n    paid       {:?}\n    productive {:?}",
        g.shrinkage,
        sc.lines.map_or("unlimited".to_string(), |l| l.to_string()),
        g.paid,
        productive
    );
    if let Some(r) = &g.roster {
        let _ = writeln!(o, "    {}", r.summary());
    }
}

fn costs_line(o: &mut String, c: &crate::scenario::Costs) {
    if c.given {
        let _ = writeln!(
            o,
            "  costs ({}): agent hour {}, per handled minute {}, per queued minute {}, fixed per day {}",
            one_line(&c.currency),
            shown(c.agent_hour),
            shown(c.per_handled_minute),
            shown(c.per_queued_minute),
            shown(c.fixed_per_day)
        );
    } else {
        let _ = writeln!(o, "  costs: none given (all 0)");
    }
}

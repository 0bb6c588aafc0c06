//! The report of `ccsim schedule`: paid hours of the per-interval plan, the integer
//! program (with its bound and gap) and the repaired roster; the shifts; the coverage.

use crate::escape::one_line;
use crate::export::table::render;
use crate::scenario::Scenario;
use crate::staffing::roster::{PlanDay, Schedule, Stop};

/// The text report.
pub fn render_schedule(s: &Scenario, sc: &Schedule, seconds: f64) -> String {
    let mut out = format!(
        "{} — roster by integer program and simulation\n",
        one_line(&s.name)
    );
    let days = s.simulation.days;
    let over = if days == 1 {
        "per day".to_string()
    } else {
        format!("over {days} days")
    };
    let pct = |x: f64| {
        if sc.plan_paid_hours > 0.0 {
            format!("{:+.1} %", (x / sc.plan_paid_hours - 1.0) * 100.0)
        } else {
            "-".into()
        }
    };
    let stops: Vec<&str> = sc
        .days
        .iter()
        .map(|d| match d.mip.stop {
            Stop::Solved => "solved",
            Stop::Limit => "limit",
        })
        .collect();
    let proven = if sc.proven() && sc.gap() <= 1e-9 {
        "optimal (equal to the bound)".to_string()
    } else if sc.proven() {
        "stopped within the gap asked for".to_string()
    } else {
        "not proven: the solver stopped on --mip-nodes / --mip-seconds".to_string()
    };
    let mip_seconds: f64 = sc.days.iter().map(|d| d.mip.seconds).sum();
    let repairs: usize = sc.days.iter().map(|d| d.repairs.len() * d.days.len()).sum();
    let sims: usize = sc.days.iter().map(|d| d.simulations).sum();
    out.push_str(&format!("paid agent hours {over}:\n"));
    out.push_str(&format!(
        "  per-interval plan (ccsim staff)   {:>9.1}\n",
        sc.plan_paid_hours
    ));
    out.push_str(&format!(
        "  LP bound of the integer program   {:>9.1}  {}\n",
        sc.mip_bound_hours,
        pct(sc.mip_bound_hours)
    ));
    out.push_str(&format!(
        "  integer program's roster          {:>9.1}  {}  gap to the bound {:.2} %, {proven} ({}, {:.2} s{})\n",
        sc.mip_paid_hours,
        pct(sc.mip_paid_hours),
        sc.gap() * 100.0,
        sc.solver,
        mip_seconds,
        if stops.contains(&"limit") { ", a limit reached" } else { "" }
    ));
    out.push_str(&format!(
        "  roster after simulation + repair  {:>9.1}  {}  ({repairs} agent shift(s) added)\n",
        sc.paid_hours,
        pct(sc.paid_hours)
    ));
    out.push_str(&format!(
        "{sims} simulations, seed {}, {} replications each; {:.1} s\n",
        s.simulation.seed, s.simulation.replications, seconds
    ));
    for d in &sc.days {
        out.push('\n');
        out.push_str(&day_section(s, sc, d));
    }
    if !s.costs.given {
        out.push_str("note: no [costs] table: paid hours are not priced\n");
    }
    out
}

fn day_section(s: &Scenario, sc: &Schedule, d: &PlanDay) -> String {
    let mut out = String::new();
    if sc.days.len() > 1 {
        let list: Vec<String> = d.days.iter().map(|x| (x + 1).to_string()).collect();
        out.push_str(&format!(
            "day(s) {} (volumes × {}):\n",
            list.join(", "),
            d.factor
        ));
    }
    let open = s.simulation.open_minute;
    let mut rows = vec![vec![
        "start".to_string(),
        "end".into(),
        "hours".into(),
        "paid h".into(),
        "breaks".into(),
        "agents".into(),
    ]];
    for sh in &d.shifts {
        let breaks: Vec<String> = sh
            .breaks
            .iter()
            .map(|b| {
                format!(
                    "{} {} min{}",
                    crate::scenario::clock(open + sh.start + b.after),
                    b.minutes,
                    if b.paid { " paid" } else { "" }
                )
            })
            .collect();
        rows.push(vec![
            crate::scenario::clock(open + sh.start),
            crate::scenario::clock(open + sh.end()),
            format!("{}", f64::from(sh.minutes) / 60.0),
            format!("{}", f64::from(sh.paid_minutes()) / 60.0),
            if breaks.is_empty() {
                "-".into()
            } else {
                breaks.join(", ")
            },
            sh.agents.to_string(),
        ]);
    }
    out.push_str(&render(&rows));
    let cover = super::coverage_of(s, sc);
    let offset = sc.days.iter().take_while(|x| !std::ptr::eq(*x, d)).count() * s.intervals();
    let mut rows = vec![vec![
        "start".to_string(),
        "plan paid".into(),
        "required".into(),
        "rostered".into(),
        "SL".into(),
        "abandon".into(),
        "targets".into(),
    ]];
    for i in 0..s.intervals() {
        let r = &d.eval.intervals[i];
        rows.push(vec![
            s.simulation.interval_label(i),
            d.plan_paid[i].to_string(),
            format!("{:.0}", cover.required[offset + i]),
            format!("{:.1}", cover.rostered[offset + i]),
            crate::export::format_value("%", r.service_level.mean),
            crate::export::format_value("%", r.abandonment.mean),
            if !r.traffic {
                "-".into()
            } else if r.met() {
                "met".into()
            } else {
                "MISS".into()
            },
        ]);
    }
    out.push_str("productive agents per interval (required by the plan, rostered: expected):\n");
    out.push_str(&render(&rows));
    if !d.plan_met {
        out.push_str("note: the per-interval plan itself misses a target here\n");
    }
    if d.budget_hit {
        out.push_str("note: the repair stopped on --max-repairs with misses left\n");
    }
    out
}

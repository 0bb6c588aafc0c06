//! The report of `ccsim schedule`: paid hours of the per-interval plan, the integer
//! program (with its bound and gap) and the repaired roster; the shifts; the coverage.

use crate::escape::one_line;
use crate::export::table::render;
use crate::scenario::Scenario;
use crate::staffing::roster::{PlanDay, Schedule, Stop};

/// Below this share the roster's paid hours equal the LP bound (rounding of sums).
const GAP_TOLERANCE: f64 = 1e-9;

/// Whether the roster is proven the cheapest, in words: a roster equal to the bound is
/// optimal however the solver stopped (no roster can cost less than the bound); else
/// the solver either reached the gap asked for or stopped on a limit.
fn proof(gap: f64, solver_proved: bool) -> String {
    if gap <= GAP_TOLERANCE {
        "proven optimal (equal to the bound)".to_string()
    } else if solver_proved {
        "within the gap asked for (--mip-gap)".to_string()
    } else {
        "not proven optimal: the solver stopped on --mip-nodes / --mip-seconds before closing the gap".to_string()
    }
}

/// The gap as a percentage with as many decimals as it takes not to print a positive
/// gap as 0 (up to 6), and "0 %" for none.
fn gap_text(gap: f64) -> String {
    if gap <= GAP_TOLERANCE {
        return "0 %".to_string();
    }
    let mut text = String::new();
    for d in 2..=6 {
        text = format!("{:.*}", d, gap * 100.0);
        if !text.trim_end_matches(['0', '.']).is_empty() {
            break;
        }
    }
    format!("{text} %")
}

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
    let proven = proof(sc.gap(), sc.proven());
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
        "  integer program's roster          {:>9.1}  {}  gap to the bound {}, {proven} ({}, {:.2} s{})\n",
        sc.mip_paid_hours,
        pct(sc.mip_paid_hours),
        gap_text(sc.gap()),
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
    for section in [
        super::week_report::overhead_section(s, sc),
        super::week_report::coverage_section(s, sc),
    ] {
        if !section.is_empty() {
            out.push('\n');
            out.push_str(&section);
        }
    }
    for d in &sc.days {
        out.push('\n');
        out.push_str(&day_section(s, sc, d));
    }
    for w in &sc.weeks {
        out.push('\n');
        out.push_str(&super::agents::week_table(s, w));
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
    let n = s.intervals();
    // A centre's results run type after type: a pair of columns per type.
    let types = d.eval.intervals.len() / n.max(1);
    let named = |what: &str, t: usize| {
        if types > 1 {
            format!("{what} {}", s.types.get(t).map_or("", |x| x.name.as_str()))
        } else {
            what.to_string()
        }
    };
    let mut head = vec![
        "start".to_string(),
        "plan paid".into(),
        "required".into(),
        "rostered".into(),
    ];
    head.extend((0..types).map(|t| named("SL", t)));
    head.extend((0..types).map(|t| named("abandon", t)));
    head.push("targets".into());
    let mut rows = vec![head];
    for i in 0..n {
        // A centre's interval is met when every type's is.
        let each = (0..types).map(|t| &d.eval.intervals[t * n + i]);
        let traffic = each.clone().any(|x| x.traffic);
        let met = each.clone().filter(|x| x.traffic).all(|x| x.met());
        let mut row = vec![
            s.simulation.interval_label(i),
            d.plan_paid[i].to_string(),
            format!("{:.0}", cover.required[offset + i]),
            format!("{:.1}", cover.rostered[offset + i]),
        ];
        row.extend(
            each.clone()
                .map(|r| crate::export::format_value("%", r.service_level.mean)),
        );
        row.extend(each.map(|r| crate::export::format_value("%", r.abandonment.mean)));
        row.push(if !traffic {
            "-".into()
        } else if met {
            "met".into()
        } else {
            "MISS".into()
        });
        rows.push(row);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_of_zero_is_optimal_and_a_small_gap_is_not_printed_as_zero() {
        // The solver stopped on a limit with a roster equal to the bound: still optimal.
        assert_eq!(proof(0.0, false), "proven optimal (equal to the bound)");
        assert_eq!(gap_text(0.0), "0 %");
        assert_eq!(gap_text(0.00004), "0.004 %");
        assert_eq!(gap_text(0.0452), "4.52 %");
        let open = proof(0.00004, false);
        assert!(open.starts_with("not proven optimal"), "{open}");
        assert!(proof(0.01, true).contains("--mip-gap"));
    }
}

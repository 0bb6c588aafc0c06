//! `ccsim check`: validate scenario files and print each one resolved, with every default
//! filled in, so a planner sees exactly what would be simulated.

use std::fmt::Write;

use crate::cli::CheckArgs;
use crate::error::Result;
use crate::scenario::Scenario;

/// Validates every file (stopping at the first bad one) and prints them resolved.
pub fn run(args: &CheckArgs) -> Result<()> {
    let scenarios = args
        .files
        .iter()
        .map(|f| Scenario::load(f))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let text: String = scenarios.iter().map(describe).collect();
    crate::terminal::print(&text)
}

/// A human-readable account of a validated scenario.
pub fn describe(s: &Scenario) -> String {
    let mut o = String::new();
    let sim = &s.simulation;
    let _ = writeln!(o, "{}: ok — \"{}\"", s.file.display(), s.name);
    if let Some(d) = &s.description {
        let _ = writeln!(o, "  description: {d}");
    }
    let _ = writeln!(
        o,
        "  simulation: {} replications × {} day(s), seed {}, {} intervals of {} min from {}",
        sim.replications,
        sim.days,
        sim.seed,
        s.intervals(),
        sim.interval_minutes,
        sim.interval_label(0)
    );
    let total: f64 = s.arrivals.volumes.iter().sum();
    let _ = writeln!(
        o,
        "  arrivals: {total:.0} expected fresh contacts per day, day factor CV {}",
        s.arrivals.day_cv
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
    let productive: Vec<u32> = (0..s.intervals())
        .map(|i| s.staffing.productive(i))
        .collect();
    let _ = writeln!(
        o,
        "  staffing: shrinkage {}, lines {}\n    paid       {:?}\n    productive {:?}",
        s.staffing.shrinkage,
        s.staffing
            .lines
            .map_or("unlimited".to_string(), |l| l.to_string()),
        s.staffing.paid,
        productive
    );
    let c = &s.costs;
    if c.given {
        let _ = writeln!(
            o,
            "  costs ({}): agent hour {}, per handled minute {}, per queued minute {}, fixed per day {}",
            c.currency, c.agent_hour, c.per_handled_minute, c.per_queued_minute, c.fixed_per_day
        );
    } else {
        let _ = writeln!(o, "  costs: none given (all 0)");
    }
    let t = &s.targets;
    let opt = |x: Option<f64>| x.map_or("-".to_string(), |v| v.to_string());
    let _ = writeln!(
        o,
        "  targets: SL {} within {} s, abandonment <= {}, ASA <= {} s, occupancy <= {}",
        opt(t.sl_at_least),
        t.sl_within_s,
        opt(t.abandonment_at_most),
        opt(t.asa_at_most_s),
        opt(t.occupancy_at_most)
    );
    o
}

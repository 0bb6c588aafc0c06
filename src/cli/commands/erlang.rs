//! `ccsim erlang`: the closed-form Erlang B / C / A figures for one interval, so a
//! planner can get the textbook answer in a second and set it beside a simulation.

use serde_json::json;

use crate::erlang::{self, Figures, Interval, Targets};
use crate::error::{Error, Result};
use crate::limits::{self, shown};
use crate::staffing;
use crate::words::count;

/// Options of `ccsim erlang`.
#[derive(Debug, clap::Args)]
pub struct ErlangArgs {
    /// Expected calls in the interval (at most 1000000).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub calls: f64,
    /// Length of the interval in minutes (at most 1440, a day).
    #[arg(
        long,
        value_name = "M",
        default_value_t = 30.0,
        allow_negative_numbers = true
    )]
    pub interval_minutes: f64,
    /// Mean handle time in seconds.
    #[arg(long, value_name = "S", allow_negative_numbers = true)]
    pub aht: f64,
    /// Productive (staffed) agents (1 to 1000000); paid agents when --shrinkage is given.
    #[arg(long, value_name = "C", value_parser = clap::value_parser!(u32).range(1..=i64::from(limits::MAX_AGENTS)))]
    pub agents: u32,
    /// Shrinkage in [0, 1): --agents are then paid agents, of whom round(paid × (1 − S))
    /// are productive, and agents needed are given as paid agents too (as in scenarios).
    #[arg(long, value_name = "S", allow_negative_numbers = true)]
    pub shrinkage: Option<f64>,
    /// Mean patience in seconds (Erlang A); absent = nobody abandons (Erlang C).
    #[arg(long, value_name = "S", allow_negative_numbers = true)]
    pub patience: Option<f64>,
    /// Trunk lines: also print the Erlang B blocking for L lines, with a note on what the
    /// queue figures (which assume unlimited lines) mean then (1 to 10000000).
    #[arg(long, value_name = "L", value_parser = clap::value_parser!(u32).range(1..=i64::from(limits::MAX_LINES)))]
    pub lines: Option<u32>,
    /// The T of the service level SL(T), in seconds.
    #[arg(
        long,
        value_name = "T",
        default_value_t = 20.0,
        allow_negative_numbers = true
    )]
    pub sl_seconds: f64,
    /// Target: service level at least P within --sl-seconds (e.g. 0.8).
    #[arg(long, value_name = "P", allow_negative_numbers = true)]
    pub target_sl: Option<f64>,
    /// Target: abandonment rate at most P.
    #[arg(long, value_name = "P", allow_negative_numbers = true)]
    pub target_abandon: Option<f64>,
    /// Target: ASA at most S seconds.
    #[arg(long, value_name = "S", allow_negative_numbers = true)]
    pub target_asa: Option<f64>,
    /// Target: occupancy at most P.
    #[arg(long, value_name = "P", allow_negative_numbers = true)]
    pub target_occupancy: Option<f64>,
    /// Print one JSON object instead of the table.
    #[arg(long)]
    pub json: bool,
}

/// Runs the command.
pub fn run(args: &ErlangArgs) -> Result<()> {
    validate(args)?;
    let shrinkage = args.shrinkage.unwrap_or(0.0);
    let productive = staffing::productive(args.agents, shrinkage);
    if productive == 0 {
        return Err(Error::Usage(format!(
            "--agents {} with --shrinkage {} leaves no productive agent",
            args.agents,
            shown(shrinkage)
        )));
    }
    let interval = Interval {
        arrivals_per_s: args.calls / (args.interval_minutes * 60.0),
        mean_handle_s: args.aht,
        agents: productive,
        mean_patience_s: args.patience,
        sl_threshold_s: args.sl_seconds,
    };
    let f = erlang::figures(&interval);
    let model = if args.patience.is_some() {
        "Erlang A"
    } else {
        "Erlang C"
    };
    let servers = args.lines.unwrap_or(productive);
    let blocking = erlang::erlang_b(servers, f.load_erlang);
    let targets = Targets {
        service_level: args.target_sl.map(|p| (args.sl_seconds, p)),
        abandonment_at_most: args.target_abandon,
        asa_at_most_s: args.target_asa,
        occupancy_at_most: args.target_occupancy,
    };
    let needed = (targets != Targets::default()).then(|| {
        let n = erlang::agents_needed(&interval, &targets);
        // The search gives up at a cap; say so instead of passing the cap off as an answer.
        let reachable = erlang::meets_targets(&interval, n, &targets);
        (
            staffing::gross_up(n, shrinkage),
            reachable,
            erlang::meets_targets(&interval, productive, &targets),
        )
    });

    if args.json {
        let out = json!({
            "model": model,
            "calls": args.calls,
            "interval_minutes": args.interval_minutes,
            "aht_s": args.aht,
            "agents": args.agents,
            "shrinkage": shrinkage,
            "productive_agents": productive,
            "patience_s": args.patience,
            "sl_seconds": args.sl_seconds,
            "figures": f,
            "erlang_b": { "servers": servers, "blocking": blocking },
            // What the queue figures mean beside the lines; null without --lines.
            "lines_note": args.lines.map(|l| lines_note(l, productive)),
            // null when no target was given, or when the targets are out of reach.
            "agents_needed": needed.and_then(|(n, reachable, _)| reachable.then_some(n)),
            "targets_reachable": needed.map(|(_, reachable, _)| reachable),
            "targets_met": needed.map(|(_, _, met)| met),
        });
        crate::terminal::print(&format!("{out}\n"))
    } else {
        crate::terminal::print(&table(args, model, &f, blocking, needed))
    }
}

/// Rejects values the formulas cannot mean, or that would make them run on, before any
/// of them is computed; each message gives the allowed range (`crate::limits`).
fn validate(args: &ErlangArgs) -> Result<()> {
    let range = |name: &str, v: f64, zero_ok: bool, max: f64, unit: &str| {
        let above = if zero_ok { v >= 0.0 } else { v > 0.0 };
        if v.is_finite() && above && v <= max {
            Ok(())
        } else {
            let from = if zero_ok { "from 0" } else { "above 0" };
            Err(Error::Usage(format!(
                "--{name} must be {unit}{from} to {}, got {}",
                shown(max),
                shown(v)
            )))
        }
    };
    let share = |name: &str, v: Option<f64>| match v {
        Some(p) if !(0.0..=1.0).contains(&p) => Err(Error::Usage(format!(
            "--{name} must be a share in [0, 1], got {}",
            shown(p)
        ))),
        _ => Ok(()),
    };
    let seconds = limits::MAX_DURATION_S;
    range(
        "calls",
        args.calls,
        false,
        limits::MAX_VOLUME_PER_INTERVAL,
        "a number of calls ",
    )?;
    range(
        "interval-minutes",
        args.interval_minutes,
        false,
        limits::MAX_ERLANG_INTERVAL_MINUTES,
        "minutes ",
    )?;
    range("aht", args.aht, false, seconds, "seconds ")?;
    if let Some(p) = args.patience {
        range("patience", p, false, seconds, "seconds ")?;
    }
    range("sl-seconds", args.sl_seconds, true, seconds, "seconds ")?;
    share("target-sl", args.target_sl)?;
    share("target-abandon", args.target_abandon)?;
    share("target-occupancy", args.target_occupancy)?;
    if let Some(s) = args.shrinkage {
        if !(0.0..1.0).contains(&s) {
            return Err(Error::Usage(format!(
                "--shrinkage must be a share in [0, 1) (1 would leave no productive time), got {}",
                shown(s)
            )));
        }
    }
    if let Some(s) = args.target_asa {
        range("target-asa", s, true, seconds, "seconds ")?;
    }
    Ok(())
}

/// The human-readable table: one figure per line, labels aligned.
fn table(
    args: &ErlangArgs,
    model: &str,
    f: &Figures,
    blocking: f64,
    needed: Option<(u32, bool, bool)>,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let seconds = |v: f64| {
        if v.is_finite() {
            format!("{v:.2} s")
        } else {
            "unbounded (queue unstable)".to_string()
        }
    };
    let agents = match args.shrinkage {
        None => count(args.agents.into(), "agent"),
        Some(s) => format!(
            "{} paid agents at shrinkage {} = {} productive",
            args.agents,
            shown(s),
            staffing::productive(args.agents, s)
        ),
    };
    let _ = writeln!(
        out,
        "{model}: {} {} in {} min, AHT {} s, {agents}{}",
        shown(args.calls),
        if args.calls == 1.0 { "call" } else { "calls" },
        shown(args.interval_minutes),
        shown(args.aht),
        args.patience
            .map(|p| format!(", mean patience {} s", shown(p)))
            .unwrap_or_default()
    );
    // Shares as percentages, as `run` prints them.
    let pct = |x: f64| format!("{:.1} %", 100.0 * x);
    let mut row = |label: &str, value: String| {
        let _ = writeln!(out, "  {label:<21} {value}");
    };
    row("load", format!("{:.2} Erlang", f.load_erlang));
    row("P(wait)", pct(f.p_wait));
    row(
        &format!("SL({} s)", shown(args.sl_seconds)),
        pct(f.service_level),
    );
    row("ASA", seconds(f.asa_s));
    row("mean wait (all)", seconds(f.mean_wait_s));
    row("P(abandon)", pct(f.p_abandon));
    row("occupancy", pct(f.occupancy));
    if let Some(lines) = args.lines {
        // Erlang B: callers finding all `lines` in use are blocked (no queue beyond them).
        row(
            "blocked",
            format!(
                "{} (Erlang B, {}, load as above)",
                pct(blocking),
                count(lines.into(), "line")
            ),
        );
    }
    if let Some((n, reachable, met)) = needed {
        let noun = if args.shrinkage.is_some() {
            "paid agent"
        } else {
            "agent"
        };
        let paid = if args.shrinkage.is_some() {
            " paid"
        } else {
            ""
        };
        let value = if reachable {
            format!(
                "{n}{paid} (targets {} with {})",
                if met { "met" } else { "missed" },
                count(args.agents.into(), noun)
            )
        } else {
            format!(
                "out of reach: targets missed even with {}, the most searched",
                count(n.into(), "agent")
            )
        };
        row("agents needed", value);
    }
    if let Some(lines) = args.lines {
        let productive = staffing::productive(args.agents, args.shrinkage.unwrap_or(0.0));
        let _ = writeln!(out, "  note: {}", lines_note(lines, productive));
    }
    out
}

/// The queue figures are those of unlimited lines; with `lines` a call finding every
/// line taken is blocked and never waits, and no more than `lines` calls are in the centre.
fn lines_note(lines: u32, productive: u32) -> String {
    let l = count(lines.into(), "line");
    if lines <= productive {
        format!(
            "with {l} and {} at most {} in the centre at once, so no call waits: the queue \
             figures above (waits, SL, abandonment, occupancy) assume unlimited lines and do not \
             apply; blocked calls never wait, and at least {} always idle",
            count(productive.into(), "productive agent"),
            if lines == 1 {
                "1 call is".to_string()
            } else {
                format!("{lines} calls are")
            },
            if productive - lines == 1 {
                "1 agent is".to_string()
            } else {
                format!("{} agents are", productive - lines)
            },
        )
    } else {
        format!(
            "the queue figures above assume unlimited lines: with {l} and {} at most {} \
             at once, the rest are blocked, and blocked calls never wait; the blocked share \
             counts a line as held for the handle time only, not the wait too, so it is a \
             lower bound (`ccsim run` with `lines` simulates both together)",
            count(productive.into(), "productive agent"),
            if lines - productive == 1 {
                "1 call waits".to_string()
            } else {
                format!("{} calls wait", lines - productive)
            },
        )
    }
}

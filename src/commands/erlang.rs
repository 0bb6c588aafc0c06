//! `ccsim erlang`: the closed-form Erlang B / C / A figures for one interval, so a
//! planner can get the textbook answer in a second and set it beside a simulation.

use serde_json::json;

use crate::erlang::{self, Figures, Interval, Targets};
use crate::error::{Error, Result};

/// Options of `ccsim erlang`.
#[derive(Debug, clap::Args)]
pub struct ErlangArgs {
    /// Expected calls in the interval.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub calls: f64,
    /// Length of the interval in minutes.
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
    /// Productive (staffed) agents.
    #[arg(long, value_name = "C")]
    pub agents: u32,
    /// Mean patience in seconds (Erlang A); absent = nobody abandons (Erlang C).
    #[arg(long, value_name = "S", allow_negative_numbers = true)]
    pub patience: Option<f64>,
    /// Trunk lines: print the Erlang B blocking for L lines instead of C.
    #[arg(long, value_name = "L")]
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
    let interval = Interval {
        arrivals_per_s: args.calls / (args.interval_minutes * 60.0),
        mean_handle_s: args.aht,
        agents: args.agents,
        mean_patience_s: args.patience,
        sl_threshold_s: args.sl_seconds,
    };
    let f = erlang::figures(&interval);
    let model = if args.patience.is_some() {
        "Erlang A"
    } else {
        "Erlang C"
    };
    let servers = args.lines.unwrap_or(args.agents);
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
            n,
            reachable,
            erlang::meets_targets(&interval, args.agents, &targets),
        )
    });

    if args.json {
        let out = json!({
            "model": model,
            "calls": args.calls,
            "interval_minutes": args.interval_minutes,
            "aht_s": args.aht,
            "agents": args.agents,
            "patience_s": args.patience,
            "sl_seconds": args.sl_seconds,
            "figures": f,
            "erlang_b": { "servers": servers, "blocking": blocking },
            // null when no target was given, or when the targets are out of reach.
            "agents_needed": needed.and_then(|(n, reachable, _)| reachable.then_some(n)),
            "targets_reachable": needed.map(|(_, reachable, _)| reachable),
            "targets_met": needed.map(|(_, _, met)| met),
        });
        crate::terminal::print(&format!("{out}\n"))
    } else {
        crate::terminal::print(&table(args, model, &f, servers, blocking, needed))
    }
}

/// Rejects values the formulas cannot mean, before any of them is computed.
fn validate(args: &ErlangArgs) -> Result<()> {
    let positive = |name: &str, v: f64| {
        if v.is_finite() && v > 0.0 {
            Ok(())
        } else {
            Err(Error::Usage(format!(
                "--{name} must be a number > 0, got {v}"
            )))
        }
    };
    let share = |name: &str, v: Option<f64>| match v {
        Some(p) if !(0.0..=1.0).contains(&p) => Err(Error::Usage(format!(
            "--{name} must be a share in [0, 1], got {p}"
        ))),
        _ => Ok(()),
    };
    positive("calls", args.calls)?;
    positive("interval-minutes", args.interval_minutes)?;
    positive("aht", args.aht)?;
    if args.agents == 0 {
        return Err(Error::Usage("--agents must be at least 1".into()));
    }
    if let Some(p) = args.patience {
        positive("patience", p)?;
    }
    if args.lines == Some(0) {
        return Err(Error::Usage("--lines must be at least 1".into()));
    }
    if !(args.sl_seconds.is_finite() && args.sl_seconds >= 0.0) {
        return Err(Error::Usage(format!(
            "--sl-seconds must be a number >= 0, got {}",
            args.sl_seconds
        )));
    }
    share("target-sl", args.target_sl)?;
    share("target-abandon", args.target_abandon)?;
    share("target-occupancy", args.target_occupancy)?;
    if let Some(s) = args.target_asa {
        if !(s.is_finite() && s >= 0.0) {
            return Err(Error::Usage(format!(
                "--target-asa must be a number >= 0, got {s}"
            )));
        }
    }
    Ok(())
}

/// The human-readable table: one figure per line, labels aligned.
fn table(
    args: &ErlangArgs,
    model: &str,
    f: &Figures,
    servers: u32,
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
    let _ = writeln!(
        out,
        "{model}: {} calls in {} min, AHT {} s, {} agents{}",
        args.calls,
        args.interval_minutes,
        args.aht,
        args.agents,
        args.patience
            .map(|p| format!(", mean patience {p} s"))
            .unwrap_or_default()
    );
    let mut row = |label: &str, value: String| {
        let _ = writeln!(out, "  {label:<22}{value}");
    };
    row("load", format!("{:.2} Erlang", f.load_erlang));
    row("P(wait)", format!("{:.4}", f.p_wait));
    row(
        &format!("SL({} s)", args.sl_seconds),
        format!("{:.4}", f.service_level),
    );
    row("ASA", seconds(f.asa_s));
    row("mean wait (all)", seconds(f.mean_wait_s));
    row("P(abandon)", format!("{:.4}", f.p_abandon));
    row("occupancy", format!("{:.4}", f.occupancy));
    let erlang_b_label = match args.lines {
        Some(lines) => format!("Erlang B ({lines} lines)"),
        None => format!("Erlang B (c = {servers})"),
    };
    row(&erlang_b_label, format!("{blocking:.4}"));
    if let Some((n, reachable, met)) = needed {
        let value = if reachable {
            format!(
                "{n} (targets {} with {} agents)",
                if met { "met" } else { "missed" },
                args.agents
            )
        } else {
            format!("more than {n}: targets out of reach")
        };
        row("agents needed", value);
    }
    out
}

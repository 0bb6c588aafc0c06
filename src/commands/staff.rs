//! `ccsim staff`: the cheapest paid agents per interval that meet the scenario's
//! `[targets]`, found by simulation from the Erlang (SIPP) plan (see
//! [`crate::staffing`] for the search). Prints both plans side by side and can write
//! the new plan as a scenario file that `ccsim run` accepts as it is. A plan that
//! misses a target is an error (exit status 1) naming each interval, target and why;
//! it is written only with `--allow-misses`, under a header that lists the misses.
//! The output is checked before the search (never onto the input scenario) and
//! written before the report is printed.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::{Error, Result};
use crate::export::table::render;
use crate::export::{check_outputs, format_half_width, format_value, Output, Target};
use crate::limits;
use crate::runner::with_threads;
use crate::scenario::Scenario;
use crate::staffing::{self, Evaluation, Options, Outcome, Progress};
use crate::terminal;

/// Options of `ccsim staff`.
#[derive(Debug, clap::Args)]
pub struct StaffArgs {
    /// The scenario file whose `[staffing]` agents are to be planned (needs `[targets]`);
    /// none = the embedded default scenario.
    pub file: Option<PathBuf>,
    /// Write the scenario with the new plan as its `[staffing]` agents to this file
    /// (only when the plan meets every target, unless --allow-misses).
    #[arg(long, value_name = "PLAN.toml")]
    pub out: Option<PathBuf>,
    /// Write the plan with --out even when it misses targets (its header lists the
    /// misses); the exit status is 1 all the same.
    #[arg(long, requires = "out")]
    pub allow_misses: bool,
    /// Fewest paid agents in any interval.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(..=i64::from(limits::MAX_AGENTS)))]
    pub min_agents: Option<u32>,
    /// Most paid agents in any interval.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(..=i64::from(limits::MAX_AGENTS)))]
    pub max_agents: Option<u32>,
    /// Largest change of paid agents between consecutive intervals.
    #[arg(long, value_name = "N")]
    pub max_step: Option<u32>,
    /// Replications per candidate plan during the search (default: min(file's, 60));
    /// the final plan is always confirmed with the file's replications.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(2..=i64::from(limits::MAX_REPLICATIONS)))]
    pub search_replications: Option<u32>,
    /// Most simulations the search may run.
    #[arg(long, value_name = "N", default_value_t = staffing::DEFAULT_MAX_SIMULATIONS)]
    pub max_simulations: usize,
    /// Worker threads (default: all cores); never changes results.
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

/// Runs the command: a plan that misses a target is an error (exit status 1), written
/// only with --allow-misses, after the report is printed.
pub fn run(args: &StaffArgs) -> Result<()> {
    let (source, file, inputs) = match &args.file {
        Some(file) => {
            let source = std::fs::read_to_string(file).map_err(|e| {
                Error::Scenario(crate::scenario::ScenarioError {
                    file: file.clone(),
                    field: String::new(),
                    line: None,
                    message: format!("cannot read the scenario file: {e}"),
                })
            })?;
            (source, file.clone(), vec![file.clone()])
        }
        None => (
            crate::scenario::DEFAULT_SCENARIO.to_string(),
            PathBuf::from(crate::scenario::DEFAULT_SCENARIO_PATH),
            Vec::new(),
        ),
    };
    let scenario = Scenario::from_toml(&source, &file)?;
    if scenario.centre.is_some() {
        return Err(Error::Other(format!(
            "{}: staffing several agent groups is not built yet: `staff` plans one-type files for now",
            file.display()
        )));
    }
    if !staffing::has_targets(&scenario) {
        return Err(Error::Other(format!(
            "{}: the scenario has no [targets]: there is nothing to staff for",
            file.display()
        )));
    }
    if let (Some(lo), Some(hi)) = (args.min_agents, args.max_agents) {
        if lo > hi {
            return Err(Error::Usage(format!(
                "--min-agents {lo} is above --max-agents {hi}"
            )));
        }
    }
    let out = args.out.as_ref().map(|p| Target::File(p.clone()));
    if let Some(out) = &out {
        check_outputs(&inputs, &[Output::new("--out", out.clone())])?;
        out.check_writable()?;
        // Fail before the search if the file cannot be rewritten.
        plan_toml(&source, &file, &scenario.staffing.paid, None)?;
    }
    let opts = Options {
        min_agents: args.min_agents,
        max_agents: args.max_agents,
        max_step: args.max_step,
        search_replications: args.search_replications,
        max_simulations: Some(args.max_simulations),
    };
    let bar = spinner();
    let report = |p: &Progress| {
        bar.set_message(format!(
            "{}: {}, simulation {}/{}, {} interval(s) missing",
            crate::export::escape::one_line(&scenario.name),
            p.phase,
            p.simulations,
            p.max_simulations,
            p.missed
        ));
    };
    let outcome = with_threads(args.threads.map(usize::from), || {
        staffing::search(&scenario, &opts, &report)
    });
    bar.finish_and_clear();
    let outcome = outcome.map_err(Error::Usage)?;
    let misses: Vec<String> = outcome
        .misses
        .iter()
        .map(|m| staffing::describe_miss(&scenario, m))
        .collect();
    let mut text = render_outcome(&scenario, &outcome);
    // Files first, so a reader closing standard output early loses nothing on disk.
    if let Some(out) = &out {
        if misses.is_empty() || args.allow_misses {
            let missed = (!misses.is_empty()).then_some(misses.as_slice());
            let toml = plan_toml(&source, &file, &outcome.plan.paid, missed)?;
            out.write(toml.as_bytes())?;
            text.push_str(&format!("plan written to {}\n", out.describe()));
        } else {
            text.push_str(&format!(
                "no plan written to {}: it misses targets (--allow-misses writes it anyway)\n",
                out.describe()
            ));
        }
    }
    terminal::print(&text)?;
    if misses.is_empty() {
        return Ok(());
    }
    Err(Error::Other(format!(
        "{}: the plan misses {} target(s) in {} interval(s):\n  {}",
        file.display(),
        misses.len(),
        outcome.plan.missed().len(),
        misses.join("\n  ")
    )))
}

/// A spinner on stderr while searching, hidden when stderr is not a terminal.
fn spinner() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {wide_msg}")
            .expect("a valid progress template"),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// The scenario text `source` with `[staffing] agents` replaced by `paid`, comments and
/// everything else kept, under a leading comment naming the command and `from` and,
/// for a plan that misses targets, listing every miss.
pub fn plan_toml(
    source: &str,
    from: &Path,
    paid: &[u32],
    misses: Option<&[String]>,
) -> Result<String> {
    let bad = |why: &str| Error::Other(format!("{}: cannot write the plan: {why}", from.display()));
    let mut doc: toml_edit::DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| bad(&e.to_string()))?;
    let agents = doc
        .get_mut("staffing")
        .and_then(|s| s.get_mut("agents"))
        .ok_or_else(|| bad("no [staffing] agents"))?;
    let decor = agents.as_value().map(|v| v.decor().clone());
    let indent = " ".repeat("agents = [".len());
    let mut array = toml_edit::Array::new();
    for (k, &p) in paid.iter().enumerate() {
        let mut v = toml_edit::Value::from(i64::from(p));
        let prefix = match k {
            0 => String::new(),
            k if k % 12 == 0 => format!("\n{indent}"),
            _ => " ".into(),
        };
        v.decor_mut().set_prefix(prefix);
        v.decor_mut().set_suffix("");
        array.push_formatted(v);
    }
    let mut value = toml_edit::Value::Array(array);
    if let Some(d) = decor {
        *value.decor_mut() = d;
    }
    *agents = toml_edit::Item::Value(value);
    let header = match misses {
        None => format!(
            "# Written by `ccsim staff` from {}: its [staffing] agents replaced by the cheapest\n\
             # plan found by simulation to meet its [targets]; the rest of the file is unchanged.\n",
            from.display()
        ),
        Some(misses) => {
            let mut h = format!(
                "# Written by `ccsim staff --allow-misses` from {}: its [staffing] agents replaced\n\
                 # by the best plan found by simulation, which MISSES its [targets] in {} place(s):\n",
                from.display(),
                misses.len()
            );
            for m in misses {
                h.push_str(&format!("#   {m}\n"));
            }
            h.push_str("# The rest of the file is unchanged.\n");
            h
        }
    };
    Ok(format!("{header}{doc}"))
}

/// The text report: per-interval table, totals and notes.
pub fn render_outcome(s: &Scenario, o: &Outcome) -> String {
    let plan = &o.plan;
    let sipp = &o.erlang_eval;
    let t = &s.targets;
    let mut out = String::new();
    out.push_str(&format!(
        "{} — staffing plan by simulation\n",
        crate::export::escape::one_line(&s.name)
    ));
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
    out.push_str(&format!(
        "targets: {}; judged per interval on the mean over replications (\"95%\": met by the 95 % bound too)\n",
        targets.join(", ")
    ));
    let patience = s.patience.as_ref().map_or(String::new(), |p| {
        format!(", mean patience {:.0} s", p.mean())
    });
    out.push_str(&format!(
        "Erlang (SIPP): {} per interval on volume / interval length, AHT {:.0} s{}, shrinkage {:.0}%; \
         it ignores the day factor, self-service, callbacks, redials, repeats and queues carried over\n",
        o.erlang.model,
        s.handling.mean_s(),
        patience,
        s.staffing.shrinkage * 100.0
    ));
    out.push_str(&format!(
        "search: {} simulations ({} replications per candidate, final plans with {}), seed {}\n\n",
        o.simulations, o.search_replications, plan.replications, s.simulation.seed
    ));

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
            format!("{:.0}", s.arrivals.volumes[i]),
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
    let rate = s.costs.agent_hour;
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
        "simulated total cost per day (overtime, handling, queue and fixed costs included):  SIPP {} {}, simulated plan {} {}\n",
        format_value("money", sipp.cost_total.mean),
        format_half_width("money", sipp.cost_total.half_width),
        format_value("money", plan.cost_total.mean),
        format_half_width("money", plan.cost_total.half_width),
    ));
    let sipp_misses = match sipp.missed() {
        m if m.is_empty() => "every interval meets the targets".to_string(),
        m => format!("misses in {}", describe_misses(s, sipp, &m)),
    };
    out.push_str(&format!("SIPP plan: {sipp_misses}\n"));
    if o.misses.is_empty() {
        out.push_str("simulated plan: every interval meets the targets\n");
    } else {
        out.push_str(&format!(
            "simulated plan: MISSES {} target(s) in {} interval(s):\n",
            o.misses.len(),
            plan.missed().len()
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

fn with_hw(e: crate::stats::Estimate) -> String {
    format!(
        "{} {}",
        format_value("%", e.mean),
        format_half_width("%", e.half_width)
    )
    .trim_end()
    .to_string()
}

//! The fitted scenario as TOML a planner can read: every estimate is written with a
//! comment giving its value, its 95 % interval and the data behind it (days, contacts),
//! and a warning where the data are thin. One contact type gives a one-type file; several
//! give `[[types]]` served by one pooled `[[groups]]`. The data hold no staffing, so the
//! agents are a placeholder sized on the offered load, to be planned with `ccsim staff`.
//! The text is validated as a scenario before anyone writes it.

use std::fmt::Write;
use std::path::Path;

use super::clock::civil_from_days;
use super::durations::DurationFit;
use super::{Fit, TypeFit};
use crate::error::{Error, Result};
use crate::escape::one_line;
use crate::limits;
use crate::scenario::Scenario;

mod arrivals;
mod handling;
mod text;

use arrivals::type_tables;
pub use handling::handling_tables;
use text::{list, quoted};

/// Occupancy the placeholder agents are sized for.
pub const PLACEHOLDER_OCCUPANCY: f64 = 0.85;

/// Mean handle time (talk + wrap-up) of a type, for the placeholder agents.
pub fn handle_mean(t: &TypeFit) -> f64 {
    let m = |d: &DurationFit| match d {
        DurationFit::None => 0.0,
        DurationFit::Fixed(v) => *v,
        DurationFit::Family(f, _) => f.mean,
    };
    m(&t.handle) + m(&t.wrap)
}

/// Placeholder paid agents per interval: the offered load of every type at
/// [`PLACEHOLDER_OCCUPANCY`], rounded up, at least 1.
fn placeholder_agents(fit: &Fit) -> Vec<u32> {
    let seconds = f64::from(fit.interval_minutes) * 60.0;
    (0..fit.intervals())
        .map(|i| {
            let load: f64 = fit
                .types
                .iter()
                .map(|t| t.volumes.per_interval[i].value * handle_mean(t) / seconds)
                .sum();
            ((load / PLACEHOLDER_OCCUPANCY).ceil() as u32).clamp(1, limits::MAX_AGENTS)
        })
        .collect()
}

/// The scenario text fitted from `calls` (a path, for the comments and the name).
pub fn scenario(fit: &Fit, calls: &Path) -> String {
    let mut o = String::new();
    let file = calls.file_name().map_or_else(
        || calls.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let (first, last) = (
        fit.days.first().copied().unwrap_or(0),
        fit.days.last().copied().unwrap_or(0),
    );
    let _ = writeln!(
        o,
        "# Fitted by `ccsim fit` from {}: {} contacts over {} days ({} to {}).",
        one_line(&file),
        fit.rows,
        fit.days.len(),
        civil_from_days(first),
        civil_from_days(last)
    );
    for n in &fit.notes {
        let _ = writeln!(o, "# NOTE: {}", one_line(n));
    }
    if fit.bad.count > 0 {
        let _ = writeln!(
            o,
            "# {} rows could not be used and were skipped, e.g.:",
            fit.bad.count
        );
        for m in &fit.bad.messages {
            let _ = writeln!(o, "#   {}", one_line(m));
        }
    }
    if let Some((rows, bad)) = &fit.intervals {
        let _ = writeln!(
            o,
            "# Interval report: {rows} rows used, {} skipped.",
            bad.count
        );
    }
    o.push_str(
        "# Each estimate is given with its 95 % interval and the data behind it. The data hold no\n\
         # staffing: the agents below are a placeholder (the offered load at 85 % occupancy);\n\
         # plan them with `ccsim staff`.\n",
    );
    let _ = writeln!(o, "name = {}", quoted(&format!("Fitted from {file}")));
    if let [t] = fit.types.as_slice() {
        if !t.name.is_empty() {
            let _ = writeln!(
                o,
                "description = {}",
                quoted(&format!("contact type {}", t.name))
            );
        }
    }
    // A week when the weekdays differ: one day would be a Monday, not the average day.
    let days = if fit.types.iter().any(|t| t.volumes.day_factors.is_some()) {
        7
    } else {
        1
    };
    let _ = writeln!(o, "\n[simulation]\nreplications = 100\nseed = 1\ninterval_minutes = {}\nopen = \"{}\"\ndays = {days}", fit.interval_minutes, fit.start_of(0));
    let agents = list(placeholder_agents(fit).into_iter());
    match fit.types.as_slice() {
        [t] => {
            type_tables(&mut o, fit, t, "");
            let _ = writeln!(o, "\n[staffing]\n# Placeholder: the offered load at 85 % occupancy, rounded up. Plan with `ccsim staff`.\nagents = {agents}");
        }
        types => {
            for t in types {
                let _ = writeln!(o, "\n[[types]]\nname = {}", quoted(&t.name));
                let channel = super::channel(&t.name, &t.data);
                if channel == "voice" {
                    type_tables(&mut o, fit, t, "types.");
                    continue;
                }
                let _ = writeln!(o, "channel = \"{channel}\"");
                let mut t = t.clone();
                if channel == "email" {
                    // An email is not abandoned: it waits in the queue until answered.
                    t.patience.families.clear();
                    t.patience.abandoned = 0;
                }
                type_tables(&mut o, fit, &t, "types.");
            }
            let names: Vec<String> = types.iter().map(|t| quoted(&t.name)).collect();
            let _ = writeln!(
                o,
                "\n[[groups]]\nname = \"all\"\n# Placeholder: one pooled group for every type, sized on their offered load at 85 %\n# occupancy. Split it into your real groups and plan them with `ccsim staff`.\nagents = {agents}\nserves = [{}]\npick = \"longest_wait\"",
                names.join(", ")
            );
        }
    }
    o
}

/// The scenario text, validated as ccsim would read it (a failure here is a bug in
/// `fit`, reported rather than written).
pub fn validated(fit: &Fit, calls: &Path, out: &Path) -> Result<String> {
    let text = scenario(fit, calls);
    Scenario::from_toml(&text, out).map_err(|e| {
        Error::Other(format!(
            "the fitted scenario does not validate ({e}); please report this"
        ))
    })?;
    Ok(text)
}

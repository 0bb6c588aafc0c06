//! The forecast's files as text: forecast.csv (a row per date, interval and type, with the
//! 80 % band), backtest.csv (a row per type and candidate), and a scenario that runs the
//! forecast as it is: its dates, the opening hours seen per weekday, the closed dates, and
//! handle time and patience fitted as `ccsim fit` fits them (from a contact export), or
//! the interval report's AHT.

use std::fmt::Write;

use super::history::History;
use super::{is_email, Forecast};
use crate::escape::one_line;
use crate::fit::clock::civil_from_days;
use crate::fit::write::{handle_mean, handling_tables, PLACEHOLDER_OCCUPANCY};
use crate::limits;

/// Handle time written when the history gives none (an interval report without AHT).
pub const PLACEHOLDER_HANDLE_S: f64 = 300.0;
/// The forecast file the scenario reads, beside it.
pub const FORECAST_CSV: &str = "forecast.csv";

/// `HH:MM` of the start of interval `s` (from midnight) of `minutes`.
pub fn clock(s: usize, minutes: u32) -> String {
    let m = s * minutes as usize % (24 * 60);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// `HH:MM` of the end of interval `s`; midnight at the end of the day is `24:00`.
fn end_clock(s: usize, minutes: u32) -> String {
    let m = (s + 1) * minutes as usize;
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number with at most `d` decimals, without trailing zeros.
fn num(x: f64, d: usize) -> String {
    let s = format!("{x:.d$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// forecast.csv: `date,start,type,volume,low,high` over the day's grid; the type column is
/// empty when there is one type.
pub fn forecast_csv(f: &Forecast, minutes: u32) -> String {
    let mut o = String::from("date,start,type,volume,low,high\n");
    let one = f.types.len() == 1;
    let n = f.types.first().map_or(0, |t| t.days.len());
    for k in 0..n {
        for s in f.grid.0..=f.grid.1 {
            for t in &f.types {
                let d = &t.days[k];
                let name = if one { String::new() } else { field(&t.name) };
                let _ = writeln!(
                    o,
                    "{},{},{name},{},{},{}",
                    civil_from_days(d.day),
                    clock(s, minutes),
                    num(d.volume[s], 3),
                    num(d.low[s], 3),
                    num(d.high[s], 3)
                );
            }
        }
    }
    o
}

/// backtest.csv: a row per type and candidate; `chosen` marks the method used.
pub fn backtest_csv(f: &Forecast) -> String {
    let mut o = String::from("type,method,days_ahead,wape_day,wape_interval,chosen\n");
    for t in &f.types {
        for s in &t.scores {
            let _ = writeln!(
                o,
                "{},{},{},{:.4},{:.4},{}",
                field(&t.name),
                s.method.key(),
                s.days_ahead,
                s.wape_day,
                s.wape_interval,
                if s.method == t.method { "yes" } else { "no" }
            );
        }
    }
    o
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The channel a type's name says (email, chat, else voice).
pub fn channel(name: &str) -> &'static str {
    if is_email(name) {
        "email"
    } else if name.to_ascii_lowercase().contains("chat") {
        "chat"
    } else {
        "voice"
    }
}

/// Mean handle time of type `i` (talk + wrap-up), for the placeholder agents.
fn handle_s(h: &History, i: usize) -> f64 {
    if let Some(fit) = &h.fit {
        if let Some(t) = fit.types.iter().find(|t| t.name == h.types[i].name) {
            let m = handle_mean(t);
            if m > 0.0 {
                return m;
            }
        }
    }
    h.types[i]
        .aht_s
        .filter(|a| *a > 0.0)
        .unwrap_or(PLACEHOLDER_HANDLE_S)
}

/// The tables of type `i` under `prefix`: arrivals from the forecast file, handling and
/// patience.
fn type_tables(o: &mut String, h: &History, f: &Forecast, i: usize, prefix: &str) {
    let t = &f.types[i];
    let _ = writeln!(
        o,
        "\n[{prefix}arrivals]\n# Expected contacts per date and interval, by {} (chosen by backtest; see backtest.csv).\nforecast = \"{FORECAST_CSV}\"",
        t.method.key()
    );
    let fitted = h
        .fit
        .as_ref()
        .and_then(|fit| fit.types.iter().find(|x| x.name == t.name))
        .filter(|x| !matches!(x.handle, crate::fit::durations::DurationFit::None));
    match fitted {
        Some(x) => {
            let mut one = x.clone();
            if channel(&t.name) == "email" {
                // Email has no patience: the customer does not hang up on a queue.
                one.patience.families.clear();
            }
            handling_tables(o, &one, prefix);
        }
        None => {
            let aht = handle_s(h, i);
            let why = if h.types[i].aht_s.is_some() {
                "the interval report's AHT (weighted by answered contacts), exponential"
            } else {
                "WARNING: a placeholder; the history gives no handle time (add aht_s, or forecast from the contact export)"
            };
            let _ = writeln!(
                o,
                "\n[{prefix}handling]\n# Handle time: {why}.\ntime = {{ dist = \"exponential\", mean_s = {} }}",
                num(aht.clamp(1.0, limits::MAX_DURATION_S), 1)
            );
        }
    }
}

/// Placeholder paid agents per interval of the grid: the busiest forecast day's load at
/// the placeholder occupancy, at least 1.
fn placeholder_agents(h: &History, f: &Forecast) -> Vec<u32> {
    let seconds = f64::from(h.interval_minutes) * 60.0;
    (f.grid.0..=f.grid.1)
        .map(|s| {
            let n = f.types.first().map_or(0, |t| t.days.len());
            let load = (0..n)
                .map(|k| {
                    f.types
                        .iter()
                        .enumerate()
                        .map(|(i, t)| t.days[k].volume[s] * handle_s(h, i) / seconds)
                        .sum::<f64>()
                })
                .fold(0.0, f64::max);
            ((load / PLACEHOLDER_OCCUPANCY).ceil() as u32).clamp(1, limits::MAX_AGENTS)
        })
        .collect()
}

/// The scenario running the forecast, named after the history file `source`.
pub fn scenario(h: &History, f: &Forecast, source: &str) -> String {
    let m = h.interval_minutes;
    let mut o = String::new();
    let start = f
        .types
        .first()
        .and_then(|t| t.days.first())
        .map_or(0, |d| d.day);
    let days = f.types.first().map_or(0, |t| t.days.len());
    let _ = writeln!(
        o,
        "# Forecast by `ccsim forecast` from {}: {} days of history ({} to {}), {days} days ahead from {}.",
        one_line(source),
        h.len,
        civil_from_days(h.first),
        civil_from_days(h.last()),
        civil_from_days(start)
    );
    for n in &f.notes {
        let _ = writeln!(o, "# NOTE: {}", one_line(n));
    }
    o.push_str(
        "# The data hold no staffing: the agents below are a placeholder (the busiest forecast\n\
         # day's load at 85 % occupancy); plan them with `ccsim staff`.\n",
    );
    let _ = writeln!(o, "name = {}", quoted(&format!("Forecast from {source}")));
    let _ = writeln!(
        o,
        "\n[simulation]\nreplications = 100\nseed = 1\ninterval_minutes = {m}\nopen = \"{}\"\nstart_date = \"{}\"\ndays = {days}",
        clock(f.grid.0, m),
        civil_from_days(start)
    );
    let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let hours: Vec<String> = f
        .hours
        .iter()
        .zip(names)
        .map(|(h, w)| match h {
            Some((a, b)) => format!("{w} = \"{}-{}\"", clock(*a, m), end_clock(*b, m)),
            None => format!("{w} = \"closed\""),
        })
        .collect();
    let _ = writeln!(
        o,
        "\n[calendar]\n# Opening hours per weekday as seen in the history (the first and last interval with a\n# contact{}).\nhours = {{ {} }}",
        if f.types.iter().any(|t| is_email(&t.name)) && f.types.iter().any(|t| !is_email(&t.name)) {
            "; email, arriving around the clock, left out"
        } else {
            ""
        },
        hours.join(", ")
    );
    if !f.closed.is_empty() {
        let dates: Vec<String> = f
            .closed
            .iter()
            .map(|&d| format!("\"{}\"", civil_from_days(d)))
            .collect();
        let _ = writeln!(o, "closed = [{}]", dates.join(", "));
    }
    let agents: Vec<String> = placeholder_agents(h, f)
        .iter()
        .map(u32::to_string)
        .collect();
    let agents = agents.join(", ");
    if f.types.len() == 1 {
        if !f.types[0].name.is_empty() {
            let _ = writeln!(o, "# Contact type {}.", one_line(&f.types[0].name));
        }
        type_tables(&mut o, h, f, 0, "");
        let _ = writeln!(
            o,
            "\n[staffing]\n# Placeholder: plan with `ccsim staff`.\nagents = [{agents}]"
        );
    } else {
        for (i, t) in f.types.iter().enumerate() {
            let _ = writeln!(
                o,
                "\n[[types]]\nname = {}\nchannel = \"{}\"",
                quoted(&t.name),
                channel(&t.name)
            );
            type_tables(&mut o, h, f, i, "types.");
        }
        let names: Vec<String> = f.types.iter().map(|t| quoted(&t.name)).collect();
        let _ = writeln!(
            o,
            "\n[[groups]]\nname = \"all\"\n# Placeholder: one pooled group for every type. Plan with `ccsim staff`.\nagents = [{agents}]\nserves = [{}]\npick = \"longest_wait\"",
            names.join(", ")
        );
    }
    o
}

//! The fitted scenario as TOML a planner can read: every estimate is written with a
//! comment giving its value, its 95 % interval and the data behind it (days, contacts),
//! and a warning where the data are thin. One contact type gives a one-type file; several
//! give `[[types]]` served by one pooled `[[groups]]`. The data hold no staffing, so the
//! agents are a placeholder sized on the offered load, to be planned with `ccsim staff`.
//! The text is validated as a scenario before anyone writes it.

use std::fmt::Write;
use std::path::Path;

use super::clock::{civil_from_days, weekday_name};
use super::durations::DurationFit;
use super::mle::Fitted;
use super::volumes::Estimate;
use super::{Fit, TypeFit};
use crate::error::{Error, Result};
use crate::escape::one_line;
use crate::limits;
use crate::scenario::Scenario;

/// Occupancy the placeholder agents are sized for.
pub const PLACEHOLDER_OCCUPANCY: f64 = 0.85;

/// A number with `d` decimals, without trailing zeros (`40.25`, `3`).
fn num(x: f64, d: usize) -> String {
    let s = format!("{x:.d$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `v (low–high)`, or `v (no interval: …)` when the data cannot give one.
fn with_interval(e: &Estimate, d: usize, unit: &str) -> String {
    if e.low.is_finite() && e.high.is_finite() {
        format!(
            "{}{unit} (95 %: {}–{}{unit})",
            num(e.value, d),
            num(e.low, d),
            num(e.high, d)
        )
    } else {
        format!("{}{unit} (no interval: too few days)", num(e.value, d))
    }
}

/// `95 %: low–high` with the unit, or why there is no interval (never `NaN–NaN`).
fn range(low: f64, high: f64, d: usize, unit: &str) -> String {
    if low.is_finite() && high.is_finite() {
        format!("95 %: {}–{}{unit}", num(low, d), num(high, d))
    } else {
        "no interval: too few values".into()
    }
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `mean X s (95 %: …), CV Y (95 %: …)` of a fitted family.
fn family_text(f: &Fitted) -> String {
    let mut s = format!(
        "mean {} s ({})",
        num(f.mean, 1),
        range(f.mean_ci.0, f.mean_ci.1, 1, " s")
    );
    if let Some((lo, hi)) = f.cv_ci {
        let _ = write!(s, ", CV {} ({})", num(f.cv, 3), range(lo, hi, 3, ""));
    }
    s
}

/// The comment line comparing the families by AIC.
fn aic_line(all: &[Fitted]) -> String {
    let best = all.first().map_or(0.0, Fitted::aic);
    let parts: Vec<String> = all
        .iter()
        .map(|f| format!("{} {:+.1}", f.family.key(), f.aic() - best))
        .collect();
    format!(
        "#   AIC against the best (lower is better): {}\n",
        parts.join(", ")
    )
}

/// The inline table of a fitted duration, clamped into what a scenario accepts.
fn dist_table(d: &DurationFit) -> Option<String> {
    match d {
        DurationFit::None => None,
        DurationFit::Fixed(v) => Some(format!(
            "{{ dist = \"fixed\", value_s = {} }}",
            num(v.min(limits::MAX_DURATION_S), 3)
        )),
        DurationFit::Family(f, _) => {
            let mean = num(f.mean.clamp(1e-3, limits::MAX_DURATION_S), 3);
            Some(match f.family {
                super::family::Family::Exponential => {
                    format!("{{ dist = \"exponential\", mean_s = {mean} }}")
                }
                fam => format!(
                    "{{ dist = \"{}\", mean_s = {mean}, cv = {} }}",
                    fam.key(),
                    num(
                        f.cv.clamp(super::mle::CV_RANGE.0, super::mle::CV_RANGE.1),
                        4
                    )
                ),
            })
        }
    }
}

/// Comment lines describing a fitted duration of `n` values.
fn duration_comment(o: &mut String, what: &str, d: &DurationFit, sample: &super::sample::Moments) {
    let n = sample.n;
    match d {
        DurationFit::None => {
            let _ = writeln!(
                o,
                "# {what}: no value above 0 among {n} answered contacts: left out."
            );
        }
        DurationFit::Fixed(v) => {
            let _ = writeln!(
                o,
                "# {what}: {} s for all {n} answered contacts: fixed.",
                num(*v, 3)
            );
        }
        DurationFit::Family(f, all) => {
            let _ = writeln!(
                o,
                "# {what}: {} has the highest likelihood over {n} answered contacts:\n#   {}",
                f.family.key(),
                family_text(f)
            );
            let se = sample.variance().sqrt() / (n as f64).sqrt() * super::mle::Z95;
            let cv_se = sample.cv_standard_error() * super::mle::Z95;
            let _ = writeln!(
                o,
                "#   the data themselves: mean {} s ({}), CV {} ({})",
                num(sample.mean, 1),
                range(sample.mean - se, sample.mean + se, 1, " s"),
                num(sample.cv(), 3),
                range(sample.cv() - cv_se, sample.cv() + cv_se, 3, "")
            );
            o.push_str(&aic_line(all));
            if f.cv >= limits::MAX_CV * 0.999 {
                let _ = writeln!(
                    o,
                    "#   WARNING: the fit reached ccsim's largest CV, {}: the data are more spread than any family here allows",
                    limits::MAX_CV
                );
            }
        }
    }
}

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

fn list<T: ToString>(xs: impl Iterator<Item = T>) -> String {
    let items: Vec<String> = xs.map(|x| x.to_string()).collect();
    let mut out = String::from("[");
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(if k % 12 == 0 { ",\n  " } else { ", " });
        }
        out.push_str(item);
    }
    out.push(']');
    out
}

/// The tables of one contact type, under `prefix` (`""` or `"types."`).
fn type_tables(o: &mut String, fit: &Fit, t: &TypeFit, prefix: &str) {
    let v = &t.volumes;
    let days = v.days;
    for w in &t.warnings {
        let _ = writeln!(o, "# WARNING: {}", one_line(w));
    }
    if let Some(r) = &t.report {
        let _ = writeln!(
            o,
            "# Interval report: {} offered, {} answered, {} abandoned over {} days, AHT {} s; this export: {} contacts, {} answered, {} abandoned over {days} days.",
            r.offered, r.answered, r.abandoned, r.days, num(r.aht_s(), 1),
            t.data.contacts(), t.data.answered, t.data.abandoned
        );
    }
    let _ = writeln!(o, "\n[{prefix}arrivals]");
    let which = if v.day_factors.is_some() {
        format!("{days} weekdays (Monday to Friday)")
    } else {
        format!("{days} days")
    };
    let _ = writeln!(
        o,
        "# Contacts per interval: the mean over {which} of data, with its 95 % interval (Student t);\n# every contact counted ({} answered, {} abandoned, {} blocked, {} deflected).",
        t.data.answered, t.data.abandoned, t.data.blocked, t.data.deflected
    );
    for (i, e) in v.per_interval.iter().enumerate() {
        let _ = writeln!(o, "#   {}  {}", fit.start_of(i), with_interval(e, 2, ""));
    }
    let _ = writeln!(o, "# Per day: {}.", with_interval(&v.per_day, 1, ""));
    let _ = writeln!(
        o,
        "volumes = {}",
        list(v.per_interval.iter().map(|e| num(e.value, 2)))
    );
    if v.day_factors.is_some() {
        let _ = writeln!(
            o,
            "# day_cv: the spread of daily totals beyond Poisson around each weekday's own level,\n# CV² = (Var − mean) ÷ mean², floored at 0, over {which}: {} (χ² interval on the variance).",
            with_interval(&v.day_cv, 3, "")
        );
    } else {
        let _ = writeln!(
            o,
            "# day_cv: the spread of daily totals beyond Poisson, CV² = (Var − mean) ÷ mean², floored\n# at 0, over {days} days: {} (χ² interval on the variance).",
            with_interval(&v.day_cv, 3, "")
        );
    }
    let _ = writeln!(
        o,
        "day_cv = {}",
        num(v.day_cv.value.min(limits::MAX_DAY_CV), 4)
    );
    let present: Vec<String> = v
        .weekday_factors
        .iter()
        .enumerate()
        .filter_map(|(w, f)| f.map(|(x, n)| format!("{} {} ({n} d)", weekday_name(w), num(x, 3))))
        .collect();
    if let Some(f) = &v.day_factors {
        let _ = writeln!(
            o,
            "# The weekdays differ clearly (analysis of variance, p < 0.001), so the day above is Monday\n# to Friday and each weekday has its factor (its mean total ÷ the Monday-to-Friday mean; 0 for\n# a weekday with no contact): {}. Day 1 of the run is a Monday.",
            present.join(", ")
        );
        let _ = writeln!(o, "day_factors = {}", list(f.iter().map(|x| num(*x, 3))));
    } else if present.len() > 1 {
        let _ = writeln!(
            o,
            "# Weekday factors (mean day total ÷ mean over all days): {}.\n# The weekdays {} at the 5 % level (analysis of variance); day_cv above includes\n# the weekday differences, as one day of this file stands for any day of the data.",
            present.join(", "),
            if v.weekdays_differ { "differ" } else { "do not differ" }
        );
    }

    handling_tables(o, t, prefix);
}

/// The handling and patience tables of one contact type, under `prefix` (`""` or
/// `"types."`), each estimate with its comment: also what `ccsim forecast` writes.
pub fn handling_tables(o: &mut String, t: &TypeFit, prefix: &str) {
    let _ = writeln!(o, "\n[{prefix}handling]");
    duration_comment(
        o,
        "Handle time (talk + hold)",
        &t.handle,
        &t.data.handle.moments,
    );
    let time = dist_table(&t.handle).unwrap_or_else(|| "{ dist = \"fixed\", value_s = 0 }".into());
    let _ = writeln!(o, "time = {time}");
    duration_comment(o, "Wrap-up", &t.wrap, &t.data.wrap.moments);
    if let Some(w) = dist_table(&t.wrap) {
        let _ = writeln!(o, "wrap_up = {w}");
    }

    let p = &t.patience;
    let naive = p.naive.map_or(String::new(), |n| {
        format!(
            "\n# The naive estimate, the mean wait of abandoned callers, is {} s ({}):\n# biased low, since answered callers would have waited longer; not used.",
            num(n.value, 1), range(n.low, n.high, 1, " s")
        )
    });
    let km = p.km_median.map_or("the Kaplan–Meier curve stays above one half: over half the callers were never seen to give up".into(), |m| {
        format!("Kaplan–Meier median patience {} s", num(m, 1))
    });
    match p.families.first() {
        None => {
            let _ = writeln!(o, "\n# No abandonment among {} answered contacts: no [{prefix}patience] (nobody abandons).", p.answered);
        }
        Some(best) => {
            let _ = writeln!(o, "\n[{prefix}patience]");
            let _ = writeln!(
                o,
                "# Patience from {} waits: {} abandoned (their patience) and {} answered (censored:\n# they would have waited longer). {} has the highest likelihood with censoring:\n#   {}\n# {km}.{naive}",
                p.abandoned + p.answered, p.abandoned, p.answered, best.family.key(), family_text(best)
            );
            o.push_str(&aic_line(&p.families));
            let d = DurationFit::Family(*best, Vec::new());
            let _ = writeln!(o, "time = {}", dist_table(&d).unwrap_or_default());
        }
    }
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

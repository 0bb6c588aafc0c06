//! Plans, targets and misses in words, for reports and errors.

use super::{Miss, Outcome, Target, TargetCheck, Why};
use crate::scenario::{ContactType, Scenario};

/// Clock labels of intervals, comma-separated.
pub fn labels(s: &Scenario, intervals: &[usize]) -> String {
    intervals
        .iter()
        .map(|&i| s.simulation.interval_label(i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Intervals of contact types (positions type × intervals + interval, as in
/// [`super::Evaluation`]): clock labels for a one-type file, "english 10:00, 10:30;
/// spanish 11:00" for a centre.
pub fn check_labels(s: &Scenario, positions: &[usize]) -> String {
    let n = s.intervals();
    let mut parts = Vec::new();
    for (t, ty) in s.types.iter().enumerate() {
        let here: Vec<usize> = positions
            .iter()
            .filter(|&&k| k / n == t)
            .map(|&k| k % n)
            .collect();
        if !here.is_empty() {
            parts.push(format!(
                "{}{}",
                s.type_prefix(&ty.name, " "),
                labels(s, &here)
            ));
        }
    }
    parts.join("; ")
}

/// The target of a check in words: "SL 80% within 20 s", "abandonment at most 5%"
/// (`s`: the check's contact type).
pub fn describe_target(s: &ContactType, c: &TargetCheck) -> String {
    let pct = |x: f64| format!("{}%", (x * 1000.0).round() / 10.0);
    match c.target {
        Target::ServiceLevel => format!("SL {} within {} s", pct(c.limit), s.targets.sl_within_s),
        Target::Abandonment => format!("abandonment at most {}", pct(c.limit)),
        Target::Asa => format!("ASA at most {} s", c.limit),
        Target::Occupancy => format!("occupancy at most {}", pct(c.limit)),
    }
}

/// An estimate of a target's metric, with as many decimals as it takes (up to 4) not to
/// print a miss as its limit ("99.98%" rather than "100.0%" against 100 %).
pub fn figure(c: &TargetCheck, x: f64) -> String {
    if x.is_nan() {
        return "undefined (nobody answered)".into();
    }
    let (scale, unit) = match c.target {
        Target::Asa => (1.0, " s"),
        _ => (100.0, "%"),
    };
    let mut text = String::new();
    for d in 1..=4 {
        text = format!("{:.*}", d, x * scale);
        if text != format!("{:.*}", d, c.limit * scale) {
            break;
        }
    }
    text + unit
}

/// One miss in words: the type (in a centre), the interval, the target, the plan's
/// figure and why.
pub fn describe_miss(s: &Scenario, m: &Miss) -> String {
    let c = &m.check;
    let kind = s.type_prefix(&s.types[m.contact_type].name, " ");
    let head = format!(
        "{kind}{} {}: {}",
        s.simulation.interval_label(m.interval),
        describe_target(&s.types[m.contact_type], c),
        figure(c, c.estimate.mean)
    );
    let everywhere = if s.is_centre() {
        "in every group and interval"
    } else {
        "in every interval"
    };
    match m.why {
        Why::OutOfReach { agents, estimate } => format!(
            "{head}: out of reach within the bounds ({} even with {agents} paid agents {everywhere}, the most allowed)",
            figure(c, estimate.mean)
        ),
        Why::Budget { simulations } => format!(
            "{head}: the search budget of {simulations} simulations was spent first (--max-simulations)"
        ),
        Why::Bound => format!(
            "{head}: a bound (--max-agents or --max-step) refused every agent the search tried to add for it"
        ),
        Why::NotConfirmed {
            replications,
            seed,
            repairs,
        } => format!(
            "{head}: met on the file's replications but shown to miss on {replications} fresh ones (seed {seed}) after {repairs} repair(s): more replications would tell"
        ),
        Why::GaveUp { replications } => format!(
            "{head}: gave up: no agent added there or in the interval before lowered the misses, even with {replications} replications per plan"
        ),
    }
}

/// What the plan was confirmed on, in one line: the fresh replications, their seed and
/// the verdict (`None` when the plan was not confirmed: it missed on the file's own).
pub fn confirmation(s: &Scenario, o: &Outcome) -> Option<String> {
    let fresh = o.confirmation.as_ref()?;
    let verdict = if fresh.met() {
        "meets every target".to_string()
    } else if fresh.within_noise() {
        format!(
            "no target shown to miss (each 95 % interval reaches it; {} miss on the mean, within the noise)",
            fresh.missed().len()
        )
    } else {
        "targets shown to MISS (listed below)".to_string()
    };
    let repaired = match o.repairs {
        0 => String::new(),
        r => format!(" after {r} repair(s) (agents added where fresh days missed)"),
    };
    Some(format!(
        "confirmed on {} fresh replications (seed {}, a stream derived from the file's seed {}, not the days it was tuned on){repaired}: {verdict}",
        fresh.replications, fresh.seed, s.simulation.seed
    ))
}

//! What a centre's headline covers: its service level and abandonment rate are those of
//! its live channels (voice, chat); an email type is reported beside them on its own,
//! by the share answered within its deadline.

use super::{format_estimate, HalfWidth};
use crate::metrics::Metric;
use crate::report::ScenarioReport;

/// For a centre with both live and email types: which types the headline covers and each
/// email type's own service level, in one sentence; `None` otherwise (the headline is
/// the whole centre's). `name` writes a type's name for the output at hand.
pub fn email_apart(s: &ScenarioReport, name: &dyn Fn(&str) -> String) -> Option<String> {
    let types = s.types.as_ref()?;
    let (email, live): (Vec<_>, Vec<_>) = types.iter().partition(|t| t.channel == "email");
    if email.is_empty() || live.is_empty() {
        return None;
    }
    let live: Vec<String> = live.iter().map(|t| name(&t.name)).collect();
    let email: Vec<String> = email
        .iter()
        .map(|t| {
            let e = t.metrics.get(Metric::ServiceLevel);
            format!(
                "{} answered within {} {}",
                name(&t.name),
                deadline(t.targets.service_level_within_s),
                format_estimate("%", &e, HalfWidth::Beside)
            )
        })
        .collect();
    Some(format!(
        "service level and abandonment rate of the live channels ({}); email on its own: {}",
        live.join(", "),
        email.join("; ")
    ))
}

/// A deadline in the largest whole unit: `24 h`, `90 min`, `45 s`.
fn deadline(s: f64) -> String {
    if s >= 3600.0 && s % 3600.0 == 0.0 {
        format!("{} h", s / 3600.0)
    } else if s >= 60.0 && s % 60.0 == 0.0 {
        format!("{} min", s / 60.0)
    } else {
        format!("{s} s")
    }
}

//! The size caps of `crate::limits` that span several fields: contacts per interval, per
//! replication and per run. They keep a run's memory (every customer in the centre at
//! once) and time (every contact simulated) bounded, in `check` and `run` alike, and
//! again after `-n` overrides the file's replications.

use super::Check;
use crate::limits::{self, shown};
use crate::scenario::{ContactType, FieldError, Scenario, ScenarioError, Simulation};

/// Every interval's expected fresh contacts: finite, at least 0, at most
/// [`limits::MAX_VOLUME_PER_INTERVAL`].
pub fn volumes(volumes: &[f64]) -> Check<()> {
    for (i, v) in volumes.iter().enumerate() {
        if !(v.is_finite() && (0.0..=limits::MAX_VOLUME_PER_INTERVAL).contains(v)) {
            return Err(FieldError::new(
                format!("arrivals.volumes[{i}]"),
                format!(
                    "expected a number of contacts from 0 to {} per interval, found {}",
                    shown(limits::MAX_VOLUME_PER_INTERVAL),
                    shown(*v)
                ),
            ));
        }
    }
    Ok(())
}

/// Contacts each fresh contact brings on average through repeat contacts:
/// 1 / (1 − (1 − fcr) × repeat_probability).
fn repeat_factor(t: &ContactType) -> f64 {
    t.resolution
        .as_ref()
        .map_or(1.0, |r| 1.0 / (1.0 - (1.0 - r.fcr) * r.repeat_probability))
}

/// Expected contacts of one type's own tables in one replication: fresh contacts over
/// every day (each scaled by its day factor), with the repeats they bring.
fn type_contacts(t: &ContactType, simulation: &Simulation) -> f64 {
    let day: f64 = t.arrivals.volumes.iter().sum();
    let f = &t.arrivals.day_factors;
    let days = if f.is_empty() {
        f64::from(simulation.days)
    } else {
        (0..simulation.days as usize).map(|d| f[d % f.len()]).sum()
    };
    day * days * repeat_factor(t)
}

impl Scenario {
    /// Expected inbound contacts in one replication (every day, every type): fresh
    /// contacts and the repeat contacts they bring; redials and callback attempts come
    /// on top (at most [`limits::MAX_ATTEMPTS`] per customer).
    pub fn expected_contacts_per_replication(&self) -> f64 {
        self.types
            .iter()
            .map(|t| type_contacts(t, &self.simulation))
            .sum()
    }

    /// Checks that replications × expected contacts per replication stays within
    /// [`limits::MAX_CONTACTS_PER_RUN`]: validation does, and so must whoever changes
    /// the replications afterwards (`run -n`).
    pub fn check_run_size(&self) -> Result<(), ScenarioError> {
        run(self).map_err(|e| ScenarioError {
            file: self.file.clone(),
            field: e.field,
            line: None,
            message: e.message,
        })
    }
}

/// Contacts per replication and per run within their caps (`field` is where the
/// contacts are configured: `arrivals.volumes`, or `types` for a centre).
pub fn contacts(s: &Scenario, field: &str) -> Check<()> {
    let per_replication = s.expected_contacts_per_replication();
    if per_replication > limits::MAX_CONTACTS_PER_REPLICATION {
        // Several types repeat each at its own rate: the factor is shown for one alone.
        let repeats = repeat_factor(&s.types[0]);
        let with_repeats = if s.types.len() == 1 && repeats > 1.0 {
            format!(
                " (× {} for repeat contacts)",
                crate::words::rounded(repeats)
            )
        } else {
            String::new()
        };
        let days = match s.simulation.days {
            1 => "in one day".to_string(),
            d => format!("over {d} days"),
        };
        return Err(FieldError::new(
            field,
            format!(
                "expected at most {} contacts per replication, found {} {days}{with_repeats}: fewer contacts per interval or fewer days",
                shown(limits::MAX_CONTACTS_PER_REPLICATION),
                crate::words::rounded(per_replication),
            ),
        ));
    }
    run(s)
}

/// Replications × contacts per replication within [`limits::MAX_CONTACTS_PER_RUN`].
fn run(s: &Scenario) -> Check<()> {
    let per_replication = s.expected_contacts_per_replication();
    let replications = s.simulation.replications;
    let total = f64::from(replications) * per_replication;
    if total <= limits::MAX_CONTACTS_PER_RUN {
        return Ok(());
    }
    let most = (limits::MAX_CONTACTS_PER_RUN / per_replication).floor();
    Err(FieldError::new(
        "simulation.replications",
        format!(
            "expected at most {} contacts per run, found {replications} replications × {} contacts = {}: at most {} replications fit",
            shown(limits::MAX_CONTACTS_PER_RUN),
            crate::words::rounded(per_replication),
            crate::words::rounded(total),
            shown(most)
        ),
    ))
}

//! Which of the contract rules a scenario uses, so that reports list a rule's figures
//! only where it applies and every other report keeps its exact columns.

use crate::scenario::Scenario;

/// Whether some contact type of the scenario counts short abandons (`short_abandon_s`).
pub fn short_abandons_used(s: &Scenario) -> bool {
    match &s.centre {
        None => s.targets.short_abandon_s > 0.0,
        Some(c) => c
            .types
            .iter()
            .any(|t| t.scenario.targets.short_abandon_s > 0.0),
    }
}

//! The serde mirror of shifts, breaks and `[rostering]` (docs/centres.md). Rules about
//! values live in `validate_shifts.rs`.

use serde::Deserialize;

/// One entry of `shifts = [...]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftFile {
    pub start: String,
    pub hours: f64,
    pub agents: i64,
    pub breaks: Option<Vec<BreakFile>>,
    pub day: Option<i64>,
}

/// One break of a shift.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreakFile {
    pub after_h: f64,
    pub minutes: i64,
    pub paid: Option<bool>,
}

/// One break rule of `[rostering]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreakRuleFile {
    pub min_shift_h: Option<f64>,
    pub after_h: Vec<f64>,
    pub minutes: i64,
    pub paid: Option<bool>,
}

/// `[rostering]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosteringFile {
    pub shift_hours: Vec<f64>,
    pub start_step_minutes: Option<i64>,
    pub breaks: Option<Vec<BreakRuleFile>>,
    pub min_agents_per_shift: Option<i64>,
    pub max_agents_per_shift: Option<i64>,
    pub contracts: Option<Vec<ContractFile>>,
}

/// One `[[rostering.contracts]]` entry: the rules of one kind of agent's week.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractFile {
    pub name: Option<String>,
    pub weekly_hours: Option<Vec<f64>>,
    pub days: Option<Vec<i64>>,
    pub shift_hours: Option<Vec<f64>>,
    pub days_off_together: Option<i64>,
    pub start_within_h: Option<f64>,
    pub share: Option<Vec<f64>>,
}

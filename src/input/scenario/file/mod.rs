//! A pure serde mirror of the scenario file (docs/scenario-file.md). It only says what the
//! TOML may contain; every rule about values lives in `validate.rs`. Unknown keys are
//! errors, so a typo can never silently turn a mechanism off.

mod centre;
mod shifts;
mod tables;

use serde::Deserialize;

pub use centre::*;
pub use shifts::*;
pub use tables::*;

/// The whole file, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    pub name: Option<String>,
    pub description: Option<String>,
    pub role: Option<String>,
    pub simulation: Option<SimulationFile>,
    pub arrivals: Option<ArrivalsFile>,
    pub handling: Option<HandlingFile>,
    pub patience: Option<PatienceFile>,
    pub staffing: Option<StaffingFile>,
    pub self_service: Option<SelfServiceFile>,
    pub callback: Option<CallbackFile>,
    pub redial: Option<RedialFile>,
    pub resolution: Option<ResolutionFile>,
    pub costs: Option<CostsFile>,
    pub satisfaction: Option<SatisfactionFile>,
    pub value: Option<ValueFile>,
    pub targets: Option<TargetsFile>,
    pub types: Option<Vec<centre::TypeFile>>,
    pub groups: Option<Vec<centre::GroupFile>>,
    pub routing: Option<centre::RoutingFile>,
    pub rostering: Option<shifts::RosteringFile>,
    pub calendar: Option<CalendarFile>,
}

/// `[calendar]`: opening hours per weekday and dates closed all day.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    /// Weekday key (`mon` … `sun`) to `"HH:MM-HH:MM"` or `"closed"`; kept as a map so an
    /// unknown weekday gets our own message.
    pub hours: Option<std::collections::BTreeMap<String, String>>,
    pub closed: Option<Vec<String>>,
}

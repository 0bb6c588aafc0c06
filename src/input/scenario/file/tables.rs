//! The one-type tables of a scenario file's serde mirror (`[simulation]`, `[arrivals]`,
//! `[handling]`, ...), also carried by each `[[types]]` entry of a centre.

use serde::Deserialize;

/// `[simulation]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimulationFile {
    pub replications: Option<i64>,
    pub seed: Option<i64>,
    pub interval_minutes: Option<i64>,
    pub open: Option<String>,
    pub days: Option<i64>,
    pub shared_day_cv: Option<f64>,
    pub start_date: Option<String>,
}

/// `[arrivals]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArrivalsFile {
    pub volumes: Option<Vec<f64>>,
    pub forecast: Option<String>,
    pub day_cv: Option<f64>,
    pub day_factors: Option<Vec<f64>>,
    /// Not in the file: the `[[types]]` entry's name, so its forecast rows are found.
    #[serde(skip)]
    pub forecast_type: Option<String>,
}

/// `[handling]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandlingFile {
    pub time: DistFile,
    pub wrap_up: Option<DistFile>,
    pub interval_factors: Option<Vec<f64>>,
    pub concurrency_slowdown: Option<f64>,
}

/// `[patience]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatienceFile {
    pub time: DistFile,
    pub interval_factors: Option<Vec<f64>>,
}

/// Agents per interval: one number for the whole day or one per interval.
#[derive(Debug, Clone, Deserialize)]
#[serde(
    untagged,
    expecting = "a whole number of agents or a list of them, one per interval"
)]
pub enum AgentsFile {
    /// The same count all day.
    AllDay(i64),
    /// One count per interval.
    PerInterval(Vec<i64>),
}

/// `[staffing]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffingFile {
    pub agents: Option<AgentsFile>,
    pub shifts: Option<Vec<super::shifts::ShiftFile>>,
    pub absenteeism: Option<f64>,
    pub shrinkage: Option<f64>,
    pub lines: Option<i64>,
}

/// `[self_service]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfServiceFile {
    pub offered_share: f64,
    pub containment: f64,
    pub time: DistFile,
    pub failed_handle_factor: Option<f64>,
    pub failed_patience_factor: Option<f64>,
    pub cost_per_session: Option<f64>,
}

/// `[callback]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallbackFile {
    pub offer_when_wait_exceeds_s: f64,
    pub acceptance: f64,
    pub promise_s: f64,
    pub reach: Option<f64>,
    pub max_attempts: Option<i64>,
    pub retry_delay: Option<DistFile>,
    pub cost_per_attempt: Option<f64>,
    pub unreached_attempt_s: Option<f64>,
    pub last_offer_before_close_s: Option<f64>,
    pub make_during_drain: Option<bool>,
}

/// `[redial]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedialFile {
    pub probability: f64,
    pub delay: DistFile,
    pub max_attempts: Option<i64>,
    pub after_blocked: Option<AfterBlockedFile>,
}

/// `[redial] after_blocked`: how callers who got a busy signal try again.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfterBlockedFile {
    pub probability: f64,
    pub delay: DistFile,
}

/// `[resolution]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolutionFile {
    pub fcr: f64,
    pub repeat_probability: Option<f64>,
    pub repeat_delay: Option<DistFile>,
}

/// `[costs]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostsFile {
    pub currency: Option<String>,
    pub agent_hour: Option<f64>,
    pub per_handled_minute: Option<f64>,
    pub per_queued_minute: Option<f64>,
    pub fixed_per_day: Option<f64>,
    pub fte_hours_per_day: Option<f64>,
    pub open_days_per_year: Option<f64>,
}

/// `[satisfaction]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SatisfactionFile {
    pub base_score: Option<f64>,
    pub per_minute_waited: Option<f64>,
    pub abandoned: Option<f64>,
    pub per_extra_contact: Option<f64>,
    pub unresolved: Option<f64>,
    pub self_service_failed: Option<f64>,
    pub noise_sd: Option<f64>,
    pub positive_from: Option<i64>,
}

/// Churn probabilities by NPS category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChurnFile {
    pub detractor: f64,
    pub passive: f64,
    pub promoter: f64,
}

/// `[value]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueFile {
    pub customer_lifetime_value: f64,
    pub churn: Option<ChurnFile>,
}

/// `service_level = { within_s, at_least }` in `[targets]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceLevelFile {
    pub within_s: f64,
    pub at_least: Option<f64>,
}

/// `[targets]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetsFile {
    pub service_level: Option<ServiceLevelFile>,
    pub abandonment_at_most: Option<f64>,
    pub asa_at_most_s: Option<f64>,
    pub occupancy_at_most: Option<f64>,
    pub short_abandon_s: Option<f64>,
    pub judged: Option<String>,
}

/// A duration distribution as an inline table with a `dist` key.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "dist", rename_all = "lowercase", deny_unknown_fields)]
pub enum DistFile {
    Exponential { mean_s: f64 },
    Lognormal { mean_s: f64, cv: f64 },
    Gamma { mean_s: f64, cv: f64 },
    Weibull { mean_s: f64, cv: f64 },
    Uniform { min_s: f64, max_s: f64 },
    Fixed { value_s: f64 },
    Empirical { values_s: Vec<f64> },
}

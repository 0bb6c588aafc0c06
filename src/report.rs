//! The one result model every exporter reads: built from a validated scenario and what
//! its replications measured, never from the engine. Tables, CSV, JSON and charts only
//! format what is here.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::metrics::{Metric, MetricValues, METRICS};
use crate::runner::ScenarioRun;
use crate::scenario::Scenario;
use crate::stats::{Estimate, Running};

/// The JSON report of SCENARIO.md.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Version of ccsim that produced it.
    pub ccsim_version: &'static str,
    /// One entry per scenario, in the order given.
    pub scenarios: Vec<ScenarioReport>,
}

/// One estimate per metric, serialised as a map in the order of [`METRICS`].
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics(pub Vec<Estimate>);

impl Metrics {
    /// The estimate of `m`.
    pub fn get(&self, m: Metric) -> Estimate {
        self.0[m as usize]
    }

    fn from_running(r: &[Running]) -> Self {
        Metrics(r.iter().map(Running::estimate).collect())
    }
}

impl Serialize for Metrics {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (def, e) in METRICS.iter().zip(&self.0) {
            map.serialize_entry(def.key, e)?;
        }
        map.end()
    }
}

/// The targets a scenario is judged against.
#[derive(Debug, Clone, Serialize)]
pub struct TargetsReport {
    /// Service-level threshold T in seconds.
    pub service_level_within_s: f64,
    /// Required service level, if any.
    pub service_level_at_least: Option<f64>,
    /// Highest acceptable abandonment rate, if any.
    pub abandonment_at_most: Option<f64>,
    /// Highest acceptable ASA, if any.
    pub asa_at_most_s: Option<f64>,
    /// Highest acceptable occupancy, if any.
    pub occupancy_at_most: Option<f64>,
}

impl TargetsReport {
    /// Each target as (metric, limit, true when higher is better).
    pub fn checks(&self) -> Vec<(Metric, f64, bool)> {
        let mut v = Vec::new();
        if let Some(x) = self.service_level_at_least {
            v.push((Metric::ServiceLevel, x, true));
        }
        if let Some(x) = self.abandonment_at_most {
            v.push((Metric::AbandonmentRate, x, false));
        }
        if let Some(x) = self.asa_at_most_s {
            v.push((Metric::AsaS, x, false));
        }
        if let Some(x) = self.occupancy_at_most {
            v.push((Metric::Occupancy, x, false));
        }
        v
    }

    /// Whether an estimate meets the target on `m`, if there is one (judged on the mean).
    pub fn met(&self, m: Metric, e: &Estimate) -> Option<bool> {
        self.checks()
            .into_iter()
            .find(|(k, _, _)| *k == m)
            .map(|(_, limit, higher)| {
                if higher {
                    e.mean >= limit
                } else {
                    e.mean <= limit
                }
            })
    }
}

/// Results of one interval of the day.
#[derive(Debug, Clone, Serialize)]
pub struct IntervalReport {
    /// Clock time of the interval's start, `HH:MM`.
    pub start: String,
    /// Expected fresh contacts from the scenario.
    pub volume: f64,
    /// Paid agents scheduled.
    pub paid_agents: u32,
    /// Productive agents = round(paid × (1 − shrinkage)).
    pub productive_agents: u32,
    /// Estimates by arrival interval (agent time by clock time).
    pub metrics: Metrics,
}

/// The parameters of the satisfaction and value model, printed with every report because
/// CSAT, NPS and lost value come from this model, not from measurement.
#[derive(Debug, Clone, Serialize)]
pub struct SatisfactionModel {
    /// "scenario" when the file gave `[satisfaction]`, else "defaults".
    pub source: &'static str,
    /// Expected score of a customer served at once and resolved.
    pub base_score: f64,
    /// Per minute waited.
    pub per_minute_waited: f64,
    /// Per abandonment.
    pub abandoned: f64,
    /// Per contact beyond the first.
    pub per_extra_contact: f64,
    /// When the journey ended unresolved.
    pub unresolved: f64,
    /// When self-service failed.
    pub self_service_failed: f64,
    /// Spread between customers.
    pub noise_sd: f64,
    /// Scores at or above this are positive.
    pub positive_from: u8,
    /// Customer lifetime value, when `[value]` is given.
    pub customer_lifetime_value: Option<f64>,
    /// Churn probability of detractors, passives and promoters, when `[value]` is given.
    pub churn: Option<[f64; 3]>,
}

impl SatisfactionModel {
    /// One line for text reports.
    pub fn describe(&self) -> String {
        let mut s = format!(
            "satisfaction model ({}): score = {} {:+}/min waited {:+}/abandonment {:+}/extra contact {:+} if unresolved {:+} if self-service failed + N(0, {}²), CSAT counts scores >= {}",
            self.source, self.base_score, self.per_minute_waited, self.abandoned, self.per_extra_contact,
            self.unresolved, self.self_service_failed, self.noise_sd, self.positive_from
        );
        match (self.customer_lifetime_value, self.churn) {
            (Some(v), Some([d, p, r])) => s.push_str(&format!(
                "; lost value = churn (detractor {d}, passive {p}, promoter {r}) × lifetime value {v}"
            )),
            _ => s.push_str("; no [value] table, so no lost value"),
        }
        s
    }
}

/// Unit costs of a scenario.
#[derive(Debug, Clone, Serialize)]
pub struct PricingReport {
    /// Loaded cost of one paid agent hour.
    pub agent_hour: f64,
    /// Cost of one self-service session.
    pub cost_per_session: f64,
    /// Cost of one callback attempt.
    pub cost_per_attempt: f64,
}

/// Results of one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioReport {
    /// Scenario name.
    pub name: String,
    /// Scenario description, if any.
    pub description: Option<String>,
    /// The file it came from.
    pub file: String,
    /// Replications simulated.
    pub replications: u32,
    /// Master seed.
    pub seed: u64,
    /// Days per replication (counts are per day).
    pub days: u32,
    /// Interval length in minutes.
    pub interval_minutes: u32,
    /// Currency of every cost.
    pub currency: String,
    /// What the scenario is judged against.
    pub targets: TargetsReport,
    /// Day-level estimates.
    pub metrics: Metrics,
    /// Per-interval estimates.
    pub intervals: Vec<IntervalReport>,
    /// The satisfaction and value model these figures come from.
    pub satisfaction_model: SatisfactionModel,
    /// Unit costs, for ROI and reports.
    pub pricing: PricingReport,
    /// Things the planner should know about these numbers.
    pub warnings: Vec<String>,
    /// Share of journeys at each satisfaction score 0..=10 (index = score), per day.
    pub score_distribution: Vec<Estimate>,
    /// Each replication's day-level values (not in the JSON: for comparisons and charts).
    #[serde(skip)]
    pub day_samples: Vec<MetricValues>,
}

impl ScenarioReport {
    /// Builds the report of one scenario from its run.
    pub fn new(scenario: &Scenario, run: &ScenarioRun) -> Self {
        let sim = &scenario.simulation;
        let t = &scenario.targets;
        let mut warnings = Vec::new();
        if !scenario.costs.given {
            warnings.push(
                "no [costs] table: every cost is 0; add [costs] to get cost per contact"
                    .to_string(),
            );
        }
        let overtime = run.day[Metric::OvertimeAgentHours as usize].mean();
        let paid = run.day[Metric::PaidAgentHours as usize].mean();
        if overtime > 0.02 * paid {
            warnings.push(format!(
                "the queue left at closing took {overtime:.1} agent hours of overtime per day to drain"
            ));
        }
        ScenarioReport {
            name: scenario.name.clone(),
            description: scenario.description.clone(),
            file: scenario.file.display().to_string(),
            replications: sim.replications,
            seed: sim.seed,
            days: sim.days,
            interval_minutes: sim.interval_minutes,
            currency: scenario.costs.currency.clone(),
            targets: TargetsReport {
                service_level_within_s: t.sl_within_s,
                service_level_at_least: t.sl_at_least,
                abandonment_at_most: t.abandonment_at_most,
                asa_at_most_s: t.asa_at_most_s,
                occupancy_at_most: t.occupancy_at_most,
            },
            satisfaction_model: {
                let m = &scenario.satisfaction;
                let v = scenario.value.as_ref();
                SatisfactionModel {
                    source: if m.given { "scenario" } else { "defaults" },
                    base_score: m.base_score,
                    per_minute_waited: m.per_minute_waited,
                    abandoned: m.abandoned,
                    per_extra_contact: m.per_extra_contact,
                    unresolved: m.unresolved,
                    self_service_failed: m.self_service_failed,
                    noise_sd: m.noise_sd,
                    positive_from: m.positive_from,
                    customer_lifetime_value: v.map(|v| v.customer_lifetime_value),
                    churn: v.map(|v| [v.churn_detractor, v.churn_passive, v.churn_promoter]),
                }
            },
            pricing: PricingReport {
                agent_hour: scenario.costs.agent_hour,
                cost_per_session: scenario
                    .self_service
                    .as_ref()
                    .map_or(0.0, |x| x.cost_per_session),
                cost_per_attempt: scenario
                    .callback
                    .as_ref()
                    .map_or(0.0, |x| x.cost_per_attempt),
            },
            metrics: Metrics::from_running(&run.day),
            intervals: run
                .intervals
                .iter()
                .enumerate()
                .map(|(i, r)| IntervalReport {
                    start: sim.interval_label(i),
                    volume: scenario.arrivals.volumes[i],
                    paid_agents: scenario.staffing.paid[i],
                    productive_agents: scenario.staffing.productive(i),
                    metrics: Metrics::from_running(r),
                })
                .collect(),
            warnings,
            score_distribution: run.score_shares.iter().map(Running::estimate).collect(),
            day_samples: run.day_samples.clone(),
        }
    }
}

impl Report {
    /// A report of the given scenarios.
    pub fn new(scenarios: Vec<ScenarioReport>) -> Self {
        Report {
            ccsim_version: env!("CARGO_PKG_VERSION"),
            scenarios,
        }
    }
}

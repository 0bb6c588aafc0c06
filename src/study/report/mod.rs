//! The one result model every exporter reads: built from a validated scenario and what
//! its replications measured, never from the engine. Tables, CSV, JSON and charts only
//! format what is here.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

mod centre;
mod channels;
mod days;
mod parts;
mod rules;
mod spend;

pub use centre::{GroupIntervalReport, GroupReport, TypeIntervalReport, TypePricing, TypeReport};
pub use channels::{BacklogReport, ChatReport, EmailReport};
pub use days::{DayReport, CLOSED_ARRIVALS};
pub use parts::{IntervalReport, PricingReport, SatisfactionModel, TargetsReport};
pub use rules::{short_abandons_used, MovedReport, RulesReport};
pub use spend::{scheduled_hours, Spend};

use crate::metrics::{Metric, MetricValues, METRICS, RULE_METRICS};
use crate::runner::ScenarioRun;
use crate::scenario::Scenario;
use crate::stats::{Estimate, Running};

/// The JSON report (docs/outputs.md).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Version of ccsim that produced it.
    pub ccsim_version: &'static str,
    /// One entry per scenario, in the order given.
    pub scenarios: Vec<ScenarioReport>,
}

/// One estimate per metric, serialised as a map in the order of [`METRICS`], then the
/// rule metrics ([`RULE_METRICS`]) when the scenario uses their rule (empty otherwise),
/// then a dated run's closed arrivals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metrics(pub Vec<Estimate>, pub Vec<Estimate>, pub Option<Estimate>);

impl Metrics {
    /// The estimate of `m` (NaN for a rule metric the scenario does not use).
    pub fn get(&self, m: Metric) -> Estimate {
        let i = m as usize;
        match self.0.get(i) {
            Some(e) => *e,
            None => self.1.get(i - METRICS.len()).copied().unwrap_or(Estimate {
                mean: f64::NAN,
                half_width: f64::NAN,
            }),
        }
    }

    /// The estimates of `r` (one per metric); the rule metrics' only when `rules`.
    fn from_running(r: &[Running], rules: bool) -> Self {
        let (common, rule) = r.split_at(METRICS.len());
        let rule = if rules { rule } else { &[] };
        Metrics(
            common.iter().map(Running::estimate).collect(),
            rule.iter().map(Running::estimate).collect(),
            None,
        )
    }
}

impl Serialize for Metrics {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let keys = METRICS.iter().chain(RULE_METRICS).map(|d| d.key);
        let mut entries: Vec<_> = keys.zip(self.0.iter().chain(&self.1)).collect();
        if let Some(closed) = &self.2 {
            entries.push((CLOSED_ARRIVALS, closed));
        }
        keyed(s, entries.into_iter())
    }
}

/// Serialises (key, estimate) pairs as one JSON object, in the order given.
fn keyed<'a, S: Serializer, K: Serialize + 'a>(
    s: S,
    entries: impl ExactSizeIterator<Item = (K, &'a Estimate)>,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(entries.len()))?;
    for (key, e) in entries {
        map.serialize_entry(&key, e)?;
    }
    map.end()
}

/// Results of one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioReport {
    /// Scenario name.
    pub name: String,
    /// A sweep point's lever values (absent outside `ccsim sweep`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point: Option<crate::sweep::PointJson>,
    /// Scenario description, if any.
    pub description: Option<String>,
    /// `"option"` (a plan to choose between) or `"stress"` (a shock: never ranked or priced).
    pub role: &'static str,
    /// The file it came from.
    pub file: String,
    /// Replications simulated.
    pub replications: u32,
    /// How `--precision` ended (absent without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<crate::precision::Outcome>,
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
    /// The contract rules it uses (absent when none).
    #[serde(skip_serializing_if = "RulesReport::is_empty")]
    pub rules: RulesReport,
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
    /// Each contact type of a centre (absent for a one-type file: the centre is its type).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub types: Option<Vec<TypeReport>>,
    /// Each agent group of a centre (absent for a one-type file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<GroupReport>>,
    /// Each day of a dated run (absent without `start_date`).
    #[serde(rename = "days", skip_serializing_if = "Option::is_none")]
    pub dated_days: Option<Vec<DayReport>>,
    /// Each replication's day-level values (not in the JSON: for comparisons and charts).
    #[serde(skip)]
    pub day_samples: Vec<MetricValues>,
    /// Each replication's spend on what a change can add, priced type by type and group
    /// by group (not in the JSON: for the change cost of a comparison).
    #[serde(skip)]
    pub spend: Vec<Spend>,
}

impl ScenarioReport {
    /// True for a stress test: a shock read as a risk, never ranked, priced or on the frontier.
    pub fn is_stress(&self) -> bool {
        self.role == crate::scenario::Role::Stress.key()
    }

    /// Builds the report of one scenario from its run.
    pub fn new(scenario: &Scenario, run: &ScenarioRun) -> Self {
        let sim = &scenario.simulation;
        let mut warnings = Vec::new();
        if !scenario.costs.given {
            warnings.push(
                "no [costs] table: every cost is 0; add [costs] to get cost per contact"
                    .to_string(),
            );
        }
        let with_value = scenario.types.iter().filter(|t| t.value.is_some()).count();
        if with_value > 0 && with_value < scenario.types.len() {
            warnings.push(format!(
                "only {with_value} of {} types have [types.value]: the centre's lost value needs every type's",
                scenario.types.len()
            ));
        }
        warnings.extend(crate::model::deadline_warnings(scenario));
        let overtime = run.day[Metric::OvertimeAgentHours as usize].mean();
        let paid = run.day[Metric::PaidAgentHours as usize].mean();
        if overtime > 0.02 * paid {
            warnings.push(format!(
                "the queue left at closing took {overtime:.1} agent hours of overtime per day to drain"
            ));
        }
        // The scenario's own unit costs are its first type's, kept for readers of the
        // one-type JSON; a centre prices each type by its own in `spend` and lists each
        // type's under its `types` entry.
        let pricing = PricingReport::of(&scenario.costs, &scenario.types[0]);
        let short = short_abandons_used(scenario);
        // A one-type file's report does not list its one type and one group.
        let (types, groups) = if !scenario.listed().0.is_empty() {
            (
                Some(centre::types(scenario, &run.types)),
                Some(centre::groups(scenario, &run.groups)),
            )
        } else {
            (None, None)
        };
        let spend = match (&types, &groups) {
            (Some(types), Some(groups)) => {
                centre::spend(scenario, types, groups, run.day_samples.len())
            }
            _ => run
                .day_samples
                .iter()
                .map(|d| Spend::of_day(d, &pricing))
                .collect(),
        };
        let mut report = ScenarioReport {
            dated_days: None,
            name: scenario.name.clone(),
            point: None,
            description: scenario.description.clone(),
            role: scenario.role.key(),
            file: scenario.file.display().to_string(),
            replications: sim.replications,
            precision: None,
            seed: sim.seed,
            days: sim.days,
            interval_minutes: sim.interval_minutes,
            currency: scenario.costs.currency.clone(),
            targets: centre::centre_targets(scenario),
            rules: RulesReport::of(scenario),
            satisfaction_model: SatisfactionModel::of(&scenario.types[0]),
            pricing,
            metrics: Metrics::from_running(&run.day, short),
            intervals: run
                .intervals
                .iter()
                .enumerate()
                .map(|(i, r)| IntervalReport {
                    metrics: Metrics::from_running(r, short),
                    ..IntervalReport::staffing(scenario, i)
                })
                .collect(),
            types,
            groups,
            warnings,
            score_distribution: run.score_shares.iter().map(Running::estimate).collect(),
            day_samples: run.day_samples.clone(),
            spend,
        };
        if let Some(dated) = &run.dated {
            days::add(&mut report, scenario, dated);
        }
        report
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

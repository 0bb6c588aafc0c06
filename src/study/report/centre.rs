//! The parts of a centre's report: each contact type (every metric, per interval too)
//! and each agent group (occupancy, paid hours, cost, share of busy time per type);
//! an email type adds its backlog and a chat group its slot figures (`channels.rs`).

use serde::{Serialize, Serializer};

use super::Spend;
use super::{Metrics, PricingReport, SatisfactionModel, TargetsReport};
use crate::metrics::{GroupMetricValues, MetricValues, GROUP_METRICS};
use crate::runner::{GroupRun, TypeRun};
use crate::scenario::{Channel, Scenario};
use crate::stats::{Estimate, Running};

/// Results of one contact type of a centre.
#[derive(Debug, Clone, Serialize)]
pub struct TypeReport {
    /// Type name.
    pub name: String,
    /// Channel: "voice", "chat" or "email".
    pub channel: &'static str,
    /// What this type is judged against.
    pub targets: TargetsReport,
    /// Day-level estimates.
    pub metrics: Metrics,
    /// Per-interval estimates.
    pub intervals: Vec<TypeIntervalReport>,
    /// The satisfaction and value model of this type.
    pub satisfaction_model: SatisfactionModel,
    /// This type's own unit prices (its agents are priced by their group's rate).
    pub pricing: TypePricing,
    /// Share of the type's journeys at each satisfaction score 0..=10.
    pub score_distribution: Vec<Estimate>,
    /// An email type's backlog and deadline (absent for voice and chat).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<super::channels::EmailReport>,
    /// Each replication's day-level values (not in the JSON: for charts and comparisons).
    #[serde(skip)]
    pub day_samples: Vec<MetricValues>,
    /// Each day of a dated run (absent without `start_date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<Vec<super::DayReport>>,
}

/// The unit prices of what one contact type adds besides its agents' time.
#[derive(Debug, Clone, Serialize)]
pub struct TypePricing {
    /// Cost of one self-service session of this type.
    pub cost_per_session: f64,
    /// Cost of one callback attempt of this type.
    pub cost_per_attempt: f64,
}

/// Results of one contact type in one interval of the day.
#[derive(Debug, Clone, Serialize)]
pub struct TypeIntervalReport {
    /// Clock time of the interval's start, `HH:MM`.
    pub start: String,
    /// Expected fresh contacts of this type.
    pub volume: f64,
    /// Estimates by arrival interval (agent time allocated by busy time).
    pub metrics: Metrics,
}

/// Group figures serialised as a map in the order of [`GROUP_METRICS`].
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMetrics(pub Vec<Estimate>);

impl Serialize for GroupMetrics {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::keyed(s, GROUP_METRICS.iter().map(|d| d.key).zip(&self.0))
    }
}

/// Share of a group's busy time per type served, as a map from type name.
#[derive(Debug, Clone, PartialEq)]
pub struct BusyShare(pub Vec<(String, Estimate)>);

impl Serialize for BusyShare {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::keyed(s, self.0.iter().map(|(name, e)| (name, e)))
    }
}

/// Results of one agent group of a centre.
#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    /// Group name.
    pub name: String,
    /// Types served, highest priority first.
    pub serves: Vec<String>,
    /// How a freed agent chooses among them: "priority" or "longest_wait".
    pub pick: &'static str,
    /// Loaded cost of one paid agent hour of this group.
    pub agent_hour: f64,
    /// Day-level figures.
    pub metrics: GroupMetrics,
    /// Share of the group's busy time spent on each type it serves.
    pub busy_share: BusyShare,
    /// Agents and occupancy per interval.
    pub intervals: Vec<GroupIntervalReport>,
    /// A chat group's slots and how full they were (absent for a group serving no chat).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat: Option<super::channels::ChatReport>,
    /// Each replication's group figures (not in the JSON: for comparisons).
    #[serde(skip)]
    pub day_samples: Vec<GroupMetricValues>,
}

/// One agent group in one interval of the day.
#[derive(Debug, Clone, Serialize)]
pub struct GroupIntervalReport {
    /// Clock time of the interval's start, `HH:MM`.
    pub start: String,
    /// Paid agents scheduled.
    pub paid_agents: u32,
    /// Productive agents = round(paid × (1 − shrinkage)).
    pub productive_agents: u32,
    /// Busy time over productive time.
    pub occupancy: Estimate,
}

/// The per-type reports of a centre.
pub(super) fn types(scenario: &Scenario, runs: &[TypeRun]) -> Vec<TypeReport> {
    let sim = &scenario.simulation;
    let short = super::short_abandons_used(scenario);
    scenario
        .types
        .iter()
        .zip(runs)
        .map(|(t, run)| TypeReport {
            days: None,
            name: t.name.clone(),
            channel: t.channel.key(),
            email: super::channels::email(scenario, t, run),
            targets: TargetsReport::of(&t.targets),
            metrics: Metrics::from_running(&run.day, short),
            intervals: run
                .intervals
                .iter()
                .enumerate()
                .map(|(i, r)| TypeIntervalReport {
                    start: sim.interval_label(i),
                    volume: t.arrivals.volumes[i],
                    metrics: Metrics::from_running(r, short),
                })
                .collect(),
            satisfaction_model: SatisfactionModel::of(t),
            pricing: {
                let p = PricingReport::of(&scenario.costs, t);
                TypePricing {
                    cost_per_session: p.cost_per_session,
                    cost_per_attempt: p.cost_per_attempt,
                }
            },
            score_distribution: run.score_shares.iter().map(Running::estimate).collect(),
            day_samples: run.day_samples.clone(),
        })
        .collect()
}

/// The per-group reports of a centre.
pub(super) fn groups(scenario: &Scenario, runs: &[GroupRun]) -> Vec<GroupReport> {
    let sim = &scenario.simulation;
    scenario
        .groups
        .iter()
        .zip(runs)
        .map(|(g, run)| GroupReport {
            name: g.name.clone(),
            serves: g
                .serves
                .iter()
                .map(|&t| scenario.types[t].name.clone())
                .collect(),
            pick: g.pick.key(),
            agent_hour: g.agent_hour,
            metrics: GroupMetrics(run.day.iter().map(Running::estimate).collect()),
            busy_share: BusyShare(
                g.serves
                    .iter()
                    .zip(&run.busy_share)
                    .map(|(&t, r)| (scenario.types[t].name.clone(), r.estimate()))
                    .collect(),
            ),
            intervals: run
                .occupancy
                .iter()
                .enumerate()
                .map(|(i, r)| GroupIntervalReport {
                    start: sim.interval_label(i),
                    paid_agents: g.staffing.paid[i],
                    productive_agents: g.staffing.productive(i),
                    occupancy: r.estimate(),
                })
                .collect(),
            chat: super::channels::chat(g, run),
            day_samples: run.day_samples.clone(),
        })
        .collect()
}

/// The scenario's targets: a one-type file's are its type's. A centre has none of its
/// own (each type has its targets); the service-level threshold when every type its
/// headline covers (the live ones, when it has any) shares it, else undefined (NaN).
pub(super) fn centre_targets(centre: &Scenario) -> TargetsReport {
    if !centre.is_centre() {
        return TargetsReport::of(&centre.types[0].targets);
    }
    let live: Vec<_> = centre
        .types
        .iter()
        .filter(|t| t.channel != Channel::Email)
        .collect();
    let headline = if live.is_empty() {
        centre.types.iter().collect()
    } else {
        live
    };
    let first = headline[0].targets.sl_within_s;
    let common = headline.iter().all(|t| t.targets.sl_within_s == first);
    TargetsReport {
        service_level_within_s: if common { first } else { f64::NAN },
        service_level_at_least: None,
        abandonment_at_most: None,
        asa_at_most_s: None,
        occupancy_at_most: None,
        short_abandon_s: None,
        judged: None,
    }
}

/// Each replication's spend on what a change can add: every type's sessions and attempts
/// at its own prices, every group's scheduled hours at its own rate.
pub(super) fn spend(
    centre: &Scenario,
    types: &[TypeReport],
    groups: &[GroupReport],
    replications: usize,
) -> Vec<Spend> {
    let prices: Vec<PricingReport> = centre
        .types
        .iter()
        .map(|t| PricingReport::of(&centre.costs, t))
        .collect();
    (0..replications)
        .map(|r| {
            let mut s = Spend::default();
            for (t, p) in types.iter().zip(&prices) {
                s.add_type(&t.day_samples[r], p);
            }
            for g in groups {
                s.add_group(&g.day_samples[r], g.agent_hour);
            }
            s
        })
        .collect()
}

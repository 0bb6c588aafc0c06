//! The parts of a scenario's report that describe its inputs: targets, the satisfaction
//! model, unit costs, and the per-interval rows.

use serde::Serialize;

use super::Metrics;
use crate::metrics::Metric;
use crate::scenario::{ContactType, Costs, Judged, Scenario, Targets};
use crate::stats::Estimate;

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
    /// Abandons within this many seconds are short (absent without the rule).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_abandon_s: Option<f64>,
    /// `"day"` when the targets are judged on each day's figures (absent: every interval's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judged: Option<&'static str>,
}

impl TargetsReport {
    /// The targets of a scenario (or of one contact type).
    pub fn of(t: &Targets) -> Self {
        TargetsReport {
            service_level_within_s: t.sl_within_s,
            service_level_at_least: t.sl_at_least,
            abandonment_at_most: t.abandonment_at_most,
            asa_at_most_s: t.asa_at_most_s,
            occupancy_at_most: t.occupancy_at_most,
            short_abandon_s: (t.short_abandon_s > 0.0).then_some(t.short_abandon_s),
            judged: (t.judged == Judged::Day).then_some(t.judged.key()),
        }
    }

    /// Whether an interval's figures are judged (false with `judged = "day"`: only the
    /// day's are, so an interval's row carries no mark).
    pub fn marks_intervals(&self) -> bool {
        self.judged.is_none()
    }

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

impl IntervalReport {
    /// Interval `i`'s volume and agents, metrics left empty: a centre's are the sums
    /// over its types and groups.
    pub fn staffing(scenario: &Scenario, i: usize) -> Self {
        let (types, groups) = (&scenario.types, &scenario.groups);
        let (volume, paid_agents, productive_agents) = (
            types.iter().map(|t| t.arrivals.volumes[i]).sum(),
            groups.iter().map(|g| g.staffing.paid[i]).sum(),
            groups.iter().map(|g| g.staffing.productive(i)).sum(),
        );
        IntervalReport {
            start: scenario.simulation.interval_label(i),
            volume,
            paid_agents,
            productive_agents,
            metrics: Metrics::default(),
        }
    }
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
    /// The satisfaction and value model of one contact type.
    pub fn of(t: &ContactType) -> Self {
        let m = &t.satisfaction;
        let v = t.value.as_ref();
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
    }

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
    /// Paid hours of one full-time agent a day (`[costs] fte_hours_per_day`), for the
    /// executive summary; not in the JSON, whose figures stay per day.
    #[serde(skip)]
    pub fte_hours_per_day: f64,
    /// Days open a year (`[costs] open_days_per_year`), as above.
    #[serde(skip)]
    pub open_days_per_year: f64,
}

impl PricingReport {
    /// The unit costs of one contact type of a scenario of these `costs`.
    pub fn of(costs: &Costs, t: &ContactType) -> Self {
        PricingReport {
            agent_hour: costs.agent_hour,
            fte_hours_per_day: costs.fte_hours_per_day,
            open_days_per_year: costs.open_days_per_year,
            cost_per_session: t.self_service.as_ref().map_or(0.0, |x| x.cost_per_session),
            cost_per_attempt: t.callback.as_ref().map_or(0.0, |x| x.cost_per_attempt),
        }
    }
}

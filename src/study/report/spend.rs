//! What a simulated day spent on the things a change can add, priced where it happens,
//! recorded per replication so that the ROI of a change reads it from the report.

use super::PricingReport;
use crate::metrics::{GroupMetric, GroupMetricValues, Metric, MetricValues};

fn at(v: &MetricValues, m: Metric) -> f64 {
    v[m as usize]
}

/// What one simulated day spent on the things a change can add, each priced where it
/// happens: every contact type's bot sessions and callback attempts at that type's own
/// prices, and every agent group's scheduled hours at the group's own rate (a one-type
/// file is one type and one group).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spend {
    /// Self-service sessions × cost per session, summed over the types.
    pub sessions: f64,
    /// Callback attempts × cost per attempt, summed over the types.
    pub attempts: f64,
    /// Scheduled (paid, overtime excluded) hours × the group's rate, summed over groups.
    pub agents: f64,
}

impl Spend {
    /// The spend of a one-type day: its own values at its own prices.
    pub fn of_day(v: &MetricValues, p: &PricingReport) -> Self {
        Spend {
            sessions: at(v, Metric::SelfServiceSessions) * p.cost_per_session,
            attempts: at(v, Metric::CallbackAttempts) * p.cost_per_attempt,
            agents: p.agent_hour * scheduled_hours(v),
        }
    }

    /// Adds one contact type's day at that type's prices.
    pub fn add_type(&mut self, v: &MetricValues, p: &PricingReport) {
        self.sessions += at(v, Metric::SelfServiceSessions) * p.cost_per_session;
        self.attempts += at(v, Metric::CallbackAttempts) * p.cost_per_attempt;
    }

    /// Adds one agent group's day (its figures) at the group's rate.
    pub fn add_group(&mut self, v: &GroupMetricValues, agent_hour: f64) {
        let scheduled =
            v[GroupMetric::PaidAgentHours as usize] - v[GroupMetric::OvertimeAgentHours as usize];
        self.agents += agent_hour * scheduled;
    }
}

/// Paid hours without overtime: the hours a plan schedules.
pub fn scheduled_hours(v: &MetricValues) -> f64 {
    at(v, Metric::PaidAgentHours) - at(v, Metric::OvertimeAgentHours)
}

//! The return on a change, against a baseline simulated with the same seed (common random
//! numbers). Operating cost is money the centre spends; lost value is an estimate from the
//! scenario's own value model (churn × customer lifetime value). So the ROI rests on
//! operating cost alone, and what the value model adds is reported on its own lines:
//!
//! - cost of the change = the scenario's extra spend on what it adds: bot sessions,
//!   callback attempts and extra paid agent hours, each counted only where it exceeds
//!   the baseline's; a centre's sessions and attempts are priced at each type's own
//!   prices and its hours at each group's own rate, as its operating cost is;
//! - benefit = baseline operating cost − scenario operating cost, before the change's own
//!   cost (i.e. with that cost added back); net benefit = benefit − cost of the change;
//! - ROI = net benefit ÷ cost of the change × 100;
//! - from the value model (both scenarios have `[value]`): lost value avoided = baseline
//!   lost value − scenario lost value, and the net benefit and ROI with it added, as
//!   the model's (docs/model.md) economic ROI defines them.
//!
//! Every figure is computed per replication and estimated from the paired values, so its
//! interval reflects only the difference the change makes, not the day-to-day swings both
//! scenarios share. An ROI is the ratio of the mean net benefit to the mean change cost (a
//! per-day ratio would be undefined on days the change happens to cost nothing, e.g. a day
//! with no callback), with its interval from the delta method on the paired residuals
//! net − ROI × cost.

use serde::Serialize;

use crate::metrics::{Metric, MetricValues};
pub use crate::report::Spend;
use crate::stats::{Estimate, Running};

/// ROI of a scenario against a baseline, per simulated day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roi {
    /// Extra spend on what the scenario adds (per day).
    pub change_cost: Estimate,
    /// Operating cost saved, before the change's own cost (per day).
    pub benefit: Estimate,
    /// Benefit − cost of the change (per day): the baseline's operating cost minus the scenario's.
    pub net_benefit: Estimate,
    /// Net benefit ÷ cost of the change × 100, on operating cost; `None` when the change adds no spend.
    pub roi_percent: Option<Estimate>,
    /// Whether both scenarios have a value model (`[value]`), so the three figures below exist.
    pub includes_lost_value: bool,
    /// From the value model: baseline lost value − scenario lost value (per day).
    pub lost_value_avoided: Option<Estimate>,
    /// From the value model: net benefit + lost value avoided (per day), i.e. the baseline's
    /// economic cost minus the scenario's.
    pub net_benefit_with_lost_value: Option<Estimate>,
    /// From the value model: (net benefit + lost value avoided) ÷ cost of the change × 100.
    pub roi_with_lost_value_percent: Option<Estimate>,
    /// A plain sentence on how to read it.
    pub note: String,
}

fn at(v: &MetricValues, m: Metric) -> f64 {
    v[m as usize]
}

/// The change cost of one replication.
fn change_cost(s: &Spend, b: &Spend) -> f64 {
    // Scheduled hours are a difference of two float sums: a plan that adds nothing can
    // leave 1e-13 h of rounding, which must not become a change cost (and an ROI of 1e17 %).
    let extra = |x: f64| if x > 1e-6 { x } else { 0.0 };
    extra(s.sessions - b.sessions) + extra(s.attempts - b.attempts) + extra(s.agents - b.agents)
}

/// The ROI of `scenario` against `baseline` from their per-replication day values and
/// spends (same seed and replications, so replication r of each saw the same callers).
pub fn roi(
    scenario: &[MetricValues],
    baseline: &[MetricValues],
    spend_s: &[Spend],
    spend_b: &[Spend],
) -> Roi {
    let includes_lost_value = scenario
        .iter()
        .chain(baseline)
        .all(|v| at(v, Metric::LostValue).is_finite());
    let (mut cost, mut benefit, mut net, mut lost, mut net_lost) = (
        Running::default(),
        Running::default(),
        Running::default(),
        Running::default(),
        Running::default(),
    );
    let mut pairs = Vec::with_capacity(scenario.len());
    for ((s, b), (xs, xb)) in scenario
        .iter()
        .zip(baseline)
        .zip(spend_s.iter().zip(spend_b))
    {
        let c = change_cost(xs, xb);
        let n = at(b, Metric::CostTotal) - at(s, Metric::CostTotal);
        let l = at(b, Metric::LostValue) - at(s, Metric::LostValue);
        cost.push(c);
        benefit.push(n + c);
        net.push(n);
        lost.push(l);
        net_lost.push(n + l);
        pairs.push((n, n + l, c));
    }
    let mean_cost = cost.mean();
    let operating: Vec<(f64, f64)> = pairs.iter().map(|&(n, _, c)| (n, c)).collect();
    let with_value: Vec<(f64, f64)> = pairs.iter().map(|&(_, nl, c)| (nl, c)).collect();
    let roi_percent = ratio(&operating, mean_cost);
    let note = match roi_percent {
        Some(_) => "ROI = mean operating net benefit ÷ mean change cost × 100, paired over replications; the value model's lost value is on its own lines".to_string(),
        None => "the change adds no spend (it only removes or moves resources): ROI is undefined; the net benefit is the whole story".to_string(),
    };
    Roi {
        change_cost: cost.estimate(),
        benefit: benefit.estimate(),
        net_benefit: net.estimate(),
        roi_percent,
        includes_lost_value,
        lost_value_avoided: includes_lost_value.then(|| lost.estimate()),
        net_benefit_with_lost_value: includes_lost_value.then(|| net_lost.estimate()),
        roi_with_lost_value_percent: ratio(&with_value, mean_cost).filter(|_| includes_lost_value),
        note,
    }
}

/// 100 × mean net ÷ mean cost of paired (net, cost) days, with its delta-method interval;
/// `None` when the change costs nothing on average.
fn ratio(pairs: &[(f64, f64)], mean_cost: f64) -> Option<Estimate> {
    (mean_cost > 0.0).then(|| {
        let mut net = Running::default();
        pairs.iter().for_each(|(n, _)| net.push(*n));
        let ratio = net.mean() / mean_cost;
        let mut residual = Running::default();
        pairs.iter().for_each(|(n, c)| residual.push(n - ratio * c));
        let spread = residual.estimate().half_width / mean_cost;
        Estimate {
            mean: 100.0 * ratio,
            half_width: 100.0 * spread,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{GroupMetric, METRIC_COUNT};
    use crate::report::PricingReport;

    fn day(cost: f64, lost: f64, sessions: f64, hours: f64) -> MetricValues {
        let mut v = [0.0; METRIC_COUNT];
        v[Metric::CostTotal as usize] = cost;
        v[Metric::LostValue as usize] = lost;
        v[Metric::SelfServiceSessions as usize] = sessions;
        v[Metric::PaidAgentHours as usize] = hours;
        v
    }

    fn pricing(per_session: f64) -> PricingReport {
        PricingReport {
            agent_hour: 20.0,
            cost_per_session: per_session,
            cost_per_attempt: 0.0,
            fte_hours_per_day: 8.0,
            open_days_per_year: 250.0,
        }
    }

    /// The ROI of one-type days at 20 an hour and the given prices per session.
    fn roi_of(s: &[MetricValues], b: &[MetricValues], per_s: f64, per_b: f64) -> Roi {
        let spend = |days: &[MetricValues], p: f64| -> Vec<Spend> {
            days.iter().map(|d| Spend::of_day(d, &pricing(p))).collect()
        };
        roi(s, b, &spend(s, per_s), &spend(b, per_b))
    }

    #[test]
    fn a_chatbot_that_pays_for_itself_by_hand() {
        // Baseline: cost 1000, lost 500. Chatbot: 100 sessions at 1.0, cost 950, lost 450.
        // Change cost 100; operating benefit = 50 + 100 = 150; ROI = (150 − 100) ÷ 100 = 50 %.
        // With the value model's 50 of lost value avoided: net 50 + 50 = 100, so 100 %.
        let b = vec![day(1000.0, 500.0, 0.0, 40.0), day(1100.0, 520.0, 0.0, 40.0)];
        let s = vec![
            day(950.0, 450.0, 100.0, 40.0),
            day(1050.0, 470.0, 100.0, 40.0),
        ];
        let r = roi_of(&s, &b, 1.0, 0.0);
        assert_eq!(r.change_cost.mean, 100.0);
        assert_eq!(r.benefit.mean, 150.0);
        assert_eq!(r.net_benefit.mean, 50.0);
        assert_eq!(r.roi_percent.unwrap().mean, 50.0);
        // Identical differences on both days: the paired interval has zero width.
        assert_eq!(r.roi_percent.unwrap().half_width, 0.0);
        assert!(r.includes_lost_value);
        assert_eq!(r.lost_value_avoided.unwrap().mean, 50.0);
        assert_eq!(r.net_benefit_with_lost_value.unwrap().mean, 100.0);
        assert_eq!(r.roi_with_lost_value_percent.unwrap().mean, 100.0);
    }

    #[test]
    fn a_centre_prices_each_type_and_group_at_its_own_rates() {
        // Type 1 (0.35 a session) runs the bot, type 0 (0.0) does not; group 1 (31 an
        // hour) gets 2 more scheduled hours, group 0 (20) keeps its 10.
        let mut sessions = [0.0; METRIC_COUNT];
        sessions[Metric::SelfServiceSessions as usize] = 100.0;
        let none = [0.0; METRIC_COUNT];
        let group = |h: f64| {
            let mut g = [0.0; crate::metrics::GROUP_METRIC_COUNT];
            g[GroupMetric::PaidAgentHours as usize] = h;
            g
        };
        let spend = |bot: bool, hours: f64| {
            let mut s = Spend::default();
            s.add_type(&none, &pricing(0.0));
            s.add_type(if bot { &sessions } else { &none }, &pricing(0.35));
            s.add_group(&group(10.0), 20.0);
            s.add_group(&group(hours), 31.0);
            s
        };
        let days = vec![day(1000.0, 0.0, 100.0, 0.0); 2];
        let r = roi(
            &days,
            &days,
            &[spend(true, 6.0); 2],
            &[spend(false, 4.0); 2],
        );
        assert!((r.change_cost.mean - (35.0 + 62.0)).abs() < 1e-9);
    }

    #[test]
    fn fewer_agents_add_no_spend_so_roi_is_undefined() {
        let b = vec![day(1000.0, 500.0, 0.0, 40.0); 3];
        let s = vec![day(900.0, 560.0, 0.0, 35.0); 3];
        let r = roi_of(&s, &b, 0.0, 0.0);
        assert_eq!(r.change_cost.mean, 0.0);
        assert!(r.roi_percent.is_none());
        // Saves 100 of operating cost but, by the value model, loses 60 more value.
        assert_eq!(r.net_benefit.mean, 100.0);
        assert_eq!(r.net_benefit_with_lost_value.unwrap().mean, 40.0);
    }

    #[test]
    fn without_a_value_model_there_are_no_value_lines() {
        let b = vec![day(1000.0, f64::NAN, 0.0, 40.0); 2];
        let s = vec![day(950.0, f64::NAN, 10.0, 40.0); 2];
        let r = roi_of(&s, &b, 1.0, 0.0);
        assert!(!r.includes_lost_value);
        assert!(r.lost_value_avoided.is_none() && r.roi_with_lost_value_percent.is_none());
        // (50 + 10 − 10) ÷ 10 = 500 %.
        assert_eq!(r.roi_percent.unwrap().mean, 500.0);
    }

    #[test]
    fn float_rounding_in_agent_hours_is_not_a_change_cost() {
        // 0.1 + 0.2 − 0.3 ≠ 0 in floats: the same plan summed another way.
        let b = vec![day(1000.0, 500.0, 0.0, 0.3); 2];
        let s = vec![day(990.0, 520.0, 0.0, 0.1 + 0.2); 2];
        let r = roi_of(&s, &b, 0.0, 0.0);
        assert_eq!(r.change_cost.mean, 0.0);
        assert!(r.roi_percent.is_none());
    }

    #[test]
    fn extra_agent_hours_are_a_change_cost() {
        let b = vec![day(1000.0, 600.0, 0.0, 40.0); 2];
        let s = vec![day(1040.0, 500.0, 0.0, 42.0); 2];
        let r = roi_of(&s, &b, 0.0, 0.0);
        assert_eq!(r.change_cost.mean, 40.0);
        // Operating: benefit = −40 + 40 = 0; ROI = (0 − 40) ÷ 40 = −100 %.
        assert_eq!(r.roi_percent.unwrap().mean, -100.0);
        // With the value model's 100 avoided: (−40 + 100) ÷ 40 = 150 %.
        assert_eq!(r.roi_with_lost_value_percent.unwrap().mean, 150.0);
    }
}

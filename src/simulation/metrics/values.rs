//! Metric values of docs/model.md from a replication's counters, priced by the scenario.

use super::counters::{IntervalCounters, ReplicationCounters};
use super::{GroupValues, Metric, MetricValues, METRIC_COUNT, SCORES};
use crate::scenario::{ContactType, Costs, Value};

/// `num / den`, NaN when there is no denominator (a ratio with nothing to measure).
pub(super) fn ratio(num: f64, den: f64) -> f64 {
    if den > 0.0 {
        num / den
    } else {
        f64::NAN
    }
}

/// Everything that turns one contact type's counters into money and satisfaction figures.
#[derive(Debug, Clone, PartialEq)]
pub struct TypePricing {
    /// Agent, handling, queue and fixed costs.
    pub costs: Costs,
    /// Cost of one self-service session.
    pub cost_per_session: f64,
    /// Cost of one callback attempt.
    pub cost_per_attempt: f64,
    /// Scores at or above this are positive (CSAT).
    pub positive_from: u8,
    /// Customer value and churn, when the scenario gives them.
    pub value: Option<Value>,
}

impl TypePricing {
    /// The pricing of type `t` of a scenario of these `costs`.
    pub fn of(costs: &Costs, t: &ContactType) -> Self {
        TypePricing {
            costs: costs.clone(),
            cost_per_session: t.self_service.as_ref().map_or(0.0, |x| x.cost_per_session),
            cost_per_attempt: t.callback.as_ref().map_or(0.0, |x| x.cost_per_attempt),
            positive_from: t.satisfaction.positive_from,
            value: t.value.clone(),
        }
    }

    /// The cost of `agent_s` paid agent-seconds at the scenario's hourly rate.
    pub fn agent_cost(&self, agent_s: f64) -> f64 {
        self.costs.agent_hour * agent_s / 3600.0
    }

    /// What `c` cost and was worth: `agent_cost` for its agents' paid time, plus this
    /// pricing's per-minute, session and attempt costs and the `fixed` share given.
    pub fn price(&self, c: &IntervalCounters, agent_cost: f64, fixed: f64) -> Priced {
        let k = &self.costs;
        let cost = agent_cost
            + k.per_handled_minute * c.handle_s / 60.0
            + k.per_queued_minute * (c.wait_answered_s + c.wait_abandoned_s) / 60.0
            + self.cost_per_session * c.self_service_sessions as f64
            + self.cost_per_attempt * c.callback_attempts as f64
            + fixed;
        let j = &c.journeys;
        let promoters = (j.scores[9] + j.scores[10]) as f64;
        let detractors: u64 = j.scores[..=6].iter().sum();
        let passives = (j.scores[7] + j.scores[8]) as f64;
        let lost = self.value.as_ref().map_or(f64::NAN, |v| {
            v.customer_lifetime_value
                * (v.churn_detractor * detractors as f64
                    + v.churn_passive * passives
                    + v.churn_promoter * promoters)
        });
        Priced {
            cost,
            lost,
            positive: j.scores[self.positive_from as usize..].iter().sum(),
        }
    }
}

/// What some counters cost and were worth, each contact type priced by its own tables;
/// a centre's figures are the sums over its types.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Priced {
    /// Operating cost: agents, per-minute charges, sessions, attempts and fixed share.
    pub cost: f64,
    /// Customer lifetime value lost to churn (NaN without `[value]`).
    pub lost: f64,
    /// Journeys scored at or above their type's positive threshold (CSAT).
    pub positive: u64,
}

impl std::ops::AddAssign for Priced {
    fn add_assign(&mut self, o: Self) {
        self.cost += o.cost;
        self.lost += o.lost;
        self.positive += o.positive;
    }
}

/// Metric values of one replication's counters `c` covering `days` days, `priced` by
/// [`TypePricing::price`]. `overtime_s` is the drain's agent time attributed to these counters.
pub fn values(c: &IntervalCounters, overtime_s: f64, priced: &Priced, days: u32) -> MetricValues {
    let per_day = 1.0 / f64::from(days.max(1));
    let offered = c.offered as f64;
    let to_agents = offered - c.deflected as f64;
    let reached_queue = to_agents - c.blocked as f64;
    let answered = c.answered as f64;
    let abandoned = c.abandoned as f64;
    // Short abandons leave the abandonment rate and the service level's denominator
    // (0 without the rule, which leaves both figures exactly as they were).
    let short = c.short_abandoned as f64;
    let handled = answered + c.callbacks_completed as f64;
    let resolved = c.resolved_at_contact as f64 + c.deflected as f64;
    let (cost, lost, positive) = (priced.cost, priced.lost, priced.positive);
    let j = &c.journeys;
    let scored = j.journeys as f64;
    let promoters = (j.scores[9] + j.scores[10]) as f64;
    let detractors: u64 = j.scores[..=6].iter().sum();
    let mut v = [f64::NAN; METRIC_COUNT];
    use Metric as M;
    let mut set = |m: Metric, x: f64| v[m as usize] = x;
    set(M::Offered, offered * per_day);
    set(M::Deflected, c.deflected as f64 * per_day);
    set(M::OfferedToAgents, to_agents * per_day);
    set(M::Blocked, c.blocked as f64 * per_day);
    set(M::BlockingRate, ratio(c.blocked as f64, to_agents));
    set(M::Answered, answered * per_day);
    set(M::Abandoned, abandoned * per_day);
    set(
        M::AbandonmentRate,
        ratio(abandoned - short, to_agents - short),
    );
    set(M::DelayedShare, ratio(c.delayed as f64, reached_queue));
    set(
        M::ServiceLevel,
        // Emails still open past their deadline, or past a horizon shorter than it, are
        // misses (0 for other channels).
        ratio(
            c.answered_within as f64,
            answered + (abandoned - short) + c.open_counted_late as f64,
        ),
    );
    set(M::AsaS, ratio(c.wait_answered_s, answered));
    set(
        M::MeanWaitS,
        ratio(c.wait_answered_s + c.wait_abandoned_s, answered + abandoned),
    );
    set(M::Occupancy, ratio(c.busy_agent_s, c.productive_agent_s));
    set(M::AhtS, ratio(c.handle_s, handled));
    set(M::Fcr, ratio(c.resolved_at_contact as f64, handled));
    set(M::Redials, c.redials as f64 * per_day);
    set(
        M::RedialsAfterBlocked,
        c.redials_after_blocked as f64 * per_day,
    );
    set(M::Repeats, c.repeats as f64 * per_day);
    set(M::CallbacksOffered, c.callbacks_offered as f64 * per_day);
    set(M::CallbacksAccepted, c.callbacks_accepted as f64 * per_day);
    set(
        M::CallbacksCompleted,
        c.callbacks_completed as f64 * per_day,
    );
    set(M::CallbacksFailed, c.callbacks_failed as f64 * per_day);
    set(
        M::CallbacksWithinPromise,
        c.callbacks_within_promise as f64 * per_day,
    );
    set(
        M::PaidAgentHours,
        (c.paid_agent_s + overtime_s) / 3600.0 * per_day,
    );
    set(M::OvertimeAgentHours, overtime_s / 3600.0 * per_day);
    set(M::CostTotal, cost * per_day);
    set(M::CostPerContact, ratio(cost, offered));
    set(M::CostPerHandled, ratio(cost, handled));
    set(M::CostPerResolved, ratio(cost, resolved));
    set(M::Csat, 100.0 * ratio(positive as f64, scored));
    set(M::Nps, 100.0 * ratio(promoters - detractors as f64, scored));
    set(M::LostValue, lost * per_day);
    set(M::EconomicCost, (cost + lost) * per_day);
    set(M::EconomicCostPerContact, ratio(cost + lost, offered));
    set(M::Journeys, scored * per_day);
    set(M::ContactsPerJourney, ratio(j.contacts as f64, scored));
    set(M::CustomerAbandonmentRate, ratio(j.gave_up as f64, scored));
    set(
        M::JourneysResolvedShare,
        ratio((j.resolved + j.deflected) as f64, scored),
    );
    set(M::CallbacksPending, c.callbacks_pending as f64 * per_day);
    set(M::CarriedOver, c.carried_over as f64 * per_day);
    set(
        M::SelfServiceSessions,
        c.self_service_sessions as f64 * per_day,
    );
    set(M::CallbackAttempts, c.callback_attempts as f64 * per_day);
    set(M::ShortAbandoned, short * per_day);
    v
}

/// The share of `c`'s scored journeys at each score 0..=10 (NaN when none was scored).
pub fn score_shares(c: &IntervalCounters) -> [f64; SCORES] {
    let j = &c.journeys;
    let scored: u64 = j.scores.iter().sum();
    let mut shares = [f64::NAN; SCORES];
    if scored > 0 {
        for (share, &n) in shares.iter_mut().zip(&j.scores) {
            *share = n as f64 / scored as f64;
        }
    }
    shares
}

/// What one replication measured, as values ready to be averaged over replications.
#[derive(Debug, Clone)]
pub struct ReplicationValues {
    /// Day-level metric values.
    pub day: MetricValues,
    /// Metric values per interval.
    pub intervals: Vec<MetricValues>,
    /// Share of the day's journeys at each satisfaction score.
    pub score_shares: [f64; SCORES],
    /// Each contact type's values (empty for a one-type file: the centre is its type).
    pub types: Vec<TypeValues>,
    /// Each agent group's values (empty for a one-type file).
    pub groups: Vec<GroupValues>,
    /// A dated run's closed arrivals and per-day values (`None` when undated).
    pub dated: Option<Box<super::DatedValues>>,
}

/// One contact type's values in one replication.
#[derive(Debug, Clone)]
pub struct TypeValues {
    /// Day-level metric values.
    pub day: MetricValues,
    /// Metric values per interval.
    pub intervals: Vec<MetricValues>,
    /// Share of the type's journeys at each satisfaction score.
    pub score_shares: [f64; SCORES],
    /// An email type's figures ([`EMAIL_FIGURES`](super::EMAIL_FIGURES), then the
    /// backlog at each interval's end); empty for other channels.
    pub channel: Vec<f64>,
}

/// Day-level and per-interval metric values and score shares of one replication.
pub fn replication_values(r: &ReplicationCounters, pricing: &TypePricing) -> ReplicationValues {
    let n = r.intervals.len();
    let fixed_day = pricing.costs.fixed_per_day * f64::from(r.days);
    let day_total = r.day_total();
    let agent_cost =
        |c: &IntervalCounters, overtime_s: f64| pricing.agent_cost(c.paid_agent_s + overtime_s);
    let day = values(
        &day_total,
        r.overtime_agent_s,
        &pricing.price(
            &day_total,
            agent_cost(&day_total, r.overtime_agent_s),
            fixed_day,
        ),
        r.days,
    );
    let intervals = r
        .intervals
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // The drain after closing belongs to the last interval, fixed costs spread evenly.
            let overtime = if i + 1 == n { r.overtime_agent_s } else { 0.0 };
            let priced = pricing.price(c, agent_cost(c, overtime), fixed_day / n as f64);
            values(c, overtime, &priced, r.days)
        })
        .collect();
    ReplicationValues {
        day,
        intervals,
        score_shares: score_shares(&day_total),
        types: Vec::new(),
        groups: Vec::new(),
        dated: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{METRICS, RULE_METRICS};

    #[test]
    fn labels_in_running_text_keep_acronyms() {
        assert_eq!(Metric::ServiceLevel.def().label_in_text(), "service level");
        assert_eq!(Metric::Csat.def().label_in_text(), "CSAT");
        assert_eq!(Metric::AsaS.def().label_in_text(), "ASA");
    }

    #[test]
    fn ratios_follow_domain_definitions() {
        let c = IntervalCounters {
            offered: 100,
            blocked: 4,
            answered: 90,
            answered_within: 72,
            abandoned: 6,
            delayed: 48,
            wait_answered_s: 900.0,
            wait_abandoned_s: 300.0,
            handle_s: 90.0 * 200.0,
            busy_agent_s: 18_000.0,
            productive_agent_s: 24_000.0,
            paid_agent_s: 36_000.0,
            resolved_at_contact: 90,
            ..IntervalCounters::default()
        };
        let pricing = TypePricing {
            costs: Costs {
                given: true,
                currency: "EUR".into(),
                agent_hour: 20.0,
                per_handled_minute: 0.0,
                per_queued_minute: 0.0,
                fixed_per_day: 0.0,
                fte_hours_per_day: 8.0,
                open_days_per_year: 250.0,
            },
            cost_per_session: 0.0,
            cost_per_attempt: 0.0,
            positive_from: 8,
            value: None,
        };
        let v = values(
            &c,
            0.0,
            &pricing.price(&c, pricing.agent_cost(36_000.0), 0.0),
            1,
        );
        let m = |x: Metric| v[x as usize];
        assert_eq!(m(Metric::ServiceLevel), 72.0 / 96.0);
        assert_eq!(m(Metric::AbandonmentRate), 0.06);
        assert_eq!(m(Metric::BlockingRate), 0.04);
        assert_eq!(m(Metric::DelayedShare), 48.0 / 96.0);
        assert_eq!(m(Metric::AsaS), 10.0);
        assert_eq!(m(Metric::MeanWaitS), 1200.0 / 96.0);
        assert_eq!(m(Metric::Occupancy), 0.75);
        assert_eq!(m(Metric::AhtS), 200.0);
        assert_eq!(m(Metric::CostTotal), 200.0);
        assert_eq!(m(Metric::CostPerContact), 2.0);
    }

    #[test]
    fn undefined_ratios_are_nan_not_zero() {
        let pricing = TypePricing {
            costs: Costs::default(),
            cost_per_session: 0.0,
            cost_per_attempt: 0.0,
            positive_from: 8,
            value: None,
        };
        let c = IntervalCounters::default();
        let v = values(&c, 0.0, &pricing.price(&c, 0.0, 0.0), 1);
        assert!(v[Metric::ServiceLevel as usize].is_nan());
        assert_eq!(v[Metric::Offered as usize], 0.0);
    }

    #[test]
    fn metric_keys_are_unique() {
        let mut keys: Vec<_> = METRICS.iter().chain(RULE_METRICS).map(|m| m.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), METRIC_COUNT);
    }
}

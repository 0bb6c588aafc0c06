//! Streamed statistics of a simulated replication: counters and running sums per
//! interval of the day (by arrival interval for contacts, by clock time for agent time),
//! which merge by addition. Memory is fixed by the number of intervals, whatever the
//! number of contacts or days. From the counters come the metric values of DOMAIN.md.

use crate::scenario::{Costs, Scenario, Value};

/// Counters of one interval of the day, summed over the days of a replication.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IntervalCounters {
    /// Contacts that arrived in this interval.
    pub offered: u64,
    /// Arrivals that found every trunk line taken.
    pub blocked: u64,
    /// Contacts that reached an agent.
    pub answered: u64,
    /// Answered contacts that waited at most the service-level threshold.
    pub answered_within: u64,
    /// Contacts that left the queue before an agent answered.
    pub abandoned: u64,
    /// Contacts that could not get an agent at once.
    pub delayed: u64,
    /// Total wait of answered contacts, seconds.
    pub wait_answered_s: f64,
    /// Total wait of abandoned contacts, seconds.
    pub wait_abandoned_s: f64,
    /// Total handle time (talk + hold + wrap-up) of answered contacts, seconds.
    pub handle_s: f64,
    /// Agent-seconds spent handling contacts during this interval (clock time).
    pub busy_agent_s: f64,
    /// Productive agent-seconds on duty during this interval (clock time).
    pub productive_agent_s: f64,
    /// Paid agent-seconds scheduled in this interval.
    pub paid_agent_s: f64,
    /// Contacts resolved in self-service.
    pub deflected: u64,
    /// Self-service sessions started.
    pub self_service_sessions: u64,
    /// Offered contacts that were redials.
    pub redials: u64,
    /// Offered contacts that were repeat contacts.
    pub repeats: u64,
    /// Handled contacts (answered or called back) resolved at that contact.
    pub resolved_at_contact: u64,
    /// Callers offered a callback.
    pub callbacks_offered: u64,
    /// Callers who accepted a callback and left the live queue.
    pub callbacks_accepted: u64,
    /// Callbacks that reached the customer.
    pub callbacks_completed: u64,
    /// Callbacks abandoned after the last failed attempt.
    pub callbacks_failed: u64,
    /// Completed callbacks that started within the promised window.
    pub callbacks_within_promise: u64,
    /// Callbacks still owed at the end of the horizon.
    pub callbacks_pending: u64,
    /// Callback attempts made (reached or not).
    pub callback_attempts: u64,
    /// Future contacts (redials, repeats, callback retries) due after the horizon.
    pub carried_over: u64,
    /// Journeys by the interval of their fresh contact.
    pub journeys: JourneyCounters,
}

/// Counters of the journeys whose fresh contact arrived in one interval.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JourneyCounters {
    /// Journeys ended (including those still open at the horizon, scored as they stand).
    pub journeys: u64,
    /// Ended resolved by an agent.
    pub resolved: u64,
    /// Ended resolved in self-service.
    pub deflected: u64,
    /// Ended after an abandonment or busy signal without trying again.
    pub gave_up: u64,
    /// Ended with every callback attempt failed.
    pub callback_failed: u64,
    /// Ended handled but unresolved, without coming back.
    pub unresolved: u64,
    /// Still under way at the end of the horizon.
    pub still_open: u64,
    /// Contacts summed over journeys.
    pub contacts: u64,
    /// Abandonments summed over journeys.
    pub abandonments: u64,
    /// Seconds waited, summed over journeys.
    pub wait_s: f64,
    /// Number of journeys per score 0..=10.
    pub scores: [u64; SCORES],
}

impl JourneyCounters {
    /// Adds another set of counters to this one.
    pub fn merge(&mut self, o: &Self) {
        self.journeys += o.journeys;
        self.resolved += o.resolved;
        self.deflected += o.deflected;
        self.gave_up += o.gave_up;
        self.callback_failed += o.callback_failed;
        self.unresolved += o.unresolved;
        self.still_open += o.still_open;
        self.contacts += o.contacts;
        self.abandonments += o.abandonments;
        self.wait_s += o.wait_s;
        for (a, b) in self.scores.iter_mut().zip(&o.scores) {
            *a += b;
        }
    }
}

impl IntervalCounters {
    /// Adds another set of counters to this one.
    pub fn merge(&mut self, o: &Self) {
        self.offered += o.offered;
        self.blocked += o.blocked;
        self.answered += o.answered;
        self.answered_within += o.answered_within;
        self.abandoned += o.abandoned;
        self.delayed += o.delayed;
        self.wait_answered_s += o.wait_answered_s;
        self.wait_abandoned_s += o.wait_abandoned_s;
        self.handle_s += o.handle_s;
        self.busy_agent_s += o.busy_agent_s;
        self.productive_agent_s += o.productive_agent_s;
        self.paid_agent_s += o.paid_agent_s;
        self.deflected += o.deflected;
        self.self_service_sessions += o.self_service_sessions;
        self.redials += o.redials;
        self.repeats += o.repeats;
        self.resolved_at_contact += o.resolved_at_contact;
        self.callbacks_offered += o.callbacks_offered;
        self.callbacks_accepted += o.callbacks_accepted;
        self.callbacks_completed += o.callbacks_completed;
        self.callbacks_failed += o.callbacks_failed;
        self.callbacks_within_promise += o.callbacks_within_promise;
        self.callbacks_pending += o.callbacks_pending;
        self.callback_attempts += o.callback_attempts;
        self.carried_over += o.carried_over;
        self.journeys.merge(&o.journeys);
    }
}

/// Everything one replication measured.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplicationCounters {
    /// One entry per interval of the day.
    pub intervals: Vec<IntervalCounters>,
    /// Agent-seconds worked after closing to drain the queue (paid as overtime).
    pub overtime_agent_s: f64,
    /// Days simulated.
    pub days: u32,
}

impl ReplicationCounters {
    /// Zeroed counters for `intervals` intervals.
    pub fn new(intervals: usize) -> Self {
        ReplicationCounters {
            intervals: vec![IntervalCounters::default(); intervals],
            overtime_agent_s: 0.0,
            days: 0,
        }
    }

    /// Sets every counter back to zero, keeping the allocation.
    pub fn reset(&mut self) {
        self.intervals.fill(IntervalCounters::default());
        self.overtime_agent_s = 0.0;
        self.days = 0;
    }

    /// The whole day's counters.
    pub fn day_total(&self) -> IntervalCounters {
        let mut t = IntervalCounters::default();
        for i in &self.intervals {
            t.merge(i);
        }
        t
    }

    /// Adds another replication's counters (used to pool days; estimates use replications).
    pub fn merge(&mut self, o: &Self) {
        for (a, b) in self.intervals.iter_mut().zip(&o.intervals) {
            a.merge(b);
        }
        self.overtime_agent_s += o.overtime_agent_s;
        self.days += o.days;
    }
}

/// Agent time of one group in one replication, by clock interval: what its agents were
/// paid for, were productive for, and spent on each type they serve.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupCounters {
    /// Intervals of the day.
    pub intervals: usize,
    /// Agent-seconds busy per type served (in `serves` order) and interval: index `k × intervals + i`.
    pub busy_s: Vec<f64>,
    /// Productive agent-seconds on duty per interval.
    pub productive_s: Vec<f64>,
    /// Paid agent-seconds per interval.
    pub paid_s: Vec<f64>,
    /// Agent-seconds worked after closing per type served.
    pub overtime_s: Vec<f64>,
}

impl GroupCounters {
    /// Zeroed counters for a group serving `types` types over `intervals` intervals.
    pub fn new(types: usize, intervals: usize) -> Self {
        GroupCounters {
            intervals,
            busy_s: vec![0.0; types * intervals],
            productive_s: vec![0.0; intervals],
            paid_s: vec![0.0; intervals],
            overtime_s: vec![0.0; types],
        }
    }

    /// Sets every counter back to zero, keeping the allocation.
    pub fn reset(&mut self) {
        self.busy_s.fill(0.0);
        self.productive_s.fill(0.0);
        self.paid_s.fill(0.0);
        self.overtime_s.fill(0.0);
    }

    /// Agent-seconds busy on the `k`-th type served, in interval `i`.
    #[inline]
    pub fn busy(&self, k: usize, i: usize) -> f64 {
        self.busy_s[k * self.intervals + i]
    }

    /// Agent-seconds busy on any type, in interval `i`.
    pub fn busy_total(&self, i: usize) -> f64 {
        (0..self.overtime_s.len()).map(|k| self.busy(k, i)).sum()
    }

    /// The share of interval `i`'s agent time that belongs to the `k`-th type served: its
    /// share of the busy time, or an equal share when nobody was busy. Exactly 1 for a
    /// group serving one type, so a one-type centre's figures are untouched by allocation.
    pub fn share(&self, k: usize, i: usize) -> f64 {
        let types = self.overtime_s.len();
        if types == 1 {
            return 1.0;
        }
        let total = self.busy_total(i);
        if total > 0.0 {
            self.busy(k, i) / total
        } else {
            1.0 / types as f64
        }
    }
}

/// Whether a metric is a count per day or a ratio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A count or amount per simulated day.
    Count,
    /// A ratio, averaged over replications of each replication's own ratio.
    Ratio,
}

/// One reported metric: its JSON key, kind, and how to show it.
#[derive(Debug, Clone, Copy)]
pub struct MetricDef {
    /// The key in JSON and CSV (SCENARIO.md).
    pub key: &'static str,
    /// Count per day or ratio.
    pub kind: Kind,
    /// Short label for tables.
    pub label: &'static str,
    /// Unit for tables and axes: "", "%", "s", "h", "money".
    pub unit: &'static str,
}

impl MetricDef {
    /// The label for running text: "Service level" → "service level"; "CSAT" and "ASA" stay.
    pub fn label_in_text(&self) -> String {
        let mut c = self.label.chars();
        match (c.next(), c.next()) {
            (Some(a), Some(b)) if b.is_lowercase() => {
                a.to_lowercase().chain(self.label.chars().skip(1)).collect()
            }
            _ => self.label.to_string(),
        }
    }
}

macro_rules! metrics {
    ($( $variant:ident => $key:literal, $kind:ident, $label:literal, $unit:literal; )*) => {
        /// Every metric ccsim reports, in the order of SCENARIO.md.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(usize)]
        pub enum Metric { $( #[doc = $label] $variant, )* }

        impl Metric {
            /// Every metric, in report order.
            pub const ALL: &'static [Metric] = &[ $( Metric::$variant, )* ];
        }

        /// Definitions of every metric, indexed by `Metric as usize`.
        pub const METRICS: &[MetricDef] = &[
            $( MetricDef { key: $key, kind: Kind::$kind, label: $label, unit: $unit }, )*
        ];
    };
}

metrics! {
    Offered => "offered", Count, "Offered", "";
    Deflected => "deflected", Count, "Deflected (self-service)", "";
    OfferedToAgents => "offered_to_agents", Count, "Offered to agents", "";
    Blocked => "blocked", Count, "Blocked", "";
    BlockingRate => "blocking_rate", Ratio, "Blocking rate", "%";
    Answered => "answered", Count, "Answered", "";
    Abandoned => "abandoned", Count, "Abandoned", "";
    AbandonmentRate => "abandonment_rate", Ratio, "Abandonment rate", "%";
    DelayedShare => "delayed_share", Ratio, "Delayed share", "%";
    ServiceLevel => "service_level", Ratio, "Service level", "%";
    AsaS => "asa_s", Ratio, "ASA", "s";
    MeanWaitS => "mean_wait_s", Ratio, "Mean wait (all)", "s";
    Occupancy => "occupancy", Ratio, "Occupancy", "%";
    AhtS => "aht_s", Ratio, "AHT", "s";
    Fcr => "fcr", Ratio, "FCR", "%";
    Redials => "redials", Count, "Redials", "";
    Repeats => "repeats", Count, "Repeat contacts", "";
    CallbacksOffered => "callbacks_offered", Count, "Callbacks offered", "";
    CallbacksAccepted => "callbacks_accepted", Count, "Callbacks accepted", "";
    CallbacksCompleted => "callbacks_completed", Count, "Callbacks completed", "";
    CallbacksFailed => "callbacks_failed", Count, "Callbacks failed", "";
    CallbacksWithinPromise => "callbacks_within_promise", Count, "Callbacks within promise", "";
    PaidAgentHours => "paid_agent_hours", Count, "Paid agent hours", "h";
    OvertimeAgentHours => "overtime_agent_hours", Count, "Overtime agent hours", "h";
    CostTotal => "cost_total", Count, "Cost total", "money";
    CostPerContact => "cost_per_contact", Ratio, "Cost per contact", "money";
    CostPerHandled => "cost_per_handled", Ratio, "Cost per handled", "money";
    CostPerResolved => "cost_per_resolved", Ratio, "Cost per resolved", "money";
    Csat => "csat", Ratio, "CSAT", "pct";
    Nps => "nps", Ratio, "NPS", "pct";
    LostValue => "lost_value", Count, "Lost value", "money";
    EconomicCost => "economic_cost", Count, "Economic cost", "money";
    EconomicCostPerContact => "economic_cost_per_contact", Ratio, "Economic cost per contact", "money";
    Journeys => "journeys", Count, "Customer journeys", "";
    ContactsPerJourney => "contacts_per_journey", Ratio, "Contacts per journey", "";
    CustomerAbandonmentRate => "customer_abandonment_rate", Ratio, "Customers who gave up", "%";
    JourneysResolvedShare => "journeys_resolved_share", Ratio, "Journeys resolved", "%";
    CallbacksPending => "callbacks_pending", Count, "Callbacks pending at horizon", "";
    CarriedOver => "carried_over", Count, "Carried over past horizon", "";
    SelfServiceSessions => "self_service_sessions", Count, "Self-service sessions", "";
    CallbackAttempts => "callback_attempts", Count, "Callback attempts", "";
}

/// Number of metrics.
pub const METRIC_COUNT: usize = METRICS.len();

/// One value per metric; NaN where a ratio has no denominator in this replication.
pub type MetricValues = [f64; METRIC_COUNT];

impl Metric {
    /// The metric's definition.
    pub fn def(self) -> &'static MetricDef {
        &METRICS[self as usize]
    }
}

fn ratio(num: f64, den: f64) -> f64 {
    if den > 0.0 {
        num / den
    } else {
        f64::NAN
    }
}

/// Everything that turns counters into money and satisfaction figures, from the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Pricing {
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

impl Pricing {
    /// The pricing of a scenario.
    pub fn of(s: &Scenario) -> Self {
        Pricing {
            costs: s.costs.clone(),
            cost_per_session: s.self_service.as_ref().map_or(0.0, |x| x.cost_per_session),
            cost_per_attempt: s.callback.as_ref().map_or(0.0, |x| x.cost_per_attempt),
            positive_from: s.satisfaction.positive_from,
            value: s.value.clone(),
        }
    }

    /// The operating money spent on what `c` counted, with `agent_s` paid agent-seconds
    /// and the given share of the fixed daily cost.
    fn operating_cost(&self, c: &IntervalCounters, agent_s: f64, fixed: f64) -> f64 {
        let k = &self.costs;
        k.agent_hour * agent_s / 3600.0
            + k.per_handled_minute * c.handle_s / 60.0
            + k.per_queued_minute * (c.wait_answered_s + c.wait_abandoned_s) / 60.0
            + self.cost_per_session * c.self_service_sessions as f64
            + self.cost_per_attempt * c.callback_attempts as f64
            + fixed
    }
}

/// Metric values of one replication's counters `c` covering `days` days.
/// `overtime_s` is the drain's agent time attributed to these counters, `fixed` the
/// fixed cost attributed to them (per day × days).
pub fn values(
    c: &IntervalCounters,
    overtime_s: f64,
    fixed: f64,
    days: u32,
    pricing: &Pricing,
) -> MetricValues {
    let per_day = 1.0 / f64::from(days.max(1));
    let offered = c.offered as f64;
    let to_agents = offered - c.deflected as f64;
    let reached_queue = to_agents - c.blocked as f64;
    let answered = c.answered as f64;
    let abandoned = c.abandoned as f64;
    let handled = answered + c.callbacks_completed as f64;
    let resolved = c.resolved_at_contact as f64 + c.deflected as f64;
    let cost = pricing.operating_cost(c, c.paid_agent_s + overtime_s, fixed);
    let j = &c.journeys;
    let scored = j.journeys as f64;
    let positive: u64 = j.scores[pricing.positive_from as usize..].iter().sum();
    let promoters = (j.scores[9] + j.scores[10]) as f64;
    let detractors: u64 = j.scores[..=6].iter().sum();
    let passives = (j.scores[7] + j.scores[8]) as f64;
    let lost = pricing.value.as_ref().map_or(f64::NAN, |v| {
        v.customer_lifetime_value
            * (v.churn_detractor * detractors as f64
                + v.churn_passive * passives
                + v.churn_promoter * promoters)
    });
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
    set(M::AbandonmentRate, ratio(abandoned, to_agents));
    set(M::DelayedShare, ratio(c.delayed as f64, reached_queue));
    set(
        M::ServiceLevel,
        ratio(c.answered_within as f64, answered + abandoned),
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
    v
}

/// Journey satisfaction scores 0..=10, each as a share of the journeys scored.
pub const SCORES: usize = 11;

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
}

/// Day-level and per-interval metric values and score shares of one replication.
pub fn replication_values(r: &ReplicationCounters, pricing: &Pricing) -> ReplicationValues {
    let n = r.intervals.len();
    let fixed_day = pricing.costs.fixed_per_day * f64::from(r.days);
    let day_total = r.day_total();
    let day = values(&day_total, r.overtime_agent_s, fixed_day, r.days, pricing);
    let intervals = r
        .intervals
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // The drain after closing belongs to the last interval, fixed costs spread evenly.
            let overtime = if i + 1 == n { r.overtime_agent_s } else { 0.0 };
            values(c, overtime, fixed_day / n as f64, r.days, pricing)
        })
        .collect();
    ReplicationValues {
        day,
        intervals,
        score_shares: score_shares(&day_total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let pricing = Pricing {
            costs: Costs {
                given: true,
                currency: "EUR".into(),
                agent_hour: 20.0,
                per_handled_minute: 0.0,
                per_queued_minute: 0.0,
                fixed_per_day: 0.0,
            },
            cost_per_session: 0.0,
            cost_per_attempt: 0.0,
            positive_from: 8,
            value: None,
        };
        let v = values(&c, 0.0, 0.0, 1, &pricing);
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
        let pricing = Pricing {
            costs: Costs::default(),
            cost_per_session: 0.0,
            cost_per_attempt: 0.0,
            positive_from: 8,
            value: None,
        };
        let v = values(&IntervalCounters::default(), 0.0, 0.0, 1, &pricing);
        assert!(v[Metric::ServiceLevel as usize].is_nan());
        assert_eq!(v[Metric::Offered as usize], 0.0);
    }

    #[test]
    fn metric_keys_are_unique() {
        let mut keys: Vec<_> = METRICS.iter().map(|m| m.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), METRIC_COUNT);
    }
}

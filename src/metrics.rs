//! Streamed statistics of a simulated replication: counters and running sums per
//! interval of the day (by arrival interval for contacts, by clock time for agent time),
//! which merge by addition. Memory is fixed by the number of intervals, whatever the
//! number of contacts or days. From the counters come the metric values of DOMAIN.md.

use crate::scenario::Costs;

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
    PaidAgentHours => "paid_agent_hours", Count, "Paid agent hours", "h";
    OvertimeAgentHours => "overtime_agent_hours", Count, "Overtime agent hours", "h";
    CostTotal => "cost_total", Count, "Cost total", "money";
    CostPerContact => "cost_per_contact", Ratio, "Cost per contact", "money";
    CostPerHandled => "cost_per_handled", Ratio, "Cost per handled", "money";
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

/// The money spent on what `c` counted, with `agent_s` paid agent-seconds and the
/// given share of the fixed daily cost.
fn cost(c: &IntervalCounters, agent_s: f64, fixed: f64, costs: &Costs) -> f64 {
    costs.agent_hour * agent_s / 3600.0
        + costs.per_handled_minute * c.handle_s / 60.0
        + costs.per_queued_minute * (c.wait_answered_s + c.wait_abandoned_s) / 60.0
        + fixed
}

/// Metric values of one replication's counters `c` covering `days` days.
/// `overtime_s` is the drain's agent time attributed to these counters, `fixed` the
/// fixed cost attributed to them (per day × days).
pub fn values(
    c: &IntervalCounters,
    overtime_s: f64,
    fixed: f64,
    days: u32,
    costs: &Costs,
) -> MetricValues {
    let per_day = 1.0 / f64::from(days.max(1));
    let offered = c.offered as f64;
    let to_agents = offered; // self-service deflection is not modelled yet
    let reached_queue = to_agents - c.blocked as f64;
    let answered = c.answered as f64;
    let abandoned = c.abandoned as f64;
    let total_cost = cost(c, c.paid_agent_s + overtime_s, fixed, costs);
    let mut v = [f64::NAN; METRIC_COUNT];
    use Metric as M;
    v[M::Offered as usize] = offered * per_day;
    v[M::OfferedToAgents as usize] = to_agents * per_day;
    v[M::Blocked as usize] = c.blocked as f64 * per_day;
    v[M::BlockingRate as usize] = ratio(c.blocked as f64, to_agents);
    v[M::Answered as usize] = answered * per_day;
    v[M::Abandoned as usize] = abandoned * per_day;
    v[M::AbandonmentRate as usize] = ratio(abandoned, to_agents);
    v[M::DelayedShare as usize] = ratio(c.delayed as f64, reached_queue);
    v[M::ServiceLevel as usize] = ratio(c.answered_within as f64, answered + abandoned);
    v[M::AsaS as usize] = ratio(c.wait_answered_s, answered);
    v[M::MeanWaitS as usize] = ratio(c.wait_answered_s + c.wait_abandoned_s, answered + abandoned);
    v[M::Occupancy as usize] = ratio(c.busy_agent_s, c.productive_agent_s);
    v[M::AhtS as usize] = ratio(c.handle_s, answered);
    v[M::PaidAgentHours as usize] = (c.paid_agent_s + overtime_s) / 3600.0 * per_day;
    v[M::OvertimeAgentHours as usize] = overtime_s / 3600.0 * per_day;
    v[M::CostTotal as usize] = total_cost * per_day;
    v[M::CostPerContact as usize] = ratio(total_cost, offered);
    v[M::CostPerHandled as usize] = ratio(total_cost, answered);
    v
}

/// Day-level and per-interval metric values of one replication.
pub fn replication_values(
    r: &ReplicationCounters,
    costs: &Costs,
) -> (MetricValues, Vec<MetricValues>) {
    let n = r.intervals.len();
    let fixed_day = costs.fixed_per_day * f64::from(r.days);
    let day = values(&r.day_total(), r.overtime_agent_s, fixed_day, r.days, costs);
    let intervals = r
        .intervals
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // The drain after closing belongs to the last interval, fixed costs spread evenly.
            let overtime = if i + 1 == n { r.overtime_agent_s } else { 0.0 };
            values(c, overtime, fixed_day / n as f64, r.days, costs)
        })
        .collect();
    (day, intervals)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        };
        let costs = Costs {
            given: true,
            currency: "EUR".into(),
            agent_hour: 20.0,
            per_handled_minute: 0.0,
            per_queued_minute: 0.0,
            fixed_per_day: 0.0,
        };
        let v = values(&c, 0.0, 0.0, 1, &costs);
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
        let v = values(&IntervalCounters::default(), 0.0, 0.0, 1, &Costs::default());
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

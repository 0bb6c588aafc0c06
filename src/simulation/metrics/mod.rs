//! Streamed statistics of a simulated replication and the metrics of docs/model.md:
//! counters
//! per interval of the day (`counters.rs`), which merge by addition so memory is fixed by
//! the number of intervals whatever the number of contacts or days; their metric values
//! priced by the scenario (`values.rs`); and a centre's figures per type and group, its
//! agent cost allocated to types by busy time (`centre.rs`).

mod centre;
mod channels;
mod counters;
mod days;
mod values;

pub use centre::*;
pub use channels::{CHAT_FIGURES, EMAIL_FIGURES};
pub use counters::*;
pub use days::{closed_per_day, DatedValues, DayValues};
pub use values::*;

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
    /// The key in JSON and CSV (docs/scenario-file.md).
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
    ($( $variant:ident => $key:literal, $kind:ident, $label:literal, $unit:literal; )*
     [rules] $( $rvariant:ident => $rkey:literal, $rkind:ident, $rlabel:literal, $runit:literal; )*) => {
        /// Every metric ccsim reports, in the order the JSON report lists them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(usize)]
        pub enum Metric { $( #[doc = $label] $variant, )* $( #[doc = $rlabel] $rvariant, )* }

        impl Metric {
            /// Every metric every report lists, in report order (not the rule metrics).
            pub const ALL: &'static [Metric] = &[ $( Metric::$variant, )* ];
        }

        /// Definitions of every metric every report lists, indexed by `Metric as usize`.
        pub const METRICS: &[MetricDef] = &[
            $( MetricDef { key: $key, kind: Kind::$kind, label: $label, unit: $unit }, )*
        ];

        /// Definitions of the metrics of a contract rule, listed after [`METRICS`] only by
        /// reports of a scenario that uses the rule (so that other reports keep their exact
        /// columns), indexed by `Metric as usize - METRICS.len()`.
        pub const RULE_METRICS: &[MetricDef] = &[
            $( MetricDef { key: $rkey, kind: Kind::$rkind, label: $rlabel, unit: $runit }, )*
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
    RedialsAfterBlocked => "redials_after_blocked", Count, "Redials after a busy signal", "";
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
    [rules]
    ShortAbandoned => "short_abandoned", Count, "Short abandons", "";
}

/// Number of metrics, the rule metrics included (the length of [`MetricValues`]).
pub const METRIC_COUNT: usize = METRICS.len() + RULE_METRICS.len();

/// Journey satisfaction scores 0..=10, each as a share of the journeys scored.
pub const SCORES: usize = 11;

/// One value per metric; NaN where a ratio has no denominator in this replication.
pub type MetricValues = [f64; METRIC_COUNT];

impl Metric {
    /// The metric's definition.
    pub fn def(self) -> &'static MetricDef {
        let i = self as usize;
        METRICS
            .get(i)
            .unwrap_or_else(|| &RULE_METRICS[i - METRICS.len()])
    }
}

/// The metric with this key, if the metric list has it (CSAT appears by itself once
/// defined).
pub fn metric_by_key(key: &str) -> Option<Metric> {
    METRICS
        .iter()
        .position(|d| d.key == key)
        .map(|i| Metric::ALL[i])
}

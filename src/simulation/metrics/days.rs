//! A dated run's own figures: arrivals while closed, and every metric day by day. Each
//! day's values come from that day's counters, priced exactly as a whole run's are.

use super::{MetricValues, ReplicationCounters};

/// What one replication of a dated run measured beyond the usual values.
#[derive(Debug, Clone)]
pub struct DatedValues {
    /// Closed arrivals per day over the run: the whole centre, then each type of a centre.
    pub closed: Vec<f64>,
    /// Each day of the horizon, in order.
    pub days: Vec<DayValues>,
}

/// One day's values.
#[derive(Debug, Clone)]
pub struct DayValues {
    /// Day-level metric values: the whole centre, then each type of a centre.
    pub metrics: Vec<MetricValues>,
    /// Closed arrivals that day, in the same order.
    pub closed: Vec<f64>,
}

/// Voice and chat arrivals while closed, per simulated day of `c`.
pub fn closed_per_day(c: &ReplicationCounters) -> f64 {
    let n: u64 = c.intervals.iter().map(|i| i.closed_arrivals).sum();
    n as f64 / f64::from(c.days.max(1))
}

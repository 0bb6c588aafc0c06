//! The customer's journey around the queue, as validated: self-service before it, callbacks
//! and redials beside it, resolution and repeat contacts after it, and how it is scored.

use crate::dist::Duration;

/// `[self_service]`.
#[derive(Debug, Clone, PartialEq)]
pub struct SelfService {
    /// Share of fresh contacts that try self-service first.
    pub offered_share: f64,
    /// Share of those resolved there (deflected).
    pub containment: f64,
    /// Time spent in self-service before a failure reaches the queue.
    pub time: Duration,
    /// A failed self-service contact's handle time is multiplied by this.
    pub failed_handle_factor: f64,
    /// A failed self-service contact's patience is multiplied by this.
    pub failed_patience_factor: f64,
    /// Cost of one self-service session.
    pub cost_per_session: f64,
}

/// `[callback]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Callback {
    /// Offer a callback when the predicted wait exceeds this many seconds.
    pub offer_when_wait_exceeds_s: f64,
    /// Share of offered callers who accept and hang up.
    pub acceptance: f64,
    /// Promised callback window in seconds from acceptance.
    pub promise_s: f64,
    /// Share of attempts that reach the customer.
    pub reach: f64,
    /// Attempts before the callback fails.
    pub max_attempts: u32,
    /// Delay between attempts.
    pub retry_delay: Duration,
    /// Cost of one attempt.
    pub cost_per_attempt: f64,
    /// Agent time taken by an attempt that does not reach the customer (dialling, ringing).
    pub unreached_attempt_s: f64,
    /// No callback is offered this many seconds or less before the centre closes.
    pub last_offer_before_close_s: f64,
    /// Whether the drain's agents make the callbacks still owed after closing (paid as
    /// overtime) instead of leaving them to the next opening.
    pub make_during_drain: bool,
}

/// `[redial]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Redial {
    /// Probability of calling again after an abandonment or a busy signal.
    pub probability: f64,
    /// Delay before calling again.
    pub delay: Duration,
    /// Inbound attempts per customer, the first included.
    pub max_attempts: u32,
    /// Probability of calling again after a busy signal (blocked by full lines).
    pub after_blocked_probability: f64,
    /// Delay before calling again after a busy signal.
    pub after_blocked_delay: Duration,
}

/// `[resolution]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// Share of handled contacts resolved at that contact.
    pub fcr: f64,
    /// Share of unresolved customers who contact again.
    pub repeat_probability: f64,
    /// Delay before the repeat contact.
    pub repeat_delay: Duration,
}

/// `[satisfaction]`: the journey score model of docs/model.md.
#[derive(Debug, Clone, PartialEq)]
pub struct Satisfaction {
    /// Whether the file gave the table (reports say when defaults are used).
    pub given: bool,
    /// Expected score of a customer served at once and resolved.
    pub base_score: f64,
    /// Per minute waited, summed over the journey.
    pub per_minute_waited: f64,
    /// Per abandonment in the journey.
    pub abandoned: f64,
    /// Per contact beyond the first.
    pub per_extra_contact: f64,
    /// When the journey ended unresolved.
    pub unresolved: f64,
    /// When self-service failed.
    pub self_service_failed: f64,
    /// Standard deviation of the individual noise.
    pub noise_sd: f64,
    /// Scores at or above this count as positive for CSAT.
    pub positive_from: u8,
}

impl Default for Satisfaction {
    fn default() -> Self {
        Satisfaction {
            given: false,
            base_score: 8.5,
            per_minute_waited: -0.4,
            abandoned: -2.5,
            per_extra_contact: -1.0,
            unresolved: -3.0,
            self_service_failed: -0.5,
            noise_sd: 1.5,
            positive_from: 8,
        }
    }
}

/// `[value]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// Lifetime value of one customer.
    pub customer_lifetime_value: f64,
    /// Probability that a detractor (0–6) leaves.
    pub churn_detractor: f64,
    /// Probability that a passive (7–8) leaves.
    pub churn_passive: f64,
    /// Probability that a promoter (9–10) leaves.
    pub churn_promoter: f64,
}

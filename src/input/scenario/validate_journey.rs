//! Rules for the optional journey tables: self-service, callbacks, redials, resolution,
//! satisfaction and value.

use super::values::within;
use super::{dist, factor, money, positive_seconds, seconds, share, Check};
use crate::dist::Duration;
use crate::limits;
use crate::scenario::file::ScenarioFile;
use crate::scenario::{Callback, FieldError, Redial, Resolution, Satisfaction, SelfService, Value};

/// The validated journey tables.
pub struct Journey {
    pub self_service: Option<SelfService>,
    pub callback: Option<Callback>,
    pub redial: Option<Redial>,
    pub resolution: Option<Resolution>,
    pub satisfaction: Satisfaction,
    pub value: Option<Value>,
}

fn attempts(field: &str, v: Option<i64>, default: i64) -> Check<u32> {
    let v = v.unwrap_or(default);
    if (1..=i64::from(limits::MAX_ATTEMPTS)).contains(&v) {
        Ok(v as u32)
    } else {
        Err(FieldError::new(
            field,
            format!(
                "expected a whole number of attempts from 1 to {}, found {v}",
                limits::MAX_ATTEMPTS
            ),
        ))
    }
}

/// Validates every optional journey table.
pub fn validate(raw: &ScenarioFile) -> Check<Journey> {
    let self_service = match &raw.self_service {
        None => None,
        Some(s) => Some(SelfService {
            offered_share: share("self_service.offered_share", s.offered_share)?,
            containment: share("self_service.containment", s.containment)?,
            time: dist("self_service.time", &s.time)?,
            failed_handle_factor: factor(
                "self_service.failed_handle_factor",
                s.failed_handle_factor.unwrap_or(1.0),
            )?,
            failed_patience_factor: factor(
                "self_service.failed_patience_factor",
                s.failed_patience_factor.unwrap_or(1.0),
            )?,
            cost_per_session: money(
                "self_service.cost_per_session",
                s.cost_per_session.unwrap_or(0.0),
            )?,
        }),
    };
    let callback = match &raw.callback {
        None => None,
        Some(c) => Some(Callback {
            offer_when_wait_exceeds_s: seconds(
                "callback.offer_when_wait_exceeds_s",
                c.offer_when_wait_exceeds_s,
            )?,
            acceptance: share("callback.acceptance", c.acceptance)?,
            promise_s: positive_seconds("callback.promise_s", c.promise_s)?,
            reach: share("callback.reach", c.reach.unwrap_or(1.0))?,
            max_attempts: attempts("callback.max_attempts", c.max_attempts, 3)?,
            retry_delay: match &c.retry_delay {
                Some(d) => dist("callback.retry_delay", d)?,
                None => Duration::fixed(900.0).expect("a valid constant"),
            },
            cost_per_attempt: money(
                "callback.cost_per_attempt",
                c.cost_per_attempt.unwrap_or(0.0),
            )?,
            unreached_attempt_s: seconds(
                "callback.unreached_attempt_s",
                c.unreached_attempt_s.unwrap_or(30.0),
            )?,
            last_offer_before_close_s: seconds(
                "callback.last_offer_before_close_s",
                c.last_offer_before_close_s.unwrap_or(0.0),
            )?,
            make_during_drain: c.make_during_drain.unwrap_or(false),
        }),
    };
    let redial = match &raw.redial {
        None => None,
        Some(r) => {
            let probability = share("redial.probability", r.probability)?;
            let delay = dist("redial.delay", &r.delay)?;
            // Without `after_blocked`, a busy signal is redialled like an abandonment.
            let (after_blocked_probability, after_blocked_delay) = match &r.after_blocked {
                None => (probability, delay.clone()),
                Some(b) => (
                    share("redial.after_blocked.probability", b.probability)?,
                    dist("redial.after_blocked.delay", &b.delay)?,
                ),
            };
            Some(Redial {
                probability,
                delay,
                max_attempts: attempts("redial.max_attempts", r.max_attempts, 3)?,
                after_blocked_probability,
                after_blocked_delay,
            })
        }
    };
    let resolution = match &raw.resolution {
        None => None,
        Some(r) => {
            let repeat_probability = share(
                "resolution.repeat_probability",
                r.repeat_probability.unwrap_or(0.0),
            )?;
            let repeat_delay = match &r.repeat_delay {
                Some(d) => dist("resolution.repeat_delay", d)?,
                None if repeat_probability > 0.0 => {
                    return Err(FieldError::new(
                        "resolution.repeat_delay",
                        "expected a repeat_delay distribution (e.g. { dist = \"lognormal\", mean_s = 14400, cv = 1.0 }) since repeat_probability > 0",
                    ))
                }
                None => Duration::fixed(0.0).expect("a valid constant"),
            };
            let fcr = share("resolution.fcr", r.fcr)?;
            if fcr == 0.0 && repeat_probability == 1.0 {
                return Err(FieldError::new(
                    "resolution.repeat_probability",
                    "with fcr = 0, a repeat_probability of 1 brings every customer back forever: expected a repeat_probability below 1 (or an fcr above 0)",
                ));
            }
            Some(Resolution {
                fcr,
                repeat_probability,
                repeat_delay,
            })
        }
    };
    let satisfaction = match &raw.satisfaction {
        None => Satisfaction::default(),
        Some(s) => {
            let d = Satisfaction::default();
            // Score points of either sign: one adjustment of 10 already spans the scale.
            let finite = |field: &str, v: Option<f64>, default: f64| {
                let max = limits::MAX_SCORE_EFFECT;
                within(
                    &format!("satisfaction.{field}"),
                    v.unwrap_or(default),
                    "score points",
                    -max,
                    max,
                )
            };
            let base_score = within(
                "satisfaction.base_score",
                s.base_score.unwrap_or(d.base_score),
                "a score",
                0.0,
                10.0,
            )?;
            let positive_from = s.positive_from.unwrap_or(i64::from(d.positive_from));
            if !(0..=10).contains(&positive_from) {
                return Err(FieldError::new(
                    "satisfaction.positive_from",
                    format!("expected a whole score from 0 to 10, found {positive_from}"),
                ));
            }
            Satisfaction {
                given: true,
                base_score,
                per_minute_waited: finite(
                    "per_minute_waited",
                    s.per_minute_waited,
                    d.per_minute_waited,
                )?,
                abandoned: finite("abandoned", s.abandoned, d.abandoned)?,
                per_extra_contact: finite(
                    "per_extra_contact",
                    s.per_extra_contact,
                    d.per_extra_contact,
                )?,
                unresolved: finite("unresolved", s.unresolved, d.unresolved)?,
                self_service_failed: finite(
                    "self_service_failed",
                    s.self_service_failed,
                    d.self_service_failed,
                )?,
                noise_sd: within(
                    "satisfaction.noise_sd",
                    s.noise_sd.unwrap_or(d.noise_sd),
                    "a spread in score points",
                    0.0,
                    limits::MAX_NOISE_SD,
                )?,
                positive_from: positive_from as u8,
            }
        }
    };
    let value = match &raw.value {
        None => None,
        Some(v) => {
            let churn = v.churn.as_ref();
            Some(Value {
                customer_lifetime_value: money(
                    "value.customer_lifetime_value",
                    v.customer_lifetime_value,
                )?,
                churn_detractor: share(
                    "value.churn.detractor",
                    churn.map_or(0.12, |c| c.detractor),
                )?,
                churn_passive: share("value.churn.passive", churn.map_or(0.04, |c| c.passive))?,
                churn_promoter: share("value.churn.promoter", churn.map_or(0.01, |c| c.promoter))?,
            })
        }
    };
    Ok(Journey {
        self_service,
        callback,
        redial,
        resolution,
        satisfaction,
        value,
    })
}

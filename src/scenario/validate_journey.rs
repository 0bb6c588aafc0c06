//! Rules for the optional journey tables: self-service, callbacks, redials, resolution,
//! satisfaction and value.

use super::{dist, non_negative, positive, share, Check};
use crate::dist::Duration;
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
    if (1..=100).contains(&v) {
        Ok(v as u32)
    } else {
        Err(FieldError::new(
            field,
            format!("expected a whole number of attempts from 1 to 100, found {v}"),
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
            failed_handle_factor: positive(
                "self_service.failed_handle_factor",
                s.failed_handle_factor.unwrap_or(1.0),
            )?,
            failed_patience_factor: positive(
                "self_service.failed_patience_factor",
                s.failed_patience_factor.unwrap_or(1.0),
            )?,
            cost_per_session: non_negative(
                "self_service.cost_per_session",
                s.cost_per_session.unwrap_or(0.0),
            )?,
        }),
    };
    let callback = match &raw.callback {
        None => None,
        Some(c) => Some(Callback {
            offer_when_wait_exceeds_s: non_negative(
                "callback.offer_when_wait_exceeds_s",
                c.offer_when_wait_exceeds_s,
            )?,
            acceptance: share("callback.acceptance", c.acceptance)?,
            promise_s: positive("callback.promise_s", c.promise_s)?,
            reach: share("callback.reach", c.reach.unwrap_or(1.0))?,
            max_attempts: attempts("callback.max_attempts", c.max_attempts, 3)?,
            retry_delay: match &c.retry_delay {
                Some(d) => dist("callback.retry_delay", d)?,
                None => Duration::fixed(900.0).expect("a valid constant"),
            },
            cost_per_attempt: non_negative(
                "callback.cost_per_attempt",
                c.cost_per_attempt.unwrap_or(0.0),
            )?,
            unreached_attempt_s: non_negative(
                "callback.unreached_attempt_s",
                c.unreached_attempt_s.unwrap_or(30.0),
            )?,
        }),
    };
    let redial = match &raw.redial {
        None => None,
        Some(r) => Some(Redial {
            probability: share("redial.probability", r.probability)?,
            delay: dist("redial.delay", &r.delay)?,
            max_attempts: attempts("redial.max_attempts", r.max_attempts, 3)?,
        }),
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
            Some(Resolution {
                fcr: share("resolution.fcr", r.fcr)?,
                repeat_probability,
                repeat_delay,
            })
        }
    };
    let satisfaction = match &raw.satisfaction {
        None => Satisfaction::default(),
        Some(s) => {
            let d = Satisfaction::default();
            let finite = |field: &str, v: Option<f64>, default: f64| {
                let v = v.unwrap_or(default);
                if v.is_finite() {
                    Ok(v)
                } else {
                    Err(FieldError::new(
                        format!("satisfaction.{field}"),
                        format!("expected a finite number, found {v}"),
                    ))
                }
            };
            let base_score = finite("base_score", s.base_score, d.base_score)?;
            if !(0.0..=10.0).contains(&base_score) {
                return Err(FieldError::new(
                    "satisfaction.base_score",
                    format!("expected a score from 0 to 10, found {base_score}"),
                ));
            }
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
                noise_sd: non_negative("satisfaction.noise_sd", s.noise_sd.unwrap_or(d.noise_sd))?,
                positive_from: positive_from as u8,
            }
        }
    };
    let value = match &raw.value {
        None => None,
        Some(v) => {
            let churn = v.churn.as_ref();
            Some(Value {
                customer_lifetime_value: non_negative(
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

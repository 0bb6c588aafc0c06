//! What `check` shows of the optional journey tables: self-service, callbacks, redials,
//! resolution, satisfaction and value, each with its defaults filled in.

use std::fmt::Write;

use crate::limits::shown;
use crate::scenario::ContactType;

/// One line per journey table (with `absent` where the file has none).
pub fn describe(s: &ContactType) -> String {
    let mut o = String::new();
    match &s.self_service {
        None => line(&mut o, "self-service: none"),
        Some(ss) => line(
            &mut o,
            &format!(
                "self-service: offered to {} of fresh contacts, containment {}, time {}, failed: handle ×{}, patience ×{}, {} a session",
                shown(ss.offered_share),
                shown(ss.containment),
                ss.time,
                shown(ss.failed_handle_factor),
                shown(ss.failed_patience_factor),
                shown(ss.cost_per_session)
            ),
        ),
    }
    match &s.callback {
        None => line(&mut o, "callback: not offered"),
        Some(cb) => line(
            &mut o,
            &format!(
                "callback: offered when the predicted wait exceeds {} s, acceptance {}, promise {} s, reach {}, {} attempt(s) {} apart, unreached attempt {} s, {} an attempt; last offer {} s before closing; {}",
                shown(cb.offer_when_wait_exceeds_s),
                shown(cb.acceptance),
                shown(cb.promise_s),
                shown(cb.reach),
                cb.max_attempts,
                cb.retry_delay,
                shown(cb.unreached_attempt_s),
                shown(cb.cost_per_attempt),
                shown(cb.last_offer_before_close_s),
                if cb.make_during_drain {
                    "made during the drain after closing"
                } else {
                    "those owed at closing wait for the next opening"
                }
            ),
        ),
    }
    match &s.redial {
        None => line(&mut o, "redial: nobody calls again"),
        Some(r) => line(
            &mut o,
            &format!(
                "redial: after abandoning {} after {}; after a busy signal {} after {}; at most {} attempt(s)",
                shown(r.probability),
                r.delay,
                shown(r.after_blocked_probability),
                r.after_blocked_delay,
                r.max_attempts
            ),
        ),
    }
    match &s.resolution {
        None => line(&mut o, "resolution: every handled contact is resolved"),
        Some(r) => line(
            &mut o,
            &format!(
                "resolution: FCR {}, unresolved customers come back with probability {} after {}",
                shown(r.fcr),
                shown(r.repeat_probability),
                r.repeat_delay
            ),
        ),
    }
    let sat = &s.satisfaction;
    line(
        &mut o,
        &format!(
            "satisfaction ({}): base {}, per minute waited {}, abandoned {}, per extra contact {}, unresolved {}, self-service failed {}, noise sd {}, positive from {}",
            if sat.given { "from the file" } else { "defaults" },
            shown(sat.base_score),
            shown(sat.per_minute_waited),
            shown(sat.abandoned),
            shown(sat.per_extra_contact),
            shown(sat.unresolved),
            shown(sat.self_service_failed),
            shown(sat.noise_sd),
            sat.positive_from
        ),
    );
    match &s.value {
        None => line(&mut o, "value: none (no lost value is computed)"),
        Some(v) => line(
            &mut o,
            &format!(
                "value: customer lifetime value {}, churn detractor {}, passive {}, promoter {}",
                shown(v.customer_lifetime_value),
                shown(v.churn_detractor),
                shown(v.churn_passive),
                shown(v.churn_promoter)
            ),
        ),
    }
    o
}

fn line(o: &mut String, text: &str) {
    let _ = writeln!(o, "  {text}");
}

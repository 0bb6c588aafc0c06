//! `[targets]` (or a type's `[types.targets]`): the service the plan is judged against,
//! and the contract rules on how it is judged (short abandons, judged by interval or day).

use super::{positive_seconds, share, Check};
use crate::foundation::scenario_error::FieldError;
use crate::limits;
use crate::scenario::ScenarioFile;
use crate::scenario::{Judged, Targets};

pub(super) fn targets(raw: &ScenarioFile) -> Check<Targets> {
    let Some(t) = raw.targets.as_ref() else {
        return Ok(Targets {
            sl_within_s: 20.0,
            sl_at_least: None,
            abandonment_at_most: None,
            asa_at_most_s: None,
            occupancy_at_most: None,
            short_abandon_s: 0.0,
            judged: Judged::Interval,
        });
    };
    let (sl_within_s, sl_at_least) = match &t.service_level {
        None => (20.0, None),
        Some(sl) => (
            positive_seconds("targets.service_level.within_s", sl.within_s)?,
            sl.at_least
                .map(|v| share("targets.service_level.at_least", v))
                .transpose()?,
        ),
    };
    Ok(Targets {
        sl_within_s,
        sl_at_least,
        abandonment_at_most: t
            .abandonment_at_most
            .map(|v| share("targets.abandonment_at_most", v))
            .transpose()?,
        asa_at_most_s: t
            .asa_at_most_s
            .map(|v| positive_seconds("targets.asa_at_most_s", v))
            .transpose()?,
        occupancy_at_most: t
            .occupancy_at_most
            .map(|v| share("targets.occupancy_at_most", v))
            .transpose()?,
        short_abandon_s: super::values::within(
            "targets.short_abandon_s",
            t.short_abandon_s.unwrap_or(0.0),
            "seconds of waiting",
            0.0,
            limits::MAX_SHORT_ABANDON_S,
        )?,
        judged: match t.judged.as_deref() {
            None | Some("interval") => Judged::Interval,
            Some("day") => Judged::Day,
            Some(other) => {
                return Err(FieldError::new(
                    "targets.judged",
                    format!(
                        "expected \"interval\" (every interval meets the targets) or \"day\" (each day's figures do), found \"{}\"",
                        crate::escape::one_line(other)
                    ),
                ))
            }
        },
    })
}

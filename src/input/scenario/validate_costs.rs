//! `[costs]`: the money every report prices, and the full-time day and open year the
//! executive summary converts with.

use super::{money, values, Check};
use crate::foundation::scenario_error::FieldError;
use crate::limits;
use crate::scenario::Costs;
use crate::scenario::ScenarioFile;

pub(super) fn costs(raw: &ScenarioFile) -> Check<Costs> {
    let Some(c) = raw.costs.as_ref() else {
        return Ok(Costs {
            given: false,
            currency: "EUR".into(),
            fte_hours_per_day: crate::scenario::FTE_HOURS_PER_DAY,
            open_days_per_year: crate::scenario::OPEN_DAYS_PER_YEAR,
            ..Costs::default()
        });
    };
    let money = |field: &str, v: Option<f64>| money(&format!("costs.{field}"), v.unwrap_or(0.0));
    let currency = c.currency.clone().unwrap_or_else(|| "EUR".into());
    // The currency labels every amount in every report: one line, like a name.
    values::one_line_text("costs.currency", &currency, "currency")?;
    Ok(Costs {
        given: true,
        currency,
        agent_hour: money("agent_hour", c.agent_hour)?,
        per_handled_minute: money("per_handled_minute", c.per_handled_minute)?,
        per_queued_minute: money("per_queued_minute", c.per_queued_minute)?,
        fixed_per_day: money("fixed_per_day", c.fixed_per_day)?,
        fte_hours_per_day: fte_hours(c.fte_hours_per_day)?,
        open_days_per_year: open_days(c.open_days_per_year)?,
    })
}

/// `costs.fte_hours_per_day`: above 0 to 24 hours.
fn fte_hours(v: Option<f64>) -> Check<f64> {
    let v = v.unwrap_or(crate::scenario::FTE_HOURS_PER_DAY);
    if v.is_finite() && v > 0.0 && v <= 24.0 {
        return Ok(v);
    }
    Err(FieldError::new(
        "costs.fte_hours_per_day",
        format!(
            "expected the paid hours of one full-time agent a day, above 0 to 24, found {}",
            limits::shown(v)
        ),
    ))
}

/// `costs.open_days_per_year`: 1 to 366 days.
fn open_days(v: Option<f64>) -> Check<f64> {
    let v = v.unwrap_or(crate::scenario::OPEN_DAYS_PER_YEAR);
    if v.is_finite() && (1.0..=366.0).contains(&v) {
        return Ok(v);
    }
    Err(FieldError::new(
        "costs.open_days_per_year",
        format!(
            "expected the days the centre opens in a year, 1 to 366, found {}",
            limits::shown(v)
        ),
    ))
}

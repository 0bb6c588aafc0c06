//! `[simulation]`: replications, seed, the interval grid, the days and their dates.

use super::{calendar, values, Check};
use crate::foundation::scenario_error::FieldError;
use crate::limits;
use crate::scenario::{ScenarioFile, Simulation};

pub(super) fn simulation(raw: &ScenarioFile) -> Check<Simulation> {
    let s = raw.simulation.as_ref();
    let replications = s.and_then(|s| s.replications).unwrap_or(100);
    if !(2..=i64::from(limits::MAX_REPLICATIONS)).contains(&replications) {
        return Err(FieldError::new(
            "simulation.replications",
            format!(
                "expected a whole number from 2 to {} (a confidence interval needs at least 2), found {replications}",
                limits::MAX_REPLICATIONS
            ),
        ));
    }
    let seed = s.and_then(|s| s.seed).unwrap_or(1);
    if seed < 0 {
        return Err(FieldError::new(
            "simulation.seed",
            format!("expected a whole number >= 0, found {seed}"),
        ));
    }
    let interval_minutes = s.and_then(|s| s.interval_minutes).unwrap_or(30);
    if !(5..=120).contains(&interval_minutes) || (24 * 60) % interval_minutes != 0 {
        return Err(FieldError::new(
            "simulation.interval_minutes",
            format!("expected minutes from 5 to 120 that divide 24 h (5, 10, 15, 20, 30, 60, 120, ...), found {interval_minutes}"),
        ));
    }
    let open = s
        .and_then(|s| s.open.clone())
        .unwrap_or_else(|| "00:00".into());
    let open_minute = parse_clock(&open).ok_or_else(|| {
        FieldError::new(
            "simulation.open",
            format!("expected a clock time \"HH:MM\" from 00:00 to 23:59, found \"{open}\""),
        )
    })?;
    let days = s.and_then(|s| s.days).unwrap_or(1);
    if !(1..=i64::from(limits::MAX_DAYS)).contains(&days) {
        return Err(FieldError::new(
            "simulation.days",
            format!(
                "expected a whole number of days from 1 to {}, found {days}",
                limits::MAX_DAYS
            ),
        ));
    }
    let shared_day_cv = values::within(
        "simulation.shared_day_cv",
        s.and_then(|s| s.shared_day_cv).unwrap_or(0.0),
        "a day factor CV",
        0.0,
        limits::MAX_DAY_CV,
    )?;
    let start_date = calendar::start_date(s.and_then(|s| s.start_date.as_deref()))?;
    Ok(Simulation {
        start_date,
        replications: replications as u32,
        seed: seed as u64,
        interval_minutes: interval_minutes as u32,
        open_minute,
        days: days as u32,
        shared_day_cv,
    })
}

pub(crate) fn parse_clock(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

//! The rules of shifts, breaks, absence, day factors and `[rostering]` (docs/centres.md). A
//! shift must lie within opening hours, its breaks
//! within it and apart from each other; `agents` and `shifts` exclude each other;
//! `[rostering]` must be able to cover every interval that expects contacts.

use super::values::within;
use super::Check;
use crate::limits::{self, shown};
use crate::scenario::file::AgentsFile;
use crate::scenario::file::{BreakRuleFile, RosteringFile, ShiftFile};
use crate::scenario::shifts::{clock, Break, BreakRule, Roster, Rostering, Shift};
use crate::scenario::{FieldError, Simulation};
use crate::words::{count, hours_minutes};

/// The day a roster is laid on: intervals from the opening, over the horizon's days.
pub(crate) struct Day<'a> {
    pub simulation: &'a Simulation,
    pub intervals: usize,
}

impl Day<'_> {
    fn minutes(&self) -> u32 {
        self.intervals as u32 * self.simulation.interval_minutes
    }

    fn close(&self) -> String {
        clock(self.simulation.open_minute + self.minutes())
    }
}

/// Hours given as a number, in whole minutes from `min` to `max` minutes.
pub(super) fn minutes_of_hours(
    field: &str,
    hours: f64,
    what: &str,
    min: u32,
    max: u32,
) -> Check<u32> {
    let m = hours * 60.0;
    if !m.is_finite() || m < f64::from(min) - 1e-9 || m > f64::from(max) + 1e-9 {
        return Err(FieldError::new(
            field,
            format!(
                "expected {what} from {} to {} (in hours), found {}",
                hours_minutes(min),
                hours_minutes(max),
                shown(hours)
            ),
        ));
    }
    if (m - m.round()).abs() > 1e-6 {
        return Err(FieldError::new(
            field,
            format!(
                "expected {what} in whole minutes (7.5 = 7 h 30), found {}",
                shown(hours)
            ),
        ));
    }
    Ok(m.round() as u32)
}

pub(super) fn whole(field: &str, v: i64, what: &str, min: i64, max: i64) -> Check<u32> {
    if (min..=max).contains(&v) {
        Ok(v as u32)
    } else {
        Err(FieldError::new(
            field,
            format!("expected {what} from {min} to {max}, found {v}"),
        ))
    }
}

/// Paid agents per interval and the roster, from `agents` or `shifts` (`at` puts a
/// field under its table: `staffing.shifts`, `groups[1].shifts`). With shifts, the
/// per-interval paid agents are the roster's mean over the horizon's days, rounded:
/// what reports and `ccsim staff` show; the model and the costs follow the shifts.
pub(crate) fn staffing_plan(
    agents: Option<&AgentsFile>,
    shifts: Option<&[ShiftFile]>,
    absenteeism: Option<f64>,
    day: &Day<'_>,
    at: &dyn Fn(&str) -> String,
) -> Check<(Vec<u32>, Option<Roster>)> {
    let n = day.intervals;
    let shifts = match (agents, shifts) {
        (Some(_), Some(_)) => {
            return Err(FieldError::new(
                at("shifts"),
                "give either agents (per interval) or shifts, not both",
            ))
        }
        (None, None) => {
            return Err(FieldError::new(
                at("agents"),
                "expected agents (one number or one per interval) or shifts = [...]",
            ))
        }
        (Some(a), None) => {
            if absenteeism.is_some() {
                return Err(FieldError::new(
                    at("absenteeism"),
                    "absenteeism applies to rostered agents: it needs shifts (with agents per interval, count absence in shrinkage)",
                ));
            }
            return Ok((super::paid_agents(a, n, &at("agents"))?, None));
        }
        (None, Some(s)) => s,
    };
    if shifts.is_empty() {
        return Err(FieldError::new(
            at("shifts"),
            "expected at least one shift { start = \"HH:MM\", hours = 8, agents = 10 }",
        ));
    }
    let absenteeism = absenteeism.unwrap_or(0.0);
    if !(absenteeism.is_finite() && (0.0..1.0).contains(&absenteeism)) {
        return Err(FieldError::new(
            at("absenteeism"),
            format!(
                "expected a share in [0, 1) (1 would leave nobody at work), found {}",
                shown(absenteeism)
            ),
        ));
    }
    let mut checked = Vec::with_capacity(shifts.len());
    for (k, s) in shifts.iter().enumerate() {
        checked.push(shift(s, day, &|f: &str| at(&format!("shifts[{k}].{f}")))?);
    }
    let roster = Roster {
        shifts: checked,
        absenteeism,
        interval_minutes: day.simulation.interval_minutes,
        intervals: n,
        days: day.simulation.days,
    };
    let days = if roster.varies_by_day() {
        day.simulation.days
    } else {
        1
    };
    for d in 0..days {
        let cover = roster.day_cover(d);
        let im = u64::from(day.simulation.interval_minutes);
        if let Some(i) =
            (0..n).find(|&i| cover.paid[i].div_ceil(im) > u64::from(limits::MAX_AGENTS))
        {
            return Err(FieldError::new(
                at("shifts"),
                format!(
                    "expected at most {} agents at once, found {} at {}",
                    limits::MAX_AGENTS,
                    cover.paid[i].div_ceil(im),
                    day.simulation.interval_label(i)
                ),
            ));
        }
    }
    let paid = roster
        .mean_paid_agents()
        .iter()
        .map(|a| a.round() as u32)
        .collect();
    Ok((paid, Some(roster)))
}

/// One shift, placed within opening hours with its breaks inside it.
fn shift(s: &ShiftFile, day: &Day<'_>, at: &dyn Fn(&str) -> String) -> Check<Shift> {
    let sim = day.simulation;
    let start_clock = super::parse_clock(&s.start).ok_or_else(|| {
        FieldError::new(
            at("start"),
            format!(
                "expected a clock time \"HH:MM\" from 00:00 to 23:59, found \"{}\"",
                s.start
            ),
        )
    })?;
    let start = (start_clock + 24 * 60 - sim.open_minute) % (24 * 60);
    if start >= day.minutes() {
        return Err(FieldError::new(
            at("start"),
            format!(
                "starts at {}, outside opening hours ({} to {})",
                s.start,
                clock(sim.open_minute),
                day.close()
            ),
        ));
    }
    let minutes = minutes_of_hours(&at("hours"), s.hours, "a shift length", 1, 24 * 60)?;
    if start + minutes > day.minutes() {
        return Err(FieldError::new(
            at("hours"),
            format!(
                "the shift runs past the end of the day: {} + {} h ends at {}, the day ends at {} (split a night shift in two)",
                s.start,
                shown(s.hours),
                clock(sim.open_minute + start + minutes),
                day.close()
            ),
        ));
    }
    let agents = whole(
        &at("agents"),
        s.agents,
        "a whole number of agents",
        0,
        i64::from(limits::MAX_AGENTS),
    )?;
    let day_of = s
        .day
        .map(|d| {
            whole(
                &at("day"),
                d,
                "a day of the horizon",
                1,
                i64::from(sim.days),
            )
            .map(|d| d - 1)
        })
        .transpose()?;
    let mut breaks: Vec<Break> = Vec::new();
    for (k, b) in s.breaks.iter().flatten().enumerate() {
        let bat = |f: &str| at(&format!("breaks[{k}].{f}"));
        let length = whole(
            &bat("minutes"),
            b.minutes,
            "a break length in minutes",
            1,
            24 * 60,
        )?;
        if length >= minutes {
            return Err(FieldError::new(
                bat("minutes"),
                format!(
                    "a break of {length} minutes is as long as its shift of {} h or longer",
                    shown(s.hours)
                ),
            ));
        }
        let after = minutes_of_hours(&bat("after_h"), b.after_h, "a break start", 0, minutes)?;
        if after + length > minutes {
            return Err(FieldError::new(
                bat("after_h"),
                format!(
                    "the break ({} h in, {length} minutes) ends after its shift of {} h",
                    shown(b.after_h),
                    shown(s.hours)
                ),
            ));
        }
        if let Some((j, prev)) = breaks
            .iter()
            .enumerate()
            .find(|(_, p)| after < p.after + p.minutes && p.after < after + length)
        {
            return Err(FieldError::new(
                bat("after_h"),
                format!(
                    "the break overlaps breaks[{j}] ({} in, {}): breaks must not overlap",
                    hours_minutes(prev.after),
                    count(prev.minutes.into(), "minute")
                ),
            ));
        }
        breaks.push(Break {
            after,
            minutes: length,
            paid: b.paid.unwrap_or(false),
        });
    }
    breaks.sort_by_key(|b| b.after);
    Ok(Shift {
        start,
        minutes,
        agents,
        breaks,
        day: day_of,
    })
}

/// `[arrivals] day_factors`: one factor per day, repeating (empty when not given).
pub(crate) fn day_factors(raw: Option<&Vec<f64>>, field: &str) -> Check<Vec<f64>> {
    let Some(list) = raw else {
        return Ok(Vec::new());
    };
    if list.is_empty() || list.len() > limits::MAX_DAYS as usize {
        return Err(FieldError::new(
            field,
            format!(
                "expected 1 to {} factors (one per day, repeating), found {}",
                limits::MAX_DAYS,
                list.len()
            ),
        ));
    }
    for (i, f) in list.iter().enumerate() {
        within(
            &format!("{field}[{i}]"),
            *f,
            "a day factor",
            0.0,
            limits::MAX_FACTOR,
        )?;
    }
    Ok(list.clone())
}

/// `[rostering]`, checked against the day: every interval expecting contacts must be
/// coverable by some allowed shift.
pub(crate) fn rostering(r: &RosteringFile, day: &Day<'_>, volumes: &[f64]) -> Check<Rostering> {
    let dm = day.minutes();
    if r.shift_hours.is_empty() {
        return Err(FieldError::new(
            "rostering.shift_hours",
            "expected at least one allowed shift length, e.g. [4, 6, 8]",
        ));
    }
    let mut shift_minutes = Vec::with_capacity(r.shift_hours.len());
    for (k, h) in r.shift_hours.iter().enumerate() {
        let field = format!("rostering.shift_hours[{k}]");
        let m = minutes_of_hours(&field, *h, "a shift length", 1, dm)?;
        if shift_minutes.contains(&m) {
            return Err(FieldError::new(
                field,
                format!("{} h is listed twice", shown(*h)),
            ));
        }
        shift_minutes.push(m);
    }
    let step = whole(
        "rostering.start_step_minutes",
        r.start_step_minutes
            .unwrap_or(i64::from(day.simulation.interval_minutes)),
        "minutes between allowed starts",
        1,
        i64::from(dm),
    )?;
    let mut breaks = Vec::new();
    for (k, b) in r.breaks.iter().flatten().enumerate() {
        breaks.push(break_rule(b, k, dm)?);
    }
    let min_agents_per_shift = whole(
        "rostering.min_agents_per_shift",
        r.min_agents_per_shift.unwrap_or(0),
        "a whole number of agents",
        0,
        i64::from(limits::MAX_AGENTS),
    )?;
    let max_agents_per_shift = r
        .max_agents_per_shift
        .map(|m| {
            whole(
                "rostering.max_agents_per_shift",
                m,
                "a whole number of agents",
                1,
                i64::from(limits::MAX_AGENTS),
            )
        })
        .transpose()?;
    if let Some(max) = max_agents_per_shift.filter(|&m| m < min_agents_per_shift) {
        return Err(FieldError::new(
            "rostering.max_agents_per_shift",
            format!("{max} is below min_agents_per_shift {min_agents_per_shift}"),
        ));
    }
    let rostering = Rostering {
        shift_minutes,
        start_step_minutes: step,
        breaks,
        min_agents_per_shift,
        max_agents_per_shift,
        contracts: Vec::new(),
    };
    let patterns = rostering.patterns(dm);
    let im = day.simulation.interval_minutes;
    let mut covered = vec![false; day.intervals];
    for p in &patterns {
        for (i, m) in p.floor_by_interval(im) {
            covered[i] |= m > 0;
        }
    }
    if let Some(i) = (0..day.intervals).find(|&i| volumes[i] > 0.0 && !covered[i]) {
        let unbroken = Rostering {
            breaks: Vec::new(),
            ..rostering.clone()
        };
        if patterns.is_empty() && !unbroken.patterns(dm).is_empty() {
            return Err(FieldError::new(
                "rostering.breaks",
                "no allowed shift can take every break it is long enough for (the breaks \
                 do not fit their windows without overlapping): wider after_h windows, \
                 shorter breaks or a finer start_step_minutes",
            ));
        }
        let why = if patterns.is_empty() {
            "no allowed shift fits in the day".to_string()
        } else {
            format!(
                "no allowed shift covers the interval starting {}, which expects contacts",
                day.simulation.interval_label(i)
            )
        };
        return Err(FieldError::new(
            "rostering",
            format!("{why}: other shift lengths or a finer start_step_minutes"),
        ));
    }
    Ok(rostering)
}

fn break_rule(b: &BreakRuleFile, k: usize, day_minutes: u32) -> Check<BreakRule> {
    let at = |f: &str| format!("rostering.breaks[{k}].{f}");
    let min_shift_minutes = minutes_of_hours(
        &at("min_shift_h"),
        b.min_shift_h.unwrap_or(0.0),
        "a shift length",
        0,
        day_minutes,
    )?;
    let (lo, hi) = match b.after_h[..] {
        [one] => (one, one),
        [lo, hi] => (lo, hi),
        _ => {
            return Err(FieldError::new(
                at("after_h"),
                format!(
                    "expected [earliest, latest] hours into the shift, found {} numbers",
                    b.after_h.len()
                ),
            ))
        }
    };
    let after_min = minutes_of_hours(&at("after_h"), lo, "a break start", 0, day_minutes)?;
    let after_max = minutes_of_hours(&at("after_h"), hi, "a break start", 0, day_minutes)?;
    if after_max < after_min {
        return Err(FieldError::new(
            at("after_h"),
            format!(
                "the latest start {} h is before the earliest {} h",
                shown(hi),
                shown(lo)
            ),
        ));
    }
    let minutes = whole(
        &at("minutes"),
        b.minutes,
        "a break length in minutes",
        1,
        i64::from(day_minutes),
    )?;
    Ok(BreakRule {
        min_shift_minutes,
        after_min,
        after_max,
        minutes,
        paid: b.paid.unwrap_or(false),
    })
}

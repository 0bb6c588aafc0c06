//! Every rule of the scenario file (docs/scenario-file.md), applied to the serde mirror,
//! producing a [`Scenario`].
//! Rules report the field path; `error.rs` turns it into a line.

use std::path::Path;

use super::file::{AgentsFile, ScenarioFile};
use super::{AgentGroup, Channel, ContactType, Pick, Role, Route, Written};
use super::{Arrivals, Costs, Handling, Judged, Scenario, Simulation, Staffing, Targets};
use crate::foundation::scenario_error::{line_of, FieldError, ScenarioError};
use crate::limits;

#[path = "validate_journey.rs"]
mod journey;

#[path = "validate_centre.rs"]
mod centre;

#[path = "validate_moved.rs"]
mod moved;

#[path = "validate_channels.rs"]
mod channels;

#[path = "validate_values.rs"]
mod values;

#[path = "validate_sizes.rs"]
mod sizes;

#[path = "validate_shifts.rs"]
mod shifts;

#[path = "validate_calendar.rs"]
mod calendar;

#[path = "validate_forecast.rs"]
mod forecast;

#[path = "validate_serde.rs"]
mod serde_words;
use serde_words::explain_serde;

pub(crate) use shifts::{staffing_plan, Day};
pub(crate) use values::{
    dist, factor, money, one_line_name, positive_seconds, seconds, share, shrinkage_share,
};

type Check<T> = Result<T, FieldError>;

/// Parses TOML text into the mirror, then validates it.
pub fn parse_and_validate(source: &str, file: &Path) -> Result<Scenario, ScenarioError> {
    let de = toml::Deserializer::new(source);
    let raw: ScenarioFile = serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        ScenarioError {
            file: file.to_path_buf(),
            field: if field == "." { String::new() } else { field },
            line: inner.span().map(|s| line_of(source, s.start)),
            message: explain_serde(
                inner.message(),
                inner.span().and_then(|s| source.get(s)).map(str::trim),
            ),
        }
    })?;
    validate(raw, file).map_err(|e| e.locate(file, source))
}

fn validate(raw: ScenarioFile, file: &Path) -> Check<Scenario> {
    if centre::is_centre(&raw) {
        simulation(&raw)?;
        costs(&raw)?;
        let mut s = centre::validate(&raw, file, validate)?;
        s.name = scenario_name(&raw, file)?;
        s.description = raw.description.clone();
        s.role = role(&raw)?;
        s.calendar = calendar::calendar(&raw, &s.simulation, s.intervals())?;
        // Each type passed the caps alone; together they may not.
        sizes::contacts(&s, "types")?;
        return Ok(s);
    }
    let simulation = simulation(&raw)?;
    let arrivals = raw
        .arrivals
        .as_ref()
        .ok_or_else(|| missing_table("arrivals"))?;
    let (volumes, by_day) = forecast_or_volumes(arrivals, file, &simulation)?;
    let n = volumes.len();
    if n == 0 {
        return Err(FieldError::new(
            "arrivals.volumes",
            "expected a non-empty list of expected contacts per interval, found []",
        ));
    }
    sizes::volumes(&volumes)?;
    let day_minutes = n as u64 * u64::from(simulation.interval_minutes);
    if day_minutes > 24 * 60 {
        return Err(FieldError::new(
            "arrivals.volumes",
            format!(
                "{n} intervals of {} minutes make {day_minutes} minutes: a day holds at most {}",
                simulation.interval_minutes,
                24 * 60 / simulation.interval_minutes
            ),
        ));
    }
    let day_cv = values::within(
        "arrivals.day_cv",
        arrivals.day_cv.unwrap_or(0.0),
        "a day factor CV",
        0.0,
        limits::MAX_DAY_CV,
    )?;

    let handling_raw = raw
        .handling
        .as_ref()
        .ok_or_else(|| missing_table("handling"))?;
    if handling_raw.concurrency_slowdown.is_some() {
        // A chat type's slowdown is taken out and checked by `validate_centre.rs`.
        return Err(FieldError::new(
            "handling.concurrency_slowdown",
            "concurrency_slowdown applies to chat only: a [[types]] entry with channel = \"chat\"",
        ));
    }
    let handling = Handling {
        time: dist("handling.time", &handling_raw.time)?,
        wrap_up: handling_raw
            .wrap_up
            .as_ref()
            .map(|d| dist("handling.wrap_up", d))
            .transpose()?,
        interval_factors: interval_factors(
            "handling.interval_factors",
            handling_raw.interval_factors.as_deref(),
            n,
        )?,
        concurrency_slowdown: 0.0,
    };
    if handling.mean_s() <= 0.0 {
        return Err(FieldError::new(
            "handling.time",
            "expected a handle time with a mean > 0",
        ));
    }
    let patience = raw
        .patience
        .as_ref()
        .map(|p| dist("patience.time", &p.time))
        .transpose()?;
    let patience_factors = interval_factors(
        "patience.interval_factors",
        raw.patience
            .as_ref()
            .and_then(|p| p.interval_factors.as_deref()),
        n,
    )?;

    let day_factors = shifts::day_factors(arrivals.day_factors.as_ref(), "arrivals.day_factors")?;
    if by_day.is_some() && !day_factors.is_empty() {
        return Err(FieldError::new(
            "arrivals.day_factors",
            "day_factors do not apply to a forecast: its volumes are given date by date",
        ));
    }
    let day = shifts::Day {
        simulation: &simulation,
        intervals: n,
    };
    let (staffing, lines) = staffing(&raw, &day)?;
    let rostering = raw
        .rostering
        .as_ref()
        .map(|r| shifts::rostering(r, &day, &volumes))
        .transpose()?;
    let costs = costs(&raw)?;
    let targets = targets(&raw)?;
    let journey = journey::validate(&raw)?;

    let name = scenario_name(&raw, file)?;
    let role = role(&raw)?;
    let agent_hour = costs.agent_hour;
    let mut scenario = Scenario {
        description: raw.description.clone(),
        role,
        file: file.to_path_buf(),
        simulation,
        costs,
        lines,
        types: vec![ContactType {
            name: name.clone(),
            arrivals: Arrivals {
                volumes,
                day_cv,
                day_factors,
                by_day,
            },
            handling,
            patience,
            patience_factors,
            targets,
            self_service: journey.self_service,
            callback: journey.callback,
            redial: journey.redial,
            resolution: journey.resolution,
            satisfaction: journey.satisfaction,
            value: journey.value,
            routing: vec![Route {
                group: 0,
                after_s: 0.0,
            }],
            channel: Channel::Voice,
            moved_from: None,
        }],
        // `[staffing]` is the one group, at the `[costs]` rate, answering the one type.
        groups: vec![AgentGroup {
            name: name.clone(),
            staffing,
            agent_hour,
            serves: vec![0],
            pick: Pick::Priority,
            chat_slots: 1,
            email_when_idle: 0,
        }],
        name,
        rostering,
        calendar: None,
        written: Written::OneType,
    };
    scenario.calendar = calendar::calendar(&raw, &scenario.simulation, n)?;
    sizes::contacts(&scenario, "arrivals.volumes")?;
    Ok(scenario)
}

/// The mean day's volumes, and each day's when they come from a forecast file.
type Volumes = (Vec<f64>, Option<Vec<Vec<f64>>>);

/// `volumes`, or the forecast file instead (exactly one of them).
fn forecast_or_volumes(
    a: &super::file::ArrivalsFile,
    file: &Path,
    sim: &Simulation,
) -> Check<Volumes> {
    match (&a.volumes, &a.forecast) {
        (Some(v), None) => Ok((v.clone(), None)),
        (None, Some(path)) => {
            let f = forecast::read(path, file, sim, a.forecast_type.as_deref())?;
            Ok((f.mean, Some(f.by_day)))
        }
        (None, None) => Err(FieldError::new(
            "arrivals",
            "missing field `volumes`: expected volumes = [...] (expected contacts per interval) or forecast = \"FILE.csv\"",
        )),
        (Some(_), Some(_)) => Err(FieldError::new(
            "arrivals.forecast",
            "give volumes or a forecast file, not both",
        )),
    }
}

/// Per-interval factors: one factor (above 0, at most the factor cap) per interval.
fn interval_factors(field: &str, factors: Option<&[f64]>, n: usize) -> Check<Option<Vec<f64>>> {
    let Some(factors) = factors else {
        return Ok(None);
    };
    if factors.len() != n {
        return Err(FieldError::new(
            field,
            format!(
                "expected {n} factors (one per interval of arrivals.volumes), found {}",
                factors.len()
            ),
        ));
    }
    for (i, &f) in factors.iter().enumerate() {
        factor(&format!("{field}[{i}]"), f)?;
    }
    Ok(Some(factors.to_vec()))
}

/// The file's name, or its stem when it gives none; one line either way.
fn scenario_name(raw: &ScenarioFile, file: &Path) -> Check<String> {
    if let Some(name) = &raw.name {
        return one_line_name("name", name);
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "scenario".into());
    one_line_name("name", &stem).map_err(|e| {
        FieldError::new(
            "name",
            format!(
                "the file gives no name, and its file name cannot be one: {} (add name = \"...\")",
                e.message
            ),
        )
    })
}

/// `role`: `"option"` (the default) or `"stress"`.
fn role(raw: &ScenarioFile) -> Check<Role> {
    match raw.role.as_deref() {
        None | Some("option") => Ok(Role::Option),
        Some("stress") => Ok(Role::Stress),
        Some(other) => Err(FieldError::new(
            "role",
            format!(
                "expected one of {}, found \"{}\"",
                Role::KEYS.map(|k| format!("\"{k}\"")).join(", "),
                crate::escape::one_line(other)
            ),
        )),
    }
}

fn missing_table(table: &str) -> FieldError {
    FieldError::new(table, format!("the required table [{table}] is missing"))
}

fn simulation(raw: &ScenarioFile) -> Check<Simulation> {
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

/// `[staffing]`: the one group's staffing, and the trunk lines.
fn staffing(raw: &ScenarioFile, day: &shifts::Day<'_>) -> Check<(Staffing, Option<u32>)> {
    let s = raw
        .staffing
        .as_ref()
        .ok_or_else(|| missing_table("staffing"))?;
    let (paid, roster) = shifts::staffing_plan(
        s.agents.as_ref(),
        s.shifts.as_deref(),
        s.absenteeism,
        day,
        &|f: &str| format!("staffing.{f}"),
    )?;
    let shrinkage = s.shrinkage.unwrap_or(0.0);
    let shrinkage = shrinkage_share("staffing.shrinkage", shrinkage)?;
    let lines = match s.lines {
        None => None,
        Some(l) if (1..=i64::from(limits::MAX_LINES)).contains(&l) => Some(l as u32),
        Some(l) => {
            return Err(FieldError::new(
                "staffing.lines",
                format!(
                    "expected a whole number of trunk lines from 1 to {}, found {l}",
                    limits::MAX_LINES
                ),
            ))
        }
    };
    Ok((
        Staffing {
            paid,
            shrinkage,
            roster,
        },
        lines,
    ))
}

/// Paid agents per interval from one number or a list (`field` names it in errors).
pub(super) fn paid_agents(agents: &AgentsFile, n: usize, field_name: &str) -> Check<Vec<u32>> {
    let paid_raw: Vec<i64> = match agents {
        AgentsFile::AllDay(a) => vec![*a; n],
        AgentsFile::PerInterval(list) => {
            if list.len() == 1 {
                vec![list[0]; n]
            } else if list.len() != n {
                return Err(FieldError::new(
                    field_name,
                    format!(
                        "expected one number for the whole day or {n} numbers (one per interval of arrivals.volumes), found {}",
                        list.len()
                    ),
                ));
            } else {
                list.clone()
            }
        }
    };
    let mut paid = Vec::with_capacity(n);
    for (i, a) in paid_raw.iter().enumerate() {
        if !(0..=i64::from(limits::MAX_AGENTS)).contains(a) {
            let field = match agents {
                AgentsFile::AllDay(_) => field_name.to_string(),
                AgentsFile::PerInterval(_) => format!("{field_name}[{i}]"),
            };
            return Err(FieldError::new(
                field,
                format!(
                    "expected a whole number of agents from 0 to {}, found {a}",
                    limits::MAX_AGENTS
                ),
            ));
        }
        paid.push(*a as u32);
    }
    Ok(paid)
}

fn costs(raw: &ScenarioFile) -> Check<Costs> {
    let Some(c) = raw.costs.as_ref() else {
        return Ok(Costs {
            given: false,
            currency: "EUR".into(),
            fte_hours_per_day: super::FTE_HOURS_PER_DAY,
            open_days_per_year: super::OPEN_DAYS_PER_YEAR,
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
    let v = v.unwrap_or(super::FTE_HOURS_PER_DAY);
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
    let v = v.unwrap_or(super::OPEN_DAYS_PER_YEAR);
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

fn targets(raw: &ScenarioFile) -> Check<Targets> {
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
        short_abandon_s: values::within(
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

//! Every rule of the scenario file (docs/scenario-file.md), applied to the serde mirror,
//! producing a [`Scenario`].
//! Rules report the field path; `error.rs` turns it into a line.

use std::path::Path;

use super::file::{AgentsFile, ScenarioFile};
use super::{AgentGroup, Channel, ContactType, Pick, Role, Route, Written};
use super::{Arrivals, Handling, Scenario, Simulation, Staffing};
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

#[path = "validate_simulation.rs"]
mod simulation;
pub(crate) use simulation::parse_clock;
use simulation::simulation;

#[path = "validate_contracts.rs"]
mod contracts;

#[path = "validate_costs.rs"]
mod costs;
use costs::costs;

#[path = "validate_targets.rs"]
mod targets;
use targets::targets;

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
        .map(|r| {
            let mut ro = shifts::rostering(r, &day, &volumes)?;
            let dm = n as u32 * simulation.interval_minutes;
            ro.contracts = contracts::contracts(r, &ro, simulation.days, dm)?;
            Ok::<_, FieldError>(ro)
        })
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
            contracts: (0..rostering.as_ref().map_or(0, |r| r.contracts.len())).collect(),
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

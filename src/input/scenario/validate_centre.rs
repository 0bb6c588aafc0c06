//! The rules of a centre with several contact types and agent groups (docs/centres.md).
//! Each type's tables are checked by the
//! one-type rules, as a one-type scenario of their own (so a type is exactly what a
//! one-type file would be, minus its staffing); then names, skills and routing are
//! checked against each other. Every error names its field, e.g. `groups[1].serves[0]`.

use std::path::Path;

use crate::limits;
use crate::scenario::file::GroupFile;
use crate::scenario::file::{AgentsFile, ArrivalsFile, ScenarioFile, StaffingFile};
use crate::scenario::FieldError;
use crate::scenario::{
    AgentGroup, ContactType, Rostering, Scenario, Simulation, Staffing, Written,
};
use crate::scenario::{Pick, Route};

type Check<T> = Result<T, FieldError>;

/// The one-type tables that `[[types]]` replace, with where they go instead.
const ONE_TYPE_TABLES: [(&str, &str); 11] = [
    ("arrivals", "[types.arrivals]"),
    ("handling", "[types.handling]"),
    ("patience", "[types.patience]"),
    ("staffing", "[[groups]]"),
    ("self_service", "[types.self_service]"),
    ("callback", "[types.callback]"),
    ("redial", "[types.redial]"),
    ("resolution", "[types.resolution]"),
    ("satisfaction", "[types.satisfaction]"),
    ("value", "[types.value]"),
    ("targets", "[types.targets]"),
];

/// True when the file describes a centre of several types (`[[types]]` or `[[groups]]`).
pub fn is_centre(raw: &ScenarioFile) -> bool {
    raw.types.is_some() || raw.groups.is_some() || raw.routing.is_some()
}

/// Validates a `[[types]]` file into its types and groups (the caller names it). `one_type` validates a one-type mirror (the usual rules).
pub fn validate(
    raw: &ScenarioFile,
    file: &Path,
    one_type: impl Fn(ScenarioFile, &Path) -> Check<Scenario>,
) -> Check<Scenario> {
    let Some(type_files) = raw.types.as_ref() else {
        let field = if raw.groups.is_some() {
            "groups"
        } else {
            "routing"
        };
        return Err(FieldError::new(
            field,
            "[[groups]] and [routing] need [[types]]: a file without [[types]] is one type served by [staffing]",
        ));
    };
    let present = |t: &str| match t {
        "arrivals" => raw.arrivals.is_some(),
        "handling" => raw.handling.is_some(),
        "patience" => raw.patience.is_some(),
        "staffing" => raw.staffing.is_some(),
        "self_service" => raw.self_service.is_some(),
        "callback" => raw.callback.is_some(),
        "redial" => raw.redial.is_some(),
        "resolution" => raw.resolution.is_some(),
        "satisfaction" => raw.satisfaction.is_some(),
        "value" => raw.value.is_some(),
        _ => raw.targets.is_some(),
    };
    for (table, instead) in ONE_TYPE_TABLES {
        if present(table) {
            return Err(FieldError::new(
                table,
                format!("a file with [[types]] cannot also have a top-level [{table}]: each type has its own, write it as {instead}"),
            ));
        }
    }
    if type_files.is_empty() {
        return Err(FieldError::new(
            "types",
            "expected at least one [[types]] entry",
        ));
    }
    count_at_most("types", type_files.len(), limits::MAX_TYPES)?;
    let applied = super::moved::apply(type_files)?;
    let mut types: Vec<ContactType> = Vec::with_capacity(type_files.len());
    let mut common = None;
    for (k, t) in applied.iter().enumerate() {
        let at = |f: &str| format!("types[{k}].{f}");
        let name = one_line_name(t.name.as_deref(), &at("name"))?;
        if name.trim() == crate::scenario::WHOLE_CENTRE {
            return Err(FieldError::new(
                at("name"),
                "\"*\" names the whole centre in reports: give the type another name",
            ));
        }
        if types.iter().any(|x| x.name == name) {
            return Err(FieldError::new(
                at("name"),
                format!("\"{name}\" is used by another type: type names must be unique"),
            ));
        }
        let mut t = t.clone();
        let (channel, slowdown) = super::channels::channel(k, &mut t)?;
        let mirror = ScenarioFile {
            name: Some(name.clone()),
            description: None,
            role: None,
            simulation: raw.simulation.clone(),
            arrivals: Some(ArrivalsFile {
                forecast_type: Some(name.clone()),
                ..t.arrivals.clone().ok_or_else(|| missing(&at("arrivals")))?
            }),
            handling: Some(t.handling.clone().ok_or_else(|| missing(&at("handling")))?),
            patience: t.patience.clone(),
            // A type has no staffing of its own: groups serve it.
            staffing: Some(StaffingFile {
                agents: Some(AgentsFile::AllDay(0)),
                shifts: None,
                absenteeism: None,
                shrinkage: None,
                lines: None,
            }),
            self_service: t.self_service.clone(),
            callback: t.callback.clone(),
            redial: t.redial.clone(),
            resolution: t.resolution.clone(),
            costs: raw.costs.clone(),
            satisfaction: t.satisfaction.clone(),
            value: t.value.clone(),
            targets: t.targets.clone(),
            types: None,
            groups: None,
            routing: None,
            rostering: None,
            calendar: None,
        };
        // [simulation] and [costs] are the file's own, not the type's.
        let checked = one_type(mirror, file).map_err(|e| {
            let shared = ["simulation", "costs"]
                .iter()
                .any(|t| e.field.split('.').next() == Some(t));
            let field = if shared { e.field } else { at(&e.field) };
            FieldError::new(field, e.message)
        })?;
        if common.is_none() {
            common = Some((checked.simulation.clone(), checked.costs.clone()));
        }
        let mut checked = checked.types.into_iter().next().expect("one type");
        if let Some(first) = types.first() {
            let (n, m) = (first.intervals(), checked.intervals());
            if n != m {
                return Err(FieldError::new(
                    at("arrivals.volumes"),
                    format!("expected {n} intervals like types[0] \"{}\", found {m}: every type covers the same day", first.name),
                ));
            }
        }
        super::channels::finish_type(&t, channel, slowdown, &mut checked);
        types.push(ContactType {
            name,
            routing: Vec::new(),
            channel,
            moved_from: type_files[k]
                .moved_from
                .as_ref()
                .and_then(|m| Some((m.source.clone()?, m.share?))),
            ..checked
        });
    }
    let (simulation, costs) = common.expect("at least one type");
    let n = types[0].intervals();
    let default_rate = costs.agent_hour;
    let group_files = raw
        .groups
        .as_ref()
        .filter(|g| !g.is_empty())
        .ok_or_else(|| {
            FieldError::new(
                "groups",
                "expected at least one [[groups]] entry: agents serve the types",
            )
        })?;
    count_at_most("groups", group_files.len(), limits::MAX_GROUPS)?;
    let rostering = centre_rostering(raw, &types, &simulation, n)?;
    let mut groups: Vec<AgentGroup> = Vec::with_capacity(group_files.len());
    for (j, g) in group_files.iter().enumerate() {
        let mut group = group(j, g, (&types, &simulation), &groups, n, default_rate)?;
        group.contracts = group_contracts(j, g, rostering.as_ref())?;
        groups.push(group);
    }
    for (t, ty) in types.iter_mut().enumerate() {
        ty.routing = routing(raw, t, &ty.name, &groups)?;
    }
    Ok(Scenario {
        name: String::new(),
        description: None,
        role: super::Role::Option,
        file: file.to_path_buf(),
        simulation,
        costs,
        lines: None,
        types,
        groups,
        rostering,
        calendar: None,
        written: Written::Centre,
    })
}

/// A list of `[[types]]` or `[[groups]]` within its cap, so a centre's memory stays bounded.
fn count_at_most(list: &str, n: usize, max: usize) -> Check<()> {
    if n <= max {
        return Ok(());
    }
    Err(FieldError::new(
        list,
        format!("expected at most {max} [[{list}]] entries in one centre, found {n}: merge those served alike"),
    ))
}

fn missing(field: &str) -> FieldError {
    FieldError::new(
        field,
        format!(
            "the required table [{}] is missing",
            field
                .replace("types[", "types.")
                .split(']')
                .collect::<String>()
        ),
    )
}

fn one_line_name(name: Option<&str>, field: &str) -> Check<String> {
    match name {
        None => Err(FieldError::new(
            field,
            "expected a name: it is used in reports and routing",
        )),
        Some(n) => super::one_line_name(field, n),
    }
}

fn group(
    j: usize,
    g: &GroupFile,
    (types, simulation): (&[ContactType], &Simulation),
    before: &[AgentGroup],
    n: usize,
    default_rate: f64,
) -> Check<AgentGroup> {
    let at = |f: &str| format!("groups[{j}].{f}");
    let name = one_line_name(g.name.as_deref(), &at("name"))?;
    if before.iter().any(|x| x.name == name) {
        return Err(FieldError::new(
            at("name"),
            format!("\"{name}\" is used by another group: group names must be unique"),
        ));
    }
    let day = super::Day {
        simulation,
        intervals: n,
    };
    let (paid, roster) = super::staffing_plan(
        g.agents.as_ref(),
        g.shifts.as_deref(),
        g.absenteeism,
        &day,
        &at,
    )?;
    let shrinkage = super::shrinkage_share(&at("shrinkage"), g.shrinkage.unwrap_or(0.0))?;
    let agent_hour = match g.agent_hour {
        None => default_rate,
        Some(r) => super::money(&at("agent_hour"), r)?,
    };
    let names = g.serves.as_ref().filter(|s| !s.is_empty()).ok_or_else(|| {
        FieldError::new(
            at("serves"),
            "expected the types this group serves, highest priority first",
        )
    })?;
    let mut serves = Vec::with_capacity(names.len());
    for (m, s) in names.iter().enumerate() {
        let t = types.iter().position(|t| &t.name == s).ok_or_else(|| {
            FieldError::new(
                format!("groups[{j}].serves[{m}]"),
                format!("no type is named \"{s}\" (types: {})", type_names(types)),
            )
        })?;
        if serves.contains(&t) {
            return Err(FieldError::new(
                format!("groups[{j}].serves[{m}]"),
                format!("\"{s}\" is listed twice"),
            ));
        }
        serves.push(t);
    }
    let pick = match g.pick.as_deref().unwrap_or("priority") {
        "priority" => Pick::Priority,
        "longest_wait" => Pick::LongestWait,
        p => {
            return Err(FieldError::new(
                at("pick"),
                format!("expected \"priority\" or \"longest_wait\", found \"{p}\""),
            ))
        }
    };
    let chat_slots = super::channels::chat_slots(j, g, &serves, types)?;
    let email_when_idle = super::channels::email_when_idle(j, g, &serves, types)?;
    Ok(AgentGroup {
        name,
        chat_slots,
        email_when_idle,
        staffing: Staffing {
            paid,
            shrinkage,
            roster,
        },
        agent_hour,
        serves,
        pick,
        contracts: Vec::new(),
    })
}

/// A centre's `[rostering]`: its shifts must cover every interval where some type
/// expects contacts.
fn centre_rostering(
    raw: &ScenarioFile,
    types: &[ContactType],
    simulation: &Simulation,
    n: usize,
) -> Check<Option<Rostering>> {
    let Some(r) = raw.rostering.as_ref() else {
        return Ok(None);
    };
    let volumes: Vec<f64> = (0..n)
        .map(|i| types.iter().map(|t| t.arrivals.volumes[i]).sum())
        .collect();
    let day = super::Day {
        simulation,
        intervals: n,
    };
    let mut ro = super::shifts::rostering(r, &day, &volumes)?;
    let dm = n as u32 * simulation.interval_minutes;
    ro.contracts = super::contracts::contracts(r, &ro, simulation.days, dm)?;
    Ok(Some(ro))
}

/// Group `j`'s contracts (positions in `[[rostering.contracts]]`): those it names, or
/// every one; their shares must still be able to make up the whole group.
fn group_contracts(j: usize, g: &GroupFile, rostering: Option<&Rostering>) -> Check<Vec<usize>> {
    let at = |f: &str| format!("groups[{j}].{f}");
    let all = rostering.map_or(&[][..], |r| &r.contracts[..]);
    let Some(names) = &g.contracts else {
        return Ok((0..all.len()).collect());
    };
    if all.is_empty() {
        return Err(FieldError::new(
            at("contracts"),
            "names contracts, but the file has no [[rostering.contracts]]: add them or leave `contracts` out",
        ));
    }
    if names.is_empty() {
        return Err(FieldError::new(
            at("contracts"),
            "expected at least one contract name (leave `contracts` out for all of them)",
        ));
    }
    let mut out = Vec::with_capacity(names.len());
    for (m, name) in names.iter().enumerate() {
        let Some(k) = all.iter().position(|c| &c.name == name) else {
            let known: Vec<String> = all.iter().map(|c| format!("\"{}\"", c.name)).collect();
            return Err(FieldError::new(
                format!("groups[{j}].contracts[{m}]"),
                format!(
                    "\"{name}\" is not a contract: expected one of {}",
                    known.join(", ")
                ),
            ));
        };
        if out.contains(&k) {
            return Err(FieldError::new(
                format!("groups[{j}].contracts[{m}]"),
                format!("\"{name}\" is listed twice"),
            ));
        }
        out.push(k);
    }
    let low: f64 = out.iter().map(|&k| all[k].share.0).sum();
    let high: f64 = out.iter().map(|&k| all[k].share.1).sum();
    if low > 1.0 + 1e-9 || high < 1.0 - 1e-9 {
        return Err(FieldError::new(
            at("contracts"),
            format!("these contracts' shares cannot make up the whole group: their least shares sum to {low}, their most to {high} (expected at most 1 and at least 1)"),
        ));
    }
    Ok(out)
}

fn type_names(types: &[ContactType]) -> String {
    types
        .iter()
        .map(|t| format!("\"{}\"", t.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Type `t`'s routing: as `[routing]` gives it, or every group serving it, in file order.
fn routing(raw: &ScenarioFile, t: usize, name: &str, groups: &[AgentGroup]) -> Check<Vec<Route>> {
    let serving: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].serves.contains(&t))
        .collect();
    if serving.is_empty() {
        return Err(FieldError::new(
            format!("types[{t}].name"),
            format!("no group serves type \"{name}\": add it to some group's serves"),
        ));
    }
    if let Some(map) = &raw.routing {
        for key in map.keys() {
            if !raw
                .types
                .iter()
                .flatten()
                .any(|x| x.name.as_deref() == Some(key.as_str()))
            {
                return Err(FieldError::new(
                    format!("routing.{key}"),
                    format!("no type is named \"{key}\""),
                ));
            }
        }
    }
    let Some(steps) = raw.routing.as_ref().and_then(|m| m.get(name)) else {
        return Ok(serving
            .into_iter()
            .map(|group| Route {
                group,
                after_s: 0.0,
            })
            .collect());
    };
    let mut routes: Vec<Route> = Vec::with_capacity(steps.len());
    for (m, step) in steps.iter().enumerate() {
        let at = |f: &str| format!("routing.{name}[{m}].{f}");
        let g = groups
            .iter()
            .position(|g| g.name == step.group)
            .ok_or_else(|| {
                FieldError::new(at("group"), format!("no group is named \"{}\"", step.group))
            })?;
        if !groups[g].serves.contains(&t) {
            return Err(FieldError::new(
                at("group"),
                format!(
                    "group \"{}\" does not serve \"{name}\": add it to its serves",
                    step.group
                ),
            ));
        }
        if routes.iter().any(|r| r.group == g) {
            return Err(FieldError::new(
                at("group"),
                format!("group \"{}\" is listed twice", step.group),
            ));
        }
        let after_s = super::seconds(&at("after_s"), step.after_s.unwrap_or(0.0))?;
        routes.push(Route { group: g, after_s });
    }
    if let Some(&g) = serving
        .iter()
        .find(|&&g| !routes.iter().any(|r| r.group == g))
    {
        return Err(FieldError::new(
            format!("routing.{name}"),
            format!("group \"{}\" serves \"{name}\" but is not in its routing: list it (with after_s if it should answer later) or take \"{name}\" out of its serves", groups[g].name),
        ));
    }
    Ok(routes)
}

//! The plan written as a scenario file: the input text with its agents replaced, the
//! comment above each agents list and the scenario's name saying what the list now is
//! (a plan by simulation, and on which criterion), every other comment and value kept.

use std::path::Path;

use crate::error::{Error, Result};
use crate::escape::one_line;

/// What the plan's name gets after the file's own: a plan written twice is named once.
const PLAN_SUFFIX: &str = crate::study::STAFFED_SUFFIX;

/// What a plan is written over: the scenario file, the plan (group after group,
/// `intervals` each), and whether the file gives its agents as `[[groups]]`.
pub struct PlanSource<'a> {
    /// The scenario text.
    pub source: &'a str,
    /// The file it came from (for messages and the header).
    pub from: &'a Path,
    /// Paid agents per interval, group after group.
    pub paid: &'a [u32],
    /// Intervals per group.
    pub intervals: usize,
    /// True for a file written with `[[groups]]`, false for one with `[staffing]`.
    pub groups: bool,
}

/// The scenario text with each group's agents replaced by its part of the plan (and the
/// comment above them, and the name, saying so), everything else kept, under a leading
/// comment naming the command, the file and the `criterion` and, for a plan that misses
/// targets, listing every miss.
pub fn plan_toml(
    p: &PlanSource<'_>,
    misses: Option<&[String]>,
    criterion: &str,
    confirmed: Option<&str>,
) -> Result<String> {
    let from = p.from;
    let bad = |why: &str| Error::Other(format!("{}: cannot write the plan: {why}", from.display()));
    let mut doc: toml_edit::DocumentMut = p
        .source
        .parse()
        .map_err(|e: toml_edit::TomlError| bad(&e.to_string()))?;
    let parts: Vec<&[u32]> = p.paid.chunks(p.intervals.max(1)).collect();
    if p.groups {
        groups_agents(&mut doc, from, &parts, criterion)?;
    } else {
        staffing_agents(&mut doc, from, parts[0], criterion)?;
    }
    rename(&mut doc);
    let shown = from.display().to_string();
    let file = one_line(&shown);
    let header = match (misses, p.groups) {
        (None, false) => format!(
            "# Written by `ccsim staff` from {file}: its [staffing] agents replaced by the cheapest\n\
             # plan found by simulation to meet its [targets], judged per interval on\n\
             # {criterion}; the name says so, the rest of the file is unchanged.\n"
        ),
        (None, true) => format!(
            "# Written by `ccsim staff` from {file}: each [[groups]] agents replaced\n\
             # by the cheapest plan found by simulation to meet every type's [types.targets],\n\
             # judged per interval on {criterion}; the name says so, the rest of the file is unchanged.\n"
        ),
        (Some(misses), groups) => {
            let (what, targets) = if groups {
                ("each [[groups]] agents replaced", "its types' targets")
            } else {
                ("its [staffing] agents replaced", "its [targets]")
            };
            let mut h = format!(
                "# Written by `ccsim staff --allow-misses` from {file}: {what}\n\
                 # by the best plan found by simulation, which MISSES {targets} (judged on\n\
                 # {criterion}) in {} place(s):\n",
                misses.len()
            );
            h.push_str(&missed_lines(misses));
            h
        }
    };
    Ok(format!("{header}{}{doc}", confirmed_line(confirmed)))
}

/// `[staffing] agents` replaced by `paid`.
fn staffing_agents(
    doc: &mut toml_edit::DocumentMut,
    from: &Path,
    paid: &[u32],
    criterion: &str,
) -> Result<()> {
    if doc.get("staffing").and_then(|t| t.get("shifts")).is_some() {
        return Err(by_shifts(from, "staffing.shifts"));
    }
    let agents = doc
        .get_mut("staffing")
        .and_then(|s| s.get_mut("agents"))
        .ok_or_else(|| {
            Error::Other(format!(
                "{}: cannot write the plan: no [staffing] agents",
                from.display()
            ))
        })?;
    let decor = agents.as_value().map(|v| v.decor().clone());
    *agents = toml_edit::Item::Value(agents_value(paid, decor));
    if let Some(mut key) = doc
        .get_mut("staffing")
        .and_then(|s| s.as_table_like_mut())
        .and_then(|t| t.key_mut("agents"))
    {
        key.leaf_decor_mut().set_prefix(agents_comment(criterion));
    }
    Ok(())
}

/// Each `[[groups]]` `agents` replaced by its part of the plan, in file order.
fn groups_agents(
    doc: &mut toml_edit::DocumentMut,
    from: &Path,
    parts: &[&[u32]],
    criterion: &str,
) -> Result<()> {
    let bad = |why: &str| Error::Other(format!("{}: cannot write the plan: {why}", from.display()));
    let groups = doc.get_mut("groups").ok_or_else(|| bad("no [[groups]]"))?;
    let found = match groups {
        toml_edit::Item::ArrayOfTables(tables) => {
            let n = tables.len();
            for (j, (table, part)) in tables.iter_mut().zip(parts).enumerate() {
                if table.contains_key("shifts") {
                    return Err(by_shifts(from, &format!("groups[{j}].shifts")));
                }
                let agents = table
                    .get_mut("agents")
                    .ok_or_else(|| bad(&format!("no agents in groups[{j}]")))?;
                let decor = agents.as_value().map(|v| v.decor().clone());
                *agents = toml_edit::Item::Value(agents_value(part, decor));
                if let Some(mut key) = table.key_mut("agents") {
                    key.leaf_decor_mut().set_prefix(agents_comment(criterion));
                }
            }
            n
        }
        // `groups = [ { name = ..., agents = ... }, ... ]`: inline tables.
        toml_edit::Item::Value(toml_edit::Value::Array(array)) => {
            let n = array.len();
            for (j, (value, part)) in array.iter_mut().zip(parts).enumerate() {
                if value
                    .as_inline_table()
                    .is_some_and(|t| t.contains_key("shifts"))
                {
                    return Err(by_shifts(from, &format!("groups[{j}].shifts")));
                }
                let agents = value
                    .as_inline_table_mut()
                    .and_then(|t| t.get_mut("agents"))
                    .ok_or_else(|| bad(&format!("no agents in groups[{j}]")))?;
                let decor = agents.decor().clone();
                *agents = agents_value(part, Some(decor));
            }
            n
        }
        _ => return Err(bad("groups is not a list of tables")),
    };
    if found != parts.len() {
        return Err(bad(&format!(
            "expected {} groups, found {found}",
            parts.len()
        )));
    }
    Ok(())
}

/// The refusal to write a plan for a file staffed by shifts at `field`: the plan is
/// agents per interval, and a file may not give both.
fn by_shifts(from: &Path, field: &str) -> Error {
    let file = from.display();
    let instead = if field.starts_with("groups") {
        "give that group agents per interval instead of shifts (a centre's groups are not rostered by `ccsim schedule` yet)".to_string()
    } else {
        format!("roster shifts meeting the targets with `ccsim schedule {file} --out PLAN.toml`, or give agents per interval instead of shifts")
    };
    Error::Other(format!(
        "{file}: `{field}`: --out cannot write this plan: it is paid agents per interval, \
         and this staffing is by shifts (a file gives one or the other); {instead}"
    ))
}

/// The header line saying what the plan was confirmed on, if it was.
fn confirmed_line(confirmed: Option<&str>) -> String {
    confirmed.map_or(String::new(), |c| {
        format!("# The plan was {}.\n", one_line(c))
    })
}

/// The comment put above a rewritten agents list, in place of the file's (which described
/// the list it had, e.g. "the Erlang A (SIPP) plan").
fn agents_comment(criterion: &str) -> String {
    format!("# Paid agents per interval: the plan `ccsim staff` found by simulation, targets judged on {criterion}.\n")
}

/// The scenario's name with [`PLAN_SUFFIX`], so a report of the plan is not taken for the
/// file it came from (a file without a name keeps none).
fn rename(doc: &mut toml_edit::DocumentMut) {
    let Some(name) = doc.get("name").and_then(|n| n.as_str()).map(str::to_string) else {
        return;
    };
    if name.ends_with(PLAN_SUFFIX) {
        return;
    }
    let Some(item) = doc.get_mut("name") else {
        return;
    };
    let decor = item.as_value().map(|v| v.decor().clone());
    let mut value = toml_edit::Value::from(format!("{name}{PLAN_SUFFIX}"));
    if let Some(d) = decor {
        *value.decor_mut() = d;
    }
    *item = toml_edit::Item::Value(value);
}

/// The misses listed under a plan's header, one comment line each, and the closing line.
fn missed_lines(misses: &[String]) -> String {
    let mut lines: String = misses
        .iter()
        .map(|m| format!("#   {}\n", one_line(m)))
        .collect();
    lines.push_str("# The rest of the file is unchanged.\n");
    lines
}

/// `paid` as a TOML array, twelve to a line, with the decoration (comments, spacing)
/// of the value it replaces.
fn agents_value(paid: &[u32], decor: Option<toml_edit::Decor>) -> toml_edit::Value {
    let indent = " ".repeat("agents = [".len());
    let mut array = toml_edit::Array::new();
    for (k, &p) in paid.iter().enumerate() {
        let mut v = toml_edit::Value::from(i64::from(p));
        let prefix = match k {
            0 => String::new(),
            k if k % 12 == 0 => format!("\n{indent}"),
            _ => " ".into(),
        };
        v.decor_mut().set_prefix(prefix);
        v.decor_mut().set_suffix("");
        array.push_formatted(v);
    }
    let mut value = toml_edit::Value::Array(array);
    if let Some(d) = decor {
        *value.decor_mut() = d;
    }
    value
}

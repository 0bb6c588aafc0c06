//! The plan written as a scenario file: the input text with its agents replaced,
//! comments and everything else kept.

use std::path::Path;

use crate::error::{Error, Result};
use crate::export::escape::one_line;

/// The scenario text `source` with `[staffing] agents` replaced by `paid`, comments and
/// everything else kept, under a leading comment naming the command and `from` and,
/// for a plan that misses targets, listing every miss.
pub fn plan_toml(
    source: &str,
    from: &Path,
    paid: &[u32],
    misses: Option<&[String]>,
) -> Result<String> {
    let bad = |why: &str| Error::Other(format!("{}: cannot write the plan: {why}", from.display()));
    let mut doc: toml_edit::DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| bad(&e.to_string()))?;
    let agents = doc
        .get_mut("staffing")
        .and_then(|s| s.get_mut("agents"))
        .ok_or_else(|| bad("no [staffing] agents"))?;
    let decor = agents.as_value().map(|v| v.decor().clone());
    *agents = toml_edit::Item::Value(agents_value(paid, decor));
    let header = match misses {
        None => format!(
            "# Written by `ccsim staff` from {}: its [staffing] agents replaced by the cheapest\n\
             # plan found by simulation to meet its [targets]; the rest of the file is unchanged.\n",
            one_line(&from.display().to_string())
        ),
        Some(misses) => {
            let mut h = format!(
                "# Written by `ccsim staff --allow-misses` from {}: its [staffing] agents replaced\n\
                 # by the best plan found by simulation, which MISSES its [targets] in {} place(s):\n",
                one_line(&from.display().to_string()),
                misses.len()
            );
            h.push_str(&missed_lines(misses));
            h
        }
    };
    Ok(format!("{header}{doc}"))
}

/// The scenario text `source` of a centre with each `[[groups]]` `agents` replaced by
/// its part of `paid` (group after group, `intervals` each), comments and everything
/// else kept, under a leading comment as [`plan_toml`]'s.
pub fn centre_plan_toml(
    source: &str,
    from: &Path,
    paid: &[u32],
    intervals: usize,
    misses: Option<&[String]>,
) -> Result<String> {
    let bad = |why: &str| Error::Other(format!("{}: cannot write the plan: {why}", from.display()));
    let mut doc: toml_edit::DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| bad(&e.to_string()))?;
    let parts: Vec<&[u32]> = paid.chunks(intervals.max(1)).collect();
    let groups = doc.get_mut("groups").ok_or_else(|| bad("no [[groups]]"))?;
    let found = match groups {
        toml_edit::Item::ArrayOfTables(tables) => {
            let n = tables.len();
            for (j, (table, part)) in tables.iter_mut().zip(&parts).enumerate() {
                let agents = table
                    .get_mut("agents")
                    .ok_or_else(|| bad(&format!("no agents in groups[{j}]")))?;
                let decor = agents.as_value().map(|v| v.decor().clone());
                *agents = toml_edit::Item::Value(agents_value(part, decor));
            }
            n
        }
        // `groups = [ { name = ..., agents = ... }, ... ]`: inline tables.
        toml_edit::Item::Value(toml_edit::Value::Array(array)) => {
            let n = array.len();
            for (j, (value, part)) in array.iter_mut().zip(&parts).enumerate() {
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
    let header = match misses {
        None => format!(
            "# Written by `ccsim staff` from {}: each [[groups]] agents replaced\n\
             # by the cheapest plan found by simulation to meet every type's [types.targets];\n\
             # the rest of the file is unchanged.\n",
            one_line(&from.display().to_string())
        ),
        Some(misses) => {
            let mut h = format!(
                "# Written by `ccsim staff --allow-misses` from {}: each [[groups]] agents replaced\n\
                 # by the best plan found by simulation, which MISSES its types' targets in {} place(s):\n",
                one_line(&from.display().to_string()),
                misses.len()
            );
            h.push_str(&missed_lines(misses));
            h
        }
    };
    Ok(format!("{header}{doc}"))
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

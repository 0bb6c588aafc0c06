//! Editing the TOML document: the walk along a dotted key through tables, inline
//! tables, lists and lists of tables (by index or `name`), creating missing tables, and
//! the replacement of the value found, its layout kept.

use toml_edit::{DocumentMut, Item, Value};

use super::{Change, Set};

/// Applies the overrides in order to scenario text. Returns the edited text and, for each
/// override, its path with names resolved to indices (to attribute errors to it).
pub fn apply(
    source: &str,
    sets: &[Set],
) -> std::result::Result<(String, Vec<Vec<String>>), String> {
    let mut doc: DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let mut resolved = Vec::with_capacity(sets.len());
    for set in sets {
        let mut path = Vec::new();
        walk_table(doc.as_table_mut(), &set.parts, &set.change, &mut path)
            .map_err(|e| format!("{}: {e}", set.named()))?;
        resolved.push(path);
    }
    Ok((doc.to_string(), resolved))
}

type Walk = std::result::Result<(), String>;

fn here(path: &[String]) -> String {
    if path.is_empty() {
        "the file".to_string()
    } else {
        format!("`{}`", path.join("."))
    }
}

/// A table given one value: say which fields it has, since that is what can be set.
fn not_one_value(path: &[String], fields: &[String]) -> String {
    let key = path.join(".");
    match fields.first() {
        Some(f) => format!(
            "{} is a table of settings, not one value: set one of its fields, e.g. {key}.{f}=… (its fields here: {})",
            here(path),
            fields.join(", ")
        ),
        None => format!(
            "{} is a table of settings, not one value: set one of its fields, e.g. {key}.FIELD=…",
            here(path)
        ),
    }
}

/// `types.NAME.…` or `groups.NAME.…` on a file without that list: a file of one contact
/// type has its fields at the top and its agents in `[staffing]`.
fn not_a_centre(parts: &[String]) -> String {
    let list = &parts[0];
    let rest = parts.get(2..).unwrap_or_default().join(".");
    let instead = match (list.as_str(), parts.get(2).map(String::as_str)) {
        (_, None) => String::new(),
        ("types", _) => format!(": set `{rest}` instead"),
        ("groups", Some("agents" | "shifts" | "absenteeism" | "shrinkage")) => {
            format!(": set `staffing.{rest}` instead")
        }
        ("groups", Some("agent_hour")) => ": set `costs.agent_hour` instead".to_string(),
        _ => String::new(),
    };
    let what = if list == "types" {
        "describes one contact type, with its fields at the top of the file"
    } else {
        "has one pool of agents, in [staffing]"
    };
    format!("the file has no [[{list}]] list (it {what}), so `{list}.{}` names nothing{instead}; `{list}.NAME_OR_INDEX.…` addresses the [[{list}]] of a centre", parts.get(1).map_or("", String::as_str))
}

fn walk_table(
    t: &mut toml_edit::Table,
    parts: &[String],
    change: &Change,
    path: &mut Vec<String>,
) -> Walk {
    let part = &parts[0];
    if path.is_empty()
        && parts.len() > 1
        && (part == "types" || part == "groups")
        && t.get(part).is_none()
    {
        return Err(not_a_centre(parts));
    }
    if t.get(part).is_none() {
        let new = match (parts.len(), change) {
            (1, Change::Value(v)) => Item::Value(v.clone()),
            (1, Change::AgentsOffset(_) | Change::Scale(_)) => {
                return Err(format!(
                    "{} has no `{part}` to {}",
                    here(path),
                    change.verb()
                ))
            }
            _ => Item::Table(toml_edit::Table::new()),
        };
        t.insert(part, new);
        if parts.len() == 1 {
            path.push(part.clone());
            return Ok(());
        }
    }
    path.push(part.clone());
    walk_item(t.get_mut(part).expect("present"), &parts[1..], change, path)
}

fn walk_item(item: &mut Item, parts: &[String], change: &Change, path: &mut Vec<String>) -> Walk {
    if parts.is_empty() {
        return match item {
            Item::Value(v) => set_value(v, change, path),
            Item::ArrayOfTables(_) => Err(format!(
                "{} is a list of tables: set the fields of one of them, e.g. {}.0.name",
                here(path),
                path.join(".")
            )),
            _ => match change {
                Change::Value(v) if !v.is_inline_table() && item.is_table() => {
                    let fields: Vec<String> = item
                        .as_table()
                        .map(|t| t.iter().map(|(k, _)| k.to_string()).collect())
                        .unwrap_or_default();
                    Err(not_one_value(path, &fields))
                }
                Change::Value(v) => {
                    *item = Item::Value(v.clone());
                    Ok(())
                }
                Change::AgentsOffset(_) => Err(format!("{} is not a number of agents", here(path))),
                Change::Scale(_) => Err(format!("{} is not a number to scale", here(path))),
            },
        };
    }
    match item {
        Item::Table(t) => walk_table(t, parts, change, path),
        Item::Value(v) => walk_value(v, parts, change, path),
        Item::ArrayOfTables(a) => {
            let names: Vec<Option<&str>> = a
                .iter()
                .map(|t| t.get("name").and_then(Item::as_str))
                .collect();
            let k = pick(&names, &parts[0], path)?;
            path.push(k.to_string());
            let t = a.get_mut(k).expect("index in range");
            if parts.len() == 1 {
                return Err(format!("{} is a table: set its fields", here(path)));
            }
            walk_table(t, &parts[1..], change, path)
        }
        Item::None => Err(format!("{} is empty", here(path))),
    }
}

/// Walks into inline tables and lists (`handling.time.mean_s`, `arrivals.volumes.3`).
fn walk_value(v: &mut Value, parts: &[String], change: &Change, path: &mut Vec<String>) -> Walk {
    if parts.is_empty() {
        return set_value(v, change, path);
    }
    let part = &parts[0];
    match v {
        Value::InlineTable(t) => {
            if t.get(part).is_none() {
                let new = match (parts.len(), change) {
                    (1, Change::Value(x)) => x.clone(),
                    (1, Change::AgentsOffset(_) | Change::Scale(_)) => {
                        return Err(format!(
                            "{} has no `{part}` to {}",
                            here(path),
                            change.verb()
                        ))
                    }
                    _ => Value::InlineTable(Default::default()),
                };
                t.insert(part, new);
                if parts.len() == 1 {
                    path.push(part.clone());
                    return Ok(());
                }
            }
            path.push(part.clone());
            walk_value(t.get_mut(part).expect("present"), &parts[1..], change, path)
        }
        Value::Array(a) => {
            let names: Vec<Option<&str>> = a
                .iter()
                .map(|x| {
                    x.as_inline_table()
                        .and_then(|t| t.get("name"))
                        .and_then(Value::as_str)
                })
                .collect();
            let k = pick(&names, part, path)?;
            path.push(k.to_string());
            walk_value(
                a.get_mut(k).expect("index in range"),
                &parts[1..],
                change,
                path,
            )
        }
        _ => Err(format!(
            "{} is a value, not a table: `{part}` cannot be set inside it",
            here(path)
        )),
    }
}

/// The index of `part` in a list: a number, or the item whose `name` is `part`.
fn pick(names: &[Option<&str>], part: &str, path: &[String]) -> std::result::Result<usize, String> {
    if let Ok(k) = part.parse::<usize>() {
        return if k < names.len() {
            Ok(k)
        } else {
            Err(format!(
                "{} has {}: index {k} is out of range (indices count from 0)",
                here(path),
                crate::words::count(names.len() as u64, "item")
            ))
        };
    }
    names.iter().position(|n| *n == Some(part)).ok_or_else(|| {
        let known: Vec<&str> = names.iter().flatten().copied().collect();
        if known.is_empty() {
            format!(
                "{} is a list: address its items by index from 0, not `{part}`",
                here(path)
            )
        } else {
            format!(
                "{} has no item named \"{part}\" (names: {})",
                here(path),
                known.join(", ")
            )
        }
    })
}

fn set_value(slot: &mut Value, change: &Change, path: &[String]) -> Walk {
    let mut new = match change {
        Change::Value(v) if !v.is_inline_table() && slot.is_inline_table() => {
            let fields: Vec<String> = slot
                .as_inline_table()
                .map(|t| t.iter().map(|(k, _)| k.to_string()).collect())
                .unwrap_or_default();
            return Err(not_one_value(path, &fields));
        }
        Change::Value(v) => v.clone(),
        Change::AgentsOffset(d) => offset_agents(slot, *d).ok_or_else(|| {
            format!(
                "{} must be a whole number of agents or a list of them to take an offset",
                here(path)
            )
        })?,
        Change::Scale(f) => scale(slot, *f).ok_or_else(|| {
            format!(
                "{} must be a number or a list of numbers to be scaled",
                here(path)
            )
        })?,
    };
    // Keep the layout around the value (a trailing comment stays a trailing comment).
    *new.decor_mut() = slot.decor().clone();
    *slot = new;
    Ok(())
}

/// `agents` plus an offset: a number or a list of numbers, each at least 0.
fn offset_agents(v: &Value, d: i64) -> Option<Value> {
    let add = |x: i64| x.saturating_add(d).max(0);
    match v {
        Value::Integer(x) => Some(Value::from(add(*x.value()))),
        Value::Array(a) => {
            let xs: Option<Vec<i64>> = a.iter().map(Value::as_integer).collect();
            let mut out = toml_edit::Array::new();
            for (x, old) in xs?.into_iter().zip(a.iter()) {
                let mut n = Value::from(add(x));
                *n.decor_mut() = old.decor().clone();
                out.push_formatted(n);
            }
            out.set_trailing(a.trailing().clone());
            out.set_trailing_comma(a.trailing_comma());
            Some(Value::Array(out))
        }
        _ => None,
    }
}

/// A number or a list of numbers times `f`; a whole number stays whole (rounded).
fn scale(v: &Value, f: f64) -> Option<Value> {
    let one = |x: &Value| match x {
        Value::Integer(n) => Some(Value::from((*n.value() as f64 * f).round() as i64)),
        Value::Float(x) => Some(Value::from(*x.value() * f)),
        _ => None,
    };
    match v {
        Value::Array(a) => {
            let mut out = toml_edit::Array::new();
            for old in a.iter() {
                let mut n = one(old)?;
                *n.decor_mut() = old.decor().clone();
                out.push_formatted(n);
            }
            out.set_trailing(a.trailing().clone());
            out.set_trailing_comma(a.trailing_comma());
            Some(Value::Array(out))
        }
        _ => one(v),
    }
}

impl Change {
    /// What a change that needs an existing value does, for the error when there is none.
    fn verb(&self) -> &'static str {
        match self {
            Change::Scale(_) => "scale",
            _ => "add an offset to",
        }
    }
}

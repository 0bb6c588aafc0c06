//! `--set KEY=VALUE`: a scenario field overridden on the command line. The override
//! edits the parsed TOML document (comments and layout kept) before anything is
//! validated, so `--set` is exactly editing the file: the edited text goes through the
//! same parser and rules, and an error caused by an override names it.
//!
//! KEY is a dotted path (`staffing.shrinkage`, `handling.time.mean_s`); a list item is
//! addressed by its 0-based index (`arrivals.volumes.3` or `arrivals.volumes[3]`) and an
//! item of `[[types]]` or `[[groups]]` by its index or its `name` (`types.0.patience` or
//! `types.sales.patience`). Missing tables are created, as adding them to the file would.
//! VALUE is a TOML value (`0.25`, `[5, 9, 12]`, `{ dist = "fixed", value_s = 30 }`,
//! `"text"`); text that is not a TOML value is taken as a string. On an `agents` key a
//! signed whole number (`+2`, `-3`) is an offset added to every interval (never below 0).

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Value};

use crate::error::Result;
use crate::scenario::{FieldError, Scenario, ScenarioError};

/// One `--set KEY=VALUE`, parsed.
#[derive(Debug, Clone)]
pub struct Set {
    /// The key as given.
    pub key: String,
    /// The value as given.
    pub text: String,
    parts: Vec<String>,
    change: Change,
}

#[derive(Debug, Clone)]
enum Change {
    /// Replace (or add) the value.
    Value(Value),
    /// Add to every interval's agents.
    AgentsOffset(i64),
}

impl Set {
    /// `KEY=VALUE` as it would be given on the command line.
    pub fn arg(&self) -> String {
        format!("{}={}", self.key, self.text)
    }
}

/// Parses `KEY=VALUE` (a clap value parser: a bad one is a usage error).
pub fn parse_set(arg: &str) -> std::result::Result<Set, String> {
    let (key, text) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}`: expected KEY=VALUE, e.g. staffing.shrinkage=0.25"))?;
    let key = key.trim();
    let parts = split_key(key).map_err(|e| format!("`{arg}`: {e}"))?;
    let text = text.trim();
    let offset = parts.last().is_some_and(|p| p == "agents")
        && (text.starts_with('+') || text.starts_with('-'));
    let change = if offset {
        Change::AgentsOffset(text.trim_start_matches('+').parse().map_err(|_| {
            format!("`{arg}`: a signed agents value is an offset and must be a whole number, e.g. -3 or +2")
        })?)
    } else {
        Change::Value(parse_value(text))
    };
    Ok(Set {
        key: key.to_string(),
        text: text.to_string(),
        parts,
        change,
    })
}

/// A TOML value, or the text as a string when it is not one (`--set name=Monday`).
pub fn parse_value(text: &str) -> Value {
    let doc = format!("v = {text}\n").parse::<DocumentMut>();
    match doc.ok().and_then(|d| {
        let single = d.as_table().len() == 1;
        d.get("v")
            .and_then(Item::as_value)
            .cloned()
            .filter(|_| single)
    }) {
        Some(mut v) => {
            v.decor_mut().clear();
            v
        }
        None => Value::from(text),
    }
}

/// `a.b[2].c` or `a.b.2.c` → ["a", "b", "2", "c"].
fn split_key(key: &str) -> std::result::Result<Vec<String>, String> {
    let normal = key.replace('[', ".").replace(']', "");
    let parts: Vec<String> = normal.split('.').map(|p| p.trim().to_string()).collect();
    if key.is_empty() || parts.iter().any(String::is_empty) {
        return Err("the key must be a dotted path such as staffing.shrinkage".into());
    }
    Ok(parts)
}

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
            .map_err(|e| format!("--set {}: {e}", set.arg()))?;
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

fn walk_table(
    t: &mut toml_edit::Table,
    parts: &[String],
    change: &Change,
    path: &mut Vec<String>,
) -> Walk {
    let part = &parts[0];
    if t.get(part).is_none() {
        let new = match (parts.len(), change) {
            (1, Change::Value(v)) => Item::Value(v.clone()),
            (1, Change::AgentsOffset(_)) => {
                return Err(format!(
                    "{} has no `{part}` to add an offset to",
                    here(path)
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
                Change::Value(v) => {
                    *item = Item::Value(v.clone());
                    Ok(())
                }
                Change::AgentsOffset(_) => Err(format!("{} is not a number of agents", here(path))),
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
                    (1, Change::AgentsOffset(_)) => {
                        return Err(format!(
                            "{} has no `{part}` to add an offset to",
                            here(path)
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
                "{} has {} item(s): index {k} is out of range (indices count from 0)",
                here(path),
                names.len()
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
        Change::Value(v) => v.clone(),
        Change::AgentsOffset(d) => offset_agents(slot, *d).ok_or_else(|| {
            format!(
                "{} must be a whole number of agents or a list of them to take an offset",
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

/// The text of a scenario file, or of the embedded default when there is none, with the
/// path it is known by.
pub fn read_source(file: Option<&Path>) -> std::result::Result<(String, PathBuf), ScenarioError> {
    match file {
        None => Ok((
            crate::scenario::DEFAULT_SCENARIO.to_string(),
            PathBuf::from(crate::scenario::DEFAULT_SCENARIO_PATH),
        )),
        Some(f) => std::fs::read_to_string(f)
            .map(|s| (s, f.to_path_buf()))
            .map_err(|e| ScenarioError {
                file: f.to_path_buf(),
                field: String::new(),
                line: None,
                message: format!("cannot read the scenario file: {e}"),
            }),
    }
}

/// Reads and validates a scenario file (the embedded default when `None`) with the
/// overrides applied; also returns the edited text.
pub fn load(file: Option<&Path>, sets: &[Set]) -> Result<(Scenario, String)> {
    let (source, path) = read_source(file)?;
    Ok(load_source(&source, &path, sets)?)
}

/// Validates scenario text with the overrides applied, exactly as if the text had been
/// edited; returns the scenario and the edited text. An error caused by an override
/// names it; any other keeps its line in the unedited file.
pub fn load_source(
    source: &str,
    file: &Path,
    sets: &[Set],
) -> std::result::Result<(Scenario, String), ScenarioError> {
    if sets.is_empty() {
        return Ok((Scenario::from_toml(source, file)?, source.to_string()));
    }
    let bad = |message: String| ScenarioError {
        file: file.to_path_buf(),
        field: String::new(),
        line: None,
        message,
    };
    if source.parse::<DocumentMut>().is_err() {
        // A file that does not parse: its own error, as without --set.
        Scenario::from_toml(source, file)?;
    }
    let (edited, paths) = apply(source, sets).map_err(bad)?;
    Scenario::from_toml(&edited, file)
        .map(|s| (s, edited))
        .map_err(|e| attribute(e, source, file, sets, &paths))
}

/// Names the override an error comes from; keeps other errors' lines in the unedited file.
fn attribute(
    e: ScenarioError,
    source: &str,
    file: &Path,
    sets: &[Set],
    paths: &[Vec<String>],
) -> ScenarioError {
    let field = split_key(&e.field).unwrap_or_default();
    let related =
        |p: &Vec<String>| !field.is_empty() && (field.starts_with(p) || p.starts_with(&field));
    let mut culprits: Vec<&Set> = sets
        .iter()
        .zip(paths)
        .filter(|(_, p)| related(p))
        .map(|(s, _)| s)
        .collect();
    if field.is_empty() && Scenario::from_toml(source, file).is_ok() {
        // A file-level complaint (an unknown top-level key) that the file alone does not make.
        culprits = sets.iter().collect();
    }
    if culprits.is_empty() {
        let line = if e.field.is_empty() {
            e.line
        } else {
            FieldError::new(e.field.clone(), "")
                .locate(file, source)
                .line
        };
        return ScenarioError { line, ..e };
    }
    let named: Vec<String> = culprits
        .iter()
        .map(|s| format!("--set {}", s.arg()))
        .collect();
    let message = if e.field.is_empty() {
        format!("{}: {}", named.join(", "), e.message)
    } else {
        format!("{}: `{}`: {}", named.join(", "), e.field, e.message)
    };
    ScenarioError {
        file: e.file,
        field: String::new(),
        line: None,
        message,
    }
}

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
//! On any key, `*F` scales a number or a list of numbers by F (at least 0): `staffing.agents=*1.1`
//! gives 10 % more agents in every interval, `arrivals.volumes=*0.9` 10 % less volume; a
//! whole number stays whole (rounded), so agents stay agents.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Value};

mod edit;

pub use edit::apply;

use crate::error::Result;
use crate::scenario::{FieldError, Scenario, ScenarioError};

/// One `--set KEY=VALUE`, parsed.
#[derive(Debug, Clone)]
pub struct Set {
    /// The key as given.
    pub key: String,
    /// The value as given.
    pub text: String,
    /// The option it came from (`--set`, or `--vary` for a sweep's point), so that an
    /// error names what the planner actually typed.
    pub option: &'static str,
    parts: Vec<String>,
    change: Change,
}

#[derive(Debug, Clone)]
enum Change {
    /// Replace (or add) the value.
    Value(Value),
    /// Add to every interval's agents.
    AgentsOffset(i64),
    /// Multiply a number, or every number of a list.
    Scale(f64),
}

impl Set {
    /// `KEY=VALUE` as it would be given on the command line.
    pub fn arg(&self) -> String {
        format!("{}={}", self.key, self.text)
    }

    /// The option and its argument, as an error names it: `--set staffing.agents=5`.
    pub fn named(&self) -> String {
        format!("{} {}", self.option, self.arg())
    }

    /// The same override, coming from `--vary` (one value of a sweep's lever).
    pub fn from_vary(self) -> Set {
        Set {
            option: "--vary",
            ..self
        }
    }
}

/// Checks a dotted key as `--set` and `--vary` take it.
pub fn check_key(key: &str) -> std::result::Result<(), String> {
    split_key(key.trim()).map(|_| ())
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
    let change = if let Some(factor) = text.strip_prefix('*') {
        let f: f64 = factor.trim().parse().unwrap_or(f64::NAN);
        if !(f.is_finite() && f >= 0.0) {
            return Err(format!(
                "`{arg}`: `*F` scales by a factor F and needs a number of at least 0, e.g. *1.1"
            ));
        }
        Change::Scale(f)
    } else if offset {
        Change::AgentsOffset(text.trim_start_matches('+').parse().map_err(|_| {
            format!("`{arg}`: a signed agents value is an offset and must be a whole number, e.g. -3 or +2")
        })?)
    } else {
        Change::Value(parse_value(text))
    };
    Ok(Set {
        key: key.to_string(),
        text: text.to_string(),
        option: "--set",
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
    let named: Vec<String> = culprits.iter().map(|s| s.named()).collect();
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

//! `ccsim sweep`: one run per point of a grid of one or two levers. A point is the
//! scenario with one `--set` per lever ([`crate::overrides`]), so its figures are exactly
//! those of `ccsim run FILE --set KEY=VALUE`; every point keeps the file's seed, so the
//! points differ by the lever only (common random numbers) and their differences are
//! measured far more precisely than their levels.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::overrides::{self, Set};

/// Most points one sweep may have.
pub const MAX_POINTS: usize = 10_000;

/// One lever: a key and the values it takes, as text given to `--set`.
#[derive(Debug, Clone)]
pub struct Lever {
    /// The dotted key.
    pub key: String,
    /// Each value as `--set` takes it (offsets signed: `+1`).
    pub values: Vec<String>,
}

impl Lever {
    /// Each value as a number, when every value is one (for a numeric axis).
    pub fn numbers(&self) -> Option<Vec<f64>> {
        self.values
            .iter()
            .map(|v| v.trim_start_matches('+').parse::<f64>().ok())
            .collect()
    }
}

/// Parses `KEY=V1,V2,...` or `KEY=FROM..TO[:STEP]` (a clap value parser).
pub fn parse_vary(arg: &str) -> std::result::Result<Lever, String> {
    let (key, spec) = arg.split_once('=').ok_or_else(|| {
        format!(
            "`{arg}`: expected KEY=V1,V2,... or KEY=FROM..TO[:STEP], e.g. staffing.agents=-3..+3"
        )
    })?;
    let key = key.trim().to_string();
    // The key is checked as `--set` checks it.
    overrides::check_key(&key).map_err(|e| format!("`{arg}`: {e}"))?;
    let spec = spec.trim();
    let mut values = if spec.contains("..") && !spec.starts_with('[') && !spec.starts_with('{') {
        range(spec).map_err(|e| format!("`{arg}`: {e}"))?
    } else {
        split_top(spec)
    };
    if values.iter().any(|v| v.trim().is_empty()) {
        return Err(format!("`{arg}`: an empty value in the list"));
    }
    // On an agents key a signed value is an offset: then every value is one.
    let is_agents = key.rsplit(['.', ']']).next() == Some("agents");
    if is_agents
        && values
            .iter()
            .any(|v| v.starts_with('+') || v.starts_with('-'))
    {
        for v in &mut values {
            let n: i64 = v
                .trim_start_matches('+')
                .parse()
                .map_err(|_| format!("`{arg}`: agents offsets are whole numbers, found {v}"))?;
            *v = format!("{n:+}");
        }
    }
    if values.len() > MAX_POINTS {
        return Err(format!(
            "`{arg}`: {} values; at most {MAX_POINTS}",
            values.len()
        ));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = values.iter().find(|v| !seen.insert(v.as_str())) {
        return Err(format!("`{arg}`: the value {dup} is listed twice"));
    }
    Ok(Lever { key, values })
}

/// Splits at commas outside brackets, braces and quotes (`[1,2],[3,4]` is two values).
fn split_top(spec: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth, mut quote) = (Vec::new(), String::new(), 0i32, None);
    for c in spec.chars() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur.trim().to_string());
    out
}

/// `FROM..TO[:STEP]`: whole numbers when all three are, else decimals rounded to the
/// places written (so `0.2..0.3:0.05` gives 0.2, 0.25, 0.3, not 0.30000000000000004).
fn range(spec: &str) -> std::result::Result<Vec<String>, String> {
    let (span, step) = match spec.split_once(':') {
        Some((a, b)) => (a, Some(b.trim())),
        None => (spec, None),
    };
    let (from, to) = span.split_once("..").expect("checked by the caller");
    let (from, to) = (from.trim(), to.trim());
    let signed = from.starts_with(['+', '-']) || to.starts_with(['+', '-']);
    let int = |s: &str| s.trim_start_matches('+').parse::<i64>().ok();
    if let (Some(a), Some(b), Some(d)) = (int(from), int(to), step.map_or(Some(1), int)) {
        if d <= 0 {
            return Err("the step must be above 0".into());
        }
        if b < a {
            return Err(format!("the range runs down ({a} to {b}); give FROM ≤ TO"));
        }
        let count = (b - a) / d + 1;
        if count as usize > MAX_POINTS {
            return Err(format!("{count} values; at most {MAX_POINTS}"));
        }
        return Ok((0..count)
            .map(|k| {
                let x = a + k * d;
                if signed {
                    format!("{x:+}")
                } else {
                    x.to_string()
                }
            })
            .collect());
    }
    let num = |s: &str| -> std::result::Result<f64, String> {
        s.trim_start_matches('+')
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| format!("`{s}` is not a number"))
    };
    let step_text = step.ok_or("a range of decimals needs a step: FROM..TO:STEP")?;
    let (a, b, d) = (num(from)?, num(to)?, num(step_text)?);
    if d <= 0.0 {
        return Err("the step must be above 0".into());
    }
    if b < a {
        return Err(format!("the range runs down ({a} to {b}); give FROM ≤ TO"));
    }
    let places = [from, to, step_text]
        .iter()
        .map(|s| s.split_once('.').map_or(0, |(_, f)| f.len()))
        .max()
        .unwrap_or(0);
    let count = ((b - a) / d + 1e-9).floor() + 1.0;
    if count > MAX_POINTS as f64 {
        return Err(format!("{count} values; at most {MAX_POINTS}"));
    }
    Ok((0..count as usize)
        .map(|k| {
            let x = a + k as f64 * d;
            let mut t = format!("{x:.places$}");
            if t.contains('.') {
                t = t.trim_end_matches('0').to_string();
                if t.ends_with('.') {
                    t.push('0');
                }
            } else if places == 0 {
                t.push_str(".0");
            }
            if t == "-0.0" {
                t = "0.0".into();
            }
            t
        })
        .collect())
}

/// One point of the grid: one value per lever.
#[derive(Debug, Clone)]
pub struct Point {
    /// (key, value as given to `--set`) per lever.
    pub values: Vec<(String, String)>,
    /// Index of each lever's value.
    pub at: Vec<usize>,
}

impl Point {
    /// The point's name: `staffing.agents=+1` (levers joined by `, `).
    pub fn name(&self) -> String {
        self.values
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The `--set` overrides that make this point.
    pub fn sets(&self) -> Vec<Set> {
        self.values
            .iter()
            .map(|(k, v)| {
                overrides::parse_set(&format!("{k}={v}"))
                    .expect("checked when parsed")
                    .from_vary()
            })
            .collect()
    }

    /// The `point` object of the JSON report.
    pub fn json(&self) -> PointJson {
        PointJson(
            self.values
                .iter()
                .map(|(k, v)| (k.clone(), json_value(v)))
                .collect(),
        )
    }
}

/// Every point of the grid, the first lever varying slowest.
pub fn points(levers: &[Lever]) -> Vec<Point> {
    let mut out = vec![Point {
        values: Vec::new(),
        at: Vec::new(),
    }];
    for lever in levers {
        out = out
            .into_iter()
            .flat_map(|p| {
                lever.values.iter().enumerate().map(move |(i, v)| {
                    let mut q = p.clone();
                    q.values.push((lever.key.clone(), v.clone()));
                    q.at.push(i);
                    q
                })
            })
            .collect();
    }
    out
}

/// A point's values keyed by lever, serialised as one JSON object in lever order.
#[derive(Debug, Clone, PartialEq)]
pub struct PointJson(pub Vec<(String, serde_json::Value)>);

impl Serialize for PointJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A `--set` value as JSON: a TOML number, list or table as such, an offset as a number.
fn json_value(text: &str) -> serde_json::Value {
    let t = text.trim_start_matches('+');
    toml::from_str::<toml::Table>(&format!("v = {t}"))
        .ok()
        .and_then(|mut table| table.remove("v"))
        .and_then(|v| serde_json::to_value(v).ok())
        .unwrap_or_else(|| serde_json::Value::String(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_lists() {
        let v = |s: &str| parse_vary(s).map(|l| l.values);
        assert_eq!(
            v("staffing.agents=-2..+1").unwrap(),
            ["-2", "-1", "+0", "+1"]
        );
        assert_eq!(v("staffing.agents=10..14:2").unwrap(), ["10", "12", "14"]);
        assert_eq!(
            v("staffing.shrinkage=0.2..0.3:0.05").unwrap(),
            ["0.2", "0.25", "0.3"]
        );
        assert_eq!(
            v("staffing.agents=[1,2],[3,4]").unwrap(),
            ["[1,2]", "[3,4]"]
        );
        assert_eq!(v("staffing.agents=0,+2").unwrap(), ["+0", "+2"]);
        assert!(v("staffing.shrinkage=0.2..0.3").is_err());
        assert!(v("staffing.agents=3..1").is_err());
        assert!(v("staffing.agents=1,1").is_err());
        assert!(v("no-equals").is_err());
    }

    #[test]
    fn grid_runs_the_first_lever_slowest() {
        let a = parse_vary("a.x=1,2").unwrap();
        let b = parse_vary("b.y=0.1,0.2,0.3").unwrap();
        let p = points(&[a, b]);
        assert_eq!(p.len(), 6);
        assert_eq!(p[1].name(), "a.x=1, b.y=0.2");
        assert_eq!(p[3].at, [1, 0]);
        assert_eq!(
            serde_json::to_string(&p[3].json()).unwrap(),
            r#"{"a.x":2,"b.y":0.1}"#
        );
    }
}

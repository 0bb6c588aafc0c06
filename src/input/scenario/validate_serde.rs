//! What the TOML reader says about a file it cannot read into our tables, put in a
//! planner's words: what was expected and what was found, never the name of one of our
//! types.

/// Serde says "missing field `x`"; planners also need to hear what a bad type should be.
/// `found` is the offending TOML text, when its span is known.
pub(super) fn explain_serde(message: &str, found: Option<&str>) -> String {
    let m = message.trim().replace('\n', ": ");
    if m == "missing field `dist`" {
        format!(
            "{m}: a distribution names its family, e.g. {{ dist = \"exponential\", mean_s = 180 }}"
        )
    } else if m.starts_with("unknown field") {
        format!("{m} (a typo? unknown keys are refused so that no setting is silently ignored)")
    } else if m.starts_with("unknown variant") {
        format!(
            "unknown distribution: {}",
            m.trim_start_matches("unknown variant ")
        )
    } else if m.starts_with("a ") {
        // An untagged enum (e.g. `agents`) reports only its `expecting` text.
        match found.filter(|f| !f.is_empty() && f.len() <= 80) {
            Some(f) => format!("expected {m}, found {f}"),
            None => format!("expected {m}"),
        }
    } else {
        let m = m
            .replace("expected f64", "expected a number")
            .replace("expected i64", "expected a whole number")
            .replace("expected a sequence", "expected a list [...]");
        let percent = m.starts_with("invalid type: string") && m.contains("%\"");
        let m = wrong_type(&m).unwrap_or(m);
        if percent {
            format!("{m} (write a share as a number: 0.30, not \"30%\")")
        } else {
            m
        }
    }
}

/// "invalid type: integer `5`, expected struct CostsFile" in a planner's words: what was
/// expected first (a table, not our type's name), then what was found.
fn wrong_type(m: &str) -> Option<String> {
    let (found, expected) = m
        .strip_prefix("invalid type: ")?
        .split_once(", expected ")?;
    let expected = if expected.starts_with("struct ") || expected == "a map" {
        "a table of settings (`[table]` or `{ key = value, ... }`)"
    } else if expected.starts_with("internally tagged enum") {
        "a distribution such as { dist = \"lognormal\", mean_s = 300, cv = 0.8 }"
    } else if expected == "a string" {
        "text in quotes"
    } else {
        expected
    };
    let quoted = |kind: &str| {
        found
            .strip_prefix(kind)
            .map(|v| v.trim().trim_matches('`').to_string())
    };
    let found = match found {
        "map" => "a table".to_string(),
        "sequence" => "a list".to_string(),
        _ => quoted("integer")
            .or_else(|| quoted("floating point"))
            .or_else(|| quoted("boolean"))
            .or_else(|| quoted("string").map(|v| format!("text {v}")))
            .unwrap_or_else(|| found.to_string()),
    };
    Some(format!("expected {expected}, found {found}"))
}

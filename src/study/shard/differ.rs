//! What differs between two parts' scenario texts, named by field, so that a merge of
//! parts run with different `--set` values says which field and which values.

/// At most this many differing fields are named.
const SHOWN: usize = 3;

/// The longest value shown; longer ones (a day's agents) are cut.
const VALUE_CHARS: usize = 40;

/// The fields that differ between two scenario texts, with both values, e.g.
/// `staffing.shrinkage is 0.25 in one and 0.3 in the other`.
pub fn describe(a: &str, b: &str) -> String {
    let (Ok(a), Ok(b)) = (
        toml::from_str::<toml::Value>(a),
        toml::from_str::<toml::Value>(b),
    ) else {
        return "their texts differ".into();
    };
    let mut found = Vec::new();
    walk(&mut String::new(), Some(&a), Some(&b), &mut found);
    if found.is_empty() {
        return "their texts differ".into();
    }
    let more = found.len().saturating_sub(SHOWN);
    let mut text = found
        .iter()
        .take(SHOWN)
        .map(|(key, x, y)| format!("{key} is {x} in one and {y} in the other"))
        .collect::<Vec<_>>()
        .join(", ");
    if more > 0 {
        text.push_str(&format!(" (and {more} more)"));
    }
    text
}

fn walk(
    key: &mut String,
    a: Option<&toml::Value>,
    b: Option<&toml::Value>,
    found: &mut Vec<(String, String, String)>,
) {
    if let (Some(toml::Value::Table(x)), Some(toml::Value::Table(y))) = (a, b) {
        let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let len = key.len();
            if !key.is_empty() {
                key.push('.');
            }
            key.push_str(k);
            walk(key, x.get(k), y.get(k), found);
            key.truncate(len);
        }
    } else if a != b {
        found.push((key.clone(), shown(a), shown(b)));
    }
}

fn shown(v: Option<&toml::Value>) -> String {
    let Some(v) = v else {
        return "absent".into();
    };
    let text = v.to_string();
    if text.chars().count() > VALUE_CHARS {
        let cut: String = text.chars().take(VALUE_CHARS).collect();
        format!("{cut}…")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn names_the_field_and_both_values() {
        let a = "[staffing]\nshrinkage = 0.25\nagents = [5]\n";
        let b = "[staffing]\nshrinkage = 0.3\nagents = [5]\n";
        assert_eq!(
            describe(a, b),
            "staffing.shrinkage is 0.25 in one and 0.3 in the other"
        );
        assert_eq!(
            describe("x = 1\n", "x = 1\ny = 2\n"),
            "y is absent in one and 2 in the other"
        );
    }
}

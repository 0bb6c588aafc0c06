//! The ranges single values must lie in (shares, seconds, money, factors, score points,
//! names), each with a message giving the allowed range and the value found, shown
//! briefly (`1e300`, never 301 digits). The ranges themselves live in `crate::limits`.

use super::Check;
use crate::dist::Duration;
use crate::limits::{self, shown};
use crate::scenario::file::DistFile;
use crate::scenario::FieldError;

/// A share in [0, 1].
pub(crate) fn share(field: &str, v: f64) -> Check<f64> {
    if v.is_finite() && (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(FieldError::new(
            field,
            format!("expected a share in [0, 1], found {}", shown(v)),
        ))
    }
}

/// Shrinkage: a share in [0, 1), since 1 would leave no productive time.
pub(crate) fn shrinkage_share(field: &str, v: f64) -> Check<f64> {
    if v.is_finite() && (0.0..1.0).contains(&v) {
        Ok(v)
    } else {
        Err(FieldError::new(
            field,
            format!(
                "expected a share in [0, 1) (1 would leave no productive time), found {}",
                shown(v)
            ),
        ))
    }
}

/// Seconds from 0 to [`limits::MAX_DURATION_S`].
pub(crate) fn seconds(field: &str, v: f64) -> Check<f64> {
    if v.is_finite() && (0.0..=limits::MAX_DURATION_S).contains(&v) {
        Ok(v)
    } else {
        Err(FieldError::new(
            field,
            format!(
                "expected seconds from 0 to {} (about 115 days), found {}",
                shown(limits::MAX_DURATION_S),
                shown(v)
            ),
        ))
    }
}

/// Seconds above 0, at most [`limits::MAX_DURATION_S`].
pub(crate) fn positive_seconds(field: &str, v: f64) -> Check<f64> {
    if v.is_finite() && v > 0.0 && v <= limits::MAX_DURATION_S {
        Ok(v)
    } else {
        Err(FieldError::new(
            field,
            format!(
                "expected seconds above 0 to {} (about 115 days), found {}",
                shown(limits::MAX_DURATION_S),
                shown(v)
            ),
        ))
    }
}

/// An amount of money from 0 to [`limits::MAX_MONEY`].
pub(crate) fn money(field: &str, v: f64) -> Check<f64> {
    if v.is_finite() && (0.0..=limits::MAX_MONEY).contains(&v) {
        Ok(v)
    } else {
        Err(FieldError::new(
            field,
            format!(
                "expected an amount from 0 to {}, found {}",
                shown(limits::MAX_MONEY),
                shown(v)
            ),
        ))
    }
}

/// A multiplying factor above 0, at most [`limits::MAX_FACTOR`].
pub(crate) fn factor(field: &str, v: f64) -> Check<f64> {
    if v.is_finite() && v > 0.0 && v <= limits::MAX_FACTOR {
        Ok(v)
    } else {
        Err(FieldError::new(
            field,
            format!(
                "expected a factor above 0 to {}, found {}",
                shown(limits::MAX_FACTOR),
                shown(v)
            ),
        ))
    }
}

/// A number from `min` to `max` (`what` says what it is, e.g. "a day factor CV").
pub(crate) fn within(field: &str, v: f64, what: &str, min: f64, max: f64) -> Check<f64> {
    if v.is_finite() && (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(FieldError::new(
            field,
            format!(
                "expected {what} from {} to {}, found {}",
                shown(min),
                shown(max),
                shown(v)
            ),
        ))
    }
}

/// A name (of a scenario, type or group): not blank, one line without control characters,
/// at most [`limits::MAX_NAME_CHARS`] characters. Names head reports and tables, and
/// become file names.
pub(crate) fn one_line_name(field: &str, name: &str) -> Check<String> {
    one_line_text(field, name, "name")?;
    if name.trim().is_empty() {
        return Err(FieldError::new(field, "expected a non-empty name"));
    }
    Ok(name.to_string())
}

/// One line of text (`what` names it in the message): no control characters (C0, DEL,
/// C1, so no line break or tab) nor Unicode line or paragraph separators, at most
/// [`limits::MAX_NAME_CHARS`] characters.
pub(crate) fn one_line_text(field: &str, text: &str, what: &str) -> Check<()> {
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    {
        let seen = match c {
            '\n' => "a line break (\\n)".to_string(),
            '\r' => "a carriage return (\\r)".to_string(),
            '\t' => "a tab (\\t)".to_string(),
            c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
            c => format!("the line separator U+{:04X}", u32::from(c)),
        };
        return Err(FieldError::new(
            field,
            format!("expected a {what} on one line without control characters, found {seen}"),
        ));
    }
    let n = text.chars().count();
    if n > limits::MAX_NAME_CHARS {
        return Err(FieldError::new(
            field,
            format!(
                "expected a {what} of at most {} characters, found {n}",
                limits::MAX_NAME_CHARS
            ),
        ));
    }
    Ok(())
}

/// Builds a checked distribution, naming the offending parameter on failure.
pub(crate) fn dist(field: &str, d: &DistFile) -> Check<Duration> {
    let built = match d {
        DistFile::Exponential { mean_s } => Duration::exponential(*mean_s),
        DistFile::Lognormal { mean_s, cv } => Duration::lognormal(*mean_s, *cv),
        DistFile::Gamma { mean_s, cv } => Duration::gamma(*mean_s, *cv),
        DistFile::Weibull { mean_s, cv } => Duration::weibull(*mean_s, *cv),
        DistFile::Uniform { min_s, max_s } => Duration::uniform(*min_s, *max_s),
        DistFile::Fixed { value_s } => Duration::fixed(*value_s),
        DistFile::Empirical { values_s } => Duration::empirical(values_s.clone()),
    };
    built.map_err(|e| {
        FieldError::new(
            format!("{field}.{}", e.field),
            format!("expected {}", e.expected),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_line_and_short() {
        assert!(one_line_name("name", "Weekday — früh").is_ok());
        for (bad, phrase) in [
            ("a\nb", "line break"),
            ("a\tb", "tab"),
            ("a\u{7f}b", "U+007F"),
            ("a\u{85}b", "U+0085"),
            ("a\u{2028}b", "U+2028"),
            ("  ", "non-empty"),
        ] {
            let e = one_line_name("name", bad).unwrap_err();
            assert!(e.message.contains(phrase), "{bad:?}: {}", e.message);
        }
        let long = "x".repeat(limits::MAX_NAME_CHARS + 1);
        assert!(one_line_name("name", &long).is_err());
        assert!(one_line_name("name", &long[1..]).is_ok());
    }

    #[test]
    fn ranges_show_the_value_briefly() {
        let e = seconds("x", 1e300).unwrap_err();
        assert!(e.message.ends_with("found 1e300"), "{}", e.message);
        assert!(money("x", 1e9).is_ok() && money("x", 1.5e9).is_err());
        assert!(factor("x", 10.0).is_ok() && factor("x", 0.0).is_err());
    }
}

//! Errors in scenario files, located for the planner: file, field path, line and what
//! was expected. Validation knows only field paths; the line is found afterwards from
//! the source text, so every rule gets a line without carrying spans around.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A scenario file that could not be read, parsed or validated.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioError {
    /// The file (or `<embedded default>`).
    pub file: PathBuf,
    /// The field path, e.g. `staffing.shrinkage` or `arrivals.volumes[3]`; empty for syntax errors.
    pub field: String,
    /// 1-based line in the file, when it is known.
    pub line: Option<usize>,
    /// What was wrong and what was expected.
    pub message: String,
}

impl std::error::Error for ScenarioError {}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if self.field.is_empty() {
            write!(f, ": {}", self.message)
        } else {
            write!(f, ": `{}`: {}", self.field, self.message)
        }
    }
}

/// A rule broken at a field path, before the file and line are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// Dotted field path with `[i]` for list items.
    pub field: String,
    /// What was expected (and what was found).
    pub message: String,
}

impl FieldError {
    /// A broken rule at `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Attaches the file and finds the field's line in `source`.
    pub fn locate(self, file: &Path, source: &str) -> ScenarioError {
        let line = span_of_path(source, &self.field).map(|s| line_of(source, s.start));
        ScenarioError {
            file: file.to_path_buf(),
            field: self.field,
            line,
            message: self.message,
        }
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())]
        .bytes()
        .filter(|b| *b == b'\n')
        .count()
        + 1
}

/// The byte span of the deepest part of `path` (`a.b[2].c`) that exists in the document.
fn span_of_path(source: &str, path: &str) -> Option<Range<usize>> {
    let doc = toml_edit::ImDocument::parse(source).ok()?;
    let mut item: &toml_edit::Item = doc.as_item();
    let mut best: Option<Range<usize>> = None;
    for part in split_path(path) {
        let next = match part {
            PathPart::Key(k) => {
                if let Some((key, _)) = item.as_table_like().and_then(|t| t.get_key_value(k)) {
                    best = key.span().or(best);
                }
                item.get(k)
            }
            PathPart::Index(i) => item.get(i),
        };
        match next {
            Some(n) => {
                item = n;
                best = n.span().or(best);
            }
            None => break,
        }
    }
    best
}

enum PathPart<'a> {
    Key(&'a str),
    Index(usize),
}

fn split_path(path: &str) -> Vec<PathPart<'_>> {
    let mut parts = Vec::new();
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        let (key, rest) = seg.split_once('[').unwrap_or((seg, ""));
        if !key.is_empty() {
            parts.push(PathPart::Key(key));
        }
        for idx in rest.split('[') {
            if let Ok(i) = idx.trim_end_matches(']').parse() {
                parts.push(PathPart::Index(i));
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "name = \"x\"\n[staffing]\nagents = [1, 2,\n  3]\nshrinkage = 1.0\n[handling]\ntime = { dist = \"fixed\", value_s = -1 }\n";

    #[test]
    fn finds_lines_of_nested_fields() {
        let at = |p: &str| {
            FieldError::new(p, "m")
                .locate(Path::new("f.toml"), SRC)
                .line
        };
        assert_eq!(at("staffing.shrinkage"), Some(5));
        assert_eq!(at("staffing.agents[2]"), Some(4));
        assert_eq!(at("handling.time.value_s"), Some(7));
        assert_eq!(at("staffing"), Some(2));
        // A missing field points at its table, the nearest place to add it.
        assert_eq!(at("staffing.lines"), Some(2));
    }

    #[test]
    fn display_names_file_line_and_field() {
        let e = FieldError::new("staffing.shrinkage", "expected a share in [0, 1), found 1")
            .locate(Path::new("a.toml"), SRC);
        assert_eq!(
            e.to_string(),
            "a.toml:5: `staffing.shrinkage`: expected a share in [0, 1), found 1"
        );
    }
}

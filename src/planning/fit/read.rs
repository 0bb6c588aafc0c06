//! Reading a CSV export row by row, never the whole file: columns found by name in the
//! header (any order, any case, extra columns ignored), one record buffer reused for
//! every row, and errors that name the file, the line and the column. Rows that cannot
//! be used are counted and skipped (a real export has a few), up to a limit; with
//! `--strict` the first one is the error.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::limits::{shown, MAX_DURATION_S};

/// Most bad rows skipped before the file is refused: 1 % of its rows, and at least this.
pub const MIN_BAD_ROWS_ALLOWED: u64 = 10;
/// Bad rows whose message is kept for the report.
const KEPT_MESSAGES: usize = 5;

/// A CSV file open for reading, with its columns located.
pub struct Table {
    path: PathBuf,
    reader: csv::Reader<BufReader<File>>,
    record: csv::StringRecord,
    columns: Vec<(&'static str, Option<usize>)>,
    /// Whether numbers may use a decimal comma (the delimiter is not a comma).
    decimal_comma: bool,
    /// Length of the file in bytes, for the progress bar.
    pub bytes: u64,
}

/// A cell that cannot be read: its column and why.
#[derive(Debug)]
pub struct CellError {
    /// The column's name.
    pub column: &'static str,
    /// What was expected and found.
    pub message: String,
}

impl Table {
    /// Opens `path`, its fields separated by `delimiter`, and finds `required` (an error
    /// names the first missing one) and `optional` columns in its header.
    pub fn open(
        path: &Path,
        required: &[&'static str],
        optional: &[&'static str],
        delimiter: u8,
    ) -> Result<Table> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(BufReader::with_capacity(1 << 16, file));
        let header = reader
            .headers()
            .map_err(|e| {
                Error::Other(format!(
                    "{}: cannot read the header line: {e}",
                    path.display()
                ))
            })?
            .clone();
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
            .collect();
        let find = |name: &str| names.iter().position(|n| n == name);
        let mut columns = Vec::new();
        for &name in required {
            let Some(i) = find(name) else {
                return Err(Error::Other(format!(
                    "{}, line 1: no column `{name}` in the header (expected {}; found {}){}",
                    path.display(),
                    required.join(", "),
                    if names.is_empty() {
                        "nothing".into()
                    } else {
                        names.join(", ")
                    },
                    delimiter_hint(&names, required, delimiter)
                )));
            };
            columns.push((name, Some(i)));
        }
        for &name in optional {
            columns.push((name, find(name)));
        }
        Ok(Table {
            path: path.to_path_buf(),
            reader,
            record: csv::StringRecord::new(),
            columns,
            decimal_comma: delimiter != b',',
            bytes,
        })
    }

    /// Reads the next row; `false` at the end of the file. A row that is not CSV at all
    /// (bad quoting, not UTF-8) is an error.
    pub fn next_row(&mut self) -> Result<bool> {
        self.reader.read_record(&mut self.record).map_err(|e| {
            let line = e
                .position()
                .map_or(String::new(), |p| format!(", line {}", p.line()));
            Error::Other(format!("{}{line}: not a CSV row: {e}", self.path.display()))
        })
    }

    /// The line the current row starts on (1 is the header).
    pub fn line(&self) -> u64 {
        self.record.position().map_or(0, |p| p.line())
    }

    /// Bytes read so far.
    pub fn position(&self) -> u64 {
        self.reader.position().byte()
    }

    /// The current row's cell in column `k` (in the order the columns were asked for),
    /// trimmed; `None` when the column is absent or the row is short.
    pub fn cell(&self, k: usize) -> Option<&str> {
        let (_, i) = self.columns[k];
        i.and_then(|i| self.record.get(i)).map(str::trim)
    }

    /// The name of column `k`.
    pub fn name(&self, k: usize) -> &'static str {
        self.columns[k].0
    }

    /// Whether column `k` is in the file.
    pub fn has(&self, k: usize) -> bool {
        self.columns[k].1.is_some()
    }

    /// A cell that must be there and not blank.
    pub fn text(&self, k: usize) -> std::result::Result<&str, CellError> {
        match self.cell(k) {
            Some(s) if !s.is_empty() => Ok(s),
            _ => Err(CellError {
                column: self.name(k),
                message: "is empty".into(),
            }),
        }
    }

    /// A duration in seconds: blank gives `None`; anything else must be a finite number ≥ 0.
    pub fn seconds(&self, k: usize) -> std::result::Result<Option<f64>, CellError> {
        let s = match self.cell(k) {
            None | Some("") => return Ok(None),
            Some(s) => s,
        };
        let err = |message: String| CellError {
            column: self.name(k),
            message,
        };
        let comma = self.decimal_comma && s.matches(',').count() == 1 && !s.contains('.');
        let parsed = if comma {
            s.replace(',', ".").parse()
        } else {
            s.parse()
        };
        let x: f64 =
            parsed.map_err(|_| err(format!("expected a number of seconds, found \"{s}\"")))?;
        if !x.is_finite() {
            return Err(err(format!(
                "expected a finite number of seconds, found \"{s}\""
            )));
        }
        if x < 0.0 {
            return Err(err(format!("is negative ({s}): a duration is at least 0")));
        }
        if x > MAX_DURATION_S {
            return Err(err(format!(
                "{} s is beyond the longest duration ccsim accepts ({} s, about 115 days): a placeholder or a broken value, not a contact",
                shown(x),
                shown(MAX_DURATION_S)
            )));
        }
        Ok(Some(x))
    }

    /// A whole count ≥ 0.
    pub fn count(&self, k: usize) -> std::result::Result<u64, CellError> {
        let s = self.text(k)?;
        s.parse().map_err(|_| CellError {
            column: self.name(k),
            message: format!("expected a whole number of contacts ≥ 0, found \"{s}\""),
        })
    }

    /// The path, for messages.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// A hint when the header, split on another common delimiter, holds the required
/// columns (a semicolon-separated export read as comma-separated); empty otherwise.
fn delimiter_hint(names: &[String], required: &[&str], delimiter: u8) -> String {
    let joined = names.join(&char::from(delimiter).to_string());
    [b';', b'\t', b'|', b',']
        .into_iter()
        .filter(|&d| d != delimiter)
        .find(|&d| {
            let split: Vec<&str> = joined.split(char::from(d)).map(str::trim).collect();
            required.iter().all(|r| split.contains(r))
        })
        .map_or(String::new(), |d| {
            let name = if d == b'\t' {
                "tab".to_string()
            } else {
                format!("'{}'", char::from(d))
            };
            format!("; the header looks separated by {name}: try --delimiter {name}")
        })
}

/// Rows skipped as bad, with the first few reasons.
#[derive(Debug, Clone, Default)]
pub struct BadRows {
    /// How many rows were skipped.
    pub count: u64,
    /// The first reasons, each naming its line and column.
    pub messages: Vec<String>,
}

impl BadRows {
    /// Records a bad row: with `strict`, it is the error.
    pub fn skip(
        &mut self,
        table: &Table,
        line: u64,
        column: &str,
        message: &str,
        strict: bool,
    ) -> Result<()> {
        let text = format!(
            "{}, line {line}, column `{column}`: {message}",
            table.path().display()
        );
        if strict {
            return Err(Error::Other(format!("{text} (--strict)")));
        }
        self.count += 1;
        if self.messages.len() < KEPT_MESSAGES {
            self.messages.push(text);
        }
        Ok(())
    }

    /// Errors when more rows were bad than a few (1 % of `rows`, at least
    /// [`MIN_BAD_ROWS_ALLOWED`]).
    pub fn check(&self, path: &Path, rows: u64) -> Result<()> {
        let allowed = (rows / 100).max(MIN_BAD_ROWS_ALLOWED);
        if self.count > allowed {
            return Err(Error::Other(format!(
                "{}: {} of {rows} rows cannot be used (more than {allowed} is not a few bad rows), for example:\n  {}",
                path.display(),
                self.count,
                self.messages.join("\n  ")
            )));
        }
        Ok(())
    }
}

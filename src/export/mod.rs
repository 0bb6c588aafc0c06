//! Exporters: each turns a [`Report`](crate::report::Report) into bytes, and
//! [`write_atomic`] puts them in place atomically, so an interrupted run never leaves a
//! file that looks complete.

pub mod bundle;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where an output goes: a file, or standard output for `-`.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A file, written to a temporary name and renamed when complete.
    File(PathBuf),
}

impl Target {
    /// Parses a command-line value (`-` means standard output).
    pub fn parse(s: &str) -> Target {
        if s == "-" {
            Target::Stdout
        } else {
            Target::File(PathBuf::from(s))
        }
    }

    /// Fails now, before any long work, if the file could not be written later.
    pub fn check_writable(&self) -> Result<()> {
        if let Target::File(path) = self {
            check_parent_dir(path)?;
            if path.is_dir() {
                return Err(Error::Other(format!(
                    "{}: is a folder; give a file name",
                    path.display()
                )));
            }
        }
        Ok(())
    }

    /// Writes the bytes to the target.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        match self {
            Target::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)
                    .and_then(|_| out.flush())
                    .map_err(|e| Error::io("<stdout>", e))
            }
            Target::File(path) => write_atomic(path, bytes),
        }
    }
}

/// Errors unless the folder that will hold `path` exists.
pub fn check_parent_dir(path: &Path) -> Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if parent.is_dir() {
        Ok(())
    } else {
        Err(Error::io(
            parent,
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "the output folder does not exist",
            ),
        ))
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|_| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// Fixed-point formatting of a metric value in its unit, for tables and CSV-free text.
pub fn format_value(unit: &str, x: f64) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    match unit {
        "%" => format!("{:.1}%", x * 100.0),
        "money" => format!("{x:.2}"),
        _ => format!("{x:.1}"),
    }
}

/// A metric's half-width in the same unit as [`format_value`].
pub fn format_half_width(unit: &str, x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    match unit {
        "%" => format!("±{:.1}", x * 100.0),
        "money" => format!("±{x:.2}"),
        _ => format!("±{x:.1}"),
    }
}

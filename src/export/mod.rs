//! Exporters: each turns a [`Report`](crate::report::Report) into bytes, and
//! [`Target::write`] puts them in place (atomically for a regular file), so an
//! interrupted run never leaves a file that looks complete.

pub mod bundle;
pub mod csv;
pub mod escape;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
mod target;

pub use target::{
    check_existing, check_file_name, check_outputs, check_parent_dir, probe, write_atomic,
    write_file, write_streamed, Output, Target,
};

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

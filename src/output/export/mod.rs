//! Exporters: each turns a [`Report`](crate::report::Report) into bytes, and
//! [`Target::write`] puts them in place (atomically for a regular file), so an
//! interrupted run never leaves a file that looks complete.

pub mod bundle;
pub mod csv;
pub mod executive;
pub use crate::foundation::escape;
mod headline;
pub mod html;
pub mod json;
pub mod markdown;
mod outputs;
pub mod study_dir;
pub mod sweep;
pub mod table;
mod target;
pub mod xlsx;

pub use outputs::{Content, Contents, Fill, Outputs};
pub use target::{
    check_existing, check_file_name, check_outputs, check_parent_dir, probe, write_atomic,
    write_file, write_streamed, Output, Target,
};

pub use crate::foundation::number::{
    format_difference, format_estimate, format_half_width, format_signed, format_signed_whole,
    format_value, thousands, with_half_width, HalfWidth,
};
pub use headline::email_apart;

/// Whether `m` is a level the value model makes up (lost customer value and what adds it
/// to operating cost): the reports people read show it only as a difference from the
/// baseline, never as an amount beside or on top of what the centre spends; JSON, CSV
/// and the workbook keep it for those who model with it.
pub fn is_value_model_level(m: crate::metrics::Metric) -> bool {
    use crate::metrics::Metric as M;
    matches!(
        m,
        M::LostValue | M::EconomicCost | M::EconomicCostPerContact
    )
}

//! Output: tables, CSV, JSON, Markdown, HTML and charts, read from the report only.

pub mod chart;
pub mod export;
pub mod terminal;

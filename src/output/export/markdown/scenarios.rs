//! "Scenarios": each scenario's role in the study, its file and its description.

use std::fmt::Write;
use std::path::Path;

use super::names;
use crate::escape::{markdown_code_cell, markdown_table_cell};
use crate::report::ScenarioReport;
use crate::study::Study;

/// The section: one table row per scenario.
pub(super) fn section(study: &Study) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "## Scenarios\n");
    let _ = writeln!(o, "| scenario | role | file | description |");
    let _ = writeln!(o, "| --- | --- | --- | --- |");
    let r = study.report;
    for ((i, s), name) in r.scenarios.iter().enumerate().zip(names(r)) {
        let role = match study.baseline {
            Some(b) if b == i => "baseline",
            Some(_) => "compared with the baseline",
            None => "",
        };
        let _ = writeln!(
            o,
            "| {name} | {role} | {} | {} |",
            markdown_code_cell(&file_name(s)),
            markdown_table_cell(s.description.as_deref().unwrap_or(""))
        );
    }
    o
}

/// The scenario file's name without its folder.
fn file_name(s: &ScenarioReport) -> String {
    Path::new(&s.file)
        .file_name()
        .map_or_else(|| s.file.clone(), |n| n.to_string_lossy().into_owned())
}

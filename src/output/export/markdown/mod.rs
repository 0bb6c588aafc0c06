//! `report.md`: a study a planner can put in front of a director. Scenarios side by
//! side with their 95 % intervals, targets met or missed, a centre's contact types and
//! agent groups, paired differences against the baseline, the charts, and how it was
//! simulated. Only formats the report: every
//! number comes from it or from the comparisons computed from it. One file per section;
//! every piece of text from a scenario goes through [`super::escape`] first.

mod channels;
mod charts;
mod days;
mod differences;
mod format;
mod glance;
mod groups;
mod notes;
mod results;
mod roi;
mod scenarios;
mod scores;
mod summary;
mod targets;
mod title;
mod types;

use super::escape::markdown_table_cell;
use crate::report::Report;
use crate::study::Study;

/// The Markdown report of a study.
pub fn report(study: &Study) -> String {
    let sections = [
        title::section(study),
        summary::section(study.report),
        glance::section(study),
        charts::section(study.report),
        scenarios::section(study),
        targets::section(study.report),
        results::section(study.report),
        days::section(study.report),
        types::section(study.report),
        groups::section(study.report),
        channels::section(study.report),
        differences::section(study),
        charts::detail_section(study.report),
        scores::section(study.report),
        notes::section(study.report),
    ];
    // Each section ends with its last line; a blank line goes between two sections.
    sections
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The scenario names, escaped for table cells (and safe in running text too); a plan
/// written by `ccsim staff` without its suffix, unless that would name two alike.
fn names(r: &Report) -> Vec<String> {
    let short = |name: &str| -> String {
        match name.strip_suffix(crate::study::STAFFED_SUFFIX) {
            Some(s) if !s.is_empty() && !r.scenarios.iter().any(|o| o.name == s) => s.into(),
            _ => name.into(),
        }
    };
    r.scenarios
        .iter()
        .map(|s| markdown_table_cell(&short(&s.name)))
        .collect()
}

/// The currency shared by the scenarios (the first one's), escaped like a name.
fn currency(r: &Report) -> String {
    r.scenarios
        .first()
        .map_or_else(String::new, |s| markdown_table_cell(&s.currency))
}

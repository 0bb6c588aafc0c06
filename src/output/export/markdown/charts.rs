//! "Charts": the study's charts (each title, its PNG inline and a link to its SVG),
//! right after the summary; then "Charts by scenario": each scenario's per-interval
//! detail under its name, which report.html folds. A centre's charts add a line on how
//! to read them.

use std::fmt::Write;

use crate::chart::{self, Chart};
use crate::escape::markdown_text;
use crate::report::Report;

/// The study's charts, the ones a reader compares scenarios on.
pub(super) fn section(r: &Report) -> String {
    let mut o = String::from("## Charts\n");
    for c in chart::charts(r).iter().filter(|c| c.scenario().is_none()) {
        one(&mut o, c, "###");
    }
    o
}

/// Each scenario's detail charts under a heading of its name.
pub(super) fn detail_section(r: &Report) -> String {
    let charts = chart::charts(r);
    let mut o = String::from("## Charts by scenario\n");
    for (i, name) in super::names(r).iter().enumerate() {
        let _ = write!(o, "\n### {name}\n");
        for c in charts.iter().filter(|c| c.scenario() == Some(i)) {
            one(&mut o, c, "####");
        }
    }
    o
}

fn one(o: &mut String, c: &Chart, heading: &str) {
    // A title holds a scenario name; the stem is a slug, safe in a link as it is.
    let title = markdown_text(&c.title);
    let _ = write!(
        o,
        "\n{heading} {title}\n\n![{title}]({}.png)\n\n[SVG]({}.svg)\n",
        c.stem, c.stem
    );
    if let Some(note) = c.note() {
        let _ = write!(o, "\n{}\n", markdown_text(note));
    }
}

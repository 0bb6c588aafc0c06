//! "Charts": each chart's title, its PNG inline and a link to its SVG; a centre's
//! charts add a line on how to read them.

use std::fmt::Write;

use crate::chart;
use crate::escape::markdown_text;
use crate::report::Report;

/// The section: one subsection per chart.
pub(super) fn section(r: &Report) -> String {
    let mut o = String::from("## Charts\n");
    for c in chart::charts(r) {
        // A title holds a scenario name; the stem is a slug, safe in a link as it is.
        let title = markdown_text(&c.title);
        let _ = write!(
            o,
            "\n### {title}\n\n![{title}]({}.png)\n\n[SVG]({}.svg)\n",
            c.stem, c.stem
        );
        if let Some(note) = c.note() {
            let _ = write!(o, "\n{}\n", markdown_text(note));
        }
    }
    o
}

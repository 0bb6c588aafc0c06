//! The frame of `report.html`: head, navigation, and the inline style sheet and script.
//! The style sheet is sized for a laptop screen and a printed A4 page; the script only
//! sorts tables, and the page forbids itself every network load (Content-Security-Policy).

use std::fmt::Write;

use crate::escape::html_text;

/// Readable on a laptop, printable: one column, tables that scroll sideways on screen
/// and shrink on paper, charts the width of the text.
const STYLE: &str = r#"
:root { color-scheme: light; }
body { margin: 0; color: #1c2430; background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 1.2rem 2rem 3rem; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: .4rem 0 .8rem;
  border-bottom: 3px solid #1f5fa8; padding-bottom: .4rem; }
h2 { font-size: 1.28rem; margin: 2.2rem 0 .6rem; border-bottom: 1px solid #d4dae4; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
nav.contents { font-size: .9rem; margin: 0 0 1rem; color: #4a5566;
  display: flex; flex-wrap: wrap; row-gap: .2rem; }
nav.contents a { margin-right: 1rem; color: #1f5fa8; text-decoration: none; white-space: nowrap; }
.table-wrap { overflow-x: auto; margin: .8rem 0; }
table { border-collapse: collapse; font-size: .86rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d4dae4; padding: .22rem .5rem; vertical-align: top; }
/* Headers wrap between words, so a table of long headers still fits a laptop screen. */
thead th { background: #eaf0f8; cursor: pointer; user-select: none; }
thead th:hover { background: #d8e4f3; }
thead th[aria-sort="ascending"]::after { content: " \25B2"; font-size: .7em; }
thead th[aria-sort="descending"]::after { content: " \25BC"; font-size: .7em; }
tbody tr:nth-child(even) { background: #f6f8fb; }
td:first-child { white-space: nowrap; }
/* A wide table scrolls inside its box; its first (metric or scenario) column stays. */
th:first-child, td:first-child { position: sticky; left: 0; z-index: 1;
  box-shadow: inset -1px 0 0 #b8c2d1; }
tbody td:first-child { background: #fff; }
tbody tr:nth-child(even) td:first-child { background: #f6f8fb; }
thead th:first-child { background: #eaf0f8; z-index: 2; }
details { margin: .4rem 0; border: 1px solid #e2e6ed; border-radius: 4px; padding: .2rem .8rem; }
details > summary { cursor: pointer; font-weight: 600; padding: .3rem 0; }
details h4 { font-size: .98rem; margin: 1rem 0 .3rem; }
code { font-size: .9em; background: #f0f2f5; padding: 0 .2em; border-radius: 3px; }
/* The charts were laid out with DejaVu Sans; Verdana has nearly its widths. */
svg.chart text { font-family: "DejaVu Sans", Verdana, sans-serif; }
svg.chart { display: block; width: 100%; height: auto; max-width: 1100px;
  margin: .5rem 0 1rem; border: 1px solid #e2e6ed; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav.contents { display: none; }
  .table-wrap { overflow: visible; }
  /* On paper nothing scrolls: the table takes the page's width and its cells wrap. */
  table { font-size: 7.5pt; width: 100%; table-layout: auto; }
  th, td { white-space: normal !important; overflow-wrap: anywhere; padding: .1rem .25rem; }
  th:first-child, td:first-child { position: static; box-shadow: none; }
  img, svg { max-width: 100% !important; height: auto; }
  details { border: none; padding: 0; }
  thead th { background: #eee; cursor: auto; }
  thead th::after { content: none !important; }
  h2, h3 { break-after: avoid; }
  tr, svg.chart { break-inside: avoid; }
  svg.chart { border: none; max-width: 100%; }
  @page { margin: 1.4cm; }
}
"#;

/// Sorts a table by the clicked header: numerically when every filled cell of the
/// column holds a number (thousands separators, units, `±` half-widths and signs
/// understood), as text otherwise; a second click reverses.
const SCRIPT: &str = r#"
(function () {
  "use strict";
  function number(text) {
    var t = text.replace(/(\d)[,\u00a0\u202f\u2009 '](?=\d{3}(\D|$))/g, "$1")
      .split("\u00b1")[0].replace(/\u2212/g, "-");
    var m = t.match(/[-+]?\d+(\.\d+)?/);
    return m ? parseFloat(m[0]) : null;
  }
  function blank(text) { return /^\s*(-|\u2014|n\/a)?\s*$/.test(text); }
  function sortBy(table, th, col) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var rows = Array.prototype.slice.call(body.rows);
    var cells = rows.map(function (r) {
      var c = r.cells[col];
      return c ? c.textContent : "";
    });
    var numeric = cells.every(function (t) { return blank(t) || number(t) !== null; });
    var up = th.getAttribute("aria-sort") !== "ascending";
    var order = rows.map(function (r, i) { return i; });
    order.sort(function (a, b) {
      var x = cells[a], y = cells[b];
      if (blank(x) !== blank(y)) { return blank(x) ? 1 : -1; }
      var d = numeric ? number(x) - number(y)
        : x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
      if (blank(x) && blank(y)) { d = 0; }
      return (up ? d : -d) || a - b;
    });
    Array.prototype.forEach.call(th.parentNode.cells, function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
    order.forEach(function (i) { body.appendChild(rows[i]); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table"), function (table) {
    if (!table.tHead) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.tabIndex = 0;
      th.title = "Sort by this column";
      th.addEventListener("click", function () { sortBy(table, th, col); });
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(table, th, col); }
      });
    });
  });
})();
"#;

/// The whole page: `title` (plain text), the contents (id, plain text) and the body
/// HTML rendered from the Markdown.
pub(super) fn wrap(title: &str, contents: &[(String, String)], body: &str) -> String {
    let mut o = String::with_capacity(body.len() + STYLE.len() + SCRIPT.len() + 1024);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"ccsim {}\">\n<title>{}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        env!("CARGO_PKG_VERSION"),
        html_text(title)
    );
    // The contents go under the title (or first, when there is none).
    let (head, rest) = match body.find("</h1>\n") {
        Some(k) => body.split_at(k + "</h1>\n".len()),
        None => ("", body),
    };
    o.push_str(head);
    if !contents.is_empty() {
        o.push_str("<nav class=\"contents\">");
        for (id, text) in contents {
            let _ = write!(o, "<a href=\"#{id}\">{}</a>", html_text(text));
        }
        o.push_str("</nav>\n");
    }
    o.push_str(rest);
    let _ = write!(o, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n");
    o
}

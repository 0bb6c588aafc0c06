//! `report.html`: the study as one page a planner can mail to a manager. It is rendered
//! from `report.md`'s text, so its sections are always report.md's, and it carries
//! everything inline: each chart's SVG in place of its PNG, a small style sheet (screen
//! and print) and a script that sorts tables by a click on a header. It refers to no
//! file and no network address: links to the study's other files become plain text.
//!
//! Scenario text is already escaped for Markdown by [`super::escape`]; the Markdown
//! renderer escapes every text again for HTML, and raw HTML in the Markdown is shown as
//! text, never passed through.

mod page;
mod svg;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A chart the study wrote: its file stem (`comparison`) and the bytes of its SVG.
pub type ChartSvg<'a> = (&'a str, &'a [u8]);

/// The page of a study: `markdown` (its `report.md`) rendered with each chart image
/// whose SVG is in `charts` drawn inline. The page title is the Markdown's first
/// top-level heading.
pub fn report(markdown: &str, charts: &[ChartSvg]) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let title = title(&events).unwrap_or_else(|| "ccsim report".into());
    let (events, contents) = anchor_sections(fold_details(inline_charts(events, charts)));
    let mut body = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut body, drop_empty_paragraphs(events).into_iter());
    page::wrap(&title, &contents, &body)
}

/// The plain text of the first `#` heading.
fn title(events: &[Event]) -> Option<String> {
    let start = events.iter().position(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    })?;
    Some(heading_text(&events[start + 1..]))
}

/// The plain text of a heading whose events begin `events`, up to its end.
fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The SVG of the chart a link or image points to (`stem.png` or `stem.svg`), if the
/// study wrote it.
fn chart_of<'c>(dest: &str, charts: &[ChartSvg<'c>]) -> Option<&'c [u8]> {
    let stem = dest
        .strip_suffix(".png")
        .or_else(|| dest.strip_suffix(".svg"))?;
    charts.iter().find(|(s, _)| *s == stem).map(|(_, b)| *b)
}

/// Replaces each chart image by its SVG, drops links to the charts (the picture is on
/// the page), turns every other link into its text (no file or address to follow),
/// and shows raw HTML as text.
fn inline_charts<'a>(events: Vec<Event<'a>>, charts: &[ChartSvg]) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut it = events.into_iter();
    while let Some(e) = it.next() {
        match e {
            Event::Start(Tag::Image { dest_url, .. }) => {
                let alt = text_until(&mut it, TagEnd::Image);
                let html = match chart_of(&dest_url, charts) {
                    Some(bytes) => svg::inline(&String::from_utf8_lossy(bytes), &alt),
                    None => None,
                };
                match html {
                    Some(h) => out.push(Event::InlineHtml(h.into())),
                    None => out.push(Event::Text(format!("[chart: {alt}]").into())),
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) if !dest_url.starts_with('#') => {
                if chart_of(&dest_url, charts).is_some() {
                    text_until(&mut it, TagEnd::Link);
                } else {
                    // Keep the link's text: drop only its matching end.
                    let mut depth = 0usize;
                    for inner in it.by_ref() {
                        match inner {
                            Event::Start(Tag::Link { .. }) => depth += 1,
                            Event::End(TagEnd::Link) if depth == 0 => break,
                            Event::End(TagEnd::Link) => depth -= 1,
                            other => out.push(as_text(other)),
                        }
                    }
                }
            }
            Event::Start(Tag::Table(a)) => {
                // A wide table scrolls inside its box instead of widening the page.
                out.push(Event::Html("<div class=\"table-wrap\">".into()));
                out.push(Event::Start(Tag::Table(a)));
            }
            Event::End(TagEnd::Table) => {
                out.push(Event::End(TagEnd::Table));
                out.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::HtmlBlock) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            other => out.push(as_text(other)),
        }
    }
    out
}

/// Raw HTML from the Markdown as plain text (the renderer escapes it); anything else as
/// it is.
/// The section of each scenario's detail charts, its scenarios folded: every level-3
/// heading of the section becomes a `<details>` whose summary is the heading's text, so
/// the page shows the study's charts and leaves the per-interval detail a click away.
fn fold_details(events: Vec<Event>) -> Vec<Event> {
    let mut out = Vec::with_capacity(events.len() + 16);
    let (mut inside, mut open, mut summary) = (false, false, false);
    let mut it = events.into_iter();
    while let Some(e) = it.next() {
        match &e {
            Event::Start(Tag::Heading { level, .. }) if *level <= HeadingLevel::H3 => {
                if open {
                    out.push(Event::Html("</details>\n".into()));
                    open = false;
                }
                if *level == HeadingLevel::H2 {
                    let rest: Vec<Event> = it.clone().take(8).collect();
                    inside = heading_text(&rest) == DETAIL;
                } else if inside {
                    out.push(Event::Html("<details>\n<summary>".into()));
                    summary = true;
                    open = true;
                    continue;
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H3)) if summary => {
                summary = false;
                out.push(Event::Html("</summary>\n".into()));
                continue;
            }
            _ => {}
        }
        out.push(e);
    }
    if open {
        out.push(Event::Html("</details>\n".into()));
    }
    out
}

/// The heading of the section whose scenarios [`fold_details`] folds.
const DETAIL: &str = "Charts by scenario";

fn as_text(e: Event) -> Event {
    match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    }
}

/// The text inside an element, consuming its events up to `end`.
fn text_until<'a>(it: &mut impl Iterator<Item = Event<'a>>, end: TagEnd) -> String {
    let mut text = String::new();
    for e in it.by_ref() {
        match e {
            Event::End(t) if t == end => break,
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            _ => {}
        }
    }
    text
}

/// Gives every `##` heading an id and returns the list of contents (id, text) for the
/// page's navigation.
fn anchor_sections(mut events: Vec<Event>) -> (Vec<Event>, Vec<(String, String)>) {
    let mut contents: Vec<(String, String)> = Vec::new();
    for k in 0..events.len() {
        if let Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            ..
        }) = &events[k]
        {
            let text = heading_text(&events[k + 1..]);
            let mut id = slug(&text);
            let base = id.clone();
            let mut n = 2;
            while contents.iter().any(|(i, _)| *i == id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[k] {
                *slot = Some(CowStr::from(id.clone()));
            }
            contents.push((id, text));
        }
    }
    (events, contents)
}

/// `text` as an id: lower-case ASCII letters and digits joined by `-`.
fn slug(text: &str) -> String {
    let mut s = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "section".into()
    } else {
        format!("s-{s}")
    }
}

/// Removes paragraphs left with nothing but punctuation once their links are gone (the
/// `([SVG](chart.svg))` under a chart).
fn drop_empty_paragraphs(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut open: Option<usize> = None;
    for e in events {
        match &e {
            Event::Start(Tag::Paragraph) => open = Some(out.len()),
            Event::End(TagEnd::Paragraph) => {
                if let Some(start) = open.take() {
                    let empty = out[start + 1..].iter().all(|x| match x {
                        Event::Text(t) => t
                            .chars()
                            .all(|c| c.is_whitespace() || "()[].,;:".contains(c)),
                        Event::SoftBreak | Event::HardBreak => true,
                        _ => false,
                    });
                    if empty {
                        out.truncate(start);
                        continue;
                    }
                }
            }
            _ => {}
        }
        out.push(e);
    }
    out
}

#[cfg(test)]
mod tests;

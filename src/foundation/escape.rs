//! How text that comes from a scenario (names, descriptions, file paths, currency) is
//! made safe for each place ccsim writes it, so that no name can break a terminal line,
//! end a Markdown table row, inject HTML into `report.md` or `report.html` or make an SVG
//! unreadable.
//! Every writer goes through this one module; CSV and JSON need nothing here, because
//! the `csv` crate quotes fields and `serde_json` escapes strings.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Characters that end a line somewhere: a terminal, a Markdown block, a text editor.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `text` on one line with no control character: line breaks and tabs become one space
/// each (`\r\n` counts as one break), any other control character a visible `\u{1b}`.
/// For terminals and SVG text (XML 1.0 cannot hold most control characters at all).
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() || is_line_break(c) || is_direction_override(c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if c == '\t' || is_line_break(c) {
            out.push(' ');
        } else if c.is_control() || is_direction_override(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Unicode direction overrides and isolates, which would reorder the rest of a line.
fn is_direction_override(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Columns `text` takes in a terminal (East Asian wide characters count two, combining
/// marks none), once made [`one_line`].
pub fn display_width(text: &str) -> usize {
    one_line(text).width()
}

/// Characters that mean something to Markdown wherever they stand, escaped with a
/// backslash. `|` is left to [`markdown_table_cell`]: outside a table it is plain.
const MARKDOWN_ACTIVE: &[char] = &['\\', '`', '*', '_', '[', ']', '~', '$'];

/// `text` as literal Markdown running text (a heading, a list item, a paragraph): on one
/// line, trimmed (a trailing space would break the `**` around a name), HTML's `<`, `>`
/// and `&` as entities, emphasis, code, link, strike-through and math characters
/// escaped, and a leading `#`, `- `, `+ `, `1. ` or `---` escaped so it starts no
/// heading, list or rule when the text opens a line or a list item. Plain text comes
/// back unchanged.
pub fn markdown_text(text: &str) -> String {
    let line = one_line(text);
    let line = line.trim();
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    // `- ` or `+ ` opens a list, a line of `-` or `=` is a rule or an underline.
    let block = match chars.first() {
        Some('#') => true,
        Some('-' | '+') if matches!(chars.get(1), None | Some(' ')) => true,
        Some('-' | '=') => chars.iter().all(|c| matches!(c, '-' | '=' | ' ')),
        _ => false,
    };
    if block {
        out.push('\\');
    }
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    // `1.` or `1)` then a space or the end would open an ordered list.
    let list_marker = digits > 0
        && matches!(chars.get(digits), Some('.' | ')'))
        && matches!(chars.get(digits + 1), None | Some(' '));
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if MARKDOWN_ACTIVE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if list_marker && i == digits => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as one cell of a Markdown table: [`markdown_text`] with `|` escaped, so the
/// row keeps its number of columns.
pub fn markdown_table_cell(text: &str) -> String {
    markdown_text(text).replace('|', "\\|")
}

/// `text` as a code span inside a Markdown table cell (file paths): shown verbatim,
/// delimited by more backticks than any run inside it, on one line, `|` escaped (GitHub
/// tables unescape it inside code too).
pub fn markdown_code_cell(text: &str) -> String {
    let line = one_line(text).replace('|', "\\|");
    if line.is_empty() {
        return String::new();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in line.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A space pads the content where a backtick would join the fence, or where a space
    // at both ends would be stripped.
    let pad = line.starts_with('`')
        || line.ends_with('`')
        || (line.starts_with(' ') && line.ends_with(' '));
    let sp = if pad { " " } else { "" };
    format!("{fence}{sp}{line}{sp}{fence}")
}

/// `text` as HTML text or a double-quoted attribute value: on one line, with `&`, `<`,
/// `>`, `"` and `'` as entities.
pub fn html_text(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_turns_breaks_and_tabs_into_spaces_and_shows_other_controls() {
        assert_eq!(one_line("Base team"), "Base team");
        assert!(matches!(one_line("Base team"), Cow::Borrowed(_)));
        assert_eq!(one_line("a\nb\r\nc\rd\te"), "a b c d e");
        assert_eq!(
            one_line("red\u{1b}[31m bell\u{7}"),
            "red\\u{1b}[31m bell\\u{7}"
        );
        assert_eq!(one_line("x\u{2028}y\u{85}z\u{9b}"), "x y z\\u{9b}");
        assert_eq!(one_line("Équipe 東京 😀"), "Équipe 東京 😀");
    }

    #[test]
    fn one_line_shows_direction_overrides_instead_of_reordering_the_line() {
        assert_eq!(one_line("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(one_line("x\u{2066}y\u{2069}"), "x\\u{2066}y\\u{2069}");
    }

    #[test]
    fn display_width_counts_wide_characters_twice_and_combining_marks_not_at_all() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("東京"), 4);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("a\nb"), 3);
    }

    #[test]
    fn markdown_text_leaves_plain_names_alone() {
        for name in [
            "Base team",
            "b-base.toml",
            "Lean team (3 agents), 09:00–12:00",
            "EUR",
        ] {
            assert_eq!(markdown_text(name), name);
        }
    }

    #[test]
    fn markdown_text_escapes_html_and_markdown_and_stays_on_one_line() {
        assert_eq!(
            markdown_text("<script>alert(\"x\")</script> & co"),
            "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; co"
        );
        assert_eq!(
            markdown_text("*bold* _it_ `code` [link](x) ~~s~~ $m$ a\\"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~ \\$m\\$ a\\\\"
        );
        assert_eq!(
            markdown_text("# Heading\nsecond line"),
            "\\# Heading second line"
        );
        assert_eq!(markdown_text("  - item "), "\\- item");
        assert_eq!(markdown_text("---"), "\\---");
        assert_eq!(markdown_text("+"), "\\+");
        assert_eq!(markdown_text("--seed"), "--seed");
        assert_eq!(markdown_text("-5 % cost"), "-5 % cost");
        assert_eq!(markdown_text("12. twelve"), "12\\. twelve");
        assert_eq!(markdown_text("3) three"), "3\\) three");
        assert_eq!(markdown_text("Team 2. floor"), "Team 2. floor");
        assert_eq!(markdown_text("1.5 agents"), "1.5 agents");
        assert_eq!(markdown_text("7."), "7\\.");
        assert!(!markdown_text("a\r\nb\u{2029}c\u{7}").contains(['\n', '\r', '\u{7}']));
    }

    #[test]
    fn markdown_table_cell_escapes_pipes_and_newlines() {
        assert_eq!(markdown_table_cell("a | b\nc"), "a \\| b c");
        let cell = markdown_table_cell("x|y\n| --- |");
        assert!(!cell.contains('\n'));
        assert_eq!(cell.matches('|').count(), cell.matches("\\|").count());
    }

    #[test]
    fn markdown_code_cell_fences_past_every_backtick_run() {
        assert_eq!(markdown_code_cell("b-base.toml"), "`b-base.toml`");
        assert_eq!(markdown_code_cell("a`b.toml"), "``a`b.toml``");
        assert_eq!(markdown_code_cell("`a``.toml"), "``` `a``.toml ```");
        assert_eq!(markdown_code_cell("a|b\nc.toml"), "`a\\|b c.toml`");
        assert_eq!(markdown_code_cell(""), "");
    }

    #[test]
    fn html_text_escapes_markup_and_quotes_and_stays_on_one_line() {
        assert_eq!(html_text("Base team"), "Base team");
        assert_eq!(
            html_text("<script>\"a\" & 'b'</script>\nx"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt; x"
        );
    }
}

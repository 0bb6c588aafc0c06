//! Laying a table out in terminal columns: cells on one line, the first column
//! left-aligned and the others right-aligned, and a table wider than the terminal split
//! into blocks of columns, each repeating the first (label) column, so no line is wider
//! than `COLUMNS` (100 when unset) unless a single column is.

use std::borrow::Cow;

use crate::escape::{display_width, one_line};

/// The width tables are laid out for: `COLUMNS` when it holds a sensible number (the
/// shell sets it for an interactive terminal when exported), else 100.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| (20..=10_000).contains(&w))
        .unwrap_or(100)
}

/// Two spaces between columns.
const GAP: usize = 2;

/// Left-aligns the first column and right-aligns the others; every cell is made
/// [`one_line`] and measured in terminal columns. No width limit.
pub fn render(rows: &[Vec<String>]) -> String {
    let rows = cells(rows);
    let widths = widths(&rows);
    let all: Vec<usize> = (0..widths.len()).collect();
    block(&rows, &widths, &all)
}

/// [`render`] within `width` terminal columns: when the table is wider, its columns
/// after the first go into consecutive blocks that fit, each block with the first
/// column and the header, separated by a blank line.
pub fn render_fitted(rows: &[Vec<String>], width: usize) -> String {
    let rows = cells(rows);
    let widths = widths(&rows);
    let Some((&first, rest)) = widths.split_first() else {
        return String::new();
    };
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut current = vec![0];
    let mut used = first;
    for (k, &w) in rest.iter().enumerate() {
        if current.len() > 1 && used + GAP + w > width {
            blocks.push(std::mem::replace(&mut current, vec![0]));
            used = first;
        }
        current.push(k + 1);
        used += GAP + w;
    }
    blocks.push(current);
    blocks
        .iter()
        .map(|cols| block(&rows, &widths, cols))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` folded at spaces into lines of at most `width` columns (a longer word stays
/// whole), each ending in a newline; continuation lines keep the first line's indent
/// plus two spaces.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let more = " ".repeat(indent + 2);
        let mut current = line[..indent].to_string();
        let mut empty = true;
        for word in line.split_whitespace() {
            let w = display_width(word);
            if !empty && display_width(&current) + 1 + w > width {
                out.push_str(&current);
                out.push('\n');
                current = more.clone();
                empty = true;
            }
            if !empty {
                current.push(' ');
            }
            current.push_str(word);
            empty = false;
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}

fn cells(rows: &[Vec<String>]) -> Vec<Vec<Cow<'_, str>>> {
    rows.iter()
        .map(|r| r.iter().map(|c| one_line(c)).collect())
        .collect()
}

fn widths(rows: &[Vec<Cow<str>>]) -> Vec<usize> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; cols];
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(display_width(c));
        }
    }
    widths
}

/// The rows restricted to the columns `cols`, the header underlined.
fn block(rows: &[Vec<Cow<str>>], widths: &[usize], cols: &[usize]) -> String {
    let mut out = String::new();
    for (ri, r) in rows.iter().enumerate() {
        let mut line = String::new();
        for (n, &i) in cols.iter().enumerate() {
            let c: &str = r.get(i).map_or("", |c| c);
            let pad = widths[i] - display_width(c);
            if n == 0 {
                line.push_str(c);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str(&" ".repeat(GAP + pad));
                line.push_str(c);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if ri == 0 {
            let total: usize =
                cols.iter().map(|&i| widths[i]).sum::<usize>() + GAP * (cols.len() - 1);
            out.push_str(&"-".repeat(total));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(cols: usize) -> Vec<Vec<String>> {
        let mut rows = vec![(0..=cols)
            .map(|c| {
                if c == 0 {
                    "metric".into()
                } else {
                    format!("scenario {c:02} long name")
                }
            })
            .collect::<Vec<String>>()];
        rows.push(
            (0..=cols)
                .map(|c| {
                    if c == 0 {
                        "Cost total (EUR)".into()
                    } else {
                        "12,775.72 ±2.54".into()
                    }
                })
                .collect(),
        );
        rows
    }

    #[test]
    fn a_wide_table_is_split_into_blocks_that_fit() {
        let t = table(7);
        assert!(render(&t).lines().any(|l| display_width(l) > 100));
        let out = render_fitted(&t, 100);
        assert!(out.lines().all(|l| display_width(l) <= 100), "{out}");
        // Every scenario is still there once, each block has the label column.
        for c in 1..=7 {
            assert_eq!(
                out.matches(&format!("scenario {c:02} long name")).count(),
                1
            );
        }
        assert!(out.matches("Cost total (EUR)").count() >= 2);
    }

    #[test]
    fn notes_are_folded_to_the_width() {
        let text = "  a satisfaction model described in many words that go on and on past the edge";
        let out = wrap(text, 30);
        assert!(out.lines().all(|l| display_width(l) <= 30), "{out}");
        assert!(out.lines().skip(1).all(|l| l.starts_with("    ")));
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_narrow_table_is_left_whole() {
        let t = table(2);
        assert_eq!(render_fitted(&t, 100), render(&t));
    }
}

//! What every chart shares: scenario colours, units on axes and labels, targets, and
//! text wrapped to fit under a bar.

use std::borrow::Cow;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::export::escape::one_line;
use crate::metrics::{Metric, METRICS};
use crate::report::{Report, ScenarioReport, TargetsReport};

use super::DrawResult;

/// The font family every chart asks for; registered from the embedded TTF.
pub(crate) const FONT: &str = "sans-serif";

/// The metric with this key, if the metric list has it (CSAT appears by itself once
/// defined).
pub(crate) fn metric_by_key(key: &str) -> Option<Metric> {
    METRICS
        .iter()
        .position(|d| d.key == key)
        .map(|i| Metric::ALL[i])
}

/// Colour of scenario `i` (Tableau 10), the same in every chart.
pub(crate) fn color(i: usize) -> RGBColor {
    const P: [(u8, u8, u8); 10] = [
        (31, 119, 180),
        (255, 127, 14),
        (44, 160, 44),
        (214, 39, 40),
        (148, 103, 189),
        (140, 86, 75),
        (227, 119, 194),
        (127, 127, 127),
        (188, 189, 34),
        (23, 190, 207),
    ];
    let (r, g, b) = P[i % P.len()];
    RGBColor(r, g, b)
}

/// Target line colour.
pub(crate) const TARGET: RGBColor = RGBColor(200, 30, 30);

/// Factor from a metric's stored value to its axis value (shares to percent).
pub(crate) fn scale(m: Metric) -> f64 {
    if m.def().unit == "%" {
        100.0
    } else {
        1.0
    }
}

/// Axis title of a metric with its unit.
pub(crate) fn axis_title(m: Metric, currency: &str) -> String {
    let d = m.def();
    match d.unit {
        "%" | "pct" => format!("{} (%)", d.label),
        "money" => format!("{} ({currency})", d.label),
        "" => d.label.to_string(),
        u => format!("{} ({u})", d.label),
    }
}

/// A value on a metric's axis as text (`81.2 %`, `4.31 EUR`).
pub(crate) fn value_text(m: Metric, x: f64, currency: &str) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    match m.def().unit {
        "%" | "pct" => format!("{x:.1} %"),
        "money" => format!("{x:.2} {currency}"),
        "s" => format!("{x:.1} s"),
        _ => format!("{x:.1}"),
    }
}

/// Tick labels with as many decimals as the axis span needs.
pub(crate) fn tick(span: f64) -> impl Fn(&f64) -> String {
    let decimals = if span >= 20.0 {
        0
    } else if span >= 2.0 {
        1
    } else {
        2
    };
    move |y: &f64| format!("{y:.decimals$}")
}

/// The limit of scenario `s`'s target on `m`, with true when higher is better.
pub(crate) fn target_of(s: &ScenarioReport, m: Metric) -> Option<(f64, bool)> {
    limit_of(&s.targets, m)
}

/// The limit of `targets` on `m`, with true when higher is better.
pub(crate) fn limit_of(targets: &TargetsReport, m: Metric) -> Option<(f64, bool)> {
    targets
        .checks()
        .into_iter()
        .find(|(k, _, _)| *k == m)
        .map(|(_, limit, higher)| (limit, higher))
}

/// The value every item has, when they all have the same one.
pub(crate) fn shared(mut values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let first = values.next().flatten()?;
    values.all(|v| v == Some(first)).then_some(first)
}

/// The currency shared by the report's scenarios (the first one's), fit to draw.
pub(crate) fn currency(r: &Report) -> Cow<'_, str> {
    r.scenarios
        .first()
        .map_or(Cow::Borrowed(""), |s| one_line(&s.currency))
}

/// A scenario's name fit to draw: on one line, no control character.
pub(crate) fn name(s: &ScenarioReport) -> Cow<'_, str> {
    one_line(&s.name)
}

/// Splits `text` into lines that `fits` accepts, at spaces (a word too long stays whole;
/// a token with no letter or digit, like `%)`, stays with the word before it), keeping at
/// most `max_lines` (the last one ends in `…` when cut).
pub(crate) fn wrap(text: &str, max_lines: usize, fits: impl Fn(&str) -> bool) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for t in text.split_whitespace() {
        match words.last_mut() {
            Some(w) if !t.chars().any(char::is_alphanumeric) => {
                w.push('\u{a0}');
                w.push_str(t);
            }
            _ => words.push(t.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    for word in words {
        match lines.last_mut() {
            Some(l) if fits(&format!("{l} {word}")) => {
                l.push(' ');
                l.push_str(&word);
            }
            _ => lines.push(word),
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(l) = lines.last_mut() {
            l.push('…');
        }
    }
    lines
        .into_iter()
        .map(|l| l.replace('\u{a0}', " "))
        .collect()
}

/// A `fits` test for [`wrap`]: the text is at most `px` pixels wide in `style`.
pub(crate) fn fits_in<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    style: &'a TextStyle<'a>,
    px: f64,
) -> impl Fn(&str) -> bool + 'a {
    move |t: &str| {
        area.estimate_text_size(t, style)
            .map_or(t.chars().count() as f64 * 10.0 <= px, |(w, _)| {
                f64::from(w) <= px
            })
    }
}

/// Draws `lines` centred under the absolute backend pixel `at`, on `area`.
pub(crate) fn draw_lines_below<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    lines: &[String],
    style: &TextStyle,
    line_height: i32,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let base = area.get_base_pixel();
    let style = style.pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Center,
        plotters::style::text_anchor::VPos::Top,
    ));
    for (k, line) in lines.iter().enumerate() {
        let pos = (at.0 - base.0, at.1 - base.1 + k as i32 * line_height);
        area.draw(&Text::new(line.as_str(), pos, style.clone()))?;
    }
    Ok(())
}

/// The x range of an axis of `n` intervals: interval `i` is centred on `i`.
pub fn interval_range(n: usize) -> std::ops::Range<f64> {
    -0.5..(n as f64 - 0.5)
}

/// How many interval ticks to label on an axis of `n` intervals (at most 13 fit).
pub fn interval_labels(n: usize) -> usize {
    n.clamp(1, 13)
}

/// Labels an axis of `n` intervals: the start of the interval under tick `x` (`start(i)`
/// for interval `i`), or nothing between intervals.
pub fn interval_start<'a>(
    n: usize,
    start: impl Fn(usize) -> &'a str + 'a,
) -> impl Fn(&f64) -> String + 'a {
    move |x: &f64| {
        let i = x.round();
        if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < n {
            start(i as usize).to_string()
        } else {
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_marks_a_cut() {
        let width = |n: usize| move |t: &str| t.chars().count() <= n;
        assert_eq!(
            wrap("Fewer agents at peak", 3, width(12)),
            ["Fewer agents", "at peak"]
        );
        assert_eq!(wrap("a b c d", 2, width(1)), ["a", "b…"]);
        assert_eq!(wrap("Shorter (-15 %)", 3, width(5)), ["Shorter", "(-15 %)"]);
    }
}

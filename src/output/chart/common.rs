//! What every chart shares: scenario colours, units on axes and labels, targets, and
//! text wrapped to fit under a bar.

use std::borrow::Cow;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::escape::one_line;
use crate::metrics::Metric;
use crate::report::{Report, ScenarioReport, TargetsReport};

use super::DrawResult;

/// The font family every chart asks for; registered from the embedded TTF.
pub(crate) const FONT: &str = "sans-serif";

/// Colour of scenario `i`, the same in every chart: Tableau 10, then ten darker hues
/// (Vega's category20b) so that a study of up to 20 scenarios repeats no colour; past
/// 20 the trade-off tells scenarios apart by marker shape as well.
pub(crate) fn color(i: usize) -> RGBColor {
    const P: [(u8, u8, u8); PALETTE] = [
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
        (57, 59, 121),
        (99, 121, 57),
        (140, 109, 49),
        (132, 60, 57),
        (123, 65, 115),
        (82, 84, 163),
        (140, 162, 82),
        (189, 158, 57),
        (173, 73, 74),
        (165, 81, 148),
    ];
    let (r, g, b) = P[i % P.len()];
    RGBColor(r, g, b)
}

/// How many scenarios get a colour of their own.
pub(crate) const PALETTE: usize = 20;

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

/// Scenario names wrapped to fit slots `slot_px` wide, never cut: at `big` pixels when
/// every name fits in three lines, else at `small` (as many lines as a name needs).
/// Returns the lines of each name and the font size.
pub(crate) fn fit_names<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    names: &[Cow<'_, str>],
    slot_px: f64,
    (big, small): (u32, u32),
) -> (Vec<Vec<String>>, u32) {
    let at = |size: u32| -> Vec<Vec<String>> {
        let style = TextStyle::from((FONT, size).into_font());
        names
            .iter()
            .map(|n| wrap(n, usize::MAX, fits_in(area, &style, slot_px)))
            .collect()
    };
    let lines = at(big);
    if lines.iter().all(|l| l.len() <= 3) {
        (lines, big)
    } else {
        (at(small), small)
    }
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

/// Most interval labels that fit under a chart.
const MAX_TICKS: usize = 13;

/// The minutes since midnight of an interval start (`08:30` or `Mon 08:30`: the last
/// `HH:MM`), if it reads as one.
fn clock_minutes(start: &str) -> Option<u32> {
    let t = start.rsplit(' ').next()?;
    let (h, m) = t.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60).then_some(h * 60 + m)
}

/// The intervals to label on an axis of intervals starting at `starts`: those on round
/// clock times (every quarter, half hour, hour, 2, 3, 4, 6, 12 or 24 hours: the
/// finest step that gives at most 13 labels), so an axis never reads 04:10, 08:20.
/// Starts that are no clock time get every k-th interval instead.
pub fn clock_ticks(starts: &[impl AsRef<str>]) -> Vec<f64> {
    let n = starts.len();
    let minutes: Option<Vec<u32>> = starts.iter().map(|s| clock_minutes(s.as_ref())).collect();
    if let Some(minutes) = minutes.filter(|m| !m.is_empty()) {
        for step in [15, 30, 60, 120, 180, 240, 360, 720, 1440] {
            let on: Vec<f64> = (0..n)
                .filter(|&i| minutes[i] % step == 0)
                .map(|i| i as f64)
                .collect();
            if !on.is_empty() && on.len() <= MAX_TICKS {
                return on;
            }
        }
    }
    let every = n.div_ceil(MAX_TICKS).max(1);
    (0..n).step_by(every).map(|i| i as f64).collect()
}

/// The x axis of a chart of intervals: interval `i` centred on `i`, ticks only where
/// [`clock_ticks`] puts them (plotters would pick "nice" numbers of intervals).
pub struct IntervalAxis {
    range: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ranged for IntervalAxis {
    type ValueType = f64;
    type FormatOption = DefaultFormatting;

    fn range(&self) -> std::ops::Range<f64> {
        self.range.range()
    }

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.range.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // No light grid lines between the ticks.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn axis_pixel_range(&self, limit: (i32, i32)) -> std::ops::Range<i32> {
        self.range.axis_pixel_range(limit)
    }
}

/// The x axis of a chart of intervals starting at `starts`.
pub fn interval_axis(starts: &[impl AsRef<str>]) -> IntervalAxis {
    IntervalAxis {
        range: interval_range(starts.len()).into(),
        ticks: clock_ticks(starts),
    }
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

    #[test]
    fn clock_ticks_fall_on_round_clock_times() {
        let label = |starts: &[String]| -> Vec<String> {
            let refs: Vec<&str> = starts.iter().map(String::as_str).collect();
            clock_ticks(&refs)
                .into_iter()
                .map(|x| starts[x as usize].clone())
                .collect()
        };
        let day = |open: u32, minutes: u32, n: u32| -> Vec<String> {
            (0..n)
                .map(|i| {
                    let t = open + i * minutes;
                    format!("{:02}:{:02}", t / 60, t % 60)
                })
                .collect()
        };
        // Half-hours 08:00-20:00: every hour.
        let half = label(&day(480, 30, 24));
        assert_eq!(half.len(), 12);
        assert_eq!(half[0], "08:00");
        assert_eq!(half[11], "19:00");
        // Ten-minute intervals over a whole day: every two hours, never 04:10.
        let ten = label(&day(0, 10, 144));
        assert_eq!(ten, day(0, 120, 12));
        // Five-minute intervals over 12 hours from 07:45: whole hours.
        let five = label(&day(465, 5, 144));
        assert!(five.iter().all(|t| t.ends_with(":00")), "{five:?}");
        assert!(five.len() >= 6 && five.len() <= 13, "{five:?}");
        // A short day of quarter-hours keeps every quarter.
        assert_eq!(label(&day(540, 15, 4)), day(540, 15, 4));
        // Starts that are no clock time: every k-th interval, at most 13.
        let odd: Vec<String> = (0..40).map(|i| format!("slot {i}")).collect();
        assert!(label(&odd).len() <= 13);
    }

    #[test]
    fn twenty_scenarios_get_twenty_colours() {
        let mut seen: Vec<(u8, u8, u8)> = (0..PALETTE)
            .map(|i| {
                let c = color(i);
                (c.0, c.1, c.2)
            })
            .collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), PALETTE);
    }
}

//! The points' labels of a trade-off panel: their boxes measured where the chart is
//! drawn, laid out by [`place`](super::place) so that none covers another, then drawn
//! (a leader line back to a point whose label moved away, a key for labels that became
//! numbers).

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::super::common::{fits_in, wrap, FONT};
use super::place::{self, Placed, Rect, Wanted};
use super::{Cross, DrawResult, Point};

/// Font size of a label, widest line of one in pixels, and the height of a line.
const LABEL_SIZE: u32 = 19;
const LABEL_PX: f64 = 420.0;
const LABEL_LINE: i32 = 23;

/// Draws the labels of `points` (at `pts`) on the panel, keeping clear of the crosses
/// and of the frontier `front` where there is room.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartContext<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    points: &[Point],
    pts: &[Cross],
    front: &[(f64, f64)],
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let base = area.get_base_pixel();
    let plot = chart.plotting_area();
    let (pw, ph) = plot.dim_in_pixel();
    let pb = plot.get_base_pixel();
    let bounds: Rect = (pb.0, pb.1, pb.0 + pw as i32, pb.1 + ph as i32);
    let style = TextStyle::from((FONT, LABEL_SIZE).into_font());
    let ok = |p: &Cross| p.0 .0.is_finite() && p.1 .0.is_finite();
    let mut data: Vec<Rect> = Vec::new();
    for ((x, hx), (y, hy)) in pts.iter().filter(|p| ok(p)) {
        let (l, t) = chart.backend_coord(&(x - hx, y + hy));
        let (rt, b) = chart.backend_coord(&(x + hx, y - hy));
        let (cx, cy) = chart.backend_coord(&(*x, *y));
        data.push((l - 2, cy - 9, rt + 2, cy + 9));
        data.push((cx - 9, t - 2, cx + 9, b + 2));
    }
    // Frontier segments, as a chain of small squares along each one.
    for w in front.windows(2) {
        let (a, b) = (chart.backend_coord(&w[0]), chart.backend_coord(&w[1]));
        let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) / 4).max(1);
        for k in 0..=steps {
            let x = a.0 + (b.0 - a.0) * k / steps;
            let y = a.1 + (b.1 - a.1) * k / steps;
            data.push((x - 2, y - 2, x + 2, y + 2));
        }
    }
    // Each drawable label: its point's index, pixel, lines and box size. The width is
    // the larger of the font's own measure and the estimate from the text's length.
    let fits = fits_in(area, &style, LABEL_PX);
    let width = |t: &str| -> i32 {
        let measured = area.estimate_text_size(t, &style).map_or(0, |s| s.0 as i32);
        measured.max(place::text_width(t, LABEL_SIZE))
    };
    let mut shown = Vec::new();
    let mut wanted = Vec::new();
    for (i, point) in points.iter().enumerate().filter(|(i, _)| ok(&pts[*i])) {
        let ((x, _), (y, _)) = pts[i];
        let at = chart.backend_coord(&(x, y));
        // A long name wraps into lines of at most LABEL_PX, never across the panel.
        let lines = if fits(&point.label) {
            vec![point.label.clone()]
        } else {
            wrap(&point.label, usize::MAX, &fits)
        };
        let tw = lines.iter().map(|l| width(l)).max().unwrap_or(0);
        let th = LABEL_LINE * lines.len() as i32 - 4;
        let number = (shown.len() + 1).to_string();
        wanted.push(Wanted {
            at,
            size: (tw, th),
            short: (width(&number), LABEL_LINE - 4),
        });
        shown.push((i, at, lines, number));
    }
    let entry = |k: usize| format!("{}  {}", shown[k].3, points[shown[k].0].label);
    let layout = place::place(&wanted, &data, bounds, LABEL_LINE, |k| width(&entry(k)));
    let text = |t: &str, at: (i32, i32), c: RGBColor| {
        area.draw(&Text::new(
            t.to_string(),
            (at.0 - base.0, at.1 - base.1),
            style.color(&c).pos(Pos::new(HPos::Left, VPos::Top)),
        ))
    };
    for ((i, (px, py), lines, number), placed) in shown.iter().zip(&layout.placed) {
        let c = points[*i].color;
        let b = placed.rect();
        // A label pushed away from its point gets a thin leader line back to it.
        let near = (px.clamp(&b.0, &b.2), py.clamp(&b.1, &b.3));
        if (near.0 - px).abs().max((near.1 - py).abs()) > 24 {
            area.draw(&PathElement::new(
                [
                    (px - base.0, py - base.1),
                    (near.0 - base.0, near.1 - base.1),
                ],
                c.mix(0.7).stroke_width(1),
            ))?;
        }
        match placed {
            Placed::Beside(_) => {
                for (k, l) in lines.iter().enumerate() {
                    text(l, (b.0, b.1 + k as i32 * LABEL_LINE), c)?;
                }
            }
            Placed::Numbered(_) => text(number, (b.0, b.1), c)?,
        }
    }
    if let Some(k) = layout.key {
        area.draw(&Rectangle::new(
            [(k.0 - base.0, k.1 - base.1), (k.2 - base.0, k.3 - base.1)],
            ShapeStyle::from(&WHITE.mix(0.9)).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(k.0 - base.0, k.1 - base.1), (k.2 - base.0, k.3 - base.1)],
            BLACK.mix(0.3).stroke_width(1),
        ))?;
        let numbered =
            (0..shown.len()).filter(|&n| matches!(layout.placed[n], Placed::Numbered(_)));
        for (row, n) in numbered.enumerate() {
            let at = (k.0 + 6, k.1 + 4 + row as i32 * LABEL_LINE);
            text(&entry(n), at, points[shown[n].0].color)?;
        }
    }
    Ok(())
}

//! `tradeoff`: cost per contact against service level (and against CSAT when the metric
//! list has it). One point per scenario with its 95 % cross, labelled with its name; the
//! efficient frontier (scenarios no other one beats on both cost and quality) is joined
//! by a line, so a planner sees which plans are worth discussing. Stress tests are left
//! out: they are risks to the current plan, not plans.

use crate::metrics::metric_by_key;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{
    axis_title, color, currency, fits_in, name, scale, shared, target_of, tick, wrap, FONT,
    PALETTE, TARGET,
};
use super::style::{self, Frame, HouseMesh, Legend};
use super::DrawResult;
use crate::metrics::Metric;
use crate::report::{Metrics, Report};

/// Draws the chart on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let area = root.margin(10, 0, 10, 10).titled(
        "Cost against service: lower right is better; crosses = 95 % intervals",
        (FONT, 32),
    )?;
    let quality = quality_metrics();
    let cells = area.split_evenly((1, quality.len()));
    for (cell, q) in cells.iter().zip(quality) {
        let sl_target = if q == Metric::ServiceLevel {
            shared(r.scenarios.iter().map(|s| target_of(s, q).map(|t| t.0)))
        } else {
            None
        };
        let points = r
            .scenarios
            .iter()
            .enumerate()
            // A stress test is a shock, not a plan to choose: it stays off the frontier.
            .filter(|(_, s)| !s.is_stress())
            // Past the palette, the shape tells scenarios of one colour apart.
            .map(|(i, s)| Point::new(name(s).into_owned(), color(i), i / PALETTE, &s.metrics, q))
            .collect();
        let p = Panel {
            points,
            quality: q,
            currency: &currency(r),
            sl_target,
            frontier: true,
        };
        panel(cell, &p)?;
    }
    Ok(())
}

/// The quality measures each get a panel: service level, and CSAT when defined.
pub(super) fn quality_metrics() -> Vec<Metric> {
    let mut quality = vec![Metric::ServiceLevel];
    if let Some(m) = metric_by_key("csat") {
        quality.push(m);
    }
    quality
}

/// One point of a panel: a scenario, or one contact type of a centre.
pub(super) struct Point {
    /// Text beside the point.
    pub label: String,
    /// Its colour (the scenario's).
    pub color: RGBColor,
    /// Its shape (see [`marker`]).
    pub marker: usize,
    /// Quality on the axis and its 95 % half-width (0 when undefined).
    pub quality: (f64, f64),
    /// Cost per contact and its 95 % half-width (0 when undefined).
    pub cost: (f64, f64),
}

impl Point {
    /// The point of estimates `m` on quality measure `q`.
    pub fn new(label: String, color: RGBColor, marker: usize, m: &Metrics, q: Metric) -> Self {
        let kq = scale(q);
        let (eq, ec) = (m.get(q), m.get(Metric::CostPerContact));
        let hw = |h: f64| if h.is_finite() { h } else { 0.0 };
        Point {
            label,
            color,
            marker,
            quality: (eq.mean * kq, hw(eq.half_width) * kq),
            cost: (ec.mean, hw(ec.half_width)),
        }
    }

    fn cross(&self) -> Cross {
        (self.quality, self.cost)
    }
}

/// What one panel draws.
pub(super) struct Panel<'a> {
    /// The points, drawn in order.
    pub points: Vec<Point>,
    /// The quality measure on the horizontal axis.
    pub quality: Metric,
    /// Currency of the cost axis.
    pub currency: &'a str,
    /// A service-level target shared by every point (a fraction), drawn as a line.
    pub sl_target: Option<f64>,
    /// Whether to join the efficient points (only alternatives can be compared so).
    pub frontier: bool,
}

/// Draws marker `k` (cycling through six shapes, about 16 pixels across) on `area`,
/// centred on `at` in the area's own pixels.
pub(super) fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    k: usize,
    color: RGBColor,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    // A white rim first: the shape stays readable on top of its own interval cross.
    for (c, grow) in [(WHITE, 3), (color, 0)] {
        let (fill, line) = (c.filled(), c.stroke_width(3 + 2 * grow as u32));
        let shape = EmptyElement::at(at);
        match k % 6 {
            0 => area.draw(&(shape + Circle::new((0, 0), 8 + grow, fill)))?,
            1 => area.draw(&(shape + TriangleMarker::new((0, 2), 13 + grow, fill)))?,
            2 => area.draw(
                &(shape + Rectangle::new([(-8 - grow, -8 - grow), (8 + grow, 8 + grow)], fill)),
            )?,
            3 => {
                let r = 11 + grow;
                area.draw(&(shape + Polygon::new(vec![(0, -r), (r, 0), (0, r), (-r, 0)], fill)))?
            }
            4 => area.draw(&(shape + plotters::element::Cross::new((0, 0), 8, line)))?,
            _ => area.draw(&(shape + Circle::new((0, 0), 8, line)))?,
        }
    }
    Ok(())
}

/// Indices of the efficient scenarios: no other one is both cheaper and better.
/// Scenarios with an undefined value are left out.
pub(super) fn frontier(points: &[(f64, f64)]) -> Vec<usize> {
    let ok = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite();
    let mut f: Vec<usize> = (0..points.len())
        .filter(|&i| ok(&points[i]))
        .filter(|&i| {
            let (q, c) = points[i];
            !points
                .iter()
                .any(|p| ok(p) && p.0 >= q && p.1 <= c && (p.0 > q || p.1 < c))
        })
        .collect();
    f.sort_by(|&a, &b| points[a].0.total_cmp(&points[b].0));
    f
}

fn range(lo_hi: impl Iterator<Item = (f64, f64)>, min_span: f64) -> (f64, f64) {
    let (mut lo, mut hi) = lo_hi
        .filter(|(a, b)| a.is_finite() && b.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), (a, b)| {
            (l.min(a), h.max(b))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.15).max(min_span / 2.0);
    lo -= pad;
    hi += pad;
    (lo, hi)
}

pub(super) fn panel<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, p: &Panel) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (q, c, cur) = (p.quality, Metric::CostPerContact, p.currency);
    let kq = scale(q);
    let pts: Vec<Cross> = p.points.iter().map(Point::cross).collect();
    let sl_target = p.sl_target.map(|t| t * kq);
    let (x0, x1) = range(
        pts.iter()
            .map(|((m, h), _)| (m - h, m + h))
            .chain(sl_target.map(|t| (t, t))),
        4.0,
    );
    let (y0, y1) = range(pts.iter().map(|(_, (m, h))| (m - h, m + h)), 0.2);
    let (x0, x1) = (
        x0.max(0.0),
        if kq == 100.0 || q.def().unit == "pct" {
            x1.min(102.0)
        } else {
            x1
        },
    );

    let mut chart = style::chart(
        area,
        format!("Cost per contact against {}", q.def().label_in_text()),
        Frame {
            caption: 26,
            margin: 20,
            x_area: 60,
            y_area: 90,
        },
    )
    .build_cartesian_2d(x0..x1, y0.max(0.0)..y1)?;
    chart
        .configure_mesh()
        .x_desc(axis_title(q, cur))
        .y_desc(axis_title(c, cur))
        .x_label_formatter(&tick(x1 - x0))
        .y_label_formatter(&tick(y1 - y0))
        .fonts(18, 20)
        .faint_grid(0.12)
        .draw()?;

    if let Some(t) = sl_target {
        chart
            .draw_series(DashedLineSeries::new(
                [(t, y0.max(0.0)), (t, y1)],
                10,
                6,
                TARGET.stroke_width(3),
            ))?
            .label(format!("service-level target {t:.0} %"))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 24, y)], TARGET.stroke_width(3)));
    }

    let centres: Vec<(f64, f64)> = pts.iter().map(|((x, _), (y, _))| (*x, *y)).collect();
    let front = if p.frontier {
        frontier(&centres)
    } else {
        Vec::new()
    };
    if front.len() > 1 {
        chart
            .draw_series(LineSeries::new(
                front.iter().map(|&i| centres[i]),
                BLACK.mix(0.6).stroke_width(3),
            ))?
            .label("efficient frontier (no other scenario both cheaper and better)")
            .legend(|(x, y)| {
                PathElement::new([(x, y), (x + 24, y)], BLACK.mix(0.6).stroke_width(3))
            });
    }
    for (point, ((x, hx), (y, hy))) in p.points.iter().zip(&pts) {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let st = point.color.stroke_width(3);
        chart.draw_series([ErrorBar::new_horizontal(*y, x - hx, *x, x + hx, st, 14)])?;
        chart.draw_series([ErrorBar::new_vertical(*x, y - hy, *y, y + hy, st, 14)])?;
        if point.marker == 0 {
            chart.draw_series([Circle::new((*x, *y), 8, point.color.filled())])?;
        } else {
            let (px, py) = chart.backend_coord(&(*x, *y));
            let base = area.get_base_pixel();
            marker(area, (px - base.0, py - base.1), point.marker, point.color)?;
        }
    }
    let front_line: Vec<(f64, f64)> = front.iter().map(|&i| centres[i]).collect();
    labels(area, &chart, &p.points, &pts, &front_line)?;
    if front.len() > 1 || sl_target.is_some() {
        // Lower right (cheap and good) is where a dominated plan can never sit.
        Legend::at(SeriesLabelPosition::LowerRight, 17).draw(&mut chart)?;
    }
    Ok(())
}

type Rect = (i32, i32, i32, i32);

/// A scenario's point with its half-widths: ((quality, ±), (cost, ±)).
type Cross = ((f64, f64), (f64, f64));

fn overlaps(a: &Rect, b: &Rect) -> bool {
    !(a.2 <= b.0 || a.0 >= b.2 || a.3 <= b.1 || a.1 >= b.3)
}

/// Labels beside their points, each moved to the first side where it covers no
/// other label, point, interval cross or frontier segment and stays inside the plot.
fn labels<DB: DrawingBackend>(
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
    let style = TextStyle::from((FONT, 19).into_font());
    let ok = |p: &Cross| p.0 .0.is_finite() && p.1 .0.is_finite();
    let mut obstacles: Vec<Rect> = Vec::new();
    for ((x, hx), (y, hy)) in pts.iter().filter(|p| ok(p)) {
        let (l, t) = chart.backend_coord(&(x - hx, y + hy));
        let (rt, b) = chart.backend_coord(&(x + hx, y - hy));
        let (cx, cy) = chart.backend_coord(&(*x, *y));
        obstacles.push((l - 2, cy - 9, rt + 2, cy + 9));
        obstacles.push((cx - 9, t - 2, cx + 9, b + 2));
    }
    // Frontier segments, as a chain of small squares along each one.
    for w in front.windows(2) {
        let (a, b) = (chart.backend_coord(&w[0]), chart.backend_coord(&w[1]));
        let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) / 4).max(1);
        for k in 0..=steps {
            let x = a.0 + (b.0 - a.0) * k / steps;
            let y = a.1 + (b.1 - a.1) * k / steps;
            obstacles.push((x - 2, y - 2, x + 2, y + 2));
        }
    }
    let inside =
        |b: &Rect| b.0 >= pb.0 && b.1 >= pb.1 && b.2 <= pb.0 + pw as i32 && b.3 <= pb.1 + ph as i32;
    for (i, point) in points.iter().enumerate() {
        let ((x, _), (y, _)) = pts[i];
        if !ok(&pts[i]) {
            continue;
        }
        let (px, py) = chart.backend_coord(&(x, y));
        // A long name wraps into lines of at most LABEL_PX, never across the panel.
        let fits = fits_in(area, &style, LABEL_PX);
        let lines = if fits(&point.label) {
            vec![point.label.clone()]
        } else {
            wrap(&point.label, usize::MAX, fits)
        };
        let mut tw = 0;
        for l in &lines {
            tw = tw.max(area.estimate_text_size(l, &style)?.0 as i32);
        }
        let th = LABEL_LINE * lines.len() as i32 - 4;
        let mut candidates = Vec::new();
        for d in [12, 30, 55, 85] {
            candidates.extend([
                (d, -th - d),
                (d, d),
                (-d - tw, -th - d),
                (-d - tw, d),
                (-tw / 2, -th - d - 6),
                (-tw / 2, d + 6),
                (d + 6, -th / 2),
                (-d - 6 - tw, -th / 2),
            ]);
        }
        let boxes: Vec<Rect> = candidates
            .iter()
            .map(|(dx, dy)| (px + dx, py + dy, px + dx + tw, py + dy + th))
            .collect();
        let b = *boxes
            .iter()
            .find(|b| inside(b) && obstacles.iter().all(|o| !overlaps(b, o)))
            .or_else(|| boxes.iter().find(|b| inside(b)))
            .unwrap_or(&boxes[0]);
        obstacles.push(b);
        let c = point.color;
        // A label pushed away from its point gets a thin leader line back to it.
        let near = (px.clamp(b.0, b.2), py.clamp(b.1, b.3));
        if (near.0 - px).abs().max((near.1 - py).abs()) > 24 {
            area.draw(&PathElement::new(
                [
                    (px - base.0, py - base.1),
                    (near.0 - base.0, near.1 - base.1),
                ],
                c.mix(0.7).stroke_width(1),
            ))?;
        }
        for (k, l) in lines.iter().enumerate() {
            area.draw(&Text::new(
                l.as_str(),
                (b.0 - base.0, b.1 - base.1 + k as i32 * LABEL_LINE),
                style.color(&c).pos(Pos::new(HPos::Left, VPos::Top)),
            ))?;
        }
    }
    Ok(())
}

/// Widest line of a point's label, in pixels, and the height of a line.
const LABEL_PX: f64 = 420.0;
const LABEL_LINE: i32 = 23;

#[cfg(test)]
mod tests {
    use super::frontier;

    #[test]
    fn frontier_keeps_only_undominated_points_by_quality() {
        // (quality, cost): 1 is dominated by 0 (better and cheaper); 2 is dearer but better.
        let pts = [(80.0, 4.0), (75.0, 4.5), (90.0, 5.0), (f64::NAN, 1.0)];
        assert_eq!(frontier(&pts), [0, 2]);
    }
}

//! One trade-off panel: cost per contact against a quality measure, the points with
//! their 95 % crosses, the efficient frontier and a shared service-level target.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::super::common::{axis_title, scale, tick, TARGET};
use super::super::style::{self, Frame, HouseMesh, Legend};
use super::{frontier, labels, marker, Cross, DrawResult, Panel, Point};
use crate::metrics::Metric;

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

/// Draws one panel: the points with their crosses, the frontier, the target and the
/// labels placed so that none covers another.
pub(crate) fn panel<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, p: &Panel) -> DrawResult
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
    labels::draw(area, &chart, &p.points, &pts, &front_line)?;
    if front.len() > 1 || sl_target.is_some() {
        // Lower right (cheap and good) is where a dominated plan can never sit.
        Legend::at(SeriesLabelPosition::LowerRight, 17).draw(&mut chart)?;
    }
    Ok(())
}

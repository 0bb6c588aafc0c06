//! `backlog-<slug>`: a centre's email backlog through the day: for each email type, the
//! emails waiting at each interval's end (mean over days and replications, with 95 %
//! whiskers), plotted at the interval's start like the other interval charts. Rising through a peak and
//! falling in quiet hours is the blended agents at work; a backlog at the last
//! interval's end waits overnight.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{color, interval_labels, interval_range, interval_start, name};
use super::style::{self, Frame, HouseMesh, Legend};
use super::DrawResult;
use crate::escape::one_line;
use crate::report::ScenarioReport;

/// Draws the chart of centre `s` on `root` (no email type: an empty panel).
pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &ScenarioReport,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let emails: Vec<_> = s
        .types
        .iter()
        .flatten()
        .filter_map(|t| t.email.as_ref().map(|e| (t, e)))
        .collect();
    let n = s.intervals.len();
    let highest = emails
        .iter()
        .flat_map(|(_, e)| &e.backlog)
        .map(|b| b.backlog.mean + b.backlog.half_width.max(0.0))
        .filter(|x| x.is_finite())
        .fold(1.0f64, f64::max);
    let area = root.margin(10, 0, 10, 10);
    let frame = Frame {
        caption: 30,
        margin: 12,
        x_area: 50,
        y_area: 80,
    };
    let caption = format!("{}: emails waiting at each interval's end", name(s));
    let mut chart = style::chart(&area, caption, frame)
        .build_cartesian_2d(interval_range(n), 0f64..highest * 1.35)?;
    let label = interval_start(n, |i| s.intervals[i].start.as_str());
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(interval_labels(n))
        .x_label_formatter(&label)
        .x_desc("Interval start (each point is the backlog at that interval's end)")
        .y_desc("Emails waiting")
        .fonts(17, 19)
        .faint_grid(0.1)
        .draw()?;
    for (k, (t, e)) in emails.iter().enumerate() {
        let c = color(k);
        let points: Vec<(f64, f64, f64)> = e
            .backlog
            .iter()
            .enumerate()
            .map(|(i, b)| (i as f64, b.backlog.mean, b.backlog.half_width))
            .filter(|(_, y, _)| y.is_finite())
            .collect();
        chart
            .draw_series(LineSeries::new(
                points.iter().map(|(x, y, _)| (*x, *y)),
                c.stroke_width(3),
            ))?
            .label(format!(
                "{}: {:.1} open at the horizon, oldest {:.1} h, deadline {:.0} h",
                one_line(&t.name),
                e.open_at_horizon.mean,
                e.oldest_open_s.mean / 3600.0,
                e.deadline_s / 3600.0
            ))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 22, y)], c.stroke_width(3)));
        chart.draw_series(
            points
                .iter()
                .filter(|(_, _, h)| h.is_finite())
                .map(|(x, y, h)| {
                    ErrorBar::new_vertical(*x, (y - h).max(0.0), *y, y + h, c.stroke_width(2), 8)
                }),
        )?;
    }
    Legend::at(SeriesLabelPosition::UpperRight, 17).draw(&mut chart)
}

//! `groups-<slug>`: a centre's agent groups through the day. Top panel: each group's
//! occupancy (busy time over productive time) per interval with its 95 % whiskers, so a
//! planner sees which group runs hot, and when. Bottom panel: paid agents per group,
//! stacked, so each bar's height is the whole centre's headcount in that interval.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{
    color, interval_axis, interval_labels, interval_range, interval_start, limit_of, name, shared,
    tick, IntervalAxis, FONT, TARGET,
};
use super::style::{self, Frame, HouseMesh, Legend};
use super::DrawResult;
use crate::escape::one_line;
use crate::metrics::{GroupMetric, Metric};
use crate::report::{GroupReport, ScenarioReport};

/// Draws the chart of centre `s` on `root` (no group: empty panels).
pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &ScenarioReport,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let groups = s.groups.as_deref().unwrap_or_default();
    let area = root.margin(10, 0, 10, 10).titled(
        &format!("{}: agent groups by interval", name(s)),
        (FONT, 32),
    )?;
    let (top, bottom) = area.split_vertically(area.dim_in_pixel().1 / 2);
    occupancy(&top, s, groups)?;
    paid(&bottom, s, groups)?;
    Ok(())
}

/// The interval start under tick `x`, or nothing between intervals.
fn start_label(s: &ScenarioReport) -> impl Fn(&f64) -> String + '_ {
    interval_start(s.intervals.len(), move |i| s.intervals[i].start.as_str())
}

fn x_range(s: &ScenarioReport) -> std::ops::Range<f64> {
    interval_range(s.intervals.len())
}

/// The x axis: one slot per interval, ticks on round clock times.
fn x_axis(s: &ScenarioReport) -> IntervalAxis {
    let starts: Vec<&str> = s.intervals.iter().map(|iv| iv.start.as_str()).collect();
    interval_axis(&starts)
}

fn x_labels(s: &ScenarioReport) -> usize {
    interval_labels(s.intervals.len())
}

fn occupancy<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &ScenarioReport,
    groups: &[GroupReport],
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    // Occupancy limits belong to types; one shared by every type applies to every group.
    let limit = shared(
        s.types
            .iter()
            .flatten()
            .map(|t| limit_of(&t.targets, Metric::Occupancy).map(|l| l.0)),
    );
    // The axis starts a little below the lowest value, so groups a few points apart
    // stay apart; the limit stays in view.
    let lowest = groups
        .iter()
        .flat_map(|g| &g.intervals)
        .map(|iv| iv.occupancy.mean - iv.occupancy.half_width.max(0.0))
        .chain(limit)
        .filter(|x| x.is_finite())
        .fold(1.0f64, f64::min);
    let y0 = ((lowest * 100.0 - 15.0) / 10.0).floor().max(0.0) * 10.0;
    let mut chart = style::chart(
        area,
        "Occupancy of each group (busy time over productive time), with 95 % intervals",
        Frame {
            caption: 24,
            margin: 12,
            x_area: 45,
            y_area: 80,
        },
    )
    .build_cartesian_2d(x_axis(s), y0..105.0)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(x_labels(s))
        .x_label_formatter(&start_label(s))
        .y_desc("Occupancy (%)")
        .y_labels(12)
        .y_label_formatter(&tick(105.0 - y0))
        .fonts(17, 19)
        .faint_grid(0.1)
        .draw()?;
    // Whiskers of groups side by side would hide each other: each group sits a little
    // to the side of the interval's centre.
    let n = groups.len();
    let step = (0.6 / n.max(1) as f64).min(0.12);
    for (k, g) in groups.iter().enumerate() {
        let c = color(k);
        let dx = (k as f64 - (n as f64 - 1.0) / 2.0) * step;
        let est: Vec<(f64, f64, f64)> = g
            .intervals
            .iter()
            .enumerate()
            .map(|(i, iv)| {
                let e = iv.occupancy;
                (i as f64 + dx, e.mean * 100.0, e.half_width * 100.0)
            })
            .filter(|(_, y, _)| y.is_finite())
            .collect();
        let day = g.metrics.0[GroupMetric::Occupancy as usize].mean * 100.0;
        let serves: Vec<_> = g.serves.iter().map(|t| one_line(t)).collect();
        chart
            .draw_series(LineSeries::new(
                est.iter().map(|(x, y, _)| (*x, *y)),
                c.stroke_width(3),
            ))?
            .label(format!(
                "{} (serves {}): {day:.1} % over the day",
                one_line(&g.name),
                serves.join(", ")
            ))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 22, y)], c.stroke_width(3)));
        chart.draw_series(
            est.iter()
                .filter(|(_, _, h)| h.is_finite())
                .map(|(x, y, h)| {
                    ErrorBar::new_vertical(*x, y - h, *y, y + h, c.stroke_width(2), 8)
                }),
        )?;
        chart.draw_series(
            est.iter()
                .map(|(x, y, _)| Circle::new((*x, *y), 4, c.filled())),
        )?;
    }
    if let Some(t) = limit {
        let (a, b) = (x_range(s).start, x_range(s).end);
        chart
            .draw_series(DashedLineSeries::new(
                [(a, t * 100.0), (b, t * 100.0)],
                10,
                6,
                TARGET.stroke_width(2),
            ))?
            .label(format!("occupancy limit ≤ {:.0} %", t * 100.0))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 22, y)], TARGET.stroke_width(2)));
    }
    Legend::at(SeriesLabelPosition::LowerMiddle, 17).draw(&mut chart)?;
    Ok(())
}

fn paid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &ScenarioReport,
    groups: &[GroupReport],
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let total = |i: usize| -> u32 {
        groups
            .iter()
            .filter_map(|g| g.intervals.get(i))
            .map(|iv| iv.paid_agents)
            .sum()
    };
    // Headroom above the highest bar keeps the legend clear of the data.
    let ymax = (0..s.intervals.len())
        .map(|i| f64::from(total(i)))
        .fold(1.0, f64::max)
        * 1.45;
    let mut chart = style::chart(
        area,
        "Paid agents scheduled in each group (stacked)",
        Frame {
            caption: 24,
            margin: 12,
            x_area: 45,
            y_area: 80,
        },
    )
    .build_cartesian_2d(x_axis(s), 0f64..ymax)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(x_labels(s))
        .x_label_formatter(&start_label(s))
        .x_desc("Interval start")
        .y_desc("Paid agents")
        .y_label_formatter(&|y: &f64| {
            // Agents are whole: no tick at 2.5 agents.
            if (y - y.round()).abs() < 1e-9 {
                format!("{y:.0}")
            } else {
                String::new()
            }
        })
        .fonts(17, 19)
        .faint_grid(0.1)
        .draw()?;
    let mut below = vec![0.0f64; s.intervals.len()];
    for (k, g) in groups.iter().enumerate() {
        let style = color(k).mix(0.8).filled();
        let bars: Vec<Rectangle<(f64, f64)>> = g
            .intervals
            .iter()
            .zip(below.iter_mut())
            .enumerate()
            .map(|(i, (iv, base))| {
                let (x, y0) = (i as f64, *base);
                *base += f64::from(iv.paid_agents);
                Rectangle::new([(x - 0.4, y0), (x + 0.4, *base)], style)
            })
            .collect();
        let hours = g.metrics.0[GroupMetric::PaidAgentHours as usize].mean;
        chart
            .draw_series(bars)?
            .label(format!(
                "{}: {hours:.0} paid agent hours a day",
                one_line(&g.name)
            ))
            .legend(move |(x, y)| Rectangle::new([(x, y - 7), (x + 22, y + 7)], style));
    }
    Legend::at(SeriesLabelPosition::UpperLeft, 17).draw(&mut chart)?;
    Ok(())
}

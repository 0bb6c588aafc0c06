//! `days-<slug>`: a dated run day by day. Above, the contacts of each date: offered
//! (with 95 % whiskers) beside the voice and chat turned away while closed; below, the
//! paid agent hours. A short Saturday, a closed Sunday or a holiday reads at a glance.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{color, name};
use super::style::{self, Frame, HouseMesh, Legend};
use super::DrawResult;
use crate::metrics::Metric;
use crate::report::{DayReport, ScenarioReport};
use crate::stats::Estimate;

/// Draws the chart of dated scenario `s` on `root` (undated: an empty panel).
pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &ScenarioReport,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let days: &[DayReport] = s.dated_days.as_deref().unwrap_or_default();
    let (top, bottom) = root.margin(10, 0, 10, 10).split_vertically(560);
    let offered: Vec<Estimate> = days
        .iter()
        .map(|d| d.metrics.get(Metric::Offered))
        .collect();
    let closed: Vec<Estimate> = days
        .iter()
        .map(|d| {
            let none = Estimate {
                mean: 0.0,
                half_width: 0.0,
            };
            d.metrics.2.unwrap_or(none)
        })
        .collect();
    let paid: Vec<Estimate> = days
        .iter()
        .map(|d| d.metrics.get(Metric::PaidAgentHours))
        .collect();
    let label = |x: &f64| {
        days.get(x.round() as usize)
            .filter(|_| (x - x.round()).abs() < 1e-9)
            .map(|d| format!("{} {}", d.weekday, &d.date[5..]))
            .unwrap_or_default()
    };
    let contacts = [
        ("Offered", &offered, 0),
        ("Closed arrivals (not offered)", &closed, 1),
    ];
    bars(
        &top,
        &format!("{}: contacts per day", name(s)),
        "Contacts",
        &contacts,
        &label,
    )?;
    bars(
        &bottom,
        "Paid agent hours per day",
        "Agent hours",
        &[("Paid agent hours", &paid, 2)],
        &label,
    )
}

/// One panel of side-by-side bars per day, each series with its 95 % whiskers.
fn bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    caption: &str,
    y_desc: &str,
    series: &[(&str, &Vec<Estimate>, usize)],
    label: &dyn Fn(&f64) -> String,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let n = series.first().map_or(0, |s| s.1.len()).max(1);
    let highest = series
        .iter()
        .flat_map(|s| s.1.iter())
        .map(|e| e.mean + e.half_width.max(0.0))
        .filter(|x| x.is_finite())
        .fold(1.0f64, f64::max);
    let frame = Frame {
        caption: 30,
        margin: 12,
        x_area: 50,
        y_area: 80,
    };
    let mut chart = style::chart(area, caption, frame)
        .build_cartesian_2d(-0.5f64..n as f64 - 0.5, 0f64..highest * 1.3)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(label)
        .y_desc(y_desc)
        .fonts(17, 19)
        .faint_grid(0.1)
        .draw()?;
    let width = 0.8 / series.len() as f64;
    for (k, (title, values, c)) in series.iter().enumerate() {
        let c = color(*c);
        let left = |d: usize| d as f64 - 0.4 + k as f64 * width;
        chart
            .draw_series(values.iter().enumerate().map(|(d, e)| {
                let y = if e.mean.is_finite() { e.mean } else { 0.0 };
                Rectangle::new([(left(d), 0.0), (left(d) + width * 0.9, y)], c.filled())
            }))?
            .label(*title)
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 16, y + 6)], c.filled()));
        chart.draw_series(
            values
                .iter()
                .enumerate()
                .filter(|(_, e)| e.mean.is_finite() && e.half_width > 0.0)
                .map(|(d, e)| {
                    let x = left(d) + width * 0.45;
                    let (lo, hi) = ((e.mean - e.half_width).max(0.0), e.mean + e.half_width);
                    ErrorBar::new_vertical(x, lo, e.mean, hi, BLACK.stroke_width(2), 8)
                }),
        )?;
    }
    Legend::at(SeriesLabelPosition::UpperRight, 17).draw(&mut chart)
}

//! `intervals-<slug>`: one scenario's day, interval by interval. Top panel: contacts
//! offered (bars; with self-service, the share reaching agents in front) against paid
//! and productive agents (lines, right axis), so a planner
//! sees where staffing lags demand. Bottom panel: service level and abandonment with
//! their 95 % whiskers and targets.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{target_of, tick, FONT, TARGET};
use super::DrawResult;
use crate::metrics::Metric;
use crate::report::ScenarioReport;

const OFFERED: RGBColor = RGBColor(120, 170, 215);
const PRODUCTIVE: RGBColor = RGBColor(230, 110, 0);
const PAID: RGBColor = RGBColor(110, 110, 110);
const SL: RGBColor = RGBColor(31, 119, 180);
const ABANDON: RGBColor = RGBColor(148, 60, 170);

/// Draws the chart of scenario `s` on `root`.
pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &ScenarioReport,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let area = root.margin(10, 0, 10, 10).titled(
        &format!(
            "{}: demand, staffing and service by interval",
            super::common::name(s)
        ),
        (FONT, 32),
    )?;
    let (top, bottom) = area.split_vertically(area.dim_in_pixel().1 / 2);
    demand(&top, s)?;
    service(&bottom, s)?;
    Ok(())
}

/// The interval start under tick `x`, or nothing between intervals.
fn start_label(s: &ScenarioReport) -> impl Fn(&f64) -> String + '_ {
    move |x: &f64| {
        let i = x.round();
        if (x - i).abs() < 1e-6 && i >= 0.0 {
            s.intervals
                .get(i as usize)
                .map(|iv| iv.start.clone())
                .unwrap_or_default()
        } else {
            String::new()
        }
    }
}

fn x_range(s: &ScenarioReport) -> std::ops::Range<f64> {
    -0.5..(s.intervals.len() as f64 - 0.5)
}

fn x_labels(s: &ScenarioReport) -> usize {
    s.intervals.len().clamp(1, 13)
}

fn demand<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, s: &ScenarioReport) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let offered: Vec<f64> = s
        .intervals
        .iter()
        .map(|iv| iv.metrics.get(Metric::Offered).mean)
        .collect();
    // Headroom above the highest bar keeps the legend clear of the data.
    let ymax = offered
        .iter()
        .copied()
        .filter(|x| x.is_finite())
        .fold(1.0, f64::max)
        * 1.6;
    let amax = s
        .intervals
        .iter()
        .map(|iv| f64::from(iv.paid_agents.max(iv.productive_agents)))
        .fold(1.0, f64::max)
        * 1.6;
    let mut chart = ChartBuilder::on(area)
        .caption("Contacts offered and agents", (FONT, 24))
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(80)
        .right_y_label_area_size(80)
        .build_cartesian_2d(x_range(s), 0f64..ymax)?
        .set_secondary_coord(x_range(s), 0f64..amax);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(x_labels(s))
        .x_label_formatter(&start_label(s))
        .y_desc("Contacts offered per interval")
        .y_label_formatter(&tick(ymax))
        .label_style((FONT, 17))
        .axis_desc_style((FONT, 19))
        .light_line_style(WHITE)
        .bold_line_style(BLACK.mix(0.1))
        .draw()?;
    chart
        .configure_secondary_axes()
        .y_desc("Agents")
        .y_label_formatter(&|y: &f64| {
            // Agents are whole: no tick at 2.5 agents.
            if (y - y.round()).abs() < 1e-9 {
                format!("{y:.0}")
            } else {
                String::new()
            }
        })
        .label_style((FONT, 17))
        .axis_desc_style((FONT, 19))
        .draw()?;
    let to_agents: Vec<f64> = s
        .intervals
        .iter()
        .map(|iv| iv.metrics.get(Metric::OfferedToAgents).mean)
        .collect();
    // With self-service, what agents must staff for is what is left after deflection:
    // offered contacts fade behind it, so a planner does not read the bot's share as load.
    let deflection = offered.iter().zip(&to_agents).any(|(o, a)| o - a > 1e-9);
    let bars = |values: &[f64], style: ShapeStyle| -> Vec<Rectangle<(f64, f64)>> {
        values
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let x = i as f64;
                Rectangle::new([(x - 0.4, 0.0), (x + 0.4, y.max(0.0))], style)
            })
            .collect()
    };
    let offered_style = if deflection {
        OFFERED.mix(0.35).filled()
    } else {
        OFFERED.filled()
    };
    chart
        .draw_series(bars(&offered, offered_style))?
        .label("contacts offered (mean per interval)")
        .legend(move |(x, y)| Rectangle::new([(x, y - 7), (x + 22, y + 7)], offered_style));
    if deflection {
        chart
            .draw_series(bars(&to_agents, OFFERED.filled()))?
            .label("of which reach the agents' queue (not deflected)")
            .legend(|(x, y)| Rectangle::new([(x, y - 7), (x + 22, y + 7)], OFFERED.filled()));
    }
    let steps = |f: &dyn Fn(usize) -> u32| -> Vec<(f64, f64)> {
        (0..s.intervals.len())
            .flat_map(|i| {
                let y = f64::from(f(i));
                [(i as f64 - 0.5, y), (i as f64 + 0.5, y)]
            })
            .collect()
    };
    // Productive first, paid dashed on top: with no shrinkage the two coincide.
    chart
        .draw_secondary_series(LineSeries::new(
            steps(&|i| s.intervals[i].productive_agents),
            PRODUCTIVE.stroke_width(4),
        ))?
        .label("productive agents (right axis)")
        .legend(|(x, y)| PathElement::new([(x, y), (x + 22, y)], PRODUCTIVE.stroke_width(4)));
    chart
        .draw_secondary_series(DashedLineSeries::new(
            steps(&|i| s.intervals[i].paid_agents),
            8,
            5,
            PAID.stroke_width(3),
        ))?
        .label("paid agents (right axis)")
        .legend(|(x, y)| PathElement::new([(x, y), (x + 22, y)], PAID.stroke_width(3)));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font((FONT, 17))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .draw()?;
    Ok(())
}

fn service<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, s: &ScenarioReport) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let mut chart = ChartBuilder::on(area)
        .caption(
            format!(
                "Service level (answered within {} s) and abandonment, with 95 % intervals",
                s.targets.service_level_within_s
            ),
            (FONT, 24),
        )
        .margin(12)
        .margin_right(12 + 80) // lines the plot up with the panel above and its right axis
        .x_label_area_size(45)
        .y_label_area_size(80)
        .build_cartesian_2d(x_range(s), 0f64..105.0)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(x_labels(s))
        .x_label_formatter(&start_label(s))
        .x_desc("Interval start (by arrival interval)")
        .y_desc("Share of contacts (%)")
        .y_labels(12)
        .y_label_formatter(&tick(100.0))
        .label_style((FONT, 17))
        .axis_desc_style((FONT, 19))
        .light_line_style(WHITE)
        .bold_line_style(BLACK.mix(0.1))
        .draw()?;
    for (m, color, name) in [
        (Metric::ServiceLevel, SL, "service level"),
        (Metric::AbandonmentRate, ABANDON, "abandonment rate"),
    ] {
        let est: Vec<(f64, f64, f64)> = s
            .intervals
            .iter()
            .enumerate()
            .map(|(i, iv)| {
                let e = iv.metrics.get(m);
                (i as f64, e.mean * 100.0, e.half_width * 100.0)
            })
            .filter(|(_, y, _)| y.is_finite())
            .collect();
        chart
            .draw_series(LineSeries::new(
                est.iter().map(|(x, y, _)| (*x, *y)),
                color.stroke_width(3),
            ))?
            .label(name)
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 22, y)], color.stroke_width(3)));
        chart.draw_series(
            est.iter()
                .filter(|(_, _, h)| h.is_finite())
                .map(|(x, y, h)| {
                    ErrorBar::new_vertical(*x, y - h, *y, y + h, color.stroke_width(2), 8)
                }),
        )?;
        chart.draw_series(
            est.iter()
                .map(|(x, y, _)| Circle::new((*x, *y), 4, color.filled())),
        )?;
        if let Some((t, higher)) = target_of(s, m) {
            let line_color = if m == Metric::ServiceLevel {
                TARGET
            } else {
                color
            };
            let (a, b) = (x_range(s).start, x_range(s).end);
            chart
                .draw_series(DashedLineSeries::new(
                    [(a, t * 100.0), (b, t * 100.0)],
                    10,
                    6,
                    line_color.stroke_width(2),
                ))?
                .label(format!(
                    "{name} target {} {:.0} %",
                    if higher { "≥" } else { "≤" },
                    t * 100.0
                ))
                .legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 22, y)], line_color.stroke_width(2))
                });
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::MiddleLeft)
        .label_font((FONT, 17))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .draw()?;
    Ok(())
}

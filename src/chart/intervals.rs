//! `intervals-<slug>`: one scenario's day, interval by interval. Top panel: contacts
//! offered (bars; with self-service, the share reaching agents in front) against paid
//! and productive agents (lines, right axis), so a planner
//! sees where staffing lags demand. Bottom panel: service level and abandonment with
//! their 95 % whiskers and targets.
//!
//! `intervals-<slug>-<type>`: the same for one contact type of a centre. Agents belong
//! to groups, not types, so the line is the paid agent time allocated to the type by
//! the busy time it used (what its cost per contact is priced on).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{
    interval_labels, interval_range, interval_start, limit_of, tick, FONT, TARGET,
};
use super::DrawResult;
use crate::export::escape::one_line;
use crate::metrics::Metric;
use crate::report::{Metrics, ScenarioReport, TargetsReport, TypeReport};

const OFFERED: RGBColor = RGBColor(120, 170, 215);
const PRODUCTIVE: RGBColor = RGBColor(230, 110, 0);
const PAID: RGBColor = RGBColor(110, 110, 110);
const SL: RGBColor = RGBColor(31, 119, 180);
const ABANDON: RGBColor = RGBColor(148, 60, 170);

/// The agents drawn against demand.
pub(super) enum Agents {
    /// Scheduled, per interval: (paid, productive).
    Scheduled(Vec<(u32, u32)>),
    /// Mean paid agents allocated to a contact type by busy time, per interval.
    Allocated(Vec<f64>),
}

/// What the chart draws: a title, one row per interval, agents and targets.
pub(super) struct Day<'a> {
    title: String,
    /// Each interval's start (`HH:MM`) and estimates.
    rows: Vec<(&'a str, &'a Metrics)>,
    agents: Agents,
    targets: &'a TargetsReport,
}

impl<'a> Day<'a> {
    /// The day of a whole scenario (a centre's: every type and group together).
    pub(super) fn of_scenario(s: &'a ScenarioReport) -> Self {
        Day {
            title: format!(
                "{}: demand, staffing and service by interval",
                super::common::name(s)
            ),
            rows: s
                .intervals
                .iter()
                .map(|iv| (iv.start.as_str(), &iv.metrics))
                .collect(),
            agents: Agents::Scheduled(
                s.intervals
                    .iter()
                    .map(|iv| (iv.paid_agents, iv.productive_agents))
                    .collect(),
            ),
            targets: &s.targets,
        }
    }

    /// The day of contact type `t` of centre `s`, judged on the type's own targets.
    pub(super) fn of_type(s: &'a ScenarioReport, t: &'a TypeReport) -> Self {
        let hours = f64::from(s.interval_minutes) / 60.0;
        Day {
            title: format!(
                "{} · {}: demand, agents and service by interval",
                super::common::name(s),
                one_line(&t.name)
            ),
            rows: t
                .intervals
                .iter()
                .map(|iv| (iv.start.as_str(), &iv.metrics))
                .collect(),
            // The last interval's paid hours hold the overtime after closing: taken out,
            // so the line shows the agents of the interval itself.
            agents: Agents::Allocated(
                t.intervals
                    .iter()
                    .map(|iv| {
                        let paid = iv.metrics.get(Metric::PaidAgentHours).mean;
                        let overtime = iv.metrics.get(Metric::OvertimeAgentHours).mean;
                        (paid - overtime) / hours
                    })
                    .collect(),
            ),
            targets: &t.targets,
        }
    }
}

/// Draws the chart of `day` on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, day: &Day) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let area = root.margin(10, 0, 10, 10).titled(&day.title, (FONT, 32))?;
    let (top, bottom) = area.split_vertically(area.dim_in_pixel().1 / 2);
    demand(&top, day)?;
    service(&bottom, day)?;
    Ok(())
}

/// The interval start under tick `x`, or nothing between intervals.
fn start_label<'a>(d: &'a Day) -> impl Fn(&f64) -> String + 'a {
    interval_start(d.rows.len(), move |i| d.rows[i].0)
}

fn x_range(d: &Day) -> std::ops::Range<f64> {
    interval_range(d.rows.len())
}

fn x_labels(d: &Day) -> usize {
    interval_labels(d.rows.len())
}

fn demand<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, d: &Day) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let offered: Vec<f64> = d
        .rows
        .iter()
        .map(|(_, m)| m.get(Metric::Offered).mean)
        .collect();
    // Headroom above the highest bar keeps the legend clear of the data.
    let ymax = offered
        .iter()
        .copied()
        .filter(|x| x.is_finite())
        .fold(1.0, f64::max)
        * 1.6;
    let amax = match &d.agents {
        Agents::Scheduled(v) => v
            .iter()
            .map(|(paid, productive)| f64::from(*paid.max(productive)))
            .fold(1.0, f64::max),
        Agents::Allocated(v) => v
            .iter()
            .copied()
            .filter(|x| x.is_finite())
            .fold(1.0, f64::max),
    } * 1.6;
    let mut chart = ChartBuilder::on(area)
        .caption("Contacts offered and agents", (FONT, 24))
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(80)
        .right_y_label_area_size(80)
        .build_cartesian_2d(x_range(d), 0f64..ymax)?
        .set_secondary_coord(x_range(d), 0f64..amax);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(x_labels(d))
        .x_label_formatter(&start_label(d))
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
    let to_agents: Vec<f64> = d
        .rows
        .iter()
        .map(|(_, m)| m.get(Metric::OfferedToAgents).mean)
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
    let steps = |f: &dyn Fn(usize) -> f64| -> Vec<(f64, f64)> {
        (0..d.rows.len())
            .flat_map(|i| {
                let y = f(i);
                [(i as f64 - 0.5, y), (i as f64 + 0.5, y)]
            })
            .collect()
    };
    match &d.agents {
        Agents::Scheduled(v) => {
            // Productive first, paid dashed on top: with no shrinkage the two coincide.
            chart
                .draw_secondary_series(LineSeries::new(
                    steps(&|i| f64::from(v[i].1)),
                    PRODUCTIVE.stroke_width(4),
                ))?
                .label("productive agents (right axis)")
                .legend(|(x, y)| {
                    PathElement::new([(x, y), (x + 22, y)], PRODUCTIVE.stroke_width(4))
                });
            chart
                .draw_secondary_series(DashedLineSeries::new(
                    steps(&|i| f64::from(v[i].0)),
                    8,
                    5,
                    PAID.stroke_width(3),
                ))?
                .label("paid agents (right axis)")
                .legend(|(x, y)| PathElement::new([(x, y), (x + 22, y)], PAID.stroke_width(3)));
        }
        Agents::Allocated(v) => {
            chart
                .draw_secondary_series(LineSeries::new(
                    steps(&|i| v[i]).into_iter().filter(|(_, y)| y.is_finite()),
                    PRODUCTIVE.stroke_width(4),
                ))?
                .label("paid agents given to this type (each group's, shared by busy time; right axis)")
                .legend(|(x, y)| {
                    PathElement::new([(x, y), (x + 22, y)], PRODUCTIVE.stroke_width(4))
                });
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font((FONT, 17))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .draw()?;
    Ok(())
}

fn service<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, d: &Day) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let within = d.targets.service_level_within_s;
    // A centre whose types answer within different thresholds has no single one.
    let caption = if within.is_finite() {
        format!("Service level (answered within {within} s) and abandonment, with 95 % intervals")
    } else {
        "Service level (each type within its own threshold) and abandonment, with 95 % intervals"
            .to_string()
    };
    let mut chart = ChartBuilder::on(area)
        .caption(caption, (FONT, 24))
        .margin(12)
        .margin_right(12 + 80) // lines the plot up with the panel above and its right axis
        .x_label_area_size(45)
        .y_label_area_size(80)
        .build_cartesian_2d(x_range(d), 0f64..105.0)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(x_labels(d))
        .x_label_formatter(&start_label(d))
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
        let est: Vec<(f64, f64, f64)> = d
            .rows
            .iter()
            .enumerate()
            .map(|(i, (_, metrics))| {
                let e = metrics.get(m);
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
        if let Some((t, higher)) = limit_of(d.targets, m) {
            let line_color = if m == Metric::ServiceLevel {
                TARGET
            } else {
                color
            };
            let (a, b) = (x_range(d).start, x_range(d).end);
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

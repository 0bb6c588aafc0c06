//! `intervals-<slug>`: one scenario's day, interval by interval. Top panel: contacts
//! offered (bars; with self-service, the share reaching agents in front) against paid
//! and productive agents (lines, right axis), so a planner
//! sees where staffing lags demand. Below: service level, then abandonment on an axis
//! of its own scaled to its data (on the 0-100 % axis it read as a flat line), each with
//! its 95 % whiskers (clipped to 0-100 %) and its target; the captions say what the
//! lines are, so no legend sits on the data of a long day of short intervals.
//!
//! `intervals-<slug>-<type>`: the same for one contact type of a centre. Agents belong
//! to groups, not types, so the line is the paid agent time allocated to the type by
//! the busy time it used (what its cost per contact is priced on).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{
    interval_axis, interval_labels, interval_range, interval_start, limit_of, tick, IntervalAxis,
    FONT, TARGET,
};
use super::style::{self, Frame, HouseMesh, Legend};
use super::DrawResult;
use crate::escape::one_line;
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
    /// Whether its customers can abandon (an email type's cannot: no panel for it).
    abandons: bool,
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
            abandons: true,
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
            abandons: t.channel != "email",
        }
    }
}

/// Draws the chart of `day` on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, day: &Day) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let area = root.margin(10, 0, 10, 10).titled(&day.title, (FONT, 32))?;
    let h = area.dim_in_pixel().1;
    if !day.abandons {
        let (top, bottom) = area.split_vertically(h * 55 / 100);
        demand(&top, day)?;
        return service(&bottom, day, true);
    }
    let (top, rest) = area.split_vertically(h * 42 / 100);
    let (middle, bottom) = rest.split_vertically(h * 30 / 100);
    demand(&top, day)?;
    service(&middle, day, false)?;
    abandonment(&bottom, day)
}

/// The interval start under tick `x`, or nothing between intervals.
fn start_label<'a>(d: &'a Day) -> impl Fn(&f64) -> String + 'a {
    interval_start(d.rows.len(), move |i| d.rows[i].0)
}

/// The x axis: one slot per interval, ticks on round clock times.
fn x_axis(d: &Day) -> IntervalAxis {
    let starts: Vec<&str> = d.rows.iter().map(|(s, _)| *s).collect();
    interval_axis(&starts)
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
    let mut chart = style::chart(
        area,
        "Contacts offered and agents",
        Frame {
            caption: 24,
            margin: 12,
            x_area: 45,
            y_area: 80,
        },
    )
    .right_y_label_area_size(80)
    .build_cartesian_2d(x_axis(d), 0f64..ymax)?
    .set_secondary_coord(x_axis(d), 0f64..amax);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(x_labels(d))
        .x_label_formatter(&start_label(d))
        .y_desc("Contacts offered per interval")
        .y_label_formatter(&tick(ymax))
        .fonts(17, 19)
        .faint_grid(0.1)
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
    Legend::at(SeriesLabelPosition::UpperLeft, 17).draw(&mut chart)?;
    Ok(())
}

/// One metric's estimate per interval in percent: (x, mean, low, high), the whisker
/// clipped to 0-100 % (a share cannot leave it, whatever the normal interval says).
fn percent_estimates(d: &Day, m: Metric) -> Vec<(f64, f64, f64, f64)> {
    d.rows
        .iter()
        .enumerate()
        .map(|(i, (_, metrics))| {
            let e = metrics.get(m);
            let (y, h) = (e.mean * 100.0, e.half_width * 100.0);
            let h = if h.is_finite() { h } else { 0.0 };
            (i as f64, y, (y - h).max(0.0), (y + h).min(100.0))
        })
        .filter(|(_, y, _, _)| y.is_finite())
        .collect()
}

/// The caption's words for metric `m`'s target, if it has one.
fn target_words(d: &Day, m: Metric, dashes: &str) -> String {
    match limit_of(d.targets, m) {
        Some((t, higher)) => format!(
            "; {dashes} dashes: target {} {:.0} %",
            if higher { "≥" } else { "≤" },
            t * 100.0
        ),
        None => String::new(),
    }
}

/// A panel of one share per interval (service level or abandonment) on `0..ymax` %.
fn share_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    d: &Day,
    (m, color, target_color): (Metric, RGBColor, RGBColor),
    caption: String,
    ymax: f64,
    x_desc: bool,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let est = percent_estimates(d, m);
    let mut chart = style::chart(
        area,
        caption,
        Frame {
            caption: 22,
            margin: 8,
            x_area: if x_desc { 60 } else { 32 },
            y_area: 80,
        },
    )
    .margin_right(8 + 80) // lines the plot up with the panel above and its right axis
    .build_cartesian_2d(x_axis(d), 0f64..ymax)?;
    let (x_format, y_format) = (start_label(d), tick(ymax));
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .x_labels(x_labels(d))
        .x_label_formatter(&x_format)
        .y_desc(format!("{} (%)", m.def().label))
        .y_labels(6)
        .y_label_formatter(&y_format)
        .fonts(17, 18)
        .faint_grid(0.1);
    if x_desc {
        mesh.x_desc("Interval start (by arrival interval)");
    }
    mesh.draw()?;
    if let Some((t, _)) = limit_of(d.targets, m) {
        let (a, b) = (x_range(d).start, x_range(d).end);
        chart.draw_series(DashedLineSeries::new(
            [(a, t * 100.0), (b, t * 100.0)],
            10,
            6,
            target_color.stroke_width(2),
        ))?;
    }
    // Caps and dots only while they stay apart: on a day of many short intervals the
    // line over faded whiskers is what stays readable.
    let (w, _) = area.dim_in_pixel();
    let slot_px = f64::from(w) / d.rows.len().max(1) as f64;
    let (cap, whisker) = if slot_px >= 12.0 {
        (8, color.stroke_width(2))
    } else {
        // Dense whiskers fade behind the mean line.
        (0, color.mix(0.35).stroke_width(2))
    };
    chart.draw_series(
        est.iter()
            .map(|(x, y, lo, hi)| ErrorBar::new_vertical(*x, *lo, *y, *hi, whisker, cap)),
    )?;
    // The mean line over its whiskers.
    chart.draw_series(LineSeries::new(
        est.iter().map(|(x, y, _, _)| (*x, *y)),
        color.stroke_width(3),
    ))?;
    if slot_px >= 12.0 {
        chart.draw_series(
            est.iter()
                .map(|(x, y, _, _)| Circle::new((*x, *y), 4, color.filled())),
        )?;
    }
    Ok(())
}

/// The service-level panel; `last` when it is the bottom one and names the x axis.
fn service<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, d: &Day, last: bool) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let within = d.targets.service_level_within_s;
    // A centre whose types answer within different thresholds has no single one.
    let what = if within.is_finite() {
        format!("Service level (answered within {within} s)")
    } else {
        "Service level (each type within its own threshold)".to_string()
    };
    let caption = format!(
        "{what}, whisker = 95 % interval{}",
        target_words(d, Metric::ServiceLevel, "red")
    );
    share_panel(
        area,
        d,
        (Metric::ServiceLevel, SL, TARGET),
        caption,
        105.0,
        last,
    )
}

fn abandonment<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, d: &Day) -> DrawResult
where
    DB::ErrorType: 'static,
{
    // Scaled to the data and the target, so a few percent are not a flat line.
    let top = percent_estimates(d, Metric::AbandonmentRate)
        .iter()
        .map(|(_, _, _, hi)| *hi)
        .chain(limit_of(d.targets, Metric::AbandonmentRate).map(|(t, _)| t * 100.0))
        .fold(0.0f64, f64::max);
    let ymax = if top > 0.0 {
        (top * 1.15).min(100.0)
    } else {
        1.0
    };
    let caption = format!(
        "Abandonment rate (own scale), whisker = 95 % interval{}",
        target_words(d, Metric::AbandonmentRate, "purple")
    );
    share_panel(
        area,
        d,
        (Metric::AbandonmentRate, ABANDON, ABANDON),
        caption,
        ymax,
        true,
    )
}

//! `comparison`: the headline metrics (service level, abandonment, cost per contact, and
//! CSAT when the metric list has it) as one bar per scenario with its 95 % whisker, the
//! targets as dashed horizontal lines. One panel per metric.

use crate::metrics::metric_by_key;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{
    axis_title, color, currency, draw_lines_below, fit_names, scale, target_of, tick, value_text,
    FONT, TARGET,
};
use super::style::{self, Frame, HouseMesh};
use super::DrawResult;
use crate::metrics::Metric;
use crate::report::Report;

/// Most scenarios whose panels stand two by two; with more, they stack in one column.
pub(super) const SIDE_BY_SIDE: usize = 6;

/// Draws the chart on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let mut metrics = vec![
        Metric::ServiceLevel,
        Metric::AbandonmentRate,
        Metric::CostPerContact,
    ];
    if let Some(m) = metric_by_key("csat") {
        metrics.push(m);
    }
    let area = root.margin(10, 0, 10, 10).titled(
        "Scenarios side by side: mean per simulated day, whisker = 95 % interval",
        (FONT, 32),
    )?;
    let cells = if r.scenarios.len() > SIDE_BY_SIDE {
        area.split_evenly((metrics.len(), 1))
    } else if metrics.len() <= 3 {
        area.split_evenly((1, metrics.len()))
    } else {
        area.split_evenly((2, metrics.len().div_ceil(2)))
    };
    for (cell, m) in cells.iter().zip(metrics) {
        panel(cell, r, m)?;
    }
    Ok(())
}

fn panel<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, r: &Report, m: Metric) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let n = r.scenarios.len();
    let k = scale(m);
    let cur = &*currency(r);
    let est: Vec<(f64, f64)> = r
        .scenarios
        .iter()
        .map(|s| {
            let e = s.metrics.get(m);
            (e.mean * k, e.half_width * k)
        })
        .collect();
    let targets: Vec<Option<f64>> = r
        .scenarios
        .iter()
        .map(|s| target_of(s, m).map(|(t, _)| t * k))
        .collect();
    let percent = matches!(m.def().unit, "%" | "pct");
    // A share's whisker stays within 0-100 %, whatever the normal interval says.
    let whisker = |mean: f64, h: f64| -> (f64, f64) {
        let (lo, hi) = (mean - h, mean + h);
        if percent {
            (lo.max(0.0), hi.min(100.0))
        } else {
            (lo, hi)
        }
    };
    let top = est
        .iter()
        .map(|(m, h)| whisker(*m, h.max(0.0)).1)
        .chain(targets.iter().flatten().copied())
        .filter(|x| x.is_finite())
        .fold(0.0f64, f64::max);

    // Scenario names under their bars, wrapped to the width of a slot.
    let (w, _) = area.dim_in_pixel();
    let slot_px = (w as f64 - 110.0) / n.max(1) as f64 - 8.0;
    let all: Vec<_> = r.scenarios.iter().map(super::common::name).collect();
    let (names, size) = fit_names(area, &all, slot_px, (18, 14));
    let style = TextStyle::from((FONT, size).into_font());
    let lines = names.iter().map(Vec::len).max().unwrap_or(1) as u32;
    let line_h = size as i32 + 4;
    // Room above the highest whisker for its value label: about 40 pixels of the plot.
    let plot_px = (f64::from(area.dim_in_pixel().1) - f64::from(lines) * f64::from(line_h) - 110.0)
        .max(120.0);
    let room = plot_px / (plot_px - 40.0);
    let ymax = match (top > 0.0, percent) {
        (false, _) => 1.0,
        (true, true) => (top * room.max(1.1)).min(100.0 * room),
        (true, false) => top * room.max(1.1),
    };
    // Narrow slots take a smaller value label.
    let label_size = if slot_px < 90.0 { 15 } else { 19 };

    // The target goes in the caption: a label on the line would cover a bar.
    let mut caption = m.def().label.to_string();
    let shared = targets.windows(2).all(|w| w[0] == w[1]);
    if let (true, Some(Some(t))) = (shared, targets.first()) {
        let higher = target_of(&r.scenarios[0], m).is_some_and(|(_, h)| h);
        caption = format!(
            "{caption} (red dashes: target {} {})",
            if higher { "≥" } else { "≤" },
            value_text(m, *t, cur)
        );
    } else if targets.iter().any(Option::is_some) {
        caption.push_str(" (red dashes: each scenario's target)");
    }

    let mut chart = style::chart(
        area,
        caption,
        Frame {
            caption: 24,
            margin: 12,
            x_area: lines * line_h as u32 + 18,
            y_area: 80,
        },
    )
    .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..ymax)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(8)
        .y_desc(axis_title(m, cur))
        .y_label_formatter(&tick(ymax))
        .fonts(18, 20)
        .faint_grid(0.12)
        .draw()?;

    chart.draw_series(est.iter().enumerate().map(|(i, (mean, _))| {
        let x = i as f64;
        Rectangle::new(
            [(x - 0.34, 0.0), (x + 0.34, mean.max(0.0))],
            color(i).mix(0.85).filled(),
        )
    }))?;
    // Whiskers: a vertical line with caps, no marker (the bar top is the mean).
    for (i, (mean, h)) in est.iter().enumerate().filter(|(_, (_, h))| h.is_finite()) {
        let (lo, hi) = whisker(*mean, *h);
        let (x, cap) = (i as f64, 0.09);
        let st = BLACK.stroke_width(2);
        chart.draw_series([
            PathElement::new([(x, lo), (x, hi)], st),
            PathElement::new([(x - cap, lo), (x + cap, lo)], st),
            PathElement::new([(x - cap, hi), (x + cap, hi)], st),
        ])?;
    }
    // Targets: one line across when every scenario shares it, else one per slot.
    for (i, t) in targets.iter().enumerate() {
        let Some(t) = t else { continue };
        let (x0, x1) = if shared {
            (-0.5, n as f64 - 0.5)
        } else {
            (i as f64 - 0.45, i as f64 + 0.45)
        };
        chart.draw_series(DashedLineSeries::new(
            [(x0, *t), (x1, *t)],
            10,
            6,
            TARGET.stroke_width(3),
        ))?;
        if shared {
            break;
        }
    }

    // Value labels last, on a white patch above the whisker; a label that would sit on
    // its target line goes above the line instead, so the line stays in sight.
    let label =
        TextStyle::from((FONT, label_size).into_font()).pos(Pos::new(HPos::Center, VPos::Bottom));
    let mut labels = Vec::new();
    for (i, (mean, h)) in est.iter().enumerate() {
        let y = whisker(*mean, if h.is_finite() { *h } else { 0.0 })
            .1
            .max(0.0);
        let text = value_text(m, *mean, cur);
        let (w, th) = area.estimate_text_size(&text, &label)?;
        let (w, th) = (w as i32 / 2 + 10, th as i32);
        let (_, base) = chart.backend_coord(&(i as f64, y));
        let mut lift = 0;
        if let Some(t) = targets[i] {
            let (_, line) = chart.backend_coord(&(i as f64, t));
            // The patch spans base-14-th-10 .. base-9 (pixels grow downwards).
            if line >= base - 14 - th - 14 && line <= base - 5 {
                lift = base - line + 2;
            }
        }
        labels.push(
            EmptyElement::at((i as f64, y))
                + Rectangle::new([(-w, -14 - th - 10 - lift), (w, -9 - lift)], WHITE.filled())
                + Text::new(text, (0, -14 - lift), label.clone()),
        );
    }
    chart.draw_series(labels)?;

    for (i, lines) in names.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(i as f64, 0.0));
        draw_lines_below(area, (x, y + 10), lines, &style, line_h)?;
    }
    Ok(())
}

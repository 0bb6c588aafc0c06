//! The lower panels of an interval chart: service level and abandonment per interval
//! with their whiskers and targets.

use super::*;

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
pub(super) fn service<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    d: &Day,
    last: bool,
) -> DrawResult
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

pub(super) fn abandonment<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, d: &Day) -> DrawResult
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

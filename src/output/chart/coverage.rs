//! `coverage`: a roster against what it must cover, by interval. Bars: the productive
//! agents the roster puts on the floor (breaks and expected absence out, shrinkage
//! applied); line: the productive agents the per-interval plan requires. Where a bar
//! stands above the line, shift lengths and start times force agents the plan would not
//! pay for; the chart shows where a roster pays for its shape. It reads only what
//! `ccsim schedule` gives it.

use image::{ColorType, ImageEncoder};
use plotters::prelude::*;

use super::common::{color, interval_axis, interval_labels, interval_start, TARGET};
use super::style::{self, Frame, HouseMesh, Legend};
use super::{register_fonts, DrawResult, Rendered};
use crate::error::{Error, Result};
use crate::escape::one_line;

/// What the coverage chart shows.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// The title (the scenario's name is added).
    pub title: String,
    /// Each interval's label (its start, with the day when several are shown).
    pub labels: Vec<String>,
    /// Productive agents required per interval.
    pub required: Vec<f64>,
    /// Productive agents rostered per interval (expected).
    pub rostered: Vec<f64>,
    /// Intervals per day: a line parts the days when several are drawn side by side.
    pub day_intervals: usize,
}

const SIZE: (u32, u32) = (1500, 800);

/// Draws the chart as PNG and SVG.
pub fn render(c: &Coverage) -> Result<Rendered> {
    register_fonts();
    let fail = |e: Box<dyn std::error::Error>| Error::Other(format!("cannot draw coverage: {e}"));
    let (w, h) = SIZE;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        draw(&root, c).map_err(fail)?;
    }
    let mut rgb = vec![255u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        draw(&root, c).map_err(fail)?;
    }
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&rgb, w, h, ColorType::Rgb8)
        .map_err(|e| Error::Other(format!("cannot encode coverage.png: {e}")))?;
    Ok(Rendered {
        png,
        svg: svg.into_bytes(),
    })
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    c: &Coverage,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let n = c.labels.len();
    let top = c
        .required
        .iter()
        .chain(&c.rostered)
        .copied()
        .filter(|x| x.is_finite())
        .fold(1.0f64, f64::max);
    let y_max = (top * 1.1).ceil();
    let starts: Vec<&str> = c.labels.iter().map(String::as_str).collect();
    let mut chart = style::chart(
        root,
        one_line(&c.title),
        Frame {
            caption: 30,
            margin: 16,
            x_area: 60,
            y_area: 70,
        },
    )
    .build_cartesian_2d(interval_axis(&starts), 0.0..y_max)?;
    let label = interval_start(n, |i| c.labels[i].as_str());
    chart
        .configure_mesh()
        .x_labels(interval_labels(n))
        .x_label_formatter(&label)
        .y_desc("productive agents")
        .fonts(18, 20)
        .disable_x_mesh()
        .draw()?;
    let bar = color(0);
    chart
        .draw_series(c.rostered.iter().enumerate().map(|(i, &v)| {
            let x = i as f64;
            Rectangle::new([(x - 0.4, 0.0), (x + 0.4, v)], bar.mix(0.55).filled())
        }))?
        .label("rostered (shifts, breaks and expected absence)")
        .legend(move |(x, y)| {
            Rectangle::new([(x, y - 6), (x + 16, y + 6)], bar.mix(0.55).filled())
        });
    if c.day_intervals > 0 && n > c.day_intervals {
        let grey = RGBColor(120, 120, 120);
        chart.draw_series((c.day_intervals..n).step_by(c.day_intervals).map(|k| {
            let x = k as f64 - 0.5;
            PathElement::new([(x, 0.0), (x, y_max)], grey.stroke_width(2))
        }))?;
    }
    // The requirement as a step line: flat across each interval.
    let steps: Vec<(f64, f64)> = c
        .required
        .iter()
        .enumerate()
        .flat_map(|(i, &v)| [(i as f64 - 0.5, v), (i as f64 + 0.5, v)])
        .collect();
    chart
        .draw_series(LineSeries::new(steps, TARGET.stroke_width(3)))?
        .label("required (the per-interval plan)")
        .legend(|(x, y)| PathElement::new([(x, y), (x + 16, y)], TARGET.stroke_width(3)));
    Legend {
        background: 0.85,
        border: 1.0,
        ..Legend::at(SeriesLabelPosition::UpperLeft, 18)
    }
    .draw(&mut chart)?;
    root.present()?;
    Ok(())
}

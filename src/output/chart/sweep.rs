//! Charts of a sweep (`ccsim sweep`): each key metric against the lever with its 95 %
//! band (one line per value of a second lever), the cost-per-contact against service
//! level (and CSAT) frontier across points, drawn by the trade-off chart's panel, and
//! for two levers a heat map per metric. Drawn as PNG and SVG like every other chart.

use std::error::Error as StdError;

use image::{ColorType, ImageEncoder};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{axis_title, color, currency, scale, tick, FONT};
use super::style::{self, Frame, HouseMesh, Legend};
use super::tradeoff::{panel, quality_metrics, Panel, Point};
use super::{register_fonts, DrawResult, Rendered};
use crate::error::{Error, Result};
use crate::metrics::Metric;
use crate::report::Report;

/// What a sweep chart needs: the report (one scenario per point, first lever slowest)
/// and the levers' keys and value texts.
pub struct SweepData<'a> {
    /// The report of every point.
    pub report: &'a Report,
    /// (key, values) per lever.
    pub levers: Vec<(String, Vec<String>)>,
    /// The metrics to draw against the levers.
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Lines,
    Frontier,
    Heat,
}

/// One chart of a sweep: file stem and title.
#[derive(Debug, Clone)]
pub struct SweepChart {
    /// File name without `.png`/`.svg`.
    pub stem: String,
    /// What it shows.
    pub title: String,
    kind: Kind,
}

/// The charts of a sweep with `levers` levers.
pub fn sweep_charts(levers: usize) -> Vec<SweepChart> {
    let mut v = vec![
        SweepChart {
            stem: "sweep-metrics".into(),
            title: "Key figures against the lever, with 95 % bands".into(),
            kind: Kind::Lines,
        },
        SweepChart {
            stem: "sweep-frontier".into(),
            title: "Cost per contact against service level and CSAT across points".into(),
            kind: Kind::Frontier,
        },
    ];
    if levers == 2 {
        v.push(SweepChart {
            stem: "sweep-heat".into(),
            title: "Key figures over both levers (heat map)".into(),
            kind: Kind::Heat,
        });
    }
    v
}

impl SweepChart {
    fn size(&self) -> (u32, u32) {
        match self.kind {
            Kind::Lines => (1800, 1100),
            Kind::Frontier => (1600, 850),
            Kind::Heat => (1800, 1100),
        }
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, d: &SweepData) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        root.fill(&WHITE)?;
        match self.kind {
            Kind::Lines => lines(root, d)?,
            Kind::Frontier => frontier(root, d)?,
            Kind::Heat => heat(root, d)?,
        }
        root.present()?;
        Ok(())
    }

    /// Draws the chart as PNG and SVG.
    pub fn render(&self, data: &SweepData) -> Result<Rendered> {
        register_fonts();
        let fail = |e: Box<dyn StdError>| Error::Other(format!("cannot draw {}: {e}", self.stem));
        let (w, h) = self.size();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
            self.draw(&root, data).map_err(fail)?;
        }
        let mut rgb = vec![255u8; (w * h * 3) as usize];
        {
            let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
            self.draw(&root, data).map_err(fail)?;
        }
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(&rgb, w, h, ColorType::Rgb8)
            .map_err(|e| Error::Other(format!("cannot encode {}.png: {e}", self.stem)))?;
        Ok(Rendered {
            png,
            svg: svg.into_bytes(),
        })
    }
}

/// Positions of the first lever's values on the x axis: the numbers when every value is
/// one, else 0, 1, 2, ... labelled with the values.
fn x_positions(values: &[String]) -> (Vec<f64>, bool) {
    let nums: Option<Vec<f64>> = values
        .iter()
        .map(|v| v.trim_start_matches('+').parse::<f64>().ok())
        .collect();
    match nums {
        Some(n) => (n, true),
        None => ((0..values.len()).map(|i| i as f64).collect(), false),
    }
}

/// The point index of lever values (i, j): first lever slowest.
fn at(d: &SweepData, i: usize, j: usize) -> usize {
    let inner = d.levers.get(1).map_or(1, |l| l.1.len());
    i * inner + j
}

fn lines<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &SweepData) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (key, values) = &d.levers[0];
    let area = root.margin(10, 0, 10, 10).titled(
        &format!("Key figures against {key}: lines = mean, bands = 95 % intervals"),
        (FONT, 30),
    )?;
    let cols = d.metrics.len().div_ceil(2).max(1);
    let cells = area.split_evenly((d.metrics.len().div_ceil(cols), cols));
    let (xs, numeric) = x_positions(values);
    let (x0, x1) = xs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(*x), b.max(*x))
        });
    let pad = ((x1 - x0) * 0.05).max(0.5);
    let series = d.levers.get(1).map_or(1, |l| l.1.len());
    let cur = currency(d.report);
    for (cell, &m) in cells.iter().zip(&d.metrics) {
        let k = scale(m);
        let est = |i: usize, j: usize| d.report.scenarios[at(d, i, j)].metrics.get(m);
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for i in 0..xs.len() {
            for j in 0..series {
                let e = est(i, j);
                let h = if e.half_width.is_finite() {
                    e.half_width
                } else {
                    0.0
                };
                if e.mean.is_finite() {
                    lo = lo.min((e.mean - h) * k);
                    hi = hi.max((e.mean + h) * k);
                }
            }
        }
        if !lo.is_finite() {
            (lo, hi) = (0.0, 1.0);
        }
        let ypad = ((hi - lo) * 0.1).max(1e-6);
        let labels = values.clone();
        let fmt_x = move |x: &f64| {
            if numeric {
                format!("{x}")
            } else {
                let i = x.round();
                if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < labels.len() {
                    labels[i as usize].clone()
                } else {
                    String::new()
                }
            }
        };
        let mut chart = style::chart(
            cell,
            m.def().label,
            Frame {
                caption: 24,
                margin: 15,
                x_area: 50,
                y_area: 80,
            },
        )
        .build_cartesian_2d((x0 - pad)..(x1 + pad), (lo - ypad)..(hi + ypad))?;
        chart
            .configure_mesh()
            .x_desc(key.as_str())
            .y_desc(axis_title(m, &cur))
            .x_label_formatter(&fmt_x)
            .y_label_formatter(&tick(hi - lo))
            .fonts(16, 18)
            .faint_grid(0.12)
            .draw()?;
        for j in 0..series {
            let c = color(j);
            let pts: Vec<(f64, f64, f64)> = (0..xs.len())
                .filter_map(|i| {
                    let e = est(i, j);
                    let h = if e.half_width.is_finite() {
                        e.half_width
                    } else {
                        0.0
                    };
                    e.mean.is_finite().then_some((xs[i], e.mean * k, h * k))
                })
                .collect();
            let band: Vec<(f64, f64)> = pts
                .iter()
                .map(|(x, y, h)| (*x, y + h))
                .chain(pts.iter().rev().map(|(x, y, h)| (*x, y - h)))
                .collect();
            if band.len() >= 3 {
                chart.draw_series([Polygon::new(band, c.mix(0.2).filled())])?;
            }
            let s = chart.draw_series(LineSeries::new(
                pts.iter().map(|(x, y, _)| (*x, *y)),
                c.stroke_width(3),
            ))?;
            if let Some((k2, v2)) = d.levers.get(1) {
                s.label(format!("{k2}={}", v2[j])).legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 24, y)], c.stroke_width(3))
                });
            }
            chart.draw_series(
                pts.iter()
                    .map(|(x, y, _)| Circle::new((*x, *y), 5, c.filled())),
            )?;
        }
        if d.levers.len() > 1 {
            Legend {
                background: 0.85,
                border: 0.3,
                ..Legend::at(SeriesLabelPosition::MiddleRight, 14)
            }
            .draw(&mut chart)?;
        }
    }
    Ok(())
}

fn frontier<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &SweepData) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let area = root.margin(10, 0, 10, 10).titled(
        "Cost against service across the sweep: lower right is better; crosses = 95 % intervals",
        (FONT, 30),
    )?;
    let quality = quality_metrics();
    let cells = area.split_evenly((1, quality.len()));
    let inner = d.levers.get(1).map_or(1, |l| l.1.len());
    let cur = currency(d.report);
    for (cell, q) in cells.iter().zip(quality) {
        let points = d
            .report
            .scenarios
            .iter()
            .enumerate()
            .map(|(p, s)| {
                let (i, j) = (p / inner, p % inner);
                let mut label = d.levers[0].1[i].clone();
                if let Some((_, v2)) = d.levers.get(1) {
                    label = format!("{label}, {}", v2[j]);
                }
                Point::new(label, color(j), 0, &s.metrics, q)
            })
            .collect();
        let p = Panel {
            points,
            quality: q,
            currency: &cur,
            sl_target: None,
            frontier: true,
        };
        panel(cell, &p)?;
    }
    Ok(())
}

/// White to blue by rank of the value between the lowest and the highest.
fn shade(t: f64) -> RGBColor {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(247.0, 8.0), mix(251.0, 69.0), mix(255.0, 148.0))
}

fn heat<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &SweepData) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let ((k1, v1), (k2, v2)) = (&d.levers[0], &d.levers[1]);
    let area = root.margin(10, 0, 10, 10).titled(
        &format!("Key figures over {k1} (across) and {k2} (down): darker = higher"),
        (FONT, 30),
    )?;
    let cols = d.metrics.len().div_ceil(2).max(1);
    let cells = area.split_evenly((d.metrics.len().div_ceil(cols), cols));
    let cur = currency(d.report);
    for (cell, &m) in cells.iter().zip(&d.metrics) {
        let k = scale(m);
        let vals: Vec<f64> = d
            .report
            .scenarios
            .iter()
            .map(|s| s.metrics.get(m).mean * k)
            .collect();
        let (lo, hi) = vals
            .iter()
            .filter(|x| x.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
                (a.min(*x), b.max(*x))
            });
        let (a1, a2) = (v1.clone(), v2.clone());
        let label = |names: Vec<String>| {
            move |x: &f64| {
                let i = x.floor();
                if i >= 0.0 && (i as usize) < names.len() && (x - i - 0.5).abs() < 1e-6 {
                    names[i as usize].clone()
                } else {
                    String::new()
                }
            }
        };
        let (fx, fy) = (label(a1), label(a2));
        let mut chart = style::chart(
            cell,
            axis_title(m, &cur),
            Frame {
                caption: 22,
                margin: 15,
                x_area: 50,
                y_area: 90,
            },
        )
        .build_cartesian_2d(0.0..v1.len() as f64, 0.0..v2.len() as f64)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc(k1.as_str())
            .y_desc(k2.as_str())
            .x_labels(v1.len() * 2 + 1)
            .y_labels(v2.len() * 2 + 1)
            .x_label_formatter(&fx)
            .y_label_formatter(&fy)
            .fonts(15, 17)
            .draw()?;
        let style =
            TextStyle::from((FONT, 15).into_font()).pos(Pos::new(HPos::Center, VPos::Center));
        for i in 0..v1.len() {
            for j in 0..v2.len() {
                let v = vals[at(d, i, j)];
                let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
                let (x, y) = (i as f64, j as f64);
                chart.draw_series([Rectangle::new(
                    [(x, y), (x + 1.0, y + 1.0)],
                    shade(t).filled(),
                )])?;
                let text = if v.is_finite() {
                    tick(hi - lo)(&v)
                } else {
                    "n/a".into()
                };
                let ink = if t > 0.55 { WHITE } else { BLACK };
                chart.draw_series([Text::new(text, (x + 0.5, y + 0.5), style.color(&ink))])?;
            }
        }
    }
    Ok(())
}

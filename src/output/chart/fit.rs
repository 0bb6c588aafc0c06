//! The chart of a fit, observed against fitted, one per contact type: the volume
//! profile (each day's count range per interval and the fitted volumes), the handle-time
//! histogram with the fitted density, and patience survival by Kaplan–Meier with the
//! fitted family's survival curve. Drawn once per backend, as PNG and SVG.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::style::{self, Frame, HouseMesh, Legend};
use super::{
    color, interval_axis, interval_labels, interval_start, render_pair, tick, Drawing, Rendered,
    FONT,
};
use crate::error::Result;
use crate::escape::one_line;
use crate::fit::durations::DurationFit;
use crate::fit::{Fit, TypeFit};

type DrawResult = std::result::Result<(), Box<dyn std::error::Error>>;

/// Bars in the handle-time histogram.
const BARS: usize = 60;

/// The chart of contact type `t` of a fit.
pub struct FitChart<'a> {
    fit: &'a Fit,
    t: &'a TypeFit,
    starts: Vec<String>,
}

impl<'a> FitChart<'a> {
    /// The chart of `t`.
    pub fn new(fit: &'a Fit, t: &'a TypeFit) -> Self {
        let starts = (0..fit.intervals()).map(|i| fit.start_of(i)).collect();
        FitChart { fit, t, starts }
    }

    /// Draws it as PNG and SVG.
    pub fn render(&self, stem: &str) -> Result<Rendered> {
        render_pair(stem, (2100, 700), self)
    }
}

impl Drawing for FitChart<'_> {
    fn draw_on<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        root.fill(&WHITE)?;
        let title = if self.t.name.is_empty() {
            format!(
                "Fitted vs observed: {} days, {} contacts",
                self.fit.days.len(),
                self.t.data.contacts()
            )
        } else {
            format!(
                "Fitted vs observed, type {}: {} days, {} contacts",
                one_line(&self.t.name),
                self.fit.days.len(),
                self.t.data.contacts()
            )
        };
        let area = root.margin(10, 10, 10, 10).titled(&title, (FONT, 30))?;
        let panels = area.split_evenly((1, 3));
        self.volumes(&panels[0])?;
        self.handle(&panels[1])?;
        self.patience(&panels[2])?;
        root.present()?;
        Ok(())
    }
}

impl FitChart<'_> {
    fn volumes<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let v = &self.t.volumes;
        let n = v.per_interval.len();
        let top = v.range.iter().map(|r| f64::from(r.1)).fold(1.0, f64::max) * 1.1;
        let mut chart = style::chart(
            area,
            "Volumes per interval",
            Frame {
                caption: 22,
                margin: 10,
                x_area: 40,
                y_area: 60,
            },
        )
        .build_cartesian_2d(interval_axis(&self.starts), 0.0..top)?;
        let starts = &self.starts;
        chart
            .configure_mesh()
            .x_labels(interval_labels(n))
            .x_label_formatter(&interval_start(n, move |i| starts[i].as_str()))
            .y_label_formatter(&tick(top))
            .y_desc("contacts")
            .fonts(14, 14)
            .draw()?;
        let grey = RGBColor(170, 170, 170);
        chart
            .draw_series(v.range.iter().enumerate().map(|(i, &(lo, hi))| {
                PathElement::new(
                    vec![(i as f64, f64::from(lo)), (i as f64, f64::from(hi))],
                    grey.stroke_width(6),
                )
            }))?
            .label("observed days (lowest to highest)")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], grey.stroke_width(6))
            });
        let blue = color(0);
        chart
            .draw_series(LineSeries::new(
                v.per_interval
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (i as f64, e.value)),
                blue.stroke_width(3),
            ))?
            .label("fitted volumes (mean of days)")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], blue.stroke_width(3))
            });
        Legend {
            background: 0.8,
            border: 1.0,
            ..Legend::at(SeriesLabelPosition::MiddleRight, 14)
        }
        .draw(&mut chart)?;
        Ok(())
    }

    fn handle<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let h = &self.t.data.handle;
        let n = h.moments.n;
        let bins: Vec<_> = h.histogram.bins().collect();
        // The axis ends at the 99th percentile, so one long call does not squash the rest.
        let mut seen = 0;
        let end = bins
            .iter()
            .find(|b| {
                seen += b.count;
                seen as f64 >= 0.99 * n as f64
            })
            .map_or(1.0, |b| b.at)
            .max(1.0);
        let width = end / BARS as f64;
        let mut heights = vec![0.0; BARS];
        for b in &bins {
            let k = (b.at / width) as usize;
            if k < BARS {
                heights[k] += b.count as f64 / (n.max(1) as f64 * width);
            }
        }
        let density: Vec<(f64, f64)> = match &self.t.handle {
            DurationFit::Family(f, _) => f
                .family
                .build(f.mean, f.cv)
                .map(|d| {
                    (1..=200)
                        .map(|i| (end * i as f64 / 200.0, d.pdf(end * i as f64 / 200.0)))
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let top = heights
            .iter()
            .copied()
            .chain(density.iter().map(|p| p.1).filter(|y| y.is_finite()))
            .fold(1e-12, f64::max)
            * 1.1;
        let caption = match &self.t.handle {
            DurationFit::Family(f, _) => format!("Handle time: {} fit", f.family.key()),
            _ => "Handle time".into(),
        };
        let mut chart = style::chart(
            area,
            caption,
            Frame {
                caption: 22,
                margin: 10,
                x_area: 40,
                y_area: 70,
            },
        )
        .build_cartesian_2d(0.0..end, 0.0..top)?;
        chart
            .configure_mesh()
            .x_desc("seconds")
            .y_desc("density (per second)")
            .y_label_formatter(&|y: &f64| format!("{y:.1e}"))
            .fonts(14, 14)
            .draw()?;
        let bar = color(0).mix(0.4);
        chart
            .draw_series(heights.iter().enumerate().map(|(k, &y)| {
                Rectangle::new(
                    [(k as f64 * width, 0.0), ((k + 1) as f64 * width, y)],
                    bar.filled(),
                )
            }))?
            .label("observed")
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 20, y + 5)], bar.filled()));
        let red = color(3);
        chart
            .draw_series(LineSeries::new(
                density.into_iter().filter(|p| p.1.is_finite()),
                red.stroke_width(3),
            ))?
            .label("fitted density")
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], red.stroke_width(3)));
        Legend {
            background: 0.8,
            border: 1.0,
            ..Legend::at(SeriesLabelPosition::MiddleRight, 14)
        }
        .draw(&mut chart)?;
        Ok(())
    }

    fn patience<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let p = &self.t.patience;
        let end = p.km.last().map_or(1.0, |q| q.0).max(1.0);
        let mut chart = style::chart(
            area,
            "Patience: share still waiting",
            Frame {
                caption: 22,
                margin: 10,
                x_area: 40,
                y_area: 60,
            },
        )
        .build_cartesian_2d(0.0..end, 0.0..1.02)?;
        chart
            .configure_mesh()
            .x_desc("seconds waited")
            .y_desc("survival")
            .fonts(14, 14)
            .draw()?;
        let mut steps = vec![(0.0, 1.0)];
        let mut s = 1.0;
        for &(t, next) in &p.km {
            steps.push((t, s));
            steps.push((t, next));
            s = next;
        }
        let blue = color(0);
        chart
            .draw_series(LineSeries::new(steps, blue.stroke_width(3)))?
            .label("Kaplan–Meier (answered waits censored)")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], blue.stroke_width(3))
            });
        if let Some(d) = p
            .families
            .first()
            .and_then(|f| f.family.build(f.mean, f.cv))
        {
            let red = color(3);
            let label = format!("fitted {}", p.families[0].family.key());
            chart
                .draw_series(LineSeries::new(
                    (0..=200)
                        .map(|i| end * i as f64 / 200.0)
                        .map(|x| (x, d.sf(x))),
                    red.stroke_width(3),
                ))?
                .label(label)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], red.stroke_width(3))
                });
        }
        Legend {
            background: 0.8,
            border: 1.0,
            ..Legend::at(SeriesLabelPosition::MiddleRight, 14)
        }
        .draw(&mut chart)?;
        Ok(())
    }
}

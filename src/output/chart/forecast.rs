//! The chart of a forecast, one per contact type: daily totals of the history, the
//! forecast days after it with their 80 % band (the day's total varying by the backtest's
//! day spread and Poisson), and a line where the history ends. Closed days sit at zero.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::style::{self, Frame, HouseMesh, Legend};
use super::{color, render_pair, tick, Drawing, Rendered};
use crate::error::Result;
use crate::escape::one_line;
use crate::fit::clock::civil_from_days;
use crate::forecast::band::band;
use crate::forecast::history::TypeHistory;
use crate::forecast::TypeForecast;

type DrawResult = std::result::Result<(), Box<dyn std::error::Error>>;

/// The chart of one type's history and forecast.
pub struct ForecastChart<'a> {
    history: &'a TypeHistory,
    first: i64,
    forecast: &'a TypeForecast,
}

impl<'a> ForecastChart<'a> {
    /// The chart of `forecast`, after `history` whose day 0 is `first`.
    pub fn new(history: &'a TypeHistory, first: i64, forecast: &'a TypeForecast) -> Self {
        ForecastChart {
            history,
            first,
            forecast,
        }
    }

    /// Draws it as PNG and SVG.
    pub fn render(&self, stem: &str) -> Result<Rendered> {
        render_pair(stem, (1600, 700), self)
    }
}

impl Drawing for ForecastChart<'_> {
    fn draw_on<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        root.fill(&WHITE)?;
        let past: Vec<(f64, f64)> = (0..self.history.days.len())
            .map(|d| ((self.first + d as i64) as f64, self.history.total(d)))
            .collect();
        let ahead: Vec<(f64, f64, f64, f64)> = self
            .forecast
            .days
            .iter()
            .map(|d| {
                let total: f64 = d.volume.iter().sum();
                let (lo, hi) = band(total, self.forecast.day_cv2, 0);
                (d.day as f64, total, lo, hi)
            })
            .collect();
        let top = past
            .iter()
            .map(|p| p.1)
            .chain(ahead.iter().map(|a| a.3))
            .fold(1.0, f64::max)
            * 1.1;
        let x0 = self.first as f64 - 0.5;
        let x1 = ahead.last().map_or(x0 + 1.0, |a| a.0) + 0.5;
        let name = if self.forecast.name.is_empty() {
            String::new()
        } else {
            format!(", type {}", one_line(&self.forecast.name))
        };
        let title = format!(
            "Contacts per day: history and forecast{name} ({}, 80 % band)",
            self.forecast.method.key()
        );
        let area = root.margin(10, 10, 10, 10);
        let mut chart = style::chart(
            &area,
            title,
            Frame {
                caption: 26,
                margin: 10,
                x_area: 50,
                y_area: 70,
            },
        )
        .build_cartesian_2d(x0..x1, 0.0..top)?;
        chart
            .configure_mesh()
            .x_labels(12)
            .x_label_formatter(&|x: &f64| civil_from_days(x.round() as i64))
            .y_label_formatter(&tick(top))
            .y_desc("contacts per day")
            .fonts(14, 16)
            .faint_grid(0.1)
            .draw()?;
        let band_colour = color(1).mix(0.25);
        chart
            .draw_series(ahead.iter().map(|&(x, _, lo, hi)| {
                Rectangle::new([(x - 0.4, lo), (x + 0.4, hi)], band_colour.filled())
            }))?
            .label("80 % prediction interval")
            .legend(move |(x, y)| {
                Rectangle::new([(x, y - 5), (x + 20, y + 5)], band_colour.filled())
            });
        let grey = RGBColor(90, 90, 90);
        chart
            .draw_series(LineSeries::new(past.iter().copied(), grey.stroke_width(2)))?
            .label("history")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], grey.stroke_width(2))
            });
        let orange = color(1);
        chart
            .draw_series(LineSeries::new(
                ahead.iter().map(|a| (a.0, a.1)),
                orange.stroke_width(3),
            ))?
            .label("forecast")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], orange.stroke_width(3))
            });
        let edge = past.last().map_or(x0, |p| p.0 + 0.5);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(edge, 0.0), (edge, top)],
            BLACK.mix(0.4).stroke_width(1),
        )))?;
        Legend::at(SeriesLabelPosition::UpperLeft, 14).draw(&mut chart)?;
        root.present()?;
        Ok(())
    }
}

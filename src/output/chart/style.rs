//! The house style every chart is drawn in: a caption over the plot, margins and
//! label areas, the mesh's fonts and faint grid, and the legend box. Charts pass only
//! the sizes that differ, so a change of style is made here once.

use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::Ranged;
use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;

use super::common::FONT;
use super::DrawResult;

/// Sizes around a chart's plot, in pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// Font size of the caption.
    pub caption: u32,
    /// Margin on every side.
    pub margin: u32,
    /// Height of the area under the plot for the x labels and their title.
    pub x_area: u32,
    /// Width of the area left of the plot for the y labels and their title.
    pub y_area: u32,
}

/// A chart builder on `area` with `caption` and the frame's margin and label areas; the
/// caller adds what is its own (a right axis, a wider right margin) and builds it.
pub(crate) fn chart<'a, 'b, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    caption: impl AsRef<str>,
    frame: Frame,
) -> ChartBuilder<'a, 'b, DB> {
    let mut builder = ChartBuilder::on(area);
    builder
        .caption(caption, (FONT, frame.caption))
        .margin(frame.margin)
        .x_label_area_size(frame.x_area)
        .y_label_area_size(frame.y_area);
    builder
}

/// The house fonts and grid of a chart's mesh.
pub(crate) trait HouseMesh {
    /// Tick labels at `label` pixels and axis titles at `desc` pixels.
    fn fonts(&mut self, label: u32, desc: u32) -> &mut Self;
    /// No minor lines and major lines in black at opacity `alpha`, so the data stands out.
    fn faint_grid(&mut self, alpha: f64) -> &mut Self;
}

impl<X: Ranged, Y: Ranged, DB: DrawingBackend> HouseMesh for MeshStyle<'_, '_, X, Y, DB> {
    fn fonts(&mut self, label: u32, desc: u32) -> &mut Self {
        self.label_style((FONT, label))
            .axis_desc_style((FONT, desc))
    }

    fn faint_grid(&mut self, alpha: f64) -> &mut Self {
        self.light_line_style(WHITE)
            .bold_line_style(BLACK.mix(alpha))
    }
}

/// The house legend box: where it sits, its font and how opaque its box is.
#[derive(Debug, Clone)]
pub(crate) struct Legend {
    /// Where in the plot the box sits.
    pub position: SeriesLabelPosition,
    /// Font size of the entries.
    pub font: u32,
    /// Opacity of the white background.
    pub background: f64,
    /// Opacity of the black border.
    pub border: f64,
}

impl Legend {
    /// The usual box at `position` with entries at `font` pixels: a near-white
    /// background and a light border.
    pub(crate) fn at(position: SeriesLabelPosition, font: u32) -> Self {
        Self {
            position,
            font,
            background: 0.9,
            border: 0.3,
        }
    }

    /// Draws the legend of `chart`'s labelled series.
    pub(crate) fn draw<'a, DB, CT>(self, chart: &mut ChartContext<'a, DB, CT>) -> DrawResult
    where
        DB: DrawingBackend + 'a,
        DB::ErrorType: 'static,
        CT: CoordTranslate,
    {
        chart
            .configure_series_labels()
            .position(self.position)
            .label_font((FONT, self.font))
            .background_style(WHITE.mix(self.background))
            .border_style(BLACK.mix(self.border))
            .draw()?;
        Ok(())
    }
}

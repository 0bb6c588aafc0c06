//! The six point shapes the trade-off charts cycle through.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::DrawResult;

/// Draws marker `k` (cycling through six shapes, about 16 pixels across) on `area`,
/// centred on `at` in the area's own pixels.
pub(crate) fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    k: usize,
    color: RGBColor,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    // A white rim first: the shape stays readable on top of its own interval cross.
    for (c, grow) in [(WHITE, 3), (color, 0)] {
        let (fill, line) = (c.filled(), c.stroke_width(3 + 2 * grow as u32));
        let shape = EmptyElement::at(at);
        match k % 6 {
            0 => area.draw(&(shape + Circle::new((0, 0), 8 + grow, fill)))?,
            1 => area.draw(&(shape + TriangleMarker::new((0, 2), 13 + grow, fill)))?,
            2 => area.draw(
                &(shape + Rectangle::new([(-8 - grow, -8 - grow), (8 + grow, 8 + grow)], fill)),
            )?,
            3 => {
                let r = 11 + grow;
                area.draw(&(shape + Polygon::new(vec![(0, -r), (r, 0), (0, r), (-r, 0)], fill)))?
            }
            4 => area.draw(&(shape + plotters::element::Cross::new((0, 0), 8, line)))?,
            _ => area.draw(&(shape + Circle::new((0, 0), 8, line)))?,
        }
    }
    Ok(())
}

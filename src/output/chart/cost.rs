//! `cost-per-day`: what each scenario spends a day on paid agent time, with its 95 %
//! whisker. Only money the centre pays is drawn: the value model's lost customer value
//! is an assumption, so the reports give it only as a difference from the baseline and
//! never stack it on this bar as if it were a bill.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{currency, draw_lines_below, fit_names, tick, FONT};
use super::style::{self, Frame, HouseMesh, Legend};
use super::DrawResult;
use crate::metrics::Metric;
use crate::report::Report;

const OPERATING: RGBColor = RGBColor(70, 110, 160);

/// A sum of money with thousands separators and no decimals (`106,812`).
fn money(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let digits = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < -0.5 {
        out.insert(0, '−');
    }
    out
}

/// Draws the chart on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let n = r.scenarios.len();
    let cur = &*currency(r);
    let rows: Vec<(f64, f64)> = r
        .scenarios
        .iter()
        .map(|s| {
            let e = s.metrics.get(Metric::CostTotal);
            (e.mean, e.half_width)
        })
        .collect();
    let top = rows
        .iter()
        .map(|(t, h)| t + if h.is_finite() { *h } else { 0.0 })
        .filter(|x| x.is_finite())
        .fold(0.0f64, f64::max);
    // Headroom: the legend sits above the tallest bar and its label.
    let ymax = if top > 0.0 { top * 1.3 } else { 1.0 };

    let area = root.margin(10, 0, 10, 10).titled(
        "Operating cost per day (paid agent time), whisker = 95 % interval",
        (FONT, 28),
    )?;
    let (w, _) = area.dim_in_pixel();
    let slot_px = (w as f64 - 130.0) / n.max(1) as f64 - 8.0;
    let all: Vec<_> = r.scenarios.iter().map(super::common::name).collect();
    let (names, size) = fit_names(&area, &all, slot_px, (19, 15));
    let style = TextStyle::from((FONT, size).into_font());
    let lines = names.iter().map(Vec::len).max().unwrap_or(1) as u32;
    let line_h = size as i32 + 4;
    let mut chart = style::chart(
        &area,
        "paid agent time at each scenario's rates",
        Frame {
            caption: 20,
            margin: 16,
            x_area: lines * line_h as u32 + 20,
            y_area: 110,
        },
    )
    .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..ymax)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(8)
        .y_desc(format!("Operating cost per simulated day ({cur})"))
        .y_label_formatter(&|y: &f64| {
            if ymax >= 1_000.0 {
                money(*y)
            } else {
                tick(ymax)(y)
            }
        })
        .fonts(18, 20)
        .faint_grid(0.12)
        .draw()?;
    chart
        .draw_series(rows.iter().enumerate().map(|(i, (op, _))| {
            let x = i as f64;
            Rectangle::new(
                [(x - 0.32, 0.0), (x + 0.32, op.max(0.0))],
                OPERATING.filled(),
            )
        }))?
        .label("operating cost (paid agent time)")
        .legend(|(x, y)| Rectangle::new([(x, y - 7), (x + 22, y + 7)], OPERATING.filled()));
    for (i, (t, h)) in rows.iter().enumerate().filter(|(_, r)| r.1.is_finite()) {
        let (x, lo, hi, cap) = (i as f64, (t - h).max(0.0), t + h, 0.08);
        let st = BLACK.stroke_width(2);
        chart.draw_series([
            PathElement::new([(x, lo), (x, hi)], st),
            PathElement::new([(x - cap, lo), (x + cap, lo)], st),
            PathElement::new([(x - cap, hi), (x + cap, hi)], st),
        ])?;
    }
    let above = TextStyle::from((FONT, 19).into_font()).pos(Pos::new(HPos::Center, VPos::Bottom));
    for (i, (t, h)) in rows.iter().enumerate() {
        let y = t + if h.is_finite() { *h } else { 0.0 };
        chart.draw_series([EmptyElement::at((i as f64, y.max(0.0)))
            + Text::new(format!("{} {cur}", money(*t)), (0, -6), above.clone())])?;
    }
    Legend::at(SeriesLabelPosition::UpperLeft, 18).draw(&mut chart)?;
    for (i, lines) in names.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(i as f64, 0.0));
        draw_lines_below(&area, (x, y + 10), lines, &style, line_h)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_has_thousands_separators_and_no_decimals() {
        assert_eq!(money(106_812.4), "106,812");
        assert_eq!(money(999.6), "1,000");
        assert_eq!(money(12.0), "12");
        assert_eq!(money(-1_234.0), "−1,234");
        assert_eq!(money(f64::NAN), "n/a");
    }
}

//! `cost-per-day`: what each scenario costs a day, operating cost (paid agent time)
//! and the customer value its abandonment and unresolved contacts lose (the scenario's
//! value model) stacked, with the 95 % whisker of the total. Beside cost per contact,
//! which falls as repeat contacts grow, it shows the money a change really moves.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{currency, draw_lines_below, fit_names, tick, FONT};
use super::style::{self, Frame, HouseMesh, Legend};
use super::DrawResult;
use crate::metrics::Metric;
use crate::report::Report;

const OPERATING: RGBColor = RGBColor(70, 110, 160);
const LOST: RGBColor = RGBColor(235, 150, 60);

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
    let rows: Vec<(f64, f64, f64, f64)> = r
        .scenarios
        .iter()
        .map(|s| {
            let operating = s.metrics.get(Metric::CostTotal);
            let lost = s.metrics.get(Metric::LostValue).mean;
            // Without a value model nothing is lost, and the total is the operating cost.
            let total = match s.metrics.get(Metric::EconomicCost) {
                t if t.mean.is_finite() => t,
                _ => operating,
            };
            (
                operating.mean,
                if lost.is_finite() { lost } else { 0.0 },
                total.mean,
                total.half_width,
            )
        })
        .collect();
    let valued = rows.iter().any(|(_, lost, _, _)| *lost > 0.0);
    let top = rows
        .iter()
        .map(|(_, _, t, h)| t + if h.is_finite() { *h } else { 0.0 })
        .filter(|x| x.is_finite())
        .fold(0.0f64, f64::max);
    // Headroom: the legend sits above the tallest bar and its label.
    let ymax = if top > 0.0 { top * 1.3 } else { 1.0 };

    let title = if valued {
        "Cost per day: operating cost + lost customer value, whisker = 95 % interval of the total"
    } else {
        "Cost per day (operating cost; no scenario has a value model), whisker = 95 % interval"
    };
    let area = root.margin(10, 0, 10, 10).titled(title, (FONT, 28))?;
    let (w, _) = area.dim_in_pixel();
    let slot_px = (w as f64 - 130.0) / n.max(1) as f64 - 8.0;
    let all: Vec<_> = r.scenarios.iter().map(super::common::name).collect();
    let (names, size) = fit_names(&area, &all, slot_px, (19, 15));
    let style = TextStyle::from((FONT, size).into_font());
    let lines = names.iter().map(Vec::len).max().unwrap_or(1) as u32;
    let line_h = size as i32 + 4;
    let caption = if valued {
        "lost value comes from each scenario's own [value] model: an assumption, not a bill"
    } else {
        "paid agent time at each scenario's rates"
    };
    let mut chart = style::chart(
        &area,
        caption,
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
        .y_desc(format!("Cost per simulated day ({cur})"))
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
    let bar = |x: f64, y0: f64, y1: f64, c: RGBColor| {
        Rectangle::new([(x - 0.32, y0), (x + 0.32, y1)], c.filled())
    };
    chart
        .draw_series(
            rows.iter()
                .enumerate()
                .map(|(i, (op, _, _, _))| bar(i as f64, 0.0, op.max(0.0), OPERATING)),
        )?
        .label("operating cost (paid agent time)")
        .legend(|(x, y)| Rectangle::new([(x, y - 7), (x + 22, y + 7)], OPERATING.filled()));
    if valued {
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (op, lost, _, _))| {
                bar(i as f64, op.max(0.0), op.max(0.0) + lost.max(0.0), LOST)
            }))?
            .label("lost customer value (scenario's value model)")
            .legend(|(x, y)| Rectangle::new([(x, y - 7), (x + 22, y + 7)], LOST.filled()));
    }
    for (i, (_, _, t, h)) in rows.iter().enumerate().filter(|(_, r)| r.3.is_finite()) {
        let (x, lo, hi, cap) = (i as f64, (t - h).max(0.0), t + h, 0.08);
        let st = BLACK.stroke_width(2);
        chart.draw_series([
            PathElement::new([(x, lo), (x, hi)], st),
            PathElement::new([(x - cap, lo), (x + cap, lo)], st),
            PathElement::new([(x - cap, hi), (x + cap, hi)], st),
        ])?;
    }
    // The total above each bar; with a value model, the operating part inside it.
    let above = TextStyle::from((FONT, 19).into_font()).pos(Pos::new(HPos::Center, VPos::Bottom));
    let inside = TextStyle::from((FONT, 16).into_font())
        .color(&WHITE)
        .pos(Pos::new(HPos::Center, VPos::Center));
    for (i, (op, _, t, h)) in rows.iter().enumerate() {
        let y = t + if h.is_finite() { *h } else { 0.0 };
        chart.draw_series([EmptyElement::at((i as f64, y.max(0.0)))
            + Text::new(format!("{} {cur}", money(*t)), (0, -6), above.clone())])?;
        let (_, y_top) = chart.backend_coord(&(i as f64, *op));
        let (_, y_bottom) = chart.backend_coord(&(i as f64, 0.0));
        if valued && y_bottom - y_top > 30 {
            chart.draw_series([Text::new(money(*op), (i as f64, op / 2.0), inside.clone())])?;
        }
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

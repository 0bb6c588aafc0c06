//! `tradeoff-types`: the trade-off of `tradeoff` for each contact type of each centre in
//! the report. One point per scenario and type (colour = scenario, shape = type), with
//! its 95 % cross, labelled "scenario · type", so a planner sees which design serves
//! which type better and at what cost. No frontier: types are not alternatives to each
//! other, and a type's cost carries its share of every group it used.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{color, currency, limit_of, name, shared, FONT};
use super::tradeoff::{marker, panel, quality_metrics, Panel, Point};
use super::DrawResult;
use crate::escape::one_line;
use crate::metrics::Metric;
use crate::report::Report;

/// Colour of the shapes in the key: they stand for a type in every scenario's colour.
const KEY: RGBColor = RGBColor(70, 70, 70);

/// The names of the contact types of every centre in `r`, each once, in order of first
/// appearance: a type keeps its shape in every scenario that has it.
fn type_names(r: &Report) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for t in r.scenarios.iter().flat_map(|s| s.types.iter().flatten()) {
        if !names.contains(&t.name.as_str()) {
            names.push(&t.name);
        }
    }
    names
}

/// Draws the chart on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let area = root.margin(10, 0, 10, 10).titled(
        "Cost against service by contact type: lower right is better; crosses = 95 % intervals",
        (FONT, 32),
    )?;
    let kinds = type_names(r);
    let (top, rest) = area.split_vertically(46);
    key(&top, &kinds)?;
    let typed = || {
        r.scenarios
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.types.iter().flatten().map(move |t| (i, s, t)))
    };
    let quality = quality_metrics();
    let cells = rest.split_evenly((1, quality.len()));
    for (cell, q) in cells.iter().zip(quality) {
        let sl_target = if q == Metric::ServiceLevel {
            shared(typed().map(|(_, _, t)| limit_of(&t.targets, q).map(|l| l.0)))
        } else {
            None
        };
        let points = typed()
            .map(|(i, s, t)| {
                let shape = kinds.iter().position(|k| *k == t.name).unwrap_or(0);
                let label = format!("{} · {}", name(s), one_line(&t.name));
                Point::new(label, color(i), shape, &t.metrics, q)
            })
            .collect();
        let p = Panel {
            points,
            quality: q,
            currency: &currency(r),
            sl_target,
            frontier: false,
        };
        panel(cell, &p)?;
    }
    Ok(())
}

/// A line under the title: which shape is which type.
fn key<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, kinds: &[&str]) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let style = TextStyle::from((FONT, 20).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
    let y = 22;
    let mut x = 110;
    let intro = "Shape = contact type, colour = scenario:";
    area.draw(&Text::new(intro, (x, y), style.clone()))?;
    x += area.estimate_text_size(intro, &style)?.0 as i32 + 30;
    for (k, kind) in kinds.iter().enumerate() {
        marker(area, (x, y), k, KEY)?;
        let text = one_line(kind);
        area.draw(&Text::new(text.as_ref(), (x + 16, y), style.clone()))?;
        x += 16 + area.estimate_text_size(&text, &style)?.0 as i32 + 36;
    }
    Ok(())
}

//! `tradeoff`: cost per contact against service level (and against CSAT when the metric
//! list has it). One point per scenario with its 95 % cross, labelled with its name; the
//! efficient frontier (scenarios no other one beats on both cost and quality) is joined
//! by a line, so a planner sees which plans are worth discussing. Stress tests are left
//! out: they are risks to the current plan, not plans.

mod labels;
mod marker;
mod panel;
mod place;

use crate::metrics::metric_by_key;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{color, currency, name, scale, shared, target_of, FONT, PALETTE};
use super::DrawResult;
use crate::metrics::Metric;
use crate::report::{Metrics, Report};

pub(super) use marker::marker;
pub(super) use panel::panel;

/// Draws the chart on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let area = root.margin(10, 0, 10, 10).titled(
        "Cost against service: lower right is better; crosses = 95 % intervals",
        (FONT, 32),
    )?;
    let quality = quality_metrics();
    let cells = area.split_evenly((1, quality.len()));
    for (cell, q) in cells.iter().zip(quality) {
        let sl_target = if q == Metric::ServiceLevel {
            shared(r.scenarios.iter().map(|s| target_of(s, q).map(|t| t.0)))
        } else {
            None
        };
        let points = r
            .scenarios
            .iter()
            .enumerate()
            // A stress test is a shock, not a plan to choose: it stays off the frontier.
            .filter(|(_, s)| !s.is_stress())
            // Past the palette, the shape tells scenarios of one colour apart.
            .map(|(i, s)| Point::new(name(s).into_owned(), color(i), i / PALETTE, &s.metrics, q))
            .collect();
        let p = Panel {
            points,
            quality: q,
            currency: &currency(r),
            sl_target,
            frontier: true,
        };
        panel(cell, &p)?;
    }
    Ok(())
}

/// The quality measures each get a panel: service level, and CSAT when defined.
pub(super) fn quality_metrics() -> Vec<Metric> {
    let mut quality = vec![Metric::ServiceLevel];
    if let Some(m) = metric_by_key("csat") {
        quality.push(m);
    }
    quality
}

/// One point of a panel: a scenario, or one contact type of a centre.
pub(super) struct Point {
    /// Text beside the point.
    pub label: String,
    /// Its colour (the scenario's).
    pub color: RGBColor,
    /// Its shape (see [`marker`]).
    pub marker: usize,
    /// Quality on the axis and its 95 % half-width (0 when undefined).
    pub quality: (f64, f64),
    /// Cost per contact and its 95 % half-width (0 when undefined).
    pub cost: (f64, f64),
}

impl Point {
    /// The point of estimates `m` on quality measure `q`.
    pub fn new(label: String, color: RGBColor, marker: usize, m: &Metrics, q: Metric) -> Self {
        let kq = scale(q);
        let (eq, ec) = (m.get(q), m.get(Metric::CostPerContact));
        let hw = |h: f64| if h.is_finite() { h } else { 0.0 };
        Point {
            label,
            color,
            marker,
            quality: (eq.mean * kq, hw(eq.half_width) * kq),
            cost: (ec.mean, hw(ec.half_width)),
        }
    }

    fn cross(&self) -> Cross {
        (self.quality, self.cost)
    }
}

/// A point with its half-widths: ((quality, ±), (cost, ±)).
type Cross = ((f64, f64), (f64, f64));

/// What one panel draws.
pub(super) struct Panel<'a> {
    /// The points, drawn in order.
    pub points: Vec<Point>,
    /// The quality measure on the horizontal axis.
    pub quality: Metric,
    /// Currency of the cost axis.
    pub currency: &'a str,
    /// A service-level target shared by every point (a fraction), drawn as a line.
    pub sl_target: Option<f64>,
    /// Whether to join the efficient points (only alternatives can be compared so).
    pub frontier: bool,
}

/// Indices of the efficient scenarios: no other one is both cheaper and better.
/// Scenarios with an undefined value are left out.
pub(super) fn frontier(points: &[(f64, f64)]) -> Vec<usize> {
    let ok = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite();
    let mut f: Vec<usize> = (0..points.len())
        .filter(|&i| ok(&points[i]))
        .filter(|&i| {
            let (q, c) = points[i];
            !points
                .iter()
                .any(|p| ok(p) && p.0 >= q && p.1 <= c && (p.0 > q || p.1 < c))
        })
        .collect();
    f.sort_by(|&a, &b| points[a].0.total_cmp(&points[b].0));
    f
}

#[cfg(test)]
mod tests {
    use super::frontier;

    #[test]
    fn frontier_keeps_only_undominated_points_by_quality() {
        // (quality, cost): 1 is dominated by 0 (better and cheaper); 2 is dearer but better.
        let pts = [(80.0, 4.0), (75.0, 4.5), (90.0, 5.0), (f64::NAN, 1.0)];
        assert_eq!(frontier(&pts), [0, 2]);
    }
}

//! `daily-sl`: how the day's service level varies from one simulated day to the next.
//! One box per scenario (a centre: per live type, each with its own threshold and
//! target). One dot per replication (spread sideways so they do not hide each other), a box from
//! the lower to the upper quartile with the median, and under each scenario the share of
//! days that missed its service-level target: what a director means by "how often do
//! we miss?".

use plotters::coord::Shift;
use plotters::prelude::*;

use std::borrow::Cow;

use super::common::{color, draw_lines_below, fits_in, limit_of, target_of, tick, FONT, TARGET};
use super::style::{self, Frame, HouseMesh};
use super::DrawResult;
use crate::escape::one_line;
use crate::metrics::{Metric, MetricValues};
use crate::report::{Report, ScenarioReport};

/// The day-level service levels of some replications (undefined days left out), in
/// percent, sorted.
fn days_of(samples: &[MetricValues]) -> Vec<f64> {
    let mut v: Vec<f64> = samples
        .iter()
        .map(|d| d[Metric::ServiceLevel as usize] * 100.0)
        .filter(|x| x.is_finite())
        .collect();
    v.sort_by(f64::total_cmp);
    v
}

/// The day-level service levels of `s` (undefined days left out), in percent, sorted.
fn days(s: &ScenarioReport) -> Vec<f64> {
    days_of(&s.day_samples)
}

/// One box of the chart: a one-type scenario, or one type of a centre (each has its own
/// threshold and target, so a centre's blended figure would mean nothing here).
struct Slot<'a> {
    name: Cow<'a, str>,
    days: Vec<f64>,
    target: Option<f64>,
    within_s: f64,
}

/// The boxes of `r`: a one-type scenario is one; a centre gives one per live type (voice,
/// chat), or per type when all are email.
fn slots(r: &Report) -> Vec<Slot<'_>> {
    let mut v = Vec::new();
    for s in &r.scenarios {
        match &s.types {
            None => v.push(Slot {
                name: super::common::name(s),
                days: days(s),
                target: target_of(s, Metric::ServiceLevel).map(|t| t.0),
                within_s: s.targets.service_level_within_s,
            }),
            Some(types) => {
                let live = types.iter().any(|t| t.channel != "email");
                for t in types.iter().filter(|t| !live || t.channel != "email") {
                    v.push(Slot {
                        name: Cow::Owned(format!("{} · {}", one_line(&s.name), one_line(&t.name))),
                        days: days_of(&t.day_samples),
                        target: limit_of(&t.targets, Metric::ServiceLevel).map(|t| t.0),
                        within_s: t.targets.service_level_within_s,
                    });
                }
            }
        }
    }
    v
}

/// A deterministic sideways offset in [0, 1) for dot `k` (SplitMix64), so the charts
/// are the same on every run and dots do not line up in a visible pattern.
fn jitter(k: u64) -> f64 {
    let mut z = k.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// The `p` quantile of sorted `v` (linear interpolation).
fn quantile(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let h = p * (v.len() - 1) as f64;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    v[lo] + (h - lo as f64) * (v[hi] - v[lo])
}

/// Share of simulated days whose service level fell below the scenario's target.
pub(crate) fn share_of_days_below_target(s: &ScenarioReport) -> Option<f64> {
    let (t, _) = target_of(s, Metric::ServiceLevel)?;
    let v = days(s);
    (!v.is_empty()).then(|| v.iter().filter(|x| **x < t * 100.0).count() as f64 / v.len() as f64)
}

/// Share of `days` below `target` (a share), `None` without days.
fn below(days: &[f64], target: f64) -> Option<f64> {
    (!days.is_empty())
        .then(|| days.iter().filter(|x| **x < target * 100.0).count() as f64 / days.len() as f64)
}

/// Draws the chart on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let slots = slots(r);
    let n = slots.len();
    let lowest = slots
        .iter()
        .flat_map(|s| s.days.iter().copied())
        .chain(slots.iter().filter_map(|s| s.target.map(|t| t * 100.0)))
        .fold(100.0f64, f64::min);
    let y0 = ((lowest - 5.0) / 10.0).floor().max(0.0) * 10.0;
    // One threshold for every box goes in the title; otherwise each box names its own.
    let shared = super::common::shared(slots.iter().map(|s| Some(s.within_s)));
    let title = match (shared, slots.is_empty()) {
        (Some(within), _) => {
            format!("Service level of each simulated day (answered within {within} s)")
        }
        (None, true) => "Service level of each simulated day (answered within 20 s)".to_string(),
        (None, false) => {
            "Service level of each simulated day (each within its own threshold)".to_string()
        }
    };
    let area = root.margin(10, 0, 10, 10).titled(&title, (FONT, 32))?;
    let (w, _) = area.dim_in_pixel();
    let slot_px = (w as f64 - 120.0) / n.max(1) as f64 - 8.0;
    let all: Vec<Cow<'_, str>> = slots.iter().map(|s| s.name.clone()).collect();
    let (names, size) = super::common::fit_names(&area, &all, slot_px, (19, 15));
    let style = TextStyle::from((FONT, size).into_font());
    let captions: Vec<Vec<String>> = slots
        .iter()
        .zip(names)
        .map(|(s, mut l)| {
            if shared.is_none() {
                l.push(format!("within {} s", s.within_s));
            }
            l.push(match (s.target, below(&s.days, s.target.unwrap_or(0.0))) {
                (Some(t), Some(p)) => {
                    // One decimal: "0 %" for 1 day in 200 would read as "never".
                    format!("P(day SL < {:.0} %) = {:.1} %", t * 100.0, p * 100.0)
                }
                _ => "no SL target".into(),
            });
            // In a narrow slot the probability takes two lines.
            if let Some(last) = l.pop() {
                match last.split_once(" = ") {
                    Some((a, b)) if !fits_in(&area, &style, slot_px)(&last) => {
                        l.push(a.to_string());
                        l.push(format!("= {b}"));
                    }
                    _ => l.push(last),
                }
            }
            if let Some(t) = s.target {
                let below = s.days.iter().filter(|x| **x < t * 100.0).count();
                l.push(format!("({below} of {} days)", s.days.len()));
            }
            l
        })
        .collect();
    let lines = captions.iter().map(Vec::len).max().unwrap_or(1) as u32;
    let line_h = size as i32 + 4;
    let mut chart = style::chart(
        &area,
        "dot = one day, box = middle half of the days, thick line = median, red dashes = target",
        Frame {
            caption: 20,
            margin: 16,
            x_area: lines * line_h as u32 + 20,
            y_area: 80,
        },
    )
    .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), y0..101.0)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_desc("Service level of the day (%)")
        .y_label_formatter(&tick(100.0 - y0))
        .fonts(18, 20)
        .faint_grid(0.12)
        .draw()?;

    for (i, slot) in slots.iter().enumerate() {
        let (x, v) = (i as f64, &slot.days);
        chart.draw_series(v.iter().enumerate().map(|(k, y)| {
            let dx = (jitter(k as u64) - 0.5) * 0.5;
            Circle::new((x + dx, *y), 3, color(i).mix(0.45).filled())
        }))?;
        if v.len() >= 2 {
            let (q1, med, q3) = (quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75));
            chart.draw_series([Rectangle::new(
                [(x - 0.3, q1), (x + 0.3, q3)],
                BLACK.stroke_width(2),
            )])?;
            chart.draw_series([PathElement::new(
                [(x - 0.3, med), (x + 0.3, med)],
                BLACK.stroke_width(4),
            )])?;
        }
        if let Some(t) = slot.target {
            chart.draw_series(DashedLineSeries::new(
                [(x - 0.45, t * 100.0), (x + 0.45, t * 100.0)],
                10,
                6,
                TARGET.stroke_width(3),
            ))?;
        }
    }
    for (i, lines) in captions.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(i as f64, y0));
        draw_lines_below(&area, (x, y + 10), lines, &style, line_h)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&v, 0.5), 3.0);
        assert_eq!(quantile(&v, 0.25), 2.0);
        assert_eq!(quantile(&v[..2], 0.5), 1.5);
    }
}

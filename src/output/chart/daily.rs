//! `daily-sl`: how the day's service level varies from one simulated day to the next.
//! One dot per replication (spread sideways so they do not hide each other), a box from
//! the lower to the upper quartile with the median, and under each scenario the share of
//! days that missed its service-level target: what a director means by "how often do
//! we miss?".

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{color, draw_lines_below, fits_in, target_of, tick, FONT, TARGET};
use super::DrawResult;
use crate::metrics::Metric;
use crate::report::{Report, ScenarioReport};

/// The day-level service levels of `s` (undefined days left out), in percent, sorted.
fn days(s: &ScenarioReport) -> Vec<f64> {
    let mut v: Vec<f64> = s
        .day_samples
        .iter()
        .map(|d| d[Metric::ServiceLevel as usize] * 100.0)
        .filter(|x| x.is_finite())
        .collect();
    v.sort_by(f64::total_cmp);
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

/// Draws the chart on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let n = r.scenarios.len();
    let samples: Vec<Vec<f64>> = r.scenarios.iter().map(days).collect();
    let lowest = samples
        .iter()
        .flatten()
        .copied()
        .chain(
            r.scenarios
                .iter()
                .filter_map(|s| target_of(s, Metric::ServiceLevel).map(|t| t.0 * 100.0)),
        )
        .fold(100.0f64, f64::min);
    let y0 = ((lowest - 5.0) / 10.0).floor().max(0.0) * 10.0;
    let within = r
        .scenarios
        .first()
        .map_or(20.0, |s| s.targets.service_level_within_s);

    let area = root.margin(10, 0, 10, 10).titled(
        &format!("Service level of each simulated day (answered within {within} s)"),
        (FONT, 32),
    )?;
    let (w, _) = area.dim_in_pixel();
    let slot_px = (w as f64 - 120.0) / n.max(1) as f64 - 8.0;
    let all: Vec<_> = r.scenarios.iter().map(super::common::name).collect();
    let (names, size) = super::common::fit_names(&area, &all, slot_px, (19, 15));
    let style = TextStyle::from((FONT, size).into_font());
    let captions: Vec<Vec<String>> = r
        .scenarios
        .iter()
        .zip(&samples)
        .zip(names)
        .map(|((s, v), mut l)| {
            l.push(
                match (
                    target_of(s, Metric::ServiceLevel),
                    share_of_days_below_target(s),
                ) {
                    (Some((t, _)), Some(p)) => {
                        // One decimal: "0 %" for 1 day in 200 would read as "never".
                        format!("P(day SL < {:.0} %) = {:.1} %", t * 100.0, p * 100.0)
                    }
                    _ => "no SL target".into(),
                },
            );
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
            if let Some((t, _)) = target_of(s, Metric::ServiceLevel) {
                let below = v.iter().filter(|x| **x < t * 100.0).count();
                l.push(format!("({below} of {} days)", v.len()));
            }
            l
        })
        .collect();
    let lines = captions.iter().map(Vec::len).max().unwrap_or(1) as u32;
    let line_h = size as i32 + 4;
    let mut chart = ChartBuilder::on(&area)
        .caption(
            "dot = one day, box = middle half of the days, thick line = median, red dashes = target",
            (FONT, 20),
        )
        .margin(16)
        .x_label_area_size(lines * line_h as u32 + 20)
        .y_label_area_size(80)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), y0..101.0)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_desc("Service level of the day (%)")
        .y_label_formatter(&tick(100.0 - y0))
        .label_style((FONT, 18))
        .axis_desc_style((FONT, 20))
        .light_line_style(WHITE)
        .bold_line_style(BLACK.mix(0.12))
        .draw()?;

    for (i, v) in samples.iter().enumerate() {
        let x = i as f64;
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
        if let Some((t, _)) = target_of(&r.scenarios[i], Metric::ServiceLevel) {
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

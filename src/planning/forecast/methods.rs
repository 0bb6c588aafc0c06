//! The candidate methods. Each learns from the days of a type's history before `n` (only
//! the days marked used: open, not a holiday) and gives expected contacts per interval for
//! the `horizon` days after. Seasonal naive repeats each weekday's latest day as it was,
//! interval by interval; the others forecast daily totals and spread them over the day by
//! the weekday's own intraday shape (Monday's morning peak is not Saturday's).

use augurs_core::{Fit, Predict};
use augurs_ets::AutoETS;
use augurs_mstl::MSTLModel;

use crate::fit::clock::weekday;

use super::history::TypeHistory;

/// Same-weekday days each weekday's intraday shape is averaged over.
pub const SHAPE_WEEKS: usize = 8;
/// Same-weekday days the weekday mean averages.
pub const MEAN_WEEKS: usize = 4;
/// Weeks of history the trend regression and the decomposition learn from, at most.
pub const TREND_WEEKS: usize = 26;

/// A forecasting method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Each interval as on the same weekday a week before (the latest such open day).
    SeasonalNaive,
    /// Each weekday's mean total over its last [`MEAN_WEEKS`] open days, no trend.
    WeekdayMean,
    /// A level per weekday and one growth rate for all, by least squares on the logarithm
    /// of daily totals (a trend-adjusted seasonal weekday average).
    WeekdayTrend,
    /// Daily totals decomposed into a weekly season and a trend (MSTL), the trend carried
    /// on by exponential smoothing (augurs).
    MstlEts,
}

impl Method {
    /// Every candidate, seasonal naive first.
    pub const ALL: [Method; 4] = [
        Method::SeasonalNaive,
        Method::WeekdayMean,
        Method::WeekdayTrend,
        Method::MstlEts,
    ];

    /// Its name in backtest.csv and the outputs.
    pub fn key(self) -> &'static str {
        match self {
            Method::SeasonalNaive => "seasonal_naive",
            Method::WeekdayMean => "weekday_mean",
            Method::WeekdayTrend => "weekday_trend",
            Method::MstlEts => "mstl_ets",
        }
    }

    /// Expected contacts per interval for the `horizon` days after day `n` of `t`
    /// (day 0 is `first`), learnt from the days before `n` marked in `used`; `None` when
    /// the method cannot be fitted on these data.
    pub fn forecast(
        self,
        t: &TypeHistory,
        used: &[bool],
        n: usize,
        first: i64,
        horizon: usize,
    ) -> Option<Vec<Vec<f64>>> {
        let wd = |d: usize| weekday(first + d as i64);
        if self == Method::SeasonalNaive {
            let slots = t.days.first().map_or(0, Vec::len);
            return Some(
                (n..n + horizon)
                    .map(|d| {
                        (1..=(n + horizon) / 7 + 1)
                            .map(|k| d as i64 - 7 * k as i64)
                            .take_while(|&j| j >= 0)
                            .map(|j| j as usize)
                            .find(|&j| j < n && used[j])
                            .map_or_else(|| vec![0.0; slots], |j| t.days[j].clone())
                    })
                    .collect(),
            );
        }
        let totals: Vec<f64> = (0..n).map(|d| t.total(d)).collect();
        let daily = match self {
            Method::WeekdayMean => weekday_mean(&totals, used, n, &wd, horizon),
            Method::WeekdayTrend => weekday_trend(&totals, used, n, &wd)?.predict(n, horizon, &wd),
            Method::MstlEts => mstl(&totals, used, n, &wd, horizon)?,
            Method::SeasonalNaive => unreachable!("returned above"),
        };
        let shapes = shapes(t, used, n, &wd);
        Some(
            daily
                .iter()
                .enumerate()
                .map(|(k, &total)| {
                    let s = &shapes[wd(n + k)];
                    s.iter().map(|p| p * total.max(0.0)).collect()
                })
                .collect(),
        )
    }
}

/// The latest used days before `n` of weekday `w`, newest first.
fn latest<'a>(
    used: &'a [bool],
    n: usize,
    w: usize,
    wd: &'a impl Fn(usize) -> usize,
) -> impl Iterator<Item = usize> + 'a {
    (0..n).rev().filter(move |&d| used[d] && wd(d) == w)
}

/// Each weekday's share of its day per interval, over its last [`SHAPE_WEEKS`] used days.
fn shapes(t: &TypeHistory, used: &[bool], n: usize, wd: &impl Fn(usize) -> usize) -> Vec<Vec<f64>> {
    let slots = t.days.first().map_or(0, Vec::len);
    (0..7)
        .map(|w| {
            let mut sum = vec![0.0; slots];
            for d in latest(used, n, w, wd).take(SHAPE_WEEKS) {
                sum.iter_mut().zip(&t.days[d]).for_each(|(a, c)| *a += c);
            }
            let total: f64 = sum.iter().sum();
            if total > 0.0 {
                sum.iter_mut().for_each(|a| *a /= total);
            }
            sum
        })
        .collect()
}

fn weekday_mean(
    totals: &[f64],
    used: &[bool],
    n: usize,
    wd: &impl Fn(usize) -> usize,
    horizon: usize,
) -> Vec<f64> {
    let level: Vec<f64> = (0..7)
        .map(|w| {
            let xs: Vec<f64> = latest(used, n, w, wd)
                .take(MEAN_WEEKS)
                .map(|d| totals[d])
                .collect();
            if xs.is_empty() {
                0.0
            } else {
                xs.iter().sum::<f64>() / xs.len() as f64
            }
        })
        .collect();
    (n..n + horizon).map(|d| level[wd(d)]).collect()
}

/// log(total) = level of the weekday + slope × day, fitted by least squares.
#[derive(Debug, Clone)]
pub struct WeekdayTrend {
    /// Intercept per weekday (`None`: no used day of that weekday).
    level: [Option<f64>; 7],
    /// Growth per day, in log units.
    pub slope: f64,
}

impl WeekdayTrend {
    /// Daily totals for the `horizon` days after `n`.
    pub fn predict(&self, n: usize, horizon: usize, wd: &impl Fn(usize) -> usize) -> Vec<f64> {
        (n..n + horizon).map(|d| self.at(d, wd)).collect()
    }

    /// The fitted total of day `d`.
    pub fn at(&self, d: usize, wd: &impl Fn(usize) -> usize) -> f64 {
        self.level[wd(d)].map_or(0.0, |a| (a + self.slope * d as f64).exp())
    }
}

/// The weekday-trend regression over the last [`TREND_WEEKS`] weeks before `n`.
pub fn weekday_trend(
    totals: &[f64],
    used: &[bool],
    n: usize,
    wd: &impl Fn(usize) -> usize,
) -> Option<WeekdayTrend> {
    let from = n.saturating_sub(7 * TREND_WEEKS);
    let days: Vec<usize> = (from..n).filter(|&d| used[d] && totals[d] > 0.0).collect();
    if days.len() < 7 {
        return None;
    }
    let mut groups: [Vec<(f64, f64)>; 7] = Default::default();
    for &d in &days {
        groups[wd(d)].push((d as f64, totals[d].ln()));
    }
    let means: [Option<(f64, f64)>; 7] = std::array::from_fn(|w| {
        let g = &groups[w];
        (!g.is_empty()).then(|| {
            let k = g.len() as f64;
            (
                g.iter().map(|p| p.0).sum::<f64>() / k,
                g.iter().map(|p| p.1).sum::<f64>() / k,
            )
        })
    });
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for w in 0..7 {
        if let Some((mt, ml)) = means[w] {
            for &(t, l) in &groups[w] {
                sxy += (t - mt) * (l - ml);
                sxx += (t - mt) * (t - mt);
            }
        }
    }
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    Some(WeekdayTrend {
        level: std::array::from_fn(|w| means[w].map(|(mt, ml)| ml - slope * mt)),
        slope,
    })
}

/// MSTL with a weekly season, the trend by AutoETS; holidays filled with the weekday
/// trend's value first (the decomposition needs every day).
fn mstl(
    totals: &[f64],
    used: &[bool],
    n: usize,
    wd: &impl Fn(usize) -> usize,
    horizon: usize,
) -> Option<Vec<f64>> {
    let from = n.saturating_sub(7 * TREND_WEEKS);
    if n - from < 21 {
        return None;
    }
    let fill = weekday_trend(totals, used, n, wd)?;
    let closed: [bool; 7] = std::array::from_fn(|w| (from..n).all(|d| wd(d) != w || !used[d]));
    let y: Vec<f64> = (from..n)
        .map(|d| {
            if used[d] || closed[wd(d)] {
                if used[d] {
                    totals[d]
                } else {
                    0.0
                }
            } else {
                fill.at(d, wd)
            }
        })
        .collect();
    let trend = AutoETS::non_seasonal().into_trend_model();
    let fitted = MSTLModel::new(vec![7], trend).fit(&y).ok()?;
    let f = fitted.predict(horizon, None).ok()?;
    let out: Vec<f64> = f.point.iter().map(|x| x.max(0.0)).collect();
    out.iter().all(|x| x.is_finite()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Day 0 is a Monday.
    fn wd(d: usize) -> usize {
        d % 7
    }

    #[test]
    fn the_weekday_trend_recovers_levels_and_growth_from_exact_data() {
        let levels = [100.0, 80.0, 80.0, 70.0, 60.0, 20.0, 0.0];
        let growth: f64 = 0.01;
        let totals: Vec<f64> = (0..70)
            .map(|d| levels[wd(d)] * (growth * d as f64).exp())
            .collect();
        let used: Vec<bool> = totals.iter().map(|&t| t > 0.0).collect();
        let m = weekday_trend(&totals, &used, 70, &wd).unwrap();
        assert!((m.slope - growth).abs() < 1e-12);
        let next = m.predict(70, 7, &wd);
        for (k, f) in next.iter().enumerate() {
            let truth = levels[wd(70 + k)] * (growth * (70 + k) as f64).exp();
            assert!((f - truth).abs() < 1e-9, "day {k}: {f} vs {truth}");
        }
    }

    #[test]
    fn seasonal_naive_repeats_the_latest_open_same_weekday_interval_by_interval() {
        let days: Vec<Vec<f64>> = (0..21).map(|d| vec![d as f64, 2.0 * d as f64]).collect();
        let t = TypeHistory {
            name: String::new(),
            days,
            aht_s: None,
        };
        let mut used = vec![true; 21];
        // Day 16 (a Wednesday) was a holiday: the Wednesday before stands in.
        used[16] = false;
        let f = Method::SeasonalNaive.forecast(&t, &used, 21, 0, 9).unwrap();
        assert_eq!(f[0], vec![14.0, 28.0]);
        assert_eq!(f[2], vec![9.0, 18.0]);
        assert_eq!(f[7], vec![14.0, 28.0]);
    }

    #[test]
    fn daily_methods_spread_the_day_by_its_weekdays_own_shape() {
        // Mondays peak early, every other day late.
        let days: Vec<Vec<f64>> = (0..35)
            .map(|d| {
                if wd(d) == 0 {
                    vec![30.0, 10.0]
                } else {
                    vec![10.0, 30.0]
                }
            })
            .collect();
        let t = TypeHistory {
            name: String::new(),
            days,
            aht_s: None,
        };
        let used = vec![true; 35];
        let f = Method::WeekdayMean.forecast(&t, &used, 35, 0, 2).unwrap();
        assert_eq!(f[0], vec![30.0, 10.0]);
        assert_eq!(f[1], vec![10.0, 30.0]);
    }
}

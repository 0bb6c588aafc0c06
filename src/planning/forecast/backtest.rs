//! Choosing the method: every candidate is refitted on the history without its last weeks
//! and scored on them (at two origins a holdout apart when the history is long enough,
//! so one odd fortnight does not decide), by WAPE on daily totals and on intervals. The
//! same errors give the spread of the days around the forecast beyond Poisson, which sets
//! the prediction interval.

use super::calendar::OpenDays;
use super::history::TypeHistory;
use super::methods::Method;

/// Fewest days of history to learn from before a backtest origin.
pub const MIN_TRAIN_DAYS: usize = 28;

/// Backtest origins, a week apart: one odd fortnight does not decide the method, and the
/// band's day spread is measured on more days.
pub const ORIGINS: usize = 4;

/// One candidate's score.
#[derive(Debug, Clone)]
pub struct Score {
    /// The method.
    pub method: Method,
    /// Days ahead scored after each origin.
    pub days_ahead: usize,
    /// Σ |actual − forecast| ÷ Σ actual over daily totals.
    pub wape_day: f64,
    /// The same over every interval.
    pub wape_interval: f64,
    /// The days' relative variance around the forecast beyond Poisson:
    /// mean of ((actual − forecast)² − forecast) ÷ forecast², at least 0.
    pub day_cv2: f64,
}

impl Score {
    /// What the choice minimises: both WAPEs, equally weighted.
    pub fn loss(&self) -> f64 {
        self.wape_day + self.wape_interval
    }
}

/// The backtest plan for a history of `len` days: days ahead and origins.
pub fn plan(len: usize) -> Option<(usize, Vec<usize>)> {
    let ahead = if len >= MIN_TRAIN_DAYS + 14 { 14 } else { 7 };
    if len < MIN_TRAIN_DAYS + ahead {
        return None;
    }
    let origins = (0..ORIGINS)
        .map(|k| len - ahead - 7 * k)
        .take_while(|&n| n >= MIN_TRAIN_DAYS)
        .collect();
    Some((ahead, origins))
}

/// Scores every candidate on `t` (day 0 is `first`); methods that cannot be fitted are
/// left out.
pub fn scores(t: &TypeHistory, open: &OpenDays, first: i64, len: usize) -> Vec<Score> {
    let Some((ahead, origins)) = plan(len) else {
        return Vec::new();
    };
    Method::ALL
        .iter()
        .filter_map(|&m| {
            let (mut err_d, mut err_i, mut sum, mut cv2, mut days) = (0.0, 0.0, 0.0, 0.0, 0);
            for &n in &origins {
                let f = m.forecast(t, &open.used, n, first, ahead)?;
                for (k, fd) in f.iter().enumerate() {
                    let d = n + k;
                    if !open.used[d] {
                        continue;
                    }
                    let actual = &t.days[d];
                    let (y, yhat): (f64, f64) = (actual.iter().sum(), fd.iter().sum());
                    err_d += (y - yhat).abs();
                    err_i += actual
                        .iter()
                        .zip(fd)
                        .map(|(a, b)| (a - b).abs())
                        .sum::<f64>();
                    sum += y;
                    if yhat > 0.0 {
                        cv2 += ((y - yhat).powi(2) - yhat) / (yhat * yhat);
                        days += 1;
                    }
                }
            }
            (sum > 0.0).then(|| Score {
                method: m,
                days_ahead: ahead,
                wape_day: err_d / sum,
                wape_interval: err_i / sum,
                day_cv2: if days > 0 {
                    (cv2 / f64::from(days)).max(0.0)
                } else {
                    0.0
                },
            })
        })
        .collect()
}

/// The best-scoring candidate (seasonal naive when nothing could be scored).
pub fn best(scores: &[Score]) -> Option<&Score> {
    scores.iter().min_by(|a, b| a.loss().total_cmp(&b.loss()))
}

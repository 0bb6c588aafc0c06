//! Volumes from the counts per day and interval: the mean per interval over the days
//! in the data (Student-t interval), the day-to-day variability beyond Poisson as the
//! scenario's `day_cv` (docs/model.md: CV² = (Var(N) − E(N)) ÷ E(N)² of daily totals,
//! floored at 0, with a χ² interval on the variance), and the factor of each weekday.

use statrs::distribution::{ChiSquared, ContinuousCDF, FisherSnedecor, StudentsT};

use super::calls::TypeData;
use super::clock::weekday;

/// A value with its 95 % interval (`NaN` bounds when the data cannot give one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The estimate.
    pub value: f64,
    /// Lower bound of the 95 % interval.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// The volumes of one contact type.
#[derive(Debug, Clone)]
pub struct Volumes {
    /// Expected contacts per interval, from the opening interval.
    pub per_interval: Vec<Estimate>,
    /// Smallest and largest count seen per interval over the days (for the chart).
    pub range: Vec<(u32, u32)>,
    /// Days in the data.
    pub days: usize,
    /// Contacts per day: mean and interval.
    pub per_day: Estimate,
    /// CV of the day factor.
    pub day_cv: Estimate,
    /// Factor of each weekday (Monday first) with the days behind it; `None` for a
    /// weekday not in the data.
    pub weekday_factors: [Option<(f64, usize)>; 7],
    /// Whether the weekdays differ (one-way analysis of variance of the daily totals, 5 %).
    pub weekdays_differ: bool,
    /// The analysis of variance's p-value (1 when it cannot be made).
    pub weekdays_p: f64,
    /// When the weekdays differ clearly (p below [`DAY_TYPES_P`]): each weekday's total over the Monday-to-Friday mean
    /// (Monday first; 0 for a weekday closed over two weeks or more of data). The
    /// volumes, per-day total and day_cv are then those of Monday to Friday, day_cv around
    /// each weekday's own level.
    pub day_factors: Option<[f64; 7]>,
}

/// Mean and sample variance.
fn mean_var(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    let v = xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0);
    (m, v)
}

/// Mean of `xs` with its Student-t 95 % interval.
fn t_interval(xs: &[f64]) -> Estimate {
    let (m, v) = mean_var(xs);
    if xs.len() < 2 {
        return Estimate {
            value: m,
            low: f64::NAN,
            high: f64::NAN,
        };
    }
    let n = xs.len() as f64;
    let t = StudentsT::new(0.0, 1.0, n - 1.0).map_or(f64::NAN, |d| d.inverse_cdf(0.975));
    let h = t * (v / n).sqrt();
    Estimate {
        value: m,
        low: (m - h).max(0.0),
        high: m + h,
    }
}

/// CV² beyond Poisson of daily totals: (Var − mean) ÷ mean², floored at 0, as a CV.
fn cv_beyond_poisson(var: f64, mean: f64) -> f64 {
    ((var - mean) / (mean * mean)).max(0.0).sqrt()
}

/// The p-value below which the weekdays are fitted apart: strict, so that days alike
/// (p below 5 % one time in twenty) keep one averaged day; real weekday differences, a
/// closed Sunday or a short Saturday, are far beyond it.
pub const DAY_TYPES_P: f64 = 0.001;

/// The volumes of `d` over `days`, for slots `open..close` (inclusive): one averaged day
/// when the weekdays do not differ, else Monday to Friday with a factor per weekday.
pub fn estimate(d: &TypeData, days: &[i64], open: usize, close: usize) -> Volumes {
    let all = estimate_over(d, days, open, close);
    if all.weekdays_p >= DAY_TYPES_P || all.weekdays_p.is_nan() {
        return all;
    }
    let weekdays: Vec<i64> = days.iter().copied().filter(|&x| weekday(x) < 5).collect();
    if weekdays.len() < 2 || weekdays.len() == days.len() {
        return all;
    }
    let mut v = estimate_over(d, &weekdays, open, close);
    let base = v.per_day.value;
    if base <= 0.0 {
        return all;
    }
    let span = days.last().unwrap_or(&0) - days.first().unwrap_or(&0) + 1;
    let factors: [f64; 7] = std::array::from_fn(|w| match all.weekday_factors[w] {
        Some((f, _)) => f * all.per_day.value / base,
        None if span >= 14 => 0.0,
        None => 1.0,
    });
    v.day_cv = day_cv_within(d, &weekdays, open, close, &factors, base);
    v.weekday_factors = all
        .weekday_factors
        .map(|f| f.map(|(x, n)| (x * all.per_day.value / base, n)));
    v.weekdays_differ = true;
    v.day_factors = Some(factors);
    v
}

/// day_cv of `days` around each weekday's own level (`factors` × `mean`): the totals
/// divided by their weekday's factor vary by the day factor and by Poisson, whose share
/// (mean ÷ factor) is taken out.
fn day_cv_within(
    d: &TypeData,
    days: &[i64],
    open: usize,
    close: usize,
    factors: &[f64; 7],
    mean: f64,
) -> Estimate {
    let none = Estimate {
        value: 0.0,
        low: f64::NAN,
        high: f64::NAN,
    };
    let (xs, poisson): (Vec<f64>, Vec<f64>) = days
        .iter()
        .filter_map(|&day| {
            let f = factors[weekday(day)];
            let total: f64 = d
                .days
                .get(&day)
                .map_or(0.0, |v| v[open..=close].iter().map(|&c| f64::from(c)).sum());
            (f > 0.0).then(|| (total / f, mean / f))
        })
        .unzip();
    let n = xs.len();
    if n < 2 {
        return none;
    }
    let (m, v) = mean_var(&xs);
    let offset = poisson.iter().sum::<f64>() / n as f64 - m;
    let df = (n - 1) as f64;
    let chi = ChiSquared::new(df).ok();
    let bound = |p: f64| {
        chi.map_or(f64::NAN, |c| {
            cv_beyond_poisson(df * v / c.inverse_cdf(p) - offset, m)
        })
    };
    Estimate {
        value: cv_beyond_poisson(v - offset, m),
        low: bound(0.975),
        high: bound(0.025),
    }
}

fn estimate_over(d: &TypeData, days: &[i64], open: usize, close: usize) -> Volumes {
    let width = close + 1 - open;
    let zeros = vec![0u32; close + 1];
    let rows: Vec<&[u32]> = days
        .iter()
        .map(|day| d.days.get(day).map_or(&zeros[..], |v| &v[..]))
        .collect();
    let per_interval: Vec<Estimate> = (open..=close)
        .map(|s| t_interval(&rows.iter().map(|r| f64::from(r[s])).collect::<Vec<_>>()))
        .collect();
    let range = (open..=close)
        .map(|s| {
            let it = rows.iter().map(|r| r[s]);
            (it.clone().min().unwrap_or(0), it.max().unwrap_or(0))
        })
        .collect();
    let totals: Vec<f64> = rows
        .iter()
        .map(|r| r[open..open + width].iter().map(|&c| f64::from(c)).sum())
        .collect();
    let per_day = t_interval(&totals);
    let n = totals.len();
    let day_cv = if n < 2 || per_day.value <= 0.0 {
        Estimate {
            value: 0.0,
            low: f64::NAN,
            high: f64::NAN,
        }
    } else {
        let (m, v) = mean_var(&totals);
        let df = (n - 1) as f64;
        let chi = ChiSquared::new(df).ok();
        let bound = |p: f64| {
            chi.map_or(f64::NAN, |c| {
                cv_beyond_poisson(df * v / c.inverse_cdf(p), m)
            })
        };
        Estimate {
            value: cv_beyond_poisson(v, m),
            low: bound(0.975),
            high: bound(0.025),
        }
    };
    let (weekday_factors, weekdays_p) = weekdays(days, &totals, per_day.value);
    let weekdays_differ = weekdays_p < 0.05;
    Volumes {
        per_interval,
        range,
        days: n,
        per_day,
        day_cv,
        weekday_factors,
        weekdays_differ,
        weekdays_p,
        day_factors: None,
    }
}

/// Each weekday's mean total over the overall mean, and the p-value of their differing.
fn weekdays(days: &[i64], totals: &[f64], mean: f64) -> ([Option<(f64, usize)>; 7], f64) {
    let mut groups: [Vec<f64>; 7] = Default::default();
    for (day, t) in days.iter().zip(totals) {
        groups[weekday(*day)].push(*t);
    }
    let factors = groups.each_ref().map(|g| {
        (!g.is_empty() && mean > 0.0)
            .then(|| (g.iter().sum::<f64>() / g.len() as f64 / mean, g.len()))
    });
    // One-way analysis of variance: between-weekday against within-weekday variance.
    let present: Vec<&Vec<f64>> = groups.iter().filter(|g| !g.is_empty()).collect();
    let (k, n) = (present.len(), totals.len());
    if k < 2 || n <= k {
        return (factors, 1.0);
    }
    let grand = totals.iter().sum::<f64>() / n as f64;
    let (mut between, mut within) = (0.0, 0.0);
    for g in &present {
        let m = g.iter().sum::<f64>() / g.len() as f64;
        between += g.len() as f64 * (m - grand).powi(2);
        within += g.iter().map(|x| (x - m).powi(2)).sum::<f64>();
    }
    let (df1, df2) = ((k - 1) as f64, (n - k) as f64);
    let p = if within <= 0.0 {
        if between > 0.0 {
            0.0
        } else {
            1.0
        }
    } else {
        let f = (between / df1) / (within / df2);
        FisherSnedecor::new(df1, df2).map_or(1.0, |d| d.sf(f))
    };
    (factors, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_cv_is_zero_for_poisson_like_totals_and_grows_with_spread() {
        assert_eq!(cv_beyond_poisson(100.0, 100.0), 0.0);
        assert_eq!(cv_beyond_poisson(50.0, 100.0), 0.0);
        // Var = mean + (0.1 mean)²: CV 0.1.
        assert!((cv_beyond_poisson(1000.0 + 10_000.0, 1000.0) - 0.1).abs() < 1e-12);
    }
}

//! `ccsim forecast` on histories whose truth is known: generated here with fixed seeds
//! (weekday levels and intraday shapes that differ by weekday, a short Saturday, closed
//! Sundays, a holiday, growth, day-to-day noise, Poisson counts), then scored on the
//! two weeks that follow, which the forecast never saw.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use ccsim::fit::clock::{civil_from_days, parse_date, weekday};
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Gamma, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::common::{assert_success, bin};

/// Weeks of history, then weeks scored.
const WEEKS: i64 = 12;
const AHEAD_WEEKS: i64 = 2;
/// Day-to-day noise of the truth (gamma, this CV) and growth per day.
const DAY_CV: f64 = 0.05;
const GROWTH: f64 = 0.003;

fn monday() -> i64 {
    parse_date("2026-01-05").unwrap()
}

/// The closed weekday holiday in the history (a Wednesday).
fn holiday() -> i64 {
    monday() + 7 * 6 + 2
}

/// Mean daily total and intraday shape (first half-hour, weights) of weekday `w`;
/// `None` on Sunday (closed).
fn truth(w: usize) -> Option<(f64, usize, Vec<f64>)> {
    if w == 6 {
        return None;
    }
    let level = [1200.0, 1000.0, 950.0, 950.0, 900.0, 350.0][w];
    let bump = |x: f64, at: f64, width: f64| (-((x - at) / width).powi(2)).exp();
    if w == 5 {
        let s = (0..10)
            .map(|i| if (2..6).contains(&i) { 1.4 } else { 1.0 })
            .collect();
        return Some((level, 18, s));
    }
    let s = (0..24)
        .map(|i| {
            let x = f64::from(i);
            match w {
                0 => 1.0 + 2.0 * bump(x, 3.0, 2.5) + 0.6 * bump(x, 12.0, 3.0),
                4 => 1.0 + bump(x, 5.0, 3.0) + 0.2 * bump(x, 12.0, 3.0) - 0.02 * x,
                _ => 1.0 + bump(x, 6.0, 3.0) + 0.8 * bump(x, 12.0, 3.0),
            }
        })
        .collect();
    Some((level, 16, s))
}

/// Counts per (day, half-hour from midnight) of `weeks` weeks from [`monday`].
fn generate(seed: u64, weeks: i64) -> BTreeMap<(i64, usize), u64> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let noise = Gamma::new(1.0 / (DAY_CV * DAY_CV), DAY_CV * DAY_CV).unwrap();
    let mut out = BTreeMap::new();
    for d in 0..7 * weeks {
        let day = monday() + d;
        let Some((level, open, shape)) = truth(weekday(day)) else {
            continue;
        };
        if day == holiday() {
            continue;
        }
        let mean = level * (1.0 + GROWTH * d as f64) * noise.sample(&mut rng);
        let sum: f64 = shape.iter().sum();
        for (i, s) in shape.iter().enumerate() {
            let n = Poisson::new(mean * s / sum).unwrap().sample(&mut rng) as u64;
            out.insert((day, open + i), n);
        }
    }
    out
}

fn clock(slot: usize) -> String {
    format!("{:02}:{:02}", slot / 2, slot % 2 * 30)
}

/// An interval report of the counts before day `until`.
fn report(counts: &BTreeMap<(i64, usize), u64>, until: i64) -> String {
    let mut o = String::from("date,interval,type,volume\n");
    for (&(day, slot), n) in counts.range(..(until, 0)) {
        let _ = writeln!(o, "{},{},,{n}", civil_from_days(day), clock(slot));
    }
    o
}

/// forecast.csv rows: (date, start) → (volume, low, high), after checking the header
/// and that every number is finite, ≥ 0 and low ≤ volume ≤ high.
fn read_forecast(path: &Path) -> BTreeMap<(String, String, String), (f64, f64, f64)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("date,start,type,volume,low,high"));
    lines
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            assert_eq!(c.len(), 6, "{l}");
            let x: Vec<f64> = c[3..].iter().map(|v| v.parse().unwrap()).collect();
            assert!(x.iter().all(|v| v.is_finite() && *v >= 0.0), "{l}");
            assert!(x[1] <= x[0] + 1e-9 && x[0] <= x[2] + 1e-9, "{l}");
            ((c[0].into(), c[1].into(), c[2].into()), (x[0], x[1], x[2]))
        })
        .collect()
}

fn run_forecast(history: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    std::process::Command::new(bin())
        .arg("forecast")
        .arg(history)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

/// The seeds the accuracy is pooled over: two weeks of one history are 12 open days, too
/// few for a daily WAPE to tell two methods apart reliably on their own.
const SEEDS: [u64; 5] = [11, 12, 13, 14, 15];

#[test]
fn the_forecast_beats_seasonal_naive_and_its_band_covers_its_share() {
    let (mut ours_d, mut naive_d, mut ours_i, mut naive_i, mut total) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let (mut covered, mut intervals) = (0u32, 0u32);
    for seed in SEEDS {
        let dir = tempfile::tempdir().unwrap();
        let counts = generate(seed, WEEKS + AHEAD_WEEKS);
        let until = monday() + 7 * WEEKS;
        let hist = dir.path().join("history.csv");
        std::fs::write(&hist, report(&counts, until)).unwrap();
        let out = dir.path().join("out");
        let r = run_forecast(
            &hist,
            &out,
            &["--days", "14", "--start", &civil_from_days(until)],
        );
        assert_success(&r);
        let f = read_forecast(&out.join("forecast.csv"));
        let mut days: BTreeMap<i64, (f64, f64, f64)> = BTreeMap::new();
        for (&(day, slot), &n) in counts.range((until, 0)..) {
            let y = n as f64;
            let key = (civil_from_days(day), clock(slot), String::new());
            let &(v, lo, hi) = f.get(&key).unwrap_or_else(|| panic!("no row {key:?}"));
            // Seasonal naive: the same weekday a week before (the latest open one).
            let naive = (1..)
                .map(|k| day - 7 * k)
                .take_while(|&d| d >= monday())
                .find(|&d| d < until && d != holiday())
                .map_or(0.0, |d| counts.get(&(d, slot)).copied().unwrap_or(0) as f64);
            let e = days.entry(day).or_default();
            *e = (e.0 + y, e.1 + v, e.2 + naive);
            ours_i += (y - v).abs();
            naive_i += (y - naive).abs();
            total += y;
            covered += u32::from(lo <= y && y <= hi);
            intervals += 1;
        }
        for (y, v, n) in days.values() {
            ours_d += (y - v).abs();
            naive_d += (y - n).abs();
        }
    }
    let (wd, nd, wi, ni) = (
        ours_d / total,
        naive_d / total,
        ours_i / total,
        naive_i / total,
    );
    let coverage = f64::from(covered) / f64::from(intervals);
    eprintln!(
        "WAPE per day {wd:.4} (seasonal naive {nd:.4}), per interval {wi:.4} (seasonal naive {ni:.4}); 80 % band covers {coverage:.3} of {intervals}"
    );
    assert!(
        wd <= 0.9 * nd,
        "daily WAPE {wd} is not 10 % below seasonal naive's {nd}"
    );
    assert!(
        wi < ni,
        "interval WAPE {wi} is not below seasonal naive's {ni}"
    );
    // The binomial 99.9 % interval around the nominal 80 % for this many intervals.
    let half = 3.29 * (0.8 * 0.2 / f64::from(intervals)).sqrt();
    assert!(
        (coverage - 0.8).abs() <= half,
        "the 80 % band covers {coverage}, outside 0.8 ± {half}"
    );
}

#[test]
fn closed_days_are_closed_and_the_outputs_are_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    let until = monday() + 7 * WEEKS;
    let hist = dir.path().join("history.csv");
    std::fs::write(&hist, report(&generate(3, WEEKS), until)).unwrap();
    let out = dir.path().join("out");
    let closed = civil_from_days(until + 4); // a Friday
    let r = run_forecast(&hist, &out, &["--days", "14", "--closed", &closed]);
    assert_success(&r);
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert!(
        stdout.contains(&civil_from_days(holiday())),
        "the holiday is named: {stdout}"
    );
    let f = read_forecast(&out.join("forecast.csv"));
    // The last day with data is a Saturday: the forecast starts on the Sunday after.
    let start = until - 1;
    let dates: BTreeSet<String> = f.keys().map(|k| k.0.clone()).collect();
    let expected: BTreeSet<String> = (0..14).map(|k| civil_from_days(start + k)).collect();
    assert_eq!(dates, expected);
    let per_date = |d: &str| f.iter().filter(|(k, _)| k.0 == d).count();
    assert!(
        dates.iter().all(|d| per_date(d) == 24),
        "every date has the whole grid"
    );
    for ((date, start, _), (v, _, hi)) in &f {
        let day = parse_date(date).unwrap();
        if weekday(day) == 6 || *date == closed {
            assert_eq!((*v, *hi), (0.0, 0.0), "{date} {start} is closed");
        } else if weekday(day) == 5 && (start.as_str() < "09:00" || start.as_str() >= "14:00") {
            assert_eq!(*v, 0.0, "Saturday {start} is outside its hours");
        }
    }
    let backtest = std::fs::read_to_string(out.join("backtest.csv")).unwrap();
    let mut lines = backtest.lines();
    assert_eq!(
        lines.next(),
        Some("type,method,days_ahead,wape_day,wape_interval,chosen")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().any(|r| r[1] == "seasonal_naive"));
    assert_eq!(rows.iter().filter(|r| r[5] == "yes").count(), 1);
    for r in &rows {
        let w: f64 = r[3].parse().unwrap();
        assert!(w.is_finite() && w > 0.0 && r[2] == "14", "{r:?}");
    }
    let toml = std::fs::read_to_string(out.join("scenario.toml")).unwrap();
    let v: toml::Value = toml::from_str(&toml).unwrap();
    assert_eq!(
        v["simulation"]["start_date"].as_str(),
        Some(civil_from_days(start).as_str())
    );
    assert_eq!(v["simulation"]["days"].as_integer(), Some(14));
    assert_eq!(v["simulation"]["open"].as_str(), Some("08:00"));
    let hours = &v["calendar"]["hours"];
    assert_eq!(hours["mon"].as_str(), Some("08:00-20:00"));
    assert_eq!(hours["sat"].as_str(), Some("09:00-14:00"));
    assert_eq!(hours["sun"].as_str(), Some("closed"));
    assert_eq!(v["calendar"]["closed"][0].as_str(), Some(closed.as_str()));
    assert_eq!(v["arrivals"]["forecast"].as_str(), Some("forecast.csv"));
    for chart in ["forecast-chart.png", "forecast-chart.svg"] {
        assert!(
            std::fs::metadata(out.join(chart)).unwrap().len() > 1000,
            "{chart}"
        );
    }
}

/// A contact export of `weeks` weeks: voice on weekdays 08:00–18:00 and a short Saturday,
/// email around the clock every day, with outcomes and durations.
fn contact_export(weeks: i64) -> String {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
    let mut o = String::from("arrival,type,outcome,wait_s,talk_s,wrap_s\n");
    for d in 0..7 * weeks {
        let day = monday() + d;
        let w = weekday(day);
        let mut rows: Vec<(f64, &str)> = Vec::new();
        let (open, close, n) = match w {
            6 => (0.0, 0.0, 0),
            5 => (9.0, 13.0, 30),
            _ => (8.0, 18.0, 120 - 10 * w),
        };
        for _ in 0..n {
            rows.push((open + rng.random::<f64>() * (close - open), "voice"));
        }
        for _ in 0..25 {
            rows.push((rng.random::<f64>() * 24.0, "email"));
        }
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (h, kind) in rows {
            let s = (h * 3600.0) as u32;
            let at = format!(
                "{}T{:02}:{:02}:{:02}",
                civil_from_days(day),
                s / 3600,
                s / 60 % 60,
                s % 60
            );
            let wait = rng.random::<f64>() * 60.0;
            if kind == "voice" && rng.random::<f64>() < 0.1 {
                let _ = writeln!(o, "{at},{kind},abandoned,{wait:.1},,");
            } else {
                let talk = 120.0 + rng.random::<f64>() * 300.0;
                let _ = writeln!(o, "{at},{kind},answered,{wait:.1},{talk:.1},20");
            }
        }
    }
    o
}

#[test]
fn a_contact_export_gives_a_centre_with_fitted_handle_times() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls.csv");
    std::fs::write(&calls, contact_export(6)).unwrap();
    let out = dir.path().join("out");
    let r = run_forecast(&calls, &out, &["--days", "7", "--no-chart"]);
    assert_success(&r);
    let v: toml::Value =
        toml::from_str(&std::fs::read_to_string(out.join("scenario.toml")).unwrap()).unwrap();
    let types = v["types"].as_array().unwrap();
    let by_name = |n: &str| {
        types
            .iter()
            .find(|t| t["name"].as_str() == Some(n))
            .unwrap()
    };
    let (email, voice) = (by_name("email"), by_name("voice"));
    assert_eq!(email["channel"].as_str(), Some("email"));
    assert_eq!(voice["channel"].as_str(), Some("voice"));
    assert!(email.get("patience").is_none(), "email has no patience");
    assert!(voice["patience"]["time"]["mean_s"].as_float().unwrap() > 0.0);
    let mean = voice["handling"]["time"]["mean_s"].as_float().unwrap();
    assert!((mean - 270.0).abs() < 15.0, "handle time fitted: {mean}");
    assert_eq!(voice["arrivals"]["forecast"].as_str(), Some("forecast.csv"));
    // Hours come from voice: email arriving at night does not open the centre at night.
    assert_eq!(v["calendar"]["hours"]["mon"].as_str(), Some("08:00-18:00"));
    assert_eq!(v["calendar"]["hours"]["sun"].as_str(), Some("closed"));
    let f = read_forecast(&out.join("forecast.csv"));
    assert!(f.keys().any(|k| k.2 == "email") && f.keys().any(|k| k.2 == "voice"));
}

/// Needs the dated scenario fields (`start_date`, `[calendar]`, `forecast`) that `ccsim run`
/// reads: the written scenario must run as it is.
#[test]
fn the_written_scenario_runs() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls.csv");
    std::fs::write(&calls, contact_export(6)).unwrap();
    let out = dir.path().join("out");
    assert_success(&run_forecast(&calls, &out, &["--days", "7", "--no-chart"]));
    let run = std::process::Command::new(bin())
        .args(["run", "--replications", "5"])
        .arg(out.join("scenario.toml"))
        .output()
        .unwrap();
    assert_success(&run);
}

#[test]
fn bad_history_is_refused_with_file_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let hist = dir.path().join("history.csv");
    std::fs::write(
        &hist,
        "date,interval,volume\n2026-01-05,08:00,3\n2026-13-05,08:30,4\n",
    )
    .unwrap();
    let r = run_forecast(&hist, &out, &["--days", "7", "--strict"]);
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(!r.status.success());
    assert!(
        err.contains("history.csv, line 3, column `date`") && err.contains("calendar date"),
        "{err}"
    );
    std::fs::write(&hist, "when,how_many\n1,2\n").unwrap();
    let err =
        String::from_utf8_lossy(&run_forecast(&hist, &out, &["--days", "7"]).stderr).into_owned();
    assert!(
        err.contains("history.csv, line 1") && err.contains("interval report"),
        "{err}"
    );
    std::fs::write(&hist, "date,interval,volume\n2026-01-05,08:00,-3\n").unwrap();
    let err =
        String::from_utf8_lossy(&run_forecast(&hist, &out, &["--days", "7", "--strict"]).stderr)
            .into_owned();
    assert!(
        err.contains("column `volume`") && err.contains("negative"),
        "{err}"
    );
    // Too short a history to check any method on.
    std::fs::write(&hist, report(&generate(1, 3), monday() + 21)).unwrap();
    let err =
        String::from_utf8_lossy(&run_forecast(&hist, &out, &["--days", "7"]).stderr).into_owned();
    assert!(err.contains("at least 35"), "{err}");
    let err = String::from_utf8_lossy(
        &run_forecast(&hist, &out, &["--days", "7", "--start", "2026-01-06"]).stderr,
    )
    .into_owned();
    assert!(err.contains("--start 2026-01-06"), "{err}");
    assert!(!out.exists(), "nothing written after a refusal");
}

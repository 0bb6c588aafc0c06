//! `[arrivals] forecast = "forecast.csv"`: volumes per date and interval from a file made
//! elsewhere. A run reproduces each date's volumes; a date missing from the file is an
//! error naming it.

use crate::common::ccsim;
use ccsim::metrics::Metric;
use ccsim::report::ScenarioReport;
use ccsim::runner::run_scenario;
use ccsim::scenario::Scenario;

const SCENARIO: &str = r#"
[simulation]
replications = 60
seed = 11
interval_minutes = 60
open = "08:00"
days = 3
start_date = "2027-03-01"
[arrivals]
forecast = "forecast.csv"
[handling]
time = { dist = "exponential", mean_s = 200 }
[staffing]
agents = 12
"#;

/// Each date's volumes per interval: different levels and shapes by day; the 10:00 row
/// of the second day is left out (it expects 0).
fn forecast_csv() -> (String, [[f64; 3]; 3]) {
    let volumes = [[40.0, 80.0, 20.0], [90.0, 30.0, 0.0], [10.0, 10.0, 300.0]];
    let mut csv = String::from("date,start,type,volume,low,high\n");
    for (d, day) in volumes.iter().enumerate() {
        for (i, v) in day.iter().enumerate() {
            if d == 1 && i == 2 {
                continue;
            }
            let _ = std::fmt::Write::write_fmt(
                &mut csv,
                format_args!(
                    "2027-03-0{},{:02}:00,,{v},{},{}\n",
                    d + 1,
                    8 + i,
                    v * 0.8,
                    v * 1.2
                ),
            );
        }
    }
    (csv, volumes)
}

fn write(dir: &std::path::Path, csv: &str) -> std::path::PathBuf {
    let file = dir.join("week.toml");
    std::fs::write(&file, SCENARIO).unwrap();
    std::fs::write(dir.join("forecast.csv"), csv).unwrap();
    file
}

#[test]
fn a_forecast_file_gives_each_date_its_own_volumes() {
    let dir = tempfile::tempdir().unwrap();
    let (csv, volumes) = forecast_csv();
    let s = Scenario::load(&write(dir.path(), &csv)).unwrap();
    let r = ScenarioReport::new(&s, &run_scenario(&s, &|_| {}));
    let days = r.dated_days.as_ref().unwrap();
    for (day, expected) in days.iter().zip(volumes) {
        let offered = day.metrics.get(Metric::Offered);
        let total: f64 = expected.iter().sum();
        assert!(
            (offered.mean - total).abs() <= 4.0 * offered.half_width,
            "{}: {offered:?} against {total}",
            day.date
        );
    }
    // The day's interval shape follows the file too: the whole run's mean per interval.
    for (i, iv) in r.intervals.iter().enumerate() {
        let mean = volumes.iter().map(|d| d[i]).sum::<f64>() / 3.0;
        let e = iv.metrics.get(Metric::Offered);
        assert!(
            (e.mean - mean).abs() <= 4.0 * e.half_width,
            "{i}: {e:?} against {mean}"
        );
    }
}

#[test]
fn a_date_missing_from_the_forecast_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (csv, _) = forecast_csv();
    let without: String = csv
        .lines()
        .filter(|l| !l.starts_with("2027-03-02"))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = write(dir.path(), &without);
    let out = ccsim(["check", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("week.toml:10: `arrivals.forecast`"), "{err}");
    assert!(err.contains("has no row for 2027-03-02"), "{err}");
}

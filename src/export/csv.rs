//! CSV summaries: one row per scenario with `KEY` and `KEY_half_width` per metric, the
//! columns taken from the one metric list in `metrics.rs`. Names and file paths are
//! written as they are: the `csv` writer quotes any field holding a comma, a quote or a
//! line break, so every reader gets the exact text back (`tests/escaping.rs`).

use crate::error::{Error, Result};
use crate::metrics::METRICS;
use crate::report::Report;

const LEADING: [&str; 5] = ["scenario", "file", "replications", "seed", "days"];

fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

/// The summary CSV: one row per scenario.
pub fn summary(report: &Report) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = LEADING.iter().map(|s| s.to_string()).collect();
    for m in METRICS {
        header.push(m.key.to_string());
        header.push(format!("{}_half_width", m.key));
    }
    w.write_record(&header).map_err(csv_error)?;
    for s in &report.scenarios {
        let mut row = vec![
            s.name.clone(),
            s.file.clone(),
            s.replications.to_string(),
            s.seed.to_string(),
            s.days.to_string(),
        ];
        for e in &s.metrics.0 {
            row.push(number(e.mean));
            row.push(number(e.half_width));
        }
        w.write_record(&row).map_err(csv_error)?;
    }
    w.into_inner()
        .map_err(|e| Error::Other(format!("cannot write CSV: {e}")))
}

/// The per-interval CSV: one row per scenario × interval.
pub fn intervals(report: &Report) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "scenario",
        "interval",
        "start",
        "volume",
        "paid_agents",
        "productive_agents",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for m in METRICS {
        header.push(m.key.to_string());
        header.push(format!("{}_half_width", m.key));
    }
    w.write_record(&header).map_err(csv_error)?;
    for s in &report.scenarios {
        for (i, iv) in s.intervals.iter().enumerate() {
            let mut row = vec![
                s.name.clone(),
                i.to_string(),
                iv.start.clone(),
                number(iv.volume),
                iv.paid_agents.to_string(),
                iv.productive_agents.to_string(),
            ];
            for e in &iv.metrics.0 {
                row.push(number(e.mean));
                row.push(number(e.half_width));
            }
            w.write_record(&row).map_err(csv_error)?;
        }
    }
    w.into_inner()
        .map_err(|e| Error::Other(format!("cannot write CSV: {e}")))
}

fn csv_error(e: csv::Error) -> Error {
    Error::Other(format!("cannot write CSV: {e}"))
}

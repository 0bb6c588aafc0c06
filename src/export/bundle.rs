//! The whole set of outputs of a study, written into one folder: `summary.csv`,
//! `summary.json` (with paired comparisons when there is a baseline), `intervals.csv`,
//! every chart as PNG and SVG, and `report.md` last, which links them all. Both
//! `ccsim batch` and `ccsim run --out` call [`write`]; [`prepare_dir`] is called before
//! simulating so a bad folder fails at once.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::write_atomic;
use crate::chart;
use crate::compare::{compare, Comparison};
use crate::error::{Error, Result};
use crate::report::Report;

/// A report and how its scenarios relate: which is the baseline, how the seed was chosen.
#[derive(Debug, Clone)]
pub struct Study<'a> {
    /// The simulated scenarios.
    pub report: &'a Report,
    /// Index of the baseline scenario in `report.scenarios`, if any.
    pub baseline: Option<usize>,
    /// Where the seed shared by every scenario came from (`"--seed"`, `"the seed of
    /// baseline.toml"`); `None` when each scenario kept its own.
    pub seed_source: Option<String>,
    /// Every other scenario against the baseline (empty without a baseline).
    pub comparisons: Vec<Comparison>,
}

impl<'a> Study<'a> {
    /// A study of `report`, comparing every scenario with the baseline when there is one.
    pub fn new(report: &'a Report, baseline: Option<usize>, seed_source: Option<String>) -> Self {
        let comparisons = match baseline.and_then(|b| report.scenarios.get(b)) {
            Some(b) => report
                .scenarios
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != baseline)
                .map(|(_, s)| compare(s, b))
                .collect(),
            None => Vec::new(),
        };
        Study {
            report,
            baseline,
            seed_source,
            comparisons,
        }
    }

    /// The baseline scenario's name.
    pub fn baseline_name(&self) -> Option<&str> {
        self.baseline
            .and_then(|b| self.report.scenarios.get(b))
            .map(|s| s.name.as_str())
    }
}

/// `summary.json`: the JSON report of SCENARIO.md, plus `baseline` and `comparisons`.
#[derive(Serialize)]
struct StudyJson<'a> {
    #[serde(flatten)]
    report: &'a Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    common_seed_from: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Comparison]>::is_empty")]
    comparisons: &'a [Comparison],
}

/// The bytes of `summary.json`.
pub fn json(study: &Study) -> Result<Vec<u8>> {
    let doc = StudyJson {
        report: study.report,
        baseline: study.baseline_name(),
        common_seed_from: study.seed_source.as_deref(),
        comparisons: &study.comparisons,
    };
    let mut bytes = serde_json::to_vec_pretty(&doc)
        .map_err(|e| Error::Other(format!("cannot serialise the report: {e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Makes sure `dir` can take the outputs: creates it when missing, fails when it is a
/// file or cannot be written. Call it before simulating.
pub fn prepare_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Other(format!(
            "{}: exists and is not a folder; give --out a folder",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let probe = dir.join(format!(".ccsim-probe.{}.tmp", std::process::id()));
    std::fs::write(&probe, b"").map_err(|e| Error::io(dir, e))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Writes every output of `study` into `dir` (which [`prepare_dir`] accepted), each file
/// atomically, `report.md` last. Returns the paths written, in order.
pub fn write(dir: &Path, study: &Study) -> Result<Vec<PathBuf>> {
    let report = study.report;
    let charts = chart::charts(report);
    // Charts take the longest: draw them all before anything lands in the folder.
    let rendered = charts
        .par_iter()
        .map(|c| c.render(report))
        .collect::<Result<Vec<_>>>()?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("summary.csv".into(), super::csv::summary(report)?),
        ("summary.json".into(), json(study)?),
        ("intervals.csv".into(), super::csv::intervals(report)?),
    ];
    for (c, r) in charts.iter().zip(rendered) {
        files.push((format!("{}.png", c.stem), r.png));
        files.push((format!("{}.svg", c.stem), r.svg));
    }
    files.push((
        "report.md".into(),
        super::markdown::report(study).into_bytes(),
    ));
    let mut written = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let path = dir.join(name);
        write_atomic(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

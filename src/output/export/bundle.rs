//! The whole set of outputs of a study, written into one folder: `summary.csv`,
//! `summary.json` (with paired comparisons and the ranking), `intervals.csv`,
//! `differences.csv` (paired differences and ROI; the header alone without a baseline),
//! `groups.csv` (when a centre is in the study), every chart as PNG and SVG, `report.html`
//! (the report as one page with the charts inline) and `report.md` last, which links them
//! all. Both
//! `ccsim batch` and `ccsim run --out` call [`write`]; [`prepare_dir`] is called before
//! simulating so a bad folder fails at once.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::{check_existing, check_file_name, Output, Target};
use crate::chart::{self, Outline};
use crate::compare::Comparison;
use crate::error::{Error, Result};
use crate::ranking::Ranking;
use crate::report::Report;
use crate::study::Study;

/// `summary.json`: the JSON report (docs/outputs.md), plus `baseline` and `comparisons`.
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
    #[serde(skip_serializing_if = "Option::is_none")]
    ranking: Option<&'a Ranking>,
}

/// The bytes of `summary.json`.
pub fn json(study: &Study) -> Result<Vec<u8>> {
    let doc = StudyJson {
        report: study.report,
        baseline: study.baseline_name(),
        common_seed_from: study.seed_source.as_deref(),
        comparisons: &study.comparisons,
        ranking: study.ranking.as_ref(),
    };
    let mut bytes = serde_json::to_vec_pretty(&doc)
        .map_err(|e| Error::Other(format!("cannot serialise the report: {e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}

pub use super::study_dir::MANIFEST;

/// The paired differences and ROI against the baseline (the header alone without one).
pub const DIFFERENCES_CSV: &str = "differences.csv";

/// The agent groups of every centre in a study (written only when it has a centre).
pub const GROUPS_CSV: &str = "groups.csv";

/// The name of every file a study of scenarios with these outlines writes, `report.md`
/// last.
pub fn file_names(outlines: &[Outline]) -> Vec<String> {
    let mut files: Vec<String> = vec![
        "summary.csv".into(),
        "summary.json".into(),
        "intervals.csv".into(),
        DIFFERENCES_CSV.into(),
    ];
    if outlines.iter().any(|o| o.groups) {
        files.push(GROUPS_CSV.into());
    }
    for c in chart::charts_for(outlines) {
        files.push(format!("{}.png", c.stem));
        files.push(format!("{}.svg", c.stem));
    }
    files.push(REPORT_HTML.into());
    files.push("report.md".into());
    files
}

/// The study as one self-contained web page, rendered from `report.md`.
pub const REPORT_HTML: &str = "report.html";

/// The files a study writes into `dir` (its manifest too), as outputs of `--out`, to
/// check against the inputs and the other outputs before simulating.
pub fn outputs(dir: &Path, outlines: &[Outline]) -> Vec<Output> {
    file_names(outlines)
        .into_iter()
        .chain([MANIFEST.to_string()])
        .map(|name| {
            let path = dir.join(&name);
            Output::new(format!("--out (its {name})"), Target::File(path))
        })
        .collect()
}

/// Makes sure `dir` can take the outputs of a study of scenarios with these outlines: creates
/// it when missing, fails when it is a file, cannot be written, a file name would be
/// refused (too long for the file system, or with `dir`, too long a path) or a file
/// there may not be replaced or was not written by a study. Call it before simulating, so that a study is written whole
/// or not at all; it returns the paths [`write`] will write.
pub fn prepare_dir(dir: &Path, outlines: &[Outline]) -> Result<Vec<PathBuf>> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Other(format!(
            "{}: exists and is not a folder; give --out a folder",
            dir.display()
        )));
    }
    let paths: Vec<PathBuf> = file_names(outlines).iter().map(|n| dir.join(n)).collect();
    for p in paths.iter().chain([&dir.join(MANIFEST)]) {
        check_file_name(p)?;
        if p.is_dir() {
            return Err(Error::Other(format!(
                "{}: is a folder where the study writes a file; move it away",
                p.display()
            )));
        }
        check_existing(p)?;
    }
    super::study_dir::check_owned(dir, &file_names(outlines))?;
    let created = first_missing(dir);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let longest = paths
        .iter()
        .filter_map(|p| p.file_name())
        .max_by_key(|n| n.len())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Err(e) = super::study_dir::probe_staged(dir, longest.len()) {
        // Leave no empty folder behind for a study that was never written.
        if let Some(top) = created {
            let mut d = dir.to_path_buf();
            while std::fs::remove_dir(&d).is_ok() && d != top && d.pop() {}
        }
        return Err(Error::Other(format!(
            "{}: cannot take a file named {longest} ({} bytes): {e}",
            dir.display(),
            longest.len()
        )));
    }
    Ok(paths)
}

/// The outermost folder of `dir` that does not exist yet (what creating `dir` adds).
fn first_missing(dir: &Path) -> Option<PathBuf> {
    let mut missing = None;
    let mut d = Some(dir);
    while let Some(p) = d.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        missing = Some(p.to_path_buf());
        d = p.parent();
    }
    missing
}

/// Writes every output of `study` into `dir` (which [`prepare_dir`] accepted), whole or
/// not at all (see [`super::study_dir`]); then removes what an earlier study wrote there
/// and this one did not (as listed in [`MANIFEST`]). Returns the paths written, in order.
pub fn write(dir: &Path, study: &Study) -> Result<Vec<PathBuf>> {
    let report = study.report;
    let charts = chart::charts(report);
    // Charts take the longest: draw them all before anything lands in the folder.
    let rendered = charts
        .par_iter()
        .map(|c| c.render(report))
        .collect::<Result<Vec<_>>>()?;
    let md = super::markdown::report(study);
    let svgs: Vec<super::html::ChartSvg> = charts
        .iter()
        .zip(&rendered)
        .map(|(c, r)| (c.stem.as_str(), r.svg.as_slice()))
        .collect();
    let html = super::html::report(&md, &svgs);
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("summary.csv".into(), super::csv::summary(report)?),
        ("summary.json".into(), json(study)?),
        ("intervals.csv".into(), super::csv::intervals(report)?),
        (
            DIFFERENCES_CSV.into(),
            super::csv::differences(report, &study.comparisons)?,
        ),
    ];
    if report.scenarios.iter().any(|s| s.groups.is_some()) {
        files.push((GROUPS_CSV.into(), super::csv::groups(report)?));
    }
    for (c, r) in charts.iter().zip(rendered) {
        files.push((format!("{}.png", c.stem), r.png));
        files.push((format!("{}.svg", c.stem), r.svg));
    }
    files.push((REPORT_HTML.into(), html.into_bytes()));
    files.push(("report.md".into(), md.into_bytes()));
    super::study_dir::write_all(dir, &files)
}

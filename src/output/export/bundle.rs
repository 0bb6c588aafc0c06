//! The whole set of outputs of a study, written into one folder: `summary.csv`,
//! `summary.json` (with paired comparisons and the ranking), `intervals.csv`,
//! `differences.csv` (paired differences and ROI; the header alone without a baseline),
//! `groups.csv` (when a centre is in the study), `study.xlsx` (the same figures as a
//! workbook), every chart as PNG and SVG, `report.html` (the report as one page with the
//! charts inline) and `report.md` last, which links them all. `ccsim batch`, `run --out`
//! and `merge --out` name them with [`file_names`] before simulating and make them with
//! [`files`] after.

use rayon::prelude::*;
use serde::Serialize;

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
    files.push(super::xlsx::STUDY_XLSX.into());
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

/// Every file of `study`'s folder (name, bytes), in [`file_names`]' order, for
/// [`super::Outputs`] to write whole or not at all.
pub fn files(study: &Study) -> Result<Vec<(String, Vec<u8>)>> {
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
    files.push((
        super::xlsx::STUDY_XLSX.into(),
        super::xlsx::workbook(report, &study.comparisons)?,
    ));
    for (c, r) in charts.iter().zip(rendered) {
        files.push((format!("{}.png", c.stem), r.png));
        files.push((format!("{}.svg", c.stem), r.svg));
    }
    files.push((REPORT_HTML.into(), html.into_bytes()));
    files.push(("report.md".into(), md.into_bytes()));
    Ok(files)
}

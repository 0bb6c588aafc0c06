//! `ccsim sweep [FILE] --vary KEY=VALUES [--vary KEY=VALUES]`: one run per point of the
//! grid (see [`crate::sweep`]). Every point is loaded and validated, and every output
//! checked, before the first replication; files are written before anything is printed.

use std::path::{Path, PathBuf};

use crate::chart::{sweep_charts, SweepData};
use crate::cli::SimulationArgs;
use crate::error::{Error, Result};
use crate::export::sweep::KEY_METRICS;
use crate::export::{self, Contents, Outputs};
use crate::overrides;
use crate::progress;
use crate::report::Report;
use crate::runner::with_threads;
use crate::scenario::Scenario;
use crate::sweep::{self, Lever, Point};
use crate::terminal;

/// Options of `ccsim sweep`.
#[derive(Debug, clap::Args)]
pub struct SweepArgs {
    /// The scenario file; none = the embedded default scenario.
    pub file: Option<PathBuf>,
    /// A lever and its values: KEY=V1,V2,... or KEY=FROM..TO[:STEP] (give once or
    /// twice); a signed agents range (staffing.agents=-3..+3) is an offset on every interval.
    #[arg(long, value_name = "KEY=VALUES", required = true, value_parser = sweep::parse_vary)]
    pub vary: Vec<Lever>,
    /// Replications, seed, threads and --set overrides (applied before the lever).
    #[command(flatten)]
    pub simulation: SimulationArgs,
    /// Write the JSON report (one scenario per point) to PATH ("-" = stdout).
    #[arg(long, value_name = "PATH|-")]
    pub json: Option<String>,
    /// Write the summary CSV (one row per point) to PATH ("-" = stdout).
    #[arg(long, value_name = "PATH|-")]
    pub csv: Option<String>,
    /// Write sweep.json, sweep.csv, report.md, report.html and the charts into DIR (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// The files `--out DIR` writes, `report.md` last.
fn out_files(levers: usize) -> Vec<String> {
    let mut names = vec!["sweep.json".to_string(), "sweep.csv".to_string()];
    for c in sweep_charts(levers) {
        names.push(format!("{}.png", c.stem));
        names.push(format!("{}.svg", c.stem));
    }
    names.push("report.html".into());
    names.push("report.md".into());
    names
}

/// Loads every point's scenario: the file with the `--set` overrides, then the point's
/// levers, then `-n` and `--seed`, exactly as `ccsim run FILE --set ...` would.
pub fn point_scenarios(
    source: &str,
    path: &Path,
    sim: &SimulationArgs,
    points: &[Point],
) -> Result<Vec<Scenario>> {
    points
        .iter()
        .map(|p| {
            let mut sets = sim.set.clone();
            sets.extend(p.sets());
            let (mut s, _) = overrides::load_source(source, path, &sets)?;
            if let Some(r) = sim.replications {
                s.simulation.replications = r;
                s.check_run_size()
                    .map_err(|e| Error::Usage(format!("-n {r}: {e}")))?;
            }
            if let Some(seed) = sim.seed {
                s.simulation.seed = seed;
            }
            Ok(s)
        })
        .collect()
}

/// A bar over every replication of the sweep, with the point being simulated and the
/// Runs the `sweep` command.
pub fn run(args: &SweepArgs) -> Result<()> {
    let levers = &args.vary;
    if levers.len() > 2 {
        return Err(Error::Usage(format!(
            "--vary is given {} times; a sweep has one or two levers",
            levers.len()
        )));
    }
    if levers.len() == 2 && levers[0].key == levers[1].key {
        return Err(Error::Usage(format!(
            "--vary {} is given twice; vary two different keys",
            levers[0].key
        )));
    }
    let points = sweep::points(levers);
    if points.len() > sweep::MAX_POINTS {
        return Err(Error::Usage(format!(
            "the grid has {} points; at most {}",
            points.len(),
            sweep::MAX_POINTS
        )));
    }
    let (source, path) = overrides::read_source(args.file.as_deref())?;
    let sim = &args.simulation;
    let scenarios = point_scenarios(&source, &path, sim, &points)?;

    crate::commands::configure_memory(sim.max_memory, sim.threads, &scenarios, false)?;
    let files = out_files(levers.len());
    let inputs: Vec<PathBuf> = args.file.iter().cloned().collect();
    let mut outputs = Outputs::new(&inputs);
    outputs.file("--json", args.json.as_deref());
    outputs.file("--csv", args.csv.as_deref());
    outputs.folder(args.out.as_deref(), files.clone());
    outputs.check()?;

    let precision = sim.precision();
    crate::plan::check_precision(&scenarios, precision.as_ref())?;
    let report = simulate(
        &scenarios,
        &points,
        sim.threads.map(usize::from),
        precision.as_ref(),
    );
    let mut contents = Contents::default();
    if outputs.wants("--json") {
        contents.add("--json", export::json::to_json(&report)?);
    }
    if outputs.wants("--csv") {
        contents.add("--csv", export::csv::summary(&report)?);
    }
    let name = scenarios.first().map_or(String::new(), |s| s.name.clone());
    if outputs.folder_dir().is_some() {
        contents.folder(dir_files(&report, &name, levers, &points)?);
    }
    outputs.write(contents)?;
    if outputs.to_stdout() {
        return Ok(());
    }
    let mut text = crate::export::sweep::table(&report, levers, &points);
    text.push_str(&super::describe_report(&report));
    if let Some(dir) = &args.out {
        text.push_str(&format!(
            "Wrote {} files into {}; start with {} in a browser (or {})\n",
            files.len(),
            dir.display(),
            dir.join("report.html").display(),
            dir.join("report.md").display()
        ));
    }
    terminal::print(&text)
}

/// Simulates every point in grid order and names each scenario of the report by its point.
pub fn simulate(
    scenarios: &[Scenario],
    points: &[Point],
    threads: Option<usize>,
    precision: Option<&crate::precision::Precision>,
) -> Report {
    let bar =
        progress::simulation_bar(scenarios.iter().map(|s| (s, s.simulation.replications)), "");
    let n = points.len();
    let reports = with_threads(threads, || {
        scenarios
            .iter()
            .zip(points)
            .enumerate()
            .map(|(k, (s, p))| {
                bar.set_message(format!("point {}/{n}", k + 1));
                let mut r = crate::plan::simulate_one(s, precision, &|n| bar.inc(n));
                r.name = p.name();
                r.point = Some(p.json());
                r
            })
            .collect()
    });
    bar.finish_and_clear();
    Report::new(reports)
}

/// Every file of `--out` (name, bytes), in [`out_files`]' order: charts drawn first,
/// then `report.html` and `report.md`.
fn dir_files(
    report: &Report,
    name: &str,
    levers: &[Lever],
    points: &[Point],
) -> Result<Vec<(String, Vec<u8>)>> {
    let data = SweepData {
        report,
        levers: levers
            .iter()
            .map(|l| (l.key.clone(), l.values.clone()))
            .collect(),
        metrics: KEY_METRICS.to_vec(),
    };
    let charts = sweep_charts(levers.len());
    let rendered = charts
        .iter()
        .map(|c| c.render(&data))
        .collect::<Result<Vec<_>>>()?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("sweep.json".into(), export::json::to_json(report)?),
        ("sweep.csv".into(), export::csv::summary(report)?),
    ];
    for (c, r) in charts.iter().zip(&rendered) {
        files.push((format!("{}.png", c.stem), r.png.clone()));
        files.push((format!("{}.svg", c.stem), r.svg.clone()));
    }
    let titles: Vec<(String, String)> = charts
        .iter()
        .map(|c| (c.stem.clone(), c.title.clone()))
        .collect();
    let md = crate::export::sweep::markdown(report, name, levers, points, &titles);
    let svgs: Vec<export::html::ChartSvg> = charts
        .iter()
        .zip(&rendered)
        .map(|(c, r)| (c.stem.as_str(), r.svg.as_slice()))
        .collect();
    files.push((
        "report.html".into(),
        export::html::report(&md, &svgs).into_bytes(),
    ));
    files.push(("report.md".into(), md.into_bytes()));
    Ok(files)
}

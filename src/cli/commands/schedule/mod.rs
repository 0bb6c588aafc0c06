//! `ccsim schedule FILE [--out PLAN.toml]`: the cheapest roster of `[rostering]` shifts
//! that meets the `[targets]` in every interval when simulated (see
//! [`crate::staffing::roster`]). Prints the roster's paid hours beside the per-interval
//! plan's and the integer program's bound, the shifts, and the coverage by interval;
//! writes PLAN.toml (the input with `shifts` as its staffing), the coverage chart (and a
//! chart per group of a centre) and the coverage per interval as CSV.
//! Outputs are checked before the work and written before the report is printed; a
//! roster that still misses a target is an error (exit status 1), written only with
//! `--allow-misses`.

mod agents;
mod render;
mod toml;
mod week_report;

use std::path::{Path, PathBuf};

pub use render::render_schedule;
pub use toml::roster_toml;

use crate::chart::coverage::{self, Coverage};
use crate::error::{Error, Result};
use crate::export::{check_outputs, Output, Target};
use crate::limits;
use crate::runner::with_threads;
use crate::scenario::Scenario;
use crate::staffing::roster::{self, MipOptions, Schedule, ScheduleOptions};
use crate::staffing::{self, Options};
use crate::terminal;

/// Options of `ccsim schedule`.
#[derive(Debug, clap::Args)]
pub struct ScheduleArgs {
    /// The scenario to roster: a file with [targets] and [rostering] (a centre of several
    /// groups with [[rostering.contracts]]).
    pub file: PathBuf,
    /// Write the scenario with the roster as its [staffing] shifts to this file (only
    /// when the roster meets every target, unless --allow-misses).
    #[arg(long, value_name = "PLAN.toml")]
    pub out: Option<PathBuf>,
    /// Write every agent's week to this CSV (a row per agent and working day); needs
    /// [[rostering.contracts]].
    #[arg(long, value_name = "AGENTS.csv")]
    pub agents: Option<PathBuf>,
    /// Write the coverage chart (coverage.png, coverage.svg) into DIR; by default beside
    /// --out as PLAN-coverage.png and .svg.
    #[arg(long, value_name = "DIR")]
    pub charts: Option<PathBuf>,
    /// Write over- and under-coverage per group, day and interval to this CSV; by
    /// default beside --out as PLAN-coverage.csv.
    #[arg(long, value_name = "FILE")]
    pub coverage: Option<PathBuf>,
    /// Write the roster with --out even when it misses targets; the exit status is 1.
    #[arg(long, requires = "out")]
    pub allow_misses: bool,
    /// Replications per candidate in the requirement search (default: a quarter of the
    /// file's within 40 to 60, at most the file's).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(2..=i64::from(limits::MAX_REPLICATIONS)))]
    pub search_replications: Option<u32>,
    /// Most simulations of the requirement search, per planning day.
    #[arg(long, value_name = "N", default_value_t = staffing::DEFAULT_MAX_SIMULATIONS)]
    pub max_simulations: usize,
    /// Most repair simulations per planning day.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub max_repairs: usize,
    /// Stop the integer program once within this relative gap of its bound.
    #[arg(long, value_name = "SHARE", default_value_t = 0.0, value_parser = gap)]
    pub mip_gap: f64,
    /// Stop the integer program after this many branch-and-bound nodes per day with its
    /// best roster (microlp; a budget independent of the machine's speed). Default:
    /// 20000 per day; 2000 for the tour program over a week of contracts.
    #[arg(long, value_name = "N")]
    pub mip_nodes: Option<u64>,
    /// Stop the integer program after this many seconds per day with its best roster
    /// (a safety net: a roster cut short by time may differ between machines).
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = seconds)]
    pub mip_seconds: f64,
    /// Worker threads (default: all cores); never changes results.
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Memory the replications in flight may take (see `run --max-memory`).
    #[arg(long, value_name = "SIZE", value_parser = crate::memory::parse_bytes)]
    pub max_memory: Option<u64>,
}

fn gap(s: &str) -> std::result::Result<f64, String> {
    let v: f64 = s
        .parse()
        .map_err(|_| format!("expected a share, found {s}"))?;
    (0.0..=1.0)
        .contains(&v)
        .then_some(v)
        .ok_or_else(|| format!("expected a share in [0, 1], found {s}"))
}

fn seconds(s: &str) -> std::result::Result<f64, String> {
    let v: f64 = s
        .parse()
        .map_err(|_| format!("expected seconds, found {s}"))?;
    (v > 0.0 && v <= 86_400.0)
        .then_some(v)
        .ok_or_else(|| format!("expected seconds above 0 to 86400, found {s}"))
}

/// The coverage chart's two files.
fn chart_paths(args: &ScheduleArgs) -> Option<(PathBuf, PathBuf)> {
    if let Some(dir) = &args.charts {
        return Some((dir.join("coverage.png"), dir.join("coverage.svg")));
    }
    let out = args.out.as_ref()?;
    let stem = out.file_stem()?.to_string_lossy().into_owned();
    let beside = |ext: &str| out.with_file_name(format!("{stem}-coverage.{ext}"));
    Some((beside("png"), beside("svg")))
}

/// Runs the command.
pub fn run(args: &ScheduleArgs) -> Result<()> {
    let file = &args.file;
    let source = std::fs::read_to_string(file).map_err(|e| {
        Error::Scenario(crate::scenario::ScenarioError {
            file: file.clone(),
            field: String::new(),
            line: None,
            message: format!("cannot read the scenario file: {e}"),
        })
    })?;
    let scenario = Scenario::from_toml(&source, file)?;
    let out = args.out.as_ref().map(|p| Target::File(p.clone()));
    let charts = chart_paths(args);
    let mut outputs = Vec::new();
    if let Some(o) = &out {
        outputs.push(Output::new("--out", o.clone()));
    }
    if let Some((png, svg)) = &charts {
        if let Some(dir) = &args.charts {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::Other(format!("cannot create {}: {e}", dir.display())))?;
        }
        outputs.push(Output::new("coverage chart", Target::File(png.clone())));
        outputs.push(Output::new("coverage chart", Target::File(svg.clone())));
    }
    let group_charts =
        week_report::group_chart_paths(&scenario, args.charts.as_deref(), args.out.as_deref());
    for (png, svg) in &group_charts {
        outputs.push(Output::new(
            "group coverage chart",
            Target::File(png.clone()),
        ));
        outputs.push(Output::new(
            "group coverage chart",
            Target::File(svg.clone()),
        ));
    }
    let coverage_csv =
        week_report::coverage_csv_path(args.coverage.as_deref(), args.out.as_deref());
    if let Some(c) = &coverage_csv {
        outputs.push(Output::new("--coverage", Target::File(c.clone())));
    }
    let contracts = scenario
        .rostering
        .as_ref()
        .is_some_and(|r| !r.contracts.is_empty());
    if let Some(a) = &args.agents {
        if !contracts {
            return Err(Error::Other(format!(
                "{}: --agents writes agents' weeks, which need [[rostering.contracts]] in the file",
                file.display()
            )));
        }
        outputs.push(Output::new("--agents", Target::File(a.clone())));
    }
    check_outputs(std::slice::from_ref(file), &outputs)?;
    for o in &outputs {
        o.target.check_writable()?;
    }
    if out.is_some() {
        // Fail before the work if the file cannot be rewritten.
        roster_toml(&source, file, &scenario, &[], None)?;
    }
    let opts = ScheduleOptions {
        staff: Options {
            search_replications: args.search_replications,
            max_simulations: Some(args.max_simulations),
            ..Options::default()
        },
        mip: MipOptions {
            gap: args.mip_gap,
            nodes: args.mip_nodes.unwrap_or(if contracts {
                roster::tours::DEFAULT_NODES
            } else {
                roster::mip::DEFAULT_NODES
            }),
            seconds: args.mip_seconds,
        },
        max_repairs: args.max_repairs,
    };
    crate::commands::configure_memory(args.max_memory, args.threads, [&scenario], false)?;
    let bar = crate::progress::spinner();
    let name = crate::escape::one_line(&scenario.name);
    let report = |p: &str| bar.set_message(format!("{name}: {p}"));
    let started = std::time::Instant::now();
    let found = with_threads(args.threads.map(usize::from), || {
        roster::schedule(&scenario, &opts, &report)
    });
    bar.finish_and_clear();
    let schedule = found.map_err(Error::Other)?;
    let mut text = render_schedule(&scenario, &schedule, started.elapsed().as_secs_f64());
    let misses = schedule
        .days
        .iter()
        .map(|d| d.eval.missed().len())
        .sum::<usize>();
    // Files first, so a reader closing standard output early loses nothing on disk.
    if let Some((png, svg)) = &charts {
        let drawn = coverage::render(&coverage_of(&scenario, &schedule))?;
        Target::File(png.clone()).write(&drawn.png)?;
        Target::File(svg.clone()).write(&drawn.svg)?;
        text.push_str(&format!(
            "coverage chart written to {} and {}\n",
            png.display(),
            svg.display()
        ));
    }
    for (g, (png, svg)) in group_charts.iter().enumerate() {
        if let Some(c) = week_report::group_chart(&scenario, &schedule, g) {
            let drawn = coverage::render(&c)?;
            Target::File(png.clone()).write(&drawn.png)?;
            Target::File(svg.clone()).write(&drawn.svg)?;
            text.push_str(&format!(
                "group {} coverage chart written to {} and {}\n",
                crate::escape::one_line(&scenario.groups[g].name),
                png.display(),
                svg.display()
            ));
        }
    }
    if let Some(c) = &coverage_csv {
        if let Some(csv) = week_report::coverage_csv(&scenario, &schedule) {
            Target::File(c.clone()).write(csv.as_bytes())?;
            text.push_str(&format!(
                "coverage per interval written to {}\n",
                c.display()
            ));
        }
    }
    if let Some(a) = args.agents.as_ref().filter(|_| !schedule.weeks.is_empty()) {
        if misses == 0 || args.allow_misses {
            let csv = agents::agents_csv(&scenario, &schedule.weeks);
            Target::File(a.clone()).write(csv.as_bytes())?;
            text.push_str(&format!("agents' weeks written to {}\n", a.display()));
        }
    }
    if let Some(o) = &out {
        if misses == 0 || args.allow_misses {
            let note = (misses > 0).then_some(misses);
            let groups: Vec<Vec<crate::scenario::Shift>> = if schedule.weeks.len() > 1 {
                let all = roster::tours::people::roster_shifts;
                schedule.weeks.iter().map(|w| all(&w.agents)).collect()
            } else {
                vec![schedule.roster.shifts.clone()]
            };
            let toml = roster_toml(&source, file, &scenario, &groups, note)?;
            o.write(toml.as_bytes())?;
            text.push_str(&format!("roster written to {}\n", o.describe()));
        } else {
            text.push_str(&format!(
                "no roster written to {}: it misses targets (--allow-misses writes it anyway)\n",
                o.describe()
            ));
        }
    }
    terminal::print(&text)?;
    if misses == 0 {
        return Ok(());
    }
    Err(Error::Other(format!(
        "{}: the roster misses targets in {misses} interval(s) after repair (see the report)",
        file.display()
    )))
}

/// Required and rostered productive agents per interval of every planning day, the
/// groups added together, each rostered agent counted with its own group's shrinkage
/// and absence.
pub fn coverage_of(s: &Scenario, sc: &Schedule) -> Coverage {
    let several = sc.days.len() > 1;
    let per_group: Option<Vec<_>> = (0..s.groups.len())
        .map(|g| roster::coverage::group_coverage(s, sc, g))
        .collect();
    let mut c = Coverage {
        title: format!("{}: roster coverage", s.name),
        labels: Vec::new(),
        required: Vec::new(),
        rostered: Vec::new(),
        day_intervals: s.intervals(),
    };
    for (k, d) in sc.days.iter().enumerate() {
        // Without each group's own figures, the day's shifts with the first group's.
        let r = crate::scenario::Roster {
            shifts: d.shifts.clone(),
            days: 1,
            ..sc.roster.clone()
        };
        let cover = r.day_cover(0);
        let shrinkage = s.groups[0].staffing.shrinkage;
        for i in 0..s.intervals() {
            let label = s.simulation.interval_label(i);
            c.labels.push(if several {
                format!("D{} {label}", d.days[0] + 1)
            } else {
                label
            });
            c.required.push(f64::from(d.required_productive[i]));
            c.rostered.push(match &per_group {
                Some(groups) => groups.iter().map(|g| g[k].rostered[i]).sum(),
                None => {
                    let floor = cover.floor[i] as f64 / f64::from(s.simulation.interval_minutes);
                    floor * (1.0 - sc.roster.absenteeism) * (1.0 - shrinkage)
                }
            });
        }
    }
    c
}

/// The path shown for the input in the plan's header.
pub(crate) fn shown_path(p: &Path) -> String {
    crate::escape::one_line(&p.display().to_string()).into_owned()
}

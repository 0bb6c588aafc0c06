//! What a planner publishes about a roster beside the shifts: where the paid hours go
//! (the overhead from the requirement to the paid hours, per group and for the centre),
//! over- and under-coverage per interval (the report's totals and a CSV a row per
//! group, day and interval), and each group's coverage chart of the week.

use std::path::{Path, PathBuf};

use crate::chart::coverage::Coverage;
use crate::export::table::render;
use crate::scenario::Scenario;
use crate::staffing::roster::coverage::{self, group_coverage, CoverageSummary};
use crate::staffing::roster::overhead::{overhead, Overhead};
use crate::staffing::roster::Schedule;

/// Hours with one decimal, and the share of `paid` they are.
fn hours_and_share(x: f64, paid: f64) -> [String; 2] {
    let share = if paid > 0.0 {
        format!("{:.1} %", x / paid * 100.0)
    } else {
        "-".into()
    };
    [format!("{x:.1}"), share]
}

/// "where the paid hours go": a row per part, a pair of columns (hours, % of paid) per
/// group and for the centre; then the scheduling efficiency of each. Empty when the
/// schedule keeps no per-group requirement.
pub fn overhead_section(s: &Scenario, sc: &Schedule) -> String {
    let Some(groups) = overhead(s, sc) else {
        return String::new();
    };
    let mut columns: Vec<(String, Overhead)> = Vec::new();
    if groups.len() > 1 {
        for (g, o) in groups.iter().enumerate() {
            columns.push((s.groups[g].name.clone(), o.clone()));
        }
        columns.push(("centre".into(), Overhead::sum(&groups)));
    } else {
        columns.push((String::new(), Overhead::sum(&groups)));
    }
    let mut head = vec!["part".to_string()];
    for (name, _) in &columns {
        let name = if name.is_empty() {
            String::new()
        } else {
            format!("{name} ")
        };
        head.push(format!("{name}h"));
        head.push(format!("{name}%"));
    }
    let mut rows = vec![head];
    for k in 0..6 {
        let mut row = vec![columns[0].1.parts()[k].0.to_string()];
        for (_, o) in &columns {
            row.extend(hours_and_share(o.parts()[k].1, o.paid()));
        }
        rows.push(row);
    }
    let mut row = vec!["= paid hours".to_string()];
    for (_, o) in &columns {
        row.extend(hours_and_share(o.paid(), o.paid()));
    }
    rows.push(row);
    let days = s.simulation.days;
    let mut out = format!(
        "where the paid hours go (agent hours over {days} day{}, % of the paid hours):\n",
        if days == 1 { "" } else { "s" }
    );
    out.push_str(&render(&rows));
    let eff: Vec<String> = columns
        .iter()
        .map(|(name, o)| {
            let pct = format!("{:.1} %", o.efficiency() * 100.0);
            if name.is_empty() {
                pct
            } else {
                format!("{name} {pct}")
            }
        })
        .collect();
    out.push_str(&format!(
        "scheduling efficiency (the requirement with its breaks, shrinkage and absence ÷ paid hours): {}\n",
        eff.join(", ")
    ));
    out
}

/// Each group's coverage totals over the horizon, or `None` without per-group figures.
pub fn summaries(s: &Scenario, sc: &Schedule) -> Option<Vec<CoverageSummary>> {
    let h = f64::from(s.simulation.interval_minutes) / 60.0;
    (0..s.groups.len())
        .map(|g| group_coverage(s, sc, g).map(|d| coverage::summary(&d, h)))
        .collect()
}

/// Over- and under-coverage in the report: a row per group (and the centre).
pub fn coverage_section(s: &Scenario, sc: &Schedule) -> String {
    let Some(all) = summaries(s, sc) else {
        return String::new();
    };
    let mut rows = vec![vec![
        "group".to_string(),
        "over h".into(),
        "under h".into(),
        "intervals under".into(),
    ]];
    let mut line = |name: &str, x: &CoverageSummary| {
        rows.push(vec![
            name.to_string(),
            format!("{:.1}", x.over_hours),
            format!("{:.1}", x.under_hours),
            format!("{} of {}", x.intervals_under, x.intervals_required),
        ]);
    };
    for (g, x) in all.iter().enumerate() {
        line(&s.groups[g].name, x);
    }
    if all.len() > 1 {
        line("centre", &coverage::total(&all));
    }
    let mut out = String::from(
        "coverage per interval (productive agent hours rostered over and under the requirement; an interval is under when its rostered agents, rounded, fall short):\n",
    );
    out.push_str(&render(&rows));
    out
}

/// The coverage CSV: a row per group, day and interval with the productive agents
/// required and rostered and their difference; `None` without per-group figures.
pub fn coverage_csv(s: &Scenario, sc: &Schedule) -> Option<String> {
    let mut out = String::from("group,day,date,start,required,rostered,difference\n");
    for (g, group) in s.groups.iter().enumerate() {
        let days = group_coverage(s, sc, g)?;
        let mut rows: Vec<(u32, usize)> = days
            .iter()
            .enumerate()
            .flat_map(|(k, d)| d.days.iter().map(move |&x| (x, k)))
            .collect();
        rows.sort_unstable();
        for (day, k) in rows {
            let d = &days[k];
            let date = s
                .date_of(day)
                .map(crate::scenario::calendar::format_date)
                .unwrap_or_default();
            for (i, (req, got)) in d.required.iter().zip(&d.rostered).enumerate() {
                out.push_str(&format!(
                    "{},{},{date},{},{req},{got:.2},{:.2}\n",
                    super::agents::field(&group.name),
                    day + 1,
                    s.simulation.interval_label(i),
                    got - req
                ));
            }
        }
    }
    Some(out)
}

/// Group `g`'s coverage chart of the week: every day side by side, `D1 08:00`, ...
pub fn group_chart(s: &Scenario, sc: &Schedule, g: usize) -> Option<Coverage> {
    let days = group_coverage(s, sc, g)?;
    let mut c = Coverage {
        title: format!(
            "{}: group {} coverage of the week",
            s.name, s.groups[g].name
        ),
        labels: Vec::new(),
        required: Vec::new(),
        rostered: Vec::new(),
        day_intervals: s.intervals(),
    };
    let mut order: Vec<(u32, usize)> = days
        .iter()
        .enumerate()
        .flat_map(|(k, d)| d.days.iter().map(move |&x| (x, k)))
        .collect();
    order.sort_unstable();
    for (day, k) in order {
        for i in 0..s.intervals() {
            c.labels
                .push(format!("D{} {}", day + 1, s.simulation.interval_label(i)));
            c.required.push(days[k].required[i]);
            c.rostered.push(days[k].rostered[i]);
        }
    }
    Some(c)
}

/// A group's name for a file name: lower case, a dash for anything but letters and
/// digits; the group's number instead when that leaves nothing or repeats a name.
fn slugs(s: &Scenario) -> Vec<String> {
    let slug = |name: &str| {
        let mut out = String::new();
        for c in name.trim().chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                out.push(c);
            } else if !out.ends_with('-') {
                out.push('-');
            }
        }
        out.trim_matches('-').to_string()
    };
    let all: Vec<String> = s.groups.iter().map(|g| slug(&g.name)).collect();
    all.iter()
        .enumerate()
        .map(|(g, x)| {
            if x.is_empty() || all.iter().filter(|y| *y == x).count() > 1 {
                format!("group-{}", g + 1)
            } else {
                x.clone()
            }
        })
        .collect()
}

/// Each group's chart files (PNG, SVG) of a centre of several groups: in `dir` as
/// `coverage-GROUP.png`, or beside `out` as `PLAN-coverage-GROUP.png`.
pub fn group_chart_paths(
    s: &Scenario,
    dir: Option<&Path>,
    out: Option<&Path>,
) -> Vec<(PathBuf, PathBuf)> {
    if s.groups.len() < 2 {
        return Vec::new();
    }
    let named = |slug: &str, ext: &str| -> Option<PathBuf> {
        if let Some(dir) = dir {
            return Some(dir.join(format!("coverage-{slug}.{ext}")));
        }
        let out = out?;
        let stem = out.file_stem()?.to_string_lossy().into_owned();
        Some(out.with_file_name(format!("{stem}-coverage-{slug}.{ext}")))
    };
    slugs(s)
        .iter()
        .filter_map(|x| Some((named(x, "png")?, named(x, "svg")?)))
        .collect()
}

/// The coverage CSV's file: `--coverage`, else beside `out` as `PLAN-coverage.csv`.
pub fn coverage_csv_path(given: Option<&Path>, out: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = given {
        return Some(p.to_path_buf());
    }
    let out = out?;
    let stem = out.file_stem()?.to_string_lossy().into_owned();
    Some(out.with_file_name(format!("{stem}-coverage.csv")))
}

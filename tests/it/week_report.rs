//! What `ccsim schedule` publishes about a centre's week beside the roster: where the
//! paid hours go (per group and for the centre), over- and under-coverage per group,
//! day and interval (report and CSV), a coverage chart per group with every day, and a
//! service level per type in the day tables.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{assert_success, ccsim};

fn centre_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/staff/centre_contracts.toml")
}

/// The fixture with the service group's shrinkage at 0.3 (sales keeps 0.1), so that a
/// figure taking the first group's shrinkage for both shows.
fn uneven_shrinkage(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(centre_file()).unwrap();
    let marker = "name = \"service\"\nagents = 4\nshrinkage = 0.1";
    assert!(text.contains(marker), "the fixture's service group moved");
    let path = dir.join("uneven.toml");
    std::fs::write(
        &path,
        text.replace(marker, "name = \"service\"\nagents = 4\nshrinkage = 0.3"),
    )
    .unwrap();
    path
}

struct Run {
    stdout: String,
    dir: PathBuf,
}

/// Schedules `file` with every output into `dir`.
fn schedule(file: &Path, dir: &Path) -> Run {
    let out = ccsim([
        "schedule".as_ref(),
        file.as_os_str(),
        "--out".as_ref(),
        dir.join("plan.toml").as_os_str(),
        "--agents".as_ref(),
        dir.join("agents.csv").as_os_str(),
        "--coverage".as_ref(),
        dir.join("cover.csv").as_os_str(),
        "--charts".as_ref(),
        dir.join("charts").as_os_str(),
        "--max-repairs".as_ref(),
        "40".as_ref(),
    ]);
    assert_success(&out);
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        dir: dir.to_path_buf(),
    }
}

/// The numbers at the end of the report line starting with `label`.
fn numbers(text: &str, label: &str) -> Vec<f64> {
    let line = text
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line {label:?} in:\n{text}"));
    line[label.len()..]
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok())
        .collect()
}

#[test]
fn the_paid_hours_split_into_parts_that_add_up_per_group_and_for_the_centre() {
    let dir = tempfile::tempdir().unwrap();
    let run = schedule(&centre_file(), dir.path());
    let text = &run.stdout;
    assert!(
        text.contains("where the paid hours go")
            && text.contains("part  ")
            && text.contains("sales h  sales %  service h  service %  centre h  centre %"),
        "{text}"
    );
    let parts = [
        "productive requirement",
        "+ paid breaks",
        "+ shrinkage and absence",
        "+ contract rules",
        "+ scheduling inefficiency",
        "+ repairs",
    ];
    // Each row: (hours, %) for sales, service and the centre.
    let rows: Vec<Vec<f64>> = parts.iter().map(|p| numbers(text, p)).collect();
    let paid = numbers(text, "= paid hours");
    assert!(
        rows.iter().all(|r| r.len() == 6) && paid.len() == 6,
        "{text}"
    );
    for col in [0, 2, 4] {
        let sum: f64 = rows.iter().map(|r| r[col]).sum();
        // Six parts printed to 0.1 h each.
        assert!(
            (sum - paid[col]).abs() <= 0.3,
            "column {col}: parts {sum} vs paid {}",
            paid[col]
        );
        let shares: f64 = rows.iter().map(|r| r[col + 1]).sum();
        assert!((shares - 100.0).abs() <= 0.3, "column {col}: {shares} %");
        assert!(rows[0][col] > 0.0, "a requirement to cover");
    }
    for r in rows.iter().chain([&paid]) {
        assert!(
            (r[0] + r[2] - r[4]).abs() <= 0.1,
            "the centre is its groups: {r:?}"
        );
    }
    // The centre's paid hours are the repaired roster's; contracts, integrality and
    // repairs are the steps from the requirement's LP bound to it.
    let roster = numbers(text, "  roster after simulation + repair");
    assert!(
        (roster[0] - paid[4]).abs() <= 0.05,
        "{roster:?} vs {paid:?}"
    );
    let mip = numbers(text, "  integer program's roster");
    assert!(
        (rows[5][4] - (roster[0] - mip[0])).abs() <= 0.1,
        "repairs = roster − integer program"
    );
    let bound = numbers(text, "  LP bound of the integer program");
    assert!(
        (rows[4][4] - (mip[0] - bound[0])).abs() <= 0.1,
        "inefficiency = integer program − bound"
    );
    // Scheduling efficiency: the requirement with breaks and absence ÷ paid.
    let eff = numbers(text, "scheduling efficiency");
    let line = text
        .lines()
        .find(|l| l.starts_with("scheduling efficiency"))
        .unwrap();
    let centre: f64 = line
        .rsplit("centre ")
        .next()
        .unwrap()
        .trim_end_matches(" %")
        .parse()
        .unwrap();
    let expected = (rows[0][4] + rows[1][4] + rows[2][4]) / paid[4] * 100.0;
    assert!(
        (centre - expected).abs() <= 0.2,
        "{centre} vs {expected}; {eff:?}"
    );
}

/// The coverage CSV: (group, day, start) → (required, rostered, difference).
fn coverage_rows(path: &Path) -> BTreeMap<(String, u32, String), (f64, f64, f64)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("group,day,date,start,required,rostered,difference")
    );
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let n = |k: usize| f[k].parse::<f64>().unwrap();
            (
                (f[0].to_string(), f[1].parse().unwrap(), f[3].to_string()),
                (n(4), n(5), n(6)),
            )
        })
        .collect()
}

/// Agents on the floor per (group, day, hour of the clock) from AGENTS.csv, breaks out.
fn floor_from_agents(path: &Path) -> BTreeMap<(String, u32, u32), f64> {
    let minute = |t: &str| {
        let (h, m) = t.split_once(':').unwrap();
        h.parse::<u32>().unwrap() * 60 + m.parse::<u32>().unwrap()
    };
    let mut out: BTreeMap<(String, u32, u32), f64> = BTreeMap::new();
    for l in std::fs::read_to_string(path).unwrap().lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        let (group, day) = (f[0].to_string(), f[3].parse::<u32>().unwrap());
        let (a, b) = (minute(f[5]), minute(f[6]));
        let breaks: Vec<(u32, u32)> = f[8]
            .split(';')
            .filter(|x| !x.is_empty())
            .map(|x| {
                let (at, len) = x.split_once('+').unwrap();
                (minute(at), minute(at) + len.parse::<u32>().unwrap())
            })
            .collect();
        for h in (a / 60)..b.div_ceil(60) {
            let (s, e) = ((h * 60).max(a), ((h + 1) * 60).min(b));
            let off: u32 = breaks
                .iter()
                .map(|&(x, y)| e.min(y).saturating_sub(s.max(x)))
                .sum();
            *out.entry((group.clone(), day, h)).or_default() += f64::from(e - s - off) / 60.0;
        }
    }
    out
}

#[test]
fn coverage_per_interval_counts_each_group_with_its_own_shrinkage() {
    let dir = tempfile::tempdir().unwrap();
    let run = schedule(&uneven_shrinkage(dir.path()), dir.path());
    let rows = coverage_rows(&run.dir.join("cover.csv"));
    assert_eq!(
        rows.len(),
        2 * 7 * 10,
        "two groups, seven days, ten intervals"
    );
    let floor = floor_from_agents(&run.dir.join("agents.csv"));
    let shrinkage = |g: &str| if g == "service" { 0.3 } else { 0.1 };
    for ((g, d, start), &(req, got, diff)) in &rows {
        let hour: u32 = start[..2].parse().unwrap();
        let on = floor.get(&(g.clone(), *d, hour)).copied().unwrap_or(0.0);
        assert!(
            (got - on * (1.0 - shrinkage(g))).abs() <= 0.006,
            "{g} day {d} {start}: rostered {got}, {on} on the floor"
        );
        assert!((diff - (got - req)).abs() <= 0.011, "{g} {d} {start}");
    }
    // The day tables add the groups, each at its own shrinkage.
    let text = &run.stdout;
    let day1 = text.split("day(s) 1 (").nth(1).unwrap();
    for (i, start) in ["08:00", "12:00", "17:00"].iter().enumerate() {
        let table = day1.split("productive agents per interval").nth(1).unwrap();
        let cells: Vec<&str> = table
            .lines()
            .find(|l| l.starts_with(start))
            .unwrap()
            .split_whitespace()
            .collect();
        let rostered: f64 = cells[3].parse().unwrap();
        let sum: f64 = ["sales", "service"]
            .iter()
            .map(|g| rows[&(g.to_string(), 1, start.to_string())].1)
            .sum();
        assert!(
            (rostered - sum).abs() <= 0.07,
            "day 1 {start} (row {i}): table {rostered}, groups {sum}"
        );
    }
    // The report's totals are the CSV's.
    for g in ["sales", "service"] {
        let (over, under): (f64, f64) = rows
            .iter()
            .filter(|(k, _)| k.0 == g)
            .fold((0.0, 0.0), |(o, u), (_, v)| {
                (o + v.2.max(0.0), u + (-v.2).max(0.0))
            });
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{g}  ")) && l.contains(" of "))
            .unwrap_or_else(|| panic!("no coverage row for {g}:\n{text}"));
        let n: Vec<f64> = line
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        assert!((n[0] - over).abs() <= 0.1, "{g}: over {line} vs {over}");
        assert!((n[1] - under).abs() <= 0.1, "{g}: under {line} vs {under}");
    }
}

#[test]
fn each_group_gets_a_coverage_chart_of_its_week_with_every_day() {
    let dir = tempfile::tempdir().unwrap();
    let run = schedule(&centre_file(), dir.path());
    let charts = run.dir.join("charts");
    for g in ["sales", "service"] {
        let png = std::fs::read(charts.join(format!("coverage-{g}.png"))).unwrap();
        assert_eq!(&png[..4], b"\x89PNG", "{g}");
        let svg = std::fs::read_to_string(charts.join(format!("coverage-{g}.svg"))).unwrap();
        assert!(
            svg.contains(&format!("group {g} coverage of the week")),
            "{g}: title"
        );
        for d in 1..=7 {
            assert!(svg.contains(&format!("D{d} 12:00")), "{g}: day {d} drawn");
        }
        assert!(run
            .stdout
            .contains(&format!("group {g} coverage chart written to")));
    }
}

#[test]
fn a_centres_day_tables_give_each_type_its_service_level() {
    let dir = tempfile::tempdir().unwrap();
    let run = schedule(&centre_file(), dir.path());
    let text = &run.stdout;
    let head = text
        .lines()
        .find(|l| l.starts_with("start  plan paid"))
        .unwrap();
    for col in ["SL sales", "SL service", "abandon sales", "abandon service"] {
        assert!(head.contains(col), "{head}");
    }
    // The two types' figures differ somewhere in the week.
    let differ = text
        .lines()
        .filter(|l| l.len() > 5 && l.as_bytes()[2] == b':' && l.contains('%'))
        .any(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            w.len() == 9 && w[4] != w[5]
        });
    assert!(differ, "{text}");
}

#[test]
fn without_options_the_coverage_csv_and_the_group_charts_go_beside_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("week.toml");
    let out = ccsim([
        "schedule".as_ref(),
        centre_file().as_os_str(),
        "--out".as_ref(),
        plan.as_os_str(),
        "--max-repairs".as_ref(),
        "40".as_ref(),
    ]);
    assert_success(&out);
    let rows = coverage_rows(&dir.path().join("week-coverage.csv"));
    assert_eq!(rows.len(), 140);
    for g in ["sales", "service"] {
        for ext in ["png", "svg"] {
            let f = dir.path().join(format!("week-coverage-{g}.{ext}"));
            assert!(f.is_file(), "{}", f.display());
        }
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp") || n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}

#[test]
fn a_one_group_roster_of_shift_counts_splits_its_paid_hours_too() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/shifts/weekday.toml");
    let out = ccsim(["schedule".as_ref(), file.as_os_str()]);
    assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    let parts = [
        "productive requirement",
        "+ paid breaks",
        "+ shrinkage and absence",
        "+ contract rules",
        "+ scheduling inefficiency",
        "+ repairs",
    ];
    let sum: f64 = parts.iter().map(|p| numbers(&text, p)[0]).sum();
    let paid = numbers(&text, "= paid hours")[0];
    let roster = numbers(&text, "  roster after simulation + repair")[0];
    assert!(
        (sum - paid).abs() <= 0.3 && (paid - roster).abs() <= 0.05,
        "{text}"
    );
    // A shrinkage of the group's: the floor time required exceeds the productive time.
    assert!(numbers(&text, "+ shrinkage and absence")[0] > 0.0, "{text}");
    assert!(
        text.contains(" of 24\n"),
        "one day of 24 intervals judged:\n{text}"
    );
}

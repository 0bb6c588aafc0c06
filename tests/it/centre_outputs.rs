//! The text outputs of a centre of several contact types and agent groups: the terminal
//! shows each type and each group, the CSVs have a row per type (the whole centre as
//! type `*`) and the counts of the types add up to the centre's, the groups CSV has a
//! row per group, report.md has a section for types and one for groups with every name
//! escaped, and the JSON report holds the types and groups. A study without a centre
//! keeps its old CSV columns.

use crate::common;

use std::path::Path;
use std::process::Command;

use ccsim::export::escape::display_width;
use ccsim::report::Report;
use common::{assert_success, bin};

/// A type name that would break a Markdown table and inject HTML if written as it is.
const ODD: &str = "sales|<b>EU</b>";

/// A centre of two types and two groups over three one-hour intervals: `front` takes
/// both types (sales first), `back` only support.
fn centre_toml() -> String {
    format!(
        "name = \"Two queues\"\n\
         [simulation]\nreplications = 8\nseed = 5\ninterval_minutes = 60\nopen = \"09:00\"\n\
         [costs]\ncurrency = \"EUR\"\nagent_hour = 20.0\nfixed_per_day = 90.0\n\
         [[types]]\nname = \"{ODD}\"\n\
         [types.arrivals]\nvolumes = [40, 60, 30]\n\
         [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 240 }}\n\
         [types.patience]\ntime = {{ dist = \"exponential\", mean_s = 150 }}\n\
         [types.targets]\nservice_level = {{ within_s = 20, at_least = 0.8 }}\n\
         [[types]]\nname = \"support\"\n\
         [types.arrivals]\nvolumes = [20, 30, 25]\n\
         [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 360 }}\n\
         [types.patience]\ntime = {{ dist = \"exponential\", mean_s = 200 }}\n\
         [types.targets]\nservice_level = {{ within_s = 30, at_least = 0.7 }}\nabandonment_at_most = 0.05\n\
         [[groups]]\nname = \"front\"\nagents = [4, 6, 4]\nserves = [\"{ODD}\", \"support\"]\n\
         [[groups]]\nname = \"back\"\nagents = [2, 3, 3]\nagent_hour = 25.0\nserves = [\"support\"]\n"
    )
}

/// A one-type scenario over the same hours.
fn one_type_toml() -> &'static str {
    "name = \"Single queue\"\n\
     [simulation]\nreplications = 8\nseed = 5\ninterval_minutes = 60\nopen = \"09:00\"\n\
     [arrivals]\nvolumes = [40, 60, 30]\n\
     [handling]\ntime = { dist = \"exponential\", mean_s = 240 }\n\
     [staffing]\nagents = [4, 6, 4]\n\
     [targets]\nservice_level = { within_s = 20, at_least = 0.8 }\n"
}

/// A temp folder holding `files` (name, text).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("scenario written");
    }
    dir
}

/// Standard output of a successful run of `cmd`.
fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("ccsim runs");
    assert_success(&out);
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// `ccsim run FILE EXTRA...`.
fn run(file: &Path, extra: &[&str]) -> String {
    stdout(Command::new(bin()).arg("run").arg(file).args(extra))
}

/// `ccsim batch DIR -n 8 --out OUT`.
fn batch(dir: &Path, out: &Path) -> String {
    stdout(
        Command::new(bin())
            .arg("batch")
            .arg(dir)
            .args(["-n", "8", "--out"])
            .arg(out),
    )
}

/// Rows of a CSV as maps from column to field, and the header.
fn parse_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header = r
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("a record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

fn number(field: &str) -> f64 {
    field
        .parse()
        .unwrap_or_else(|e| panic!("{field:?} is not a number: {e}"))
}

/// Equal up to the CSV's rounding (2 decimals) of `terms` figures.
fn near(a: f64, b: f64, terms: f64) -> bool {
    (a - b).abs() <= 0.005 * terms + 1e-9
}

#[test]
fn the_terminal_shows_each_type_against_its_own_targets_and_each_group() {
    let dir = folder(&[("centre.toml", &centre_toml())]);
    let text = run(&dir.path().join("centre.toml"), &["-n", "8"]);
    let types = text
        .split_once("Two queues — by contact type\n")
        .expect("a per-type table")
        .1;
    let header = types.lines().next().expect("a header");
    assert!(
        header.contains(ODD) && header.contains("support"),
        "{header}"
    );
    // Each type is judged against its own targets: two marks on the service-level row,
    // one on abandonment (only support has that target).
    let marks = |row: &str| row.matches(" ok").count() + row.matches(" MISS").count();
    let row = |label: &str| {
        types
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} row in\n{types}"))
            .to_string()
    };
    assert_eq!(marks(&row("Service level")), 2, "{types}");
    assert_eq!(marks(&row("Abandonment rate")), 1, "{types}");
    assert!(
        types.contains("support (voice): SL threshold 30 s"),
        "{types}"
    );
    let groups = text
        .split_once("Two queues — agent groups\n")
        .expect("a groups table")
        .1;
    let header = groups.lines().next().expect("a header");
    assert!(
        header.contains("front") && header.contains("back"),
        "{header}"
    );
    assert!(
        groups.contains(&format!(
            "\nfront serves {ODD}, support, first listed first\n"
        )),
        "{groups}"
    );
    for label in [
        "Paid agents (min–max)",
        "Occupancy",
        "Paid agent hours",
        "Cost total (EUR)",
        &format!("Busy share {ODD}"),
        "Busy share support",
    ] {
        assert!(
            groups.lines().any(|l| l.starts_with(label)),
            "no {label} row in\n{groups}"
        );
    }
    assert!(groups.contains("2–3"), "back's paid agents range: {groups}");
    // The centre has no targets of its own, and its types' thresholds differ.
    assert!(text.contains("SL threshold per type"), "{text}");

    let text = run(&dir.path().join("centre.toml"), &["-n", "8", "--intervals"]);
    assert!(text.contains(&format!("Two queues — type {ODD} per interval")));
    assert!(text.contains("Two queues — type support per interval"));
    assert!(text.contains("Two queues — agent groups per interval"));
    assert!(
        text.contains("6/6 "),
        "front's 6 paid, 6 productive agents: {text}"
    );
}

#[test]
fn four_types_and_four_groups_fit_in_a_hundred_columns() {
    let mut toml = String::from(
        "name = \"Four\"\n[simulation]\nreplications = 8\nseed = 1\ninterval_minutes = 60\n\
         [costs]\nagent_hour = 30.0\n",
    );
    for name in ["sales", "support", "billing", "retention"] {
        toml.push_str(&format!(
            "[[types]]\nname = \"{name}\"\n[types.arrivals]\nvolumes = [300, 400, 300]\n\
             [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 300 }}\n\
             [types.targets]\nservice_level = {{ within_s = 20, at_least = 0.8 }}\n"
        ));
    }
    for name in ["sales", "support", "billing"] {
        toml.push_str(&format!(
            "[[groups]]\nname = \"{name} team\"\nagents = [40, 40, 40]\nserves = [\"{name}\"]\n"
        ));
    }
    toml.push_str(
        "[[groups]]\nname = \"all\"\nagents = 45\n\
         serves = [\"retention\", \"sales\", \"support\", \"billing\"]\n",
    );
    let dir = folder(&[("four.toml", &toml)]);
    let text = run(&dir.path().join("four.toml"), &["-n", "8"]);
    for title in ["Four — by contact type\n", "Four — agent groups\n"] {
        let table = text.split_once(title).expect("a table").1;
        let lines: Vec<&str> = table.lines().take_while(|l| !l.is_empty()).collect();
        assert!(lines.len() > 10, "{table}");
        for line in lines {
            let width = display_width(line);
            assert!(width <= 100, "{width} columns: {line}");
        }
    }
}

#[test]
fn the_summary_csv_has_a_row_per_type_adding_up_to_the_whole_centre() {
    let dir = folder(&[
        ("a-centre.toml", &centre_toml()),
        ("b-single.toml", one_type_toml()),
    ]);
    let out = dir.path().join("out");
    batch(dir.path(), &out);
    let (header, rows) = parse_csv(&std::fs::read(out.join("summary.csv")).expect("summary.csv"));
    assert_eq!(header[..3], ["scenario", "type", "file"]);
    let kinds: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Two queues", "*"),
            ("Two queues", ODD),
            ("Two queues", "support"),
            ("Single queue", "*"),
        ]
    );
    for row in &rows {
        for (h, field) in header.iter().zip(row).skip(3) {
            if !field.is_empty() {
                assert!(number(field).is_finite(), "{h} = {field}");
            }
        }
    }
    for key in [
        "offered",
        "answered",
        "abandoned",
        "paid_agent_hours",
        "cost_total_eur",
    ] {
        let k = column(&header, key);
        let whole = number(&rows[0][k]);
        let parts = number(&rows[1][k]) + number(&rows[2][k]);
        assert!(whole > 0.0, "{key} of the centre is {whole}");
        assert!(
            near(whole, parts, 3.0),
            "{key}: centre {whole}, types sum to {parts}"
        );
    }
    // A type's row holds what the JSON report says of it, rounded.
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).expect("json"))
            .expect("JSON");
    let offered = json["scenarios"][0]["types"][1]["metrics"]["offered"]["mean"]
        .as_f64()
        .expect("support offered");
    assert!(near(
        number(&rows[2][column(&header, "offered")]),
        offered,
        1.0
    ));

    let (header, rows) =
        parse_csv(&std::fs::read(out.join("intervals.csv")).expect("intervals.csv"));
    assert_eq!(header[..4], ["scenario", "type", "interval", "start"]);
    let centre: Vec<_> = rows.iter().filter(|r| r[0] == "Two queues").collect();
    assert_eq!(
        centre.len(),
        (1 + 2) * 3,
        "one row per (whole + type) × interval"
    );
    assert_eq!(
        rows.len() - centre.len(),
        3,
        "the one-type scenario: `*` rows only"
    );
    let paid = column(&header, "paid_agents");
    for r in &centre {
        assert_eq!(
            r[paid].is_empty(),
            r[1] != "*",
            "agents only on `*` rows: {r:?}"
        );
    }
    // The centre's agents at 10:00: front's 6 and back's 3.
    assert_eq!(centre[1][paid], "9");
    let offered = column(&header, "offered");
    for i in 0..3 {
        let at = |t: &str| {
            let r = centre
                .iter()
                .find(|r| r[1] == t && r[2] == i.to_string())
                .expect("a row");
            number(&r[offered])
        };
        assert!(near(at("*"), at(ODD) + at("support"), 3.0), "interval {i}");
    }
}

#[test]
fn the_groups_csv_has_a_row_per_group_with_its_skills_and_busy_share() {
    let s = ccsim::scenario::Scenario::from_toml(&centre_toml(), Path::new("centre.toml"))
        .expect("a valid centre");
    let single = common::scenario(one_type_toml());
    let report = Report::new(vec![common::report(&s), common::report(&single)]);
    let bytes = ccsim::export::csv::groups(&report).expect("groups CSV");
    let (header, rows) = parse_csv(&bytes);
    assert_eq!(
        header[..5],
        ["scenario", "group", "serves", "pick", "agent_hour_eur"]
    );
    assert_eq!(header.last().map(String::as_str), Some("busy_share_pct"));
    assert_eq!(rows.len(), 2, "two groups; the one-type scenario has none");
    assert_eq!(rows[0][1], "front");
    assert_eq!(rows[0][2], format!("{ODD}; support"));
    assert_eq!(rows[0][3], "priority");
    assert_eq!((number(&rows[0][4]), number(&rows[1][4])), (20.0, 25.0));
    let paid = column(&header, "paid_agent_hours");
    let groups: f64 = rows.iter().map(|r| number(&r[paid])).sum();
    let centre = report.scenarios[0]
        .metrics
        .get(ccsim::metrics::Metric::PaidAgentHours)
        .mean;
    assert!(
        near(groups, centre, 3.0),
        "groups {groups}, centre {centre}"
    );
    // The front group's busy time went to both types; shares add up to 100 %.
    let shares: Vec<(String, f64)> = rows[0]
        .last()
        .expect("busy share")
        .split("; ")
        .map(|p| {
            let (t, x) = p.rsplit_once('=').expect("type=share");
            (t.to_string(), number(x))
        })
        .collect();
    assert_eq!(shares[0].0, ODD);
    assert_eq!(shares[1].0, "support");
    assert!(
        shares.iter().all(|(_, x)| *x > 0.0 && *x < 100.0),
        "{shares:?}"
    );
    assert!(
        near(shares.iter().map(|(_, x)| x).sum(), 100.0, 2.0),
        "{shares:?}"
    );
    assert_eq!(rows[1].last().map(String::as_str), Some("support=100.00"));

    let without = Report::new(vec![common::report(&single)]);
    let bytes = ccsim::export::csv::groups(&without).expect("groups CSV");
    assert_eq!(parse_csv(&bytes).1.len(), 0, "no centre, no group rows");
}

#[test]
fn report_md_has_contact_types_and_agent_groups_with_names_escaped() {
    let dir = folder(&[("centre.toml", &centre_toml())]);
    let out = dir.path().join("out");
    batch(dir.path(), &out);
    let md = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    let escaped = "sales\\|&lt;b&gt;EU&lt;/b&gt;";
    assert!(!md.contains("<b>"), "raw HTML from a name:\n{md}");
    let types = md
        .split_once("## Contact types\n")
        .expect("a Contact types section")
        .1
        .split("\n## ")
        .next()
        .expect("its text");
    assert!(types.contains("### Two queues"), "{types}");
    let rows: Vec<&str> = types
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| ---"))
        .collect();
    assert_eq!(
        rows.len(),
        1 + 1 + 2,
        "header, whole centre, two types: {types}"
    );
    assert!(rows[1].starts_with("| *whole centre* |"), "{}", rows[1]);
    assert!(
        rows[2].starts_with(&format!("| {escaped} | voice |")),
        "{}",
        rows[2]
    );
    assert!(
        rows[3].contains("abandonment rate"),
        "support's own targets: {}",
        rows[3]
    );
    let columns = |row: &str| row.replace("\\|", "").matches('|').count();
    assert!(
        rows.iter().all(|r| columns(r) == columns(rows[0])),
        "{types}"
    );

    let groups = md
        .split_once("## Agent groups\n")
        .expect("an Agent groups section")
        .1
        .split("\n## ")
        .next()
        .expect("its text");
    let rows: Vec<&str> = groups
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| ---"))
        .collect();
    assert_eq!(rows.len(), 1 + 2, "header and two groups: {groups}");
    assert!(rows[1].starts_with(&format!("| front | {escaped}, support | priority | 4–6 |")));
    assert!(
        rows[1].contains(&format!("{escaped} ")),
        "busy share: {}",
        rows[1]
    );
    assert!(
        rows.iter().all(|r| columns(r) == columns(rows[0])),
        "{groups}"
    );
    // The glance judges a centre by its types' targets.
    assert!(
        md.contains("every type meets its targets") || md.contains("**misses** "),
        "{md}"
    );
}

#[test]
fn a_study_without_a_centre_keeps_its_columns_and_sections() {
    let dir = folder(&[("single.toml", one_type_toml())]);
    let csv = run(&dir.path().join("single.toml"), &["-n", "8", "--csv", "-"]);
    assert!(csv.starts_with("scenario,file,replications,"), "{csv}");
    let text = run(&dir.path().join("single.toml"), &["-n", "8", "--intervals"]);
    assert!(!text.contains("by contact type") && !text.contains("agent groups"));
    let out = dir.path().join("out");
    batch(dir.path(), &out);
    let md = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(!md.contains("## Contact types") && !md.contains("## Agent groups"));
    let intervals = std::fs::read_to_string(out.join("intervals.csv")).expect("intervals");
    assert!(
        intervals.starts_with("scenario,interval,start,"),
        "{intervals}"
    );
}

#[test]
fn the_json_report_holds_types_and_groups_with_finite_numbers_or_null() {
    let text = run(
        Path::new("scenarios/multi-skill/bilingual.toml"),
        &["-n", "4", "--json", "-"],
    );
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let s = &json["scenarios"][0];
    let types = s["types"].as_array().expect("types");
    let groups = s["groups"].as_array().expect("groups");
    assert_eq!(types.len(), 2);
    assert_eq!(groups.len(), 3);
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v.as_object().expect("a map").keys().cloned().collect()
    };
    for t in types {
        assert_eq!(
            keys(&t["metrics"]),
            keys(&s["metrics"]),
            "same keys as the centre"
        );
        assert_eq!(t["intervals"].as_array().map(Vec::len), Some(24));
    }
    for g in groups {
        for key in ["occupancy", "paid_agent_hours", "cost_total"] {
            assert!(g["metrics"][key]["mean"].is_f64(), "{key} of {}", g["name"]);
        }
    }
    let b = &groups[2]["busy_share"];
    assert!(
        b["spanish"]["mean"].is_f64() && b["english"]["mean"].is_f64(),
        "{b}"
    );
    // Every number anywhere is finite (JSON cannot say otherwise) or null.
    fn walk(v: &serde_json::Value, n: &mut usize) {
        match v {
            serde_json::Value::Number(x) => {
                assert!(x.as_f64().is_some_and(f64::is_finite));
                *n += 1;
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, n)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, n)),
            _ => {}
        }
    }
    let mut n = 0;
    walk(&json, &mut n);
    assert!(n > 1000, "{n} numbers");
}

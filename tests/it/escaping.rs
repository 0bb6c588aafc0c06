//! Scenario text in every file ccsim writes: a name, description, file path or currency
//! holding HTML, Markdown table pipes, quotes, line breaks or control characters must
//! leave `report.md` free of raw HTML with its title on one line and its table rows
//! whole, the SVGs valid XML that still show the name, the CSV and JSON giving the exact
//! name back, and the terminal tables one line per row with their columns aligned.
//!
//! Names the scenario validation accepts go through the binary; names with line breaks
//! and control characters (which validation may refuse) are put into a simulated report
//! directly, so the writers are tested whatever validation lets through.

use crate::common;

use std::process::Command;

use ccsim::chart;
use ccsim::export::bundle;
use ccsim::export::escape::one_line;
use ccsim::export::{csv as csv_export, markdown, table};
use ccsim::report::Report;
use ccsim::study::Study;

const SCRIPT: &str = "<script>alert(\"x\")</script> & co";
const PIPES: &str = "Plan | B | \"quoted\" 'too'";
const MARKDOWN: &str = "# *Bold* [link](x) `tick` _u_ \\ 1.";

/// A TOML basic string holding `s` exactly.
fn toml_string(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if c.is_control() => o.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// A tiny scenario named `name`, described by `description`.
fn scenario(name: &str, description: &str, agents: u32) -> String {
    format!(
        "name = {}\n\
         description = {}\n\
         [simulation]\nreplications = 4\nseed = 7\ninterval_minutes = 60\nopen = \"09:00\"\n\
         [arrivals]\nvolumes = [30, 40]\n\
         [handling]\ntime = {{ dist = \"exponential\", mean_s = 240 }}\n\
         [patience]\ntime = {{ dist = \"exponential\", mean_s = 120 }}\n\
         [staffing]\nagents = [{agents}, {agents}]\n\
         [costs]\ncurrency = \"EUR\"\nagent_hour = 20.0\n\
         [targets]\nservice_level = {{ within_s = 20, at_least = 0.8 }}\n",
        toml_string(name),
        toml_string(description)
    )
}

/// The `|` that separate cells in a Markdown table row (not those escaped as `\|`).
fn cell_separators(row: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in row.chars() {
        if c == '|' && !escaped {
            n += 1;
        }
        escaped = c == '\\' && !escaped;
    }
    n
}

/// Checks the Markdown of a report: no raw HTML tag, no control character, the title
/// alone on the first line, and every row of a table with as many cells as its header.
fn assert_safe_markdown(md: &str) {
    assert!(!md.contains('<'), "raw HTML in report.md:\n{md}");
    assert!(
        !md.chars().any(|c| c.is_control() && c != '\n'),
        "a control character in report.md:\n{md}"
    );
    let lines: Vec<&str> = md.lines().collect();
    assert!(lines[0].starts_with("# Staffing study: "), "{}", lines[0]);
    assert_eq!(lines[1], "", "the title runs onto a second line");
    assert!(lines[2].starts_with("Simulated by ccsim"), "{}", lines[2]);
    let mut tables = 0;
    for block in lines.split(|l| !l.starts_with('|')) {
        if let Some(header) = block.first() {
            tables += 1;
            let cells = cell_separators(header);
            for row in block {
                assert_eq!(cell_separators(row), cells, "a row lost its columns: {row}");
            }
        }
    }
    assert!(tables >= 5, "report.md has only {tables} tables");
}

/// Every text node of an SVG, which must parse as XML.
fn svg_text(svg: &str, what: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{what} is not XML: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter_map(|n| n.text())
        // The SVG backend puts every text between two line breaks.
        .map(|t| t.trim_matches('\n').to_string())
        .collect()
}

/// The scenario names in a CSV's `scenario` column, read back by the csv crate.
fn csv_column(bytes: &[u8], column: &str) -> Vec<String> {
    let mut r = csv::Reader::from_reader(bytes);
    let col = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == column)
        .unwrap();
    r.records()
        .map(|row| row.unwrap()[col].to_string())
        .collect()
}

#[test]
fn a_study_of_scenarios_named_with_html_pipes_and_quotes_writes_safe_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("study");
    std::fs::create_dir(&dir).unwrap();
    for (file, name, agents) in [
        ("a.toml", SCRIPT, 4),
        ("b.toml", PIPES, 3),
        ("c.toml", MARKDOWN, 5),
    ] {
        let text = scenario(name, "<b>bold</b> | cell", agents);
        std::fs::write(dir.join(file), text).unwrap();
    }
    let out_dir = tmp.path().join("out");
    // A terminal wide enough for the whole table in one block (`COLUMNS`).
    let out = Command::new(common::bin())
        .args(["batch".as_ref(), dir.as_os_str(), "--out".as_ref()])
        .arg(&out_dir)
        .arg("--baseline")
        .arg(dir.join("a.toml"))
        .env("COLUMNS", "1000")
        .output()
        .unwrap();
    common::assert_success(&out);
    let names = [SCRIPT, PIPES, MARKDOWN];

    let md = std::fs::read_to_string(out_dir.join("report.md")).unwrap();
    assert_safe_markdown(&md);
    assert!(!md.contains("<script>") && !md.contains("<b>"));
    assert!(md.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; co"));
    assert!(md.contains("Plan \\| B \\| \"quoted\" 'too'"));
    assert!(md.contains("\\# \\*Bold\\* \\[link\\](x) \\`tick\\` \\_u\\_ \\\\ 1."));

    // The terminal opens with the executive summary, a row per scenario named in full;
    // the metrics table's header then names every scenario, on its own line.
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("Executive summary"), "{stdout}");
    for name in names {
        assert!(
            stdout.lines().any(|l| l.starts_with(name)),
            "{name} has no row of its own in the executive summary"
        );
    }
    let mut lines = stdout
        .lines()
        .skip_while(|l| !l.starts_with("metric (per day"));
    let header = lines.next().expect("the metrics table");
    for name in names {
        assert!(
            header.contains(name),
            "{name} is not in the header: {header}"
        );
    }
    assert!(lines.next().unwrap().chars().all(|c| c == '-'));

    // CSV and JSON give every name back exactly.
    let summary = std::fs::read(out_dir.join("summary.csv")).unwrap();
    let mut in_csv = csv_column(&summary, "scenario");
    in_csv.sort();
    let mut expected: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(in_csv, expected);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("summary.json")).unwrap()).unwrap();
    assert_eq!(json["baseline"], SCRIPT);

    // Every SVG is XML, and the charts show each name as text.
    for entry in std::fs::read_dir(&out_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "svg") {
            svg_text(
                &std::fs::read_to_string(&path).unwrap(),
                &path.display().to_string(),
            );
        }
    }
    let tradeoff = svg_text(
        &std::fs::read_to_string(out_dir.join("tradeoff.svg")).unwrap(),
        "tradeoff.svg",
    );
    for name in names {
        assert!(
            tradeoff.iter().any(|t| t == name),
            "tradeoff.svg lacks {name}"
        );
    }
    let intervals = svg_text(
        &std::fs::read_to_string(out_dir.join("intervals-script-alert-x-script-co.svg")).unwrap(),
        "intervals-script-alert-x-script-co.svg",
    );
    assert!(intervals
        .iter()
        .any(|t| t == &format!("{SCRIPT}: demand, staffing and service by interval")));
}

/// Names with a line break, a tab, a terminal escape sequence, a bell, a pipe and
/// quotes; a file path and description with line breaks and pipes.
const NIGHT: &str = "Night\nshift | \"late\"";
const ESCAPE: &str = "Red\u{1b}[31m team\r\n\tbell\u{7}";
const WIDE: &str = "東京 centre <i>";

/// A simulated report of three scenarios with awkward names, the first the baseline.
fn awkward_report() -> Report {
    let s = common::scenario(&scenario("plain", "plain", 4));
    let run = common::report(&s);
    let scenarios = [NIGHT, ESCAPE, WIDE]
        .into_iter()
        .map(|name| {
            let mut r = run.clone();
            r.name = name.to_string();
            r.description = Some("two\nlines | <b>pipe</b>".into());
            r.file = "odd\n|dir`/we`ird|\r\nname.toml".into();
            r.currency = "E|<u>R\n".into();
            r
        })
        .collect();
    Report::new(scenarios)
}

#[test]
fn report_md_keeps_names_with_line_breaks_and_controls_out_of_its_structure() {
    let report = awkward_report();
    let study = Study::new(&report, Some(0), None);
    let md = markdown::report(&study);
    assert_safe_markdown(&md);
    assert!(md
        .lines()
        .next()
        .unwrap()
        .contains("Night shift \\| \"late\""));
    assert!(md.contains("Red\\\\u{1b}\\[31m team  bell\\\\u{7}"));
    // The file is a code span on one line: longer fences than the backticks inside.
    assert!(md.contains("| ``we`ird\\| name.toml`` |"), "{md}");
}

/// The header line of every block of a terminal table: the line above each rule.
fn block_headers(table: &str) -> Vec<&str> {
    let lines: Vec<&str> = table.lines().collect();
    (1..lines.len())
        .filter(|&k| !lines[k].is_empty() && lines[k].chars().all(|c| c == '-'))
        .map(|k| lines[k - 1])
        .collect()
}

#[test]
fn terminal_tables_keep_one_line_per_row_and_their_columns_aligned() {
    let report = awkward_report();
    let study = Study::new(&report, Some(0), None);
    // The tables are laid out for COLUMNS (100 when unset), so they may come in blocks of
    // columns: each block's header line sits above its rule.
    let summary = table::summary(&report);
    assert!(!summary.chars().any(|c| c.is_control() && c != '\n'));
    let headers: String = block_headers(&summary).join("\n");
    for name in [NIGHT, ESCAPE, WIDE] {
        assert!(headers.contains(one_line(name).as_ref()), "{headers}");
    }
    // Right-aligned columns: every row of each block of the comparison table ends where
    // its rule does.
    let comparisons = table::comparisons(&report, &study.comparisons);
    assert!(!comparisons.chars().any(|c| c.is_control() && c != '\n'));
    let width = |l: &str| ccsim::export::escape::display_width(l);
    let lines: Vec<&str> = comparisons.lines().collect();
    let mut rows_seen = 0;
    for (k, rule) in lines.iter().enumerate() {
        if rule.is_empty() || !rule.chars().all(|c| c == '-') {
            continue;
        }
        for row in lines[k + 1..]
            .iter()
            .take_while(|l| !l.is_empty() && !l.starts_with('*'))
        {
            assert_eq!(width(row), width(rule), "misaligned: {row}");
            rows_seen += 1;
        }
    }
    assert!(rows_seen > 10);
    let intervals = table::intervals(&report.scenarios[1]);
    assert!(intervals.starts_with("Red\\u{1b}[31m team  bell\\u{7} — per interval"));
}

#[test]
fn csv_and_json_give_back_names_with_line_breaks_and_quotes_exactly() {
    let report = awkward_report();
    let names: Vec<String> = report.scenarios.iter().map(|s| s.name.clone()).collect();
    let summary = csv_export::summary(&report).unwrap();
    assert_eq!(csv_column(&summary, "scenario"), names);
    assert_eq!(
        csv_column(&summary, "file"),
        vec![report.scenarios[0].file.clone(); 3]
    );
    let intervals = csv_export::intervals(&report).unwrap();
    let mut expected: Vec<String> = Vec::new();
    for s in &report.scenarios {
        expected.extend(vec![s.name.clone(); s.intervals.len()]);
    }
    assert_eq!(csv_column(&intervals, "scenario"), expected);
    let study = Study::new(&report, Some(0), None);
    let json: serde_json::Value = serde_json::from_slice(&bundle::json(&study).unwrap()).unwrap();
    assert_eq!(json["scenarios"][1]["name"], ESCAPE);
    assert_eq!(json["baseline"], NIGHT);
    assert_eq!(
        json["scenarios"][2]["file"],
        report.scenarios[2].file.as_str()
    );
}

#[test]
fn charts_of_names_with_control_characters_are_valid_svg_showing_the_name() {
    let report = awkward_report();
    for c in chart::charts(&report) {
        let svg = String::from_utf8(c.render(&report).unwrap().svg).unwrap();
        let text = svg_text(&svg, &c.stem);
        if c.stem == "tradeoff" {
            for name in [NIGHT, ESCAPE, WIDE] {
                let shown = one_line(name);
                assert!(text.iter().any(|t| *t == shown), "{} lacks {shown}", c.stem);
            }
        }
    }
    let titles: Vec<String> = chart::charts(&report)
        .into_iter()
        .map(|c| c.title)
        .collect();
    assert!(titles.iter().all(|t| !t.contains('\n')), "{titles:?}");
    assert!(titles.contains(&"Night shift | \"late\" by interval".to_string()));
}

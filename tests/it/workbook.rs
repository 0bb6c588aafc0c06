//! `study.xlsx`, read back by a reader other than its writer: its sheets, the units in
//! its headers, and every figure a number equal to the one `summary.json` holds.

use crate::common::{assert_success, ccsim};

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use serde_json::Value;
use std::path::Path;

const STUDY: &str = "scenarios/multi-skill/study";

/// A centre study with a baseline, written into a temporary folder.
fn study() -> (
    tempfile::TempDir,
    Value,
    Xlsx<std::io::BufReader<std::fs::File>>,
) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let baseline = format!("{STUDY}/separate.toml");
    let o = ccsim([
        "batch",
        STUDY,
        "-n",
        "3",
        "--baseline",
        &baseline,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_success(&o);
    let json: Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let book: Xlsx<_> = open_workbook(out.join("study.xlsx")).expect("calamine opens it");
    (dir, json, book)
}

fn sheet(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

/// The column whose header is exactly `header`.
fn column(r: &Range<Data>, header: &str) -> usize {
    let row: Vec<String> = (0..r.width())
        .map(|c| r.get((0, c)).map(|d| d.to_string()).unwrap_or_default())
        .collect();
    row.iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header:?} in {row:?}"))
}

/// The number in a cell (failing on text, which a spreadsheet cannot add up).
fn number(r: &Range<Data>, row: usize, col: usize) -> f64 {
    match r.get((row, col)) {
        Some(Data::Float(x)) => *x,
        other => panic!("cell ({row}, {col}) is {other:?}, not a number"),
    }
}

/// Equal to the last bits a JSON reader may lose: serde_json's default number parser is
/// not always correctly rounded (off by an ulp), so exact equality would test it, not us.
fn assert_same(cell: f64, json: f64, what: &str) {
    let tol = 4.0 * f64::EPSILON * cell.abs().max(json.abs());
    assert!(
        (cell - json).abs() <= tol,
        "{what}: {cell} in the workbook, {json} in the JSON"
    );
}

fn text(r: &Range<Data>, row: usize, col: usize) -> String {
    r.get((row, col)).map(|d| d.to_string()).unwrap_or_default()
}

/// The headers of the figures checked, with their JSON key.
fn checked(currency: &str) -> Vec<(String, &'static str)> {
    vec![
        ("Service level (%)".into(), "service_level"),
        ("Abandonment rate (%)".into(), "abandonment_rate"),
        ("ASA (s)".into(), "asa_s"),
        ("Occupancy (%)".into(), "occupancy"),
        ("Paid agent hours (h/day)".into(), "paid_agent_hours"),
        (format!("Cost total ({currency}/day)"), "cost_total"),
        (format!("Cost per contact ({currency})"), "cost_per_contact"),
        ("Offered (per day)".into(), "offered"),
    ]
}

#[test]
fn a_centre_study_has_its_sheets_with_units_and_the_jsons_figures() {
    let (_dir, json, mut book) = study();
    assert_eq!(
        book.sheet_names(),
        ["summary", "differences", "intervals", "groups"]
    );
    let currency = json["scenarios"][0]["currency"]
        .as_str()
        .unwrap()
        .to_string();
    let headers = checked(&currency);

    // summary: the whole centre (type `*`), then each type, per scenario.
    let summary = sheet(&mut book, "summary");
    let mut row = 1;
    for s in json["scenarios"].as_array().unwrap() {
        let mut parts = vec![("*", &s["metrics"])];
        for t in s["types"].as_array().unwrap() {
            parts.push((t["name"].as_str().unwrap(), &t["metrics"]));
        }
        for (ty, metrics) in parts {
            assert_eq!(text(&summary, row, 0), s["name"].as_str().unwrap());
            assert_eq!(text(&summary, row, 1), ty);
            for (h, key) in &headers {
                let c = column(&summary, h);
                let e = &metrics[*key];
                assert_same(number(&summary, row, c), e["mean"].as_f64().unwrap(), h);
                assert_same(
                    number(&summary, row, c + 1),
                    e["half_width"].as_f64().unwrap(),
                    &format!("{h} half-width"),
                );
                assert_eq!(
                    text(&summary, 0, c + 1),
                    format!("± 95 % ({})", &h[h.find('(').unwrap() + 1..h.len() - 1])
                );
            }
            row += 1;
        }
    }
    assert_eq!(summary.height(), row, "a row per scenario and type");

    // differences: a row per compared scenario.
    let diffs = sheet(&mut book, "differences");
    let comparisons = json["comparisons"].as_array().unwrap();
    assert_eq!(diffs.height(), comparisons.len() + 1);
    for (k, c) in comparisons.iter().enumerate() {
        assert_eq!(text(&diffs, k + 1, 0), c["scenario"].as_str().unwrap());
        assert_eq!(text(&diffs, k + 1, 1), c["baseline"].as_str().unwrap());
        for (h, key) in &headers {
            let col = column(&diffs, &format!("Δ {h}"));
            let d = &c["metrics"][*key];
            assert_same(number(&diffs, k + 1, col), d["mean"].as_f64().unwrap(), h);
        }
    }

    // intervals: every interval of every scenario and type, in order.
    let intervals = sheet(&mut book, "intervals");
    let sl = column(&intervals, "Service level (%)");
    let mut row = 1;
    for s in json["scenarios"].as_array().unwrap() {
        let mut all = vec![&s["intervals"]];
        all.extend(
            s["types"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| &t["intervals"]),
        );
        for ivs in all {
            for iv in ivs.as_array().unwrap() {
                assert_eq!(text(&intervals, row, 3), iv["start"].as_str().unwrap());
                match iv["metrics"]["service_level"]["mean"].as_f64() {
                    Some(x) => assert_same(number(&intervals, row, sl), x, "interval SL"),
                    None => assert_eq!(intervals.get((row, sl)), Some(&Data::Empty)),
                }
                row += 1;
            }
        }
    }
    assert_eq!(intervals.height(), row);

    // groups: every group's intervals, occupancy a number.
    let groups = sheet(&mut book, "groups");
    let occ = column(&groups, "Occupancy (%)");
    let g0 = &json["scenarios"][0]["groups"][0];
    assert_eq!(text(&groups, 1, 1), g0["name"].as_str().unwrap());
    let first = g0["intervals"][0]["occupancy"]["mean"].as_f64();
    if let Some(x) = first {
        assert_same(number(&groups, 1, occ), x, "group occupancy");
    }
}

#[test]
fn no_figure_is_text_nan_or_negative_zero() {
    let (_dir, _json, mut book) = study();
    for name in book.sheet_names() {
        let r = sheet(&mut book, &name);
        for (row, col, d) in r.used_cells() {
            match d {
                Data::Float(x) => {
                    assert!(x.is_finite(), "{name} ({row}, {col})");
                    assert!(
                        !(*x == 0.0 && x.is_sign_negative()),
                        "-0 at {name} ({row}, {col})"
                    );
                }
                Data::String(s) if row > 0 => {
                    assert!(
                        s.parse::<f64>().is_err(),
                        "a number as text at {name} ({row}, {col}): {s}"
                    );
                }
                _ => {}
            }
        }
    }
}

#[test]
fn a_one_type_study_has_no_groups_sheet_and_no_type_column() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = ccsim([
        "run",
        "scenarios/weekday.toml",
        "-n",
        "3",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_success(&o);
    let mut book: Xlsx<_> = open_workbook(out.join("study.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["summary", "differences", "intervals"]);
    let summary = sheet(&mut book, "summary");
    assert_eq!(text(&summary, 0, 1), "Replications");
    assert_eq!(number(&summary, 1, 1), 3.0);
    assert!(Path::new(&out.join(".ccsim-files")).is_file());
    let manifest = std::fs::read_to_string(out.join(".ccsim-files")).unwrap();
    assert!(manifest.lines().any(|l| l == "study.xlsx"), "{manifest}");
}

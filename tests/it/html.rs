//! `report.html` in every study folder (`batch`, `run --out` of a centre, `sweep --out`):
//! listed with the study's files, self-contained (nothing to load from a file or the
//! network), every chart the study wrote drawn inline, the same headings as
//! `report.md`, the study's title, and scenario text that cannot inject markup.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn ccsim(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    let out = Command::new(common::bin())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    common::assert_success(&out);
    out
}

/// `text` with the entities the HTML renderer writes decoded.
fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every heading of report.md: level and plain text (backslash escapes and entities undone).
fn markdown_headings(md: &str) -> Vec<(usize, String)> {
    md.lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| {
            let level = l.chars().take_while(|c| *c == '#').count();
            let mut text = String::new();
            let mut chars = l[level..].trim().chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    text.extend(chars.next());
                } else {
                    text.push(c);
                }
            }
            (level, decode(&text))
        })
        .collect()
}

/// Every `<hN>` of the page: level and text with tags removed and entities decoded.
fn html_headings(html: &str) -> Vec<(usize, String)> {
    // A folded scenario's summary stands for the level-3 heading it replaces.
    let html = html
        .replace("<details>\n<summary>", "<h3>")
        .replace("</summary>", "</h3>");
    let mut out = Vec::new();
    let mut rest = html.as_str();
    while let Some(k) = rest.find("<h") {
        rest = &rest[k + 2..];
        let Some(level) = rest.chars().next().and_then(|c| c.to_digit(10)) else {
            continue;
        };
        let open_end = rest.find('>').unwrap();
        let close = rest.find(&format!("</h{level}>")).unwrap();
        let inner = &rest[open_end + 1..close];
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        out.push((level as usize, decode(&text)));
        rest = &rest[close..];
    }
    out
}

/// The SVG files of a study folder: name and text.
fn svg_files(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "svg"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    v.sort();
    v
}

/// Checks `dir/report.html` against the folder: self-contained, every chart inline, the
/// headings and title of report.md. Returns the page.
fn assert_page(dir: &Path) -> String {
    let html = std::fs::read_to_string(dir.join("report.html")).expect("report.html");
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Nothing to load: no source, no link out of the page, no address but the SVG namespace.
    let lower = html.to_lowercase();
    for needle in [
        "src=", "<img", "<link", "<iframe", "<object", "@import", "url(",
    ] {
        assert!(!lower.contains(needle), "{needle} in {}", dir.display());
    }
    for (k, _) in lower.match_indices("href=") {
        let target = &lower[k + 5..(k + 40).min(lower.len())];
        assert!(
            target.starts_with("\"#"),
            "a link out of the page: {target}"
        );
    }
    let without_namespace = lower.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(!without_namespace.contains("http:") && !without_namespace.contains("https:"));
    assert!(!without_namespace.contains("file:"));
    // Every chart the study wrote, inline: its drawing is in the page.
    let svgs = svg_files(dir);
    assert!(!svgs.is_empty(), "no chart in {}", dir.display());
    assert_eq!(
        html.matches("<svg ").count(),
        svgs.len(),
        "one <svg> per chart"
    );
    for (name, svg) in &svgs {
        let body = &svg[svg.find('>').unwrap() + 1..];
        assert!(
            html.contains(body.trim_end()),
            "{name} is not drawn in report.html"
        );
    }
    // The sections of report.md, in order, and its title.
    let headings = markdown_headings(&md);
    assert!(headings.len() >= 3, "{headings:?}");
    assert_eq!(html_headings(&html), headings);
    let title = &headings[0].1;
    assert!(
        html.contains(&format!(
            "<title>{}</title>",
            ccsim::export::escape::html_text(title)
        )),
        "the title is not {title}"
    );
    html
}

/// A study folder written by `args` into a temporary folder.
fn study(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut all: Vec<&dyn AsRef<std::ffi::OsStr>> = args.iter().map(|a| a as _).collect();
    all.push(&"--out");
    all.push(&out);
    ccsim(&all);
    (tmp, out)
}

#[test]
fn a_batch_writes_a_self_contained_page_with_every_chart_and_section() {
    let (_tmp, out) = study(&[
        "batch",
        "scenarios/study",
        "--baseline",
        "scenarios/study/baseline.toml",
        "-n",
        "4",
    ]);
    let html = assert_page(&out);
    // The study is named after its folder, not every scenario run together.
    assert!(
        html.contains("<title>Staffing study: study</title>"),
        "{html}"
    );
    let manifest = std::fs::read_to_string(out.join(".ccsim-files")).unwrap();
    assert!(manifest.lines().any(|l| l == "report.html"));
    // Tables are sortable by their headers and the page prints.
    assert!(html.contains("<thead>") && html.contains("addEventListener(\"click\""));
    assert!(html.contains("@media print"));
}

#[test]
fn a_run_of_a_centre_writes_the_page_with_its_group_and_type_charts() {
    let (_tmp, out) = study(&["run", "scenarios/multi-skill/sales-support.toml", "-n", "3"]);
    let html = assert_page(&out);
    assert!(html.contains("aria-label=\""), "charts carry their titles");
}

#[test]
fn a_sweep_writes_the_page_with_its_charts() {
    let (_tmp, out) = study(&[
        "sweep",
        "scenarios/weekday.toml",
        "--vary",
        "staffing.agents=-1,+1",
        "-n",
        "3",
    ]);
    let html = assert_page(&out);
    assert!(html.contains("<title>Sweep of "), "the sweep's title");
    assert!(!html.contains("<p>()</p>") && !html.contains("SVG</a>"));
}

#[test]
fn scenario_names_holding_markup_stay_text_in_the_page() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("study");
    std::fs::create_dir(&dir).unwrap();
    let name = "<script>alert(1)</script> & <b>co</b>";
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/study/baseline.toml"),
    )
    .unwrap();
    let renamed: String = text
        .lines()
        .map(|l| {
            if l.starts_with("name = ") {
                format!("name = {name:?}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(renamed.contains("<script>"), "the scenario was renamed");
    std::fs::write(dir.join("a.toml"), renamed).unwrap();
    let out = tmp.path().join("out");
    ccsim(&[&"batch", &dir, &"--out", &out, &"-n", &"3"]);
    let html = assert_page(&out);
    assert!(!html.contains("<script>alert") && !html.contains("<b>co"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;"));
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the sorting script"
    );
}

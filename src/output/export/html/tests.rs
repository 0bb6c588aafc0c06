use super::*;

const SVG: &[u8] = b"<svg width=\"10\" height=\"5\" viewBox=\"0 0 10 5\" \
    xmlns=\"http://www.w3.org/2000/svg\">\n<text>Service level</text>\n</svg>\n";

const MD: &str = "# Staffing study: A &lt;b&gt; \\*x\\*\n\nIntro.\n\n## Results\n\n\
    | metric | A |\n| --- | ---: |\n| Offered | 1,234.5 ±2.0 |\n\n## Charts\n\n\
    ### Key metrics\n\n![Key metrics](comparison.png)\n\n[SVG](comparison.svg)\n\n\
    ([SVG](comparison.svg))\n\n### Missing\n\n![Missing](missing.png)\n\n\
    See [the file](summary.csv) and [a site](https://example.com).\n\n\
    <div onclick=\"x()\">raw</div>\n";

fn page() -> String {
    report(MD, &[("comparison", SVG)])
}

#[test]
fn the_title_is_the_first_heading_as_text() {
    let p = page();
    assert!(
        p.contains("<title>Staffing study: A &lt;b&gt; *x*</title>"),
        "{p}"
    );
}

#[test]
fn a_chart_image_becomes_its_svg_and_its_links_go() {
    let p = page();
    assert_eq!(p.matches("<svg class=\"chart\"").count(), 1);
    assert!(p.contains("<text>Service level</text>"));
    assert!(p.contains("aria-label=\"Key metrics\""));
    assert!(!p.contains("comparison.png") && !p.contains("comparison.svg"));
    assert!(!p.contains("<p>(</p>") && !p.contains("<p>()</p>"), "{p}");
}

#[test]
fn links_to_files_and_sites_become_text_and_nothing_is_loaded() {
    let p = page();
    assert!(p.contains("See the file and a site."), "{p}");
    assert!(p.contains("[chart: Missing]"));
    for needle in ["src=", "href=\"http", "summary.csv", "missing.png", "<img"] {
        assert!(!p.contains(needle), "{needle} in the page");
    }
    // Every href left is a link inside the page.
    for (k, _) in p.match_indices("href=\"") {
        assert_eq!(&p[k + 6..k + 7], "#", "{}", &p[k..k + 30]);
    }
}

#[test]
fn raw_html_in_the_markdown_is_shown_as_text() {
    let p = page();
    assert!(!p.contains("<div onclick"), "{p}");
    assert!(p.contains("&lt;div onclick="));
}

#[test]
fn every_section_gets_an_anchor_in_the_contents() {
    let p = page();
    assert!(p.contains("<h2 id=\"s-results\">Results</h2>"), "{p}");
    assert!(p.contains("<a href=\"#s-charts\">Charts</a>"));
    let nav = p.find("<nav").unwrap();
    assert!(
        p.find("</h1>").unwrap() < nav,
        "the contents come under the title"
    );
}

#[test]
fn tables_are_wrapped_to_scroll_and_keep_their_cells() {
    let p = page();
    assert!(p.contains("<div class=\"table-wrap\"><table>"), "{p}");
    assert!(p.contains("<td style=\"text-align: right\">1,234.5 ±2.0</td>"));
}

#[test]
fn two_sections_of_one_name_get_two_anchors() {
    let p = report("## A\n\n## A\n\n## \n", &[]);
    assert!(
        p.contains("id=\"s-a\"") && p.contains("id=\"s-a-2\""),
        "{p}"
    );
    assert!(p.contains("<title>ccsim report</title>"));
}

#[test]
fn each_scenario_of_the_detail_charts_is_folded_and_the_study_charts_are_not() {
    let md = "# Study\n\n## Charts\n\n### Key metrics\n\n![Key metrics](comparison.png)\n\n\
        ## Charts by scenario\n\n### Base\n\n#### Base by interval\n\n![Base](comparison.png)\n\n\
        ### Lean \\*x\\*\n\n#### Lean by interval\n\ntext\n\n## Notes\n\nLast.\n";
    let p = report(md, &[("comparison", SVG)]);
    assert_eq!(p.matches("<details>").count(), 2, "{p}");
    assert_eq!(p.matches("</details>").count(), 2, "{p}");
    assert!(p.contains("<details>\n<summary>Base</summary>"), "{p}");
    assert!(p.contains("<summary>Lean *x*</summary>"), "{p}");
    // The study's chart stays open; the last fold closes before the next section.
    let notes = p.find("<h2 id=\"s-notes\">").unwrap();
    assert!(p[..notes].ends_with("</details>\n"), "{p}");
    assert!(p.find("<details>").unwrap() > p.find("Key metrics").unwrap());
}

#[test]
fn wide_tables_scroll_in_their_box_with_the_first_column_fixed_and_print_fits_the_page() {
    let p = page();
    assert!(p.contains("<div class=\"table-wrap\"><table>"), "{p}");
    let style = &p[p.find("<style>").unwrap()..p.find("</style>").unwrap()];
    assert!(style.contains(".table-wrap { overflow-x: auto;"));
    assert!(style.contains("th:first-child, td:first-child { position: sticky; left: 0;"));
    let print = &style[style.find("@media print").unwrap()..];
    assert!(
        print.contains("table { font-size: 7.5pt; width: 100%;"),
        "{print}"
    );
    assert!(print.contains("max-width: 100% !important"), "{print}");
}

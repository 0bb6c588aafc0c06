//! A sweep for people: the terminal table (one row per point) and `report.md`.

use std::fmt::Write;

use crate::escape::{markdown_code_cell, markdown_table_cell, markdown_text, one_line};
use crate::export::{format_estimate, table::render, HalfWidth};
use crate::metrics::Metric;
use crate::report::Report;
use crate::sweep::Lever;

/// The metrics a sweep shows against its levers, in this order.
pub const KEY_METRICS: [Metric; 6] = [
    Metric::ServiceLevel,
    Metric::AbandonmentRate,
    Metric::AsaS,
    Metric::Occupancy,
    Metric::Csat,
    Metric::CostPerContact,
];

fn cell(report: &Report, i: usize, m: Metric) -> String {
    let e = report.scenarios[i].metrics.get(m);
    format_estimate(m.def().unit, &e, HalfWidth::Beside)
}

fn header(levers: &[Lever], currency: &str) -> Vec<String> {
    let mut h: Vec<String> = levers.iter().map(|l| l.key.clone()).collect();
    h.extend(KEY_METRICS.iter().map(|m| {
        let d = m.def();
        match d.unit {
            "money" => format!("{} ({currency})", d.label),
            "s" => format!("{} (s)", d.label),
            _ => d.label.to_string(),
        }
    }));
    h.push("replications".into());
    h
}

fn rows(report: &Report, levers: &[Lever], points: &[crate::sweep::Point]) -> Vec<Vec<String>> {
    let currency = report
        .scenarios
        .first()
        .map_or(String::new(), |s| one_line(&s.currency).into_owned());
    let mut rows = vec![header(levers, &currency)];
    for (i, p) in points.iter().enumerate() {
        let mut r: Vec<String> = p.values.iter().map(|(_, v)| v.clone()).collect();
        r.extend(KEY_METRICS.iter().map(|&m| cell(report, i, m)));
        r.push(report.scenarios[i].replications.to_string());
        rows.push(r);
    }
    rows
}

/// The terminal table: one row per point, the key metrics with their 95 % half-widths.
pub fn table(report: &Report, levers: &[Lever], points: &[crate::sweep::Point]) -> String {
    let mut out = render(&rows(report, levers, points));
    if let Some(s) = report.scenarios.first() {
        let _ = writeln!(
            out,
            "Every point: seed {} (common random numbers: differences between points are \
             the lever's, not chance's); file {}",
            s.seed,
            one_line(&s.file)
        );
    }
    out
}

/// `report.md` of a sweep: what was varied, the table, and the charts.
pub fn markdown(
    report: &Report,
    scenario_name: &str,
    levers: &[Lever],
    points: &[crate::sweep::Point],
    charts: &[(String, String)],
) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Sweep of {}\n",
        markdown_text(&one_line(scenario_name))
    );
    let varied: Vec<String> = levers
        .iter()
        .map(|l| {
            format!(
                "{} over {}",
                markdown_code_cell(&l.key),
                markdown_text(&l.values.join(", "))
            )
        })
        .collect();
    let _ = writeln!(
        o,
        "{}: {}. Each point is the scenario with `--set KEY=VALUE` for its \
         lever value(s); its figures are those of `ccsim run FILE --set KEY=VALUE`.",
        crate::words::count(points.len() as u64, "point"),
        varied.join("; ")
    );
    if let Some(s) = report.scenarios.first() {
        let _ = writeln!(
            o,
            "Every point uses seed {} (common random numbers), so the differences between \
             points are measured more precisely than each point's own interval suggests.\n",
            s.seed
        );
    }
    let _ = writeln!(o, "## Key figures (mean ± 95 % half-width)\n");
    let rows = rows(report, levers, points);
    for (k, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r.iter().map(|c| markdown_table_cell(c)).collect();
        let _ = writeln!(o, "| {} |", cells.join(" | "));
        if k == 0 {
            let _ = writeln!(o, "|{}", " --- |".repeat(r.len()));
        }
    }
    if !charts.is_empty() {
        let _ = writeln!(o, "\n## Charts\n");
        for (stem, title) in charts {
            let _ = writeln!(
                o,
                "### {}\n\n![{}]({stem}.png)\n",
                markdown_text(title),
                markdown_text(title)
            );
            let _ = writeln!(o, "([SVG]({stem}.svg))\n");
        }
    }
    let _ = writeln!(
        o,
        "Files: `sweep.json` (one scenario per point, each with its `point`), \
         `sweep.csv` (the summary CSV, one row per point)."
    );
    o
}

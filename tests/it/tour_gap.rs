//! The tour program's roster against its LP bound: after the dive, the local search
//! (drops, cheaper swaps, ejection chains, a few agents re-planned at once) brings the
//! paid hours within a few per cent of the bound on the week of contracts, and within a
//! stated margin on each group of the 2-group centre, whose weeks of a handful of agents leave more to rounding.

use crate::common::{assert_success, ccsim};

/// (group, bound, roster) of every "agents' weeks (...)" line `ccsim schedule` prints:
/// the tour program's paid hours before any repair.
fn tour_programs(file: &str) -> Vec<(String, f64, f64)> {
    let dir = tempfile::tempdir().unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let out = ccsim([
        "schedule",
        path.to_str().unwrap(),
        "--out",
        dir.path().join("plan.toml").to_str().unwrap(),
        "--agents",
        dir.path().join("agents.csv").to_str().unwrap(),
    ]);
    assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let hours = |line: &str, key: &str| -> f64 {
        let at = line.find(key).unwrap_or_else(|| panic!("{key} in {line}")) + key.len();
        line[at..]
            .split(" h")
            .next()
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    let found: Vec<(String, f64, f64)> = text
        .lines()
        .filter_map(|l| {
            let at = l.find("agents' weeks (")?;
            let group = l[..at]
                .trim()
                .trim_start_matches("group ")
                .trim_end_matches(':');
            Some((group.to_string(), hours(l, "bound "), hours(l, "roster ")))
        })
        .collect();
    assert!(!found.is_empty(), "no tour program in:\n{text}");
    found
}

/// The roster's gap to the bound, as a share of its paid hours (as reported).
fn gap(bound: f64, roster: f64) -> f64 {
    assert!(
        bound <= roster + 1e-9,
        "bound {bound} above roster {roster}"
    );
    (roster - bound) / roster
}

#[test]
fn the_week_on_contracts_is_rostered_within_five_per_cent_of_its_lp_bound() {
    // 1,510.5 paid hours against a bound of 1,455.5 (3.6 %); the dive alone left 12.8 %.
    let found = tour_programs("scenarios/shifts/contracts.toml");
    assert_eq!(found.len(), 1);
    let (_, bound, roster) = found[0];
    let g = gap(bound, roster);
    assert!(
        g <= 0.05,
        "roster {roster} h, bound {bound} h: gap {:.2} %",
        100.0 * g
    );
}

#[test]
fn the_two_group_centre_is_rostered_within_its_stated_margins_of_the_lp_bound() {
    // Sales 222 h against 209 (5.9 %), service 198 h against 174.5 (11.9 %), the
    // whole 420 h against 383.5 (8.7 %); one tour at a time the search stopped at
    // 202 h for service (13.6 %, whole 9.6 %), and re-planning two or three agents
    // together took it lower. A group of eight agents pays in steps of a part-time
    // week, so its margin is wider than the one-group week's; each margin is the gap
    // reached plus under a point.
    let found = tour_programs("tests/fixtures/staff/centre_contracts.toml");
    let names: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(names, ["sales", "service"]);
    for (group, bound, roster) in &found {
        let g = gap(*bound, *roster);
        assert!(
            g <= 0.125,
            "{group}: roster {roster} h, bound {bound} h: gap {:.2} %",
            100.0 * g
        );
    }
    let bound: f64 = found.iter().map(|f| f.1).sum();
    let roster: f64 = found.iter().map(|f| f.2).sum();
    let g = gap(bound, roster);
    assert!(
        g <= 0.095,
        "the centre: roster {roster} h, bound {bound} h: gap {:.2} %",
        100.0 * g
    );
}

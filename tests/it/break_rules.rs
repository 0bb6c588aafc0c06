//! `[rostering] breaks`: the order the rules are listed in changes nothing, and breaks
//! that cannot all fit are named as such.

use std::path::Path;

use ccsim::scenario::Scenario;

/// scenarios/shifts/weekday.toml rostered on 8-hour shifts with `breaks` replaced.
fn weekday_with_breaks(breaks: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/shifts/weekday.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let lunch = "breaks = [ { min_shift_h = 6, after_h = [3, 4.5], minutes = 30, paid = false } ]";
    assert!(text.contains(lunch));
    text.replace("shift_hours = [4, 6, 8]", "shift_hours = [8]")
        .replace(lunch, &format!("breaks = [ {breaks} ]"))
}

const LUNCH: &str = "{ min_shift_h = 6, after_h = [3, 4.5], minutes = 30, paid = false }";
const SHORT: &str = "{ min_shift_h = 4, after_h = [1.5, 2], minutes = 15, paid = true }";

/// A 15-minute break listed after the lunch rule is placed before the lunch, as when
/// listed first: both orders give the same shifts.
#[test]
fn a_short_break_listed_after_the_lunch_rule_still_fits() {
    let load = |breaks: String| {
        Scenario::from_toml(&weekday_with_breaks(&breaks), Path::new("day.toml"))
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let after = load(format!("{LUNCH}, {SHORT}"));
    let before = load(format!("{SHORT}, {LUNCH}"));
    let patterns = |s: &Scenario| {
        let day = s.intervals() as u32 * s.simulation.interval_minutes;
        s.rostering.as_ref().unwrap().patterns(day)
    };
    assert!(!patterns(&after).is_empty());
    assert_eq!(patterns(&after), patterns(&before));
}

/// Breaks that cannot fit without overlapping are named as the breaks' fault, not the
/// shift lengths'.
#[test]
fn breaks_that_cannot_all_fit_are_named() {
    let text = weekday_with_breaks(
        "{ min_shift_h = 6, after_h = [3, 3], minutes = 30 }, { min_shift_h = 4, after_h = [3, 3], minutes = 15 }",
    );
    let err = Scenario::from_toml(&text, Path::new("day.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("`rostering.breaks`"), "{err}");
    assert!(err.contains("overlapping"), "{err}");
}

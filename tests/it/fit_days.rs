//! `ccsim fit` on exports whose days are not the centre's days: an export cut off during
//! its last day, and a centre open across midnight, whose openings a calendar splits in
//! two. Counts are exact (10 contacts in every open half-hour), so the right answer is
//! known exactly: every full day has the same total, and day_cv is 0.

use crate::common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use ccsim::fit::{self, calls, clock};
use indicatif::ProgressBar;

/// An export with 10 contacts in every half-hour that is open, from `first` to `last`
/// (seconds since midnight of the first date, so a day may run past midnight), each
/// answered after a few seconds.
fn export(first: u32, last: u32, open: impl Fn(u32) -> bool) -> String {
    let day0 = clock::parse_date("2026-03-02").unwrap();
    let mut s = String::from("arrival,outcome,wait_s,talk_s,wrap_s\n");
    let mut t = first;
    while t < last {
        if open(t % 86_400) {
            let date = clock::civil_from_days(day0 + i64::from(t / 86_400));
            let c = t % 86_400;
            let _ = writeln!(
                s,
                "{date}T{:02}:{:02}:{:02},answered,{},{},10",
                c / 3600,
                c % 3600 / 60,
                c % 60,
                5 + t % 7,
                200 + t % 97
            );
        }
        t += 180;
    }
    s
}

fn fitted(dir: &Path, text: &str) -> fit::Fit {
    let path = dir.join("calls.csv");
    std::fs::write(&path, text).unwrap();
    let c = calls::read(&path, 30, true, &ProgressBar::hidden()).expect("the export reads");
    fit::fit(c, None)
}

const DAY: u32 = 86_400;
const H: u32 = 3600;

#[test]
fn a_last_day_cut_off_is_left_out_of_the_volumes() {
    let dir = tempfile::tempdir().unwrap();
    // 08:00–20:00 for 20 days, the last one stopping at 13:00.
    let f = fitted(
        dir.path(),
        &export(0, 19 * DAY + 13 * H, |c| (8 * H..20 * H).contains(&c)),
    );
    let v = &f.types[0].volumes;
    assert_eq!(f.days.len(), 20);
    assert_eq!(v.days, 19, "{:?}", f.notes);
    assert_eq!(v.per_day.value, 240.0);
    assert_eq!(v.day_cv.value, 0.0);
    assert!(
        f.notes.iter().any(
            |n| n.contains("the last day, 2026-03-21, has no contact after 13:00")
                && n.contains("cut off")
        ),
        "{:?}",
        f.notes
    );
    // A full last day is not touched.
    let f = fitted(
        dir.path(),
        &export(0, 20 * DAY, |c| (8 * H..20 * H).contains(&c)),
    );
    assert_eq!(f.types[0].volumes.days, 20);
    assert!(f.notes.is_empty(), "{:?}", f.notes);
}

#[test]
fn a_centre_open_across_midnight_is_fitted_as_one_opening() {
    let dir = tempfile::tempdir().unwrap();
    let night = |c: u32| !(4 * H..20 * H).contains(&c);
    // Dated exports run midnight to midnight: 15 dates of a 20:00–04:00 centre hold 14
    // whole openings, and the ends of the ones before and after.
    let text = export(0, 15 * DAY, night);
    let f = fitted(dir.path(), &text);
    assert_eq!(f.start_of(0), "20:00");
    assert_eq!(f.intervals(), 16);
    let v = &f.types[0].volumes;
    assert_eq!(v.days, 14, "{:?}", f.notes);
    assert_eq!(v.per_day.value, 160.0);
    assert_eq!(v.day_cv.value, 0.0);
    assert!(
        f.notes[0].contains("none from 04:00 to 20:00")
            && f.notes[0].contains("open at 20:00 and run past midnight"),
        "{:?}",
        f.notes
    );
    // The scenario opens at 20:00 with eight hours of 10 contacts per half-hour, and runs.
    let calls = dir.path().join("night.csv");
    std::fs::write(&calls, &text).unwrap();
    let out = dir.path().join("night.toml");
    let o = Command::new(common::bin())
        .args(["fit", calls.to_str().unwrap(), "--out"])
        .arg(&out)
        .arg("--no-chart")
        .output()
        .unwrap();
    common::assert_success(&o);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("run past midnight"), "{stdout}");
    let s = std::fs::read_to_string(&out).unwrap();
    assert!(s.contains("open = \"20:00\""), "{s}");
    assert!(
        s.contains("volumes = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,\n  10, 10, 10, 10]"),
        "{s}"
    );
    common::assert_success(
        &Command::new(common::bin())
            .arg("check")
            .arg(&out)
            .output()
            .unwrap(),
    );
}

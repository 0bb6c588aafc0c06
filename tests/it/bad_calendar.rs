//! Bad dated horizons and opening hours: each fixture names its file, field, line and
//! what was expected, like every other bad fixture.

use crate::bad_input::{assert_fails, Expect};

#[test]
fn fails_when_a_calendar_has_no_start_date() {
    assert_fails(Expect {
        file: "calendar_without_start_date.toml",
        field: Some("calendar"),
        line: Some((11, "[calendar]")),
        phrases: &["needs a dated horizon", "start_date"],
    });
}

#[test]
fn fails_on_an_unknown_weekday() {
    assert_fails(Expect {
        file: "calendar_unknown_weekday.toml",
        field: Some("calendar.hours.sonday"),
        line: Some((12, "sonday")),
        phrases: &["expected a weekday key", "mon, tue", "\"sonday\""],
    });
}

#[test]
fn fails_when_a_window_lies_outside_the_grid() {
    assert_fails(Expect {
        file: "calendar_window_outside_grid.toml",
        field: Some("calendar.hours.sat"),
        line: Some((12, "09:00-14:00")),
        phrases: &["not inside the day's interval grid 08:00-10:00"],
    });
}

#[test]
fn fails_when_a_window_is_not_on_the_intervals() {
    assert_fails(Expect {
        file: "calendar_window_not_aligned.toml",
        field: Some("calendar.hours.sat"),
        line: Some((12, "08:15")),
        phrases: &["does not start and end on the 30-minute intervals"],
    });
}

#[test]
fn fails_on_a_window_that_is_not_hours() {
    assert_fails(Expect {
        file: "calendar_bad_window.toml",
        field: Some("calendar.hours.mon"),
        line: Some((12, "9 to 5")),
        phrases: &["\"HH:MM-HH:MM\"", "\"closed\"", "found \"9 to 5\""],
    });
}

#[test]
fn fails_on_a_start_date_that_does_not_exist() {
    assert_fails(Expect {
        file: "start_date_not_a_date.toml",
        field: Some("simulation.start_date"),
        line: Some((9, "2027-02-30")),
        phrases: &["\"YYYY-MM-DD\" that exists", "found \"2027-02-30\""],
    });
}

#[test]
fn fails_on_a_closed_date_written_day_first() {
    assert_fails(Expect {
        file: "calendar_closed_bad_date.toml",
        field: Some("calendar.closed[0]"),
        line: Some((12, "05.03.2027")),
        phrases: &["\"YYYY-MM-DD\"", "found \"05.03.2027\""],
    });
}

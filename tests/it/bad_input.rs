//! Bad input a planner would plausibly write: each fixture in `tests/fixtures/bad/` has
//! exactly one mistake (its first line says which). Every one must fail with exit status
//! 1, a message naming the file, the field, the line and what was expected, no panic, and
//! no output file written, not even a partial one.

use crate::common::ccsim;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What a bad fixture must produce.
pub(crate) struct Expect<'a> {
    /// File name under `tests/fixtures/bad/`.
    pub(crate) file: &'a str,
    /// The field path printed in backticks; `None` for syntax errors (no field).
    pub(crate) field: Option<&'a str>,
    /// The 1-based line printed after the file name, and a piece of text on that line
    /// of the fixture (so an edited fixture fails here, not mysteriously).
    pub(crate) line: Option<(usize, &'a str)>,
    /// Phrases of what was expected, all of which must appear.
    pub(crate) phrases: &'a [&'a str],
}

pub(crate) fn assert_fails(e: Expect<'_>) {
    let path = fixture(e.file);
    let source = std::fs::read_to_string(&path).expect("fixture exists");
    assert!(
        source.starts_with('#'),
        "{}: a fixture opens with a comment saying what is wrong",
        e.file
    );
    let path_str = path.to_str().expect("utf-8 path");
    let mut location = path_str.to_string();
    if let Some((line, text)) = e.line {
        let actual = source.lines().nth(line - 1).unwrap_or_default();
        assert!(
            actual.contains(text),
            "{}: line {line} is {actual:?}, expected it to contain {text:?}",
            e.file
        );
        location.push_str(&format!(":{line}"));
    }
    location.push_str(": ");
    if let Some(field) = e.field {
        location.push_str(&format!("`{field}`: "));
    }

    // `check` and `run` (with both outputs into a fresh folder) fail the same way.
    let check = ccsim(["check", path_str]);
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("report.json");
    let csv = dir.path().join("summary.csv");
    let run = ccsim([
        "run",
        path_str,
        "--json",
        json.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    for (cmd, out) in [("check", &check), ("run", &run)] {
        let err = stderr_of(out);
        assert_eq!(
            out.status.code(),
            Some(1),
            "ccsim {cmd} {}: exit status; stderr:\n{err}",
            e.file
        );
        assert!(!err.contains("panicked"), "ccsim {cmd} panicked:\n{err}");
        let longest_number = err
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(
            longest_number <= 12,
            "ccsim {cmd}: a number of {longest_number} digits in:\n{err}"
        );
        assert!(
            err.contains(&location),
            "ccsim {cmd} {}: expected {location:?} in stderr:\n{err}",
            e.file
        );
        if e.line.is_none() {
            assert!(
                err.contains(&format!("{path_str}: ")),
                "no line expected:\n{err}"
            );
        }
        for phrase in e.phrases {
            assert!(
                err.contains(phrase),
                "ccsim {cmd} {}: expected {phrase:?} in stderr:\n{err}",
                e.file
            );
        }
    }
    assert!(run.stdout.is_empty(), "nothing simulated, nothing printed");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{}: output written: {left:?}", e.file);
}

#[test]
fn fails_when_a_staffing_key_is_misspelt_agent() {
    assert_fails(Expect {
        file: "staffing_key_typo.toml",
        field: Some("staffing.agent"),
        line: Some((11, "agent = ")),
        phrases: &["unknown field `agent`", "expected one of `agents`"],
    });
}

#[test]
fn fails_when_shrinkage_is_misspelt() {
    assert_fails(Expect {
        file: "shrinkage_misspelt.toml",
        field: Some("staffing.shrinkeage"),
        line: Some((12, "shrinkeage")),
        phrases: &["unknown field `shrinkeage`", "`shrinkage`", "a typo?"],
    });
}

#[test]
fn fails_when_a_table_name_is_misspelt() {
    assert_fails(Expect {
        file: "table_name_typo.toml",
        field: Some("handeling"),
        line: Some((7, "[handeling]")),
        phrases: &["unknown field `handeling`", "`handling`"],
    });
}

#[test]
fn fails_when_shrinkage_is_written_as_a_percent_string() {
    assert_fails(Expect {
        file: "shrinkage_as_percent_string.toml",
        field: Some("staffing.shrinkage"),
        line: Some((12, "\"30%\"")),
        phrases: &["expected a number", "0.30"],
    });
}

#[test]
fn fails_when_a_share_is_negative() {
    assert_fails(Expect {
        file: "negative_share.toml",
        field: Some("targets.abandonment_at_most"),
        line: Some((16, "abandonment_at_most = -0.05")),
        phrases: &["expected a share in [0, 1]", "found -0.05"],
    });
}

#[test]
fn fails_when_shrinkage_is_one() {
    assert_fails(Expect {
        file: "shrinkage_one.toml",
        field: Some("staffing.shrinkage"),
        line: Some((12, "shrinkage = 1")),
        phrases: &["expected a share in [0, 1)", "found 1"],
    });
}

#[test]
fn fails_when_agents_and_volumes_have_different_lengths() {
    assert_fails(Expect {
        file: "agents_volumes_length_mismatch.toml",
        field: Some("staffing.agents"),
        line: Some((11, "agents = ")),
        phrases: &["4 numbers", "found 5"],
    });
}

#[test]
fn fails_when_the_volume_list_is_empty() {
    assert_fails(Expect {
        file: "empty_volumes.toml",
        field: Some("arrivals.volumes"),
        line: Some((5, "volumes = []")),
        phrases: &["expected a non-empty list"],
    });
}

#[test]
fn fails_when_a_volume_is_negative() {
    assert_fails(Expect {
        file: "negative_volume.toml",
        field: Some("arrivals.volumes[2]"),
        line: Some((6, "-120")),
        phrases: &["from 0 to 1e6", "found -120"],
    });
}

#[test]
fn fails_when_the_distribution_is_unknown() {
    assert_fails(Expect {
        file: "unknown_distribution.toml",
        field: Some("handling.time.dist"),
        line: Some((9, "\"normal\"")),
        phrases: &["unknown distribution: `normal`", "`lognormal`"],
    });
}

#[test]
fn fails_when_a_lognormal_has_no_cv() {
    assert_fails(Expect {
        file: "lognormal_without_cv.toml",
        field: Some("handling.time"),
        line: Some((9, "time = { dist = \"lognormal\"")),
        phrases: &["missing field `cv`"],
    });
}

#[test]
fn fails_when_the_handling_table_is_missing() {
    assert_fails(Expect {
        file: "missing_handling_table.toml",
        field: Some("handling"),
        line: None,
        phrases: &["the required table [handling] is missing"],
    });
}

#[test]
fn fails_when_arrivals_has_no_volumes() {
    assert_fails(Expect {
        file: "arrivals_without_volumes.toml",
        field: Some("arrivals"),
        line: Some((4, "[arrivals]")),
        phrases: &["missing field `volumes`"],
    });
}

#[test]
fn fails_when_an_agent_count_is_fractional() {
    assert_fails(Expect {
        file: "fractional_agents.toml",
        field: Some("staffing.agents"),
        line: Some((12, "12.5")),
        phrases: &["expected a whole number of agents", "12.5"],
    });
}

#[test]
fn fails_when_interval_minutes_does_not_divide_the_day() {
    assert_fails(Expect {
        file: "interval_not_dividing_day.toml",
        field: Some("simulation.interval_minutes"),
        line: Some((6, "interval_minutes = 25")),
        phrases: &["divide 24 h", "found 25"],
    });
}

#[test]
fn fails_when_the_opening_time_is_not_a_clock_time() {
    assert_fails(Expect {
        file: "bad_open_time.toml",
        field: Some("simulation.open"),
        line: Some((7, "open = \"8am\"")),
        phrases: &["\"HH:MM\"", "found \"8am\""],
    });
}

#[test]
fn fails_when_a_bracket_is_not_closed() {
    // TOML notices on the next line, where `]` was expected.
    assert_fails(Expect {
        file: "unclosed_bracket.toml",
        field: None,
        line: Some((12, "shrinkage")),
        phrases: &["expected `]`"],
    });
}

#[test]
fn fails_when_callback_acceptance_is_a_percent() {
    assert_fails(Expect {
        file: "callback_acceptance_as_percent.toml",
        field: Some("callback.acceptance"),
        line: Some((16, "acceptance = 60")),
        phrases: &["expected a share in [0, 1]", "found 60"],
    });
}

#[test]
fn fails_when_a_cost_is_negative() {
    assert_fails(Expect {
        file: "negative_cost.toml",
        field: Some("costs.agent_hour"),
        line: Some((16, "agent_hour = -24.0")),
        phrases: &["amount from 0 to 1e9", "found -24"],
    });
}

#[test]
fn fails_when_self_service_containment_is_a_percent() {
    assert_fails(Expect {
        file: "self_service_containment_as_percent.toml",
        field: Some("self_service.containment"),
        line: Some((16, "containment = 35")),
        phrases: &["expected a share in [0, 1]", "found 35"],
    });
}

#[test]
fn fails_when_a_redial_delay_has_no_mean() {
    assert_fails(Expect {
        file: "redial_delay_without_mean.toml",
        field: Some("redial.delay"),
        line: Some((16, "delay =")),
        phrases: &["missing field `mean_s`"],
    });
}

#[test]
fn fails_when_redial_attempts_are_zero() {
    assert_fails(Expect {
        file: "redial_zero_attempts.toml",
        field: Some("redial.max_attempts"),
        line: Some((17, "max_attempts = 0")),
        phrases: &["whole number of attempts from 1", "found 0"],
    });
}

#[test]
fn fails_when_repeats_have_no_delay() {
    assert_fails(Expect {
        file: "resolution_repeats_without_delay.toml",
        field: Some("resolution.repeat_delay"),
        line: Some((14, "[resolution]")),
        phrases: &["expected a repeat_delay distribution"],
    });
}

#[test]
fn fails_when_fcr_is_above_one() {
    assert_fails(Expect {
        file: "resolution_fcr_above_one.toml",
        field: Some("resolution.fcr"),
        line: Some((15, "fcr = 1.2")),
        phrases: &["expected a share in [0, 1]", "found 1.2"],
    });
}

#[test]
fn fails_when_the_csat_threshold_is_on_a_percent_scale() {
    assert_fails(Expect {
        file: "satisfaction_threshold_out_of_scale.toml",
        field: Some("satisfaction.positive_from"),
        line: Some((15, "positive_from = 80")),
        phrases: &["score from 0 to 10", "found 80"],
    });
}

#[test]
fn fails_when_a_churn_key_is_misspelt() {
    assert_fails(Expect {
        file: "value_churn_typo.toml",
        field: Some("value.churn.promotor"),
        line: Some((16, "churn =")),
        phrases: &["unknown field `promotor`", "`promoter`"],
    });
}

// Sizes (hardening issue, class 4): each has a cap, enforced in `check` and `run` alike.

#[test]
fn fails_when_an_interval_expects_a_trillion_contacts() {
    assert_fails(Expect {
        file: "volume_beyond_cap.toml",
        field: Some("arrivals.volumes[1]"),
        line: Some((5, "1e12")),
        phrases: &["contacts from 0 to 1e6 per interval", "found 1e12"],
    });
}

#[test]
fn fails_when_one_replication_expects_too_many_contacts() {
    assert_fails(Expect {
        file: "contacts_per_replication_beyond_cap.toml",
        field: Some("arrivals.volumes"),
        line: Some((9, "volumes = ")),
        phrases: &[
            "at most 5e6 contacts per replication",
            "found 8e6 over 20 days",
        ],
    });
}

#[test]
fn fails_when_the_run_expects_too_many_contacts() {
    assert_fails(Expect {
        file: "contacts_per_run_beyond_cap.toml",
        field: Some("simulation.replications"),
        line: Some((5, "replications = 1000000")),
        phrases: &[
            "at most 1e10 contacts per run",
            "4e11",
            "at most 25000 replications",
        ],
    });
}

#[test]
fn fails_when_replications_are_above_the_cap() {
    assert_fails(Expect {
        file: "replications_above_cap.toml",
        field: Some("simulation.replications"),
        line: Some((5, "replications = 2000000")),
        phrases: &["from 2 to 1000000", "found 2000000"],
    });
}

#[test]
fn fails_when_agents_are_above_the_cap() {
    assert_fails(Expect {
        file: "agents_above_cap.toml",
        field: Some("staffing.agents[2]"),
        line: Some((11, "5000000")),
        phrases: &["agents from 0 to 1000000", "found 5000000"],
    });
}

#[test]
fn fails_when_lines_are_above_the_cap() {
    assert_fails(Expect {
        file: "lines_above_cap.toml",
        field: Some("staffing.lines"),
        line: Some((13, "lines = 20000000")),
        phrases: &["trunk lines from 1 to 10000000", "found 20000000"],
    });
}

#[test]
fn fails_when_the_types_of_a_centre_together_expect_too_many_contacts() {
    assert_fails(Expect {
        file: "centre_contacts_beyond_cap.toml",
        field: Some("types"),
        line: Some((8, "[[types]]")),
        phrases: &[
            "at most 5e6 contacts per replication",
            "found 6e6 over 3 days",
        ],
    });
}

// Ranges (class 5): a value whose model would silently mean something else is refused.

#[test]
fn fails_when_a_mean_is_1e300_seconds() {
    assert_fails(Expect {
        file: "mean_beyond_longest_duration.toml",
        field: Some("handling.time.mean_s"),
        line: Some((8, "mean_s = 1e300")),
        phrases: &["seconds above 0 to 1e7", "found 1e300"],
    });
}

#[test]
fn fails_when_an_observed_value_is_beyond_the_longest_duration() {
    assert_fails(Expect {
        file: "empirical_value_beyond_longest_duration.toml",
        field: Some("handling.time.values_s[2]"),
        line: Some((8, "1e9")),
        phrases: &["seconds from 0 to 1e7", "found 1e9"],
    });
}

#[test]
fn fails_when_a_callback_promise_is_beyond_the_longest_duration() {
    assert_fails(Expect {
        file: "callback_promise_beyond_longest_duration.toml",
        field: Some("callback.promise_s"),
        line: Some((17, "promise_s = 1e9")),
        phrases: &["seconds above 0 to 1e7", "found 1e9"],
    });
}

#[test]
fn fails_when_a_lognormal_cv_is_a_million() {
    assert_fails(Expect {
        file: "lognormal_cv_huge.toml",
        field: Some("handling.time.cv"),
        line: Some((8, "cv = 1e6")),
        phrases: &["lognormal CV above 0 to 4", "found 1e6"],
    });
}

#[test]
fn fails_when_a_gamma_cv_is_1e5() {
    assert_fails(Expect {
        file: "gamma_cv_huge.toml",
        field: Some("patience.time.cv"),
        line: Some((15, "cv = 1e5")),
        phrases: &["gamma CV above 0 to 4", "found 100000"],
    });
}

#[test]
fn fails_when_a_weibull_cv_is_above_the_cap() {
    assert_fails(Expect {
        file: "weibull_cv_above_cap.toml",
        field: Some("patience.time.cv"),
        line: Some((15, "cv = 10")),
        phrases: &["Weibull CV from 0.02 to 4", "found 10"],
    });
}

#[test]
fn fails_when_the_day_cv_is_a_million() {
    assert_fails(Expect {
        file: "day_cv_huge.toml",
        field: Some("arrivals.day_cv"),
        line: Some((6, "day_cv = 1e6")),
        phrases: &["day factor CV from 0 to 1", "found 1e6"],
    });
}

#[test]
fn fails_when_an_amount_is_above_the_cap() {
    assert_fails(Expect {
        file: "money_above_cap.toml",
        field: Some("costs.fixed_per_day"),
        line: Some((17, "fixed_per_day = 1e12")),
        phrases: &["amount from 0 to 1e9", "found 1e12"],
    });
}

#[test]
fn fails_when_a_factor_is_above_the_cap() {
    assert_fails(Expect {
        file: "factor_above_cap.toml",
        field: Some("self_service.failed_handle_factor"),
        line: Some((18, "failed_handle_factor = 50")),
        phrases: &["factor above 0 to 10", "found 50"],
    });
}

#[test]
fn fails_when_a_satisfaction_penalty_is_beyond_the_scale() {
    assert_fails(Expect {
        file: "satisfaction_effect_out_of_range.toml",
        field: Some("satisfaction.per_minute_waited"),
        line: Some((15, "per_minute_waited = -40")),
        phrases: &["score points from -10 to 10", "found -40"],
    });
}

#[test]
fn fails_when_customers_would_repeat_forever() {
    assert_fails(Expect {
        file: "repeats_forever.toml",
        field: Some("resolution.repeat_probability"),
        line: Some((16, "repeat_probability = 1.0")),
        phrases: &["back forever", "below 1"],
    });
}

#[test]
fn fails_when_a_centre_type_has_a_field_out_of_range() {
    assert_fails(Expect {
        file: "centre_type_out_of_range.toml",
        field: Some("types[1].value.customer_lifetime_value"),
        line: Some((18, "customer_lifetime_value = 1e12")),
        phrases: &["amount from 0 to 1e9", "found 1e12"],
    });
}

// Names (class 7): one line, no control characters, at most 200 characters.

#[test]
fn fails_when_the_name_has_a_line_break() {
    assert_fails(Expect {
        file: "name_with_newline.toml",
        field: Some("name"),
        line: Some((2, "Weekday\\nbaseline")),
        phrases: &["name on one line", "line break"],
    });
}

#[test]
fn fails_when_the_name_has_a_tab() {
    assert_fails(Expect {
        file: "name_with_tab.toml",
        field: Some("name"),
        line: Some((2, "Weekday\\tbaseline")),
        phrases: &["name on one line without control characters", "a tab"],
    });
}

#[test]
fn fails_when_the_name_is_too_long() {
    assert_fails(Expect {
        file: "name_too_long.toml",
        field: Some("name"),
        line: Some((2, "xxxxxxxx")),
        phrases: &["at most 200 characters", "found 201"],
    });
}

#[test]
fn fails_when_the_currency_has_a_line_break() {
    assert_fails(Expect {
        file: "currency_with_newline.toml",
        field: Some("costs.currency"),
        line: Some((15, "currency = ")),
        phrases: &["currency on one line", "line break"],
    });
}

#[test]
fn every_bad_fixture_is_tested() {
    let src = concat!(
        include_str!("bad_input.rs"),
        include_str!("bad_calendar.rs"),
        include_str!("agent_weeks.rs"),
        include_str!("centre_weeks.rs")
    );
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".toml") {
            n += 1;
            assert!(
                src.contains(&format!("file: \"{name}\"")),
                "{name} has no test"
            );
        }
    }
    assert!(n >= 14, "only {n} bad fixtures");
}

#[test]
fn check_accepts_the_weekday_scenario_and_prints_its_name() {
    let out = ccsim(["check", "scenarios/weekday.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Weekday baseline"), "{stdout}");
}

#[test]
fn a_replications_value_that_is_not_a_number_is_a_usage_error() {
    let out = ccsim(["run", "--replications", "abc"]);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--replications"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty(), "nothing simulated");
}

#[test]
fn fails_when_the_scenario_file_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no_such_scenario.toml");
    let missing = missing.to_str().unwrap();
    for cmd in ["check", "run"] {
        let out = ccsim([cmd, missing]);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "ccsim {cmd}: {err}");
        assert!(err.contains(missing), "ccsim {cmd}: {err}");
        assert!(err.contains("cannot read"), "ccsim {cmd}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn fails_before_simulating_when_the_json_folder_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("no_such_folder").join("report.json");
    let csv = dir.path().join("summary.csv");
    let out = ccsim([
        "run",
        "scenarios/weekday.toml",
        "--json",
        json.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(dir.path().join("no_such_folder").to_str().unwrap()),
        "names the missing folder: {err}"
    );
    assert!(err.contains("does not exist"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // The summary table is printed after simulating: none means it never simulated.
    assert!(out.stdout.is_empty(), "simulated before failing");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "output written: {left:?}");
}

#[test]
fn fails_when_interval_factors_do_not_cover_the_day() {
    assert_fails(Expect {
        file: "handling_factors_wrong_length.toml",
        field: Some("handling.interval_factors"),
        line: Some((9, "interval_factors")),
        phrases: &["expected 4 factors", "found 3"],
    });
}

#[test]
fn fails_when_a_patience_factor_is_zero() {
    assert_fails(Expect {
        file: "patience_factor_zero.toml",
        field: Some("patience.interval_factors[2]"),
        line: Some((12, "interval_factors")),
        phrases: &["factor above 0", "found 0"],
    });
}

#[test]
fn fails_when_the_busy_signal_redial_probability_is_a_percent() {
    assert_fails(Expect {
        file: "redial_after_blocked_as_percent.toml",
        field: Some("redial.after_blocked.probability"),
        line: Some((17, "after_blocked")),
        phrases: &["found 70"],
    });
}

#[test]
fn fails_when_make_during_drain_is_not_a_boolean() {
    assert_fails(Expect {
        file: "callback_drain_not_boolean.toml",
        field: Some("callback.make_during_drain"),
        line: Some((17, "make_during_drain")),
        phrases: &["boolean"],
    });
}

// Shifts, breaks and absence (issue 15).

#[test]
fn fails_when_a_shift_runs_past_the_end_of_the_day() {
    assert_fails(Expect {
        file: "shift_past_end_of_day.toml",
        field: Some("staffing.shifts[1].hours"),
        line: Some((15, "start = \"12:00\"")),
        phrases: &["runs past the end of the day", "ends at 18:00", "16:00"],
    });
}

#[test]
fn fails_when_two_breaks_overlap() {
    assert_fails(Expect {
        file: "shift_breaks_overlap.toml",
        field: Some("staffing.shifts[0].breaks[1].after_h"),
        line: Some((16, "after_h = 3.25")),
        phrases: &["overlaps breaks[0]", "must not overlap"],
    });
}

#[test]
fn fails_when_a_break_is_longer_than_its_shift() {
    assert_fails(Expect {
        file: "shift_break_longer_than_shift.toml",
        field: Some("staffing.shifts[1].breaks[0].minutes"),
        line: Some((15, "minutes = 300")),
        phrases: &["300 minutes", "shift of 4 h"],
    });
}

#[test]
fn fails_when_staffing_has_both_agents_and_shifts() {
    assert_fails(Expect {
        file: "staffing_agents_and_shifts.toml",
        field: Some("staffing.shifts"),
        line: Some((14, "shifts = ")),
        phrases: &["either agents", "or shifts, not both"],
    });
}

#[test]
fn fails_when_absenteeism_comes_without_shifts() {
    assert_fails(Expect {
        file: "absenteeism_without_shifts.toml",
        field: Some("staffing.absenteeism"),
        line: Some((14, "absenteeism = 0.05")),
        phrases: &["needs shifts", "shrinkage"],
    });
}

#[test]
fn fails_when_a_day_factor_is_negative() {
    assert_fails(Expect {
        file: "day_factor_negative.toml",
        field: Some("arrivals.day_factors[5]"),
        line: Some((7, "day_factors")),
        phrases: &["a day factor from 0 to 10", "found -0.6"],
    });
}

#[test]
fn fails_when_no_allowed_shift_covers_an_interval_with_demand() {
    assert_fails(Expect {
        file: "rostering_cannot_cover.toml",
        field: Some("rostering"),
        line: Some((15, "[rostering]")),
        phrases: &[
            "no allowed shift covers the interval starting 14:00",
            "expects contacts",
        ],
    });
}

#[test]
fn fails_when_a_group_shift_starts_before_opening() {
    assert_fails(Expect {
        file: "group_shift_before_opening.toml",
        field: Some("groups[0].shifts[1].start"),
        line: Some((17, "07:00")),
        phrases: &["starts at 07:00", "outside opening hours (08:00 to 10:00)"],
    });
}

// Channels: what a chat or an email type may not have, and chat slots.

#[test]
fn fails_when_an_email_type_has_patience() {
    assert_fails(Expect {
        file: "email_with_patience.toml",
        field: Some("types[1].patience"),
        line: Some((18, "[types.patience]")),
        phrases: &["an email does not abandon", "remove [types.patience]"],
    });
}

#[test]
fn fails_when_chat_slots_are_given_to_a_group_serving_no_chat() {
    assert_fails(Expect {
        file: "chat_slots_without_chat.toml",
        field: Some("groups[0].chat_slots"),
        line: Some((22, "chat_slots = 3")),
        phrases: &["serves no chat type", "channel = \"chat\""],
    });
}

#[test]
fn fails_when_chat_slots_are_zero() {
    assert_fails(Expect {
        file: "chat_slots_zero.toml",
        field: Some("groups[0].chat_slots"),
        line: Some((15, "chat_slots = 0")),
        phrases: &["from 1 to 20", "found 0"],
    });
}

#[test]
fn fails_when_a_voice_type_has_a_deadline_target() {
    assert_fails(Expect {
        file: "deadline_target_on_voice.toml",
        field: Some("types[0].targets.service_level.within_s"),
        line: Some((11, "within_s = 86400")),
        phrases: &["is a deadline, an email target", "under 3600 s"],
    });
}

#[test]
fn fails_when_a_voice_type_has_a_concurrency_slowdown() {
    assert_fails(Expect {
        file: "slowdown_on_voice.toml",
        field: Some("types[0].handling.concurrency_slowdown"),
        line: Some((10, "concurrency_slowdown = 0.2")),
        phrases: &["applies to chat only", "\"voice\""],
    });
}

#[test]
fn fails_when_a_chat_type_offers_callbacks() {
    assert_fails(Expect {
        file: "callback_on_chat.toml",
        field: Some("types[0].callback"),
        line: Some((11, "[types.callback]")),
        phrases: &["a callback is a phone call", "remove [types.callback]"],
    });
}

#[test]
fn fails_when_a_channel_is_unknown() {
    assert_fails(Expect {
        file: "channel_unknown.toml",
        field: Some("types[0].channel"),
        line: Some((6, "channel = \"sms\"")),
        phrases: &["\"voice\", \"chat\" or \"email\"", "found \"sms\""],
    });
}

#[test]
fn fails_when_short_abandons_are_longer_than_a_short_wait() {
    assert_fails(Expect {
        file: "short_abandon_beyond_cap.toml",
        field: Some("targets.short_abandon_s"),
        line: Some((15, "short_abandon_s = 300")),
        phrases: &["seconds of waiting from 0 to 120", "found 300"],
    });
}

#[test]
fn fails_when_targets_are_judged_by_an_unknown_period() {
    assert_fails(Expect {
        file: "judged_unknown.toml",
        field: Some("targets.judged"),
        line: Some((15, "judged = \"week\"")),
        phrases: &["\"interval\"", "\"day\"", "found \"week\""],
    });
}

#[test]
fn fails_when_email_when_idle_is_given_to_a_group_serving_no_email() {
    assert_fails(Expect {
        file: "email_when_idle_without_email.toml",
        field: Some("groups[0].email_when_idle"),
        line: Some((22, "email_when_idle = 2")),
        phrases: &[
            "does not serve both email and a live type",
            "channel = \"email\"",
        ],
    });
}

#[test]
fn fails_when_fte_hours_are_not_a_days() {
    assert_fails(Expect {
        file: "fte_hours_beyond_a_day.toml",
        field: Some("costs.fte_hours_per_day"),
        line: Some((15, "fte_hours_per_day = 40")),
        phrases: &["full-time agent a day, above 0 to 24", "found 40"],
    });
}

#[test]
fn fails_when_open_days_pass_a_year() {
    assert_fails(Expect {
        file: "open_days_beyond_a_year.toml",
        field: Some("costs.open_days_per_year"),
        line: Some((15, "open_days_per_year = 8760")),
        phrases: &["opens in a year, 1 to 366", "found 8760"],
    });
}

#[test]
fn fails_when_the_role_is_unknown() {
    assert_fails(Expect {
        file: "unknown_role.toml",
        field: Some("role"),
        line: Some((3, "role = \"shock\"")),
        phrases: &["expected one of \"option\", \"stress\"", "found \"shock\""],
    });
}

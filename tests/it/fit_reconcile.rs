//! `ccsim fit --intervals`: the export and the interval report compared interval by
//! interval. A report that files one interval of one date half an hour late has the same
//! daily totals as the export, so only the interval comparison can name it.

use std::fmt::Write as _;

use ccsim::fit::clock::{civil_from_days, parse_date};

use crate::common::{assert_success, ccsim};

const DAYS: i64 = 14;
/// Half-hour slots from 08:00 to 18:00.
const SLOTS: u32 = 20;

/// Contacts of `kind` on day `d` in slot `s` (deterministic, 5 to 15).
fn count(kind: usize, d: i64, s: u32) -> u32 {
    5 + ((d as u32 * 7 + s * 3 + kind as u32 * 5) % 11)
}

/// The export (a row per contact) and its interval report, with the report's `moved`
/// (date, slot) of `sales` filed under the next slot.
fn files(moved: Option<(i64, u32)>) -> (String, String) {
    let first = parse_date("2026-03-02").unwrap();
    let mut calls = String::from("arrival,type,outcome,wait_s,talk_s,wrap_s\n");
    let mut report = String::from("date,start,type,offered,answered,abandoned,aht_s\n");
    for d in 0..DAYS {
        let date = civil_from_days(first + d);
        for (k, kind) in ["sales", "support"].into_iter().enumerate() {
            let mut filed = vec![0u32; SLOTS as usize + 1];
            for s in 0..SLOTS {
                let n = count(k, d, s);
                let minute = 8 * 60 + s * 30;
                for i in 0..n {
                    let sec = i * 60;
                    let _ = writeln!(
                        calls,
                        "{date}T{:02}:{:02}:{:02},{kind},answered,10,200,10",
                        minute / 60 + (minute % 60 + sec / 60) / 60,
                        (minute % 60 + sec / 60) % 60,
                        sec % 60
                    );
                }
                let to = if k == 0 && moved == Some((d, s)) {
                    s + 1
                } else {
                    s
                };
                filed[to as usize] += n;
            }
            for (s, &n) in filed.iter().enumerate() {
                let minute = 8 * 60 + s as u32 * 30;
                let _ = writeln!(
                    report,
                    "{date},{:02}:{:02},{kind},{n},{n},0,210",
                    minute / 60,
                    minute % 60
                );
            }
        }
    }
    (calls, report)
}

/// `ccsim fit`'s terminal output and written scenario for these files.
fn fit(calls: &str, report: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let (c, r, out) = (
        dir.path().join("calls.csv"),
        dir.path().join("intervals.csv"),
        dir.path().join("s.toml"),
    );
    std::fs::write(&c, calls).unwrap();
    std::fs::write(&r, report).unwrap();
    let o = ccsim([
        "fit",
        c.to_str().unwrap(),
        "--intervals",
        r.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--no-chart",
    ]);
    assert_success(&o);
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        std::fs::read_to_string(out).unwrap(),
    )
}

#[test]
fn a_report_that_agrees_interval_by_interval_gives_no_note() {
    let (calls, report) = files(None);
    let (terminal, toml) = fit(&calls, &report);
    assert!(!terminal.contains("interval report"), "{terminal}");
    assert!(!toml.contains("NOTE: the"), "{toml}");
}

#[test]
fn one_interval_filed_late_on_one_date_is_named_though_the_day_totals_agree() {
    // Wednesday 2026-03-04, 10:00 (slot 4) of sales, filed under 10:30 by the report.
    let (calls, report) = files(Some((2, 4)));
    let (terminal, toml) = fit(&calls, &report);
    assert!(
        !terminal.contains("date(s)"),
        "the dates agree, so no date is named: {terminal}"
    );
    let n = count(0, 2, 4);
    let next = count(0, 2, 5);
    assert!(
        terminal.contains(&format!(
            "the export has contacts in 1 interval(s) of 30 min the interval report lacks on those dates: 2026-03-04 10:00 sales: {n}"
        )),
        "{terminal}"
    );
    assert!(
        terminal.contains(&format!(
            "(export vs report): 2026-03-04 10:30 sales: {next} vs {}",
            next + n
        )),
        "{terminal}"
    );
    assert!(
        !terminal.contains(" support: "),
        "support agrees and is compared on its own: {terminal}"
    );
    assert!(
        toml.contains("# NOTE: the export has contacts in 1 interval(s)"),
        "{toml}"
    );
}

#[test]
fn many_disagreeing_intervals_are_named_a_few_then_counted() {
    // Six contacts too many in every other sales interval of every date: a long list is
    // cut after five.
    let (calls, _) = files(None);
    let mut report = String::from("date,start,type,offered,answered,abandoned,aht_s\n");
    let first = parse_date("2026-03-02").unwrap();
    for d in 0..DAYS {
        let date = civil_from_days(first + d);
        for s in 0..SLOTS {
            let minute = 8 * 60 + s * 30;
            for (k, kind) in ["sales", "support"].into_iter().enumerate() {
                let n = count(k, d, s) + if k == 0 && s % 2 == 0 { 6 } else { 0 };
                let _ = writeln!(
                    report,
                    "{date},{:02}:{:02},{kind},{n},{n},0,210",
                    minute / 60,
                    minute % 60
                );
            }
        }
    }
    let (terminal, _) = fit(&calls, &report);
    let line = terminal
        .lines()
        .find(|l| l.contains("(export vs report)"))
        .unwrap_or_else(|| panic!("{terminal}"));
    let total = DAYS as usize * SLOTS as usize / 2;
    assert!(line.contains(&format!("in {total} interval(s)")), "{line}");
    assert!(line.contains(&format!("and {} more", total - 5)), "{line}");
    assert_eq!(line.matches(" sales: ").count(), 5, "{line}");
}

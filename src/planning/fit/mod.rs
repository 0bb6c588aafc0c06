//! `ccsim fit`: from a centre's own contact export to a scenario (docs/planning.md). The
//! data flow one way, and never all at once:
//!
//! ```text
//! CALLS.csv ──read row by row──► calls::Calls (per type: counts per day × interval,
//!                                  durations on fixed grids, sample::Sample)
//!            days::plan        ──► operating days (an opening across midnight is one
//!                                  day; a first or last day cut off is left out)
//!            outliers          ──► durations far beyond the rest, reported, left out
//!            volumes::estimate ──► volumes, day_cv, weekday factors
//!            durations::fit    ──► handle and wrap-up family (likelihood, mle)
//!            patience::fit     ──► Kaplan–Meier + censored maximum likelihood
//!                                  └──► write::scenario (TOML with comments) and chart
//! ```
//! Memory depends on the days and contact types covered, never on the rows.

pub mod calls;
pub mod carry;
pub mod clock;
pub mod days;
pub mod durations;
pub mod family;
pub mod intervals;
pub mod mle;
pub mod outliers;
pub mod patience;
pub mod read;
pub mod reconcile;
pub mod sample;
pub mod volumes;
pub mod write;

use calls::{Calls, TypeData};
use durations::DurationFit;
use intervals::{IntervalTotals, Intervals};
use outliers::Outliers;
use patience::PatienceFit;
use volumes::Volumes;

/// Fewest days for volumes and day_cv to be more than a rough guide.
pub const THIN_DAYS: usize = 10;
/// Fewest values for a duration's family and CV to be more than a rough guide.
pub const THIN_CONTACTS: u64 = 100;

/// One contact type fitted.
#[derive(Debug, Clone)]
pub struct TypeFit {
    /// Its name ("" when the data have no types).
    pub name: String,
    /// Volumes per interval and day_cv.
    pub volumes: Volumes,
    /// Handle (talk + hold) time.
    pub handle: DurationFit,
    /// Wrap-up time.
    pub wrap: DurationFit,
    /// Patience.
    pub patience: PatienceFit,
    /// What was counted and summarised.
    pub data: TypeData,
    /// The interval report's totals for the type, when one was given.
    pub report: Option<IntervalTotals>,
    /// Where the data are thin, in words.
    pub warnings: Vec<String>,
}

/// Everything fitted from the files.
#[derive(Debug, Clone)]
pub struct Fit {
    /// Contact types, in name order.
    pub types: Vec<TypeFit>,
    /// Planning interval, minutes.
    pub interval_minutes: u32,
    /// Index of the first interval of the day (from midnight) with arrivals.
    pub open_slot: usize,
    /// Days in the data, in order.
    pub days: Vec<i64>,
    /// Rows used and skipped in CALLS.csv.
    pub rows: u64,
    /// Rows skipped in CALLS.csv, with the first reasons.
    pub bad: read::BadRows,
    /// What was found about the days (an opening across midnight, a day cut off).
    pub notes: Vec<String>,
    /// The interval report's rows and skipped rows.
    pub intervals: Option<(u64, read::BadRows)>,
}

impl Fit {
    /// Clock time `HH:MM` at which interval `i` of the fitted day starts.
    pub fn start_of(&self, i: usize) -> String {
        let m = (self.open_slot + i) * self.interval_minutes as usize % (24 * 60);
        format!("{:02}:{:02}", m / 60, m % 60)
    }

    /// Intervals in the fitted day.
    pub fn intervals(&self) -> usize {
        self.types
            .first()
            .map_or(0, |t| t.volumes.per_interval.len())
    }
}

fn warnings(t: &TypeFit) -> Vec<String> {
    let mut w = Vec::new();
    let days = t.volumes.days;
    if days < 2 {
        w.push("one day of data: day_cv cannot be estimated and is written as 0".into());
    } else if days < THIN_DAYS {
        w.push(format!("only {days} days of data: volumes and day_cv are rough (at least {THIN_DAYS} days advised)"));
    }
    if t.data.answered == 0 {
        w.push("no answered contact: handle time is a placeholder".into());
    } else if t.data.answered < THIN_CONTACTS {
        w.push(format!(
            "only {} answered contacts: the handle-time family is a guess",
            t.data.answered
        ));
    }
    if t.patience.abandoned == 0 {
        w.push("no abandonment: patience cannot be estimated, so [patience] is left out (nobody abandons)".into());
    } else if t.patience.abandoned < THIN_CONTACTS {
        w.push(format!(
            "only {} abandonments: patience is rough",
            t.patience.abandoned
        ));
    }
    if t.data.blocked > 0 {
        w.push(format!("{} blocked contacts: the data do not say how many lines there are; set [staffing] lines", t.data.blocked));
    }
    if t.data.deflected > 0 {
        w.push(format!(
            "{} deflected contacts are counted in the volumes: add [self_service] to model them",
            t.data.deflected
        ));
    }
    w
}

/// Leaves the outlying durations of `d` out of its samples, and says which.
fn leave_out_outliers(d: &mut TypeData) -> Vec<Outliers> {
    let mut found = Vec::new();
    for (column, sample, largest) in [
        ("talk_s", &mut d.handle, &d.largest_talk),
        ("wrap_s", &mut d.wrap, &d.largest_wrap),
    ] {
        if let Some(b) = outliers::fence_bin(&[&sample.histogram]) {
            let n = sample.remove_above(b);
            if n > 0 {
                found.push(outliers::report(column, n, b, largest));
            }
        }
    }
    if let Some(b) = outliers::fence_bin(&[&d.abandon_waits, &d.answered_waits]) {
        let mut n = 0;
        for (h, m) in [
            (&mut d.abandon_waits, &mut d.abandon_moments),
            (&mut d.answered_waits, &mut d.answered_moments),
        ] {
            let k = h.remove_above(b);
            if k > 0 {
                *m = sample::Moments::of(h);
            }
            n += k;
        }
        if n > 0 {
            found.push(outliers::report("wait_s", n, b, &d.largest_wait));
        }
    }
    found
}

/// The channel of type `name`: as its rows named it, else as its name says.
pub fn channel(name: &str, t: &TypeData) -> &'static str {
    t.channel.unwrap_or_else(|| calls::channel_of(name, &[]))
}

fn clock_of(slot: usize, minutes: u32) -> String {
    let m = slot * minutes as usize;
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Fits every contact type of `calls` (with the interval report's totals beside them).
pub fn fit(mut calls: Calls, report: Option<Intervals>) -> Fit {
    // The report counts calendar dates and clock intervals as the export does, so the two
    // are set side by side before operating days or carried emails move any count.
    let reconciled: Vec<String> = report
        .as_ref()
        .map(|r| {
            let mut n = reconcile::dates(&calls, &r.dates);
            n.extend(reconcile::cells::intervals(&calls, r));
            n
        })
        .unwrap_or_default();
    let mut plan = days::plan(&mut calls.types, calls.slot_minutes);
    // The opening hours are those of the live channels: email arrives around the clock
    // and waits for the opening, so it does not open the centre at night.
    let live = |name: &str, t: &TypeData| channel(name, t) != "email";
    let has_live = calls.types.iter().any(|(n, t)| live(n, t));
    let any = |s: usize| {
        calls
            .types
            .iter()
            .filter(|(n, t)| !has_live || live(n, t))
            .any(|(_, t)| t.days.values().any(|v| v[s] > 0))
    };
    let slots = (24 * 60 / calls.slot_minutes) as usize;
    let open = (0..slots).find(|&s| any(s)).unwrap_or(0);
    let close = (0..slots).rev().find(|&s| any(s)).unwrap_or(open);
    if has_live {
        let open_days: Vec<i64> = plan
            .days
            .iter()
            .copied()
            .filter(|d| {
                calls.types.iter().any(|(n, t)| {
                    live(n, t) && t.days.get(d).is_some_and(|v| v.iter().any(|&c| c > 0))
                })
            })
            .collect();
        let mut moved = 0u64;
        for (name, t) in calls.types.iter_mut() {
            if channel(name, t) == "email" {
                moved += carry::to_next_opening(&mut t.days, &open_days, open, close);
            }
        }
        if moved > 0 {
            plan.notes.push(format!(
                "{moved} emails arrived outside the opening hours of voice and chat ({}–{}) or on a day they were closed: each is counted at the next opening, when an agent can first take it",
                clock_of(open, calls.slot_minutes),
                clock_of(close + 1, calls.slot_minutes)
            ));
        }
    }
    plan.notes.extend(reconciled);
    let mut report_types = report.as_ref().map(|r| r.types.clone()).unwrap_or_default();
    let types = calls
        .types
        .into_iter()
        .map(|(name, mut data)| {
            let outliers = leave_out_outliers(&mut data);
            let mut t = TypeFit {
                volumes: volumes::estimate(&data, &plan.volume_days, open, close),
                handle: durations::fit(&data.handle),
                wrap: durations::fit(&data.wrap),
                patience: patience::fit(&data),
                report: report_types.remove(&name),
                name,
                data,
                warnings: Vec::new(),
            };
            t.warnings = warnings(&t);
            t.warnings.extend(outliers.iter().map(Outliers::describe));
            t
        })
        .collect();
    Fit {
        types,
        interval_minutes: calls.slot_minutes,
        open_slot: (plan.shift + open) % slots,
        days: plan.days,
        rows: calls.rows,
        bad: calls.bad,
        notes: plan.notes,
        intervals: report.map(|r| (r.rows, r.bad)),
    }
}

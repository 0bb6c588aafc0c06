//! CALLS.csv streamed into bounded accumulators (docs/planning.md):
//! per contact type, the arrivals counted per day and planning interval, and the handle,
//! wrap-up and wait times summarised on fixed grids ([`super::sample`]). Nothing grows
//! with the rows: only with the days covered (one small count row per day and type).

use std::collections::BTreeMap;
use std::path::Path;

use indicatif::ProgressBar;

use super::clock::parse_arrival;
use super::outliers::Largest;
use super::read::{BadRows, CellError, Table};
use super::sample::{Histogram, Moments, Sample};
use crate::error::{Error, Result};

/// Most distinct contact types a file may hold (each keeps its own accumulators).
pub const MAX_TYPES: usize = 200;
/// Longest contact type name, in characters.
const MAX_TYPE_CHARS: usize = 200;

/// The columns, in the order [`Table::open`] is given them.
const ARRIVAL: usize = 0;
const OUTCOME: usize = 1;
const WAIT: usize = 2;
const TALK: usize = 3;
const WRAP: usize = 4;
const TYPE: usize = 5;
const CHANNEL: usize = 6;

/// A raw channel value of the export (`web_chat`) and the channel it stands for (`chat`),
/// as given with `--channel chat=web_chat`.
pub type ChannelMap = [(String, &'static str)];

/// The channel a raw value stands for: as mapped, else by its name (`chat` in it: chat;
/// `mail`: email; anything else: voice).
pub fn channel_of(raw: &str, map: &ChannelMap) -> &'static str {
    let lower = raw.to_ascii_lowercase();
    if let Some((_, c)) = map.iter().find(|(r, _)| r.eq_ignore_ascii_case(raw)) {
        return c;
    }
    if lower.contains("chat") {
        "chat"
    } else if lower.contains("mail") {
        "email"
    } else {
        "voice"
    }
}

/// What happened to a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Reached an agent.
    Answered,
    /// Left the queue.
    Abandoned,
    /// Found every line taken.
    Blocked,
    /// Resolved in self-service.
    Deflected,
}

impl Outcome {
    fn parse(s: &str) -> Option<Outcome> {
        match s.to_ascii_lowercase().as_str() {
            "answered" => Some(Outcome::Answered),
            "abandoned" => Some(Outcome::Abandoned),
            "blocked" => Some(Outcome::Blocked),
            "deflected" => Some(Outcome::Deflected),
            _ => None,
        }
    }
}

/// Everything kept about one contact type.
#[derive(Debug, Clone, Default)]
pub struct TypeData {
    /// Arrivals per day (day number) and slot of the day (`slot_minutes` long, from midnight).
    pub days: BTreeMap<i64, Vec<u32>>,
    /// Contacts answered, abandoned, blocked, deflected.
    pub answered: u64,
    /// Contacts that abandoned.
    pub abandoned: u64,
    /// Contacts blocked.
    pub blocked: u64,
    /// Contacts deflected.
    pub deflected: u64,
    /// Talk (+ hold) times of answered contacts.
    pub handle: Sample,
    /// Wrap-up times of answered contacts (blank counted as 0).
    pub wrap: Sample,
    /// Waits of abandoned contacts: patience observed.
    pub abandon_waits: Histogram,
    /// Waits of answered contacts: patience censored (it was at least this long).
    pub answered_waits: Histogram,
    /// Waits of abandoned contacts, exactly: the naive estimate.
    pub abandon_moments: Moments,
    /// Waits of answered contacts, exactly.
    pub answered_moments: Moments,
    /// The longest talk times, with their lines (examples if they are outliers).
    pub largest_talk: Largest,
    /// The longest wrap-up times, with their lines.
    pub largest_wrap: Largest,
    /// The longest waits, with their lines.
    pub largest_wait: Largest,
    /// The channel its rows name (a `channel` column), when they name one.
    pub channel: Option<&'static str>,
}

impl TypeData {
    /// Every contact of the type.
    pub fn contacts(&self) -> u64 {
        self.answered + self.abandoned + self.blocked + self.deflected
    }
}

/// CALLS.csv summarised.
#[derive(Debug, Clone, Default)]
pub struct Calls {
    /// Per contact type ("" when the file has no `type` column).
    pub types: BTreeMap<String, TypeData>,
    /// Every day with at least one contact, in order.
    pub days: Vec<i64>,
    /// Rows used.
    pub rows: u64,
    /// Rows skipped.
    pub bad: BadRows,
    /// Length of a counting slot (the planning interval), minutes.
    pub slot_minutes: u32,
}

/// One row, checked.
struct Row<'a> {
    day: i64,
    slot: usize,
    kind: &'a str,
    channel: Option<&'static str>,
    outcome: Outcome,
    wait: Option<f64>,
    talk: Option<f64>,
    wrap: Option<f64>,
}

fn row<'a>(
    t: &'a Table,
    slot_minutes: u32,
    latest_day: Option<i64>,
    map: &ChannelMap,
) -> std::result::Result<Row<'a>, CellError> {
    let arrival = parse_arrival(t.text(ARRIVAL)?).map_err(|message| CellError {
        column: "arrival",
        message,
    })?;
    if let Some(latest) = latest_day.filter(|&l| arrival.day < l) {
        return Err(CellError {
            column: "arrival",
            message: format!(
                "out of date order: {} comes after {} (sort the export by arrival)",
                super::clock::civil_from_days(arrival.day),
                super::clock::civil_from_days(latest)
            ),
        });
    }
    let text = t.text(OUTCOME)?;
    let outcome = Outcome::parse(text).ok_or_else(|| CellError {
        column: "outcome",
        message: format!("expected answered, abandoned, blocked or deflected, found \"{text}\""),
    })?;
    let channel = match t.cell(CHANNEL) {
        Some(c) if !c.is_empty() => Some(channel_of(c, map)),
        _ => None,
    };
    // Without a type column the channel names the type: chat and email come out apart.
    let kind = match (t.has(TYPE), channel) {
        (true, _) => t.text(TYPE)?,
        (false, Some(c)) => c,
        (false, None) => "",
    };
    if kind.chars().count() > MAX_TYPE_CHARS || kind.chars().any(char::is_control) {
        return Err(CellError {
            column: "type",
            message: format!("a type name is one line of at most {MAX_TYPE_CHARS} characters"),
        });
    }
    let (wait, talk, wrap) = (t.seconds(WAIT)?, t.seconds(TALK)?, t.seconds(WRAP)?);
    let needs = |v: Option<f64>, column: &'static str| {
        v.map(|_| ()).ok_or_else(|| CellError {
            column,
            message: format!(
                "is empty, and an {} contact needs it",
                text.to_ascii_lowercase()
            ),
        })
    };
    match outcome {
        Outcome::Answered => {
            needs(wait, "wait_s")?;
            needs(talk, "talk_s")?;
        }
        Outcome::Abandoned => needs(wait, "wait_s")?,
        Outcome::Blocked | Outcome::Deflected => {}
    }
    Ok(Row {
        day: arrival.day,
        slot: (arrival.second / (60.0 * f64::from(slot_minutes))) as usize,
        kind,
        channel,
        outcome,
        wait,
        talk,
        wrap,
    })
}

/// Reads CALLS.csv at `path`, counting arrivals in slots of `slot_minutes`.
pub fn read(path: &Path, slot_minutes: u32, strict: bool, progress: &ProgressBar) -> Result<Calls> {
    read_delimited(path, slot_minutes, strict, b',', progress)
}

/// Reads CALLS.csv at `path`, its fields separated by `delimiter`.
pub fn read_delimited(
    path: &Path,
    slot_minutes: u32,
    strict: bool,
    delimiter: u8,
    progress: &ProgressBar,
) -> Result<Calls> {
    read_export(path, slot_minutes, strict, delimiter, &[], progress)
}

/// Reads CALLS.csv at `path`, its fields separated by `delimiter`, a `channel` column's
/// values read through `map`.
pub fn read_export(
    path: &Path,
    slot_minutes: u32,
    strict: bool,
    delimiter: u8,
    map: &ChannelMap,
    progress: &ProgressBar,
) -> Result<Calls> {
    let mut t = Table::open(
        path,
        &["arrival", "outcome", "wait_s", "talk_s", "wrap_s"],
        &["type", "channel"],
        delimiter,
    )?;
    progress.set_length(t.bytes);
    let slots = (24 * 60 / slot_minutes) as usize;
    let mut calls = Calls {
        slot_minutes,
        ..Calls::default()
    };
    let mut latest_day = None;
    let mut seen = 0u64;
    while t.next_row()? {
        seen += 1;
        if seen % 65_536 == 0 {
            progress.set_position(t.position());
        }
        let r = match row(&t, slot_minutes, latest_day, map) {
            Ok(r) => r,
            Err(e) => {
                calls.bad.skip(&t, t.line(), e.column, &e.message, strict)?;
                continue;
            }
        };
        if latest_day != Some(r.day) {
            latest_day = Some(r.day);
            calls.days.push(r.day);
        }
        if !calls.types.contains_key(r.kind) {
            if calls.types.len() >= MAX_TYPES {
                return Err(Error::Other(format!(
                    "{}, line {}: more than {MAX_TYPES} contact types in column `type`",
                    path.display(),
                    t.line()
                )));
            }
            calls.types.insert(r.kind.to_string(), TypeData::default());
        }
        let line = t.line();
        let d = calls.types.get_mut(r.kind).expect("inserted above");
        if r.channel.is_some() {
            d.channel = r.channel;
        }
        d.days.entry(r.day).or_insert_with(|| vec![0; slots])[r.slot.min(slots - 1)] += 1;
        match r.outcome {
            Outcome::Answered => {
                d.answered += 1;
                let wait = r.wait.unwrap_or(0.0);
                d.answered_waits.add(wait);
                d.answered_moments.add(wait);
                d.largest_wait.add(wait, line);
                let (talk, wrap) = (r.talk.unwrap_or(0.0), r.wrap.unwrap_or(0.0));
                d.handle.add(talk);
                d.wrap.add(wrap);
                d.largest_talk.add(talk, line);
                d.largest_wrap.add(wrap, line);
            }
            Outcome::Abandoned => {
                d.abandoned += 1;
                let wait = r.wait.unwrap_or(0.0);
                d.abandon_waits.add(wait);
                d.abandon_moments.add(wait);
                d.largest_wait.add(wait, line);
            }
            Outcome::Blocked => d.blocked += 1,
            Outcome::Deflected => d.deflected += 1,
        }
        calls.rows += 1;
    }
    progress.set_position(t.bytes);
    calls.bad.check(path, calls.rows + calls.bad.count)?;
    if calls.rows == 0 {
        return Err(Error::Other(format!(
            "{}: no usable contact rows: nothing to fit",
            path.display()
        )));
    }
    Ok(calls)
}

//! How much memory a run may take, and so how many replications may be in flight.
//!
//! A replication's memory grows with the contacts in the centre at once: each waiting
//! contact holds its journey, its place in a queue and its timers, and a worker keeps
//! that room for its next replication. The most there can be at once is every contact
//! of the replication (no one served), so a replication is budgeted at that: the
//! contacts the scenario expects in a replication times the bytes one takes. Well-staffed
//! centres use far less; a starved one reaches it (measured: 126 bytes a contact, 633 MB
//! for 5,000,000 contacts in one replication, peak of the whole process).
//!
//! The run's budget is `--max-memory`, by default half of the memory the process may
//! use (the machine's RAM, or less when a control group or an address-space limit says
//! so). Replications in flight are cut to what fits; since results are folded in
//! replication order whatever the number in flight, figures do not change. A scenario
//! one replication of which does not fit is refused before any work, with an error.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};
use crate::scenario::Scenario;

/// Bytes a contact in the centre takes, with room for the growth of the queues that
/// hold it (126 measured, rounded up).
pub const BYTES_PER_CONTACT: f64 = 160.0;

/// Bytes a replication takes besides its contacts (its counters, the model itself).
pub const BASE_BYTES: u64 = 4 << 20;

/// Bytes a logged contact adds with `run --calls-log` (its record and its CSV row,
/// held until the replication is written).
pub const LOG_BYTES_PER_CONTACT: f64 = 160.0;

/// Used when the machine's memory cannot be read.
pub const FALLBACK_BYTES: u64 = 4 << 30;

/// The budget of this process, set by the command from `--max-memory` (0: not set yet).
static BUDGET: AtomicU64 = AtomicU64::new(0);

/// What one replication of `s` is budgeted at (see the module's notes).
pub fn replication_bytes(s: &Scenario, logging: bool) -> u64 {
    let per_contact = BYTES_PER_CONTACT + if logging { LOG_BYTES_PER_CONTACT } else { 0.0 };
    let contacts = s.expected_contacts_per_replication().max(0.0);
    BASE_BYTES.saturating_add((contacts * per_contact) as u64)
}

/// The run's budget: what the command set, else the default.
pub fn budget() -> u64 {
    match BUDGET.load(Ordering::Relaxed) {
        0 => {
            let b = default_budget().max(1);
            BUDGET.store(b, Ordering::Relaxed);
            b
        }
        b => b,
    }
}

/// Half of what the process may use: the machine's RAM, a control group's limit or the
/// address-space limit, whichever is least; [`FALLBACK_BYTES`] when none can be read.
pub fn default_budget() -> u64 {
    let limits = [ram(), cgroup_limit(), address_space_limit()];
    limits
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(2 * FALLBACK_BYTES)
        / 2
}

fn ram() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb.saturating_mul(1024))
}

fn cgroup_limit() -> Option<u64> {
    let text = std::fs::read_to_string("/sys/fs/cgroup/memory.max").ok()?;
    text.trim().parse().ok()
}

fn address_space_limit() -> Option<u64> {
    address_space_in(&std::fs::read_to_string("/proc/self/limits").ok()?)
}

/// The soft address-space limit in the text of `/proc/self/limits` (`None`: unlimited).
fn address_space_in(text: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with("Max address space"))?;
    // Columns: the name (three words), the soft limit, the hard limit, the unit.
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Sets the run's budget (`--max-memory`, or the default) and refuses, naming the file,
/// a scenario one replication of which does not fit in it; returns a note for each
/// scenario of which fewer replications than `threads` (all cores when `None`) will be
/// in flight, for the command line to show.
pub fn configure<'a>(
    max_memory: Option<u64>,
    threads: Option<u16>,
    scenarios: impl IntoIterator<Item = &'a Scenario>,
    logging: bool,
) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    let threads = threads.map_or_else(rayon::current_num_threads, usize::from);
    let budget = max_memory.unwrap_or_else(default_budget).max(1);
    BUDGET.store(budget, Ordering::Relaxed);
    for s in scenarios {
        let need = replication_bytes(s, logging);
        if need > budget {
            let how = match max_memory {
                Some(_) => "--max-memory".to_string(),
                None => "half of this machine's memory, the default --max-memory".to_string(),
            };
            return Err(Error::Other(format!(
                "{}: one replication may need up to {} (about {} contacts in the centre \
                 at once, {} bytes each), more than the {} the run may use ({how}): give \
                 --max-memory more, or simulate fewer contacts per replication (fewer days)",
                s.file.display(),
                shown_bytes(need),
                crate::number::thousands(&format!("{:.0}", s.expected_contacts_per_replication())),
                BYTES_PER_CONTACT as u64,
                shown_bytes(budget),
            )));
        }
        let k = in_flight(s, logging);
        if k < threads {
            notes.push(format!(
                "note: {}: at most {k} replication(s) in flight instead of {threads} (each may \
                 need up to {}; the run may use {}): slower, same figures",
                s.file.display(),
                shown_bytes(need),
                shown_bytes(budget)
            ));
        }
    }
    Ok(notes)
}

/// How many replications of `s` may be in flight at once within the budget (at least one).
pub fn in_flight(s: &Scenario, logging: bool) -> usize {
    let each = replication_bytes(s, logging).max(1);
    usize::try_from(budget() / each)
        .unwrap_or(usize::MAX)
        .max(1)
}

/// A size as people read it: `633 MB`, `1.5 GB`.
pub fn shown_bytes(b: u64) -> String {
    let b = b as f64;
    if b >= 1e9 {
        format!("{:.1} GB", b / 1e9)
    } else if b >= 1e6 {
        format!("{:.0} MB", b / 1e6)
    } else {
        format!("{:.0} KB", b / 1e3)
    }
}

/// Parses `--max-memory`: bytes, or a number with K, M, G or T (powers of 1000; KiB,
/// MiB, GiB, TiB for powers of 1024), e.g. `2G`, `1.5GB`, `512MiB`.
pub fn parse_bytes(arg: &str) -> std::result::Result<u64, String> {
    let bad = || format!("`{arg}`: expected a size such as 2G, 512M or 1.5GiB");
    let t = arg.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let x: f64 = number.parse().map_err(|_| bad())?;
    let scale: f64 = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1.0,
        "K" | "KB" => 1e3,
        "M" | "MB" => 1e6,
        "G" | "GB" => 1e9,
        "T" | "TB" => 1e12,
        "KIB" => 1024.0,
        "MIB" => 1024.0 * 1024.0,
        "GIB" => 1024.0 * 1024.0 * 1024.0,
        "TIB" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return Err(bad()),
    };
    let bytes = x * scale;
    if !(1e6..=1e18).contains(&bytes) {
        return Err(format!("`{arg}`: expected a size from 1M to 1000000T"));
    }
    Ok(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_in_both_units() {
        assert_eq!(parse_bytes("2G"), Ok(2_000_000_000));
        assert_eq!(parse_bytes("1.5GiB"), Ok(1_610_612_736));
        assert_eq!(parse_bytes("512 MB"), Ok(512_000_000));
        assert!(parse_bytes("12").is_err());
        assert!(parse_bytes("2X").is_err());
        assert!(parse_bytes("-3G").is_err());
    }

    #[test]
    fn the_address_space_limit_is_read_from_proc_limits() {
        let limited =
            "Max cpu time              unlimited            unlimited            seconds\n\
                       Max address space         4294967296           unlimited            bytes\n";
        assert_eq!(address_space_in(limited), Some(4_294_967_296));
        let open = "Max address space         unlimited            unlimited            bytes\n";
        assert_eq!(address_space_in(open), None);
    }
}

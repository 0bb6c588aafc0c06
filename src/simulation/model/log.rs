//! The optional per-contact log (`ccsim run --calls-log`): one record per contact as it
//! is answered, abandons, is blocked or is deflected. Off by default; when off, each of
//! those moments costs one check of an empty `Option` and nothing else.

use super::Centre;

/// What happened to a logged contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoggedOutcome {
    /// Reached an agent.
    Answered,
    /// Left the queue (or was cut off at the end with nobody left to answer).
    Abandoned,
    /// Found every line taken.
    Blocked,
    /// Resolved in self-service.
    Deflected,
}

/// One contact of the log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContactRecord {
    /// When it reached the queue (or self-service), seconds from the first opening.
    pub arrival_s: f64,
    /// Its contact type (index in the scenario).
    pub ty: u16,
    /// What happened.
    pub outcome: LoggedOutcome,
    /// Time in queue (answered, abandoned).
    pub wait_s: f64,
    /// Talk (+ hold) time (answered).
    pub talk_s: f64,
    /// Wrap-up time (answered).
    pub wrap_s: f64,
}

impl Centre<'_> {
    /// Turns the per-contact log on or off for the next replications.
    pub fn set_contact_log(&mut self, on: bool) {
        self.log = on.then(Vec::new);
    }

    /// The contacts of the last replication, in the order they were decided (empty
    /// when the log is off).
    pub fn contact_log(&self) -> &[ContactRecord] {
        self.log.as_deref().unwrap_or(&[])
    }

    /// Records a contact when the log is on: the check stays in the hot path, the
    /// record is built and pushed out of line.
    #[inline(always)]
    pub(super) fn log_contact(&mut self, record: impl FnOnce() -> ContactRecord) {
        if self.log.is_some() {
            self.push_log(record());
        }
    }

    #[cold]
    #[inline(never)]
    fn push_log(&mut self, record: ContactRecord) {
        if let Some(log) = &mut self.log {
            log.push(record);
        }
    }
}

/// A record of the contact log.
#[inline(always)]
pub(super) fn record(
    arrival_s: f64,
    t: usize,
    outcome: LoggedOutcome,
    wait_s: f64,
    talk_s: f64,
    wrap_s: f64,
) -> ContactRecord {
    ContactRecord {
        arrival_s,
        ty: t as u16,
        outcome,
        wait_s,
        talk_s,
        wrap_s,
    }
}

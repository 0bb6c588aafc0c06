//! Every size and range ccsim accepts, in one place: scenario validation, the command
//! line and the README's limits table all follow these. Sizes keep a run's memory and
//! time bounded; ranges keep a model from silently meaning something else than it says
//! (a sampled mean that cannot match the configured one, 300-digit money).

/// Replications per scenario (file and `-n` alike); a confidence interval needs 2.
pub const MAX_REPLICATIONS: u32 = 1_000_000;
/// Consecutive days per replication.
pub const MAX_DAYS: u32 = 3660;
/// Expected fresh contacts in one interval.
pub const MAX_VOLUME_PER_INTERVAL: f64 = 1_000_000.0;
/// Expected fresh contacts in one replication (every day): bounds the queue's memory,
/// since each customer has at most one contact in the centre at a time.
pub const MAX_CONTACTS_PER_REPLICATION: f64 = 5_000_000.0;
/// Expected fresh contacts over a whole run (replications × per replication): bounds time.
pub const MAX_CONTACTS_PER_RUN: f64 = 1e10;
/// Paid agents in one interval (and `ccsim erlang --agents`).
pub const MAX_AGENTS: u32 = 1_000_000;
/// Trunk lines.
pub const MAX_LINES: u32 = 10_000_000;
/// Longest mean, value or bound of any duration, in seconds (about 115 days); also the
/// longest duration `fit` reads from an export (a longer one is a bad row).
pub const MAX_DURATION_S: f64 = 1e7;
/// Largest coefficient of variation of a lognormal, gamma or Weibull duration. Beyond
/// it a heavy tail's sampled mean drifts from the configured one (lognormal cv = 1e6
/// averaged 3 s for 180 s); at 4, a test per family in `dist.rs` finds the mean of
/// 2,000,000 draws within 5 standard errors.
pub const MAX_CV: f64 = 4.0;
/// Largest coefficient of variation of the day factor.
pub const MAX_DAY_CV: f64 = 1.0;
/// Longest wait, in seconds, under which an abandon may count as short.
pub const MAX_SHORT_ABANDON_S: f64 = 120.0;
/// Largest amount of money in any single cost or value field.
pub const MAX_MONEY: f64 = 1e9;
/// Most values in an empirical distribution.
pub const MAX_EMPIRICAL_VALUES: usize = 1_000_000;
/// Most attempts (redials, callback attempts) per customer.
pub const MAX_ATTEMPTS: u32 = 100;
/// Largest multiplying factor (self-service failed handle and patience factors).
pub const MAX_FACTOR: f64 = 10.0;
/// Longest scenario, type or group name, in characters (names are one line).
pub const MAX_NAME_CHARS: usize = 200;
/// Largest size of one satisfaction adjustment (`per_minute_waited`, `abandoned`,
/// `per_extra_contact`, `unresolved`, `self_service_failed`), in score points of
/// either sign: one adjustment of 10 already spans the whole 0–10 scale.
pub const MAX_SCORE_EFFECT: f64 = 10.0;
/// Largest spread (standard deviation) of the satisfaction noise, in score points.
pub const MAX_NOISE_SD: f64 = 10.0;
/// Most contact types (`[[types]]`) in one centre: each adds queues, statistics and
/// routing to every replication, so an unbounded list is unbounded memory.
pub const MAX_TYPES: usize = 200;
/// Most agent groups (`[[groups]]`) in one centre, for the same reason.
pub const MAX_GROUPS: usize = 200;
/// Most chats one agent may hold at once (`chat_slots`).
pub const MAX_CHAT_SLOTS: i64 = 20;
/// Largest chat slowdown (`concurrency_slowdown`): each extra chat would add ten handle times.
pub const MAX_SLOWDOWN: f64 = 10.0;
/// Longest interval `ccsim erlang --interval-minutes` accepts: one day.
pub const MAX_ERLANG_INTERVAL_MINUTES: f64 = 1440.0;

/// A number as messages show it: short, in scientific notation when very large or very
/// small, so that `1e300` is never printed as 301 digits.
pub fn shown(v: f64) -> String {
    let a = v.abs();
    if !v.is_finite() || v == 0.0 || (1e-4..1e6).contains(&a) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_extreme_numbers_briefly() {
        assert_eq!(shown(1e300), "1e300");
        assert_eq!(shown(-2.5e-300), "-2.5e-300");
        assert_eq!(shown(1e10), "1e10");
        assert_eq!(shown(180.0), "180");
        assert_eq!(shown(999_999.0), "999999");
        assert_eq!(shown(1e6), "1e6");
        assert_eq!(shown(0.25), "0.25");
        assert_eq!(shown(f64::INFINITY), "inf");
    }
}

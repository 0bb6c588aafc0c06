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
/// Longest mean, value or bound of any duration, in seconds (about 115 days).
pub const MAX_DURATION_S: f64 = 1e7;
/// Largest coefficient of variation of a lognormal, gamma or Weibull duration.
pub const MAX_CV: f64 = 4.0;
/// Largest coefficient of variation of the day factor.
pub const MAX_DAY_CV: f64 = 1.0;
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

//! Scenario files in, checked scenarios out. `file` mirrors the TOML, `validate` applies
//! every rule of the scenario file and builds the distributions, `error` locates what is wrong.
//! The model downstream only ever sees a [`Scenario`] that passed every check.

mod file;
mod validate;

pub mod calendar;
mod journey;
mod routing;
mod shifts;

use std::path::{Path, PathBuf};

pub use crate::foundation::scenario_error::{FieldError, ScenarioError};
pub use calendar::Calendar;
pub use file::ScenarioFile;
pub use journey::{Callback, Redial, Resolution, Satisfaction, SelfService, Value};
pub use routing::{Pick, Route};
pub use shifts::{clock, Break, BreakRule, Contract, DayCover, Roster, Rostering, Shift};

use crate::dist::Duration;

/// The scenario compiled into the binary: a realistic weekday, also `scenarios/weekday.toml`.
pub const DEFAULT_SCENARIO: &str = include_str!("../../../scenarios/weekday.toml");
/// The name shown for the embedded default scenario in place of a file path.
pub const DEFAULT_SCENARIO_PATH: &str = "<embedded default: scenarios/weekday.toml>";

/// A validated scenario: every value checked, every distribution built. Every file has
/// the same shape: the settings common to the whole file, the contact types and the agent
/// groups that serve them. A file without `[[types]]` is one type served by one group.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Display name (the file stem when the file gives none).
    pub name: String,
    /// Free text from the file.
    pub description: Option<String>,
    /// `role`: a plan to choose between, or a shock applied to the current plan.
    pub role: Role,
    /// Where it was read from.
    pub file: PathBuf,
    /// Replications, seed, interval length, opening time, days.
    pub simulation: Simulation,
    /// Money.
    pub costs: Costs,
    /// Trunk lines: most contacts in the system at once; `None` = unlimited.
    pub lines: Option<u32>,
    /// The contact types, in file order (at least one).
    pub types: Vec<ContactType>,
    /// The agent groups, in file order (at least one).
    pub groups: Vec<AgentGroup>,
    /// `[rostering]`: the shifts `ccsim schedule` may roster, when given.
    pub rostering: Option<Rostering>,
    /// `[calendar]`: opening hours per weekday and closed dates of a dated horizon.
    pub calendar: Option<Calendar>,
    /// How the file was written: only presentation depends on it.
    pub written: Written,
}

/// What a scenario is in a study: an option to choose between, or a stress test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// A plan the study compares, ranks and prices (the default).
    #[default]
    Option,
    /// A shock applied to the current plan (a busier Monday, more shrinkage): never
    /// ranked, priced or put on the frontier, only read as a risk.
    Stress,
}

impl Role {
    /// Every word `role` accepts, in the order the error lists them.
    pub const KEYS: [&'static str; 2] = ["option", "stress"];

    /// The word a scenario file and the reports use.
    pub fn key(self) -> &'static str {
        match self {
            Role::Option => "option",
            Role::Stress => "stress",
        }
    }
}

/// How a scenario file was written. Figures never depend on it; reports of a one-type
/// file do not list its one type and one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// `[arrivals]`, `[handling]`, `[staffing]`…: one type served by one group.
    OneType,
    /// `[[types]]` and `[[groups]]`: a centre.
    Centre,
}

/// The name reports give the whole centre beside its types (no type may take it).
pub const WHOLE_CENTRE: &str = "*";

/// One contact type: a `[[types]]` entry, or the tables of a one-type file.
#[derive(Debug, Clone)]
pub struct ContactType {
    /// Unique name, used in reports and routing.
    pub name: String,
    /// Expected fresh contacts per interval and the day-to-day variability.
    pub arrivals: Arrivals,
    /// Handle time and wrap-up.
    pub handling: Handling,
    /// Patience distribution; `None` means nobody abandons.
    pub patience: Option<Duration>,
    /// `[patience] interval_factors`: the patience of a contact arriving in interval `i`
    /// is drawn from the distribution and multiplied by factor `i`; `None` = all 1.
    pub patience_factors: Option<Vec<f64>>,
    /// Service targets (the SL threshold is always set: 20 s when the file gives none).
    pub targets: Targets,
    /// IVR / chatbot / FAQ before the queue, when offered.
    pub self_service: Option<SelfService>,
    /// Virtual hold, when offered.
    pub callback: Option<Callback>,
    /// Abandoned (and blocked) callers trying again, when modelled.
    pub redial: Option<Redial>,
    /// First-contact resolution and repeat contacts; `None` = every handled contact is resolved.
    pub resolution: Option<Resolution>,
    /// How journeys are scored (defaults of docs/model.md when the file has no table).
    pub satisfaction: Satisfaction,
    /// What customers are worth; `None` = no lost value is computed.
    pub value: Option<Value>,
    /// Groups that may answer it, in order, with their delays.
    pub routing: Vec<Route>,
    /// How the customer reaches the centre.
    pub channel: Channel,
    /// The type whose volumes this one's are a share of, and that share.
    pub moved_from: Option<(String, f64)>,
}

impl ContactType {
    /// The patience factor of interval `i` (1 when the file gives none).
    pub fn patience_factor(&self, i: usize) -> f64 {
        self.patience_factors.as_ref().map_or(1.0, |f| f[i])
    }

    /// Number of intervals in a day.
    pub fn intervals(&self) -> usize {
        self.arrivals.volumes.len()
    }
}

/// How a contact reaches the centre (docs/centres.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A phone call: the customer waits, an agent takes one at a time.
    Voice,
    /// The customer waits; an agent holds up to its group's `chat_slots` at once.
    Chat,
    /// No abandonment: a backlog worked against a deadline when no live contact waits.
    Email,
}

impl Channel {
    /// The word a scenario file and the reports use.
    pub fn key(self) -> &'static str {
        match self {
            Channel::Voice => "voice",
            Channel::Chat => "chat",
            Channel::Email => "email",
        }
    }
}

/// One `[[groups]]` entry.
#[derive(Debug, Clone)]
pub struct AgentGroup {
    /// Unique name.
    pub name: String,
    /// Paid agents per interval and shrinkage.
    pub staffing: Staffing,
    /// Loaded cost of one paid agent hour in this group.
    pub agent_hour: f64,
    /// Indexes of the types served, highest priority first.
    pub serves: Vec<usize>,
    /// How a freed agent chooses among the types it serves.
    pub pick: Pick,
    /// Most chats one agent holds at once (1 when the file gives none).
    pub chat_slots: u32,
    /// Email is taken only while at least this many agents stay idle for live contacts
    /// after the pick (0 = whenever an agent is free).
    pub email_when_idle: u32,
    /// The contracts its agents' weeks may be on (positions in `[[rostering.contracts]]`).
    pub contracts: Vec<usize>,
}

/// `[simulation]`, resolved with defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// Independent replications (each one simulates `days` consecutive days).
    pub replications: u32,
    /// Master seed of every random stream.
    pub seed: u64,
    /// Planning interval length in minutes.
    pub interval_minutes: u32,
    /// Clock minute of the first interval's start (for labels).
    pub open_minute: u32,
    /// Consecutive days per replication.
    pub days: u32,
    /// CV of the centre-wide gamma day factor every type's rates share (0 = none).
    pub shared_day_cv: f64,
    /// The date of day 1, for a dated horizon.
    pub start_date: Option<time::Date>,
}

impl Simulation {
    /// Interval length in seconds.
    pub fn interval_s(&self) -> f64 {
        f64::from(self.interval_minutes) * 60.0
    }

    /// The clock label `HH:MM` of interval `i`'s start.
    pub fn interval_label(&self, i: usize) -> String {
        let m = (self.open_minute as usize + i * self.interval_minutes as usize) % (24 * 60);
        format!("{:02}:{:02}", m / 60, m % 60)
    }
}

/// `[arrivals]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrivals {
    /// Expected fresh contacts per interval; its length is the day.
    pub volumes: Vec<f64>,
    /// Coefficient of variation of the gamma day factor (0 = plain Poisson).
    pub day_cv: f64,
    /// Volume factor of each day, repeating (`day_factors`); empty = 1 every day.
    pub day_factors: Vec<f64>,
    /// From a forecast file: each day's expected fresh contacts per interval, in place
    /// of `volumes` (which then holds their mean day).
    pub by_day: Option<Vec<Vec<f64>>>,
}

/// `[handling]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Handling {
    /// Talk + hold time.
    pub time: Duration,
    /// After-call work, when any.
    pub wrap_up: Option<Duration>,
    /// `[handling] interval_factors`: talk and wrap-up of a contact arriving in interval
    /// `i` are drawn and multiplied by factor `i`; `None` = all 1.
    pub interval_factors: Option<Vec<f64>>,
    /// Chat: a chat's handle time is multiplied by `1 + concurrency_slowdown × (chats
    /// held − 1)` at its start; 0 for voice and email.
    pub concurrency_slowdown: f64,
}

impl Handling {
    /// Mean handle time (talk + hold + wrap-up) in seconds, before interval factors.
    pub fn mean_s(&self) -> f64 {
        self.time.mean() + self.wrap_up.as_ref().map_or(0.0, Duration::mean)
    }

    /// Mean handle time of contacts arriving in interval `i` (its factor applied).
    pub fn mean_s_in(&self, i: usize) -> f64 {
        self.mean_s() * self.interval_factors.as_ref().map_or(1.0, |f| f[i])
    }
}

/// `[staffing]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Staffing {
    /// Paid (scheduled) agents per interval, one per interval.
    pub paid: Vec<u32>,
    /// Share of paid time not available for contacts.
    pub shrinkage: f64,
    /// The shifts, when staffing is by shifts (`paid` is then their mean per interval).
    pub roster: Option<Roster>,
}

impl Staffing {
    /// Productive agents in interval `i` = round(paid × (1 − shrinkage)); by shifts, the
    /// expected agents on the floor (breaks and absence out, mean over the days) instead of paid.
    pub fn productive(&self, i: usize) -> u32 {
        match &self.roster {
            None => (f64::from(self.paid[i]) * (1.0 - self.shrinkage)).round() as u32,
            Some(r) => (r.mean_floor_agents()[i] * (1.0 - self.shrinkage)).round() as u32,
        }
    }
}

/// `[costs]`; every missing field is 0.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Costs {
    /// False when the file has no `[costs]` table (reports warn about it).
    pub given: bool,
    /// Currency code for labels.
    pub currency: String,
    /// Loaded cost of one paid agent hour.
    pub agent_hour: f64,
    /// Per minute of handling.
    pub per_handled_minute: f64,
    /// Per minute waited in queue.
    pub per_queued_minute: f64,
    /// Per simulated day.
    pub fixed_per_day: f64,
    /// Paid hours of one full-time agent a day: paid agent hours ÷ this = paid FTE.
    pub fte_hours_per_day: f64,
    /// Days the centre opens in a year: a day's cost × this = the year's.
    pub open_days_per_year: f64,
}

/// Paid hours of a full-time agent a day when `[costs]` does not say.
pub const FTE_HOURS_PER_DAY: f64 = 8.0;
/// Days open a year when `[costs]` does not say.
pub const OPEN_DAYS_PER_YEAR: f64 = 250.0;

/// `[targets]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Targets {
    /// The service-level threshold T in seconds (20 s when not given).
    pub sl_within_s: f64,
    /// Required share answered within T, when set.
    pub sl_at_least: Option<f64>,
    /// Highest acceptable abandonment rate.
    pub abandonment_at_most: Option<f64>,
    /// Highest acceptable ASA in seconds.
    pub asa_at_most_s: Option<f64>,
    /// Highest acceptable occupancy.
    pub occupancy_at_most: Option<f64>,
    /// Abandons within this many seconds of waiting are short: out of the abandonment
    /// rate and of the service level's denominator (0 = no abandon is short).
    pub short_abandon_s: f64,
    /// Whether `staff`, `schedule`, the reports' marks and the ranking judge every
    /// interval's figures or each day's.
    pub judged: Judged,
}

/// `[targets] judged`: what must meet the targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Judged {
    /// Every interval's figures (the strict reading; the default).
    #[default]
    Interval,
    /// Each day's figures over the day's contacts, letting peaks dip.
    Day,
}

impl Judged {
    /// The word a scenario file and the reports use.
    pub fn key(self) -> &'static str {
        match self {
            Judged::Interval => "interval",
            Judged::Day => "day",
        }
    }
}

impl Scenario {
    /// True when the file was written with `[[types]]`: reports then list the types and
    /// groups; a one-type file's one type and one group are the scenario itself.
    pub fn is_centre(&self) -> bool {
        self.written == Written::Centre
    }

    /// The types and groups that reports, charts, shards and logs list one by one: all
    /// of a centre's; none of a one-type file's, whose figures are the scenario's own
    /// (figures per type and group are then not kept either).
    pub fn listed(&self) -> (&[ContactType], &[AgentGroup]) {
        if self.is_centre() {
            (&self.types, &self.groups)
        } else {
            (&[], &[])
        }
    }

    /// What names a type in running text: `"name{sep}"` (on one line) in a centre,
    /// nothing in a one-type file, whose one type is the scenario itself.
    pub fn type_prefix(&self, name: &str, sep: &str) -> String {
        if self.is_centre() {
            format!("{}{sep}", crate::escape::one_line(name))
        } else {
            String::new()
        }
    }

    /// Number of intervals in a day (every type covers the same day).
    pub fn intervals(&self) -> usize {
        self.types[0].intervals()
    }

    /// Parses and validates scenario text; `file` is used for messages and the default name.
    pub fn from_toml(source: &str, file: &Path) -> Result<Scenario, ScenarioError> {
        validate::parse_and_validate(source, file)
    }

    /// Reads and validates a scenario file.
    pub fn load(path: &Path) -> Result<Scenario, ScenarioError> {
        let source = std::fs::read_to_string(path).map_err(|e| ScenarioError {
            file: path.to_path_buf(),
            field: String::new(),
            line: None,
            message: format!("cannot read the scenario file: {e}"),
        })?;
        Scenario::from_toml(&source, path)
    }

    /// The embedded default scenario.
    pub fn default_weekday() -> Scenario {
        Scenario::from_toml(DEFAULT_SCENARIO, Path::new(DEFAULT_SCENARIO_PATH))
            .expect("the embedded default scenario is valid (checked by a test)")
    }
}

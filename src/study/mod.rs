//! The study: simulated replications turned into the report every output reads —
//! estimates, paired differences, ROI, ranking, precision, shards and sweeps, plans.

pub mod compare;
pub mod precision;
pub mod ranking;
pub mod report;
pub mod roi;
pub mod shard;
pub mod sweep;

use crate::compare::{compare, Comparison};
use crate::ranking::Ranking;
use crate::report::Report;

/// What `ccsim staff` appends to the name of a plan it writes; headers leave it out.
pub const STAFFED_SUFFIX: &str = " (staffed by ccsim staff)";

/// A report and how its scenarios relate: which is the baseline, how the seed was chosen.
#[derive(Debug, Clone)]
pub struct Study<'a> {
    /// The simulated scenarios.
    pub report: &'a Report,
    /// Index of the baseline scenario in `report.scenarios`, if any.
    pub baseline: Option<usize>,
    /// Where the seed shared by every scenario came from (`"--seed"`, `"the seed of
    /// baseline.toml"`); `None` when each scenario kept its own.
    pub seed_source: Option<String>,
    /// Every other scenario against the baseline (empty without a baseline).
    pub comparisons: Vec<Comparison>,
    /// The cheapest scenario that meets every target (`None` for a single scenario).
    pub ranking: Option<Ranking>,
    /// The study's short name for its title (`--title`, else its folder's name).
    pub title: Option<String>,
}

impl<'a> Study<'a> {
    /// A study of `report`, comparing every scenario with the baseline when there is one.
    pub fn new(report: &'a Report, baseline: Option<usize>, seed_source: Option<String>) -> Self {
        let comparisons = match baseline.and_then(|b| report.scenarios.get(b)) {
            Some(b) => report
                .scenarios
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != baseline)
                .map(|(_, s)| compare(s, b))
                .collect(),
            None => Vec::new(),
        };
        Study {
            report,
            baseline,
            seed_source,
            comparisons,
            ranking: crate::ranking::rank(report, baseline),
            title: None,
        }
    }

    /// The study named `title` in its report's title.
    pub fn titled(mut self, title: Option<String>) -> Self {
        self.title = title;
        self
    }

    /// The baseline scenario's name.
    pub fn baseline_name(&self) -> Option<&str> {
        self.baseline
            .and_then(|b| self.report.scenarios.get(b))
            .map(|s| s.name.as_str())
    }
}

//! `--precision KEY=HALF_WIDTH`: replications in fixed blocks until every named metric's
//! 95 % half-width is at most its target. The first block is the scenario's replications
//! (or `-n`), every later one [`BLOCK`] replications, and the check runs only between
//! blocks; replications are folded in order ([`crate::runner`]), so where it stops and
//! every figure depend on the seed alone, never on the thread count, and a run that
//! stopped after N replications is bit-identical to `-n N`.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::limits;
use crate::metrics::metric_by_key;
use crate::metrics::Metric;
use crate::runner::{extend_run, ScenarioRun};
use crate::scenario::Scenario;

/// Replications added per block after the first.
pub const BLOCK: u32 = 50;

/// Most replications a precision run takes unless `--max-replications` says otherwise.
pub const DEFAULT_MAX_REPLICATIONS: u32 = 10_000;

/// One `--precision KEY=HALF_WIDTH`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// The day-level metric.
    pub metric: Metric,
    /// The largest acceptable 95 % half-width, in the metric's own unit (shares as
    /// fractions: `service_level=0.01` is ±1 percentage point).
    pub half_width: f64,
}

/// Parses `KEY=HALF_WIDTH` (a clap value parser).
pub fn parse_target(arg: &str) -> Result<Target, String> {
    let (key, hw) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}`: expected KEY=HALF_WIDTH, e.g. service_level=0.01"))?;
    let metric = metric_by_key(key.trim()).ok_or_else(|| {
        format!(
            "`{arg}`: `{}` is not a metric key (see the JSON report's keys, e.g. service_level, cost_per_contact)",
            key.trim()
        )
    })?;
    let half_width = hw
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x > 0.0)
        .ok_or_else(|| format!("`{arg}`: the half-width must be a number above 0"))?;
    Ok(Target { metric, half_width })
}

/// What the command line asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Precision {
    /// Every target to meet.
    pub targets: Vec<Target>,
    /// The most replications to take.
    pub max_replications: u32,
}

/// How a precision run ended, for the JSON report and the terminal.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Each target and the half-width reached.
    pub reached: Vec<(Target, f64)>,
    /// Whether every target was met (else the maximum stopped it).
    pub met: bool,
    /// The most replications allowed.
    pub max_replications: u32,
    /// Replications per block after the first.
    pub block: u32,
}

impl Serialize for Outcome {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Row {
            target: f64,
            #[serde(serialize_with = "finite_or_null")]
            half_width: f64,
            met: bool,
        }
        struct Targets<'a>(&'a [(Target, f64)]);
        impl Serialize for Targets<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (t, hw) in self.0 {
                    m.serialize_entry(
                        t.metric.def().key,
                        &Row {
                            target: t.half_width,
                            half_width: *hw,
                            met: met(*hw, t.half_width),
                        },
                    )?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("met", &self.met)?;
        m.serialize_entry("max_replications", &self.max_replications)?;
        m.serialize_entry("block", &self.block)?;
        m.serialize_entry("targets", &Targets(&self.reached))?;
        m.end()
    }
}

fn finite_or_null<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.is_finite() {
        s.serialize_f64(*x)
    } else {
        s.serialize_none()
    }
}

/// An undefined half-width (too few defined values) never meets a target.
fn met(half_width: f64, target: f64) -> bool {
    half_width.is_finite() && half_width <= target
}

impl Precision {
    /// Checks the maximum against the scenario's first block and the run-size caps.
    pub fn check(&self, scenario: &Scenario) -> Result<(), String> {
        let first = scenario.simulation.replications;
        if self.max_replications < first {
            return Err(format!(
                "--max-replications {} is below the {first} replications of \"{}\" (the first block)",
                self.max_replications, scenario.name
            ));
        }
        let mut s = scenario.clone();
        s.simulation.replications = self.max_replications;
        s.check_run_size()
            .map_err(|e| format!("--max-replications {}: {e}", self.max_replications))
    }

    /// Simulates `scenario` block by block until every target is met or the maximum is
    /// reached; returns the run and how it ended.
    pub fn run(
        &self,
        scenario: &Scenario,
        progress: &(dyn Fn(u64) + Sync),
    ) -> (ScenarioRun, Outcome) {
        let mut run = ScenarioRun::empty(scenario);
        let mut to = scenario.simulation.replications.min(self.max_replications);
        extend_run(&mut run, scenario, 0, to, progress);
        loop {
            let reached: Vec<(Target, f64)> = self
                .targets
                .iter()
                .map(|t| (*t, run.day[t.metric as usize].estimate().half_width))
                .collect();
            let all = reached.iter().all(|(t, hw)| met(*hw, t.half_width));
            if all || to >= self.max_replications {
                return (
                    run,
                    Outcome {
                        reached,
                        met: all,
                        max_replications: self.max_replications,
                        block: BLOCK,
                    },
                );
            }
            let next = to.saturating_add(BLOCK).min(self.max_replications);
            extend_run(&mut run, scenario, to, next, progress);
            to = next;
        }
    }
}

/// The terminal line of a precision run.
pub fn describe(name: &str, replications: u32, o: &Outcome) -> String {
    let parts: Vec<String> = o
        .reached
        .iter()
        .map(|(t, hw)| {
            let d = t.metric.def();
            let show = |x: f64| {
                if x.is_finite() {
                    format!("{x:.4}")
                } else {
                    "undefined".into()
                }
            };
            format!("{} ±{} (target ±{})", d.key, show(*hw), show(t.half_width))
        })
        .collect();
    let verdict = if o.met {
        "met".to_string()
    } else {
        format!(
            "NOT met: stopped at --max-replications {}",
            o.max_replications
        )
    };
    format!(
        "{}: precision {verdict} after {replications} replications (blocks of {}): {}\n",
        crate::escape::one_line(name),
        o.block,
        parts.join(", ")
    )
}

/// The precision of the command line, if any target was given.
pub fn from_args(targets: &[Target], max: Option<u32>) -> Option<Precision> {
    (!targets.is_empty()).then(|| Precision {
        targets: targets.to_vec(),
        max_replications: max.unwrap_or(DEFAULT_MAX_REPLICATIONS.min(limits::MAX_REPLICATIONS)),
    })
}

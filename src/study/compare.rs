//! Paired comparisons of a scenario against a baseline. Two scenarios simulated with the
//! same seed share their random streams replication by replication (common random
//! numbers), so the difference of each replication's values varies far less than either
//! scenario: its interval is much narrower than the unpaired one, which is shown beside
//! it for contrast, with the ROI of the change. A pure function of two reports.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::metrics::{Metric, METRICS};
use crate::report::ScenarioReport;
use crate::roi::{roi, Roi};
use crate::stats::{Estimate, Running};

/// The difference `scenario − baseline` of every metric.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Name of the scenario compared.
    pub scenario: String,
    /// Name of the baseline it is compared against.
    pub baseline: String,
    /// True when both ran with the same seed, so replication r of one pairs with
    /// replication r of the other; otherwise `half_width` is the unpaired one.
    pub paired: bool,
    /// Replication pairs used (the first replications common to both).
    pub pairs: usize,
    /// One difference per metric, serialised as a map keyed like the report's metrics.
    pub metrics: Differences,
    /// Return on the change (paired comparisons of options only: a stress test has none).
    pub roi: Option<Roi>,
}

/// One metric's difference `scenario − baseline`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Difference {
    /// Mean of the per-replication differences (JSON null when undefined).
    #[serde(serialize_with = "finite_or_null")]
    pub mean: f64,
    /// 95 % half-width from the paired differences.
    #[serde(serialize_with = "finite_or_null")]
    pub half_width: f64,
    /// 95 % half-width had the two been simulated independently: sqrt(hwS² + hwB²).
    #[serde(serialize_with = "finite_or_null")]
    pub unpaired_half_width: f64,
}

impl Difference {
    /// The difference as an estimate (mean and paired half-width).
    pub fn estimate(&self) -> Estimate {
        Estimate {
            mean: self.mean,
            half_width: self.half_width,
        }
    }

    /// True when the interval excludes zero: the scenarios differ on this metric.
    pub fn significant(&self) -> bool {
        self.mean.is_finite() && self.half_width.is_finite() && self.mean.abs() > self.half_width
    }
}

/// One [`Difference`] per metric, indexed by `Metric as usize`.
#[derive(Debug, Clone, PartialEq)]
pub struct Differences(pub Vec<Difference>);

impl Differences {
    /// The difference on `m`.
    pub fn get(&self, m: Metric) -> Difference {
        self.0[m as usize]
    }
}

impl Serialize for Differences {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (def, d) in METRICS.iter().zip(&self.0) {
            map.serialize_entry(def.key, d)?;
        }
        map.end()
    }
}

fn finite_or_null<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.is_finite() {
        s.serialize_f64(*x)
    } else {
        s.serialize_none()
    }
}

/// Compares `scenario` with `baseline`, metric by metric.
///
/// With the same seed, replication r of both used the same random streams whatever the
/// replication count, so the first `min(n_S, n_B)` replications pair up. With different
/// seeds nothing pairs: the difference of the means is reported with the unpaired
/// half-width in both fields.
pub fn compare(scenario: &ScenarioReport, baseline: &ScenarioReport) -> Comparison {
    let paired = scenario.seed == baseline.seed;
    let pairs = scenario.day_samples.len().min(baseline.day_samples.len());
    let metrics = Metric::ALL
        .iter()
        .map(|&m| {
            let k = m as usize;
            let (s, b) = (scenario.metrics.0[k], baseline.metrics.0[k]);
            let unpaired_half_width = s.half_width.hypot(b.half_width);
            if !paired {
                return Difference {
                    mean: s.mean - b.mean,
                    half_width: unpaired_half_width,
                    unpaired_half_width,
                };
            }
            let mut r = Running::default();
            for (xs, xb) in scenario.day_samples.iter().zip(&baseline.day_samples) {
                r.push(xs[k] - xb[k]);
            }
            let e = r.estimate();
            Difference {
                mean: e.mean,
                half_width: e.half_width,
                unpaired_half_width,
            }
        })
        .collect();
    Comparison {
        scenario: scenario.name.clone(),
        baseline: baseline.name.clone(),
        paired,
        pairs: if paired { pairs } else { 0 },
        metrics: Differences(metrics),
        // A stress test is a shock, not a change the centre pays for: it has no return.
        roi: (paired && !scenario.is_stress()).then(|| {
            roi(
                &scenario.day_samples[..pairs],
                &baseline.day_samples[..pairs],
                &scenario.spend[..pairs],
                &baseline.spend[..pairs],
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use std::path::Path;

    fn report(agents: u32, seed: u64) -> ScenarioReport {
        let toml = format!(
            "name = \"a{agents}\"\n[simulation]\nreplications = 30\nseed = {seed}\n\
             [arrivals]\nvolumes = [60, 60]\n[handling]\ntime = {{ dist = \"exponential\", mean_s = 240 }}\n\
             [patience]\ntime = {{ dist = \"exponential\", mean_s = 120 }}\n\
             [staffing]\nagents = {agents}\n"
        );
        let s = Scenario::from_toml(&toml, Path::new("t.toml")).unwrap();
        ScenarioReport::new(&s, &crate::runner::run_scenario(&s, &|_| {}))
    }

    #[test]
    fn paired_interval_is_narrower_than_unpaired_under_common_random_numbers() {
        let (b, s) = (report(9, 3), report(10, 3));
        let c = compare(&s, &b);
        assert!(c.paired);
        assert_eq!(c.pairs, 30);
        let d = c.metrics.get(Metric::ServiceLevel);
        let direct =
            s.metrics.get(Metric::ServiceLevel).mean - b.metrics.get(Metric::ServiceLevel).mean;
        assert!((d.mean - direct).abs() < 1e-9);
        assert!(d.half_width < d.unpaired_half_width);
        assert!(d.mean > 0.0 && d.significant());
    }

    #[test]
    fn different_seeds_fall_back_to_the_unpaired_interval() {
        let c = compare(&report(10, 4), &report(9, 3));
        assert!(!c.paired);
        let d = c.metrics.get(Metric::ServiceLevel);
        assert_eq!(d.half_width, d.unpaired_half_width);
    }

    #[test]
    fn a_scenario_against_itself_differs_by_exactly_zero() {
        let b = report(9, 3);
        let d = compare(&b, &b).metrics.get(Metric::CostPerContact);
        assert_eq!((d.mean, d.half_width), (0.0, 0.0));
        assert!(!d.significant());
    }
}

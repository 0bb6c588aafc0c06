//! Shards: `ccsim run FILE --shard I/N --json PART.json` simulates replications I, I+N,
//! I+2N, ... (counted from 1) and writes their raw values; `ccsim merge PART...` puts
//! every replication back in its place and folds them in replication order, exactly as
//! the unsharded run does, so the merged report is byte-identical to it whatever the
//! order the parts are given in.
//!
//! Why per-replication values rather than running sums: the runner's running means and
//! variances (Welford) depend on the order values are added in, and floating-point sums
//! of partial sums differ in the last bits from the sum in order. Keeping each
//! replication's values (exact: each f64 written as its 16 hex digits) lets the merge
//! add them in the one order the unsharded run uses. A part also carries the scenario
//! text it was simulated from (after `--set`), so the merge needs no other file and can
//! tell parts of different studies apart.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::metrics::{GROUP_METRIC_COUNT, METRIC_COUNT};
use crate::report::{Report, ScenarioReport};
use crate::runner::{simulate_replications, ScenarioRun};
use crate::scenario::Scenario;

mod differ;
mod part;
mod values;

pub use part::{read_part, PartFile, PartScenario};
use values::{decode, encode};

/// The format version of a part file (2: with a checksum; 3: a dated run's per-day values).
pub const FORMAT: u32 = 3;

/// `--shard I/N`: this process simulates part I of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based part.
    pub index: u32,
    /// Number of parts.
    pub count: u32,
}

/// Parses `I/N` with 1 ≤ I ≤ N (a clap value parser).
pub fn parse_shard(arg: &str) -> std::result::Result<Shard, String> {
    let bad = || format!("`{arg}`: expected I/N with 1 <= I <= N, e.g. 2/8");
    let (i, n) = arg.split_once('/').ok_or_else(bad)?;
    let (index, count): (u32, u32) = (
        i.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if index == 0 || index > count {
        return Err(bad());
    }
    Ok(Shard { index, count })
}

impl Shard {
    /// The 0-based replications of this part, in order.
    pub fn replications(&self, total: u32) -> Vec<u32> {
        (self.index - 1..total)
            .step_by(self.count as usize)
            .collect()
    }
}

/// Simulates this part's replications of every scenario and returns the part file's bytes.
pub fn simulate_part(
    scenarios: &[(Scenario, String)],
    shard: Shard,
    seed_source: Option<String>,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<u8>> {
    let parts = scenarios
        .iter()
        .map(|(s, source)| {
            let reps = shard.replications(s.simulation.replications);
            let mut values = Vec::with_capacity(reps.len());
            simulate_replications(s, &reps, progress, |v| values.push(encode(&v)));
            PartScenario {
                file: s.file.display().to_string(),
                source: source.clone(),
                replications: s.simulation.replications,
                seed: s.simulation.seed,
                values,
            }
        })
        .collect();
    let part = PartFile {
        ccsim_shard: FORMAT,
        ccsim_version: env!("CARGO_PKG_VERSION").to_string(),
        shard: shard.index,
        of: shard.count,
        metric_count: METRIC_COUNT,
        group_metric_count: GROUP_METRIC_COUNT,
        seed_source,
        scenarios: parts,
        checksum: None,
    };
    part.to_bytes()
}

/// What a merge gives: the report, and where its seed came from.
pub struct Merged {
    /// The report, as the unsharded run makes it.
    pub report: Report,
    /// Where the seed came from, for a study bundle.
    pub seed_source: Option<String>,
}

/// Merges every part of a study, given in any order, into the unsharded run's report.
pub fn merge(paths: &[PathBuf]) -> Result<Merged> {
    let mut parts: Vec<(PathBuf, PartFile)> = Vec::new();
    for p in paths {
        parts.push((p.clone(), read_part(p)?));
    }
    let (first_path, first) = parts
        .first()
        .ok_or_else(|| Error::Usage("no shard to merge".into()))?;
    let n = first.of;
    let mut seen: Vec<Option<usize>> = vec![None; n as usize];
    for (at, (path, part)) in parts.iter().enumerate() {
        let clash = |what: &str| {
            Error::Other(format!(
                "{} and {} are parts of different runs: {what} differ",
                first_path.display(),
                path.display()
            ))
        };
        if part.of != n {
            return Err(clash(&format!(
                "the numbers of parts ({} and {})",
                n, part.of
            )));
        }
        if part.seed_source != first.seed_source {
            return Err(clash("the seed options"));
        }
        if part.scenarios.len() != first.scenarios.len() {
            return Err(clash("the numbers of scenarios"));
        }
        for (a, b) in first.scenarios.iter().zip(&part.scenarios) {
            if a.file != b.file {
                return Err(clash(&format!(
                    "the scenario files ({} and {})",
                    a.file, b.file
                )));
            }
            if a.source != b.source {
                return Err(clash(&format!(
                    "the scenarios simulated from {} ({}; another --set?)",
                    a.file,
                    differ::describe(&a.source, &b.source)
                )));
            }
            if a.seed != b.seed {
                return Err(clash(&format!("the seeds ({} and {})", a.seed, b.seed)));
            }
            if a.replications != b.replications {
                return Err(clash(&format!(
                    "the replication counts ({} and {})",
                    a.replications, b.replications
                )));
            }
        }
        let slot = &mut seen[part.shard as usize - 1];
        if let Some(other) = slot {
            return Err(Error::Other(format!(
                "part {}/{n} is given twice: {} and {}",
                part.shard,
                parts[*other].0.display(),
                path.display()
            )));
        }
        *slot = Some(at);
    }
    let missing: Vec<String> = seen
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_none())
        .map(|(i, _)| format!("{}/{n}", i + 1))
        .collect();
    if !missing.is_empty() {
        return Err(Error::Other(format!(
            "missing part(s) {} of the {n}: run them with --shard, or give their files",
            missing.join(", ")
        )));
    }
    let parts: Vec<&(PathBuf, PartFile)> = seen.iter().flatten().map(|&i| &parts[i]).collect();
    let mut reports = Vec::new();
    for (k, ps) in first.scenarios.iter().enumerate() {
        let mut s = Scenario::from_toml(&ps.source, Path::new(&ps.file))?;
        s.simulation.replications = ps.replications;
        s.simulation.seed = ps.seed;
        let mut run = ScenarioRun::empty(&s);
        for r in 0..ps.replications {
            let (path, part) = parts[(r % n) as usize];
            let index = (r / n) as usize;
            let damaged = || {
                Error::Other(format!(
                    "{}: a damaged shard file: replication {} of {} is missing or cut",
                    path.display(),
                    r + 1,
                    ps.file
                ))
            };
            let hex = part.scenarios[k].values.get(index).ok_or_else(damaged)?;
            run.push(decode(hex, &s).ok_or_else(damaged)?);
        }
        for (path, part) in &parts {
            let expected = Shard {
                index: part.shard,
                count: n,
            }
            .replications(ps.replications)
            .len();
            if part.scenarios[k].values.len() != expected {
                return Err(Error::Other(format!(
                    "{}: a damaged shard file: {} replications of {}, expected {expected}",
                    path.display(),
                    part.scenarios[k].values.len(),
                    ps.file
                )));
            }
        }
        reports.push(ScenarioReport::new(&s, &run));
    }
    Ok(Merged {
        report: Report::new(reports),
        seed_source: first.seed_source.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_replications_counted_from_one() {
        let s = parse_shard("2/3").unwrap();
        assert_eq!(s.replications(8), [1, 4, 7]);
        assert!(parse_shard("0/3").is_err());
        assert!(parse_shard("4/3").is_err());
        assert!(parse_shard("3").is_err());
    }
}

//! A part file on disk: its fields, its checksum, and the checks that refuse a file that
//! is not a part, was written by another ccsim, or was damaged since.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::FORMAT;
use crate::error::{Error, Result};
use crate::metrics::{GROUP_METRIC_COUNT, METRIC_COUNT};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One part file.
#[derive(Debug, Serialize, Deserialize)]
pub struct PartFile {
    /// Marks a part file and its format.
    pub ccsim_shard: u32,
    /// The ccsim that wrote it (a merge needs the same one).
    pub ccsim_version: String,
    /// This part, 1-based.
    pub shard: u32,
    /// Number of parts.
    pub of: u32,
    /// Values per replication of the metric lists (another build would not fit).
    pub metric_count: usize,
    /// Values per group of the group metric list.
    pub group_metric_count: usize,
    /// Where the shared seed came from (`--seed`), as the unsharded report says it.
    pub seed_source: Option<String>,
    /// One entry per scenario, in command-line order.
    pub scenarios: Vec<PartScenario>,
    /// A checksum of every field above, so that a damaged part is refused rather than
    /// merged into a silently different report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
}

/// One scenario's replications in a part.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct PartScenario {
    /// The path it was read from, as given.
    pub file: String,
    /// The scenario text simulated (after `--set`).
    pub source: String,
    /// Replications of the whole study (all parts).
    pub replications: u32,
    /// The master seed.
    pub seed: u64,
    /// Each replication of this part, in order: its values as 16 hex digits per f64.
    pub values: Vec<String>,
}

impl PartFile {
    /// The part's bytes, its checksum computed over every other field.
    pub fn to_bytes(mut self) -> Result<Vec<u8>> {
        self.checksum = None;
        self.checksum = Some(checksum(&self)?);
        let mut bytes = serde_json::to_vec(&self)
            .map_err(|e| Error::Other(format!("cannot serialise the shard: {e}")))?;
        bytes.push(b'\n');
        Ok(bytes)
    }
}

/// FNV-1a (64 bits) of the part without its checksum, written compactly: every change
/// of a single byte of its content changes it, since each step is a bijection of the
/// state. The content rather than the file's bytes is summed, so a part re-indented by
/// a tool still merges.
fn checksum(part: &PartFile) -> Result<String> {
    debug_assert!(part.checksum.is_none());
    let bytes = serde_json::to_vec(part)
        .map_err(|e| Error::Other(format!("cannot serialise the shard: {e}")))?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    Ok(format!("fnv1a64:{h:016x}"))
}

/// Reads a part file, refusing anything else: another file, a part another ccsim wrote
/// (naming what differs), a part whose checksum is missing or does not match.
pub fn read_part(path: &Path) -> Result<PartFile> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let bad = |m: String| Error::Other(format!("{}: {m}", path.display()));
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| bad(format!("not a shard file (not JSON: {e})")))?;
    let Some(format) = value.get("ccsim_shard") else {
        return Err(bad(
            "not a shard file: write parts with `ccsim run FILE --shard I/N --json PART.json`"
                .into(),
        ));
    };
    let writer = value
        .get("ccsim_version")
        .and_then(|v| v.as_str())
        .unwrap_or("an unknown version");
    if format.as_u64() != Some(u64::from(FORMAT)) {
        return Err(bad(format!(
            "a part in shard format {format}, written by ccsim {writer}; this ccsim ({VERSION}) \
             reads shard format {FORMAT} only: merge with the ccsim that ran the shards"
        )));
    }
    let mut part: PartFile =
        serde_json::from_value(value).map_err(|e| bad(format!("a damaged shard file: {e}")))?;
    let Some(stored) = part.checksum.take() else {
        return Err(bad(
            "a damaged shard file: it has no checksum (parts carry one; run the shard again)"
                .into(),
        ));
    };
    if checksum(&part)? != stored {
        return Err(bad(
            "a damaged shard file: its checksum does not match its content (changed or cut since \
             it was written; run the shard again)"
                .into(),
        ));
    }
    if part.ccsim_version != VERSION {
        return Err(bad(format!(
            "written by ccsim {}; this is ccsim {VERSION}: merge with the ccsim that ran the shards",
            part.ccsim_version
        )));
    }
    if part.metric_count != METRIC_COUNT || part.group_metric_count != GROUP_METRIC_COUNT {
        return Err(bad(format!(
            "its replications hold {} metrics ({} per agent group); this build of ccsim {VERSION} \
             has {METRIC_COUNT} ({GROUP_METRIC_COUNT}): merge with the build that ran the shards",
            part.metric_count, part.group_metric_count
        )));
    }
    if part.of == 0 || part.shard == 0 || part.shard > part.of {
        return Err(bad(format!(
            "a damaged shard file: part {} of {}",
            part.shard, part.of
        )));
    }
    Ok(part)
}

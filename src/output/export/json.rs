//! The JSON report (docs/outputs.md).

use crate::error::{Error, Result};
use crate::report::Report;

/// The report as pretty-printed JSON, ending in a newline.
pub fn to_json(report: &Report) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(report)
        .map_err(|e| Error::Other(format!("cannot serialise the report: {e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}

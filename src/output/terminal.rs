//! Standard output and standard error as a Unix tool uses them: a reader that closes the
//! pipe early (`ccsim batch … | head`) ends the program quietly, any other write error
//! on standard output is an error with exit status 1, and messages on standard error
//! never panic (there is nowhere left to report a failure to write them).

use std::io::Write;

use crate::error::{Error, Result};

/// Writes `text` to standard output and flushes it.
pub fn print(text: &str) -> Result<()> {
    write_stdout(text.as_bytes())
}

/// Writes `bytes` to standard output and flushes it; a closed pipe is [`Error::ClosedPipe`].
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(stdout_error)
}

/// Maps a failed write to standard output to the error `main` should act on.
pub fn stdout_error(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Error::ClosedPipe
    } else {
        Error::io("<standard output>", e)
    }
}

/// Writes one line to standard error, ignoring failure.
pub fn warn(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

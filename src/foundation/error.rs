//! One error type for the whole program, so `main` can map every failure to an exit code
//! and print it the same way.

use std::path::PathBuf;

use super::scenario_error::ScenarioError;

/// Every way a command can fail, each with what the user must know to fix it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A scenario file is unreadable or breaks a rule; exit status 1.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// Reading or writing a file failed; exit status 1.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// Arguments that parse but make no sense together; exit status 2.
    #[error("{0}")]
    Usage(String),
    /// Anything else that stops a command (a failed chart, an empty batch folder); exit status 1.
    #[error("{0}")]
    Other(String),
    /// The reader of standard output went away (`| head`): end quietly, exit status 0.
    #[error("standard output was closed by its reader")]
    ClosedPipe,
}

impl Error {
    /// The process exit status this error maps to (docs/commands.md: 1 bad input or I/O, 2
    /// usage).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::ClosedPipe => 0,
            _ => 1,
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The result type of every command.
pub type Result<T> = std::result::Result<T, Error>;

//! Where outputs go, and the rules that keep writing them from ever losing data: a regular
//! file (or a new path) is written to a temporary name and renamed into place, so an
//! interrupted run never leaves a file that looks complete; anything else (a device, a
//! named pipe) is written into, never replaced; a link keeps pointing where it pointed
//! (its target is replaced atomically). Every output is checked before the long work,
//! and an output that is also an input, or two outputs to one place, is refused then.

mod write;

pub use write::{write_atomic, write_file, write_streamed};

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// The longest file name (bytes) most file systems take; longer names are refused up front.
pub const MAX_FILE_NAME_BYTES: usize = 255;

/// Where an output goes: a file, or standard output for `-`.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A path: a regular file is written atomically, a device or pipe written into.
    File(PathBuf),
}

impl Target {
    /// Parses a command-line value: `-`, or a path to what standard output already is
    /// (`/dev/stdout`, the file it was redirected to), means standard output, so that the
    /// terminal report is not written over it and two outputs there are told apart.
    pub fn parse(s: &str) -> Target {
        if s == "-" {
            return Target::Stdout;
        }
        let path = PathBuf::from(s);
        match (stdout_place(), fs::metadata(&path)) {
            (Some(out), Ok(m)) if out == existing(&m, &path) => Target::Stdout,
            _ => Target::File(path),
        }
    }

    /// Fails now, before any long work, if the target could not be written later.
    pub fn check_writable(&self) -> Result<()> {
        match self {
            Target::Stdout => Ok(()),
            Target::File(path) => check_file_writable(path),
        }
    }

    /// Writes the bytes to the target.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        match self {
            Target::Stdout => crate::terminal::write_stdout(bytes),
            Target::File(path) => write_file(path, bytes),
        }
    }

    /// How the target is named in messages.
    pub fn describe(&self) -> String {
        match self {
            Target::Stdout => "standard output".into(),
            Target::File(p) => p.display().to_string(),
        }
    }
}

/// One output of a command: the option that asked for it (`--json`) and where it goes.
#[derive(Debug, Clone)]
pub struct Output {
    /// The option or file role, for messages (`--json`, `--out (report.md)`).
    pub option: String,
    /// Where it goes.
    pub target: Target,
}

impl Output {
    /// An output named by the option that asked for it.
    pub fn new(option: impl Into<String>, target: Target) -> Self {
        Output {
            option: option.into(),
            target,
        }
    }
}

/// What a path stands for on disk, so two spellings of one file compare equal.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Stdout,
    Existing(u64, u64),
    New(PathBuf),
}

fn place(target: &Target) -> Place {
    match target {
        Target::Stdout => stdout_place().unwrap_or(Place::Stdout),
        Target::File(path) => match fs::metadata(path) {
            Ok(m) => existing(&m, path),
            Err(_) => Place::New(normalised(path)),
        },
    }
}

#[cfg(unix)]
fn existing(m: &fs::Metadata, _path: &Path) -> Place {
    use std::os::unix::fs::MetadataExt;
    Place::Existing(m.dev(), m.ino())
}

#[cfg(not(unix))]
fn existing(_m: &fs::Metadata, path: &Path) -> Place {
    Place::New(normalised(path))
}

/// The file standard output is, when it is one `--json /dev/stdout` could also name.
#[cfg(unix)]
fn stdout_place() -> Option<Place> {
    use std::os::fd::AsFd;
    let fd = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
    let m = fs::File::from(fd).metadata().ok()?;
    Some(existing(&m, Path::new("<standard output>")))
}

#[cfg(not(unix))]
fn stdout_place() -> Option<Place> {
    None
}

/// A path that does not exist yet, made absolute through its deepest existing folder
/// (links resolved) and with `.` and `..` taken out, so that `./out/a`, `out/a` and
/// `out/../out/a` compare equal even before `out` is created.
fn normalised(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = match std::env::current_dir() {
        Ok(cwd) => cwd.join(path),
        Err(_) => return path.to_path_buf(),
    };
    let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
    let mut base: &Path = &absolute;
    let real = loop {
        if let Ok(real) = base.canonicalize() {
            break real;
        }
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                base = parent;
            }
            // A `..` or the root that cannot be resolved: compare the path as spelled.
            _ => return absolute,
        }
    };
    let mut out = real;
    for name in rest.into_iter().rev() {
        match Path::new(name).components().next() {
            Some(Component::ParentDir) => {
                out.pop();
            }
            Some(Component::Normal(n)) => out.push(n),
            _ => {}
        }
    }
    out
}

/// Refuses, before any long work, an output that would overwrite an input and two
/// outputs that would go to one place (they would lose or interleave each other).
pub fn check_outputs(inputs: &[PathBuf], outputs: &[Output]) -> Result<()> {
    let input_places: Vec<(Place, &PathBuf)> = inputs
        .iter()
        .map(|p| (place(&Target::File(p.clone())), p))
        .collect();
    let mut seen: Vec<(Place, &Output)> = Vec::with_capacity(outputs.len());
    for out in outputs {
        let here = place(&out.target);
        if let Some((_, input)) = input_places.iter().find(|(p, _)| *p == here) {
            return Err(Error::Usage(format!(
                "{} {} would overwrite the input {}: write it elsewhere",
                out.option,
                out.target.describe(),
                input.display()
            )));
        }
        if let Some((_, first)) = seen.iter().find(|(p, _)| *p == here) {
            return Err(Error::Usage(format!(
                "{} and {} both write to {}: give each output its own place",
                first.option,
                out.option,
                out.target.describe()
            )));
        }
        seen.push((here, out));
    }
    Ok(())
}

/// Errors unless `path` names something a later [`write_file`] can write.
fn check_file_writable(path: &Path) -> Result<()> {
    match check_existing(path)? {
        // A device or a pipe is written into: its folder need not take new files.
        Some(m) if !m.is_file() => Ok(()),
        Some(_) => {
            let real = path.canonicalize().map_err(|e| Error::io(path, e))?;
            probe_folder(&real)
        }
        None => {
            check_file_name(path)?;
            probe_folder(path)
        }
    }
}

/// What is at `path` (through links), `None` when nothing is, and an error for what no
/// output may replace: a folder, a link to nothing (writing would replace the link), a
/// read-only file (its owner asked for it to be kept).
pub fn check_existing(path: &Path) -> Result<Option<fs::Metadata>> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(Error::Other(format!(
            "{}: is a folder; give a file name",
            path.display()
        ))),
        Ok(m) if m.is_file() && m.permissions().readonly() => Err(Error::Other(format!(
            "{}: is read-only; make it writable or write elsewhere",
            path.display()
        ))),
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(Error::Other(format!(
                    "{}: is a link to a file that does not exist",
                    path.display()
                )));
            }
            Ok(None)
        }
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Refuses a file name the file system would refuse, before any work is done.
pub fn check_file_name(path: &Path) -> Result<()> {
    let len = path.file_name().map_or(0, |n| n.len());
    if len > MAX_FILE_NAME_BYTES {
        return Err(Error::Other(format!(
            "{}: the file name is {len} bytes long; file systems take at most {MAX_FILE_NAME_BYTES}",
            path.display()
        )));
    }
    Ok(())
}

/// Errors unless `path`'s folder takes a new file with a name as long as `path`'s: what
/// writing it atomically needs (a temporary file beside it, renamed to its name). A
/// folder path so long that the full path passes the system's limit fails here too.
fn probe_folder(path: &Path) -> Result<()> {
    let dir = folder_of(path);
    if !dir.is_dir() {
        return Err(Error::io(
            dir,
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "the output folder does not exist",
            ),
        ));
    }
    let len = path.file_name().map_or(0, |n| n.len());
    probe(&dir, len).map_err(|e| Error::io(path, e))
}

/// Creates and removes a file of a name `len` bytes long (at least as long as a
/// temporary name) in `dir`: whether `dir` can take the files about to be written.
pub fn probe(dir: &Path, len: usize) -> std::io::Result<()> {
    let tmp = temporary_name(dir);
    let stem = tmp.file_stem().map_or(0, |n| n.len());
    let pad = len.saturating_sub(stem + ".tmp".len());
    let probe = dir.join(format!(
        "{}{}.tmp",
        tmp.file_stem().unwrap_or_default().to_string_lossy(),
        "x".repeat(pad)
    ));
    fs::File::create(&probe)?;
    fs::remove_file(&probe)
}

pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A short temporary name in `dir`, unique within this process and across processes.
pub(super) fn temporary_name(dir: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let k = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".ccsim-{}-{k}.tmp", std::process::id()))
}

/// Errors unless the folder that will hold `path` exists.
pub fn check_parent_dir(path: &Path) -> Result<()> {
    let parent = folder_of(path);
    if parent.is_dir() {
        Ok(())
    } else {
        Err(Error::io(
            parent,
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "the output folder does not exist",
            ),
        ))
    }
}

//! Where outputs go, and the rules that keep writing them from ever losing data: a regular
//! file (or a new path) is written to a temporary name and renamed into place, so an
//! interrupted run never leaves a file that looks complete; anything else (a device, a
//! named pipe) is written into, never replaced; a link keeps pointing where it pointed
//! (its target is replaced atomically). Every output is checked before the long work,
//! and an output that is also an input, or two outputs to one place, is refused then.

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
    /// Parses a command-line value (`-` means standard output).
    pub fn parse(s: &str) -> Target {
        if s == "-" {
            Target::Stdout
        } else {
            Target::File(PathBuf::from(s))
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
        Target::Stdout => Place::Stdout,
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

/// A new path made absolute through its (existing) folder, so `./a` and `a` compare equal.
fn normalised(path: &Path) -> PathBuf {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
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
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(Error::Other(format!(
            "{}: is a folder; give a file name",
            path.display()
        ))),
        // A device or a pipe is written into: its folder need not take new files.
        Ok(m) if !m.is_file() => Ok(()),
        Ok(_) => {
            let real = path.canonicalize().map_err(|e| Error::io(path, e))?;
            probe_folder(&real)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(Error::Other(format!(
                    "{}: is a link to a file that does not exist",
                    path.display()
                )));
            }
            check_file_name(path)?;
            probe_folder(path)
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

/// Errors unless a temporary file can be created (and removed) in `path`'s folder.
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
    let probe = temporary_name(&dir);
    fs::File::create(&probe).map_err(|e| Error::io(&dir, e))?;
    let _ = fs::remove_file(&probe);
    Ok(())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A short temporary name in `dir`, unique within this process and across processes.
fn temporary_name(dir: &Path) -> PathBuf {
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

/// Writes `bytes` to `path`: atomically when it is (or will be) a regular file, through a
/// link to its target, and straight into a device or pipe.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(Error::Other(format!(
            "{}: is a folder; give a file name",
            path.display()
        ))),
        Ok(m) if !m.is_file() => write_into(path, bytes),
        Ok(_) => {
            let real = path.canonicalize().map_err(|e| Error::io(path, e))?;
            write_atomic(&real, bytes)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => write_atomic(path, bytes),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Writes into an existing device or pipe without replacing it.
fn write_into(path: &Path, bytes: &[u8]) -> Result<()> {
    fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.flush()
        })
        .map_err(|e| Error::io(path, e))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    check_file_name(path)?;
    let tmp = temporary_name(&folder_of(path));
    let result = fs::File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

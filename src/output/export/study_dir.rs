//! A study folder (`--out DIR` of run, merge, batch and sweep) written whole or not at
//! all, and never over a file of the user's.
//!
//! Whose files: the folder's [`MANIFEST`] lists the files the last study wrote there. A
//! study replaces those only; a file of the same name it did not write (the user's own
//! `report.md`) is refused before any work, naming it.
//!
//! Whole or not at all: every file is first written into a hidden staging folder inside
//! DIR (same file system, so moving a file out of it is a rename). A full disk or any
//! other write error happens there, the staging folder is removed and the old study is
//! left whole. Only once every file is staged are they renamed into place, which needs
//! no space; a file of the folder that is a link (or a device) is written through, as
//! every output is, before any rename. The manifest lists the old and the new files
//! until every file is in place, so that a study stopped between two renames is cleaned
//! up by the next one.

use std::fs;
use std::path::{Path, PathBuf};

use super::{check_existing, check_file_name, write_atomic, write_file};
use crate::error::{Error, Result};

/// The list, inside an output folder, of the files ccsim last wrote there: the next
/// study written into the folder removes those it does not write again, and nothing else.
pub const MANIFEST: &str = ".ccsim-files";

/// Refuses, before any work, to replace a file in `dir` that no earlier study wrote
/// there (not in its [`MANIFEST`]), naming the first such file.
pub fn check_owned(dir: &Path, names: &[String]) -> Result<()> {
    let listed = read_manifest(dir);
    for name in names.iter().map(String::as_str).chain([MANIFEST]) {
        let path = dir.join(name);
        let ours = name == MANIFEST || listed.iter().any(|l| l == name);
        if !ours && fs::symlink_metadata(&path).is_ok() {
            return Err(Error::Usage(format!(
                "{}: exists and no ccsim study wrote it (the folder's {MANIFEST} does not list \
                 it); move it away or give --out another folder",
                path.display()
            )));
        }
    }
    Ok(())
}

/// A study written into its hidden staging folder and not yet moved into place: what
/// can fail for want of space has failed by now. Dropped without [`Staged::commit`], it
/// leaves the folder as it was.
pub struct Staged {
    dir: PathBuf,
    staging: Staging,
    names: Vec<String>,
    previous: Vec<String>,
    renames: Vec<(PathBuf, PathBuf)>,
    through: Vec<(PathBuf, Vec<u8>)>,
}

/// Writes `files` (name, bytes) into a staging folder inside `dir`, with the manifests
/// the commit needs; nothing under `dir`'s own names changes yet.
pub fn stage(dir: &Path, files: Vec<(String, Vec<u8>)>) -> Result<Staged> {
    let previous = read_manifest(dir);
    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    let mut both: Vec<&str> = names.iter().map(String::as_str).collect();
    both.extend(
        previous
            .iter()
            .map(String::as_str)
            .filter(|o| !names.iter().any(|n| n == o)),
    );
    let staging = Staging::new(dir)?;
    let mut renames: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(files.len());
    let mut through: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(&name);
        match fs::symlink_metadata(&path) {
            Ok(m) if !m.is_file() => through.push((path, bytes)),
            _ => {
                let staged = staging.dir.join(&name);
                write_atomic(&staged, &bytes)?;
                if let Ok(m) = fs::metadata(&path) {
                    // A replaced file keeps its permissions (a private file stays private).
                    fs::set_permissions(&staged, m.permissions())
                        .map_err(|e| Error::io(&path, e))?;
                }
                renames.push((staged, path));
            }
        }
    }
    write_atomic(&staging.dir.join("union"), manifest(&both).as_bytes())?;
    let listed: Vec<&str> = names.iter().map(String::as_str).collect();
    write_atomic(&staging.dir.join("last"), manifest(&listed).as_bytes())?;
    Ok(Staged {
        dir: dir.to_path_buf(),
        staging,
        names,
        previous,
        renames,
        through,
    })
}

impl Staged {
    /// Moves every staged file into place (renames, which need no space), writes through
    /// the links and devices, and removes what an earlier study wrote and this one did
    /// not. Returns the paths written, in order of the files given.
    pub fn commit(self) -> Result<Vec<PathBuf>> {
        let dir = &self.dir;
        let union = self.staging.dir.join("union");
        let last = self.staging.dir.join("last");
        fs::rename(&union, dir.join(MANIFEST)).map_err(|e| Error::io(dir.join(MANIFEST), e))?;
        for (path, bytes) in &self.through {
            write_file(path, bytes)?;
        }
        for (staged, path) in &self.renames {
            fs::rename(staged, path).map_err(|e| Error::io(path, e))?;
        }
        for stale in self.previous.iter().filter(|old| !self.names.contains(old)) {
            let path = dir.join(stale);
            if path.symlink_metadata().is_ok_and(|m| m.is_file()) {
                fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            }
        }
        fs::rename(&last, dir.join(MANIFEST)).map_err(|e| Error::io(dir.join(MANIFEST), e))?;
        Ok(self.names.iter().map(|name| dir.join(name)).collect())
    }
}

/// Makes sure `dir` can take a study of files named `names`: creates it when missing,
/// fails when it is a file, cannot be written, a file name would be refused (too long
/// for the file system, or with `dir`, too long a path) or a file there may not be
/// replaced or was not written by a study. Called before simulating, so that a study
/// is written whole or not at all; a folder it created is removed again when it fails.
pub fn prepare(dir: &Path, names: &[String]) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Other(format!(
            "{}: exists and is not a folder; give --out a folder",
            dir.display()
        )));
    }
    for name in names.iter().map(String::as_str).chain([MANIFEST]) {
        let p = dir.join(name);
        check_file_name(&p)?;
        if p.is_dir() {
            return Err(Error::Other(format!(
                "{}: is a folder where the study writes a file; move it away",
                p.display()
            )));
        }
        check_existing(&p)?;
    }
    check_owned(dir, names)?;
    let created = first_missing(dir);
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let longest = names
        .iter()
        .max_by_key(|n| n.len())
        .cloned()
        .unwrap_or_default();
    if let Err(e) = probe_staged(dir, longest.len()) {
        // Leave no empty folder behind for a study that was never written.
        if let Some(top) = created {
            let mut d = dir.to_path_buf();
            while fs::remove_dir(&d).is_ok() && d != top && d.pop() {}
        }
        return Err(Error::Other(format!(
            "{}: cannot take a file named {longest} ({} bytes): {e}",
            dir.display(),
            longest.len()
        )));
    }
    Ok(())
}

/// The outermost folder of `dir` that does not exist yet (what creating `dir` adds).
fn first_missing(dir: &Path) -> Option<PathBuf> {
    let mut missing = None;
    let mut d = Some(dir);
    while let Some(p) = d.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        missing = Some(p.to_path_buf());
        d = p.parent();
    }
    missing
}

/// Whether `dir` takes a staged file with a name `len` bytes long: the longest path a
/// study writes, checked before simulating.
pub fn probe_staged(dir: &Path, len: usize) -> Result<()> {
    let staging = Staging::new(dir)?;
    super::probe(&staging.dir, len).map_err(|e| Error::io(&staging.dir, e))
}

/// The hidden folder a study is written into before it is moved into place; removed
/// with whatever is left in it when dropped, on success and on failure alike.
struct Staging {
    dir: PathBuf,
}

impl Staging {
    fn new(dir: &Path) -> Result<Self> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let k = COUNTER.fetch_add(1, Ordering::Relaxed);
        let staging = dir.join(format!(".ccsim-staging-{}-{k}", std::process::id()));
        fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
        Ok(Staging { dir: staging })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A manifest's text: a comment line, then one file name a line.
fn manifest(names: &[&str]) -> String {
    let mut text = String::from("# Files the last ccsim study wrote into this folder.\n");
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    text
}

/// The file names an earlier study listed in `dir`'s manifest: plain names of the kinds
/// a study writes only, so a tampered manifest cannot reach outside the folder or remove
/// a scenario file.
fn read_manifest(dir: &Path) -> Vec<String> {
    let Ok(text) = fs::read_to_string(dir.join(MANIFEST)) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter(|l| {
            let p = Path::new(l);
            p.components().count() == 1
                && matches!(p.components().next(), Some(std::path::Component::Normal(_)))
                && *l != MANIFEST
                // Only the kinds of file a study writes: a hand-edited list can never
                // make ccsim delete a scenario or anything else it does not write.
                && [".csv", ".json", ".md", ".html", ".png", ".svg", ".xlsx"]
                    .iter()
                    .any(|x| l.ends_with(x))
        })
        .map(str::to_string)
        .collect()
}

//! One way out for every command that writes reports (run, merge, sweep, batch): the
//! outputs asked for are listed first, every one is checked before the simulation runs,
//! and afterwards they are written together, whole or not at all.
//!
//! Checked first: an output onto an input, two outputs to one place, a path that could
//! not be written, a file name too long, a folder that cannot take the study or holds a
//! file of the user's all fail before any long work.
//!
//! Whole or not at all: every file is first written under a temporary name beside its
//! final one (a study folder into its staging folder), where a full disk or a size limit
//! strikes; only once all of them are written are they renamed into place, which needs
//! no space. Should a rename still fail, the files this run created are removed again,
//! so a failed command leaves no file that looks like its output. Standard output comes
//! last, so a reader closing it early loses nothing on disk.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::study_dir::{self, MANIFEST};
use super::target::{folder_of, temporary_name};
use super::{check_outputs, write_file, Output, Target};
use crate::error::{Error, Result};

/// A streamed output's writer: fills the file in pieces too large to hold at once.
pub type Fill<'a> = Box<dyn FnOnce(&mut dyn Write) -> Result<()> + 'a>;

/// What one output holds, made once the simulation is done.
pub enum Content<'a> {
    /// The whole output in memory.
    Bytes(Vec<u8>),
    /// An output written in pieces (`run --calls-log`).
    Streamed(Fill<'a>),
}

/// The outputs a command asked for, checked before the simulation and written after it.
#[derive(Debug, Default)]
pub struct Outputs {
    inputs: Vec<PathBuf>,
    files: Vec<Output>,
    folder: Option<(PathBuf, Vec<String>)>,
}

/// What the outputs hold, by the option that asked for each, and the study folder's files.
#[derive(Default)]
pub struct Contents<'a> {
    files: Vec<(String, Content<'a>)>,
    folder: Option<Vec<(String, Vec<u8>)>>,
}

impl<'a> Contents<'a> {
    /// The bytes of the output `option` asked for.
    pub fn add(&mut self, option: &str, bytes: Vec<u8>) {
        self.files.push((option.to_string(), Content::Bytes(bytes)));
    }

    /// The output `option` asked for, written in pieces by `fill`.
    pub fn stream(&mut self, option: &str, fill: Fill<'a>) {
        self.files
            .push((option.to_string(), Content::Streamed(fill)));
    }

    /// The study folder's files (name, bytes), in the order its names were given.
    pub fn folder(&mut self, files: Vec<(String, Vec<u8>)>) {
        self.folder = Some(files);
    }
}

impl Outputs {
    /// No outputs yet; `inputs` are the files the command reads, which none may replace.
    pub fn new(inputs: &[PathBuf]) -> Self {
        Outputs {
            inputs: inputs.to_vec(),
            ..Outputs::default()
        }
    }

    /// Asks for `option`'s output at `value` (`-` for standard output), when given.
    pub fn file(&mut self, option: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.files.push(Output::new(option, Target::parse(v)));
        }
    }

    /// Asks for `option`'s output at `path`, always a file (never standard output).
    pub fn path(&mut self, option: &str, path: Option<&Path>) {
        if let Some(p) = path {
            self.files
                .push(Output::new(option, Target::File(p.to_path_buf())));
        }
    }

    /// Asks for a study folder `dir` holding the files `names` (and its manifest).
    pub fn folder(&mut self, dir: Option<&Path>, names: Vec<String>) {
        if let Some(d) = dir {
            self.folder = Some((d.to_path_buf(), names));
        }
    }

    /// Whether `option`'s output was asked for.
    pub fn wants(&self, option: &str) -> bool {
        self.files.iter().any(|o| o.option == option)
    }

    /// The study folder asked for, if any.
    pub fn folder_dir(&self) -> Option<&Path> {
        self.folder.as_ref().map(|(d, _)| d.as_path())
    }

    /// Whether some output goes to standard output (then nothing else is printed there).
    pub fn to_stdout(&self) -> bool {
        self.files.iter().any(|o| o.target == Target::Stdout)
    }

    /// Fails now, before any long work, if any output could not be written later; makes
    /// the study folder when it is missing.
    pub fn check(&self) -> Result<()> {
        let mut all = self.files.clone();
        if let Some((dir, names)) = &self.folder {
            all.extend(
                names
                    .iter()
                    .map(String::as_str)
                    .chain([MANIFEST])
                    .map(|n| Output::new(format!("--out (its {n})"), Target::File(dir.join(n)))),
            );
        }
        check_outputs(&self.inputs, &all)?;
        for o in &self.files {
            o.target.check_writable()?;
        }
        if let Some((dir, names)) = &self.folder {
            study_dir::prepare(dir, names)?;
        }
        Ok(())
    }

    /// Writes every output, whole or not at all (see the module's notes), standard output
    /// last. Outputs without contents are left out.
    pub fn write(&self, contents: Contents) -> Result<()> {
        let mut pending = Pending::default();
        let mut stdout: Option<Vec<u8>> = None;
        for (option, content) in contents.files {
            let Some(out) = self.files.iter().find(|o| o.option == option) else {
                continue;
            };
            match &out.target {
                Target::Stdout => stdout = Some(in_memory(content)?),
                Target::File(path) => pending.stage(path, content)?,
            }
        }
        let folder = match (&self.folder, contents.folder) {
            (Some((dir, _)), Some(files)) => Some(study_dir::stage(dir, files)?),
            _ => None,
        };
        pending.commit()?;
        if let Some(f) = folder {
            if let Err(e) = f.commit() {
                pending.undo();
                return Err(e);
            }
        }
        match stdout {
            Some(bytes) => crate::terminal::write_stdout(&bytes),
            None => Ok(()),
        }
    }
}

/// The bytes of an output bound for standard output.
fn in_memory(content: Content) -> Result<Vec<u8>> {
    match content {
        Content::Bytes(b) => Ok(b),
        Content::Streamed(fill) => {
            let mut b = Vec::new();
            fill(&mut b)?;
            Ok(b)
        }
    }
}

/// Files written under temporary names and waiting to be renamed into place, devices
/// waiting to be written into, and the files the renames created.
#[derive(Default)]
struct Pending {
    renames: Vec<(PathBuf, PathBuf, bool)>,
    into: Vec<(PathBuf, Vec<u8>)>,
    created: Vec<PathBuf>,
}

impl Pending {
    /// Writes `content` for `path` under a temporary name beside it (through a link, to
    /// its target); a device or pipe is kept to be written into at the commit.
    fn stage(&mut self, path: &Path, content: Content) -> Result<()> {
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                return Err(Error::Other(format!(
                    "{}: is a folder; give a file name",
                    path.display()
                )))
            }
            Ok(m) if !m.is_file() => {
                return match content {
                    Content::Bytes(b) => {
                        self.into.push((path.to_path_buf(), b));
                        Ok(())
                    }
                    Content::Streamed(fill) => super::write_streamed(path, fill),
                };
            }
            _ => {}
        }
        super::check_existing(path)?;
        super::check_file_name(path)?;
        let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let tmp = temporary_name(&folder_of(&real));
        let kept = fs::metadata(&real)
            .ok()
            .filter(fs::Metadata::is_file)
            .map(|m| m.permissions());
        let new = kept.is_none();
        let result = fs::File::create(&tmp)
            .map_err(|e| Error::io(path, e))
            .and_then(|f| {
                let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
                match content {
                    Content::Bytes(b) => w.write_all(&b).map_err(|e| Error::io(path, e))?,
                    Content::Streamed(fill) => fill(&mut w)?,
                }
                let f = w
                    .into_inner()
                    .map_err(|e| Error::io(path, e.into_error()))?;
                if let Some(p) = kept {
                    f.set_permissions(p).map_err(|e| Error::io(path, e))?;
                }
                f.sync_all().map_err(|e| Error::io(path, e))
            });
        // Listed even when the write failed, so that dropping removes the temporary file.
        self.renames.push((tmp, real, new));
        result
    }

    /// Renames every staged file into place and writes the devices; on a failure, the
    /// files created so far are removed again.
    fn commit(&mut self) -> Result<()> {
        let renames = std::mem::take(&mut self.renames);
        for (k, (tmp, path, new)) in renames.iter().enumerate() {
            if let Err(e) = fs::rename(tmp, path) {
                for (left, _, _) in &renames[k..] {
                    let _ = fs::remove_file(left);
                }
                self.undo();
                return Err(Error::io(path, e));
            }
            if *new {
                self.created.push(path.clone());
            }
        }
        for (path, bytes) in std::mem::take(&mut self.into) {
            if let Err(e) = write_file(&path, &bytes) {
                self.undo();
                return Err(e);
            }
        }
        Ok(())
    }

    /// Removes the files this run created (a replaced file cannot be given back).
    fn undo(&mut self) {
        for path in self.created.drain(..) {
            let _ = fs::remove_file(path);
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        for (tmp, _, _) in &self.renames {
            let _ = fs::remove_file(tmp);
        }
    }
}

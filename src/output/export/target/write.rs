//! Writing a file in place: atomically (a temporary name in the same folder, then a
//! rename) for a regular file, straight into a device or pipe otherwise.

use super::*;

/// Writes `bytes` to `path`: atomically when it is (or will be) a regular file, through a
/// link to its target, and straight into a device or pipe. A link to nothing is refused
/// rather than replaced.
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
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(Error::Other(format!(
                    "{}: is a link to a file that does not exist",
                    path.display()
                )));
            }
            write_atomic(path, bytes)
        }
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

/// Writes `bytes` to a temporary file beside `path`, then renames it into place; a file
/// it replaces keeps its permissions (a private file stays private). Anything but a
/// regular file or a new path (a link, a device, a pipe) goes to [`write_file`] instead,
/// so that no caller can replace one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
        return write_file(path, bytes);
    }
    check_file_name(path)?;
    let tmp = temporary_name(&folder_of(path));
    let kept = fs::metadata(path)
        .ok()
        .filter(fs::Metadata::is_file)
        .map(|m| m.permissions());
    let result = fs::File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            if let Some(p) = kept {
                f.set_permissions(p)?;
            }
            f.sync_all()
        })
        .and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// Streams an output too large to hold in memory (`run --calls-log`) into `path` with
/// the same rules as [`write_file`]: a regular file (or a new path) is filled under a
/// temporary name beside it and renamed into place only when `fill` succeeds; a device
/// or pipe is written into.
pub fn write_streamed(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let f = fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        let mut w = std::io::BufWriter::new(f);
        fill(&mut w)?;
        return w.flush().map_err(|e| Error::io(path, e));
    }
    check_existing(path)?;
    check_file_name(path)?;
    let real = match fs::canonicalize(path) {
        Ok(real) => real,
        Err(_) => path.to_path_buf(),
    };
    let tmp = temporary_name(&folder_of(&real));
    let kept = fs::metadata(&real)
        .ok()
        .filter(fs::Metadata::is_file)
        .map(|m| m.permissions());
    let result = fs::File::create(&tmp)
        .map_err(|e| Error::io(&tmp, e))
        .and_then(|f| {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
            fill(&mut w)?;
            let f = w
                .into_inner()
                .map_err(|e| Error::io(path, e.into_error()))?;
            if let Some(p) = kept {
                f.set_permissions(p).map_err(|e| Error::io(path, e))?;
            }
            f.sync_all().map_err(|e| Error::io(path, e))?;
            fs::rename(&tmp, &real).map_err(|e| Error::io(path, e))
        });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

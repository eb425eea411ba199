//! Where an output file's bytes go, so that no run leaves a partial or stray file.
//!
//! - A regular file (new or existing, through any symlinks to it) is written to a temporary
//!   file beside its target and renamed over the target when complete: a failed run leaves
//!   the target as it was, and a symlink stays a symlink to the new content.
//! - A character device, a FIFO, a socket, or a path naming an open file descriptor
//!   (`/dev/stdout`, `/dev/fd/N` as `>(cmd)` gives) is written through: renaming a file over
//!   `/dev/null` would replace it for everyone.
//!
//! Temporary files and directories are created with the mode a plain create gives
//! (read-write for all, less the umask), so every output gets the same mode. Those in flight
//! are listed, so that a process ended by a signal can remove them first ([`remove_all`]).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Temporary files and directories being written, by path.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// How many symlinks to follow before giving up, as the kernel does.
const MAX_LINKS: usize = 40;

fn in_flight() -> MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary file and directory in flight, and keeps any more from being
/// created: for a process about to exit on a signal. Returns how many it removed.
pub fn remove_all() -> usize {
    let mut listed = in_flight();
    let mut removed = 0;
    for path in listed.drain(..) {
        let gone = if path.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed += usize::from(gone.is_ok());
    }
    // Held until the process exits: a thread about to stage another file waits for ever.
    std::mem::forget(listed);
    removed
}

/// Unlists `path` (it was renamed into place or removed).
fn unlist(path: &Path) {
    in_flight().retain(|p| p != path);
}

/// `path` with symlinks followed to where its data lives (for a symlink whose target does not
/// exist yet, that target).
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Whether `path` is written through rather than replaced: a character or block device, a
/// FIFO, a socket, or a name of an open file descriptor.
pub fn writes_through(path: &Path) -> bool {
    let names_descriptor = ["/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/"]
        .iter()
        .any(|p| path.to_str().is_some_and(|s| s.starts_with(p)));
    if names_descriptor {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if let Ok(meta) = fs::metadata(path) {
            let t = meta.file_type();
            return t.is_char_device() || t.is_block_device() || t.is_fifo() || t.is_socket();
        }
    }
    false
}

/// An output file being written: through, or to a temporary file renamed into place by
/// [`OutputFile::commit`]. Dropped without a commit, the temporary file is removed.
pub struct OutputFile {
    sink: Sink,
}

enum Sink {
    Through(File),
    Staged {
        tmp: Option<tempfile::NamedTempFile>,
        target: PathBuf,
    },
}

impl OutputFile {
    /// Opens `path` for writing (see the module documentation).
    pub fn create(path: &Path) -> io::Result<OutputFile> {
        if writes_through(path) {
            let regular = fs::metadata(path).is_ok_and(|m| m.is_file());
            let file = OpenOptions::new()
                .write(true)
                .create(false)
                .truncate(regular)
                .open(path)?;
            return Ok(OutputFile {
                sink: Sink::Through(file),
            });
        }
        let target = resolve_links(path)?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut listed = in_flight();
        let tmp = builder(false).tempfile_in(dir)?;
        listed.push(tmp.path().to_path_buf());
        Ok(OutputFile {
            sink: Sink::Staged {
                tmp: Some(tmp),
                target,
            },
        })
    }

    /// The file to write to.
    pub fn file(&mut self) -> &mut File {
        match &mut self.sink {
            Sink::Through(file) => file,
            Sink::Staged { tmp, .. } => tmp.as_mut().expect("not yet committed").as_file_mut(),
        }
    }

    /// Puts the written file in place (renamed over its target) and flushes a file written
    /// through.
    pub fn commit(mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Through(file) => io::Write::flush(file),
            Sink::Staged { tmp, target } => {
                let tmp = tmp.take().expect("committed once");
                let path = tmp.path().to_path_buf();
                let persisted = tmp.persist(&*target).map(|_| ()).map_err(|e| e.error);
                unlist(&path);
                persisted
            }
        }
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if let Sink::Staged { tmp, .. } = &mut self.sink {
            if let Some(tmp) = tmp.take() {
                let path = tmp.path().to_path_buf();
                // Dropping the temporary file removes it; then it is no longer in flight.
                drop(tmp);
                unlist(&path);
            }
        }
    }
}

/// A temporary directory beside an output directory, listed while in flight:
/// [`StagedDir::place`] unlists it once it is moved into place; dropped before, it is removed.
pub struct StagedDir {
    dir: Option<tempfile::TempDir>,
    path: PathBuf,
}

impl StagedDir {
    /// Creates the temporary directory in `parent`.
    pub fn create_in(parent: &Path) -> io::Result<StagedDir> {
        let mut listed = in_flight();
        let dir = builder(true).tempdir_in(parent)?;
        let path = dir.path().to_path_buf();
        listed.push(path.clone());
        Ok(StagedDir {
            dir: Some(dir),
            path,
        })
    }

    /// The directory's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Calls `place` to move the directory into place; on failure it is removed.
    pub fn place(mut self, place: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
        let dir = self.dir.take().expect("placed once").keep();
        let placed = place(&dir);
        if placed.is_err() {
            let _ = fs::remove_dir_all(&dir);
        }
        unlist(&self.path);
        placed
    }
}

impl Drop for StagedDir {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            drop(dir);
            unlist(&self.path);
        }
    }
}

/// A builder for the temporary file or directory that becomes an output: it gets the
/// permissions a plain create gives (read-write for all, less the umask), not the owner-only
/// mode of temporary files, so others (a database server, a web server) can read the output.
fn builder(directory: bool) -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".newsgraph-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if directory { 0o777 } else { 0o666 };
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = directory;
    builder
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::{symlink, PermissionsExt};

    #[test]
    fn a_symlink_is_resolved_and_its_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.json");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.json");
        symlink("real.json", &link).unwrap();
        let mut out = OutputFile::create(&link).unwrap();
        out.file().write_all(b"new").unwrap();
        out.commit().unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert!(!in_flight().iter().any(|p| p.starts_with(dir.path())));
    }

    #[test]
    fn a_fifo_and_a_device_are_written_through() {
        assert!(writes_through(Path::new("/dev/null")));
        assert!(writes_through(Path::new("/dev/fd/1")));
        let mut out = OutputFile::create(Path::new("/dev/null")).unwrap();
        out.file().write_all(b"nothing").unwrap();
        out.commit().unwrap();
        assert!(!fs::metadata("/dev/null").unwrap().file_type().is_file());
        assert!(!writes_through(Path::new("graph.json")));
    }

    #[test]
    fn an_uncommitted_output_leaves_nothing_and_a_committed_one_the_plain_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        let mut out = OutputFile::create(&path).unwrap();
        out.file().write_all(b"partial").unwrap();
        drop(out);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        let mut out = OutputFile::create(&path).unwrap();
        out.file().write_all(b"{}").unwrap();
        out.commit().unwrap();
        let plain = dir.path().join("plain");
        fs::write(&plain, "").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&plain));
    }
}

//! Stage 5: write the output atomically. Everything is written into a staging folder
//! beside the output folder; only a build without errors swaps it in. A failed or killed
//! build leaves the previous output untouched.

pub mod feed;
pub mod ical;
pub mod sitemap;
pub mod table;

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};

/// Where rendered files go: a real staging folder, or nowhere (`handbok check`).
pub trait Sink: Sync {
    /// Writes `bytes` at the site path `path` (e.g. `natverk/index.html`).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic>;
    /// Copies the file `from` to the site path `path`.
    fn copy(&self, from: &Path, path: &str) -> Result<(), Diagnostic>;
}

/// Discards everything: used by `handbok check`.
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _path: &str, _bytes: &[u8]) -> Result<(), Diagnostic> {
        Ok(())
    }
    fn copy(&self, from: &Path, _path: &str) -> Result<(), Diagnostic> {
        std::fs::metadata(from)
            .map(|_| ())
            .map_err(|e| io_diagnostic("cannot read", from, &e))
    }
}

/// Writes straight into an output folder, each file through a temporary file and a rename,
/// so that a reader never sees a half-written file. For incremental updates while serving.
pub struct DirectSink {
    pub dir: PathBuf,
}

impl Sink for DirectSink {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if path.split('/').any(|s| s == ".." || s == ".") || path.starts_with('/') {
            return Err(Diagnostic::error(format!(
                "refusing to write outside the output folder: {path}"
            )));
        }
        let full = self.dir.join(path);
        let parent = full.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(parent).map_err(|e| io_diagnostic("cannot create", parent, &e))?;
        let temp = parent.join(format!(
            ".{}.tmp-{}",
            full.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        std::fs::write(&temp, bytes).map_err(|e| io_diagnostic("cannot write", &temp, &e))?;
        std::fs::rename(&temp, &full).map_err(|e| io_diagnostic("cannot write", &full, &e))
    }

    fn copy(&self, from: &Path, path: &str) -> Result<(), Diagnostic> {
        let bytes = std::fs::read(from).map_err(|e| io_diagnostic("cannot read", from, &e))?;
        self.write(path, &bytes)
    }
}

/// A staging folder beside the output folder, swapped in by [`Staging::commit`].
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
}

impl Staging {
    /// Creates a fresh staging folder for `target` (e.g. `public/`), after removing staging
    /// folders that builds killed earlier left behind.
    pub fn create(target: &Path) -> Result<Staging> {
        let parent = parent_dir(target);
        std::fs::create_dir_all(&parent).map_err(|e| Error::io("cannot create", &parent, e))?;
        let name = file_name(target);
        remove_stale(&parent, &name);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io("cannot remove", &dir, e))?;
        }
        std::fs::create_dir(&dir).map_err(|e| Error::io("cannot create", &dir, e))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
        })
    }

    fn path_of(&self, path: &str) -> Result<PathBuf, Diagnostic> {
        if path.split('/').any(|s| s == ".." || s == ".")
            || path.starts_with('/')
            || path.contains('\\')
        {
            return Err(Diagnostic::error(format!(
                "refusing to write outside the output folder: {path}"
            )));
        }
        let full = self.dir.join(path);
        if let Some(parent) = full.parent() {
            // Most folders are new leaves of existing ones: one mkdir, not one per ancestor.
            match std::fs::create_dir(parent) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(_) => std::fs::create_dir_all(parent)
                    .map_err(|e| io_diagnostic("cannot create", parent, &e))?,
            }
        }
        Ok(full)
    }

    /// Swaps the staging folder in place of the target. On Linux the swap is one atomic
    /// `renameat2(RENAME_EXCHANGE)`; elsewhere two renames.
    pub fn commit(self) -> Result<()> {
        let old = parent_dir(&self.target).join(format!(
            ".{}.old-{}",
            file_name(&self.target),
            std::process::id()
        ));
        if self.target.exists() {
            if !exchange(&self.dir, &self.target) {
                std::fs::rename(&self.target, &old)
                    .map_err(|e| Error::io("cannot move aside", &self.target, e))?;
                std::fs::rename(&self.dir, &self.target)
                    .map_err(|e| Error::io("cannot move into place", &self.dir, e))?;
                let _ = std::fs::remove_dir_all(&old);
                return Ok(());
            }
            // After the exchange the staging path holds the previous output.
            remove_tree(&self.dir).map_err(|e| Error::io("cannot remove", &self.dir, e))?;
        } else {
            std::fs::rename(&self.dir, &self.target)
                .map_err(|e| Error::io("cannot move into place", &self.dir, e))?;
        }
        Ok(())
    }

    /// Removes the staging folder; the target stays as it was.
    pub fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let full = self.path_of(path)?;
        std::fs::write(&full, bytes).map_err(|e| io_diagnostic("cannot write", &full, &e))
    }

    fn copy(&self, from: &Path, path: &str) -> Result<(), Diagnostic> {
        let full = self.path_of(path)?;
        std::fs::copy(from, &full)
            .map(|_| ())
            .map_err(|e| io_diagnostic("cannot copy", from, &e))
    }
}

/// Removes a folder tree, its top-level entries in parallel (deleting the previous output
/// of a large site is a good part of a build otherwise).
pub fn remove_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.par_iter().try_for_each(|p| {
        if p.is_dir() && !p.is_symlink() {
            let children: Vec<PathBuf> =
                std::fs::read_dir(p)?.flatten().map(|e| e.path()).collect();
            children.par_iter().try_for_each(|c| {
                if c.is_dir() && !c.is_symlink() {
                    std::fs::remove_dir_all(c)
                } else {
                    std::fs::remove_file(c)
                }
            })?;
            std::fs::remove_dir(p)
        } else {
            std::fs::remove_file(p)
        }
    })?;
    std::fs::remove_dir(dir)
}

fn io_diagnostic(action: &str, path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("{action} {}: {e}", path.display()))
        .with_hint("check the permissions and free space of the output folder")
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || "public".to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Removes `.NAME.staging-PID` and `.NAME.old-PID` folders whose build is no longer running.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let pid = [".staging-", ".old-"].iter().find_map(|kind| {
            file.strip_prefix(&format!(".{name}{kind}"))
                .and_then(|p| p.parse::<u32>().ok())
        });
        if let Some(pid) = pid {
            if pid != std::process::id() && !process_alive(pid) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    false
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both arguments are valid NUL-terminated paths that live across the call;
    // renameat2 does not keep the pointers.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    rc == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

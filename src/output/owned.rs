//! What the build may touch beside and inside its output: folders it marked as its own,
//! removed without ever following a symbolic link, and lock files that a planted named
//! pipe or link can neither hang nor redirect.
//!
//! Ownership is a marker file inside the folder, not a record beside it: it moves with the
//! folder through every swap, so a folder that someone put in the output's place is never
//! mistaken for the one handbok wrote.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};

/// The marker file that every output folder handbok writes holds.
pub(crate) use crate::site::OUTPUT_MARKER as MARKER;

/// What the marker says to whoever finds it (it is published with the site; it is harmless).
pub(crate) const MARKER_TEXT: &str = "This folder was written by handbok (`handbok build`), \
which replaces it on every build.\nhandbok refuses to replace a non-empty folder without \
this file unless it is run with --force.\n";

/// What is at a path, seen without following a symbolic link there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    Missing,
    /// A symbolic link, whatever it points to.
    Link,
    /// A regular file, a named pipe, a socket or a device.
    NotFolder,
    /// A real folder: whether the current user owns it, and whether handbok wrote it (it
    /// holds the marker, or nothing at all).
    Folder {
        mine: bool,
        marked: bool,
    },
}

/// Looks at `path` without following a link at its end.
pub(crate) fn classify(path: &Path) -> std::io::Result<Found> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        // A file where a folder of the path should be: nothing there either (creating the
        // folders fails later, with the message for that).
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(Found::Missing)
        }
        Err(e) => return Err(e),
    };
    let kind = meta.file_type();
    Ok(if kind.is_symlink() {
        Found::Link
    } else if !kind.is_dir() {
        Found::NotFolder
    } else {
        Found::Folder {
            mine: owned_by_me(&meta),
            marked: is_marked(path),
        }
    })
}

/// Whether a real folder holds the marker (a regular file, not a link), or nothing.
fn is_marked(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.file_type().is_file())
        || std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

#[cfg(unix)]
fn owned_by_me(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.uid() == effective_uid()
}

#[cfg(not(unix))]
fn owned_by_me(_meta: &std::fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Removes `path`: a link or file is unlinked itself; a real folder is emptied and removed
/// without following a link at any depth (the top two levels in parallel: deleting the
/// previous output of a large site is otherwise a good part of a build).
pub(crate) fn remove_tree(path: &Path) -> std::io::Result<()> {
    remove_entry(path, 0)
}

fn remove_entry(path: &Path, depth: usize) -> std::io::Result<()> {
    use rayon::prelude::*;
    if !std::fs::symlink_metadata(path)?.is_dir() {
        return std::fs::remove_file(path);
    }
    if depth >= 2 {
        // The standard library's removal opens each folder without following links.
        return std::fs::remove_dir_all(path);
    }
    let entries: Vec<std::path::PathBuf> = std::fs::read_dir(path)?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries
        .par_iter()
        .try_for_each(|p| remove_entry(p, depth + 1))?;
    std::fs::remove_dir(path)
}

/// Opens (creating it if needed) the lock file at `path` without following a link and
/// without waiting on a named pipe. `None` when something other than a regular file is
/// there. A lock file that another user created may be read-only for this one: a read-only
/// descriptor takes the lock just as well.
#[cfg(unix)]
pub(crate) fn open_lock_file(path: &Path) -> std::io::Result<Option<File>> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC;
    let opened = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o644)
        .custom_flags(flags)
        .open(path)
        .or_else(|_| {
            std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(flags)
                .open(path)
        });
    match opened {
        Ok(file) if file.metadata()?.is_file() => Ok(Some(file)),
        Ok(_) => Ok(None),
        Err(e) => match std::fs::symlink_metadata(path) {
            Ok(meta) if !meta.is_file() => Ok(None),
            _ => Err(e),
        },
    }
}

/// Opens the real folder `path` (not a link to one) to lock it, if the current user owns it.
#[cfg(unix)]
pub(crate) fn open_own_folder(path: &Path) -> Option<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC;
    let folder = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
        .ok()?;
    let meta = folder.metadata().ok()?;
    (meta.is_dir() && owned_by_me(&meta)).then_some(folder)
}

/// Takes the exclusive `flock` of `file`: waits for it, or with `wait == false` returns
/// `Ok(false)` when another process holds it. The lock goes with the process: a killed one
/// never leaves it taken.
#[cfg(unix)]
pub(crate) fn lock_exclusive(file: &File, wait: bool) -> std::io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    let operation = if wait {
        libc::LOCK_EX
    } else {
        libc::LOCK_EX | libc::LOCK_NB
    };
    loop {
        // SAFETY: `file` is an open file descriptor for the whole call.
        if unsafe { libc::flock(file.as_raw_fd(), operation) } == 0 {
            return Ok(true);
        }
        let e = std::io::Error::last_os_error();
        match e.kind() {
            std::io::ErrorKind::Interrupted => continue,
            std::io::ErrorKind::WouldBlock => return Ok(false),
            _ => return Err(e),
        }
    }
}

/// What publishing does to what is at the output path now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replace {
    /// Nothing there: the staging folder is moved into place.
    Nothing,
    /// A folder handbok wrote (or an empty one): it becomes the spare folder.
    Ours,
    /// A folder handbok did not write, replaced because of `--force`: it is deleted.
    Forced,
}

/// The folder an output path stands for: the path itself, or the folder a symbolic link
/// there points to (the link is kept, and the folder it points to is replaced).
pub(crate) fn resolve_output(target: &Path) -> Result<PathBuf> {
    if classify(target).map_err(|e| Error::io("cannot read", target, e))? != Found::Link {
        return Ok(target.to_path_buf());
    }
    target.canonicalize().map_err(|e| {
        if e.kind() != std::io::ErrorKind::NotFound {
            return Error::io("cannot read", target, e);
        }
        let points_to = std::fs::read_link(target).unwrap_or_default();
        refusal(
            format!(
                "the output folder {} is a symbolic link to {}, which does not exist",
                target.display(),
                points_to.display()
            ),
            "create the folder it points to, or remove the link",
        )
    })
}

/// What publishing would do to the output path (already resolved): refuses a file and,
/// unless `force`, a non-empty folder without the marker.
pub(crate) fn check_output(target: &Path, force: bool) -> Result<Replace> {
    match classify(target).map_err(|e| Error::io("cannot read", target, e))? {
        Found::Missing => Ok(Replace::Nothing),
        Found::Folder { marked: true, .. } => Ok(Replace::Ours),
        Found::Folder { .. } if force => Ok(Replace::Forced),
        Found::Folder { .. } => Err(refusal(
            format!(
                "the output folder {} is not empty and was not written by handbok",
                target.display()
            ),
            "choose a new or empty folder with --output, or use --force to replace it (everything in it is deleted)",
        )),
        // A link here was resolved, or appeared since: either way it is not replaced.
        Found::Link | Found::NotFolder => Err(refusal(
            format!(
                "the output folder {} is a file, not a folder",
                target.display()
            ),
            "remove the file or choose another folder with --output",
        )),
    }
}

/// Whether a spare or leftover folder (named like one of handbok's, beside the output) may
/// be reused or removed. A link or file by that name is removed itself, never followed;
/// another user's folder is left alone; a folder of this user's without the marker is
/// refused, since deleting it could delete someone's work.
pub(crate) fn reusable(path: &Path) -> Result<bool> {
    match classify(path).map_err(|e| Error::io("cannot read", path, e))? {
        Found::Missing | Found::Folder { mine: false, .. } => Ok(false),
        Found::Link | Found::NotFolder => {
            std::fs::remove_file(path).map_err(|e| Error::io("cannot remove", path, e))?;
            Ok(false)
        }
        Found::Folder { marked: true, .. } => Ok(true),
        Found::Folder { .. } => Err(refusal(
            format!(
                "the folder {} beside the output holds files that handbok did not write",
                path.display()
            ),
            "move what you need out of it, then delete it; handbok never deletes files it did not write",
        )),
    }
}

/// The refusal of a lock file that is not a regular file.
#[cfg(unix)]
pub(crate) fn not_a_lock_file(path: &Path) -> Error {
    refusal(
        format!("the lock file {} is not a regular file", path.display()),
        "remove it; the next build creates it again",
    )
}

fn refusal(message: String, hint: &str) -> Error {
    Error::Config(Box::new(Diagnostic::error(message).with_hint(hint)))
}

//! What the build may touch beside and inside its output: folders it marked as its own,
//! removed without ever following a symbolic link, and lock files that a planted named
//! pipe or link can neither hang nor redirect.
//!
//! Ownership is a marker file inside the folder, not a record beside it: it moves with the
//! folder through every swap, so a folder that someone put in the output's place is never
//! mistaken for the one handbok wrote. The marker names the output folder it was written
//! for, and counts only there and beside it: a copy of a published site (marker included)
//! is not handbok's. A folder or marker of another user's is never handbok's.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, IoAction, Result};
use crate::messages::{self as msg, Message, Text};
use crate::text;

/// The marker file that every output folder handbok writes holds.
pub(crate) use crate::site::OUTPUT_MARKER as MARKER;

/// What the marker says to whoever finds it (it is published with the site; it is harmless).
/// The line [`OUTPUT_LINE`] and the output folder's absolute path follow it.
pub(crate) const MARKER_TEXT: &str = "This folder was written by handbok (`handbok build`), \
which replaces it on every build.\nhandbok refuses to replace a non-empty folder without \
this file unless it is run with --force. The folder counts as handbok's only at the path \
named below: a copy of it elsewhere is not replaced.\n";

/// The start of the marker's last line, which names the output folder it was written for.
const OUTPUT_LINE: &str = "output: ";

/// The longest marker that is read; anything longer is not handbok's.
const MARKER_LIMIT: u64 = 64 * 1024;

/// The marker for the output folder `id` (its [`identity`]).
pub(crate) fn marker_text(id: &Path) -> Vec<u8> {
    let mut text = format!("{MARKER_TEXT}{OUTPUT_LINE}").into_bytes();
    text.extend_from_slice(&path_bytes(id));
    text.push(b'\n');
    text
}

/// The absolute path that names the output folder `target` in its marker: its parent folder
/// with every link and `..` resolved, and its own name (which is never followed). The
/// same for the spare and leftover folders beside it, which belong to it.
pub(crate) fn identity(target: &Path, parent: &Path, name: &str) -> PathBuf {
    match parent.canonicalize() {
        Ok(parent) => parent.join(name),
        Err(_) => std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf()),
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(path.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    match path.to_string_lossy() {
        std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
        std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s.into_bytes()),
    }
}

/// What is at a path, seen without following a symbolic link there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    Missing,
    /// A symbolic link, whatever it points to.
    Link,
    /// A regular file, a named pipe, a socket or a device.
    NotFolder,
    /// A real folder, and whose it is.
    Folder(Owner),
}

/// Whose a real folder is, as far as handbok can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Owner {
    /// The current user's, and empty or holding a marker of the current user's that names
    /// the output folder it is checked for.
    Handbok,
    /// The current user's, with a marker that names another output folder: a copy of a
    /// built site (`rsync public/ /var/www/html/`), or a site folder that was moved.
    OtherOutput(PathBuf),
    /// Another user's folder (the marker inside does not matter).
    OtherUser,
    /// The current user's, not empty, without a marker of handbok's.
    Unknown,
}

/// Looks at `path` without following a link at its end; a folder counts as handbok's only
/// for the output folder `id`.
pub(crate) fn classify(path: &Path, id: &Path) -> std::io::Result<Found> {
    let Some(meta) = lstat(path)? else {
        return Ok(Found::Missing);
    };
    let kind = meta.file_type();
    Ok(if kind.is_symlink() {
        Found::Link
    } else if !kind.is_dir() {
        Found::NotFolder
    } else {
        Found::Folder(owner(path, &meta, id))
    })
}

/// The metadata of `path` itself (not of a link's target); `None` when nothing is there.
fn lstat(path: &Path) -> std::io::Result<Option<std::fs::Metadata>> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => Ok(Some(meta)),
        // A file where a folder of the path should be: nothing there either (creating the
        // folders fails later, with the message for that).
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Whether nothing at all is at `path` (a link, even a dangling one, is something).
pub(crate) fn is_missing(path: &Path) -> bool {
    matches!(lstat(path), Ok(None))
}

/// Whose the real folder `dir` is (see [`Owner`]).
fn owner(dir: &Path, meta: &std::fs::Metadata, id: &Path) -> Owner {
    if !owned_by_me(meta) {
        return Owner::OtherUser;
    }
    match read_marker(&dir.join(MARKER)) {
        Some(named) if named == path_bytes(id).as_ref() => Owner::Handbok,
        Some(named) => Owner::OtherOutput(path_from_bytes(named)),
        None if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none()) => {
            Owner::Handbok
        }
        None => Owner::Unknown,
    }
}

/// The output folder a marker names, if `path` is a marker of handbok's: a regular file (not
/// a link, never a named pipe waited on) of the current user's, with the output line.
fn read_marker(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let file = open_no_follow(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || !owned_by_me(&meta) || meta.len() > MARKER_LIMIT {
        return None;
    }
    let mut text = Vec::new();
    file.take(MARKER_LIMIT).read_to_end(&mut text).ok()?;
    // The first output line: a path that holds a line break cannot fake one.
    let line = format!("\n{OUTPUT_LINE}");
    let at = text
        .windows(line.len())
        .position(|w| w == line.as_bytes())?;
    let named = text[at + line.len()..].strip_suffix(b"\n")?;
    Some(named.to_vec())
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// Opens `path` for reading without following a link at its end and without waiting on a
/// named pipe.
pub(crate) fn open_no_follow(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    options.open(path)
}

/// Creates the file `path` with `bytes`. Fails when anything is already there: a link in
/// its place is never written through (`O_CREAT | O_EXCL`, and `O_NOFOLLOW`).
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    create_new(path)?.write_all(bytes)
}

/// [`write_new`] of the contents of file `from`, copied by the kernel where it can
/// (`copy_file_range`), never held in memory whole.
pub(crate) fn copy_new(from: &Path, path: &Path) -> std::io::Result<()> {
    let mut source = File::open(from)?;
    std::io::copy(&mut source, &mut create_new(path)?).map(|_| ())
}

/// A new file at `path`, never an existing one or one through a link.
fn create_new(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    options.open(path)
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

/// Removes `path`: a link or file is unlinked itself; a real folder with everything in it,
/// by the standard library's `remove_dir_all`, which opens every folder relative to the one
/// above it and without following a link (`openat` with `O_NOFOLLOW`, `unlinkat`), so that
/// a folder swapped for a link meanwhile is unlinked, never followed. One thread: removing
/// folders in parallel would name them by paths again, and a whole tree is removed only in
/// rare cases (a forced build, a leftover, a stopped server's folder); a normal build
/// reuses the spare folder instead.
pub(crate) fn remove_tree(path: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path)?.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    }
}

/// Opens (creating it if needed) the lock file at `path` without following a link and
/// without waiting on a named pipe. Refuses anything but a regular file of the current
/// user's: another user could hold the lock of their file for ever, and hang every build.
pub(crate) fn open_lock_file(path: &Path) -> Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o644)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    #[cfg(not(unix))]
    {
        // Without `O_NOFOLLOW`: a link (or anything but a file) is refused before opening.
        if std::fs::symlink_metadata(path).is_ok_and(|meta| !meta.is_file()) {
            return Err(not_a_lock_file(path));
        }
    }
    let opened = options.open(path).or_else(|_| open_no_follow(path));
    let file = match opened {
        Ok(file) => file,
        Err(e) => {
            return Err(match std::fs::symlink_metadata(path) {
                Ok(meta) if !meta.is_file() => not_a_lock_file(path),
                _ => Error::io(IoAction::CreateLockFile, path, e),
            })
        }
    };
    let meta = file
        .metadata()
        .map_err(|e| Error::io(IoAction::Read, path, e))?;
    if !meta.is_file() {
        return Err(not_a_lock_file(path));
    }
    if !owned_by_me(&meta) {
        return Err(refusal(
            text!(msg::LOCK_FILE_OTHER_USER, path.display()),
            &msg::HINT_LOCK_FILE_OTHER_USER,
        ));
    }
    Ok(file)
}

/// Opens the real folder `path` (not a link to one) to lock it, if the current user owns it.
#[cfg(unix)]
pub(crate) fn open_own_folder(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC;
    let folder = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)?;
    let meta = folder.metadata()?;
    if meta.is_dir() && owned_by_me(&meta) {
        Ok(folder)
    } else {
        Err(std::io::Error::other("not a folder of the current user's"))
    }
}

/// Takes the exclusive lock of `file` (the standard library's `File::lock`: `flock` on
/// Linux and macOS, `LockFileEx` on Windows): waits for it, or with `wait == false`
/// returns `Ok(false)` when another process holds it. The lock goes with the open file: a
/// killed process never leaves it taken.
pub(crate) fn lock_exclusive(file: &File, wait: bool) -> std::io::Result<bool> {
    loop {
        let taken = if wait {
            file.lock()
        } else {
            match file.try_lock() {
                Ok(()) => Ok(()),
                Err(std::fs::TryLockError::WouldBlock) => return Ok(false),
                Err(std::fs::TryLockError::Error(e)) => Err(e),
            }
        };
        match taken {
            Ok(()) => return Ok(true),
            // A signal during the wait (the standard library does not retry `flock`).
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
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
/// there points to (the link is kept, and the folder it points to is replaced). A link is
/// followed only when `follow` (the user named the output with `--output`; a link that a
/// repository carries as its default `public/` could point anywhere), and never with
/// `force`, which would delete whatever the link points to.
pub(crate) fn resolve_output(target: &Path, follow: bool, force: bool) -> Result<PathBuf> {
    let link = lstat(target)
        .map_err(|e| Error::io(IoAction::Read, target, e))?
        .is_some_and(|meta| meta.file_type().is_symlink());
    if !link {
        return Ok(target.to_path_buf());
    }
    if !follow {
        return Err(refusal(
            text!(msg::OUTPUT_IS_LINK, target.display()),
            &msg::HINT_OUTPUT_IS_LINK,
        ));
    }
    if force {
        return Err(refusal(
            text!(msg::OUTPUT_IS_LINK_FORCE, target.display()),
            &msg::HINT_OUTPUT_IS_LINK_FORCE,
        ));
    }
    target.canonicalize().map_err(|e| {
        if e.kind() != std::io::ErrorKind::NotFound {
            return Error::io(IoAction::Read, target, e);
        }
        let points_to = std::fs::read_link(target).unwrap_or_default();
        refusal(
            text!(
                msg::OUTPUT_LINK_DANGLING,
                target.display(),
                points_to.display()
            ),
            &msg::HINT_OUTPUT_LINK_DANGLING,
        )
    })
}

/// What publishing would do to the output path (already resolved; `id` is its
/// [`identity`]): refuses a file and, unless `force`, a folder that is not handbok's.
pub(crate) fn check_output(target: &Path, id: &Path, force: bool) -> Result<Replace> {
    let owner = match classify(target, id).map_err(|e| Error::io(IoAction::Read, target, e))? {
        Found::Missing => return Ok(Replace::Nothing),
        Found::Folder(Owner::Handbok) => return Ok(Replace::Ours),
        Found::Folder(_) if force => return Ok(Replace::Forced),
        Found::Folder(owner) => owner,
        // A link here was resolved, or appeared since: either way it is not replaced.
        Found::Link | Found::NotFolder => {
            return Err(refusal(
                text!(msg::OUTPUT_IS_FILE, target.display()),
                &msg::HINT_OUTPUT_IS_FILE,
            ))
        }
    };
    let shown = target.display();
    Err(match owner {
        Owner::OtherUser => refusal(
            text!(msg::OUTPUT_OTHER_USER, shown),
            &msg::HINT_OUTPUT_OTHER_USER,
        ),
        Owner::OtherOutput(named) => refusal(
            text!(msg::OUTPUT_OTHER_OUTPUT, shown, named.display()),
            &msg::HINT_OUTPUT_OTHER_OUTPUT,
        ),
        Owner::Handbok | Owner::Unknown => refusal(
            text!(msg::OUTPUT_NOT_HANDBOKS, shown),
            &msg::HINT_OUTPUT_NOT_HANDBOKS,
        ),
    })
}

/// Whether a spare or leftover folder (named like one of handbok's, beside the output
/// `id`) may be reused or removed. A link or file by that name is removed itself, never
/// followed; another user's folder is left alone; a folder of this user's without the
/// marker of this output is refused, since deleting it could delete someone's work.
pub(crate) fn reusable(path: &Path, id: &Path) -> Result<bool> {
    let owner = match classify(path, id).map_err(|e| Error::io(IoAction::Read, path, e))? {
        Found::Missing | Found::Folder(Owner::OtherUser) => return Ok(false),
        Found::Link | Found::NotFolder => {
            std::fs::remove_file(path).map_err(|e| Error::io(IoAction::Remove, path, e))?;
            return Ok(false);
        }
        Found::Folder(Owner::Handbok) => return Ok(true),
        Found::Folder(owner) => owner,
    };
    Err(match owner {
        Owner::OtherOutput(named) => refusal(
            text!(msg::BESIDE_OTHER_OUTPUT, path.display(), named.display()),
            &msg::HINT_BESIDE_OTHER_OUTPUT,
        ),
        _ => refusal(
            text!(msg::BESIDE_NOT_HANDBOKS, path.display()),
            &msg::HINT_BESIDE_NOT_HANDBOKS,
        ),
    })
}

/// The refusal of a lock file that is not a regular file.
fn not_a_lock_file(path: &Path) -> Error {
    refusal(
        text!(msg::LOCK_FILE_NOT_A_FILE, path.display()),
        &msg::HINT_LOCK_FILE_NOT_A_FILE,
    )
}

fn refusal(message: Text, hint: &'static Message) -> Error {
    Error::Config(Box::new(Diagnostic::error(message).with_hint(hint)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lock is held per open file: a second opening waits for it, or with
    /// `wait == false` is told at once that it is taken, and gets it once it is let go.
    #[test]
    fn the_lock_is_exclusive_and_let_go_with_the_file() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(".public.lock");
        let first = open_lock_file(&path).expect("open the lock file");
        let second = open_lock_file(&path).expect("open it again");
        assert!(lock_exclusive(&first, true).expect("lock"));
        assert!(!lock_exclusive(&second, false).expect("try the lock"));
        let waiter = std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let taken = lock_exclusive(&second, true).expect("wait for the lock");
            (taken, started.elapsed())
        });
        std::thread::sleep(std::time::Duration::from_millis(200));
        drop(first);
        let (taken, waited) = waiter.join().expect("the waiting thread");
        assert!(taken && waited >= std::time::Duration::from_millis(150));
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_not_a_regular_file_is_refused() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let link = dir.path().join(".public.lock");
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), &link).expect("a link");
        assert!(open_lock_file(&link).is_err());
        assert!(
            !dir.path().join("elsewhere").exists(),
            "created through the link"
        );
    }
}

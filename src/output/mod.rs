//! Stage 5: write the output atomically. Everything is written into a staging folder
//! beside the output folder; only a build without errors swaps it in. A failed or killed
//! build leaves the previous output untouched.

pub mod feed;
pub mod ical;
pub(crate) mod owned;
pub mod sitemap;
pub mod table;
pub mod xml;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::{io_diagnostic, Diagnostic, Error, IoAction, Result};

/// Where rendered files go: a real staging folder, or nowhere (`handbok check`).
pub trait Sink: Sync {
    /// Writes `bytes` at the site path `path` (e.g. `natverk/index.html`).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic>;
    /// Copies the file `from` to the site path `path`.
    fn copy(&self, from: &Path, path: &str) -> Result<(), Diagnostic>;
    /// Removes the files directly in the folder `folder` (a site path ending in `/`) that
    /// are not in `keep`: for a sink that writes over an earlier output, so that a file the
    /// new output no longer has does not stay behind. Sinks that start from an empty folder,
    /// or prune on their own as [`Staging`] does, leave this alone.
    fn remove_stale(&self, _folder: &str, _keep: &HashSet<String>) -> Result<(), Diagnostic> {
        Ok(())
    }
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
            .map_err(|e| io_diagnostic(IoAction::Read, from, &e))
    }
}

/// Writes straight into an output folder, each changed file through a temporary file and a
/// rename, so that a reader never sees a half-written file. For incremental updates while serving.
/// Creates folders below `dir`, never `dir` itself or anything above it.
pub struct DirectSink {
    pub dir: PathBuf,
}

impl Sink for DirectSink {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        inside_output(path)?;
        let full = self.dir.join(path);
        // A file that already holds these bytes stays as it is: rewriting the search
        // index after an edit changes a few of its thousands of files, and browsers keep
        // revalidating the others (same time, same ETag).
        if same_bytes(&full, bytes) {
            return Ok(());
        }
        let parent = full.parent().unwrap_or(&self.dir);
        let folder = path.rsplit_once('/').map_or("", |(f, _)| f);
        create_below(&self.dir, folder).map_err(|e| io_diagnostic(IoAction::Create, parent, &e))?;
        let temp = parent.join(format!(
            ".{}.tmp-{}",
            full.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        // A leftover of a killed server (or a link) by that name is removed, not written
        // through.
        let _ = std::fs::remove_file(&temp);
        owned::write_new(&temp, bytes).map_err(|e| io_diagnostic(IoAction::Write, &temp, &e))?;
        std::fs::rename(&temp, &full).map_err(|e| io_diagnostic(IoAction::Write, &full, &e))
    }

    fn copy(&self, from: &Path, path: &str) -> Result<(), Diagnostic> {
        let bytes = std::fs::read(from).map_err(|e| io_diagnostic(IoAction::Read, from, &e))?;
        self.write(path, &bytes)
    }

    /// Removes files (and links), never folders, and nothing through a link: a folder
    /// that is itself a link is left alone.
    fn remove_stale(&self, folder: &str, keep: &HashSet<String>) -> Result<(), Diagnostic> {
        let name = folder.trim_end_matches('/');
        inside_output(name)?;
        let dir = self.dir.join(name);
        if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            return Ok(());
        }
        let entries =
            std::fs::read_dir(&dir).map_err(|e| io_diagnostic(IoAction::Read, &dir, &e))?;
        for entry in entries.flatten() {
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            let path = format!("{name}/{}", entry.file_name().to_string_lossy());
            if is_dir || keep.contains(&path) {
                continue;
            }
            match std::fs::remove_file(entry.path()) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(io_diagnostic(IoAction::Remove, &entry.path(), &e));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// A staging folder beside the output folder, swapped in by [`Staging::commit`].
///
/// The staging folder is not built from nothing: the output that the previous successful
/// build replaced is kept beside the output as `.NAME.spare` and reused. A file whose bytes
/// are unchanged is left alone (it keeps its modification time, which also helps `rsync`
/// deployments), a changed one is replaced by a new file (a reader of the old one keeps
/// it whole), and whatever the new build does not write is removed before the swap. Creating and deleting tens of thousands of files is
/// what a large build otherwise spends most of its time on.
///
/// A lock file `.NAME.lock` serialises builds into the same output folder, so two builds
/// started at once write one after the other instead of into the same staging folder.
///
/// Every folder the build writes holds the marker file [`owned::MARKER`], naming the output
/// folder. A non-empty output folder without it is replaced only with `force`; a spare or
/// leftover folder without it is never reused or removed. Nothing is ever written, read or
/// removed through a symbolic link: a link named like a spare or leftover folder is removed
/// itself, and every file is created new (`O_EXCL`), never written through a link.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// The target's [`owned::identity`], which its marker names.
    id: PathBuf,
    spare: PathBuf,
    /// Replace a non-empty output folder that handbok did not write.
    force: bool,
    /// Held (with an exclusive lock) until the staging folder is committed or discarded.
    _lock: std::fs::File,
    /// The files of the reused folder, by site path (hashed with FxHash: one look-up for
    /// every file the build writes).
    previous: FxHashMap<String, Previous>,
    /// The folders of the reused folder, by site path (`""` is the folder itself).
    folders: FxHashSet<String>,
}

/// A file found in the reused folder.
struct Previous {
    /// Written (or found unchanged) by this build: survives the pruning.
    kept: AtomicBool,
}

/// What a build may do at its output path.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Policy {
    /// Replace a non-empty folder that handbok did not write.
    pub force: bool,
    /// The user named the output (`--output`): a symbolic link there is followed.
    pub follow_link: bool,
    /// The output's parent folder must exist already; it is never created.
    pub existing_parent: bool,
}

impl Policy {
    pub(crate) fn of(options: &crate::BuildOptions) -> Policy {
        Policy {
            force: options.force,
            follow_link: options.output.is_some(),
            existing_parent: options.existing_parent,
        }
    }
}

impl Staging {
    /// Creates the staging folder for `target` (e.g. `public/`): takes the lock, reuses the
    /// spare folder (or a staging folder that a killed build left behind) and removes any
    /// other leftovers. Refuses (before writing anything) a target that is not a folder, and
    /// a non-empty folder that handbok did not write unless `force` is set. A target that
    /// is a symbolic link is followed only as [`owned::resolve_output`] allows: the folder
    /// it points to is the one replaced, and the link stays.
    pub(crate) fn create(target: &Path, policy: &Policy) -> Result<Staging> {
        let target = owned::resolve_output(target, policy.follow_link, policy.force)?;
        let (parent, name) = (parent_dir(&target), file_name(&target));
        owned::check_output(
            &target,
            &owned::identity(&target, &parent, &name),
            policy.force,
        )?;
        create_parent(&parent, policy)?;
        let id = owned::identity(&target, &parent, &name);
        let lock = lock(&parent.join(format!(".{name}.lock")))?;
        // Again under the lock: another build may have published meanwhile.
        owned::check_output(&target, &id, policy.force)?;
        let spare = parent.join(format!(".{name}.spare"));
        adopt_leftovers(&parent, &name, &spare, &id)?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        let mut previous = FxHashMap::default();
        let mut folders = FxHashSet::default();
        if owned::reusable(&spare, &id)? && std::fs::rename(&spare, &dir).is_ok() {
            inventory(&dir, &mut previous, &mut folders);
        } else {
            std::fs::create_dir(&dir).map_err(|e| Error::io(IoAction::Create, &dir, e))?;
            folders.insert(String::new());
        }
        let marker = owned::marker_text(&id);
        let staging = Staging {
            dir,
            target,
            id,
            spare,
            force: policy.force,
            _lock: lock,
            previous,
            folders,
        };
        // First, so that a killed build's staging folder is recognised as handbok's.
        staging
            .put(owned::MARKER, Content::Bytes(&marker))
            .map_err(|d| Error::Config(Box::new(d)))?;
        Ok(staging)
    }

    /// The full path of site path `path` (checked by [`inside_output`]), its folder created.
    fn path_of(&self, path: &str) -> Result<PathBuf, Diagnostic> {
        let full = self.dir.join(path);
        let folder = path.rsplit_once('/').map_or("", |(f, _)| f);
        if !self.folders.contains(folder) {
            if let Some(parent) = full.parent() {
                // Most folders are new leaves of existing ones: one mkdir, not one per ancestor.
                match std::fs::create_dir(parent) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                    Err(_) => create_below(&self.dir, folder)
                        .map_err(|e| io_diagnostic(IoAction::Create, parent, &e))?,
                }
            }
        }
        Ok(full)
    }

    /// Writes `content` at `path` unless the reused folder holds the same bytes there.
    fn put(&self, path: &str, content: Content) -> Result<(), Diagnostic> {
        inside_output(path)?;
        if let Some(previous) = self.previous.get(path) {
            previous.kept.store(true, Ordering::Relaxed);
            let old = self.dir.join(path);
            if content.is_in(&old) {
                return Ok(());
            }
            // A new file rather than the old one rewritten in place: this folder was the
            // published one before the last swap, and a file server may still be sending
            // that file to a reader.
            let _ = std::fs::remove_file(&old);
        }
        if let Ok(full) = self.path_of(path) {
            if content.write_new(&full).is_ok() {
                return Ok(());
            }
        }
        // The reused folder may hold a file where this build needs a folder, or the other
        // way round (or a piece of a failed write): clear the way and try once more.
        self.clear_way(path);
        let full = self.path_of(path)?;
        content
            .write_new(&full)
            .map_err(|e| io_diagnostic(IoAction::Write, &full, &e))
    }

    /// Removes what stands in the way of writing the file `path`: files where its folders
    /// go, whatever is where it goes.
    fn clear_way(&self, path: &str) {
        let mut at = self.dir.clone();
        let segments: Vec<&str> = path.split('/').collect();
        for (i, segment) in segments.iter().enumerate() {
            at.push(segment);
            let Ok(meta) = std::fs::symlink_metadata(&at) else {
                return;
            };
            let last = i + 1 == segments.len();
            if last {
                let _ = owned::remove_tree(&at);
            } else if !meta.is_dir() {
                let _ = std::fs::remove_file(&at);
            }
        }
    }

    /// Removes the files of the reused folder that this build did not write, and the
    /// folders that this leaves empty.
    fn prune(&self) {
        use rayon::prelude::*;
        let stale: Vec<&String> = self
            .previous
            .iter()
            .filter(|(_, p)| !p.kept.load(Ordering::Relaxed))
            .map(|(path, _)| path)
            .collect();
        stale.par_iter().for_each(|path| {
            let _ = std::fs::remove_file(self.dir.join(path.as_str()));
        });
        // Every folder that held a removed file, and the folders above it, deepest first:
        // a folder is tried only after everything below it.
        let mut emptied: Vec<&str> = stale
            .iter()
            .flat_map(|p| p.match_indices('/').map(|(i, _)| &p[..i]))
            .collect();
        emptied.sort_unstable_by(|a, b| {
            let depth = |s: &str| s.matches('/').count();
            depth(b).cmp(&depth(a)).then(a.cmp(b))
        });
        emptied.dedup();
        for folder in emptied {
            let _ = std::fs::remove_dir(self.dir.join(folder));
        }
    }

    /// Swaps the staging folder in place of the target. On Linux the swap is one atomic
    /// `renameat2(RENAME_EXCHANGE)`; elsewhere two renames. The replaced output becomes
    /// the spare folder of the next build; a folder replaced because of `force` is deleted.
    pub fn commit(self) -> Result<()> {
        self.prune();
        let replace = match owned::check_output(&self.target, &self.id, self.force) {
            Ok(replace) => replace,
            Err(e) => {
                keep_as_spare(&self.dir, &self.spare);
                return Err(e);
            }
        };
        match replace {
            owned::Replace::Nothing => std::fs::rename(&self.dir, &self.target)
                .map_err(|e| Error::io(IoAction::MoveIntoPlace, &self.dir, e)),
            owned::Replace::Ours => {
                let old = self.swap()?;
                keep_as_spare(&old, &self.spare);
                Ok(())
            }
            owned::Replace::Forced => {
                // Nothing is written into a folder that is not handbok's (its marker could
                // be a link to any file): it is moved aside and deleted. A build killed
                // before the removal leaves it by a leftover's name, unmarked, and the
                // next build refuses it instead of deleting it.
                let old = self.swap()?;
                let _ = owned::remove_tree(&old);
                Ok(())
            }
        }
    }

    /// Puts the staging folder in the target's place; returns where the previous target is.
    fn swap(&self) -> Result<PathBuf> {
        if exchange(&self.dir, &self.target) {
            // After the exchange the staging path holds the previous output.
            return Ok(self.dir.clone());
        }
        let old = parent_dir(&self.target).join(format!(
            ".{}.old-{}",
            file_name(&self.target),
            std::process::id()
        ));
        std::fs::rename(&self.target, &old)
            .map_err(|e| Error::io(IoAction::MoveAside, &self.target, e))?;
        std::fs::rename(&self.dir, &self.target)
            .map_err(|e| Error::io(IoAction::MoveIntoPlace, &self.dir, e))?;
        Ok(old)
    }

    /// Gives up the staging folder; the target stays as it was. What was written is kept as
    /// the spare folder (the next build prunes and reuses it).
    pub fn discard(self) {
        keep_as_spare(&self.dir, &self.spare);
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.put(path, Content::Bytes(bytes))
    }

    fn copy(&self, from: &Path, path: &str) -> Result<(), Diagnostic> {
        // A source that cannot be read is named as such, not as an output that cannot be
        // written.
        std::fs::File::open(from).map_err(|e| io_diagnostic(IoAction::Read, from, &e))?;
        self.put(path, Content::File(from))
    }
}

/// What a file of the output is made of: bytes made by the build, or a source file (a
/// static file), which is compared and copied in pieces, never read whole: a 150 MB PDF
/// must not cost 150 MB of memory.
#[derive(Clone, Copy)]
enum Content<'a> {
    Bytes(&'a [u8]),
    File(&'a Path),
}

impl Content<'_> {
    /// Whether the file at `path` holds exactly this.
    fn is_in(self, path: &Path) -> bool {
        match self {
            Content::Bytes(bytes) => same_bytes(path, bytes),
            Content::File(from) => same_contents(path, from),
        }
    }

    /// Writes this as a new file at `path` (never an existing one, nor through a link).
    fn write_new(self, path: &Path) -> std::io::Result<()> {
        match self {
            Content::Bytes(bytes) => owned::write_new(path, bytes),
            Content::File(from) => owned::copy_new(from, path),
        }
    }
}

/// Whether the file at `path` (not through a link) holds the same bytes as the file `from`,
/// read in pieces.
fn same_contents(path: &Path, from: &Path) -> bool {
    use std::io::Read;
    let (Ok(mut old), Ok(mut new)) = (owned::open_no_follow(path), std::fs::File::open(from))
    else {
        return false;
    };
    let len = |f: &std::fs::File| f.metadata().map(|m| m.len()).ok();
    if len(&old).is_none() || len(&old) != len(&new) {
        return false;
    }
    let (mut a, mut b) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = match new.read(&mut b) {
            Ok(0) => return old.read(&mut a).is_ok_and(|m| m == 0),
            Ok(n) => n,
            Err(_) => return false,
        };
        if old.read_exact(&mut a[..n]).is_err() || a[..n] != b[..n] {
            return false;
        }
    }
}

/// Whether the file at `path` holds exactly `bytes`; a file of another size is not read.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut file) = owned::open_no_follow(path) else {
        return false;
    };
    if !file.metadata().is_ok_and(|m| m.len() == bytes.len() as u64) {
        return false;
    }
    // Compared piece by piece through one small buffer: no allocation the size of the
    // file (zeroing and faulting in a new buffer for every page cost more than reading it),
    // and the first difference stops the reading. Exactly the length just checked is read.
    let mut buffer = [0u8; 16 * 1024];
    bytes.chunks(buffer.len()).all(|want| {
        let got = &mut buffer[..want.len()];
        file.read_exact(got).is_ok() && got == want
    })
}

/// Refuses a site path that could lead out of the output folder.
fn inside_output(path: &str) -> Result<(), Diagnostic> {
    if path.is_empty()
        || path
            .split('/')
            .any(|s| s.is_empty() || s == ".." || s == ".")
        || path.contains('\\')
        || path.contains('\0')
    {
        return Err(Diagnostic::error(crate::text!(
            crate::messages::OUTSIDE_OUTPUT,
            path
        )));
    }
    Ok(())
}

/// Lists the files and folders of a reused folder; removes anything else (symbolic links,
/// which handbok never writes and which could lead writes outside the folder).
fn inventory(dir: &Path, files: &mut FxHashMap<String, Previous>, folders: &mut FxHashSet<String>) {
    let walker = walkdir::WalkDir::new(dir).follow_links(false);
    for entry in walker.into_iter().flatten() {
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let Some(rel) = rel.to_str().map(|r| r.replace('\\', "/")) else {
            let _ = std::fs::remove_file(entry.path());
            continue;
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            folders.insert(rel);
        } else if kind.is_file() {
            // No `stat`: the file type comes with the folder listing, and a file is compared
            // by reading it only when this build writes the same path.
            files.insert(
                rel,
                Previous {
                    kept: AtomicBool::new(false),
                },
            );
        } else {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Moves `dir` (a folder of this build) to `spare`, or removes it when anything at all is
/// already there (a foreign folder, or a link, is never replaced).
fn keep_as_spare(dir: &Path, spare: &Path) {
    let taken = !owned::is_missing(spare);
    if taken || std::fs::rename(dir, spare).is_err() {
        let _ = owned::remove_tree(dir);
    }
}

/// Takes the exclusive lock of an output folder, waiting while another build holds it, on
/// Linux, macOS and Windows alike. The lock goes with the process: a killed build never
/// leaves it taken. A named pipe, a link or another user's file in the lock file's place is
/// refused: it could hang the build or lead elsewhere.
fn lock(path: &Path) -> Result<std::fs::File> {
    let file = owned::open_lock_file(path)?;
    owned::lock_exclusive(&file, true).map_err(|e| Error::io(IoAction::Lock, path, e))?;
    Ok(file)
}

/// Creates the output's parent folder and those above it, unless the policy says it must
/// exist already (serve's private folder, which must never come back with default
/// permissions after someone removed it).
fn create_parent(parent: &Path, policy: &Policy) -> Result<()> {
    if !policy.existing_parent {
        return std::fs::create_dir_all(parent).map_err(|e| Error::io(IoAction::Create, parent, e));
    }
    match std::fs::symlink_metadata(parent) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(Error::io(
            IoAction::Use,
            parent,
            std::io::Error::from(std::io::ErrorKind::NotADirectory),
        )),
        Err(e) => Err(Error::io(IoAction::Use, parent, e)),
    }
}

/// Creates the folder `rel` (a site path, `""` for `base` itself) and the folders between
/// it and `base`, but never `base` or anything above it: a missing `base` is an error.
fn create_below(base: &Path, rel: &str) -> std::io::Result<()> {
    let mut at = base.to_path_buf();
    if rel.is_empty() {
        return std::fs::symlink_metadata(base).map(|_| ());
    }
    for segment in rel.split('/') {
        at.push(segment);
        match std::fs::create_dir(&at) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e),
            _ => {}
        }
    }
    Ok(())
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

/// Deals with `.NAME.staging-PID` and `.NAME.old-PID` entries that killed builds left
/// behind (the lock is held, so no other build is using them): the first folder of this
/// build's own becomes the spare folder when there is none, the others are removed. A link
/// or file by such a name is removed itself; another user's folder is left alone; a folder
/// without the marker is refused.
fn adopt_leftovers(parent: &Path, name: &str, spare: &Path, id: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let mut leftovers: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| {
            let file = entry.file_name().to_string_lossy().into_owned();
            [".staging-", ".old-"].iter().any(|kind| {
                file.strip_prefix(&format!(".{name}{kind}"))
                    .is_some_and(|pid| pid.parse::<u32>().is_ok())
            })
        })
        .map(|entry| entry.path())
        .collect();
    leftovers.sort();
    for dir in leftovers {
        if owned::reusable(&dir, id)? {
            keep_as_spare(&dir, spare);
        }
    }
    Ok(())
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

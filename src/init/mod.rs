//! `handbok init [DIR]`: a new handbook site in a new or empty folder: `handbok.yaml`, a start
//! page, one section with a page and a short editors' guide, ready to build and to pass
//! `check --strict`. Only creates: a folder that holds anything but `.git` is refused, every
//! file is created new (never replacing one that appeared meanwhile), and when a step fails
//! what this command created is removed again, so there is never half a site.

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir, DirEntry};

use crate::error::{Diagnostic, Error, IoAction, Result};
use crate::messages as msg;

/// The starter site, embedded in the binary.
static STARTER: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/src/init/starter");

/// Written besides the starter's files: the built site is not part of the sources.
const GITIGNORE: &str = "/public/\n";

/// Creates the starter site in `dir` (created when missing). Returns the files written,
/// relative to `dir`, in the order written.
pub fn init_site(dir: &Path) -> Result<Vec<PathBuf>> {
    refuse_unless_empty(dir)?;
    let mut created = Created::default();
    match write_all(dir, &mut created) {
        Ok(()) => Ok(created.files.iter().map(|f| relative(dir, f)).collect()),
        Err(e) => {
            created.undo();
            Err(e)
        }
    }
}

fn relative(dir: &Path, file: &Path) -> PathBuf {
    file.strip_prefix(dir).unwrap_or(file).to_path_buf()
}

fn refuse_unless_empty(dir: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(IoAction::Read, dir, e)),
    };
    let mut others = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() != ".git");
    if others.next().is_some() {
        return Err(Error::Config(Box::new(
            Diagnostic::error(crate::text!(msg::INIT_NOT_EMPTY, dir.display()))
                .with_hint(&msg::HINT_INIT_NOT_EMPTY),
        )));
    }
    Ok(())
}

/// What this run created, to remove again after a failure (files first, then folders,
/// innermost first).
#[derive(Default)]
struct Created {
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl Created {
    fn undo(&self) {
        for f in self.files.iter().rev() {
            let _ = std::fs::remove_file(f);
        }
        for d in self.dirs.iter().rev() {
            // Only an empty folder goes: never anything someone else put there meanwhile.
            let _ = std::fs::remove_dir(d);
        }
    }
}

fn write_all(dir: &Path, created: &mut Created) -> Result<()> {
    make_top(dir, created)?;
    write_dir(&STARTER, dir, created)?;
    write_file(&dir.join(".gitignore"), GITIGNORE.as_bytes(), created)
}

/// The site folder: made, or one that exists (found empty) and is a folder, not a link.
fn make_top(dir: &Path, created: &mut Created) -> Result<()> {
    match std::fs::create_dir(dir) {
        Ok(()) => {
            created.dirs.push(dir.to_path_buf());
            Ok(())
        }
        Err(e)
            if e.kind() == std::io::ErrorKind::AlreadyExists
                && dir.symlink_metadata().is_ok_and(|m| m.is_dir()) =>
        {
            Ok(())
        }
        Err(e) => Err(Error::io(IoAction::Create, dir, e)),
    }
}

/// A folder inside the site: always made new. The site folder was empty, so one that
/// exists (or a link put in its place meanwhile) is an error, never written into.
fn make_dir(dir: &Path, created: &mut Created) -> Result<()> {
    std::fs::create_dir(dir).map_err(|e| Error::io(IoAction::Create, dir, e))?;
    created.dirs.push(dir.to_path_buf());
    Ok(())
}

fn write_dir(from: &Dir<'_>, to: &Path, created: &mut Created) -> Result<()> {
    for entry in from.entries() {
        let Some(name) = entry.path().file_name() else {
            continue;
        };
        let target = to.join(name);
        match entry {
            DirEntry::Dir(d) => {
                make_dir(&target, created)?;
                write_dir(d, &target, created)?;
            }
            DirEntry::File(f) => write_file(&target, f.contents(), created)?,
        }
    }
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8], created: &mut Created) -> Result<()> {
    use std::io::Write;
    // create_new: never replace a file, not even one that appeared since the folder was
    // found empty (and never write through a link put in its place).
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io(IoAction::Create, path, e))?;
    created.files.push(path.to_path_buf());
    file.write_all(bytes)
        .map_err(|e| Error::io(IoAction::Write, path, e))
}

//! Every file the build reads resolves inside the site folder. The walks of `content/`,
//! `static/`, `templates/` and `themes/<name>/`, and the single files (the glossary, a
//! theme's interface strings), follow symbolic links only as far as the site folder: a
//! link out of it (to `/etc`, `/proc/self/environ`, a home folder) would publish whatever
//! it points at. Links within the site are fine, except into its hidden files and folders
//! (`.git/config` may hold the CI job's token, `.env` a password): a name starting with `.`
//! is published only as written, never through a link. What is not an ordinary file (a
//! named pipe, a device) is an error too: reading it could wait forever or never end.

use std::path::{Path, PathBuf};

use crate::error::Diagnostic;
use crate::messages::{self as msg, Message};
use crate::text;

/// The folder the site's files may resolve into, after following links: the site folder.
#[derive(Debug, Clone)]
pub struct Inside {
    /// The site folder, resolved.
    folder: PathBuf,
    /// The site folder as written (made absolute), to tell the hidden names a path was
    /// written with from those a link leads into.
    written: PathBuf,
}

impl Inside {
    /// The site folder `root`.
    pub fn site(root: &Path) -> Inside {
        Inside {
            folder: canonical(root),
            written: std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf()),
        }
    }

    /// An error when `path` resolves outside the folders; nothing when it is inside, or
    /// does not resolve at all (a missing file is reported by whoever reads it).
    pub fn check(&self, path: &Path) -> Option<Diagnostic> {
        let target = path.canonicalize().ok()?;
        if let Ok(rel) = target.strip_prefix(&self.folder) {
            let written = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            let written_hidden = written.strip_prefix(&self.written).map_or(true, has_hidden);
            if !has_hidden(rel) || written_hidden {
                return None;
            }
            return Some(
                Diagnostic::error(text!(msg::LINK_TO_HIDDEN, rel.display()))
                    .with_hint(&msg::HINT_LINK_TO_HIDDEN),
            );
        }
        // A link to an absolute path is named by it as written (`/proc/self/environ`, not
        // the process's number); a relative one by where it leads.
        let message = if let Ok(written) = std::fs::read_link(path) {
            let to = if written.is_absolute() {
                &written
            } else {
                &target
            };
            text!(msg::LINK_OUTSIDE_SITE, to.display())
        } else {
            text!(msg::PATH_OUTSIDE_SITE, target.display())
        };
        Some(Diagnostic::error(message).with_hint(&msg::HINT_COPY_INSTEAD))
    }

    /// Checks a single file the build reads (`shown` names it in messages): it must
    /// resolve inside, and be an ordinary file if it exists.
    pub fn check_file(&self, path: &Path, shown: &Path) -> Result<(), Diagnostic> {
        if let Some(d) = self.check(path) {
            return Err(d.in_file(shown));
        }
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() => Err(not_a_file(None).in_file(shown)),
            _ => Ok(()),
        }
    }
}

/// Whether a relative path has a component starting with `.` (`.git/config`).
fn has_hidden(rel: &Path) -> bool {
    rel.components().any(|c| match c {
        std::path::Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => false,
    })
}

/// `path` with its links and `..` resolved; as written (made absolute) when it cannot be.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize()
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// A file or folder found by [`walk`].
#[derive(Debug)]
pub struct Found {
    /// Relative to the walked folder, with `/` separators.
    pub rel: String,
    pub path: PathBuf,
    pub is_dir: bool,
}

/// What [`walk`] found, and the problems on the way (each naming its file).
#[derive(Debug, Default)]
pub struct Walked {
    pub found: Vec<Found>,
    pub diagnostics: Vec<Diagnostic>,
    /// A warning for each file left out because it is never published ([`never_published`]).
    pub left_out: Vec<Diagnostic>,
}

/// Why the file named `name` is never published, if it is one that operating systems and
/// office programs leave beside documents: lock files of Office (`~$rapport.docx`) and
/// LibreOffice (`.~lock.rapport.docx#`), which hold the name of whoever has the document
/// open, Office's temporary files (`~WRL0001.tmp`), Windows' `Thumbs.db` and `desktop.ini`,
/// and the Mac's `.DS_Store` and `._*` files. Every walk of the site's folders leaves them
/// out, whether in `content/` (page bundles and sections) or `static/`; whoever walks a
/// folder that is published warns about each.
pub fn never_published(name: &str) -> Option<&'static Message> {
    let lower = name.to_ascii_lowercase();
    Some(if name.starts_with("~$") {
        &msg::LEFT_OUT_OFFICE_LOCK
    } else if name.starts_with(".~lock.") && name.ends_with('#') {
        &msg::LEFT_OUT_LIBREOFFICE_LOCK
    } else if name.starts_with('~') && lower.ends_with(".tmp") {
        &msg::LEFT_OUT_OFFICE_TEMP
    } else if lower == "thumbs.db" {
        &msg::LEFT_OUT_THUMBS_DB
    } else if lower == "desktop.ini" {
        &msg::LEFT_OUT_DESKTOP_INI
    } else if lower == ".ds_store" {
        &msg::LEFT_OUT_DS_STORE
    } else if name.starts_with("._") {
        &msg::LEFT_OUT_APPLEDOUBLE
    } else {
        return None;
    })
}

impl Walked {
    /// The files found (not the folders).
    pub fn files(&self) -> impl Iterator<Item = &Found> {
        self.found.iter().filter(|f| !f.is_dir)
    }
}

/// Walks `dir` (named `shown` in messages, e.g. `static` or `themes/x/templates`), sorted
/// by name, following links that stay `inside`; names starting with `.` are left out when
/// `skip_hidden`, and files that are never published ([`never_published`]) always, each
/// with a warning in [`Walked::left_out`]. A link out, a link loop, a dangling link or a
/// named pipe is an error naming the file; the walk goes on past it. Nothing is found when
/// `dir` does not exist.
pub fn walk(dir: &Path, shown: &Path, inside: &Inside, skip_hidden: bool) -> Walked {
    let mut out = Walked::default();
    if !dir.is_dir() {
        return out;
    }
    if let Some(d) = inside.check(dir) {
        out.diagnostics.push(d.in_file(shown));
        return out;
    }
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        // By name: the entries of one folder share its path up to their names, so their
        // paths compare as their names do, without parsing each path for its name at every
        // comparison (`sort_by_file_name`), a sixth of a large site's walk.
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            // A hidden file that is never published is found, to be warned about below.
            let warned = !e.file_type().is_dir() && never_published(&name).is_some();
            !skip_hidden || e.depth() == 0 || !name.starts_with('.') || warned
        });
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.diagnostics.push(walk_error(dir, shown, &e));
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        // The name in messages; made only for a message.
        let file = || shown.join(rel);
        if entry.depth() > 0 && !entry.file_type().is_dir() {
            if let Some(why) = never_published(&entry.file_name().to_string_lossy()) {
                let d = Diagnostic::warning(why).with_hint(&msg::HINT_LEFT_OUT);
                out.left_out.push(d.in_file(file()));
                continue;
            }
        }
        if entry.depth() > 0 && entry.path_is_symlink() {
            if let Some(d) = inside.check(entry.path()) {
                out.diagnostics.push(d.in_file(file()));
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
        }
        let Some(rel) = rel_string(rel) else {
            out.diagnostics.push(
                Diagnostic::error(&msg::FILE_NAME_NOT_UTF8)
                    .in_file(file())
                    .with_hint(&msg::HINT_FILE_NAME_NOT_UTF8),
            );
            continue;
        };
        let is_dir = entry.file_type().is_dir();
        if rel.is_empty() {
            continue;
        } else if is_dir || entry.file_type().is_file() {
            let path = entry.into_path();
            out.found.push(Found { rel, path, is_dir });
        } else {
            // Opening a named pipe would wait for a writer forever.
            out.diagnostics
                .push(not_a_file(Some(shown)).in_file(file()));
        }
    }
    out
}

/// The error for a named pipe, socket or device, with a hint naming its `folder`.
pub fn not_a_file(folder: Option<&Path>) -> Diagnostic {
    let hint = match folder {
        Some(folder) => text!(msg::HINT_REMOVE_FROM_FOLDER, folder.display()),
        None => msg::Text::from(&msg::HINT_ORDINARY_FILE),
    };
    Diagnostic::error(&msg::NOT_A_FILE).with_hint(hint)
}

fn rel_string(rel: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    parts.map(|p| p.join("/"))
}

/// A walk error (a link loop, a dangling link, no permission) naming the file.
fn walk_error(dir: &Path, shown: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e
        .path()
        .map(|p| p.strip_prefix(dir).unwrap_or(p).to_path_buf())
        .unwrap_or_default();
    let file = shown.join(path);
    if let Some(ancestor) = e.loop_ancestor() {
        let target = ancestor.strip_prefix(dir).unwrap_or(ancestor);
        return Diagnostic::error(text!(msg::LINK_LOOP, shown.join(target).display()))
            .in_file(file)
            .with_hint(&msg::HINT_LINK_LOOP);
    }
    let dangling = e.io_error().map(std::io::Error::kind) == Some(std::io::ErrorKind::NotFound);
    if let Some(link) = e.path().filter(|_| dangling) {
        if let Ok(target) = std::fs::read_link(link) {
            return Diagnostic::error(text!(msg::LINK_DANGLING, target.display()))
                .in_file(file)
                .with_hint(&msg::HINT_LINK_DANGLING);
        }
    }
    let cause = e
        .io_error()
        .map_or_else(|| e.to_string(), |io| io.to_string());
    Diagnostic::error(text!(msg::CANNOT_READ_ENTRY, cause))
        .in_file(file)
        .with_hint(&msg::HINT_CANNOT_READ_ENTRY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_files_programs_leave_behind_are_never_published() {
        for name in [
            "~$rapport.docx",
            ".~lock.rapport.docx#",
            "~WRL0001.tmp",
            "~DF1234.TMP",
            "Thumbs.db",
            "thumbs.db",
            "desktop.ini",
            "Desktop.ini",
            ".DS_Store",
            "._karta.png",
        ] {
            assert!(never_published(name).is_some(), "{name}");
        }
        for name in [
            "rapport.docx",
            "~rapport.docx",
            "karta.tmp",
            ".~lock.rapport.docx",
            ".well-known",
            "security.txt",
            "Thumbs.db.png",
            "_index.md",
        ] {
            assert!(never_published(name).is_none(), "{name}");
        }
    }
}

//! Watching the site's sources for `handbok serve`: the site root itself (its own files,
//! such as handbok.yaml and data files) and each of its folders recursively, except the
//! output and tool folders. A folder that appears later (a new `static/`) is watched from
//! then on, and one that is removed and made again (as `git switch` or an unzip does) is
//! watched again. File systems that report no changes (network shares) are polled.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::error::{Diagnostic, Error, Result};
use crate::messages::{self as msg, Text};
use crate::text;

/// Folders of the site root that are never sources: outputs, tools, dependencies.
const NOT_SOURCES: &[&str] = &["public", "target", "node_modules"];

/// What the rebuild loop hears.
pub enum Message {
    /// A file-system event.
    Event(notify::Result<notify::Event>),
    /// The server is stopping.
    Stop,
}

/// The watches on one site.
pub struct Sources {
    watcher: Box<dyn Watcher + Send>,
    root: PathBuf,
    /// The folders watched recursively now.
    folders: Vec<PathBuf>,
}

impl Sources {
    /// Starts watching `root` (canonical), with change events or, given `poll`, by
    /// scanning at that interval. Events go to `tx`.
    pub fn start(root: &Path, poll: Option<Duration>, tx: Sender<Message>) -> Result<Sources> {
        let handler = move |event| {
            let _ = tx.send(Message::Event(event));
        };
        let watcher: Box<dyn Watcher + Send> = match poll {
            Some(interval) => Box::new(
                notify::PollWatcher::new(
                    handler,
                    // File times are compared in whole seconds: a second save within
                    // the same second is found by its contents.
                    notify::Config::default()
                        .with_poll_interval(interval)
                        .with_compare_contents(true)
                        .with_follow_symlinks(false),
                )
                .map_err(|e| watch_error(root, e))?,
            ),
            None => Box::new(
                notify::RecommendedWatcher::new(
                    handler,
                    notify::Config::default().with_follow_symlinks(false),
                )
                .map_err(|e| watch_error(root, e))?,
            ),
        };
        let mut sources = Sources {
            watcher,
            root: root.to_path_buf(),
            folders: Vec::new(),
        };
        sources
            .watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| watch_error(root, e))?;
        for folder in source_folders(root) {
            sources
                .watcher
                .watch(&folder, RecursiveMode::Recursive)
                .map_err(|e| watch_error(&folder, e))?;
            sources.folders.push(folder);
        }
        Ok(sources)
    }

    /// Brings the watches up to date after events on `paths`: a folder of the root that
    /// appeared is watched, one that went away is forgotten, and one that was touched
    /// itself (removed and made again, perhaps) is watched anew. Folders that cannot be
    /// watched are reported through `say` and tried again at their next event.
    pub fn refresh(&mut self, paths: &[PathBuf], say: &dyn Fn(Text)) {
        let touched: Vec<&PathBuf> = paths
            .iter()
            .filter(|p| p.parent() == Some(self.root.as_path()))
            .collect();
        if touched.is_empty() {
            return;
        }
        let now = source_folders(&self.root);
        for folder in std::mem::take(&mut self.folders) {
            let gone = !now.contains(&folder);
            if gone || touched.contains(&&folder) {
                // Its watch may be gone with it already.
                let _ = self.watcher.unwatch(&folder);
            } else {
                self.folders.push(folder);
            }
        }
        for folder in now {
            if self.folders.contains(&folder) {
                continue;
            }
            match self.watcher.watch(&folder, RecursiveMode::Recursive) {
                Ok(()) => self.folders.push(folder),
                Err(e) => say(text!(msg::SERVE_CANNOT_WATCH, folder.display(), e)),
            }
        }
    }
}

/// The folders of `root` whose changes count: real folders (not links), not hidden, not
/// outputs or tools.
fn source_folders(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut folders: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && !NOT_SOURCES.contains(&name.as_ref())
        })
        .map(|e| e.path())
        .collect();
    folders.sort();
    folders
}

/// The paths of an event that made, removed or renamed something, which may change what
/// is to be watched. Reading a folder (as every build does) is no such event: watching a
/// folder anew leaves a moment in which changes go unseen.
pub fn structural_paths(event: &notify::Result<notify::Event>) -> Vec<PathBuf> {
    use notify::event::{EventKind, ModifyKind};
    match event {
        Ok(e)
            if matches!(
                e.kind,
                EventKind::Create(_)
                    | EventKind::Remove(_)
                    | EventKind::Modify(ModifyKind::Name(_))
            ) =>
        {
            e.paths.clone()
        }
        _ => Vec::new(),
    }
}

/// Whether an event says that changes may have been missed: the watcher failed, or the
/// system's event queue overflowed. Then everything is looked at again.
pub fn missed_changes(event: &notify::Result<notify::Event>) -> bool {
    match event {
        Err(_) => true,
        Ok(e) => e.need_rescan(),
    }
}

/// Whether a message calls for a build (or for stopping): the server stops, changes were
/// missed, or the event has a relevant path.
pub fn calls_for_a_build(root: &Path, message: &Message) -> bool {
    match message {
        Message::Stop => true,
        Message::Event(event) => missed_changes(event) || !relevant_paths(root, event).is_empty(),
    }
}

/// What the events of one batch so far say about the sources: whether they are one source
/// written and whole again, so that a build need not wait the full quiet period.
#[derive(Debug, Default)]
pub struct Settling {
    /// The one source the batch has changed.
    one: Option<PathBuf>,
    /// The batch changed more than one source, or made, removed or renamed one otherwise
    /// than onto it (a checkout, `sed -i`'s visible temporary file): wait the full time.
    more: bool,
}

impl Settling {
    /// Takes the batch's next message. True when the batch so far changed exactly one
    /// source and this message ends that change: the file was closed after writing (inotify
    /// reports that; other systems and polling do not), or a hidden temporary file was
    /// renamed onto it (an editor's atomic save).
    pub fn add(&mut self, root: &Path, message: &Message) -> bool {
        use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
        use notify::EventKind;
        let Message::Event(Ok(e)) = message else {
            self.more = true;
            return false;
        };
        if e.need_rescan() {
            self.more = true;
            return false;
        }
        let relevant = |p: &&PathBuf| is_relevant(root, p);
        let (touched, ends): (Vec<&PathBuf>, bool) = match e.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => {
                (e.paths.iter().filter(relevant).collect(), true)
            }
            EventKind::Access(_) => return false,
            EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any) => {
                (e.paths.iter().filter(relevant).collect(), false)
            }
            EventKind::Modify(ModifyKind::Name(RenameMode::Both | RenameMode::To)) => {
                let to = e.paths.last();
                let from_hidden =
                    e.paths.len() < 2 || !e.paths.first().is_some_and(|p| relevant(&p));
                if !from_hidden {
                    self.more = true;
                }
                (to.into_iter().filter(relevant).collect(), true)
            }
            _ => {
                if e.paths.iter().any(|p| relevant(&p)) {
                    self.more = true;
                }
                return false;
            }
        };
        for path in &touched {
            match &self.one {
                None => self.one = Some(path.to_path_buf()),
                Some(one) if one == *path => {}
                Some(_) => self.more = true,
            }
        }
        ends && !touched.is_empty() && !self.more
    }
}

/// The paths of an event that should trigger a rebuild (see [`is_relevant`]). Only those
/// paths: an editor that saves by renaming a hidden temporary file over the page reports
/// both names in one event, and the temporary one must not turn a text edit into a full
/// rebuild.
pub fn relevant_paths(root: &Path, event: &notify::Result<notify::Event>) -> Vec<PathBuf> {
    match event {
        Ok(e) if !matches!(e.kind, notify::EventKind::Access(_)) => e
            .paths
            .iter()
            .filter(|p| is_relevant(root, p))
            .cloned()
            .collect(),
        _ => Vec::new(),
    }
}

/// In the site root itself only its own files count (handbok.yaml and data files) and its
/// source folders as wholes (made, removed, renamed), not editor swap files or the
/// output folder.
fn is_relevant(root: &Path, path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // Editors' own files: swap and backup files, Emacs' `#a.md#`, and anything in a hidden
    // folder at any depth (`.obsidian/` is rewritten at every click).
    let scratch = name.ends_with('~') || name.ends_with(".swp") || name.starts_with('#');
    let in_hidden = path
        .strip_prefix(root)
        .map_or(name.starts_with('.'), |rel| {
            rel.components()
                .any(|c| c.as_os_str().to_str().is_some_and(|s| s.starts_with('.')))
        });
    if scratch || in_hidden {
        return false;
    }
    let parent = path.parent();
    let top_level = parent == Some(root)
        || parent
            .and_then(|d| d.canonicalize().ok())
            .is_some_and(|d| d == root);
    if !top_level {
        return !path
            .strip_prefix(root)
            .ok()
            .and_then(|rel| rel.components().next())
            .and_then(|c| c.as_os_str().to_str())
            .is_some_and(|first| NOT_SOURCES.contains(&first) || first.starts_with('.'));
    }
    name.ends_with(".yaml")
        || name.ends_with(".yml")
        || name.ends_with(".csv")
        || (!NOT_SOURCES.contains(&name) && !path.is_file() && path.extension().is_none())
}

fn watch_error(path: &Path, e: notify::Error) -> Error {
    Error::Config(Box::new(
        Diagnostic::error(text!(msg::WATCH_FAILED, path.display(), e))
            .with_hint(&msg::HINT_WATCH_FAILED),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_source_written_whole_settles_a_batch_and_anything_more_does_not() {
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, Event, EventKind, ModifyKind,
            RemoveKind, RenameMode,
        };
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        let event = |kind: EventKind, paths: &[&str]| {
            let mut e = Event::new(kind);
            for p in paths {
                e = e.add_path(root.join(p));
            }
            Message::Event(Ok(e))
        };
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let opened = EventKind::Access(AccessKind::Open(AccessMode::Any));
        let written = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        let created = EventKind::Create(CreateKind::File);
        let removed = EventKind::Remove(RemoveKind::File);
        // Each batch as a list of (event, whether the batch is settled after it).
        let batches: Vec<(&str, Vec<(Message, bool)>)> = vec![
            (
                "a page written in place and closed",
                vec![
                    (event(opened, &["content/a.md"]), false),
                    (event(written, &["content/a.md"]), false),
                    (event(written, &["content/a.md"]), false),
                    (event(closed, &["content/a.md"]), true),
                ],
            ),
            (
                "an editor's atomic save through a hidden file",
                vec![
                    (event(created, &["content/.a.md.tmp"]), false),
                    (event(written, &["content/.a.md.tmp"]), false),
                    (event(closed, &["content/.a.md.tmp"]), false),
                    (event(renamed, &["content/.a.md.tmp", "content/a.md"]), true),
                ],
            ),
            (
                "two pages (a checkout)",
                vec![
                    (event(written, &["content/a.md"]), false),
                    (event(closed, &["content/a.md"]), true),
                    (event(written, &["content/b.md"]), false),
                    (event(closed, &["content/b.md"]), false),
                ],
            ),
            (
                "a page made",
                vec![
                    (event(created, &["content/a.md"]), false),
                    (event(written, &["content/a.md"]), false),
                    (event(closed, &["content/a.md"]), false),
                ],
            ),
            (
                "sed -i: a visible temporary file renamed onto the page",
                vec![
                    (event(written, &["content/sedX1"]), false),
                    (event(closed, &["content/sedX1"]), true),
                    (event(renamed, &["content/sedX1", "content/a.md"]), false),
                ],
            ),
            (
                "a page removed after a write",
                vec![
                    (event(closed, &["content/a.md"]), true),
                    (event(removed, &["content/a.md"]), false),
                    (event(closed, &["content/a.md"]), false),
                ],
            ),
            (
                "swap files and the output do not count",
                vec![
                    (event(closed, &["content/.a.md.swp"]), false),
                    (event(closed, &["public/index.html"]), false),
                    (event(written, &["content/a.md"]), false),
                    (event(closed, &["content/a.md"]), true),
                ],
            ),
            ("the server stops", vec![(Message::Stop, false)]),
        ];
        for (what, messages) in batches {
            let mut settling = Settling::default();
            let got: Vec<bool> = messages
                .iter()
                .map(|(m, _)| settling.add(&root, m))
                .collect();
            let expected: Vec<bool> = messages.iter().map(|(_, e)| *e).collect();
            assert_eq!(got, expected, "{what}");
        }
    }

    #[test]
    fn sources_are_the_root_files_and_folders_but_not_outputs_or_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        for folder in ["content", "public", "static", ".git"] {
            std::fs::create_dir(root.join(folder)).unwrap();
        }
        std::fs::write(root.join("handbok.yaml"), "").unwrap();
        std::fs::write(root.join("README.md"), "").unwrap();
        let relevant = |rel: &str| is_relevant(&root, &root.join(rel));
        assert!(relevant("handbok.yaml"));
        assert!(relevant("content/a.md"));
        assert!(relevant("content"), "the folder itself, made again");
        assert!(relevant("static"));
        assert!(relevant("static/logo.svg"));
        assert!(relevant("themes"), "a folder that is gone now");
        assert!(!relevant("README.md"));
        assert!(!relevant("public/index.html"));
        assert!(!relevant("public"));
        assert!(!relevant(".git/index"));
        assert!(!relevant("content/.a.md.swp"));
        assert!(!relevant("content/a.md~"));
        assert!(!relevant("content/#a.md#"));
        assert!(!relevant("content/.obsidian/workspace.json"));
        assert!(!relevant("content/natverk/.utkast/a.md"));
        assert_eq!(
            source_folders(&root),
            vec![root.join("content"), root.join("static")]
        );
    }
}

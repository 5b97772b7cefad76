//! `handbok serve`: builds the site into a private folder, serves it on localhost, watches
//! the sources with `notify` and rebuilds after a short quiet period. Open pages reload
//! by themselves; a build that fails keeps the last good site and shows the errors in an
//! overlay, which goes away when the next build succeeds.

mod http;
pub mod incremental;
mod request;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::error::{Diagnostic, Error, Result};
use crate::BuildOptions;

/// The script every served page loads: reload on a new build, show errors in an overlay.
pub const LIVERELOAD_JS: &str = include_str!("livereload.js");

/// How long the sources must be quiet before a rebuild starts.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// After incremental updates, the search index is rewritten once the sources have been
/// quiet this long (the page itself reloads at once).
const INDEX_IDLE: Duration = Duration::from_millis(1500);

/// What `handbok serve` needs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
    /// Language of the messages in the terminal and the overlay.
    pub lang: crate::i18n::Lang,
}

/// One line of news for the terminal.
pub type Log = Arc<dyn Fn(&str) + Send + Sync>;

/// The state the HTTP threads and the rebuild loop share.
#[derive(Clone)]
pub struct Shared {
    /// The folder being served.
    pub output: PathBuf,
    lang: crate::i18n::Lang,
    inner: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    /// The errors of the last build, if it failed.
    errors: Option<Vec<Diagnostic>>,
    generation: u64,
    subscribers: Vec<Sender<String>>,
}

impl Shared {
    fn new(output: PathBuf, lang: crate::i18n::Lang) -> Self {
        Self {
            output,
            lang,
            inner: Arc::new(Mutex::new(State::default())),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A receiver of the events of every later build.
    pub fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = mpsc::channel();
        self.lock().subscribers.push(tx);
        rx
    }

    /// The event that tells a new subscriber the current state.
    pub fn current_event(&self) -> String {
        let state = self.lock();
        match &state.errors {
            Some(errors) => error_event(errors, self.lang),
            None => format!("event: ready\ndata: {}\n\n", state.generation),
        }
    }

    fn publish(&self, errors: Option<Vec<Diagnostic>>) {
        let mut state = self.lock();
        state.generation += 1;
        let event = match &errors {
            Some(e) => error_event(e, self.lang),
            None => format!("event: reload\ndata: {}\n\n", state.generation),
        };
        state.errors = errors;
        state
            .subscribers
            .retain(|tx| tx.send(event.clone()).is_ok());
    }
}

fn error_event(errors: &[Diagnostic], lang: crate::i18n::Lang) -> String {
    let list: Vec<serde_json::Value> = errors
        .iter()
        .filter(|d| d.is_error())
        .map(|d| crate::report::diagnostic_json(&crate::i18n::translate(d, lang)))
        .collect();
    format!("event: error\ndata: {}\n\n", serde_json::Value::Array(list))
}

/// Builds, serves and rebuilds until the process is stopped. `log` receives one line per
/// event for the terminal; `ready` receives the address once the server listens.
pub fn serve(options: ServeOptions, log: Log, ready: Option<Sender<String>>) -> Result<()> {
    remove_stale_folders();
    let work = WorkFolder::create()?;
    let folder = work.dir.path().to_path_buf();
    let output = folder.join("public");
    let mut build = options.build.clone();
    build.output = Some(output.clone());
    // The private folder is made by `WorkFolder` alone: were it removed, builds fail
    // instead of making it again with default permissions.
    build.existing_parent = true;
    let shared = Shared::new(output.clone(), options.lang);
    let built = rebuild(&build, &shared, &log);
    if !output.exists() {
        // No good build yet: serve an empty site whose 404 page shows the overlay.
        std::fs::create_dir(&output).map_err(|e| Error::io("cannot create", &output, e))?;
    }
    let listener = TcpListener::bind((options.bind.as_str(), options.port)).map_err(|e| {
        Error::Config(Box::new(
            Diagnostic::error(format!(
                "cannot listen on {}:{}: {e}",
                options.bind, options.port
            ))
            .with_hint("choose another port with --port, or stop the program that uses it"),
        ))
    })?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::io("cannot listen on", &folder, e))?;
    let url = format!("http://{address}/");
    log(&format!("serving {url} (stop with Ctrl+C)"));
    if let Some(tx) = ready {
        let _ = tx.send(url);
    }
    let http_shared = shared.clone();
    std::thread::spawn(move || http::run(listener, http_shared));
    let result = watch(&build, &shared, &log, built);
    drop(work);
    result
}

/// The private working folder of one `handbok serve`: `handbok-serve-PID-RANDOM` in the
/// temporary folder, created new (never an existing one) with mode 0700, and locked right
/// away for as long as the server runs, which tells other servers that it is in use. Removed
/// when the server returns; a stopped server's folder is removed by the next one.
struct WorkFolder {
    dir: tempfile::TempDir,
    /// The open folder, holding its exclusive `flock`.
    _lock: Option<std::fs::File>,
}

impl WorkFolder {
    fn create() -> Result<WorkFolder> {
        let temp = std::env::temp_dir();
        let prefix = format!("handbok-serve-{}-", std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o700));
        }
        let dir = builder
            .tempdir_in(&temp)
            .map_err(|e| Error::io("cannot create", &temp, e))?;
        // Without its lock the folder could be taken for a stopped server's: no serving.
        let lock =
            lock_work_folder(dir.path()).map_err(|e| Error::io("cannot lock", dir.path(), e))?;
        Ok(WorkFolder { _lock: lock, dir })
    }
}

/// The working folder at `path` opened and locked, if it is a real folder of this user's
/// that no running server holds.
#[cfg(unix)]
fn lock_work_folder(path: &Path) -> std::io::Result<Option<std::fs::File>> {
    use crate::output::owned;
    let folder = owned::open_own_folder(path)?;
    if owned::lock_exclusive(&folder, false)? {
        Ok(Some(folder))
    } else {
        Err(std::io::ErrorKind::WouldBlock.into())
    }
}

#[cfg(not(unix))]
fn lock_work_folder(_path: &Path) -> std::io::Result<Option<std::fs::File>> {
    Ok(None)
}

/// A working folder this young may belong to a server that has created it and not yet
/// locked it: the clean-up leaves it alone.
const STARTING: Duration = Duration::from_secs(10);

/// Removes the working folders of `handbok serve` processes that are gone (stopped with
/// Ctrl+C): only real folders of this user's whose lock nobody holds, and not changed in
/// the last [`STARTING`] seconds. A running server holds its lock whatever its process id
/// or PID namespace. Where folders cannot be locked (not Unix), none is removed.
fn remove_stale_folders() {
    if cfg!(not(unix)) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry
            .file_name()
            .to_string_lossy()
            .starts_with("handbok-serve-")
        {
            continue;
        }
        let path = entry.path();
        let young = std::fs::symlink_metadata(&path)
            .and_then(|meta| meta.modified())
            .map_or(true, |changed| {
                changed.elapsed().map_or(true, |age| age < STARTING)
            });
        if young {
            continue;
        }
        // Removed while locked, so that no other server takes it meanwhile.
        if let Ok(Some(_lock)) = lock_work_folder(&path) {
            let _ = crate::output::owned::remove_tree(&path);
        }
    }
}

/// Runs a full build into the serve folder and tells every open page; keeps the model for
/// incremental updates.
fn rebuild(build: &BuildOptions, shared: &Shared, log: &Log) -> Option<crate::Built> {
    let started = Instant::now();
    match crate::build_keeping(build) {
        Ok((report, built)) => {
            log_diagnostics(shared, log, &report.warnings);
            log(&format!(
                "rebuilt {} pages in {} ms",
                report.pages + report.sections,
                started.elapsed().as_millis()
            ));
            shared.publish(None);
            Some(built)
        }
        Err(e) => {
            failed(shared, log, e.diagnostics());
            None
        }
    }
}

/// Writes diagnostics to the terminal as `handbok check` would, in the serve language.
fn log_diagnostics(shared: &Shared, log: &Log, diagnostics: &[Diagnostic]) {
    let text = crate::report::render(diagnostics, crate::report::Format::Text, shared.lang);
    for line in text.lines() {
        log(line);
    }
}

fn failed(shared: &Shared, log: &Log, diagnostics: Vec<Diagnostic>) {
    log_diagnostics(shared, log, &diagnostics);
    log("the build failed; still serving the last good site");
    shared.publish(Some(diagnostics));
}

/// Applies changed files: incrementally when only page texts changed, else a full build.
/// Returns whether the search index is now behind (after an incremental update).
fn apply(
    build: &BuildOptions,
    shared: &Shared,
    log: &Log,
    built: &mut Option<crate::Built>,
    changed: &[PathBuf],
) -> bool {
    let started = Instant::now();
    let Some(b) = built.as_mut() else {
        *built = rebuild(build, shared, log);
        return false;
    };
    match incremental::update(b, &shared.output, changed) {
        Ok(incremental::Outcome::Updated(pages)) => {
            log(&format!(
                "updated {pages} pages in {} ms",
                started.elapsed().as_millis()
            ));
            shared.publish(None);
            return true;
        }
        Ok(incremental::Outcome::NeedsFull) => *built = rebuild(build, shared, log),
        Err(diagnostics) => {
            failed(shared, log, diagnostics);
            // The served files no longer match any model: the next change builds in full.
            *built = None;
        }
    }
    false
}

/// Rewrites the search index after incremental updates, once the editor has paused.
fn refresh_index(built: &Option<crate::Built>, shared: &Shared, log: &Log) {
    let Some(b) = built else { return };
    let started = Instant::now();
    let sink = crate::output::DirectSink {
        dir: shared.output.clone(),
    };
    let (problems, _) = crate::render::write_search_index(&b.site, &b.derived, &sink);
    log_diagnostics(shared, log, &problems);
    log(&format!(
        "search index updated in {} ms",
        started.elapsed().as_millis()
    ));
}

/// The folders and files whose changes trigger a rebuild.
fn watched(root: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    let mut out: Vec<(PathBuf, RecursiveMode)> = ["content", "themes", "templates", "static"]
        .iter()
        .map(|d| root.join(d))
        .filter(|p| p.is_dir())
        .map(|p| (p, RecursiveMode::Recursive))
        .collect();
    out.push((root.to_path_buf(), RecursiveMode::NonRecursive));
    out
}

fn watch(
    build: &BuildOptions,
    shared: &Shared,
    log: &Log,
    mut built: Option<crate::Built>,
) -> Result<()> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| watch_error(&build.root, e))?;
    for (path, mode) in watched(&build.root) {
        watcher
            .watch(&path, mode)
            .map_err(|e| watch_error(&path, e))?;
    }
    let root = build
        .root
        .canonicalize()
        .unwrap_or_else(|_| build.root.clone());
    let mut index_behind = false;
    loop {
        let first = if index_behind {
            match rx.recv_timeout(INDEX_IDLE) {
                Ok(event) => event,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    refresh_index(&built, shared, log);
                    index_behind = false;
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            }
        } else {
            let Ok(event) = rx.recv() else { return Ok(()) };
            event
        };
        let mut changed: Vec<PathBuf> = relevant_paths(&root, &first);
        // Debounce: wait until the sources have been quiet for a moment.
        while let Ok(next) = rx.recv_timeout(DEBOUNCE) {
            changed.extend(relevant_paths(&root, &next));
        }
        changed.sort();
        changed.dedup();
        if !changed.is_empty() {
            index_behind |= apply(build, shared, log, &mut built, &changed);
        }
    }
}

/// The paths of an event that should trigger a rebuild (see [`is_relevant`]). Only those
/// paths: an editor that saves by renaming a hidden temporary file over the page reports
/// both names in one event, and the temporary one must not turn a text edit into a full
/// rebuild.
fn relevant_paths(root: &Path, event: &notify::Result<notify::Event>) -> Vec<PathBuf> {
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

/// Changes in the site root itself count only for its own files (handbok.yaml and data
/// files), not for editor swap files or the output folder.
fn is_relevant(root: &Path, path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let hidden = name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp");
    let top_level = path
        .parent()
        .and_then(|d| d.canonicalize().ok())
        .is_some_and(|d| d == root);
    !hidden && (!top_level || name.ends_with(".yaml") || name.ends_with(".yml"))
}

fn watch_error(path: &Path, e: notify::Error) -> Error {
    Error::Config(Box::new(
        Diagnostic::error(format!("cannot watch {} for changes: {e}", path.display()))
            .with_hint("check that the folder exists and that the system allows more file watches"),
    ))
}

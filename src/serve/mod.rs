//! `handbok serve`: builds the site into a private folder, serves it on localhost, watches
//! the sources with `notify` and rebuilds after a short quiet period. Open pages reload
//! by themselves; a build that fails keeps the last good site and shows the errors in an
//! overlay, which goes away when the next build succeeds. SIGINT and SIGTERM stop it
//! cleanly, also as PID 1 in a container.

mod http;
pub mod incremental;
mod watch;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::error::{Diagnostic, Error, IoAction, Result};
use crate::messages::{self as msg, Text};
use crate::text;
use crate::BuildOptions;
pub use http::{Hosts, Limits};
use watch::{Message, Sources};

/// The script every served page loads: reload on a new build, show errors in an overlay.
pub const LIVERELOAD_JS: &str = include_str!("livereload.js");

/// How long the sources must be quiet before a rebuild starts.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// How long they must be quiet when the events so far are one source written and whole
/// again (closed after writing in place, or a hidden file renamed onto it; see
/// [`watch::Settling`]). Any other change (a second file, a file made or removed) waits
/// [`DEBOUNCE`].
const SETTLED: Duration = Duration::from_millis(3);

/// After incremental updates, the search index is rewritten once the sources have been
/// quiet this long (the page itself reloads at once).
const INDEX_IDLE: Duration = Duration::from_millis(1500);

/// How often a rewrite of the search index is looked at to see whether it has finished
/// (a change that comes meanwhile is seen at once).
const INDEX_POLL: Duration = Duration::from_millis(20);

/// What `handbok serve` needs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
    /// Host names answered besides loopback and the bind address.
    pub allowed_hosts: Vec<String>,
    /// Scan the sources at this interval instead of waiting for change events.
    pub poll: Option<Duration>,
    pub limits: Limits,
    /// Language of the messages in the terminal and the overlay.
    pub lang: crate::i18n::Lang,
}

/// One line of news for the terminal.
pub type Log = Arc<dyn Fn(&str) + Send + Sync>;

/// Writes a line of news to the terminal in the serve language.
fn say(shared: &Shared, log: &Log, line: Text) {
    log(&line.render_for_terminal(shared.lang));
}

/// The state the HTTP side and the rebuild loop share.
#[derive(Clone)]
pub struct Shared {
    /// The folder being served.
    pub output: PathBuf,
    lang: crate::i18n::Lang,
    status: Arc<tokio::sync::watch::Sender<Status>>,
}

/// The outcome of the latest build, as open pages learn it.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// Which server this is (its start time): a page that reconnects to another server,
    /// after a restart, reloads.
    server: u64,
    generation: u64,
    /// The errors of the last build, as a JSON array, if it failed.
    errors: Option<Arc<str>>,
}

impl Status {
    /// The state a page is served in, as its script tag and ETag carry it.
    fn tag(&self) -> String {
        format!("{}.{}", self.server, self.generation)
    }

    /// The message for an open page: on connecting (`first`) the state, later what changed.
    fn message(&self, first: bool) -> String {
        match &self.errors {
            Some(errors) => format!("{{\"event\":\"error\",\"errors\":{errors}}}"),
            None => format!(
                "{{\"event\":\"{}\",\"server\":{},\"generation\":{}}}",
                if first { "ready" } else { "reload" },
                self.server,
                self.generation
            ),
        }
    }
}

impl Shared {
    fn new(output: PathBuf, lang: crate::i18n::Lang) -> Self {
        Self {
            output,
            lang,
            status: Arc::new(tokio::sync::watch::Sender::new(Status {
                server: std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos() as u64),
                ..Status::default()
            })),
        }
    }

    /// The build state now (see [`Status::tag`]).
    fn state_tag(&self) -> String {
        self.status.borrow().tag()
    }

    /// The status now, and every later change.
    fn subscribe(&self) -> tokio::sync::watch::Receiver<Status> {
        self.status.subscribe()
    }

    fn publish(&self, errors: Option<Vec<Diagnostic>>) {
        let errors = errors.map(|e| Arc::from(error_json(&e, self.lang)));
        self.status.send_modify(|status| {
            status.generation += 1;
            status.errors = errors;
        });
    }
}

fn error_json(errors: &[Diagnostic], lang: crate::i18n::Lang) -> String {
    let list: Vec<serde_json::Value> = errors
        .iter()
        .filter(|d| d.is_error())
        .map(|d| crate::report::diagnostic_json(&crate::i18n::translate(d, lang)))
        .collect();
    serde_json::Value::Array(list).to_string()
}

/// Builds, serves and rebuilds until SIGINT or SIGTERM (Ctrl+C), then removes its private
/// folder and returns. `log` receives one line per event for the terminal; `ready`
/// receives the address once the server listens.
pub fn serve(options: ServeOptions, log: Log, ready: Option<Sender<String>>) -> Result<()> {
    // Stopped servers' folders may be large: removed beside the start, not before it.
    std::thread::spawn(remove_stale_folders);
    let work = WorkFolder::create()?;
    let folder = work.dir.path().to_path_buf();
    let output = folder.join("public");
    let mut build = options.build.clone();
    build.output = Some(output.clone());
    // The private folder is made by `WorkFolder` alone: were it removed, builds fail
    // instead of making it again with default permissions.
    build.existing_parent = true;
    let shared = Shared::new(output.clone(), options.lang);
    let root = build
        .root
        .canonicalize()
        .unwrap_or_else(|_| build.root.clone());
    // Watching starts before the first build, so that no edit made during it is missed.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("handbok-http")
        .enable_all()
        .build()
        .map_err(|e| Error::io(IoAction::StartServer, &folder, e))?;
    // Signals are caught from here on, also during the first build (as PID 1 an uncaught
    // SIGTERM would be ignored): a stop asked for meanwhile takes effect right after it.
    let stop = runtime.block_on(async { StopSignal::install() });
    let (tx, rx) = mpsc::channel::<Message>();
    let sources = Sources::start(&root, options.poll, tx.clone())?;
    let built = rebuild(&build, &shared, &log);
    if !output.exists() {
        // No good build yet: serve an empty site whose 404 page shows the overlay.
        std::fs::create_dir(&output).map_err(|e| Error::io(IoAction::Create, &output, e))?;
    }
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind((
            options.bind.as_str(),
            options.port,
        )))
        .map_err(|e| {
            Error::Config(Box::new(
                Diagnostic::error(text!(
                    msg::SERVE_CANNOT_LISTEN,
                    options.bind,
                    options.port,
                    e
                ))
                .with_hint(&msg::HINT_SERVE_PORT),
            ))
        })?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::io(IoAction::Listen, &folder, e))?;
    let url = format!("http://{address}/");
    say(&shared, &log, text!(msg::SERVE_SERVING, url));
    let hosts = Hosts::new(&options.bind, &options.allowed_hosts);
    runtime.spawn(http::run(
        listener,
        shared.clone(),
        hosts,
        options.limits.clone(),
    ));
    if let Some(ready) = ready {
        // An address a browser can open and the server answers to.
        let browsable = if address.ip().is_unspecified() || address.ip().is_loopback() {
            format!("http://localhost:{}/", address.port())
        } else {
            url
        };
        let _ = ready.send(browsable);
    }
    let loop_log = log.clone();
    let rebuilds = std::thread::Builder::new()
        .name("handbok-rebuild".into())
        .spawn(move || watch_loop(&build, &shared, &loop_log, built, sources, &root, &rx))
        .map_err(|e| Error::io(IoAction::StartWatching, &folder, e))?;
    runtime.block_on(stop.wait());
    log(&Text::from(&msg::SERVE_STOPPING).render(options.lang));
    // A build under way finishes first: the folder it writes in is removed next.
    let _ = tx.send(Message::Stop);
    let _ = rebuilds.join();
    runtime.shutdown_timeout(Duration::from_secs(1));
    drop(work);
    Ok(())
}

/// SIGINT (Ctrl+C) and SIGTERM, caught. Handlers are installed, so that both stop the
/// server also as PID 1, where signals without a handler are ignored.
struct StopSignal {
    #[cfg(unix)]
    signals: Option<(tokio::signal::unix::Signal, tokio::signal::unix::Signal)>,
}

impl StopSignal {
    /// Catches the signals from now on; needs the runtime.
    fn install() -> StopSignal {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let signals = signal(SignalKind::interrupt())
                .and_then(|i| Ok((i, signal(SignalKind::terminate())?)))
                .ok();
            StopSignal { signals }
        }
        #[cfg(not(unix))]
        StopSignal {}
    }

    /// Waits for one of them (forever where they cannot be caught).
    async fn wait(self) {
        #[cfg(unix)]
        match self.signals {
            Some((mut interrupt, mut terminate)) => {
                tokio::select! {
                    _ = interrupt.recv() => {}
                    _ = terminate.recv() => {}
                }
            }
            None => std::future::pending::<()>().await,
        }
        #[cfg(not(unix))]
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// The private working folder of one `handbok serve`: `handbok-serve-PID-RANDOM` in the
/// temporary folder, created new (never an existing one) with mode 0700, and locked right
/// away for as long as the server runs, which tells other servers that it is in use. Removed
/// when the server returns; a stopped server's folder is removed by the next one.
struct WorkFolder {
    /// Holds the folder's exclusive lock (see [`lock_work_folder`]). Declared first so that
    /// it is closed before the folder is removed (Windows cannot remove an open file).
    _lock: std::fs::File,
    dir: tempfile::TempDir,
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
            .map_err(|e| Error::io(IoAction::Create, &temp, e))?;
        // Without its lock the folder could be taken for a stopped server's: no serving.
        let lock =
            lock_work_folder(dir.path()).map_err(|e| Error::io(IoAction::Lock, dir.path(), e))?;
        Ok(WorkFolder { _lock: lock, dir })
    }
}

/// The working folder at `path` locked, if it is a real folder of this user's that no
/// running server holds. On Unix the folder itself is locked; Windows cannot lock a folder,
/// so there the file `.handbok-serve.lock` inside it is.
fn lock_work_folder(path: &Path) -> std::io::Result<std::fs::File> {
    use crate::output::owned;
    #[cfg(unix)]
    let held = owned::open_own_folder(path)?;
    #[cfg(not(unix))]
    let held = owned::open_lock_file(&path.join(WORK_LOCK))
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    if owned::lock_exclusive(&held, false)? {
        Ok(held)
    } else {
        Err(std::io::ErrorKind::WouldBlock.into())
    }
}

/// The lock file inside a working folder, where a folder cannot be locked itself (Windows).
#[cfg(not(unix))]
const WORK_LOCK: &str = ".handbok-serve.lock";

/// A working folder this young may belong to a server that has created it and not yet
/// locked it: the clean-up leaves it alone.
const STARTING: Duration = Duration::from_secs(10);

/// Removes the working folders of `handbok serve` processes that are gone (stopped with
/// Ctrl+C): only real folders of this user's whose lock nobody holds, and not changed in
/// the last [`STARTING`] seconds. A running server holds its lock whatever its process id
/// or PID namespace.
fn remove_stale_folders() {
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
        let meta = std::fs::symlink_metadata(&path);
        if !meta.as_ref().is_ok_and(std::fs::Metadata::is_dir) {
            continue;
        }
        let young = meta
            .and_then(|meta| meta.modified())
            .map_or(true, |changed| {
                changed.elapsed().map_or(true, |age| age < STARTING)
            });
        if young {
            continue;
        }
        if let Ok(lock) = lock_work_folder(&path) {
            // Removed while locked on Unix, so that no other server takes it meanwhile.
            // Windows cannot remove the open lock file: there it is let go first (no server
            // ever takes up another's folder; it only creates its own).
            if cfg!(unix) {
                let _ = crate::output::owned::remove_tree(&path);
                drop(lock);
            } else {
                drop(lock);
                let _ = crate::output::owned::remove_tree(&path);
            }
        }
    }
}

/// Runs a full build into the serve folder and tells every open page; keeps the model for
/// incremental updates.
fn rebuild(build: &BuildOptions, shared: &Shared, log: &Log) -> Option<crate::Built> {
    let started = Instant::now();
    match crate::preview_keeping(build) {
        Ok((report, built)) => {
            log_diagnostics(shared, log, &report.warnings);
            let pages = report.pages + report.sections;
            let took = started.elapsed().as_millis();
            say(shared, log, text!(msg::SERVE_REBUILT, pages, took));
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
    let text = crate::report::render(
        diagnostics,
        crate::report::Format::Text,
        shared.lang,
        Default::default(),
    );
    for line in text.lines() {
        log(line);
    }
}

fn failed(shared: &Shared, log: &Log, diagnostics: Vec<Diagnostic>) {
    log_diagnostics(shared, log, &diagnostics);
    say(shared, log, Text::from(&msg::SERVE_BUILD_FAILED));
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
    index_behind: bool,
) -> bool {
    let started = Instant::now();
    let Some(b) = built.as_mut() else {
        *built = rebuild(build, shared, log);
        return false;
    };
    if only_templates(&b.site.config.root, changed) {
        rerender(build, shared, log, built, index_behind);
        return false;
    }
    match incremental::update(b, &shared.output, changed) {
        Ok(incremental::Outcome::Updated(pages)) => {
            let took = started.elapsed().as_millis();
            say(shared, log, text!(msg::SERVE_UPDATED, pages, took));
            shared.publish(None);
            return true;
        }
        Ok(incremental::Outcome::NeedsFull) => match rebuild(build, shared, log) {
            Some(fresh) => *built = Some(fresh),
            None => give_up_model(built, shared, log, index_behind),
        },
        Err(diagnostics) => {
            failed(shared, log, diagnostics);
            give_up_model(built, shared, log, index_behind);
        }
    }
    false
}

/// Whether every changed path is an HTML file in the site's own `templates/` folder (or
/// below it): such an edit changes how pages look, not what they say.
fn only_templates(root: &Path, changed: &[PathBuf]) -> bool {
    let Ok(dir) = root.join("templates").canonicalize() else {
        return false;
    };
    !changed.is_empty()
        && changed.iter().all(|path| {
            path.extension().and_then(|e| e.to_str()) == Some("html")
                && path
                    .parent()
                    .and_then(|d| d.canonicalize().ok())
                    .is_some_and(|d| d.starts_with(&dir))
        })
}

/// After an edit of the site's templates: the kept model is rendered again with the new
/// templates (no page is read or converted again) and every open page reloads. A template
/// that fails leaves the served site as it was and gives up the model, as a failed build
/// does, so that the next change builds in full and says again what is wrong.
fn rerender(
    build: &BuildOptions,
    shared: &Shared,
    log: &Log,
    built: &mut Option<crate::Built>,
    index_behind: bool,
) {
    let started = Instant::now();
    let Some(b) = built.as_mut() else { return };
    let outcome = crate::templates::Templates::load(&b.site.config)
        .and_then(|templates| crate::rerender_keeping(build, b, templates));
    match outcome {
        Ok(report) => {
            log_diagnostics(shared, log, &report.warnings);
            let pages = report.pages + report.sections;
            let took = started.elapsed().as_millis();
            say(shared, log, text!(msg::SERVE_RERENDERED, pages, took));
            shared.publish(None);
        }
        Err(e) => {
            failed(shared, log, e.diagnostics());
            give_up_model(built, shared, log, index_behind);
        }
    }
}

/// After a failed change the served pages are still those of `built` (a failed update
/// leaves it as it was): their search index catches up with them before the model is
/// given up, and the next change builds in full.
fn give_up_model(built: &mut Option<crate::Built>, shared: &Shared, log: &Log, index_behind: bool) {
    if index_behind {
        refresh_index(built, shared, log);
    }
    *built = None;
}

/// Rewrites the search index after incremental updates: the fragment files of the entries
/// re-rendered since it was last written, and the postings of all.
fn refresh_index(built: &mut Option<crate::Built>, shared: &Shared, log: &Log) {
    if let Some(b) = built {
        if write_index(b, shared, log, None) == Some(true) {
            b.index_stale.clear();
        }
    }
}

/// Writes the search index of `b` unless `stop` is set before it is made (then nothing is
/// written: `None`); `Some(true)` when every file was written, `Some(false)` when some
/// could not be (they are reported, and the stale fragments are made again next time).
fn write_index(
    b: &crate::Built,
    shared: &Shared,
    log: &Log,
    stop: Option<&std::sync::atomic::AtomicBool>,
) -> Option<bool> {
    let started = Instant::now();
    let sink = crate::output::DirectSink {
        dir: shared.output.clone(),
    };
    let refresh = crate::search::Refresh {
        changed: Some(&b.index_stale),
        stop,
    };
    let (problems, _) = crate::render::write_search_index_with(
        &b.site,
        &crate::site::Contents::Kept(&b.derived),
        &sink,
        &refresh,
    )?;
    log_diagnostics(shared, log, &problems);
    let took = started.elapsed().as_millis();
    say(shared, log, text!(msg::SERVE_INDEX_UPDATED, took));
    Some(problems.is_empty())
}

/// How a rewrite of the search index while the sources were quiet ended.
enum Quiet {
    /// The rewrite ended (the index was written, or its problems reported); no change came
    /// meanwhile, or none that calls for a build (those are in `deferred`).
    Done,
    /// A change came: the rewrite was stopped (or had just ended, `written`).
    Interrupted { written: bool, message: Message },
    /// The watcher is gone.
    Disconnected,
}

/// Rewrites the search index on a thread of its own while listening for changes: a change
/// that calls for a build stops the rewrite (the index is written whole or not at all) and
/// is applied at once, instead of waiting for an index that is already out of date (at
/// 50,000 pages the rewrite takes seconds). Other events (a file opened, an editor's hidden
/// files) do not stop it: they are put in `deferred`, to be looked at afterwards (a folder
/// made meanwhile is still watched).
fn refresh_while_quiet(
    built: &mut Option<crate::Built>,
    shared: &Shared,
    log: &Log,
    root: &Path,
    rx: &mpsc::Receiver<Message>,
    deferred: &mut Vec<Message>,
) -> Quiet {
    let Some(b) = built.as_ref() else {
        return Quiet::Done;
    };
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (quiet, clean) = std::thread::scope(|scope| {
        let worker = scope.spawn(|| write_index(b, shared, log, Some(&stop)));
        // A rewrite whose thread failed (a panic, reported by the thread) counts as ended:
        // it is tried again after the next change, not every second and a half.
        let finish = |worker: std::thread::ScopedJoinHandle<'_, Option<bool>>| {
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
            worker.join().unwrap_or(Some(false))
        };
        loop {
            match rx.recv_timeout(INDEX_POLL) {
                Ok(message) if watch::calls_for_a_build(root, &message) => {
                    let ended = finish(worker);
                    let written = ended.is_some();
                    return (Quiet::Interrupted { written, message }, ended == Some(true));
                }
                Ok(message) => deferred.push(message),
                Err(mpsc::RecvTimeoutError::Timeout) if worker.is_finished() => {
                    return (Quiet::Done, finish(worker) == Some(true));
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    finish(worker);
                    return (Quiet::Disconnected, false);
                }
            }
        }
    });
    if let (true, Some(b)) = (clean, built.as_mut()) {
        b.index_stale.clear();
    }
    quiet
}

/// Rebuilds on every change of the sources until told to stop.
fn watch_loop(
    build: &BuildOptions,
    shared: &Shared,
    log: &Log,
    mut built: Option<crate::Built>,
    mut sources: Sources,
    root: &Path,
    rx: &mpsc::Receiver<Message>,
) {
    let mut index_behind = false;
    // Events that came during a rewrite of the search index without calling for a build.
    let mut deferred: Vec<Message> = Vec::new();
    loop {
        let first = if !deferred.is_empty() {
            deferred.remove(0)
        } else if index_behind {
            match rx.recv_timeout(INDEX_IDLE) {
                Ok(message) => message,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    match refresh_while_quiet(&mut built, shared, log, root, rx, &mut deferred) {
                        Quiet::Done => {
                            index_behind = false;
                            continue;
                        }
                        Quiet::Interrupted { written, message } => {
                            index_behind = !written;
                            message
                        }
                        Quiet::Disconnected => return,
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        } else {
            let Ok(message) = rx.recv() else { return };
            message
        };
        let mut events = vec![first];
        events.append(&mut deferred);
        // Debounce: wait until the sources have been quiet for a moment, a shorter one
        // when the batch so far is one source written and whole again.
        let mut settling = watch::Settling::default();
        let mut quiet_after = |m: &Message| match settling.add(root, m) {
            true => SETTLED,
            false => DEBOUNCE,
        };
        let mut wait = DEBOUNCE;
        for message in &events {
            wait = quiet_after(message);
        }
        while let Ok(next) = rx.recv_timeout(wait) {
            if matches!(next, Message::Stop) {
                return;
            }
            wait = quiet_after(&next);
            events.push(next);
        }
        let mut changed: Vec<PathBuf> = Vec::new();
        let mut structural: Vec<PathBuf> = Vec::new();
        for message in &events {
            match message {
                Message::Stop => return,
                Message::Event(event) => {
                    if watch::missed_changes(event) {
                        // Look at everything again: every folder re-watched, a full build.
                        if let Err(e) = event {
                            say(shared, log, text!(msg::SERVE_WATCHING_FAILED, e));
                        }
                        let entries = std::fs::read_dir(root).into_iter().flatten().flatten();
                        structural.extend(entries.map(|e| e.path()));
                        changed.push(root.to_path_buf());
                    }
                    changed.extend(watch::relevant_paths(root, event));
                    structural.extend(watch::structural_paths(event));
                }
            }
        }
        sources.refresh(&structural, &|line| say(shared, log, line));
        changed.sort();
        changed.dedup();
        if !changed.is_empty() {
            index_behind = apply(build, shared, log, &mut built, &changed, index_behind);
        }
    }
}

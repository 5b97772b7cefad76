//! Helpers for the fixture-site integration tests.
//!
//! A test copies a fixture site from `tests/fixtures/<case>/` into a fresh temporary folder,
//! runs the real `handbok` binary in it (as editors and CI do), and looks at the exit code, the
//! messages and the files written. Bad-input fixtures (`tests/fixtures/bad-<case>/`) hold only
//! the files that break a site; they are copied over a good site after a first good build.

// Each test crate that includes this module uses a different subset of the helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};
use tempfile::TempDir;

/// The folder holding the fixture sites.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// What one run of the binary gave.
#[derive(Debug)]
pub struct Run {
    /// The exit code; `None` when the process was killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with the whole output unless the run exited with `code`.
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit code {code}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Panics unless the run succeeded.
    pub fn expect_success(&self) -> &Self {
        self.expect_code(0)
    }

    /// Panics if the binary panicked (message or exit code 101).
    pub fn expect_no_panic(&self) -> &Self {
        assert!(
            !self.stderr.contains("panicked") && self.code != Some(101),
            "handbok panicked:\n{}",
            self.stderr
        );
        self
    }

    /// The stderr line that starts with `prefix`, e.g. `content/a.md:7:4: error:`.
    pub fn line_starting_with(&self, prefix: &str) -> &str {
        self.stderr
            .lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| {
                panic!(
                    "no stderr line starts with {prefix:?}\n--- stderr:\n{}",
                    self.stderr
                )
            })
    }

    /// The `  hint: …` line printed right after the line starting with `prefix`.
    pub fn hint_after(&self, prefix: &str) -> &str {
        let mut lines = self.stderr.lines().skip_while(|l| !l.starts_with(prefix));
        lines.next();
        match lines.next() {
            Some(l) if l.starts_with("  hint: ") => l.trim_start_matches("  hint: "),
            _ => panic!(
                "no hint after the line starting with {prefix:?}\n--- stderr:\n{}",
                self.stderr
            ),
        }
    }

    /// The error line for `file`, which must start with `file:LINE:` (or `file: error: `
    /// when `line` is `None`) and contain every one of `words`; with the hint after it.
    pub fn error_for(&self, file: &str, line: Option<usize>, words: &[&str]) -> (&str, &str) {
        let prefix = match line {
            Some(l) => format!("{file}:{l}:"),
            None => format!("{file}: error: "),
        };
        let found = self.line_starting_with(&prefix);
        assert!(found.contains("error: "), "{found}");
        for w in words {
            assert!(
                found.contains(w),
                "{w:?} missing in {found:?}\n{}",
                self.stderr
            );
        }
        let hint = self.hint_after(&prefix);
        assert!(!hint.is_empty(), "an empty hint after {found:?}");
        (found, hint)
    }

    /// The lines of stderr that are diagnostics (`… error: …`), without hints and summary.
    pub fn error_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.contains("error: ") && !l.starts_with("handbok: "))
            .collect()
    }
}

/// A site copied from a fixture into its own temporary folder.
pub struct Site {
    dir: TempDir,
}

impl Site {
    /// Copies `tests/fixtures/<name>/` into a new temporary folder.
    pub fn from_fixture(name: &str) -> Site {
        let dir = tempfile::Builder::new()
            .prefix("handbok-test-")
            .tempdir()
            .expect("create a temporary folder");
        let site = Site { dir };
        site.overlay(name);
        site
    }

    /// Copies the files of `tests/fixtures/<name>/` over this site (replacing same paths).
    pub fn overlay(&self, name: &str) {
        let from = fixtures_dir().join(name);
        assert!(from.is_dir(), "no fixture {}", from.display());
        copy_dir(&from, self.root());
    }

    /// The site root (holds `handbok.yaml`).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the site root.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// Writes a file inside the site, creating folders as needed.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folders");
        std::fs::write(&path, bytes).expect("write a fixture file");
    }

    /// Reads a file inside the site as bytes.
    pub fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    /// Reads a file inside the site as text.
    pub fn read_string(&self, rel: &str) -> String {
        String::from_utf8(self.read(rel)).unwrap_or_else(|_| panic!("{rel} is not UTF-8"))
    }

    /// Parses an HTML file inside the site.
    pub fn html(&self, rel: &str) -> Page {
        Page::parse(&self.read_string(rel))
    }

    /// Runs `handbok ARGS` with the site root as the current folder.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.root(), args)
    }

    /// `handbok build` (into `public/`), which must succeed.
    pub fn build_ok(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        let run = self.run(&args);
        run.expect_no_panic().expect_success();
        run
    }

    /// Every file and folder inside the site root, relative path → bytes.
    pub fn snapshot_all(&self) -> Snapshot {
        snapshot(self.root())
    }

    /// Every file and folder inside `rel` (e.g. `public`), relative path → bytes.
    pub fn snapshot(&self, rel: &str) -> Snapshot {
        snapshot(&self.path(rel))
    }

    /// Names of entries directly in the site root that start with `.` (e.g. staging folders
    /// left behind), except the two that builds keep on purpose: the spare output folder
    /// `.public.spare` (reused by the next build) and the lock file `.public.lock`.
    pub fn hidden_entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.root())
            .expect("read the site root")
            .map(|e| {
                e.expect("a folder entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|n| n.starts_with('.') && n != ".public.spare" && n != ".public.lock")
            .collect();
        names.sort();
        names
    }
}

/// Builds `site` into `public/`, lets `breaks` spoil it, builds again and checks what every
/// failed build must do: the exit code, no panic, at least one error and the summary line,
/// the previous output byte for byte unchanged, no staging folder left, and `check`
/// reporting exactly the same. Returns the failed build's run.
pub fn bad_build_of(site: &Site, breaks: impl FnOnce(&Site), code: i32) -> Run {
    site.build_ok(&[]);
    let good: Snapshot = site.snapshot("public");
    assert!(!good.is_empty());
    breaks(site);
    let run = site.run(&["build"]);
    run.expect_no_panic().expect_code(code);
    let errors = run.error_lines().len();
    assert!(errors > 0, "no error printed:\n{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "handbok: failed with {errors} error(s); the output folder was not changed"
        )),
        "summary line missing or wrong count:\n{}",
        run.stderr
    );
    assert_same_tree(&good, &site.snapshot("public"), "a failed build");
    assert!(
        site.hidden_entries().is_empty(),
        "left behind: {:?}",
        site.hidden_entries()
    );
    let check = site.run(&["check"]);
    check.expect_no_panic().expect_code(code);
    assert_eq!(
        check.stderr, run.stderr,
        "check and build report differently"
    );
    assert_same_tree(&good, &site.snapshot("public"), "check on a broken site");
    run
}

/// Runs the binary in `dir` and collects its exit code and output.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_handbok"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        // Messages are asserted in English; tests of the Swedish ones pass --lang sv.
        .env("HANDBOK_LANG", "en")
        .output()
        .expect("run the handbok binary");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs the binary in `dir` like [`run_in`], but kills it after `limit`: a regression that
/// makes it hang (a named pipe read, a quadratic scan) fails the test instead of hanging it.
pub fn run_within(dir: &Path, args: &[&str], limit: std::time::Duration) -> Run {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_handbok"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env("HANDBOK_LANG", "en")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the handbok binary");
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let stdout = read(Box::new(child.stdout.take().expect("stdout")));
    let stderr = read(Box::new(child.stderr.take().expect("stderr")));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for handbok") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("handbok {args:?} still ran after {limit:?}: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    }
}

/// The contents of a folder: relative path (with `/`) → bytes. Folders appear with a
/// trailing `/` and no bytes, so that an added empty folder also counts as a change.
pub type Snapshot = BTreeMap<String, Vec<u8>>;

/// Takes a [`Snapshot`] of `dir` (empty when `dir` does not exist).
pub fn snapshot(dir: &Path) -> Snapshot {
    let mut out = Snapshot::new();
    if dir.is_dir() {
        walk(dir, dir, &mut out);
    }
    out
}

fn walk(base: &Path, dir: &Path, out: &mut Snapshot) {
    for entry in std::fs::read_dir(dir).expect("read a folder") {
        let path = entry.expect("a folder entry").path();
        let rel = path
            .strip_prefix(base)
            .expect("inside the base")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if path.is_dir() {
            out.insert(format!("{rel}/"), Vec::new());
            walk(base, &path, out);
        } else if rel == ".handbok-output" {
            out.insert(rel, marker_named(base, &path));
        } else {
            out.insert(rel, std::fs::read(&path).expect("read a file"));
        }
    }
}

/// The output marker at `path` with the folder it names written `<this folder>` when that
/// is `base`, the folder it is in: builds into different folders then compare equal.
fn marker_named(base: &Path, path: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(path).expect("read the marker");
    let here = base.canonicalize().expect("the folder's real path");
    let line = format!("\noutput: {}\n", here.display());
    text.replace(&line, "\noutput: <this folder>\n")
        .into_bytes()
}

/// The files (not folders) of a snapshot, sorted.
pub fn files(snapshot: &Snapshot) -> Vec<&str> {
    snapshot
        .keys()
        .filter(|k| !k.ends_with('/'))
        .map(String::as_str)
        .collect()
}

/// Panics with a short list of differences unless two snapshots are identical.
pub fn assert_same_tree(before: &Snapshot, after: &Snapshot, what: &str) {
    if before == after {
        return;
    }
    let mut diff = Vec::new();
    for (k, v) in before {
        match after.get(k) {
            None => diff.push(format!("removed: {k}")),
            Some(w) if w != v => diff.push(format!("changed: {k}")),
            _ => {}
        }
    }
    for k in after.keys().filter(|k| !before.contains_key(*k)) {
        diff.push(format!("added: {k}"));
    }
    panic!("{what}: the folder changed\n{}", diff.join("\n"));
}

/// Copies folder `from` with everything in it to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from).expect("read a fixture folder") {
        let entry = entry.expect("a fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a fixture file");
        }
    }
}

/// A parsed HTML page with small query helpers that return owned values.
pub struct Page {
    html: Html,
}

impl Page {
    pub fn parse(text: &str) -> Page {
        Page {
            html: Html::parse_document(text),
        }
    }

    fn selector(css: &str) -> Selector {
        Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css:?}: {e:?}"))
    }

    /// How many elements match `css`.
    pub fn count(&self, css: &str) -> usize {
        self.html.select(&Self::selector(css)).count()
    }

    /// The text of every element matching `css`, whitespace-collapsed.
    /// The texts as in the HTML, soft hyphens kept (for the tests of soft hyphens).
    pub fn raw_texts(&self, css: &str) -> Vec<String> {
        self.html
            .select(&Self::selector(css))
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }

    pub fn texts(&self, css: &str) -> Vec<String> {
        self.html
            .select(&Self::selector(css))
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .replace('\u{ad}', "")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// Every table row matching `css` as its cells' texts joined by one space, the way a
    /// reader takes in a row.
    pub fn rows(&self, css: &str) -> Vec<String> {
        let cells = Self::selector("th, td");
        self.html
            .select(&Self::selector(css))
            .map(|row| {
                row.select(&cells)
                    .map(text_of)
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The value of `attr` on every element matching `css` that has it.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.html
            .select(&Self::selector(css))
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    /// The `href` of the link (inside `css`) whose text is `text`.
    pub fn href_of(&self, css: &str, text: &str) -> String {
        let links: Vec<(String, String)> = self
            .html
            .select(&Self::selector(css))
            .map(|e| {
                let t = e
                    .text()
                    .collect::<String>()
                    .replace('\u{ad}', "")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                (t, e.value().attr("href").unwrap_or_default().to_string())
            })
            .collect();
        links
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| panic!("no link {text:?} in {css:?}; links: {links:?}"))
    }

    /// The ids of all elements.
    pub fn ids(&self) -> Vec<String> {
        self.attrs("[id]", "id")
    }
}

/// Resolves a relative href against the site path of the page it appears on
/// (`natverk/social/` + `../x/` → `x/`), dropping any `#fragment`. `None` if it escapes.
pub fn resolve_href(page_path: &str, href: &str) -> Option<String> {
    let href = href.split('#').next().unwrap_or_default();
    let mut parts: Vec<&str> = page_path.split('/').filter(|s| !s.is_empty()).collect();
    let is_dir = href.is_empty() || href.ends_with('/') || href == "." || href == "..";
    for seg in href.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if is_dir && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

/// A CSS selector; panics with the selector on a typo (a test bug).
pub fn sel(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css:?}: {e:?}"))
}

/// The text of an element with white space collapsed and soft hyphens (which the theme puts
/// into long words of titles) left out: the text as a reader sees it on one line.
pub fn text_of(e: scraper::ElementRef) -> String {
    e.text()
        .collect::<String>()
        .replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `href` as written on the page at `page_path`, resolved to a site path, keeping `#fragment`.
pub fn resolve(page_path: &str, href: &str) -> String {
    let target = resolve_href(page_path, href)
        .unwrap_or_else(|| panic!("{href:?} on /{page_path} escapes the site root"));
    match href.split_once('#') {
        Some((_, fragment)) => format!("{target}#{fragment}"),
        None => target,
    }
}

/// One HTTP response as a test client read it.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the server said it closes the connection after this response.
    pub fn closes(&self) -> bool {
        self.header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"))
    }
}

/// A live-reload socket of `handbok serve` on `port`, as a page opens it.
pub fn reload_socket(port: u16) -> tungstenite::WebSocket<std::net::TcpStream> {
    let stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let url = format!("ws://127.0.0.1:{port}/__handbok/ws");
    let (socket, response) = tungstenite::client(url.as_str(), stream)
        .unwrap_or_else(|e| panic!("open the reload socket: {e}"));
    assert_eq!(response.status(), 101);
    socket
}

/// Subscribes to the live-reload events of `handbok serve` on `port`; each item is (event
/// name, data): the generation for `ready` and `reload`, the error list for `error`.
pub fn events(port: u16) -> std::sync::mpsc::Receiver<(String, String)> {
    let mut socket = reload_socket(port);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(message) = socket.read() {
            let tungstenite::Message::Text(text) = message else {
                continue;
            };
            let value: serde_json::Value = serde_json::from_str(text.as_str()).expect("JSON");
            let name = value["event"].as_str().unwrap_or("").to_string();
            let data = match name.as_str() {
                "error" => value["errors"].to_string(),
                _ => value["generation"].to_string(),
            };
            if tx.send((name, data)).is_err() {
                return;
            }
        }
    });
    rx
}

/// The next live-reload event, waiting at most 20 s.
pub fn next_event(rx: &std::sync::mpsc::Receiver<(String, String)>) -> (String, String) {
    rx.recv_timeout(std::time::Duration::from_secs(20))
        .expect("an event within 20 s")
}

/// A running `handbok serve`, stopped when dropped.
pub struct Server {
    pub child: std::process::Child,
    pub port: u16,
    /// The lines it writes to the terminal.
    pub log: std::sync::mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Its private working folder in the temporary folder `temp` (named
    /// `handbok-serve-PID-` and a random part); the served site is its `public/`.
    pub fn folder(&self, temp: &Path) -> PathBuf {
        let prefix = format!("handbok-serve-{}-", self.child.id());
        std::fs::read_dir(temp)
            .expect("read the temporary folder")
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
            })
            .unwrap_or_else(|| panic!("no folder {prefix}… in {}", temp.display()))
    }

    /// Starts `handbok serve --port 0 ARGS --root SITE` with the environment `env` and
    /// waits until it says where it serves. Its terminal lines are in English unless `env`
    /// sets `HANDBOK_LANG`.
    pub fn start(site: &Site, args: &[&str], env: &[(&str, &str)]) -> Server {
        use std::io::BufRead;
        use std::time::{Duration, Instant};
        let mut child = Command::new(env!("CARGO_BIN_EXE_handbok"))
            .args(["serve", "--port", "0"])
            .args(args)
            .arg("--root")
            .arg(site.root())
            .env("HANDBOK_LANG", "en")
            .envs(env.iter().copied())
            .stderr(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start handbok serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        let mut server = Server {
            child,
            port: 0,
            log: rx,
        };
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(line) = server.log.recv_timeout(Duration::from_millis(100)) {
                if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
                    server.port = rest
                        .split('/')
                        .next()
                        .and_then(|p| p.parse().ok())
                        .expect("port");
                    return server;
                }
            }
        }
        panic!("handbok serve did not start");
    }
}

/// Whether the tests run as root, which tests of other users' files need (chown, mknod).
/// Never a silent pass: not as root, such a test fails unless `HANDBOK_TESTS_NOT_ROOT=1`
/// says that skipping it is meant (CI runs as root).
#[cfg(unix)]
pub fn root_or_skip(what: &str) -> bool {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        return true;
    }
    assert!(
        std::env::var_os("HANDBOK_TESTS_NOT_ROOT").is_some(),
        "{what} needs root; set HANDBOK_TESTS_NOT_ROOT=1 to skip it on purpose"
    );
    eprintln!("skipped on purpose (HANDBOK_TESTS_NOT_ROOT): {what}");
    false
}

/// Runs `git ARGS` in `dir` with `env`, apart from the user's and the system's git settings;
/// panics when it fails.
pub fn git(dir: &Path, args: &[&str], env: &[(&str, &str)]) {
    let out = Command::new("git")
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .envs(env.iter().copied())
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

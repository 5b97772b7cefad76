//! A small HTTP/1.1 server for `handbok serve` on std's TcpListener: a thread per
//! connection up to a limit (503 beyond it), persistent connections, GET and HEAD only,
//! files from the output folder and nothing outside it, and a server-sent events stream
//! for live reload.
//!
//! Robustness: every request must arrive whole within a deadline and within size limits
//! (see [`super::request`]), writes give up on a client that stops reading, and a file is
//! served only as a whole version of itself, never one that a rebuild is rewriting.

use std::borrow::Cow;
use std::io::{BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use percent_encoding::percent_decode_str;

use super::request::{self, Failure, Request};
use super::Shared;

/// The path of the live-reload event stream.
pub const EVENTS: &str = "/__handbok/events";
/// The path of the live-reload script.
pub const SCRIPT: &str = "/__handbok/livereload.js";

/// Connections served at once (event streams included); more get 503 until one ends.
const MAX_CONNECTIONS: usize = 256;
/// How long a request head may take to arrive once its first byte has come.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a new connection may stay silent before its first request.
const FIRST_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a persistent connection may stay idle between requests.
const IDLE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one write may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Requests served on one connection before it is closed.
const MAX_REQUESTS_PER_CONNECTION: usize = 10_000;
/// Connections over the limit that are answered 503 at once; more are just closed.
const MAX_REFUSING: usize = 16;
/// How often a file that changed while it was read is read again.
const READ_ATTEMPTS: usize = 5;

/// Accepts connections until the listener fails.
pub fn run(listener: TcpListener, shared: Shared) {
    serve_at_most(listener, shared, MAX_CONNECTIONS);
}

/// [`run`] with `limit` connections at once.
fn serve_at_most(listener: TcpListener, shared: Shared, limit: usize) {
    let open = Arc::new(AtomicUsize::new(0));
    let refusing = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(_) => {
                // Out of file descriptors, say: give the open connections a moment to end.
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
        };
        let Some(slot) = Slot::take(&open, limit) else {
            // A few threads say 503; past that, connections are just closed.
            if let Some(slot) = Slot::take(&refusing, MAX_REFUSING) {
                let _ = std::thread::Builder::new()
                    .name("handbok-http-busy".into())
                    .spawn(move || {
                        let _slot = slot;
                        busy(&stream);
                    });
            }
            continue;
        };
        let shared = shared.clone();
        // If no thread can be started the closure is dropped, which closes the connection
        // and frees the slot.
        let _ = std::thread::Builder::new()
            .name("handbok-http".into())
            .spawn(move || {
                let _slot = slot;
                connection(&stream, &shared);
            });
    }
}

/// One of a limited number of places, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(count: &Arc<AtomicUsize>, limit: usize) -> Option<Slot> {
        if count.fetch_add(1, Ordering::SeqCst) >= limit {
            count.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(Slot(count.clone()))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers 503 to a connection over the limit, after reading (briefly) what it sent.
fn busy(stream: &TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let mut reader = BufReader::new(stream);
    let soon = Instant::now() + Duration::from_secs(1);
    if request::read(&mut reader, stream, soon, Duration::from_secs(1)) == Err(Failure::Gone) {
        return;
    }
    let reply =
        Reply::text(503, "the server is busy, try again\n").header("Retry-After", "1".into());
    let _ = write_all(stream, &reply.bytes(false, false));
    linger(stream);
}

/// Serves the requests of one connection until it closes, asks to close, fails a limit
/// or stays idle too long.
fn connection(stream: &TcpStream, shared: &Shared) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(stream);
    let mut idle = FIRST_REQUEST_TIMEOUT;
    for served in 1..=MAX_REQUESTS_PER_CONNECTION {
        let request =
            match request::read(&mut reader, stream, Instant::now() + idle, REQUEST_TIMEOUT) {
                Ok(request) => request,
                Err(Failure::Gone) => return,
                Err(Failure::Reject(status)) => {
                    let reply = Reply::text(status, reason(status));
                    let _ = write_all(stream, &reply.bytes(false, false));
                    return linger(stream);
                }
            };
        let keep = request.keep_alive && !request.has_body && served < MAX_REQUESTS_PER_CONNECTION;
        let head_only = request.method == "HEAD";
        if request.path_and_query().0 == EVENTS && request.method == "GET" {
            let _ = events(stream, shared);
            return;
        }
        let reply = answer(&request, shared);
        if write_all(stream, &reply.bytes(head_only, keep)).is_err() {
            return;
        }
        if request.has_body {
            // The body was not read: let it arrive before closing.
            return linger(stream);
        }
        if !keep {
            return;
        }
        idle = IDLE_TIMEOUT;
    }
}

fn write_all(mut stream: &TcpStream, bytes: &[u8]) -> std::io::Result<()> {
    stream.write_all(bytes)?;
    stream.flush()
}

/// Closes after a last response while the client may still be sending (a rejected request,
/// a body): stops sending, then reads (briefly, and a bounded amount) whatever still comes,
/// since closing with unread bytes would reset the connection and could destroy the
/// response before the client has read it.
fn linger(mut stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let until = Instant::now() + Duration::from_secs(2);
    let mut buffer = [0u8; 8192];
    let mut left: usize = 1 << 20;
    while left > 0 {
        let wait = until.saturating_duration_since(Instant::now());
        if wait.is_zero() || stream.set_read_timeout(Some(wait)).is_err() {
            return;
        }
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

/// A response, written with a Content-Length always.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Cow<'static, [u8]>,
}

impl Reply {
    fn new(status: u16, kind: &str, body: impl Into<Cow<'static, [u8]>>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", kind.to_string())],
            body: body.into(),
        }
    }

    fn text(status: u16, text: &'static str) -> Reply {
        Reply::new(status, "text/plain; charset=utf-8", text.as_bytes())
    }

    fn header(mut self, name: &'static str, value: String) -> Reply {
        self.headers.push((name, value));
        self
    }

    /// Status line, headers and (unless `head_only`) the body, ready to write at once.
    fn bytes(&self, head_only: bool, keep_alive: bool) -> Vec<u8> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nConnection: {}\r\n\r\n",
            self.body.len(),
            if keep_alive { "keep-alive" } else { "close" }
        ));
        let mut out = head.into_bytes();
        if !head_only {
            out.extend_from_slice(&self.body);
        }
        out
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

/// The response to a request for anything but the event stream.
fn answer(request: &Request, shared: &Shared) -> Reply {
    if request.method != "GET" && request.method != "HEAD" {
        return Reply::text(405, "method not allowed\n").header("Allow", "GET, HEAD".into());
    }
    let (path, query) = request.path_and_query();
    if path == SCRIPT {
        return Reply::new(
            200,
            "text/javascript; charset=utf-8",
            super::LIVERELOAD_JS.as_bytes(),
        );
    }
    if path == EVENTS {
        return Reply::new(200, "text/event-stream", &b""[..]);
    }
    let root = &shared.output;
    match resolve(root, path) {
        Resolved::File(file) => match read_whole(&file) {
            Ok(bytes) => {
                let kind = content_type(&file);
                if kind.starts_with("text/html") {
                    let html = inject(&String::from_utf8_lossy(&bytes));
                    Reply::new(200, kind, html.into_bytes())
                } else {
                    Reply::new(200, kind, bytes)
                }
            }
            // Removed by a rebuild since it was found.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => not_found(root),
            Err(_) => Reply::text(500, "the file could not be read\n"),
        },
        Resolved::Redirect(to) => {
            let to = match query {
                Some(q) => format!("{to}?{q}"),
                None => to,
            };
            Reply::new(301, "text/plain; charset=utf-8", &b""[..]).header("Location", to)
        }
        Resolved::BadRequest => Reply::text(400, "bad request\n"),
        Resolved::NotFound => not_found(root),
    }
}

/// The site's 404 page, or a plain one while there is none.
fn not_found(root: &Path) -> Reply {
    let body = read_whole(&root.join("404.html"))
        .map(|b| inject(&String::from_utf8_lossy(&b)))
        .unwrap_or_else(|_| "<!DOCTYPE html><title>404</title><p>Sidan finns inte.</p>".into());
    Reply::new(404, "text/html; charset=utf-8", body.into_bytes())
}

/// Reads a file as one whole version of itself. Incremental rebuilds replace files by
/// renaming (an open file keeps its old contents), but a full rebuild reuses the folder
/// that the previous swap took out of service and rewrites files in it in place: a read
/// that began before the swap could see a file being truncated and rewritten. So a read
/// counts only if the file did not change while it was read and the path still leads to
/// the same file afterwards; otherwise it is read again.
fn read_whole(path: &Path) -> std::io::Result<Vec<u8>> {
    for _ in 0..READ_ATTEMPTS {
        let mut file = std::fs::File::open(path)?;
        let before = file.metadata()?;
        let mut bytes = Vec::with_capacity(usize::try_from(before.len()).unwrap_or(0));
        file.read_to_end(&mut bytes)?;
        let after = file.metadata()?;
        let now = std::fs::metadata(path)?;
        if unchanged(&before, &after)
            && bytes.len() as u64 == after.len()
            && same_file(&after, &now)
        {
            return Ok(bytes);
        }
    }
    Err(std::io::Error::other(
        "the file kept changing while it was read",
    ))
}

fn unchanged(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok() && same_file(a, b)
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

enum Resolved {
    File(PathBuf),
    Redirect(String),
    NotFound,
    BadRequest,
}

/// Maps a URL path to a file in `root`: percent-decoded, no `.`/`..` segments, no
/// backslashes or NUL, folders to their `index.html`, and never outside `root` (symbolic
/// links that lead out are not followed).
fn resolve(root: &Path, url_path: &str) -> Resolved {
    let Ok(decoded) = percent_decode_str(url_path).decode_utf8() else {
        return Resolved::BadRequest;
    };
    if !decoded.starts_with('/') || decoded.contains('\\') || decoded.contains('\0') {
        return Resolved::BadRequest;
    }
    let rel = Path::new(decoded.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Resolved::BadRequest;
    }
    let mut file = root.join(rel);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            // One leading slash: `//host/x` would send the browser to another host.
            return Resolved::Redirect(format!("/{}/", url_path.trim_start_matches('/')));
        }
        file = file.join("index.html");
    }
    let (Ok(real), Ok(real_root)) = (file.canonicalize(), root.canonicalize()) else {
        return Resolved::NotFound;
    };
    if !real.starts_with(&real_root) || !real.is_file() {
        return Resolved::NotFound;
    }
    Resolved::File(real)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "ics" => "text/calendar; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Adds the live-reload script to an HTML page (only the dev server does this).
fn inject(html: &str) -> String {
    let tag = format!("<script src=\"{SCRIPT}\"></script>");
    match html.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &html[..i], &html[i..]),
        None => format!("{html}{tag}"),
    }
}

/// A server-sent events stream: the current state first, then every rebuild's outcome.
/// It has no length: it ends when the connection closes. A client that stops reading is
/// dropped at the next message or ping that cannot be written in time.
fn events(mut stream: &TcpStream, shared: &Shared) -> std::io::Result<()> {
    let rx = shared.subscribe();
    stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n")?;
    stream.write_all(shared.current_event().as_bytes())?;
    stream.flush()?;
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        stream.write_all(message.as_bytes())?;
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_of(port: u16, request: &[u8]) -> u16 {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        s.write_all(request).unwrap();
        let mut response = String::new();
        let _ = s.read_to_string(&mut response);
        response
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0)
    }

    #[test]
    fn a_full_server_says_busy_and_recovers() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<html></html>").unwrap();
        let shared = Shared::new(dir.path().to_path_buf(), crate::i18n::Lang::En);
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || serve_at_most(listener, shared, 2));
        let get = b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n";
        assert_eq!(status_of(port, get), 200);
        // Two clients that stall halfway through their requests hold both places.
        let mut stalled = Vec::new();
        for _ in 0..2 {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHo").unwrap();
            stalled.push(s);
        }
        // The stalled clients are accepted in order, before the next one is.
        let mut busy = 0;
        for _ in 0..50 {
            busy = status_of(port, get);
            if busy == 503 {
                break;
            }
        }
        assert_eq!(busy, 503);
        drop(stalled);
        // Their places come free once the server has seen them go.
        let mut status = 0;
        for _ in 0..3000 {
            status = status_of(port, get);
            if status == 200 {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(status, 200);
    }

    #[test]
    fn paths_never_leave_the_root() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "x").unwrap();
        assert!(matches!(resolve(dir.path(), "/a/"), Resolved::File(_)));
        assert!(matches!(resolve(dir.path(), "/a"), Resolved::Redirect(to) if to == "/a/"));
        // Never a protocol-relative redirect to another host.
        assert!(matches!(resolve(dir.path(), "//a"), Resolved::Redirect(to) if to == "/a/"));
        assert!(matches!(
            resolve(dir.path(), "/../etc/passwd"),
            Resolved::BadRequest
        ));
        assert!(matches!(
            resolve(dir.path(), "/%2e%2e/etc/passwd"),
            Resolved::BadRequest
        ));
        assert!(matches!(
            resolve(dir.path(), "/a/%2E%2E/%2E%2E/x"),
            Resolved::BadRequest
        ));
        assert!(matches!(
            resolve(dir.path(), "/a\\..\\x"),
            Resolved::BadRequest
        ));
        assert!(matches!(
            resolve(dir.path(), "/saknas/"),
            Resolved::NotFound
        ));
    }
}

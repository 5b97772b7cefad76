//! The preview's HTTP side, on maintained crates: hyper serves the connections, axum routes
//! requests and runs the live-reload WebSocket, and tower-http's `ServeFile` sends files
//! (streamed from one open file, `Range` and 206, `ETag` and `Last-Modified` with 304,
//! MIME types from `mime_guess`). What is handbok's own is policy:
//!
//! - which hosts are answered ([`Hosts`]: loopback names, the bind address and names the
//!   editor allows; anything else gets 403, which closes the DNS-rebinding path from a web
//!   page to the draft preview);
//! - which path leads to which file ([`resolve`]: never outside the output folder, through
//!   `..`, encodings or links);
//! - the live-reload script added to HTML pages, and the reload socket;
//! - limits: connections for pages at once (503 beyond), a request head must arrive whole
//!   in time, a client that stops reading is dropped, reload sockets counted apart from
//!   pages and dropped when their heartbeat goes unanswered.

use std::convert::Infallible;
use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use http_body_util::BodyExt;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use percent_encoding::percent_decode_str;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio_io_timeout::TimeoutStream;
use tower::ServiceExt;
use tower_http::services::ServeFile;

use super::{Shared, Status};

/// The path of the live-reload script.
pub const SCRIPT: &str = "/__handbok/livereload.js";
/// The path of the live-reload WebSocket.
pub const SOCKET: &str = "/__handbok/ws";

/// The largest HTML page the live-reload script is added to; larger ones are sent as
/// they are.
const MAX_INJECTED_PAGE: usize = 64 << 20;

/// The largest request head (request line and headers) read.
const MAX_REQUEST_HEAD: usize = 16 * 1024;
/// The most headers a request may have.
const MAX_HEADERS: usize = 100;

/// How the server limits its clients.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections for pages and files at once; more are answered 503 until one ends.
    pub connections: usize,
    /// Connections over the limit that are answered 503; more are just closed.
    pub refusing: usize,
    /// Live-reload sockets at once (apart from the connections above).
    pub sockets: usize,
    /// How long a request head may take to arrive, and a kept-alive connection may stay
    /// idle between requests.
    pub request_timeout: Duration,
    /// How long one write may wait for a client that does not read.
    pub write_timeout: Duration,
    /// A reload socket whose client has not answered (a heartbeat is sent every third of
    /// this) for this long is closed.
    pub reload_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connections: 256,
            refusing: 16,
            sockets: 512,
            request_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            reload_timeout: Duration::from_secs(30),
        }
    }
}

/// The host names the server answers to.
#[derive(Debug, Clone)]
pub struct Hosts(Vec<String>);

impl Hosts {
    /// Loopback (`localhost`, `127.0.0.1`, `[::1]`), the bind address unless it is a
    /// wildcard, and `extra` (names or addresses given by the editor).
    pub fn new(bind: &str, extra: &[String]) -> Hosts {
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut add = |name: &str| {
            let name = match name.parse::<IpAddr>() {
                Ok(IpAddr::V6(v6)) => format!("[{v6}]"),
                _ => name.trim_end_matches('.').to_ascii_lowercase(),
            };
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        };
        let wildcard = bind
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_unspecified());
        if !wildcard {
            add(bind.trim_matches(['[', ']']));
        }
        for name in extra {
            let name = name.trim();
            if name.trim_matches(['[', ']']).parse::<IpAddr>().is_ok() {
                add(name.trim_matches(['[', ']']));
            } else {
                // `name:8080` and `[::1]:8080` name the host; the port is not part of it.
                add(host_name(name).trim_matches(['[', ']']));
            }
        }
        Hosts(names)
    }

    /// Whether a `Host` header value (a name or address, perhaps with a port) is allowed.
    pub fn allows(&self, host: &str) -> bool {
        let name = host_name(host).trim_end_matches('.').to_ascii_lowercase();
        self.0.contains(&name)
    }
}

/// The name in a `Host` value without its port: `[::1]:1111` → `[::1]`, `a.se:80` → `a.se`.
fn host_name(host: &str) -> &str {
    if host.starts_with('[') {
        // Only `[address]` or `[address]:port`: anything else is no such name.
        return match host.find(']') {
            Some(end)
                if host[end + 1..].is_empty()
                    || host[end + 1..]
                        .strip_prefix(':')
                        .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
            {
                &host[..=end]
            }
            _ => host,
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// What every request handler needs.
#[derive(Clone)]
struct App {
    shared: Shared,
    /// The served folder, canonical: the same path whichever build it holds.
    root: PathBuf,
    hosts: Arc<Hosts>,
    sockets: Arc<Semaphore>,
    reload_timeout: Duration,
}

/// Serves `listener` until the runtime stops.
pub async fn run(listener: TcpListener, shared: Shared, hosts: Hosts, limits: Limits) {
    let root = shared
        .output
        .canonicalize()
        .unwrap_or_else(|_| shared.output.clone());
    let app = App {
        root,
        shared,
        hosts: Arc::new(hosts),
        sockets: Arc::new(Semaphore::new(limits.sockets)),
        reload_timeout: limits.reload_timeout,
    };
    let router = router(app);
    let connections = Arc::new(Semaphore::new(limits.connections));
    let refusing = Arc::new(Semaphore::new(limits.refusing));
    loop {
        let tcp = match listener.accept().await {
            Ok((tcp, _)) => tcp,
            Err(_) => {
                // Out of file descriptors, say: give the open connections a moment to end.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = tcp.set_nodelay(true);
        let mut stream = TimeoutStream::new(tcp);
        stream.set_write_timeout(Some(limits.write_timeout));
        let io = TokioIo::new(Box::pin(stream));
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.request_timeout)
            // A request head larger than this is refused (431): pages need little.
            .max_buf_size(MAX_REQUEST_HEAD)
            .max_headers(MAX_HEADERS);
        if let Ok(permit) = connections.clone().try_acquire_owned() {
            let service = TowerToHyperService::new(router.clone());
            tokio::spawn(async move {
                // Once a connection becomes a reload socket it leaves this count: the
                // future ends when the upgrade is handed over.
                let _permit = permit;
                let _ = builder.serve_connection(io, service).with_upgrades().await;
            });
        } else if let Ok(permit) = refusing.clone().try_acquire_owned() {
            tokio::spawn(async move {
                let _permit = permit;
                builder.keep_alive(false);
                let busy = hyper::service::service_fn(|_| async {
                    Ok::<_, Infallible>(
                        text(
                            StatusCode::SERVICE_UNAVAILABLE,
                            "the server is busy, try again\n",
                        )
                        .map(|b| b.boxed_unsync()),
                    )
                });
                let _ = tokio::time::timeout(
                    Duration::from_secs(2),
                    builder.serve_connection(io, busy),
                )
                .await;
            });
        }
        // Past both limits the connection is dropped, which closes it.
    }
}

fn router(app: App) -> Router {
    Router::new()
        .route(SCRIPT, get(script))
        .route(SOCKET, get(socket))
        .fallback(file)
        .layer(middleware::from_fn_with_state(
            app.clone(),
            only_allowed_hosts,
        ))
        .with_state(app)
}

/// Answers only requests for an allowed host: a web page elsewhere whose name has been
/// pointed at 127.0.0.1 (DNS rebinding) reaches the server with its own name as `Host`.
async fn only_allowed_hosts(State(app): State<App>, request: Request, next: Next) -> Response {
    let host = match request.headers().get(header::HOST) {
        Some(value) => match value.to_str() {
            Ok(host) => Some(host),
            Err(_) => return text(StatusCode::BAD_REQUEST, "the Host header is not text\n"),
        },
        None => None,
    };
    match host {
        Some(host) if app.hosts.allows(host) => next.run(request).await,
        Some(host) => text_owned(
            StatusCode::FORBIDDEN,
            format!(
                "handbok serve answers only to localhost and the names it was started for, not {:?}.\n\
                 Start it with --allow-host {} to preview the site under that name.\n",
                host_name(host),
                host_name(host).trim_matches(['[', ']'])
            ),
        ),
        None => text(StatusCode::BAD_REQUEST, "the request has no Host header\n"),
    }
}

async fn script() -> Response {
    let mut response = Response::new(Body::from(super::LIVERELOAD_JS));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    finish(response)
}

/// The live-reload socket: tells the page the state of the build at once, then the
/// outcome of every later build.
async fn socket(State(app): State<App>, headers: HeaderMap, upgrade: WebSocketUpgrade) -> Response {
    // Pages of other sites (another server on localhost too) may open sockets here: only
    // the preview's own pages, whose origin is this very host and port, may listen.
    // Clients that send no Origin are no browser pages.
    if let Some(origin) = headers.get(header::ORIGIN) {
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        let own = origin
            .to_str()
            .is_ok_and(|o| o.eq_ignore_ascii_case(&format!("http://{host}")));
        if !own {
            return text(StatusCode::FORBIDDEN, "not from a page of this preview\n");
        }
    }
    let Ok(permit) = app.sockets.clone().try_acquire_owned() else {
        return text(
            StatusCode::SERVICE_UNAVAILABLE,
            "too many open pages, try again\n",
        );
    };
    let status = app.shared.subscribe();
    let timeout = app.reload_timeout;
    // Pages send nothing but heartbeat answers.
    let upgrade = upgrade.max_message_size(4096).max_frame_size(4096);
    upgrade.on_upgrade(move |socket| async move {
        let _permit = permit;
        live(socket, status, timeout).await;
    })
}

async fn live(mut socket: WebSocket, mut status: watch::Receiver<Status>, timeout: Duration) {
    let first = status.borrow_and_update().message(true);
    if socket.send(Message::Text(first.into())).await.is_err() {
        return;
    }
    let mut heartbeat = tokio::time::interval(timeout / 3);
    heartbeat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    heartbeat.tick().await;
    let mut heard = Instant::now();
    loop {
        let sent = tokio::select! {
            changed = status.changed() => {
                if changed.is_err() {
                    return;
                }
                let message = status.borrow_and_update().message(false);
                socket.send(Message::Text(message.into())).await
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => {
                    heard = Instant::now();
                    Ok(())
                }
            },
            _ = heartbeat.tick() => {
                if heard.elapsed() >= timeout {
                    return;
                }
                socket.send(Message::Ping(Default::default())).await
            }
        };
        if sent.is_err() {
            return;
        }
    }
}

/// Any other path: a file of the site (HTML pages with the live-reload script), a folder
/// redirected to its trailing slash, or the site's 404 page.
async fn file(State(app): State<App>, mut request: Request) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = text(StatusCode::METHOD_NOT_ALLOWED, "method not allowed\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let root = app.root.clone();
    let path = request.uri().path().to_string();
    let query = request.uri().query().map(str::to_string);
    // Path checks and small reads happen here rather than on tokio's blocking pool: the
    // output is a local folder, mostly in the page cache, and a hop to another thread for
    // each step costs more than the step (three times the requests per second).
    match resolve(&root, &path) {
        Resolved::File(real) => {
            let html = is_html(&real);
            // A page's build state, read before the file: see `inject`.
            let state = if html {
                app.shared.state_tag()
            } else {
                String::new()
            };
            if html || !request.headers().contains_key(header::RANGE) {
                match read_small(&real) {
                    Ok(Some(small)) => {
                        let page = html.then_some(state.as_str());

                        return finish(small.respond(&request, page));
                    }
                    Ok(None) => {}
                    // Removed by a rebuild since it was found.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        return not_found(&app).await
                    }
                    Err(_) => {
                        return text(
                            StatusCode::INTERNAL_SERVER_ERROR,
                            "the file could not be read\n",
                        )
                    }
                }
            }
            let meta = std::fs::metadata(&real).ok();
            let stale_range = !meta
                .as_ref()
                .is_some_and(|m| range_still_valid(&request, m));
            if html || stale_range {
                // A page is sent whole, with the script added: ranges of it mean nothing.
                // Nor does a range of a version the client does not have: all of it then.
                request.headers_mut().remove(header::RANGE);
                request.headers_mut().remove(header::IF_RANGE);
            }
            if html {
                // Large pages are always sent whole (the state in them changes with every
                // build): no 304 for them.
                request.headers_mut().remove(header::IF_NONE_MATCH);
                request.headers_mut().remove(header::IF_MODIFIED_SINCE);
                // Read as for GET, to know its length with the script; hyper sends no
                // body in answer to HEAD.
                *request.method_mut() = Method::GET;
            }
            let response = match ServeFile::new(&real).oneshot(request).await {
                Ok(response) => response.map(Body::new),
                Err(never) => match never {},
            };
            if response.status() == StatusCode::NOT_FOUND {
                return not_found(&app).await;
            }
            if html && response.status() == StatusCode::OK {
                return finish(with_script(response, &state).await);
            }
            finish(response)
        }
        Resolved::Redirect(to) => {
            let to = match query {
                Some(q) => format!("{to}?{q}"),
                None => to,
            };
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::MOVED_PERMANENTLY;
            if let Ok(value) = HeaderValue::from_str(&to) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            finish(response)
        }
        Resolved::BadRequest => text(StatusCode::BAD_REQUEST, "bad request\n"),
        Resolved::NotFound => not_found(&app).await,
    }
}

/// Files up to this size are read whole and answered at once; larger ones, and ranges of
/// files other than pages, are streamed by `ServeFile`.
const SMALL_FILE: u64 = 1 << 20;

/// A small file read whole, with what its validators are made of.
struct Small {
    path: PathBuf,
    bytes: Vec<u8>,
    modified: std::time::SystemTime,
}

/// Reads `path` whole if it is at most [`SMALL_FILE`] long, from one open file: the
/// length, time and contents are of the same version (a rebuild replaces files, never
/// rewrites them in place).
fn read_small(path: &Path) -> std::io::Result<Option<Small>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.len() > SMALL_FILE {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(SMALL_FILE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != meta.len() {
        // Changed under us after all: let the streaming path deal with it.
        return Ok(None);
    }
    Ok(Some(Small {
        path: path.to_path_buf(),
        bytes,
        modified: meta.modified()?,
    }))
}

/// The strong validator of a file version: its modification time to the nanosecond and
/// its length, written as `ServeFile` writes it, so that a file has one ETag whichever way
/// it is sent (`tests/serve_http.rs` checks that the two agree).
fn etag_of(modified: std::time::SystemTime, len: u64) -> String {
    let time = modified
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!(
        "\"{:x}.{:08x}-{:x}\"",
        time.as_secs(),
        time.subsec_nanos(),
        len
    )
}

/// Whether `If-Range` (absent, an ETag or a date) still names the version now at `path`;
/// if not, a range of the new version must not be joined to pieces of the old one.
fn range_still_valid(request: &Request, meta: &std::fs::Metadata) -> bool {
    let Some(value) = request.headers().get(header::IF_RANGE) else {
        return true;
    };
    let (Ok(value), Ok(modified)) = (value.to_str(), meta.modified()) else {
        return false;
    };
    if value.starts_with('"') {
        // Strong comparison: a weak tag never matches.
        return value == etag_of(modified, meta.len());
    }
    value == httpdate::fmt_http_date(modified)
}

impl Small {
    fn etag(&self) -> String {
        etag_of(self.modified, self.bytes.len() as u64)
    }

    /// The answer to a GET or HEAD of this file without a range: 304 when the client has
    /// this version (RFC 9110 13.2.2: `If-None-Match` first, else `If-Modified-Since`).
    ///
    /// A page (`state` given: the build state it is served in) carries that state in its
    /// script tag and its ETag, and no `Last-Modified`: a page kept by the browser from
    /// before a build is never declared fresh, or it would reload itself for ever.
    fn respond(self, request: &Request, state: Option<&str>) -> Response {
        let html = state.is_some();
        let etag = match state {
            Some(state) => format!("\"{}-{state}\"", self.etag().trim_matches('"')),
            None => self.etag(),
        };
        let modified = httpdate::fmt_http_date(self.modified);
        let headers = request.headers();
        let fresh = match headers.get(header::IF_NONE_MATCH) {
            Some(tags) => tags.to_str().is_ok_and(|tags| matches_any(tags, &etag)),
            None if html => false,
            None => headers
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| httpdate::parse_http_date(v).ok())
                .is_some_and(|since| {
                    // HTTP dates have whole seconds.
                    let secs = |t: std::time::SystemTime| {
                        t.duration_since(std::time::UNIX_EPOCH)
                            .map_or(0, |d| d.as_secs())
                    };
                    secs(self.modified) <= secs(since)
                }),
        };
        let kind = if html {
            "text/html; charset=utf-8".to_string()
        } else {
            mime_guess::from_path(&self.path)
                .first_or_octet_stream()
                .to_string()
        };
        let mut response = if fresh {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::NOT_MODIFIED;
            r
        } else if html {
            Response::new(Body::from(inject(&self.bytes, state)))
        } else {
            Response::new(Body::from(self.bytes))
        };
        let h = response.headers_mut();
        if let Ok(v) = HeaderValue::from_str(&etag) {
            h.insert(header::ETAG, v);
        }
        if !html {
            if let Ok(v) = HeaderValue::from_str(&modified) {
                h.insert(header::LAST_MODIFIED, v);
            }
        }
        if let Ok(v) = HeaderValue::from_str(&kind) {
            h.insert(header::CONTENT_TYPE, v);
        }
        if !html {
            h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
        }
        response
    }
}

/// Whether an `If-None-Match` list names `etag` (weak comparison: `W/` is ignored) or is `*`.
fn matches_any(tags: &str, etag: &str) -> bool {
    tags.split(',')
        .map(|t| t.trim())
        .any(|t| t == "*" || t.trim_start_matches("W/") == etag)
}

fn is_html(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// A page response with the live-reload script added before `</body>`. Its validators
/// (`ETag`, `Last-Modified`) stay those of the file: the script is the same for every
/// version of it.
async fn with_script(response: Response, state: &str) -> Response {
    let length = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|l| l.to_str().ok())
        .and_then(|l| l.parse::<usize>().ok());
    if length.is_none_or(|l| l > MAX_INJECTED_PAGE) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let collected = http_body_util::Limited::new(body, MAX_INJECTED_PAGE)
        .collect()
        .await;
    let Ok(collected) = collected else {
        return text(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the file could not be read\n",
        );
    };
    let html = inject(&collected.to_bytes(), Some(state));
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(html.len()));
    parts.headers.remove(header::ETAG);
    parts.headers.remove(header::LAST_MODIFIED);
    Response::from_parts(parts, Body::from(html))
}

/// The site's 404 page, or a plain one while there is none.
async fn not_found(app: &App) -> Response {
    let state = app.shared.state_tag();
    let state = state.as_str();
    let page = tokio::fs::read(app.root.join("404.html")).await;
    let html = match page {
        Ok(bytes) => inject(&bytes, Some(state)),
        Err(_) => inject(
            b"<!DOCTYPE html><title>404</title><p>Sidan finns inte.</p>",
            Some(state),
        ),
    };
    let mut response = Response::new(Body::from(html));
    *response.status_mut() = StatusCode::NOT_FOUND;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    finish(response)
}

/// The headers every file response gets: text in UTF-8, and revalidation every time (the
/// preview changes under the browser; a 304 keeps it cheap).
fn finish(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let textual = kind.starts_with("text/")
        || matches!(
            kind,
            "application/javascript" | "application/json" | "application/xml" | "image/svg+xml"
        );
    if textual && !kind.contains("charset") {
        if let Ok(value) = HeaderValue::from_str(&format!("{kind}; charset=utf-8")) {
            headers.insert(header::CONTENT_TYPE, value);
        }
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

fn text(status: StatusCode, body: &'static str) -> Response {
    text_owned(status, body.to_string())
}

fn text_owned(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

enum Resolved {
    File(PathBuf),
    Redirect(String),
    NotFound,
    BadRequest,
}

/// Maps a URL path to a file in `root` (canonical): percent-decoded, no `.`/`..` segments, no
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
    // Hidden files are the build's own (its marker, temporary files being written), never
    // the site's; `.well-known/` is the one hidden folder sites publish.
    let hidden = rel.components().any(|c| {
        c.as_os_str()
            .to_str()
            .is_some_and(|s| s.starts_with('.') && s != ".well-known")
    });
    if hidden {
        return Resolved::NotFound;
    }
    let mut file = root.join(rel);
    let Ok(meta) = std::fs::metadata(&file) else {
        return Resolved::NotFound;
    };
    let folder = meta.is_dir();
    if folder {
        if !decoded.ends_with('/') {
            // One leading slash: `//host/x` would send the browser to another host.
            return Resolved::Redirect(format!("/{}/", url_path.trim_start_matches('/')));
        }
        file = file.join("index.html");
    } else if !meta.is_file() {
        return Resolved::NotFound;
    }
    let Ok(real) = file.canonicalize() else {
        return Resolved::NotFound;
    };
    if !real.starts_with(root) || (folder && !real.is_file()) {
        return Resolved::NotFound;
    }
    Resolved::File(real)
}

/// Adds the live-reload script to an HTML page (only the preview does this), before its
/// last `</body>`, with the build state the page is served in (read before the file, so
/// the page is of that state or newer: at worst it reloads once more). Works on the
/// bytes: pages are not checked or converted on the way.
fn inject(html: &[u8], state: Option<&str>) -> Vec<u8> {
    let tag = match state {
        Some(state) => format!("<script src=\"{SCRIPT}\" data-state=\"{state}\"></script>"),
        None => format!("<script src=\"{SCRIPT}\"></script>"),
    };
    let at = memchr::memmem::rfind(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_loopback_the_bind_address_and_the_allowed_names() {
        let hosts = Hosts::new(
            "127.0.0.1",
            &["Granskning.Kommun.se".to_string(), "intra:8080".to_string()],
        );
        assert!(
            hosts.allows("intra:1111"),
            "a port given with the name is not part of it"
        );
        assert!(!hosts.allows("[::1]evil"));
        assert!(!hosts.allows("[::1]:80x"));
        for ok in [
            "localhost",
            "localhost:1111",
            "LOCALHOST.",
            "127.0.0.1:8080",
            "[::1]:1111",
            "[::1]",
            "granskning.kommun.se:1111",
        ] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for refused in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.2",
            "localhost.evil.example",
            "[::2]:1111",
            "",
        ] {
            assert!(!hosts.allows(refused), "{refused}");
        }
        let lan = Hosts::new("192.168.1.20", &[]);
        assert!(lan.allows("192.168.1.20:1111"));
        let ipv6 = Hosts::new("::1", &["fe80::1".to_string()]);
        assert!(ipv6.allows("[fe80::1]:1111"));
        // A wildcard is no name a browser sends.
        let all = Hosts::new("0.0.0.0", &[]);
        assert!(!all.allows("0.0.0.0:1111"));
        assert!(all.allows("localhost:1111"));
    }

    #[test]
    fn paths_never_leave_the_root() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = &tmp.path().canonicalize().unwrap();
        std::fs::create_dir(dir.join("a")).unwrap();
        std::fs::write(dir.join("a/index.html"), "x").unwrap();
        // A link inside the served folder that leads out of it is not followed.
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            std::fs::write(outside.path().join("hemlig.txt"), "hemlig").unwrap();
            std::os::unix::fs::symlink(outside.path().join("hemlig.txt"), dir.join("ut.txt"))
                .unwrap();
            assert!(matches!(resolve(dir, "/ut.txt"), Resolved::NotFound));
        }
        assert!(matches!(resolve(dir, "/a/"), Resolved::File(_)));
        assert!(matches!(resolve(dir, "/a"), Resolved::Redirect(to) if to == "/a/"));
        // Never a protocol-relative redirect to another host.
        assert!(matches!(resolve(dir, "//a"), Resolved::Redirect(to) if to == "/a/"));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2E%2E/%2E%2E/x",
            "/a\\..\\x",
            "/a/%00",
            "/%ff",
        ] {
            assert!(matches!(resolve(dir, bad), Resolved::BadRequest), "{bad}");
        }
        assert!(matches!(resolve(dir, "/saknas/"), Resolved::NotFound));
    }
}

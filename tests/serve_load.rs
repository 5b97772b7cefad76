//! `handbok serve` under load while it rebuilds. 50 clients make 20 requests each (and go
//! on until the last rebuild, which each rebuild must see requests answered during) over
//! keep-alive connections (pages, assets, HEAD, pipelined pairs, misses, a redirect, path
//! traversal attempts, malformed and oversized requests) while the site is saved five times
//! the way editors save (a temporary file renamed over the original): page texts, rebuilt
//! incrementally, then a template (the kept pages rendered again) and handbok.yaml (rebuilt
//! in full), then a page text again. Meanwhile stalled and
//! trickling clients hold connections open. Every response must be complete and well
//! formed, every file served must be one that some state of the site really had (never a
//! half-written one), nothing from outside the output folder may leak, stalled clients are
//! cut off, and the server still answers afterwards.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use common::{events, next_event, Response, Server, Site};

/// Pages show review dates: the server and the reference builds use the same day.
const TODAY: &str = "2025-03-01";
const CLIENTS: usize = 50;
const REQUESTS: usize = 20;
/// Only to keep a broken server from hanging the test; nothing is timed.
const TIMEOUT: Duration = Duration::from_secs(30);
/// What the server adds to every HTML page.
/// The live-reload script tag as pages get it, up to the build state they are served in.
const SCRIPT_TAG_START: &str = "<script src=\"/__handbok/livereload.js\" data-state=\"";
const SCRIPT_TAG_END: &str = "\"></script>";
/// The shortest and longest state (`SERVER.GENERATION`, two numbers of up to 20 digits).
const STATE_LENGTHS: std::ops::RangeInclusive<usize> = 3..=41;

/// A served page without its live-reload script tag, if it has exactly one.
fn without_script(page: &str) -> Option<String> {
    if page.matches(SCRIPT_TAG_START).count() != 1 {
        return None;
    }
    let start = page.find(SCRIPT_TAG_START)?;
    let rest = &page[start + SCRIPT_TAG_START.len()..];
    let state_len = rest.find(SCRIPT_TAG_END)?;
    let state = &rest[..state_len];
    if !STATE_LENGTHS.contains(&state.len())
        || !state.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    {
        return None;
    }
    let end = start + SCRIPT_TAG_START.len() + state_len + SCRIPT_TAG_END.len();
    Some(format!("{}{}", &page[..start], &page[end..]))
}

/// The saves made during the load: (file, new content from the current one, how the server
/// applies it: the first word of its log line, `updated`, `rendered` (again, with the
/// changed templates) or `rebuilt`).
type Edit = (&'static str, fn(&str) -> String, &'static str);

fn edits() -> Vec<Edit> {
    vec![
        (
            "content/rutiner/cykel.md",
            |s| format!("{s}\nFörsta tillägget om cykelställ.\n"),
            "updated",
        ),
        (
            "content/orter/kiruna.md",
            |s| s.replace("Text om Kiruna.", "Text om Kiruna, staden i norr."),
            "updated",
        ),
        (
            "templates/ordlista.html",
            |s| {
                s.replace(
                    "<dl class=\"ordlista\">",
                    "<p class=\"mall\">Mall två</p>\n<dl class=\"ordlista\">",
                )
            },
            "rendered",
        ),
        (
            "handbok.yaml",
            |s| s.replace("Testwebbplats för", "Ändrad testwebbplats för"),
            "rebuilt",
        ),
        (
            "content/rutiner/cykel.md",
            |s| format!("{s}\nAndra tillägget om cykelhjälmar.\n"),
            "updated",
        ),
    ]
}

/// Saves like an editor: a hidden temporary file beside the target, renamed over it.
fn save(root: &Path, rel: &str, text: &str) {
    let target = root.join(rel);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = target.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&temp, text).expect("write the temporary file");
    std::fs::rename(&temp, &target).expect("rename over the original");
}

/// Every file of every state the site goes through: site path → the versions it had.
type Versions = BTreeMap<String, BTreeSet<Vec<u8>>>;

/// Builds each state of the site (the fixture, then after each edit) with `handbok build`
/// into folders outside the site, and collects the files. Returns the versions and the
/// site paths of the first state.
fn reference_versions(fixture: &str, outputs: &Path) -> (Versions, Vec<String>) {
    let site = Site::from_fixture(fixture);
    let mut versions = Versions::new();
    let mut first = Vec::new();
    for state in 0..=edits().len() {
        if state > 0 {
            let (file, change, _) = edits()[state - 1];
            let text = change(&site.read_string(file));
            assert_ne!(text, site.read_string(file), "edit {state} changes {file}");
            save(site.root(), file, &text);
        }
        let out = outputs.join(format!("state-{state}"));
        let out_arg = out.to_string_lossy().into_owned();
        site.run(&["build", "--today", TODAY, "--output", &out_arg])
            .expect_no_panic()
            .expect_success();
        for (path, bytes) in common::snapshot(&out) {
            // The output marker names the folder it is in: not a file of the site.
            if path.ends_with('/') || path == ".handbok-output" {
                continue;
            }
            if state == 0 {
                first.push(path.clone());
            }
            versions.entry(path).or_default().insert(bytes);
        }
    }
    (versions, first)
}

fn start(site: &Site) -> Server {
    Server::start(site, &["--today", TODAY], &[("HANDBOK_LANG", "en")])
}

/// Reads one response strictly: `HTTP/1.1 NNN Reason`, headers, a Content-Length and
/// exactly that many body bytes (none for HEAD, whose Content-Length is the GET body's).
fn read_response(reader: &mut impl BufRead, head: bool) -> Result<Response, String> {
    let mut line = String::new();
    let n = reader
        .read_line(&mut line)
        .map_err(|e| format!("reading the status line: {e}"))?;
    if n == 0 {
        return Err("the connection closed without a response".into());
    }
    let status_line = line
        .strip_suffix("\r\n")
        .ok_or_else(|| format!("status line not ended by CRLF: {line:?}"))?;
    let mut parts = status_line.splitn(3, ' ');
    let (Some(version), Some(code), Some(reason)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("malformed status line {status_line:?}"));
    };
    let status: u16 = code
        .parse()
        .map_err(|_| format!("malformed status {status_line:?}"))?;
    if version != "HTTP/1.1" || code.len() != 3 || reason.is_empty() {
        return Err(format!("malformed status line {status_line:?}"));
    }
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader
            .read_line(&mut line)
            .map_err(|e| format!("reading headers after {status_line:?}: {e}"))?;
        let line = line
            .strip_suffix("\r\n")
            .ok_or_else(|| format!("header not ended by CRLF after {status_line:?}"))?;
        if line.is_empty() {
            break;
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("malformed header {line:?}"))?;
        headers.push((name.to_string(), value.trim().to_string()));
    }
    let mut response = Response {
        status,
        headers,
        body: Vec::new(),
    };
    let length: usize = response
        .header("content-length")
        .ok_or_else(|| format!("no Content-Length in {status_line:?}"))?
        .parse()
        .map_err(|_| format!("bad Content-Length in {status_line:?}"))?;
    if !head {
        response.body = vec![0; length];
        reader.read_exact(&mut response.body).map_err(|e| {
            format!("{status_line:?}: body shorter than its Content-Length {length}: {e}")
        })?;
    }
    Ok(response)
}

/// After a response that closes the connection, the server must send nothing more.
fn expect_closed(reader: &mut impl Read) -> Result<(), String> {
    let mut rest = Vec::new();
    match reader.read_to_end(&mut rest) {
        Ok(_) if rest.is_empty() => Ok(()),
        Ok(_) => Err(format!(
            "{} bytes after the response: {:?}",
            rest.len(),
            String::from_utf8_lossy(&rest[..rest.len().min(80)])
        )),
        // A reset after everything was read is a close too.
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Ok(()),
        Err(e) => Err(format!("the connection was not closed: {e}")),
    }
}

fn connect(port: u16) -> Result<BufReader<TcpStream>, String> {
    let stream =
        TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("cannot connect: {e}"))?;
    stream.set_read_timeout(Some(TIMEOUT)).ok();
    stream.set_write_timeout(Some(TIMEOUT)).ok();
    Ok(BufReader::new(stream))
}

/// What a client asks for.
#[derive(Clone, Debug)]
enum Ask {
    Get(String),
    Head(String),
    /// Two requests written at once on one connection.
    Pipelined(String, String),
    /// A traversal attempt: 400 or 404, and never the secret.
    Escape(String),
    /// Raw bytes on a new connection: one of these statuses, then the connection closes.
    Raw(Vec<u8>, &'static [u16]),
}

/// A short description of a request for failure messages.
fn describe(ask: &Ask) -> String {
    match ask {
        Ask::Raw(bytes, _) => {
            let text = String::from_utf8_lossy(&bytes[..bytes.len().min(40)]);
            format!("{} bytes: {text:?}", bytes.len())
        }
        other => format!("{other:?}"),
    }
}

/// The traversal attempts; the secrets lie one and two folders above the served folder.
const ESCAPES: &[&str] = &[
    "/../hemlig.txt",
    "/../../hemlig.txt",
    "/%2e%2e/hemlig.txt",
    "/%2E%2E/%2e%2e/hemlig.txt",
    "/..%2fhemlig.txt",
    "/%2e%2e%2f%2e%2e%2fhemlig.txt",
    "/orter/%2e%2e/%2e%2e/%2e%2e/hemlig.txt",
    "/orter/..%2F..%2F..%2Fhemlig.txt",
    "/..\\hemlig.txt",
    "/%5c..%5chemlig.txt",
    "/hemlig.txt%00.html",
    "/%00",
    "/index.html%00/../../hemlig.txt",
    "/%252e%252e/hemlig.txt",
    "/%c0%ae%c0%ae/hemlig.txt",
    "//../hemlig.txt",
];

/// Malformed requests, each answered with an error status and a closed connection.
fn malformed() -> Vec<(Vec<u8>, &'static [u16])> {
    let mut long_url = b"GET /".to_vec();
    long_url.extend(std::iter::repeat_n(b'a', 64 * 1024));
    long_url.extend(b" HTTP/1.1\r\nHost: localhost\r\n\r\n");
    let mut long_header = b"GET / HTTP/1.1\r\nX-Long: ".to_vec();
    long_header.extend(std::iter::repeat_n(b'b', 64 * 1024));
    long_header.extend(b"\r\n\r\n");
    let mut many_headers = b"GET / HTTP/1.1\r\n".to_vec();
    for i in 0..2000 {
        many_headers.extend(format!("X-H{i}: v\r\n").as_bytes());
    }
    many_headers.extend(b"\r\n");
    vec![
        (b"GARBAGE\r\n\r\n".to_vec(), &[400]),
        (b"GET\r\n\r\n".to_vec(), &[400]),
        (b"GET /\r\n\r\n".to_vec(), &[400]),
        (b"GET / HTTP/1.1 extra\r\n\r\n".to_vec(), &[400]),
        (b"GET / HTTP/9.9\r\n\r\n".to_vec(), &[400, 505]),
        (b"GET / FTP/1.1\r\n\r\n".to_vec(), &[400]),
        (b"\x00\x01\x02\xff\xfe\r\n\r\n".to_vec(), &[400]),
        (b"GET /\xff\xfe HTTP/1.1\r\n\r\n".to_vec(), &[400]),
        (b"GET / HTTP/1.1\r\nno colon here\r\n\r\n".to_vec(), &[400]),
        (long_url, &[414, 431]),
        (long_header, &[431]),
        (many_headers, &[431]),
    ]
}

/// What client `j` asks at its request `r`: mostly pages and assets of the site, some HEAD
/// requests, misses and a redirect, and now and then something hostile.
fn choose(j: usize, r: usize, paths: &[String]) -> Ask {
    let bad = malformed();
    if r == 17 && j.is_multiple_of(4) {
        let (bytes, statuses) = bad[(j / 4) % bad.len()].clone();
        return Ask::Raw(bytes, statuses);
    }
    if (r == 2 || r == 9 || r == 15) && j.is_multiple_of(3) {
        return Ask::Escape(ESCAPES[(j / 3 + r) % ESCAPES.len()].to_string());
    }
    let path = paths[(j * 7 + r * 13) % paths.len()].clone();
    match r % 7 {
        3 => Ask::Head(path),
        5 if j.is_multiple_of(2) => Ask::Pipelined(path, paths[(j + r) % paths.len()].clone()),
        _ => Ask::Get(path),
    }
}

/// The URLs the clients ask for: every file of the first state (folders as `dir/`), a
/// miss, a folder without its slash, and the live-reload script.
fn urls(files: &[String]) -> Vec<String> {
    let mut out: Vec<String> = files
        .iter()
        .map(|f| match f.strip_suffix("index.html") {
            Some(dir) => format!("/{dir}"),
            None => format!("/{f}"),
        })
        .collect();
    out.extend(
        [
            "/finns-inte/",
            "/orter",
            "/__handbok/livereload.js",
            "/rutiner/index.html",
        ]
        .map(String::from),
    );
    out
}

/// Checks a response to a well-formed GET or HEAD of `url` against the versions.
fn check(url: &str, response: &Response, head: bool, versions: &Versions) -> Result<(), String> {
    let fail = |what: String| Err(format!("{url}: {what}"));
    let target = url.trim_start_matches('/');
    match response.status {
        200 if url == "/__handbok/livereload.js" => Ok(()),
        200 => {
            let file = if target.is_empty() || target.ends_with('/') {
                format!("{target}index.html")
            } else {
                target.to_string()
            };
            let Some(known) = versions.get(&file) else {
                return fail(format!("200 for {file}, which no state of the site has"));
            };
            if head {
                // No body, but the length of the body a GET would have had (pages with the
                // live-reload script).
                let tag = SCRIPT_TAG_START.len() + SCRIPT_TAG_END.len();
                let extra = if file.ends_with(".html") {
                    tag + STATE_LENGTHS.start()..=tag + STATE_LENGTHS.end()
                } else {
                    0..=0
                };
                let length: Option<usize> = response
                    .header("content-length")
                    .and_then(|l| l.parse().ok());
                return match length {
                    Some(n)
                        if response.body.is_empty()
                            && known
                                .iter()
                                .any(|v| n >= v.len() && extra.contains(&(n - v.len()))) =>
                    {
                        Ok(())
                    }
                    _ => fail(format!(
                        "HEAD with Content-Length {length:?}, which no version has"
                    )),
                };
            }
            if file.ends_with(".html") {
                if response.header("content-type") != Some("text/html; charset=utf-8") {
                    return fail(format!("HTML as {:?}", response.header("content-type")));
                }
                let page = String::from_utf8_lossy(&response.body);
                if !page.trim_end().ends_with("</html>") {
                    return fail("an incomplete page".into());
                }
                let Some(original) = without_script(&page) else {
                    return fail("no live-reload script".into());
                };
                if !known.contains(original.as_bytes()) {
                    return fail(format!(
                        "a page that no state of the site had ({} bytes)",
                        original.len()
                    ));
                }
            } else if !known.contains(&response.body) {
                return fail(format!(
                    "a file that no state of the site had ({} bytes)",
                    response.body.len()
                ));
            }
            Ok(())
        }
        301 => match response.header("location") {
            Some(to) if to == format!("{url}/") && response.body.is_empty() => Ok(()),
            other => fail(format!("301 to {other:?}")),
        },
        404 => {
            let known = versions.get("404.html").cloned().unwrap_or_default();
            let page = without_script(&String::from_utf8_lossy(&response.body));
            if head || page.is_some_and(|p| known.contains(p.as_bytes())) {
                Ok(())
            } else {
                fail("404 without the site's 404 page".into())
            }
        }
        other => fail(format!("status {other}")),
    }
}

/// How every planted secret begins. A response is a leak when it holds this, so that a
/// secret an earlier, killed run left (with its own numbers) counts too.
const SECRET_PREFIX: &str = "HEMLIGT-";

/// A secret planted outside the site, removed when the test ends (also when it fails).
struct Planted(std::path::PathBuf);

impl Drop for Planted {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Lets the clients go on only as far as the edits have come, so that the edits fall in
/// the middle of the load.
struct Gate {
    stage: Mutex<usize>,
    moved: Condvar,
}

impl Gate {
    fn wait_for(&self, stage: usize) -> Result<(), String> {
        let guard = self.stage.lock().map_err(|_| "gate poisoned")?;
        let (guard, _) = self
            .moved
            .wait_timeout_while(guard, TIMEOUT * 4, |s| *s < stage)
            .map_err(|_| "gate poisoned")?;
        if *guard < stage {
            return Err(format!("edit {stage} never came"));
        }
        Ok(())
    }

    fn open(&self, stage: usize) {
        if let Ok(mut s) = self.stage.lock() {
            *s = stage;
        }
        self.moved.notify_all();
    }
}

/// One client: 20 requests spread over the edits, then more until `stop`, so that every
/// rebuild happens under load (`done` counts the 20, `more` the others); it reuses its
/// connection while the server keeps it open.
fn client(
    j: usize,
    port: u16,
    paths: &[String],
    versions: &Versions,
    gate: &Gate,
    secret: &str,
    (done, more, stop): (&AtomicUsize, &AtomicUsize, &AtomicBool),
) -> Vec<String> {
    let mut failures = Vec::new();
    let mut conn: Option<BufReader<TcpStream>> = None;
    let stages = edits().len();
    for r in 0..REQUESTS {
        let stage = r * stages / REQUESTS;
        if r > 0 && stage != (r - 1) * stages / REQUESTS {
            // No idle keep-alive connection while waiting for the next edit.
            conn = None;
            if let Err(e) = gate.wait_for(stage) {
                failures.push(e);
                return failures;
            }
        }
        let ask = choose(j, r, paths);
        let result = ask_once(&ask, port, &mut conn, versions, secret);
        done.fetch_add(1, Ordering::SeqCst);
        if let Err(e) = result {
            failures.push(format!("client {j}, request {r} ({}): {e}", describe(&ask)));
            conn = None;
        }
    }
    let mut r = REQUESTS;
    while !stop.load(Ordering::SeqCst) && failures.len() < REQUESTS {
        let ask = choose(j, r, paths);
        let result = ask_once(&ask, port, &mut conn, versions, secret);
        more.fetch_add(1, Ordering::SeqCst);
        if let Err(e) = result {
            failures.push(format!("client {j}, request {r} ({}): {e}", describe(&ask)));
            conn = None;
        }
        r += 1;
    }
    failures
}

fn ask_once(
    ask: &Ask,
    port: u16,
    conn: &mut Option<BufReader<TcpStream>>,
    versions: &Versions,
    secret: &str,
) -> Result<(), String> {
    if let Ask::Raw(bytes, statuses) = ask {
        let mut c = connect(port)?;
        // The server may answer and close before it has read everything: a failed write
        // is fine as long as the response arrives.
        let _ = c.get_mut().write_all(bytes);
        let response = read_response(&mut c, false)?;
        if !statuses.contains(&response.status) || !response.closes() {
            return Err(format!(
                "status {} (Connection: {:?})",
                response.status,
                response.header("connection")
            ));
        }
        return expect_closed(&mut c);
    }
    let requests: Vec<(&str, &str)> = match ask {
        Ask::Get(p) | Ask::Escape(p) => vec![("GET", p)],
        Ask::Head(p) => vec![("HEAD", p)],
        Ask::Pipelined(a, b) => vec![("GET", a), ("GET", b)],
        Ask::Raw(..) => Vec::new(),
    };
    if conn.is_none() {
        *conn = Some(connect(port)?);
    }
    let mut pending = &requests[..];
    while !pending.is_empty() {
        if conn.is_none() {
            *conn = Some(connect(port)?);
        }
        let c = conn.as_mut().ok_or("no connection")?;
        let text: String = pending
            .iter()
            .map(|(method, path)| format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
            .collect();
        c.get_mut()
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot send: {e}"))?;
        let sent = pending;
        for (method, path) in sent {
            let head = *method == "HEAD";
            let response = read_response(c, head)?;
            if String::from_utf8_lossy(&response.body).contains(secret) {
                return Err(format!("{path}: THE SECRET LEAKED"));
            }
            if let Ask::Escape(_) = ask {
                if response.status != 400 && response.status != 404 {
                    return Err(format!("{path}: status {}", response.status));
                }
            } else {
                check(path, &response, head, versions)?;
            }
            pending = &pending[1..];
            if response.closes() {
                // Requests pipelined behind a closing response go again on a new
                // connection, as HTTP clients do.
                expect_closed(c)?;
                *conn = None;
                break;
            }
        }
    }
    Ok(())
}

/// A client that sends half a request and stalls. Returns what it got in the end: the
/// server must cut it off (closing, with or without a 408) instead of waiting forever.
fn stall(port: u16) -> std::thread::JoinHandle<Result<(), String>> {
    std::thread::spawn(move || {
        let mut c = connect(port)?;
        c.get_mut()
            .set_read_timeout(Some(TIMEOUT * 4))
            .map_err(|e| e.to_string())?;
        c.get_mut()
            .write_all(b"GET /orter/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            .map_err(|e| e.to_string())?;
        let mut first = [0u8; 1];
        match c.read(&mut first) {
            Ok(0) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Ok(()),
            Ok(_) => {
                let mut rest = Vec::new();
                let _ = c.read_to_end(&mut rest);
                let text = format!("{}{}", first[0] as char, String::from_utf8_lossy(&rest));
                if text.starts_with("HTTP/1.1 408 ") {
                    Ok(())
                } else {
                    Err(format!("a stalled request got {text:?}"))
                }
            }
            Err(e) => Err(format!("a stalled request was never cut off: {e}")),
        }
    })
}

/// A client that sends a request one byte at a time, a few a second, and would need
/// minutes to finish: the server must give up on it before it is done.
fn trickle(port: u16) -> std::thread::JoinHandle<Result<(), String>> {
    std::thread::spawn(move || {
        let mut c = connect(port)?;
        let mut request = b"GET /".to_vec();
        request.extend(std::iter::repeat_n(b'x', 1200));
        request.extend(b" HTTP/1.1\r\n\r\n");
        for byte in request {
            if c.get_mut().write_all(&[byte]).is_err() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
            // A closed connection shows up as a failed write soon after.
        }
        let status = read_response(&mut c, false).map(|r| r.status);
        Err(format!(
            "a request sent over two minutes was still waited for, then got {status:?}"
        ))
    })
}

#[test]
fn answers_everything_while_rebuilding_under_load() {
    let outputs = tempfile::tempdir().expect("tempdir");
    let (versions, first_state) = reference_versions("nav", outputs.path());
    let paths = urls(&first_state);
    let site = Site::from_fixture("nav");
    let server = start(&site);
    let port = server.port;

    // Secrets one folder above the served folder and in the site root, two above it.
    let secret = format!("{SECRET_PREFIX}{}-{}", std::process::id(), port);
    let serve_folder = server.folder(&std::env::temp_dir());
    std::fs::write(serve_folder.join("hemlig.txt"), &secret).expect("plant a secret");
    let above_site = site.root().parent().expect("a parent");
    let planted = above_site.join("hemlig.txt");
    let _removed_at_the_end = (!planted.exists()).then(|| {
        std::fs::write(&planted, &secret).expect("plant a secret");
        Planted(planted.clone())
    });
    site.write("hemlig.txt", &secret);

    let rx = events(port);
    assert_eq!(next_event(&rx).0, "ready");

    let stalled: Vec<_> = (0..10).map(|_| stall(port)).collect();
    let trickling = trickle(port);

    let gate = Arc::new(Gate {
        stage: Mutex::new(0),
        moved: Condvar::new(),
    });
    let done = Arc::new(AtomicUsize::new(0));
    let more = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let versions = Arc::new(versions);
    let paths = Arc::new(paths);
    let clients: Vec<_> = (0..CLIENTS)
        .map(|j| {
            let (gate, done, versions, paths, secret) = (
                gate.clone(),
                done.clone(),
                versions.clone(),
                paths.clone(),
                SECRET_PREFIX.to_string(),
            );
            let (more, stop) = (more.clone(), stop.clone());
            std::thread::spawn(move || {
                client(
                    j,
                    port,
                    &paths,
                    &versions,
                    &gate,
                    &secret,
                    (&done, &more, &stop),
                )
            })
        })
        .collect();

    // The edits start once the load is under way; each waits for its rebuild.
    let deadline = Instant::now() + TIMEOUT;
    while done.load(Ordering::SeqCst) < 100 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    // Requests answered between each save and its reload event: the rebuilds under load.
    let mut during = Vec::new();
    for (k, (file, change, expected)) in edits().into_iter().enumerate() {
        let text = change(&site.read_string(file));
        let answered = || done.load(Ordering::SeqCst) + more.load(Ordering::SeqCst);
        let before = answered();
        save(site.root(), file, &text);
        gate.open(k + 1);
        let (name, data) = rx.recv_timeout(TIMEOUT).unwrap_or_else(|_| {
            let said: Vec<String> = server.log.try_iter().collect();
            panic!(
                "no reload event within {TIMEOUT:?} after edit {} of {file}; the server said:\n{}",
                k + 1,
                said.join("\n")
            )
        });
        during.push(answered() - before);
        assert_eq!(name, "reload", "edit {} of {file}: {data}", k + 1);
        // The terminal says how: "updated N pages", "rendered N pages again with the
        // changed templates" or "rebuilt N pages".
        let how = loop {
            let line = server.log.recv_timeout(TIMEOUT).expect("a log line");
            if ["updated ", "rendered ", "rebuilt "]
                .iter()
                .any(|w| line.starts_with(w))
            {
                break line;
            }
        };
        assert!(
            how.starts_with(&format!("{expected} ")),
            "edit {} of {file}: {how}",
            k + 1
        );
    }

    stop.store(true, Ordering::SeqCst);
    assert!(
        during.iter().all(|n| *n > 0),
        "requests answered while each edit was rebuilt: {during:?}"
    );

    let mut failures: Vec<String> = clients
        .into_iter()
        .flat_map(|c| c.join().expect("a client thread"))
        .collect();
    for s in stalled {
        if let Err(e) = s.join().expect("a stalled client") {
            failures.push(e);
        }
    }
    if let Err(e) = trickling.join().expect("the trickling client") {
        failures.push(e);
    }
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} failures, the first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(done.load(Ordering::SeqCst), CLIENTS * REQUESTS);

    // Still answering, with the last state of the site.
    let last = outputs.path().join(format!("state-{}", edits().len()));
    let mut c = connect(port).expect("connect after the load");
    c.get_mut()
        .write_all(b"GET /rutiner/cykel/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .expect("send");
    let response = read_response(&mut c, false).expect("a response after the load");
    assert_eq!(response.status, 200);
    let page = without_script(&String::from_utf8_lossy(&response.body)).expect("the script");
    let expected =
        std::fs::read_to_string(last.join("rutiner/cykel/index.html")).expect("last state");
    assert_eq!(page, expected, "the page of the last state");
    assert!(page.contains("cykelhjälmar"), "{page}");
}

//! A small HTTP/1.1 server for `handbok serve` on std's TcpListener: one thread per
//! connection, GET and HEAD only, files from the output folder and nothing outside it,
//! and a server-sent events stream for live reload.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use percent_encoding::percent_decode_str;

use super::Shared;

/// The path of the live-reload event stream.
pub const EVENTS: &str = "/__handbok/events";
/// The path of the live-reload script.
pub const SCRIPT: &str = "/__handbok/livereload.js";

/// Accepts connections until the listener fails.
pub fn run(listener: TcpListener, shared: Shared) {
    for stream in listener.incoming().flatten() {
        let shared = shared.clone();
        std::thread::spawn(move || {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = handle(stream, &shared);
        });
    }
}

struct Request {
    method: String,
    target: String,
}

fn read_request(stream: &TcpStream) -> std::io::Result<Option<Request>> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    let request = Request {
        method: method.to_string(),
        target: target.to_string(),
    };
    // Headers are read and ignored; bodies are not accepted.
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if header.len() > 8192 {
            break;
        }
    }
    Ok(Some(request))
}

fn handle(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let Some(request) = read_request(&stream)? else {
        return Ok(());
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            b"method not allowed\n",
            head_only,
        );
    }
    let path = request
        .target
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    if path == EVENTS {
        return events(stream, shared);
    }
    if path == SCRIPT {
        return respond(
            &mut stream,
            200,
            "text/javascript; charset=utf-8",
            super::LIVERELOAD_JS.as_bytes(),
            head_only,
        );
    }
    let root = shared.output.clone();
    match resolve(&root, &path) {
        Resolved::File(file) => {
            let bytes = std::fs::read(&file)?;
            let kind = content_type(&file);
            if kind.starts_with("text/html") {
                let html = inject(&String::from_utf8_lossy(&bytes));
                respond(&mut stream, 200, kind, html.as_bytes(), head_only)
            } else {
                respond(&mut stream, 200, kind, &bytes, head_only)
            }
        }
        Resolved::Redirect(to) => {
            let head = format!("HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            stream.write_all(head.as_bytes())
        }
        Resolved::BadRequest => respond(
            &mut stream,
            400,
            "text/plain; charset=utf-8",
            b"bad request\n",
            head_only,
        ),
        Resolved::NotFound => {
            let page =
                std::fs::read(root.join("404.html")).map(|b| inject(&String::from_utf8_lossy(&b)));
            let body = page.unwrap_or_else(|_| {
                "<!DOCTYPE html><title>404</title><p>Sidan finns inte.</p>".into()
            });
            respond(
                &mut stream,
                404,
                "text/html; charset=utf-8",
                body.as_bytes(),
                head_only,
            )
        }
    }
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
            return Resolved::Redirect(format!("{url_path}/"));
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

fn respond(
    stream: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// A server-sent events stream: the current state first, then every rebuild's outcome.
fn events(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let rx = shared.subscribe();
    stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n")?;
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

    #[test]
    fn paths_never_leave_the_root() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "x").unwrap();
        assert!(matches!(resolve(dir.path(), "/a/"), Resolved::File(_)));
        assert!(matches!(resolve(dir.path(), "/a"), Resolved::Redirect(_)));
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

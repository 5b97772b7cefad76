//! `handbok serve`'s HTTP side as a browser and an attacker meet it: only its own host
//! names are answered, files are streamed with ranges and revalidated with ETags, large
//! downloads do not fill memory, live-reload sockets do not take the places of pages and
//! are dropped when their client is gone, sources that appear or come back are watched,
//! and SIGTERM or SIGINT stop the server cleanly. Loopback only; every wait is bounded.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{events, next_event, reload_socket, Response, Server, Site};

/// Sends `request` (a whole request head) and reads one response; `head` for HEAD.
fn ask(port: u16, request: &str, head: bool) -> Response {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).ok();
    s.write_all(request.as_bytes()).expect("send");
    let mut reader = BufReader::new(s);
    let mut line = String::new();
    reader.read_line(&mut line).expect("status line");
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("header");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((n, v)) = line.split_once(':') {
            headers.push((n.trim().to_string(), v.trim().to_string()));
        }
    }
    let mut response = Response {
        status,
        headers,
        body: Vec::new(),
    };
    if !head && status != 304 {
        match response
            .header("content-length")
            .map(|l| l.parse::<usize>())
        {
            Some(Ok(n)) => {
                response.body = vec![0; n];
                reader.read_exact(&mut response.body).expect("body");
            }
            _ => {
                reader.read_to_end(&mut response.body).ok();
            }
        }
    }
    response
}

fn get(port: u16, path: &str, extra: &str) -> Response {
    ask(
        port,
        &format!(
            "GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\n{extra}Connection: close\r\n\r\n"
        ),
        false,
    )
}

/// Bytes that differ at every offset, so that a range shows where it was taken from.
fn pattern(len: usize) -> Vec<u8> {
    (0..len)
        .map(|i| (i % 251) as u8 ^ (i / 251) as u8)
        .collect()
}

#[test]
fn only_the_previews_own_host_names_are_answered() {
    let site = Site::from_fixture("basic");
    let server = Server::start(&site, &["--allow-host", "granskning.kommun.se"], &[]);
    let port = server.port;
    let with_host = |host: &str| {
        ask(
            port,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
            false,
        )
    };
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        format!("granskning.kommun.se:{port}"),
    ] {
        assert_eq!(with_host(&host).status, 200, "{host}");
    }
    // A name pointed at 127.0.0.1 by a web page's own DNS (rebinding) gets nothing.
    for host in [
        format!("evil.example:{port}"),
        "localhost.evil.example".into(),
    ] {
        let refused = with_host(&host);
        assert_eq!(refused.status, 403, "{host}");
        let text = String::from_utf8_lossy(&refused.body);
        assert!(text.contains("--allow-host"), "{text}");
        assert!(!text.contains("<html"), "no page of the site: {text}");
    }
    let no_host = ask(port, "GET / HTTP/1.0\r\n\r\n", false);
    assert_eq!(no_host.status, 400);
    // The reload socket refuses pages of other sites, which could read build errors, and
    // of another server on localhost: the origin is scheme, host and port.
    for (host, origin) in [
        (
            format!("127.0.0.1:{port}"),
            "http://evil.example".to_string(),
        ),
        (
            format!("localhost:{port}"),
            "http://localhost:3000".to_string(),
        ),
    ] {
        match tungstenite::connect(socket_request(port, &host, &origin)) {
            Err(tungstenite::Error::Http(response)) => assert_eq!(response.status(), 403),
            other => panic!("{origin} must be refused, got {:?}", other.map(|_| ())),
        }
    }
    let own = socket_request(
        port,
        &format!("localhost:{port}"),
        &format!("http://localhost:{port}"),
    );
    assert!(tungstenite::connect(own).is_ok(), "a page of the preview");
    // Hidden files of the served folder (the build's own) are not served.
    let marker = ask(
        port,
        &format!(
            "GET /.handbok-output HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
        ),
        false,
    );
    assert_eq!(marker.status, 404);
}

/// The opening of a reload socket as a page at `origin` asks for it under `host`.
fn socket_request(port: u16, host: &str, origin: &str) -> tungstenite::handshake::client::Request {
    tungstenite::handshake::client::Request::builder()
        .uri(format!("ws://127.0.0.1:{port}/__handbok/ws"))
        .header("Host", host)
        .header("Origin", origin)
        .header("Connection", "Upgrade")
        .header("Upgrade", "websocket")
        .header("Sec-WebSocket-Version", "13")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
        .body(())
        .expect("request")
}

#[test]
fn files_come_in_ranges_and_are_revalidated_with_etags() {
    let site = Site::from_fixture("basic");
    let bytes = pattern(300_000);
    site.write("static/rapport.pdf", &bytes);
    site.write("static/mall.docx", b"PK\x03\x04");
    site.write("static/film.mp4", b"\0\0\0\x18ftypmp42");
    site.write("static/bild.avif", b"\0\0\0\x1cftypavif");
    let server = Server::start(&site, &[], &[]);
    let port = server.port;

    let whole = get(port, "/rapport.pdf", "");
    assert_eq!(whole.status, 200);
    assert_eq!(whole.body, bytes);
    assert_eq!(whole.header("content-type"), Some("application/pdf"));
    assert_eq!(whole.header("accept-ranges"), Some("bytes"));
    let etag = whole.header("etag").expect("an ETag").to_string();
    let modified = whole
        .header("last-modified")
        .expect("a Last-Modified")
        .to_string();

    // A PDF viewer asks for pieces.
    let part = get(port, "/rapport.pdf", "Range: bytes=1000-1999\r\n");
    assert_eq!(part.status, 206);
    assert_eq!(part.body, &bytes[1000..2000]);
    assert_eq!(
        part.header("content-range"),
        Some(format!("bytes 1000-1999/{}", bytes.len()).as_str())
    );
    let tail = get(port, "/rapport.pdf", "Range: bytes=-500\r\n");
    assert_eq!(tail.status, 206);
    assert_eq!(tail.body, &bytes[bytes.len() - 500..]);
    let beyond = get(port, "/rapport.pdf", "Range: bytes=400000-\r\n");
    assert_eq!(beyond.status, 416);
    // One ETag for the file whichever way it is sent (whole, or a range).
    assert_eq!(part.header("etag"), Some(etag.as_str()));
    let resumed = get(
        port,
        "/rapport.pdf",
        &format!("Range: bytes=1000-1999\r\nIf-Range: {etag}\r\n"),
    );
    assert_eq!(resumed.status, 206);

    // Revalidation: the same version is not sent again.
    let same = get(port, "/rapport.pdf", &format!("If-None-Match: {etag}\r\n"));
    assert_eq!(same.status, 304);
    assert!(same.body.is_empty());
    assert_eq!(same.header("etag"), Some(etag.as_str()));
    let since = get(
        port,
        "/rapport.pdf",
        &format!("If-Modified-Since: {modified}\r\n"),
    );
    assert_eq!(since.status, 304);
    let other = get(port, "/rapport.pdf", "If-None-Match: \"något-annat\"\r\n");
    assert_eq!(other.status, 200);
    assert_eq!(other.body.len(), bytes.len());

    // HEAD: the headers of GET, no body.
    let head = ask(
        port,
        "HEAD /rapport.pdf HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        true,
    );
    assert_eq!(head.status, 200);
    assert_eq!(
        head.header("content-length"),
        Some(bytes.len().to_string().as_str())
    );

    // Types from a maintained table; text in UTF-8.
    for (path, kind) in [
        (
            "/mall.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("/film.mp4", "video/mp4"),
        ("/bild.avif", "image/avif"),
    ] {
        assert_eq!(
            get(port, path, "").header("content-type"),
            Some(kind),
            "{path}"
        );
    }

    // A page: the live-reload script added, whole even when a range is asked for, and
    // revalidated with its ETag.
    let page = get(port, "/natverk/social-hallbarhet/", "");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let html = String::from_utf8_lossy(&page.body).to_string();
    assert!(html.contains("/__handbok/livereload.js"));
    assert!(html.trim_end().ends_with("</html>"), "whole: {html}");
    let ranged = get(port, "/natverk/social-hallbarhet/", "Range: bytes=0-9\r\n");
    assert_eq!(ranged.status, 200);
    assert_eq!(ranged.body, page.body);
    let page_tag = page.header("etag").expect("a page ETag").to_string();
    let again = get(
        port,
        "/natverk/social-hallbarhet/",
        &format!("If-None-Match: {page_tag}\r\n"),
    );
    assert_eq!(again.status, 304);
    let page_head = ask(
        port,
        "HEAD /natverk/social-hallbarhet/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        true,
    );
    assert_eq!(
        page_head.header("content-length"),
        Some(page.body.len().to_string().as_str()),
        "HEAD tells the length of what GET sends"
    );

    // The PDF is replaced by one of the same length: a download resumed with the old
    // version's ETag gets the whole new file, never a piece of it joined to the old one.
    let mut replaced = bytes.clone();
    replaced[1500] ^= 0xff;
    site.write("static/rapport.pdf", &replaced);
    let deadline = Instant::now() + Duration::from_secs(20);
    while get(port, "/rapport.pdf", "").body != replaced && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let stale = get(
        port,
        "/rapport.pdf",
        &format!("Range: bytes=1000-1999\r\nIf-Range: {etag}\r\n"),
    );
    assert_eq!(stale.status, 200);
    assert_eq!(stale.body, replaced);
    assert_ne!(stale.header("etag"), Some(etag.as_str()));
    let old_version = get(port, "/rapport.pdf", &format!("If-None-Match: {etag}\r\n"));
    assert_eq!(old_version.status, 200, "the old ETag no longer matches");

    // A page carries the build state it was served in, which its socket compares with
    // the state it hears: a build that happened while it loaded reloads it.
    let state_of = |page: &Response| {
        let html = String::from_utf8_lossy(&page.body).to_string();
        html.split("data-state=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(str::to_string)
            .expect("a data-state on the script tag")
    };
    let state_before = state_of(&page);
    assert!(
        page.header("last-modified").is_none(),
        "pages are revalidated by ETag only"
    );

    // After an edit the page has a new ETag, so the old one no longer matches.
    let rx = events(port);
    assert_eq!(next_event(&rx).0, "ready");
    let file = "content/natverk/social-hållbarhet.md";
    let original = site.read_string(file);
    site.write(file, format!("{original}\nEn ny mening.\n"));
    assert_eq!(next_event(&rx).0, "reload");
    let changed = get(
        port,
        "/natverk/social-hallbarhet/",
        &format!("If-None-Match: {page_tag}\r\n"),
    );
    assert_eq!(changed.status, 200);
    assert!(String::from_utf8_lossy(&changed.body).contains("En ny mening."));
    assert_ne!(state_of(&changed), state_before);
}

/// The resident memory of process `pid` in bytes.
fn resident(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .expect("VmRSS")
        * 1024
}

#[test]
#[cfg(target_os = "linux")]
fn twelve_downloads_of_a_large_file_do_not_fill_memory() {
    const SIZE: usize = 150 << 20;
    let site = Site::from_fixture("basic");
    let mut big = pattern(1 << 20);
    big.truncate(1 << 20);
    let mut file = std::fs::File::create(site.path("static/protokoll.pdf"))
        .or_else(|_| {
            std::fs::create_dir_all(site.path("static"))?;
            std::fs::File::create(site.path("static/protokoll.pdf"))
        })
        .expect("create");
    for _ in 0..SIZE >> 20 {
        file.write_all(&big).expect("write");
    }
    drop(file);
    let server = Server::start(&site, &[], &[]);
    let port = server.port;
    let pid = server.child.id();
    assert_eq!(get(port, "/", "").status, 200);
    let idle = resident(pid);
    let clients: Vec<_> = (0..12)
        .map(|_| {
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
                s.set_read_timeout(Some(Duration::from_secs(60))).ok();
                write!(
                    s,
                    "GET /protokoll.pdf HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                )
                .expect("send");
                let mut total = 0usize;
                let mut buffer = vec![0u8; 1 << 16];
                let mut head_done = false;
                let mut head = Vec::new();
                loop {
                    let n = s.read(&mut buffer).expect("read");
                    if n == 0 {
                        break;
                    }
                    if head_done {
                        total += n;
                    } else {
                        head.extend_from_slice(&buffer[..n]);
                        if let Some(i) = head.windows(4).position(|w| w == b"\r\n\r\n") {
                            head_done = true;
                            total += head.len() - i - 4;
                        }
                    }
                    // A reader slower than the disk, as browsers on a network are.
                    std::thread::sleep(Duration::from_micros(200));
                }
                total
            })
        })
        .collect();
    let mut peak = idle;
    while clients.iter().any(|c| !c.is_finished()) {
        peak = peak.max(resident(pid));
        std::thread::sleep(Duration::from_millis(10));
    }
    for c in clients {
        assert_eq!(
            c.join().expect("client"),
            SIZE,
            "each client got the whole file"
        );
    }
    let above = peak.saturating_sub(idle);
    eprintln!(
        "12 downloads of 150 MB: {} MB above the idle {} MB",
        above >> 20,
        idle >> 20
    );
    assert!(
        above < 100 << 20,
        "12 downloads of 150 MB took {} MB above the idle {} MB",
        above >> 20,
        idle >> 20
    );
}

/// A `handbok serve` in this process, with short limits for the reload sockets.
fn serve_here(site: &Site, limits: handbok::Limits) -> u16 {
    let mut build = handbok::BuildOptions::new(site.root());
    build.overrides.base_url = Some("/".into());
    let options = handbok::ServeOptions {
        build,
        bind: "127.0.0.1".into(),
        port: 0,
        allowed_hosts: Vec::new(),
        poll: None,
        limits,
        lang: handbok::Lang::En,
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let log: handbok::Log = std::sync::Arc::new(|_: &str| {});
    std::thread::spawn(move || handbok::serve(options, log, Some(tx)));
    let url = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server starts");
    url.trim_end_matches('/')
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port")
}

#[test]
fn reload_sockets_do_not_take_the_places_of_pages_and_idle_ones_are_dropped() {
    let site = Site::from_fixture("basic");
    let limits = handbok::Limits {
        connections: 8,
        reload_timeout: Duration::from_secs(2),
        ..handbok::Limits::default()
    };
    let port = serve_here(&site, limits);
    // 20 open pages listening (more than the 8 places for pages), all told the state.
    let mut listening: Vec<_> = (0..20).map(|_| reload_socket(port)).collect();
    for socket in &mut listening {
        let first = socket.read().expect("the state");
        assert!(
            first.to_text().unwrap_or("").contains("\"ready\""),
            "{first}"
        );
    }
    // Pages load meanwhile, six at once as a browser does, round after round.
    for _ in 0..4 {
        let loads: Vec<_> = (0..6)
            .map(|_| {
                std::thread::spawn(move || get(port, "/natverk/social-hallbarhet/", "").status)
            })
            .collect();
        for load in loads {
            assert_eq!(load.join().expect("a page load"), 200);
        }
    }
    // An edit reaches every listening page; they keep reading, so the heartbeat is
    // answered and they stay, past the timeout.
    let file = "content/natverk/social-hållbarhet.md";
    let original = site.read_string(file);
    site.write(file, format!("{original}\nÄndrad.\n"));
    for socket in &mut listening {
        socket
            .get_mut()
            .set_read_timeout(Some(Duration::from_secs(20)))
            .ok();
        loop {
            let message = socket.read().expect("a message");
            if message.to_text().unwrap_or("").contains("\"reload\"") {
                break;
            }
        }
    }
    // Keep reading (answering pings) on one socket for twice the timeout: it stays open.
    let keep = Instant::now() + Duration::from_secs(4);
    let mut kept = listening.pop().expect("a socket");
    kept.get_mut()
        .set_read_timeout(Some(Duration::from_millis(200)))
        .ok();
    while Instant::now() < keep {
        match kept.read() {
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(e) => panic!("a socket that answers its heartbeat was closed: {e}"),
        }
    }
    // A client that never reads never answers the heartbeat: dropped after the timeout.
    let mut silent = reload_socket(port);
    std::thread::sleep(Duration::from_secs(4));
    silent
        .get_mut()
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok();
    let closed_by_server = loop {
        match silent.read() {
            Ok(tungstenite::Message::Close(_)) => continue,
            Ok(_) => continue,
            Err(tungstenite::Error::ConnectionClosed)
            | Err(tungstenite::Error::AlreadyClosed)
            | Err(tungstenite::Error::Protocol(_)) => break true,
            Err(tungstenite::Error::Io(e)) => {
                break !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                )
            }
            Err(_) => break true,
        }
    };
    assert!(closed_by_server, "the silent socket was dropped");
    // Pages still load.
    assert_eq!(get(port, "/", "").status, 200);
}

/// Waits for a log line of the server that contains `what`, at most 30 s.
fn wait_for_log(server: &Server, what: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(line) = server.log.recv_timeout(Duration::from_millis(100)) {
            if line.contains(what) {
                return line;
            }
        }
    }
    panic!("the server never said {what:?}");
}

fn sources_that_come_and_go_are_watched(args: &[&str]) {
    let site = Site::from_fixture("basic");
    let _ = std::fs::remove_dir_all(site.path("static"));
    let server = Server::start(&site, args, &[]);
    let port = server.port;
    assert_eq!(get(port, "/ny.txt", "").status, 404);
    // A static folder made after the start.
    std::fs::create_dir(site.path("static")).expect("mkdir");
    site.write("static/ny.txt", "första");
    wait_for_log(&server, "rebuilt");
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut found = get(port, "/ny.txt", "");
    while found.status != 200 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        found = get(port, "/ny.txt", "");
    }
    assert_eq!(found.status, 200);
    assert_eq!(found.body, "första".as_bytes());
    // A later change in it.
    site.write("static/ny.txt", "andra");
    let deadline = Instant::now() + Duration::from_secs(20);
    while get(port, "/ny.txt", "").body != b"andra" && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(get(port, "/ny.txt", "").body, b"andra");

    // content/ removed and made again, as `git switch` does: later edits still count.
    let content = site.path("content");
    let aside = site.root().join("content-undan");
    std::fs::rename(&content, &aside).expect("move content away");
    wait_for_log(&server, "failed");
    std::fs::rename(&aside, &content).expect("move content back");
    wait_for_log(&server, "rebuilt");
    let file = "content/natverk/social-hållbarhet.md";
    let original = site.read_string(file);
    site.write(file, format!("{original}\nEfter bytet av gren.\n"));
    let deadline = Instant::now() + Duration::from_secs(20);
    let page = |port| {
        String::from_utf8_lossy(&get(port, "/natverk/social-hallbarhet/", "").body).to_string()
    };
    while !page(port).contains("Efter bytet av gren.") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(page(port).contains("Efter bytet av gren."));
}

#[test]
fn a_new_static_folder_and_a_recreated_content_folder_are_watched() {
    sources_that_come_and_go_are_watched(&[]);
}

#[test]
fn polling_finds_the_same_changes() {
    sources_that_come_and_go_are_watched(&["--poll", "100"]);
}

#[test]
#[cfg(unix)]
fn sigterm_and_sigint_stop_the_server_cleanly() {
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let site = Site::from_fixture("basic");
        let temp = tempfile::tempdir().expect("temp");
        let temp_path = temp.path().to_string_lossy().to_string();
        let mut server = Server::start(&site, &[], &[("TMPDIR", temp_path.as_str())]);
        let folder = server.folder(temp.path());
        assert!(folder.join("public/index.html").is_file());
        // SAFETY: a plain kill(2) on the child's process id.
        let sent = unsafe { libc::kill(server.child.id() as libc::pid_t, signal) };
        assert_eq!(sent, 0);
        let deadline = Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = server.child.try_wait().expect("wait") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "still running after signal {signal}"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "signal {signal}: {status:?}");
        assert!(!folder.exists(), "its private folder is removed");
    }
}

#[test]
fn a_full_server_says_busy_and_recovers() {
    let site = Site::from_fixture("basic");
    let limits = handbok::Limits {
        connections: 2,
        request_timeout: Duration::from_secs(2),
        ..handbok::Limits::default()
    };
    let port = serve_here(&site, limits);
    assert_eq!(get(port, "/", "").status, 200);
    // Clients that stall halfway through their requests take the places (the first
    // request's place may still be coming free: as many as it takes, a few at most).
    let mut stalled = Vec::new();
    let mut busy = 0;
    for _ in 0..6 {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.write_all(b"GET / HTTP/1.1\r\nHo").expect("send");
        stalled.push(s);
        std::thread::sleep(Duration::from_millis(50));
        busy = get(port, "/", "").status;
        if busy == 503 {
            break;
        }
    }
    assert_eq!(busy, 503);
    // A stalled client is dropped once its request is overdue; the places come free.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut status = 0;
    while Instant::now() < deadline {
        status = get(port, "/", "").status;
        if status == 200 {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(status, 200);
    drop(stalled);
}

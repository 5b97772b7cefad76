//! `handbok serve` on a free port against a fixture site: pages are served with the
//! live-reload script, an edit rebuilds and sends a reload event, a broken file keeps the
//! last good site and sends the errors for the overlay, fixing it recovers, and nothing
//! outside the output is ever served.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::{events, next_event, Server, Site};

fn start(site: &Site) -> Server {
    Server::start(site, &[], &[])
}

/// A raw GET on a connection that closes after the response; returns (status, body).
fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).ok();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = String::new();
    s.read_to_string(&mut response).expect("read");
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn edit_reload_break_overlay_fix_recover() {
    let site = Site::from_fixture("basic");
    let server = start(&site);
    let (status, page) = get(server.port, "/natverk/social-hallbarhet/");
    assert_eq!(status, 200);
    assert!(
        page.contains("/__handbok/livereload.js"),
        "the page loads the live-reload script"
    );
    let rx = events(server.port);
    assert_eq!(next_event(&rx).0, "ready");

    // An edit rebuilds and reloads, and the new text is served.
    let file = "content/natverk/social-hållbarhet.md";
    let original = site.read_string(file);
    site.write(
        file,
        format!("{original}\nEn helt ny mening om cykelbanor.\n"),
    );
    assert_eq!(next_event(&rx).0, "reload");
    assert!(get(server.port, "/natverk/social-hallbarhet/")
        .1
        .contains("cykelbanor"));

    // A broken file: an error event naming file and line, the last good page still served.
    site.write(file, original.replacen("title:", "titel:", 1));
    let (name, data) = next_event(&rx);
    assert_eq!(name, "error");
    let errors: serde_json::Value = serde_json::from_str(&data).expect("errors as JSON");
    let first = &errors[0];
    assert_eq!(first["file"], "content/natverk/social-hållbarhet.md");
    assert!(first["line"].as_u64().is_some(), "{first}");
    assert!(get(server.port, "/natverk/social-hallbarhet/")
        .1
        .contains("cykelbanor"));
    // A page opened now gets the current errors first.
    assert_eq!(next_event(&events(server.port)).0, "error");

    // Fixed: a reload, and the overlay's source of errors is gone.
    site.write(file, &original);
    assert_eq!(next_event(&rx).0, "reload");
    assert_eq!(next_event(&events(server.port)).0, "ready");
    assert!(!get(server.port, "/natverk/social-hallbarhet/")
        .1
        .contains("cykelbanor"));
}

#[test]
fn nothing_outside_the_output_is_served() {
    let site = Site::from_fixture("basic");
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("hemlig.txt"), "hemlig").expect("write");
    let server = start(&site);
    for path in [
        "/../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/natverk/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fetc%2fpasswd",
    ] {
        let (status, body) = get(server.port, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains("root:"), "{path}");
    }
    // A symbolic link in the output that leads out of it is not followed.
    let served = server.folder(&std::env::temp_dir()).join("public");
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), served.join("ut")).expect("symlink");
    let (status, body) = get(server.port, "/ut/hemlig.txt");
    assert_eq!(status, 404);
    assert!(!body.contains("hemlig"));
    // Folders get their index.html, misses the 404 page, with the right content types.
    assert_eq!(get(server.port, "/natverk").0, 301);
    let (status, body) = get(server.port, "/finns-inte/");
    assert_eq!(status, 404);
    assert!(body.contains("<h1>"), "the site's 404 page");
}

#[test]
fn an_edit_updates_the_pages_that_depend_on_it() {
    let site = Site::from_fixture("basic");
    let server = start(&site);
    let rx = events(server.port);
    assert_eq!(next_event(&rx).0, "ready");
    let target = "/styrgrupp/anvisningar/";
    let backlinks = |port| {
        let (_, page) = get(port, target);
        page.split("class=\"backlinks\"")
            .nth(1)
            .map(|b| b.split("</section>").next().unwrap_or("").to_string())
    };
    let before = backlinks(server.port).unwrap_or_default();
    assert!(!before.contains("Ekologisk"), "{before}");
    // Ekologi gains a link to the instructions: their backlinks list it after the reload.
    let file = "content/natverk/ekologi.md";
    let original = site.read_string(file);
    site.write(
        file,
        format!("{original}\nSe [anvisningarna](../styrgrupp/anvisningar.md#mandat).\n"),
    );
    assert_eq!(next_event(&rx).0, "reload");
    let after = backlinks(server.port).expect("a backlinks section");
    assert!(after.contains("natverk/ekologisk-hallbarhet/"), "{after}");
    // And loses it again.
    site.write(file, &original);
    assert_eq!(next_event(&rx).0, "reload");
    assert!(!backlinks(server.port)
        .unwrap_or_default()
        .contains("natverk/ekologisk-hallbarhet/"));
    // A link to a heading that does not exist is an error, and the old page stays.
    site.write(
        file,
        format!("{original}\nSe [saknad](../styrgrupp/anvisningar.md#finns-inte).\n"),
    );
    let (name, data) = next_event(&rx);
    assert_eq!(name, "error");
    assert!(data.contains("finns-inte"), "{data}");
}

//! The machine-read outputs (issue 21): the Atom feed and the sitemap are well-formed XML
//! even when a title holds a control character, the sitemap gives only absolute addresses
//! (and is left out, with one warning, when `base_url` is a path), meeting calendars drop
//! control characters, files that operating systems and office programs leave beside
//! documents are never published, and a `language:` the theme has no texts for is named.

mod common;

use common::{files, run_in, Server, Site};

const BASE: &str = "https://intranat.example.se/hallbarhet/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAPS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The C0 control characters a YAML escape can put into a title, and DEL.
const CONTROLS: &str = "\\u0001\\u0007\\u000B\\u001F\\u007F";

/// The 1-based line of `base_url:` (or another top-level key) in the site's handbok.yaml.
fn config_line(site: &Site, key: &str) -> usize {
    site.read_string("handbok.yaml")
        .lines()
        .position(|l| l.starts_with(&format!("{key}:")))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no {key}: line"))
}

/// The `governance` fixture (an absolute `base_url`, meetings) with a meeting page whose
/// title, description, place and theme hold control characters.
fn site_with_control_characters() -> Site {
    let site = Site::from_fixture("governance");
    site.write(
        "content/moten/nsh-mars.md",
        format!(
            "---\ntitle: \"Mål{CONTROLS} i mars\"\ndescription: \"Vi\\x0Bses{CONTROLS}!\"\n\
             date: 2025-02-01\nmeeting:\n  network: ../natverk/social-hallbarhet.md\n  \
             date: 2025-03-12\n  start: \"13:00\"\n  place: \"Rådhuset{CONTROLS}\"\n  \
             theme: \"Året\\u0001\"\n---\n\nProtokoll kommer.\n"
        ),
    );
    site
}

#[test]
fn feed_and_sitemap_parse_when_titles_hold_control_characters() {
    let site = site_with_control_characters();
    site.build_ok(&[]);

    let feed_text = site.read_string("public/atom.xml");
    let feed = roxmltree::Document::parse(&feed_text)
        .unwrap_or_else(|e| panic!("atom.xml is not XML: {e}\n{feed_text:?}"));
    assert_eq!(feed.root_element().tag_name().namespace(), Some(ATOM));
    let entry = feed
        .descendants()
        .filter(|n| n.has_tag_name((ATOM, "entry")))
        .find(|e| {
            e.children().any(|l| {
                l.has_tag_name((ATOM, "link"))
                    && l.attribute("href") == Some(&format!("{BASE}moten/nsh-mars/"))
            })
        })
        .expect("the meeting page's entry in the feed");
    let child = |name: &str| {
        entry
            .children()
            .find(|n| n.has_tag_name((ATOM, name)))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    // The forbidden characters are gone; DEL, which XML 1.0 allows, stays.
    assert_eq!(child("title"), "Mål\u{7F} i mars");
    assert_eq!(child("summary"), "Vises\u{7F}!");
    assert!(
        !feed_text.contains(|c: char| c.is_control() && !"\n\u{7F}".contains(c)),
        "a control character in atom.xml"
    );

    let sitemap_text = site.read_string("public/sitemap.xml");
    let sitemap = roxmltree::Document::parse(&sitemap_text).expect("sitemap.xml is XML");
    assert_eq!(sitemap.root_element().tag_name().name(), "urlset");
    let locs: Vec<&str> = sitemap
        .descendants()
        .filter(|n| n.has_tag_name((SITEMAPS, "loc")))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&BASE));
    assert!(locs.contains(&format!("{BASE}moten/nsh-mars/").as_str()));
    for loc in &locs {
        assert!(loc.starts_with(BASE), "not absolute: {loc}");
    }
    assert!(!site.path("public/sitemap-1.xml").exists());
}

#[test]
fn meeting_calendars_drop_control_characters() {
    let site = site_with_control_characters();
    site.build_ok(&[]);
    let text = site.read_string("public/natverk/social-hallbarhet/moten.ics");
    assert!(
        !text.contains(|c: char| c.is_control() && c != '\r' && c != '\n'),
        "a control character in the calendar: {text:?}"
    );
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("the calendar parses");
    let event = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .find(|c| {
            c.find_prop("SUMMARY")
                .is_some_and(|p| p.val.as_str().starts_with("Mål"))
        })
        .expect("the meeting in the calendar");
    let value = |name: &str| event.find_prop(name).map(|p| p.val.to_string());
    assert_eq!(value("SUMMARY").as_deref(), Some("Mål i mars"));
    assert_eq!(value("LOCATION").as_deref(), Some("Rådhuset"));
}

#[test]
fn a_path_as_base_url_writes_no_sitemap_and_says_so_once() {
    let site = Site::from_fixture("basic");
    // A sitemap of an earlier build with an absolute base URL does not stay behind.
    site.build_ok(&["--base-url", BASE]);
    assert!(site.path("public/sitemap.xml").is_file());

    let run = site.build_ok(&[]);
    assert!(!site.path("public/sitemap.xml").exists());
    assert!(!files(&site.snapshot("public"))
        .iter()
        .any(|f| f.starts_with("sitemap")));
    let line = config_line(&site, "base_url");
    let at = format!("handbok.yaml:{line}:1: warning: ");
    assert_eq!(
        run.line_starting_with(&at),
        format!(
            "{at}the sitemap (sitemap.xml) was left out: it needs absolute addresses, \
             and base_url `/` is not one"
        )
    );
    assert_eq!(
        run.hint_after(&at),
        "write the site's full address in handbok.yaml, e.g. \
         `base_url: https://intranat.kommun.se/hallbarhet/`"
    );
    let said = run
        .stderr
        .matches("left out: it needs absolute addresses")
        .count();
    assert_eq!(said, 1, "{}", run.stderr);

    let swedish = site.run(&["--lang", "sv", "check"]);
    swedish.expect_success();
    let at = format!("handbok.yaml:{line}:1: varning: ");
    assert_eq!(
        swedish.line_starting_with(&at),
        format!(
            "{at}webbplatskartan (sitemap.xml) skapades inte: den måste innehålla fullständiga \
             adresser, och base_url `/` är ingen fullständig adress"
        )
    );
    let tips = swedish
        .stderr
        .lines()
        .skip_while(|l| !l.starts_with(&at))
        .nth(1);
    assert_eq!(
        tips,
        Some(
            "  tips: skriv webbplatsens fullständiga adress i handbok.yaml, t.ex. \
             `base_url: https://intranat.kommun.se/hallbarhet/`"
        )
    );

    // A path given on the command line: the hint names the option, not the file.
    let run = site.build_ok(&["--base-url", "/hallbarhet/"]);
    let at = "warning: the sitemap (sitemap.xml) was left out";
    assert!(run
        .line_starting_with(at)
        .contains("base_url `/hallbarhet/`"));
    assert!(run.hint_after(at).contains("--base-url https://"));
    assert!(!site.path("public/sitemap.xml").exists());
}

#[test]
fn a_preview_says_nothing_about_the_sitemap() {
    // `serve` builds with `base_url: /` whatever the site has: the sitemap's warning would be
    // noise there, and with --strict it would stop every preview build.
    let site = Site::from_fixture("basic");
    site.write("handbok.yaml", "title: Förhandsvisning\nbase_url: /\n");
    std::fs::remove_dir_all(site.path("content")).expect("remove content/");
    site.write(
        "content/_index.md",
        "---\ntitle: Start\n---\n\nVälkommen.\n",
    );
    std::fs::remove_dir_all(site.path("static")).expect("remove static/");
    let check = site.run(&["check", "--strict"]);
    check.expect_code(1);
    assert!(check.stderr.contains("sitemap"), "{}", check.stderr);

    let server = Server::start(&site, &["--strict"], &[("HANDBOK_LANG", "en")]);
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    std::io::Write::write_all(
        &mut stream,
        b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .expect("send");
    let mut response = String::new();
    std::io::Read::read_to_string(&mut stream, &mut response).expect("read");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("Välkommen."), "{response}");
}

/// The files an editor's computer leaves in folders, with a line about them.
const LEFT_BEHIND: [(&str, &str); 12] = [
    (
        "content/natverk/karta/~$rapport.docx",
        "an Office lock file",
    ),
    ("content/natverk/karta/Thumbs.db", "thumbnail pictures"),
    ("content/natverk/karta/._karta.png", "extra information"),
    ("content/natverk/desktop.ini", "Windows' settings"),
    ("content/natverk/.DS_Store", "the Mac's settings"),
    ("content/~WRL0001.tmp", "a temporary file that Office"),
    ("static/Thumbs.db", "thumbnail pictures"),
    ("static/.DS_Store", "the Mac's settings"),
    ("static/bilder/Desktop.ini", "Windows' settings"),
    ("static/bilder/~$protokoll.xlsx", "an Office lock file"),
    ("static/.~lock.rapport.docx#", "a LibreOffice lock file"),
    ("themes/default/static/THUMBS.DB", "thumbnail pictures"),
];

#[test]
fn files_left_behind_by_office_windows_and_macs_are_never_published() {
    let site = Site::from_fixture("basic");
    for (file, _) in LEFT_BEHIND {
        site.write(file, "Anna Andersson,ANNA-PC,anna\n");
    }
    // Hidden files of static/ that a site publishes on purpose still are.
    site.write(
        "static/.well-known/security.txt",
        "Contact: mailto:it@kommun.se\n",
    );
    let run = site.build_ok(&[]);

    let out = site.snapshot("public");
    for (file, bytes) in &out {
        assert!(
            !String::from_utf8_lossy(bytes).contains("Anna Andersson"),
            "{file} was published with the user name"
        );
    }
    for name in [
        "~$",
        "Thumbs",
        "THUMBS",
        "esktop.ini",
        "DS_Store",
        "._",
        "~lock",
        ".tmp",
    ] {
        assert!(
            !files(&out).iter().any(|f| f.contains(name)),
            "a file with {name:?} in its name was published: {:?}",
            files(&out)
        );
    }
    // The site's own files beside them are.
    for file in [
        "natverk/karta/karta.png",
        "natverk/karta/underlag.pdf",
        "bilder/logga.svg",
        "robots.txt",
        ".well-known/security.txt",
    ] {
        assert!(out.contains_key(file), "{file} missing");
    }

    for (file, why) in LEFT_BEHIND {
        let at = format!("{file}: warning: left out of the site: ");
        assert!(run.line_starting_with(&at).contains(why), "{}", run.stderr);
        assert_eq!(
            run.hint_after(&at),
            "delete the file, or add its name to .gitignore so that it does not come along in git"
        );
    }
    assert_eq!(
        run.stderr.matches("left out of the site").count(),
        LEFT_BEHIND.len(),
        "one warning per file:\n{}",
        run.stderr
    );
    assert!(run.stdout.contains(&format!(
        "{} warnings",
        run.stderr.matches("warning: ").count()
    )));
}

#[test]
fn a_language_the_theme_has_no_texts_for_is_named_at_its_line() {
    let site = Site::from_fixture("basic");
    let config = site.read_string("handbok.yaml");
    site.write(
        "handbok.yaml",
        config.replace("language: sv\n", "language: de\n"),
    );
    let line = config_line(&site, "language");
    let run = site.run(&["check"]);
    run.expect_success();
    let at = format!("handbok.yaml:{line}:1: warning: ");
    assert_eq!(
        run.line_starting_with(&at),
        format!(
            "{at}the theme has interface texts in sv only; pages in `de` get Swedish menus \
             and buttons"
        )
    );
    assert_eq!(
        run.hint_after(&at),
        "add the file themes/default/i18n/de.yaml with the theme's texts translated, \
         or write `language: sv`"
    );
    let swedish = site.run(&["--lang", "sv", "check"]);
    let at = format!("handbok.yaml:{line}:1: varning: ");
    assert!(swedish.line_starting_with(&at).ends_with(
        "temat har gränssnittstexter bara för sv; sidor på `de` får menyer och knappar på svenska"
    ));

    // A theme with English texts: `en` (and `en-GB`) get them, without a word; `de` is told
    // both languages there are.
    site.write(
        "themes/default/i18n/en.yaml",
        "skip_link: Skip to the content\n",
    );
    site.write(
        "handbok.yaml",
        config.replace("language: sv\n", "language: en-GB\n"),
    );
    let run = site.build_ok(&[]);
    assert!(!run.stderr.contains("interface texts"), "{}", run.stderr);
    assert!(
        site.read_string("public/natverk/index.html")
            .contains("Skip to the content"),
        "the English text is not used"
    );
    site.write(
        "handbok.yaml",
        config.replace("language: sv\n", "language: de\n"),
    );
    let run = site.run(&["check"]);
    assert!(run
        .line_starting_with(&format!("handbok.yaml:{line}:1: warning: "))
        .contains("interface texts in en, sv only"));

    // Swedish in any spelling is what the theme has.
    site.write(
        "handbok.yaml",
        config.replace("language: sv\n", "language: sv-SE\n"),
    );
    let run = run_in(site.root(), &["check"]);
    assert!(!run.stderr.contains("interface texts"), "{}", run.stderr);
}

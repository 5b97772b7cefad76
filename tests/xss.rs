//! No script injection: a site with `<script>alert(1)</script>`, a quote-breaking
//! `"><img src=x onerror=alert(1)>` and `javascript:alert(1)` in every field that reaches
//! the output (`tests/fixtures/xss/`) is built, and every file written is checked in its own
//! language: HTML parsed (no foreign scripts, no `on*` attributes, no script URLs), the Atom
//! feed and sitemap parsed as XML, the calendar parsed as iCalendar (no injected
//! properties), the CSV read as CSV (no spreadsheet formulas), the search index read as JSON
//! (plain text, which the theme's JavaScript only ever inserts as text). Each field is also
//! found back whole, as text, so that a field cannot pass by being dropped.

mod common;

use std::collections::BTreeSet;

use common::{run_in, sel, Site, Snapshot};
use scraper::Html;

/// The payload every field carries after a prefix naming the field.
const PAYLOAD: &str =
    r#"<script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1)"#;

/// The fields shown in HTML, by the prefix their value starts with in the fixture.
const HTML_FIELDS: &[(&str, &str)] = &[
    ("config title", "Handbok"),
    ("config description", "Beskrivning"),
    ("taxonomy singular", "Tema"),
    ("taxonomy plural", "Teman"),
    ("config document type / document.type", "typ"),
    ("config extra", "Extra"),
    ("accessibility organisation", "Kommun"),
    ("accessibility service", "Tjänst"),
    ("accessibility shortcoming issue", "Brist"),
    ("accessibility shortcoming reason", "Skäl"),
    ("accessibility criteria", "1.4.3"),
    ("accessibility disproportionate burden", "Börda"),
    ("accessibility method", "Metod"),
    ("accessibility phone", "Telefon"),
    ("glossary expansion", "Förklaring"),
    ("glossary definition", "Definition"),
    ("glossary extra", "Används"),
    ("home title", "Start"),
    ("home description", "Startbeskrivning"),
    ("glossary page title", "Ordlista"),
    ("section title", "Nätverk"),
    ("section description", "Sektion"),
    ("page title", "Social"),
    ("page description", "Om"),
    ("taxonomy term", "Trygghet"),
    ("document page title", "Anvisning"),
    ("document description", "Dokument"),
    ("document.owner", "Ägare"),
    ("document.decided_by", "Beslut"),
    ("document.references", "Referens"),
    ("action plan title", "Plan"),
    ("action_plan.committee", "Nämnd"),
    ("action_plan focus area name", "Hälsa"),
    ("action_plan positions", "Ställning"),
    ("action_plan activities", "Aktivitet"),
    ("meeting title", "Möte"),
    ("meeting.place", "Sal"),
    ("meeting.theme", "Ämne"),
    ("meeting agenda text", "Punkt"),
    ("meeting agenda text with link", "Länkad"),
    ("dated page title", "Nyhet"),
    ("image alt text", "Alt"),
];

/// Builds the fixture with the default `markdown.raw_html: sanitize`.
fn built() -> Site {
    let site = Site::from_fixture("xss");
    site.build_ok(&["--today", "2026-01-01"]);
    site
}

/// Every string a browser sees in an HTML document: element texts and attribute values.
fn html_strings(doc: &Html, out: &mut BTreeSet<String>) {
    for e in doc.select(&sel("*")) {
        out.insert(common::text_of(e));
        out.extend(e.value().attrs().map(|(_, v)| v.to_string()));
    }
}

/// A URL a browser would run as a script or open as a document.
fn is_script_url(value: &str, is_image: bool) -> bool {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    v.starts_with("javascript:")
        || v.starts_with("vbscript:")
        || (v.starts_with("data:") && !(is_image && v.starts_with("data:image/")))
}

/// Problems of one HTML document: foreign scripts and active elements, event handlers,
/// style attributes, script URLs, the payload as markup.
fn html_problems(file: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for raw in [
        "<script>alert",
        "<img src=x onerror",
        "onerror=\"alert",
        "onerror=alert(1)>",
    ] {
        if text.contains(raw) {
            problems.push(format!("{file}: the payload `{raw}` stands unescaped"));
        }
    }
    let doc = Html::parse_document(text);
    for e in doc.select(&sel("*")) {
        let el = e.value();
        let name = el.name();
        match name {
            "script" => {
                let theme = el
                    .attr("src")
                    .is_some_and(|s| s.ends_with("handbok.js") || s.ends_with("search.js"));
                if !theme || !common::text_of(e).is_empty() {
                    problems.push(format!(
                        "{file}: a script that is not the theme's: {:?}",
                        el
                    ));
                }
            }
            "iframe" | "frame" | "object" | "embed" | "svg" | "math" | "base" | "style"
            | "template" | "applet" => problems.push(format!("{file}: a <{name}> element")),
            "form" if !matches!(el.attr("class"), Some("header-search" | "search-form")) => {
                problems.push(format!("{file}: a form that is not the theme's"))
            }
            "meta" if el.attr("http-equiv").is_some() => {
                let url = el.attr("content").unwrap_or_default();
                let target = url.split_once("url=").map_or("", |(_, u)| u);
                if is_script_url(target, false) || target.contains(':') {
                    problems.push(format!("{file}: a refresh to {url:?}"));
                }
            }
            _ => {}
        }
        for (attr, value) in el.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                problems.push(format!("{file}: <{name} {attr}={value:?}>"));
            }
            if attr == "style" && !(matches!(name, "th" | "td") && value.starts_with("text-align"))
            {
                problems.push(format!("{file}: <{name} style={value:?}>"));
            }
            let is_url = matches!(
                attr.as_str(),
                "href"
                    | "src"
                    | "action"
                    | "formaction"
                    | "xlink:href"
                    | "cite"
                    | "data"
                    | "poster"
            );
            if is_url && is_script_url(value, name == "img") {
                problems.push(format!("{file}: <{name} {attr}={value:?}>"));
            }
        }
    }
    problems
}

fn files_with<'a>(snapshot: &'a Snapshot, ext: &str) -> Vec<(&'a str, String)> {
    snapshot
        .iter()
        .filter(|(k, _)| k.ends_with(ext))
        .map(|(k, v)| {
            let text = String::from_utf8(v.clone()).unwrap_or_else(|_| panic!("{k} is not UTF-8"));
            (k.as_str(), text)
        })
        .collect()
}

fn assert_no_problems(problems: Vec<String>) {
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The needle every field is expected to show whole, as text.
fn whole(prefix: &str) -> String {
    format!("{prefix} {PAYLOAD}")
}

fn assert_fields_found(context: &str, strings: &BTreeSet<String>, fields: &[(&str, &str)]) {
    let missing: Vec<String> = fields
        .iter()
        .filter(|(_, prefix)| {
            let needle = whole(prefix);
            !strings.iter().any(|s| s.contains(&needle))
        })
        .map(|(field, prefix)| format!("{field} ({prefix} …)"))
        .collect();
    assert!(
        missing.is_empty(),
        "not found whole as text in {context}: {}",
        missing.join(", ")
    );
}

#[test]
fn every_html_page_shows_the_payload_as_text_and_never_runs_it() {
    let site = built();
    let public = site.snapshot("public");
    let pages = files_with(&public, ".html");
    assert!(pages.len() >= 20, "only {} pages", pages.len());
    let mut problems = Vec::new();
    let mut strings = BTreeSet::new();
    for (file, text) in &pages {
        problems.extend(html_problems(file, text));
        html_strings(&Html::parse_document(text), &mut strings);
    }
    assert_no_problems(problems);
    assert_fields_found("the HTML pages", &strings, HTML_FIELDS);

    // Values in attributes stay whole: the quote does not end the attribute.
    let page = site.html("public/natverk/social/index.html");
    assert_eq!(
        page.attrs("meta[name=description]", "content"),
        vec![whole("Om")]
    );
    assert_eq!(
        page.attrs("meta[name=handbok-extra]", "data-site"),
        vec![whole("Extra")]
    );
    assert_eq!(
        page.attrs(".content img[alt^=Alt]", "alt"),
        vec![whole("Alt")]
    );
    assert_eq!(
        page.attrs(".content a[title^=titel]", "title"),
        vec![r#"titel "><img src=x onerror=alert(1)>"#]
    );
    assert_eq!(page.texts("h1"), vec![whole("Social")]);
    let statement = site.html("public/tillganglighetsredogorelse/index.html");
    assert!(statement
        .attrs("a", "href")
        .contains(&r#"https://example.se/kontakt?a="><img src=x onerror=alert(1)>"#.to_string()));
}

#[test]
fn raw_html_in_markdown_is_sanitized_with_warnings_at_its_lines() {
    let site = Site::from_fixture("xss");
    let run = site.build_ok(&["--today", "2026-01-01"]);
    let file = "content/natverk/social.md";
    for (line, what) in [
        ("16:11", "raw HTML: the element `<script>` was removed"),
        ("16:39", "raw HTML: `onerror` on `<img>` was removed"),
        (
            "34:91",
            "raw HTML: `href=\"javascript:alert(1)\"` on `<a>` was removed",
        ),
        (
            "34:132",
            "raw HTML: `href=\"JaVaScRiPt:alert(1)\"` on `<a>` was removed",
        ),
        (
            "36:1",
            "raw HTML: `onmouseover`, `style` on `<div>` was removed",
        ),
        ("38:1", "raw HTML: the element `<iframe>` was removed"),
        ("42:1", "raw HTML: the element `<form>` was removed"),
        (
            "30:1",
            "the heading attribute `onclick` is not allowed and was removed",
        ),
    ] {
        let line = format!("{file}:{line}: warning: {what}");
        assert!(
            run.stderr.lines().any(|l| l == line),
            "no {line:?} in\n{}",
            run.stderr
        );
    }
    assert!(run
        .hint_after(&format!("{file}:16:11:"))
        .contains("markdown.raw_html"));
    // What editors legitimately write stays, heading ids and the anchors to them work.
    let page = site.html("public/natverk/social/index.html");
    for css in [
        ".content details > summary",
        ".content abbr[title=Förkortning]",
        ".content sup",
        ".content sub",
        ".content br",
        ".content table th",
        ".content span.markering",
        ".content div.ruta",
        ".content h2#attribut.klass",
        ".content h2#rubrik-alert-1-javascript-alert-1",
        ".content img[src=\"../bild.png\"]",
    ] {
        assert_eq!(page.count(css), 1, "{css}");
    }
    assert_eq!(
        page.attrs(".toc a", "href").first().map(String::as_str),
        Some("#rubrik-alert-1-javascript-alert-1")
    );
    // Cleaning is deterministic: a second build writes the same bytes.
    let first = site.snapshot("public");
    site.build_ok(&["--today", "2026-01-01"]);
    common::assert_same_tree(&first, &site.snapshot("public"), "a second build");
    // The feed's HTML summary of a page with raw HTML is cleaned as well.
    let feed = site.read_string("public/atom.xml");
    let doc = roxmltree::Document::parse(&feed).expect("the feed parses");
    let summary = doc
        .descendants()
        .find(|n| n.has_tag_name("summary") && n.attribute("type") == Some("html"))
        .and_then(|n| n.text())
        .expect("an HTML summary");
    assert!(summary.contains("Sammanfattning <b>fet</b>"), "{summary}");
    assert_no_problems(html_problems("atom.xml summary", summary));
}

#[test]
fn feed_and_sitemap_are_well_formed_xml_holding_the_payload_as_text() {
    let site = built();
    let feed = site.read_string("public/atom.xml");
    let doc = roxmltree::Document::parse(&feed).expect("the feed parses as XML");
    let allowed = [
        "feed",
        "title",
        "subtitle",
        "id",
        "link",
        "updated",
        "author",
        "name",
        "entry",
        "published",
        "summary",
    ];
    let mut texts = BTreeSet::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(
            allowed.contains(&n.tag_name().name()),
            "an injected element <{}> in atom.xml",
            n.tag_name().name()
        );
        if let Some(t) = n.text() {
            texts.insert(t.to_string());
        }
    }
    assert_fields_found(
        "atom.xml",
        &texts,
        &[
            ("config title", "Handbok"),
            ("config description", "Beskrivning"),
            ("page title", "Social"),
            ("page description", "Om"),
            ("meeting title", "Möte"),
            ("dated page title", "Nyhet"),
        ],
    );
    let sitemap = site.read_string("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).expect("the sitemap parses as XML");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.len() >= 15, "{locs:?}");
    for loc in locs {
        assert!(
            loc.starts_with("https://intranat.example.se/hallbarhet/")
                && !loc.contains(['<', '>', '"', ' ']),
            "{loc}"
        );
    }
}

#[test]
fn calendar_text_cannot_add_properties_or_components() {
    let site = built();
    let text = site.read_string("public/natverk/social/moten.ics");
    let unfolded = icalendar::parser::unfold(&text);
    let cal = icalendar::parser::read_calendar(&unfolded)
        .unwrap_or_else(|e| panic!("the calendar does not parse: {e}\n{text}"));
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 1, "{text}");
    let event = events[0];
    assert!(
        event.components.is_empty(),
        "a component inside the event: {text}"
    );
    let names: Vec<String> = event
        .properties
        .iter()
        .map(|p| p.name.to_string())
        .collect();
    assert_eq!(
        names,
        [
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "LOCATION",
            "DESCRIPTION",
            "URL"
        ],
        "{text}"
    );
    for line in unfolded.lines() {
        for injected in [
            "ATTENDEE",
            "BEGIN:VALARM",
            "DESCRIPTION:evil",
            "LOCATION:evil",
        ] {
            assert!(!line.starts_with(injected), "injected line {line:?}");
        }
    }
    let value = |name: &str| {
        event
            .find_prop(name)
            .map(|p| p.val.to_string())
            .unwrap_or_default()
    };
    // The parser decodes `\n`: the injected lines are text inside the values.
    assert!(
        value("SUMMARY").starts_with(&format!(
            "{}\nATTENDEE:mailto:evil@example.se\nEND:VEVENT",
            whole("Möte")
        )),
        "{}",
        value("SUMMARY")
    );
    assert!(value("LOCATION").contains("\nLOCATION:evil"));
    assert!(value("DESCRIPTION").contains("\nBEGIN:VALARM"));
}

#[test]
fn activities_csv_holds_text_not_formulas() {
    let site = built();
    let bytes = site.read("public/handlingsplaner/fokusomraden/aktiviteter.csv");
    // The file starts with a UTF-8 byte-order mark (for Excel).
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no byte-order mark");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let mut cells = Vec::new();
    for record in reader.records() {
        let record = record.expect("a CSV record");
        assert_eq!(record.len(), 5, "{record:?}");
        cells.extend(record.iter().map(str::to_string));
    }
    for c in &cells {
        assert!(!c.starts_with(['=', '+', '-', '@']), "a formula cell {c:?}");
    }
    for expected in [
        "'=HYPERLINK(\"https://example.se/\",\"klicka\")".to_string(),
        "'+1+cmd|' /C calc'!A0".to_string(),
        "'@SUM(1+1)".to_string(),
        whole("Nämnd"),
        whole("Hälsa"),
        whole("Ställning"),
        whole("Aktivitet"),
    ] {
        assert!(cells.contains(&expected), "{expected:?} not in {cells:?}");
    }
}

#[test]
fn search_index_is_json_with_plain_text() {
    let site = built();
    let public = site.snapshot("public");
    let files = files_with(&public, ".json");
    let names: Vec<&str> = files.iter().map(|(f, _)| *f).collect();
    for expected in [
        "sok/index.json",
        "sok/filters.json",
        "sok/i/0.json",
        "sok/f/0.json",
    ] {
        assert!(names.contains(&expected), "{expected} not in {names:?}");
    }
    fn strings(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::String(s) => {
                out.insert(s.clone());
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
                out.insert(k.clone());
                strings(x, out)
            }),
            _ => {}
        }
    }
    let mut all = BTreeSet::new();
    for (file, text) in &files {
        let v: serde_json::Value =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{file} is not JSON: {e}"));
        strings(&v, &mut all);
    }
    // Plain text, neither escaped for HTML (which would show `&lt;` in results) nor markup.
    assert!(!all
        .iter()
        .any(|s| s.contains("&lt;") || s.contains("&quot;")));
    assert_fields_found(
        "the search index",
        &all,
        &[
            ("page title", "Social"),
            ("page description", "Om"),
            ("section title", "Nätverk"),
            ("taxonomy plural", "Teman"),
            ("taxonomy term", "Trygghet"),
            ("config document type", "typ"),
            ("document page title", "Anvisning"),
            ("action plan title", "Plan"),
            ("action_plan positions", "Ställning"),
            ("meeting title", "Möte"),
        ],
    );
}

/// The theme's JavaScript (and the dev server's) sets index data and messages as text:
/// no HTML parsing sink at all, so that a title can never become markup.
#[test]
fn theme_javascript_never_parses_data_as_html() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts: Vec<std::path::PathBuf> =
        std::fs::read_dir(root.join("themes/default/static"))
            .expect("the theme's static folder")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "js"))
            .collect();
    scripts.push(root.join("src/serve/livereload.js"));
    assert!(scripts.len() >= 3, "{scripts:?}");
    for path in scripts {
        let js = std::fs::read_to_string(&path).expect("read a script");
        let code: String = js
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        for sink in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
            "DOMParser",
            "createContextualFragment",
            "setTimeout(\"",
        ] {
            assert!(
                !code.contains(sink),
                "{} uses {sink}: insert data with textContent or createTextNode",
                path.display()
            );
        }
    }
    let search = std::fs::read_to_string(root.join("themes/default/static/search.js"))
        .expect("read search.js");
    assert!(search.contains("textContent = text"));
}

#[test]
fn script_links_are_errors_in_every_link_form() {
    let site = built();
    site.write(
        "content/natverk/lankar.md",
        concat!(
            "---\ntitle: Länkar\n---\n\n",
            "[inline](javascript:alert(1))\n\n",
            "[referens][r]\n\n",
            "<javascript:alert(1)>\n\n",
            "![bild](javascript:alert(1))\n\n",
            "[vinkel](<JaVaScRiPt:alert(1)>)\n\n",
            "[entitet](&#106;avascript:alert(1))\n\n",
            "[data](data:text/html,<b>x</b>)\n\n",
            "[vb](vbscript:msgbox)\n\n",
            "[r]: javascript:alert(1)\n",
        ),
    );
    let run = site.run(&["build", "--today", "2026-01-01"]);
    run.expect_no_panic().expect_code(1);
    let file = "content/natverk/lankar.md";
    for line in [5, 7, 9, 11, 13, 15, 17, 19] {
        let l = run.line_starting_with(&format!("{file}:{line}:"));
        assert!(l.contains("error: unsafe link"), "{l}");
    }
    assert!(run.hint_after(&format!("{file}:5:")).contains("http(s)"));
}

#[test]
fn script_urls_and_markup_in_paths_are_refused_with_their_line() {
    // A meeting agenda link is a link to a page: `javascript:` is not a page.
    let site = built();
    let mote = site.read_string("content/moten/mote.md").replace(
        "link: ../styrdokument/anvisningar.md#mandat",
        "link: javascript:alert(1)",
    );
    site.write("content/moten/mote.md", mote);
    let run = site.run(&["build", "--today", "2026-01-01"]);
    run.expect_no_panic().expect_code(1);
    assert!(run
        .line_starting_with("content/moten/mote.md:15:")
        .contains("javascript:alert(1)"));

    // An alias is a path of this site.
    let site = built();
    let social = site.read_string("content/natverk/social.md").replace(
        "aliases: [/gammal/social/]",
        r#"aliases: ['/"><script>alert(1)</script>/', 'javascript:alert(1)']"#,
    );
    site.write("content/natverk/social.md", social);
    let run = site.run(&["build", "--today", "2026-01-01"]);
    run.expect_no_panic().expect_code(1);
    assert!(run
        .line_starting_with("content/natverk/social.md:6:")
        .contains("alias"));

    // The accessibility statement's contact link.
    let site = built();
    let config = site.read_string("handbok.yaml").replace(
        r#"url: 'https://example.se/kontakt?a="><img src=x onerror=alert(1)>'"#,
        "url: ' javascript:alert(1)'",
    );
    site.write("handbok.yaml", config);
    let run = site.run(&["build", "--today", "2026-01-01"]);
    run.expect_no_panic().expect_code(2);
    let l = run.line_starting_with("handbok.yaml:34:");
    assert!(
        l.contains("`accessibility: url`") && l.contains("not a web address"),
        "{l}"
    );
}

#[test]
fn deny_makes_raw_html_an_error_and_allow_passes_it_through() {
    let page = concat!(
        "---\ntitle: Rå\n---\n\n",
        "Först.\n\n<!-- more -->\n\n",
        "Text med <span class=\"x\">inline</span>.\n\n",
        "<div onclick=\"alert(1)\">\n<script>alert(1)</script>\n</div>\n\n",
        "## Rubrik {onclick=alert(1)}\n\n",
        "<!-- en kommentar -->\n",
    );
    let site = Site::from_fixture("basic");
    let config = site.read_string("handbok.yaml");
    site.write("content/ra.md", page);
    site.write(
        "handbok.yaml",
        format!("{config}\nmarkdown:\n  raw_html: deny\n"),
    );
    let run = site.run(&["build"]);
    run.expect_no_panic().expect_code(1);
    let errors: Vec<&str> = run
        .error_lines()
        .into_iter()
        .filter(|l| l.starts_with("content/ra.md:"))
        .collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "content/ra.md:9:10: error: raw HTML is not allowed on this site: `<span class=\"x\">`"
        ),
        "{errors:?}"
    );
    assert!(errors[1].starts_with("content/ra.md:11:1: error: raw HTML is not allowed on this site: `<div onclick=\"alert(1)\">`"), "{errors:?}");
    assert!(
        errors[2].starts_with(
            "content/ra.md:15:1: error: the heading attribute `onclick` is not allowed"
        ),
        "{errors:?}"
    );
    assert!(run.hint_after("content/ra.md:9:10:").contains("Markdown"));

    // Comments alone are no error: they are dropped, and the summary marker still works.
    site.write(
        "content/ra.md",
        "---\ntitle: Rå\n---\n\nFörst.\n\n<!-- more -->\n\nSedan.\n\n<!-- --!><b>x</b> -->\n",
    );
    let run = site.run(&["build"]);
    run.expect_no_panic().expect_code(1);
    assert!(run
        .line_starting_with("content/ra.md:11:10:")
        .contains("raw HTML is not allowed on this site: `<b>`"));
    site.write(
        "content/ra.md",
        "---\ntitle: Rå\n---\n\nFörst.\n\n<!-- more -->\n\nSedan.\n\n<!-- en kommentar -->\n",
    );
    site.build_ok(&[]);
    let html = site.read_string("public/ra/index.html");
    assert!(!html.contains("en kommentar"));

    // allow: for a site whose every editor is trusted, HTML passes as written.
    site.write(
        "handbok.yaml",
        format!("{config}\nmarkdown:\n  raw_html: allow\n"),
    );
    site.write("content/ra.md", page);
    site.build_ok(&[]);
    let html = site.read_string("public/ra/index.html");
    assert!(
        html.contains("<div onclick=\"alert(1)\">\n<script>alert(1)</script>"),
        "{html}"
    );

    // Any other value is a configuration error at its line.
    site.write(
        "handbok.yaml",
        format!("{config}\nmarkdown:\n  raw_html: maybe\n"),
    );
    let run = run_in(site.root(), &["build"]);
    run.expect_no_panic().expect_code(2);
    assert!(run.stderr.contains("handbok.yaml:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("allow") && run.stderr.contains("sanitize"),
        "{}",
        run.stderr
    );
}

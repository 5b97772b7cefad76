//! Issue 20: Markdown means in handbok what it means everywhere. The 652 examples of the
//! CommonMark 0.31.2 specification (`tests/commonmark/spec.txt`, CC-BY-SA 4.0) run through
//! handbok's Markdown stage as a page of a small site (links resolved against its pages,
//! raw HTML `allow` so that nothing is cleaned away), and each result is compared with
//! pulldown-cmark's own rendering after removing only what handbok documents that it adds:
//! heading ids and the link from a heading to itself. Every other difference, and every
//! example handbok rejects, must be in an allow-list below with its reason.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use handbok::fuzzing::render_page;
use handbok::internals::{markdown_options, MarkdownConfig};
use handbok::{Diagnostic, Severity};

/// Examples whose links point at files a test site does not have (`/url`, `foo`, `/uri`,
/// `bar`): a link to a missing file stops the build, by design. Nothing else may be an error.
const MISSING_TARGET: &[usize] = &[
    22, 23, 32, 33, 192, 193, 194, 195, 196, 198, 202, 203, 204, 205, 206, 214, 215, 216, 217, 218,
    404, 419, 422, 433, 473, 474, 482, 483, 484, 489, 492, 495, 496, 498, 499, 500, 502, 503, 504,
    505, 506, 507, 509, 510, 512, 514, 515, 516, 517, 518, 519, 520, 521, 522, 527, 528, 529, 530,
    531, 532, 533, 534, 535, 539, 540, 541, 542, 543, 544, 549, 550, 553, 554, 555, 556, 557, 558,
    559, 560, 561, 562, 564, 565, 566, 568, 569, 570, 571, 572, 573, 574, 575, 576, 577, 578, 579,
    580, 581, 582, 583, 584, 585, 586, 587, 588, 589, 591, 593,
];

/// Examples that differ from pulldown-cmark's rendering after the documented additions are
/// removed, with the reason. Empty: handbok changes no example's meaning.
const DIFFERENT: &[(usize, &str)] = &[];

/// Examples that pulldown-cmark, with the extensions handbok turns on, renders otherwise
/// than the specification says, with the reason.
const EXTENSIONS: &[(usize, &str)] = &[];

/// Examples with a link or image without a target (`[a]()`, `[a](<>)`, `[a]: <>`): valid
/// Markdown that leads nowhere, written as it is with a warning at its line.
const EMPTY_TARGET: &[usize] = &[200, 485, 486, 487, 567];

/// Common words of the examples, as a glossary: marking them must change nothing else.
const COMMON_WORDS: &[&str] = &[
    "foo", "bar", "baz", "bim", "aaa", "bbb", "ccc", "hello", "world", "link", "title", "url",
    "uri", "hi", "a", "b", "c", "x", "Foo",
];

struct Example {
    number: usize,
    /// Line of the example in spec.txt.
    line: usize,
    markdown: String,
    /// The HTML the specification expects.
    html: String,
}

/// The examples of spec.txt, numbered as the specification numbers them (tabs are shown
/// as `→` there).
fn examples() -> Vec<Example> {
    let text = include_str!("commonmark/spec.txt");
    let fence = "`".repeat(32);
    let open = format!("{fence} example");
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        if line != open {
            continue;
        }
        let (mut markdown, mut html, mut in_html) = (String::new(), String::new(), false);
        for (_, l) in lines.by_ref() {
            if l == fence {
                break;
            }
            if l == "." && !in_html {
                in_html = true;
                continue;
            }
            let part = if in_html { &mut html } else { &mut markdown };
            part.push_str(&l.replace('→', "\t"));
            part.push('\n');
        }
        out.push(Example {
            number: out.len() + 1,
            line: i + 1,
            markdown,
            html,
        });
    }
    out
}

/// pulldown-cmark's own rendering, with the options handbok uses.
fn pulldown(markdown: &str) -> String {
    let mut html = String::new();
    let parser =
        pulldown_cmark::Parser::new_ext(markdown, markdown_options(&MarkdownConfig::default()));
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

/// handbok's rendering of `markdown` as a page, and the page's errors and warnings.
fn handbok(markdown: &str, glossary: &[&str]) -> (String, Vec<Diagnostic>) {
    let (html, diagnostics) = render_page(markdown, "raw_html: allow", glossary);
    let Some(html) = html else {
        panic!("the site did not build: {diagnostics:#?}")
    };
    (html, diagnostics)
}

/// `html` without what handbok documents that it adds: `id` on headings, and around h2-h4
/// the wrapper `<div class="heading-anchored">` with the link to the heading itself.
fn without_additions(html: &str) -> String {
    const WRAPPER: &str = "<div class=\"heading-anchored\">\n<h";
    const ANCHOR: &str = "\n<a class=\"heading-anchor\" href=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        let (before, tag) = rest.split_at(at);
        let wrapped = before.ends_with(&WRAPPER[..WRAPPER.len() - 2]);
        match before.strip_suffix(&WRAPPER[..WRAPPER.len() - 2]) {
            Some(before) => {
                out.push_str(before);
                // pulldown-cmark starts a heading on a line of its own (`<li>\n<h2>`);
                // after the wrapper it already is on one.
                if !before.is_empty() && !before.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => out.push_str(before),
        }
        let level = tag.as_bytes().get(2).copied().unwrap_or(0);
        if !(b'1'..=b'6').contains(&level) || !tag[3..].starts_with(" id=\"") {
            out.push_str(&tag[..2]);
            rest = &tag[2..];
            continue;
        }
        let id_end = tag[8..].find('"').map_or(tag.len(), |p| 8 + p + 1);
        out.push_str(&tag[..3]);
        let close = format!("</h{}>", level as char);
        let Some(end) = tag.find(&close).map(|p| p + close.len()) else {
            rest = &tag[id_end..];
            continue;
        };
        out.push_str(&tag[id_end..end]);
        rest = &tag[end..];
        if !wrapped {
            continue;
        }
        if let Some(after) = rest.strip_prefix(ANCHOR) {
            let link_end = after
                .find("</a>\n</div>")
                .map_or(0, |p| p + "</a>\n</div>".len());
            rest = &after[link_end..];
        } else if let Some(after) = rest.strip_prefix("\n</div>") {
            // An empty heading has no link to itself.
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn describe(e: &Example) -> String {
    format!("example {} (spec.txt line {})", e.number, e.line)
}

#[test]
fn the_specification_has_its_652_examples() {
    let all = examples();
    assert_eq!(all.len(), 652);
    // The first and the last, as the specification numbers them.
    assert_eq!(
        (all[0].line, all[0].markdown.as_str()),
        (355, "\tfoo\tbaz\t\tbim\n")
    );
    assert_eq!(all[651].html, "<p>Multiple     spaces</p>\n");
}

/// Every example renders as pulldown-cmark renders it, once heading ids and heading links
/// are removed; the only errors are links to files the site does not have.
#[test]
fn handbok_renders_every_example_as_pulldown_cmark_does() {
    let mut failures = String::new();
    let mut missing = Vec::new();
    let mut empty = Vec::new();
    let allowed: BTreeMap<usize, &str> = DIFFERENT.iter().copied().collect();
    for e in examples() {
        let (html, diagnostics) = handbok(&e.markdown, &[]);
        let own = pulldown(&e.markdown);
        let same = without_additions(&html) == own;
        match (same, allowed.get(&e.number)) {
            (true, Some(reason)) => {
                let _ = writeln!(
                    failures,
                    "{}: listed as different ({reason}) but is not",
                    describe(&e)
                );
            }
            (false, None) => {
                let _ = writeln!(
                    failures,
                    "{}:\n--- markdown\n{}--- handbok\n{html}--- pulldown-cmark\n{own}",
                    describe(&e),
                    e.markdown
                );
            }
            _ => {}
        }
        let errors = errors(&diagnostics);
        for d in &errors {
            if !d.message.contains("points to a file that does not exist") {
                let _ = writeln!(
                    failures,
                    "{}: rejected: {} ({:?})",
                    describe(&e),
                    d.message,
                    d.hint
                );
            }
        }
        if !errors.is_empty() {
            missing.push(e.number);
        }
        if diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.ends_with("has no target"))
        {
            empty.push(e.number);
        }
    }
    if missing != MISSING_TARGET {
        let _ = writeln!(
            failures,
            "examples with a missing link target: {missing:?}, listed: {MISSING_TARGET:?}"
        );
    }
    if empty != EMPTY_TARGET {
        let _ = writeln!(
            failures,
            "examples warned about an empty target: {empty:?}, listed: {EMPTY_TARGET:?}"
        );
    }
    assert!(failures.is_empty(), "{failures}");
}

/// The spec's HTML and pulldown-cmark's written alike: `"` in text (pulldown-cmark leaves
/// it, the spec writes `&quot;`), `<br>`/`<hr>`, and line breaks between tags.
fn standardised(html: &str) -> String {
    html.replace("&quot;", "\"")
        .replace("<br>", "<br />")
        .replace("<hr>", "<hr />")
        .replace(">\n<", "><")
}

/// The extensions handbok turns on (tables, footnotes, strikethrough, task lists, heading
/// attributes, callouts, definition lists) change no example of the specification, or only
/// those listed in [`EXTENSIONS`].
#[test]
fn the_extensions_leave_the_specification_as_it_is() {
    let allowed: BTreeMap<usize, &str> = EXTENSIONS.iter().copied().collect();
    let mut failures = String::new();
    for e in examples() {
        let same = standardised(&pulldown(&e.markdown)) == standardised(&e.html);
        match (same, allowed.get(&e.number)) {
            (true, Some(reason)) => {
                let _ = writeln!(
                    failures,
                    "{}: listed ({reason}) but follows the specification",
                    describe(&e)
                );
            }
            (false, None) => {
                let _ = writeln!(
                    failures,
                    "{}:\n--- markdown\n{}--- rendered\n{}--- specification\n{}",
                    describe(&e),
                    e.markdown,
                    pulldown(&e.markdown),
                    e.html
                );
            }
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

/// The elements a glossary mark must never be inside (as the browser would nest them).
const NO_MARKS_INSIDE: &[&str] = &[
    "a", "code", "pre", "kbd", "samp", "abbr", "h1", "h2", "h3", "h4", "h5", "h6",
];

/// The open elements of [`NO_MARKS_INSIDE`] at each glossary mark of `html`, when any.
fn nested_marks(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    let mark = "<a class=\"glossary\"";
    while let Some(at) = rest.find('<') {
        let tag = &rest[at..];
        if tag.starts_with(mark) {
            if !open.is_empty() {
                found.push(open.join(">"));
            }
            let end = tag.find("</a>").map_or(tag.len(), |p| p + 4);
            rest = &tag[end..];
            continue;
        }
        let closing = tag.starts_with("</");
        let name: String = tag[if closing { 2 } else { 1 }..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let end = tag.find('>').map_or(tag.len(), |p| p + 1);
        if NO_MARKS_INSIDE.contains(&name.as_str()) && !tag[..end].ends_with("/>") {
            if closing {
                if let Some(p) = open.iter().rposition(|n| *n == name) {
                    open.truncate(p);
                }
            } else {
                open.push(name);
            }
        }
        rest = &tag[end.max(1)..];
    }
    found
}

/// `html` with each glossary mark replaced by the term it marks.
fn without_marks(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<a class=\"glossary\" href=\"") {
        out.push_str(&rest[..at]);
        let mark = &rest[at..];
        let term_start = mark
            .find("\">")
            .and_then(|p| mark[p + 2..].find("\">").map(|q| p + 2 + q + 2));
        let term_end = mark.find("</abbr></a>");
        match (term_start, term_end) {
            (Some(s), Some(e)) if s <= e => {
                out.push_str(&mark[s..e]);
                rest = &mark[e + "</abbr></a>".len()..];
            }
            _ => {
                out.push_str(&mark[..1]);
                rest = &mark[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// With a glossary of the examples' common words, every example renders as without it once
/// the marks are removed, with the same problems, and no mark sits inside a link, code or
/// heading, whether written in Markdown or as raw HTML (inline or block).
#[test]
fn glossary_marks_change_nothing_but_themselves() {
    let mut failures = String::new();
    let mut marks = 0;
    for e in examples() {
        let (plain, plain_diagnostics) = handbok(&e.markdown, &[]);
        let (marked, marked_diagnostics) = handbok(&e.markdown, COMMON_WORDS);
        marks += marked.matches("<a class=\"glossary\"").count();
        if without_marks(&marked) != plain {
            let _ = writeln!(
                failures,
                "{}:\n--- markdown\n{}--- marked\n{marked}--- plain\n{plain}",
                describe(&e),
                e.markdown
            );
        }
        let messages = |ds: &[Diagnostic]| ds.iter().map(|d| d.message.clone()).collect::<Vec<_>>();
        if errors(&marked_diagnostics).len() != errors(&plain_diagnostics).len() {
            let _ = writeln!(
                failures,
                "{}: problems differ: {:?} / {:?}",
                describe(&e),
                messages(&marked_diagnostics),
                messages(&plain_diagnostics)
            );
        }
        for inside in nested_marks(&marked) {
            let _ = writeln!(
                failures,
                "{}: a mark inside <{inside}>:\n{marked}",
                describe(&e)
            );
        }
    }
    assert!(
        marks >= 200,
        "the glossary marked only {marks} words: the test proves little"
    );
    assert!(failures.is_empty(), "{failures}");
}

//! Regression tests for what fuzzing and pathological inputs found (issue 10: no panics,
//! hangs or stack overflows on any input). See `scripts/fuzz.sh` and `fuzz/`.
//!
//! The inputs that used to take quadratic time are sized so that the old code needed many
//! minutes (a hang, which the test harness reports) while the fixed code takes well under a
//! second; the tests assert what an editor sees (ids, positions, messages), not timings.
//! Deep nesting goes through the real binary, where a stack overflow would kill the process.

mod common;

use common::Site;
use handbok::internals::MarkdownConfig;
use handbok::internals::{
    render_markdown as render, BodyLocation, LinkResolver, Rendered, Resolved,
};
use handbok::Diagnostic;
use handbok::Position;

/// Every link goes to the same existing page.
struct AnyPage;

impl LinkResolver for AnyPage {
    fn resolve(&self, dest: &str) -> Result<Resolved, Diagnostic> {
        if dest.contains("saknas") {
            return Err(Diagnostic::error(handbok::text!(
                handbok::messages::LINK_MISSING_FILE,
                dest,
                "saknas.md"
            )));
        }
        Ok(Resolved {
            href: "../sida/".to_string(),
            target: Some(0),
            anchor: None,
        })
    }
}

fn md(body: &str) -> Rendered {
    render(
        body,
        BodyLocation { first_line: 4 },
        &MarkdownConfig::default(),
        &AnyPage,
        None,
    )
}

/// A fixture site whose page `content/natverk/djup.md` has the body `body`.
fn site_with_page(body: &str) -> Site {
    let site = Site::from_fixture("basic");
    site.write(
        "content/natverk/djup.md",
        format!("---\ntitle: Djup\n---\n{body}"),
    );
    site
}

// ---------------------------------------------------------------------------------------------
// Markdown: inputs that took quadratic time
// ---------------------------------------------------------------------------------------------

#[test]
fn thousands_of_equal_headings_get_unique_numbered_ids() {
    // Each heading used to try `a`, `a-1`, `a-2`, … from the start: 60,000 headings made
    // 1.8 billion attempts (a 47 s `check` already at 30,000 in a release build).
    let n = 60_000;
    let r = md(&"## a\n".repeat(n));
    assert_eq!(r.toc.len(), n);
    assert_eq!(r.toc[0].id, "a");
    assert_eq!(r.toc[1].id, "a-1");
    assert_eq!(r.toc[n - 1].id, format!("a-{}", n - 1));
    assert!(r.html.contains(&format!("<h2 id=\"a-{}\">", n - 1)));
}

#[test]
fn numbered_ids_still_skip_ids_that_are_taken() {
    // The remembered counter must not hand out an id that a heading took meanwhile.
    let r = md("## a\n## a 1\n## a\n## a\n## x {#a-3}\n## a\n");
    let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-1", "a-2", "a-4", "a-3", "a-5"]);
}

#[test]
fn many_links_on_one_long_line_get_their_columns() {
    // Every link's position was counted from the start of the body: 150,000 links on one
    // line of 2.7 MB meant 200 billion characters counted.
    let n = 150_000;
    let link = "[sida](saknas.md) ";
    let r = md(&link.repeat(n));
    let broken: Vec<&Diagnostic> = r
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("points to a file that does not exist"))
        .collect();
    assert_eq!(broken.len(), n);
    assert_eq!(broken[0].position, Some(Position::new(4, 1)));
    assert_eq!(
        broken[n - 1].position,
        Some(Position::new(4, (n - 1) * link.len() + 1))
    );
}

#[test]
fn many_links_on_many_lines_get_their_lines() {
    let n = 40_000;
    let r = md(&"Se [sidan](saknas.md).\n".repeat(n));
    assert_eq!(r.diagnostics.len(), n);
    assert_eq!(
        r.diagnostics[n - 1].position,
        Some(Position::new(4 + n - 1, 4))
    );
}

#[test]
fn deeply_nested_images_are_linted_once_each() {
    // The alt text of each image was collected by scanning to the next image end: nested
    // 100,000 deep that was 5 billion steps.
    let depth = 100_000;
    let body = format!("{}alt{}\n", "![".repeat(depth), "](bild.png)".repeat(depth));
    let r = md(&body);
    assert!(
        !r.diagnostics.iter().any(|d| d.message.contains("alt text")),
        "every image has the text `alt` inside it"
    );
    let r = md(&format!(
        "{}{}\n",
        "![".repeat(depth),
        "](bild.png)".repeat(depth)
    ));
    let missing = r
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("alt text"))
        .count();
    assert_eq!(missing, depth);
}

#[test]
fn image_alt_text_is_checked_per_image() {
    let r = md("![](a.png) ![Karta](b.png) ![ ](c.png) ![`kod`](d.png) [![](e.png)](f.md)\n");
    let columns: Vec<usize> = r
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("alt text"))
        .filter_map(|d| d.position.map(|p| p.column))
        .collect();
    assert_eq!(columns, [1, 28, 57]);
}

// ---------------------------------------------------------------------------------------------
// Front matter and glossary: inputs that took quadratic time
// ---------------------------------------------------------------------------------------------

fn front_matter(yaml: &str) -> Vec<Diagnostic> {
    handbok::fuzzing::front_matter(format!("---\ntitle: Sida\n{yaml}---\nText.\n").as_bytes())
}

#[test]
fn thousands_of_unknown_fields_are_each_reported_on_their_line() {
    // Each key's line was searched from the top of the front matter.
    let n = 30_000;
    let yaml: String = (0..n).map(|i| format!("falt{i}: x\n")).collect();
    let errors = front_matter(&yaml);
    assert_eq!(errors.len(), n);
    assert_eq!(errors[0].position.map(|p| p.line), Some(3));
    let last = errors
        .iter()
        .find(|d| d.message.contains(&format!("`falt{}`", n - 1)))
        .expect("the last unknown field is reported");
    assert_eq!(last.position.map(|p| p.line), Some(n + 2));
}

#[test]
fn thousands_of_unknown_document_fields_are_each_reported_on_their_line() {
    // Each message rescanned the whole `document:` block (17 s for 20,000 keys in a release
    // build).
    let n = 30_000;
    let yaml = format!(
        "document:\n  type: anvisning\n{}",
        (0..n)
            .map(|i| format!("  falt{i}: x\n"))
            .collect::<String>()
    );
    let errors = front_matter(&yaml);
    assert_eq!(errors.len(), n);
    let last = errors
        .iter()
        .find(|d| d.message.contains(&format!("`falt{}`", n - 1)))
        .expect("the last unknown field is reported");
    assert_eq!(last.position.map(|p| p.line), Some(n + 4));
}

#[test]
fn thousands_of_agenda_items_are_each_reported_on_their_line() {
    // Each agenda item's lines were found by rescanning the whole list (39 s for 10,000
    // items in a release build).
    let n = 20_000;
    let yaml = format!(
        "meeting:\n  network: social.md\n  date: 2025-06-01\n  agenda:\n{}",
        (0..n)
            .map(|i| format!("    - text: Punkt {i}\n      lank: x.md\n"))
            .collect::<String>()
    );
    let errors = front_matter(&yaml);
    assert_eq!(errors.len(), n, "{:?}", errors.first());
    // Item i's `lank:` is on file line 8 + 2 i.
    assert_eq!(errors[0].position.map(|p| p.line), Some(8));
    assert_eq!(
        errors[n - 1].position.map(|p| p.line),
        Some(8 + 2 * (n - 1))
    );
}

#[test]
fn thousands_of_focus_areas_are_each_reported_on_their_line() {
    let n = 20_000;
    let yaml = format!(
        "action_plan:\n  committee: Socialnämnden\n  focus_areas:\n{}",
        (0..n)
            .map(|i| format!("    - number: {}\n      namn: A\n", i % 999 + 1))
            .collect::<String>()
    );
    let errors = front_matter(&yaml);
    let unknown: Vec<&Diagnostic> = errors
        .iter()
        .filter(|d| d.message.contains("unknown field `namn`"))
        .collect();
    assert_eq!(unknown.len(), n);
    assert_eq!(
        unknown[n - 1].position.map(|p| p.line),
        Some(7 + 2 * (n - 1))
    );
}

#[test]
fn a_glossary_of_thousands_of_terms_reports_a_repeated_term_on_its_line() {
    // Each term's line was searched from the top of the file, and repeats in a list.
    let n = 40_000;
    let mut text: String = (0..n)
        .map(|i| format!("- term: T{i}\n  expansion: x\n"))
        .collect();
    text.push_str("- term: t7\n");
    let errors = handbok::internals::parse_glossary(&text, "ordlista.yaml").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("`t7` appears twice"),
        "{}",
        errors[0]
    );
    assert_eq!(errors[0].position.map(|p| p.line), Some(2 * n + 1));
}

// ---------------------------------------------------------------------------------------------
// Deep nesting through the real binary: no stack overflow, the structure is kept
// ---------------------------------------------------------------------------------------------

#[test]
fn a_blockquote_nested_10000_deep_builds() {
    let depth = 10_000;
    let site = site_with_page(&format!("{} djupt\n", ">".repeat(depth)));
    site.build_ok(&[]);
    let html = site.read_string("public/natverk/djup/index.html");
    assert_eq!(html.matches("<blockquote>").count(), depth);
    assert_eq!(html.matches("</blockquote>").count(), depth);
}

#[test]
fn a_list_nested_10000_deep_builds() {
    let depth = 10_000;
    let site = site_with_page(&format!("{}djupt\n", "- ".repeat(depth)));
    site.build_ok(&[]);
    let html = site.read_string("public/natverk/djup/index.html");
    assert!(html.matches("<ul>").count() >= depth);
    assert!(html.contains("djupt"));
}

#[test]
fn deeply_nested_yaml_is_an_error_on_its_line() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    site.write(
        "content/natverk/djup.md",
        format!(
            "---\ntitle: Djup\nextra: {}{}\n---\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    );
    let run = site.run(&["build"]);
    run.expect_no_panic().expect_code(1);
    let line = run.line_starting_with("content/natverk/djup.md:3:");
    assert!(
        line.contains("error: the YAML is nested more than 64 levels deep"),
        "{line}"
    );
}

// ---------------------------------------------------------------------------------------------
// The fuzz seeds go through every entry point
// ---------------------------------------------------------------------------------------------

#[test]
fn the_fuzz_seeds_parse_as_intended() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    // A seed that fails on its own would only test error paths.
    let meeting = std::fs::read(seeds.join("front_matter/meeting.md")).expect("a seed");
    let errors: Vec<Diagnostic> = handbok::fuzzing::front_matter(&meeting)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    // The seed links an anchor that the network page does not have: the one error.
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("#folkhalsofragor"),
        "{}",
        errors[0]
    );
    let links = std::fs::read_to_string(seeds.join("markdown/links.md")).expect("a seed");
    let messages: Vec<String> = handbok::fuzzing::markdown(&links[1..], true, false)
        .into_iter()
        .map(|d| d.message)
        .collect();
    for expected in [
        "points to a draft",
        "points to a file that does not exist (content/natverk/saknas.md)",
        "unsafe link",
        "the link has no text",
        "the image has no alt text",
        "skips from level 2 to level 4",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(expected)),
            "{expected}: {messages:#?}"
        );
    }
    let config = std::fs::read_to_string(seeds.join("config/handbok.yaml")).expect("a seed");
    assert!(handbok::fuzzing::config(&config).0.is_ok());
}

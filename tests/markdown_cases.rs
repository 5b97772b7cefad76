//! Issue 20: four cases where valid Markdown was rejected or changed, each built as a page
//! of a fixture site and checked in the written HTML: e-mail autolinks, links without a
//! target, query strings on internal links, and glossary terms inside raw HTML blocks.

mod common;

use common::Site;

const FILE: &str = "content/natverk/kontakt.md";
const OUT: &str = "public/natverk/kontakt/index.html";

fn site_with(page: &str) -> Site {
    let site = Site::from_fixture("basic");
    site.write(FILE, page);
    site
}

/// The `<article>`'s content as written, for exact comparisons.
fn content_of(site: &Site) -> String {
    let html = site.read_string(OUT);
    let start = html
        .find("<p>Inledning.</p>")
        .unwrap_or_else(|| panic!("no content in {html}"));
    let end = html[start..]
        .find("<p>Slut.</p>")
        .map(|p| start + p + "<p>Slut.</p>".len())
        .unwrap_or_else(|| panic!("no end of content in {html}"));
    html[start..end].to_string()
}

#[test]
fn an_email_autolink_is_a_mail_link_even_when_a_page_has_its_slug() {
    let site = site_with(
        "---\ntitle: Kontakt\n---\n\nInledning.\n\nSkriv till <namn@kommun.se> eller <mailto:info@kommun.se>.\n\nSlut.\n",
    );
    // A page whose slug the address would have become when it was taken for a file.
    site.write(
        "content/natverk/namn-kommun-se.md",
        "---\ntitle: Namn\n---\n\nText.\n",
    );
    let run = site.build_ok(&[]);
    assert!(
        !run.stderr.contains(&format!("{FILE}:7:")),
        "{}",
        run.stderr
    );
    assert_eq!(
        content_of(&site),
        "<p>Inledning.</p>\n<p>Skriv till <a href=\"mailto:namn@kommun.se\">namn@kommun.se</a> eller \
         <a href=\"mailto:info@kommun.se\">mailto:info@kommun.se</a>.</p>\n<p>Slut.</p>"
    );
}

#[test]
fn a_link_without_target_is_a_warning_at_its_line_not_an_error() {
    let site = site_with(
        "---\ntitle: Kontakt\n---\n\nInledning.\n\n[Tom]() och [tom](<>) och [ref].\n\n\
         [ref]: <>\n\nSlut.\n",
    );
    let run = site.build_ok(&[]);
    // Each link where it is written, the one by reference too.
    for column in [1, 13, 27] {
        let line = run.line_starting_with(&format!("{FILE}:7:{column}:"));
        assert!(line.contains("warning: the link has no target"), "{line}");
    }
    assert_eq!(
        content_of(&site),
        "<p>Inledning.</p>\n<p><a href=\"\">Tom</a> och <a href=\"\">tom</a> och <a href=\"\">ref</a>.</p>\n<p>Slut.</p>"
    );
    // In Swedish, with the fix.
    let run = site.run(&["build", "--lang", "sv"]);
    run.expect_success();
    assert!(
        run.stderr.contains("varning: länken saknar mål"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("skriv målet inom parentesen"),
        "{}",
        run.stderr
    );
    // `--strict` makes warnings fail the build, this one too.
    site.run(&["build", "--strict"]).expect_code(1);
}

#[test]
fn a_query_string_on_an_internal_link_is_kept() {
    let site = site_with(
        "---\ntitle: Kontakt\n---\n\nInledning.\n\n[Sök](/sok/?q=klimat) \
         [Ekologi](ekologi.md?a=1&b=2) [Här](?flik=2) [Karta](karta/?z=3)\n\nSlut.\n",
    );
    site.build_ok(&[]);
    assert_eq!(
        content_of(&site),
        "<p>Inledning.</p>\n<p><a href=\"../../sok/?q=klimat\">Sök</a> \
         <a href=\"../ekologisk-hallbarhet/?a=1&amp;b=2\">Ekologi</a> <a href=\"?flik=2\">Här</a> \
         <a href=\"../karta/?z=3\">Karta</a></p>\n<p>Slut.</p>"
    );
    // The anchor after a query is still checked.
    let site = site_with(
        "---\ntitle: Kontakt\n---\n\nInledning.\n\n[Social](social-hållbarhet.md?a=1#uppdraget) \
         [Ekologi](ekologi.md?a=1#finns-inte)\n\nSlut.\n",
    );
    let run = site.run(&["build"]);
    run.expect_code(1);
    let (message, _) = run.error_for(FILE, Some(7), &["#finns-inte"]);
    assert!(message.contains("does not exist"), "{message}");
    assert!(!run.stderr.contains("#uppdraget"), "{}", run.stderr);
}

#[test]
fn glossary_terms_inside_raw_html_blocks_are_not_marked() {
    let site = Site::from_fixture("nav");
    let config = site.read_string("handbok.yaml");
    site.write(
        "handbok.yaml",
        format!("{config}markdown:\n  raw_html: allow\n"),
    );
    site.write(
        "content/rutiner/kontakt.md",
        "---\ntitle: Kontakt\n---\n\nInledning.\n\n<a href=\"https://example.se/\">\n\nNSH arbetar här.\n\n</a>\n\n\
         <code>\n\nKS\n\n</code>\n\nSedan NSH och KS.\n\nSlut.\n",
    );
    site.build_ok(&[]);
    let html = site.read_string("public/rutiner/kontakt/index.html");
    let start = html.find("<p>Inledning.</p>").expect("the page's text");
    let end = html.find("<p>Slut.</p>").expect("the page's end");
    assert_eq!(
        &html[start..end],
        "<p>Inledning.</p>\n<a href=\"https://example.se/\">\n<p>NSH arbetar här.</p>\n</a>\n<code>\n<p>KS</p>\n</code>\n\
         <p>Sedan <a class=\"glossary\" href=\"../../ordlista/#nsh\"><abbr title=\"Nätverk för social hållbarhet\">NSH</abbr></a> \
         och <a class=\"glossary\" href=\"../../ordlista/#ks\"><abbr title=\"Kommunstyrelsen\">KS</abbr></a>.</p>\n"
    );
}

#[test]
fn an_address_written_as_a_link_target_gets_a_mail_hint() {
    let site = site_with(
        "---\ntitle: Kontakt\n---\n\nInledning.\n\n[Skriv till mig](namn@kommun.se)\n\nSlut.\n",
    );
    let run = site.run(&["build"]);
    run.expect_code(1);
    let (_, hint) = run.error_for(FILE, Some(7), &["namn@kommun.se"]);
    assert!(hint.contains("mailto:namn@kommun.se"), "{hint}");
    let run = site.run(&["build", "--lang", "sv"]);
    assert!(
        run.stderr.contains("skriv `mailto:` före en e-postadress"),
        "{}",
        run.stderr
    );
}

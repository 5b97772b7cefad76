//! Issue 17, Markdown features: GitHub-style callouts with Swedish labels, links from
//! headings to themselves, definition lists, soft hyphens in long Swedish words of headings
//! (and nowhere they would be compared or searched), and the page footer's facts: when the
//! page last changed and, when `edit_url:` is set, a link to edit it.

mod common;

use common::Site;

const SOFT_HYPHEN: char = '\u{ad}';

/// A page using every feature, written into the `basic` fixture.
const PAGE: &str = "---
title: Kommunstyrelseberedningen
description: Om Kommunstyrelseberedningen och Uppdragsbeskrivningen.
date: 2026-03-01
updated: 2026-11-20
---

Inledning.

## Uppdragsbeskrivningen

> [!NOTE]
> En upplysning.

> [!TIP]
> Ett råd.

> [!IMPORTANT]
> Något viktigt.

> [!WARNING]
> En varning.

> [!CAUTION]
> En risk.

### Mål och `mandat` {#mal}

Styrgrupp
: Leder arbetet.

Nätverk
: Träffas regelbundet.

#### Samlingspunkten

Text.

##### Liten rubrik

Text.
";

fn site_with(page: &str, config_extra: &str) -> Site {
    let site = Site::from_fixture("basic");
    site.write("content/natverk/beredning.md", page);
    if !config_extra.is_empty() {
        let config = site.read_string("handbok.yaml");
        site.write("handbok.yaml", format!("{config}{config_extra}"));
    }
    site
}

const OUT: &str = "public/natverk/beredning/index.html";

#[test]
fn each_callout_kind_is_a_labelled_note_with_its_text() {
    let site = site_with(PAGE, "");
    site.build_ok(&[]);
    let page = site.html(OUT);
    let kinds = [
        ("note", "Bra att veta", "En upplysning."),
        ("tip", "Tips", "Ett råd."),
        ("important", "Viktigt", "Något viktigt."),
        ("warning", "Varning", "En varning."),
        ("caution", "Se upp", "En risk."),
    ];
    for (kind, label, text) in kinds {
        let css = format!(".content div.callout.callout-{kind}[role=note]");
        assert_eq!(page.count(&css), 1, "{kind}");
        assert_eq!(
            page.texts(&format!("{css} > p.callout-title:first-child")),
            [label]
        );
        assert_eq!(
            page.texts(&format!("{css} > p:not(.callout-title)")),
            [text]
        );
    }
    // The marker itself is gone, and no callout is a quote any more.
    assert_eq!(page.count(".content blockquote"), 0);
    let html = site.read_string(OUT);
    assert!(!html.contains("[!"), "a marker was left in the page");
}

#[test]
fn an_unknown_callout_kind_is_a_warning_at_its_line_and_stays_a_quote() {
    let page = "---\ntitle: Citat\n---\n\nText.\n\n> [!INFO]\n> Inte en känd sort.\n\n> [!NOTE] Text på samma rad.\n";
    let site = site_with(page, "");
    let run = site.build_ok(&[]);
    let file = "content/natverk/beredning.md";
    let unknown = run.line_starting_with(&format!("{file}:7:"));
    assert!(
        unknown.contains("warning: unknown callout kind `[!INFO]`"),
        "{unknown}"
    );
    let hint = run.hint_after(&format!("{file}:7:"));
    for kind in [
        "[!NOTE]",
        "[!TIP]",
        "[!IMPORTANT]",
        "[!WARNING]",
        "[!CAUTION]",
    ] {
        assert!(hint.contains(kind), "{hint}");
    }
    let same_line = run.line_starting_with(&format!("{file}:10:"));
    assert!(
        same_line.contains("`[!NOTE]` must stand alone on its line"),
        "{same_line}"
    );
    let out = site.html(OUT);
    assert_eq!(out.count(".content .callout"), 0);
    assert_eq!(
        out.texts(".content blockquote"),
        ["[!INFO] Inte en känd sort.", "[!NOTE] Text på samma rad."]
    );
    // In Swedish too.
    let sv = site.run(&["check", "--lang", "sv"]);
    assert!(
        sv.stderr.contains("okänd sorts faktaruta `[!INFO]`"),
        "{}",
        sv.stderr
    );
}

#[test]
fn headings_h2_to_h4_link_to_themselves_with_a_name_and_a_silent_glyph() {
    let site = site_with(PAGE, "");
    site.build_ok(&[]);
    let page = site.html(OUT);
    let ids = page.attrs(".content .heading-anchored > :is(h2, h3, h4)", "id");
    assert_eq!(ids, ["uppdragsbeskrivningen", "mal", "samlingspunkten"]);
    let hrefs = page.attrs(".content .heading-anchored > a.heading-anchor", "href");
    let expected: Vec<String> = ids.iter().map(|id| format!("#{id}")).collect();
    assert_eq!(hrefs, expected);
    assert_eq!(
        page.attrs(".content a.heading-anchor", "aria-label"),
        [
            "Länk till avsnittet Uppdragsbeskrivningen",
            "Länk till avsnittet Mål och mandat",
            "Länk till avsnittet Samlingspunkten",
        ]
    );
    // The link adds no text: its "#" is drawn by the style sheet and silent, so the heading
    // is read once, and the page text holds no "#" or label.
    assert_eq!(page.texts(".content a.heading-anchor"), ["", "", ""]);
    let css = site.read_string("public/handbok.css");
    assert!(
        css.contains(".heading-anchor::before { content: \"#\"; content: \"#\" / \"\"; }"),
        "the glyph has no empty alternative text"
    );
    // h5 gets none.
    assert_eq!(page.count(".content .heading-anchored h5"), 0);
    assert_eq!(page.count(".content h5"), 1);
}

#[test]
fn definition_lists_are_rendered() {
    let site = site_with(PAGE, "");
    site.build_ok(&[]);
    let page = site.html(OUT);
    assert_eq!(page.texts(".content dl > dt"), ["Styrgrupp", "Nätverk"]);
    assert_eq!(
        page.texts(".content dl > dd"),
        ["Leder arbetet.", "Träffas regelbundet."]
    );
}

#[test]
fn soft_hyphens_are_in_headings_only_never_in_titles_ids_or_the_search_index() {
    let site = site_with(PAGE, "");
    site.build_ok(&[]);
    let page = site.html(OUT);
    let h1 = page.raw_texts("h1").remove(0);
    assert!(h1.contains(SOFT_HYPHEN), "{h1:?}");
    assert_eq!(h1.replace(SOFT_HYPHEN, ""), "Kommunstyrelseberedningen");
    assert_eq!(
        h1.replace(SOFT_HYPHEN, "-"),
        "Kom-mun-sty-rel-se-be-red-ningen"
    );
    let h2 = page.raw_texts(".content h2").remove(0);
    assert_eq!(h2.replace(SOFT_HYPHEN, "-"), "Upp-drags-be-skriv-ningen");
    let h4 = page.raw_texts(".content h4").remove(0);
    assert_eq!(h4.replace(SOFT_HYPHEN, "-"), "Sam-lings-punk-ten");
    // Short headings and body text are left alone.
    assert_eq!(page.texts(".content h3"), ["Mål och mandat"]);
    // Not in the title, the description, ids, anchors, link names or the breadcrumbs.
    let title = page.texts("title").remove(0);
    assert!(title.starts_with("Kommunstyrelseberedningen – "), "{title}");
    let mut clean = page.raw_texts("title");
    clean.extend(page.attrs("meta[name=description]", "content"));
    clean.extend(page.attrs("[id]", "id"));
    clean.extend(page.attrs("a[href]", "href"));
    clean.extend(page.attrs("[aria-label]", "aria-label"));
    clean.extend(page.raw_texts(".breadcrumbs"));
    clean.extend(page.raw_texts(".toc"));
    for value in &clean {
        assert!(!value.contains(SOFT_HYPHEN), "a soft hyphen in {value:?}");
    }
    // Not in the search index, where the headings are found whole.
    let mut found_heading = false;
    for (path, bytes) in site.snapshot("public/sok") {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(SOFT_HYPHEN), "a soft hyphen in sok/{path}");
        found_heading |= text.contains("[\"uppdragsbeskrivningen\",\"Uppdragsbeskrivningen\"]");
    }
    assert!(found_heading, "the heading is not in the search index");
    // Nor on a page of another language.
    let en = site_with(PAGE, "");
    let config = en
        .read_string("handbok.yaml")
        .replace("language: sv", "language: en");
    en.write("handbok.yaml", config);
    en.build_ok(&[]);
    assert!(!en.read_string(OUT).contains(SOFT_HYPHEN));
}

#[test]
fn the_footer_says_when_the_page_last_changed_and_the_date_is_shown_once() {
    let site = site_with(PAGE, "");
    site.build_ok(&[]);
    let page = site.html(OUT);
    assert_eq!(
        page.texts("article footer.page-footer .last-changed"),
        ["Senast ändrad 2026-11-20"]
    );
    assert_eq!(page.attrs(".page-footer time", "datetime"), ["2026-11-20"]);
    // The header keeps the page's own date, which differs.
    assert_eq!(page.attrs(".page-header time", "datetime"), ["2026-03-01"]);
    // Without `updated`, the footer shows `date`, and the header no date.
    let dated = "---\ntitle: Daterad\ndate: 2026-05-04\n---\n\nText.\n";
    let site = site_with(dated, "");
    site.build_ok(&[]);
    let page = site.html(OUT);
    assert_eq!(
        page.texts(".page-footer .last-changed"),
        ["Senast ändrad 2026-05-04"]
    );
    assert_eq!(page.count("time"), 1);
    // The same day as `date` and `updated` is shown once, in the footer.
    let same = "---\ntitle: Samma dag\ndate: 2026-05-04\nupdated: 2026-05-04\n---\n\nText.\n";
    let again = site_with(same, "");
    again.build_ok(&[]);
    let page = again.html(OUT);
    assert_eq!(page.count(".page-header time"), 0);
    assert_eq!(page.attrs("time", "datetime").len(), 1);
    // Without either, and without edit_url, there is no footer.
    let plain = site.html("public/natverk/ekologisk-hallbarhet/index.html");
    assert_eq!(plain.count(".page-footer"), 0);
}

#[test]
fn the_edit_link_is_there_only_when_configured_with_the_file_path() {
    let site = site_with(PAGE, "");
    site.build_ok(&[]);
    assert_eq!(site.html(OUT).count(".edit-page"), 0);
    let site = site_with(
        PAGE,
        "edit_url: https://git.example.se/handbok/-/edit/main/content/{path}\n",
    );
    site.build_ok(&[]);
    let page = site.html(OUT);
    assert_eq!(page.texts(".page-footer .edit-page a"), ["Redigera sidan"]);
    assert_eq!(
        page.attrs(".page-footer .edit-page a", "href"),
        ["https://git.example.se/handbok/-/edit/main/content/natverk/beredning.md"]
    );
    // Sections link their _index.md.
    let section = site.html("public/natverk/index.html");
    assert_eq!(
        section.attrs(".page-footer .edit-page a", "href"),
        ["https://git.example.se/handbok/-/edit/main/content/natverk/_index.md"]
    );
    // A `#`, `%` or space in a file name is encoded, so that the link names the whole file.
    site.write(
        "content/natverk/möte #3 100%.md",
        "---\ntitle: Möte\n---\n\nText.\n",
    );
    site.build_ok(&[]);
    let odd = site
        .snapshot("public/natverk")
        .into_keys()
        .find(|p| p.ends_with("index.html") && p.contains("mote"))
        .expect("the page of the oddly named file");
    assert_eq!(
        site.html(&format!("public/natverk/{odd}"))
            .attrs(".page-footer .edit-page a", "href"),
        ["https://git.example.se/handbok/-/edit/main/content/natverk/m%C3%B6te%20%233%20100%25.md"]
    );
}

#[test]
fn a_bad_edit_url_is_a_config_error_at_its_line() {
    for (value, words) in [
        (
            "git.example.se/edit/{path}",
            "is not an absolute http(s) URL",
        ),
        (
            "https://git.example.se/edit/main/",
            "does not contain `{path}`",
        ),
        (
            "javascript:alert(1)//{path}",
            "is not an absolute http(s) URL",
        ),
    ] {
        let site = Site::from_fixture("basic");
        let config = site.read_string("handbok.yaml");
        let line = config.lines().count() + 1;
        site.write("handbok.yaml", format!("{config}edit_url: \"{value}\"\n"));
        let run = site.run(&["build"]);
        run.expect_no_panic().expect_code(2);
        let (found, hint) = run.error_for("handbok.yaml", Some(line), &["edit_url", words]);
        assert!(found.contains(value), "{found}");
        assert!(hint.contains("{path}"), "{hint}");
        let sv = site.run(&["build", "--lang", "sv"]);
        assert!(sv.stderr.contains("`edit_url`"), "{}", sv.stderr);
        assert!(
            sv.stderr.contains("skriv adressen till redigeringssidan"),
            "{}",
            sv.stderr
        );
    }
}

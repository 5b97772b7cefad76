//! The site's own pages as a reader meets them (issue 17): backlinks and related pages list a
//! page once, compactly, folded when long and never on print pages; the glossary is a
//! definition list by letter with jump links, and every marked term lands on its entry; a
//! focus area's page and its term page lead to each other; the matrix is in the sidebar with
//! breadcrumbs through its section; the start page shows the sections once, as cards, and
//! the entries changed last.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{resolve, sel, text_of, Page, Site};
use scraper::Html;

const MATRIX: &str = "handlingsplaner/fokusomraden/";
const AREA_7: &str = "handlingsplaner/fokusomraden/7-jamlikhet-och-jamstalldhet/";
const AREA_10: &str = "handlingsplaner/fokusomraden/10-halsa-och-valbefinnande/";
const TERM_7: &str = "fokusomrade/7-jamlikhet-och-jamstalldhet/";

/// The `site-pages` fixture with the bundled handbook's glossary template
/// (templates/ordlista.html), so that the template the handbook ships is the one tested.
fn fixture() -> Site {
    let site = Site::from_fixture("site-pages");
    let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/ordlista.html");
    let text = std::fs::read_to_string(&template).expect("the handbook's glossary template");
    site.write("templates/ordlista.html", text);
    site
}

fn build() -> Site {
    let site = fixture();
    site.build_ok(&[]);
    site
}

fn page(site: &Site, path: &str) -> Page {
    site.html(&format!("public/{path}index.html"))
}

fn source(site: &Site, path: &str) -> String {
    site.read_string(&format!("public/{path}index.html"))
}

/// `(text, resolved target)` of every `a[href]` matching `css` on the page at `path`.
fn links(site: &Site, path: &str, css: &str) -> Vec<(String, String)> {
    let doc = Html::parse_document(&source(site, path));
    doc.select(&sel(css))
        .filter_map(|a| Some((text_of(a), resolve(path, a.value().attr("href")?))))
        .collect()
}

fn targets(site: &Site, path: &str, css: &str) -> Vec<String> {
    links(site, path, css).into_iter().map(|(_, t)| t).collect()
}

/// Site paths of every HTML page in the output (`""` for the start page).
fn all_pages(site: &Site) -> Vec<String> {
    common::files(&site.snapshot("public"))
        .into_iter()
        .filter_map(|f| f.strip_suffix("index.html").map(str::to_string))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Backlinks and related pages
// ---------------------------------------------------------------------------------------------

#[test]
fn a_page_is_listed_once_among_backlinks_or_related_pages() {
    let site = build();
    // Mål: six pages and the start page link to it. Avfall also shares the term Klimat with it, so it would be
    // related too; it is listed among the backlinks only. Kort lista shares Klimat and is
    // not linked either way: related.
    let backlinks = targets(&site, "rutiner/mal/", "section.backlinks a");
    assert_eq!(
        backlinks,
        [
            "rutiner/a1/",
            "rutiner/a2/",
            "rutiner/a3/",
            "rutiner/a4/",
            "rutiner/a5/",
            "rutiner/a6/",
            ""
        ]
    );
    assert_eq!(
        targets(&site, "rutiner/mal/", "section.related a"),
        ["rutiner/kort/"]
    );
    // Kort lista: Avfall links to it and shares Klimat; only Mål is related.
    assert_eq!(
        targets(&site, "rutiner/kort/", "section.related a"),
        ["rutiner/mal/"]
    );
    assert_eq!(
        targets(&site, "rutiner/kort/", "section.backlinks a"),
        ["rutiner/a1/", "rutiner/a2/"]
    );
    // On no page of the site is a page in both lists.
    for path in all_pages(&site) {
        let back: BTreeSet<String> = targets(&site, &path, "section.backlinks a")
            .into_iter()
            .collect();
        let related: BTreeSet<String> = targets(&site, &path, "section.related a")
            .into_iter()
            .collect();
        let both: Vec<_> = back.intersection(&related).collect();
        assert!(both.is_empty(), "/{path} lists {both:?} in both");
    }
}

#[test]
fn long_lists_fold_behind_a_count_and_short_ones_do_not() {
    let site = build();
    let mal = page(&site, "rutiner/mal/");
    assert_eq!(mal.count("section.backlinks details li"), 7);
    assert_eq!(
        mal.texts("section.backlinks details > summary"),
        ["Visa alla 7 sidor"]
    );
    assert_eq!(mal.texts("section.backlinks h2"), ["Sidor som länkar hit"]);
    // Two backlinks and one related page: shown as they are.
    let kort = page(&site, "rutiner/kort/");
    assert_eq!(kort.count("section.backlinks li"), 2);
    assert_eq!(
        kort.count("section.backlinks details, section.related details"),
        0
    );
}

#[test]
fn lists_show_titles_with_only_short_descriptions() {
    let site = build();
    let mal = page(&site, "rutiner/mal/");
    // Avfall's description (35 characters) is shown; Bokföring's (over 120) is not.
    assert_eq!(
        mal.texts("section.backlinks li"),
        [
            "Avfall Kort beskrivning av avfallsrutinen.",
            "Bokföring",
            "Cykelpolicy",
            "Dokumenthantering",
            "Energi",
            "Fordon",
            "Sidtesthandboken Rutiner och handlingsplaner."
        ]
    );
    assert_eq!(
        mal.texts("section.backlinks .link-note"),
        [
            "Kort beskrivning av avfallsrutinen.",
            "Rutiner och handlingsplaner."
        ]
    );
}

#[test]
fn print_pages_and_printouts_leave_out_backlinks_and_related_pages() {
    let site = build();
    let print = source(&site, "rutiner/utskrift/");
    assert!(print.contains("Målen för verksamheten."), "{print}");
    let print = page(&site, "rutiner/utskrift/");
    assert_eq!(print.count(".backlinks, .related"), 0);
    assert!(!source(&site, "rutiner/utskrift/").contains("Sidor som länkar hit"));
    // A page printed from the browser: the theme hides the lists.
    let css = site.read_string("public/handbok.css");
    assert!(
        css.contains("@media print { .backlinks, .related { display: none; } }"),
        "the theme's CSS does not hide the lists in print"
    );
}

// ---------------------------------------------------------------------------------------------
// The glossary
// ---------------------------------------------------------------------------------------------

#[test]
fn glossary_is_a_definition_list_by_letter_in_swedish_order_with_jump_links() {
    let site = build();
    let g = page(&site, "ordlista/");
    // Only letters that have terms, Å, Ä, Ö last.
    assert_eq!(g.texts("nav.glossary-letters a"), ["A", "G", "Å", "Ä", "Ö"]);
    let jumps = g.attrs("nav.glossary-letters a", "href");
    let ids: BTreeSet<String> = g.ids().into_iter().collect();
    for href in &jumps {
        let id = href.strip_prefix('#').expect("an in-page link");
        assert!(ids.contains(id), "jump link {href} has no target");
    }
    assert_eq!(g.texts(".glossary-letter > h2"), ["A", "G", "Å", "Ä", "Ö"]);
    // One dt with the term's id, and its dd, per term.
    assert_eq!(
        g.attrs("dl.glossary > dt", "id"),
        ["andts", "ggr", "avc", "aldreplan", "oj"]
    );
    assert_eq!(g.count("dl.glossary > dd"), 5);
    assert_eq!(
        g.texts("dl.glossary > dt"),
        [
            "ANDTS – Alkohol, narkotika, dopning, tobak och spel om pengar",
            "ggr – gånger",
            "ÅVC – Återvinningscentral",
            "Äldreplan",
            "ÖJ – Öppna jämförelser"
        ]
    );
    // A definition that only repeats the expansion (ggr: "Gånger.") is not shown twice.
    assert_eq!(
        g.texts("dl.glossary > dd"),
        [
            "Ett område i folkhälsoarbetet.",
            "",
            "En plats där hushåll lämnar grovavfall.",
            "Ett begrepp utan förkortning; det markeras inte i texten.",
            "Jämförelser mellan kommuner."
        ]
    );
}

#[test]
fn every_marked_term_links_to_its_glossary_entry() {
    let site = build();
    let g = page(&site, "ordlista/");
    let entries: BTreeSet<String> = g.attrs("dl.glossary > dt", "id").into_iter().collect();
    let mut landed = BTreeSet::new();
    for path in all_pages(&site) {
        for (text, target) in links(&site, &path, "a.glossary") {
            let (to, id) = target.split_once('#').expect("a link to an entry");
            assert_eq!(to, "ordlista/", "{text} on /{path}");
            assert!(entries.contains(id), "{text} on /{path} links to #{id}");
            landed.insert(text);
        }
    }
    assert_eq!(
        landed.into_iter().collect::<Vec<_>>(),
        ["ANDTS", "ggr", "ÅVC", "ÖJ"]
    );
}

// ---------------------------------------------------------------------------------------------
// Focus areas and the matrix
// ---------------------------------------------------------------------------------------------

/// Whether `needle` comes inside the page's `<article`, before its first `<h2` or, on a
/// page without one, before its first list of pages (near the top, either way).
fn before_first_heading(html: &str, needle: &str) -> bool {
    let article = html.find("<article").expect("an article");
    let at = html.find(needle).expect("the needle");
    let rest = &html[article..];
    let first = rest
        .find("<h2")
        .or_else(|| rest.find("<ul"))
        .expect("a heading or a list after the link")
        + article;
    article < at && at < first
}

#[test]
fn a_focus_area_and_its_term_page_lead_to_each_other_near_the_top() {
    let site = build();
    assert_eq!(
        links(&site, AREA_7, "article .see-also a"),
        [(
            "Sidor i handboken om fokusområdet".to_string(),
            TERM_7.to_string()
        )]
    );
    assert_eq!(
        page(&site, AREA_7).texts(".see-also"),
        ["Sidor i handboken om fokusområdet (2 sidor)"]
    );
    assert!(before_first_heading(
        &source(&site, AREA_7),
        "class=\"see-also\""
    ));
    assert_eq!(
        targets(&site, TERM_7, "article .see-also a"),
        [AREA_7.to_string()]
    );
    assert!(before_first_heading(
        &source(&site, TERM_7),
        "class=\"see-also\""
    ));
    // The term page still lists the pages that carry the term.
    assert_eq!(
        targets(&site, TERM_7, "article ul.listing a"),
        ["rutiner/a3/", "handlingsplaner/plan/"]
    );
    // Focus area 10 is no page's term: no link to a term page.
    assert_eq!(page(&site, AREA_10).count(".see-also"), 0);
}

#[test]
fn the_matrix_is_in_the_sidebar_and_breadcrumbs_go_through_its_section() {
    let site = build();
    // Listed under its section on every page with a sidebar.
    for path in ["rutiner/mal/", "handlingsplaner/", "ordlista/", AREA_7] {
        assert!(
            links(&site, path, "nav.sidebar a").contains(&(
                "Fokusområden i handlingsplanerna".to_string(),
                MATRIX.to_string()
            )),
            "/{path}: no matrix in the sidebar"
        );
    }
    let on_matrix = page(&site, MATRIX);
    assert_eq!(
        on_matrix.texts("nav.sidebar a[aria-current=page]"),
        ["Fokusområden i handlingsplanerna"]
    );
    assert_eq!(
        links(&site, MATRIX, "nav.breadcrumbs a"),
        [
            ("Sidtesthandboken".to_string(), String::new()),
            (
                "Handlingsplaner".to_string(),
                "handlingsplaner/".to_string()
            )
        ]
    );
    assert_eq!(
        on_matrix.texts("nav.breadcrumbs [aria-current=page]"),
        ["Fokusområden i handlingsplanerna"]
    );
    // A focus area: start page › section › matrix › the focus area.
    assert_eq!(
        targets(&site, AREA_7, "nav.breadcrumbs a"),
        ["", "handlingsplaner/", MATRIX]
    );
    assert_eq!(
        page(&site, AREA_7).texts("nav.breadcrumbs [aria-current=page]"),
        ["Fokusområde 7"]
    );
    // Only the matrix page marks the matrix current.
    assert_eq!(page(&site, AREA_7).count("nav.sidebar [aria-current]"), 0);
}

// ---------------------------------------------------------------------------------------------
// The start page
// ---------------------------------------------------------------------------------------------

#[test]
fn the_start_page_shows_each_section_once_as_a_card_then_start_here() {
    let site = build();
    let start = page(&site, "");
    assert_eq!(
        links(&site, "", ".home .cards a"),
        [
            (
                "Handlingsplaner".to_string(),
                "handlingsplaner/".to_string()
            ),
            ("Rutiner".to_string(), "rutiner/".to_string()),
            ("Ordlista".to_string(), "ordlista/".to_string()),
        ]
    );
    assert_eq!(
        start.texts(".home .cards p"),
        [
            "Nämndernas handlingsplaner.",
            "Rutiner för verksamheten.",
            "Förkortningar och begrepp."
        ]
    );
    // The cards carry the sections: no sidebar repeats them, and no other part of the main
    // content links to a section.
    assert_eq!(start.count("nav.sidebar"), 0);
    let in_main = targets(&site, "", "main a");
    for section in ["handlingsplaner/", "rutiner/"] {
        assert_eq!(
            in_main.iter().filter(|t| *t == section).count(),
            1,
            "{section} in {in_main:?}"
        );
    }
    // The page's own text ("Börja här") follows the cards.
    let html = source(&site, "");
    let cards = html.find("class=\"cards\"").expect("cards");
    let start_here = html.find("Börja här").expect("Börja här");
    assert!(cards < start_here);
}

#[test]
fn the_start_page_lists_the_five_entries_changed_last() {
    let site = build();
    // By `updated`, else `date`, newest first: Bokföring's update (2026-03-01) counts, not
    // its date; Energi (2024) is the sixth.
    assert_eq!(
        links(&site, "", ".recent a"),
        [
            ("Bokföring".to_string(), "rutiner/a2/".to_string()),
            ("Fordon".to_string(), "rutiner/a6/".to_string()),
            ("Cykelpolicy".to_string(), "rutiner/a3/".to_string()),
            ("Avfall".to_string(), "rutiner/a1/".to_string()),
            ("Dokumenthantering".to_string(), "rutiner/a4/".to_string()),
        ]
    );
    let start = page(&site, "");
    assert_eq!(
        start.attrs(".recent time", "datetime"),
        [
            "2026-03-01",
            "2026-02-15",
            "2026-02-01",
            "2026-01-10",
            "2025-05-05"
        ]
    );
    assert_eq!(start.texts(".recent h2"), ["Senast ändrat"]);
    let html = source(&site, "");
    let begin = html.find("Börja här").expect("a \"Börja här\" block");
    let recent = html
        .find("Senast ändrat")
        .expect("a \"Senast ändrat\" block");
    assert!(begin < recent, "\"Börja här\" before \"Senast ändrat\"");
}

#[test]
fn the_start_page_has_no_recent_changes_when_no_page_has_a_date() {
    let site = fixture();
    for n in 1..=6 {
        let rel = format!("content/rutiner/a{n}.md");
        let text: String = site
            .read_string(&rel)
            .lines()
            .filter(|l| !l.starts_with("date:") && !l.starts_with("updated:"))
            .map(|l| format!("{l}\n"))
            .collect();
        site.write(&rel, text);
    }
    site.build_ok(&[]);
    let start = page(&site, "");
    assert_eq!(start.count(".recent"), 0);
    assert!(!source(&site, "").contains("Senast ändrat"));
    // The cards are still there.
    assert_eq!(start.count(".home .cards li"), 3);
}

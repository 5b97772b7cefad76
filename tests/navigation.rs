//! Integration tests for navigation and cross-linking (issue 4): the fixture site
//! `tests/fixtures/nav/` (nested sections, weights, Swedish titles, links of every form,
//! shared taxonomy terms, dated pages, an alias and a glossary) is built with the real binary
//! and the output is read the way a reader of the site meets it: sidebar, breadcrumbs, table
//! of contents, previous/next, backlinks, related pages, taxonomies, glossary marks, alias
//! redirects, the Atom feed, the print stylesheet and the section print pages.
//!
//! Links are compared as resolved site paths (`orter/kiruna/`), so that every assertion also
//! checks that the relative href written into the page leads where it should.

mod common;

use std::collections::{BTreeMap, HashSet};

use common::{files, resolve, resolve_href, sel, text_of, Page, Site};
use scraper::{ElementRef, Html};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Copies the `nav` fixture and builds it into `public/`.
fn build() -> Site {
    let site = Site::from_fixture("nav");
    site.build_ok(&[]);
    site
}

/// The output file of the page at site path `path` (`orter/kiruna/`, `""` for the start page).
fn html_file(path: &str) -> String {
    format!("public/{path}index.html")
}

fn page(site: &Site, path: &str) -> Page {
    site.html(&html_file(path))
}

fn document(site: &Site, path: &str) -> Html {
    Html::parse_document(&site.read_string(&html_file(path)))
}

/// The resolved targets of every `a[href]` matching `css` on the page at `path`.
fn targets(site: &Site, path: &str, css: &str) -> Vec<String> {
    links(site, path, css).into_iter().map(|(_, t)| t).collect()
}

/// `(text, resolved target)` of every `a[href]` matching `css` on the page at `path`.
fn links(site: &Site, path: &str, css: &str) -> Vec<(String, String)> {
    let doc = document(site, path);
    doc.select(&sel(css))
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            Some((text_of(a), resolve(path, href)))
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(t, p)| (t.to_string(), p.to_string()))
        .collect()
}

/// The sidebar tree as indented lines: `Orter ▾` (open section), `Rutiner ▸` (closed
/// section), `Kiruna → orter/kiruna/` (link, with the resolved target), `… ←` marks the link
/// with `aria-current="page"`.
fn sidebar_outline(site: &Site, path: &str) -> Vec<String> {
    let doc = document(site, path);
    let trees: Vec<ElementRef> = doc.select(&sel("nav.sidebar ul.nav-tree")).collect();
    assert_eq!(trees.len(), 1, "one section tree in the sidebar of /{path}");
    let mut out = Vec::new();
    outline(trees[0], path, 0, &mut out);
    out
}

fn child_elements(e: ElementRef) -> impl Iterator<Item = ElementRef> {
    e.children().filter_map(ElementRef::wrap)
}

fn outline(ul: ElementRef, path: &str, depth: usize, out: &mut Vec<String>) {
    let indent = "  ".repeat(depth);
    for li in child_elements(ul).filter(|c| c.value().name() == "li") {
        for item in child_elements(li) {
            match item.value().name() {
                "a" => {
                    let href = item.value().attr("href").unwrap_or_default();
                    let current = if item.value().attr("aria-current") == Some("page") {
                        " ←"
                    } else {
                        ""
                    };
                    out.push(format!(
                        "{indent}{} → {}{current}",
                        text_of(item),
                        resolve(path, href)
                    ));
                }
                "details" => {
                    let summary = child_elements(item)
                        .find(|c| c.value().name() == "summary")
                        .map(text_of)
                        .unwrap_or_default();
                    let open = if item.value().attr("open").is_some() {
                        "▾"
                    } else {
                        "▸"
                    };
                    out.push(format!("{indent}{summary} {open}"));
                    for inner in child_elements(item).filter(|c| c.value().name() == "ul") {
                        outline(inner, path, depth + 1, out);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Every `index.html` page in the output, as site paths (`orter/kiruna/`).
fn all_pages(site: &Site) -> Vec<String> {
    let out = site.snapshot("public");
    files(&out)
        .into_iter()
        .filter(|f| *f == "index.html" || f.ends_with("/index.html"))
        .map(|f| f.trim_end_matches("index.html").to_string())
        .collect()
}

/// Problems with the links of the page at `path`: targets that do not exist in the output,
/// and `#fragments` that name no id on their target page.
fn broken_links(site: &Site, path: &str) -> Vec<String> {
    let page = page(site, path);
    let own_ids: HashSet<String> = page.ids().into_iter().collect();
    let mut hrefs = page.attrs("a[href]", "href");
    hrefs.extend(page.attrs("link[href]", "href"));
    let mut problems = Vec::new();
    for href in hrefs {
        if href.starts_with("http:") || href.starts_with("https:") || href.starts_with("mailto:") {
            continue;
        }
        if href.starts_with('/') {
            problems.push(format!("{href}: not relative"));
            continue;
        }
        let fragment = href.split_once('#').map(|(_, f)| f.to_string());
        if let Some(f) = href.strip_prefix('#') {
            if !own_ids.contains(f) {
                problems.push(format!("{href}: no such id on the page"));
            }
            continue;
        }
        let Some(target) = resolve_href(path, &href) else {
            problems.push(format!("{href}: escapes the site"));
            continue;
        };
        let is_dir = target.is_empty() || target.ends_with('/');
        let file = if is_dir {
            html_file(&target)
        } else {
            format!("public/{target}")
        };
        if !site.path(&file).is_file() {
            problems.push(format!("{href}: {file} does not exist"));
            continue;
        }
        if let (Some(f), true) = (fragment, is_dir) {
            if !f.is_empty() && !site.html(&file).ids().contains(&f) {
                problems.push(format!("{href}: no id {f:?} in {file}"));
            }
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// Sidebar, sort order, breadcrumbs, table of contents, previous/next
// ---------------------------------------------------------------------------------------------

const KEBNEKAISE: &str = "orter/norrland/fjall/kebnekaise/";

#[test]
fn sidebar_expands_the_current_branch_and_marks_the_current_page() {
    let site = build();
    let expected = [
        "Orter ▾",
        "  Översikt → orter/",
        "  Kiruna → orter/kiruna/",
        "  Arjeplog → orter/arjeplog/",
        "  Norrland ▾",
        "    Översikt → orter/norrland/",
        "    Fjäll ▾",
        "      Översikt → orter/norrland/fjall/",
        "      Kebnekaise → orter/norrland/fjall/kebnekaise/ ←",
        "      Sarek → orter/norrland/fjall/sarek/",
        "    Luleå → orter/norrland/lulea/",
        "    Umeå → orter/norrland/umea/",
        "  Växjö → orter/vaxjo/",
        "  Zinkgruvan → orter/zinkgruvan/",
        "  Åre → orter/are/",
        "  Älmhult → orter/almhult/",
        "  Östersund → orter/ostersund/",
        // Another section: collapsed, with its direct children.
        "Rutiner ▸",
        "  Översikt → rutiner/",
        "  Avfallsrutin → rutiner/avfall/",
        "  Bokföring → rutiner/bokforing/",
        "  Cykelpolicy → rutiner/cykel/",
        "  Energi → rutiner/energi/",
        "  Fika & <kod> \"citat\" → rutiner/nyhet/",
        "  Rå HTML → rutiner/rahtml/",
        "  Vattenrening → rutiner/vattenrening/",
        "  Åtgärdsplan → rutiner/atgarder/",
        "  Ärendehantering → rutiner/arenden/",
        // A section without pages is a plain link; unweighted entries come last.
        "Tomt avsnitt → tom/",
        "Ordlista → ordlista/",
    ];
    assert_eq!(sidebar_outline(&site, KEBNEKAISE), expected);
    let page = page(&site, KEBNEKAISE);
    // Links in the open branch climb only to the common folder (a large section's sidebar
    // is repeated on each of its pages); closed sections keep links from the root.
    assert_eq!(page.href_of("nav.sidebar a", "Sarek"), "../sarek/");
    assert_eq!(page.href_of("nav.sidebar a", "Kebnekaise"), "./");
    assert_eq!(page.href_of("nav.sidebar a", "Luleå"), "../../lulea/");
    assert_eq!(page.href_of("nav.sidebar a", "Kiruna"), "../../../kiruna/");
    assert_eq!(
        page.href_of("nav.sidebar a", "Avfallsrutin"),
        "../../../../rutiner/avfall/"
    );
    assert_eq!(
        page.count("nav.sidebar [aria-current=page]"),
        1,
        "exactly one current page in the sidebar"
    );
}

#[test]
fn sidebar_on_a_section_page_marks_its_overview_link() {
    let site = build();
    let outline = sidebar_outline(&site, "orter/norrland/");
    let current: Vec<&String> = outline.iter().filter(|l| l.ends_with('←')).collect();
    assert_eq!(
        current,
        ["    Översikt → orter/norrland/ ←"],
        "{outline:#?}"
    );
    // The current section is open; its subsection is listed but not opened.
    assert!(
        outline.contains(&"  Norrland ▾".to_string()),
        "{outline:#?}"
    );
    assert!(outline.contains(&"    Fjäll ▸".to_string()), "{outline:#?}");

    // On a page at the top level no section is open; top level in display order.
    let ordlista = sidebar_outline(&site, "ordlista/");
    assert!(ordlista.iter().all(|l| !l.contains('▾')), "{ordlista:#?}");
    let top: Vec<&str> = ordlista
        .iter()
        .filter(|l| !l.starts_with(' '))
        .map(String::as_str)
        .collect();
    assert_eq!(
        top,
        [
            "Orter ▸",
            "Rutiner ▸",
            "Tomt avsnitt → tom/",
            "Ordlista → ordlista/ ←"
        ]
    );
}

#[test]
fn linked_summaries_reach_a_template_that_reads_them() {
    let site = Site::from_fixture("nav");
    site.write(
        "templates/page.html",
        r#"{% extends "theme/page.html" %}
{% block main %}<div class="next-summary">{% if page.next %}{{ page.next.summary | safe }}{% endif %}</div>{{ super() }}{% endblock main %}"#,
    );
    site.build_ok(&[]);
    let kiruna = page(&site, "orter/kiruna/");
    let next = kiruna.href_of("nav.pagination a[rel=next]", "Nästa Arjeplog");
    assert!(next.ends_with("arjeplog/"), "{next}");
    assert_eq!(
        kiruna.texts("div.next-summary p"),
        ["Text om Arjeplog. Jämför med Kirunas historia."]
    );
}

#[test]
fn a_theme_can_write_its_own_sidebar_from_the_nav_data() {
    let site = Site::from_fixture("nav");
    site.write(
        "templates/page.html",
        r#"{% extends "theme/page.html" %}
{% block sidebar %}<nav class="own">{% for item in page.nav %}<p class="own-item{% if item.open %} open{% endif %}">{{ item.title }}</p>{% for child in item.children %}<p class="own-child{% if child.current %} current{% endif %}">{{ child.title }}</p>{% endfor %}{% endfor %}</nav>{% endblock sidebar %}"#,
    );
    site.build_ok(&[]);
    let kiruna = page(&site, "orter/kiruna/");
    assert_eq!(
        kiruna.count("nav.sidebar"),
        0,
        "the theme's sidebar was replaced"
    );
    assert_eq!(
        kiruna.texts("nav.own p.own-item"),
        ["Orter", "Rutiner", "Tomt avsnitt", "Ordlista"]
    );
    assert_eq!(kiruna.texts("nav.own p.own-item.open"), ["Orter"]);
    assert_eq!(kiruna.texts("nav.own p.own-child.current"), ["Kiruna"]);
}

#[test]
fn swedish_order_puts_ostersund_after_vaxjo_in_listings() {
    let site = build();
    let orter = links(
        &site,
        "orter/",
        "section[aria-labelledby=sidor-rubrik] .listing a",
    );
    let titles: Vec<&str> = orter.iter().map(|(t, _)| t.as_str()).collect();
    // Kiruna has weight 1; the rest by title with å, ä, ö after z (and å before ä).
    assert_eq!(
        titles,
        [
            "Kiruna",
            "Arjeplog",
            "Växjö",
            "Zinkgruvan",
            "Åre",
            "Älmhult",
            "Östersund"
        ]
    );
    let pos = |t: &str| titles.iter().position(|x| *x == t).unwrap();
    assert!(pos("Östersund") > pos("Växjö"));
    assert_eq!(orter[6].1, "orter/ostersund/");
    assert_eq!(
        links(
            &site,
            "orter/",
            "section[aria-labelledby=avsnitt-rubrik] .listing a"
        ),
        pairs(&[("Norrland", "orter/norrland/")])
    );

    // The sidebar uses the same order.
    let sidebar = sidebar_outline(&site, "orter/vaxjo/");
    let vaxjo = sidebar.iter().position(|l| l.contains("Växjö")).unwrap();
    let ostersund = sidebar
        .iter()
        .position(|l| l.contains("Östersund"))
        .unwrap();
    let zink = sidebar
        .iter()
        .position(|l| l.contains("Zinkgruvan"))
        .unwrap();
    assert!(
        vaxjo < zink && zink < ostersund,
        "sidebar order: {sidebar:#?}"
    );

    // So do term pages (no weights there): Å before Ä, both after V.
    let vatten: Vec<String> = links(&site, "tema/vatten/", "article .listing a")
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        vatten,
        [
            "Energi",
            "Kiruna",
            "Umeå",
            "Vattenrening",
            "Åtgärdsplan",
            "Älmhult"
        ]
    );
}

#[test]
fn entries_of_the_same_title_and_weight_follow_their_source_paths() {
    // Within a section, equal titles (and weights) sort by source path: a subsection whose
    // folder name sorts first comes before the pages beside it in the sidebar, and the pages
    // follow their file names in the listing and in previous/next.
    let site = Site::from_fixture("nav");
    site.write("content/lika/_index.md", "---\ntitle: Lika\n---\n\nText.\n");
    for (file, text) in [
        ("b-sida.md", "Sidan B."),
        ("a-sida.md", "Sidan A."),
        ("0-del/_index.md", "Delen."),
        ("0-del/inne.md", "Inne."),
    ] {
        let front = "title: Samma\ntema: [Lika titlar]";
        site.write(
            &format!("content/lika/{file}"),
            format!("---\n{front}\n---\n\n{text}\n"),
        );
    }
    site.build_ok(&[]);
    let sidebar = sidebar_outline(&site, "lika/a-sida/");
    let at = |target: &str| {
        sidebar
            .iter()
            .position(|l| l.contains(&format!("→ {target}")))
            .unwrap_or_else(|| panic!("{target} in the sidebar: {sidebar:#?}"))
    };
    assert!(
        at("lika/0-del/") < at("lika/a-sida/") && at("lika/a-sida/") < at("lika/b-sida/"),
        "sidebar order: {sidebar:#?}"
    );
    assert_eq!(
        targets(
            &site,
            "lika/",
            "section[aria-labelledby=sidor-rubrik] .listing a"
        ),
        ["lika/a-sida/", "lika/b-sida/"]
    );
    assert_eq!(
        targets(&site, "lika/a-sida/", "nav.pagination a[rel=next]"),
        ["lika/b-sida/"]
    );
    // A term page lists equal titles in the site's order: shallower entries first, then
    // sections, then by source path.
    assert_eq!(
        targets(&site, "tema/lika-titlar/", "article .listing a"),
        [
            "lika/a-sida/",
            "lika/b-sida/",
            "lika/0-del/",
            "lika/0-del/inne/"
        ]
    );
}

#[test]
fn section_listing_leaves_out_pages_its_text_links() {
    let site = build();
    // Rutiner's text links to Bokföring; the listing offers the other pages, under a
    // heading that says so.
    assert_eq!(
        page_texts(&site, "rutiner/", "#sidor-rubrik"),
        ["Fler sidor i avsnittet"]
    );
    let listed: Vec<String> = links(
        &site,
        "rutiner/",
        "section[aria-labelledby=sidor-rubrik] .listing a",
    )
    .into_iter()
    .map(|(t, _)| t)
    .collect();
    assert_eq!(
        listed,
        [
            "Avfallsrutin",
            "Cykelpolicy",
            "Energi",
            "Fika & <kod> \"citat\"",
            "Rå HTML",
            "Vattenrening",
            "Åtgärdsplan",
            "Ärendehantering"
        ]
    );
    assert_eq!(
        links(&site, "rutiner/", ".content a"),
        pairs(&[("bokföringen", "rutiner/bokforing/")])
    );
    // Orter's text links none of its pages: all are listed under "Sidor".
    assert_eq!(page_texts(&site, "orter/", "#sidor-rubrik"), ["Sidor"]);
}

#[test]
fn breadcrumbs_lead_from_the_start_page_to_the_current_page() {
    let site = build();
    assert_eq!(
        links(&site, KEBNEKAISE, "nav.breadcrumbs a"),
        pairs(&[
            ("Navigeringshandboken", ""),
            ("Orter", "orter/"),
            ("Norrland", "orter/norrland/"),
            ("Fjäll", "orter/norrland/fjall/"),
        ])
    );
    let page = page(&site, KEBNEKAISE);
    assert_eq!(
        page.texts("nav.breadcrumbs li:last-child [aria-current=page]"),
        ["Kebnekaise"]
    );
    assert_eq!(page.count("nav.breadcrumbs li"), 5);

    assert_eq!(
        links(&site, "orter/norrland/", "nav.breadcrumbs a"),
        pairs(&[("Navigeringshandboken", ""), ("Orter", "orter/")])
    );
    assert_eq!(
        page_texts(
            &site,
            "orter/norrland/",
            "nav.breadcrumbs [aria-current=page]"
        ),
        ["Norrland"]
    );
}

fn page_texts(site: &Site, path: &str, css: &str) -> Vec<String> {
    page(site, path).texts(css)
}

#[test]
fn table_of_contents_needs_three_headings() {
    let site = build();
    let kiruna = page(&site, "orter/kiruna/");
    assert_eq!(kiruna.count("nav.toc"), 1, "Kiruna has three headings");
    assert_eq!(kiruna.texts("nav.toc a"), ["Historia", "Gruvan", "Flytten"]);
    assert_eq!(
        kiruna.attrs("nav.toc a", "href"),
        ["#historia", "#gruvan", "#flytten"]
    );
    // `### Flytten` is nested under `## Gruvan`.
    assert_eq!(kiruna.texts("nav.toc li li a"), ["Flytten"]);
    let ids = kiruna.ids();
    for id in ["historia", "gruvan", "flytten"] {
        assert!(ids.contains(&id.to_string()), "no heading id {id}");
    }

    // Two headings, one heading: no table of contents.
    let bokforing = page(&site, "rutiner/bokforing/");
    assert_eq!(bokforing.count(".content h2"), 2);
    assert_eq!(bokforing.count("nav.toc"), 0, "Bokföring has two headings");
    let avfall = page(&site, "rutiner/avfall/");
    assert_eq!(avfall.count(".content h2"), 1);
    assert_eq!(avfall.count("nav.toc"), 0);
}

#[test]
fn previous_and_next_follow_display_order_within_a_section() {
    let site = build();
    let chains: [&[(&str, &str)]; 4] = [
        &[
            ("Kiruna", "orter/kiruna/"),
            ("Arjeplog", "orter/arjeplog/"),
            ("Växjö", "orter/vaxjo/"),
            ("Zinkgruvan", "orter/zinkgruvan/"),
            ("Åre", "orter/are/"),
            ("Älmhult", "orter/almhult/"),
            ("Östersund", "orter/ostersund/"),
        ],
        // A subsection's pages form their own chain.
        &[
            ("Luleå", "orter/norrland/lulea/"),
            ("Umeå", "orter/norrland/umea/"),
        ],
        &[
            ("Kebnekaise", "orter/norrland/fjall/kebnekaise/"),
            ("Sarek", "orter/norrland/fjall/sarek/"),
        ],
        &[
            ("Avfallsrutin", "rutiner/avfall/"),
            ("Bokföring", "rutiner/bokforing/"),
            ("Cykelpolicy", "rutiner/cykel/"),
            ("Energi", "rutiner/energi/"),
            ("Fika & <kod> \"citat\"", "rutiner/nyhet/"),
            ("Rå HTML", "rutiner/rahtml/"),
            ("Vattenrening", "rutiner/vattenrening/"),
            ("Åtgärdsplan", "rutiner/atgarder/"),
            ("Ärendehantering", "rutiner/arenden/"),
        ],
    ];
    for chain in chains {
        for (i, (_, path)) in chain.iter().enumerate() {
            let prev = links(&site, path, "nav.pagination a[rel=prev]");
            let next = links(&site, path, "nav.pagination a[rel=next]");
            let want = |j: Option<usize>| -> Vec<(String, String)> {
                j.and_then(|j| chain.get(j))
                    .map(|(t, p)| (t.to_string(), p.to_string()))
                    .into_iter()
                    .collect()
            };
            let strip = |v: Vec<(String, String)>| -> Vec<(String, String)> {
                // The link text is "Föregående Titel" / "Nästa Titel": keep the title part.
                v.into_iter()
                    .map(|(t, p)| {
                        let title = chain
                            .iter()
                            .map(|(c, _)| *c)
                            .find(|c| t.ends_with(c))
                            .unwrap_or(t.as_str())
                            .to_string();
                        (title, p)
                    })
                    .collect()
            };
            assert_eq!(strip(prev), want(i.checked_sub(1)), "previous of /{path}");
            assert_eq!(strip(next), want(Some(i + 1)), "next of /{path}");
        }
    }
    // Sections have no previous/next, and the chain does not cross into subsections.
    for section in ["orter/", "orter/norrland/", "rutiner/"] {
        assert_eq!(
            page(&site, section).count("nav.pagination a"),
            0,
            "/{section}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Backlinks and related pages
// ---------------------------------------------------------------------------------------------

#[test]
fn backlinks_list_each_linking_page_once_from_every_link_form() {
    let site = build();
    // Avfallsrutin links here twice with `bokforing.md#attestering` and once with
    // `/rutiner/bokforing.md`; Cykelpolicy with `/…#arkiv`; Åtgärdsplan with
    // `../rutiner/bokforing.md`; Ärendehantering with `bokforing.md#arkiv`; Östersund from
    // another section; the section Rutiner from its text. Bokföring's own `#attestering` link
    // does not count.
    assert_eq!(
        links(&site, "rutiner/bokforing/", "section.backlinks a"),
        pairs(&[
            ("Avfallsrutin", "rutiner/avfall/"),
            ("Cykelpolicy", "rutiner/cykel/"),
            ("Rutiner", "rutiner/"),
            ("Åtgärdsplan", "rutiner/atgarder/"),
            ("Ärendehantering", "rutiner/arenden/"),
            ("Östersund", "orter/ostersund/"),
        ])
    );
    assert_eq!(
        page_texts(&site, "rutiner/bokforing/", "section.backlinks h2"),
        ["Sidor som länkar hit"]
    );
    // A section, linked by folder (`../orter/`), by `_index.md` and from the start page.
    assert_eq!(
        links(&site, "orter/", "section.backlinks a"),
        pairs(&[
            ("Avfallsrutin", "rutiner/avfall/"),
            ("Kebnekaise", KEBNEKAISE),
            ("Navigeringshandboken", ""),
            ("Ärendehantering", "rutiner/arenden/"),
        ])
    );
    // A file named `älmhult.md`, linked as written and percent-encoded.
    assert_eq!(
        links(&site, "orter/almhult/", "section.backlinks a"),
        pairs(&[
            ("Cykelpolicy", "rutiner/cykel/"),
            ("Zinkgruvan", "orter/zinkgruvan/"),
        ])
    );
    // Linked from another section's text with an anchor; its own `#flytten` link does not
    // count.
    assert_eq!(
        links(&site, "orter/kiruna/", "section.backlinks a"),
        pairs(&[
            ("Arjeplog", "orter/arjeplog/"),
            ("Norrland", "orter/norrland/")
        ])
    );
    // Nobody links to Sarek: no empty section.
    assert_eq!(
        page(&site, "orter/norrland/fjall/sarek/").count("section.backlinks"),
        0
    );
}

#[test]
fn related_pages_rank_by_shared_terms_and_skip_linked_pages() {
    let site = build();
    // Energi has Klimat, Vatten, Hållbar mat. Vattenrening shares all three but Energi's text
    // already links to it: left out. Åtgärdsplan (three shared) and Växjö (one) link to
    // Energi: they are among its backlinks, so not related as well (issue 17). Kiruna and
    // Umeå share two, then one each by title (Å before Ä), cut at five.
    assert_eq!(
        links(&site, "rutiner/energi/", "section.related a"),
        pairs(&[
            ("Kiruna", "orter/kiruna/"),
            ("Umeå", "orter/norrland/umea/"),
            ("Arjeplog", "orter/arjeplog/"),
            ("Zinkgruvan", "orter/zinkgruvan/"),
            ("Åre", "orter/are/"),
        ])
    );
    assert_eq!(
        links(&site, "rutiner/energi/", "section.backlinks a")
            .iter()
            .filter(|(t, _)| t == "Åtgärdsplan" || t == "Växjö")
            .count(),
        2
    );
    assert_eq!(
        page_texts(&site, "rutiner/energi/", "section.related h2"),
        ["Relaterade sidor"]
    );
    // Vattenrening links nowhere, but Energi links to it: Energi is a backlink, not related.
    // Åtgärdsplan (three shared) first, Kiruna and Umeå (two), then one each by title.
    assert_eq!(
        links(&site, "rutiner/vattenrening/", "section.related a"),
        pairs(&[
            ("Åtgärdsplan", "rutiner/atgarder/"),
            ("Kiruna", "orter/kiruna/"),
            ("Umeå", "orter/norrland/umea/"),
            ("Arjeplog", "orter/arjeplog/"),
            ("Växjö", "orter/vaxjo/"),
        ])
    );
    assert_eq!(
        links(&site, "rutiner/vattenrening/", "section.backlinks a"),
        pairs(&[("Energi", "rutiner/energi/")])
    );
    // Åtgärdsplan links to Energi: Energi is not suggested there, Vattenrening is.
    let atgarder = links(&site, "rutiner/atgarder/", "section.related a");
    assert_eq!(
        atgarder.first(),
        Some(&(
            "Vattenrening".to_string(),
            "rutiner/vattenrening/".to_string()
        ))
    );
    assert!(atgarder.iter().all(|(t, _)| t != "Energi"), "{atgarder:?}");
    // Älmhult (one term) is sixth for Energi: five at most.
    assert_eq!(
        page(&site, "rutiner/energi/").count("section.related li"),
        5
    );
    // A page without terms has no related pages.
    assert_eq!(
        page(&site, "rutiner/bokforing/").count("section.related"),
        0
    );
}

// ---------------------------------------------------------------------------------------------
// Taxonomies
// ---------------------------------------------------------------------------------------------

#[test]
fn taxonomy_overview_term_pages_and_terms_on_pages() {
    let site = build();
    assert_eq!(
        links(&site, "tema/", "article .listing a"),
        pairs(&[
            ("Hållbar mat", "tema/hallbar-mat/"),
            ("Klimat", "tema/klimat/"),
            ("Vatten", "tema/vatten/"),
        ])
    );
    assert_eq!(
        page_texts(&site, "tema/", "article .listing li"),
        [
            "Hållbar mat (5 sidor)",
            "Klimat (7 sidor)",
            "Vatten (6 sidor)"
        ]
    );
    assert_eq!(page_texts(&site, "tema/", "h1"), ["Teman"]);

    // A term page lists its pages with their descriptions.
    let mat = page(&site, "tema/hallbar-mat/");
    assert_eq!(mat.texts("h1"), ["Tema: Hållbar mat"]);
    assert_eq!(
        links(&site, "tema/hallbar-mat/", "article .listing li > a"),
        pairs(&[
            ("Energi", "rutiner/energi/"),
            ("Umeå", "orter/norrland/umea/"),
            ("Vattenrening", "rutiner/vattenrening/"),
            ("Växjö", "orter/vaxjo/"),
            ("Åtgärdsplan", "rutiner/atgarder/"),
        ])
    );
    assert_eq!(
        mat.texts("article .listing li > p"),
        [
            "Energianvändning i lokalerna.",
            "Björkarnas stad.",
            "Reningsverkens arbete.",
            "Europas grönaste stad.",
            "Planens åtgärder.",
        ]
    );

    // The page shows its terms as links, as written in the front matter.
    assert_eq!(
        links(&site, "rutiner/energi/", ".page-terms dd a"),
        pairs(&[
            ("Klimat", "tema/klimat/"),
            ("Vatten", "tema/vatten/"),
            ("Hållbar mat", "tema/hallbar-mat/"),
        ])
    );
    assert_eq!(
        links(&site, "rutiner/energi/", ".page-terms dt a"),
        pairs(&[("Teman", "tema/")])
    );
    assert_eq!(page(&site, "rutiner/bokforing/").count(".page-terms"), 0);
}

// ---------------------------------------------------------------------------------------------
// Glossary
// ---------------------------------------------------------------------------------------------

#[test]
fn glossary_marks_the_first_use_once_outside_links_headings_and_code() {
    let site = build();
    let avfall = page(&site, "rutiner/avfall/");
    // NSH appears first in a heading, a link text, inline code, a code block and as part of
    // NSHX; FN-mål first as part of FN-målen; ks in lower case; Sösk has no expansion.
    assert_eq!(
        avfall.attrs(".content a.glossary", "href"),
        [
            "../../ordlista/#nsh",
            "../../ordlista/#ks",
            "../../ordlista/#globala-malen"
        ]
    );
    assert_eq!(
        avfall.texts(".content a.glossary > abbr"),
        ["NSH", "KS", "FN-mål"]
    );
    assert_eq!(
        avfall.attrs(".content a.glossary > abbr", "title"),
        [
            "Nätverk för social hållbarhet",
            "Kommunstyrelsen",
            "Globala målen för hållbar utveckling"
        ]
    );
    assert_eq!(avfall.count(".content h2 abbr, .content h2 a.glossary"), 0);
    assert_eq!(avfall.count(".content code abbr, .content pre abbr"), 0);
    assert_eq!(avfall.count(".content a:not(.glossary) abbr"), 0);
    // The editor's own links (the headings' links to themselves have no text).
    assert_eq!(
        avfall.texts(".content a:not(.glossary):not(.heading-anchor)"),
        ["NSH:s sida", "attesten igen", "hela bokföringen", "orterna"]
    );
    // The mark sits in the paragraph after the code block, where NSH is plain text first.
    let html = site.read_string(&html_file("rutiner/avfall/"));
    let mark = html.find("class=\"glossary\"").expect("a glossary mark");
    let pre = html.find("</pre>").expect("the code block");
    assert!(
        mark > pre,
        "the first mark comes before the first plain use"
    );
    // Each mark points at an entry on the glossary page.
    let ordlista_ids = page(&site, "ordlista/").ids();
    for href in avfall.attrs(".content a.glossary", "href") {
        let target = resolve("rutiner/avfall/", &href);
        let (path, id) = target.split_once('#').unwrap();
        assert_eq!(path, "ordlista/");
        assert!(
            ordlista_ids.contains(&id.to_string()),
            "no #{id} on ordlista/"
        );
    }

    // Every page gets its own first mark, and no page marks a term twice.
    assert_eq!(
        page(&site, "rutiner/bokforing/").attrs(".content a.glossary", "href"),
        ["../../ordlista/#nsh"]
    );
    for path in all_pages(&site)
        .into_iter()
        .filter(|p| !p.ends_with("utskrift/"))
    {
        let hrefs = page(&site, &path).attrs("a.glossary", "href");
        let unique: HashSet<&String> = hrefs.iter().collect();
        assert_eq!(
            unique.len(),
            hrefs.len(),
            "a term marked twice on /{path}: {hrefs:?}"
        );
    }
}

#[test]
fn glossary_page_lists_the_terms_and_marks_nothing() {
    let site = build();
    let ordlista = page(&site, "ordlista/");
    // The fixture's `ordlista.html` renders `site.glossary`; `id` defaults to the term's slug.
    assert_eq!(
        ordlista.texts("dl.ordlista dt"),
        ["NSH", "KS", "Sösk", "FN-mål"]
    );
    assert_eq!(
        ordlista.attrs("dl.ordlista dt", "id"),
        ["nsh", "ks", "sosk", "globala-malen"]
    );
    assert_eq!(
        ordlista.texts("dl.ordlista .expansion"),
        [
            "Nätverk för social hållbarhet",
            "Kommunstyrelsen",
            "Globala målen för hållbar utveckling"
        ]
    );
    // Its text uses NSH, KS and FN-mål, but the glossary page does not mark itself.
    assert!(ordlista.texts(".content p")[0].contains("NSH, KS och FN-mål"));
    assert_eq!(ordlista.count("a.glossary, .content abbr"), 0);
}

/// Inline HTML an editor writes is left alone: no glossary link inside an `<a>` (nested
/// links are invalid HTML and break the outer link) or inside `<code>`.
#[test]
fn glossary_leaves_inline_html_links_and_code_alone() {
    let site = build();
    let raw = page(&site, "rutiner/rahtml/");
    assert_eq!(
        raw.texts(".content a[href='https://nsh.example/']"),
        ["NSH"],
        "the editor's own link keeps its text"
    );
    assert_eq!(raw.count(".content a[href='https://nsh.example/'] a"), 0);
    assert_eq!(raw.texts(".content code"), ["KS"]);
    assert_eq!(raw.count(".content code a, .content code abbr"), 0);
    assert_eq!(
        raw.count(".content a.glossary"),
        0,
        "{:?}",
        raw.attrs(".content a.glossary", "href")
    );
}

// ---------------------------------------------------------------------------------------------
// Aliases
// ---------------------------------------------------------------------------------------------

#[test]
fn alias_page_redirects_to_the_new_url() {
    let site = build();
    let alias_path = "gamla/ostersund/";
    let alias = page(&site, alias_path);
    let refresh = alias.attrs("meta[http-equiv=refresh]", "content");
    assert_eq!(refresh.len(), 1, "one meta refresh");
    let (delay, url) = refresh[0]
        .split_once(';')
        .expect("`0; url=…` in the meta refresh");
    assert_eq!(delay.trim(), "0");
    let url = url
        .trim()
        .strip_prefix("url=")
        .expect("`url=` in the meta refresh");
    assert_eq!(resolve(alias_path, url), "orter/ostersund/");
    let canonical = alias.attrs("link[rel=canonical]", "href");
    assert_eq!(canonical.len(), 1, "one canonical link");
    assert_eq!(resolve(alias_path, &canonical[0]), "orter/ostersund/");
    assert_eq!(
        links(&site, alias_path, "body a"),
        pairs(&[("Östersund", "orter/ostersund/")])
    );
    assert!(broken_links(&site, alias_path).is_empty());
    // The page itself is at its new URL only, not copied to the alias.
    assert_eq!(page(&site, "orter/ostersund/").texts("h1"), ["Östersund"]);
    assert_eq!(alias.count(".content"), 0);
}

#[test]
fn alias_ending_in_html_is_written_as_that_file() {
    let site = build();
    let file = site.path("public/gamla/ostersund.html");
    assert!(file.is_file(), "the alias is a file, as on the old server");
    let alias = site.html("public/gamla/ostersund.html");
    let refresh = alias.attrs("meta[http-equiv=refresh]", "content");
    let url = refresh[0]
        .split_once("url=")
        .expect("url= in the refresh")
        .1;
    // The file lies in gamla/, so its links are relative to that folder.
    assert_eq!(resolve("gamla/", url), "orter/ostersund/");
}

// ---------------------------------------------------------------------------------------------
// Atom feed
// ---------------------------------------------------------------------------------------------

/// An XML element; just enough of XML to check the feed is well-formed and read it.
#[derive(Debug)]
struct Xml {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<XmlNode>,
}

#[derive(Debug)]
enum XmlNode {
    Element(Xml),
    Text(String),
}

impl Xml {
    fn all(&self, name: &str) -> Vec<&Xml> {
        self.children
            .iter()
            .filter_map(|c| match c {
                XmlNode::Element(e) if e.name == name => Some(e),
                _ => None,
            })
            .collect()
    }

    fn child(&self, name: &str) -> &Xml {
        let found = self.all(name);
        assert_eq!(found.len(), 1, "one <{name}> in <{}>", self.name);
        found[0]
    }

    fn text(&self) -> String {
        self.children
            .iter()
            .map(|c| match c {
                XmlNode::Text(t) => t.as_str(),
                XmlNode::Element(_) => "",
            })
            .collect()
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

/// Decodes the five predefined entities and character references; panics on anything
/// else, or on a raw `<`.
fn xml_unescape(s: &str) -> String {
    assert!(!s.contains('<'), "raw `<` in XML text or attribute: {s:?}");
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..]
            .find(';')
            .unwrap_or_else(|| panic!("unterminated entity in {s:?}"));
        let entity = &rest[i + 1..i + end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            e if e.starts_with("#x") => char::from_u32(u32::from_str_radix(&e[2..], 16).unwrap())
                .expect("a valid character reference"),
            e if e.starts_with('#') => {
                char::from_u32(e[1..].parse().unwrap()).expect("a valid character reference")
            }
            e => panic!("unknown XML entity &{e}; in {s:?}"),
        };
        out.push(c);
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Parses a well-formed XML document (prolog, comments, elements, attributes, text);
/// panics with the reason when it is not well-formed.
fn parse_xml(src: &str) -> Xml {
    let mut rest = src.strip_prefix('\u{feff}').unwrap_or(src);
    if let Some(r) = rest.strip_prefix("<?xml") {
        rest = &r[r.find("?>").expect("end of the XML declaration") + 2..];
    }
    let mut stack: Vec<Xml> = Vec::new();
    loop {
        if stack.is_empty() {
            rest = rest.trim_start();
        }
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->").expect("end of a comment") + 3..];
            continue;
        }
        if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>').expect("end of an end tag");
            let name = r[..end].trim();
            let el = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> without a start tag"));
            assert_eq!(el.name, name, "mismatched end tag");
            rest = &r[end + 1..];
            match stack.last_mut() {
                Some(parent) => parent.children.push(XmlNode::Element(el)),
                None => {
                    assert!(rest.trim().is_empty(), "content after the root: {rest:?}");
                    return el;
                }
            }
            continue;
        }
        if let Some(r) = rest.strip_prefix('<') {
            // The tag ends at the first `>` outside quotes.
            let mut quote = None;
            let end = r
                .char_indices()
                .find(|(_, c)| match (quote, c) {
                    (None, '"' | '\'') => {
                        quote = Some(*c);
                        false
                    }
                    (Some(q), c) if q == *c => {
                        quote = None;
                        false
                    }
                    (None, '>') => true,
                    _ => false,
                })
                .map(|(i, _)| i)
                .expect("end of a start tag");
            let mut tag = &r[..end];
            rest = &r[end + 1..];
            let empty = tag.ends_with('/');
            if empty {
                tag = &tag[..tag.len() - 1];
            }
            let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
            let name = tag[..name_end].to_string();
            assert!(
                !name.is_empty() && !name.starts_with('!'),
                "unexpected markup <{tag}>"
            );
            let mut attrs = BTreeMap::new();
            let mut a = tag[name_end..].trim();
            while !a.is_empty() {
                let eq = a
                    .find('=')
                    .unwrap_or_else(|| panic!("attribute without value in <{tag}>"));
                let key = a[..eq].trim().to_string();
                let v = a[eq + 1..].trim_start();
                let q = v.chars().next().filter(|c| *c == '"' || *c == '\'');
                let q = q.unwrap_or_else(|| panic!("unquoted attribute {key} in <{tag}>"));
                let close = v[1..].find(q).expect("closing quote") + 1;
                let value = xml_unescape(&v[1..close]);
                assert!(
                    attrs.insert(key.clone(), value).is_none(),
                    "attribute {key} twice"
                );
                a = v[close + 1..].trim_start();
            }
            let el = Xml {
                name,
                attrs,
                children: Vec::new(),
            };
            if empty {
                match stack.last_mut() {
                    Some(parent) => parent.children.push(XmlNode::Element(el)),
                    None => return el,
                }
            } else {
                stack.push(el);
            }
            continue;
        }
        let parent = stack
            .last_mut()
            .unwrap_or_else(|| panic!("text outside the root element: {rest:?}"));
        let end = rest
            .find('<')
            .unwrap_or_else(|| panic!("<{}> is not closed", parent.name));
        parent
            .children
            .push(XmlNode::Text(xml_unescape(&rest[..end])));
        rest = &rest[end..];
    }
}

#[test]
fn atom_feed_lists_dated_pages_newest_first() {
    let site = build();
    let feed = parse_xml(&site.read_string("public/atom.xml"));
    assert_eq!(feed.name, "feed");
    assert_eq!(feed.attr("xmlns"), Some("http://www.w3.org/2005/Atom"));
    assert_eq!(feed.child("title").text(), "Navigeringshandboken");
    assert!(!feed.child("id").text().trim().is_empty());
    assert_eq!(feed.child("updated").text(), "2024-11-15T00:00:00Z");
    assert!(feed
        .all("link")
        .iter()
        .any(|l| l.attr("rel") == Some("self") && l.attr("href") == Some("/atom.xml")));

    let entries = feed.all("entry");
    let titles: Vec<String> = entries.iter().map(|e| e.child("title").text()).collect();
    // The title with `&`, `<` and `"` survives escaping (an unescaped `<kod>` would not parse).
    assert_eq!(
        titles,
        ["Fika & <kod> \"citat\"", "Avfallsrutin", "Östersund"]
    );
    let published: Vec<String> = entries
        .iter()
        .map(|e| e.child("published").text())
        .collect();
    assert_eq!(
        published,
        [
            "2024-11-15T00:00:00Z",
            "2024-03-01T00:00:00Z",
            "2023-05-01T00:00:00Z"
        ]
    );
    let updated: Vec<String> = entries.iter().map(|e| e.child("updated").text()).collect();
    assert_eq!(
        updated,
        [
            "2024-11-15T00:00:00Z",
            "2024-06-01T00:00:00Z",
            "2023-05-01T00:00:00Z"
        ]
    );
    assert_eq!(
        entries[0].child("summary").text(),
        "En nyhet med tecken som måste kodas: & < >."
    );
    let ids: HashSet<String> = entries.iter().map(|e| e.child("id").text()).collect();
    assert_eq!(ids.len(), entries.len(), "entry ids are unique");
    // Each entry links to its page (site-root paths, as `base_url` is `/`).
    let hrefs: Vec<&str> = entries
        .iter()
        .map(|e| e.child("link").attr("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        ["/rutiner/nyhet/", "/rutiner/avfall/", "/orter/ostersund/"]
    );
    for href in hrefs {
        let file = html_file(href.trim_start_matches('/'));
        assert!(site.path(&file).is_file(), "{file}");
    }
}

#[test]
fn atom_feed_holds_at_most_fifty_entries() {
    let site = Site::from_fixture("nav");
    site.write(
        "content/nyheter/_index.md",
        "---\ntitle: Nyheter\n---\n\nAlla nyheter.\n",
    );
    for i in 0..55 {
        site.write(
            &format!("content/nyheter/n{i:02}.md"),
            format!(
                "---\ntitle: Nyhet {i:02}\ndate: 2020-{:02}-{:02}\n---\n\nNyhet nummer {i}.\n",
                1 + i / 28,
                1 + i % 28
            ),
        );
    }
    site.build_ok(&[]);
    let feed = parse_xml(&site.read_string("public/atom.xml"));
    let entries = feed.all("entry");
    assert_eq!(entries.len(), 50);
    let titles: Vec<String> = entries.iter().map(|e| e.child("title").text()).collect();
    assert_eq!(
        titles[..5],
        [
            "Fika & <kod> \"citat\"",
            "Avfallsrutin",
            "Östersund",
            "Nyhet 54",
            "Nyhet 53"
        ]
    );
    assert_eq!(titles[49], "Nyhet 08", "the oldest are left out");
    let published: Vec<String> = entries
        .iter()
        .map(|e| e.child("published").text())
        .collect();
    assert!(
        published.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {published:?}"
    );
}

#[test]
fn every_page_links_the_atom_feed() {
    let site = build();
    let mut checked = 0;
    for path in all_pages(&site) {
        let page = page(&site, &path);
        if page.count("meta[http-equiv=refresh]") > 0 {
            continue; // alias redirects are not pages
        }
        let hrefs = page.attrs(
            "head link[rel=alternate][type='application/atom+xml']",
            "href",
        );
        assert_eq!(hrefs.len(), 1, "one feed link on /{path}");
        assert!(!hrefs[0].starts_with('/'), "relative feed link on /{path}");
        assert_eq!(resolve(&path, &hrefs[0]), "atom.xml", "on /{path}");
        checked += 1;
    }
    assert!(checked >= 30, "checked {checked} pages");
}

// ---------------------------------------------------------------------------------------------
// Print
// ---------------------------------------------------------------------------------------------

/// The rules inside `@media print { … }`: selector list → declarations (`prop: value`).
fn print_rules(css: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let start = css.find("@media print").expect("an @media print block");
    let open = start + css[start..].find('{').unwrap();
    let mut depth = 0;
    let mut close = None;
    for (i, c) in css[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(open + i);
                    break;
                }
            }
            _ => {}
        }
    }
    let body = &css[open + 1..close.expect("end of the @media print block")];
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    body.split('}')
        .filter_map(|rule| rule.split_once('{'))
        .map(|(selectors, decls)| {
            (
                selectors
                    .split(',')
                    .map(|s| norm(s).replace('\'', "\""))
                    .collect(),
                decls
                    .split(';')
                    .map(|d| norm(d).replace(" :", ":").replace('\'', "\""))
                    .filter(|d| !d.is_empty())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn print_stylesheet_hides_navigation_and_keeps_blocks_together() {
    let site = build();
    // Every page uses the stylesheet that holds the print rules.
    assert_eq!(
        page(&site, KEBNEKAISE).attrs("link[rel=stylesheet]", "href"),
        ["../../../../handbok.css"]
    );
    let rules = print_rules(&site.read_string("public/handbok.css"));
    let has = |selector: &dyn Fn(&str) -> bool, decl: &dyn Fn(&str) -> bool| {
        rules
            .iter()
            .any(|(s, d)| s.iter().any(|x| selector(x)) && d.iter().any(|x| decl(x)))
    };
    for hidden in [
        ".site-header",
        ".sidebar",
        ".breadcrumbs",
        ".toc",
        ".pagination",
    ] {
        assert!(
            has(&|s| s == hidden, &|d| d == "display: none"),
            "{hidden} is not hidden in print: {rules:#?}"
        );
    }
    assert!(
        has(
            &|s| s.contains("a[href^=\"http\"]") && s.contains(":after"),
            &|d| { d.starts_with("content:") && d.contains("attr(href)") }
        ),
        "external link targets are not printed: {rules:#?}"
    );
    assert!(
        has(&|s| s == "table", &|d| d == "break-inside: avoid"
            || d == "page-break-inside: avoid"),
        "tables may break across pages: {rules:#?}"
    );
    for h in ["h2", "h3"] {
        assert!(
            has(&|s| s == h, &|d| d == "break-after: avoid"
                || d == "page-break-after: avoid"),
            "{h} may be left alone at the bottom of a page: {rules:#?}"
        );
    }
}

#[test]
fn sections_with_pages_link_to_their_print_page() {
    let site = build();
    for section in [
        "orter/",
        "orter/norrland/",
        "orter/norrland/fjall/",
        "rutiner/",
    ] {
        assert_eq!(
            links(&site, section, "main a")
                .into_iter()
                .filter(|(t, _)| t == "Skriv ut hela avsnittet")
                .collect::<Vec<_>>(),
            pairs(&[("Skriv ut hela avsnittet", &format!("{section}utskrift/"))]),
            "/{section}"
        );
        assert!(site
            .path(&html_file(&format!("{section}utskrift/")))
            .is_file());
    }
    // Not the start page, not a section without pages, not a page.
    for path in ["", "tom/", "orter/kiruna/"] {
        assert!(
            !page_texts(&site, path, "a").contains(&"Skriv ut hela avsnittet".to_string()),
            "/{path} offers a print page"
        );
    }
    assert!(!site.path("public/utskrift").exists());
    assert!(!site.path("public/tom/utskrift").exists());
}

#[test]
fn print_page_holds_the_whole_section_in_display_order() {
    let site = build();
    let path = "orter/utskrift/";
    let print = page(&site, path);
    assert_eq!(print.texts("h1"), ["Orter"]);
    let parts = [
        ("Orter", "Text om orterna."),
        ("Kiruna", "Text om Kiruna."),
        ("Arjeplog", "Text om Arjeplog."),
        ("Norrland", "Text om Norrland."),
        ("Fjäll", "Text om fjällen."),
        ("Kebnekaise", "Text om Kebnekaise."),
        ("Sarek", "Text om Sarek."),
        ("Luleå", "Text om Luleå."),
        ("Umeå", "Text om Umeå."),
        ("Växjö", "Text om Växjö."),
        ("Zinkgruvan", "Text om Zinkgruvan."),
        ("Åre", "Text om Åre."),
        ("Älmhult", "Text om Älmhult."),
        ("Östersund", "Text om Östersund."),
    ];
    let doc = document(&site, path);
    let mut got = Vec::new();
    for part in doc.select(&sel("section.print-part")) {
        let h2 = part
            .select(&sel("h2"))
            .next()
            .expect("a part starts with an h2");
        got.push((
            text_of(h2),
            h2.value().attr("id").unwrap_or_default().to_string(),
            text_of(part),
        ));
    }
    assert_eq!(got.len(), parts.len(), "{got:#?}");
    for (n, ((title, id, text), (want_title, want_text))) in got.iter().zip(parts).enumerate() {
        assert_eq!(title, want_title);
        assert_eq!(id, &format!("del-{}", n + 1));
        assert!(text.contains(want_text), "part {title}: {text}");
    }
    // The part texts come in this order in the document, too.
    let html = site.read_string(&html_file(path));
    let positions: Vec<usize> = parts
        .iter()
        .map(|(_, t)| html.find(t).unwrap_or_else(|| panic!("{t} missing")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");

    // Content headings one level down, ids prefixed per part, in-page links rewritten.
    assert_eq!(print.count("section.print-part h1"), 0);
    assert_eq!(print.texts("h3#del-1-om-orterna"), ["Om orterna"]);
    assert_eq!(print.texts("h3#del-2-historia"), ["Historia"]);
    assert_eq!(print.texts("h3#del-2-gruvan"), ["Gruvan"]);
    assert_eq!(print.texts("h4#del-2-flytten"), ["Flytten"]);
    assert_eq!(print.texts("h3#del-3-historia"), ["Historia"]);
    assert_eq!(
        print.href_of(".print-part .content a", "flytten"),
        "#del-2-flytten"
    );
    // Links to other pages are relative to the print page.
    let content_links = links(&site, path, ".print-part .content a");
    for (text, target) in [
        ("historien om Kiruna", "orter/kiruna/#historia"),
        ("alla orter", "orter/"),
        ("Luleå", "orter/norrland/lulea/"),
        ("energirutinen", "rutiner/energi/"),
        ("bokföringsrutinen", "rutiner/bokforing/"),
    ] {
        assert!(
            content_links.contains(&(text.to_string(), target.to_string())),
            "{text} → {target} not in {content_links:#?}"
        );
    }
    assert_eq!(
        print.href_of(".print-part .content a", "bokföringsrutinen"),
        "../../rutiner/bokforing/"
    );
}

/// A section with more pages than the sidebar lists: every page's sidebar marks that page
/// and no other as current, links its neighbours, and a page past the first forty is listed
/// after them (pages of one section share most of their sidebar; only their own items
/// differ).
#[test]
fn each_page_of_a_large_section_has_its_own_sidebar() {
    let site = Site::from_fixture("nav");
    site.write(
        "content/stor/_index.md",
        "---\ntitle: Stort avsnitt\n---\nMånga sidor.\n",
    );
    for n in 1..=45 {
        site.write(
            &format!("content/stor/sida-{n:02}.md"),
            format!("---\ntitle: Sida {n:02}\nweight: {n}\n---\nText {n}.\n"),
        );
    }
    site.build_ok(&[]);
    let own = |n: usize| format!("stor/sida-{n:02}/");
    for n in [1, 2, 40, 41, 45] {
        let p = page(&site, &own(n));
        let sidebar = ".sidebar .nav-tree";
        let link = format!("{sidebar} a");
        assert_eq!(
            p.texts(&format!("{sidebar} a[aria-current=page]")),
            [format!("Sida {n:02}")],
            "page {n}"
        );
        assert_eq!(p.href_of(&link, &format!("Sida {n:02}")), "./", "page {n}");
        let listed = p.texts(&format!("{sidebar} li.nav-page a"));
        let pages: Vec<&String> = listed.iter().filter(|t| t.starts_with("Sida ")).collect();
        // The first forty, then the page itself when it comes later.
        let mut want: Vec<String> = (1..=40).map(|i| format!("Sida {i:02}")).collect();
        if n > 40 {
            want.push(format!("Sida {n:02}"));
        }
        assert_eq!(pages, want.iter().collect::<Vec<_>>(), "page {n}");
        let more = p.texts(&format!("{sidebar} li.nav-more"));
        let left = if n > 40 { 4 } else { 5 };
        assert_eq!(
            more,
            [format!("Alla sidor i avsnittet ({left} till)")],
            "page {n}"
        );
        for other in want.iter().filter(|t| **t != format!("Sida {n:02}")) {
            let slug = other.to_lowercase().replace(' ', "-");
            assert_eq!(p.href_of(&link, other), format!("../{slug}/"), "page {n}");
        }
    }
}

/// The start page lists all its children, however many: each top-level page's sidebar
/// lists every one of them once, in order, with only the page itself current.
#[test]
fn each_top_level_page_has_its_own_sidebar() {
    let site = Site::from_fixture("nav");
    for n in 1..=42 {
        site.write(
            &format!("content/topp-{n:02}.md"),
            format!(
                "---\ntitle: Topp {n:02}\nweight: {}\n---\nText {n}.\n",
                100 + n
            ),
        );
    }
    site.build_ok(&[]);
    let want: Vec<String> = (1..=42).map(|i| format!("Topp {i:02}")).collect();
    for n in [1, 2, 40, 41, 42] {
        let p = page(&site, &format!("topp-{n:02}/"));
        let sidebar = ".sidebar .nav-tree";
        let link = format!("{sidebar} a");
        let own = format!("Topp {n:02}");
        assert_eq!(
            p.texts(&format!("{sidebar} a[aria-current=page]")),
            std::slice::from_ref(&own),
            "page {n}"
        );
        let listed = p.texts(&format!("{sidebar} > li.nav-page a"));
        let tops: Vec<&String> = listed.iter().filter(|t| t.starts_with("Topp ")).collect();
        assert_eq!(tops, want.iter().collect::<Vec<_>>(), "page {n}");
        for other in &want {
            let href = if *other == own {
                "./".to_string()
            } else {
                format!("../{}/", other.to_lowercase().replace(' ', "-"))
            };
            assert_eq!(p.href_of(&link, other), href, "page {n}");
        }
    }
}

/// A site's own `page.html` that puts more between the print markers than its content
/// block: the print page prints all of it, as the template renders it (the built-in theme's
/// templates are printed from their content block alone, which is all they mark).
#[test]
fn print_page_takes_what_a_site_template_marks() {
    let site = Site::from_fixture("nav");
    let theme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .expect("the built-in page template");
    let marked = theme.replacen(
        "<!-- handbok:content -->",
        "<!-- handbok:content --><p class=\"marked\">Utskriven av {{ page.title }}</p>",
        1,
    );
    assert_ne!(marked, theme, "the theme's page.html has the print marker");
    site.write("templates/page.html", marked);
    site.build_ok(&[]);
    let print = page(&site, "orter/utskrift/");
    let marked = print.texts(".print-part p.marked");
    assert!(
        marked.contains(&"Utskriven av Kiruna".to_string()),
        "{marked:?}"
    );
    assert!(
        marked.contains(&"Utskriven av Sarek".to_string()),
        "{marked:?}"
    );
    // Sections keep the built-in section template, printed from its content block.
    assert!(print
        .texts(".print-part .content")
        .iter()
        .any(|t| t.contains("Text om orterna.")));
}

#[test]
fn print_pages_have_unique_ids_and_working_links() {
    let site = build();
    let prints: Vec<String> = all_pages(&site)
        .into_iter()
        .filter(|p| p.ends_with("utskrift/"))
        .collect();
    assert_eq!(
        prints,
        [
            "orter/norrland/fjall/utskrift/",
            "orter/norrland/utskrift/",
            "orter/utskrift/",
            "rutiner/utskrift/"
        ]
    );
    for path in &prints {
        let ids = page(&site, path).ids();
        let mut seen = HashSet::new();
        let duplicates: Vec<&String> = ids.iter().filter(|id| !seen.insert(*id)).collect();
        assert!(
            duplicates.is_empty(),
            "duplicate ids on /{path}: {duplicates:?}"
        );
        let broken = broken_links(&site, path);
        assert!(
            broken.is_empty(),
            "broken links on /{path}:\n{}",
            broken.join("\n")
        );
    }
    // The glossary marks in the printed Rutiner lead to the glossary page too.
    let rutiner = page(&site, "rutiner/utskrift/");
    assert!(rutiner
        .attrs("a.glossary", "href")
        .iter()
        .all(|h| h.starts_with("../../ordlista/#")));
    assert!(rutiner.count("a.glossary") >= 3);
}

/// The whole fixture site: every relative link on every page leads to a file in the output
/// and every `#fragment` to an id there.
#[test]
fn every_link_in_the_output_resolves() {
    let site = build();
    let mut broken = Vec::new();
    for path in all_pages(&site) {
        broken.extend(
            broken_links(&site, &path)
                .into_iter()
                .map(|b| format!("/{path}: {b}")),
        );
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// The site title and the main menu on the page at `path`: `(text, resolved target,
/// aria-current)` of each link.
fn header_links(site: &Site, path: &str) -> Vec<(String, String, String)> {
    let doc = document(site, path);
    doc.select(&sel("header.site-header a.site-title, nav.main-nav a"))
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            let current = a.value().attr("aria-current").unwrap_or("-");
            Some((text_of(a), resolve(path, href), current.to_string()))
        })
        .collect()
}

#[test]
fn the_main_menu_marks_the_section_each_page_is_in_at_every_depth() {
    // The built-in header is rendered once for every depth and menu state and reused:
    // pages of different depths and sections in one build must each get their own.
    let site = build();
    let menu = |home: &str, orter: &str, rutiner: &str, tom: &str| {
        [
            ("Navigeringshandboken", "", home),
            ("Orter", "orter/", orter),
            ("Rutiner", "rutiner/", rutiner),
            ("Tomt avsnitt", "tom/", tom),
        ]
        .iter()
        .map(|(t, p, c)| (t.to_string(), p.to_string(), c.to_string()))
        .collect::<Vec<_>>()
    };
    let cases = [
        ("", menu("page", "-", "-", "-")),
        ("orter/", menu("-", "page", "-", "-")),
        ("orter/kiruna/", menu("-", "true", "-", "-")),
        ("orter/norrland/fjall/sarek/", menu("-", "true", "-", "-")),
        ("orter/norrland/", menu("-", "true", "-", "-")),
        ("rutiner/avfall/", menu("-", "-", "true", "-")),
        ("rutiner/", menu("-", "-", "page", "-")),
        ("tom/", menu("-", "-", "-", "page")),
        ("ordlista/", menu("-", "-", "-", "-")),
        ("tema/", menu("-", "-", "-", "-")),
        ("sok/", menu("-", "-", "-", "-")),
    ];
    for (path, expected) in cases {
        assert_eq!(header_links(&site, path), expected, "the header of /{path}");
    }
    // The footer's links lead to the same pages from every depth.
    for path in ["", "orter/", "orter/norrland/fjall/sarek/", "tema/"] {
        assert_eq!(
            links(&site, path, "footer.site-footer a"),
            pairs(&[("Teman", "tema/")]),
            "the footer of /{path}"
        );
    }
}

#[test]
fn a_site_header_and_footer_of_its_own_are_rendered_for_every_page() {
    // A replaced partial may read anything of the page: it is not shared between pages.
    let site = Site::from_fixture("nav");
    site.write(
        "templates/partials/header.html",
        r#"<header class="own">{{ current_path }}|{% if page %}{{ page.title }}{% elif section %}{{ section.title }}{% endif %}</header>
"#,
    );
    site.write(
        "templates/partials/footer.html",
        r#"<footer class="own">{{ root }}{% if page %}|{{ page.source }}{% endif %}</footer>
"#,
    );
    site.build_ok(&[]);
    for (path, header, footer) in [
        ("", "|Navigeringshandboken", "./"),
        (
            "orter/kiruna/",
            "orter/kiruna/|Kiruna",
            "../../|content/orter/kiruna.md",
        ),
        (
            "orter/are/",
            "orter/are/|Åre",
            "../../|content/orter/are.md",
        ),
        ("tema/", "tema/|", "../"),
    ] {
        let p = page(&site, path);
        assert_eq!(p.texts("header.own"), [header], "the header of /{path}");
        assert_eq!(p.texts("footer.own"), [footer], "the footer of /{path}");
        assert_eq!(p.count("header.site-header"), 0, "/{path}");
    }
}

#[test]
fn the_shared_header_and_footer_are_those_each_page_would_render() {
    // The built-in partials are rendered once for each depth and menu state; a site's copy
    // of them (one comment longer) is rendered for every page. Every file of the output,
    // aliases, print pages, the 404 page, governance and generated pages included, must be
    // the same either way.
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for fixture in ["nav", "governance", "site-pages"] {
        let site = Site::from_fixture(fixture);
        if fixture == "site-pages" {
            // Its glossary page uses the bundled handbook's template.
            let glossary = std::fs::read(manifest.join("templates/ordlista.html"));
            site.write(
                "templates/ordlista.html",
                glossary.expect("the glossary template"),
            );
        }
        site.build_ok(&[]);
        let shared = site.snapshot("public");
        for partial in ["partials/header.html", "partials/footer.html"] {
            let text =
                std::fs::read_to_string(manifest.join("themes/default/templates").join(partial))
                    .expect("the theme's partial");
            site.write(
                &format!("templates/{partial}"),
                format!("{text}{{# this site's own copy #}}"),
            );
        }
        site.build_ok(&[]);
        common::assert_same_tree(
            &shared,
            &site.snapshot("public"),
            &format!("{fixture}: partials rendered for every page"),
        );
    }
}

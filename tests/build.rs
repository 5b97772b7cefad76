//! Integration tests for `handbok build` and `handbok check` (issue 2): fixture sites from
//! `tests/fixtures/<case>/` are copied into temporary folders and built with the real binary.
//!
//! - Success cases build `basic` (no `themes/` folder) or `themed` and assert what a reader
//!   of the site would notice: URLs, link targets, table of contents, taxonomies, bundles,
//!   static files, theme override order, base path, sitemap, drafts, aliases, determinism.
//! - Bad-input cases first build `basic` into `public/`, then copy a `bad-<case>/` overlay over
//!   it and build again: the build must fail with the right exit code, an error that names
//!   the file and line (`content/x.md:LINE:COL: error: …`), no panic, and `public/` must be
//!   byte-for-byte what the good build wrote.

mod common;

use std::collections::BTreeSet;

use common::{assert_same_tree, bad_build_of, files, resolve_href, run_in, Page, Run, Site};

const SOCIAL: &str = "public/natverk/social-hallbarhet/index.html";

// ---------------------------------------------------------------------------------------------
// Output layout and links
// ---------------------------------------------------------------------------------------------

#[test]
fn pretty_urls_with_swedish_slugs_and_slug_override() {
    let site = Site::from_fixture("basic");
    let run = site.build_ok(&[]);
    assert!(run.stdout.contains("built into"), "{}", run.stdout);
    let out = site.snapshot("public");
    let expected = [
        "index.html",
        "404.html",
        // no sitemap.xml: `base_url: /` gives no absolute addresses (tests/output_formats.rs)
        "handbok.css",
        "natverk/index.html",
        // `social-hållbarhet.md`: å → a, pretty URL.
        "natverk/social-hallbarhet/index.html",
        // `ekologi.md` with `slug: ekologisk-hallbarhet`.
        "natverk/ekologisk-hallbarhet/index.html",
        // page bundle
        "natverk/karta/index.html",
        "natverk/karta/karta.png",
        "natverk/karta/underlag.pdf",
        "ordlista/index.html",
        "styrgrupp/index.html",
        "styrgrupp/anvisningar/index.html",
        "tema/index.html",
        "tema/klimat/index.html",
        "tema/jamstalldhet/index.html",
        "gamla/anvisningar/index.html",
        "robots.txt",
        "bilder/logga.svg",
        // print pages of the sections, the feed and the theme's script
        "natverk/utskrift/index.html",
        "styrgrupp/utskrift/index.html",
        "atom.xml",
        "handbok.js",
        // the search page and its client (the index files below sok/ are tested in search.rs)
        "sok/index.html",
        "search.js",
        // the marker that tells later builds handbok wrote this folder
        ".handbok-output",
    ];
    let got: BTreeSet<&str> = files(&out)
        .into_iter()
        .filter(|f| !f.starts_with("sok/") || *f == "sok/index.html")
        .collect();
    let want: BTreeSet<&str> = expected.into_iter().collect();
    assert_eq!(got, want, "the output files");
    // Nothing under the unslugged names, no Markdown copied into the output.
    assert!(!site.path("public/natverk/ekologi").exists());
    assert!(!site.path("public/natverk/social-hållbarhet").exists());
    assert!(got.iter().all(|f| !f.ends_with(".md")));

    let page = site.html(SOCIAL);
    assert_eq!(page.texts("h1"), ["Social hållbarhet"]);
    assert_eq!(page.attrs("html", "lang"), ["sv"]);
    let eko = site.html("public/natverk/ekologisk-hallbarhet/index.html");
    assert_eq!(eko.texts("h1"), ["Ekologisk hållbarhet"]);
}

#[test]
fn links_are_rewritten_to_relative_hrefs_with_anchors() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let page = site.html(SOCIAL);
    let href = |text: &str| page.href_of(".content a", text);
    // Relative `.md` path with an anchor.
    assert_eq!(href("anvisningarna"), "../../styrgrupp/anvisningar/#mandat");
    // Site-root `/x.md` paths.
    assert_eq!(href("hela anvisningen"), "../../styrgrupp/anvisningar/");
    assert_eq!(href("ordlistan"), "../../ordlista/");
    // A section through its `_index.md`, and through its folder.
    assert_eq!(href("styrgruppen"), "../../styrgrupp/");
    assert_eq!(href("styrgruppens mapp"), "../../styrgrupp/");
    assert_eq!(href("nätverken"), "../");
    // A page with a `slug:` override, linked by its file name.
    assert_eq!(href("ekologiskt systernätverk"), "../ekologisk-hallbarhet/");
    // A file in a page bundle.
    assert_eq!(href("karta"), "../karta/karta.png");
    // Same-page anchor, and a percent-encoded link to the page itself.
    assert_eq!(href("här"), "#uppdraget");
    assert_eq!(href("samma sida"), "./#bakgrund");

    let home = site.html("public/index.html");
    assert_eq!(home.href_of(".content a", "nätverken"), "natverk/");
    assert_eq!(
        home.href_of(".content a", "uppdraget"),
        "natverk/social-hallbarhet/#uppdraget"
    );
    let ordlista = site.html("public/ordlista/index.html");
    assert_eq!(
        ordlista.href_of(".content a", "nätverket"),
        "../natverk/social-hallbarhet/#bakgrund"
    );
}

/// Every relative link, image and stylesheet on every generated page points to a file that
/// exists in the output, and every `#anchor` to an id on the target page.
#[test]
fn every_internal_link_in_the_output_resolves() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let out = site.snapshot("public");
    let mut checked = 0;
    for file in files(&out) {
        if !file.ends_with("index.html") {
            continue;
        }
        let page_path = file.trim_end_matches("index.html");
        let page = Page::parse(&String::from_utf8_lossy(&out[file]));
        let mut refs = page.attrs("a[href]", "href");
        refs.extend(page.attrs("link[href]", "href"));
        refs.extend(page.attrs("img[src]", "src"));
        for href in refs {
            assert!(
                !href.starts_with('/') && !href.contains("://"),
                "{file}: href {href:?} is not relative (the site must work under any base path)"
            );
            let target = resolve_href(page_path, &href)
                .unwrap_or_else(|| panic!("{file}: {href:?} leaves the site"));
            let target_file = if target.is_empty() || target.ends_with('/') {
                format!("{target}index.html")
            } else {
                target
            };
            let bytes = out
                .get(&target_file)
                .unwrap_or_else(|| panic!("{file}: {href:?} points to missing {target_file}"));
            if let Some((_, anchor)) = href.split_once('#') {
                let ids = Page::parse(&String::from_utf8_lossy(bytes)).ids();
                assert!(
                    ids.iter().any(|i| i == anchor),
                    "{file}: {href:?}: no id {anchor:?} in {target_file}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn table_of_contents_is_nested_and_needs_three_headings() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let page = site.html(SOCIAL);
    assert_eq!(page.count("nav.toc"), 1, "a page with 4 headings has a TOC");
    // Top level: Bakgrund, Mandat, Mål; Historik nested under Bakgrund.
    assert_eq!(
        page.attrs("nav.toc > ol > li > a", "href"),
        ["#bakgrund", "#uppdraget", "#mal"]
    );
    assert_eq!(
        page.texts("nav.toc > ol > li > a"),
        ["Bakgrund", "Mandat", "Mål"]
    );
    assert_eq!(
        page.attrs("nav.toc > ol > li > ol > li > a", "href"),
        ["#historik"]
    );
    assert_eq!(page.texts("nav.toc > ol > li > ol > li > a"), ["Historik"]);
    // Headings carry the ids the TOC links to.
    assert_eq!(
        page.attrs(".content h2, .content h3", "id"),
        ["bakgrund", "historik", "uppdraget", "mal"]
    );
    // Ordlista has exactly three headings: TOC; Anvisningar has one: no TOC.
    let ordlista = site.html("public/ordlista/index.html");
    assert_eq!(ordlista.count("nav.toc"), 1);
    assert_eq!(
        ordlista.attrs("nav.toc a", "href"),
        ["#hallbarhet", "#resiliens", "#o-begrepp"]
    );
    let anvisningar = site.html("public/styrgrupp/anvisningar/index.html");
    assert_eq!(anvisningar.count("nav.toc"), 0, "one heading: no TOC");
}

#[test]
fn explicit_heading_id_wins_over_the_slug() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let page = site.html(SOCIAL);
    assert_eq!(page.texts("h2#uppdraget"), ["Mandat"]);
    assert_eq!(
        page.count("#mandat"),
        0,
        "`{{#uppdraget}}` replaces the generated id"
    );
    let eko = site.html("public/natverk/ekologisk-hallbarhet/index.html");
    assert_eq!(
        eko.href_of(".content a", "det sociala nätverket"),
        "../social-hallbarhet/#uppdraget"
    );
}

#[test]
fn taxonomy_overview_and_term_pages_list_the_right_pages() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let overview = site.html("public/tema/index.html");
    assert_eq!(overview.texts("h1"), ["Teman"]);
    // Terms in Swedish alphabetical order, linked relative to tema/.
    assert_eq!(
        overview.attrs("main ul.terms a", "href"),
        ["../tema/jamstalldhet/", "../tema/klimat/"]
    );
    assert_eq!(
        overview.texts("main ul.terms a"),
        ["Jämställdhet", "Klimat"]
    );

    let klimat = site.html("public/tema/klimat/index.html");
    assert_eq!(
        klimat.texts("main ul.listing a"),
        ["Ekologisk hållbarhet", "Social hållbarhet"]
    );
    assert_eq!(
        klimat.attrs("main ul.listing a", "href"),
        [
            "../../natverk/ekologisk-hallbarhet/",
            "../../natverk/social-hallbarhet/"
        ]
    );
    let jam = site.html("public/tema/jamstalldhet/index.html");
    assert_eq!(jam.texts("main ul.listing a"), ["Social hållbarhet"]);
    // Every page of the site links to the overview from the footer.
    assert_eq!(
        site.html("public/index.html").href_of("footer a", "Teman"),
        "./tema/"
    );
}

#[test]
fn page_shows_its_terms_as_links() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let page = site.html(SOCIAL);
    assert_eq!(
        page.texts(".page-terms dd a"),
        ["Klimat", "Jämställdhet"],
        "terms in the order written"
    );
    assert_eq!(
        page.attrs(".page-terms dd a", "href"),
        ["../../tema/klimat/", "../../tema/jamstalldhet/"]
    );
    assert_eq!(page.href_of(".page-terms dt a", "Teman"), "../../tema/");
    // A single term written as text, not a list.
    let eko = site.html("public/natverk/ekologisk-hallbarhet/index.html");
    assert_eq!(eko.texts(".page-terms dd a"), ["Klimat"]);
    // A page without terms has no term section.
    let ordlista = site.html("public/ordlista/index.html");
    assert_eq!(ordlista.count(".page-terms"), 0);
}

#[test]
fn page_bundle_assets_are_copied_beside_the_page() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    assert_eq!(
        site.read("public/natverk/karta/karta.png"),
        site.read("content/natverk/karta/karta.png")
    );
    assert_eq!(
        site.read("public/natverk/karta/underlag.pdf"),
        site.read("content/natverk/karta/underlag.pdf")
    );
    let page = site.html("public/natverk/karta/index.html");
    assert_eq!(page.attrs(".content img", "src"), ["karta.png"]);
    assert_eq!(page.attrs(".content img", "alt"), ["Karta över nätverken"]);
    assert_eq!(page.href_of(".content a", "PDF"), "underlag.pdf");
    // The bundle is listed in its section like any page.
    let section = site.html("public/natverk/index.html");
    assert_eq!(
        section.href_of("main ul.listing a", "Karta över nätverken"),
        "../natverk/karta/"
    );
}

#[test]
fn static_files_are_copied_as_is() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    assert_eq!(
        site.read("public/robots.txt"),
        site.read("static/robots.txt")
    );
    assert_eq!(
        site.read("public/bilder/logga.svg"),
        site.read("static/bilder/logga.svg")
    );
    assert!(!site.path("public/static").exists());
}

// ---------------------------------------------------------------------------------------------
// Templates and theme
// ---------------------------------------------------------------------------------------------

#[test]
fn theme_override_order_is_builtin_then_theme_then_site() {
    let site = Site::from_fixture("themed");
    site.build_ok(&[]);
    // page.html exists in the theme and in the site's templates/: the site's wins.
    let page = site.html("public/avsnitt/sida/index.html");
    assert_eq!(page.texts("#mall"), ["webbplatsens sidmall"]);
    assert_eq!(page.texts("h1"), ["En sida"]);
    // section.html exists only in the theme: the theme's wins over the built-in one.
    let section = site.html("public/avsnitt/index.html");
    assert_eq!(section.texts("#mall"), ["temats avsnittsmall"]);
    // index.html and base.html exist only in the built-in theme, which the others extend.
    let home = site.html("public/index.html");
    assert_eq!(home.count("#mall"), 0);
    assert_eq!(home.texts("h1"), ["Temasajten"]);
    for p in [&page, &section, &home] {
        assert_eq!(p.count("a.skip-link"), 1, "built-in base.html is used");
    }
    // The theme's static files are copied beside the built-in ones.
    assert_eq!(
        site.read("public/egen.css"),
        site.read("themes/egen/static/egen.css")
    );
    assert!(site.path("public/handbok.css").is_file());
}

#[test]
fn a_site_without_themes_folder_uses_the_builtin_theme() {
    let site = Site::from_fixture("basic");
    assert!(!site.path("themes").exists());
    assert!(!site.path("templates").exists());
    site.build_ok(&[]);
    let css = site.read_string("public/handbok.css");
    assert!(css.len() > 200, "the built-in stylesheet is written");
    let page = site.html(SOCIAL);
    assert_eq!(
        page.attrs("link[rel=stylesheet]", "href"),
        ["../../handbok.css"]
    );
    assert_eq!(page.count("h1"), 1, "one h1 per page");
    assert_eq!(
        page.href_of("a.skip-link", "Hoppa till innehållet"),
        "#innehall"
    );
    // No external resources.
    for attr in ["href", "src"] {
        for v in page.attrs(&format!("link[{attr}], script[{attr}], img[{attr}]"), attr) {
            assert!(!v.contains("://"), "external resource {v}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Base path, sitemap, 404
// ---------------------------------------------------------------------------------------------

const BASE: &str = "https://intranat.example.se/hallbarhet/";

#[test]
fn base_url_with_a_path_gives_absolute_sitemap_and_404_but_relative_page_links() {
    let plain = Site::from_fixture("basic");
    plain.build_ok(&[]);
    let site = Site::from_fixture("basic");
    site.build_ok(&["--base-url", BASE]);

    let sitemap = site.read_string("public/sitemap.xml");
    let locs = sitemap_locs(&sitemap);
    assert!(!locs.is_empty());
    for loc in &locs {
        assert!(
            loc.starts_with(BASE),
            "sitemap URL {loc} lacks the base URL"
        );
    }
    assert!(locs.contains(&format!("{BASE}natverk/social-hallbarhet/")));
    assert!(locs.contains(&BASE.to_string()));

    // The 404 page is served at any URL: its links carry the base path.
    let not_found = site.html("public/404.html");
    assert_eq!(
        not_found.attrs("link[rel=stylesheet]", "href"),
        ["/hallbarhet/handbok.css"]
    );
    let hrefs = not_found.attrs("a[href]", "href");
    assert!(hrefs.contains(&"/hallbarhet/".to_string()), "{hrefs:?}");
    assert!(
        hrefs.contains(&"/hallbarhet/natverk/".to_string()),
        "{hrefs:?}"
    );
    for h in hrefs.iter().filter(|h| !h.starts_with('#')) {
        assert!(
            h.starts_with("/hallbarhet/"),
            "404 link {h} lacks the base path"
        );
    }

    // Pages: every link is the same relative href as without a base URL.
    let out = site.snapshot("public");
    let plain_out = plain.snapshot("public");
    for file in files(&out)
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
    {
        let with = Page::parse(&String::from_utf8_lossy(&out[file]));
        let without = Page::parse(&String::from_utf8_lossy(&plain_out[file]));
        assert_eq!(
            with.attrs("a[href]", "href"),
            without.attrs("a[href]", "href"),
            "{file}: links changed with --base-url"
        );
        assert_eq!(
            with.attrs("link[rel=stylesheet]", "href"),
            without.attrs("link[rel=stylesheet]", "href"),
            "{file}"
        );
    }
    // The canonical URL of a page is absolute.
    assert_eq!(
        site.html(SOCIAL).attrs("link[rel=canonical]", "href"),
        [format!("{BASE}natverk/social-hallbarhet/")]
    );
}

#[test]
fn alias_canonical_is_the_absolute_permalink_when_base_url_is_absolute() {
    let site = Site::from_fixture("basic");
    site.build_ok(&["--base-url", BASE]);
    // Like the page's own canonical URL, the alias page's canonical URL is absolute.
    assert_eq!(
        site.html("public/gamla/anvisningar/index.html")
            .attrs("link[rel=canonical]", "href"),
        [format!("{BASE}styrgrupp/anvisningar/")],
        "alias canonical should be the absolute permalink, like the page's own canonical"
    );
    // The redirect itself stays relative, so it works wherever the site is served.
    assert_eq!(
        site.html("public/gamla/anvisningar/index.html")
            .attrs("meta[http-equiv=refresh]", "content"),
        ["0; url=../../styrgrupp/anvisningar/"]
    );
}

#[test]
fn not_found_page_links_use_the_base_path_by_default() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let page = site.html("public/404.html");
    assert_eq!(page.attrs("link[rel=stylesheet]", "href"), ["/handbok.css"]);
    assert_eq!(page.href_of("main a", "Gå till startsidan"), "/");
    assert_eq!(page.href_of("nav.main-nav a", "Nätverk"), "/natverk/");
}

#[test]
fn sitemap_lists_every_published_page_and_nothing_else() {
    let site = Site::from_fixture("basic");
    site.build_ok(&["--base-url", BASE]);
    let locs: BTreeSet<String> = sitemap_locs(&site.read_string("public/sitemap.xml"))
        .into_iter()
        .collect();
    let out = site.snapshot("public");
    let mut pages = BTreeSet::new();
    for file in files(&out)
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
    {
        let html = Page::parse(&String::from_utf8_lossy(&out[file]));
        if html.count("meta[http-equiv=refresh]") > 0 {
            continue; // alias redirect pages are not content
        }
        if html.count("meta[name=robots][content=noindex]") > 0 {
            continue; // print pages repeat their section's pages
        }
        pages.insert(format!("{BASE}{}", file.trim_end_matches("index.html")));
    }
    assert_eq!(locs, pages);
    assert_eq!(locs.len(), 11);
    assert!(!locs
        .iter()
        .any(|l| l.contains("utkast") || l.contains("gamla")));
    assert!(sitemap_lastmods(&site.read_string("public/sitemap.xml"))
        .contains(&"2021-12-09".to_string()));
}

fn sitemap_locs(xml: &str) -> Vec<String> {
    between_tags(xml, "loc")
}

fn sitemap_lastmods(xml: &str) -> Vec<String> {
    between_tags(xml, "lastmod")
}

fn between_tags(xml: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    xml.split(open.as_str())
        .skip(1)
        .filter_map(|s| s.split_once(close.as_str()).map(|(v, _)| v.to_string()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Input variants, drafts, aliases
// ---------------------------------------------------------------------------------------------

/// `text` as an editor on Windows saves it: UTF-8 BOM and CRLF line ends.
fn bom_crlf(text: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(text.to_vec()).expect("fixture is UTF-8");
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    out
}

#[test]
fn bom_and_crlf_files_build_like_plain_ones() {
    let plain = Site::from_fixture("basic");
    plain.build_ok(&[]);
    let site = Site::from_fixture("basic");
    for rel in [
        "content/ordlista.md",
        "content/natverk/social-hållbarhet.md",
    ] {
        let converted = bom_crlf(&site.read(rel));
        assert!(converted.starts_with(b"\xEF\xBB\xBF---\r\n"));
        site.write(rel, converted);
    }
    site.build_ok(&[]);
    for rel in [
        "public/ordlista/index.html",
        SOCIAL,
        "public/tema/klimat/index.html",
    ] {
        assert_eq!(
            site.read_string(rel),
            plain.read_string(rel),
            "{rel} differs when its source has a BOM and CRLF line ends"
        );
    }
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = Site::from_fixture("basic");
    site.build_ok(&["--base-url", BASE]);
    assert!(!site.path("public/natverk/utkast").exists());
    let section = site.html("public/natverk/index.html");
    assert!(!section.texts("main a").contains(&"Ett utkast".to_string()));
    assert!(!site.read_string("public/sitemap.xml").contains("utkast"));

    site.build_ok(&["--drafts", "--base-url", BASE]);
    let draft = site.html("public/natverk/utkast/index.html");
    assert_eq!(draft.texts("h1"), ["Ett utkast"]);
    let section = site.html("public/natverk/index.html");
    assert_eq!(
        section.href_of("main ul.listing a", "Ett utkast"),
        "../natverk/utkast/"
    );
    assert!(site
        .read_string("public/sitemap.xml")
        .contains("/natverk/utkast/"));
}

#[test]
fn aliases_redirect_to_the_new_page() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let alias = site.html("public/gamla/anvisningar/index.html");
    assert_eq!(
        alias.attrs("meta[http-equiv=refresh]", "content"),
        ["0; url=../../styrgrupp/anvisningar/"]
    );
    assert_eq!(
        alias.attrs("link[rel=canonical]", "href"),
        ["../../styrgrupp/anvisningar/"]
    );
    assert_eq!(
        alias.href_of("a", "Anvisningar för styrgruppen"),
        "../../styrgrupp/anvisningar/"
    );
    assert_eq!(alias.attrs("meta[name=robots]", "content"), ["noindex"]);
}

#[test]
fn builds_are_deterministic() {
    let site = Site::from_fixture("basic");
    let a = site.path("ut-a");
    let b = site.path("ut-b");
    site.run(&["build", "--output", a.to_str().unwrap()])
        .expect_success();
    // The second build runs from another folder with --root.
    let elsewhere = tempfile::tempdir().unwrap();
    run_in(
        elsewhere.path(),
        &[
            "build",
            "--root",
            site.root().to_str().unwrap(),
            "--output",
            b.to_str().unwrap(),
        ],
    )
    .expect_success();
    let (sa, sb) = (common::snapshot(&a), common::snapshot(&b));
    assert!(files(&sa).len() > 15);
    assert_same_tree(&sa, &sb, "a second build of the same input");
    assert!(
        !site.path("public").exists(),
        "--output was used, not public/"
    );
}

#[test]
fn check_writes_nothing() {
    let site = Site::from_fixture("basic");
    let before = site.snapshot_all();
    let run = site.run(&["check"]);
    run.expect_no_panic().expect_success();
    assert!(run.stdout.contains("checked"), "{}", run.stdout);
    assert_same_tree(
        &before,
        &site.snapshot_all(),
        "handbok check on a fresh site",
    );

    site.build_ok(&[]);
    let built = site.snapshot_all();
    site.run(&["check", "--drafts", "--base-url", BASE])
        .expect_success();
    assert_same_tree(&built, &site.snapshot_all(), "handbok check after a build");
}

#[test]
fn rebuild_replaces_the_output_and_leaves_no_staging_folders() {
    let site = Site::from_fixture("basic");
    site.write("content/ny-sida.md", "---\ntitle: Ny sida\n---\n\nNy.\n");
    site.build_ok(&[]);
    assert!(site.path("public/ny-sida/index.html").is_file());
    std::fs::remove_file(site.path("content/ny-sida.md")).unwrap();
    site.write(
        "content/annan-sida.md",
        "---\ntitle: Annan sida\n---\n\nAnnan.\n",
    );
    site.build_ok(&[]);
    assert!(
        !site.path("public/ny-sida").exists(),
        "stale page left in the output"
    );
    assert!(site.path("public/annan-sida/index.html").is_file());
    assert!(
        site.hidden_entries().is_empty(),
        "{:?}",
        site.hidden_entries()
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

/// Builds `basic` into `public/`, copies the overlay `bad` over it and builds again, with
/// the checks of [`bad_build_of`].
fn bad_build(bad: &str, code: i32) -> Run {
    let site = Site::from_fixture("basic");
    bad_build_of(&site, |s| s.overlay(bad), code)
}

#[test]
fn broken_link_names_file_line_column_and_suggests_the_target() {
    let run = bad_build("bad-broken-link", 1);
    let prefix = "content/trasig.md:7:4: error:";
    assert!(run
        .line_starting_with(prefix)
        .contains("styrgrupp/anvisning.md"));
    assert_eq!(
        run.hint_after(prefix),
        "did you mean `styrgrupp/anvisningar.md`?"
    );
    assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);
}

#[test]
fn broken_anchor_names_file_line_column_and_suggests_the_heading() {
    let run = bad_build("bad-broken-anchor", 1);
    let prefix = "content/trasigt-ankare.md:7:4: error:";
    assert!(run.line_starting_with(prefix).contains("#mandatet"));
    assert!(
        run.hint_after(prefix).contains("`#mandat`"),
        "{}",
        run.stderr
    );
    assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);
}

#[test]
fn missing_title_is_an_error() {
    let run = bad_build("bad-missing-title", 1);
    let prefix = "content/utan-rubrik.md:1:1: error:";
    assert!(run.line_starting_with(prefix).contains("`title`"));
    assert!(run.hint_after(prefix).contains("title:"));
}

#[test]
fn unknown_front_matter_key_suggests_the_known_one() {
    let run = bad_build("bad-unknown-key", 1);
    let prefix = "content/okand-nyckel.md:3:1: error:";
    assert!(run.line_starting_with(prefix).contains("`descripton`"));
    assert!(
        run.hint_after(prefix)
            .starts_with("did you mean `description`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_date_names_the_line_of_the_date() {
    let run = bad_build("bad-date", 1);
    let prefix = "content/fel-datum.md:3:1: error:";
    assert!(run.line_starting_with(prefix).contains("2021-13-45"));
    assert!(run.hint_after(prefix).contains("YYYY-MM-DD"));
}

#[test]
fn duplicate_url_names_both_sources_and_the_slug_line() {
    let run = bad_build("bad-duplicate-url", 1);
    // kopia.md's `slug: social-hallbarhet` (line 3) takes the URL of social-hållbarhet.md.
    let prefix = "content/natverk/kopia.md:3:1: error:";
    let line = run.line_starting_with(prefix);
    assert!(
        line.contains("content/natverk/social-hållbarhet.md"),
        "{line}"
    );
    assert!(line.contains("/natverk/social-hallbarhet/"), "{line}");
}

#[test]
fn page_and_section_with_the_same_url_name_both_with_a_line() {
    let run = bad_build("bad-page-and-section", 1);
    let line = run
        .error_lines()
        .into_iter()
        .find(|l| l.contains("/styrgrupp/"))
        .unwrap_or_else(|| panic!("no error about /styrgrupp/:\n{}", run.stderr));
    assert!(
        line.contains("content/styrgrupp.md") && line.contains("content/styrgrupp/_index.md"),
        "{line}"
    );
    assert!(
        has_file_line_prefix(
            line,
            &["content/styrgrupp.md", "content/styrgrupp/_index.md"]
        ),
        "the error must start with `file:line:col:`: {line}"
    );
}

/// True when `line` starts with one of `files` followed by `:LINE:COL: error:`.
fn has_file_line_prefix(line: &str, files: &[&str]) -> bool {
    files.iter().any(|f| {
        let Some(rest) = line.strip_prefix(&format!("{f}:")) else {
            return false;
        };
        let mut parts = rest.splitn(3, ':');
        let (l, c) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        !l.is_empty()
            && l.chars().all(|ch| ch.is_ascii_digit())
            && !c.is_empty()
            && c.chars().all(|ch| ch.is_ascii_digit())
            && parts.next().is_some_and(|r| r.starts_with(" error:"))
    })
}

#[test]
fn unclosed_front_matter_is_an_error() {
    let run = bad_build("bad-unclosed-front-matter", 1);
    let prefix = "content/oppen.md:1:1: error:";
    assert!(run.line_starting_with(prefix).contains("never closed"));
    assert!(run.hint_after(prefix).contains("---"));
}

#[test]
fn invalid_utf8_names_the_line_of_the_bad_byte() {
    let run = bad_build("bad-invalid-utf8", 1);
    let prefix = "content/latin1.md:5:1: error:";
    assert!(run.line_starting_with(prefix).contains("UTF-8"));
    assert!(run.hint_after(prefix).contains("UTF-8"));
}

#[test]
fn template_with_an_unknown_variable_names_template_line_and_page() {
    let run = bad_build("bad-template-variable", 1);
    let prefix = "templates/page.html:4:";
    let line = run
        .error_lines()
        .into_iter()
        .find(|l| l.starts_with(prefix) && l.contains("content/natverk/social-hållbarhet.md"))
        .unwrap_or_else(|| panic!("no error for the social page at {prefix}\n{}", run.stderr));
    assert!(line.contains("page.titel"), "{line}");
    // Only template errors: pages that could not be rendered must not also cause
    // "the heading does not exist" errors for links pointing into them.
    for l in run.error_lines() {
        assert!(
            l.starts_with(prefix),
            "an error caused by the failed template, not by the content:\n{l}\n--- stderr:\n{}",
            run.stderr
        );
    }
}

#[test]
fn template_syntax_error_names_template_and_line() {
    let run = bad_build("bad-template-syntax", 1);
    let line = run.line_starting_with("templates/section.html:5:");
    assert!(line.contains("error:"), "{line}");
    assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);
}

#[test]
fn unknown_key_in_the_config_is_exit_2_with_a_suggestion() {
    let run = bad_build("bad-config-key", 2);
    let prefix = "handbok.yaml:3:";
    assert!(run.line_starting_with(prefix).contains("`languag`"));
    assert_eq!(run.hint_after(prefix), "did you mean `language`?");
}

#[test]
fn several_front_matter_errors_are_all_reported() {
    let run = bad_build("bad-several", 1);
    run.line_starting_with("content/fel-ett.md:3:1: error:");
    run.line_starting_with("content/fel-ett.md:4:1: error:");
    run.line_starting_with("content/fel-tva.md:1:1: error:");
    assert_eq!(run.error_lines().len(), 3, "{}", run.stderr);
}

#[test]
fn several_link_errors_are_all_reported() {
    let run = bad_build("bad-several-links", 1);
    assert!(run
        .line_starting_with("content/lankar.md:5:4: error:")
        .contains("saknas.md"));
    assert!(run
        .line_starting_with("content/lankar.md:5:37: error:")
        .contains("#hallbarheten"));
    assert!(run
        .line_starting_with("content/lankar.md:7:9: error:")
        .contains("/natverk/social.md"));
    assert_eq!(run.error_lines().len(), 3, "{}", run.stderr);
}

#[test]
fn link_suggestions_point_at_likely_targets() {
    let run = bad_build("bad-several-links", 1);
    // A shortened file name: suggest the file it is the start of.
    let hint = run.hint_after("content/lankar.md:7:9: error:");
    assert!(
        hint.contains("natverk/social-hållbarhet.md"),
        "`/natverk/social.md` should suggest natverk/social-hållbarhet.md, got: {hint}"
    );
    // Never suggest the page the link is written in.
    let hint = run.hint_after("content/lankar.md:5:4: error:");
    assert!(
        !hint.contains("lankar.md"),
        "the suggestion for a link in lankar.md is lankar.md itself: {hint}"
    );
}

#[test]
fn errors_from_front_matter_and_links_are_reported_together() {
    let run = bad_build("bad-mixed-stages", 1);
    run.line_starting_with("content/fel-nyckel.md:3:1: error:");
    let link = run.line_starting_with("content/fel-lank.md:5:4: error:");
    assert!(link.contains("ordlistan.md"), "{link}");
}

#[test]
fn bom_and_crlf_do_not_shift_error_positions() {
    let site = Site::from_fixture("basic");
    let run = bad_build_of(
        &site,
        |s| {
            s.overlay("bad-broken-link");
            let converted = bom_crlf(&s.read("content/trasig.md"));
            s.write("content/trasig.md", converted);
        },
        1,
    );
    run.line_starting_with("content/trasig.md:7:4: error:");
}

#[test]
fn bad_base_url_option_is_a_usage_error_blamed_on_the_option() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let good = site.snapshot("public");
    let run = site.run(&["build", "--base-url", "intranat"]);
    run.expect_no_panic().expect_code(2);
    assert!(run.stderr.contains("intranat"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--base-url") && !run.stderr.starts_with("handbok.yaml:"),
        "the bad value came from --base-url, not from handbok.yaml:\n{}",
        run.stderr
    );
    assert_same_tree(&good, &site.snapshot("public"), "a failed build");
}

#[test]
fn missing_config_and_unknown_option_are_usage_errors() {
    let empty = tempfile::tempdir().unwrap();
    let run = run_in(empty.path(), &["build"]);
    run.expect_no_panic().expect_code(2);
    assert!(run.stderr.contains("handbok.yaml"), "{}", run.stderr);
    assert!(!empty.path().join("public").exists());

    let site = Site::from_fixture("basic");
    let run = site.run(&["build", "--utkast"]);
    run.expect_no_panic().expect_code(2);
    assert!(!site.path("public").exists());
}

#[test]
fn a_section_that_takes_a_taxonomy_url_is_reported_on_its_file() {
    let site = Site::from_fixture("basic");
    site.write("content/tema/_index.md", "---\ntitle: Teman\n---\nText.\n");
    let run = site.run(&["check"]);
    run.expect_code(1).expect_no_panic();
    let line = run.line_starting_with("content/tema/_index.md:1:1: error:");
    assert!(line.contains("the taxonomy `tema`"), "{line}");
}

//! Hostile or odd inputs end in a clear message with file and line, never in a build that
//! runs for hours or writes a site that breaks elsewhere: deep YAML nesting, parser
//! messages that would quote a secret, decomposed Unicode (NFD), duplicate HTML ids, dates
//! far outside any handbook's time, huge titles, and names Windows servers cannot store.

mod common;

use std::time::Duration;

use common::{bad_build_of, Page, Run, Site};

/// Runs `handbok ARGS` in the site, killing it after `limit`: a regression to a quadratic
/// scan must fail the test, not hang it.
fn run_within(site: &Site, args: &[&str], limit: Duration) -> Run {
    common::run_within(site.root(), args, limit)
}

const LIMIT: Duration = Duration::from_secs(60);

/// Every `.html` file under `public/`, as (site path, parsed page).
fn built_pages(site: &Site) -> Vec<(String, Page)> {
    common::files(&site.snapshot("public"))
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| (f.to_string(), site.html(&format!("public/{f}"))))
        .collect()
}

/// Panics unless the stderr line starting with `prefix` (file and line) contains `text`.
fn expect_line(run: &Run, prefix: &str, text: &str) {
    let line = run.line_starting_with(prefix);
    assert!(line.contains(text), "{line}");
}

/// Adds a glossary read from `ordlista.yaml` to the site's configuration.
fn with_glossary(site: &Site, glossary: &str) {
    let config = site.read_string("handbok.yaml");
    site.write(
        "handbok.yaml",
        format!("{config}glossary:\n  file: ordlista.yaml\n  page: ordlista.md\n"),
    );
    site.write("ordlista.yaml", glossary);
}

fn assert_unique_ids(site: &Site) {
    for (path, page) in built_pages(site) {
        let mut ids = page.ids();
        ids.sort();
        let twice: Vec<&String> = ids
            .windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| &w[0])
            .collect();
        assert!(twice.is_empty(), "{path} has ids twice: {twice:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Defect 10: deep YAML nesting, and parser messages that quote the text
// ---------------------------------------------------------------------------------------------

#[test]
fn deep_yaml_nesting_in_front_matter_is_refused_on_its_line() {
    let site = Site::from_fixture("basic");
    site.write(
        "content/djup.md",
        format!(
            "---\ntitle: Djup\nextra: {}\n---\nText.\n",
            "[".repeat(100_000)
        ),
    );
    let run = run_within(&site, &["build"], LIMIT);
    run.expect_no_panic().expect_code(1);
    expect_line(
        &run,
        "content/djup.md:3:",
        "error: the YAML is nested more than 64 levels deep",
    );
}

#[test]
fn deep_yaml_nesting_in_the_config_is_refused_on_its_line() {
    let site = Site::from_fixture("basic");
    let config = site.read_string("handbok.yaml");
    let lines = config.lines().count();
    site.write(
        "handbok.yaml",
        format!("{config}extra_nesting: {}\n", "{".repeat(100_000)),
    );
    let run = run_within(&site, &["build"], LIMIT);
    run.expect_no_panic().expect_code(2);
    expect_line(
        &run,
        &format!("handbok.yaml:{}:", lines + 1),
        "nested more than 64 levels deep",
    );
}

#[test]
fn deep_yaml_nesting_in_the_glossary_is_refused_on_its_line() {
    let site = Site::from_fixture("basic");
    with_glossary(
        &site,
        &format!("- term: NSH\n  expansion: {}\n", "[".repeat(100_000)),
    );
    let run = run_within(&site, &["build"], LIMIT);
    run.expect_no_panic();
    assert_ne!(run.code, Some(0), "{}", run.stderr);
    expect_line(&run, "ordlista.yaml:2:", "nested more than 64 levels deep");
}

#[test]
fn yaml_messages_never_quote_the_file() {
    let secret = "ghp_R4nd0mS3cretT0kenValue1234";
    let site = Site::from_fixture("basic");
    // A token file given as the configuration, and a token pasted where a glossary list
    // belongs: the parser's messages would quote it (`invalid type: string "ghp_…"`).
    site.write("handbok.yaml", format!("{secret}\n"));
    let run = site.run(&["build"]);
    run.expect_no_panic().expect_code(2);
    expect_line(&run, "handbok.yaml:1:", "invalid type");
    assert!(!run.stderr.contains(secret), "{}", run.stderr);

    let site = Site::from_fixture("basic");
    with_glossary(&site, &format!("- term: NSH\n  {secret}: x\n"));
    let run = site.run(&["build"]);
    run.expect_no_panic();
    assert_ne!(run.code, Some(0));
    run.line_starting_with("ordlista.yaml:2:");
    assert!(!run.stderr.contains(secret), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Defect 11: decomposed Unicode (NFD) names the same page and heading as composed (NFC)
// ---------------------------------------------------------------------------------------------

const NFD_NAME: &str = "ha\u{30a}llbarhet";
const NFD_HEADING: &str = "Ma\u{30a}l fo\u{308}r a\u{30a}r";

/// A site with `hållbarhet.md` and `återbruk.md`, each with a heading `Mål för år`, the
/// first file name and heading in `form` (NFD or NFC), the second the other way round,
/// and a page linking to both headings with the names in the opposite form.
fn unicode_site(nfd_first: bool) -> Site {
    let nfd_second = "a\u{30a}terbruk";
    let (first, first_heading, second, second_heading, link_first, link_second) = if nfd_first {
        (
            NFD_NAME,
            NFD_HEADING,
            "återbruk",
            "Mål för år",
            "hållbarhet",
            nfd_second,
        )
    } else {
        (
            "hållbarhet",
            "Mål för år",
            nfd_second,
            NFD_HEADING,
            NFD_NAME,
            "återbruk",
        )
    };
    let site = Site::from_fixture("basic");
    let page =
        |title: &str, heading: &str| format!("---\ntitle: {title}\n---\n\n## {heading}\n\nText.\n");
    site.write(
        &format!("content/{first}.md"),
        page("Hållbarhet", first_heading),
    );
    site.write(
        &format!("content/{second}.md"),
        page("Återbruk", second_heading),
    );
    site.write(
        "content/lankar.md",
        format!(
            "---\ntitle: Länkar\n---\n\n[Mål]({link_first}.md#mål-för-år) och [återbruk]({link_second}.md#{}).\n",
            "ma\u{30a}l-fo\u{308}r-a\u{30a}r"
        ),
    );
    site
}

#[test]
fn decomposed_file_names_headings_and_links_match_composed_ones() {
    let mut seen = Vec::new();
    for nfd_first in [true, false] {
        let site = unicode_site(nfd_first);
        site.build_ok(&[]);
        for path in ["hallbarhet", "aterbruk"] {
            let page = site.html(&format!("public/{path}/index.html"));
            assert!(
                page.ids().contains(&"mal-for-ar".to_string()),
                "{path}: {:?}",
                page.ids()
            );
        }
        let links = site.html("public/lankar/index.html");
        let hrefs = [
            links.href_of("main a", "Mål"),
            links.href_of("main a", "återbruk"),
        ];
        assert_eq!(
            hrefs,
            ["../hallbarhet/#mal-for-ar", "../aterbruk/#mal-for-ar"]
        );
        seen.push(hrefs);
    }
    assert_eq!(seen[0], seen[1]);
}

// ---------------------------------------------------------------------------------------------
// Defect 12: every id on a page is unique
// ---------------------------------------------------------------------------------------------

#[test]
fn headings_step_past_the_themes_ids_and_footnotes() {
    let site = Site::from_fixture("basic");
    site.write(
        "content/natverk/ekologi.md",
        "---\ntitle: Ekologi\n---\n\n## Innehåll\n\nText[^1] och mer[^not].\n\n## Not\n\n## 1\n\n## Dagordning\n\n[^1]: Första.\n\n[^not]: Andra.\n",
    );
    site.build_ok(&[]);
    assert_unique_ids(&site);
    let page = site.html("public/natverk/ekologi/index.html");
    let headings = page.attrs("main h2[id]", "id");
    for id in ["innehall-1", "not-1", "1-1", "dagordning-1"] {
        assert!(headings.contains(&id.to_string()), "{id} in {headings:?}");
    }
    assert_eq!(page.attrs("main#innehall", "id").len(), 1);
}

/// Builds the fixture, then writes `files` over it: the build must fail (exit 1, the output
/// kept) with exactly the errors `expected`, each a line's start (file and line) and a
/// text it contains.
fn expect_errors(fixture: &str, files: &[(&str, String)], expected: &[(&str, &str)]) -> Run {
    let site = Site::from_fixture(fixture);
    let run = bad_build_of(
        &site,
        |s| {
            for (rel, text) in files {
                s.write(rel, text);
            }
        },
        1,
    );
    for (at, text) in expected {
        expect_line(&run, at, text);
    }
    assert_eq!(run.error_lines().len(), expected.len(), "{}", run.stderr);
    run
}

/// The fixture's file `rel` with `from` replaced by `to`.
fn edited(fixture: &str, rel: &str, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(common::fixtures_dir().join(fixture).join(rel))
        .expect("read a fixture file");
    assert!(text.contains(from), "{rel} has no {from:?}");
    text.replace(from, to)
}

#[test]
fn a_taken_explicit_heading_id_is_an_error_on_its_line() {
    let page = "---\ntitle: Ekologi\n---\n\n## Mål {#mal}\n\n## Mål igen {#mal}\n\n## Hoppa {#innehall}\n\nText[^k].\n\n## Källa {#k}\n\n[^k]: En källa.\n";
    expect_errors(
        "basic",
        &[("content/natverk/ekologi.md", page.to_string())],
        &[
            (
                "content/natverk/ekologi.md:7:",
                "the heading id `mal` is used twice on this page (first on line 5)",
            ),
            (
                "content/natverk/ekologi.md:9:",
                "the heading id `innehall` is used by the theme",
            ),
            (
                "content/natverk/ekologi.md:13:",
                "the heading id `k` is the id of the footnote `[^k]`",
            ),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Defect 13: dates, lengths and names
// ---------------------------------------------------------------------------------------------

#[test]
fn dates_outside_1900_to_2200_are_errors_on_their_lines() {
    let page = "---\ntitle: Klimat\ndate: 1899-12-31\nupdated: 2201-01-01\n---\nText.\n";
    let fixture = "governance";
    let document = "content/styrdokument/strategi.md";
    let meeting = "content/moten/nsh-juni.md";
    expect_errors(
        fixture,
        &[
            ("content/natverk/klimat.md", page.to_string()),
            (
                document,
                edited(
                    fixture,
                    document,
                    "valid_until: 2025-08-01",
                    "valid_until: 2225-08-01",
                ),
            ),
            (
                meeting,
                edited(fixture, meeting, "  date: 2025-06-01", "  date: 0202-06-01"),
            ),
        ],
        &[
            (
                "content/natverk/klimat.md:3:",
                "`date` is not between the years 1900 and 2200: `1899-12-31`",
            ),
            (
                "content/natverk/klimat.md:4:",
                "`updated` is not between the years 1900 and 2200: `2201-01-01`",
            ),
            (
                "content/styrdokument/strategi.md:7:",
                "`valid_until` is not between the years 1900 and 2200",
            ),
            (
                "content/moten/nsh-juni.md:6:",
                "`date` is not between the years 1900 and 2200: `0202-06-01`",
            ),
        ],
    );
}

#[test]
fn huge_titles_and_descriptions_are_errors_on_their_lines() {
    let title = format!("---\ntitle: {}\n---\nText.\n", "Å".repeat(1_000_000));
    let words = "ord ".repeat(251);
    let description = format!(
        "---\ntitle: Kort\ndescription: {}\n---\nText.\n",
        words.trim_end()
    );
    let run = expect_errors(
        "basic",
        &[
            ("content/natverk/ekologi.md", title),
            ("content/natverk/utkast.md", description),
        ],
        &[
            (
                "content/natverk/ekologi.md:2:",
                "`title` is 1000000 characters long; at most 300 are allowed",
            ),
            (
                "content/natverk/utkast.md:3:",
                "`description` is 1003 characters long; at most 1000",
            ),
        ],
    );
    assert!(run.stderr.len() < 10_000, "the title was echoed");
}

#[test]
fn the_longest_allowed_title_and_description_build() {
    let site = Site::from_fixture("basic");
    site.write(
        "content/natverk/ekologi.md",
        format!(
            "---\ntitle: {}\ndescription: {}\n---\nText.\n",
            "ö".repeat(300),
            "d".repeat(1000)
        ),
    );
    site.build_ok(&[]);
}

#[test]
fn windows_device_names_are_errors_with_file_and_line() {
    let page =
        "---\ntitle: Ekologi\nslug: prn\naliases: [/gammal/com1.html]\ntema: [LPT9]\n---\nText.\n";
    let reserved = |name: &str| format!("the name `{name}` is a device name that Windows reserves");
    let expected = [
        ("content/con.md: ", reserved("con")),
        ("content/natverk/Nul.png: ", reserved("Nul.png")),
        ("content/Aux/_index.md: ", reserved("aux")),
        ("content/natverk/ekologi.md:3:", reserved("prn")),
        ("content/natverk/ekologi.md:4:", reserved("com1.html")),
        ("content/natverk/ekologi.md:5:", reserved("lpt9")),
        ("static/com1.txt: ", reserved("com1.txt")),
    ];
    let expected: Vec<(&str, &str)> = expected.iter().map(|(a, t)| (*a, t.as_str())).collect();
    expect_errors(
        "basic",
        &[
            (
                "content/con.md",
                "---\ntitle: Con\n---\nText.\n".to_string(),
            ),
            ("content/natverk/Nul.png", "png".to_string()),
            (
                "content/Aux/_index.md",
                "---\ntitle: Aux\n---\n".to_string(),
            ),
            ("content/natverk/ekologi.md", page.to_string()),
            ("static/com1.txt", "x".to_string()),
        ],
        &expected,
    );
}

#[test]
fn names_over_255_bytes_are_errors_with_file_and_line() {
    // 80 × `北` is a 243-byte file name whose slug, `bei-bei-…`, is 319 bytes.
    let long_file = format!("content/{}.md", "北".repeat(80));
    let slug = format!(
        "---\ntitle: Ekologi\nslug: {}\n---\nText.\n",
        "a".repeat(256)
    );
    expect_errors(
        "basic",
        &[
            (&long_file, "---\ntitle: Lång\n---\nText.\n".to_string()),
            ("content/natverk/ekologi.md", slug),
        ],
        &[
            (
                &format!("{long_file}: "),
                "is 319 bytes long; a file or folder name may have at most 255",
            ),
            ("content/natverk/ekologi.md:3:", "is 256 bytes long"),
        ],
    );
}

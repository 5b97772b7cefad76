//! Integration tests for governing documents (issue 5): document control, the review report
//! and page, the focus-area matrix with its pages and CSV export, and network meetings with
//! their iCalendar feeds.
//!
//! The fixture site `tests/fixtures/governance/` holds six pages in `styrdokument/` (documents
//! past, at, inside and outside the review window, one without dates, one without a
//! `document:` block), two committees' action plans in `handlingsplaner/` with overlapping and
//! distinct focus areas, three network pages in `natverk/` and five meetings in `moten/`.
//! Every build passes `--today 2025-06-01`, so that "past", "due soon" and "upcoming" are
//! fixed. `tests/fixtures/governance-minimal/` is a site with none of these features.
//!
//! Errors are provoked by editing one fixture file after a good build; the build must then
//! fail with exit code 1, one error at `content/<file>.md:<line of the offending key>:`, and
//! leave `public/` byte for byte as the good build wrote it. Lines are looked up in the edited
//! file by the text of the key, so the tests state which key the error must point at.

mod common;

use std::collections::BTreeSet;

use common::{assert_same_tree, files, resolve, sel, text_of, Run, Site};
use scraper::{ElementRef, Html};

/// The date every build compares review dates and meetings with.
const TODAY: &str = "2025-06-01";

const ANVISNINGAR: &str = "content/styrdokument/anvisningar.md";
const UPPDRAG: &str = "content/styrdokument/uppdrag.md";
const STRATEGI: &str = "content/styrdokument/strategi.md";
const RUTIN: &str = "content/styrdokument/rutin.md";
const SOCIAL_PLAN: &str = "content/handlingsplaner/socialnamnden.md";
const TEKNISKA_PLAN: &str = "content/handlingsplaner/tekniska.md";
const JUNI: &str = "content/moten/nsh-juni.md";

const NSH_ICS: &str = "public/natverk/social-hallbarhet/moten.ics";
const CSV_FILE: &str = "public/fokusomraden/aktiviteter.csv";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Copies the `governance` fixture and builds it into `public/` as of [`TODAY`].
fn build() -> Site {
    let site = Site::from_fixture("governance");
    site.build_ok(&["--today", TODAY]);
    site
}

fn document(site: &Site, path: &str) -> Html {
    Html::parse_document(&site.read_string(&format!("public/{path}index.html")))
}

/// `(text, resolved target)` of every `a[href]` matching `css` on the page at `path`.
fn links(site: &Site, path: &str, css: &str) -> Vec<(String, String)> {
    let doc = document(site, path);
    doc.select(&sel(css))
        .filter_map(|a| Some((text_of(a), resolve(path, a.value().attr("href")?))))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn strings(expected: &[&str]) -> Vec<String> {
    expected.iter().map(|s| s.to_string()).collect()
}

/// Asserts that `target` (`a/b/#id`) is a page of the build that has the element `#id`.
fn assert_target_exists(site: &Site, target: &str) {
    let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
    let file = site.path(&format!("public/{path}index.html"));
    assert!(file.is_file(), "link target /{target}: no page {file:?}");
    if !fragment.is_empty() {
        let ids = site.html(&format!("public/{path}index.html")).ids();
        assert!(
            ids.iter().any(|i| i == fragment),
            "link target /{target}: no id {fragment:?} on the page; ids: {ids:?}"
        );
    }
}

/// 1-based line of the first line of `rel` (as it is now) that contains `needle`.
fn line_of(site: &Site, rel: &str, needle: &str) -> usize {
    let text = site.read_string(rel);
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} is not in {rel}:\n{text}"))
}

/// Replaces `from` with `to` in the site file `rel` (which must contain `from`).
fn edit(site: &Site, rel: &str, from: &str, to: &str) {
    let text = site.read_string(rel);
    assert!(text.contains(from), "{from:?} is not in {rel}:\n{text}");
    site.write(rel, text.replacen(from, to, 1));
}

/// Builds again and asserts the failure a user should see: exit code 1, no panic, exactly one
/// error, at `file:line:`, containing `message`; `public/` unchanged. Returns the error line and
/// its hint (empty if none).
fn expect_build_error(site: &Site, file: &str, line: usize, message: &str) -> (String, String) {
    let before = site.snapshot("public");
    let run = site.run(&["build", "--today", TODAY]);
    run.expect_no_panic().expect_code(1);
    let errors = run.error_lines();
    assert_eq!(
        errors.len(),
        1,
        "expected one error at {file}:{line}\n--- stderr:\n{}",
        run.stderr
    );
    let prefix = format!("{file}:{line}:");
    assert!(
        errors[0].starts_with(&prefix) && errors[0].contains(message),
        "expected an error at {prefix} containing {message:?}\n--- stderr:\n{}",
        run.stderr
    );
    assert_same_tree(&before, &site.snapshot("public"), "a failed build");
    let hint = hint_of(&run, errors[0]);
    (errors[0].to_string(), hint)
}

/// The hint printed after the diagnostic line `line`, or an empty string.
fn hint_of(run: &Run, line: &str) -> String {
    let mut lines = run.stderr.lines().skip_while(|l| *l != line);
    lines.next();
    lines
        .next()
        .and_then(|l| l.strip_prefix("  hint: "))
        .unwrap_or_default()
        .to_string()
}

/// The rows of every table below the `h2` with id `id` (up to the next `h2`) on the review page
/// at `path`: `(document title, resolved link, type, owner, what, date cell)`.
fn review_rows(site: &Site, path: &str, id: &str) -> Vec<[String; 6]> {
    let doc = document(site, path);
    let article = doc
        .select(&sel("article.review"))
        .next()
        .expect("an article.review");
    let mut rows = Vec::new();
    let mut inside = false;
    for child in article.children().filter_map(ElementRef::wrap) {
        if child.value().name() == "h2" {
            inside = child.value().attr("id") == Some(id);
            continue;
        }
        if !inside {
            continue;
        }
        for tr in child.select(&sel("tbody tr")) {
            let a = tr.select(&sel("th a")).next().expect("a linked title");
            let cells: Vec<String> = tr.select(&sel("td")).map(text_of).collect();
            assert_eq!(cells.len(), 4, "four cells in a review row");
            rows.push([
                text_of(a),
                resolve(path, a.value().attr("href").unwrap_or_default()),
                cells[0].clone(),
                cells[1].clone(),
                cells[2].clone(),
                cells[3].clone(),
            ]);
        }
    }
    rows
}

/// `(title, resolved link)` of the listing below the `h2` with id `id` on the page at `path`.
fn listing_below(site: &Site, path: &str, id: &str) -> Vec<(String, String)> {
    let doc = document(site, path);
    let article = doc.select(&sel("article")).next().expect("an article");
    let mut out = Vec::new();
    let mut inside = false;
    for child in article.children().filter_map(ElementRef::wrap) {
        if child.value().name() == "h2" {
            inside = child.value().attr("id") == Some(id);
            continue;
        }
        if inside {
            for a in child.select(&sel("a[href]")) {
                let href = a.value().attr("href").unwrap_or_default();
                out.push((text_of(a), resolve(path, href)));
            }
        }
    }
    out
}

/// The review lines `handbok check --review` prints on stdout (`  content/…: …`).
fn review_lines(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .filter(|l| l.starts_with("  content/"))
        .map(str::to_string)
        .collect()
}

/// One matrix cell: its text and, when it links, the resolved target.
#[derive(Debug, PartialEq, Eq)]
struct Cell {
    text: String,
    link: Option<String>,
}

/// A matrix row: its heading, the resolved link of the heading, and its cells.
type Row = (String, String, Vec<Cell>);

/// The matrix page at `path`: column headings and the rows.
fn matrix(site: &Site, path: &str) -> (Vec<String>, Vec<Row>) {
    let doc = document(site, path);
    let table = doc
        .select(&sel("article.matrix table"))
        .next()
        .expect("a table on the matrix page");
    let head = table.select(&sel("thead th")).map(text_of).collect();
    let rows = table
        .select(&sel("tbody tr"))
        .map(|tr| {
            let th = tr.select(&sel("th")).next().expect("a row heading");
            let a = th.select(&sel("a")).next().expect("a linked row heading");
            let cells = tr
                .select(&sel("td"))
                .map(|td| Cell {
                    text: text_of(td),
                    link: td
                        .select(&sel("a[href]"))
                        .next()
                        .map(|a| resolve(path, a.value().attr("href").unwrap_or_default())),
                })
                .collect();
            (
                text_of(th),
                resolve(path, a.value().attr("href").unwrap_or_default()),
                cells,
            )
        })
        .collect();
    (head, rows)
}

fn cell(text: &str, link: &str) -> Cell {
    Cell {
        text: text.to_string(),
        link: Some(link.to_string()),
    }
}

fn empty() -> Cell {
    Cell {
        text: "–".to_string(),
        link: None,
    }
}

/// The CSV export without its byte order mark, parsed: header and records.
fn read_csv(site: &Site, rel: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = site.read(rel);
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("the CSV starts with a UTF-8 byte order mark (for spreadsheet programs)");
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let header = reader
        .headers()
        .expect("a CSV header")
        .iter()
        .map(str::to_string)
        .collect();
    let records = reader
        .records()
        .map(|r| {
            r.expect("a valid CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, records)
}

/// A parsed property: its value and its parameters as `KEY=VALUE`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Prop {
    value: String,
    params: Vec<String>,
}

/// Every VEVENT of an `.ics` file parsed with the `icalendar` crate: property name → value.
fn calendar_events(text: &str) -> Vec<Vec<(String, Prop)>> {
    let unfolded = icalendar::parser::unfold(text);
    let cal = icalendar::parser::read_calendar(&unfolded)
        .unwrap_or_else(|e| panic!("the feed does not parse: {e}\n{text}"));
    let timezones: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(timezones.len(), 1, "one VTIMEZONE");
    let tzid = timezones[0].find_prop("TZID").map(|p| p.val.to_string());
    assert_eq!(tzid.as_deref(), Some("Europe/Stockholm"));
    cal.components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| {
            c.properties
                .iter()
                .map(|p| {
                    let params = p
                        .params
                        .iter()
                        .map(|x| {
                            let val = x.val.as_ref().map(|v| v.to_string()).unwrap_or_default();
                            format!("{}={val}", x.key)
                        })
                        .collect();
                    (
                        p.name.to_string(),
                        Prop {
                            value: p.val.to_string(),
                            params,
                        },
                    )
                })
                .collect()
        })
        .collect()
}

fn prop(event: &[(String, Prop)], name: &str) -> Prop {
    let found: Vec<&Prop> = event
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, p)| p)
        .collect();
    assert!(found.len() <= 1, "{name} appears {} times", found.len());
    found.first().map(|p| (*p).clone()).unwrap_or_default()
}

fn local(value: &str) -> Prop {
    Prop {
        value: value.to_string(),
        params: vec!["TZID=Europe/Stockholm".to_string()],
    }
}

// ---------------------------------------------------------------------------------------------
// Document control
// ---------------------------------------------------------------------------------------------

#[test]
fn document_block_shows_its_values() {
    let site = build();
    let doc = document(&site, "styrdokument/anvisningar/");
    let asides: Vec<ElementRef> = doc.select(&sel("aside.document-control")).collect();
    assert_eq!(asides.len(), 1, "one document block");
    let aside = asides[0];
    let heading = aside.select(&sel("h2")).map(text_of).collect::<Vec<_>>();
    assert_eq!(heading, ["Dokumentinformation"]);
    let fields: Vec<(String, Vec<String>)> = aside
        .select(&sel("dl > div"))
        .map(|d| {
            let dt = d.select(&sel("dt")).map(text_of).collect::<String>();
            (dt, d.select(&sel("dd")).map(text_of).collect())
        })
        .collect();
    let expected: Vec<(String, Vec<String>)> = [
        ("Dokumenttyp", vec!["Anvisning"]),
        ("Ägare", vec!["Kommunledningskontoret"]),
        ("Beslutad av", vec!["Kommunstyrelsen"]),
        ("Beslutsdatum", vec!["2021-12-09"]),
        // written as `paragraph: "134"`
        ("Paragraf", vec!["§ 134"]),
        ("Diarienummer", vec!["KS 2023/474"]),
        ("Antagen", vec!["2021-12-09"]),
        ("Senast reviderad", vec!["2023-05-22"]),
        ("Granskas senast", vec!["2025-03-01"]),
        (
            "Hänvisningar",
            vec![
                "Kommunfullmäktige 2023-05-22 § 134: strategin ska revideras",
                "Budget 2024",
            ],
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), strings(&v)))
    .collect();
    assert_eq!(fields, expected);
    let times: Vec<String> = aside
        .select(&sel("time"))
        .filter_map(|t| t.value().attr("datetime").map(str::to_string))
        .collect();
    assert_eq!(
        times,
        ["2021-12-09", "2021-12-09", "2023-05-22", "2025-03-01"]
    );

    // Only the fields given are shown; a page without `document:` has no block.
    let strategi = site.html("public/styrdokument/strategi/index.html");
    assert_eq!(
        strategi.texts("aside.document-control dt"),
        ["Dokumenttyp", "Ägare", "Beslutad av", "Giltig till"]
    );
    let plain = site.html("public/styrdokument/vanlig/index.html");
    assert_eq!(plain.count("aside.document-control"), 0);
}

#[test]
fn invalid_document_fields_fail_at_the_line_of_their_key() {
    let site = build();
    let good = site.read_string(ANVISNINGAR);
    // (what is written instead, the key whose line the error names, message, hint)
    let cases = [
        (
            ("dnr: KS 2023/474", "dnr: KS2023/474"),
            "dnr:",
            "`KS2023/474` is not a diary number",
            "KS 2023/474",
        ),
        (
            ("dnr: KS 2023/474", "dnr: ks 2023/474"),
            "dnr:",
            "`ks 2023/474` is not a diary number",
            "KS 2023/474",
        ),
        (
            ("decision_date: 2021-12-09", "decision_date: 2021-12-32"),
            "decision_date:",
            "`decision_date` is not a valid date: `2021-12-32`",
            "YYYY-MM-DD",
        ),
        (
            ("review_by: 2025-03-01", "review_by: 1 mars 2025"),
            "review_by:",
            "`review_by` is not a valid date",
            "YYYY-MM-DD",
        ),
        (
            (
                "  owner: Kommunledningskontoret",
                "  owners: Kommunledningskontoret",
            ),
            "owners:",
            "unknown field `owners` in `document`",
            "did you mean `owner`?",
        ),
        (
            ("type: anvisning", "type: anvisnig"),
            "type:",
            "unknown document type `anvisnig`",
            "did you mean `anvisning`?",
        ),
        (
            ("revised: 2023-05-22", "revised: 2020-05-22"),
            "revised:",
            "`revised` (2020-05-22) is before `adopted` (2021-12-09)",
            "",
        ),
    ];
    for ((from, to), key, message, hint) in cases {
        site.write(ANVISNINGAR, &good);
        edit(&site, ANVISNINGAR, from, to);
        let line = line_of(&site, ANVISNINGAR, key);
        let (_, got_hint) = expect_build_error(&site, ANVISNINGAR, line, message);
        assert!(
            got_hint.contains(hint),
            "{to}: hint {got_hint:?} should contain {hint:?}"
        );
    }
    site.write(ANVISNINGAR, &good);
    site.build_ok(&["--today", TODAY]);
}

/// A document that was drawn up (*upprättad*) rather than adopted, like a steering group's
/// own instructions, and a tjänsteskrivelse: shown with the documents' own terms, and the
/// dates checked against the date it was drawn up.
#[test]
fn a_document_drawn_up_is_shown_as_upprattad_and_its_dates_are_checked() {
    let site = build();
    const EGEN: &str = "content/styrdokument/egen.md";
    let good = "---\ntitle: Styrgruppens egna anvisningar\ndocument:\n  type: anvisning\n  established: 2021-12-09\n  revised: 2022-03-01\n---\n\nText.\n";
    site.write(EGEN, good);
    site.write(
        "content/styrdokument/skrivelse.md",
        "---\ntitle: Skrivelse\ndocument:\n  type: tjänsteskrivelse\n  owner: Tekniska serviceförvaltningen\n---\n\nText.\n",
    );
    site.build_ok(&["--today", TODAY]);
    let egen = site.html("public/styrdokument/egen/index.html");
    assert_eq!(
        egen.texts("aside.document-control dt"),
        ["Dokumenttyp", "Upprättad", "Senast reviderad"]
    );
    assert_eq!(
        egen.texts("aside.document-control dd"),
        ["Anvisning", "2021-12-09", "2022-03-01"]
    );
    let skrivelse = site.html("public/styrdokument/skrivelse/index.html");
    assert_eq!(
        skrivelse.texts("aside.document-control dd"),
        ["Tjänsteskrivelse", "Tekniska serviceförvaltningen"]
    );
    // The review page lists documents, not "styrdokument": a tjänsteskrivelse is none.
    let review = site.html("public/dokument-att-se-over/index.html");
    let text = review.texts("main").join(" ");
    assert!(
        text.contains("Dokument utan datum för granskning"),
        "{text}"
    );
    assert!(!text.contains("Styrdokument utan"), "{text}");
    for (from, to, key, message) in [
        (
            "revised: 2022-03-01",
            "revised: 2020-03-01",
            "revised:",
            "`revised` (2020-03-01) is before `established` (2021-12-09)",
        ),
        (
            "revised: 2022-03-01",
            "adopted: 2021-01-01",
            "adopted:",
            "`adopted` (2021-01-01) is before `established` (2021-12-09)",
        ),
    ] {
        site.write(EGEN, good);
        site.build_ok(&["--today", TODAY]);
        edit(&site, EGEN, from, to);
        let line = line_of(&site, EGEN, key);
        let (_, hint) = expect_build_error(&site, EGEN, line, message);
        assert!(hint.contains("drawn up"), "{hint}");
    }
}

// ---------------------------------------------------------------------------------------------
// Review report and page
// ---------------------------------------------------------------------------------------------

#[test]
fn check_review_lists_exactly_the_due_documents() {
    let site = build();
    let before = site.snapshot_all();
    let run = site.run(&["check", "--review", "--today", TODAY]);
    run.expect_no_panic().expect_success();
    assert_same_tree(&before, &site.snapshot_all(), "handbok check");
    let lines = review_lines(&run);
    // (file, key, date, title, owner): past, passed yesterday, today, in exactly 60 days.
    let expected = [
        (
            ANVISNINGAR,
            "review_by:",
            "2025-03-01",
            "Styrgruppens anvisningar",
            "Kommunledningskontoret",
        ),
        (
            RUTIN,
            "valid_until:",
            "2025-05-31",
            "Rutin för uppföljning",
            "Ekonomiavdelningen",
        ),
        (
            RUTIN,
            "review_by:",
            "2025-06-01",
            "Rutin för uppföljning",
            "Ekonomiavdelningen",
        ),
        (
            UPPDRAG,
            "review_by:",
            "2025-07-31",
            "Nätverkens uppdrag",
            "Styrgruppen för social hållbarhet",
        ),
    ];
    assert_eq!(
        lines.len(),
        expected.len(),
        "exactly the due documents\n{}",
        run.stdout
    );
    for (got, (file, key, date, title, owner)) in lines.iter().zip(expected) {
        let prefix = format!("  {file}:{}:", line_of(&site, file, key));
        assert!(got.starts_with(&prefix), "{got:?} should start {prefix:?}");
        for part in [date, title, &format!("owner: {owner}")] {
            assert!(got.contains(part), "{got:?} should contain {part:?}");
        }
    }
    // 61 days ahead, no date at all, no `document:`: not listed.
    for absent in ["strategi.md", "remiss.md", "vanlig.md", "Strategi för"] {
        assert!(
            !run.stdout.contains(absent),
            "{absent} listed:\n{}",
            run.stdout
        );
    }
    // The passed dates are warnings at their lines, the others are not mentioned.
    assert!(run.error_lines().is_empty(), "{}", run.stderr);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(": warning: ") && !l.contains("no other page links"))
        .collect();
    assert_eq!(warnings.len(), 2, "{}", run.stderr);
    let anvisningar = format!(
        "{ANVISNINGAR}:{}:",
        line_of(&site, ANVISNINGAR, "review_by:")
    );
    let rutin = format!("{RUTIN}:{}:", line_of(&site, RUTIN, "valid_until:"));
    assert!(warnings[0].starts_with(&anvisningar), "{}", warnings[0]);
    assert!(warnings[0].contains("Kommunledningskontoret"));
    assert!(warnings[1].starts_with(&rutin), "{}", warnings[1]);
    assert!(warnings[1].contains("Ekonomiavdelningen"));

    // Without --review, the same warnings and no list.
    let plain = site.run(&["check", "--today", TODAY]);
    plain.expect_success();
    assert!(review_lines(&plain).is_empty(), "{}", plain.stdout);
    let review_warnings = plain
        .stderr
        .lines()
        .filter(|l| l.contains(": warning: ") && !l.contains("no other page links"));
    assert_eq!(review_warnings.count(), 2);
}

#[test]
fn review_window_follows_days_and_warn_days() {
    let site = build();
    let listed = |run: &Run| -> BTreeSet<String> {
        run.expect_no_panic().expect_success();
        review_lines(run)
            .iter()
            .map(|l| l.trim().split(':').next().unwrap_or_default().to_string())
            .collect()
    };
    let set =
        |files: &[&str]| -> BTreeSet<String> { files.iter().map(|s| s.to_string()).collect() };
    // `valid_until` of the strategy is 61 days away: inside with --days 61.
    let run = site.run(&["check", "--review", "--days", "61", "--today", TODAY]);
    assert_eq!(listed(&run), set(&[ANVISNINGAR, RUTIN, UPPDRAG, STRATEGI]));
    assert_eq!(review_lines(&run).len(), 5);
    // --days 0: only what is past or due today.
    let run = site.run(&["check", "--review", "--days", "0", "--today", TODAY]);
    assert_eq!(listed(&run), set(&[ANVISNINGAR, RUTIN]));
    assert_eq!(review_lines(&run).len(), 3);
    // `review: warn_days` in handbok.yaml sets the default window.
    let config = site.read_string("handbok.yaml");
    site.write(
        "handbok.yaml",
        format!("{config}review:\n  warn_days: 59\n"),
    );
    let run = site.run(&["check", "--review", "--today", TODAY]);
    assert_eq!(listed(&run), set(&[ANVISNINGAR, RUTIN]));
    let run = site.run(&["check", "--review", "--days", "60", "--today", TODAY]);
    assert_eq!(listed(&run), set(&[ANVISNINGAR, RUTIN, UPPDRAG]));
    // The page says which window it used.
    site.build_ok(&["--today", TODAY]);
    let page = site.html("public/dokument-att-se-over/index.html");
    assert_eq!(
        page.texts("h2#snart"),
        ["Inom 59 dagar"],
        "the due-soon heading names the window"
    );
}

#[test]
fn past_due_documents_are_errors_when_the_config_says_so() {
    let site = build();
    let config = site.read_string("handbok.yaml");
    site.write(
        "handbok.yaml",
        format!("{config}review:\n  past_due: error\n"),
    );
    let before = site.snapshot("public");
    for args in [
        vec!["check", "--review", "--today", TODAY],
        vec!["build", "--today", TODAY],
    ] {
        let run = site.run(&args);
        run.expect_no_panic().expect_code(1);
        let errors = run.error_lines();
        assert_eq!(errors.len(), 2, "{args:?}\n{}", run.stderr);
        let anvisningar = format!(
            "{ANVISNINGAR}:{}:",
            line_of(&site, ANVISNINGAR, "review_by:")
        );
        let rutin = format!("{RUTIN}:{}:", line_of(&site, RUTIN, "valid_until:"));
        assert!(errors[0].starts_with(&anvisningar), "{}", errors[0]);
        assert!(
            errors[0].contains("Kommunledningskontoret"),
            "{}",
            errors[0]
        );
        assert!(errors[1].starts_with(&rutin), "{}", errors[1]);
        assert!(!run.stderr.contains("uppdrag.md"), "{}", run.stderr);
    }
    assert_same_tree(&before, &site.snapshot("public"), "a failed build");
    // A day before the first date passes, nothing is past due: the build succeeds.
    let run = site.build_ok(&["--today", "2025-02-28"]);
    assert!(run.error_lines().is_empty());
    let review_warnings = run
        .stderr
        .lines()
        .filter(|l| l.contains("warning") && !l.contains("no other page links"));
    assert_eq!(review_warnings.count(), 0, "{}", run.stderr);
}

#[test]
fn review_page_groups_documents_as_of_today() {
    let site = build();
    let path = "dokument-att-se-over/";
    let page = site.html(&format!("public/{path}index.html"));
    assert_eq!(page.texts("h1"), ["Dokument att se över"]);
    assert_eq!(page.attrs("p.lead time", "datetime"), [TODAY]);
    let row = |title: &str, link: &str, kind: &str, owner: &str, what: &str, date: &str| {
        [title, link, kind, owner, what, date].map(str::to_string)
    };
    assert_eq!(
        review_rows(&site, path, "passerat"),
        [
            row(
                "Styrgruppens anvisningar",
                "styrdokument/anvisningar/",
                "anvisning",
                "Kommunledningskontoret",
                "Granskas senast",
                "2025-03-01 (för 92 dagar sedan)"
            ),
            row(
                "Rutin för uppföljning",
                "styrdokument/rutin/",
                "rutin",
                "Ekonomiavdelningen",
                "Giltig till",
                "2025-05-31 (för 1 dag sedan)"
            ),
        ]
    );
    assert_eq!(
        review_rows(&site, path, "snart"),
        [
            row(
                "Rutin för uppföljning",
                "styrdokument/rutin/",
                "rutin",
                "Ekonomiavdelningen",
                "Granskas senast",
                "2025-06-01 (i dag)"
            ),
            row(
                "Nätverkens uppdrag",
                "styrdokument/uppdrag/",
                "uppdragsbeskrivning",
                "Styrgruppen för social hållbarhet",
                "Granskas senast",
                "2025-07-31 (om 60 dagar)"
            ),
        ]
    );
    assert_eq!(
        review_rows(&site, path, "senare"),
        [row(
            "Strategi för social hållbarhet",
            "styrdokument/strategi/",
            "strategi",
            "Strategiavdelningen",
            "Giltig till",
            "2025-08-01 (om 61 dagar)"
        )]
    );
    assert_eq!(
        listing_below(&site, path, "utan-datum"),
        pairs(&[
            (
                "Handlingsplan: Socialnämnden",
                "handlingsplaner/socialnamnden/"
            ),
            ("Internremiss om strategin", "styrdokument/remiss/"),
        ])
    );
    assert!(!site
        .read_string(&format!("public/{path}index.html"))
        .contains("Vanlig sida"));

    // Page and report agree for another day: overdue + due soon on the page is the report.
    for today in [TODAY, "2025-07-31", "2026-01-01"] {
        site.build_ok(&["--today", today]);
        let mut on_page: Vec<(String, String)> = ["passerat", "snart"]
            .iter()
            .flat_map(|id| review_rows(&site, path, id))
            .map(|r| (r[1].clone(), r[5][..10].to_string()))
            .collect();
        on_page.sort();
        let run = site.run(&["check", "--review", "--today", today]);
        run.expect_success();
        let mut reported: Vec<(String, String)> = review_lines(&run)
            .iter()
            .map(|l| {
                let file = l.trim().split(':').next().unwrap_or_default();
                let page = file
                    .trim_start_matches("content/")
                    .trim_end_matches(".md")
                    .to_string()
                    + "/";
                let date = l
                    .split(' ')
                    .find(|w| w.len() == 10 && w.starts_with("20"))
                    .unwrap_or_default();
                (page, date.to_string())
            })
            .collect();
        reported.sort();
        assert_eq!(on_page, reported, "--today {today}");
    }
    // Everything dated has passed by 2026.
    assert_eq!(review_rows(&site, path, "passerat").len(), 5);
    assert!(review_rows(&site, path, "snart").is_empty());
    assert!(review_rows(&site, path, "senare").is_empty());
}

#[test]
fn review_page_exists_only_with_documents_and_its_path_is_configurable() {
    let site = Site::from_fixture("governance-minimal");
    site.build_ok(&["--today", TODAY]);
    let out = site.snapshot("public");
    let generated: Vec<&str> = files(&out)
        .into_iter()
        .filter(|f| {
            f.starts_with("dokument-att-se-over/")
                || f.starts_with("fokusomraden/")
                || f.ends_with(".ics")
                || f.ends_with(".csv")
        })
        .collect();
    assert!(generated.is_empty(), "{generated:?}");

    // One `document:` block is enough for the page.
    site.write(
        "content/sida.md",
        "---\ntitle: En vanlig sida\ndocument:\n  type: rutin\n  review_by: 2025-06-10\n---\n\nText.\n",
    );
    site.build_ok(&["--today", TODAY]);
    assert_eq!(
        review_rows(&site, "dokument-att-se-over/", "snart"),
        [[
            "En vanlig sida",
            "sida/",
            "rutin",
            // no owner given
            "–",
            "Granskas senast",
            "2025-06-10 (om 9 dagar)"
        ]
        .map(str::to_string)]
    );

    // `review: path:` moves it.
    let config = site.read_string("handbok.yaml");
    site.write(
        "handbok.yaml",
        format!("{config}review:\n  path: styrning/se-over\n"),
    );
    site.build_ok(&["--today", TODAY]);
    assert!(site.path("public/styrning/se-over/index.html").is_file());
    assert!(!site.path("public/dokument-att-se-over").exists());
    assert_eq!(
        review_rows(&site, "styrning/se-over/", "snart")[0][1],
        "sida/",
        "links are relative to the configured path"
    );
}

#[test]
fn same_input_and_today_give_byte_identical_output() {
    let site = build();
    let first = site.snapshot("public");
    site.build_ok(&["--today", TODAY, "--output", "andra"]);
    let second = site.snapshot("andra");
    assert_same_tree(&first, &second, "a second build of the same input");
    assert!(files(&first).contains(&"dokument-att-se-over/index.html"));
    assert!(files(&first).contains(&"fokusomraden/aktiviteter.csv"));
    assert!(files(&first).contains(&"natverk/social-hallbarhet/moten.ics"));

    // Another day changes what depends on the day, and nothing in the feeds or the matrix.
    site.build_ok(&["--today", "2025-10-01", "--output", "senare"]);
    let later = site.snapshot("senare");
    let changed: BTreeSet<&str> = first
        .iter()
        .filter(|(k, v)| later.get(*k) != Some(v))
        .map(|(k, _)| k.as_str())
        .collect();
    assert!(
        changed.contains("dokument-att-se-over/index.html"),
        "{changed:?}"
    );
    assert!(
        changed.contains("natverk/social-hallbarhet/index.html"),
        "{changed:?}"
    );
    for same in [
        "natverk/social-hallbarhet/moten.ics",
        "natverk/ekologisk-hallbarhet/moten.ics",
        "fokusomraden/index.html",
        "fokusomraden/aktiviteter.csv",
    ] {
        assert!(!changed.contains(same), "{same} depends on --today");
    }
}

// ---------------------------------------------------------------------------------------------
// Focus-area matrix
// ---------------------------------------------------------------------------------------------

#[test]
fn matrix_cross_tabulates_focus_areas_and_committees() {
    let site = build();
    let (head, rows) = matrix(&site, "fokusomraden/");
    assert_eq!(
        head,
        ["Fokusområde", "Socialnämnden", "Tekniska servicenämnden"]
    );
    assert_eq!(
        links(&site, "fokusomraden/", "article.matrix thead a"),
        pairs(&[
            ("Socialnämnden", "handlingsplaner/socialnamnden/"),
            ("Tekniska servicenämnden", "handlingsplaner/tekniska/"),
        ])
    );
    let expected = vec![
        (
            "3 Hållbara transporter",
            "fokusomraden/3-hallbara-transporter/",
            vec![
                empty(),
                cell(
                    "1 ställningstagande, 1 aktivitet",
                    "fokusomraden/3-hallbara-transporter/#tekniska-servicenamnden",
                ),
            ],
        ),
        (
            "7 Jämlikhet och jämställdhet",
            "fokusomraden/7-jamlikhet-och-jamstalldhet/",
            vec![
                cell(
                    "2 ställningstaganden, 3 aktiviteter",
                    "fokusomraden/7-jamlikhet-och-jamstalldhet/#socialnamnden",
                ),
                empty(),
            ],
        ),
        (
            "10 Hälsa och välbefinnande",
            "fokusomraden/10-halsa-och-valbefinnande/",
            vec![
                cell(
                    "1 ställningstagande, 2 aktiviteter",
                    "fokusomraden/10-halsa-och-valbefinnande/#socialnamnden",
                ),
                cell(
                    "2 ställningstaganden, 0 aktiviteter",
                    "fokusomraden/10-halsa-och-valbefinnande/#tekniska-servicenamnden",
                ),
            ],
        ),
        (
            "12 Trygghet och säkerhet",
            "fokusomraden/12-trygghet-och-sakerhet/",
            vec![
                cell(
                    "0 ställningstaganden, 1 aktivitet",
                    "fokusomraden/12-trygghet-och-sakerhet/#socialnamnden",
                ),
                empty(),
            ],
        ),
    ];
    let expected: Vec<Row> = expected
        .into_iter()
        .map(|(h, p, c)| (h.to_string(), p.to_string(), c))
        .collect();
    assert_eq!(rows, expected);
    for (_, row_link, cells) in &rows {
        assert_target_exists(&site, row_link);
        for link in cells.iter().filter_map(|c| c.link.as_ref()) {
            assert_target_exists(&site, link);
        }
    }
    assert_eq!(
        links(&site, "fokusomraden/", "article.matrix a[download]"),
        pairs(&[(
            "Ladda ner alla ställningstaganden och aktiviteter som CSV (för kalkylblad)",
            "fokusomraden/aktiviteter.csv"
        )])
    );
    assert!(site.path(CSV_FILE).is_file());
}

#[test]
fn focus_area_page_gathers_each_committees_positions_and_activities() {
    let site = build();
    let path = "fokusomraden/10-halsa-och-valbefinnande/";
    let doc = document(&site, path);
    let h1: Vec<String> = doc.select(&sel("h1")).map(text_of).collect();
    assert_eq!(h1, ["Fokusområde 10 Hälsa och välbefinnande"]);
    // (committee heading, its id, positions, activities)
    type Part = (String, Option<String>, Vec<String>, Vec<String>);
    let parts: Vec<Part> = doc
        .select(&sel("article.focus-area > section"))
        .map(|s| {
            let h2 = s.select(&sel("h2")).next().expect("a committee heading");
            let lists: Vec<ElementRef> = s
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "ul" | "p"))
                .skip(1)
                .collect();
            let items = |e: &ElementRef| -> Vec<String> {
                if e.value().name() == "ul" {
                    e.select(&sel("li")).map(text_of).collect()
                } else {
                    Vec::new()
                }
            };
            (
                text_of(h2),
                h2.value().attr("id").map(str::to_string),
                lists.first().map(items).unwrap_or_default(),
                lists.get(1).map(items).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        vec![
            (
                "Socialnämnden".to_string(),
                Some("socialnamnden".to_string()),
                strings(&["Människors hälsa är en förutsättning för ett hållbart samhälle."]),
                strings(&[
                    "Genomföra \"Trygg i stan\", en dialog med invånare; fas 2.",
                    "Öka andelen äldre som är fysiskt aktiva.",
                ]),
            ),
            (
                "Tekniska servicenämnden".to_string(),
                Some("tekniska-servicenamnden".to_string()),
                strings(&[
                    "Maten i skolan ska vara näringsrik.",
                    "Lokalerna ska ha god luft.",
                ]),
                Vec::new(),
            ),
        ]
    );
    // Each part links to the focus area on the committee's own plan page, which has that id,
    // and the page links back to the matrix.
    let plan_links = links(&site, path, "article.focus-area section > p > a");
    assert_eq!(
        plan_links
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>(),
        [
            "handlingsplaner/socialnamnden/#fokusomrade-10",
            "handlingsplaner/tekniska/#fokusomrade-10"
        ]
    );
    for (_, target) in &plan_links {
        assert_target_exists(&site, target);
    }
    let back = links(&site, path, "article.focus-area > p > a");
    assert_eq!(back.last().map(|(_, t)| t.as_str()), Some("fokusomraden/"));
    // A plan page lists its own areas with their points.
    let plan = site.html("public/handlingsplaner/tekniska/index.html");
    assert_eq!(
        plan.texts("section.fokusomrade h2"),
        [
            "Fokusområde 10 Hälsa och välbefinnande",
            "Fokusområde 3 Hållbara transporter"
        ]
    );
    assert_eq!(
        plan.texts("#fokusomrade-3-aktivitet-1"),
        ["Införa elcyklar i hemtjänsten."]
    );
}

#[test]
fn a_third_committee_needs_only_a_new_content_file() {
    let site = build();
    site.write(
        "content/handlingsplaner/aldrenamnden.md",
        r#"---
title: "Handlingsplan: Äldrenämnden"
action_plan:
  committee: Äldrenämnden
  focus_areas:
    - number: 7
      name: "Jämlikhet och jämställdhet"
      activities:
        - "Jämställd biståndsbedömning."
    - number: 15
      name: "Åtgärder mot ensamhet"
      positions:
        - "Ingen ska vara ofrivilligt ensam."
      activities:
        - "Öppna träffpunkter, även på helger."
        - "Samarbeta med föreningar; särskilt PRO och SPF."
---

Äldrenämndens plan.
"#,
    );
    site.build_ok(&["--today", TODAY]);
    let (head, rows) = matrix(&site, "fokusomraden/");
    // Ä sorts after T in Swedish.
    assert_eq!(
        head,
        [
            "Fokusområde",
            "Socialnämnden",
            "Tekniska servicenämnden",
            "Äldrenämnden"
        ]
    );
    let summary: Vec<(String, Vec<String>)> = rows
        .iter()
        .map(|(h, _, cells)| (h.clone(), cells.iter().map(|c| c.text.clone()).collect()))
        .collect();
    let row = |h: &str, c: [&str; 3]| (h.to_string(), strings(&c));
    assert_eq!(
        summary,
        [
            row(
                "3 Hållbara transporter",
                ["–", "1 ställningstagande, 1 aktivitet", "–"]
            ),
            row(
                "7 Jämlikhet och jämställdhet",
                [
                    "2 ställningstaganden, 3 aktiviteter",
                    "–",
                    "0 ställningstaganden, 1 aktivitet"
                ]
            ),
            row(
                "10 Hälsa och välbefinnande",
                [
                    "1 ställningstagande, 2 aktiviteter",
                    "2 ställningstaganden, 0 aktiviteter",
                    "–"
                ]
            ),
            row(
                "12 Trygghet och säkerhet",
                ["0 ställningstaganden, 1 aktivitet", "–", "–"]
            ),
            row(
                "15 Åtgärder mot ensamhet",
                ["–", "–", "1 ställningstagande, 2 aktiviteter"]
            ),
        ]
    );
    let new_cell = rows[4].2[2].link.clone().expect("a link");
    assert_eq!(
        new_cell,
        "fokusomraden/15-atgarder-mot-ensamhet/#aldrenamnden"
    );
    assert_target_exists(&site, &new_cell);
    assert_target_exists(&site, rows[1].2[2].link.as_deref().expect("a link"));
    let (_, records) = read_csv(&site, CSV_FILE);
    let aldre: Vec<&Vec<String>> = records.iter().filter(|r| r[0] == "Äldrenämnden").collect();
    assert_eq!(aldre.len(), 4);
    assert_eq!(
        records.last().map(|r| r[4].as_str()),
        Some("Samarbeta med föreningar; särskilt PRO och SPF.")
    );
}

#[test]
fn one_focus_area_number_with_two_names_fails_at_the_name() {
    let site = build();
    // Tekniska servicenämnden calls focus area 10 by another name than Socialnämnden.
    edit(
        &site,
        TEKNISKA_PLAN,
        "name: \"Hälsa och välbefinnande\"",
        "name: \"Hälsa\"",
    );
    let line = line_of(&site, TEKNISKA_PLAN, "name: \"Hälsa\"");
    let (error, hint) = expect_build_error(&site, TEKNISKA_PLAN, line, "focus area 10");
    assert!(error.contains("Hälsa och välbefinnande"), "{error}");
    assert!(error.contains(SOCIAL_PLAN), "names the other plan: {error}");
    assert!(hint.contains("same name"), "{hint}");
}

#[test]
fn unknown_key_in_a_later_focus_area_fails_at_its_line() {
    let site = build();
    // The second focus area of the plan has a misspelt key; the first has no such key.
    edit(
        &site,
        TEKNISKA_PLAN,
        "      activities:",
        "      activites:",
    );
    let line = line_of(&site, TEKNISKA_PLAN, "activites:");
    let (_, hint) = expect_build_error(&site, TEKNISKA_PLAN, line, "unknown field `activites`");
    assert_eq!(hint, "did you mean `activities`?");
}

#[test]
fn a_committee_with_two_plan_files_is_an_error_or_gets_one_part_per_plan() {
    let site = build();
    // A copy of a plan that still names the same committee (a likely editing slip).
    let copy = "content/handlingsplaner/tekniska-2026.md";
    site.write(
        copy,
        site.read_string(TEKNISKA_PLAN).replace(
            "title: \"Handlingsplan: Tekniska servicenämnden\"",
            "title: \"Handlingsplan 2026: Tekniska servicenämnden\"",
        ),
    );
    let run = site.run(&["build", "--today", TODAY]);
    run.expect_no_panic();
    if run.code == Some(1) {
        // Reported at the `committee:` line of one of the two plans.
        let lines =
            [TEKNISKA_PLAN, copy].map(|f| format!("{f}:{}:", line_of(&site, f, "committee:")));
        let errors = run.error_lines();
        assert!(
            errors.len() == 1 && lines.iter().any(|l| errors[0].starts_with(l)),
            "{}",
            run.stderr
        );
        return;
    }
    run.expect_success();
    // Built: every part of a focus-area page has its own id, and each cell leads to its own part.
    let path = "fokusomraden/10-halsa-och-valbefinnande/";
    let ids = site.html(&format!("public/{path}index.html")).ids();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids on /{path}: {ids:?}");
    let (_, rows) = matrix(&site, "fokusomraden/");
    let cells: Vec<&String> = rows[2].2.iter().filter_map(|c| c.link.as_ref()).collect();
    let distinct: BTreeSet<&&String> = cells.iter().collect();
    assert_eq!(
        distinct.len(),
        cells.len(),
        "cells share a target: {cells:?}"
    );
}

#[test]
fn activities_csv_parses_and_round_trips_swedish_text() {
    let site = build();
    let (header, records) = read_csv(&site, CSV_FILE);
    assert_eq!(
        header,
        [
            "Nämnd/förvaltning",
            "Fokusområde",
            "Fokusområdets namn",
            "Typ",
            "Text"
        ]
    );
    let pos = "Strategiskt ställningstagande";
    let act = "Aktivitet/åtgärd";
    let sn = "Socialnämnden";
    let ts = "Tekniska servicenämnden";
    let (jam, hal, try_, tra) = (
        "Jämlikhet och jämställdhet",
        "Hälsa och välbefinnande",
        "Trygghet och säkerhet",
        "Hållbara transporter",
    );
    // Committees in Swedish order, focus areas by number (3 before 10), positions first,
    // then as written in the plan.
    let expected: Vec<Vec<String>> = [
        [sn, "7", jam, pos, "Alla ska ha lika rättigheter."],
        [sn, "7", jam, pos, "Jämställdhet genomsyrar verksamheten."],
        [sn, "7", jam, act, "Kartlägga löneskillnader."],
        [sn, "7", jam, act, "Utbilda chefer i normkritik."],
        [sn, "7", jam, act, "Följa upp könsuppdelad statistik."],
        [
            sn,
            "10",
            hal,
            pos,
            "Människors hälsa är en förutsättning för ett hållbart samhälle.",
        ],
        [
            sn,
            "10",
            hal,
            act,
            "Genomföra \"Trygg i stan\", en dialog med invånare; fas 2.",
        ],
        [
            sn,
            "10",
            hal,
            act,
            "Öka andelen äldre som är fysiskt aktiva.",
        ],
        [sn, "12", try_, act, "Förebygga våld i nära relationer."],
        [
            ts,
            "3",
            tra,
            pos,
            "Tjänsteresor görs i första hand med cykel, buss eller tåg.",
        ],
        [ts, "3", tra, act, "Införa elcyklar i hemtjänsten."],
        [ts, "10", hal, pos, "Maten i skolan ska vara näringsrik."],
        [ts, "10", hal, pos, "Lokalerna ska ha god luft."],
    ]
    .iter()
    .map(|r| strings(r))
    .collect();
    assert_eq!(records, expected);
    // Quoting as a spreadsheet expects it, and CRLF line ends.
    let text = String::from_utf8(site.read(CSV_FILE)).expect("UTF-8");
    assert!(
        text.contains(",\"Genomföra \"\"Trygg i stan\"\", en dialog med invånare; fas 2.\"\r\n"),
        "{text}"
    );
    assert!(text.contains(",\"Tjänsteresor görs i första hand med cykel, buss eller tåg.\"\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    assert_eq!(text.matches("\r\n").count(), 14, "header and 13 rows");
}

#[test]
fn matrix_path_is_configurable() {
    let site = Site::from_fixture("governance");
    let config = site.read_string("handbok.yaml");
    site.write(
        "handbok.yaml",
        format!("{config}action_plans:\n  path: handlingsplaner/fokusomraden\n"),
    );
    site.build_ok(&["--today", TODAY]);
    assert!(!site.path("public/fokusomraden").exists());
    let path = "handlingsplaner/fokusomraden/";
    let (head, rows) = matrix(&site, path);
    assert_eq!(head.len(), 3);
    assert_eq!(rows.len(), 4);
    for (_, row_link, cells) in &rows {
        assert!(row_link.starts_with(path), "{row_link}");
        assert_target_exists(&site, row_link);
        for link in cells.iter().filter_map(|c| c.link.as_ref()) {
            assert_target_exists(&site, link);
        }
    }
    let (_, records) = read_csv(&site, "public/handlingsplaner/fokusomraden/aktiviteter.csv");
    assert_eq!(records.len(), 13);
}

// ---------------------------------------------------------------------------------------------
// Network meetings
// ---------------------------------------------------------------------------------------------

/// `(link text, resolved link, theme · place)` of a meeting list.
fn meeting_list(site: &Site, path: &str, css: &str) -> Vec<(String, String, String)> {
    let doc = document(site, path);
    doc.select(&sel(css))
        .map(|li| {
            let a = li.select(&sel("a")).next().expect("a linked meeting");
            let p = li.select(&sel("p")).map(text_of).collect::<String>();
            (
                text_of(a),
                resolve(path, a.value().attr("href").unwrap_or_default()),
                p,
            )
        })
        .collect()
}

fn triples(expected: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn network_page_splits_upcoming_and_past_meetings_by_today() {
    let site = build();
    let nsh = "natverk/social-hallbarhet/";
    let upcoming = "section.network-meetings > ul.meetings > li";
    let past = "section.network-meetings details ul.meetings > li";
    // A meeting on --today is still upcoming.
    assert_eq!(
        meeting_list(&site, nsh, upcoming),
        triples(&[
            (
                "2025-06-01 09:30: NSH-möte: trygghet, jämlikhet; våld",
                "moten/nsh-juni/",
                "Trygghet; våld i nära relationer, del 1 · Stadshuset, sal 2; plan 3"
            ),
            (
                "2025-09-18: Hållbarhetsdagen",
                "moten/nsh-heldag/",
                "Hela dagen om hållbarhet · Konserthuset"
            ),
            (
                "2025-11-05 13:15: Öppet nätverksmöte om ålderism",
                "moten/nsh-november/",
                "Ålderism och bemötande · Äldreboendet Åsen"
            ),
        ])
    );
    assert_eq!(
        meeting_list(&site, nsh, past),
        triples(&[(
            "2025-03-12 13:00: NSH-möte i mars",
            "moten/nsh-mars/",
            "Uppföljning av året · Rådhuset"
        )])
    );
    let page = site.html(&format!("public/{nsh}index.html"));
    assert_eq!(page.texts("#moten-rubrik"), ["Kommande möten"]);
    assert_eq!(
        links(&site, nsh, "section.network-meetings > p > a"),
        pairs(&[(
            "Prenumerera på nätverkets möten (iCalendar)",
            "natverk/social-hallbarhet/moten.ics"
        )])
    );
    // The other network lists only its own meeting, which is past.
    let neh = "natverk/ekologisk-hallbarhet/";
    assert!(meeting_list(&site, neh, upcoming).is_empty());
    let neh_page = site.html(&format!("public/{neh}index.html"));
    assert_eq!(
        neh_page.texts("section.network-meetings > p:first-of-type"),
        ["Inga kommande möten är inlagda."]
    );
    assert_eq!(meeting_list(&site, neh, past).len(), 1);
    // A network page without meetings has no meeting list and no feed.
    let klimat = site.html("public/natverk/klimat/index.html");
    assert_eq!(klimat.count("section.network-meetings"), 0);
    assert!(!site.path("public/natverk/klimat/moten.ics").exists());

    // Later: past meetings newest first.
    site.build_ok(&["--today", "2025-10-01"]);
    let titles = |css: &str| -> Vec<String> {
        meeting_list(&site, nsh, css)
            .into_iter()
            .map(|(_, link, _)| link)
            .collect()
    };
    assert_eq!(titles(upcoming), ["moten/nsh-november/"]);
    assert_eq!(
        titles(past),
        ["moten/nsh-heldag/", "moten/nsh-juni/", "moten/nsh-mars/"]
    );
}

#[test]
fn network_calendar_parses_with_a_real_icalendar_parser() {
    let site = build();
    let text = site.read_string(NSH_ICS);
    let events = calendar_events(&text);
    assert_eq!(events.len(), 4, "one VEVENT per meeting of the network");
    let summaries: Vec<String> = events.iter().map(|e| prop(e, "SUMMARY").value).collect();
    assert_eq!(
        summaries,
        [
            "NSH-möte i mars",
            "NSH-möte: trygghet, jämlikhet; våld",
            "Hållbarhetsdagen",
            "Öppet nätverksmöte om ålderism"
        ]
    );
    let juni = &events[1];
    // Local Stockholm wall-clock time, as written in the meeting.
    assert_eq!(prop(juni, "DTSTART"), local("20250601T093000"));
    assert_eq!(prop(juni, "DTEND"), local("20250601T110000"));
    assert_eq!(prop(juni, "LOCATION").value, "Stadshuset, sal 2; plan 3");
    assert_eq!(
        prop(juni, "DESCRIPTION").value,
        "Tema: Trygghet; våld i nära relationer, del 1\n1. Välkomna och presentation\n\
         2. Folkhälsofrågor i förvaltningarna\n3. Styrgruppens mandat"
    );
    assert_eq!(
        prop(juni, "URL").value,
        "https://intranat.example.se/hallbarhet/moten/nsh-juni/"
    );
    // Winter time (after the last Sunday of October) is still given as local time.
    let november = &events[3];
    assert_eq!(prop(november, "DTSTART"), local("20251105T131500"));
    assert_eq!(prop(november, "DTEND"), Prop::default(), "no end invented");
    assert_eq!(prop(november, "LOCATION").value, "Äldreboendet Åsen");
    // No time of day: an all-day event.
    let heldag = &events[2];
    assert_eq!(
        prop(heldag, "DTSTART"),
        Prop {
            value: "20250918".to_string(),
            params: strings(&["VALUE=DATE"]),
        }
    );
    for e in &events {
        let stamp = prop(e, "DTSTAMP").value;
        assert!(
            stamp.len() == 16 && stamp.ends_with('Z'),
            "DTSTAMP in UTC: {stamp}"
        );
    }
    // The raw text escapes `,` and `;` in text values.
    assert!(text.contains("\r\nLOCATION:Stadshuset\\, sal 2\\; plan 3\r\n"));
    assert!(text.contains("\r\nSUMMARY:NSH-möte: trygghet\\, jämlikhet\\; våld\r\n"));
    // The other network's feed holds only its meeting.
    let neh = calendar_events(&site.read_string("public/natverk/ekologisk-hallbarhet/moten.ics"));
    assert_eq!(neh.len(), 1);
    assert_eq!(prop(&neh[0], "SUMMARY").value, "NEH-möte i april");
    assert_eq!(prop(&neh[0], "DTSTART"), local("20250402T100000"));
}

#[test]
fn calendar_lines_are_crlf_and_at_most_75_octets() {
    let site = build();
    let bytes = site.read(NSH_ICS);
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
    let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
    for line in &lines {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(
        lines.iter().any(|l| l.starts_with(' ')),
        "the long description is folded"
    );
}

#[test]
fn calendar_uids_are_stable_across_builds_and_unique() {
    let site = build();
    let uids = |site: &Site, rel: &str| -> Vec<String> {
        calendar_events(&site.read_string(rel))
            .iter()
            .map(|e| prop(e, "UID").value)
            .collect()
    };
    let first = uids(&site, NSH_ICS);
    let unique: BTreeSet<&String> = first.iter().collect();
    assert_eq!(unique.len(), 4, "one UID per meeting: {first:?}");
    assert!(first.iter().all(|u| !u.is_empty()));
    let neh = uids(&site, "public/natverk/ekologisk-hallbarhet/moten.ics");
    assert!(!first.contains(&neh[0]), "UIDs differ across networks");
    // Another build on another day, with a new meeting and an edited one: the same UIDs.
    edit(&site, JUNI, "start: \"09:30\"", "start: \"10:00\"");
    site.write(
        "content/moten/nsh-december.md",
        "---\ntitle: Julmöte\nmeeting:\n  network: ../natverk/social-hallbarhet.md\n  date: 2025-12-10\n---\n",
    );
    site.build_ok(&["--today", "2025-09-01"]);
    let second = uids(&site, NSH_ICS);
    assert_eq!(second.len(), 5);
    let old: Vec<&String> = second.iter().filter(|u| first.contains(u)).collect();
    assert_eq!(
        old.len(),
        4,
        "existing meetings keep their UIDs: {second:?}"
    );
    assert_eq!(&second[..4], &first[..]);
}

#[test]
fn broken_network_link_fails_at_its_line() {
    let site = build();
    edit(
        &site,
        JUNI,
        "network: ../natverk/social-hallbarhet.md",
        "network: ../natverk/social.md",
    );
    let line = line_of(&site, JUNI, "network:");
    let (error, hint) = expect_build_error(&site, JUNI, line, "../natverk/social.md");
    assert!(error.contains("does not exist"), "{error}");
    assert!(hint.contains("../natverk/social-hallbarhet.md"), "{hint}");
}

#[test]
fn broken_agenda_link_fails_at_its_line() {
    let site = build();
    let good = site.read_string(JUNI);
    // A missing heading in the third item (after an item without a link).
    edit(
        &site,
        JUNI,
        "link: ../styrdokument/anvisningar.md#mandat",
        "link: ../styrdokument/anvisningar.md#saknas",
    );
    let line = line_of(&site, JUNI, "#saknas");
    expect_build_error(&site, JUNI, line, "#saknas");
    // A missing file in the second item.
    site.write(JUNI, &good);
    edit(
        &site,
        JUNI,
        "link: ../natverk/social-hallbarhet.md#folkhalsofragor",
        "link: ../natverk/finns-inte.md",
    );
    let line = line_of(&site, JUNI, "finns-inte.md");
    expect_build_error(&site, JUNI, line, "../natverk/finns-inte.md");
}

#[test]
fn meeting_page_shows_the_meeting_and_agenda_links_are_backlinks() {
    let site = build();
    let juni = "moten/nsh-juni/";
    let page = site.html(&format!("public/{juni}index.html"));
    assert_eq!(
        page.texts("dl.meeting dt"),
        ["Datum", "Tid", "Plats", "Nätverk", "Tema"]
    );
    assert_eq!(
        page.texts("dl.meeting dd"),
        [
            "2025-06-01",
            "09:30–11:00",
            "Stadshuset, sal 2; plan 3",
            "Nätverk för social hållbarhet (NSH)",
            "Trygghet; våld i nära relationer, del 1"
        ]
    );
    assert_eq!(
        links(&site, juni, "dl.meeting a"),
        pairs(&[(
            "Nätverk för social hållbarhet (NSH)",
            "natverk/social-hallbarhet/"
        )])
    );
    assert_eq!(
        page.texts("ol.agenda > li"),
        [
            "Välkomna och presentation",
            "Folkhälsofrågor i förvaltningarna",
            "Styrgruppens mandat"
        ]
    );
    let agenda = links(&site, juni, "ol.agenda a");
    assert_eq!(
        agenda,
        pairs(&[
            (
                "Folkhälsofrågor i förvaltningarna",
                "natverk/social-hallbarhet/#folkhalsofragor"
            ),
            ("Styrgruppens mandat", "styrdokument/anvisningar/#mandat"),
        ])
    );
    for (_, target) in &agenda {
        assert_target_exists(&site, target);
    }
    // Agenda links count as links: the targets list the meeting under "Sidor som länkar hit".
    for target in ["styrdokument/anvisningar/", "natverk/social-hallbarhet/"] {
        assert_eq!(
            links(&site, target, "section.backlinks a"),
            pairs(&[("NSH-möte: trygghet, jämlikhet; våld", juni)]),
            "backlinks of /{target}"
        );
    }
    // A page nothing links to has none.
    let strategi = site.html("public/styrdokument/strategi/index.html");
    assert_eq!(strategi.count("section.backlinks"), 0);
}

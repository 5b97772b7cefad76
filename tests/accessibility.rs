//! Accessibility: the editor lint (warnings by default, errors with --strict) and the
//! accessibility statement page generated from handbok.yaml.

mod common;

use common::{run_in, Site};

const PROBLEMS: &str = "---\ntitle: Problem\n---\n\nSe [anvisningarna](styrgrupp/anvisningar.md).\n\n#### Hopp\n\n![](natverk/karta/karta.png)\n\n[Läs mer](natverk/_index.md)\n\n| | |\n|-|-|\n| a | b |\n\n<img src=\"x.png\">\n\n<marquee>Nyhet</marquee>\n\n<div tabindex=\"2\">x</div>\n\n<table><tr><td>1</td></tr></table>\n";

fn lint_site() -> Site {
    let site = Site::from_fixture("basic");
    site.write("content/problem.md", PROBLEMS);
    // Link the page so that it is no orphan.
    let index = site.read_string("content/_index.md");
    site.write(
        "content/_index.md",
        format!("{index}\n[Problemsidan](problem.md)\n"),
    );
    site
}

#[test]
fn every_lint_rule_names_its_line() {
    let site = lint_site();
    let run = run_in(site.root(), &["check", "--format", "json"]);
    run.expect_code(0);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let got: Vec<(u64, String)> = items
        .as_array()
        .expect("list")
        .iter()
        .filter(|i| i["file"] == "content/problem.md")
        .map(|i| {
            (
                i["line"].as_u64().unwrap_or(0),
                i["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expect = [
        (7, "skips from level 1 to level 4"),
        (9, "no alt text"),
        (11, "“Läs mer” does not say where the link goes"),
        (13, "the table has no header texts"),
        (17, "HTML image without an alt attribute"),
        (19, "moving or blinking"),
        // markdown.raw_html: sanitize (the default) removes it as well, and says so.
        (19, "the element `<marquee>` was removed"),
        (21, "positive tabindex"),
        (23, "HTML table without header cells"),
    ];
    for (line, text) in expect {
        assert!(
            got.iter().any(|(l, m)| *l == line && m.contains(text)),
            "line {line} `{text}` in {got:?}"
        );
    }
    assert_eq!(got.len(), expect.len(), "{got:?}");
}

#[test]
fn strict_makes_warnings_errors_and_keeps_the_output() {
    let site = lint_site();
    let good = Site::from_fixture("basic");
    good.build_ok(&[]);
    let before = good.snapshot("public");
    site.build_ok(&[]);
    let published = site.snapshot("public");
    let run = run_in(site.root(), &["build", "--strict"]);
    run.expect_code(1).expect_no_panic();
    assert!(
        run.stderr
            .contains("content/problem.md:9:1: error: the image has no alt text"),
        "{}",
        run.stderr
    );
    common::assert_same_tree(
        &published,
        &site.snapshot("public"),
        "a strict build that failed",
    );
    assert!(!before.is_empty());
}

const STATEMENT: &str = "accessibility:\n  organisation: Exempelkommunen\n  status: partial\n  shortcomings:\n    - issue: Vissa PDF-filer saknar taggar.\n      reason: Äldre dokument.\n      criteria: [\"1.3.1\"]\n  assessment:\n    date: 2026-11-01\n    method: Självskattning med automatiska tester.\n  updated: 2026-11-20\n  contact:\n    email: tillganglighet@example.se\n";

#[test]
fn the_statement_page_has_the_parts_of_diggs_model_and_is_linked_from_every_page() {
    let site = Site::from_fixture("basic");
    let config = site.read_string("handbok.yaml");
    site.write("handbok.yaml", format!("{config}{STATEMENT}"));
    site.build_ok(&[]);
    let page = site.html("public/tillganglighetsredogorelse/index.html");
    assert_eq!(page.texts("h1"), ["Tillgänglighetsredogörelse"]);
    let text = page.texts("article").join(" ");
    for part in [
        "Exempelkommunen",
        "delvis förenlig",
        "Vissa PDF-filer saknar taggar.",
        "Äldre dokument.",
        "1.3.1",
        "Självskattning med automatiska tester.",
        "2026-11-01",
        "2026-11-20",
        "tillganglighet@example.se",
    ] {
        assert!(text.contains(part), "`{part}` in the statement: {text}");
    }
    assert_eq!(
        page.attrs("a[href^=\"https://www.digg.se/\"]", "href"),
        ["https://www.digg.se/tdosanmalan"]
    );
    for file in [
        "public/index.html",
        "public/natverk/social-hallbarhet/index.html",
        "public/tema/index.html",
        "public/404.html",
    ] {
        let p = site.html(file);
        assert_eq!(
            p.count("footer a[href$=\"tillganglighetsredogorelse/\"]"),
            1,
            "{file} links the statement"
        );
    }
}

#[test]
fn a_statement_without_contact_warns_and_a_bad_date_is_a_config_error() {
    let site = Site::from_fixture("basic");
    let config = site.read_string("handbok.yaml");
    let without_contact = STATEMENT.split("  contact:").next().unwrap_or(STATEMENT);
    site.write("handbok.yaml", format!("{config}{without_contact}"));
    let run = site.build_ok(&[]);
    assert!(
        run.stderr
            .contains("handbok.yaml:9:1: warning: the accessibility statement has no contact"),
        "{}",
        run.stderr
    );
    site.write(
        "handbok.yaml",
        format!("{config}{}", STATEMENT.replace("2026-11-20", "20 november")),
    );
    let run = run_in(site.root(), &["build"]);
    run.expect_code(2);
    assert!(
        run.stderr
            .contains("`accessibility: updated` is not a date"),
        "{}",
        run.stderr
    );
}

/// The owner's values left blank, as the bundled handbook ships them: the build warns on
/// the lines to fill in, and the page neither names an organisation nor asks readers to
/// "contact us" without saying how; it sends them to Digg until a contact is given.
#[test]
fn blank_organisation_and_contact_are_warned_about_and_the_page_does_not_contradict_itself() {
    let site = Site::from_fixture("basic");
    let config = site.read_string("handbok.yaml");
    let blank = STATEMENT
        .replace(
            "  organisation: Exempelkommunen\n",
            "  organisation:   # fyll i\n",
        )
        .replace(
            "  contact:\n    email: tillganglighet@example.se\n",
            "  contact:\n    email: \"  \"\n    phone:\n    url:\n",
        );
    site.write("handbok.yaml", format!("{config}{blank}"));
    let run = site.build_ok(&[]);
    let line_of = |key: &str| {
        let text = site.read_string("handbok.yaml");
        text.lines()
            .position(|l| l.trim_start().starts_with(key))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("{key} in handbok.yaml"))
    };
    for (key, message) in [
        ("organisation:", "names no organisation"),
        ("contact:", "has no contact for reporting problems"),
    ] {
        let expected = format!(
            "handbok.yaml:{}:1: warning: the accessibility statement {message}",
            line_of(key)
        );
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
    let page = site.html("public/tillganglighetsredogorelse/index.html");
    let text = page.texts("article").join(" ");
    assert!(!text.contains("kontakta oss"), "{text}");
    assert!(!text.contains("ansvarig för"), "{text}");
    assert!(
        text.contains("direkt till Myndigheten för digital förvaltning (Digg)"),
        "{text}"
    );
    assert_eq!(
        page.attrs("a[href=\"#tillsyn\"]", "href").len(),
        1,
        "{text}"
    );
    assert_eq!(page.count("a[href^=\"mailto:\"]"), 0);

    // Filled in, the same statement names both and lists the contact.
    site.write("handbok.yaml", format!("{config}{STATEMENT}"));
    let run = site.build_ok(&[]);
    assert!(
        !run.stderr.contains("accessibility statement"),
        "{}",
        run.stderr
    );
    let text = site
        .html("public/tillganglighetsredogorelse/index.html")
        .texts("article")
        .join(" ");
    assert!(text.contains("Exempelkommunen är ansvarig för"), "{text}");
    assert!(text.contains("kontakta oss"), "{text}");
}

//! The built-in `page.html`, `taxonomy.html` and `term.html` are written in Rust when a
//! site's templates are the built-in ones (issue 23); Tera's rendering of the same template
//! texts is the reference. Each site below is built as it is and again with site templates
//! that only extend the built-in ones, which Tera renders: the two outputs must be the same,
//! byte for byte. The
//! sites are the test fixtures with the built-in page template (hostile texts among them),
//! one in English (no soft hyphens), and the bundled handbook committed in a git repository
//! with a forge (version tables, authors, edit and history links, a local change).
//!
//! A site that replaces any template the writer stands in for gets what its template says.

mod common;

use std::path::Path;

use common::{copy_dir, git, run_in, snapshot, Site, Snapshot};

/// The templates written in Rust while they are the built-in texts.
const WRITTEN: [&str; 3] = ["page.html", "taxonomy.html", "term.html"];

/// Site templates that change nothing: Tera renders the built-in ones through them.
fn through_tera(root: &Path) {
    for name in WRITTEN {
        let text = format!("{{% extends \"theme/{name}\" %}}\n");
        std::fs::write(root.join("templates").join(name), text).expect("write a template");
    }
}

fn built_in(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    std::fs::read_to_string(path.join(name)).expect("a built-in template")
}

/// Builds the site at `root` into `public/` and returns the output.
fn build(root: &Path) -> Snapshot {
    let run = run_in(root, &["build"]);
    run.expect_no_panic().expect_success();
    snapshot(&root.join("public"))
}

/// Panics at the first file that differs, showing the first line that differs in it.
fn assert_same_output(written: &Snapshot, tera: &Snapshot, site: &str) {
    let names = |s: &Snapshot| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(written), names(tera), "{site}: the same files");
    for (name, bytes) in written {
        let reference = &tera[name];
        if bytes == reference {
            continue;
        }
        let ours = String::from_utf8_lossy(bytes);
        let theirs = String::from_utf8_lossy(reference);
        let (n, (a, b)) = ours
            .lines()
            .chain(std::iter::repeat(""))
            .zip(theirs.lines().chain(std::iter::repeat("")))
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .unwrap_or((0, ("", "")));
        panic!(
            "{site}: {name} differs from Tera's at line {}\n  written: {a:?}\n  Tera:    {b:?}",
            n + 1
        );
    }
}

/// `root`'s output is the same with the built-in `page.html` as when Tera renders it.
fn same_both_ways(root: &Path, site: &str) {
    let written = build(root);
    let page_files = written
        .keys()
        .filter(|k| k.ends_with("/index.html"))
        .count();
    assert!(page_files > 0, "{site}: pages were built");
    std::fs::create_dir_all(root.join("templates")).expect("templates folder");
    through_tera(root);
    let tera = build(root);
    assert_same_output(&written, &tera, site);
}

#[test]
fn every_fixture_with_the_built_in_page_template_is_written_as_tera_writes_it() {
    for fixture in [
        "basic",
        "governance",
        "governance-minimal",
        "nav",
        "search",
        "search_forgiving",
        "site-pages",
    ] {
        let site = Site::from_fixture(fixture);
        glossary_template(&site);
        same_both_ways(site.root(), fixture);
    }
    // Meetings, documents, action plans with notes and the glossary on one site.
    let site = Site::from_fixture("governance");
    site.overlay("site-pages");
    glossary_template(&site);
    let plan = "content/handlingsplaner/plan.md";
    let text = site.read_string(plan);
    site.write(
        plan,
        text.replacen("committee: Socialnämnden", "committee: Kulturnämnden", 1),
    );
    same_both_ways(site.root(), "governance with site-pages");
}

/// The bundled handbook's glossary template, which the fixtures' glossary pages name.
fn glossary_template(site: &Site) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/ordlista.html");
    let text = std::fs::read_to_string(path).expect("the bundled glossary template");
    if site.path("content/ordlista.md").is_file() && !site.path("templates/ordlista.html").is_file()
    {
        site.write("templates/ordlista.html", text);
    }
}

#[test]
fn hostile_texts_are_escaped_as_tera_escapes_them() {
    // The fixture's own `page.html` prints raw values on purpose; here the built-in one
    // prints its titles, descriptions and terms.
    let site = Site::from_fixture("xss");
    std::fs::remove_file(site.path("templates/page.html")).expect("remove");
    let written = build(site.root());
    assert!(
        written
            .values()
            .any(|b| b.windows(8).any(|w| w == b"&lt;scri")),
        "the fixture has a script tag in a text that is printed"
    );
    same_both_ways(site.root(), "xss");
}

#[test]
fn descriptions_in_link_lists_are_measured_in_letters_as_tera_measures_them() {
    let site = Site::from_fixture("basic");
    // 120 letters, more bytes: shown beside the link. One letter more: left out.
    let short = "å".repeat(120);
    let long = "å".repeat(121);
    for (slug, description) in [("kort", &short), ("lang", &long)] {
        site.write(
            &format!("content/natverk/{slug}.md"),
            format!(
                "---\ntitle: Sida {slug}\ndescription: {description}\n---\n\nSe [ekologi](ekologi.md).\n"
            ),
        );
    }
    let written = build(site.root());
    let ekologi = String::from_utf8_lossy(&written["natverk/ekologisk-hallbarhet/index.html"]);
    assert!(ekologi.contains(&format!("<span class=\"link-note\">{short}</span>")));
    assert!(
        !ekologi.contains(&long),
        "a description over 120 letters is left out"
    );
    same_both_ways(site.root(), "basic with long descriptions");
}

#[test]
fn a_site_in_english_gets_no_soft_hyphens_either_way() {
    let site = Site::from_fixture("basic");
    let config = site.read_string("handbok.yaml");
    let english = config.replace("language: sv", "language: en");
    assert_ne!(config, english, "the fixture names its language");
    assert!(
        config.trim_end().ends_with("plural: Teman"),
        "taxonomies come last"
    );
    // A taxonomy no page uses: its page says so.
    let unused = "  - name: malgrupp\n    singular: Målgrupp\n    plural: Målgrupper\n";
    site.write("handbok.yaml", format!("{}\n{unused}", english.trim_end()));
    same_both_ways(site.root(), "basic in English");
    let empty = site.read_string("public/malgrupp/index.html");
    assert!(
        !empty.contains("class=\"listing terms\""),
        "no terms listed"
    );
}

/// `git ARGS` in `dir` as `who`.
fn git_as(dir: &Path, args: &[&str], who: &str) {
    let email = format!("{}@example.se", who.to_lowercase().replace(' ', "."));
    let env = [
        ("GIT_AUTHOR_NAME", who),
        ("GIT_AUTHOR_EMAIL", email.as_str()),
        ("GIT_COMMITTER_NAME", who),
        ("GIT_COMMITTER_EMAIL", email.as_str()),
    ];
    git(dir, args, &env);
}

#[test]
fn the_bundled_handbook_in_git_with_a_forge_is_written_as_tera_writes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("handbok");
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["content", "templates"] {
        copy_dir(&crate_root.join(folder), &root.join(folder));
    }
    std::fs::copy(crate_root.join("ordlista.yaml"), root.join("ordlista.yaml")).expect("copy");
    let config = std::fs::read_to_string(crate_root.join("handbok.yaml")).expect("config");
    assert!(
        !config.contains("repository:"),
        "the handbook names no forge"
    );
    std::fs::write(
        root.join("handbok.yaml"),
        format!("{config}\nrepository:\n  url: https://git.example.se/kommun/handbok\n"),
    )
    .expect("write");
    git_as(&root, &["init", "-q"], "Anna Berg");
    git_as(&root, &["add", "-A"], "Anna Berg");
    git_as(&root, &["commit", "-q", "-m", "Handboken"], "Anna Berg");
    // A second version of a governing document, and a page changed but not committed.
    let document = root.join("content/styrgrupp/anvisningar.md");
    let text = std::fs::read_to_string(&document).expect("a governing document");
    std::fs::write(&document, format!("{text}\nEtt tillägg.\n")).expect("write");
    git_as(&root, &["commit", "-q", "-am", "Ett tillägg"], "Bo Ek");
    let page = root.join("content/strategi/internremiss.md");
    let text = std::fs::read_to_string(&page).expect("a page");
    std::fs::write(&page, format!("{text}\nÄnnu inte incheckat.\n")).expect("write");

    let written = build(&root);
    let anvisningar = String::from_utf8_lossy(&written["styrgrupp/anvisningar/index.html"]);
    for shown in ["Bo Ek", "class=\"version-history\"", "class=\"edit-page\""] {
        assert!(anvisningar.contains(shown), "the document shows {shown}");
    }
    let remiss = String::from_utf8_lossy(&written["strategi/internremiss/index.html"]);
    assert!(remiss.contains("class=\"local-change\""), "a local change");
    through_tera(&root);
    let tera = build(&root);
    assert_same_output(&written, &tera, "the bundled handbook");
}

#[test]
fn a_site_that_replaces_a_template_the_writer_stands_in_for_gets_its_own() {
    let replaced = [
        (
            "page.html",
            "{% extends \"theme/page.html\" %}{% block title %}Egen sidtitel{% endblock title %}"
                .to_string(),
            "<title>Egen sidtitel</title>",
        ),
        (
            "macros.html",
            built_in("macros.html")
                .replace("<nav class=\"breadcrumbs\"", "<nav class=\"egna-smulor\""),
            "<nav class=\"egna-smulor\"",
        ),
        (
            "term.html",
            "{% extends \"theme/term.html\" %}{% block title %}Egen termtitel{% endblock title %}"
                .to_string(),
            "<title>Egen termtitel</title>",
        ),
        (
            "taxonomy.html",
            "{% extends \"theme/taxonomy.html\" %}{% block title %}Egen taxonomititel{% endblock title %}"
                .to_string(),
            "<title>Egen taxonomititel</title>",
        ),
        (
            "partials/header.html",
            built_in("partials/header.html").replace("site-header", "eget-sidhuvud"),
            "<header class=\"eget-sidhuvud\">",
        ),
        (
            "base.html",
            built_in("base.html").replace("<body>", "<body class=\"egen\">"),
            "<body class=\"egen\">",
        ),
        (
            "partials/footer.html",
            built_in("partials/footer.html").replace("site-footer", "egen-sidfot"),
            "<footer class=\"egen-sidfot\">",
        ),
    ];
    for (name, text, shown) in replaced {
        let site = Site::from_fixture("basic");
        site.write(&format!("templates/{name}"), &text);
        let written = build(site.root());
        let (page, kind) = match name {
            "term.html" => ("tema/klimat/index.html", "<article class=\"term\""),
            "taxonomy.html" => ("tema/index.html", "<article class=\"taxonomy\""),
            _ => ("styrgrupp/anvisningar/index.html", "<article class=\"page"),
        };
        let html = String::from_utf8_lossy(&written[page]);
        assert!(html.contains(kind), "{page} is rendered with {name}");
        assert!(html.contains(shown), "{name}: {page} shows {shown}");
    }
}

#[test]
fn a_page_that_names_the_term_template_fails_as_it_does_with_tera() {
    // The writer writes `page.html` only: a page whose `template:` is another written
    // template is Tera's, which says what the template lacks, and the build fails.
    let site = Site::from_fixture("basic");
    let file = "content/natverk/ekologi.md";
    let text = site.read_string(file);
    site.write(
        file,
        text.replacen("weight: 20\n", "weight: 20\ntemplate: term.html\n", 1),
    );
    let run = site.run(&["build"]);
    run.expect_no_panic().expect_code(1);
    let error = run
        .error_lines()
        .into_iter()
        .find(|l| l.contains("term.html") && l.contains("ekologi.md"))
        .unwrap_or_else(|| panic!("an error names the template and the page\n{}", run.stderr));
    assert!(error.contains("term"), "{error}");
}

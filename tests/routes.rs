//! The route table (issue 15, defects 7-9): every file the build writes is claimed once,
//! so a page, an alias or a file in `content/` or `static/` named like a file that handbok
//! generates is an error naming both, with file and line, instead of one silently
//! replacing the other. Each case builds a good site first, breaks it, and checks that the
//! failed build left the previous output byte for byte as it was (see `bad_build_of`).

mod common;

use common::{bad_build_of, Site};

/// The `basic` fixture with an absolute `base_url`, as a published site has it: only then
/// does the build write a sitemap, and claim `sitemap.xml`.
fn published_site() -> Site {
    let site = Site::from_fixture("basic");
    let config = site.read_string("handbok.yaml").replace(
        "base_url: /\n",
        "base_url: https://intranat.example.se/hallbarhet/\n",
    );
    assert!(config.contains("base_url: https://"), "{config}");
    site.write("handbok.yaml", config);
    site
}

#[test]
fn a_page_named_like_a_print_page_is_an_error() {
    // Defect 7: content/natverk/utskrift.md was silently replaced by the section's print page.
    let site = Site::from_fixture("basic");
    let run = bad_build_of(
        &site,
        |s| {
            s.write(
                "content/natverk/utskrift.md",
                "---\ntitle: Utskrift\n---\nText.\n",
            )
        },
        1,
    );
    run.error_for(
        "content/natverk/utskrift.md",
        Some(1),
        &[
            "print page",
            "content/natverk/_index.md",
            "/natverk/utskrift/",
        ],
    );
}

#[test]
fn a_review_page_on_a_print_page_is_an_error_in_the_config() {
    // Defect 7, the other way round: `review: path:` set to a print page's URL replaced it.
    let site = Site::from_fixture("governance");
    let run = bad_build_of(
        &site,
        |s| {
            let mut config = s.read_string("handbok.yaml");
            config.push_str("review:\n  path: natverk/utskrift/\n");
            s.write("handbok.yaml", config);
        },
        1,
    );
    let line = site
        .read_string("handbok.yaml")
        .lines()
        .position(|l| l.starts_with("review:"))
        .map(|i| i + 1)
        .expect("the review: line");
    run.error_for(
        "handbok.yaml",
        Some(line),
        &["review page", "print page", "/natverk/utskrift/"],
    );
}

#[test]
fn an_alias_equal_to_a_generated_file_is_an_error_on_its_line() {
    // Defect 8: such an alias was dropped, and `/sok/index.json` made the search index a
    // folder in some builds.
    for (alias, owner) in [
        ("/sok/index.json", "search index"),
        ("/404.html", "404 page"),
        ("/atom.xml", "feed"),
        ("/sitemap.xml", "sitemap"),
        ("/handbok.css", "theme's file handbok.css"),
        ("/sok/", "search page"),
        ("/sok/f/1.json", "search index"),
        // Only the case differs: one file on a server that ignores case.
        ("/Atom.xml/", "feed"),
        ("/Sok/F/1.json", "search index"),
    ] {
        let site = published_site();
        let run = bad_build_of(
            &site,
            |s| {
                s.write(
                    "content/natverk/ekologi.md",
                    format!("---\ntitle: Ekologi\naliases:\n  - {alias}\n---\nText.\n"),
                )
            },
            1,
        );
        run.error_for(
            "content/natverk/ekologi.md",
            Some(3),
            &[
                &format!("the alias `{}", alias.trim_start_matches('/')),
                owner,
            ],
        );
    }
}

#[test]
fn a_static_file_named_like_a_generated_file_is_an_error() {
    // Defect 9: these replaced the generated files, with exit 0.
    for (file, owner) in [
        ("static/index.html", "content/_index.md"),
        ("static/sitemap.xml", "sitemap"),
        ("static/404.html", "404 page"),
        ("static/atom.xml", "feed"),
        ("static/sok/index.html", "search page"),
        ("static/sok/index.json", "search index"),
        ("static/sok/i/0.json", "search index"),
        ("static/natverk/index.html", "content/natverk/_index.md"),
        (
            "static/.handbok-output",
            "marker of handbok's output folder",
        ),
    ] {
        assert_planted_file_is_refused(file, owner);
    }
}

/// Plants `file` in a built site: the next build fails on it, naming the `owner` of its URL.
fn assert_planted_file_is_refused(file: &str, owner: &str) {
    let site = published_site();
    let run = bad_build_of(&site, |s| s.write(file, "planted\n"), 1);
    run.error_for(file, Some(1), &[file, owner]);
}

#[test]
fn a_content_file_named_like_a_generated_file_is_an_error() {
    for (file, owner) in [
        ("content/sitemap.xml", "sitemap"),
        ("content/404.html", "404 page"),
        ("content/atom.xml", "feed"),
        ("content/search.js", "theme's file search.js"),
        ("content/index.html", "content/_index.md"),
    ] {
        assert_planted_file_is_refused(file, owner);
    }
}

#[test]
fn a_file_where_the_build_needs_a_folder_is_an_error() {
    // `static/natverk` as a file would stand where the section's folder goes.
    let site = Site::from_fixture("basic");
    let run = bad_build_of(&site, |s| s.write("static/natverk", "planted\n"), 1);
    run.error_for("static/natverk", Some(1), &["/natverk"]);
}

#[test]
fn a_static_file_may_replace_the_themes_file_of_the_same_name() {
    // The documented exception: `static/handbok.css` replaces the theme's stylesheet.
    let site = Site::from_fixture("basic");
    site.write("static/handbok.css", "body { color: black }\n");
    site.write("static/search.js", "// own search\n");
    site.build_ok(&[]);
    assert_eq!(
        site.read_string("public/handbok.css"),
        "body { color: black }\n"
    );
    assert_eq!(site.read_string("public/search.js"), "// own search\n");
}

#[test]
fn generated_files_are_written_and_two_builds_are_identical() {
    // The route table decides what exists: the generated files are there, and two builds
    // of the same site write the same tree.
    let site = published_site();
    site.build_ok(&[]);
    for file in [
        "public/index.html",
        "public/404.html",
        "public/sitemap.xml",
        "public/atom.xml",
        "public/sok/index.html",
        "public/sok/index.json",
        "public/sok/filters.json",
        "public/handbok.css",
        "public/natverk/utskrift/index.html",
        "public/robots.txt",
    ] {
        assert!(site.path(file).is_file(), "{file} missing");
    }
    let first = site.snapshot("public");
    site.build_ok(&[]);
    assert!(first == site.snapshot("public"), "a second build differs");
}

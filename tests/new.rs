//! `handbok new <type> <path>`: pages from archetypes, never overwriting.

mod common;

use common::Site;

#[test]
fn every_builtin_type_gives_a_page_the_site_accepts() {
    let site = Site::from_fixture("basic");
    for kind in ["sida", "anvisning", "handlingsplan", "artikel"] {
        let path = format!("nytt/{kind}-exempel.md");
        let run = site.run(&["new", kind, &path]);
        run.expect_success();
        let text = site.read_string(&format!("content/{path}"));
        assert!(text.starts_with("---\ntitle: \""), "{kind}: {text}");
        let title = format!("title: \"{} exempel\"", capitalise(kind));
        assert!(
            text.contains(&title),
            "{kind}: the title comes from the file name: {text}"
        );
    }
    assert!(site
        .read_string("content/nytt/anvisning-exempel.md")
        .contains("  type: anvisning\n"));
    assert!(site
        .read_string("content/nytt/handlingsplan-exempel.md")
        .contains("action_plan:\n"));
    site.run(&["check"]).expect_success();
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[test]
fn title_and_date_are_filled_in() {
    let site = Site::from_fixture("basic");
    site.run(&["new", "sida", "content/natverk/möten-i-växjö"])
        .expect_success();
    let text = site.read_string("content/natverk/möten-i-växjö.md");
    assert!(text.contains("title: \"Möten i växjö\""), "{text}");
    let today = chrono::Local::now().date_naive().to_string();
    assert!(text.contains(&format!("date: {today}")), "{text}");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let site = Site::from_fixture("basic");
    let before = site.read("content/styrgrupp/anvisningar.md");
    let run = site.run(&["new", "anvisning", "styrgrupp/anvisningar.md"]);
    run.expect_code(1).expect_no_panic();
    assert!(
        run.stderr
            .contains("content/styrgrupp/anvisningar.md already exists"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("content/styrgrupp/anvisningar.md"), before);
}

#[test]
fn unknown_type_suggests_the_closest_and_lists_the_types() {
    let site = Site::from_fixture("basic");
    let run = site.run(&["new", "anvisnig", "x.md"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("did you mean `anvisning`?"),
        "{}",
        run.stderr
    );
    assert!(!site.path("content/x.md").exists());
}

#[test]
fn a_site_archetype_replaces_or_adds_a_type() {
    let site = Site::from_fixture("basic");
    site.write(
        "archetypes/sida.md",
        "---\ntitle: \"{{ title }}\"\ndescription: Egen mall\n---\nEgen text.\n",
    );
    site.write(
        "archetypes/protokoll.md",
        "---\ntitle: \"Protokoll {{ date }}\"\n---\nProtokoll.\n",
    );
    site.run(&["new", "sida", "egen.md"]).expect_success();
    assert!(site
        .read_string("content/egen.md")
        .contains("description: Egen mall"));
    site.run(&["new", "protokoll", "protokoll/forsta.md"])
        .expect_success();
    assert!(site
        .read_string("content/protokoll/forsta.md")
        .starts_with("---\ntitle: \"Protokoll 20"));
}

#[test]
fn a_path_outside_content_is_refused() {
    let site = Site::from_fixture("basic");
    let run = site.run(&["new", "sida", "../utanfor.md"]);
    run.expect_code(2);
    assert!(!site.path("utanfor.md").exists());
}

#[cfg(unix)]
#[test]
fn an_archetype_that_links_out_of_the_site_is_refused_and_nothing_is_written() {
    // Issue 15: archetypes are sources like any other; a link out of the site would copy
    // whatever file it points at into content/.
    let site = Site::from_fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("token.md");
    std::fs::write(&secret, "SECRET-TOKEN-123\n").unwrap();
    std::fs::create_dir_all(site.path("archetypes")).unwrap();
    std::os::unix::fs::symlink(&secret, site.path("archetypes/sida.md")).unwrap();
    let run = site.run(&["new", "sida", "nytt/x.md"]);
    run.expect_no_panic().expect_code(1);
    let line = run.line_starting_with("archetypes/sida.md");
    assert!(line.contains("outside the site folder"), "{line}");
    assert!(!site.path("content/nytt/x.md").exists());
    assert!(!run.stderr.contains("SECRET-TOKEN") && !run.stdout.contains("SECRET-TOKEN"));
}

//! Dates, authors and histories from git: a site committed in a temporary repository by
//! several authors (with a rename and a deletion), built like CI builds it, and the pages,
//! the change log and its feed, the versions page and the fallbacks checked.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{git, run_in, snapshot, Page};

const CONFIG: &str = "title: Testhandbok\nrepository:\n  url: https://git.example.se/hb/handbok\n";

const START: &str = "---\ntitle: Start\n---\n\nVälkommen.\n";

fn instruction(times: &str) -> String {
    format!(
        "---\ntitle: Anvisning för möten\ndocument:\n  type: anvisning\n  established: 2025-12-01\n---\n\n\
         ## Möten\n\nNätverket träffas {times} gånger per år.\n\nKallelsen skickas två veckor före.\n"
    )
}

const OLD_PAGE: &str = "---\ntitle: Rutin för kallelser\ndocument:\n  type: rutin\n---\n\nKallelser skickas med e-post.\n";

/// A git repository in a temporary folder, with commits made at given times by given people.
struct Repo {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("handbok");
        std::fs::create_dir_all(root.join("content")).expect("content folder");
        git(&root, &["init", "-q"], &[]);
        Repo { _dir: dir, root }
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(path, text).expect("write");
    }

    fn git(&self, args: &[&str]) {
        git(&self.root, args, &[]);
    }

    /// Commits everything as `who` at `when` (RFC 2822 or ISO 8601 with zone).
    fn commit(&self, who: &str, when: &str, message: &str) {
        let email = format!(
            "{}@example.se",
            who.split(' ').next().unwrap_or("x").to_lowercase()
        );
        self.git(&["add", "-A"]);
        git(
            &self.root,
            &["commit", "-q", "-m", message],
            &[
                ("GIT_AUTHOR_NAME", who),
                ("GIT_AUTHOR_EMAIL", &email),
                ("GIT_AUTHOR_DATE", when),
                ("GIT_COMMITTER_NAME", who),
                ("GIT_COMMITTER_EMAIL", &email),
                ("GIT_COMMITTER_DATE", when),
            ],
        );
    }

    fn head(&self) -> String {
        let out = Command::new("git")
            .args(["rev-parse", "HEAD"])
            .current_dir(&self.root)
            .output()
            .expect("git runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn build(&self, root: &Path) -> common::Run {
        let run = run_in(root, &["build"]);
        run.expect_success();
        run
    }

    fn html(&self, root: &Path, rel: &str) -> Page {
        let text = std::fs::read_to_string(root.join("public").join(rel)).expect("page written");
        Page::parse(&text)
    }
}

/// The history the tests share: five commits by three people.
fn handbook() -> Repo {
    let r = Repo::new();
    r.write("handbok.yaml", CONFIG);
    r.write("content/_index.md", START);
    r.write("content/anvisning.md", &instruction("fyra"));
    r.write("content/gammal.md", OLD_PAGE);
    r.write(
        "content/borttagen.md",
        "---\ntitle: Borttagen sida\n---\n\nText.\n",
    );
    r.commit(
        "Anna Andersson",
        "2026-01-10T09:00:00+01:00",
        "Första versionen av handboken",
    );
    r.write("content/anvisning.md", &instruction("sex"));
    r.commit(
        "Bertil Berg",
        "2026-02-15T23:30:00+01:00",
        "Ändra antalet möten i anvisningen",
    );
    r.git(&["mv", "content/gammal.md", "content/kallelser.md"]);
    r.commit(
        "Cecilia Ceder",
        "2026-03-20T10:00:00+01:00",
        "Byt namn på rutinen",
    );
    r.git(&["rm", "-q", "content/borttagen.md"]);
    r.commit(
        "Anna Andersson",
        "2026-04-01T08:00:00+02:00",
        "Ta bort en sida som inte används",
    );
    r.write(
        "content/kallelser.md",
        &OLD_PAGE.replace("e-post", "e-post och i kalendern"),
    );
    r.commit(
        "Bertil Berg",
        "2026-05-05T14:00:00+02:00",
        "Kallelser också i kalendern",
    );
    r
}

#[test]
fn pages_show_the_last_change_and_its_author_from_git_with_forge_links() {
    let r = handbook();
    r.build(&r.root);
    let page = r.html(&r.root, "anvisning/index.html");
    let last = page.texts(".page-footer .last-changed");
    assert_eq!(last, ["Senast ändrad 2026-02-15 av Bertil Berg"]);
    // The date is the commit's own day: 23:30 in +01:00 is the 15th, whatever the zone of
    // the machine that builds.
    assert_eq!(
        page.attrs(".page-footer time", "datetime"),
        ["2026-02-15T23:30:00+01:00"]
    );
    assert_eq!(
        page.href_of(".page-footer a", "Redigera sidan"),
        "https://git.example.se/hb/handbok/-/edit/main/content/anvisning.md"
    );
    assert_eq!(
        page.href_of(".page-footer a", "Visa historik"),
        "https://git.example.se/hb/handbok/-/commits/main/content/anvisning.md"
    );
    // Front matter `updated` still wins, and then no author is claimed for it.
    let text = instruction("sex").replacen("title:", "updated: 2026-06-01\ntitle:", 1);
    r.write("content/anvisning.md", &text);
    r.commit(
        "Cecilia Ceder",
        "2026-06-02T10:00:00+02:00",
        "Ange uppdateringsdatum",
    );
    r.build(&r.root);
    let page = r.html(&r.root, "anvisning/index.html");
    assert_eq!(
        page.texts(".page-footer .last-changed"),
        ["Senast ändrad 2026-06-01"]
    );
}

#[test]
fn a_governing_document_lists_its_versions_and_what_changed_word_by_word() {
    let r = handbook();
    r.build(&r.root);
    let page = r.html(&r.root, "anvisning/index.html");
    let rows = page.rows(".version-history tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].starts_with("2026-02-15 Bertil Berg Ändra antalet möten i anvisningen"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].starts_with("2026-01-10 Anna Andersson Första versionen av handboken"),
        "{}",
        rows[1]
    );
    let commits = page.attrs(".version-history a.commit", "href");
    assert_eq!(commits.len(), 2);
    assert!(commits
        .iter()
        .all(|c| c.starts_with("https://git.example.se/hb/handbok/-/commit/")));
    // The link to the change leads to the versions page's part for that version.
    let to_change = page.href_of(".version-history a", "Visa ändringen 2026-02-15");
    let (file, anchor) = to_change.split_once('#').expect("an anchor");
    assert_eq!(common::resolve("anvisning/", file), "anvisning/versioner/");
    let versions = r.html(&r.root, "anvisning/versioner/index.html");
    assert!(
        versions.ids().contains(&anchor.to_string()),
        "{anchor} missing"
    );
    // Word level: only the changed word is marked, with its text label.
    assert_eq!(versions.texts(".diff del"), ["[Borttaget: fyra]"]);
    assert_eq!(versions.texts(".diff ins"), ["[Tillagt: sex]"]);
    assert_eq!(
        versions.texts(".diff-removed"),
        ["−Borttagen rad: Nätverket träffas [Borttaget: fyra] gånger per år."]
    );
    assert_eq!(versions.texts(".version h2").len(), 2);
    assert!(versions
        .texts(".version")
        .last()
        .is_some_and(|t| t.contains("Första versionen")));
}

#[test]
fn a_renamed_page_keeps_its_history_and_a_deleted_page_is_in_the_change_log() {
    let r = handbook();
    r.build(&r.root);
    let page = r.html(&r.root, "kallelser/index.html");
    let rows = page.rows(".version-history tbody tr");
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows[0].contains("Kallelser också i kalendern"));
    assert!(rows[1].contains("Cecilia Ceder Byt namn på rutinen"));
    assert!(rows[2].contains("Anna Andersson Första versionen av handboken"));

    let changes = r.html(&r.root, "senaste-andringar/index.html");
    let rows = changes.rows("tbody tr");
    let expected = [
        "2026-05-05 Rutin för kallelser Ändrad: Kallelser också i kalendern",
        "2026-04-01 borttagen.md Borttagen: Ta bort en sida som inte används",
        "2026-03-20 Rutin för kallelser Flyttad: Byt namn på rutinen",
        "2026-02-15 Anvisning för möten Ändrad: Ändra antalet möten i anvisningen",
    ];
    for (row, want) in rows.iter().zip(expected) {
        assert!(row.starts_with(want), "{row:?} should start with {want:?}");
    }
    assert_eq!(rows.len(), 8, "{rows:?}");
    assert!(rows[0].ends_with("Bertil Berg"));
    // The deleted page has no link (neither where it was added nor where it was deleted);
    // the others link to the page as it is named today.
    let links = changes.attrs("tbody th a", "href");
    assert_eq!(links.len(), 6);
    assert_eq!(
        common::resolve("senaste-andringar/", &links[0]),
        "kallelser/"
    );
    // Linked from the start page.
    let start = r.html(&r.root, "index.html");
    let all = start.href_of("a", "Alla ändringar");
    assert_eq!(common::resolve("", &all), "senaste-andringar/");
}

#[test]
fn the_change_log_feed_lists_each_change_once_with_the_commit_time() {
    let r = handbook();
    r.build(&r.root);
    let xml = std::fs::read_to_string(r.root.join("public/senaste-andringar/atom.xml"))
        .expect("feed written");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 8);
    let child = |n: &roxmltree::Node, tag: &str| {
        n.descendants()
            .find(|c| c.has_tag_name(tag))
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        child(&entries[0], "title"),
        "Rutin för kallelser: Kallelser också i kalendern"
    );
    assert_eq!(child(&entries[0], "updated"), "2026-05-05T14:00:00+02:00");
    assert_eq!(child(&entries[0], "name"), "Bertil Berg");
    let ids: std::collections::HashSet<String> = entries.iter().map(|e| child(e, "id")).collect();
    assert_eq!(ids.len(), 8, "ids are unique");
    let head = r.head();
    assert!(child(&entries[0], "id").contains(&head));
}

#[test]
fn authors_can_be_left_out() {
    let r = handbook();
    r.write(
        "handbok.yaml",
        &format!("{CONFIG}history:\n  authors: false\n"),
    );
    r.commit(
        "Anna Andersson",
        "2026-06-01T08:00:00+02:00",
        "Visa inte namn",
    );
    r.build(&r.root);
    let out = snapshot(&r.root.join("public"));
    for (file, bytes) in &out {
        let text = String::from_utf8_lossy(bytes);
        for name in ["Anna Andersson", "Bertil Berg", "Cecilia Ceder"] {
            assert!(!text.contains(name), "{name} in {file}");
        }
    }
    let page = r.html(&r.root, "anvisning/index.html");
    assert_eq!(
        page.texts(".page-footer .last-changed"),
        ["Senast ändrad 2026-02-15"]
    );
}

#[test]
fn without_a_repository_or_with_git_false_pages_keep_their_front_matter_dates() {
    let r = handbook();
    // The same files outside any repository.
    let plain = tempfile::tempdir().expect("temp dir");
    for rel in [
        "handbok.yaml",
        "content/_index.md",
        "content/anvisning.md",
        "content/kallelser.md",
    ] {
        let to = plain.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("folder");
        std::fs::copy(r.root.join(rel), to).expect("copy");
    }
    let run = r.build(plain.path());
    assert!(!run.stderr.contains("git"), "{}", run.stderr);
    let page = r.html(plain.path(), "anvisning/index.html");
    assert!(page.texts(".page-footer .last-changed").is_empty());
    assert_eq!(page.count(".version-history"), 0);
    assert!(!plain.path().join("public/senaste-andringar").exists());
    // Edit links still come from `repository:`.
    assert_eq!(
        page.href_of(".page-footer a", "Redigera sidan"),
        "https://git.example.se/hb/handbok/-/edit/main/content/anvisning.md"
    );

    r.write("handbok.yaml", &format!("{CONFIG}git: false\n"));
    r.build(&r.root);
    let page = r.html(&r.root, "anvisning/index.html");
    assert!(page.texts(".page-footer .last-changed").is_empty());
    assert!(!r.root.join("public/senaste-andringar").exists());
}

#[test]
fn a_shallow_clone_is_reported_with_the_fix_and_gives_no_wrong_dates() {
    let r = handbook();
    let clones = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", r.root.display());
    git(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
        &[],
    );
    let shallow = clones.path().join("shallow");
    let run = run_in(&shallow, &["build"]);
    run.expect_success();
    assert!(run.stderr.contains("shallow"), "{}", run.stderr);
    assert!(run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
    assert!(run.stderr.contains("GIT_DEPTH: 0"), "{}", run.stderr);
    // Every file's history ends at the boundary: no page claims it changed in that commit.
    let page = r.html(&shallow, "anvisning/index.html");
    assert!(page.texts(".page-footer .last-changed").is_empty());
    assert_eq!(page.count(".version-history"), 0);
    // With --strict the warning fails the pipeline.
    run_in(&shallow, &["build", "--strict"]).expect_code(1);
    // A full clone builds without the warning.
    git(clones.path(), &["clone", "-q", &url, "full"], &[]);
    let run = run_in(&clones.path().join("full"), &["build"]);
    assert!(!run.stderr.contains("shallow"), "{}", run.stderr);
}

#[test]
fn uncommitted_changes_are_marked_changed_locally() {
    let r = handbook();
    r.write("content/anvisning.md", &instruction("åtta"));
    r.write(
        "content/ny.md",
        "---\ntitle: Ny sida\n---\n\nInte incheckad.\n",
    );
    r.build(&r.root);
    let changed = r.html(&r.root, "anvisning/index.html");
    assert_eq!(
        changed.texts(".page-footer .last-changed"),
        ["Senast ändrad 2026-02-15 av Bertil Berg (ändrad lokalt, inte incheckad)"]
    );
    let new = r.html(&r.root, "ny/index.html");
    assert_eq!(
        new.texts(".page-footer .local-change"),
        ["(ändrad lokalt, inte incheckad)"]
    );
    let clean = r.html(&r.root, "kallelser/index.html");
    assert_eq!(clean.count(".local-change"), 0);
}

#[test]
fn a_file_saved_again_unchanged_is_not_local_and_an_edit_of_the_same_size_is() {
    let r = handbook();
    // Git's index records each file's size and times; a file written again (new times, same
    // text) must be read and found unchanged, and an edit that keeps the size ("sex" to
    // "tre") must be found although the size matches the index.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    r.write(
        "content/kallelser.md",
        &OLD_PAGE.replace("e-post", "e-post och i kalendern"),
    );
    r.write("content/anvisning.md", &instruction("tre"));
    r.build(&r.root);
    let saved = r.html(&r.root, "kallelser/index.html");
    assert_eq!(saved.count(".local-change"), 0);
    let edited = r.html(&r.root, "anvisning/index.html");
    assert_eq!(
        edited.texts(".page-footer .local-change"),
        ["(ändrad lokalt, inte incheckad)"]
    );
}

#[test]
fn the_same_commit_builds_byte_identical_output_anywhere_and_any_time() {
    let r = handbook();
    let clones = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", r.root.display());
    git(clones.path(), &["clone", "-q", &url, "other"], &[]);
    let other = clones.path().join("other");
    let build = |root: &Path, zone: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_handbok"))
            .arg("build")
            .current_dir(root)
            .env("HANDBOK_LANG", "en")
            .env("SOURCE_DATE_EPOCH", "1767225600")
            .env("TZ", zone)
            .output()
            .expect("handbok runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        snapshot(&root.join("public"))
    };
    let first = build(&r.root, "Europe/Stockholm");
    let again = build(&r.root, "America/New_York");
    let elsewhere = build(&other, "UTC");
    common::assert_same_tree(&first, &again, "a second build of the same commit");
    common::assert_same_tree(
        &first,
        &elsewhere,
        "a build of a fresh clone of the same commit",
    );
}

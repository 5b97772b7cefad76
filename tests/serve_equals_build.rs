//! `handbok serve` keeps its served folder equal to a fresh `handbok build` of the same
//! sources (issue 19). A site with every kind of page (plain pages, sections, governing
//! documents, meetings with front-matter links, action plans and their focus areas, the
//! glossary, term pages, a bundle with assets, an alias, a draft, static files) is served
//! by the real binary and changed by a scripted series of saves: body texts, first
//! paragraphs (summaries), links added and removed (backlinks, related pages), front
//! matter, new, removed and renamed pages, handbok.yaml and the glossary's data file, and
//! edits that break the site followed by their fix. After each save the test waits for
//! the server's own line saying how it applied it (incrementally, in full, or failed) and
//! checks that it was the expected way; at checkpoints it waits for the search index to
//! catch up and compares the served folder with a fresh build, byte for byte.

mod common;

use std::path::Path;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use common::{fixtures_dir, run_in, snapshot, Server, Site, Snapshot};

/// Pages show review dates and meetings: the server and the fresh builds use the same day.
const TODAY: &str = "2025-05-15";
/// Only to keep a broken server from hanging the test; nothing is timed.
const TIMEOUT: Duration = Duration::from_secs(60);
/// One save can reach the watcher as two bursts of events (two applications): after the
/// first line saying a change was applied, lines are taken until the log is this quiet.
const QUIET: Duration = Duration::from_millis(400);
/// Longer than the pause after which the server rewrites the search index (1.5 s).
const INDEX_QUIET: Duration = Duration::from_secs(3);

/// How the server applied a change: its last line about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    /// "updated N pages in M ms": incrementally (the search index follows after a pause).
    Updated,
    /// "rebuilt N pages in M ms": a full build.
    Rebuilt,
    /// "the build failed; still serving the last good site".
    Failed,
}

impl Done {
    fn of(line: &str) -> Option<Done> {
        if line.starts_with("updated ") && line.contains(" pages in ") {
            Some(Done::Updated)
        } else if line.starts_with("rebuilt ") && line.contains(" pages in ") {
            Some(Done::Rebuilt)
        } else if line.starts_with("the build failed") {
            Some(Done::Failed)
        } else {
            None
        }
    }
}

use Done::{Failed, Rebuilt, Updated};

/// The governance fixture with the site-pages fixture over it (glossary, two taxonomies,
/// action plans with focus areas, dated pages for the feed) and the parts of the basic
/// fixture the others lack (a bundle with assets, an alias, a draft, static files).
fn mixed_site() -> Site {
    let site = Site::from_fixture("governance");
    site.overlay("site-pages");
    // One plan per committee: the second fixture's plan gets a committee of its own.
    let plan = "content/handlingsplaner/plan.md";
    let text = site.read_string(plan);
    site.write(
        plan,
        text.replacen("committee: Socialnämnden", "committee: Kulturnämnden", 1),
    );
    let basic = fixtures_dir().join("basic");
    for rel in [
        "content/styrgrupp/_index.md",
        "content/styrgrupp/anvisningar.md",
        "content/natverk/karta/index.md",
        "content/natverk/karta/karta.png",
        "content/natverk/karta/underlag.pdf",
        "content/natverk/utkast.md",
        "static/robots.txt",
        "static/bilder/logga.svg",
    ] {
        site.write(
            rel,
            std::fs::read(basic.join(rel)).expect("a basic fixture file"),
        );
    }
    let glossary = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/ordlista.html");
    site.write(
        "templates/ordlista.html",
        std::fs::read(glossary).expect("the glossary template"),
    );
    site
}

/// Saves `text` as `rel` the way editors do: a hidden temporary file renamed over it.
fn save(site: &Site, rel: &str, text: &str) {
    let path = site.path(rel);
    let name = path.file_name().expect("a file name").to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&temp, text).expect("write the temporary file");
    std::fs::rename(&temp, &path).expect("rename it over the file");
}

/// Replaces the first `from` in `rel` by `to` and saves it.
fn replace(site: &Site, rel: &str, from: &str, to: &str) {
    let text = site.read_string(rel);
    assert!(text.contains(from), "{rel} lacks {from:?}:\n{text}");
    save(site, rel, &text.replacen(from, to, 1));
}

/// A served site and what the test knows of the server's state.
struct Session {
    site: Site,
    server: Server,
    /// Saves made so far.
    saves: usize,
    /// How the last change was applied.
    last: Done,
    /// Whether an incremental update happened since the search index was last written.
    index_behind: bool,
    /// Whether the server may still rewrite the search index (after an incremental update
    /// and a full build, it may write the index again once the sources are quiet).
    index_pending: bool,
}

impl Session {
    fn start() -> Session {
        let site = mixed_site();
        let server = Server::start(&site, &["--today", TODAY], &[]);
        Session {
            site,
            server,
            saves: 0,
            last: Rebuilt,
            index_behind: false,
            index_pending: false,
        }
    }

    /// The server's next line, if one comes within `wait`.
    fn line(&mut self, wait: Duration) -> Option<String> {
        match self.server.log.recv_timeout(wait) {
            Ok(line) => {
                if line.starts_with("search index updated") {
                    self.index_behind = false;
                    self.index_pending = false;
                }
                Some(line)
            }
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => panic!("handbok serve stopped"),
        }
    }

    /// Makes a change, waits until the server has applied it and checks how.
    /// [`Session::save`] of one replacement in one file (see [`replace`]).
    fn replace(&mut self, what: &str, expected: Done, rel: &str, from: &str, to: &str) {
        self.save(what, expected, |site| replace(site, rel, from, to));
    }

    fn save(&mut self, what: &str, expected: Done, change: impl FnOnce(&Site)) {
        change(&self.site);
        self.saves += 1;
        let mut log = Vec::new();
        let mut last = None;
        while last.is_none() {
            let line = self.line(TIMEOUT).unwrap_or_else(|| {
                panic!(
                    "save {} ({what}): no word from the server; log:\n{}",
                    self.saves,
                    log.join("\n")
                )
            });
            last = Done::of(&line);
            log.push(line);
        }
        while let Some(line) = self.line(QUIET) {
            last = Done::of(&line).or(last);
            log.push(line);
        }
        let last = last.unwrap_or(Failed);
        assert_eq!(
            last,
            expected,
            "save {} ({what}) was applied otherwise than expected; log:\n{}",
            self.saves,
            log.join("\n")
        );
        self.last = last;
        match last {
            Updated => (self.index_behind, self.index_pending) = (true, true),
            Rebuilt => self.index_behind = false,
            Failed => {}
        }
    }

    /// Waits for the search index to catch up, builds the sources afresh and compares.
    fn assert_equals_fresh_build(&mut self, when: &str) {
        assert_ne!(self.last, Failed, "a checkpoint needs a good site");
        while self.index_behind {
            self.line(TIMEOUT).unwrap_or_else(|| {
                panic!("{when}: the search index was not updated after an incremental update")
            });
        }
        // A full build wrote the index; the server may write it again (the same) once the
        // sources are quiet: not while the folder is read.
        while self.index_pending && self.line(INDEX_QUIET).is_some() {}
        self.index_pending = false;
        let fresh = tempfile::tempdir().expect("a temporary folder");
        let out = fresh.path().join("public");
        let out_arg = out.to_string_lossy().into_owned();
        run_in(
            self.site.root(),
            &[
                "build",
                "--base-url",
                "/",
                "--today",
                TODAY,
                "--output",
                &out_arg,
            ],
        )
        .expect_no_panic()
        .expect_success();
        let served = self.server.folder(&std::env::temp_dir()).join("public");
        let (served, fresh) = (snapshot(&served), snapshot(&out));
        assert!(fresh.len() > 100, "{when}: the fresh build is nearly empty");
        if let Some(report) = differences(&served, &fresh) {
            panic!(
                "{when} ({} saves): the served folder differs from a fresh build\n{report}",
                self.saves
            );
        }
    }
}

/// The paths that differ between the served and the fresh folder, and the first line that
/// differs in the first changed file; `None` when the two are identical.
fn differences(served: &Snapshot, fresh: &Snapshot) -> Option<String> {
    if served == fresh {
        return None;
    }
    let mut report = Vec::new();
    let mut first_changed = None;
    for (path, bytes) in fresh {
        match served.get(path) {
            None => report.push(format!("missing from the served folder: {path}")),
            Some(s) if s != bytes => {
                report.push(format!("differs: {path}"));
                first_changed.get_or_insert(path);
            }
            Some(_) => {}
        }
    }
    for path in served.keys().filter(|p| !fresh.contains_key(*p)) {
        report.push(format!("only in the served folder: {path}"));
    }
    if let Some(path) = first_changed {
        let (s, f) = (
            String::from_utf8_lossy(&served[path]),
            String::from_utf8_lossy(&fresh[path]),
        );
        let (s, f): (Vec<&str>, Vec<&str>) = (s.lines().collect(), f.lines().collect());
        let at = (0..s.len().max(f.len()))
            .find(|i| s.get(*i) != f.get(*i))
            .unwrap_or(0);
        let clip =
            |l: Option<&&str>| l.map_or("(none)".to_string(), |l| l.chars().take(300).collect());
        report.push(format!(
            "first difference in {path}, line {}:\n  served: {}\n  fresh:  {}",
            at + 1,
            clip(s.get(at)),
            clip(f.get(at))
        ));
    }
    Some(report.join("\n"))
}

#[test]
fn the_served_folder_equals_a_fresh_build_after_a_series_of_edits() {
    let mut s = Session::start();
    s.assert_equals_fresh_build("before any edit");

    // Plain pages, links, the glossary, sections.
    {
        let a4 = "content/rutiner/a4.md";
        let more = "Se [målen](mal.md).\n\nRutinen gäller alla förvaltningar i alla zoner.";
        s.replace("a page's text", Updated, a4, "Se [målen](mal.md).", more);
    }
    {
        let a5 = "content/rutiner/a5.md";
        s.replace(
            "a dated page's first paragraph (feed)",
            Updated,
            a5,
            "Se [målen]",
            "Energirutinen: se [målen]",
        );
    }
    {
        let a4 = "content/rutiner/a4.md";
        let to = "Se även [den korta listan](kort.md). Rutinen gäller";
        s.replace("a new link (backlinks)", Updated, a4, "Rutinen gäller", to);
    }
    {
        let a2 = "content/rutiner/a2.md";
        s.replace(
            "a link removed (backlinks)",
            Updated,
            a2,
            " och [den korta listan](kort.md)",
            "",
        );
    }
    {
        let a1 = "content/rutiner/a1.md";
        s.replace(
            "a link between pages of one term removed (related)",
            Updated,
            a1,
            "Se [målen](mal.md) och",
            "Se målen och",
        );
    }
    {
        let a5 = "content/rutiner/a5.md";
        s.replace(
            "a glossary term in a page's text",
            Updated,
            a5,
            "(mal.md).",
            "(mal.md).\n\nEnergin mäts två ggr om året.",
        );
    }
    {
        let section = "content/rutiner/_index.md";
        let to = "Verksamhetens rutiner, först [avfallet](a1.md).";
        s.replace(
            "a section's text links to one of its pages",
            Updated,
            section,
            "Verksamhetens rutiner.",
            to,
        );
    }
    {
        let section = "content/natverk/_index.md";
        s.replace(
            "a section's first paragraph",
            Updated,
            section,
            "för hållbarhet.",
            "för en hållbar kommun.",
        );
    }
    {
        let item = "\n- [Anvisningarna](styrdokument/anvisningar.md): styrgruppens mandat.";
        s.replace(
            "the start page's text",
            Updated,
            "content/_index.md",
            "att läsa.",
            &format!("att läsa.{item}"),
        );
    }
    {
        let page = "content/ordlista.md";
        s.replace(
            "the glossary page's text",
            Updated,
            page,
            "Förkortningar som",
            "Förkortningar och begrepp som",
        );
    }
    s.assert_equals_fresh_build("after ten edits");

    // Governing documents, meetings, action plans, network pages.
    let rules = "content/styrdokument/anvisningar.md";
    s.replace(
        "a governing document's text",
        Updated,
        rules,
        "leder arbetet.",
        "leder och följer upp arbetet.",
    );
    s.replace(
        "an anchor a meeting's agenda links to, removed",
        Failed,
        rules,
        "{#mandat}",
        "{#uppdrag}",
    );
    s.replace("the anchor back", Rebuilt, rules, "{#uppdrag}", "{#mandat}");
    {
        let meeting = "content/moten/nsh-juni.md";
        s.replace(
            "a meeting's text",
            Updated,
            meeting,
            "Välkomna!",
            "Välkomna alla!",
        );
    }
    {
        let meeting = "content/moten/nsh-mars.md";
        s.replace(
            "a meeting's front matter",
            Rebuilt,
            meeting,
            "av året",
            "av hela året",
        );
    }
    {
        let plan = "content/handlingsplaner/tekniska.md";
        s.replace(
            "an action plan's text",
            Updated,
            plan,
            "nämndens plan.",
            "nämndens plan för året.",
        );
    }
    {
        let plan = "content/handlingsplaner/socialnamnden.md";
        let last = "        - \"Förebygga våld i nära relationer.\"";
        let more = format!("{last}\n        - \"Stödja brottsutsatta.\"");
        s.replace("an action plan's activities", Rebuilt, plan, last, &more);
    }
    let network = "content/natverk/social-hallbarhet.md";
    s.replace(
        "a network page's text",
        Updated,
        network,
        "med folkhälsa.",
        "med folkhälsa och trygghet.",
    );
    s.replace(
        "a network page's first paragraph",
        Updated,
        network,
        "fyra gånger",
        "fem gånger",
    );
    s.save(
        "two pages saved at once, one linking the other",
        Updated,
        |site| {
            let to = "hållbarhet, se [klimatnätverket](klimat.md).";
            replace(
                site,
                "content/natverk/ekologisk-hallbarhet.md",
                "hållbarhet.",
                to,
            );
            let klimat = "content/natverk/klimat.md";
            replace(
                site,
                klimat,
                "utan inlagda möten.",
                "som ännu saknar möten.",
            );
        },
    );
    s.replace(
        "the site's only word on z removed (search vocabulary)",
        Updated,
        "content/rutiner/a4.md",
        " i alla zoner",
        "",
    );
    s.assert_equals_fresh_build("after twenty-one edits");

    // Front matter, new, removed and renamed pages, configuration, broken pages.
    s.replace(
        "a page's title",
        Rebuilt,
        "content/rutiner/a3.md",
        "Cykelpolicy",
        "Cykelregler",
    );
    {
        let to = "title: Dokumenthantering\ntema: [Klimat]";
        s.replace(
            "a term added to a page",
            Rebuilt,
            "content/rutiner/a4.md",
            "title: Dokumenthantering",
            to,
        );
    }
    {
        let line = "fokusomrade: [\"7 Jämlikhet och jämställdhet\"]\n";
        s.replace(
            "a focus area removed from a page",
            Rebuilt,
            "content/rutiner/a3.md",
            line,
            "",
        );
    }
    s.save("a new page", Rebuilt, |site| {
        let page = "---\ntitle: Gräsklippning\ndate: 2026-03-01\ntema: [Klimat]\n---\n\n\
                    Se [målen](mal.md) och [avfallet](a1.md).\n";
        save(site, "content/rutiner/a7.md", page);
    });
    s.replace(
        "the new page's first paragraph",
        Updated,
        "content/rutiner/a7.md",
        "Se [målen]",
        "Klipp sällan. Se [målen]",
    );
    s.save("a page removed", Rebuilt, |site| {
        std::fs::remove_file(site.path("content/rutiner/a6.md")).expect("remove a6");
    });
    s.save("a page renamed", Rebuilt, |site| {
        let (from, to) = (
            site.path("content/rutiner/a5.md"),
            site.path("content/rutiner/energi.md"),
        );
        std::fs::rename(from, to).expect("rename a5");
    });
    s.replace(
        "handbok.yaml",
        Rebuilt,
        "handbok.yaml",
        "och korslänkarna.",
        "och länkarna mellan sidor.",
    );
    s.replace(
        "the glossary's data file",
        Rebuilt,
        "ordlista.yaml",
        "definition: Gånger.",
        "definition: Antal gånger.",
    );
    s.replace(
        "a broken link in a page's text",
        Failed,
        "content/rutiner/a2.md",
        "(mal.md)",
        "(finns-inte.md)",
    );
    s.replace(
        "the link fixed",
        Rebuilt,
        "content/rutiner/a2.md",
        "(finns-inte.md)",
        "(mal.md)",
    );
    s.assert_equals_fresh_build("after thirty-two edits");

    {
        let bundle = "content/natverk/karta/index.md";
        s.replace(
            "a bundle page's text",
            Updated,
            bundle,
            "Underlaget finns",
            "Hela underlaget finns",
        );
    }
    {
        let page = "content/styrgrupp/anvisningar.md";
        s.replace(
            "the text of a page with an alias",
            Updated,
            page,
            "att besluta.",
            "att besluta om budgeten.",
        );
    }
    s.save("a static file", Rebuilt, |site| {
        let robots = site.read_string("static/robots.txt");
        save(site, "static/robots.txt", &format!("{robots}# Ändrad.\n"));
    });
    s.replace(
        "a draft",
        Rebuilt,
        "content/natverk/utkast.md",
        "inte klar.",
        "inte klar än.",
    );
    s.replace(
        "broken front matter",
        Failed,
        "content/rutiner/a2.md",
        "title: Bokföring",
        "titel: Bokföring",
    );
    s.replace(
        "the front matter fixed",
        Rebuilt,
        "content/rutiner/a2.md",
        "titel: Bokföring",
        "title: Bokföring",
    );
    s.save("new headings (table of contents)", Updated, |site| {
        let headings =
            "Målen för verksamheten.\n\n## Ett\n\nFörst.\n\n## Två\n\nSedan.\n\n## Tre\n\nSist.";
        replace(
            site,
            "content/rutiner/mal.md",
            "Målen för verksamheten.",
            headings,
        );
    });
    {
        let page = "content/rutiner/kort.md";
        s.replace(
            "a page's text, last",
            Updated,
            page,
            "som två sidor",
            "som flera sidor",
        );
    }
    assert!(s.saves >= 30, "only {} saves", s.saves);
    s.assert_equals_fresh_build("at the end");
}

/// Copies the folder `from` into `to`, which it creates.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from).expect("read a folder") {
        let entry = entry.expect("a folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

#[test]
fn while_a_change_fails_the_served_folder_is_the_last_good_build() {
    let mut s = Session::start();
    {
        let a4 = "content/rutiner/a4.md";
        s.replace(
            "a page's text with a new word",
            Updated,
            a4,
            "Se [målen](mal.md).",
            "Se [målen](mal.md) i alla zoner.",
        );
    }
    // The sources as they are now are the last good site.
    let good = tempfile::tempdir().expect("a temporary folder");
    let good_root = good.path().join("site");
    copy_tree(s.site.root(), &good_root);
    // Broken before the server has written the search index for the edit above.
    s.replace(
        "a broken link",
        Failed,
        "content/rutiner/a2.md",
        "(mal.md)",
        "(finns-inte.md)",
    );
    // The index is written once the sources have been quiet for a moment.
    while s.index_behind && s.line(Duration::from_secs(10)).is_some() {}
    let out = good.path().join("public");
    let out_arg = out.to_string_lossy().into_owned();
    let args = [
        "build",
        "--base-url",
        "/",
        "--today",
        TODAY,
        "--output",
        &out_arg,
    ];
    run_in(&good_root, &args).expect_no_panic().expect_success();
    let served = s.server.folder(&std::env::temp_dir()).join("public");
    if let Some(report) = differences(&snapshot(&served), &snapshot(&out)) {
        panic!("while the site is broken, the served folder is not the last good build\n{report}");
    }
}

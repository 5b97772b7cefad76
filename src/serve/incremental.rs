//! Incremental rebuilds while serving: when only the text of pages changed (their front
//! matter is the same), re-render just what depends on them: the pages themselves, the
//! pages whose backlinks or related pages change, their sections' listings and the feed
//! and term pages when a summary (first paragraph) changes, and the print pages that show
//! any of these. What is written equals what a full build writes for the same sources;
//! the search index follows when the editor pauses (`refresh_index` in `serve`). Anything
//! else (front matter, new or removed files, templates, config, data files, a page of an
//! implicit section, a new summary where templates show summaries) needs a full build.

use std::path::{Path, PathBuf};

use crate::content::{load_one, Loaded, Source, CONTENT_DIR};
use crate::error::io_diagnostic;
use crate::error::{Diagnostic, IoAction};
use crate::markdown::Rendered;
use crate::output::{DirectSink, Sink};
use crate::render::{render_some, Anchors};
use crate::site::{check_anchors_near, Route, Site};
use crate::Built;
use std::sync::{Mutex, PoisonError};

/// What an incremental update did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Re-rendered this many pages.
    Updated(usize),
    /// The change needs a full build.
    NeedsFull,
}

/// Applies changed files to `built` and re-renders into `output`. Errors leave the served
/// files and `built` as they were (nothing of the update is written or kept).
pub fn update(
    built: &mut Built,
    output: &Path,
    changed: &[PathBuf],
) -> Result<Outcome, Vec<Diagnostic>> {
    let Some(changes) = render_changes(built, changed)? else {
        return Ok(Outcome::NeedsFull);
    };
    let mut undo = Undo::default();
    let (to_render, others) = apply_changes(built, changes, &mut undo);
    // Everything is rendered and checked before anything is written: a page whose change
    // breaks another page's anchor is not served half-updated.
    let sink = Pending::default();
    let (new_ids, mut diagnostics) = render_some(
        &built.site,
        &built.texts,
        &built.derived,
        &built.templates,
        &sink,
        &to_render,
        &others,
    );
    for (id, set) in new_ids {
        let old = std::mem::replace(&mut built.ids[id], set);
        undo.ids.push((id, old));
    }
    diagnostics.extend(check_anchors_near(
        &built.site,
        &built.derived,
        &built.ids,
        &to_render,
    ));
    if diagnostics.iter().any(Diagnostic::is_error) {
        undo.apply(built);
        return Err(diagnostics);
    }
    // Their search fragments are out of date until the index is written again (noted
    // before the files are written: a failed write leaves the model changed).
    built.index_stale.extend(&to_render);
    built.index_stale.sort_unstable();
    built.index_stale.dedup();
    let served = DirectSink {
        dir: output.to_path_buf(),
    };
    for (path, bytes) in sink
        .files
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
    {
        served.write(&path, &bytes).map_err(|d| vec![d])?;
    }
    Ok(Outcome::Updated(to_render.len() + others.len()))
}

/// A changed entry, loaded and rendered, not yet in the model.
struct Change {
    id: usize,
    source: Source,
    text: String,
    body: Rendered,
    /// Whether its summary (first paragraph) is new.
    summary_changed: bool,
}

/// Loads and renders the changed files; `None` when they need a full build. Nothing of the
/// model changes: a change of front matter anywhere means a full build, and an error in any
/// changed file leaves the model and the served files as they were, all of them.
fn render_changes(
    built: &mut Built,
    changed: &[PathBuf],
) -> Result<Option<Vec<Change>>, Vec<Diagnostic>> {
    let Some(ids) = changed_entries(&built.site, changed) else {
        return Ok(None);
    };
    let mut changes = Vec::new();
    for id in ids {
        let e = &built.site.entries[id];
        // An implicit section stands for a folder without `_index.md`: one appearing is a
        // new file.
        if e.source.implicit {
            return Ok(None);
        }
        let Loaded { source, text } = load_one(&built.site.config, &e.source.rel, e.source.kind)?;
        if source.front != e.source.front {
            return Ok(None);
        }
        let old = std::mem::replace(&mut built.site.entries[id].source, source);
        let path = built.site.entries[id].path.clone();
        let mut body = built.site.render_entry(id, &text, &path);
        // Kept until the next edit: without the room the string grew into.
        body.html.shrink_to_fit();
        let source = std::mem::replace(&mut built.site.entries[id].source, old);
        let summary_changed = built.derived.bodies[id].summary != body.summary;
        changes.push(Change {
            id,
            source,
            text,
            body,
            summary_changed,
        });
    }
    let errors: Vec<Diagnostic> = changes
        .iter()
        .flat_map(|c| c.body.diagnostics.iter().filter(|d| d.is_error()).cloned())
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    // Templates that show summaries show them on many pages (neighbours, ancestors,
    // backlinks, related pages): a new summary there needs a full build.
    if built.templates.uses_summaries && changes.iter().any(|c| c.summary_changed) {
        return Ok(None);
    }
    Ok(Some(changes))
}

/// Puts the changes into the model (noting in `undo` what they replaced) and returns what
/// must be rendered again: entries, and other files of the route table.
fn apply_changes(
    built: &mut Built,
    changes: Vec<Change>,
    undo: &mut Undo,
) -> (Vec<usize>, Vec<Route>) {
    let mut to_render: Vec<usize> = Vec::new();
    let mut others: Vec<Route> = Vec::new();
    for c in changes {
        let old_source = std::mem::replace(&mut built.site.entries[c.id].source, c.source);
        let old_text = built.texts.replace(c.id, c.text);
        let rel = built.site.entries[c.id].source.rel.clone();
        built.site.history.changed_locally(&rel);
        let (relinked, old_body) = built.derived.replace_body(&built.site, c.id, c.body);
        undo.entries.push(Replaced {
            id: c.id,
            source: old_source,
            text: old_text,
            body: old_body,
        });
        to_render.push(c.id);
        // Their backlinks, and maybe their related pages, changed.
        to_render.extend(relinked);
        // Listings and the feed show an entry's title, description and summary: only a new
        // summary (the first paragraph) changes them.
        if c.summary_changed {
            to_render.extend(built.site.entries[c.id].parent);
            others.push(Route::Feed);
            others.extend(term_pages(&built.site, c.id));
        }
    }
    to_render.sort_unstable();
    to_render.dedup();
    // The print pages that show a re-rendered entry: its own (a section's) and its
    // ancestors'.
    for id in &to_render {
        others.extend(print_pages(&built.site, *id));
    }
    others.sort_unstable();
    others.dedup();
    (to_render, others)
}

/// The entries of the changed files, if every one is the Markdown file of an entry of the
/// model (a new, removed or other file needs a full build).
fn changed_entries(site: &Site, changed: &[PathBuf]) -> Option<Vec<usize>> {
    let content = site.config.root.join(CONTENT_DIR);
    let content = content.canonicalize().unwrap_or(content);
    let mut ids = Vec::new();
    for path in changed {
        let id = site.by_source.get(&relative(&content, path)?).copied()?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Some(ids)
}

/// The term pages that list entry `id`.
fn term_pages(site: &Site, id: usize) -> Vec<Route> {
    let mut out = Vec::new();
    for (ti, t) in site.taxonomies.iter().enumerate() {
        for (i, term) in t.terms.iter().enumerate() {
            if term.entries.contains(&id) {
                out.push(Route::Term(ti, i));
            }
        }
    }
    out
}

/// The print pages that show entry `id`: its own (a section's) and its ancestors'.
fn print_pages(site: &Site, id: usize) -> impl Iterator<Item = Route> + '_ {
    site.ancestors(id)
        .into_iter()
        .chain(std::iter::once(id))
        .filter(|s| site.print_path(*s).is_some())
        .map(Route::Print)
}

/// What an update changed in the model, to put back when it fails.
#[derive(Default)]
struct Undo {
    /// Each changed entry's previous source, text and rendered body, in the order applied.
    entries: Vec<Replaced>,
    /// The previous anchors of each re-rendered entry.
    ids: Vec<(usize, Anchors)>,
}

impl Undo {
    /// Puts the model back as it was before the update, last change first (putting an old
    /// body back restores the backlinks and related pages it changed).
    fn apply(self, built: &mut Built) {
        for (id, anchors) in self.ids {
            built.ids[id] = anchors;
        }
        for r in self.entries.into_iter().rev() {
            built.site.entries[r.id].source = r.source;
            built.texts.replace(r.id, r.text);
            built.derived.replace_body(&built.site, r.id, r.body);
        }
    }
}

/// What a change replaced in entry `id`.
struct Replaced {
    id: usize,
    source: Source,
    text: String,
    body: Rendered,
}

/// Holds the files of an update until the whole update is known to be good.
#[derive(Default)]
struct Pending {
    files: Mutex<Vec<(String, Vec<u8>)>>,
}

impl Sink for Pending {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path.to_string(), bytes.to_vec()));
        Ok(())
    }

    fn copy(&self, from: &Path, path: &str) -> Result<(), Diagnostic> {
        let bytes = std::fs::read(from).map_err(|e| io_diagnostic(IoAction::Read, from, &e))?;
        self.write(path, &bytes)
    }
}

/// `content/a/b.md` → `a/b.md` for a changed Markdown file inside `content`.
fn relative(content: &Path, path: &Path) -> Option<String> {
    if path.extension().and_then(|e| e.to_str()) != Some("md") || !path.is_file() {
        return None;
    }
    let real = path.canonicalize().ok()?;
    let rel = real.strip_prefix(content).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use super::super::{apply, refresh_index, Log, Shared};
    use crate::BuildOptions;

    /// Copies the fixture site `name` into `to`.
    fn copy_fixture(name: &str, to: &Path) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        for entry in walkdir::WalkDir::new(&from).into_iter().flatten() {
            let rel = entry.path().strip_prefix(&from).unwrap_or(entry.path());
            let target = to.join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    /// Every published file below `dir` (not the build's hidden bookkeeping), with its bytes.
    fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .ok()?
                    .to_string_lossy()
                    .into_owned();
                (!rel.starts_with('.')).then(|| (rel, std::fs::read(e.path()).unwrap()))
            })
            .collect()
    }

    fn edit(root: &Path, rel: &str, from: &str, to: &str) -> std::path::PathBuf {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} lacks {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        path
    }

    /// A fixture site served in a temporary folder, built once, with what the server said.
    struct Served {
        temp: tempfile::TempDir,
        root: PathBuf,
        served: PathBuf,
        build: BuildOptions,
        shared: Shared,
        lines: Arc<std::sync::Mutex<Vec<String>>>,
        log: Log,
        built: Option<crate::Built>,
    }

    impl Served {
        /// Copies the fixture `name`, lets `prepare` change it, and builds it for serving.
        fn start(name: &str, lang: crate::i18n::Lang, prepare: impl FnOnce(&Path)) -> Served {
            let temp = tempfile::tempdir().unwrap();
            let root = temp.path().join("site");
            copy_fixture(name, &root);
            prepare(&root);
            let served = temp.path().join("served");
            let mut build = BuildOptions::new(&root);
            build.output = Some(served.clone());
            let shared = Shared::new(served.clone(), lang);
            let lines = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
            let kept = lines.clone();
            let log: Log = Arc::new(move |line| kept.lock().unwrap().push(line.to_string()));
            let built = super::super::rebuild(&build, &shared, &log);
            assert!(built.is_some());
            Served {
                temp,
                root,
                served,
                build,
                shared,
                lines,
                log,
                built,
            }
        }

        /// Applies changed files as the watcher would; true when the index is now behind.
        fn apply(&mut self, changed: &[PathBuf], index_behind: bool) -> bool {
            apply(
                &self.build,
                &self.shared,
                &self.log,
                &mut self.built,
                changed,
                index_behind,
            )
        }

        fn said(&self) -> Vec<String> {
            self.lines.lock().unwrap().clone()
        }

        /// The published files of a fresh `handbok build` of the site as it is now.
        fn fresh(&self) -> BTreeMap<String, Vec<u8>> {
            let fresh = self.temp.path().join("fresh");
            let mut again = BuildOptions::new(&self.root);
            again.output = Some(fresh.clone());
            crate::build(&again).unwrap();
            tree(&fresh)
        }
    }

    /// What serve says in the terminal is in its language: the lines of a rebuild and of an
    /// update in Swedish, none in English.
    #[test]
    fn the_terminal_lines_are_in_the_serve_language() {
        let mut s = Served::start("basic", crate::i18n::Lang::Sv, |_| {});
        let page = edit(
            &s.root,
            "content/natverk/ekologi.md",
            "Nätverket för",
            "Numera nätverket för",
        );
        s.apply(&[page], false);
        refresh_index(&mut s.built, &s.shared, &s.log);
        let lines = s.said();
        for start in ["byggde om ", "uppdaterade ", "sökindexet uppdaterades på "] {
            assert!(
                lines.iter().any(|l| l.starts_with(start)),
                "{start:?}: {lines:?}"
            );
        }
        for english in ["rebuilt ", "updated ", "search index "] {
            assert!(!lines.iter().any(|l| l.starts_with(english)), "{lines:?}");
        }
    }

    /// Serves the fixture site `name` in a temporary folder, lets `edits` change it through
    /// `apply` as the watcher would, then builds it fresh and compares the two folders.
    fn served_equals_fresh(
        name: &str,
        edits: impl FnOnce(&Path, &mut dyn FnMut(&[PathBuf]) -> bool),
    ) {
        let mut s = Served::start(name, crate::i18n::Lang::En, |_| {});
        let root = s.root.clone();
        edits(&root, &mut |changed| s.apply(changed, false));
        refresh_index(&mut s.built, &s.shared, &s.log);
        let (served, fresh) = (tree(&s.served), s.fresh());
        assert_eq!(
            served.keys().collect::<Vec<_>>(),
            fresh.keys().collect::<Vec<_>>()
        );
        for (file, bytes) in &fresh {
            assert!(served[file] == *bytes, "{file} differs from a fresh build");
        }
    }

    #[test]
    fn the_served_folder_after_edits_equals_a_fresh_build() {
        served_equals_fresh("basic", |root, apply| {
            let ekologi = "content/natverk/ekologi.md";
            let social = "content/natverk/social-hållbarhet.md";
            // 1. A new first paragraph (the summary: listings, the feed) with a new link
            //    (backlinks).
            let b = edit(
                root,
                social,
                "\n\n",
                "\n\nNy inledning, se [ordlistan](../ordlista.md).\n\n",
            );
            assert!(apply(&[b]));
            // 2. Two files saved at once, one with a broken link: nothing is applied...
            let a = edit(root, ekologi, "Nätverket för", "Numera nätverket för");
            let b = edit(root, social, "Ny inledning", "Trasig [länk](finns-inte.md)");
            assert!(!apply(&[a, b]));
            // ...and fixing the broken one alone brings both in.
            let b = edit(
                root,
                social,
                "Trasig [länk](finns-inte.md)",
                "Ändrad inledning",
            );
            apply(&[b]);
        });
    }

    /// Serves the fixture `basic` with a site template of its own (the theme's page
    /// template).
    fn serve_with_template() -> Served {
        Served::start("basic", crate::i18n::Lang::En, |root| {
            let page = crate::templates::default_theme_file("templates/page.html").unwrap();
            std::fs::create_dir_all(root.join("templates")).unwrap();
            std::fs::write(root.join("templates/page.html"), page).unwrap();
        })
    }

    /// An edit of a site template renders the kept model again (a page's incremental edit
    /// before it included): no page is read again, and the served folder equals a fresh
    /// build, the search index with it.
    #[test]
    fn a_template_edit_renders_the_kept_model_again() {
        let mut s = serve_with_template();
        let ekologi = "content/natverk/ekologi.md";
        let page = edit(&s.root, ekologi, "Nätverket för", "Numera nätverket för");
        assert!(s.apply(&[page], false));
        let template = edit(
            &s.root,
            "templates/page.html",
            "<div class=\"content\">",
            "<div class=\"content\" data-edited=\"1\">",
        );
        // The search index is written with the pages: it is not behind afterwards.
        assert!(!s.apply(&[template], true));
        let said = s.said();
        let again = "again with the changed templates";
        assert!(
            said.iter()
                .any(|l| l.starts_with("rendered ") && l.contains(again)),
            "{said:?}"
        );
        let rebuilt = said.iter().filter(|l| l.starts_with("rebuilt ")).count();
        assert_eq!(rebuilt, 1, "{said:?}");
        let shown = s.served.join("natverk/ekologisk-hallbarhet/index.html");
        let html = std::fs::read_to_string(&shown).unwrap();
        assert!(html.contains("data-edited=\"1\"") && html.contains("Numera nätverket för"));
        assert!(
            tree(&s.served) == s.fresh(),
            "the served folder differs from a fresh build"
        );
        // A later page edit renders with the new template.
        let page = edit(&s.root, ekologi, "Numera", "Nu");
        assert!(s.apply(&[page], false));
        let html = std::fs::read_to_string(&shown).unwrap();
        assert!(html.contains("data-edited=\"1\"") && html.contains("Nu nätverket för"));
    }

    /// A template edit that breaks the template leaves every served file as it was, says
    /// that the build failed, and gives up the model: the next change builds in full (and
    /// says again what is wrong), never a page rendered with the old template.
    #[test]
    fn a_broken_template_leaves_the_served_site_as_it_was() {
        let mut s = serve_with_template();
        let before = tree(&s.served);
        let broken = "{% endblock main %}{% if %}";
        let template = edit(
            &s.root,
            "templates/page.html",
            "{% endblock main %}",
            broken,
        );
        s.apply(&[template], false);
        assert!(
            s.built.is_none(),
            "the model was kept after a failed template"
        );
        assert!(tree(&s.served) == before, "a served file changed");
        let said = s.said();
        assert!(
            said.iter().any(|l| l.starts_with("the build failed")),
            "{said:?}"
        );
        let ekologi = "content/natverk/ekologi.md";
        let page = edit(&s.root, ekologi, "Nätverket för", "Numera nätverket för");
        s.apply(&[page], false);
        assert!(s.built.is_none() && tree(&s.served) == before);
    }

    /// A change that comes while the search index is rewritten stops the rewrite: the
    /// served index is then the earlier one, whole (never half old, half new), and is
    /// written when the sources are quiet again.
    #[test]
    fn a_change_during_the_index_rewrite_leaves_the_index_whole() {
        use super::super::{refresh_while_quiet, watch::Message, write_index, Quiet};
        let mut s = Served::start("basic", crate::i18n::Lang::En, |_| {});
        let ekologi = "content/natverk/ekologi.md";
        let page = edit(&s.root, ekologi, "Nätverket för", "Numera nätverket för");
        assert!(s.apply(&[page], false));
        let index = s.served.join("sok");
        let before = tree(&index);
        let stale = s.built.as_ref().unwrap().index_stale.clone();
        assert!(!stale.is_empty());
        // A rewrite told to stop writes nothing.
        let stop = std::sync::atomic::AtomicBool::new(true);
        let ended = write_index(s.built.as_ref().unwrap(), &s.shared, &s.log, Some(&stop));
        assert_eq!(ended, None);
        assert!(tree(&index) == before, "a stopped rewrite wrote files");
        // A change waiting when the rewrite starts is handed back at once.
        let (tx, rx) = std::sync::mpsc::channel();
        let mut deferred = Vec::new();
        tx.send(Message::Stop).unwrap();
        let quiet =
            refresh_while_quiet(&mut s.built, &s.shared, &s.log, &s.root, &rx, &mut deferred);
        let Quiet::Interrupted {
            written,
            message: Message::Stop,
        } = quiet
        else {
            panic!("the change was not handed back");
        };
        let whole: BTreeMap<String, Vec<u8>> = s
            .fresh()
            .into_iter()
            .filter(|(f, _)| f.starts_with("sok/"))
            .map(|(f, bytes)| (f["sok/".len()..].to_string(), bytes))
            .collect();
        assert_ne!(before, whole, "the edit does not change the index");
        let now = tree(&index);
        let left = &s.built.as_ref().unwrap().index_stale;
        if written {
            assert!(now == whole && left.is_empty());
        } else {
            assert!(now == before, "the index is half old, half new");
            assert_eq!(*left, stale);
        }
        // An event that calls for no build (a page opened by some program) does not stop
        // the rewrite: it is kept for later, and the index is written, as a fresh build's,
        // though only the changed entries' fragments were made again.
        use notify::event::{AccessKind, AccessMode, EventKind};
        let opened = notify::Event::new(EventKind::Access(AccessKind::Open(AccessMode::Any)))
            .add_path(s.root.join(ekologi));
        tx.send(Message::Event(Ok(opened))).unwrap();
        let quiet =
            refresh_while_quiet(&mut s.built, &s.shared, &s.log, &s.root, &rx, &mut deferred);
        assert!(matches!(quiet, Quiet::Done));
        assert_eq!(deferred.len(), 1);
        assert!(tree(&index) == whole);
        assert!(s.built.as_ref().unwrap().index_stale.is_empty());
    }

    #[test]
    fn a_sections_own_text_reaches_its_print_page() {
        served_equals_fresh("basic", |root, apply| {
            let section = "content/natverk/_index.md";
            assert!(apply(&[edit(
                root,
                section,
                "\n\n",
                "\n\nEn ny mening först.\n\n"
            )]));
        });
    }

    #[test]
    fn an_update_that_breaks_another_pages_anchor_writes_nothing() {
        served_equals_fresh("basic", |root, apply| {
            let served = root.parent().unwrap().join("served");
            let before = tree(&served);
            // ekologi.md links to #uppdraget on this page.
            let social = "content/natverk/social-hållbarhet.md";
            let a = edit(root, social, "## Mandat {#uppdraget}", "## Mandat");
            assert!(!apply(&[a]));
            assert!(
                tree(&served) == before,
                "a failed update changed the served files"
            );
            let a = edit(root, social, "## Mandat", "## Mandat {#uppdraget}");
            apply(&[a]);
        });
    }

    #[test]
    fn a_new_summary_reaches_every_page_whose_template_shows_it() {
        // A site template that shows the next page's summary: the previous page changes too.
        served_equals_fresh("basic", |root, apply| {
            std::fs::create_dir_all(root.join("templates")).unwrap();
            std::fs::write(
                root.join("templates/page.html"),
                "{% extends \"theme/page.html\" %}{% block main %}{{ super() }}\
                 {% if page.next %}<p>{{ page.next.summary | safe }}</p>{% endif %}{% endblock main %}",
            )
            .unwrap();
            apply(&[root.join("templates/page.html")]);
            let social = "content/natverk/social-hållbarhet.md";
            apply(&[edit(root, social, "\n\n", "\n\nEn ny första mening.\n\n")]);
        });
    }

    #[test]
    fn a_meetings_agenda_links_survive_an_edit_of_its_text() {
        // The agenda (front matter) links to two pages: their backlinks must stay when the
        // meeting's text alone is edited and re-rendered.
        served_equals_fresh("governance", |root, apply| {
            let meeting = "content/moten/nsh-juni.md";
            assert!(apply(&[edit(root, meeting, "Välkomna!", "Välkomna alla!")]));
        });
    }

    #[test]
    fn a_print_page_that_shows_backlinks_follows_a_new_link() {
        // A site template that prints the backlinks inside the content (the part of a page
        // that print pages take): a new link changes another section's print page.
        served_equals_fresh("basic", |root, apply| {
            std::fs::create_dir_all(root.join("templates")).unwrap();
            std::fs::write(
                root.join("templates/page.html"),
                "{% extends \"theme/page.html\" %}{% block content %}{{ super() }}\
                 <p>{% for b in page.backlinks %}{{ b.title }} {% endfor %}</p>{% endblock content %}",
            )
            .unwrap();
            apply(&[root.join("templates/page.html")]);
            let ekologi = "content/natverk/ekologi.md";
            let link = "Se [anvisningarna](../styrgrupp/anvisningar.md).\n\nNätverket för";
            assert!(apply(&[edit(root, ekologi, "Nätverket för", link)]));
        });
    }

    #[test]
    fn a_failed_update_leaves_the_model_as_it_was() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("site");
        copy_fixture("basic", &root);
        let mut build = BuildOptions::new(&root);
        build.output = Some(temp.path().join("served"));
        let (_, mut built) = crate::build_keeping(&build).unwrap();
        let before = (
            built.derived.backlinks.clone(),
            built.derived.related.clone(),
            built.ids.clone(),
        );
        let bodies: Vec<String> = built
            .derived
            .bodies
            .iter()
            .map(|b| b.html.clone())
            .collect();
        // A new link (backlinks and related pages change) and a removed anchor that
        // ekologi.md links to: the update fails after the graph was changed.
        let social = "content/natverk/social-hållbarhet.md";
        let text = "Se [ordlistan](../ordlista.md).\n\n## Mandat";
        let changed = edit(&root, social, "## Mandat {#uppdraget}", text);
        let served = temp.path().join("served");
        assert!(super::update(&mut built, &served, &[changed]).is_err());
        let after = (
            built.derived.backlinks.clone(),
            built.derived.related.clone(),
            built.ids.clone(),
        );
        assert!(before == after, "the link graph or the anchors changed");
        let now: Vec<String> = built
            .derived
            .bodies
            .iter()
            .map(|b| b.html.clone())
            .collect();
        assert!(bodies == now, "a rendered body changed");
        let id = built.site.by_source["natverk/social-hållbarhet.md"];
        assert!(built.texts.get(id).contains("{#uppdraget}"));
    }
}

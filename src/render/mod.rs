//! Stage 4c: render the site with templates and hand every file to a [`Sink`].
//! Pure over `&Site`, parallel across pages; each page is written as soon as it is
//! rendered, so rendered pages are never all held in memory at once.

use std::collections::HashSet;

use rayon::prelude::*;

mod calendar;
mod chrome;
mod print;

use crate::error::{did_you_mean, Diagnostic};
use crate::messages as msg;
use crate::output::{feed, sitemap, table, Sink};
use crate::site::{
    check_links_into, html_ids, paths, Contents, Derived, Route, Routes, Site, Texts,
    SEARCH_FOLDERS, SEARCH_PATH,
};
use crate::templates::views::{self, Context, SiteView};
use crate::templates::{governance_views, history_views, site_pages};
use crate::templates::{FileSource, Templates};

/// The ids of a rendered page (`None` when it failed to render).
pub type Anchors = Option<crate::site::Ids>;

/// Renders only `entries` (their pages) and the files of `others` (term pages, print
/// pages, the feed). For incremental rebuilds; `ids` holds the new anchors of each
/// rendered entry.
pub fn render_some(
    site: &Site,
    texts: &Texts,
    derived: &Derived,
    templates: &Templates,
    sink: &dyn Sink,
    entries: &[usize],
    others: &[Route],
) -> (Vec<(usize, Anchors)>, Vec<Diagnostic>) {
    let site_view = SiteView::new(site, derived);
    let sink = Owned {
        routes: &site.routes,
        sink,
    };
    // Pages are rendered again after later edits: their bodies are read in place.
    let contents = Contents::Kept(derived);
    let base = Base::new(
        site, texts, derived, &contents, templates, &sink, &site_view,
    );
    let mut diagnostics = Vec::new();
    let ids: Vec<(usize, Anchors)> = entries
        .par_iter()
        .map(|id| {
            let (ids, d) = base.entry(*id);
            (*id, ids, d)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(id, ids, d)| {
            diagnostics.extend(d);
            (id, ids)
        })
        .collect();
    let results: Vec<Result<(), Diagnostic>> = others
        .par_iter()
        .filter_map(|route| Some((site.routes.file_of(*route)?, *route)))
        .map(|(path, route)| base.file(path, route))
        .collect();
    diagnostics.extend(results.into_iter().filter_map(Result::err));
    (ids, diagnostics)
}

/// Builds the search index and hands its files to the sink; returns problems and the
/// number of files. The index's numbered files of an earlier index that this one does not
/// have (a letter no word starts with any more, fewer postings files) are removed from a
/// sink that writes over an earlier output (`handbok serve` rewriting its index).
pub fn write_search_index(
    site: &Site,
    contents: &Contents,
    sink: &dyn Sink,
) -> (Vec<Diagnostic>, usize) {
    write_search_index_with(site, contents, sink, &crate::search::Refresh::default())
        .unwrap_or_default()
}

/// [`write_search_index`] as `refresh` says. When it can be stopped, the files are held
/// until the whole index is made and handed to the sink only then: a stopped rewrite
/// (`None`) leaves the earlier index whole, never half old and half new.
pub fn write_search_index_with(
    site: &Site,
    contents: &Contents,
    sink: &dyn Sink,
    refresh: &crate::search::Refresh,
) -> Option<(Vec<Diagnostic>, usize)> {
    let problems = std::sync::Mutex::new(Vec::new());
    let written = std::sync::Mutex::new(HashSet::new());
    let held = std::sync::Mutex::new(Vec::new());
    let sink = Owned {
        routes: &site.routes,
        sink,
    };
    let note = |d: Diagnostic| {
        problems
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(d);
    };
    let write = |path: String, bytes: &[u8]| {
        if let Err(d) = sink.write(&path, bytes) {
            note(d);
        }
        written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path);
    };
    let finished = crate::search::build_with(
        site,
        contents,
        &|path, bytes| {
            if refresh.stop.is_some() {
                held.lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push((path, bytes));
            } else {
                write(path, &bytes);
            }
        },
        refresh,
    );
    if !finished {
        return None;
    }
    let held = held
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for (path, bytes) in held {
        write(path, &bytes);
    }
    let written = written
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let files = written.len();
    let mut keep = written;
    if refresh.changed.is_some() {
        // Fragment files that were not made again (their entries did not change) stay.
        let fragments = site
            .entries
            .len()
            .div_ceil(crate::search::FRAGMENTS_PER_FILE);
        keep.extend((0..fragments).map(crate::search::fragment_path));
    }
    for folder in SEARCH_FOLDERS {
        if let Err(d) = sink.remove_stale(&format!("{SEARCH_PATH}{folder}"), &keep) {
            note(d);
        }
    }
    let mut problems = problems
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    problems.sort_by(|a, b| a.message.cmp(&b.message));
    Some((problems, files))
}

/// What rendering produced besides the files.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The `id` attributes of each entry's final HTML, by entry index; `None` where
    /// rendering failed (its error is reported; its anchors are not checked).
    pub ids: Vec<Anchors>,
    pub diagnostics: Vec<Diagnostic>,
    /// Number of files handed to the sink.
    pub files: usize,
}

/// Writes every file of the route table but the search index: pages, sections,
/// generated pages, aliases, the 404 page, sitemap, feed, CSV, calendars, static files
/// and content assets. Every entry's page's ids are collected when `anchored` is `None`
/// (for later updates); with the links that point into each entry with an anchor
/// ([`crate::site::anchored_links`]), those links are checked as each page is written and
/// no ids are kept (each entry gets an empty set). `texts` are the Markdown texts that print
/// pages render again at their own path; `contents` the bodies' HTML.
pub fn render_site(
    site: &Site,
    texts: &Texts,
    derived: &Derived,
    contents: &Contents,
    templates: &Templates,
    sink: &dyn Sink,
    anchored: Option<&[Vec<(usize, usize)>]>,
) -> Rendered {
    let site_view = SiteView::new(site, derived);
    let sink = Owned {
        routes: &site.routes,
        sink,
    };
    let mut base = Base::new(site, texts, derived, contents, templates, &sink, &site_view);
    base.anchored = anchored;
    let entries: Vec<(Anchors, Vec<Diagnostic>)> = (0..site.entries.len())
        .into_par_iter()
        .map(|id| base.entry(id))
        .collect();
    let mut out = Rendered {
        files: entries.len(),
        ..Default::default()
    };
    for (ids, d) in entries {
        out.ids.push(ids);
        out.diagnostics.extend(d);
    }
    let others: Vec<Result<(), Diagnostic>> = site
        .routes
        .files()
        .par_iter()
        .filter(|(_, route)| !matches!(route, Route::Entry(_) | Route::SearchIndex | Route::Marker))
        .map(|(path, route)| base.file(path, *route))
        .collect();
    out.files += others.len();
    out.diagnostics
        .extend(others.into_iter().filter_map(Result::err));
    out
}

/// A sink that takes only the files of the route table: whatever the templates or the
/// search index produce, the build writes nothing it did not claim.
struct Owned<'a> {
    routes: &'a Routes,
    sink: &'a dyn Sink,
}

impl Owned<'_> {
    fn check(&self, path: &str) -> Result<(), Diagnostic> {
        if self.routes.owns(path) {
            Ok(())
        } else {
            Err(
                Diagnostic::error(crate::text!(msg::NOT_IN_ROUTE_TABLE, path))
                    .with_hint(&msg::HINT_BUG),
            )
        }
    }
}

impl Sink for Owned<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.check(path)?;
        self.sink.write(path, bytes)
    }

    fn copy(&self, from: &std::path::Path, path: &str) -> Result<(), Diagnostic> {
        self.check(path)?;
        self.sink.copy(from, path)
    }

    fn remove_stale(&self, folder: &str, keep: &HashSet<String>) -> Result<(), Diagnostic> {
        self.check(folder)?;
        self.sink.remove_stale(folder, keep)
    }
}

/// The template an entry is rendered with: its `template:`, else by kind.
fn template_name(site: &Site, id: usize) -> &str {
    let e = &site.entries[id];
    match (&e.source.front.template, e.is_section()) {
        (Some(t), _) => t.as_str(),
        (None, true) if id == site.root => "index.html",
        (None, true) => "section.html",
        (None, false) => "page.html",
    }
}

thread_local! {
    /// Per rendering thread: a Tera context holding the variables every page shares.
    static SHARED: std::cell::RefCell<Option<(usize, tera::Context)>> = const { std::cell::RefCell::new(None) };
}

/// A new number for every rendering pass, so that thread-local contexts of an earlier pass
/// are never reused.
static GENERATION: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);

fn next_generation() -> usize {
    GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

struct Base<'a> {
    generation: usize,
    /// The links to check into each entry as its page is written, keeping no ids (`None`:
    /// collect every page's ids instead).
    anchored: Option<&'a [Vec<(usize, usize)>]>,
    nav_strings: views::NavStrings,
    nav_cache: views::NavCache,
    site: &'a Site,
    texts: &'a Texts,
    derived: &'a Derived,
    contents: &'a Contents<'a>,
    templates: &'a Templates,
    sink: &'a dyn Sink,
    site_view: &'a SiteView<'a>,
    chrome: chrome::Chrome<'a>,
}

/// A borrowed shared context (see [`Base::shared_context`]).
struct SharedContext(tera::Context);

impl std::ops::Deref for SharedContext {
    type Target = tera::Context;
    fn deref(&self) -> &tera::Context {
        &self.0
    }
}

impl std::ops::DerefMut for SharedContext {
    fn deref_mut(&mut self) -> &mut tera::Context {
        &mut self.0
    }
}

impl Drop for SharedContext {
    fn drop(&mut self) {
        let ctx = std::mem::take(&mut self.0);
        SHARED.with(|s| {
            if let Some((_, slot)) = s.borrow_mut().as_mut() {
                *slot = ctx;
            }
        });
    }
}

impl<'a> Base<'a> {
    fn new(
        site: &'a Site,
        texts: &'a Texts,
        derived: &'a Derived,
        contents: &'a Contents<'a>,
        templates: &'a Templates,
        sink: &'a dyn Sink,
        site_view: &'a SiteView<'a>,
    ) -> Self {
        Base {
            generation: next_generation(),
            anchored: None,
            nav_strings: views::NavStrings::new(&templates.strings)
                .with_matrix(site, &templates.strings),
            nav_cache: views::NavCache::new(site.entries.len()),
            site,
            texts,
            derived,
            contents,
            templates,
            sink,
            site_view,
            chrome: chrome::Chrome::new(templates, site_view),
        }
    }

    /// This thread's context with `site`, `t` and `today` for this rendering pass.
    fn shared_context(&self) -> SharedContext {
        let key = self.generation;
        let taken = SHARED.with(|s| {
            let mut s = s.borrow_mut();
            match s.as_mut() {
                Some((k, ctx)) if *k == key => Some(std::mem::take(ctx)),
                _ => None,
            }
        });
        let ctx = taken.unwrap_or_else(|| {
            let mut ctx = tera::Context::new();
            ctx.insert("site", self.site_view);
            ctx.insert(
                "t",
                self.templates
                    .strings
                    .as_object()
                    .unwrap_or(&serde_json::Map::new()),
            );
            ctx.insert("today", &self.site.config.today.to_string());
            SHARED.with(|s| *s.borrow_mut() = Some((key, tera::Context::new())));
            ctx
        });
        SharedContext(ctx)
    }

    fn context(&self, path: &'a str) -> Context<'a> {
        Context::new(
            self.site_view,
            paths::root_prefix(path),
            path,
            &self.templates.strings,
            self.site.config.today.to_string(),
        )
    }

    /// Writes entry `id`'s page: the page's ids (`None` when it was not rendered) and what
    /// went wrong, with the anchors of the links into it (see [`Base::anchored`]).
    fn entry(&self, id: usize) -> (Anchors, Vec<Diagnostic>) {
        let e = &self.site.entries[id];
        let file = e.source.display_path();
        let name = template_name(self.site, id);
        if !self.templates.has(name) {
            let line = e.source.front.lines.get("template").unwrap_or(1);
            let mut d = Diagnostic::error(crate::text!(msg::TEMPLATE_MISSING, name))
                .in_file(&file)
                .at_line(line);
            d = match did_you_mean(name, self.templates.names()) {
                Some(s) => d.with_hint(crate::text!(msg::HINT_DID_YOU_MEAN_TEMPLATE, s)),
                None => d.with_hint(&msg::HINT_TEMPLATE_MISSING),
            };
            return (None, vec![d]);
        }
        let html = self.contents.read(id);
        let view = self.entry_view(id, &paths::root_prefix(&e.path), &html);
        let rendered = self.render_entry_template(id, &view, &e.path);
        drop(view);
        drop(html);
        match rendered {
            Ok(html) => {
                let mut problems = Vec::new();
                let ids = match self.anchored {
                    None => html_ids(&html),
                    Some(anchored) => {
                        let into = anchored.get(id).map_or(&[][..], Vec::as_slice);
                        if !into.is_empty() {
                            let ids = html_ids(&html);
                            problems = check_links_into(self.site, self.derived, id, &ids, into);
                        }
                        crate::site::Ids::default()
                    }
                };
                let written = self
                    .sink
                    .write(&format!("{}index.html", e.path), &html)
                    .err();
                problems.extend(written.map(|d| d.in_file(file)));
                (Some(ids), problems)
            }
            Err(d) => (None, vec![d]),
        }
    }

    /// Renders entry `id`'s template with `view` as its `page` or `section`, for a page at
    /// site path `path`.
    fn render_entry_template(
        &self,
        id: usize,
        view: &views::EntryView,
        path: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        self.render_entry_with(template_name(self.site, id), id, view, path)
    }

    /// Renders template `name` for entry `id` (see [`Base::render_entry_template`]).
    fn render_entry_with(
        &self,
        name: &str,
        id: usize,
        view: &views::EntryView,
        path: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let e = &self.site.entries[id];
        let root = paths::root_prefix(path);
        let what = || e.source.display_path();
        // The writer writes `page.html` for pages only: a section's view, or an entry that
        // names another written template (`template: term.html`), is Tera's, which reports
        // what that template lacks.
        let page_template = name == "page.html" && !e.is_section();
        if let Some(writer) = self.templates.writer_of(name).filter(|_| page_template) {
            if let Some(html) = self.write_page(writer, view, (&root, path), &what)? {
                return Ok(html);
            }
        }
        // The variables every page shares (`site`, `t`, `today`) are serialised once per
        // thread; only this page's own are put in for each page.
        let shared = &mut *self.shared_context();
        shared.insert("root", &root);
        shared.insert("current_path", path);
        let (key, other) = if e.is_section() {
            ("section", "page")
        } else {
            ("page", "section")
        };
        shared.remove(other);
        shared.insert(key, view);
        self.chrome
            .fill(self.templates, name, shared, (&root, path), &what)?;
        self.templates.render_context(name, shared, &what)
    }

    /// Page `view` written by `writer` (the built-in `page.html` in Rust), with the site's
    /// header and footer; `None` when those are not the built-in ones.
    fn write_page(
        &self,
        writer: &crate::templates::page_html::PageWriter,
        view: &views::EntryView,
        (root, path): (&str, &str),
        what: &dyn Fn() -> String,
    ) -> Result<Option<Vec<u8>>, Diagnostic> {
        self.with_shared_parts((root, path), what, |parts| writer.page(view, parts))
    }

    /// What `write` makes of the parts of the page at `path` (root prefix `root`) that a
    /// page writer prints besides its own: the site's header and footer, when they are the
    /// built-in ones (`None` otherwise).
    fn with_shared_parts<T>(
        &self,
        (root, path): (&str, &str),
        what: &dyn Fn() -> String,
        write: impl FnOnce(&crate::templates::page_html::PageParts) -> T,
    ) -> Result<Option<T>, Diagnostic> {
        // Made only the first time a header or footer state comes up.
        let context = || {
            let mut ctx = tera::Context::new();
            ctx.insert("site", self.site_view);
            ctx.insert("t", &self.templates.strings);
            ctx.insert("root", root);
            ctx.insert("current_path", path);
            ctx
        };
        let Some(shared) = self
            .chrome
            .shared(self.templates, &context, (root, path), what)?
        else {
            return Ok(None);
        };
        let parts = crate::templates::page_html::PageParts {
            site: self.site_view,
            root,
            header: &shared.header,
            footer: &shared.footer,
        };
        Ok(Some(write(&parts)))
    }

    /// Renders template `name` with the view context `ctx` (a generated page's), with the
    /// site's header and footer. `what` names the page for an error message.
    fn render_view(&self, name: &str, ctx: &Context, what: &str) -> Result<Vec<u8>, Diagnostic> {
        if let Some(writer) = self.templates.writer_of(name) {
            let path = ctx.current_path;
            let written =
                self.with_shared_parts((&ctx.root, path), &|| what.to_string(), |parts| {
                    writer.view(name, ctx, parts)
                })?;
            if let Some(html) = written.flatten() {
                return Ok(html);
            }
        }
        let mut tera_ctx = tera::Context::from_serialize(ctx)
            .map_err(|e| Diagnostic::error(crate::text!(msg::TEMPLATE_CONTEXT, what, e)))?;
        let what = || what.to_string();
        self.chrome.fill(
            self.templates,
            name,
            &mut tera_ctx,
            (&ctx.root, ctx.current_path),
            &what,
        )?;
        self.templates.render_context(name, &tera_ctx, &what)
    }

    /// The view of entry `id` with its body `content` on a page whose root prefix is `root`,
    /// with its sidebar.
    fn entry_view<'v>(&self, id: usize, root: &str, content: &'v str) -> views::EntryView<'v>
    where
        'a: 'v,
    {
        let uses_summaries = self.templates.uses_summaries;
        let mut view = views::entry(self.site, self.derived, id, content, uses_summaries);
        view.nav_html = views::nav_html(self.site, id, root, &self.nav_strings, &self.nav_cache);
        if self.templates.uses_nav_data {
            view.nav = views::nav(self.site, id);
        }
        view
    }

    /// The sidebar of the matrix page (`matrix_current`) or a focus area's page.
    fn matrix_nav(&self, root: &str, matrix_current: bool) -> String {
        views::nav_html_matrix(
            self.site,
            root,
            &self.nav_strings,
            &self.nav_cache,
            matrix_current,
        )
    }

    /// Writes the output file `path`, which the route table gives to `route`.
    fn file(&self, path: &'a str, route: Route) -> Result<(), Diagnostic> {
        let site = self.site;
        match route {
            Route::NotFound => {
                let mut ctx = self.context("");
                ctx.root = site.config.base_path.clone();
                ctx.current_path = "404.html";
                let html = self.render_view("404.html", &ctx, "/404.html")?;
                self.sink.write(path, &html)
            }
            Route::Sitemap | Route::SitemapPart(_) => self
                .sink
                .write(path, sitemap::document(site, route).as_bytes()),
            Route::Feed => self
                .sink
                .write(path, feed::atom(site, self.derived).as_bytes()),
            Route::ChangesFeed => {
                let title = self.templates.strings.get("changes_title");
                let title = title
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_default();
                self.sink.write(path, feed::changes(site, title).as_bytes())
            }
            Route::Csv => match table::activities_csv(site) {
                Ok(bytes) => self.sink.write(path, &bytes),
                Err(e) => Err(Diagnostic::error(crate::text!(
                    msg::IO_CANNOT_WRITE,
                    path,
                    e
                ))),
            },
            Route::Calendar(network) => {
                let meetings = site.meetings.get(&network).map_or(&[][..], Vec::as_slice);
                let ics = calendar::network_calendar(site, network, meetings);
                self.sink.write(path, ics.as_bytes())
            }
            Route::ThemeStatic => match self.templates.static_files.get(path) {
                Some(FileSource::Embedded(bytes)) => self.sink.write(path, bytes),
                Some(FileSource::Disk(from)) => self.sink.copy(from, path),
                None => Ok(()),
            },
            Route::Static(i) => self.sink.copy(&site.statics[i].src, path),
            Route::Asset(i) => self.sink.copy(&site.assets[i].src, path),
            Route::Entry(_) | Route::SearchIndex | Route::Marker => Ok(()),
            route => self.route(path, route),
        }
    }

    /// Renders a generated page into its output file `file` (`<folder>/index.html`, or an
    /// alias's own file name): taxonomies, terms, aliases, print pages, review, search,
    /// accessibility statement, matrix and focus-area pages.
    fn route(&self, file: &'a str, route: Route) -> Result<(), Diagnostic> {
        let site = self.site;
        let path = file.strip_suffix("index.html").unwrap_or(file);
        let (name, mut ctx) = match route {
            Route::Taxonomy(ti) => {
                let t = &site.taxonomies[ti];
                let mut ctx = self.context(path);
                ctx.taxonomy = Some(views::taxonomy(site, self.derived, t));
                ("taxonomy.html", ctx)
            }
            Route::Term(ti, i) => {
                let t = &site.taxonomies[ti];
                let term = &t.terms[i];
                let mut ctx = self.context(path);
                ctx.taxonomy = Some(views::taxonomy(site, self.derived, t));
                let mut view = views::term_view(site, self.derived, term, true);
                view.focus_area = site_pages::focus_area_of_term(site, ti, i);
                ctx.term = Some(view);
                ("term.html", ctx)
            }
            Route::Alias(i) => {
                let (alias, id) = &site.aliases[i];
                if !alias.ends_with('/') {
                    return self.alias_file(file, *id);
                }
                let mut ctx = self.context(path);
                ctx.redirect_to = Some(views::link(site, self.derived, *id));
                ("alias.html", ctx)
            }
            Route::Print(id) => return self.print_page(file, path, id),
            Route::Review => {
                let mut ctx = self.context(path);
                ctx.review = Some(governance_views::review(site, self.derived));
                ("review.html", ctx)
            }
            Route::Accessibility => {
                let Some(a) = &site.config.accessibility else {
                    return Ok(());
                };
                let mut ctx = self.context(path);
                ctx.accessibility = Some(a);
                ("accessibility.html", ctx)
            }
            Route::Search => {
                let ctx = self.context(path);
                let html = self.render_view("search.html", &ctx, &format!("/{path}"))?;
                return self.sink.write(file, &html);
            }
            Route::Matrix => {
                let mut ctx = self.context(path);
                let mut view = governance_views::matrix(site, self.derived);
                view.nav_html = self.matrix_nav(&ctx.root, true);
                ctx.matrix = Some(view);
                ("matrix.html", ctx)
            }
            Route::Changes => {
                let mut ctx = self.context(path);
                ctx.changes = Some(history_views::changes(site, self.derived));
                ("changes.html", ctx)
            }
            Route::Versions(id) => {
                let mut ctx = self.context(path);
                ctx.versions = Some(history_views::versions_page(site, self.derived, id));
                ("versions.html", ctx)
            }
            Route::FocusArea(i) => {
                let mut ctx = self.context(path);
                let mut view = governance_views::focus_area(site, self.derived, i);
                view.nav_html = self.matrix_nav(&ctx.root, false);
                ctx.focus_area = Some(view);
                ("focus_area.html", ctx)
            }
            _ => return Ok(()),
        };
        ctx.current_path = path;
        let html = self.render_view(name, &ctx, &format!("/{path}"))?;
        self.sink.write(file, &html)
    }

    /// An alias that names a file (`gammal/sida.html`): the redirect is written as that file.
    fn alias_file(&self, alias: &'a str, id: usize) -> Result<(), Diagnostic> {
        let dir = crate::content::parent_of(alias);
        let dir = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let mut ctx = self.context(&dir);
        ctx.current_path = alias;
        ctx.redirect_to = Some(views::link(self.site, self.derived, id));
        let html = self.render_view("alias.html", &ctx, &format!("/{alias}"))?;
        self.sink.write(alias, &html)
    }

    /// Section `id`'s print page at `path` (its file `file`): `print.html` with `section`
    /// and `print_parts`.
    fn print_page(&self, file: &str, path: &'a str, id: usize) -> Result<(), Diagnostic> {
        // The section's own body, with links made relative to the print page as its parts'.
        let own = self.site.render_entry(id, self.texts.get(id), path).html;
        let mut ctx = self.context(path);
        ctx.section = Some(self.entry_view(id, &ctx.root, &own));
        ctx.print_parts = Some(print::parts(self, id, path, &own)?);
        let html = self.render_view("print.html", &ctx, &format!("/{path}"))?;
        self.sink.write(file, &html)
    }
}

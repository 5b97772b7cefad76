//! Stage 4c: render the site with templates and hand every file to a [`Sink`].
//! Pure over `&Site`, parallel across pages; each page is written as soon as it is
//! rendered, so rendered pages are never all held in memory at once.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;

mod calendar;
mod print;

pub use print::PrintPart;

use crate::error::{did_you_mean, Diagnostic};
use crate::output::{feed, sitemap, table, Sink};
use crate::site::{html_ids, paths, Site};
use crate::templates::governance_views;
use crate::templates::views::{self, Context, SiteView};
use crate::templates::{collect_static, FileSource, Templates};

/// The ids of a rendered page (`None` when it failed to render).
pub type Anchors = Option<HashSet<String>>;

/// Renders only `entries` (their pages), the term pages of `terms` ((taxonomy, term)
/// indexes) and the print pages of the sections in `prints`. For incremental rebuilds;
/// `ids` holds the new anchors of each rendered entry.
pub fn render_some(
    site: &Site,
    templates: &Templates,
    sink: &dyn Sink,
    entries: &[usize],
    terms: &[(usize, usize)],
    prints: &[usize],
) -> (Vec<(usize, Anchors)>, Vec<Diagnostic>) {
    let site_view = SiteView::new(site);
    let base = Base::new(site, templates, sink, &site_view);
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
    let jobs = terms
        .iter()
        .map(|(t, i)| Listing::Term(*t, *i))
        .chain(prints.iter().map(|s| Listing::Print(*s)));
    let results: Vec<Result<(), Diagnostic>> = jobs
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|job| base.listing(job))
        .collect();
    diagnostics.extend(results.into_iter().filter_map(Result::err));
    (ids, diagnostics)
}

/// Builds the search index and hands its files to the sink; returns problems and the
/// number of files.
pub fn write_search_index(site: &Site, sink: &dyn Sink) -> (Vec<Diagnostic>, usize) {
    let problems = std::sync::Mutex::new(Vec::new());
    let files = std::sync::atomic::AtomicUsize::new(0);
    crate::search::build(site, &|path, bytes| {
        files.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Err(d) = sink.write(&path, &bytes) {
            problems
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(d);
        }
    });
    let mut problems = problems
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    problems.sort_by(|a, b| a.message.cmp(&b.message));
    (problems, files.into_inner())
}

/// What rendering produced besides the files.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The `id` attributes of each entry's final HTML, by entry index; `None` where
    /// rendering failed (its error is reported; its anchors are not checked).
    pub ids: Vec<Option<HashSet<String>>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Number of files handed to the sink.
    pub files: usize,
}

/// Renders every page, section, taxonomy, term, alias, the 404 page and the sitemap, and
/// copies static files and content assets.
pub fn render_site(site: &Site, templates: &Templates, sink: &dyn Sink) -> Rendered {
    let site_view = SiteView::new(site);
    let base = Base::new(site, templates, sink, &site_view);
    let entries: Vec<(Option<HashSet<String>>, Option<Diagnostic>)> = (0..site.entries.len())
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
    let listings: Vec<Result<(), Diagnostic>> = listing_jobs(site)
        .into_par_iter()
        .map(|job| base.listing(job))
        .collect();
    out.files += listings.len();
    out.diagnostics
        .extend(listings.into_iter().filter_map(Result::err));
    out.diagnostics.extend(base.special_files(&mut out.files));
    out
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
    nav_strings: views::NavStrings,
    nav_cache: views::NavCache,
    site: &'a Site,
    templates: &'a Templates,
    sink: &'a dyn Sink,
    site_view: &'a SiteView<'a>,
}

enum Listing {
    Taxonomy(usize),
    Term(usize, usize),
    Alias(usize),
    Print(usize),
    Review,
    Search,
    Accessibility,
    Matrix,
    FocusArea(usize),
}

fn listing_jobs(site: &Site) -> Vec<Listing> {
    let mut jobs = Vec::new();
    for (ti, t) in site.taxonomies.iter().enumerate() {
        jobs.push(Listing::Taxonomy(ti));
        jobs.extend((0..t.terms.len()).map(|i| Listing::Term(ti, i)));
    }
    jobs.extend((0..site.aliases.len()).map(Listing::Alias));
    jobs.extend(
        (0..site.entries.len())
            .filter(|id| site.print_path(*id).is_some())
            .map(Listing::Print),
    );
    if site.has_documents() {
        jobs.push(Listing::Review);
    }
    jobs.push(Listing::Search);
    if site.config.accessibility.is_some() {
        jobs.push(Listing::Accessibility);
    }
    if !site.matrix.is_empty() {
        jobs.push(Listing::Matrix);
        jobs.extend((0..site.matrix.focus_areas.len()).map(Listing::FocusArea));
    }
    jobs
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
        templates: &'a Templates,
        sink: &'a dyn Sink,
        site_view: &'a SiteView<'a>,
    ) -> Self {
        Base {
            generation: next_generation(),
            nav_strings: views::NavStrings::new(&templates.strings),
            nav_cache: views::NavCache::default(),
            site,
            templates,
            sink,
            site_view,
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

    fn entry(&self, id: usize) -> (Option<HashSet<String>>, Option<Diagnostic>) {
        let e = &self.site.entries[id];
        let file = e.source.display_path();
        let name = template_name(self.site, id);
        if !self.templates.has(name) {
            let line = e.source.front.lines.get("template").copied().unwrap_or(1);
            let mut d = Diagnostic::error(format!("template `{name}` does not exist"))
                .in_file(&file)
                .at_line(line);
            d = match did_you_mean(name, self.templates.names()) {
                Some(s) => d.with_hint(format!(
                    "did you mean `{s}`? Site templates live in templates/"
                )),
                None => d.with_hint("create it in templates/ or remove `template:`"),
            };
            return (None, Some(d));
        }
        let view = self.entry_view(id, &paths::root_prefix(&e.path));
        match self.render_entry_template(id, &view, &e.path) {
            Ok(html) => {
                let ids = html_ids(&html);
                let written = self
                    .sink
                    .write(&format!("{}index.html", e.path), &html)
                    .err();
                (Some(ids), written.map(|d| d.in_file(file)))
            }
            Err(d) => (None, Some(d)),
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
        let e = &self.site.entries[id];
        // The variables every page shares (`site`, `t`, `today`) are serialised once per
        // thread; only this page's own are put in for each page.
        let shared = &mut *self.shared_context();
        shared.insert("root", &paths::root_prefix(path));
        shared.insert("current_path", path);
        let (key, other) = if e.is_section() {
            ("section", "page")
        } else {
            ("page", "section")
        };
        shared.remove(other);
        shared.insert(key, view);
        self.templates
            .render_context(template_name(self.site, id), shared, &|| {
                e.source.display_path()
            })
    }

    /// The view of entry `id` on a page whose root prefix is `root`, with its sidebar.
    fn entry_view(&self, id: usize, root: &str) -> views::EntryView<'a> {
        let mut view = views::entry(self.site, id, self.templates.uses_summaries);
        view.nav_html = views::nav_html(self.site, id, root, &self.nav_strings, &self.nav_cache);
        if self.templates.uses_nav_data {
            view.nav = views::nav(self.site, id);
        }
        view
    }

    fn listing(&self, job: Listing) -> Result<(), Diagnostic> {
        let site = self.site;
        let (name, path, mut ctx) = match job {
            Listing::Taxonomy(ti) => {
                let t = &site.taxonomies[ti];
                let mut ctx = self.context(&t.path);
                ctx.taxonomy = Some(views::taxonomy(site, t));
                ("taxonomy.html", &t.path, ctx)
            }
            Listing::Term(ti, i) => {
                let t = &site.taxonomies[ti];
                let term = &t.terms[i];
                let mut ctx = self.context(&term.path);
                ctx.taxonomy = Some(views::taxonomy(site, t));
                ctx.term = Some(views::term_view(site, term, true));
                ("term.html", &term.path, ctx)
            }
            Listing::Alias(i) => {
                let (alias, id) = &site.aliases[i];
                if !alias.ends_with('/') {
                    return self.alias_file(alias, *id);
                }
                let mut ctx = self.context(alias);
                ctx.redirect_to = Some(views::link(&site.entries[*id]));
                ("alias.html", alias, ctx)
            }
            Listing::Print(id) => return self.print_page(id),
            Listing::Review => {
                let path = &site.config.review.path;
                let mut ctx = self.context(path);
                ctx.review = Some(governance_views::review(site));
                ("review.html", path, ctx)
            }
            Listing::Accessibility => {
                let Some(a) = &site.config.accessibility else {
                    return Ok(());
                };
                let mut ctx = self.context(&a.path);
                ctx.accessibility = Some(a);
                ("accessibility.html", &a.path, ctx)
            }
            Listing::Search => {
                let path = crate::search::SEARCH_PATH;
                let ctx = self.context(path);
                let html = self
                    .templates
                    .render("search.html", &ctx, "the search page")?;
                return self
                    .sink
                    .write(&format!("{path}index.html"), html.as_bytes());
            }
            Listing::Matrix => {
                let path = &site.config.action_plans.path;
                let mut ctx = self.context(path);
                ctx.matrix = Some(governance_views::matrix(site));
                ("matrix.html", path, ctx)
            }
            Listing::FocusArea(i) => {
                let path = &site.matrix.focus_areas[i].path;
                let mut ctx = self.context(path);
                ctx.focus_area = Some(governance_views::focus_area(site, i));
                ("focus_area.html", path, ctx)
            }
        };
        ctx.current_path = path;
        let html = self.templates.render(name, &ctx, &format!("/{path}"))?;
        self.sink
            .write(&format!("{path}index.html"), html.as_bytes())
    }

    /// An alias that names a file (`gammal/sida.html`): the redirect is written as that file.
    fn alias_file(&self, alias: &str, id: usize) -> Result<(), Diagnostic> {
        let dir = crate::content::parent_of(alias);
        let dir = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let mut ctx = self.context(&dir);
        ctx.current_path = alias;
        ctx.redirect_to = Some(views::link(&self.site.entries[id]));
        let html = self
            .templates
            .render("alias.html", &ctx, &format!("/{alias}"))?;
        self.sink.write(alias, html.as_bytes())
    }

    /// A section's print page: `print.html` with `section` and `print_parts`.
    fn print_page(&self, id: usize) -> Result<(), Diagnostic> {
        let Some(path) = self.site.print_path(id) else {
            return Ok(());
        };
        let mut ctx = self.context(&path);
        ctx.section = Some(self.entry_view(id, &ctx.root));
        ctx.print_parts = Some(print::parts(self, id, &path)?);
        let html = self
            .templates
            .render("print.html", &ctx, &format!("/{path}"))?;
        self.sink
            .write(&format!("{path}index.html"), html.as_bytes())
    }

    /// 404 page, sitemap, theme and site static files, content assets.
    fn special_files(&self, count: &mut usize) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let mut ctx = self.context("");
        ctx.root = self.site.config.base_path.clone();
        ctx.current_path = "404.html";
        match self.templates.render("404.html", &ctx, "the 404 page") {
            Ok(html) => diagnostics.extend(self.sink.write("404.html", html.as_bytes()).err()),
            Err(d) => diagnostics.push(d),
        }
        diagnostics.extend(
            self.sink
                .write("sitemap.xml", sitemap::sitemap(self.site).as_bytes())
                .err(),
        );
        diagnostics.extend(
            self.sink
                .write("atom.xml", feed::atom(self.site).as_bytes())
                .err(),
        );
        *count += 3;
        if !self.site.matrix.is_empty() {
            let path = format!(
                "{}{}",
                self.site.config.action_plans.path,
                crate::site::CSV_FILE
            );
            match table::activities_csv(self.site) {
                Ok(bytes) => diagnostics.extend(self.sink.write(&path, &bytes).err()),
                Err(e) => diagnostics.push(Diagnostic::error(format!("cannot write {path}: {e}"))),
            }
            *count += 1;
        }
        for (network, meetings) in &self.site.meetings {
            let path = format!(
                "{}{}",
                self.site.entries[*network].path,
                crate::site::ICS_FILE
            );
            let ics = calendar::network_calendar(self.site, *network, meetings);
            diagnostics.extend(self.sink.write(&path, ics.as_bytes()).err());
            *count += 1;
        }
        let mut statics: BTreeMap<String, FileSource> = self.templates.static_files.clone();
        if let Err(e) = collect_static(&self.site.config.root, "static", &mut statics) {
            diagnostics.extend(e.diagnostics());
        }
        let copies: Vec<Result<(), Diagnostic>> = statics
            .par_iter()
            .map(|(path, src)| match src {
                FileSource::Embedded(bytes) => self.sink.write(path, bytes),
                FileSource::Disk(p) => self.sink.copy(p, path),
            })
            .chain(
                self.site
                    .assets
                    .par_iter()
                    .map(|a| self.sink.copy(&a.src, &a.path)),
            )
            .collect();
        *count += copies.len();
        diagnostics.extend(copies.into_iter().filter_map(Result::err));
        diagnostics
    }
}

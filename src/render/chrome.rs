//! The site's header and footer (`partials/header.html`, `partials/footer.html`), handed to
//! every page's template as `header_html` and `footer_html`.
//!
//! Each partial is rendered with the page's own context, as an `{% include %}` would be. The
//! built-in texts read nothing of a page but its depth (`root`) and, for the header, whether
//! `current_path` is the start page, a top-level section or inside one: with those texts a
//! partial is rendered once for every such state and reused (a tenth of a large build's
//! instructions went into rendering them page by page). A partial a theme or site replaces
//! may read anything, and is rendered for every page.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::error::Diagnostic;
use crate::templates::views::SiteView;
use crate::templates::Templates;

/// The header's template.
pub const HEADER: &str = "partials/header.html";
/// The footer's template.
pub const FOOTER: &str = "partials/footer.html";

/// How the page being rendered stands to one top-level section: what the built-in main
/// menu compares (`current_path == s.path`, `current_path is starting_with(s.path)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Mark {
    Outside,
    Inside,
    Itself,
}

/// Everything the built-in header reads of a page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct HeaderState {
    root: String,
    home: bool,
    marks: Vec<Mark>,
}

/// The header and footer of one rendering pass.
pub struct Chrome<'a> {
    /// The main menu's sections' paths, in its order.
    sections: Vec<&'a str>,
    /// The header is the built-in text (rendered once per [`HeaderState`]).
    header_shared: bool,
    /// The footer is the built-in text (rendered once per `root`).
    footer_shared: bool,
    headers: Mutex<HashMap<HeaderState, Arc<str>>>,
    footers: Mutex<HashMap<String, Arc<str>>>,
}

impl<'a> Chrome<'a> {
    pub fn new(templates: &Templates, site_view: &SiteView<'a>) -> Self {
        Chrome {
            sections: site_view.sections.iter().map(|s| s.path).collect(),
            header_shared: templates.is_built_in(HEADER),
            footer_shared: templates.is_built_in(FOOTER),
            headers: Mutex::default(),
            footers: Mutex::default(),
        }
    }

    /// Puts `header_html` and `footer_html` into `ctx`, the context of a page rendered with
    /// template `name`, whose `root` and `current_path` are `root` and `current_path`: those
    /// of the two that the template prints. `what` names the page for an error.
    pub fn fill(
        &self,
        templates: &Templates,
        name: &str,
        ctx: &mut tera::Context,
        (root, current_path): (&str, &str),
        what: &dyn Fn() -> String,
    ) -> Result<(), Diagnostic> {
        // A context shared from page to page holds the last page's: never show those.
        ctx.remove("header_html");
        ctx.remove("footer_html");
        let printed = templates.prints_chrome(name);
        if printed.header {
            let shared = self
                .header_shared
                .then(|| self.header_state(root, current_path));
            let header = part(
                templates,
                HEADER,
                Ctx::Ready(ctx),
                (&self.headers, shared),
                what,
            )?;
            ctx.insert("header_html", &*header);
        }
        if printed.footer {
            let shared = self.footer_shared.then(|| root.to_string());
            let footer = part(
                templates,
                FOOTER,
                Ctx::Ready(ctx),
                (&self.footers, shared),
                what,
            )?;
            ctx.insert("footer_html", &*footer);
        }
        Ok(())
    }

    /// The header and footer of the page at `current_path` (root prefix `root`), when both
    /// are the built-in texts, which read nothing of a page but those two: rendered once
    /// for each state, with the context `ctx` makes (the first time only).
    pub fn shared(
        &self,
        templates: &Templates,
        ctx: &dyn Fn() -> tera::Context,
        (root, current_path): (&str, &str),
        what: &dyn Fn() -> String,
    ) -> Result<Option<SharedParts>, Diagnostic> {
        if !(self.header_shared && self.footer_shared) {
            return Ok(None);
        }
        let key = Some(self.header_state(root, current_path));
        let header = part(
            templates,
            HEADER,
            Ctx::Made(ctx),
            (&self.headers, key),
            what,
        )?;
        let key = Some(root.to_string());
        let footer = part(
            templates,
            FOOTER,
            Ctx::Made(ctx),
            (&self.footers, key),
            what,
        )?;
        Ok(Some(SharedParts { header, footer }))
    }

    /// Everything the built-in header reads of the page at `current_path`.
    fn header_state(&self, root: &str, current_path: &str) -> HeaderState {
        HeaderState {
            root: root.to_string(),
            home: current_path.is_empty(),
            marks: self
                .sections
                .iter()
                .map(|s| mark(current_path, s))
                .collect(),
        }
    }
}

/// The header and footer a page shares with the pages in the same state.
pub struct SharedParts {
    pub header: Arc<str>,
    pub footer: Arc<str>,
}

/// The context a partial is rendered with: the page's, or one made when it is needed.
#[derive(Clone, Copy)]
enum Ctx<'c> {
    Ready(&'c tera::Context),
    Made(&'c dyn Fn() -> tera::Context),
}

/// How the page at `current_path` stands to the top-level section at `section`.
fn mark(current_path: &str, section: &str) -> Mark {
    match current_path.strip_prefix(section) {
        Some("") => Mark::Itself,
        Some(_) => Mark::Inside,
        None => Mark::Outside,
    }
}

/// Partial `name` rendered with `ctx`: kept in `done` under `key` when it is shared
/// (`Some`), rendered for this page alone otherwise.
fn part<K: std::hash::Hash + Eq>(
    templates: &Templates,
    name: &str,
    ctx: Ctx,
    (done, key): (&Mutex<HashMap<K, Arc<str>>>, Option<K>),
    what: &dyn Fn() -> String,
) -> Result<Arc<str>, Diagnostic> {
    match key {
        Some(key) => remembered(done, key, || render(templates, name, ctx, what)),
        None => render(templates, name, ctx, what),
    }
}

/// The text kept in `done` for `key`, made by `make` the first time. Two threads may make
/// the same text at once; both are the same, and the first one kept stays.
fn remembered<K: std::hash::Hash + Eq>(
    done: &Mutex<HashMap<K, Arc<str>>>,
    key: K,
    make: impl FnOnce() -> Result<Arc<str>, Diagnostic>,
) -> Result<Arc<str>, Diagnostic> {
    let lock = || done.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(found) = lock().get(&key) {
        return Ok(Arc::clone(found));
    }
    let made = make()?;
    Ok(Arc::clone(lock().entry(key).or_insert(made)))
}

fn render(
    templates: &Templates,
    name: &str,
    ctx: Ctx,
    what: &dyn Fn() -> String,
) -> Result<Arc<str>, Diagnostic> {
    let bytes = match ctx {
        Ctx::Ready(ctx) => templates.render_context(name, ctx, what)?,
        Ctx::Made(make) => templates.render_context(name, &make(), what)?,
    };
    Ok(Arc::from(String::from_utf8_lossy(&bytes)))
}

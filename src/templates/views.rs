//! Typed, borrowed views handed to templates. These structs are the template API,
//! documented field by field in `themes/default/README.md`.

use serde::Serialize;

use crate::markdown::TocEntry;
use crate::site::paths::relative_href;
use crate::site::{Derived, Entry, Route, Site, Taxonomy, Term};

/// `site`: the whole site, the same for every page.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub base_url: &'a str,
    pub language: &'a str,
    pub extra: &'a serde_json::Value,
    /// The start page.
    pub home: LinkView<'a>,
    /// Top-level sections, in display order.
    pub sections: Vec<LinkView<'a>>,
    pub taxonomies: Vec<TaxonomySummary<'a>>,
    /// Terms of the glossary data file (`term`, `expansion`, `definition`, `id`, `extra`).
    pub glossary: &'a [crate::content::glossary::GlossaryTerm],
    /// Site path of the glossary page, if one is configured.
    pub glossary_path: Option<&'a str>,
    /// Site path of the review page "Dokument att se över", when the site has governing documents.
    pub review_path: Option<&'a str>,
    /// Site path of the focus-area matrix, when the site has action plans.
    pub matrix_path: Option<&'a str>,
    /// Site path of the accessibility statement, when configured.
    pub accessibility_path: Option<&'a str>,
}

/// A link to a page or section, with what a listing shows.
#[derive(Debug, Serialize)]
pub struct LinkView<'a> {
    pub title: &'a str,
    /// Site path, e.g. `natverk/social/`; link to it as `{{ root }}{{ x.path }}`.
    pub path: &'a str,
    pub description: Option<&'a str>,
    pub date: Option<&'a str>,
    pub summary: Option<&'a str>,
    /// `page` or `section`.
    pub kind: &'static str,
}

/// A term shown on a page: name and link.
#[derive(Debug, Serialize)]
pub struct TermLink<'a> {
    pub name: &'a str,
    pub path: &'a str,
}

/// The terms of one taxonomy that a page carries.
#[derive(Debug, Serialize)]
pub struct PageTerms<'a> {
    pub taxonomy: &'a str,
    pub singular: &'a str,
    pub plural: &'a str,
    pub path: &'a str,
    pub terms: Vec<TermLink<'a>>,
}

/// `page` (page templates) or `section` (section and index templates).
#[derive(Debug, Serialize)]
pub struct EntryView<'a> {
    pub kind: &'static str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub date: Option<&'a str>,
    pub updated: Option<&'a str>,
    /// When the page last changed: `updated`, else `date` (`YYYY-MM-DD…`, as written).
    pub last_changed: Option<&'a str>,
    /// The page's edit link, when `edit_url:` is set in handbok.yaml.
    pub edit_url: Option<String>,
    pub weight: Option<i64>,
    pub draft: bool,
    pub path: &'a str,
    pub permalink: String,
    /// Source file relative to the site root, e.g. `content/natverk/_index.md`.
    pub source: String,
    pub content: &'a str,
    pub summary: Option<&'a str>,
    pub toc: &'a [TocEntry],
    /// All headings in `toc`, at every level.
    pub heading_count: usize,
    pub word_count: usize,
    /// Minutes, at 200 words a minute, at least 1.
    pub reading_time: usize,
    pub terms: Vec<PageTerms<'a>>,
    pub extra: &'a serde_json::Value,
    /// Sections from the start page down to the parent (for breadcrumbs).
    pub ancestors: Vec<LinkView<'a>>,
    /// Sections only: their pages and sub-sections, in display order.
    pub pages: Vec<LinkView<'a>>,
    pub subsections: Vec<LinkView<'a>>,
    /// Sections only: the pages and sub-sections that the section's own text does not
    /// link to (listings show these, so a text that presents its pages is not repeated).
    pub unlinked_pages: Vec<LinkView<'a>>,
    pub unlinked_subsections: Vec<LinkView<'a>>,
    /// Pages only: neighbours in the section's order.
    pub previous: Option<LinkView<'a>>,
    pub next: Option<LinkView<'a>>,
    /// Entries that link here, each once, by title.
    pub backlinks: Vec<LinkView<'a>>,
    /// Entries sharing taxonomy terms with this one and not linked either way, best first.
    pub related: Vec<LinkView<'a>>,
    /// The section tree for the sidebar, as seen from this entry, as data. Built only when
    /// a template mentions `.nav`; otherwise empty.
    pub nav: Vec<NavItem<'a>>,
    /// The same tree as ready HTML: the `<li>` items of the sidebar's list.
    pub nav_html: String,
    /// Document control, action plan, meeting, and a network's meetings.
    #[serde(flatten)]
    pub governance: super::governance_views::EntryGovernance<'a>,
}

/// A taxonomy in the site-wide list.
#[derive(Debug, Serialize)]
pub struct TaxonomySummary<'a> {
    pub name: &'a str,
    pub singular: &'a str,
    pub plural: &'a str,
    pub path: &'a str,
}

/// `taxonomy` on taxonomy and term pages.
#[derive(Debug, Serialize)]
pub struct TaxonomyView<'a> {
    pub name: &'a str,
    pub singular: &'a str,
    pub plural: &'a str,
    pub path: &'a str,
    pub terms: Vec<TermView<'a>>,
}

/// A term; `pages` is filled on the term's own page only.
#[derive(Debug, Serialize)]
pub struct TermView<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub path: &'a str,
    pub count: usize,
    pub pages: Vec<LinkView<'a>>,
}

/// The variables every template gets, plus the one specific to its kind.
#[derive(Debug, Serialize)]
pub struct Context<'a> {
    pub site: &'a SiteView<'a>,
    /// Relative prefix to the site root, ending in `/` (`./`, `../../`); on the 404 page the
    /// base path, since that page is served at any URL.
    pub root: String,
    /// The site path of the page being rendered.
    pub current_path: &'a str,
    /// Interface strings from the theme's `i18n/<language>.yaml`.
    pub t: &'a serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<EntryView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<EntryView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<TaxonomyView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<TermView<'a>>,
    /// Alias pages: the site path redirected to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_to: Option<LinkView<'a>>,
    /// The date review dates and meetings are compared with (`YYYY-MM-DD`).
    pub today: String,
    /// The review page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<super::governance_views::ReviewView<'a>>,
    /// The focus-area matrix page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matrix: Option<super::governance_views::MatrixView<'a>>,
    /// A focus area's page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus_area: Option<super::governance_views::FocusAreaView<'a>>,
    /// The accessibility statement page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessibility: Option<&'a crate::config::AccessibilityConfig>,
    /// Print pages: the section's entries, each with its content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub print_parts: Option<Vec<PrintPart<'a>>>,
}

impl<'a> Context<'a> {
    /// A context with only the common variables set.
    pub fn new(
        site: &'a SiteView<'a>,
        root: String,
        current_path: &'a str,
        t: &'a serde_json::Value,
        today: String,
    ) -> Context<'a> {
        Context {
            site,
            root,
            current_path,
            t,
            page: None,
            section: None,
            taxonomy: None,
            term: None,
            redirect_to: None,
            print_parts: None,
            today,
            review: None,
            matrix: None,
            focus_area: None,
            accessibility: None,
        }
    }
}

impl<'a> SiteView<'a> {
    pub fn new(site: &'a Site, derived: &'a Derived) -> Self {
        let c = &site.config;
        let root = &site.entries[site.root];
        SiteView {
            title: &c.title,
            description: c.description.as_deref(),
            base_url: &c.base_url,
            language: &c.language,
            extra: &c.extra,
            home: link(site, derived, site.root),
            sections: root
                .subsections
                .iter()
                .map(|id| link(site, derived, *id))
                .collect(),
            taxonomies: site
                .taxonomies
                .iter()
                .map(|t| TaxonomySummary {
                    name: &t.config.name,
                    singular: &t.config.singular,
                    plural: &t.config.plural,
                    path: &t.path,
                })
                .collect(),
            glossary: &site.glossary,
            glossary_path: site.glossary_page.map(|g| site.entries[g].path.as_str()),
            review_path: site.routes.page_of(Route::Review),
            matrix_path: site.routes.page_of(Route::Matrix),
            accessibility_path: site.routes.page_of(Route::Accessibility),
        }
    }
}

/// A link view of an entry.
pub fn link<'a>(site: &'a Site, derived: &'a Derived, id: usize) -> LinkView<'a> {
    link_with(&site.entries[id], derived.summary(id, true))
}

/// The link view of `e`, with its summary only when `summary` (templates that never read
/// `.summary` are not given one: copying every linked page's first paragraph into every
/// page's context was about a tenth of the template time of a large site).
pub fn link_with<'a>(e: &'a Entry, summary: Option<&'a str>) -> LinkView<'a> {
    let f = &e.source.front;
    LinkView {
        title: &f.title,
        path: &e.path,
        description: f.description.as_deref(),
        date: f.date.as_ref().map(|d| d.iso.as_str()),
        summary,
        kind: if e.is_section() { "section" } else { "page" },
    }
}

/// The full view of entry `id`; linked entries carry their summaries when `summaries`.
pub fn entry<'a>(
    site: &'a Site,
    derived: &'a Derived,
    id: usize,
    summaries: bool,
) -> EntryView<'a> {
    let e = &site.entries[id];
    let body = &derived.bodies[id];
    let link = |other: usize| link_with(&site.entries[other], derived.summary(other, summaries));
    let f = &e.source.front;
    let terms = site
        .taxonomies
        .iter()
        .filter_map(|t| {
            let names = f.terms.get(&t.config.name)?;
            let terms = names
                .iter()
                .filter_map(|n| t.term_by_name(n))
                .map(|term| TermLink {
                    name: &term.name,
                    path: &term.path,
                })
                .collect();
            Some(PageTerms {
                taxonomy: &t.config.name,
                singular: &t.config.singular,
                plural: &t.config.plural,
                path: &t.path,
                terms,
            })
        })
        .collect();
    EntryView {
        kind: if e.is_section() { "section" } else { "page" },
        title: &f.title,
        description: f.description.as_deref(),
        date: f.date.as_ref().map(|d| d.iso.as_str()),
        updated: f.updated.as_ref().map(|d| d.iso.as_str()),
        last_changed: f
            .updated
            .as_ref()
            .or(f.date.as_ref())
            .map(|d| d.iso.as_str()),
        edit_url: site.config.edit_link(&e.source.rel),
        weight: f.weight,
        draft: f.draft,
        path: &e.path,
        permalink: site.config.permalink(&e.path),
        source: e.source.display_path(),
        content: &body.html,
        summary: body.summary.as_deref(),
        toc: &body.toc,
        heading_count: count_headings(&body.toc),
        word_count: body.word_count,
        reading_time: body.word_count.div_ceil(200).max(1),
        terms,
        extra: &f.extra,
        ancestors: site.ancestors(id).into_iter().map(link).collect(),
        pages: e.pages.iter().copied().map(link).collect(),
        subsections: e.subsections.iter().copied().map(link).collect(),
        unlinked_pages: unlinked(site, derived, id, &e.pages, summaries),
        unlinked_subsections: unlinked(site, derived, id, &e.subsections, summaries),
        previous: e.previous.map(link),
        next: e.next.map(link),
        backlinks: derived.backlinks[id].iter().copied().map(link).collect(),
        related: derived.related[id].iter().copied().map(link).collect(),
        governance: super::governance_views::entry_governance(site, derived, id, summaries),
        nav: Vec::new(),
        nav_html: String::new(),
    }
}

/// The view of a taxonomy with all its terms (without their pages).
pub fn taxonomy<'a>(site: &'a Site, derived: &'a Derived, t: &'a Taxonomy) -> TaxonomyView<'a> {
    TaxonomyView {
        name: &t.config.name,
        singular: &t.config.singular,
        plural: &t.config.plural,
        path: &t.path,
        terms: t
            .terms
            .iter()
            .map(|term| term_view(site, derived, term, false))
            .collect(),
    }
}

/// The view of a term, with its pages when `with_pages`.
pub fn term_view<'a>(
    site: &'a Site,
    derived: &'a Derived,
    term: &'a Term,
    with_pages: bool,
) -> TermView<'a> {
    TermView {
        name: &term.name,
        slug: &term.slug,
        path: &term.path,
        count: term.entries.len(),
        pages: if with_pages {
            term.entries
                .iter()
                .map(|id| link(site, derived, *id))
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// The entries of `ids` that `e`'s text does not link to.
fn unlinked<'a>(
    site: &'a Site,
    derived: &'a Derived,
    from: usize,
    ids: &[usize],
    summaries: bool,
) -> Vec<LinkView<'a>> {
    let linked: std::collections::HashSet<usize> = derived.bodies[from]
        .links
        .iter()
        .filter_map(|l| l.target)
        .collect();
    ids.iter()
        .filter(|id| !linked.contains(id))
        .map(|id| link_with(&site.entries[*id], derived.summary(*id, summaries)))
        .collect()
}

fn count_headings(toc: &[TocEntry]) -> usize {
    toc.iter().map(|h| 1 + count_headings(&h.children)).sum()
}

/// How many children of a section the navigation lists before linking to the section.
pub const NAV_MAX_CHILDREN: usize = 40;

/// One item of the section tree in the sidebar.
#[derive(Debug, Serialize)]
pub struct NavItem<'a> {
    pub title: &'a str,
    pub path: &'a str,
    /// `page` or `section`.
    pub kind: &'static str,
    /// This is the page being rendered.
    pub current: bool,
    /// This section contains the page being rendered (or is it): shown expanded.
    pub open: bool,
    /// Listed children (empty for pages, and for sections too large to list when closed).
    pub children: Vec<NavItem<'a>>,
    /// Children not listed (the section page lists them all).
    pub more: usize,
}

/// The section tree as seen from entry `current`: the start page's children, the branch
/// holding `current` expanded to any depth, other sections with their direct children.
/// Its size grows with depth and section size, never with the whole site.
pub fn nav(site: &Site, current: usize) -> Vec<NavItem<'_>> {
    let mut on_path: Vec<usize> = site.ancestors(current);
    on_path.push(current);
    let root = &site.entries[site.root];
    root.children
        .iter()
        .map(|id| nav_item(site, *id, current, &on_path, true))
        .collect()
}

/// Interface strings of the sidebar, looked up once per rendering pass.
pub struct NavStrings {
    pub section_overview: String,
    pub nav_more: String,
}

impl NavStrings {
    pub fn new(t: &serde_json::Value) -> NavStrings {
        let get = |key: &str| {
            super::escape_html(
                t.get(key)
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or(key),
            )
        };
        NavStrings {
            section_overview: get("section_overview"),
            nav_more: get("nav_more"),
        }
    }
}

/// Sidebar HTML of closed sections, which is the same on every page at the same depth:
/// by (section, depth of the page, listed because its parent is open).
#[derive(Default)]
pub struct NavCache {
    closed: std::sync::Mutex<std::collections::HashMap<(usize, usize, bool), String>>,
}

/// The sidebar tree of entry `current` as HTML `<li>` items, with links relative to `root`
/// (the same tree as [`nav`]). This is the markup of the default theme's former
/// `nav_items` macro, written directly: the sidebar is the largest part of most pages, and
/// building it in the template engine took a third of the rendering time of a large site.
pub fn nav_html(
    site: &Site,
    current: usize,
    root: &str,
    t: &NavStrings,
    cache: &NavCache,
) -> String {
    let mut on_path: Vec<usize> = site.ancestors(current);
    on_path.push(current);
    let depth = root.matches("../").count();
    let path = &site.entries[current].path;
    // Links outside the cache are written relative to the page's own folder when the page is
    // written at its path (`root` climbs exactly its folders): a sibling is `../name/`
    // rather than the whole path from the root, which makes the pages of a large section
    // about 10 % smaller.
    let here = (path.matches('/').count() == depth).then_some(path.as_str());
    let writer = NavWriter {
        site,
        current,
        on_path: &on_path,
        root,
        here,
        depth,
        t,
        cache,
    };
    let mut out = String::with_capacity(8 * 1024);
    for id in &site.entries[site.root].children {
        writer.item(&mut out, *id, true, false);
    }
    out
}

struct NavWriter<'a> {
    site: &'a Site,
    current: usize,
    on_path: &'a [usize],
    root: &'a str,
    /// The site path of the page's folder, when links may be written relative to it.
    here: Option<&'a str>,
    depth: usize,
    t: &'a NavStrings,
    cache: &'a NavCache,
}

impl NavWriter<'_> {
    /// Writes item `id`; `cached` when the HTML goes into the cache of closed sections, whose
    /// links may only depend on the page's depth.
    fn item(&self, out: &mut String, id: usize, expand: bool, cached: bool) {
        let e = &self.site.entries[id];
        let open = e.is_section() && self.on_path.contains(&id);
        if e.is_section() && !open {
            // A closed section never holds the current page: its HTML only depends on the
            // depth of the page (the relative links).
            let key = (id, self.depth, expand);
            let closed = || {
                self.cache
                    .closed
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
            };
            if let Some(html) = closed().get(&key) {
                out.push_str(html);
                return;
            }
            // Written without the lock held: the section's own sub-sections use the cache.
            let mut html = String::new();
            self.write(&mut html, id, open, expand, true);
            out.push_str(&html);
            closed().insert(key, html);
            return;
        }
        self.write(out, id, open, expand, cached);
    }

    fn write(&self, out: &mut String, id: usize, open: bool, expand: bool, cached: bool) {
        let e = &self.site.entries[id];
        out.push_str("<li class=\"nav-");
        out.push_str(if e.is_section() { "section" } else { "page" });
        out.push_str("\">");
        let Some((shown, more)) = listed_children(self.site, id, open, expand, self.on_path) else {
            self.link(out, &e.path, id == self.current, cached);
            super::escape_into(out, e.title());
            out.push_str("</a></li>");
            return;
        };
        out.push_str(if open {
            "<details open><summary>"
        } else {
            "<details><summary>"
        });
        super::escape_into(out, e.title());
        out.push_str("</summary><ul><li>");
        self.link(out, &e.path, id == self.current, cached);
        out.push_str(&self.t.section_overview);
        out.push_str("</a></li>");
        for child in shown {
            self.item(out, child, open, cached);
        }
        if more > 0 {
            out.push_str("<li class=\"nav-more\">");
            self.link(out, &e.path, false, cached);
            out.push_str(&self.t.nav_more);
            out.push_str(&format!(" ({more} till)</a></li>"));
        }
        out.push_str("</ul></details></li>");
    }

    fn link(&self, out: &mut String, path: &str, current: bool, cached: bool) {
        out.push_str("<a href=\"");
        match self.here.filter(|_| !cached) {
            Some(here) => super::escape_into(out, &relative_href(here, path)),
            None => {
                super::escape_into(out, self.root);
                super::escape_into(out, path);
            }
        }
        out.push_str(if current {
            "\" aria-current=\"page\">"
        } else {
            "\">"
        });
    }
}

/// The children section `id` lists in the sidebar and how many it leaves out, or `None`
/// when it lists none (pages; closed sections not expanded; closed sections too large).
fn listed_children(
    site: &Site,
    id: usize,
    open: bool,
    expand: bool,
    on_path: &[usize],
) -> Option<(Vec<usize>, usize)> {
    let e = &site.entries[id];
    if !e.is_section() || !(open || expand) || e.children.is_empty() {
        return None;
    }
    if !open && e.children.len() > NAV_MAX_CHILDREN {
        return None;
    }
    let mut shown: Vec<usize> = e.children.iter().take(NAV_MAX_CHILDREN).copied().collect();
    // Always show the branch that leads to the current page, even past the limit.
    if let Some(extra) = e
        .children
        .iter()
        .skip(NAV_MAX_CHILDREN)
        .find(|c| on_path.contains(c))
    {
        shown.push(*extra);
    }
    let more = e.children.len() - shown.len();
    Some((shown, more))
}

fn nav_item<'a>(
    site: &'a Site,
    id: usize,
    current: usize,
    on_path: &[usize],
    expand: bool,
) -> NavItem<'a> {
    let e = &site.entries[id];
    let open = e.is_section() && on_path.contains(&id);
    let mut item = NavItem {
        title: e.title(),
        path: &e.path,
        kind: if e.is_section() { "section" } else { "page" },
        current: id == current,
        open,
        children: Vec::new(),
        more: 0,
    };
    if let Some((shown, more)) = listed_children(site, id, open, expand, on_path) {
        item.more = more;
        item.children = shown
            .into_iter()
            .map(|c| nav_item(site, c, current, on_path, open))
            .collect();
    }
    item
}

/// One entry on a print page.
#[derive(Debug, Serialize)]
pub struct PrintPart<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    /// The entry's own site path.
    pub path: &'a str,
    /// Id of the part's heading on the print page.
    pub anchor: String,
    /// The entry's content, ready for the print page.
    pub content: String,
    /// `page` or `section`.
    pub kind: &'static str,
}

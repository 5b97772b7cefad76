//! Typed, borrowed views handed to templates. These structs are the template API,
//! documented field by field in `themes/default/README.md`.

use serde::Serialize;

pub use super::nav::{nav, nav_html, nav_html_matrix, NavCache, NavItem, NavStrings};
use crate::markdown::TocEntry;
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
    /// The glossary's terms by first letter, in Swedish order, only letters with terms
    /// (`letter`, `id`, `terms`).
    pub glossary_letters: Vec<super::site_pages::GlossaryLetter<'a>>,
    /// Site path of the glossary page, if one is configured.
    pub glossary_path: Option<&'a str>,
    /// The entries changed last, newest first by `updated`, else `date`; at most five, empty
    /// when no entry has a date (`title`, `path`, `description`, `date`, `field`).
    pub recent: Vec<super::site_pages::RecentView<'a>>,
    /// Site path of the review page "Dokument att se över", when the site has governing documents.
    pub review_path: Option<&'a str>,
    /// Site path of the focus-area matrix, when the site has action plans.
    pub matrix_path: Option<&'a str>,
    /// Site path of the accessibility statement, when configured.
    pub accessibility_path: Option<&'a str>,
    /// Site path of the page "Senaste ändringar", when the site has a git history.
    pub changes_path: Option<&'a str>,
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
    /// When the page last changed: `updated`, else the last commit that changed its file
    /// (git), else `date` (`YYYY-MM-DD…`).
    pub last_changed: Option<String>,
    /// The page's edit link: `edit_url:`, else the forge's edit page (`repository:`).
    pub edit_url: Option<String>,
    /// The file's history in the forge (`repository:`).
    pub history_url: Option<String>,
    /// What git says of the page's file: created, changed, author, local changes.
    pub git: Option<super::history_views::GitView<'a>>,
    /// Governing documents: their versions, newest first ("Versionshistorik").
    pub versions: Vec<super::history_views::VersionView<'a>>,
    /// Site path of the document's versions page (what changed between versions).
    pub versions_path: Option<&'a str>,
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

/// A term; `pages` and `focus_area` are filled on the term's own page only.
#[derive(Debug, Serialize)]
pub struct TermView<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub path: &'a str,
    pub count: usize,
    pub pages: Vec<LinkView<'a>>,
    /// The action plans' focus area of the same name: its page holds every committee's
    /// positions and activities.
    pub focus_area: Option<super::site_pages::FocusAreaLink<'a>>,
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
    /// The page "Senaste ändringar".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<super::history_views::ChangesView<'a>>,
    /// A governing document's versions page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<super::history_views::VersionsView<'a>>,
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
            changes: None,
            versions: None,
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
            glossary_letters: super::site_pages::glossary_letters(&site.glossary),
            recent: super::site_pages::recent(site),
            glossary_path: site.glossary_page.map(|g| site.entries[g].path.as_str()),
            review_path: site.routes.page_of(Route::Review),
            matrix_path: site.routes.page_of(Route::Matrix),
            accessibility_path: site.routes.page_of(Route::Accessibility),
            changes_path: site.routes.page_of(Route::Changes),
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
    content: &'a str,
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
        last_changed: site.last_changed(id).map(|l| l.when.iso),
        edit_url: super::history_views::edit_url(site, &e.source.rel),
        history_url: super::history_views::history_url(site, &e.source.rel),
        git: super::history_views::git(site, id),
        versions: super::history_views::versions(site, id),
        versions_path: super::history_views::versions_path(site, id),
        weight: f.weight,
        draft: f.draft,
        path: &e.path,
        permalink: site.config.permalink(&e.path),
        source: e.source.display_path(),
        content,
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
        focus_area: None,
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

//! Typed, borrowed views handed to templates. These structs are the template API,
//! documented field by field in `themes/default/README.md`.

use serde::Serialize;

use crate::markdown::TocEntry;
use crate::site::{Entry, Site, Taxonomy, Term};

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
}

impl<'a> SiteView<'a> {
    pub fn new(site: &'a Site) -> Self {
        let c = &site.config;
        let root = &site.entries[site.root];
        SiteView {
            title: &c.title,
            description: c.description.as_deref(),
            base_url: &c.base_url,
            language: &c.language,
            extra: &c.extra,
            home: link(root),
            sections: root
                .subsections
                .iter()
                .map(|id| link(&site.entries[*id]))
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
        }
    }
}

/// A link view of an entry.
pub fn link(e: &Entry) -> LinkView<'_> {
    let f = &e.source.front;
    LinkView {
        title: &f.title,
        path: &e.path,
        description: f.description.as_deref(),
        date: f.date.as_ref().map(|d| d.iso.as_str()),
        summary: e.rendered.summary.as_deref(),
        kind: if e.is_section() { "section" } else { "page" },
    }
}

/// The full view of entry `id`.
pub fn entry(site: &Site, id: usize) -> EntryView<'_> {
    let e = &site.entries[id];
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
        weight: f.weight,
        draft: f.draft,
        path: &e.path,
        permalink: site.config.permalink(&e.path),
        source: e.source.display_path(),
        content: &e.rendered.html,
        summary: e.rendered.summary.as_deref(),
        toc: &e.rendered.toc,
        heading_count: count_headings(&e.rendered.toc),
        word_count: e.rendered.word_count,
        reading_time: e.rendered.word_count.div_ceil(200).max(1),
        terms,
        extra: &f.extra,
        ancestors: site
            .ancestors(id)
            .into_iter()
            .map(|a| link(&site.entries[a]))
            .collect(),
        pages: e.pages.iter().map(|p| link(&site.entries[*p])).collect(),
        subsections: e
            .subsections
            .iter()
            .map(|p| link(&site.entries[*p]))
            .collect(),
    }
}

/// The view of a taxonomy with all its terms (without their pages).
pub fn taxonomy<'a>(site: &'a Site, t: &'a Taxonomy) -> TaxonomyView<'a> {
    TaxonomyView {
        name: &t.config.name,
        singular: &t.config.singular,
        plural: &t.config.plural,
        path: &t.path,
        terms: t
            .terms
            .iter()
            .map(|term| term_view(site, term, false))
            .collect(),
    }
}

/// The view of a term, with its pages when `with_pages`.
pub fn term_view<'a>(site: &'a Site, term: &'a Term, with_pages: bool) -> TermView<'a> {
    TermView {
        name: &term.name,
        slug: &term.slug,
        path: &term.path,
        count: term.entries.len(),
        pages: if with_pages {
            term.entries
                .iter()
                .map(|id| link(&site.entries[*id]))
                .collect()
        } else {
            Vec::new()
        },
    }
}

fn count_headings(toc: &[TocEntry]) -> usize {
    toc.iter().map(|h| 1 + count_headings(&h.children)).sum()
}

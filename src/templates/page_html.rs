//! The built-in theme's `page.html`, `taxonomy.html` and `term.html` (with `base.html` and
//! the macros they call) written in Rust. Tera stays the engine of every template: this
//! writer writes a page only while its template, `base.html`, `macros.html` and both
//! partials are the built-in texts, and then it prints, byte for byte, what Tera prints
//! from those texts (a test renders sites both ways and compares the trees). Interpreting
//! the templates with a serialised context was the largest single cost of a large build;
//! these pages are most of a site.
//!
//! Each function below is one macro or block of the templates, named after it, and follows
//! its text line by line: the whitespace it prints is the whitespace Tera leaves after the
//! templates' `{%-` and `-%}` trims.

use std::collections::HashMap;

use super::governance_views::{MeetingSummary, MeetingView};
use super::history_views::VersionView;
use super::views::{Context, EntryView, LinkView, PageTerms, SiteView, TaxonomyView, TermView};
use super::{escape_into, hyphenated};
use crate::content::action_plan::ActionPlan;
use crate::content::document::DocumentControl;
use crate::markdown::TocEntry;

/// The templates the writer writes pages of.
pub const WRITTEN: [&str; 3] = ["page.html", "taxonomy.html", "term.html"];

/// The templates every written page prints through: when one of them is not the built-in
/// text, Tera renders every page.
pub const SHARED: [&str; 4] = [
    "base.html",
    "macros.html",
    "partials/header.html",
    "partials/footer.html",
];

/// The interface strings (`t.*`) the templates print. When one of them is missing or not a
/// text, Tera renders the pages (and reports what it reports).
const STRINGS: [&str; 66] = [
    "activities",
    "all_of",
    "no_pages",
    "page_count_one",
    "term_focus_area",
    "term_focus_area_plan",
    "term_focus_area_plans",
    "and",
    "backlinks",
    "breadcrumbs",
    "changed_by",
    "changed_locally",
    "connections_show",
    "date",
    "doc_adopted",
    "doc_decided_by",
    "doc_decision_date",
    "doc_dnr",
    "doc_established",
    "doc_owner",
    "doc_paragraph",
    "doc_references",
    "doc_review_by",
    "doc_revised",
    "doc_type",
    "doc_valid_until",
    "document_info",
    "edit_page",
    "focus_area",
    "focus_areas",
    "last_changed",
    "meeting_agenda",
    "meeting_date",
    "meeting_network",
    "meeting_place",
    "meeting_theme",
    "meeting_time",
    "meetings_calendar",
    "meetings_none",
    "meetings_past",
    "meetings_upcoming",
    "next",
    "no_activities",
    "no_positions",
    "on_this_page",
    "page_count_many",
    "pagination",
    "plan_note",
    "plan_note_gaps",
    "plan_note_repeats",
    "positions",
    "previous",
    "related",
    "search_marked",
    "search_unmark",
    "show_history",
    "sidebar",
    "skip_link",
    "terms_heading",
    "to_top",
    "version_author",
    "version_change",
    "version_commit",
    "version_date",
    "version_history",
    "version_show_change",
];

/// The writer of one rendering setup: the interface strings, escaped once.
#[derive(Debug)]
pub struct PageWriter {
    strings: HashMap<&'static str, String>,
    /// `hyphenate` puts soft hyphens in (Swedish sites); elsewhere it prints the text.
    swedish: bool,
}

/// What one page's text is made of besides its view.
pub struct PageParts<'p> {
    pub site: &'p SiteView<'p>,
    pub root: &'p str,
    pub header: &'p str,
    pub footer: &'p str,
}

impl PageWriter {
    /// The writer for interface strings `t`, when every string it prints is a text.
    pub fn new(t: &serde_json::Value, swedish: bool) -> Option<PageWriter> {
        let strings = STRINGS
            .iter()
            .map(|key| {
                let text = t.get(*key)?.as_str()?;
                let mut escaped = String::with_capacity(text.len());
                escape_into(&mut escaped, text);
                Some((*key, escaped))
            })
            .collect::<Option<HashMap<_, _>>>()?;
        Some(PageWriter { strings, swedish })
    }

    /// `t.key`, escaped.
    fn t(&self, key: &str) -> &str {
        self.strings.get(key).map_or("", String::as_str)
    }

    /// The page of a taxonomy (`taxonomy.html`) or of a term (`term.html`) that `ctx`
    /// holds; `None` for any other template.
    pub fn view(&self, name: &str, ctx: &Context, parts: &PageParts) -> Option<Vec<u8>> {
        let mut w = Writer {
            out: String::with_capacity(32 * 1024),
            root: parts.root,
            t: self,
        };
        match (name, &ctx.taxonomy, &ctx.term) {
            ("taxonomy.html", Some(taxonomy), None) => w.taxonomy(taxonomy, parts),
            ("term.html", Some(taxonomy), Some(term)) => w.term(taxonomy, term, parts),
            _ => return None,
        }
        Some(w.out.into_bytes())
    }

    /// Page `page` as `page.html` prints it.
    pub fn page(&self, page: &EntryView, parts: &PageParts) -> Vec<u8> {
        let mut w = Writer {
            out: String::with_capacity(16 * 1024 + 2 * page.content.len()),
            root: parts.root,
            t: self,
        };
        w.base(page, parts);
        w.out.into_bytes()
    }
}

/// One page being written.
struct Writer<'w> {
    out: String,
    root: &'w str,
    t: &'w PageWriter,
}

/// A text as the templates test it: present and not empty.
fn given(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.is_empty())
}

/// `value | truncate(length=10, end="")` of a date (dates are ASCII).
fn day(value: &str) -> &str {
    value
        .char_indices()
        .nth(10)
        .map_or(value, |(i, _)| &value[..i])
}

/// Tera's `capitalize`: the first letter upper case, the rest lower case.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        None => String::new(),
        Some(first) => first.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
    }
}

impl Writer<'_> {
    fn s(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// `{{ text }}`: escaped.
    fn e(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// `{{ t.key }}`.
    fn t(&mut self, key: &str) {
        self.out.push_str(self.t.t(key));
    }

    /// `{{ number }}`.
    fn n(&mut self, number: impl std::fmt::Display) {
        use std::fmt::Write;
        let _ = write!(self.out, "{number}");
    }

    /// `{{ text | hyphenate }}`.
    fn hyphenated(&mut self, text: &str) {
        if self.t.swedish {
            escape_into(&mut self.out, &hyphenated(text));
        } else {
            escape_into(&mut self.out, text);
        }
    }

    /// `href="{{ root }}{{ path }}"`'s value.
    fn href(&mut self, path: &str) {
        let root = self.root;
        self.e(root);
        self.e(path);
    }

    /// `<a href="{{ root }}{{ path }}">{{ title }}</a>`.
    fn a(&mut self, path: &str, title: &str) {
        self.s("<a href=\"");
        self.href(path);
        self.s("\">");
        self.e(title);
        self.s("</a>");
    }

    /// `<time datetime="{{ value }}">{{ value }}</time>`.
    fn time(&mut self, value: &str) {
        self.s("<time datetime=\"");
        self.e(value);
        self.s("\">");
        self.e(value);
        self.s("</time>");
    }

    /// `base.html` with `page.html`'s blocks.
    fn base(&mut self, page: &EntryView, parts: &PageParts) {
        let site = parts.site;
        self.skeleton(
            parts,
            |w| {
                w.e(page.title);
                w.s(" – ");
                w.e(site.title);
                w.s("</title>");
                if let Some(d) = given(page.description) {
                    w.s("\n<meta name=\"description\" content=\"");
                    w.e(d);
                    w.s("\">");
                }
                if site.base_url.starts_with("http") {
                    w.s("\n<link rel=\"canonical\" href=\"");
                    w.e(&page.permalink);
                    w.s("\">");
                }
                w.s("\n");
            },
            |w| w.sidebar(page),
            |w| w.main(page),
        );
    }

    /// `base.html`: `title_and_head` writes the title's text, `</title>` and the block
    /// `head`; `sidebar` and `main` the blocks of those names.
    fn skeleton(
        &mut self,
        parts: &PageParts,
        title_and_head: impl FnOnce(&mut Self),
        sidebar: impl FnOnce(&mut Self),
        main: impl FnOnce(&mut Self),
    ) {
        let site = parts.site;
        self.s("<!DOCTYPE html>\n<html lang=\"");
        self.e(site.language);
        self.s("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        title_and_head(self);
        self.s("\n<link rel=\"stylesheet\" href=\"");
        self.href("handbok.css");
        self.s("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
        self.e(site.title);
        self.s("\" href=\"");
        self.href("atom.xml");
        self.s("\">\n<script src=\"");
        self.href("handbok.js");
        self.s("\"></script>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#innehall\">");
        self.t("skip_link");
        self.s("</a>\n");
        self.s(parts.header);
        self.s("<div class=\"wrap layout\">\n");
        sidebar(self);
        self.s("\n<main id=\"innehall\" tabindex=\"-1\" data-marked=\"");
        self.t("search_marked");
        self.s("\" data-unmark=\"");
        self.t("search_unmark");
        self.s("\">\n");
        main(self);
        self.s("\n</main>\n</div>\n");
        self.s(parts.footer);
        self.s("</body>\n</html>\n");
    }

    /// `base.html`'s own block `head`, after a title of `titles` joined by ` – `.
    fn site_head(&mut self, site: &SiteView, titles: &[&str]) {
        for (i, title) in titles.iter().enumerate() {
            if i > 0 {
                self.s(" – ");
            }
            self.e(title);
        }
        self.s("</title>");
        if let Some(d) = given(site.description) {
            self.s("\n<meta name=\"description\" content=\"");
            self.e(d);
            self.s("\">");
        }
    }

    /// The breadcrumbs of a taxonomy or term page: the start page, `links`, then `current`.
    fn trail(&mut self, site: &SiteView, links: &[(&str, &str)], current: &str) {
        self.s("\n<nav class=\"breadcrumbs\" aria-label=\"");
        self.t("breadcrumbs");
        self.s("\">\n  <ol>\n    <li>");
        self.a("", site.home.title);
        self.s("</li>");
        for (path, title) in links {
            self.s("\n    <li>");
            self.a(path, title);
            self.s("</li>");
        }
        self.s("\n    <li><span aria-current=\"page\">");
        self.e(current);
        self.s("</span></li>\n  </ol>\n</nav>");
    }

    /// `taxonomy.html`.
    fn taxonomy(&mut self, taxonomy: &TaxonomyView, parts: &PageParts) {
        let site = parts.site;
        self.skeleton(
            parts,
            |w| w.site_head(site, &[taxonomy.plural, site.title]),
            |_| {},
            |w| {
                w.trail(site, &[], taxonomy.plural);
                w.s("\n<article class=\"taxonomy\">\n  <h1>");
                w.e(taxonomy.plural);
                w.s("</h1>");
                if taxonomy.terms.is_empty() {
                    w.s("\n  <p>");
                    w.t("no_pages");
                    w.s("</p>");
                } else {
                    w.s("\n  <ul class=\"listing terms\">");
                    for term in &taxonomy.terms {
                        w.s("\n    <li>");
                        w.a(term.path, term.name);
                        w.s(" <span class=\"count\">(");
                        w.n(term.count);
                        w.s(" ");
                        w.t(if term.count == 1 {
                            "page_count_one"
                        } else {
                            "page_count_many"
                        });
                        w.s(")</span></li>");
                    }
                    w.s("\n  </ul>");
                }
                w.s("\n</article>\n");
            },
        );
    }

    /// `term.html`.
    fn term(&mut self, taxonomy: &TaxonomyView, term: &TermView, parts: &PageParts) {
        let site = parts.site;
        self.skeleton(
            parts,
            |w| w.site_head(site, &[term.name, taxonomy.plural, site.title]),
            |_| {},
            |w| {
                w.trail(site, &[(taxonomy.path, taxonomy.plural)], term.name);
                w.s("\n<article class=\"term\">\n  <h1><span class=\"kicker\">");
                w.e(taxonomy.singular);
                w.s(":</span> ");
                w.e(term.name);
                w.s("</h1>");
                if let Some(f) = &term.focus_area {
                    w.s("\n  <p class=\"see-also\">");
                    w.s("<a href=\"");
                    w.href(f.path);
                    w.s("\">");
                    w.t("term_focus_area");
                    w.s("</a> (");
                    w.n(f.plans);
                    w.s(" ");
                    w.t(if f.plans == 1 {
                        "term_focus_area_plan"
                    } else {
                        "term_focus_area_plans"
                    });
                    w.s(")</p>");
                }
                w.s("\n  ");
                w.listing(&term.pages);
                w.s("\n  <p><a href=\"");
                w.href(taxonomy.path);
                w.s("\">");
                w.t("all_of");
                w.s(" ");
                w.e(&taxonomy.plural.to_lowercase());
                w.s("</a></p>\n</article>\n");
            },
        );
    }

    fn listing(&mut self, items: &[LinkView]) {
        self.s("\n<ul class=\"listing\">");
        for p in items {
            self.s("\n  <li>\n    <a href=\"");
            self.href(p.path);
            self.s("\">");
            self.hyphenated(p.title);
            self.s("</a>");
            if let Some(d) = given(p.description) {
                self.s("<p>");
                self.e(d);
                self.s("</p>");
            }
            self.s("\n  </li>");
        }
        self.s("\n</ul>\n");
    }

    /// `page.html`'s block `main`.
    fn main(&mut self, page: &EntryView) {
        let aside = page.governance.action_plan.is_some() || page.heading_count >= 3;
        self.s("\n");
        self.breadcrumbs(page);
        self.s("\n<article class=\"page");
        if aside {
            self.s(" has-aside");
        }
        self.s("\">\n  <header class=\"page-header\">\n    <h1>");
        self.hyphenated(page.title);
        self.s("</h1>");
        if let Some(d) = given(page.description) {
            self.s("\n    <p class=\"lead\">");
            self.e(d);
            self.s("</p>");
        }
        self.s("\n    ");
        self.meta(page);
        self.s("\n  </header>\n  ");
        self.document(page.governance.document);
        if aside {
            self.s("\n  <div class=\"page-aside\">");
            match page.governance.action_plan {
                Some(plan) => self.action_plan_nav(plan, page.toc),
                None => self.toc(page),
            }
            self.s("\n    <p class=\"to-top\"><a href=\"#innehall\">");
            self.t("to_top");
            self.s("</a></p>\n  </div>");
        }
        self.s("\n  <div class=\"content\">\n<!-- handbok:content -->");
        self.meeting(page.governance.meeting.as_ref());
        if let Some(plan) = page.governance.action_plan {
            self.action_plan(plan);
        }
        self.s(page.content);
        self.s("<!-- /handbok:content -->\n  </div>\n  ");
        self.network_meetings(page);
        self.s("\n  ");
        self.terms(&page.terms);
        self.s("\n  ");
        self.connections(page);
        self.s("\n  ");
        self.version_history(page);
        self.s("\n  ");
        self.page_footer(page);
        if aside {
            self.s("\n  <p class=\"to-top to-top-end\"><a href=\"#innehall\">");
            self.t("to_top");
            self.s("</a></p>");
        }
        self.s("\n  ");
        self.pagination(page);
        self.s("\n</article>\n");
    }

    fn sidebar(&mut self, page: &EntryView) {
        self.s("\n<nav class=\"sidebar\" aria-labelledby=\"sidebar-rubrik\">\n  <details class=\"sidebar-toggle\" open>\n    <summary id=\"sidebar-rubrik\">");
        self.t("sidebar");
        self.s("</summary>\n    <ul class=\"nav-tree\">");
        self.s(&page.nav_html);
        self.s("</ul>\n  </details>\n</nav>\n");
    }

    fn breadcrumbs(&mut self, page: &EntryView) {
        self.s("\n<nav class=\"breadcrumbs\" aria-label=\"");
        self.t("breadcrumbs");
        self.s("\">\n  <ol>");
        for a in &page.ancestors {
            self.s("\n    <li>");
            self.a(a.path, a.title);
            self.s("</li>");
        }
        self.s("\n    <li><span aria-current=\"page\">");
        self.e(page.title);
        self.s("</span></li>\n  </ol>\n</nav>\n");
    }

    fn meta(&mut self, page: &EntryView) {
        let shown = page.date.map_or("", day);
        let last = page.updated.map_or("", day);
        if !shown.is_empty() && !last.is_empty() && shown != last {
            self.s("\n<dl class=\"page-meta\">\n  <div><dt>");
            self.t("date");
            self.s("</dt><dd><time datetime=\"");
            self.e(page.date.unwrap_or_default());
            self.s("\">");
            self.e(shown);
            self.s("</time></dd></div>\n</dl>");
        }
        self.s("\n");
    }

    /// `<div><dt>{{ t.key }}</dt><dd>{{ value }}</dd></div>`, when `value` is given; the
    /// value as a `<time>` when `time`.
    fn fact(&mut self, key: &str, value: Option<&str>, time: bool) {
        if let Some(v) = given(value) {
            self.s("<div><dt>");
            self.t(key);
            self.s("</dt><dd>");
            if time {
                self.time(v);
            } else {
                self.e(v);
            }
            self.s("</dd></div>");
        }
    }

    fn document<'a>(&mut self, document: Option<&'a DocumentControl>) {
        if let Some(d) = document {
            let date = |v: &'a Option<crate::dates::DateValue>| v.as_ref().map(|d| d.iso.as_str());
            self.s("\n<aside class=\"document-control\" aria-labelledby=\"dokumentinfo-rubrik\">\n  <h2 id=\"dokumentinfo-rubrik\">");
            self.t("document_info");
            self.s("</h2>\n  <dl>");
            let kind = given(d.doc_type.as_deref()).map(capitalize);
            self.fact("doc_type", kind.as_deref(), false);
            self.fact("doc_owner", d.owner.as_deref(), false);
            self.fact("doc_decided_by", d.decided_by.as_deref(), false);
            self.fact("doc_decision_date", date(&d.decision_date), true);
            self.fact("doc_paragraph", d.paragraph.as_deref(), false);
            self.fact("doc_dnr", d.dnr.as_deref(), false);
            self.fact("doc_established", date(&d.established), true);
            self.fact("doc_adopted", date(&d.adopted), true);
            self.fact("doc_revised", date(&d.revised), true);
            self.fact("doc_valid_until", date(&d.valid_until), true);
            self.fact("doc_review_by", date(&d.review_by), true);
            if !d.references.is_empty() {
                self.s("<div><dt>");
                self.t("doc_references");
                self.s("</dt>");
                for r in &d.references {
                    self.s("<dd>");
                    self.e(r);
                    self.s("</dd>");
                }
                self.s("</div>");
            }
            self.s("\n  </dl>\n</aside>");
        }
        self.s("\n");
    }

    fn toc_list(&mut self, items: &[TocEntry]) {
        self.s("\n<ol>");
        for h in items {
            self.s("\n  <li><a href=\"#");
            self.e(&h.id);
            self.s("\">");
            self.e(&h.title);
            self.s("</a>");
            if !h.children.is_empty() {
                self.toc_list(&h.children);
            }
            self.s("</li>");
        }
        self.s("\n</ol>\n");
    }

    fn toc(&mut self, page: &EntryView) {
        if page.heading_count >= 3 {
            self.s("\n<nav class=\"toc\" aria-labelledby=\"toc-rubrik\">\n  <h2 id=\"toc-rubrik\" class=\"toc-title\">");
            self.t("on_this_page");
            self.s("</h2>\n  ");
            self.toc_list(page.toc);
            self.s("\n</nav>");
        }
        self.s("\n");
    }

    fn action_plan_nav(&mut self, plan: &ActionPlan, toc: &[TocEntry]) {
        self.s("\n<nav class=\"toc\" aria-labelledby=\"fokusomraden-rubrik\">\n  <h2 id=\"fokusomraden-rubrik\" class=\"toc-title\">");
        self.t("focus_areas");
        self.s("</h2>\n  <ul>");
        for f in &plan.focus_areas {
            self.s("\n    <li><a href=\"#fokusomrade-");
            self.n(f.number);
            self.s("\">");
            self.t("focus_area");
            self.s(" ");
            self.n(f.number);
            self.s(" ");
            self.e(&f.name);
            self.s("</a></li>");
        }
        for h in toc {
            self.s("\n    <li><a href=\"#");
            self.e(&h.id);
            self.s("\">");
            self.e(&h.title);
            self.s("</a></li>");
        }
        self.s("\n  </ul>\n</nav>\n");
    }

    /// `1, 2 och 3`.
    fn and_list(&mut self, items: &[u32]) {
        for (i, item) in items.iter().enumerate() {
            if i > 0 && i + 1 == items.len() {
                self.s(" ");
                self.t("and");
                self.s(" ");
            } else if i > 0 {
                self.s(", ");
            }
            self.n(item);
        }
    }

    /// One focus area's list of positions or activities (`kind` names an item's id).
    fn plan_items(&mut self, number: u32, items: &[String], kind: &str, none: &str) {
        if items.is_empty() {
            self.s("\n  <p>");
            self.t(none);
            self.s("</p>");
            return;
        }
        self.s("\n  <ul>");
        for (i, item) in items.iter().enumerate() {
            self.s("\n    <li id=\"fokusomrade-");
            self.n(number);
            self.s("-");
            self.s(kind);
            self.s("-");
            self.n(i + 1);
            self.s("\">");
            self.e(item);
            self.s("</li>");
        }
        self.s("\n  </ul>");
    }

    fn action_plan(&mut self, plan: &ActionPlan) {
        if !plan.gaps.is_empty() || !plan.repeated_in.is_empty() {
            self.s("\n<p class=\"plan-note note\">");
            self.t("plan_note");
            for (key, numbers) in [
                ("plan_note_gaps", &plan.gaps),
                ("plan_note_repeats", &plan.repeated_in),
            ] {
                if !numbers.is_empty() {
                    self.s(" ");
                    self.t(key);
                    self.s(" ");
                    self.and_list(numbers);
                    self.s(".");
                }
            }
            self.s("</p>");
        }
        for f in &plan.focus_areas {
            self.s("\n<section class=\"fokusomrade\" aria-labelledby=\"fokusomrade-");
            self.n(f.number);
            self.s("\">\n  <h2 id=\"fokusomrade-");
            self.n(f.number);
            self.s("\">");
            self.t("focus_area");
            self.s(" ");
            self.n(f.number);
            self.s(" ");
            self.e(&f.name);
            self.s("</h2>\n  <h3 id=\"fokusomrade-");
            self.n(f.number);
            self.s("-stallningstaganden\">");
            self.t("positions");
            self.s("</h3>");
            self.plan_items(f.number, &f.positions, "stallningstagande", "no_positions");
            self.s("\n  <h3 id=\"fokusomrade-");
            self.n(f.number);
            self.s("-aktiviteter\">");
            self.t("activities");
            self.s("</h3>");
            self.plan_items(f.number, &f.activities, "aktivitet", "no_activities");
            self.s("\n</section>");
        }
        self.s("\n");
    }

    fn meeting(&mut self, meeting: Option<&MeetingView>) {
        if let Some(mt) = meeting {
            self.s("\n<dl class=\"meeting\">\n  <div><dt>");
            self.t("meeting_date");
            self.s("</dt><dd>");
            self.time(mt.date);
            self.s("</dd></div>");
            if let Some(start) = given(mt.start) {
                self.s("<div><dt>");
                self.t("meeting_time");
                self.s("</dt><dd>");
                self.e(start);
                if let Some(end) = given(mt.end) {
                    self.s("–");
                    self.e(end);
                }
                self.s("</dd></div>");
            }
            self.fact("meeting_place", mt.place, false);
            if let Some(network) = &mt.network {
                self.s("<div><dt>");
                self.t("meeting_network");
                self.s("</dt><dd>");
                self.a(network.path, network.title);
                self.s("</dd></div>");
            }
            self.fact("meeting_theme", mt.theme, false);
            self.s("\n</dl>");
            if !mt.agenda.is_empty() {
                self.s("\n<h2 id=\"dagordning\">");
                self.t("meeting_agenda");
                self.s("</h2>\n<ol class=\"agenda\">");
                for item in &mt.agenda {
                    self.s("\n  <li>");
                    match given(item.href.as_deref()) {
                        Some(href) => {
                            self.s("<a href=\"");
                            self.e(href);
                            self.s("\">");
                            self.e(item.text);
                            self.s("</a>");
                        }
                        None => self.e(item.text),
                    }
                    self.s("</li>");
                }
                self.s("\n</ol>");
            }
        }
        self.s("\n");
    }

    fn meeting_list(&mut self, items: &[MeetingSummary]) {
        self.s("\n<ul class=\"listing meetings\">");
        for mt in items {
            self.s("\n  <li><a href=\"");
            self.href(mt.path);
            self.s("\"><time datetime=\"");
            self.e(mt.date);
            self.s("\">");
            self.e(mt.date);
            self.s("</time>");
            if let Some(start) = given(mt.start) {
                self.s(" ");
                self.e(start);
            }
            self.s(": ");
            self.e(mt.title);
            self.s("</a>");
            if let Some(theme) = given(mt.theme) {
                self.s("<p>");
                self.e(theme);
                if let Some(place) = given(mt.place) {
                    self.s(" · ");
                    self.e(place);
                }
                self.s("</p>");
            } else if let Some(place) = given(mt.place) {
                self.s("<p>");
                self.e(place);
                self.s("</p>");
            }
            self.s("</li>");
        }
        self.s("\n</ul>\n");
    }

    fn network_meetings(&mut self, page: &EntryView) {
        let g = &page.governance;
        if let Some(calendar) = given(g.calendar.as_deref()) {
            self.s("\n<section class=\"network-meetings\" aria-labelledby=\"moten-rubrik\">\n  <h2 id=\"moten-rubrik\">");
            self.t("meetings_upcoming");
            self.s("</h2>");
            if g.meetings_upcoming.is_empty() {
                self.s("\n  <p>");
                self.t("meetings_none");
                self.s("</p>");
            } else {
                self.s("\n  ");
                self.meeting_list(&g.meetings_upcoming);
            }
            self.s("\n  <p><a href=\"");
            self.href(calendar);
            self.s("\">");
            self.t("meetings_calendar");
            self.s("</a></p>");
            if !g.meetings_past.is_empty() {
                self.s("\n  <details>\n    <summary>");
                self.t("meetings_past");
                self.s("</summary>\n    ");
                self.meeting_list(&g.meetings_past);
                self.s("\n  </details>");
            }
            self.s("\n</section>");
        }
        self.s("\n");
    }

    fn terms(&mut self, terms: &[PageTerms]) {
        if !terms.is_empty() {
            self.s("\n<section class=\"page-terms\" aria-labelledby=\"kategorier-rubrik\">\n  <h2 id=\"kategorier-rubrik\">");
            self.t("terms_heading");
            self.s("</h2>\n  <dl>");
            for group in terms {
                self.s("\n    <div>\n      <dt>");
                self.a(group.path, group.plural);
                self.s("</dt>");
                for term in &group.terms {
                    self.s("\n      <dd>");
                    self.a(term.path, term.name);
                    self.s("</dd>");
                }
                self.s("\n    </div>");
            }
            self.s("\n  </dl>\n</section>");
        }
        self.s("\n");
    }

    fn link_list(&mut self, items: &[LinkView]) {
        self.s("\n<ul class=\"link-list\">");
        for p in items {
            self.s("\n  <li>");
            self.a(p.path, p.title);
            if let Some(d) = given(p.description).filter(|d| d.chars().count() <= 120) {
                self.s(" <span class=\"link-note\">");
                self.e(d);
                self.s("</span>");
            }
            self.s("</li>");
        }
        self.s("\n</ul>\n");
    }

    fn folded_list(&mut self, items: &[LinkView]) {
        if items.len() > 5 {
            self.s("\n<details>\n  <summary>");
            self.t("connections_show");
            self.s(" ");
            self.n(items.len());
            self.s(" ");
            self.t("page_count_many");
            self.s("</summary>\n  ");
            self.link_list(items);
            self.s("\n</details>");
        } else {
            self.s("\n");
            self.link_list(items);
        }
        self.s("\n");
    }

    fn connections(&mut self, page: &EntryView) {
        // The class, the heading's interface string and the heading's id are one name.
        for (name, items) in [("backlinks", &page.backlinks), ("related", &page.related)] {
            if !items.is_empty() {
                self.s("\n<section class=\"");
                self.s(name);
                self.s("\" aria-labelledby=\"");
                self.s(name);
                self.s("-rubrik\">\n  <h2 id=\"");
                self.s(name);
                self.s("-rubrik\">");
                self.t(name);
                self.s("</h2>\n  ");
                self.folded_list(items);
                self.s("\n</section>");
            }
        }
        self.s("\n");
    }

    fn version_history(&mut self, page: &EntryView) {
        if !page.versions.is_empty() {
            let authors = page.versions.iter().any(|v| v.author.is_some());
            self.s("\n<section class=\"version-history\" aria-labelledby=\"versionshistorik-rubrik\">\n  <h2 id=\"versionshistorik-rubrik\">");
            self.t("version_history");
            self.s("</h2>\n  <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"versionshistorik-rubrik\">\n  <table>\n    <thead><tr><th scope=\"col\">");
            self.t("version_date");
            self.s("</th>");
            if authors {
                self.s("<th scope=\"col\">");
                self.t("version_author");
                self.s("</th>");
            }
            self.s("<th scope=\"col\">");
            self.t("version_change");
            self.s("</th></tr></thead>\n    <tbody>");
            for v in &page.versions {
                self.version(page, v, authors);
            }
            self.s("\n    </tbody>\n  </table>\n  </div>\n</section>");
        }
        self.s("\n");
    }

    fn version(&mut self, page: &EntryView, v: &VersionView, authors: bool) {
        self.s("\n      <tr><td><time datetime=\"");
        self.e(&v.datetime);
        self.s("\">");
        self.e(&v.date);
        self.s("</time></td>");
        if authors {
            self.s("<td>");
            self.e(v.author.unwrap_or("–"));
            self.s("</td>");
        }
        self.s("<td>");
        self.e(v.message);
        if let Some(path) = given(page.versions_path).filter(|_| v.compared) {
            self.s(" <a href=\"");
            self.href(path);
            self.s("#");
            self.e(&v.anchor);
            self.s("\">");
            self.t("version_show_change");
            self.s("<span class=\"visually-hidden\"> ");
            self.e(&v.date);
            self.s("</span></a>");
        }
        if let Some(url) = given(v.commit_url.as_deref()) {
            self.s(" <a class=\"commit\" href=\"");
            self.e(url);
            self.s("\"><span class=\"visually-hidden\">");
            self.t("version_commit");
            self.s(" </span><code>");
            self.e(v.commit);
            self.s("</code></a>");
        }
        self.s("</td></tr>");
    }

    fn page_footer(&mut self, page: &EntryView) {
        let last_changed = given(page.last_changed.as_deref());
        let edit = given(page.edit_url.as_deref());
        let history = given(page.history_url.as_deref());
        let local = page.git.as_ref().is_some_and(|g| g.local);
        if last_changed.is_none() && edit.is_none() && history.is_none() && page.git.is_none() {
            return;
        }
        self.s("\n<footer class=\"page-footer\">");
        if last_changed.is_some() || local {
            self.s("\n  <p class=\"last-changed\">");
            if let Some(lc) = last_changed {
                self.t("last_changed");
                self.s(" <time datetime=\"");
                self.e(lc);
                self.s("\">");
                self.e(day(lc));
                self.s("</time>");
                let author = page.git.as_ref().and_then(|g| given(g.author));
                if let Some(author) = author.filter(|_| given(page.updated).is_none()) {
                    self.s(" ");
                    self.t("changed_by");
                    self.s(" ");
                    self.e(author);
                }
            }
            if local {
                self.s(" <span class=\"local-change\">");
                self.t("changed_locally");
                self.s("</span>");
            }
            self.s("</p>");
        }
        if edit.is_some() || history.is_some() {
            self.s("\n  <ul class=\"source-links\">");
            if let Some(url) = edit {
                self.s("<li class=\"edit-page\"><a href=\"");
                self.e(url);
                self.s("\">");
                self.t("edit_page");
                self.s("</a></li>");
            }
            if let Some(url) = history {
                self.s("<li><a href=\"");
                self.e(url);
                self.s("\">");
                self.t("show_history");
                self.s("</a></li>");
            }
            self.s("\n  </ul>");
        }
        self.s("\n</footer>");
    }

    fn pagination(&mut self, page: &EntryView) {
        if page.previous.is_some() || page.next.is_some() {
            self.s("\n<nav class=\"pagination\" aria-label=\"");
            self.t("pagination");
            self.s("\">");
            if let Some(p) = &page.previous {
                self.s("\n  <a class=\"previous\" rel=\"prev\" href=\"");
                self.href(p.path);
                self.s("\"><span>");
                self.t("previous");
                self.s("</span> ");
                self.e(p.title);
                self.s("</a>");
            }
            if let Some(n) = &page.next {
                self.s("\n  <a class=\"next\" rel=\"next\" href=\"");
                self.href(n.path);
                self.s("\"><span>");
                self.t("next");
                self.s("</span> ");
                self.e(n.title);
                self.s("</a>");
            }
            self.s("\n</nav>");
        }
        self.s("\n");
    }
}

//! The sidebar: the section tree as seen from one page, as ready HTML (`nav_html`) and, for
//! themes that write their own markup, as data (`nav`). Part of the template API
//! (themes/default/README.md).

use serde::Serialize;

use crate::site::paths::relative_href;
use crate::site::{Route, Site};

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

/// Interface strings of the sidebar, looked up once per rendering pass, and the matrix's
/// place in it.
pub struct NavStrings {
    pub section_overview: String,
    pub nav_more: String,
    /// The focus-area matrix, listed last among its section's children: (the section, the
    /// matrix's site path, its title as HTML).
    pub matrix: Option<(usize, String, String)>,
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
            matrix: None,
        }
    }

    /// The same strings, with the matrix of `site` (when it has action plans) titled by the
    /// interface string `matrix_title`.
    pub fn with_matrix(mut self, site: &Site, t: &serde_json::Value) -> NavStrings {
        if let Some(path) = site.routes.page_of(Route::Matrix) {
            let title = t
                .get("matrix_title")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("matrix_title");
            let parent = site.matrix.parent;
            self.matrix = Some((parent, path.to_string(), super::escape_html(title)));
        }
        self
    }
}

/// Sidebar HTML of closed sections, which is the same on every page at the same depth:
/// by (section, depth of the page, listed because its parent is open).
/// Also each entry's title as the sidebar shows it, made once for all pages.
pub struct NavCache {
    closed: std::sync::Mutex<std::collections::HashMap<(usize, usize, bool), String>>,
    /// By entry index: the title with soft hyphens, when it differs from the title.
    titles: Vec<std::sync::OnceLock<Option<Box<str>>>>,
    /// The sidebar that the pages of one section share (see [`SiblingKey`]).
    siblings: std::sync::Mutex<SiblingMap>,
}

/// Where each item of a section's pages was written: (entry, byte range).
type ItemRanges = std::cell::RefCell<Vec<(usize, std::ops::Range<usize>)>>;

/// (section, folder of the page, among the children the section lists first).
type SiblingKey = (usize, String, bool);

type SiblingMap = std::collections::HashMap<SiblingKey, std::sync::Arc<Siblings>>;

/// The sidebar as one page of a section shows it, and where in it the item of each of the
/// section's pages is. Pages of one section written in one folder see the same sidebar but
/// for two items: their own (current, `./`) and that of the page the HTML was written for
/// (one item when both are listed past the first children: the page's own in its place).
struct Siblings {
    html: String,
    /// The page the HTML was written for.
    written_for: usize,
    /// Byte ranges of the `<li>` items of the section's pages, by entry.
    items: std::collections::HashMap<usize, std::ops::Range<usize>>,
}

impl NavCache {
    /// An empty cache for a site of `entries` entries.
    pub fn new(entries: usize) -> NavCache {
        NavCache {
            closed: std::sync::Mutex::default(),
            titles: (0..entries).map(|_| std::sync::OnceLock::new()).collect(),
            siblings: std::sync::Mutex::default(),
        }
    }
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
        matrix_current: false,
        on_path: &on_path,
        root,
        here,
        depth,
        t,
        cache,
        record: None,
    };
    match sibling_key(site, current, here) {
        Some(key) => writer.shared_tree(key),
        None => writer.tree(),
    }
}

/// The key of the sidebar that page `current` shares with the other pages of its section,
/// when it shares one: a page (not a section) written at its own path, by its section, its
/// folder and whether it is among the children the section lists first (all of the start
/// page's). A page past [`NAV_MAX_CHILDREN`] is listed in addition, at the end of the list,
/// so the pages past it share one sidebar but for that item.
fn sibling_key(site: &Site, current: usize, here: Option<&str>) -> Option<SiblingKey> {
    let e = &site.entries[current];
    let here = here?;
    let parent = e.parent?;
    if e.is_section() {
        return None;
    }
    // The start page lists all its children; other sections the first ones.
    let listed = parent == site.root
        || site.entries[parent]
            .children
            .iter()
            .take(NAV_MAX_CHILDREN)
            .any(|c| *c == current);
    let folder = here
        .trim_end_matches('/')
        .rsplit_once('/')
        .map_or("", |(f, _)| f);
    Some((parent, folder.to_string(), listed))
}

/// The sidebar of the matrix page (`matrix_current`) or a focus area's page, which are not
/// entries: the tree open at the matrix's section, with the matrix marked current on its
/// own page.
pub fn nav_html_matrix(
    site: &Site,
    root: &str,
    t: &NavStrings,
    cache: &NavCache,
    matrix_current: bool,
) -> String {
    let parent = site.matrix.parent;
    let mut on_path: Vec<usize> = site.ancestors(parent);
    on_path.push(parent);
    let writer = NavWriter {
        site,
        current: usize::MAX,
        matrix_current,
        on_path: &on_path,
        root,
        here: None,
        depth: root.matches("../").count(),
        t,
        cache,
        record: None,
    };
    writer.tree()
}

struct NavWriter<'a> {
    site: &'a Site,
    /// The entry being rendered (`usize::MAX` on the matrix and focus-area pages).
    current: usize,
    /// The matrix page is being rendered.
    matrix_current: bool,
    on_path: &'a [usize],
    root: &'a str,
    /// The site path of the page's folder, when links may be written relative to it.
    here: Option<&'a str>,
    depth: usize,
    t: &'a NavStrings,
    cache: &'a NavCache,
    /// Notes where the items of this section's pages are written (see [`Siblings`]).
    record: Option<(usize, &'a ItemRanges)>,
}

impl NavWriter<'_> {
    /// The tree of a page that shares it with the other pages of its section (`key`, from
    /// [`sibling_key`]): the first page writes it and notes where its section's page items
    /// are; the others copy it and write only the items that differ.
    fn shared_tree(&self, key: SiblingKey) -> String {
        let siblings = || {
            self.cache
                .siblings
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        let found = siblings().get(&key).cloned();
        let Some(shared) = found else {
            let items = std::cell::RefCell::new(Vec::new());
            let recorder = NavWriter {
                record: Some((key.0, &items)),
                ..*self
            };
            let html = recorder.tree();
            let shared = Siblings {
                html: html.clone(),
                written_for: self.current,
                items: items.into_inner().into_iter().collect(),
            };
            siblings().insert(key, std::sync::Arc::new(shared));
            return html;
        };
        if shared.written_for == self.current {
            return shared.html.clone();
        }
        let Some(other) = shared.items.get(&shared.written_for) else {
            return self.tree();
        };
        let listed_first = key.2;
        // Each swap: a range of the shared HTML and the entry whose item replaces it.
        let mut swaps = vec![(
            other.clone(),
            if listed_first {
                shared.written_for
            } else {
                self.current
            },
        )];
        if listed_first {
            let Some(own) = shared.items.get(&self.current) else {
                return self.tree();
            };
            swaps.push((own.clone(), self.current));
        }
        swaps.sort_by_key(|(range, _)| range.start);
        let mut out = String::with_capacity(shared.html.len() + 64);
        let mut at = 0;
        for (range, id) in swaps {
            out.push_str(&shared.html[at..range.start]);
            self.write(&mut out, id, false, true, false);
            at = range.end;
        }
        out.push_str(&shared.html[at..]);
        out
    }

    /// The `<li>` items of the whole tree.
    fn tree(&self) -> String {
        let mut out = String::with_capacity(8 * 1024);
        let root = self.site.root;
        for id in &self.site.entries[root].children {
            self.item(&mut out, *id, true, false);
        }
        self.matrix_item(&mut out, root, false);
        out
    }

    /// The matrix's item, when `section` is the matrix's section.
    fn matrix_item(&self, out: &mut String, section: usize, cached: bool) {
        let Some((parent, path, title)) = &self.t.matrix else {
            return;
        };
        if *parent != section {
            return;
        }
        out.push_str("<li class=\"nav-page\">");
        self.link(out, path, self.matrix_current && !cached, cached);
        out.push_str(title);
        out.push_str("</a></li>");
    }

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

    /// An entry's title as the sidebar shows it: with soft hyphens in long words on a
    /// Swedish site, so that a narrow column breaks them with a hyphen.
    fn shown_title(&self, id: usize) -> &str {
        let title = self.site.entries[id].title();
        if !crate::config::is_swedish(&self.site.config.language) {
            return title;
        }
        // Hyphenating is the costly part of a title, and every page's sidebar repeats the
        // titles of its section: each title is hyphenated once, by the first page needing it.
        let hyphenated = self.cache.titles.get(id).map(|slot| {
            slot.get_or_init(|| match crate::markdown::hyphenate::soft_hyphens(title) {
                std::borrow::Cow::Owned(h) => Some(h.into_boxed_str()),
                std::borrow::Cow::Borrowed(_) => None,
            })
        });
        match hyphenated {
            Some(Some(h)) => h,
            _ => title,
        }
    }

    fn write(&self, out: &mut String, id: usize, open: bool, expand: bool, cached: bool) {
        let e = &self.site.entries[id];
        let start = out.len();
        out.push_str("<li class=\"nav-");
        out.push_str(if e.is_section() { "section" } else { "page" });
        out.push_str("\">");
        let Some((shown, more)) = listed_children(self.site, id, open, expand, self.on_path) else {
            self.link(out, &e.path, id == self.current, cached);
            super::escape_into(out, self.shown_title(id));
            out.push_str("</a></li>");
            if let Some((section, items)) = self.record {
                if e.parent == Some(section) && !e.is_section() && !cached {
                    items.borrow_mut().push((id, start..out.len()));
                }
            }
            return;
        };
        out.push_str(if open {
            "<details open><summary>"
        } else {
            "<details><summary>"
        });
        super::escape_into(out, self.shown_title(id));
        out.push_str("</summary><ul><li>");
        self.link(out, &e.path, id == self.current, cached);
        out.push_str(&self.t.section_overview);
        out.push_str("</a></li>");
        for child in shown {
            self.item(out, child, open, cached);
        }
        self.matrix_item(out, id, cached);
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

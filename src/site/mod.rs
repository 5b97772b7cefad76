//! Stage 3: the site model, built once. Entries (pages and sections, one type) live in a
//! vector and refer to each other by index; maps find them by source path and site path.
//! Also: taxonomies, assets, aliases, and the link graph after Markdown rendering.

mod changed;
mod check;
mod contents;
pub mod governance;
mod graph;
pub mod paths;
mod resolve;
pub mod routes;
pub mod taxonomy;
mod texts;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::config::Config;
use crate::content::glossary::GlossaryTerm;
use crate::content::{parent_of, Content, Loaded, Source, SourceKind};
use crate::error::{Diagnostic, Error, Result};
use crate::markdown::glossary::{Glossary, Marking};
use crate::markdown::{self, BodyLocation, Rendered};
use crate::messages as msg;
use crate::slug::{slugify, swedish_sort_key};
pub use check::{
    anchored_links, check_anchors, check_anchors_near, check_links_into, html_ids, Ids,
};
pub use contents::Contents;
pub use graph::Derived;
use paths::relative_href;
pub(crate) use routes::SEARCH_FOLDERS;
pub use routes::{Route, Routes, StaticFile, OUTPUT_MARKER, SEARCH_PATH};
pub use taxonomy::{Taxonomy, Term};
pub use texts::Texts;

/// The last URL segment of a section's print page: `natverk/utskrift/`.
pub const PRINT_SEGMENT: &str = "utskrift";

/// Sections with more entries below them than this get no print page: a print document
/// of hundreds of pages helps nobody and would cost as much as the rest of the build.
pub const PRINT_MAX_ENTRIES: usize = 100;

/// The file name of the activities export, below `action_plans: path`.
pub const CSV_FILE: &str = "aktiviteter.csv";

/// The file name of a network's calendar, below its page.
pub const ICS_FILE: &str = "moten.ics";

/// A page or a section.
#[derive(Debug)]
pub struct Entry {
    pub source: Source,
    /// Site path: `natverk/social-hallbarhet/`, `""` for the start page.
    pub path: String,
    /// The section this entry belongs to (`None` for the start page).
    pub parent: Option<usize>,
    /// For sections: their pages, in display order.
    pub pages: Vec<usize>,
    /// For sections: their sub-sections, in display order.
    pub subsections: Vec<usize>,
    /// For sections: sub-sections and pages together, in display order (for navigation).
    pub children: Vec<usize>,
    /// Pages only: the neighbours in the section's display order.
    pub previous: Option<usize>,
    pub next: Option<usize>,
    /// Meetings only: the network page and agenda links, resolved.
    pub meeting_links: governance::MeetingLinks,
}

impl Entry {
    pub fn is_section(&self) -> bool {
        self.source.kind == SourceKind::Section
    }

    pub fn title(&self) -> &str {
        &self.source.front.title
    }

    /// The folder this entry stands for (sections and bundles) or lives in (pages).
    fn folder(&self) -> Option<&str> {
        match self.source.kind {
            SourceKind::Section | SourceKind::Bundle => Some(parent_of(&self.source.rel)),
            SourceKind::Page => None,
        }
    }
}

/// A file from `content/` copied to the output.
#[derive(Debug, Clone)]
pub struct OutputAsset {
    /// Path below `content/`, with `/`.
    pub rel: String,
    pub src: PathBuf,
    /// Site path of the copy, e.g. `natverk/social/karta.png`.
    pub path: String,
}

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub entries: Vec<Entry>,
    /// Index of the start page.
    pub root: usize,
    /// Entries by source path and by site path: hashed with FxHash, as are the other
    /// tables of every entry or file, which hold the site's own names.
    pub by_source: FxHashMap<String, usize>,
    pub by_path: FxHashMap<String, usize>,
    pub assets: Vec<OutputAsset>,
    /// Source path in `content/` → site path of the copied asset.
    pub asset_paths: HashMap<String, String>,
    /// Source paths of drafts left out of this build.
    pub drafts: HashSet<String>,
    /// Source paths of files that failed to load (already reported).
    pub failed: HashSet<String>,
    /// Glossary terms from the data file, the page presenting them, and the matcher.
    pub glossary: Vec<GlossaryTerm>,
    pub glossary_page: Option<usize>,
    glossary_marks: Glossary,
    pub taxonomies: Vec<Taxonomy>,
    /// Old site path → entry it redirects to.
    pub aliases: Vec<(String, usize)>,
    /// Action plans cross-tabulated by focus area.
    pub matrix: governance::Matrix,
    /// Network page → its meetings, by date and time.
    pub meetings: HashMap<usize, Vec<usize>>,
    /// Files of the site's `static/` folder.
    pub statics: Vec<StaticFile>,
    /// Every file the build writes (see [`routes`]).
    pub routes: Routes,
    /// The git history of the content files (empty without a repository).
    pub history: crate::history::History,
    /// Governing documents with earlier versions: entry → the texts of its versions,
    /// newest first, as many as the versions page shows (and one more to compare with).
    pub versions: HashMap<usize, Vec<crate::history::VersionText>>,
    /// The entries that changed last, newest first (see [`Site::recent_entries`]): what
    /// serve's page edits never change (front matter and commits), chosen once.
    pub recent: Vec<usize>,
    /// The entries in Swedish title order (see [`TitleOrder`]), computed once.
    pub titles: TitleOrder,
}

/// Every entry's place in Swedish title order (then by entry index), from one sort of the
/// titles' keys, so that the lists sorted by title (a term's pages, backlinks, related
/// pages, siblings of equal weight) compare two numbers instead of two keys.
#[derive(Debug, Default)]
pub struct TitleOrder {
    /// The entry's position in (title, index) order: unique.
    rank: Vec<u32>,
    /// The position of the first entry with the same title: equal for equal titles.
    title: Vec<u32>,
}

impl TitleOrder {
    fn of(entries: &[Entry]) -> TitleOrder {
        let keys: Vec<Vec<u32>> = entries
            .par_iter()
            .map(|e| swedish_sort_key(e.title()))
            .collect();
        let mut by_title: Vec<usize> = (0..entries.len()).collect();
        by_title.par_sort_unstable_by(|a, b| keys[*a].cmp(&keys[*b]).then(a.cmp(b)));
        let mut order = TitleOrder {
            rank: vec![0; entries.len()],
            title: vec![0; entries.len()],
        };
        for (position, id) in by_title.iter().enumerate() {
            order.rank[*id] = position as u32;
            order.title[*id] = match position.checked_sub(1).map(|p| by_title[p]) {
                Some(before) if keys[before] == keys[*id] => order.title[before],
                _ => position as u32,
            };
        }
        order
    }

    /// Entry `id`'s position in Swedish title order; entries of the same title in index
    /// order.
    pub fn rank(&self, id: usize) -> u32 {
        self.rank[id]
    }

    /// Every entry's [`TitleOrder::rank`], by entry index.
    pub fn ranks(&self) -> &[u32] {
        &self.rank
    }

    /// Entry `id`'s title's position in Swedish title order: the same for the same title.
    fn title(&self, id: usize) -> u32 {
        self.title[id]
    }
}

impl Site {
    /// Builds the model from loaded content, the theme's static files (their site paths)
    /// and the site's `static/` files, and returns it with the Markdown text of each entry.
    /// Collects every problem before failing.
    pub fn build(
        config: Config,
        content: Content,
        history: crate::history::History,
        theme_statics: &[&str],
        statics: Vec<StaticFile>,
    ) -> Result<(Site, Texts)> {
        let mut errors = Vec::new();
        let (sources, drafts) = split_drafts(content.sources, config.drafts);
        let mut site = Site {
            entries: Vec::with_capacity(sources.len()),
            root: 0,
            by_source: FxHashMap::default(),
            by_path: FxHashMap::default(),
            assets: Vec::new(),
            asset_paths: HashMap::new(),
            drafts,
            failed: content.failed,
            glossary_marks: Glossary::new(
                content
                    .glossary
                    .iter()
                    .filter_map(|t| Some((t.term.clone(), t.expansion.clone()?, t.id.clone())))
                    .collect(),
            ),
            glossary: content.glossary,
            glossary_page: None,
            matrix: Default::default(),
            meetings: HashMap::new(),
            statics,
            routes: Routes::default(),
            taxonomies: Vec::new(),
            aliases: Vec::new(),
            history,
            versions: HashMap::new(),
            recent: Vec::new(),
            titles: TitleOrder::default(),
            config,
        };
        let texts = site.add_entries(sources, &mut errors);
        site.titles = TitleOrder::of(&site.entries);
        site.link_tree();
        site.add_assets(content.assets, &mut errors);
        site.taxonomies = taxonomy::collect(&site);
        site.find_glossary_page(&mut errors);
        site.matrix = governance::Matrix::build(&site, &mut errors);
        site.versions = site.document_versions();
        site.recent = site.recent_entries();
        site.routes = Routes::pages_only(&site);
        site.resolve_meetings(&mut errors);
        site.routes = Routes::build(&site, theme_statics.iter().copied(), &mut errors);
        if errors.iter().any(Diagnostic::is_error) {
            return Err(Error::Site(errors));
        }
        Ok((site, texts))
    }

    /// The texts of the versions of every governing document that has more than one.
    fn document_versions(&self) -> HashMap<usize, Vec<crate::history::VersionText>> {
        self.entries
            .par_iter()
            .enumerate()
            .filter(|(_, e)| e.source.front.document.is_some())
            .filter_map(|(id, e)| {
                let texts = self
                    .history
                    .texts(&e.source.rel, crate::history::VERSIONS_MAX + 1);
                (texts.len() >= 2).then_some((id, texts))
            })
            .collect()
    }

    /// Adds an entry for each source and returns their texts, by entry index.
    fn add_entries(&mut self, sources: Vec<Loaded>, errors: &mut Vec<Diagnostic>) -> Texts {
        // Each source's place (depth, parent folder, own URL segment) is worked out in
        // parallel; then parents come before children, since a section's path is its
        // parent's path plus its segment.
        let placed: Vec<Placed> = sources.par_iter().map(|l| Placed::of(&l.source)).collect();
        let mut order: Vec<usize> = (0..sources.len()).collect();
        order.par_sort_unstable_by(|a, b| {
            let key = |i: usize| {
                (
                    placed[i].depth,
                    placed[i].page,
                    sources[i].source.rel.as_str(),
                )
            };
            key(*a).cmp(&key(*b))
        });
        let mut slots: Vec<Option<(Loaded, Placed)>> =
            sources.into_iter().zip(placed).map(Some).collect();
        let mut texts = Vec::with_capacity(slots.len());
        let mut section_paths: FxHashMap<String, String> = FxHashMap::default();
        for i in order {
            let Some((Loaded { source, text }, placed)) = slots[i].take() else {
                continue;
            };
            let path = match placed.segment {
                None => String::new(),
                Some((parent, Ok(seg))) => format!(
                    "{}{seg}/",
                    section_paths.get(&parent).map_or("", String::as_str)
                ),
                Some((_, Err(problem))) => {
                    errors.push(problem.in_file(source.display_path()));
                    continue;
                }
            };
            if source.kind == SourceKind::Section {
                section_paths.insert(source.dir().to_string(), path.clone());
            }
            let id = self.entries.len();
            if path.is_empty() {
                self.root = id;
            }
            self.by_source.insert(source.rel.clone(), id);
            texts.push(text);
            self.entries.push(Entry {
                source,
                path,
                parent: None,
                pages: Vec::new(),
                subsections: Vec::new(),
                children: Vec::new(),
                previous: None,
                next: None,
                meeting_links: Default::default(),
            });
        }
        Texts::new(texts)
    }

    /// Sets parents and children, and sorts children by weight, then Swedish title order.
    fn link_tree(&mut self) {
        let sections: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_section())
            .map(|(i, e)| (e.source.dir().to_string(), i))
            .collect();
        for id in 0..self.entries.len() {
            let e = &self.entries[id];
            let parent_folder = match e.source.kind {
                SourceKind::Page => Some(e.source.dir()),
                _ if e.source.dir().is_empty() => None,
                _ => Some(parent_of(e.source.dir())),
            };
            let Some(parent) = parent_folder.and_then(|f| sections.get(f).copied()) else {
                continue;
            };
            let is_section = e.is_section();
            self.entries[id].parent = Some(parent);
            let p = &mut self.entries[parent];
            if is_section {
                p.subsections.push(id)
            } else {
                p.pages.push(id)
            }
        }
        // Display order: weight (unweighted last), then title in Swedish order, then
        // source path. The lists are taken out while the entries' fields are compared.
        let mut lists: Vec<(Vec<usize>, Vec<usize>)> = self
            .entries
            .iter_mut()
            .map(|e| {
                (
                    std::mem::take(&mut e.pages),
                    std::mem::take(&mut e.subsections),
                )
            })
            .collect();
        let key = |id: usize| {
            let e = &self.entries[id];
            let weight = e.source.front.weight.unwrap_or(i64::MAX);
            (weight, self.titles.title(id), e.source.rel.as_str())
        };
        let order = |a: &usize, b: &usize| key(*a).cmp(&key(*b));
        let children: Vec<Vec<usize>> = lists
            .par_iter_mut()
            .map(|(pages, subsections)| {
                pages.sort_by(order);
                subsections.sort_by(order);
                let mut all: Vec<usize> = subsections.iter().chain(pages.iter()).copied().collect();
                all.sort_by(order);
                all
            })
            .collect();
        for (e, ((pages, subsections), all)) in
            self.entries.iter_mut().zip(lists.into_iter().zip(children))
        {
            e.pages = pages;
            e.subsections = subsections;
            e.children = all;
        }
        for section in 0..self.entries.len() {
            let pages = std::mem::take(&mut self.entries[section].pages);
            for (i, p) in pages.iter().enumerate() {
                self.entries[*p].previous = i.checked_sub(1).map(|j| pages[j]);
                self.entries[*p].next = pages.get(i + 1).copied();
            }
            self.entries[section].pages = pages;
        }
        for (id, e) in self.entries.iter().enumerate() {
            self.by_path.insert(e.path.clone(), id);
            for alias in &e.source.front.aliases {
                self.aliases.push((alias.clone(), id));
            }
        }
        self.aliases.sort();
    }

    fn add_assets(&mut self, assets: Vec<crate::content::Asset>, errors: &mut Vec<Diagnostic>) {
        let owners: HashMap<&str, usize> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.folder().map(|f| (f, i)))
            .collect();
        let mut out = Vec::new();
        for asset in assets {
            let owner = crate::content::ancestors(&asset.rel)
                .find_map(|f| owners.get(f).map(|id| (f, *id)));
            let Some((folder, id)) = owner else { continue }; // under a left-out draft
            let rest = if folder.is_empty() {
                &asset.rel[..]
            } else {
                &asset.rel[folder.len() + 1..]
            };
            let path = format!("{}{rest}", self.entries[id].path);
            let shown = format!("{}/{}", crate::content::CONTENT_DIR, asset.rel);
            let bad_names = rest
                .split('/')
                .filter_map(|n| crate::slug::check_name(n).err());
            errors.extend(bad_names.map(|d| d.in_file(&shown)));
            self.asset_paths.insert(asset.rel.clone(), path.clone());
            out.push(OutputAsset {
                rel: asset.rel.clone(),
                src: asset.abs,
                path,
            });
        }
        self.assets = out;
    }

    /// Renders every entry's Markdown in parallel and derives the link graph from it.
    /// Returns the results beside the model, with link problems (missing files, unsafe
    /// URLs) and orphan pages, each with file and position.
    /// The texts that are not kept (see [`Texts::keep_only_printed`]) are let go of as
    /// they are rendered. With `handed`, each body's HTML is handed over to it as soon as it
    /// is rendered (see [`Contents::hand_over`]); the bodies in the result then have no HTML
    /// (their summaries, tables of contents and links are there).
    pub fn render_markdown(
        &self,
        texts: &mut Texts,
        handed: Option<&Contents>,
    ) -> (Derived, Vec<Diagnostic>) {
        let mut bodies: Vec<Rendered> = texts.render_each(|id, text| {
            let mut body = self.render_entry(id, text, &self.entries[id].path);
            match handed {
                Some(contents) => contents.hand_over(id, &mut body.html),
                // Kept bodies wait for their pages and the search index: without the room
                // the strings grew into (a quarter of them on average), a large site's
                // bodies take a fifth less memory.
                None => body.html.shrink_to_fit(),
            }
            body
        });
        let mut diagnostics = Vec::new();
        for body in &mut bodies {
            diagnostics.append(&mut body.diagnostics);
        }
        let derived = self.derive_graph(bodies);
        diagnostics.extend(self.orphans(&derived));
        (derived, diagnostics)
    }

    /// Renders entry `id`'s Markdown `text` with links relative to the site path `base`.
    pub fn render_entry(&self, id: usize, text: &str, base: &str) -> Rendered {
        let e = &self.entries[id];
        let resolver = resolve::PageResolver {
            site: self,
            from: id,
            base,
        };
        let location = BodyLocation {
            first_line: e.source.body_line,
        };
        let marking = match self.glossary_page {
            Some(page) if page != id && !self.glossary_marks.is_empty() => Some(Marking {
                glossary: &self.glossary_marks,
                page_href: relative_href(base, &self.entries[page].path),
            }),
            _ => None,
        };
        let mut r = markdown::render(
            text,
            location,
            &self.config.markdown,
            &resolver,
            marking.as_ref(),
        );
        let file = e.source.display_path();
        for d in &mut r.diagnostics {
            d.file = Some(PathBuf::from(&file));
        }
        r.links.extend(self.agenda_links(id));
        r
    }

    /// Whether any entry is a governing document (has a `document:` block): only then does
    /// the site get the review page.
    pub fn has_documents(&self) -> bool {
        self.entries
            .iter()
            .any(|e| e.source.front.document.is_some())
    }

    /// Finds the content page named by `glossary: page:` in the config.
    fn find_glossary_page(&mut self, errors: &mut Vec<Diagnostic>) {
        let Some(g) = &self.config.glossary else {
            return;
        };
        let rel = g.page.trim_start_matches('/').to_string();
        self.glossary_page = self.by_source.get(&rel).copied();
        if self.glossary_page.is_none() {
            errors.push(
                Diagnostic::error(crate::text!(msg::GLOSSARY_PAGE_MISSING, rel))
                    .in_file(crate::config::CONFIG_FILE)
                    .with_hint(&msg::HINT_GLOSSARY_PAGE),
            );
        }
    }

    /// Resolves every meeting's network and agenda links (front matter) and lists each
    /// meeting on its network's page.
    fn resolve_meetings(&mut self, errors: &mut Vec<Diagnostic>) {
        let site = &*self;
        let resolved: Vec<(usize, governance::MeetingLinks)> = (0..site.entries.len())
            .filter(|id| site.entries[*id].source.front.meeting.is_some())
            .map(|id| {
                let resolver = resolve::PageResolver {
                    site,
                    from: id,
                    base: &site.entries[id].path,
                };
                let (links, mut problems) = governance::resolve_meeting(site, id, &resolver);
                errors.append(&mut problems);
                (id, links)
            })
            .collect();
        for (id, links) in resolved {
            if let Some(network) = links.network {
                self.meetings.entry(network).or_default().push(id);
            }
            self.entries[id].meeting_links = links;
        }
        let entries = &self.entries;
        for list in self.meetings.values_mut() {
            list.sort_by_key(|m| {
                let meeting = entries[*m].source.front.meeting.as_ref();
                (
                    meeting.map(|x| x.date.clone()),
                    meeting.and_then(|x| x.start.clone()),
                    *m,
                )
            });
        }
    }

    /// A meeting's agenda links as links of its page: they join the link graph
    /// (backlinks) and the anchor checks.
    fn agenda_links(&self, id: usize) -> Vec<markdown::OutLink> {
        let e = &self.entries[id];
        let Some(m) = &e.source.front.meeting else {
            return Vec::new();
        };
        let lines = &m.lines;
        e.meeting_links
            .agenda
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let r = r.as_ref()?;
                Some(markdown::OutLink {
                    target: r.target,
                    anchor: r.anchor.clone(),
                    position: crate::error::Position::new(
                        lines.agenda.get(i).copied().unwrap_or(lines.network),
                        1,
                    ),
                    written: m.agenda[i].link.clone().unwrap_or_default(),
                })
            })
            .collect()
    }

    /// A warning for every page no other page's text links to (section listings and the
    /// navigation do not count: an orphan is found only by browsing). Meetings and action
    /// plans are linked from pages handbok makes for them.
    fn orphans(&self, derived: &Derived) -> Vec<Diagnostic> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(id, e)| {
                !e.is_section() && *id != self.root && derived.backlinks[*id].is_empty()
            })
            // Meetings are listed on their network's page, plans in the focus-area matrix.
            .filter(|(_, e)| {
                e.source.front.meeting.is_none() && e.source.front.action_plan.is_none()
            })
            .map(|(_, e)| {
                Diagnostic::warning(&msg::ORPHAN_PAGE)
                    .in_file(e.source.display_path())
                    .at_line(1)
                    .with_hint(&msg::HINT_ORPHAN_PAGE)
            })
            .collect()
    }

    /// Site path of a section's print page (the whole section as one document), if it has
    /// one: every section but the start page with at least one and at most
    /// [`PRINT_MAX_ENTRIES`] entries below it.
    pub fn print_path(&self, id: usize) -> Option<String> {
        let e = &self.entries[id];
        let printable = e.is_section()
            && id != self.root
            && !e.children.is_empty()
            && self.descendants_at_most(id, PRINT_MAX_ENTRIES);
        printable.then(|| format!("{}{PRINT_SEGMENT}/", e.path))
    }

    fn descendants_at_most(&self, id: usize, limit: usize) -> bool {
        let mut count = 0;
        let mut stack = vec![id];
        while let Some(s) = stack.pop() {
            for c in &self.entries[s].children {
                count += 1;
                if count > limit {
                    return false;
                }
                stack.push(*c);
            }
        }
        true
    }

    /// The entries a section's print page shows: the section, then everything below it
    /// depth-first in display order.
    pub fn print_entries(&self, id: usize) -> Vec<usize> {
        let mut out = vec![id];
        for child in &self.entries[id].children {
            if self.entries[*child].is_section() {
                out.extend(self.print_entries(*child));
            } else {
                out.push(*child);
            }
        }
        out
    }

    /// The chain of sections from the start page down to (not including) `id`.
    pub fn ancestors(&self, id: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut current = self.entries[id].parent;
        while let Some(p) = current {
            chain.push(p);
            current = self.entries[p].parent;
        }
        chain.reverse();
        chain
    }

    /// Entries that are pages (not sections), in source order.
    pub fn pages(&self) -> impl Iterator<Item = (usize, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.is_section())
    }
}

/// File line of a field of the entry's `document:` block (the block's line if absent).
pub fn document_line(e: &Entry, field: &str) -> usize {
    let block = e.source.front.lines.get("document").unwrap_or(1);
    e.source
        .front
        .document
        .as_ref()
        .and_then(|d| d.lines.get(field).copied())
        .unwrap_or(block)
}

/// Where a source goes in the tree, before the tree is built.
struct Placed {
    /// How many folders deep the source's folder is: 0 for the start page and the pages
    /// beside it, 1 for a top-level section and its pages.
    depth: usize,
    /// Pages and bundles come after the sections of their depth.
    page: bool,
    /// The parent folder and the entry's own URL segment (or why it has none); `None` for
    /// the start page.
    segment: Option<(String, std::result::Result<String, Diagnostic>)>,
}

impl Placed {
    fn of(source: &Source) -> Placed {
        let dir = source.dir();
        let (parent, name) = match source.kind {
            SourceKind::Section if dir.is_empty() => (None, ""),
            SourceKind::Section | SourceKind::Bundle => (Some(parent_of(dir)), last_segment(dir)),
            SourceKind::Page => (Some(dir), last_segment(&source.rel).trim_end_matches(".md")),
        };
        let segment = parent.map(|parent| {
            let seg = source.front.slug.clone().unwrap_or_else(|| slugify(name));
            let checked = if seg.is_empty() {
                Err(Diagnostic::error(crate::text!(msg::NAME_EMPTY_URL, name))
                    .with_hint(&msg::HINT_NAME_EMPTY_URL))
            } else {
                crate::slug::check_name(&seg).map(|()| seg)
            };
            (parent.to_string(), checked)
        });
        Placed {
            depth: dir.matches('/').count() + usize::from(!dir.is_empty()),
            page: source.kind != SourceKind::Section,
            segment,
        }
    }
}

fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Removes drafts (and everything below a draft section) unless drafts are wanted.
fn split_drafts(sources: Vec<Loaded>, keep_drafts: bool) -> (Vec<Loaded>, HashSet<String>) {
    if keep_drafts {
        return (sources, HashSet::new());
    }
    let draft_folders: Vec<String> = sources
        .iter()
        .map(|l| &l.source)
        .filter(|s| s.front.draft && s.kind != SourceKind::Page && !s.dir().is_empty())
        .map(|s| format!("{}/", s.dir()))
        .collect();
    let is_root = |s: &Source| s.kind == SourceKind::Section && s.dir().is_empty();
    // In place: a `Source` is large, and copying all of them into new vectors shows at
    // 50,000 pages.
    let mut sources = sources;
    let mut drafts = HashSet::new();
    sources.retain(|Loaded { source: s, .. }| {
        let draft = !is_root(s)
            && (s.front.draft || draft_folders.iter().any(|f| s.rel.starts_with(f.as_str())));
        if draft {
            drafts.insert(s.rel.clone());
        }
        !draft
    });
    (sources, drafts)
}

//! The route table: every file the build writes, claimed once, in one place.
//!
//! [`Routes::build`] runs at the end of [`Site::build`] and lists every output file with
//! what produces it: entries, print pages, aliases, taxonomy and term pages, the search
//! page and its index, review, matrix, focus-area pages, accessibility statement, feed,
//! sitemap (when `base_url` is absolute; in parts past 50,000 pages), 404, CSV, calendars,
//! theme assets, static files and content assets. A clash of any two is an error naming
//! both sources, with file and line where an editor chose the path. Rendering, the sitemap, link resolution and the output's write check read this
//! table; nothing else decides which files exist.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Site;
use crate::error::Diagnostic;
use crate::messages::{self as msg, Value};
use crate::text;

/// The site path of the search page; its index lives below it.
pub const SEARCH_PATH: &str = "sok/";

/// The file that marks an output folder as written by handbok (see `output::owned`).
pub const OUTPUT_MARKER: &str = ".handbok-output";

/// The site path of the page "Senaste ändringar", and its feed's file name below it.
pub const CHANGES_PATH: &str = "senaste-andringar/";
pub const CHANGES_FEED: &str = "atom.xml";

/// The last URL segment of a governing document's versions page: `anvisning/versioner/`.
pub const VERSIONS_SEGMENT: &str = "versioner";

/// The folders below [`SEARCH_PATH`] that hold the search index's numbered files.
pub(crate) const SEARCH_FOLDERS: [&str; 3] = ["f/", "i/", "v/"];

/// The search index's named files below [`SEARCH_PATH`].
const SEARCH_FILES: [&str; 2] = ["index.json", "filters.json"];

/// The most addresses one sitemap file may hold (sitemaps.org); a site with more gets a
/// sitemap index.
pub const SITEMAP_MAX_URLS: usize = 50_000;

/// Whether and how the build writes a sitemap: decided with the route table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SitemapPlan {
    /// No sitemap: its addresses must be absolute, and `base_url` is a path.
    #[default]
    LeftOut,
    /// `sitemap.xml` lists every page.
    One,
    /// `sitemap.xml` is an index of `parts` files `sitemap-1.xml`, `sitemap-2.xml`, …, which
    /// list at most `per_part` pages each, in order.
    Index { parts: usize, per_part: usize },
}

impl SitemapPlan {
    /// The plan for a site whose sitemap would list `urls` pages, at most `per_part` a file.
    pub fn new(absolute_base_url: bool, urls: usize, per_part: usize) -> SitemapPlan {
        let per_part = per_part.max(1);
        match absolute_base_url {
            false => SitemapPlan::LeftOut,
            true if urls <= per_part => SitemapPlan::One,
            true => SitemapPlan::Index {
                parts: urls.div_ceil(per_part),
                per_part,
            },
        }
    }

    /// The sitemap's files and their routes.
    pub fn files(self) -> Vec<(String, Route)> {
        let mut files = Vec::new();
        if self != SitemapPlan::LeftOut {
            files.push(("sitemap.xml".to_string(), Route::Sitemap));
        }
        if let SitemapPlan::Index { parts, .. } = self {
            files.extend((0..parts).map(|i| (sitemap_part_file(i), Route::SitemapPart(i))));
        }
        files
    }
}

/// The file of part `i` (from 0) of a sitemap index: `sitemap-1.xml` for part 0.
pub fn sitemap_part_file(i: usize) -> String {
    format!("sitemap-{}.xml", i + 1)
}

/// What writes one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Route {
    /// A page or section (`index.html` in its folder).
    Entry(usize),
    /// A section's print page.
    Print(usize),
    /// A redirect, by index into [`Site::aliases`].
    Alias(usize),
    Taxonomy(usize),
    /// (taxonomy, term).
    Term(usize, usize),
    Review,
    Search,
    Accessibility,
    Matrix,
    FocusArea(usize),
    /// The activities CSV below the matrix.
    Csv,
    /// A network's meeting calendar, by the network's entry.
    Calendar(usize),
    NotFound,
    /// `sitemap.xml`: the list of pages, or with [`SitemapPlan::Index`] the list of its parts.
    Sitemap,
    /// The part `sitemap-N.xml` of a sitemap index, by index from 0 (the file of part 0 is
    /// `sitemap-1.xml`).
    SitemapPart(usize),
    Feed,
    /// The page "Senaste ändringar": the latest content changes from git.
    Changes,
    /// Its Atom feed.
    ChangesFeed,
    /// A governing document's versions and what changed between them, by entry.
    Versions(usize),
    /// A file of the search index (named or in one of its folders).
    SearchIndex,
    /// A theme's static file, looked up by its path in the templates.
    ThemeStatic,
    /// A file of the site's `static/`, by index into [`Site::statics`].
    Static(usize),
    /// A file beside the pages in `content/`, by index into [`Site::assets`].
    Asset(usize),
    /// The output folder's ownership marker, written by the output stage.
    Marker,
}

impl Route {
    /// Whether this route is an HTML page a reader may find through the sitemap.
    pub fn in_sitemap(self) -> bool {
        matches!(
            self,
            Route::Entry(_)
                | Route::Taxonomy(_)
                | Route::Term(..)
                | Route::Review
                | Route::Accessibility
                | Route::Matrix
                | Route::FocusArea(_)
                | Route::Changes
        )
    }

    /// Whether Markdown may link to this generated page by its folder.
    fn linkable_page(self) -> bool {
        self.in_sitemap() || matches!(self, Route::Search | Route::Print(_))
    }
}

/// Who claims an output file, and where in which file that was chosen.
#[derive(Debug, Clone)]
pub(crate) struct Claim {
    /// Who it is, for messages: a file's path, or a catalogue text ("the search page").
    pub who: Value,
    pub file: Option<String>,
    pub line: Option<usize>,
    /// For paths chosen in `handbok.yaml`: the top-level key that chose it.
    pub config_key: Option<&'static str>,
}

impl Claim {
    fn generated(who: impl Into<Value>) -> Claim {
        Claim {
            who: who.into(),
            file: None,
            line: None,
            config_key: None,
        }
    }

    /// A path chosen under the top-level key `key` of `handbok.yaml`.
    fn configured(who: impl Into<Value>, key: &'static str) -> Claim {
        Claim {
            config_key: Some(key),
            ..Claim::generated(who)
        }
    }

    fn file(shown: String, line: Option<usize>) -> Claim {
        Claim {
            who: shown.as_str().into(),
            file: Some(shown),
            line,
            config_key: None,
        }
    }
}

/// Every output file of the build, by site path (`natverk/index.html`, `sok/index.json`).
#[derive(Debug, Default)]
pub struct Routes {
    files: Vec<(String, Route)>,
    by_file: FxHashMap<String, usize>,
    /// The first file of each route (most routes have one).
    by_route: FxHashMap<Route, usize>,
    /// Folders owned whole (the search index's numbered files).
    folders: Vec<String>,
    /// Linkable generated pages by folder (`taggar/`, `granskning/`).
    pages: HashMap<String, Route>,
    sitemap: SitemapPlan,
}

impl Routes {
    /// Every output file and what writes it, sorted by path.
    pub fn files(&self) -> &[(String, Route)] {
        &self.files
    }

    /// What writes `path`, if the build writes it.
    pub fn get(&self, path: &str) -> Option<Route> {
        self.by_file.get(path).map(|i| self.files[*i].1)
    }

    /// Whether the build owns the output file `path`: claimed itself, or inside a folder
    /// the build owns whole.
    pub fn owns(&self, path: &str) -> bool {
        self.by_file.contains_key(path) || self.folders.iter().any(|f| path.starts_with(f))
    }

    /// The output file of `route` (the first, for a route of several files).
    pub fn file_of(&self, route: Route) -> Option<&str> {
        self.by_route.get(&route).map(|i| self.files[*i].0.as_str())
    }

    /// The folder of the generated page `route` (`dokument-att-se-over/`), if the site has it.
    pub fn page_of(&self, route: Route) -> Option<&str> {
        self.file_of(route)?.strip_suffix("index.html")
    }

    /// The generated page (not an entry) whose folder is `folder`, for link resolution.
    pub fn generated_page(&self, folder: &str) -> Option<Route> {
        self.pages.get(folder).copied()
    }

    /// Whether and how the sitemap is written.
    pub fn sitemap(&self) -> SitemapPlan {
        self.sitemap
    }
}

/// Collects claims; a clash of two is an error naming both.
pub(crate) struct Claims {
    files: Vec<(String, Route, Claim)>,
    folders: Vec<(String, Claim)>,
    /// Problems with a claimed file's name.
    problems: Vec<Diagnostic>,
}

impl Claims {
    fn new() -> Self {
        Claims {
            files: Vec::new(),
            folders: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn page(&mut self, folder: &str, route: Route, claim: Claim) {
        self.files
            .push((format!("{folder}index.html"), route, claim));
    }

    fn file(&mut self, path: impl Into<String>, route: Route, claim: Claim) {
        self.files.push((path.into(), route, claim));
    }
}

impl Routes {
    /// Claims every output file of `site`; `theme_statics` are the theme's static files
    /// (built-in and `themes/<name>/static/`). A file of the site's `static/` may replace a
    /// theme file of the same path (documented); every other clash is an error.
    pub(crate) fn build<'a>(
        site: &Site,
        theme_statics: impl Iterator<Item = &'a str>,
        errors: &mut Vec<Diagnostic>,
    ) -> Routes {
        let mut c = Claims::new();
        claim_entries(site, &mut c);
        claim_generated(site, &mut c);
        claim_files(site, theme_statics, &mut c);
        let sitemap = claim_sitemap(site, &mut c);
        Routes {
            sitemap,
            ..settle(&site.config.root, c, errors)
        }
    }

    /// Only the generated pages that Markdown may link to, for resolving links in front
    /// matter (meetings) while the site model is being built; [`Routes::build`] follows.
    pub(crate) fn pages_only(site: &Site) -> Routes {
        let mut c = Claims::new();
        claim_generated(site, &mut c);
        Routes {
            pages: linkable_pages(c.files.iter().map(|(p, r, _)| (p, *r))),
            ..Routes::default()
        }
    }
}

/// Generated pages (not entries) that Markdown may link to, by folder.
fn linkable_pages<'a>(files: impl Iterator<Item = (&'a String, Route)>) -> HashMap<String, Route> {
    files
        .filter(|(_, r)| r.linkable_page() && !matches!(r, Route::Entry(_)))
        .filter_map(|(p, r)| Some((p.strip_suffix("index.html")?.to_string(), r)))
        .collect()
}

fn entry_claim(site: &Site, id: usize, key: &str) -> Claim {
    let e = &site.entries[id];
    Claim::file(e.source.display_path(), e.source.front.lines.get(key))
}

fn claim_entries(site: &Site, c: &mut Claims) {
    // In parallel: one claim per entry is the bulk of a large site's claims.
    c.files
        .par_extend(site.entries.par_iter().enumerate().map(|(id, e)| {
            let claim = entry_claim(site, id, "slug");
            (format!("{}index.html", e.path), Route::Entry(id), claim)
        }));
    for (i, (alias, id)) in site.aliases.iter().enumerate() {
        let mut claim = entry_claim(site, *id, "aliases");
        claim.who = text!(msg::WHO_ALIAS, alias, claim.who).into();
        if alias.ends_with('/') {
            c.page(alias, Route::Alias(i), claim);
        } else {
            c.file(alias.clone(), Route::Alias(i), claim);
        }
    }
    for network in site.meetings.keys() {
        let e = &site.entries[*network];
        c.file(
            format!("{}{}", e.path, super::ICS_FILE),
            Route::Calendar(*network),
            Claim::generated(text!(msg::WHO_CALENDAR, e.source.display_path())),
        );
    }
}

fn claim_generated(site: &Site, c: &mut Claims) {
    c.files
        .par_extend((0..site.entries.len()).into_par_iter().filter_map(|id| {
            let path = site.print_path(id)?;
            let who = text!(msg::WHO_PRINT_PAGE, site.entries[id].source.display_path());
            Some((
                format!("{path}index.html"),
                Route::Print(id),
                Claim::generated(who),
            ))
        }));
    let config = crate::config::CONFIG_FILE;
    for (ti, t) in site.taxonomies.iter().enumerate() {
        let who = text!(msg::WHO_TAXONOMY, t.config.name, config);
        c.page(
            &t.path,
            Route::Taxonomy(ti),
            Claim::configured(who, "taxonomies"),
        );
        for (i, term) in t.terms.iter().enumerate() {
            let who = text!(msg::WHO_TERM, term.name, t.config.name);
            c.page(&term.path, Route::Term(ti, i), Claim::generated(who));
        }
    }
    c.page(
        SEARCH_PATH,
        Route::Search,
        Claim::generated(&msg::WHO_SEARCH_PAGE),
    );
    for name in SEARCH_FILES {
        c.file(
            format!("{SEARCH_PATH}{name}"),
            Route::SearchIndex,
            Claim::generated(&msg::WHO_SEARCH_INDEX),
        );
    }
    for folder in SEARCH_FOLDERS {
        c.folders.push((
            format!("{SEARCH_PATH}{folder}"),
            Claim::generated(&msg::WHO_SEARCH_INDEX),
        ));
    }
    if let Some(a) = &site.config.accessibility {
        let claim = Claim::configured(&msg::WHO_ACCESSIBILITY, "accessibility");
        c.page(&a.path, Route::Accessibility, claim);
    }
    if site.has_documents() {
        let claim = Claim::configured(&msg::WHO_REVIEW_PAGE, "review");
        c.page(&site.config.review.path, Route::Review, claim);
    }
    if !site.matrix.is_empty() {
        let base = &site.config.action_plans.path;
        let who = &msg::WHO_MATRIX;
        c.page(base, Route::Matrix, Claim::configured(who, "action_plans"));
        c.file(
            format!("{base}{}", super::CSV_FILE),
            Route::Csv,
            Claim::generated(&msg::WHO_CSV),
        );
        for (i, a) in site.matrix.focus_areas.iter().enumerate() {
            let who = text!(msg::WHO_FOCUS_AREA, a.number);
            c.page(&a.path, Route::FocusArea(i), Claim::generated(who));
        }
    }
    c.file("404.html", Route::NotFound, Claim::generated(&msg::WHO_404));
    let who = &msg::WHO_OUTPUT_MARKER;
    c.file(OUTPUT_MARKER, Route::Marker, Claim::generated(who));
    c.file("atom.xml", Route::Feed, Claim::generated(&msg::WHO_FEED));
    if !site.history.changes.is_empty() {
        let who = &msg::WHO_CHANGES;
        c.page(CHANGES_PATH, Route::Changes, Claim::generated(who));
        c.file(
            format!("{CHANGES_PATH}{CHANGES_FEED}"),
            Route::ChangesFeed,
            Claim::generated(&msg::WHO_CHANGES_FEED),
        );
    }
    let mut documents: Vec<usize> = site.versions.keys().copied().collect();
    documents.sort_unstable();
    for id in documents {
        let e = &site.entries[id];
        let who = text!(msg::WHO_VERSIONS, e.source.display_path());
        c.page(
            &format!("{}{VERSIONS_SEGMENT}/", e.path),
            Route::Versions(id),
            Claim::generated(who),
        );
    }
}

/// Claims the sitemap's files, after every page is claimed: none when `base_url` is not
/// absolute (the protocol allows only absolute addresses), else `sitemap.xml`, and past
/// [`SITEMAP_MAX_URLS`] pages its parts.
fn claim_sitemap(site: &Site, c: &mut Claims) -> SitemapPlan {
    let urls = c.files.iter().filter(|(_, r, _)| r.in_sitemap()).count();
    let plan = SitemapPlan::new(site.config.absolute_base_url(), urls, SITEMAP_MAX_URLS);
    for (path, route) in plan.files() {
        let who = match route {
            Route::SitemapPart(_) => crate::text!(msg::WHO_SITEMAP_PART, path),
            _ => crate::messages::Text::from(&msg::WHO_SITEMAP),
        };
        c.file(path, route, Claim::generated(who));
    }
    plan
}

/// The warning that the build writes no sitemap, when `base_url` is not absolute: at the
/// `base_url:` line of handbok.yaml, or with a hint for `--base-url` when that chose it.
pub(crate) fn sitemap_left_out(site: &Site) -> Option<Diagnostic> {
    use crate::config::{Setting, CONFIG_FILE};
    use crate::messages as msg;
    if site.routes.sitemap() != SitemapPlan::LeftOut {
        return None;
    }
    let d = Diagnostic::warning(crate::text!(msg::SITEMAP_LEFT_OUT, site.config.base_url));
    Some(match site.config.base_url_from {
        Setting::CommandLine => d.with_hint(&msg::HINT_SITEMAP_BASE_URL_OPTION),
        Setting::Line(line) => d
            .in_file(CONFIG_FILE)
            .at_line(line)
            .with_hint(&msg::HINT_SITEMAP_BASE_URL),
        Setting::Default => d
            .in_file(CONFIG_FILE)
            .with_hint(&msg::HINT_SITEMAP_BASE_URL),
    })
}

fn claim_files<'a>(site: &Site, theme_statics: impl Iterator<Item = &'a str>, c: &mut Claims) {
    let own_statics: HashMap<&str, usize> = site
        .statics
        .iter()
        .enumerate()
        .map(|(i, s)| (s.path.as_str(), i))
        .collect();
    // A site's static file replaces the theme's file of the same path: the documented way
    // to change the theme's stylesheet or script.
    for path in theme_statics.filter(|p| !own_statics.contains_key(p)) {
        c.file(
            path,
            Route::ThemeStatic,
            Claim::generated(text!(msg::WHO_THEME_FILE, path)),
        );
    }
    for (i, s) in site.statics.iter().enumerate() {
        let shown = format!("static/{}", s.path);
        // Every name must copy to a Windows (IIS) server: no device names, none too long.
        for problem in s
            .path
            .split('/')
            .filter_map(|n| crate::slug::check_name(n).err())
        {
            c.problems.push(problem.in_file(&shown));
        }
        let claim = Claim::file(shown, None);
        c.file(s.path.clone(), Route::Static(i), claim);
    }
    for (i, a) in site.assets.iter().enumerate() {
        let claim = Claim::file(format!("{}/{}", crate::content::CONTENT_DIR, a.rel), None);
        c.file(a.path.clone(), Route::Asset(i), claim);
    }
}

/// Turns the claims into the table, reporting every clash: the same file twice, a file
/// where another claim needs a folder, and paths that differ only in case.
fn settle(root: &std::path::Path, claims: Claims, errors: &mut Vec<Diagnostic>) -> Routes {
    let Claims {
        mut files,
        folders,
        problems,
    } = claims;
    errors.extend(problems);
    // Stable: of two claims of one path, the one claimed first stays first.
    files.par_sort_by(|a, b| a.0.cmp(&b.0));
    let mut routes = Routes::default();
    let mut who: Vec<Claim> = Vec::with_capacity(files.len());
    for (path, route, claim) in files {
        if let Some(first) = routes.by_file.get(&path) {
            errors.push(clash(root, &who[*first], &claim, &path));
            continue;
        }
        routes.by_file.insert(path.clone(), routes.files.len());
        routes.by_route.entry(route).or_insert(routes.files.len());
        routes.files.push((path, route));
        who.push(claim);
    }
    // Clashes are looked for in lower case: a server that ignores case serves `Sok/F/1.json`
    // from `sok/f/` too, and `Atom.xml/` is the file `atom.xml` there.
    let lower: Vec<Cow<str>> = routes
        .files
        .par_iter()
        .map(|(path, _)| {
            if path
                .bytes()
                .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
            {
                Cow::Owned(path.to_lowercase())
            } else {
                Cow::Borrowed(path.as_str())
            }
        })
        .collect();
    for (folder, claim) in &folders {
        // Folders are claimed in lower case.
        for (i, path) in lower.iter().enumerate() {
            if path.starts_with(folder.as_str()) {
                errors.push(clash(root, claim, &who[i], &routes.files[i].0));
            }
        }
    }
    file_folder_clashes(root, &routes, &lower, &who, errors);
    case_clashes(&routes, &lower, &who, errors);
    routes.folders = folders.into_iter().map(|(f, _)| f).collect();
    routes.pages = linkable_pages(routes.files.iter().map(|(p, r)| (p, *r)));
    routes
}

/// A file claimed where another claim needs a folder of the same name
/// (`sitemap.xml` and `sitemap.xml/index.html`).
fn file_folder_clashes(
    root: &std::path::Path,
    routes: &Routes,
    lower: &[Cow<str>],
    who: &[Claim],
    errors: &mut Vec<Diagnostic>,
) {
    let by_lower: FxHashMap<&str, usize> = lower
        .iter()
        .enumerate()
        .map(|(i, path)| (path.as_ref(), i))
        .collect();
    for (i, path) in lower.iter().enumerate() {
        for (at, _) in path.match_indices('/') {
            if let Some(file) = by_lower.get(&path[..at]) {
                errors.push(clash(root, &who[*file], &who[i], &routes.files[*file].0));
            }
        }
    }
}

/// Output paths that differ only in case are one file on a server that ignores case
/// (Windows, macOS, IIS): one would silently replace the other there.
fn case_clashes(routes: &Routes, lower: &[Cow<str>], who: &[Claim], errors: &mut Vec<Diagnostic>) {
    let mut by_lower: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, path) in lower.iter().enumerate() {
        by_lower.entry(path.as_ref()).or_default().push(i);
    }
    let mut clashes: Vec<Vec<usize>> = by_lower.into_values().filter(|v| v.len() > 1).collect();
    clashes.sort();
    for ids in clashes {
        let (a, b) = (ids[0], ids[1]);
        // Of equals, a file beside the pages is blamed rather than the page it collides with.
        let key = |i: usize| (rank(&who[i]), !matches!(routes.files[i].1, Route::Entry(_)));
        let (blamed, other) = if key(b) >= key(a) { (b, a) } else { (a, b) };
        let (path, other_path) = (
            shown(&routes.files[blamed].0),
            shown(&routes.files[other].0),
        );
        let mut d = Diagnostic::error(text!(
            msg::CASE_CLASH,
            who[blamed].who,
            path,
            who[other].who,
            other_path
        ))
        .with_hint(&msg::HINT_CASE_CLASH);
        if let Some(file) = &who[blamed].file {
            d = d.in_file(file).at_line(who[blamed].line.unwrap_or(1));
        }
        errors.push(d);
    }
}

/// Blame order: a path chosen on a front matter line, then a file of the site, then the
/// generated ones.
fn rank(c: &Claim) -> (bool, bool) {
    (c.line.is_some(), c.file.is_some())
}

/// The URL a reader would see for an output file: a page's folder, or the file.
fn shown(path: &str) -> &str {
    match path.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
        _ => path,
    }
}

/// The error for two claims of one path: reported on the claimant that chose its path
/// explicitly (a `slug:` or `aliases:` line), else on a content or static file, naming both.
fn clash(root: &std::path::Path, first: &Claim, second: &Claim, path: &str) -> Diagnostic {
    let (blamed, other) = if rank(second) >= rank(first) {
        (second, first)
    } else {
        (first, second)
    };
    let mut d = Diagnostic::error(text!(msg::URL_CLASH, blamed.who, other.who, shown(path)))
        .with_hint(if blamed.file.is_some() && blamed.line.is_none() {
            &msg::HINT_URL_CLASH_FILE
        } else {
            &msg::HINT_URL_CLASH
        });
    if let Some(file) = &blamed.file {
        d = d.in_file(file).at_line(blamed.line.unwrap_or(1));
    } else if let Some(file) = &other.file {
        d = d.in_file(file).at_line(other.line.unwrap_or(1));
    } else if let Some(key) = blamed.config_key.or(other.config_key) {
        d = d
            .in_file(crate::config::CONFIG_FILE)
            .at_line(config_line(root, key));
    }
    d
}

/// The line of the top-level `key:` in the site's `handbok.yaml` (1 if it cannot be found).
/// Read again only for an error message.
fn config_line(root: &std::path::Path, key: &str) -> usize {
    std::fs::read_to_string(root.join(crate::config::CONFIG_FILE))
        .ok()
        .and_then(|text| crate::config::key_line(&text, key))
        .unwrap_or(1)
}

/// A file of the site's `static/` folder, copied to the output at the same path.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Path below `static/`, with `/`: also its site path.
    pub path: String,
    pub src: PathBuf,
}

//! handbok turns a folder of Markdown (a municipality's handbook) into a static site.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! config::Config::load -> content::load -> site::Site::build (model + route table, immutable)
//!   -> Site::render_markdown (-> site::Derived: bodies, backlinks, related; a build hands
//!      each body over to site::Contents, packed, as soon as it is rendered)
//!   -> render::render_site (templates, every file of the route table; each page's anchors
//!      checked as it is written) beside search::build (the index)
//!   -> output::Staging::commit
//! ```
//!
//! Every stage collects problems as [`error::Diagnostic`]s (file, line, column, message,
//! hint) instead of stopping at the first; the output folder is only replaced when the
//! whole build succeeded. The library never prints: the binary reports.

pub(crate) mod config;
pub(crate) mod content;
pub(crate) mod dates;
pub(crate) mod error;
#[doc(hidden)]
pub mod fuzzing;
pub(crate) mod history;
pub(crate) mod i18n;
pub(crate) mod init;
pub(crate) mod inside;
pub(crate) mod markdown;
#[doc(hidden)]
pub mod messages;
pub(crate) mod new;
pub(crate) mod output;
pub(crate) mod render;
pub(crate) mod report;
pub(crate) mod search;
pub(crate) mod serve;
pub(crate) mod site;
pub(crate) mod slug;
pub(crate) mod templates;
pub(crate) mod yaml;

use std::path::PathBuf;

// The public surface: what the binary (and a program embedding handbok) needs.
pub use config::{today_from_environment, Overrides};
pub use error::{Diagnostic, Error, Position, Result, Severity};
pub use i18n::Lang;
pub use init::init_site;
pub use new::new_page;
pub use report::{render as render_report, Format, Style};
pub use serve::{serve, Limits, Log, ServeOptions};

use config::Config;
use output::{NullSink, Sink, Staging};
use site::Site;
use templates::Templates;

/// Not a stable API: what the benchmarks, the fuzz targets and the tests of the search
/// client and the Markdown passes reach below the surface.
#[doc(hidden)]
pub mod internals {
    pub use crate::config::{Config, MarkdownConfig};
    pub use crate::content::glossary::parse as parse_glossary;
    pub use crate::content::load as load_content;
    pub use crate::markdown::{
        options as markdown_options, render as render_markdown, BodyLocation, LinkResolver,
        Rendered, Resolved,
    };
    pub use crate::output::NullSink;
    pub use crate::render::render_site;
    pub use crate::search::analyze::{fold, words, Analyzer};
    pub use crate::search::query::{answer, search, Answer, Hit};
    pub use crate::search::{build as build_search_index, FRAGMENTS_PER_FILE};
    pub use crate::site::paths::{encode_path, normalise, relative_href, root_prefix};
    pub use crate::site::{Contents, Derived, Site, Texts};
    pub use crate::slug::{normalise_anchor, slugify, swedish_sort_key};
    pub use crate::templates::Templates;
}

/// What to build, from the command line or a caller.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site root (holds `handbok.yaml`).
    pub root: PathBuf,
    /// The output folder; `root/public` when `None`.
    pub output: Option<PathBuf>,
    pub overrides: Overrides,
    /// Treat warnings (accessibility and editorial lint) as errors.
    pub strict: bool,
    /// Replace a non-empty output folder that handbok did not write (deleting its files).
    pub force: bool,
    /// The output folder's parent must exist already: a missing one is an error, never
    /// created (`serve`'s private working folder must not come back with default
    /// permissions after someone removed it).
    pub existing_parent: bool,
    /// Told when each stage starts (for a progress line on a terminal).
    pub progress: Option<Progress>,
}

/// A listener for the stage a build has reached: the stage's name in the catalogue.
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn(&'static messages::Message) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl BuildOptions {
    fn stage(&self, name: &'static messages::Message) {
        if let Some(p) = &self.progress {
            (p.0)(name);
        }
    }
}

/// The site folder for a command run in `start` without `--root`: `start` or the nearest
/// folder above it that holds `handbok.yaml`, as a relative path (`.`, `..`, `../..`), so
/// that messages name files briefly. `None` when there is none.
///
/// The search stops at the top of a git work tree (a folder holding `.git`) and never
/// crosses into another file system, so that a `handbok.yaml` someone left in `/tmp` or `/`
/// is not taken for the site of a stray folder below it.
pub fn find_root(start: &std::path::Path) -> Option<PathBuf> {
    let device = |p: &std::path::Path| -> Option<u64> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(p).ok().map(|m| m.dev())
        }
        #[cfg(not(unix))]
        {
            let _ = p;
            Some(0)
        }
    };
    let home = device(start);
    for (up, dir) in start.ancestors().enumerate() {
        if up > 0 && device(dir) != home {
            return None;
        }
        // Any entry of that name counts (a link, a pipe): loading it makes the checks and
        // says what is wrong with it, rather than looking further up.
        if dir.join(config::CONFIG_FILE).symlink_metadata().is_ok() {
            return Some(match up {
                0 => PathBuf::from("."),
                n => std::iter::repeat_n("..", n).collect(),
            });
        }
        if dir.join(".git").symlink_metadata().is_ok() {
            return None;
        }
    }
    None
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            ..Default::default()
        }
    }

    /// The output folder this build writes.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a successful build or check did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub pages: usize,
    pub sections: usize,
    pub terms: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    /// Governing documents whose review or validity date has passed or is near.
    pub review: Vec<ReviewEntry>,
    /// The date the review was made for.
    pub today: Option<chrono::NaiveDate>,
    /// How long each stage took, in order.
    pub timings: Vec<(&'static messages::Message, std::time::Duration)>,
}

impl Report {
    /// The counts of `site`, with the files written and the warnings.
    fn of(site: &Site, files: usize, warnings: Vec<Diagnostic>) -> Report {
        let sections = site.entries.iter().filter(|e| e.is_section()).count();
        Report {
            pages: site.entries.len() - sections,
            sections,
            terms: site.taxonomies.iter().map(|t| t.terms.len()).sum(),
            files,
            warnings,
            today: Some(site.config.today),
            ..Default::default()
        }
    }
}

/// Stage timings of one build.
struct Timings {
    last: std::time::Instant,
    laps: Vec<(&'static messages::Message, std::time::Duration)>,
}

impl Default for Timings {
    fn default() -> Self {
        Self {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }
}

impl Timings {
    fn lap(&mut self, stage: &'static messages::Message) {
        let now = std::time::Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
    }

    /// A duration measured inside a stage, listed after it (not part of the sum).
    fn within(&mut self, part: &'static messages::Message, took: std::time::Duration) {
        self.laps.push((part, took));
    }
}

/// One line of the review report (`handbok check --review`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewEntry {
    pub file: String,
    pub line: usize,
    pub title: String,
    pub owner: Option<String>,
    /// `review_by` or `valid_until`.
    pub field: &'static str,
    pub date: chrono::NaiveDate,
    /// Days from today; negative when the date has passed.
    pub days: i64,
}

/// Builds the site into the output folder, atomically.
pub fn build(options: &BuildOptions) -> Result<Report> {
    let (report, built) = build_into_output(options, Keep::Nothing)?;
    // Freeing the site model (millions of small allocations at 50,000 pages) takes a few
    // tenths of a second that the caller need not wait for: it happens on a thread of its
    // own, which a process that exits right after the build simply abandons.
    std::thread::spawn(move || drop(built));
    Ok(report)
}

/// Builds like [`build`] and keeps the site model, templates and anchors, so that a later
/// change can be rendered incrementally (`handbok serve`).
pub fn build_keeping(options: &BuildOptions) -> Result<(Report, Built)> {
    build_into_output(options, Keep::ForUpdates)
}

/// Builds like [`build_keeping`] for a preview (`handbok serve`), which is served at the
/// root of localhost and never published: nothing is said about the sitemap that its
/// `base_url: /` leaves out (with `--strict` that warning would stop every preview).
pub(crate) fn preview_keeping(options: &BuildOptions) -> Result<(Report, Built)> {
    build_into_output(options, Keep::ForPreview)
}

/// Runs the pipeline into the options' output folder, once that folder is known not to
/// hold the site itself.
fn build_into_output(options: &BuildOptions, keep: Keep) -> Result<(Report, Built)> {
    let output = options.output_dir();
    guard_output(&options.root, &output)?;
    run(options, Some(&output), keep)
}

/// What a build leaves for incremental updates.
pub struct Built {
    /// The site model, as built (serve swaps in a changed page's source with its results).
    pub site: Site,
    /// Every entry's Markdown text (serve swaps in a changed page's text). A plain build
    /// (`Keep::Nothing`) has let go of all but its print pages' texts by then.
    pub texts: site::Texts,
    /// What the Markdown stage derived from the model: bodies, backlinks, related pages. A
    /// plain build's Markdown stage hands each body's HTML over (`site::Contents`) as it
    /// renders it: the bodies have no HTML by then.
    pub derived: site::Derived,
    pub templates: Templates,
    /// The `id`s of each entry's page, for anchor checks (empty sets after a plain build,
    /// which checks the anchors into each page as it writes it).
    pub ids: Vec<Option<site::Ids>>,
    /// Entries re-rendered (incrementally) since the search index was last written, sorted:
    /// their fragment files are out of date.
    pub(crate) index_stale: Vec<usize>,
}

/// Refuses an output folder whose replacement would destroy the site itself: the site
/// root, a folder above it, or a folder inside `content/`, `templates/`, `static/` or `themes/`.
fn guard_output(root: &std::path::Path, output: &std::path::Path) -> Result<()> {
    let absolute = |p: &std::path::Path| {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Resolve what exists (symlinks, `..`); keep the rest as written.
        let mut existing = p.clone();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (
                existing.file_name().map(|n| n.to_os_string()),
                existing.parent(),
            ) {
                (Some(name), Some(parent)) => {
                    rest.push(name);
                    existing = parent.to_path_buf();
                }
                _ => break,
            }
        }
        let mut resolved = existing.canonicalize().unwrap_or(existing);
        resolved.extend(rest.iter().rev());
        resolved
    };
    let (root, output) = (absolute(root), absolute(output));
    let inside_source = ["content", "templates", "static", "themes"]
        .iter()
        .any(|d| output.starts_with(root.join(d)));
    if root.starts_with(&output) || inside_source {
        return Err(Error::Config(Box::new(
            Diagnostic::error(crate::text!(
                messages::OUTPUT_REPLACES_SITE,
                output.display()
            ))
            .with_hint(&messages::HINT_OUTPUT_REPLACES_SITE),
        )));
    }
    Ok(())
}

/// The files of the site's `static/` folder, by site path; `left_out` gets a warning for
/// each file that is never published (see [`inside::never_published`]).
fn site_statics(config: &Config, left_out: &mut Vec<Diagnostic>) -> Result<Vec<site::StaticFile>> {
    let mut found = std::collections::BTreeMap::new();
    templates::collect_static(&config.root, "static", &mut found, left_out)?;
    Ok(found
        .into_iter()
        .filter_map(|(path, source)| match source {
            templates::FileSource::Disk(src) => Some(site::StaticFile { path, src }),
            templates::FileSource::Embedded(_) => None,
        })
        .collect())
}

/// Runs the whole pipeline and every validation without writing anything.
pub fn check(options: &BuildOptions) -> Result<Report> {
    run(options, None, Keep::Nothing).map(|(report, _)| report)
}

/// What a build is for, beyond its output: what [`run`] keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Nothing: the ids of a page are collected only when a link's anchor is checked
    /// against them.
    Nothing,
    /// Every page's ids, for incremental updates.
    ForUpdates,
    /// As `ForUpdates`, for a preview (`handbok serve`), which is never published: nothing
    /// is said about the sitemap that its `base_url: /` leaves out.
    ForPreview,
}

/// The whole pipeline; writes into `output` if given.
fn run(options: &BuildOptions, output: Option<&PathBuf>, keep: Keep) -> Result<(Report, Built)> {
    let preview = keep == Keep::ForPreview;
    let mut timings = Timings::default();
    options.stage(&messages::STAGE_CONFIGURATION);
    let config = Config::load(&options.root, &options.overrides)?;
    timings.lap(&messages::STAGE_CONFIGURATION);
    options.stage(&messages::STAGE_CONTENT);
    // The templates, the pages and the git history side by side: compiling the templates
    // and the history's walk over the commits are each one thread's work, which the walk
    // over the content folder (one thread too) and the parallel loading of the pages leave
    // a core for. A template's error still comes first.
    let (templates, (content, ((history, history_warnings), history_took))) = rayon::join(
        || {
            let started = std::time::Instant::now();
            (Templates::load(&config), started.elapsed())
        },
        || {
            rayon::join(
                || content::load(&config),
                || {
                    let started = std::time::Instant::now();
                    (history::read(&config), started.elapsed())
                },
            )
        },
    );
    let (templates, templates_took) = templates;
    let templates = templates?;
    let mut content = content?;
    timings.lap(&messages::STAGE_CONTENT);
    timings.within(&messages::STAGE_TEMPLATES, templates_took);
    timings.within(&messages::STAGE_HISTORY, history_took);
    let mut diagnostics = std::mem::take(&mut content.diagnostics);
    diagnostics.extend(history_warnings);
    diagnostics.extend(templates.warnings.iter().cloned());
    let statics = match site_statics(&config, &mut diagnostics) {
        Ok(statics) => statics,
        Err(Error::Site(problems)) => {
            diagnostics.extend(problems);
            Vec::new()
        }
        Err(e) => return Err(e),
    };
    let theme_statics: Vec<&str> = templates.static_files.keys().map(String::as_str).collect();
    options.stage(&messages::STAGE_MODEL);
    let (site, mut texts) = match Site::build(config, content, history, &theme_statics, statics) {
        Ok(built) => built,
        Err(Error::Site(more)) => {
            diagnostics.extend(more);
            error::sort_diagnostics(&mut diagnostics);
            return Err(Error::Site(diagnostics));
        }
        Err(e) => return Err(e),
    };
    timings.lap(&messages::STAGE_MODEL);
    options.stage(&messages::STAGE_MARKDOWN);
    // The Markdown and the output folder side by side: taking stock of the previous output
    // (a folder listing of every file) is system calls on one thread, which the parallel
    // Markdown stage leaves room for.
    let policy = output::Policy::of(options);
    // A build reads each body once for its page and once for the search index, and lets go
    // of it then; what is kept for updates is read in place.
    let handed = (keep == Keep::Nothing)
        .then(|| site::Contents::handed(site.entries.len(), if INDEXED { 2 } else { 1 }));
    let ((derived, problems), (staging, staging_took)) = rayon::join(
        || {
            if keep == Keep::Nothing {
                // A build needs a text after its Markdown is rendered only for the print
                // pages, which render it again at their own path.
                texts.keep_only_printed(&site);
            }
            site.render_markdown(&mut texts, handed.as_ref())
        },
        || {
            let started = std::time::Instant::now();
            let staging = output.map(|dir| Staging::create(dir, &policy)).transpose();
            (staging, started.elapsed())
        },
    );
    diagnostics.extend(problems);
    diagnostics.extend(site::governance::overdue_diagnostics(&site));
    if let Some(a) = &site.config.accessibility {
        diagnostics.extend(a.warnings());
    }
    if !preview {
        diagnostics.extend(site::routes::sitemap_left_out(&site));
    }
    timings.lap(&messages::STAGE_MARKDOWN);
    timings.within(&messages::STAGE_OUTPUT, staging_took);
    let staging = staging?;
    let sink: &dyn Sink = match &staging {
        Some(s) => s,
        None => &NullSink,
    };
    options.stage(&messages::STAGE_RENDERING);
    let written = write_files(&site, &texts, &derived, handed, &templates, sink);
    timings.lap(&messages::STAGE_RENDERING);
    timings.within(&messages::STAGE_SEARCH_INDEX, written.index_took);
    let rendered = written.rendered;
    diagnostics.extend(written.diagnostics);
    if settle(&mut diagnostics, options.strict) {
        if let Some(s) = staging {
            s.discard();
        }
        return Err(Error::Site(diagnostics));
    }
    if let Some(s) = staging {
        options.stage(&messages::STAGE_COMMIT);
        s.commit()?;
    }
    timings.lap(&messages::STAGE_COMMIT);
    let review = site::governance::review_items(&site)
        .into_iter()
        .filter(|i| i.status != site::governance::ReviewStatus::Later)
        .map(|i| {
            let e = &site.entries[i.entry];
            ReviewEntry {
                file: e.source.display_path(),
                line: site::document_line(e, i.field),
                title: e.title().to_string(),
                owner: e
                    .source
                    .front
                    .document
                    .as_ref()
                    .and_then(|d| d.owner.clone()),
                field: i.field,
                date: i.date,
                days: i.days,
            }
        })
        .collect();
    let report = Report {
        review,
        timings: timings.laps,
        ..Report::of(&site, written.files, diagnostics)
    };
    Ok((
        report,
        Built {
            site,
            texts,
            derived,
            templates,
            ids: rendered.ids,
            index_stale: Vec::new(),
        },
    ))
}

/// Makes every problem an error with `--strict` and sorts them; says whether any is an
/// error (then nothing is published).
fn settle(diagnostics: &mut Vec<Diagnostic>, strict: bool) -> bool {
    if strict {
        for d in diagnostics.iter_mut() {
            d.severity = Severity::Error;
        }
    }
    error::sort_diagnostics(diagnostics);
    diagnostics.iter().any(Diagnostic::is_error)
}

/// What the rendering stage wrote.
struct Written {
    rendered: render::Rendered,
    /// Problems of the pages, of the search index and of the anchors of links.
    diagnostics: Vec<Diagnostic>,
    /// Files handed to the sink, the search index's included.
    files: usize,
    index_took: std::time::Duration,
}

/// Whether a build writes the search index (a benchmark feature leaves it out).
const INDEXED: bool = !cfg!(feature = "bench-without-search-index");

/// The rendering stage: every file of the route table and, beside them, the search index;
/// then the anchors of links checked against the pages' ids. `handed` holds the bodies a
/// build handed over (see [`site::Contents`]); without it they are read in place.
fn write_files(
    site: &Site,
    texts: &site::Texts,
    derived: &site::Derived,
    handed: Option<site::Contents>,
    templates: &Templates,
    sink: &dyn Sink,
) -> Written {
    // A build checks the anchors into each page as it writes it and keeps no ids; what is
    // kept for updates collects every page's ids and checks them all at the end.
    let anchored = handed
        .is_some()
        .then(|| site::anchored_links(site, derived));
    let contents = handed.unwrap_or(site::Contents::Kept(derived));
    let contents = &contents;
    // Pages and the search index side by side: each has serial steps (the sitemap and feed,
    // the postings) that the other's parallel work fills in.
    let (mut rendered, ((index_problems, index_files), index_took)) = rayon::join(
        || {
            render::render_site(
                site,
                texts,
                derived,
                contents,
                templates,
                sink,
                anchored.as_deref(),
            )
        },
        || {
            let started = std::time::Instant::now();
            let written = if INDEXED {
                render::write_search_index(site, contents, sink)
            } else {
                Default::default()
            };
            (written, started.elapsed())
        },
    );
    let mut diagnostics = std::mem::take(&mut rendered.diagnostics);
    diagnostics.extend(index_problems);
    if anchored.is_none() {
        diagnostics.extend(site::check_anchors(site, derived, &rendered.ids));
    }
    Written {
        files: rendered.files + index_files,
        rendered,
        diagnostics,
        index_took,
    }
}

/// Renders the site of `built` again with `templates` (an edit of the site's templates
/// while serving): the pages and the model are as they were, so only the rendering stage
/// runs, into a staging folder swapped in as by a full build. On success `built` takes the
/// new templates; on failure nothing is written and `built` is as it was.
pub(crate) fn rerender_keeping(
    options: &BuildOptions,
    built: &mut Built,
    templates: Templates,
) -> Result<Report> {
    let output = options.output_dir();
    guard_output(&options.root, &output)?;
    let staging = Staging::create(&output, &output::Policy::of(options))?;
    let written = write_files(
        &built.site,
        &built.texts,
        &built.derived,
        None,
        &templates,
        &staging,
    );
    let mut diagnostics = templates.warnings.clone();
    diagnostics.extend(written.diagnostics);
    if settle(&mut diagnostics, options.strict) {
        staging.discard();
        return Err(Error::Site(diagnostics));
    }
    staging.commit()?;
    built.templates = templates;
    built.ids = written.rendered.ids;
    built.index_stale.clear();
    Ok(Report::of(&built.site, written.files, diagnostics))
}

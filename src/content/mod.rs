//! Stage 2: load content. Walks `content/`, classifies files (sections, pages,
//! page bundles, assets), reads them in parallel and validates their front matter.

pub mod action_plan;
pub mod document;
mod fields;
pub mod frontmatter;
pub mod glossary;
pub mod meeting;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::config::Config;
use crate::error::{Diagnostic, Error, Result};
use crate::inside::{self, Inside};
use crate::messages as msg;
use crate::text;
pub use frontmatter::FrontMatter;

/// The content folder's name, at the site root.
pub const CONTENT_DIR: &str = "content";

/// What a Markdown source file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// `_index.md` of a folder (or a folder without one).
    Section,
    /// Any other `.md` file.
    Page,
    /// `index.md` of a page bundle folder.
    Bundle,
}

/// One Markdown file, read and with validated front matter. Its Markdown text travels
/// beside it ([`Loaded`]), not in it: the model keeps the source, and the text is kept only
/// as long as a stage renders it (see `site::Texts`).
#[derive(Debug)]
pub struct Source {
    /// Path relative to `content/`, with `/` separators (e.g. `natverk/social.md`).
    pub rel: String,
    pub kind: SourceKind,
    pub front: FrontMatter,
    /// 1-based file line where the Markdown text (after the front matter) starts.
    pub body_line: usize,
    /// True for a section folder that has no `_index.md` of its own.
    pub implicit: bool,
}

impl Source {
    /// The folder this source stands for (section or bundle), or the folder it lives in.
    pub fn dir(&self) -> &str {
        parent_of(&self.rel)
    }

    /// The path of the file relative to the site root, for messages.
    pub fn display_path(&self) -> String {
        format!("{CONTENT_DIR}/{}", self.rel)
    }
}

/// A source as read, with its Markdown text (after the front matter).
#[derive(Debug)]
pub struct Loaded {
    pub source: Source,
    pub text: String,
}

/// A non-Markdown file in `content/`, copied beside its page or section.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to `content/`.
    pub rel: String,
    pub abs: PathBuf,
}

/// Everything found in `content/`.
#[derive(Debug, Default)]
pub struct Content {
    pub sources: Vec<Loaded>,
    pub assets: Vec<Asset>,
    /// Problems with single files; those files are left out (see `failed`) and the build
    /// goes on, so that every error of the site is reported at once.
    pub diagnostics: Vec<Diagnostic>,
    /// Markdown files that could not be loaded. Links to them are not reported as broken.
    pub failed: std::collections::HashSet<String>,
    /// The glossary data file's terms (empty without `glossary:` in the config).
    pub glossary: Vec<glossary::GlossaryTerm>,
}

/// The parent folder of a `/`-separated relative path (`""` for top level).
pub fn parent_of(rel: &str) -> &str {
    rel.rfind('/').map_or("", |i| &rel[..i])
}

/// Walks and loads `content/`. Problems in single files are collected; the walk goes on.
pub fn load(config: &Config) -> Result<Content> {
    let dir = config.root.join(CONTENT_DIR);
    if !dir.is_dir() {
        return Err(Error::Config(Box::new(
            Diagnostic::error(text!(msg::CONTENT_MISSING, config.root.display()))
                .with_hint(&msg::HINT_CONTENT_MISSING),
        )));
    }
    let mut diagnostics = Vec::new();
    let walk = walk(&dir, &mut diagnostics);
    let loaded: Vec<Result<Loaded, Vec<Diagnostic>>> = walk
        .markdown
        .par_iter()
        .map(|(rel, kind)| load_source(&dir, rel, *kind, config))
        .collect();
    let mut content = Content {
        assets: walk.assets,
        // Sized once: a `Source` is large, and growing a vector of 50,000 of them copies
        // and page-faults it again at every doubling.
        sources: Vec::with_capacity(loaded.len() + walk.implicit_sections.len()),
        ..Default::default()
    };
    for (result, (rel, kind)) in loaded.into_iter().zip(&walk.markdown) {
        match result {
            Ok(s) => content.sources.push(s),
            Err(d) => {
                diagnostics.extend(d);
                content.failed.insert(rel.clone());
                // A section whose _index.md failed still holds its pages.
                if *kind == SourceKind::Section {
                    let mut stand_in = implicit_section(parent_of(rel), config);
                    stand_in.source.implicit = false;
                    content.sources.push(stand_in);
                }
            }
        }
    }
    for folder in walk.implicit_sections {
        content.sources.push(implicit_section(&folder, config));
    }
    match glossary::load(config) {
        Ok(terms) => content.glossary = terms,
        Err(d) => diagnostics.extend(d),
    }
    content.diagnostics = diagnostics;
    content
        .sources
        .sort_by(|a, b| a.source.rel.cmp(&b.source.rel));
    Ok(content)
}

struct Walk {
    markdown: Vec<(String, SourceKind)>,
    assets: Vec<Asset>,
    implicit_sections: Vec<String>,
}

fn walk(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Walk {
    // Symbolic links are followed, but only within the site folder: content/ itself may
    // be a link only to a folder inside the site (a pull request could otherwise publish
    // whatever folder of the runner it points at).
    let inside = Inside::site(dir.parent().unwrap_or(dir));
    let walked = inside::walk(dir, Path::new(CONTENT_DIR), &inside, true);
    diagnostics.extend(walked.diagnostics);
    // Lock files, thumbnail caches and the like, left out of pages' folders and bundles.
    diagnostics.extend(walked.left_out);
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let mut folders: BTreeSet<String> = BTreeSet::new();
    folders.insert(String::new());
    for found in walked.found {
        if found.is_dir {
            folders.insert(found.rel);
        } else {
            files.push((found.rel, found.path));
        }
    }
    classify(files, folders, diagnostics)
}

fn not_a_file() -> Diagnostic {
    inside::not_a_file(Some(Path::new(CONTENT_DIR)))
}

/// The largest Markdown file handbok reads. A page of 10 MB is thousands of printed pages,
/// more than a browser shows comfortably; the limit also bounds the memory one page takes
/// (about fifteen times its size while it is rendered).
pub const MAX_MARKDOWN_BYTES: u64 = 10 * 1024 * 1024;

/// Reads the Markdown file at `path` into `bytes` (emptied first), refusing what is not an
/// ordinary file, and a file larger than [`MAX_MARKDOWN_BYTES`] before it is read (or as
/// soon as the reading passes the limit).
fn read_markdown(path: &Path, bytes: &mut Vec<u8>) -> Result<(), Diagnostic> {
    use std::io::Read;
    bytes.clear();
    let cannot = |e: std::io::Error| {
        Diagnostic::error(text!(msg::FILE_CANNOT_READ, e)).with_hint(&msg::HINT_FILE_READ)
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(not_a_file());
    }
    let too_large = |size: u64| {
        Diagnostic::error(text!(
            msg::FILE_TOO_LARGE,
            format!("{:.1}", size as f64 / (1024.0 * 1024.0)),
            MAX_MARKDOWN_BYTES / (1024 * 1024)
        ))
        .with_hint(&msg::HINT_FILE_TOO_LARGE)
    };
    if meta.len() > MAX_MARKDOWN_BYTES {
        return Err(too_large(meta.len()));
    }
    bytes.reserve_exact(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_MARKDOWN_BYTES + 1).read_to_end(bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_MARKDOWN_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(())
}

fn classify(
    files: Vec<(String, PathBuf)>,
    folders: BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Walk {
    // Sets only looked up (FxHash: the site's own names) are hashed; what is iterated over,
    // in order, is a B-tree.
    let file_set: FxHashSet<&str> = files.iter().map(|(r, _)| r.as_str()).collect();
    let bundles: BTreeSet<String> = folders
        .iter()
        .filter(|f| !f.is_empty() && file_set.contains(join(f, "index.md").as_str()))
        .cloned()
        .collect();
    let in_bundle = |rel: &str| {
        if bundles.is_empty() {
            return None;
        }
        let mut dir = parent_of(rel);
        while !dir.is_empty() {
            if bundles.contains(dir) {
                return Some(dir.to_string());
            }
            dir = parent_of(dir);
        }
        None
    };
    let mut walk = Walk {
        markdown: Vec::new(),
        assets: Vec::new(),
        implicit_sections: Vec::new(),
    };
    let mut has_index: FxHashSet<&str> = FxHashSet::default();
    for (rel, abs) in &files {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let is_md = name.ends_with(".md");
        match in_bundle(rel) {
            Some(bundle) if is_md && *rel == join(&bundle, "index.md") => {
                walk.markdown.push((rel.clone(), SourceKind::Bundle))
            }
            Some(bundle) if is_md => diagnostics.push(
                Diagnostic::error(text!(msg::BUNDLE_HOLDS_PAGE, bundle))
                    .in_file(format!("{CONTENT_DIR}/{rel}"))
                    .with_hint(&msg::HINT_BUNDLE_HOLDS_PAGE),
            ),
            Some(_) => walk.assets.push(Asset {
                rel: rel.clone(),
                abs: abs.clone(),
            }),
            None if name == "_index.md" => {
                if bundles.contains(parent_of(rel)) {
                    continue;
                }
                has_index.insert(parent_of(rel));
                walk.markdown.push((rel.clone(), SourceKind::Section));
            }
            None if is_md => walk.markdown.push((rel.clone(), SourceKind::Page)),
            None => walk.assets.push(Asset {
                rel: rel.clone(),
                abs: abs.clone(),
            }),
        }
    }
    for bundle in &bundles {
        if file_set.contains(join(bundle, "_index.md").as_str()) {
            diagnostics.push(
                Diagnostic::error(&msg::BUNDLE_AND_SECTION)
                    .in_file(format!("{CONTENT_DIR}/{bundle}/_index.md"))
                    .with_hint(&msg::HINT_BUNDLE_AND_SECTION),
            );
        }
    }
    let md_folders: FxHashSet<&str> = walk
        .markdown
        .iter()
        .flat_map(|(rel, _)| ancestors(rel))
        .collect();
    for folder in &folders {
        let needs_section = folder.is_empty() || md_folders.contains(folder.as_str());
        if needs_section
            && !has_index.contains(folder.as_str())
            && in_bundle(&join(folder, "x")).is_none()
            && !bundles.contains(folder)
        {
            walk.implicit_sections.push(folder.clone());
        }
    }
    walk
}

/// Every folder above a relative path, nearest first, ending with `""` (the root).
pub fn ancestors(rel: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(parent_of(rel));
    std::iter::from_fn(move || {
        let current = next?;
        next = if current.is_empty() {
            None
        } else {
            Some(parent_of(current))
        };
        Some(current)
    })
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// Loads one Markdown file again (after an edit), as [`load`] would.
pub fn load_one(config: &Config, rel: &str, kind: SourceKind) -> Result<Loaded, Vec<Diagnostic>> {
    load_source(&config.root.join(CONTENT_DIR), rel, kind, config)
}

fn load_source(
    dir: &Path,
    rel: &str,
    kind: SourceKind,
    config: &Config,
) -> Result<Loaded, Vec<Diagnostic>> {
    // The file is read into this thread's buffer, reused from file to file, and only its
    // body is copied out: no buffer the size of the file is allocated for it (unless its
    // line breaks or letters must be rewritten).
    thread_local! {
        static BYTES: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BYTES.with_borrow_mut(|bytes| {
        let loaded = parse_source(dir, rel, kind, config, bytes);
        // A rare large file does not keep its memory for the rest of the build.
        if bytes.capacity() > READ_BUFFER_KEPT {
            *bytes = Vec::new();
        }
        loaded
    })
}

/// The largest read buffer a thread keeps between two files.
const READ_BUFFER_KEPT: usize = 1 << 20;

fn parse_source(
    dir: &Path,
    rel: &str,
    kind: SourceKind,
    config: &Config,
    bytes: &mut Vec<u8>,
) -> Result<Loaded, Vec<Diagnostic>> {
    let display = format!("{CONTENT_DIR}/{rel}");
    let in_file = |d: Diagnostic| d.in_file(&display);
    read_markdown(&dir.join(rel), bytes).map_err(|d| vec![in_file(d)])?;
    let text = frontmatter::decode(bytes, Path::new(&display)).map_err(|d| vec![in_file(d)])?;
    let split = frontmatter::split(&text).map_err(|d| vec![in_file(d)])?;
    let front = frontmatter::parse(split.yaml, 1, config)
        .map_err(|ds| ds.into_iter().map(in_file).collect::<Vec<_>>())?;
    let source = Source {
        rel: rel.to_string(),
        kind,
        front,
        body_line: split.body_line,
        implicit: false,
    };
    Ok(Loaded {
        source,
        text: split.body.to_string(),
    })
}

fn implicit_section(folder: &str, config: &Config) -> Loaded {
    let name = folder.rsplit('/').next().unwrap_or(folder);
    let title = if folder.is_empty() {
        config.title.clone()
    } else {
        let spaced = name.replace(['-', '_'], " ");
        let mut chars = spaced.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    };
    let source = Source {
        rel: join(folder, "_index.md"),
        kind: SourceKind::Section,
        front: FrontMatter {
            title,
            extra: serde_json::Value::Object(Default::default()),
            ..Default::default()
        },
        body_line: 1,
        implicit: true,
    };
    Loaded {
        source,
        text: String::new(),
    }
}

//! Incremental rebuilds while serving: when only the text of pages changed (their front
//! matter is the same), re-render just what depends on them: the pages themselves, their
//! sections' listings and print pages, the pages whose backlinks change, and the term pages
//! that list them. Anything else (front matter, new or removed files, templates, config)
//! needs a full build.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::content::{load_one, CONTENT_DIR};
use crate::error::Diagnostic;
use crate::output::DirectSink;
use crate::render::render_some;
use crate::site::check_anchors;
use crate::Built;

/// What an incremental update did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Re-rendered this many pages.
    Updated(usize),
    /// The change needs a full build.
    NeedsFull,
}

/// Applies changed files to `built` and re-renders into `output`. Errors leave the served
/// files as they were (the failing page is not written).
pub fn update(
    built: &mut Built,
    output: &Path,
    changed: &[PathBuf],
) -> Result<Outcome, Vec<Diagnostic>> {
    let content = built.site.config.root.join(CONTENT_DIR);
    let content = content.canonicalize().unwrap_or(content);
    let mut ids = Vec::new();
    for path in changed {
        let Some(rel) = relative(&content, path) else {
            return Ok(Outcome::NeedsFull);
        };
        let Some(id) = built.site.by_source.get(&rel).copied() else {
            return Ok(Outcome::NeedsFull);
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    // Load everything first: a change of front matter anywhere means a full build.
    let mut fresh = Vec::new();
    for id in &ids {
        let e = &built.site.entries[*id];
        let source = load_one(&built.site.config, &e.source.rel, e.source.kind)?;
        if source.front != e.source.front {
            return Ok(Outcome::NeedsFull);
        }
        fresh.push((*id, source));
    }
    let mut to_render: Vec<usize> = Vec::new();
    let mut terms: Vec<(usize, usize)> = Vec::new();
    let mut prints: Vec<usize> = Vec::new();
    for (id, source) in fresh {
        let old = std::mem::replace(&mut built.site.entries[id].source, source);
        let path = built.site.entries[id].path.clone();
        let rendered = built.site.render_entry(id, &path);
        if rendered.diagnostics.iter().any(Diagnostic::is_error) {
            built.site.entries[id].source = old;
            return Err(rendered.diagnostics);
        }
        let old_targets: HashSet<usize> = built.site.entries[id]
            .rendered
            .links
            .iter()
            .filter_map(|l| l.target)
            .collect();
        let summary_changed = built.site.entries[id].rendered.summary != rendered.summary;
        built.site.entries[id].rendered = rendered;
        to_render.push(id);
        let relinked = built.site.relink(id, &old_targets);
        if !relinked.is_empty() {
            built.site.refresh_related(id);
        }
        to_render.extend(relinked);
        // Listings show an entry's title, description and summary: only a new summary
        // (the first paragraph) changes them.
        if summary_changed {
            to_render.extend(built.site.entries[id].parent);
            for (ti, t) in built.site.taxonomies.iter().enumerate() {
                for (i, term) in t.terms.iter().enumerate() {
                    if term.entries.contains(&id) {
                        terms.push((ti, i));
                    }
                }
            }
        }
        prints.extend(
            built
                .site
                .ancestors(id)
                .into_iter()
                .filter(|s| built.site.print_path(*s).is_some()),
        );
    }
    to_render.sort_unstable();
    to_render.dedup();
    terms.sort_unstable();
    terms.dedup();
    prints.sort_unstable();
    prints.dedup();
    let sink = DirectSink {
        dir: output.to_path_buf(),
    };
    let (new_ids, mut diagnostics) = render_some(
        &built.site,
        &built.templates,
        &sink,
        &to_render,
        &terms,
        &prints,
    );
    for (id, set) in new_ids {
        built.ids[id] = set;
    }
    diagnostics.extend(check_anchors(&built.site, &built.ids));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    Ok(Outcome::Updated(
        to_render.len() + terms.len() + prints.len(),
    ))
}

/// `content/a/b.md` → `a/b.md` for a changed Markdown file inside `content`.
fn relative(content: &Path, path: &Path) -> Option<String> {
    if path.extension().and_then(|e| e.to_str()) != Some("md") || !path.is_file() {
        return None;
    }
    let real = path.canonicalize().ok()?;
    let rel = real.strip_prefix(content).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

//! Template views of the git history: a page's dates and author (`page.git`), a governing
//! document's version history (`page.versions`) and versions page (`versions`), and the
//! page "Senaste ändringar" (`changes`). Part of the template API (themes/default/README.md).

use serde::Serialize;

use crate::history::{diff, ChangeKind, Commit, History};
use crate::site::{Derived, Route, Site};

/// `page.git`: what git says of the page's file.
#[derive(Debug, Serialize)]
pub struct GitView<'a> {
    /// When the file was first committed (`YYYY-MM-DD`); none when the history does not
    /// reach it (a shallow clone).
    pub created: Option<String>,
    /// The last commit that changed the file (RFC 3339, in the committer's zone).
    pub changed: Option<String>,
    /// Who made that change; none when `history: authors: false`.
    pub author: Option<&'a str>,
    pub message: Option<&'a str>,
    /// The commit's short id and its page in the forge (with `repository:`).
    pub commit: Option<&'a str>,
    pub commit_url: Option<String>,
    /// The working copy differs from the last commit (or is not committed): "ändrad lokalt".
    pub local: bool,
}

/// One version of a governing document.
#[derive(Debug, Serialize)]
pub struct VersionView<'a> {
    /// `YYYY-MM-DD` and RFC 3339, in the committer's zone.
    pub date: String,
    pub datetime: String,
    pub author: Option<&'a str>,
    pub message: &'a str,
    pub commit: &'a str,
    pub commit_url: Option<String>,
    /// `added`, `modified` or `renamed`.
    pub kind: ChangeKind,
    /// The id of this version's part of the versions page (`version-1a2b3c4d`).
    pub anchor: String,
    /// Versions page only: what changed from the version before, line by line with the
    /// changed words marked; empty for the first version.
    pub diff: Vec<diff::DiffLine>,
    /// Versions page only: the document's metadata (front matter) changed too.
    pub metadata_changed: bool,
    /// Versions page only: the text (not only the metadata) changed.
    pub text_changed: bool,
    /// There is an earlier version to compare with on the versions page.
    pub compared: bool,
}

/// `versions`: the versions page of a governing document.
#[derive(Debug, Serialize)]
pub struct VersionsView<'a> {
    /// The sections above the document, from the start page (breadcrumbs).
    pub ancestors: Vec<super::views::LinkView<'a>>,
    pub document: super::views::LinkView<'a>,
    pub versions: Vec<VersionView<'a>>,
    /// The file's history in the forge.
    pub history_url: Option<String>,
    /// The document has older versions than the page shows.
    pub more: bool,
}

/// One row of "Senaste ändringar".
#[derive(Debug, Serialize)]
pub struct ChangeView<'a> {
    pub date: String,
    pub datetime: String,
    /// The page's title today; for a deleted file, its file name.
    pub title: String,
    /// Site path of the page, when it still exists.
    pub path: Option<&'a str>,
    /// The file below `content/` as the change left it.
    pub file: &'a str,
    pub kind: ChangeKind,
    pub message: &'a str,
    pub author: Option<&'a str>,
    pub commit: &'a str,
    pub commit_url: Option<String>,
}

/// `changes`: the page "Senaste ändringar".
#[derive(Debug, Serialize)]
pub struct ChangesView<'a> {
    /// The start page (breadcrumbs).
    pub ancestors: Vec<super::views::LinkView<'a>>,
    pub changes: Vec<ChangeView<'a>>,
    /// Site path of the feed.
    pub feed: &'a str,
}

fn commit_url(site: &Site, c: &Commit) -> Option<String> {
    site.config.repository.as_ref().map(|r| r.commit_url(&c.id))
}

/// `page.git` of entry `id`, when git knows its file.
pub fn git<'a>(site: &'a Site, id: usize) -> Option<GitView<'a>> {
    let rel = &site.entries[id].source.rel;
    let h = &site.history;
    let file = h.file(rel)?;
    let last = h.last(rel);
    Some(GitView {
        created: h.created(rel).map(Commit::date),
        changed: last.map(Commit::rfc3339),
        author: last.and_then(|c| site.shown_author(c)),
        message: last.map(|c| c.summary.as_str()),
        commit: last.map(Commit::short),
        commit_url: last.and_then(|c| commit_url(site, c)),
        local: file.local,
    })
}

/// The file's history in the forge (with `repository:`).
pub fn history_url(site: &Site, rel: &str) -> Option<String> {
    let repo = site.config.repository.as_ref()?;
    Some(repo.history_url(&site.history.repo_path(rel)))
}

/// The edit link of a content file: `edit_url:` when set, else the forge's edit page.
pub fn edit_url(site: &Site, rel: &str) -> Option<String> {
    if rel.is_empty() {
        return None;
    }
    site.config
        .edit_link(&crate::site::paths::encode_path(rel))
        .or_else(|| {
            let repo = site.config.repository.as_ref()?;
            Some(repo.edit_url(&site.history.repo_path(rel)))
        })
}

fn version<'a>(
    site: &'a Site,
    h: &'a History,
    v: &crate::history::Version,
) -> Option<VersionView<'a>> {
    let c = h.commits.get(v.commit)?;
    Some(VersionView {
        date: c.date(),
        datetime: c.rfc3339(),
        author: site.shown_author(c),
        message: &c.summary,
        commit: c.short(),
        commit_url: commit_url(site, c),
        kind: v.kind,
        anchor: format!("version-{}", c.short()),
        diff: Vec::new(),
        metadata_changed: false,
        text_changed: false,
        compared: false,
    })
}

/// `page.versions`: a governing document's versions, newest first (empty for other pages
/// and without history).
pub fn versions(site: &Site, id: usize) -> Vec<VersionView<'_>> {
    let e = &site.entries[id];
    if e.source.front.document.is_none() {
        return Vec::new();
    }
    let Some(file) = site.history.file(&e.source.rel) else {
        return Vec::new();
    };
    let compared = site
        .versions
        .get(&id)
        .map_or(0, |t| t.len().saturating_sub(1));
    file.versions
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let mut view = version(site, &site.history, v)?;
            view.compared = i < compared;
            Some(view)
        })
        .collect()
}

/// The versions page of entry `id`: each shown version with its difference from the one
/// before.
pub fn versions_page<'a>(site: &'a Site, derived: &'a Derived, id: usize) -> VersionsView<'a> {
    let e = &site.entries[id];
    let texts = site.versions.get(&id).map_or(&[][..], Vec::as_slice);
    let file = site.history.file(&e.source.rel);
    let mut out = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let Some(v) = file.and_then(|f| f.versions.get(text.version)) else {
            continue;
        };
        let Some(mut view) = version(site, &site.history, v) else {
            continue;
        };
        match texts.get(i + 1) {
            Some(older) => {
                view.diff = diff::lines(&older.body, &text.body);
                view.text_changed = !view.diff.is_empty();
                view.metadata_changed = older.front != text.front;
                view.compared = true;
            }
            // The oldest version read: shown only when it is the file's first version.
            None if text.version + 1 == file.map_or(0, |f| f.versions.len()) => {}
            None => continue,
        }
        out.push(view);
    }
    VersionsView {
        ancestors: site
            .ancestors(id)
            .into_iter()
            .map(|a| super::views::link(site, derived, a))
            .collect(),
        document: super::views::link(site, derived, id),
        more: file.is_some_and(|f| f.versions.len() > out.len()),
        versions: out,
        history_url: history_url(site, &e.source.rel),
    }
}

/// The page "Senaste ändringar".
pub fn changes<'a>(site: &'a Site, derived: &'a Derived) -> ChangesView<'a> {
    let h = &site.history;
    let changes = h
        .changes
        .iter()
        .filter_map(|ch| {
            let c = h.commits.get(ch.commit)?;
            let entry = site.change_entry(ch);
            Some(ChangeView {
                date: c.date(),
                datetime: c.rfc3339(),
                title: entry.map_or_else(
                    || ch.path.rsplit('/').next().unwrap_or(&ch.path).to_string(),
                    |e| e.title().to_string(),
                ),
                path: entry.map(|e| e.path.as_str()),
                file: &ch.path,
                kind: ch.kind,
                message: &c.summary,
                author: site.shown_author(c),
                commit: c.short(),
                commit_url: commit_url(site, c),
            })
        })
        .collect();
    ChangesView {
        ancestors: vec![super::views::link(site, derived, site.root)],
        changes,
        feed: site.routes.file_of(Route::ChangesFeed).unwrap_or_default(),
    }
}

/// Site path of the versions page of entry `id`, when it has one.
pub fn versions_path(site: &Site, id: usize) -> Option<&str> {
    site.routes.page_of(Route::Versions(id))
}

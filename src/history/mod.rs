//! Stage 2b: the site's git history, read once per build in one pass over the commits.
//!
//! For every content file: the commits that changed it (newest first, following renames),
//! whether the history reaches its creation, and whether the working copy differs from the
//! last commit ("ändrad lokalt"). For the site: the latest content changes, for the
//! "Senaste ändringar" page and feed. Without a repository (or with `git: false`) the
//! history is empty and pages keep the dates of their front matter.

pub mod diff;

use std::collections::HashMap;
use std::path::Path;

use gix::bstr::ByteSlice;
use rayon::prelude::*;

use crate::config::Config;
use crate::content::CONTENT_DIR;
use crate::error::Diagnostic;
use crate::messages as msg;

/// How many versions of a governing document the versions page shows at most.
pub const VERSIONS_MAX: usize = 30;

/// One commit that changed content files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The full object id, in hex.
    pub id: String,
    /// Committer time, seconds since 1970 (UTC), and the committer's UTC offset in seconds.
    pub time: i64,
    pub offset: i32,
    pub author: String,
    /// The first line of the message.
    pub summary: String,
}

impl Commit {
    /// The commit's time in its own time zone (so that the same commit always shows the
    /// same date, whatever the build machine's zone).
    pub fn datetime(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        let zone = chrono::FixedOffset::east_opt(self.offset)?;
        chrono::DateTime::from_timestamp(self.time, 0).map(|t| t.with_timezone(&zone))
    }

    /// `YYYY-MM-DD` in the commit's zone.
    pub fn date(&self) -> String {
        self.datetime()
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }

    /// RFC 3339, in the commit's zone.
    pub fn rfc3339(&self) -> String {
        self.datetime()
            .map(|t| t.format("%Y-%m-%dT%H:%M:%S%:z").to_string())
            .unwrap_or_default()
    }

    /// The abbreviated id shown on pages.
    pub fn short(&self) -> &str {
        &self.id[..self.id.len().min(8)]
    }
}

/// One version of a content file: the commit that made it and the file's blob.
#[derive(Debug, Clone)]
pub struct Version {
    /// Index into [`History::commits`].
    pub commit: usize,
    pub blob: gix::ObjectId,
    /// What the commit did to the file.
    pub kind: ChangeKind,
}

/// The text of one version of a governing document.
#[derive(Debug, Clone)]
pub struct VersionText {
    /// Index into the file's [`FileHistory::versions`].
    pub version: usize,
    /// The front matter (the document's metadata) and the body.
    pub front: String,
    pub body: String,
}

/// What a commit did to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Modified,
    /// Renamed or moved (possibly changed too).
    Renamed,
    Deleted,
}

/// The history of one content file that exists in the working copy.
#[derive(Debug, Clone, Default)]
pub struct FileHistory {
    /// Newest first; empty for a file that was never committed.
    pub versions: Vec<Version>,
    /// The oldest version is the file's creation (false when the history stops at the
    /// boundary of a shallow clone).
    pub complete: bool,
    /// The working copy differs from the last commit, or the file is not committed.
    pub local: bool,
}

/// One change of the site-wide change log.
#[derive(Debug, Clone)]
pub struct Change {
    pub commit: usize,
    /// The file's path below `content/` as the commit left it (for a deletion: as it was).
    pub path: String,
    /// The file's path today, when it still exists (renames followed).
    pub current: Option<String>,
    pub kind: ChangeKind,
}

/// The site's history; empty without a repository.
#[derive(Debug, Default)]
pub struct History {
    /// Commits that changed content files, newest first.
    pub commits: Vec<Commit>,
    /// Content files (paths below `content/`) of the working copy that git knows or that
    /// differ from it.
    pub files: HashMap<String, FileHistory>,
    /// The latest content changes, newest first, at most `history.recent`.
    pub changes: Vec<Change>,
    /// The site folder's path inside the repository (`""` or `docs/handbok/`).
    pub prefix: String,
    /// The repository, for reading earlier versions of files.
    repo: Option<gix::ThreadSafeRepository>,
}

impl History {
    /// Whether the site is built from a git work tree with history.
    pub fn is_known(&self) -> bool {
        self.repo.is_some()
    }

    pub fn file(&self, rel: &str) -> Option<&FileHistory> {
        self.files.get(rel)
    }

    /// The last commit that changed `rel`.
    pub fn last(&self, rel: &str) -> Option<&Commit> {
        let v = self.files.get(rel)?.versions.first()?;
        self.commits.get(v.commit)
    }

    /// The commit that created `rel`, when the history reaches it.
    pub fn created(&self, rel: &str) -> Option<&Commit> {
        let f = self.files.get(rel)?;
        if !f.complete {
            return None;
        }
        self.commits.get(f.versions.last()?.commit)
    }

    /// The text of a file's blob (lossy UTF-8), `None` when it cannot be read.
    pub fn blob_text(&self, blob: gix::ObjectId) -> Option<String> {
        let repo = self.repo.as_ref()?.to_thread_local();
        let object = repo.find_object(blob).ok()?;
        Some(String::from_utf8_lossy(&object.data).into_owned())
    }

    /// The texts of the newest `max` versions of `rel`, newest first: the body apart from
    /// the front matter, which is compared on its own. Versions that cannot be read end
    /// the list.
    pub fn texts(&self, rel: &str, max: usize) -> Vec<VersionText> {
        let Some(file) = self.files.get(rel) else {
            return Vec::new();
        };
        file.versions
            .iter()
            .enumerate()
            .take(max)
            .map_while(|(index, v)| {
                let text = self.blob_text(v.blob)?.replace("\r\n", "\n");
                let (front, body) = match crate::content::frontmatter::split(&text) {
                    Ok(s) => (s.yaml.to_string(), s.body.to_string()),
                    Err(_) => (String::new(), text.clone()),
                };
                Some(VersionText {
                    version: index,
                    front,
                    body,
                })
            })
            .collect()
    }

    /// Notes that the working copy of `rel` changed after the history was read (`serve`
    /// editing a page): it is now "ändrad lokalt" (in a repository only).
    pub fn changed_locally(&mut self, rel: &str) {
        if self.is_known() {
            self.files.entry(rel.to_string()).or_default().local = true;
        }
    }

    /// The repository-relative path of a file below `content/`.
    pub fn repo_path(&self, rel: &str) -> String {
        format!("{}{CONTENT_DIR}/{rel}", self.prefix)
    }
}

/// Reads the history of the site's repository. Never fails: a missing repository gives an
/// empty history; a repository that cannot be read, or a shallow clone, gives a warning.
pub fn read(config: &Config) -> (History, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    if !config.git {
        return (History::default(), warnings);
    }
    let repo = match gix::discover(&config.root) {
        Ok(repo) => repo,
        Err(_) => return (History::default(), warnings),
    };
    let Some(prefix) = site_prefix(&repo, &config.root) else {
        return (History::default(), warnings);
    };
    match walk(&repo, &config.root, prefix, config.history.recent) {
        Ok((history, shallow_pages)) => {
            if shallow_pages > 0 {
                warnings.push(
                    Diagnostic::warning(crate::text!(msg::GIT_SHALLOW, shallow_pages))
                        .with_hint(&msg::HINT_GIT_SHALLOW),
                );
            }
            (history, warnings)
        }
        Err(problem) => {
            warnings.push(
                Diagnostic::warning(crate::text!(msg::GIT_UNREADABLE, problem))
                    .with_hint(&msg::HINT_GIT_UNREADABLE),
            );
            (History::default(), warnings)
        }
    }
}

/// The site root's path inside the work tree, with a trailing `/` unless it is the top.
/// `None` for a bare repository or a site outside the work tree.
fn site_prefix(repo: &gix::Repository, root: &Path) -> Option<String> {
    let top = repo.workdir()?.canonicalize().ok()?;
    let root = root.canonicalize().ok()?;
    let rel = root.strip_prefix(&top).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    Some(if parts.is_empty() {
        String::new()
    } else {
        format!("{}/", parts.join("/"))
    })
}

type Problem = String;

/// Content files at HEAD: path below `content/` → blob.
fn head_files(
    tree: &gix::Tree<'_>,
    content: &str,
) -> Result<HashMap<String, gix::ObjectId>, Problem> {
    let mut recorder = gix::traverse::tree::Recorder::default();
    tree.traverse()
        .breadthfirst(&mut recorder)
        .map_err(|e| e.to_string())?;
    Ok(recorder
        .records
        .into_iter()
        .filter(|r| r.mode.is_blob())
        .filter_map(|r| {
            let path = r.filepath.to_str().ok()?;
            let rel = path.strip_prefix(content)?;
            Some((rel.to_string(), r.oid))
        })
        .collect())
}

/// The one pass: every commit reachable from HEAD, newest first, diffed against its parent
/// (merges are skipped: their changes are those of the commits they bring in). Returns the
/// history and how many pages' histories stop at a shallow clone's boundary.
fn walk(
    repo: &gix::Repository,
    root: &Path,
    prefix: String,
    recent: usize,
) -> Result<(History, usize), Problem> {
    let content = format!("{prefix}{CONTENT_DIR}/");
    let mut history = History {
        prefix,
        ..Default::default()
    };
    let head = match repo.head_commit() {
        Ok(c) => c,
        // An unborn branch (no commit yet): every file is local.
        Err(_) => {
            history.repo = Some(repo.clone().into_sync());
            mark_local(&mut history, repo, root, &HashMap::new());
            return Ok((history, 0));
        }
    };
    let head_tree = head.tree().map_err(|e| e.to_string())?;
    let at_head = head_files(&head_tree, &content)?;
    let shallow: std::collections::HashSet<gix::ObjectId> = repo
        .shallow_commits()
        .map_err(|e| e.to_string())?
        .map(|c| c.iter().copied().collect())
        .unwrap_or_default();

    // The current file each historical path stands for; renames re-point older names.
    let mut names: Vec<String> = at_head.keys().cloned().collect();
    names.sort();
    let mut current: HashMap<Vec<u8>, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (format!("{content}{n}").into_bytes(), i))
        .collect();
    let mut versions: Vec<Vec<Version>> = vec![Vec::new(); names.len()];
    let mut complete = vec![false; names.len()];
    let mut cache = repo
        .diff_resource_cache_for_tree_diff()
        .map_err(|e| e.to_string())?;
    let walk = repo
        .rev_walk([head.id])
        .sorting(gix::revision::walk::Sorting::ByCommitTime(
            gix::traverse::commit::simple::CommitTimeOrder::NewestFirst,
        ))
        .all()
        .map_err(|e| e.to_string())?;
    let mut reached_boundary = false;
    for info in walk {
        // Every current file's creation found and the change log full: older commits
        // cannot change what the site shows.
        if current.is_empty() && history.changes.len() >= recent {
            break;
        }
        let info = info.map_err(|e| e.to_string())?;
        if info.parent_ids.len() > 1 {
            continue;
        }
        if shallow.contains(&info.id) {
            reached_boundary = true;
            continue;
        }
        let commit = info.object().map_err(|e| e.to_string())?;
        let tree = commit.tree().map_err(|e| e.to_string())?;
        let parent_tree = match info.parent_ids.first() {
            Some(p) => repo
                .find_commit(*p)
                .and_then(|c| c.tree())
                .map_err(|e| e.to_string())?,
            None => repo.empty_tree(),
        };
        // Only commits that touched `content/` are kept. The diff walks the whole tree, but
        // subtrees whose ids did not change are skipped without being read.
        let mut touched: Vec<Touched> = Vec::new();
        parent_tree
            .changes()
            .map_err(|e| e.to_string())?
            .options(|o| {
                o.track_path().track_rewrites(Some(gix::diff::Rewrites {
                    copies: None,
                    percentage: Some(0.5),
                    limit: 1000,
                    track_empty: false,
                }));
            })
            .for_each_to_obtain_tree_with_cache(&tree, &mut cache, |change| {
                use gix::object::tree::diff::Change as C;
                let (location, source, id, kind, mode) = match change {
                    C::Addition {
                        location,
                        id,
                        entry_mode,
                        ..
                    } => (location, None, id.detach(), ChangeKind::Added, entry_mode),
                    C::Deletion {
                        location,
                        id,
                        entry_mode,
                        ..
                    } => (location, None, id.detach(), ChangeKind::Deleted, entry_mode),
                    C::Modification {
                        location,
                        id,
                        entry_mode,
                        ..
                    } => (
                        location,
                        None,
                        id.detach(),
                        ChangeKind::Modified,
                        entry_mode,
                    ),
                    C::Rewrite {
                        source_location,
                        location,
                        id,
                        entry_mode,
                        ..
                    } => (
                        location,
                        Some(source_location.to_vec()),
                        id.detach(),
                        ChangeKind::Renamed,
                        entry_mode,
                    ),
                };
                if mode.is_blob() && location.starts_with(content.as_bytes()) {
                    touched.push((location.to_vec(), source, id, kind));
                }
                Ok(gix::object::tree::diff::Action::Continue(()))
            })
            .map_err(|e| e.to_string())?;
        cache.clear_resource_cache_keep_allocation();
        if touched.is_empty() {
            continue;
        }
        let index = history.commits.len();
        history.commits.push(describe(&commit, info.id));
        touched.sort();
        for (location, source, blob, kind) in touched {
            let file = current.get(&location).copied();
            if let Some(i) = file {
                if kind != ChangeKind::Deleted {
                    versions[i].push(Version {
                        commit: index,
                        blob,
                        kind,
                    });
                }
            }
            match (&kind, &source) {
                (ChangeKind::Added, _) => {
                    if let Some(i) = current.remove(&location) {
                        complete[i] = true;
                    }
                }
                (ChangeKind::Renamed, Some(from)) => {
                    if let Some(i) = current.remove(&location) {
                        current.insert(from.clone(), i);
                    }
                }
                _ => {}
            }
            if history.changes.len() < recent {
                let path = String::from_utf8_lossy(&location[content.len()..]).into_owned();
                history.changes.push(Change {
                    commit: index,
                    current: file.map(|i| names[i].clone()),
                    path,
                    kind,
                });
            }
        }
    }
    let mut shallow_pages = 0;
    for (i, name) in names.into_iter().enumerate() {
        let versions = std::mem::take(&mut versions[i]);
        if reached_boundary && !complete[i] {
            shallow_pages += 1;
        }
        history.files.insert(
            name,
            FileHistory {
                versions,
                complete: complete[i],
                local: false,
            },
        );
    }
    history.repo = Some(repo.clone().into_sync());
    mark_local(&mut history, repo, root, &at_head);
    Ok((history, shallow_pages))
}

/// A file a commit changed: its path, the path it was renamed from, its blob, and how.
type Touched = (Vec<u8>, Option<Vec<u8>>, gix::ObjectId, ChangeKind);

fn describe(commit: &gix::Commit<'_>, id: gix::ObjectId) -> Commit {
    let (time, offset) = commit
        .committer()
        .ok()
        .and_then(|c| c.time().ok())
        .map_or((0, 0), |t| (t.seconds, t.offset));
    let author = commit
        .author()
        .map(|a| a.name.to_str_lossy().trim().to_string())
        .unwrap_or_default();
    let summary = commit
        .message_raw_sloppy()
        .lines()
        .map(|l| l.to_str_lossy().trim().to_string())
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    Commit {
        id: id.to_string(),
        time,
        offset,
        author,
        summary,
    }
}

/// Marks the content files whose working copy differs from HEAD (or that HEAD does not
/// have) as changed locally. As `git status` does, a file whose size and times match its
/// entry in git's index, and whose staged blob is HEAD's, is unchanged without reading it;
/// other files are hashed as git would store them, and a file that only differs in line
/// endings (a checkout with `core.autocrlf`) is not a change.
fn mark_local(
    history: &mut History,
    repo: &gix::Repository,
    root: &Path,
    at_head: &HashMap<String, gix::ObjectId>,
) {
    let dir = root.join(CONTENT_DIR);
    let on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&dir).ok()?;
            let parts: Option<Vec<&str>> =
                rel.components().map(|c| c.as_os_str().to_str()).collect();
            Some(parts?.join("/"))
        })
        .collect();
    let indexed = unchanged_in_index(repo, &history.repo_path(""), at_head);
    let options = gix::index::entry::stat::Options::default();
    let changed: Vec<String> = on_disk
        .into_par_iter()
        .filter(|rel| {
            let Some(blob) = at_head.get(rel) else {
                return true;
            };
            let path = dir.join(rel);
            let stat_matches = indexed.get(rel.as_str()).is_some_and(|known| {
                gix::index::fs::Metadata::from_path_no_follow(&path)
                    .ok()
                    .and_then(|m| gix::index::entry::Stat::from_fs(&m).ok())
                    .is_some_and(|now| known.matches(&now, options))
            });
            if stat_matches {
                return false;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                return false;
            };
            let same = |data: &[u8]| {
                gix::objs::compute_hash(blob.kind(), gix::objs::Kind::Blob, data)
                    .is_ok_and(|h| h == *blob)
            };
            !(same(&bytes) || bytes.contains(&b'\r') && same(&bytes.replace(b"\r\n", b"\n")))
        })
        .collect();
    for rel in changed {
        history.files.entry(rel).or_default().local = true;
    }
}

/// The content files (paths below `content/`) whose entry in git's index stages HEAD's
/// blob and whose recorded size and times can be trusted (not "racy": written before the
/// index was), with those stat data. Empty when the index cannot be read.
fn unchanged_in_index(
    repo: &gix::Repository,
    content: &str,
    at_head: &HashMap<String, gix::ObjectId>,
) -> HashMap<String, gix::index::entry::Stat> {
    let Ok(index) = repo.index_or_empty() else {
        return HashMap::new();
    };
    let options = gix::index::entry::stat::Options::default();
    let stamp = index.timestamp();
    index
        .entries()
        .iter()
        .filter(|e| e.stage() == gix::index::entry::Stage::Unconflicted)
        .filter(|e| !e.stat.is_racy(stamp, options))
        .filter_map(|e| {
            let rel = e.path(&index).to_str().ok()?.strip_prefix(content)?;
            (at_head.get(rel) == Some(&e.id)).then(|| (rel.to_string(), e.stat))
        })
        .collect()
}

//! Link checking over the whole graph: every `#anchor` must exist in its target's final HTML.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{Derived, Site};
use crate::error::{did_you_mean, Diagnostic};
use crate::messages as msg;

/// The `id`s of one page. Hashed with FxHash: a build collects and looks up the ids of
/// every page that a link points into, and the ids are the site's own.
pub type Ids = rustc_hash::FxHashSet<String>;

/// Checks every link's anchor against the ids of its target page (`ids[entry]`, collected
/// from the rendered HTML, so ids written by templates count too).
pub fn check_anchors(site: &Site, derived: &Derived, ids: &[Option<Ids>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (id, body) in derived.bodies.iter().enumerate() {
        for link in &body.links {
            let target_ids = link.target.and_then(|t| ids[t].as_ref());
            out.extend(check_link(site, id, link, target_ids));
        }
    }
    out
}

/// The links with an anchor to check, by target entry: (linking entry, link number) of each.
/// A build that keeps nothing for later updates checks them while it writes each target's
/// page ([`check_links_into`]) and keeps no page's ids: holding the id sets of every linked
/// page until the end took about 1 KB a page.
pub fn anchored_links(site: &Site, derived: &Derived) -> Vec<Vec<(usize, usize)>> {
    let mut into = vec![Vec::new(); site.entries.len()];
    for (from, body) in derived.bodies.iter().enumerate() {
        for (n, link) in body.links.iter().enumerate() {
            if let Some((target, _)) = anchor_to_check(link) {
                into[target].push((from, n));
            }
        }
    }
    into
}

/// Checks the links `into` entry `target` (from [`anchored_links`]) against `ids`, the ids
/// of its page: what [`check_anchors`] says of them.
pub fn check_links_into(
    site: &Site,
    derived: &Derived,
    target: usize,
    ids: &Ids,
    into: &[(usize, usize)],
) -> Vec<Diagnostic> {
    into.iter()
        .filter_map(|&(from, n)| {
            let link = derived.bodies.get(from)?.links.get(n)?;
            debug_assert_eq!(link.target, Some(target));
            check_link(site, from, link, Some(ids))
        })
        .collect()
}

/// [`check_anchors`] after an incremental update that re-rendered `changed` (all of whose
/// anchors held before): only the links that can have broken, those of the changed entries
/// and those into them, which come from their backlinks. Same diagnostics, without a pass
/// over the whole site.
pub fn check_anchors_near(
    site: &Site,
    derived: &Derived,
    ids: &[Option<Ids>],
    changed: &[usize],
) -> Vec<Diagnostic> {
    let changed_set: HashSet<usize> = changed.iter().copied().collect();
    let mut from: Vec<usize> = changed.to_vec();
    for c in changed {
        from.extend(derived.backlinks[*c].iter().copied());
    }
    from.sort_unstable();
    from.dedup();
    let mut out = Vec::new();
    for id in from {
        let own = changed_set.contains(&id);
        for link in &derived.bodies[id].links {
            if own || link.target.is_some_and(|t| changed_set.contains(&t)) {
                let target_ids = link.target.and_then(|t| ids[t].as_ref());
                out.extend(check_link(site, id, link, target_ids));
            }
        }
    }
    out
}

/// The target entry and anchor of `link` when it has an anchor to check: not empty, and not
/// `#top`, which every page has.
fn anchor_to_check(link: &crate::markdown::OutLink) -> Option<(usize, &str)> {
    let anchor = link.anchor.as_deref()?;
    (!anchor.is_empty() && anchor != "top").then_some((link.target?, anchor))
}

/// The error for link `link` of entry `from` when its anchor is not among `target_ids`, its
/// target's ids (`None`: the target's page was not written, and nothing is said).
fn check_link(
    site: &Site,
    from: usize,
    link: &crate::markdown::OutLink,
    target_ids: Option<&Ids>,
) -> Option<Diagnostic> {
    let (target, anchor) = anchor_to_check(link)?;
    let target_ids = target_ids?;
    if target_ids.contains(anchor) {
        return None;
    }
    let t = &site.entries[target];
    let mut d = Diagnostic::error(crate::text!(
        msg::LINK_MISSING_HEADING,
        link.written,
        anchor,
        t.source.display_path()
    ))
    .at(link.position);
    d.file = Some(PathBuf::from(site.entries[from].source.display_path()));
    Some(
        match did_you_mean(anchor, target_ids.iter().map(String::as_str)) {
            Some(best) => d.with_hint(crate::text!(msg::HINT_DID_YOU_MEAN_ANCHOR, best)),
            None => d.with_hint(&msg::HINT_ANCHORS),
        },
    )
}

/// Collects the values of all `id="…"` attributes in an HTML document.
pub fn html_ids(html: &[u8]) -> Ids {
    let mut ids = Ids::default();
    let mut from = 0;
    let finder = memchr::memmem::Finder::new(b"id=\"");
    while let Some(i) = finder.find(&html[from..]) {
        let start = from + i + 4;
        from = start;
        // Only a real attribute: preceded by whitespace (not e.g. `data-id="`).
        if start < 5 || !html[start - 5].is_ascii_whitespace() {
            continue;
        }
        if let Some(len) = memchr::memchr(b'"', &html[start..]) {
            ids.insert(unescape(&String::from_utf8_lossy(
                &html[start..start + len],
            )));
            from = start + len;
        }
    }
    ids
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_but_not_data_ids() {
        let ids = html_ids(br#"<h2 id="mandat">x</h2><div data-id="no" id="a&amp;b"></div>"#);
        assert!(ids.contains("mandat"));
        assert!(ids.contains("a&b"));
        assert!(!ids.contains("no"));
    }
}

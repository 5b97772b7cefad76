//! Link checking over the whole graph: every `#anchor` must exist in its target's final HTML.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{Derived, Site};
use crate::error::{did_you_mean, Diagnostic};
use crate::messages as msg;

/// Checks every link's anchor against the ids of its target page (`ids[entry]`, collected
/// from the rendered HTML, so ids written by templates count too).
pub fn check_anchors(
    site: &Site,
    derived: &Derived,
    ids: &[Option<HashSet<String>>],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (id, body) in derived.bodies.iter().enumerate() {
        for link in &body.links {
            out.extend(check_link(site, id, link, ids));
        }
    }
    out
}

/// The entries whose ids [`check_anchors`] reads: those that some link points at with an
/// anchor to check. The ids of other pages are never collected by a build that does not
/// keep them for later updates (at 100,000 pages they would take about 100 MB).
pub fn anchor_targets(site: &Site, derived: &Derived) -> Vec<bool> {
    let mut wanted = vec![false; site.entries.len()];
    for link in derived.bodies.iter().flat_map(|b| &b.links) {
        if let (Some(target), Some(anchor)) = (link.target, link.anchor.as_deref()) {
            if !anchor.is_empty() && anchor != "top" {
                wanted[target] = true;
            }
        }
    }
    wanted
}

/// [`check_anchors`] after an incremental update that re-rendered `changed` (all of whose
/// anchors held before): only the links that can have broken, those of the changed entries
/// and those into them, which come from their backlinks. Same diagnostics, without a pass
/// over the whole site.
pub fn check_anchors_near(
    site: &Site,
    derived: &Derived,
    ids: &[Option<HashSet<String>>],
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
                out.extend(check_link(site, id, link, ids));
            }
        }
    }
    out
}

/// The error for link `link` of entry `from` when its anchor is not among its target's ids.
fn check_link(
    site: &Site,
    from: usize,
    link: &crate::markdown::OutLink,
    ids: &[Option<HashSet<String>>],
) -> Option<Diagnostic> {
    let (Some(target), Some(anchor)) = (link.target, link.anchor.as_deref()) else {
        return None;
    };
    let target_ids = ids[target].as_ref()?;
    if anchor.is_empty() || anchor == "top" || target_ids.contains(anchor) {
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
pub fn html_ids(html: &[u8]) -> HashSet<String> {
    let mut ids = HashSet::new();
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

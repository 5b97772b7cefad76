//! Pass: give every heading a unique id (explicit `{#id}` wins, else the slug of its
//! text) and build the nested table of contents.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use serde::Serialize;

use crate::slug::{normalise_anchor, slugify};

/// One heading in the table of contents, with the headings below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
    pub children: Vec<TocEntry>,
}

/// Sets unique ids on all headings in `events` and returns the table of contents.
pub fn assign_ids(events: &mut [(Event<'_>, Range<usize>)]) -> Vec<TocEntry> {
    let mut used: HashSet<String> = HashSet::new();
    // Explicit ids are reserved first so that generated ones never take them.
    for (e, _) in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = e {
            used.insert(normalise_anchor(id));
        }
    }
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut flat: Vec<(u8, String, String)> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 {
            let level = level_number(*level);
            let explicit = id.as_ref().map(|s| normalise_anchor(s));
            let (title, end) = heading_text(events, i);
            let id = match explicit {
                Some(id) => {
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
                        *slot = Some(CowStr::from(id.clone()));
                    }
                    id
                }
                None => {
                    let id = unique(&slug_or_default(&title), &mut used, &mut next_suffix);
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
                        *slot = Some(CowStr::from(id.clone()));
                    }
                    id
                }
            };
            flat.push((level, id, title));
            i = end;
        }
        i += 1;
    }
    nest(&flat)
}

pub(crate) fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Plain text of the heading starting at `start`, and the index of its end event.
fn heading_text(events: &[(Event<'_>, Range<usize>)], start: usize) -> (String, usize) {
    let mut text = String::new();
    for (j, (e, _)) in events.iter().enumerate().skip(start + 1) {
        match e {
            Event::End(TagEnd::Heading(_)) => return (text.trim().to_string(), j),
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    (text.trim().to_string(), events.len())
}

fn slug_or_default(title: &str) -> String {
    let s = slugify(title);
    if s.is_empty() {
        "rubrik".to_string()
    } else {
        s
    }
}

/// `base`, or `base-1`, `base-2`, … : the first one not used yet. `next_suffix` remembers
/// where each base's search stopped, so that a page with thousands of equal headings
/// takes linear, not quadratic, time (every skipped candidate stays used).
fn unique(
    base: &str,
    used: &mut HashSet<String>,
    next_suffix: &mut HashMap<String, usize>,
) -> String {
    if used.insert(base.to_string()) {
        return base.to_string();
    }
    let n = next_suffix.entry(base.to_string()).or_insert(1);
    loop {
        let candidate = format!("{base}-{n}");
        *n += 1;
        if used.insert(candidate.clone()) {
            return candidate;
        }
    }
}

/// Builds the tree: each heading holds the following deeper headings.
fn nest(flat: &[(u8, String, String)]) -> Vec<TocEntry> {
    let mut out: Vec<TocEntry> = Vec::new();
    let mut i = 0;
    while i < flat.len() {
        let (level, id, title) = &flat[i];
        let end = flat[i + 1..]
            .iter()
            .position(|(l, _, _)| l <= level)
            .map_or(flat.len(), |p| i + 1 + p);
        out.push(TocEntry {
            level: *level,
            id: id.clone(),
            title: title.clone(),
            children: nest(&flat[i + 1..end]),
        });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn toc(md: &str) -> (Vec<TocEntry>, String) {
        let opts = Options::ENABLE_HEADING_ATTRIBUTES;
        let mut events: Vec<_> = Parser::new_ext(md, opts).into_offset_iter().collect();
        let toc = assign_ids(&mut events);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
        (toc, html)
    }

    #[test]
    fn ids_are_unique_slugs_and_explicit_ids_win() {
        let (toc, html) =
            toc("## Mandat\n\n## Mandat\n\n## Annat {#mandat-1}\n\n### Ålder `kod`\n");
        assert!(html.contains("<h2 id=\"mandat\">"));
        assert!(html.contains("<h2 id=\"mandat-2\">"), "{html}");
        assert!(html.contains("<h2 id=\"mandat-1\">"));
        assert_eq!(toc.len(), 3);
        assert_eq!(toc[2].children[0].id, "alder-kod");
        assert_eq!(toc[2].children[0].title, "Ålder kod");
    }

    #[test]
    fn deeper_first_heading_still_nests() {
        let (toc, _) = toc("### A\n\n## B\n\n### C\n");
        assert_eq!(toc.len(), 2);
        assert_eq!(toc[1].children[0].title, "C");
    }
}

//! Pass: give every heading a unique id (explicit `{#id}` wins, else the slug of its
//! text) and build the nested table of contents. Ids are unique on the whole page: the
//! theme's own ids and the footnotes' ids are taken before any heading's, automatic ids
//! are numbered past them (`innehall-1`), and an explicit id that is taken is an error.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use serde::Serialize;

use crate::error::{Diagnostic, Position};
use crate::messages as msg;
use crate::slug::{normalise_anchor, slugify};

/// The ids the default theme writes on the pages that show an entry's Markdown (the
/// templates `base.html` with its `partials/`, `index.html`, `page.html`, `section.html` and
/// the `macros.html` they import); `#` stands for a number. A unit test reads the templates and checks that
/// this list holds exactly their ids.
pub const THEME_IDS: &[&str] = &[
    "avsnitt-rubrik",
    "backlinks-rubrik",
    "dagordning",
    "dokumentinfo-rubrik",
    "fokusomrade-#",
    "fokusomrade-#-aktivitet-#",
    "fokusomrade-#-aktiviteter",
    "fokusomrade-#-stallningstagande-#",
    "fokusomrade-#-stallningstaganden",
    "fokusomraden-rubrik",
    "innehall",
    "kategorier-rubrik",
    "moten-rubrik",
    "related-rubrik",
    "sidebar-rubrik",
    "sidhuvud-sok",
    "sidor-rubrik",
    "toc-rubrik",
    "versionshistorik-rubrik",
];

/// Whether the theme writes `id` on a page with Markdown ([`THEME_IDS`]).
pub fn is_theme_id(id: &str) -> bool {
    THEME_IDS.iter().any(|pattern| fits(pattern, id))
}

/// Whether `id` is `pattern` with every `#` standing for one or more digits.
fn fits(pattern: &str, id: &str) -> bool {
    let mut rest = id;
    for (i, piece) in pattern.split('#').enumerate() {
        if i > 0 {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 0 {
                return false;
            }
            rest = &rest[digits..];
        }
        let Some(after) = rest.strip_prefix(piece) else {
            return false;
        };
        rest = after;
    }
    rest.is_empty()
}

/// One heading in the table of contents, with the headings below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
    pub children: Vec<TocEntry>,
}

/// Who holds an id that a heading cannot take.
enum Holder {
    Footnote,
    Heading(usize),
}

/// Sets unique ids on all headings in `events` and returns the table of contents, with an
/// error for each explicit id (`{#id}`) that is taken already: by the theme, a footnote or
/// another explicit id. `position` turns a body offset into a file position.
pub fn assign_ids(
    events: &mut [(Event<'_>, Range<usize>)],
    position: &dyn Fn(usize) -> Position,
) -> (Vec<TocEntry>, Vec<Diagnostic>) {
    let (mut used, mut errors) = footnote_ids(events, position);
    // Explicit ids are taken next so that generated ones never take them.
    for (e, range) in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = e {
            let id = normalise_anchor(id);
            if let Some(d) = taken(&id, &used, range.start, position) {
                errors.push(d);
            } else {
                used.insert(id, Holder::Heading(range.start));
            }
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
                Some(id) => id,
                None => unique(&slug_or_default(&title), &mut used, &mut next_suffix),
            };
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
                *slot = Some(CowStr::from(id.clone()));
            }
            flat.push((level, id, title));
            i = end;
        }
        i += 1;
    }
    (nest(&flat), errors)
}

/// The ids of the footnote definitions (pulldown-cmark writes the label as the id), and
/// an error for a label defined twice.
fn footnote_ids(
    events: &[(Event<'_>, Range<usize>)],
    position: &dyn Fn(usize) -> Position,
) -> (HashMap<String, Holder>, Vec<Diagnostic>) {
    let mut used = HashMap::new();
    let mut errors = Vec::new();
    for (e, range) in events {
        if let Event::Start(Tag::FootnoteDefinition(label)) = e {
            if used.insert(label.to_string(), Holder::Footnote).is_some() {
                errors.push(
                    Diagnostic::error(crate::text!(msg::FOOTNOTE_TWICE, label))
                        .at(position(range.start))
                        .with_hint(&msg::HINT_FOOTNOTE_TWICE),
                );
            }
        }
    }
    (used, errors)
}

/// The error for an explicit heading id that the theme, a footnote or an earlier heading
/// holds already.
fn taken(
    id: &str,
    used: &HashMap<String, Holder>,
    at: usize,
    position: &dyn Fn(usize) -> Position,
) -> Option<Diagnostic> {
    let message = if is_theme_id(id) {
        crate::text!(msg::HEADING_ID_THEME, id)
    } else {
        match used.get(id)? {
            Holder::Footnote => crate::text!(msg::HEADING_ID_FOOTNOTE, id),
            Holder::Heading(first) => {
                crate::text!(msg::HEADING_ID_TWICE, id, position(*first).line)
            }
        }
    };
    Some(
        Diagnostic::error(message)
            .at(position(at))
            .with_hint(&msg::HINT_HEADING_ID),
    )
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

/// `base`, or `base-1`, `base-2`, … : the first one not used yet nor the theme's.
/// `next_suffix` remembers where each base's search stopped, so that a page with thousands
/// of equal headings takes linear, not quadratic, time (every skipped candidate stays used).
fn unique(
    base: &str,
    used: &mut HashMap<String, Holder>,
    next_suffix: &mut HashMap<String, usize>,
) -> String {
    let mut take = |candidate: &str| {
        if is_theme_id(candidate) || used.contains_key(candidate) {
            return false;
        }
        // Only explicit ids are looked up by holder, and they are all in before this.
        used.insert(candidate.to_string(), Holder::Heading(0));
        true
    };
    if take(base) {
        return base.to_string();
    }
    let n = next_suffix.entry(base.to_string()).or_insert(1);
    loop {
        let candidate = format!("{base}-{n}");
        *n += 1;
        if take(&candidate) {
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
    // Kept for every page until the pages are written: no room for more headings.
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn render(md: &str) -> (Vec<TocEntry>, String, Vec<Diagnostic>) {
        let opts = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_FOOTNOTES;
        let mut events: Vec<_> = Parser::new_ext(md, opts).into_offset_iter().collect();
        let position = |offset: usize| Position::from_offset(md, offset);
        let (toc, errors) = assign_ids(&mut events, &position);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
        (toc, html, errors)
    }

    fn toc(md: &str) -> (Vec<TocEntry>, String) {
        let (toc, html, errors) = render(md);
        assert!(errors.is_empty(), "{errors:?}");
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
    fn automatic_ids_step_past_the_theme_and_footnotes() {
        let (toc, html) =
            toc("## Innehåll\n\n## Fokusområde 2\n\n## Not\n\nText[^not].\n\n[^not]: En not.\n");
        let ids: Vec<&str> = toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["innehall-1", "fokusomrade-2-1", "not-1"]);
        assert!(html.contains("id=\"not\""), "{html}");
    }

    #[test]
    fn a_taken_explicit_id_is_an_error_on_its_line() {
        let (_, _, errors) = render(
            "## A {#mal}\n\n## B {#mal}\n\n## C {#innehall}\n\n## D {#1}\n\nX[^1]\n\n[^1]: Not.\n\n[^1]: Igen.\n",
        );
        let lines: Vec<(usize, &str)> = errors
            .iter()
            .map(|d| (d.position.unwrap().line, d.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (13, "the footnote `[^1]` is defined twice"),
                (
                    3,
                    "the heading id `mal` is used twice on this page (first on line 1)"
                ),
                (
                    5,
                    "the heading id `innehall` is used by the theme on every page"
                ),
                (7, "the heading id `1` is the id of the footnote `[^1]`"),
            ]
        );
    }

    #[test]
    fn theme_id_patterns_stand_for_numbers() {
        assert!(is_theme_id("innehall"));
        assert!(is_theme_id("fokusomrade-12-aktivitet-3"));
        assert!(!is_theme_id("fokusomrade-12-1"));
        assert!(!is_theme_id("fokusomrade-"));
        assert!(!is_theme_id("innehall-1"));
    }

    /// The templates that show an entry's Markdown: those that write `….content | safe`
    /// (except the print page, which prefixes every id of the Markdown), the base they
    /// extend with its header and footer (`partials/`) and the macros they import.
    #[test]
    fn theme_ids_are_the_ids_in_the_templates() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut found = std::collections::BTreeSet::new();
        let partials = std::fs::read_dir(dir.join("partials")).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap().chain(partials) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                continue;
            }
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let shows_markdown = text.contains(".content | safe") && name != "print.html";
            let on_every_page = path.parent().is_some_and(|p| p.ends_with("partials"));
            if !(shows_markdown || on_every_page || name == "base.html" || name == "macros.html") {
                continue;
            }
            for value in text.split(" id=\"").skip(1) {
                let value = &value[..value.find('"').unwrap()];
                let mut id = String::new();
                let mut rest = value;
                while let Some(i) = rest.find("{{") {
                    id.push_str(&rest[..i]);
                    id.push('#');
                    rest = &rest[rest.find("}}").unwrap() + 2..];
                }
                id.push_str(rest);
                found.insert(id);
            }
        }
        let listed: std::collections::BTreeSet<String> =
            THEME_IDS.iter().map(|s| s.to_string()).collect();
        assert_eq!(found, listed);
    }

    #[test]
    fn deeper_first_heading_still_nests() {
        let (toc, _) = toc("### A\n\n## B\n\n### C\n");
        assert_eq!(toc.len(), 2);
        assert_eq!(toc[1].children[0].title, "C");
    }
}

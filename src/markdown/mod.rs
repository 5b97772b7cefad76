//! Stage 4a: Markdown → HTML. One place sets the parser options; small named passes
//! assign heading ids (and build the table of contents), rewrite links, and cut the summary.
//! The renderer returns data: html, toc, heading ids, outgoing links with their positions.

pub mod glossary;
mod headings;
mod links;
pub mod lint;

use pulldown_cmark::{Event, Options, Parser};
use serde::Serialize;

use crate::config::MarkdownConfig;
use crate::error::{Diagnostic, Position};
pub use headings::TocEntry;
pub use links::{is_unsafe_url, LinkResolver, Resolved};

/// A link found in a page, after resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutLink {
    /// The entry the link points at (`None` for an asset or the page itself).
    pub target: Option<usize>,
    /// The fragment, percent-decoded, if any.
    pub anchor: Option<String>,
    /// Where the link starts in the source file.
    pub position: Position,
    /// The destination as the editor wrote it.
    pub written: String,
}

/// What rendering one Markdown body produced.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Rendered {
    pub html: String,
    /// HTML of the text before `<!-- more -->`, or of the first paragraph.
    pub summary: Option<String>,
    pub toc: Vec<TocEntry>,
    pub word_count: usize,
    #[serde(skip)]
    pub links: Vec<OutLink>,
    #[serde(skip)]
    pub diagnostics: Vec<Diagnostic>,
}

/// The parser options, in exactly one place.
pub fn options(config: &MarkdownConfig) -> Options {
    let mut o = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if config.smart_punctuation {
        o |= Options::ENABLE_SMART_PUNCTUATION;
    }
    o
}

/// Where a body sits in its file, for positions in messages.
#[derive(Debug, Clone, Copy)]
pub struct BodyLocation {
    /// 1-based file line of the body's first line.
    pub first_line: usize,
}

/// Renders a Markdown body. Link problems come back in `diagnostics` (without file name).
pub fn render(
    body: &str,
    location: BodyLocation,
    config: &MarkdownConfig,
    resolver: &dyn LinkResolver,
    marking: Option<&glossary::Marking<'_>>,
) -> Rendered {
    let mut events: Vec<(Event<'_>, std::ops::Range<usize>)> =
        Parser::new_ext(body, options(config))
            .into_offset_iter()
            .collect();
    let toc = headings::assign_ids(&mut events);
    let locator = Locator::new(body, location.first_line);
    let position = |offset: usize| locator.position(offset);
    let mut warnings = lint::lint(&events, &position);
    let (links, mut diagnostics) = links::rewrite(&mut events, resolver, &position);
    diagnostics.append(&mut warnings);
    if let Some(marking) = marking {
        events = glossary::mark(events, marking);
    }
    wrap_tables(&mut events);
    let summary = summary_end(&events).map(|end| to_html(&events[..end]));
    let word_count = events
        .iter()
        .map(|(e, _)| match e {
            Event::Text(t) => t.split_whitespace().count(),
            _ => 0,
        })
        .sum();
    let html = to_html(&events);
    Rendered {
        html,
        summary,
        toc,
        word_count,
        links,
        diagnostics,
    }
}

/// Turns byte offsets in a body into file positions. The line is found by binary search;
/// the column is counted on from the previous lookup when that was on the same line and not
/// after it, so that thousands of links on one long line do not rescan the line each time.
struct Locator<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    first_line: usize,
    /// The previous lookup: offset, 0-based line, column.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str, first_line: usize) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator {
            text,
            line_starts,
            first_line,
            last: std::cell::Cell::new((0, 0, 1)),
        }
    }

    fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // The first line starts at 0, so at least one start is <= offset.
        let line = self
            .line_starts
            .partition_point(|start| *start <= offset)
            .saturating_sub(1);
        let (last_offset, last_line, last_column) = self.last.get();
        let column = if last_line == line && last_offset <= offset {
            last_column + self.text[last_offset..offset].chars().count()
        } else {
            let start = self.line_starts.get(line).copied().unwrap_or(0);
            self.text[start..offset].chars().count() + 1
        };
        self.last.set((offset, line, column));
        Position::new(line + self.first_line, column)
    }
}

/// Wraps every table in a focusable, labelled scroll container, so that a wide table
/// scrolls inside the page (reflow at 320 px) and can be scrolled with the keyboard.
fn wrap_tables(events: &mut Vec<(Event<'_>, std::ops::Range<usize>)>) {
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Start(pulldown_cmark::Tag::Table(_))))
    {
        return;
    }
    let mut out = Vec::with_capacity(events.len() + 4);
    for (e, r) in events.drain(..) {
        match &e {
            Event::Start(pulldown_cmark::Tag::Table(_)) => {
                let open = "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell\">\n";
                out.push((Event::Html(open.into()), r.clone()));
                out.push((e, r));
            }
            Event::End(pulldown_cmark::TagEnd::Table) => {
                out.push((e, r.clone()));
                out.push((Event::Html("</div>\n".into()), r));
            }
            _ => out.push((e, r)),
        }
    }
    *events = out;
}

fn to_html(events: &[(Event<'_>, std::ops::Range<usize>)]) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.iter().map(|(e, _)| e.clone()));
    html
}

/// The index after the summary: at a `<!-- more -->` marker, else after the first paragraph.
fn summary_end(events: &[(Event<'_>, std::ops::Range<usize>)]) -> Option<usize> {
    let marker = events.iter().position(|(e, _)| match e {
        Event::Html(h) | Event::InlineHtml(h) => h.trim() == "<!-- more -->",
        _ => false,
    });
    marker.or_else(|| {
        events
            .iter()
            .position(|(e, _)| matches!(e, Event::End(pulldown_cmark::TagEnd::Paragraph)))
            .map(|i| i + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoLinks;
    impl LinkResolver for NoLinks {
        fn resolve(&self, _dest: &str) -> Result<Resolved, Diagnostic> {
            Err(Diagnostic::error("no links in this test"))
        }
    }

    fn md(body: &str) -> Rendered {
        render(
            body,
            BodyLocation { first_line: 5 },
            &MarkdownConfig::default(),
            &NoLinks,
            None,
        )
    }

    #[test]
    fn extensions_are_on() {
        let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ [^1]\n\n- [x] klar\n\n[^1]: Not.\n");
        assert!(r.html.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell\">\n<table>"));
        assert!(r.html.contains("<del>x</del>"));
        assert!(r.html.contains("type=\"checkbox\""));
        assert!(r.html.contains("footnote-definition"));
    }

    #[test]
    fn summary_is_first_paragraph_or_marker() {
        assert_eq!(
            md("Ett.\n\nTvå.\n").summary.as_deref(),
            Some("<p>Ett.</p>\n")
        );
        let r = md("Ett.\n\nTvå.\n\n<!-- more -->\n\nTre.\n");
        assert!(r.summary.as_deref().unwrap().contains("Två."));
        assert!(!r.summary.as_deref().unwrap().contains("Tre."));
    }

    #[test]
    fn locator_agrees_with_position_from_offset() {
        let body = "ab\nåäö x\n\nsista rad";
        let locator = Locator::new(body, 5);
        // In order, backwards, repeated, and inside a multi-byte character.
        for offset in [0, 3, 5, 9, 2, 12, 12, 7, 4, 100] {
            let p = Position::from_offset(body, offset);
            assert_eq!(
                locator.position(offset),
                Position::new(p.line + 4, p.column),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn broken_link_position_is_in_file_coordinates() {
        let r = md("Text\n\nSe [planen](saknas.md).\n");
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].position, Some(Position::new(7, 4)));
    }
}

//! Stage 4a: Markdown → HTML. One place sets the parser options; small named passes
//! assign heading ids (and build the table of contents), rewrite links, and cut the summary.
//! The renderer returns data: html, toc, heading ids, outgoing links with their positions.

mod blocks;
pub mod escape;
pub mod glossary;
mod headings;
pub mod hyphenate;
mod links;
pub mod lint;
pub mod raw_html;

use pulldown_cmark::{Event, Options, Parser};
use serde::Serialize;

use crate::config::MarkdownConfig;
use crate::error::{Diagnostic, Position};
pub use headings::TocEntry;
pub use links::{LinkResolver, Resolved};

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
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST;
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
    let lines = crate::error::LineIndex::new(body);
    let position = |offset: usize| {
        let p = lines.position(offset);
        Position::new(p.line + location.first_line - 1, p.column)
    };
    let (toc, mut id_errors) = headings::assign_ids(&mut events, &position);
    let mut warnings = lint::lint(&events, config.raw_html, &position);
    warnings.extend(blocks::callout_warnings(&events, &position));
    let mut raw = raw_html::apply(&mut events, config.raw_html, &position);
    let (links, mut diagnostics) = links::rewrite(&mut events, resolver, &position);
    diagnostics.append(&mut id_errors);
    diagnostics.append(&mut warnings);
    diagnostics.append(&mut raw.diagnostics);
    if let Some(marking) = marking {
        events = glossary::mark(events, marking);
    }
    wrap_tables(&mut events);
    blocks::callouts(&mut events);
    blocks::heading_links(&mut events);
    if config.soft_hyphens {
        hyphenate::headings(&mut events);
    }
    let mut summary = summary_end(&events).map(|end| to_html(&events[..end]));
    let word_count = events
        .iter()
        .map(|(e, _)| match e {
            Event::Text(t) => t.split_whitespace().count(),
            _ => 0,
        })
        .sum();
    let mut html = to_html(&events);
    if raw.needs_cleaning {
        html = raw_html::clean(&html);
        summary = summary.map(|s| raw_html::clean(&s));
    }
    // Summaries wait for the pages that list them: without the room the strings grew into.
    if let Some(s) = &mut summary {
        s.shrink_to_fit();
    }
    Rendered {
        html,
        summary,
        toc,
        word_count,
        links,
        diagnostics,
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

/// The index after the summary: at a `<!-- more -->` marker, else after the first paragraph
/// that stands on its own (not in a quote, callout or list, whose HTML would be cut open).
fn summary_end(events: &[(Event<'_>, std::ops::Range<usize>)]) -> Option<usize> {
    let marker = events.iter().position(|(e, _)| match e {
        Event::Html(h) | Event::InlineHtml(h) => h.trim() == "<!-- more -->",
        _ => false,
    });
    marker.or_else(|| {
        let mut depth = 0usize;
        for (i, (e, _)) in events.iter().enumerate() {
            match e {
                Event::Start(_) => depth += 1,
                Event::End(pulldown_cmark::TagEnd::Paragraph) if depth == 1 => return Some(i + 1),
                Event::End(_) => depth = depth.saturating_sub(1),
                // Callouts and wrappers written as HTML (by the passes or the editor).
                Event::Html(h) => {
                    depth += h.matches("<div").count();
                    depth = depth.saturating_sub(h.matches("</div>").count());
                }
                _ => {}
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoLinks;
    impl LinkResolver for NoLinks {
        fn resolve(&self, dest: &str) -> Result<Resolved, Diagnostic> {
            let missing = crate::text!(crate::messages::LINK_MISSING_FILE, dest, dest);
            Err(Diagnostic::error(missing))
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
    fn the_summary_is_never_cut_inside_a_callout_or_quote() {
        let r = md("> [!NOTE]\n> En ruta.\n\n> Ett citat.\n\nFörsta egna stycket.\n\nSedan.\n");
        assert_eq!(
            r.summary.as_deref(),
            Some(r.html.split("<p>Sedan.").next().unwrap())
        );
        assert!(r
            .summary
            .as_deref()
            .unwrap()
            .ends_with("<p>Första egna stycket.</p>\n"));
        assert_eq!(md("- en\n- lista\n").summary, None);
    }

    #[test]
    fn broken_link_position_is_in_file_coordinates() {
        let r = md("Text\n\nSe [planen](saknas.md).\n");
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].position, Some(Position::new(7, 4)));
    }
}

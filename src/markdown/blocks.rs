//! Passes that turn Markdown structure into the theme's markup: GitHub-style callouts
//! (`> [!NOTE]`) become labelled notes, and headings h2–h4 get a link to themselves.
//! They run last, after the raw HTML pass, so that their markup is never taken for HTML
//! an editor wrote.

use std::ops::Range;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::escape::escape_html;
use crate::error::{Diagnostic, Position};
use crate::messages as msg;

/// The callout kinds, as written after `[!`, with their Swedish labels.
pub const CALLOUTS: &[(BlockQuoteKind, &str, &str)] = &[
    (BlockQuoteKind::Note, "note", "Bra att veta"),
    (BlockQuoteKind::Tip, "tip", "Tips"),
    (BlockQuoteKind::Important, "important", "Viktigt"),
    (BlockQuoteKind::Warning, "warning", "Varning"),
    (BlockQuoteKind::Caution, "caution", "Se upp"),
];

/// The accessible name of a heading's link is this, a space and the heading's text.
pub const HEADING_LINK_LABEL: &str = "Länk till avsnittet";

fn callout(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    CALLOUTS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or(("note", "Bra att veta"), |(_, name, label)| (name, label))
}

/// Replaces every callout's blockquote by `<div class="callout callout-KIND" role="note">`
/// with its label as the first line.
pub fn callouts(events: &mut [(Event<'_>, Range<usize>)]) {
    for (e, _) in events.iter_mut() {
        match e {
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (name, label) = callout(*kind);
                *e = Event::Html(CowStr::from(format!(
                    "<div class=\"callout callout-{name}\" role=\"note\">\n<p class=\"callout-title\">{label}</p>\n"
                )));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                *e = Event::Html(CowStr::Borrowed("</div>\n"));
            }
            _ => {}
        }
    }
}

/// Warnings for quotes that look like callouts but are not one: an unknown kind
/// (`> [!FOO]`), or text on the marker's own line (`> [!NOTE] Text`). They stay ordinary
/// quotes, as written.
pub fn callout_warnings(
    events: &[(Event<'_>, Range<usize>)],
    position: &dyn Fn(usize) -> Position,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, (e, range)) in events.iter().enumerate() {
        if !matches!(e, Event::Start(Tag::BlockQuote(None))) {
            continue;
        }
        let Some(marker) = first_line_marker(&events[i + 1..]) else {
            continue;
        };
        let known = CALLOUTS
            .iter()
            .any(|(_, name, _)| name.eq_ignore_ascii_case(&marker.kind));
        let d = if known {
            Diagnostic::warning(crate::text!(msg::CALLOUT_NOT_ALONE, marker.kind))
                .with_hint(&msg::HINT_CALLOUT_NOT_ALONE)
        } else {
            Diagnostic::warning(crate::text!(msg::CALLOUT_UNKNOWN, marker.kind))
                .with_hint(&msg::HINT_CALLOUT_UNKNOWN)
        };
        out.push(d.at(position(range.start)));
    }
    out
}

struct Marker {
    kind: String,
}

/// The `[!KIND]` at the start of a quote's first paragraph (its events follow the quote's
/// start), if any.
fn first_line_marker(events: &[(Event<'_>, Range<usize>)]) -> Option<Marker> {
    if !matches!(events.first(), Some((Event::Start(Tag::Paragraph), _))) {
        return None;
    }
    let mut line = String::new();
    for (e, _) in &events[1..] {
        match e {
            Event::Text(t) => line.push_str(t),
            _ => break,
        }
        if line.len() > 64 {
            break;
        }
    }
    let rest = line.trim_start().strip_prefix("[!")?;
    let end = rest.find(']')?;
    let kind = &rest[..end];
    let word = !kind.is_empty() && kind.chars().all(|c| c.is_ascii_alphabetic());
    word.then(|| Marker {
        kind: kind.to_string(),
    })
}

/// Wraps every h2–h4 in `<div class="heading-anchored">` with a link to the heading after
/// it. The link's name is "Länk till avsnittet …" (`aria-label`); its visible "#" comes from
/// the style sheet, so the link adds no text to the page: the heading, the search index and
/// anything that reads the page's text see the heading's words only, once.
pub fn heading_links(events: &mut Vec<(Event<'_>, Range<usize>)>) {
    let wanted = |level: &HeadingLevel| {
        matches!(
            level,
            HeadingLevel::H2 | HeadingLevel::H3 | HeadingLevel::H4
        )
    };
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Start(Tag::Heading { level, .. }) if wanted(level)))
    {
        return;
    }
    let mut out = Vec::with_capacity(events.len() + 8);
    let mut open: Option<(String, String)> = None;
    for (e, r) in events.drain(..) {
        match &e {
            Event::Start(Tag::Heading {
                level,
                id: Some(id),
                ..
            }) if wanted(level) => {
                open = Some((id.to_string(), String::new()));
                out.push((
                    Event::Html(CowStr::Borrowed("<div class=\"heading-anchored\">\n")),
                    r.clone(),
                ));
                out.push((e, r));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut open {
                    text.push_str(t);
                }
                out.push((e, r));
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text)) = &mut open {
                    text.push(' ');
                }
                out.push((e, r));
            }
            Event::End(TagEnd::Heading(_)) if open.is_some() => {
                let (id, text) = open.take().unwrap_or_default();
                // An empty heading (warned about) gets no link that could not be named.
                let link = if text.trim().is_empty() {
                    "</div>\n".to_string()
                } else {
                    let label = format!("{HEADING_LINK_LABEL} {}", text.trim());
                    format!(
                        "<a class=\"heading-anchor\" href=\"#{}\" aria-label=\"{}\"></a>\n</div>\n",
                        escape_html(&id),
                        escape_html(&label)
                    )
                };
                out.push((e, r.clone()));
                out.push((Event::Html(CowStr::from(link)), r));
            }
            _ => out.push((e, r)),
        }
    }
    *events = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn events(md: &str) -> Vec<(Event<'_>, Range<usize>)> {
        Parser::new_ext(md, Options::ENABLE_GFM | Options::ENABLE_HEADING_ATTRIBUTES)
            .into_offset_iter()
            .collect()
    }

    fn html(events: Vec<(Event<'_>, Range<usize>)>) -> String {
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, events.into_iter().map(|(e, _)| e));
        out
    }

    #[test]
    fn callouts_become_labelled_notes() {
        let mut ev = events("> [!WARNING]\n> Stäng av **datorn**.\n");
        callouts(&mut ev);
        assert_eq!(
            html(ev),
            "<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Varning</p>\n<p>Stäng av <strong>datorn</strong>.</p>\n</div>\n"
        );
    }

    #[test]
    fn unknown_kinds_and_text_on_the_marker_line_are_warned_about() {
        let md =
            "> [!FOO]\n> Text\n\n> [!tip] Text direkt\n\n> [!TIP]\n> Rätt\n\n> Vanligt citat\n";
        let ev = events(md);
        let position = |o: usize| Position::from_offset(md, o);
        let found: Vec<(usize, String)> = callout_warnings(&ev, &position)
            .into_iter()
            .map(|d| (d.position.unwrap().line, d.message))
            .collect();
        assert_eq!(
            found,
            [
                (1, "unknown callout kind `[!FOO]`".to_string()),
                (
                    4,
                    "the callout marker `[!tip]` must stand alone on its line".to_string()
                ),
            ]
        );
    }

    #[test]
    fn h2_to_h4_get_a_link_to_themselves() {
        let mut ev = events("## Mål `kod` {#mal}\n\n##### Liten\n");
        heading_links(&mut ev);
        let out = html(ev);
        assert!(out.starts_with("<div class=\"heading-anchored\">\n<h2 id=\"mal\">Mål <code>kod</code></h2>\n<a class=\"heading-anchor\" href=\"#mal\" aria-label=\"Länk till avsnittet Mål kod\"></a>\n</div>\n"), "{out}");
        assert!(out.ends_with("<h5>Liten</h5>\n"), "{out}");
    }

    #[test]
    fn an_empty_heading_gets_no_link_without_a_name() {
        let mut ev = events("## {#tom}\n");
        heading_links(&mut ev);
        assert_eq!(
            html(ev),
            "<div class=\"heading-anchored\">\n<h2 id=\"tom\"></h2>\n</div>\n"
        );
    }
}

//! Pass: editor-facing accessibility and style warnings on the Markdown itself, with
//! positions: images without alt text, vague or empty link text, headings that skip a level,
//! and raw HTML images without `alt`.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::config::RawHtml;
use crate::error::{Diagnostic, Position};
use crate::messages as msg;

/// Link texts that say nothing about where the link goes (compared in lower case).
pub const VAGUE_LINK_TEXTS: &[&str] = &[
    "här",
    "klicka här",
    "klicka",
    "läs mer",
    "mer",
    "länk",
    "länken",
    "denna länk",
    "den här länken",
    "se här",
    "click here",
    "here",
    "read more",
    "more",
    "link",
];

/// Warnings for the events of one body; `position` turns a byte offset into a file position.
pub fn lint(
    events: &[(Event<'_>, Range<usize>)],
    raw: RawHtml,
    position: &dyn Fn(usize) -> Position,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let alt_has_text = alt_texts(events);
    let mut previous_level = 1u8;
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Image { .. })
                if !alt_has_text.get(i + 1).copied().unwrap_or(false) =>
            {
                out.push(
                    Diagnostic::warning(&msg::IMAGE_NO_ALT)
                        .at(position(range.start))
                        .with_hint(&msg::HINT_IMAGE_ALT),
                );
            }
            Event::Start(Tag::Link { .. }) => {
                let text = text_until(events, i, |e| matches!(e, Event::End(TagEnd::Link)));
                let t = text
                    .trim()
                    .trim_end_matches(['.', '!', ':', '»', '›'])
                    .trim()
                    .to_lowercase();
                let has_image = events[i..]
                    .iter()
                    .take_while(|(e, _)| !matches!(e, Event::End(TagEnd::Link)))
                    .any(|(e, _)| matches!(e, Event::Start(Tag::Image { .. })));
                if t.is_empty() && !has_image {
                    out.push(
                        Diagnostic::warning(&msg::LINK_NO_TEXT)
                            .at(position(range.start))
                            .with_hint(&msg::HINT_LINK_TEXT),
                    );
                } else if VAGUE_LINK_TEXTS.contains(&t.as_str()) {
                    out.push(
                        Diagnostic::warning(crate::text!(msg::LINK_TEXT_VAGUE, text.trim()))
                            .at(position(range.start))
                            .with_hint(&msg::HINT_LINK_TEXT_VAGUE),
                    );
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let level = super::headings::level_number(*level);
                let text = text_until(events, i, |e| matches!(e, Event::End(TagEnd::Heading(_))));
                if text.trim().is_empty() {
                    out.push(
                        Diagnostic::warning(&msg::HEADING_EMPTY)
                            .at(position(range.start))
                            .with_hint(&msg::HINT_HEADING_EMPTY),
                    );
                }
                if level == 1 {
                    out.push(
                        Diagnostic::warning(&msg::HEADING_LEVEL_ONE)
                            .at(position(range.start))
                            .with_hint(&msg::HINT_HEADING_LEVEL_ONE),
                    );
                } else if level > previous_level + 1 {
                    out.push(
                        Diagnostic::warning(crate::text!(
                            msg::HEADING_SKIPS_LEVEL,
                            previous_level,
                            level
                        ))
                        .at(position(range.start))
                        .with_hint(crate::text!(
                            msg::HINT_HEADING_SKIPS_LEVEL,
                            "#".repeat(usize::from(previous_level) + 1)
                        )),
                    );
                }
                previous_level = level;
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                out.extend(
                    raw_html(html, raw)
                        .into_iter()
                        .map(|d| d.at(position(range.start))),
                );
            }
            Event::Start(Tag::TableHead) => {
                let text = text_until(events, i, |e| matches!(e, Event::End(TagEnd::TableHead)));
                if text.trim().is_empty() {
                    out.push(
                        Diagnostic::warning(&msg::TABLE_NO_HEADER)
                            .at(position(range.start))
                            .with_hint(&msg::HINT_TABLE_HEADER),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Known problems in raw HTML an editor wrote: nothing under `deny` (the HTML is an error
/// already); under `sanitize` no advice on click handlers and colours, which are removed with
/// their own warning (and whose advice, a button or a colour, would be removed too).
fn raw_html(html: &str, raw: RawHtml) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if raw == RawHtml::Deny {
        return out;
    }
    let kept = raw == RawHtml::Allow;
    let lower = html.to_lowercase();
    let mut warn = |message: &'static msg::Message, hint: &'static msg::Message| {
        out.push(Diagnostic::warning(message).with_hint(hint))
    };
    if lower.contains("<img") && !lower.contains("alt=") {
        warn(&msg::HTML_IMAGE_NO_ALT, &msg::HINT_HTML_IMAGE_ALT);
    }
    if lower.contains("<marquee") || lower.contains("<blink") {
        warn(&msg::HTML_MOVING_TEXT, &msg::HINT_HTML_MOVING_TEXT);
    }
    if kept && lower.contains(" onclick=") && !lower.contains("<button") && !lower.contains("<a ") {
        warn(&msg::HTML_MOUSE_ONLY, &msg::HINT_HTML_MOUSE_ONLY);
    }
    if lower
        .split("tabindex=\"")
        .skip(1)
        .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit() && c != '0'))
    {
        warn(&msg::HTML_TABINDEX, &msg::HINT_HTML_TABINDEX);
    }
    if lower.contains("<table") && !lower.contains("<th") {
        warn(&msg::HTML_TABLE_NO_HEADER, &msg::HINT_HTML_TABLE_HEADER);
    }
    if kept && (lower.contains("<font") || lower.contains("style=\"color")) {
        warn(&msg::HTML_TEXT_COLOUR, &msg::HINT_HTML_TEXT_COLOUR);
    }
    out
}

/// For each event index: whether a non-blank text comes at or after it, before the next
/// image end. An image's alt text is blank when this is false just after its start. One
/// backward pass, so that images nested thousands deep cost linear time.
fn alt_texts(events: &[(Event<'_>, Range<usize>)]) -> Vec<bool> {
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Start(Tag::Image { .. })))
    {
        return Vec::new();
    }
    let mut out = vec![false; events.len()];
    let mut seen = false;
    for (i, (e, _)) in events.iter().enumerate().rev() {
        match e {
            Event::End(TagEnd::Image) => seen = false,
            Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => seen = true,
            _ => {}
        }
        out[i] = seen;
    }
    out
}

fn text_until(
    events: &[(Event<'_>, Range<usize>)],
    start: usize,
    end: impl Fn(&Event<'_>) -> bool,
) -> String {
    let mut text = String::new();
    for (e, _) in &events[start + 1..] {
        if end(e) {
            break;
        }
        if let Event::Text(t) | Event::Code(t) = e {
            text.push_str(t);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn warnings(md: &str) -> Vec<String> {
        warnings_with(md, RawHtml::Allow)
    }

    fn warnings_with(md: &str, raw: RawHtml) -> Vec<String> {
        let events: Vec<_> = Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES)
            .into_offset_iter()
            .collect();
        lint(&events, raw, &|o| Position::from_offset(md, o))
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn finds_missing_alt_vague_links_and_skipped_headings() {
        let w = warnings("## A\n\n#### B\n\n![](x.png) [Klicka här](a.md) [styrgruppens mandat](b.md) []()\n\n<img src=\"y.png\">\n");
        assert_eq!(w.len(), 5, "{w:?}");
        assert!(w[0].contains("skips from level 2 to level 4"));
        assert!(w[1].contains("alt text"));
        assert!(w[2].contains("Klicka här"));
        assert!(w[3].contains("no text"));
        assert!(w[4].contains("HTML image"));
        let raw = warnings("<table><tr><td>x</td></tr></table>\n\n<marquee>hej</marquee>\n\n<div tabindex=\"3\" onclick=\"x()\">y</div>\n\n| | |\n|-|-|\n| a | b |\n");
        assert_eq!(raw.len(), 5, "{raw:?}");
        // Under `sanitize` the click handler is removed with its own warning; under `deny`
        // all raw HTML is an error already.
        let html = "<table><tr><td>x</td></tr></table>\n\n<marquee>hej</marquee>\n\n<div tabindex=\"3\" onclick=\"x()\">y</div>\n";
        let sanitized = warnings_with(html, RawHtml::Sanitize);
        assert_eq!(sanitized.len(), 3, "{sanitized:?}");
        assert!(!sanitized.iter().any(|w| w.contains("mouse click")));
        assert!(sanitized.iter().any(|w| w.contains("tabindex")));
        assert!(sanitized.iter().any(|w| w.contains("header cells")));
        assert!(warnings_with(html, RawHtml::Deny).is_empty());
        assert!(
            warnings("## A\n\n### B\n\n![Karta](x.png) [NSH:s arbetsområden](a.md)\n").is_empty()
        );
    }

    #[test]
    fn an_empty_heading_is_warned_about() {
        let w = warnings("## A\n\n##\n\n## `kod`\n");
        assert_eq!(w, ["the heading has no text"]);
    }
}

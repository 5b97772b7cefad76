//! Pass: mark glossary terms. The first use of each term in a page (whole words, case as
//! written in the glossary) becomes a link to its glossary entry with an `<abbr title>`;
//! never inside links, images, headings, code or raw HTML.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape::escape_html;

/// The marked terms, compiled once for the whole site.
#[derive(Debug)]
pub struct Glossary {
    matcher: Option<AhoCorasick>,
    /// `(term, expansion, id)`, in the matcher's pattern order.
    terms: Vec<(String, String, String)>,
}

impl Glossary {
    /// Builds the matcher from `(term, expansion, id)` triples.
    pub fn new(terms: Vec<(String, String, String)>) -> Self {
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(terms.iter().map(|t| t.0.as_str()))
            .ok()
            .filter(|_| !terms.is_empty());
        Glossary { matcher, terms }
    }

    pub fn is_empty(&self) -> bool {
        self.matcher.is_none()
    }
}

/// Where the marks link: the glossary page, relative to the page being rendered.
pub struct Marking<'a> {
    pub glossary: &'a Glossary,
    pub page_href: String,
}

/// Rewrites `events`, marking the first use of each term.
pub fn mark<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    marking: &Marking<'_>,
) -> Vec<(Event<'a>, Range<usize>)> {
    let Some(matcher) = &marking.glossary.matcher else {
        return events;
    };
    let mut used = vec![false; marking.glossary.terms.len()];
    let mut blocked = 0usize;
    let mut block: Option<String> = None;
    let mut out = Vec::with_capacity(events.len());
    for (event, range) in events {
        match &event {
            Event::Start(
                Tag::Link { .. } | Tag::Image { .. } | Tag::Heading { .. } | Tag::CodeBlock(_),
            ) => blocked += 1,
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::Heading(_) | TagEnd::CodeBlock) => {
                blocked = blocked.saturating_sub(1)
            }
            // Raw HTML an editor wrote, inline or as a block (`<a href>` on a line of its
            // own, then Markdown, then `</a>`): links, code and the like are left alone. A
            // block comes a line at a time; it is scanned whole, so that a comment or script
            // over several lines is one.
            Event::InlineHtml(html) => blocked = html_depth(html, blocked),
            Event::Start(Tag::HtmlBlock) => block = Some(String::new()),
            Event::Html(html) => match &mut block {
                Some(b) => b.push_str(html),
                None => blocked = html_depth(html, blocked),
            },
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(b) = block.take() {
                    blocked = html_depth(&b, blocked);
                }
            }
            Event::Text(text) if blocked == 0 && used.contains(&false) => {
                split_text(text, matcher, marking, &mut used, &range, &mut out);
                continue;
            }
            _ => {}
        }
        out.push((event, range));
    }
    out
}

fn split_text<'a>(
    text: &CowStr<'a>,
    matcher: &AhoCorasick,
    marking: &Marking<'_>,
    used: &mut [bool],
    range: &Range<usize>,
    out: &mut Vec<(Event<'a>, Range<usize>)>,
) {
    let mut last = 0;
    for m in matcher.find_iter(text.as_ref()) {
        let i = m.pattern().as_usize();
        if used[i] || !whole_word(text, m.start(), m.end()) {
            continue;
        }
        used[i] = true;
        let (term, expansion, id) = &marking.glossary.terms[i];
        if m.start() > last {
            out.push((
                Event::Text(CowStr::from(text[last..m.start()].to_string())),
                range.clone(),
            ));
        }
        let html = format!(
            "<a class=\"glossary\" href=\"{}#{}\"><abbr title=\"{}\">{}</abbr></a>",
            escape_html(&marking.page_href),
            escape_html(id),
            escape_html(expansion),
            escape_html(term)
        );
        out.push((Event::InlineHtml(CowStr::from(html)), range.clone()));
        last = m.end();
    }
    if last == 0 {
        out.push((Event::Text(text.clone()), range.clone()));
    } else if last < text.len() {
        out.push((
            Event::Text(CowStr::from(text[last..].to_string())),
            range.clone(),
        ));
    }
}

/// Elements inside which nothing is marked, when written as raw HTML.
const PROTECTED: &[&str] = &[
    "a", "code", "kbd", "samp", "pre", "abbr", "script", "style", "button", "label",
];

/// Updates the blocking depth for the tags in raw HTML such as `<a href=…>` or `</code>`.
fn html_depth(html: &str, mut depth: usize) -> usize {
    for tag in super::raw_html::tags(html) {
        if tag.self_closing || !PROTECTED.contains(&tag.name.as_str()) {
            continue;
        }
        depth = if tag.closing {
            depth.saturating_sub(1)
        } else {
            depth + 1
        };
    }
    depth
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn render(md: &str) -> String {
        let g = Glossary::new(vec![
            (
                "NSH".into(),
                "Nätverk för social hållbarhet".into(),
                "nsh".into(),
            ),
            ("KS".into(), "Kommunstyrelsen".into(), "ks".into()),
        ]);
        let marking = Marking {
            glossary: &g,
            page_href: "../ordlista/".into(),
        };
        let events = mark(Parser::new(md).into_offset_iter().collect(), &marking);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
        html
    }

    #[test]
    fn first_use_only_whole_words_not_in_links_or_headings() {
        let html = render("# NSH\n\n[NSH](x) och KSBSH, `NSH`.\n\nNSH arbetar. NSH igen, KS.\n");
        assert_eq!(html.matches("<abbr").count(), 2, "{html}");
        assert!(html.contains("<p><a class=\"glossary\" href=\"../ordlista/#nsh\"><abbr title=\"Nätverk för social hållbarhet\">NSH</abbr></a> arbetar. NSH igen, <a class=\"glossary\" href=\"../ordlista/#ks\">"), "{html}");
        assert!(html.contains("<h1>NSH</h1>"));
    }

    #[test]
    fn raw_html_links_and_code_are_left_alone() {
        let html = render("Se <a href=\"https://x.se/\">NSH</a> och <code>KS</code>, sedan NSH.\n");
        assert!(html.contains("<a href=\"https://x.se/\">NSH</a>"), "{html}");
        assert!(html.contains("<code>KS</code>"), "{html}");
        assert!(html.contains("sedan <a class=\"glossary\""), "{html}");
    }

    #[test]
    fn a_tag_in_a_comment_or_script_over_several_lines_blocks_nothing() {
        let html = render(
            "<!--\n<a href=\"x\">\n-->\n\n<script>\nvar s = \"<code>\";\n</script>\n\nNSH arbetar.\n",
        );
        assert!(html.contains("<p><a class=\"glossary\""), "{html}");
    }

    #[test]
    fn html_blocks_around_markdown_are_left_alone_too() {
        let html = render(
            "<a href=\"https://x.se/\">\n\nNSH\n\n</a>\n\n<code>\n\nKS\n\n</code>\n\n<div>\n\nNSH och KS.\n\n</div>\n",
        );
        assert!(
            html.starts_with(
                "<a href=\"https://x.se/\">\n<p>NSH</p>\n</a>\n<code>\n<p>KS</p>\n</code>\n"
            ),
            "{html}"
        );
        assert!(
            html.contains("<div>\n<p><a class=\"glossary\" href=\"../ordlista/#nsh\">"),
            "{html}"
        );
        assert_eq!(html.matches("<abbr").count(), 2, "{html}");
    }
}

//! Pass: raw HTML in Markdown (`markdown.raw_html` in handbok.yaml).
//!
//! - `sanitize` (the default): the page's HTML is cleaned with ammonia after rendering, with
//!   one allow-list of elements and attributes ([`ALLOWED_TAGS`], [`GENERIC_ATTRIBUTES`],
//!   [`TAG_ATTRIBUTES`]) that covers what the renderer itself writes and what editors need
//!   (tables, details/summary, abbr, sup/sub, span/div with a class). Before that, a small
//!   scanner over the raw HTML the editor wrote tells, at its file line, what will be removed.
//! - `deny`: raw HTML is an error at its line; HTML comments are dropped silently (the
//!   `<!-- more -->` summary marker keeps working).
//! - `allow`: raw HTML is passed through untouched.
//!
//! Heading attributes (`## Rubrik {onclick=…}`) are HTML written in Markdown as well: in
//! `sanitize` mode attributes outside the allow-list are dropped with a warning, in `deny`
//! mode they are errors. Cleaning only runs on pages that hold raw HTML or such attributes,
//! so that ordinary pages cost nothing and stay byte-identical to the renderer's output.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::links::is_unsafe_url;
use crate::config::RawHtml;
use crate::error::{Diagnostic, Position};
use crate::messages as msg;

/// Elements kept by `sanitize`: everything the Markdown renderer writes, and the text-level
/// and structural elements editors legitimately use. No scripts, frames, forms, embedded
/// objects, SVG or MathML.
pub const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes allowed on every kept element.
pub const GENERIC_ATTRIBUTES: &[&str] =
    &["class", "dir", "id", "lang", "role", "tabindex", "title"];

/// Attribute name prefixes allowed on every kept element.
pub const GENERIC_PREFIXES: &[&str] = &["aria-", "data-"];

/// Attributes allowed on particular elements (besides the generic ones).
pub const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("blockquote", &["cite"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("del", &["cite", "datetime"]),
    ("details", &["open"]),
    ("img", &["alt", "height", "src", "width"]),
    ("input", &["checked", "disabled", "type"]),
    ("ins", &["cite", "datetime"]),
    ("li", &["value"]),
    ("ol", &["reversed", "start", "type"]),
    ("q", &["cite"]),
    ("td", &["colspan", "headers", "rowspan", "style"]),
    ("th", &["colspan", "headers", "rowspan", "scope", "style"]),
    ("time", &["datetime"]),
];

/// The only CSS property kept in a `style` attribute (the renderer aligns table columns).
const STYLE_PROPERTIES: &[&str] = &["text-align"];

/// Elements whose content is dropped together with them.
const CLEAN_CONTENT_TAGS: &[&str] = &["script", "style"];

/// Attributes that hold a URL.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "cite"];

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let tag_attributes: HashMap<&str, HashSet<&str>> = TAG_ATTRIBUTES
            .iter()
            .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
            .collect();
        let mut b = ammonia::Builder::empty();
        b.tags(ALLOWED_TAGS.iter().copied().collect())
            .clean_content_tags(CLEAN_CONTENT_TAGS.iter().copied().collect())
            .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
            .generic_attribute_prefixes(GENERIC_PREFIXES.iter().copied().collect())
            .tag_attributes(tag_attributes)
            .filter_style_properties(STYLE_PROPERTIES.iter().copied().collect())
            .url_schemes(["http", "https", "mailto", "tel", "data"].into())
            .url_relative(ammonia::UrlRelative::PassThrough)
            .link_rel(None)
            .strip_comments(true)
            .attribute_filter(|element, attribute, value| {
                let kept = match attribute {
                    _ if URL_ATTRIBUTES.contains(&attribute) => {
                        !is_unsafe_url(value, element == "img")
                    }
                    // Only the renderer's task-list boxes: no text fields or buttons.
                    "type" if element == "input" => value.eq_ignore_ascii_case("checkbox"),
                    _ => true,
                };
                kept.then_some(Cow::Borrowed(value))
            });
        b
    })
}

/// Cleans rendered HTML with the `sanitize` allow-list.
pub fn clean(html: &str) -> String {
    cleaner().clean(html).to_string()
}

/// What the raw HTML pass found and changed in one body.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The body holds raw HTML (or heading attributes) that the final HTML must be cleaned
    /// of (only in `sanitize` mode).
    pub needs_cleaning: bool,
    pub diagnostics: Vec<Diagnostic>,
    /// Lines (and what) already reported, so that a line gets one message per problem.
    reported: HashSet<(usize, Option<Removed>)>,
}

/// Applies `mode` to the raw HTML events and heading attributes of one body.
pub fn apply(
    events: &mut [(Event<'_>, Range<usize>)],
    mode: RawHtml,
    position: &dyn Fn(usize) -> Position,
) -> Outcome {
    let mut out = Outcome::default();
    if mode == RawHtml::Allow {
        return out;
    }
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::HtmlBlock) => {
                let end = events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::HtmlBlock)))
                    .map_or(events.len(), |p| i + p);
                block(&mut events[i + 1..end], mode, position, &mut out);
                i = end;
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                block(&mut events[i..=i], mode, position, &mut out);
            }
            Event::Start(Tag::Heading { .. }) => heading(&mut events[i], mode, position, &mut out),
            _ => {}
        }
        i += 1;
    }
    out
}

/// One HTML block (its lines as events) or one inline HTML tag.
fn block(
    events: &mut [(Event<'_>, Range<usize>)],
    mode: RawHtml,
    position: &dyn Fn(usize) -> Position,
    out: &mut Outcome,
) {
    // The whole block as one text, with where each event's text starts in it and in the file.
    let mut text = String::new();
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (e, r) in events.iter() {
        if let Event::Html(h) | Event::InlineHtml(h) | Event::Text(h) = e {
            starts.push((text.len(), r.start));
            text.push_str(h);
        }
    }
    let at = |offset: usize| {
        let (in_text, in_file) = starts
            .iter()
            .rev()
            .find(|(t, _)| *t <= offset)
            .copied()
            .unwrap_or((0, 0));
        position(in_file + offset - in_text)
    };
    let findings = scan(&text);
    match mode {
        RawHtml::Allow => {}
        // Comments alone (the summary marker, notes to other editors) need no cleaning: they
        // are dropped here, so that ordinary pages keep the renderer's own HTML.
        RawHtml::Sanitize if findings.is_empty() => neutralise(events, true),
        RawHtml::Sanitize => {
            out.needs_cleaning = true;
            for f in findings.into_iter().filter(|f| f.removed.is_some()) {
                let p = at(f.offset);
                let Some(what) = f.removed else { continue };
                if out.reported.insert((p.line, Some(what.clone()))) {
                    out.diagnostics.push(
                        Diagnostic::warning(what.message())
                            .at(p)
                            .with_hint(&msg::HINT_RAW_HTML_SANITIZE),
                    );
                }
            }
        }
        RawHtml::Deny => {
            // One error for a block or a line of inline tags: the first tag names it.
            if let Some(f) = findings.first() {
                let p = at(f.offset);
                if out.reported.insert((p.line, None)) {
                    out.diagnostics.push(
                        Diagnostic::error(crate::text!(msg::RAW_HTML_DENIED, shorten(&f.tag)))
                            .at(p)
                            .with_hint(&msg::HINT_RAW_HTML_DENY),
                    );
                }
            }
            neutralise(events, findings.is_empty());
        }
    }
}

/// `deny` mode: markup becomes visible text; comments are dropped, except the summary marker.
fn neutralise(events: &mut [(Event<'_>, Range<usize>)], only_comments: bool) {
    for (e, _) in events.iter_mut() {
        let (Event::Html(h) | Event::InlineHtml(h)) = e else {
            continue;
        };
        *e = if !only_comments {
            Event::Text(h.clone())
        } else if h.trim() == "<!-- more -->" {
            Event::Html(CowStr::Borrowed("<!-- more -->\n"))
        } else {
            Event::Html(CowStr::Borrowed(""))
        };
    }
}

/// Heading attributes (`{key=value}`) outside the allow-list: dropped with a warning
/// (`sanitize`) or reported as errors (`deny`).
fn heading(
    event: &mut (Event<'_>, Range<usize>),
    mode: RawHtml,
    position: &dyn Fn(usize) -> Position,
    out: &mut Outcome,
) {
    let (Event::Start(Tag::Heading { attrs, .. }), range) = event else {
        return;
    };
    let p = position(range.start);
    attrs.retain(|(key, _)| {
        if is_generic_attribute(key) && !matches!(key.as_ref(), "id" | "class") {
            return true;
        }
        let diagnostic = match mode {
            RawHtml::Deny => Diagnostic::error(crate::text!(msg::HEADING_ATTRIBUTE_DENIED, key)),
            _ => Diagnostic::warning(crate::text!(msg::HEADING_ATTRIBUTE_REMOVED, key)),
        };
        out.diagnostics
            .push(diagnostic.at(p).with_hint(&msg::HINT_HEADING_ATTRIBUTE));
        false
    });
}

fn is_generic_attribute(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    GENERIC_ATTRIBUTES.contains(&name.as_str())
        || GENERIC_PREFIXES.iter().any(|p| name.starts_with(p))
}

fn is_allowed_attribute(tag: &str, name: &str) -> bool {
    is_generic_attribute(name)
        || TAG_ATTRIBUTES
            .iter()
            .any(|(t, attrs)| *t == tag && attrs.contains(&name))
}

/// A tag (or declaration) found in raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Finding {
    /// Byte offset of its `<` in the scanned text.
    offset: usize,
    /// The tag as written, e.g. `<img src=x onerror=…>`.
    tag: String,
    /// What `sanitize` removes of it, for the warning (`None`: kept as it is).
    removed: Option<Removed>,
}

/// What `sanitize` removes of a tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Removed {
    /// A declaration or processing instruction, as written (shortened).
    Declaration(String),
    /// An element outside the allow-list, by its name.
    Element(String),
    /// Attributes (each in backticks, joined by commas) of the element named second.
    Attributes(String, String),
}

impl Removed {
    fn message(&self) -> crate::messages::Text {
        match self {
            Removed::Declaration(tag) => crate::text!(msg::RAW_HTML_REMOVED, tag),
            Removed::Element(name) => crate::text!(msg::RAW_HTML_ELEMENT_REMOVED, name),
            Removed::Attributes(names, tag) => {
                crate::text!(msg::RAW_HTML_ATTRIBUTES_REMOVED, names, tag)
            }
        }
    }
}

/// A tag (or declaration such as `<!DOCTYPE>`) in raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RawTag {
    /// Byte offsets of its `<` and just after its `>`.
    pub start: usize,
    pub end: usize,
    /// The element name, lower case (empty for a declaration).
    pub name: String,
    pub closing: bool,
    /// Written `<br/>`-style, closing itself.
    pub self_closing: bool,
    pub declaration: bool,
    pub attrs: Vec<(String, String)>,
}

/// The tags of raw HTML in order, skipping comments the way a browser ends them (`-->`,
/// `--!>`, `<!-->`) and the content of `<script>` and `<style>`. The one HTML scanner of
/// the Markdown passes: messages about what `sanitize` removes, and the glossary pass
/// that must not mark terms inside links or code written as HTML.
pub(super) fn tags(text: &str) -> Vec<RawTag> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = text[i..].find('<') {
        let start = i + p;
        let rest = &text[start..];
        if rest.starts_with("<!--") {
            i = comment_end(text, start);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + if closing { 2 } else { 1 };
        let declaration = matches!(bytes.get(start + 1), Some(b'!' | b'?'));
        let name: String = text[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() && !declaration {
            i = start + 1;
            continue;
        }
        let (attrs, end) = attributes(text, name_start + name.len());
        let self_closing = text[..end].ends_with("/>");
        i = end;
        if !closing && CLEAN_CONTENT_TAGS.contains(&name.as_str()) {
            // The content of <script> and <style> is not markup.
            let close = format!("</{name}");
            i = text[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(text.len(), |p| i + p);
        }
        out.push(RawTag {
            start,
            end,
            name,
            closing,
            self_closing,
            declaration,
            attrs,
        });
    }
    out
}

/// The tags of raw HTML with what the allow-list removes of each. Used for messages only:
/// the cleaning itself is ammonia's, on the whole page.
fn scan(text: &str) -> Vec<Finding> {
    tags(text)
        .into_iter()
        .map(|t| {
            let tag = text[t.start..t.end].to_string();
            let removed = if t.declaration {
                Some(Removed::Declaration(shorten(&tag)))
            } else if t.closing {
                None
            } else if !ALLOWED_TAGS.contains(&t.name.as_str()) {
                Some(Removed::Element(t.name.clone()))
            } else {
                removed_attributes(&t.name, &t.attrs)
            };
            Finding {
                offset: t.start,
                tag,
                removed,
            }
        })
        .collect()
}

fn removed_attributes(tag: &str, attrs: &[(String, String)]) -> Option<Removed> {
    let removed: Vec<String> = attrs
        .iter()
        .filter_map(|(name, value)| {
            if !is_allowed_attribute(tag, name) {
                Some(format!("`{name}`"))
            } else if URL_ATTRIBUTES.contains(&name.as_str()) && is_unsafe_url(value, tag == "img")
            {
                Some(format!("`{name}=\"{}\"`", shorten(value)))
            } else {
                None
            }
        })
        .collect();
    if removed.is_empty() {
        None
    } else {
        Some(Removed::Attributes(removed.join(", "), tag.to_string()))
    }
}

/// The end of a comment starting at `start` (just after it).
fn comment_end(text: &str, start: usize) -> usize {
    let body = start + 4;
    if text[body..].starts_with('>') {
        return body + 1;
    }
    if text[body..].starts_with("->") {
        return body + 2;
    }
    let ends = ["-->", "--!>"]
        .iter()
        .filter_map(|m| text[body..].find(m).map(|p| body + p + m.len()))
        .min();
    ends.unwrap_or(text.len())
}

/// Parses attributes from `from` up to the tag's `>`; returns them (lower-case names) and
/// the offset after the tag.
fn attributes(text: &str, from: usize) -> (Vec<(String, String)>, usize) {
    let bytes = text.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (attrs, bytes.len());
        }
        if bytes[i] == b'>' {
            return (attrs, i + 1);
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"/>=".contains(&bytes[i]) {
            i += 1;
        }
        let name = text[name_start..i].to_ascii_lowercase();
        let mut value = String::new();
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'=' {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let (v, after) = match bytes.get(j) {
                Some(q @ (b'"' | b'\'')) => {
                    let close = text[j + 1..]
                        .find(char::from(*q))
                        .map_or(text.len(), |p| j + 1 + p);
                    (&text[j + 1..close], (close + 1).min(text.len()))
                }
                _ => {
                    let end = text[j..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(text.len(), |p| j + p);
                    (&text[j..end], end)
                }
            };
            value = decode_entities(v);
            i = after;
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
    }
}

/// Decodes the character references that can hide a URL scheme (`&#106;`, `&#x6A;`,
/// `&colon;`, `&Tab;`), enough for the unsafe-URL test of a message.
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest.find(';').filter(|e| *e < 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name.strip_prefix('#') {
                Some(num) => match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                }
                .and_then(char::from_u32),
                None => match name {
                    "colon" => Some(':'),
                    "Tab" => Some('\t'),
                    "NewLine" => Some('\n'),
                    "amp" => Some('&'),
                    _ => None,
                },
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn shorten(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(60).collect();
    if one_line.chars().count() > 60 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_keeps_editor_html_and_renderer_output() {
        let kept = concat!(
            "<details open=\"\"><summary>Mer</summary><p><abbr title=\"Förkortning\">FK</abbr> ",
            "x<sup>2</sup> H<sub>2</sub>O<br><span class=\"obs\">Obs</span></p></details>",
            "<h2 id=\"mandat\" class=\"x\">Mandat</h2>",
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell\">",
            "<table><thead><tr><th style=\"text-align:left\">A</th></tr></thead>",
            "<tbody><tr><td style=\"text-align:left\">1</td></tr></tbody></table></div>",
            "<ul><li><input disabled=\"\" type=\"checkbox\" checked=\"\">klar</li></ul>",
            "<p><a href=\"../a/#b\">a</a> <img src=\"bild.png\" alt=\"Karta\">",
            " <img src=\"data:image/png;base64,AAAA\" alt=\"liten\"></p>",
        );
        assert_eq!(clean(kept), kept);
    }

    #[test]
    fn cleaning_removes_scripts_handlers_styles_and_unsafe_urls() {
        let dirty = concat!(
            "<div onmouseover=\"alert(1)\" style=\"position:fixed\">a</div>",
            "<script>alert(1)</script><style>body{}</style>",
            "<a href=\" JaVaScRiPt:alert(1)\">b</a><a href=\"&#106;avascript:alert(1)\">c</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">d</a>",
            "<iframe src=\"javascript:alert(1)\"></iframe><svg><script>alert(1)</script></svg>",
            "<img src=x onerror=alert(1)><input type=\"text\" onfocus=\"alert(1)\" autofocus>",
            "<!-- --!><img src=x onerror=alert(1)> -->",
            "<td style=\"color: red; text-align: right\">x</td>",
        );
        let cleaned = clean(dirty);
        for bad in [
            "script",
            "onmouseover",
            "onerror",
            "onfocus",
            "javascript",
            "data:text",
            "iframe",
            "svg",
            "position",
            "color",
            "type=\"text\"",
        ] {
            assert!(
                !cleaned.to_ascii_lowercase().contains(bad),
                "{bad} in {cleaned}"
            );
        }
        assert!(cleaned.contains("<div>a</div>"), "{cleaned}");
    }

    #[test]
    fn scanner_names_what_is_removed() {
        let f = scan("<div class=\"ruta\" onclick='x()' style=\"color:red\"><script>a<b</script><a href=\"&#106;avascript:x\">y</a></div><!-- <img onerror=x> --><span>ok</span>");
        let removed: Vec<_> = f.iter().filter_map(|f| f.removed.clone()).collect();
        let english: Vec<String> = removed
            .iter()
            .map(|r| r.message().render(crate::i18n::Lang::En))
            .collect();
        assert_eq!(
            english,
            vec![
                "raw HTML: `onclick`, `style` on `<div>` was removed".to_string(),
                "raw HTML: the element `<script>` was removed".to_string(),
                "raw HTML: `href=\"javascript:x\"` on `<a>` was removed".to_string(),
            ]
        );
        assert_eq!(f.len(), 8, "{f:?}");
        // A browser ends a comment at --!>, so what follows is markup.
        let f = scan("<!-- a --!><img src=x onerror=alert(1)> -->");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].removed,
            Some(Removed::Attributes("`onerror`".into(), "img".into()))
        );
        assert!(scan("<!-- more -->").is_empty());
        assert!(scan("a < b").is_empty());
    }
}

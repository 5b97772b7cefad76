//! The searchable text of an entry: its rendered HTML split at headings into sections
//! (anchor, heading, plain text), plus what templates render from data (action plans).

use crate::content::glossary::GlossaryTerm;
use crate::markdown::Rendered;
use crate::site::Entry;

/// One part of a page between two headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading's id (`""` for the text before the first heading).
    pub anchor: String,
    pub heading: String,
    pub text: String,
    /// Code (`<code>`, `<pre>`), indexed below body text: the editors' guide's examples must
    /// not outrank the handbook's own words.
    pub code: String,
    /// What an excerpt shows: the text with its inline code, without code blocks.
    pub shown: String,
}

/// The sections of an entry: the intro, one per heading, the action plan's focus areas,
/// and on the glossary page (`glossary` given) one per term, at the term's anchor.
pub fn sections(e: &Entry, body: &Rendered, glossary: Option<&[GlossaryTerm]>) -> Vec<Section> {
    let mut out = split_html(&body.html);
    for g in glossary.unwrap_or_default() {
        let mut heading = g.term.clone();
        if let Some(x) = g.expansion.as_deref().filter(|x| *x != g.term) {
            heading.push_str(" – ");
            heading.push_str(x);
        }
        let text = g.definition.clone().unwrap_or_default();
        out.push(Section {
            anchor: g.id.clone(),
            heading,
            shown: text.clone(),
            text,
            code: String::new(),
        });
    }
    if let Some(plan) = &e.source.front.action_plan {
        for a in &plan.focus_areas {
            let mut text = a.positions.join(" ");
            text.push(' ');
            text.push_str(&a.activities.join(" "));
            out.push(Section {
                anchor: format!("fokusomrade-{}", a.number),
                heading: format!("Fokusområde {} {}", a.number, a.name),
                shown: text.clone(),
                text,
                code: String::new(),
            });
        }
    }
    if let Some(m) = &e.source.front.meeting {
        let agenda: Vec<&str> = m.agenda.iter().map(|a| a.text.as_str()).collect();
        let mut text = m.theme.clone().unwrap_or_default();
        text.push(' ');
        text.push_str(&agenda.join(" "));
        let first = &mut out[0];
        for part in [&mut first.text, &mut first.shown] {
            part.push(' ');
            part.push_str(&text);
        }
    }
    out
}

/// Splits HTML at `<h1>`–`<h6>` elements with an id; tags are dropped, entities decoded.
pub fn split_html(html: &str) -> Vec<Section> {
    let mut out = vec![Section {
        anchor: String::new(),
        heading: String::new(),
        text: String::new(),
        code: String::new(),
        shown: String::new(),
    }];
    let mut into = Part::Text;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt], into);
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let is_heading =
            name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit();
        if is_heading && !tag.starts_with('/') {
            let anchor = attribute(tag, "id").unwrap_or_default();
            out.push(Section {
                anchor,
                heading: String::new(),
                text: String::new(),
                code: String::new(),
                shown: String::new(),
            });
            into = Part::Heading;
        } else if is_heading {
            into = Part::Text;
        } else if name == "pre" {
            push_text(&mut out, " ", into);
            into = if tag.starts_with('/') {
                Part::Text
            } else {
                Part::CodeBlock
            };
        } else if name == "code" && matches!(into, Part::Text | Part::InlineCode) {
            into = if tag.starts_with('/') {
                Part::Text
            } else {
                Part::InlineCode
            };
        } else if is_block(&name) {
            push_text(&mut out, " ", into);
        }
    }
    push_text(&mut out, rest, into);
    for s in &mut out {
        s.heading = squeeze(&s.heading);
        s.text = squeeze(&s.text);
        s.code = squeeze(&s.code);
        s.shown = squeeze(&s.shown);
    }
    out
}

/// Which part of a section text goes to.
#[derive(Clone, Copy)]
enum Part {
    Heading,
    Text,
    InlineCode,
    CodeBlock,
}

fn push_text(out: &mut [Section], raw: &str, into: Part) {
    if raw.is_empty() {
        return;
    }
    // Soft hyphens in headings only show where a line breaks: the words are searched whole.
    let decoded = decode(raw);
    let decoded = crate::markdown::hyphenate::without_soft_hyphens(&decoded);
    if let Some(last) = out.last_mut() {
        match into {
            Part::Heading => last.heading.push_str(&decoded),
            Part::Text => {
                last.text.push_str(&decoded);
                last.shown.push_str(&decoded);
            }
            Part::InlineCode => {
                last.code.push_str(&decoded);
                last.code.push(' ');
                last.shown.push_str(&decoded);
            }
            Part::CodeBlock => last.code.push_str(&decoded),
        }
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "br"
            | "td"
            | "th"
            | "tr"
            | "div"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "table"
    )
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(decode(&tag[start..end]))
}

/// Decodes the entities our HTML writers produce, and numeric ones.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| entity(&after[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" | "#39" => Some('\''),
        "nbsp" => Some(' '),
        n => {
            let code = n
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| n.strip_prefix('#').map(str::parse))?;
            code.ok().and_then(char::from_u32)
        }
    }
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_headings_with_ids_and_decodes() {
        let s = split_html("<p>Intro &amp; mer</p>\n<h2 id=\"mandat\">Mandat</h2>\n<ul><li>Ett</li><li>Två</li></ul><h3 id=\"x\">X &lt;y&gt;</h3><p>slut</p>");
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].text, "Intro & mer");
        assert_eq!(
            (
                s[1].anchor.as_str(),
                s[1].heading.as_str(),
                s[1].text.as_str()
            ),
            ("mandat", "Mandat", "Ett Två")
        );
        assert_eq!(s[2].heading, "X <y>");
    }

    #[test]
    fn code_blocks_are_kept_apart_from_the_text() {
        let s = split_html(
            "<p>Skriv så här:</p><pre><code>title: Mandat\n</code></pre><p>och <code>spara</code>.</p>",
        );
        assert_eq!(s[0].text, "Skriv så här: och .");
        assert_eq!(s[0].code, "title: Mandat spara");
        assert_eq!(s[0].shown, "Skriv så här: och spara.");
    }
}

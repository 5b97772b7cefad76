//! The searchable text of an entry: its rendered HTML split at headings into sections
//! (anchor, heading, plain text), plus what templates render from data (action plans).

use crate::content::glossary::GlossaryTerm;
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
pub fn sections(e: &Entry, html: &str, glossary: Option<&[GlossaryTerm]>) -> Vec<Section> {
    let mut out = split_html(html);
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
        let bare = tag.trim_start_matches('/');
        let name = &bare[..bare
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bare.len())];
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
        } else if is_block(name) {
            push_text(&mut out, " ", into);
        }
    }
    push_text(&mut out, rest, into);
    for s in &mut out {
        for part in [&mut s.heading, &mut s.text, &mut s.code, &mut s.shown] {
            if part.ends_with(' ') {
                part.pop();
            }
        }
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
    let decoded = decode(raw);
    if let Some(last) = out.last_mut() {
        match into {
            Part::Heading => push_squeezed(&mut last.heading, &decoded),
            Part::Text => {
                let (from, open) = (last.text.len(), at_word_start(&last.text));
                push_squeezed(&mut last.text, &decoded);
                // Squeezed once: the same text ends the same way in both unless inline code
                // left one of them at a space and the other not.
                if open == at_word_start(&last.shown) {
                    last.shown.push_str(&last.text[from..]);
                } else {
                    push_squeezed(&mut last.shown, &decoded);
                }
            }
            Part::InlineCode => {
                push_squeezed(&mut last.code, &decoded);
                push_squeezed(&mut last.code, " ");
                push_squeezed(&mut last.shown, &decoded);
            }
            Part::CodeBlock => push_squeezed(&mut last.code, &decoded),
        }
    }
}

/// Whether [`push_squeezed`] would drop a space appended to `out`.
fn at_word_start(out: &str) -> bool {
    out.is_empty() || out.ends_with(' ')
}

/// Appends text with every run of white space made one space (none at the start), and soft
/// hyphens dropped: they only show where a line breaks, the words are searched whole. A
/// space left at the end is trimmed when the section is finished ([`split_html`]).
fn push_squeezed(out: &mut String, text: &str) {
    use crate::markdown::hyphenate::SOFT_HYPHEN;
    let bytes = text.as_bytes();
    // Text is copied in runs: only what changes (a second space, a line break, a soft
    // hyphen) ends one. `after_space`: a space here would be dropped.
    let mut after_space = at_word_start(out);
    let (mut copied, mut at) = (0, 0);
    while at < bytes.len() {
        let (space, len) = match bytes[at] {
            b' ' if !after_space => {
                after_space = true;
                at += 1;
                continue;
            }
            b' ' | b'\t'..=b'\r' => (true, 1),
            b if b < 0x80 => {
                after_space = false;
                at += 1;
                continue;
            }
            // Other characters from U+00C0 (outside U+0800-U+3FFF)
            // are neither white space nor a soft hyphen: skipped undecoded.
            b @ (0xC3..=0xDF | 0xE4..=0xEF | 0xF0..=0xF4) => {
                after_space = false;
                at += match b {
                    0xC3..=0xDF => 2,
                    0xE4..=0xEF => 3,
                    _ => 4,
                };
                continue;
            }
            // Only the characters that may be white space or a soft hyphen are decoded.
            _ => match text[at..].chars().next() {
                Some(c) if c.is_whitespace() => (true, c.len_utf8()),
                Some(SOFT_HYPHEN) => (false, SOFT_HYPHEN.len_utf8()),
                Some(c) => {
                    after_space = false;
                    at += c.len_utf8();
                    continue;
                }
                None => break,
            },
        };
        out.push_str(&text[copied..at]);
        if space && !after_space {
            out.push(' ');
            after_space = true;
        }
        at += len;
        copied = at;
    }
    out.push_str(&text[copied..]);
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
    Some(decode(&tag[start..end]).into_owned())
}

/// Decodes the entities our HTML writers produce, and numeric ones.
fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
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
    std::borrow::Cow::Owned(out)
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

    #[test]
    fn squeezing_in_pieces_equals_squeezing_the_whole() {
        let alphabet = [
            ' ', ' ', '\t', '\n', '\u{a0}', '\u{ad}', '\u{2003}', '\u{1680}', '\u{3000}', '\u{85}',
            'a', 'å', 'Z', 'ł', '中', '\u{feff}', '😀',
        ];
        let mut next = crate::search::test_numbers(0x2545_f491_4f6c_dd1d);
        for _ in 0..2000 {
            let pieces: Vec<String> = (0..1 + next(4))
                .map(|_| {
                    (0..next(8))
                        .map(|_| alphabet[next(alphabet.len())])
                        .collect()
                })
                .collect();
            let mut out = String::new();
            for p in &pieces {
                push_squeezed(&mut out, p);
            }
            if out.ends_with(' ') {
                out.pop();
            }
            let whole = pieces.concat().replace('\u{ad}', "");
            let expected = whole.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(out, expected, "pieces {pieces:?}");
        }
    }

    #[test]
    fn white_space_is_squeezed_and_soft_hyphens_dropped() {
        let s = split_html(
            "<h2 id=\"k\">Kommun\u{ad}styrelse\u{ad}beredningen</h2>\n<p>  Två\t\n ord&nbsp;&nbsp;här\u{2003}och\u{a0}där </p><p>slut</p>",
        );
        assert_eq!(s[1].heading, "Kommunstyrelseberedningen");
        assert_eq!(s[1].text, "Två ord här och där slut");
        assert_eq!(s[1].shown, s[1].text);
    }
}

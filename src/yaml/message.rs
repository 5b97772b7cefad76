//! serde_norway errors as diagnostics: the line shifted to the file, a hint for the common
//! mistakes, and never the text of the file in the message.

use crate::error::{did_you_mean, Diagnostic, Position};
use crate::messages::{self as msg, Message, Text};
use crate::text;

/// The messages of serde and serde_yaml that have an entry of their own, the more specific
/// before the more general (`expected one of …` before `expected …`).
static SERDE_ENTRIES: &[&Message] = &[
    &msg::YAML_UNKNOWN_FIELD_NAMED_ONE_OF,
    &msg::YAML_UNKNOWN_FIELD_NAMED_EITHER,
    &msg::YAML_UNKNOWN_FIELD_NAMED_EXPECTED,
    &msg::YAML_UNKNOWN_FIELD_NAMED_NONE,
    &msg::YAML_UNKNOWN_FIELD_ONE_OF,
    &msg::YAML_UNKNOWN_FIELD_EITHER,
    &msg::YAML_UNKNOWN_FIELD_EXPECTED,
    &msg::YAML_UNKNOWN_FIELD_NONE,
    &msg::YAML_UNKNOWN_FIELD,
    &msg::YAML_UNKNOWN_VARIANT_NAMED_ONE_OF,
    &msg::YAML_UNKNOWN_VARIANT_NAMED_EITHER,
    &msg::YAML_UNKNOWN_VARIANT_NAMED_EXPECTED,
    &msg::YAML_UNKNOWN_VARIANT_NAMED_NONE,
    &msg::YAML_UNKNOWN_VARIANT_ONE_OF,
    &msg::YAML_UNKNOWN_VARIANT_EITHER,
    &msg::YAML_UNKNOWN_VARIANT_EXPECTED,
    &msg::YAML_UNKNOWN_VARIANT_NONE,
    &msg::YAML_UNKNOWN_VARIANT,
    &msg::YAML_INVALID_TYPE,
    &msg::YAML_INVALID_TYPE_ALONE,
    &msg::YAML_INVALID_VALUE,
    &msg::YAML_INVALID_VALUE_ALONE,
    &msg::YAML_INVALID_LENGTH,
    &msg::YAML_MISSING_FIELD,
    &msg::YAML_DUPLICATE_FIELD,
    &msg::YAML_DUPLICATE_KEY,
    &msg::YAML_TOO_DEEP,
];

/// A parser's English message as a catalogue text: its own entry where it has one (the
/// names and kinds in it are values), else the message as it is inside [`msg::YAML_PARSER`].
pub fn coded(message: &str) -> Text {
    SERDE_ENTRIES
        .iter()
        .find_map(|m| m.parse(message))
        .unwrap_or_else(|| text!(msg::YAML_PARSER, message))
}

/// Turns a serde_norway error into a diagnostic whose line is shifted by `line_offset`
/// (the number of file lines before the YAML text), with a suggestion for unknown keys.
///
/// The message holds no text of the file: the value of `invalid type: string "…"` is left
/// out (a file that is not YAML at all, a token file named as the glossary, is one string
/// value), and so is the name of `unknown field `…`` or `unknown variant `…`` unless it is
/// a near miss of an allowed name (`languag`, for which the hint suggests `language`); the
/// position and what was expected stay. The one exception is the key of `duplicate entry
/// with key "…"`, which front matter turns into "the field `…` is written twice": it is a
/// key of a file that is YAML.
pub fn yaml_diagnostic(e: &serde_norway::Error, line_offset: usize) -> Diagnostic {
    let message = without_locations(&e.to_string());
    let quoted = Quoted::find(&message);
    let mut d = Diagnostic::error(coded(
        &quoted
            .as_ref()
            .map_or_else(|| message.clone(), Quoted::without),
    ));
    if let Some(loc) = e.location() {
        d = d.at(Position::new(loc.line() + line_offset, loc.column()));
    }
    if let Some(q) = quoted.as_ref().filter(|q| q.phrase.starts_with("unknown")) {
        let allowed = q.allowed();
        let hint = match q.suggestion() {
            Some(s) => Some(text!(msg::HINT_DID_YOU_MEAN, s)),
            None if q.phrase == "unknown field " && !allowed.is_empty() => {
                Some(text!(msg::HINT_ALLOWED_KEYS, allowed.join(", ")))
            }
            None => None,
        };
        if let Some(hint) = hint {
            d = d.with_hint(hint);
        }
    } else if message.starts_with("missing field") {
        d = d.with_hint(&msg::HINT_ADD_MISSING_FIELD);
    } else if message.starts_with("recursion limit exceeded") {
        d = d
            .with_message(text!(msg::YAML_TOO_DEEP, 128))
            .with_hint(&msg::HINT_YAML_NESTING);
    } else if message.contains("while parsing a quoted scalar")
        && (message.contains("escape") || message.contains("hexadecimal"))
    {
        d = d.with_hint(&msg::HINT_YAML_ESCAPE);
    }
    d
}

/// A serde message split around the text of the file it quotes: `[path: ]<phrase><text><tail>`,
/// e.g. `invalid type: ` `string "…"` `, expected a sequence`.
struct Quoted<'m> {
    phrase: &'static str,
    text: &'m str,
    tail: &'m str,
}

impl<'m> Quoted<'m> {
    /// The phrases of serde messages that are followed by text of the file.
    const PHRASES: [&'static str; 4] = [
        "invalid type: ",
        "invalid value: ",
        "unknown field ",
        "unknown variant ",
    ];

    fn find(message: &'m str) -> Option<Quoted<'m>> {
        let (start, phrase) = Self::PHRASES
            .iter()
            .filter_map(|p| message.find(p).map(|i| (i, *p)))
            .min()?;
        let rest = &message[start + phrase.len()..];
        // What follows the quoted text comes from the program; the text itself may hold
        // anything, so the last match is the real end.
        let end = [", expected ", "`, there are no "]
            .iter()
            .filter_map(|t| rest.rfind(t).map(|i| i + usize::from(t.starts_with('`'))))
            .max()
            .unwrap_or(rest.len());
        Some(Quoted {
            phrase,
            text: &rest[..end],
            tail: &rest[end..],
        })
    }

    /// The allowed names listed after an unknown field or variant.
    fn allowed(&self) -> Vec<&'m str> {
        self.tail.split('`').skip(1).step_by(2).collect()
    }

    /// The allowed name an unknown field or variant is a near miss of.
    fn suggestion(&self) -> Option<&'m str> {
        let name = self.text.strip_prefix('`')?.strip_suffix('`')?;
        if name.chars().any(char::is_control) {
            return None;
        }
        did_you_mean(name, self.allowed())
    }

    /// The message without the quoted text: of a value, its kind stays (`string`); the name
    /// of an unknown field stays when it is a near miss (see [`yaml_diagnostic`]). The serde
    /// path before it (`.[0].expansion: `) is left out too: it may hold keys of the file,
    /// and the position points at the place.
    fn without(&self) -> String {
        if self.suggestion().is_some() {
            return format!("{}{}{}", self.phrase, self.text, self.tail);
        }
        let kind = self
            .text
            .split(['"', '`', '\''])
            .next()
            .unwrap_or("")
            .trim();
        let plain = !kind.is_empty() && kind.chars().all(|c| c.is_ascii_lowercase() || c == ' ');
        let phrase = match (self.phrase.starts_with("invalid"), plain) {
            (true, true) => format!("{}{kind}", self.phrase),
            _ => self.phrase.trim_end().trim_end_matches(':').to_string(),
        };
        format!("{phrase}{}", self.tail)
    }
}

/// A serde_norway message without its ` at line L column C` parts, which count lines from
/// the start of the YAML text rather than of the file (the diagnostic has the file line).
fn without_locations(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let line_len = digits(after);
        let tail = &after[line_len..];
        rest = match tail.strip_prefix(" column ") {
            Some(col) if line_len > 0 => &col[digits(col)..],
            _ => &after[line_len..],
        };
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for the configuration's raw form.
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Raw {
        title: String,
        #[serde(default)]
        language: Option<String>,
        #[serde(default)]
        markdown: Option<Markdown>,
        #[serde(default)]
        review: Option<Review>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Markdown {
        raw_html: RawHtml,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum RawHtml {
        Allow,
        Sanitize,
        Deny,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Review {
        warn_days: i64,
    }

    #[test]
    fn parser_messages_have_entries_and_the_rest_is_wrapped() {
        use crate::i18n::Lang;
        for (english, swedish) in [
            (
                "unknown field `languag`, expected one of `title`, `language`",
                "okänt fält `languag`, tillåtna fält: `title`, `language`",
            ),
            (
                "unknown variant, expected `allow` or `deny`",
                "okänt värde, tillåtna värden: `allow` och `deny`",
            ),
            (
                "invalid type: string, expected struct Raw",
                "fel sorts värde (string), förväntat: struct Raw",
            ),
            ("missing field `title`", "fältet `title` saknas"),
            (
                "the YAML is nested more than 128 levels deep",
                "YAML-texten har fler än 128 nivåer inuti varandra",
            ),
            (
                "mapping values are not allowed in this context",
                "YAML-texten går inte att läsa: mapping values are not allowed in this context",
            ),
        ] {
            let t = coded(english);
            assert_eq!(t.render(Lang::En), english);
            assert_eq!(t.render(Lang::Sv), swedish);
        }
    }

    #[test]
    fn yaml_messages_leave_out_the_file_text() {
        let secret = "SECRET-TOKEN-123";
        let message = |text: &str| {
            let e = serde_norway::from_str::<Raw>(text).unwrap_err();
            yaml_diagnostic(&e, 0).message
        };
        for (text, expected) in [
            (
                format!("{secret}\n"),
                "invalid type: string, expected struct Raw",
            ),
            (
                format!("title: T\n{secret}: x\n"),
                "unknown field, expected one of `title`",
            ),
            (
                format!("title: T\nmarkdown:\n  raw_html: {secret}\n"),
                "unknown variant, expected one of `allow`",
            ),
            (
                format!("title: T\nreview:\n  warn_days: {secret}\n"),
                "invalid type: string, expected i64",
            ),
            (
                format!("title: [\"{secret}`, expected \"]\n"),
                "invalid type: sequence, expected a string",
            ),
        ] {
            let m = message(&text);
            assert!(!m.contains(secret) && !m.contains("SECRET"), "{m}");
            assert!(m.contains(expected), "{m}");
        }
        // A near miss of an allowed name is shown, with the suggestion.
        let e = serde_norway::from_str::<Raw>("title: T\nlanguag: sv\n").unwrap_err();
        let d = yaml_diagnostic(&e, 0);
        assert!(
            d.message.starts_with("unknown field `languag`, expected"),
            "{}",
            d.message
        );
        assert_eq!(d.hint.as_deref(), Some("did you mean `language`?"));
        let text = "title: T\nmarkdown:\n  raw_html: sanitise\n";
        let e = serde_norway::from_str::<Raw>(text).unwrap_err();
        assert_eq!(
            yaml_diagnostic(&e, 0).hint.as_deref(),
            Some("did you mean `sanitize`?")
        );
    }
}

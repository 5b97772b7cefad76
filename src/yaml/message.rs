//! serde_norway errors as diagnostics: the line shifted to the file, a hint for the common
//! mistakes, and never the text of the file in the message.

use crate::error::{did_you_mean, Diagnostic, Position};

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
    let mut d = Diagnostic::error(
        quoted
            .as_ref()
            .map_or_else(|| message.clone(), Quoted::without),
    );
    if let Some(loc) = e.location() {
        d = d.at(Position::new(loc.line() + line_offset, loc.column()));
    }
    if let Some(q) = quoted.as_ref().filter(|q| q.phrase.starts_with("unknown")) {
        let allowed = q.allowed();
        let hint = match q.suggestion() {
            Some(s) => format!("did you mean `{s}`?"),
            None if q.phrase == "unknown field " && !allowed.is_empty() => {
                format!("allowed keys here: {}", allowed.join(", "))
            }
            None => String::new(),
        };
        if !hint.is_empty() {
            d = d.with_hint(hint);
        }
    } else if message.starts_with("missing field") {
        d = d.with_hint("add the field; see the README for the configuration keys");
    } else if message.starts_with("recursion limit exceeded") {
        d.message = "the YAML is nested more than 128 levels deep".to_string();
        d.hint = Some("write the values with fewer lists and blocks inside each other".to_string());
    } else if message.contains("while parsing a quoted scalar")
        && (message.contains("escape") || message.contains("hexadecimal"))
    {
        d = d.with_hint(
            "inside \"double quotes\" a backslash starts an escape: write \\\\ for a backslash, or use 'single quotes'",
        );
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

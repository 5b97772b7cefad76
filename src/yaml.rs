//! Reading YAML written by editors (front matter, `handbok.yaml`, the glossary) safely:
//! aliases cannot multiply a small text into gigabytes of values, and parser errors
//! become diagnostics with the file line and a hint.
//!
//! serde_norway's own limits (128 levels of nesting, alias jumps up to 100 times the number
//! of events) stop infinite expansion but not a quadratic one: an anchored list of 3,000
//! items used 3,000 times (15 KB of text) builds nine million values and takes 2 GB. So
//! every text is first walked without building anything, counting the values the aliases
//! expand to, and refused above a budget no alias-free text of that size can reach.
//!
//! Before that, one linear pass ([`depth`]) refuses texts nested more than [`MAX_DEPTH`]
//! levels deep: libyaml scans deep nesting in quadratic time before any limit applies.
//! Messages never quote the text: a secret read as YAML by mistake must not be printed.

mod depth;
mod message;

pub use message::yaml_diagnostic;

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, Visitor};

use crate::error::{Diagnostic, Position};
use crate::messages as msg;
use crate::text;
pub use depth::MAX_DEPTH;

/// Values (scalars, lists, mappings) a YAML text may expand to, whatever its size.
pub const MAX_VALUES: usize = 1_000_000;

/// Parses `text` into `T` after checking what its aliases expand to. `line_offset` is the
/// number of file lines before the text (1 for front matter after its opening `---`).
/// Decomposed letters (NFD) are composed first (NFC), so that names read from YAML compare
/// equal to the same names typed elsewhere.
pub fn from_str<T: DeserializeOwned>(text: &str, line_offset: usize) -> Result<T, Diagnostic> {
    check_depth(text, line_offset)?;
    let text = &*crate::slug::nfc(text);
    check_expansion(text, line_offset)?;
    serde_norway::from_str(text).map_err(|e| diagnostic(text, &e, line_offset))
}

/// Refuses a text nested deeper than [`MAX_DEPTH`], on the line where it goes too deep.
fn check_depth(text: &str, line_offset: usize) -> Result<(), Diagnostic> {
    match depth::too_deep(text) {
        None => Ok(()),
        Some(line) => Err(Diagnostic::error(text!(msg::YAML_TOO_DEEP, MAX_DEPTH))
            .at_line(line + line_offset)
            .with_hint(&msg::HINT_YAML_NESTING)),
    }
}

/// The most values an editor's text of `len` bytes can hold without aliases (each value
/// takes at least one byte), with room to spare, and never more than [`MAX_VALUES`].
fn budget(len: usize) -> usize {
    len.saturating_mul(2).saturating_add(10_000).min(MAX_VALUES)
}

/// Walks `text` without building values and fails once aliases expand it past the budget.
fn check_expansion(text: &str, line_offset: usize) -> Result<(), Diagnostic> {
    // Without an alias (`*name`) every value is written out, so the text cannot expand
    // past its budget: most files skip this second walk.
    if !text.contains('*') {
        return Ok(());
    }
    let limit = budget(text.len());
    let left = Cell::new(limit);
    let result = Counter { left: &left }.deserialize(serde_norway::Deserializer::from_str(text));
    match result {
        Ok(()) => Ok(()),
        Err(e) if left.get() == 0 || e.to_string().starts_with("repetition limit") => {
            Err(too_many_values(text, limit, line_offset))
        }
        // Any other problem is reported by the real parse, with its own message.
        Err(_) => Ok(()),
    }
}

fn too_many_values(text: &str, limit: usize, line_offset: usize) -> Diagnostic {
    let alias_line = text
        .lines()
        .position(|l| l.contains('*'))
        .map_or(1, |i| i + 1);
    Diagnostic::error(text!(msg::YAML_TOO_MANY_VALUES, limit))
        .at_line(alias_line + line_offset)
        .with_hint(&msg::HINT_YAML_ALIASES)
}

/// Counts every value it is shown, failing when the budget is spent.
#[derive(Clone, Copy)]
struct Counter<'a> {
    left: &'a Cell<usize>,
}

impl Counter<'_> {
    fn spend<E: de::Error>(self) -> Result<(), E> {
        match self.left.get() {
            0 => Err(E::custom("value budget spent")),
            n => {
                self.left.set(n - 1);
                Ok(())
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Counter<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Counter<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.spend()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.spend()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.spend()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.spend()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.spend()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.spend()?;
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.spend()?;
        d.deserialize_any(self)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend()?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend()?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`): the tag is the variant, the value its content.
        use de::VariantAccess;
        self.spend()?;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

/// A serde_norway error as a diagnostic on the file line, with the parser's own line
/// references taken out of the message and a hint for the common mistakes.
pub fn diagnostic(text: &str, e: &serde_norway::Error, line_offset: usize) -> Diagnostic {
    let mut d = yaml_diagnostic(e, line_offset);
    let english = without_content(&d.message);
    if english != d.message {
        d = d.with_message(message::coded(&english));
    }
    let Some(loc) = e.location() else {
        return d;
    };
    let line = text.lines().nth(loc.line().saturating_sub(1)).unwrap_or("");
    let indent = &line[..line.len() - line.trim_start().len()];
    if let Some(tab) = indent.find('\t') {
        let column = indent[..tab].chars().count() + 1;
        d = Diagnostic::error(&msg::YAML_TAB)
            .at(Position::new(loc.line() + line_offset, column))
            .with_hint(&msg::HINT_YAML_TAB);
    }
    d
}

/// What serde writes for a key written twice, without the key.
pub const DUPLICATE_KEY: &str = msg::YAML_DUPLICATE_KEY.en;

/// The beginnings of serde's messages. What comes before them is serde_norway's path of keys
/// (`extra.nyckel[0]: …`), which is the text's content.
const SERDE_MESSAGES: &[&str] = &[
    "invalid type: ",
    "invalid value: ",
    "invalid length ",
    "unknown field ",
    "unknown variant ",
    "missing field ",
    "duplicate field ",
    "duplicate entry ",
    "data did not match ",
];

/// A parser message without anything quoted from the text: the values serde names
/// (`invalid type: string "…"` → `invalid type: string`), unknown keys (unless a near miss
/// of an allowed one, `languag`, which the hint corrects) and the path of keys leading to
/// them, so that a secret read as YAML by mistake is never printed. The diagnostic's line
/// and column say where the problem is.
fn without_content(message: &str) -> String {
    let m = SERDE_MESSAGES
        .iter()
        .filter_map(|p| message.find(p))
        .min()
        .map_or(message, |i| &message[i..]);
    if m.starts_with("duplicate entry ") {
        return DUPLICATE_KEY.to_string();
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = m.strip_prefix(prefix) {
            // The value may hold anything, ", expected " too: the last one is serde's.
            let (found, tail) = rest
                .rfind(", expected ")
                .map_or((rest, ""), |i| rest.split_at(i));
            return format!("{prefix}{}{tail}", kind_found(found));
        }
    }
    for prefix in ["unknown field ", "unknown variant "] {
        if let Some(rest) = m.strip_prefix(prefix) {
            let Some(i) = ["`, expected ", "`, there are no "]
                .iter()
                .filter_map(|sep| rest.rfind(sep))
                .max()
            else {
                return prefix.trim_end().to_string();
            };
            let (name, tail) = (&rest[..=i], &rest[i + 1..]);
            let allowed = tail.split('`').skip(1).step_by(2);
            let near_miss = name
                .strip_prefix('`')
                .and_then(|n| n.strip_suffix('`'))
                .filter(|n| !n.chars().any(char::is_control))
                .and_then(|n| crate::error::did_you_mean(n, allowed));
            return match near_miss {
                Some(_) => m.to_string(),
                None => format!("{}{tail}", prefix.trim_end()),
            };
        }
    }
    m.to_string()
}

/// What serde found, by kind only: `string "…"` → `string`, `integer `5`` → `integer`.
fn kind_found(found: &str) -> &str {
    let kind = found.split(['"', '`', '\'']).next().unwrap_or("").trim();
    if !kind.is_empty() && kind.chars().all(|c| c.is_ascii_lowercase() || c == ' ') {
        kind
    } else {
        "a value"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Result<serde_norway::Value, Diagnostic> {
        from_str(text, 1)
    }

    #[test]
    fn ordinary_aliases_are_fine() {
        let v = value("a: &x [1, 2]\nb: *x\n").unwrap();
        assert_eq!(v["b"], v["a"]);
    }

    #[test]
    fn exponential_and_quadratic_alias_expansion_is_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            let refs = vec![format!("*{prev}"); 10].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let d = value(&bomb).unwrap_err();
        assert!(d.message.contains("aliases"), "{}", d.message);
        assert_eq!(d.position.unwrap().line, 3);

        let items = vec!["x"; 3000].join(",");
        let uses = vec!["*a"; 3000].join(",");
        let quadratic = format!("a: &a [{items}]\nb: [{uses}]\n");
        let d = value(&quadratic).unwrap_err();
        assert!(d.message.contains("aliases"), "{}", d.message);
    }

    #[test]
    fn a_large_text_without_aliases_is_within_budget() {
        let text: String = (0..50_000)
            .map(|i| format!("k{i}: [a, b, {{c: d}}]\n"))
            .collect();
        assert!(value(&text).is_ok());
    }

    #[test]
    fn tab_indentation_is_named() {
        let d = value("title: A\nextra:\n\tb: c\n").unwrap_err();
        assert!(d.message.contains("tab"), "{}", d.message);
        assert_eq!(d.position, Some(Position::new(4, 1)));
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Schema {
        title: String,
        list: Option<Vec<String>>,
    }

    #[test]
    fn messages_never_quote_the_text() {
        let secret = "ghp_Secret123Token";
        for text in [
            format!("{secret}\n"),
            format!("title: A\nlist: {secret}\n"),
            format!("title: A\n{secret}: x\n"),
            format!("title: [{secret}]\n"),
            format!("title: A\nlist:\n  {secret}: 5\n"),
        ] {
            let d = from_str::<Schema>(&text, 1).unwrap_err();
            assert!(!d.message.contains(secret), "{}", d.message);
            assert!(!d.hint.unwrap_or_default().contains(secret));
            assert!(d.position.is_some(), "{}", d.message);
        }
        let d = from_str::<Schema>(&format!("{secret}\n"), 0).unwrap_err();
        assert!(
            d.message.starts_with("invalid type: string, expected"),
            "{}",
            d.message
        );
        let d = from_str::<Schema>("title: A\nnyckel: 1\n", 0).unwrap_err();
        assert!(
            d.message.starts_with("unknown field, expected"),
            "{}",
            d.message
        );
        // A near miss of an allowed key is named, for the hint that corrects it.
        let d = from_str::<Schema>("title: A\nlsit: 1\n", 0).unwrap_err();
        assert!(
            d.message.starts_with("unknown field `lsit`, expected"),
            "{}",
            d.message
        );
        let d = value(&format!("a: 1\n{secret}: 2\n{secret}: 3\n")).unwrap_err();
        assert_eq!(d.message, DUPLICATE_KEY);
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let d = value(&format!("a: 1\nb: {}\n", "[".repeat(100_000))).unwrap_err();
        assert_eq!(d.message, "the YAML is nested more than 64 levels deep");
        assert_eq!(d.position, Some(Position::new(3, 1)));
    }
}

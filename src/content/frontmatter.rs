//! Splitting a Markdown file into YAML front matter and body, and validating the
//! front matter against the typed schema. Every error names the line in the file.

use std::borrow::Cow;
use std::path::Path;

use serde_norway::Value;

use crate::config::Config;
use crate::error::{did_you_mean, Diagnostic};
use crate::messages::{self as msg, Message, Text};
use crate::slug::{check_name, slugify};
use crate::text;

mod checks;
pub use checks::in_years;
use checks::{alias_path, within_length, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};

pub use crate::config::FRONT_MATTER_FIELDS as FIELDS;
pub use crate::dates::{parse_date, DateValue};

/// Validated front matter of a page or section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    pub description: Option<String>,
    pub date: Option<DateValue>,
    pub updated: Option<DateValue>,
    pub draft: bool,
    /// `search: false` keeps the page (or, on a section, everything below it that does not
    /// say `search: true`) out of the search index.
    pub search: Option<bool>,
    pub weight: Option<i64>,
    pub slug: Option<String>,
    /// Old site paths that redirect here, normalised to `a/b/`.
    pub aliases: Vec<String>,
    pub template: Option<String>,
    /// Taxonomy name → terms, in the order written.
    pub terms: Terms,
    pub extra: serde_json::Value,
    /// Document control metadata (`document:`). The three blocks are boxed: few pages have
    /// one, and inline they were two thirds of every page's front matter.
    pub document: Option<Box<super::document::DocumentControl>>,
    /// A committee's action plan (`action_plan:`).
    pub action_plan: Option<Box<super::action_plan::ActionPlan>>,
    /// A network meeting (`meeting:`).
    pub meeting: Option<Box<super::meeting::Meeting>>,
    /// Line in the file of each of the schema's own keys, for later errors (e.g. unknown
    /// template).
    pub lines: KeyLines,
}

/// A page's taxonomy terms: each taxonomy's name with its terms in the order written, the
/// taxonomies by name. A page has one or two; a map would take half a kilobyte a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms(Vec<(String, Vec<String>)>);

impl Terms {
    /// Sets taxonomy `name`'s terms.
    pub fn insert(&mut self, name: String, terms: Vec<String>) {
        match self.0.binary_search_by(|(n, _)| n.as_str().cmp(&name)) {
            Ok(at) => self.0[at].1 = terms,
            Err(at) => {
                self.0.reserve_exact(1);
                self.0.insert(at, (name, terms));
            }
        }
    }

    /// Taxonomy `name`'s terms, when the page has any.
    pub fn get(&self, name: &str) -> Option<&Vec<String>> {
        self.0
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()
            .map(|at| &self.0[at].1)
    }

    /// Every taxonomy's terms, the taxonomies by name.
    pub fn values(&self) -> impl Iterator<Item = &Vec<String>> {
        self.0.iter().map(|(_, terms)| terms)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The line in the file of each of the schema's own keys ([`FIELDS`]) that a front matter
/// has, for errors found after it is parsed (an unknown template, a clashing slug or alias):
/// a few pairs an entry, held for the whole build, instead of a map with a string for every
/// key (half a kilobyte a page, 50 MB at 100,000 pages).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyLines(Vec<(&'static str, usize)>);

impl KeyLines {
    /// Notes `key`'s line (the last one, for a key given twice); keys outside the schema's
    /// own, such as a taxonomy's, are not noted.
    fn note(&mut self, key: &str, line: usize) {
        let Some(field) = FIELDS.iter().find(|f| **f == key) else {
            return;
        };
        match self.0.iter_mut().find(|(k, _)| k == field) {
            Some(noted) => noted.1 = line,
            None => self.0.push((field, line)),
        }
    }

    /// The line of `key`, when the front matter has it.
    pub fn get(&self, key: &str) -> Option<usize> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, line)| *line)
    }
}

/// A file split into front matter and body.
#[derive(Debug)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    /// 1-based line in the file where the body starts.
    pub body_line: usize,
}

/// Splits `text` (BOM removed, LF line ends) at the `---` fences.
pub fn split(text: &str) -> Result<Split<'_>, Diagnostic> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        let message = if text.trim().is_empty() {
            &msg::FILE_EMPTY
        } else {
            &msg::NO_FRONT_MATTER
        };
        return Err(Diagnostic::error(message)
            .at_line(1)
            .with_hint(&msg::HINT_START_FRONT_MATTER));
    }
    let mut offset = (first_line_end + 1).min(text.len());
    let yaml_start = offset;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let l = text[offset..end].trim_end();
        if l == "---" || l == "..." {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset = end + 1;
        line += 1;
    }
    Err(Diagnostic::error(&msg::FM_NOT_CLOSED)
        .at_line(1)
        .with_hint(&msg::HINT_FM_CLOSE))
}

/// Parses and validates front matter YAML. `line_offset` is the number of file lines
/// before the YAML text (1 for the opening `---`).
pub fn parse(
    yaml: &str,
    line_offset: usize,
    config: &Config,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    let value: Value = crate::yaml::from_str(yaml, line_offset)
        .map_err(|d| vec![yaml_error(d, yaml, line_offset, config)])?;
    let mapping = match value {
        Value::Mapping(m) => m,
        Value::Null => Default::default(),
        other => {
            let message = if other.is_sequence() {
                &msg::FM_IS_A_LIST
            } else {
                &msg::FM_IS_A_VALUE
            };
            return Err(vec![Diagnostic::error(message)
                .at_line(line_offset + 1)
                .with_hint(&msg::HINT_ONE_FIELD_PER_LINE)]);
        }
    };
    let mut fm = FrontMatter {
        extra: serde_json::Value::Object(Default::default()),
        ..Default::default()
    };
    let mut errors = Vec::new();
    let mut has_title = false;
    let yaml_lines = super::fields::YamlLines::new(yaml);
    let key_lines = crate::config::key_lines(yaml);
    for (key, value) in mapping {
        let Some(key) = key.as_str().map(str::to_string) else {
            errors.push(
                Diagnostic::error(key_not_text(&key))
                    .at_line(line_offset + 1)
                    .with_hint(&msg::HINT_KEYS_ARE_WORDS),
            );
            continue;
        };
        let line = key_lines
            .get(key.as_str())
            .map_or(line_offset + 1, |l| l + line_offset);
        fm.lines.note(&key, line);
        if matches!(key.as_str(), "document" | "action_plan" | "meeting") {
            let block = super::fields::Block {
                yaml: &yaml_lines,
                offset: line_offset,
                parent: &key,
                item: None,
            };
            let result = match key.as_str() {
                "document" => super::document::parse(&block, value, config)
                    .map(|d| fm.document = Some(Box::new(d))),
                "action_plan" => super::action_plan::parse(&block, value)
                    .map(|p| fm.action_plan = Some(Box::new(p))),
                _ => super::meeting::parse(&block, value).map(|m| fm.meeting = Some(Box::new(m))),
            };
            errors.extend(result.err().into_iter().flatten());
            continue;
        }
        let at = |d: Diagnostic| d.at_line(line);
        if let Err(d) = apply_field(&mut fm, &key, value, config) {
            errors.push(at(d));
        } else if key == "title" {
            has_title = true;
        }
    }
    let title_mentioned = errors.iter().any(|e| {
        e.message.contains("`title`") || e.hint.as_deref().is_some_and(|h| h.contains("`title`?"))
    });
    if !has_title && !title_mentioned {
        errors.push(
            Diagnostic::error(&msg::FM_NO_TITLE)
                .at_line(line_offset)
                .with_hint(&msg::HINT_FM_ADD_TITLE),
        );
    }
    if errors.is_empty() {
        Ok(fm)
    } else {
        Err(errors)
    }
}

fn apply_field(
    fm: &mut FrontMatter,
    key: &str,
    value: Value,
    config: &Config,
) -> Result<(), Diagnostic> {
    match key {
        "title" => {
            let t = text(key, value)?;
            if t.trim().is_empty() {
                return Err(Diagnostic::error(&msg::TITLE_EMPTY).with_hint(&msg::HINT_GIVE_TITLE));
            }
            fm.title = within_length(key, t, MAX_TITLE_CHARS)?;
        }
        "description" => {
            fm.description = Some(within_length(
                key,
                text(key, value)?,
                MAX_DESCRIPTION_CHARS,
            )?)
        }
        "date" => fm.date = Some(date(key, value)?),
        "updated" => fm.updated = Some(date(key, value)?),
        "draft" => {
            fm.draft = value.as_bool().ok_or_else(|| {
                type_error(key, &msg::MUST_BE_BOOL, &value).with_hint(&msg::HINT_DRAFT)
            })?
        }
        "search" => {
            fm.search = Some(value.as_bool().ok_or_else(|| {
                type_error(key, &msg::MUST_BE_BOOL, &value).with_hint(&msg::HINT_SEARCH)
            })?)
        }
        "weight" => {
            fm.weight = Some(value.as_i64().ok_or_else(|| {
                type_error(key, &msg::MUST_BE_NUMBER, &value).with_hint(&msg::HINT_WEIGHT)
            })?)
        }
        "slug" => {
            let s = text(key, value)?;
            let clean = slugify(&s);
            if clean != s {
                let hint = if clean.is_empty() {
                    Text::from(&msg::HINT_SLUG_LETTERS)
                } else {
                    text!(msg::HINT_WRITE_SLUG, clean)
                };
                return Err(Diagnostic::error(text!(msg::SLUG_INVALID, s)).with_hint(hint));
            }
            check_name(&s)?;
            fm.slug = Some(s);
        }
        "aliases" => {
            for a in strings(key, value)? {
                fm.aliases.push(alias_path(&a)?);
            }
        }
        "template" => {
            let t = text(key, value)?;
            if !t.ends_with(".html") || t.contains("..") || t.starts_with('/') || t.contains('\\') {
                return Err(Diagnostic::error(text!(msg::TEMPLATE_NOT_A_NAME, t))
                    .with_hint(&msg::HINT_TEMPLATE_NAME));
            }
            fm.template = Some(t);
        }
        "extra" => {
            fm.extra = serde_json::to_value(&value).map_err(|e| {
                Diagnostic::error(text!(msg::EXTRA_UNUSABLE, e)).with_hint(&msg::HINT_FM_EXTRA)
            })?
        }
        _ if config.taxonomy(key).is_some() => {
            let terms = strings(key, value)?;
            if let Some(empty) = terms.iter().find(|t| slugify(t).is_empty()) {
                return Err(Diagnostic::error(text!(msg::TERM_NO_LETTERS, empty, key))
                    .with_hint(&msg::HINT_REMOVE_EMPTY_TERM));
            }
            for term in &terms {
                check_name(&slugify(term))?;
            }
            fm.terms.insert(key.to_string(), terms);
        }
        _ => {
            let known = FIELDS
                .iter()
                .copied()
                .chain(config.taxonomies.iter().map(|t| t.name.as_str()));
            let taxonomies: Vec<&str> = config.taxonomies.iter().map(|t| t.name.as_str()).collect();
            let hint = match did_you_mean(key, known) {
                Some(s) => text!(msg::HINT_DID_YOU_MEAN_FIELD, s),
                None if taxonomies.is_empty() => text!(
                    msg::HINT_KNOWN_FIELDS_NO_TAXONOMIES,
                    FIELDS.join(", "),
                    crate::config::CONFIG_FILE
                ),
                None => text!(
                    msg::HINT_KNOWN_FIELDS,
                    FIELDS.join(", "),
                    crate::config::CONFIG_FILE,
                    taxonomies.join(", ")
                ),
            };
            return Err(Diagnostic::error(text!(msg::FM_UNKNOWN_FIELD, key)).with_hint(hint));
        }
    }
    Ok(())
}

/// A YAML problem in front matter: parser messages are named as such and get a hint.
fn yaml_error(d: Diagnostic, yaml: &str, line_offset: usize, config: &Config) -> Diagnostic {
    if d.is(&msg::YAML_DUPLICATE_KEY) {
        // The parser points at the start of the mapping that holds the key twice.
        let (line, column) = d.position.map_or((0, 0), |p| {
            (
                p.line.saturating_sub(line_offset + 1),
                p.column.saturating_sub(1),
            )
        });
        let repeated = repeated_key(yaml, line, column);
        // Only a field handbok knows is named: the parser's messages never quote the text.
        let message = match repeated {
            Some((_, k))
                if column == 0 && (FIELDS.contains(&k) || config.taxonomy(k).is_some()) =>
            {
                text!(msg::FM_FIELD_TWICE, k)
            }
            _ => Text::from(&msg::FM_A_FIELD_TWICE),
        };
        let at = repeated.map_or(line, |(i, _)| i);
        return Diagnostic::error(message)
            .at_line(at + 1 + line_offset)
            .with_hint(&msg::HINT_KEEP_ONE);
    }
    // handbok's own limits are named as they are; a parser's message is said to be about
    // the front matter, with the parser's English detail as it is.
    let own = [
        &msg::YAML_TOO_DEEP,
        &msg::YAML_TOO_MANY_VALUES,
        &msg::YAML_TAB,
    ];
    let mut d = if own.iter().any(|m| d.is(m)) {
        d
    } else {
        let detail: msg::Value = match d.text() {
            Some(t) if t.is(&msg::YAML_PARSER) => t
                .values
                .first()
                .cloned()
                .unwrap_or_else(|| d.message.clone().into()),
            Some(t) => t.clone().into(),
            None => d.message.clone().into(),
        };
        let message = text!(msg::FM_NOT_YAML, detail);
        d.with_message(message)
    };
    if d.hint.is_none() {
        d = d.with_hint(&msg::HINT_FM_YAML);
    }
    d
}

/// The first key written a second time in the block mapping whose first key is at
/// 0-based `line` and `column`: its 0-based line there, and the key.
fn repeated_key(yaml: &str, line: usize, column: usize) -> Option<(usize, &str)> {
    let mut seen = std::collections::HashSet::new();
    for (i, text) in yaml.lines().enumerate().skip(line) {
        let indent = text.len() - text.trim_start().len();
        let at = if i == line { column } else { indent };
        if text.trim().is_empty() || text.trim_start().starts_with('#') || at > column {
            continue; // a blank line, a comment or a deeper block
        }
        if at < column {
            break; // the mapping ended
        }
        let key = text.get(at..)?.split_once(':')?.0.trim_end();
        if !seen.insert(key) {
            return Some((i, key));
        }
    }
    None
}

/// What a value that is not a scalar is: "a list", "a mapping", …
fn kind_of(v: &Value) -> &'static Message {
    match v {
        Value::Sequence(_) => &msg::KIND_LIST,
        Value::Mapping(_) => &msg::KIND_MAPPING,
        Value::Tagged(_) => &msg::KIND_TAGGED,
        _ => &msg::KIND_EMPTY,
    }
}

/// The message for a front matter key that is not text: a number or true/false as it is
/// written, anything else by its kind.
fn key_not_text(key: &Value) -> Text {
    match key {
        Value::String(s) => text!(msg::FM_KEY_NOT_TEXT, s),
        Value::Number(n) => text!(msg::FM_KEY_NOT_TEXT, n),
        Value::Bool(b) => text!(msg::FM_KEY_NOT_TEXT, b),
        other => text!(msg::FM_KEY_KIND_NOT_TEXT, Text::from(kind_of(other))),
    }
}

/// "`key` must be … (`expected`, which takes the key and what was found), not …".
fn type_error(key: &str, expected: &'static Message, got: &Value) -> Diagnostic {
    let found = match got {
        Value::String(s) => text!(msg::FOUND_TEXT, s),
        Value::Number(n) => text!(msg::FOUND_NUMBER, n),
        Value::Bool(b) => text!(msg::FOUND_BOOL, b),
        other => Text::from(kind_of(other)),
    };
    Diagnostic::error(text!(expected, key, found))
}

/// A scalar as text: strings as they are, numbers and booleans written out.
fn text(key: &str, value: Value) -> Result<String, Diagnostic> {
    match value {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        other => Err(type_error(key, &msg::MUST_BE_TEXT, &other)
            .with_hint(text!(msg::HINT_TEXT_ON_ONE_LINE, key))),
    }
}

/// One scalar or a list of scalars, as text.
fn strings(key: &str, value: Value) -> Result<Vec<String>, Diagnostic> {
    match value {
        Value::Sequence(items) => items.into_iter().map(|v| text(key, v)).collect(),
        Value::Null => Ok(Vec::new()),
        other => Ok(vec![text(key, other)?]),
    }
}

fn date(key: &str, value: Value) -> Result<DateValue, Diagnostic> {
    let hint = text!(msg::HINT_DATE_EXAMPLE, key, "2021-12-09");
    let raw = match value {
        Value::String(s) => s,
        other => return Err(type_error(key, &msg::MUST_BE_DATE, &other).with_hint(hint)),
    };
    let date = parse_date(raw.trim())
        .ok_or_else(|| Diagnostic::error(text!(msg::NOT_A_VALID_DATE, key, raw)).with_hint(hint))?;
    in_years(key, date)
}

/// Reads a content file's bytes as text: rejects UTF-16, NUL bytes and invalid UTF-8
/// with the line where the problem is; strips a BOM; turns CRLF into LF; composes
/// decomposed letters (NFC).
pub fn decode<'a>(bytes: &'a [u8], _path: &Path) -> Result<Cow<'a, str>, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || looks_like_utf16(bytes)
    {
        return Err(Diagnostic::error(&msg::FILE_UTF16)
            .at_line(1)
            .with_hint(&msg::HINT_SAVE_UTF8));
    }
    let text = match simdutf8::compat::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.valid_up_to();
            let line = bytes[..valid].iter().filter(|b| **b == b'\n').count() + 1;
            return Err(Diagnostic::error(&msg::FILE_NOT_UTF8)
                .at_line(line)
                .with_hint(&msg::HINT_SAVE_UTF8_PASTED));
        }
    };
    if let Some(i) = memchr::memchr(0, bytes) {
        let line = text[..i].matches('\n').count() + 1;
        return Err(Diagnostic::error(&msg::FILE_NUL)
            .at_line(line)
            .with_hint(&msg::HINT_FILE_NUL));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    // Decomposed letters (from macOS or PDFs) composed, so that headings, links and front
    // matter values compare equal to the same words typed elsewhere.
    Ok(match crate::slug::nfc(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(composed) => Cow::Owned(composed),
    })
}

/// True when the text starts like UTF-16 without a byte order mark: in (nearly) every pair
/// of bytes one is zero, as ASCII letters are in UTF-16.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(64).collect();
    let mixed = pairs.iter().filter(|p| (p[0] == 0) != (p[1] == 0)).count();
    pairs.len() >= 2 && mixed * 10 >= pairs.len() * 9
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    fn config() -> Config {
        Config::parse(
            Path::new("."),
            "title: T\ntaxonomies:\n  - name: tema\n",
            &Overrides::default(),
        )
        .unwrap()
    }

    fn parse_file(text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        let s = split(text).map_err(|d| vec![d])?;
        parse(s.yaml, 1, &config())
    }

    #[test]
    fn split_finds_body_line() {
        let s = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn the_schema_keys_lines_are_noted_for_later_errors() {
        let fm = parse_file("---\ntitle: A\ntema: [Klimat]\n\ntemplate: x.html\nslug: a\n---\n")
            .unwrap();
        assert_eq!(fm.lines.get("title"), Some(2));
        assert_eq!(fm.lines.get("template"), Some(5));
        assert_eq!(fm.lines.get("slug"), Some(6));
        assert_eq!(fm.lines.get("aliases"), None);
        // A taxonomy's key is not looked up after parsing: its line is not kept.
        assert_eq!(fm.lines.get("tema"), None);
    }

    #[test]
    fn unknown_key_on_its_file_line_with_suggestion() {
        let errs = parse_file("---\ntitle: A\ndescriptoin: x\n---\n").unwrap_err();
        assert_eq!(errs[0].position.unwrap().line, 3);
        assert!(errs[0].hint.as_deref().unwrap().contains("`description`"));
    }

    #[test]
    fn bad_date_and_bad_type() {
        let errs = parse_file("---\ntitle: A\ndate: 2021-13-45\nweight: tung\n---\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].position.unwrap().line, 3);
        assert_eq!(errs[1].position.unwrap().line, 4);
    }

    #[test]
    fn terms_of_two_taxonomies_are_found_by_name_whatever_their_order() {
        let config = Config::parse(
            Path::new("."),
            "title: T\ntaxonomies:\n  - name: tema\n  - name: fokusomrade\n",
            &Overrides::default(),
        )
        .unwrap();
        let fm = parse(
            "title: A\ntema: [Klimat]\nfokusomrade: [3, 1]\n",
            1,
            &config,
        )
        .unwrap();
        assert_eq!(fm.terms.get("tema").unwrap(), &vec!["Klimat"]);
        assert_eq!(fm.terms.get("fokusomrade").unwrap(), &vec!["3", "1"]);
        let all: Vec<&Vec<String>> = fm.terms.values().collect();
        assert_eq!(
            all,
            [&vec!["3".to_string(), "1".into()], &vec!["Klimat".into()]]
        );
    }

    #[test]
    fn terms_scalar_or_list() {
        let fm = parse_file("---\ntitle: A\ntema: [Klimat, 7]\n---\n").unwrap();
        assert_eq!(fm.terms.get("tema").unwrap(), &vec!["Klimat", "7"]);
        assert_eq!(fm.terms.get("fokusomrade"), None);
    }

    #[test]
    fn aliases_may_not_escape() {
        for bad in ["../x", "C:\\x", "/../x", "https://evil.example/"] {
            let text = format!("---\ntitle: A\naliases: ['{bad}']\n---\n");
            assert!(parse_file(&text).is_err(), "{bad} accepted");
        }
        let fm = parse_file("---\ntitle: A\naliases: [/gammal/sida]\n---\n").unwrap();
        assert_eq!(fm.aliases, vec!["gammal/sida/"]);
        let text = "---\ntitle: A\naliases: [/gammal/index.html, /xindex.html]\n---\n";
        let fm = parse_file(text).unwrap();
        assert_eq!(fm.aliases, vec!["gammal/", "xindex.html"]);
    }

    #[test]
    fn a_key_written_twice_is_named_on_its_second_line() {
        let errs = parse_file("---\ntitle: A\nweight: 1\ntitle: B\n---\n").unwrap_err();
        assert_eq!(errs[0].message, "the field `title` is written twice");
        assert_eq!(errs[0].position.unwrap().line, 4);
        let nested = "---\ntitle: A\nextra:\n  a: 1\n  b:\n    c: 2\n  a: 3\n---\n";
        let errs = parse_file(nested).unwrap_err();
        assert_eq!(errs[0].message, "a field is written twice");
        assert_eq!(errs[0].position.unwrap().line, 7);
        let secret = "---\ntitle: A\nghp_token: 1\nghp_token: 2\n---\n";
        let errs = parse_file(secret).unwrap_err();
        assert_eq!(errs[0].message, "a field is written twice");
        assert_eq!(errs[0].position.unwrap().line, 4);
    }

    #[test]
    fn yaml_error_line_is_file_line() {
        let errs = parse_file("---\ntitle: A\nbad: [unclosed\n---\n").unwrap_err();
        assert!(errs[0].position.unwrap().line >= 3);
    }

    #[test]
    fn decode_handles_bom_crlf_and_rejects_bad_bytes() {
        let t = decode(b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\n", Path::new("x")).unwrap();
        assert_eq!(t, "---\ntitle: A\n---\n");
        assert!(
            decode(b"ok\n\xff", Path::new("x"))
                .unwrap_err()
                .position
                .unwrap()
                .line
                == 2
        );
        assert!(decode(b"\xff\xfe-\0", Path::new("x"))
            .unwrap_err()
            .message
            .contains("UTF-16"));
        let utf16le: Vec<u8> = "---\ntitle: A\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(decode(&utf16le, Path::new("x"))
            .unwrap_err()
            .message
            .contains("UTF-16"));
        let nul = decode(b"---\ntitle: A\n---\nText\0\n", Path::new("x")).unwrap_err();
        assert!(nul.message.contains("NUL"), "{}", nul.message);
    }
}

//! Reading nested front matter blocks (`document:`, `action_plan:`, `meeting:`) field by
//! field, with the file line of every key for error messages.

use serde_yaml::{Mapping, Value};

use super::frontmatter::{parse_date, DateValue};
use crate::error::{did_you_mean, Diagnostic};

/// A nested mapping under a top-level front matter key.
pub struct Block<'a> {
    /// The front matter YAML text.
    pub yaml: &'a str,
    /// File lines before the YAML text.
    pub offset: usize,
    /// The top-level key holding the block, e.g. `document`.
    pub parent: &'a str,
}

impl Block<'_> {
    /// File line of the `n`th (0-based) `key:` inside the block; the parent's line if absent.
    pub fn line(&self, key: &str, n: usize) -> usize {
        let lines: Vec<&str> = self.yaml.lines().collect();
        let start = lines
            .iter()
            .position(|l| {
                l.strip_prefix(self.parent)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .unwrap_or(0);
        let found = lines
            .iter()
            .enumerate()
            .skip(start + 1)
            .take_while(|(_, l)| l.is_empty() || l.starts_with([' ', '\t', '#', '-']))
            .filter(|(_, l)| {
                let t = l.trim_start().trim_start_matches("- ").trim_start();
                t.strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .nth(n)
            .map(|(i, _)| i);
        found.unwrap_or(start) + 1 + self.offset
    }

    /// An error at `key`'s line.
    pub fn error(
        &self,
        key: &str,
        n: usize,
        message: String,
        hint: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::error(message)
            .at_line(self.line(key, n))
            .with_hint(hint)
    }

    /// The value as a mapping, or an error at the parent's line.
    pub fn mapping(&self, value: Value, example: &str) -> Result<Mapping, Diagnostic> {
        match value {
            Value::Mapping(m) => Ok(m),
            _ => Err(self.error(
                self.parent,
                0,
                format!("`{}` must be a group of fields", self.parent),
                format!(
                    "write the fields indented below it, e.g.\n  {}:\n    {example}",
                    self.parent
                ),
            )),
        }
    }

    /// Rejects keys not in `allowed`, suggesting the closest.
    pub fn check_keys(
        &self,
        map: &Mapping,
        allowed: &[&str],
        item: usize,
        errors: &mut Vec<Diagnostic>,
    ) {
        for key in map.keys() {
            let key = key.as_str().unwrap_or("?");
            if !allowed.contains(&key) {
                let hint = match did_you_mean(key, allowed.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("allowed here: {}", allowed.join(", ")),
                };
                errors.push(self.error(
                    key,
                    item,
                    format!("unknown field `{key}` in `{}`", self.parent),
                    hint,
                ));
            }
        }
    }

    /// An optional text field.
    pub fn text(
        &self,
        map: &Mapping,
        key: &str,
        item: usize,
    ) -> Result<Option<String>, Diagnostic> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(self.error(
                key,
                item,
                format!("`{key}` must be text"),
                format!("write `{key}: …` on one line"),
            )),
        }
    }

    /// An optional date field (`YYYY-MM-DD`).
    pub fn date(
        &self,
        map: &Mapping,
        key: &str,
        item: usize,
    ) -> Result<Option<DateValue>, Diagnostic> {
        let Some(text) = self.text(map, key, item)? else {
            return Ok(None);
        };
        parse_date(&text).map(Some).ok_or_else(|| {
            self.error(
                key,
                item,
                format!("`{key}` is not a valid date: `{text}`"),
                format!("write the date as YYYY-MM-DD, e.g. `{key}: 2024-12-31`"),
            )
        })
    }

    /// An optional list of text items (a single text counts as a list of one).
    pub fn texts(&self, map: &Mapping, key: &str, item: usize) -> Result<Vec<String>, Diagnostic> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Sequence(items)) => items
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.trim().to_string()),
                    Value::Number(n) => Ok(n.to_string()),
                    _ => Err(self.error(
                        key,
                        item,
                        format!("every item of `{key}` must be text"),
                        "write one `- text` line per item",
                    )),
                })
                .collect(),
            Some(Value::String(s)) => Ok(vec![s.trim().to_string()]),
            Some(_) => Err(self.error(
                key,
                item,
                format!("`{key}` must be a list of text"),
                "write one `- text` line per item",
            )),
        }
    }
}

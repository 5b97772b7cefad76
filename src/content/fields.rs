//! Reading nested front matter blocks (`document:`, `action_plan:`, `meeting:`) field by
//! field, with the file line of every key for error messages.

use serde_yaml::{Mapping, Value};

use super::frontmatter::{parse_date, DateValue};
use crate::error::{did_you_mean, Diagnostic};

/// A nested mapping under a top-level front matter key, or one item of a list in it.
#[derive(Clone, Copy)]
pub struct Block<'a> {
    /// The front matter YAML text.
    pub yaml: &'a str,
    /// File lines before the YAML text.
    pub offset: usize,
    /// The top-level key holding the block, e.g. `document`.
    pub parent: &'a str,
    /// When set: the block is item `n` of the list under this key (`focus_areas`, `agenda`).
    pub item: Option<(&'a str, usize)>,
}

/// Whether a YAML line holds `key:` (also as the first key of a list item, `- key:`).
fn holds_key(line: &str, key: &str) -> bool {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    t.strip_prefix(key)
        .is_some_and(|r| r.trim_start().starts_with(':'))
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

impl<'a> Block<'a> {
    /// A block for item `n` of the list under `list` in this block.
    pub fn for_item(&self, list: &'a str, n: usize) -> Block<'a> {
        Block {
            item: Some((list, n)),
            ..*self
        }
    }

    /// The 0-based YAML line range `[start, end)` this block covers; `start` is the line
    /// of its key (or of its item's `-`).
    fn range(&self) -> (usize, usize) {
        let lines: Vec<&str> = self.yaml.lines().collect();
        let start = lines
            .iter()
            .position(|l| {
                l.strip_prefix(self.parent)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .unwrap_or(0);
        let end = (start + 1..lines.len())
            .find(|i| !(lines[*i].is_empty() || lines[*i].starts_with([' ', '\t', '#', '-'])))
            .unwrap_or(lines.len());
        let Some((list, n)) = self.item else {
            return (start, end);
        };
        let Some(list_line) = (start + 1..end).find(|i| holds_key(lines[*i], list)) else {
            return (start, end);
        };
        let list_indent = indent(lines[list_line]);
        let list_end = (list_line + 1..end)
            .find(|i| {
                let l = lines[*i];
                !l.trim().is_empty() && indent(l) <= list_indent && !l.trim_start().starts_with('-')
            })
            .unwrap_or(end);
        let items: Vec<usize> = (list_line + 1..list_end)
            .filter(|i| lines[*i].trim_start().starts_with('-'))
            .collect();
        let item_indent = items.iter().map(|i| indent(lines[*i])).min().unwrap_or(0);
        let starts: Vec<usize> = items
            .into_iter()
            .filter(|i| indent(lines[*i]) == item_indent)
            .collect();
        match starts.get(n) {
            Some(s) => (*s, starts.get(n + 1).copied().unwrap_or(list_end)),
            None => (list_line, list_end),
        }
    }

    /// File line of the `n`th (0-based) `key:` inside the block; the block's own line if absent.
    pub fn line(&self, key: &str, n: usize) -> usize {
        let lines: Vec<&str> = self.yaml.lines().collect();
        let (start, end) = self.range();
        let from = if self.item.is_some() {
            start
        } else {
            start + 1
        };
        let found = (from..end).filter(|i| holds_key(lines[*i], key)).nth(n);
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

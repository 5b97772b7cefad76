//! Reading nested front matter blocks (`document:`, `action_plan:`, `meeting:`) field by
//! field, with the file line of every key for error messages.

use std::cell::RefCell;
use std::collections::HashMap;

use serde_norway::{Mapping, Value};

use super::frontmatter::{in_years, parse_date, DateValue};
use crate::error::{did_you_mean, Diagnostic};
use crate::messages as msg;
use crate::text;

/// The lines of a front matter's YAML text, with the line ranges of its blocks and the
/// lines of their keys worked out once and remembered: a block with thousands of keys or
/// list items then costs linear time, not a rescan of the text for every message.
pub struct YamlLines<'a> {
    lines: Vec<&'a str>,
    /// `[start, end)` of each top-level block, by its key.
    blocks: RefCell<HashMap<String, (usize, usize)>>,
    /// The line of each item of a list in a block, by block key and list key, with the
    /// line of the list's key and the end of the list.
    lists: RefCell<HashMap<(String, String), List>>,
    /// The lines holding each key inside a block or list item.
    keys: RefCell<HashMap<BlockId, HashMap<String, Vec<usize>>>>,
}

#[derive(Clone)]
struct List {
    line: usize,
    end: usize,
    items: std::rc::Rc<Vec<usize>>,
}

/// A block's key, and the list key and index of an item in it.
type BlockId = (String, Option<(String, usize)>);

impl<'a> YamlLines<'a> {
    pub fn new(yaml: &'a str) -> Self {
        YamlLines {
            lines: yaml.lines().collect(),
            blocks: RefCell::default(),
            lists: RefCell::default(),
            keys: RefCell::default(),
        }
    }
}

/// A nested mapping under a top-level front matter key, or one item of a list in it.
#[derive(Clone, Copy)]
pub struct Block<'a> {
    /// The front matter YAML text, split into lines.
    pub yaml: &'a YamlLines<'a>,
    /// File lines before the YAML text.
    pub offset: usize,
    /// The top-level key holding the block, e.g. `document`.
    pub parent: &'a str,
    /// When set: the block is item `n` of the list under this key (`focus_areas`, `agenda`).
    pub item: Option<(&'a str, usize)>,
}

/// The key a YAML line holds (also as the first key of a list item, `- key:`): the text
/// before the first `:` that ends the line or is followed by white space.
fn key_of(line: &str) -> Option<&str> {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    let colon = t
        .match_indices(':')
        .map(|(i, _)| i)
        .find(|i| t[i + 1..].chars().next().is_none_or(char::is_whitespace))?;
    Some(t[..colon].trim_end())
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

    /// The 0-based line range `[start, end)` of the top-level block; `start` is the line of
    /// its key.
    fn block_range(&self) -> (usize, usize) {
        if let Some(r) = self.yaml.blocks.borrow().get(self.parent) {
            return *r;
        }
        let lines = &self.yaml.lines;
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
        self.yaml
            .blocks
            .borrow_mut()
            .insert(self.parent.to_string(), (start, end));
        (start, end)
    }

    /// The list under `list` in the block: its key's line, its end and its items' lines.
    fn list(&self, list: &'a str) -> Option<List> {
        let id = (self.parent.to_string(), list.to_string());
        if let Some(l) = self.yaml.lists.borrow().get(&id) {
            return Some(l.clone());
        }
        let (start, end) = self.block_range();
        let lines = &self.yaml.lines;
        let list_line = (start + 1..end).find(|i| holds_key(lines[*i], list))?;
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
        let found = List {
            line: list_line,
            end: list_end,
            items: std::rc::Rc::new(starts),
        };
        self.yaml.lists.borrow_mut().insert(id, found.clone());
        Some(found)
    }

    /// The 0-based YAML line range `[start, end)` this block covers; `start` is the line
    /// of its key (or of its item's `-`).
    fn range(&self) -> (usize, usize) {
        let (start, end) = self.block_range();
        let Some((list, n)) = self.item else {
            return (start, end);
        };
        let Some(l) = self.list(list) else {
            return (start, end);
        };
        match l.items.get(n) {
            Some(s) => (*s, l.items.get(n + 1).copied().unwrap_or(l.end)),
            None => (l.line, l.end),
        }
    }

    /// File line of the `n`th (0-based) `key:` inside the block; the block's own line if absent.
    pub fn line(&self, key: &str, n: usize) -> usize {
        let (start, end) = self.range();
        let id = (
            self.parent.to_string(),
            self.item.map(|(list, n)| (list.to_string(), n)),
        );
        if !self.yaml.keys.borrow().contains_key(&id) {
            let from = if self.item.is_some() {
                start
            } else {
                start + 1
            };
            let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
            for i in from..end {
                if let Some(k) = key_of(self.yaml.lines[i]) {
                    keys.entry(k.to_string()).or_default().push(i);
                }
            }
            self.yaml.keys.borrow_mut().insert(id.clone(), keys);
        }
        let found = self
            .yaml
            .keys
            .borrow()
            .get(&id)
            .and_then(|keys| keys.get(key))
            .and_then(|lines| lines.get(n).copied());
        found.unwrap_or(start) + 1 + self.offset
    }

    /// An error at `key`'s line.
    pub fn error(
        &self,
        key: &str,
        n: usize,
        message: impl Into<crate::error::Said>,
        hint: impl Into<crate::error::Said>,
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
                text!(msg::FIELD_NOT_A_GROUP, self.parent),
                text!(msg::HINT_GROUP_EXAMPLE, self.parent, example),
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
                    Some(s) => text!(msg::HINT_DID_YOU_MEAN, s),
                    None => text!(msg::HINT_ALLOWED_HERE, allowed.join(", ")),
                };
                errors.push(self.error(
                    key,
                    item,
                    text!(msg::BLOCK_UNKNOWN_FIELD, key, self.parent),
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
                text!(msg::FIELD_NOT_TEXT, key),
                text!(msg::HINT_VALUE_ON_ONE_LINE, key),
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
        let date = parse_date(&text).ok_or_else(|| {
            self.error(
                key,
                item,
                text!(msg::NOT_A_VALID_DATE, key, text),
                text!(msg::HINT_DATE_EXAMPLE, key, "2024-12-31"),
            )
        })?;
        in_years(key, date)
            .map(Some)
            .map_err(|d| d.at_line(self.line(key, item)))
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
                        text!(msg::LIST_ITEM_NOT_TEXT, key),
                        &msg::HINT_ONE_ITEM_PER_LINE,
                    )),
                })
                .collect(),
            Some(Value::String(s)) => Ok(vec![s.trim().to_string()]),
            Some(_) => Err(self.error(
                key,
                item,
                text!(msg::FIELD_NOT_A_LIST, key),
                &msg::HINT_ONE_ITEM_PER_LINE,
            )),
        }
    }
}

//! The glossary data file (`glossary.file` in handbok.yaml): a YAML list of terms with
//! their expansion and definition, validated with file lines in every error.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::{Config, CONFIG_FILE};
use crate::error::Diagnostic;
use crate::inside::Inside;
use crate::messages as msg;
use crate::slug::slugify;
use crate::text;

/// One glossary term.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    /// The word or abbreviation as it is written in the text (`NSH`).
    pub term: String,
    /// The short expansion shown as `<abbr title>` (`Nätverk för social hållbarhet`).
    /// Only terms with an expansion are marked in the pages.
    #[serde(default)]
    pub expansion: Option<String>,
    /// A longer explanation for the glossary page.
    #[serde(default)]
    pub definition: Option<String>,
    /// The anchor on the glossary page; the slug of `term` by default.
    #[serde(default)]
    pub id: String,
    /// Free fields for the glossary template.
    #[serde(default)]
    pub extra: Option<serde_json::Value>,
}

/// Loads the glossary named in the config, or nothing when none is configured. The file
/// must resolve inside the site folder (after links) and be an ordinary file.
pub fn load(config: &Config) -> Result<Vec<GlossaryTerm>, Vec<Diagnostic>> {
    let Some(g) = &config.glossary else {
        return Ok(Vec::new());
    };
    let path = config.root.join(&g.file);
    Inside::site(&config.root)
        .check_file(&path, Path::new(&g.file))
        .map_err(|d| vec![d])?;
    let text = std::fs::read_to_string(&path).map_err(|e| {
        let config_text =
            std::fs::read_to_string(config.root.join(CONFIG_FILE)).unwrap_or_default();
        vec![
            Diagnostic::error(text!(msg::GLOSSARY_CANNOT_READ, g.file, e))
                .in_file(CONFIG_FILE)
                .at_line(crate::config::key_line(&config_text, "glossary").unwrap_or(1))
                .with_hint(&msg::HINT_GLOSSARY_CANNOT_READ),
        ]
    })?;
    parse(&text, &g.file)
}

/// Parses glossary YAML (`shown` names the file in messages).
pub fn parse(text: &str, shown: &str) -> Result<Vec<GlossaryTerm>, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut terms: Vec<GlossaryTerm> = crate::yaml::from_str::<Option<Vec<GlossaryTerm>>>(text, 0)
        .map_err(|d| {
            let mut d = d.in_file(shown);
            if d.hint.is_none() {
                d = d.with_hint(&msg::HINT_GLOSSARY_LIST);
            }
            vec![d]
        })?
        .unwrap_or_default();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let items = item_lines(text);
    for (n, t) in terms.iter_mut().enumerate() {
        let line = items.get(n).copied().unwrap_or(1);
        if t.id.is_empty() {
            t.id = slugify(&t.term);
        }
        if t.term.trim().is_empty() || t.id.is_empty() || t.id != slugify(&t.id) {
            errors.push(
                Diagnostic::error(text!(msg::GLOSSARY_TERM_INVALID, t.term))
                    .in_file(shown)
                    .at_line(line)
                    .with_hint(&msg::HINT_GLOSSARY_TERM),
            );
        } else if !seen.insert(t.id.clone()) {
            errors.push(
                Diagnostic::error(text!(msg::GLOSSARY_TERM_TWICE, t.term, t.id))
                    .in_file(shown)
                    .at_line(line)
                    .with_hint(&msg::HINT_GLOSSARY_TERM_TWICE),
            );
        }
    }
    if errors.is_empty() {
        Ok(terms)
    } else {
        Err(errors)
    }
}

/// The 1-based line where each item of a YAML block list starts (its `-` at the list's
/// indentation), in one pass; empty for a list written in flow style (`[…]`).
fn item_lines(text: &str) -> Vec<usize> {
    let dashes: Vec<(usize, usize)> = text
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let t = l.trim_start();
            (t == "-" || t.starts_with("- ")).then(|| (i + 1, l.len() - t.len()))
        })
        .collect();
    let indent = dashes.iter().map(|(_, d)| *d).min().unwrap_or(0);
    dashes
        .into_iter()
        .filter(|(_, d)| *d == indent)
        .map(|(line, _)| line)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_default_to_slugs_and_unknown_keys_fail_with_line() {
        let terms = parse(
            "- term: Sösk\n- term: NSH\n  expansion: Nätverk för social hållbarhet\n",
            "g.yaml",
        )
        .unwrap();
        assert_eq!(terms[0].id, "sosk");
        assert_eq!(
            terms[1].expansion.as_deref(),
            Some("Nätverk för social hållbarhet")
        );
        let errs = parse("- term: NSH\n  expansoin: x\n", "g.yaml").unwrap_err();
        assert_eq!(errs[0].position.unwrap().line, 2);
        assert!(errs[0].hint.as_deref().unwrap().contains("expansion"));
        let errs = parse(
            "- term: A\n  expansion: x\n  extra:\n    - a\n-   term: B\n- term: a\n",
            "g.yaml",
        )
        .unwrap_err();
        assert_eq!(errs[0].position.unwrap().line, 6, "{errs:?}");
    }
}

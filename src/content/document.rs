//! Document control metadata (`document:` in front matter): what kind of governing document
//! a page is, who owns and decided it, under which diary number, and when it must be reviewed.

use serde::Serialize;
use serde_norway::Value;

use super::fields::Block;
use super::frontmatter::DateValue;
use crate::config::Config;
use crate::error::{did_you_mean, Diagnostic};
use crate::messages as msg;
use crate::text;

/// The keys of a `document:` block.
pub const DOCUMENT_FIELDS: &[&str] = &[
    "type",
    "owner",
    "decided_by",
    "decision_date",
    "paragraph",
    "dnr",
    "established",
    "adopted",
    "revised",
    "valid_until",
    "review_by",
    "references",
];

/// Validated document control metadata.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct DocumentControl {
    /// Document type, one of the config's `document_types` (e.g. `anvisning`).
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// Owner: a role or unit.
    pub owner: Option<String>,
    /// Who decided it: kommunfullmäktige, kommunstyrelsen, a nämnd, a styrgrupp.
    pub decided_by: Option<String>,
    pub decision_date: Option<DateValue>,
    /// Paragraph of the decision, normalised to `§ 134`.
    pub paragraph: Option<String>,
    /// Diary number, e.g. `KS 2023/474`.
    pub dnr: Option<String>,
    /// When the document was drawn up (*datum för upprättande*): for documents that are
    /// not adopted by a decision, such as a steering group's own instructions.
    pub established: Option<DateValue>,
    pub adopted: Option<DateValue>,
    pub revised: Option<DateValue>,
    pub valid_until: Option<DateValue>,
    pub review_by: Option<DateValue>,
    /// Other decisions or documents this one refers to, as text.
    pub references: Vec<String>,
    /// File line of each field, for later messages (review dates).
    #[serde(skip)]
    pub lines: std::collections::BTreeMap<&'static str, usize>,
}

/// Parses a `document:` block.
pub fn parse(
    block: &Block<'_>,
    value: Value,
    config: &Config,
) -> Result<DocumentControl, Vec<Diagnostic>> {
    let map = block
        .mapping(value, "type: anvisning")
        .map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    block.check_keys(&map, DOCUMENT_FIELDS, 0, &mut errors);
    let mut ok = |r: Result<Option<String>, Diagnostic>| {
        r.unwrap_or_else(|d| {
            errors.push(d);
            None
        })
    };
    let doc_type = ok(block.text(&map, "type", 0));
    let owner = ok(block.text(&map, "owner", 0));
    let decided_by = ok(block.text(&map, "decided_by", 0));
    let paragraph = ok(block.text(&map, "paragraph", 0));
    let dnr = ok(block.text(&map, "dnr", 0));
    let mut dated = |key: &str| {
        block.date(&map, key, 0).unwrap_or_else(|d| {
            errors.push(d);
            None
        })
    };
    let lines = DOCUMENT_FIELDS
        .iter()
        .filter(|k| map.contains_key(**k))
        .map(|k| (*k, block.line(k, 0)))
        .collect();
    let doc = DocumentControl {
        lines,
        decision_date: dated("decision_date"),
        established: dated("established"),
        adopted: dated("adopted"),
        revised: dated("revised"),
        valid_until: dated("valid_until"),
        review_by: dated("review_by"),
        references: block.texts(&map, "references", 0).unwrap_or_else(|d| {
            errors.push(d);
            Vec::new()
        }),
        paragraph: paragraph.map(|p| normalise_paragraph(&p)),
        doc_type,
        owner,
        decided_by,
        dnr,
    };
    validate(block, &doc, config, &mut errors);
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors)
    }
}

fn validate(
    block: &Block<'_>,
    doc: &DocumentControl,
    config: &Config,
    errors: &mut Vec<Diagnostic>,
) {
    if let Some(t) = &doc.doc_type {
        if !config.document_types.iter().any(|k| k == t) {
            let hint = match did_you_mean(t, config.document_types.iter().map(String::as_str)) {
                Some(s) => text!(msg::HINT_DID_YOU_MEAN_TYPE, s),
                None => text!(msg::HINT_USE_ONE_OF, config.document_types.join(", ")),
            };
            errors.push(block.error("type", 0, text!(msg::UNKNOWN_DOCUMENT_TYPE, t), hint));
        }
    }
    if let Some(dnr) = &doc.dnr {
        if !is_dnr(dnr) {
            errors.push(block.error(
                "dnr",
                0,
                text!(msg::NOT_A_DIARY_NUMBER, dnr),
                &msg::HINT_DIARY_NUMBER,
            ));
        }
    }
    if let Some(p) = &doc.paragraph {
        if !p
            .trim_start_matches("§ ")
            .chars()
            .all(|c| c.is_ascii_digit())
        {
            errors.push(block.error(
                "paragraph",
                0,
                text!(msg::NOT_A_PARAGRAPH, p),
                &msg::HINT_PARAGRAPH,
            ));
        }
    }
    // A document is revised, valid and reviewed after it was drawn up and after it was
    // adopted; it is adopted after it was drawn up.
    let order = [
        ("adopted", &doc.adopted, "established", &doc.established),
        ("revised", &doc.revised, "established", &doc.established),
        (
            "valid_until",
            &doc.valid_until,
            "established",
            &doc.established,
        ),
        ("review_by", &doc.review_by, "established", &doc.established),
        ("revised", &doc.revised, "adopted", &doc.adopted),
        ("valid_until", &doc.valid_until, "adopted", &doc.adopted),
        ("review_by", &doc.review_by, "adopted", &doc.adopted),
    ];
    for (key, date, before, earlier) in order {
        if let (Some(d), Some(a)) = (date, earlier) {
            if d.date < a.date {
                errors.push(block.error(
                    key,
                    0,
                    text!(msg::DATE_BEFORE, key, d.iso, before, a.iso),
                    &msg::HINT_DATE_ORDER,
                ));
            }
        }
    }
}

/// `134`, `§134`, `§ 134` → `§ 134`.
fn normalise_paragraph(p: &str) -> String {
    format!("§ {}", p.trim().trim_start_matches('§').trim())
}

/// A Swedish diary number: a registry of capital letters (optionally with a hyphenated part),
/// a space, a four-digit year, `/` and a serial number: `KS 2023/474`, `SN-IFO 2022/12`.
pub fn is_dnr(s: &str) -> bool {
    let Some((registry, rest)) = s.split_once(' ') else {
        return false;
    };
    let registry_ok = !registry.is_empty()
        && registry.split('-').all(|part| {
            (1..=10).contains(&part.chars().count())
                && part.chars().all(|c| c.is_uppercase() && c.is_alphabetic())
        });
    let Some((year, number)) = rest.split_once('/') else {
        return false;
    };
    registry_ok
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && (1..=7).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diary_numbers() {
        assert!(is_dnr("KS 2023/474"));
        assert!(is_dnr("SN-IFO 2022/12"));
        assert!(is_dnr("TSN 2023/0123"));
        for bad in [
            "KS2023/474",
            "ks 2023/474",
            "KS 23/474",
            "KS 2023-474",
            "KS 2023/",
            "KS 2023/47a",
        ] {
            assert!(!is_dnr(bad), "{bad}");
        }
    }

    #[test]
    fn paragraphs_are_normalised() {
        assert_eq!(normalise_paragraph("134"), "§ 134");
        assert_eq!(normalise_paragraph("§134"), "§ 134");
    }
}

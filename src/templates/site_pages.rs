//! Template views of the site's own pages: the glossary's letters, the start page's recent
//! changes, and the link from a focus area's term page to the focus area. Part of the
//! template API (themes/default/README.md).

use serde::Serialize;

use crate::content::glossary::GlossaryTerm;
use crate::site::Site;
use crate::slug::swedish_sort_key;

/// One letter of the glossary: its terms, in Swedish order.
#[derive(Debug, Serialize)]
pub struct GlossaryLetter<'a> {
    /// The letter as shown (`A`, `Ö`).
    pub letter: String,
    /// The id of the letter's group on the glossary page (`bokstav-a`, `bokstav-o-ring` …).
    pub id: String,
    pub terms: Vec<&'a GlossaryTerm>,
}

/// The glossary's terms by first letter, in Swedish alphabetical order (Å, Ä, Ö last), only
/// letters that have terms. Terms that do not begin with a letter are grouped under `#`.
pub fn glossary_letters(terms: &[GlossaryTerm]) -> Vec<GlossaryLetter<'_>> {
    let mut sorted: Vec<&GlossaryTerm> = terms.iter().collect();
    sorted.sort_by_cached_key(|t| (swedish_sort_key(&t.term), t.id.clone()));
    let mut letters: Vec<GlossaryLetter> = Vec::new();
    for term in sorted {
        let letter = first_letter(&term.term);
        match letters.last_mut() {
            Some(last) if last.letter == letter => last.terms.push(term),
            _ => letters.push(GlossaryLetter {
                id: letter_id(&letter),
                letter,
                terms: vec![term],
            }),
        }
    }
    letters
}

/// The letter a term is listed under, as it sorts: `Å`, `Ä`, `Ö` apart, accented letters
/// with their base letter (`É` under `E`), `#` for a digit or a sign.
fn first_letter(term: &str) -> String {
    let z = u32::from('z');
    let letter = match swedish_sort_key(term.trim()).first().copied() {
        Some(k) if k == z + 1 => 'Å',
        Some(k) if k == z + 2 => 'Ä',
        Some(k) if k == z + 3 => 'Ö',
        Some(k) if (u32::from('a')..=z).contains(&k) => {
            char::from_u32(k).map_or('#', |c| c.to_ascii_uppercase())
        }
        _ => '#',
    };
    letter.to_string()
}

/// A letter's id: ASCII, and distinct for Å, Ä and Ö (whose slugs would be `a` and `o`).
fn letter_id(letter: &str) -> String {
    let name = match letter {
        "Å" => "a-ring".to_string(),
        "Ä" => "a-prickar".to_string(),
        "Ö" => "o-prickar".to_string(),
        "#" => "ovriga".to_string(),
        other => other.to_ascii_lowercase(),
    };
    format!("bokstav-{name}")
}

/// An entry in the start page's recent changes.
#[derive(Debug, Serialize)]
pub struct RecentView<'a> {
    pub title: &'a str,
    /// Site path; link to it as `{{ root }}{{ x.path }}`.
    pub path: &'a str,
    pub description: Option<&'a str>,
    /// When the entry last changed: its `updated`, else its file's last commit (git), else
    /// its `date` (`YYYY-MM-DD` or RFC 3339).
    pub date: String,
    /// `updated` (a change: `updated` or git) or `date` (only the publication date is known).
    pub field: &'static str,
}

/// The entries that changed last, as the model chose them ([`Site::recent`]).
pub fn recent(site: &Site) -> Vec<RecentView<'_>> {
    site.recent
        .iter()
        .filter_map(|&id| {
            let e = &site.entries[id];
            let f = &e.source.front;
            let last = site.last_changed(id)?;
            Some(RecentView {
                title: &f.title,
                path: &e.path,
                description: f.description.as_deref(),
                date: last.when.iso,
                field: if last.is_change { "updated" } else { "date" },
            })
        })
        .collect()
}

/// `term.focus_area` on a term page: the focus area of the same name.
#[derive(Debug, Serialize)]
pub struct FocusAreaLink<'a> {
    pub number: u32,
    pub name: &'a str,
    /// Site path of the focus area's page.
    pub path: &'a str,
    /// How many committees' plans have the focus area.
    pub plans: usize,
}

/// The focus area whose name is term `term` of taxonomy `taxonomy`, if any.
pub fn focus_area_of_term(site: &Site, taxonomy: usize, term: usize) -> Option<FocusAreaLink<'_>> {
    site.matrix
        .focus_area_of_term(taxonomy, term)
        .map(|a| FocusAreaLink {
            number: a.number,
            name: &a.name,
            path: &a.path,
            plans: a.cells.len(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(name: &str) -> GlossaryTerm {
        GlossaryTerm {
            term: name.to_string(),
            expansion: None,
            definition: None,
            id: crate::slug::slugify(name),
            extra: None,
        }
    }

    #[test]
    fn letters_in_swedish_order_with_distinct_ids() {
        let terms: Vec<GlossaryTerm> = [
            "Östra", "ggr", "Ärende", "KS", "Åtgärd", "ANDTS", "BUP", "3R", "Émile", "eko",
        ]
        .into_iter()
        .map(term)
        .collect();
        let letters = glossary_letters(&terms);
        let shown: Vec<(&str, &str, usize)> = letters
            .iter()
            .map(|l| (l.letter.as_str(), l.id.as_str(), l.terms.len()))
            .collect();
        assert_eq!(
            shown,
            [
                ("#", "bokstav-ovriga", 1),
                ("A", "bokstav-a", 1),
                ("B", "bokstav-b", 1),
                ("E", "bokstav-e", 2),
                ("G", "bokstav-g", 1),
                ("K", "bokstav-k", 1),
                ("Å", "bokstav-a-ring", 1),
                ("Ä", "bokstav-a-prickar", 1),
                ("Ö", "bokstav-o-prickar", 1),
            ]
        );
    }
}

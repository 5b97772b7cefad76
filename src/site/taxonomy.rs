//! Taxonomies: for each one declared in the config, its terms and the entries that use them.

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use super::Site;
use crate::config::TaxonomyConfig;
use crate::slug::{slugify, swedish_sort_key};

/// One taxonomy with its terms, in Swedish alphabetical order.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub config: TaxonomyConfig,
    /// Site path of the overview page, e.g. `fokusomrade/`.
    pub path: String,
    pub terms: Vec<Term>,
}

/// A term and the entries tagged with it, ordered by title.
#[derive(Debug, Clone)]
pub struct Term {
    pub name: String,
    pub slug: String,
    /// Site path of the term page, e.g. `tema/klimat/`.
    pub path: String,
    pub entries: Vec<usize>,
}

impl Taxonomy {
    pub fn term_by_name(&self, name: &str) -> Option<&Term> {
        let slug = slugify(name);
        self.terms.iter().find(|t| t.slug == slug)
    }
}

/// Collects the terms of every configured taxonomy. Spellings that give the same slug
/// ("Malmö", "malmö") are one term, shown in the spelling that sorts first.
pub fn collect(site: &Site) -> Vec<Taxonomy> {
    site.config
        .taxonomies
        .par_iter()
        .map(|config| {
            let path = format!("{}/", config.slug);
            // Terms by slug: (the spelling shown, the entries). A site has few terms used on
            // many pages, so each spelling is slugified once.
            let mut by_slug: FxHashMap<String, usize> = FxHashMap::default();
            let mut by_name: FxHashMap<&str, usize> = FxHashMap::default();
            let mut found: Vec<(String, String, Vec<usize>)> = Vec::new();
            for (id, e) in site.entries.iter().enumerate() {
                for name in e.source.front.terms.get(&config.name).into_iter().flatten() {
                    let term = *by_name.entry(name.as_str()).or_insert_with(|| {
                        *by_slug.entry(slugify(name)).or_insert_with_key(|slug| {
                            found.push((slug.clone(), name.clone(), Vec::new()));
                            found.len() - 1
                        })
                    });
                    let (_, shown, entries) = &mut found[term];
                    if name < shown {
                        *shown = name.clone();
                    }
                    if entries.last() != Some(&id) {
                        entries.push(id);
                    }
                }
            }
            let mut terms: Vec<Term> = found
                .into_par_iter()
                .map(|(slug, name, mut entries)| {
                    entries.sort_unstable_by_key(|id| site.titles.rank(*id));
                    Term {
                        path: format!("{path}{slug}/"),
                        name,
                        slug,
                        entries,
                    }
                })
                .collect();
            terms.sort_by_cached_key(|t| (natural_key(&t.name), t.slug.clone()));
            Taxonomy {
                config: config.clone(),
                path,
                terms,
            }
        })
        .collect()
}

/// Sorts leading numbers numerically ("2 …" before "10 …"), the rest in Swedish order.
fn natural_key(name: &str) -> (u64, Vec<u32>) {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse().unwrap_or(u64::MAX);
    (number, swedish_sort_key(name))
}

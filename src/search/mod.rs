//! The search index, built by `handbok build` from the rendered pages: Swedish stems and
//! decompounded parts, BM25 scores computed at build time, cut into small files so that a
//! query downloads only the chunks it needs. The browser client is `search.js` in the theme;
//! [`query`] evaluates queries the same way in Rust (tests, `handbok search`).
//!
//! Files below `sok/` (next to the search page):
//! - `index.json`: manifest (document count, first term of every chunk, stop words);
//! - `i/N.json`: postings, `{stem: [doc, score, section, …]}`, at most [`MAX_POSTINGS`] best
//!   documents a stem (a word on more pages than that finds its best pages first anyway);
//! - `f/N.json`: what a result shows, for [`FRAGMENTS_PER_FILE`] documents a file (document
//!   `d` is item `d % FRAGMENTS_PER_FILE` of file `d / FRAGMENTS_PER_FILE`): `{"t": title,
//!   "u": path, "s": section, "d": description, "h": [[anchor, heading], …], "x": [text, …]}`;
//! - `filters.json`: filter values, `[{label, values: [[name, [doc ids]]]}]`.

pub mod analyze;
pub mod query;
pub mod text;

use std::collections::{BTreeMap, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};

use rayon::prelude::*;
use serde_json::json;

use crate::site::Site;
use analyze::{words, Analyzer, Decompounder};

/// Where the search page and its index live.
pub const SEARCH_PATH: &str = "sok/";
/// Documents per fragment file: fewer, slightly larger files are much faster to write than
/// one file per document, and a query still downloads only the files of its results.
pub const FRAGMENTS_PER_FILE: usize = 4;

/// The most documents kept for one stem, by score.
pub const MAX_POSTINGS: usize = 1000;
/// A postings file is closed once it holds this many bytes.
const CHUNK_BYTES: usize = 16_000;
/// Characters of one section's text kept for excerpts.
const SECTION_CHARS: usize = 400;

/// Field weights: a word in the title counts as much as ten in the text.
const W_TITLE: f32 = 10.0;
const W_HEADING: f32 = 4.0;
const W_DESCRIPTION: f32 = 3.0;
const W_TERMS: f32 = 3.0;
const W_TEXT: f32 = 1.0;
/// A part of a compound counts half as much as the word itself.
const W_PART: f32 = 0.5;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// One searchable page.
struct Doc {
    entry: usize,
    sections: Vec<text::Section>,
}

/// Weighted term frequencies of one document: (stem id, weight, section where it weighs
/// most), by stem id.
type Counts = Vec<(u32, f32, u32)>;

/// The words of one document, counted once: (word, section) → weight, and its length.
struct RawCounts {
    words: FxHashMap<(String, usize), f32>,
    length: f32,
}

/// Builds every file of the search index: (site path, bytes).
pub fn build(site: &Site) -> Vec<(String, Vec<u8>)> {
    let analyzer = Analyzer::default();
    let docs: Vec<Doc> = (0..site.entries.len())
        .into_par_iter()
        .map(|entry| Doc {
            entry,
            sections: text::sections(&site.entries[entry]),
        })
        .collect();
    // One pass over the text: every later step works on each document's distinct words.
    let raw: Vec<RawCounts> = docs
        .par_iter()
        .map(|d| raw_counts(site, d, &analyzer))
        .collect();
    let vocabulary: FxHashSet<&str> = raw
        .par_iter()
        .map(|r| {
            r.words
                .keys()
                .map(|(w, _)| w.as_str())
                .collect::<FxHashSet<&str>>()
        })
        .reduce(FxHashSet::default, |mut a, b| {
            a.extend(b);
            a
        });
    let stems: FxHashMap<&str, String> = vocabulary
        .par_iter()
        .map(|w| (*w, analyzer.stem(w)))
        .collect();
    let mut decompounder = Decompounder::new(vocabulary.iter().map(|w| w.to_string()), &analyzer);
    let mut compounds: Vec<&str> = vocabulary
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= analyze::MIN_COMPOUND)
        .collect();
    compounds.sort_unstable();
    let parts: FxHashMap<&str, Vec<String>> = compounds
        .into_iter()
        .filter_map(|w| {
            let p = decompounder.parts(w);
            (!p.is_empty()).then(|| (w, p.iter().map(|x| analyzer.stem(x)).collect()))
        })
        .collect();
    // Every stem gets a number, in sorted order: documents count numbers, not strings.
    let mut names: Vec<&str> = stems
        .values()
        .map(String::as_str)
        .chain(parts.values().flatten().map(String::as_str))
        .collect();
    names.sort_unstable();
    names.dedup();
    let ids: FxHashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u32))
        .collect();
    let word_ids: FxHashMap<&str, (u32, Vec<u32>)> = vocabulary
        .iter()
        .map(|w| {
            let stem = ids.get(stems[w].as_str()).copied().unwrap_or(0);
            let part_ids = parts
                .get(w)
                .map(|p| {
                    p.iter()
                        .filter_map(|x| ids.get(x.as_str()).copied())
                        .collect()
                })
                .unwrap_or_default();
            (*w, (stem, part_ids))
        })
        .collect();
    let counted: Vec<(Counts, f32)> = raw
        .par_iter()
        .map(|r| (stem_counts(r, &word_ids), r.length))
        .collect();
    let mut files = Vec::new();

    files.extend(postings(&counted, &names));
    files.extend(metadata(site, &docs));
    files.push((format!("{SEARCH_PATH}filters.json"), filters(site, &docs)));
    files
}

/// Counts a document's words by field weight and section.
fn raw_counts(site: &Site, d: &Doc, analyzer: &Analyzer) -> RawCounts {
    let e = &site.entries[d.entry];
    let f = &e.source.front;
    let mut raw = RawCounts {
        words: FxHashMap::default(),
        length: 0.0,
    };
    let mut add = |text: &str, weight: f32, section: usize| {
        for w in words(text) {
            if analyzer.is_stop(&w) {
                continue;
            }
            raw.length += 1.0;
            *raw.words.entry((w.into_owned(), section)).or_default() += weight;
        }
    };
    add(e.title(), W_TITLE, 0);
    add(f.description.as_deref().unwrap_or(""), W_DESCRIPTION, 0);
    for terms in f.terms.values() {
        add(&terms.join(" "), W_TERMS, 0);
    }
    for (i, s) in d.sections.iter().enumerate() {
        add(&s.heading, W_HEADING, i);
        add(&s.text, W_TEXT, i);
    }
    raw
}

/// Folds a document's words into stems (and compound parts, at half weight), keeping for
/// each stem the section where it weighs most (section 0, which holds the title, description
/// and terms, counts only as body text there).
fn stem_counts(raw: &RawCounts, words: &FxHashMap<&str, (u32, Vec<u32>)>) -> Counts {
    let mut by_section: FxHashMap<(u32, u32), f32> = FxHashMap::default();
    for ((word, section), weight) in &raw.words {
        let Some((stem, parts)) = words.get(word.as_str()) else {
            continue;
        };
        let section = *section as u32;
        *by_section.entry((*stem, section)).or_default() += weight;
        for p in parts {
            *by_section.entry((*p, section)).or_default() += weight * W_PART;
        }
    }
    let mut entries: Vec<((u32, u32), f32)> = by_section.into_iter().collect();
    entries.sort_by_key(|e| e.0);
    let mut counts: Counts = Vec::new();
    let mut best = 0.0f32;
    for ((stem, section), weight) in entries {
        let own = if section == 0 {
            weight.min(W_TEXT)
        } else {
            weight
        };
        match counts.last_mut() {
            Some(last) if last.0 == stem => {
                last.1 += weight;
                if own > best {
                    best = own;
                    last.2 = section;
                }
            }
            _ => {
                counts.push((stem, weight, section));
                best = own;
            }
        }
    }
    counts
}

/// BM25 scores per stem and document, written in chunks of sorted stems.
fn postings(counted: &[(Counts, f32)], names: &[&str]) -> Vec<(String, Vec<u8>)> {
    let n = counted.len().max(1) as f32;
    let avg = counted.iter().map(|(_, l)| *l).sum::<f32>() / n;
    // Stem ids are in sorted order, so this is the stems' order too.
    let mut by_id: Vec<Vec<(usize, f32, usize)>> = vec![Vec::new(); names.len()];
    for (doc, (counts, _)) in counted.iter().enumerate() {
        for (stem, tf, section) in counts {
            by_id[*stem as usize].push((doc, *tf, *section as usize));
        }
    }
    let by_stem = names
        .iter()
        .copied()
        .zip(by_id)
        .filter(|(_, list)| !list.is_empty());
    let mut files = Vec::new();
    let mut firsts: Vec<String> = Vec::new();
    let mut chunk = serde_json::Map::new();
    let mut bytes = 0;
    for (stem, mut list) in by_stem {
        list.sort_by_key(|p| p.0);
        let df = list.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let mut scored: Vec<(u64, u64, u64)> = list
            .into_iter()
            .map(|(doc, tf, section)| {
                let length = counted[doc].1.max(1.0);
                let score =
                    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / avg.max(1.0)));
                (
                    doc as u64,
                    (score * 100.0).round().max(1.0) as u64,
                    section as u64,
                )
            })
            .collect();
        if scored.len() > MAX_POSTINGS {
            scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            scored.truncate(MAX_POSTINGS);
            scored.sort_by_key(|p| p.0);
        }
        let flat: Vec<u64> = scored.into_iter().flat_map(|(d, s, h)| [d, s, h]).collect();
        if chunk.is_empty() {
            firsts.push(stem.to_string());
        }
        bytes += stem.len() + flat.len() * 4 + 6;
        chunk.insert(stem.to_string(), json!(flat));
        if bytes >= CHUNK_BYTES {
            files.push((
                format!("{SEARCH_PATH}i/{}.json", files.len()),
                to_bytes(&chunk),
            ));
            chunk = serde_json::Map::new();
            bytes = 0;
        }
    }
    if !chunk.is_empty() {
        files.push((
            format!("{SEARCH_PATH}i/{}.json", files.len()),
            to_bytes(&chunk),
        ));
    }
    let manifest = json!({
        "version": 1,
        "docs": counted.len(),
        "chunks": firsts,
        "fragments_per_file": FRAGMENTS_PER_FILE,
        "stop": analyze::STOP_WORDS,
    });
    files.push((format!("{SEARCH_PATH}index.json"), to_bytes(&manifest)));
    files
}

/// One fragment file per document: what a result shows (title, path, top section,
/// description) and its sections for the excerpt.
fn metadata(site: &Site, docs: &[Doc]) -> Vec<(String, Vec<u8>)> {
    docs.par_chunks(FRAGMENTS_PER_FILE)
        .enumerate()
        .map(|(n, chunk)| {
            let fragments: Vec<serde_json::Value> =
                chunk.iter().map(|d| fragment(site, d)).collect();
            (format!("{SEARCH_PATH}f/{n}.json"), to_bytes(&fragments))
        })
        .collect()
}

fn fragment(site: &Site, d: &Doc) -> serde_json::Value {
    let e = &site.entries[d.entry];
    let section = top_section(site, d.entry).map_or("", |s| site.entries[s].title());
    let headings: Vec<[&str; 2]> = d
        .sections
        .iter()
        .map(|s| [s.anchor.as_str(), s.heading.as_str()])
        .collect();
    let texts: Vec<String> = d
        .sections
        .iter()
        .map(|s| truncate(&s.text, SECTION_CHARS))
        .collect();
    json!({
        "t": e.title(),
        "u": e.path,
        "s": section,
        "d": e.source.front.description.as_deref().unwrap_or(""),
        "h": headings,
        "x": texts,
    })
}

/// Filter values: top-level section, every taxonomy, and document type.
fn filters(site: &Site, docs: &[Doc]) -> Vec<u8> {
    let mut groups = Vec::new();
    let mut sections: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut types: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(top) = top_section(site, d.entry) {
            sections.entry(top).or_default().push(i);
        }
        if let Some(t) = site.entries[d.entry]
            .source
            .front
            .document
            .as_ref()
            .and_then(|x| x.doc_type.clone())
        {
            types.entry(t).or_default().push(i);
        }
    }
    let top_order: Vec<usize> = site.entries[site.root].subsections.clone();
    let section_values: Vec<serde_json::Value> = top_order
        .iter()
        .filter_map(|s| {
            sections
                .get(s)
                .map(|ids| json!([site.entries[*s].title(), ids]))
        })
        .collect();
    groups.push(json!({ "key": "avsnitt", "label": "Avsnitt", "values": section_values }));
    let doc_of: HashMap<usize, usize> =
        docs.iter().enumerate().map(|(i, d)| (d.entry, i)).collect();
    for t in &site.taxonomies {
        let values: Vec<serde_json::Value> = t
            .terms
            .iter()
            .map(|term| {
                let ids: Vec<usize> = term
                    .entries
                    .iter()
                    .filter_map(|e| doc_of.get(e).copied())
                    .collect();
                json!([term.name, ids])
            })
            .collect();
        groups.push(json!({ "key": t.config.name, "label": t.config.plural, "values": values }));
    }
    if !types.is_empty() {
        let values: Vec<serde_json::Value> =
            types.into_iter().map(|(k, v)| json!([k, v])).collect();
        groups.push(json!({ "key": "dokumenttyp", "label": "Dokumenttyp", "values": values }));
    }
    to_bytes(&groups)
}

/// The top-level section an entry belongs to (itself, if it is one).
fn top_section(site: &Site, id: usize) -> Option<usize> {
    if id == site.root {
        return None;
    }
    let chain = site.ancestors(id);
    match chain.get(1) {
        Some(top) => Some(*top),
        None if site.entries[id].is_section() => Some(id),
        None => None,
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn to_bytes<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

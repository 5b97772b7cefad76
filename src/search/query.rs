//! Query evaluation over the written index files, the same way the browser client does:
//! stems (stop words dropped), exact postings, a prefix match for the last word, the stems
//! a word without diacritics folds from (at half score), and for a word with no hit at all
//! the site's closest words (typos, at half or a third of the score, with a suggested
//! spelling); documents matching every word first, then by summed score.

use std::collections::HashMap;

use serde_json::Value;

use super::analyze::{
    edit_distance, fold, typo_budget, typo_candidate, Analyzer, FOLDED, MIN_TAIL_QUERY, TAIL,
};

/// One result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub doc: usize,
    pub score: u64,
    /// The section (heading) where the words weigh most.
    pub section: usize,
}

/// The hits of a query and, when a word of it was not found as typed, the query spelled as
/// the site spells it ("Menade du …?").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub hits: Vec<Hit>,
    pub suggestion: Option<String>,
}

/// How a key is looked up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lookup {
    /// The key's value, if it has one.
    Exact,
    /// The key's value or, when it has none, those of every key starting with it.
    Prefix,
    /// The values of the key and of every key starting with it (`>psykiatri` also finds
    /// `>psykiatrin`).
    Starting,
}

/// The most words of the site a misspelt query word stands for.
const TYPO_WORDS: usize = 3;

/// Searches an index; `read` returns the bytes of an index file by its path below `sok/`
/// (`index.json`, `i/3.json`, …).
pub fn search(read: &dyn Fn(&str) -> Option<Vec<u8>>, query: &str) -> Vec<Hit> {
    answer(read, query).hits
}

/// The words of the site closest to `word` within its typo budget, most frequent first,
/// with their distance: at most [`TYPO_WORDS`], all at the smallest distance found.
fn closest_words(
    read: &dyn Fn(&str) -> Option<Vec<u8>>,
    manifest: &Value,
    word: &str,
) -> Vec<(String, usize)> {
    let budget = typo_budget(word.chars().count());
    let Some(first) = fold(word).chars().next() else {
        return Vec::new();
    };
    let key = u64::from(u32::from(first));
    let listed = manifest["vocabulary"]
        .as_array()
        .is_some_and(|keys| keys.iter().any(|k| k.as_u64() == Some(key)));
    if budget == 0 || !listed {
        return Vec::new();
    }
    let Some(list) =
        read(&format!("v/{key}.json")).and_then(|b| serde_json::from_slice::<Vec<String>>(&b).ok())
    else {
        return Vec::new();
    };
    let typed = fold(word);
    let mut best: Vec<(String, usize)> = Vec::new();
    for candidate in list {
        let Some(d) = edit_distance(&typed, &fold(&candidate), budget) else {
            continue;
        };
        match best.first() {
            Some((_, b)) if d > *b => {}
            Some((_, b)) if d < *b => best = vec![(candidate, d)],
            _ if best.len() < TYPO_WORDS => best.push((candidate, d)),
            _ => {}
        }
    }
    best
}

/// Searches an index and says how a query with misspelt words would be spelt.
pub fn answer(read: &dyn Fn(&str) -> Option<Vec<u8>>, query: &str) -> Answer {
    let analyzer = Analyzer::default();
    let typed = analyzer.query_words(query);
    let stems: Vec<String> = typed.iter().map(|(_, s)| s.clone()).collect();
    let Some(manifest) = read("index.json").and_then(|b| serde_json::from_slice::<Value>(&b).ok())
    else {
        return Answer {
            hits: Vec::new(),
            suggestion: None,
        };
    };
    let firsts: Vec<&str> = manifest["chunks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let mut chunks: HashMap<usize, serde_json::Map<String, Value>> = HashMap::new();
    let mut load = |i: usize| -> serde_json::Map<String, Value> {
        chunks
            .entry(i)
            .or_insert_with(|| {
                read(&format!("i/{i}.json"))
                    .and_then(|b| serde_json::from_slice::<serde_json::Map<String, Value>>(&b).ok())
                    .unwrap_or_default()
            })
            .clone()
    };
    let chunk_of = |key: &str| firsts.partition_point(|f| *f <= key).saturating_sub(1);
    // The values of `key`, or when it has none and `prefix` is set, of every key starting
    // with it (in its chunk and the next).
    let mut matches = |key: &str, lookup: Lookup| -> Vec<Value> {
        let at = chunk_of(key);
        let chunk = load(at);
        if lookup != Lookup::Starting {
            if let Some(v) = chunk.get(key) {
                return vec![v.clone()];
            }
            if lookup == Lookup::Exact {
                return Vec::new();
            }
        }
        let next = if at + 1 < firsts.len() && firsts[at + 1].starts_with(key) {
            Some(load(at + 1))
        } else {
            None
        };
        chunk
            .iter()
            .chain(next.iter().flat_map(|c| c.iter()))
            .filter(|(k, _)| k.starts_with(key))
            .map(|(_, v)| v.clone())
            .collect()
    };
    // doc → (matched words, score, best section, best section's score)
    let mut found: HashMap<usize, (usize, u64, usize, u64)> = HashMap::new();
    // Misspelt word → the site's word it most likely means.
    let mut corrections: HashMap<String, String> = HashMap::new();
    for (n, stem) in stems.iter().enumerate() {
        let prefix = n + 1 == stems.len() && stem.chars().count() >= 3;
        // (postings, divisor of their scores)
        let mut lists: Vec<(Value, u64)> = matches(
            stem,
            if prefix {
                Lookup::Prefix
            } else {
                Lookup::Exact
            },
        )
        .into_iter()
        .map(|v| (v, 1))
        .collect();
        // The word itself as a stem: `ansvar` (stem `ansv`) is the stem of `ansvaret`.
        let word = &typed[n].0;
        if word != stem {
            lists.extend(matches(word, Lookup::Exact).into_iter().map(|v| (v, 1)));
        }
        // A word typed without diacritics also finds the stems that fold to it, at half score.
        if fold(stem) == stem.as_str() {
            let originals: Vec<String> = matches(
                &format!("{FOLDED}{stem}"),
                if prefix {
                    Lookup::Prefix
                } else {
                    Lookup::Exact
                },
            )
            .iter()
            .filter_map(Value::as_array)
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
            for original in originals {
                lists.extend(
                    matches(&original, Lookup::Exact)
                        .into_iter()
                        .map(|v| (v, 2)),
                );
            }
        }
        // A word found nowhere else may be the end of long words (`psykiatri` in
        // `ungdomspsykiatrin`), at a quarter of their score.
        if lists.is_empty() && stem.chars().count() >= MIN_TAIL_QUERY {
            let longer: Vec<String> = matches(&format!("{TAIL}{stem}"), Lookup::Starting)
                .iter()
                .filter_map(Value::as_array)
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect::<std::collections::BTreeSet<String>>()
                .into_iter()
                .collect();
            for w in longer {
                lists.extend(matches(&w, Lookup::Exact).into_iter().map(|v| (v, 4)));
            }
        }
        // A word with no hit at all stands for the site's closest words, at half the score
        // one edit away and a third two edits away.
        if lists.is_empty() && typo_candidate(word) {
            let closest = closest_words(read, &manifest, word);
            if let Some((first, _)) = closest.first() {
                corrections.insert(word.clone(), first.clone());
            }
            for (candidate, d) in closest {
                let divisor = 1 + d as u64;
                let stem = analyzer.stem(&candidate);
                lists.extend(
                    matches(&stem, Lookup::Exact)
                        .into_iter()
                        .map(|v| (v, divisor)),
                );
            }
        }
        let mut seen: HashMap<usize, ()> = HashMap::new();
        for (list, divisor) in lists {
            let flat: Vec<u64> = list
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_u64)
                .collect();
            for p in flat.chunks_exact(3) {
                let (doc, score, section) = (p[0] as usize, (p[1] / divisor).max(1), p[2] as usize);
                let slot = found.entry(doc).or_insert((0, 0, section, 0));
                if seen.insert(doc, ()).is_none() {
                    slot.0 += 1;
                }
                slot.1 += score;
                if score > slot.3 {
                    slot.2 = section;
                    slot.3 = score;
                }
            }
        }
    }
    let mut hits: Vec<(usize, Hit)> = found
        .into_iter()
        .map(|(doc, (matched, score, section, _))| {
            (
                matched,
                Hit {
                    doc,
                    score,
                    section,
                },
            )
        })
        .collect();
    hits.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.score.cmp(&a.1.score))
            .then(a.1.doc.cmp(&b.1.doc))
    });
    let suggestion = (!corrections.is_empty()).then(|| {
        super::analyze::words(query)
            .map(|w| {
                corrections
                    .get(w.as_ref())
                    .cloned()
                    .unwrap_or(w.into_owned())
            })
            .collect::<Vec<_>>()
            .join(" ")
    });
    Answer {
        hits: hits.into_iter().map(|(_, h)| h).collect(),
        suggestion,
    }
}

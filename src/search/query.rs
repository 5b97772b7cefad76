//! Query evaluation over the written index files, the same way the browser client does:
//! stems (stop words dropped), exact postings, a prefix match for the last word, the stems
//! a word without diacritics folds from (at half score), documents matching every word
//! first, then by summed score.

use std::collections::HashMap;

use serde_json::Value;

use super::analyze::{fold, Analyzer, FOLDED};

/// One result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub doc: usize,
    pub score: u64,
    /// The section (heading) where the words weigh most.
    pub section: usize,
}

/// Searches an index; `read` returns the bytes of an index file by its path below `sok/`
/// (`index.json`, `i/3.json`, …).
pub fn search(read: &dyn Fn(&str) -> Option<Vec<u8>>, query: &str) -> Vec<Hit> {
    let analyzer = Analyzer::default();
    let stems = analyzer.query_stems(query);
    let Some(manifest) = read("index.json").and_then(|b| serde_json::from_slice::<Value>(&b).ok())
    else {
        return Vec::new();
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
    let mut matches = |key: &str, prefix: bool| -> Vec<Value> {
        let at = chunk_of(key);
        let chunk = load(at);
        if let Some(v) = chunk.get(key) {
            return vec![v.clone()];
        }
        if !prefix {
            return Vec::new();
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
    for (n, stem) in stems.iter().enumerate() {
        let prefix = n + 1 == stems.len() && stem.chars().count() >= 3;
        // (postings, divisor of their scores)
        let mut lists: Vec<(Value, u64)> =
            matches(stem, prefix).into_iter().map(|v| (v, 1)).collect();
        // A word typed without diacritics also finds the stems that fold to it, at half score.
        if fold(stem) == stem.as_str() {
            let originals: Vec<String> = matches(&format!("{FOLDED}{stem}"), prefix)
                .iter()
                .filter_map(Value::as_array)
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            for original in originals {
                lists.extend(matches(&original, false).into_iter().map(|v| (v, 2)));
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
    hits.into_iter().map(|(_, h)| h).collect()
}

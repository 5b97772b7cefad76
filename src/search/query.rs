//! Query evaluation over the written index files, the same way the browser client does:
//! stems (stop words dropped), exact postings, a prefix match for the last word, documents
//! matching every word first, then by summed score.

use std::collections::HashMap;

use serde_json::Value;

use super::analyze::Analyzer;

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
    // doc → (matched words, score, best section, best section's score)
    let mut found: HashMap<usize, (usize, u64, usize, u64)> = HashMap::new();
    for (n, stem) in stems.iter().enumerate() {
        let at = firsts
            .partition_point(|f| *f <= stem.as_str())
            .saturating_sub(1);
        let chunk = load(at);
        let mut lists: Vec<&Value> = chunk.get(stem.as_str()).into_iter().collect();
        let next = if at + 1 < firsts.len() && firsts[at + 1].starts_with(stem.as_str()) {
            Some(load(at + 1))
        } else {
            None
        };
        if lists.is_empty() && n + 1 == stems.len() && stem.chars().count() >= 3 {
            lists.extend(
                chunk
                    .iter()
                    .filter(|(k, _)| k.starts_with(stem.as_str()))
                    .map(|(_, v)| v),
            );
            lists.extend(
                next.iter()
                    .flat_map(|c| c.iter())
                    .filter(|(k, _)| k.starts_with(stem.as_str()))
                    .map(|(_, v)| v),
            );
        }
        let mut seen: HashMap<usize, ()> = HashMap::new();
        for list in lists {
            let flat: Vec<u64> = list
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_u64)
                .collect();
            for p in flat.chunks_exact(3) {
                let (doc, score, section) = (p[0] as usize, p[1], p[2] as usize);
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

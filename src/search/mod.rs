//! The search index, built by `handbok build` from the rendered pages: Swedish stems and
//! decompounded parts, BM25 scores computed at build time, cut into small files so that a
//! query downloads only the chunks it needs. The browser client is `search.js` in the theme;
//! [`query`] evaluates queries the same way in Rust (tests, `handbok search`).
//!
//! Files below `sok/` (next to the search page):
//! - `index.json`: manifest (document count, first term of every chunk, stop words);
//! - `i/N.json`: postings, `{stem: [doc, score, section, …]}`, at most [`MAX_POSTINGS`] best
//!   documents a stem (a word on more pages than that finds its best pages first anyway);
//!   and folded keys, `{"~vaxjo": ["växjö"]}`: a query word without diacritics is looked up
//!   as typed and by its folded key, whose stems' scores count half (exact spelling first);
//!   and tail keys, `{">psykiatri": ["ungdomspsykiatri"]}`: the long ends of long words, for
//!   a query word found nowhere else (a quarter of the score);
//! - `f/N.json`: what a result shows, for [`FRAGMENTS_PER_FILE`] documents a file (document
//!   `d` is item `d % FRAGMENTS_PER_FILE` of file `d / FRAGMENTS_PER_FILE`): `{"t": title,
//!   "u": path, "s": section, "d": description, "h": [[anchor, heading], …], "x": [text, …]}`;
//! - `filters.json`: filter values, `[{label, values: [[name, [doc ids]]]}]`;
//! - `v/N.json`: the site's words of four letters or more whose first letter folds to the
//!   character with code point `N` (`v/104.json`: words on `h`), most frequent first: a
//!   query word with no hit is matched against them within a small edit distance (typos,
//!   "Menade du …?"). The manifest's `vocabulary` lists the `N` that have a file.
//!
//! Pages with `search: false` (or below a section with it) are left out of the postings,
//! the vocabulary and the filters; their fragment holds only the title and path.

pub mod analyze;
mod packed;
pub mod query;
pub mod text;

/// A small deterministic generator for the randomized tests of the analysis
/// modules: `next(n)` yields a number below `n`.
#[cfg(test)]
fn test_numbers(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use serde_json::json;

use crate::site::{Contents, Site};
use analyze::{words, Analyzer, Decompounder};
use packed::{Cursor, Triples};

/// Where the search page and its index live.
pub use crate::site::SEARCH_PATH;
/// Documents per fragment file. One: a query downloads only its ten results' texts (at
/// 10,000 pages four a file made a first query 70-128 kB, one a file 38-56 kB), and writing
/// the extra files now costs little beside the pages (bench/RESULTS.md, issue 18).
pub const FRAGMENTS_PER_FILE: usize = 1;

/// Shortest word kept in the vocabulary for typo tolerance: a query word of five letters is
/// matched within one edit, so its candidates have at least four.
pub const TYPO_MIN_WORD: usize = 4;

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
/// Code counts an eighth of body text: the editors' guide's examples (`title:`,
/// `draft: true`, anchors like `#folkhalsa`) must not outrank the pages about those words.
const W_CODE: f32 = 0.125;
/// A part of a compound counts half as much as the word itself.
const W_PART: f32 = 0.5;
/// A last part that never occurs alone (`integrering` in `jämställdhetsintegrering`), a
/// quarter.
const W_HEAD: f32 = 0.25;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Weighted term frequencies of one document: (stem id, section where it weighs most,
/// weight), by stem id.
type Counts = Triples;

/// The words of one document, counted once: (word id, section, weight), and its length.
/// The weights are sums of small whole numbers and eighths, exact in `f32`, so the order in
/// which they are added never changes a score.
struct RawCounts {
    words: Triples,
    length: f32,
}

/// Numbers the distinct words of the whole site, from any thread. The numbers depend on
/// the order threads meet words in, so nothing written depends on them: the index numbers
/// stems in sorted order.
struct Interner {
    shards: Vec<std::sync::Mutex<FxHashMap<Box<str>, u32>>>,
    next: std::sync::atomic::AtomicU32,
}

const SHARDS: usize = 16;

impl Interner {
    fn new() -> Interner {
        Interner {
            shards: (0..SHARDS)
                .map(|_| std::sync::Mutex::new(FxHashMap::default()))
                .collect(),
            next: std::sync::atomic::AtomicU32::new(0),
        }
    }

    fn id(&self, word: &str) -> u32 {
        use std::hash::BuildHasher;
        let shard = &self.shards[(rustc_hash::FxBuildHasher.hash_one(word) as usize) % SHARDS];
        let mut map = shard
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(id) = map.get(word) {
            return *id;
        }
        let id = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        map.insert(word.into(), id);
        id
    }

    /// The words, indexed by their numbers.
    fn into_words(self) -> Vec<Box<str>> {
        let mut words: Vec<Box<str>> = vec![Box::from(""); self.next.into_inner() as usize];
        for shard in self.shards {
            let map = shard
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for (word, id) in map {
                words[id as usize] = word;
            }
        }
        words
    }
}

/// Builds every file of the search index and hands each to `emit` (site path, bytes) as
/// soon as it is ready. The text of a page is read once: its fragment file is written and
/// its words are counted by number, so the text of the whole site is never held at once.
pub fn build(site: &Site, contents: &Contents, emit: &(dyn Fn(String, Vec<u8>) + Sync)) {
    build_with(site, contents, emit, &Refresh::default());
}

/// How [`build_with`] runs when it rewrites an index it wrote before (`handbok serve`).
#[derive(Default)]
pub struct Refresh<'a> {
    /// Only these entries (sorted) changed since the index was written: the fragment files
    /// of the others are as they were and are neither made nor handed to `emit` (their
    /// words are still counted). `None`: every file is made.
    pub changed: Option<&'a [usize]>,
    /// Set by another thread when the index is no longer wanted (a newer change came):
    /// the build stops at its next step.
    pub stop: Option<&'a std::sync::atomic::AtomicBool>,
}

impl Refresh<'_> {
    fn stopped(&self) -> bool {
        self.stop
            .is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed))
    }
}

/// How many documents a serial step of the index goes through between looks at
/// [`Refresh::stop`].
const STOP_EVERY: usize = 1024;

/// The path of fragment file `n` of the index.
pub fn fragment_path(n: usize) -> String {
    format!("{SEARCH_PATH}f/{n}.json")
}

/// [`build`], for a rewrite as `refresh` says; returns `false` when it stopped before the
/// end (then some files may have been handed to `emit`, not all).
pub fn build_with(
    site: &Site,
    contents: &Contents,
    emit: &(dyn Fn(String, Vec<u8>) + Sync),
    refresh: &Refresh,
) -> bool {
    debug_assert!(refresh.changed.is_none_or(|c| c.is_sorted()));
    let analyzer = Analyzer::default();
    let interner = Interner::new();
    let entries: Vec<usize> = (0..site.entries.len()).collect();
    let raw: Vec<RawCounts> = entries
        .par_chunks(FRAGMENTS_PER_FILE)
        .enumerate()
        .flat_map_iter(|(n, chunk)| {
            if refresh.stopped() {
                return Vec::new();
            }
            let made = refresh
                .changed
                .is_none_or(|changed| chunk.iter().any(|e| changed.binary_search(e).is_ok()));
            // The fragments are written as they are made: a JSON array, one item a document
            // (`None` when this file is not made again).
            let mut fragments = made.then(|| Vec::with_capacity(4096));
            let mut counts = Vec::with_capacity(chunk.len());
            for &entry in chunk {
                if !searchable(site, entry) {
                    contents.pass(entry);
                    if let Some(out) = &mut fragments {
                        json_item(out, &hidden_fragment(site, entry));
                    }
                    counts.push(RawCounts {
                        words: Triples::default(),
                        length: 0.0,
                    });
                    continue;
                }
                let glossary =
                    (site.glossary_page == Some(entry)).then_some(site.glossary.as_slice());
                let html = contents.read(entry);
                let sections = text::sections(&site.entries[entry], &html, glossary);
                drop(html);
                if let Some(out) = &mut fragments {
                    json_item(out, &fragment(site, entry, &sections));
                }
                counts.push(raw_counts(site, entry, &sections, &analyzer, &interner));
            }
            if let Some(mut out) = fragments {
                out.push(b']');
                emit(fragment_path(n), out);
            }
            counts
        })
        .collect();
    if refresh.stopped() {
        return false;
    }
    let vocabulary = interner.into_words();
    let Some(vocabulary_keys) = typo_vocabulary(&raw, &vocabulary, emit, refresh) else {
        return false;
    };
    let stems: Vec<String> = vocabulary.par_iter().map(|w| analyzer.stem(w)).collect();
    let mut decompounder = Decompounder::new(vocabulary.iter().map(|w| w.to_string()), &analyzer);
    let mut compounds: Vec<u32> = (0..vocabulary.len() as u32)
        .filter(|w| vocabulary[*w as usize].chars().count() >= analyze::MIN_COMPOUND)
        .collect();
    compounds.sort_unstable_by(|a, b| vocabulary[*a as usize].cmp(&vocabulary[*b as usize]));
    // Parts that occur alone count half; the last parts of other compounds a quarter.
    let parts: FxHashMap<u32, Vec<(String, f32)>> = compounds
        .into_iter()
        .take_while(|_| !refresh.stopped())
        .filter_map(|w| {
            let word = &vocabulary[w as usize];
            // A part may be known by a stem (`integrer`), whose stem differs from the stem of
            // the last part as a query types it (`integrering`): both are indexed.
            let mut found: Vec<(String, f32)> = decompounder
                .parts(word)
                .iter()
                .map(|x| (analyzer.stem(x), W_PART))
                .collect();
            for head in decompounder.heads(word) {
                let stem = analyzer.stem(&head);
                if !found.iter().any(|(s, _)| *s == stem) {
                    found.push((stem, W_HEAD));
                }
            }
            (!found.is_empty()).then_some((w, found))
        })
        .collect();
    if refresh.stopped() {
        return false;
    }
    let tails = tail_keys(&vocabulary, &stems, &parts, &analyzer);
    // Every stem gets a number, in sorted order: documents count numbers, not strings.
    let mut names: Vec<&str> = stems
        .iter()
        .map(String::as_str)
        .chain(parts.values().flatten().map(|(p, _)| p.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    let ids: FxHashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u32))
        .collect();
    let word_ids: Vec<(u32, Vec<(u32, f32)>)> = (0..vocabulary.len() as u32)
        .map(|w| {
            let stem = ids.get(stems[w as usize].as_str()).copied().unwrap_or(0);
            let part_ids = parts
                .get(&w)
                .map(|p| {
                    p.iter()
                        .filter_map(|(x, weight)| ids.get(x.as_str()).map(|id| (*id, *weight)))
                        .collect()
                })
                .unwrap_or_default();
            (stem, part_ids)
        })
        .collect();
    let counted: Vec<(Counts, f32)> = raw
        .into_par_iter()
        .map(|r| match refresh.stopped() {
            true => (Counts::default(), 0.0),
            false => (stem_counts(&r, &word_ids), r.length),
        })
        .collect();
    if refresh.stopped() || !postings(counted, &names, tails, &vocabulary_keys, emit, refresh) {
        return false;
    }
    emit(format!("{SEARCH_PATH}filters.json"), filters(site));
    true
}

/// The most compounds a tail key lists: an end shared by more is a grammatical ending
/// (`ningarna`), not a word.
const MAX_TAIL_WORDS: usize = 32;

/// Tail keys (`>psykiatri` → `["ungdomspsykiatri"]`): the stems of the long ends of long
/// words ([`analyze::tails`]) with the stems of the words they end, for a query word that
/// finds nothing else. Ends that are already indexed as parts of the word are left out.
fn tail_keys(
    vocabulary: &[Box<str>],
    stems: &[String],
    parts: &FxHashMap<u32, Vec<(String, f32)>>,
    analyzer: &Analyzer,
) -> BTreeMap<String, Vec<String>> {
    let pairs: Vec<(String, u32)> = (0..vocabulary.len() as u32)
        .into_par_iter()
        .filter(|w| vocabulary[*w as usize].chars().count() >= analyze::MIN_TAILED)
        .flat_map_iter(|w| {
            let word = &vocabulary[w as usize];
            let own = &stems[w as usize];
            let known = parts.get(&w);
            let mut out: Vec<(String, u32)> = Vec::new();
            for tail in analyze::tails(word) {
                let stem = analyzer.stem(&tail);
                let indexed = known.is_some_and(|p| p.iter().any(|(s, _)| *s == stem));
                if stem != *own && !indexed && !out.iter().any(|(s, _)| *s == stem) {
                    out.push((stem, w));
                }
            }
            out
        })
        .collect();
    let mut grouped: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (tail, w) in pairs {
        grouped
            .entry(format!("{}{tail}", analyze::TAIL))
            .or_default()
            .push(stems[w as usize].clone());
    }
    grouped.retain(|_, words| {
        words.sort_unstable();
        words.dedup();
        words.len() <= MAX_TAIL_WORDS
    });
    grouped
}

/// Whether an entry is in the search: its own `search:` or the nearest section's above it
/// that has one; yes when none says.
fn searchable(site: &Site, entry: usize) -> bool {
    let mut current = Some(entry);
    while let Some(id) = current {
        if let Some(flag) = site.entries[id].source.front.search {
            return flag;
        }
        current = site.entries[id].parent;
    }
    true
}

/// Writes the vocabulary files for typo tolerance (`v/N.json`) and returns their `N`s.
/// Words of [`TYPO_MIN_WORD`] letters or more (no digits), grouped by their folded first
/// letter, each file most frequent first (by the number of pages that use the word), so
/// that the first of equally close words is the likeliest meant.
fn typo_vocabulary(
    raw: &[RawCounts],
    vocabulary: &[Box<str>],
    emit: &(dyn Fn(String, Vec<u8>) + Sync),
    refresh: &Refresh,
) -> Option<Vec<u32>> {
    let mut pages = vec![0u32; vocabulary.len()];
    let mut seen: Vec<u32> = Vec::new();
    for (n, doc) in raw.iter().enumerate() {
        if n % STOP_EVERY == 0 && refresh.stopped() {
            return None;
        }
        seen.clear();
        seen.extend(doc.words.iter().map(|w| w.0));
        seen.sort_unstable();
        seen.dedup();
        for w in &seen {
            pages[*w as usize] += 1;
        }
    }
    let mut groups: BTreeMap<u32, Vec<(u32, &str)>> = BTreeMap::new();
    for (id, word) in vocabulary.iter().enumerate() {
        let Some(first) = word.chars().next() else {
            continue;
        };
        if pages[id] == 0
            || word.chars().count() < TYPO_MIN_WORD
            || !word.chars().all(char::is_alphabetic)
        {
            continue;
        }
        let key = analyze::fold(&first.to_string())
            .chars()
            .next()
            .unwrap_or(first) as u32;
        groups.entry(key).or_default().push((pages[id], word));
    }
    let keys: Vec<u32> = groups.keys().copied().collect();
    groups.into_par_iter().for_each(|(key, mut words)| {
        words.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let list: Vec<&str> = words.into_iter().map(|(_, w)| w).collect();
        emit(format!("{SEARCH_PATH}v/{key}.json"), to_bytes(&list));
    });
    Some(keys)
}

/// Counts a document's words by field weight and section. Each distinct word of the
/// document is looked up (stop word or not) and numbered once; an occurrence costs a hash
/// of two numbers.
fn raw_counts<'a>(
    site: &'a Site,
    entry: usize,
    sections: &'a [text::Section],
    analyzer: &Analyzer,
    interner: &Interner,
) -> RawCounts {
    /// The local number of a stop word: not counted.
    const STOP: u32 = u32::MAX;
    let e = &site.entries[entry];
    let f = &e.source.front;
    let mut length = 0.0;
    // Sized for a page of a few thousand words: growing the tables was a tenth of the time.
    let mut local: FxHashMap<Cow<'a, str>, u32> =
        FxHashMap::with_capacity_and_hasher(512, Default::default());
    // Sections come in order (the title, description and terms count as section 0), so a
    // word's weight is summed in `open` for the section it was last seen in and moved to
    // `tally` when it turns up in a later one: no table keyed by word and section.
    let mut open: Vec<(u32, f32)> = Vec::with_capacity(512);
    let mut tally: Vec<(u32, u32, f32)> = Vec::with_capacity(1024);
    let mut add = |text: &'a str, weight: f32, section: usize| {
        let section = section as u32;
        for w in words(text) {
            let id = match local.get(w.as_ref()) {
                Some(id) => *id,
                None => {
                    let id = if analyzer.is_stop(&w) {
                        STOP
                    } else {
                        open.push((section, 0.0));
                        (open.len() - 1) as u32
                    };
                    local.insert(w, id);
                    id
                }
            };
            let Some(slot) = open.get_mut(id as usize) else {
                continue; // a stop word
            };
            length += 1.0;
            if slot.0 != section {
                if slot.1 > 0.0 {
                    tally.push((id, slot.0, slot.1));
                }
                *slot = (section, 0.0);
            }
            slot.1 += weight;
        }
    };
    add(e.title(), W_TITLE, 0);
    add(f.description.as_deref().unwrap_or(""), W_DESCRIPTION, 0);
    for term in f.terms.values().flatten() {
        add(term, W_TERMS, 0);
    }
    for (i, s) in sections.iter().enumerate() {
        add(&s.heading, W_HEADING, i);
        add(&s.text, W_TEXT, i);
        add(&s.code, W_CODE, i);
    }
    for (id, (section, weight)) in open.iter().enumerate() {
        if *weight > 0.0 {
            tally.push((id as u32, *section, *weight));
        }
    }
    let mut global = vec![0u32; open.len()];
    for (word, id) in &local {
        if let Some(slot) = global.get_mut(*id as usize) {
            *slot = interner.id(word);
        }
    }
    // Packed anew: collecting `tally` in place would keep its capacity (sized for a long
    // page) in every document until the postings are written, which was 120 of the 260 MB
    // a 10,000-page build took.
    let words = Triples::pack(
        tally
            .iter()
            .map(|(id, section, weight)| (global[*id as usize], *section, *weight)),
    );
    RawCounts { words, length }
}

/// Folds a document's words into stems (and compound parts, at half weight), keeping for
/// each stem the section where it weighs most (section 0, which holds the title, description
/// and terms, counts only as body text there).
fn stem_counts(raw: &RawCounts, words: &[(u32, Vec<(u32, f32)>)]) -> Counts {
    let mut entries: Vec<((u32, u32), f32)> = Vec::with_capacity(raw.words.len_at_most() * 2);
    for (word, section, weight) in raw.words.iter() {
        let Some((stem, parts)) = words.get(word as usize) else {
            continue;
        };
        entries.push(((*stem, section), weight));
        for (p, w) in parts {
            entries.push(((*p, section), weight * w));
        }
    }
    // Sorted by stem and section, equal keys next to each other: summed as they come.
    entries.sort_unstable_by_key(|e| e.0);
    // (stem, section where it weighs most, weight): the order the counts are packed in.
    let mut counts: Vec<(u32, u32, f32)> = Vec::new();
    let mut best = 0.0f32;
    let mut at = 0;
    while at < entries.len() {
        let (stem, section) = entries[at].0;
        let mut weight = 0.0;
        while at < entries.len() && entries[at].0 == (stem, section) {
            weight += entries[at].1;
            at += 1;
        }
        let own = if section == 0 {
            weight.min(W_TEXT)
        } else {
            weight
        };
        match counts.last_mut() {
            Some(last) if last.0 == stem => {
                last.2 += weight;
                if own > best {
                    best = own;
                    last.1 = section;
                }
            }
            _ => {
                counts.push((stem, section, weight));
                best = own;
            }
        }
    }
    // Every document's counts are held until the postings are written: packed.
    Triples::pack(counts)
}

/// BM25 scores per stem and document, written in chunks of sorted stems.
fn postings(
    counted: Vec<(Counts, f32)>,
    names: &[&str],
    tails: BTreeMap<String, Vec<String>>,
    vocabulary: &[u32],
    emit: &(dyn Fn(String, Vec<u8>) + Sync),
    refresh: &Refresh,
) -> bool {
    let docs = counted.len();
    // The documents in as many consecutive groups as there are threads: each group's
    // postings are gathered by one thread (see `Postings::gather`).
    let group = docs.div_ceil(rayon::current_num_threads().max(1)).max(1);
    // Where each stem's postings start in each group's postings grouped by stem (and, one
    // on, end), and in the whole site's: counted first, so that the files can be cut before
    // any postings are gathered.
    let group_starts: Vec<Vec<usize>> = counted
        .par_chunks(group)
        .map(|counted| {
            let mut starts = vec![0usize; names.len() + 1];
            for (counts, _) in counted {
                for (stem, _, _) in counts.iter() {
                    starts[stem as usize + 1] += 1;
                }
            }
            for i in 1..starts.len() {
                starts[i] += starts[i - 1];
            }
            starts
        })
        .collect();
    let starts: Vec<usize> = (0..=names.len())
        .map(|i| group_starts.iter().map(|g| g[i]).sum())
        .collect();
    let lengths: Vec<f32> = counted.iter().map(|(_, length)| *length).collect();
    let stats = Stats {
        n: docs.max(1) as f32,
        avg: lengths.iter().sum::<f32>() / docs.max(1) as f32,
        lengths,
        starts,
        group,
        group_starts,
    };
    // Stem ids are in sorted order, so this is the stems' order too.
    let stems: Vec<(&str, usize)> = names
        .iter()
        .enumerate()
        .filter(|(i, _)| stats.len(*i) > 0)
        .map(|(i, stem)| (*stem, i))
        .collect();
    let scored = with_folded(stems, tails);
    // Cut the sorted keys into chunks of about CHUNK_BYTES.
    let mut chunks: Vec<&[(Cow<str>, Entry)]> = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, (stem, entry)) in scored.iter().enumerate() {
        bytes += stem.len() + entry.bytes(&stats) + 6;
        if bytes >= CHUNK_BYTES || i + 1 == scored.len() {
            chunks.push(&scored[start..=i]);
            start = i + 1;
            bytes = 0;
        }
    }
    let firsts: Vec<&str> = chunks.iter().map(|c| c[0].0.as_ref()).collect();
    // The chunks are written a batch at a time, and only the postings of a batch's stems are
    // gathered from the documents' counts: the postings of the whole site, as large as the
    // counts, are never held beside them. The batches go through the stems in order, so
    // each document's counts are read once, on from where the batch before stopped.
    let mut written = 0;
    let mut cursors: Vec<Cursor> = counted.iter().map(|(counts, _)| counts.iter()).collect();
    let mut gathered = 0;
    for batch in batches(&chunks, &stats) {
        if refresh.stopped() {
            return false;
        }
        let range = stem_range(batch);
        debug_assert!(range.is_empty() || range.start >= gathered, "batches go up");
        gathered = gathered.max(range.end);
        let Some(postings) = Postings::gather(&mut cursors, &stats, range, refresh) else {
            return false;
        };
        batch.par_iter().enumerate().for_each(|(i, chunk)| {
            if refresh.stopped() {
                return;
            }
            let map: serde_json::Map<String, serde_json::Value> = chunk
                .iter()
                .map(|(stem, entry)| {
                    let value = match entry {
                        Entry::Postings(id) => json!(postings.scores(&stats, *id)),
                        Entry::Stems(stems) => json!(stems),
                        Entry::Words(words) => json!(words),
                    };
                    (stem.to_string(), value)
                })
                .collect();
            emit(
                format!("{SEARCH_PATH}i/{}.json", written + i),
                to_bytes(&map),
            );
        });
        written += batch.len();
    }
    let manifest = json!({
        "version": 1,
        "docs": docs,
        "chunks": firsts,
        "fragments_per_file": FRAGMENTS_PER_FILE,
        "stop": analyze::STOP_WORDS,
        "vocabulary": vocabulary,
    });
    if refresh.stopped() {
        return false;
    }
    emit(format!("{SEARCH_PATH}index.json"), to_bytes(&manifest));
    true
}

/// How many batches the postings files are written in (see [`postings`]): a batch is closed
/// once it holds this share of the site's postings, so each holds about that share (more by
/// at most its last chunk's postings) and the last one the rest.
const POSTINGS_BATCHES: usize = 4;

/// The index's keys in chunks, each a slice of its sorted (key, entry) pairs.
type Chunks<'c, 'a> = [&'c [(Cow<'a, str>, Entry<'a>)]];

/// The chunks cut into consecutive batches of about a [`POSTINGS_BATCHES`]th of the
/// postings each.
fn batches<'c, 'a>(chunks: &'c Chunks<'c, 'a>, stats: &Stats) -> Vec<&'c Chunks<'c, 'a>> {
    let total = stats.starts.last().copied().unwrap_or(0);
    let most = total.div_ceil(POSTINGS_BATCHES).max(1);
    let mut out = Vec::new();
    let (mut start, mut held) = (0, 0);
    for (i, chunk) in chunks.iter().enumerate() {
        held += chunk
            .iter()
            .map(|(_, entry)| match entry {
                Entry::Postings(stem) => stats.len(*stem),
                _ => 0,
            })
            .sum::<usize>();
        if held >= most || i + 1 == chunks.len() {
            out.push(&chunks[start..=i]);
            start = i + 1;
            held = 0;
        }
    }
    out
}

/// The stems whose postings a batch of chunks writes: from its first to one past its last
/// (stem numbers are in the keys' sorted order).
fn stem_range(batch: &Chunks) -> std::ops::Range<usize> {
    let mut stems = batch
        .iter()
        .flat_map(|c| c.iter())
        .filter_map(|(_, e)| match e {
            Entry::Postings(stem) => Some(*stem),
            _ => None,
        });
    let first = stems.next();
    let last = stems.next_back().or(first);
    match (first, last) {
        (Some(a), Some(b)) => a..b + 1,
        _ => 0..0,
    }
}

/// What BM25 needs besides the postings: the documents and their lengths, and how many
/// postings each stem has.
struct Stats {
    /// Documents (at least 1).
    n: f32,
    /// Average document length.
    avg: f32,
    /// Each document's length.
    lengths: Vec<f32>,
    /// Where each stem's postings start among all stems' (and, one on, end).
    starts: Vec<usize>,
    /// How many consecutive documents make a group (the last may have fewer).
    group: usize,
    /// The same as `starts`, within each group's postings.
    group_starts: Vec<Vec<usize>>,
}

impl Stats {
    /// The number of postings of `stem`.
    fn len(&self, stem: usize) -> usize {
        self.starts[stem + 1] - self.starts[stem]
    }
}

/// The postings, (document, weighted term frequency, section), of a range of stems, each
/// stem's by document: one part a group of documents ([`Stats::group`]).
struct Postings {
    parts: Vec<Part>,
}

/// The postings of one group of documents.
struct Part {
    /// Where the range's postings start among the group's.
    offset: usize,
    flat: Vec<(u32, f32, u32)>,
}

impl Postings {
    /// Gathers the postings of the stems in `range` from every document's counts (each
    /// sorted by stem), in document order, reading each document's counts on from its
    /// cursor: a thread a group of documents, each into its own part, so that no two
    /// threads write to the same memory.
    fn gather(
        cursors: &mut [Cursor],
        stats: &Stats,
        range: std::ops::Range<usize>,
        refresh: &Refresh,
    ) -> Option<Postings> {
        let parts = cursors
            .par_chunks_mut(stats.group)
            .zip(&stats.group_starts)
            .enumerate()
            .map(|(g, (cursors, starts))| {
                let offset = starts[range.start];
                let mut next: Vec<usize> =
                    starts[range.clone()].iter().map(|s| s - offset).collect();
                let mut flat = vec![(0, 0.0, 0); starts[range.end] - offset];
                for (i, cursor) in cursors.iter_mut().enumerate() {
                    let doc = g * stats.group + i;
                    if doc.is_multiple_of(STOP_EVERY) && refresh.stopped() {
                        return None;
                    }
                    while let Some((stem, section, tf)) = cursor.next_below(range.end) {
                        let Some(at) = (stem as usize)
                            .checked_sub(range.start)
                            .and_then(|i| next.get_mut(i))
                        else {
                            continue;
                        };
                        flat[*at] = (doc as u32, tf, section);
                        *at += 1;
                    }
                }
                Some(Part { offset, flat })
            })
            .collect::<Option<Vec<Part>>>()?;
        Some(Postings { parts })
    }

    /// The postings of `stem`, by document: each group's in turn.
    fn list<'p>(
        &'p self,
        stats: &'p Stats,
        stem: usize,
    ) -> impl Iterator<Item = &'p (u32, f32, u32)> {
        self.parts
            .iter()
            .zip(&stats.group_starts)
            .flat_map(move |(part, starts)| {
                let from = starts[stem] - part.offset;
                &part.flat[from..from + starts[stem + 1] - starts[stem]]
            })
    }

    /// The postings of `stem` (in this range) as written: `[document, score, section, …]`,
    /// by document, the best [`MAX_POSTINGS`] when there are more.
    fn scores(&self, stats: &Stats, stem: usize) -> Vec<u64> {
        let df = stats.len(stem) as f32;
        let idf = (1.0 + (stats.n - df + 0.5) / (df + 0.5)).ln();
        let mut scored: Vec<(u64, u64, u64)> = self
            .list(stats, stem)
            .map(|&(doc, tf, section)| {
                let length = stats.lengths[doc as usize].max(1.0);
                let score =
                    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / stats.avg.max(1.0)));
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
        scored.into_iter().flat_map(|(d, s, h)| [d, s, h]).collect()
    }
}

/// A key of the postings files: a stem's postings (by stem number), or the stems a folded
/// key or a tail key stands for.
enum Entry<'a> {
    Postings(usize),
    Stems(Vec<&'a str>),
    Words(Vec<String>),
}

impl Entry<'_> {
    /// About the bytes it takes in JSON.
    fn bytes(&self, stats: &Stats) -> usize {
        match self {
            Entry::Postings(stem) => stats.len(*stem).min(MAX_POSTINGS) * 3 * 4,
            Entry::Stems(stems) => stems.iter().map(|s| s.len() + 3).sum(),
            Entry::Words(words) => words.iter().map(|s| s.len() + 3).sum(),
        }
    }
}

/// The scored stems plus, for every stem with diacritics, its folded key (`~vaxjo` →
/// `["växjö"]`): a few bytes a stem instead of a second copy of its postings; and the tail
/// keys. All keys in sorted order.
fn with_folded<'a>(
    scored: Vec<(&'a str, usize)>,
    tails: BTreeMap<String, Vec<String>>,
) -> Vec<(Cow<'a, str>, Entry<'a>)> {
    let mut folded: BTreeMap<String, Vec<&'a str>> = BTreeMap::new();
    for (stem, _) in &scored {
        let f = analyze::fold(stem);
        if f != *stem {
            folded
                .entry(format!("{}{f}", analyze::FOLDED))
                .or_default()
                .push(stem);
        }
    }
    let mut all: Vec<(Cow<'a, str>, Entry<'a>)> = scored
        .into_iter()
        .map(|(stem, id)| (Cow::Borrowed(stem), Entry::Postings(id)))
        .chain(
            folded
                .into_iter()
                .map(|(key, stems)| (Cow::Owned(key), Entry::Stems(stems))),
        )
        .chain(
            tails
                .into_iter()
                .map(|(key, words)| (Cow::Owned(key), Entry::Words(words))),
        )
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}

/// What a result shows for one document (an item of a fragment file): title, path, top
/// section, description and its sections for the excerpt.
#[derive(serde::Serialize)]
struct Fragment<'a> {
    t: &'a str,
    u: &'a str,
    s: &'a str,
    d: &'a str,
    h: Vec<[&'a str; 2]>,
    x: Vec<Cow<'a, str>>,
}

fn fragment<'a>(site: &'a Site, entry: usize, sections: &'a [text::Section]) -> Fragment<'a> {
    let e = &site.entries[entry];
    Fragment {
        t: e.title(),
        u: &e.path,
        s: top_section(site, entry).map_or("", |s| site.entries[s].title()),
        d: e.source.front.description.as_deref().unwrap_or(""),
        h: sections
            .iter()
            .map(|s| [s.anchor.as_str(), s.heading.as_str()])
            .collect(),
        x: sections
            .iter()
            .map(|s| truncate(&s.shown, SECTION_CHARS))
            .collect(),
    }
}

/// What a result would show of a page kept out of the search: nothing but its title and
/// path (a document number must still lead somewhere).
fn hidden_fragment(site: &Site, entry: usize) -> Fragment<'_> {
    let e = &site.entries[entry];
    Fragment {
        t: e.title(),
        u: &e.path,
        s: "",
        d: "",
        h: Vec::new(),
        x: Vec::new(),
    }
}

/// Filter values: top-level section, every taxonomy, and document type.
fn filters(site: &Site) -> Vec<u8> {
    let mut groups = Vec::new();
    let mut sections: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut types: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // Document `i` is entry `i`.
    for i in 0..site.entries.len() {
        if !searchable(site, i) {
            continue;
        }
        if let Some(top) = top_section(site, i) {
            sections.entry(top).or_default().push(i);
        }
        if let Some(t) = site.entries[i]
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
    for t in &site.taxonomies {
        let values: Vec<serde_json::Value> = t
            .terms
            .iter()
            .filter_map(|term| {
                let entries: Vec<usize> = term
                    .entries
                    .iter()
                    .copied()
                    .filter(|e| searchable(site, *e))
                    .collect();
                (!entries.is_empty()).then(|| json!([term.name, entries]))
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

fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if s.len() <= max {
        return Cow::Borrowed(s);
    }
    match s.char_indices().nth(max) {
        Some((i, _)) => Cow::Owned(format!("{}…", &s[..i])),
        None => Cow::Borrowed(s),
    }
}

/// Appends a value as JSON (of handbok's own types and strings: it cannot fail).
/// Appends `value` as the next item of the JSON array being written in `out`.
fn json_item<T: serde::Serialize>(out: &mut Vec<u8>, value: &T) {
    out.push(if out.is_empty() { b'[' } else { b',' });
    write_json(out, value);
}

fn write_json<T: serde::Serialize>(out: &mut Vec<u8>, value: &T) {
    let _ = serde_json::to_writer(out, value);
}

fn to_bytes<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

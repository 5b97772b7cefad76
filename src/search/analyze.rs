//! Text analysis for search, shared by the index builder and the query evaluator:
//! tokenising, Swedish stop words, Snowball stemming, and decompounding against the
//! site's own vocabulary ("hållbarhetsstrategi" also counts as "hållbarhet" and "strategi").
//!
//! The stemmer is Snowball 3.0's Swedish (the `pagefind_stem` crate), which also strips the
//! definite `-et` after a vowel and a consonant (`förslaget` → `förslag`, `ansvaret` →
//! `ansvar`). The browser client (`themes/default/static/search.js`) has its own port of
//! the same algorithm; `tests/browser/analysis.test.mjs` checks that both analyse every word
//! of the bundled handbook and of a synthetic corpus alike.

use std::collections::{HashMap, HashSet};

use pagefind_stem::{Algorithm, Stemmer};

/// Swedish stop words (the Snowball list): too common to help a search.
pub const STOP_WORDS: &[&str] = &[
    "och", "det", "att", "i", "en", "jag", "hon", "som", "han", "på", "den", "med", "var", "sig",
    "för", "så", "till", "är", "men", "ett", "om", "hade", "de", "av", "icke", "mig", "du",
    "henne", "då", "sin", "nu", "har", "inte", "hans", "honom", "skulle", "hennes", "där", "min",
    "man", "ej", "vid", "kunde", "något", "från", "ut", "när", "efter", "upp", "vi", "dem", "vara",
    "vad", "över", "än", "dig", "kan", "sina", "här", "ha", "mot", "alla", "under", "någon",
    "eller", "allt", "mycket", "sedan", "ju", "denna", "själv", "detta", "åt", "utan", "varit",
    "hur", "ingen", "mitt", "ni", "bli", "blev", "oss", "din", "dessa", "några", "deras", "blir",
    "mina", "samma", "vilken", "er", "sådan", "vår", "blivit", "dess", "inom", "mellan", "sådant",
    "varför", "varje", "vilka", "ditt", "vem", "vilket", "sitta", "sådana", "vart", "dina", "vars",
    "vårt", "våra", "ert", "era", "vilkas",
];

/// Shortest part a compound is split into, in characters.
pub const MIN_PART: usize = 4;
/// Shortest last part (head) indexed when it never occurs alone: `ort` in `kommunort` is
/// too short to mean the same thing in every word it ends.
pub const MIN_HEAD: usize = 5;
/// Shortest end of a word indexed as a last part whatever comes before it, and the shortest
/// word whose ends are: long ends of long words are almost always compound parts
/// (`byvaktmästare`, `ungdomspsykiatrin`), short ones often are not (`ort`, `ning`).
pub const MIN_TAIL: usize = 7;
pub const MIN_TAILED: usize = 10;

/// The ends of `word` of [`MIN_TAIL`] letters or more after at least two letters, for words
/// of [`MIN_TAILED`] letters or more: `byvaktmästare` → `vaktmästare`, `aktmästare`, ….
pub fn tails(word: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    if chars.len() < MIN_TAILED || chars.len() > MAX_COMPOUND {
        return Vec::new();
    }
    (2..=chars.len() - MIN_TAIL)
        .map(|i| word[chars[i].0..].to_string())
        .collect()
}

/// Prefix of a tail key in the index (`>psykiatri`): see [`tails`].
pub const TAIL: char = '>';

/// Longest word that is split or has its ends indexed: no real compound is longer, and the
/// work and keys grow with the square of the length (a 5,000-letter word of junk).
pub const MAX_COMPOUND: usize = 60;

/// Shortest query stem looked up as the end of longer words: `e` or `ab` would find every
/// long word.
pub const MIN_TAIL_QUERY: usize = 5;

/// Shortest word that is tried as a compound.
pub const MIN_COMPOUND: usize = 8;

/// Splits text into lower-case words of letters and digits (every run of characters for
/// which `char::is_alphanumeric` holds), lower-cased when they have a capital.
pub fn words(text: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
    Words { text, at: 0 }
}

/// [`words`], read byte by byte: ASCII, most of any Swedish text, is never decoded.
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = std::borrow::Cow<'a, str>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let (mut start, mut upper) = (None, false);
        while self.at < bytes.len() {
            let b = bytes[self.at];
            let (word, capital, len) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), b.is_ascii_uppercase(), 1)
            } else if b == 0xC3
                && bytes
                    .get(self.at + 1)
                    .is_some_and(|c| *c != 0x97 && *c != 0xB7)
            {
                // U+00C0-U+00FF (å, ä, ö, é, ...) without × and ÷: letters, capitals below U+00DF.
                (true, bytes[self.at + 1] < 0x9F, 2)
            } else {
                match self.text[self.at..].chars().next() {
                    Some(c) => (c.is_alphanumeric(), c.is_uppercase(), c.len_utf8()),
                    None => break,
                }
            };
            if word {
                start.get_or_insert(self.at);
                upper |= capital;
            } else if start.is_some() {
                break;
            }
            self.at += len;
        }
        let word = &self.text[start?..self.at];
        Some(if upper {
            std::borrow::Cow::Owned(word.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        })
    }
}

/// Prefix of a folded key in the index: `~vaxjo` lists the stems that fold to `vaxjo`
/// (`växjö`), so a query typed without diacritics finds them. The prefix keeps the folded
/// keys apart from real stems (`har` and `~har` → `här`).
pub const FOLDED: char = '~';

/// A lower-case word with its diacritics removed (`växjö` → `vaxjo`, `café` → `cafe`).
/// Applied to stems, after stemming: the Swedish stemmer treats å, ä and ö as the vowels
/// a and o are, so `folkhalsan` stems to the folded stem of `folkhälsan`.
pub fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return std::borrow::Cow::Borrowed(word);
    }
    std::borrow::Cow::Owned(word.chars().map(fold_char).collect())
}

fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'š' => 's',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' => 'z',
        _ => c,
    }
}

/// Shortest query word that is matched with typos allowed.
pub const TYPO_MIN: usize = 5;
/// Query words this long or longer may differ by two edits, shorter ones by one.
pub const TYPO_TWO: usize = 9;

/// The edits a query word of `chars` letters may differ by from a word of the site.
pub fn typo_budget(chars: usize) -> usize {
    if chars >= TYPO_TWO {
        2
    } else if chars >= TYPO_MIN {
        1
    } else {
        0
    }
}

/// Whether a query word is tried for typos: long enough, and letters only (a number or a
/// code like `ks2023` is meant exactly).
pub fn typo_candidate(word: &str) -> bool {
    word.chars().count() >= TYPO_MIN && word.chars().all(char::is_alphabetic)
}

/// The edit distance between `a` and `b` (insertions, deletions, substitutions, and swaps
/// of two neighbouring letters count one each: `hållbarhte` is one from `hållbarhet`), or
/// `None` when it is over `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the optimal-string-alignment table.
    let mut before = vec![0usize; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    Some(last[b.len()]).filter(|d| *d <= max)
}

/// The analyser: a Swedish stemmer (Snowball 3.0), the stop words, and (for the index) the
/// vocabulary.
pub struct Analyzer {
    stemmer: Stemmer,
    stop: rustc_hash::FxHashSet<&'static str>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::Swedish),
            stop: STOP_WORDS.iter().copied().collect(),
        }
    }
}

impl Analyzer {
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }

    /// The stem of a lower-case word.
    pub fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }

    /// The stems a query's words are looked up by (stop words dropped, unless the query has
    /// nothing else).
    pub fn query_stems(&self, query: &str) -> Vec<String> {
        self.query_words(query)
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    }

    /// The words a query is looked up by, each with its stem (stop words dropped, unless
    /// the query has nothing else; a word whose stem is the one before it dropped too).
    pub fn query_words(&self, query: &str) -> Vec<(String, String)> {
        let all: Vec<String> = words(query).map(|w| w.into_owned()).collect();
        let kept: Vec<&String> = all.iter().filter(|w| !self.is_stop(w)).collect();
        let chosen: Vec<&String> = if kept.is_empty() {
            all.iter().collect()
        } else {
            kept
        };
        let mut out: Vec<(String, String)> = Vec::new();
        for w in chosen {
            let stem = self.stem(w);
            if !out.iter().any(|(_, s)| *s == stem) {
                out.push((w.clone(), stem));
            }
        }
        out
    }
}

/// Decompounds words against a vocabulary of words that occur on their own in the site.
pub struct Decompounder {
    vocabulary: HashSet<String>,
    /// Stems of the vocabulary: an inflected part (`planen`) is known by its stem (`plan`).
    stems: HashSet<String>,
    stemmer: Stemmer,
    cache: HashMap<String, Vec<String>>,
    /// Whether a word splits at all, remembered: the search for a split tries every
    /// position and recurses into the rest.
    splits: std::cell::RefCell<HashMap<String, bool>>,
}

impl Decompounder {
    /// `vocabulary`: every word of the site, lower case.
    pub fn new<I: IntoIterator<Item = String>>(vocabulary: I, analyzer: &Analyzer) -> Self {
        let vocabulary: HashSet<String> = vocabulary
            .into_iter()
            .filter(|w| w.chars().count() >= MIN_PART && !analyzer.is_stop(w))
            .collect();
        let stems = vocabulary
            .iter()
            .map(|w| analyzer.stem(w))
            .filter(|s| s.chars().count() >= MIN_PART)
            .collect();
        Self {
            vocabulary,
            stems,
            stemmer: Stemmer::create(Algorithm::Swedish),
            cache: HashMap::new(),
            splits: std::cell::RefCell::new(HashMap::new()),
        }
    }

    /// The form a part is known by: the part itself or, for an inflected part
    /// (`strategin`, `planen`), the shorter word or stem of the site it starts with.
    fn known(&self, part: &str) -> Option<String> {
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        for cut in 0..=3usize.min(chars.len().saturating_sub(MIN_PART)) {
            let end = if cut == 0 {
                part.len()
            } else {
                chars[chars.len() - cut].0
            };
            let form = &part[..end];
            if self.vocabulary.contains(form) || self.stems.contains(form) {
                return Some(form.to_string());
            }
        }
        let stem = self.stemmer.stem(part);
        (stem.chars().count() >= MIN_PART && self.stems.contains(stem.as_ref()))
            .then(|| stem.into_owned())
    }

    /// The parts of `word` (each a vocabulary word, compounds split again), or nothing when
    /// it is not a compound of known words. Swedish linking `s` is allowed between parts:
    /// `klimatanpassningsplan` → `klimatanpassning`, `klimat`, `anpassning`, `plan`.
    pub fn parts(&mut self, word: &str) -> Vec<String> {
        if let Some(p) = self.cache.get(word) {
            return p.clone();
        }
        let mut out = Vec::new();
        let split = if word.chars().count() > MAX_COMPOUND {
            None
        } else {
            self.split(word)
        };
        if let Some((left, right)) = split {
            for part in [left, right] {
                let sub = self.parts(&part);
                out.push(part);
                out.extend(sub);
            }
            out.sort();
            out.dedup();
        }
        self.cache.insert(word.to_string(), out.clone());
        out
    }

    /// The last parts of a compound whose last part never occurs alone: a first part known
    /// to the site, then (with or without a linking `s`) a rest of at least [`MIN_HEAD`]
    /// letters, split again the same way, at every such cut. `jämställdhetsintegrering` →
    /// `integrering` (and `sintegrering`, since a linking `s` cannot be told from a part that
    /// starts with `s`).
    pub fn heads(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        if word.chars().count() > MAX_COMPOUND {
            return out;
        }
        self.heads_into(word, &mut out);
        out.sort();
        out.dedup();
        out
    }

    /// Whether `left` is a first part of a compound: a word of the site, or one that drops
    /// its last `e` or `a` in compounds (`medborgar|utskott` from `medborgare`, `arbet|s|
    /// terapeut` from `arbete`), or a stem of six letters or more (`ungdom` of `ungdomar`).
    /// Not a shorter stem: `klim` (of `klimat`) would split off `atanpassning`.
    fn first_part(&self, left: &str) -> bool {
        if self.vocabulary.contains(left) {
            return true;
        }
        let mut dropped = String::with_capacity(left.len() + 1);
        for end in ['e', 'a'] {
            dropped.clear();
            dropped.push_str(left);
            dropped.push(end);
            if self.vocabulary.contains(&dropped) {
                return true;
            }
        }
        left.chars().count() >= 6 && self.stems.contains(left)
    }

    fn heads_into(&self, word: &str, out: &mut Vec<String>) {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < MIN_PART + MIN_HEAD {
            return;
        }
        for i in (MIN_PART..=chars.len() - MIN_HEAD).rev() {
            let left = &word[..chars[i].0];
            if !self.first_part(left) {
                continue;
            }
            let rest = &word[chars[i].0..];
            let linked = rest
                .strip_prefix('s')
                .filter(|r| r.chars().count() >= MIN_HEAD);
            for head in std::iter::once(rest).chain(linked) {
                // Each rest is split once: the same rest is met from several cuts.
                if !out.iter().any(|o| o == head) {
                    out.push(head.to_string());
                    self.heads_into(head, out);
                }
            }
        }
    }

    /// The best split into two known parts: the longest known left part whose rest (after
    /// an optional linking `s`) is known or itself a compound. Parts are known as words of
    /// the site or by their stem, so `klimatanpassningsplanen` splits at `plan(en)` when the
    /// site says `planer` somewhere.
    fn splits_at_all(&self, word: &str) -> bool {
        if let Some(known) = self.splits.borrow().get(word) {
            return *known;
        }
        let result = self.split(word).is_some();
        self.splits.borrow_mut().insert(word.to_string(), result);
        result
    }

    fn split(&self, word: &str) -> Option<(String, String)> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < MIN_COMPOUND {
            return None;
        }
        for i in (MIN_PART..=chars.len() - MIN_PART).rev() {
            let at = chars[i].0;
            let left = &word[..at];
            // `klimatanpassnings|plan` is `klimatanpassning` + linking `s` + `plan`.
            let linking = left
                .strip_suffix('s')
                .is_some_and(|l| self.vocabulary.contains(l) || self.stems.contains(l));
            if linking || !(self.vocabulary.contains(left) || self.stems.contains(left)) {
                continue;
            }
            let rest = &word[at..];
            for right in [rest, rest.strip_prefix('s').unwrap_or("")] {
                if right.chars().count() < MIN_PART {
                    continue;
                }
                if let Some(form) = self.known(right) {
                    return Some((left.to_string(), form));
                }
                if self.splits_at_all(right) {
                    return Some((left.to_string(), right.to_string()));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_stems_join_inflections() {
        let a = Analyzer::default();
        assert_eq!(a.stem("hållbara"), a.stem("hållbarhet"));
        assert_eq!(a.stem("kommunerna"), a.stem("kommun"));
        assert_eq!(
            a.query_stems("Hållbara och strategi"),
            vec![a.stem("hållbara"), a.stem("strategi")]
        );
    }

    #[test]
    fn folding_after_stemming_agrees_with_typing_without_diacritics() {
        let a = Analyzer::default();
        for (with, without) in [
            ("folkhälsan", "folkhalsan"),
            ("folkhälsa", "folkhalsa"),
            ("växjö", "vaxjo"),
            ("jämställdhet", "jamstalldhet"),
            ("kommunstyrelsens", "kommunstyrelsens"),
        ] {
            assert_eq!(fold(&a.stem(with)), a.stem(without), "{with} / {without}");
        }
        assert_eq!(fold("café"), "cafe");
        assert_eq!(fold("müller"), "muller");
    }

    #[test]
    fn words_are_the_runs_of_letters_and_digits() {
        let reference = |text: &str| -> Vec<String> {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    if w.chars().any(char::is_uppercase) {
                        w.to_lowercase()
                    } else {
                        w.to_string()
                    }
                })
                .collect()
        };
        let alphabet = [
            'a', 'Z', 'å', 'Ö', '1', '²', 'ǅ', ' ', '-', '\u{ad}', '\u{a0}', 'é', 'İ', '中', '.',
            '×', '÷', 'ß', 'Þ', 'ÿ', 'À', '😀',
        ];
        let mut next = crate::search::test_numbers(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let text: String = (0..next(12))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let got: Vec<String> = words(&text).map(|w| w.into_owned()).collect();
            assert_eq!(got, reference(&text), "text {text:?}");
        }
        assert_eq!(
            words("Växjö, KS 2023/474").collect::<Vec<_>>(),
            ["växjö", "ks", "2023", "474"]
        );
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("hållbarhte", "hållbarhet", 2), Some(1));
        assert_eq!(
            edit_distance("klimatanpasning", "klimatanpassning", 2),
            Some(1)
        );
        assert_eq!(edit_distance("strategi", "strategi", 1), Some(0));
        assert_eq!(edit_distance("planering", "plan", 2), None);
        assert_eq!(edit_distance("kommun", "kammar", 1), None);
        assert_eq!(edit_distance("abcd", "bacd", 1), Some(1));
        assert_eq!(edit_distance("mandat", "mandag", 1), Some(1));
        assert_eq!(typo_budget(4), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(10), 2);
        assert!(!typo_candidate("ks2023"));
    }

    #[test]
    fn compounds_split_against_the_vocabulary() {
        let a = Analyzer::default();
        let vocab = [
            "klimat",
            "anpassning",
            "planer",
            "hållbarhet",
            "strategi",
            "klimatanpassning",
        ];
        let mut d = Decompounder::new(vocab.iter().map(|s| s.to_string()), &a);
        assert_eq!(
            d.parts("klimatanpassningsplan"),
            ["anpassning", "klimat", "klimatanpassning", "plan"]
        );
        assert_eq!(
            d.parts("klimatanpassningsplanen"),
            ["anpassning", "klimat", "klimatanpassning", "plan"]
        );
        assert_eq!(d.parts("hållbarhetsstrategin"), ["hållbarhet", "strategi"]);
        assert_eq!(d.parts("hållbarhetsstrategi"), ["hållbarhet", "strategi"]);
        assert!(d.parts("planering").is_empty());
        // A last part that never occurs alone is still indexed, a short one is not.
        assert!(d.parts("hållbarhetsintegrering").is_empty());
        assert!(d
            .heads("hållbarhetsintegrering")
            .contains(&"integrering".to_string()));
        assert!(d.heads("klimatort").is_empty());
        // Every cut is tried, and first parts that drop their last letter in compounds.
        let vocab = [
            "social",
            "bidra",
            "bidrag",
            "medborgare",
            "arbete",
            "kommun",
        ];
        let e = Decompounder::new(vocab.iter().map(|s| s.to_string()), &a);
        let heads = e.heads("socialbidragsberoendet");
        assert!(heads.contains(&"beroendet".to_string()), "{heads:?}");
        assert!(e.heads("medborgarutskott").contains(&"utskott".to_string()));
        assert!(e.heads("arbetsterapeut").contains(&"terapeut".to_string()));
        assert!(d.parts("klimat").is_empty());
    }
}

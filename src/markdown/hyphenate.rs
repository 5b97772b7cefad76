//! Soft hyphens (U+00AD) in long Swedish words, so that a heading such as
//! "Kommunstyrelseberedningen" breaks at a syllable on a narrow phone screen instead of
//! running out of the page. Browsers show the hyphen only where they break the line.
//!
//! The patterns are the TeX Swedish patterns, embedded by the `hypher` crate with only the
//! Swedish language compiled in (about 24 KB).

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The soft hyphen.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// Words with fewer letters than this are left whole.
pub const MIN_LETTERS: usize = 12;

/// At least this many letters stay before the first break and after the last one.
const LEFT_MIN: usize = 2;
const RIGHT_MIN: usize = 3;

/// `text` with soft hyphens at the syllable breaks of every word of [`MIN_LETTERS`] or
/// more letters; other text, and text that has soft hyphens already, is returned as it is.
pub fn soft_hyphens(text: &str) -> Cow<'_, str> {
    if text.contains(SOFT_HYPHEN) || !has_long_word(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphabetic(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(start)) => {
                push_word(&mut out, &text[start..i]);
                word_start = None;
                out.push(c);
            }
            (false, None) => out.push(c),
            (true, Some(_)) => {}
        }
    }
    if let Some(start) = word_start {
        push_word(&mut out, &text[start..]);
    }
    Cow::Owned(out)
}

fn has_long_word(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= MIN_LETTERS {
            return true;
        }
    }
    false
}

fn push_word(out: &mut String, word: &str) {
    if word.chars().count() < MIN_LETTERS {
        out.push_str(word);
        return;
    }
    /// Long words kept per thread before the cache starts again, and the longest word kept
    /// (a run of letters can be a whole paragraph): bounds on memory, not on correctness
    /// (the breaks depend on the word alone).
    const KEEP: usize = 16 * 1024;
    const LONGEST: usize = 64;
    thread_local! {
        static DONE: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Box<str>>> =
            std::cell::RefCell::default();
    }
    // The same compounds come back in heading after heading and title after title.
    DONE.with_borrow_mut(|done| {
        if let Some(found) = done.get(word) {
            out.push_str(found);
            return;
        }
        let mut made = String::with_capacity(word.len() + 8);
        for (n, syllable) in
            hypher::hyphenate_bounded(word, hypher::Lang::Swedish, LEFT_MIN, RIGHT_MIN).enumerate()
        {
            if n > 0 {
                made.push(SOFT_HYPHEN);
            }
            made.push_str(syllable);
        }
        out.push_str(&made);
        if word.len() <= LONGEST {
            if done.len() >= KEEP {
                done.clear();
            }
            done.insert(word.into(), made.into());
        }
    })
}

/// Soft hyphens in the text of every heading of `events`. Runs after the ids and the table
/// of contents are made, so that neither holds a soft hyphen.
pub fn headings(events: &mut [(Event<'_>, Range<usize>)]) {
    let mut in_heading = false;
    for (e, _) in events.iter_mut() {
        match e {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => {
                if let Cow::Owned(h) = soft_hyphens(t) {
                    *t = CowStr::from(h);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> String {
        soft_hyphens(s).replace(SOFT_HYPHEN, "-")
    }

    #[test]
    fn long_compounds_break_at_syllables() {
        assert_eq!(
            shown("Kommunstyrelseberedningen"),
            "Kom-mun-sty-rel-se-be-red-ningen"
        );
        assert_eq!(
            shown("Uppdragsbeskrivningen och socialbidragsberoendet"),
            "Upp-drags-be-skriv-ningen och so-ci-al-bi-drags-be-ro-en-det"
        );
        assert_eq!(shown("Samlingspunkten, 2024"), "Sam-lings-punk-ten, 2024");
    }

    #[test]
    fn a_word_met_again_is_hyphenated_as_the_first_time() {
        // The second and third time come from this thread's cache of words.
        let text = "Barnkonsekvensanalysen, barnkonsekvensanalysen och Barnkonsekvensanalysen";
        assert_eq!(
            shown(text),
            "Barn-kon-se-kven-sa-na-ly-sen, barn-kon-se-kven-sa-na-ly-sen och Barn-kon-se-kven-sa-na-ly-sen"
        );
        // A run of letters too long to keep is hyphenated all the same, each time, as a
        // thread with an empty cache hyphenates it.
        let long = "a".repeat(30) + &"kommunstyrelseberedningen".repeat(4);
        let fresh = {
            let long = long.clone();
            std::thread::spawn(move || shown(&long)).join().unwrap()
        };
        assert_eq!(shown(&long), fresh);
        assert_eq!(shown(&long), fresh);
        assert!(shown(&long).contains('-'));
        assert_eq!(shown(&long).replace('-', ""), long);
    }

    #[test]
    fn short_words_and_hyphenated_text_stay_as_they_are() {
        assert!(matches!(soft_hyphens("Mål och mandat"), Cow::Borrowed(_)));
        // Eleven letters: left whole.
        assert_eq!(shown("hållbarhets"), "hållbarhets");
        let once = soft_hyphens("Kommunstyrelseberedningen").into_owned();
        assert_eq!(soft_hyphens(&once), once);
        assert_eq!(once.replace(SOFT_HYPHEN, ""), "Kommunstyrelseberedningen");
    }
}

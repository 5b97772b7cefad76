//! Every message in the language asked for, and only in it: each bad-input fixture
//! (`tests/fixtures/bad-*`, laid over the `basic` site) is built with `--lang sv` and with
//! `--lang en`, and no line of the Swedish run may hold an English text of the message
//! catalogue, nor a line of the English run a Swedish one. The labels (`fel:`, `varning:`,
//! `tips:` against `error:`, `warning:`, `hint:`) must be those of the language too.
//!
//! A line holds a catalogue text when all the literal pieces of its pattern (the text
//! between the placeholders) that are at least 8 characters long appear in it in order.
//! A pattern of several lines is matched line by line; a line that the other language's
//! text of a translated entry has too (`  title: Sidans rubrik` in an example) says
//! nothing about the language and is left out.

mod common;

use std::path::Path;
use std::process::Command;

use common::{fixtures_dir, Site};
use handbok::messages::{pieces, Message, ALL};

/// The shortest piece of a pattern that counts: shorter ones (`, `, ` (`) occur anywhere.
const MIN_PIECE: usize = 8;

/// One line of one catalogue text, as the pieces a line of output must hold to contain it.
struct Matcher {
    code: &'static str,
    text: &'static str,
    pieces: Vec<&'static str>,
}

impl Matcher {
    fn found_in(&self, line: &str) -> bool {
        let mut rest = line;
        for piece in &self.pieces {
            match rest.find(piece) {
                Some(at) => rest = &rest[at + piece.len()..],
                None => return false,
            }
        }
        true
    }
}

/// The matchers of every entry's text in one language (`text` picks it, `other` the text
/// of the other language).
fn matchers(
    text: fn(&Message) -> &'static str,
    other: fn(&Message) -> &'static str,
) -> Vec<Matcher> {
    let mut out = Vec::new();
    for m in ALL {
        for line in text(m).split('\n') {
            let long: Vec<&'static str> = pieces(line)
                .into_iter()
                .filter(|p| p.chars().count() >= MIN_PIECE)
                .collect();
            // A line of an example, the same in both languages of an entry that is
            // translated, says nothing about the language.
            let example = text(m) != other(m) && other(m).split('\n').any(|l| l == line);
            if long.is_empty() || example {
                continue;
            }
            out.push(Matcher {
                code: m.code,
                text: text(m),
                pieces: long,
            });
        }
    }
    out
}

fn english(m: &Message) -> &'static str {
    m.en
}

fn swedish(m: &Message) -> &'static str {
    m.sv
}

/// `handbok build --lang LANG` in `root`, with `HANDBOK_LANG` saying the same; its stderr.
fn build(root: &Path, lang: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_handbok"))
        .args(["build", "--lang", lang])
        .current_dir(root)
        .env_remove("RUST_BACKTRACE")
        .env("HANDBOK_LANG", lang)
        .output()
        .expect("run the handbok binary");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !stderr.contains("panicked") && output.status.code() != Some(101),
        "handbok panicked:\n{stderr}"
    );
    assert_ne!(
        output.status.code(),
        Some(0),
        "the bad site built:\n{stderr}"
    );
    stderr
}

/// The bad-input fixtures, by name.
fn bad_fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("read tests/fixtures")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bad-"))
        .collect();
    names.sort();
    names
}

/// The label a line of the text report starts its message or hint with, if any.
fn label(line: &str) -> Option<&'static str> {
    const LABELS: [&str; 6] = ["error", "warning", "hint", "fel", "varning", "tips"];
    LABELS.into_iter().find(|l| {
        let labelled = format!("{l}: ");
        line.trim_start().starts_with(&labelled) || line.contains(&format!(": {labelled}"))
    })
}

/// The problems of one run: lines holding a text of the other language, and labels of
/// the other language.
fn problems(fixture: &str, lang: &str, stderr: &str, foreign: &[Matcher]) -> Vec<String> {
    let (own, other): (&[&str], &[&str]) = match lang {
        "sv" => (&["fel", "varning", "tips"], &["error", "warning", "hint"]),
        _ => (&["error", "warning", "hint"], &["fel", "varning", "tips"]),
    };
    let mut out = Vec::new();
    for line in stderr.lines() {
        for m in foreign.iter().filter(|m| m.found_in(line)) {
            out.push(format!(
                "{fixture} (--lang {lang}): {} {:?} in: {line}",
                m.code, m.text
            ));
        }
        if let Some(l) = label(line).filter(|l| other.contains(l)) {
            out.push(format!(
                "{fixture} (--lang {lang}): the label `{l}:` in: {line}"
            ));
        }
    }
    let labelled = stderr
        .lines()
        .any(|l| label(l).is_some_and(|l| own[..2].contains(&l)));
    if !labelled {
        out.push(format!(
            "{fixture} (--lang {lang}): no `{}:` or `{}:` line:\n{stderr}",
            own[0], own[1]
        ));
    }
    out
}

#[test]
fn every_bad_fixture_speaks_only_the_language_asked_for() {
    let english_texts = matchers(english, swedish);
    let swedish_texts = matchers(swedish, english);
    assert!(english_texts.len() > 300 && swedish_texts.len() > 300);
    let fixtures = bad_fixtures();
    assert!(fixtures.len() >= 10, "{fixtures:?}");
    let mut found = Vec::new();
    for fixture in &fixtures {
        let site = Site::from_fixture("basic");
        site.overlay(fixture);
        let sv = build(site.root(), "sv");
        found.extend(problems(fixture, "sv", &sv, &english_texts));
        let en = build(site.root(), "en");
        found.extend(problems(fixture, "en", &en, &swedish_texts));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The matcher itself: pieces in order, placeholders anything, short pieces ignored.
#[test]
fn a_line_holds_a_text_when_its_long_pieces_appear_in_order() {
    let m = Matcher {
        code: "HB0000",
        text: "the link `{}` points to a file that does not exist (content/{})",
        pieces: pieces("the link `{}` points to a file that does not exist (content/{})")
            .into_iter()
            .filter(|p| p.chars().count() >= MIN_PIECE)
            .collect(),
    };
    assert_eq!(
        m.pieces,
        [
            "the link `",
            "` points to a file that does not exist (content/"
        ]
    );
    assert!(m.found_in("content/a.md:3:1: fel: the link `b.md` points to a file that does not exist (content/b.md)"));
    assert!(!m.found_in(
        "content/a.md:3:1: fel: länken `b.md` pekar på en fil som inte finns (content/b.md)"
    ));
    assert!(!m.found_in("` points to a file that does not exist (content/ the link `"));
}

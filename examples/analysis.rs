//! Prints, as JSON, how the search index analyses a site's text: every distinct word of its
//! Markdown (`content/**/*.md`) and YAML (`*.yaml` at the root and under `content/`) with
//! its stem and its folded stem, and for a sample of those files the words the tokeniser
//! splits them into. `tests/browser/run.sh` hands the output to
//! `tests/browser/analysis.test.mjs`, which checks that the browser client analyses every
//! word the same way.
//!
//!     cargo run --release --example analysis -- SITE_DIR [--texts N] > analysis.json
//!
//! `--texts N`: how many files (evenly spread, all when there are fewer) are sampled for the
//! tokeniser comparison; 100 unless given.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use handbok::internals::{fold, words, Analyzer};
use serde_json::json;

/// Text a handbook may get pasted in, beside its own: letters the two tokenisers might split
/// or lower-case differently (dotted capital I, final sigma, ligatures, superscripts,
/// combining accents, circled letters, Roman numerals, CJK).
const EDGE_CASES: &str = "İstanbul ΟΔΟΣ Σ Straße ǅemal ﬁnansiering CO₂ m² x³ Å-märkt Åre \
    cafe\u{301} Ⓐ-kraft Ⅻ kapitel 3,5 % 1 000 kr e-post: namn@kommun.se 東京 niño ØRESUND \
    Ĳssel ÆRØ HÅLLBARHETSSTRATEGIN 2030-målen";

/// Words for every branch of Snowball 3.0's Swedish endings, in case neither site has them:
/// `-et` and `-ets` after a vowel and a consonant, each exception that keeps `-et`
/// (`alfabet`, `komet`, `kvalitet`, `universitet`…), `-et` after two consonants, and `-öst`
/// after the letters that make it `-ös`.
const SNOWBALL_ENDINGS: &str = "förslaget förslagets ansvaret ansvarets ansvaren ansvar \
    raketen raket komet kometen kometet kredit krediten kreditet alfabet sahet paket traket \
    staket pietet explicitet kvalitet stabilitet limitet trinitet kapitet auktoritet \
    universitet identitet kontinuitet aktivitet kvitet komplexitet meritet varitet kvittet \
    habitatet paketet staketet spaket ekipaget huset vetet et ets samhället landet arbetet \
    avlöst upplöst löst höst röst tröst fullt kraftfullt hjälpsamt";

/// Made-up words: short stems of each shape before every ending the stemmer knows, so that
/// where each ending may start (inside R1 or not) and what may precede it are all tried.
fn ending_words() -> Vec<String> {
    const STEMS: &[&str] = &[
        "", "a", "b", "ab", "ba", "bra", "arb", "ala", "stra", "kval", "förs", "ålö", "ansv",
    ];
    const ENDINGS: &[&str] = &[
        "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste",
        "en", "anden", "aren", "heten", "ern", "ar", "er", "heter", "or", "s", "as", "arnas",
        "ernas", "ornas", "es", "ades", "andes", "ens", "arens", "hetens", "erns", "at", "et",
        "andet", "het", "ast", "ets", "dd", "gd", "nn", "dt", "gt", "kt", "tt", "ig", "lig", "els",
        "fullt", "öst", "fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit",
        "ilit", "mit", "nit", "pit", "rit", "sit", "tit", "uit", "ivit", "kvit", "xit",
    ];
    const LETTERS: &str = "abdefhiklmnoprstuvyäåöx";
    let mut out = Vec::new();
    for stem in STEMS {
        for ending in ENDINGS {
            for tail in ["", "et", "ets", "s", "öst"] {
                out.push(format!("{stem}{ending}{tail}"));
            }
        }
        for letter in LETTERS.chars() {
            for tail in ["et", "ets", "s", "öst", "tt"] {
                out.push(format!("{stem}{letter}{tail}"));
            }
        }
    }
    out
}

fn main() {
    if let Err(e) = run() {
        eprintln!("analysis: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut site: Option<PathBuf> = None;
    let mut sample = 100usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--texts" => {
                sample = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--texts needs a number")?;
            }
            other => site = Some(PathBuf::from(other)),
        }
    }
    let site = site.ok_or("usage: analysis SITE_DIR [--texts N]")?;
    let files = site_files(&site)?;
    if files.is_empty() {
        return Err(format!("no Markdown or YAML files in {}", site.display()));
    }
    let analyzer = Analyzer::default();
    let mut vocabulary: BTreeSet<String> = BTreeSet::new();
    let mut texts = Vec::new();
    let step = files.len().div_ceil(sample.max(1));
    for (i, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let tokens: Vec<String> = words(&text).map(|w| w.into_owned()).collect();
        if sample > 0 && i % step == 0 {
            let name = file.strip_prefix(&site).unwrap_or(file);
            texts.push(json!({
                "file": name.to_string_lossy(),
                "text": text,
                "words": tokens,
            }));
        }
        vocabulary.extend(tokens);
    }
    let endings = ending_words().join(" ");
    for (name, text) in [
        ("(edge cases)", EDGE_CASES),
        ("(Snowball endings)", SNOWBALL_ENDINGS),
        ("(made-up words for every ending)", endings.as_str()),
    ] {
        let tokens: Vec<String> = words(text).map(|w| w.into_owned()).collect();
        texts.push(json!({ "file": name, "text": text, "words": tokens }));
        vocabulary.extend(tokens);
    }
    let analysed: Vec<[String; 3]> = vocabulary
        .into_iter()
        .map(|w| {
            let stem = analyzer.stem(&w);
            let folded = fold(&stem).into_owned();
            [w, stem, folded]
        })
        .collect();
    let out = json!({
        "site": site.to_string_lossy(),
        "files": files.len(),
        "words": analysed,
        "texts": texts,
    });
    println!("{out}");
    Ok(())
}

/// The site's Markdown and YAML files, sorted: `*.yaml` at the root, then everything under
/// `content/`.
fn site_files(site: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let root =
        std::fs::read_dir(site).map_err(|e| format!("cannot read {}: {e}", site.display()))?;
    for entry in root {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() && has_extension(&path, &["yaml", "yml"]) {
            files.push(path);
        }
    }
    files.sort();
    let mut content = Vec::new();
    for entry in walkdir::WalkDir::new(site.join("content")) {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        if entry.file_type().is_file() && has_extension(path, &["md", "yaml", "yml"]) {
            content.push(path.to_path_buf());
        }
    }
    content.sort();
    files.extend(content);
    Ok(files)
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e))
}

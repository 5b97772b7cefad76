//! Search that forgives: queries typed without diacritics, compound parts that never occur
//! alone, and text that should count less. Built on a fixture site and evaluated with the
//! Rust query, which the browser client mirrors.

mod common;

use std::path::Path;

use common::Site;
use handbok::internals::{search, Hit};

/// The site paths of the hits for `query` in the site built at `public`, best first.
fn results(public: &Path, query: &str) -> Vec<String> {
    let read = |rel: &str| std::fs::read(public.join("sok").join(rel)).ok();
    let hits: Vec<Hit> = search(&read, query);
    let per = handbok::internals::FRAGMENTS_PER_FILE;
    hits.iter()
        .map(|h| {
            let bytes = read(&format!("f/{}.json", h.doc / per)).expect("fragment file");
            let fragments: serde_json::Value =
                serde_json::from_slice(&bytes).expect("fragments are JSON");
            fragments[h.doc % per]["u"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

fn built() -> Site {
    let site = Site::from_fixture("search_forgiving");
    site.build_ok(&[]);
    site
}

#[test]
fn queries_without_diacritics_find_the_words_with_them() {
    let site = built();
    let public = site.path("public");
    for query in [
        "vaxjo",
        "Vaxjo",
        "folkhalsa",
        "folkhalsan",
        "jamstalldhet",
        "folkhälsan",
        "Växjö",
    ] {
        let got = results(&public, query);
        assert!(
            got.iter().any(|p| p == "om/staden/"),
            "{query} finds the page with the diacritics: {got:?}"
        );
    }
    // Inflected forms typed without diacritics stem to the folded stems of the real ones.
    assert_eq!(
        results(&public, "folkhalsan"),
        results(&public, "folkhälsan"),
        "folkhalsan and folkhälsan find the same pages"
    );
}

#[test]
fn exact_spelling_ranks_above_a_folded_match() {
    let site = built();
    let public = site.path("public");
    // `vaxjo` is written as such on one page (an address) and as `Växjö` on another.
    let plain = results(&public, "vaxjo");
    assert_eq!(
        plain.first().map(String::as_str),
        Some("om/adresser/"),
        "{plain:?}"
    );
    assert!(plain.iter().any(|p| p == "om/staden/"), "{plain:?}");
    // A query with the diacritics is taken as spelled: only the page that has them.
    assert_eq!(results(&public, "växjö"), ["om/staden/"]);
}

#[test]
fn last_parts_of_compounds_are_found_even_when_they_never_occur_alone() {
    let site = built();
    let public = site.path("public");
    for query in ["integrering", "beroendet", "beroende"] {
        let got = results(&public, query);
        assert_eq!(got, ["om/arbetet/"], "{query}");
    }
    // The end of a long word whose first part the site never uses alone (`by`).
    assert_eq!(results(&public, "vaktmästare"), ["om/personal/"]);
    assert_eq!(results(&public, "vaktmästaren"), ["om/personal/"]);
    // A short last part is not indexed: `ort` would match every word ending in -ort.
    assert!(results(&public, "ort").is_empty());
}

/// The query's suggested spelling, if any.
fn suggestion(public: &Path, query: &str) -> Option<String> {
    let read = |rel: &str| std::fs::read(public.join("sok").join(rel)).ok();
    handbok::internals::answer(&read, query).suggestion
}

#[test]
fn typos_find_the_closest_words_of_the_site_and_suggest_them() {
    let site = built();
    let public = site.path("public");
    for (typo, meant) in [
        ("hållbarhte", "hållbarhet"),
        ("klimatanpasning", "klimatanpassning"),
        ("klimatanpasnnig", "klimatanpassning"),
        ("Hallbarhte", "hållbarhet"),
    ] {
        assert_eq!(results(&public, typo), ["om/klimat/"], "{typo}");
        assert_eq!(suggestion(&public, typo).as_deref(), Some(meant), "{typo}");
    }
    // Every word of a longer query is corrected on its own; the others stay as typed.
    assert_eq!(
        suggestion(&public, "Klimatanpasning i staden").as_deref(),
        Some("klimatanpassning i staden")
    );
    // Words spelt right get no suggestion, short words and numbers no typo match.
    assert_eq!(suggestion(&public, "hållbarhet"), None);
    assert!(results(&public, "sjönn").len() <= 1);
    assert!(
        results(&public, "stda").is_empty(),
        "four letters: no typos allowed"
    );
    assert!(results(&public, "2024").is_empty());
}

#[test]
fn code_blocks_count_less_than_text() {
    let site = built();
    let public = site.path("public");
    let got = results(&public, "ekosystemtjänster");
    assert_eq!(
        got,
        ["om/klimat/", "om/exempel/"],
        "text above code: {got:?}"
    );
}

#[test]
fn pages_with_search_false_are_left_out_with_their_section() {
    let site = built();
    let public = site.path("public");
    let got = results(&public, "klimatanpassning");
    assert_eq!(
        got,
        ["om/klimat/"],
        "the guide and its pages are not searched"
    );
    assert_eq!(results(&public, "redaktörsarbete"), ["guide/synlig/"]);
    // Their words are not offered as spellings either.
    assert_eq!(suggestion(&public, "redaktörrer"), None);
    // The guide's filter value counts only its searchable page.
    let filters: serde_json::Value =
        serde_json::from_slice(&std::fs::read(public.join("sok/filters.json")).expect("filters"))
            .expect("JSON");
    let guide = filters[0]["values"]
        .as_array()
        .and_then(|v| v.iter().find(|x| x[0] == "Guide för redaktörer"))
        .expect("the guide is a filter value");
    assert_eq!(guide[1].as_array().map(Vec::len), Some(1), "{guide}");
}

#[test]
fn a_word_finds_pages_with_only_a_longer_form_of_it() {
    let site = built();
    let public = site.path("public");
    // Snowball stems `ansvar` to `ansv` but `ansvaret` to `ansvar`: the word typed is looked
    // up as a stem too.
    assert_eq!(results(&public, "ansvar"), ["om/roller/"]);
    assert_eq!(results(&public, "ansvaret"), ["om/roller/"]);
}

#[test]
fn glossary_definitions_are_searched_on_the_glossary_page() {
    let site = Site::from_fixture("search_forgiving");
    site.write(
        "ordlista.yaml",
        "- term: ANDTS\n  expansion: Alkohol, narkotika, dopning, tobak och spel\n  definition: Ett samlat område för förebyggande arbete.\n",
    );
    site.write(
        "content/ordlista.md",
        "---\ntitle: Ordlista\n---\nFörkortningar.\n",
    );
    site.write(
        "handbok.yaml",
        "title: Förlåtande sökning\nglossary:\n  file: ordlista.yaml\n  page: ordlista.md\n",
    );
    site.build_ok(&[]);
    let public = site.path("public");
    assert_eq!(results(&public, "dopning"), ["ordlista/"]);
    assert_eq!(results(&public, "förebyggande"), ["ordlista/"]);
}

#[test]
fn a_very_long_word_does_not_blow_up_the_index_and_short_queries_find_no_word_ends() {
    let site = built();
    let junk = "x".repeat(5000);
    let repeated = "kommun".repeat(300);
    site.write(
        "content/om/lang.md",
        format!("---\ntitle: Lång\n---\n{junk} kommun {repeated}\n"),
    );
    site.build_ok(&[]);
    let public = site.path("public");
    let manifest = std::fs::metadata(public.join("sok/index.json")).expect("manifest");
    assert!(manifest.len() < 16_000, "manifest {} bytes", manifest.len());
    let postings: u64 = std::fs::read_dir(public.join("sok/i"))
        .expect("postings")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    assert!(postings < 1_000_000, "postings {postings} bytes");
    // One or two letters never match the ends of long words.
    assert!(results(&public, "ab").is_empty());
}

//! Search: the index `handbok build` writes, evaluated with the same algorithm as the browser
//! client (`handbok::search::query`). Recall on labelled queries, Swedish stems, compounds,
//! filters, and an index in small files at scale.

mod common;

use std::path::Path;

use common::Site;
use handbok::internals::{search, Hit};

/// The site paths of the hits for `query` in the site built at `public`.
fn results(public: &Path, query: &str) -> Vec<String> {
    let read = |rel: &str| std::fs::read(public.join("sok").join(rel)).ok();
    let hits: Vec<Hit> = search(&read, query);
    hits.iter()
        .map(|h| {
            let per = handbok::internals::FRAGMENTS_PER_FILE;
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

fn built(fixture: &str) -> Site {
    let site = Site::from_fixture(fixture);
    site.build_ok(&[]);
    site
}

#[test]
fn labelled_queries_find_their_pages_first() {
    let site = built("search");
    let public = site.path("public");
    // (query, the page that must come first, pages that must be found at all)
    let labelled: &[(&str, &str, &[&str])] = &[
        (
            "klimatanpassning",
            "klimat/anpassning/",
            &["plan/klimatanpassningsplan/"],
        ),
        ("hållbara", "klimat/energi/", &["plan/hallbarhetsstrategi/"]),
        (
            "strategi",
            "plan/hallbarhetsstrategi/",
            &["klimat/anpassning/"],
        ),
        (
            "folkhälsa",
            "plan/folkhalsoarbete/",
            &["klimat/anpassning/"],
        ),
        ("planen", "plan/", &["plan/klimatanpassningsplan/"]),
        ("värmebölja", "plan/klimatanpassningsplan/", &[]),
    ];
    let mut found = 0;
    let mut wanted = 0;
    for (query, first, others) in labelled {
        let got = results(&public, query);
        assert_eq!(
            got.first().map(String::as_str),
            Some(*first),
            "first result for {query}: {got:?}"
        );
        for page in std::iter::once(first).chain(others.iter()) {
            wanted += 1;
            if got.iter().any(|g| g == page) {
                found += 1;
            }
        }
    }
    let recall = found as f64 / wanted as f64;
    println!("recall on the labelled set: {found}/{wanted} = {recall:.2}");
    assert_eq!(found, wanted, "recall {recall:.2}");
}

#[test]
fn compound_parts_are_found_but_rank_below_the_word_itself() {
    let site = built("search");
    let public = site.path("public");
    // "klimatanpassning" stands alone on anpassning.md and only inside a compound on the plan.
    let got = results(&public, "klimatanpassning");
    let standalone = got
        .iter()
        .position(|p| p == "klimat/anpassning/")
        .expect("standalone page");
    let compound = got
        .iter()
        .position(|p| p == "plan/klimatanpassningsplan/")
        .expect("compound page");
    assert!(standalone < compound, "{got:?}");
    // A word that occurs nowhere finds nothing.
    assert!(results(&public, "cykelbana").is_empty());
}

#[test]
fn last_word_matches_as_a_prefix_while_typing() {
    let site = built("search");
    let got = results(&site.path("public"), "samhällsbygg");
    assert_eq!(got, ["plan/klimatanpassningsplan/"]);
}

#[test]
fn the_bundled_handbook_answers_the_issue_queries() {
    let public = tempfile::tempdir().expect("tempdir");
    let out = public.path().join("public");
    let run = common::run_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["build", "--output", out.to_str().unwrap_or_default()],
    );
    run.expect_success();
    let klimat = results(&out, "klimatanpassning");
    assert_eq!(
        klimat.first().map(String::as_str),
        Some("natverken/ekologisk-hallbarhet/"),
        "{klimat:?}"
    );
    let hallbara = results(&out, "hållbara");
    assert!(
        hallbara.len() >= 10,
        "hållbara finds the pages about hållbarhet: {hallbara:?}"
    );
    let vald = results(&out, "våld i nära relationer");
    assert!(
        vald.iter().take(3).any(|p| p == "styrgrupp/anvisningar/"),
        "{vald:?}"
    );
}

#[test]
fn filters_list_sections_taxonomies_and_document_types() {
    let site = built("search");
    let filters: serde_json::Value = serde_json::from_slice(&site.read("public/sok/filters.json"))
        .expect("filters.json is JSON");
    let keys: Vec<&str> = filters
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g["key"].as_str())
        .collect();
    assert_eq!(keys, ["avsnitt", "tema", "dokumenttyp"]);
    let tema = &filters[1]["values"];
    let klimat = tema
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v[0] == "Klimat")
        .expect("term Klimat");
    assert_eq!(
        klimat[1].as_array().unwrap().len(),
        3,
        "three pages carry tema Klimat: {klimat}"
    );
}

#[test]
fn a_large_site_gets_an_index_in_small_files() {
    let site = Site::from_fixture("search");
    let words = [
        "klimat",
        "anpassning",
        "skola",
        "energi",
        "strategi",
        "folkhälsa",
        "trygghet",
        "planering",
    ];
    for i in 0..600 {
        let a = words[i % words.len()];
        let b = words[(i / words.len()) % words.len()];
        let text = format!(
            "---\ntitle: Sida {i} om {a}\n---\nText nummer {i} om {a}{b} och {b}. Ord{i} unikt{i} mer{}.\n",
            i * 7
        );
        site.write(&format!("content/plan/sida-{i}.md"), text);
    }
    site.build_ok(&[]);
    let dir = site.path("public/sok/i");
    let sizes: Vec<u64> = std::fs::read_dir(&dir)
        .expect("postings folder")
        .map(|e| e.expect("entry").metadata().expect("metadata").len())
        .collect();
    assert!(
        sizes.len() > 5,
        "the postings are cut into several files: {}",
        sizes.len()
    );
    assert!(
        sizes.iter().all(|s| *s < 64_000),
        "no postings file over 64 kB: {sizes:?}"
    );
    let manifest = site.read("public/sok/index.json");
    assert!(
        manifest.len() < 16_000,
        "manifest is small: {} bytes",
        manifest.len()
    );
    assert_eq!(
        results(&site.path("public"), "unikt417"),
        ["plan/sida-417/"]
    );
}

/// Snowball 3.0's Swedish strips the definite `-et` (and `-ets`) after a vowel and a
/// consonant, so the definite form shares its word's stem; the 2019 stemmer kept it.
#[test]
fn definite_et_forms_share_their_words_stem() {
    let a = handbok::internals::Analyzer::default();
    assert_eq!(a.stem("förslaget"), a.stem("förslag"));
    assert_eq!(a.stem("förslagets"), a.stem("förslag"));
    assert_eq!(a.stem("paketen"), a.stem("paket"));
    assert_eq!(a.stem("klimatet"), "klimat");
    assert_eq!(a.stem("paketet"), a.stem("paket"));
    // `ansvaret` loses its `-et` too, but `ansvar` itself loses the plural-looking `-ar`:
    // the two stems differ (`ansvar`, `ansv`), as in Snowball's own output.
    assert_eq!(a.stem("ansvaret"), "ansvar");
    assert_eq!(a.stem("ansvarets"), "ansvar");
    assert_eq!(a.stem("ansvar"), "ansv");
    // Kept: after two consonants (`samhället`) and after the listed endings
    // (`komet`, `kredit`, `raket`).
    assert_eq!(a.stem("samhället"), "samhället");
    assert_eq!(a.stem("kometet"), "komet");
    assert_eq!(a.stem("komet"), "komet");
    assert_eq!(a.stem("kredit"), "kredit");
    assert_eq!(a.stem("raket"), "raket");
    // `-öst` becomes `-ös` after one of i k l n p r t u v, not only in `löst`.
    assert_eq!(a.stem("upplöst"), "upplös");
    assert_eq!(a.stem("höst"), "höst");
}

#[test]
fn a_search_for_a_word_finds_a_page_with_only_its_definite_et_form() {
    let site = Site::from_fixture("search");
    // Both pages are needed: with no page saying `förslag`, the query's stem would find
    // `förslaget` as a prefix anyway.
    site.write(
        "content/plan/remiss.md",
        "---\ntitle: Remiss\n---\nEtt förslag till remissvar.\n",
    );
    site.write(
        "content/plan/beslut.md",
        "---\ntitle: Beslut\n---\nNämnden antog förslaget i maj.\n",
    );
    site.write(
        "content/plan/yttrande.md",
        "---\ntitle: Yttrande\n---\nFörslagets andra del ändrades.\n",
    );
    site.build_ok(&[]);
    let public = site.path("public");
    for query in ["förslag", "förslaget", "förslagets"] {
        let mut got = results(&public, query);
        got.sort();
        assert_eq!(
            got,
            ["plan/beslut/", "plan/remiss/", "plan/yttrande/"],
            "{query}"
        );
    }
    // Not a prefix: `förslag` is not the last word here.
    let got = results(&public, "förslaget maj");
    assert_eq!(got.first().map(String::as_str), Some("plan/beslut/"));
    let got = results(&public, "förslag remissvar");
    assert_eq!(got.first().map(String::as_str), Some("plan/remiss/"));
    assert!(got.iter().any(|p| p == "plan/beslut/"), "{got:?}");
}

//! Generates a synthetic Swedish handbook for benchmarks, valid under handbok's schema:
//! nested sections, taxonomies, 2-5 internal links per page (some with anchors), tables,
//! lists, compounds, a glossary and an action plan.
//!
//!     cargo run --release --example gen_corpus -- --pages 10000 --seed 1 /tmp/corpus

use std::path::PathBuf;

#[path = "../bench/corpus.rs"]
mod corpus;

fn main() {
    let mut pages = 1000usize;
    let mut seed = 1u64;
    let mut dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--pages" => pages = args.next().and_then(|v| v.parse().ok()).unwrap_or(pages),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            other => dir = Some(PathBuf::from(other)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: gen_corpus --pages N --seed S DIR");
        std::process::exit(2);
    };
    if let Err(e) = corpus::generate(&dir, pages, seed) {
        eprintln!("gen_corpus: {e}");
        std::process::exit(1);
    }
}

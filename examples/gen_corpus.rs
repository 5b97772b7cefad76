//! Generates a synthetic Swedish handbook for benchmarks, valid under handbok's schema:
//! nested sections, taxonomies, 2-5 internal links per page (some with anchors), tables,
//! lists, compounds, a glossary and an action plan.
//!
//!     cargo run --release --example gen_corpus -- --pages 10000 --seed 1 /tmp/corpus
//!
//! `--layout zola` or `--layout hugo` writes the same handbook as a Zola or Hugo site.

use std::path::PathBuf;

#[path = "../bench/corpus.rs"]
mod corpus;

fn main() {
    let mut pages = 1000usize;
    let mut seed = 1u64;
    let mut layout = corpus::Layout::Handbok;
    let mut dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--pages" => pages = args.next().and_then(|v| v.parse().ok()).unwrap_or(pages),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--layout" => match args.next().as_deref().and_then(corpus::Layout::parse) {
                Some(l) => layout = l,
                None => {
                    eprintln!("gen_corpus: --layout takes handbok, zola or hugo");
                    std::process::exit(2);
                }
            },
            other => dir = Some(PathBuf::from(other)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: gen_corpus --pages N --seed S [--layout handbok|zola|hugo] DIR");
        std::process::exit(2);
    };
    if let Err(e) = corpus::generate_as(&dir, pages, seed, layout) {
        eprintln!("gen_corpus: {e}");
        std::process::exit(1);
    }
}

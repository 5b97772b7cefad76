//! The benchmark's floor: pulldown-cmark alone reads, renders and writes every Markdown file
//! of a corpus, in parallel, with nothing else a site generator does (no templates, no
//! links, no listings, no search). `bench/run.sh` times it beside handbok's builds, as the
//! issue's "pulldown-cmark alone" line.
//!
//!     cargo run --release --example floor -- CONTENT_DIR OUTPUT_DIR
//!
//! Each `a/b.md` becomes `OUTPUT_DIR/a/b.html` (one file a page, one folder a section); the
//! YAML front matter is left out of the rendering.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, output] = args.as_slice() else {
        eprintln!("usage: floor CONTENT_DIR OUTPUT_DIR");
        std::process::exit(2);
    };
    let content = PathBuf::from(content);
    let output = PathBuf::from(output);
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let failed: Vec<String> = files
        .par_iter()
        .filter_map(|file| render(&content, &output, file).err())
        .collect();
    if let Some(first) = failed.first() {
        eprintln!("floor: {} files failed, first: {first}", failed.len());
        std::process::exit(1);
    }
    println!("floor: {} files", files.len());
}

fn render(content: &Path, output: &Path, file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let body = strip_front_matter(&text);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    let options =
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES;
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(body, options));
    let rel = file.strip_prefix(content).map_err(|e| e.to_string())?;
    let target = output.join(rel).with_extension("html");
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&target, html).map_err(|e| format!("{}: {e}", target.display()))
}

fn strip_front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + 5..],
        None => text,
    }
}

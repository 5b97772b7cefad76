//! Building the bundled handbook (`handbok.yaml`, `content/`, `templates/` at the crate root) once
//! per test binary with the real binary, and reading its output: pages, ids, links.

// Each test crate that includes this module uses a different subset of the helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use scraper::{ElementRef, Html, Selector};

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the bundled handbook once per test process and returns the output directory.
pub fn public_dir() -> PathBuf {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    let tmp = OUT.get_or_init(|| {
        let tmp = tempfile::Builder::new()
            .prefix("bundled-handbook-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .expect("create temp dir");
        let output = Command::new(env!("CARGO_BIN_EXE_handbok"))
            .arg("build")
            .arg("--root")
            .arg(manifest_dir())
            .arg("--output")
            .arg(tmp.path().join("public"))
            .output()
            .expect("run handbok build");
        assert!(
            output.status.success(),
            "handbok build of the bundled handbook failed ({})\nstdout:\n{}\nstderr:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        tmp
    });
    tmp.path().join("public")
}

pub fn read_page(rel: &str) -> Html {
    let path = public_dir().join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read output page {}: {e}", path.display()));
    Html::parse_document(&text)
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("bad selector {s}: {e:?}"))
}

/// The element's text as a reader sees it: whitespace squeezed, and without the soft hyphens
/// (U+00AD) that long words in headings carry, which only show where a line breaks.
pub fn text_of(el: ElementRef<'_>) -> String {
    el.text()
        .map(|t| t.replace('\u{ad}', ""))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every element id of a page, with the element's text.
pub fn ids(doc: &Html) -> BTreeMap<String, String> {
    doc.select(&sel("[id]"))
        .filter_map(|el| el.value().id().map(|id| (id.to_owned(), text_of(el))))
        .collect()
}

/// The first element matching one of `selectors`, else the document root.
pub fn first_of<'a>(doc: &'a Html, selectors: &[&str]) -> ElementRef<'a> {
    selectors
        .iter()
        .find_map(|s| doc.select(&sel(s)).next())
        .unwrap_or_else(|| doc.root_element())
}

/// The page's article (its text plus what the theme lists with it, such as a section's pages),
/// else `<main>`, else the body. Site-wide navigation around it does not count.
pub fn article(doc: &Html) -> ElementRef<'_> {
    first_of(doc, &["article", "main", "body"])
}

/// The page's own Markdown text (and what its site template renders from front matter): the
/// theme's `article .content`, falling back to [`article`].
pub fn own_text(doc: &Html) -> ElementRef<'_> {
    first_of(doc, &["article .content", "article", "main", "body"])
}

/// The output file of every content file: `d/_index.md` → `d/index.html`, `d/x.md` →
/// `d/x/index.html`. File names in content/ are ASCII slugs already, so no slugification is needed.
pub fn content_pages() -> BTreeMap<String, PathBuf> {
    let content = manifest_dir().join("content");
    let mut out = BTreeMap::new();
    let mut stack = vec![content.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read content dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("md") {
                continue;
            }
            let rel = path
                .strip_prefix(&content)
                .unwrap()
                .to_str()
                .unwrap()
                .replace('\\', "/");
            assert!(
                rel.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_/.".contains(&b)),
                "content file name is not an ASCII slug: {rel}"
            );
            let html = match rel.strip_suffix("_index.md") {
                Some(dir) => format!("{dir}index.html"),
                None => format!("{}/index.html", rel.strip_suffix(".md").unwrap()),
            };
            out.insert(html, path);
        }
    }
    out
}

/// Resolves an href found on page `from` (an output path such as `a/b/index.html`) to an output
/// path and an optional fragment. Returns None for external links.
pub fn resolve(from: &str, href: &str) -> Option<(String, Option<String>)> {
    let href = href.trim();
    let has_scheme = href.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || href.starts_with("//") {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_owned()).filter(|f| !f.is_empty())),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let mut segments: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        from.split('/').collect()
    };
    if !path.starts_with('/') {
        segments.pop(); // the file name of the page
    }
    if path.is_empty() {
        return Some((from.to_owned(), fragment));
    }
    for seg in path.trim_start_matches('/').split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut target = segments.join("/");
    if path.ends_with('/') || target.is_empty() {
        if !target.is_empty() {
            target.push('/');
        }
        target.push_str("index.html");
    }
    Some((target, fragment))
}

/// The internal links inside `root`, resolved against `page`.
pub fn links_in(page: &str, root: ElementRef<'_>) -> Vec<(String, Option<String>)> {
    root.select(&sel("a[href]"))
        .filter_map(|a| resolve(page, a.value().attr("href").unwrap_or("")))
        .collect()
}

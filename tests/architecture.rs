//! The pipeline's layout holds: no import cycle between the top-level modules of `src/`
//! (issue 15). Each module's files are read for `crate::<module>` paths (comments left
//! out), and the graph of the pipeline's modules must have no cycle, of any length.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages the issue names, and the helpers they share.
const MODULES: &[&str] = &[
    "config",
    "content",
    "history",
    "site",
    "markdown",
    "templates",
    "render",
    "output",
    "search",
    "serve",
    "yaml",
    "slug",
    "error",
    "inside",
    "dates",
    "i18n",
    "messages",
    "report",
    "new",
    "init",
];

fn files_of(src: &Path, module: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        out.push(file);
    }
    let dir = src.join(module);
    if dir.is_dir() {
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// The modules `src/lib.rs` declares, but `fuzzing` (a doc-hidden harness over all stages).
fn declared(src: &Path) -> BTreeSet<String> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    lib.lines()
        .filter_map(|l| {
            let rest = l
                .trim()
                .strip_prefix("pub(crate) mod ")
                .or_else(|| l.trim().strip_prefix("pub mod "))?;
            Some(rest.strip_suffix(';')?.to_string())
        })
        .filter(|m| m != "fuzzing")
        .collect()
}

/// The modules of [`MODULES`] that `module`'s code names as `crate::<other>`, also inside
/// a group (`use crate::{a, b::c}`). Comments are left out; a `//` inside a string (a URL)
/// is not taken for one.
fn imports(src: &Path, module: &str) -> BTreeSet<&'static str> {
    let mut found = BTreeSet::new();
    for file in files_of(src, module) {
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            // `crate::{a::x, b}` names `crate::a` and `crate::b`.
            let code = expand_groups(code);
            for other in MODULES.iter().filter(|m| **m != module) {
                let path = format!("crate::{other}");
                let named = code.match_indices(&path).any(|(at, _)| {
                    let next = code[at + path.len()..].chars().next();
                    !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                if named {
                    found.insert(*other);
                }
            }
        }
    }
    found
}

/// `crate::{a, b::c}` written as `crate::a crate::b::c`.
fn expand_groups(code: &str) -> String {
    let Some(at) = code.find("crate::{") else {
        return code.to_string();
    };
    let inner = &code[at + "crate::{".len()..];
    let inner = inner.split('}').next().unwrap_or(inner);
    let mut out = code.to_string();
    for part in inner.split(',') {
        out.push_str(&format!(" crate::{} ", part.trim()));
    }
    out
}

#[test]
fn the_pipeline_modules_import_each_other_without_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // Every module is checked: a new one must be added to MODULES.
    let listed: BTreeSet<String> = MODULES.iter().map(|m| m.to_string()).collect();
    assert_eq!(
        declared(&src),
        listed,
        "MODULES differs from the modules of src/lib.rs"
    );
    for m in MODULES {
        assert!(!files_of(&src, m).is_empty(), "no source file for `{m}`");
    }
    let graph: BTreeMap<&str, BTreeSet<&str>> =
        MODULES.iter().map(|m| (*m, imports(&src, m))).collect();
    assert!(
        graph["render"].contains("templates"),
        "the scan finds nothing: {graph:?}"
    );
    // Depth-first search for a back edge; the path to it is the cycle.
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if let Some(at) = path.iter().position(|n| *n == node) {
            panic!("import cycle: {} -> {node}", path[at..].join(" -> "));
        }
        if !done.insert(node) {
            return;
        }
        path.push(node);
        for next in &graph[node] {
            visit(next, graph, path, done);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for m in MODULES {
        // `done` marks a node when it is first entered, so a later start never re-enters
        // a finished part; a cycle through it was found from where it was entered.
        visit(m, &graph, &mut Vec::new(), &mut done);
    }
}

//! The pipeline's layout holds: no import cycle between the top-level modules of `src/`
//! (issue 15). Each module's files are read for `crate::<module>` paths (comments left
//! out), and the graph of the pipeline's modules must have no cycle, of any length.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages the issue names, and the helpers they share.
const MODULES: &[&str] = &[
    "config",
    "content",
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
    "report",
    "new",
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

/// The modules of [`MODULES`] that `module`'s code names as `crate::<other>`.
fn imports(src: &Path, module: &str) -> BTreeSet<&'static str> {
    let mut found = BTreeSet::new();
    for file in files_of(src, module) {
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
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

#[test]
fn the_pipeline_modules_import_each_other_without_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
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

//! `handbok new <type> <path>`: a new page from an archetype, a front matter template per
//! document type. Built-in archetypes come with the default theme (`archetypes/`); a site's
//! own `archetypes/<type>.md` replaces or adds one. Never overwrites a file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::CONTENT_DIR;
use crate::error::{did_you_mean, Diagnostic, Error, IoAction, Result};
use crate::inside::Inside;
use crate::messages as msg;
use crate::text;

/// The archetypes available to a site: type → (where it comes from, text). A site's own
/// are read like every source: links only within the site, ordinary files only.
pub fn archetypes(root: &Path) -> Result<BTreeMap<String, (String, String)>> {
    let mut out = BTreeMap::new();
    for (name, text) in crate::templates::default_archetypes() {
        out.insert(name, ("built-in theme".to_string(), text));
    }
    let shown = Path::new("archetypes");
    let walked = crate::inside::walk(&root.join(shown), shown, &Inside::site(root), true);
    if !walked.diagnostics.is_empty() {
        return Err(Error::Site(walked.diagnostics));
    }
    for found in walked.files().filter(|f| !f.rel.contains('/')) {
        let Some(stem) = found.rel.strip_suffix(".md") else {
            continue;
        };
        let text = std::fs::read_to_string(&found.path)
            .map_err(|e| Error::io(IoAction::Read, &found.path, e))?;
        out.insert(stem.to_string(), (format!("archetypes/{stem}.md"), text));
    }
    Ok(out)
}

/// Creates the page `path` (relative to the site root or to `content/`) from archetype
/// `kind`, with the title made from the file name and today's date. Returns the file written.
pub fn new_page(root: &Path, kind: &str, path: &str, today: chrono::NaiveDate) -> Result<PathBuf> {
    let all = archetypes(root)?;
    let Some((_, text)) = all.get(kind) else {
        let types = all.keys().cloned().collect::<Vec<_>>().join(", ");
        let hint = match did_you_mean(kind, all.keys().map(String::as_str)) {
            Some(s) => text!(msg::HINT_PAGE_TYPE_DID_YOU_MEAN, s, types),
            None => text!(msg::HINT_PAGE_TYPES, types),
        };
        return Err(usage(text!(msg::NO_PAGE_TYPE, kind), hint));
    };
    let rel = path.trim_start_matches("./").trim_start_matches('/');
    let rel = rel.strip_prefix(&format!("{CONTENT_DIR}/")).unwrap_or(rel);
    let rel = if rel.ends_with(".md") {
        rel.to_string()
    } else {
        format!("{rel}.md")
    };
    if rel.split('/').any(|s| s == ".." || s.is_empty()) {
        return Err(usage(
            text!(msg::NOT_IN_CONTENT, path),
            &msg::HINT_NOT_IN_CONTENT,
        ));
    }
    let file = root.join(CONTENT_DIR).join(&rel);
    if file.exists() {
        return Err(Error::Site(vec![Diagnostic::error(text!(
            msg::PAGE_EXISTS,
            rel
        ))
        .in_file(format!("{CONTENT_DIR}/{rel}"))
        .with_hint(&msg::HINT_PAGE_EXISTS)]));
    }
    let stem = Path::new(&rel)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("Ny sida");
    let text = text
        .replace("{{ title }}", &title_from(stem).replace('"', "'"))
        .replace("{{ date }}", &today.to_string());
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(IoAction::Create, parent, e))?;
    }
    // create_new: never overwrite, even if the file appeared meanwhile.
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .map_err(|e| Error::io(IoAction::Create, &file, e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| Error::io(IoAction::Write, &file, e))?;
    Ok(file)
}

/// `ny-anvisning-for_styrgruppen` → `Ny anvisning for styrgruppen`.
fn title_from(stem: &str) -> String {
    let spaced = stem.replace(['-', '_'], " ");
    let mut chars = spaced.trim().chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_else(|| "Ny sida".to_string())
}

fn usage(message: impl Into<crate::error::Said>, hint: impl Into<crate::error::Said>) -> Error {
    Error::Config(Box::new(Diagnostic::error(message).with_hint(hint)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_file_names() {
        assert_eq!(title_from("ny-anvisning"), "Ny anvisning");
        assert_eq!(title_from("växjö_möte"), "Växjö möte");
    }

    #[test]
    fn builtin_archetypes_exist() {
        assert!(crate::templates::default_theme_file("archetypes/sida.md").is_some());
    }
}

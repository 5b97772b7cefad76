//! Resolving the link destinations editors write (`../a.md#x`, `/a.md`, `bild.png`,
//! `../natverk/`) against the site model, with a suggestion when nothing matches.

use percent_encoding::percent_decode_str;

use super::paths::{encode_path, normalise, relative_href};
use super::Site;
use crate::error::{did_you_mean, Diagnostic};
use crate::markdown::{LinkResolver, Resolved};

/// Resolves links written in the entry `from`.
pub struct PageResolver<'a> {
    pub site: &'a Site,
    pub from: usize,
}

enum Found {
    Entry(usize),
    Asset(String),
}

impl LinkResolver for PageResolver<'_> {
    fn resolve(&self, dest: &str) -> Result<Resolved, Diagnostic> {
        let (path_part, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let path_part = path_part.split('?').next().unwrap_or(path_part);
        let anchor = fragment.map(|f| percent_decode_str(f).decode_utf8_lossy().into_owned());
        let from = &self.site.entries[self.from];
        if path_part.is_empty() {
            return Ok(Resolved {
                href: format!("#{}", fragment.unwrap_or_default()),
                target: Some(self.from),
                anchor,
            });
        }
        let decoded = percent_decode_str(path_part).decode_utf8_lossy();
        let joined = match decoded.strip_prefix('/') {
            Some(rooted) => rooted.to_string(),
            None if from.source.dir().is_empty() => decoded.to_string(),
            None => format!("{}/{}", from.source.dir(), decoded),
        };
        let normal = normalise(&joined).ok_or_else(|| {
            Diagnostic::error(format!(
                "the link `{dest}` points outside the content folder"
            ))
            .with_hint("link to a file inside content/, e.g. ../natverk/_index.md")
        })?;
        let found = self
            .find(&normal, decoded.ends_with('/'))
            .ok_or_else(|| self.missing(dest, &normal))?;
        let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        match found {
            Found::Entry(id) => Ok(Resolved {
                href: format!(
                    "{}{fragment}",
                    relative_href(&from.path, &self.site.entries[id].path)
                ),
                target: Some(id),
                anchor,
            }),
            Found::Asset(path) => Ok(Resolved {
                href: format!(
                    "{}{fragment}",
                    encode_path(&relative_href(&from.path, &path))
                ),
                target: None,
                anchor: None,
            }),
        }
    }
}

impl PageResolver<'_> {
    fn find(&self, normal: &str, as_folder: bool) -> Option<Found> {
        let site = self.site;
        let prefix = if normal.is_empty() {
            String::new()
        } else {
            format!("{normal}/")
        };
        let entry = |rel: &str| site.by_source.get(rel).copied();
        let by_file = if as_folder { None } else { entry(normal) };
        by_file
            .or_else(|| entry(&format!("{prefix}_index.md")))
            .or_else(|| entry(&format!("{prefix}index.md")))
            .or_else(|| {
                if as_folder {
                    None
                } else {
                    entry(&format!("{normal}.md"))
                }
            })
            .map(Found::Entry)
            .or_else(|| {
                site.asset_paths
                    .get(normal)
                    .map(|p| Found::Asset(p.clone()))
            })
            .or_else(|| site.by_path.get(&prefix).copied().map(Found::Entry))
    }

    fn missing(&self, dest: &str, normal: &str) -> Diagnostic {
        let site = self.site;
        let is_draft = [
            normal.to_string(),
            format!("{normal}/_index.md"),
            format!("{normal}/index.md"),
        ]
        .iter()
        .any(|c| site.drafts.contains(c));
        if is_draft {
            return Diagnostic::error(format!(
                "the link `{dest}` points to a draft, which is not published"
            ))
            .with_hint(
                "remove `draft: true` from the target, remove the link, or build with --drafts",
            );
        }
        let candidates = site
            .by_source
            .keys()
            .chain(site.asset_paths.keys())
            .map(String::as_str);
        let from_dir = site.entries[self.from].source.dir();
        let from_dir = if from_dir.is_empty() {
            String::new()
        } else {
            format!("{from_dir}/")
        };
        let mut d = Diagnostic::error(format!(
            "the link `{dest}` points to a file that does not exist (content/{normal})"
        ));
        d = match did_you_mean(normal, candidates) {
            Some(best) => d.with_hint(format!("did you mean `{}`?", relative_href(&from_dir, best))),
            None => d.with_hint("check the file name; links are relative to this file, or start with / for the content folder"),
        };
        d
    }
}

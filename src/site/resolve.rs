//! Resolving the link destinations editors write (`../a.md#x`, `/a.md`, `bild.png`,
//! `../natverk/`) against the site model, with a suggestion when nothing matches.

use percent_encoding::percent_decode_str;

use super::paths::{encode_path, normalise, relative_href};
use super::Site;
use crate::content::parent_of;
use crate::error::Diagnostic;
use crate::markdown::{LinkResolver, Resolved};
use crate::messages as msg;
use crate::slug::{nfc, nfd, normalise_anchor, slugify};

/// Resolves links written in the entry `from`.
pub struct PageResolver<'a> {
    pub site: &'a Site,
    pub from: usize,
    /// The site path the hrefs are made relative to: the entry's own path, or another
    /// page that shows its text (the section's print page).
    pub base: &'a str,
}

enum Found {
    Entry(usize),
    Asset(String),
    /// A page handbok generates (taxonomy, term, review, matrix): no anchors to check.
    Generated(String),
}

impl LinkResolver for PageResolver<'_> {
    fn resolve(&self, dest: &str) -> Result<Resolved, Diagnostic> {
        let (path_part, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        // A query (`/sok/?q=klimat`) is the target's business: kept as written.
        let (path_part, query) = match path_part.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path_part, None),
        };
        let query = query.map(|q| format!("?{q}")).unwrap_or_default();
        let anchor = fragment.map(|f| normalise_anchor(&percent_decode_str(f).decode_utf8_lossy()));
        let with_anchor = |href: String| match &anchor {
            Some(a) => format!("{href}{query}#{a}"),
            None => format!("{href}{query}"),
        };
        let from = &self.site.entries[self.from];
        if path_part.is_empty() {
            return Ok(Resolved {
                href: with_anchor(String::new()),
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
        // Composed (NFC), whatever form the link and the linking page's folder are in.
        let normal = normalise(&nfc(&joined)).ok_or_else(|| {
            Diagnostic::error(crate::text!(msg::LINK_OUTSIDE_CONTENT, dest))
                .with_hint(&msg::HINT_LINK_OUTSIDE_CONTENT)
        })?;
        let as_folder = decoded.ends_with('/');
        let found = forms(&normal)
            .iter()
            .find_map(|form| self.find(form, as_folder));
        let Some(found) = found else {
            if forms(&normal)
                .iter()
                .flat_map(|form| variants(form))
                .any(|c| self.site.failed.contains(&c))
            {
                // The target exists but failed to load; that error is reported already.
                return Ok(Resolved {
                    href: "#".to_string(),
                    target: None,
                    anchor: None,
                });
            }
            return Err(self.missing(dest, &normal));
        };
        match found {
            Found::Entry(id) => Ok(Resolved {
                href: with_anchor(relative_href(self.base, &self.site.entries[id].path)),
                target: Some(id),
                anchor,
            }),
            Found::Generated(path) => Ok(Resolved {
                href: with_anchor(relative_href(self.base, &path)),
                target: None,
                anchor: None,
            }),
            Found::Asset(path) => Ok(Resolved {
                // A file's fragment (`dok.pdf#page=2`) is kept as written.
                href: format!(
                    "{}{query}{}",
                    encode_path(&relative_href(self.base, &path)),
                    fragment.map(|f| format!("#{f}")).unwrap_or_default()
                ),
                target: None,
                anchor: None,
            }),
        }
    }
}

/// The forms a link path (composed, NFC) may have on disk: as written, and decomposed (NFD)
/// as macOS names files.
fn forms(normal: &str) -> Vec<String> {
    let decomposed = nfd(normal);
    if decomposed == normal {
        vec![normal.to_string()]
    } else {
        vec![normal.to_string(), decomposed.into_owned()]
    }
}

/// The source files a normalised link path may mean.
fn variants(normal: &str) -> [String; 4] {
    let prefix = if normal.is_empty() {
        String::new()
    } else {
        format!("{normal}/")
    };
    [
        normal.to_string(),
        format!("{prefix}_index.md"),
        format!("{prefix}index.md"),
        format!("{normal}.md"),
    ]
}

impl PageResolver<'_> {
    fn find(&self, normal: &str, as_folder: bool) -> Option<Found> {
        let site = self.site;
        let [file, section, bundle, with_md] = variants(normal);
        let entry = |rel: &str| site.by_source.get(rel).copied();
        let by_file = if as_folder {
            None
        } else {
            entry(&file).or_else(|| entry(&with_md))
        };
        by_file
            .or_else(|| entry(&section))
            .or_else(|| entry(&bundle))
            .map(Found::Entry)
            .or_else(|| {
                site.asset_paths
                    .get(normal)
                    .map(|p| Found::Asset(p.clone()))
            })
            .or_else(|| {
                let prefix = if normal.is_empty() {
                    String::new()
                } else {
                    format!("{normal}/")
                };
                site.by_path
                    .get(&prefix)
                    .copied()
                    .map(Found::Entry)
                    .or_else(|| {
                        site.routes
                            .generated_page(&prefix)
                            .map(|_| Found::Generated(prefix))
                    })
            })
    }

    fn missing(&self, dest: &str, normal: &str) -> Diagnostic {
        let site = self.site;
        let draft = forms(normal)
            .iter()
            .flat_map(|form| variants(form))
            .any(|c| site.drafts.contains(&c));
        if draft {
            return Diagnostic::error(crate::text!(msg::LINK_TO_DRAFT, dest))
                .with_hint(&msg::HINT_LINK_TO_DRAFT);
        }
        let d = Diagnostic::error(crate::text!(msg::LINK_MISSING_FILE, dest, normal));
        match self.suggest(normal) {
            Some(best) => {
                let from_dir = site.entries[self.from].source.dir();
                let from_dir = if from_dir.is_empty() {
                    String::new()
                } else {
                    format!("{from_dir}/")
                };
                d.with_hint(crate::text!(
                    msg::HINT_DID_YOU_MEAN,
                    relative_href(&from_dir, &best)
                ))
            }
            None => d.with_hint(&msg::HINT_LINK_MISSING_FILE),
        }
    }

    /// The existing file most like `wanted`: compared as slugs (so accents and case do not
    /// matter), favouring a shared beginning (`social.md` → `social-hållbarhet.md`) and the
    /// same folder. Never the linking page itself.
    fn suggest(&self, wanted: &str) -> Option<String> {
        let site = self.site;
        let own = &site.entries[self.from].source.rel;
        let wanted_slug = slugify(wanted.trim_end_matches(".md"));
        let wanted_dir = parent_of(wanted);
        site.by_source
            .keys()
            .chain(site.asset_paths.keys())
            .filter(|c| *c != own)
            .map(|c| {
                let mut score =
                    strsim::jaro_winkler(&wanted_slug, &slugify(c.trim_end_matches(".md")));
                if parent_of(c) == wanted_dir {
                    score += 0.05;
                }
                (score, c)
            })
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, c)| c.clone())
    }
}

//! Pass: rewrite internal links and images (`../a.md#x`, `/a.md`, `#x`, `bild.png`) to
//! output URLs through a [`LinkResolver`], and record every link with its position.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag};

use super::OutLink;
use crate::error::{Diagnostic, Position};
use crate::messages as msg;

/// Where an internal link goes, as decided by the site model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The URL to write into the HTML (relative to the linking page).
    pub href: String,
    /// The entry linked to, if it is a page or section (not an asset).
    pub target: Option<usize>,
    /// The fragment, percent-decoded.
    pub anchor: Option<String>,
}

/// Resolves the destinations written in one page.
pub trait LinkResolver: Sync {
    /// Resolves an internal destination (no URL scheme). Errors carry message and hint.
    fn resolve(&self, dest: &str) -> Result<Resolved, Diagnostic>;
}

/// True for URL schemes that run code in the browser (`javascript:`, `vbscript:`, `data:`
/// outside images). Leading spaces, control characters and letter case are ignored, as
/// browsers ignore them.
pub fn is_unsafe_url(url: &str, is_image: bool) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    cleaned.starts_with("javascript:")
        || cleaned.starts_with("vbscript:")
        || (cleaned.starts_with("data:") && !(is_image && cleaned.starts_with("data:image/")))
}

/// True when `dest` names another host or scheme (`https:`, `mailto:`, `//host`).
fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// Rewrites link and image destinations in place; returns the links and any problems.
pub fn rewrite(
    events: &mut [(Event<'_>, Range<usize>)],
    resolver: &dyn LinkResolver,
    position: &dyn Fn(usize) -> Position,
) -> (Vec<OutLink>, Vec<Diagnostic>) {
    let mut links = Vec::new();
    let mut diagnostics = Vec::new();
    for (event, range) in events.iter_mut() {
        let (dest, is_image) = match event {
            // An e-mail autolink (`<namn@kommun.se>`) is handed over without its `mailto:`,
            // which the HTML writer adds: an address, never a file.
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => continue,
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
            _ => continue,
        };
        let at = position(range.start);
        let written = dest.to_string();
        if is_unsafe_url(&written, is_image) {
            diagnostics.push(
                Diagnostic::error(crate::text!(msg::UNSAFE_LINK, shorten(&written)))
                    .at(at)
                    .with_hint(&msg::HINT_UNSAFE_LINK),
            );
            *dest = CowStr::Borrowed("#");
            continue;
        }
        if is_external(&written) {
            continue;
        }
        if written.trim().is_empty() {
            // Valid Markdown (`[text]()`, `[text](<>)`, `[text]: <>`) that leads nowhere:
            // written as it is (`href=""`), with a warning at its line.
            let message = if is_image {
                &msg::IMAGE_NO_TARGET
            } else {
                &msg::LINK_NO_TARGET
            };
            diagnostics.push(
                Diagnostic::warning(message)
                    .at(at)
                    .with_hint(&msg::HINT_LINK_NO_TARGET),
            );
            continue;
        }
        match resolver.resolve(&written) {
            Ok(r) => {
                *dest = CowStr::from(r.href);
                links.push(OutLink {
                    target: r.target,
                    anchor: r.anchor,
                    position: at,
                    written,
                });
            }
            // `[Skriv](namn@kommun.se)` is a file name to a browser: say how to write mail.
            Err(d) if looks_like_address(&written) => {
                diagnostics.push(d.at(at).with_hint(&msg::HINT_MAIL_ADDRESS))
            }
            Err(d) => diagnostics.push(d.at(at)),
        }
    }
    (links, diagnostics)
}

/// True for `namn@kommun.se`: one `@` between a name and a domain with a dot, no path.
fn looks_like_address(dest: &str) -> bool {
    match dest.split_once('@') {
        Some((name, domain)) => {
            !name.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !dest.contains(['/', '#', '?', ' '])
        }
        None => false,
    }
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_schemes_in_any_disguise() {
        assert!(is_unsafe_url("javascript:alert(1)", false));
        assert!(is_unsafe_url(" JaVa\tScript:alert(1)", false));
        assert!(is_unsafe_url("data:text/html,<script>", false));
        assert!(is_unsafe_url("data:text/html,x", true));
        assert!(!is_unsafe_url("data:image/png;base64,xx", true));
        assert!(!is_unsafe_url("https://example.se/", false));
    }

    #[test]
    fn external_detection() {
        assert!(is_external("https://x.se"));
        assert!(is_external("mailto:a@b.se"));
        assert!(is_external("//cdn.example"));
        assert!(!is_external("../a.md"));
        assert!(!is_external("/a.md#b"));
        assert!(!is_external("a.md#x:y"));
    }
}

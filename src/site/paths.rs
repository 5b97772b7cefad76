//! Site paths: where each source lands in the output, and relative hrefs between them.
//! A site path has no leading slash and ends with `/` for pages (`natverk/social/`);
//! the start page is `""`.

/// A relative href from the page at `from` (a site path ending in `/` or empty) to the
/// site path `to` (a page path or a file path). Works under any base path.
pub fn relative_href(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let to_is_dir = to.is_empty() || to.ends_with('/');
    // Only directory parts of `to` may be shared; a file's name never is.
    let to_dir_count = if to_is_dir {
        to_parts.len()
    } else {
        to_parts.len().saturating_sub(1)
    };
    let common = from_dirs
        .iter()
        .zip(to_parts.iter().take(to_dir_count))
        .take_while(|(a, b)| a == b)
        .count();
    let mut href = "../".repeat(from_dirs.len() - common);
    href.push_str(&to_parts[common..].join("/"));
    if to_is_dir && common < to_parts.len() {
        href.push('/');
    }
    if href.is_empty() {
        href.push_str("./");
    }
    href
}

/// The prefix from the page at `from` back to the site root: `./` at the root, else `../…`.
pub fn root_prefix(from: &str) -> String {
    let depth = from.split('/').filter(|s| !s.is_empty()).count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// Percent-encodes a site path for use in an href (keeps `/`, unreserved characters).
pub fn encode_path(path: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(path, SET).to_string()
}

/// Normalises `.` and `..` in a `/`-separated relative path; `None` if it leaves the root.
pub fn normalise(path: &str) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            s => out.push(s),
        }
    }
    Some(out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_hrefs() {
        assert_eq!(
            relative_href("natverk/social/", "styrgrupp/anvisningar/"),
            "../../styrgrupp/anvisningar/"
        );
        assert_eq!(relative_href("natverk/social/", "natverk/"), "../");
        assert_eq!(relative_href("natverk/", "natverk/social/"), "social/");
        assert_eq!(relative_href("", "natverk/"), "natverk/");
        assert_eq!(relative_href("natverk/", ""), "../");
        assert_eq!(relative_href("a/", "a/"), "./");
        assert_eq!(relative_href("a/b/", "a/b/bild.png"), "bild.png");
        assert_eq!(relative_href("a/c/", "a/b/bild.png"), "../b/bild.png");
        assert_eq!(relative_href("a/", "a.png"), "../a.png");
    }

    #[test]
    fn normalise_refuses_to_leave_root() {
        assert_eq!(normalise("a/./b/../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(normalise("a/../../etc/passwd"), None);
    }

    #[test]
    fn root_prefixes() {
        assert_eq!(root_prefix(""), "./");
        assert_eq!(root_prefix("a/b/"), "../../");
    }
}

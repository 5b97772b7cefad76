//! Site paths: where each source lands in the output, and relative hrefs between them.
//! A site path has no leading slash and ends with `/` for pages (`natverk/social/`);
//! the start page is `""`.

/// A relative href from the page at `from` (a site path ending in `/` or empty) to the
/// site path `to` (a page path or a file path). Works under any base path.
pub fn relative_href(from: &str, to: &str) -> String {
    // Called for every link of every page (the sidebar alone has a hundred on a page of a
    // large section), so it walks the segments without collecting them.
    let to_is_dir = to.is_empty() || to.ends_with('/');
    // Only directory parts of `to` may be shared; a file's name never is.
    let to_dirs = if to_is_dir {
        to
    } else {
        to.rsplit_once('/').map_or("", |(dirs, _)| dirs)
    };
    let common = parts(from)
        .zip(parts(to_dirs))
        .take_while(|(a, b)| a == b)
        .count();
    let mut href = "../".repeat(parts(from).count() - common);
    let mut rest = 0;
    for (i, part) in parts(to).skip(common).enumerate() {
        if i > 0 {
            href.push('/');
        }
        href.push_str(part);
        rest += 1;
    }
    if to_is_dir && rest > 0 {
        href.push('/');
    }
    if href.is_empty() {
        href.push_str("./");
    }
    href
}

/// The non-empty `/`-separated parts of a site path.
fn parts(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
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

pub use crate::slug::encode_path;

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

//! Limits on front matter values: the length of titles and descriptions, the years of
//! dates, and the paths of aliases (inside the site, names any server can store).

use super::DateValue;
use crate::error::Diagnostic;
use crate::messages::{self as msg, Message};
use crate::slug::check_name;
use crate::text;

/// The longest `title`, in characters. A title is repeated in every menu, breadcrumb and
/// list that shows the page (a 1 MB title once made 127 MB of output); 300 characters hold
/// the longest official document names with room to spare.
pub const MAX_TITLE_CHARS: usize = 300;

/// The longest `description`, in characters: it is shown in lists, feeds and search
/// results, where a few sentences fit; 1,000 characters is a long paragraph.
pub const MAX_DESCRIPTION_CHARS: usize = 1000;

/// The years a date may fall in. A date outside them is a typo (`0224-05-01`,
/// `2924-05-01`) that feeds, calendars, review lists and sorting would carry on.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Refuses a date outside [`YEARS`].
pub fn in_years(key: &str, date: DateValue) -> Result<DateValue, Diagnostic> {
    use chrono::Datelike;
    if YEARS.contains(&date.date.year()) {
        return Ok(date);
    }
    Err(Diagnostic::error(text!(
        msg::DATE_OUTSIDE_YEARS,
        key,
        YEARS.start(),
        YEARS.end(),
        date.iso
    ))
    .with_hint(&msg::HINT_YEARS))
}

/// Refuses a text longer than `max` characters, naming its length.
pub(super) fn within_length(key: &str, text: String, max: usize) -> Result<String, Diagnostic> {
    let n = text.chars().count();
    if n <= max {
        return Ok(text);
    }
    Err(Diagnostic::error(text!(msg::TOO_LONG, key, n, max)).with_hint(&msg::HINT_TOO_LONG))
}

/// Validates an alias and normalises it to a site path `a/b/` (no leading slash).
pub(super) fn alias_path(alias: &str) -> Result<String, Diagnostic> {
    let composed = crate::slug::nfc(alias);
    let trimmed = composed.trim().trim_start_matches('/');
    // `gammal/index.html` is the folder `gammal/`; `gammalindex.html` is a file of its own.
    let trimmed = match trimmed.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
        _ => trimmed,
    };
    let bad =
        |why: &'static Message| Diagnostic::error(text!(why, alias)).with_hint(&msg::HINT_ALIAS);
    if alias.contains("://") || alias.contains('\\') || alias.contains(':') {
        return Err(bad(&msg::ALIAS_NOT_IN_SITE));
    }
    let segments: Vec<&str> = trimmed.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() {
        return Err(bad(&msg::ALIAS_START_PAGE));
    }
    for seg in &segments {
        if *seg == "." || *seg == ".." || seg.starts_with('.') {
            return Err(bad(&msg::ALIAS_LEAVES_SITE));
        }
        check_name(seg)?;
        if seg
            .chars()
            .any(|c| c.is_control() || "<>\"'`|?*#%".contains(c))
        {
            return Err(bad(&msg::ALIAS_BAD_CHARACTERS));
        }
    }
    let mut path = segments.join("/");
    // `/gammal/sida.html` stays a file, as the old server had it; other paths are folders.
    let is_file = [".html", ".htm"].iter().any(|ext| path.ends_with(ext));
    if !is_file {
        path.push('/');
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frontmatter::parse_date;

    #[test]
    fn years_1900_to_2200_are_accepted() {
        for (text, ok) in [
            ("1900-01-01", true),
            ("2200-12-31", true),
            ("1899-12-31", false),
            ("2201-01-01", false),
            ("0001-01-01T00:00:00Z", false),
        ] {
            let date = parse_date(text).unwrap();
            assert_eq!(in_years("date", date).is_ok(), ok, "{text}");
        }
    }

    #[test]
    fn lengths_count_characters() {
        assert!(within_length("title", "å".repeat(300), MAX_TITLE_CHARS).is_ok());
        let d = within_length("title", "å".repeat(301), MAX_TITLE_CHARS).unwrap_err();
        assert_eq!(
            d.message,
            "`title` is 301 characters long; at most 300 are allowed"
        );
    }
}

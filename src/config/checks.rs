//! Checks of single configuration values that decide what the build reads (`theme:`, the
//! glossary file, `language:`) or where pages load from (`base_url`), and of the
//! accessibility contact's e-mail address. Each returns the problem as a message; the
//! caller adds the file and line.

use std::path::{Component, Path};

use crate::messages::{self as msg, Message, Text};
use crate::text;

/// `theme:` names a folder in `themes/`, never a path.
pub(super) fn theme_name(name: &str) -> Result<(), Text> {
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control);
    if plain {
        Ok(())
    } else {
        Err(text!(msg::THEME_NOT_A_NAME, name.escape_debug()))
    }
}

/// A file named in the configuration: a relative path inside the site folder, without
/// `..`, `.` or backslashes.
pub(super) fn site_file(key: &str, path: &str) -> Result<(), Text> {
    let inside = !path.is_empty()
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if inside {
        Ok(())
    } else {
        Err(text!(msg::CONFIG_PATH_OUTSIDE, key, path.escape_debug()))
    }
}

/// A language tag such as `sv` or `en-GB`: it names the theme's `i18n/<language>.yaml`.
pub(super) fn language(tag: &str) -> Result<(), Text> {
    let ok = tag.len() <= 35
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(text!(msg::LANGUAGE_NOT_A_TAG, tag.escape_debug()))
    }
}

/// Why `url` (a base URL, already trimmed) would make pages load from another server:
/// `//host` and `/\host` are read by browsers as another host, and so is `https:///host`.
/// The message takes the key's name and the value.
pub(super) fn base_url_problem(url: &str) -> Option<&'static Message> {
    let path = match url.split_once("://") {
        Some((_, rest)) => {
            let host_end = rest.find('/').unwrap_or(rest.len());
            if host_end == 0 {
                return Some(&msg::BASE_URL_NO_SERVER);
            }
            &rest[host_end..]
        }
        None => url,
    };
    if url.contains('\\') {
        Some(&msg::BASE_URL_BACKSLASH)
    } else if path.starts_with("//") {
        Some(&msg::BASE_URL_DOUBLE_SLASH)
    } else if url.contains(['?', '#']) {
        Some(&msg::BASE_URL_QUERY)
    } else if url.chars().any(char::is_control) {
        Some(&msg::BASE_URL_CONTROL)
    } else {
        None
    }
}

/// What `edit_url:` holds in place of the content file's path.
pub(super) const EDIT_URL_PLACEHOLDER: &str = "{path}";

/// Why `url` (trimmed, not empty) is not an edit link pattern: an absolute http(s) URL
/// with a server name, holding `{path}`, without spaces or control characters. The message
/// takes the value.
pub(super) fn edit_url_problem(url: &str) -> Option<&'static Message> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        None => Some(&msg::EDIT_URL_NOT_HTTP),
        Some(rest) if rest.is_empty() || rest.starts_with(['/', '{']) => {
            Some(&msg::EDIT_URL_NO_SERVER)
        }
        _ if url.chars().any(|c| c.is_whitespace() || c.is_control()) => Some(&msg::EDIT_URL_SPACE),
        _ if !url.contains(EDIT_URL_PLACEHOLDER) => Some(&msg::EDIT_URL_NO_PATH),
        _ => None,
    }
}

/// Why `email` is not one plain address for a `mailto:` link: a `?` or `&` adds headers
/// (`?bcc=`), `%0a` and line breaks add lines, a second `@` a second recipient. The
/// message takes the address.
pub(super) fn email_problem(email: &str) -> Option<&'static Message> {
    let forbidden = |c: char| {
        c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '?' | '&' | '%' | '#' | '/' | '\\' | ':' | ';' | ',' | '<' | '>' | '"' | '\''
            )
    };
    match email.split_once('@') {
        _ if email.chars().any(forbidden) => Some(&msg::EMAIL_BAD_CHARACTER),
        Some((local, domain))
            if !local.is_empty() && !domain.is_empty() && !domain.contains('@') =>
        {
            None
        }
        _ => Some(&msg::EMAIL_NOT_ONE_ADDRESS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_is_a_folder_name() {
        assert!(theme_name("egen").is_ok());
        assert!(theme_name("egen-tema_2").is_ok());
        for bad in ["", ".", "..", "../..", "/etc", "a/b", "a\\b", "C:x", "a\nb"] {
            assert!(theme_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn site_files_stay_inside() {
        assert!(site_file("glossary: file", "ordlista.yaml").is_ok());
        assert!(site_file("glossary: file", "data/ordlista.yaml").is_ok());
        for bad in [
            "",
            "/etc/passwd",
            "../x.yaml",
            "a/../../x",
            "./x",
            "a\\..\\x",
        ] {
            assert!(site_file("glossary: file", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn language_is_a_tag() {
        for ok in ["sv", "en-GB", "se_FI"] {
            assert!(language(ok).is_ok(), "{ok}");
        }
        for bad in ["", "../../x", "sv/x", "-sv", "sv x"] {
            assert!(language(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn base_urls_that_lead_to_another_server() {
        for ok in [
            "/",
            "/hallbarhet/",
            "https://intranat.example.se/hallbarhet/",
        ] {
            assert_eq!(base_url_problem(ok), None, "{ok}");
        }
        for bad in [
            "//evil.example/",
            "/\\evil.example/",
            "https://intranat.example.se//evil.example/",
            "https:///evil.example/",
            "/a?x=/",
            "/a#/",
        ] {
            assert!(base_url_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn emails_are_one_plain_address() {
        assert_eq!(email_problem("tillganglighet@motala.se"), None);
        assert_eq!(email_problem("a.b+c@kommun.se"), None);
        for bad in [
            "a@b.se?bcc=x@y.se",
            "a@b.se&cc=x",
            "a@b.se%0abcc:x",
            "a@b.se\nbcc: x",
            "a@b.se,x@y.se",
            "a@b@c.se",
            "ingen-snabel-a",
            "@b.se",
            "a@",
        ] {
            assert!(email_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn only_swedish_is_swedish() {
        assert!(super::super::is_swedish("sv") && super::super::is_swedish("sv-SE"));
        assert!(!super::super::is_swedish("en") && !super::super::is_swedish("svx"));
    }

    #[test]
    fn edit_urls_are_http_patterns_with_the_path() {
        let ok = "https://git.example.se/handbok/-/edit/main/content/{path}";
        assert_eq!(edit_url_problem(ok), None);
        for (bad, problem) in [
            ("git.example.se/{path}", "is not an absolute http(s) URL"),
            (
                "javascript:alert(1)//{path}",
                "is not an absolute http(s) URL",
            ),
            ("https:///{path}", "has no server name after `://`"),
            (
                "https://git.example.se/edit/ {path}",
                "contains a space or a control character",
            ),
            (
                "https://git.example.se/edit/",
                "does not contain `{path}`, where the page's file goes",
            ),
        ] {
            let found = edit_url_problem(bad).map(|m| m.en);
            assert!(found.is_some_and(|en| en.ends_with(problem)), "{bad:?}");
        }
    }
}

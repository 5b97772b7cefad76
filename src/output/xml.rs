//! Text written into XML documents (the feed, the sitemap): escaped, and without the
//! characters that XML 1.0 does not allow anywhere, not even as `&#…;` references.

/// Escapes `s` for XML content and attribute values and leaves out every character XML 1.0
/// forbids: the C0 control characters but tab, line feed and carriage return, and U+FFFE
/// and U+FFFF. A title may hold one (`title: "Mål\u0007"` is a valid YAML escape), and one
/// such character makes the whole document unreadable to every feed reader and search
/// engine. Lone surrogates cannot occur in a Rust string; U+007F and the C1 controls are
/// allowed in XML 1.0 and stay.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether XML 1.0 allows `c` in a document (its production `Char`).
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_are_left_out() {
        assert_eq!(
            escape("<a href=\"x\">K&amp;'s</a>"),
            "&lt;a href=&quot;x&quot;&gt;K&amp;amp;&apos;s&lt;/a&gt;"
        );
        let forbidden = "\u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{FFFE}\u{FFFF}";
        assert_eq!(escape(&format!("Mål{forbidden}!")), "Mål!");
        // Allowed, if unusual: kept as they are.
        let kept = "\t\n\r\u{7F}\u{85}\u{9F}\u{D7FF}\u{E000}\u{FFFD}\u{10000}\u{10FFFF}";
        assert_eq!(escape(kept), kept);
        let doc = format!(
            "<t a=\"{0}\">{0}</t>",
            escape(&format!("x{forbidden}{kept}"))
        );
        let parsed = roxmltree::Document::parse(&doc).expect("well-formed XML");
        assert!(parsed
            .root_element()
            .text()
            .is_some_and(|t| t.contains('\u{7F}')));
    }
}

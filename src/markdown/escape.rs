//! HTML escaping, shared by the Markdown passes and the templates.

/// HTML escaping for `{{ }}` output: `& < > " '` (Tera's default also escapes `/`,
/// which bloats every URL without making anything safer).
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    escape_into(&mut out, input);
    out
}

/// Appends `input` to `out` with `&`, `<`, `>`, `"` and `'` escaped. Copies runs of
/// ordinary text whole: most text has nothing to escape.
pub fn escape_into(out: &mut String, input: &str) {
    let mut start = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&input[start..]);
}

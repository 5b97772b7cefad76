//! HTML escaping, shared by the Markdown passes and the templates.

/// HTML escaping for `{{ }}` output: `& < > " '` (Tera's default also escapes `/`,
/// which bloats every URL without making anything safer).
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    escape_into(&mut out, input);
    out
}

/// Appends `input` to `out` with `&`, `<`, `>`, `"` and `'` escaped. Copies runs of
/// ordinary text whole, and looks at eight bytes at a time while none of them needs
/// escaping: most text has nothing to escape (titles and descriptions, on every page that
/// lists them, were 2.5 % of a 10,000-page build's CPU when looked at byte by byte).
pub fn escape_into(out: &mut String, input: &str) {
    let bytes = input.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(word) = bytes[i..].first_chunk::<8>() {
            if !any_special(u64::from_ne_bytes(*word)) {
                i += 8;
                continue;
            }
        }
        let entity = match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => {
                i += 1;
                continue;
            }
        };
        // `i` is at an ASCII byte, so both slices end on character boundaries.
        out.push_str(&input[start..i]);
        out.push_str(entity);
        i += 1;
        start = i;
    }
    out.push_str(&input[start..]);
}

/// Whether any of the eight bytes in `word` is one that [`escape_into`] escapes. Exact: a
/// byte equal to `c` is a zero byte of `word ^ c…c`, and `(x - 0x01…01) & !x & 0x80…80` is
/// non-zero exactly when `x` has a zero byte.
fn any_special(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let zero_byte = |c: u8| {
        let x = word ^ (ONES * u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    (zero_byte(b'&') | zero_byte(b'<') | zero_byte(b'>') | zero_byte(b'"') | zero_byte(b'\'')) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain byte-by-byte escaping that `escape_into` must equal.
    fn reference(input: &str) -> String {
        input
            .chars()
            .map(|c| match c {
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                '>' => "&gt;".to_string(),
                '"' => "&quot;".to_string(),
                '\'' => "&#39;".to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn every_special_character_at_every_place_is_escaped() {
        let pieces = [
            "a", "å", "€", "𝄞", "&", "<", ">", "\"", "'", "%", "=", "\u{7f}", "\u{ff}",
        ];
        // Three pieces, the first two side by side, with 0 to 9 letters before the first
        // and after the second and third, so that the special characters fall on every
        // byte of an eight-byte word and across words.
        for n in 0..10 {
            let pad = "x".repeat(n);
            for a in pieces {
                for b in pieces {
                    for c in pieces {
                        let input = format!("{pad}{a}{b}{pad}{c}{pad}");
                        let mut out = String::from("before:");
                        escape_into(&mut out, &input);
                        assert_eq!(out, format!("before:{}", reference(&input)), "{input:?}");
                    }
                }
            }
        }
        assert_eq!(
            escape_html("Mål & medel: <b>\"Växjö\"</b> 'ja'"),
            "Mål &amp; medel: &lt;b&gt;&quot;Växjö&quot;&lt;/b&gt; &#39;ja&#39;"
        );
    }
}

//! Swedish-aware slugs for URLs and heading ids, and Swedish collation for sorting.

/// Turns text into a URL slug: lower case, `å`/`ä` → `a`, `ö` → `o`, other letters
/// transliterated to ASCII, every run of other characters → one hyphen, no leading or
/// trailing hyphen. Returns an empty string when nothing usable is left.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for ch in text.chars() {
        let lower: String = match ch {
            'å' | 'Å' | 'ä' | 'Ä' => "a".into(),
            'ö' | 'Ö' => "o".into(),
            c if c.is_ascii() => c.to_ascii_lowercase().to_string(),
            // Symbols (§, –, ©) separate words; only letters and digits are transliterated.
            c if c.is_alphanumeric() => deunicode::deunicode_char(c)
                .unwrap_or("-")
                .to_ascii_lowercase(),
            _ => "-".into(),
        };
        for c in lower.chars() {
            if c.is_ascii_alphanumeric() || c == '_' {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push(c);
            } else {
                pending_hyphen = true;
            }
        }
    }
    out
}

/// Normalises a heading id or link fragment: kept as written when it only uses ASCII
/// letters, digits, `-` and `_`; otherwise slugified (`#Barnrättsperspektiv` →
/// `#barnrattsperspektiv`), so that links written with Swedish letters or spaces match the
/// ids headings get.
pub fn normalise_anchor(anchor: &str) -> String {
    if anchor
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return anchor.to_string();
    }
    let slug = slugify(anchor);
    if slug.is_empty() {
        anchor.to_string()
    } else {
        slug
    }
}

/// A key that sorts strings in Swedish order: case-insensitive, `å`, `ä`, `ö` after `z`
/// (in that order), accented Latin letters with their base letter (`é` as `e`, `ü` as `y`).
pub fn swedish_sort_key(text: &str) -> Vec<u32> {
    let mut key = Vec::with_capacity(text.len() + 1);
    for ch in text.chars().flat_map(char::to_lowercase) {
        let mapped = match ch {
            'å' => u32::from('z') + 1,
            'ä' | 'æ' => u32::from('z') + 2,
            'ö' | 'ø' => u32::from('z') + 3,
            'ü' => u32::from('y'),
            c if c.is_ascii() => u32::from(c),
            c => deunicode::deunicode_char(c)
                .and_then(|s| s.chars().next())
                .map_or(u32::from(c) + 0x1000, |b| u32::from(b.to_ascii_lowercase())),
        };
        key.push(mapped);
    }
    // Tie-break on the original text so that the order is total and deterministic.
    key.push(0);
    key.extend(text.chars().map(u32::from));
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_fold_to_ascii() {
        assert_eq!(slugify("Social hållbarhet"), "social-hallbarhet");
        assert_eq!(slugify("Växjö & Östersund"), "vaxjo-ostersund");
        assert_eq!(
            slugify("  --Fyra vägledande principer!-- "),
            "fyra-vagledande-principer"
        );
        assert_eq!(slugify("CEMR-deklarationen"), "cemr-deklarationen");
        assert_eq!(slugify("Café Müller"), "cafe-muller");
        assert_eq!(slugify("§ 134"), "134");
        assert_eq!(slugify("???"), "");
    }

    #[test]
    fn anchors_with_swedish_letters_are_slugified() {
        assert_eq!(normalise_anchor("Mandat_2"), "Mandat_2");
        assert_eq!(
            normalise_anchor("barnrättsperspektiv"),
            "barnrattsperspektiv"
        );
        assert_eq!(
            normalise_anchor("Lärdomar från arbete"),
            "lardomar-fran-arbete"
        );
    }

    #[test]
    fn swedish_collation_puts_aao_after_z() {
        let mut towns = vec![
            "Östersund",
            "Ängelholm",
            "Åre",
            "Växjö",
            "Zinkgruvan",
            "arboga",
        ];
        towns.sort_by_key(|t| swedish_sort_key(t));
        assert_eq!(
            towns,
            [
                "arboga",
                "Växjö",
                "Zinkgruvan",
                "Åre",
                "Ängelholm",
                "Östersund"
            ]
        );
    }
}

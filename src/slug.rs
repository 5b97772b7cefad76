//! Swedish-aware slugs for URLs and heading ids, Swedish collation for sorting, Unicode
//! normalisation (NFC) of names, and the check that a name can be a file on any server.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, is_nfd_quick, IsNormalized, UnicodeNormalization};

use crate::error::Diagnostic;

/// Every character below U+0300 (ASCII, å, ä, ö, é, ...) is NFC as it stands and never
/// combines with the one before it; in UTF-8 the others, and only they, have a byte of this
/// value or more (U+0300 is `CC 80`; continuation bytes are at most `BF`).
const BELOW_U0300: u8 = 0xCC;

/// `text` in Unicode normal form C (`å` as one character). File names from macOS and text
/// pasted from PDFs often come decomposed (`a` + combining ring), which looks the same but
/// compares and slugifies differently. Borrowed when already NFC (all ASCII text is).
pub fn nfc(text: &str) -> Cow<'_, str> {
    // Most Swedish text is answered by this one scan.
    if text.bytes().all(|b| b < BELOW_U0300) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// `text` in Unicode normal form D (`å` as `a` + combining ring), as macOS names files.
pub fn nfd(text: &str) -> Cow<'_, str> {
    if is_nfd_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfd().collect())
    }
}

/// Turns text into a URL slug: lower case, `å`/`ä` → `a`, `ö` → `o`, other letters
/// transliterated to ASCII, every run of other characters → one hyphen, no leading or
/// trailing hyphen. Returns an empty string when nothing usable is left. Decomposed text
/// (NFD) gives the same slug as composed text (NFC).
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for ch in nfc(text).chars() {
        let lower: String = match ch {
            'å' | 'Å' | 'ä' | 'Ä' => "a".into(),
            'ö' | 'Ö' => "o".into(),
            c if c.is_ascii() => c.to_ascii_lowercase().to_string(),
            // A mark no composed letter holds belongs to the letter before it.
            c if is_combining_mark(c) => continue,
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
    let text = nfc(text);
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

/// The longest file or folder name file systems store (ext4, APFS; NTFS counts UTF-16
/// units, which are never more than the UTF-8 bytes), in bytes.
pub const MAX_NAME_BYTES: usize = 255;

/// Checks one file or folder name of the output (a URL segment: a slug, an asset's file
/// name, an alias segment): it must fit in [`MAX_NAME_BYTES`] and may not be a device name
/// that Windows reserves (`con`, `nul.png`, `COM1`), since the site must copy to an IIS
/// server. The error has a message and a hint; the caller adds the file and line.
pub fn check_name(name: &str) -> Result<(), Diagnostic> {
    if name.len() > MAX_NAME_BYTES {
        let short: String = name.chars().take(40).collect();
        return Err(Diagnostic::error(crate::text!(
            crate::messages::NAME_TOO_LONG,
            short,
            name.len(),
            MAX_NAME_BYTES
        ))
        .with_hint(&crate::messages::HINT_NAME_TOO_LONG));
    }
    if is_windows_device(name) {
        return Err(
            Diagnostic::error(crate::text!(crate::messages::NAME_WINDOWS_DEVICE, name))
                .with_hint(&crate::messages::HINT_NAME_WINDOWS_DEVICE),
        );
    }
    Ok(())
}

/// `con`, `prn`, `aux`, `nul`, `com0`–`com9`, `lpt0`–`lpt9` (also `com¹`–`com³`), in any
/// case, alone or before an extension (`nul.png`, `con.tar.gz`) or trailing spaces.
fn is_windows_device(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    let stem = stem.to_ascii_lowercase();
    if matches!(
        stem.as_str(),
        "con" | "prn" | "aux" | "nul" | "conin$" | "conout$"
    ) {
        return true;
    }
    let number = stem
        .strip_prefix("com")
        .or_else(|| stem.strip_prefix("lpt"));
    number.is_some_and(|n| {
        let mut chars = n.chars();
        let digit = chars
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "¹²³".contains(c));
        digit && chars.next().is_none()
    })
}

/// Percent-encodes a path for use in a URL (keeps `/` and unreserved characters): site
/// paths in hrefs, file paths and branch names in links to the forge.
pub fn encode_path(path: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(path, SET).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_below_u0300_is_nfc_and_decomposed_text_is_composed() {
        // The scan in `nfc` takes any text without a byte of 0xCC or more as composed:
        // every character below U+0300, alone and before any other of them, must be.
        use unicode_normalization::char::{canonical_combining_class, compose};
        let below: Vec<char> = (0..0x300u32).filter_map(char::from_u32).collect();
        for a in &below {
            let mut bytes = [0; 4];
            assert!(a.encode_utf8(&mut bytes).bytes().all(|x| x < BELOW_U0300));
            assert_eq!(canonical_combining_class(*a), 0, "{a:?}");
            assert_eq!(
                is_nfc_quick(std::iter::once(*a)),
                IsNormalized::Yes,
                "{a:?}"
            );
            for b in &below {
                assert_eq!(compose(*a, *b), None, "{a:?} {b:?}");
            }
        }
        let mut bytes = [0; 4];
        assert_eq!('\u{300}'.encode_utf8(&mut bytes).as_bytes()[0], BELOW_U0300);
        assert!(matches!(nfc("Växjö \u{2FF}"), Cow::Borrowed(_)));
        assert_eq!(nfc("Va\u{308}xjo\u{308}"), "Växjö");
        assert_eq!(nfc("e\u{301}"), "é");
        assert_eq!(nfc("A\u{30A}sa \u{212B}"), "Åsa Å");
    }

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

    #[test]
    fn decomposed_text_slugs_and_sorts_like_composed_text() {
        let decomposed = "Ha\u{30a}llbarhet: Ma\u{30a}l fo\u{308}r a\u{308}r";
        assert_eq!(slugify(decomposed), slugify("Hållbarhet: Mål för år"));
        assert_eq!(slugify(decomposed), "hallbarhet-mal-for-ar");
        assert_eq!(
            normalise_anchor("ma\u{30a}l-fo\u{308}r-a\u{30a}r"),
            "mal-for-ar"
        );
        // A mark with no composed letter stays with its letter.
        assert_eq!(slugify("q\u{30a}x"), "qx");
        assert_eq!(
            swedish_sort_key(decomposed),
            swedish_sort_key(&nfc(decomposed))
        );
        assert_eq!(nfc("ha\u{30a}llbarhet"), "hållbarhet");
        assert_eq!(nfd("hållbarhet"), "ha\u{30a}llbarhet");
        assert!(matches!(nfc("ascii"), Cow::Borrowed(_)));
    }

    #[test]
    fn windows_device_names_and_long_names_are_refused() {
        for bad in [
            "con",
            "CON",
            "aux",
            "Nul",
            "prn",
            "com1",
            "COM9",
            "lpt1",
            "lpt9",
            "com0",
            "con.md",
            "nul.png",
            "Aux.tar.gz",
            "lpt²",
            "con ",
        ] {
            assert!(check_name(bad).is_err(), "{bad} accepted");
        }
        for good in [
            "console",
            "con-1",
            "icon",
            "com10",
            "comx",
            "lpt",
            "nullpunkt",
            "aux_",
            "bild.png",
        ] {
            assert!(check_name(good).is_ok(), "{good} refused");
        }
        assert!(check_name(&"a".repeat(255)).is_ok());
        let d = check_name(&"å".repeat(128)).unwrap_err();
        assert!(d.message.contains("256 bytes"), "{}", d.message);
    }
}

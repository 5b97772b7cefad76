//! The message catalogue: every text handbok shows an editor, with a stable code and its
//! English and Swedish wording side by side, in one place. Code builds a [`Text`] from an
//! entry and its values (`text!(LINK_MISSING, dest, path)`); the language is chosen only
//! when the text is shown, so one diagnostic can be printed in either language.
//!
//! Placeholders: `{}` takes the values in order, `{0}`, `{1}` … by position, so that a
//! translation may order them differently. A value is shown as it is.

use crate::i18n::Lang;

/// One entry of the catalogue.
#[derive(Debug, PartialEq, Eq)]
pub struct Message {
    /// Stable across versions (`HB0301`): shown with `--verbose`, GitLab's `check_name`.
    pub code: &'static str,
    pub en: &'static str,
    pub sv: &'static str,
}

/// A catalogue entry with its values, ready to show in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub message: &'static Message,
    pub values: Vec<String>,
}

impl Text {
    pub fn new(message: &'static Message, values: Vec<String>) -> Self {
        Text { message, values }
    }

    /// The text in `lang`, with its values filled in.
    pub fn render(&self, lang: Lang) -> String {
        let pattern = match lang {
            Lang::En => self.message.en,
            Lang::Sv => self.message.sv,
        };
        fill(pattern, &self.values)
    }

    pub fn code(&self) -> &'static str {
        self.message.code
    }
}

impl From<&'static Message> for Text {
    fn from(message: &'static Message) -> Self {
        Text::new(message, Vec::new())
    }
}

/// A catalogue entry with values: `text!(LINK_MISSING, dest, path)`.
#[macro_export]
#[doc(hidden)]
macro_rules! text {
    ($message:expr $(, $value:expr)* $(,)?) => {
        $crate::messages::Text::new(&$message, vec![$(($value).to_string()),*])
    };
}

/// `pattern` with its placeholders replaced by `values`.
fn fill(pattern: &str, values: &[String]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut next = 0;
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let index = close.and_then(|c| {
            let inside = &after[..c];
            if inside.is_empty() {
                next += 1;
                Some(next - 1)
            } else {
                inside.parse::<usize>().ok()
            }
        });
        match (index, close) {
            (Some(i), Some(c)) => {
                out.push_str(values.get(i).map_or("", String::as_str));
                rest = &after[c + 1..];
            }
            _ => {
                // A brace that is not a placeholder (`{#id}` in a hint) is text.
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value slots a pattern uses: `{}` counts in order, `{N}` names slot N.
pub fn slots(pattern: &str) -> std::collections::BTreeSet<usize> {
    let mut out = std::collections::BTreeSet::new();
    let mut next = 0;
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}').map(|c| (&after[..c], c)) {
            Some(("", c)) => {
                out.insert(next);
                next += 1;
                rest = &after[c + 1..];
            }
            Some((inside, c)) if inside.parse::<usize>().is_ok() => {
                out.extend(inside.parse::<usize>().ok());
                rest = &after[c + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

macro_rules! catalogue {
    ($($name:ident = $code:literal { en: $en:literal, sv: $sv:literal $(,)? })*) => {
        $(pub static $name: Message = Message { code: $code, en: $en, sv: $sv };)*
        /// Every entry, for the tests of the catalogue.
        pub static ALL: &[&Message] = &[$(&$name),*];
    };
}

// Codes by area: HB01xx configuration (handbok.yaml, command line), HB02xx content files and
// front matter, HB03xx links and Markdown, HB04xx the site model (routes, sections,
// taxonomies, governance), HB05xx templates and rendering, HB06xx output and the file system,
// HB07xx search, HB08xx serve, HB09xx the command line's own texts, HB10xx output formats
// and publishing (sitemap, feed, files left out).
catalogue! {
    // HB03xx: links and Markdown.
    LINK_NO_TARGET = "HB0301" {
        en: "the link has no target",
        sv: "länken saknar mål",
    }
    IMAGE_NO_TARGET = "HB0306" {
        en: "the image has no target",
        sv: "bilden saknar mål",
    }
    HINT_LINK_NO_TARGET = "HB0302" {
        en: "write the target in the parentheses, e.g. [text](../sida.md)",
        sv: "skriv målet inom parentesen, t.ex. [text](../sida.md)",
    }
    HINT_MAIL_ADDRESS = "HB0303" {
        en: "for an e-mail address, write `mailto:` before it, e.g. [text](mailto:namn@kommun.se), or write it as <namn@kommun.se>",
        sv: "skriv `mailto:` före en e-postadress, t.ex. [text](mailto:namn@kommun.se), eller skriv den som <namn@kommun.se>",
    }
    HEADING_EMPTY = "HB0304" {
        en: "the heading has no text",
        sv: "rubriken saknar text",
    }
    HINT_HEADING_EMPTY = "HB0305" {
        en: "write the heading's text after the #, or remove the line",
        sv: "skriv rubrikens text efter #, eller ta bort raden",
    }
    // HB09xx: the command line.
    // HB10xx: output formats and publishing.
    SITEMAP_LEFT_OUT = "HB1001" {
        en: "the sitemap (sitemap.xml) was left out: it needs absolute addresses, and base_url `{}` is not one",
        sv: "webbplatskartan (sitemap.xml) skapades inte: den måste innehålla fullständiga adresser, och base_url `{}` är ingen fullständig adress",
    }
    HINT_SITEMAP_BASE_URL = "HB1002" {
        en: "write the site's full address in handbok.yaml, e.g. `base_url: https://intranat.kommun.se/hallbarhet/`",
        sv: "skriv webbplatsens fullständiga adress i handbok.yaml, t.ex. `base_url: https://intranat.kommun.se/hallbarhet/`",
    }
    HINT_SITEMAP_BASE_URL_OPTION = "HB1003" {
        en: "give the site's full address, e.g. `--base-url https://intranat.kommun.se/hallbarhet/`",
        sv: "ange webbplatsens fullständiga adress, t.ex. `--base-url https://intranat.kommun.se/hallbarhet/`",
    }
    LEFT_OUT_OFFICE_LOCK = "HB1010" {
        en: "left out of the site: an Office lock file, which holds the name of whoever had the document open",
        sv: "utelämnad från webbplatsen: en låsfil från Office, som innehåller namnet på den som hade dokumentet öppet",
    }
    LEFT_OUT_LIBREOFFICE_LOCK = "HB1011" {
        en: "left out of the site: a LibreOffice lock file, which holds the name of whoever had the document open",
        sv: "utelämnad från webbplatsen: en låsfil från LibreOffice, som innehåller namnet på den som hade dokumentet öppet",
    }
    LEFT_OUT_OFFICE_TEMP = "HB1012" {
        en: "left out of the site: a temporary file that Office leaves while a document is open",
        sv: "utelämnad från webbplatsen: en tillfällig fil som Office lämnar medan ett dokument är öppet",
    }
    LEFT_OUT_THUMBS_DB = "HB1013" {
        en: "left out of the site: Windows' store of thumbnail pictures, which can show pictures that were deleted",
        sv: "utelämnad från webbplatsen: Windows lager av miniatyrbilder, som kan visa bilder som har tagits bort",
    }
    LEFT_OUT_DESKTOP_INI = "HB1014" {
        en: "left out of the site: Windows' settings for how the folder is shown",
        sv: "utelämnad från webbplatsen: Windows inställningar för hur mappen visas",
    }
    LEFT_OUT_DS_STORE = "HB1015" {
        en: "left out of the site: the Mac's settings for how the folder is shown, which list the names of its files",
        sv: "utelämnad från webbplatsen: Macens inställningar för hur mappen visas, som listar namnen på filerna i den",
    }
    LEFT_OUT_APPLEDOUBLE = "HB1016" {
        en: "left out of the site: a file the Mac keeps with extra information about another file (`._` before its name)",
        sv: "utelämnad från webbplatsen: en fil som Macen sparar med extra uppgifter om en annan fil (`._` före namnet)",
    }
    HINT_LEFT_OUT = "HB1017" {
        en: "delete the file, or add its name to .gitignore so that it does not come along in git",
        sv: "ta bort filen, eller skriv in namnet i .gitignore så att den inte kommer med i git",
    }
    THEME_LANGUAGE_MISSING = "HB1020" {
        en: "the theme has interface texts in {0} only; pages in `{1}` get Swedish menus and buttons",
        sv: "temat har gränssnittstexter bara för {0}; sidor på `{1}` får menyer och knappar på svenska",
    }
    HINT_THEME_LANGUAGE = "HB1021" {
        en: "add the file {0} with the theme's texts translated, or write `language: sv`",
        sv: "lägg till filen {0} med temats texter översatta, eller skriv `language: sv`",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_in_order_by_position_and_braces_that_are_text() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(fill("a {} b {}", &v(&["1", "2"])), "a 1 b 2");
        assert_eq!(fill("{1} före {0}", &v(&["x", "y"])), "y före x");
        assert_eq!(fill("skriv {#id} och {}", &v(&["z"])), "skriv {#id} och z");
        assert_eq!(slots("a {} b {}"), [0, 1].into());
        assert_eq!(slots("{1} före {0} {#id}"), [0, 1].into());
    }

    /// Every entry has a code of its own, both languages, and the same values in both.
    #[test]
    fn every_code_is_unique_and_has_both_languages() {
        let mut codes = std::collections::HashSet::new();
        for m in ALL {
            assert!(
                m.code.len() == 6
                    && m.code.starts_with("HB")
                    && m.code[2..].chars().all(|c| c.is_ascii_digit()),
                "{m:?}"
            );
            assert!(codes.insert(m.code), "code used twice: {}", m.code);
            assert!(!m.en.trim().is_empty(), "{} has no English text", m.code);
            assert!(!m.sv.trim().is_empty(), "{} has no Swedish text", m.code);
            assert_eq!(
                slots(m.en),
                slots(m.sv),
                "{}: the languages take other values",
                m.code
            );
        }
    }
}

//! The message catalogue: every text handbok shows an editor, with a stable code and its
//! English and Swedish wording side by side, in one place. Code builds a [`Text`] from an
//! entry and its values (`text!(LINK_MISSING, dest, path)`); the language is chosen only
//! when the text is shown, so one diagnostic can be printed in either language.
//!
//! Placeholders: `{}` takes the values in order, `{0}`, `{1}` … by position, so that a
//! translation may order them differently. A value is shown as it is (a file name, a number,
//! a parser's English detail), unless it is a [`Text`] itself ("the search page" in "… both
//! want the URL …"), which is shown in the language of the text around it. Text that comes
//! in English from elsewhere (a parser, the operating system) stays a value inside a
//! sentence of the catalogue; a message is never built from English fragments.

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
    pub values: Vec<Value>,
}

/// One value of a [`Text`]: shown as it is (a file name, a number, a parser's own English
/// detail), or a catalogue text of its own, shown in the language of the text around it
/// ("the search page" inside "… both want the URL …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Plain(String),
    Text(Text),
}

impl Value {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Value::Plain(s) => s.clone(),
            Value::Text(t) => t.render(lang),
        }
    }
}

impl From<Text> for Value {
    fn from(t: Text) -> Self {
        Value::Text(t)
    }
}

impl From<&'static Message> for Value {
    fn from(m: &'static Message) -> Self {
        Value::Text(Text::from(m))
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Plain(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Plain(s.to_string())
    }
}

/// What [`text!`] takes as a value: anything shown with `Display`, a [`Text`] or a [`Value`].
pub trait ToValue {
    fn to_value(&self) -> Value;
}

impl<T: std::fmt::Display + ?Sized> ToValue for T {
    fn to_value(&self) -> Value {
        Value::Plain(self.to_string())
    }
}

impl ToValue for Text {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

impl Text {
    pub fn new(message: &'static Message, values: Vec<Value>) -> Self {
        Text { message, values }
    }

    /// The text in `lang`, with its values filled in.
    pub fn render(&self, lang: Lang) -> String {
        let values: Vec<String> = self.values.iter().map(|v| v.render(lang)).collect();
        fill(self.pattern(lang), &values)
    }

    /// The text in `lang` for a terminal: control characters in the values (which come
    /// from files and names) are shown as escapes, so that a file name cannot move the
    /// cursor, colour the screen or start a forged line.
    pub fn render_for_terminal(&self, lang: Lang) -> String {
        let values: Vec<String> = self
            .values
            .iter()
            .map(|v| match v {
                Value::Plain(s) => escape_controls(s, false),
                Value::Text(t) => t.render_for_terminal(lang),
            })
            .collect();
        fill(self.pattern(lang), &values)
    }

    fn pattern(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.message.en,
            Lang::Sv => self.message.sv,
        }
    }

    /// Whether this is a text of the entry `message`.
    pub fn is(&self, message: &'static Message) -> bool {
        self.message.code == message.code
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
        $crate::messages::Text::new(
            &$message,
            vec![$($crate::messages::ToValue::to_value(&$value)),*],
        )
    };
}

/// `s` with control characters (C0 and C1, DEL) and the bidirectional overrides that can
/// reorder what a terminal shows written as `\u{1b}`; line breaks too unless `keep_newlines`.
pub fn escape_controls(s: &str, keep_newlines: bool) -> String {
    let needs = |c: char| {
        (c.is_control() && !(keep_newlines && c == '\n'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(needs) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if needs(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
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

/// The literal text of a pattern between its placeholders (`{}`, `{0}`): `"a {} b {1}"` gives
/// `["a ", " b ", ""]`. Braces that are not placeholders (`{#id}`) stay in the text.
pub fn pieces(pattern: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(open) = pattern[at..].find('{').map(|i| at + i) {
        let after = &pattern[open + 1..];
        let placeholder = after
            .find('}')
            .filter(|c| after[..*c].chars().all(|ch| ch.is_ascii_digit()));
        match placeholder {
            Some(c) => {
                out.push(&pattern[start..open]);
                start = open + 1 + c + 1;
                at = start;
            }
            None => at = open + 1,
        }
    }
    out.push(&pattern[start..]);
    out
}

impl Message {
    /// The values that make this entry's English text `text`, when its placeholders take
    /// values in order (`{}`) and filling them in gives `text` again: for English that
    /// comes from elsewhere (a parser's messages) and has an entry of its own.
    pub fn parse(&'static self, text: &str) -> Option<Text> {
        if self.en.contains("{0}") {
            return None;
        }
        let pieces = pieces(self.en);
        let (first, rest) = pieces.split_first()?;
        let mut left = text.strip_prefix(first)?;
        let mut values = Vec::new();
        for (i, piece) in rest.iter().enumerate() {
            let at = if i + 1 == rest.len() {
                left.strip_suffix(piece).map(str::len)?
            } else if piece.is_empty() {
                return None;
            } else {
                left.find(piece)?
            };
            values.push(Value::Plain(left[..at].to_string()));
            left = &left[at + piece.len()..];
        }
        if rest.is_empty() && !left.is_empty() {
            return None;
        }
        let found = Text::new(self, values);
        (found.render(Lang::En) == text).then_some(found)
    }
}

macro_rules! catalogue {
    ($($name:ident = $code:literal { en: $en:literal, sv: $sv:literal $(,)? })*) => {
        $(pub static $name: Message = Message { code: $code, en: $en, sv: $sv };)*
        /// Every entry, for the tests of the catalogue.
        pub static ALL: &[&Message] = &[$(&$name),*];
    };
}

// Codes by area: HB01xx configuration (handbok.yaml, command line) and YAML, HB02xx content
// files and front matter, HB03xx links and Markdown, HB04xx the site model (routes, sections,
// taxonomies, governance, glossary), HB05xx templates and rendering, HB06xx output and the
// file system, HB07xx search, HB08xx serve, HB09xx the command line's own texts, HB10xx
// output formats and publishing (sitemap, feed, files left out). A code is never reused for
// another text; hints are entries like any other (`HINT_…`).
catalogue! {
    // HB01xx: configuration (handbok.yaml).
    CONFIG_MISSING = "HB0101" {
        en: "no handbok.yaml in {}",
        sv: "det finns ingen handbok.yaml i {}",
    }
    HINT_CONFIG_MISSING = "HB0102" {
        en: "run handbok in the site folder, pass --root DIR, or create handbok.yaml with at least `title: …`",
        sv: "kör handbok i webbplatsens mapp, ange mappen med --root, eller skapa handbok.yaml med minst `title: …`",
    }
    BASE_URL_NOT_URL = "HB0103" {
        en: "{} `{}` is neither an absolute http(s) URL nor a path starting with `/`",
        sv: "{} `{}` är varken en absolut http(s)-adress eller en sökväg som börjar med `/`",
    }
    BASE_URL_NO_SERVER = "HB0104" {
        en: "{} `{}` has no server name after `://`",
        sv: "{} `{}` saknar servernamn efter `://`",
    }
    BASE_URL_BACKSLASH = "HB0105" {
        en: "{} `{}` contains a backslash, which browsers read as `/`",
        sv: "{} `{}` innehåller ett omvänt snedstreck, som webbläsare läser som `/`",
    }
    BASE_URL_DOUBLE_SLASH = "HB0106" {
        en: "{} `{}` has a path starting with `//`, which browsers read as another server",
        sv: "{} `{}` har en sökväg som börjar med `//`, som webbläsare läser som en annan server",
    }
    BASE_URL_QUERY = "HB0107" {
        en: "{} `{}` contains `?` or `#`; page addresses are added after it",
        sv: "{} `{}` innehåller `?` eller `#`; sidornas adresser läggs till efter den",
    }
    BASE_URL_CONTROL = "HB0108" {
        en: "{} `{}` contains a control character",
        sv: "{} `{}` innehåller ett styrtecken",
    }
    HINT_BASE_URL = "HB0109" {
        en: "use an absolute URL like https://intranat.example.se/hallbarhet/ or a path like /hallbarhet/",
        sv: "använd en absolut adress som https://intranat.example.se/hallbarhet/ eller en sökväg som /hallbarhet/",
    }
    THEME_NOT_A_NAME = "HB0110" {
        en: "theme `{}` is not the name of a folder in themes/",
        sv: "temat `{}` är inte namnet på en mapp i themes/",
    }
    HINT_THEME_NAME = "HB0111" {
        en: "write the name of a folder in themes/, e.g. `theme: egen`; the theme must be inside the site folder",
        sv: "skriv namnet på en mapp i themes/, till exempel `theme: egen`; temat måste ligga i webbplatsens mapp",
    }
    THEME_NOT_FOUND = "HB0112" {
        en: "theme `{0}` not found: no folder themes/{0}",
        sv: "temat `{0}` finns inte: det finns ingen mapp themes/{0}",
    }
    HINT_THEME_NOT_FOUND = "HB0113" {
        en: "remove `theme:` to use the built-in theme, or create the theme folder",
        sv: "ta bort `theme:` för att använda det inbyggda temat, eller skapa temats mapp",
    }
    CONFIG_PATH_OUTSIDE = "HB0114" {
        en: "`{}` `{}` is not a path inside the site folder",
        sv: "`{}` `{}` är ingen sökväg inom webbplatsens mapp",
    }
    HINT_GLOSSARY_FILE = "HB0115" {
        en: "write a path relative to the site folder, e.g. `file: ordlista.yaml`; copy the file into the site folder if it is elsewhere",
        sv: "skriv en sökväg relativt webbplatsens mapp, till exempel `file: ordlista.yaml`; kopiera in filen i webbplatsens mapp om den ligger någon annanstans",
    }
    LANGUAGE_NOT_A_TAG = "HB0116" {
        en: "language `{}` is not a language tag",
        sv: "språket `{}` är ingen språkkod",
    }
    HINT_LANGUAGE_TAG = "HB0117" {
        en: "write a language tag such as `sv` or `en`",
        sv: "skriv en språkkod som `sv` eller `en`",
    }
    EDIT_URL_NOT_HTTP = "HB0118" {
        en: "`edit_url` `{}` is not an absolute http(s) URL",
        sv: "`edit_url` `{}` är ingen absolut http(s)-adress",
    }
    EDIT_URL_NO_SERVER = "HB0119" {
        en: "`edit_url` `{}` has no server name after `://`",
        sv: "`edit_url` `{}` saknar servernamn efter `://`",
    }
    EDIT_URL_SPACE = "HB0120" {
        en: "`edit_url` `{}` contains a space or a control character",
        sv: "`edit_url` `{}` innehåller ett mellanslag eller ett styrtecken",
    }
    EDIT_URL_NO_PATH = "HB0121" {
        en: "`edit_url` `{}` does not contain `{path}`, where the page's file goes",
        sv: "`edit_url` `{}` innehåller inte `{path}`, där sidans fil ska stå",
    }
    HINT_EDIT_URL = "HB0122" {
        en: "write the address of the edit page with `{path}` where the file's path goes, e.g. https://git.example.se/handbok/-/edit/main/content/{path}",
        sv: "skriv adressen till redigeringssidan med `{path}` där filens sökväg ska stå, till exempel https://git.example.se/handbok/-/edit/main/content/{path}",
    }
    A11Y_NO_ORGANISATION = "HB0123" {
        en: "the accessibility statement names no organisation (`organisation:` is blank)",
        sv: "tillgänglighetsredogörelsen anger ingen organisation (`organisation:` är tomt)",
    }
    HINT_A11Y_ORGANISATION = "HB0124" {
        en: "write the public body responsible for the site under `accessibility:`, e.g. `organisation: Exempels kommun`",
        sv: "skriv den offentliga aktör som ansvarar för webbplatsen under `accessibility:`, till exempel `organisation: Exempels kommun`",
    }
    A11Y_NO_CONTACT = "HB0125" {
        en: "the accessibility statement has no contact for reporting problems",
        sv: "tillgänglighetsredogörelsen saknar kontaktuppgifter för att rapportera brister",
    }
    HINT_A11Y_CONTACT = "HB0126" {
        en: "add `contact:` with `email:`, `phone:` or `url:` under `accessibility:`; the law requires a way to report shortcomings",
        sv: "lägg till `contact:` med `email:`, `phone:` eller `url:` under `accessibility:`; lagen kräver ett sätt att rapportera brister",
    }
    A11Y_NOT_A_DATE = "HB0127" {
        en: "`accessibility: {}` is not a date: `{}`",
        sv: "`accessibility: {}` är inget datum: `{}`",
    }
    HINT_DATE_FORMAT = "HB0128" {
        en: "write the date as YYYY-MM-DD",
        sv: "skriv datumet som ÅÅÅÅ-MM-DD",
    }
    A11Y_NOT_A_WEB_ADDRESS = "HB0129" {
        en: "`accessibility: {}` `{}` is not a web address",
        sv: "`accessibility: {}` `{}` är ingen webbadress",
    }
    HINT_WEB_ADDRESS = "HB0130" {
        en: "write an address starting with https://, or a path on this server starting with /",
        sv: "skriv en adress som börjar med https://, eller en sökväg på den här servern som börjar med /",
    }
    EMAIL_BAD_CHARACTER = "HB0131" {
        en: "`accessibility: email` `{}` contains a character that has no place in an e-mail address (such as `?`, `&`, `%` or a line break)",
        sv: "`accessibility: email` `{}` innehåller ett tecken som inte hör hemma i en e-postadress (som `?`, `&`, `%` eller en radbrytning)",
    }
    EMAIL_NOT_ONE_ADDRESS = "HB0132" {
        en: "`accessibility: email` `{}` must be one address with exactly one `@`",
        sv: "`accessibility: email` `{}` ska vara en enda adress med exakt ett `@`",
    }
    HINT_A11Y_EMAIL = "HB0133" {
        en: "write one address, e.g. `email: tillganglighet@kommun.se`",
        sv: "skriv en enda adress, till exempel `email: tillganglighet@kommun.se`",
    }
    WARN_DAYS_NEGATIVE = "HB0134" {
        en: "`review: warn_days` must not be negative",
        sv: "`review: warn_days` får inte vara negativt",
    }
    HINT_WARN_DAYS = "HB0135" {
        en: "write the number of days before a review date to start listing it, e.g. 60",
        sv: "skriv hur många dagar före datumet för översyn som dokumentet ska börja listas, till exempel 60",
    }
    SITE_PATH_NOT_SLUGS = "HB0136" {
        en: "`{}: path` `{}` is not a site path of lower-case slugs",
        sv: "`{}: path` `{}` är ingen sökväg av små bokstäver, siffror och bindestreck",
    }
    HINT_SITE_PATH = "HB0137" {
        en: "write e.g. `path: handlingsplaner/fokusomraden`",
        sv: "skriv till exempel `path: handlingsplaner/fokusomraden`",
    }
    EXTRA_UNUSABLE = "HB0138" {
        en: "`extra` cannot be used in templates: {}",
        sv: "`extra` går inte att använda i mallar: {}",
    }
    HINT_CONFIG_EXTRA = "HB0139" {
        en: "use string keys and plain values in `extra`",
        sv: "använd text som nycklar och enkla värden i `extra`",
    }
    TAXONOMY_NO_LETTERS = "HB0140" {
        en: "taxonomy name `{}` has no letters or digits",
        sv: "taxonomins namn `{}` har inga bokstäver eller siffror",
    }
    TAXONOMY_IS_A_FIELD = "HB0141" {
        en: "taxonomy name `{}` is a front matter field of its own",
        sv: "taxonomins namn `{}` är redan namnet på ett fält i metadatablocket",
    }
    TAXONOMY_TWICE = "HB0142" {
        en: "taxonomy `{}` is declared twice",
        sv: "taxonomin `{}` anges två gånger",
    }
    HINT_TAXONOMY_NAME = "HB0143" {
        en: "give each taxonomy a unique name such as `fokusomrade` or `tema`",
        sv: "ge varje taxonomi ett eget namn, till exempel `fokusomrade` eller `tema`",
    }
    // HB0150–HB0199: YAML, the language of handbok.yaml, of front matter and of the glossary;
    // serde's own messages have entries of their own (see `yaml::message::coded`).
    YAML_PARSER = "HB0150" {
        en: "{}",
        sv: "YAML-texten går inte att läsa: {}",
    }
    YAML_TOO_DEEP = "HB0151" {
        en: "the YAML is nested more than {} levels deep",
        sv: "YAML-texten har fler än {} nivåer inuti varandra",
    }
    HINT_YAML_NESTING = "HB0152" {
        en: "write the values with fewer lists and blocks inside each other",
        sv: "skriv värdena med färre listor och block inuti varandra",
    }
    YAML_TOO_MANY_VALUES = "HB0153" {
        en: "the YAML expands to more than {} values through aliases (`*name`)",
        sv: "YAML-texten växer till fler än {} värden genom alias (`*namn`)",
    }
    HINT_YAML_ALIASES = "HB0154" {
        en: "write the values out instead of repeating them with `&name` and `*name`; a page needs far fewer values",
        sv: "skriv ut värdena i stället för att upprepa dem med `&namn` och `*namn`; en sida behöver mycket färre värden",
    }
    YAML_TAB = "HB0155" {
        en: "a tab is used for indentation; YAML needs spaces",
        sv: "ett tabbtecken används för indrag; YAML kräver mellanslag",
    }
    HINT_YAML_TAB = "HB0156" {
        en: "indent with spaces (two per level) instead of tabs",
        sv: "gör indrag med mellanslag (två per nivå) i stället för tabbtecken",
    }
    HINT_YAML_ESCAPE = "HB0157" {
        en: "inside \"double quotes\" a backslash starts an escape: write \\\\ for a backslash, or use 'single quotes'",
        sv: "inom \"dubbla citattecken\" inleder ett omvänt snedstreck en specialkod: skriv \\\\ för ett omvänt snedstreck, eller använd 'enkla citattecken'",
    }
    YAML_DUPLICATE_KEY = "HB0158" {
        en: "a key is written twice in the same block",
        sv: "en nyckel står två gånger i samma block",
    }
    YAML_UNKNOWN_FIELD_NAMED_ONE_OF = "HB0159" {
        en: "unknown field `{}`, expected one of {}",
        sv: "okänt fält `{}`, tillåtna fält: {}",
    }
    YAML_UNKNOWN_FIELD_NAMED_EITHER = "HB0160" {
        en: "unknown field `{}`, expected `{}` or `{}`",
        sv: "okänt fält `{}`, tillåtna fält: `{}` och `{}`",
    }
    YAML_UNKNOWN_FIELD_NAMED_EXPECTED = "HB0161" {
        en: "unknown field `{}`, expected {}",
        sv: "okänt fält `{}`, tillåtet fält: {}",
    }
    YAML_UNKNOWN_FIELD_NAMED_NONE = "HB0162" {
        en: "unknown field `{}`, there are no fields",
        sv: "okänt fält `{}`; här finns inga fält",
    }
    YAML_UNKNOWN_FIELD_ONE_OF = "HB0163" {
        en: "unknown field, expected one of {}",
        sv: "okänt fält, tillåtna fält: {}",
    }
    YAML_UNKNOWN_FIELD_EITHER = "HB0164" {
        en: "unknown field, expected `{}` or `{}`",
        sv: "okänt fält, tillåtna fält: `{}` och `{}`",
    }
    YAML_UNKNOWN_FIELD_EXPECTED = "HB0165" {
        en: "unknown field, expected {}",
        sv: "okänt fält, tillåtet fält: {}",
    }
    YAML_UNKNOWN_FIELD_NONE = "HB0166" {
        en: "unknown field, there are no fields",
        sv: "okänt fält; här finns inga fält",
    }
    YAML_UNKNOWN_FIELD = "HB0167" {
        en: "unknown field",
        sv: "okänt fält",
    }
    YAML_UNKNOWN_VARIANT_NAMED_ONE_OF = "HB0168" {
        en: "unknown variant `{}`, expected one of {}",
        sv: "okänt värde `{}`, tillåtna värden: {}",
    }
    YAML_UNKNOWN_VARIANT_NAMED_EITHER = "HB0169" {
        en: "unknown variant `{}`, expected `{}` or `{}`",
        sv: "okänt värde `{}`, tillåtna värden: `{}` och `{}`",
    }
    YAML_UNKNOWN_VARIANT_NAMED_EXPECTED = "HB0170" {
        en: "unknown variant `{}`, expected {}",
        sv: "okänt värde `{}`, förväntat: {}",
    }
    YAML_UNKNOWN_VARIANT_NAMED_NONE = "HB0171" {
        en: "unknown variant `{}`, there are no variants",
        sv: "okänt värde `{}`; här finns inga värden att välja",
    }
    YAML_UNKNOWN_VARIANT_ONE_OF = "HB0172" {
        en: "unknown variant, expected one of {}",
        sv: "okänt värde, tillåtna värden: {}",
    }
    YAML_UNKNOWN_VARIANT_EITHER = "HB0173" {
        en: "unknown variant, expected `{}` or `{}`",
        sv: "okänt värde, tillåtna värden: `{}` och `{}`",
    }
    YAML_UNKNOWN_VARIANT_EXPECTED = "HB0174" {
        en: "unknown variant, expected {}",
        sv: "okänt värde, förväntat: {}",
    }
    YAML_UNKNOWN_VARIANT_NONE = "HB0175" {
        en: "unknown variant, there are no variants",
        sv: "okänt värde; här finns inga värden att välja",
    }
    YAML_UNKNOWN_VARIANT = "HB0176" {
        en: "unknown variant",
        sv: "okänt värde",
    }
    YAML_INVALID_TYPE = "HB0177" {
        en: "invalid type: {}, expected {}",
        sv: "fel sorts värde ({}), förväntat: {}",
    }
    YAML_INVALID_TYPE_ALONE = "HB0178" {
        en: "invalid type: {}",
        sv: "fel sorts värde ({})",
    }
    YAML_INVALID_VALUE = "HB0179" {
        en: "invalid value: {}, expected {}",
        sv: "ogiltigt värde ({}), förväntat: {}",
    }
    YAML_INVALID_VALUE_ALONE = "HB0180" {
        en: "invalid value: {}",
        sv: "ogiltigt värde ({})",
    }
    YAML_INVALID_LENGTH = "HB0181" {
        en: "invalid length {}, expected {}",
        sv: "fel antal värden ({}), förväntat: {}",
    }
    YAML_MISSING_FIELD = "HB0182" {
        en: "missing field `{}`",
        sv: "fältet `{}` saknas",
    }
    HINT_ADD_MISSING_FIELD = "HB0183" {
        en: "add the field; see the README for the configuration keys",
        sv: "lägg till fältet; se README för vilka nycklar inställningarna har",
    }
    YAML_DUPLICATE_FIELD = "HB0184" {
        en: "duplicate field `{}`",
        sv: "fältet `{}` står två gånger",
    }
    HINT_ALLOWED_KEYS = "HB0185" {
        en: "allowed keys here: {}",
        sv: "tillåtna nycklar här: {}",
    }
    // HB02xx: content files and front matter.
    CONTENT_MISSING = "HB0201" {
        en: "no content/ folder in {}",
        sv: "det finns ingen mapp content/ i {}",
    }
    HINT_CONTENT_MISSING = "HB0202" {
        en: "create content/_index.md for the start page",
        sv: "skapa content/_index.md för startsidan",
    }
    FILE_CANNOT_READ = "HB0203" {
        en: "cannot read the file: {}",
        sv: "filen kan inte läsas: {}",
    }
    HINT_FILE_READ = "HB0204" {
        en: "check that the file exists and that you have permission to read it",
        sv: "kontrollera att filen finns och att du har behörighet att läsa den",
    }
    FILE_TOO_LARGE = "HB0205" {
        en: "the file is {} MB; a Markdown file may be at most {} MB",
        sv: "filen är {} MB; en Markdown-fil får vara högst {} MB",
    }
    HINT_FILE_TOO_LARGE = "HB0206" {
        en: "split the page into several pages; large data and documents go in files beside the page (they are copied as they are)",
        sv: "dela upp sidan i flera sidor; stora data och dokument läggs i filer bredvid sidan (de kopieras som de är)",
    }
    BUNDLE_HOLDS_PAGE = "HB0207" {
        en: "page bundle `{}` (a folder with index.md) cannot hold another page",
        sv: "sidpaketet `{}` (en mapp med index.md) kan inte innehålla en annan sida",
    }
    HINT_BUNDLE_HOLDS_PAGE = "HB0208" {
        en: "move the page out of the bundle, or rename index.md to _index.md to make the folder a section",
        sv: "flytta sidan ut ur sidpaketet, eller byt namn på index.md till _index.md så att mappen blir ett avsnitt",
    }
    BUNDLE_AND_SECTION = "HB0209" {
        en: "a folder has both index.md (page bundle) and _index.md (section)",
        sv: "en mapp har både index.md (sidpaket) och _index.md (avsnitt)",
    }
    HINT_BUNDLE_AND_SECTION = "HB0210" {
        en: "keep _index.md for a section with pages, or index.md for a single page with its files",
        sv: "behåll _index.md för ett avsnitt med sidor, eller index.md för en enskild sida med sina filer",
    }
    FILE_UTF16 = "HB0211" {
        en: "the file is saved as UTF-16, not UTF-8",
        sv: "filen är sparad som UTF-16, inte UTF-8",
    }
    HINT_SAVE_UTF8 = "HB0212" {
        en: "save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)",
        sv: "spara filen som UTF-8 (i de flesta program: Spara som… → Kodning: UTF-8)",
    }
    FILE_NOT_UTF8 = "HB0213" {
        en: "the file is not valid UTF-8",
        sv: "filen är inte sparad som UTF-8",
    }
    HINT_SAVE_UTF8_PASTED = "HB0214" {
        en: "save the file as UTF-8; text pasted from other programs may carry another encoding",
        sv: "spara filen som UTF-8; text som klistrats in från andra program kan ha en annan kodning",
    }
    FILE_NUL = "HB0215" {
        en: "the file contains a NUL byte",
        sv: "filen innehåller ett NUL-tecken",
    }
    HINT_FILE_NUL = "HB0216" {
        en: "this is not a text file, or it is damaged; remove the NUL characters",
        sv: "det här är ingen textfil, eller så är den skadad; ta bort NUL-tecknen",
    }
    FILE_EMPTY = "HB0217" {
        en: "the file is empty: a page needs front matter with at least a title",
        sv: "filen är tom: en sida behöver ett metadatablock med minst en rubrik (`title`)",
    }
    NO_FRONT_MATTER = "HB0218" {
        en: "the file does not start with front matter (a line `---`)",
        sv: "filen börjar inte med ett metadatablock (en rad `---`)",
    }
    HINT_START_FRONT_MATTER = "HB0219" {
        en: "start the file with a front matter block:\n  ---\n  title: Sidans rubrik\n  ---",
        sv: "börja filen med ett metadatablock:\n  ---\n  title: Sidans rubrik\n  ---",
    }
    FM_NOT_CLOSED = "HB0220" {
        en: "the front matter is never closed",
        sv: "metadatablocket avslutas aldrig",
    }
    HINT_FM_CLOSE = "HB0221" {
        en: "add a line with only `---` after the last front matter field",
        sv: "lägg till en rad med bara `---` efter metadatablockets sista fält",
    }
    FM_IS_A_LIST = "HB0222" {
        en: "the front matter is a list, not `key: value` fields",
        sv: "metadatablocket är en lista, inte fält med `nyckel: värde`",
    }
    FM_IS_A_VALUE = "HB0223" {
        en: "the front matter is a single value, not `key: value` fields",
        sv: "metadatablocket är ett enda värde, inte fält med `nyckel: värde`",
    }
    HINT_ONE_FIELD_PER_LINE = "HB0224" {
        en: "write one field per line, e.g. `title: Sidans rubrik`",
        sv: "skriv ett fält per rad, till exempel `title: Sidans rubrik`",
    }
    FM_KEY_NOT_TEXT = "HB0225" {
        en: "front matter key `{}` is not text",
        sv: "nyckeln `{}` i metadatablocket är ingen text",
    }
    FM_KEY_KIND_NOT_TEXT = "HB0226" {
        en: "front matter key ({}) is not text",
        sv: "en nyckel i metadatablocket är ingen text utan {}",
    }
    HINT_KEYS_ARE_WORDS = "HB0227" {
        en: "keys are words such as `title` or `description`",
        sv: "nycklar är ord som `title` eller `description`",
    }
    FM_NO_TITLE = "HB0228" {
        en: "the front matter has no `title`",
        sv: "metadatablocket saknar `title` (sidans rubrik)",
    }
    HINT_FM_ADD_TITLE = "HB0229" {
        en: "add a line such as `title: Sidans rubrik` to the front matter",
        sv: "lägg till en rad som `title: Sidans rubrik` i metadatablocket",
    }
    TITLE_EMPTY = "HB0230" {
        en: "`title` is empty",
        sv: "`title` är tom",
    }
    HINT_GIVE_TITLE = "HB0231" {
        en: "give the page a title",
        sv: "ge sidan en rubrik",
    }
    MUST_BE_BOOL = "HB0232" {
        en: "`{}` must be true or false, not {}",
        sv: "`{}` ska vara true eller false, inte {}",
    }
    MUST_BE_NUMBER = "HB0233" {
        en: "`{}` must be a whole number, not {}",
        sv: "`{}` ska vara ett heltal, inte {}",
    }
    MUST_BE_TEXT = "HB0234" {
        en: "`{}` must be text, not {}",
        sv: "`{}` ska vara en text, inte {}",
    }
    MUST_BE_DATE = "HB0235" {
        en: "`{}` must be a date, not {}",
        sv: "`{}` ska vara ett datum, inte {}",
    }
    FOUND_TEXT = "HB0236" {
        en: "text `{}`",
        sv: "texten `{}`",
    }
    FOUND_NUMBER = "HB0237" {
        en: "number `{}`",
        sv: "talet `{}`",
    }
    FOUND_BOOL = "HB0238" {
        en: "true/false value `{}`",
        sv: "sanningsvärdet `{}`",
    }
    KIND_EMPTY = "HB0239" {
        en: "an empty value",
        sv: "ett tomt värde",
    }
    KIND_LIST = "HB0240" {
        en: "a list",
        sv: "en lista",
    }
    KIND_MAPPING = "HB0241" {
        en: "a mapping",
        sv: "en grupp av fält",
    }
    KIND_TAGGED = "HB0242" {
        en: "a tagged value",
        sv: "ett värde med en tagg",
    }
    HINT_DRAFT = "HB0243" {
        en: "write `draft: true` or `draft: false`",
        sv: "skriv `draft: true` eller `draft: false`",
    }
    HINT_SEARCH = "HB0244" {
        en: "write `search: false` to keep the page out of the search",
        sv: "skriv `search: false` för att hålla sidan utanför sökningen",
    }
    HINT_WEIGHT = "HB0245" {
        en: "write e.g. `weight: 10`; lower numbers come first",
        sv: "skriv till exempel `weight: 10`; lägre tal kommer först",
    }
    HINT_TEXT_ON_ONE_LINE = "HB0246" {
        en: "write `{}: some text` on one line",
        sv: "skriv `{}: en text` på en rad",
    }
    SLUG_INVALID = "HB0247" {
        en: "slug `{}` is not a valid URL segment",
        sv: "`slug` `{}` går inte att använda i en adress",
    }
    HINT_SLUG_LETTERS = "HB0248" {
        en: "use lower-case letters a-z, digits and hyphens",
        sv: "använd små bokstäver a-z, siffror och bindestreck",
    }
    HINT_WRITE_SLUG = "HB0249" {
        en: "write `slug: {}`",
        sv: "skriv `slug: {}`",
    }
    TEMPLATE_NOT_A_NAME = "HB0250" {
        en: "template `{}` is not a template name",
        sv: "`{}` är inte namnet på en mall",
    }
    HINT_TEMPLATE_NAME = "HB0251" {
        en: "name a file in templates/, e.g. `template: handlingsplan.html`",
        sv: "ange en fil i templates/, till exempel `template: handlingsplan.html`",
    }
    HINT_FM_EXTRA = "HB0252" {
        en: "use text keys and plain values in `extra`",
        sv: "använd text som nycklar och enkla värden i `extra`",
    }
    TERM_NO_LETTERS = "HB0253" {
        en: "term `{}` in `{}` has no letters or digits",
        sv: "termen `{}` i `{}` har inga bokstäver eller siffror",
    }
    HINT_REMOVE_EMPTY_TERM = "HB0254" {
        en: "remove the empty term",
        sv: "ta bort den tomma termen",
    }
    FM_UNKNOWN_FIELD = "HB0255" {
        en: "unknown front matter field `{}`",
        sv: "okänt fält `{}` i metadatablocket",
    }
    HINT_DID_YOU_MEAN_FIELD = "HB0256" {
        en: "did you mean `{}`? (free fields go under `extra:`)",
        sv: "menade du `{}`? (egna fält skrivs under `extra:`)",
    }
    HINT_KNOWN_FIELDS = "HB0257" {
        en: "known fields: {}; taxonomies from {}: {}; free fields go under `extra:`",
        sv: "kända fält: {}; taxonomier från {}: {}; egna fält skrivs under `extra:`",
    }
    HINT_KNOWN_FIELDS_NO_TAXONOMIES = "HB0258" {
        en: "known fields: {}; taxonomies from {}: none; free fields go under `extra:`",
        sv: "kända fält: {}; taxonomier från {}: inga; egna fält skrivs under `extra:`",
    }
    FM_FIELD_TWICE = "HB0259" {
        en: "the field `{}` is written twice",
        sv: "fältet `{}` står två gånger",
    }
    FM_A_FIELD_TWICE = "HB0260" {
        en: "a field is written twice",
        sv: "ett fält står två gånger",
    }
    HINT_KEEP_ONE = "HB0261" {
        en: "keep one of them",
        sv: "behåll ett av dem",
    }
    FM_NOT_YAML = "HB0262" {
        en: "the front matter is not valid YAML: {}",
        sv: "metadatablocket är inte giltig YAML: {}",
    }
    HINT_FM_YAML = "HB0263" {
        en: "write each field as `key: value` on its own line, indented with spaces; put text that contains `: ` or ` #`, or starts with a special character (`*`, `&`, `!`, `[`, `{`, `'`, `\"`, `%`, `@`), in quotes",
        sv: "skriv varje fält som `nyckel: värde` på en egen rad, med mellanslag som indrag; sätt citattecken runt text som innehåller `: ` eller ` #` eller börjar med ett specialtecken (`*`, `&`, `!`, `[`, `{`, `'`, `\"`, `%`, `@`)",
    }
    NOT_A_VALID_DATE = "HB0264" {
        en: "`{}` is not a valid date: `{}`",
        sv: "`{}` är inget giltigt datum: `{}`",
    }
    HINT_DATE_EXAMPLE = "HB0265" {
        en: "write the date as YYYY-MM-DD, e.g. `{}: {}`",
        sv: "skriv datumet som ÅÅÅÅ-MM-DD, till exempel `{}: {}`",
    }
    DATE_OUTSIDE_YEARS = "HB0266" {
        en: "`{}` is not between the years {} and {}: `{}`",
        sv: "`{}` ligger inte mellan åren {} och {}: `{}`",
    }
    HINT_YEARS = "HB0267" {
        en: "check the year; dates from 1900 to 2200 are accepted",
        sv: "kontrollera årtalet; datum från 1900 till 2200 godtas",
    }
    TOO_LONG = "HB0268" {
        en: "`{}` is {} characters long; at most {} are allowed",
        sv: "`{}` är {} tecken lång; högst {} tecken är tillåtna",
    }
    HINT_TOO_LONG = "HB0269" {
        en: "shorten it: it is repeated in menus, lists and search results; put the rest in the text",
        sv: "korta den: den upprepas i menyer, listor och sökresultat; skriv resten i texten",
    }
    ALIAS_NOT_IN_SITE = "HB0270" {
        en: "alias `{}` is not a path inside the site",
        sv: "aliaset `{}` är ingen sökväg inom webbplatsen",
    }
    ALIAS_START_PAGE = "HB0271" {
        en: "alias `{}` points at the start page",
        sv: "aliaset `{}` pekar på startsidan",
    }
    ALIAS_LEAVES_SITE = "HB0272" {
        en: "alias `{}` tries to leave the site folder",
        sv: "aliaset `{}` försöker lämna webbplatsens mapp",
    }
    ALIAS_BAD_CHARACTERS = "HB0273" {
        en: "alias `{}` contains characters that cannot be part of a path",
        sv: "aliaset `{}` innehåller tecken som inte kan ingå i en sökväg",
    }
    HINT_ALIAS = "HB0274" {
        en: "write an old path of this site, e.g. `/gammal/sida/`",
        sv: "skriv en gammal sökväg på den här webbplatsen, till exempel `/gammal/sida/`",
    }
    NAME_TOO_LONG = "HB0275" {
        en: "the name `{}…` is {} bytes long; a file or folder name may have at most {}",
        sv: "namnet `{}…` är {} byte långt; ett fil- eller mappnamn får ha högst {}",
    }
    HINT_NAME_TOO_LONG = "HB0276" {
        en: "shorten the name (or the `slug:`); å, ä and ö take two bytes each",
        sv: "korta namnet (eller `slug:`); å, ä och ö tar två byte var",
    }
    NAME_WINDOWS_DEVICE = "HB0277" {
        en: "the name `{}` is a device name that Windows reserves",
        sv: "namnet `{}` är ett enhetsnamn som Windows reserverar",
    }
    HINT_NAME_WINDOWS_DEVICE = "HB0278" {
        en: "rename it (or set another `slug:`): con, prn, aux, nul, com0-com9 and lpt0-lpt9, also with an extension such as `.md` or `.png`, cannot be files or folders on a Windows server",
        sv: "byt namn (eller ange en annan `slug:`): con, prn, aux, nul, com0–com9 och lpt0–lpt9, även med filändelse som `.md` eller `.png`, kan inte vara filer eller mappar på en Windows-server",
    }
    // Blocks of front matter (`document:`, `action_plan:`, `meeting:`).
    FIELD_NOT_A_GROUP = "HB0279" {
        en: "`{}` must be a group of fields",
        sv: "`{}` ska vara en grupp av fält",
    }
    HINT_GROUP_EXAMPLE = "HB0280" {
        en: "write the fields indented below it, e.g.\n  {}:\n    {}",
        sv: "skriv fälten med indrag under den, till exempel\n  {}:\n    {}",
    }
    BLOCK_UNKNOWN_FIELD = "HB0281" {
        en: "unknown field `{}` in `{}`",
        sv: "okänt fält `{}` i `{}`",
    }
    HINT_DID_YOU_MEAN = "HB0282" {
        en: "did you mean `{}`?",
        sv: "menade du `{}`?",
    }
    HINT_ALLOWED_HERE = "HB0283" {
        en: "allowed here: {}",
        sv: "tillåtna fält här: {}",
    }
    FIELD_NOT_TEXT = "HB0284" {
        en: "`{}` must be text",
        sv: "`{}` ska vara en text",
    }
    HINT_VALUE_ON_ONE_LINE = "HB0285" {
        en: "write `{}: …` on one line",
        sv: "skriv `{}: …` på en rad",
    }
    LIST_ITEM_NOT_TEXT = "HB0286" {
        en: "every item of `{}` must be text",
        sv: "varje punkt i `{}` ska vara en text",
    }
    FIELD_NOT_A_LIST = "HB0287" {
        en: "`{}` must be a list of text",
        sv: "`{}` ska vara en lista med texter",
    }
    HINT_ONE_ITEM_PER_LINE = "HB0288" {
        en: "write one `- text` line per item",
        sv: "skriv en rad `- text` för varje punkt",
    }
    UNKNOWN_DOCUMENT_TYPE = "HB0289" {
        en: "unknown document type `{}`",
        sv: "okänd dokumenttyp `{}`",
    }
    HINT_DID_YOU_MEAN_TYPE = "HB0290" {
        en: "did you mean `{}`? (types are listed under `document_types` in handbok.yaml)",
        sv: "menade du `{}`? (typerna står under `document_types` i handbok.yaml)",
    }
    HINT_USE_ONE_OF = "HB0291" {
        en: "use one of: {}",
        sv: "använd en av: {}",
    }
    NOT_A_DIARY_NUMBER = "HB0292" {
        en: "`{}` is not a diary number",
        sv: "`{}` är inget diarienummer",
    }
    HINT_DIARY_NUMBER = "HB0293" {
        en: "write it as registry, year and number, e.g. `dnr: KS 2023/474`",
        sv: "skriv diarienumret som registratur, år och nummer, till exempel `dnr: KS 2023/474`",
    }
    NOT_A_PARAGRAPH = "HB0294" {
        en: "`{}` is not a paragraph number",
        sv: "`{}` är inget paragrafnummer",
    }
    HINT_PARAGRAPH = "HB0295" {
        en: "write e.g. `paragraph: § 134`",
        sv: "skriv till exempel `paragraph: § 134`",
    }
    DATE_BEFORE = "HB0296" {
        en: "`{}` ({}) is before `{}` ({})",
        sv: "`{}` ({}) är före `{}` ({})",
    }
    HINT_DATE_ORDER = "HB0297" {
        en: "check the dates: a document is adopted, revised, valid and reviewed after it was drawn up (established) and adopted",
        sv: "kontrollera datumen: ett dokument antas, revideras, gäller och ses över efter att det upprättats och antagits",
    }
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
    UNSAFE_LINK = "HB0307" {
        en: "unsafe link `{}` is not allowed",
        sv: "den osäkra länken `{}` är inte tillåten",
    }
    HINT_UNSAFE_LINK = "HB0308" {
        en: "link to a page or an http(s) address; scripts in links are removed for safety",
        sv: "länka till en sida eller en http(s)-adress; skript i länkar tas bort av säkerhetsskäl",
    }
    LINK_OUTSIDE_CONTENT = "HB0309" {
        en: "the link `{}` points outside the content folder",
        sv: "länken `{}` pekar utanför mappen content",
    }
    HINT_LINK_OUTSIDE_CONTENT = "HB0310" {
        en: "link to a file inside content/, e.g. ../natverk/_index.md",
        sv: "länka till en fil i content/, till exempel ../natverk/_index.md",
    }
    LINK_TO_DRAFT = "HB0311" {
        en: "the link `{}` points to a draft, which is not published",
        sv: "länken `{}` pekar på ett utkast, som inte publiceras",
    }
    HINT_LINK_TO_DRAFT = "HB0312" {
        en: "remove `draft: true` from the target, remove the link, or build with --drafts",
        sv: "ta bort `draft: true` från målet, ta bort länken, eller bygg med --drafts",
    }
    LINK_MISSING_FILE = "HB0313" {
        en: "the link `{}` points to a file that does not exist (content/{})",
        sv: "länken `{}` pekar på en fil som inte finns (content/{})",
    }
    HINT_LINK_MISSING_FILE = "HB0314" {
        en: "check the file name; links are relative to this file, or start with / for the content folder",
        sv: "kontrollera filnamnet; länkar utgår från den här filen, eller från mappen content om de börjar med /",
    }
    LINK_MISSING_HEADING = "HB0315" {
        en: "the link `{}` points to the heading `#{}`, which does not exist in {}",
        sv: "länken `{}` pekar på rubriken `#{}`, som inte finns i {}",
    }
    HINT_DID_YOU_MEAN_ANCHOR = "HB0316" {
        en: "did you mean `#{}`?",
        sv: "menade du `#{}`?",
    }
    HINT_ANCHORS = "HB0317" {
        en: "anchors are made from heading text: `## Mandat` gives `#mandat`",
        sv: "ankare görs av rubrikens text: `## Mandat` ger `#mandat`",
    }
    IMAGE_NO_ALT = "HB0318" {
        en: "the image has no alt text",
        sv: "bilden saknar alternativtext",
    }
    HINT_IMAGE_ALT = "HB0319" {
        en: "describe the image between the brackets: ![Karta över Motala](karta.png)",
        sv: "beskriv bilden mellan hakparenteserna: ![Karta över Motala](karta.png)",
    }
    LINK_NO_TEXT = "HB0320" {
        en: "the link has no text",
        sv: "länken saknar text",
    }
    HINT_LINK_TEXT = "HB0321" {
        en: "write what the link leads to between the brackets",
        sv: "skriv vart länken leder mellan hakparenteserna",
    }
    LINK_TEXT_VAGUE = "HB0322" {
        en: "the link text “{}” does not say where the link goes",
        sv: "länktexten ”{}” säger inte vart länken leder",
    }
    HINT_LINK_TEXT_VAGUE = "HB0323" {
        en: "use the name of the target as the link text, e.g. [styrgruppens mandat](…)",
        sv: "använd målets namn som länktext, till exempel [styrgruppens mandat](…)",
    }
    HEADING_LEVEL_ONE = "HB0324" {
        en: "a level-1 heading (#) in the text: the page title is the page's only h1",
        sv: "en rubrik på nivå 1 (#) i texten: sidans titel är sidans enda rubrik på nivå 1",
    }
    HINT_HEADING_LEVEL_ONE = "HB0325" {
        en: "use ## for the sections of the page",
        sv: "använd ## för sidans avsnitt",
    }
    HEADING_SKIPS_LEVEL = "HB0326" {
        en: "the heading skips from level {} to level {}",
        sv: "rubriken hoppar från nivå {} till nivå {}",
    }
    HINT_HEADING_SKIPS_LEVEL = "HB0327" {
        en: "use {} for this heading, or add the level between",
        sv: "använd {} för den här rubriken, eller lägg till nivån emellan",
    }
    TABLE_NO_HEADER = "HB0328" {
        en: "the table has no header texts",
        sv: "tabellen saknar rubriker",
    }
    HINT_TABLE_HEADER = "HB0329" {
        en: "write a header for each column in the table's first row",
        sv: "skriv en rubrik för varje kolumn i tabellens första rad",
    }
    HTML_IMAGE_NO_ALT = "HB0330" {
        en: "an HTML image without an alt attribute",
        sv: "en HTML-bild utan alt-attribut",
    }
    HINT_HTML_IMAGE_ALT = "HB0331" {
        en: "add alt=\"…\" describing the image, or use Markdown: ![text](bild.png)",
        sv: "lägg till alt=\"…\" som beskriver bilden, eller använd Markdown: ![text](bild.png)",
    }
    HTML_MOVING_TEXT = "HB0332" {
        en: "moving or blinking HTML text",
        sv: "rörlig eller blinkande text i HTML",
    }
    HINT_HTML_MOVING_TEXT = "HB0333" {
        en: "remove <marquee>/<blink>: moving text cannot be paused (WCAG 2.2.2)",
        sv: "ta bort <marquee>/<blink>: rörlig text går inte att pausa (WCAG 2.2.2)",
    }
    HTML_MOUSE_ONLY = "HB0334" {
        en: "an HTML element that reacts only to a mouse click",
        sv: "ett HTML-element som bara reagerar på musklick",
    }
    HINT_HTML_MOUSE_ONLY = "HB0335" {
        en: "use a link or a button, which work with the keyboard too (WCAG 2.1.1)",
        sv: "använd en länk eller en knapp, som också fungerar med tangentbordet (WCAG 2.1.1)",
    }
    HTML_TABINDEX = "HB0336" {
        en: "a positive tabindex changes the keyboard order",
        sv: "ett positivt tabindex ändrar tangentbordsordningen",
    }
    HINT_HTML_TABINDEX = "HB0337" {
        en: "remove tabindex, or use tabindex=\"0\" (WCAG 2.4.3)",
        sv: "ta bort tabindex, eller använd tabindex=\"0\" (WCAG 2.4.3)",
    }
    HTML_TABLE_NO_HEADER = "HB0338" {
        en: "an HTML table without header cells",
        sv: "en HTML-tabell utan rubrikceller",
    }
    HINT_HTML_TABLE_HEADER = "HB0339" {
        en: "mark the header row with <th>, or write the table in Markdown",
        sv: "markera rubrikraden med <th>, eller skriv tabellen i Markdown",
    }
    HTML_TEXT_COLOUR = "HB0340" {
        en: "text colour set in HTML",
        sv: "textfärg satt i HTML",
    }
    HINT_HTML_TEXT_COLOUR = "HB0341" {
        en: "leave colours to the theme, which keeps the contrast (WCAG 1.4.3)",
        sv: "låt temat sköta färgerna, så att kontrasten blir tillräcklig (WCAG 1.4.3)",
    }
    CALLOUT_NOT_ALONE = "HB0342" {
        en: "the callout marker `[!{}]` must stand alone on its line",
        sv: "markeringen `[!{}]` för en faktaruta måste stå ensam på sin rad",
    }
    HINT_CALLOUT_NOT_ALONE = "HB0343" {
        en: "write the callout's text on the next line, after `> `",
        sv: "skriv faktarutans text på nästa rad, efter `> `",
    }
    CALLOUT_UNKNOWN = "HB0344" {
        en: "unknown callout kind `[!{}]`",
        sv: "okänd sorts faktaruta `[!{}]`",
    }
    HINT_CALLOUT_UNKNOWN = "HB0345" {
        en: "use one of [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] and [!CAUTION]; until then the text is shown as an ordinary quote",
        sv: "använd en av [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] och [!CAUTION]; tills dess visas texten som ett vanligt citat",
    }
    FOOTNOTE_TWICE = "HB0346" {
        en: "the footnote `[^{}]` is defined twice",
        sv: "fotnoten `[^{}]` definieras två gånger",
    }
    HINT_FOOTNOTE_TWICE = "HB0347" {
        en: "give each footnote its own label, or remove one of them",
        sv: "ge varje fotnot en egen etikett, eller ta bort en av dem",
    }
    HEADING_ID_THEME = "HB0348" {
        en: "the heading id `{}` is used by the theme on every page",
        sv: "rubrik-id:t `{}` används av temat på varje sida",
    }
    HEADING_ID_FOOTNOTE = "HB0349" {
        en: "the heading id `{0}` is the id of the footnote `[^{0}]`",
        sv: "rubrik-id:t `{0}` är samma som id:t för fotnoten `[^{0}]`",
    }
    HEADING_ID_TWICE = "HB0350" {
        en: "the heading id `{}` is used twice on this page (first on line {})",
        sv: "rubrik-id:t `{}` används två gånger på sidan (först på rad {})",
    }
    HINT_HEADING_ID = "HB0351" {
        en: "choose another `{#id}`, or remove it to get one made from the heading text",
        sv: "välj ett annat `{#id}`, eller ta bort det så skapas ett av rubriktexten",
    }
    RAW_HTML_REMOVED = "HB0352" {
        en: "raw HTML: `{}` was removed",
        sv: "rå HTML: `{}` togs bort",
    }
    RAW_HTML_ELEMENT_REMOVED = "HB0353" {
        en: "raw HTML: the element `<{}>` was removed",
        sv: "rå HTML: elementet `<{}>` togs bort",
    }
    RAW_HTML_ATTRIBUTES_REMOVED = "HB0354" {
        en: "raw HTML: {} on `<{}>` was removed",
        sv: "rå HTML: {} på `<{}>` togs bort",
    }
    HINT_RAW_HTML_SANITIZE = "HB0355" {
        en: "scripts, event handlers (on…), style attributes, unsafe links and unknown elements are removed from HTML in Markdown (markdown.raw_html: sanitize); write the content in Markdown instead",
        sv: "skript, händelsehanterare (on…), style-attribut, osäkra länkar och okända element tas bort ur HTML i Markdown (markdown.raw_html: sanitize); skriv innehållet i Markdown i stället",
    }
    RAW_HTML_DENIED = "HB0356" {
        en: "raw HTML is not allowed on this site: `{}`",
        sv: "rå HTML är inte tillåten på den här webbplatsen: `{}`",
    }
    HINT_RAW_HTML_DENY = "HB0357" {
        en: "write it in Markdown (tables, links, images and emphasis all have Markdown forms), or ask whoever maintains handbok.yaml about markdown.raw_html",
        sv: "skriv det i Markdown (tabeller, länkar, bilder och betoning har alla Markdown-former), eller fråga den som sköter handbok.yaml om markdown.raw_html",
    }
    HEADING_ATTRIBUTE_DENIED = "HB0358" {
        en: "the heading attribute `{}` is not allowed",
        sv: "rubrikattributet `{}` är inte tillåtet",
    }
    HEADING_ATTRIBUTE_REMOVED = "HB0359" {
        en: "the heading attribute `{}` is not allowed and was removed",
        sv: "rubrikattributet `{}` är inte tillåtet och togs bort",
    }
    HINT_HEADING_ATTRIBUTE = "HB0360" {
        en: "write only {#id} and {.class} after a heading",
        sv: "skriv bara {#id} och {.class} efter en rubrik",
    }
    // HB04xx: the site model (pages and their URLs, sections, taxonomies, governance, glossary).
    SITE_HAS_ERRORS = "HB0401" {
        en: "the site has {} error(s)",
        sv: "webbplatsen har {} fel",
    }
    NAME_EMPTY_URL = "HB0402" {
        en: "the name `{}` gives an empty URL",
        sv: "namnet `{}` ger en tom adress",
    }
    HINT_NAME_EMPTY_URL = "HB0403" {
        en: "rename it with letters or digits, or set `slug:` in the front matter",
        sv: "byt namn med bokstäver eller siffror, eller ange `slug:` i metadatablocket",
    }
    ORPHAN_PAGE = "HB0404" {
        en: "no other page links to this page",
        sv: "ingen annan sida länkar hit",
    }
    HINT_ORPHAN_PAGE = "HB0405" {
        en: "link to it from a page on the same subject, or from its section's text (_index.md)",
        sv: "länka hit från en sida om samma ämne, eller från avsnittets text (_index.md)",
    }
    URL_CLASH = "HB0406" {
        en: "{} and {} both want the URL /{}",
        sv: "{} och {} vill båda ha adressen /{}",
    }
    HINT_URL_CLASH_FILE = "HB0407" {
        en: "rename or move this file: that path is taken",
        sv: "byt namn på filen eller flytta den: den adressen är redan tagen",
    }
    HINT_URL_CLASH = "HB0408" {
        en: "rename one of them or give it another `slug:`; URLs ignore case and turn å/ä/ö into a/a/o",
        sv: "byt namn på en av dem eller ge den en annan `slug:`; adresser skiljer inte på stora och små bokstäver och gör å/ä/ö till a/a/o",
    }
    CASE_CLASH = "HB0409" {
        en: "{} (/{}) and {} (/{}) differ only in upper and lower case",
        sv: "{} (/{}) och {} (/{}) skiljer sig bara i stora och små bokstäver",
    }
    HINT_CASE_CLASH = "HB0410" {
        en: "rename one of them: on a web server that ignores case, one would replace the other",
        sv: "byt namn på en av dem: på en webbserver som inte skiljer på stora och små bokstäver skulle den ena ersätta den andra",
    }
    // Who claims a URL, inside HB0406 and HB0409.
    WHO_ALIAS = "HB0411" {
        en: "the alias `{}` of {}",
        sv: "aliaset `{}` för {}",
    }
    WHO_CALENDAR = "HB0412" {
        en: "the meeting calendar of {}",
        sv: "möteskalendern för {}",
    }
    WHO_PRINT_PAGE = "HB0413" {
        en: "the print page of {}",
        sv: "utskriftssidan för {}",
    }
    WHO_TAXONOMY = "HB0414" {
        en: "the taxonomy `{}` in {}",
        sv: "taxonomin `{}` i {}",
    }
    WHO_TERM = "HB0415" {
        en: "the term `{}` of taxonomy `{}`",
        sv: "termen `{}` i taxonomin `{}`",
    }
    WHO_SEARCH_PAGE = "HB0416" {
        en: "the search page",
        sv: "söksidan",
    }
    WHO_SEARCH_INDEX = "HB0417" {
        en: "the search index",
        sv: "sökindexet",
    }
    WHO_ACCESSIBILITY = "HB0418" {
        en: "the accessibility statement (`accessibility: path`)",
        sv: "tillgänglighetsredogörelsen (`accessibility: path`)",
    }
    WHO_REVIEW_PAGE = "HB0419" {
        en: "the review page (`review: path`)",
        sv: "sidan med dokument att se över (`review: path`)",
    }
    WHO_MATRIX = "HB0420" {
        en: "the focus-area matrix (`action_plans: path`)",
        sv: "matrisen över fokusområden (`action_plans: path`)",
    }
    WHO_CSV = "HB0421" {
        en: "the activities CSV",
        sv: "CSV-filen med aktiviteter",
    }
    WHO_FOCUS_AREA = "HB0422" {
        en: "the page of focus area {}",
        sv: "sidan för fokusområde {}",
    }
    WHO_404 = "HB0423" {
        en: "the 404 page",
        sv: "404-sidan",
    }
    WHO_OUTPUT_MARKER = "HB0424" {
        en: "the marker of handbok's output folder",
        sv: "markeringsfilen i utdatamappen",
    }
    WHO_SITEMAP = "HB0425" {
        en: "the sitemap",
        sv: "webbplatskartan",
    }
    WHO_FEED = "HB0426" {
        en: "the feed",
        sv: "nyhetsflödet",
    }
    WHO_SITEMAP_PART = "HB0473" {
        en: "the part {} of the sitemap",
        sv: "delen {} av webbplatskartan",
    }
    WHO_THEME_FILE = "HB0427" {
        en: "the theme's file {}",
        sv: "temats fil {}",
    }
    // Governance: review dates, action plans, meetings.
    REVIEW_OVERDUE = "HB0428" {
        en: "“{}” should have been reviewed {} ({} days ago; owner: {})",
        sv: "”{}” skulle ha setts över senast {} (för {} dagar sedan; ägare: {})",
    }
    VALIDITY_PASSED = "HB0429" {
        en: "“{}” was valid until {} ({} days ago; owner: {})",
        sv: "”{}” gällde till {} (för {} dagar sedan; ägare: {})",
    }
    NO_OWNER = "HB0430" {
        en: "no owner given",
        sv: "ingen angiven",
    }
    HINT_REVIEW_OVERDUE = "HB0431" {
        en: "review the document and set a new date, or revise it",
        sv: "se över dokumentet och sätt ett nytt datum, eller revidera det",
    }
    SECOND_ACTION_PLAN = "HB0432" {
        en: "{} has a second action plan here; the first is {}",
        sv: "{} har en andra handlingsplan här; den första finns i {}",
    }
    HINT_SECOND_ACTION_PLAN = "HB0433" {
        en: "keep one plan per committee: merge the two files, or correct `committee:`",
        sv: "ha en plan per nämnd: slå ihop de två filerna, eller rätta `committee:`",
    }
    FOCUS_AREA_NAMES_DIFFER = "HB0434" {
        en: "focus area {} is called “{}” here but “{}” in {}",
        sv: "fokusområde {} heter ”{}” här men ”{}” i {}",
    }
    HINT_FOCUS_AREA_NAMES = "HB0435" {
        en: "use the same name for the same focus area in every action plan",
        sv: "använd samma namn för samma fokusområde i alla handlingsplaner",
    }
    PLAN_NO_COMMITTEE = "HB0436" {
        en: "the action plan has no `committee`",
        sv: "handlingsplanen saknar `committee`",
    }
    HINT_PLAN_COMMITTEE = "HB0437" {
        en: "add `committee: Socialnämnden` (the committee or department whose plan it is)",
        sv: "lägg till `committee: Socialnämnden` (den nämnd eller förvaltning som planen tillhör)",
    }
    FOCUS_AREAS_NOT_A_LIST = "HB0438" {
        en: "`focus_areas` must be a list",
        sv: "`focus_areas` ska vara en lista",
    }
    HINT_FOCUS_AREAS_LIST = "HB0439" {
        en: "start each focus area with `- number: 1`",
        sv: "börja varje fokusområde med `- number: 1`",
    }
    FOCUS_AREA_NOT_A_GROUP = "HB0440" {
        en: "each focus area must be a group of fields",
        sv: "varje fokusområde ska vara en grupp av fält",
    }
    HINT_FOCUS_AREA_GROUP = "HB0441" {
        en: "write `- number: 1` then `  name: …`",
        sv: "skriv `- number: 1` och sedan `  name: …`",
    }
    FOCUS_AREA_TWICE = "HB0442" {
        en: "focus area {} appears twice in the plan",
        sv: "fokusområde {} står två gånger i planen",
    }
    HINT_MERGE_ENTRIES = "HB0443" {
        en: "merge the two entries into one",
        sv: "slå ihop de två posterna till en",
    }
    FOCUS_AREA_NO_NUMBER = "HB0444" {
        en: "a focus area needs a `number` (a whole number from 1)",
        sv: "ett fokusområde behöver ett `number` (ett heltal från 1 och uppåt)",
    }
    HINT_FOCUS_AREA_NUMBER = "HB0445" {
        en: "write e.g. `- number: 7`",
        sv: "skriv till exempel `- number: 7`",
    }
    FOCUS_AREA_NO_NAME = "HB0446" {
        en: "focus area {} has no `name`",
        sv: "fokusområde {} saknar `name`",
    }
    HINT_FOCUS_AREA_NAME = "HB0447" {
        en: "add e.g. `name: Jämlikhet och jämställdhet`",
        sv: "lägg till exempelvis `name: Jämlikhet och jämställdhet`",
    }
    MEETING_MISSING = "HB0448" {
        en: "the meeting has no `{}`",
        sv: "mötet saknar `{}`",
    }
    HINT_MEETING_NETWORK = "HB0449" {
        en: "add `network:` with a link to the network's page, e.g. ../natverken/social-hallbarhet.md",
        sv: "lägg till `network:` med en länk till nätverkets sida, till exempel ../natverken/social-hallbarhet.md",
    }
    HINT_MEETING_DATE = "HB0450" {
        en: "add e.g. `date: 2026-12-03`",
        sv: "lägg till exempelvis `date: 2026-12-03`",
    }
    NOT_A_TIME = "HB0451" {
        en: "`{}` is not a time: `{}`",
        sv: "`{}` är ingen tidpunkt: `{}`",
    }
    HINT_TIME = "HB0452" {
        en: "write the time as HH:MM, e.g. `{}: \"13:00\"`",
        sv: "skriv tiden som TT:MM, till exempel `{}: \"13:00\"`",
    }
    MEETING_ENDS_BEFORE_START = "HB0453" {
        en: "the meeting ends ({}) before it starts ({})",
        sv: "mötet slutar ({}) innan det börjar ({})",
    }
    HINT_START_AND_END = "HB0454" {
        en: "check `start` and `end`",
        sv: "kontrollera `start` och `end`",
    }
    MEETING_END_WITHOUT_START = "HB0455" {
        en: "the meeting has an `end` but no `start`",
        sv: "mötet har ett `end` men inget `start`",
    }
    HINT_ADD_START = "HB0456" {
        en: "add `start: \"HH:MM\"`",
        sv: "lägg till `start: \"TT:MM\"`",
    }
    AGENDA_NOT_A_LIST = "HB0457" {
        en: "`agenda` must be a list",
        sv: "`agenda` ska vara en lista",
    }
    HINT_AGENDA_LIST = "HB0458" {
        en: "write one `- text: …` per item",
        sv: "skriv en rad `- text: …` för varje punkt",
    }
    AGENDA_ITEM_NO_TEXT = "HB0459" {
        en: "agenda item {} has no `text`",
        sv: "punkt {} på dagordningen saknar `text`",
    }
    HINT_AGENDA_ITEM = "HB0460" {
        en: "write `- text: …`",
        sv: "skriv `- text: …`",
    }
    AGENDA_ITEM_NOT_TEXT = "HB0461" {
        en: "agenda item {} is not text",
        sv: "punkt {} på dagordningen är ingen text",
    }
    MEETING_NETWORK_NOT_A_PAGE = "HB0462" {
        en: "the meeting's network `{}` is not a page",
        sv: "mötets nätverk `{}` är ingen sida",
    }
    HINT_MEETING_NETWORK_PAGE = "HB0463" {
        en: "link the network's page, e.g. ../natverken/social-hallbarhet.md",
        sv: "länka till nätverkets sida, till exempel ../natverken/social-hallbarhet.md",
    }
    // The glossary.
    GLOSSARY_CANNOT_READ = "HB0464" {
        en: "cannot read the glossary file {}: {}",
        sv: "ordlistans fil {} går inte att läsa: {}",
    }
    HINT_GLOSSARY_CANNOT_READ = "HB0465" {
        en: "create the file, or correct `glossary: file:` in handbok.yaml",
        sv: "skapa filen, eller rätta `glossary: file:` i handbok.yaml",
    }
    HINT_GLOSSARY_LIST = "HB0466" {
        en: "write a list of terms: `- term: NSH` then `  expansion: …` on the next line",
        sv: "skriv en lista med termer: `- term: NSH` och sedan `  expansion: …` på nästa rad",
    }
    GLOSSARY_TERM_INVALID = "HB0467" {
        en: "glossary term `{}` needs a term and an id of letters, digits and hyphens",
        sv: "ordlistans term `{}` behöver en term och ett id av bokstäver, siffror och bindestreck",
    }
    HINT_GLOSSARY_TERM = "HB0468" {
        en: "write e.g. `- term: NSH` with an optional `id: nsh`",
        sv: "skriv till exempel `- term: NSH`, om du vill med ett `id: nsh`",
    }
    GLOSSARY_TERM_TWICE = "HB0469" {
        en: "glossary term `{}` appears twice (id `{}`)",
        sv: "ordlistans term `{}` står två gånger (id `{}`)",
    }
    HINT_GLOSSARY_TERM_TWICE = "HB0470" {
        en: "keep one entry per term, or give one of them another `id:`",
        sv: "ha en post per term, eller ge en av dem ett annat `id:`",
    }
    GLOSSARY_PAGE_MISSING = "HB0471" {
        en: "the glossary page content/{} does not exist",
        sv: "ordlistans sida content/{} finns inte",
    }
    HINT_GLOSSARY_PAGE = "HB0472" {
        en: "set `glossary: page:` to a page in content/, e.g. ordlista.md",
        sv: "ange en sida i content/ under `glossary: page:`, till exempel ordlista.md",
    }
    // HB05xx: templates and rendering.
    TEMPLATE_FAILED_AT_LINE = "HB0501" {
        en: "the template `{}` (line {}) could not be used for the page {}: {}",
        sv: "mallen `{}` (rad {}) gick inte att använda för sidan {}: {}",
    }
    TEMPLATE_FAILED = "HB0502" {
        en: "the template `{}` could not be used for the page {}: {}",
        sv: "mallen `{}` gick inte att använda för sidan {}: {}",
    }
    TEMPLATE_FAILED_UNNAMED = "HB0503" {
        en: "a template could not be used for the page {}: {}",
        sv: "en mall gick inte att använda för sidan {}: {}",
    }
    TEMPLATE_SYNTAX_AT_LINE = "HB0504" {
        en: "the template `{}` (line {}) has a syntax error: {}",
        sv: "mallen `{}` (rad {}) har ett syntaxfel: {}",
    }
    TEMPLATE_SYNTAX = "HB0505" {
        en: "the template `{}` has a syntax error: {}",
        sv: "mallen `{}` har ett syntaxfel: {}",
    }
    TEMPLATE_BROKEN_AT_LINE = "HB0506" {
        en: "the template `{}` (line {}) cannot be used: {}",
        sv: "mallen `{}` (rad {}) går inte att använda: {}",
    }
    TEMPLATE_BROKEN = "HB0507" {
        en: "the template `{}` cannot be used: {}",
        sv: "mallen `{}` går inte att använda: {}",
    }
    TEMPLATE_BROKEN_UNNAMED = "HB0508" {
        en: "a template cannot be used: {}",
        sv: "en mall går inte att använda: {}",
    }
    HINT_TEMPLATE = "HB0509" {
        en: "check the template syntax and the variable names in the theme README (themes/default/README.md)",
        sv: "kontrollera mallens syntax och variabelnamnen i temats README (themes/default/README.md)",
    }
    HINT_TEMPLATE_EXTENDS_ITSELF = "HB0510" {
        en: "a template cannot extend itself; to extend the theme's version write {% extends \"theme/{}\" %}",
        sv: "en mall kan inte bygga vidare på sig själv; skriv {% extends \"theme/{}\" %} för att bygga vidare på temats version",
    }
    TEMPLATE_NO_GET_ENV = "HB0511" {
        en: "get_env is not available: templates read the site, not the environment",
        sv: "get_env finns inte: mallar läser webbplatsen, inte miljövariablerna",
    }
    TEMPLATE_CONTEXT = "HB0512" {
        en: "cannot build the template context for {}: {}",
        sv: "det går inte att ta fram mallens data för {}: {}",
    }
    TEMPLATE_MISSING = "HB0513" {
        en: "template `{}` does not exist",
        sv: "mallen `{}` finns inte",
    }
    HINT_DID_YOU_MEAN_TEMPLATE = "HB0514" {
        en: "did you mean `{}`? Site templates live in templates/",
        sv: "menade du `{}`? Webbplatsens egna mallar ligger i templates/",
    }
    HINT_TEMPLATE_MISSING = "HB0515" {
        en: "create it in templates/ or remove `template:`",
        sv: "skapa den i templates/ eller ta bort `template:`",
    }
    // HB06xx: output and the file system.
    IO_CANNOT_READ = "HB0601" {
        en: "cannot read {}: {}",
        sv: "det går inte att läsa {}: {}",
    }
    IO_CANNOT_CREATE = "HB0602" {
        en: "cannot create {}: {}",
        sv: "det går inte att skapa {}: {}",
    }
    IO_CANNOT_CREATE_LOCK_FILE = "HB0603" {
        en: "cannot create the lock file {}: {}",
        sv: "det går inte att skapa låsfilen {}: {}",
    }
    IO_CANNOT_WRITE = "HB0604" {
        en: "cannot write {}: {}",
        sv: "det går inte att skriva {}: {}",
    }
    IO_CANNOT_REMOVE = "HB0605" {
        en: "cannot remove {}: {}",
        sv: "det går inte att ta bort {}: {}",
    }
    IO_CANNOT_LOCK = "HB0606" {
        en: "cannot lock {}: {}",
        sv: "det går inte att låsa {}: {}",
    }
    IO_CANNOT_MOVE_ASIDE = "HB0607" {
        en: "cannot move aside {}: {}",
        sv: "det går inte att flytta undan {}: {}",
    }
    IO_CANNOT_MOVE_INTO_PLACE = "HB0608" {
        en: "cannot move into place {}: {}",
        sv: "det går inte att flytta {} på plats: {}",
    }
    IO_CANNOT_USE = "HB0609" {
        en: "cannot use {}: {}",
        sv: "det går inte att använda {}: {}",
    }
    HINT_IO_WRITE = "HB0610" {
        en: "check that the folder exists, that you may write to it, and that the disk has free space",
        sv: "kontrollera att mappen finns, att du har behörighet att skriva i den och att disken har ledigt utrymme",
    }
    HINT_IO_READ = "HB0611" {
        en: "check that the file exists and that you may read it",
        sv: "kontrollera att filen finns och att du har behörighet att läsa den",
    }
    NOT_IN_ROUTE_TABLE = "HB0612" {
        en: "refusing to write {}: it is not in the build's route table",
        sv: "skriver inte {}: filen finns inte i byggets adresstabell",
    }
    HINT_BUG = "HB0613" {
        en: "this is a bug in handbok, not in the site: please report it with this message",
        sv: "det här är ett fel i handbok, inte i webbplatsen: rapportera det med det här meddelandet",
    }
    OUTSIDE_OUTPUT = "HB0614" {
        en: "refusing to write outside the output folder: {}",
        sv: "skriver inte utanför utdatamappen: {}",
    }
    OUTPUT_REPLACES_SITE = "HB0615" {
        en: "the output folder {} would replace the site's own files",
        sv: "utdatamappen {} skulle ersätta webbplatsens egna filer",
    }
    HINT_OUTPUT_REPLACES_SITE = "HB0616" {
        en: "choose an output folder such as public/ that holds nothing but the built site",
        sv: "välj en utdatamapp som public/ som inte innehåller något annat än den byggda webbplatsen",
    }
    OUTPUT_IS_LINK = "HB0617" {
        en: "the output folder {} is a symbolic link; handbok follows a link only when it is given with --output",
        sv: "utdatamappen {} är en symbolisk länk; handbok följer en länk bara när den anges med --output",
    }
    HINT_OUTPUT_IS_LINK = "HB0618" {
        en: "remove the link, or name it with --output to build into the folder it points to",
        sv: "ta bort länken, eller ange den med --output för att bygga i mappen som den pekar på",
    }
    OUTPUT_IS_LINK_FORCE = "HB0619" {
        en: "the output folder {} is a symbolic link, and --force never replaces a folder through a link",
        sv: "utdatamappen {} är en symbolisk länk, och --force ersätter aldrig en mapp via en länk",
    }
    HINT_OUTPUT_IS_LINK_FORCE = "HB0620" {
        en: "give the folder it points to with --output, or build without --force",
        sv: "ange mappen som länken pekar på med --output, eller bygg utan --force",
    }
    OUTPUT_LINK_DANGLING = "HB0621" {
        en: "the output folder {} is a symbolic link to {}, which does not exist",
        sv: "utdatamappen {} är en symbolisk länk till {}, som inte finns",
    }
    HINT_OUTPUT_LINK_DANGLING = "HB0622" {
        en: "create the folder it points to, or remove the link",
        sv: "skapa mappen som länken pekar på, eller ta bort länken",
    }
    OUTPUT_IS_FILE = "HB0623" {
        en: "the output folder {} is a file, not a folder",
        sv: "utdatamappen {} är en fil, inte en mapp",
    }
    HINT_OUTPUT_IS_FILE = "HB0624" {
        en: "remove the file or choose another folder with --output",
        sv: "ta bort filen eller välj en annan mapp med --output",
    }
    OUTPUT_OTHER_USER = "HB0625" {
        en: "the output folder {} belongs to another user",
        sv: "utdatamappen {} tillhör en annan användare",
    }
    HINT_OUTPUT_OTHER_USER = "HB0626" {
        en: "choose a folder of your own with --output, or use --force to replace it (everything in it is deleted)",
        sv: "välj en egen mapp med --output, eller använd --force för att ersätta den (allt i den raderas)",
    }
    OUTPUT_OTHER_OUTPUT = "HB0627" {
        en: "the output folder {} was written by handbok for another output folder, {}",
        sv: "utdatamappen {} skrevs av handbok för en annan utdatamapp, {}",
    }
    HINT_OUTPUT_OTHER_OUTPUT = "HB0628" {
        en: "a copy of a built site is never replaced: choose a new or empty folder with --output, or if you moved the folder here, use --force to replace it (everything in it is deleted)",
        sv: "en kopia av en byggd webbplats ersätts aldrig: välj en ny eller tom mapp med --output, eller, om du har flyttat hit mappen, använd --force för att ersätta den (allt i den raderas)",
    }
    OUTPUT_NOT_HANDBOKS = "HB0629" {
        en: "the output folder {} is not empty and was not written by handbok",
        sv: "utdatamappen {} är inte tom och har inte skrivits av handbok",
    }
    HINT_OUTPUT_NOT_HANDBOKS = "HB0630" {
        en: "choose a new or empty folder with --output, or use --force to replace it (everything in it is deleted)",
        sv: "välj en ny eller tom mapp med --output, eller använd --force för att ersätta den (allt i den raderas)",
    }
    BESIDE_OTHER_OUTPUT = "HB0631" {
        en: "the folder {} beside the output was written by handbok for another output folder, {}",
        sv: "mappen {} bredvid utdatamappen skrevs av handbok för en annan utdatamapp, {}",
    }
    HINT_BESIDE_OTHER_OUTPUT = "HB0632" {
        en: "delete it if you moved the site here; handbok never deletes a folder written for another output",
        sv: "radera den om du har flyttat hit webbplatsen; handbok raderar aldrig en mapp som skrevs för en annan utdatamapp",
    }
    BESIDE_NOT_HANDBOKS = "HB0633" {
        en: "the folder {} beside the output holds files that handbok did not write",
        sv: "mappen {} bredvid utdatamappen innehåller filer som handbok inte har skrivit",
    }
    HINT_BESIDE_NOT_HANDBOKS = "HB0634" {
        en: "move what you need out of it, then delete it; handbok never deletes files it did not write",
        sv: "flytta det du behöver därifrån och radera sedan mappen; handbok raderar aldrig filer som den inte har skrivit",
    }
    LOCK_FILE_OTHER_USER = "HB0635" {
        en: "the lock file {} belongs to another user",
        sv: "låsfilen {} tillhör en annan användare",
    }
    HINT_LOCK_FILE_OTHER_USER = "HB0636" {
        en: "remove it (the next build creates it again), or build into a folder of your own",
        sv: "ta bort den (nästa bygge skapar den igen), eller bygg i en egen mapp",
    }
    LOCK_FILE_NOT_A_FILE = "HB0637" {
        en: "the lock file {} is not a regular file",
        sv: "låsfilen {} är ingen vanlig fil",
    }
    HINT_LOCK_FILE_NOT_A_FILE = "HB0638" {
        en: "remove it; the next build creates it again",
        sv: "ta bort den; nästa bygge skapar den igen",
    }
    // Reading the site's own files: links, names, kinds of files.
    LINK_TO_HIDDEN = "HB0639" {
        en: "the symbolic link leads to a hidden file or folder of the site: {}",
        sv: "den symboliska länken leder till en dold fil eller mapp i webbplatsen: {}",
    }
    HINT_LINK_TO_HIDDEN = "HB0640" {
        en: "hidden files (.git, .env) are never published through a link; copy what you need into the site instead",
        sv: "dolda filer (.git, .env) publiceras aldrig genom en länk; kopiera det du behöver in i webbplatsen i stället",
    }
    LINK_OUTSIDE_SITE = "HB0641" {
        en: "the symbolic link points outside the site folder, to {}",
        sv: "den symboliska länken pekar utanför webbplatsens mapp, till {}",
    }
    PATH_OUTSIDE_SITE = "HB0642" {
        en: "this path leads outside the site folder through a symbolic link, to {}",
        sv: "sökvägen leder utanför webbplatsens mapp genom en symbolisk länk, till {}",
    }
    HINT_COPY_INSTEAD = "HB0643" {
        en: "copy what you need into the site folder instead of linking to it",
        sv: "kopiera det som behövs in i webbplatsens mapp i stället för att länka dit",
    }
    FILE_NAME_NOT_UTF8 = "HB0644" {
        en: "the file name is not valid UTF-8",
        sv: "filnamnet är inte giltig UTF-8",
    }
    HINT_FILE_NAME_NOT_UTF8 = "HB0645" {
        en: "rename the file using ordinary letters",
        sv: "byt namn på filen med vanliga bokstäver",
    }
    NOT_A_FILE = "HB0646" {
        en: "this is not an ordinary file (it is a named pipe, socket or device)",
        sv: "det här är ingen vanlig fil (utan ett rör, en sockel eller en enhet)",
    }
    HINT_REMOVE_FROM_FOLDER = "HB0647" {
        en: "remove it from the {} folder",
        sv: "ta bort den från mappen {}",
    }
    HINT_ORDINARY_FILE = "HB0648" {
        en: "replace it with an ordinary file",
        sv: "ersätt den med en vanlig fil",
    }
    LINK_LOOP = "HB0649" {
        en: "a symbolic link loops back to its own folder `{}`",
        sv: "en symbolisk länk pekar tillbaka på sin egen mapp `{}`",
    }
    HINT_LINK_LOOP = "HB0650" {
        en: "remove the link; a link may not point at a folder that holds it",
        sv: "ta bort länken; en länk får inte peka på en mapp som innehåller den",
    }
    LINK_DANGLING = "HB0651" {
        en: "the symbolic link points to {}, which does not exist",
        sv: "den symboliska länken pekar på {}, som inte finns",
    }
    HINT_LINK_DANGLING = "HB0652" {
        en: "correct the link or remove it",
        sv: "rätta länken eller ta bort den",
    }
    CANNOT_READ_ENTRY = "HB0653" {
        en: "cannot read this file or folder: {}",
        sv: "filen eller mappen kan inte läsas: {}",
    }
    HINT_CANNOT_READ_ENTRY = "HB0654" {
        en: "check that it exists and that you have permission to read it",
        sv: "kontrollera att den finns och att du har behörighet att läsa den",
    }
    // HB07xx: search (no messages yet).
    // HB08xx: serve.
    IO_CANNOT_LISTEN = "HB0801" {
        en: "cannot listen on {}: {}",
        sv: "det går inte att lyssna på {}: {}",
    }
    IO_CANNOT_START_SERVER = "HB0802" {
        en: "cannot start the server in {}: {}",
        sv: "det går inte att starta servern i {}: {}",
    }
    IO_CANNOT_START_WATCHING = "HB0803" {
        en: "cannot start watching {}: {}",
        sv: "det går inte att börja bevaka {}: {}",
    }
    HINT_LISTEN = "HB0804" {
        en: "another program may be using the port: choose another with --port, or --port 0 for any free one",
        sv: "ett annat program kanske använder porten: välj en annan med --port, eller --port 0 för vilken ledig port som helst",
    }
    SERVE_CANNOT_LISTEN = "HB0805" {
        en: "cannot listen on {}:{}: {}",
        sv: "det går inte att lyssna på {}:{}: {}",
    }
    HINT_SERVE_PORT = "HB0806" {
        en: "choose another port with --port, or stop the program that uses it",
        sv: "välj en annan port med --port, eller stäng programmet som använder den",
    }
    WATCH_FAILED = "HB0807" {
        en: "cannot watch {} for changes: {}",
        sv: "det går inte att bevaka ändringar i {}: {}",
    }
    HINT_WATCH_FAILED = "HB0808" {
        en: "check that the folder exists and that the system allows more file watches; on a network drive, try --poll",
        sv: "kontrollera att mappen finns och att systemet tillåter fler filbevakningar; prova --poll på en nätverksenhet",
    }
    // What serve says in the terminal while it runs.
    SERVE_SERVING = "HB0809" {
        en: "serving {} (stop with Ctrl+C)",
        sv: "visar webbplatsen på {} (stoppa med Ctrl+C)",
    }
    SERVE_STOPPING = "HB0810" {
        en: "stopping",
        sv: "stoppar",
    }
    SERVE_REBUILT = "HB0811" {
        en: "rebuilt {} pages in {} ms",
        sv: "byggde om {} sidor på {} ms",
    }
    SERVE_RERENDERED = "HB0817" {
        en: "rendered {} pages again with the changed templates in {} ms",
        sv: "ritade om {} sidor med de ändrade mallarna på {} ms",
    }
    SERVE_UPDATED = "HB0812" {
        en: "updated {} pages in {} ms",
        sv: "uppdaterade {} sidor på {} ms",
    }
    SERVE_INDEX_UPDATED = "HB0813" {
        en: "search index updated in {} ms",
        sv: "sökindexet uppdaterades på {} ms",
    }
    SERVE_BUILD_FAILED = "HB0814" {
        en: "the build failed; still serving the last good site",
        sv: "bygget misslyckades; visar fortfarande den senaste fungerande versionen av webbplatsen",
    }
    SERVE_WATCHING_FAILED = "HB0815" {
        en: "watching the sources failed: {}",
        sv: "bevakningen av källfilerna misslyckades: {}",
    }
    SERVE_CANNOT_WATCH = "HB0816" {
        en: "cannot watch {}: {}",
        sv: "det går inte att bevaka {}: {}",
    }
    // HB09xx: the command line.
    NO_SITE_HERE = "HB0901" {
        en: "no handbok.yaml in {} or in any folder above it",
        sv: "det finns ingen handbok.yaml i {} eller i någon mapp ovanför",
    }
    HINT_NO_SITE_HERE = "HB0902" {
        en: "run handbok in the site folder (the one holding handbok.yaml) or below it, give the folder with --root, or create a new site with `handbok init`",
        sv: "kör handbok i webbplatsens mapp (den som har handbok.yaml) eller en mapp under den, ange mappen med --root, eller skapa en ny webbplats med `handbok init`",
    }
    NOT_A_LANGUAGE = "HB0903" {
        en: "`{}` is not a language; use sv or en",
        sv: "`{}` är inget språk; använd sv eller en",
    }
    NOT_A_FORMAT = "HB0904" {
        en: "`{}` is not a format; use text, json, github or gitlab",
        sv: "`{}` är inget format; använd text, json, github eller gitlab",
    }
    NOT_A_DATE = "HB0905" {
        en: "`{}` is not a date; write YYYY-MM-DD",
        sv: "`{}` är inget datum; skriv ÅÅÅÅ-MM-DD",
    }
    UNKNOWN_FLAG = "HB0906" {
        en: "unknown option `{}`",
        sv: "okänd flagga `{}`",
    }
    UNKNOWN_COMMAND = "HB0907" {
        en: "unknown command `{}`",
        sv: "okänt kommando `{}`",
    }
    MISSING_ARGUMENT = "HB0908" {
        en: "missing {}",
        sv: "saknar {}",
    }
    BAD_VALUE = "HB0909" {
        en: "the value `{}` of {} is not valid",
        sv: "värdet `{}` för {} är inte giltigt",
    }
    BAD_COMMAND_LINE = "HB0910" {
        en: "the command line is not right",
        sv: "kommandoraden är inte rätt",
    }
    UNKNOWN_ARGUMENT = "HB0948" {
        en: "unexpected argument `{}`",
        sv: "oväntat argument `{}`",
    }
    MISSING_COMMAND = "HB0949" {
        en: "a command is missing: build, check, serve, new, init or completions",
        sv: "ett kommando saknas: build, check, serve, new, init eller completions",
    }
    BAD_VALUE_CHOICES = "HB0950" {
        en: "the value `{}` of {} is not valid; choose one of: {}",
        sv: "värdet `{}` för {} är inte giltigt; välj ett av: {}",
    }
    ARGUMENTS_CONFLICT = "HB0951" {
        en: "{} cannot be used together with {}",
        sv: "{} kan inte användas tillsammans med {}",
    }
    BAD_ARGUMENT = "HB0952" {
        en: "{} is not used right",
        sv: "{} används inte rätt",
    }
    VALUE_DIR = "HB0953" { en: "DIR", sv: "MAPP" }
    VALUE_URL = "HB0954" { en: "URL", sv: "ADRESS" }
    VALUE_DATE = "HB0955" { en: "YYYY-MM-DD", sv: "ÅÅÅÅ-MM-DD" }
    VALUE_LANG = "HB0956" { en: "LANG", sv: "SPRÅK" }
    VALUE_TYPE = "HB0957" { en: "TYPE", sv: "TYP" }
    VALUE_PATH = "HB0958" { en: "PATH", sv: "SÖKVÄG" }
    VALUE_SHELL = "HB0959" { en: "SHELL", sv: "SKAL" }
    VALUE_DAYS = "HB0996" { en: "DAYS", sv: "DAGAR" }
    VALUE_NAME = "HB0997" { en: "NAME", sv: "NAMN" }
    VALUE_ADDRESS = "HB0998" { en: "ADDRESS", sv: "ADRESS" }
    HINT_COMMAND_DID_YOU_MEAN = "HB0911" {
        en: "did you mean `{}`? See `handbok --help`",
        sv: "menade du `{}`? Se `handbok --help`",
    }
    HINT_SEE_HELP = "HB0912" {
        en: "see `handbok --help` or `handbok COMMAND --help`",
        sv: "se `handbok --help` eller `handbok KOMMANDO --help`",
    }
    SUMMARY_BUILT = "HB0913" {
        en: "handbok: built into {} in {}: {} pages, {} sections, {} terms, {} files, {}",
        sv: "handbok: byggd i {} på {}: {} sidor, {} avsnitt, {} termer, {} filer, {}",
    }
    SUMMARY_CHECKED = "HB0914" {
        en: "handbok: checked in {}: {} pages, {} sections, {} terms, {} files, {}",
        sv: "handbok: kontrollerad på {}: {} sidor, {} avsnitt, {} termer, {} filer, {}",
    }
    ONE_WARNING = "HB0946" { en: "1 warning", sv: "1 varning" }
    WARNINGS = "HB0947" { en: "{} warnings", sv: "{} varningar" }
    SUMMARY_FAILED = "HB0915" {
        en: "handbok: failed with {} error(s); the output folder was not changed",
        sv: "handbok: {} fel; webbplatsen i utdatamappen ändrades inte",
    }
    CREATED = "HB0916" {
        en: "handbok: created {}",
        sv: "handbok: skapade {}",
    }
    CANNOT_OPEN_BROWSER = "HB0917" {
        en: "cannot open {} in a browser: {}",
        sv: "kan inte öppna {} i en webbläsare: {}",
    }
    REVIEW_NONE = "HB0918" {
        en: "review ({}): no document is past or near its review or validity date",
        sv: "översyn ({}): inget dokument har passerat eller närmar sig sitt datum för översyn eller giltighet",
    }
    REVIEW_COUNT = "HB0919" {
        en: "review ({}): {} date(s) past or near",
        sv: "översyn ({}): {} datum har passerat eller är nära",
    }
    REVIEW_BY = "HB0920" {
        en: "review by",
        sv: "ses över senast",
    }
    VALID_UNTIL = "HB0921" {
        en: "valid until",
        sv: "gäller till",
    }
    DAYS_AGO = "HB0922" {
        en: "{} days ago",
        sv: "för {} dagar sedan",
    }
    IN_DAYS = "HB0923" {
        en: "in {} days",
        sv: "om {} dagar",
    }
    REVIEW_NO_OWNER = "HB0924" {
        en: "no owner",
        sv: "ingen ägare",
    }
    REVIEW_LINE = "HB0925" {
        en: "  {}:{}: {} {} ({}): {} (owner: {})",
        sv: "  {}:{}: {} {} ({}): {} (ägare: {})",
    }
    TIMING = "HB0926" {
        en: "timing: {}: {} ms",
        sv: "tid: {}: {} ms",
    }
    SITE_FOUND = "HB0927" {
        en: "handbok: the site in {}",
        sv: "handbok: webbplatsen i {}",
    }
    PROGRESS_BUILDING = "HB0928" {
        en: "building: {}",
        sv: "bygger: {}",
    }
    STAGE_CONFIGURATION = "HB0929" { en: "configuration", sv: "inställningar" }
    STAGE_CONTENT = "HB0930" { en: "reading the pages", sv: "läser sidorna" }
    STAGE_MODEL = "HB0931" { en: "the site's structure", sv: "webbplatsens struktur" }
    STAGE_MARKDOWN = "HB0932" { en: "Markdown and links", sv: "Markdown och länkar" }
    STAGE_OUTPUT = "HB0933" {
        en: "  of which the output folder (beside Markdown)",
        sv: "  varav utdatamappen (vid sidan av Markdown)",
    }
    STAGE_RENDERING = "HB0934" { en: "pages and the search index", sv: "sidor och sökindex" }
    STAGE_COMMIT = "HB0935" { en: "putting the site in place", sv: "lägger webbplatsen på plats" }
    STAGE_SEARCH_INDEX = "HB0999" {
        en: "  of which the search index (beside the pages)",
        sv: "  varav sökindexet (vid sidan av sidorna)",
    }
    INIT_CREATED = "HB0936" {
        en: "handbok: a new handbook in {}: {} files. Next: `handbok serve` there, then edit content/",
        sv: "handbok: en ny handbok i {}: {} filer. Sedan: kör `handbok serve` där och redigera content/",
    }
    INIT_NOT_EMPTY = "HB0937" {
        en: "{} is not empty; `init` only creates a site in a new or empty folder",
        sv: "{} är inte tom; `init` skapar bara en webbplats i en ny eller tom mapp",
    }
    HINT_INIT_NOT_EMPTY = "HB0938" {
        en: "choose a new folder, e.g. `handbok init min-handbok`; nothing was changed",
        sv: "välj en ny mapp, till exempel `handbok init min-handbok`; inget ändrades",
    }
    NO_PAGE_TYPE = "HB0939" {
        en: "there is no page type `{}`",
        sv: "det finns ingen sidtyp `{}`",
    }
    HINT_PAGE_TYPE_DID_YOU_MEAN = "HB0940" {
        en: "did you mean `{}`? Types: {}",
        sv: "menade du `{}`? Sidtyper: {}",
    }
    HINT_PAGE_TYPES = "HB0941" {
        en: "types: {}; a site can add its own in archetypes/<type>.md",
        sv: "sidtyper: {}; en webbplats kan lägga till egna i archetypes/<typ>.md",
    }
    NOT_IN_CONTENT = "HB0942" {
        en: "`{}` is not a path inside content/",
        sv: "`{}` är ingen sökväg i mappen content/",
    }
    HINT_NOT_IN_CONTENT = "HB0943" {
        en: "write e.g. styrgrupp/ny-anvisning.md",
        sv: "skriv till exempel styrgrupp/ny-anvisning.md",
    }
    PAGE_EXISTS = "HB0944" {
        en: "content/{} already exists; nothing was changed",
        sv: "content/{} finns redan; inget ändrades",
    }
    HINT_PAGE_EXISTS = "HB0945" {
        en: "choose another file name, or edit the existing page",
        sv: "välj ett annat filnamn, eller redigera den befintliga sidan",
    }
    // HB096x–HB099x: the command line's help.
    HELP_ABOUT = "HB0960" {
        en: "Builds a handbook site from Markdown",
        sv: "Bygger en handbokswebbplats av Markdown",
    }
    HELP_USAGE = "HB0961" { en: "Usage", sv: "Användning" }
    HELP_COMMANDS = "HB0962" { en: "Commands", sv: "Kommandon" }
    HELP_ARGUMENTS = "HB0963" { en: "Arguments", sv: "Argument" }
    HELP_OPTIONS = "HB0964" { en: "Options", sv: "Flaggor" }
    HELP_BUILD = "HB0965" {
        en: "Build the site into the output folder (default: public/)",
        sv: "Bygg webbplatsen i utdatamappen (standard: public/)",
    }
    HELP_SERVE = "HB0966" {
        en: "Build, serve on localhost, rebuild on every change and reload open pages",
        sv: "Bygg, visa på localhost, bygg om vid varje ändring och ladda om öppna sidor",
    }
    HELP_NEW = "HB0967" {
        en: "Create a page from a page type's template, e.g. `new anvisning styrgrupp/ny.md`",
        sv: "Skapa en sida från en sidtyps mall, till exempel `new anvisning styrgrupp/ny.md`",
    }
    HELP_CHECK = "HB0968" {
        en: "Run every step and check without writing anything",
        sv: "Kör alla steg och kontroller utan att skriva något",
    }
    HELP_INIT = "HB0969" {
        en: "Create a new handbook site: configuration, start page, a section and the editors' guide",
        sv: "Skapa en ny handbokswebbplats: inställningar, startsida, en del och redaktörsguiden",
    }
    HELP_COMPLETIONS = "HB0970" {
        en: "Print a completion script for a shell (bash, zsh, fish, powershell, elvish)",
        sv: "Skriv ut ett skript för kompletteringar i ett skal (bash, zsh, fish, powershell, elvish)",
    }
    HELP_LANG = "HB0971" {
        en: "Language of messages: sv (default) or en; also from HANDBOK_LANG",
        sv: "Språk för meddelanden: sv (standard) eller en; även från HANDBOK_LANG",
    }
    HELP_FORMAT = "HB0972" {
        en: "How problems are reported: text (default), json, github (workflow commands) or gitlab (code quality report); json and gitlab go to standard output",
        sv: "Hur problem redovisas: text (standard), json, github (arbetsflödeskommandon) eller gitlab (kodkvalitetsrapport); json och gitlab skrivs till standard ut",
    }
    HELP_QUIET = "HB0973" {
        en: "Print only errors",
        sv: "Skriv bara ut fel",
    }
    HELP_VERBOSE = "HB0974" {
        en: "Print more: each message's code and the site folder used",
        sv: "Skriv ut mer: varje meddelandes kod och vilken webbplatsmapp som används",
    }
    HELP_HELP = "HB0975" { en: "Print help", sv: "Visa hjälpen" }
    HELP_VERSION = "HB0976" { en: "Print version", sv: "Visa versionen" }
    HELP_ROOT = "HB0977" {
        en: "The site folder, holding handbok.yaml and content/ (default: this folder or the nearest above it with handbok.yaml)",
        sv: "Webbplatsens mapp, med handbok.yaml och content/ (standard: den här mappen eller närmaste mapp ovanför med handbok.yaml)",
    }
    HELP_BASE_URL = "HB0978" {
        en: "Override base_url from handbok.yaml (e.g. https://intranat.example.se/hallbarhet/)",
        sv: "Ersätt base_url i handbok.yaml (till exempel https://intranat.example.se/hallbarhet/)",
    }
    HELP_DRAFTS = "HB0979" {
        en: "Include pages marked `draft: true`",
        sv: "Ta med sidor som är markerade `draft: true`",
    }
    HELP_TODAY = "HB0980" {
        en: "The date to compare review dates and meetings with, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH when set)",
        sv: "Datumet som översynsdatum och möten jämförs med, ÅÅÅÅ-MM-DD (standard: i dag, eller SOURCE_DATE_EPOCH om den är satt)",
    }
    HELP_TIMINGS = "HB0981" {
        en: "Print how long each stage took",
        sv: "Skriv ut hur lång tid varje steg tog",
    }
    HELP_STRICT = "HB0982" {
        en: "Treat warnings (alt texts, link texts, headings, orphans, review dates) as errors",
        sv: "Behandla varningar (alternativtexter, länktexter, rubriker, sidor utan länkar hit, översynsdatum) som fel",
    }
    HELP_OUTPUT = "HB0983" {
        en: "Output folder (default: ROOT/public)",
        sv: "Utdatamapp (standard: ROOT/public)",
    }
    HELP_FORCE = "HB0984" {
        en: "Replace the output folder even if handbok did not write it: everything in it is deleted",
        sv: "Ersätt utdatamappen även om handbok inte har skrivit den: allt i den raderas",
    }
    HELP_BIND = "HB0985" {
        en: "The address to listen on (default 127.0.0.1); another interface must be chosen here",
        sv: "Adressen att lyssna på (standard 127.0.0.1); ett annat gränssnitt måste väljas här",
    }
    HELP_PORT = "HB0986" {
        en: "The port (default 1111; 0 picks a free one)",
        sv: "Porten (standard 1111; 0 väljer en ledig)",
    }
    HELP_ALLOW_HOST = "HB0987" {
        en: "Also answer requests for this host name (besides localhost and --bind); may be given more than once",
        sv: "Svara även på anrop till det här värdnamnet (utöver localhost och --bind); kan anges flera gånger",
    }
    HELP_POLL = "HB0988" {
        en: "Look for changes every MS milliseconds (default 1000) instead of waiting for the file system to report them: for network drives and shared folders",
        sv: "Leta efter ändringar var MS:e millisekund (standard 1000) i stället för att vänta på att filsystemet rapporterar dem: för nätverksenheter och delade mappar",
    }
    HELP_OPEN = "HB0989" {
        en: "Open the start page in the default web browser",
        sv: "Öppna startsidan i standardwebbläsaren",
    }
    HELP_KIND = "HB0990" {
        en: "The page type: sida, anvisning, handlingsplan, mote, artikel, or one in archetypes/",
        sv: "Sidtypen: sida, anvisning, handlingsplan, mote, artikel, eller en i archetypes/",
    }
    HELP_PATH = "HB0991" {
        en: "The new file, relative to content/",
        sv: "Den nya filen, relativt content/",
    }
    HELP_REVIEW = "HB0992" {
        en: "List governing documents whose review or validity date has passed or is near",
        sv: "Lista styrdokument vars datum för översyn eller giltighet har passerat eller är nära",
    }
    HELP_DAYS = "HB0993" {
        en: "With --review: how many days ahead count as near (default: review.warn_days)",
        sv: "Med --review: hur många dagar framåt som räknas som nära (standard: review.warn_days)",
    }
    HELP_INIT_DIR = "HB0994" {
        en: "The folder for the new site (default: this folder, which must be empty)",
        sv: "Mappen för den nya webbplatsen (standard: den här mappen, som måste vara tom)",
    }
    HELP_SHELL = "HB0995" {
        en: "The shell: bash, zsh, fish, powershell or elvish",
        sv: "Skalet: bash, zsh, fish, powershell eller elvish",
    }
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

    // HB11xx: the site's git history.
    GIT_SHALLOW = "HB1101" {
        en: "the git history is shallow (a clone with limited depth): {} pages get no git dates, their history does not reach their first version",
        sv: "git-historiken är grund (en klon med begränsat djup): {} sidor får inga datum från git, deras historik når inte deras första version",
    }
    HINT_GIT_SHALLOW = "HB1102" {
        en: "fetch the whole history: `fetch-depth: 0` for actions/checkout (GitHub Actions), `GIT_DEPTH: 0` (GitLab CI), or `git fetch --unshallow`",
        sv: "hämta hela historiken: `fetch-depth: 0` för actions/checkout (GitHub Actions), `GIT_DEPTH: 0` (GitLab CI) eller `git fetch --unshallow`",
    }
    GIT_UNREADABLE = "HB1103" {
        en: "the git history could not be read ({}); pages keep the dates of their front matter",
        sv: "git-historiken kunde inte läsas ({}); sidorna behåller datumen i sina metadatablock",
    }
    HINT_GIT_UNREADABLE = "HB1104" {
        en: "check the repository with `git log`, or write `git: false` in handbok.yaml to build without git",
        sv: "kontrollera förrådet med `git log`, eller skriv `git: false` i handbok.yaml för att bygga utan git",
    }
    REPOSITORY_URL = "HB1105" {
        en: "`repository.url` `{}` is not the web address of a project (an http(s) URL with a server name and no space)",
        sv: "`repository.url` `{}` är inte webbadressen till ett projekt (en http(s)-adress med servernamn och utan mellanslag)",
    }
    HINT_REPOSITORY_URL = "HB1106" {
        en: "write the project's address as the browser shows it, e.g. https://gitlab.example.se/hallbarhet/handbok",
        sv: "skriv projektets adress som webbläsaren visar den, till exempel https://gitlab.example.se/hallbarhet/handbok",
    }
    REPOSITORY_BRANCH = "HB1107" {
        en: "`repository.branch` `{}` is not a branch name",
        sv: "`repository.branch` `{}` är inget grennamn",
    }
    HINT_REPOSITORY_BRANCH = "HB1108" {
        en: "write the name of the branch the site is published from, e.g. `main`",
        sv: "skriv namnet på grenen som webbplatsen publiceras från, till exempel `main`",
    }
    WHO_CHANGES = "HB1110" {
        en: "the page of recent changes (from the git history)",
        sv: "sidan med de senaste ändringarna (från git-historiken)",
    }
    WHO_CHANGES_FEED = "HB1111" {
        en: "the feed of recent changes",
        sv: "flödet med de senaste ändringarna",
    }
    WHO_VERSIONS = "HB1112" {
        en: "the versions page of {}",
        sv: "versionssidan för {}",
    }
    STAGE_HISTORY = "HB1109" { en: "the git history", sv: "git-historiken" }
    STAGE_TEMPLATES = "HB1113" {
        en: "  of which the templates (beside the pages)",
        sv: "  varav mallarna (vid sidan av sidorna)",
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

    /// Entries whose Swedish text may be the same as the English one: technical strings
    /// that read the same in both languages. Empty for now; an entry added here needs a
    /// reason beside it.
    const SAME_IN_BOTH: &[&str] = &[];

    /// A Swedish text equal to its English one is a translation that was never written.
    #[test]
    fn every_swedish_text_is_a_translation() {
        for m in ALL {
            assert!(
                m.sv != m.en || SAME_IN_BOTH.contains(&m.code),
                "{}: the Swedish text is the English one: {:?}",
                m.code,
                m.en
            );
        }
    }

    #[test]
    fn pieces_and_parsing_the_english_text_back() {
        assert_eq!(pieces("a {} b {1} c"), ["a ", " b ", " c"]);
        assert_eq!(pieces("skriv {#id} {}"), ["skriv {#id} ", ""]);
        assert_eq!(pieces("{path} och {.class}"), ["{path} och {.class}"]);
        let t = YAML_UNKNOWN_FIELD_NAMED_ONE_OF
            .parse("unknown field `titel`, expected one of `title`, `date`")
            .unwrap();
        assert_eq!(
            t.render(Lang::Sv),
            "okänt fält `titel`, tillåtna fält: `title`, `date`"
        );
        assert!(YAML_MISSING_FIELD.parse("missing field").is_none());
        assert!(YAML_UNKNOWN_FIELD.parse("unknown field").is_some());
        assert!(YAML_UNKNOWN_FIELD.parse("unknown fields").is_none());
        // Positional placeholders are not parsed back.
        assert!(THEME_NOT_FOUND
            .parse("theme `x` not found: no folder themes/x")
            .is_none());
    }

    #[test]
    fn a_text_value_is_shown_in_the_language_around_it() {
        let t = crate::text!(
            URL_CLASH,
            "content/a.md",
            crate::text!(WHO_SEARCH_PAGE),
            "sok/"
        );
        assert_eq!(
            t.render(Lang::En),
            "content/a.md and the search page both want the URL /sok/"
        );
        assert_eq!(
            t.render(Lang::Sv),
            "content/a.md och söksidan vill båda ha adressen /sok/"
        );
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

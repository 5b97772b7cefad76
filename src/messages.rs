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
        fill(self.pattern(lang), &self.values)
    }

    /// The text in `lang` for a terminal: control characters in the values (which come
    /// from files and names) are shown as escapes, so that a file name cannot move the
    /// cursor, colour the screen or start a forged line.
    pub fn render_for_terminal(&self, lang: Lang) -> String {
        let values: Vec<String> = self
            .values
            .iter()
            .map(|v| escape_controls(v, false))
            .collect();
        fill(self.pattern(lang), &values)
    }

    fn pattern(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.message.en,
            Lang::Sv => self.message.sv,
        }
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
        en: "the value `{}` of {} is not valid: {}",
        sv: "värdet `{}` för {} är inte giltigt: {}",
    }
    BAD_COMMAND_LINE = "HB0910" {
        en: "the command line is not right: {}",
        sv: "kommandoraden är inte rätt: {}",
    }
    HINT_DID_YOU_MEAN = "HB0911" {
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
    NO_OWNER = "HB0924" {
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
    STAGE_CONFIGURATION = "HB0929" { en: "configuration and templates", sv: "inställningar och mallar" }
    STAGE_CONTENT = "HB0930" { en: "reading the pages", sv: "läser sidorna" }
    STAGE_MODEL = "HB0931" { en: "the site's structure", sv: "webbplatsens struktur" }
    STAGE_MARKDOWN = "HB0932" { en: "Markdown and links", sv: "Markdown och länkar" }
    STAGE_OUTPUT = "HB0933" { en: "the output folder", sv: "utdatamappen" }
    STAGE_RENDERING = "HB0934" { en: "pages and the search index", sv: "sidor och sökindex" }
    STAGE_COMMIT = "HB0935" { en: "putting the site in place", sv: "lägger webbplatsen på plats" }
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

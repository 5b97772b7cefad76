//! Swedish (the default) and English for editor-facing messages. Diagnostics are written in
//! English in the code; [`translate`] turns them into Swedish through a catalog of message
//! patterns, where `{}` stands for a value taken over as it is. Messages without an entry
//! stay in English.

use crate::error::Diagnostic;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// `sv` or `en`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "sv" | "sv-se" | "svenska" => Some(Lang::Sv),
            "en" | "en-gb" | "en-us" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The words around a message: (error, warning, hint).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Lang::Sv => ("fel", "varning", "tips"),
            Lang::En => ("error", "warning", "hint"),
        }
    }
}

/// (English pattern, Swedish pattern) for messages and hints; `{}` is a value.
const CATALOG: &[(&str, &str)] = &[
    ("unknown front matter field `{}`", "okänt fält `{}` i metadatablocket"),
    ("the front matter has no `title`", "metadatablocket saknar `title` (sidans rubrik)"),
    ("the front matter is never closed", "metadatablocket avslutas aldrig"),
    ("the file does not start with front matter (a line `---`)", "filen börjar inte med ett metadatablock (en rad `---`)"),
    ("the file is empty: a page needs front matter with at least a title", "filen är tom: en sida behöver ett metadatablock med minst en rubrik (`title`)"),
    ("`{}` is not a valid date: `{}`", "`{}` är inget giltigt datum: `{}`"),
    ("`{}` must be {}, not {}", "`{}` ska vara {}, inte {}"),
    ("`title` is empty", "`title` är tom"),
    ("the link `{}` points to a file that does not exist ({})", "länken `{}` pekar på en fil som inte finns ({})"),
    ("the link `{}` points to the heading `#{}`, which does not exist in {}", "länken `{}` pekar på rubriken `#{}`, som inte finns i {}"),
    ("the link `{}` points outside the content folder", "länken `{}` pekar utanför mappen content"),
    ("the link `{}` points to a draft, which is not published", "länken `{}` pekar på ett utkast, som inte publiceras"),
    ("unsafe link `{}` is not allowed", "den osäkra länken `{}` är inte tillåten"),
    ("{} and {} both want the URL /{}", "{} och {} vill båda ha adressen /{}"),
    ("the symbolic link leads to a hidden file or folder of the site: {}", "den symboliska länken leder till en dold fil eller mapp i webbplatsen: {}"),
    ("hidden files (.git, .env) are never published through a link; copy what you need into the site instead", "dolda filer (.git, .env) publiceras aldrig genom en länk; kopiera det du behöver in i webbplatsen i stället"),
    ("get_env is not available: templates read the site, not the environment", "get_env finns inte: mallar läser webbplatsen, inte miljövariablerna"),
    ("rename or move this file: that path is taken", "byt namn på filen eller flytta den: den adressen är redan tagen"),
    ("template `{}` does not exist", "mallen `{}` finns inte"),
    // issue 15: containment
    ("this path leads outside the site folder through a symbolic link, to {}", "sökvägen leder utanför webbplatsens mapp genom en symbolisk länk, till {}"),
    ("remove it from the {} folder", "ta bort den från mappen {}"),
    ("replace it with an ordinary file", "ersätt den med en vanlig fil"),
    ("theme `{}` not found: no folder themes/{}", "temat `{}` finns inte: det finns ingen mapp themes/{}"),
    ("remove `theme:` to use the built-in theme, or create the theme folder", "ta bort `theme:` för att använda det inbyggda temat, eller skapa temats mapp"),
    ("refusing to write {}: it is not in the build's route table", "skriver inte {}: filen finns inte i byggets adresstabell"),
    ("this is a bug in handbok, not in the site: please report it with this message", "det här är ett fel i handbok, inte i webbplatsen: rapportera det med det här meddelandet"),
    ("theme `{}` is not the name of a folder in themes/", "temat `{}` är inte namnet på en mapp i themes/"),
    ("write the name of a folder in themes/, e.g. `theme: egen`; the theme must be inside the site folder", "skriv namnet på en mapp i themes/, till exempel `theme: egen`; temat måste ligga i webbplatsens mapp"),
    ("`{}` `{}` is not a path inside the site folder", "`{}` `{}` är ingen sökväg inom webbplatsens mapp"),
    ("write a path relative to the site folder, e.g. `file: ordlista.yaml`; copy the file into the site folder if it is elsewhere", "skriv en sökväg relativt webbplatsens mapp, till exempel `file: ordlista.yaml`; kopiera in filen i webbplatsens mapp om den ligger någon annanstans"),
    ("language `{}` is not a language tag", "språket `{}` är ingen språkkod"),
    ("write a language tag such as `sv` or `en`", "skriv en språkkod som `sv` eller `en`"),
    ("{} `{}` is neither an absolute http(s) URL nor a path starting with `/`", "{} `{}` är varken en absolut http(s)-adress eller en sökväg som börjar med `/`"),
    ("{} `{}` has no server name after `://`", "{} `{}` saknar servernamn efter `://`"),
    ("{} `{}` contains a backslash, which browsers read as `/`", "{} `{}` innehåller ett omvänt snedstreck, som webbläsare läser som `/`"),
    ("{} `{}` has a path starting with `//`, which browsers read as another server", "{} `{}` har en sökväg som börjar med `//`, som webbläsare läser som en annan server"),
    ("{} `{}` contains `?` or `#`; page addresses are added after it", "{} `{}` innehåller `?` eller `#`; sidornas adresser läggs till efter den"),
    ("{} `{}` contains a control character", "{} `{}` innehåller ett styrtecken"),
    ("use an absolute URL like https://intranat.example.se/hallbarhet/ or a path like /hallbarhet/", "använd en absolut adress som https://intranat.example.se/hallbarhet/ eller en sökväg som /hallbarhet/"),
    ("`accessibility: email` `{}` contains a character that has no place in an e-mail address (such as `?`, `&`, `%` or a line break)", "`accessibility: email` `{}` innehåller ett tecken som inte hör hemma i en e-postadress (som `?`, `&`, `%` eller en radbrytning)"),
    ("`accessibility: email` `{}` must be one address with exactly one `@`", "`accessibility: email` `{}` ska vara en enda adress med exakt ett `@`"),
    ("write one address, e.g. `email: tillganglighet@kommun.se`", "skriv en enda adress, till exempel `email: tillganglighet@kommun.se`"),
    ("unknown field, expected one of {}", "okänt fält, tillåtna fält: {}"),
    ("unknown field, there are no fields", "okänt fält; här finns inga fält"),
    ("unknown variant `{}`, expected one of {}", "okänt värde `{}`, tillåtna värden: {}"),
    ("unknown variant `{}`, expected {}", "okänt värde `{}`, förväntat: {}"),
    ("unknown variant, expected one of {}", "okänt värde, tillåtna värden: {}"),
    ("unknown variant, expected {}", "okänt värde, förväntat: {}"),
    ("invalid type: {}, expected {}", "fel sorts värde ({}), förväntat: {}"),
    ("invalid value: {}, expected {}", "ogiltigt värde ({}), förväntat: {}"),
    ("allowed keys here: {}", "tillåtna nycklar här: {}"),
    ("write a list of terms: `- term: NSH` then `  expansion: …` on the next line", "skriv en lista med termer: `- term: NSH` och sedan `  expansion: …` på nästa rad"),
    ("template error: {}", "mallfel: {}"),
    ("the image has no alt text", "bilden saknar alternativtext"),
    ("the link has no text", "länken saknar text"),
    ("the link text “{}” does not say where the link goes", "länktexten ”{}” säger inte vart länken leder"),
    ("the heading skips from level {} to level {}", "rubriken hoppar från nivå {} till nivå {}"),
    // issue 17: callouts and the edit link
    ("unknown callout kind `[!{}]`", "okänd sorts faktaruta `[!{}]`"),
    ("use one of [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] and [!CAUTION]; until then the text is shown as an ordinary quote", "använd en av [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] och [!CAUTION]; tills dess visas texten som ett vanligt citat"),
    ("the callout marker `[!{}]` must stand alone on its line", "markeringen `[!{}]` för en faktaruta måste stå ensam på sin rad"),
    ("write the callout's text on the next line, after `> `", "skriv faktarutans text på nästa rad, efter `> `"),
    ("`edit_url` `{}` is not an absolute http(s) URL", "`edit_url` `{}` är ingen absolut http(s)-adress"),
    ("`edit_url` `{}` contains a space or a control character", "`edit_url` `{}` innehåller ett mellanslag eller ett styrtecken"),
    ("`edit_url` `{}` does not contain `{path}`, where the page's file goes", "`edit_url` `{}` innehåller inte `{path}`, där sidans fil ska stå"),
    ("write the address of the edit page with `{path}` where the file's path goes, e.g. https://git.example.se/handbok/-/edit/main/content/{path}", "skriv adressen till redigeringssidan med `{path}` där filens sökväg ska stå, till exempel https://git.example.se/handbok/-/edit/main/content/{path}"),
    // issue 15: input checks
    ("the YAML is nested more than {} levels deep", "YAML-texten har fler än {} nivåer inuti varandra"),
    ("a key is written twice in the same block", "en nyckel står två gånger i samma block"),
    ("a field is written twice", "ett fält står två gånger"),
    ("unknown field, expected {}", "okänt fält, tillåtet: {}"),
    ("the name `{}…` is {} bytes long; a file or folder name may have at most {}", "namnet `{}…` är {} byte långt; ett fil- eller mappnamn får ha högst {}"),
    ("shorten the name (or the `slug:`); å, ä and ö take two bytes each", "korta namnet (eller `slug:`); å, ä och ö tar två byte var"),
    ("the name `{}` is a device name that Windows reserves", "namnet `{}` är ett enhetsnamn som Windows reserverar"),
    ("rename it (or set another `slug:`): con, prn, aux, nul, com0-com9 and lpt0-lpt9, also with an extension such as `.md` or `.png`, cannot be files or folders on a Windows server", "byt namn (eller ange en annan `slug:`): con, prn, aux, nul, com0–com9 och lpt0–lpt9, även med filändelse som `.md` eller `.png`, kan inte vara filer eller mappar på en Windows-server"),
    ("`{}` is not between the years {} and {}: `{}`", "`{}` ligger inte mellan åren {} och {}: `{}`"),
    ("check the year; dates from 1900 to 2200 are accepted", "kontrollera årtalet; datum från 1900 till 2200 godtas"),
    ("`{}` is {} characters long; at most {} are allowed", "`{}` är {} tecken lång; högst {} tecken är tillåtna"),
    ("shorten it: it is repeated in menus, lists and search results; put the rest in the text", "korta den: den upprepas i menyer, listor och sökresultat; skriv resten i texten"),
    ("the footnote `[^{}]` is defined twice", "fotnoten `[^{}]` definieras två gånger"),
    ("give each footnote its own label, or remove one of them", "ge varje fotnot en egen etikett, eller ta bort en av dem"),
    ("the heading id `{}` is used by the theme on every page", "rubrik-id:t `{}` används av temat på varje sida"),
    ("the heading id `{}` is the id of the footnote `[^{}]`", "rubrik-id:t `{}` är fotnoten `[^{}]`s id"),
    ("the heading id `{}` is used twice on this page (first on line {})", "rubrik-id:t `{}` används två gånger på sidan (först på rad {})"),
    ("choose another `{#id}`, or remove it to get one made from the heading text", "välj ett annat `{#id}`, eller ta bort det så skapas ett av rubriktexten"),
    ("a level-1 heading (#) in the text: the page title is the page's only h1", "en rubrik på nivå 1 (#) i texten: sidans titel är sidans enda rubrik på nivå 1"),
    ("an HTML image without an alt attribute", "en HTML-bild utan alt-attribut"),
    ("no other page links to this page", "ingen annan sida länkar hit"),
    // issue 15: output safety review
    ("the output folder {} is a symbolic link; handbok follows a link only when it is given with --output", "utdatamappen {} är en symbolisk länk; handbok följer en länk bara när den anges med --output"),
    ("remove the link, or name it with --output to build into the folder it points to", "ta bort länken, eller ange den med --output för att bygga i mappen som den pekar på"),
    ("the output folder {} is a symbolic link, and --force never replaces a folder through a link", "utdatamappen {} är en symbolisk länk, och --force ersätter aldrig en mapp via en länk"),
    ("give the folder it points to with --output, or build without --force", "ange mappen som länken pekar på med --output, eller bygg utan --force"),
    ("the output folder {} belongs to another user", "utdatamappen {} tillhör en annan användare"),
    ("choose a folder of your own with --output, or use --force to replace it (everything in it is deleted)", "välj en egen mapp med --output, eller använd --force för att ersätta den (allt i den raderas)"),
    ("the output folder {} was written by handbok for another output folder, {}", "utdatamappen {} skrevs av handbok för en annan utdatamapp, {}"),
    ("a copy of a built site is never replaced: choose a new or empty folder with --output, or if you moved the folder here, use --force to replace it (everything in it is deleted)", "en kopia av en byggd webbplats ersätts aldrig: välj en ny eller tom mapp med --output, eller, om du har flyttat hit mappen, använd --force för att ersätta den (allt i den raderas)"),
    ("the folder {} beside the output was written by handbok for another output folder, {}", "mappen {} bredvid utdatamappen skrevs av handbok för en annan utdatamapp, {}"),
    ("delete it if you moved the site here; handbok never deletes a folder written for another output", "radera den om du har flyttat hit webbplatsen; handbok raderar aldrig en mapp som skrevs för en annan utdatamapp"),
    ("the lock file {} belongs to another user", "låsfilen {} tillhör en annan användare"),
    ("remove it (the next build creates it again), or build into a folder of your own", "ta bort den (nästa bygge skapar den igen), eller bygg i en egen mapp"),
    // issue 15: output safety
    ("the output folder {} is not empty and was not written by handbok", "utdatamappen {} är inte tom och har inte skrivits av handbok"),
    ("choose a new or empty folder with --output, or use --force to replace it (everything in it is deleted)", "välj en ny eller tom mapp med --output, eller använd --force för att ersätta den (allt i den raderas)"),
    ("the output folder {} is a file, not a folder", "utdatamappen {} är en fil, inte en mapp"),
    ("remove the file or choose another folder with --output", "ta bort filen eller välj en annan mapp med --output"),
    ("the output folder {} is a symbolic link to {}, which does not exist", "utdatamappen {} är en symbolisk länk till {}, som inte finns"),
    ("create the folder it points to, or remove the link", "skapa mappen som länken pekar på, eller ta bort länken"),
    ("the folder {} beside the output holds files that handbok did not write", "mappen {} bredvid utdatamappen innehåller filer som handbok inte har skrivit"),
    ("move what you need out of it, then delete it; handbok never deletes files it did not write", "flytta det du behöver därifrån och radera sedan mappen; handbok raderar aldrig filer som den inte har skrivit"),
    ("the lock file {} is not a regular file", "låsfilen {} är ingen vanlig fil"),
    ("remove it; the next build creates it again", "ta bort den; nästa bygge skapar den igen"),
    ("“{}” should have been reviewed {} ({} days ago; owner: {})", "”{}” skulle ha setts över senast {} (för {} dagar sedan; ägare: {})"),
    ("“{}” was valid until {} ({} days ago; owner: {})", "”{}” gällde till {} (för {} dagar sedan; ägare: {})"),
    ("the file is not valid UTF-8", "filen är inte sparad som UTF-8"),
    ("the file is saved as UTF-16, not UTF-8", "filen är sparad som UTF-16, inte UTF-8"),
    ("the file contains a NUL byte", "filen innehåller ett NUL-tecken"),
    ("`{}` is not a diary number", "`{}` är inget diarienummer"),
    ("unknown field `{}` in `{}`", "okänt fält `{}` i `{}`"),
    ("unknown document type `{}`", "okänd dokumenttyp `{}`"),
    ("`{}` ({}) is before `{}` ({})", "`{}` ({}) är före `{}` ({})"),
    ("slug `{}` is not a valid URL segment", "`slug` `{}` går inte att använda i en adress"),
    ("cannot read the file: {}", "filen kan inte läsas: {}"),
    ("unknown field `{}`, expected one of {}", "okänt fält `{}`, tillåtna fält: {}"),
    ("the meeting has no `{}`", "mötet saknar `{}`"),
    ("the table has no header texts", "tabellen saknar rubriker"),
    ("write a header for each column in the table's first row", "skriv en rubrik för varje kolumn i tabellens första rad"),
    ("moving or blinking HTML text", "rörlig eller blinkande text i HTML"),
    ("an HTML element that reacts only to a mouse click", "ett HTML-element som bara reagerar på musklick"),
    ("a positive tabindex changes the keyboard order", "ett positivt tabindex ändrar tangentbordsordningen"),
    ("an HTML table without header cells", "en HTML-tabell utan rubrikceller"),
    ("text colour set in HTML", "textfärg satt i HTML"),
    ("the accessibility statement names no organisation (`organisation:` is blank)", "tillgänglighetsredogörelsen anger ingen organisation (`organisation:` är tomt)"),
    ("write the public body responsible for the site under `accessibility:`, e.g. `organisation: Exempels kommun`", "skriv den offentliga aktör som ansvarar för webbplatsen under `accessibility:`, till exempel `organisation: Exempels kommun`"),
    ("the accessibility statement has no contact for reporting problems", "tillgänglighetsredogörelsen saknar kontaktuppgifter för att rapportera brister"),
    ("add `contact:` with `email:`, `phone:` or `url:` under `accessibility:`; the law requires a way to report shortcomings", "lägg till `contact:` med `email:`, `phone:` eller `url:` under `accessibility:`; lagen kräver ett sätt att rapportera brister"),
    // Bad input: files, encodings, YAML, symbolic links and URL clashes.
    ("the front matter is a list, not `key: value` fields", "metadatablocket är en lista, inte fält med `nyckel: värde`"),
    ("the front matter is a single value, not `key: value` fields", "metadatablocket är ett enda värde, inte fält med `nyckel: värde`"),
    ("the front matter is not valid YAML: {}", "metadatablocket är inte giltig YAML: {}"),
    ("the field `{}` is written twice", "fältet `{}` står två gånger"),
    ("the YAML expands to more than {} values through aliases (`*name`)", "YAML-texten växer till fler än {} värden genom alias (`*namn`)"),
    ("the YAML is nested more than 128 levels deep", "YAML-texten har fler än 128 nivåer inuti varandra"),
    ("a tab is used for indentation; YAML needs spaces", "ett tabbtecken används för indrag; YAML kräver mellanslag"),
    ("this is not an ordinary file (it is a named pipe, socket or device)", "det här är ingen vanlig fil (utan ett rör, en sockel eller en enhet)"),
    ("the file is {} MB; a Markdown file may be at most {} MB", "filen är {} MB; en Markdown-fil får vara högst {} MB"),
    ("the symbolic link points outside the site folder, to {}", "den symboliska länken pekar utanför webbplatsens mapp, till {}"),
    ("the symbolic link points to {}, which does not exist", "den symboliska länken pekar på {}, som inte finns"),
    ("a symbolic link loops back to its own folder `{}`", "en symbolisk länk pekar tillbaka på sin egen mapp `{}`"),
    ("cannot read this file or folder: {}", "filen eller mappen kan inte läsas: {}"),
    ("the file name is not valid UTF-8", "filnamnet är inte giltig UTF-8"),
    ("{} ({}) and {} ({}) differ only in upper and lower case", "{} ({}) och {} ({}) skiljer sig bara i stora och små bokstäver"),
    ("alias `{}` tries to leave the site folder", "aliaset `{}` försöker lämna webbplatsens mapp"),
    ("alias `{}` is not a path inside the site", "aliaset `{}` är ingen sökväg inom webbplatsen"),
    ("alias `{}` contains characters that cannot be part of a path", "aliaset `{}` innehåller tecken som inte kan ingå i en sökväg"),
    ("alias `{}` points at the start page", "aliaset `{}` pekar på startsidan"),
    ("the name `{}` gives an empty URL", "namnet `{}` ger en tom adress"),
    // Hints.
    ("write one field per line, e.g. `title: Sidans rubrik`", "skriv ett fält per rad, till exempel `title: Sidans rubrik`"),
    ("keep one of them", "behåll ett av dem"),
    ("write each field as `key: value` on its own line, indented with spaces; put text that contains `: ` or ` #`, or starts with a special character (`*`, `&`, `!`, `[`, `{`, `'`, `\"`, `%`, `@`), in quotes", "skriv varje fält som `nyckel: värde` på en egen rad, med mellanslag som indrag; sätt citattecken runt text som innehåller `: ` eller ` #` eller börjar med ett specialtecken (`*`, `&`, `!`, `[`, `{`, `'`, `\"`, `%`, `@`)"),
    ("write the values out instead of repeating them with `&name` and `*name`; a page needs far fewer values", "skriv ut värdena i stället för att upprepa dem med `&namn` och `*namn`; en sida behöver mycket färre värden"),
    ("write the values with fewer lists and blocks inside each other", "skriv värdena med färre listor och block inuti varandra"),
    ("inside \"double quotes\" a backslash starts an escape: write \\\\ for a backslash, or use 'single quotes'", "inom \"dubbla citattecken\" inleder ett omvänt snedstreck en specialkod: skriv \\\\ för ett omvänt snedstreck, eller använd 'enkla citattecken'"),
    ("indent with spaces (two per level) instead of tabs", "gör indrag med mellanslag (två per nivå) i stället för tabbtecken"),
    ("remove it from the content folder", "ta bort den från mappen content"),
    ("split the page into several pages; large data and documents go in files beside the page (they are copied as they are)", "dela upp sidan i flera sidor; stora data och dokument läggs i filer bredvid sidan (de kopieras som de är)"),
    ("copy what you need into the site folder instead of linking to it", "kopiera det som behövs in i webbplatsens mapp i stället för att länka dit"),
    ("correct the link or remove it", "rätta länken eller ta bort den"),
    ("remove the link; a link may not point at a folder that holds it", "ta bort länken; en länk får inte peka på en mapp som innehåller den"),
    ("check that it exists and that you have permission to read it", "kontrollera att den finns och att du har behörighet att läsa den"),
    ("check that the file exists and that you have permission to read it", "kontrollera att filen finns och att du har behörighet att läsa den"),
    (crate::error::IO_HINT, "kontrollera att mappen finns, att du har behörighet att skriva i den och att disken har ledigt utrymme"),
    (crate::error::READ_HINT, "kontrollera att filen finns och att du har behörighet att läsa den"),
    (crate::error::LISTEN_HINT, "ett annat program kanske använder porten: välj en annan med --port, eller --port 0 för vilken ledig port som helst"),
    // Raw HTML in Markdown (markdown.raw_html); the most specific pattern first.
    ("raw HTML: the element `{}` was removed", "rå HTML: elementet `{}` togs bort"),
    ("raw HTML: {} on `{}` was removed", "rå HTML: {} på `{}` togs bort"),
    ("raw HTML: {} was removed", "rå HTML: {} togs bort"),
    ("raw HTML is not allowed on this site: `{}`", "rå HTML är inte tillåten på den här webbplatsen: `{}`"),
    ("the heading attribute `{}` is not allowed and was removed", "rubrikattributet `{}` är inte tillåtet och togs bort"),
    ("the heading attribute `{}` is not allowed", "rubrikattributet `{}` är inte tillåtet"),
    (crate::markdown::raw_html::HEADING_HINT, "skriv bara {#id} och {.class} efter en rubrik"),
    (crate::markdown::raw_html::SANITIZE_HINT, "skript, händelsehanterare (on…), style-attribut, osäkra länkar och okända element tas bort ur HTML i Markdown (markdown.raw_html: sanitize); skriv innehållet i Markdown i stället"),
    (crate::markdown::raw_html::DENY_HINT, "skriv det i Markdown (tabeller, länkar, bilder och betoning har alla Markdown-former), eller fråga den som sköter handbok.yaml om markdown.raw_html"),
    ("`accessibility: {}` `{}` is not a web address", "`accessibility: {}` `{}` är ingen webbadress"),
    ("write an address starting with https://, or a path on this server starting with /", "skriv en adress som börjar med https://, eller en sökväg på den här servern som börjar med /"),
    ("this is not a text file, or it is damaged; remove the NUL characters", "det här är ingen textfil, eller så är den skadad; ta bort NUL-tecknen"),
    ("rename the file using ordinary letters", "byt namn på filen med vanliga bokstäver"),
    ("rename one of them: on a web server that ignores case, one would replace the other", "byt namn på en av dem: på en webbserver som inte skiljer på stora och små bokstäver skulle den ena ersätta den andra"),
    ("write an old path of this site, e.g. `/gammal/sida/`", "skriv en gammal sökväg på den här webbplatsen, till exempel `/gammal/sida/`"),
    ("write `slug: {}`", "skriv `slug: {}`"),
    ("use lower-case letters a-z, digits and hyphens", "använd små bokstäver a-z, siffror och bindestreck"),
    ("rename it with letters or digits, or set `slug:` in the front matter", "byt namn med bokstäver eller siffror, eller ange `slug:` i metadatablocket"),
    ("did you mean `{}`? (free fields go under `extra:`)", "menade du `{}`? (egna fält skrivs under `extra:`)"),
    ("did you mean `#{}`?", "menade du `#{}`?"),
    ("did you mean `{}`?", "menade du `{}`?"),
    ("add a line such as `title: Sidans rubrik` to the front matter", "lägg till en rad som `title: Sidans rubrik` i metadatablocket"),
    ("add a line with only `---` after the last front matter field", "lägg till en rad med bara `---` efter metadatablockets sista fält"),
    ("write the date as YYYY-MM-DD, e.g. `{}: {}`", "skriv datumet som ÅÅÅÅ-MM-DD, till exempel `{}: {}`"),
    ("anchors are made from heading text: `## Mandat` gives `#mandat`", "ankare görs av rubrikens text: `## Mandat` ger `#mandat`"),
    ("check the file name; links are relative to this file, or start with / for the content folder", "kontrollera filnamnet; länkar utgår från den här filen, eller från mappen content om de börjar med /"),
    ("link to a file inside content/, e.g. ../natverk/_index.md", "länka till en fil i content/, till exempel ../natverk/_index.md"),
    ("describe the image between the brackets: ![Karta över Motala](karta.png)", "beskriv bilden mellan hakparenteserna: ![Karta över Motala](karta.png)"),
    ("use the name of the target as the link text, e.g. [styrgruppens mandat](…)", "använd målets namn som länktext, till exempel [styrgruppens mandat](…)"),
    ("use {} for this heading, or add the level between", "använd {} för den här rubriken, eller lägg till nivån emellan"),
    ("use ## for the sections of the page", "använd ## för sidans avsnitt"),
    ("write what the link leads to between the brackets", "skriv vart länken leder mellan hakparenteserna"),
    ("link to it from a page on the same subject, or from its section's text (_index.md)", "länka hit från en sida om samma ämne, eller från avsnittets text (_index.md)"),
    ("rename one of them or give it another `slug:`; URLs ignore case and turn å/ä/ö into a/a/o", "byt namn på en av dem eller ge den en annan `slug:`; adresser skiljer inte på stora och små bokstäver och gör å/ä/ö till a/a/o"),
    ("save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)", "spara filen som UTF-8 (i de flesta program: Spara som… → Kodning: UTF-8)"),
    ("save the file as UTF-8; text pasted from other programs may carry another encoding", "spara filen som UTF-8; text som klistrats in från andra program kan ha en annan kodning"),
    ("review the document and set a new date, or revise it", "se över dokumentet och sätt ett nytt datum, eller revidera det"),
    ("write it as registry, year and number, e.g. `dnr: KS 2023/474`", "skriv diarienumret som registratur, år och nummer, till exempel `dnr: KS 2023/474`"),
    ("check the template syntax and the variable names in the theme README (themes/default/README.md)", "kontrollera mallens syntax och variabelnamnen i temats README (themes/default/README.md)"),
    ("start the file with a front matter block:\n  ---\n  title: Sidans rubrik\n  ---", "börja filen med ett metadatablock:\n  ---\n  title: Sidans rubrik\n  ---"),
    ("give the page a title", "ge sidan en rubrik"),
    ("write `draft: true` or `draft: false`", "skriv `draft: true` eller `draft: false`"),
    ("write `search: false` to keep the page out of the search", "skriv `search: false` för att hålla sidan utanför sökningen"),
    ("write e.g. `weight: 10`; lower numbers come first", "skriv till exempel `weight: 10`; lägre tal kommer först"),
    ("check the dates: a document is adopted, revised, valid and reviewed after it was drawn up (established) and adopted", "kontrollera datumen: ett dokument antas, revideras, gäller och ses över efter att det upprättats och antagits"),
];

/// The diagnostic in `lang`: message and hint from the catalogue.
pub fn translate(d: &Diagnostic, lang: Lang) -> Diagnostic {
    let mut out = d.clone();
    (out.message, out.hint) = d.render(lang);
    out
}

/// English text of a message not yet in [`crate::messages`], in `lang` where the old
/// pattern list knows it.
pub fn legacy(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => text.to_string(),
        Lang::Sv => translate_text(text),
    }
}

fn translate_text(text: &str) -> String {
    CATALOG
        .iter()
        .find_map(|(en, sv)| matches(en, text).map(|values| fill(sv, &values)))
        .unwrap_or_else(|| text.to_string())
}

/// The values standing for `{}` when `text` fits `pattern`.
fn matches(pattern: &str, text: &str) -> Option<Vec<String>> {
    let pieces: Vec<&str> = pattern.split("{}").collect();
    let mut rest = text.strip_prefix(pieces[0])?;
    let mut values = Vec::new();
    for (i, piece) in pieces.iter().enumerate().skip(1) {
        let last = i == pieces.len() - 1;
        let at = if last {
            if !rest.ends_with(piece) {
                return None;
            }
            rest.len() - piece.len()
        } else if piece.is_empty() {
            return None;
        } else {
            rest.find(piece)?
        };
        values.push(rest[..at].to_string());
        rest = &rest[at + piece.len()..];
    }
    (pieces.len() > 1 || rest.is_empty()).then_some(values)
}

fn fill(pattern: &str, values: &[String]) -> String {
    let mut out = String::new();
    for (i, piece) in pattern.split("{}").enumerate() {
        if i > 0 {
            out.push_str(values.get(i - 1).map_or("", String::as_str));
        }
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_english_pattern_is_in_the_catalogue_once() {
        // The first match wins: a second entry for the same English text is never used.
        let mut seen = std::collections::HashSet::new();
        for (english, _) in CATALOG {
            assert!(seen.insert(english), "twice in the catalogue: {english:?}");
        }
    }

    #[test]
    fn patterns_translate_with_their_values() {
        let d = Diagnostic::error("unknown front matter field `titel`")
            .with_hint("did you mean `title`? (free fields go under `extra:`)");
        let sv = translate(&d, Lang::Sv);
        assert_eq!(sv.message, "okänt fält `titel` i metadatablocket");
        assert_eq!(
            sv.hint.as_deref(),
            Some("menade du `title`? (egna fält skrivs under `extra:`)")
        );
        assert_eq!(translate(&d, Lang::En), d);
        let link = Diagnostic::error(
            "the link `a.md#x` points to the heading `#x`, which does not exist in content/a.md",
        );
        assert_eq!(
            translate(&link, Lang::Sv).message,
            "länken `a.md#x` pekar på rubriken `#x`, som inte finns i content/a.md"
        );
        let unknown = Diagnostic::error("something new");
        assert_eq!(translate(&unknown, Lang::Sv).message, "something new");
    }

    #[test]
    fn raw_html_and_file_system_messages_are_swedish() {
        let sv = |message: &str, hint: &str| {
            let d = translate(&Diagnostic::warning(message).with_hint(hint), Lang::Sv);
            (d.message, d.hint.unwrap_or_default())
        };
        let (message, hint) = sv(
            "raw HTML: the element `<marquee>` was removed",
            crate::markdown::raw_html::SANITIZE_HINT,
        );
        assert_eq!(message, "rå HTML: elementet `<marquee>` togs bort");
        assert!(hint.starts_with("skript, händelsehanterare"), "{hint}");
        let (message, _) = sv("raw HTML: `onclick` on `<div>` was removed", "");
        assert_eq!(message, "rå HTML: `onclick` på `<div>` togs bort");
        let (message, hint) = sv(
            "the heading attribute `onclick` is not allowed and was removed",
            crate::markdown::raw_html::HEADING_HINT,
        );
        assert_eq!(
            message,
            "rubrikattributet `onclick` är inte tillåtet och togs bort"
        );
        assert_eq!(hint, "skriv bara {#id} och {.class} efter en rubrik");
        let read = crate::error::io_diagnostic(
            "cannot read",
            std::path::Path::new("handbok.yaml"),
            &std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        assert_eq!(
            translate(&read, Lang::Sv).hint.as_deref(),
            Some("kontrollera att filen finns och att du har behörighet att läsa den")
        );
    }
}

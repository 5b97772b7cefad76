//! What the bundled handbook says around the source documents: labels, glue text and links must
//! claim no more than the five seed documents say.
//!
//! - document labels use the documents' own terms (upprättad, not antagen; the internal
//!   consultation response is a tjänsteskrivelse, never a styrdokument);
//! - glue text does not tie the documents together as one municipality's system, and the
//!   accessibility statement names no organisation or contact that no source gives;
//! - the action plan page keeps the document's order and says once why numbers are missing and
//!   items repeat;
//! - every case article page shows the source's own link text and says what the source does not;
//! - the glossary explains every abbreviation the handbook uses, and every entry is used;
//! - the cross-links a reader expects between related parts exist;
//! - the interface's Swedish.
//!
//! Expected texts below are literal data from the seed documents.

mod bundled;

use std::collections::BTreeSet;
use std::process::Command;

use bundled::*;
use scraper::Html;

const NSH: &str = "natverken/social-hallbarhet/index.html";
const NEH: &str = "natverken/ekologisk-hallbarhet/index.html";
const UPPDRAG: &str = "natverken/uppdragsbeskrivning/index.html";
const STYRGRUPP: &str = "styrgrupp/anvisningar/index.html";
const REMISS: &str = "strategi/internremiss/index.html";
const PLAN: &str = "handlingsplaner/socialnamnden/index.html";
const START: &str = "index.html";
const ORDLISTA_SIDA: &str = "ordlista/index.html";
const REVIEW: &str = "dokument-att-se-over/index.html";
const A11Y: &str = "tillganglighetsredogorelse/index.html";
const BIOGAS: &str = "exempel/biogas-ger-hallbara-transporter-i-norra-sverige/index.html";
const PLANERING: &str = "exempel/krav-pa-hallbar-utveckling-i-planeringsprocessen/index.html";
const LIT: &str = "exempel/samlingspunkten-for-den-sociala-ekonomin-i-lit/index.html";
const CHEFER: &str = "exempel/chefer-lar-av-varandra/index.html";
const NORDEUROPA: &str = "exempel/hallbaraste-staden-i-norra-europa/index.html";
const NORDBALT: &str =
    "exempel/nordiska-och-baltiska-kommuner-driver-pa-hallbar-utveckling/index.html";

/// Each case article (slug) and the link text that follows its ingress in the source.
const LANKTEXTER: &[(&str, &str)] = &[
    (
        "ledningssystem-strukturerar-arbetet-med-hallbar-utveckling",
        "Läs mer om ledningssystem för hållbar utveckling »",
    ),
    (
        "krav-pa-hallbar-utveckling-i-planeringsprocessen",
        "Läs mer om hur man kan använda översiksplanen i arbetet med hållbar utveckling »",
    ),
    (
        "biogas-ger-hallbara-transporter-i-norra-sverige",
        "Läs artikel om biogasanläggningen och biogas som ger hållbara transportlösningar i norra Sverige »",
    ),
    (
        "i-kungalv-forsvinner-forvaltningscheferna-for-kommunens-basta",
        "Läs mer om hur man spränger stuprören i Kungälv »",
    ),
    (
        "lyckad-modell-i-vaxjo-minskar-socialbidragsberoendet",
        "Läs mer om omorganistationen i Växjö »",
    ),
    (
        "chefer-lar-av-varandra",
        "Läs mer om chefsutbildning i Östersund »",
    ),
    (
        "samlingspunkten-for-den-sociala-ekonomin-i-lit",
        "Läs mer kooperativet i Lit »",
    ),
    (
        "ny-plan-for-hallbar-utveckling-i-helsingborg",
        "Läs om Helsinborgs plan för hållbar utveckling »",
    ),
    (
        "hallbaraste-staden-i-norra-europa",
        "Läs mer om de nordiska och baltiska kommunernas samarbete »",
    ),
    (
        "rattsociologen-som-vill-ta-sverigedemokraterna-pa-allvar",
        "Läs artikel om att ta Sverigedemokraterna på allvar »",
    ),
    (
        "alla-med-och-formar-framtiden-i-malmos-vision",
        "Läs artikel om Malmös vision »",
    ),
    (
        "radslag-med-kommuninvanarna-for-demokratins-skull",
        "Läs artikel om rådslag i Sigtuna »",
    ),
    (
        "bashe-och-teffik-okar-trivseln-i-vivalla",
        "Läs artikel om Vivalla »",
    ),
    (
        "ingen-forvaltning-ska-ha-frisedel-fran-social-hallbarhet",
        "Läs artikel om social hållbarhet i Timrå »",
    ),
    (
        "ny-skrift-gor-din-kommun-hallbar",
        "Läs artikel och ladda ner eller beställ hela skriften Gör din kommun hållbar »",
    ),
    ("botkyrka-har-hittat-vagen", "Läs artikel om Botkyrka »"),
    ("valfard-for-alla-i-malmo", "Läs artikel om välfärd i Malmö »"),
    (
        "kommunerna-som-granskar-varandras-hallbarhet",
        "Läs artikel om kommunerna som granskar varandra »",
    ),
    (
        "nordiska-och-baltiska-kommuner-driver-pa-hallbar-utveckling",
        "Läs artikel om nordiskt och baltiskt samarbete »",
    ),
    (
        "oronen-oppna-mot-medborgarna-i-helsingborg",
        "Läs artikel om Medborgarutskott i Helsingborg »",
    ),
];

/// Cross-links added where the documents support the connection: (from, to, id or None).
const KORSLANKAR: &[(&str, &str, Option<&str>)] = &[
    // The remiss mentions internal consultation; the mandate lists "intern remiss / förankring".
    (REMISS, UPPDRAG, Some("punkter-som-kan-bli-aktuella")),
    (UPPDRAG, REMISS, None),
    // The remiss's four areas ↔ the action plan's focus areas on the same matters.
    (REMISS, PLAN, Some("fokusomrade-1")),
    (REMISS, PLAN, Some("fokusomrade-3")),
    (REMISS, PLAN, Some("fokusomrade-10-stallningstagande-5")),
    (REMISS, PLAN, Some("fokusomrade-11-stallningstagande-2")),
    (REMISS, PLAN, Some("fokusomrade-13")),
    (PLAN, REMISS, Some("tidigare-utvecklingsomraden")),
    // NEH's work areas ↔ climate (14), preparedness (15) and transport (5), biogas, planning.
    (NEH, PLAN, Some("fokusomrade-14")),
    (NEH, PLAN, Some("fokusomrade-15")),
    (NEH, PLAN, Some("fokusomrade-5")),
    (PLAN, NEH, Some("koldioxidmalet")),
    (PLAN, NEH, Some("klimat-och-energifragor")),
    (PLAN, NEH, Some("klimatanpassning")),
    (NEH, BIOGAS, None),
    (BIOGAS, NEH, Some("klimat-och-energifragor")),
    (NEH, PLANERING, None),
    (PLANERING, NEH, Some("exempel")),
    // NSH's civil-society and rural work areas ↔ the Lit example.
    (NSH, LIT, None),
    (LIT, NSH, Some("landsbygdsfragor")),
    (LIT, NSH, Some("samverkan-med-civilsamhallet")),
    // Focus area 17 (the Baltic Sea region) ↔ the Nordic and Baltic examples.
    (PLAN, NORDEUROPA, None),
    (PLAN, NORDBALT, None),
    (NORDEUROPA, PLAN, Some("fokusomrade-17-stallningstagande-2")),
    (NORDBALT, PLAN, Some("fokusomrade-17-stallningstagande-2")),
    // The steering group's guiding principles (learning from each other, managers) ↔ the example.
    (STYRGRUPP, CHEFER, None),
    (CHEFER, STYRGRUPP, Some("fyra-vagledande-principer")),
];

/// Glue phrases that tied the documents together as one municipality's system.
const FORBIDDEN_GLUE: &[&str] = &[
    "hör ihop med",
    "hänger ihop",
    "återges som i originalen",
    "nämndernas handlingsplaner",
    "Motala kommun",
    "checkas in",
    "Slutkod",
    "tvätta",
];

/// Abbreviations in the content that are not the documents' own and need no glossary entry.
const NOT_GLOSSARY: &[&str] = &["CSV"];

fn content_text(page: &str) -> String {
    text_of(own_text(&read_page(page)))
}

fn text_in(page: &str, selector: &str) -> String {
    let doc = read_page(page);
    let text = doc.select(&sel(selector)).map(text_of).collect::<Vec<_>>();
    text.join(" ")
}

#[test]
fn document_labels_use_the_documents_own_terms() {
    let styrgrupp = text_in(STYRGRUPP, ".document-control");
    for expected in ["Upprättad 2021-12-09", "Senast reviderad 2021-12-09"] {
        assert!(
            styrgrupp.contains(expected),
            "{STYRGRUPP}: document info lacks {expected:?}: {styrgrupp}"
        );
    }
    let remiss = text_in(REMISS, ".document-control");
    assert!(
        remiss.contains("Dokumenttyp Tjänsteskrivelse"),
        "{REMISS}: the remiss is not shown as a tjänsteskrivelse: {remiss}"
    );
    for page in content_pages().keys() {
        let info = text_in(page, ".document-control");
        assert!(
            !info.contains("Antagen") && !info.contains("Strategi"),
            "{page}: document info claims a decision or a strategy: {info}"
        );
    }
    let review = text_of(article(&read_page(REVIEW)));
    assert!(
        review.contains("Internremiss") && !review.to_lowercase().contains("styrdokument"),
        "{REVIEW} calls the remiss a styrdokument, or does not list it: {review}"
    );
}

#[test]
fn glue_text_does_not_tie_the_documents_together() {
    let mut found = Vec::new();
    for page in content_pages().keys().map(String::as_str).chain([A11Y]) {
        let text = text_of(article(&read_page(page)));
        for phrase in FORBIDDEN_GLUE {
            if text.to_lowercase().contains(&phrase.to_lowercase()) {
                found.push(format!("{page}: {phrase:?}"));
            }
        }
        // Only the steering group's instructions name Motala; the start page says so.
        if text.contains("Motala") && page != STYRGRUPP && page != START {
            found.push(format!("{page}: names Motala"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    let start = content_text(START);
    assert!(
        start.contains("bara några av dem säger vems de är")
            || start.contains("säger olika mycket om vems de är"),
        "the start page does not say whose the documents are: {start}"
    );
}

#[test]
fn accessibility_statement_invents_no_organisation_or_contact() {
    let text = text_of(article(&read_page(A11Y)));
    assert!(
        !text.contains("kontakta oss"),
        "{A11Y} says 'kontakta oss' without a contact: {text}"
    );
    assert!(
        text.contains("Digg"),
        "{A11Y} does not say how to report a problem until a contact is filled in: {text}"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_handbok"))
        .arg("check")
        .arg("--root")
        .arg(manifest_dir())
        .output()
        .expect("run handbok check");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    for key in ["organisation", "contact"] {
        assert!(
            stderr.contains(&format!("`{key}")) || stderr.contains(&format!("{key}:")),
            "no warning about the empty accessibility `{key}`:\n{stderr}"
        );
    }
}

/// Position of `needle` in the page's own text, failing with the page name.
fn position(page: &str, text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{page}: {needle:?} not found in {text}"))
}

#[test]
fn action_plan_page_keeps_the_documents_order() {
    let doc = read_page(PLAN);
    let html = doc.root_element().html();
    let first_area = position(PLAN, &html, "id=\"fokusomrade-1\"");
    let last_item = position(PLAN, &html, "id=\"fokusomrade-17-aktivitet-1\"");
    let closing = position(
        PLAN,
        &html,
        "Här kan du läsa socialnämndens handlingsplan i sin helhet.",
    );
    let editorial = position(PLAN, &html, "id=\"kopplingar\"");
    assert!(
        first_area < last_item && last_item < closing && closing < editorial,
        "{PLAN}: expected focus areas, then the document's closing line, then editorial links"
    );
    // No link to another page stands between the page's start and the first focus area.
    let content = html
        .find("<!-- handbok:content -->")
        .expect("content marker");
    let before = &html[content..first_area];
    assert!(
        !before.contains("href=\"../"),
        "{PLAN}: editorial links above the plan: {before}"
    );
}

#[test]
fn action_plan_page_says_once_why_numbers_are_missing_and_items_repeat() {
    let note = text_in(PLAN, ".plan-note");
    assert!(
        note.contains("4, 6, 8, 9 och 12"),
        "{PLAN}: the note does not name the missing focus areas: {note:?}"
    );
    assert!(
        note.contains("5, 7, 10, 11 och 14"),
        "{PLAN}: the note does not name the focus areas with repeated items: {note:?}"
    );
    let notes = read_page(PLAN).select(&sel(".plan-note")).count();
    assert_eq!(notes, 1, "{PLAN}: the note must be said once");
}

#[test]
fn every_article_page_shows_the_sources_link_text_and_what_it_lacks() {
    let mut problems = Vec::new();
    for (slug, link_text) in LANKTEXTER {
        let page = format!("exempel/{slug}/index.html");
        let text = content_text(&page);
        if !text.contains(&format!("”{link_text}”")) {
            problems.push(format!("{page}: lacks the link text {link_text:?}"));
        }
        if !text.contains("bara artikelns ingress") || !text.contains("var eller när") {
            problems.push(format!(
                "{page}: does not say it holds only the ingress: {text}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let articles = content_pages()
        .keys()
        .filter(|p| p.starts_with("exempel/") && *p != "exempel/index.html")
        .count();
    assert_eq!(articles, LANKTEXTER.len(), "an article without link text");
}

/// Glossary terms from ordlista.yaml (`- term: "X"` lines).
fn glossary_terms() -> Vec<String> {
    let yaml = std::fs::read_to_string(manifest_dir().join("ordlista.yaml")).expect("ordlista");
    yaml.lines()
        .filter_map(|l| l.trim().strip_prefix("- term:"))
        .map(|t| t.trim().trim_matches('"').to_owned())
        .collect()
}

/// The words of a content page's own text. A link to the glossary counts only when its
/// text is the term itself (the term used in a sentence, linked to its explanation); a
/// "see the glossary" link is not a use of the term.
fn words_used(page: &str, terms: &[String]) -> BTreeSet<String> {
    let doc = read_page(page);
    let mut html = own_text(&doc).html();
    for link in own_text(&doc).select(&sel("a[href*=\"ordlista\"]")) {
        let text = text_of(link);
        let keep = if terms.contains(&text) {
            text
        } else {
            " ".to_string()
        };
        html = html.replace(&link.html(), &keep);
    }
    let text = text_of(Html::parse_fragment(&html).root_element());
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !word.chars().all(|c| c.is_ascii_digit())
}

#[test]
fn glossary_explains_every_abbreviation_and_every_entry_is_used() {
    let terms = glossary_terms();
    assert!(terms.len() >= 8, "glossary read wrongly: {terms:?}");
    let mut used = BTreeSet::new();
    let mut acronyms = BTreeSet::new();
    for page in content_pages().keys() {
        if page == ORDLISTA_SIDA || page.starts_with("redaktorsguide/") {
            continue;
        }
        let words = words_used(page, &terms);
        acronyms.extend(
            words
                .iter()
                .filter(|w| is_acronym(w))
                .map(|w| (w.clone(), page.clone())),
        );
        used.extend(words);
    }
    let unused: Vec<_> = terms.iter().filter(|t| !used.contains(*t)).collect();
    assert!(
        unused.is_empty(),
        "glossary entries that no content page uses: {unused:?}"
    );
    let unexplained: Vec<_> = acronyms
        .iter()
        .filter(|(w, _)| !terms.contains(w) && !NOT_GLOSSARY.contains(&w.as_str()))
        .collect();
    assert!(
        unexplained.is_empty(),
        "abbreviations used but not in the glossary: {unexplained:?}"
    );
    let ksbsh = text_of(article(&read_page(ORDLISTA_SIDA)));
    assert!(
        ksbsh.contains("KSBSH – Kommunstyrelseberedningen social hållbarhet"),
        "KSBSH is not explained with the steering group's own words: {ksbsh}"
    );
}

#[test]
fn cross_links_between_related_parts_exist() {
    let mut missing = Vec::new();
    for &(from, to, fragment) in KORSLANKAR {
        let doc = read_page(from);
        let found = links_in(from, own_text(&doc))
            .iter()
            .any(|(t, f)| t == to && (fragment.is_none() || f.as_deref() == fragment));
        if !found {
            missing.push(format!("{from} → {to}#{}", fragment.unwrap_or("")));
        }
    }
    assert!(
        missing.is_empty(),
        "missing cross-links:\n{}",
        missing.join("\n")
    );
}

#[test]
fn interface_swedish_reads_naturally() {
    let moved = text_of(read_page("redaktorsguide/sidhuvud/index.html").root_element());
    assert!(
        moved.contains("Sidan har flyttats"),
        "the old guide address does not say the page has moved: {moved}"
    );
    let focus = text_of(article(&read_page(
        "handlingsplaner/fokusomraden/7-jamlikhet-och-jamstalldhet/index.html",
    )));
    assert!(
        focus.contains("Fokusområde 7 i Handlingsplan för hållbarhet: socialnämnden")
            && !focus.contains("i handlingsplanen Handlingsplan"),
        "focus-area page wording: {focus}"
    );
    let search = text_of(article(&read_page("sok/index.html")));
    assert!(!search.contains("Pil ned flyttar"), "search hint: {search}");
    let guide = content_text("redaktorsguide/metadata/index.html");
    assert!(
        guide.contains("Metadatablocket") || guide.contains("metadatablocket"),
        "the guide's name for front matter: {guide}"
    );
    for page in content_pages().keys() {
        let text = text_of(article(&read_page(page)));
        assert!(
            !text.to_lowercase().contains("sidhuvud"),
            "{page} calls front matter 'sidhuvud', the visible page header's name"
        );
    }
}

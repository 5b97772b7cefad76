//! The bundled handbook (`handbok.yaml`, `content/`, `templates/` at the crate root) is built with
//! the real binary, and the output is checked against the seed documents:
//!
//! - every focus area of socialnämndens handlingsplan, with all its positions and activities;
//! - every work area of NSH and NEH, every section of the mandate and of the steering-group
//!   instructions, the remiss sections and every case-study article;
//! - every content page is reachable from the start page, and links to another content page;
//! - the cross-links between networks, steering group, action plan, remiss and examples exist;
//! - every internal link on a content page points to an existing file and id.
//!
//! The expected lists below are literal data taken from the seed documents, so that dropping a
//! page, a heading id or an item makes this test fail.

mod bundled;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use bundled::*;

// ---------------------------------------------------------------------------------------------
// Expected data, from the seed documents.
// ---------------------------------------------------------------------------------------------

/// Handlingsplan för hållbarhet: socialnämnden — (number, name, positions, activities).
const FOKUSOMRADEN: &[(u32, &str, usize, usize)] = &[
    (1, "Hållbarhet i arbetsmarknad och näringsliv", 3, 4),
    (2, "Hållbara offentliga inköp", 1, 1),
    (3, "Kunskap, livslångt lärande och utbildning", 2, 3),
    (5, "Hållbar transportinfrastruktur och resande", 1, 1),
    (7, "Jämlikhet och jämställdhet", 6, 7),
    (10, "Hälsa och välbefinnande", 7, 10),
    (11, "Trygghet och samhällsgemenskap", 4, 9),
    (13, "Hållbar kultur, friluftsliv och turism", 1, 1),
    (14, "Minskad klimatpåverkan", 2, 2),
    (15, "Resilient samhälle och god beredskap", 2, 1),
    (
        16,
        "Cirkulär ekonomi, hållbar produktion och konsumtion",
        1,
        1,
    ),
    (17, "Partnerskap och samverkan", 2, 1),
];

/// Items of the action plan that must be present by id, with a piece of their text.
const HANDLINGSPLAN_PUNKTER: &[(&str, &str)] = &[
    (
        "fokusomrade-7-stallningstagande-1",
        "Verka för en ökad ekonomisk och social sammanhållning",
    ),
    // The seed repeats this position: both copies stay.
    (
        "fokusomrade-7-stallningstagande-2",
        "Verka för en ökad ekonomisk och social sammanhållning",
    ),
    (
        "fokusomrade-7-stallningstagande-4",
        "minska risk för våld i nära relation",
    ),
    (
        "fokusomrade-7-aktivitet-7",
        "Samordning av ärende avseende Våld i nära relationer",
    ),
    (
        "fokusomrade-10-stallningstagande-3",
        "Aktivt förebygga beroendeproblematik",
    ),
    (
        "fokusomrade-10-aktivitet-1",
        "Äldre kvinnor och män ska inte besväras av otrygghet",
    ),
    (
        "fokusomrade-11-aktivitet-1",
        "Äldre kvinnor och män ska inte besväras av otrygghet",
    ),
    ("fokusomrade-3-aktivitet-1", "BUP"),
    ("fokusomrade-17-stallningstagande-1", "Sösk-samarbete"),
];

/// Nätverk för social hållbarhet (NSH): work areas (id, heading text).
const NSH_OMRADEN: &[(&str, &str)] = &[
    (
        "cemr-och-jamstalldhetsintegrering",
        "Implementering av CEMR-deklarationen och kommunens jämställdhetsintegrering",
    ),
    (
        "manskliga-rattigheter",
        "Mänskliga rättigheter och rättighetsfrågor kopplade till diskrimineringsgrunderna",
    ),
    ("landsbygdsfragor", "Landsbygdsfrågor"),
    (
        "samverkan-med-civilsamhallet",
        "Samordning av kommunens samverkan med civilsamhället",
    ),
    ("folkhalsofragor", "Folkhälsofrågor"),
    ("nationella-minoriteter", "Nationella minoriteter"),
    ("barnkonventionen", "Barnkonventionen, barnperspektiv"),
    ("arbetet-mot-segregation", "Arbetet mot segregation"),
    ("andts", "ANDTS"),
    ("valdsforebyggande-arbete", "Våldsförebyggande arbete"),
];

/// Nätverk för ekologisk hållbarhet (NEH): work areas (id, heading text).
const NEH_OMRADEN: &[(&str, &str)] = &[
    ("koldioxidmalet", "Koldioxidmålet"),
    ("klimat-och-energifragor", "Klimat- och energifrågor"),
    ("giftfri-miljo", "Giftfri miljö"),
    ("avfallsplan", "Avfallsplan"),
    ("klimatanpassning", "Klimatanpassning"),
    ("miljokommunikation", "Miljökommunikation"),
];

/// Nätverk för social och ekologisk hållbarhet – uppdragsbeskrivning: sections.
const UPPDRAG_AVSNITT: &[(&str, &str)] = &[
    ("bakgrund", "Bakgrund"),
    ("syfte", "Syfte"),
    ("form-och-struktur", "Form och struktur"),
    (
        "forvantningar-pa-forvaltningsdirektorer",
        "Förväntningar på förvaltningsdirektörer",
    ),
    (
        "forvantningar-pa-representanten",
        "Förväntningar på representanten",
    ),
    ("forvantningar-pa-natverket", "Förväntningar på nätverket"),
    (
        "punkter-som-kan-bli-aktuella",
        "Punkter som kan bli aktuella",
    ),
];

/// Gemensamma anvisningar styrgrupp social hållbarhet: sections and the four main areas.
const STYRGRUPP_AVSNITT: &[(&str, &str)] = &[
    ("inledning", "Inledning"),
    ("fyra-huvudomraden", "Fyra huvudområden"),
    ("folkhalsa", "Folkhälsa"),
    (
        "jamlikhet-och-manskliga-rattigheter",
        "Jämlikhet och Mänskliga rättigheter",
    ),
    (
        "jamstalldhet-och-vald-i-nara-relationer",
        "Jämställdhet och våld i nära relationer",
    ),
    (
        "integration-och-minskad-segregation",
        "Integration och minskad segregation",
    ),
    ("malbild", "Målbild"),
    ("syfte", "Syfte"),
    ("fyra-vagledande-principer", "Fyra vägledande principer"),
    ("uppdrag", "Uppdrag"),
    ("ansvar", "Ansvar"),
    ("mandat", "Mandat"),
    ("medlemmar", "Medlemmar"),
];

/// Internremiss, Strategi för social hållbarhet 2024-2030: sections.
const REMISS_AVSNITT: &[(&str, &str)] = &[
    ("sammanfattning", "Sammanfattning"),
    ("beslutsunderlag", "Beslutsunderlag"),
    ("forslag-till-beslut", "förslag till beslut"),
    ("beslutet-skickas-till", "Beslutet skickas till"),
    ("arendet", "Ärendet"),
    (
        "tidigare-utvecklingsomraden",
        "tidigare utvecklingsområdena",
    ),
    ("forvaltningens-stallningstagande", "ställningstagande"),
];

/// Texts of the remiss that must survive: decision references and the four new areas.
const REMISS_TEXTER: &[&str] = &[
    "22 maj 2023",
    "§ 134",
    "KS 2023/474",
    "Föräldrastöd inryms i området ”Stöd och relationer genom livet”",
    "Samverkan kring barn och ungas lärande ingår i området ”Utbildning och sysselsättning”",
    "En meningsfull fritid föreslås bli ”Meningsfull fritid och goda levnadsvanor”",
    "Arbete åt alla och god framtidstro ingår i området ”Utbildning och sysselsättning”",
    "Hållbara livsmiljöer föreslås bli ”Boende och närmiljö”",
    "Lyssna på barn och unga inryms i det övergripande hållbarhetsmålet",
    "att översända yttrandet till kommunstyrelsen som eget yttrande i ärendet",
    "Tekniska serviceförvaltningen ser positivt på att man underlättar målarbetet i stort",
];

/// Verktyg och arbetsmetoder för lokal hållbar utveckling: every article title.
const EXEMPEL: &[&str] = &[
    "Ledningssystem strukturerar arbetet med hållbar utveckling",
    "Krav på hållbar utveckling i planeringsprocessen",
    "Biogas ger hållbara transporter i norra Sverige",
    "I Kungälv försvinner förvaltningscheferna för kommunens bästa",
    "Lyckad modell i Växjö minskar socialbidragsberoendet",
    "Chefer lär av varandra",
    "Samlingspunkten för den sociala ekonomin i Lit",
    "Ny plan för hållbar utveckling i Helsingborg",
    "Hållbaraste staden i norra Europa?",
    "Rättsociologen som vill ta Sverigedemokraterna på allvar",
    "Alla med och formar framtiden i Malmös vision",
    "Rådslag med kommuninvånarna för demokratins skull",
    "Bashe och Teffik ökar trivseln i Vivalla",
    "Ingen förvaltning ska ha frisedel från social hållbarhet",
    "Ny skrift: Gör din kommun hållbar!",
    "Botkyrka har hittat vägen",
    "Välfärd för alla i Malmö",
    "Kommunerna som granskar varandras hållbarhet",
    "Nordiska och baltiska kommuner driver på hållbar utveckling",
    "Öronen öppna mot medborgarna i Helsingborg",
];

/// Municipality (or place) of each example that names one: (term URL slug, example page slug).
const EXEMPEL_KOMMUN: &[(&str, &str)] = &[
    (
        "skelleftea",
        "biogas-ger-hallbara-transporter-i-norra-sverige",
    ),
    (
        "kungalv",
        "i-kungalv-forsvinner-forvaltningscheferna-for-kommunens-basta",
    ),
    (
        "vaxjo",
        "lyckad-modell-i-vaxjo-minskar-socialbidragsberoendet",
    ),
    ("ostersund", "chefer-lar-av-varandra"),
    ("lit", "samlingspunkten-for-den-sociala-ekonomin-i-lit"),
    (
        "helsingborg",
        "ny-plan-for-hallbar-utveckling-i-helsingborg",
    ),
    ("helsingborg", "oronen-oppna-mot-medborgarna-i-helsingborg"),
    (
        "landskrona",
        "rattsociologen-som-vill-ta-sverigedemokraterna-pa-allvar",
    ),
    ("malmo", "alla-med-och-formar-framtiden-i-malmos-vision"),
    ("malmo", "valfard-for-alla-i-malmo"),
    (
        "sigtuna",
        "radslag-med-kommuninvanarna-for-demokratins-skull",
    ),
    ("orebro", "bashe-och-teffik-okar-trivseln-i-vivalla"),
    (
        "timra",
        "ingen-forvaltning-ska-ha-frisedel-fran-social-hallbarhet",
    ),
    ("botkyrka", "botkyrka-har-hittat-vagen"),
];

/// Glossary ids.
const ORDLISTA: &[&str] = &[
    "andts", "bup", "cemr", "ggr", "ks", "ksbsh", "neh", "nsh", "sosk",
];

const NSH: &str = "natverken/social-hallbarhet/index.html";
const NEH: &str = "natverken/ekologisk-hallbarhet/index.html";
const UPPDRAG: &str = "natverken/uppdragsbeskrivning/index.html";
const STYRGRUPP: &str = "styrgrupp/anvisningar/index.html";
const REMISS: &str = "strategi/internremiss/index.html";
const PLAN: &str = "handlingsplaner/socialnamnden/index.html";
const ORDLISTA_SIDA: &str = "ordlista/index.html";
const MALMO: &str = "exempel/alla-med-och-formar-framtiden-i-malmos-vision/index.html";
const LANDSKRONA: &str =
    "exempel/rattsociologen-som-vill-ta-sverigedemokraterna-pa-allvar/index.html";

/// Required cross-links: (from page, to page, to id or None for the page itself).
const KORSLANKAR: &[(&str, &str, Option<&str>)] = &[
    // Våldsförebyggande arbete ↔ Jämställdhet och våld i nära relationer ↔ fokusområde 7.
    (
        NSH,
        STYRGRUPP,
        Some("jamstalldhet-och-vald-i-nara-relationer"),
    ),
    (NSH, PLAN, Some("fokusomrade-7-aktivitet-7")),
    (STYRGRUPP, NSH, Some("valdsforebyggande-arbete")),
    (STYRGRUPP, PLAN, Some("fokusomrade-7-aktivitet-7")),
    (PLAN, NSH, Some("valdsforebyggande-arbete")),
    (
        PLAN,
        STYRGRUPP,
        Some("jamstalldhet-och-vald-i-nara-relationer"),
    ),
    // Folkhälsofrågor ↔ Folkhälsa ↔ fokusområde 10.
    (NSH, STYRGRUPP, Some("folkhalsa")),
    (NSH, PLAN, Some("fokusomrade-10")),
    (STYRGRUPP, NSH, Some("folkhalsofragor")),
    (STYRGRUPP, PLAN, Some("fokusomrade-10")),
    (PLAN, NSH, Some("folkhalsofragor")),
    (PLAN, STYRGRUPP, Some("folkhalsa")),
    // Arbetet mot segregation ↔ Integration och minskad segregation ↔ Malmö and Landskrona.
    (NSH, STYRGRUPP, Some("integration-och-minskad-segregation")),
    (NSH, MALMO, None),
    (NSH, LANDSKRONA, None),
    (STYRGRUPP, NSH, Some("arbetet-mot-segregation")),
    (STYRGRUPP, MALMO, None),
    (STYRGRUPP, LANDSKRONA, None),
    (MALMO, NSH, Some("arbetet-mot-segregation")),
    (
        MALMO,
        STYRGRUPP,
        Some("integration-och-minskad-segregation"),
    ),
    (LANDSKRONA, NSH, Some("arbetet-mot-segregation")),
    (
        LANDSKRONA,
        STYRGRUPP,
        Some("integration-och-minskad-segregation"),
    ),
    // The mandate ↔ the network pages.
    (UPPDRAG, NSH, None),
    (UPPDRAG, NEH, None),
    (NSH, UPPDRAG, None),
    (NEH, UPPDRAG, None),
];

// ---------------------------------------------------------------------------------------------
// Tests.
// ---------------------------------------------------------------------------------------------

fn assert_ids(page: &str, expected: &[(&str, &str)]) {
    let found = ids(&read_page(page));
    let mut missing = Vec::new();
    for (id, text) in expected {
        match found.get(*id) {
            Some(t) if t.contains(text) => {}
            Some(t) => missing.push(format!("#{id}: text {t:?} does not contain {text:?}")),
            None => missing.push(format!("#{id} missing")),
        }
    }
    assert!(missing.is_empty(), "{page}:\n{}", missing.join("\n"));
}

#[test]
fn every_focus_area_with_all_its_items_is_on_the_action_plan() {
    let found = ids(&read_page(PLAN));
    let mut problems = Vec::new();
    for &(nr, name, positions, activities) in FOKUSOMRADEN {
        let id = format!("fokusomrade-{nr}");
        match found.get(&id) {
            Some(t) if t.contains(&format!("{nr} {name}")) => {}
            other => problems.push(format!("#{id}: {other:?}, expected \"{nr} {name}\"")),
        }
        for (kind, count) in [("stallningstagande", positions), ("aktivitet", activities)] {
            for k in 1..=count + 1 {
                let item = format!("fokusomrade-{nr}-{kind}-{k}");
                let present = found.get(&item).is_some_and(|t| !t.is_empty());
                if present != (k <= count) {
                    problems.push(format!(
                        "#{item}: present={present}, expected {count} items"
                    ));
                }
            }
        }
    }
    for (id, text) in HANDLINGSPLAN_PUNKTER {
        if !found.get(*id).is_some_and(|t| t.contains(text)) {
            problems.push(format!(
                "#{id}: expected text {text:?}, found {:?}",
                found.get(*id)
            ));
        }
    }
    assert!(problems.is_empty(), "{PLAN}:\n{}", problems.join("\n"));
}

#[test]
fn every_network_work_area_has_its_anchor() {
    assert_ids(NSH, NSH_OMRADEN);
    assert_ids(NEH, NEH_OMRADEN);
}

#[test]
fn every_section_of_mandate_steering_group_and_remiss_has_its_anchor() {
    assert_ids(UPPDRAG, UPPDRAG_AVSNITT);
    assert_ids(STYRGRUPP, STYRGRUPP_AVSNITT);
    assert_ids(REMISS, REMISS_AVSNITT);
    let remiss = text_of(read_page(REMISS).root_element());
    let missing: Vec<_> = REMISS_TEXTER
        .iter()
        .filter(|t| !remiss.contains(**t))
        .collect();
    assert!(missing.is_empty(), "{REMISS} lacks {missing:?}");
    let styrgrupp = text_of(read_page(STYRGRUPP).root_element());
    assert!(
        styrgrupp.contains("2021-12-09"),
        "{STYRGRUPP} lacks its document dates"
    );
}

#[test]
fn every_case_study_article_has_its_own_page_listed_in_the_section() {
    let pages = content_pages();
    let h1 = sel("h1");
    let mut by_title = BTreeMap::new();
    for page in pages
        .keys()
        .filter(|p| p.starts_with("exempel/") && *p != "exempel/index.html")
    {
        let doc = read_page(page);
        let title = doc.select(&h1).next().map(text_of).unwrap_or_default();
        assert!(
            by_title.insert(title.clone(), page.clone()).is_none(),
            "two pages titled {title:?}"
        );
    }
    let listed: BTreeSet<String> = links_in(
        "exempel/index.html",
        article(&read_page("exempel/index.html")),
    )
    .into_iter()
    .map(|(p, _)| p)
    .collect();
    let mut problems = Vec::new();
    for title in EXEMPEL {
        match by_title.get(*title) {
            None => problems.push(format!("no page with h1 {title:?}")),
            Some(page) if !listed.contains(page) => {
                problems.push(format!("{page} not listed on exempel/"))
            }
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        by_title.len(),
        EXEMPEL.len(),
        "unexpected example pages: {:?}",
        by_title.keys()
    );
}

#[test]
fn every_example_is_listed_under_its_municipality() {
    let mut missing = Vec::new();
    for (kommun, slug) in EXEMPEL_KOMMUN {
        let term_page = format!("kommun/{kommun}/index.html");
        let page = format!("exempel/{slug}/index.html");
        if !public_dir().join(&term_page).is_file() {
            missing.push(format!("{term_page} does not exist"));
            continue;
        }
        let listed = links_in(&term_page, article(&read_page(&term_page)))
            .iter()
            .any(|(t, _)| *t == page);
        if !listed {
            missing.push(format!("{term_page} does not list {page}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_glossary_term_has_its_anchor() {
    let found = ids(&read_page(ORDLISTA_SIDA));
    let missing: Vec<_> = ORDLISTA
        .iter()
        .filter(|id| !found.contains_key(**id))
        .collect();
    assert!(missing.is_empty(), "{ORDLISTA_SIDA} lacks ids {missing:?}");
}

/// Issue 17: every marked glossary term in the handbook (`a.glossary`, the `<abbr>` links)
/// lands on its term's `<dt>` on the glossary page.
#[test]
fn every_glossary_link_lands_on_its_term() {
    let glossary = read_page(ORDLISTA_SIDA);
    let terms: BTreeSet<String> = glossary
        .select(&sel("dl.glossary > dt[id]"))
        .filter_map(|dt| dt.value().attr("id").map(str::to_string))
        .collect();
    assert_eq!(terms.len(), ORDLISTA.len(), "{terms:?}");
    let mut used = BTreeSet::new();
    let mut wrong = Vec::new();
    for page in content_pages().keys() {
        let doc = read_page(page);
        for a in doc.select(&sel("a.glossary")) {
            let href = a.value().attr("href").unwrap_or_default();
            match resolve(page, href) {
                Some((target, Some(id))) if target == ORDLISTA_SIDA && terms.contains(&id) => {
                    used.insert(id);
                }
                other => wrong.push(format!("{page}: {} → {other:?}", text_of(a))),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(used.len() >= 4, "few marked terms: {used:?}");
    // The letters to jump to are the terms' first letters, each with its target.
    let letters: Vec<String> = glossary
        .select(&sel("nav.glossary-letters a"))
        .map(text_of)
        .collect();
    assert_eq!(letters, ["A", "B", "C", "G", "K", "N", "S"]);
    let ids = ids(&glossary);
    for a in glossary.select(&sel("nav.glossary-letters a")) {
        let href = a.value().attr("href").unwrap_or_default();
        assert!(ids.contains_key(href.trim_start_matches('#')), "{href}");
    }
}

/// Issue 17: each focus area's page and the term page of the same focus area lead to each
/// other near the top; the matrix is in the sidebar, with breadcrumbs through the action
/// plans' section.
#[test]
fn focus_areas_and_their_term_pages_link_each_other() {
    for (number, name, _, _) in FOKUSOMRADEN {
        let slug = format!("{number}-{}", slug_of(name));
        let area = format!("handlingsplaner/fokusomraden/{slug}/index.html");
        let term = format!("fokusomrade/{slug}/index.html");
        if !public_dir().join(&term).is_file() {
            // No page carries this focus area as a term: nothing to link.
            let doc = read_page(&area);
            assert_eq!(doc.select(&sel(".see-also")).count(), 0, "{area}");
            continue;
        }
        let to_term = links_in(&area, first_of(&read_page(&area), &["article .see-also"]));
        assert_eq!(to_term, [(term.clone(), None)], "{area}");
        let to_area = links_in(&term, first_of(&read_page(&term), &["article .see-also"]));
        assert_eq!(to_area, [(area.clone(), None)], "{term}");
        let crumbs: Vec<String> =
            links_in(&area, first_of(&read_page(&area), &["nav.breadcrumbs"]))
                .into_iter()
                .map(|(t, _)| t)
                .collect();
        assert_eq!(
            crumbs,
            [
                "index.html",
                "handlingsplaner/index.html",
                "handlingsplaner/fokusomraden/index.html"
            ],
            "{area}"
        );
    }
    let matrix = read_page("handlingsplaner/fokusomraden/index.html");
    let crumbs: Vec<String> = matrix
        .select(&sel("nav.breadcrumbs li"))
        .map(text_of)
        .collect();
    assert_eq!(
        crumbs,
        [
            "Hållbarhetshandboken",
            "Handlingsplaner för hållbarhet",
            "Fokusområden i handlingsplanerna"
        ]
    );
    let current: Vec<String> = matrix
        .select(&sel("nav.sidebar a[aria-current=page]"))
        .map(text_of)
        .collect();
    assert_eq!(current, ["Fokusområden i handlingsplanerna"]);
    let from_plan = links_in(PLAN, first_of(&read_page(PLAN), &["nav.sidebar"]));
    assert!(
        from_plan.contains(&("handlingsplaner/fokusomraden/index.html".to_string(), None)),
        "the matrix is not in the sidebar of {PLAN}"
    );
}

/// A focus area's name as its URL segment ("Jämlikhet och jämställdhet" →
/// "jamlikhet-och-jamstalldhet").
fn slug_of(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[test]
fn every_content_page_is_reachable_from_the_start_page() {
    let pages = content_pages();
    let mut seen = BTreeSet::from(["index.html".to_owned()]);
    let mut queue = VecDeque::from(["index.html".to_owned()]);
    while let Some(page) = queue.pop_front() {
        let doc = read_page(&page);
        for (target, _) in links_in(&page, article(&doc)) {
            if public_dir().join(&target).is_file()
                && target.ends_with(".html")
                && seen.insert(target.clone())
            {
                queue.push_back(target);
            }
        }
    }
    let unreachable: Vec<_> = pages.keys().filter(|p| !seen.contains(*p)).collect();
    assert!(
        unreachable.is_empty(),
        "not reachable from the start page: {unreachable:?}"
    );
}

#[test]
fn every_content_page_links_to_another_content_page() {
    let pages = content_pages();
    let lonely: Vec<_> = pages
        .keys()
        .filter(|page| {
            let doc = read_page(page);
            !links_in(page, own_text(&doc))
                .iter()
                .any(|(t, _)| t != *page && pages.contains_key(t))
        })
        .collect();
    assert!(
        lonely.is_empty(),
        "content pages without a link to another content page: {lonely:?}"
    );
}

#[test]
fn every_internal_link_on_a_content_page_resolves() {
    let pages = content_pages();
    let mut id_cache: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut broken = Vec::new();
    for page in pages.keys() {
        let doc = read_page(page);
        for (target, fragment) in links_in(page, article(&doc)) {
            if !public_dir().join(&target).is_file() {
                broken.push(format!("{page} → {target}: no such file"));
                continue;
            }
            let Some(fragment) = fragment else { continue };
            if !target.ends_with(".html") {
                continue;
            }
            let target_ids = id_cache
                .entry(target.clone())
                .or_insert_with(|| ids(&read_page(&target)));
            if !target_ids.contains_key(&fragment) {
                broken.push(format!("{page} → {target}#{fragment}: no such id"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "broken internal links:\n{}",
        broken.join("\n")
    );
}

#[test]
fn required_cross_links_exist() {
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
fn resolve_handles_relative_root_and_fragment_links() {
    assert_eq!(
        resolve("a/b/index.html", "../c/"),
        Some(("a/c/index.html".into(), None))
    );
    assert_eq!(
        resolve("a/b/index.html", "#x"),
        Some(("a/b/index.html".into(), Some("x".into())))
    );
    assert_eq!(
        resolve("a/b/index.html", "/d/e/#y"),
        Some(("d/e/index.html".into(), Some("y".into())))
    );
    assert_eq!(
        resolve("index.html", "natverken/"),
        Some(("natverken/index.html".into(), None))
    );
    assert_eq!(
        resolve("a/index.html", "../style.css"),
        Some(("style.css".into(), None))
    );
    assert_eq!(resolve("a/index.html", "https://example.org/"), None);
    assert_eq!(resolve("a/index.html", "mailto:x@example.org"), None);
}

/// Issue 4: every content page shows breadcrumbs (but the start page), the sidebar with the
/// page marked current, backlinks (but the start page), and a table of contents exactly when
/// its text has three headings or more; every page that carries taxonomy terms shared with a
/// page it does not link to shows related pages.
#[test]
fn every_content_page_has_its_navigation() {
    let mut missing = Vec::new();
    let start = read_page("index.html");
    let cards: Vec<String> = start
        .select(&sel(".home .cards a"))
        .filter_map(|a| a.value().attr("href"))
        .map(|h| h.trim_start_matches("./").to_string())
        .collect();
    assert!(cards.len() >= 6, "the start page's cards: {cards:?}");
    for page in content_pages().keys() {
        let doc = read_page(page);
        let is_start = page == "index.html";
        let count = |s: &str| doc.select(&sel(s)).count();
        if !is_start && count("nav.breadcrumbs [aria-current=page]") != 1 {
            missing.push(format!("{page}: breadcrumbs"));
        }
        if !is_start && count("nav.sidebar a[aria-current=page]") != 1 {
            missing.push(format!("{page}: sidebar with the current page marked"));
        }
        // A top-level section is linked from the start page's cards, not from its text
        // (issue 17): its way in is the card.
        let on_card = cards.contains(&page.trim_end_matches("index.html").to_string());
        if !is_start && !on_card && count("section.backlinks li a") == 0 {
            missing.push(format!("{page}: backlinks"));
        }
        // The glossary's letter headings come from its template; its table of contents is
        // the row of letters.
        let headings = count("article .content h2, article .content h3, article .content h4")
            - count(".glossary-letter > h2");
        if !is_start && (headings >= 3) != (count("nav.toc") == 1) {
            missing.push(format!(
                "{page}: table of contents with {headings} headings"
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "missing navigation:\n{}",
        missing.join("\n")
    );
    // Related pages on the documents and examples that share terms with unlinked pages.
    // (NEH's page and the biogas example link every page that shares their terms, so they
    // have none left to list.)
    for page in [
        "natverken/social-hallbarhet/index.html",
        "styrgrupp/anvisningar/index.html",
        "strategi/internremiss/index.html",
        "handlingsplaner/socialnamnden/index.html",
        "exempel/bashe-och-teffik-okar-trivseln-i-vivalla/index.html",
        "exempel/krav-pa-hallbar-utveckling-i-planeringsprocessen/index.html",
    ] {
        let doc = read_page(page);
        assert!(
            doc.select(&sel("section.related li a")).count() > 0,
            "{page} has no related pages"
        );
    }
}

//! Entry points for the fuzz targets in `fuzz/` (run by `scripts/fuzz.sh`), for the
//! regression tests of what they found and for the CommonMark conformance test. Each takes raw input the way an editor could write
//! it and runs it through the real pipeline stage, in memory: no files are read or written.
//! Not a stable API.

use std::path::Path;

use crate::config::{Config, Overrides};
use crate::content::glossary::GlossaryTerm;
use crate::content::{frontmatter, Asset, Content, FrontMatter, Loaded, Source, SourceKind};
use crate::error::{Diagnostic, Error};
use crate::site::{self, governance, Site};

/// The configuration of the in-memory fuzz site: a taxonomy, a glossary and its page.
const SITE_CONFIG: &str =
    "title: Fuzz\nbase_url: /handbok/\ntaxonomies:\n  - name: tema\n  - name: fokusomrade\n\
     glossary:\n  file: ordlista.yaml\n  page: ordlista.md\n";

/// The fixed date builds compare review dates with, so that runs are reproducible.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default()
}

/// The configuration every fuzz entry point uses; `smart_punctuation` toggles the option.
pub fn site_config(smart_punctuation: bool) -> Config {
    let overrides = Overrides {
        today: Some(today()),
        ..Default::default()
    };
    let text = if smart_punctuation {
        format!("{SITE_CONFIG}markdown:\n  smart_punctuation: true\n")
    } else {
        SITE_CONFIG.to_string()
    };
    match Config::parse(Path::new("."), &text, &overrides) {
        Ok(config) => config,
        // The text above is fixed and valid; this arm only keeps the function total.
        Err(_) => Config::parse(Path::new("."), "title: Fuzz\n", &overrides)
            .unwrap_or_else(|_| unreachable!("a title-only configuration is valid")),
    }
}

/// Parses configuration text as `handbok.yaml`, and the same text as a glossary data file.
pub fn config(
    text: &str,
) -> (
    Result<Config, Error>,
    Result<Vec<GlossaryTerm>, Vec<Diagnostic>>,
) {
    let overrides = Overrides {
        today: Some(today()),
        ..Default::default()
    };
    let config = Config::parse(Path::new("."), text, &overrides);
    let glossary = crate::content::glossary::parse(text, "ordlista.yaml");
    (config, glossary)
}

/// Decodes, splits and validates a content file's bytes as `content/natverk/fuzz.md` would be.
/// When the front matter is valid, the page joins the fuzz site, which is then built and its
/// Markdown rendered, so that the typed blocks (`document:`, `action_plan:`, `meeting:`) reach
/// the review report, the focus-area matrix and the meeting links. Returns every diagnostic.
pub fn front_matter(bytes: &[u8]) -> Vec<Diagnostic> {
    let config = site_config(false);
    let text = match frontmatter::decode(bytes, Path::new("content/natverk/fuzz.md")) {
        Ok(text) => text,
        Err(d) => return vec![d],
    };
    let split = match frontmatter::split(&text) {
        Ok(split) => split,
        Err(d) => return vec![d],
    };
    let front = match frontmatter::parse(split.yaml, 1, &config) {
        Ok(front) => front,
        Err(ds) => return ds,
    };
    let mut page = source("natverk/fuzz.md", SourceKind::Page, front, split.body);
    page.source.body_line = split.body_line;
    build_and_render(config, page)
}

/// Renders `body` as the Markdown of a page in the fuzz site, with its links resolved
/// against the site (pages, sections, an asset, a draft, a file that failed to load),
/// glossary terms marked and anchors checked. `at_root` puts the page at the top of
/// `content/` instead of in a folder. Returns every diagnostic.
pub fn markdown(body: &str, smart_punctuation: bool, at_root: bool) -> Vec<Diagnostic> {
    let config = site_config(smart_punctuation);
    let rel = if at_root {
        "fuzz.md"
    } else {
        "natverk/fuzz.md"
    };
    let front = front("Fuzz");
    build_and_render(config, source(rel, SourceKind::Page, front, body))
}

/// Renders `body` as the Markdown of `natverk/fuzz.md` in the fuzz site, with the given
/// `markdown:` settings (YAML lines such as `raw_html: allow`) and a glossary of `terms`
/// instead of the fuzz site's own. Returns the page's HTML as the build would write it into
/// the article (`None` when the site did not build) and every diagnostic of the page.
pub fn render_page(
    body: &str,
    markdown_settings: &str,
    terms: &[&str],
) -> (Option<String>, Vec<Diagnostic>) {
    let overrides = Overrides {
        today: Some(today()),
        ..Default::default()
    };
    let settings: String = markdown_settings
        .lines()
        .map(|line| format!("  {line}\n"))
        .collect();
    let text = format!("{SITE_CONFIG}markdown:\n{settings}");
    let config = match Config::parse(Path::new("."), &text, &overrides) {
        Ok(config) => config,
        Err(e) => return (None, e.diagnostics()),
    };
    let rel = "natverk/fuzz.md";
    let mut content = site_content(source(rel, SourceKind::Page, front("Fuzz"), body));
    content.glossary = terms.iter().map(|t| glossary_term(t, t)).collect();
    let (site, mut texts) = match Site::build(config, content, Default::default(), &[], Vec::new())
    {
        Ok(built) => built,
        Err(e) => return (None, e.diagnostics()),
    };
    let (derived, problems) = site.render_markdown(&mut texts, None);
    let html = site
        .by_source
        .get(rel)
        .and_then(|&id| derived.bodies.get(id))
        .map(|body| body.html.clone());
    let own = problems
        .into_iter()
        .filter(|d| d.file.as_deref().is_none_or(|f| f.ends_with(rel)))
        .collect();
    (html, own)
}

fn build_and_render(config: Config, page: Loaded) -> Vec<Diagnostic> {
    let content = site_content(page);
    let mut diagnostics = Vec::new();
    let (site, mut texts) = match Site::build(config, content, Default::default(), &[], Vec::new())
    {
        Ok(built) => built,
        Err(e) => {
            diagnostics.extend(e.diagnostics());
            return diagnostics;
        }
    };
    let (derived, problems) = site.render_markdown(&mut texts, None);
    diagnostics.extend(problems);
    diagnostics.extend(governance::overdue_diagnostics(&site));
    let ids: Vec<Option<site::Ids>> = derived
        .bodies
        .iter()
        .map(|body| Some(site::html_ids(body.html.as_bytes())))
        .collect();
    diagnostics.extend(site::check_anchors(&site, &derived, &ids));
    diagnostics
}

fn front(title: &str) -> FrontMatter {
    FrontMatter {
        title: title.to_string(),
        extra: serde_json::Value::Object(Default::default()),
        ..Default::default()
    }
}

fn source(rel: &str, kind: SourceKind, front: FrontMatter, body: &str) -> Loaded {
    let source = Source {
        rel: rel.to_string(),
        kind,
        front,
        body_line: 4,
        implicit: false,
    };
    Loaded {
        source,
        text: body.to_string(),
    }
}

/// The fuzz site's content with `page` added.
fn site_content(page: Loaded) -> Content {
    let mut draft = front("Utkast");
    draft.draft = true;
    let mut network = front("Social hållbarhet");
    network.terms.insert("tema".into(), vec!["Klimat".into()]);
    let mut sources = vec![
        source(
            "_index.md",
            SourceKind::Section,
            front("Start"),
            "Välkommen.\n",
        ),
        source(
            "natverk/_index.md",
            SourceKind::Section,
            front("Nätverk"),
            "Se [sidan](social.md).\n",
        ),
        source(
            "natverk/social.md",
            SourceKind::Page,
            network,
            "## Mandat\n\n## Möten {#moten}\n\nNSH träffas.\n",
        ),
        source("natverk/utkast.md", SourceKind::Page, draft, "Inte klar.\n"),
        source(
            "bundle/index.md",
            SourceKind::Bundle,
            front("Bunt"),
            "![Karta](karta.png)\n",
        ),
        source(
            "ordlista.md",
            SourceKind::Page,
            front("Ordlista"),
            "## NSH\n",
        ),
    ];
    sources.retain(|s| s.source.rel != page.source.rel);
    sources.push(page);
    sources.sort_by(|a, b| a.source.rel.cmp(&b.source.rel));
    Content {
        sources,
        assets: vec![Asset {
            rel: "bundle/karta.png".into(),
            abs: "bundle/karta.png".into(),
        }],
        diagnostics: Vec::new(),
        failed: ["natverk/trasig.md".to_string()].into_iter().collect(),
        glossary: vec![
            glossary_term("NSH", "Nätverk för social hållbarhet"),
            glossary_term("KS", "Kommunstyrelsen"),
            glossary_term("Sösk", "Sociala sektorn"),
        ],
    }
}

fn glossary_term(term: &str, expansion: &str) -> GlossaryTerm {
    GlossaryTerm {
        term: term.to_string(),
        expansion: Some(expansion.to_string()),
        definition: None,
        id: crate::slug::slugify(term),
        extra: None,
    }
}

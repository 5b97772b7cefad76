//! The synthetic Swedish handbook of the benchmarks, valid under handbok's schema: nested
//! sections, taxonomies, 2-5 internal links per page (some with anchors), tables, lists,
//! compounds and a glossary. Shared by `examples/gen_corpus.rs` (the generator for
//! `bench/run.sh`) and the criterion benches (`benches/stages.rs`).
//!
//! The same handbook is also written as a Zola and as a Hugo site ([`Layout`]), so that
//! `bench/run.sh` compares the three on this corpus as well as on the shared generator's:
//! the same pages, words, headings, tables, taxonomy terms and links (as Zola's `@/` links
//! and Hugo's `relref`, both resolved and checked by the tool), with a small theme that
//! lists each section's pages and each term's pages. The glossary is handbok's alone: for
//! the peers its page is an ordinary page.

use std::fmt::Write as _;
use std::path::Path;

const SECTIONS: &[&str] = &[
    "natverk",
    "styrning",
    "klimat",
    "social-hallbarhet",
    "planering",
    "uppfoljning",
];
const SUBSECTIONS: &[&str] = &["rutiner", "anvisningar", "exempel", "planer", "rapporter"];
const TOPICS: &[&str] = &[
    "klimatanpassning",
    "folkhälsa",
    "hållbarhetsstrategi",
    "medborgardialog",
    "energieffektivisering",
    "avfallsplan",
    "jämställdhet",
    "barnrättsperspektiv",
    "trygghetsarbete",
    "miljökommunikation",
    "föreningsstöd",
    "upphandling",
    "kompetensförsörjning",
    "matsvinn",
    "grönstruktur",
    "segregation",
];
const NOUNS: &[&str] = &[
    "kommunen",
    "förvaltningen",
    "nämnden",
    "arbetet",
    "planen",
    "strategin",
    "uppföljningen",
    "åtgärden",
    "verksamheten",
    "rapporten",
    "invånarna",
    "styrgruppen",
    "nätverket",
    "målet",
    "insatsen",
    "samverkan",
];
const VERBS: &[&str] = &[
    "utvecklar",
    "följer upp",
    "prioriterar",
    "samordnar",
    "beskriver",
    "stärker",
    "förankrar",
    "genomför",
];
const ADJECTIVES: &[&str] = &[
    "hållbara",
    "långsiktiga",
    "gemensamma",
    "tydliga",
    "lokala",
    "förebyggande",
    "tillgängliga",
];
const HEADINGS: &[&str] = &[
    "Bakgrund",
    "Syfte",
    "Genomförande",
    "Ansvar",
    "Uppföljning",
    "Kommunikation",
    "Nästa steg",
];
const TEMAN: &[&str] = &[
    "Klimat",
    "Folkhälsa",
    "Styrning",
    "Delaktighet",
    "Miljö",
    "Trygghet",
    "Ekonomi",
    "Kultur",
];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn sentence(r: &mut Rng) -> String {
    let mut s = format!(
        "{} {} {} {} för {}",
        r.pick(NOUNS),
        r.pick(VERBS),
        r.pick(ADJECTIVES),
        r.pick(TOPICS),
        r.pick(TOPICS)
    );
    if r.below(3) == 0 {
        let _ = write!(s, " i samarbete med {}", r.pick(NOUNS));
    }
    let mut chars = s.chars();
    let first = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

fn paragraph(r: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| sentence(r))
        .collect::<Vec<_>>()
        .join(" ")
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p)?;
    }
    std::fs::write(path, text)
}

/// Which tool's site the corpus is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // the criterion benches build handbok's layout only
pub enum Layout {
    Handbok,
    Zola,
    Hugo,
}

impl Layout {
    #[allow(dead_code)]
    pub fn parse(name: &str) -> Option<Layout> {
        match name {
            "handbok" => Some(Layout::Handbok),
            "zola" => Some(Layout::Zola),
            "hugo" => Some(Layout::Hugo),
            _ => None,
        }
    }

    /// A link to the page at `target` (a path below `content/`) and its `anchor` (`#id` or
    /// empty), as the tool resolves it.
    fn link(self, target: &str, anchor: &str) -> String {
        match self {
            Layout::Handbok => format!("/{target}{anchor}"),
            Layout::Zola => format!("@/{target}{anchor}"),
            Layout::Hugo => format!("{{{{< relref \"/{target}{anchor}\" >}}}}"),
        }
    }

    /// A page's taxonomy terms in its front matter.
    fn terms(self, tema: [&str; 2], fokusomrade: usize) -> String {
        let (indent, head) = match self {
            Layout::Zola => ("  ", "taxonomies:\n"),
            Layout::Handbok | Layout::Hugo => ("", ""),
        };
        format!(
            "{head}{indent}tema: [\"{}\", \"{}\"]\n{indent}fokusomrade: [\"{fokusomrade}\"]\n",
            tema[0], tema[1]
        )
    }
}

/// handbok's layout (see [`generate_as`]).
#[allow(dead_code)]
pub fn generate(dir: &Path, pages: usize, seed: u64) -> std::io::Result<()> {
    generate_as(dir, pages, seed, Layout::Handbok)
}

/// Writes the corpus of `pages` pages into `dir` as `layout`'s site; the same `seed` gives
/// the same handbook in every layout.
pub fn generate_as(dir: &Path, pages: usize, seed: u64, layout: Layout) -> std::io::Result<()> {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let content = dir.join("content");
    if content.exists() {
        std::fs::remove_dir_all(&content)?;
    }
    match layout {
        Layout::Handbok => {
            write(
                &dir.join("handbok.yaml"),
                "title: Syntetisk handbok\nbase_url: /\ntaxonomies:\n  - name: tema\n    singular: Tema\n    plural: Teman\n  - name: fokusomrade\n    singular: Fokusområde\n    plural: Fokusområden\nglossary:\n  file: ordlista.yaml\n  page: ordlista.md\n",
            )?;
            write(
                &dir.join("ordlista.yaml"),
                "- term: NSH\n  expansion: Nätverk för social hållbarhet\n- term: NEH\n  expansion: Nätverk för ekologisk hållbarhet\n- term: KS\n  expansion: Kommunstyrelsen\n",
            )?;
        }
        Layout::Zola => {
            write(&dir.join("config.toml"), ZOLA_CONFIG)?;
            for (name, text) in ZOLA_TEMPLATES {
                write(&dir.join("templates").join(name), text)?;
            }
        }
        Layout::Hugo => {
            write(&dir.join("hugo.toml"), HUGO_CONFIG)?;
            for (name, text) in HUGO_LAYOUTS {
                write(&dir.join("layouts").join(name), text)?;
            }
        }
    }
    write(
        &content.join("_index.md"),
        "---\ntitle: Syntetisk handbok\n---\nStartsidan för NSH och NEH.\n",
    )?;
    write(
        &content.join("ordlista.md"),
        "---\ntitle: Ordlista\n---\nFörkortningar.\n",
    )?;
    // Every page's path first, so that links can point at pages written later.
    let mut paths: Vec<String> = Vec::with_capacity(pages);
    for i in 0..pages {
        let s = SECTIONS[i % SECTIONS.len()];
        let sub = SUBSECTIONS[(i / SECTIONS.len()) % SUBSECTIONS.len()];
        paths.push(format!("{s}/{sub}/sida-{i}.md"));
    }
    for s in SECTIONS {
        write(
            &content.join(s).join("_index.md"),
            &format!("---\ntitle: Avsnitt {s}\n---\n{}\n", paragraph(&mut r, 2)),
        )?;
        for sub in SUBSECTIONS {
            write(
                &content.join(s).join(sub).join("_index.md"),
                &format!(
                    "---\ntitle: {sub} i {s}\n{}---\n{}\n",
                    if layout == Layout::Zola {
                        "sort_by: date\n"
                    } else {
                        ""
                    },
                    paragraph(&mut r, 1)
                ),
            )?;
        }
    }
    for (i, path) in paths.iter().enumerate() {
        let mut body = String::new();
        let topic = r.pick(TOPICS);
        let _ = writeln!(
            body,
            "---\ntitle: \"{} {} {i}\"",
            capitalise(topic),
            r.pick(NOUNS)
        );
        let _ = writeln!(body, "description: \"{}\"", sentence(&mut r));
        let _ = writeln!(
            body,
            "date: 20{:02}-{:02}-{:02}",
            18 + r.below(8),
            1 + r.below(12),
            1 + r.below(28)
        );
        let tema = [r.pick(TEMAN), r.pick(TEMAN)];
        body.push_str(&layout.terms(tema, 1 + r.below(17)));
        body.push_str("---\n\n");
        let _ = writeln!(body, "{}\n", paragraph(&mut r, 3));
        for (h, heading) in HEADINGS.iter().enumerate().take(3 + r.below(4)) {
            let n = 3 + r.below(3);
            let _ = writeln!(body, "## {heading}\n\n{}\n", paragraph(&mut r, n));
            if h == 1 {
                for _ in 0..4 {
                    let _ = writeln!(body, "- {}", sentence(&mut r));
                }
                body.push('\n');
            }
            if h == 2 && i % 3 == 0 {
                body.push_str("| Åtgärd | Ansvar | Klart |\n|---|---|---|\n");
                for _ in 0..4 {
                    let _ = writeln!(
                        body,
                        "| {} | {} | 20{} |",
                        capitalise(r.pick(TOPICS)),
                        r.pick(NOUNS),
                        24 + r.below(6)
                    );
                }
                body.push('\n');
            }
        }
        let _ = writeln!(body, "## Länkar\n");
        for _ in 0..2 + r.below(4) {
            let target = &paths[r.below(pages)];
            let anchor = if r.below(3) == 0 { "#bakgrund" } else { "" };
            let _ = writeln!(
                body,
                "- Se [{}]({}) om NSH och KS.",
                r.pick(TOPICS),
                layout.link(target, anchor)
            );
        }
        write(&content.join(path), &body)?;
    }
    Ok(())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

const ZOLA_CONFIG: &str = r#"base_url = "https://handbok.example"
title = "Syntetisk handbok"
default_language = "sv"
compile_sass = false
build_search_index = false
generate_feeds = false
taxonomies = [{ name = "tema" }, { name = "fokusomrade" }]
"#;

/// Zola's theme for the corpus: a page with its date, description and terms; a section
/// with its subsections and pages; each taxonomy's terms and each term's pages.
const ZOLA_TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        r#"<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>{% block title %}{% endblock title %} | {{ config.title }}</title></head>
<body>
<header><a href="{{ get_url(path="/") }}">{{ config.title }}</a></header>
<main>{% block content %}{% endblock content %}</main>
</body>
</html>
"#,
    ),
    (
        "page.html",
        r#"{% extends "base.html" %}
{% block title %}{{ page.title }}{% endblock title %}
{% block content %}
<h1>{{ page.title }}</h1>
<p>{{ page.description }}</p>
<p><time>{{ page.date }}</time></p>
{% for name, terms in page.taxonomies %}<ul class="{{ name }}">
{% for t in terms %}<li><a href="{{ get_taxonomy_url(kind=name, name=t) }}">{{ t }}</a></li>
{% endfor %}</ul>{% endfor %}
{{ page.content | safe }}
{% endblock content %}
"#,
    ),
    (
        "section.html",
        r#"{% extends "base.html" %}
{% block title %}{{ section.title }}{% endblock title %}
{% block content %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}
<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}
</ul>
<ul>{% for p in section.pages %}
<li><a href="{{ p.permalink }}">{{ p.title }}</a> <time>{{ p.date }}</time></li>{% endfor %}
</ul>
{% endblock content %}
"#,
    ),
    ("index.html", r#"{% extends "section.html" %}"#),
    (
        "taxonomy_list.html",
        r#"{% extends "base.html" %}
{% block title %}{{ taxonomy.name }}{% endblock title %}
{% block content %}
<h1>{{ taxonomy.name }}</h1>
<ul>{% for term in terms %}
<li><a href="{{ term.permalink }}">{{ term.name }}</a> ({{ term.page_count }})</li>{% endfor %}
</ul>
{% endblock content %}
"#,
    ),
    (
        "taxonomy_single.html",
        r#"{% extends "base.html" %}
{% block title %}{{ term.name }}{% endblock title %}
{% block content %}
<h1>{{ term.name }}</h1>
<ul>{% for p in term.pages %}
<li><a href="{{ p.permalink }}">{{ p.title }}</a> <time>{{ p.date }}</time></li>{% endfor %}
</ul>
{% endblock content %}
"#,
    ),
];

const HUGO_CONFIG: &str = r#"baseURL = "https://handbok.example/"
languageCode = "sv-se"
defaultContentLanguage = "sv"
title = "Syntetisk handbok"
disableKinds = ["RSS"]

[taxonomies]
  tema = "tema"
  fokusomrade = "fokusomrade"
"#;

/// Hugo's theme for the corpus, showing what [`ZOLA_TEMPLATES`] shows.
const HUGO_LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r#"<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#,
    ),
    (
        "_default/single.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ .Description }}</p>
<p><time>{{ .Date.Format "2006-01-02" }}</time></p>
{{ range $name, $_ := .Site.Taxonomies }}{{ with $.GetTerms $name }}<ul class="{{ $name }}">
{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{ end }}</ul>{{ end }}{{ end }}
{{ .Content }}
{{ end }}
"#,
    ),
    (
        "_default/list.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Sections }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul>
<ul>{{ range .RegularPages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul>
{{ end }}
"#,
    ),
    (
        "_default/terms.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>
{{ end }}
"#,
    ),
    (
        "_default/taxonomy.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul>
{{ end }}
"#,
    ),
];

//! The synthetic Swedish handbook of the benchmarks, valid under handbok's schema: nested
//! sections, taxonomies, 2-5 internal links per page (some with anchors), tables, lists,
//! compounds, a glossary and an action plan. Shared by `examples/gen_corpus.rs` (the
//! generator for `bench/run.sh`) and the criterion benches (`benches/stages.rs`).

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

pub fn generate(dir: &Path, pages: usize, seed: u64) -> std::io::Result<()> {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let content = dir.join("content");
    if content.exists() {
        std::fs::remove_dir_all(&content)?;
    }
    write(
        &dir.join("handbok.yaml"),
        "title: Syntetisk handbok\nbase_url: /\ntaxonomies:\n  - name: tema\n    singular: Tema\n    plural: Teman\n  - name: fokusomrade\n    singular: Fokusområde\n    plural: Fokusområden\nglossary:\n  file: ordlista.yaml\n  page: ordlista.md\n",
    )?;
    write(
        &dir.join("ordlista.yaml"),
        "- term: NSH\n  expansion: Nätverk för social hållbarhet\n- term: NEH\n  expansion: Nätverk för ekologisk hållbarhet\n- term: KS\n  expansion: Kommunstyrelsen\n",
    )?;
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
                &format!("---\ntitle: {sub} i {s}\n---\n{}\n", paragraph(&mut r, 1)),
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
        let _ = writeln!(body, "tema: [\"{}\", \"{}\"]", r.pick(TEMAN), r.pick(TEMAN));
        let _ = writeln!(body, "fokusomrade: [\"{}\"]", 1 + r.below(17));
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
                "- Se [{}](/{target}{anchor}) om NSH och KS.",
                r.pick(TOPICS)
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

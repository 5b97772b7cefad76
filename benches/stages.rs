//! Criterion benchmarks of the build's hot stages on a generated 1,000-page handbook (the
//! corpus of `bench/run.sh`, from `bench/corpus.rs`): loading content, the site model,
//! Markdown, templates, the search index, and the whole `check` pipeline. Whole builds at
//! 1,000 to 50,000 pages, with peak memory and the peers, are `bench/run.sh`.
//!
//!     cargo bench --bench stages

use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

use handbok::internals::Config;
use handbok::internals::Contents;
use handbok::internals::Derived;
use handbok::internals::NullSink;
use handbok::internals::Site;
use handbok::internals::Templates;
use handbok::internals::Texts;
use handbok::Overrides;

#[path = "../bench/corpus.rs"]
mod corpus;

const PAGES: usize = 1000;

/// The same "today" for every stage and every day the benchmark runs.
fn overrides() -> Overrides {
    Overrides {
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
        ..Overrides::default()
    }
}

fn config(root: &Path) -> Config {
    match Config::load(root, &overrides()) {
        Ok(c) => c,
        Err(e) => panic!("the generated corpus has a bad configuration: {e:?}"),
    }
}

fn site(root: &Path) -> (Site, Texts) {
    let config = config(root);
    let content = handbok::internals::load_content(&config).expect("the generated content loads");
    Site::build(config, content, Default::default(), &[], Vec::new())
        .expect("the generated site builds")
}

/// Every page of the site rendered with its templates, written nowhere.
fn render_pages(
    model: &Site,
    texts: &Texts,
    derived: &Derived,
    templates: &Templates,
) -> Vec<handbok::Diagnostic> {
    let contents = Contents::Kept(derived);
    handbok::internals::render_site(model, texts, derived, &contents, templates, &NullSink, None)
        .diagnostics
}

fn stages(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    corpus::generate(root, PAGES, 1).expect("generate the corpus");
    let templates = Templates::load(&config(root)).expect("the built-in templates load");
    let (model, mut texts) = site(root);
    let (derived, problems) = model.render_markdown(&mut texts, None);
    assert!(
        !problems.iter().any(handbok::Diagnostic::is_error),
        "the generated corpus has errors: {problems:?}"
    );

    // The templates stage must time rendering, not an error path.
    let once = render_pages(&model, &texts, &derived, &templates);
    assert!(
        !once.iter().any(handbok::Diagnostic::is_error),
        "the generated corpus does not render: {once:?}"
    );

    let mut group = c.benchmark_group(format!("{PAGES} pages"));
    group.sample_size(10);
    group.bench_function("load content", |b| {
        let config = config(root);
        b.iter(|| handbok::internals::load_content(&config).expect("loads"))
    });
    group.bench_function("site model", |b| {
        b.iter_batched(
            || {
                let config = config(root);
                let content = handbok::internals::load_content(&config).expect("loads");
                (config, content)
            },
            |(config, content)| {
                Site::build(config, content, Default::default(), &[], Vec::new()).expect("builds")
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("markdown and links", |b| {
        // The model is not changed by rendering: the same one serves every iteration.
        b.iter(|| model.render_markdown(&mut texts, None))
    });
    group.bench_function("templates", |b| {
        b.iter(|| render_pages(&model, &texts, &derived, &templates))
    });
    group.bench_function("search index", |b| {
        b.iter(|| {
            let bytes = std::sync::atomic::AtomicUsize::new(0);
            handbok::internals::build_search_index(
                &model,
                &Contents::Kept(&derived),
                &|_, data| {
                    bytes.fetch_add(data.len(), std::sync::atomic::Ordering::Relaxed);
                },
            );
            bytes.into_inner()
        })
    });
    group.bench_function("whole check", |b| {
        let options = handbok::BuildOptions {
            root: root.to_path_buf(),
            output: None,
            overrides: overrides(),
            ..handbok::BuildOptions::default()
        };
        b.iter(|| handbok::check(&options).expect("checks"))
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);

//! The CI templates in `examples/ci/` run as written. Every script line of theirs that calls
//! `handbok` is run with the real binary in a small site, with sample values for the CI's
//! variables: a flag handbok does not have, a wrong value or a preview built for the wrong
//! address fails here, not in a municipality's first merge request.
//!
//! Script lines are read with a deliberately small part of the shell: words, quotes,
//! `$NAME`, `${NAME}` and `${NAME%suffix}`, assignments `NAME=value`, and redirections and
//! `||`/`&&`/`;`/`|` tails cut off. Anything else in a `handbok` line or an assignment fails
//! the test, so that the templates stay as simple as this reading of them.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{run_in, Page};
use serde_norway::Value;

type Vars = BTreeMap<String, String>;

/// One run of script lines with the variables its YAML gives them.
struct Step {
    env: Vars,
    lines: Vec<String>,
}

/// What one job's `handbok` lines did.
#[derive(Debug, Default)]
struct Outcome {
    checks: usize,
    /// The `--base-url` and the output folder of each build.
    builds: Vec<(String, String)>,
}

fn template(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join("ci")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{name} is not YAML: {e}"))
}

fn vars(pairs: &[(&str, &str)]) -> Vars {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A YAML scalar as the CI reads it (`GIT_DEPTH: 0` is the string "0").
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => panic!("not a scalar: {other:?}"),
    }
}

fn entries(v: &Value) -> Vec<(String, &Value)> {
    v.as_mapping()
        .map(|m| m.iter().map(|(k, v)| (scalar(k), v)).collect())
        .unwrap_or_default()
}

/// The lines of a `script:` list or a `run:` block.
fn lines_of(v: &Value) -> Vec<String> {
    match v {
        Value::Sequence(items) => items.iter().flat_map(lines_of).collect(),
        Value::String(s) => s.lines().map(|l| l.trim().to_owned()).collect(),
        Value::Null => Vec::new(),
        other => panic!("not a script: {other:?}"),
    }
}

/// GitLab: each job's `script`, with the file's and the job's `variables` expanded as GitLab
/// expands them (with the predefined variables in `ci`).
fn gitlab_jobs(yaml: &Value, ci: &Vars) -> BTreeMap<String, Step> {
    let mut global = ci.clone();
    for (k, v) in entries(&yaml["variables"]) {
        let value = expand(&scalar(v), &global);
        global.insert(k, value);
    }
    let mut jobs = BTreeMap::new();
    for (name, job) in entries(yaml) {
        if job.get("script").is_none() {
            continue;
        }
        let mut env = global.clone();
        for (k, v) in entries(&job["variables"]) {
            let value = expand(&scalar(v), &env);
            env.insert(k, value);
        }
        let mut lines = lines_of(&job["before_script"]);
        lines.extend(lines_of(&job["script"]));
        jobs.insert(name, Step { env, lines });
    }
    jobs
}

/// GitHub: each job's `run` steps, with the workflow's, the job's and the step's `env`, whose
/// `${{ … }}` expressions take their values from `expressions`.
fn github_jobs(yaml: &Value, expressions: &Vars) -> BTreeMap<String, Vec<Step>> {
    let env_of = |v: &Value, base: &Vars| {
        let mut env = base.clone();
        for (k, v) in entries(&v["env"]) {
            env.insert(k, substitute_expressions(&scalar(v), expressions));
        }
        env
    };
    let workflow = env_of(yaml, &Vars::new());
    let mut jobs = BTreeMap::new();
    for (name, job) in entries(&yaml["jobs"]) {
        let job_env = env_of(job, &workflow);
        let steps = job["steps"]
            .as_sequence()
            .unwrap_or_else(|| panic!("job {name} has no steps"))
            .iter()
            .filter(|s| s.get("run").is_some())
            .map(|s| Step {
                env: env_of(s, &job_env),
                lines: lines_of(&s["run"]),
            })
            .collect();
        jobs.insert(name, steps);
    }
    jobs
}

/// Replaces each `${{ expression }}` with its sample value; an expression without one fails.
fn substitute_expressions(text: &str, expressions: &Vars) -> String {
    let mut parts = text.split("${{");
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let (expression, after) = part
            .split_once("}}")
            .unwrap_or_else(|| panic!("unclosed expression in {text:?}"));
        let expression = expression.trim();
        let value = expressions
            .get(expression)
            .unwrap_or_else(|| panic!("no sample value for ${{{{ {expression} }}}}"));
        out.push_str(value);
        out.push_str(after);
    }
    out
}

/// A script line read as a command.
#[derive(Debug)]
struct Command {
    words: Vec<String>,
    /// The file standard output is redirected to, if any.
    stdout_to: Option<String>,
}

/// `$NAME`, `${NAME}` or `${NAME%suffix}` at the start of `chars` (after the `$`).
fn expansion(chars: &mut std::iter::Peekable<std::str::Chars>, vars: &Vars) -> String {
    let lookup = |name: &str| {
        vars.get(name)
            .unwrap_or_else(|| panic!("no sample value for ${name}"))
            .clone()
    };
    if chars.peek() != Some(&'{') {
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if !(c.is_ascii_alphanumeric() || c == '_') {
                break;
            }
            name.push(c);
            chars.next();
        }
        assert!(!name.is_empty(), "a lone `$` in a script line");
        return lookup(&name);
    }
    chars.next();
    let inner: String = chars.by_ref().take_while(|&c| c != '}').collect();
    let (name, suffix) = match inner.split_once('%') {
        Some((name, suffix)) => (name, Some(expand(suffix, vars))),
        None => (inner.as_str(), None),
    };
    assert!(
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
        "unsupported expansion ${{{inner}}}"
    );
    let value = lookup(name);
    match suffix {
        Some(suffix) => {
            assert!(
                !suffix.contains(['*', '?', '[']),
                "a pattern in ${{{inner}}}: only a literal suffix is read here"
            );
            value.strip_suffix(&suffix).unwrap_or(&value).to_owned()
        }
        None => value,
    }
}

/// Expands the variables in `text` as inside double quotes.
fn expand(text: &str, vars: &Vars) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            out.push_str(&expansion(&mut chars, vars));
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits a line into words as the shell does for these templates, expanding variables.
fn command(line: &str, vars: &Vars) -> Command {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut redirect_next = false;
    let mut stdout_to = None;
    let mut chars = line.chars().peekable();
    let mut quote = None;
    let mut finish = |word: &mut Option<String>, redirect_next: &mut bool| {
        if let Some(w) = word.take() {
            if *redirect_next {
                stdout_to = Some(w);
                *redirect_next = false;
            } else {
                words.push(w);
            }
        }
    };
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('\''), c) => word.get_or_insert_with(String::new).push(c),
            (_, '$') => {
                let value = expansion(&mut chars, vars);
                word.get_or_insert_with(String::new).push_str(&value);
            }
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, c) if c.is_whitespace() => finish(&mut word, &mut redirect_next),
            (None, '>') => {
                assert!(
                    word.is_none() || word.as_deref() == Some("1"),
                    "only standard output is redirected here: {line:?}"
                );
                word = None;
                if chars.peek() == Some(&'>') {
                    chars.next();
                }
                redirect_next = true;
            }
            (None, '|' | '&' | ';') => break,
            (None, '\\' | '`' | '(' | ')' | '<' | '*' | '?') => {
                panic!("shell syntax this test does not read ({c:?}) in {line:?}")
            }
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(quote.is_none(), "unclosed quote in {line:?}");
    finish(&mut word, &mut redirect_next);
    assert!(!redirect_next, "a redirection without a file in {line:?}");
    Command { words, stdout_to }
}

/// A site as small as handbok takes, in its own temporary folder.
fn small_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    std::fs::write(dir.path().join("handbok.yaml"), "title: Test\n").expect("write handbok.yaml");
    std::fs::create_dir(dir.path().join("content")).expect("create content/");
    std::fs::write(
        dir.path().join("content/_index.md"),
        "---\ntitle: Start\n---\n\nVälkommen.\n",
    )
    .expect("write the start page");
    dir
}

/// The value after `flag` (or its short form) in `words`.
fn flag_value<'a>(words: &'a [String], flags: &[&str]) -> Option<&'a str> {
    words
        .iter()
        .position(|w| flags.contains(&w.as_str()))
        .and_then(|i| words.get(i + 1))
        .map(String::as_str)
}

/// The path part of a base URL: `https://host/a/b/` → `/a/b/`; a path stays as it is.
fn base_path(base_url: &str) -> &str {
    match base_url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => base_url,
    }
}

/// Runs the `handbok` lines and the assignments of one job's steps in a fresh small site, as
/// a CI job runs in a fresh clone, and checks what each one gave.
fn run_job(what: &str, steps: &[Step]) -> Outcome {
    let site = small_site();
    let mut outcome = Outcome::default();
    for step in steps {
        let mut env = step.env.clone();
        for line in &step.lines {
            let first = line.split_whitespace().next().unwrap_or_default();
            let assignment = first.split_once('=').is_some_and(|(name, _)| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
            if first != "handbok" && !assignment {
                continue;
            }
            let cmd = command(line, &env);
            if assignment {
                assert_eq!(cmd.words.len(), 1, "{what}: not a lone assignment: {line}");
                if let Some((name, value)) = cmd.words[0].split_once('=') {
                    env.insert(name.to_owned(), value.to_owned());
                }
                continue;
            }
            let args: Vec<&str> = cmd.words[1..].iter().map(String::as_str).collect();
            let run = run_in(site.path(), &args);
            assert_eq!(
                run.code,
                Some(0),
                "{what}: `{line}` ran as handbok {args:?}\n--- stdout:\n{}\n--- stderr:\n{}",
                run.stdout,
                run.stderr
            );
            if let Some(file) = &cmd.stdout_to {
                std::fs::write(site.path().join(file), &run.stdout).expect("write the report");
            }
            let format = flag_value(&cmd.words, &["--format"]).unwrap_or("text");
            if format == "gitlab" || format == "json" {
                let report: serde_json::Value = serde_json::from_str(&run.stdout)
                    .unwrap_or_else(|e| panic!("{what}: `{line}` wrote no JSON ({e})"));
                assert!(report.is_array(), "{what}: {report}");
            }
            match args.first().copied() {
                Some("check") => outcome.checks += 1,
                Some("build") => {
                    let base = flag_value(&cmd.words, &["--base-url"])
                        .unwrap_or_else(|| panic!("{what}: a build without --base-url: {line}"));
                    let output = flag_value(&cmd.words, &["--output", "-o"]).unwrap_or("public");
                    let built = site.path().join(output);
                    let read = |file: &str| {
                        let path = built.join(file);
                        std::fs::read_to_string(&path).unwrap_or_else(|e| {
                            panic!("{what}: `{line}` left no {}: {e}", path.display())
                        })
                    };
                    // Every page names its own address, and the 404 page, which the server
                    // shows at any address, reaches the style sheet and the start page
                    // through the base path.
                    let start = Page::parse(&read("index.html"));
                    assert_eq!(
                        start.attrs("link[rel=canonical]", "href"),
                        [base.to_owned()],
                        "{what}: {line}"
                    );
                    let missing = Page::parse(&read("404.html"));
                    let path = base_path(base);
                    for (css, attr) in [("link[rel=stylesheet]", "href"), ("a.site-title", "href")]
                    {
                        let links = missing.attrs(css, attr);
                        assert!(
                            !links.is_empty() && links.iter().all(|l| l.starts_with(path)),
                            "{what}: {css} on 404.html is {links:?}, not under {path}"
                        );
                    }
                    outcome.builds.push((base.to_owned(), output.to_owned()));
                }
                other => panic!("{what}: a handbok command this test does not know: {other:?}"),
            }
        }
    }
    outcome
}

/// The GitLab predefined variables the template uses, as in merge request !7.
fn gitlab_ci(pages_url: &str) -> Vars {
    vars(&[
        ("CI_PAGES_URL", pages_url),
        ("CI_MERGE_REQUEST_IID", "7"),
        ("CI_COMMIT_REF_SLUG", "uppdatera-motestider"),
        ("CI_PIPELINE_SOURCE", "merge_request_event"),
        ("CI_COMMIT_BRANCH", "main"),
        ("CI_DEFAULT_BRANCH", "main"),
    ])
}

fn github_expressions() -> Vars {
    vars(&[
        ("github.event.pull_request.number", "7"),
        (
            "vars.HANDBOK_PREVIEW_URL",
            "https://granska.example.se/handbok",
        ),
        (
            "steps.pages.outputs.base_url",
            "https://example.github.io/handbok",
        ),
        (
            "steps.upload.outputs.artifact-url",
            "https://github.com/example/handbok/actions/runs/1/artifacts/2",
        ),
    ])
}

/// Each job's check and builds, and nothing else: a job that stops checking or building, or a
/// new job that builds, shows here.
fn assert_outcomes(outcomes: &BTreeMap<String, Outcome>, expected: &[(&str, &str, &str)]) {
    let built: BTreeMap<&str, &Outcome> = outcomes
        .iter()
        .filter(|(_, o)| o.checks + o.builds.len() > 0)
        .map(|(k, o)| (k.as_str(), o))
        .collect();
    assert_eq!(
        built.keys().copied().collect::<Vec<_>>(),
        expected.iter().map(|(job, ..)| *job).collect::<Vec<_>>(),
        "{outcomes:?}"
    );
    for (job, base, output) in expected {
        let o = built[job];
        assert!(o.checks >= 1, "{job} does not check: {o:?}");
        assert_eq!(o.builds, [(base.to_string(), output.to_string())], "{job}");
    }
}

#[test]
fn the_gitlab_template_previews_each_merge_request_in_its_own_path_and_publishes_main() {
    let yaml = template("gitlab-preview.yml");
    // The whole history, so that page dates and histories are right.
    assert_eq!(scalar(&yaml["variables"]["GIT_DEPTH"]), "0");
    assert_eq!(
        yaml["preview"]["pages"]["path_prefix"].as_str(),
        Some("mr-$CI_MERGE_REQUEST_IID")
    );
    let jobs = gitlab_jobs(
        &yaml,
        &gitlab_ci("https://hallbarhet.pages.example.se/handbok"),
    );
    let outcomes: BTreeMap<String, Outcome> = jobs
        .iter()
        .map(|(name, step)| {
            let what = format!("gitlab-preview.yml, job {name}");
            (name.clone(), run_job(&what, std::slice::from_ref(step)))
        })
        .collect();
    assert_outcomes(
        &outcomes,
        &[
            (
                "pages",
                "https://hallbarhet.pages.example.se/handbok/",
                "public",
            ),
            (
                "preview",
                "https://hallbarhet.pages.example.se/handbok/mr-7/",
                "public",
            ),
        ],
    );
}

/// Recent GitLab releases give a job with `path_prefix` its whole address in CI_PAGES_URL,
/// older ones the main site's: the preview is built for the same address either way.
#[test]
fn the_gitlab_preview_address_is_the_same_whether_or_not_gitlab_adds_the_prefix() {
    let yaml = template("gitlab-preview.yml");
    for pages_url in [
        "https://hallbarhet.pages.example.se/handbok/mr-7",
        "https://hallbarhet.pages.example.se/handbok/mr-7/",
        "https://hallbarhet.pages.example.se/handbok/",
    ] {
        let jobs = gitlab_jobs(&yaml, &gitlab_ci(pages_url));
        let preview = jobs.get("preview").expect("a job `preview`");
        let outcome = run_job(
            &format!("preview with CI_PAGES_URL={pages_url}"),
            std::slice::from_ref(preview),
        );
        assert_eq!(
            outcome.builds,
            [(
                "https://hallbarhet.pages.example.se/handbok/mr-7/".to_owned(),
                "public".to_owned()
            )],
            "CI_PAGES_URL={pages_url}"
        );
    }
}

#[test]
fn the_github_template_previews_each_pull_request_in_its_own_path_and_publishes_main() {
    let yaml = template("github-preview.yml");
    let jobs = github_jobs(&yaml, &github_expressions());
    // Every checkout fetches the whole history.
    for (name, job) in entries(&yaml["jobs"]) {
        for step in job["steps"].as_sequence().into_iter().flatten() {
            if step["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/checkout@"))
            {
                assert_eq!(scalar(&step["with"]["fetch-depth"]), "0", "job {name}");
            }
        }
    }
    let outcomes: BTreeMap<String, Outcome> = jobs
        .iter()
        .map(|(name, steps)| {
            let what = format!("github-preview.yml, job {name}");
            (name.clone(), run_job(&what, steps))
        })
        .collect();
    assert_outcomes(
        &outcomes,
        &[
            // Built into its own sub-path of the folder that is uploaded (below).
            (
                "preview",
                "https://granska.example.se/handbok/pr-7/",
                "preview/pr-7",
            ),
            ("publish", "https://example.github.io/handbok/", "public"),
        ],
    );
    // The folder uploaded as the preview's artifact holds the sub-path.
    let upload = yaml["jobs"]["preview"]["steps"]
        .as_sequence()
        .into_iter()
        .flatten()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-artifact@"))
        })
        .expect("the preview is uploaded");
    assert_eq!(upload["with"]["path"].as_str(), Some("preview/"));
}

/// The reading of script lines itself: redirections and `||` tails are cut off, quotes keep
/// words together, and a suffix is taken off a variable's value.
#[test]
fn script_lines_are_read_as_the_shell_reads_them() {
    let env = vars(&[("A", "https://x.example/h/mr-7"), ("N", "7")]);
    let cmd = command(
        "handbok check --base-url \"${A%/mr-$N}/\" --format gitlab > report.json || (cat report.json; exit 1)",
        &env,
    );
    assert_eq!(
        cmd.words,
        [
            "handbok",
            "check",
            "--base-url",
            "https://x.example/h/",
            "--format",
            "gitlab"
        ]
    );
    assert_eq!(cmd.stdout_to.as_deref(), Some("report.json"));
    assert_eq!(command("X='a b'$N", &env).words, ["X=a b7"]);
}

#[test]
#[should_panic(expected = "no sample value for $MISSING")]
fn a_variable_without_a_sample_value_fails() {
    command("handbok build --base-url \"$MISSING/\"", &Vars::new());
}

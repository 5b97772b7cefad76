//! `handbok check` for editors and CI: Swedish messages by default (`--lang en` for English),
//! JSON, GitHub Actions annotations, a GitLab code quality report, and the editor warnings
//! (alt text, vague links, heading levels, orphans).

mod common;

use common::{run_in, Site};

/// A site with one broken link and one page full of things to warn about.
fn site() -> Site {
    let site = Site::from_fixture("basic");
    site.write(
        "content/varningar.md",
        "---\ntitle: Varningar\n---\n\n#### För djup rubrik\n\n![](natverk/karta/karta.png) [Klicka här](natverk/_index.md)\n\nSe [saknad sida](saknas.md).\n",
    );
    site
}

fn check(site: &Site, args: &[&str]) -> common::Run {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_handbok"))
        .args(&all)
        .current_dir(site.root())
        .env_remove("HANDBOK_LANG")
        .output()
        .expect("run handbok");
    common::Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn messages_are_swedish_by_default_and_english_on_request() {
    let site = site();
    let sv = check(&site, &[]);
    sv.expect_code(1);
    assert!(
        sv.stderr.contains(
            "content/varningar.md:9:4: fel: länken `saknas.md` pekar på en fil som inte finns"
        ),
        "{}",
        sv.stderr
    );
    assert!(
        sv.stderr.contains("varning: bilden saknar alternativtext"),
        "{}",
        sv.stderr
    );
    assert!(sv.stderr.contains("  tips: "), "{}", sv.stderr);
    assert!(
        sv.stderr
            .contains("handbok: 1 fel; webbplatsen i utdatamappen ändrades inte"),
        "{}",
        sv.stderr
    );
    let en = check(&site, &["--lang", "en"]);
    assert!(en.stderr.contains("content/varningar.md:9:4: error: the link `saknas.md` points to a file that does not exist"), "{}", en.stderr);
}

#[test]
fn editor_warnings_name_their_lines() {
    let site = site();
    let run = run_in(site.root(), &["check", "--lang", "en", "--format", "json"]);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    let found: Vec<(String, u64, String)> = items
        .as_array()
        .expect("a list")
        .iter()
        .filter(|i| i["file"] == "content/varningar.md")
        .map(|i| {
            (
                i["severity"].as_str().unwrap_or("").to_string(),
                i["line"].as_u64().unwrap_or(0),
                i["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let has = |sev: &str, line: u64, text: &str| {
        found
            .iter()
            .any(|(s, l, m)| s == sev && *l == line && m.contains(text))
    };
    assert!(
        has("warning", 5, "skips from level 1 to level 4"),
        "{found:?}"
    );
    assert!(has("warning", 7, "no alt text"), "{found:?}");
    assert!(
        has(
            "warning",
            7,
            "“Klicka här” does not say where the link goes"
        ),
        "{found:?}"
    );
    assert!(
        has("warning", 1, "no other page links to this page"),
        "{found:?}"
    );
    assert!(has("error", 9, "does not exist"), "{found:?}");
    run.expect_code(1);
}

#[test]
fn github_annotations_and_gitlab_code_quality() {
    let site = site();
    let gh = run_in(
        site.root(),
        &["check", "--lang", "en", "--format", "github"],
    );
    assert!(
        gh.stdout.lines().any(|l| l.starts_with(
            "::error file=content/varningar.md,line=9,col=4,title=handbok::the link `saknas.md`"
        )),
        "{}",
        gh.stdout
    );
    assert!(
        gh.stdout
            .lines()
            .any(|l| l.starts_with("::warning file=content/varningar.md,line=7,")),
        "{}",
        gh.stdout
    );
    let gl = run_in(site.root(), &["check", "--format", "gitlab"]);
    let report: serde_json::Value = serde_json::from_str(&gl.stdout).expect("code quality JSON");
    let issues = report.as_array().expect("a list");
    let error = issues
        .iter()
        .find(|i| i["severity"] == "major")
        .expect("the error");
    assert_eq!(error["location"]["path"], "content/varningar.md");
    assert_eq!(error["location"]["lines"]["begin"], 9);
    // The message's code: GitLab groups issues by it.
    assert_eq!(error["check_name"], "HB0313");
    let again = run_in(site.root(), &["check", "--format", "gitlab"]);
    assert_eq!(gl.stdout, again.stdout, "fingerprints are stable");
    let prints: std::collections::BTreeSet<&str> = issues
        .iter()
        .filter_map(|i| i["fingerprint"].as_str())
        .collect();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
}

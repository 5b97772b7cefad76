//! Issue 21: a command line that behaves like the tools editors and CI maintainers know:
//! the site found from a subfolder, shell completions, `--quiet` and `--verbose`, colour only
//! on a terminal and never with `NO_COLOR` or through a pipe, `init`, a summary with the time,
//! file names that cannot forge output, and GitLab reports that keep every problem.

mod common;

use std::path::Path;
use std::process::Command;

use common::{run_in, Run, Site};

/// Runs the binary in `dir` with extra environment variables (and without the colour ones
/// the test runner might have).
fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_handbok"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("HANDBOK_LANG", "en");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output = cmd.output().expect("run the handbok binary");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The issues of a JSON or GitLab report.
fn report(stdout: &str) -> Vec<serde_json::Value> {
    match serde_json::from_str(stdout) {
        Ok(serde_json::Value::Array(items)) => items,
        other => panic!("not a JSON list ({other:?}): {stdout}"),
    }
}

/// The basic fixture with a page holding one warning (vague link text) and, when `broken`,
/// an error (a link to a missing file).
fn site_with_problems(broken: bool) -> Site {
    let site = Site::from_fixture("basic");
    let link = if broken {
        "[Planen](saknas.md)"
    } else {
        "Text."
    };
    site.write(
        "content/natverk/problem.md",
        format!("---\ntitle: Problem\n---\n\n[Klicka här](ekologi.md)\n\n{link}\n"),
    );
    site
}

#[test]
fn the_site_is_found_from_a_subfolder() {
    let site = Site::from_fixture("basic");
    let sub = site.path("content/natverk");
    let run = run_in(&sub, &["build"]);
    run.expect_success();
    assert!(site.path("public/index.html").is_file());
    assert!(!sub.join("public").exists(), "built inside the subfolder");
    assert!(
        run.stdout.contains("built into ../../public"),
        "{}",
        run.stdout
    );
    // With --verbose it says which site it found.
    let run = run_in(&sub, &["check", "--verbose"]);
    assert!(
        run.stderr.contains("handbok: the site in ../.."),
        "{}",
        run.stderr
    );
    // `new` too.
    run_in(&sub, &["new", "sida", "natverk/ny-sida.md"]).expect_success();
    assert!(site.path("content/natverk/ny-sida.md").is_file());
}

#[test]
fn without_a_site_above_the_message_says_how_to_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = run_in(dir.path(), &["build"]);
    run.expect_code(2);
    assert!(
        run.stderr
            .contains("error: no handbok.yaml in . or in any folder above it"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("handbok init"), "{}", run.stderr);
    let sv = run_env(dir.path(), &["build"], &[("HANDBOK_LANG", "sv")]);
    assert!(
        sv.stderr
            .contains("fel: det finns ingen handbok.yaml i . eller i någon mapp ovanför"),
        "{}",
        sv.stderr
    );
    assert!(!sv.stderr.contains("error"), "{}", sv.stderr);
    // In a GitLab report a problem without a file is the repository's, not handbok.yaml's.
    let gitlab = run_in(dir.path(), &["build", "--format", "gitlab"]);
    gitlab.expect_code(2);
    let items = report(&gitlab.stdout);
    assert_eq!(items[0]["location"]["path"], ".", "{}", gitlab.stdout);
    assert_eq!(items[0]["check_name"], "HB0901");
}

#[test]
fn completions_for_every_shell() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef handbok"),
        ("fish", "complete -c handbok"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = run_in(dir.path(), &["completions", shell]);
        run.expect_success();
        assert!(run.stdout.contains(marker), "{shell}: {}", run.stdout);
        for word in ["build", "serve", "check", "init", "strict", "base-url"] {
            assert!(run.stdout.contains(word), "{shell} lacks {word}");
        }
    }
}

#[test]
fn quiet_prints_only_errors() {
    let site = site_with_problems(false);
    let run = site.run(&["build", "--quiet"]);
    run.expect_success();
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    // Without --quiet the warning and the summary are there.
    let run = site.run(&["build"]);
    assert!(
        run.stderr.contains("warning: the link text"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("built into"), "{}", run.stdout);
    let site = site_with_problems(true);
    let run = site.run(&["build", "-q"]);
    run.expect_code(1);
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| !l.starts_with("  hint: "))
        .collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].starts_with("content/natverk/problem.md:7:1: error: the link `saknas.md`"),
        "{}",
        run.stderr
    );
}

#[test]
fn verbose_shows_each_message_code() {
    let site = site_with_problems(true);
    let run = site.run(&["check", "--verbose"]);
    run.expect_code(1);
    let broken = run.line_starting_with("content/natverk/problem.md:7:1:");
    assert!(broken.contains(" error[HB"), "{broken}");
    let json = site.run(&["check", "--format", "json"]);
    assert!(report(&json.stdout)
        .iter()
        .all(|i| i["code"].as_str().is_some_and(|c| c.starts_with("HB")) || i["code"].is_null()));
}

#[test]
fn colour_only_when_asked_for_and_never_with_no_color_or_a_pipe() {
    let site = site_with_problems(true);
    let escape = '\u{1b}';
    // A pipe (as here): no escape codes.
    let piped = run_env(site.root(), &["check"], &[]);
    assert!(!piped.stderr.contains(escape), "{:?}", piped.stderr);
    // Forced (as a terminal would get them): escape codes around the labels.
    let forced = run_env(site.root(), &["check"], &[("CLICOLOR_FORCE", "1")]);
    assert!(
        forced.stderr.contains("\u{1b}[1;31merror"),
        "{:?}",
        forced.stderr
    );
    // NO_COLOR wins over everything.
    let no_color = run_env(
        site.root(),
        &["check"],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!no_color.stderr.contains(escape), "{:?}", no_color.stderr);
    // Machine formats never have colour.
    let gitlab = run_env(
        site.root(),
        &["check", "--format", "gitlab"],
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(!gitlab.stdout.contains(escape));
}

#[test]
fn an_escape_sequence_in_a_file_name_is_printed_escaped() {
    let site = Site::from_fixture("basic");
    let name = "content/natverk/a\u{1b}[2J\u{1b}[31mb.md";
    site.write(name, "---\ntitle: Konstig\n---\n\n[Trasig](saknas.md)\n");
    let run = site.run(&["check"]);
    run.expect_code(1);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(
        run.stderr.contains("a\\u{1b}[2J\\u{1b}[31mb.md"),
        "{}",
        run.stderr
    );
    // JSON keeps the name exact (escaped the JSON way).
    let json = site.run(&["check", "--format", "json"]);
    assert!(report(&json.stdout).iter().any(|i| i["file"] == name));
}

#[test]
fn two_identical_problems_on_one_line_are_two_gitlab_issues() {
    let site = Site::from_fixture("basic");
    site.write(
        "content/natverk/dubbel.md",
        "---\ntitle: Dubbel\n---\n\n[Trasig](saknas.md) [Trasig](saknas.md)\n",
    );
    let run = site.run(&["check", "--format", "gitlab"]);
    run.expect_code(1);
    let items = report(&run.stdout);
    let here: Vec<&serde_json::Value> = items
        .iter()
        .filter(|i| {
            i["location"]["path"] == "content/natverk/dubbel.md" && i["severity"] == "major"
        })
        .collect();
    assert_eq!(here.len(), 2, "{}", run.stdout);
    assert_ne!(here[0]["fingerprint"], here[1]["fingerprint"]);
    assert!(here[0]["check_name"]
        .as_str()
        .is_some_and(|c| c.starts_with("HB")));
    // The same report twice gives the same fingerprints.
    let again = site.run(&["check", "--format", "gitlab"]);
    assert_eq!(run.stdout, again.stdout);
}

#[test]
fn init_makes_a_site_that_builds_and_passes_strict_checks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = run_in(dir.path(), &["init", "ny-handbok"]);
    run.expect_success();
    let site = dir.path().join("ny-handbok");
    for file in [
        "handbok.yaml",
        "content/_index.md",
        "content/om-handboken/_index.md",
        "content/redaktorsguide/_index.md",
        ".gitignore",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    run_in(&site, &["check", "--strict"]).expect_success();
    let built = run_in(&site, &["build", "--strict"]);
    built.expect_success();
    assert!(site.join("public/redaktorsguide/index.html").is_file());
    // In Swedish by default, and `init` in the current folder works when it is empty.
    let empty = dir.path().join("tom");
    std::fs::create_dir(&empty).expect("mkdir");
    let sv = run_env(&empty, &["init"], &[("HANDBOK_LANG", "sv")]);
    sv.expect_success();
    assert!(sv.stdout.contains("en ny handbok i ."), "{}", sv.stdout);
}

#[test]
fn init_never_touches_a_folder_that_holds_something() {
    let dir = tempfile::tempdir().expect("temp dir");
    let decoy = dir.path().join("befintlig");
    std::fs::create_dir(&decoy).expect("mkdir");
    std::fs::write(decoy.join("handbok.yaml"), "title: Min egen\n").expect("write");
    std::fs::write(decoy.join("anteckning.txt"), "behåll mig").expect("write");
    let before = common::snapshot(&decoy);
    let run = run_in(dir.path(), &["init", "befintlig"]);
    run.expect_code(2);
    assert!(run.stderr.contains("is not empty"), "{}", run.stderr);
    common::assert_same_tree(&before, &common::snapshot(&decoy), "the decoy");
}

#[test]
fn the_summary_says_how_long_it_took() {
    let site = Site::from_fixture("basic");
    let run = site.run(&["build"]);
    let line = run.stdout.lines().next().unwrap_or_default();
    let after = line.split(" in ").nth(1).unwrap_or_default();
    let seconds = after.split(" s:").next().unwrap_or_default();
    assert!(seconds.parse::<f64>().is_ok(), "{line}");
    let sv = run_env(site.root(), &["build"], &[("HANDBOK_LANG", "sv")]);
    assert!(
        sv.stdout.contains(" på ") && sv.stdout.contains(" s: "),
        "{}",
        sv.stdout
    );
}

#[test]
fn an_empty_language_variable_means_the_default() {
    let site = Site::from_fixture("basic");
    let run = run_env(site.root(), &["check"], &[("HANDBOK_LANG", "")]);
    run.expect_success();
    assert!(
        run.stdout.starts_with("handbok: kontrollerad"),
        "{}",
        run.stdout
    );
}

#[test]
fn help_and_command_line_errors_in_the_chosen_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sv = run_env(dir.path(), &["build", "--help"], &[("HANDBOK_LANG", "sv")]);
    sv.expect_success();
    for swedish in [
        "Användning: handbok build [FLAGGOR]",
        "Flaggor:",
        "Utdatamapp",
        "Visa hjälpen",
    ] {
        assert!(sv.stdout.contains(swedish), "{swedish}\n{}", sv.stdout);
    }
    for english in ["Usage", "Options", "Print help", "[default"] {
        assert!(!sv.stdout.contains(english), "{english}\n{}", sv.stdout);
    }
    let en = run_in(dir.path(), &["build", "--help"]);
    assert!(
        en.stdout.contains("Usage: handbok build [OPTIONS]"),
        "{}",
        en.stdout
    );
    let typo = run_env(dir.path(), &["biuld"], &[("HANDBOK_LANG", "sv")]);
    typo.expect_code(2);
    assert!(
        typo.stderr.contains("fel: okänt kommando `biuld`"),
        "{}",
        typo.stderr
    );
    assert!(
        typo.stderr.contains("menade du `build`?"),
        "{}",
        typo.stderr
    );
    let flag = run_in(dir.path(), &["check", "--strikt"]);
    flag.expect_code(2);
    assert!(
        flag.stderr.contains("error: unknown option `--strikt`"),
        "{}",
        flag.stderr
    );
}

#[test]
fn the_search_for_the_site_stops_at_the_top_of_a_git_work_tree() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A handbok.yaml above a repository is not the repository's site.
    std::fs::write(dir.path().join("handbok.yaml"), "title: Någon annans\n").expect("write");
    let sub = dir.path().join("repo/docs");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::create_dir(dir.path().join("repo/.git")).expect("mkdir");
    let run = run_in(&sub, &["build"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("no handbok.yaml in ."),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("public").exists());
}

#[test]
fn gitlab_fingerprints_do_not_depend_on_the_language() {
    let site = site_with_problems(true);
    let en = run_env(site.root(), &["check", "--format", "gitlab"], &[]);
    let sv = run_env(
        site.root(),
        &["check", "--format", "gitlab"],
        &[("HANDBOK_LANG", "sv")],
    );
    let prints = |out: &str| -> Vec<String> {
        report(out)
            .iter()
            .map(|i| i["fingerprint"].to_string())
            .collect()
    };
    assert_ne!(
        en.stdout, sv.stdout,
        "the descriptions are in two languages"
    );
    assert_eq!(prints(&en.stdout), prints(&sv.stdout));
}

#[test]
fn handbok_alone_shows_the_help_and_timings_are_in_the_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = run_env(dir.path(), &[], &[("HANDBOK_LANG", "sv")]);
    run.expect_code(2);
    assert!(
        run.stderr
            .contains("Användning: handbok [FLAGGOR] <KOMMANDO>"),
        "{}",
        run.stderr
    );
    let conflict = run_env(
        dir.path(),
        &["check", "-q", "-v"],
        &[("HANDBOK_LANG", "sv")],
    );
    conflict.expect_code(2);
    assert!(
        conflict
            .stderr
            .contains("kan inte användas tillsammans med"),
        "{}",
        conflict.stderr
    );
    let shell = run_env(
        dir.path(),
        &["completions", "fihs"],
        &[("HANDBOK_LANG", "sv")],
    );
    assert!(
        shell.stderr.contains("välj ett av: bash"),
        "{}",
        shell.stderr
    );
    let site = Site::from_fixture("basic");
    let sv = run_env(
        site.root(),
        &["build", "--timings"],
        &[("HANDBOK_LANG", "sv")],
    );
    assert!(sv.stderr.contains("tid: läser sidorna: "), "{}", sv.stderr);
    assert!(!sv.stderr.contains("loading"), "{}", sv.stderr);
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_unicode_is_no_panic() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temp dir");
    // `Tjänster` in Latin-1, as a folder on an old file share may be named.
    let name = std::ffi::OsStr::from_bytes(b"Tj\xe4nster");
    let output = Command::new(env!("CARGO_BIN_EXE_handbok"))
        .arg("init")
        .arg(name)
        .current_dir(dir.path())
        .env("HANDBOK_LANG", "en")
        .output()
        .expect("run");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(dir.path().join(name).join("handbok.yaml").is_file());
}

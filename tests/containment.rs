//! Issue 15: every file the build reads resolves inside the site folder. A symbolic link in
//! `static/`, `templates/` or a theme that leads out of the site, `theme:` written as a path,
//! and a glossary file elsewhere on the machine are errors naming the file, and nothing from
//! outside the site is published or shown: a secret planted in a folder outside the site
//! never appears in the output folder nor in what the command prints. A named pipe or a link
//! loop is an error, not a hang. `base_url` and the accessibility e-mail cannot make pages
//! load from another server or write extra mail headers.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{bad_build_of, Run, Site};
use tempfile::TempDir;

/// Planted outside the site; must never be published or printed.
const SECRET: &str = "SECRET-TOKEN-123";

const COPY_HINT: &str = "copy what you need into the site folder instead of linking to it";

/// A folder outside the site holding the secret: `secret.txt`, `mapp/hemlig.css`, and a
/// copy of the `themed` fixture's theme `egen` whose page template prints the secret.
struct Outside {
    dir: TempDir,
}

impl Outside {
    fn new() -> Outside {
        let dir = tempfile::Builder::new()
            .prefix("handbok-outside-")
            .tempdir()
            .expect("a temporary folder");
        let outside = Outside { dir };
        outside.write("secret.txt", format!("token = \"{SECRET}\"\n"));
        outside.write("mapp/hemlig.css", format!("/* {SECRET} */\n"));
        let theme = common::fixtures_dir().join("themed/themes/egen");
        for rel in ["templates/section.html", "static/egen.css"] {
            let text = std::fs::read_to_string(theme.join(rel)).expect("a theme file");
            outside.write(&format!("egen/{rel}"), text);
        }
        let page = format!(
            "{{% extends \"base.html\" %}}{{% block main %}}{SECRET}{{% endblock main %}}\n"
        );
        outside.write("egen/templates/page.html", page);
        outside
    }

    fn write(&self, rel: &str, text: String) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        std::fs::write(path, text).expect("write a file outside the site");
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `rel` as a path relative to `site`'s root (`../handbok-outside-…/rel`): both are
    /// temporary folders in the same parent.
    fn relative_to(&self, site: &Site, rel: &str) -> String {
        assert_eq!(self.dir.path().parent(), site.root().parent());
        let name = self.dir.path().file_name().expect("a name");
        format!("../{}/{rel}", name.to_string_lossy())
    }
}

#[cfg(unix)]
fn link(target: impl AsRef<Path>, at: PathBuf) {
    if at.exists() {
        std::fs::remove_file(&at).expect("remove the file to replace");
    }
    std::os::unix::fs::symlink(target, &at).expect("a symbolic link");
}

/// Neither what the runs printed nor the output folder (and its spare) holds the secret or
/// the environment of the process (`/proc/self/environ`).
fn assert_nothing_from_outside(site: &Site, runs: &[&Run]) {
    for run in runs {
        assert!(
            !run.stdout.contains(SECRET) && !run.stderr.contains(SECRET),
            "the secret was printed:\n{}{}",
            run.stdout,
            run.stderr
        );
    }
    let mut published = site.snapshot("public");
    published.extend(site.snapshot(".public.spare"));
    for (path, bytes) in &published {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains(SECRET) && !text.contains("HANDBOK_LANG="),
            "published from outside the site: {path}"
        );
    }
}

/// Each error line is followed by a hint, and `check --lang sv` (with `args`) shows none of
/// the English messages and hints, and exits with `code` too.
fn assert_swedish(site: &Site, run: &Run, code: i32, args: &[&str]) {
    let lines: Vec<&str> = run.stderr.lines().collect();
    let mut english = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((_, message)) = line.split_once("error: ") else {
            continue;
        };
        let hint = lines.get(i + 1).and_then(|l| l.strip_prefix("  hint: "));
        english.push(message);
        english.push(hint.unwrap_or_else(|| panic!("no hint after {line:?}")));
    }
    assert!(
        !english.is_empty(),
        "no error to translate:\n{}",
        run.stderr
    );
    let mut sv_args = vec!["check", "--lang", "sv"];
    sv_args.extend_from_slice(args);
    let sv = site.run(&sv_args);
    sv.expect_no_panic().expect_code(code);
    assert!(
        sv.stderr.contains("fel: "),
        "no Swedish error:\n{}",
        sv.stderr
    );
    for text in english {
        assert!(
            !sv.stderr.contains(text),
            "not translated: {text:?}\n{}",
            sv.stderr
        );
    }
}

/// The run's errors are exactly one per file of `files`: a link out of the site, with the
/// hint to copy the file instead.
fn assert_links_refused(run: &Run, files: &[&str]) {
    for file in files {
        run.error_for(file, None, &["outside the site folder"]);
        assert_eq!(run.hint_after(&format!("{file}:")), COPY_HINT);
    }
    assert_eq!(run.error_lines().len(), files.len(), "{}", run.stderr);
}

/// Runs `handbok ARGS` in the site, killed after `limit`: the test fails instead of hanging.
fn run_within(site: &Site, args: &[&str], limit: Duration) -> Run {
    common::run_within(site.root(), args, limit)
}

#[cfg(target_os = "linux")]
fn mkfifo(path: PathBuf) {
    let c = std::ffi::CString::new(path.into_os_string().into_encoded_bytes()).expect("no NUL");
    // SAFETY: mkfifo only reads the NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// The line of the first line of `text` that starts with `start`.
fn line_of(text: &str, start: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(start))
        .expect("the line")
        + 1
}

// -------------------------------------------------------------------------------------------
// static/, templates/ and themes/
// -------------------------------------------------------------------------------------------

#[cfg(target_os = "linux")]
#[test]
fn static_files_linked_from_outside_the_site_are_refused_and_not_published() {
    let outside = Outside::new();
    let site = Site::from_fixture("basic");
    let run = bad_build_of(
        &site,
        |s| {
            link(outside.path("secret.txt"), s.path("static/hemlig.txt"));
            link("/proc/self/environ", s.path("static/env.txt"));
            link(outside.path("mapp"), s.path("static/mapp"));
        },
        1,
    );
    assert_links_refused(
        &run,
        &["static/env.txt", "static/hemlig.txt", "static/mapp"],
    );
    let check = site.run(&["check"]);
    assert_nothing_from_outside(&site, &[&run, &check]);
    assert_swedish(&site, &run, 1, &[]);
}

#[cfg(unix)]
#[test]
fn templates_and_theme_files_linked_from_outside_the_site_are_refused() {
    let outside = Outside::new();
    let site = Site::from_fixture("themed");
    let run = bad_build_of(
        &site,
        |s| {
            link(outside.path("secret.txt"), s.path("templates/page.html"));
            link(
                outside.path("mapp/hemlig.css"),
                s.path("themes/egen/static/hemlig.css"),
            );
            link(outside.path("mapp"), s.path("themes/egen/templates/delar"));
            std::fs::create_dir_all(s.path("themes/egen/i18n")).expect("a folder");
            link(
                outside.path("secret.txt"),
                s.path("themes/egen/i18n/sv.yaml"),
            );
        },
        1,
    );
    assert_links_refused(
        &run,
        &[
            "templates/page.html",
            "themes/egen/i18n/sv.yaml",
            "themes/egen/static/hemlig.css",
            "themes/egen/templates/delar",
        ],
    );
    assert_nothing_from_outside(&site, &[&run]);
    assert_swedish(&site, &run, 1, &[]);
}

#[cfg(unix)]
#[test]
fn a_theme_folder_that_is_a_link_out_of_the_site_is_refused() {
    let outside = Outside::new();
    let site = Site::from_fixture("themed");
    let run = bad_build_of(
        &site,
        |s| {
            std::fs::remove_dir_all(s.path("themes/egen")).expect("remove the theme");
            link(outside.path("egen"), s.path("themes/egen"));
        },
        1,
    );
    run.error_for("themes/egen", None, &["outside the site folder"]);
    assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);
    assert_nothing_from_outside(&site, &[&run]);

    // The same with `themes/` itself a link out of the site.
    let site = Site::from_fixture("themed");
    let run = bad_build_of(
        &site,
        |s| {
            std::fs::remove_dir_all(s.path("themes")).expect("remove the themes");
            link(outside.path(""), s.path("themes"));
        },
        1,
    );
    run.error_for(
        "themes/egen",
        None,
        &["leads outside the site folder", "egen"],
    );
    assert_nothing_from_outside(&site, &[&run]);
    assert_swedish(&site, &run, 1, &[]);
}

#[cfg(unix)]
#[test]
fn a_static_or_templates_folder_that_is_a_link_out_of_the_site_is_refused() {
    let outside = Outside::new();
    for folder in ["static", "templates"] {
        let site = Site::from_fixture("basic");
        let run = bad_build_of(
            &site,
            |s| {
                if s.path(folder).exists() {
                    std::fs::remove_dir_all(s.path(folder)).expect("remove the folder");
                }
                link(outside.path("mapp"), s.path(folder));
            },
            1,
        );
        assert_links_refused(&run, &[folder]);
        assert_nothing_from_outside(&site, &[&run]);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_configuration_that_is_a_link_out_of_the_site_or_a_pipe_is_refused() {
    let outside = Outside::new();
    outside.write("handbok.yaml", format!("title: {SECRET}\n"));
    let site = Site::from_fixture("basic");
    let run = bad_build_of(
        &site,
        |s| link(outside.path("handbok.yaml"), s.path("handbok.yaml")),
        2,
    );
    assert_eq!(
        run.error_lines(),
        [format!(
            "handbok.yaml: error: the symbolic link points outside the site folder, to {}",
            outside.path("handbok.yaml").display()
        )]
    );
    assert_nothing_from_outside(&site, &[&run]);
    std::fs::remove_file(site.path("handbok.yaml")).expect("remove the link");
    mkfifo(site.path("handbok.yaml"));
    let run = run_within(&site, &["build"], Duration::from_secs(60));
    run.expect_no_panic().expect_code(2);
    run.error_for("handbok.yaml", None, &["not an ordinary file"]);
}

#[test]
fn theme_is_a_folder_name_not_a_path() {
    let outside = Outside::new();
    let site = Site::from_fixture("themed");
    let far = outside.path("egen").to_string_lossy().into_owned();
    // From themes/: up to the site folder, up again, into the folder outside.
    let up = format!("../{}", outside.relative_to(&site, "egen"));
    for theme in [&far, &up, "..", ".", "''", "egen/../egen", "'..\\egen'"] {
        let run = bad_build_of(
            &site,
            |s| {
                s.write(
                    "handbok.yaml",
                    format!("title: Temasajten\ntheme: {theme}\n"),
                )
            },
            2,
        );
        let (line, _) = run.error_for("handbok.yaml", Some(2), &["is not the name of a folder"]);
        assert_eq!(run.error_lines().len(), 1, "{theme}: {}", run.stderr);
        assert!(
            run.hint_after("handbok.yaml:2:").contains("themes/"),
            "{line}"
        );
        assert_nothing_from_outside(&site, &[&run]);
        assert_swedish(&site, &run, 2, &[]);
        site.write("handbok.yaml", "title: Temasajten\ntheme: egen\n");
    }
}

#[cfg(unix)]
#[test]
fn links_within_the_site_are_followed() {
    let site = Site::from_fixture("themed");
    site.write("delat/villkor.txt", "Villkor.\n");
    site.write("static/robots.txt", "User-agent: *\n");
    link("robots.txt", site.path("static/robots-kopia.txt"));
    link("../delat", site.path("static/delat"));
    std::fs::create_dir_all(site.path("teman")).unwrap();
    std::fs::rename(site.path("themes/egen"), site.path("teman/egen")).unwrap();
    link("../teman/egen", site.path("themes/egen"));
    std::fs::rename(
        site.path("templates/page.html"),
        site.path("delat/page.html"),
    )
    .unwrap();
    link("../delat/page.html", site.path("templates/page.html"));
    site.build_ok(&[]);
    assert_eq!(
        site.read_string("public/robots-kopia.txt"),
        "User-agent: *\n"
    );
    assert_eq!(site.read_string("public/delat/villkor.txt"), "Villkor.\n");
    assert!(site.path("public/egen.css").is_file());
    let page = site.html("public/avsnitt/sida/index.html");
    assert_eq!(page.texts("#mall"), ["webbplatsens sidmall"]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_named_pipe_a_link_loop_and_a_device_in_static_are_errors_not_a_hang() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let good = site.snapshot("public");
    mkfifo(site.path("static/ror"));
    link(".", site.path("static/bilder/slinga"));
    link("/dev/zero", site.path("static/noll"));
    let device = std::ffi::CString::new(
        site.path("static/enhet")
            .into_os_string()
            .into_encoded_bytes(),
    )
    .unwrap();
    // SAFETY: mknod only reads the NUL-terminated path. It needs privileges (CI runs as root).
    let made_device = common::root_or_skip("a device file in static/")
        && unsafe { libc::mknod(device.as_ptr(), libc::S_IFCHR | 0o644, libc::makedev(1, 3)) } == 0;
    for command in ["build", "check"] {
        let run = run_within(&site, &[command], Duration::from_secs(60));
        run.expect_no_panic().expect_code(1);
        run.error_for("static/ror", None, &["not an ordinary file"]);
        assert_eq!(
            run.hint_after("static/ror:"),
            "remove it from the static folder"
        );
        run.error_for(
            "static/bilder/slinga",
            None,
            &["loops back", "`static/bilder`"],
        );
        run.error_for(
            "static/noll",
            None,
            &["outside the site folder", "/dev/zero"],
        );
        if made_device {
            run.error_for("static/enhet", None, &["not an ordinary file"]);
        }
    }
    common::assert_same_tree(&good, &site.snapshot("public"), "a failed build");
}

// -------------------------------------------------------------------------------------------
// The glossary file
// -------------------------------------------------------------------------------------------

/// The `basic` fixture's configuration.
fn basic_config() -> String {
    std::fs::read_to_string(common::fixtures_dir().join("basic/handbok.yaml")).expect("basic")
}

/// `basic`'s configuration with a glossary in `file`, and the line of `file:`.
fn glossary_config(file: &str) -> (String, usize) {
    let base = basic_config();
    let text = format!("{base}glossary:\n  file: {file}\n  page: ordlista.md\n");
    let line = line_of(&text, "file:");
    (text, line)
}

#[test]
fn a_glossary_file_outside_the_site_is_refused_without_reading_it() {
    let outside = Outside::new();
    let site = Site::from_fixture("basic");
    let far = outside.path("secret.txt").to_string_lossy().into_owned();
    for file in [
        far,
        outside.relative_to(&site, "secret.txt"),
        "'..\\secret.txt'".to_string(),
    ] {
        let (config, line) = glossary_config(&file);
        let run = bad_build_of(&site, |s| s.write("handbok.yaml", &config), 2);
        run.error_for(
            "handbok.yaml",
            Some(line),
            &["is not a path inside the site folder"],
        );
        assert_nothing_from_outside(&site, &[&run]);
        assert_swedish(&site, &run, 2, &[]);
        site.write("handbok.yaml", basic_config());
    }
}

#[cfg(unix)]
#[test]
fn a_glossary_file_that_is_a_link_out_of_the_site_is_refused() {
    let outside = Outside::new();
    let site = Site::from_fixture("basic");
    for target in [
        outside.path("secret.txt"),
        PathBuf::from("/proc/self/environ"),
    ] {
        let run = bad_build_of(
            &site,
            |s| {
                s.write("handbok.yaml", glossary_config("ordlista.yaml").0);
                link(&target, s.path("ordlista.yaml"));
            },
            1,
        );
        run.error_for("ordlista.yaml", None, &["outside the site folder"]);
        assert_eq!(run.hint_after("ordlista.yaml:"), COPY_HINT);
        assert!(!run.stderr.contains("HANDBOK_LANG"), "{}", run.stderr);
        assert_nothing_from_outside(&site, &[&run]);
        assert_swedish(&site, &run, 1, &[]);
        site.write("handbok.yaml", basic_config());
    }
}

#[test]
fn a_glossary_that_is_not_a_list_of_terms_is_named_on_its_line_without_its_text() {
    let site = Site::from_fixture("basic");
    let cases = [
        (format!("# inte YAML\ntoken = \"{SECRET}\"\n[avsnitt]\n"), 2),
        (format!("- {SECRET}\n"), 1),
        (format!("- term: NSH\n  {SECRET}: x\n"), 2),
        (format!("- term: NSH\n  expansion: [{SECRET}]\n"), 2),
        (format!("{SECRET}: x\n"), 1),
    ];
    for (text, line) in cases {
        let run = bad_build_of(
            &site,
            |s| {
                s.write("handbok.yaml", glossary_config("ordlista.yaml").0);
                s.write("ordlista.yaml", &text);
            },
            1,
        );
        run.error_for("ordlista.yaml", Some(line), &["error: "]);
        assert_nothing_from_outside(&site, &[&run]);
        assert_swedish(&site, &run, 1, &[]);
        site.write("handbok.yaml", basic_config());
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_glossary_file_that_is_a_named_pipe_is_an_error_not_a_hang() {
    let site = Site::from_fixture("basic");
    site.write("handbok.yaml", glossary_config("ordlista.yaml").0);
    mkfifo(site.path("ordlista.yaml"));
    let run = run_within(&site, &["check"], Duration::from_secs(60));
    run.expect_no_panic().expect_code(1);
    run.error_for("ordlista.yaml", None, &["not an ordinary file"]);
    assert!(!site.path("public").exists());
}

// -------------------------------------------------------------------------------------------
// base_url and the accessibility e-mail
// -------------------------------------------------------------------------------------------

#[test]
fn a_base_url_that_leads_to_another_server_is_refused() {
    let site = Site::from_fixture("basic");
    let base = site.read_string("handbok.yaml");
    let line = line_of(&base, "base_url:");
    for url in [
        "//evil.example/",
        "/\\evil.example/",
        "https://intranat.example.se//evil.example/",
        "https:///evil.example/",
    ] {
        let run = bad_build_of(
            &site,
            |s| {
                s.write(
                    "handbok.yaml",
                    base.replace("base_url: /", &format!("base_url: {url}")),
                )
            },
            2,
        );
        run.error_for("handbok.yaml", Some(line), &["base_url"]);
        assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);
        assert_swedish(&site, &run, 2, &[]);
        site.write("handbok.yaml", &base);
    }
    // From the command line: `--base-url "/$EMPTY/"` is `//`.
    for url in ["//", "//evil.example/", "/\\evil.example/"] {
        let run = site.run(&["build", "--base-url", url, "-o", "ut"]);
        run.expect_no_panic().expect_code(2);
        let error = run.error_lines()[0];
        assert!(error.starts_with("error: --base-url `"), "{error}");
        assert!(!site.path("ut").exists());
        assert_swedish(&site, &run, 2, &["--base-url", url]);
    }
}

#[test]
fn an_accessibility_email_with_headers_or_several_addresses_is_refused() {
    let site = Site::from_fixture("basic");
    let base = site.read_string("handbok.yaml");
    let with_email = |email: &str| {
        format!(
            "{base}accessibility:\n  organisation: Testkommunen\n  status: full\n  assessment: {{date: 2026-01-01, method: Egen granskning}}\n  updated: 2026-01-01\n  contact:\n    email: {email}\n"
        )
    };
    site.write("handbok.yaml", with_email("tillganglighet@example.se"));
    let good = with_email("tillganglighet@example.se");
    let line = line_of(&good, "email:");
    for email in [
        "tillganglighet@example.se?bcc=alla@example.se",
        "tillganglighet@example.se&cc=alla@example.se",
        "'tillganglighet@example.se%0abcc:alla@example.se'",
        "\"tillganglighet@example.se\\nbcc: alla@example.se\"",
        "tillganglighet@alla@example.se",
    ] {
        let run = bad_build_of(&site, |s| s.write("handbok.yaml", with_email(email)), 2);
        run.error_for("handbok.yaml", Some(line), &["`accessibility: email`"]);
        assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);
        assert_swedish(&site, &run, 2, &[]);
        site.write("handbok.yaml", &good);
    }
    // Written inline, the error is still on the line of `email:`.
    let inline = good.replace(
        "  contact:\n    email: tillganglighet@example.se\n",
        "  contact: {email: a@example.se?bcc=b@example.se}\n",
    );
    let run = bad_build_of(&site, |s| s.write("handbok.yaml", &inline), 2);
    run.error_for(
        "handbok.yaml",
        Some(line_of(&inline, "contact:")),
        &["email"],
    );
}

#[test]
fn a_template_cannot_read_the_environment() {
    // Tera's `get_env` would publish the CI job's secrets from a template in a pull request.
    let site = Site::from_fixture("basic");
    site.write(
        "templates/404.html",
        "{% extends \"theme/404.html\" %}{% block title %}{{ get_env(name=\"PROBE_SECRET\") }}{% endblock title %}",
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_handbok"))
        .args(["build"])
        .current_dir(site.root())
        .env("HANDBOK_LANG", "en")
        .env("PROBE_SECRET", "hunter2-SECRET")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("get_env is not available"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
    assert!(!site.path("public").exists() || !tree_contains(&site.path("public"), "hunter2"));
}

/// Whether any file below `dir` holds `needle`.
fn tree_contains(dir: &Path, needle: &str) -> bool {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .any(|e| {
            std::fs::read(e.path()).is_ok_and(|b| String::from_utf8_lossy(&b).contains(needle))
        })
}

#[cfg(unix)]
#[test]
fn links_into_the_sites_hidden_files_are_refused() {
    // `.git/config` can hold the CI job's token (actions/checkout's extraheader).
    let site = Site::from_fixture("basic");
    let run = bad_build_of(
        &site,
        |s| {
            // (Inside static/ and content/, not at the root, where the shared check
            // expects no hidden leftovers; the rule is the same.)
            s.write(
                "static/.git/config",
                "[http]\n\textraheader = AUTHORIZATION: SECRET-TOKEN-123\n",
            );
            s.write("content/.env", "PASSWORD=SECRET-TOKEN-123\n");
            link(".git/config", s.path("static/cfg.txt"));
            link("../.env", s.path("content/natverk/env.txt"));
        },
        1,
    );
    for file in ["static/cfg.txt", "content/natverk/env.txt"] {
        let line = run.line_starting_with(file);
        assert!(line.contains("hidden file or folder"), "{line}");
    }
    assert_nothing_from_outside(&site, &[&run]);
    // A hidden name written as such is left out, as before, and a link within the site's
    // visible files is followed.
    let ok = Site::from_fixture("basic");
    link("robots.txt", ok.path("static/robotar.txt"));
    ok.build_ok(&[]);
    assert_eq!(ok.read("public/robotar.txt"), ok.read("static/robots.txt"));
}

#[test]
fn a_missing_theme_is_named_on_its_line() {
    let site = Site::from_fixture("basic");
    let config = site.read_string("handbok.yaml");
    site.write("handbok.yaml", format!("{config}theme: saknas\n"));
    let line = config.lines().count() + 1;
    let run = site.run(&["build"]);
    run.expect_no_panic().expect_code(2);
    let (_, hint) = run.error_for("handbok.yaml", Some(line), &["theme `saknas` not found"]);
    assert!(hint.contains("`theme:`"), "{hint}");
    assert_swedish(&site, &run, 2, &[]);
}

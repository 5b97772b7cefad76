//! A corpus of bad input (issue 10): files an editor, a broken editor program or a hostile
//! contributor could put in a site. Each case first builds the `basic` fixture into
//! `public/`, then breaks the site and builds again with the real binary, and asserts what a
//! user notices: exit code 1, an error naming the file (and the line where a line makes
//! sense) with a hint, no panic, the previous `public/` byte for byte unchanged, `check`
//! saying the same, and the message translated into Swedish (`--lang sv`).
//!
//! Big inputs (1 MB of front matter, a 50 MB page) are generated here, not committed.
//! Cases already covered by `tests/build.rs` with the same checks: front matter never
//! closed, invalid UTF-8, two pages claiming one URL, a page and a section with one URL.

mod common;

use common::{bad_build_of, Run, Site};

/// Breaks `basic` with `breaks`, and checks the failed build (see [`bad_build_of`]), that
/// every error has a hint, and that the Swedish messages are translated.
fn bad(breaks: impl FnOnce(&Site)) -> Run {
    let site = Site::from_fixture("basic");
    let run = bad_build_of(&site, breaks, 1);
    assert_hints_and_swedish(&site, &run);
    run
}

/// Every error is followed by a hint, and `check --lang sv` shows none of the English texts.
fn assert_hints_and_swedish(site: &Site, run: &Run) {
    let lines: Vec<&str> = run.stderr.lines().collect();
    let mut english = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((_, message)) = line.split_once("error: ") else {
            continue;
        };
        if line.starts_with("handbok: ") {
            continue;
        }
        let hint = lines.get(i + 1).and_then(|l| l.strip_prefix("  hint: "));
        let hint = hint.unwrap_or_else(|| panic!("no hint after {line:?}\n{}", run.stderr));
        english.push(message.to_string());
        english.push(hint.to_string());
    }
    let sv = site.run(&["check", "--lang", "sv"]);
    sv.expect_no_panic().expect_code(1);
    assert!(sv.stderr.contains(" fel: "), "{}", sv.stderr);
    for text in english {
        assert!(
            !sv.stderr.contains(&text),
            "not translated into Swedish: {text:?}\n--- Swedish output:\n{}",
            sv.stderr
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The file as a whole: empty, encodings, NUL bytes, size, permissions, special files
// ---------------------------------------------------------------------------------------------

#[test]
fn an_empty_file_is_a_page_without_title() {
    // Decision: a 0-byte .md is an error, not a blank page; it is almost always a file saved
    // by mistake, and a page needs a title.
    let run = bad(|s| s.write("content/tom.md", ""));
    let (_, hint) = run.error_for("content/tom.md", Some(1), &["empty", "title"]);
    assert!(hint.contains("front matter"), "{hint}");
}

#[test]
fn utf16_files_with_and_without_byte_order_mark_must_be_saved_as_utf8() {
    let text = "---\ntitle: Sida\n---\nText.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let run = bad(|s| {
        s.write("content/bom.md", [&[0xFF, 0xFE][..], &le].concat());
        s.write("content/utan-bom.md", be);
    });
    for file in ["content/bom.md", "content/utan-bom.md"] {
        let (_, hint) = run.error_for(file, Some(1), &["UTF-16", "UTF-8"]);
        assert!(hint.contains("save the file as UTF-8"), "{hint}");
    }
    assert_eq!(run.error_lines().len(), 2, "{}", run.stderr);
}

#[test]
fn a_nul_byte_is_reported_on_its_line() {
    let run = bad(|s| {
        s.write(
            "content/nul.md",
            b"---\ntitle: Nul\n---\nText\n\nmer\0text\n",
        )
    });
    run.error_for("content/nul.md", Some(6), &["NUL"]);
}

#[test]
fn a_markdown_file_over_the_size_limit_is_refused_without_reading_it() {
    // Decision: Markdown files over 10 MB are refused (documented in the editors' guide).
    // The 50 MB file is sparse: its length is checked before anything is read.
    let run = bad(|s| {
        s.write("content/jattestor.md", "---\ntitle: Jättestor\n---\n");
        let file = std::fs::OpenOptions::new()
            .append(true)
            .open(s.path("content/jattestor.md"))
            .expect("open the page");
        file.set_len(50 * 1024 * 1024)
            .expect("grow the page to 50 MB");
    });
    let (_, hint) = run.error_for("content/jattestor.md", None, &["50.0 MB", "10 MB"]);
    assert!(hint.contains("split the page"), "{hint}");
}

#[test]
fn a_large_page_with_many_links_builds() {
    // 4 MB and 60,000 links: every link's line and column used to be found by scanning the
    // page from its start, which made a page's cost grow with the square of its size (a
    // 50 MB page did not finish in ten minutes; now it takes two seconds and 680 MB).
    let site = Site::from_fixture("basic");
    let para = "Se [styrgruppens anvisningar](styrgrupp/anvisningar.md#mandat) och \
                [nätverken](natverk/_index.md) för hela bilden av arbetet.\n\n";
    let mut text = String::from("---\ntitle: Stor sida\n---\n");
    for i in 0..30_000 {
        if i % 1000 == 0 {
            text.push_str(&format!("## Del {i}\n\n"));
        }
        text.push_str(para);
    }
    text.push_str("Sist en [trasig länk](saknas.md).\n");
    let last_line = text.lines().count();
    site.write("content/stor.md", &text);
    let run = site.run(&["check"]);
    run.expect_no_panic().expect_code(1);
    // The position of the last link is still exact.
    run.error_for("content/stor.md", Some(last_line), &["saknas.md"]);
    assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);

    site.write(
        "content/stor.md",
        text.replace("[trasig länk](saknas.md)", "slut"),
    );
    site.build_ok(&[]);
    let html = site.read_string("public/stor/index.html");
    assert_eq!(
        html.matches("href=\"../styrgrupp/anvisningar/#mandat\"")
            .count(),
        30_000
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let run = bad(|s| {
        for name in ["content/ror.md", "content/natverk/ror.pdf"] {
            let path = std::ffi::CString::new(s.path(name).into_os_string().into_encoded_bytes())
                .expect("a path without NUL");
            // SAFETY: mkfifo only reads the NUL-terminated path.
            assert_eq!(
                unsafe { libc::mkfifo(path.as_ptr(), 0o644) },
                0,
                "mkfifo {name}"
            );
        }
    });
    run.error_for("content/ror.md", None, &["not an ordinary file"]);
    run.error_for("content/natverk/ror.pdf", None, &["not an ordinary file"]);
}

/// Permissions do not stop root from reading, and CI runs tests as root. Then the build
/// runs as the user `nobody` instead, so that the real "permission denied" path is tested.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_and_folder_are_named() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let good = site.snapshot("public");
    site.write("content/hemlig.md", "---\ntitle: Hemlig\n---\nText.\n");
    site.write("content/stangd/sida.md", "---\ntitle: Stängd\n---\nText.\n");
    let mode = |rel: &str, m: u32| {
        std::fs::set_permissions(site.path(rel), std::fs::Permissions::from_mode(m)).expect("chmod")
    };
    mode("content/hemlig.md", 0o000);
    mode("content/stangd", 0o000);
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let run = if root {
        // `nobody` must reach the site and write its staging folder beside public/.
        mode("", 0o777);
        // handbok replaces only an output folder (and marker) of the user's own, and takes
        // only a lock file of the user's own: make them nobody's.
        for rel in ["public", "public/.handbok-output", ".public.lock"] {
            std::os::unix::fs::chown(site.path(rel), Some(65534), Some(65534)).expect("chown");
        }
        match run_as_nobody(&site, &["build"]) {
            Some(run) => run,
            // Never a silent pass: as root, this case can only be tested as another user.
            None => panic!(
                "running as root and cannot run handbok as `nobody`: the binary must be \
                 readable by other users (e.g. CARGO_TARGET_DIR=/tmp/target)"
            ),
        }
    } else {
        site.run(&["build"])
    };
    mode("content/stangd", 0o755);
    run.expect_no_panic().expect_code(1);
    let (_, hint) = run.error_for("content/hemlig.md", None, &["cannot read", "denied"]);
    assert!(hint.contains("permission"), "{hint}");
    let (_, hint) = run.error_for("content/stangd", None, &["cannot read", "denied"]);
    assert!(hint.contains("permission"), "{hint}");
    common::assert_same_tree(&good, &site.snapshot("public"), "a failed build");
}

/// Runs the binary in the site as the user `nobody`; `None` if it cannot be started so.
#[cfg(target_os = "linux")]
fn run_as_nobody(site: &Site, args: &[&str]) -> Option<Run> {
    use std::os::unix::process::CommandExt;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_handbok"))
        .args(args)
        .current_dir(site.root())
        .env_remove("RUST_BACKTRACE")
        .env("HANDBOK_LANG", "en")
        .uid(65534)
        .gid(65534)
        .output()
        .ok()?;
    Some(Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

// ---------------------------------------------------------------------------------------------
// Front matter: shape, YAML syntax, size, aliases, nesting
// ---------------------------------------------------------------------------------------------

#[test]
fn front_matter_that_is_a_list_or_a_single_value_is_an_error() {
    let run = bad(|s| {
        s.write(
            "content/lista.md",
            "---\n- title: Lista\n- description: x\n---\nText.\n",
        );
        s.write("content/varde.md", "---\nBara en rubrik\n---\nText.\n");
    });
    let (_, hint) = run.error_for("content/lista.md", Some(2), &["is a list"]);
    assert!(hint.contains("`title: Sidans rubrik`"), "{hint}");
    run.error_for("content/varde.md", Some(2), &["single value"]);
    assert_eq!(run.error_lines().len(), 2, "{}", run.stderr);
}

#[test]
fn a_tab_in_the_indentation_is_named_on_its_line() {
    let run = bad(|s| {
        s.write(
            "content/tabb.md",
            "---\ntitle: Tabb\nextra:\n  ok: ja\n\tfel: nej\n---\nText.\n",
        )
    });
    let (_, hint) = run.error_for("content/tabb.md", Some(5), &["tab", "spaces"]);
    assert!(hint.contains("spaces"), "{hint}");
}

#[test]
fn a_tab_in_a_themes_interface_texts_is_named_on_its_line() {
    // A theme file is configuration: exit code 2, like a broken handbok.yaml.
    let site = Site::from_fixture("basic");
    let run = bad_build_of(
        &site,
        |s| {
            s.write(
                "themes/default/i18n/sv.yaml",
                "search: Sök\nnav:\n\tmore: Fler\n",
            )
        },
        2,
    );
    let (_, hint) = run.error_for("themes/default/i18n/sv.yaml", Some(3), &["tab", "spaces"]);
    assert!(hint.contains("spaces"), "{hint}");
}

#[test]
fn yaml_syntax_errors_name_the_file_line_and_what_to_quote() {
    let run = bad(|s| {
        s.write(
            "content/kolon.md",
            "---\ntitle: Mål: hållbarhet\n---\nText.\n",
        );
        s.write(
            "content/dubbel.md",
            "---\ntitle: A\ndescription: x\ntitle: B\n---\nText.\n",
        );
        s.write("content/citat.md", "---\ntitle: \"C:\\x\"\n---\nText.\n");
    });
    let (_, hint) = run.error_for("content/kolon.md", Some(2), &["not valid YAML"]);
    assert!(hint.contains("in quotes"), "{hint}");
    run.error_for("content/dubbel.md", Some(4), &["`title` is written twice"]);
    let (_, hint) = run.error_for("content/citat.md", Some(2), &["not valid YAML"]);
    assert!(hint.contains("single quotes"), "{hint}");
}

#[test]
fn a_megabyte_of_front_matter_is_read_and_its_lines_are_exact() {
    // Decision: large front matter is not refused by size (the 10 MB file limit applies);
    // 1 MB (20,000 fields) builds, and an error at its end has its exact line.
    let mut text = String::from("---\ntitle: Stor\nextra:\n");
    for i in 0..20_000 {
        text.push_str(&format!("  falt{i}: \"{}\"\n", "x".repeat(40)));
    }
    assert!(text.len() > 1_000_000);
    let bad_line = text.lines().count() + 1;
    let broken = format!("{text}descripton: Stavfel\n---\nText.\n");
    let site = Site::from_fixture("basic");
    let run = bad_build_of(&site, |s| s.write("content/stor.md", &broken), 1);
    let (_, hint) = run.error_for("content/stor.md", Some(bad_line), &["`descripton`"]);
    assert!(hint.contains("`description`"), "{hint}");

    site.write("content/stor.md", format!("{text}---\nText.\n"));
    site.build_ok(&[]);
    assert!(site
        .read_string("public/stor/index.html")
        .contains("<h1>Stor</h1>"));
}

#[test]
fn yaml_alias_bombs_fail_fast_with_a_clear_message() {
    // "Billion laughs": nine levels of ten aliases would be 10^9 values.
    let mut laughs = String::from(
        "---\ntitle: Skratt\nextra:\n  a: &a [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let uses = vec![format!("*{}", w[0]); 10].join(", ");
        laughs.push_str(&format!("  {}: &{} [{uses}]\n", w[1], w[1]));
    }
    laughs.push_str("---\nText.\n");
    // Quadratic: 3,000 uses of a 3,000-item list, 15 KB of text: nine million values
    // (2 GB) that serde_norway's own limits let through.
    let items = vec!["x"; 3000].join(",");
    let uses = vec!["*a"; 3000].join(",");
    let quadratic =
        format!("---\ntitle: Kvadrat\nextra:\n  a: &a [{items}]\n  b: [{uses}]\n---\nText.\n");
    let run = bad(|s| {
        s.write("content/skratt.md", &laughs);
        s.write("content/kvadrat.md", &quadratic);
    });
    for (file, line) in [("content/skratt.md", 5), ("content/kvadrat.md", 5)] {
        let (_, hint) = run.error_for(file, Some(line), &["aliases", "values"]);
        assert!(hint.contains("`*name`"), "{hint}");
    }
}

#[test]
fn deeply_nested_yaml_is_an_error_not_a_stack_overflow() {
    let run = bad(|s| {
        let deep = format!(
            "---\ntitle: Djup\nextra: {}{}\n---\nText.\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        s.write("content/djup.md", deep);
    });
    run.error_for("content/djup.md", Some(3), &["nested more than 64 levels"]);
}

// ---------------------------------------------------------------------------------------------
// Markdown structure
// ---------------------------------------------------------------------------------------------

#[test]
fn ten_thousand_levels_of_lists_and_blockquotes_build() {
    // Nothing in handbok walks the Markdown tree recursively (headings, links, lint and the
    // glossary work on the flat event list), so deep nesting needs no limit.
    let site = Site::from_fixture("basic");
    let n = 10_000;
    let quote = format!(
        "---\ntitle: Citat\n---\n{q} ## Rubrik ett\n{q} ## Rubrik två\n{q} ### Rubrik tre med [länk till nätverken](natverk/_index.md)\n",
        q = ">".repeat(n)
    );
    // Indented lists need n² bytes: 2,000 levels are 4 MB. The others are 10,000 deep.
    let list: String = (0..2000)
        .map(|i| format!("{}- punkt\n", "  ".repeat(i)))
        .collect();
    site.write("content/citat.md", quote);
    site.write(
        "content/lista.md",
        format!("---\ntitle: Lista\n---\n{list}"),
    );
    site.write(
        "content/lista2.md",
        format!("---\ntitle: Lista 2\n---\n{}punkt\n", "- ".repeat(n)),
    );
    site.write(
        "content/blandat.md",
        format!("---\ntitle: Blandat\n---\n{}punkt\n", "> - ".repeat(n / 2)),
    );
    let run = site.build_ok(&[]);
    run.expect_no_panic();
    let quote = site.read_string("public/citat/index.html");
    assert!(
        quote.matches("<blockquote>").count() >= n,
        "the quotes were cut short"
    );
    assert!(
        quote.contains("href=\"../natverk/\""),
        "the link inside was not rewritten"
    );
    let list = site.read_string("public/lista/index.html");
    assert!(
        list.matches("<ul>").count() >= 2000,
        "the list was cut short"
    );
    let list = site.read_string("public/lista2/index.html");
    assert!(list.matches("<ul>").count() >= n, "the list was cut short");
    let mixed = site.read_string("public/blandat/index.html");
    assert!(mixed.matches("<blockquote>").count() >= n / 2, "cut short");
}

// ---------------------------------------------------------------------------------------------
// Paths: links, symbolic links, slugs and aliases that try to leave the site
// ---------------------------------------------------------------------------------------------

#[test]
fn links_to_files_outside_the_site_are_errors_and_nothing_is_copied() {
    let run = bad(|s| {
        s.write(
            "content/natverk/los.md",
            "---\ntitle: Lösen\n---\n[lösenord](../../../../etc/passwd)\n\n![bild](../../../../etc/passwd)\n\n[rot](/../../etc/passwd)\n",
        )
    });
    for (line, col) in [(4, 1), (6, 1), (8, 1)] {
        let prefix = format!("content/natverk/los.md:{line}:{col}: error:");
        assert!(run
            .line_starting_with(&prefix)
            .contains("points outside the content folder"));
    }
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_site_are_refused_and_not_followed() {
    // handbok follows symbolic links inside the site folder, but a link to /etc or a home
    // folder would publish whatever it points at.
    let run = bad(|s| {
        std::os::unix::fs::symlink("/etc/passwd", s.path("content/natverk/losen.txt")).unwrap();
        std::os::unix::fs::symlink("/etc", s.path("content/natverk/etc")).unwrap();
    });
    run.error_for(
        "content/natverk/losen.txt",
        None,
        &["outside the site folder", "/etc/passwd"],
    );
    run.error_for("content/natverk/etc", None, &["outside the site folder"]);
    assert_eq!(
        run.error_lines().len(),
        2,
        "nothing below /etc may be walked:\n{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_inside_the_site_is_followed() {
    let site = Site::from_fixture("basic");
    std::os::unix::fs::symlink(
        "../../static/robots.txt",
        site.path("content/natverk/robots.txt"),
    )
    .unwrap();
    site.build_ok(&[]);
    assert_eq!(
        site.read("public/natverk/robots.txt"),
        site.read("static/robots.txt")
    );
}

#[cfg(unix)]
#[test]
fn a_content_folder_that_is_itself_a_link_out_of_the_site_is_refused() {
    // Issue 15: every source resolves inside the site folder. (It used to be followed, so a
    // repository could publish any folder of the machine that builds it.)
    let elsewhere = tempfile::tempdir().unwrap();
    let moved = elsewhere.path().join("innehall");
    let site = Site::from_fixture("basic");
    let run = bad_build_of(
        &site,
        |s| {
            std::fs::rename(s.path("content"), &moved).unwrap();
            std::os::unix::fs::symlink(&moved, s.path("content")).unwrap();
        },
        1,
    );
    let (line, hint) = run.error_for("content", None, &["outside the site folder"]);
    assert!(line.contains("innehall"), "{line}");
    assert!(!hint.is_empty());
    // A link to a folder inside the site is followed.
    let inside = Site::from_fixture("basic");
    std::fs::rename(inside.path("content"), inside.path("innehall")).unwrap();
    std::os::unix::fs::symlink("innehall", inside.path("content")).unwrap();
    inside.build_ok(&[]);
    assert!(inside
        .path("public/natverk/social-hallbarhet/index.html")
        .is_file());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_and_a_dangling_link_are_named() {
    let run = bad(|s| {
        std::os::unix::fs::symlink("..", s.path("content/natverk/slinga")).unwrap();
        std::os::unix::fs::symlink("saknas.md", s.path("content/borta.md")).unwrap();
    });
    run.error_for(
        "content/natverk/slinga",
        None,
        &["loops back", "`content/`"],
    );
    run.error_for("content/borta.md", None, &["saknas.md", "does not exist"]);
}

#[test]
fn slugs_that_try_to_leave_the_output_are_errors_on_their_line() {
    let run = bad(|s| {
        for (name, slug) in [
            ("upp", "../x"),
            ("abs", "/etc/x"),
            ("win", "C:\\x"),
            ("bak", "..\\x"),
        ] {
            s.write(
                &format!("content/{name}.md"),
                format!("---\ntitle: Flykt\nslug: '{slug}'\n---\nText.\n"),
            );
        }
    });
    for name in ["upp", "abs", "win", "bak"] {
        let (_, hint) = run.error_for(
            &format!("content/{name}.md"),
            Some(3),
            &["slug", "not a valid URL segment"],
        );
        assert!(hint.starts_with("write `slug: "), "{hint}");
    }
    assert_eq!(run.error_lines().len(), 4, "{}", run.stderr);
}

#[test]
fn aliases_that_try_to_leave_the_output_are_errors_on_their_line() {
    let cases = [
        ("upp", "../x"),
        ("win", "C:\\x"),
        ("winsnedstreck", "C:/x"),
        ("bak", "..\\x"),
        ("kodad", "/%2e%2e/x"),
        ("punkt", "/a/./../../x"),
    ];
    let run = bad(|s| {
        for (name, alias) in cases {
            s.write(
                &format!("content/{name}.md"),
                format!("---\ntitle: Flykt\naliases: ['/gammal/{name}/', '{alias}']\n---\nText.\n"),
            );
        }
    });
    for (name, alias) in cases {
        let (_, hint) = run.error_for(
            &format!("content/{name}.md"),
            Some(3),
            &[&format!("alias `{alias}`")],
        );
        assert!(hint.contains("/gammal/sida/"), "{hint}");
    }
    assert_eq!(run.error_lines().len(), cases.len(), "{}", run.stderr);
}

#[test]
fn an_alias_that_looks_like_a_system_path_stays_inside_the_output() {
    // Decision: aliases are paths of the site (`/gammal/sida/`), so `/etc/x` is the site's
    // own /etc/x/, written inside public/ like any other redirect.
    let site = Site::from_fixture("basic");
    site.write(
        "content/flyttad.md",
        "---\ntitle: Flyttad\naliases: [/etc/x]\n---\nText.\n",
    );
    let before = std::path::Path::new("/etc/x").exists();
    site.build_ok(&[]);
    assert!(site
        .read_string("public/etc/x/index.html")
        .contains("flyttad/"));
    // The tests run as root in CI: nothing may appear at the real /etc/x.
    assert_eq!(std::path::Path::new("/etc/x").exists(), before);
}

// ---------------------------------------------------------------------------------------------
// Two sources, one output file
// ---------------------------------------------------------------------------------------------

#[test]
fn pages_whose_names_differ_only_in_case_claim_one_url() {
    // Slugs are lower case, so `Om.md` and `om.md` both want /om/.
    let run = bad(|s| {
        s.write("content/Om.md", "---\ntitle: Om oss\n---\nText.\n");
        s.write("content/om.md", "---\ntitle: om oss\n---\nText.\n");
    });
    let line = run
        .error_lines()
        .into_iter()
        .find(|l| l.contains("/om/"))
        .unwrap_or_else(|| panic!("no error about /om/:\n{}", run.stderr));
    assert!(
        line.contains("content/Om.md") && line.contains("content/om.md"),
        "{line}"
    );
}

#[test]
fn files_and_aliases_that_differ_only_in_case_are_errors() {
    // Decision: an error. Files beside pages keep their names, and aliases their case; on a
    // file server that ignores case (Windows, macOS) one would silently replace the other.
    let run = bad(|s| {
        let png = s.read("content/natverk/karta/karta.png");
        s.write("content/natverk/karta/Karta.png", png);
        s.write(
            "content/flyttad.md",
            "---\ntitle: Flyttad\naliases: [/Natverk/]\n---\nText.\n",
        );
    });
    let (line, hint) = run.error_for("content/flyttad.md", Some(3), &["/Natverk/", "/natverk/"]);
    assert!(
        line.contains("differ only in upper and lower case"),
        "{line}"
    );
    assert!(hint.contains("ignores case"), "{hint}");
    let files = run
        .error_lines()
        .into_iter()
        .find(|l| l.contains("Karta.png"))
        .unwrap_or_else(|| panic!("no error about Karta.png:\n{}", run.stderr));
    assert!(
        files.contains("karta.png") && files.contains("differ only in upper and lower case"),
        "{files}"
    );
}

#[test]
fn a_file_named_index_html_cannot_replace_a_page() {
    // It used to overwrite the section page silently.
    let run = bad(|s| {
        s.write("content/natverk/index.html", "<h1>Annat</h1>\n");
        s.write("content/styrgrupp/Index.HTML", "<h1>Annat</h1>\n");
    });
    run.error_for(
        "content/natverk/index.html",
        Some(1),
        &["content/natverk/_index.md", "/natverk/"],
    );
    run.error_for(
        "content/styrgrupp/Index.HTML",
        Some(1),
        &["content/styrgrupp/_index.md", "/styrgrupp/"],
    );
}

//! Publishing the output: rebuilds that reuse the spare folder give exactly what a fresh
//! build gives, builds started at once do not corrupt each other, and a build killed at any
//! moment leaves the previous output complete and byte-identical.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{assert_same_tree, snapshot, Site, Snapshot};

/// Builds the site into a new folder outside the site (no spare folder there) and returns
/// what it wrote: the reference a reused-folder build must match byte for byte.
fn fresh_build(site: &Site) -> Snapshot {
    let out = tempfile::tempdir().expect("a temporary folder");
    let target = out.path().join("public");
    let target = target.to_str().expect("a UTF-8 path");
    site.run(&["build", "--output", target])
        .expect_no_panic()
        .expect_success();
    snapshot(Path::new(target))
}

#[test]
fn rebuilds_through_the_spare_folder_match_a_fresh_build() {
    let site = Site::from_fixture("basic");
    type Step = Box<dyn Fn(&Site)>;
    let steps: Vec<Step> = vec![
        Box::new(|_| {}),
        Box::new(|s| s.write("content/ny.md", "---\ntitle: Ny sida\n---\n\nNy text.\n")),
        Box::new(|s| {
            // The page becomes a section with a page of its own.
            std::fs::remove_file(s.path("content/ny.md")).expect("remove a page");
            s.write(
                "content/ny/_index.md",
                "---\ntitle: Nytt avsnitt\n---\n\nAvsnitt.\n",
            );
            s.write("content/ny/del.md", "---\ntitle: Del\n---\n\nEn del.\n");
        }),
        Box::new(|s| {
            std::fs::remove_dir_all(s.path("content/ny")).expect("remove a section");
            s.write(
                "content/styrgrupp/anvisningar.md",
                "---\ntitle: Anvisningar, ändrade\naliases: [gamla-anvisningar]\n---\n\nÄndrad text.\n\n## Mandat\n\nMandat.\n",
            );
        }),
        Box::new(|_| {}),
    ];
    for (n, step) in steps.iter().enumerate() {
        step(&site);
        site.build_ok(&[]);
        assert_same_tree(
            &fresh_build(&site),
            &site.snapshot("public"),
            &format!("build {} through the spare folder", n + 1),
        );
        assert!(
            site.hidden_entries().is_empty(),
            "left behind after build {}: {:?}",
            n + 1,
            site.hidden_entries()
        );
    }
    assert!(
        site.path(".public.spare").is_dir(),
        "the replaced output is kept for the next build"
    );
    assert!(
        !site.path("public/ny").exists(),
        "a removed section stays in the output"
    );
}

#[test]
fn a_build_that_fails_before_its_pages_gives_the_spare_folder_back_as_it_was() {
    // A build that fails before it renders anything (here two pages claim one address)
    // leaves the output and the spare folder as they were, and the next build reuses it.
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    site.build_ok(&[]);
    let (output, spare) = (site.snapshot("public"), site.snapshot(".public.spare"));
    assert!(!spare.is_empty(), "a second build keeps a spare folder");
    let copy = "content/styrgrupp/kopia.md";
    site.write(copy, "---\ntitle: Kopia\nslug: anvisningar\n---\n\nText.\n");
    let failed = site.run(&["build"]);
    failed.expect_no_panic().expect_code(1);
    failed.error_for(copy, Some(3), &["styrgrupp/anvisningar/"]);
    assert_same_tree(
        &output,
        &site.snapshot("public"),
        "the output after a failed build",
    );
    assert_same_tree(
        &spare,
        &site.snapshot(".public.spare"),
        "the spare folder after it",
    );
    assert!(
        site.hidden_entries().is_empty(),
        "left behind: {:?}",
        site.hidden_entries()
    );
    std::fs::remove_file(site.path(copy)).expect("remove the copy");
    site.build_ok(&[]);
    assert_same_tree(
        &fresh_build(&site),
        &site.snapshot("public"),
        "the build after it",
    );
}

#[cfg(unix)]
#[test]
fn a_spare_folder_in_any_state_is_pruned_to_exactly_the_new_output() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    site.build_ok(&[]);
    let spare = site.path(".public.spare");
    assert!(spare.is_dir());
    // A file where the build needs a folder, a folder where it needs a file, a stray file
    // and folder, and a symbolic link leading out of the site.
    std::fs::remove_dir_all(spare.join("natverk")).expect("remove a folder");
    std::fs::write(spare.join("natverk"), b"not a folder").expect("write a file");
    std::fs::remove_file(spare.join("atom.xml")).expect("remove a file");
    std::fs::create_dir_all(spare.join("atom.xml/inner")).expect("create folders");
    std::fs::write(spare.join("stray.html"), b"old").expect("write a file");
    std::fs::create_dir_all(spare.join("gammalt/djupt")).expect("create folders");
    std::fs::write(spare.join("gammalt/djupt/index.html"), b"old").expect("write a file");
    let outside = tempfile::tempdir().expect("a temporary folder");
    std::fs::remove_dir_all(spare.join("styrgrupp")).expect("remove a folder");
    std::os::unix::fs::symlink(outside.path(), spare.join("styrgrupp")).expect("a symlink");
    // And one where the build writes nothing, which pruning removes: never what it leads to.
    let kept_outside = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(kept_outside.path().join("viktig.txt"), b"keep").expect("write a file");
    std::os::unix::fs::symlink(kept_outside.path(), spare.join("gammal-lank")).expect("a symlink");
    // Same size, different bytes: must be rewritten, not kept.
    let index = std::fs::read(spare.join("index.html")).expect("read a file");
    std::fs::write(spare.join("index.html"), vec![b'x'; index.len()]).expect("write a file");

    site.build_ok(&[]);
    assert_same_tree(
        &fresh_build(&site),
        &site.snapshot("public"),
        "a build through a damaged spare folder",
    );
    assert_eq!(
        std::fs::read_dir(outside.path())
            .expect("read a folder")
            .count(),
        0,
        "a build wrote through a symbolic link in the spare folder"
    );
    assert_eq!(
        std::fs::read(kept_outside.path().join("viktig.txt")).expect("the file outside"),
        b"keep",
        "pruning deleted through a symbolic link in the spare folder"
    );
    assert_eq!(
        std::fs::read_dir(kept_outside.path())
            .expect("read a folder")
            .count(),
        1
    );
}

#[test]
fn unchanged_files_keep_their_modification_time() {
    let site = Site::from_fixture("basic");
    site.build_ok(&[]);
    let mtime = |rel: &str| {
        std::fs::metadata(site.path(rel))
            .and_then(|m| m.modified())
            .expect("a modification time")
    };
    let first_css = mtime("public/handbok.css");
    std::thread::sleep(Duration::from_millis(20));
    site.build_ok(&[]);
    std::thread::sleep(Duration::from_millis(20));
    site.write(
        "content/styrgrupp/anvisningar.md",
        "---\ntitle: Anvisningar\n---\n\nNy lydelse.\n\n## Mandat\n\nMandat.\n",
    );
    site.build_ok(&[]);
    // The third build reuses the first one's folder: the style sheet did not change.
    assert_eq!(mtime("public/handbok.css"), first_css);
    assert!(mtime("public/styrgrupp/anvisningar/index.html") > first_css);
    assert!(
        String::from_utf8_lossy(&site.read("public/styrgrupp/anvisningar/index.html"))
            .contains("Ny lydelse.")
    );
}

#[test]
fn a_large_static_file_is_copied_whole_and_kept_when_unchanged() {
    let site = Site::from_fixture("basic");
    // Larger than a piece the build compares and copies; every byte differs from its
    // neighbours, so a piece out of place shows.
    let mut big: Vec<u8> = (0..9 << 20)
        .map(|i: u32| (i % 251) as u8 ^ (i >> 16) as u8)
        .collect();
    site.write("static/arkiv/protokoll.pdf", &big);
    let mtime = |rel: &str| {
        std::fs::metadata(site.path(rel))
            .and_then(|m| m.modified())
            .expect("a modification time")
    };
    site.build_ok(&[]);
    assert!(site.read("public/arkiv/protokoll.pdf") == big);
    let first = mtime("public/arkiv/protokoll.pdf");
    std::thread::sleep(Duration::from_millis(20));
    site.build_ok(&[]);
    std::thread::sleep(Duration::from_millis(20));
    // The third build reuses the first one's folder: the same file stays as it was.
    site.build_ok(&[]);
    assert_eq!(mtime("public/arkiv/protokoll.pdf"), first);
    // One byte in the middle changes: the copy follows.
    big[5 << 20] ^= 0xff;
    site.write("static/arkiv/protokoll.pdf", &big);
    site.build_ok(&[]);
    site.build_ok(&[]);
    assert!(site.read("public/arkiv/protokoll.pdf") == big);
}

/// Starts `handbok build` in the site without waiting for it.
fn spawn_build(site: &Site) -> Child {
    Command::new(env!("CARGO_BIN_EXE_handbok"))
        .arg("build")
        .current_dir(site.root())
        .env("HANDBOK_LANG", "en")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the handbok binary")
}

#[test]
fn builds_started_at_once_do_not_corrupt_the_output() {
    let site = Site::from_fixture("basic");
    write_pages(&site, 200);
    site.build_ok(&[]);
    site.write("content/massa/sida-1.md", page(1, 200, "Ändrad sida"));
    let children: Vec<Child> = (0..4).map(|_| spawn_build(&site)).collect();
    for child in children {
        let out = child.wait_with_output().expect("wait for a build");
        assert!(
            out.status.success(),
            "a concurrent build failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_same_tree(
        &fresh_build(&site),
        &site.snapshot("public"),
        "four builds started at once",
    );
    assert!(
        site.hidden_entries().is_empty(),
        "{:?}",
        site.hidden_entries()
    );
}

/// A page of the generated site: some text, a table and links to its neighbours.
fn page(n: usize, count: usize, title: &str) -> String {
    let mut text = format!("---\ntitle: {title}\ntema: [tema-{}]\n---\n\n", n % 7);
    for p in 0..4 {
        text.push_str(&format!(
            "## Avsnitt {p}\n\nStycke {p} om hållbarhet på sida {n}, med [en länk](sida-{}.md) \
             och mer text om nätverkens arbete, planer och uppföljning.\n\n",
            (n + p + 1) % count
        ));
    }
    text.push_str("| Åtgärd | Ansvar |\n|---|---|\n| Plan | Nämnd |\n");
    text
}

fn write_pages(site: &Site, count: usize) {
    site.write(
        "content/massa/_index.md",
        "---\ntitle: Massa\n---\n\nMånga sidor.\n",
    );
    for n in 0..count {
        site.write(
            &format!("content/massa/sida-{n}.md"),
            page(n, count, &format!("Sida {n}")),
        );
    }
}

/// A small deterministic pseudo-random sequence (the delays need not be secret, only spread).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_previous_output_complete() {
    let site = Site::from_fixture("basic");
    write_pages(&site, 600);
    // Two complete outputs: the site as it is (A) and with one page changed (B).
    site.build_ok(&[]);
    let output_a = site.snapshot("public");
    let toggle = |b: bool| {
        let title = if b { "Sida B" } else { "Sida 0" };
        site.write("content/massa/sida-0.md", page(0, 600, title));
    };
    // The kill delays are spread over the time a warm build takes as a process, as the
    // killed ones are: the first build (cold caches) takes longer and would let most of
    // them finish.
    toggle(true);
    let started = Instant::now();
    let built = spawn_build(&site)
        .wait_with_output()
        .expect("wait for the build");
    let duration = started.elapsed();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let output_b = site.snapshot("public");
    assert_ne!(output_a, output_b);

    let mut random = Lcg(20261125);
    let mut current_is_b = true;
    let mut killed_midway = 0;
    // Delays up to `span`, which follows the moment builds publish on this machine now: a
    // shorter span after a build that published, a longer one after a build killed midway.
    let mut span = duration.as_millis() as u64 * 6 / 10;
    for round in 0..20 {
        // Switch the content, start a build and kill it somewhere in its run.
        let want_b = !current_is_b;
        toggle(want_b);
        let mut child = spawn_build(&site);
        let delay = span * (random.next() % 100) / 100;
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let status = child.wait().expect("wait for the killed build");
        let now = site.snapshot("public");
        let previous = if current_is_b { &output_b } else { &output_a };
        let next = if want_b { &output_b } else { &output_a };
        if &now == previous {
            killed_midway += 1;
            span = span * 11 / 10 + 1;
            assert!(
                !status.success(),
                "round {round}: the build exited 0 without publishing"
            );
        } else {
            // The kill came after the swap: the new output is there, and whole.
            assert_same_tree(next, &now, &format!("round {round}: after a late kill"));
            current_is_b = want_b;
            span = span * 7 / 10;
        }
    }
    eprintln!("{killed_midway} of 20 builds were killed before publishing");
    assert!(
        killed_midway >= 8,
        "only {killed_midway} of 20 builds were killed before publishing: the test did not test"
    );
    // The next build cleans up what the killed ones left and publishes the current content.
    site.build_ok(&[]);
    assert!(
        site.hidden_entries().is_empty(),
        "{:?}",
        site.hidden_entries()
    );
    assert_same_tree(
        &fresh_build(&site),
        &site.snapshot("public"),
        "the build after 20 killed ones",
    );
}

#[test]
fn a_file_being_read_from_the_published_folder_is_never_rewritten_in_place() {
    use std::io::Read;
    let site = Site::from_fixture("basic");
    let page = "content/styrgrupp/anvisningar.md";
    let version = |text: &str| {
        site.write(
            page,
            format!("---\ntitle: Anvisningar\n---\n\n{text}\n\n## Mandat\n\nMandat.\n"),
        );
        site.build_ok(&[]);
    };
    version("Version A.");
    version("Version B.");
    // A file server opens the published page (version B) and is slow to send it.
    let published = site.path("public/styrgrupp/anvisningar/index.html");
    let expected = std::fs::read(&published).expect("read the page");
    let mut reader = std::fs::File::open(&published).expect("open the page");
    // Two more builds: the second reuses the folder that held version B.
    version("Version C.");
    version("Version D.");
    let mut served = Vec::new();
    reader.read_to_end(&mut served).expect("read the open page");
    assert_eq!(
        String::from_utf8_lossy(&served),
        String::from_utf8_lossy(&expected),
        "the open file changed under its reader"
    );
    assert!(
        String::from_utf8_lossy(&site.read("public/styrgrupp/anvisningar/index.html"))
            .contains("Version D.")
    );
}

#[test]
fn an_output_folder_that_cannot_be_created_is_named_with_what_to_check() {
    let site = Site::from_fixture("basic");
    // A file where the output folder's parent should be.
    site.write("inte-en-mapp", "en fil");
    let run = site.run(&["build", "--output", "inte-en-mapp/public"]);
    run.expect_no_panic().expect_code(2);
    assert!(
        run.stderr.contains("inte-en-mapp"),
        "the message names the folder:\n{}",
        run.stderr
    );
    assert_eq!(
        run.hint_after("error: cannot create"),
        "check that the folder exists, that you may write to it, and that the disk has free space"
    );
}

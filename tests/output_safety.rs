//! The output folder is handbok's own, and nothing is ever deleted through a link: links
//! named like leftover folders, folders that handbok did not write given as `--output`, an
//! output that is a link or a file, a planted lock file, and the working folders of
//! `handbok serve`. Every destructive case runs against decoy folders, which must come out
//! byte-identical, and checks that nothing was written outside the output's parent.
#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Run, Server, Site};

/// One entry of a [`Tree`]; links are recorded as links, never followed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Folder,
    File(Vec<u8>),
    Link(PathBuf),
    Other,
}

/// What a folder holds, relative path → entry (empty when the folder does not exist).
type Tree = BTreeMap<String, Entry>;

fn tree(dir: &Path) -> Tree {
    let mut out = Tree::new();
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        walk(dir, "", &mut out);
    }
    out
}

fn walk(dir: &Path, prefix: &str, out: &mut Tree) {
    for entry in std::fs::read_dir(dir).expect("read a folder").flatten() {
        let rel = format!("{prefix}{}", entry.file_name().to_string_lossy());
        let path = entry.path();
        let kind = entry.file_type().expect("a file type");
        if kind.is_symlink() {
            out.insert(rel, Entry::Link(std::fs::read_link(&path).expect("a link")));
        } else if kind.is_dir() {
            out.insert(format!("{rel}/"), Entry::Folder);
            walk(&path, &format!("{rel}/"), out);
        } else if kind.is_file() {
            out.insert(rel, Entry::File(std::fs::read(&path).expect("read a file")));
        } else {
            out.insert(rel, Entry::Other);
        }
    }
}

fn assert_same(before: &Tree, after: &Tree, what: &str) {
    if before == after {
        return;
    }
    let mut diff: Vec<String> = Vec::new();
    for (k, v) in before {
        match after.get(k) {
            None => diff.push(format!("removed: {k}")),
            Some(w) if w != v => diff.push(format!("changed: {k}")),
            _ => {}
        }
    }
    diff.extend(
        after
            .keys()
            .filter(|k| !before.contains_key(*k))
            .map(|k| format!("added: {k}")),
    );
    panic!("{what}: the folder changed\n{}", diff.join("\n"));
}

/// Someone's folder that no build may touch: a few files and nested folders.
fn decoy(at: &Path) -> PathBuf {
    for (rel, bytes) in [
        ("viktigt.txt", &b"mitt arbete"[..]),
        ("index.html", b"<h1>min egen sida</h1>"),
        ("undermapp/anteckning.md", b"# anteckning"),
        ("undermapp/djupare/data.bin", &[0, 1, 2, 255]),
    ] {
        let path = at.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        std::fs::write(&path, bytes).expect("write a decoy file");
    }
    at.to_path_buf()
}

fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("create a symbolic link");
}

/// The `basic` site, and a scratch folder holding the output's parent `web/` and decoys.
struct Scene {
    site: Site,
    scratch: tempfile::TempDir,
}

impl Scene {
    fn new() -> Scene {
        let scratch = tempfile::Builder::new()
            .prefix("handbok-safety-")
            .tempdir()
            .expect("a temporary folder");
        std::fs::create_dir(scratch.path().join("web")).expect("create web/");
        Scene {
            site: Site::from_fixture("basic"),
            scratch,
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.scratch.path().join(rel)
    }

    /// `handbok build --output web/public EXTRA`.
    fn build(&self, extra: &[&str]) -> Run {
        self.build_into(&self.path("web/public"), extra)
    }

    fn build_into(&self, output: &Path, extra: &[&str]) -> Run {
        let output = output.to_str().expect("a UTF-8 path");
        let mut args = vec!["build", "--output", output];
        args.extend_from_slice(extra);
        run(self.site.root(), &args)
    }

    /// Everything outside the folders named in `writable` (relative to the scratch folder),
    /// and the whole site, which no build writes when the output is elsewhere.
    fn outside(&self, writable: &[&str]) -> Tree {
        let mut all: Tree = tree(self.scratch.path())
            .into_iter()
            .filter(|(k, _)| !writable.iter().any(|w| k.starts_with(&format!("{w}/"))))
            .collect();
        all.extend(
            tree(self.site.root())
                .into_iter()
                .map(|(k, v)| (format!("site:{k}"), v)),
        );
        all
    }

    /// The names in `web/`, sorted.
    fn beside(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path("web"))
            .expect("read web/")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// Runs the binary in `dir` with English messages; kills it after 60 s, so that a build
/// that hangs fails the test instead of hanging it.
fn run(dir: &Path, args: &[&str]) -> Run {
    let run = common::run_within(dir, args, Duration::from_secs(60));
    run.expect_no_panic();
    run
}

/// The first error line and its hint.
fn refusal(run: &Run) -> (String, String) {
    run.expect_code(2);
    let line = run.line_starting_with("error: ").to_string();
    (line.clone(), run.hint_after(&line).to_string())
}

fn assert_built(output: &Path) {
    assert!(output.join("index.html").is_file(), "no site in {output:?}");
    assert!(
        output.join(".handbok-output").is_file(),
        "no marker in {output:?}"
    );
}

#[test]
fn links_named_like_leftover_or_spare_folders_are_removed_never_followed() {
    let scene = Scene::new();
    scene.build(&[]).expect_success();
    scene.build(&[]).expect_success();
    let web = scene.path("web");
    std::fs::remove_dir_all(web.join(".public.spare")).expect("remove the spare folder");
    for (link, to) in [
        (".public.spare", "decoy-spare"),
        (".public.staging-12345", "decoy-staging"),
        (".public.old-1", "decoy-old"),
    ] {
        symlink(&decoy(&scene.path(to)), &web.join(link));
    }
    // A leftover folder of handbok's own, with links inside it at two depths.
    let leftover = web.join(".public.old-7");
    std::fs::create_dir_all(leftover.join("a/b")).expect("create folders");
    // The marker names the output folder, as every folder of this output's does.
    std::fs::copy(
        web.join("public/.handbok-output"),
        leftover.join(".handbok-output"),
    )
    .expect("copy the marker");
    let deep = decoy(&scene.path("decoy-deep"));
    symlink(&deep, &leftover.join("ut"));
    symlink(&deep, &leftover.join("a/b/ut"));
    let outside = scene.outside(&["web"]);

    scene.build(&[]).expect_success();
    assert_same(&outside, &scene.outside(&["web"]), "a build beside links");
    assert_built(&web.join("public"));
    assert_eq!(scene.beside(), [".public.lock", ".public.spare", "public"]);
    assert!(std::fs::symlink_metadata(web.join(".public.spare"))
        .expect("the spare folder")
        .is_dir());
    scene.build(&[]).expect_success();
    assert_same(&outside, &scene.outside(&["web"]), "the build after that");
}

#[test]
fn a_spare_or_leftover_that_is_a_file_is_removed_and_the_build_works() {
    let scene = Scene::new();
    scene.build(&[]).expect_success();
    let first = tree(&scene.path("web/public"));
    scene.build(&[]).expect_success();
    let web = scene.path("web");
    std::fs::remove_dir_all(web.join(".public.spare")).expect("remove the spare folder");
    std::fs::write(web.join(".public.spare"), "en fil").expect("write a file");
    std::fs::write(web.join(".public.old-3"), "en fil").expect("write a file");
    let outside = scene.outside(&["web"]);
    for n in 0..2 {
        scene.build(&[]).expect_success();
        assert_same(&first, &tree(&web.join("public")), &format!("build {n}"));
        assert_eq!(scene.beside(), [".public.lock", ".public.spare", "public"]);
    }
    assert_same(&outside, &scene.outside(&["web"]), "builds beside files");
}

#[test]
fn an_existing_folder_that_handbok_did_not_write_is_refused_every_time() {
    let scene = Scene::new();
    let output = decoy(&scene.path("web/public"));
    // `--output .git` in a repository, the way a typo would give it.
    let git = decoy(&scene.path("repo/.git"));
    let everything = tree(scene.scratch.path());
    for _ in 0..2 {
        for folder in [&output, &git] {
            let run = scene.build_into(folder, &[]);
            let (line, hint) = refusal(&run);
            assert_eq!(
                line,
                format!(
                    "error: the output folder {} is not empty and was not written by handbok",
                    folder.display()
                )
            );
            assert!(hint.contains("use --force to replace it"), "{hint}");
            assert!(
                run.stderr.contains("the output folder was not changed"),
                "{}",
                run.stderr
            );
        }
    }
    // Nothing at all was written: not the folders, not beside them.
    assert_same(&everything, &tree(scene.scratch.path()), "refused builds");
    let sv = run(
        scene.site.root(),
        &[
            "--lang",
            "sv",
            "build",
            "--output",
            output.to_str().expect("UTF-8"),
        ],
    );
    sv.expect_code(2);
    assert!(
        sv.stderr.contains(&format!(
            "fel: utdatamappen {} är inte tom och har inte skrivits av handbok",
            output.display()
        )),
        "{}",
        sv.stderr
    );
    assert!(
        sv.stderr
            .contains("tips: välj en ny eller tom mapp med --output, eller använd --force"),
        "{}",
        sv.stderr
    );
    assert_same(&everything, &tree(scene.scratch.path()), "a refused build");
}

#[test]
fn an_empty_existing_folder_is_used() {
    let scene = Scene::new();
    std::fs::create_dir(scene.path("web/public")).expect("create an empty folder");
    let outside = scene.outside(&["web"]);
    scene.build(&[]).expect_success();
    assert_built(&scene.path("web/public"));
    scene.build(&[]).expect_success();
    assert_same(
        &outside,
        &scene.outside(&["web"]),
        "builds into an empty folder",
    );
}

#[test]
fn force_deletes_a_foreign_output_folder_without_following_its_links() {
    let scene = Scene::new();
    let output = decoy(&scene.path("web/public"));
    let elsewhere = decoy(&scene.path("decoy"));
    symlink(&elsewhere, &output.join("ut"));
    symlink(&elsewhere, &output.join("undermapp/djupare/ut"));
    let outside = scene.outside(&["web"]);
    scene.build(&["--force"]).expect_success();
    assert_built(&output);
    let now = tree(&output);
    for gone in ["viktigt.txt", "undermapp/", "ut"] {
        assert!(!now.contains_key(gone), "{gone} is still in the output");
    }
    // The replaced folder is deleted, not kept as the spare.
    assert_eq!(scene.beside(), [".public.lock", "public"]);
    assert_same(&outside, &scene.outside(&["web"]), "a forced build");
    // Now the folder is handbok's: later builds need no --force.
    scene.build(&[]).expect_success();
    assert_same(&outside, &scene.outside(&["web"]), "the build after it");
}

#[test]
fn a_spare_or_leftover_folder_that_handbok_did_not_write_is_never_pruned() {
    for name in [".public.spare", ".public.staging-77", ".public.old-78"] {
        let scene = Scene::new();
        scene.build(&[]).expect_success();
        // What an older handbok left after `--output` named someone's folder.
        let foreign = decoy(&scene.path(&format!("web/{name}")));
        refused_even_with_force(
            &scene,
            &format!(
                "the folder {} beside the output holds files that handbok did not write",
                foreign.display()
            ),
            "move what you need out of it, then delete it; handbok never deletes files it did not write",
        );
    }
}

/// Builds without and with `--force`: both are refused with `message` and `hint`, and
/// nothing changes.
fn refused_even_with_force(scene: &Scene, message: &str, hint: &str) {
    let everything = tree(scene.scratch.path());
    for extra in [&[][..], &["--force"]] {
        let refused = refusal(&scene.build(extra));
        assert_eq!(refused, (format!("error: {message}"), hint.to_string()));
        assert_same(&everything, &tree(scene.scratch.path()), message);
    }
}

#[test]
fn a_lock_file_that_is_a_named_pipe_or_a_link_is_refused_without_hanging() {
    let scene = Scene::new();
    scene.build(&[]).expect_success();
    let lock = scene.path("web/.public.lock");
    let target = decoy(&scene.path("decoy"));
    for what in ["a named pipe", "a link"] {
        std::fs::remove_file(&lock).expect("remove the lock file");
        if what == "a link" {
            symlink(&target.join("viktigt.txt"), &lock);
        } else {
            let path = std::ffi::CString::new(lock.to_str().expect("UTF-8")).expect("a path");
            // SAFETY: a valid NUL-terminated path that lives across the call.
            assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0, "mkfifo");
        }
        let everything = tree(scene.scratch.path());
        let (line, hint) = refusal(&scene.build(&[]));
        assert_eq!(
            line,
            format!(
                "error: the lock file {} is not a regular file",
                lock.display()
            ),
            "{what}"
        );
        assert_eq!(hint, "remove it; the next build creates it again");
        assert_same(&everything, &tree(scene.scratch.path()), what);
    }
}

#[test]
fn an_output_that_is_a_symbolic_link_is_written_through_and_stays_a_link() {
    let scene = Scene::new();
    std::fs::create_dir(scene.path("www")).expect("create www/");
    let real = scene.path("www/handbok");
    let link = scene.path("web/public");
    symlink(&real, &link);
    // A link to a folder that does not exist yet is refused: nothing is created.
    let everything = tree(scene.scratch.path());
    let (line, hint) = refusal(&scene.build(&[]));
    assert_eq!(
        line,
        format!(
            "error: the output folder {} is a symbolic link to {}, which does not exist",
            link.display(),
            real.display()
        )
    );
    assert_eq!(hint, "create the folder it points to, or remove the link");
    assert_same(&everything, &tree(scene.scratch.path()), "a dangling link");

    std::fs::create_dir(&real).expect("create the web root");
    let page = "content/styrgrupp/anvisningar.md";
    for version in ["Version A.", "Version B."] {
        scene.site.write(
            page,
            format!("---\ntitle: Anvisningar\n---\n\n{version}\n\n## Mandat\n\nMandat.\n"),
        );
        let outside = scene.outside(&["www"]);
        scene.build(&[]).expect_success();
        assert_eq!(std::fs::read_link(&link).expect("still a link"), real);
        let published = std::fs::read_to_string(real.join("styrgrupp/anvisningar/index.html"))
            .expect("the page in the web root");
        assert!(published.contains(version), "the web root was not updated");
        assert_same(&outside, &scene.outside(&["www"]), "builds through a link");
    }
    assert_built(&real);
}

#[test]
fn an_output_link_to_a_foreign_folder_is_refused() {
    let scene = Scene::new();
    let target = decoy(&scene.path("decoy"));
    symlink(&target, &scene.path("web/public"));
    let everything = tree(scene.scratch.path());
    let (line, _) = refusal(&scene.build(&[]));
    let real = target.canonicalize().expect("a real path");
    assert_eq!(
        line,
        format!(
            "error: the output folder {} is not empty and was not written by handbok",
            real.display()
        )
    );
    assert_same(
        &everything,
        &tree(scene.scratch.path()),
        "a link to a decoy",
    );
}

#[test]
fn an_output_that_is_a_file_is_refused() {
    let scene = Scene::new();
    let file = scene.path("web/public");
    std::fs::write(&file, "en fil").expect("write a file");
    refused_even_with_force(
        &scene,
        &format!(
            "the output folder {} is a file, not a folder",
            file.display()
        ),
        "remove the file or choose another folder with --output",
    );
}

/// Makes `path` (not what a link there points to) look unchanged for a minute: the serve
/// clean-up leaves younger folders alone, since a server may just have created one.
fn age(path: &Path) {
    set_mtime(path, std::time::SystemTime::now() - Duration::from_secs(60));
}

/// Sets the modification time of `path` itself (never of what a link there points to).
fn set_mtime(path: &Path, then: std::time::SystemTime) {
    let secs = then
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let time = libc::timespec {
        tv_sec: secs as libc::time_t,
        tv_nsec: 0,
    };
    let c_path = std::ffi::CString::new(path.to_str().expect("UTF-8")).expect("a path");
    // SAFETY: a valid NUL-terminated path and two timespecs that live across the call.
    let rc = unsafe {
        libc::utimensat(
            libc::AT_FDCWD,
            c_path.as_ptr(),
            [time, time].as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        )
    };
    assert_eq!(rc, 0, "utimensat {path:?}");
}

/// The effective user id of the tests, read from a file they created.
fn my_uid(scene: &Scene) -> u32 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(scene.scratch.path()).expect("stat").uid()
}

#[test]
fn serve_works_in_a_private_folder_and_removes_only_stale_folders_of_its_user() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::io::AsRawFd;
    let scene = Scene::new();
    let tmp = scene.path("tmp");
    std::fs::create_dir(&tmp).expect("create tmp/");
    // A live serve in another PID namespace (a container sharing /tmp): its process id
    // means nothing here, but it holds the lock of its folder.
    let live = decoy(&tmp.join("handbok-serve-3999999999"));
    age(&live);
    let held = std::fs::File::open(&live).expect("open the folder");
    // SAFETY: an open descriptor for the whole call.
    assert_eq!(unsafe { libc::flock(held.as_raw_fd(), libc::LOCK_EX) }, 0);
    // A stopped serve's folder, a link named like one, and (as root) another user's folder.
    let stale = decoy(&tmp.join("handbok-serve-3999999998-x"));
    let elsewhere = decoy(&scene.path("decoy"));
    symlink(&elsewhere, &tmp.join("handbok-serve-3999999997"));
    let theirs = decoy(&tmp.join("handbok-serve-3999999996"));
    for old in [&stale, &tmp.join("handbok-serve-3999999997"), &theirs] {
        age(old);
    }
    let root = my_uid(&scene) == 0;
    if root {
        std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).expect("chown");
    }
    let keep = |t: &Tree| -> Tree {
        t.iter()
            .filter(|(k, _)| !k.starts_with("tmp/handbok-serve-3999999998-x"))
            .filter(|(k, _)| root || !k.starts_with("tmp/handbok-serve-3999999996"))
            .filter(|(k, _)| !k.starts_with("tmp/handbok-serve-") || k.contains("39999999"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let before = keep(&tree(scene.scratch.path()));

    let tmp_env = tmp.to_str().expect("UTF-8");
    let first = Server::start(&scene.site, &[], &[("TMPDIR", tmp_env)]);
    let folder = first.folder(&tmp);
    let meta = std::fs::symlink_metadata(&folder).expect("the serve folder");
    assert!(meta.is_dir());
    assert_eq!(meta.permissions().mode() & 0o777, 0o700, "{folder:?}");
    assert_eq!(meta.uid(), my_uid(&scene));
    assert_ne!(
        folder.file_name(),
        Some(std::ffi::OsStr::new(&format!(
            "handbok-serve-{}",
            first.child.id()
        ))),
        "a predictable name"
    );
    assert!(folder.join("public/index.html").is_file());
    assert!(!stale.exists(), "a stopped serve's folder is left behind");
    assert_same(
        &before,
        &keep(&tree(scene.scratch.path())),
        "starting serve",
    );

    // A second serve leaves the first one's folder alone; once the first is stopped, the
    // next serve removes it.
    let second = Server::start(&scene.site, &[], &[("TMPDIR", tmp_env)]);
    assert!(
        folder.join("public/index.html").is_file(),
        "a live folder was removed"
    );
    drop(first);
    age(&folder);
    let third = Server::start(&scene.site, &[], &[("TMPDIR", tmp_env)]);
    assert!(!folder.exists(), "a stopped serve's folder is left behind");
    assert!(second.folder(&tmp).join("public/index.html").is_file());
    assert!(third.folder(&tmp).join("public/index.html").is_file());
    assert_same(&before, &keep(&tree(scene.scratch.path())), "more serves");
    drop(held);
}

// Review of the output safety: markers, output links, removal races, other users' files,
// copied sites and serve's start-up.

/// Runs `handbok build EXTRA` in the site with the default output `public/`.
fn build_default(scene: &Scene, extra: &[&str]) -> Run {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    run(scene.site.root(), &args)
}

/// Checks that `run` was refused with `message` and `hint`, and that nothing in the scratch
/// folder changed since `before`.
fn assert_refused(scene: &Scene, run: &Run, message: &str, hint: &str, before: &Tree) {
    let refused = refusal(run);
    assert_eq!(refused, (format!("error: {message}"), hint.to_string()));
    assert_same(before, &tree(scene.scratch.path()), message);
}

/// Runs the build with Swedish messages and checks the refusal's message and hint, and
/// that nothing in the scratch folder changed.
fn refused_in_swedish(scene: &Scene, args: &[&str], message: &str, hint: &str) {
    let before = tree(scene.scratch.path());
    let mut all = vec!["--lang", "sv", "build"];
    all.extend_from_slice(args);
    let sv = run(scene.site.root(), &all);
    sv.expect_code(2);
    assert!(
        sv.stderr.contains(&format!("fel: {message}")),
        "{}",
        sv.stderr
    );
    assert!(
        sv.stderr.contains(&format!("tips: {hint}")),
        "{}",
        sv.stderr
    );
    assert_same(&before, &tree(scene.scratch.path()), message);
}

#[test]
fn force_never_writes_through_a_marker_that_is_a_link() {
    let scene = Scene::new();
    // A repository's `public/.handbok-output -> ~/.ssh/authorized_keys`.
    let output = decoy(&scene.path("web/public"));
    let keys = decoy(&scene.path("decoy"));
    symlink(&keys.join("viktigt.txt"), &output.join(".handbok-output"));
    let outside = scene.outside(&["web"]);
    scene.build(&["--force"]).expect_success();
    assert_same(&outside, &scene.outside(&["web"]), "a forced build");
    assert_built(&output);
    let marker = std::fs::symlink_metadata(output.join(".handbok-output")).expect("a marker");
    assert!(marker.is_file(), "the marker is a link");
    assert_eq!(scene.beside(), [".public.lock", "public"]);
}

#[test]
fn a_default_output_that_is_a_link_is_never_followed() {
    let scene = Scene::new();
    // Elsewhere on the machine: an empty folder, and one that handbok built.
    let empty = scene.path("www/tom");
    std::fs::create_dir_all(&empty).expect("create a folder");
    let built = scene.path("www/byggd");
    scene.build_into(&built, &[]).expect_success();
    let link = scene.site.path("public");
    let message = "the output folder ./public is a symbolic link; handbok follows a link only when it is given with --output";
    let hint = "remove the link, or name it with --output to build into the folder it points to";
    for target in [&empty, &built] {
        let _ = std::fs::remove_file(&link);
        symlink(target, &link);
        let everything = tree(scene.scratch.path());
        let site = tree(scene.site.root());
        for extra in [&[][..], &["--force"]] {
            // No lock, staging or spare folder beside the target either.
            let refused = build_default(&scene, extra);
            assert_refused(&scene, &refused, message, hint, &everything);
            assert_same(&site, &tree(scene.site.root()), "the site");
        }
    }
    refused_in_swedish(
        &scene,
        &[],
        "utdatamappen ./public är en symbolisk länk; handbok följer en länk bara när den anges med --output",
        "ta bort länken, eller ange den med --output för att bygga i mappen som den pekar på",
    );
    // Named with --output, the link is the user's own choice: built through.
    build_default(&scene, &["--output", "public"]).expect_success();
    assert_built(&built);
    assert!(std::fs::symlink_metadata(&link)
        .expect("the link")
        .is_symlink());
}

#[test]
fn force_never_follows_an_output_link() {
    let scene = Scene::new();
    let target = decoy(&scene.path("www/handbok"));
    let link = scene.path("web/public");
    symlink(&target, &link);
    let everything = tree(scene.scratch.path());
    let message = format!(
        "the output folder {} is a symbolic link, and --force never replaces a folder through a link",
        link.display()
    );
    let hint = "give the folder it points to with --output, or build without --force";
    assert_refused(
        &scene,
        &scene.build(&["--force"]),
        &message,
        hint,
        &everything,
    );
    refused_in_swedish(
        &scene,
        &["--output", link.to_str().expect("UTF-8"), "--force"],
        &format!(
            "utdatamappen {} är en symbolisk länk, och --force ersätter aldrig en mapp via en länk",
            link.display()
        ),
        "ange mappen som länken pekar på med --output, eller bygg utan --force",
    );
    assert_same(&everything, &tree(scene.scratch.path()), "a forced link");
}

/// `name` as a C string.
fn c(name: &str) -> std::ffi::CString {
    std::ffi::CString::new(name).expect("a name without NUL")
}

#[test]
#[cfg(target_os = "linux")]
fn a_folder_swapped_for_a_link_while_it_is_deleted_is_never_followed() {
    use std::os::unix::io::AsRawFd;
    use std::sync::atomic::{AtomicBool, Ordering};
    const FOLDERS: usize = 8;
    const FILES: usize = 600;
    let scene = Scene::new();
    let output = decoy(&scene.path("web/public"));
    // The decoy holds files by the names that the deleted folders hold.
    let elsewhere = decoy(&scene.path("decoy"));
    for f in 0..FILES {
        std::fs::write(elsewhere.join(format!("f{f}")), "behåll").expect("write a file");
    }
    for d in 0..FOLDERS {
        let folder = output.join(format!("d{d}"));
        std::fs::create_dir(&folder).expect("create a folder");
        for f in 0..FILES {
            std::fs::write(folder.join(format!("f{f}")), "x").expect("write a file");
        }
        symlink(&elsewhere, &output.join(format!("d{d}.länk")));
    }
    let outside = scene.outside(&["web"]);
    // Another process swaps each folder with a link to the decoy and back, atomically
    // (`RENAME_EXCHANGE`), through a descriptor of the output folder, which follows the
    // folder when the build moves it aside.
    let dir = std::fs::File::open(&output).expect("open the output folder");
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let swapper = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let fd = dir.as_raw_fd();
            let names: Vec<_> = (0..FOLDERS)
                .map(|d| (c(&format!("d{d}")), c(&format!("d{d}.länk"))))
                .collect();
            while !stop.load(Ordering::Relaxed) {
                for (folder, link) in &names {
                    // SAFETY: an open descriptor and NUL-terminated names that live across
                    // the call; failures (the build removed one of them) are expected.
                    unsafe {
                        libc::syscall(
                            libc::SYS_renameat2,
                            fd,
                            folder.as_ptr(),
                            fd,
                            link.as_ptr(),
                            libc::RENAME_EXCHANGE,
                        );
                    }
                }
            }
        })
    };
    let forced = scene.build(&["--force"]);
    stop.store(true, Ordering::Relaxed);
    swapper.join().expect("the swapping thread");
    forced.expect_success();
    assert_same(&outside, &scene.outside(&["web"]), "a forced build");
    assert_built(&output);
}

#[test]
fn a_folder_or_marker_of_another_user_is_not_handbok_s() {
    let scene = Scene::new();
    if !common::root_or_skip("changing a folder's owner") {
        return;
    }
    let output = scene.path("web/public");
    scene.build(&[]).expect_success();
    let chown = |path: &Path| std::os::unix::fs::chown(path, Some(65534), Some(65534));
    // Only the marker is another user's: not handbok's.
    chown(&output.join(".handbok-output")).expect("chown the marker");
    let everything = tree(scene.scratch.path());
    let (line, _) = refusal(&scene.build(&[]));
    assert_eq!(
        line,
        format!(
            "error: the output folder {} is not empty and was not written by handbok",
            output.display()
        )
    );
    // The folder too (a folder of another user's is never handbok's, marker or not).
    chown(&output).expect("chown the folder");
    let message = format!(
        "the output folder {} belongs to another user",
        output.display()
    );
    let hint = "choose a folder of your own with --output, or use --force to replace it (everything in it is deleted)";
    assert_refused(&scene, &scene.build(&[]), &message, hint, &everything);
    refused_in_swedish(
        &scene,
        &["--output", output.to_str().expect("UTF-8")],
        &format!("utdatamappen {} tillhör en annan användare", output.display()),
        "välj en egen mapp med --output, eller använd --force för att ersätta den (allt i den raderas)",
    );
    assert_same(
        &everything,
        &tree(scene.scratch.path()),
        "another user's folder",
    );
}

#[test]
fn a_lock_file_of_another_user_is_refused_without_waiting() {
    use std::os::unix::io::AsRawFd;
    let scene = Scene::new();
    if !common::root_or_skip("changing a file's owner") {
        return;
    }
    scene.build(&[]).expect_success();
    let lock = scene.path("web/.public.lock");
    std::os::unix::fs::chown(&lock, Some(65534), Some(65534)).expect("chown the lock file");
    // Its owner holds the lock, for ever.
    let held = std::fs::File::open(&lock).expect("open the lock file");
    // SAFETY: an open descriptor for the whole call.
    assert_eq!(unsafe { libc::flock(held.as_raw_fd(), libc::LOCK_EX) }, 0);
    let everything = tree(scene.scratch.path());
    // A build that waited for the lock would be killed by `run` after 60 s and fail.
    let refused = scene.build(&[]);
    let message = format!("the lock file {} belongs to another user", lock.display());
    let hint = "remove it (the next build creates it again), or build into a folder of your own";
    assert_refused(&scene, &refused, &message, hint, &everything);
    refused_in_swedish(
        &scene,
        &[
            "--output",
            scene.path("web/public").to_str().expect("UTF-8"),
        ],
        &format!("låsfilen {} tillhör en annan användare", lock.display()),
        "ta bort den (nästa bygge skapar den igen), eller bygg i en egen mapp",
    );
    drop(held);
}

/// Copies the files and folders of `from` into `to` (`rsync -r from/ to/`).
fn copy_into(from: &Path, to: &Path) {
    for (rel, entry) in tree(from) {
        match entry {
            Entry::Folder => std::fs::create_dir_all(to.join(rel)).expect("create a folder"),
            Entry::File(bytes) => std::fs::write(to.join(rel), bytes).expect("write a file"),
            other => panic!("{rel}: {other:?} in a built site"),
        }
    }
}

#[test]
fn a_copy_of_a_built_site_is_not_handbok_s() {
    let scene = Scene::new();
    let built = scene.path("web/public");
    scene.build(&[]).expect_success();
    let real = built.canonicalize().expect("a real path");
    let marker = std::fs::read_to_string(built.join(".handbok-output")).expect("the marker");
    assert!(
        marker.ends_with(&format!("\noutput: {}\n", real.display())),
        "{marker}"
    );
    // `rsync public/ /var/www/html/` into a web root that holds other files.
    let copy = decoy(&scene.path("www/html"));
    copy_into(&built, &copy);
    let everything = tree(scene.scratch.path());
    let message = format!(
        "the output folder {} was written by handbok for another output folder, {}",
        copy.display(),
        real.display()
    );
    let hint = "a copy of a built site is never replaced: choose a new or empty folder with --output, or if you moved the folder here, use --force to replace it (everything in it is deleted)";
    assert_refused(
        &scene,
        &scene.build_into(&copy, &[]),
        &message,
        hint,
        &everything,
    );
    refused_in_swedish(
        &scene,
        &["--output", copy.to_str().expect("UTF-8")],
        &format!(
            "utdatamappen {} skrevs av handbok för en annan utdatamapp, {}",
            copy.display(),
            real.display()
        ),
        "en kopia av en byggd webbplats ersätts aldrig: välj en ny eller tom mapp med --output, eller, om du har flyttat hit mappen, använd --force för att ersätta den (allt i den raderas)",
    );
    // A copy by the name of a spare folder, beside another output: not reused or pruned.
    scene
        .build_into(&scene.path("www/site"), &[])
        .expect_success();
    let spare = decoy(&scene.path("www/.site.spare"));
    copy_into(&built, &spare);
    let everything = tree(scene.scratch.path());
    let message = format!(
        "the folder {} beside the output was written by handbok for another output folder, {}",
        spare.display(),
        real.display()
    );
    let hint = "delete it if you moved the site here; handbok never deletes a folder written for another output";
    assert_refused(
        &scene,
        &scene.build_into(&scene.path("www/site"), &["--force"]),
        &message,
        hint,
        &everything,
    );
}

/// Makes the change `edit(n)` and returns the log line of serve's rebuild or update, or its
/// failure. The change is made again (with the next `n`) while none comes: the watcher may
/// not be watching yet right after the server started.
fn rebuild_after(server: &Server, edit: impl Fn(usize)) -> String {
    for n in 0..15 {
        edit(n);
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if let Ok(line) = server.log.recv_timeout(Duration::from_millis(100)) {
                if ["rebuilt ", "updated ", "the build failed"]
                    .iter()
                    .any(|start| line.starts_with(start))
                {
                    return line;
                }
            }
        }
    }
    panic!("serve did not rebuild after 15 changes");
}

#[test]
fn a_serve_folder_still_being_created_is_left_alone() {
    let scene = Scene::new();
    let tmp = scene.path("tmp");
    // A server that has just created its folder and not yet locked it.
    let starting = decoy(&tmp.join("handbok-serve-3999999995-nytt"));
    // Changed "in the future": young however long the server takes to start, so the test
    // does not depend on the machine's speed.
    set_mtime(
        &starting,
        std::time::SystemTime::now() + Duration::from_secs(3600),
    );
    let before = tree(&starting);
    let server = Server::start(
        &scene.site,
        &[],
        &[("TMPDIR", tmp.to_str().expect("UTF-8"))],
    );
    assert!(server.folder(&tmp).join("public/index.html").is_file());
    assert_same(
        &before,
        &tree(&starting),
        "a folder of a server starting up",
    );
}

#[test]
fn serve_never_makes_its_private_folder_again() {
    let scene = Scene::new();
    let tmp = scene.path("tmp");
    std::fs::create_dir(&tmp).expect("create tmp/");
    let server = Server::start(
        &scene.site,
        &[],
        &[("TMPDIR", tmp.to_str().expect("UTF-8"))],
    );
    let folder = server.folder(&tmp);
    std::fs::remove_dir_all(&folder).expect("remove the serve folder");
    // A text edit (an incremental update), then a configuration edit (a full build).
    let page = "content/styrgrupp/anvisningar.md";
    let text = scene.site.read_string(page);
    let first = rebuild_after(&server, |n| {
        scene
            .site
            .write(page, text.replace("arbete.", &format!("arbete {n}.")));
    });
    assert!(!folder.exists(), "made again after an edit ({first})");
    // Let the first phase's rebuilds (one per edit it took) finish and drain their lines,
    // so that the next line comes from the configuration edit.
    while server.log.recv_timeout(Duration::from_secs(2)).is_ok() {}
    let config = scene.site.read_string("handbok.yaml");
    let second = rebuild_after(&server, |n| {
        scene
            .site
            .write("handbok.yaml", format!("{config}\n# ändrad {n}\n"));
    });
    assert!(!folder.exists(), "made again after a full build ({second})");
    assert_eq!(tree(&tmp), Tree::new(), "something was written in tmp/");
}

//! Faults and atomicity: killed builds, full disks, unwritable and forbidden output
//! paths, lock files with comments, reproducible outputs, exit codes and closed
//! pipes.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::support::*;

/// Every file and directory under `dir`, by path relative to it (directories end
/// with `/` and have no bytes).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            if path.is_dir() {
                out.insert(format!("{rel}/"), Vec::new());
                walk(root, &path, out);
            } else {
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Writes a tree read by [`tree`] into `dir`.
fn restore(dir: &Path, files: &BTreeMap<String, Vec<u8>>) {
    for (rel, bytes) in files {
        if let Some(rel) = rel.strip_suffix('/') {
            std::fs::create_dir_all(dir.join(rel)).unwrap();
        } else {
            write(dir, rel, bytes);
        }
    }
}

/// Panics with the first difference between two trees.
fn assert_same_tree(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>, what: &str) {
    let (ka, kb): (Vec<&String>, Vec<&String>) = (a.keys().collect(), b.keys().collect());
    assert_eq!(ka, kb, "{what}: the files differ");
    for (path, bytes) in a {
        assert!(b[path] == *bytes, "{what}: {path} differs");
    }
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A generated project large enough that a debug build takes a while: `docs`
/// documents of four sections with five paragraphs each, in `locales` complete
/// locales.
fn generated(docs: usize, locales: usize) -> TempDir {
    const TAGS: [&str; 12] =
        ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "pl", "cs", "ja", "ko"];
    let dir = TempDir::new().unwrap();
    let tags = &TAGS[..locales];
    let mut config = String::from("source-locale = \"en\"\n");
    for tag in tags {
        config.push_str(&format!("\n[locales.{tag}]\nname = \"{tag}\"\n"));
    }
    write(dir.path(), "tolk.toml", config);
    for d in 0..docs {
        let mut doc =
            format!("id = \"doc-{d}\"\ntitle = \"d{d}-title\"\nsummary = \"d{d}-summary\"\n");
        for s in 0..4 {
            doc.push_str(&format!(
                "\n[[sections]]\nid = \"s{s}\"\nheading = \"d{d}-s{s}-heading\"\n"
            ));
            for p in 0..5 {
                doc.push_str(&format!(
                    "\n[[sections.blocks]]\ntype = \"paragraph\"\ntext = \"d{d}-s{s}-p{p}\"\n"
                ));
            }
        }
        write(dir.path(), &format!("content/doc-{d}.toml"), doc);
    }
    for tag in tags {
        let mut ftl = String::new();
        for d in 0..docs {
            ftl.push_str(&format!("d{d}-title = Title {d} ({tag})\n"));
            ftl.push_str(&format!("d{d}-summary = Summary {d} ({tag})\n"));
            for s in 0..4 {
                ftl.push_str(&format!("d{d}-s{s}-heading = Heading {s} ({tag})\n"));
                for p in 0..5 {
                    ftl.push_str(&format!(
                        "d{d}-s{s}-p{p} = Paragraph {p} of section {s} of document {d} ({tag}). {}\n",
                        "Lorem ipsum dolor sit amet. ".repeat(4)
                    ));
                }
            }
        }
        write(dir.path(), &format!("locales/{tag}/main.ftl"), ftl);
    }
    dir
}

/// A small pseudo-random generator (xorshift), seeded from the clock; the seed is
/// printed so a failure can be replayed with `TOLK_FAULTS_SEED`.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("TOLK_FAULTS_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        eprintln!("TOLK_FAULTS_SEED={seed}");
        Rng(seed | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn tolk_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_tolk"))
}

/// Waits for a child, killing it after a generous timeout so that a hang fails
/// the test instead of blocking it.
fn wait_bounded(child: &mut std::process::Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("tolk did not finish within 300 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_previous_output_complete() {
    let dir = generated(12, 8);
    let root = dir.path();
    let dist = root.join("dist");
    let (code, _, stderr) = run(tolk().arg("build").arg(root));
    assert_eq!(code, 0, "{stderr}");
    let old = tree(&dist);

    // New inputs, so that the new output differs from the old one in every file.
    for entry in std::fs::read_dir(root.join("locales")).unwrap() {
        let path = entry.unwrap().path().join("main.ftl");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("Lorem", "Changed")).unwrap();
    }
    let other = TempDir::new().unwrap();
    let started = Instant::now();
    let (code, _, stderr) = run(tolk().arg("build").arg(root).arg("--out").arg(other.path()));
    assert_eq!(code, 0, "{stderr}");
    let full = started.elapsed();
    let new = tree(other.path());
    assert!(old.keys().eq(new.keys()) && old != new);
    let old_html = &old["fr/doc-3.html"];
    assert!(old_html != &new["fr/doc-3.html"]);

    // Kill builds at random moments over the whole run.
    let mut rng = Rng::new();
    let expected_names = ["content", "dist", "locales", "tolk.toml"];
    let (mut kept_old, mut finished, mut staging_left) = (0, 0, 0);
    for round in 0..20 {
        let delay = Duration::from_micros(rng.below(full.as_micros() as u64 * 11 / 10 + 1));
        let mut child = StdCommand::new(tolk_bin())
            .arg("build")
            .arg(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        wait_bounded(&mut child);

        // Besides the project, only hidden leftovers of this output directory.
        let mut leftovers = Vec::new();
        for name in names(root) {
            if expected_names.contains(&name.as_str()) {
                continue;
            }
            assert!(
                name.starts_with(".dist.tolk-staging-") || name.starts_with(".dist.tolk-old-"),
                "round {round} (after {delay:?}): unexpected {name}"
            );
            leftovers.push(name);
        }
        staging_left += leftovers.iter().filter(|n| n.contains("staging")).count();
        // The output: `dist`, or, killed between the two renames where the file
        // system cannot exchange directories, the previous output set aside.
        let output = if dist.exists() {
            tree(&dist)
        } else {
            let old_dirs: Vec<&String> = leftovers.iter().filter(|n| n.contains("-old-")).collect();
            assert_eq!(old_dirs.len(), 1, "round {round}: no output and no previous output");
            tree(&root.join(old_dirs[0]))
        };
        if output == old {
            kept_old += 1;
        } else {
            // Killed after the swap: the complete new output, nothing else.
            assert_same_tree(&output, &new, &format!("round {round} (after {delay:?})"));
            finished += 1;
            if dist.exists() {
                std::fs::remove_dir_all(&dist).unwrap();
            }
            restore(&dist, &old);
        }
    }
    eprintln!(
        "{kept_old} kept the previous output, {finished} completed, {staging_left} left a staging directory"
    );

    // The next build cleans up and writes the new output.
    let (code, _, stderr) = run(tolk().arg("build").arg(root));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(names(root), expected_names);
    assert_same_tree(&tree(&dist), &new, "the build after the kills");
}

/// Whether this process can mount file systems in a private mount namespace.
fn can_mount() -> bool {
    StdCommand::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs a bash `script` with `$TOLK`, `$PROJECT` and `$WORK` set, in a private
/// mount namespace when `mount` is true. Returns its stderr after asserting it
/// succeeded.
fn script(mount: bool, project: &Path, work: &Path, script: &str) -> String {
    let mut cmd = if mount {
        let mut c = StdCommand::new("unshare");
        c.args(["-m", "bash", "-euc", script]);
        c
    } else {
        let mut c = StdCommand::new("bash");
        c.args(["-euc", script]);
        c
    };
    let out = cmd
        .env("TOLK", tolk_bin())
        .env("PROJECT", project)
        .env("WORK", work)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "the script failed: {stderr}");
    stderr
}

#[test]
fn a_full_disk_names_the_file_removes_the_staging_directory_and_keeps_the_output() {
    let project = sample();
    let work = TempDir::new().unwrap();
    // A small tmpfs that holds one build but not a second one beside it; without
    // the right to mount, a file size limit makes the writes fail instead.
    let mount = can_mount();
    eprintln!("simulating a full disk with {}", if mount { "a full tmpfs" } else { "ulimit -f" });
    script(
        mount,
        project.path(),
        work.path(),
        &r#"
        mnt=$WORK/mnt; mkdir "$mnt"
        if [ -n "MOUNTED" ]; then mount -t tmpfs -o size=2m tmpfs "$mnt"; fi
        "$TOLK" build "$PROJECT" --out "$mnt/dist" 2>/dev/null
        cp -a "$mnt/dist" "$WORK/before"
        set +e
        if [ -n "MOUNTED" ]; then
            used=$(du -sk "$mnt/dist" | cut -f1)
            avail=$(df -k --output=avail "$mnt" | tail -1)
            head -c $(( (avail - used / 2) * 1024 )) /dev/zero > "$mnt/filler"
            "$TOLK" build "$PROJECT" --out "$mnt/dist" 2> "$WORK/stderr"
        else
            (ulimit -f 8; trap '' XFSZ; exec "$TOLK" build "$PROJECT" --out "$mnt/dist" 2> "$WORK/stderr")
        fi
        echo $? > "$WORK/code"
        set -e
        cp -a "$mnt/dist" "$WORK/after"
        ls -A "$mnt" > "$WORK/listing"
        "#
        .replace("MOUNTED", if mount { "1" } else { "" }),
    );
    let read = |name: &str| std::fs::read_to_string(work.path().join(name)).unwrap();
    let stderr = read("stderr");
    assert_eq!(read("code").trim(), "2", "{stderr}");
    let cause = if mount { "No space left on device" } else { "File too large" };
    assert!(stderr.contains(cause), "{stderr}");
    // The message names the file that could not be written, and says the output
    // is unchanged.
    let mnt = work.path().join("mnt");
    let named = format!("cannot write {}/", mnt.join("dist").display());
    assert!(stderr.contains(&named), "{stderr}");
    assert!(stderr.contains("is unchanged"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // The staging directory is gone and the previous output is intact.
    let listing = read("listing");
    let listing: Vec<&str> = listing.lines().filter(|l| *l != "filler").collect();
    assert_eq!(listing, ["dist"]);
    let before = tree(&work.path().join("before"));
    assert!(before.contains_key("index.json"));
    assert_same_tree(&before, &tree(&work.path().join("after")), "the output after a full disk");
}

#[test]
fn an_unwritable_parent_is_named_and_the_output_kept() {
    let project = sample();
    let work = TempDir::new().unwrap();
    // Root may write anywhere; a read-only mount stops it. Others are stopped by
    // the permissions.
    let mount = can_mount();
    script(
        mount,
        project.path(),
        work.path(),
        &r#"
        mnt=$WORK/mnt; mkdir "$mnt"
        if [ -n "MOUNTED" ]; then mount -t tmpfs -o size=4m tmpfs "$mnt"; fi
        "$TOLK" build "$PROJECT" --out "$mnt/dist" 2>/dev/null
        cp -a "$mnt/dist" "$WORK/before"
        if [ -n "MOUNTED" ]; then mount -o remount,ro "$mnt"; else chmod a-w "$mnt"; fi
        set +e
        "$TOLK" build "$PROJECT" --out "$mnt/dist" 2> "$WORK/stderr"
        echo $? > "$WORK/code"
        set -e
        chmod u+w "$mnt" 2>/dev/null || true
        cp -a "$mnt/dist" "$WORK/after"
        ls -A "$mnt" > "$WORK/listing"
        "#
        .replace("MOUNTED", if mount { "1" } else { "" }),
    );
    let read = |name: &str| std::fs::read_to_string(work.path().join(name)).unwrap();
    let stderr = read("stderr");
    assert_eq!(read("code").trim(), "2", "{stderr}");
    let staging = work.path().join("mnt").join(".dist.tolk-staging-");
    assert!(
        stderr.contains(&format!("cannot create the staging directory {}", staging.display())),
        "{stderr}"
    );
    assert_eq!(read("listing").trim(), "dist");
    assert_same_tree(
        &tree(&work.path().join("before")),
        &tree(&work.path().join("after")),
        "the output under a read-only parent",
    );
}

#[test]
fn an_output_path_that_is_a_file_or_under_a_file_is_refused() {
    let dir = sample();
    write(dir.path(), "notes.txt", "mine\n");
    let file = dir.path().join("notes.txt");
    for out in [file.clone(), file.join("dist")] {
        let (code, _, stderr) = run(tolk().arg("build").arg(dir.path()).arg("--out").arg(&out));
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(&file.display().to_string()), "{stderr}");
        assert!(stderr.contains("is not a directory"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine\n");
}

#[test]
fn the_inputs_are_never_written() {
    let dir = sample();
    std::fs::copy(repo().join("tolk.lock"), dir.path().join("tolk.lock")).unwrap();
    let before = tree(dir.path());
    let p = dir.path();
    for out in [
        p.to_path_buf(),
        p.join("."),
        p.join("content"),
        p.join("content/new"),
        p.join("locales"),
        p.join("locales/fr"),
        p.join("locales/fr/site.ftl"),
        p.join("tolk.toml"),
        p.join("tolk.lock"),
        p.join("content/understanding-trafficking.toml/x"),
        p.parent().unwrap().to_path_buf(),
    ] {
        let (code, _, stderr) = run(tolk().arg("build").arg(p).arg("--out").arg(&out));
        assert_eq!(code, 2, "--out {}: {stderr}", out.display());
        assert!(
            stderr.contains("refusing to") || stderr.contains("is not a directory"),
            "--out {}: {stderr}",
            out.display()
        );
    }
    assert_same_tree(&before, &tree(dir.path()), "the project");
}

#[test]
fn a_directory_tolk_did_not_write_is_not_replaced() {
    let dir = sample();
    let out = dir.path().join("site");
    write(&out, "CNAME", "example.org\n");
    let (code, _, stderr) = run(tolk().arg("build").arg(dir.path()).arg("--out").arg(&out));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(&format!("refusing to replace {}", out.display())), "{stderr}");
    assert_eq!(names(&out), ["CNAME"]);
    // Nor one with an `index.json` that is not tolk's manifest.
    write(&out, "index.json", "{\"name\": \"my app\"}\n");
    let (code, _, stderr) = run(tolk().arg("build").arg(dir.path()).arg("--out").arg(&out));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(names(&out), ["CNAME", "index.json"]);
    // An empty directory is fine, and so is tolk's own output, replaced as a whole.
    std::fs::remove_dir_all(&out).unwrap();
    std::fs::create_dir(&out).unwrap();
    let (code, _, stderr) = run(tolk().arg("build").arg(dir.path()).arg("--out").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) =
        run(tolk().arg("build").arg(dir.path()).arg("--out").arg(&out).args(["--locale", "fr"]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(names(&out), ["fr", "index.html", "index.json"]);
    assert_eq!(names(dir.path()), ["content", "locales", "site", "tolk.toml"]);
}

#[test]
fn leftovers_of_killed_builds_are_repaired_by_the_next_build() {
    let dir = sample();
    let root = dir.path();
    let dist = root.join("dist");
    let (code, _, stderr) = run(tolk().arg("build").arg(root));
    assert_eq!(code, 0, "{stderr}");
    let old = tree(&dist);
    // A build killed between its two renames (process 4294967295 cannot exist):
    // no output, the previous one set aside; and a partial staging directory.
    std::fs::rename(&dist, root.join(".dist.tolk-old-4294967295")).unwrap();
    write(root, ".dist.tolk-staging-4294967294/fr/half.html", "<html");
    // A staging directory of a running process (this one) is left alone.
    let live = format!(".dist.tolk-staging-{}", std::process::id());
    write(root, &format!("{live}/x"), "x");
    // Even a build that stops at the check restores the output.
    remove_message(&root.join("locales/hi/trafficking.ftl"), "help-call");
    let (code, _, stderr) = run(tolk().arg("build").arg(root));
    assert_eq!(code, 1, "{stderr}");
    assert_same_tree(&old, &tree(&dist), "the restored output");
    assert_eq!(names(root), [live.as_str(), "content", "dist", "locales", "tolk.toml"]);
}

#[test]
fn outputs_are_byte_identical_across_runs_and_thread_counts() {
    let dir = sample();
    let mut trees = Vec::new();
    for threads in ["1", "2", "4", "1"] {
        let out = TempDir::new().unwrap();
        let (code, _, stderr) = run(tolk()
            .env("RAYON_NUM_THREADS", threads)
            .arg("build")
            .arg(dir.path())
            .arg("--out")
            .arg(out.path())
            .args(["--pseudo", "--format", "json,html,text,typst"]));
        assert_eq!(code, 0, "{stderr}");
        trees.push((threads, tree(out.path())));
    }
    let (_, first) = &trees[0];
    assert!(first.len() > 40, "{:?}", first.keys());
    for (threads, t) in &trees[1..] {
        assert_same_tree(first, t, &format!("RAYON_NUM_THREADS={threads}"));
    }
    // The same holds for `tolk check` reports and the lock file.
    let report = |threads: &str| {
        run(tolk()
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "--format", "json"])
            .arg(dir.path()))
        .1
    };
    assert_eq!(report("1"), report("4"));
}

#[test]
fn lock_keeps_comments_and_unknown_keys_and_updates_entries() {
    let dir = sample();
    let p = dir.path();
    std::fs::copy(repo().join("tolk.lock"), p.join("tolk.lock")).unwrap();
    let committed = std::fs::read_to_string(p.join("tolk.lock")).unwrap();
    let mut text = committed
        .replace("version = 1\n", "version = 1\nreviewed-by = \"legal\" # who signs off\n");
    text = text.replace("[locales.fr]\n", "# French: formal register.\n[locales.fr]\n");
    text.push_str("\n# Tooling of our own.\n[x-export]\nformat = \"xliff\"\n");
    std::fs::write(p.join("tolk.lock"), &text).unwrap();
    // The French translation of a message changes.
    let ftl = p.join("locales/fr/trafficking.ftl");
    let fr = std::fs::read_to_string(&ftl).unwrap();
    let line = fr.lines().find(|l| l.starts_with("help-chat =")).unwrap().to_owned();
    std::fs::write(&ftl, fr.replace(&line, &format!("{line} (24/7)"))).unwrap();

    let (code, _, stderr) = run(tolk().arg("lock").arg(p));
    assert_eq!(code, 0, "{stderr}");
    let edited = std::fs::read_to_string(p.join("tolk.lock")).unwrap();
    for kept in [
        "reviewed-by = \"legal\" # who signs off\n",
        "# French: formal register.\n[locales.fr]\n",
        "\n# Tooling of our own.\n[x-export]\nformat = \"xliff\"\n",
    ] {
        assert!(edited.contains(kept), "{kept:?} was dropped");
    }
    // Exactly one line changed: the French help-chat entry.
    let changed: Vec<(&str, &str)> =
        text.lines().zip(edited.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(text.lines().count(), edited.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].0.starts_with("help-chat = ") && changed[0].1.starts_with("help-chat = "));
    // The file is read back as before, and `tolk check` accepts it.
    let (code, _, stderr) = run(tolk().arg("check").arg(p));
    assert!(code == 0 || code == 1, "{stderr}");
    assert!(!stderr.contains("tolk.lock"), "{stderr}");
    // Locking again changes nothing; no temporary file is left.
    run(tolk().arg("lock").arg(p));
    assert_eq!(std::fs::read_to_string(p.join("tolk.lock")).unwrap(), edited);
    assert!(names(p).iter().all(|n| !n.starts_with(".tolk-")), "{:?}", names(p));
}

#[test]
fn exit_codes_are_0_1_and_2() {
    let clean = sample();
    let broken = sample();
    remove_message(&broken.path().join("locales/hi/trafficking.ftl"), "help-call");
    let out = TempDir::new().unwrap();
    let cases: Vec<(Vec<&std::ffi::OsStr>, i32)> = vec![
        (vec!["check".as_ref(), clean.path().as_os_str()], 0),
        (vec!["check".as_ref(), broken.path().as_os_str()], 1),
        (
            vec![
                "check".as_ref(),
                "--format".as_ref(),
                "sarif".as_ref(),
                broken.path().as_os_str(),
            ],
            1,
        ),
        (vec!["check".as_ref(), "--deny-warnings".as_ref(), clean.path().as_os_str()], 1),
        (
            vec![
                "check".as_ref(),
                "--min-coverage".as_ref(),
                "101".as_ref(),
                clean.path().as_os_str(),
            ],
            1,
        ),
        (vec!["check".as_ref(), "--bogus".as_ref()], 2),
        (vec!["check".as_ref(), "/nonexistent/tolk".as_ref()], 2),
        (vec!["frobnicate".as_ref()], 2),
        (
            vec![
                "build".as_ref(),
                clean.path().as_os_str(),
                "--out".as_ref(),
                out.path().as_os_str(),
            ],
            0,
        ),
        (
            vec![
                "build".as_ref(),
                broken.path().as_os_str(),
                "--out".as_ref(),
                out.path().as_os_str(),
            ],
            1,
        ),
        (vec!["build".as_ref(), clean.path().as_os_str(), "--format".as_ref(), "docx".as_ref()], 2),
        (vec!["stats".as_ref(), clean.path().as_os_str()], 0),
        (vec!["stats".as_ref(), "/nonexistent/tolk".as_ref()], 2),
        (vec!["lock".as_ref(), clean.path().as_os_str()], 0),
        (vec!["lock".as_ref(), "/nonexistent/tolk".as_ref()], 2),
    ];
    for (args, expected) in cases {
        let (code, _, stderr) = run(tolk().args(&args));
        assert_eq!(code, expected, "tolk {args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "tolk {args:?}: {stderr}");
    }
}

#[test]
fn a_pipe_closed_early_exits_quietly() {
    for format in ["json", "human", "sarif"] {
        let mut child = StdCommand::new(tolk_bin())
            .args(["check", "--format", format])
            .arg(repo())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the pipe before tolk writes, like `| head -c 0`: every write fails.
        drop(child.stdout.take());
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        let status = wait_bounded(&mut child);
        assert_eq!(status.code(), Some(0), "--format {format}: {status:?} {stderr}");
        assert_eq!(stderr, "", "--format {format}");
    }
}

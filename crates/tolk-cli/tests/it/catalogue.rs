//! The bad input catalogue: one test per kind of hostile or broken input, each
//! run as a child process under a time limit (the child is killed when it runs
//! over) and an address-space limit (`prlimit --as`), asserting a diagnostic that
//! names the file, exit code 1 or 2, and no panic.
//!
//! The limits these rely on: input files larger than 16 MiB, or that are not
//! regular files, are not read (`fsutil::MAX_TEXT_BYTES`); `.ftl` files nesting
//! placeables or calls deeper than 100 levels are not parsed
//! (`project::MAX_FTL_NESTING`), as Fluent's parser recurses once per level.
//!
//! | input | test |
//! |---|---|
//! | invalid UTF-8, reported with its byte offset | [`invalid_utf8_is_reported_with_its_byte_offset`] (also `bad_input::invalid_utf8_bom_and_crlf`) |
//! | byte-order mark | [`a_byte_order_mark_changes_no_position`] (also `bad_input::crlf_and_bom_files_check_the_same_as_lf`) |
//! | CRLF line endings | [`crlf_line_endings_give_lf_positions`] |
//! | mixed line endings | [`mixed_line_endings_give_the_right_positions`] |
//! | NUL bytes | [`nul_bytes_are_refused`] |
//! | a 50 MB `.ftl` | [`a_50_mb_ftl_is_refused_without_reading_it`], and an endless one: [`a_device_or_endless_file_is_not_read`] |
//! | a message with 10,000 variants | [`a_message_with_10_000_variants`] |
//! | placeables nested 10,000 deep | [`placeables_nested_10_000_deep_are_refused`], [`calls_nested_10_000_deep_are_refused`], [`deep_nesting_in_the_source_locale_stops_the_build`] |
//! | a reference chain 10,000 long | [`a_reference_chain_10_000_long_stops_the_build`], [`a_reference_chain_10_000_long_fails_the_check`] |
//! | a cycle through terms | [`a_cycle_through_terms`] |
//! | a variable named like a term | [`a_variable_named_like_a_term`] |
//! | locale names `..`, `/abs`, `en-US/../../x` in `tolk.toml` | [`traversal_locale_names_in_the_configuration_are_refused`] |
//! | the same on the command line (`--locale`, `--source-locale`, `--accept`) | [`traversal_locale_names_on_the_command_line_are_refused`] |
//! | locale directories that are not tags (`..fr`, `fr..`, `en-US..x`) | [`locale_directories_that_are_not_tags_are_refused`] |
//! | a symlink loop under `locales/` | [`symlink_loops_under_locales`] |
//! | an unreadable file (mode 000, a FIFO, a directory named `x.ftl`) | [`unreadable_files_are_named`] (also `bad_input::empty_unreadable_and_non_fluent_files_are_named`) |
//! | a content document referencing 100,000 messages | [`a_document_referencing_100_000_messages`] |
//! | locales differing only in case (`pt-br`, `pt-BR`) | [`locales_differing_only_in_case`] |
//! | deeply nested TOML in a content document | [`deeply_nested_toml_is_refused`] |
//!
//! Security: no input writes outside `--out`
//! ([`no_input_writes_outside_out`]), and URL facts accept only http, https,
//! tel, sms and mailto ([`script_and_data_urls_are_refused`]).

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::support::write;

const MIB: u64 = 1024 * 1024;

/// What a bounded run of `tolk` gave.
#[derive(Debug)]
struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Outcome {
    /// Both streams: `tolk build` reports diagnostics on stderr.
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `tolk args` under `prlimit --as=<mem_mib MiB>`, killing it after `secs`
/// seconds. Fails the test when the child runs over, dies from a signal (stack
/// overflow, allocation failure under the limit), or panics.
fn bounded(args: &[&str], secs: u64, mem_mib: u64) -> Outcome {
    let mut child = Command::new("prlimit")
        .arg(format!("--as={}", mem_mib * MIB))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_tolk"))
        .args(args)
        .env("NO_COLOR", "1")
        // The address space of a process grows with its threads (a stack and a
        // malloc arena each): fix their number so the limit means the same on
        // any machine.
        .env("RAYON_NUM_THREADS", "2")
        .env("MALLOC_ARENA_MAX", "2")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("prlimit (util-linux) runs the child under a memory limit");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).unwrap();
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let deadline = Instant::now() + Duration::from_secs(secs);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("`tolk {}` was still running after {secs} s and was killed", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = Outcome {
        code: status.code().unwrap_or(-1),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    assert!(
        status.code().is_some(),
        "`tolk {}` was killed by a signal ({status}); stderr:\n{}",
        args.join(" "),
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"), "panic:\n{}", out.stderr);
    assert!(!out.stderr.contains("overflowed its stack"), "{}", out.stderr);
    assert!(!out.stderr.contains("memory allocation"), "{}", out.stderr);
    out
}

/// `tolk check DIR` within 60 s and 1 GiB of address space, expecting exit 1.
fn check_fails(dir: &Path) -> Outcome {
    let out = bounded(&["check", path(dir)], 60, 1024);
    assert_eq!(out.code, 1, "{out:?}");
    out
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A plain locale tree: `en-US/a.ftl` with `source`, `fr/a.ftl` with `fr`.
fn tree(source: impl AsRef<[u8]>, fr: impl AsRef<[u8]>) -> TempDir {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "en-US/a.ftl", source);
    write(dir.path(), "fr/a.ftl", fr);
    dir
}

/// The source locale of most trees: a message with a variable.
const SOURCE: &str = "a = A\nb = Hello { $name }\n";

/// A minimal project: `tolk.toml` (`config` appended), one document `doc.toml` and
/// the given locale files.
fn project(config: &str, doc: &str, files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "tolk.toml", format!("source-locale = \"en-US\"\n{config}"));
    write(dir.path(), "content/doc.toml", doc);
    for (rel, text) in files {
        write(dir.path(), &format!("locales/{rel}"), text);
    }
    dir
}

const DOC: &str = r#"id = "doc"
title = "a"

[facts]
site = { url = "https://example.org/" }
name = { text = "Ana" }

[[sections]]
id = "main"
heading = "a"
blocks = [{ type = "paragraph", text = "b" }, { type = "link", text = "a", url = "site" }]
"#;

/// Copies the regular files and directories of `from` into `to`.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(target).unwrap();
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir`, relative, sorted.
fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect()
}

/// Invalid UTF-8: `unreadable-file` with the offset of the first invalid byte, in a
/// translation and in a content document. Bounds: 60 s, 1 GiB.
#[test]
fn invalid_utf8_is_reported_with_its_byte_offset() {
    let dir = tree(SOURCE, b"a = A\nb = caf\xe9 { $name }\n".as_slice());
    let out = check_fails(dir.path());
    assert!(
        out.stdout.contains(
            "error[unreadable-file]: `fr/a.ftl` is not valid UTF-8 (first invalid byte at offset 13)"
        ),
        "{}",
        out.stdout
    );

    let dir = project("", DOC, &[("en-US/a.ftl", SOURCE)]);
    write(dir.path(), "content/doc.toml", b"id = \"d\xc3\"\n".as_slice());
    let out = check_fails(dir.path());
    assert!(
        out.stdout
            .contains("`content/doc.toml` is not valid UTF-8 (first invalid byte at offset 7)"),
        "{}",
        out.stdout
    );
}

/// A UTF-8 byte-order mark is dropped: positions are those of the file without it,
/// in translations, content documents and `tolk.toml`. Bounds: 60 s, 1 GiB.
#[test]
fn a_byte_order_mark_changes_no_position() {
    let dir = tree(SOURCE, "\u{feff}a = Ah\nb = Salut { $nom }\n");
    let out = check_fails(dir.path());
    assert!(out.stdout.contains("error[unknown-variable]"), "{}", out.stdout);
    assert!(out.stdout.contains("--> fr/a.ftl:2:13"), "{}", out.stdout);

    let dir = project("", &format!("\u{feff}{DOC}extra = 1\n"), &[("en-US/a.ftl", SOURCE)]);
    write(dir.path(), "tolk.toml", "\u{feff}source-locale = \"en-US\"\n");
    let out = check_fails(dir.path());
    let line = DOC.lines().count() + 1;
    assert!(out.stdout.contains("error[invalid-content]: unknown field `extra`"), "{}", out.stdout);
    assert!(out.stdout.contains(&format!("--> content/doc.toml:{line}:1")), "{}", out.stdout);
}

/// CRLF files give the same lines and columns as LF files. Bounds: 60 s, 1 GiB.
#[test]
fn crlf_line_endings_give_lf_positions() {
    let dir = tree(SOURCE.replace('\n', "\r\n"), "a = Ah\r\nb = Salut { $nom }\r\n");
    let out = check_fails(dir.path());
    assert!(out.stdout.contains("--> fr/a.ftl:2:13"), "{}", out.stdout);
    assert!(!out.stdout.contains('\r'), "a carriage return reached the report");
}

/// A file mixing LF, CRLF and a lone CR: every line break counts once, and the
/// report stays on its lines. Bounds: 60 s, 1 GiB.
#[test]
fn mixed_line_endings_give_the_right_positions() {
    let dir = tree(SOURCE, "# comment\r\na = Ah\nb =\r\n    Salut\n    { $nom }\r\n");
    let out = check_fails(dir.path());
    assert!(out.stdout.contains("--> fr/a.ftl:5:7"), "{}", out.stdout);
    assert!(!out.stdout.contains('\r'), "a carriage return reached the report");
}

/// NUL bytes (a UTF-16 file, a binary file) are refused with the offset of the
/// first one, in translations and content documents. Bounds: 60 s, 1 GiB.
#[test]
fn nul_bytes_are_refused() {
    let dir = tree(SOURCE, b"a = A\x00h\nb = Salut { $name }\n".as_slice());
    let out = check_fails(dir.path());
    assert!(
        out.stdout.contains("error[unreadable-file]: `fr/a.ftl` contains a NUL byte at offset 5"),
        "{}",
        out.stdout
    );
    // UTF-16 without a byte-order mark is ASCII with NUL bytes in between.
    let utf16: Vec<u8> = SOURCE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let dir = tree(utf16, "a = Ah\nb = Salut { $name }\n");
    let out = bounded(&["check", path(dir.path())], 60, 1024);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stdout.contains("`en-US/a.ftl` contains a NUL byte at offset 1"), "{out:?}");

    let dir = project("", DOC, &[("en-US/a.ftl", SOURCE)]);
    write(dir.path(), "content/doc.toml", format!("{DOC}\0"));
    let out = check_fails(dir.path());
    assert!(
        out.stdout
            .contains(&format!("`content/doc.toml` contains a NUL byte at offset {}", DOC.len())),
        "{}",
        out.stdout
    );
}

/// A 50 MB `.ftl` is refused by its size before it is read: the run stays far
/// below the 50 MB it would take. Bounds: 60 s, 512 MiB.
#[test]
fn a_50_mb_ftl_is_refused_without_reading_it() {
    let dir = tree(SOURCE, "a = Ah\nb = Salut { $name }\n");
    let line = "filler-message = Some text that takes room in the file, over and over\n";
    let big = line.repeat(50_000_000 / line.len() + 1);
    assert!(big.len() >= 50_000_000);
    write(dir.path(), "fr/big.ftl", big);
    let out = bounded(&["check", path(dir.path())], 60, 512);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.contains(
            "error[unreadable-file]: `fr/big.ftl` is larger than 16 MiB (50.0 MB); it is not read"
        ),
        "{}",
        out.stdout
    );
}

/// A `.ftl` that is a device (here a link to `/dev/zero`, which never ends) is
/// refused without being read. Bounds: 60 s, 512 MiB.
#[test]
fn a_device_or_endless_file_is_not_read() {
    let dir = tree(SOURCE, "a = Ah\nb = Salut { $name }\n");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("fr/zero.ftl")).unwrap();
    let out = bounded(&["check", path(dir.path())], 60, 512);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.contains("error[unreadable-file]: `fr/zero.ftl` is not a regular file"),
        "{}",
        out.stdout
    );
}

/// A select with 10,000 variants is read whole: a mistake in its last variant is
/// found at its line. Bounds: 60 s, 1 GiB.
#[test]
fn a_message_with_10_000_variants() {
    let source = "a = A\nb = { $name ->\n    [one] One\n   *[other] Many { $name }\n}\n";
    let mut fr = String::from("a = Ah\nb = { $name ->\n");
    for i in 0..10_000 {
        fr.push_str(&format!("    [v{i}] Variante {i} {{ $name }}\n"));
    }
    fr.push_str("   *[other] Beaucoup { $nom }\n}\n");
    let last = fr.lines().count() - 1;
    let dir = tree(source, &fr);
    let out = check_fails(dir.path());
    assert!(out.stdout.contains("error[unknown-variable]"), "{}", out.stdout);
    assert!(out.stdout.contains(&format!("--> fr/a.ftl:{last}:")), "{}", out.stdout);
}

/// Placeables nested 10,000 deep would overflow the stack of Fluent's recursive
/// parser; files nesting deeper than 100 levels are refused before parsing, with
/// the line of the deepest point. Bounds: 60 s, 1 GiB.
#[test]
fn placeables_nested_10_000_deep_are_refused() {
    let deep = format!("b = {}\"x\"{}\n", "{ ".repeat(10_000), " }".repeat(10_000));
    let dir = tree(SOURCE, format!("a = Ah\n{deep}"));
    let out = check_fails(dir.path());
    assert!(
        out.stdout.contains(
            "error[syntax-error]: placeables and calls nested deeper than 100 levels in `fr/a.ftl` (line 2, column 205)"
        ),
        "{}",
        out.stdout
    );
    // A comment line ends an entry, and the parser's recursion with it: openings
    // separated by comments are never deep.
    let dir = tree(SOURCE, format!("a = Ah\nb = {}\n", "{\n# c\n".repeat(10_000)));
    let out = check_fails(dir.path());
    assert!(!out.stdout.contains("nested deeper"), "{out:?}");
    assert!(out.stdout.contains("error[syntax-error]"), "{out:?}");
    // 100 levels are still read.
    let ok = format!("b = {}$name{}\n", "{ ".repeat(100), " }".repeat(100));
    let dir = tree(SOURCE, format!("a = Ah\n{ok}"));
    let out = bounded(&["check", path(dir.path())], 60, 1024);
    assert!(!out.stdout.contains("nested deeper"), "{out:?}");
}

/// Function calls nested 10,000 deep as arguments (`NUMBER(NUMBER(...))`) recurse
/// the same way and are refused the same way. Bounds: 60 s, 1 GiB.
#[test]
fn calls_nested_10_000_deep_are_refused() {
    let deep = format!("b = {{ {}$name{} }}\n", "NUMBER(".repeat(10_000), ")".repeat(10_000));
    let dir = tree(SOURCE, format!("a = Ah\n{deep}"));
    let out = check_fails(dir.path());
    assert!(out.stdout.contains("nested deeper than 100 levels in `fr/a.ftl`"), "{}", out.stdout);
}

/// Deep nesting in the source locale stops `tolk build` (which parses every locale
/// into Fluent bundles) with the same diagnostic, and nothing is written.
/// Bounds: 60 s, 1 GiB.
#[test]
fn deep_nesting_in_the_source_locale_stops_the_build() {
    let deep = format!("c = {}\"x\"{}\n", "{".repeat(10_000), "}".repeat(10_000));
    let dir = project("", DOC, &[("en-US/a.ftl", &format!("{SOURCE}{deep}"))]);
    let out_dir = dir.path().join("out");
    let out = bounded(&["build", path(dir.path()), "--out", path(&out_dir)], 60, 1024);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.all().contains("nested deeper than 100 levels in `locales/en-US/a.ftl`"),
        "{out:?}"
    );
    assert!(!out_dir.exists());
}

/// A project whose document shows `m0`, the head of a chain of 10,000 message
/// references (`m0 = { m1 }`, `m1 = { m2 }`, ...).
fn reference_chain() -> TempDir {
    let mut source = String::from(SOURCE);
    for i in 0..10_000 {
        source.push_str(&format!("m{i} = {{ m{} }}\n", i + 1));
    }
    source.push_str("m10000 = End\n");
    let doc = DOC.replace("text = \"b\"", "text = \"m0\"");
    project("", &doc, &[("en-US/a.ftl", &source)])
}

/// A reference chain 10,000 long is walked without recursion; the check before the
/// build finds that formatting it would fail (Fluent stops after 100 placeables
/// per message), names the file, and the build writes nothing. Bounds: 120 s,
/// 1 GiB.
#[test]
fn a_reference_chain_10_000_long_stops_the_build() {
    let dir = reference_chain();
    let out_dir = dir.path().join("out");
    let out = bounded(&["build", path(dir.path()), "--out", path(&out_dir)], 120, 1024);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.all().contains("error[too-many-placeables]: `m0` in `en-US`"), "{out:?}");
    assert!(out.all().contains("--> locales/en-US/a.ftl:"), "{out:?}");
    assert!(!out_dir.exists());
}

/// `tolk check` must find what stops `tolk build`: a message whose references
/// resolve more than 100 placeables cannot be formatted by Fluent, so the check
/// reports it with its file. Bounds: 120 s, 1 GiB.
#[test]
fn a_reference_chain_10_000_long_fails_the_check() {
    let dir = reference_chain();
    let out = bounded(&["check", path(dir.path())], 120, 1024);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stdout.contains("`m0`"), "{}", out.stdout);
    assert!(out.stdout.contains("--> locales/en-US/a.ftl:"), "{}", out.stdout);
}

/// Terms that reference each other in a cycle are reported with the file; so is a
/// message that reaches the cycle. Bounds: 60 s, 1 GiB.
#[test]
fn a_cycle_through_terms() {
    let source = "-x = { -y }\n-y = { -z }\n-z = { -x }\na = A { -x }\nb = Hello { $name }\n";
    let dir = tree(source, "-x = X\n-y = Y\n-z = Z\na = Ah { -x }\nb = Salut { $name }\n");
    let out = check_fails(dir.path());
    assert!(out.stdout.contains("error[cyclic-reference]"), "{}", out.stdout);
    assert!(out.stdout.contains("--> en-US/a.ftl:"), "{}", out.stdout);
}

/// A variable named like a term: `{ $brand }` where the source uses `{ -brand }` is
/// an unknown variable; `{ $-brand }` is a syntax error. Bounds: 60 s, 1 GiB.
#[test]
fn a_variable_named_like_a_term() {
    let source = "-brand = Tolk\na = A { -brand }\nb = Hello { $name }\n";
    let fr = "-brand = Tolk\na = Ah { $brand }\nb = Salut { $-name }\n";
    let dir = tree(source, fr);
    let out = check_fails(dir.path());
    assert!(out.stdout.contains("error[unknown-variable]"), "{}", out.stdout);
    assert!(out.stdout.contains("--> fr/a.ftl:2:"), "{}", out.stdout);
    assert!(out.stdout.contains("error[syntax-error]"), "{}", out.stdout);
    assert!(out.stdout.contains("--> fr/a.ftl:3:"), "{}", out.stdout);
}

const TRAVERSAL: [&str; 5] = ["..", "/abs", "en-US/../../x", "../x", "fr\\..\\x"];

/// Locale names come from directory names, `source-locale`, `[locales.<tag>]` keys
/// and `fallback` lists in `tolk.toml`: path-like names in the configuration exit
/// 2 naming `tolk.toml`, and nothing is written. Bounds: 60 s, 1 GiB per run.
#[test]
fn traversal_locale_names_in_the_configuration_are_refused() {
    for name in TRAVERSAL {
        let quoted = format!("{name:?}");
        let configs = [
            format!("[locales.{quoted}]\nname = \"X\"\n"),
            format!("[locales.fr]\nfallback = [{quoted}]\n"),
        ];
        for config in configs {
            let dir = project(
                &config,
                DOC,
                &[("en-US/a.ftl", SOURCE), ("fr/a.ftl", "a = Ah\nb = Salut { $name }\n")],
            );
            let before = files_under(dir.path());
            for cmd in ["check", "build"] {
                let out = bounded(&[cmd, path(dir.path())], 60, 1024);
                assert_eq!(out.code, 2, "{config}: {out:?}");
                assert!(out.stderr.contains("tolk.toml"), "{config}: {}", out.stderr);
                assert!(out.stderr.contains("not a valid BCP 47"), "{config}: {}", out.stderr);
            }
            assert_eq!(files_under(dir.path()), before, "{config}");
        }
        let dir = project("", DOC, &[("en-US/a.ftl", SOURCE)]);
        write(dir.path(), "tolk.toml", format!("source-locale = {quoted}\n"));
        let out = bounded(&["check", path(dir.path())], 60, 1024);
        assert_eq!(out.code, 2, "{out:?}");
        assert!(out.stderr.contains("not a valid BCP 47"), "{}", out.stderr);
    }
}

/// The same names given on the command line: `build --locale`, `--source-locale`
/// of a plain tree, `lock --accept`. Exit 2, nothing written anywhere in the
/// temporary directory. Bounds: 60 s, 1 GiB per run.
#[test]
fn traversal_locale_names_on_the_command_line_are_refused() {
    let top = TempDir::new().unwrap();
    let root = top.path().join("a/b/project");
    std::fs::create_dir_all(&root).unwrap();
    let dir =
        project("", DOC, &[("en-US/a.ftl", SOURCE), ("fr/a.ftl", "a = Ah\nb = Salut { $name }\n")]);
    copy_tree(dir.path(), &root);
    let plain = top.path().join("plain");
    write(&plain, "en-US/a.ftl", SOURCE);
    let before = files_under(top.path());
    let out_dir = root.join("out");
    for name in TRAVERSAL {
        let runs: [Vec<&str>; 4] = [
            vec!["build", path(&root), "--out", path(&out_dir), "--locale", name],
            vec!["build", path(&root), "--out", path(&out_dir), "--locale", "fr", "--locale", name],
            vec!["check", path(&plain), "--source-locale", name],
            vec!["lock", path(&root), "--accept", name, "a"],
        ];
        for args in runs {
            let out = bounded(&args, 60, 1024);
            assert_eq!(out.code, 2, "{args:?}: {out:?}");
            assert!(out.stderr.contains(name), "{args:?}: {}", out.stderr);
            assert!(out.stderr.contains("not a valid BCP 47"), "{args:?}: {}", out.stderr);
        }
    }
    assert_eq!(files_under(top.path()), before);
}

/// Locale directories whose names look like paths are not locales: `fr..` and
/// `en-US..x` are `invalid-locale` errors; `..fr`, like every name with a leading
/// dot (`.git`), is not a locale directory and is never read. Bounds: 60 s, 1 GiB.
#[test]
fn locale_directories_that_are_not_tags_are_refused() {
    let dir = tree(SOURCE, "a = Ah\nb = Salut { $name }\n");
    write(dir.path(), "..fr/a.ftl", "broken = {\n");
    write(dir.path(), "fr../a.ftl", SOURCE);
    write(dir.path(), "en-US..x/a.ftl", SOURCE);
    let out = check_fails(dir.path());
    for name in ["fr..", "en-US..x"] {
        assert!(
            out.stdout.contains(&format!("error[invalid-locale]: directory `{name}`")),
            "{name}: {}",
            out.stdout
        );
    }
    assert!(!out.stdout.contains("..fr"), "{}", out.stdout);
    assert!(!out.stdout.contains("syntax-error"), "{}", out.stdout);
}

/// Symbolic link loops under `locales/`: a directory linking to itself or its
/// parent is not followed, a locale that is a link to itself is named, and `.ftl`
/// links pointing at each other are unreadable files. Bounds: 60 s, 1 GiB.
#[test]
fn symlink_loops_under_locales() {
    let dir =
        project("", DOC, &[("en-US/a.ftl", SOURCE), ("fr/a.ftl", "a = Ah\nb = Salut { $name }\n")]);
    let locales = dir.path().join("locales");
    let link = std::os::unix::fs::symlink;
    link(".", locales.join("fr/self")).unwrap();
    link("..", locales.join("fr/parent")).unwrap();
    link(path(&locales), locales.join("en-US/all")).unwrap();
    link("de", locales.join("de")).unwrap();
    link("b.ftl", locales.join("fr/c.ftl")).unwrap();
    link("c.ftl", locales.join("fr/b.ftl")).unwrap();
    let out = check_fails(dir.path());
    assert!(
        out.stdout.contains("error[unreadable-file]: cannot read `locales/fr/b.ftl`"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("error[unreadable-file]: cannot read `locales/fr/c.ftl`"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("error[unreadable-file]: cannot follow `locales/de`"),
        "{}",
        out.stdout
    );
}

/// Files that cannot be read are named, never skipped: a mode-000 file (only when
/// this process cannot read it: root can), a FIFO (which would block a reader
/// forever) and a directory named `x.ftl`. Bounds: 60 s, 1 GiB.
#[test]
fn unreadable_files_are_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tree(SOURCE, "a = Ah\nb = Salut { $name }\n");
    let fr = dir.path().join("fr");
    write(&fr, "locked.ftl", "c = C\n");
    std::fs::set_permissions(fr.join("locked.ftl"), std::fs::Permissions::from_mode(0o000))
        .unwrap();
    let locked_is_unreadable = std::fs::read(fr.join("locked.ftl")).is_err();
    let status = Command::new("mkfifo").arg(fr.join("pipe.ftl")).status().unwrap();
    assert!(status.success(), "mkfifo failed");
    std::fs::create_dir_all(fr.join("dir.ftl")).unwrap();
    let out = check_fails(dir.path());
    assert!(
        out.stdout.contains("error[unreadable-file]: `fr/pipe.ftl` is not a regular file"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("error[unreadable-file]: `fr/dir.ftl` is a directory"),
        "{}",
        out.stdout
    );
    if locked_is_unreadable {
        assert!(out.stdout.contains("cannot read `fr/locked.ftl`"), "{}", out.stdout);
    } else {
        // Running as root: the file is read like any other.
        assert!(out.stdout.contains("`c`"), "{}", out.stdout);
    }
}

/// A document referencing 100,000 messages, one of which the source does not
/// define: the one is found, in the document. Bounds: 120 s, 1 GiB.
#[test]
fn a_document_referencing_100_000_messages() {
    let mut source = String::from(SOURCE);
    let mut items = String::new();
    for i in 0..100_000 {
        if i != 77_777 {
            source.push_str(&format!("m{i} = Message {i}\n"));
        }
        items.push_str(&format!("\"m{i}\",\n"));
    }
    let doc = format!(
        "{DOC}\n[[sections]]\nid = \"many\"\nheading = \"a\"\nblocks = [{{ type = \"list\", items = [\n{items}] }}]\n"
    );
    let dir = project("", &doc, &[("en-US/a.ftl", &source)]);
    let out = bounded(&["check", path(dir.path())], 120, 1024);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains("error[undefined-message]"),
        "{}",
        &out.stdout[..out.stdout.len().min(4000)]
    );
    assert!(out.stdout.contains("m77777"), "{}", &out.stdout[..out.stdout.len().min(4000)]);
    assert!(
        out.stdout.contains("--> content/doc.toml:"),
        "{}",
        &out.stdout[..out.stdout.len().min(4000)]
    );
}

/// `pt-br` and `pt-BR` are one locale: two directories are an `invalid-locale`
/// error naming both, and two `[locales]` tables exit 2 naming `tolk.toml`. A
/// setting under `[locales.pt-br]` applies to `pt-BR`. Bounds: 60 s, 1 GiB.
#[test]
fn locales_differing_only_in_case() {
    let fr = "a = Ah\nb = Salut { $name }\n";
    let dir = tree(SOURCE, fr);
    write(dir.path(), "pt-br/a.ftl", fr);
    write(dir.path(), "pt-BR/a.ftl", fr);
    let out = check_fails(dir.path());
    assert!(
        out.stdout
            .contains("error[invalid-locale]: `pt-br` and `pt-BR` are the same locale `pt-BR`"),
        "{}",
        out.stdout
    );

    let files = [("en-US/a.ftl", SOURCE), ("pt-BR/a.ftl", "a = A\n")];
    let dir = project(
        "[locales.pt-BR]\nname = \"Português\"\n[locales.pt-br]\nmin-coverage = 10\n",
        DOC,
        &files,
    );
    let out = bounded(&["check", path(dir.path())], 60, 1024);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("tolk.toml"), "{}", out.stderr);
    assert!(out.stderr.contains("`pt-BR`"), "{}", out.stderr);

    // The lowercase key configures the locale: its missing message is a warning.
    let dir = project("[locales.pt-br]\nmin-coverage = 10\n", DOC, &files);
    let out = bounded(&["check", path(dir.path())], 60, 1024);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("warning[missing-message]"), "{}", out.stdout);
}

/// TOML nested 10,000 deep in a content document is refused with a diagnostic
/// naming the file, not a stack overflow. Bounds: 60 s, 1 GiB.
#[test]
fn deeply_nested_toml_is_refused() {
    for deep in [
        format!("x = {}1{}\n", "[".repeat(10_000), "]".repeat(10_000)),
        format!("x = {}1{}\n", "{ a = ".repeat(10_000), " }".repeat(10_000)),
    ] {
        let dir = project("", &format!("{deep}{DOC}"), &[("en-US/a.ftl", SOURCE)]);
        let out = check_fails(dir.path());
        assert!(out.stdout.contains("content/doc.toml:1:"), "{}", out.stdout);
    }
}

/// Output paths come only from validated locale tags and document ids: document
/// ids, locale directories and file names that try to climb out of `--out` are
/// refused, and nothing is written outside it, even by a build that succeeds.
/// Bounds: 120 s, 1 GiB per run.
#[test]
fn no_input_writes_outside_out() {
    let top = TempDir::new().unwrap();
    let root = top.path().join("a/b/project");
    let fr = "a = Ah\nb = Salut { $name }\n";
    let base = project("", DOC, &[("en-US/a.ftl", SOURCE), ("fr/a.ftl", fr)]);
    copy_tree(base.path(), &root);
    let out_dir = root.join("out");
    for id in ["../../x", "/abs", "..", "en-US/../../x", "a/b", "a\\b", "x.", "-x", "X"] {
        let doc = DOC.replace("id = \"doc\"", &format!("id = {id:?}"));
        write(&root, "content/doc.toml", doc);
        let before = files_under(top.path());
        let out = bounded(&["build", path(&root), "--out", path(&out_dir)], 120, 1024);
        assert_eq!(out.code, 1, "{id}: {out:?}");
        assert!(out.all().contains("error[invalid-content]: document id"), "{id}: {out:?}");
        assert!(out.all().contains("--> content/doc.toml:1:"), "{id}: {out:?}");
        assert_eq!(files_under(top.path()), before, "{id}");
    }
    // Path-like locale directories and file names, beside a valid project: the
    // build succeeds or fails, but writes only under `--out`.
    write(&root, "content/doc.toml", DOC);
    write(&root, "locales/fr..x/a.ftl", fr);
    write(&root, "locales/fr/..a.ftl", "c = C\n");
    write(&root, "locales/fr/sub/../b.ftl", "");
    write(&root, "content/..evil.toml", DOC.replace("id = \"doc\"", "id = \"evil\""));
    let before = files_under(top.path());
    let out = bounded(&["build", path(&root), "--out", path(&out_dir)], 120, 1024);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.all().contains("error[invalid-locale]: directory `fr..x`"), "{out:?}");
    assert_eq!(files_under(top.path()), before);
    std::fs::remove_dir_all(root.join("locales/fr..x")).unwrap();
    std::fs::remove_file(root.join("locales/fr/..a.ftl")).unwrap();
    let out = bounded(&["build", path(&root), "--out", path(&out_dir)], 120, 1024);
    assert_eq!(out.code, 0, "{out:?}");
    let written: BTreeSet<PathBuf> = files_under(top.path()).difference(&before).cloned().collect();
    assert!(!written.is_empty());
    for file in &written {
        assert!(
            top.path().join(file).starts_with(&out_dir),
            "{} written outside --out",
            file.display()
        );
    }
    assert!(written.contains(&PathBuf::from("a/b/project/out/fr/evil.html")), "{written:?}");
}

/// URL facts accept only http, https, tel, sms and mailto: script, data, file and
/// other schemes, in any case and with white space or control characters hidden
/// in them, are `invalid-fact` errors naming the file. Bounds: 60 s, 1 GiB per run.
#[test]
fn script_and_data_urls_are_refused() {
    let refused = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\u{0}script:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/",
        "evil.example",
        "https://ok.example/\u{202e}",
        "",
    ];
    for url in refused {
        let doc = DOC.replace("\"https://example.org/\"", &toml_string(url));
        let dir = project("", &doc, &[("en-US/a.ftl", SOURCE)]);
        let out = check_fails(dir.path());
        assert!(out.stdout.contains("error[invalid-fact]: fact `site`"), "{url:?}: {}", out.stdout);
        assert!(out.stdout.contains("--> content/doc.toml:5:"), "{url:?}: {}", out.stdout);
    }
    for url in [
        "http://a.example/",
        "HTTPS://a.example/?q=1#x",
        "tel:+18883737888",
        "sms:233733",
        "mailto:help@example.org",
    ] {
        let doc = DOC.replace("\"https://example.org/\"", &toml_string(url));
        let dir = project("", &doc, &[("en-US/a.ftl", SOURCE)]);
        let out = bounded(&["check", path(dir.path())], 60, 1024);
        assert_eq!(out.code, 0, "{url:?}: {out:?}");
    }
}

/// A TOML basic string with every control character escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

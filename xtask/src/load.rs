//! `cargo xtask bench-load`: `tolk check` and `tolk build` on a whole generated
//! project (default 100 locales x 50 documents), with peak RSS and wall time at 10,
//! 50 and 100 locales, next to the size of the input and of the output, so that the
//! growth of memory can be read against them.
//!
//! The project is modelled on the sample (`content/understanding-trafficking.toml`):
//! every document has its own message ids and a structure of its own (a `get-help`
//! section with the quick exit, an introduction and the hotline, then four to six
//! sections of paragraphs, lists, questions and answers, callouts and links), the
//! sample's facts, and one `.ftl` file per document in each locale, plus a shared
//! `site.ftl` with the page furniture and a term. The 99 other locales are real BCP
//! 47 tags in many scripts (Arabic, Hebrew, Persian, Urdu and Pashto right to left;
//! Han, kana, Hangul, Devanagari, Thai...); their text is pseudo-translated word by
//! word into the locale's script, keeping placeables, variables, terms and numbers as
//! they are, so the check is clean but for the partially translated locales, which
//! have `min-coverage` in `tolk.toml`: some are published, two are left out by the
//! go-live rules. Builds write `json,html,text` (no PDF, so no fonts are involved).
//!
//! Cached under `target/bench-load/l<locales>-d<documents>-v<version>/`: the full
//! project and the subsets of the first 10 and 50 locales (hard links, with their own
//! `tolk.toml`). Wall times are the best of `--runs` runs; peak RSS comes from one
//! more, polled run (`VmHWM`), as in `bench.rs`. Targets are reported, never asserted.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use rayon::prelude::*;

use crate::bench::{best, count_codes, mib, peak_rss, secs};
use crate::rng::Rng;
use crate::{cargo, root, step};

/// Bump when the generated project changes: the cache key includes it.
const GENERATOR_VERSION: u32 = 2;
const SEED: u64 = 0x746f_6c6b_6c6f_6164; // "tolkload"

/// The formats every build writes.
const FORMATS: &str = "json,html,text";

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Params {
    pub(crate) locales: usize,
    pub(crate) documents: usize,
}

struct Options {
    params: Params,
    runs: usize,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let usage = "usage: cargo xtask bench-load [--locales N] [--documents N] [--runs N]";
    let mut o = Options { params: Params { locales: 100, documents: 50 }, runs: 3 };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag}: missing value\n{usage}"))?;
        let n: usize = value.parse().map_err(|_| format!("{flag} {value}: not a number"))?;
        match flag.as_str() {
            "--locales" => o.params.locales = n,
            "--documents" => o.params.documents = n,
            "--runs" => o.runs = n.max(1),
            _ => return Err(format!("unknown option {flag}\n{usage}")),
        }
    }
    Ok(o)
}

// ---------------------------------------------------------------------------------
// The benchmark.
// ---------------------------------------------------------------------------------

/// The measurements at one number of locales.
struct Row {
    locales: usize,
    ftl_bytes: u64,
    ftl_files: usize,
    check: Duration,
    check_rss: u64,
    build: Duration,
    build_rss: u64,
    out_bytes: u64,
    out_files: usize,
    published: usize,
    left_out: Vec<String>,
    /// Diagnostics of the check by code (warnings: the check passes).
    diagnostics: Vec<(String, usize)>,
}

pub(crate) fn bench_load(args: &[String]) -> Result<(), String> {
    let o = parse_options(args)?;
    let p = o.params;
    step(
        "cargo build --release -p tolk-cli -p xtask",
        cargo().args(["build", "--release", "-p", "tolk-cli", "-p", "xtask"]),
    )?;
    // Where `cargo build` put it: CARGO_TARGET_DIR (relative to the workspace, where
    // `cargo()` runs), else `target/`.
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or(root().join("target"), |d| root().join(d));
    let tolk = target.join("release/tolk");
    let projects = ensure(&root(), p)?;
    let base = projects[0].1.parent().map(Path::to_path_buf).unwrap_or_else(root);
    let out = base.join("out");
    let report = base.join("check-report.json");
    let load_before = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();

    let check_cmd = |dir: &Path| {
        let mut cmd = Command::new(&tolk);
        cmd.arg("check").arg(dir);
        cmd
    };
    // The previous output is removed before each build (outside the timed part).
    let build_cmd = |dir: &Path| {
        let _ = std::fs::remove_dir_all(&out);
        let mut cmd = Command::new(&tolk);
        cmd.arg("build").arg(dir).arg("--out").arg(&out).args(["--format", FORMATS]);
        cmd
    };

    let mut rows = Vec::new();
    for (n, dir) in &projects {
        eprintln!("==> {n} locales: warm-up, report and output size");
        let (ftl_bytes, ftl_files) = tree_size(&dir.join("locales"), Some("ftl"));
        // A JSON report of the project; the check must pass (warnings only).
        let mut json = check_cmd(dir);
        json.args(["--format", "json"]);
        let (code, stderr) = output(&mut json, Some(&report))?;
        let text = std::fs::read_to_string(&report).map_err(|e| e.to_string())?;
        let codes = count_codes(&text);
        if code != 0 {
            return Err(format!(
                "tolk check failed on the generated project {} (exit {code}): {codes:?}\n{stderr}",
                dir.display()
            ));
        }
        // A build, which must succeed, to see what it writes and which locales it
        // leaves out.
        let (code, stderr) = output(&mut build_cmd(dir), None)?;
        if code != 0 {
            return Err(format!(
                "tolk build failed on the generated project {} (exit {code}):\n{stderr}",
                dir.display()
            ));
        }
        let left_out: Vec<String> = stderr
            .lines()
            .filter(|l| l.contains(" is not published: "))
            .filter_map(|l| l.split('`').nth(1).map(str::to_string))
            .collect();
        let (out_bytes, out_files) = tree_size(&out, None);
        let published = count_dirs(&out);

        eprintln!("==> {n} locales: tolk check");
        let check = best(o.runs, || check_cmd(dir), None, &[0])?;
        let check_rss = peak_rss(check_cmd(dir), None, &[0])?;
        eprintln!("==> {n} locales: tolk build --format {FORMATS}");
        let build = best(o.runs, || build_cmd(dir), None, &[0])?;
        let build_rss = peak_rss(build_cmd(dir), None, &[0])?;
        rows.push(Row {
            locales: *n,
            ftl_bytes,
            ftl_files,
            check,
            check_rss,
            build,
            build_rss,
            out_bytes,
            out_files,
            published,
            left_out,
            diagnostics: codes,
        });
    }
    let _ = std::fs::remove_dir_all(&out);

    print_table(&rows, p, &o, &projects, &load_before);
    Ok(())
}

/// Runs `cmd` to the end: its exit code (-1 when killed), and stderr; stdout goes to
/// `stdout` or nowhere.
fn output(cmd: &mut Command, stdout: Option<&Path>) -> Result<(i32, String), String> {
    let out = match stdout {
        Some(path) => Stdio::from(std::fs::File::create(path).map_err(|e| e.to_string())?),
        None => Stdio::null(),
    };
    let name = format!("{cmd:?}");
    let res = cmd.stdout(out).output().map_err(|e| format!("{name}: {e}"))?;
    Ok((res.status.code().unwrap_or(-1), String::from_utf8_lossy(&res.stderr).into_owned()))
}

fn print_table(
    rows: &[Row],
    p: Params,
    o: &Options,
    projects: &[(usize, PathBuf)],
    load_before: &str,
) {
    let load = |s: &str| s.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let load_after = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let full = &projects[projects.len() - 1].1;
    let shown = full.strip_prefix(root()).unwrap_or(full).display().to_string();
    let partial: Vec<&str> =
        LOCALES[..p.locales].iter().filter(|l| l.partial.is_some()).map(|l| l.tag).collect();
    let kib = |b: u64| format!("{:.0} KiB", b as f64 / 1024.0);
    let mib1 = |b: u64| format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0));
    let source_ftl = tree_size(&full.join("locales/en-US"), Some("ftl")).0;

    println!();
    println!(
        "project {shown} ({} documents, en-US + {} locales; in progress: {})",
        p.documents,
        p.locales - 1,
        if partial.is_empty() { "none".to_string() } else { partial.join(", ") }
    );
    println!(
        "machine {} CPUs, load average {} before / {} after; wall time = best of {} runs; \
         RSS = VmHWM of a separate polled run; build --format {FORMATS}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load(load_before),
        load(&load_after),
        o.runs
    );
    println!("source  en-US .ftl: {}", kib(source_ftl));
    for r in rows {
        let shown: Vec<String> = r.diagnostics.iter().map(|(c, n)| format!("{c} {n}")).collect();
        println!(
            "{:>3} locales: check {}; build publishes {} of {} locales{}",
            r.locales,
            if shown.is_empty() { "clean".to_string() } else { shown.join(", ") },
            r.published,
            r.locales,
            if r.left_out.is_empty() {
                String::new()
            } else {
                format!(" (left out: {})", r.left_out.join(", "))
            }
        );
    }
    println!();
    println!(
        "{:>7} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>8} {:>10} {:>10}",
        "locales",
        ".ftl in",
        "in/locale",
        "check",
        "check RSS",
        "build",
        "build RSS",
        "files",
        "output",
        "out/locale"
    );
    for r in rows {
        println!(
            "{:>7} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>8} {:>10} {:>10}",
            r.locales,
            mib1(r.ftl_bytes),
            kib(r.ftl_bytes / r.locales as u64),
            secs(r.check),
            mib(r.check_rss),
            secs(r.build),
            mib(r.build_rss),
            r.out_files,
            mib1(r.out_bytes),
            mib1(r.out_bytes / r.published.max(1) as u64),
        );
    }
    println!(
        "(.ftl in: {} files in the largest project; out/locale: output bytes per published \
         locale)",
        rows.last().map_or(0, |r| r.ftl_files)
    );
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else { return };
    if first.locales == last.locales {
        return;
    }
    let added = (last.locales - first.locales) as f64;
    let per = |a: u64, b: u64| (b as f64 - a as f64) / added / (1024.0 * 1024.0);
    let in_per = per(first.ftl_bytes, last.ftl_bytes);
    let out_per = per(first.out_bytes, last.out_bytes);
    println!();
    println!(
        "input  +{in_per:.2} MiB .ftl per added locale; output +{out_per:.2} MiB per added locale"
    );
    for (name, a, b) in
        [("check", first.check_rss, last.check_rss), ("build", first.build_rss, last.build_rss)]
    {
        println!(
            "{name}  RSS({})/RSS({}) = {:.2}x for {:.1}x the locales; {:+.2} MiB per added \
             locale ({:.2}x the input, {:.2}x the output per added locale)",
            last.locales,
            first.locales,
            b as f64 / a as f64,
            last.locales as f64 / first.locales as f64,
            per(a, b),
            per(a, b) / in_per,
            per(a, b) / out_per,
        );
    }
    println!(
        "target: memory bounded as locales grow: check's RSS nearly flat (it streams locales), \
         build's growth per locale of the order of its output per locale, not a multiple of \
         the parsed input"
    );
}

/// Bytes and number of the files under `dir` (only those ending in `.ext`, if given).
fn tree_size(dir: &Path, ext: Option<&str>) -> (u64, usize) {
    let (mut bytes, mut files) = (0, 0);
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                let (b, f) = tree_size(&path, ext);
                bytes += b;
                files += f;
            } else if ext.is_none_or(|ext| path.extension().is_some_and(|e| e == ext)) {
                bytes += entry.metadata().map_or(0, |m| m.len());
                files += 1;
            }
        }
    }
    (bytes, files)
}

fn count_dirs(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().filter(|e| e.path().is_dir()).count())
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------
// The cached projects.
// ---------------------------------------------------------------------------------

/// The numbers of locales measured: 10 and 50 when smaller than `locales`, then
/// `locales`.
fn sizes(locales: usize) -> Vec<usize> {
    let mut out: Vec<usize> = [10, 50].into_iter().filter(|&n| n < locales).collect();
    out.push(locales);
    out
}

/// The cached projects for `p` (number of locales and directory, smallest first),
/// generated if needed.
pub(crate) fn ensure(root: &Path, p: Params) -> Result<Vec<(usize, PathBuf)>, String> {
    if p.locales < 2 || p.locales > LOCALES.len() {
        return Err(format!("--locales must be between 2 and {}", LOCALES.len()));
    }
    if p.documents == 0 {
        return Err("--documents must be at least 1".into());
    }
    let base = root.join("target/bench-load");
    let key = format!("l{}-d{}-v{GENERATOR_VERSION}", p.locales, p.documents);
    let dir = base.join(&key);
    let projects: Vec<(usize, PathBuf)> =
        sizes(p.locales).into_iter().map(|n| (n, dir.join(format!("locales-{n}")))).collect();
    if dir.join(".complete").exists() {
        return Ok(projects);
    }
    eprintln!("==> generating {}", dir.display());
    let partial = base.join(format!("{key}.partial"));
    let _ = std::fs::remove_dir_all(&partial);
    let _ = std::fs::remove_dir_all(&dir);
    let full = partial.join(format!("locales-{}", p.locales));
    write_project(&full, &LOCALES[..p.locales], p.documents)?;
    let docs: Vec<Doc> = (0..p.documents).map(plan_document).collect();
    for &(n, _) in &projects[..projects.len() - 1] {
        let sub = partial.join(format!("locales-{n}"));
        link_tree(&full.join("content"), &sub.join("content"))?;
        for locale in &LOCALES[..n] {
            link_tree(
                &full.join("locales").join(locale.tag),
                &sub.join("locales").join(locale.tag),
            )?;
        }
        write(&sub.join("tolk.toml"), &tolk_toml(&LOCALES[..n], &docs))?;
    }
    write(&partial.join(".complete"), "")?;
    std::fs::rename(&partial, &dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(projects)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Hard links (or copies) of the files under `from`, in `to`.
fn link_tree(from: &Path, to: &Path) -> Result<(), String> {
    let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    std::fs::create_dir_all(to).map_err(|e| err(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| err(from, e))? {
        let entry = entry.map_err(|e| err(from, e))?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| err(&entry.path(), e))?.is_dir() {
            link_tree(&entry.path(), &target)?;
        } else if std::fs::hard_link(entry.path(), &target).is_err() {
            std::fs::copy(entry.path(), &target).map_err(|e| err(&target, e))?;
        }
    }
    Ok(())
}

/// Writes a project into `dir`: `tolk.toml`, `content/<id>.toml` for `documents`
/// documents, and `locales/<tag>/{site,<id>}.ftl` for every locale of `locales`
/// (the first is the source, en-US).
pub(crate) fn write_project(
    dir: &Path,
    locales: &[Locale],
    documents: usize,
) -> Result<(), String> {
    let docs: Vec<Doc> = (0..documents).map(plan_document).collect();
    write(&dir.join("tolk.toml"), &tolk_toml(locales, &docs))?;
    for doc in &docs {
        write(&dir.join("content").join(format!("{}.toml", doc.id)), &doc.toml)?;
    }
    let site = site_messages();
    locales.par_iter().enumerate().try_for_each(|(l, locale)| {
        let tr = (l > 0).then(|| Translator::new(locale));
        let ldir = dir.join("locales").join(locale.tag);
        write(&ldir.join("site.ftl"), &render_ftl(SITE_HEADER, &site, tr.as_ref()))?;
        for doc in &docs {
            let header = doc_header(&doc.title);
            write(
                &ldir.join(format!("{}.ftl", doc.id)),
                &render_ftl(&header, &doc.messages, tr.as_ref()),
            )?;
        }
        Ok(())
    })
}

// ---------------------------------------------------------------------------------
// Locales.
// ---------------------------------------------------------------------------------

/// A locale of the generated project.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Locale {
    pub(crate) tag: &'static str,
    /// The language's name in itself.
    name: &'static str,
    partial: Option<Partial>,
}

/// A locale in progress.
#[derive(Clone, Copy, Debug)]
struct Partial {
    /// Per mille of the messages translated (required ones always, unless
    /// `drop_required`).
    translated: u64,
    min_coverage: u32,
    publish_min_coverage: Option<u32>,
    drop_required: bool,
    fallback: Option<&'static str>,
}

const fn done(tag: &'static str, name: &'static str) -> Locale {
    Locale { tag, name, partial: None }
}

const fn partial(
    tag: &'static str,
    name: &'static str,
    translated: u64,
    min_coverage: u32,
    publish_min_coverage: Option<u32>,
) -> Locale {
    Locale {
        tag,
        name,
        partial: Some(Partial {
            translated,
            min_coverage,
            publish_min_coverage,
            drop_required: false,
            fallback: None,
        }),
    }
}

/// The source locale, then 99 others, ordered so that the first 10 and the first 50
/// mix scripts and directions and include locales in progress.
pub(crate) const LOCALES: &[Locale] = &[
    // The first 10: the sample's locales, Hebrew and Japanese.
    done("en-US", "English"),
    done("es", "Español"),
    done("fr", "Français"),
    done("ar", "العربية"),
    done("zh-CN", "简体中文"),
    done("vi", "Tiếng Việt"),
    done("hi", "हिन्दी"),
    partial("ko", "한국어", 600, 50, Some(50)),
    done("he", "עברית"),
    done("ja", "日本語"),
    // 11 to 50.
    done("de", "Deutsch"),
    done("pt-BR", "Português (Brasil)"),
    done("ru", "Русский"),
    done("fa", "فارسی"),
    done("th", "ไทย"),
    done("it", "Italiano"),
    done("pl", "Polski"),
    done("uk", "Українська"),
    done("tr", "Türkçe"),
    done("ur", "اردو"),
    done("bn", "বাংলা"),
    done("ta", "தமிழ்"),
    done("id", "Bahasa Indonesia"),
    done("nl", "Nederlands"),
    done("el", "Ελληνικά"),
    partial("es-MX", "Español (México)", 350, 30, Some(30)),
    // Published from 90 %: left out.
    partial("sw", "Kiswahili", 450, 40, Some(90)),
    done("zh-TW", "繁體中文"),
    done("te", "తెలుగు"),
    done("ro", "Română"),
    done("cs", "Čeština"),
    done("hu", "Magyar"),
    done("sv-SE", "Svenska"),
    done("ms", "Bahasa Melayu"),
    done("tl", "Tagalog"),
    done("am", "አማርኛ"),
    // Lacks hotline and quick-exit messages too: left out.
    Locale {
        tag: "my",
        name: "မြန်မာ",
        partial: Some(Partial {
            translated: 200,
            min_coverage: 15,
            publish_min_coverage: Some(80),
            drop_required: true,
            fallback: None,
        }),
    },
    done("ht", "Kreyòl ayisyen"),
    done("so", "Soomaali"),
    done("ps", "پښتو"),
    done("km", "ខ្មែរ"),
    done("lo", "ລາວ"),
    done("ne-NP", "नेपाली"),
    done("pa-IN", "ਪੰਜਾਬੀ"),
    done("gu-IN", "ગુજરાતી"),
    done("mr", "मराठी"),
    done("hy", "Հայերեն"),
    done("ka", "ქართული"),
    done("sr", "Српски"),
    Locale {
        tag: "pt-PT",
        name: "Português (Portugal)",
        partial: Some(Partial {
            translated: 550,
            min_coverage: 50,
            publish_min_coverage: None,
            drop_required: false,
            fallback: Some("pt-BR"),
        }),
    },
    // 51 to 100.
    done("bg", "Български"),
    done("hr", "Hrvatski"),
    done("sk", "Slovenčina"),
    done("sl", "Slovenščina"),
    done("da", "Dansk"),
    done("fi", "Suomi"),
    done("nb-NO", "Norsk bokmål"),
    done("et", "Eesti"),
    done("lv", "Latviešu"),
    done("lt", "Lietuvių"),
    done("kn", "ಕನ್ನಡ"),
    done("ml", "മലയാളം"),
    done("si", "සිංහල"),
    done("mn", "Монгол"),
    done("kk", "Қазақ тілі"),
    done("uz", "Oʻzbekcha"),
    done("az", "Azərbaycanca"),
    done("be", "Беларуская"),
    done("mk", "Македонски"),
    done("sq", "Shqip"),
    done("bs", "Bosanski"),
    done("is", "Íslenska"),
    partial("ga-IE", "Gaeilge", 700, 60, None),
    done("cy", "Cymraeg"),
    done("eu", "Euskara"),
    done("ca", "Català"),
    done("gl", "Galego"),
    done("mt", "Malti"),
    done("af", "Afrikaans"),
    done("zu", "isiZulu"),
    done("xh", "isiXhosa"),
    done("yo", "Yorùbá"),
    done("ig", "Igbo"),
    done("ha", "Hausa"),
    done("ckb", "کوردی"),
    done("fr-CA", "Français (Canada)"),
    done("es-AR", "Español (Argentina)"),
    done("ky", "Кыргызча"),
    done("tg", "Тоҷикӣ"),
    done("tk", "Türkmençe"),
    done("lb", "Lëtzebuergesch"),
    done("fy-NL", "Frysk"),
    done("br", "Brezhoneg"),
    done("oc", "Occitan"),
    done("ast", "Asturianu"),
    done("rw", "Kinyarwanda"),
    done("ti", "ትግርኛ"),
    done("mi", "Māori"),
    done("yue", "粵語"),
    done("ne", "नेपाली"),
];

/// `tolk.toml` for these locales and documents.
fn tolk_toml(locales: &[Locale], docs: &[Doc]) -> String {
    let mut t = String::new();
    let _ = write!(
        t,
        "# Load benchmark project, generated by `cargo xtask bench-load`: {} documents in \
         {} locales.\n\
         source-locale = \"en-US\"\n\
         locales-dir = \"locales\"\n\
         content-dir = \"content\"\n\
         out = \"dist\"\n\
         text-width = 72\n\n\
         # Go-live rules: a locale is published only when it translates these itself\n\
         # (the hotline and quick-exit blocks are always required) and reaches its\n\
         # publish-min-coverage (default: its min-coverage, else 100 %).\n\
         [publish]\n\
         required-messages = [\n    \"site-skip-link\",\n    \"site-footer\",\n",
        docs.len(),
        locales.len()
    );
    for doc in docs {
        let _ = writeln!(t, "    \"{}-page-title\",", doc.id);
    }
    t.push_str("]\nrequired-sections = [\"get-help\"]\n");
    for locale in locales {
        let _ = write!(t, "\n[locales.{}]\nname = \"{}\"\n", locale.tag, locale.name);
        if let Some(p) = locale.partial {
            let _ = writeln!(t, "min-coverage = {}", p.min_coverage);
            if let Some(min) = p.publish_min_coverage {
                let _ = writeln!(t, "publish-min-coverage = {min}");
            }
            if let Some(f) = p.fallback.filter(|f| locales.iter().any(|l| l.tag == *f)) {
                let _ = writeln!(t, "fallback = [\"{f}\"]");
            }
        }
    }
    t
}

/// FNV-1a.
fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

// ---------------------------------------------------------------------------------
// Documents and their English messages.
// ---------------------------------------------------------------------------------

/// A source message: id, value, attributes.
#[derive(Clone, Debug)]
struct Msg {
    id: String,
    value: String,
    attrs: Vec<(&'static str, String)>,
    /// Required by the go-live rules (never dropped by a locale in progress, unless
    /// it drops required ones too).
    required: bool,
    /// A group comment (`## ...`) before the message.
    group: Option<String>,
}

impl Msg {
    fn new(id: String, value: &str) -> Msg {
        Msg { id, value: value.to_string(), attrs: Vec::new(), required: false, group: None }
    }

    fn attr(mut self, name: &'static str, value: &str) -> Msg {
        self.attrs.push((name, value.to_string()));
        self
    }

    fn required(mut self) -> Msg {
        self.required = true;
        self
    }
}

/// A generated document: its TOML and its en-US messages.
struct Doc {
    id: String,
    title: String,
    toml: String,
    messages: Vec<Msg>,
}

const TOPICS: &[(&str, &str)] = &[
    ("understanding-trafficking", "Understanding human trafficking"),
    ("recognizing-the-signs", "Recognizing the signs"),
    ("labor-trafficking", "Labor trafficking"),
    ("sex-trafficking", "Sex trafficking"),
    ("young-people", "Young people and trafficking"),
    ("online-recruitment", "Recruitment online"),
    ("debt-bondage", "Debt bondage"),
    ("domestic-work", "Domestic workers"),
    ("farm-work", "Farm and agricultural work"),
    ("construction", "Construction sites"),
    ("restaurants", "Restaurants and food service"),
    ("hospitality", "Hotels and hospitality"),
    ("massage-businesses", "Illicit massage businesses"),
    ("traveling-sales-crews", "Traveling sales crews"),
    ("forced-begging", "Forced begging"),
    ("forced-criminality", "Forced criminal activity"),
    ("work-visas", "Temporary work visas"),
    ("immigrant-workers", "Rights of immigrant workers"),
    ("survivor-services", "Services for survivors"),
    ("finding-shelter", "Finding shelter"),
    ("legal-help", "Legal help"),
    ("t-visa", "The T visa"),
    ("reporting-a-tip", "Reporting a tip"),
    ("for-employers", "For employers"),
    ("for-teachers", "For teachers and schools"),
    ("for-health-workers", "For health care workers"),
    ("for-parents", "For parents and caregivers"),
    ("for-faith-communities", "For faith communities"),
    ("for-law-enforcement", "For law enforcement"),
    ("supply-chains", "Trafficking in supply chains"),
    ("romance-and-grooming", "Romance and grooming"),
    ("family-trafficking", "When the trafficker is family"),
    ("lgbtq-youth", "LGBTQ+ youth"),
    ("native-communities", "Native and Indigenous communities"),
    ("people-with-disabilities", "People with disabilities"),
    ("runaway-youth", "Runaway and homeless youth"),
    ("fraudulent-job-offers", "Fraudulent job offers"),
    ("wage-theft", "Wage theft or trafficking?"),
    ("kept-documents", "When an employer keeps your documents"),
    ("safety-planning", "Safety planning"),
    ("digital-safety", "Staying safe online"),
    ("after-leaving", "After leaving"),
    ("mental-health", "Mental health and recovery"),
    ("myths-and-facts", "Myths and facts"),
    ("language-access", "Help in your language"),
    ("volunteering", "How to volunteer"),
    ("what-the-data-shows", "What the data shows"),
    ("glossary", "Glossary"),
    ("about-the-hotline", "About the hotline"),
    ("contact-us", "Contact us"),
];

const SUMMARIES: &[&str] = &[
    "What human trafficking is, how it starts, who it affects, and where to find confidential help at any hour.",
    "How to recognize the warning signs, what your rights are, and where to find confidential help at any hour.",
    "Answers to common questions, real examples, and the ways to reach an advocate by phone, text or chat.",
    "What to look for, what to do, and who can help, in plain language.",
];

const HELP_HEADINGS: &[&str] = &[
    "Get help now",
    "Talk to someone today",
    "Confidential help, at any hour",
    "Reach an advocate",
];

const HELP_INTROS: &[&str] = &[
    "If you or someone you know may be caught in trafficking, a trained advocate can talk with you at any hour. You do not need to be certain before you reach out.",
    "Advocates listen without judging and can connect you with shelter, legal help and other services near you.",
    "You decide what happens next. An advocate can explain your options and help you make a plan that keeps you safe.",
    "Help is free and confidential, and you do not have to give your name.",
];

const CALLS: &[&str] = &[
    "Call { $hotline-phone }",
    "Call the hotline at { $hotline-phone }",
    "Phone { $hotline-phone }",
];

const CALL_NOTES: &[&str] = &[
    "Free to call the { -hotline-name }, at any hour of the day or night, every day of the week.",
    "Free to call, at any hour of the day or night, every day of the week.",
];

const TEXTS: &[&str] = &[
    "Text { $sms-keyword } to { $sms-short-code }",
    "Send { $sms-keyword } to { $sms-short-code }",
];

const PARAGRAPHS: &[&str] = &[
    "Under US federal law, human trafficking means using force, fraud or coercion to make someone perform commercial sex, labor or services against their will.",
    "A three-part model helps to recognize it. Trafficking is present when at least one element from each of the three parts applies:",
    "Most victims know the trafficker, and many trust or love them. Traffickers take advantage of what a person needs: a place to live, money, affection or a sense of belonging. Kidnapping by a stranger is rare.",
    "Traffickers can be of any gender and any background. They are often romantic partners, family members, friends, people who present themselves as benefactors, or employers.",
    "Anyone can be targeted. Poverty, unstable housing, past trauma and addiction raise the risk, and discrimination leaves people of color, immigrants and LGBTQ+ people more exposed.",
    "Traffickers manipulate the people they exploit, often through a slow process called grooming. A victim may be emotionally attached to the trafficker, depend on them for money or shelter, or fear violence against themselves or their family.",
    "Every story is different. Survivors are resilient: many leave on their own terms, some with help from others. Talk of \"rescue\" gives a misleading picture of how people actually get free.",
    "Prosecuting traffickers matters, but it is not enough. Real prevention means reducing homelessness, family violence, poverty and discrimination, and offering more support services.",
    "It usually starts with a job offer. It turns into trafficking when the pay or the working conditions are abusive and the worker cannot quit or complain, because they are threatened or because their need for money is being exploited.",
    "Business owners, managers and supervisors, but also families and intimate partners.",
    "Immigrants are especially at risk, including people who live in the country legally.",
    "Traffickers keep control with threats, such as threatening to call immigration enforcement, and with debts that the worker can never pay off.",
    "By enforcing labor protections, teaching workers about their rights and holding employers accountable.",
    "Trafficking is not smuggling. Smuggling is a crime against a border; trafficking is a crime against a person, and it can happen without anyone leaving home.",
    "Force, fraud or coercion must be what keeps the person in the situation. Unpaid wages alone are exploitation; threatening to have a worker deported for complaining makes it trafficking.",
    "Trafficking can happen in any kind of business, or within a family that has no business at all.",
    "Advocates answer in more than 200 languages through interpreters, 24 hours a day, 7 days a week.",
    "In 2021, the hotline learned of more than 10,000 situations of possible trafficking involving 16,000 people.",
    "Most conversations last 10 to 30 minutes, and you can end one at any time.",
    "The { -hotline-name } does not need your name, and you can stay anonymous.",
    "You can reach an advocate by phone at { $hotline-phone } or by text message at { $sms-short-code }.",
];

const QUESTIONS: &[&str] = &[
    "How does it begin?",
    "Who are the traffickers?",
    "Who is at risk?",
    "Why don't people just leave?",
    "How do people get out?",
    "How can it be prevented?",
    "Is it trafficking if the person agreed at first?",
    "Does trafficking require crossing a border?",
    "What happens when I call?",
    "Will the police be told?",
    "Can I get help if I am not a citizen?",
    "What if I am not sure?",
];

const ITEMS: &[&str] = &[
    "Action: recruiting, harboring, transporting, providing or obtaining a person.",
    "Means: force, fraud or coercion.",
    "Purpose: commercial sex, or labor and services.",
    "Some groups are far more vulnerable than others.",
    "Many people do not see their situation as trafficking until after it has ended.",
    "Someone else holds their passport or identity documents.",
    "They owe a debt that keeps growing.",
    "They are not allowed to speak for themselves.",
    "They work very long hours for little or no pay.",
    "They live where they work and cannot leave freely.",
    "They seem afraid, anxious or watched.",
    "Write down what you saw, when and where.",
    "Do not confront the person you suspect.",
    "Call { $hotline-phone } and tell an advocate what you know.",
    "Not all commercial sex between adults is trafficking, although people's choices lie on a spectrum.",
    "Anyone can be a victim, whatever their age, gender or background.",
];

const CALLOUTS: &[&str] = &[
    "One exception: under federal law, any minor involved in commercial sex is a victim of trafficking. There is no such thing as a child prostitute.",
    "If someone is in immediate danger, call 911.",
    "Never put yourself at risk to gather information.",
    "Advocates never share what you tell them without your permission, except where the law requires it.",
];

const CALLOUT_TITLES: &[&str] = &["Important", "Be careful", "Good to know", "Please note"];

const LINKS: &[&str] = &[
    "Start the free training",
    "Read the full guide",
    "Find services near you",
    "Download the fact sheet",
];

const TRAINING: &[&str] = &[
    "A free online course explains how to recognize trafficking in { $training-modules } short modules, about { $training-minutes } minutes in total.",
    "The course has { $training-modules } modules and takes about { $training-minutes } minutes.",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Overview,
    Questions,
    Remember,
    Training,
    Steps,
    Notes,
}

impl Kind {
    const ALL: [Kind; 6] =
        [Kind::Overview, Kind::Questions, Kind::Remember, Kind::Training, Kind::Steps, Kind::Notes];

    fn id(self) -> &'static str {
        match self {
            Kind::Overview => "overview",
            Kind::Questions => "questions",
            Kind::Remember => "remember",
            Kind::Training => "training",
            Kind::Steps => "what-to-do",
            Kind::Notes => "good-to-know",
        }
    }

    fn headings(self) -> &'static [&'static str] {
        match self {
            Kind::Overview => &["What is human trafficking?", "What it looks like", "How it works"],
            Kind::Questions => {
                &["Common questions", "Sex trafficking", "Labor trafficking", "What people ask us"]
            }
            Kind::Remember => &["Points to remember", "Keep in mind", "Myths and facts"],
            Kind::Training => &["Free online training", "Learn more", "Training for your team"],
            Kind::Steps => {
                &["What you can do", "If you are worried about someone", "Steps to take"]
            }
            Kind::Notes => &["Good to know", "Your rights", "About this information"],
        }
    }
}

const FACTS: &str = "[facts]\n\
    hotline-phone = { phone = \"1-888-373-7888\" }\n\
    sms-short-code = { short-code = \"233733\" }\n\
    sms-keyword = { keyword = \"BeFree\" }\n\
    chat-url = { url = \"https://humantraffickinghotline.org/\" }\n\
    training-url = { url = \"https://humantraffickinghotline.org/\" }\n\
    exit-url = { url = \"https://www.google.com/\" }\n\
    training-modules = { number = 6 }\n\
    training-minutes = { number = 20 }\n\n\
    # Page furniture: the renderer looks these up by key.\n\
    [ui]\n\
    skip-link = \"site-skip-link\"\n\
    language = \"site-language\"\n\
    contents = \"site-contents\"\n\
    footer = \"site-footer\"\n";

/// Document `k`: its id and title, TOML and messages. Deterministic in `k`.
fn plan_document(k: usize) -> Doc {
    let (slug, title) = TOPICS[k % TOPICS.len()];
    let (id, title) = match k / TOPICS.len() {
        0 => (slug.to_string(), title.to_string()),
        n => (format!("{slug}-{}", n + 1), format!("{title} ({})", n + 1)),
    };
    let mut rng = Rng::new(SEED, &[0xd0c, k as u64]);
    let mut b = DocBuilder { id: id.clone(), toml: String::new(), messages: Vec::new() };
    let _ = write!(
        b.toml,
        "# {title}. Every visible string is a Fluent message id from\n\
         # locales/<locale>/{id}.ftl; facts reach messages as variables.\n\n\
         id = \"{id}\"\ntitle = \"{id}-page-title\"\nsummary = \"{id}-page-summary\"\n\n{FACTS}"
    );
    b.messages.push(Msg::new(format!("{id}-page-title"), &title).required());
    b.messages.push(Msg::new(format!("{id}-page-summary"), rng.pick(SUMMARIES)));

    // Getting help: the quick exit and the hotline, required by the go-live rules.
    b.section("get-help", &format!("{id}-help-heading"));
    let mut heading = Msg::new(format!("{id}-help-heading"), rng.pick(HELP_HEADINGS)).required();
    heading.group = Some("Getting help".into());
    b.messages.push(heading);
    let _ = write!(
        b.toml,
        "\n[[sections.blocks]]\ntype = \"quick-exit\"\nlabel = \"{id}-quick-exit\"\n\
         hint = \"{id}-quick-exit.hint\"\nurl = \"exit-url\"\n"
    );
    b.messages.push(
        Msg::new(format!("{id}-quick-exit"), "Quick exit")
            .attr("hint", "Leave this page right away. You can also press the Esc key.")
            .required(),
    );
    let intro = b.message("help-intro", rng.pick(HELP_INTROS));
    b.messages.last_mut().unwrap().required = true;
    b.block("paragraph", &[("text", &intro)]);
    let _ = write!(
        b.toml,
        "\n[[sections.blocks]]\ntype = \"contact\"\ncall = \"{id}-help-call\"\n\
         call-note = \"{id}-help-call.note\"\nphone = \"hotline-phone\"\nsms = \"{id}-help-text\"\n\
         sms-note = \"{id}-help-text.note\"\nshort-code = \"sms-short-code\"\n\
         keyword = \"sms-keyword\"\nchat = \"{id}-help-chat\"\nchat-note = \"{id}-help-chat.note\"\n\
         chat-url = \"chat-url\"\n"
    );
    b.messages.push(
        Msg::new(format!("{id}-help-call"), rng.pick(CALLS))
            .attr("note", rng.pick(CALL_NOTES))
            .required(),
    );
    b.messages.push(
        Msg::new(format!("{id}-help-text"), rng.pick(TEXTS))
            .attr(
                "note",
                "Message and data rates may apply. Reply HELP for help or STOP to cancel.",
            )
            .required(),
    );
    b.messages.push(
        Msg::new(format!("{id}-help-chat"), "Chat live with an advocate")
            .attr("note", "Write to a real person in a private online chat.")
            .required(),
    );

    // Four to six more sections.
    let mut used: Vec<Kind> = Vec::new();
    for _ in 0..rng.range(4, 6) {
        let kind = rng.pick(&Kind::ALL);
        let repeat = used.iter().filter(|&&k| k == kind).count();
        used.push(kind);
        let sid = match repeat {
            0 => kind.id().to_string(),
            n => format!("{}-{}", kind.id(), n + 1),
        };
        let heading_text = rng.pick(kind.headings());
        let heading = b.message(&format!("{sid}-heading"), heading_text);
        b.messages.last_mut().unwrap().group = Some(heading_text.to_string());
        b.section(&sid, &heading);
        match kind {
            Kind::Overview => {
                let p = b.message(&format!("{sid}-body"), rng.pick(PARAGRAPHS));
                b.block("paragraph", &[("text", &p)]);
                if rng.per_mille(500) {
                    let p = b.message(&format!("{sid}-more"), rng.pick(PARAGRAPHS));
                    b.block("paragraph", &[("text", &p)]);
                }
                let items: Vec<String> = (1..=3)
                    .map(|i| b.message(&format!("{sid}-item-{i}"), rng.pick(ITEMS)))
                    .collect();
                b.list(&items, false);
            }
            Kind::Questions => {
                let n = rng.range(3, 6);
                let mut pairs = Vec::new();
                for i in 1..=n {
                    let q = b.message(&format!("{sid}-q{i}"), rng.pick(QUESTIONS));
                    let a = b.message(&format!("{sid}-a{i}"), rng.pick(PARAGRAPHS));
                    pairs.push(format!("  {{ question = \"{q}\", answer = \"{a}\" }},\n"));
                }
                let _ = write!(
                    b.toml,
                    "\n[[sections.blocks]]\ntype = \"qa\"\nitems = [\n{}]\n",
                    pairs.concat()
                );
            }
            Kind::Remember => {
                let c = b.message(&format!("{sid}-callout"), rng.pick(CALLOUTS));
                b.block("callout", &[("tone", "important"), ("text", &c)]);
                let items: Vec<String> = (1..=rng.range(3, 6))
                    .map(|i| b.message(&format!("{sid}-item-{i}"), rng.pick(ITEMS)))
                    .collect();
                b.list(&items, false);
            }
            Kind::Training => {
                let p = b.message(&format!("{sid}-body"), rng.pick(TRAINING));
                b.block("paragraph", &[("text", &p)]);
                let l = b.message(&format!("{sid}-link"), rng.pick(LINKS));
                b.block("link", &[("text", &l), ("url", "training-url")]);
            }
            Kind::Steps => {
                let p = b.message(&format!("{sid}-body"), rng.pick(PARAGRAPHS));
                b.block("paragraph", &[("text", &p)]);
                let items: Vec<String> = (1..=rng.range(3, 5))
                    .map(|i| b.message(&format!("{sid}-step-{i}"), rng.pick(ITEMS)))
                    .collect();
                b.list(&items, true);
                let t = b.message(&format!("{sid}-warning-title"), rng.pick(CALLOUT_TITLES));
                let c = b.message(&format!("{sid}-warning"), rng.pick(CALLOUTS));
                b.block("callout", &[("tone", "warning"), ("title", &t), ("text", &c)]);
            }
            Kind::Notes => {
                for part in ["body", "more"] {
                    let p = b.message(&format!("{sid}-{part}"), rng.pick(PARAGRAPHS));
                    b.block("paragraph", &[("text", &p)]);
                }
                let c = b.message(&format!("{sid}-note"), rng.pick(CALLOUTS));
                if rng.per_mille(500) {
                    let t = b.message(&format!("{sid}-note-title"), rng.pick(CALLOUT_TITLES));
                    b.block("callout", &[("tone", "info"), ("title", &t), ("text", &c)]);
                } else {
                    b.block("callout", &[("tone", "info"), ("text", &c)]);
                }
            }
        }
    }
    Doc { id, title, toml: b.toml, messages: b.messages }
}

struct DocBuilder {
    id: String,
    toml: String,
    messages: Vec<Msg>,
}

impl DocBuilder {
    /// Adds message `<document>-<name>` and returns its id.
    fn message(&mut self, name: &str, value: &str) -> String {
        let id = format!("{}-{name}", self.id);
        self.messages.push(Msg::new(id.clone(), value));
        id
    }

    fn section(&mut self, id: &str, heading: &str) {
        let _ = write!(self.toml, "\n[[sections]]\nid = \"{id}\"\nheading = \"{heading}\"\n");
    }

    fn block(&mut self, kind: &str, fields: &[(&str, &str)]) {
        let _ = write!(self.toml, "\n[[sections.blocks]]\ntype = \"{kind}\"\n");
        for (key, value) in fields {
            let _ = writeln!(self.toml, "{key} = \"{value}\"");
        }
    }

    fn list(&mut self, items: &[String], ordered: bool) {
        let _ = write!(self.toml, "\n[[sections.blocks]]\ntype = \"list\"\n");
        if ordered {
            self.toml.push_str("ordered = true\n");
        }
        self.toml.push_str("items = [\n");
        for item in items {
            let _ = writeln!(self.toml, "  \"{item}\",");
        }
        self.toml.push_str("]\n");
    }
}

const SITE_HEADER: &str = "# Page furniture shared by every document.\n\n";

fn site_messages() -> Vec<Msg> {
    vec![
        Msg::new("-hotline-name".into(), "National Human Trafficking Hotline"),
        Msg::new("site-skip-link".into(), "Skip to main content").required(),
        Msg::new("site-language".into(), "Language"),
        Msg::new("site-contents".into(), "On this page"),
        Msg::new(
            "site-footer".into(),
            "Confidential help, day and night: call { $hotline-phone } or text { $sms-keyword } to { $sms-short-code }.",
        )
        .required(),
    ]
}

fn doc_header(title: &str) -> String {
    format!(
        "# {title}.\n#\n# Variables come from the document's facts and must never be retyped:\n\
         #   $hotline-phone   the national hotline number\n\
         #   $sms-short-code  the SMS short code\n\
         #   $sms-keyword     the keyword the SMS service answers to\n\
         #   $training-modules, $training-minutes  numbers describing the course\n\n"
    )
}

/// A `.ftl` file: the source text, or its pseudo-translation by `tr` (which leaves
/// out the messages a locale in progress has not translated yet).
fn render_ftl(header: &str, messages: &[Msg], tr: Option<&Translator>) -> String {
    let mut out = header.to_string();
    for m in messages {
        let text = |s: &str| tr.map_or_else(|| s.to_string(), |t| t.translate(s));
        if let Some(g) = &m.group {
            let _ = write!(out, "\n## {}\n\n", text(g));
        }
        if tr.is_some_and(|t| !t.keeps(m)) {
            continue;
        }
        let _ = writeln!(out, "{} = {}", m.id, text(&m.value));
        for (name, value) in &m.attrs {
            let _ = writeln!(out, "    .{name} = {}", text(value));
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Pseudo-translation.
// ---------------------------------------------------------------------------------

/// Turns English into made-up words in a locale's script, word by word (the same
/// English word always gives the same word in one locale). Placeables, and words
/// with digits, are kept as they are.
struct Translator {
    tag: &'static str,
    partial: Option<Partial>,
    /// Letters that may start a word, then vowel signs.
    letters: Vec<char>,
    initials: usize,
    words: Words,
    cased: bool,
}

impl Translator {
    fn new(locale: &Locale) -> Translator {
        let lang = locale.tag.split('-').next().unwrap_or(locale.tag);
        let s = script(locale.tag, lang);
        Translator {
            tag: locale.tag,
            partial: locale.partial,
            letters: s.letters.chars().chain(s.extra.chars()).chain(s.marks.chars()).collect(),
            initials: s.letters.chars().chain(s.extra.chars()).count(),
            words: s.words,
            cased: s.cased,
        }
    }

    /// Whether the locale has translated `m`.
    fn keeps(&self, m: &Msg) -> bool {
        let Some(p) = self.partial else { return true };
        if m.id.starts_with('-') || m.required && !p.drop_required {
            return true;
        }
        Rng::new(SEED, &[hash(self.tag), hash(&m.id)]).per_mille(p.translated)
    }

    fn translate(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while !rest.is_empty() {
            let (plain, placeable) = match rest.find('{') {
                Some(i) => {
                    let end = rest[i..].find('}').map_or(rest.len(), |j| i + j + 1);
                    (&rest[..i], &rest[i..end])
                }
                None => (rest, ""),
            };
            self.words(plain, &mut out);
            out.push_str(placeable);
            rest = &rest[plain.len() + placeable.len()..];
        }
        out
    }

    /// Translates the words of `text` (no placeables) into `out`, keeping the spaces
    /// at its ends. Words with digits keep spaces around them in every script, so
    /// that numbers stay numbers.
    fn words(&self, text: &str, out: &mut String) {
        if text.starts_with(' ') {
            out.push(' ');
        }
        // (text, glue): glued words join without a space in unspaced scripts.
        let mut parts: Vec<(String, bool)> = Vec::new();
        for word in text.split_whitespace() {
            let start = word.find(char::is_alphanumeric).unwrap_or(word.len());
            let end = word
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphanumeric())
                .map_or(start, |(i, c)| i + c.len_utf8());
            let (lead, core, trail) = (&word[..start], &word[start..end], &word[end..]);
            if core.is_empty() || core.chars().any(|c| c.is_ascii_digit()) {
                parts.push((word.to_string(), false));
            } else {
                let glue = lead.is_empty() && trail.is_empty();
                parts.push((format!("{lead}{}{trail}", self.word(core)), glue));
            }
        }
        for (i, (part, glue)) in parts.iter().enumerate() {
            if i > 0 && (self.words != Words::Unspaced || !(*glue && parts[i - 1].1)) {
                out.push(' ');
            }
            out.push_str(part);
        }
        if text.ends_with(' ') && !parts.is_empty() {
            out.push(' ');
        }
    }

    fn word(&self, english: &str) -> String {
        let mut rng = Rng::new(SEED, &[hash(self.tag), hash(&english.to_lowercase())]);
        let n = english.chars().count();
        let len = match self.words {
            Words::Spaced => rng.range(n.saturating_sub(2).max(1), n + 2),
            Words::Syllables => n.div_ceil(3),
            Words::Unspaced => n.div_ceil(2),
        };
        let word: String = (0..len)
            .map(|k| {
                let n = if k == 0 { self.initials } else { self.letters.len() };
                self.letters[rng.below(n)]
            })
            .collect();
        if !self.cased || !english.starts_with(char::is_uppercase) {
            return word;
        }
        if n > 1 && english.chars().all(|c| !c.is_lowercase()) {
            return word.to_uppercase();
        }
        let mut chars = word.chars();
        chars.next().map_or(String::new(), |f| f.to_uppercase().chain(chars).collect())
    }
}

/// How a script writes words.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Words {
    /// Letters, words separated by spaces.
    Spaced,
    /// One character per syllable, words separated by spaces (Hangul).
    Syllables,
    /// No spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese).
    Unspaced,
}

/// The letters of a locale's script (a Latin locale's are the basic letters plus
/// `extra`; `marks` are vowel signs, which never start a word), how it writes words,
/// and whether it has upper case.
struct Script {
    letters: &'static str,
    extra: &'static str,
    marks: &'static str,
    words: Words,
    cased: bool,
}

const fn letters(letters: &'static str, words: Words) -> Script {
    Script { letters, extra: "", marks: "", words, cased: false }
}

const fn with_marks(letters: &'static str, marks: &'static str, words: Words) -> Script {
    Script { letters, extra: "", marks, words, cased: false }
}

const fn cased(letters: &'static str) -> Script {
    Script { letters, extra: "", marks: "", words: Words::Spaced, cased: true }
}

const fn latin(extra: &'static str) -> Script {
    let letters = "abcdefghijklmnoprstuvyzaeiouaeiounrst";
    Script { letters, extra, marks: "", words: Words::Spaced, cased: true }
}

fn script(tag: &str, lang: &str) -> Script {
    use Words::{Spaced, Syllables, Unspaced};
    match lang {
        "ar" | "ur" | "ps" | "ckb" => letters("ابتثجحخدذرزسشصضطظعغفقكلمنهويالمنوي", Spaced),
        "fa" => letters("ابپتثجچحخدذرزژسشصطعغفقکگلمنوهیالمنوی", Spaced),
        "he" => letters("אבגדהוזחטיכלמנסעפצקרשתםןףץ", Spaced),
        "hi" | "mr" | "ne" => with_marks("अआइईउएओकखगचजटडतथदनपबमयरलवशसह", "ािीुेो", Spaced),
        "bn" => with_marks("অআইউএওকখগচজটডতদনপবমযরলশসহ", "ািীুে", Spaced),
        "pa" => with_marks("ਅਆਇਈਉਏਓਕਖਗਚਜਟਡਤਦਨਪਬਮਯਰਲਵਸਹ", "ਾਿੀ", Spaced),
        "gu" => with_marks("અઆઇઈઉએઓકખગચજટડતદનપબમયરલવસહ", "ાિી", Spaced),
        "ta" => with_marks("அஆஇஈஉஎஏஐஒகஙசஞடணதநபமயரலவழளறன", "ாிீ", Spaced),
        "te" => with_marks("అఆఇఈఉఎఏఒకగచజటడతదనపబమయరలవసహ", "ాిీ", Spaced),
        "kn" => with_marks("ಅಆಇಈಉಎಏಒಕಗಚಜಟಡತದನಪಬಮಯರಲವಸಹ", "ಾಿೀ", Spaced),
        "ml" => with_marks("അആഇഈഉഎഏഒകഗചജടഡതദനപബമയരലവസഹ", "ാിീ", Spaced),
        "si" => letters("අආඉඊඋඑඔකගචජටඩතදනපබමයරලවසහ", Spaced),
        "th" => with_marks("กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮเแโใไ", "ะา", Unspaced),
        "lo" => with_marks("ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮເແໂໃໄ", "ະາ", Unspaced),
        "km" => letters("កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ", Unspaced),
        "my" => letters("ကခဂဃငစဆဇညတထဒဓနပဖဗဘမယရလဝသဟအ", Unspaced),
        "zh" if tag.ends_with("TW") => letters(
            "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手",
            Unspaced,
        ),
        "yue" => letters(
            "嘅係唔咗佢哋喺乜嘢點樣邊度冇啲嚟睇講畀揾俾咁而家噉先至好多人我你佢工作幫助電話",
            Unspaced,
        ),
        "zh" => letters(
            "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手",
            Unspaced,
        ),
        "ja" => letters(
            "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん人助電話相談支援安全情報",
            Unspaced,
        ),
        "ko" => letters(
            "가나다라마바사아자차카타파하거너더러머버서어저처고노도로모보소오조초구누두루무부수우주추그느드르므브스으즈기니디리미비시이지치한국말도움전화상담",
            Syllables,
        ),
        "ru" | "bg" | "sr" | "mk" | "be" | "mn" | "ky" => {
            cased("абвгдежзийклмнопрстуфхцчшщыэюяаеиоуе")
        }
        "uk" => cased("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяаеіо"),
        "kk" | "tg" => cased("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшыіэюяӣӯҷ"),
        "el" => cased("αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ"),
        "hy" => cased("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ"),
        "ka" => letters("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ", Spaced),
        "am" | "ti" => letters("ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ", Spaced),
        "de" | "lb" => latin("äöüß"),
        "fr" | "ca" | "oc" | "br" | "ht" => latin("éèàçêô"),
        "es" | "gl" | "ast" => latin("áéíóúñ"),
        "pt" => latin("ãõáéçâ"),
        "it" => latin("àèìòù"),
        "pl" => latin("ąćęłńóśźż"),
        "cs" | "sk" => latin("áčďéěíňóřšťúůýž"),
        "hu" => latin("áéíóöőúüű"),
        "ro" => latin("ăâîșț"),
        "tr" | "az" | "tk" => latin("çğıöşü"),
        "vi" => latin("ăâđêôơưạảấầậắếềệịọỏốồộớờụủứừ"),
        "sv" | "fi" | "et" => latin("äöå"),
        "da" | "nb" | "is" | "fy" => latin("æøåðþ"),
        "lt" | "lv" => latin("ąčęėįšųūžāēīļņ"),
        "hr" | "sl" | "bs" => latin("čćšžđ"),
        "sq" => latin("ëç"),
        "mt" => latin("ċġħż"),
        "yo" | "ig" => latin("ẹọṣáàéè"),
        "ha" => latin("ɓɗƙ"),
        "mi" | "cy" | "ga" => latin("āēīōūŵŷáéíóú"),
        _ => latin(""),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Message ids and their attributes, by id, of the `.ftl` files in `dir`.
    fn ftl_entries(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            assert_eq!(path.extension().unwrap(), "ftl", "{}", path.display());
            let text = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errs)| panic!("{}: {errs:?}", path.display()));
            for entry in resource.body {
                let (id, attrs) = match entry {
                    ast::Entry::Message(m) => (m.id.name.to_string(), m.attributes),
                    ast::Entry::Term(t) => (format!("-{}", t.id.name), t.attributes),
                    _ => continue,
                };
                let attrs = attrs.iter().map(|a| a.id.name.to_string()).collect();
                assert!(out.insert(id.clone(), attrs).is_none(), "{id} defined twice");
            }
        }
        out
    }

    /// Every message reference (`id` or `id.attr`) and fact reference of a content
    /// document.
    fn content_refs(doc: &toml::Table) -> (Vec<String>, Vec<String>) {
        const FACT_FIELDS: &[&str] = &["url", "phone", "short-code", "keyword", "chat-url"];
        const OTHER: &[&str] = &["type", "tone", "ordered"];
        let (mut messages, mut facts) = (Vec::new(), Vec::new());
        for key in ["title", "summary"] {
            messages.push(doc[key].as_str().unwrap().to_string());
        }
        for value in doc["ui"].as_table().unwrap().values() {
            messages.push(value.as_str().unwrap().to_string());
        }
        for section in doc["sections"].as_array().unwrap() {
            messages.push(section["heading"].as_str().unwrap().to_string());
            for block in section["blocks"].as_array().unwrap() {
                for (key, value) in block.as_table().unwrap() {
                    match value {
                        _ if OTHER.contains(&key.as_str()) => {}
                        toml::Value::String(s) if FACT_FIELDS.contains(&key.as_str()) => {
                            facts.push(s.clone());
                        }
                        toml::Value::String(s) => messages.push(s.clone()),
                        toml::Value::Array(items) => {
                            for item in items {
                                match item {
                                    toml::Value::String(s) => messages.push(s.clone()),
                                    toml::Value::Table(qa) => messages.extend(
                                        qa.values().map(|v| v.as_str().unwrap().to_string()),
                                    ),
                                    other => panic!("{key}: {other:?}"),
                                }
                            }
                        }
                        other => panic!("{key}: {other:?}"),
                    }
                }
            }
        }
        (messages, facts)
    }

    #[test]
    fn a_tiny_project_is_consistent() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write_project(dir, &LOCALES[..2], 2).unwrap();

        let config: toml::Table =
            toml::from_str(&std::fs::read_to_string(dir.join("tolk.toml")).unwrap()).unwrap();
        assert_eq!(config["source-locale"].as_str(), Some("en-US"));
        let configured: Vec<&String> = config["locales"].as_table().unwrap().keys().collect();
        assert_eq!(configured, ["en-US", "es"]);

        let source = ftl_entries(&dir.join("locales/en-US"));
        let translated = ftl_entries(&dir.join("locales/es"));
        assert_eq!(
            source.keys().collect::<Vec<_>>(),
            translated.keys().collect::<Vec<_>>(),
            "es is complete"
        );
        let mut documents = 0;
        for entry in std::fs::read_dir(dir.join("content")).unwrap() {
            let path = entry.unwrap().path();
            let doc: toml::Table =
                toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let (messages, facts) = content_refs(&doc);
            assert!(messages.len() > 20, "{}: {} messages", path.display(), messages.len());
            for m in messages {
                let (id, attr) = match m.split_once('.') {
                    Some((id, attr)) => (id, Some(attr)),
                    None => (m.as_str(), None),
                };
                let attrs = source.get(id).unwrap_or_else(|| panic!("{m} is not in en-US"));
                if let Some(attr) = attr {
                    assert!(attrs.contains(attr), "{m} is not in en-US");
                }
            }
            let defined = doc["facts"].as_table().unwrap();
            for f in facts {
                assert!(defined.contains_key(&f), "fact {f}");
            }
            documents += 1;
        }
        assert_eq!(documents, 2);
    }

    #[test]
    fn locales_are_distinct_and_in_progress_ones_fall_back_to_earlier_ones() {
        assert_eq!(LOCALES.len(), 100);
        assert_eq!(LOCALES[0].tag, "en-US");
        let tags: BTreeSet<&str> = LOCALES.iter().map(|l| l.tag).collect();
        assert_eq!(tags.len(), LOCALES.len());
        for (i, l) in LOCALES.iter().enumerate() {
            if let Some(f) = l.partial.and_then(|p| p.fallback) {
                assert!(LOCALES[..i].iter().any(|e| e.tag == f), "{}", l.tag);
            }
        }
    }

    #[test]
    fn translation_keeps_placeables_and_numbers() {
        for tag in ["ar", "zh-CN", "ja", "ko", "ru", "th", "de"] {
            let locale = LOCALES.iter().find(|l| l.tag == tag).unwrap();
            let tr = Translator::new(locale);
            let text = "In 2021, call { $hotline-phone } or the { -hotline-name } 24 hours a day.";
            let out = tr.translate(text);
            for kept in ["{ $hotline-phone }", "{ -hotline-name }", "2021,", " 24 "] {
                assert!(out.contains(kept), "{tag}: {out}");
            }
            assert!(!out.contains("call"), "{tag}: {out}");
            assert_eq!(out, tr.translate(text), "{tag}: the same every time");
        }
    }
}

//! `cargo xtask bench`: `tolk check` on a large synthetic plain tree, next to a
//! parse-only baseline and compare-locales, measured in the same run.
//!
//! Wall times are the best of `--runs` runs; the measurements compared with each
//! other (tolk and the parse-only baseline, 1 and 2 threads) run in turns. Peak
//! RSS is measured in a separate run of each command, by polling
//! `/proc/<pid>/status` (`VmHWM`, the high-water mark) every 2 ms until the child
//! exits, so the polling never slows a timed run. Targets are reported, never
//! asserted.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::corpus::{self, Params};
use crate::{cargo, root, step};

struct Options {
    params: Params,
    runs: usize,
    threads: usize,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let usage = "usage: cargo xtask bench [--locales N] [--files N] [--messages N] [--runs N] \
                 [--threads N]";
    let mut o = Options {
        params: Params { locales: 100, files: 200, messages: 50 },
        runs: 3,
        threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag}: missing value\n{usage}"))?;
        let n: usize = value.parse().map_err(|_| format!("{flag} {value}: not a number"))?;
        match flag.as_str() {
            "--locales" => o.params.locales = n,
            "--files" => o.params.files = n,
            "--messages" => o.params.messages = n,
            "--runs" => o.runs = n.max(1),
            "--threads" => o.threads = n.max(1),
            _ => return Err(format!("unknown option {flag}\n{usage}")),
        }
    }
    Ok(o)
}

/// One finished run of a command.
struct Run {
    wall: Duration,
    /// Peak resident set size in bytes (only when polled).
    peak_rss: Option<u64>,
}

/// Runs `cmd` (stdout to `stdout`, or discarded), accepting the exit codes `ok`.
fn run_once(
    cmd: &mut Command,
    stdout: Option<&Path>,
    ok: &[i32],
    poll_rss: bool,
) -> Result<Run, String> {
    let out = match stdout {
        Some(path) => Stdio::from(File::create(path).map_err(|e| e.to_string())?),
        None => Stdio::null(),
    };
    let name = format!("{cmd:?}");
    let start = Instant::now();
    let mut child =
        cmd.stdout(out).stderr(Stdio::piped()).spawn().map_err(|e| format!("{name}: {e}"))?;
    let mut peak = None;
    let status = if poll_rss {
        let pid = child.id();
        loop {
            if let Some(kb) = vm_hwm_kb(pid) {
                peak = Some(peak.unwrap_or(0).max(kb * 1024));
            }
            if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
                break status;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    } else {
        child.wait().map_err(|e| e.to_string())?
    };
    let wall = start.elapsed();
    if !status.code().is_some_and(|c| ok.contains(&c)) {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        return Err(format!("{name} exited with {status}:\n{err}"));
    }
    Ok(Run { wall, peak_rss: peak })
}

fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Best wall time of `runs` runs.
pub(crate) fn best(
    runs: usize,
    mut cmd: impl FnMut() -> Command,
    stdout: Option<&Path>,
    ok: &[i32],
) -> Result<Duration, String> {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        best = best.min(run_once(&mut cmd(), stdout, ok, false)?.wall);
    }
    Ok(best)
}

/// The best wall time of each of two commands, run in turns (a, b, a, b, ...):
/// on a shared machine whose speed drifts, both see the same conditions, so their
/// ratio is fair even when the absolute times are not.
pub(crate) fn best_of_pair(
    runs: usize,
    (mut a, a_out, a_ok): (impl FnMut() -> Command, Option<&Path>, &[i32]),
    (mut b, b_out, b_ok): (impl FnMut() -> Command, Option<&Path>, &[i32]),
) -> Result<(Duration, Duration), String> {
    let (mut best_a, mut best_b) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs {
        best_a = best_a.min(run_once(&mut a(), a_out, a_ok, false)?.wall);
        best_b = best_b.min(run_once(&mut b(), b_out, b_ok, false)?.wall);
    }
    Ok((best_a, best_b))
}

/// Peak RSS of one (polled) run.
pub(crate) fn peak_rss(mut cmd: Command, stdout: Option<&Path>, ok: &[i32]) -> Result<u64, String> {
    run_once(&mut cmd, stdout, ok, true)?.peak_rss.ok_or_else(|| "no /proc/<pid>/status".into())
}

/// A `compare-locales` command: the script on PATH, else the installed package.
fn compare_locales() -> Option<Command> {
    let works = |cmd: &mut Command| {
        cmd.stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
    };
    if works(Command::new("compare-locales").arg("--version")) {
        return Some(Command::new("compare-locales"));
    }
    let entry = "import sys; from compare_locales.commands import CompareLocales; \
                 sys.argv[0] = 'compare-locales'; sys.exit(CompareLocales.call())";
    if works(Command::new("python3").args(["-c", entry, "--version"])) {
        let mut cmd = Command::new("python3");
        cmd.args(["-c", entry]);
        return Some(cmd);
    }
    None
}

fn dir_size(dir: &Path) -> (u64, usize) {
    let (mut bytes, mut files) = (0, 0);
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                let (b, f) = dir_size(&path);
                bytes += b;
                files += f;
            } else if path.extension().is_some_and(|e| e == "ftl") {
                bytes += entry.metadata().map_or(0, |m| m.len());
                files += 1;
            }
        }
    }
    (bytes, files)
}

/// Counts the diagnostics of a `tolk check --format json` report by code.
pub(crate) fn count_codes(report: &str) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut rest = report;
    while let Some(i) = rest.find("\"code\"") {
        rest = &rest[i + 6..];
        let Some(open) = rest.find('"') else { break };
        let after = &rest[open + 1..];
        let Some(close) = after.find('"') else { break };
        let code = &after[..close];
        match counts.iter_mut().find(|(c, _)| c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code.to_string(), 1)),
        }
        rest = &after[close..];
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

pub(crate) fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 1.0 { format!("{:.1} ms", s * 1000.0) } else { format!("{s:.2} s") }
}

pub(crate) fn mib(bytes: u64) -> String {
    format!("{:.0} MiB", bytes as f64 / (1024.0 * 1024.0))
}

pub(crate) fn bench(args: &[String]) -> Result<(), String> {
    let o = parse_options(args)?;
    let p = o.params;
    step(
        "cargo build --release -p tolk-cli -p xtask",
        cargo().args(["build", "--release", "-p", "tolk-cli", "-p", "xtask"]),
    )?;
    let release = root().join("target/release");
    let (tolk, xtask) = (release.join("tolk"), release.join("xtask"));

    let full = corpus::ensure(&root(), p)?;
    let cl_locales = 5.min(p.locales - 1);
    let mut subsets: Vec<(usize, PathBuf)> = Vec::new();
    for n in [cl_locales + 1, 10, 50] {
        if n < p.locales && !subsets.iter().any(|(m, _)| *m == n) {
            subsets.push((n, corpus::subset(&full, n)?));
        }
    }
    subsets.push((p.locales, full.clone()));
    let tree = |n: usize| subsets.iter().find(|(m, _)| *m == n).map(|(_, d)| d.clone());
    let (bytes, files) = dir_size(&full);
    let key = full.file_name().unwrap().to_string_lossy().into_owned();
    let report = full.with_file_name(format!("{key}.tolk-check.json"));
    let load_before = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();

    let threads = o.threads.to_string();
    let tolk_check = |dir: &Path, threads: &str| {
        let mut cmd = Command::new(&tolk);
        cmd.args(["check", "--format", "json"]).arg(dir).env("RAYON_NUM_THREADS", threads);
        cmd
    };
    let tolk_ok = &[0, 1];

    eprintln!("==> warm-up (page cache) and report");
    run_once(&mut tolk_check(&full, &threads), Some(&report), tolk_ok, false)?;
    let codes = count_codes(&std::fs::read_to_string(&report).map_err(|e| e.to_string())?);

    eprintln!("==> (b) parse-only baseline and (a) tolk check, {} locales, in turns", p.locales);
    let baseline_cmd = || {
        let mut cmd = Command::new(&xtask);
        cmd.arg("parse-baseline").arg(&full).env("RAYON_NUM_THREADS", &threads);
        cmd
    };
    let (parse, check) = best_of_pair(
        o.runs,
        (baseline_cmd, None, &[0]),
        (|| tolk_check(&full, &threads), Some(&report), tolk_ok),
    )?;
    let parse_rss = peak_rss(baseline_cmd(), None, &[0])?;
    let check_rss = peak_rss(tolk_check(&full, &threads), Some(&report), tolk_ok)?;

    eprintln!("==> (d) tolk check, 1 and 2 threads, in turns");
    let (one, two) = best_of_pair(
        o.runs,
        (|| tolk_check(&full, "1"), Some(&report), tolk_ok),
        (|| tolk_check(&full, "2"), Some(&report), tolk_ok),
    )?;

    eprintln!("==> (c) compare-locales and tolk check on {cl_locales} locales");
    let cl_tree = tree(cl_locales + 1).unwrap();
    let tolk_small = best(o.runs, || tolk_check(&cl_tree, &threads), Some(&report), tolk_ok)?;
    let cl_time = match compare_locales() {
        Some(_) => {
            let list = corpus::LOCALES[1..=cl_locales]
                .iter()
                .map(|l| format!("{l:?}"))
                .collect::<Vec<_>>()
                .join(", ");
            let config = cl_tree.with_file_name(format!(
                "{}.l10n.toml",
                cl_tree.file_name().unwrap().to_string_lossy()
            ));
            let toml = format!(
                "basepath = {:?}\nlocales = [{list}]\n\n[env]\nl = \"{{l10n_base}}/{{locale}}/\"\n\n\
                 [[paths]]\nreference = \"en-US/**\"\nl10n = \"{{l}}**\"\n",
                cl_tree.to_string_lossy()
            );
            std::fs::write(&config, toml).map_err(|e| e.to_string())?;
            let json = full.with_file_name(format!("{key}.compare-locales.json"));
            let cmd = || {
                let mut cmd = compare_locales().unwrap();
                cmd.arg("--json").arg(&json).arg(&config).arg(&cl_tree);
                cmd
            };
            Some(best(o.runs, cmd, None, &[0, 1])?)
        }
        None => None,
    };

    eprintln!("==> (e) peak RSS by number of locales");
    let mut rss = Vec::new();
    for n in [10, 50, 100] {
        if n == p.locales {
            rss.push((n, check_rss));
        } else if let Some(dir) = tree(n) {
            rss.push((n, peak_rss(tolk_check(&dir, &threads), Some(&report), tolk_ok)?));
        }
    }

    // The table.
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!();
    println!(
        "corpus  {} ({} locales x {} files x {} messages: {files} .ftl files, {mb:.1} MB)",
        full.strip_prefix(root()).unwrap_or(&full).display(),
        p.locales,
        p.files,
        p.messages
    );
    let load = |s: &str| s.split_whitespace().next().unwrap_or("?").to_string();
    println!(
        "machine {} CPUs, load average {} before / {} after; RAYON_NUM_THREADS={}; wall time = \
         best of {} runs; RSS = peak of a separate run",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load(&load_before),
        load(&std::fs::read_to_string("/proc/loadavg").unwrap_or_default()),
        o.threads,
        o.runs
    );
    let shown: Vec<String> = codes.iter().map(|(c, n)| format!("{c} {n}")).collect();
    println!("report  {}", shown.join(", "));
    println!();
    println!("{:<58} {:>10} {:>10}", "measurement", "wall", "peak RSS");
    println!(
        "{:<58} {:>10} {:>10}",
        format!("(b) parse-only baseline (fluent-syntax + rayon), {} loc.", p.locales),
        secs(parse),
        mib(parse_rss)
    );
    println!(
        "{:<58} {:>10} {:>10}",
        format!("(a) tolk check --format json, {} locales", p.locales),
        secs(check),
        mib(check_rss)
    );
    println!(
        "    tolk / parse-only: {:.2}x (target <= 2x); parse-only {:.0} MB/s, tolk {:.0} MB/s",
        ratio(check, parse),
        mb / parse.as_secs_f64(),
        mb / check.as_secs_f64()
    );
    let per = |d: Duration| d / cl_locales as u32;
    match cl_time {
        Some(cl) => {
            println!(
                "{:<58} {:>10} {:>10}",
                format!("(c) compare-locales, {cl_locales} locales (+ en-US)"),
                secs(cl),
                ""
            );
            println!("{:<58} {:>10}", format!("    per locale"), secs(per(cl)));
        }
        None => println!(
            "(c) compare-locales: not installed (python3 -m pip install 'compare-locales>=9,<10')"
        ),
    }
    println!(
        "{:<58} {:>10}",
        format!("    tolk check, same {cl_locales} locales (+ en-US)"),
        secs(tolk_small)
    );
    println!("{:<58} {:>10}", "    per locale", secs(per(tolk_small)));
    let full_per = check / (p.locales - 1) as u32;
    println!(
        "{:<58} {:>10}",
        format!("    tolk per locale in the {}-locale run (a)", p.locales),
        secs(full_per)
    );
    if let Some(cl) = cl_time {
        println!(
            "    compare-locales / tolk per locale: {:.0}x on the same {cl_locales} locales \
             (target >= 300x); {:.0}x against (a)",
            ratio(per(cl), per(tolk_small)),
            ratio(per(cl), full_per)
        );
    }
    println!(
        "{:<58} {:>10}",
        format!("(d) tolk check, {} locales, 1 thread", p.locales),
        secs(one)
    );
    println!(
        "{:<58} {:>10}",
        format!("    tolk check, {} locales, 2 threads", p.locales),
        secs(two)
    );
    println!("    1 -> 2 threads speed-up: {:.2}x", ratio(one, two));
    let shown: Vec<String> = rss.iter().map(|(n, b)| format!("{n} locales {}", mib(*b))).collect();
    println!("(e) tolk check peak RSS: {}", shown.join(", "));
    if let [(n0, first), .., (n1, last)] = rss[..] {
        println!(
            "    {:.2}x the memory for {:.0}x the locales",
            last as f64 / first as f64,
            n1 as f64 / n0 as f64
        );
    }
    Ok(())
}

/// `xtask parse-baseline DIR`: reads and parses every `.ftl` file under DIR with
/// `fluent_syntax::parser::parse`, in parallel (rayon): the practical speed limit of
/// a checker that must at least parse everything.
pub(crate) fn parse_baseline(args: &[String]) -> Result<(), String> {
    use rayon::prelude::*;
    let [dir] = args else { return Err("usage: xtask parse-baseline DIR".into()) };
    let mut files = Vec::new();
    collect_ftl(Path::new(dir), &mut files)?;
    let (bytes, entries, errors) = files
        .par_iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok::<_, String>(match fluent_syntax::parser::parse(text.as_str()) {
                Ok(res) => (text.len(), res.body.len(), 0),
                Err((res, errs)) => (text.len(), res.body.len(), errs.len()),
            })
        })
        .try_reduce(|| (0, 0, 0), |a, b| Ok((a.0 + b.0, a.1 + b.1, a.2 + b.2)))?;
    println!("{} files, {bytes} bytes, {entries} entries, {errors} syntax errors", files.len());
    Ok(())
}

fn collect_ftl(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_ftl(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "ftl") {
            out.push(path);
        }
    }
    Ok(())
}

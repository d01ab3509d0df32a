//! `cargo xtask fuzz [--seconds N] [--target NAME]...`: runs every cargo-fuzz target
//! of `fuzz/` for N seconds each (default 60), one after the other, one process
//! each (`-jobs=1 -workers=1`), 10 s per input at most (`-timeout=10`).
//!
//! Each target reads the committed seeds in `fuzz/corpus/<target>/` and writes what
//! it learns to `fuzz/target/corpus/<target>/`, so the committed corpus stays small;
//! libFuzzer's log goes to `fuzz/target/logs/<target>/`. A failing input is saved
//! in `fuzz/artifacts/<target>/`: copy it to `fuzz/regressions/<target>/` so that
//! `cargo test --workspace` replays it from then on.
//!
//! Needs `cargo-fuzz`, and installs nothing: without it, this prints the install
//! command and fails. `RUSTC_BOOTSTRAP=1` lets cargo-fuzz use the stable toolchain's
//! nightly-only flags. The sanitizer is off (`-s none`): tolk forbids unsafe code,
//! and coverage-guided runs go several times faster without AddressSanitizer.

use std::path::Path;
use std::process::Command;

use crate::{root, step};

const TARGETS: [&str; 3] = ["check_pair", "render_translation", "parse_content"];

pub(crate) fn fuzz(args: &[String]) -> Result<(), String> {
    let usage = "usage: cargo xtask fuzz [--seconds N] [--target NAME]...";
    let mut seconds: u64 = 60;
    let mut targets: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag}: missing value\n{usage}"))?;
        match flag.as_str() {
            "--seconds" => {
                seconds = value.parse().map_err(|_| format!("--seconds {value}: not a number"))?
            }
            "--target" if TARGETS.contains(&value.as_str()) => targets.push(value.clone()),
            "--target" => {
                return Err(format!("unknown target `{value}` (one of {})", TARGETS.join(", ")));
            }
            _ => return Err(format!("unknown option `{flag}`\n{usage}")),
        }
    }
    if targets.is_empty() {
        targets = TARGETS.iter().map(|t| (*t).to_owned()).collect();
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let found = Command::new(&cargo)
        .args(["fuzz", "--version"])
        .env("RUSTC_BOOTSTRAP", "1")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        return Err("cargo-fuzz is not installed; install it with\n    \
                    cargo install cargo-fuzz --locked\nand run this again"
            .into());
    }
    let fuzz_dir = root().join("fuzz");
    for target in &targets {
        let work = fuzz_dir.join("target/corpus").join(target);
        let logs = fuzz_dir.join("target/logs").join(target);
        for dir in [&work, &logs] {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let seeds = fuzz_dir.join("corpus").join(target);
        let mut cmd = Command::new(&cargo);
        // libFuzzer writes fuzz-0.log into the working directory.
        cmd.current_dir(&logs)
            .env("RUSTC_BOOTSTRAP", "1")
            .args(["fuzz", "run", "--sanitizer", "none", "--fuzz-dir"])
            .arg(&fuzz_dir)
            .arg(target)
            .arg(&work)
            .arg(&seeds)
            .arg("--")
            .args(["-jobs=1", "-workers=1", "-timeout=10", "-print_final_stats=1"])
            .arg(format!("-max_total_time={seconds}"));
        let result = step(&format!("cargo fuzz run {target} ({seconds} s)"), &mut cmd);
        print_summary(&logs.join("fuzz-0.log"));
        if let Err(e) = result {
            return Err(format!(
                "{e}\nthe failing input is in fuzz/artifacts/{target}/: copy it to \
                 fuzz/regressions/{target}/ once fixed"
            ));
        }
    }
    Ok(())
}

/// The final statistics libFuzzer printed, if any.
fn print_summary(log: &Path) {
    let Ok(text) = std::fs::read_to_string(log) else { return };
    for line in text.lines().filter(|l| l.starts_with("stat::") || l.starts_with("Done ")) {
        eprintln!("    {line}");
    }
}

//! Developer tasks: `cargo xtask <task>`.
//!
//! - `ci`: what `.ci/run` runs: formatting check, clippy with warnings denied, every
//!   test of the workspace, then the PDF tests with the `pdf` feature (Typst is built
//!   once, for that step only).
//! - `screenshots`: builds the sample (with the pseudo-locales) and writes a PNG per
//!   locale at mobile and desktop widths under `target/screenshots/`.
//! - `bench [--locales N] [--files N] [--messages N] [--runs N] [--threads N]`: times
//!   `tolk check` on a synthetic plain tree (default 100 locales x 200 files x 50
//!   messages, cached under `target/bench-corpus/`), next to a parse-only baseline and
//!   compare-locales measured in the same run (release builds). See `bench.rs`.
//! - `parse-baseline DIR`: the baseline the bench runs (parse every `.ftl` file under
//!   DIR with fluent-syntax, in parallel).
//! - `bench-load [--locales N] [--documents N] [--runs N]`: times `tolk check` and
//!   `tolk build` on a generated project (default 100 locales x 50 documents, cached
//!   under `target/bench-load/`) and reports peak RSS at 10, 50 and 100 locales next
//!   to input and output sizes (release builds). See `load.rs`.
//! - `fuzz [--seconds N] [--target NAME]...`: runs each cargo-fuzz target of `fuzz/`
//!   for N seconds (default 60); needs `cargo-fuzz` and says how to install it. See
//!   `fuzz.rs`.

mod bench;
mod corpus;
mod fuzz;
mod load;
mod rng;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("screenshots") => screenshots(),
        Some("bench") => bench::bench(&args[1..]),
        Some("parse-baseline") => bench::parse_baseline(&args[1..]),
        Some("bench-load") => load::bench_load(&args[1..]),
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <ci | screenshots | bench [--locales N] [--files N] [--messages N] \
                 [--runs N] [--threads N] | parse-baseline DIR | bench-load [--locales N] \
                 [--documents N] [--runs N] | fuzz [--seconds N] [--target NAME]...>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new(".")).to_path_buf()
}

fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

fn step(name: &str, cmd: &mut Command) -> Result<(), String> {
    eprintln!("==> {name}");
    let status = cmd.status().map_err(|e| format!("{name}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{name} failed ({status})")) }
}

fn ci() -> Result<(), String> {
    step("cargo fmt --check", cargo().args(["fmt", "--all", "--", "--check"]))?;
    // tolk-pdf is Typst's wrapper: compiling Typst twice (check and build) would
    // double the slowest part of CI, so it is built once, by the PDF tests below.
    step(
        "cargo clippy",
        cargo().args([
            "clippy",
            "--workspace",
            "--exclude",
            "tolk-pdf",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    step(
        "cargo test",
        cargo().args(["test", "--workspace", "--exclude", "tolk-pdf"]).env("CI", "true"),
    )?;
    step(
        "cargo test --features pdf (PDF output)",
        cargo()
            .args(["test", "-p", "tolk-cli", "--features", "pdf", "--test", "it", "pdf"])
            .env("CI", "true"),
    )?;
    Ok(())
}

fn screenshots() -> Result<(), String> {
    let site = root().join("target/screenshots-site");
    let out = root().join("target/screenshots");
    step(
        "tolk build --pseudo",
        cargo()
            .args(["run", "-q", "-p", "tolk-cli", "--", "build", ".", "--pseudo", "--out"])
            .arg(&site),
    )?;
    step(
        "node tests/browser/screenshots.mjs",
        Command::new("node")
            .current_dir(root())
            .arg("tests/browser/screenshots.mjs")
            .arg(&site)
            .arg(&out),
    )?;
    eprintln!("screenshots in {}", out.display());
    Ok(())
}

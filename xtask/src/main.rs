//! Developer tasks: `cargo xtask <task>`.
//!
//! - `ci`: what `.ci/run` runs: formatting check, clippy with warnings denied, every
//!   test of the workspace.
//! - `bench [--runs N]`: times `tolk build` and `tolk check` on the sample project
//!   (release build), next to a baseline measured in the same run.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("bench") => bench(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <ci | bench [--runs N]>");
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
    step(
        "cargo clippy",
        cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]),
    )?;
    step("cargo test", cargo().args(["test", "--workspace"]).env("CI", "true"))?;
    Ok(())
}

fn time(runs: usize, mut f: impl FnMut() -> Result<(), String>) -> Result<Duration, String> {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        f()?;
        best = best.min(start.elapsed());
    }
    Ok(best)
}

fn bench(args: &[String]) -> Result<(), String> {
    let runs = match args {
        [flag, n] if flag == "--runs" => {
            n.parse().map_err(|_| format!("--runs {n}: not a number"))?
        }
        [] => 20,
        _ => return Err("usage: cargo xtask bench [--runs N]".into()),
    };
    step("cargo build --release", cargo().args(["build", "--release", "-p", "tolk-cli"]))?;
    let tolk = root().join("target/release/tolk");
    let out = root().join("target/bench-dist");
    let run = |args: &[&str]| -> Result<(), String> {
        let o = Command::new(&tolk)
            .args(args)
            .current_dir(root())
            .output()
            .map_err(|e| e.to_string())?;
        if o.status.success() {
            Ok(())
        } else {
            Err(format!("tolk {args:?}: {}", String::from_utf8_lossy(&o.stderr)))
        }
    };
    let out_str = out.to_string_lossy().into_owned();
    // Baseline: starting the binary and printing its version, same machine, same run.
    let baseline = time(runs, || run(&["--version"]))?;
    let check = time(runs, || run(&["check", "."]))?;
    let build = time(runs, || run(&["build", ".", "--out", &out_str]))?;
    let ratio = |d: Duration| d.as_secs_f64() / baseline.as_secs_f64();
    println!("best of {runs} runs on the sample project (8 locales x 1 document x 3 formats):");
    println!("  tolk --version (process start baseline)  {baseline:>10.2?}");
    println!(
        "  tolk check                                {check:>10.2?}  ({:.1}x baseline)",
        ratio(check)
    );
    println!(
        "  tolk build                                {build:>10.2?}  ({:.1}x baseline)",
        ratio(build)
    );
    Ok(())
}

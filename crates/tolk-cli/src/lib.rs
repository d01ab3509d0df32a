//! The `tolk` command: checks translations and publishes localized pages.
//!
//! This crate is the only one that touches the file system, spawns threads and
//! prints. It wires the pipeline: [`project`] loads `tolk.toml`, `content/` and
//! `locales/`; [`check`] runs the checks; [`build`] localizes and renders every
//! (document, locale, format) in parallel and writes the files atomically;
//! [`report`] prints diagnostics.

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod fsutil;
pub mod project;
pub mod report;

use std::process::ExitCode;

pub use crate::cli::Cli;

/// Runs one command. `Ok` carries the exit code for findings (0 clean, 1 errors or a
/// missed threshold); `Err` is an operational failure (usage, configuration, I/O),
/// which `main` reports with exit code 2.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        cli::Command::Check(args) => check::run(&args),
        cli::Command::Build(args) => build::run(&args),
        cli::Command::Stats(args) => check::run_stats(&args),
        cli::Command::Lock(args) => check::run_lock(&args),
    }
}

/// Whether an error comes from writing to a closed pipe (`tolk check | head`), which
/// is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

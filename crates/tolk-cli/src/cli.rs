//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check Fluent translations and publish a structured document as checked pages in
/// many languages.
#[derive(Debug, Parser)]
#[command(name = "tolk", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every locale against the source locale and report problems.
    ///
    /// Exit codes: 0 clean (warnings allowed), 1 errors found or a coverage
    /// threshold missed, 2 usage, configuration or I/O failure.
    Check(CheckArgs),
    /// Check, then write JSON, HTML and text for every document and locale.
    ///
    /// Exit codes: 0 built, 1 errors found (nothing written), 2 usage,
    /// configuration or I/O failure (the previous output is left as it was).
    Build(BuildArgs),
    /// Print a coverage table per locale.
    Stats(StatsArgs),
    /// Record which source text each translation was made from, in `tolk.lock`, so
    /// that `tolk check` can report translations whose source changed since.
    Lock(LockArgs),
}

/// Where the project is and how to read it.
#[derive(Debug, Args, Clone)]
pub struct ProjectArgs {
    /// A project directory with a `tolk.toml`, or a plain locale tree
    /// `PATH/<locale>/**/*.ftl`.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// The reference locale of a plain locale tree (a `tolk.toml` sets its own).
    #[arg(long, value_name = "LOCALE", default_value = "en-US")]
    pub source_locale: String,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// rustc-style diagnostics with source excerpts, and a summary table.
    Human,
    /// A JSON document (see README: "Check report"; schema in
    /// `docs/check-report.schema.json`).
    Json,
    /// SARIF 2.1.0, for code scanning: a result per diagnostic.
    Sarif,
    /// JUnit XML: a test suite per locale, a test case per check code.
    Junit,
    /// GitHub Actions workflow commands: an annotation per diagnostic.
    Github,
}

/// Arguments of `tolk check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Report format: human, or json, sarif, junit, github for tools.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Fail (exit 1) when any locale translates less than PCT percent of messages.
    #[arg(long, value_name = "PCT")]
    pub min_coverage: Option<f64>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Arguments of `tolk build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Output directory (default: `out` in tolk.toml, else `dist`, inside PATH). It is
    /// replaced as a whole when the build succeeds, so it must be new, empty, or the
    /// output of an earlier build; an interrupted or failed build leaves it as it was.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Build only these locales (repeatable). Default: all.
    #[arg(long = "locale", value_name = "LOCALE")]
    pub locales: Vec<String>,
    /// Formats to write, comma-separated: json, html, text, typst.
    #[arg(long, value_delimiter = ',', default_value = "json,html,text")]
    pub format: Vec<tolk_render::Format>,
    /// Print layout for the text format: lines per page, with form feeds between
    /// pages and the title and hotline on every page (default: `text-page-lines` in
    /// tolk.toml, else one long page).
    #[arg(long, value_name = "N")]
    pub page_lines: Option<usize>,
    /// Fail (exit 1, nothing written) when a locale does not meet the go-live rules,
    /// instead of leaving it unpublished.
    #[arg(long)]
    pub strict: bool,
    /// Also build the pseudo-locales `en-XA` (accented, about 40 % longer) and
    /// `ar-XB` (mirrored, right to left), generated from the source locale.
    #[arg(long)]
    pub pseudo: bool,
    /// Fail (exit 1) when any locale translates less than PCT percent of messages.
    #[arg(long, value_name = "PCT")]
    pub min_coverage: Option<f64>,
}

/// Arguments of `tolk stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Output format: human (the table alone), or a `tolk check` report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
}

/// Arguments of `tolk lock`.
#[derive(Debug, Args)]
pub struct LockArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Mark translations as still right after their source changed: a locale, then
    /// message ids (`--accept fr help-call help-text`). One locale per run.
    #[arg(long, num_args = 2.., value_names = ["LOCALE", "ID"], action = clap::ArgAction::Set)]
    pub accept: Vec<String>,
}

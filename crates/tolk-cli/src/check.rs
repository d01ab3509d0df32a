//! `tolk check` and `tolk stats`: run every check and report.

use std::process::ExitCode;

use rayon::prelude::*;
use tolk_content::{Code, Diagnostic, Severity};
use tolk_fluent::{Coverage, check_documents, check_locale};

use crate::cli::{CheckArgs, ReportFormat, StatsArgs};
use crate::project::{self, Project};
use crate::report;

/// Coverage of one part of a document (the whole document, or one section).
#[derive(Debug, Clone)]
pub struct PartCoverage {
    /// The document or section id.
    pub id: String,
    /// Coverage of the messages that part uses.
    pub coverage: Coverage,
}

/// Coverage of one document in one locale, with its sections.
#[derive(Debug, Clone)]
pub struct DocumentCoverage {
    /// The whole document.
    pub document: PartCoverage,
    /// Each section, in document order.
    pub sections: Vec<PartCoverage>,
}

/// One locale's line in a report.
#[derive(Debug, Clone)]
pub struct LocaleSummary {
    /// The tag.
    pub locale: String,
    /// Its own name.
    pub name: String,
    /// Coverage against the source locale.
    pub coverage: Coverage,
    /// The minimum coverage in percent that applies to it.
    pub min_coverage: f64,
    /// Error diagnostics about it.
    pub errors: usize,
    /// Warning diagnostics about it.
    pub warnings: usize,
    /// Coverage per document and section (tolk projects only; sorted by document id).
    pub documents: Vec<DocumentCoverage>,
}

/// The result of checking a project.
#[derive(Debug, Clone)]
pub struct Report {
    /// The source locale.
    pub source_locale: String,
    /// Every locale, source first, then by tag.
    pub locales: Vec<LocaleSummary>,
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Number of error diagnostics.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Number of warning diagnostics.
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// The exit code for this report: 1 with errors (or warnings when denied), else 0.
    pub fn exit_code(&self, deny_warnings: bool) -> ExitCode {
        if self.errors() > 0 || (deny_warnings && self.warnings() > 0) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Checks a loaded project. `min_coverage` (percent) overrides every locale's
/// configured minimum. Locales are checked in parallel; the result does not depend
/// on the thread schedule.
pub fn check_project(project: &Project, min_coverage: Option<f64>) -> Report {
    let catalog = &project.catalog;
    let source = catalog.source_locale();
    let mut diagnostics = project.diagnostics.clone();
    if project.has_config {
        let docs: Vec<(&str, &tolk_content::Document)> =
            project.documents.iter().map(|(f, d)| (f.as_str(), d)).collect();
        diagnostics.extend(check_documents(&docs, source));
    }
    let locales: Vec<_> = catalog.locales().collect();
    let results: Vec<(LocaleSummary, Vec<Diagnostic>)> = locales
        .par_iter()
        .map(|locale| {
            let tag = locale.tag();
            let min = min_coverage.or(project.config.locale(tag).min_coverage).unwrap_or(100.0);
            let (coverage, mut diags) = if tag == source.tag() {
                let c = check_locale(source, source, Severity::Error).coverage;
                (c, Vec::new())
            } else {
                let missing = if min >= 100.0 { Severity::Error } else { Severity::Warning };
                let r = check_locale(source, locale, missing);
                (r.coverage, r.diagnostics)
            };
            let percent = coverage.ratio() * 100.0;
            // Below 100 %, missing messages are warnings, so the threshold is what
            // fails; at 100 % every missing message is already an error.
            if percent + 1e-9 < min && min < 100.0 {
                diags.push(
                    Diagnostic::new(
                        Code::CoverageBelowMinimum,
                        format!(
                            "`{tag}` translates {percent:.1} % of messages; the minimum is {min} %"
                        ),
                    )
                    .in_locale(tag)
                    .with_note(format!(
                        "{} of {} messages translated",
                        coverage.messages_translated, coverage.messages_total
                    )),
                );
            }
            let summary = LocaleSummary {
                locale: tag.to_owned(),
                name: project.language_name(tag),
                coverage,
                min_coverage: min,
                errors: 0,
                warnings: 0,
                documents: Vec::new(),
            };
            (summary, diags)
        })
        .collect();
    let mut summaries = Vec::new();
    for (summary, diags) in results {
        diagnostics.extend(diags);
        summaries.push(summary);
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    for s in &mut summaries {
        for d in diagnostics.iter().filter(|d| d.locale.as_deref() == Some(s.locale.as_str())) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
            }
        }
    }
    let source_tag = source.tag().to_owned();
    summaries.sort_by(|a, b| {
        (a.locale != source_tag, &a.locale).cmp(&(b.locale != source_tag, &b.locale))
    });
    Report { source_locale: source_tag, locales: summaries, diagnostics }
}

/// `tolk check`.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let project = project::load(&args.project.path, &args.project.source_locale)?;
    let report = check_project(&project, args.min_coverage);
    match args.format {
        ReportFormat::Human => report::print_human(&project, &report)?,
        ReportFormat::Json => report::print_json_with(&report, &project.sources)?,
    }
    Ok(report.exit_code(args.deny_warnings))
}

/// `tolk stats`.
pub fn run_stats(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let project = project::load(&args.project.path, &args.project.source_locale)?;
    let report = check_project(&project, None);
    match args.format {
        ReportFormat::Human => report::print_table(&report)?,
        ReportFormat::Json => report::print_json_with(&report, &project.sources)?,
    }
    Ok(ExitCode::SUCCESS)
}

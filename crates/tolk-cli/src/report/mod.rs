//! Printing reports: rustc-style diagnostics and a coverage table for people, and
//! JSON, SARIF 2.1.0, JUnit XML and GitHub workflow commands for tools.
//!
//! Every format is a pure function from a [`Report`] (and the source texts, for
//! line and column) to a `String`, so the output is deterministic and testable;
//! [`print`] writes it to stdout.

mod github;
mod human;
mod json;
mod junit;
mod sarif;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

use tolk_content::{Code, Diagnostic, line_col};

pub use self::human::render_diagnostic;
pub use self::json::{REPORT_SCHEMA_VERSION, report_json};
use crate::check::Report;
use crate::cli::ReportFormat;

/// Renders a check report in `format`. `sources` maps file paths (relative to the
/// project root) to their text, for line and column; `color` applies to the human
/// format only.
pub fn render(
    format: ReportFormat,
    sources: &BTreeMap<String, String>,
    report: &Report,
    color: bool,
) -> String {
    match format {
        ReportFormat::Human => human::render(report, sources, color),
        ReportFormat::Json => json::render(report, sources),
        ReportFormat::Sarif => sarif::render(report, sources),
        ReportFormat::Junit => junit::render(report, sources),
        ReportFormat::Github => github::render(report, sources),
    }
}

/// Prints `report` in `format` to stdout. Colour (human format only) when stdout is
/// a terminal and `NO_COLOR` is unset or empty.
pub fn print(
    format: ReportFormat,
    sources: &BTreeMap<String, String>,
    report: &Report,
) -> anyhow::Result<()> {
    let color = format == ReportFormat::Human && use_color();
    write_stdout(&render(format, sources, report, color))
}

/// Prints every diagnostic, the coverage table and a summary line.
pub fn print_human(sources: &BTreeMap<String, String>, report: &Report) -> anyhow::Result<()> {
    print(ReportFormat::Human, sources, report)
}

/// Prints the coverage table alone.
pub fn print_table(report: &Report) -> anyhow::Result<()> {
    write_stdout(&human::render_table(report))
}

/// Prints [`report_json`].
pub fn print_json_with(report: &Report, sources: &BTreeMap<String, String>) -> anyhow::Result<()> {
    write_stdout(&report_json(report, sources))
}

fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Where a diagnostic points: 1-based lines and columns (in characters) of the start
/// and of the end of its span; the end is exclusive (the character after the span).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Region {
    start: (usize, usize),
    end: (usize, usize),
}

/// The region of a diagnostic, when it has a file, a span and the file's text.
fn region(d: &Diagnostic, sources: &BTreeMap<String, String>) -> Option<Region> {
    let (file, span) = (d.file.as_ref()?, d.span.as_ref()?);
    let text = sources.get(file)?;
    let start = line_col(text, span.start);
    let end = line_col(text, span.end.max(span.start));
    Some(Region { start, end })
}

/// `file:line:col: text`, `file: text` or `text`: one line naming a diagnostic, for
/// formats without a place of their own for positions.
fn one_line(d: &Diagnostic, sources: &BTreeMap<String, String>) -> String {
    match (&d.file, region(d, sources)) {
        (Some(file), Some(r)) => format!("{file}:{}:{}: {}", r.start.0, r.start.1, d.text),
        (Some(file), None) => format!("{file}: {}", d.text),
        (None, _) => d.text.clone(),
    }
}

/// A code's documentation as paragraphs, each on one line (the doc comments are
/// wrapped at the source's width).
fn doc_paragraphs(code: Code) -> Vec<String> {
    code.doc()
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A code's summary: the first paragraph of its documentation, on one line.
fn summary(code: Code) -> String {
    doc_paragraphs(code).into_iter().next().unwrap_or_default()
}

/// A code's whole documentation, paragraphs on one line each, separated by blank
/// lines.
fn description(code: Code) -> String {
    doc_paragraphs(code).join("\n\n")
}

#[cfg(test)]
pub(crate) mod test_support {
    use std::collections::BTreeMap;

    use tolk_content::{Code, Diagnostic, Severity};
    use tolk_fluent::Coverage;

    use crate::check::{DocumentCoverage, LocaleSummary, PartCoverage, Report};

    pub(crate) fn coverage(translated: usize, total: usize) -> Coverage {
        Coverage {
            messages_total: total,
            messages_translated: translated,
            words_total: total * 10,
            words_translated: translated * 10,
        }
    }

    fn summary(locale: &str, translated: usize, errors: usize, warnings: usize) -> LocaleSummary {
        LocaleSummary {
            locale: locale.to_owned(),
            name: locale.to_owned(),
            coverage: coverage(translated, 4),
            min_coverage: 100.0,
            errors,
            warnings,
            documents: vec![DocumentCoverage {
                document: PartCoverage { id: "page".into(), coverage: coverage(translated, 4) },
                sections: vec![
                    PartCoverage { id: "intro".into(), coverage: coverage(1, 1) },
                    PartCoverage { id: "help".into(), coverage: coverage(translated - 1, 3) },
                ],
            }],
        }
    }

    /// A small report with an error with a span, a warning with a file only and an
    /// error with no locale or file, and text that needs escaping everywhere.
    pub(crate) fn report() -> (Report, BTreeMap<String, String>) {
        let source = "hello = Hi\n# día\nbye = <Adiós> & { $nme }, \"ok\"\n";
        let start = source.find("$nme").unwrap();
        let sources = BTreeMap::from([("locales/fr dir/a,b:c.ftl".to_owned(), source.to_owned())]);
        let diagnostics = vec![
            Diagnostic::new(Code::UnknownVariable, "`bye` uses `$nme` <&> 100%\r\nnext")
                .in_locale("fr")
                .at("locales/fr dir/a,b:c.ftl", start..start + 4)
                .for_message("bye")
                .with_note("the source uses $name"),
            Diagnostic::new(Code::MissingMessage, "`-brand` is missing in `ko`")
                .with_severity(Severity::Warning)
                .in_locale("ko")
                .in_file("locales/ko/main.ftl")
                .for_message("-brand"),
            Diagnostic::new(Code::ContentSyntax, "bad \u{1}control"),
        ];
        let report = Report {
            source_locale: "en-US".into(),
            locales: vec![
                summary("en-US", 4, 0, 0),
                summary("fr", 3, 1, 0),
                summary("ko", 2, 0, 1),
            ],
            diagnostics,
        };
        (report, sources)
    }
}

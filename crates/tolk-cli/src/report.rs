//! Printing reports: rustc-style diagnostics, JSON, and coverage tables.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;
use tolk_content::{Diagnostic, Severity, line_col};

use crate::check::Report;
use crate::cli::ReportFormat;

/// Version of the JSON check report.
pub const REPORT_SCHEMA_VERSION: u32 = 1;

fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// One diagnostic in rustc's style: `error[code]: text`, the file, line and
/// column, and an excerpt of the source with the span underlined.
pub fn render_diagnostic(
    d: &Diagnostic,
    sources: &BTreeMap<String, String>,
    color: bool,
) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(d.text.as_str()).id(d.code.as_str()));
    match (&d.file, &d.span, d.file.as_ref().and_then(|f| sources.get(f))) {
        (Some(file), Some(span), Some(text)) => {
            let mut span = span.start.min(text.len())..span.end.min(text.len());
            while !text.is_char_boundary(span.start) {
                span.start -= 1;
            }
            while !text.is_char_boundary(span.end) {
                span.end += 1;
            }
            group = group.element(
                Snippet::source(text.as_str())
                    .line_start(1)
                    .path(file.as_str())
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        }
        (Some(file), _, _) => group = group.element(Origin::path(file.as_str())),
        _ => {}
    }
    for note in &d.notes {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    if let Some(locale) = &d.locale {
        group = group.element(Level::NOTE.message(format!("locale: {locale}")));
    }
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    renderer.render(&[group])
}

/// Prints every diagnostic, the coverage table and a summary line.
pub fn print_human(sources: &BTreeMap<String, String>, report: &Report) -> anyhow::Result<()> {
    let color = use_color();
    let mut out = std::io::stdout().lock();
    for d in &report.diagnostics {
        writeln!(out, "{}\n", render_diagnostic(d, sources, color))?;
    }
    write_table(&mut out, report)?;
    let (errors, warnings) = (report.errors(), report.warnings());
    let status = if errors > 0 { "failed" } else { "ok" };
    writeln!(
        out,
        "\ncheck {status}: {} locales, {errors} error{}, {warnings} warning{}",
        report.locales.len(),
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    )?;
    out.flush()?;
    Ok(())
}

/// Prints the coverage table alone.
pub fn print_table(report: &Report) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    write_table(&mut out, report)?;
    out.flush()?;
    Ok(())
}

fn write_table(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let rows: Vec<[String; 6]> = report
        .locales
        .iter()
        .map(|l| {
            let c = &l.coverage;
            [
                l.locale.clone(),
                format!("{}/{}", c.messages_translated, c.messages_total),
                format!("{}/{}", c.words_translated, c.words_total),
                format!("{:.1} %", c.ratio() * 100.0),
                l.errors.to_string(),
                l.warnings.to_string(),
            ]
        })
        .collect();
    let header = ["locale", "messages", "words", "coverage", "errors", "warnings"];
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[&str]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            // The locale column is left-aligned, numbers right-aligned.
            if i == 0 {
                s.push_str(&format!("{cell:<w$}"));
            } else {
                s.push_str(&format!("  {cell:>w$}"));
            }
        }
        s
    };
    writeln!(out, "{}", line(&header))?;
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        writeln!(out, "{}", line(&cells))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    source_locale: &'a str,
    locales: Vec<JsonLocale<'a>>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonLocale<'a> {
    locale: &'a str,
    coverage: f64,
    messages_total: usize,
    messages_translated: usize,
    words_total: usize,
    words_translated: usize,
    min_coverage: f64,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: &'static str,
    locale: Option<&'a str>,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    message_id: Option<&'a str>,
    text: &'a str,
    notes: &'a [String],
}

/// The report as JSON: `schema_version`, `source_locale`, `locales` (coverage as a
/// fraction from 0.0 to 1.0) and `diagnostics` (1-based line and column, `null`
/// where there is no position).
pub fn report_json(report: &Report, sources: &BTreeMap<String, String>) -> String {
    let json = JsonReport {
        schema_version: REPORT_SCHEMA_VERSION,
        source_locale: &report.source_locale,
        locales: report
            .locales
            .iter()
            .map(|l| JsonLocale {
                locale: &l.locale,
                coverage: (l.coverage.ratio() * 10_000.0).round() / 10_000.0,
                messages_total: l.coverage.messages_total,
                messages_translated: l.coverage.messages_translated,
                words_total: l.coverage.words_total,
                words_translated: l.coverage.words_translated,
                min_coverage: l.min_coverage,
                errors: l.errors,
                warnings: l.warnings,
            })
            .collect(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| {
                let pos = match (&d.file, &d.span) {
                    (Some(f), Some(span)) => sources.get(f).map(|t| line_col(t, span.start)),
                    _ => None,
                };
                JsonDiagnostic {
                    code: d.code.as_str(),
                    severity: d.severity.as_str(),
                    locale: d.locale.as_deref(),
                    file: d.file.as_deref(),
                    line: pos.map(|p| p.0),
                    column: pos.map(|p| p.1),
                    message_id: d.message_id.as_deref(),
                    text: &d.text,
                    notes: &d.notes,
                }
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&json).unwrap_or_default();
    s.push('\n');
    s
}

/// Prints [`report_json`].
pub fn print_json_with(report: &Report, sources: &BTreeMap<String, String>) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(report_json(report, sources).as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Prints `report` in `format`.
pub fn print(
    format: ReportFormat,
    sources: &BTreeMap<String, String>,
    report: &Report,
) -> anyhow::Result<()> {
    match format {
        ReportFormat::Human => print_human(sources, report),
        ReportFormat::Json => print_json_with(report, sources),
    }
}

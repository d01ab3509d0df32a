//! The human format: rustc-style diagnostics (annotate-snippets), the coverage
//! table and a summary line.

use std::collections::BTreeMap;
use std::fmt::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use tolk_content::{Diagnostic, Severity};

use crate::check::LocaleSummary;

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

/// Every diagnostic, the coverage table and a summary line.
/// Each diagnostic rustc-style, followed by a blank line.
pub(super) fn render_diagnostics(
    diagnostics: &[Diagnostic],
    sources: &BTreeMap<String, String>,
    color: bool,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&render_diagnostic(d, sources, color));
        out.push_str("\n\n");
    }
    out
}

/// The coverage table and the summary line.
pub(super) fn render_footer(locales: &[LocaleSummary], errors: usize, warnings: usize) -> String {
    let mut out = render_table(locales);
    let status = if errors > 0 { "failed" } else { "ok" };
    let _ = writeln!(
        out,
        "\ncheck {status}: {} locales, {errors} error{}, {warnings} warning{}",
        locales.len(),
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    );
    out
}

/// The coverage table: one row per locale, numbers right-aligned.
pub(super) fn render_table(locales: &[LocaleSummary]) -> String {
    let rows: Vec<[String; 6]> = locales
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
    let mut out = String::new();
    let mut line = |cells: &[&str]| {
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            // The locale column is left-aligned, numbers right-aligned.
            let _ = if i == 0 { write!(out, "{cell:<w$}") } else { write!(out, "  {cell:>w$}") };
        }
        out.push('\n');
    };
    line(&header);
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        line(&cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::report;

    #[test]
    fn human_output_lists_diagnostics_then_the_table_and_the_summary() {
        let (report, sources) = report();
        let out = super::super::render(crate::cli::ReportFormat::Human, &sources, &report, false);
        assert!(out.starts_with("error[unknown-variable]: `bye` uses `$nme`"), "{out}");
        assert!(out.contains(" --> locales/fr dir/a,b:c.ftl:3:"), "{out}");
        let table = out.find("locale  messages").unwrap();
        assert!(out[table..].contains("\nfr           3/4"), "{out}");
        assert!(out.ends_with("\ncheck failed: 3 locales, 2 errors, 1 warning\n"), "{out}");
    }
}

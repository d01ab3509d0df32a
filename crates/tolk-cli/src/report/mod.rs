//! Printing reports: rustc-style diagnostics and a coverage table for people, and
//! JSON, SARIF 2.1.0, JUnit XML and GitHub workflow commands for tools.
//!
//! A report is written in pieces by [`ReportWriter`], so `tolk check` prints each
//! locale's diagnostics as soon as they and those before them are known, and holds
//! no more of the report than that. Each piece is a pure function of its
//! diagnostics (and the source texts, for line and column), so the output is
//! deterministic and testable; [`render`] writes a whole [`Report`] to a `String`.

mod github;
mod human;
mod json;
mod junit;
mod sarif;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

use tolk_content::{Code, Diagnostic, Severity, line_col};

pub use self::human::render_diagnostic;
pub use self::json::{REPORT_SCHEMA_VERSION, report_json};
use crate::check::{LocaleSummary, Report};
use crate::cli::ReportFormat;

/// Writes a check report in `format` piece by piece, as [`check_project_with`]
/// hands out its batches: what comes before the diagnostics when created, each
/// batch as it comes, the coverage (which needs every locale) at the end. Only
/// JUnit, whose totals come first, holds the diagnostics until the end.
///
/// [`check_project_with`]: crate::check::check_project_with
pub struct ReportWriter<W: Write> {
    format: ReportFormat,
    color: bool,
    out: W,
    source_locale: String,
    /// Diagnostics written so far, and of them errors.
    written: usize,
    errors: usize,
    /// For JSON and SARIF: the indentation of the diagnostics' array.
    indent: usize,
    /// For JUnit: everything, until the end.
    held: Vec<Diagnostic>,
    held_sources: BTreeMap<String, String>,
}

/// Renders batches of diagnostics for one report (see [`ReportWriter::renderer`]):
/// a pure function of the batch, so any thread can run it.
#[derive(Clone, Copy, Debug)]
pub struct BatchRenderer {
    format: ReportFormat,
    color: bool,
    indent: usize,
}

impl BatchRenderer {
    /// The batch's text: the whole of it for the human and GitHub formats, its
    /// array items for JSON and SARIF, nothing for JUnit (which holds the
    /// diagnostics until the end).
    pub fn render(&self, diagnostics: &[Diagnostic], sources: &BTreeMap<String, String>) -> String {
        let items = |render: &dyn Fn(&Diagnostic) -> String| {
            let pad = " ".repeat(self.indent + 2);
            let mut text = String::new();
            for (i, d) in diagnostics.iter().enumerate() {
                if i > 0 {
                    text.push_str(",\n");
                }
                for (j, line) in render(d).lines().enumerate() {
                    if j > 0 {
                        text.push('\n');
                    }
                    text.push_str(&pad);
                    text.push_str(line);
                }
            }
            text
        };
        match self.format {
            ReportFormat::Human => human::render_diagnostics(diagnostics, sources, self.color),
            ReportFormat::Github => github::render(diagnostics, sources),
            ReportFormat::Json => items(&|d| json::diagnostic_json(d, sources)),
            ReportFormat::Sarif => items(&|d| sarif::result_json(d, sources)),
            ReportFormat::Junit => String::new(),
        }
    }
}

impl<W: Write> ReportWriter<W> {
    /// Starts a report; `color` applies to the human format only.
    pub fn new(
        format: ReportFormat,
        color: bool,
        mut out: W,
        source_locale: &str,
    ) -> std::io::Result<Self> {
        let mut indent = 0;
        match format {
            ReportFormat::Json => {
                let (head, _, i) = split_array(&json::skeleton(source_locale, &[]), "diagnostics");
                out.write_all(head.as_bytes())?;
                indent = i;
            }
            ReportFormat::Sarif => {
                let (head, _, i) = split_array(&sarif::skeleton(), "results");
                out.write_all(head.as_bytes())?;
                indent = i;
            }
            ReportFormat::Human | ReportFormat::Github | ReportFormat::Junit => {}
        }
        Ok(ReportWriter {
            format,
            color,
            out,
            source_locale: source_locale.to_owned(),
            written: 0,
            errors: 0,
            indent,
            held: Vec::new(),
            held_sources: BTreeMap::new(),
        })
    }

    /// Writes a batch of diagnostics; `sources` has the text of the files they
    /// point into, for positions and excerpts.
    pub fn batch(
        &mut self,
        diagnostics: &[Diagnostic],
        sources: &BTreeMap<String, String>,
    ) -> std::io::Result<()> {
        let text = self.renderer().render(diagnostics, sources);
        self.write_rendered(diagnostics, sources, text)
    }

    /// What renders a batch for this report, on any thread: the part of
    /// [`ReportWriter::batch`] that does not depend on the batches before.
    pub fn renderer(&self) -> BatchRenderer {
        BatchRenderer { format: self.format, color: self.color, indent: self.indent }
    }

    /// Writes a batch that [`BatchRenderer::render`] rendered.
    pub fn write_rendered(
        &mut self,
        diagnostics: &[Diagnostic],
        sources: &BTreeMap<String, String>,
        mut text: String,
    ) -> std::io::Result<()> {
        match self.format {
            ReportFormat::Json | ReportFormat::Sarif if !diagnostics.is_empty() => {
                // Array items: the first of the report opens the array's lines.
                let first = if self.written == 0 { "\n" } else { ",\n" };
                text.insert_str(0, first);
            }
            ReportFormat::Junit => {
                self.held.extend(diagnostics.iter().cloned());
                for d in diagnostics {
                    if let Some((k, v)) = d.file.as_ref().and_then(|f| sources.get_key_value(f)) {
                        self.held_sources.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
            }
            _ => {}
        }
        self.written += diagnostics.len();
        self.errors += diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        self.out.write_all(text.as_bytes())
    }

    /// Ends the report with every locale's summary (source first), and returns the
    /// writer.
    pub fn finish(mut self, locales: &[LocaleSummary]) -> std::io::Result<W> {
        let close = |this: &Self| {
            if this.written == 0 { String::new() } else { format!("\n{}", " ".repeat(this.indent)) }
        };
        let text = match self.format {
            ReportFormat::Human => {
                human::render_footer(locales, self.errors, self.written - self.errors)
            }
            ReportFormat::Github => String::new(),
            ReportFormat::Json => {
                let (_, tail, _) =
                    split_array(&json::skeleton(&self.source_locale, locales), "diagnostics");
                close(&self) + &tail
            }
            ReportFormat::Sarif => {
                let (_, tail, _) = split_array(&sarif::skeleton(), "results");
                close(&self) + &tail
            }
            ReportFormat::Junit => {
                let report = Report {
                    source_locale: self.source_locale.clone(),
                    locales: locales.to_vec(),
                    diagnostics: std::mem::take(&mut self.held),
                };
                junit::render(&report, &self.held_sources)
            }
        };
        self.out.write_all(text.as_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Splits pretty-printed JSON at the empty array of `key` (`"key": []`, its last
/// occurrence): the text up to and including `[`, the text from `]` on, and the
/// indentation of the key's line.
fn split_array(doc: &str, key: &str) -> (String, String, usize) {
    let needle = format!("\"{key}\": []");
    let at = doc.rfind(&needle).unwrap_or(doc.len());
    let line_start = doc[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = at - line_start;
    let open = (at + needle.len() - 1).min(doc.len());
    (doc[..open].to_owned(), doc[open..].to_owned(), indent)
}

/// Renders a check report in `format`. `sources` maps file paths (relative to the
/// project root) to their text, for line and column; `color` applies to the human
/// format only.
pub fn render(
    format: ReportFormat,
    sources: &BTreeMap<String, String>,
    report: &Report,
    color: bool,
) -> String {
    let written = ReportWriter::new(format, color, Vec::new(), &report.source_locale)
        .and_then(|mut w| {
            w.batch(&report.diagnostics, sources)?;
            w.finish(&report.locales)
        })
        .unwrap_or_default();
    String::from_utf8_lossy(&written).into_owned()
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
    write_stdout(&human::render_table(&report.locales))
}

/// Prints [`report_json`].
pub fn print_json_with(report: &Report, sources: &BTreeMap<String, String>) -> anyhow::Result<()> {
    write_stdout(&report_json(report, sources))
}

/// Whether the human format gets colour: stdout is a terminal and `NO_COLOR` is
/// unset or empty.
pub fn color_for(format: ReportFormat) -> bool {
    format == ReportFormat::Human && use_color()
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

#[cfg(test)]
mod tests {
    use super::test_support::report;
    use super::*;

    /// A report written in batches (some empty) reads exactly as one written at once,
    /// in every format.
    #[test]
    fn batches_write_the_same_report() {
        let (report, sources) = report();
        let formats = [
            ReportFormat::Human,
            ReportFormat::Json,
            ReportFormat::Sarif,
            ReportFormat::Junit,
            ReportFormat::Github,
        ];
        for format in formats {
            let whole = render(format, &sources, &report, false);
            let mut w =
                ReportWriter::new(format, false, Vec::new(), &report.source_locale).unwrap();
            let d = &report.diagnostics;
            for batch in [&d[..0], &d[..1], &d[1..1], &d[1..]] {
                w.batch(batch, &sources).unwrap();
            }
            let batched = String::from_utf8(w.finish(&report.locales).unwrap()).unwrap();
            assert_eq!(batched, whole, "{format:?}");
            if matches!(format, ReportFormat::Json | ReportFormat::Sarif) {
                let _: serde_json::Value = serde_json::from_str(&whole).unwrap();
            }
        }
        // No diagnostics at all: an empty array, still valid JSON.
        let empty = Report { diagnostics: Vec::new(), ..report };
        let json = render(ReportFormat::Json, &sources, &empty, false);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["diagnostics"], serde_json::json!([]));
        assert!(json.contains("\"diagnostics\": [],\n"), "{json}");
    }
}

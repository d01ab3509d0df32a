//! The JSON check report (`docs/check-report.schema.json`).

use std::collections::BTreeMap;

use serde::Serialize;
use tolk_fluent::Coverage;

use super::region;
use tolk_content::Diagnostic;

use crate::check::{LocaleSummary, PartCoverage, Report};

/// Version of the JSON check report. Fields may be added within a version; none is
/// removed or changes meaning.
pub const REPORT_SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    source_locale: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    locales: Vec<JsonLocale<'a>>,
}

/// Coverage counts, flattened into locales, documents and sections.
#[derive(Serialize)]
struct Counts {
    coverage: f64,
    messages_total: usize,
    messages_translated: usize,
    words_total: usize,
    words_translated: usize,
}

impl From<&Coverage> for Counts {
    fn from(c: &Coverage) -> Self {
        Counts {
            // Four decimals: enough for a percentage with two, stable across platforms.
            coverage: (c.ratio() * 10_000.0).round() / 10_000.0,
            messages_total: c.messages_total,
            messages_translated: c.messages_translated,
            words_total: c.words_total,
            words_translated: c.words_translated,
        }
    }
}

#[derive(Serialize)]
struct JsonLocale<'a> {
    locale: &'a str,
    #[serde(flatten)]
    counts: Counts,
    min_coverage: f64,
    errors: usize,
    warnings: usize,
    documents: Vec<JsonDocument<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    #[serde(flatten)]
    part: JsonPart<'a>,
    sections: Vec<JsonPart<'a>>,
}

#[derive(Serialize)]
struct JsonPart<'a> {
    id: &'a str,
    #[serde(flatten)]
    counts: Counts,
}

impl<'a> From<&'a PartCoverage> for JsonPart<'a> {
    fn from(p: &'a PartCoverage) -> Self {
        JsonPart { id: &p.id, counts: Counts::from(&p.coverage) }
    }
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

/// The report as JSON: `schema_version`, `source_locale`, `diagnostics` (1-based
/// line and column, `null` where there is no position) and `locales` (coverage as a
/// fraction from 0.0 to 1.0, with `documents` and their `sections`).
pub fn report_json(report: &Report, sources: &BTreeMap<String, String>) -> String {
    super::render(crate::cli::ReportFormat::Json, sources, report, false)
}

/// The report without diagnostics (`"diagnostics": []`, where the writer puts them).
pub(super) fn skeleton(source_locale: &str, locales: &[LocaleSummary]) -> String {
    let json = JsonReport {
        schema_version: REPORT_SCHEMA_VERSION,
        source_locale,
        diagnostics: Vec::new(),
        locales: locales
            .iter()
            .map(|l| JsonLocale {
                locale: &l.locale,
                counts: Counts::from(&l.coverage),
                min_coverage: l.min_coverage,
                errors: l.errors,
                warnings: l.warnings,
                documents: l
                    .documents
                    .iter()
                    .map(|d| JsonDocument {
                        part: JsonPart::from(&d.document),
                        sections: d.sections.iter().map(JsonPart::from).collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&json).unwrap_or_default();
    s.push('\n');
    s
}

/// One diagnostic of the report, pretty-printed.
pub(super) fn diagnostic_json(d: &Diagnostic, sources: &BTreeMap<String, String>) -> String {
    let start = region(d, sources).map(|r| r.start);
    let json = JsonDiagnostic {
        code: d.code.as_str(),
        severity: d.severity.as_str(),
        locale: d.locale.as_deref(),
        file: d.file.as_deref(),
        line: start.map(|p| p.0),
        column: start.map(|p| p.1),
        message_id: d.message_id.as_deref(),
        text: &d.text,
        notes: &d.notes,
    };
    serde_json::to_string_pretty(&json).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::report;
    use super::*;

    #[test]
    fn json_has_positions_documents_and_sections() {
        let (report, sources) = report();
        let json: serde_json::Value =
            serde_json::from_str(&report_json(&report, &sources)).unwrap();
        assert_eq!(json["schema_version"], REPORT_SCHEMA_VERSION);
        let d = &json["diagnostics"][0];
        assert_eq!(d["code"], "unknown-variable");
        assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(3), Some(19)));
        let ko = &json["diagnostics"][1];
        assert_eq!(ko["message_id"], "-brand");
        assert!(ko["line"].is_null() && ko["column"].is_null());
        assert!(json["diagnostics"][2]["file"].is_null());
        let fr = &json["locales"][1];
        assert_eq!(fr["coverage"], 0.75);
        assert_eq!(fr["documents"][0]["id"], "page");
        assert_eq!(fr["documents"][0]["words_translated"], 30);
        assert_eq!(fr["documents"][0]["sections"][1]["id"], "help");
        assert_eq!(fr["documents"][0]["sections"][1]["coverage"], 0.6667);
    }
}

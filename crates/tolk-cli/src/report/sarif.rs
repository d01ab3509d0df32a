//! SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps, IDE viewers).
//!
//! One run; the driver declares a rule for every diagnostic code, and each
//! diagnostic is a result pointing at its rule. Columns count Unicode code points
//! (`columnKind`), as every tolk position does.

use std::collections::BTreeMap;

use serde::Serialize;
use tolk_content::{Code, Diagnostic, Severity};

use super::{description, region, summary};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text<String>,
    full_description: Text<String>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text<T> {
    text: T,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
    properties: Properties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message_id: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative path as a URI reference: `/` separators kept, every byte outside
/// RFC 3986's unreserved characters percent-encoded (spaces, `#`, `?`, `%`,
/// non-ASCII).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result<'a>(d: &'a Diagnostic, sources: &BTreeMap<String, String>) -> SarifResult<'a> {
    let locations = d
        .file
        .iter()
        .map(|file| Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri(file) },
                region: region(d, sources).map(|r| Region {
                    start_line: r.start.0,
                    start_column: r.start.1,
                    end_line: r.end.0,
                    end_column: r.end.1,
                }),
            },
        })
        .collect();
    SarifResult {
        rule_id: d.code.as_str(),
        rule_index: Code::ALL.iter().position(|c| *c == d.code).unwrap_or_default(),
        level: level(d.severity),
        message: Text { text: &d.text },
        locations,
        properties: Properties {
            locale: d.locale.as_deref(),
            message_id: d.message_id.as_deref(),
            notes: &d.notes,
        },
    }
}

/// The SARIF 2.1.0 log with an empty list of results, where the writer puts them.
pub(super) fn skeleton() -> String {
    let rules = Code::ALL
        .iter()
        .map(|code| Rule {
            id: code.as_str(),
            short_description: Text { text: summary(*code) },
            full_description: Text { text: description(*code) },
            default_configuration: Configuration { level: level(code.default_severity()) },
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "tolk",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results: Vec::new(),
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// One diagnostic as a SARIF result, pretty-printed.
pub(super) fn result_json(d: &Diagnostic, sources: &BTreeMap<String, String>) -> String {
    serde_json::to_string_pretty(&result(d, sources)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::report;
    use super::*;

    #[test]
    fn sarif_declares_every_rule_and_points_at_regions() {
        let (report, sources) = report();
        let log: serde_json::Value = serde_json::from_str(&super::super::render(
            crate::cli::ReportFormat::Sarif,
            &sources,
            &report,
            false,
        ))
        .unwrap();
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), Code::ALL.len());
        let results = run["results"].as_array().unwrap();
        let r = &results[0];
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], "unknown-variable");
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], r["ruleId"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "locales/fr%20dir/a%2Cb%3Ac.ftl");
        assert_eq!(loc["region"]["startLine"], 3);
        assert_eq!(loc["region"]["startColumn"], 19);
        assert_eq!(loc["region"]["endLine"], 3);
        assert_eq!(loc["region"]["endColumn"], 23);
        assert_eq!(r["properties"]["locale"], "fr");
        assert_eq!(r["properties"]["messageId"], "bye");
        // A file without a position: a location without a region.
        let ko = &results[1]["locations"][0]["physicalLocation"];
        assert_eq!(ko["artifactLocation"]["uri"], "locales/ko/main.ftl");
        assert!(ko.get("region").is_none());
        assert_eq!(results[1]["level"], "warning");
        // No file: no location.
        assert!(results[2].get("locations").is_none());
    }

    #[test]
    fn rule_descriptions_come_from_the_code_docs() {
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for code in Code::ALL {
            let (short, full) = (summary(*code), description(*code));
            assert!(!short.is_empty() && !short.contains('\n'), "{code}: {short}");
            assert!(full.starts_with(&short), "{code}");
            // The whole documentation, rewrapped: paragraphs on one line each.
            assert_eq!(words(&full), words(code.doc()), "{code}");
            assert!(full.lines().all(|l| l.is_empty() || !l.starts_with(' ')), "{code}");
        }
        let full = description(Code::UnknownVariable);
        assert!(full.contains(".\n\nExample: "), "{full}");
        assert!(!summary(Code::UnknownVariable).contains("Example"));
    }
}

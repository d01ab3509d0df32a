//! JUnit XML, for CI test reporters (GitLab, Jenkins, Azure DevOps, CircleCI).
//!
//! One `<testsuite>` per locale (plus `project` for diagnostics about no locale),
//! one `<testcase>` per check code: a code passes in a locale when it has no error
//! there. Errors are the `<failure>`, one line each; warnings do not fail and go to
//! the test case's `<system-out>`.

use std::collections::BTreeMap;
use std::fmt::Write;

use tolk_content::{Code, Diagnostic, Severity};

use super::one_line;
use crate::check::Report;

/// The suite of diagnostics that are about no locale (content, configuration).
const PROJECT_SUITE: &str = "project";

/// Whether XML 1.0 allows a character at all (`Char` in the spec; Rust's `char`
/// already excludes surrogates).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text for XML content and attribute values: the five markup characters as
/// entities, line breaks and tabs as character references (so attribute values keep
/// them and `\r` survives line-end normalization), and the characters XML 1.0 does
/// not allow dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// Like [`escape`], for attribute values, where a literal newline would be read back
/// as a space.
fn escape_attr(s: &str) -> String {
    escape(s).replace('\n', "&#10;")
}

struct Suite<'a> {
    name: &'a str,
    /// Diagnostics by code.
    diagnostics: BTreeMap<Code, Vec<&'a Diagnostic>>,
}

impl Suite<'_> {
    fn failures(&self) -> usize {
        self.diagnostics
            .values()
            .filter(|ds| ds.iter().any(|d| d.severity == Severity::Error))
            .count()
    }
}

/// The report as JUnit XML.
pub(super) fn render(report: &Report, sources: &BTreeMap<String, String>) -> String {
    // Every locale of the report, in its order, then any other locale a diagnostic
    // names (sorted), then the project.
    let mut suites: Vec<Suite<'_>> = report
        .locales
        .iter()
        .map(|l| Suite { name: &l.locale, diagnostics: BTreeMap::new() })
        .collect();
    let mut others: Vec<&str> = report
        .diagnostics
        .iter()
        .filter_map(|d| d.locale.as_deref())
        .filter(|l| !report.locales.iter().any(|s| s.locale == *l))
        .collect();
    others.sort_unstable();
    others.dedup();
    suites.extend(others.into_iter().map(|name| Suite { name, diagnostics: BTreeMap::new() }));
    suites.push(Suite { name: PROJECT_SUITE, diagnostics: BTreeMap::new() });
    let project = suites.len() - 1;
    for d in &report.diagnostics {
        let i = match d.locale.as_deref() {
            Some(locale) => suites[..project].iter().position(|s| s.name == locale),
            None => None,
        };
        suites[i.unwrap_or(project)].diagnostics.entry(d.code).or_default().push(d);
    }

    let tests = suites.len() * Code::ALL.len();
    let failures: usize = suites.iter().map(Suite::failures).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"tolk\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for suite in &suites {
        let name = escape_attr(suite.name);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            Code::ALL.len(),
            suite.failures(),
        );
        for code in Code::ALL {
            let ds = suite.diagnostics.get(code).map_or(&[][..], Vec::as_slice);
            let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
                ds.iter().partition(|d| d.severity == Severity::Error);
            let open = format!("    <testcase name=\"{code}\" classname=\"tolk.{name}\"");
            if errors.is_empty() && warnings.is_empty() {
                let _ = writeln!(out, "{open}/>");
                continue;
            }
            let _ = writeln!(out, "{open}>");
            if !errors.is_empty() {
                let message = match errors.as_slice() {
                    [one] => one.text.clone(),
                    many => format!("{} {code} errors in {}", many.len(), suite.name),
                };
                let _ = write!(
                    out,
                    "      <failure message=\"{}\" type=\"{code}\">",
                    escape_attr(&message)
                );
                for d in &errors {
                    let _ = writeln!(out, "{}", escape(&one_line(d, sources)));
                }
                out.push_str("</failure>\n");
            }
            if !warnings.is_empty() {
                out.push_str("      <system-out>");
                for d in &warnings {
                    let _ = writeln!(out, "warning: {}", escape(&one_line(d, sources)));
                }
                out.push_str("</system-out>\n");
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::report;
    use super::*;

    #[test]
    fn escaping_covers_markup_line_breaks_and_forbidden_characters() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\u{0}\u{1}\u{b}\u{FFFE}\u{FFFF}y"), "xy");
        assert_eq!(escape("a\r\n\tb"), "a&#13;\n&#9;b");
        assert_eq!(escape_attr("a\r\nb"), "a&#13;&#10;b");
        assert_eq!(escape("día 😀 \u{D7FF}\u{E000}"), "día 😀 \u{D7FF}\u{E000}");
    }

    #[test]
    fn one_suite_per_locale_and_one_case_per_code() {
        let (report, sources) = report();
        let xml = render(&report, &sources);
        let n = Code::ALL.len();
        assert!(
            xml.contains(&format!("<testsuites name=\"tolk\" tests=\"{}\" failures=\"2\"", 4 * n)),
            "{xml}"
        );
        assert!(xml.contains(&format!(
            "<testsuite name=\"fr\" tests=\"{n}\" failures=\"1\" errors=\"0\" skipped=\"0\">"
        )));
        assert!(
            xml.contains(
                "<failure message=\"`bye` uses `$nme` &lt;&amp;&gt; 100%&#13;&#10;next\" \
             type=\"unknown-variable\">locales/fr dir/a,b:c.ftl:3:19: `bye` uses `$nme` \
             &lt;&amp;&gt; 100%&#13;\nnext\n</failure>"
            ),
            "{xml}"
        );
        // Warnings pass, with the warning in the output.
        assert!(xml.contains(
            "<testcase name=\"missing-message\" classname=\"tolk.ko\">\n      <system-out>warning: \
             locales/ko/main.ftl: `-brand` is missing in `ko`\n</system-out>"
        ), "{xml}");
        // No locale: the project suite; the control character is gone.
        assert!(xml.contains("<testsuite name=\"project\""));
        assert!(xml.contains(
            "classname=\"tolk.project\">\n      <failure message=\"bad control\" type=\"content-syntax\">"
        ), "{xml}");
    }
}

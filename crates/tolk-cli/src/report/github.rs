//! GitHub Actions workflow commands: one `::error` or `::warning` line per
//! diagnostic, which the runner turns into annotations on the pull request.

use std::collections::BTreeMap;
use std::fmt::Write;

use tolk_content::{Diagnostic, Severity};

use super::region;

/// Escapes a command's message: `%`, CR and LF.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command property's value: as a message, plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The report as workflow commands, one line per diagnostic, nothing else. The
/// message is the diagnostic's text, then its notes on lines of their own.
pub(super) fn render(diagnostics: &[Diagnostic], sources: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(file) = &d.file {
            props.push(format!("file={}", escape_property(file)));
            if let Some(r) = region(d, sources) {
                props.push(format!("line={},col={}", r.start.0, r.start.1));
            }
        }
        props.push(format!("title={}", escape_property(d.code.as_str())));
        let mut message = d.text.clone();
        for note in &d.notes {
            message.push_str("\nnote: ");
            message.push_str(note);
        }
        let _ = writeln!(out, "::{command} {}::{}", props.join(","), escape_data(&message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::report;
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("100% a:b,c\r\nd"), "100%25 a%3Ab%2Cc%0D%0Ad");
    }

    #[test]
    fn one_line_per_diagnostic() {
        let (report, sources) = report();
        let out = render(&report.diagnostics, &sources);
        assert_eq!(
            out,
            "::error file=locales/fr dir/a%2Cb%3Ac.ftl,line=3,col=19,title=unknown-variable::\
             `bye` uses `$nme` <&> 100%25%0D%0Anext%0Anote: the source uses $name\n\
             ::warning file=locales/ko/main.ftl,title=missing-message::`-brand` is missing in `ko`\n\
             ::error title=content-syntax::bad \u{1}control\n"
        );
    }
}

use super::*;
use crate::{SourceFile, load_locale};

fn locale(tag: &str, text: &str) -> LocaleCatalog {
    let (cat, diags) =
        load_locale(tag, vec![SourceFile::new(format!("locales/{tag}/main.ftl"), text)]).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    cat
}

fn check(src: &str, tr: &str) -> Vec<(&'static str, Severity, String)> {
    let report = check_locale(&locale("en-US", src), &locale("fr", tr), Severity::Error);
    report.diagnostics.into_iter().map(|d| (d.code.as_str(), d.severity, d.text)).collect()
}

#[test]
fn a_complete_translation_is_clean() {
    assert_eq!(check("a = A { $x }\nb = B\n", "a = Ah { $x }\nb = Beh\n"), vec![]);
}

#[test]
fn missing_message_names_the_file_where_it_belongs() {
    let report = check_locale(
        &locale("en-US", "a = A\nb = B b\n"),
        &locale("fr", "a = A\n"),
        Severity::Warning,
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.code, Code::MissingMessage);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.file.as_deref(), Some("locales/fr/main.ftl"));
    assert_eq!(d.message_id.as_deref(), Some("b"));
    assert_eq!(
        report.coverage,
        Coverage { messages_total: 2, messages_translated: 1, words_total: 3, words_translated: 1 }
    );
    assert_eq!(report.coverage.ratio(), 0.5);
}

#[test]
fn obsolete_and_unknown_variables_are_found() {
    let got = check("a = A { $name }\n", "a = A { $nom }\nold = Vieux\n");
    assert_eq!(
        got,
        vec![
            (
                "unknown-variable",
                Severity::Error,
                "`a` uses `$nom`, which the source message does not have".to_owned()
            ),
            (
                "obsolete-message",
                Severity::Warning,
                "`old` is not in the source locale `en-US`".to_owned()
            ),
        ]
    );
}

#[test]
fn variables_in_selectors_and_attributes_count() {
    let src = "a = { $n ->\n    [one] one\n   *[other] many\n}\n    .title = { $who }\n";
    let tr = "a = { $n ->\n    [one] un\n   *[other] { $who } beaucoup\n}\n    .title = x\n";
    assert_eq!(check(src, tr), vec![]);
}

#[test]
fn documents_are_checked_against_the_source() {
    let doc_src = r#"
id = "d"
title = "title"
[[sections]]
id = "s"
heading = "nope"
blocks = [{ type = "paragraph", text = "title.missing-attr" }]
"#;
    let doc = tolk_content::parse_document("content/d.toml", doc_src).value.unwrap();
    let src = locale("en-US", "title = T\nextra = E\n-brand = B\n");
    let diags = check_documents(&[("content/d.toml", &doc)], &src);
    let got: Vec<_> = diags.iter().map(|d| (d.code.as_str(), d.text.as_str())).collect();
    assert_eq!(
        got,
        [
            ("undefined-message", "`nope` is not defined in the source locale `en-US`"),
            (
                "undefined-message",
                "`title` has no attribute `missing-attr` in the source locale `en-US`"
            ),
            ("unused-message", "`extra` is not used by any document"),
        ]
    );
    assert_eq!(&doc_src[diags[0].span.clone().unwrap()], "\"nope\"");
}

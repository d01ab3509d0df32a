//! One fixture tree per check under `tests/fixtures/checks/<code>/`: `en-US` is
//! the source, one locale breaks exactly that check, and `fr` is a clean
//! translation that must produce no diagnostic at all. Human and JSON output are
//! snapshots.

use std::path::PathBuf;

use tolk_content::{Code, Severity};

use crate::support::*;

fn fixtures() -> Vec<(String, PathBuf)> {
    let root = repo().join("crates/tolk-cli/tests/fixtures/checks");
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().into_owned(), e.path())
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_check_has_a_fixture_that_triggers_it_and_a_clean_locale() {
    let cases = fixtures();
    assert!(cases.len() >= 19, "{} fixtures", cases.len());
    for (name, dir) in cases {
        let code = *Code::ALL
            .iter()
            .find(|c| c.as_str() == name)
            .unwrap_or_else(|| panic!("no code {name}"));
        let (exit, stdout, stderr) = run(tolk().args(["check", "--format", "json"]).arg(&dir));
        let json: serde_json::Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{name}: {e}\n{stdout}\n{stderr}"));
        let diags = json["diagnostics"].as_array().unwrap();
        assert!(
            diags.iter().any(|d| d["code"] == name),
            "{name}: the fixture does not trigger its check: {diags:#?}"
        );
        let clean: Vec<_> = diags.iter().filter(|d| d["locale"] == "fr").collect();
        assert!(clean.is_empty(), "{name}: the clean locale has diagnostics: {clean:#?}");
        let expected_exit = if code.default_severity() == Severity::Error { 1 } else { 0 };
        let errors = diags.iter().any(|d| d["severity"] == "error");
        assert_eq!(exit, if errors { 1 } else { expected_exit }, "{name}: {stdout}");
        if code.default_severity() == Severity::Error {
            assert_eq!(exit, 1, "{name} is an error and must fail the check");
        }
    }
}

#[test]
fn human_and_json_output_of_every_fixture() {
    for (name, dir) in fixtures() {
        let (_, human, _) = run(tolk().arg("check").arg(&dir));
        insta::assert_snapshot!(format!("{name}-human"), human);
        let (_, json, _) = run(tolk().args(["check", "--format", "json"]).arg(&dir));
        insta::assert_snapshot!(format!("{name}-json"), json);
    }
}

//! Every `tolk check --format`, read the way the CI tool that consumes it would.

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;
use tolk_content::Code;

use crate::support::*;

const FORMATS: [&str; 5] = ["human", "json", "sarif", "junit", "github"];

/// The sample with two errors: `help-chat` removed from `fr` (a complete locale),
/// and `$hotline_phone` for `$hotline-phone` in `es`.
fn broken() -> TempDir {
    let dir = sample();
    remove_message(&dir.path().join("locales/fr/trafficking.ftl"), "help-chat");
    let file = dir.path().join("locales/es/site.ftl");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("$hotline-phone"));
    std::fs::write(&file, text.replace("$hotline-phone", "$hotline_phone")).unwrap();
    dir
}

fn check(dir: &Path, format: &str) -> (i32, String) {
    let (code, stdout, stderr) = run(tolk().args(["check", "--format", format]).arg(dir));
    assert!(stderr.is_empty(), "{format}: {stderr}");
    (code, stdout)
}

/// The 1-based line and column (in characters) of the first `needle` in a file.
fn position(dir: &Path, rel: &str, needle: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(dir.join(rel)).unwrap();
    let (n, line) = text.lines().enumerate().find(|(_, l)| l.contains(needle)).unwrap();
    (n + 1, line[..line.find(needle).unwrap()].chars().count() + 1)
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("docs/check-report.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::meta::validate(&schema).expect("the schema is a valid JSON Schema");
    jsonschema::draft202012::new(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, json: &Value, what: &str) {
    let errors: Vec<String> =
        validator.iter_errors(json).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not match the schema:\n{}", errors.join("\n"));
}

#[test]
fn json_reports_match_the_schema() {
    let validator = schema();
    let dir = broken();
    for (what, path) in [("the sample", repo()), ("the broken sample", dir.path().to_owned())] {
        let (_, stdout) = check(&path, "json");
        assert_valid(&validator, &serde_json::from_str(&stdout).unwrap(), what);
    }
    // Every check's fixture (plain locale trees), so every code goes through it.
    let fixtures = repo().join("crates/tolk-cli/tests/fixtures/checks");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        let (_, stdout) = check(&path, "json");
        assert_valid(
            &validator,
            &serde_json::from_str(&stdout).unwrap(),
            &path.display().to_string(),
        );
    }
    // `tolk stats --format json` prints the same report.
    let (_, stdout, _) = run(tolk().args(["stats", "--format", "json"]).arg(repo()));
    assert_valid(&validator, &serde_json::from_str(&stdout).unwrap(), "tolk stats");
    // And the schema does reject what it should.
    let (_, stdout) = check(dir.path(), "json");
    let mut json: Value = serde_json::from_str(&stdout).unwrap();
    json["diagnostics"][0]["severity"] = "fatal".into();
    assert!(!validator.is_valid(&json));
    let mut json: Value = serde_json::from_str(&stdout).unwrap();
    json["locales"][0]["coverage"] = 1.5.into();
    assert!(!validator.is_valid(&json));
}

#[test]
fn json_has_positions_and_per_document_coverage() {
    let dir = broken();
    let (code, stdout) = check(dir.path(), "json");
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let diags = json["diagnostics"].as_array().unwrap();
    let d = diags.iter().find(|d| d["code"] == "unknown-variable").unwrap();
    let (line, col) = position(dir.path(), "locales/es/site.ftl", "$hotline_phone");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(line as u64), Some(col as u64)));
    assert_eq!(d["file"], "locales/es/site.ftl");
    assert_eq!(d["message_id"], "site-footer");
    let missing = diags
        .iter()
        .find(|d| d["code"] == "missing-message" && d["locale"] == "fr")
        .expect("fr's missing message");
    assert_eq!(missing["message_id"], "help-chat");
    assert_eq!(missing["severity"], "error");

    // A project has per-document and per-section coverage; fr misses one message of
    // the `get-help` section.
    let fr = json["locales"].as_array().unwrap().iter().find(|l| l["locale"] == "fr").unwrap();
    let doc = &fr["documents"][0];
    assert_eq!(doc["id"], "understanding-trafficking");
    assert_eq!(
        doc["messages_translated"].as_u64().unwrap() + 1,
        doc["messages_total"].as_u64().unwrap()
    );
    let sections = doc["sections"].as_array().unwrap();
    let help = sections.iter().find(|s| s["id"] == "get-help").unwrap();
    assert!(help["coverage"].as_f64().unwrap() < 1.0, "{help}");
    assert!(sections.iter().filter(|s| s["id"] != "get-help").all(|s| s["coverage"] == 1.0));
}

#[test]
fn sarif_has_a_rule_per_code_and_a_result_at_the_real_position() {
    let dir = broken();
    let (code, stdout) = check(dir.path(), "sarif");
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "tolk");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(ids, codes);
    for (rule, code) in rules.iter().zip(Code::ALL) {
        assert_eq!(rule["defaultConfiguration"]["level"], code.default_severity().as_str());
        assert!(!rule["shortDescription"]["text"].as_str().unwrap().is_empty());
        assert!(rule["fullDescription"]["text"].as_str().unwrap().contains("Example"), "{rule}");
    }

    let results = runs[0]["results"].as_array().unwrap();
    for r in results {
        // ruleIndex and ruleId agree, and every level is one SARIF knows.
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], r["ruleId"]);
        assert!(r["level"] == "error" || r["level"] == "warning", "{r}");
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
    }
    let r = results.iter().find(|r| r["ruleId"] == "unknown-variable").unwrap();
    assert_eq!(r["level"], "error");
    assert_eq!(r["properties"]["locale"], "es");
    assert_eq!(r["properties"]["messageId"], "site-footer");
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "locales/es/site.ftl");
    let (line, col) = position(dir.path(), "locales/es/site.ftl", "$hotline_phone");
    let region = &loc["region"];
    assert_eq!(region["startLine"], line);
    assert_eq!(region["startColumn"], col);
    assert_eq!(region["endLine"], line);
    // The end column is exclusive: the span covers the variable reference.
    let end = region["endColumn"].as_u64().unwrap() as usize;
    assert!(end > col && end <= col + "$hotline_phone".len() + 1, "{region}");

    // A missing message has a file but no position: a location without a region.
    let missing = results
        .iter()
        .find(|r| r["ruleId"] == "missing-message" && r["properties"]["locale"] == "fr")
        .unwrap();
    let loc = &missing["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "locales/fr/trafficking.ftl");
    assert!(loc.get("region").is_none(), "{loc}");
}

#[test]
fn junit_is_well_formed_with_a_suite_per_locale_and_a_failure_per_broken_check() {
    let dir = broken();
    let (code, stdout) = check(dir.path(), "junit");
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&stdout).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("name"), Some("tolk"));
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    let names: Vec<&str> = suites.iter().map(|s| s.attribute("name").unwrap()).collect();
    // The report's locales, in its order (source first), then the project.
    let (_, json) = check(dir.path(), "json");
    let json: Value = serde_json::from_str(&json).unwrap();
    let mut expected: Vec<&str> =
        json["locales"].as_array().unwrap().iter().map(|l| l["locale"].as_str().unwrap()).collect();
    expected.push("project");
    assert_eq!(names, expected);
    assert_eq!(names[..4], ["en-US", "ar", "es", "fr"]);
    let cases = || suites.iter().flat_map(|s| s.children().filter(|n| n.has_tag_name("testcase")));
    let failures = || cases().filter_map(|c| c.children().find(|n| n.has_tag_name("failure")));
    assert_eq!(root.attribute("tests"), Some(cases().count().to_string().as_str()));
    assert_eq!(root.attribute("failures"), Some(failures().count().to_string().as_str()));
    assert_eq!(cases().count(), suites.len() * Code::ALL.len());
    for suite in &suites {
        let n = suite.children().filter(|n| n.has_tag_name("testcase")).count();
        assert_eq!(suite.attribute("tests"), Some(n.to_string().as_str()));
    }

    let fr = suites.iter().find(|s| s.attribute("name") == Some("fr")).unwrap();
    let case = fr
        .children()
        .find(|c| c.attribute("name") == Some("missing-message"))
        .expect("a missing-message test case in fr");
    assert_eq!(case.attribute("classname"), Some("tolk.fr"));
    let failure = case.children().find(|n| n.has_tag_name("failure")).expect("a failure");
    assert_eq!(failure.attribute("type"), Some("missing-message"));
    assert_eq!(failure.attribute("message"), Some("`help-chat` is missing in `fr`"));
    assert_eq!(
        failure.text(),
        Some("locales/fr/trafficking.ftl: `help-chat` is missing in `fr`\n")
    );

    let es = suites.iter().find(|s| s.attribute("name") == Some("es")).unwrap();
    let case = es.children().find(|c| c.attribute("name") == Some("unknown-variable")).unwrap();
    let (line, col) = position(dir.path(), "locales/es/site.ftl", "$hotline_phone");
    let text = case.children().find(|n| n.has_tag_name("failure")).unwrap().text().unwrap();
    assert!(text.starts_with(&format!("locales/es/site.ftl:{line}:{col}: ")), "{text}");

    // ko's missing messages are warnings: the test case passes, with the warnings
    // in its output.
    let ko = suites.iter().find(|s| s.attribute("name") == Some("ko")).unwrap();
    assert_eq!(ko.attribute("failures"), Some("0"));
    let case = ko.children().find(|c| c.attribute("name") == Some("missing-message")).unwrap();
    assert!(case.children().all(|n| !n.has_tag_name("failure")));
    let out = case.children().find(|n| n.has_tag_name("system-out")).unwrap().text().unwrap();
    assert!(out.contains("warning: locales/ko/"), "{out}");

    // A clean project: every test case passes.
    let (code, stdout) = check(&repo(), "junit");
    assert_eq!(code, 0);
    let doc = roxmltree::Document::parse(&stdout).unwrap();
    assert_eq!(doc.root_element().attribute("failures"), Some("0"));
}

#[test]
fn github_prints_one_workflow_command_per_diagnostic_and_nothing_else() {
    let dir = broken();
    let (code, stdout) = check(dir.path(), "github");
    assert_eq!(code, 1);
    let (line, col) = position(dir.path(), "locales/es/site.ftl", "$hotline_phone");
    let prefix = format!(
        "::error file=locales/es/site.ftl,line={line},col={col},title=unknown-variable::\
         `site-footer` uses `$hotline_phone`"
    );
    assert!(
        stdout.lines().any(|l| l.starts_with(&prefix)),
        "no line starts with {prefix}:\n{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l
            == "::error file=locales/fr/trafficking.ftl,title=missing-message::\
                `help-chat` is missing in `fr`"),
        "{stdout}"
    );
    assert!(stdout.contains("\n::warning file=locales/ko/"), "{stdout}");
    // One line per diagnostic, nothing else.
    let (_, json) = check(dir.path(), "json");
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(stdout.lines().count(), json["diagnostics"].as_array().unwrap().len());
    assert!(stdout.lines().all(|l| l.starts_with("::error ") || l.starts_with("::warning ")));
    // A clean tree prints nothing at all.
    let clean = TempDir::new().unwrap();
    write(clean.path(), "en-US/app.ftl", "hello = Hello\n");
    write(clean.path(), "de/app.ftl", "hello = Hallo\n");
    assert_eq!(check(clean.path(), "github"), (0, String::new()));
}

#[test]
fn every_format_is_deterministic_and_keeps_the_exit_code() {
    let dir = broken();
    for format in FORMATS {
        let (code1, first) = check(dir.path(), format);
        let (code2, second) = check(dir.path(), format);
        assert_eq!(code1, 1, "{format}");
        assert_eq!(code2, 1, "{format}");
        assert!(first == second, "{format}: two runs differ");
        let (code, _) = check(&repo(), format);
        assert_eq!(code, 0, "{format} on the clean sample");
    }
    // Denied warnings fail every format alike.
    for format in FORMATS {
        let (code, _, _) =
            run(tolk().args(["check", "--deny-warnings", "--format", format]).arg(repo()));
        assert_eq!(code, 1, "{format}");
    }
    // An operational failure is exit 2, whatever the format.
    for format in FORMATS {
        let (code, stdout, _) =
            run(tolk().args(["check", "--format", format]).arg(dir.path().join("nope")));
        assert_eq!(code, 2, "{format}");
        assert!(stdout.is_empty(), "{format}: {stdout}");
    }
}

#[test]
fn stats_keeps_its_formats() {
    let (code, stdout, _) = run(tolk().args(["stats", "--format", "human"]).arg(repo()));
    assert_eq!(code, 0);
    assert!(stdout.starts_with("locale  messages"), "{stdout}");
    let (code, stdout, _) = run(tolk().args(["stats", "--format", "json"]).arg(repo()));
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["locales"].as_array().unwrap().len(), 8);
}

use std::path::Path;

use crate::support::*;

const DOC: &str = "understanding-trafficking";
const LOCALES: [&str; 8] = ["ar", "en-US", "es", "fr", "hi", "ko", "vi", "zh-CN"];

fn build(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("out");
    let (code, _, stderr) = run(tolk().arg("build").arg(dir).arg("--out").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("built 34 files"), "{stderr}");
    out
}

#[test]
fn every_locale_and_format_is_written_with_the_hotline_facts() {
    let dir = sample();
    let out = build(dir.path());
    for locale in LOCALES {
        for ext in ["json", "html", "txt"] {
            let path = out.join(locale).join(format!("{DOC}.{ext}"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(text.contains("1-888-373-7888"), "{} lacks the hotline", path.display());
            assert!(text.contains("233733"), "{} lacks the short code", path.display());
            if ext != "txt" || locale != "ko" {
                assert!(text.contains("BeFree"), "{} lacks the keyword", path.display());
            }
        }
    }
    // No temporary files are left behind.
    for entry in walk(&out) {
        let name = entry.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.starts_with(".tolk-"), "left over: {}", entry.display());
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files.extend(walk(&p));
        } else {
            files.push(p);
        }
    }
    files
}

#[test]
fn html_pages_have_direction_language_links_and_quick_exit() {
    let dir = sample();
    let out = build(dir.path());
    let ar = std::fs::read_to_string(out.join("ar").join(format!("{DOC}.html"))).unwrap();
    assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
    let en = std::fs::read_to_string(out.join("en-US").join(format!("{DOC}.html"))).unwrap();
    assert!(en.contains(r#"<html lang="en-US" dir="ltr">"#));
    for locale in LOCALES {
        assert!(en.contains(&format!(r#"hreflang="{locale}""#)), "no alternate for {locale}");
    }
    assert!(
        en.contains(">العربية</a>") && en.contains(">简体中文</a>") && en.contains(">हिन्दी</a>")
    );
    assert!(en.contains(r#"href="tel:+18883737888""#));
    assert!(en.contains(r#"id="quick-exit""#));
    assert!(!en.contains("http://") && !en.contains("<link rel=\"stylesheet\""));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    for name in
        ["English", "Español", "Français", "العربية", "简体中文", "Tiếng Việt", "हिन्दी", "한국어"]
    {
        assert!(index.contains(name), "index.html lacks {name}");
    }
}

#[test]
fn manifest_and_fallbacks_are_recorded() {
    let dir = sample();
    let out = build(dir.path());
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    assert_eq!(index["schema_version"], 1);
    let locales: Vec<&str> = index["locales"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["locale"].as_str().unwrap())
        .collect();
    assert_eq!(locales, ["en-US", "ar", "es", "fr", "hi", "ko", "vi", "zh-CN"]);
    let ko: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("ko").join(format!("{DOC}.json"))).unwrap(),
    )
    .unwrap();
    let fallbacks = ko["fallbacks"].as_array().unwrap();
    assert_eq!(fallbacks.len(), 22);
    assert!(fallbacks.iter().all(|f| f["locale"] == "en-US"));
    assert!(fallbacks.iter().any(|f| f["message"] == "training-link"));
    assert_eq!(ko["fallback_chain"], serde_json::json!(["ko", "en-US"]));
    let fr: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("fr").join(format!("{DOC}.json"))).unwrap(),
    )
    .unwrap();
    assert_eq!(fr["fallbacks"], serde_json::json!([]));
    assert_eq!(fr["dir"], "ltr");
}

#[test]
fn selected_locales_and_formats_only() {
    let dir = sample();
    let out = dir.path().join("some");
    let (code, _, stderr) = run(tolk()
        .arg("build")
        .arg(dir.path())
        .args(["--locale", "ar", "--locale", "fr", "--format", "html,text", "--out"])
        .arg(&out));
    assert_eq!(code, 0, "{stderr}");
    assert!(out.join("ar").join(format!("{DOC}.html")).is_file());
    assert!(out.join("fr").join(format!("{DOC}.txt")).is_file());
    assert!(!out.join("fr").join(format!("{DOC}.json")).exists());
    assert!(!out.join("es").exists());
}

#[test]
fn a_build_is_reproducible() {
    let dir = sample();
    let a = build(dir.path());
    let snapshot: Vec<(std::path::PathBuf, Vec<u8>)> =
        walk(&a).into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect();
    build(dir.path());
    for (path, bytes) in snapshot {
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{} changed", path.display());
    }
}

#[test]
fn errors_stop_the_build_before_anything_is_written() {
    let dir = sample();
    remove_message(&dir.path().join("locales/hi/trafficking.ftl"), "help-call");
    let out = dir.path().join("out");
    let (code, _, stderr) = run(tolk().arg("build").arg(dir.path()).arg("--out").arg(&out));
    assert_eq!(code, 1);
    assert!(stderr.contains("`help-call` is missing in `hi`"), "{stderr}");
    assert!(!out.exists());
}

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("docs/schema").join(name)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, path: &Path) {
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{} does not match its schema: {errors:#?}", path.display());
}

#[test]
fn every_json_output_validates_against_its_committed_schema() {
    let dir = sample();
    let out = dir.path().join("out");
    let (code, _, stderr) =
        run(tolk().arg("build").arg(dir.path()).arg("--pseudo").arg("--out").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    let (document, messages, manifest) = (
        schema("document.schema.json"),
        schema("messages.schema.json"),
        schema("manifest.schema.json"),
    );
    assert_valid(&manifest, &out.join("index.json"));
    let mut checked = 0;
    for locale in LOCALES.iter().chain(&["en-XA", "ar-XB"]) {
        assert_valid(&document, &out.join(locale).join(format!("{DOC}.json")));
        assert_valid(&messages, &out.join(locale).join("messages.json"));
        checked += 2;
    }
    assert_eq!(checked, 20);
}

#[test]
fn manifest_lists_files_with_sizes_and_digests() {
    let dir = sample();
    let out = build(dir.path());
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    let mut files = 0;
    for locale in index["locales"].as_array().unwrap() {
        assert_eq!(locale["published"], true);
        for f in locale["files"].as_array().unwrap() {
            let bytes = std::fs::read(out.join(f["path"].as_str().unwrap())).unwrap();
            assert_eq!(f["size"].as_u64().unwrap() as usize, bytes.len());
            // Independent digest: sha256sum.
            let sum = std::process::Command::new("sha256sum")
                .arg(out.join(f["path"].as_str().unwrap()))
                .output()
                .unwrap();
            let hex = String::from_utf8(sum.stdout).unwrap();
            assert_eq!(f["sha256"].as_str().unwrap(), hex.split(' ').next().unwrap());
            files += 1;
        }
    }
    assert_eq!(files, 32);
}

#[test]
fn messages_bundle_carries_the_chain_and_the_document_tree() {
    let dir = sample();
    let out = build(dir.path());
    let ko: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("ko/messages.json")).unwrap())
            .unwrap();
    assert_eq!(ko["fallback_chain"], serde_json::json!(["ko", "en-US"]));
    let resources = ko["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 2);
    assert_eq!(resources[0]["locale"], "ko");
    assert!(resources[0]["ftl"].as_str().unwrap().contains("help-call = "));
    assert!(!resources[0]["ftl"].as_str().unwrap().contains("training-link = "));
    assert!(resources[1]["ftl"].as_str().unwrap().contains("training-link = "));
    let doc = &ko["documents"][0];
    assert_eq!(doc["title"], "page-title");
    let contact = doc["sections"][0]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["type"] == "contact")
        .unwrap();
    assert_eq!(contact["messages"]["call"], "help-call");
    assert_eq!(contact["facts"]["phone"], "hotline-phone");
}

#[test]
fn a_locale_below_the_go_live_rules_is_not_published() {
    let dir = sample();
    // Korean needs 70 % to go live; it has about 58 %.
    let config = std::fs::read_to_string(dir.path().join("tolk.toml")).unwrap();
    std::fs::write(
        dir.path().join("tolk.toml"),
        config.replace("publish-min-coverage = 50", "publish-min-coverage = 70"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let (code, _, stderr) = run(tolk().arg("build").arg(dir.path()).arg("--out").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("`ko` is not published: coverage 58.5 % is below 70 %"), "{stderr}");
    assert!(!out.join("ko").exists(), "no page for an unpublished locale");
    let en = std::fs::read_to_string(out.join(format!("en-US/{DOC}.html"))).unwrap();
    assert!(!en.contains("hreflang=\"ko\""), "not in hreflang or the switcher");
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    let ko = index["locales"].as_array().unwrap().iter().find(|l| l["locale"] == "ko").unwrap();
    assert_eq!(ko["published"], false);
    assert_eq!(ko["files"], serde_json::json!([]));
    assert!(!std::fs::read_to_string(out.join("index.html")).unwrap().contains("한국어"));
    // --strict makes it an error, and nothing is written.
    let strict_out = dir.path().join("strict");
    let (code, _, stderr) =
        run(tolk().arg("build").arg(dir.path()).arg("--strict").arg("--out").arg(&strict_out));
    assert_eq!(code, 1);
    assert!(stderr.contains("--strict"), "{stderr}");
    assert!(!strict_out.exists());
}

#[test]
fn the_hotline_block_is_always_required_to_go_live() {
    let dir = sample();
    remove_message(&dir.path().join("locales/ko/trafficking.ftl"), "help-chat");
    let out = dir.path().join("out");
    let (code, _, stderr) = run(tolk().arg("build").arg(dir.path()).arg("--out").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("`ko` is not published: required messages not translated: `help-chat`"),
        "{stderr}"
    );
    assert!(!out.join("ko").exists());
}

#[test]
fn pseudo_locales_transform_text_but_never_facts() {
    let dir = sample();
    let out = dir.path().join("out");
    let (code, _, stderr) =
        run(tolk().arg("build").arg(dir.path()).arg("--pseudo").arg("--out").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    let en = std::fs::read_to_string(out.join(format!("en-US/{DOC}.json"))).unwrap();
    for (tag, dir_attr) in [("en-XA", "ltr"), ("ar-XB", "rtl")] {
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.join(tag).join(format!("{DOC}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(json["dir"], dir_attr);
        let title = json["title"].as_str().unwrap();
        assert!(!en.contains(title), "{tag} title {title} is not transformed");
        let html = std::fs::read_to_string(out.join(tag).join(format!("{DOC}.html"))).unwrap();
        assert!(
            html.contains("1-888-373-7888") && html.contains("233733") && html.contains("BeFree")
        );
        assert!(html.contains(&format!("dir=\"{dir_attr}\"")));
    }
    // Accented text is longer than the source.
    let xa: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join(format!("en-XA/{DOC}.json"))).unwrap(),
    )
    .unwrap();
    let src: serde_json::Value = serde_json::from_str(&en).unwrap();
    let len = |v: &serde_json::Value| v["summary"].as_str().unwrap().chars().count();
    assert!(len(&xa) as f64 >= len(&src) as f64 * 1.3, "{} vs {}", len(&xa), len(&src));
}

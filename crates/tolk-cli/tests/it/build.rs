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

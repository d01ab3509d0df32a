//! Snapshot tests of every renderer on the repository's own sample page, in a
//! left-to-right, a right-to-left and a CJK locale.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tolk_content::{LocalizedDocument, TextDirection};
use tolk_fluent::{Catalog, SourceFile, load_locale};
use tolk_render::{Alternate, RenderOptions, render_html, render_json, render_text, render_typst};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const LOCALES: [(&str, &str); 3] = [("en-US", "English"), ("ar", "العربية"), ("zh-CN", "简体中文")];

fn localized(tag: &str) -> LocalizedDocument {
    let root = repo();
    let mut cats = Vec::new();
    for (locale, _) in LOCALES {
        let dir = root.join("locales").join(locale);
        let mut files: Vec<_> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        let files = files
            .into_iter()
            .map(|p| {
                let shown =
                    format!("locales/{locale}/{}", p.file_name().unwrap().to_string_lossy());
                SourceFile::new(shown, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        let (cat, diags) = load_locale(locale, files).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        cats.push(cat);
    }
    let catalog = Catalog::new("en-US", cats, &BTreeMap::new()).unwrap();
    let path = root.join("content/understanding-trafficking.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let doc = tolk_content::parse_document("content/understanding-trafficking.toml", &text)
        .value
        .unwrap();
    let name = LOCALES.iter().find(|(t, _)| *t == tag).unwrap().1;
    let (l, diags) = tolk_fluent::localize(&doc, &catalog, tag, name).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert!(l.fallbacks.is_empty(), "{tag} is complete: {:?}", l.fallbacks);
    l
}

fn alternates(doc: &LocalizedDocument) -> Vec<Alternate> {
    let langs: Vec<(String, String, TextDirection)> = LOCALES
        .iter()
        .map(|(t, n)| {
            let dir = if *t == "ar" { TextDirection::Rtl } else { TextDirection::Ltr };
            (t.to_string(), n.to_string(), dir)
        })
        .collect();
    Alternate::for_document(&doc.id, &doc.locale, &langs)
}

macro_rules! snapshots {
    ($($name:ident => $tag:literal;)*) => {$(
        mod $name {
            use super::*;

            #[test]
            fn json() {
                let out = render_json(&localized($tag));
                let _: serde_json::Value = serde_json::from_str(&out).unwrap();
                insta::assert_snapshot!(out);
            }

            #[test]
            fn html() {
                let doc = localized($tag);
                insta::assert_snapshot!(render_html(&doc, &alternates(&doc), &RenderOptions::default()).unwrap());
            }

            #[test]
            fn text() {
                insta::assert_snapshot!(render_text(&localized($tag), &RenderOptions::default()));
            }

            #[test]
            fn typst() {
                insta::assert_snapshot!(render_typst(&localized($tag)));
            }
        }
    )*};
}

snapshots! {
    en_us => "en-US";
    ar => "ar";
    zh_cn => "zh-CN";
}

#[test]
fn arabic_page_is_right_to_left_with_isolated_numbers() {
    let doc = localized("ar");
    let html = render_html(&doc, &alternates(&doc), &RenderOptions::default()).unwrap();
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(html.contains("<bdi>1-888-373-7888</bdi>"));
    assert!(html.contains(r#"hreflang="zh-CN" lang="zh-CN" dir="ltr""#));
}

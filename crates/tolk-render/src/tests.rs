use std::collections::BTreeMap;

use tolk_content::{
    CalloutTone, Fact, LocalizedBlock, LocalizedContact, LocalizedDocument, LocalizedQa,
    LocalizedSection, TextDirection,
};

use super::*;

fn doc(text: &str) -> LocalizedDocument {
    let mut facts = BTreeMap::new();
    facts.insert("phone".to_owned(), Fact::Phone("1-888-373-7888".into()));
    LocalizedDocument {
        id: "d".into(),
        locale: "en-US".into(),
        dir: TextDirection::Ltr,
        language_name: "English".into(),
        title: text.into(),
        summary: Some(text.into()),
        facts,
        ui: BTreeMap::from([("footer".to_owned(), text.to_owned())]),
        sections: vec![LocalizedSection {
            id: "s".into(),
            heading: text.into(),
            blocks: vec![
                LocalizedBlock::Paragraph(text.into()),
                LocalizedBlock::List { ordered: false, items: vec![text.into()] },
                LocalizedBlock::Qa(vec![LocalizedQa {
                    question: text.into(),
                    answer: text.into(),
                }]),
                LocalizedBlock::Callout { tone: CalloutTone::Info, title: None, text: text.into() },
                LocalizedBlock::Link { text: text.into(), href: "https://example.org/".into() },
                LocalizedBlock::Contact(LocalizedContact {
                    heading: None,
                    call: Some((text.into(), Some(text.into()), "1-888-373-7888".into())),
                    sms: Some((text.into(), None, "233733".into(), "BeFree".into())),
                    chat: None,
                }),
                LocalizedBlock::QuickExit {
                    label: text.into(),
                    hint: Some(text.into()),
                    href: "https://www.google.com/".into(),
                },
            ],
        }],
        fallbacks: vec![],
        fallback_chain: vec!["en-US".into()],
    }
}

/// The tags and attributes the page template writes, whatever the text.
fn tags(html: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e);
        let tag = &rest[i + 1..end];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
            .collect();
        tags.push(name);
        rest = &rest[end..];
    }
    tags
}

#[test]
fn translator_markup_is_escaped_in_html() {
    let safe = render_html(&doc("Help"), &[], &RenderOptions::default()).unwrap();
    for evil in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "</style><script>x</script>",
    ] {
        let html = render_html(&doc(evil), &[], &RenderOptions::default()).unwrap();
        assert_eq!(tags(&html), tags(&safe), "{evil} changed the markup");
        assert!(!html.contains("<script>alert"), "{evil}");
        assert!(!html.contains("<img"), "{evil}");
    }
}

#[test]
fn isolation_marks_become_bdi_after_escaping() {
    let html =
        render_html(&doc("Call \u{2068}<b>1-888</b>\u{2069} now"), &[], &RenderOptions::default())
            .unwrap();
    assert!(html.contains("<p>Call <bdi>&lt;b&gt;1-888&lt;&#x2f;b&gt;</bdi> now</p>"), "{html}");
    // Unbalanced marks never produce unbalanced elements.
    let html = render_html(&doc("a\u{2069}b\u{2068}c"), &[], &RenderOptions::default()).unwrap();
    assert!(html.contains("<p>ab<bdi>c</bdi></p>"), "{html}");
}

#[test]
fn a_template_override_is_still_escaped() {
    let opts = RenderOptions {
        html_template: Some("<p>{{ title }}</p><p>{{ title|bidi }}</p>".into()),
        ..RenderOptions::default()
    };
    let html = render_html(&doc("<i>x</i>"), &[], &opts).unwrap();
    assert_eq!(html, "<p>&lt;i&gt;x&lt;&#x2f;i&gt;</p><p>&lt;i&gt;x&lt;&#x2f;i&gt;</p>\n");
    let broken = RenderOptions { html_template: Some("{% if %}".into()), ..opts };
    assert!(matches!(render_html(&doc("x"), &[], &broken), Err(Error::Template(_))));
}

#[test]
fn contact_links_carry_the_facts() {
    let html = render_html(&doc("x"), &[], &RenderOptions::default()).unwrap();
    assert!(html.contains(r#"href="tel:+18883737888""#));
    assert!(html.contains(r#"href="sms:233733?&amp;body=BeFree""#), "{html}");
    assert!(html.contains(r#"id="quick-exit""#));
    assert!(html.contains("<script>"), "the quick exit needs its script");
}

#[test]
fn text_never_breaks_a_phone_number_and_strips_marks() {
    let long = "Call \u{2068}1-888-373-7888\u{2069} now, any hour of the day or night, and someone will answer";
    let opts = RenderOptions { text_width: 24, ..RenderOptions::default() };
    let text = render_text(&doc(long), &opts);
    assert!(!text.contains('\u{2068}') && !text.contains('\u{2069}'));
    assert!(text.lines().any(|l| l.contains("1-888-373-7888")), "{text}");
    for line in text.lines().filter(|l| !l.contains("://")) {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 24, "{line:?} is too wide");
    }
}

#[test]
fn text_counts_wide_characters_as_two_columns() {
    let cjk = "如果您或您认识的人可能陷入人口贩运，受过培训的援助人员随时可以与您交谈。";
    let opts = RenderOptions { text_width: 20, ..RenderOptions::default() };
    let text = render_text(&doc(cjk), &opts);
    // URLs are never broken, so their lines may be longer.
    for line in text.lines().filter(|l| !l.contains("://")) {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 20, "{line:?} is too wide");
    }
}

#[test]
fn text_is_nfc() {
    // "é" written as e + combining acute accent.
    let text = render_text(&doc("Caf\u{65}\u{301}"), &RenderOptions::default());
    assert!(text.contains("Caf\u{e9}"));
    assert!(!text.contains('\u{301}'));
}

#[test]
fn json_strips_marks_and_keeps_fact_types() {
    let mut d = doc("Call \u{2068}1-888\u{2069}");
    d.facts.insert("n".into(), Fact::Number(6));
    let json: serde_json::Value = serde_json::from_str(&render_json(&d)).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["title"], "Call 1-888");
    let n = json["facts"].as_array().unwrap().iter().find(|f| f["name"] == "n").unwrap();
    assert_eq!(n["value"], 6);
    assert_eq!(n["type"], "number");
    let contact = &json["sections"][0]["blocks"][5];
    assert_eq!(contact["type"], "contact");
    assert_eq!(contact["call"]["href"], "tel:+18883737888");
    assert_eq!(contact["sms"]["keyword"], "BeFree");
}

#[test]
fn formats_parse_from_their_names() {
    for f in Format::ALL {
        assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
    }
    assert!("docx".parse::<Format>().is_err());
}

#[test]
fn typst_output_keeps_translator_text_inert() {
    let evil = "#set page(width: 1cm) $x^2$ *bold* \\\" \") #eval(\"1\") \u{202e}";
    let typ = render_typst(&doc(evil));
    // Every translated string is a string literal: nothing outside literals changes.
    let outside: String = strip_literals(&typ);
    let safe_outside = strip_literals(&render_typst(&doc("x")));
    assert_eq!(outside, safe_outside);
    assert!(!typ.contains('\u{202e}'));
    assert!(
        typ.contains(r##""#set page(width: 1cm) $x^2$ *bold* \\\" \") #eval(\"1\") ""##),
        "{typ}"
    );
}

/// Typst source with the content of string literals removed.
fn strip_literals(typ: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut chars = typ.chars();
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (true, '\\') => {
                chars.next();
            }
            (_, '"') => {
                in_string = !in_string;
                out.push('"');
            }
            (true, _) => {}
            (false, c) => out.push(c),
        }
    }
    out
}

#[test]
fn typst_names_fonts_and_direction_per_script() {
    assert_eq!(fonts_for("ar"), ["Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans"]);
    assert_eq!(fonts_for("zh-CN"), ["Noto Sans CJK SC", "Noto Sans"]);
    assert_eq!(fonts_for("zh-TW"), ["Noto Sans CJK TC", "Noto Sans"]);
    assert_eq!(fonts_for("hi"), ["Noto Sans Devanagari", "Noto Sans"]);
    assert_eq!(fonts_for("fr"), ["Noto Sans"]);
    let mut d = doc("x");
    d.locale = "ar".into();
    d.dir = TextDirection::Rtl;
    let typ = render_typst(&d);
    assert!(typ.contains(r#"#set text(lang: "ar", dir: rtl, font: ("Noto Naskh Arabic""#), "{typ}");
}

#[test]
fn text_print_layout_has_pages_headers_and_footers() {
    let long = "Call \u{2068}1-888-373-7888\u{2069} now, any hour of the day or night";
    let mut d = doc(long);
    for _ in 0..6 {
        d.sections.push(d.sections[0].clone());
    }
    let opts = RenderOptions { text_width: 40, page_lines: Some(30), ..RenderOptions::default() };
    let text = render_text(&d, &opts);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() > 2, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page.lines().count(), 30, "page {} has {} lines", i + 1, page.lines().count());
        assert!(page.starts_with("Call 1-888-373-7888"), "page {} header", i + 1);
        assert!(page.contains(&format!("{}/{}\n", i + 1, pages.len())));
        // The footer (here the page's footer text) carries the hotline.
        let tail: Vec<&str> = page.lines().rev().take(4).collect();
        assert!(
            tail.iter().any(|l| l.contains("1-888-373-7888")),
            "page {} footer: {tail:?}",
            i + 1
        );
    }
}

#[test]
fn bidi_overrides_in_translations_are_dropped_in_every_format() {
    let evil = "Call \u{202e}8887-373-888-1\u{202c} or \u{2067}x\u{2069} javascript:alert(1)";
    let d = doc(evil);
    let opts = RenderOptions::default();
    let outputs = [
        ("json", render_json(&d)),
        ("html", render_html(&d, &[], &opts).unwrap()),
        ("text", render_text(&d, &opts)),
        ("typst", render_typst(&d)),
    ];
    for (format, out) in outputs {
        for c in
            ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}']
        {
            assert!(!out.contains(c), "{format} keeps U+{:04X}", c as u32);
        }
        // Text that looks like a URL stays text: no link is made of it.
        assert!(!out.contains("href=\"javascript:"), "{format}");
    }
}

#[test]
fn typst_keeps_facts_in_left_to_right_islands() {
    let mut d = doc("اتصل بالرقم \u{2068}1-888-373-7888\u{2069} الآن");
    d.locale = "ar".into();
    d.dir = TextDirection::Rtl;
    let typ = render_typst(&d);
    assert!(
        typ.contains(r##"[#"اتصل بالرقم "#box(text(dir: ltr, "1-888-373-7888"))#" الآن"]"##),
        "{typ}"
    );
}

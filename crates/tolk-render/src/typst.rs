use tolk_content::{Fact, LocalizedBlock, LocalizedDocument, TextDirection};

use crate::html::sms_href;
use crate::strip_isolation;

/// Whether the first strong character of `s` is right to left.
fn starts_rtl(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c as u32, 0x0590..=0x08ff | 0xfb1d..=0xfdff | 0xfe70..=0xfeff))
}

/// An unbreakable island of text with its own direction: how Typst gets what
/// HTML's `<bdi>` does (Typst's own handling of isolation marks misorders runs).
fn island(s: &str) -> String {
    let dir = if starts_rtl(s) { "rtl" } else { "ltr" };
    format!("box(text(dir: {dir}, {}))", typst_string(s))
}

/// A URL shown as text: an island, so that its trailing `/` stays at its end in a
/// right-to-left paragraph.
fn isolated(s: &str) -> String {
    island(s)
}

/// Typst content for translated text: plain parts as escaped string literals,
/// the values Fluent isolated (U+2068 ... U+2069, the facts) as islands, so a phone
/// number keeps its order inside an Arabic sentence.
pub(crate) fn typst_content(s: &str) -> String {
    if !s.contains('\u{2068}') {
        return typst_string(s);
    }
    let mut out = String::from("[");
    let mut plain = String::new();
    let mut rest = s;
    while let Some(start) = rest.find('\u{2068}') {
        plain.push_str(&rest[..start]);
        let after = &rest[start + '\u{2068}'.len_utf8()..];
        let Some(end) = after.find('\u{2069}') else {
            plain.push_str(after);
            rest = "";
            break;
        };
        if !plain.is_empty() {
            out.push_str(&format!("#{}", typst_string(&plain)));
            plain.clear();
        }
        out.push_str(&format!("#{}", island(&after[..end])));
        rest = &after[end + '\u{2069}'.len_utf8()..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push_str(&format!("#{}", typst_string(&plain)));
    }
    out.push(']');
    out
}

/// A Typst string literal holding `s`: every character a string literal treats
/// specially is escaped, and control characters are written as `\u{..}`. Inserted
/// with `#`, a string is shown as plain text: no markup, code or math in a
/// translation can take effect.
pub(crate) fn typst_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    // Fluent's isolation marks go: Typst lays out isolates in the wrong order, and
    // the Unicode bidi algorithm alone keeps `1-888-373-7888` left to right.
    for c in strip_isolation(s).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The Noto families that cover a language's script, most specific first, with
/// the Latin family last (for digits and brand names).
pub fn fonts_for(locale: &str) -> Vec<&'static str> {
    let mut parts = locale.split('-');
    let language = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let has = |s: &str| rest.iter().any(|p| p.eq_ignore_ascii_case(s));
    let script: &[&'static str] = match language {
        "ar" | "fa" | "ur" | "ps" | "ckb" | "sd" | "ug" => {
            &["Noto Naskh Arabic", "Noto Sans Arabic"]
        }
        "he" | "yi" => &["Noto Sans Hebrew"],
        "hi" | "mr" | "ne" | "sa" | "mai" => &["Noto Sans Devanagari"],
        "bn" | "as" => &["Noto Sans Bengali"],
        "ta" => &["Noto Sans Tamil"],
        "te" => &["Noto Sans Telugu"],
        "gu" => &["Noto Sans Gujarati"],
        "pa" => &["Noto Sans Gurmukhi"],
        "th" => &["Noto Sans Thai"],
        "lo" => &["Noto Sans Lao"],
        "km" => &["Noto Sans Khmer"],
        "my" => &["Noto Sans Myanmar"],
        "am" | "ti" => &["Noto Sans Ethiopic"],
        "hy" => &["Noto Sans Armenian"],
        "ka" => &["Noto Sans Georgian"],
        "ja" => &["Noto Sans CJK JP"],
        "ko" => &["Noto Sans CJK KR"],
        "zh" if has("Hant") || has("TW") || has("HK") || has("MO") => &["Noto Sans CJK TC"],
        "zh" => &["Noto Sans CJK SC"],
        _ => &[],
    };
    script.iter().copied().chain(["Noto Sans"]).collect()
}

fn lang_region(locale: &str) -> (String, Option<String>) {
    let mut parts = locale.split('-');
    let lang = parts.next().unwrap_or("en").to_ascii_lowercase();
    let region = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()));
    (lang, region.map(str::to_ascii_uppercase))
}

/// A Typst source file for one localized document: `lang`, `region` and `dir` set
/// from the locale, fonts named per script (Noto families), the hotline on every
/// page's footer, and every translated string inserted as an escaped string
/// literal.
pub fn render_typst(doc: &LocalizedDocument) -> String {
    let s = typst_content;
    let (lang, region) = lang_region(&doc.locale);
    let fonts: Vec<String> = fonts_for(&doc.locale).iter().map(|f| typst_string(f)).collect();
    let dir = match doc.dir {
        TextDirection::Rtl => "rtl",
        TextDirection::Ltr => "ltr",
    };
    let mut out = String::new();
    out.push_str("// Generated by tolk from a localized document. Compile with `typst compile`.\n");
    out.push_str(&format!("#set document(title: {})\n", typst_string(&doc.title)));
    out.push_str(&format!(
        "#set text(lang: {}{}, dir: {dir}, font: ({},), size: 11pt)\n",
        typst_string(&lang),
        region.map(|r| format!(", region: {}", typst_string(&r))).unwrap_or_default(),
        fonts.join(", ")
    ));
    out.push_str("#set par(justify: false, leading: 0.7em)\n");
    out.push_str("#set heading(numbering: none)\n");
    let footer = doc.ui.get("footer").cloned().or_else(|| {
        doc.facts.values().find_map(|f| matches!(f, Fact::Phone(_)).then(|| f.display()))
    });
    match footer {
        Some(f) => out.push_str(&format!(
            "#set page(paper: \"a4\", margin: (x: 2cm, y: 2.2cm), footer: align(center, text(size: 9pt, {})))\n",
            s(&f)
        )),
        None => out.push_str("#set page(paper: \"a4\", margin: (x: 2cm, y: 2.2cm))\n"),
    }
    out.push_str("#show link: underline\n\n");
    out.push_str(&format!("#heading(level: 1, {})\n\n", s(&doc.title)));
    if let Some(summary) = &doc.summary {
        out.push_str(&format!("#par(text(size: 12pt, {}))\n\n", s(summary)));
    }
    for section in &doc.sections {
        out.push_str(&format!("#heading(level: 2, {})\n\n", s(&section.heading)));
        for block in &section.blocks {
            match block {
                LocalizedBlock::Heading(t) => {
                    out.push_str(&format!("#heading(level: 3, {})\n\n", s(t)))
                }
                LocalizedBlock::Paragraph(t) => out.push_str(&format!("#par({})\n\n", s(t))),
                LocalizedBlock::List { ordered, items } => {
                    let f = if *ordered { "enum" } else { "list" };
                    let items: Vec<String> = items.iter().map(|i| s(i)).collect();
                    out.push_str(&format!("#{f}({})\n\n", items.join(", ")));
                }
                LocalizedBlock::Qa(items) => {
                    for qa in items {
                        out.push_str(&format!(
                            "#block(breakable: false)[#strong({})\\\n#{}]\n\n",
                            s(&qa.question),
                            s(&qa.answer)
                        ));
                    }
                }
                LocalizedBlock::Callout { title, text, .. } => {
                    let title = title
                        .as_ref()
                        .map(|t| format!("#strong({})\\\n", s(t)))
                        .unwrap_or_default();
                    out.push_str(&format!(
                        "#block(stroke: (left: 3pt + luma(90)), inset: 8pt, width: 100%)[{title}#{}]\n\n",
                        s(text)
                    ));
                }
                LocalizedBlock::Link { text, href } => {
                    out.push_str(&format!(
                        "#par(link({}, {}))\n#par(text(size: 9pt, {}))\n\n",
                        typst_string(href),
                        s(text),
                        isolated(href)
                    ));
                }
                LocalizedBlock::Contact(c) => {
                    out.push_str(
                        "#block(stroke: 1pt + luma(60), inset: 10pt, radius: 4pt, width: 100%)[\n",
                    );
                    if let Some(h) = &c.heading {
                        out.push_str(&format!("  #strong({})\n\n", s(h)));
                    }
                    let mut lines = Vec::new();
                    if let Some((t, n, phone)) = &c.call {
                        let href = Fact::Phone(phone.clone()).href().unwrap_or_default();
                        lines.push((
                            format!("#link({}, strong({}))", typst_string(&href), s(t)),
                            n.clone(),
                        ));
                    }
                    if let Some((t, n, code, keyword)) = &c.sms {
                        lines.push((
                            format!(
                                "#link({}, strong({}))",
                                typst_string(&sms_href(code, keyword)),
                                s(t)
                            ),
                            n.clone(),
                        ));
                    }
                    if let Some((t, n, href)) = &c.chat {
                        lines.push((
                            format!(
                                "#link({}, strong({})) #text(size: 9pt, {})",
                                typst_string(href),
                                s(t),
                                isolated(href)
                            ),
                            n.clone(),
                        ));
                    }
                    for (line, note) in lines {
                        out.push_str(&format!("  {line}\\\n"));
                        if let Some(n) = note {
                            out.push_str(&format!("  #text(size: 9pt, {})\n\n", s(&n)));
                        } else {
                            out.push('\n');
                        }
                    }
                    out.push_str("]\n\n");
                }
                // The quick exit has no meaning on paper.
                _ => {}
            }
        }
    }
    out
}

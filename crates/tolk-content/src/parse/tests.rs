use super::*;
use crate::Severity;

fn parse(src: &str) -> Parsed<Document> {
    parse_document("content/t.toml", src)
}

fn codes(p: &Parsed<Document>) -> Vec<(&'static str, String)> {
    p.diagnostics.iter().map(|d| (d.code.as_str(), d.text.clone())).collect()
}

const MINIMAL: &str = r#"
id = "page"
title = "page-title"
[facts]
phone = { phone = "1-888-373-7888" }
code = { short-code = "233733" }
word = { keyword = "BeFree" }
site = { url = "https://example.org/" }
n = { number = 6 }
[[sections]]
id = "a"
heading = "a-heading"
blocks = [
  { type = "paragraph", text = "a-body" },
  { type = "list", ordered = true, items = ["a-one", "a-two.attr"] },
  { type = "qa", items = [{ question = "q", answer = "a" }] },
  { type = "callout", tone = "warning", text = "c" },
  { type = "link", text = "l", url = "site" },
  { type = "quick-exit", label = "x", hint = "x.hint", url = "site" },
  { type = "contact", call = "call", phone = "phone", sms = "sms", short-code = "code", keyword = "word" },
]
"#;

#[test]
fn reads_every_block_type() {
    let p = parse(MINIMAL);
    assert_eq!(codes(&p), vec![]);
    let doc = p.value.unwrap();
    let kinds: Vec<_> = doc.sections[0].blocks.iter().map(Block::kind).collect();
    assert_eq!(kinds, ["paragraph", "list", "qa", "callout", "link", "quick-exit", "contact"]);
    assert_eq!(doc.facts["phone"], Fact::Phone("1-888-373-7888".into()));
    assert_eq!(doc.facts["n"], Fact::Number(6));
    assert_eq!(doc.facts["phone"].href().unwrap(), "tel:+18883737888");
    let keys: Vec<String> = doc.message_refs().map(MessageRef::key).collect();
    assert_eq!(
        keys,
        [
            "page-title",
            "a-heading",
            "a-body",
            "a-one",
            "a-two.attr",
            "q",
            "a",
            "c",
            "l",
            "x",
            "x.hint",
            "call",
            "sms"
        ]
    );
}

#[test]
fn message_ref_spans_point_at_the_string() {
    let p = parse(MINIMAL);
    let doc = p.value.unwrap();
    assert_eq!(&MINIMAL[doc.title.span.clone()], "\"page-title\"");
}

#[test]
fn toml_syntax_error_has_a_position() {
    let src = "id = \"x\"\ntitle = \"unterminated\n";
    let p = parse(src);
    assert!(p.value.is_none());
    let d = &p.diagnostics[0];
    assert_eq!(d.code, Code::ContentSyntax);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.file.as_deref(), Some("content/t.toml"));
    let (line, _) = crate::line_col(src, d.span.clone().unwrap().start);
    assert_eq!(line, 2);
}

#[test]
fn unknown_block_type_is_reported_and_skipped() {
    let src = MINIMAL.replace(r#"type = "callout""#, r#"type = "carousel""#);
    let p = parse(&src);
    assert_eq!(codes(&p).len(), 1, "{:?}", codes(&p));
    let d = &p.diagnostics[0];
    assert_eq!(d.code, Code::InvalidContent);
    assert!(d.text.contains("unknown block type `carousel`"), "{}", d.text);
    assert_eq!(&src[d.span.clone().unwrap()], "\"carousel\"");
    assert_eq!(p.value.unwrap().sections[0].blocks.len(), 6);
}

#[test]
fn unknown_field_is_reported() {
    let src = MINIMAL.replace(r#"text = "a-body""#, r#"txet = "a-body""#);
    let p = parse(&src);
    let c = codes(&p);
    assert!(c.iter().any(|(_, t)| t.contains("unknown field `txet`")), "{c:?}");
    assert!(c.iter().any(|(_, t)| t.contains("has no `text`")), "{c:?}");
}

#[test]
fn duplicate_section_ids_are_reported() {
    let src = format!("{MINIMAL}\n[[sections]]\nid = \"a\"\nheading = \"h\"\n");
    let p = parse(&src);
    assert_eq!(codes(&p), vec![("duplicate-id", "section id `a` is used twice".to_owned())]);
}

#[test]
fn unsafe_or_malformed_facts_are_refused() {
    for (fact, needle) in [
        (r#"{ url = "javascript:alert(1)" }"#, "not an allowed URL"),
        (r#"{ url = "data:text/html,x" }"#, "not an allowed URL"),
        (r#"{ url = "JavaScript:alert(1)" }"#, "not an allowed URL"),
        (r#"{ url = "java\tscript:alert(1)" }"#, "not an allowed URL"),
        (r#"{ url = "https://a.example/\u202Eexe.txt" }"#, "bidi characters"),
        (r#"{ url = "https://a.example/\u200B" }"#, "bidi characters"),
        (r#"{ phone = "1-888-CALL-NOW" }"#, "not a phone number"),
        (r#"{ short-code = "23a" }"#, "not a short code"),
        (r#"{ colour = "red" }"#, "unknown fact type"),
        (r#""bare""#, "one typed value"),
    ] {
        let src = MINIMAL.replace(r#"{ url = "https://example.org/" }"#, fact);
        let p = parse(&src);
        assert!(
            p.diagnostics.iter().any(|d| d.code == Code::InvalidFact && d.text.contains(needle)),
            "{fact}: {:?}",
            codes(&p)
        );
    }
}

#[test]
fn reference_to_unknown_fact_is_reported() {
    let src = MINIMAL.replace(r#"url = "site" }"#, r#"url = "nowhere" }"#);
    let p = parse(&src);
    assert!(codes(&p).iter().any(|(c, t)| *c == "invalid-fact" && t.contains("`nowhere`")));
}

#[test]
fn invalid_message_ids_are_reported() {
    let src = MINIMAL.replace(r#""a-body""#, r#""1-body""#);
    let p = parse(&src);
    assert!(codes(&p).iter().any(|(_, t)| t.contains("`1-body` is not a message id")));
}

#[test]
fn invalid_document_id_gives_no_document() {
    let src = MINIMAL.replace(r#"id = "page""#, r#"id = "../etc""#);
    let p = parse(&src);
    assert!(p.value.is_none());
    assert!(codes(&p).iter().any(|(_, t)| t.contains("document id `../etc`")));
}

#[test]
fn unused_messages_are_listed_in_order() {
    let doc = parse(MINIMAL).value.unwrap();
    let unused = unused_messages([&doc], ["zeta", "page-title", "alpha", "a-two"]);
    assert_eq!(unused, ["alpha", "zeta"]);
}

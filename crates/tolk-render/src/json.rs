use serde::Serialize;
use tolk_content::{Fact, LocalizedBlock, LocalizedDocument};

use crate::strip_isolation;

/// The version of the JSON document and manifest formats. It changes only when a
/// field is removed or changes meaning; new fields may appear within a version.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonDocument<'a> {
    schema_version: u32,
    document: &'a str,
    locale: &'a str,
    lang: &'a str,
    dir: &'a str,
    language_name: &'a str,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    facts: Vec<JsonFact<'a>>,
    ui: std::collections::BTreeMap<&'a str, String>,
    sections: Vec<JsonSection<'a>>,
    fallback_chain: &'a [String],
    fallbacks: Vec<JsonFallback<'a>>,
}

#[derive(Serialize)]
struct JsonFact<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    href: Option<String>,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    id: &'a str,
    heading: String,
    blocks: Vec<JsonBlock>,
}

#[derive(Serialize)]
struct JsonFallback<'a> {
    message: &'a str,
    locale: &'a str,
}

#[derive(Serialize)]
struct JsonChannel {
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    href: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyword: Option<String>,
}

#[derive(Serialize)]
struct JsonQa {
    question: String,
    answer: String,
}

// A short-lived value that exists only to be serialized: its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum JsonBlock {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Qa {
        items: Vec<JsonQa>,
    },
    Callout {
        tone: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        text: String,
    },
    Link {
        text: String,
        href: String,
    },
    Contact {
        #[serde(skip_serializing_if = "Option::is_none")]
        heading: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        call: Option<JsonChannel>,
        #[serde(skip_serializing_if = "Option::is_none")]
        sms: Option<JsonChannel>,
        #[serde(skip_serializing_if = "Option::is_none")]
        chat: Option<JsonChannel>,
    },
    QuickExit {
        label: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        hint: Option<String>,
        href: String,
    },
}

fn t(s: &str) -> String {
    strip_isolation(s)
}

fn opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(t)
}

fn block(b: &LocalizedBlock) -> JsonBlock {
    match b {
        LocalizedBlock::Heading(s) => JsonBlock::Heading { text: t(s) },
        LocalizedBlock::Paragraph(s) => JsonBlock::Paragraph { text: t(s) },
        LocalizedBlock::List { ordered, items } => {
            JsonBlock::List { ordered: *ordered, items: items.iter().map(|i| t(i)).collect() }
        }
        LocalizedBlock::Qa(items) => JsonBlock::Qa {
            items: items
                .iter()
                .map(|q| JsonQa { question: t(&q.question), answer: t(&q.answer) })
                .collect(),
        },
        LocalizedBlock::Callout { tone, title, text } => {
            JsonBlock::Callout { tone: tone.as_str(), title: opt(title), text: t(text) }
        }
        LocalizedBlock::Link { text, href } => {
            JsonBlock::Link { text: t(text), href: href.clone() }
        }
        LocalizedBlock::Contact(c) => JsonBlock::Contact {
            heading: opt(&c.heading),
            call: c.call.as_ref().map(|(text, note, phone)| JsonChannel {
                text: t(text),
                note: opt(note),
                href: Fact::Phone(phone.clone()).href().unwrap_or_default(),
                phone: Some(phone.clone()),
                short_code: None,
                keyword: None,
            }),
            sms: c.sms.as_ref().map(|(text, note, code, keyword)| JsonChannel {
                text: t(text),
                note: opt(note),
                href: crate::html::sms_href(code, keyword),
                phone: None,
                short_code: Some(code.clone()),
                keyword: Some(keyword.clone()),
            }),
            chat: c.chat.as_ref().map(|(text, note, href)| JsonChannel {
                text: t(text),
                note: opt(note),
                href: href.clone(),
                phone: None,
                short_code: None,
                keyword: None,
            }),
        },
        LocalizedBlock::QuickExit { label, hint, href } => {
            JsonBlock::QuickExit { label: t(label), hint: opt(hint), href: href.clone() }
        }
        // A block kind added to the model without a JSON form yet: an empty paragraph
        // keeps the output valid.
        #[allow(unreachable_patterns)]
        _ => JsonBlock::Paragraph { text: String::new() },
    }
}

/// The localized document as pretty-printed JSON (schema version [`SCHEMA_VERSION`]).
/// Isolation marks are removed; facts keep their types (numbers stay numbers).
pub fn render_json(doc: &LocalizedDocument) -> String {
    let facts = doc
        .facts
        .iter()
        .map(|(name, fact)| JsonFact {
            name,
            kind: fact.kind(),
            value: match fact {
                Fact::Number(n) => serde_json::Value::from(*n),
                other => serde_json::Value::from(other.display()),
            },
            href: fact.href(),
        })
        .collect();
    let json = JsonDocument {
        schema_version: SCHEMA_VERSION,
        document: &doc.id,
        locale: &doc.locale,
        lang: &doc.locale,
        dir: doc.dir.as_str(),
        language_name: &doc.language_name,
        title: t(&doc.title),
        summary: opt(&doc.summary),
        facts,
        ui: doc.ui.iter().map(|(k, v)| (k.as_str(), t(v))).collect(),
        sections: doc
            .sections
            .iter()
            .map(|s| JsonSection {
                id: &s.id,
                heading: t(&s.heading),
                blocks: s.blocks.iter().map(block).collect(),
            })
            .collect(),
        fallback_chain: &doc.fallback_chain,
        fallbacks: doc
            .fallbacks
            .iter()
            .map(|f| JsonFallback { message: &f.message, locale: &f.locale })
            .collect(),
    };
    // Serializing these plain structs cannot fail.
    let mut out = serde_json::to_string_pretty(&json).unwrap_or_default();
    out.push('\n');
    out
}

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use tolk_content::{Block, Document, Fact, LocalizedBlock, LocalizedDocument, MessageRef};

use crate::strip_isolation;

/// The version of the JSON document, manifest and messages formats. It changes only
/// when a field is removed or changes meaning; new fields may appear within a
/// version.
pub const SCHEMA_VERSION: u32 = 1;

/// One localized document: the page's whole tree with every text resolved in one
/// locale (`<locale>/<document>.json`).
#[derive(Serialize, JsonSchema)]
#[schemars(title = "tolk localized document")]
pub(crate) struct JsonDocument<'a> {
    /// Version of this format (1).
    schema_version: u32,
    /// The document id (also the file name).
    document: &'a str,
    /// The BCP 47 tag of the locale.
    locale: &'a str,
    /// The language of the text, as HTML's `lang` takes it (the locale tag).
    lang: &'a str,
    /// Writing direction of the locale's script.
    dir: Direction,
    /// The language's own name for itself.
    language_name: &'a str,
    /// The page title.
    title: String,
    /// A one-sentence summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    /// Facts that no translation changes (phone numbers, short codes, URLs...).
    facts: Vec<JsonFact<'a>>,
    /// Page furniture by key (`skip-link`, `language`, `contents`, `footer`).
    ui: BTreeMap<&'a str, String>,
    /// The sections, in order.
    sections: Vec<JsonSection<'a>>,
    /// The locales each message was looked up in, this locale first.
    fallback_chain: &'a [String],
    /// The messages whose text came from another locale of the chain.
    fallbacks: Vec<JsonFallback<'a>>,
}

/// `ltr` or `rtl`.
#[derive(Serialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl From<tolk_content::TextDirection> for Direction {
    fn from(d: tolk_content::TextDirection) -> Self {
        match d {
            tolk_content::TextDirection::Ltr => Direction::Ltr,
            tolk_content::TextDirection::Rtl => Direction::Rtl,
        }
    }
}

/// A typed fact.
#[derive(Serialize, JsonSchema)]
pub(crate) struct JsonFact<'a> {
    /// Its name, also the Fluent variable it reaches messages as.
    name: &'a str,
    /// phone, short-code, keyword, url, email, number or text.
    #[serde(rename = "type")]
    kind: &'static str,
    /// The value: a number for `number` facts, a string otherwise.
    value: FactValue,
    /// The link for phones (`tel:`), e-mail (`mailto:`) and URLs.
    #[serde(skip_serializing_if = "Option::is_none")]
    href: Option<String>,
}

/// A fact's value.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum FactValue {
    /// A whole number.
    Number(i64),
    /// Text.
    Text(String),
}

impl From<&Fact> for FactValue {
    fn from(f: &Fact) -> Self {
        match f {
            Fact::Number(n) => FactValue::Number(*n),
            other => FactValue::Text(other.display()),
        }
    }
}

/// A section.
#[derive(Serialize, JsonSchema)]
pub(crate) struct JsonSection<'a> {
    /// Unique within the document.
    id: &'a str,
    /// The heading.
    heading: String,
    /// The blocks, in order.
    blocks: Vec<JsonBlock>,
}

/// A message that came from another locale.
#[derive(Serialize, JsonSchema)]
pub(crate) struct JsonFallback<'a> {
    /// `id` or `id.attribute`.
    message: &'a str,
    /// The locale its text came from.
    locale: &'a str,
}

/// One way to reach help.
#[derive(Serialize, JsonSchema)]
pub(crate) struct JsonChannel {
    /// The link text.
    text: String,
    /// A note under it.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    /// `tel:`, `sms:` or `https:` link.
    href: String,
    /// The phone number (call).
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    /// The short code (SMS).
    #[serde(skip_serializing_if = "Option::is_none")]
    short_code: Option<String>,
    /// The keyword to send (SMS).
    #[serde(skip_serializing_if = "Option::is_none")]
    keyword: Option<String>,
}

/// A question and its answer.
#[derive(Serialize, JsonSchema)]
pub(crate) struct JsonQa {
    /// The question.
    question: String,
    /// The answer.
    answer: String,
}

/// A block, tagged by `type`.
// A short-lived value that exists only to be serialized: its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub(crate) enum JsonBlock {
    /// A sub-heading.
    Heading {
        /// The text.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// The text.
        text: String,
    },
    /// A list.
    List {
        /// Numbered when true.
        ordered: bool,
        /// The items.
        items: Vec<String>,
    },
    /// Questions and answers.
    Qa {
        /// The pairs.
        items: Vec<JsonQa>,
    },
    /// A highlighted notice.
    Callout {
        /// info, important or warning.
        tone: &'static str,
        /// An optional title.
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// The text.
        text: String,
    },
    /// A call to action.
    Link {
        /// The link text.
        text: String,
        /// The target.
        href: String,
    },
    /// Ways to reach help.
    Contact {
        /// The heading.
        #[serde(skip_serializing_if = "Option::is_none")]
        heading: Option<String>,
        /// Call.
        #[serde(skip_serializing_if = "Option::is_none")]
        call: Option<JsonChannel>,
        /// Text message.
        #[serde(skip_serializing_if = "Option::is_none")]
        sms: Option<JsonChannel>,
        /// Live chat.
        #[serde(skip_serializing_if = "Option::is_none")]
        chat: Option<JsonChannel>,
    },
    /// A control that leaves the page at once.
    QuickExit {
        /// The label.
        label: String,
        /// An explanation.
        #[serde(skip_serializing_if = "Option::is_none")]
        hint: Option<String>,
        /// Where it goes.
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

fn facts(facts: &BTreeMap<String, Fact>) -> Vec<JsonFact<'_>> {
    facts
        .iter()
        .map(|(name, fact)| JsonFact {
            name,
            kind: fact.kind(),
            value: fact.into(),
            href: fact.href(),
        })
        .collect()
}

pub(crate) fn pretty<T: Serialize>(value: &T) -> String {
    // Serializing these plain structs cannot fail.
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// The localized document as pretty-printed JSON (schema version [`SCHEMA_VERSION`],
/// described by [`document_schema`]). Isolation marks are removed; facts keep their
/// types (numbers stay numbers).
pub fn render_json(doc: &LocalizedDocument) -> String {
    let json = JsonDocument {
        schema_version: SCHEMA_VERSION,
        document: &doc.id,
        locale: &doc.locale,
        lang: &doc.locale,
        dir: doc.dir.into(),
        language_name: &doc.language_name,
        title: t(&doc.title),
        summary: opt(&doc.summary),
        facts: facts(&doc.facts),
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
    pretty(&json)
}

/// The JSON Schema of [`render_json`]'s output.
pub fn document_schema() -> String {
    pretty(&schemars::schema_for!(JsonDocument<'static>))
}

/// A locale-neutral document: the structure with message ids instead of text, for
/// apps that format messages at run time.
#[derive(Serialize, JsonSchema)]
pub(crate) struct JsonSourceDocument<'a> {
    /// The document id.
    id: &'a str,
    /// Message of the title (`id` or `id.attribute`).
    title: String,
    /// Message of the summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    /// Facts: pass them to every message as variables named after them.
    facts: Vec<JsonFact<'a>>,
    /// Page furniture messages by key.
    ui: BTreeMap<&'a str, String>,
    /// The sections.
    sections: Vec<JsonSourceSection<'a>>,
}

/// A locale-neutral section.
#[derive(Serialize, JsonSchema)]
pub(crate) struct JsonSourceSection<'a> {
    /// The section id.
    id: &'a str,
    /// Message of the heading.
    heading: String,
    /// The blocks, with message ids where the localized document has text.
    blocks: Vec<JsonSourceBlock>,
}

/// A locale-neutral block: its `type` and its fields, each a message id (`id` or
/// `id.attribute`), a list of them, or a fact name.
#[derive(Serialize, JsonSchema)]
pub(crate) struct JsonSourceBlock {
    /// The block type, as in the localized document.
    #[serde(rename = "type")]
    kind: &'static str,
    /// Message fields by name.
    messages: BTreeMap<&'static str, String>,
    /// List items or question/answer pairs, as message ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    items: Vec<Vec<String>>,
    /// Fact fields by name.
    facts: BTreeMap<&'static str, String>,
}

fn source_block(b: &Block) -> JsonSourceBlock {
    let key = MessageRef::key;
    let mut messages = BTreeMap::new();
    let mut facts = BTreeMap::new();
    let mut items = Vec::new();
    match b {
        Block::Heading { text } | Block::Paragraph { text } => {
            messages.insert("text", key(text));
        }
        Block::List { items: list, .. } => items = list.iter().map(|m| vec![key(m)]).collect(),
        Block::Qa { items: pairs } => {
            items = pairs.iter().map(|p| vec![key(&p.question), key(&p.answer)]).collect();
        }
        Block::Callout { title, text, .. } => {
            messages.insert("text", key(text));
            if let Some(t) = title {
                messages.insert("title", key(t));
            }
        }
        Block::Link { text, url } => {
            messages.insert("text", key(text));
            facts.insert("url", url.name.clone());
        }
        Block::QuickExit { label, hint, url } => {
            messages.insert("label", key(label));
            if let Some(h) = hint {
                messages.insert("hint", key(h));
            }
            facts.insert("url", url.name.clone());
        }
        Block::Contact(c) => {
            if let Some(h) = &c.heading {
                messages.insert("heading", key(h));
            }
            if let Some((t, n, p)) = &c.call {
                messages.insert("call", key(t));
                if let Some(n) = n {
                    messages.insert("call-note", key(n));
                }
                facts.insert("phone", p.name.clone());
            }
            if let Some((t, n, code, kw)) = &c.sms {
                messages.insert("sms", key(t));
                if let Some(n) = n {
                    messages.insert("sms-note", key(n));
                }
                facts.insert("short-code", code.name.clone());
                facts.insert("keyword", kw.name.clone());
            }
            if let Some((t, n, u)) = &c.chat {
                messages.insert("chat", key(t));
                if let Some(n) = n {
                    messages.insert("chat-note", key(n));
                }
                facts.insert("chat-url", u.name.clone());
            }
        }
        _ => {}
    }
    JsonSourceBlock { kind: b.kind(), messages, items, facts }
}

/// Everything an app needs to format one locale at run time
/// (`<locale>/messages.json`).
#[derive(Serialize, JsonSchema)]
#[schemars(title = "tolk messages bundle")]
pub(crate) struct JsonMessages<'a> {
    /// Version of this format (1).
    schema_version: u32,
    /// The locale.
    locale: &'a str,
    /// Writing direction.
    dir: Direction,
    /// The locales to look messages up in, in order.
    fallback_chain: &'a [String],
    /// The Fluent resources of each locale of the chain, in chain order: add them
    /// to one bundle per locale and look each message up along the chain.
    resources: Vec<JsonResource<'a>>,
    /// The documents, with message ids.
    documents: Vec<JsonSourceDocument<'a>>,
}

/// One locale's Fluent source.
#[derive(Serialize, JsonSchema)]
pub(crate) struct JsonResource<'a> {
    /// The locale.
    locale: &'a str,
    /// Its `.ftl` files, concatenated in path order.
    ftl: &'a str,
}

/// A locale's messages bundle: its Fluent resources and those of its fallback
/// chain, plus the locale-neutral documents (see [`messages_schema`]).
pub fn render_messages(
    locale: &str,
    dir: tolk_content::TextDirection,
    fallback_chain: &[String],
    resources: &[(String, String)],
    documents: &[&Document],
) -> String {
    let json = JsonMessages {
        schema_version: SCHEMA_VERSION,
        locale,
        dir: dir.into(),
        fallback_chain,
        resources: resources.iter().map(|(l, ftl)| JsonResource { locale: l, ftl }).collect(),
        documents: documents
            .iter()
            .map(|d| JsonSourceDocument {
                id: &d.id,
                title: d.title.key(),
                summary: d.summary.as_ref().map(MessageRef::key),
                facts: facts(&d.facts),
                ui: d.ui.iter().map(|(k, m)| (k.as_str(), m.key())).collect(),
                sections: d
                    .sections
                    .iter()
                    .map(|s| JsonSourceSection {
                        id: &s.id,
                        heading: s.heading.key(),
                        blocks: s.blocks.iter().map(source_block).collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    pretty(&json)
}

/// The JSON Schema of [`render_messages`]'s output.
pub fn messages_schema() -> String {
    pretty(&schemars::schema_for!(JsonMessages<'static>))
}

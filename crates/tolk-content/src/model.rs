use std::collections::BTreeMap;
use std::ops::Range;

/// A reference to translatable text: a Fluent message id, optionally with one of its
/// attributes (`help-call.note`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageRef {
    /// The message id, for example `help-call`.
    pub id: String,
    /// The attribute name, for example `note`.
    pub attribute: Option<String>,
    /// Where the reference is written in the content file.
    pub span: Range<usize>,
}

impl MessageRef {
    /// Parses `id` or `id.attribute`. Returns `None` when either part is not a valid
    /// Fluent identifier (`[a-zA-Z][a-zA-Z0-9_-]*`).
    pub fn parse(text: &str, span: Range<usize>) -> Option<MessageRef> {
        let (id, attribute) = match text.split_once('.') {
            Some((id, attr)) => (id, Some(attr)),
            None => (text, None),
        };
        if !is_identifier(id) || attribute.is_some_and(|a| !is_identifier(a)) {
            return None;
        }
        Some(MessageRef { id: id.to_owned(), attribute: attribute.map(str::to_owned), span })
    }

    /// `id` or `id.attribute`.
    pub fn key(&self) -> String {
        match &self.attribute {
            Some(attr) => format!("{}.{attr}", self.id),
            None => self.id.clone(),
        }
    }
}

/// Whether `s` is a Fluent identifier.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A fact: data that every locale shows exactly as written. Facts reach messages as
/// Fluent variables named after the fact (`$hotline-phone`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Fact {
    /// A phone number as people dial it, for example `1-888-373-7888`.
    Phone(String),
    /// An SMS short code, digits only.
    ShortCode(String),
    /// A keyword a service answers to, for example `BeFree`.
    Keyword(String),
    /// A URL with scheme http, https, tel, sms or mailto.
    Url(String),
    /// An e-mail address.
    Email(String),
    /// A whole number (Fluent may select plural forms on it).
    Number(i64),
    /// Any other text that must not be translated (a brand name).
    Text(String),
}

impl Fact {
    /// The type name used in content files and JSON output.
    pub fn kind(&self) -> &'static str {
        match self {
            Fact::Phone(_) => "phone",
            Fact::ShortCode(_) => "short-code",
            Fact::Keyword(_) => "keyword",
            Fact::Url(_) => "url",
            Fact::Email(_) => "email",
            Fact::Number(_) => "number",
            Fact::Text(_) => "text",
        }
    }

    /// The value as text, as it appears in a formatted message.
    pub fn display(&self) -> String {
        match self {
            Fact::Phone(s)
            | Fact::ShortCode(s)
            | Fact::Keyword(s)
            | Fact::Url(s)
            | Fact::Email(s)
            | Fact::Text(s) => s.clone(),
            Fact::Number(n) => n.to_string(),
        }
    }

    /// The URL a link to this fact uses: `tel:` for phones, `mailto:` for e-mail, the
    /// URL itself for URLs, nothing for the rest.
    pub fn href(&self) -> Option<String> {
        match self {
            Fact::Phone(p) => Some(format!("tel:{}", tel_digits(p))),
            Fact::Email(e) => Some(format!("mailto:{e}")),
            Fact::Url(u) => Some(u.clone()),
            _ => None,
        }
    }
}

/// A phone number in the form a `tel:` URL takes: `+1` and digits for a US number
/// written as `1-888-...`, digits otherwise.
pub(crate) fn tel_digits(phone: &str) -> String {
    let plus = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if plus || (digits.len() == 11 && digits.starts_with('1')) {
        format!("+{digits}")
    } else {
        digits
    }
}

/// A reference from a block to one of the document's facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactRef {
    /// The fact's name.
    pub name: String,
    /// Where the reference is written.
    pub span: Range<usize>,
}

/// One page: its metadata, facts and sections.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The document id; also its output file stem. Lowercase ASCII, digits and `-`.
    pub id: String,
    /// The page title.
    pub title: MessageRef,
    /// A one-sentence summary (used as the page description).
    pub summary: Option<MessageRef>,
    /// Facts by name.
    pub facts: BTreeMap<String, Fact>,
    /// Page furniture by key (`skip-link`, `language`, `contents`, `footer`).
    pub ui: BTreeMap<String, MessageRef>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// A titled part of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Unique within the document; used as the HTML anchor.
    pub id: String,
    /// The section heading.
    pub heading: MessageRef,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
}

/// The tone of a callout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalloutTone {
    /// General information.
    Info,
    /// Something the reader must not miss.
    Important,
    /// A safety warning.
    Warning,
}

impl CalloutTone {
    /// The name used in content files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            CalloutTone::Info => "info",
            CalloutTone::Important => "important",
            CalloutTone::Warning => "warning",
        }
    }
}

/// A question and its answer.
#[derive(Clone, Debug, PartialEq)]
pub struct QaPair {
    /// The question.
    pub question: MessageRef,
    /// The answer.
    pub answer: MessageRef,
}

/// How to reach a hotline: call, text, chat. Each channel is optional, but a contact
/// block has at least one.
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    /// The heading above the channels, if any.
    pub heading: Option<MessageRef>,
    /// "Call ..." text, its note, and the phone fact.
    pub call: Option<(MessageRef, Option<MessageRef>, FactRef)>,
    /// "Text ..." text, its note, the short-code fact and the keyword fact.
    pub sms: Option<(MessageRef, Option<MessageRef>, FactRef, FactRef)>,
    /// "Chat ..." text, its note and the URL fact.
    pub chat: Option<(MessageRef, Option<MessageRef>, FactRef)>,
}

/// A piece of a section.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Block {
    /// A sub-heading.
    Heading {
        /// The heading text.
        text: MessageRef,
    },
    /// A paragraph.
    Paragraph {
        /// The paragraph text.
        text: MessageRef,
    },
    /// A bulleted or numbered list.
    List {
        /// Numbered when true.
        ordered: bool,
        /// The items.
        items: Vec<MessageRef>,
    },
    /// A group of questions and answers.
    Qa {
        /// The pairs.
        items: Vec<QaPair>,
    },
    /// A highlighted notice.
    Callout {
        /// The tone.
        tone: CalloutTone,
        /// An optional title.
        title: Option<MessageRef>,
        /// The text.
        text: MessageRef,
    },
    /// A call to action: a link to a URL fact.
    Link {
        /// The link text.
        text: MessageRef,
        /// The URL fact.
        url: FactRef,
    },
    /// Ways to reach help.
    Contact(Box<Contact>),
    /// A control that leaves the page at once.
    QuickExit {
        /// The control's label.
        label: MessageRef,
        /// A short explanation.
        hint: Option<MessageRef>,
        /// Where to go (a URL fact).
        url: FactRef,
    },
}

impl Block {
    /// The block type as written in content files.
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } => "paragraph",
            Block::List { .. } => "list",
            Block::Qa { .. } => "qa",
            Block::Callout { .. } => "callout",
            Block::Link { .. } => "link",
            Block::Contact(_) => "contact",
            Block::QuickExit { .. } => "quick-exit",
        }
    }

    /// Every message this block refers to, in reading order.
    pub fn message_refs(&self) -> Vec<&MessageRef> {
        match self {
            Block::Heading { text } | Block::Paragraph { text } => vec![text],
            Block::List { items, .. } => items.iter().collect(),
            Block::Qa { items } => items.iter().flat_map(|p| [&p.question, &p.answer]).collect(),
            Block::Callout { title, text, .. } => title.iter().chain([text]).collect(),
            Block::Link { text, .. } => vec![text],
            Block::Contact(c) => {
                let mut refs: Vec<&MessageRef> = c.heading.iter().collect();
                if let Some((t, n, _)) = &c.call {
                    refs.push(t);
                    refs.extend(n);
                }
                if let Some((t, n, _, _)) = &c.sms {
                    refs.push(t);
                    refs.extend(n);
                }
                if let Some((t, n, _)) = &c.chat {
                    refs.push(t);
                    refs.extend(n);
                }
                refs
            }
            Block::QuickExit { label, hint, .. } => [label].into_iter().chain(hint).collect(),
        }
    }

    /// Every fact this block refers to.
    pub fn fact_refs(&self) -> Vec<&FactRef> {
        match self {
            Block::Link { url, .. } | Block::QuickExit { url, .. } => vec![url],
            Block::Contact(c) => {
                let mut refs = Vec::new();
                if let Some((_, _, p)) = &c.call {
                    refs.push(p);
                }
                if let Some((_, _, code, keyword)) = &c.sms {
                    refs.extend([code, keyword]);
                }
                if let Some((_, _, url)) = &c.chat {
                    refs.push(url);
                }
                refs
            }
            _ => Vec::new(),
        }
    }
}

impl Document {
    /// Every message the document refers to, in reading order (title, summary,
    /// page furniture, then sections).
    pub fn message_refs(&self) -> impl Iterator<Item = &MessageRef> {
        std::iter::once(&self.title).chain(&self.summary).chain(self.ui.values()).chain(
            self.sections.iter().flat_map(|s| {
                std::iter::once(&s.heading).chain(s.blocks.iter().flat_map(Block::message_refs))
            }),
        )
    }
}

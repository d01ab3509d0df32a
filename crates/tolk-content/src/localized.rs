use std::collections::BTreeMap;

use crate::model::{CalloutTone, Fact};

/// The direction a script is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextDirection {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu...).
    Rtl,
}

impl TextDirection {
    /// `ltr` or `rtl`, as HTML's `dir` attribute takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            TextDirection::Ltr => "ltr",
            TextDirection::Rtl => "rtl",
        }
    }
}

/// A message whose text came from a locale other than the document's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FallbackRecord {
    /// `id` or `id.attribute`.
    pub message: String,
    /// The locale the text came from.
    pub locale: String,
}

/// A document with every message resolved to text in one locale.
///
/// Text may contain the Unicode isolation marks U+2068 (FSI) and U+2069 (PDI) around
/// values that came from variables; each renderer decides what to do with them.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalizedDocument {
    /// The document id.
    pub id: String,
    /// The BCP 47 tag of the locale.
    pub locale: String,
    /// The writing direction of the locale's script.
    pub dir: TextDirection,
    /// The locale's own name for its language ("Español").
    pub language_name: String,
    /// The title.
    pub title: String,
    /// The summary.
    pub summary: Option<String>,
    /// The facts, unchanged.
    pub facts: BTreeMap<String, Fact>,
    /// Page furniture by key.
    pub ui: BTreeMap<String, String>,
    /// The sections.
    pub sections: Vec<LocalizedSection>,
    /// The messages that fell back to another locale, sorted by message.
    pub fallbacks: Vec<FallbackRecord>,
    /// The locale's fallback chain, itself first.
    pub fallback_chain: Vec<String>,
}

/// A localized section.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalizedSection {
    /// The section id.
    pub id: String,
    /// The heading.
    pub heading: String,
    /// The blocks.
    pub blocks: Vec<LocalizedBlock>,
}

/// A localized question and answer.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalizedQa {
    /// The question.
    pub question: String,
    /// The answer.
    pub answer: String,
}

/// A localized contact block. Each channel carries its text, note and the facts it
/// needs, already resolved.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LocalizedContact {
    /// The heading, if any.
    pub heading: Option<String>,
    /// Call: text, note, phone number.
    pub call: Option<(String, Option<String>, String)>,
    /// SMS: text, note, short code, keyword.
    pub sms: Option<(String, Option<String>, String, String)>,
    /// Chat: text, note, URL.
    pub chat: Option<(String, Option<String>, String)>,
}

/// A localized block.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum LocalizedBlock {
    /// A sub-heading.
    Heading(String),
    /// A paragraph.
    Paragraph(String),
    /// A list.
    List {
        /// Numbered when true.
        ordered: bool,
        /// The items.
        items: Vec<String>,
    },
    /// Questions and answers.
    Qa(Vec<LocalizedQa>),
    /// A notice.
    Callout {
        /// The tone.
        tone: CalloutTone,
        /// The title.
        title: Option<String>,
        /// The text.
        text: String,
    },
    /// A call to action.
    Link {
        /// The link text.
        text: String,
        /// The target URL (already validated).
        href: String,
    },
    /// Ways to reach help.
    Contact(LocalizedContact),
    /// Leave the page at once.
    QuickExit {
        /// The label.
        label: String,
        /// The explanation.
        hint: Option<String>,
        /// Where to go.
        href: String,
    },
}

impl LocalizedDocument {
    /// The quick-exit block, wherever it is in the document.
    pub fn quick_exit(&self) -> Option<(&str, Option<&str>, &str)> {
        self.blocks().find_map(|b| match b {
            LocalizedBlock::QuickExit { label, hint, href } => {
                Some((label.as_str(), hint.as_deref(), href.as_str()))
            }
            _ => None,
        })
    }

    /// Every block of every section, in order.
    pub fn blocks(&self) -> impl Iterator<Item = &LocalizedBlock> {
        self.sections.iter().flat_map(|s| &s.blocks)
    }
}

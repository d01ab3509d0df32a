use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic};
use crate::model::{
    Block, CalloutTone, Contact, Document, Fact, FactRef, MessageRef, QaPair, Section,
    is_identifier,
};

/// A value read from user input, with the problems found while reading it.
#[derive(Clone, Debug)]
pub struct Parsed<T> {
    /// What could be read; `None` when nothing usable was left.
    pub value: Option<T>,
    /// Every problem found, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads one content document from TOML. `file` names the file in diagnostics.
///
/// Never fails: syntax errors, unknown fields or block types, duplicate ids and
/// invalid facts are reported as diagnostics. The document is returned whenever its
/// top level could be read, with the faulty blocks left out.
pub fn parse_document(file: &str, text: &str) -> Parsed<Document> {
    let mut cx = Cx { file, diags: Vec::new() };
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for err in errors {
            let span = err.span().unwrap_or(0..0);
            let msg = err.message().trim().to_owned();
            cx.diags.push(
                Diagnostic::new(Code::ContentSyntax, format!("invalid TOML: {msg}")).at(file, span),
            );
        }
        return Parsed { value: None, diagnostics: cx.diags };
    }
    let value = cx.document(&root);
    Parsed { value, diagnostics: cx.diags }
}

/// The ids of `defined` messages that no document refers to, sorted.
pub fn unused_messages<'a>(
    docs: impl IntoIterator<Item = &'a Document>,
    defined: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    let used: HashSet<&str> =
        docs.into_iter().flat_map(|d| d.message_refs()).map(|r| r.id.as_str()).collect();
    let unused: BTreeSet<&str> = defined.into_iter().filter(|id| !used.contains(id)).collect();
    unused.into_iter().collect()
}

struct Cx<'f> {
    file: &'f str,
    diags: Vec<Diagnostic>,
}

/// A table being read: remembers which keys were used so unknown ones can be reported.
struct Obj<'t, 'i> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    what: String,
    used: Vec<&'static str>,
}

impl<'t, 'i> Obj<'t, 'i> {
    fn new(table: &'t DeTable<'i>, span: Range<usize>, what: impl Into<String>) -> Self {
        Obj { table, span, what: what.into(), used: Vec::new() }
    }

    fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.used.push(key);
        self.table.get(key)
    }
}

impl Cx<'_> {
    fn error(&mut self, code: Code, span: Range<usize>, text: String) {
        self.diags.push(Diagnostic::new(code, text).at(self.file, span));
    }

    fn finish(&mut self, obj: Obj<'_, '_>) {
        for (key, _) in obj.table.iter() {
            if !obj.used.contains(&key.get_ref().as_ref()) {
                let expected = obj.used.join("`, `");
                self.diags.push(
                    Diagnostic::new(
                        Code::InvalidContent,
                        format!("unknown field `{}` in {}", key.get_ref(), obj.what),
                    )
                    .at(self.file, key.span())
                    .with_note(format!("expected one of `{expected}`")),
                );
            }
        }
    }

    fn string<'v>(
        &mut self,
        obj: &mut Obj<'v, '_>,
        key: &'static str,
        required: bool,
    ) -> Option<(&'v str, Range<usize>)> {
        match obj.get(key) {
            Some(v) => match v.get_ref() {
                DeValue::String(s) => Some((s.as_ref(), v.span())),
                other => {
                    let what = obj.what.clone();
                    self.error(
                        Code::InvalidContent,
                        v.span(),
                        format!("`{key}` in {what} must be a string, found {}", other.type_str()),
                    );
                    None
                }
            },
            None => {
                if required {
                    let (span, what) = (obj.span.clone(), obj.what.clone());
                    self.error(
                        Code::InvalidContent,
                        span.start..span.start,
                        format!("{what} has no `{key}`"),
                    );
                }
                None
            }
        }
    }

    fn message(
        &mut self,
        obj: &mut Obj<'_, '_>,
        key: &'static str,
        required: bool,
    ) -> Option<MessageRef> {
        let (text, span) = self.string(obj, key, required)?;
        self.message_ref(text, span)
    }

    fn message_ref(&mut self, text: &str, span: Range<usize>) -> Option<MessageRef> {
        let parsed = MessageRef::parse(text, span.clone());
        if parsed.is_none() {
            self.error(
                Code::InvalidContent,
                span,
                format!("`{text}` is not a message id (expected `id` or `id.attribute`)"),
            );
        }
        parsed
    }

    fn fact_ref(
        &mut self,
        obj: &mut Obj<'_, '_>,
        key: &'static str,
        facts: &BTreeMap<String, Fact>,
        allowed: &[&str],
    ) -> Option<FactRef> {
        let (name, span) = self.string(obj, key, true)?;
        match facts.get(name) {
            None => {
                self.error(Code::InvalidFact, span, format!("no fact named `{name}` in `[facts]`"));
                None
            }
            Some(fact) if !allowed.contains(&fact.kind()) => {
                self.error(
                    Code::InvalidFact,
                    span,
                    format!(
                        "`{key}` needs a fact of type {}, but `{name}` is a {}",
                        allowed.join(" or "),
                        fact.kind()
                    ),
                );
                None
            }
            Some(_) => Some(FactRef { name: name.to_owned(), span }),
        }
    }

    fn array<'v, 'i>(
        &mut self,
        obj: &mut Obj<'v, 'i>,
        key: &'static str,
    ) -> Option<&'v [Spanned<DeValue<'i>>]> {
        let v = obj.get(key)?;
        match v.get_ref() {
            DeValue::Array(items) => Some(items),
            other => {
                let what = obj.what.clone();
                self.error(
                    Code::InvalidContent,
                    v.span(),
                    format!("`{key}` in {what} must be an array, found {}", other.type_str()),
                );
                None
            }
        }
    }

    fn document(&mut self, root: &Spanned<DeTable<'_>>) -> Option<Document> {
        let mut obj = Obj::new(root.get_ref(), root.span(), "the document");
        let id = self.string(&mut obj, "id", true).and_then(|(id, span)| {
            let valid = !id.is_empty()
                && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !id.starts_with('-');
            if !valid {
                self.error(
                    Code::InvalidContent,
                    span,
                    format!("document id `{id}` must be lowercase ASCII letters, digits and `-`"),
                );
            }
            valid.then(|| id.to_owned())
        });
        let title = self.message(&mut obj, "title", true);
        let summary = self.message(&mut obj, "summary", false);
        let facts = self.facts(&mut obj);
        let ui = self.ui(&mut obj);
        let sections = self.sections(&mut obj, &facts);
        self.finish(obj);
        Some(Document { id: id?, title: title?, summary, facts, ui, sections })
    }

    fn facts(&mut self, obj: &mut Obj<'_, '_>) -> BTreeMap<String, Fact> {
        let mut facts = BTreeMap::new();
        let Some(v) = obj.get("facts") else { return facts };
        let DeValue::Table(table) = v.get_ref() else {
            self.error(Code::InvalidContent, v.span(), "`facts` must be a table".into());
            return facts;
        };
        for (name, value) in table.iter() {
            let name_str = name.get_ref().as_ref();
            if !is_identifier(name_str) {
                self.error(
                    Code::InvalidFact,
                    name.span(),
                    format!("fact name `{name_str}` is not a valid Fluent variable name"),
                );
                continue;
            }
            if let Some(fact) = self.fact(name_str, value) {
                facts.insert(name_str.to_owned(), fact);
            }
        }
        facts
    }

    fn fact(&mut self, name: &str, value: &Spanned<DeValue<'_>>) -> Option<Fact> {
        const KINDS: &str = "phone, short-code, keyword, url, email, number or text";
        let table = match value.get_ref() {
            DeValue::Table(t) if t.len() == 1 => t,
            _ => {
                self.error(
                    Code::InvalidFact,
                    value.span(),
                    format!("fact `{name}` must be a table with one typed value, for example `{name} = {{ phone = \"1-800-555-0100\" }}`"),
                );
                return None;
            }
        };
        let (kind, v) = table.iter().next()?;
        let kind_str = kind.get_ref().as_ref();
        if kind_str == "number" {
            return match v.get_ref().as_integer().and_then(|i| i.as_str().parse::<i64>().ok()) {
                Some(n) => Some(Fact::Number(n)),
                None => {
                    self.error(
                        Code::InvalidFact,
                        v.span(),
                        format!("fact `{name}` must be a whole number"),
                    );
                    None
                }
            };
        }
        let Some(s) = v.get_ref().as_str() else {
            self.error(Code::InvalidFact, v.span(), format!("fact `{name}` must be a string"));
            return None;
        };
        let fact = match kind_str {
            "phone" => Fact::Phone(s.to_owned()),
            "short-code" => Fact::ShortCode(s.to_owned()),
            "keyword" => Fact::Keyword(s.to_owned()),
            "url" => Fact::Url(s.to_owned()),
            "email" => Fact::Email(s.to_owned()),
            "text" => Fact::Text(s.to_owned()),
            _ => {
                self.error(
                    Code::InvalidFact,
                    kind.span(),
                    format!("unknown fact type `{kind_str}` (expected {KINDS})"),
                );
                return None;
            }
        };
        if let Err(why) = validate_fact(&fact) {
            self.error(Code::InvalidFact, v.span(), format!("fact `{name}`: {why}"));
            return None;
        }
        Some(fact)
    }

    fn ui(&mut self, obj: &mut Obj<'_, '_>) -> BTreeMap<String, MessageRef> {
        let mut ui = BTreeMap::new();
        let Some(v) = obj.get("ui") else { return ui };
        let DeValue::Table(table) = v.get_ref() else {
            self.error(Code::InvalidContent, v.span(), "`ui` must be a table".into());
            return ui;
        };
        for (key, value) in table.iter() {
            let Some(s) = value.get_ref().as_str() else {
                self.error(
                    Code::InvalidContent,
                    value.span(),
                    format!("`ui.{}` must be a message id", key.get_ref()),
                );
                continue;
            };
            if let Some(r) = self.message_ref(s, value.span()) {
                ui.insert(key.get_ref().to_string(), r);
            }
        }
        ui
    }

    fn sections(&mut self, obj: &mut Obj<'_, '_>, facts: &BTreeMap<String, Fact>) -> Vec<Section> {
        let mut sections = Vec::new();
        let mut seen: BTreeMap<String, Range<usize>> = BTreeMap::new();
        let Some(items) = self.array(obj, "sections") else {
            let span = obj.span.start..obj.span.start;
            self.error(Code::InvalidContent, span, "the document has no `[[sections]]`".into());
            return sections;
        };
        for (i, item) in items.iter().enumerate() {
            let DeValue::Table(table) = item.get_ref() else {
                self.error(Code::InvalidContent, item.span(), "a section must be a table".into());
                continue;
            };
            let mut sobj = Obj::new(table, item.span(), format!("section {}", i + 1));
            let id = self.string(&mut sobj, "id", true).map(|(s, span)| (s.to_owned(), span));
            let heading = self.message(&mut sobj, "heading", true);
            let blocks = self.blocks(&mut sobj, facts);
            self.finish(sobj);
            let (Some((id, id_span)), Some(heading)) = (id, heading) else { continue };
            if let Some(first) = seen.get(&id) {
                let (line, _) = (first.start, 0);
                self.diags.push(
                    Diagnostic::new(Code::DuplicateId, format!("section id `{id}` is used twice"))
                        .at(self.file, id_span)
                        .with_note(format!("first used at byte {line}")),
                );
                continue;
            }
            seen.insert(id.clone(), id_span);
            sections.push(Section { id, heading, blocks });
        }
        sections
    }

    fn blocks(&mut self, obj: &mut Obj<'_, '_>, facts: &BTreeMap<String, Fact>) -> Vec<Block> {
        let Some(items) = self.array(obj, "blocks") else { return Vec::new() };
        let mut blocks = Vec::new();
        for item in items {
            let DeValue::Table(table) = item.get_ref() else {
                self.error(Code::InvalidContent, item.span(), "a block must be a table".into());
                continue;
            };
            if let Some(block) = self.block(table, item.span(), facts) {
                blocks.push(block);
            }
        }
        blocks
    }

    fn block(
        &mut self,
        table: &DeTable<'_>,
        span: Range<usize>,
        facts: &BTreeMap<String, Fact>,
    ) -> Option<Block> {
        const KINDS: &str = "heading, paragraph, list, qa, callout, link, contact, quick-exit";
        let mut obj = Obj::new(table, span, "a block");
        let (kind, kind_span) = self.string(&mut obj, "type", true)?;
        obj.what = format!("a `{kind}` block");
        let block = match kind {
            "heading" => self.message(&mut obj, "text", true).map(|text| Block::Heading { text }),
            "paragraph" => {
                self.message(&mut obj, "text", true).map(|text| Block::Paragraph { text })
            }
            "list" => {
                let ordered = match obj.get("ordered").map(|v| (v.get_ref().as_bool(), v.span())) {
                    None => false,
                    Some((Some(b), _)) => b,
                    Some((None, s)) => {
                        self.error(
                            Code::InvalidContent,
                            s,
                            "`ordered` must be true or false".into(),
                        );
                        false
                    }
                };
                let items = self.array(&mut obj, "items").unwrap_or_default();
                let items: Vec<MessageRef> = items
                    .iter()
                    .filter_map(|v| match v.get_ref().as_str() {
                        Some(s) => self.message_ref(s, v.span()),
                        None => {
                            self.error(
                                Code::InvalidContent,
                                v.span(),
                                "list items must be message ids".into(),
                            );
                            None
                        }
                    })
                    .collect();
                self.non_empty(&items, &obj).then_some(Block::List { ordered, items })
            }
            "qa" => {
                let raw = self.array(&mut obj, "items").unwrap_or_default();
                let mut items = Vec::new();
                for v in raw {
                    let DeValue::Table(t) = v.get_ref() else {
                        self.error(
                            Code::InvalidContent,
                            v.span(),
                            "qa items must be tables with `question` and `answer`".into(),
                        );
                        continue;
                    };
                    let mut pobj = Obj::new(t, v.span(), "a question");
                    let question = self.message(&mut pobj, "question", true);
                    let answer = self.message(&mut pobj, "answer", true);
                    self.finish(pobj);
                    if let (Some(question), Some(answer)) = (question, answer) {
                        items.push(QaPair { question, answer });
                    }
                }
                self.non_empty(&items, &obj).then_some(Block::Qa { items })
            }
            "callout" => {
                let tone = match self.string(&mut obj, "tone", false) {
                    None | Some(("info", _)) => CalloutTone::Info,
                    Some(("important", _)) => CalloutTone::Important,
                    Some(("warning", _)) => CalloutTone::Warning,
                    Some((other, s)) => {
                        self.error(
                            Code::InvalidContent,
                            s,
                            format!("unknown tone `{other}` (expected info, important or warning)"),
                        );
                        CalloutTone::Info
                    }
                };
                let title = self.message(&mut obj, "title", false);
                self.message(&mut obj, "text", true).map(|text| Block::Callout {
                    tone,
                    title,
                    text,
                })
            }
            "link" => {
                let text = self.message(&mut obj, "text", true);
                let url = self.fact_ref(&mut obj, "url", facts, &["url", "phone", "email"]);
                Some(Block::Link { text: text?, url: url? })
            }
            "quick-exit" => {
                let label = self.message(&mut obj, "label", true);
                let hint = self.message(&mut obj, "hint", false);
                let url = self.fact_ref(&mut obj, "url", facts, &["url"]);
                Some(Block::QuickExit { label: label?, hint, url: url? })
            }
            "contact" => self.contact(&mut obj, facts).map(|c| Block::Contact(Box::new(c))),
            other => {
                self.error(
                    Code::InvalidContent,
                    kind_span,
                    format!("unknown block type `{other}` (expected one of {KINDS})"),
                );
                return None;
            }
        };
        self.finish(obj);
        block
    }

    fn non_empty<T>(&mut self, items: &[T], obj: &Obj<'_, '_>) -> bool {
        if items.is_empty() {
            let what = obj.what.clone();
            self.error(Code::InvalidContent, obj.span.clone(), format!("{what} has no items"));
        }
        !items.is_empty()
    }

    fn contact(
        &mut self,
        obj: &mut Obj<'_, '_>,
        facts: &BTreeMap<String, Fact>,
    ) -> Option<Contact> {
        let heading = self.message(obj, "heading", false);
        let call = match self.message(obj, "call", false) {
            Some(text) => {
                let note = self.message(obj, "call-note", false);
                self.fact_ref(obj, "phone", facts, &["phone"]).map(|p| (text, note, p))
            }
            None => None,
        };
        let sms = match self.message(obj, "sms", false) {
            Some(text) => {
                let note = self.message(obj, "sms-note", false);
                let code = self.fact_ref(obj, "short-code", facts, &["short-code", "phone"]);
                let keyword = self.fact_ref(obj, "keyword", facts, &["keyword"]);
                code.zip(keyword).map(|(c, k)| (text, note, c, k))
            }
            None => None,
        };
        let chat = match self.message(obj, "chat", false) {
            Some(text) => {
                let note = self.message(obj, "chat-note", false);
                self.fact_ref(obj, "chat-url", facts, &["url"]).map(|u| (text, note, u))
            }
            None => None,
        };
        // Keys of channels that were not given are still known keys.
        for key in
            ["call-note", "phone", "sms-note", "short-code", "keyword", "chat-note", "chat-url"]
        {
            obj.used.push(key);
        }
        if call.is_none() && sms.is_none() && chat.is_none() {
            let span = obj.span.clone();
            self.error(
                Code::InvalidContent,
                span,
                "a `contact` block needs at least one of `call`, `sms`, `chat`".into(),
            );
            return None;
        }
        Some(Contact { heading, call, sms, chat })
    }
}

/// Invisible characters that change how a URL reads without changing what it is:
/// bidi controls, zero-width characters and the byte-order mark.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Checks a fact's value: the URL schemes that are safe to link to, phone numbers made
/// of digits and separators, short codes of digits.
fn validate_fact(fact: &Fact) -> Result<(), String> {
    match fact {
        Fact::Phone(p) => {
            let ok_chars = p.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
            let digits = p.chars().filter(char::is_ascii_digit).count();
            if !ok_chars || digits < 3 {
                return Err(format!(
                    "`{p}` is not a phone number (digits, spaces, + - ( ) . only)"
                ));
            }
        }
        Fact::ShortCode(c) => {
            if c.is_empty() || !c.chars().all(|c| c.is_ascii_digit()) {
                return Err(format!("`{c}` is not a short code (digits only)"));
            }
        }
        Fact::Keyword(k) => {
            if k.trim().is_empty() || k.chars().any(char::is_whitespace) {
                return Err(format!("`{k}` is not a keyword (one word, no spaces)"));
            }
        }
        Fact::Url(u) => {
            let scheme = u.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
            match scheme.as_deref() {
                Some("http" | "https" | "tel" | "sms" | "mailto") => {}
                _ => {
                    return Err(format!(
                        "`{}` is not an allowed URL (schemes: http, https, tel, sms, mailto)",
                        u.escape_debug()
                    ));
                }
            }
            if u.chars().any(|c| c.is_whitespace() || c.is_control() || is_invisible_format(c)) {
                return Err(format!(
                    "`{}` contains white space, control or bidi characters",
                    u.escape_debug()
                ));
            }
        }
        Fact::Email(e) => {
            let parts: Vec<&str> = e.split('@').collect();
            if parts.len() != 2
                || parts.iter().any(|p| p.is_empty())
                || e.contains(char::is_whitespace)
            {
                return Err(format!("`{e}` is not an e-mail address"));
            }
        }
        Fact::Number(_) | Fact::Text(_) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests;

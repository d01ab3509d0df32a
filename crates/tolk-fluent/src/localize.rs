use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentValue};
use tolk_content::{
    Block, Code, Diagnostic, Document, Fact, FallbackRecord, LocalizedBlock, LocalizedContact,
    LocalizedDocument, LocalizedQa, LocalizedSection, MessageRef, TextDirection,
};
use unic_langid::CharacterDirection;

use crate::catalog::{Catalog, LocaleCatalog};
use crate::locale::Error;

/// Resolves every message of `doc` in locale `tag`, falling back message by message
/// along the locale's chain. The document's facts are passed to every message as
/// Fluent variables named after them.
///
/// `language_name` is the locale's name for its own language (for language menus).
/// Formatting problems come back as `format-error` diagnostics; a message missing
/// from the whole chain renders as its id.
pub fn localize(
    doc: &Document,
    catalog: &Catalog,
    tag: &str,
    language_name: &str,
) -> Result<(LocalizedDocument, Vec<Diagnostic>), Error> {
    let chain_tags = catalog.fallback_chain(tag).ok_or_else(|| Error::UnknownLocale(tag.into()))?;
    let chain: Vec<&LocaleCatalog> = chain_tags.iter().filter_map(|t| catalog.locale(t)).collect();
    let own = chain[0];
    let mut args = FluentArgs::new();
    for (name, fact) in &doc.facts {
        match fact {
            Fact::Number(n) => args.set(name.as_str(), FluentValue::from(*n)),
            other => args.set(name.as_str(), FluentValue::from(other.display())),
        }
    }
    let mut l = Localizer { chain: &chain, args, fallbacks: BTreeMap::new(), diags: Vec::new() };
    let fact = |name: &str| doc.facts.get(name).map(Fact::display).unwrap_or_default();
    let href = |name: &str| doc.facts.get(name).and_then(Fact::href).unwrap_or_default();

    let title = l.text(&doc.title);
    let summary = doc.summary.as_ref().map(|m| l.text(m));
    let ui = doc.ui.iter().map(|(k, m)| (k.clone(), l.text(m))).collect();
    let sections = doc
        .sections
        .iter()
        .map(|s| LocalizedSection {
            id: s.id.clone(),
            heading: l.text(&s.heading),
            blocks: s
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Heading { text } => LocalizedBlock::Heading(l.text(text)),
                    Block::Paragraph { text } => LocalizedBlock::Paragraph(l.text(text)),
                    Block::List { ordered, items } => LocalizedBlock::List {
                        ordered: *ordered,
                        items: items.iter().map(|i| l.text(i)).collect(),
                    },
                    Block::Qa { items } => LocalizedBlock::Qa(
                        items
                            .iter()
                            .map(|p| LocalizedQa {
                                question: l.text(&p.question),
                                answer: l.text(&p.answer),
                            })
                            .collect(),
                    ),
                    Block::Callout { tone, title, text } => LocalizedBlock::Callout {
                        tone: *tone,
                        title: title.as_ref().map(|t| l.text(t)),
                        text: l.text(text),
                    },
                    Block::Link { text, url } => {
                        LocalizedBlock::Link { text: l.text(text), href: href(&url.name) }
                    }
                    Block::QuickExit { label, hint, url } => LocalizedBlock::QuickExit {
                        label: l.text(label),
                        hint: hint.as_ref().map(|h| l.text(h)),
                        href: href(&url.name),
                    },
                    Block::Contact(c) => LocalizedBlock::Contact(LocalizedContact {
                        heading: c.heading.as_ref().map(|h| l.text(h)),
                        call: c.call.as_ref().map(|(t, n, p)| {
                            (l.text(t), n.as_ref().map(|n| l.text(n)), fact(&p.name))
                        }),
                        sms: c.sms.as_ref().map(|(t, n, code, kw)| {
                            (
                                l.text(t),
                                n.as_ref().map(|n| l.text(n)),
                                fact(&code.name),
                                fact(&kw.name),
                            )
                        }),
                        chat: c.chat.as_ref().map(|(t, n, u)| {
                            (l.text(t), n.as_ref().map(|n| l.text(n)), href(&u.name))
                        }),
                    }),
                    // Block is non-exhaustive; a new kind must be handled here.
                    #[allow(unreachable_patterns)]
                    _ => LocalizedBlock::Paragraph(String::new()),
                })
                .collect(),
        })
        .collect();
    let dir = match own.langid().character_direction() {
        CharacterDirection::RTL => TextDirection::Rtl,
        _ => TextDirection::Ltr,
    };
    let fallbacks = l
        .fallbacks
        .into_iter()
        .map(|(message, locale)| FallbackRecord { message, locale })
        .collect();
    let localized = LocalizedDocument {
        id: doc.id.clone(),
        locale: own.tag().to_owned(),
        dir,
        language_name: language_name.to_owned(),
        title,
        summary,
        facts: doc.facts.clone(),
        ui,
        sections,
        fallbacks,
        fallback_chain: chain_tags.to_vec(),
    };
    let mut diags = l.diags;
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
    Ok((localized, diags))
}

struct Localizer<'c, 'a> {
    chain: &'c [&'c LocaleCatalog],
    args: FluentArgs<'a>,
    fallbacks: BTreeMap<String, String>,
    diags: Vec<Diagnostic>,
}

impl Localizer<'_, '_> {
    fn text(&mut self, m: &MessageRef) -> String {
        for (i, locale) in self.chain.iter().enumerate() {
            let bundle = locale.bundle();
            let Some(message) = bundle.get_message(&m.id) else { continue };
            let pattern = match &m.attribute {
                Some(a) => message.get_attribute(a.as_str()).map(|a| a.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&self.args), &mut errors);
            for err in errors {
                let mut d = Diagnostic::new(
                    Code::FormatError,
                    format!("`{}` in `{}`: {err}", m.key(), locale.tag()),
                )
                .in_locale(locale.tag())
                .for_message(m.key());
                if let Some(entry) = locale.entries().get(&m.id) {
                    d = d.at(&*entry.file, entry.span.clone());
                }
                self.diags.push(d);
            }
            if i > 0 {
                self.fallbacks.insert(m.key(), locale.tag().to_owned());
            }
            return text.into_owned();
        }
        self.diags.push(
            Diagnostic::new(
                Code::UndefinedMessage,
                format!("`{}` is not defined in any locale of the chain", m.key()),
            )
            .in_locale(self.chain[0].tag())
            .for_message(m.key()),
        );
        m.key()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SourceFile, load_locale};

    const DOC: &str = r#"
id = "d"
title = "title"
[facts]
phone = { phone = "1-888-373-7888" }
count = { number = 1 }
[[sections]]
id = "s"
heading = "heading"
blocks = [
  { type = "paragraph", text = "call" },
  { type = "paragraph", text = "things" },
]
"#;

    fn catalog(locales: &[(&str, &str)]) -> Catalog {
        let cats = locales
            .iter()
            .map(|(tag, text)| {
                load_locale(tag, vec![SourceFile::new(format!("{tag}/a.ftl"), *text)]).unwrap().0
            })
            .collect();
        Catalog::new("en-US", cats, &BTreeMap::new()).unwrap()
    }

    #[test]
    fn falls_back_message_by_message_and_records_it() {
        let cat = catalog(&[
            (
                "en-US",
                "title = Title\nheading = Heading\ncall = Call { $phone }\nthings = { $count ->\n    [one] one thing\n   *[other] { $count } things\n}\n",
            ),
            ("ar", "title = العنوان\ncall = اتصل على { $phone }\n"),
        ]);
        let doc = tolk_content::parse_document("d.toml", DOC).value.unwrap();
        let (l, diags) = localize(&doc, &cat, "ar", "العربية").unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(l.dir, TextDirection::Rtl);
        assert_eq!(l.title, "العنوان");
        assert_eq!(l.sections[0].heading, "Heading");
        assert_eq!(
            l.sections[0].blocks[0],
            LocalizedBlock::Paragraph("اتصل على \u{2068}1-888-373-7888\u{2069}".into())
        );
        // Plural selection in the fallback locale's rules.
        assert_eq!(l.sections[0].blocks[1], LocalizedBlock::Paragraph("one thing".into()));
        let fell: Vec<_> =
            l.fallbacks.iter().map(|f| (f.message.as_str(), f.locale.as_str())).collect();
        assert_eq!(fell, [("heading", "en-US"), ("things", "en-US")]);
        assert_eq!(l.fallback_chain, ["ar", "en-US"]);
    }

    #[test]
    fn unknown_locale_is_an_error() {
        let cat = catalog(&[("en-US", "title = T\n")]);
        let doc = tolk_content::parse_document("d.toml", DOC).value.unwrap();
        assert_eq!(localize(&doc, &cat, "fr", "").unwrap_err(), Error::UnknownLocale("fr".into()));
    }
}

use std::collections::BTreeSet;

use tolk_content::{Code, Diagnostic, Document, Severity, unused_messages};

use crate::catalog::LocaleCatalog;

/// How much of the source locale a locale translates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Messages and terms in the source locale.
    pub messages_total: usize,
    /// Of those, how many the locale defines.
    pub messages_translated: usize,
    /// Words of source text.
    pub words_total: usize,
    /// Source words of the messages the locale defines.
    pub words_translated: usize,
}

impl Coverage {
    /// Translated messages as a fraction (1.0 when the source is empty).
    pub fn ratio(&self) -> f64 {
        if self.messages_total == 0 {
            1.0
        } else {
            self.messages_translated as f64 / self.messages_total as f64
        }
    }

    /// Translated words as a fraction (1.0 when the source has no words).
    pub fn word_ratio(&self) -> f64 {
        if self.words_total == 0 {
            1.0
        } else {
            self.words_translated as f64 / self.words_total as f64
        }
    }
}

/// The result of checking one locale against the source locale.
#[derive(Clone, Debug)]
pub struct LocaleReport {
    /// The locale's tag.
    pub locale: String,
    /// Its coverage.
    pub coverage: Coverage,
    /// What was found, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Compares `target` with `source`: `missing-message` (with `missing` severity: an
/// error for a locale that must be complete, a warning for one in progress),
/// `obsolete-message` and `unknown-variable`, and measures coverage.
pub fn check_locale(
    source: &LocaleCatalog,
    target: &LocaleCatalog,
    missing: Severity,
) -> LocaleReport {
    let tag = target.tag();
    let mut diags = Vec::new();
    let mut coverage = Coverage::default();
    for (id, src) in source.entries() {
        coverage.messages_total += 1;
        coverage.words_total += src.words;
        let Some(tr) = target.entries().get(id) else {
            let file = match target.dir() {
                Some(dir) => format!("{dir}{}", src.resource),
                None => src.resource.clone(),
            };
            diags.push(
                Diagnostic::new(Code::MissingMessage, format!("`{id}` is missing in `{tag}`"))
                    .with_severity(missing)
                    .in_file(file)
                    .in_locale(tag)
                    .for_message(id),
            );
            continue;
        };
        coverage.messages_translated += 1;
        coverage.words_translated += src.words;
        let known = src.variable_names();
        let mut reported = BTreeSet::new();
        for (name, span) in &tr.variables {
            if !known.contains(name.as_str()) && reported.insert(name.as_str()) {
                let mut d = Diagnostic::new(
                    Code::UnknownVariable,
                    format!("`{id}` uses `${name}`, which the source message does not have"),
                )
                .at(&tr.file, span.clone())
                .in_locale(tag)
                .for_message(id);
                if !known.is_empty() {
                    let list: Vec<String> = known.iter().map(|k| format!("${k}")).collect();
                    d = d.with_note(format!("the source uses {}", list.join(", ")));
                }
                diags.push(d);
            }
        }
    }
    for (id, tr) in target.entries() {
        if !source.entries().contains_key(id) {
            diags.push(
                Diagnostic::new(
                    Code::ObsoleteMessage,
                    format!("`{id}` is not in the source locale `{}`", source.tag()),
                )
                .at(&tr.file, tr.span.clone())
                .in_locale(tag)
                .for_message(id),
            );
        }
    }
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    LocaleReport { locale: tag.to_owned(), coverage, diagnostics: diags }
}

/// Checks documents against the source locale: every message a document uses must be
/// defined there (`undefined-message`), and every source message should be used by
/// some document (`unused-message`). `docs` pairs each document with its file.
pub fn check_documents(docs: &[(&str, &Document)], source: &LocaleCatalog) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (file, doc) in docs {
        for m in doc.message_refs() {
            if !source.has(&m.id, m.attribute.as_deref()) {
                let what = match (&m.attribute, source.entries().contains_key(&m.id)) {
                    (Some(a), true) => format!("`{}` has no attribute `{a}`", m.id),
                    (None, true) => format!("`{}` has no value", m.id),
                    _ => format!("`{}` is not defined", m.id),
                };
                diags.push(
                    Diagnostic::new(
                        Code::UndefinedMessage,
                        format!("{what} in the source locale `{}`", source.tag()),
                    )
                    .at(*file, m.span.clone())
                    .for_message(m.key()),
                );
            }
        }
    }
    let defined = source.entries().keys().filter(|id| !id.starts_with('-')).map(String::as_str);
    for id in unused_messages(docs.iter().map(|(_, d)| *d), defined) {
        let entry = &source.entries()[id];
        diags.push(
            Diagnostic::new(Code::UnusedMessage, format!("`{id}` is not used by any document"))
                .at(&entry.file, entry.span.clone())
                .in_locale(source.tag())
                .for_message(id),
        );
    }
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags
}

#[cfg(test)]
mod tests;

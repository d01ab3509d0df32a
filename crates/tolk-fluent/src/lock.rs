//! `tolk.lock`: which source text each translation was made from, so that a
//! changed source can be detected without renaming message ids.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use tolk_content::{Code, Diagnostic};

use crate::index::{Entry, LocaleIndex};

/// The version of the lock file format.
pub const LOCK_VERSION: u32 = 1;

/// What the lock records for one translated message.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockEntry {
    /// Hash of the source message the translation was made from.
    pub source: String,
    /// Hash of the translation.
    pub translation: String,
}

/// The whole lock file: source texts by hash, and per locale and message the hashes
/// of the source and of the translation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    /// Format version.
    pub version: u32,
    /// Source texts by hash (kept so a stale diagnostic can show the old text).
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
    /// Locale -> message id -> entry.
    #[serde(default)]
    pub locales: BTreeMap<String, BTreeMap<String, LockEntry>>,
}

/// One locale's part of a lock, as a check uses it.
#[derive(Clone, Copy, Debug)]
pub struct LockedLocale<'a> {
    entries: &'a BTreeMap<String, LockEntry>,
    sources: &'a BTreeMap<String, String>,
}

impl LockedLocale<'_> {
    /// A `stale-translation` diagnostic when the source changed since the lock and
    /// the translation did not. Needs entries indexed with hashes.
    pub(crate) fn stale(&self, id: &str, src: &Entry, tr: &Entry, tag: &str) -> Option<Diagnostic> {
        let locked = self.entries.get(id)?;
        let (src_hash, tr_hash) = (src.hash.as_deref()?, tr.hash.as_deref()?);
        if locked.source == src_hash || locked.translation != tr_hash {
            return None;
        }
        let old = self.sources.get(&locked.source).map_or("(unknown)", String::as_str);
        let new = src.source.as_deref().unwrap_or("");
        Some(
            Diagnostic::new(
                Code::StaleTranslation,
                format!("`{id}` in `{tag}` was translated from an older source text"),
            )
            .in_locale(tag)
            .for_message(id)
            .at(&*tr.file, tr.span.clone())
            .with_note(format!("source then: {}", old.trim_end()))
            .with_note(format!("source now:  {}", new.trim_end()))
            .with_note(format!(
                "update the translation, or run `tolk lock --accept {tag} {id}` if it is still right"
            )),
        )
    }
}

impl Lock {
    /// Reads a lock file. The error says what is wrong (with line:col).
    pub fn parse(text: &str) -> Result<Lock, String> {
        let lock: Lock = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    let (l, c) = tolk_content::line_col(text, s.start);
                    format!("{l}:{c}: ")
                })
                .unwrap_or_default();
            format!("{at}{}", e.message().trim())
        })?;
        if lock.version != LOCK_VERSION {
            return Err(format!(
                "lock file version {} is not supported (this tolk writes version {LOCK_VERSION})",
                lock.version
            ));
        }
        Ok(lock)
    }

    /// The part of the lock a check of `tag` uses.
    pub fn locale(&self, tag: &str) -> Option<LockedLocale<'_>> {
        self.locales.get(tag).map(|entries| LockedLocale { entries, sources: &self.sources })
    }

    /// Records `target`'s current translations. An entry whose source changed while
    /// its translation did not stays as it was (the translation is still stale),
    /// unless its id is in `accept`. Messages gone from either locale are dropped.
    /// Both indexes must carry hashes.
    pub fn update(
        &mut self,
        source: &LocaleIndex,
        target: &LocaleIndex,
        accept: &BTreeSet<String>,
    ) {
        let old = self.locales.remove(target.tag()).unwrap_or_default();
        let mut new = BTreeMap::new();
        for (id, tr) in target.entries() {
            let Some(src) = source.entries().get(id) else { continue };
            let (Some(src_hash), Some(tr_hash)) = (&src.hash, &tr.hash) else { continue };
            let current = LockEntry { source: src_hash.clone(), translation: tr_hash.clone() };
            let entry = match old.get(id) {
                Some(locked)
                    if locked.source != *src_hash
                        && locked.translation == *tr_hash
                        && !accept.contains(id) =>
                {
                    locked.clone()
                }
                _ => current,
            };
            new.insert(id.clone(), entry);
        }
        for src in source.entries().values() {
            if let (Some(h), Some(text)) = (&src.hash, &src.source) {
                self.sources.insert(h.clone(), text.clone());
            }
        }
        self.locales.insert(target.tag().to_owned(), new);
    }

    /// Drops locales not in `keep` and source texts no entry refers to.
    pub fn retain_locales(&mut self, keep: &BTreeSet<String>) {
        self.locales.retain(|tag, _| keep.contains(tag));
        let used: BTreeSet<&String> =
            self.locales.values().flat_map(|m| m.values().map(|e| &e.source)).collect();
        self.sources.retain(|h, _| used.contains(h));
    }

    /// The lock file's text: sorted, one line per translated message, stable across
    /// runs so that it diffs well.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
        let key = |s: &str| {
            if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                s.to_owned()
            } else {
                q(s)
            }
        };
        let mut out = String::from(
            "# tolk.lock: the source text each translation was made from.\n\
             # Written by `tolk lock`; commit it. `tolk check` reports a translation as\n\
             # stale when its source text changed since and the translation did not.\n",
        );
        out.push_str(&format!("version = {LOCK_VERSION}\n"));
        for (tag, entries) in &self.locales {
            out.push_str(&format!("\n[locales.{}]\n", key(tag)));
            for (id, e) in entries {
                out.push_str(&format!(
                    "{} = {{ source = {}, translation = {} }}\n",
                    key(id),
                    q(&e.source),
                    q(&e.translation)
                ));
            }
        }
        out.push_str("\n[sources]\n");
        for (hash, text) in &self.sources {
            out.push_str(&format!("{} = {}\n", key(hash), q(text)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CheckOptions, SourceFile, check_locale_with, index_locale};

    fn idx(tag: &str, text: &str) -> LocaleIndex {
        index_locale(tag, &[SourceFile::new(format!("{tag}/a.ftl"), text)], true).unwrap().0
    }

    fn stale(lock: &Lock, src: &LocaleIndex, tr: &LocaleIndex) -> Vec<String> {
        let opts = CheckOptions { locked: lock.locale(tr.tag()), ..CheckOptions::default() };
        check_locale_with(src, tr, &opts)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::StaleTranslation)
            .map(|d| d.message_id.unwrap_or_default())
            .collect()
    }

    #[test]
    fn staleness_workflow() {
        let en1 = idx("en", "a = Call us now\nb = Goodbye\n");
        let fr1 = idx("fr", "a = Appelez-nous\nb = Au revoir\n");
        let mut lock = Lock { version: LOCK_VERSION, ..Lock::default() };
        lock.update(&en1, &fr1, &BTreeSet::new());
        assert!(stale(&lock, &en1, &fr1).is_empty());

        // The source changes: the unchanged translation is stale.
        let en2 = idx("en", "a = Call us at any hour\nb = Goodbye\n");
        assert_eq!(stale(&lock, &en2, &fr1), ["a"]);
        // Locking again does not hide it.
        lock.update(&en2, &fr1, &BTreeSet::new());
        assert_eq!(stale(&lock, &en2, &fr1), ["a"]);
        let d = check_locale_with(
            &en2,
            &fr1,
            &CheckOptions { locked: lock.locale("fr"), ..CheckOptions::default() },
        )
        .diagnostics
        .into_iter()
        .find(|d| d.code == Code::StaleTranslation)
        .unwrap();
        assert!(d.notes[0].contains("Call us now"), "{:?}", d.notes);
        assert!(d.notes[1].contains("Call us at any hour"), "{:?}", d.notes);

        // The translator updates it: not stale, and a new lock records it.
        let fr2 = idx("fr", "a = Appelez-nous à toute heure\nb = Au revoir\n");
        assert!(stale(&lock, &en2, &fr2).is_empty());
        lock.update(&en2, &fr2, &BTreeSet::new());
        assert!(stale(&lock, &en2, &fr2).is_empty());

        // Another source edit, accepted without retranslating.
        let en3 = idx("en", "a = Call us at any hour.\nb = Goodbye\n");
        assert_eq!(stale(&lock, &en3, &fr2), ["a"]);
        lock.update(&en3, &fr2, &BTreeSet::from(["a".to_owned()]));
        assert!(stale(&lock, &en3, &fr2).is_empty());
    }

    #[test]
    fn lock_text_round_trips_and_is_sorted() {
        let en = idx("en", "z = Zed \"quoted\"\n-brand = Tolk\na = A\n");
        let fr = idx("fr", "a = A fr\nz = Zède\n-brand = Tolk\n");
        let mut lock = Lock { version: LOCK_VERSION, ..Lock::default() };
        lock.update(&en, &fr, &BTreeSet::new());
        let text = lock.to_toml();
        assert_eq!(Lock::parse(&text).unwrap(), lock);
        let ids: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("[locales.fr]"))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .map(|l| l.split(' ').next().unwrap())
            .collect();
        assert_eq!(ids, ["-brand", "a", "z"]);
        assert!(Lock::parse("version = 9\n").unwrap_err().contains("version 9"));
        assert!(Lock::parse("version = 1\nbogus = 2\n").unwrap_err().starts_with("2:1: "));
    }
}

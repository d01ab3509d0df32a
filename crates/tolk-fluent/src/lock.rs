//! `tolk.lock`: which source text each translation was made from, so that a
//! changed source can be detected without renaming message ids.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use tolk_content::{Code, Diagnostic};

use crate::index::{Entry, LocaleIndex};

/// The version of the lock file format.
pub const LOCK_VERSION: u32 = 1;

/// What the lock records for one translated message. Other keys in an entry are
/// ignored, and kept by [`Lock::update_text`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct LockEntry {
    /// Hash of the source message the translation was made from.
    pub source: String,
    /// Hash of the translation.
    pub translation: String,
}

/// The whole lock file: source texts by hash, and per locale and message the hashes
/// of the source and of the translation. Keys this version does not know are
/// ignored when reading, and kept by [`Lock::update_text`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
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
        let (src_hash, tr_hash) = (src.hash()?, tr.hash()?);
        if locked.source == src_hash || locked.translation != tr_hash {
            return None;
        }
        let old = self.sources.get(&locked.source).map_or("(unknown)", String::as_str);
        let new = src.source().unwrap_or("");
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
            let (Some(src_hash), Some(tr_hash)) = (src.hash(), tr.hash()) else { continue };
            let current =
                LockEntry { source: src_hash.to_owned(), translation: tr_hash.to_owned() };
            let entry = match old.get(id) {
                Some(locked)
                    if locked.source != src_hash
                        && locked.translation == tr_hash
                        && !accept.contains(id) =>
                {
                    locked.clone()
                }
                _ => current,
            };
            new.insert(id.to_owned(), entry);
        }
        for src in source.entries().values() {
            if let Some(h) = &src.locked {
                self.sources.insert(h.hash.clone(), h.source.clone());
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
                    quote(&e.source),
                    quote(&e.translation)
                ));
            }
        }
        out.push_str("\n[sources]\n");
        for (hash, text) in &self.sources {
            out.push_str(&format!("{} = {}\n", key(hash), quote(text)));
        }
        out
    }

    /// The lock file's text written over `previous`, the file as it was (which
    /// [`Lock::parse`] read): comments, blank lines, and keys and tables this
    /// version does not know stay where they were; entries and source texts are
    /// changed in place, added in sorted order and removed when gone, and the
    /// locale tables are kept sorted. New lines look as [`Lock::to_toml`] writes
    /// them, so the result does not depend on the file's history. Falls back to
    /// [`Lock::to_toml`] when `previous` cannot be edited as TOML.
    pub fn update_text(&self, previous: &str) -> String {
        let Ok(mut doc) = previous.parse::<toml_edit::DocumentMut>() else {
            return self.to_toml();
        };
        if doc.get("version").and_then(toml_edit::Item::as_integer) != Some(i64::from(LOCK_VERSION))
        {
            doc["version"] = toml_edit::value(i64::from(LOCK_VERSION));
        }
        // Room between table positions for new locale tables.
        let room = self.locales.len() + 2;
        scale_positions(doc.as_table_mut(), room);
        let sources_at =
            doc.get("sources").and_then(toml_edit::Item::as_table).and_then(|t| t.position());
        let root = doc.as_table_mut();
        if !root.get("locales").is_some_and(toml_edit::Item::is_table) {
            let mut t = toml_edit::Table::new();
            t.set_implicit(true);
            root.insert("locales", toml_edit::Item::Table(t));
        }
        let Some(locales) = root.get_mut("locales").and_then(toml_edit::Item::as_table_mut) else {
            return self.to_toml();
        };
        locales.retain(|tag, _| self.locales.contains_key(tag));
        // The slots of the existing locale tables, given out again in sorted order;
        // a new table goes right after the one before it (or before the first one,
        // or before `[sources]`).
        let mut slots: Vec<usize> = locales
            .iter()
            .filter_map(|(_, item)| item.as_table().and_then(toml_edit::Table::position))
            .collect();
        slots.sort_unstable();
        let mut slots = slots.into_iter();
        let first_slot = locales
            .iter()
            .filter_map(|(_, item)| item.as_table().and_then(toml_edit::Table::position))
            .min();
        let new_before_first = self.locales.keys().take_while(|t| !locales.contains_key(t)).count();
        let mut next =
            first_slot.or(sources_at).unwrap_or(usize::MAX / 2).saturating_sub(new_before_first);
        for (tag, entries) in &self.locales {
            let table = match locales.get_mut(tag).and_then(toml_edit::Item::as_table_mut) {
                Some(table) => {
                    next = slots.next().unwrap_or(next);
                    table
                }
                None => {
                    locales.insert(tag, toml_edit::Item::Table(toml_edit::Table::new()));
                    match locales.get_mut(tag).and_then(toml_edit::Item::as_table_mut) {
                        Some(table) => table,
                        None => continue,
                    }
                }
            };
            table.set_position(next);
            next += 1;
            table.retain(|id, _| entries.contains_key(id));
            for (id, e) in entries {
                match table.get_mut(id).and_then(toml_edit::Item::as_table_like_mut) {
                    Some(entry) => {
                        set_string(entry, "source", &e.source);
                        set_string(entry, "translation", &e.translation);
                    }
                    None => {
                        let text = format!(
                            "{{ source = {}, translation = {} }}",
                            quote(&e.source),
                            quote(&e.translation)
                        );
                        let value = text.parse::<toml_edit::Value>().unwrap_or_else(|_| {
                            let mut t = toml_edit::InlineTable::new();
                            t.insert("source", e.source.as_str().into());
                            t.insert("translation", e.translation.as_str().into());
                            toml_edit::Value::InlineTable(t)
                        });
                        table.insert(id, toml_edit::Item::Value(value));
                    }
                }
            }
            table.sort_values();
        }
        locales.sort_values();
        let root = doc.as_table_mut();
        if !root.get("sources").is_some_and(toml_edit::Item::is_table) {
            root.insert("sources", toml_edit::Item::Table(toml_edit::Table::new()));
        }
        if let Some(sources) = root.get_mut("sources").and_then(toml_edit::Item::as_table_mut) {
            sources.retain(|hash, _| self.sources.contains_key(hash));
            for (hash, text) in &self.sources {
                set_string(sources, hash, text);
            }
            sources.sort_values();
        }
        doc.to_string()
    }
}

/// A TOML string, as the lock file writes it.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A TOML key, bare when it can be.
fn key(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        s.to_owned()
    } else {
        quote(s)
    }
}

/// Sets `table[key]` to the string `text`, keeping the line's comments and layout
/// when the key exists, and leaving it alone when it already holds `text`.
fn set_string(table: &mut dyn toml_edit::TableLike, key: &str, text: &str) {
    // `quote` writes strings the way `to_toml` does; parsing it back cannot fail.
    let new = quote(text).parse::<toml_edit::Value>().unwrap_or_else(|_| text.into());
    match table.get_mut(key) {
        Some(toml_edit::Item::Value(v)) if v.as_str() == Some(text) => {}
        Some(toml_edit::Item::Value(v)) => {
            let decor = v.decor().clone();
            *v = new;
            *v.decor_mut() = decor;
        }
        _ => {
            table.insert(key, toml_edit::Item::Value(new));
        }
    }
}

/// Multiplies the position of every table by `factor`, leaving room in between.
fn scale_positions(table: &mut toml_edit::Table, factor: usize) {
    if let Some(p) = table.position() {
        table.set_position(p.saturating_mul(factor));
    }
    for (_, item) in table.iter_mut() {
        match item {
            toml_edit::Item::Table(t) => scale_positions(t, factor),
            toml_edit::Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    scale_positions(t, factor);
                }
            }
            _ => {}
        }
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
        // Unknown keys are read past; a wrong type is an error with its position.
        assert!(Lock::parse("version = 1\nbogus = 2\n").is_ok());
        assert!(Lock::parse("version = 1\nsources = 2\n").unwrap_err().starts_with("2:"));
    }

    fn locked(pairs: &[(&str, &str)]) -> Lock {
        let en = idx("en", "a = A\nb = B \"quoted\"\nc = C\n");
        let mut lock = Lock { version: LOCK_VERSION, ..Lock::default() };
        for (tag, text) in pairs {
            lock.update(&en, &idx(tag, text), &BTreeSet::new());
        }
        let keep = pairs.iter().map(|(t, _)| (*t).to_owned()).collect();
        lock.retain_locales(&keep);
        lock
    }

    #[test]
    fn editing_a_lock_in_place_gives_the_fresh_text() {
        // Whatever was there before, an edited file of this version's own layout
        // reads exactly as a freshly written one: sorted, one entry per line.
        let fr = ("fr", "a = A fr\nb = B fr\n");
        let de = ("de", "a = A de\nc = C de\n");
        let aa = ("aa", "b = B aa\n");
        let zu = ("zu", "a = A zu\n");
        let fr2 = ("fr", "a = A fr 2\nc = C fr\n");
        let cases: [(&[_], &[_]); 6] = [
            (&[fr], &[fr, de]),
            (&[fr], &[aa, fr, zu]),
            (&[fr, de], &[fr2]),
            (&[aa, de, zu], &[de]),
            (&[], &[de, fr]),
            (&[de, fr], &[]),
        ];
        for (before, after) in cases {
            let (old, new) = (locked(before), locked(after));
            assert_eq!(new.update_text(&old.to_toml()), new.to_toml(), "{before:?} -> {after:?}");
        }
    }

    #[test]
    fn editing_a_lock_keeps_comments_and_unknown_keys() {
        let old = locked(&[("fr", "a = A fr\nb = B fr\n"), ("de", "a = A de\n")]);
        let mut text = old.to_toml();
        text = text.replace("version = 1\n", "version = 1\nreviewer = \"ops\" # who reviews\n");
        text =
            text.replace("[locales.fr]\n", "# French: checked by the legal team\n[locales.fr]\n");
        text = text.replacen("a = {", "# the first one\na = {", 1);
        text.push_str("\n# Notes for translators.\n[notes]\nfr = \"formal register\"\n");
        assert!(Lock::parse(&text).is_ok());
        let new = locked(&[("fr", "a = A fr\nb = B fr 2\nc = C fr\n"), ("es", "a = A es\n")]);
        let edited = new.update_text(&text);
        for kept in [
            "reviewer = \"ops\" # who reviews\n",
            "# French: checked by the legal team\n[locales.fr]\n",
            "\n# Notes for translators.\n[notes]\nfr = \"formal register\"\n",
        ] {
            assert!(edited.contains(kept), "{kept:?} lost:\n{edited}");
        }
        assert!(!edited.contains("[locales.de]"), "{edited}");
        assert!(!edited.contains("# the first one"), "{edited}");
        let parsed = Lock::parse(&edited).unwrap();
        assert_eq!(parsed, new);
        let tables: Vec<&str> = edited.lines().filter(|l| l.starts_with('[')).collect();
        assert_eq!(tables, ["[locales.es]", "[locales.fr]", "[sources]", "[notes]"]);
        // Editing again changes nothing.
        assert_eq!(new.update_text(&edited), edited);
    }
}

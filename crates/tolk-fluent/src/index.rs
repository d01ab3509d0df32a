//! What the checks need to know about a locale, read straight from the Fluent
//! syntax tree: every entry with its position, attributes, variables, references,
//! protected tokens (numbers, phone numbers, URLs, e-mail addresses), selectors and
//! suspicious characters.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use fluent_syntax::ast;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use thin_vec::ThinVec;
use tolk_content::{Code, Diagnostic};
use unic_langid::LanguageIdentifier;

use crate::catalog::SourceFile;
use crate::locale::{Error, parse_locale};

/// A name from a Fluent file (a variable, an attribute, a variant key, a referenced
/// id): held inline up to 24 bytes, which almost every name fits, so indexing a
/// locale does not allocate once per name.
pub type Name = compact_str::CompactString;

/// A reference from a pattern to a message (`{ other }`, `{ other.attr }`) or a term
/// (`{ -brand }`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The id; terms keep their leading `-`.
    pub id: Name,
    /// The attribute, if any.
    pub attribute: Option<Name>,
    /// Byte range of the reference in the file.
    pub span: Range<usize>,
}

/// The kind of a protected token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TokenKind {
    /// A number that is not a phone number (`20`, `3.5`).
    Number,
    /// A phone number or short code: seven digits or more, or digits with `-`/`+`.
    Phone,
    /// An `http://` or `https://` URL.
    Url,
    /// An e-mail address.
    Email,
}

/// A piece of text that a translation must keep exactly: a number, a phone number,
/// a URL or an e-mail address. Digits of other scripts (Arabic-Indic, Devanagari,
/// full-width...) are normalized to ASCII.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// The normalized text.
    pub text: String,
    /// Byte range in the file.
    pub span: Range<usize>,
}

/// A select expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Select {
    /// Byte range of the selector.
    pub span: Range<usize>,
    /// Whether it selects on a number: its selector is a variable or `NUMBER()` and
    /// its keys are CLDR plural categories or numbers.
    pub plural: bool,
    /// The variant keys, in order.
    pub keys: ThinVec<Name>,
    /// Keys that appear more than once, with the position of the repetition.
    pub duplicate_keys: ThinVec<(Name, Range<usize>)>,
}

/// One pattern (a value or an attribute) as the checks see it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatternInfo {
    /// A hash of the visible text with placeables as markers and white space
    /// collapsed: equal for patterns that read the same.
    pub text_hash: u64,
    /// Words of the visible text that contain a letter, counted up to two (the
    /// `untranslated` rule asks for two or more).
    pub letter_words: usize,
    /// Letters of the visible text.
    pub letters: usize,
    /// Every `$variable`, with the range of `$name`.
    pub variables: ThinVec<(Name, Range<usize>)>,
    /// Every message and term reference.
    pub references: ThinVec<Reference>,
    /// Protected tokens in the text.
    pub tokens: ThinVec<Token>,
    /// Select expressions.
    pub selects: ThinVec<Select>,
    /// U+FFFD and bidi control characters written in the text, with their ranges.
    pub suspicious: ThinVec<(char, Range<usize>)>,
    /// The most placeables one formatting of the pattern resolves, those of the
    /// patterns it references not included (Fluent stops at 100 in all).
    pub placeables: usize,
}

/// A message or term of one locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The file that defines it (shared by the file's entries).
    pub file: Arc<str>,
    /// The file name relative to the locale directory (`trafficking.ftl`).
    pub resource: Arc<str>,
    /// Byte range of the id in the file (terms include the `-`).
    pub span: Range<usize>,
    /// The value, if any (terms always have one).
    pub value: Option<PatternInfo>,
    /// The attributes in order: name, range of the name, pattern.
    pub attributes: ThinVec<(Name, Range<usize>, PatternInfo)>,
    /// Words of text in the value and attributes (default variants only).
    pub words: usize,
    /// The entry's hash and normalized source, when asked for (lock files): boxed,
    /// as most checks never ask.
    pub locked: Option<Box<Hashed>>,
}

/// An entry's normalized Fluent source (comments excluded) and a hash of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hashed {
    /// The hash: 16 hexadecimal digits.
    pub hash: String,
    /// The normalized source.
    pub source: String,
}

impl Entry {
    /// A hash of the entry's normalized Fluent source, when hashes were asked for.
    pub fn hash(&self) -> Option<&str> {
        self.locked.as_ref().map(|h| h.hash.as_str())
    }

    /// The entry's normalized Fluent source, when hashes were asked for.
    pub fn source(&self) -> Option<&str> {
        self.locked.as_ref().map(|h| h.source.as_str())
    }

    /// Whether the entry has a value.
    pub fn has_value(&self) -> bool {
        self.value.is_some()
    }

    /// The value and every attribute, each with its attribute name (`None` for the value).
    pub fn patterns(&self) -> impl Iterator<Item = (Option<&str>, &PatternInfo)> {
        self.value
            .iter()
            .map(|p| (None, p))
            .chain(self.attributes.iter().map(|(n, _, p)| (Some(n.as_str()), p)))
    }

    /// The attribute names.
    pub fn attribute_names(&self) -> impl Iterator<Item = &str> {
        self.attributes.iter().map(|(n, _, _)| n.as_str())
    }

    /// An attribute's pattern.
    pub fn attribute(&self, name: &str) -> Option<&PatternInfo> {
        self.attributes.iter().find(|(n, _, _)| n == name).map(|(_, _, p)| p)
    }

    /// The distinct variable names used anywhere in the entry.
    pub fn variable_names(&self) -> BTreeSet<&str> {
        self.patterns().flat_map(|(_, p)| p.variables.iter().map(|(n, _)| n.as_str())).collect()
    }

    /// Every variable occurrence anywhere in the entry.
    pub fn variables(&self) -> impl Iterator<Item = &(Name, Range<usize>)> {
        self.patterns().flat_map(|(_, p)| &p.variables)
    }
}

/// A locale's entries, sorted by id (terms with their leading `-`, so they come
/// first), found by binary search. The ids sit one after the other in one string,
/// in id order: a walk or a search reads memory in order, and a locale's ids cost
/// one allocation.
#[derive(Clone, Debug, Default)]
pub struct Entries {
    /// Every id, in id order, one after the other.
    ids: String,
    /// Where each id ends in `ids`.
    ends: Vec<usize>,
    /// Where the n-th entry in id order is: which file's list, and where in it.
    order: Vec<(u32, u32)>,
    /// The entries of each file in reading order, where they were built: sorting
    /// moves only `order`.
    files: Vec<Vec<Entry>>,
}

impl PartialEq for Entries {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Entries {}

impl Entries {
    /// The entry `id`.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.position(id).map(|i| self.entry_at(i))
    }

    /// Whether there is an entry `id`.
    pub fn contains_key(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    fn id_at(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.ids.get(start..self.ends[i]).unwrap_or_default()
    }

    fn entry_at(&self, i: usize) -> &Entry {
        let (file, at) = self.order[i];
        &self.files[file as usize][at as usize]
    }

    /// Where `id` is in id order (the n-th of [`Entries::iter`]), if defined.
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.id_at(mid).cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Ids and entries, sorted by id.
    pub fn iter(&self) -> EntriesIter<'_> {
        EntriesIter { entries: self, range: 0..self.ends.len() }
    }

    /// The ids, sorted.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator {
        self.iter().map(|(k, _)| k)
    }

    /// The entries, sorted by id.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Entry> + ExactSizeIterator {
        self.iter().map(|(_, e)| e)
    }

    /// Entries read in any order, with their ids: sorted once, the first definition
    /// of an id kept. Returns the entries and, for every definition dropped, the
    /// diagnostic that says so.
    fn build(
        ids: &[Cow<'_, str>],
        at: &[(u32, u32)],
        files: Vec<Vec<Entry>>,
        duplicate: impl Fn(&str, &Entry, &Entry) -> Diagnostic,
    ) -> (Entries, Vec<(usize, Diagnostic)>) {
        // One 128-bit key per entry: the first 12 bytes of its id, then its position
        // (below 2^32, checked by the caller). Ids hold no NUL, so padding with
        // zeros keeps their order, and the keys sort as plain integers; only ids
        // that share their first 12 bytes are then compared whole.
        let key = |(i, id): (usize, &Cow<'_, str>)| {
            let mut b = [0u8; 16];
            let n = id.len().min(12);
            b[..n].copy_from_slice(&id.as_bytes()[..n]);
            u128::from_be_bytes(b) | i as u128
        };
        let position = |k: u128| (k & u128::from(u32::MAX)) as usize;
        let mut keys: Vec<u128> = ids.iter().enumerate().map(key).collect();
        keys.par_sort_unstable();
        let mut start = 0;
        while start < keys.len() {
            let prefix = keys[start] >> 32;
            let end = start + keys[start..].iter().take_while(|k| *k >> 32 == prefix).count();
            if end - start > 1 {
                keys[start..end].sort_unstable_by(|a, b| {
                    ids[position(*a)].cmp(&ids[position(*b)]).then(a.cmp(b))
                });
            }
            start = end;
        }
        let mut dropped = Vec::new();
        let mut kept: Vec<usize> = Vec::with_capacity(keys.len());
        for i in keys.into_iter().map(position) {
            if let Some(&first) = kept.last()
                && ids[first] == ids[i]
            {
                let entry = |i: usize| &files[at[i].0 as usize][at[i].1 as usize];
                dropped.push((i, duplicate(&ids[i], entry(i), entry(first))));
                continue;
            }
            kept.push(i);
        }
        let mut ids_out = String::with_capacity(ids.iter().map(|id| id.len()).sum());
        let mut ends = Vec::with_capacity(kept.len());
        for &i in &kept {
            ids_out.push_str(&ids[i]);
            ends.push(ids_out.len());
        }
        let order = kept.iter().map(|&i| at[i]).collect();
        let out = Entries { ids: ids_out, ends, order, files };
        (out, dropped)
    }
}

impl std::ops::Index<&str> for Entries {
    type Output = Entry;

    /// The entry `id`; panics if there is none, as a map does.
    fn index(&self, id: &str) -> &Entry {
        match self.get(id) {
            Some(e) => e,
            None => panic!("no entry `{id}`"),
        }
    }
}

/// An iterator over [`Entries`], in id order.
#[derive(Clone, Debug)]
pub struct EntriesIter<'a> {
    entries: &'a Entries,
    range: Range<usize>,
}

impl<'a> Iterator for EntriesIter<'a> {
    type Item = (&'a str, &'a Entry);

    fn next(&mut self) -> Option<Self::Item> {
        let i = self.range.next()?;
        Some((self.entries.id_at(i), self.entries.entry_at(i)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for EntriesIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let i = self.range.next_back()?;
        Some((self.entries.id_at(i), self.entries.entry_at(i)))
    }
}

impl ExactSizeIterator for EntriesIter<'_> {}

impl<'a> IntoIterator for &'a Entries {
    type Item = (&'a str, &'a Entry);
    type IntoIter = EntriesIter<'a>;

    fn into_iter(self) -> EntriesIter<'a> {
        self.iter()
    }
}

/// One locale's entries, read with the Fluent parser only (no bundle): what
/// `tolk check` needs.
#[derive(Clone, Debug)]
pub struct LocaleIndex {
    pub(crate) langid: LanguageIdentifier,
    pub(crate) tag: String,
    pub(crate) entries: Entries,
    pub(crate) resources: BTreeSet<String>,
    pub(crate) dir: Option<String>,
}

impl LocaleIndex {
    /// The canonical BCP 47 tag.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The language identifier.
    pub fn langid(&self) -> &LanguageIdentifier {
        &self.langid
    }

    /// The writing direction of the locale's script.
    pub fn direction(&self) -> tolk_content::TextDirection {
        match self.langid.character_direction() {
            unic_langid::CharacterDirection::RTL => tolk_content::TextDirection::Rtl,
            _ => tolk_content::TextDirection::Ltr,
        }
    }

    /// Entries by id (terms with their leading `-`), sorted.
    pub fn entries(&self) -> &Entries {
        &self.entries
    }

    /// Whether the locale defines message `id` (with `attribute`, when given).
    pub fn has(&self, id: &str, attribute: Option<&str>) -> bool {
        self.entries.get(id).is_some_and(|e| match attribute {
            Some(a) => e.attribute(a).is_some(),
            None => e.has_value(),
        })
    }

    /// The resource names (file paths relative to the locale directory).
    pub fn resources(&self) -> &BTreeSet<String> {
        &self.resources
    }

    /// The locale's directory as it appears in file paths (`locales/fr/`), known
    /// once the locale has at least one file.
    pub fn dir(&self) -> Option<&str> {
        self.dir.as_deref()
    }

    /// Sets the locale's directory (`locales/fr/`, with the trailing `/`) when no
    /// file told it: a locale whose files were all unreadable still names its
    /// missing messages' files right.
    pub fn with_dir(mut self, dir: impl Into<String>) -> Self {
        if self.dir.is_none() {
            self.dir = Some(dir.into());
        }
        self
    }
}

/// What [`index_locale_with`] computes besides what every check reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexOptions {
    /// Give every entry its normalized source and a hash of it (for lock files).
    pub hashes: bool,
    /// Count words and letters ([`Entry::words`], [`PatternInfo::letters`],
    /// [`PatternInfo::letter_words`]). Coverage by words and the `untranslated` rule
    /// read them from the source locale only, so a translation can skip them (they
    /// are then 0).
    pub counts: bool,
}

/// Reads one locale's files into a [`LocaleIndex`], counting words and letters.
/// With `hashes`, every entry also gets its normalized source and a hash of it (for
/// lock files).
///
/// Returns the index and what was wrong while reading: `syntax-error`,
/// `duplicate-message`, `duplicate-attribute`, `duplicate-variant`.
pub fn index_locale(
    tag: &str,
    files: &[SourceFile],
    hashes: bool,
) -> Result<(LocaleIndex, Vec<Diagnostic>), Error> {
    index_locale_with(tag, files, IndexOptions { hashes, counts: true })
}

/// [`index_locale`] with options.
pub fn index_locale_with(
    tag: &str,
    files: &[SourceFile],
    opts: IndexOptions,
) -> Result<(LocaleIndex, Vec<Diagnostic>), Error> {
    let langid = parse_locale(tag)?;
    let tag = langid.to_string();
    let mut index = LocaleIndex {
        langid,
        tag,
        entries: Entries::default(),
        resources: BTreeSet::new(),
        dir: None,
    };
    // Files are read in parallel, each into its own list; the lists are then
    // joined in file order, so "first read" keeps its meaning.
    let tag = index.tag.clone();
    let parts: Vec<(String, Staged<'_>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|file| {
            let resource = resource_name(&file.path, &tag);
            // Room for one entry per 128 bytes of Fluent (most files have fewer).
            let mut staged = Staged::with_capacity(file.text.len() / 128 + 1);
            let mut diags = Vec::new();
            index_file(file, &tag, &resource, opts, &mut diags, &mut staged);
            (resource, staged, diags)
        })
        .collect();
    // The files' entries stay where they are; ids and diagnostics are joined, with
    // where each entry is.
    let total = parts.iter().map(|(_, s, _)| s.entries.len()).sum();
    // Entries::build numbers files and entries with 32 bits.
    let too_large = || Error::TooLarge(index.tag.clone());
    u32::try_from(total).map_err(|_| too_large())?;
    u32::try_from(parts.len()).map_err(|_| too_large())?;
    let mut ids = Vec::with_capacity(total);
    let mut at = Vec::with_capacity(total);
    let mut entry_diags = Vec::with_capacity(total);
    let mut lists = Vec::with_capacity(parts.len());
    let mut diags = Vec::new();
    for (n, ((resource, part, file_diags), file)) in parts.into_iter().zip(files).enumerate() {
        if index.dir.is_none() {
            index.dir = file.path.strip_suffix(resource.as_str()).map(str::to_owned);
        }
        index.resources.insert(resource);
        diags.extend(file_diags);
        // Both below 2^32 (checked above).
        at.extend((0..part.entries.len()).map(|i| (n as u32, i as u32)));
        ids.extend(part.ids);
        entry_diags.extend(part.diags);
        lists.push(part.entries);
    }
    // Sorting once is much cheaper than inserting entry by entry into a map. Of two
    // definitions of an id, the first read is kept.
    let tag = &index.tag;
    let (entries, dropped) = Entries::build(&ids, &at, lists, |id, e, first| {
        Diagnostic::new(Code::DuplicateMessage, format!("`{id}` is defined twice in `{tag}`"))
            .at(&*e.file, e.span.clone())
            .in_locale(tag)
            .for_message(id)
            .with_note(format!("first defined in {}; this definition is ignored", first.file))
    });
    for (i, d) in dropped {
        diags.push(d);
        // Diagnostics about an ignored definition are not reported.
        entry_diags[i].clear();
    }
    diags.extend(entry_diags.into_iter().flatten());
    index.entries = entries;
    Ok((index, diags))
}

/// Entries read from files, before duplicates are sorted out: ids (borrowed from
/// the files' text), entries and the diagnostics about each entry (reported only
/// if the entry is kept), all in reading order.
struct Staged<'t> {
    ids: Vec<Cow<'t, str>>,
    entries: Vec<Entry>,
    diags: Vec<Vec<Diagnostic>>,
}

impl Staged<'_> {
    fn with_capacity(n: usize) -> Self {
        Staged {
            ids: Vec::with_capacity(n),
            entries: Vec::with_capacity(n),
            diags: Vec::with_capacity(n),
        }
    }
}

/// The part of `path` after the locale directory (`locales/fr/a/b.ftl` -> `a/b.ftl`).
pub(crate) fn resource_name(path: &str, tag: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let is_locale =
        |p: &&str| p.eq_ignore_ascii_case(tag) || p.replace('_', "-").eq_ignore_ascii_case(tag);
    match parts.iter().rposition(is_locale) {
        Some(i) if i + 1 < parts.len() => parts[i + 1..].join("/"),
        _ => parts.last().copied().unwrap_or(path).to_owned(),
    }
}

pub(crate) fn offset(text: &str, slice: &str) -> usize {
    (slice.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len())
}

/// Where to point for a parser error at byte `pos`. The parser reports an unclosed
/// placeable at the start of the next entry; pointing just after the last character
/// of the line before reads better, as rustc does.
fn error_position(text: &str, pos: usize) -> Range<usize> {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    if pos > 0 && text[..pos].ends_with('\n') {
        let trimmed = text[..pos].trim_end();
        if !trimmed.is_empty() {
            pos = trimmed.len();
        }
    }
    pos..pos
}

fn hash_entry(entry: &ast::Entry<&str>) -> (String, String) {
    let mut entry = entry.clone();
    match &mut entry {
        ast::Entry::Message(m) => m.comment = None,
        ast::Entry::Term(t) => t.comment = None,
        _ => {}
    }
    let source = fluent_syntax::serializer::serialize(&ast::Resource { body: vec![entry] });
    let digest = Sha256::digest(source.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    (hex, source)
}

fn index_file<'t>(
    file: &'t SourceFile,
    tag: &str,
    resource: &str,
    opts: IndexOptions,
    diags: &mut Vec<Diagnostic>,
    staged: &mut Staged<'t>,
) {
    let text = file.text.as_str();
    // The parser ends a broken entry at the next entry start *after* the error,
    // which can swallow a good entry that follows an unclosed placeable. Junk is
    // therefore parsed again from its first line that starts an entry.
    let mut pending: Vec<&str> = vec![text];
    let shared_file: Arc<str> = Arc::from(file.path.as_str());
    let shared_resource: Arc<str> = Arc::from(resource);
    while let Some(chunk) = pending.pop() {
        let base = offset(text, chunk);
        let ast = match fluent_syntax::parser::parse(chunk) {
            Ok(ast) => ast,
            Err((ast, errors)) => {
                for err in errors {
                    // An error found inside an entry that follows the broken one is
                    // reported at the end of the broken one: that entry is read again.
                    let mut at = base + err.pos.start;
                    let junk = err.slice.clone().and_then(|r| chunk.get(r));
                    if let Some(rest) = junk.and_then(resume_point) {
                        at = at.min(offset(text, rest));
                    }
                    diags.push(
                        Diagnostic::new(Code::SyntaxError, err.kind.to_string())
                            .at(&file.path, error_position(text, at))
                            .in_locale(tag)
                            .with_note("this entry is skipped; the rest of the file is still read"),
                    );
                }
                ast
            }
        };
        index_entries(
            file,
            (&shared_file, &shared_resource),
            tag,
            opts,
            staged,
            &ast,
            &mut pending,
        );
    }
}

/// Where an entry starts inside a piece of junk, after its first line.
fn resume_point(junk: &str) -> Option<&str> {
    let mut start = junk.find('\n')? + 1;
    while start < junk.len() {
        let line = &junk[start..];
        let body = line.strip_prefix('-').unwrap_or(line);
        let id_len = body
            .char_indices()
            .take_while(|(i, c)| {
                if *i == 0 {
                    c.is_ascii_alphabetic()
                } else {
                    c.is_ascii_alphanumeric() || *c == '-' || *c == '_'
                }
            })
            .count();
        if id_len > 0 && body[id_len..].trim_start_matches(' ').starts_with('=') {
            return Some(line);
        }
        start += line.find('\n')? + 1;
    }
    None
}

fn index_entries<'t>(
    file: &'t SourceFile,
    (shared_file, shared_resource): (&Arc<str>, &Arc<str>),
    tag: &str,
    opts: IndexOptions,
    staged: &mut Staged<'t>,
    ast: &ast::Resource<&'t str>,
    pending: &mut Vec<&'t str>,
) {
    let text = file.text.as_str();
    // The visible text of a pattern, words joined by single spaces (reused).
    let mut joined = Vec::with_capacity(512);
    for entry in &ast.body {
        if let ast::Entry::Junk { content } = entry {
            if let Some(rest) = resume_point(content) {
                pending.push(rest);
            }
            continue;
        }
        let (id_slice, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes),
            _ => continue,
        };
        let end = offset(text, id_slice) + id_slice.len();
        // A term's id is its name with the `-` written just before it.
        let (id, start): (Cow<'t, str>, usize) = match entry {
            ast::Entry::Term(_) => {
                let start = offset(text, id_slice).saturating_sub(1);
                match text.get(start..end) {
                    Some(id) if id.starts_with('-') => (Cow::Borrowed(id), start),
                    _ => (Cow::Owned(format!("-{id_slice}")), start),
                }
            }
            _ => (Cow::Borrowed(id_slice), offset(text, id_slice)),
        };
        let span = start..end;
        let mut diags = Vec::new();
        let mut words = 0;
        let value = value.map(|p| {
            let mut c = Collect::new(text, std::mem::take(&mut joined), opts.counts);
            c.pattern(p);
            words += c.words;
            let info;
            (info, joined) = c.finish();
            info
        });
        let mut attrs: ThinVec<(Name, Range<usize>, PatternInfo)> =
            ThinVec::with_capacity(attributes.len());
        for a in attributes {
            let name = Name::new(a.id.name);
            let a_span = offset(text, a.id.name)..offset(text, a.id.name) + a.id.name.len();
            let mut c = Collect::new(text, std::mem::take(&mut joined), opts.counts);
            c.pattern(&a.value);
            words += c.words;
            let info;
            (info, joined) = c.finish();
            if attrs.iter().any(|(n, _, _)| *n == name) {
                diags.push(
                    Diagnostic::new(
                        Code::DuplicateAttribute,
                        format!("`{id}` has the attribute `{name}` twice"),
                    )
                    .at(&file.path, a_span)
                    .in_locale(tag)
                    .for_message(&*id)
                    .with_note("only the last definition is used"),
                );
                continue;
            }
            attrs.push((name, a_span, info));
        }
        for (_, p) in
            value.iter().map(|p| ("", p)).chain(attrs.iter().map(|(n, _, p)| (n.as_str(), p)))
        {
            for s in &p.selects {
                for (key, key_span) in &s.duplicate_keys {
                    diags.push(
                        Diagnostic::new(
                            Code::DuplicateVariant,
                            format!("`{id}` has the variant `[{key}]` twice in one select"),
                        )
                        .at(&file.path, key_span.clone())
                        .in_locale(tag)
                        .for_message(&*id)
                        .with_note("only the first is ever chosen"),
                    );
                }
            }
        }
        let locked = opts.hashes.then(|| {
            let (hash, source) = hash_entry(entry);
            Box::new(Hashed { hash, source })
        });
        staged.ids.push(id);
        staged.entries.push(Entry {
            file: Arc::clone(shared_file),
            resource: Arc::clone(shared_resource),
            span,
            value,
            attributes: attrs,
            words,
            locked,
        });
        staged.diags.push(diags);
    }
}

struct Collect<'t> {
    text: &'t str,
    info: PatternInfo,
    words: usize,
    /// Whether to count words and letters ([`IndexOptions::counts`]).
    counts: bool,
    /// The visible text so far, its words joined by single spaces, placeables
    /// written `{}`: hashed once at the end, however lines and placeables split it.
    joined: Vec<u8>,
}

/// Byte classes for [`Collect::visible_text`]: a space; other ASCII white space; a
/// letter (an ASCII letter, or the first byte of any character outside ASCII:
/// exact enough for the `untranslated` rule, with no Unicode lookup); an ASCII digit
/// or `@` (something to protect may be there); a first byte of U+0660-U+1049
/// (D9-E1) or of the full-width forms (EF), where other scripts' digits are; `:`.
const SPACE: u8 = 1;
const OTHER_SPACE: u8 = 2;
const LETTER: u8 = 4;
const DIGIT: u8 = 8;
const NATIVE: u8 = 16;
/// `:`, without which no URL (`http://`, `https://`) can be in a text.
const COLON: u8 = 32;
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = match c {
            b' ' => SPACE,
            b':' => COLON,
            b'\t' | b'\n' | b'\x0c' | b'\r' => OTHER_SPACE,
            b'0'..=b'9' | b'@' => DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            0xd9..=0xe1 | 0xef => LETTER | NATIVE,
            0xc0..=0xff => LETTER,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// What [`classify`] finds in a text.
struct Classes {
    spaces: usize,
    letters: usize,
    /// Non-zero when two spaces follow each other.
    double_space: u8,
    /// Every class that occurs.
    seen: u8,
}

/// One branch-free pass over `bytes`, by the table of byte classes. Spaces and
/// letters are counted only with `COUNT` (they are then 0), which keeps the loop
/// short for translations.
fn classify<const COUNT: bool>(bytes: &[u8]) -> Classes {
    let mut c = Classes { spaces: 0, letters: 0, double_space: 0, seen: 0 };
    let mut prev = 0;
    for &b in bytes {
        let class = BYTE_CLASS[usize::from(b)];
        if COUNT {
            c.spaces += usize::from(class & SPACE);
            c.letters += usize::from((class & LETTER) >> 2);
        }
        c.double_space |= prev & class & SPACE;
        c.seen |= class;
        prev = class;
    }
    c
}

/// Where a URL may start.
static HTTP: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
    std::sync::LazyLock::new(|| {
        [memchr::memmem::Finder::new(b"http"), memchr::memmem::Finder::new(b"HTTP")]
    });

const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl<'t> Collect<'t> {
    fn new(text: &'t str, mut joined: Vec<u8>, counts: bool) -> Self {
        joined.clear();
        Collect { text, info: PatternInfo::default(), words: 0, counts, joined }
    }

    /// The pattern's information, and the buffer back for the next pattern.
    fn finish(mut self) -> (PatternInfo, Vec<u8>) {
        if !self.joined.is_empty() {
            self.info.text_hash = hash_word(0xcbf2_9ce4_8422_2325, &self.joined);
        }
        (self.info, self.joined)
    }

    /// Adds one word (or a placeable marker) to the visible text.
    fn push_word(&mut self, word: &[u8]) {
        if !self.joined.is_empty() {
            self.joined.push(b' ');
        }
        self.joined.extend_from_slice(word);
    }

    fn span(&self, slice: &str) -> Range<usize> {
        let start = offset(self.text, slice);
        start..start + slice.len()
    }

    fn visible_text(&mut self, value: &'t str, count_words: bool) {
        // One pass classifies the bytes; words are walked one by one only where the
        // text is not already in normal form (single spaces between words).
        let base = offset(self.text, value);
        let bytes = value.as_bytes();
        // The text without white space at its ends (next to placeables, often).
        let Some(first) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
            return;
        };
        let last = bytes.iter().rposition(|b| !b.is_ascii_whitespace()).unwrap_or(first);
        let inner = &bytes[first..=last];
        // Spaces and letters are counted only when asked for.
        let Classes { spaces, letters, double_space, seen } =
            if self.counts { classify::<true>(inner) } else { classify::<false>(inner) };
        self.info.letters += letters;
        let (other_space, digits, native) =
            (seen & OTHER_SPACE != 0, seen & DIGIT != 0, seen & NATIVE != 0);
        // The first two words, for `letter_words`.
        let mut starts = [0usize; 2];
        let words;
        if !other_space && double_space == 0 {
            // Words separated by single spaces: the text is its own normal form.
            self.push_word(inner);
            words = spaces + 1;
            if self.counts {
                starts[1] = memchr::memchr(b' ', inner).map_or(0, |i| i + 1);
            }
        } else {
            let mut n = 0;
            for word in inner.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()) {
                if n < 2 {
                    starts[n] = word.as_ptr() as usize - inner.as_ptr() as usize;
                }
                self.push_word(word);
                n += 1;
            }
            words = n;
        }
        // Only "two or more" matters: count words with a letter up to two.
        let counted = if self.counts { words.min(2) } else { 0 };
        for &start in &starts[..counted] {
            if self.info.letter_words >= 2 {
                break;
            }
            let word = inner[start..].split(u8::is_ascii_whitespace).next().unwrap_or_default();
            self.info.letter_words +=
                usize::from(word.iter().any(|b| BYTE_CLASS[usize::from(*b)] & LETTER != 0));
        }
        if count_words && self.counts {
            self.words += words;
        }
        // U+FFFD is EF BF BD; the bidi controls are E2 80 AA-AE and E2 81 A6-A9.
        for i in memchr::memchr2_iter(0xef, 0xe2, bytes) {
            if let Some(c) = value.get(i..).and_then(|rest| rest.chars().next())
                && (c == '\u{fffd}' || is_bidi_control(c))
            {
                self.info.suspicious.push((c, base + i..base + i + c.len_utf8()));
            }
        }
        let protectable = digits
            || (seen & COLON != 0
                && (HTTP[0].find(bytes).is_some() || HTTP[1].find(bytes).is_some()))
            || (native && value.chars().any(|c| !c.is_ascii() && digit_value(c).is_some()));
        if protectable {
            for mut token in tokens(value) {
                token.span = base + token.span.start..base + token.span.end;
                self.info.tokens.push(token);
            }
        }
    }

    fn pattern(&mut self, pattern: &ast::Pattern<&'t str>) {
        self.info.placeables = placeables(pattern);
        self.pattern_counting(pattern, true);
    }

    fn pattern_counting(&mut self, pattern: &ast::Pattern<&'t str>, count_words: bool) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => self.visible_text(value, count_words),
                ast::PatternElement::Placeable { expression } => {
                    self.push_word(b"{}");
                    self.expression(expression, count_words);
                }
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&'t str>, count_words: bool) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                let numeric_selector = matches!(
                    selector,
                    ast::InlineExpression::VariableReference { .. }
                ) || matches!(selector, ast::InlineExpression::FunctionReference { id, .. } if id.name == "NUMBER");
                let mut keys = ThinVec::with_capacity(variants.len());
                let mut duplicate_keys = ThinVec::new();
                let mut plural_keys = false;
                for variant in variants {
                    let (key, key_slice) = match &variant.key {
                        ast::VariantKey::Identifier { name } => {
                            plural_keys |= PLURAL_KEYS.contains(name);
                            (Name::new(name), *name)
                        }
                        ast::VariantKey::NumberLiteral { value } => (Name::new(value), *value),
                    };
                    if keys.contains(&key) {
                        duplicate_keys.push((key.clone(), self.span(key_slice)));
                    }
                    keys.push(key);
                    // Count the default variant's words only: a reader sees one.
                    self.pattern_counting(&variant.value, count_words && variant.default);
                }
                let span = inline_span(self.text, selector);
                self.info.selects.push(Select {
                    span,
                    plural: numeric_selector && plural_keys,
                    keys,
                    duplicate_keys,
                });
            }
            ast::Expression::Inline(inline) => self.inline(inline),
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&'t str>) {
        match inline {
            ast::InlineExpression::StringLiteral { value } => self.visible_text(value, false),
            ast::InlineExpression::VariableReference { id } => {
                let s = self.span(id.name);
                self.info.variables.push((Name::new(id.name), s.start.saturating_sub(1)..s.end));
            }
            ast::InlineExpression::MessageReference { id, attribute } => {
                let s = self.span(id.name);
                let end = attribute.as_ref().map_or(s.end, |a| self.span(a.name).end);
                self.info.references.push(Reference {
                    id: Name::new(id.name),
                    attribute: attribute.as_ref().map(|a| Name::new(a.name)),
                    span: s.start..end,
                });
            }
            ast::InlineExpression::TermReference { id, attribute, arguments } => {
                let s = self.span(id.name);
                let end = attribute.as_ref().map_or(s.end, |a| self.span(a.name).end);
                self.info.references.push(Reference {
                    id: compact_str::format_compact!("-{}", id.name),
                    attribute: attribute.as_ref().map(|a| Name::new(a.name)),
                    span: s.start.saturating_sub(1)..end,
                });
                if let Some(arguments) = arguments {
                    self.arguments(arguments);
                }
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => self.arguments(arguments),
            ast::InlineExpression::Placeable { expression } => self.expression(expression, false),
            ast::InlineExpression::NumberLiteral { .. } => {}
        }
    }

    fn arguments(&mut self, arguments: &ast::CallArguments<&'t str>) {
        for a in &arguments.positional {
            self.inline(a);
        }
        for a in &arguments.named {
            self.inline(&a.value);
        }
    }
}

/// The placeables that formatting `pattern` counts against Fluent's limit: one per
/// placeable element, and those of the variant with the most in a select.
fn placeables(pattern: &ast::Pattern<&str>) -> usize {
    fn in_expression(expression: &ast::Expression<&str>) -> usize {
        match expression {
            ast::Expression::Select { variants, .. } => {
                variants.iter().map(|v| placeables(&v.value)).max().unwrap_or(0)
            }
            ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
                in_expression(expression)
            }
            ast::Expression::Inline(_) => 0,
        }
    }
    pattern
        .elements
        .iter()
        .map(|e| match e {
            ast::PatternElement::Placeable { expression } => 1 + in_expression(expression),
            ast::PatternElement::TextElement { .. } => 0,
        })
        .sum()
}

/// Adds bytes (a word, or a pattern's words joined by spaces) to a text hash,
/// eight bytes at a time.
fn hash_word(mut h: u64, word: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut v = [0u8; 8];
        v.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(v)).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    let mut v = [0u8; 8];
    v[..rest.len()].copy_from_slice(rest);
    // The length ends the word, so words never run together.
    h = (h ^ u64::from_le_bytes(v)).wrapping_mul(K).rotate_left(29);
    (h ^ word.len() as u64).wrapping_mul(K)
}

fn inline_span(text: &str, inline: &ast::InlineExpression<&str>) -> Range<usize> {
    let slice = match inline {
        ast::InlineExpression::VariableReference { id }
        | ast::InlineExpression::MessageReference { id, .. }
        | ast::InlineExpression::TermReference { id, .. }
        | ast::InlineExpression::FunctionReference { id, .. } => id.name,
        ast::InlineExpression::StringLiteral { value }
        | ast::InlineExpression::NumberLiteral { value } => value,
        ast::InlineExpression::Placeable { .. } => return 0..0,
    };
    let start = offset(text, slice);
    start..start + slice.len()
}

/// Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069):
/// written literally they can reorder text invisibly ("Trojan source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The ASCII digit of a decimal digit of any common script, if `c` is one.
fn digit_value(c: char) -> Option<char> {
    const ZEROS: [u32; 12] =
        [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xbe6, 0xe50, 0xed0, 0x1040, 0xff10];
    let n = c as u32;
    // Most characters are in no digit block: answer those without the table.
    if !(0x30..=0x39).contains(&n)
        && !(0x660..=0x1049).contains(&n)
        && !(0xff10..=0xff19).contains(&n)
    {
        return None;
    }
    ZEROS.iter().find(|z| (**z..**z + 10).contains(&n)).and_then(|z| char::from_digit(n - z, 10))
}

/// The protected tokens of a piece of text, with byte ranges relative to it.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    // Most text has nothing to protect: plain ASCII without digits, `@` or `http`.
    if text.is_ascii()
        && !text.bytes().any(|b| b.is_ascii_digit() || b == b'@')
        && !text.contains("http")
        && !text.contains("HTTP")
    {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        // URLs.
        if (c == 'h' || c == 'H')
            && (text[b..].starts_with("http://") || text[b..].starts_with("https://"))
        {
            let mut j = i;
            while j < chars.len()
                && !chars[j].1.is_whitespace()
                && !"<>\"'«»「」".contains(chars[j].1)
            {
                j += 1;
            }
            while j > i && ".,;:!?)]}".contains(chars[j - 1].1) {
                j -= 1;
            }
            out.push(Token {
                kind: TokenKind::Url,
                text: text[b..end_of(j)].to_owned(),
                span: b..end_of(j),
            });
            i = j;
            continue;
        }
        // E-mail addresses: expand around '@'.
        if c == '@' {
            let is_local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
            let is_domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
            let mut s = i;
            while s > 0 && is_local(chars[s - 1].1) {
                s -= 1;
            }
            let mut e = i + 1;
            while e < chars.len() && is_domain(chars[e].1) {
                e += 1;
            }
            while e > i + 1 && chars[e - 1].1 == '.' {
                e -= 1;
            }
            let domain = &text[end_of(i + 1)..end_of(e)];
            if s < i && domain.contains('.') {
                // Drop a number token that was the local part's start.
                while out.last().is_some_and(|t: &Token| t.span.start >= chars[s].0) {
                    out.pop();
                }
                out.push(Token {
                    kind: TokenKind::Email,
                    text: text[chars[s].0..end_of(e)].to_owned(),
                    span: chars[s].0..end_of(e),
                });
                i = e;
                continue;
            }
        }
        // Numbers and phone numbers: digits joined by single separators.
        if digit_value(c).is_some()
            && (i == 0 || !chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '+')
        {
            let start = if i > 0 && chars[i - 1].1 == '+' { i - 1 } else { i };
            let mut j = i;
            let mut normalized = String::new();
            if start < i {
                normalized.push('+');
            }
            let mut digits = 0;
            let mut separators = String::new();
            while j < chars.len() {
                if let Some(d) = digit_value(chars[j].1) {
                    normalized.push(d);
                    digits += 1;
                    j += 1;
                } else if "-. ".contains(chars[j].1)
                    && chars.get(j + 1).is_some_and(|(_, n)| digit_value(*n).is_some())
                    && !(chars[j].1 == ' ' && digits < 3 && start == i)
                {
                    normalized.push(chars[j].1);
                    separators.push(chars[j].1);
                    j += 1;
                } else {
                    break;
                }
            }
            // Letters glued to the end (`3rd`, `24h`) make it a word, not a number.
            if j < chars.len() && chars[j].1.is_alphabetic() && digits < 7 {
                i = j;
                continue;
            }
            // A space joins digit groups only in phone numbers.
            let phone = digits >= 7
                || normalized.starts_with('+')
                || separators.contains('-') && digits >= 5;
            let (normalized, j) = if !phone && separators.contains(' ') {
                // Not a phone number: keep the first group only.
                let first = normalized.split(' ').next().unwrap_or("").to_owned();
                let mut k = i;
                let mut n = 0;
                while k < chars.len() && n < first.chars().count() {
                    k += 1;
                    n += 1;
                }
                (first, k)
            } else {
                (normalized, j)
            };
            let kind = if phone { TokenKind::Phone } else { TokenKind::Number };
            out.push(Token { kind, text: normalized, span: chars[start].0..end_of(j) });
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(TokenKind, String)> {
        tokens(s).into_iter().map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn finds_phone_numbers_numbers_urls_and_emails() {
        use TokenKind::*;
        assert_eq!(
            toks(
                "Call 1-888-373-7888 or text 233733, 24 hours, see https://example.org/help. Mail help@example.org."
            ),
            [
                (Phone, "1-888-373-7888".into()),
                (Number, "233733".into()),
                (Number, "24".into()),
                (Url, "https://example.org/help".into()),
                (Email, "help@example.org".into()),
            ]
        );
        assert_eq!(toks("+1 888 373 7888"), [(Phone, "+1 888 373 7888".into())]);
        assert_eq!(toks("Version 3.5 of 2 files"), [(Number, "3.5".into()), (Number, "2".into())]);
        assert_eq!(toks("the 3rd time, mp3"), []);
    }

    #[test]
    fn digits_of_other_scripts_are_normalized() {
        assert_eq!(toks("اتصل ١-٨٨٨-٣٧٣-٧٨٨٨"), [(TokenKind::Phone, "1-888-373-7888".into())]);
        assert_eq!(toks("२४ घंटे"), [(TokenKind::Number, "24".into())]);
    }

    #[test]
    fn token_spans_point_into_the_text() {
        let text = "Ruf an: 1-888-373-7889!";
        let t = &tokens(text)[0];
        assert_eq!(&text[t.span.clone()], "1-888-373-7889");
    }

    #[test]
    fn ids_sharing_their_first_bytes_sort_whole() {
        let a = "message-long-b = 1\nmessage-long-a = 2\nmessage-long = 3\nmessage-lon = 4\nmessage-longer = 5\n";
        let b = "message-long-a = again\nm = 6\n-message-long = 7\n";
        let files = [SourceFile::new("en/a.ftl", a), SourceFile::new("en/b.ftl", b)];
        let (index, diags) = index_locale("en", &files, false).unwrap();
        let ids: Vec<&str> = index.entries().keys().collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        assert_eq!(ids.len(), 7);
        assert_eq!(&*index.entries()["message-long-a"].file, "en/a.ftl");
        let dup: Vec<_> = diags.iter().filter(|d| d.code == Code::DuplicateMessage).collect();
        assert_eq!(dup.len(), 1);
        assert_eq!(dup[0].file.as_deref(), Some("en/b.ftl"));
    }

    #[test]
    fn the_first_of_two_definitions_is_kept_and_entries_are_in_id_order() {
        let a = "b = one\na = two\nc = three\n";
        let b = "b = again\n-t = term\n";
        let files = [SourceFile::new("en/a.ftl", a), SourceFile::new("en/b.ftl", b)];
        let (index, diags) = index_locale("en", &files, false).unwrap();
        let ids: Vec<&str> = index.entries().keys().collect();
        assert_eq!(ids, ["-t", "a", "b", "c"]);
        let files: Vec<&str> = index.entries().values().map(|e| &*e.file).collect();
        assert_eq!(files, ["en/b.ftl", "en/a.ftl", "en/a.ftl", "en/a.ftl"]);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code.as_str(), "duplicate-message");
    }

    #[test]
    fn text_hashes_see_words_not_white_space() {
        let text = "a = Open the  door\n    now { $x } please\nb = Open the door now { $y }please\nc = Opent he door now { $x } please\nd = { $x } x1\n";
        let files = [SourceFile::new("en/a.ftl", text)];
        let (index, _) = index_locale("en", &files, false).unwrap();
        let info = |id: &str| index.entries()[id].value.clone().unwrap();
        let (a, b, c, d) = (info("a"), info("b"), info("c"), info("d"));
        // Line breaks, doubled spaces and the spaces around placeables do not count.
        assert_eq!(a.text_hash, b.text_hash);
        // Where the words break does.
        assert_ne!(a.text_hash, c.text_hash);
        assert_eq!((a.letter_words, a.letters), (2, 20));
        assert_eq!((d.letter_words, d.letters), (1, 1));
        assert_eq!(index.entries()["a"].words, 5);
    }

    #[test]
    fn without_counts_only_words_and_letters_are_left_out() {
        let text = "a = Open the  door\n    now { $x } please 12\nb = Call 555-0100 { $n ->\n    [one] one\n   *[other] many\n}\n";
        let files = [SourceFile::new("en/a.ftl", text)];
        let (full, _) = index_locale("en", &files, false).unwrap();
        let opts = IndexOptions { hashes: false, counts: false };
        let (lean, _) = index_locale_with("en", &files, opts).unwrap();
        for id in ["a", "b"] {
            let (f, l) = (&full.entries()[id], &lean.entries()[id]);
            assert!(f.words > 0);
            assert_eq!(l.words, 0);
            let (fv, lv) = (f.value.as_ref().unwrap(), l.value.as_ref().unwrap());
            assert!(fv.letters > 0 && fv.letter_words > 0);
            assert_eq!((lv.letters, lv.letter_words), (0, 0));
            // What the checks compare is the same.
            assert_eq!(fv.text_hash, lv.text_hash);
            assert_eq!(fv.tokens, lv.tokens);
            assert_eq!(fv.selects, lv.selects);
            assert_eq!(fv.variables, lv.variables);
        }
    }

    #[test]
    fn patterns_know_their_parts() {
        let text = "a = Hi { $name }, { -brand } { other.attr } { $n ->\n    [one] one\n    [one] again\n   *[other] { $n } \u{202e}x\n}\n";
        let files = [SourceFile::new("en/a.ftl", text)];
        let (index, diags) = index_locale("en", &files, true).unwrap();
        let e = &index.entries()["a"];
        let p = e.value.as_ref().unwrap();
        assert_eq!(e.variable_names().into_iter().collect::<Vec<_>>(), ["n", "name"]);
        let refs: Vec<_> =
            p.references.iter().map(|r| (r.id.as_str(), &text[r.span.clone()])).collect();
        assert_eq!(refs, [("-brand", "-brand"), ("other", "other.attr")]);
        assert_eq!(p.selects.len(), 1);
        assert!(p.selects[0].plural);
        assert_eq!(p.selects[0].keys, ["one", "one", "other"]);
        assert_eq!(p.suspicious.len(), 1);
        assert!(e.hash().is_some_and(|h| h.len() == 16));
        let codes: Vec<_> = diags.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["duplicate-variant"]);
    }

    #[test]
    fn hashes_ignore_comments_and_formatting() {
        let a = [SourceFile::new("en/a.ftl", "# note\nx = Hello   { $n }\n")];
        let b = [SourceFile::new("en/a.ftl", "x =\n    Hello   { $n }\n")];
        let c = [SourceFile::new("en/a.ftl", "x = Hello { $m }\n")];
        let hash = |f: &[SourceFile]| {
            index_locale("en", f, true).unwrap().0.entries()["x"].hash().map(str::to_owned)
        };
        assert_eq!(hash(&a), hash(&b));
        assert_ne!(hash(&a), hash(&c));
    }
}

#[cfg(test)]
mod junk_tests {
    use super::*;

    #[test]
    fn an_entry_after_an_unclosed_placeable_is_not_swallowed() {
        let text = "a = A\nbroken = Cassé {\nnext = Le suivant\nlast = Fin\n";
        let (index, diags) =
            index_locale("fr", &[SourceFile::new("fr/a.ftl", text)], false).unwrap();
        let ids: Vec<&str> = index.entries().keys().collect();
        assert_eq!(ids, ["a", "last", "next"]);
        assert_eq!(diags.len(), 1);
        // Reported at the end of the broken line, not inside `next`.
        assert_eq!(tolk_content::line_col(text, diags[0].span.clone().unwrap().start), (2, 17));
        assert_eq!(&text[index.entries()["next"].span.clone()], "next");
    }
}
